"""Tables written for spreadsheets and services: CSV in three styles and the
cells' safety, and the JSON text of table rows.

Every CSV the library writes goes through :func:`to_csv`, so in each of them:

- a text cell that a spreadsheet would run as a formula (one starting with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return) is written with a leading ``'``,
  as OWASP recommends against CSV injection; numbers stay numbers;
- booleans are ``true`` / ``false``, never Python's ``True``;
- ``None`` is an empty cell.

Styles: ``plain`` (UTF-8, ``,``, ``\\n``), ``excel`` (UTF-8 with BOM and ``\\r\\n``, so
Excel opens Vietnamese text right) and ``excel-vi`` (as ``excel``, separated by
``;`` with decimal commas, as Excel reads "CSV" under Vietnamese regional settings).

>>> print(to_csv(["unit", "score", "ok"], [["=HYPERLINK(1)", Decimal("89.95"), False]]), end="")
unit,score,ok
'=HYPERLINK(1),89.95,false
>>> print(to_csv(["unit", "score"], [["Sở Y tế", Decimal("-1.5")]], "excel-vi").lstrip("\\ufeff"))
unit;score
Sở Y tế;-1,5
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, Final, TextIO

from ._messages import Message
from .errors import InvalidInputError

__all__ = ["CSV_STYLES", "cell_text", "json_text", "require_style", "to_csv", "write_csv"]

CSV_STYLES: Final = ("plain", "excel", "excel-vi")

_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


def require_style(style: object) -> str:
    if style not in CSV_STYLES:
        raise InvalidInputError.for_field(
            "style", Message("must be one of {names}", names=", ".join(CSV_STYLES)), style
        )
    return str(style)


def cell_text(value: Any, decimal_comma: bool = False) -> str:
    """One cell as CSV text (see the module's rules).

    >>> cell_text("+84 225"), cell_text(-3), cell_text(True), cell_text(None)
    ("'+84 225", '-3', 'true', '')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal | float):
        text = str(value)
        return text.replace(".", ",") if decimal_comma else text
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]], style: str = "plain") -> str:
    """The table as CSV text in ``style``; an ``excel`` style starts with a BOM."""
    buffer = io.StringIO()
    write_csv(header, rows, buffer, style)
    return buffer.getvalue()


def write_csv(
    header: Sequence[str], rows: Iterable[Sequence[Any]], stream: TextIO, style: str = "plain"
) -> None:
    """:func:`to_csv` written to ``stream`` one row at a time."""
    style = require_style(style)
    excel = style != "plain"
    comma = style == "excel-vi"
    writer = csv.writer(
        stream, delimiter=";" if comma else ",", lineterminator="\r\n" if excel else "\n"
    )
    if excel:
        stream.write("\ufeff")
    writer.writerow([cell_text(h) for h in header])
    for row in rows:
        writer.writerow([cell_text(v, comma) for v in row])


def json_text(data: Any) -> str:
    """``data`` as indented JSON, Vietnamese as it is (not ``\\u`` escapes) and a
    ``Decimal`` as its text, so a score keeps every digit it was written with.

    >>> print(json_text({"unit": "Sở Y tế", "index_score": Decimal("89.50")}))
    {
      "unit": "Sở Y tế",
      "index_score": "89.50"
    }
    """
    return json.dumps(data, ensure_ascii=False, indent=2, default=_jsonable)


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"not JSON-serialisable: {type(value).__name__}")
