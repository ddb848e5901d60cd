"""Task tallies as flat rows, JSON and CSV."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._tabular import json_text, to_csv
from ..reports import COUNT_FIELDS
from ..tasks import TaskTally
from ..units import Unit

__all__ = ["GROUP_COLUMNS", "tallies_to_csv", "tallies_to_json", "tally_rows"]


GROUP_COLUMNS: dict[str, tuple[str, ...]] = {
    "unit": ("unit", "kind", "parent"),
    "area": ("area",),
    "group": ("group",),
}
"""The columns that name a group of a tally, by what it is grouped by: a unit is
its identity (name, kind, parent), so two "Phòng Nội vụ" under two districts are
two rows, and a task without a unit is a group of its own with empty cells."""


def tally_rows(
    tallies: Mapping[Any, TaskTally], by: str = "group", places: int = 1
) -> list[dict[str, Any]]:
    """One flat row per group: the group's columns (:data:`GROUP_COLUMNS`), the
    counts, and the percentages (``None`` when nothing was assigned).

    >>> from cchc_rules import Unit, UnitKind
    >>> district = Unit("UBND quận Lê Chân", UnitKind.DISTRICT)
    >>> office = Unit("Phòng Nội vụ", UnitKind.SUBORDINATE, district)
    >>> rows = tally_rows({office: TaskTally(2, 1, 1, 0, 1, 0), None: TaskTally(1, 0, 0, 0, 1, 0)},
    ...                   "unit")
    >>> for r in rows:
    ...     print(r["unit"], r["kind"], r["parent"], r["assigned"])
    Phòng Nội vụ SUBORDINATE UBND quận Lê Chân 2
    None None None 1
    """
    columns = GROUP_COLUMNS[by]
    out = []
    for key, tally in tallies.items():
        if isinstance(key, Unit):
            group: dict[str, Any] = {
                "unit": key.name,
                "kind": key.kind.name,
                "parent": key.parent.name if key.parent else None,
            }
        else:
            group = dict.fromkeys(columns, None if key is None else str(key))
        row = {c: group.get(c) for c in columns} | dict(tally.to_dict())
        for name in COUNT_FIELDS[1:]:
            row[f"{name}_pct"] = tally.percent(name, places) if tally.assigned else None
        out.append(row)
    return out


def tallies_to_json(tallies: Mapping[Any, TaskTally], by: str = "group", places: int = 1) -> str:
    """Tallies as a JSON list of :func:`tally_rows` (percentages as text)."""
    return json_text(tally_rows(tallies, by, places))


def tallies_to_csv(
    tallies: Mapping[Any, TaskTally], by: str = "group", places: int = 1, style: str = "plain"
) -> str:
    """Tallies as CSV, the columns of :func:`tally_rows` (an empty cell for none)."""
    pct = [f"{n}_pct" for n in COUNT_FIELDS[1:]]
    columns = [*GROUP_COLUMNS[by], *COUNT_FIELDS, *pct]
    rows = tally_rows(tallies, by, places)
    return to_csv(columns, ([r[c] for c in columns] for r in rows), style)
