"""A task report (the figures a unit published about its tasks) from a JSON
object or file, every bad field reported at once."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from .._files import parse_json, read_text
from .._messages import Message, said
from .._validate import require_path, require_text, to_count, to_percentage
from ..errors import CchcError, InvalidInputError, Problem
from ..reports import TaskReport

__all__ = ["read_task_report", "task_report_from_dict"]

_REPORT_FIELDS = [f.name for f in attrs.fields(TaskReport)]


def task_report_from_dict(data: Any, origin: str = "report") -> TaskReport:
    """A ``TaskReport`` from a JSON object, every bad field reported at once."""
    origin = require_text("origin", origin)
    if not isinstance(data, Mapping):
        raise InvalidInputError(
            Message(
                "{origin} must be a JSON object with TaskReport's fields (got {type})",
                origin=origin,
                type=type(data).__name__,
            )
        )
    problems = [
        Problem(origin, key, Message("is not a TaskReport field"))
        for key in sorted(set(data) - set(_REPORT_FIELDS))
    ]
    if "assigned" not in data:
        problems.append(Problem(origin, "assigned", Message("is required")))
    for key in _REPORT_FIELDS:
        if key in data:
            parse = to_percentage if key.endswith("_pct") else to_count
            try:
                parse(key, data[key])
            except (CchcError, ValueError, TypeError) as exc:
                problems.append(Problem(origin, key, said(exc)))
    if problems:
        raise InvalidInputError.collected(problems, origin)
    return TaskReport(**{k: data[k] for k in _REPORT_FIELDS if k in data})


def read_task_report(path: str | Path) -> TaskReport:
    """A ``TaskReport`` from a JSON file, every bad field reported at once."""
    file = require_path("path", path)
    data = parse_json(read_text(file), file)
    return task_report_from_dict(data, str(file))
