"""Differences between published and computed grades, as flat rows and CSV."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .._tabular import to_csv
from ..published_grades import GradeDiscrepancy

__all__ = ["DISCREPANCY_COLUMNS", "discrepancies_to_csv", "discrepancy_rows"]

DISCREPANCY_COLUMNS = (
    "row", "unit", "kind", "parent", "head", "year", "index_score", "published_grade",
    "grade", "base_grade", "unverified", "brief",
)  # fmt: skip


def discrepancy_rows(
    found: Iterable[tuple[str, GradeDiscrepancy]],
) -> list[dict[str, Any]]:
    """Flat rows (the columns of :data:`DISCREPANCY_COLUMNS`) for located
    discrepancies."""
    out = []
    for where, d in found:
        row = d.to_dict()
        out.append(
            {
                "row": str(where),
                **{k: row[k] for k in DISCREPANCY_COLUMNS[1:-2]},
                "index_score": d.assessment.index_score,
                "unverified": ", ".join(d.verdict.unverified),
                "brief": row["brief"],
            }
        )
    return out


def discrepancies_to_csv(
    found: Iterable[tuple[str, GradeDiscrepancy]], style: str = "plain"
) -> str:
    rows = discrepancy_rows(found)
    return to_csv(DISCREPANCY_COLUMNS, ([r[c] for c in DISCREPANCY_COLUMNS] for r in rows), style)
