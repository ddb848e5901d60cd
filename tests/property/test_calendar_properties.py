"""The fast calendar agrees with a naive day-by-day walk over the shipped table
(read here with the csv module, independently of the library's loader), and its
offsets and counts obey the algebra of the Civil Code conventions."""

import csv
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import cchc_rules
from cchc_rules import latest_notice_date, notice_is_sufficient
from cchc_rules.strategies import dates
from tests._shared import CAL

FIRST, LAST = CAL.supported_range
TABLE = Path(cchc_rules.__file__).parent / "calendar_data" / "days.csv"
with TABLE.open(encoding="utf-8", newline="") as _handle:
    STATUS = {
        date.fromisoformat(r["day"]): r["status"] == "working" for r in csv.DictReader(_handle)
    }

days = dates()
inner_days = dates(margin_days=60)
offsets = st.integers(min_value=-30, max_value=30)


def naive_is_working(day: date) -> bool:
    return STATUS.get(day, day.weekday() < 5)


def naive_between(start: date, end: date) -> int:
    sign, lo, hi = (1, start, end) if start <= end else (-1, end, start)
    count, day = 0, lo
    while day < hi:
        day += timedelta(days=1)
        count += naive_is_working(day)
    return sign * count


def naive_add(day: date, n: int) -> date:
    if n == 0:
        while not naive_is_working(day):
            day += timedelta(days=1)
        return day
    step = timedelta(days=1 if n > 0 else -1)
    remaining = abs(n)
    while remaining:
        day += step
        remaining -= naive_is_working(day)
    return day


def test_every_year_in_range_agrees_with_a_naive_walk():
    assert (date(2018, 1, 1), date(2030, 12, 31)) == (FIRST, LAST)
    day, count = FIRST, 0
    while day <= LAST:
        assert CAL.is_working_day(day) == naive_is_working(day), day
        count += naive_is_working(day)
        assert CAL.working_days_between(FIRST, day) == count - naive_is_working(FIRST), day
        day += timedelta(days=1)


@given(days)
def test_is_working_day_agrees_with_naive(day):
    assert CAL.is_working_day(day) == naive_is_working(day)


@given(days, days)
def test_count_agrees_with_naive_walk(a, b):
    assert CAL.working_days_between(a, b) == naive_between(a, b)


@given(inner_days, offsets)
def test_offset_agrees_with_naive_walk(day, n):
    assert CAL.add_working_days(day, n) == naive_add(day, n)


@given(inner_days, st.integers(min_value=1, max_value=30))
def test_count_inverts_offset(day, n):
    assert CAL.working_days_between(day, CAL.add_working_days(day, n)) == n


@given(days, days, days)
def test_counts_add_up_over_adjacent_intervals(a, b, c):
    assert CAL.working_days_between(a, b) + CAL.working_days_between(
        b, c
    ) == CAL.working_days_between(a, c)


@given(days, days)
def test_count_changes_sign_when_swapped(a, b):
    assert CAL.working_days_between(a, b) == -CAL.working_days_between(b, a)


@given(inner_days, st.integers(min_value=0, max_value=15))
def test_latest_notice_is_sufficient_and_the_next_working_day_is_not(inspection, n):
    latest = latest_notice_date(inspection, n)
    assert CAL.is_working_day(latest)
    assert notice_is_sufficient(latest, inspection, n)
    assert not notice_is_sufficient(CAL.add_working_days(latest, 1), inspection, n)


@given(st.lists(days, max_size=5), st.lists(days, max_size=5))
def test_with_changes_never_alters_the_calendar_it_came_from(off, on):
    on = [d for d in on if d not in off]
    before = [CAL.is_working_day(d) for d in off + on]
    changed = CAL.with_changes(days_off=off, working_days=on, source="test")
    assert [CAL.is_working_day(d) for d in off + on] == before
    assert all(not changed.is_working_day(d) for d in off)
    assert all(changed.is_working_day(d) for d in on)
