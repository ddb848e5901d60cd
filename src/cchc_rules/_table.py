"""Plain-text tables for the command line (no dependency, Unicode-aware enough for
Vietnamese in NFC, where every letter is one column)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

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


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) or (
        hasattr(value, "is_finite") and not isinstance(value, str)
    )
