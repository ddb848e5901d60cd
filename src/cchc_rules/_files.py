"""Reading input files: one place that turns I/O and decoding failures into clear
``InvalidInputError`` s naming the file."""

from __future__ import annotations

import codecs
import errno
import json
import unicodedata
from pathlib import Path
from typing import Any

from ._messages import Message
from .errors import InvalidInputError


def read_text(file: Path, encoding: str | None = None) -> str:
    """The file's text in Unicode NFC. Without ``encoding``: UTF-8 with or without
    BOM (Excel's "CSV UTF-8") or UTF-16 with its BOM (Excel's "Unicode text");
    anything else is refused with the advice to save as CSV UTF-8, since guessing a
    legacy code page (Windows-1258, TCVN3) would give wrong letters, not an error.
    """
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InvalidInputError(
            Message("cannot read {file}: {reason}", file=file, reason=os_reason(exc))
        ) from None
    if encoding is None and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    try:
        text = data.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as exc:
        if encoding is not None:
            raise InvalidInputError(
                Message(
                    "{file} is not {encoding} text ({reason} at byte {byte})",
                    file=file,
                    encoding=encoding,
                    reason=exc.reason,
                    byte=exc.start,
                )
            ) from None
        raise InvalidInputError(
            Message(
                "{file} is not UTF-8 text ({reason} at byte {byte}); in Excel, save it as "
                '"CSV UTF-8 (Comma delimited)", or name its encoding with --encoding',
                file=file,
                reason=exc.reason,
                byte=exc.start,
            )
        ) from None
    if encoding is not None:
        text = text.removeprefix("\ufeff")
    return nfc(text)


def check_encoding(value: object) -> str:
    """``value`` if it names a text encoding Python knows (e.g. ``cp1258``)."""
    try:
        if isinstance(value, str) and codecs.lookup(value).name:
            return value
    except LookupError:
        pass
    raise InvalidInputError.for_field(
        "encoding", Message("must name a text encoding such as utf-8 or cp1258"), value
    )


def nfc(text: str) -> str:
    """``text`` in Unicode NFC (composed), as Vietnamese is compared here.

    >>> nfc("Ho\u0300a") == "Hòa"
    True
    """
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


class _DuplicateKey(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def parse_json(text: str, file: Path) -> Any:
    """The JSON value in ``text``; an object with a key given twice is an error
    (never last-one-wins)."""
    try:
        return json.loads(text, object_pairs_hook=_unique_keys)
    except _DuplicateKey as exc:
        raise InvalidInputError(
            Message(
                "{file} has the key {key} twice in one object; keep one",
                file=file,
                key=repr(exc.args[0]),
            )
        ) from None
    except json.JSONDecodeError as exc:
        raise InvalidInputError(
            Message(
                "{file} is not valid JSON: {reason}",
                file=file,
                reason=Message(
                    "{detail}: line {line} column {column} (char {char})",
                    detail=exc.msg,
                    line=exc.lineno,
                    column=exc.colno,
                    char=exc.pos,
                ),
            )
        ) from None


def os_reason(exc: OSError) -> str:
    """The operating system's reason, translatable for the usual ones."""
    known = {
        errno.ENOENT: Message("No such file or directory"),
        errno.EACCES: Message("Permission denied"),
        errno.EISDIR: Message("Is a directory"),
    }
    return known.get(exc.errno or 0, exc.strerror or type(exc).__name__)


def csv_delimiter(text: str) -> str:
    """The delimiter of a CSV, judged from its header line: ``,`` as written in
    most places, ``;`` as Excel writes "CSV" where the regional list separator is a
    semicolon (usual where the decimal mark is a comma), or a tab. Column names
    hold none of these, so the header line cannot mislead.

    >>> csv_delimiter("unit;kind;year\\n"), csv_delimiter("unit,kind\\n")
    (';', ',')
    """
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","
