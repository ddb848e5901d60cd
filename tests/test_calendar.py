"""The calendar against the law: SPEC section 3's worked examples and every
official day the library relies on (its own cited table, 2018-2026)."""

import datetime as dt
from datetime import date, timedelta

import holidays
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

# -- SPEC section 3, worked examples ---------------------------------------------


def test_make_up_saturday_4_may_2019_is_a_working_day():
    assert CAL.is_working_day(date(2019, 5, 4))


@pytest.mark.parametrize("day", [date(2019, 4, 29), date(2019, 4, 30), date(2019, 5, 1)])
def test_swapped_day_and_holidays_around_30_4_2019_are_off(day):
    assert not CAL.is_working_day(day)


def test_deadline_on_saturday_27_4_2019_rolls_to_thursday_2_5():
    assert CAL.next_working_day(date(2019, 4, 27)) == date(2019, 5, 2)


# -- official days the calendar relies on ------------------------------------------

DAYS_OFF = {
    # New Year 2019 swap: Mon 31/12/2018 off, Sat 5/1/2019 worked (CV 6519/VPCP-KGVX)
    date(2018, 12, 31): "swap for Sat 5/1/2019",
    # Tết Kỷ Hợi 2019: 29 Tết to mùng 4 (Labour Code 2012 Art. 115, 5 days)
    **{date(2019, 2, d): "Tết 2019" for d in range(4, 9)},
    date(2019, 4, 15): "Hùng Kings 2019 fell on Sunday 14/4: compensatory Monday",
    date(2019, 9, 2): "National Day 2019 (one day before 2021)",
    # Tết Giáp Thìn 2024: Thu 8/2 to Wed 14/2
    **{date(2024, 2, d): "Tết 2024" for d in (8, 9, 12, 13, 14)},
    date(2024, 4, 29): "swap for Sat 4/5/2024 (CV 2450/VPCP-KGVX)",
    # Tết Ất Tỵ 2025: Mon 27/1 to Fri 31/1 (TB 6150/TB-BLĐTBXH)
    **{date(2025, 1, d): "Tết 2025" for d in range(27, 32)},
    date(2025, 5, 2): "swap for Sat 26/4/2025",
    date(2021, 9, 2): "National Day, first day",
    date(2021, 9, 3): "National Day, second day (Labour Code 2019 Art. 112, from 2021)",
    date(2025, 9, 1): "National Day 2025, second day (Monday before 2/9)",
    date(2026, 1, 2): "swap for Sat 10/1/2026 (CV 12729/VPCP-KGVX), missing in holidays 0.109",
    date(2026, 8, 31): "swap for Sat 22/8/2026",
    date(2026, 11, 24): "Vietnam Cultural Day (Resolution 80-NQ/TW), from 2026",
}

MAKE_UP_SATURDAYS = [
    date(2019, 1, 5),
    date(2019, 5, 4),
    date(2024, 5, 4),
    date(2025, 4, 26),
    date(2026, 1, 10),
    date(2026, 8, 22),
]


@pytest.mark.parametrize(("day", "why"), DAYS_OFF.items(), ids=str)
def test_official_day_off(day, why):
    assert day.weekday() < 5, "only weekdays off are informative"
    assert not CAL.is_working_day(day), why


@pytest.mark.parametrize("day", MAKE_UP_SATURDAYS, ids=str)
def test_official_make_up_saturday(day):
    assert day.weekday() == 5
    assert CAL.is_working_day(day)
    assert day in {d.day for d in CAL.make_up_days(day.year)}


def test_national_day_was_one_day_before_2021():
    assert CAL.is_working_day(date(2019, 9, 3))
    assert CAL.is_working_day(date(2020, 9, 3))


def test_holidays_version_pinned_in_pyproject_is_installed():
    major, minor = (int(p) for p in holidays.__version__.split(".")[:2])
    assert (major, minor) >= (0, 106)


def test_count_over_2024_2026_matches_holidays_own_count():
    start, end = date(2024, 1, 1), date(2026, 12, 31)
    vn = holidays.VN(years=range(2024, 2027))
    # holidays counts both ends inclusive; 1/1/2024 is a holiday, so the counts agree.
    assert CAL.working_days_between(start, end) == vn.get_working_days_count(start, end) == 750


def test_days_off_have_vietnamese_and_english_names():
    tet = {d.day: d for d in CAL.days_off(2019)}[date(2019, 2, 5)]
    assert tet.name_vi == "Tết Nguyên Đán"
    assert tet.name_en == "Lunar New Year"
    assert not tet.working
    assert "6519/VPCP-KGVX" in tet.source.instrument


# -- the counting conventions -------------------------------------------------------


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


# -- bad input ------------------------------------------------------------------------


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


# -- changes and custom calendars ------------------------------------------------------


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


def test_the_range_can_be_extended_explicitly():
    cal = public_sector_calendar(2018, 2032)
    assert cal.supported_range == (date(2018, 1, 1), date(2032, 12, 31))
    assert not cal.is_working_day(date(2032, 1, 1))
    new_year = cal.special_days(2032)[0]
    assert new_year.source.unverified
    assert "outside the library's cited table" in (new_year.source.note or "")
    assert public_sector_calendar() is public_sector_calendar()  # built once


@pytest.mark.parametrize(("first", "last"), [(1990, 2000), (2020, 2019), (2020, 2101)])
def test_bad_ranges_are_rejected(first, last):
    with pytest.raises(InvalidInputError):
        public_sector_calendar(first, last)


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


def test_default_names_and_sources():
    assert WorkingCalendar(date(2019, 1, 1), date(2019, 1, 2)).name == "custom calendar"
    changed = public_sector_calendar().with_changes(
        working_days=[date(2026, 12, 26)], source="CV 9"
    )
    (worked,) = changed.make_up_days(2026)[-1:]
    assert worked.source.instrument == "CV 9"
    note = public_sector_calendar().days_off(2027)[0].source.note
    assert note == (
        "provisional: the public sector's schedule of days off for 2027 is not yet "
        "published; statutory holidays (lunar dates computed by the holidays package) and "
        "compensatory days only, no swaps"
    )


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


def test_special_days_carry_their_instruments():
    cal = public_sector_calendar()
    tet = {d.day: d for d in cal.days_off(2019)}[date(2019, 2, 5)]
    d = tet.to_dict()
    assert (d["day"], d["working"], d["name_vi"], d["name_en"]) == (
        "2019-02-05",
        False,
        "Tết Nguyên Đán",
        "Lunar New Year",
    )
    src = d["source"]
    assert src["instrument"] == (
        "Bộ luật Lao động 2012 (10/2012/QH13); "
        "Công văn 6519/VPCP-KGVX ngày 11/07/2018 (Văn phòng Chính phủ)"
    )
    assert src["article"] == "Điều 115"
    assert "thuvienphapluat.vn" in src["location"]
    assert "note" not in src
    assert src["provenance"] == "verified"
    assert [s.day.year for s in cal.special_days(2018)][:1] == [2018]
    assert cal.special_days(2026)[-1].day == date(2026, 11, 24)
    assert cal.special_days(2026)[-1].source.unverified
    with pytest.raises(OutOfRangeError) as caught:
        cal.special_days(2017)
    assert str(caught.value) == (
        "year 2017 is outside the calendar's supported range 2018-01-01 to 2030-12-31. "
        "Extend it with public_sector_calendar(first_year=..., last_year=...) and add that "
        "year's published days off with WorkingCalendar.with_changes_from(file) (on the "
        "command line: --calendar-changes FILE)"
    )


def test_public_sector_calendar_year_limits():
    assert public_sector_calendar(2100, 2100).supported_range[1] == date(2100, 12, 31)
    with pytest.raises(InvalidInputError) as caught:
        public_sector_calendar(2100, 2101)
    assert str(caught.value) == "last_year must be at most 2100 (got 2101)"
    with pytest.raises(InvalidInputError) as caught:
        public_sector_calendar(1994)
    assert str(caught.value) == "first_year must be at least 1995 (got 1994)"


def test_an_offset_may_land_on_the_first_working_day_of_the_range_and_no_further():
    class Day(date):  # a subclass of date takes the checked path, not the quick one
        pass

    assert CAL.add_working_days(date(2018, 1, 3), -1) == date(2018, 1, 2)
    assert CAL.add_working_days(Day(2018, 1, 3), -1) == date(2018, 1, 2)
    with pytest.raises(OutOfRangeError) as caught:
        CAL.add_working_days(date(2018, 1, 2), -1)
    assert str(caught.value) == (
        "-1 working days from day 2018-01-02 falls outside the calendar's supported range "
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
