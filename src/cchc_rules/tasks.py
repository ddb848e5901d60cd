"""CCHC tasks: their status under the Civil Code, tallies, and the validation of
published task figures.

A task's deadline is its due day rolled forward to a working day (Bộ luật Dân sự
2015, Điều 148(5)):

>>> task = Task("Ban hành kế hoạch CCHC", due=date(2019, 4, 27), completed=date(2019, 5, 2))
>>> task.status(as_of=date(2019, 5, 31))
<TaskStatus.ON_TIME: 'on_time'>

Seed 004 (``seeds/004_e29fac6bcdc39f22.txt``) published 287 tasks assigned, 256
completed (89,2%), 203 on time (70,7%), 53 late (18,4%), 31 in progress. One figure
does not follow from the others:

>>> for d in check_task_report(SEED_004_REPORT):
...     print(d.message)
late_pct: stated 18.4%, but 53 of 287 is 18.47%, which rounds to 18.5% at 1 decimal place
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Hashable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any, Literal

import attrs

from ._messages import Message, quoted
from ._validate import (
    MAX_INT_DIGITS,
    check_date,
    check_int,
    check_iterable,
    check_text,
    optional_text,
    to_decimal,
    typed,
    typed_tuple,
)
from .calendar import WorkingCalendar, calendar_or_default
from .errors import InvalidInputError, InvalidTypeError
from .units import Unit

__all__ = [
    "SEED_004_REPORT",
    "Discrepancy",
    "DiscrepancyKind",
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


class TaskStatus(enum.Enum):
    ON_TIME = "on_time"
    LATE = "late"
    IN_PROGRESS = "in_progress"
    OVERDUE = "overdue"

    @property
    def label_vi(self) -> str:
        return _STATUS_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _STATUS_LABELS[self][1]


_STATUS_LABELS = {
    TaskStatus.ON_TIME: ("hoàn thành đúng hạn", "completed on time"),
    TaskStatus.LATE: ("hoàn thành quá hạn", "completed late"),
    TaskStatus.IN_PROGRESS: ("đang thực hiện", "in progress"),
    TaskStatus.OVERDUE: ("quá hạn, chưa hoàn thành", "overdue"),
}


def _optional_date(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        check_date(attribute.name, value)


def _optional_unit(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, Unit):
        raise InvalidTypeError.for_field(attribute.name, "a Unit or None", value)


def _title(value: Any) -> str:
    return check_text("title", value)


def _area(value: Any) -> str | None:
    return optional_text("area", value)


@attrs.frozen
class Task:
    """A CCHC task: ``due`` day, ``completed`` day if done; optionally the day it was
    ``assigned``, its ``unit`` and its content ``area`` (nội dung / lĩnh vực)."""

    title: str = attrs.field(converter=_title)
    due: date = attrs.field(validator=lambda _i, _a, v: check_date("due", v))
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
        check_date("assigned", assigned)
        check_int("working_days", working_days, minimum=1)
        due = calendar_or_default(calendar).add_working_days(assigned, working_days)
        return cls(title, due, completed, assigned=assigned, unit=unit, area=area)

    def deadline(self, calendar: WorkingCalendar | None = None) -> date:
        """``due`` rolled forward to a working day (Điều 148(5))."""
        return calendar_or_default(calendar).next_working_day(self.due)

    def status(self, as_of: date, calendar: WorkingCalendar | None = None) -> TaskStatus:
        """Completed by ``as_of``: ON_TIME if on or before the deadline, else LATE.
        Not completed by ``as_of``: IN_PROGRESS while ``as_of`` is on or before the
        deadline, else OVERDUE."""
        check_date("as_of", as_of)
        deadline = self.deadline(calendar)
        if self.completed is not None and self.completed <= as_of:
            return TaskStatus.ON_TIME if self.completed <= deadline else TaskStatus.LATE
        return TaskStatus.IN_PROGRESS if as_of <= deadline else TaskStatus.OVERDUE


# -- percentages --------------------------------------------------------------------


MAX_PLACES = 12
"""Most decimal places a percentage may be stated or computed with."""


def percent_of(part: int, whole: int, places: int = 1) -> Decimal:
    """``part`` / ``whole`` as a percentage, rounded half up to ``places`` decimal
    places, computed exactly in integers (no binary floating point anywhere).

    >>> percent_of(53, 287), percent_of(1, 8, 0), percent_of(39, 42, 2)
    (Decimal('18.5'), Decimal('13'), Decimal('92.86'))
    """
    check_int("part", part, minimum=0)
    check_int("whole", whole, minimum=0)
    check_int("places", places, minimum=0)
    if places > MAX_PLACES:
        raise InvalidInputError.for_field(
            "places", Message("must be at most {maximum}", maximum=MAX_PLACES), places
        )
    if whole == 0:
        raise InvalidInputError(
            Message(
                "a percentage of zero has no value (got {part} of {whole}): nothing was assigned",
                part=part,
                whole=whole,
            )
        )
    quotient, remainder = divmod(part * 100 * 10**places, whole)
    if 2 * remainder >= whole:
        quotient += 1
    # Exact at any size: scaleb and quantize would round to the context's 28 digits.
    return Decimal((0, Decimal(quotient).as_tuple().digits, -places))


def _places(stated: Decimal) -> int:
    exponent = stated.as_tuple().exponent
    assert isinstance(exponent, int)  # finite: checked at the door
    return max(0, -exponent)


# -- tallies ------------------------------------------------------------------------

TallyField = Literal["assigned", "completed", "on_time", "late", "in_progress", "overdue"]
COUNT_FIELDS: tuple[TallyField, ...] = (
    "assigned",
    "completed",
    "on_time",
    "late",
    "in_progress",
    "overdue",
)


@attrs.frozen
class TaskTally:
    """Counts of tasks by status. ``completed = on_time + late`` and
    ``assigned = completed + in_progress + overdue`` by construction."""

    assigned: int = attrs.field(validator=lambda _i, a, v: check_int(a.name, v, minimum=0))
    completed: int = attrs.field(validator=lambda _i, a, v: check_int(a.name, v, minimum=0))
    on_time: int = attrs.field(validator=lambda _i, a, v: check_int(a.name, v, minimum=0))
    late: int = attrs.field(validator=lambda _i, a, v: check_int(a.name, v, minimum=0))
    in_progress: int = attrs.field(validator=lambda _i, a, v: check_int(a.name, v, minimum=0))
    overdue: int = attrs.field(validator=lambda _i, a, v: check_int(a.name, v, minimum=0))

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

    def _repr_html_(self) -> str:
        cells = "".join(
            f"<tr><td>{name}</td><td>{getattr(self, name)}</td><td>"
            f"{self.percent(name) if self.assigned else ''}</td></tr>"
            for name in COUNT_FIELDS
        )
        return f"<table><tr><th>figure</th><th>count</th><th>%</th></tr>{cells}</table>"

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
    check_date("as_of", as_of)
    cal = calendar_or_default(calendar)
    counts = dict.fromkeys(TaskStatus, 0)
    for i, task in enumerate(check_iterable("tasks", tasks)):
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
    for i, task in enumerate(check_iterable("tasks", tasks)):
        if not isinstance(task, Task):
            raise InvalidTypeError.for_field(f"tasks[{i}]", "a Task", task)
        groups.setdefault(key(task), []).append(task)
    return {k: tally_tasks(v, as_of, calendar) for k, v in groups.items()}


# -- published figures --------------------------------------------------------------

FIELD_LABELS_VI = {
    "assigned": "số nhiệm vụ được giao",
    "completed": "số nhiệm vụ đã hoàn thành",
    "on_time": "số nhiệm vụ hoàn thành đúng hạn",
    "late": "số nhiệm vụ hoàn thành quá hạn",
    "in_progress": "số nhiệm vụ đang thực hiện",
    "overdue": "số nhiệm vụ quá hạn chưa hoàn thành",
}


_COUNT = re.compile(r"\s*-?\d+\s*")


def _to_count(field: str, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, str) and _COUNT.fullmatch(value):
        if len(value.strip().lstrip("-")) > MAX_INT_DIGITS:
            raise InvalidInputError.for_field(
                field, Message("must have at most {digits} digits", digits=MAX_INT_DIGITS), value
            )
        value = int(value)
    return check_int(field, value, minimum=0)


def _to_percentage(field: str, value: Any) -> Decimal | None:
    if value is None:
        return None
    number = to_decimal(field, value)
    if number < 0:
        raise InvalidInputError.for_field(field, "must not be negative", value)
    return number


def _required_count(value: Any) -> int:
    result = _to_count("assigned", value)
    if result is None:
        raise InvalidTypeError.for_field("assigned", "a whole number of tasks", value)
    return result


@attrs.frozen(init=False)
class TaskReport:
    """Task figures as published. A stated percentage keeps the precision it was
    written with ("18.4" → 1 decimal place); Vietnamese notation ("18,4", "18,4%")
    is read too. Counts must be whole numbers, 0 or more.

    >>> TaskReport(287, late=53, late_pct="18,4%").late_pct
    Decimal('18.4')
    """

    assigned: int
    completed: int | None
    on_time: int | None
    late: int | None
    in_progress: int | None
    overdue: int | None
    completed_pct: Decimal | None
    on_time_pct: Decimal | None
    late_pct: Decimal | None
    in_progress_pct: Decimal | None
    overdue_pct: Decimal | None

    def __init__(
        self,
        assigned: int,
        completed: int | None = None,
        on_time: int | None = None,
        late: int | None = None,
        in_progress: int | None = None,
        overdue: int | None = None,
        completed_pct: Decimal | str | float | int | None = None,
        on_time_pct: Decimal | str | float | int | None = None,
        late_pct: Decimal | str | float | int | None = None,
        in_progress_pct: Decimal | str | float | int | None = None,
        overdue_pct: Decimal | str | float | int | None = None,
    ) -> None:
        self.__attrs_init__(
            _required_count(assigned),
            _to_count("completed", completed),
            _to_count("on_time", on_time),
            _to_count("late", late),
            _to_count("in_progress", in_progress),
            _to_count("overdue", overdue),
            _to_percentage("completed_pct", completed_pct),
            _to_percentage("on_time_pct", on_time_pct),
            _to_percentage("late_pct", late_pct),
            _to_percentage("in_progress_pct", in_progress_pct),
            _to_percentage("overdue_pct", overdue_pct),
        )


class DiscrepancyKind(enum.Enum):
    SUM = "sum"
    """Parts that do not add up to their total."""
    EXCEEDS_WHOLE = "exceeds_whole"
    """A part larger than the whole it is part of."""
    PERCENTAGE = "percentage"
    """A stated percentage that does not match its count at the precision stated."""


@attrs.frozen
class Discrepancy:
    """One inconsistency in published figures. ``field`` is the stated figure that
    disagrees; ``related`` the figures it was checked against."""

    field: str = attrs.field(validator=lambda _i, a, v: check_text(a.name, v))
    stated: int | Decimal = attrs.field(validator=typed(int, Decimal))
    expected: int | Decimal | None = attrs.field(validator=typed(int, Decimal, optional=True))
    message: str = attrs.field(validator=lambda _i, a, v: check_text(a.name, v))
    message_vi: str = attrs.field(validator=lambda _i, a, v: check_text(a.name, v))
    kind: DiscrepancyKind = attrs.field(validator=typed(DiscrepancyKind))
    related: tuple[str, ...] = attrs.field(default=(), validator=typed_tuple(str))

    @property
    def fields(self) -> tuple[str, ...]:
        """Every figure involved: ``field`` first, then ``related``."""
        return (self.field, *self.related)

    def _repr_html_(self) -> str:
        from html import escape  # only in a notebook: its entity table slows the import

        return (
            f"<div><b>{escape(self.field)}</b> ({self.kind.value}): stated {self.stated}, "
            f"expected {self.expected}<br>{escape(self.message)}<br>"
            f"<i>{escape(self.message_vi)}</i></div>"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "kind": self.kind.value,
            "stated": str(self.stated),
            "expected": None if self.expected is None else str(self.expected),
            "related": list(self.related),
            "message": self.message,
            "message_vi": self.message_vi,
        }


def _vi_number(value: Decimal) -> str:
    return str(value).replace(".", ",")


def check_percentage(
    part: int, whole: int, stated: Any, field: str = "percentage", label_vi: str = "Tỷ lệ"
) -> Discrepancy | None:
    """Check a published ratio: does ``part`` of ``whole`` round (half up) to
    ``stated`` at the precision ``stated`` was written with? ``None`` when it does.

    >>> check_percentage(441, 441, "100%") is None         # seed 004: dossiers on time
    True
    >>> check_percentage(39, 42, "92,8").message           # 39/42 staff quota = 92.857...
    'percentage: stated 92.8%, but 39 of 42 is 92.86%, which rounds to 92.9% at 1 decimal place'
    """
    field = check_text("field", field)
    label_vi = check_text("label_vi", label_vi)
    stated_pct = _to_percentage(field, stated)
    if stated_pct is None:
        raise InvalidTypeError.for_field(field, "a percentage", stated)
    check_int("part", part, minimum=0)  # whole is checked by percent_of, or is 0
    places = _places(stated_pct)
    if places > MAX_PLACES:
        raise InvalidInputError.for_field(
            field, Message("must have at most {places} decimal places", places=MAX_PLACES), stated
        )
    if whole == 0 and type(whole) is int:
        return Discrepancy(
            field,
            stated_pct,
            None,
            f"{field}: stated {stated_pct}%, but there is no percentage of zero",
            f"{label_vi} công bố {_vi_number(stated_pct)}% nhưng tổng số là 0, không thể "
            "tính tỷ lệ",
            DiscrepancyKind.PERCENTAGE,
        )
    expected = percent_of(part, whole, places)
    if expected == stated_pct:
        return None
    finer = percent_of(part, whole, places + 1)
    unit = "decimal place" if places == 1 else "decimal places"
    return Discrepancy(
        field,
        stated_pct,
        expected,
        f"{field}: stated {stated_pct}%, but {part} of {whole} is {finer}%, which rounds to "
        f"{expected}% at {places} {unit}",
        f"{label_vi} công bố {_vi_number(stated_pct)}% nhưng {part}/{whole} là "
        f"{_vi_number(finer)}%, làm tròn đến {places} chữ số thập phân là "
        f"{_vi_number(expected)}%",
        DiscrepancyKind.PERCENTAGE,
    )


def check_task_report(report: TaskReport) -> tuple[Discrepancy, ...]:
    """Every inconsistency in ``report`` at once: parts that do not add up
    (``completed = on_time + late``; ``assigned = completed + in_progress +
    overdue``, a missing ``overdue`` counting as 0), parts larger than their whole,
    and percentages that do not match their counts at the precision stated."""
    if not isinstance(report, TaskReport):
        raise InvalidTypeError.for_field("report", "a TaskReport", report)
    found: list[Discrepancy] = []
    r = report

    def sum_check(total: str, parts: tuple[str, ...]) -> None:
        stated = getattr(r, total)
        values = [getattr(r, p) for p in parts]
        if stated is None or any(v is None for v in values):
            return
        expected = sum(values)
        if stated != expected:
            shown = " + ".join(f"{p} {v}" for p, v in zip(parts, values, strict=True))
            found.append(
                Discrepancy(
                    total,
                    stated,
                    expected,
                    f"{total}: stated {stated}, but {shown} = {expected}",
                    f"{FIELD_LABELS_VI[total].capitalize()} công bố {stated} nhưng tổng các "
                    f"thành phần là {expected}",
                    DiscrepancyKind.SUM,
                    parts,
                )
            )

    sum_check("completed", ("on_time", "late"))
    if r.completed is not None and r.in_progress is not None:
        parts = ("completed", "in_progress") + (("overdue",) if r.overdue is not None else ())
        sum_check("assigned", parts)

    wholes = {"completed": "assigned", "in_progress": "assigned", "overdue": "assigned",
              "on_time": "completed", "late": "completed"}  # fmt: skip
    for part, whole in wholes.items():
        value, limit = getattr(r, part), getattr(r, whole)
        if value is not None and limit is not None and value > limit:
            found.append(
                Discrepancy(
                    part,
                    value,
                    limit,
                    f"{part}: stated {value}, more than {whole} {limit}",
                    f"{FIELD_LABELS_VI[part].capitalize()} ({value}) lớn hơn "
                    f"{FIELD_LABELS_VI[whole]} ({limit})",
                    DiscrepancyKind.EXCEEDS_WHOLE,
                    (whole,),
                )
            )

    for count_field in COUNT_FIELDS[1:]:
        pct_field = f"{count_field}_pct"
        stated_pct, count = getattr(r, pct_field), getattr(r, count_field)
        if stated_pct is None or count is None:
            continue
        label_vi = "Tỷ lệ " + FIELD_LABELS_VI[count_field].removeprefix("số ")
        issue = check_percentage(count, r.assigned, stated_pct, pct_field, label_vi)
        if issue is not None:
            found.append(attrs.evolve(issue, related=(count_field, "assigned")))
    return tuple(found)


SEED_004_REPORT = TaskReport(
    assigned=287,
    completed=256,
    on_time=203,
    late=53,
    in_progress=31,
    completed_pct="89,2",
    on_time_pct="70,7",
    late_pct="18,4",
)
"""Thanh tra thành phố Hải Phòng, first nine months of 2018, as published
(``seeds/004_e29fac6bcdc39f22.txt``)."""
