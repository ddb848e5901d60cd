""".xlsx in and out (skipped without the ``excel`` extra, except the message saying
it is missing)."""

import datetime as dt
import sys

import pytest

from cchc_rules import CchcError, InvalidInputError
from cchc_rules.io import read_assessments, read_tasks
from tests._shared import run


def test_without_openpyxl_the_error_says_how_to_install_it(monkeypatch, tmp_path):
    from cchc_rules import excel

    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if it were not installed
    with pytest.raises(CchcError, match=r"pip install 'cchc-rules\[excel\]'"):
        excel.to_xlsx(["a"], [])
    path = tmp_path / "t.xlsx"
    path.write_bytes(b"x")
    with pytest.raises(CchcError, match=r"pip install 'cchc-rules\[excel\]'"):
        read_assessments(path)


def workbook(path, rows):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


ASSESSMENTS = [
    ["Đơn vị", "Loại", "Đơn vị cấp trên", "Người đứng đầu", "Năm", "Điểm chỉ số",
     "Xếp loại"],
    ["Sở Nội vụ", "Sở", None, "Giám đốc Sở Nội vụ", 2019, 91.2,
     "Hoàn thành xuất sắc nhiệm vụ"],
    ["Sở Tư pháp", "Sở", None, "Giám đốc Sở Tư pháp", 2019, 89.95,
     "Hoàn thành xuất sắc nhiệm vụ"],
    [None, None, None, None, None, None, None],
    ["UBND huyện An Lão", "UBND huyện", None, "Chủ tịch", 2019, 70, "Hoàn thành nhiệm vụ"],
    [None, None, None, None, None, None, None],
]  # fmt: skip


def test_an_xlsx_table_with_vietnamese_headers_is_read_like_a_csv(tmp_path):
    path = workbook(tmp_path / "t.xlsx", [row[:-1] for row in ASSESSMENTS])
    found = read_assessments(path)
    assert [(a.head.unit.name, str(a.index_score)) for a in found] == [
        ("Sở Nội vụ", "91.2"),
        ("Sở Tư pháp", "89.95"),
        ("UBND huyện An Lão", "70"),
    ]


def test_check_grades_reads_xlsx_and_writes_xlsx(tmp_path, capsys):
    openpyxl = pytest.importorskip("openpyxl")
    path = workbook(tmp_path / "t.xlsx", ASSESSMENTS)
    status, out, _ = run(capsys, "check-grades", str(path), "--format", "json")
    assert status == 1
    assert '"row": "row 3"' in out
    target = tmp_path / "found.xlsx"
    status, out, _ = run(
        capsys, "check-grades", str(path), "--format", "xlsx", "--output", str(target)
    )
    assert (status, out) == (1, "")
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("row", "unit", "kind")
    assert rows[1][:2] == ("row 3", "Sở Tư pháp")
    assert rows[1][6] == 89.95


def test_the_xlsx_round_trip_keeps_text_and_numbers_and_never_makes_a_formula(tmp_path, capsys):
    openpyxl = pytest.importorskip("openpyxl")
    source = tmp_path / "in.csv"
    source.write_text(
        "unit,kind,parent,head,year,index_score\n"
        '=HYPERLINK("http://evil"),DEPARTMENT,,Giám đốc,2019,89.95\n'
        "Sở Y tế,DEPARTMENT,,Nguyễn Thị Ánh Tuyết,2019,100\n",
        encoding="utf-8",
    )
    target = tmp_path / "out.xlsx"
    status, _, _ = run(capsys, "grade", str(source), "--format", "xlsx", "--output", str(target))
    assert status == 0
    sheet = openpyxl.load_workbook(target).active
    header = [c.value for c in sheet[1]]
    first = dict(zip(header, sheet[2], strict=True))
    assert first["unit"].value == '=HYPERLINK("http://evil")'
    assert first["unit"].data_type == "s"
    assert first["index_score"].value == 89.95
    assert first["mitigated"].value is False
    second = {h: c.value for h, c in zip(header, sheet[3], strict=True)}
    assert (second["head"], second["index_score"], second["year"]) == (
        "Nguyễn Thị Ánh Tuyết",
        100,
        2019,
    )
    # and the sheet reads back as input (the columns it does not know are reported)
    with pytest.raises(InvalidInputError, match="unknown fields"):
        read_assessments(target)


def test_tasks_with_date_cells_are_read_and_tallied_to_xlsx(tmp_path, capsys):
    openpyxl = pytest.importorskip("openpyxl")
    path = workbook(
        tmp_path / "tasks.xlsx",
        [
            ["Nhiệm vụ", "Thời hạn", "Ngày hoàn thành", "Đơn vị", "Loại"],
            ["a", dt.datetime(2019, 5, 2), dt.datetime(2019, 5, 2), "Sở Nội vụ", "Sở"],
            ["b", dt.date(2019, 5, 3), None, "Sở Nội vụ", "Sở"],
        ],
    )
    tasks = read_tasks(path)
    assert tasks[0].due == dt.date(2019, 5, 2)
    target = tmp_path / "tally.xlsx"
    status, _, _ = run(
        capsys, "tally", str(path), "--as-of", "2019-05-10", "--by", "unit",
        "--format", "xlsx", "--output", str(target),
    )  # fmt: skip
    assert status == 0
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("unit", "kind", "parent", "assigned")
    assert rows[1][:5] == ("Sở Nội vụ", "DEPARTMENT", None, 2, 1)


def test_a_file_that_is_not_a_workbook_is_a_clear_error(tmp_path, capsys):
    pytest.importorskip("openpyxl")
    path = tmp_path / "t.xlsx"
    path.write_bytes(b"not a zip")
    status, _, err = run(capsys, "grade", str(path), "--lang", "en")
    assert status == 2
    assert "is not an .xlsx workbook" in err
    status, _, err = run(capsys, "grade", str(tmp_path / "missing.xlsx"), "--lang", "en")
    assert status == 2
    assert "No such file" in err


def test_a_workbook_over_the_input_limit_is_refused(tmp_path, monkeypatch):
    from cchc_rules.io import LIMITS

    path = workbook(tmp_path / "t.xlsx", ASSESSMENTS)
    monkeypatch.setattr(LIMITS, "input_bytes", 100)
    with pytest.raises(InvalidInputError, match="--max-input-mb"):
        read_assessments(path)
