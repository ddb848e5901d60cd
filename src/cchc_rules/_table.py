"""Plain-text tables for the command line (no dependency, Unicode-aware enough for
Vietnamese in NFC, where every letter is one column)."""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TextIO

from ._output import printable


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else 1 for c in text)


def render(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A table with a header rule; numbers are right-aligned. Control characters
    in a cell are shown as escapes, so a name cannot move the cursor or recolour
    the terminal.

    >>> print(render(["a", "n"], [["x", 1], ["yy", 22]]))
    a    n
    --  --
    x    1
    yy  22
    """
    cells = [[printable(str(c), cell=True) for c in row] for row in rows]
    headers = [printable(h, cell=True) for h in headers]
    widths = [_width(h) for h in headers]
    for row in cells:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], _width(cell))
    numeric = [all(_is_number(row[i]) for row in rows) and bool(rows) for i in range(len(headers))]

    def line(items: Sequence[str]) -> str:
        out = []
        for i, item in enumerate(items):
            pad = " " * (widths[i] - _width(item))
            out.append(pad + item if numeric[i] else item + pad)
        return "  ".join(out).rstrip()

    return "\n".join(
        [line(list(headers)), line(["-" * w for w in widths])] + [line(r) for r in cells]
    )


SAMPLE_ROWS = 1_000
"""Rows :func:`write_table` reads before it fixes the column widths."""


def write_table(headers: Sequence[str], rows: Iterable[Sequence[object]], stream: TextIO) -> None:
    """:func:`render` written to ``stream`` as rows arrive, with a final newline.
    Column widths and alignment come from the first :data:`SAMPLE_ROWS` rows (all
    of them in a smaller table, which is then the same as :func:`render`'s); a
    longer cell further down widens its own line only.

    >>> import sys
    >>> write_table(["a", "n"], iter([["x", 1], ["yy", 22]]), sys.stdout)
    a    n
    --  --
    x    1
    yy  22
    """
    iterator = iter(rows)
    sample = list(itertools.islice(iterator, SAMPLE_ROWS))
    text = render(headers, sample)
    stream.write(text + "\n")
    lines = text.split("\n")
    if len(sample) < SAMPLE_ROWS:
        return
    widths = [len(cell) for cell in lines[1].split("  ")]
    numeric = [
        all(_is_number(row[i]) for row in sample) and bool(sample) for i in range(len(headers))
    ]
    for row in iterator:
        cells = [printable(str(c), cell=True) for c in row]
        out = []
        for i, item in enumerate(cells):
            pad = " " * (widths[i] - _width(item))
            out.append(pad + item if numeric[i] else item + pad)
        stream.write("  ".join(out).rstrip() + "\n")


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) or (
        hasattr(value, "is_finite") and not isinstance(value, str)
    )
