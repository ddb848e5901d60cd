"""Task tables (``title, due`` and optionally ``completed, assigned, unit, kind,
parent, parent_kind, area``) to tasks; dates in ISO or day-first form."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .._columns import TASK_COLUMNS, TASK_OPTIONAL
from .._messages import said
from .._validate import parse_day, require_text
from ..errors import CchcError, Problem
from ..tasks import Task
from ..units import UnitKind
from ._fields import RowFields, row_unit
from ._rows import every_item, iter_rows

__all__ = ["parse_task_rows", "read_tasks"]


def parse_task_rows(
    rows: Sequence[Mapping[str, Any]], locations: Sequence[str]
) -> tuple[list[Task], list[Problem]]:
    """Tasks from rows (``title, due`` and optionally ``completed, assigned, unit,
    kind, parent, parent_kind, area``); dates in ISO or day-first form."""
    tasks: list[Task] = []
    problems: list[Problem] = []
    for row, where in zip(rows, locations, strict=True):
        task, found = _parse_task_row(row, where)
        if task is not None:
            tasks.append(task)
        problems.extend(found)
    return tasks, problems


def _parse_task_row(row: Mapping[str, Any], where: str) -> tuple[Task | None, list[Problem]]:
    f = RowFields(row, where, (*TASK_COLUMNS, *TASK_OPTIONAL))
    title = f.get("title", lambda v: require_text("title", v), required=True)
    due = f.get("due", lambda v: parse_day(v, "due"), required=True)
    completed = f.get("completed", lambda v: parse_day(v, "completed"))
    assigned = f.get("assigned", lambda v: parse_day(v, "assigned"))
    area = f.get("area", lambda v: require_text("area", v))
    unit = None
    unit_name = f.get("unit", lambda v: require_text("unit", v))
    if unit_name is not None:
        kind = f.get("kind", UnitKind.parse, required=True)
        parent = f.get("parent", lambda v: require_text("parent", v))
        parent_kind = f.get("parent_kind", lambda v: UnitKind.parse(v, "parent_kind"))
        if kind is not None:
            try:
                unit = row_unit(unit_name, kind, parent, parent_kind, {})
            except CchcError as exc:
                f.fail("parent", said(exc))
    if f.found or title is None or due is None:
        return None, f.found
    try:
        return Task(title, due, completed, assigned=assigned, unit=unit, area=area), f.found
    except CchcError as exc:
        f.fail("", said(exc))
        return None, f.found


def read_tasks(path: str | Path, encoding: str | None = None) -> list[Task]:
    """Every task in a CSV or JSON file, or one error listing every bad row."""
    rows = iter_rows(path, TASK_COLUMNS, encoding)
    return every_item((_parse_task_row(row, where) for row, where in rows), path)
