"""The notebook views (``to_html`` and Jupyter's ``_repr_html_``) of a verdict, a
task tally and a discrepancy: every heading and sentence from the message
catalogue, Vietnamese by default and English when asked, and every text escaped."""

import attrs
import pytest

from cchc_rules import (
    DECISION_30_2018,
    Assessment,
    DiscrepancyKind,
    Finding,
    Head,
    InvalidInputError,
    MitigationGrounds,
    Rulebook,
    Source,
    TaskReport,
    TaskTally,
    Unit,
    UnitKind,
    check_percentage,
    check_task_report,
    grade_head,
)
from cchc_rules._messages import catalogue
from cchc_rules.trace import html_table

VI = catalogue("vi")
SUB_HEAD = Head(
    "Trưởng phòng",
    Unit("Phòng Nội vụ", UnitKind.SUBORDINATE, Unit("UBND quận Lê Chân", UnitKind.DISTRICT)),
)
SEED_003 = "Quyết định 30/2018/QĐ-UBND [hp-2019-decision-30-report]"


def two_findings():
    """88.5 is GOOD; the first finding is mitigated (an objective cause), the second
    is not: COMPLETED."""
    return grade_head(
        Assessment(
            SUB_HEAD,
            2019,
            "88.5",
            [
                Finding("Bão", MitigationGrounds(objective_cause="bão số 3")),
                Finding("Trễ", MitigationGrounds(directed=True)),
            ],
        )
    )


def headings(html):
    return [cell.split("</th>")[0] for cell in html.split("<th>")[1:]]


def shown_by_default(view):
    """What a notebook shows of ``view``: the same as ``to_html()`` and as
    ``to_html("vi")``, Vietnamese being the default language."""
    html = view._repr_html_()
    assert html == view.to_html() == view.to_html("vi")
    return html


# -- a verdict -------------------------------------------------------------------------


def test_a_verdict_is_shown_in_vietnamese_by_default():
    verdict = two_findings()
    html = shown_by_default(verdict)
    assert html.startswith(
        "<div><p><b>Trưởng phòng</b> — Phòng Nội vụ, 2019, chỉ số CCHC 88.5: "
        "<b>Hoàn thành nhiệm vụ</b> (COMPLETED)</p>"
        "<p><b>Tham số chưa xác minh đã dùng:</b> index_year_offset, grade_bands, "
        "grade_levels, finding_demotion, mitigated_finding_demotion</p><table>"
    )
    assert headings(html) == [VI[h] for h in ("step", "outcome", "parameters", "citation")]
    assert (
        "<tr><td>Xếp loại theo chỉ số CCHC</td><td>Hoàn thành tốt nhiệm vụ</td>"
        "<td>grade_bands=excellent ≥ 90, good ≥ 80, completed ≥ 70 (chưa xác minh), "
        "grade_levels=EXCELLENT &gt; GOOD &gt; COMPLETED &gt; NOT_COMPLETED (chưa xác minh)"
        f"</td><td>{SEED_003} (đã xác minh)</td></tr>"
    ) in html
    assert "<td>được giảm nhẹ (do yếu tố khách quan: bão số 3): hạ 0 mức</td>" in html
    assert html.count("<tr>") == 1 + len(verdict.trace)
    assert html.endswith("</table></div>")


def test_a_verdict_in_english_says_every_text_in_english():
    verdict = two_findings()
    html = verdict.to_html("en")
    assert html.startswith(
        "<div><p><b>Trưởng phòng</b> — Phòng Nội vụ, 2019, CCHC index 88.5: "
        "<b>Completed duties</b> (COMPLETED)</p>"
        "<p><b>Unverified parameters used:</b> index_year_offset, grade_bands, "
        "grade_levels, finding_demotion, mitigated_finding_demotion</p><table>"
    )
    assert headings(html) == ["step", "outcome", "parameters", "citation"]
    assert (
        "<tr><td>Base grade from the CCHC index</td><td>Well completed duties</td>"
        "<td>grade_bands=excellent ≥ 90, good ≥ 80, completed ≥ 70 (unverified), "
        "grade_levels=EXCELLENT &gt; GOOD &gt; COMPLETED &gt; NOT_COMPLETED (unverified)"
        f"</td><td>{SEED_003} (verified)</td></tr>"
    ) in html
    assert "<td>Final grade</td><td>Completed duties</td>" in html
    for vietnamese in (VI["step"], VI["Unverified parameters used:"], "chưa xác minh", "hạ"):
        assert vietnamese not in html


def test_a_verdict_with_verified_parameters_only_has_no_note():
    data = DECISION_30_2018.to_dict()
    verified = {"instrument": "Quyết định X", "provenance": "verified"}
    data["basis"] = verified
    for name in data:
        if isinstance(data[name], list) and data[name] and "source" in data[name][0]:
            data[name][0]["source"] = verified
    verdict = grade_head(Assessment(SUB_HEAD, 2019, "85"), Rulebook.from_dict(data))
    assert verdict.unverified == ()
    for lang, unverified in (("en", "Unverified"), ("vi", VI["Unverified parameters used:"])):
        html = verdict.to_html(lang)
        assert html.startswith("<div><p><b>Trưởng phòng</b>")
        assert "</p><table><tr><th>" in html
        assert unverified not in html
    assert "<td>Quyết định X (verified)</td>" in verdict.to_html("en")
    assert "<td>Quyết định X (đã xác minh)</td>" in verdict.to_html()


def test_a_verdict_escapes_every_text():
    unit = Unit("Sở <b>A</b> & Co", UnitKind.DEPARTMENT)
    rulebook = attrs.evolve(
        DECISION_30_2018, basis=Source('Quyết định <script>"x"</script>', provenance="verified")
    )
    verdict = grade_head(Assessment(Head("Ông <i>B</i>", unit), 2019, "91"), rulebook)
    for lang in ("vi", "en"):
        html = verdict.to_html(lang)
        assert "<script>" not in html
        assert "<i>B</i>" not in html
        assert "<b>Ông &lt;i&gt;B&lt;/i&gt;</b> — Sở &lt;b&gt;A&lt;/b&gt; &amp; Co, 2019" in html
        assert "Quyết định &lt;script&gt;&quot;x&quot;&lt;/script&gt;" in html


def test_the_trace_table_takes_its_language_and_refuses_others():
    verdict = two_findings()
    args = (verdict.assessment, verdict.grade, verdict.trace, verdict.unverified)
    assert html_table(*args) == html_table(*args, "vi") == verdict.to_html()
    assert html_table(*args, lang="en") == verdict.to_html("en")
    with pytest.raises(InvalidInputError, match="lang must be one of 'vi', 'en'"):
        verdict.to_html("fr")  # type: ignore[arg-type]


# -- a task tally ----------------------------------------------------------------------


def test_a_tally_names_its_figures_in_vietnamese_by_default():
    tally = TaskTally(4, 2, 1, 1, 1, 1)
    assert shown_by_default(tally) == (
        f"<table><tr><th>{VI['figure']}</th><th>{VI['count']}</th><th>%</th></tr>"
        "<tr><td>Số nhiệm vụ được giao</td><td>4</td><td>100,0</td></tr>"
        "<tr><td>Số nhiệm vụ đã hoàn thành</td><td>2</td><td>50,0</td></tr>"
        "<tr><td>Số nhiệm vụ hoàn thành đúng hạn</td><td>1</td><td>25,0</td></tr>"
        "<tr><td>Số nhiệm vụ hoàn thành quá hạn</td><td>1</td><td>25,0</td></tr>"
        "<tr><td>Số nhiệm vụ đang thực hiện</td><td>1</td><td>25,0</td></tr>"
        "<tr><td>Số nhiệm vụ quá hạn chưa hoàn thành</td><td>1</td><td>25,0</td></tr></table>"
    )


def test_a_tally_in_english_names_its_figures_by_their_fields():
    assert TaskTally(4, 2, 1, 1, 1, 1).to_html("en") == (
        "<table><tr><th>figure</th><th>count</th><th>%</th></tr>"
        "<tr><td>assigned</td><td>4</td><td>100.0</td></tr>"
        "<tr><td>completed</td><td>2</td><td>50.0</td></tr>"
        "<tr><td>on_time</td><td>1</td><td>25.0</td></tr>"
        "<tr><td>late</td><td>1</td><td>25.0</td></tr>"
        "<tr><td>in_progress</td><td>1</td><td>25.0</td></tr>"
        "<tr><td>overdue</td><td>1</td><td>25.0</td></tr></table>"
    )


def test_a_tally_of_no_tasks_has_no_percentages():
    empty = TaskTally(0, 0, 0, 0, 0, 0)
    assert "<tr><td>assigned</td><td>0</td><td></td></tr>" in empty.to_html("en")
    assert "<tr><td>Số nhiệm vụ được giao</td><td>0</td><td></td></tr>" in empty.to_html()
    with pytest.raises(InvalidInputError, match="lang must be one of"):
        empty.to_html("de")  # type: ignore[arg-type]


# -- a discrepancy ---------------------------------------------------------------------


def test_a_discrepancy_is_said_in_vietnamese_by_default():
    (d,) = check_task_report(TaskReport(287, late=53, late_pct="18,4"))
    assert shown_by_default(d) == (
        f"<div><b>late_pct</b> ({VI['percentage']}): công bố 18,4, đúng ra là 18,5<br>"
        "Tỷ lệ nhiệm vụ hoàn thành quá hạn công bố 18,4% nhưng 53/287 là 18,47%, "
        "làm tròn đến 1 chữ số thập phân là 18,5%</div>"
    )


def test_a_discrepancy_in_english():
    (d,) = check_task_report(TaskReport(287, late=53, late_pct="18,4"))
    assert d.to_html("en") == (
        "<div><b>late_pct</b> (percentage): stated 18.4, expected 18.5<br>"
        "late_pct: stated 18.4%, but 53 of 287 is 18.47%, which rounds to 18.5% at 1 "
        "decimal place</div>"
    )


def test_a_discrepancy_with_nothing_expected_says_only_what_was_stated():
    (zero,) = check_task_report(TaskReport(0, completed=0, completed_pct="0"))
    assert zero.expected is None
    assert zero.to_html("en").startswith("<div><b>completed_pct</b> (percentage): stated 0<br>")
    assert zero.to_html().startswith("<div><b>completed_pct</b> (tỷ lệ): công bố 0<br>")
    assert "None" not in zero.to_html("en") + zero.to_html()


@pytest.mark.parametrize(
    ("report", "kind", "english"),
    [
        (TaskReport(10, completed=5, on_time=6, late=0), DiscrepancyKind.EXCEEDS_WHOLE,
         "a part larger than its whole"),
        (TaskReport(10, completed=5, on_time=3, late=1), DiscrepancyKind.SUM,
         "parts that do not add up"),
    ],
)  # fmt: skip
def test_each_kind_of_discrepancy_is_named_in_either_language(report, kind, english):
    d = next(d for d in check_task_report(report) if d.kind is kind)
    assert f"</b> ({english}): " in d.to_html("en")
    assert f"</b> ({VI[english]}): " in d.to_html()
    assert (kind.label("en"), kind.label()) == (english, VI[english])


def test_a_discrepancy_escapes_every_text():
    d = check_percentage(1, 3, "40", field="a<b>&", label_vi="tỷ lệ <i>của tôi</i>")
    assert d is not None
    en, vi = d.to_html("en"), d.to_html()
    assert en.startswith("<div><b>a&lt;b&gt;&amp;</b> (percentage): stated 40, expected 33<br>")
    assert "a&lt;b&gt;&amp;: stated 40%, but 1 of 3 is 33.3%" in en
    assert "tỷ lệ &lt;i&gt;của tôi&lt;/i&gt; công bố 40%" in vi
    assert "<i>" not in en + vi
    with pytest.raises(InvalidInputError, match="lang must be one of"):
        d.to_html("fr")  # type: ignore[arg-type]
