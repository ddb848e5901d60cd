"""cchc_rules._validate: the checks at the door (days as officials write them)."""

from datetime import date

import pytest

from cchc_rules import CchcError
from cchc_rules._validate import parse_day


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
