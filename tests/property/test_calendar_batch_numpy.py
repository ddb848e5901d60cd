"""The array path of the batch calendar queries equals the scalar methods on the
array's Python items (``array.tolist()``), errors included. Skipped without numpy."""

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests._shared import CAL

from ._calendar_batch import assert_same, days, scalar_loop, steps

np = pytest.importorskip("numpy")

FIRST, LAST = CAL.supported_range
DAY = np.dtype("datetime64[D]")

# Including NaT, and days far outside the range.
array_days = st.one_of(
    days.map(lambda d: np.datetime64(d, "D")),
    st.just(np.datetime64("NaT", "D")),
    st.integers(-200_000, 200_000).map(lambda k: np.datetime64(k, "D")),
)


def as_array(items):
    return np.array(items, dtype=DAY)


def unwrap(fn):
    """``fn()`` with an array answer turned into Python values, as the oracle gives."""
    return lambda: fn().tolist()


@settings(max_examples=100)  # each example is a batch of up to 12 queries
@given(st.lists(array_days, max_size=12))
def test_is_working_day_many_on_arrays(items):
    array = as_array(items)
    result = scalar_loop(CAL.is_working_day, array.tolist())
    assert_same(unwrap(lambda: CAL.is_working_day_many(array)), result)
    if isinstance(result, list):
        assert CAL.is_working_day_many(array).dtype == np.bool_


@settings(max_examples=100)  # each example is a batch of up to 12 queries
@given(st.lists(st.tuples(array_days, steps), max_size=12), st.sampled_from(["i8", "i4", "u2"]))
def test_add_working_days_many_on_arrays(items, int_type):
    array = as_array([d for d, _ in items])
    ns = [n for _, n in items]
    if int_type == "u2":
        ns = [abs(n) for n in ns]
    n_array = np.array(ns, dtype=int_type)
    result = scalar_loop(CAL.add_working_days, array.tolist(), ns)
    assert_same(unwrap(lambda: CAL.add_working_days_many(array, n_array)), result)
    assert_same(unwrap(lambda: CAL.add_working_days_many(array, ns)), result)
    if isinstance(result, list):
        assert CAL.add_working_days_many(array, n_array).dtype == DAY


@settings(max_examples=100)  # each example is a batch of up to 12 queries
@given(st.lists(array_days, max_size=12), steps)
def test_add_working_days_many_on_arrays_by_one_n(items, n):
    array = as_array(items)
    result = scalar_loop(CAL.add_working_days, array.tolist(), [n] * len(items))
    assert_same(unwrap(lambda: CAL.add_working_days_many(array, n)), result)


@settings(max_examples=100)  # each example is a batch of up to 12 queries
@given(st.lists(st.tuples(array_days, array_days), max_size=12))
def test_working_days_between_many_on_arrays(items):
    starts = as_array([a for a, _ in items])
    ends = as_array([b for _, b in items])
    result = scalar_loop(CAL.working_days_between, starts.tolist(), ends.tolist())
    assert_same(unwrap(lambda: CAL.working_days_between_many(starts, ends)), result)
    assert_same(unwrap(lambda: CAL.working_days_between_many(starts.tolist(), ends)), result)


def test_a_two_dimensional_array_keeps_its_shape_and_flat_position():
    grid = as_array([[FIRST, FIRST + timedelta(days=3)], [LAST, LAST]])
    assert CAL.add_working_days_many(grid, 0).shape == (2, 2)
    with pytest.raises(Exception, match=rf"^item 2: 1 working days from day {LAST.isoformat()}"):
        CAL.add_working_days_many(grid, 1)
