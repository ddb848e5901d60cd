"""Published task figures and their check: a :class:`TaskReport` holds the counts
and percentages a unit published; :func:`check_task_report` lists every figure that
does not follow from the others, as a :class:`Discrepancy`.

The city inspectorate's report (bibliography ``hp-2018-inspectorate-cchc-check``)
published 287 tasks assigned, 256 completed (89,2%), 203 on time (70,7%), 53 late
(18,4%), 31 in progress. One figure does not follow from the others:

>>> for d in check_task_report(SEED_004_REPORT):
...     print(d.message)
late_pct: stated 18.4%, but 53 of 287 is 18.47%, which rounds to 18.5% at 1 decimal place
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any, Literal

import attrs

from ._messages import Message
from ._validate import (
    check_int,
    check_text,
    to_count,
    to_percentage,
    typed,
    typed_tuple,
)
from .errors import InvalidInputError, InvalidTypeError

__all__ = [
    "COUNT_FIELDS",
    "MAX_PLACES",
    "SEED_004_REPORT",
    "Discrepancy",
    "DiscrepancyKind",
    "TaskReport",
    "check_percentage",
    "check_task_report",
    "percent_of",
]

# -- the figures ----------------------------------------------------------------------

TallyField = Literal["assigned", "completed", "on_time", "late", "in_progress", "overdue"]
COUNT_FIELDS: tuple[TallyField, ...] = (
    "assigned",
    "completed",
    "on_time",
    "late",
    "in_progress",
    "overdue",
)


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


# -- published figures --------------------------------------------------------------

FIELD_LABELS_VI = {
    "assigned": "số nhiệm vụ được giao",
    "completed": "số nhiệm vụ đã hoàn thành",
    "on_time": "số nhiệm vụ hoàn thành đúng hạn",
    "late": "số nhiệm vụ hoàn thành quá hạn",
    "in_progress": "số nhiệm vụ đang thực hiện",
    "overdue": "số nhiệm vụ quá hạn chưa hoàn thành",
}


def _required_count(value: Any) -> int:
    result = to_count("assigned", value)
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
            to_count("completed", completed),
            to_count("on_time", on_time),
            to_count("late", late),
            to_count("in_progress", in_progress),
            to_count("overdue", overdue),
            to_percentage("completed_pct", completed_pct),
            to_percentage("on_time_pct", on_time_pct),
            to_percentage("late_pct", late_pct),
            to_percentage("in_progress_pct", in_progress_pct),
            to_percentage("overdue_pct", overdue_pct),
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
        from ._html import discrepancy_html  # only in a notebook

        return discrepancy_html(self)

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
    stated_pct = to_percentage(field, stated)
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
(bibliography ``hp-2018-inspectorate-cchc-check``)."""
