"""cchc_rules.io._assessments: assessment rows from CSV and JSON files, every bad
row reported with its location."""

import json
from datetime import date
from decimal import Decimal

import pytest

from cchc_rules import Grade, InvalidInputError, grade_head
from cchc_rules.io import assessment_to_dict, parse_assessment_rows, read_assessments, read_tasks
from tests._shared import ROOT, problems_reported

EXAMPLE = ROOT / "docs/examples/haiphong_2019.csv"


def test_reads_the_example_csv():
    assessments = read_assessments(EXAMPLE)
    assert len(assessments) == 5
    sub = assessments[3]
    assert sub.head.unit.parent.name == "UBND quận Hồng Bàng"
    assert sub.head.unit.parent.kind.name == "DISTRICT"
    assert assessments[0].index_score == Decimal("91.20")


def test_csv_with_bom_and_crlf_as_excel_writes_it(tmp_path):
    path = tmp_path / "excel.csv"
    header = "\ufeffunit,kind,parent,head,year,index_score\r\n"
    path.write_bytes((header + "Sở Tư pháp,DEPARTMENT,,A,2019,80\r\n").encode())
    (a,) = read_assessments(path)
    assert a.head.unit.name == "Sở Tư pháp"


def test_csv_separated_by_semicolons_with_decimal_commas(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes(
        "unit;kind;parent;head;year;index_score\r\n"
        "Sở Nội vụ;DEPARTMENT;;Giám đốc;2019;91,2\r\n"
        '"UBND quận Lê Chân; Hải Phòng";DISTRICT;;Chủ tịch;2019;79,99\r\n'.encode("utf-8-sig")
    )
    found = read_assessments(path)
    assert [(a.head.unit.name, a.index_score) for a in found] == [
        ("Sở Nội vụ", Decimal("91.2")),
        ("UBND quận Lê Chân; Hải Phòng", Decimal("79.99")),
    ]
    tabs = tmp_path / "tasks.csv"
    tabs.write_text("title\tdue\nBáo cáo quý\t1/6/2019\n", encoding="utf-8")
    assert read_tasks(tabs)[0].due == date(2019, 6, 1)


def test_every_bad_row_is_reported_at_once(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "unit,kind,parent,head,year,index_score\n"
        "Sở A,DEPARTMENT,,A,2019,80\n"
        "Sở B,DEPARTMENT,,B,2019,191.5\n"
        ",DEPARTMENT,,C,2019,80\n"
        "Phường D,COMMUNE,,D,2019,80\n"
        "Sở E,DEPARTMENT,,E,2019,80,extra\n",
        encoding="utf-8",
    )
    located, text = problems_reported(read_assessments, path)
    assert located == [
        ("row 3", "index_score"),
        ("row 4", "unit"),
        ("row 5", "parent"),
        ("row 6", ""),
    ]
    assert "index_score must be between 0 and 100 (got '191.5')" in text
    assert "has more cells than the header" in text


def test_missing_header_is_a_clear_error(tmp_path):
    path = tmp_path / "h.csv"
    path.write_text("unit,kind,head,year\nA,DEPARTMENT,B,2019\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="missing parent, index_score"):
        read_assessments(path)


def test_json_with_findings_and_strict_booleans(tmp_path):
    rows = [
        {"unit": "Sở A", "kind": "DEPARTMENT", "parent": None, "head": "A", "year": 2019,
         "index_score": "92", "findings": [{"description": "chậm",
                                            "mitigation": {"objective_cause": "bão"}}]},
        {"unit": "Sở B", "kind": "DEPARTMENT", "parent": "", "head": "B", "year": 2019,
         "index_score": 85, "findings": [{"description": "x",
                                          "mitigation": {"directed": "yes", "colour": 1}}]},
    ]  # fmt: skip
    path = tmp_path / "a.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        read_assessments(path)
    text = str(caught.value)
    assert "$[1].findings[0].mitigation.directed: must be true or false (got 'yes')" in text
    assert "$[1].findings[0].mitigation: unknown fields ['colour']" in text
    assert "$[0]" not in text
    parsed = parse_assessment_rows(rows[:1], ["$[0]"])
    assert grade_head(parsed.assessments[0]).grade is Grade.EXCELLENT  # mitigated


def test_csv_findings_cell_holds_json(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text(
        "unit,kind,parent,head,year,index_score,findings\n"
        'Sở A,DEPARTMENT,,A,2019,92,"[{""description"": ""chậm""}]"\n'
        "Sở B,DEPARTMENT,,B,2019,92,not json\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInputError, match=r"row 3.findings: must be a JSON list"):
        read_assessments(path)


@pytest.mark.parametrize(
    ("content", "match"),
    [(b"\xc3\x28 bad", "is not UTF-8"), (b"{", "is not valid JSON"), (b'{"a": 1}', "JSON list")],
)
def test_unreadable_files(tmp_path, content, match):
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(InvalidInputError, match=match):
        read_assessments(path)
    with pytest.raises(InvalidInputError, match="cannot read"):
        read_assessments(tmp_path / "missing.csv")


def test_assessment_round_trip_through_json():
    for a in read_assessments(EXAMPLE):
        row = json.loads(json.dumps(assessment_to_dict(a), ensure_ascii=False))
        parsed = parse_assessment_rows([row], ["$[0]"])
        assert parsed.assessments == (a,)
