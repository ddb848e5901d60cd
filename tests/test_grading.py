import json
from decimal import Decimal

import pytest

from cchc_rules import (
    DECISION_30_2018,
    Assessment,
    Finding,
    Grade,
    InvalidInputError,
    InvalidTypeError,
    MitigationGrounds,
    OutOfRangeError,
    grade_head,
    grade_many,
    records,
)
from tests._shared import HEAD

ALL_GROUNDS = MitigationGrounds(
    directed=True, duties_fully_performed=True, preventive_measures_applied=True
)


def grade(score, findings=(), rulebook=DECISION_30_2018, year=2019):
    return grade_head(Assessment(HEAD, year, score, findings), rulebook)


def test_grades_are_ordered_and_labelled():
    assert sorted(Grade) == [Grade.NOT_COMPLETED, Grade.COMPLETED, Grade.GOOD, Grade.EXCELLENT]
    assert max(Grade) is Grade.EXCELLENT
    assert Grade.EXCELLENT.label_vi == "Hoàn thành xuất sắc nhiệm vụ"
    assert Grade.NOT_COMPLETED.label_en == "Did not complete duties"
    assert Grade.parse("good") is Grade.GOOD
    with pytest.raises(InvalidInputError, match="grade must be a grade name"):
        Grade.parse("tốt")


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        ("100", Grade.EXCELLENT),
        ("90", Grade.EXCELLENT),  # "từ 90 trở lên" is >= 90
        ("89.99", Grade.GOOD),
        (80, Grade.GOOD),
        (79.99, Grade.COMPLETED),
        ("70", Grade.COMPLETED),
        ("69.999", Grade.NOT_COMPLETED),
        (0, Grade.NOT_COMPLETED),
    ],
)
def test_default_band_boundaries_are_exact(score, expected):
    assert grade(score).grade is expected


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (80, Grade.EXCELLENT),
        ("79.9", Grade.GOOD),
        (70, Grade.GOOD),
        (50, Grade.COMPLETED),
        ("49.99", Grade.NOT_COMPLETED),
    ],
)
def test_custom_bands_quang_ngai_2018(score, expected):
    quang_ngai = DECISION_30_2018.with_bands(80, 70, 50)
    assert grade(score, rulebook=quang_ngai).grade is expected


def test_default_rulebook_flags_its_unverified_parameters():
    v = grade("95")
    assert v.unverified == ("index_year_offset", "grade_bands", "grade_levels")
    assert set(DECISION_30_2018.unverified_parameters()) == {
        "grade_levels",
        "grade_bands",
        "finding_demotion",
        "mitigated_finding_demotion",
        "index_year_offset",
    }
    with_finding = grade("95", [Finding("x")])
    assert "finding_demotion" in with_finding.unverified
    assert "mitigated_finding_demotion" not in with_finding.unverified


def test_with_bands_is_no_longer_unverified_and_leaves_the_original():
    custom = DECISION_30_2018.with_bands(85, 75, 60)
    assert "grade_bands" not in grade("95", rulebook=custom).unverified
    assert "grade_bands" in DECISION_30_2018.unverified_parameters()
    assert DECISION_30_2018.rules_for(2019).bands.excellent == Decimal(90)


@pytest.mark.parametrize(
    ("bands", "match"),
    [
        ((80, 80, 50), "strictly decreasing"),
        ((70, 80, 50), "strictly decreasing"),
        ((120, 80, 50), r"excellent must be between 0 and 100 \(got 120\)"),
        ((90, 80, -1), r"completed must be between 0 and 100 \(got -1\)"),
        ((90, "tám mươi", 70), r"good must be a number \(got 'tám mươi'\)"),
    ],
)
def test_bad_bands_are_rejected(bands, match):
    with pytest.raises(InvalidInputError, match=match):
        DECISION_30_2018.with_bands(*bands)


def test_finding_lowers_one_level_and_mitigation_cancels_it():
    assert grade("92", [Finding("chậm")]).grade is Grade.GOOD
    mitigated = grade("92", [Finding("chậm", ALL_GROUNDS)])
    assert mitigated.grade is Grade.EXCELLENT
    assert mitigated.mitigated
    objective = grade("92", [Finding("bão", MitigationGrounds(objective_cause="bão số 3"))])
    assert objective.grade is Grade.EXCELLENT


def test_partial_grounds_do_not_mitigate_and_the_trace_says_why():
    partial = MitigationGrounds(directed=True, duties_fully_performed=True)
    v = grade("92", [Finding("chậm", partial)])
    assert v.grade is Grade.GOOD
    assert not v.mitigated
    step = v.trace[-2]
    assert step.rule == "mitigation"
    assert step.outcome == "does not apply: missing preventive_measures_applied"


def test_never_below_the_lowest_level():
    v = grade("71", [Finding("a"), Finding("b"), Finding("c")])
    assert (v.base_grade, v.grade, v.demotion) == (Grade.COMPLETED, Grade.NOT_COMPLETED, 3)


def test_trace_steps_follow_the_laws_order_with_citations():
    v = grade("85", [Finding("a", ALL_GROUNDS)])
    assert [s.rule for s in v.trace] == [
        "index_year",
        "base_grade",
        "finding",
        "mitigation",
        "final_grade",
    ]
    base = v.trace[1]
    assert base.inputs == (("index_score", "85"),)
    assert base.outcome == "GOOD"
    assert base.citation.location == "seeds/003_ade9bd3203481e5e.txt"
    (bands, levels) = base.parameters
    assert levels.name == "grade_levels"
    assert bands.value == "excellent ≥ 90, good ≥ 80, completed ≥ 70"
    assert bands.provenance.value == "unverified"
    assert v.trace[3].citation.verified  # the grounds of mitigation are in seed 003


def test_to_dict_is_json_and_stable():
    v = grade("85.50", [Finding("a", ALL_GROUNDS)])
    d = json.loads(json.dumps(v.to_dict()))
    assert d == v.to_dict()
    assert d["schema_version"] == 1
    assert (d["grade"], d["base_grade"], d["index_score"]) == ("GOOD", "GOOD", "85.50")
    assert d["findings"][0]["mitigation"]["directed"] is True
    assert d["trace"][1]["parameters"][0]["provenance"] == "unverified"


def test_explain_in_both_languages_names_unverified_parameters():
    v = grade("85", [Finding("Chậm ban hành kế hoạch")])
    vi, en = v.explain("vi"), v.explain("en")
    assert "Hoàn thành nhiệm vụ" in vi
    assert "CHƯA XÁC MINH" in vi
    assert "Completed duties" in en
    assert "unverified parameters: index_year_offset, grade_bands" in en
    assert "<table>" in v._repr_html_()


def test_year_not_covered_is_out_of_range():
    with pytest.raises(OutOfRangeError, match="hai-phong-30-2018 does not cover the year 2017"):
        grade("85", year=2017)


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


def test_grade_many_keeps_order_and_summarises():
    scores = ["95", "85", "75", "65", "85"]
    batch = grade_many(Assessment(HEAD, 2019, s) for s in scores)
    assert [v.assessment.index_score for v in batch.verdicts] == [Decimal(s) for s in scores]
    assert batch.summary == {
        Grade.EXCELLENT: 1,
        Grade.GOOD: 2,
        Grade.COMPLETED: 1,
        Grade.NOT_COMPLETED: 1,
    }
    assert list(batch.summary) == [
        Grade.EXCELLENT,
        Grade.GOOD,
        Grade.COMPLETED,
        Grade.NOT_COMPLETED,
    ]
    rows = records(batch.verdicts)
    assert rows[0]["grade"] == "EXCELLENT"
    assert "trace" not in rows[0]


def test_grade_head_type_errors():
    with pytest.raises(InvalidTypeError, match="assessment must be an Assessment"):
        grade_head({"score": 80})
    with pytest.raises(InvalidTypeError, match="rulebook must be a Rulebook"):
        grade_head(Assessment(HEAD, 2019, 80), "hai-phong")


def test_mitigation_steps_are_memoised_within_a_bound():
    from cchc_rules.grading import _MITIGATION_CACHE, _plan

    causes = [MitigationGrounds(objective_cause=f"nguyên nhân {i}") for i in range(1100)]
    verdicts = [grade("92", [Finding("x", g)]) for g in causes]
    assert all(v.grade is Grade.EXCELLENT for v in verdicts)
    assert verdicts[-1].trace[3].inputs[-1] == ("objective_cause", "nguyên nhân 1099")
    assert len(_plan(DECISION_30_2018, 2019).mitigations) <= _MITIGATION_CACHE
    again = grade("92", [Finding("x", causes[0])])
    assert again.trace == verdicts[0].trace


def test_a_verdict_is_immutable_picklable_and_equal_by_value():
    import copy
    import pickle

    v = grade("85", [Finding("a", ALL_GROUNDS)])
    with pytest.raises(AttributeError):
        v.grade = Grade.EXCELLENT
    with pytest.raises(AttributeError):
        v.note = "x"
    again = pickle.loads(pickle.dumps(v))
    assert again == v
    assert again.trace == v.trace
    assert copy.copy(v) == v
    assert v != grade("85")
    assert v != "GOOD"
    assert {v, again} == {v}


def test_records_and_grading_do_not_build_the_trace():
    v = grade("85", [Finding("a"), Finding("b", ALL_GROUNDS)])
    (row,) = records([v])
    assert (row["grade"], row["findings"], row["mitigated"]) == ("COMPLETED", 2, True)
    assert v._trace is None
    assert [s.rule for s in v.trace][-1] == "final_grade"
    assert v._trace is v.trace  # built once, then kept


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (
            lambda: grade_head({"score": 80}),
            "assessment must be an Assessment (got dict {'score': 80})",
        ),
        (
            lambda: grade_head(Assessment(HEAD, 2019, 80), "r"),
            "rulebook must be a Rulebook (got str 'r')",
        ),
    ],
)
def test_grading_exact_messages(call, expected):
    with pytest.raises((InvalidInputError, InvalidTypeError)) as caught:
        call()
    assert str(caught.value) == expected


def test_explain_defaults_to_vietnamese():
    v = grade_head(Assessment(HEAD, 2019, 85))
    assert v.explain() == v.explain("vi")


def test_grade_many_uses_the_rulebook_given():
    batch = grade_many([Assessment(HEAD, 2019, 79)], DECISION_30_2018.with_bands(80, 70, 50))
    assert batch.verdicts[0].grade.name == "GOOD"
    assert batch.verdicts[0].unverified == ("index_year_offset", "grade_levels")


def test_citations_without_a_location_in_vietnamese():
    rb = DECISION_30_2018.with_bands(80, 70, 50)
    import attrs

    from cchc_rules import Source

    rb = attrs.evolve(rb, basis=Source("Quyết định X", provenance="verified"))
    text = grade_head(Assessment(HEAD, 2019, 85), rb).explain("vi")
    assert "căn cứ: Quyết định X (đã xác minh)" in text
    html = grade_head(Assessment(HEAD, 2019, 85), rb)._repr_html_()
    assert "</td></tr><tr><td>base_grade" in html


def test_all_verified_html_has_no_note():
    from tests._shared import all_verified_rulebook

    html = grade_head(Assessment(HEAD, 2019, 85), all_verified_rulebook())._repr_html_()
    assert html.startswith(
        "<div><p><b>A</b> — Sở Nội vụ, 2019, index 85: <b>Hoàn thành tốt nhiệm vụ</b> "
        "(Well completed duties)</p><table>"
    )
