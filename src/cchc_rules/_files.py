"""Reading input files: one place that turns I/O and decoding failures into clear
``InvalidInputError`` s naming the file, and that bounds what a file may hold."""

from __future__ import annotations

import codecs
import contextlib
import csv
import errno
import json
import os
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

from ._messages import Message, Row, quoted
from ._validate import MAX_INT_DIGITS
from .errors import InvalidInputError


class Limits:
    """Bounds on every input the library reads, so a hostile or broken file (a
    device that never ends, a cell of a gigabyte, nesting a million deep) is a
    clear error, not a memory or stack exhaustion. Change them on
    :data:`cchc_rules.io.LIMITS` (the command line: ``--max-input-mb``).

    - ``input_bytes``: largest file read, in bytes (default 256 MiB, about three
      million assessment rows);
    - ``cell_characters``: longest CSV cell (default 131,072, Python's own);
    - whole numbers longer than 4,300 digits are refused (Python's own limit on
      converting text to ``int``, ``sys.get_int_max_str_digits()``; the library
      checks the same bound on every integer argument);
    - nesting depth is bounded by the interpreter's recursion limit: JSON, TOML
      and a CSV ``findings`` cell nested deeper are refused with a clear error.
    """

    __slots__ = ("cell_characters", "input_bytes")

    def __init__(self) -> None:
        self.input_bytes = 256 * 2**20
        self.cell_characters = 131_072

    def __repr__(self) -> str:
        return f"Limits(input_bytes={self.input_bytes}, cell_characters={self.cell_characters})"


LIMITS = Limits()
"""The limits in force (one per process)."""


def require_path_text(file: Path) -> None:
    """A path the operating system can be asked about (no NUL, no lone surrogate)."""
    text = str(file)
    try:
        if "\x00" in text:
            raise ValueError(text)
        os.fsencode(text)
    except (UnicodeError, ValueError):
        raise InvalidInputError(
            Message("{file} is not a usable file name", file=ascii(text))
        ) from None


def read_bytes(file: Path) -> bytearray:
    """The file's bytes, at most ``LIMITS.input_bytes`` of them; a larger file (or a
    device that never ends, like ``/dev/zero``) is an error saying how to raise the
    limit."""
    require_path_text(file)
    limit = LIMITS.input_bytes
    data = bytearray()
    try:
        with file.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            while size <= limit and len(data) <= limit:  # a device reports size 0
                chunk = handle.read(min(2**20, limit + 1 - len(data)))
                if not chunk:
                    break
                data += chunk
    except OSError as exc:
        raise InvalidInputError(
            Message("cannot read {file}: {reason}", file=file, reason=os_reason(exc))
        ) from None
    if size > limit or len(data) > limit:
        _too_large(file, limit)
    return data


def _too_large(file: Path, limit: int) -> NoReturn:
    raise InvalidInputError(
        Message(
            "{file} is larger than {limit} MiB, the most cchc-rules reads; raise the "
            "limit with --max-input-mb (or cchc_rules.io.LIMITS.input_bytes)",
            file=file,
            limit=f"{limit / 2**20:g}",
        )
    )


def read_text(file: Path, encoding: str | None = None) -> str:
    """The file's text in Unicode NFC. Without ``encoding``: UTF-8 with or without
    BOM (Excel's "CSV UTF-8") or UTF-16 with its BOM (Excel's "Unicode text");
    anything else is refused with the advice to save as CSV UTF-8, since guessing a
    legacy code page (Windows-1258, TCVN3) would give wrong letters, not an error.
    """
    data = read_bytes(file)
    if encoding is None and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    try:
        text = data.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as exc:
        _undecodable(file, encoding, exc.reason, exc.start)
    if encoding is not None:
        text = text.removeprefix("\ufeff")
    return nfc(text)


def require_decoding(file: Path, encoding: str | None = None) -> str:
    """The encoding to read ``file``'s lines with (:func:`text_lines`), after
    decoding the whole file in chunks, never holding it: the same choice and the same
    errors as :func:`read_text`, raised before any line is handed on; and no larger
    than ``LIMITS.input_bytes``, as :func:`read_bytes` reads."""
    require_path_text(file)
    limit = LIMITS.input_bytes
    try:
        with file.open("rb") as handle:
            if os.fstat(handle.fileno()).st_size > limit:
                _too_large(file, limit)
            chunk = handle.read(CHUNK_BYTES)
            if encoding is None and chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                encoding = "utf-16"
            consumed = 0  # bytes before ``chunk`` (read_text counts from after a UTF-8 BOM)
            if encoding is None and chunk.startswith(codecs.BOM_UTF8):
                chunk = chunk[len(codecs.BOM_UTF8) :]
            decoder = codecs.getincrementaldecoder(encoding or "utf-8")()
            while True:
                pending = len(decoder.getstate()[0])
                try:
                    decoder.decode(chunk, final=not chunk)
                except UnicodeDecodeError as exc:
                    _undecodable(file, encoding, exc.reason, consumed - pending + exc.start)
                if not chunk:
                    return encoding or "utf-8-sig"
                consumed += len(chunk)
                if consumed > limit:  # a device that never ends reports size 0
                    _too_large(file, limit)
                chunk = handle.read(CHUNK_BYTES)
    except OSError as exc:
        raise InvalidInputError(
            Message("cannot read {file}: {reason}", file=file, reason=os_reason(exc))
        ) from None


CHUNK_BYTES = 1 << 20
"""How much of a file is decoded at a time when it is checked without being held."""


def _undecodable(file: Path, encoding: str | None, reason: str, byte: int) -> NoReturn:
    if encoding is not None:
        raise InvalidInputError(
            Message(
                "{file} is not {encoding} text ({reason} at byte {byte})",
                file=file,
                encoding=encoding,
                reason=reason,
                byte=byte,
            )
        )
    raise InvalidInputError(
        Message(
            "{file} is not UTF-8 text ({reason} at byte {byte}); in Excel, save it as "
            '"CSV UTF-8 (Comma delimited)", or name its encoding with --encoding',
            file=file,
            reason=reason,
            byte=byte,
        )
    )


@contextlib.contextmanager
def text_lines(file: Path, encoding: str) -> Iterator[Iterator[str]]:
    """The file's lines, one at a time, in NFC and without a BOM, for ``csv.reader``;
    ``encoding`` from :func:`require_decoding`."""
    try:
        handle = file.open(encoding=encoding, newline="")
    except OSError as exc:
        raise InvalidInputError(
            Message("cannot read {file}: {reason}", file=file, reason=os_reason(exc))
        ) from None

    def lines() -> Iterator[str]:
        first = next(handle, None)
        if first is None:
            return
        yield nfc(first.removeprefix("\ufeff"))
        normalized, normalize = unicodedata.is_normalized, unicodedata.normalize
        for line in handle:  # nfc(line), without a call for each line
            yield line if line.isascii() or normalized("NFC", line) else normalize("NFC", line)

    with handle:
        yield lines()


def require_encoding(value: object) -> str:
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
                key=quoted(exc.args[0]),
            )
        ) from None
    except (RecursionError, ValueError) as exc:
        raise InvalidInputError(
            Message("{file} is not valid JSON: {reason}", file=file, reason=parse_reason(exc))
        ) from None


def parse_json_list(text: str, file: Path, *, objects: bool = True) -> list[Any]:
    """The JSON list in ``text``, as every JSON input file holds: a list of objects
    (with ``objects=False`` its items are left for the caller to check, so each bad
    one is reported with its place). Anything else is an error naming ``file``."""
    data = parse_json(text, file)
    if not isinstance(data, list) or (objects and not all(isinstance(r, dict) for r in data)):
        raise InvalidInputError(
            Message(
                "{file} must hold a JSON list of objects (got {type})",
                file=file,
                type=type(data).__name__,
            )
        )
    return data


def parse_reason(exc: BaseException) -> str:
    """Why a JSON or TOML parser refused its text, translatable for the bounds."""
    if isinstance(exc, RecursionError):
        return Message("nested too deeply")
    if isinstance(exc, json.JSONDecodeError):
        return Message(
            "{detail}: line {line} column {column} (char {char})",
            detail=exc.msg,
            line=exc.lineno,
            column=exc.colno,
            char=exc.pos,
        )
    if "digits" in str(exc):  # int() refusing a number over sys.get_int_max_str_digits()
        return Message("a whole number has more than {limit} digits", limit=MAX_INT_DIGITS)
    return str(exc)


def apply_cell_limit() -> None:
    """Give the ``csv`` module the cell limit in force (it keeps one per process)."""
    if csv.field_size_limit() != LIMITS.cell_characters:
        csv.field_size_limit(LIMITS.cell_characters)


@contextlib.contextmanager
def csv_errors(file: object, line: Callable[[], int] | None = None) -> Iterator[None]:
    """Read a CSV inside this block: the parser's own failures (a cell longer than
    ``LIMITS.cell_characters``, a NUL byte) become errors naming the file and the
    row ``line()`` says is being read."""
    apply_cell_limit()
    try:
        yield
    except csv.Error as exc:
        where = Row(max(1, line())) if line is not None else Row(1)
        raise InvalidInputError(
            Message("{file}, {where}: {reason}", file=file, where=where, reason=csv_reason(exc))
        ) from None


def csv_reason(exc: csv.Error) -> str:
    """Why the ``csv`` parser stopped, translatable for the cell-size bound."""
    if "field larger" in str(exc):
        return Message(
            "a cell is longer than {limit} characters, the most cchc-rules reads",
            limit=LIMITS.cell_characters,
        )
    return str(exc)


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
