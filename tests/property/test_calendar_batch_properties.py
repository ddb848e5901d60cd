"""The batch calendar queries (``*_many``) are the scalar queries, item by item:
the same answers, and for a batch with a bad item the error a loop over the scalar
method would meet first, same class, located by position. The oracle is that loop.
These run without numpy; ``test_calendar_batch_numpy.py`` checks the array path."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_rules import CchcError, latest_notice_date
from tests._shared import CAL

from ._calendar_batch import assert_same, days, pairs, scalar_loop, steps

FIRST, LAST = CAL.supported_range


@settings(max_examples=100)  # each example is a batch of up to 12 queries
@given(st.lists(days, max_size=12))
def test_is_working_day_many_is_the_scalar_loop(items):
    expected = scalar_loop(CAL.is_working_day, items)
    assert_same(lambda: CAL.is_working_day_many(items), expected)
    assert_same(lambda: CAL.is_working_day_many(iter(items)), expected)


@settings(max_examples=100)  # each example is a batch of up to 12 queries
@given(pairs)
def test_add_working_days_many_is_the_scalar_loop(items):
    starts = [d for d, _ in items]
    ns = [n for _, n in items]
    expected = scalar_loop(CAL.add_working_days, starts, ns)
    assert_same(lambda: CAL.add_working_days_many(starts, ns), expected)
    assert_same(lambda: CAL.add_working_days_many(tuple(starts), tuple(ns)), expected)


@settings(max_examples=100)  # each example is a batch of up to 12 queries
@given(st.lists(days, max_size=12), steps)
def test_add_working_days_many_by_one_n_is_the_scalar_loop(items, n):
    expected = scalar_loop(CAL.add_working_days, items, [n] * len(items))
    assert_same(lambda: CAL.add_working_days_many(items, n), expected)


@settings(max_examples=100)  # each example is a batch of up to 12 queries
@given(st.lists(st.tuples(days, days), max_size=12))
def test_working_days_between_many_is_the_scalar_loop(items):
    starts = [a for a, _ in items]
    ends = [b for _, b in items]
    expected = scalar_loop(CAL.working_days_between, starts, ends)
    assert_same(lambda: CAL.working_days_between_many(starts, ends), expected)


@settings(max_examples=100)  # each example is a batch of up to 12 queries
@given(st.lists(st.one_of(days, st.none(), st.integers(), st.text(max_size=3)), max_size=6))
def test_items_of_the_wrong_type_fail_as_the_scalar_method_does(items):
    expected = scalar_loop(CAL.is_working_day, items)
    assert_same(lambda: CAL.is_working_day_many(items), expected)
    ns = [1] * len(items)
    assert_same(
        lambda: CAL.add_working_days_many(items, ns),
        scalar_loop(CAL.add_working_days, items, ns),
    )
    fixed = [date(2019, 6, 3)] * len(items)
    assert_same(
        lambda: CAL.working_days_between_many(fixed, items),
        scalar_loop(CAL.working_days_between, fixed, items),
    )


def outcome(query, *args):
    """``query(*args)``, or the error it raised."""
    try:
        return query(*args)
    except CchcError as exc:
        return exc


@settings(max_examples=200)
@given(days, st.one_of(st.integers(0, 30), st.integers(0, 5000)))
def test_latest_notice_date_is_the_offset_it_inlines(day, n):
    """latest_notice_date answers its common case from the calendar's tables
    directly; it must be add_working_days(day, -(n + 1)), errors included, except
    that an inspection day outside the range is named as the inspection day."""
    expected = outcome(CAL.add_working_days, day, -(n + 1))
    if not isinstance(expected, CchcError):
        assert latest_notice_date(day, n) == expected
        return
    with pytest.raises(type(expected)) as caught:
        latest_notice_date(day, n)
    message = str(expected)
    if FIRST <= day <= LAST:
        assert str(caught.value) == message
    else:
        assert str(caught.value) == message.replace("day ", "inspection_day ", 1)
