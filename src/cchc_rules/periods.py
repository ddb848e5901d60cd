"""Time limits under the Civil Code, and periodic reporting.

Bộ luật Dân sự 2015:

- Điều 147(2): a period in days, weeks, months or years starts on the day after
  the day that starts it (the first day is not counted);
- Điều 148(1)–(4): a period in days ends at the end of its last day; in weeks, on
  the corresponding day of the last week; in months, on the corresponding day of
  the last month, or that month's last day when it has no such day; in years, on
  the corresponding day and month of the last year;
- Điều 148(5): a last day that is a weekend day or holiday rolls to the next
  working day.

``dateutil.relativedelta`` implements the month and year arithmetic exactly so
(31/1 + 1 month = 28 or 29/2).

>>> period_end(date(2019, 1, 31), 1, PeriodUnit.MONTHS)
datetime.date(2019, 2, 28)
>>> period_end(date(2019, 4, 19), 8, PeriodUnit.DAYS)   # Sat 27/4 rolls to Thu 2/5
datetime.date(2019, 5, 2)
"""

from __future__ import annotations

import enum
from datetime import date, timedelta

import attrs

from ._messages import Message
from ._validate import require_date, require_int, require_text, require_year, typed
from .calendar import WorkingCalendar, calendar_or_default
from .errors import InvalidTypeError, OutOfRangeError
from .law import Provenance, Source

__all__ = [
    "REPORT_DUE_DAYS_AFTER_PERIOD",
    "PeriodUnit",
    "ReportFrequency",
    "ReportingPeriod",
    "period_end",
    "reporting_periods",
]


class PeriodUnit(enum.Enum):
    DAYS = "days"
    WORKING_DAYS = "working_days"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"


def period_end(
    start: date,
    amount: int,
    unit: PeriodUnit,
    calendar: WorkingCalendar | None = None,
) -> date:
    """The last day of a period of ``amount`` ``unit`` s started by ``start``
    (``start`` not counted), rolled forward to a working day (Điều 148(5)).

    >>> period_end(date(2019, 4, 26), 1, PeriodUnit.WORKING_DAYS)
    datetime.date(2019, 5, 2)
    >>> period_end(date(2020, 2, 29), 1, PeriodUnit.YEARS)   # 28/2/2021 is a Sunday: rolls to Mon
    datetime.date(2021, 3, 1)
    """
    require_date("start", start)
    require_int("amount", amount, minimum=1)
    if not isinstance(unit, PeriodUnit):
        raise InvalidTypeError.for_field("unit", "a PeriodUnit", unit)
    cal = calendar_or_default(calendar)
    if unit is PeriodUnit.WORKING_DAYS:
        return cal.add_working_days(start, amount)
    from dateutil.relativedelta import relativedelta  # only here: it slows the import

    try:
        if unit is PeriodUnit.DAYS:
            last = start + timedelta(days=amount)
        elif unit is PeriodUnit.WEEKS:
            last = start + timedelta(weeks=amount)
        elif unit is PeriodUnit.MONTHS:
            last = start + relativedelta(months=amount)
        else:
            last = start + relativedelta(years=amount)
    except (OverflowError, ValueError):
        raise OutOfRangeError(
            Message(
                "{amount} {unit} from {start} is beyond any calendar",
                amount=amount,
                unit=unit.value,
                start=start.isoformat(),
            )
        ) from None
    return cal.next_working_day(last)


class ReportFrequency(enum.Enum):
    """Periodic CCHC reporting (bibliography ``province-2019-cchc-plan-reporting``): heads report
    quarterly to the provincial People's Committee through Sở Nội vụ, which
    summarises monthly."""

    QUARTERLY = 3
    MONTHLY = 1


REPORT_DUE_DAYS_AFTER_PERIOD = 5
"""Default days after a period's end by which its report is due. **Unverified**:
the sources say reports are quarterly and summaries monthly, not when they are due."""

REPORT_DUE_SOURCE = Source(
    "default reporting deadline",
    provenance=Provenance.UNVERIFIED,
    ref="cchc-rules-defaults",
    note="the due day is not in the sources (the province's 2019 plan gives only the "
    "frequency); confirm against the province's reporting regime",
)
REPORTING_SOURCE = Source(
    "Công văn triển khai Kế hoạch CCHC năm 2019 (UBND tỉnh)",
    ref="province-2019-cchc-plan-reporting",
    note="báo cáo định kỳ hằng quý qua Sở Nội vụ; Sở Nội vụ tổng hợp hằng tháng",
)


@attrs.frozen
class ReportingPeriod:
    """One reporting period: ``start``–``end`` inclusive, report ``due`` (already
    rolled to a working day), and the sources of the period and of its due day."""

    label: str = attrs.field(validator=lambda _i, a, v: require_text(a.name, v))
    start: date = attrs.field(validator=lambda _i, a, v: require_date(a.name, v))
    end: date = attrs.field(validator=lambda _i, a, v: require_date(a.name, v))
    due: date = attrs.field(validator=lambda _i, a, v: require_date(a.name, v))
    source: Source = attrs.field(validator=typed(Source))
    due_source: Source = attrs.field(validator=typed(Source))


def reporting_periods(
    year: int,
    frequency: ReportFrequency = ReportFrequency.QUARTERLY,
    *,
    due_days_after: int = REPORT_DUE_DAYS_AFTER_PERIOD,
    due_source: Source | None = None,
    calendar: WorkingCalendar | None = None,
) -> tuple[ReportingPeriod, ...]:
    """A year's reporting periods, generated with ``dateutil.rrule``.

    The due day is ``due_days_after`` days after the period's end (Điều 147: the end
    day is not counted), rolled to a working day. The default is unverified; pass
    your own ``due_days_after`` with a ``due_source`` to cite it.

    >>> print(*(p.label for p in reporting_periods(2019)))
    Q1/2019 Q2/2019 Q3/2019 Q4/2019
    >>> reporting_periods(2019)[0].due    # 31/3 + 5 days = Fri 5/4/2019
    datetime.date(2019, 4, 5)
    """
    require_year("year", year)
    if not isinstance(frequency, ReportFrequency):
        raise InvalidTypeError.for_field("frequency", "a ReportFrequency", frequency)
    require_int("due_days_after", due_days_after, minimum=0)
    cal = calendar_or_default(calendar)
    if due_source is None:
        due_source = (
            REPORT_DUE_SOURCE
            if due_days_after == REPORT_DUE_DAYS_AFTER_PERIOD
            else Source("deadline supplied by the caller", provenance=Provenance.SUPPLIED)
        )
    elif not isinstance(due_source, Source):
        raise InvalidTypeError.for_field("due_source", "a Source or None", due_source)
    from dateutil.relativedelta import relativedelta  # only here: it slows the import
    from dateutil.rrule import MONTHLY, rrule

    months = frequency.value
    starts = rrule(MONTHLY, interval=months, dtstart=date(year, 1, 1), count=12 // months)
    periods = []
    for i, start_dt in enumerate(starts):
        start = start_dt.date()
        end = start + relativedelta(months=months) - timedelta(days=1)
        label = f"Q{i + 1}/{year}" if months == 3 else f"{start.month:02d}/{year}"
        try:
            last = end + timedelta(days=due_days_after)
        except OverflowError:
            raise OutOfRangeError(
                Message(
                    "{amount} {unit} from {start} is beyond any calendar",
                    amount=due_days_after,
                    unit="days",
                    start=end.isoformat(),
                )
            ) from None
        due = cal.next_working_day(last)
        periods.append(ReportingPeriod(label, start, end, due, REPORTING_SOURCE, due_source))
    return tuple(periods)
