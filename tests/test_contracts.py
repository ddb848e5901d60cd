"""Exact contracts: the stable JSON layout of a verdict, the explanation texts, the
notebook HTML, exact messages, and a custom calendar threaded through every rule.
These pin what users and reviewers read, so a change to any of it is deliberate."""

import json
from datetime import date
from decimal import Decimal

import pytest

from cchc_rules import (
    DECISION_30_2018,
    HAI_PHONG_2019_INSPECTION_PLAN,
    Assessment,
    Discrepancy,
    DiscrepancyKind,
    Finding,
    Grade,
    Head,
    InspectionPlan,
    InvalidInputError,
    InvalidTypeError,
    MitigationGrounds,
    OutOfRangeError,
    Source,
    Task,
    TaskReport,
    TaskTally,
    Unit,
    UnitKind,
    check_task_report,
    grade_head,
    grade_many,
    public_sector_calendar,
    records,
    tally_by,
)
from tests._shared import PLAIN, all_verified_rulebook

DISTRICT = Unit("UBND quận Hồng Bàng", UnitKind.DISTRICT)
SUB = Unit("Phòng Nội vụ", UnitKind.SUBORDINATE, DISTRICT)
HEAD = Head("Trưởng phòng", SUB)
ALL = MitigationGrounds(
    directed=True, duties_fully_performed=True, preventive_measures_applied=True
)

PARTIAL = MitigationGrounds(directed=True)
STORM = MitigationGrounds(objective_cause="bão số 3")
SEED_003 = "Quyết định 30/2018/QĐ-UBND [seeds/003_ade9bd3203481e5e.txt]"


def verdict():
    return grade_head(
        Assessment(HEAD, 2019, "88.5", [Finding("Bão", STORM), Finding("Trễ", PARTIAL)])
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
    assert trace[0]["citation"]["location"] == "seeds/003_ade9bd3203481e5e.txt"
    assert trace[1]["parameters"][1]["source"]["instrument"] == (
        "Nghị định 56/2015/NĐ-CP; Nghị định 88/2017/NĐ-CP"
    )
    assert json.loads(verdict().to_json()) == verdict().to_dict()
    assert "Hoàn thành" in verdict().to_json()  # not \\u-escaped


EXPLAIN_VI = f"""\
Người đứng đầu Trưởng phòng (Phòng Nội vụ), năm 2019, chỉ số CCHC 88.5 — theo hai-phong-30-2018
1. Năm của chỉ số CCHC: year = 2019 → dùng Chỉ số CCHC năm 2019
     index_year_offset = 0 [CHƯA XÁC MINH; Quyết định 30/2018/QĐ-UBND]
     căn cứ: {SEED_003} (đã xác minh)
2. Xếp loại theo chỉ số CCHC: index_score = 88.5 → Hoàn thành tốt nhiệm vụ
     grade_bands = excellent ≥ 90, good ≥ 80, completed ≥ 70 [CHƯA XÁC MINH; Quyết định 30/2018/QĐ-UBND]
     grade_levels = EXCELLENT > GOOD > COMPLETED > NOT_COMPLETED [CHƯA XÁC MINH; Nghị định 56/2015/NĐ-CP; Nghị định 88/2017/NĐ-CP]
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
     grade_levels = EXCELLENT > GOOD > COMPLETED > NOT_COMPLETED [unverified; Nghị định 56/2015/NĐ-CP; Nghị định 88/2017/NĐ-CP]
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


def test_explain_texts_are_exact():
    assert verdict().explain("vi") == EXPLAIN_VI
    assert verdict().explain("en") == EXPLAIN_EN


def test_explain_all_duties_met_in_vietnamese():
    v = grade_head(Assessment(HEAD, 2019, "95", [Finding("Chậm", ALL)]))
    assert (
        "→ được giảm nhẹ (đã chỉ đạo, đã thực hiện đầy đủ chức trách, nhiệm vụ, "
        "đã áp dụng mọi biện pháp ngăn chặn vi phạm): hạ 0 mức"
    ) in v.explain("vi")
    assert "applies (all duties met): lowering 0 level(s) instead" in v.explain("en")


def test_explain_without_unverified_parameters_has_no_note_and_cites_articles():
    rb = all_verified_rulebook()
    v = grade_head(Assessment(HEAD, 2019, "85"), rb)
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
    v = grade_head(Assessment(HEAD, 2020, "85"), Rulebook.from_dict(data))
    assert v.trace[0].outcome == "the CCHC index of 2019 is used"
    assert "dùng Chỉ số CCHC năm 2019" in v.explain("vi")


def test_unverified_lists_follow_what_each_verdict_used():
    assert grade_head(Assessment(HEAD, 2019, "85")).unverified == (
        "index_year_offset",
        "grade_bands",
        "grade_levels",
    )
    assert grade_head(Assessment(HEAD, 2019, "85", [Finding("x", PARTIAL)])).unverified == (
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


def test_tally_and_discrepancy_html_and_dicts():
    html = TaskTally(4, 2, 1, 1, 1, 1)._repr_html_()
    assert html == (
        "<table><tr><th>figure</th><th>count</th><th>%</th></tr>"
        "<tr><td>assigned</td><td>4</td><td>100.0</td></tr>"
        "<tr><td>completed</td><td>2</td><td>50.0</td></tr>"
        "<tr><td>on_time</td><td>1</td><td>25.0</td></tr>"
        "<tr><td>late</td><td>1</td><td>25.0</td></tr>"
        "<tr><td>in_progress</td><td>1</td><td>25.0</td></tr>"
        "<tr><td>overdue</td><td>1</td><td>25.0</td></tr></table>"
    )
    assert (
        "<tr><td>assigned</td><td>0</td><td></td></tr>"
        in TaskTally(0, 0, 0, 0, 0, 0)._repr_html_()
    )
    (d,) = check_task_report(TaskReport(287, late=53, late_pct="18,4"))
    assert d._repr_html_() == (
        "<div><b>late_pct</b> (percentage): stated 18.4, expected 18.5<br>"
        "late_pct: stated 18.4%, but 53 of 287 is 18.47%, which rounds to 18.5% at 1 decimal "
        "place<br><i>Tỷ lệ nhiệm vụ hoàn thành quá hạn công bố 18,4% nhưng 53/287 là 18,47%, "
        "làm tròn đến 1 chữ số thập phân là 18,5%</i></div>"
    )
    assert d.to_dict() == {
        "field": "late_pct",
        "kind": "percentage",
        "stated": "18.4",
        "expected": "18.5",
        "related": ["late", "assigned"],
        "message": d.message,
        "message_vi": d.message_vi,
    }
    (zero,) = check_task_report(TaskReport(0, completed=0, completed_pct="0"))
    assert zero.to_dict()["expected"] is None
    assert zero.message_vi == (
        "Tỷ lệ nhiệm vụ đã hoàn thành công bố 0% nhưng tổng số là 0, không thể tính tỷ lệ"
    )
    assert (zero.field, zero.stated, zero.kind) == ("completed_pct", 0, DiscrepancyKind.PERCENTAGE)


def test_sum_and_part_messages_are_exact():
    found = check_task_report(TaskReport(10, completed=12, on_time=5, late=8, in_progress=1))
    assert [(d.message, d.message_vi) for d in found] == [
        (
            "completed: stated 12, but on_time 5 + late 8 = 13",
            "Số nhiệm vụ đã hoàn thành công bố 12 nhưng tổng các thành phần là 13",
        ),
        (
            "assigned: stated 10, but completed 12 + in_progress 1 = 13",
            "Số nhiệm vụ được giao công bố 10 nhưng tổng các thành phần là 13",
        ),
        (
            "completed: stated 12, more than assigned 10",
            "Số nhiệm vụ đã hoàn thành (12) lớn hơn số nhiệm vụ được giao (10)",
        ),
    ]
    assert [(d.stated, d.expected) for d in found] == [(12, 13), (10, 13), (12, 10)]


def test_plural_decimal_places_in_messages():
    (d,) = check_task_report(TaskReport(42, late=39, late_pct="92.80"))
    assert d.message.endswith("which rounds to 92.86% at 2 decimal places")
    (d,) = check_task_report(TaskReport(42, late=39, late_pct="92"))
    assert (
        d.message
        == "late_pct: stated 92%, but 39 of 42 is 92.9%, which rounds to 93% at 0 decimal places"
    )


@pytest.mark.parametrize("field", ["completed", "on_time", "late", "in_progress", "overdue"])
def test_every_report_count_names_itself(field):
    with pytest.raises(InvalidInputError) as caught:
        TaskReport(5, **{field: -1})
    assert str(caught.value) == f"{field} must be at least 0 (got -1)"


@pytest.mark.parametrize(
    "field", ["completed_pct", "on_time_pct", "late_pct", "in_progress_pct", "overdue_pct"]
)
def test_every_report_percentage_names_itself(field):
    with pytest.raises(InvalidInputError) as caught:
        TaskReport(5, **{field: "x"})
    assert str(caught.value) == f"{field} must be a number (got 'x')"
    with pytest.raises(InvalidInputError) as caught:
        TaskReport(5, **{field: "-2"})
    assert str(caught.value) == f"{field} must not be negative (got '-2')"


def test_tally_invariants_are_checked_with_exact_messages():
    with pytest.raises(InvalidInputError) as caught:
        TaskTally(4, 3, 1, 1, 1, 0)
    assert str(caught.value) == "completed must equal on_time + late = 2 (got 3)"
    with pytest.raises(InvalidInputError) as caught:
        TaskTally(5, 2, 1, 1, 1, 0)
    assert str(caught.value) == "assigned must equal completed + in_progress + overdue = 3 (got 5)"
    with pytest.raises(InvalidInputError) as caught:
        TaskTally(4, 2, 1, 1, 1, 1).percent("done")
    assert str(caught.value) == (
        "field must be one of assigned, completed, on_time, late, in_progress, overdue "
        "(got 'done')"
    )


def test_tally_to_report_keeps_the_precision_asked_for():
    report = TaskTally(3, 1, 1, 0, 2, 0).to_report(places=2)
    assert report.on_time_pct == Decimal("33.33")
    assert report.in_progress_pct == Decimal("66.67")
    assert TaskTally(0, 0, 0, 0, 0, 0).to_report().on_time_pct is None


def test_tally_by_uses_the_calendar_given():
    task = Task("t", date(2019, 4, 27), date(2019, 4, 30), unit=DISTRICT)
    assert tally_by([task], date(2019, 5, 31), "unit", PLAIN)[DISTRICT].late == 1
    assert tally_by([task], date(2019, 5, 31), "unit")[DISTRICT].on_time == 1
    with pytest.raises(InvalidTypeError) as caught:
        tally_by(["x"], date(2019, 5, 31))
    assert str(caught.value) == "tasks[0] must be a Task (got str 'x')"


def test_inspection_plan_uses_the_calendar_given_and_its_window_edges():
    plan = InspectionPlan(2019, date(2019, 5, 2), date(2019, 5, 2), 3)
    assert plan.covers(date(2019, 5, 2))
    need = plan.notice_for(date(2019, 5, 2), calendar=PLAIN)
    assert (need.inspection_day, need.latest_notice) == (date(2019, 5, 2), date(2019, 4, 26))
    assert need.source.provenance.value == "supplied"
    # Public sector: 24, 25, 26/4 lie between (29/4-1/5 are off), so 23/4.
    assert plan.notice_for(date(2019, 5, 2)).latest_notice == date(2019, 4, 23)
    assert plan.notice_is_sufficient(date(2019, 4, 26), date(2019, 5, 2), calendar=PLAIN)
    assert not plan.notice_is_sufficient(date(2019, 4, 26), date(2019, 5, 2))
    hp = HAI_PHONG_2019_INSPECTION_PLAN
    assert hp.covers(date(2019, 6, 1))
    assert hp.covers(date(2019, 12, 31))
    assert not hp.covers(date(2019, 5, 31))
    assert hp.notice_for(date(2019, 6, 3)).source is hp.source


def test_with_changes_names_its_days_and_itself():
    cal = public_sector_calendar()
    changed = cal.with_changes([date(2026, 12, 31)], [date(2026, 12, 26)], source="CV 1")
    days = {d.day: d for d in changed.special_days(2026)}
    off, on = days[date(2026, 12, 31)], days[date(2026, 12, 26)]
    assert (off.working, off.name_vi, off.name_en) == (
        False,
        "Ngày nghỉ (thay đổi bổ sung)",
        "Day off (added change)",
    )
    assert (on.working, on.name_vi, on.name_en) == (
        True,
        "Ngày làm việc (thay đổi bổ sung)",
        "Working day (added change)",
    )
    assert changed.name == "Vietnam public sector 2018-2030 with changes"
    both = [date(2020, 1, 3), date(2020, 1, 2)]
    with pytest.raises(InvalidInputError) as caught:
        cal.with_changes(both[::-1], both, source="x")
    assert str(caught.value) == (
        "a day cannot be both a day off and a working day (got 2020-01-02, 2020-01-03 in both)"
    )
    with pytest.raises(OutOfRangeError) as caught:
        cal.with_changes([date(2031, 1, 6)], source="x")
    assert str(caught.value).startswith("changed day 2031-01-06 is outside")


def test_special_days_carry_their_instruments():
    cal = public_sector_calendar()
    tet = {d.day: d for d in cal.days_off(2019)}[date(2019, 2, 5)]
    d = tet.to_dict()
    assert (d["day"], d["working"], d["name_vi"], d["name_en"]) == (
        "2019-02-05",
        False,
        "Tết Nguyên Đán",
        "Lunar New Year",
    )
    src = d["source"]
    assert src["instrument"] == (
        "Bộ luật Lao động 2012 (10/2012/QH13); "
        "Công văn 6519/VPCP-KGVX ngày 11/07/2018 (Văn phòng Chính phủ)"
    )
    assert src["article"] == "Điều 115"
    assert "thuvienphapluat.vn" in src["location"]
    assert "note" not in src
    assert src["provenance"] == "verified"
    assert [s.day.year for s in cal.special_days(2018)][:1] == [2018]
    assert cal.special_days(2026)[-1].day == date(2026, 11, 24)
    assert cal.special_days(2026)[-1].source.unverified
    with pytest.raises(OutOfRangeError) as caught:
        cal.special_days(2017)
    assert str(caught.value) == (
        "year 2017 is outside the calendar's supported range 2018-01-01 to 2030-12-31. "
        "Extend it with public_sector_calendar(first_year=..., last_year=...) and add that "
        "year's published days off with WorkingCalendar.with_changes_from(file) (on the "
        "command line: --calendar-changes FILE)"
    )


def test_public_sector_calendar_year_limits():
    assert public_sector_calendar(2100, 2100).supported_range[1] == date(2100, 12, 31)
    with pytest.raises(InvalidInputError) as caught:
        public_sector_calendar(2100, 2101)
    assert str(caught.value) == "last_year must be at most 2100 (got 2101)"
    with pytest.raises(InvalidInputError) as caught:
        public_sector_calendar(1994)
    assert str(caught.value) == "first_year must be at least 1995 (got 1994)"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: Assessment(HEAD, 1899, 80), "year must be between 1900 and 2200 (got 1899)"),
        (lambda: Assessment(HEAD, 2201, 80), "year must be between 1900 and 2200 (got 2201)"),
        (lambda: Assessment(HEAD, "2019", 80), "year must be an integer (got str '2019')"),
        (lambda: Assessment("A", 2019, 80), "head must be a Head (got str 'A')"),
        (
            lambda: Assessment(HEAD, 2019, 80, "x"),
            "findings must be a list of Finding (got str 'x')",
        ),
        (lambda: Assessment(HEAD, 2019, 80, [1]), "findings[0] must be a Finding (got int 1)"),
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
        (
            lambda: check_task_report("r"),
            "report must be a TaskReport (got str 'r')",
        ),
    ],
)
def test_grading_messages_are_exact(call, message):
    with pytest.raises((InvalidInputError, InvalidTypeError)) as caught:
        call()
    assert str(caught.value) == message


def test_year_bounds_are_inclusive():
    assert Assessment(HEAD, 1900, 80).year == 1900
    assert Assessment(HEAD, 2200, 80).year == 2200


def test_mitigation_grounds_default_to_false_and_round_trip():
    g = MitigationGrounds()
    assert (g.directed, g.duties_fully_performed, g.preventive_measures_applied) == (False,) * 3
    assert g.objective_cause is None
    assert not g.applies
    assert g.missing() == ("directed", "duties_fully_performed", "preventive_measures_applied")
    assert MitigationGrounds(objective_cause=" bão ").objective_cause == "bão"


def test_grade_many_records_and_summary():
    batch = grade_many(
        [Assessment(HEAD, 2019, "95"), Assessment(HEAD, 2019, "60", [Finding("x")])]
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


def test_discrepancy_fields_and_source_rendering():
    d = Discrepancy("x", 1, None, "m", "mv", DiscrepancyKind.SUM)
    assert d.fields == ("x",)
    assert str(Source("Luật", provenance="supplied")) == "Luật (supplied)"
    assert DECISION_30_2018.rules_for(2019).unverified == frozenset(
        DECISION_30_2018.unverified_parameters()
    )


def test_version_and_schema_version_are_exported():
    import importlib.metadata

    import cchc_rules

    assert cchc_rules.__version__ == importlib.metadata.version("cchc-rules")
    assert cchc_rules.SCHEMA_VERSION == 1
    assert {"__version__", "SCHEMA_VERSION"} <= set(cchc_rules.__all__)
