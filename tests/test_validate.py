"""cchc_rules._validate: the checks at the door (days as officials write them,
integers too long to print, and every public class and method checking its
arguments)."""

from datetime import date
from decimal import Decimal

import pytest

from cchc_rules import (
    Bands,
    CchcError,
    DatedParameter,
    DatedValue,
    Grade,
    InvalidInputError,
    InvalidTypeError,
    Problem,
    Rulebook,
    Source,
    TaskReport,
    check_percentage,
    grade_head,
    public_sector_calendar,
    records,
)
from cchc_rules._validate import parse_day
from tests._shared import ASSESSMENT


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("1/6/2019", date(2019, 6, 1)),
        ("01/06/2019", date(2019, 6, 1)),
        ("1-6-2019", date(2019, 6, 1)),
        ("1.6.2019", date(2019, 6, 1)),
        ("2019-06-01", date(2019, 6, 1)),
        ("29/02/2020", date(2020, 2, 29)),
    ],
)
def test_parse_day_iso_and_day_first(text, day):
    assert parse_day(text) == day


@pytest.mark.parametrize(
    "text", ["31/2/2019", "29/2/2019", "6/2019", "2019/06/01", "June 1", "", 5]
)
def test_parse_day_rejects_impossible_or_ambiguous(text):
    with pytest.raises(CchcError, match="date must be"):
        parse_day(text)


# -- integers too long to print ------------------------------------------------------


def test_integers_too_long_to_print_are_refused_by_size():
    with pytest.raises(InvalidInputError, match="at most 4300 digits") as caught:
        public_sector_calendar(10**5000)
    assert "an integer of about 5001 digits" in str(caught.value)
    with pytest.raises(InvalidInputError, match="at most 4300 digits"):
        TaskReport("9" * 5000)


# -- every public class and method checks its arguments ------------------------------


@pytest.mark.parametrize(
    ("build", "error"),
    [
        (lambda: DatedParameter("x", [1]), InvalidTypeError),
        (lambda: DatedParameter(None, []), InvalidTypeError),
        (lambda: DatedValue(1, date(2019, 1, 1), "not a source"), InvalidTypeError),
        (lambda: records([1]), InvalidTypeError),
        (lambda: records(None), InvalidTypeError),
        (lambda: Grade.GOOD.lowered(-2), InvalidInputError),
        (lambda: Grade.GOOD.lowered("1"), InvalidTypeError),
        (lambda: Bands(90, 80, 70).grade_for([]), InvalidTypeError),
        (lambda: Bands(90, 80, 70).grade_for(Decimal("NaN")), InvalidInputError),
        (lambda: grade_head(ASSESSMENT, Rulebook(*[None] * 10)), InvalidTypeError),
        (lambda: InvalidInputError.for_field(1, "x", 2), InvalidTypeError),
        (lambda: InvalidInputError.for_field("f", 2, 3), InvalidTypeError),
        (lambda: InvalidTypeError.for_field(1, "x", 2), InvalidTypeError),
        (lambda: InvalidInputError.collected([1], "x"), InvalidTypeError),
        (lambda: InvalidInputError.collected([], 2), InvalidTypeError),
        (lambda: InvalidInputError(5), InvalidTypeError),
        (lambda: Problem(1, "f", "m"), InvalidTypeError),
        (lambda: CchcError("x").localized(5), InvalidInputError),
        (
            lambda: DatedValue(1, date(2019, 1, 1), Source("x")).in_force_on("2019"),
            InvalidTypeError,
        ),
        (lambda: check_percentage(1, 2, "50", label_vi=10**5000), InvalidTypeError),
    ],
)
def test_public_classes_and_methods_check_their_arguments(build, error):
    with pytest.raises(error):
        build()
