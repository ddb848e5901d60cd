"""cchc_rules.law: where a legal fact comes from (a source and its provenance) and
a dated parameter's values, each in force from one day until another."""

import datetime as dt

import pytest

from cchc_rules import InvalidInputError, InvalidTypeError, OutOfRangeError
from cchc_rules.law import DatedParameter, DatedValue, Provenance, Source


def test_source_validation_and_rendering():
    s = Source("Luật X", article="Điều 1", location="u", provenance="UNVERIFIED", note="n")
    assert s.unverified
    assert str(s) == "Luật X, Điều 1 [u] (unverified)"
    assert s.to_dict() == {
        "instrument": "Luật X",
        "provenance": "unverified",
        "article": "Điều 1",
        "location": "u",
        "note": "n",
    }
    with pytest.raises(InvalidInputError, match="provenance must be one of"):
        Source("x", provenance="maybe")
    with pytest.raises(InvalidInputError, match="provenance must be one of"):
        Source("x", provenance=1)
    with pytest.raises(InvalidTypeError, match="instrument must be text"):
        Source(None)
    assert Source.coerce("Luật Y") == Source("Luật Y", provenance=Provenance.VERIFIED)


def test_dated_values():
    src = Source("x")
    with pytest.raises(InvalidInputError, match="valid_until must not be before valid_from"):
        DatedValue(1, dt.date(2020, 1, 2), src, valid_until=dt.date(2020, 1, 1))
    with pytest.raises(InvalidInputError, match="at least one value"):
        DatedParameter("p", ())
    ended = DatedParameter(
        "p", (DatedValue(1, dt.date(2020, 1, 1), src, valid_until=dt.date(2020, 12, 31)),)
    )
    assert ended.at(dt.date(2020, 6, 1)).value == 1
    with pytest.raises(OutOfRangeError, match="no value in force on 2021-01-01"):
        ended.at(dt.date(2021, 1, 1))


def test_overlapping_dated_values_are_rejected():
    src = Source("x", provenance="unverified")
    with pytest.raises(InvalidInputError, match="values overlap"):
        DatedParameter(
            "p", (DatedValue(1, dt.date(2018, 1, 1), src), DatedValue(2, dt.date(2019, 1, 1), src))
        )
