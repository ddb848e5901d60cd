import json
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
    Source,
    Unit,
    UnitKind,
    grade_head,
    grade_many,
    records,
)
from tests._shared import HEAD, all_verified_rulebook

ALL_GROUNDS = MitigationGrounds(
    directed=True, duties_fully_performed=True, preventive_measures_applied=True
)

# A subordinate office's head, for the exact texts of a verdict (JSON, explanation, HTML).
DISTRICT = Unit("UBND quận Hồng Bàng", UnitKind.DISTRICT)
SUB = Unit("Phòng Nội vụ", UnitKind.SUBORDINATE, DISTRICT)
SUB_HEAD = Head("Trưởng phòng", SUB)

PARTIAL = MitigationGrounds(directed=True)
STORM = MitigationGrounds(objective_cause="bão số 3")
SEED_003 = "Quyết định 30/2018/QĐ-UBND [hp-2019-decision-30-report]"


EXPLAIN_VI = f"""\
Người đứng đầu Trưởng phòng (Phòng Nội vụ), năm 2019, chỉ số CCHC 88.5 — theo hai-phong-30-2018
1. Năm của chỉ số CCHC: year = 2019 → dùng Chỉ số CCHC năm 2019
     index_year_offset = 0 [CHƯA XÁC MINH; Quyết định 30/2018/QĐ-UBND]
     căn cứ: {SEED_003} (đã xác minh)
2. Xếp loại theo chỉ số CCHC: index_score = 88.5 → Hoàn thành tốt nhiệm vụ
     grade_bands = excellent ≥ 90, good ≥ 80, completed ≥ 70 [CHƯA XÁC MINH; Quyết định 30/2018/QĐ-UBND]
     grade_levels = EXCELLENT > GOOD > COMPLETED > NOT_COMPLETED [CHƯA XÁC MINH; Nghị định 90/2020/NĐ-CP; Nghị định 48/2023/NĐ-CP; Nghị định 335/2025/NĐ-CP]
     căn cứ: {SEED_003} (đã xác minh)
3. Vi phạm, thiếu sót thuộc trách nhiệm người đứng đầu: findings[0] = Bão → đề xuất hạ 1 mức
     finding_demotion = 1 [CHƯA XÁC MINH; Quyết định 30/2018/QĐ-UBND]
     căn cứ: {SEED_003} (đã xác minh)
4. Giảm nhẹ trách nhiệm (ngoại lệ): directed = False; duties_fully_performed = False; preventive_measures_applied = False; objective_cause = bão số 3 → được giảm nhẹ (do yếu tố khách quan: bão số 3): hạ 0 mức
     mitigated_finding_demotion = 0 [CHƯA XÁC MINH; Quyết định 30/2018/QĐ-UBND]
     căn cứ: {SEED_003} (đã xác minh)
5. Vi phạm, thiếu sót thuộc trách nhiệm người đứng đầu: findings[1] = Trễ → đề xuất hạ 1 mức
     finding_demotion = 1 [CHƯA XÁC MINH; Quyết định 30/2018/QĐ-UBND]
     căn cứ: {SEED_003} (đã xác minh)
6. Giảm nhẹ trách nhiệm (ngoại lệ): directed = True; duties_fully_performed = False; preventive_measures_applied = False → không được giảm nhẹ: chưa thực hiện đầy đủ chức trách, nhiệm vụ; chưa áp dụng mọi biện pháp ngăn chặn vi phạm
     căn cứ: {SEED_003} (đã xác minh)
7. Kết quả: base_grade = GOOD; demotion = 1 → Hoàn thành nhiệm vụ
     căn cứ: {SEED_003} (đã xác minh)
Lưu ý: kết quả dùng tham số chưa xác minh: index_year_offset, grade_bands, grade_levels, finding_demotion, mitigated_finding_demotion"""  # noqa: E501

EXPLAIN_EN = f"""\
Head Trưởng phòng (Phòng Nội vụ), year 2019, CCHC index 88.5 — under hai-phong-30-2018
1. Index year: year = 2019 → the CCHC index of 2019 is used
     index_year_offset = 0 [unverified; Quyết định 30/2018/QĐ-UBND]
     source: {SEED_003} (verified)
2. Base grade from the CCHC index: index_score = 88.5 → Well completed duties
     grade_bands = excellent ≥ 90, good ≥ 80, completed ≥ 70 [unverified; Quyết định 30/2018/QĐ-UBND]
     grade_levels = EXCELLENT > GOOD > COMPLETED > NOT_COMPLETED [unverified; Nghị định 90/2020/NĐ-CP; Nghị định 48/2023/NĐ-CP; Nghị định 335/2025/NĐ-CP]
     source: {SEED_003} (verified)
3. Finding: findings[0] = Bão → proposes lowering 1 level(s)
     finding_demotion = 1 [unverified; Quyết định 30/2018/QĐ-UBND]
     source: {SEED_003} (verified)
4. Mitigation (exception): directed = False; duties_fully_performed = False; preventive_measures_applied = False; objective_cause = bão số 3 → applies (objective cause): lowering 0 level(s) instead
     mitigated_finding_demotion = 0 [unverified; Quyết định 30/2018/QĐ-UBND]
     source: {SEED_003} (verified)
5. Finding: findings[1] = Trễ → proposes lowering 1 level(s)
     finding_demotion = 1 [unverified; Quyết định 30/2018/QĐ-UBND]
     source: {SEED_003} (verified)
6. Mitigation (exception): directed = True; duties_fully_performed = False; preventive_measures_applied = False → does not apply: missing duties_fully_performed, preventive_measures_applied
     source: {SEED_003} (verified)
7. Final grade: base_grade = GOOD; demotion = 1 → Completed duties
     source: {SEED_003} (verified)
Note: this result used unverified parameters: index_year_offset, grade_bands, grade_levels, finding_demotion, mitigated_finding_demotion"""  # noqa: E501


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
    assert base.citation.ref == "hp-2019-decision-30-report"
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
    from cchc_rules._grading_plan import MITIGATION_STEPS_KEPT, plan_for

    causes = [MitigationGrounds(objective_cause=f"nguyên nhân {i}") for i in range(1100)]
    verdicts = [grade("92", [Finding("x", g)]) for g in causes]
    assert all(v.grade is Grade.EXCELLENT for v in verdicts)
    assert verdicts[-1].trace[3].inputs[-1] == ("objective_cause", "nguyên nhân 1099")
    assert len(plan_for(DECISION_30_2018, 2019).mitigations) <= MITIGATION_STEPS_KEPT
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


def verdict():
    return grade_head(
        Assessment(SUB_HEAD, 2019, "88.5", [Finding("Bão", STORM), Finding("Trễ", PARTIAL)])
    )


def test_verdict_to_dict_layout_schema_version_1():
    d = verdict().to_dict()
    trace = d.pop("trace")
    assert d == {
        "schema_version": 1,
        "rulebook": "hai-phong-30-2018",
        "unit": "Phòng Nội vụ",
        "kind": "SUBORDINATE",
        "parent": "UBND quận Hồng Bàng",
        "head": "Trưởng phòng",
        "year": 2019,
        "index_score": "88.5",
        "findings": [
            {
                "description": "Bão",
                "mitigation": {
                    "directed": False,
                    "duties_fully_performed": False,
                    "preventive_measures_applied": False,
                    "objective_cause": "bão số 3",
                },
            },
            {
                "description": "Trễ",
                "mitigation": {
                    "directed": True,
                    "duties_fully_performed": False,
                    "preventive_measures_applied": False,
                    "objective_cause": None,
                },
            },
        ],
        "base_grade": "GOOD",
        "grade": "COMPLETED",
        "grade_label_vi": "Hoàn thành nhiệm vụ",
        "grade_label_en": "Completed duties",
        "mitigated": True,
        "demotion": 1,
        "unverified": [
            "index_year_offset",
            "grade_bands",
            "grade_levels",
            "finding_demotion",
            "mitigated_finding_demotion",
        ],
    }
    assert [(s["rule"], s["inputs"], s["outcome"]) for s in trace] == [
        ("index_year", {"year": "2019"}, "the CCHC index of 2019 is used"),
        ("base_grade", {"index_score": "88.5"}, "GOOD"),
        ("finding", {"findings[0]": "Bão"}, "proposes lowering 1 level(s)"),
        (
            "mitigation",
            {
                "directed": "False",
                "duties_fully_performed": "False",
                "preventive_measures_applied": "False",
                "objective_cause": "bão số 3",
            },
            "applies (objective cause): lowering 0 level(s) instead",
        ),
        ("finding", {"findings[1]": "Trễ"}, "proposes lowering 1 level(s)"),
        (
            "mitigation",
            {
                "directed": "True",
                "duties_fully_performed": "False",
                "preventive_measures_applied": "False",
                "objective_cause": "",
            },
            "does not apply: missing duties_fully_performed, preventive_measures_applied",
        ),
        ("final_grade", {"base_grade": "GOOD", "demotion": "1"}, "COMPLETED"),
    ]
    assert [
        [(p["name"], p["value"], p["provenance"]) for p in s["parameters"]] for s in trace
    ] == [
        [("index_year_offset", "0", "unverified")],
        [
            ("grade_bands", "excellent ≥ 90, good ≥ 80, completed ≥ 70", "unverified"),
            ("grade_levels", "EXCELLENT > GOOD > COMPLETED > NOT_COMPLETED", "unverified"),
        ],
        [("finding_demotion", "1", "unverified")],
        [("mitigated_finding_demotion", "0", "unverified")],
        [("finding_demotion", "1", "unverified")],
        [],
        [],
    ]
    assert trace[0]["citation"]["ref"] == "hp-2019-decision-30-report"
    assert trace[1]["parameters"][1]["source"]["instrument"] == (
        "Nghị định 90/2020/NĐ-CP; Nghị định 48/2023/NĐ-CP; Nghị định 335/2025/NĐ-CP"
    )
    assert json.loads(verdict().to_json()) == verdict().to_dict()
    assert "Hoàn thành" in verdict().to_json()  # not \\u-escaped


def test_explain_texts_are_exact():
    assert verdict().explain("vi") == EXPLAIN_VI
    assert verdict().explain("en") == EXPLAIN_EN


def test_explain_all_duties_met_in_vietnamese():
    v = grade_head(Assessment(SUB_HEAD, 2019, "95", [Finding("Chậm", ALL_GROUNDS)]))
    assert (
        "→ được giảm nhẹ (đã chỉ đạo, đã thực hiện đầy đủ chức trách, nhiệm vụ, "
        "đã áp dụng mọi biện pháp ngăn chặn vi phạm): hạ 0 mức"
    ) in v.explain("vi")
    assert "applies (all duties met): lowering 0 level(s) instead" in v.explain("en")


def test_explain_without_unverified_parameters_has_no_note_and_cites_articles():
    rb = all_verified_rulebook()
    v = grade_head(Assessment(SUB_HEAD, 2019, "85"), rb)
    assert v.unverified == ()
    assert "Lưu ý" not in v.explain("vi")
    assert "Note:" not in v.explain("en")
    assert "Unverified" not in v._repr_html_()
    assert "căn cứ: Quyết định X, Điều 3 [official text] (đã xác minh)" in v.explain("vi")
    assert "source: Quyết định X, Điều 3 [official text] (verified)" in v.explain("en")


def test_an_index_year_offset_is_reported_in_the_trace():
    import tomllib
    from pathlib import Path

    from cchc_rules import Rulebook

    path = Path(__file__).resolve().parents[1] / "src/cchc_rules/rulebooks/decision_30_2018.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    data["index_year_offset"][0]["value"] = -1
    v = grade_head(Assessment(SUB_HEAD, 2020, "85"), Rulebook.from_dict(data))
    assert v.trace[0].outcome == "the CCHC index of 2019 is used"
    assert "dùng Chỉ số CCHC năm 2019" in v.explain("vi")


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


def test_verdict_html():
    html = verdict()._repr_html_()
    assert html.startswith(
        "<div><p><b>Trưởng phòng</b> — Phòng Nội vụ, 2019, index 88.5: "
        "<b>Hoàn thành nhiệm vụ</b> (Completed duties)</p>"
        "<p><b>Unverified parameters used:</b> index_year_offset, grade_bands, grade_levels, "
        "finding_demotion, mitigated_finding_demotion</p>"
        "<table><tr><th>rule</th><th>outcome</th><th>parameters</th><th>citation</th></tr>"
    )
    assert (
        "<tr><td>base_grade</td><td>GOOD</td><td>grade_bands=excellent ≥ 90, good ≥ 80, "
        "completed ≥ 70 (unverified), grade_levels=EXCELLENT &gt; GOOD &gt; COMPLETED &gt; "
        f"NOT_COMPLETED (unverified)</td><td>{SEED_003} (verified)</td></tr>"
    ) in html
    assert html.count("<tr>") == 1 + len(verdict().trace)
    assert html.endswith("</table></div>")


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
        (lambda: grade_many(None), "assessments must be a list (got NoneType None)"),
    ],
)
def test_grading_messages_are_exact(call, message):
    with pytest.raises((InvalidInputError, InvalidTypeError)) as caught:
        call()
    assert str(caught.value) == message


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
