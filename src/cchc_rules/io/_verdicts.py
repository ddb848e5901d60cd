"""Verdicts written as JSON and CSV, whole or one row at a time to a stream."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from .._tabular import json_text, write_csv
from ..errors import Problem
from ..verdict import Verdict, verdict_records

__all__ = [
    "CSV_COLUMNS",
    "verdict_row",
    "verdict_rows",
    "verdicts_to_csv",
    "verdicts_to_json",
    "write_verdicts_csv",
    "write_verdicts_json",
]


def verdicts_to_json(items: Iterable[Verdict | Sequence[Problem]]) -> str:
    """A JSON list, one object per input row: a verdict, or the problems of a
    rejected row."""
    buffer = io.StringIO()
    write_verdicts_json(items, buffer)
    return buffer.getvalue()


def write_verdicts_json(items: Iterable[Verdict | Sequence[Problem]], stream: TextIO) -> None:
    """:func:`verdicts_to_json` written to ``stream`` one row at a time (the same
    text), so a batch of any size needs the memory of one verdict."""
    separator = "[\n  "
    for item in items:
        if isinstance(item, Verdict):
            data: Any = item.to_dict()
        else:
            data = {"rejected": True, "problems": [str(p) for p in item]}
        text = json_text(data)
        stream.write(separator + text.replace("\n", "\n  "))
        separator = ",\n  "
    stream.write("[]" if separator == "[\n  " else "\n]")


CSV_COLUMNS = (
    "unit", "kind", "parent", "head", "year", "index_score", "findings", "base_grade",
    "grade", "grade_label_vi", "mitigated", "demotion", "unverified",
)  # fmt: skip


def verdicts_to_csv(verdicts: Iterable[Verdict], style: str = "plain") -> str:
    """Verdicts as CSV, one row each (:data:`CSV_COLUMNS`), without the trace, in a
    :data:`~cchc_rules._tabular.CSV_STYLES` style: the score a number, never a
    formula, booleans ``true``/``false``."""
    buffer = io.StringIO()
    write_verdicts_csv(verdicts, buffer, style)
    return buffer.getvalue()


def write_verdicts_csv(verdicts: Iterable[Verdict], stream: TextIO, style: str = "plain") -> None:
    """:func:`verdicts_to_csv` written to ``stream`` one row at a time."""
    write_csv(CSV_COLUMNS, (verdict_row(v) for v in verdicts), stream, style)


def verdict_row(verdict: Verdict) -> list[Any]:
    """The cells of one verdict's CSV row, typed (the score a ``Decimal``)."""
    row = verdict_records((verdict,))[0]
    row["index_score"] = verdict.assessment.index_score
    return [row.get(c) for c in CSV_COLUMNS]


def verdict_rows(verdicts: Iterable[Verdict]) -> list[list[Any]]:
    """The cells of :func:`verdicts_to_csv`, typed."""
    return [verdict_row(v) for v in verdicts]
