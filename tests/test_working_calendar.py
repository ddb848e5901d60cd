"""The working-day engine (``cchc_rules.working_calendar``): the Civil Code's
counting conventions, the range and its ends, custom calendars, changes, and what
each query says when it refuses (on the public-sector calendar, ``CAL``)."""

import datetime as dt
from datetime import date, timedelta

import pytest

from cchc_rules import (
    CchcError,
    InvalidInputError,
    InvalidTypeError,
    OutOfRangeError,
    Source,
    WorkingCalendar,
    public_sector_calendar,
)
from tests._shared import CAL, refusal


def test_offsets_follow_spec_conventions():
    friday = date(2019, 5, 24)
    assert CAL.add_working_days(friday, 1) == date(2019, 5, 27)
    assert CAL.add_working_days(friday, -1) == date(2019, 5, 23)
    assert CAL.add_working_days(friday, 0) == friday
    assert CAL.add_working_days(date(2019, 5, 25), 0) == date(2019, 5, 27)
    assert CAL.add_working_days(date(2019, 5, 25), -1) == friday


def test_counts_exclude_start_include_end():
    assert CAL.working_days_between(date(2019, 5, 24), date(2019, 5, 24)) == 0
    assert CAL.working_days_between(date(2019, 5, 24), date(2019, 5, 27)) == 1
    assert CAL.working_days_between(date(2019, 5, 27), date(2019, 5, 24)) == -1
    assert (
        CAL.working_days_between(date(2019, 4, 26), date(2019, 5, 6)) == 4
    )  # 2/5, 3/5, Sat 4/5, 6/5


def test_out_of_range_is_an_error_not_a_guess():
    with pytest.raises(
        OutOfRangeError, match=r"2017-12-31 is outside .* 2018-01-01 to 2030-12-31"
    ):
        CAL.is_working_day(date(2017, 12, 31))
    with pytest.raises(OutOfRangeError, match="falls outside"):
        CAL.add_working_days(date(2030, 12, 30), 5)
    with pytest.raises(OutOfRangeError):
        CAL.add_working_days(date(2018, 1, 3), -5)
    assert issubclass(OutOfRangeError, InvalidInputError)
    assert issubclass(InvalidInputError, ValueError)


def test_datetime_is_refused_not_truncated():
    with pytest.raises(InvalidTypeError, match=r"day must be a date, not a datetime"):
        CAL.is_working_day(dt.datetime(2019, 5, 4, 23, 30))
    assert issubclass(InvalidTypeError, TypeError)
    assert issubclass(InvalidTypeError, CchcError)


@pytest.mark.parametrize("bad", ["2019-05-04", 20190504, None])
def test_non_dates_are_type_errors_naming_the_field(bad):
    with pytest.raises(InvalidTypeError, match=r"start must be a datetime.date \(got "):
        CAL.working_days_between(bad, date(2019, 1, 1))


@pytest.mark.parametrize("bad", [True, 1.0, "3"])
def test_offset_must_be_an_int(bad):
    with pytest.raises(InvalidTypeError, match="n must be an integer"):
        CAL.add_working_days(date(2019, 5, 2), bad)


def test_with_changes_keeps_its_source_and_leaves_the_original_alone():
    src = Source("Công văn giả định", article="khoản 1", provenance="supplied")
    changed = CAL.with_changes(
        days_off=[date(2026, 12, 31)], working_days=[date(2026, 12, 26)], source=src
    )
    assert not changed.is_working_day(date(2026, 12, 31))
    assert changed.is_working_day(date(2026, 12, 26))
    assert CAL.is_working_day(date(2026, 12, 31))
    assert not CAL.is_working_day(date(2026, 12, 26))
    added = {d.day: d for d in changed.special_days(2026)}
    assert added[date(2026, 12, 31)].source == src
    assert added[date(2026, 12, 26)].working


def test_with_changes_rejects_contradictions_and_days_outside_range():
    with pytest.raises(InvalidInputError, match="both a day off and a working day"):
        CAL.with_changes(days_off=[date(2020, 1, 2)], working_days=[date(2020, 1, 2)], source="x")
    with pytest.raises(OutOfRangeError):
        CAL.with_changes(days_off=[date(2031, 1, 6)], source="x")
    with pytest.raises(InvalidTypeError, match="source must be a Source"):
        CAL.with_changes(days_off=[date(2020, 1, 2)], source=42)


def test_custom_calendar_without_special_days_is_monday_to_friday():
    cal = WorkingCalendar(date(2024, 1, 1), date(2024, 1, 31))
    assert cal.working_days_between(date(2024, 1, 1), date(2024, 1, 31)) == 22
    with pytest.raises(InvalidInputError, match="last must not be before first"):
        WorkingCalendar(date(2024, 2, 1), date(2024, 1, 1))
    assert "2024-01-01..2024-01-31" in repr(cal)


def test_special_days_rejects_years_outside_the_range():
    with pytest.raises(OutOfRangeError, match="year 2031"):
        CAL.days_off(2031)


def test_the_first_and_last_day_are_inside_and_their_neighbours_outside():
    first, last = CAL.supported_range
    assert CAL.is_working_day(first) is False  # 1/1/2018, New Year
    assert CAL.is_working_day(last) is True  # Tue 31/12/2030
    for outside in (first - timedelta(days=1), last + timedelta(days=1)):
        with pytest.raises(OutOfRangeError, match=f"day {outside.isoformat()} is outside"):
            CAL.is_working_day(outside)


def test_offsets_reach_exactly_to_the_ends_of_the_range():
    last = CAL.supported_range[1]
    assert CAL.add_working_days(date(2030, 12, 30), 1) == last
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


def test_a_calendar_refuses_a_foreign_special_day():
    with pytest.raises(InvalidTypeError, match="special_days"):
        WorkingCalendar(date(2019, 1, 1), date(2019, 12, 31), [object()])


def test_a_calendar_with_a_malformed_confirmed_range():
    with pytest.raises(InvalidTypeError, match="confirmed"):
        WorkingCalendar(date(2019, 1, 1), date(2019, 12, 31), confirmed={0: 1})


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
            lambda: WorkingCalendar(date(2019, 1, 1), date(2019, 1, 2), None),
            "special_days must be a list (got NoneType None)",
        ),
        (
            lambda: public_sector_calendar().add_working_days(date(2031, 1, 1), 1),
            "day 2031-01-01 is outside the calendar's supported range 2018-01-01 to 2030-12-31; "
            "the days off outside it are not known. Extend it with public_sector_calendar("
            "first_year=..., last_year=...) and add that year's published days off with "
            "WorkingCalendar.with_changes_from(file) (on the command line: "
            "--calendar-changes FILE)",
        ),
        (
            lambda: public_sector_calendar().special_days("2019"),
            "year must be an integer (got str '2019')",
        ),
        (
            lambda: public_sector_calendar().with_changes(days_off=["x"], source="s"),
            "days_off must be a datetime.date (got str 'x')",
        ),
        (
            lambda: public_sector_calendar().with_changes(days_off=None, source="s"),
            "days_off must be a list (got NoneType None)",
        ),
        (
            lambda: public_sector_calendar().with_changes(working_days=["x"], source="s"),
            "working_days must be a datetime.date (got str 'x')",
        ),
        (
            lambda: public_sector_calendar().with_changes(working_days=5, source="s"),
            "working_days must be a list (got int 5)",
        ),
        (
            lambda: public_sector_calendar(2020, 2019),
            "last_year must be at least 2020 (got 2019)",
        ),
    ],
)
def test_calendar_messages_name_the_field_what_was_expected_and_what_arrived(call, message):
    assert refusal(call) == message


def test_a_freshly_built_calendar_ends_on_its_last_day():
    cal = public_sector_calendar(2019, 2019)
    assert cal.is_working_day(date(2019, 12, 31))
    with pytest.raises(OutOfRangeError):
        cal.is_working_day(date(2020, 1, 1))
    short = WorkingCalendar(date(2019, 5, 6), date(2019, 5, 7))
    with pytest.raises(OutOfRangeError):
        short.is_working_day(date(2019, 5, 8))


def test_with_changes_names_its_days_and_itself():
    cal = public_sector_calendar()
    changed = cal.with_changes([date(2026, 12, 31)], [date(2026, 12, 26)], source="CV 1")
    days = {d.day: d for d in changed.special_days(2026)}
    off, on = days[date(2026, 12, 31)], days[date(2026, 12, 26)]
    assert (off.working, off.name_vi, off.name_en) == (
        False,
        "Ngày nghỉ (thay đổi bổ sung)",
        "Day off (added change)",
    )
    assert (on.working, on.name_vi, on.name_en) == (
        True,
        "Ngày làm việc (thay đổi bổ sung)",
        "Working day (added change)",
    )
    assert changed.name == "Vietnam public sector 2018-2030 with changes"
    both = [date(2020, 1, 3), date(2020, 1, 2)]
    with pytest.raises(InvalidInputError) as caught:
        cal.with_changes(both[::-1], both, source="x")
    assert str(caught.value) == (
        "a day cannot be both a day off and a working day (got 2020-01-02, 2020-01-03 in both)"
    )
    with pytest.raises(OutOfRangeError) as caught:
        cal.with_changes([date(2031, 1, 6)], source="x")
    assert str(caught.value).startswith("changed day 2031-01-06 is outside")


def test_an_offset_may_land_on_the_first_working_day_of_the_range_and_no_further():
    class Day(date):  # a subclass of date takes the checked path, not the quick one
        pass

    assert CAL.add_working_days(date(2018, 1, 3), -1) == date(2018, 1, 2)
    assert CAL.add_working_days(Day(2018, 1, 3), -1) == date(2018, 1, 2)
    with pytest.raises(OutOfRangeError) as caught:
        CAL.add_working_days(date(2018, 1, 2), -1)
    assert str(caught.value) == (
        "-1 working day from day 2018-01-02 falls outside the calendar's supported range "
        "2018-01-01 to 2030-12-31. Extend it with public_sector_calendar(first_year=..., "
        "last_year=...) and add that year's published days off with "
        "WorkingCalendar.with_changes_from(file) (on the command line: "
        "--calendar-changes FILE)"
    )


def test_a_changes_file_may_change_the_first_and_the_last_day_of_the_range(tmp_path):
    path = tmp_path / "edges.csv"
    path.write_text(
        "day,status,name,instrument\n2018-01-01,working,Làm bù,CV 1\n2030-12-31,off,Nghỉ,CV 2\n",
        encoding="utf-8",
    )
    cal = CAL.with_changes_from(path)
    assert (cal.is_working_day(date(2018, 1, 1)), cal.is_working_day(date(2030, 12, 31))) == (
        True,
        False,
    )


# -- what the confirmation queries and the checked offset path say and answer ------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: WorkingCalendar(date(2019, 2, 1), date(2019, 1, 1)),
            "last must not be before first (got 2019-02-01 to 2019-01-01)",
        ),
        (
            lambda: WorkingCalendar(date(2019, 1, 1), date(2019, 1, 2), confirmed="x"),
            "confirmed must be a (confirmed_from, confirmed_through) pair of dates (got str 'x')",
        ),
        (
            lambda: WorkingCalendar(date(2019, 1, 1), date(2019, 1, 2), confirmed=("x", None)),
            "confirmed_from must be a datetime.date (got str 'x')",
        ),
        (
            lambda: WorkingCalendar(
                date(2019, 1, 1), date(2019, 1, 2), confirmed=(date(2019, 1, 1), 5)
            ),
            "confirmed_through must be a datetime.date (got int 5)",
        ),
        (lambda: CAL.is_confirmed("x"), "day must be a datetime.date (got str 'x')"),
        (
            lambda: CAL.index_of(date(2017, 12, 31)),  # the field it names by default
            "day 2017-12-31 is outside the calendar's supported range 2018-01-01 to "
            "2030-12-31; the days off outside it are not known. Extend it with "
            "public_sector_calendar(first_year=..., last_year=...) and add that year's "
            "published days off with WorkingCalendar.with_changes_from(file) (on the "
            "command line: --calendar-changes FILE)",
        ),
        (
            lambda: CAL.is_confirmed_between("x", date(2019, 1, 1)),
            "start must be a datetime.date (got str 'x')",
        ),
        (
            lambda: CAL.is_confirmed_between(date(2019, 1, 1), "y"),
            "end must be a datetime.date (got str 'y')",
        ),
        (
            lambda: CAL.with_changes(source="s", confirmed_through="z"),
            "confirmed_through must be a datetime.date (got str 'z')",
        ),
        (
            lambda: CAL.add_working_days(date(2030, 12, 30), 2),
            "2 working days from day 2030-12-30 falls outside the calendar's supported range "
            "2018-01-01 to 2030-12-31. Extend it with public_sector_calendar(first_year=..., "
            "last_year=...) and add that year's published days off with "
            "WorkingCalendar.with_changes_from(file) (on the command line: "
            "--calendar-changes FILE)",
        ),
    ],
)
def test_the_range_and_confirmation_queries_say_exactly_what_they_refuse(call, message):
    assert refusal(call) == message


def test_the_checked_offset_path_answers_as_the_quick_one():
    class Day(date):  # a subclass of date, and an int subclass, take the checked path
        pass

    class Int(int):
        pass

    for day in (date(2019, 4, 26), date(2019, 4, 27), date(2019, 5, 2)):
        for n in (-3, -1, 0, 1, 2, 5):
            expected = CAL.add_working_days(day, n)
            as_subclass = Day(day.year, day.month, day.day)
            assert CAL.add_working_days(as_subclass, n) == expected, (day, n)
            assert CAL.add_working_days(day, Int(n)) == expected, (day, n)


def _confirmed_after_a_change(cal, through, *days):
    """Whether each of ``days`` is confirmed once ``cal`` is changed, on the
    caller's word, to be confirmed through ``through``."""
    changed = cal.with_changes(source="CV 1", confirmed_through=through)
    return tuple(changed.is_confirmed(day) for day in days)


def test_a_confirmed_span_is_inclusive_and_a_change_keeps_where_it_starts():
    assert CAL.is_confirmed_between(date(2018, 1, 1), date(2026, 12, 31))
    assert not CAL.is_confirmed_between(date(2018, 1, 1), date(2027, 1, 1))
    wider = public_sector_calendar(2016, 2030)  # confirmed from 1/1/2018 only
    assert _confirmed_after_a_change(
        wider, date(2027, 12, 31), date(2017, 6, 1), date(2027, 6, 1)
    ) == (False, True)
    one_day = WorkingCalendar(
        date(2019, 1, 1), date(2019, 1, 31), confirmed=(date(2019, 1, 10), date(2019, 1, 10))
    )
    assert _confirmed_after_a_change(
        one_day, date(2019, 1, 20), date(2019, 1, 9), date(2019, 1, 15)
    ) == (False, True)
    nothing = WorkingCalendar(
        date(2019, 1, 1), date(2019, 1, 31), confirmed=(date(2030, 1, 1), date(2030, 1, 2))
    )
    assert nothing.confirmed_through == date(2018, 12, 31)  # the day before its first
    assert _confirmed_after_a_change(
        nothing, date(2019, 1, 15), date(2019, 1, 1), date(2019, 1, 16)
    ) == (True, False)
