"""Reading input files: one place that turns I/O and decoding failures into clear
``InvalidInputError`` s naming the file."""

from __future__ import annotations

import errno
import json
from pathlib import Path
from typing import Any

from ._messages import Message
from .errors import InvalidInputError


def read_text(file: Path) -> str:
    """The file's text, UTF-8 with or without BOM (as Excel writes it)."""
    try:
        return file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            Message(
                "{file} is not UTF-8 text ({reason} at byte {byte})",
                file=file,
                reason=exc.reason,
                byte=exc.start,
            )
        ) from None
    except OSError as exc:
        raise InvalidInputError(
            Message("cannot read {file}: {reason}", file=file, reason=os_reason(exc))
        ) from None


def parse_json(text: str, file: Path) -> Any:
    try:
        return json.loads(text)
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
