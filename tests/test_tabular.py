"""CSV output that spreadsheets open right and never run: formula cells escaped,
numbers kept, booleans as true/false, the Excel styles (no optional extra needed)."""

import csv
import io
from decimal import Decimal

import pytest

from cchc_rules import InvalidInputError
from cchc_rules._tabular import cell_text, to_csv
from tests._shared import run


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+84", "'+84"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rCR", "'\rCR"),
        ("Sở Nội vụ", "Sở Nội vụ"),
        ("a=b", "a=b"),
        (-3, "-3"),
        (Decimal("-1.5"), "-1.5"),
        (True, "true"),
        (False, "false"),
        (None, ""),
    ],
)
def test_a_cell_is_never_a_live_formula_and_numbers_stay_numbers(value, text):
    assert cell_text(value) == text


def test_the_excel_styles():
    rows = [["Sở Y tế", Decimal("89.95"), 3, False]]
    plain = to_csv(["unit", "score", "n", "ok"], rows)
    assert plain == "unit,score,n,ok\nSở Y tế,89.95,3,false\n"
    excel = to_csv(["unit", "score", "n", "ok"], rows, "excel")
    assert excel == "\ufeffunit,score,n,ok\r\nSở Y tế,89.95,3,false\r\n"
    vi = to_csv(["unit", "score", "n", "ok"], rows, "excel-vi")
    assert vi == "\ufeffunit;score;n;ok\r\nSở Y tế;89,95;3;false\r\n"
    with pytest.raises(InvalidInputError, match="style must be one of plain, excel, excel-vi"):
        to_csv(["a"], [], "tsv")


def test_grade_csv_escapes_a_formula_unit_and_writes_booleans_lowercase(capsys, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        "unit,kind,parent,head,year,index_score\n"
        '"=HYPERLINK(""http://evil"",""x"")",DEPARTMENT,,-Giám đốc,2019,89.95\n',
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "grade", str(path), "--format", "csv")
    assert status == 0
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["unit"] == '\'=HYPERLINK("http://evil","x")'
    assert row["head"] == "'-Giám đốc"
    assert row["index_score"] == "89.95"
    assert row["mitigated"] == "false"


def test_grade_csv_for_vietnamese_excel(capsys):
    status, out, _ = run(
        capsys, "grade", "docs/examples/haiphong_2019.csv", "--format", "csv",
        "--csv-style", "excel-vi",
    )  # fmt: skip
    assert status == 0
    assert out.startswith("\ufeffunit;kind;parent;head;year;index_score;")
    assert "Sở Nội vụ;DEPARTMENT;;Giám đốc Sở Nội vụ;2019;91,20;0;" in out
    assert "\r\n" in out


def test_check_grades_and_tally_csv_take_the_style(capsys):
    status, out, _ = run(
        capsys, "check-grades", "docs/examples/published_2019.csv", "--format", "csv",
        "--csv-style", "excel",
    )  # fmt: skip
    assert status == 1
    assert out.startswith("\ufeffrow,unit,")
    status, out, _ = run(
        capsys, "tally", "docs/examples/tasks_2019.csv", "--as-of", "2019-05-10",
        "--format", "csv", "--csv-style", "excel-vi",
    )  # fmt: skip
    assert out.splitlines()[1] == "all;4;2;1;1;0;2;50,0;25,0;25,0;0,0;50,0"


def test_xlsx_needs_an_output_file(capsys):
    pytest.importorskip("openpyxl")
    status, out, err = run(capsys, "grade", "docs/examples/haiphong_2019.csv", "--format", "xlsx",
                           "--lang", "en")  # fmt: skip
    assert (status, out) == (2, "")
    assert "--format xlsx needs --output FILE.xlsx" in err
