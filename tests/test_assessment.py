"""cchc_rules.assessment: what is graded, validated at the door."""

from decimal import Decimal

import pytest

from cchc_rules import Assessment, Finding, InvalidInputError, InvalidTypeError, MitigationGrounds
from tests._shared import HEAD, STORM, SUB_HEAD, refusal


@pytest.mark.parametrize(
    ("score", "error", "match"),
    [
        (120, InvalidInputError, r"index_score must be between 0 and 100 \(got 120\)"),
        ("-0.5", InvalidInputError, "index_score must be between 0 and 100"),
        ("nan", InvalidInputError, "index_score must be a finite number"),
        (float("inf"), InvalidInputError, "index_score must be a finite number"),
        (True, InvalidTypeError, "index_score must be a number"),
        (None, InvalidTypeError, "index_score must be a number"),
        ("85 điểm", InvalidInputError, r"index_score must be a number \(got '85 điểm'\)"),
        ([85], InvalidTypeError, "index_score must be a number"),
    ],
)
def test_bad_scores_are_rejected(score, error, match):
    with pytest.raises(error, match=match):
        Assessment(HEAD, 2019, score)


def test_assessment_validation():
    with pytest.raises(InvalidTypeError, match="head must be a Head"):
        Assessment("A", 2019, 80)
    with pytest.raises(InvalidTypeError, match="year must be an integer"):
        Assessment(HEAD, "2019", 80)
    with pytest.raises(InvalidTypeError, match=r"findings\[0\] must be a Finding"):
        Assessment(HEAD, 2019, 80, ["chậm"])
    with pytest.raises(InvalidTypeError, match="findings must be a list of Finding"):
        Assessment(HEAD, 2019, 80, Finding("x"))
    with pytest.raises(InvalidTypeError, match="mitigation must be MitigationGrounds"):
        Finding("x", {"directed": True})
    with pytest.raises(InvalidTypeError, match="directed must be True or False"):
        MitigationGrounds(directed="yes")
    assert Assessment(HEAD, 2019, 79.99).index_score == Decimal("79.99")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: Assessment(SUB_HEAD, 1899, 80), "year must be between 1900 and 2200 (got 1899)"),
        (lambda: Assessment(SUB_HEAD, 2201, 80), "year must be between 1900 and 2200 (got 2201)"),
        (lambda: Assessment(SUB_HEAD, "2019", 80), "year must be an integer (got str '2019')"),
        (lambda: Assessment("A", 2019, 80), "head must be a Head (got str 'A')"),
        (
            lambda: Assessment(SUB_HEAD, 2019, 80, "x"),
            "findings must be a list of Finding (got str 'x')",
        ),
        (lambda: Assessment(SUB_HEAD, 2019, 80, [1]), "findings[0] must be a Finding (got int 1)"),
        (lambda: Finding(" "), "description must not be empty (got ' ')"),
        (lambda: Finding("x", 1), "mitigation must be MitigationGrounds or None (got int 1)"),
        (lambda: MitigationGrounds(directed=1), "directed must be True or False (got int 1)"),
        (
            lambda: MitigationGrounds(duties_fully_performed=None),
            "duties_fully_performed must be True or False (got NoneType None)",
        ),
        (
            lambda: MitigationGrounds(preventive_measures_applied="y"),
            "preventive_measures_applied must be True or False (got str 'y')",
        ),
        (
            lambda: MitigationGrounds(objective_cause=""),
            "objective_cause must not be empty (got '')",
        ),
    ],
)
def test_assessment_messages_are_exact(call, message):
    assert refusal(call) == message


def test_year_bounds_are_inclusive():
    assert Assessment(SUB_HEAD, 1900, 80).year == 1900
    assert Assessment(SUB_HEAD, 2200, 80).year == 2200


def test_mitigation_grounds_default_to_false_and_round_trip():
    g = MitigationGrounds()
    assert (g.directed, g.duties_fully_performed, g.preventive_measures_applied) == (False,) * 3
    assert g.objective_cause is None
    assert not g.applies
    assert g.missing() == ("directed", "duties_fully_performed", "preventive_measures_applied")
    assert MitigationGrounds(objective_cause=" bão ").objective_cause == "bão"


def test_a_finding_and_an_assessment_round_trip_through_their_dicts():
    finding = Finding("Bão", STORM)
    assert finding.to_dict() == {"description": "Bão", "mitigation": STORM.to_dict()}
    assert STORM.to_dict()["objective_cause"] == "bão số 3"
    assert Finding("Trễ").to_dict() == {"description": "Trễ", "mitigation": None}
    a = Assessment(SUB_HEAD, 2019, "88.5", [finding, Finding("Trễ")])
    assert a.to_dict()["findings"] == [finding.to_dict(), Finding("Trễ").to_dict()]
    assert Assessment.from_dict(a.to_dict()) == a


@pytest.mark.parametrize(
    ("call", "english", "vietnamese"),
    [
        (
            lambda: Assessment.from_dict({}, origin=5),
            "origin must be text (got int 5)",
            "origin phải là văn bản (nhận được int 5)",
        ),
        (
            lambda: Assessment.from_dict({}, origin="  "),
            "origin must not be empty (got '  ')",
            "origin không được để trống (nhận được '  ')",
        ),
        (
            lambda: Assessment.from_dict([1], "row 3"),
            "row 3 must be an object (a dict) (got list [1])",
            "row 3 phải là một đối tượng (dict) (nhận được list [1])",
        ),
    ],
)
def test_from_dict_names_a_bad_origin_or_object_in_both_languages(call, english, vietnamese):
    with pytest.raises((InvalidInputError, InvalidTypeError)) as caught:
        call()
    assert str(caught.value) == english
    assert caught.value.localized("vi") == vietnamese
