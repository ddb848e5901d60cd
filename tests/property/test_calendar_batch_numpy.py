"""The array path of the batch calendar queries equals the scalar methods on the
array's Python items (``array.tolist()``), errors included. Skipped without numpy."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_rules import CchcError
from tests._shared import CAL, refusal

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
    with pytest.raises(Exception, match=rf"^item 2: 1 working day from day {LAST.isoformat()}"):
        CAL.add_working_days_many(grid, 1)


# -- pinned examples of the array path --------------------------------------------------


def _scalar_error(query, *args):
    with pytest.raises(CchcError) as caught:
        query(*args)
    return caught.value


def _refused_like_the_scalar(batch, k, query, *args):
    """``batch()`` fails with the scalar method's error on item ``k``, located there."""
    scalar = _scalar_error(query, *args)
    with pytest.raises(type(scalar)) as caught:
        batch()
    assert str(caught.value) == f"item {k}: {scalar}"


# Days in the middle of the range, 200 working days from either end.
GRID = as_array([[date(2024, 3, 1), date(2024, 3, 2)], [date(2025, 9, 2), date(2026, 2, 17)]])
GRID_DAYS = GRID.tolist()


def _each(query, *grids):
    """``query`` on each cell of the 2x2 grids, as a 2x2 nested list."""
    return [[query(*(g[r][c] for g in grids)) for c in range(2)] for r in range(2)]


def test_a_two_dimensional_array_is_answered_in_its_shape_by_each_query():
    working = CAL.is_working_day_many(GRID)
    assert working.dtype == np.bool_
    assert working.tolist() == _each(CAL.is_working_day, GRID_DAYS)
    ends = GRID[::-1]
    between = CAL.working_days_between_many(GRID, ends)
    assert between.dtype == np.int64
    assert between.tolist() == _each(CAL.working_days_between, GRID_DAYS, ends.tolist())


@pytest.mark.parametrize(
    "n",
    [200, -125, 1, -1, 0, "i8", "i1", "u2", "u4"],
)
def test_a_two_dimensional_array_takes_one_n_or_an_integer_array_of_its_shape(n):
    if isinstance(n, str):
        n = np.array([[1, 7], [120, 0]], dtype=n) * (-1 if n[0] == "i" else 1)
        steps = n.tolist()
    else:
        steps = [[n, n], [n, n]]
    added = CAL.add_working_days_many(GRID, n)
    assert added.dtype == DAY
    assert added.shape == (2, 2)
    assert added.tolist() == _each(CAL.add_working_days, GRID_DAYS, steps)


def test_a_two_dimensional_array_on_the_item_by_item_path_is_answered_in_its_shape():
    # n as a list, a float array, an object array of dates: not the array path
    flat = [d for row in GRID_DAYS for d in row]
    added = CAL.add_working_days_many(GRID, [1, 2, 3, 4])
    assert added.shape == (2, 2)
    assert added.reshape(-1).tolist() == [
        CAL.add_working_days(d, n) for d, n in zip(flat, [1, 2, 3, 4], strict=True)
    ]
    objects = np.array(GRID_DAYS, dtype=object)
    assert CAL.is_working_day_many(objects).tolist() == _each(CAL.is_working_day, GRID_DAYS)
    between = CAL.working_days_between_many(objects, flat[::-1])
    assert between.shape == (2, 2)
    assert between.reshape(-1).tolist() == [
        CAL.working_days_between(a, b) for a, b in zip(flat, flat[::-1], strict=True)
    ]


def test_a_two_dimensional_array_on_the_item_by_item_path_names_the_scalar_error():
    # item 2 is the third in flat order: the first cell of the second row
    _refused_like_the_scalar(
        lambda: CAL.add_working_days_many(GRID, np.array([[1, 1], [1.5, 1]], dtype=object)),
        2,
        CAL.add_working_days,
        GRID_DAYS[1][0],
        1.5,
    )
    outside = np.array([[FIRST, FIRST], [LAST + timedelta(days=1), FIRST]], dtype=object)
    _refused_like_the_scalar(
        lambda: CAL.is_working_day_many(outside), 2, CAL.is_working_day, LAST + timedelta(1)
    )


def test_a_zero_dimensional_array_is_one_day_answered_as_a_zero_dimensional_array():
    day = date(2019, 5, 4)
    for one in (np.array(day, dtype=DAY), np.array(day, dtype=object)):  # both paths
        answers = (
            CAL.is_working_day_many(one),
            CAL.add_working_days_many(one, 0),
            CAL.working_days_between_many(one, one),
        )
        assert all(isinstance(a, np.ndarray) and a.shape == () for a in answers)
        assert [a.item() for a in answers] == [True, day, 0]


def test_a_zero_dimensional_n_is_one_n_for_every_day():
    assert CAL.add_working_days_many(GRID, np.array(1)).tolist() == _each(
        CAL.add_working_days, GRID_DAYS, [[1, 1], [1, 1]]
    )
    assert refusal(lambda: CAL.add_working_days_many(GRID, np.array(1.5))) == (
        "n must be an integer (got float 1.5)"
    )


@pytest.mark.parametrize(
    ("ends", "expected"),
    [(GRID.reshape(1, 4), "(1, 4), expected (2, 2)"), (GRID.reshape(4), "(4,), expected (2, 2)")],
)
def test_two_arrays_of_different_shapes_are_refused_even_with_as_many_items(ends, expected):
    assert refusal(lambda: CAL.working_days_between_many(GRID, ends)) == (
        f"ends must be an array of the shape of starts (got {expected})"
    )
    steps = np.ones(ends.shape, dtype=np.int64)
    assert refusal(lambda: CAL.add_working_days_many(GRID, steps)) == (
        f"n must be an array of the shape of days (got {expected})"
    )
    # beside a list, an array is read in flat order
    flat = GRID.reshape(-1).tolist()
    assert CAL.working_days_between_many(GRID, flat).tolist() == [[0, 0], [0, 0]]


@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")  # np.matrix itself
def test_a_matrix_is_read_as_its_array():
    matrix = np.asmatrix(np.array(GRID_DAYS, dtype=object))
    assert CAL.is_working_day_many(matrix).tolist() == _each(CAL.is_working_day, GRID_DAYS)


def test_a_masked_array_is_refused_not_read_through_its_mask():
    masked = np.ma.masked_array(as_array([date(2019, 5, 4), date(1970, 1, 7)]), mask=[0, 1])
    message = (
        "{} must be an array without a mask (got a masked array); fill or drop its masked "
        "items first"
    )
    assert refusal(lambda: CAL.is_working_day_many(masked)) == message.format("days")
    assert refusal(lambda: CAL.add_working_days_many(masked, 1)) == message.format("days")
    assert refusal(lambda: CAL.working_days_between_many(masked, masked)) == message.format(
        "starts"
    )
    plain = as_array([date(2019, 5, 4), date(2019, 5, 6)])
    assert refusal(lambda: CAL.working_days_between_many(plain, masked)) == message.format("ends")
    assert refusal(lambda: CAL.add_working_days_many(GRID, np.ma.ones((2, 2)))) == (
        message.format("n")
    )


def test_an_array_of_floats_is_read_item_by_item_whatever_its_bits():
    # floats whose bits are the day numbers of days in the range: not days
    floats = GRID.view(np.int64).view(np.float64)
    first = floats.flat[0].item()
    _refused_like_the_scalar(lambda: CAL.is_working_day_many(floats), 0, CAL.is_working_day, first)
    _refused_like_the_scalar(
        lambda: CAL.add_working_days_many(floats, 1), 0, CAL.add_working_days, first, 1
    )
    _refused_like_the_scalar(
        lambda: CAL.working_days_between_many(floats, floats),
        0,
        CAL.working_days_between,
        first,
        first,
    )


def test_an_n_of_days_is_refused_as_the_scalar_method_refuses_it():
    seconds = np.array(["2019-05-04T00:00:00"] * 4, dtype="datetime64[s]").reshape(2, 2)
    assert refusal(lambda: CAL.add_working_days_many(GRID, seconds)).startswith(
        "item 0: n must be an integer (got datetime"
    )


SATURDAY, FRIDAY = date(2019, 4, 27), date(2019, 4, 26)


def test_one_working_day_from_a_day_off_is_the_next_working_day():
    days = as_array([SATURDAY, FRIDAY, date(2019, 4, 30)])
    expected = [date(2019, 5, 2), date(2019, 5, 2), date(2019, 5, 2)]
    assert CAL.add_working_days_many(days, 1).tolist() == expected
    assert CAL.add_working_days_many(days, np.ones(3, dtype=np.int64)).tolist() == expected
    back = [CAL.add_working_days(d, -1) for d in days.tolist()]
    assert CAL.add_working_days_many(days, -1).tolist() == back
    assert CAL.add_working_days_many(days, np.full(3, -1, dtype=np.int32)).tolist() == back


@pytest.mark.parametrize(
    "n", [2**64, -(2**64), 2**63, -(2**63) - 1, 2**62, -(2**62), 2**62 - 1, -(2**62) + 1]
)
def test_offsets_at_and_beyond_the_int64_bounds_are_refused_as_the_scalar_method_does(n):
    days = as_array([FIRST])
    _refused_like_the_scalar(
        lambda: CAL.add_working_days_many(days, n), 0, CAL.add_working_days, FIRST, n
    )


def test_the_first_day_outside_the_range_is_named_by_each_query():
    after, before = LAST + timedelta(days=1), FIRST - timedelta(days=1)
    days = as_array([FIRST, LAST, after, before])
    _refused_like_the_scalar(lambda: CAL.is_working_day_many(days), 2, CAL.is_working_day, after)
    _refused_like_the_scalar(
        lambda: CAL.is_working_day_many(days[3:]), 0, CAL.is_working_day, before
    )
    _refused_like_the_scalar(
        lambda: CAL.add_working_days_many(days, 0), 2, CAL.add_working_days, after, 0
    )
    _refused_like_the_scalar(
        lambda: CAL.add_working_days_many(days[3:], 0), 0, CAL.add_working_days, before, 0
    )
    inside = as_array([FIRST, FIRST, LAST, LAST])
    _refused_like_the_scalar(
        lambda: CAL.working_days_between_many(days, inside),
        2,
        CAL.working_days_between,
        after,
        LAST,
    )
    _refused_like_the_scalar(
        lambda: CAL.working_days_between_many(inside, days[::-1]),
        0,
        CAL.working_days_between,
        FIRST,
        before,
    )
    _refused_like_the_scalar(
        lambda: CAL.working_days_between_many(inside[:1], days[3:]),
        0,
        CAL.working_days_between,
        FIRST,
        before,
    )
    nat = as_array([FIRST, np.datetime64("NaT")])
    _refused_like_the_scalar(lambda: CAL.is_working_day_many(nat), 1, CAL.is_working_day, None)


def test_a_step_past_either_end_is_named_even_beside_a_day_outside_the_range():
    after = LAST + timedelta(days=1)
    _refused_like_the_scalar(
        lambda: CAL.add_working_days_many(as_array([LAST, after]), 1),
        0,
        CAL.add_working_days,
        LAST,
        1,
    )
    # From the first day to the last working day: inside, so the day outside is named.
    to_the_end = CAL.working_days_between(FIRST, LAST)
    assert CAL.add_working_days(FIRST, to_the_end) == LAST
    _refused_like_the_scalar(
        lambda: CAL.add_working_days_many(as_array([FIRST, after]), to_the_end),
        1,
        CAL.add_working_days,
        after,
        to_the_end,
    )
    _refused_like_the_scalar(
        lambda: CAL.add_working_days_many(as_array([FIRST, LAST]), np.array([0, 5000])),
        1,
        CAL.add_working_days,
        LAST,
        5000,
    )


def test_working_days_between_arrays_inside_the_range():
    starts = as_array([FIRST, date(2019, 5, 24), LAST])
    ends = as_array([LAST, date(2019, 6, 3), FIRST])
    between = CAL.working_days_between_many(starts, ends)
    assert between.dtype == np.int64
    assert between.tolist() == [
        CAL.working_days_between(FIRST, LAST),
        6,
        -CAL.working_days_between(FIRST, LAST),
    ]
