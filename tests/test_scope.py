"""Rulebook scope: what a regulation was written for, and verdicts outside it."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_rules import (
    DECISION_30_2018,
    Assessment,
    Head,
    InvalidInputError,
    Rulebook,
    Source,
    Unit,
    UnitKind,
    grade_head,
    grade_many,
)
from cchc_rules.rulebooks import Scope
from cchc_rules.strategies import assessments

DEPT = Unit("Sở Nội vụ", UnitKind.DEPARTMENT)


@given(assessments(years=st.integers(2025, 2060)))
def test_every_verdict_from_2025_under_decision_30_lists_the_scope(a):
    assert "scope" in grade_head(a).unverified


@given(assessments(years=st.integers(2018, 2024)))
def test_before_2025_the_scope_is_unverified_exactly_for_communes(a):
    outside = a.head.unit.kind is UnitKind.COMMUNE  # the decision names sở, quận, huyện
    assert ("scope" in grade_head(a).unverified) is outside


def test_the_decision_declares_its_scope_with_a_source():
    scope = DECISION_30_2018.scope
    assert (scope.first_year, scope.last_year) == (2018, 2024)
    assert scope.kinds == {UnitKind.DEPARTMENT, UnitKind.DISTRICT, UnitKind.SUBORDINATE}
    assert scope.source.ref == "hp-2019-decision-30-report"


def test_a_2025_ward_is_graded_with_the_scope_flagged():
    ward = Unit("UBND phường Hồng An", UnitKind.COMMUNE)
    v = grade_head(Assessment(Head("Chủ tịch", ward), 2025, "93"))
    assert v.grade.name == "EXCELLENT"
    assert v.unverified[-1] == "scope"
    assert "scope" in v.explain("en").splitlines()[-1]
    assert grade_many([v.assessment]).unverified[-1] == "scope"


def test_a_rulebook_without_a_scope_flags_nothing():
    plain = Rulebook.from_dict(
        {k: v for k, v in DECISION_30_2018.to_dict().items() if k != "scope"}
    )
    assert plain.scope is None
    v = grade_head(Assessment(Head("A", DEPT), 2026, 80), plain)
    assert "scope" not in v.unverified


def test_scope_round_trips_through_json_and_csv():
    assert DECISION_30_2018.to_dict()["scope"]["kinds"] == [
        "DEPARTMENT",
        "DISTRICT",
        "SUBORDINATE",
    ]
    assert Rulebook.from_dict(json.loads(DECISION_30_2018.to_json())) == DECISION_30_2018
    text = DECISION_30_2018.to_csv()
    assert "scope.kinds,DEPARTMENT; DISTRICT; SUBORDINATE" in text
    assert Rulebook.from_csv(text) == DECISION_30_2018


def test_bad_scopes_are_reported_with_their_paths():
    data = DECISION_30_2018.to_dict()
    data["scope"] = {"first_year": 2024, "last_year": 2019, "kinds": ["SỞ"], "colour": 1}
    with pytest.raises(InvalidInputError) as caught:
        Rulebook.from_dict(data)
    assert str(caught.value).splitlines()[1:] == [
        "  rulebook, scope: unknown keys ['colour']",
        "  rulebook, scope.source: must be a table with instrument and provenance (got None)",
    ]
    data["scope"] = {"first_year": 2018, "kinds": ["SỞ", "PROVINCE"],
                     "source": {"instrument": "x", "provenance": "verified"}}  # fmt: skip
    with pytest.raises(InvalidInputError, match=r"scope\.kinds: kinds must be one of"):
        Rulebook.from_dict(data)
    data["scope"] = {"first_year": 2024, "last_year": 2019, "kinds": ["DEPARTMENT"],
                     "source": {"instrument": "x", "provenance": "verified"}}  # fmt: skip
    with pytest.raises(InvalidInputError, match="last_year must not be before first_year"):
        Rulebook.from_dict(data)
    with pytest.raises(InvalidInputError, match="at least one unit kind"):
        Scope(2018, None, [], Source("x"))
    with pytest.raises(TypeError, match="a list of unit kinds"):
        Scope(2018, None, "DEPARTMENT", Source("x"))


def test_an_open_scope_covers_later_years():
    scope = Scope(2018, None, ["DEPARTMENT"], "Quyết định X")
    assert scope.covers(2040, UnitKind.DEPARTMENT)
    assert not scope.covers(2017, UnitKind.DEPARTMENT)
    assert scope.describe() == "2018–: DEPARTMENT"
    assert "last_year" not in scope.to_dict()


def test_the_cli_note_says_when_rows_lie_outside_the_scope(tmp_path, capsys):
    from tests._shared import run

    path = tmp_path / "rows.csv"
    path.write_text(
        "unit,kind,parent,head,year,index_score\n"
        "Sở Nội vụ,DEPARTMENT,,A,2019,91\n"
        "UBND phường Hồng An,COMMUNE,,B,2025,93\n",
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "grade", str(path), "--lang", "en")
    assert status == 0
    assert "scope" in out
    assert "outside the years or unit kinds the rulebook was written for" in out
    path.write_text(
        "unit,kind,parent,head,year,index_score\nSở Nội vụ,DEPARTMENT,,A,2019,91\n",
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "grade", str(path), "--lang", "en")
    assert "NOTE: these grades use unverified parameters" in out
    assert "outside the years" not in out


def test_the_demo_grades_a_2025_ward_and_special_zone_with_the_notes():
    import io

    from cchc_rules.demo import show_grades_2025

    out = io.StringIO()
    verdicts = show_grades_2025(out, "en")
    assert [v.assessment.head.unit.kind for v in verdicts] == [
        UnitKind.COMMUNE,
        UnitKind.SPECIAL_ZONE,
    ]
    assert all(v.unverified[-1] == "scope" for v in verdicts)
    text = out.getvalue()
    assert "UNVERIFIED" in text
    assert "unverified: plo-2026-haiphong-cchc-2025" in text
