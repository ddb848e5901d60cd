"""Boundaries and the threading of a custom calendar through every rule: the cases
mutation testing showed the suite did not pin."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from cchc_rules import (
    InvalidInputError,
    InvalidTypeError,
    OutOfRangeError,
    Task,
    TaskStatus,
    WorkingCalendar,
    check_percentage,
    latest_notice_date,
    notice_is_sufficient,
    percent_of,
    tally_tasks,
)
from cchc_rules.tasks import MAX_PLACES
from tests._shared import CAL

FIRST, LAST = CAL.supported_range
# A plain Monday-Friday calendar: 29/4-1/5/2019 are working days in it.
PLAIN = WorkingCalendar(date(2019, 1, 1), date(2019, 12, 31))


def test_the_first_and_last_day_are_inside_and_their_neighbours_outside():
    assert CAL.is_working_day(FIRST) is False  # 1/1/2018, New Year
    assert CAL.is_working_day(LAST) is True  # Tue 31/12/2030
    for outside in (FIRST - timedelta(days=1), LAST + timedelta(days=1)):
        with pytest.raises(OutOfRangeError, match=f"day {outside.isoformat()} is outside"):
            CAL.is_working_day(outside)


def test_offsets_reach_exactly_to_the_ends_of_the_range():
    assert CAL.add_working_days(date(2030, 12, 30), 1) == LAST
    with pytest.raises(OutOfRangeError, match="2 working days from day 2030-12-30 falls outside"):
        CAL.add_working_days(date(2030, 12, 30), 2)
    assert CAL.add_working_days(date(2018, 1, 3), -1) == date(2018, 1, 2)
    with pytest.raises(OutOfRangeError, match="-2 working days from day 2018-01-03"):
        CAL.add_working_days(date(2018, 1, 3), -2)


def test_a_one_day_calendar_is_allowed():
    one = WorkingCalendar(date(2019, 5, 6), date(2019, 5, 6), name="one day")
    assert one.is_working_day(date(2019, 5, 6))
    assert one.supported_range == (date(2019, 5, 6), date(2019, 5, 6))
    assert one.name == "one day"
    assert repr(one) == "<WorkingCalendar 'one day' 2019-05-06..2019-05-06>"


def test_custom_calendar_special_days_must_be_special_days():
    with pytest.raises(InvalidTypeError) as caught:
        WorkingCalendar(date(2019, 1, 1), date(2019, 1, 31), [date(2019, 1, 2)])
    assert str(caught.value) == ("special_days must be a list of SpecialDay (got date 2019-01-02)")


def test_offset_type_error_names_the_value():
    with pytest.raises(InvalidTypeError) as caught:
        CAL.add_working_days(date(2019, 5, 2), True)
    assert str(caught.value) == "n must be an integer (got bool True)"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: CAL.is_working_day("x"), "day must be a datetime.date (got str 'x')"),
        (
            lambda: CAL.working_days_between(date(2019, 1, 1), 3),
            "end must be a datetime.date (got int 3)",
        ),
        (
            lambda: WorkingCalendar("a", date(2019, 1, 1)),
            "first must be a datetime.date (got str 'a')",
        ),
        (
            lambda: WorkingCalendar(date(2019, 1, 1), "b"),
            "last must be a datetime.date (got str 'b')",
        ),
        (
            lambda: notice_is_sufficient("n", date(2019, 6, 3)),
            "notice_day must be a datetime.date (got str 'n')",
        ),
        (
            lambda: notice_is_sufficient(date(2019, 5, 1), "i"),
            "inspection_day must be a datetime.date (got str 'i')",
        ),
        (
            lambda: Task("t", date(2019, 5, 2)).status("d"),
            "as_of must be a datetime.date (got str 'd')",
        ),
        (lambda: percent_of(-1, 5), "part must be at least 0 (got -1)"),
        (lambda: percent_of(1, -5), "whole must be at least 0 (got -5)"),
        (lambda: percent_of(1, 5, -1), "places must be at least 0 (got -1)"),
        (lambda: percent_of("1", 5), "part must be an integer (got str '1')"),
        (lambda: percent_of(1, "5"), "whole must be an integer (got str '5')"),
        (lambda: percent_of(1, 5, 1.0), "places must be an integer (got float 1.0)"),
        (
            lambda: percent_of(1, 5, MAX_PLACES + 1),
            f"places must be at most {MAX_PLACES} (got {MAX_PLACES + 1})",
        ),
        (lambda: check_percentage(-1, 5, "1"), "part must be at least 0 (got -1)"),
        (lambda: check_percentage(1, -5, "1"), "whole must be at least 0 (got -5)"),
        (lambda: check_percentage(1, 5, "-1", "x_pct"), "x_pct must not be negative (got '-1')"),
    ],
)
def test_messages_name_the_field_what_was_expected_and_what_arrived(call, message):
    with pytest.raises((InvalidInputError, InvalidTypeError)) as caught:
        call()
    assert str(caught.value) == message


def test_max_places_is_allowed_and_one_more_is_not():
    assert percent_of(1, 3, MAX_PLACES) == Decimal("33." + "3" * MAX_PLACES)
    stated = "33." + "3" * MAX_PLACES
    assert check_percentage(1, 3, stated) is None
    with pytest.raises(InvalidInputError) as caught:
        check_percentage(1, 3, stated + "3", "share")
    assert str(caught.value) == (
        f"share must have at most {MAX_PLACES} decimal places (got '{stated}3')"
    )


def test_notice_uses_the_calendar_given():
    # Plain calendar: Mon 29/4, Tue 30/4, Wed 1/5 lie between Fri 26/4 and Thu 2/5.
    assert notice_is_sufficient(date(2019, 4, 26), date(2019, 5, 2), 3, calendar=PLAIN)
    assert not notice_is_sufficient(date(2019, 4, 26), date(2019, 5, 2), 3)
    assert latest_notice_date(date(2019, 5, 2), 3, calendar=PLAIN) == date(2019, 4, 26)


def test_notice_on_the_inspection_day_with_zero_days():
    day = date(2019, 6, 3)
    assert not notice_is_sufficient(day, day, 0)
    assert notice_is_sufficient(date(2019, 5, 31), day, 0)


def test_task_status_uses_the_calendar_given():
    task = Task("t", date(2019, 4, 27), date(2019, 4, 30))  # due Saturday
    # Public sector: deadline rolls to Thu 2/5, so 30/4 is on time.
    assert task.status(date(2019, 5, 31)) is TaskStatus.ON_TIME
    # Plain Mon-Fri: deadline is Mon 29/4, so 30/4 is late.
    assert task.deadline(PLAIN) == date(2019, 4, 29)
    assert task.status(date(2019, 5, 31), PLAIN) is TaskStatus.LATE
    assert tally_tasks([task], date(2019, 5, 31), PLAIN).late == 1
    assert tally_tasks([task], date(2019, 5, 31)).on_time == 1
    open_task = Task("u", date(2019, 4, 27))
    assert open_task.status(date(2019, 4, 30), PLAIN) is TaskStatus.OVERDUE
    assert open_task.status(date(2019, 4, 30)) is TaskStatus.IN_PROGRESS


def test_within_working_days_uses_the_calendar_and_keeps_every_field():
    from cchc_rules import Unit, UnitKind

    unit = Unit("Sở Nội vụ", UnitKind.DEPARTMENT)
    task = Task.within_working_days(
        "t", date(2019, 4, 26), 2, completed=date(2019, 5, 2), unit=unit, area="TTHC",
        calendar=PLAIN,
    )  # fmt: skip
    assert (task.due, task.completed, task.unit, task.area, task.assigned) == (
        date(2019, 4, 30),
        date(2019, 5, 2),
        unit,
        "TTHC",
        date(2019, 4, 26),
    )
    with pytest.raises(InvalidInputError) as caught:
        Task.within_working_days("t", date(2019, 4, 26), 0)
    assert str(caught.value) == "working_days must be at least 1 (got 0)"
