from datetime import date

import pytest

from cchc_rules import (
    HAI_PHONG_2019_INSPECTION_PLAN,
    InspectionPlan,
    InvalidInputError,
    InvalidTypeError,
    OutOfRangeError,
    WorkingCalendar,
    latest_notice_date,
    notice_is_sufficient,
)
from tests._shared import PLAIN, refusal

PLAN = HAI_PHONG_2019_INSPECTION_PLAN
PLAN_JUNE_TO_DECEMBER = InspectionPlan(2019, date(2019, 6, 1), date(2019, 12, 31))


def test_spec_example_inspection_3_june_2019():
    assert latest_notice_date(date(2019, 6, 3)) == date(2019, 5, 24)
    assert notice_is_sufficient(date(2019, 5, 24), date(2019, 6, 3))
    assert not notice_is_sufficient(date(2019, 5, 27), date(2019, 6, 3))


def test_make_up_saturday_counts_as_a_working_day_between():
    assert latest_notice_date(date(2019, 5, 8), 3) == date(2019, 5, 3)


def test_notice_on_a_weekend_can_be_sufficient():
    # Sat 25/5/2019: 27, 28, 29, 30, 31 May lie between it and Mon 3/6.
    assert notice_is_sufficient(date(2019, 5, 25), date(2019, 6, 3))


def test_notice_on_or_after_the_inspection_is_never_sufficient():
    assert not notice_is_sufficient(date(2019, 6, 3), date(2019, 6, 3), 0)
    assert not notice_is_sufficient(date(2019, 6, 4), date(2019, 6, 3), 0)


def test_zero_days_means_any_earlier_working_day():
    assert latest_notice_date(date(2019, 6, 3), 0) == date(2019, 5, 31)


def test_bad_arguments_are_named():
    with pytest.raises(InvalidInputError, match=r"working_days must be at least 0 \(got -1\)"):
        latest_notice_date(date(2019, 6, 3), -1)
    with pytest.raises(InvalidTypeError, match=r"inspection_day must be a datetime\.date"):
        latest_notice_date("2019-06-03")
    with pytest.raises(InvalidTypeError, match="calendar must be a WorkingCalendar"):
        latest_notice_date(date(2019, 6, 3), 5, calendar="VN")
    with pytest.raises(OutOfRangeError, match="inspection_day 2031-01-07 is outside"):
        latest_notice_date(date(2031, 1, 7))
    with pytest.raises(OutOfRangeError):
        notice_is_sufficient(date(2031, 1, 1), date(2030, 1, 7))


def test_custom_calendar_is_used():
    plain = WorkingCalendar(date(2019, 1, 1), date(2019, 12, 31))
    # Without the 2019 swap, Mon 29/4 to Wed 1/5 are working days.
    assert latest_notice_date(date(2019, 5, 2), 2, calendar=plain) == date(2019, 4, 29)
    assert latest_notice_date(date(2019, 5, 2), 2) == date(2019, 4, 24)


def test_plan_from_seed_000():
    assert (PLAN.first_day, PLAN.last_day, PLAN.notice_working_days) == (
        date(2019, 6, 1),
        date(2019, 12, 31),
        5,
    )
    assert PLAN.source.ref == "hp-2019-inspection-plan"
    assert PLAN.source.verified


def test_plan_answers_notice_deadline_inside_its_window():
    need = PLAN.notice_for(date(2019, 6, 3))
    assert need.required
    assert need.latest_notice == date(2019, 5, 24)
    assert need.working_days == 5
    assert PLAN.notice_is_sufficient(date(2019, 5, 24), date(2019, 6, 3))
    assert not PLAN.notice_is_sufficient(date(2019, 5, 27), date(2019, 6, 3))
    assert not PLAN.notice_is_sufficient(None, date(2019, 6, 3))


def test_unannounced_inspection_needs_no_notice_explicitly():
    need = PLAN.notice_for(date(2019, 6, 3), unannounced=True)
    assert not need.required
    assert need.latest_notice is None
    assert PLAN.notice_is_sufficient(None, date(2019, 6, 3), unannounced=True)


@pytest.mark.parametrize("day", [date(2019, 5, 31), date(2020, 1, 2)])
def test_plan_rejects_days_outside_its_window(day):
    for call in (lambda: PLAN.notice_for(day), lambda: PLAN.notice_is_sufficient(None, day)):
        with pytest.raises(OutOfRangeError) as caught:
            call()
        assert str(caught.value) == (
            f"inspection_day {day.isoformat()} is outside the 2019 plan's window "
            "2019-06-01 to 2019-12-31"
        )


def test_plan_validation():
    with pytest.raises(InvalidInputError) as caught:
        InspectionPlan(2019, date(2018, 6, 1), date(2019, 12, 31))
    assert str(caught.value) == "first_day must fall in the plan's year 2019 (got 2018-06-01)"
    with pytest.raises(InvalidInputError) as caught:
        InspectionPlan(2019, date(2019, 6, 1), date(2019, 5, 31))
    assert str(caught.value) == (
        "last_day must not be before first_day (got 2019-06-01 to 2019-05-31)"
    )
    with pytest.raises(InvalidTypeError) as caught:
        InspectionPlan(2019, date(2019, 6, 1), date(2019, 6, 30), notice_source=3)
    assert str(caught.value) == "notice_source must be a Source or None (got int 3)"
    with pytest.raises(InvalidInputError, match="working_days must be at least 0"):
        InspectionPlan(2019, date(2019, 6, 1), date(2019, 6, 30), -2)
    with pytest.raises(InvalidTypeError, match="unannounced must be True or False"):
        PLAN.notice_for(date(2019, 6, 3), unannounced="yes")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: notice_is_sufficient("n", date(2019, 6, 3)),
            "notice_day must be a datetime.date (got str 'n')",
        ),
        (
            lambda: latest_notice_date("2019-06-03"),
            "inspection_day must be a datetime.date (got str '2019-06-03')",
        ),
        (
            lambda: latest_notice_date(date(2019, 6, 3), True),
            "working_days must be an integer (got bool True)",
        ),
        (
            lambda: latest_notice_date(date(2019, 6, 3), 5.0),
            "working_days must be an integer (got float 5.0)",
        ),
        (
            lambda: notice_is_sufficient(date(2019, 5, 1), "i"),
            "inspection_day must be a datetime.date (got str 'i')",
        ),
        (
            lambda: InspectionPlan(2019, "x", date(2019, 12, 31)),
            "first_day must be a datetime.date (got str 'x')",
        ),
        (
            lambda: PLAN_JUNE_TO_DECEMBER.covers("x"),
            "inspection_day must be a datetime.date (got str 'x')",
        ),
        (
            lambda: PLAN_JUNE_TO_DECEMBER.notice_is_sufficient(
                None, date(2019, 6, 3), unannounced="y"
            ),
            "unannounced must be True or False (got str 'y')",
        ),
    ],
)
def test_notice_messages_name_the_field_what_was_expected_and_what_arrived(call, message):
    assert refusal(call) == message


def test_notice_uses_the_calendar_given():
    # Plain calendar: Mon 29/4, Tue 30/4, Wed 1/5 lie between Fri 26/4 and Thu 2/5.
    assert notice_is_sufficient(date(2019, 4, 26), date(2019, 5, 2), 3, calendar=PLAIN)
    assert not notice_is_sufficient(date(2019, 4, 26), date(2019, 5, 2), 3)
    assert latest_notice_date(date(2019, 5, 2), 3, calendar=PLAIN) == date(2019, 4, 26)


def test_notice_on_the_inspection_day_with_zero_days():
    day = date(2019, 6, 3)
    assert not notice_is_sufficient(day, day, 0)
    assert notice_is_sufficient(date(2019, 5, 31), day, 0)


def test_notice_on_a_non_working_inspection_day_is_never_sufficient():
    saturday = date(2019, 6, 8)
    assert not notice_is_sufficient(saturday, saturday, 0)


def test_inspection_plan_uses_the_calendar_given_and_its_window_edges():
    plan = InspectionPlan(2019, date(2019, 5, 2), date(2019, 5, 2), 3)
    assert plan.covers(date(2019, 5, 2))
    need = plan.notice_for(date(2019, 5, 2), calendar=PLAIN)
    assert (need.inspection_day, need.latest_notice) == (date(2019, 5, 2), date(2019, 4, 26))
    assert need.source.provenance.value == "supplied"
    # Public sector: 24, 25, 26/4 lie between (29/4-1/5 are off), so 23/4.
    assert plan.notice_for(date(2019, 5, 2)).latest_notice == date(2019, 4, 23)
    assert plan.notice_is_sufficient(date(2019, 4, 26), date(2019, 5, 2), calendar=PLAIN)
    assert not plan.notice_is_sufficient(date(2019, 4, 26), date(2019, 5, 2))
    hp = HAI_PHONG_2019_INSPECTION_PLAN
    assert hp.covers(date(2019, 6, 1))
    assert hp.covers(date(2019, 12, 31))
    assert not hp.covers(date(2019, 5, 31))
    assert hp.notice_for(date(2019, 6, 3)).source is hp.citations()["notice_working_days"]


def test_the_plan_cites_its_notice_days_and_its_window_apart():
    from cchc_rules import InvalidTypeError

    cited = PLAN.citations()
    assert "not a general rule" in cited["notice_working_days"].note
    assert "1/6/2019" in cited["window"].note
    assert PLAN.notice_for(date(2019, 6, 3)).source is cited["notice_working_days"]
    plain = InspectionPlan(2020, date(2020, 3, 1), date(2020, 11, 30))
    assert plain.citations() == {"notice_working_days": plain.source, "window": plain.source}
    with pytest.raises(InvalidTypeError, match="notice_source must be a Source or None"):
        InspectionPlan(2020, date(2020, 3, 1), date(2020, 11, 30), notice_source="QĐ 1")


def test_latest_notice_date_in_a_calendar_that_starts_in_year_one():
    """The quick path finds a day by its ordinal minus the calendar's first ordinal;
    here that first ordinal is 1, so no other offset could land outside the range."""
    cal = WorkingCalendar(date(1, 1, 1), date(1, 12, 31))
    for day, expected in [
        (date(1, 6, 4), date(1, 6, 1)),  # Monday: the Friday before
        (date(1, 6, 5), date(1, 6, 4)),
        (date(1, 6, 6), date(1, 6, 5)),
    ]:
        assert latest_notice_date(day, 0, calendar=cal) == expected
        assert cal.add_working_days(day, -1) == expected
    assert latest_notice_date(date(1, 6, 11), 4, calendar=cal) == date(1, 6, 4)
