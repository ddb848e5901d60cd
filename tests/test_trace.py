"""cchc_rules.trace: the steps of a verdict and how they are told (the explanation in
both languages, the brief, the HTML)."""

import attrs
import pytest

from cchc_rules import (
    DECISION_30_2018,
    Assessment,
    Finding,
    InvalidInputError,
    MitigationGrounds,
    Source,
    Step,
    grade_head,
)
from cchc_rules._messages import localize, untranslated
from cchc_rules.trace import brief, explanation
from tests._shared import (
    ALL_GROUNDS,
    HEAD,
    SUB_HEAD,
    all_verified_rulebook,
    graded,
    two_findings_verdict,
)

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


def test_trace_steps_follow_the_laws_order_with_citations():
    v = graded("85", [Finding("a", ALL_GROUNDS)])
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


def test_explain_texts_are_exact():
    assert two_findings_verdict().explain("vi") == EXPLAIN_VI
    assert two_findings_verdict().explain("en") == EXPLAIN_EN


def test_explain_in_both_languages_names_unverified_parameters():
    v = graded("85", [Finding("Chậm ban hành kế hoạch")])
    vi, en = v.explain("vi"), v.explain("en")
    assert "Hoàn thành nhiệm vụ" in vi
    assert "CHƯA XÁC MINH" in vi
    assert "Completed duties" in en
    assert "unverified parameters: index_year_offset, grade_bands" in en
    assert "<table>" in v._repr_html_()


def test_explain_defaults_to_vietnamese():
    v = grade_head(Assessment(HEAD, 2019, 85))
    assert v.explain() == v.explain("vi")


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
    assert "Unverified" not in v.to_html("en")
    assert "căn cứ: Quyết định X, Điều 3 [official text] (đã xác minh)" in v.explain("vi")
    assert "source: Quyết định X, Điều 3 [official text] (verified)" in v.explain("en")


def test_citations_without_a_location_in_vietnamese():
    rb = DECISION_30_2018.with_bands(80, 70, 50)

    rb = attrs.evolve(rb, basis=Source("Quyết định X", provenance="verified"))
    text = grade_head(Assessment(HEAD, 2019, 85), rb).explain("vi")
    assert "căn cứ: Quyết định X (đã xác minh)" in text
    html = grade_head(Assessment(HEAD, 2019, 85), rb)._repr_html_()
    assert "<td>Quyết định X (đã xác minh)</td></tr><tr><td>Xếp loại theo chỉ số CCHC" in html


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


def test_each_outcome_is_a_message_said_in_either_language():
    said = [
        (str(s.outcome), localize(s.outcome, "vi"))
        for s in two_findings_verdict().trace
        if s.rule not in ("base_grade", "final_grade")
    ]
    assert said == [
        ("the CCHC index of 2019 is used", "dùng Chỉ số CCHC năm 2019"),
        ("proposes lowering 1 level(s)", "đề xuất hạ 1 mức"),
        (
            "applies (objective cause): lowering 0 level(s) instead",
            "được giảm nhẹ (do yếu tố khách quan: bão số 3): hạ 0 mức",
        ),
        ("proposes lowering 1 level(s)", "đề xuất hạ 1 mức"),
        (
            "does not apply: missing duties_fully_performed, preventive_measures_applied",
            "không được giảm nhẹ: chưa thực hiện đầy đủ chức trách, nhiệm vụ; "
            "chưa áp dụng mọi biện pháp ngăn chặn vi phạm",
        ),
    ]
    assert all(untranslated(s.outcome) == [] for s in two_findings_verdict().trace[:-1][2:])


def test_no_ground_met_names_all_three_in_both_languages():
    step = graded("92", [Finding("x", MitigationGrounds())]).trace[3]
    assert step.outcome == (
        "does not apply: missing directed, duties_fully_performed, preventive_measures_applied"
    )
    assert localize(step.outcome, "vi") == (
        "không được giảm nhẹ: chưa chỉ đạo; chưa thực hiện đầy đủ chức trách, nhiệm vụ; "
        "chưa áp dụng mọi biện pháp ngăn chặn vi phạm"
    )


def test_a_step_written_by_hand_is_told_as_written():
    v = graded("85")
    mine = Step("finding", v.trace[0].citation, (), (("findings[0]", "x"),), "my own words")
    text = explanation(v.assessment, "r", (v.trace[0], mine), (), "vi")
    assert (
        "2. Vi phạm, thiếu sót thuộc trách nhiệm người đứng đầu: findings[0] = x → my own words"
        in text
    )
    assert brief((v.trace[0], mine), "en") == "finding: findings[0] x → my own words"


def test_the_brief_defaults_to_vietnamese():
    v = graded("85", [Finding("Chậm", ALL_GROUNDS)])
    assert v.brief() == v.brief("vi")
    assert v.brief("en").startswith("base grade: index_score 85 → GOOD; finding: ")
    assert v.brief("vi").startswith("xếp loại theo chỉ số: index_score 85 → GOOD; vi phạm: ")
    assert "giảm nhẹ: directed True" in v.brief("vi")


@pytest.mark.parametrize("lang", [None, "fr", "VI"])
def test_a_language_not_written_is_a_clear_error(lang):
    v = two_findings_verdict()
    for say in (v.explain, v.brief):
        with pytest.raises(InvalidInputError, match="lang must be one of 'vi', 'en'"):
            say(lang)


def test_the_brief_of_every_kind_of_step_is_exact_in_both_languages():
    v = two_findings_verdict()
    assert v.brief("en") == (
        "base grade: index_score 88.5 → GOOD; "
        "finding: findings[0] Bão → proposes lowering 1 level(s); "
        "mitigation: directed False, duties_fully_performed False, "
        "preventive_measures_applied False, objective_cause bão số 3 → "
        "applies (objective cause): lowering 0 level(s) instead; "
        "finding: findings[1] Trễ → proposes lowering 1 level(s); "
        "mitigation: directed True, duties_fully_performed False, "
        "preventive_measures_applied False → "
        "does not apply: missing duties_fully_performed, preventive_measures_applied; "
        "final grade: COMPLETED"
    )
    assert v.brief("vi") == (
        "xếp loại theo chỉ số: index_score 88.5 → GOOD; "
        "vi phạm: findings[0] Bão → đề xuất hạ 1 mức; "
        "giảm nhẹ: directed False, duties_fully_performed False, "
        "preventive_measures_applied False, objective_cause bão số 3 → "
        "được giảm nhẹ (do yếu tố khách quan: bão số 3): hạ 0 mức; "
        "vi phạm: findings[1] Trễ → đề xuất hạ 1 mức; "
        "giảm nhẹ: directed True, duties_fully_performed False, "
        "preventive_measures_applied False → "
        "không được giảm nhẹ: chưa thực hiện đầy đủ chức trách, nhiệm vụ; "
        "chưa áp dụng mọi biện pháp ngăn chặn vi phạm; "
        "kết quả: COMPLETED"
    )
    assert v.brief() == v.brief("vi")


def test_the_brief_tells_every_step_given_in_the_order_given():
    v = graded("85", [Finding("Chậm")])
    index_year, base, finding, final = v.trace
    assert brief((index_year, final, finding), "en") == (
        "final grade: COMPLETED; finding: findings[0] Chậm → proposes lowering 1 level(s)"
    )
    assert brief((index_year, final, base), "vi") == (
        "kết quả: COMPLETED; xếp loại theo chỉ số: index_score 85 → GOOD"
    )
    assert brief((index_year,), "en") == ""
    assert brief((index_year, final)) == brief((index_year, final), "vi") == "kết quả: COMPLETED"


@pytest.mark.parametrize(
    ("source", "en", "vi"),
    [
        (
            Source("Quyết định X", provenance="verified"),
            "[verified; Quyết định X]",
            "[đã xác minh; Quyết định X]",
        ),
        (
            None,
            "[supplied; bands supplied by the caller]",
            "[do người dùng cung cấp; bands supplied by the caller]",
        ),
    ],
)
def test_a_verified_or_supplied_parameter_is_told_with_its_provenance_and_instrument(
    source, en, vi
):
    rulebook = DECISION_30_2018.with_bands(90, 80, 70, source=source)
    verdict = grade_head(Assessment(HEAD, 2019, "85"), rulebook)
    line = "grade_bands = excellent ≥ 90, good ≥ 80, completed ≥ 70 "
    assert f"\n     {line}{en}\n" in verdict.explain("en")
    assert f"\n     {line}{vi}\n" in verdict.explain("vi")
