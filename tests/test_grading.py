"""cchc_rules.grading: the rules in the law's order — base grade from the index,
a demotion per finding, mitigation as its exception, the final grade — and batches."""

from decimal import Decimal

import pytest

from cchc_rules import (
    DECISION_30_2018,
    Assessment,
    Finding,
    Grade,
    Head,
    InvalidInputError,
    InvalidTypeError,
    MitigationGrounds,
    OutOfRangeError,
    grade_head,
    grade_many,
    records,
)
from tests._shared import ALL_GROUNDS, DISTRICT, HEAD, PARTIAL, SUB_HEAD, graded, refusal


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
    assert graded(score).grade is expected


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
    assert graded(score, rulebook=quang_ngai).grade is expected


def test_default_rulebook_flags_its_unverified_parameters():
    v = graded("95")
    assert v.unverified == ("index_year_offset", "grade_bands", "grade_levels")
    assert set(DECISION_30_2018.unverified_parameters()) == {
        "grade_levels",
        "grade_bands",
        "finding_demotion",
        "mitigated_finding_demotion",
        "index_year_offset",
    }
    with_finding = graded("95", [Finding("x")])
    assert "finding_demotion" in with_finding.unverified
    assert "mitigated_finding_demotion" not in with_finding.unverified


def test_with_bands_is_no_longer_unverified_and_leaves_the_original():
    custom = DECISION_30_2018.with_bands(85, 75, 60)
    assert "grade_bands" not in graded("95", rulebook=custom).unverified
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
    assert graded("92", [Finding("chậm")]).grade is Grade.GOOD
    mitigated = graded("92", [Finding("chậm", ALL_GROUNDS)])
    assert mitigated.grade is Grade.EXCELLENT
    assert mitigated.mitigated
    objective = graded("92", [Finding("bão", MitigationGrounds(objective_cause="bão số 3"))])
    assert objective.grade is Grade.EXCELLENT


def test_partial_grounds_do_not_mitigate_and_the_trace_says_why():
    partial = MitigationGrounds(directed=True, duties_fully_performed=True)
    v = graded("92", [Finding("chậm", partial)])
    assert v.grade is Grade.GOOD
    assert not v.mitigated
    step = v.trace[-2]
    assert step.rule == "mitigation"
    assert step.outcome == "does not apply: missing preventive_measures_applied"


def test_never_below_the_lowest_level():
    v = graded("71", [Finding("a"), Finding("b"), Finding("c")])
    assert (v.base_grade, v.grade, v.demotion) == (Grade.COMPLETED, Grade.NOT_COMPLETED, 3)


def test_year_not_covered_is_out_of_range():
    with pytest.raises(OutOfRangeError, match="hai-phong-30-2018 does not cover the year 2017"):
        graded("85", year=2017)


def test_unverified_lists_follow_what_each_verdict_used():
    assert grade_head(Assessment(SUB_HEAD, 2019, "85")).unverified == (
        "index_year_offset",
        "grade_bands",
        "grade_levels",
    )
    assert grade_head(Assessment(SUB_HEAD, 2019, "85", [Finding("x", PARTIAL)])).unverified == (
        "index_year_offset",
        "grade_bands",
        "grade_levels",
        "finding_demotion",
    )


def test_grade_head_type_errors():
    with pytest.raises(InvalidTypeError, match="assessment must be an Assessment"):
        grade_head({"score": 80})
    with pytest.raises(InvalidTypeError, match="rulebook must be a Rulebook"):
        grade_head(Assessment(HEAD, 2019, 80), "hai-phong")


@pytest.mark.parametrize(
    ("call", "message"),
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
def test_grading_exact_messages(call, message):
    assert refusal(call) == message


def test_mitigation_steps_are_memoised_within_a_bound():
    from cchc_rules._grading_plan import MITIGATION_STEPS_KEPT, plan_for

    causes = [MitigationGrounds(objective_cause=f"nguyên nhân {i}") for i in range(1100)]
    verdicts = [graded("92", [Finding("x", g)]) for g in causes]
    assert all(v.grade is Grade.EXCELLENT for v in verdicts)
    traces = [v.trace for v in verdicts]  # each mitigation step built, past the bound
    assert len({t[3] for t in traces}) == len(causes)
    assert verdicts[-1].trace[3].inputs[-1] == ("objective_cause", "nguyên nhân 1099")
    assert len(plan_for(DECISION_30_2018, 2019).mitigations) <= MITIGATION_STEPS_KEPT
    again = graded("92", [Finding("x", causes[0])])
    assert again.trace == verdicts[0].trace


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


def test_grade_many_uses_the_rulebook_given():
    batch = grade_many([Assessment(HEAD, 2019, 79)], DECISION_30_2018.with_bands(80, 70, 50))
    assert batch.verdicts[0].grade.name == "GOOD"
    assert batch.verdicts[0].unverified == ("index_year_offset", "grade_levels")


def test_grade_many_records_and_summary():
    batch = grade_many(
        [Assessment(SUB_HEAD, 2019, "95"), Assessment(SUB_HEAD, 2019, "60", [Finding("x")])]
    )
    assert batch.summary == {
        Grade.EXCELLENT: 1,
        Grade.GOOD: 0,
        Grade.COMPLETED: 0,
        Grade.NOT_COMPLETED: 1,
    }
    assert batch.unverified == (
        "index_year_offset",
        "grade_bands",
        "grade_levels",
        "finding_demotion",
    )
    rows = records(batch.verdicts)
    assert rows[1]["findings"] == 1
    assert (
        rows[1]["unverified"] == "index_year_offset, grade_bands, grade_levels, finding_demotion"
    )
    assert rows[0]["parent"] == "UBND quận Hồng Bàng"
    assert rows[0]["grade_label_vi"] == "Hoàn thành xuất sắc nhiệm vụ"
    top = grade_head(Assessment(Head("A", DISTRICT), 2019, "95"))
    assert top.to_dict()["parent"] is None


def test_grade_many_needs_a_list():
    with pytest.raises(InvalidTypeError) as caught:
        grade_many(None)
    assert str(caught.value) == "assessments must be a list (got NoneType None)"


def test_grade_many_pauses_the_collector_and_restores_it_even_on_an_error():
    import gc

    many = [Assessment(HEAD, 2019, "95")] * 3_000  # without the pause: 4 young collections
    gc.collect()
    before = [s["collections"] for s in gc.get_stats()]
    assert grade_many(many).summary[Grade.EXCELLENT] == 3_000
    after = [s["collections"] for s in gc.get_stats()]
    young, middle, old = (a - b for a, b in zip(after, before, strict=True))
    assert (young <= 1, middle, old) == (True, 0, 0)  # at most the one owed after the batch
    assert gc.isenabled()
    with pytest.raises(OutOfRangeError):
        grade_many([Assessment(HEAD, 2019, "95"), Assessment(HEAD, 2017, "80")])
    assert gc.isenabled()
    gc.disable()
    try:
        grade_many([Assessment(HEAD, 2019, "95")])
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
