"""Notice before an inspection.

Hải Phòng's 2019 CCHC inspection plan (bibliography ``hp-2019-inspection-plan``): the
schedule is announced to members and inspected units *at least 5 working days
before the inspection*; inspections run from 1/6/2019 to 31/12/2019; unannounced
inspections are allowed. "At least N working days before" is read as: at least N
working days lie strictly between the notice day and the inspection day.

>>> latest_notice_date(date(2019, 6, 3))
datetime.date(2019, 5, 24)
>>> notice_is_sufficient(date(2019, 5, 27), date(2019, 6, 3))
False
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from ._messages import Message
from ._validate import require_bool, require_date, require_int, typed
from .calendar import WorkingCalendar, calendar_or_default, default_calendar
from .errors import InvalidInputError, InvalidTypeError, OutOfRangeError
from .law import Source, as_source

__all__ = [
    "DEFAULT_NOTICE_WORKING_DAYS",
    "HAI_PHONG_2019_INSPECTION_PLAN",
    "InspectionPlan",
    "NoticeRequirement",
    "latest_notice_date",
    "notice_is_sufficient",
]

_fromordinal = date.fromordinal

DEFAULT_NOTICE_WORKING_DAYS = 5
"""The notice the functions below assume when given none: the rule of Hải Phòng's
2019 CCHC inspection plan, "thông báo trước ... ít nhất 5 ngày làm việc"
(bibliography ``hp-2019-inspection-plan``; cited in full by
:data:`HAI_PHONG_2019_INSPECTION_PLAN`). A rule of that plan, not a general rule:
pass your plan's."""


def _notice_days(working_days: Any) -> int:
    return require_int("working_days", working_days, minimum=0)


def latest_notice_date(
    inspection_day: date,
    working_days: int = DEFAULT_NOTICE_WORKING_DAYS,
    calendar: WorkingCalendar | None = None,
) -> date:
    """The latest working day ``d`` before ``inspection_day`` with at least
    ``working_days`` working days strictly between ``d`` and ``inspection_day``.

    The default of 5 working days is the rule of Hải Phòng's 2019 inspection plan
    (bibliography ``hp-2019-inspection-plan``), not a general rule: pass your plan's.

    Those days are the ``working_days`` working days just before the inspection;
    the notice goes out on the working day before the first of them. The answer is
    provisional when ``calendar.is_confirmed_between(answer, inspection_day)`` is
    ``False`` (a year whose schedule of days off is not yet published);
    :meth:`InspectionPlan.notice_for` says so in ``NoticeRequirement.provisional``.

    >>> latest_notice_date(date(2019, 5, 8), 3)   # Sat 4/5 (make-up), Mon 6/5, Tue 7/5
    datetime.date(2019, 5, 3)
    """
    if type(inspection_day) is not date:
        require_date("inspection_day", inspection_day)
    n = (
        working_days
        if type(working_days) is int and working_days >= 0
        else _notice_days(working_days)
    )
    cal = default_calendar() if calendar is None else calendar_or_default(calendar)
    # cal.add_working_days(inspection_day, -(n + 1)), its common case inlined: the
    # (n + 1)-th working day before the inspection is at prefix[i] - n - 1.
    ord0, size, prefix, working = cal.tables
    i = inspection_day.toordinal() - ord0
    if 0 <= i < size and prefix[i] > n:
        return _fromordinal(ord0 + working[prefix[i] - n - 1])
    try:
        return cal.add_working_days(inspection_day, -(n + 1))
    except OutOfRangeError:
        # Name the inspection day when it is the day that is outside the range.
        cal.index_of(inspection_day, "inspection_day")
        raise


def notice_is_sufficient(
    notice_day: date,
    inspection_day: date,
    working_days: int = DEFAULT_NOTICE_WORKING_DAYS,
    calendar: WorkingCalendar | None = None,
) -> bool:
    """Whether at least ``working_days`` working days lie strictly between
    ``notice_day`` and ``inspection_day``. A notice on or after the inspection day is
    never sufficient. (A notice sent on a weekend can be sufficient: what counts is
    the working days between.)

    >>> notice_is_sufficient(date(2019, 5, 24), date(2019, 6, 3))
    True
    """
    require_date("notice_day", notice_day)
    require_date("inspection_day", inspection_day)
    n = _notice_days(working_days)
    cal = calendar_or_default(calendar)
    if notice_day >= inspection_day:
        # Still validate the range: an out-of-range day is an error, not a False.
        cal.is_working_day(notice_day)
        cal.is_working_day(inspection_day)
        return False
    strictly_between = cal.working_days_between(notice_day, inspection_day) - int(
        cal.is_working_day(inspection_day)
    )
    return strictly_between >= n


@attrs.frozen
class NoticeRequirement:
    """What notice one inspection needs. For an unannounced inspection
    ``required`` is ``False`` and ``latest_notice`` is ``None``, by the plan's
    explicit allowance, not by omission. ``provisional`` is ``True`` exactly when
    the answer used a day after the calendar's ``confirmed_through`` (a year whose
    official schedule of days off is not yet published)."""

    inspection_day: date = attrs.field(validator=lambda _i, a, v: require_date(a.name, v))
    unannounced: bool = attrs.field(validator=lambda _i, a, v: require_bool(a.name, v))
    working_days: int = attrs.field(validator=lambda _i, a, v: require_int(a.name, v, minimum=0))
    latest_notice: date | None = attrs.field(validator=typed(date, optional=True))
    source: Source = attrs.field(validator=typed(Source))
    provisional: bool = attrs.field(
        default=False, validator=lambda _i, a, v: require_bool(a.name, v), kw_only=True
    )

    @property
    def required(self) -> bool:
        return not self.unannounced


def _plan_days(instance: InspectionPlan, attribute: attrs.Attribute[date], value: date) -> None:
    require_date(attribute.name, value)
    if value.year != instance.year:
        raise InvalidInputError(
            Message(
                "{field} must fall in the plan's year {year} (got {day})",
                field=attribute.name,
                year=instance.year,
                day=value.isoformat(),
            )
        )


@attrs.frozen
class InspectionPlan:
    """A year's CCHC inspection plan: its window and its notice requirement.

    >>> plan = HAI_PHONG_2019_INSPECTION_PLAN
    >>> plan.notice_for(date(2019, 6, 3)).latest_notice
    datetime.date(2019, 5, 24)
    >>> plan.notice_for(date(2019, 6, 3), unannounced=True).required
    False
    """

    year: int = attrs.field(validator=lambda _i, _a, v: require_int("year", v))
    first_day: date = attrs.field(validator=_plan_days)
    last_day: date = attrs.field(validator=_plan_days)
    notice_working_days: int = attrs.field(
        default=DEFAULT_NOTICE_WORKING_DAYS, validator=lambda _i, _a, v: _notice_days(v)
    )
    source: Source = attrs.field(
        default=Source("custom inspection plan", provenance="supplied"),
        converter=as_source,
        kw_only=True,
    )
    notice_source: Source | None = attrs.field(default=None, kw_only=True)
    """Where ``notice_working_days`` comes from (``None``: ``source``)."""
    window_source: Source | None = attrs.field(default=None, kw_only=True)
    """Where ``first_day``–``last_day`` come from (``None``: ``source``)."""

    def citations(self) -> dict[str, Source]:
        """The source of each of the plan's values: ``notice_working_days`` and
        ``window``.

        >>> HAI_PHONG_2019_INSPECTION_PLAN.citations()["notice_working_days"].ref
        'hp-2019-inspection-plan'
        """
        return {
            "notice_working_days": self.notice_source or self.source,
            "window": self.window_source or self.source,
        }

    def __attrs_post_init__(self) -> None:
        for name in ("notice_source", "window_source"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, Source):
                raise InvalidTypeError.for_field(name, "a Source or None", value)
        if self.last_day < self.first_day:
            raise InvalidInputError(
                Message(
                    "last_day must not be before first_day (got {first} to {last})",
                    first=self.first_day.isoformat(),
                    last=self.last_day.isoformat(),
                )
            )

    def covers(self, day: date) -> bool:
        require_date("inspection_day", day)
        return self.first_day <= day <= self.last_day

    def _check_in_window(self, day: date) -> None:
        if not self.covers(day):
            raise OutOfRangeError(
                Message(
                    "inspection_day {day} is outside the {year} plan's window {first} to {last}",
                    day=day.isoformat(),
                    year=self.year,
                    first=self.first_day.isoformat(),
                    last=self.last_day.isoformat(),
                )
            )

    def notice_for(
        self,
        inspection_day: date,
        *,
        unannounced: bool = False,
        calendar: WorkingCalendar | None = None,
    ) -> NoticeRequirement:
        """The notice an inspection on ``inspection_day`` needs under this plan."""
        self._check_in_window(inspection_day)
        require_bool("unannounced", unannounced)
        cal = calendar_or_default(calendar)
        latest = (
            None
            if unannounced
            else latest_notice_date(inspection_day, self.notice_working_days, cal)
        )
        return NoticeRequirement(
            inspection_day,
            unannounced,
            self.notice_working_days,
            latest,
            self.citations()["notice_working_days"],
            provisional=latest is not None
            and not cal.is_confirmed_between(latest, inspection_day),
        )

    def notice_is_sufficient(
        self,
        notice_day: date | None,
        inspection_day: date,
        *,
        unannounced: bool = False,
        calendar: WorkingCalendar | None = None,
    ) -> bool:
        """Whether a notice sent on ``notice_day`` satisfies the plan; an
        unannounced inspection needs none (``notice_day`` may be ``None``)."""
        self._check_in_window(inspection_day)
        if require_bool("unannounced", unannounced):
            return True
        if notice_day is None:
            return False
        return notice_is_sufficient(notice_day, inspection_day, self.notice_working_days, calendar)


HAI_PHONG_2019_INSPECTION_PLAN = InspectionPlan(
    2019,
    date(2019, 6, 1),
    date(2019, 12, 31),
    5,
    source=Source(
        "Kế hoạch kiểm tra công tác CCHC nhà nước thành phố Hải Phòng năm 2019",
        ref="hp-2019-inspection-plan",
        note="4 inspection teams led by vice-chairmen; notice at least 5 working days; "
        "unannounced inspections allowed",
    ),
    notice_source=Source(
        "Kế hoạch kiểm tra công tác CCHC nhà nước thành phố Hải Phòng năm 2019",
        ref="hp-2019-inspection-plan",
        note="'thông báo trước ... ít nhất 5 ngày làm việc': a rule of this plan, not a "
        "general rule; a CCHC check under a CCHC plan is not an inspection (thanh tra) "
        "under the Law on Inspection (chinhphu-2025-inspection-law)",
    ),
    window_source=Source(
        "Kế hoạch kiểm tra công tác CCHC nhà nước thành phố Hải Phòng năm 2019",
        ref="hp-2019-inspection-plan",
        note="thời gian kiểm tra từ ngày 1/6/2019 đến ngày 31/12/2019",
    ),
)
"""Hải Phòng's 2019 plan: 1/6/2019 to 31/12/2019, 5 working days' notice
(``hp-2019-inspection-plan``)."""
