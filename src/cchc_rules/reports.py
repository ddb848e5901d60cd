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

from ._messages import DEFAULT_LANG, Labelled, Lang, Message, localize, name_members, number, term
from ._validate import (
    require_int,
    require_text,
    to_count,
    to_percentage,
    typed,
    typed_tuple,
)
from .errors import InvalidInputError, InvalidTypeError, require_lang

__all__ = [
    "COUNT_FIELDS",
    "FIGURE_LABELS",
    "MAX_PLACES",
    "SEED_004_REPORT",
    "SHARE_LABELS",
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
    require_int("part", part, minimum=0)
    require_int("whole", whole, minimum=0)
    require_int("places", places, minimum=0)
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

FIGURE_LABELS: dict[str, Message] = {
    "assigned": Message("number of tasks assigned"),
    "completed": Message("number of tasks completed"),
    "on_time": Message("number of tasks completed on time"),
    "late": Message("number of tasks completed late"),
    "in_progress": Message("number of tasks in progress"),
    "overdue": Message("number of tasks overdue and not completed"),
}
"""What each count of published figures is, as a message (the Vietnamese
discrepancy messages name the figures by these)."""

SHARE_LABELS: dict[str, Message] = {
    "completed": Message("share of tasks completed"),
    "on_time": Message("share of tasks completed on time"),
    "late": Message("share of tasks completed late"),
    "in_progress": Message("share of tasks in progress"),
    "overdue": Message("share of tasks overdue and not completed"),
}
"""What each published percentage is, by the count it is a share of."""


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


class DiscrepancyKind(Labelled, enum.Enum):
    """What kind of inconsistency a :class:`Discrepancy` is; :meth:`label` says it
    in either language."""

    SUM = "sum"
    """Parts that do not add up to their total."""
    EXCEEDS_WHOLE = "exceeds_whole"
    """A part larger than the whole it is part of."""
    PERCENTAGE = "percentage"
    """A stated percentage that does not match its count at the precision stated."""


name_members(
    {
        DiscrepancyKind.SUM: Message("parts that do not add up"),
        DiscrepancyKind.EXCEEDS_WHOLE: Message("a part larger than its whole"),
        DiscrepancyKind.PERCENTAGE: Message("percentage"),
    }
)


@attrs.frozen
class Discrepancy:
    """One inconsistency in published figures. ``field`` is the stated figure that
    disagrees; ``related`` the figures it was checked against."""

    field: str = attrs.field(validator=lambda _i, a, v: require_text(a.name, v))
    stated: int | Decimal = attrs.field(validator=typed(int, Decimal))
    expected: int | Decimal | None = attrs.field(validator=typed(int, Decimal, optional=True))
    message: str = attrs.field(validator=lambda _i, a, v: require_text(a.name, v))
    kind: DiscrepancyKind = attrs.field(validator=typed(DiscrepancyKind))
    related: tuple[str, ...] = attrs.field(default=(), validator=typed_tuple(str))

    @property
    def fields(self) -> tuple[str, ...]:
        """Every figure involved: ``field`` first, then ``related``."""
        return (self.field, *self.related)

    def render(self, lang: str = DEFAULT_LANG) -> str:
        """The message in ``lang`` ("vi" or "en"); ``message`` is the English (a
        caller's own text is said as it is)."""
        return localize(self.message, require_lang(lang))

    @property
    def message_vi(self) -> str:
        """The message in Vietnamese."""
        return self.render("vi")

    def to_html(self, lang: Lang = DEFAULT_LANG) -> str:
        """The discrepancy as HTML, for a notebook, in ``lang`` (Vietnamese unless
        ``lang`` is ``"en"``)."""
        from ._html import discrepancy_html  # only in a notebook

        return discrepancy_html(self, lang)

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "kind": self.kind.value,
            "stated": str(self.stated),
            "expected": None if self.expected is None else str(self.expected),
            "related": list(self.related),
            "message": str(self.message),
            "message_vi": self.message_vi,
        }


def check_percentage(
    part: int, whole: int, stated: Any, field: str = "percentage", label_vi: str | None = None
) -> Discrepancy | None:
    """Check a published ratio: does ``part`` of ``whole`` round (half up) to
    ``stated`` at the precision ``stated`` was written with? ``None`` when it does.
    The message names the ratio by ``field``, and in Vietnamese by ``label_vi``
    (default "Tỷ lệ", the catalogue's word for a percentage).

    >>> check_percentage(441, 441, "100%") is None         # seed 004: dossiers on time
    True
    >>> check_percentage(39, 42, "92,8").message           # 39/42 staff quota = 92.857...
    'percentage: stated 92.8%, but 39 of 42 is 92.86%, which rounds to 92.9% at 1 decimal place'
    """
    field = require_text("field", field)
    label = Message("percentage") if label_vi is None else require_text("label_vi", label_vi)
    return _percentage(part, whole, stated, field, label)


def _percentage(part: int, whole: int, stated: Any, field: str, label: str) -> Discrepancy | None:
    """:func:`check_percentage`, the ratio named ``label`` in other languages (a
    label from the catalogue starts the Vietnamese sentence with a capital letter; a
    caller's own is said as written)."""
    name = term(field, label, capital=isinstance(label, Message))
    stated_pct = to_percentage(field, stated)
    if stated_pct is None:
        raise InvalidTypeError.for_field(field, "a percentage", stated)
    require_int("part", part, minimum=0)  # whole is checked by percent_of, or is 0
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
            Message(
                "{field}: stated {stated}%, but there is no percentage of zero",
                field=name,
                stated=number(stated_pct),
            ),
            DiscrepancyKind.PERCENTAGE,
        )
    expected = percent_of(part, whole, places)
    if expected == stated_pct:
        return None
    figures = {
        "field": name,
        "stated": number(stated_pct),
        "part": part,
        "whole": whole,
        "finer": number(percent_of(part, whole, places + 1)),
        "expected": number(expected),
        "places": places,
    }
    message = (
        Message(
            "{field}: stated {stated}%, but {part} of {whole} is {finer}%, which rounds to "
            "{expected}% at {places} decimal place",
            **figures,
        )
        if places == 1
        else Message(
            "{field}: stated {stated}%, but {part} of {whole} is {finer}%, which rounds to "
            "{expected}% at {places} decimal places",
            **figures,
        )
    )
    return Discrepancy(field, stated_pct, expected, message, DiscrepancyKind.PERCENTAGE)


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
                    Message(
                        "{field}: stated {stated}, but {parts} = {expected}",
                        field=term(total, FIGURE_LABELS[total], capital=True),
                        stated=stated,
                        parts=shown,
                        expected=expected,
                    ),
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
                    Message(
                        "{field}: stated {stated}, more than {whole} {limit}",
                        field=term(part, FIGURE_LABELS[part], capital=True),
                        stated=value,
                        whole=term(whole, FIGURE_LABELS[whole]),
                        limit=limit,
                    ),
                    DiscrepancyKind.EXCEEDS_WHOLE,
                    (whole,),
                )
            )

    for count_field in COUNT_FIELDS[1:]:
        pct_field = f"{count_field}_pct"
        stated_pct, count = getattr(r, pct_field), getattr(r, count_field)
        if stated_pct is None or count is None:
            continue
        issue = _percentage(count, r.assigned, stated_pct, pct_field, SHARE_LABELS[count_field])
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
