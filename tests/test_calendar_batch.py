"""Batch calendar queries: pinned examples, the shapes of their inputs and the
errors for batches that do not fit together. The equality with the scalar methods
is a property (tests/property/test_calendar_batch_*.py)."""

import subprocess
import sys
from datetime import date, datetime

import pytest

from cchc_rules import InvalidInputError, InvalidTypeError, OutOfRangeError
from tests._shared import CAL, refusal

FIRST, LAST = CAL.supported_range
SPEC_DAYS = [date(2019, 4, 26), date(2019, 5, 4), date(2019, 6, 3), date(2019, 4, 27)]


def test_worked_examples_of_the_spec_in_one_batch():
    assert CAL.is_working_day_many(SPEC_DAYS) == [True, True, True, False]
    assert CAL.add_working_days_many(SPEC_DAYS, [1, 0, -6, 0]) == [
        date(2019, 5, 2),
        date(2019, 5, 4),
        date(2019, 5, 24),
        date(2019, 5, 2),
    ]
    assert CAL.working_days_between_many([date(2019, 5, 24)], [date(2019, 6, 3)]) == [6]


def test_empty_batches_give_empty_answers():
    assert CAL.is_working_day_many([]) == []
    assert CAL.add_working_days_many((), 5) == []
    assert CAL.working_days_between_many([], []) == []


def test_columns_of_different_lengths_are_refused():
    with pytest.raises(
        InvalidInputError, match=r"^n must have as many items as days \(got 1, expected 2\)"
    ):
        CAL.add_working_days_many(SPEC_DAYS[:2], [1])
    with pytest.raises(
        InvalidInputError, match=r"^ends must have as many items as starts \(got 3, expected 4\)"
    ):
        CAL.working_days_between_many(SPEC_DAYS, SPEC_DAYS[:3])


@pytest.mark.parametrize("n", [True, 1.0, "5", None])
def test_one_n_that_is_not_an_int_is_refused_by_name(n):
    with pytest.raises(InvalidTypeError, match=r"^n must be an integer"):
        CAL.add_working_days_many(SPEC_DAYS, n)


def test_not_a_list_is_refused_by_name():
    with pytest.raises(InvalidTypeError, match=r"^days must be a list"):
        CAL.is_working_day_many(date(2019, 6, 3))
    with pytest.raises(InvalidTypeError, match=r"^starts must be a list"):
        CAL.working_days_between_many({"a": 1}, [])


def test_a_datetime_item_is_refused_as_the_scalar_method_refuses_it():
    with pytest.raises(InvalidTypeError, match=r"^item 1: day must be a date, not a datetime"):
        CAL.add_working_days_many([date(2019, 6, 3), datetime(2019, 6, 3, 23, 30)], 1)


def test_an_error_is_located_in_vietnamese_too():
    with pytest.raises(OutOfRangeError) as caught:
        CAL.is_working_day_many([FIRST, date(FIRST.year - 1, 12, 31)])
    assert caught.value.localized("vi").startswith(
        f"phần tử 1: day {FIRST.year - 1}-12-31 nằm ngoài"
    )


def test_arrays_of_another_unit_are_refused_with_the_conversion_to_make():
    np = pytest.importorskip("numpy")
    stamps = np.array(["2019-06-03T00:00"], dtype="datetime64[ns]")
    with pytest.raises(InvalidTypeError, match=r"convert it with \.astype\('datetime64\[D\]'\)"):
        CAL.is_working_day_many(stamps)
    days = stamps.astype("datetime64[D]")
    assert CAL.is_working_day_many(days).tolist() == [True]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        (lambda stamps, _days: CAL.is_working_day_many(stamps), "days"),
        (lambda stamps, _days: CAL.add_working_days_many(stamps, 1), "days"),
        (lambda stamps, days: CAL.working_days_between_many(stamps, days), "starts"),
        (lambda stamps, days: CAL.working_days_between_many(days, stamps), "ends"),
    ],
)
def test_an_array_of_another_unit_is_refused_by_its_name_with_its_unit(query, field):
    np = pytest.importorskip("numpy")
    stamps = np.array(["2019-06-03T00:00"], dtype="datetime64[ns]")
    days = stamps.astype("datetime64[D]")
    assert refusal(lambda: query(stamps, days)) == (
        f"{field} must be an array of datetime64[D] days (got datetime64[ns]); convert it "
        "with .astype('datetime64[D]')"
    )


def test_arrays_take_their_n_as_an_int_list_or_integer_array():
    np = pytest.importorskip("numpy")
    days = np.array(SPEC_DAYS, dtype="datetime64[D]")
    expected = np.array(
        ["2019-05-02", "2019-05-04", "2019-05-24", "2019-05-02"], dtype="datetime64[D]"
    )
    for n in ([1, 0, -6, 0], np.array([1, 0, -6, 0]), np.array([1, 0, -6, 0], dtype=np.int16)):
        assert (CAL.add_working_days_many(days, n) == expected).all()
    # Object arrays of dates are read item by item, and still give an array.
    assert CAL.add_working_days_many(np.array(SPEC_DAYS, dtype=object), 0).dtype == expected.dtype


@pytest.mark.parametrize(
    ("n", "error", "message"),
    [
        ("bool", InvalidTypeError, r"^item 0: n must be an integer \(got bool True\)"),
        ("float", InvalidTypeError, r"^item 0: n must be an integer \(got float 1.0\)"),
        ("uint64", OutOfRangeError, r"^item 0: 18446744073709551615 working days from day"),
        ("big", OutOfRangeError, r"^item 0: 4611686018427387904 working days from day"),
        ("short", InvalidInputError, r"^n must have as many items as days \(got 1, expected 4\)"),
    ],
)
def test_array_n_that_only_the_item_path_can_judge_is_judged_there(n, error, message):
    np = pytest.importorskip("numpy")
    days = np.array(SPEC_DAYS, dtype="datetime64[D]")
    steps = {
        "bool": np.ones(4, dtype=bool),
        "float": np.ones(4, dtype=float),
        "uint64": np.full(4, 2**64 - 1, dtype=np.uint64),
        "big": 2**62,
        "short": np.ones(1, dtype=np.int64),
    }[n]
    with pytest.raises(error, match=message):
        CAL.add_working_days_many(days, steps)


def test_the_library_never_imports_numpy_itself():
    """A batch of dates is answered without numpy, even where numpy is installed."""
    code = (
        "import sys, datetime, cchc_rules;"
        "cal = cchc_rules.public_sector_calendar();"
        "d = [datetime.date(2019, 6, 3)];"
        "cal.is_working_day_many(d); cal.add_working_days_many(d, 1);"
        "cal.working_days_between_many(d, d);"
        "print('numpy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


class Day(date):
    """A date subclass: the scalar methods accept it, so the batches must too."""


class Count(int):
    """An int subclass, accepted by the scalar methods likewise."""


def test_subclasses_of_date_and_int_are_answered_as_the_scalar_methods_answer_them():
    days = [Day(2019, 4, 26), Day(2019, 4, 27)]
    assert CAL.is_working_day_many(days) == [CAL.is_working_day(d) for d in days]
    steps = [Count(1), Count(-6)]
    assert CAL.add_working_days_many(days, steps) == [
        CAL.add_working_days(d, n) for d, n in zip(days, steps, strict=True)
    ]
    assert CAL.working_days_between_many(days, days[::-1]) == [
        CAL.working_days_between(a, b) for a, b in zip(days, days[::-1], strict=True)
    ]


# -- what comes back: a list for a list, an array of the query's dtype for an array ---


def test_a_list_is_answered_with_a_list():
    assert type(CAL.is_working_day_many(SPEC_DAYS)) is list
    assert type(CAL.add_working_days_many(SPEC_DAYS, 1)) is list
    assert type(CAL.working_days_between_many(SPEC_DAYS, SPEC_DAYS)) is list


def test_an_object_array_of_dates_is_answered_with_an_array_of_the_query_dtype():
    np = pytest.importorskip("numpy")
    objects = np.array(SPEC_DAYS, dtype=object)
    working = CAL.is_working_day_many(objects)
    assert isinstance(working, np.ndarray)
    assert working.dtype == np.bool_
    assert working.tolist() == [True, True, True, False]
    between = CAL.working_days_between_many(objects, objects[::-1])
    assert isinstance(between, np.ndarray)
    assert between.dtype == np.int64
    assert between.tolist() == [
        CAL.working_days_between(a, b) for a, b in zip(SPEC_DAYS, SPEC_DAYS[::-1], strict=True)
    ]
    added = CAL.add_working_days_many(objects, -6)
    assert added.dtype == np.dtype("datetime64[D]")
    assert added.tolist() == [CAL.add_working_days(d, -6) for d in SPEC_DAYS]


def test_an_empty_object_array_is_answered_with_an_empty_array_of_the_query_dtype():
    np = pytest.importorskip("numpy")
    empty = np.array([], dtype=object)
    assert CAL.is_working_day_many(empty).dtype == np.bool_
    assert CAL.add_working_days_many(empty, 3).dtype == np.dtype("datetime64[D]")
    assert CAL.working_days_between_many(empty, empty).dtype == np.int64
    assert CAL.is_working_day_many(empty).shape == (0,)


def test_an_object_array_the_scalar_method_answers_item_by_item_gives_an_array():
    """Items of a date subclass are answered by the scalar method one by one; the
    answers still come back as an array of the query's dtype."""
    np = pytest.importorskip("numpy")
    days = np.array([Day(2019, 4, 26), Day(2019, 4, 27)], dtype=object)
    working = CAL.is_working_day_many(days)
    assert isinstance(working, np.ndarray)
    assert working.dtype == np.bool_
    assert working.tolist() == [True, False]
    between = CAL.working_days_between_many(days, days[::-1])
    assert between.dtype == np.int64
    assert between.tolist() == [
        CAL.working_days_between(a, b) for a, b in zip(days, days[::-1], strict=True)
    ]
    # beside a list, in either place, the array is what is answered in
    for starts, ends in ((days, list(days[::-1])), (list(days), days[::-1])):
        between = CAL.working_days_between_many(starts, ends)
        assert isinstance(between, np.ndarray)
        assert between.tolist() == [0, 0]
    added = CAL.add_working_days_many(days, 1)
    assert isinstance(added, np.ndarray)
    assert added.dtype == np.dtype("datetime64[D]")
    assert added.tolist() == [date(2019, 5, 2), date(2019, 5, 2)]


@pytest.mark.parametrize(("day", "n"), [(LAST, 1), (FIRST, -1), (LAST, 10**6), (FIRST, -(10**6))])
def test_a_step_past_either_end_of_the_table_is_refused_as_the_scalar_method_does(day, n):
    with pytest.raises(OutOfRangeError) as scalar:
        CAL.add_working_days(day, n)
    for days, steps, k in (([day], n, 0), ([SPEC_DAYS[0], day], [0, n], 1)):
        with pytest.raises(OutOfRangeError) as caught:
            CAL.add_working_days_many(days, steps)
        assert str(caught.value) == f"item {k}: {scalar.value}"
