"""Civil Code time limits and periodic reporting (cchc_rules.periods)."""

from datetime import date

import pytest

from cchc_rules import (
    InvalidInputError,
    InvalidTypeError,
    OutOfRangeError,
    PeriodUnit,
    ReportFrequency,
    Source,
    period_end,
    reporting_periods,
)


@pytest.mark.parametrize(
    ("start", "amount", "unit", "end"),
    [
        (date(2019, 1, 31), 1, PeriodUnit.MONTHS, date(2019, 2, 28)),  # no 31/2: last day
        (date(2019, 3, 29), 1, PeriodUnit.MONTHS, date(2019, 5, 2)),  # 29/4 off → 2/5
        (date(2019, 5, 6), 2, PeriodUnit.WEEKS, date(2019, 5, 20)),
        (date(2019, 4, 19), 8, PeriodUnit.DAYS, date(2019, 5, 2)),  # Sat 27/4 rolls
        (date(2019, 6, 3), 1, PeriodUnit.YEARS, date(2020, 6, 3)),
        (date(2019, 4, 26), 3, PeriodUnit.WORKING_DAYS, date(2019, 5, 4)),
    ],
)
def test_period_end(start, amount, unit, end):
    assert period_end(start, amount, unit) == end


def test_period_end_rejects_bad_amounts_and_units():
    with pytest.raises(InvalidInputError, match="amount must be at least 1"):
        period_end(date(2019, 1, 1), 0, PeriodUnit.DAYS)
    with pytest.raises(InvalidTypeError, match="unit must be a PeriodUnit"):
        period_end(date(2019, 1, 1), 1, "days")


def test_quarterly_reporting_periods_with_unverified_default_due_day():
    quarters = reporting_periods(2019)
    assert [(q.start, q.end) for q in quarters] == [
        (date(2019, 1, 1), date(2019, 3, 31)),
        (date(2019, 4, 1), date(2019, 6, 30)),
        (date(2019, 7, 1), date(2019, 9, 30)),
        (date(2019, 10, 1), date(2019, 12, 31)),
    ]
    assert quarters[0].due == date(2019, 4, 5)
    assert quarters[1].due == date(2019, 7, 5)
    assert all(q.due_source.unverified for q in quarters)
    assert quarters[0].source.ref == "province-2019-cchc-plan-reporting"


def test_monthly_periods_and_supplied_due_rule():
    months = reporting_periods(2019, ReportFrequency.MONTHLY, due_days_after=3)
    assert len(months) == 12
    assert months[1].end == date(2019, 2, 28)
    assert months[1].label == "02/2019"
    # 28/2 + 3 days = Sun 3/3 → Mon 4/3
    assert months[1].due == date(2019, 3, 4)
    assert not months[1].due_source.unverified
    cited = Source("Quy chế báo cáo (ví dụ)", provenance="supplied")
    assert reporting_periods(2019, due_source=cited)[0].due_source == cited


def test_periods_beyond_any_calendar_are_out_of_range():

    with pytest.raises(OutOfRangeError, match="beyond any calendar"):
        period_end(date(2019, 1, 1), 10**7, PeriodUnit.DAYS)
    with pytest.raises(OutOfRangeError, match="between 1900 and 2200"):
        reporting_periods(0)


def test_reporting_periods_with_a_due_day_beyond_any_calendar():
    for days in (10**6, 10**10, 10**30):
        with pytest.raises(OutOfRangeError):
            reporting_periods(2019, due_days_after=days)
