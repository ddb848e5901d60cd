"""Error paths of sources, dated parameters, grades and the rulebook reader."""

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from cchc_rules import Grade, InvalidInputError, InvalidTypeError, OutOfRangeError, Rulebook
from cchc_rules.law import DatedParameter, DatedValue, Provenance, Source

PACKAGED = Path(__file__).resolve().parents[1] / "src/cchc_rules/rulebooks/decision_30_2018.toml"


def data():
    return tomllib.loads(PACKAGED.read_text(encoding="utf-8"))


def problems(d):
    with pytest.raises(InvalidInputError) as caught:
        Rulebook.from_dict(d, "rb")
    return {p.field: p.message for p in caught.value.problems}


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


def test_grades_compare_only_with_grades():
    assert Grade.GOOD.label("en") == "Well completed duties"
    assert Grade.GOOD.rank == 2
    with pytest.raises(TypeError):
        _ = Grade.GOOD < 2


def test_reader_reports_structural_problems():
    d = data()
    d["instrument"] = "Quyết định 30"
    d["basis"] = "seed 003"
    d["mitigation_basis"] = {"instrument": "x", "provenance": "verified", "page": 3}
    d["grade_levels"] = []
    d["grade_bands"] = ["90/80/70"]
    d["finding_demotion"][0]["valid_from"] = "9/10/2018"
    d["finding_demotion"][0]["valid_until"] = "2017-01-01"
    del d["index_year_offset"][0]["source"]["provenance"]
    d["schema_version"] = 2
    found = problems(d)
    assert found["instrument"] == "must be a table (got str)"
    assert "must be a table with instrument and provenance" in found["basis"]
    assert found["mitigation_basis"] == "unknown keys ['page']"
    assert "non-empty list" in found["grade_levels"]
    assert "must be a table" in found["grade_bands[0]"]
    assert "must be a date YYYY-MM-DD" in found["finding_demotion[0].valid_from"]
    assert "is required" in found["index_year_offset[0].source.provenance"]
    assert found["schema_version"] == "must be 1 (got 2)"


def test_reader_checks_levels_and_ranges():
    d = data()
    d["grade_levels"][0]["value"] = ["GOOD", "EXCELLENT", "COMPLETED", "NOT_COMPLETED"]
    d["index_year_offset"][0]["value"] = 3
    d["mitigated_finding_demotion"][0]["value"] = True
    found = problems(d)
    assert "four levels from highest to lowest" in found["grade_levels[0]"]
    assert "from -5 to 0 (got 3)" in found["index_year_offset[0]"]
    assert "from 0 to 3 (got True)" in found["mitigated_finding_demotion[0]"]
    d = data()
    d["grade_levels"][0]["value"] = "EXCELLENT"
    assert "must be a list of grade names" in problems(d)["grade_levels[0]"]


def test_reader_checks_dated_value_order_and_instrument_fields():
    d = data()
    d["grade_bands"][0]["valid_until"] = "2018-01-01"
    d["instrument"]["title"] = " "
    d["instrument"]["effective"] = "not a date"
    found = problems(d)
    assert "valid_until must not be before valid_from" in found["grade_bands[0]"]
    assert "non-empty text" in found["instrument.title"]
    assert "must be a date" in found["instrument.effective"]


def test_rules_for_rejects_bad_years():
    rb = Rulebook.from_dict(data())
    with pytest.raises(InvalidTypeError, match="year must be an integer"):
        rb.rules_for("2019")
    with pytest.raises(OutOfRangeError, match="between 1900 and 2200"):
        rb.rules_for(3000)
    assert rb.rules_for(2019) is rb.rules_for(2019)  # resolved once, then memoised
