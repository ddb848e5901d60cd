"""Validating published grades: Grade.parse, check_published_grades and the
check-grades command."""

import json
import unicodedata

import pytest

from cchc_rules import (
    DECISION_30_2018,
    Assessment,
    CchcError,
    Finding,
    Grade,
    GradeDiscrepancy,
    Head,
    InvalidInputError,
    InvalidTypeError,
    Unit,
    UnitKind,
    check_published_grades,
    grade_head,
)
from cchc_rules.io import read_published_grades
from tests._shared import run

EXAMPLE = "docs/examples/published_2019.csv"


def head(unit="Sở Tư pháp"):
    return Head("Giám đốc", Unit(unit, UnitKind.DEPARTMENT))


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("EXCELLENT", Grade.EXCELLENT),
        ("not_completed", Grade.NOT_COMPLETED),
        ("  Good ", Grade.GOOD),
        ("Hoàn thành xuất sắc nhiệm vụ", Grade.EXCELLENT),
        ("HOÀN THÀNH TỐT NHIỆM VỤ", Grade.GOOD),
        ("hoàn  thành\tnhiệm vụ", Grade.COMPLETED),
        ("Không hoàn thành nhiệm vụ", Grade.NOT_COMPLETED),
        ("Không hoàn thành", Grade.NOT_COMPLETED),
        ("Hoàn thành", Grade.COMPLETED),
        ("Well completed duties", Grade.GOOD),
        (Grade.GOOD, Grade.GOOD),
    ],
)
def test_a_grade_is_read_from_its_name_or_a_label(text, grade):
    assert Grade.parse(text) is grade


@pytest.mark.parametrize("grade", list(Grade))
def test_a_label_in_decomposed_unicode_is_read_like_the_composed_one(grade):
    nfd = unicodedata.normalize("NFD", grade.label_vi)
    assert nfd != grade.label_vi
    assert Grade.parse(nfd) is grade
    assert Grade.parse(nfd.upper()) is grade


@pytest.mark.parametrize("bad", ["Khá", "", "xuất sắc", None, 3, True])
def test_anything_else_is_a_clear_error_naming_the_field(bad):
    with pytest.raises(InvalidInputError) as caught:
        Grade.parse(bad, "published_grade")
    message = str(caught.value)
    assert message.startswith("published_grade must be a grade name (EXCELLENT, GOOD,")
    assert "Hoàn thành tốt nhiệm vụ" in message
    assert message.endswith(f"(got {bad!r})" if isinstance(bad, str) else f"(got {bad})")


def test_only_the_published_grades_the_rulebook_does_not_give_are_returned():
    pairs = [
        (Assessment(head("Sở Nội vụ"), 2019, "91.2"), "Hoàn thành xuất sắc nhiệm vụ"),
        (Assessment(head(), 2019, "89.95"), Grade.EXCELLENT),
        (Assessment(head("Sở Y tế"), 2019, 95, [Finding("chậm")]), "EXCELLENT"),
    ]
    found = check_published_grades(pairs)
    assert [d.assessment for d in found] == [pairs[1][0], pairs[2][0]]
    assert [(d.published, d.expected) for d in found] == [
        (Grade.EXCELLENT, Grade.GOOD),
        (Grade.EXCELLENT, Grade.GOOD),
    ]
    # the oracle: the verdict is the one grade_head gives
    assert all(d.verdict == grade_head(d.assessment) for d in found)
    assert isinstance(found[0], GradeDiscrepancy)


def test_a_discrepancy_says_both_grades_and_why():
    (d,) = check_published_grades([(Assessment(head(), 2019, "89.95"), "EXCELLENT")])
    assert str(d) == (
        "Sở Tư pháp (Giám đốc, 2019): published EXCELLENT, hai-phong-30-2018 gives GOOD "
        "(base grade: index_score 89.95 → GOOD; final grade: GOOD)"
    )
    assert d.message() == d.message("vi")  # Vietnamese unless English is asked for
    assert d.message("en") == str(d)
    with pytest.raises(InvalidInputError, match="lang must be one of"):
        d.message("fr")
    assert d.message("vi").startswith(
        "Sở Tư pháp (Giám đốc, 2019): công bố Hoàn thành xuất sắc nhiệm vụ, theo "
        "hai-phong-30-2018 là Hoàn thành tốt nhiệm vụ (xếp loại theo chỉ số:"
    )
    data = d.to_dict()
    assert (data["published_grade"], data["grade"]) == ("EXCELLENT", "GOOD")
    json.dumps(data)


def test_a_brief_trace_names_findings_and_mitigation():
    from cchc_rules import MitigationGrounds

    verdict = grade_head(
        Assessment(
            head(),
            2019,
            95,
            [Finding("a"), Finding("b", MitigationGrounds(objective_cause="bão"))],
        )
    )
    brief = verdict.brief("en")
    assert brief.count("finding: findings[") == 2
    assert "mitigation: " in brief
    assert brief.endswith(f"final grade: {verdict.grade.name}")
    assert "giảm nhẹ: " in verdict.brief("vi")


@pytest.mark.parametrize(
    ("pairs", "field", "error"),
    [
        ([("x", "GOOD")], "pairs[0][0]", InvalidTypeError),
        ([(Assessment(head(), 2019, 90),)], "pairs[0]", InvalidTypeError),
        ([(Assessment(head(), 2019, 90), "tốt")], "pairs[0][1]", InvalidInputError),
        (None, "pairs", InvalidTypeError),
    ],
)
def test_bad_pairs_are_named(pairs, field, error):
    with pytest.raises(error, match=field.replace("[", r"\[")):
        check_published_grades(pairs)


def test_the_example_file_reads_into_pairs_and_one_grade_differs():
    pairs = read_published_grades(EXAMPLE)
    assert len(pairs) == 3
    (d,) = check_published_grades(pairs)
    assert d.assessment.head.unit.name == "Sở Tư pháp"


def test_reading_reports_every_bad_row(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        "unit,kind,parent,head,year,index_score,published_grade\n"
        "A,DEPARTMENT,,h,2019,90,Khá\n"
        "B,DEPARTMENT,,h,2019,900,GOOD\n"
        "C,DEPARTMENT,,h,2019,90,\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInputError) as caught:
        read_published_grades(path)
    lines = str(caught.value).splitlines()
    assert lines[0].endswith("has 3 problems:")
    assert lines[1].startswith("  row 2, published_grade: published_grade must be a grade name")
    assert lines[2].startswith("  row 3, index_score:")
    assert lines[3].startswith("  row 4, published_grade:")
    assert lines[3].endswith("(got '')")


# -- the command ----------------------------------------------------------------------


def test_check_grades_exits_1_and_shows_the_mismatch_with_its_reason(capsys):
    status, out, err = run(capsys, "check-grades", EXAMPLE, "--lang", "en")
    assert status == 1
    lines = out.splitlines()
    assert lines[0].split() == [
        "row",
        "unit",
        "head",
        "year",
        "index",
        "published",
        "rulebook",
        "gives",
        "why",
    ]
    assert lines[2].startswith("row 3  Sở Tư pháp")
    assert "Excellently completed duties  Well completed duties" in lines[2]
    assert lines[2].endswith("base grade: index_score 89.95 → GOOD; final grade: GOOD")
    assert "1 of 3 published grades differ from the rulebook" in out
    assert err == ""


def test_check_grades_exits_0_when_every_grade_follows(capsys, tmp_path):
    path = tmp_path / "ok.json"
    path.write_text(
        json.dumps(
            [
                {
                    "unit": "Sở Nội vụ", "kind": "DEPARTMENT", "parent": None, "head": "h",
                    "year": 2019, "index_score": 91, "published_grade": "EXCELLENT",
                }
            ]
        ),
        encoding="utf-8",
    )  # fmt: skip
    status, out, _ = run(capsys, "check-grades", str(path))
    assert status == 0
    assert out.startswith("cả 1 mức xếp loại đã công bố đều đúng theo quy định")
    status, out, _ = run(capsys, "check-grades", str(path), "--format", "json")
    assert (status, json.loads(out)) == (0, [])


def test_check_grades_json_and_csv(capsys):
    status, out, _ = run(capsys, "check-grades", EXAMPLE, "--format", "json")
    (item,) = json.loads(out)
    assert status == 1
    assert (item["row"], item["published_grade"], item["grade"]) == ("row 3", "EXCELLENT", "GOOD")
    assert item["trace"][-1]["rule"] == "final_grade"
    status, out, _ = run(capsys, "check-grades", EXAMPLE, "--format", "csv")
    lines = out.splitlines()
    assert lines[0].startswith("row,unit,kind,parent,head,year,index_score,published_grade,grade")
    assert lines[1].startswith("row 3,Sở Tư pháp,DEPARTMENT,,Giám đốc Sở Tư pháp,2019,89.95,")
    assert len(lines) == 2


def test_check_grades_rejects_bad_rows_with_exit_1(capsys, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        "unit,kind,parent,head,year,index_score,published_grade\n"
        "A,DEPARTMENT,,h,2019,95,EXCELLENT\n"
        "B,DEPARTMENT,,h,2019,95,Khá\n",
        encoding="utf-8",
    )
    status, out, err = run(capsys, "check-grades", str(path), "--lang", "en")
    assert status == 1
    assert "all 1 published grades follow" in out
    assert "row 3, published_grade: published_grade must be a grade name" in err
    assert "1 of 2 rows rejected" in err


def test_check_grades_needs_the_published_column(capsys):
    status, out, err = run(
        capsys, "check-grades", "docs/examples/haiphong_2019.csv", "--lang", "en"
    )
    assert (status, out) == (2, "")
    assert "missing published_grade" in err


def test_errors_are_cchc_errors():
    assert issubclass(InvalidInputError, CchcError)


def test_a_discrepancy_in_vietnamese_is_exact():
    (d,) = check_published_grades([(Assessment(head(), 2019, "89.95"), "EXCELLENT")])
    assert d.message("vi") == (
        "Sở Tư pháp (Giám đốc, 2019): công bố Hoàn thành xuất sắc nhiệm vụ, theo "
        "hai-phong-30-2018 là Hoàn thành tốt nhiệm vụ "
        "(xếp loại theo chỉ số: index_score 89.95 → GOOD; kết quả: GOOD)"
    )


def test_the_published_grades_are_checked_against_the_rulebook_given():
    lenient = DECISION_30_2018.with_bands(89, 80, 70)
    pairs = [(Assessment(head(), 2019, "89.95"), "EXCELLENT")]
    assert check_published_grades(pairs, lenient) == ()
    (d,) = check_published_grades([(Assessment(head(), 2019, "89.95"), "GOOD")], lenient)
    assert (d.published, d.expected) == (Grade.GOOD, Grade.EXCELLENT)
    assert str(d) == (
        "Sở Tư pháp (Giám đốc, 2019): published GOOD, hai-phong-30-2018 gives EXCELLENT "
        "(base grade: index_score 89.95 → EXCELLENT; final grade: EXCELLENT)"
    )
    assert d.to_dict()["brief"] == (  # the JSON in English, whatever the default language
        "base grade: index_score 89.95 → EXCELLENT; final grade: EXCELLENT"
    )


@pytest.mark.parametrize(
    ("pairs", "english", "vietnamese"),
    [
        (5, "pairs must be a list (got int 5)", "pairs phải là một danh sách (nhận được int 5)"),
        (
            [(Assessment(head(), 2019, 90), "GOOD"), (1, 2, 3)],
            "pairs[1] must be an (Assessment, published grade) pair (got tuple (1, 2, 3))",
            "pairs[1] phải là một cặp (Assessment, mức xếp loại đã công bố) "
            "(nhận được tuple (1, 2, 3))",
        ),
        (
            [("x", "GOOD")],
            "pairs[0][0] must be an Assessment (got str 'x')",
            "pairs[0][0] phải là một Assessment (nhận được str 'x')",
        ),
    ],
)
def test_bad_pairs_are_told_exactly_in_both_languages(pairs, english, vietnamese):
    with pytest.raises(InvalidTypeError) as caught:
        check_published_grades(pairs)
    assert str(caught.value) == english
    assert caught.value.localized("vi") == vietnamese


def test_the_check_stays_importable_from_the_grading_module():
    from cchc_rules import grading, published_grades

    assert grading.check_published_grades is published_grades.check_published_grades
    assert grading.GradeDiscrepancy is published_grades.GradeDiscrepancy is GradeDiscrepancy
    from cchc_rules.grading import check_published_grades as again

    assert again is check_published_grades
    with pytest.raises(AttributeError) as caught:
        grading.no_such_name  # noqa: B018
    assert str(caught.value) == "module 'cchc_rules.grading' has no attribute 'no_such_name'"
    assert not hasattr(grading, "published_grades_check")
