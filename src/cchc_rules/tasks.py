"""CCHC tasks: their status under the Civil Code, and tallies of tasks by status.
The published figures and their check live in :mod:`cchc_rules.reports`.

A task's deadline is its due day rolled forward to a working day (Bộ luật Dân sự
2015, Điều 148(5)):

>>> task = Task("Ban hành kế hoạch CCHC", due=date(2019, 4, 27), completed=date(2019, 5, 2))
>>> task.status(as_of=date(2019, 5, 31))
<TaskStatus.ON_TIME: 'on_time'>
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Hashable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any, Literal

import attrs

from ._messages import DEFAULT_LANG, Labelled, Lang, Message, name_members, quoted
from ._validate import optional_text, require_date, require_int, require_iterable, require_text
from .calendar import WorkingCalendar, calendar_or_default
from .errors import InvalidInputError, InvalidTypeError
from .reports import (
    COUNT_FIELDS,
    MAX_PLACES,
    SEED_004_REPORT,
    Discrepancy,
    DiscrepancyKind,
    TallyField,
    TaskReport,
    check_percentage,
    check_task_report,
    percent_of,
)
from .units import Unit

# The published figures live in cchc_rules.reports; their names are re-exported
# here, where they lived before, so existing imports keep working.
__all__ = [
    "COUNT_FIELDS",
    "MAX_PLACES",
    "SEED_004_REPORT",
    "Discrepancy",
    "DiscrepancyKind",
    "TallyField",
    "Task",
    "TaskReport",
    "TaskStatus",
    "TaskTally",
    "check_percentage",
    "check_task_report",
    "percent_of",
    "tally_by",
    "tally_tasks",
]


class TaskStatus(Labelled, enum.Enum):
    """A task's status on a day; ``label(lang)`` names it.

    >>> TaskStatus.LATE.label(), TaskStatus.LATE.label("en")
    ('hoàn thành quá hạn', 'completed late')
    """

    ON_TIME = "on_time"
    LATE = "late"
    IN_PROGRESS = "in_progress"
    OVERDUE = "overdue"


name_members(
    {
        TaskStatus.ON_TIME: Message("completed on time"),
        TaskStatus.LATE: Message("completed late"),
        TaskStatus.IN_PROGRESS: Message("in progress"),
        TaskStatus.OVERDUE: Message("overdue"),
    }
)


def _optional_date(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        require_date(attribute.name, value)


def _optional_unit(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, Unit):
        raise InvalidTypeError.for_field(attribute.name, "a Unit or None", value)


def _title(value: Any) -> str:
    return require_text("title", value)


def _area(value: Any) -> str | None:
    return optional_text("area", value)


@attrs.frozen
class Task:
    """A CCHC task: ``due`` day, ``completed`` day if done; optionally the day it was
    ``assigned``, its ``unit`` and its content ``area`` (nội dung / lĩnh vực)."""

    title: str = attrs.field(converter=_title)
    due: date = attrs.field(validator=lambda _i, _a, v: require_date("due", v))
    completed: date | None = attrs.field(default=None, validator=_optional_date)
    assigned: date | None = attrs.field(default=None, validator=_optional_date, kw_only=True)
    unit: Unit | None = attrs.field(default=None, validator=_optional_unit, kw_only=True)
    area: str | None = attrs.field(default=None, converter=_area, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.assigned is None:
            return
        for name in ("due", "completed"):
            value = getattr(self, name)
            if value is not None and value < self.assigned:
                raise InvalidInputError(
                    Message(
                        "{field} must not be before assigned {assigned} (got {day}) "
                        "in task {title}",
                        field=name,
                        assigned=self.assigned.isoformat(),
                        day=value.isoformat(),
                        title=quoted(self.title),
                    )
                )

    @classmethod
    def within_working_days(
        cls,
        title: str,
        assigned: date,
        working_days: int,
        *,
        completed: date | None = None,
        unit: Unit | None = None,
        area: str | None = None,
        calendar: WorkingCalendar | None = None,
    ) -> Task:
        """A task to finish within ``working_days`` working days of ``assigned``
        (Điều 147: the assignment day is not counted).

        >>> Task.within_working_days("Trả lời kiến nghị", date(2019, 4, 26), 3).due  # 4/5 worked
        datetime.date(2019, 5, 4)
        """
        require_date("assigned", assigned)
        require_int("working_days", working_days, minimum=1)
        due = calendar_or_default(calendar).add_working_days(assigned, working_days)
        return cls(title, due, completed, assigned=assigned, unit=unit, area=area)

    def deadline(self, calendar: WorkingCalendar | None = None) -> date:
        """``due`` rolled forward to a working day (Điều 148(5))."""
        return calendar_or_default(calendar).next_working_day(self.due)

    def status(self, as_of: date, calendar: WorkingCalendar | None = None) -> TaskStatus:
        """Completed by ``as_of``: ON_TIME if on or before the deadline, else LATE.
        Not completed by ``as_of``: IN_PROGRESS while ``as_of`` is on or before the
        deadline, else OVERDUE."""
        require_date("as_of", as_of)
        deadline = self.deadline(calendar)
        if self.completed is not None and self.completed <= as_of:
            return TaskStatus.ON_TIME if self.completed <= deadline else TaskStatus.LATE
        return TaskStatus.IN_PROGRESS if as_of <= deadline else TaskStatus.OVERDUE


# -- tallies ------------------------------------------------------------------------


@attrs.frozen
class TaskTally:
    """Counts of tasks by status. ``completed = on_time + late`` and
    ``assigned = completed + in_progress + overdue`` by construction."""

    assigned: int = attrs.field(validator=lambda _i, a, v: require_int(a.name, v, minimum=0))
    completed: int = attrs.field(validator=lambda _i, a, v: require_int(a.name, v, minimum=0))
    on_time: int = attrs.field(validator=lambda _i, a, v: require_int(a.name, v, minimum=0))
    late: int = attrs.field(validator=lambda _i, a, v: require_int(a.name, v, minimum=0))
    in_progress: int = attrs.field(validator=lambda _i, a, v: require_int(a.name, v, minimum=0))
    overdue: int = attrs.field(validator=lambda _i, a, v: require_int(a.name, v, minimum=0))

    def __attrs_post_init__(self) -> None:
        if self.completed != self.on_time + self.late:
            raise InvalidInputError(
                Message(
                    "completed must equal on_time + late = {expected} (got {value})",
                    expected=self.on_time + self.late,
                    value=self.completed,
                )
            )
        parts = self.completed + self.in_progress + self.overdue
        if self.assigned != parts:
            raise InvalidInputError(
                Message(
                    "assigned must equal completed + in_progress + overdue = {expected} "
                    "(got {value})",
                    expected=parts,
                    value=self.assigned,
                )
            )

    def percent(self, field: str, places: int = 1) -> Decimal:
        """``field`` as a percentage of tasks assigned, rounded half up.

        >>> TaskTally(287, 256, 203, 53, 31, 0).percent("late")
        Decimal('18.5')
        """
        if field not in COUNT_FIELDS:
            raise InvalidInputError.for_field(
                "field", Message("must be one of {names}", names=", ".join(COUNT_FIELDS)), field
            )
        if self.assigned == 0:
            raise InvalidInputError(
                Message(
                    "{field} has no percentage: no tasks were assigned (assigned is 0)",
                    field=field,
                )
            )
        return percent_of(getattr(self, field), self.assigned, places)

    def to_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in COUNT_FIELDS}

    def to_html(self, lang: Lang = DEFAULT_LANG) -> str:
        """The counts as an HTML table, for a notebook, each figure named in ``lang``
        (Vietnamese unless ``lang`` is ``"en"``)."""
        from ._html import tally_html  # only in a notebook

        return tally_html(self, lang)

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_report(self, places: int = 1) -> TaskReport:
        """The report this tally would publish, percentages at ``places``."""
        counts = self.to_dict()
        pcts: dict[str, Decimal] = {}
        if self.assigned:
            pcts = {f"{k}_pct": self.percent(k, places) for k in COUNT_FIELDS[1:]}
        return TaskReport(**counts, **pcts)  # type: ignore[arg-type]


def tally_tasks(
    tasks: Iterable[Task], as_of: date, calendar: WorkingCalendar | None = None
) -> TaskTally:
    """Count ``tasks`` by their status on ``as_of``.

    >>> tasks = [Task("a", date(2019, 5, 2), date(2019, 5, 2)),
    ...          Task("b", date(2019, 5, 2), date(2019, 5, 3)),
    ...          Task("c", date(2019, 5, 31))]
    >>> tally_tasks(tasks, date(2019, 5, 10))
    TaskTally(assigned=3, completed=2, on_time=1, late=1, in_progress=1, overdue=0)
    """
    require_date("as_of", as_of)
    cal = calendar_or_default(calendar)
    counts = dict.fromkeys(TaskStatus, 0)
    for i, task in enumerate(require_iterable("tasks", tasks)):
        if not isinstance(task, Task):
            raise InvalidTypeError.for_field(f"tasks[{i}]", "a Task", task)
        counts[task.status(as_of, cal)] += 1
    on_time, late = counts[TaskStatus.ON_TIME], counts[TaskStatus.LATE]
    in_progress, overdue = counts[TaskStatus.IN_PROGRESS], counts[TaskStatus.OVERDUE]
    completed = on_time + late
    return TaskTally(
        completed + in_progress + overdue, completed, on_time, late, in_progress, overdue
    )


def tally_by(
    tasks: Iterable[Task],
    as_of: date,
    by: Literal["unit", "area"] | Callable[[Task], Hashable] = "unit",
    calendar: WorkingCalendar | None = None,
) -> dict[Hashable, TaskTally]:
    """Tallies grouped by unit, by content area, or by any key function, in order of
    first appearance. Tasks without a unit (or area) are grouped under ``None``."""
    if by == "unit":
        key: Callable[[Task], Hashable] = lambda t: t.unit  # noqa: E731
    elif by == "area":
        key = lambda t: t.area  # noqa: E731
    elif callable(by):
        key = by
    else:
        raise InvalidInputError.for_field("by", "must be 'unit', 'area' or a function", by)
    groups: dict[Hashable, list[Task]] = {}
    for i, task in enumerate(require_iterable("tasks", tasks)):
        if not isinstance(task, Task):
            raise InvalidTypeError.for_field(f"tasks[{i}]", "a Task", task)
        groups.setdefault(key(task), []).append(task)
    return {k: tally_tasks(v, as_of, calendar) for k, v in groups.items()}
