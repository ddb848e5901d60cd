"""``.xlsx`` workbooks in and out (extra ``excel``: ``pip install
'cchc-rules[excel]'``; openpyxl is imported only when a workbook is read or
written).

Reading takes the first sheet: its first row is the header (English or Vietnamese,
as in a CSV), each later row a record; blank rows are skipped, numbers stay numbers
and a date cell is a day. Writing keeps text as text — a unit named
``=HYPERLINK(...)`` is stored as a string, never as a formula — and numbers (scores,
counts, percentages) as numbers, so the round trip keeps Vietnamese text and
figures exactly.
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from ._files import nfc, read_bytes
from ._messages import Message
from .errors import CchcError, InvalidInputError

__all__ = ["read_sheet", "to_xlsx"]


def _openpyxl() -> Any:
    try:
        return importlib.import_module("openpyxl")
    except ImportError:
        raise CchcError(
            Message(
                "reading and writing .xlsx needs openpyxl: install it with "
                "pip install 'cchc-rules[excel]'"
            )
        ) from None


def read_sheet(source: Path | bytes) -> tuple[list[Any], list[tuple[int, list[Any]]]]:
    """The header cells and ``(row number, cells)`` of every later row of the first
    sheet of a workbook (a file, or its bytes); text in NFC, a date-time at midnight
    as a day."""
    openpyxl = _openpyxl()
    # a file is read whole first, within the input size limit (--max-input-mb)
    data = source if isinstance(source, bytes) else read_bytes(source)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not xlsx
        raise InvalidInputError(
            Message(
                "{file} is not an .xlsx workbook ({reason})",
                file="data" if isinstance(source, bytes) else source,
                reason=f"{type(exc).__name__}: {exc}",
            )
        ) from None
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header = [_value(v) for v in next(rows, ())]
        records = [(n, [_value(v) for v in row]) for n, row in enumerate(rows, 2)]
    finally:
        workbook.close()
    return header, records


def _value(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


def to_xlsx(header: Sequence[str], rows: Iterable[Sequence[Any]], title: str = "cchc") -> bytes:
    """A workbook with one sheet: ``header`` in bold, then ``rows``; text stays
    text, numbers numbers, ``None`` an empty cell.

    >>> from decimal import Decimal
    >>> data = to_xlsx(["unit", "score"], [["=HYPERLINK(1)", Decimal("89.95")]])
    >>> header, rows = read_sheet(data)
    >>> header, rows
    (['unit', 'score'], [(2, ['=HYPERLINK(1)', 89.95])])
    """
    openpyxl = _openpyxl()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    bold = openpyxl.styles.Font(bold=True)
    for column, name in enumerate(header, 1):
        sheet.cell(row=1, column=column, value=name).font = bold
    for number, row in enumerate(rows, 2):
        for column, value in enumerate(row, 1):
            cell = sheet.cell(row=number, column=column)
            if isinstance(value, Decimal):
                cell.value = float(value) if value == Decimal(str(float(value))) else str(value)
            elif isinstance(value, bool | int | float) or value is None:
                cell.value = value
            else:
                cell.value = str(value)
                cell.data_type = "s"  # text, even when it starts with "="
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
