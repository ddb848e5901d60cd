"""cchc_rules.rulebooks: the packaged rulebooks and their sources, reading a rulebook
from TOML or JSON with every problem located, and the model (a rulebook built by
hand is checked like one read from a file)."""

import datetime as dt
import json
import tomllib
from pathlib import Path

import attrs
import pytest

from cchc_rules import (
    DECISION_30_2018,
    Assessment,
    Grade,
    Head,
    InvalidInputError,
    InvalidTypeError,
    OutOfRangeError,
    Provenance,
    Rulebook,
    Unit,
    UnitKind,
    grade_head,
    load_rulebook,
)
from cchc_rules.law import DatedParameter, DatedValue, Source
from cchc_rules.rulebooks import FINDING_DEMOTION, GRADE_BANDS, INDEX_YEAR_OFFSET, PARAMETER_NAMES

ROOT = Path(__file__).resolve().parents[1]
PACKAGED = ROOT / "src/cchc_rules/rulebooks/decision_30_2018.toml"
QUANG_NGAI = ROOT / "docs/examples/quang_ngai_2018.toml"
HEAD = Head("Trần Thị B", Unit("UBND huyện Bình Sơn", UnitKind.DISTRICT))


def packaged_data():
    return tomllib.loads(PACKAGED.read_text(encoding="utf-8"))


def reader_problems(d):
    with pytest.raises(InvalidInputError) as caught:
        Rulebook.from_dict(d, "rb")
    return {p.field: p.message for p in caught.value.problems}


def test_decision_30_2018_instrument_and_every_parameter_is_cited():
    inst = DECISION_30_2018.instrument
    assert (inst.number, inst.signed) == ("30/2018/QĐ-UBND", dt.date(2018, 10, 9))
    assert inst.source.verified
    assert inst.source.ref == "hp-2019-decision-30-report"
    assert DECISION_30_2018.basis.verified
    assert DECISION_30_2018.mitigation_basis.verified
    for name, param in DECISION_30_2018.parameters().items():
        for value in param.values:
            assert value.source.instrument, name
            assert value.source.provenance in (Provenance.VERIFIED, Provenance.UNVERIFIED)
            assert value.source.note, f"{name} must say why it is what it is"


def test_quang_ngai_example_loads_and_grades_with_its_bands():
    rb = load_rulebook(QUANG_NGAI)
    assert rb.id == "quang-ngai-2018"
    assert grade_head(Assessment(HEAD, 2018, "79.9"), rb).grade is Grade.GOOD
    assert grade_head(Assessment(HEAD, 2018, 50), rb).grade is Grade.COMPLETED
    assert grade_head(Assessment(HEAD, 2018, "49.9"), rb).grade is Grade.NOT_COMPLETED


def test_json_rulebooks_load_too(tmp_path):
    data = tomllib.loads(PACKAGED.read_text(encoding="utf-8"))
    path = tmp_path / "rb.json"
    path.write_text(json.dumps(data, default=str, ensure_ascii=False), encoding="utf-8")
    assert load_rulebook(path) == DECISION_30_2018


def test_every_bad_entry_is_reported_with_its_path():
    data = tomllib.loads(PACKAGED.read_text(encoding="utf-8"))
    data["grade_bands"][0]["good"] = "95"
    data["finding_demotion"][0]["value"] = "one"
    data["index_year_offset"][0]["source"]["provenance"] = "probably"
    del data["instrument"]["signed"]
    data["colour"] = "blue"
    with pytest.raises(InvalidInputError) as caught:
        Rulebook.from_dict(data, "my.toml")
    problems = {p.field: p.message for p in caught.value.problems}
    assert set(problems) == {
        "grade_bands[0]",
        "finding_demotion[0]",
        "index_year_offset[0].source",
        "instrument.signed",
        "colour",
    }
    assert "strictly decreasing" in problems["grade_bands[0]"]
    assert "got 'one'" in problems["finding_demotion[0]"]
    assert "probably" in problems["index_year_offset[0].source"]
    assert str(caught.value).startswith("my.toml has 5 problems:")


def test_mitigation_may_not_be_worse_than_no_mitigation():
    data = tomllib.loads(PACKAGED.read_text(encoding="utf-8"))
    data["mitigated_finding_demotion"][0]["value"] = 2
    with pytest.raises(InvalidInputError, match="must not exceed finding_demotion"):
        Rulebook.from_dict(data)


def test_dated_values_switch_on_their_dates_and_never_fall_back():
    data = tomllib.loads(PACKAGED.read_text(encoding="utf-8"))
    first = dict(data["grade_bands"][0], valid_until=dt.date(2020, 12, 31))
    second = dict(first, valid_from=dt.date(2021, 1, 1), excellent="95")
    del second["valid_until"]
    data["grade_bands"] = [first, second]
    rb = Rulebook.from_dict(data)
    assert rb.rules_for(2020).bands.excellent == 90
    assert rb.rules_for(2021).bands.excellent == 95
    with pytest.raises(OutOfRangeError, match="does not cover the year 2017"):
        rb.rules_for(2017)


def test_unreadable_files_are_clear_errors(tmp_path):
    with pytest.raises(InvalidInputError, match=r"cannot read .*missing\.toml: No such file"):
        load_rulebook(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("id = [", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="is not valid TOML"):
        load_rulebook(bad)
    with pytest.raises(InvalidInputError, match="must be a table of keys"):
        Rulebook.from_dict([1, 2])


def test_reader_reports_structural_problems():
    d = packaged_data()
    d["instrument"] = "Quyết định 30"
    d["basis"] = "seed 003"
    d["mitigation_basis"] = {"instrument": "x", "provenance": "verified", "page": 3}
    d["grade_levels"] = []
    d["grade_bands"] = ["90/80/70"]
    d["finding_demotion"][0]["valid_from"] = "9/10/2018"
    d["finding_demotion"][0]["valid_until"] = "2017-01-01"
    del d["index_year_offset"][0]["source"]["provenance"]
    d["schema_version"] = 2
    found = reader_problems(d)
    assert found["instrument"] == "must be a table (got str)"
    assert "must be a table with instrument and provenance" in found["basis"]
    assert found["mitigation_basis"] == "unknown keys ['page']"
    assert "non-empty list" in found["grade_levels"]
    assert "must be a table" in found["grade_bands[0]"]
    assert "must be a date YYYY-MM-DD" in found["finding_demotion[0].valid_from"]
    assert "is required" in found["index_year_offset[0].source.provenance"]
    assert found["schema_version"] == "must be 1 (got 2)"


def test_reader_checks_levels_and_ranges():
    d = packaged_data()
    d["grade_levels"][0]["value"] = ["GOOD", "EXCELLENT", "COMPLETED", "NOT_COMPLETED"]
    d["index_year_offset"][0]["value"] = 3
    d["mitigated_finding_demotion"][0]["value"] = True
    found = reader_problems(d)
    assert "four levels from highest to lowest" in found["grade_levels[0]"]
    assert "from -5 to 0 (got 3)" in found["index_year_offset[0]"]
    assert "from 0 to 3 (got True)" in found["mitigated_finding_demotion[0]"]
    d = packaged_data()
    d["grade_levels"][0]["value"] = "EXCELLENT"
    assert "must be a list of grade names" in reader_problems(d)["grade_levels[0]"]


def test_reader_checks_dated_value_order_and_instrument_fields():
    d = packaged_data()
    d["grade_bands"][0]["valid_until"] = "2018-01-01"
    d["instrument"]["title"] = " "
    d["instrument"]["effective"] = "not a date"
    found = reader_problems(d)
    assert "valid_until must not be before valid_from" in found["grade_bands[0]"]
    assert "non-empty text" in found["instrument.title"]
    assert "must be a date" in found["instrument.effective"]


def test_rules_for_rejects_bad_years():
    rb = Rulebook.from_dict(packaged_data())
    with pytest.raises(InvalidTypeError, match="year must be an integer"):
        rb.rules_for("2019")
    with pytest.raises(OutOfRangeError, match="between 1900 and 2200"):
        rb.rules_for(3000)
    assert rb.rules_for(2019) is rb.rules_for(2019)  # resolved once, then memoised


# -- the model: parameters keyed by their declarations ---------------------------------------


def test_a_rulebook_is_built_by_position_by_name_or_from_a_parameter_set():
    book = DECISION_30_2018
    core = (book.id, book.name, book.instrument, book.basis, book.mitigation_basis)
    values = [book.parameters()[n] for n in PARAMETER_NAMES]
    by_position = Rulebook(*core, *values, scope=book.scope)
    by_name = Rulebook(*core, scope=book.scope, **book.parameters())
    by_set = Rulebook(*core, scope=book.scope, parameter_set=book.parameter_set)
    assert by_position == by_name == by_set == book
    assert hash(by_position) == hash(book)
    assert by_set.grade_bands is book.parameter(GRADE_BANDS)
    assert repr(book.parameter_set).startswith("ParameterSet(grade_levels, grade_bands")
    assert book.parameter_set != book.parameters()  # a set of declarations, not of names
    with pytest.raises(InvalidInputError, match="at most 5 parameters can be given by position"):
        Rulebook(*core, *values, values[0])
    with pytest.raises(InvalidInputError, match="'colour' is not a declared rulebook parameter"):
        Rulebook(*core, colour=values[0])
    with pytest.raises(InvalidTypeError, match="parameter_set must be a mapping of parameters"):
        Rulebook(*core, parameter_set=[values[0]])
    with pytest.raises(InvalidTypeError, match="parameter must be a Parameter"):
        Rulebook(*core, parameter_set={5: values[0]})
    with pytest.raises(AttributeError):
        _ = book.colour


def test_resolved_rules_are_read_typed_by_the_declarations():
    rules = DECISION_30_2018.rules_for(2019)
    assert rules[GRADE_BANDS] is rules.bands
    assert rules[FINDING_DEMOTION] == rules.finding_demotion == 1
    assert FINDING_DEMOTION in rules
    assert "finding_demotion" not in rules  # keyed by declaration, not by name
    assert DECISION_30_2018.value(INDEX_YEAR_OFFSET, 2019) == rules.index_year_offset == 0
    with pytest.raises(InvalidTypeError, match="parameter must be a Parameter"):
        rules["grade_bands"]
    with pytest.raises(AttributeError):
        _ = rules.colour


def test_a_rulebook_without_bands_says_so_when_asked_for_them():
    lean = Rulebook.from_dict(
        {k: v for k, v in DECISION_30_2018.to_dict().items() if k != "grade_bands"}
    )
    assert "grade_bands" not in lean.parameters()
    with pytest.raises(InvalidInputError, match="has no parameter grade_bands, which the rules"):
        lean.with_bands(90, 80, 70)
    with pytest.raises(InvalidInputError, match="has no parameter grade_bands"):
        grade_head(Assessment(HEAD, 2019, 85), lean)
    with pytest.raises(InvalidInputError, match="has no parameter grade_bands, which the rules"):
        _ = lean.grade_bands
    rules = lean.rules_for(2019)
    with pytest.raises(InvalidInputError, match="grade_bands, which the rules need for 2019"):
        _ = rules.bands
    assert rules.finding_demotion == 1
    with pytest.raises(AttributeError):
        _ = rules.colour


def test_a_rulebook_pickles_and_copies_with_its_declarations():
    import copy
    import pickle

    again = pickle.loads(pickle.dumps(DECISION_30_2018))
    assert again == DECISION_30_2018
    assert next(iter(again.parameter_set)) is next(iter(DECISION_30_2018.parameter_set))
    assert copy.deepcopy(DECISION_30_2018) == DECISION_30_2018
    assert again.rules_for(2019).bands == DECISION_30_2018.rules_for(2019).bands


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("instrument", "Quyết định 30", "instrument must be an Instrument"),
        ("basis", "Quyết định 30", "basis must be a Source"),
        ("mitigation_basis", None, "mitigation_basis must be a Source"),
        ("scope", "2018-2024", "scope must be a Scope or None"),
        ("grade_bands", [90, 80, 70], "grade_bands must be a DatedParameter"),
    ],
)
def test_a_hand_built_rulebook_refuses_parts_of_the_wrong_type(field, value, message):
    with pytest.raises(InvalidTypeError, match=message):
        attrs.evolve(DECISION_30_2018, **{field: value})


_FIELDS = (
    "id", "name", "instrument", "basis", "mitigation_basis", "grade_levels", "grade_bands",
    "finding_demotion", "mitigated_finding_demotion", "index_year_offset",
)  # fmt: skip


def _rest(book, start):
    return [getattr(book, f) for f in _FIELDS[start:]]


def test_a_hand_built_rulebook_is_checked_like_one_read_from_a_file():
    book = DECISION_30_2018
    bad_bands = DatedParameter("grade_bands", [DatedValue(90, dt.date(2018, 1, 1), Source("x"))])
    with pytest.raises(InvalidTypeError, match="grade_bands must be Bands"):
        Rulebook(*[getattr(book, f) for f in _FIELDS[:6]], bad_bands, *_rest(book, 7))
    big = DatedParameter("d", [DatedValue(9, dt.date(2018, 1, 1), Source("x"))])
    with pytest.raises(InvalidInputError, match="finding_demotion must be a whole number"):
        Rulebook(*[getattr(book, f) for f in _FIELDS[:7]], big, *_rest(book, 8))
