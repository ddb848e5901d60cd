import datetime as dt
import json
import tomllib
from pathlib import Path

import pytest

from cchc_rules import (
    DECISION_30_2018,
    Assessment,
    Grade,
    Head,
    InvalidInputError,
    OutOfRangeError,
    Provenance,
    Rulebook,
    Unit,
    UnitKind,
    grade_head,
    load_rulebook,
)
from cchc_rules.law import DatedParameter, DatedValue, Source

ROOT = Path(__file__).resolve().parents[1]
PACKAGED = ROOT / "src/cchc_rules/rulebooks/decision_30_2018.toml"
QUANG_NGAI = ROOT / "docs/examples/quang_ngai_2018.toml"
HEAD = Head("Trần Thị B", Unit("UBND huyện Bình Sơn", UnitKind.DISTRICT))


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


def test_overlapping_dated_values_are_rejected():
    src = Source("x", provenance="unverified")
    with pytest.raises(InvalidInputError, match="values overlap"):
        DatedParameter(
            "p", (DatedValue(1, dt.date(2018, 1, 1), src), DatedValue(2, dt.date(2019, 1, 1), src))
        )


def test_unreadable_files_are_clear_errors(tmp_path):
    with pytest.raises(InvalidInputError, match=r"cannot read .*missing\.toml: No such file"):
        load_rulebook(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("id = [", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="is not valid TOML"):
        load_rulebook(bad)
    with pytest.raises(InvalidInputError, match="must be a table of keys"):
        Rulebook.from_dict([1, 2])
