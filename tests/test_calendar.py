"""The calendar against the law: SPEC section 3's worked examples and every
official day the library relies on (its own cited table, 2018-2026)."""

from datetime import date

import holidays
import pytest

from cchc_rules import (
    InvalidInputError,
    OutOfRangeError,
    WorkingCalendar,
    public_sector_calendar,
)
from tests._shared import CAL

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


# -- the public-sector calendar's range, names and sources ------------------------


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
