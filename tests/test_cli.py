"""The command line through its real entry point: exit statuses, first lines,
one-line errors, never a traceback."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cchc_rules import DECISION_30_2018
from cchc_rules._commands import COMMANDS
from cchc_rules._console import EXIT_INTERNAL
from tests._shared import ASSESSMENT_HEADER, deep_json, run


def test_notice_prints_the_iso_date_first(capsys):
    status, out, err = run(capsys, "notice", "2019-06-03")
    assert status == 0
    assert out.splitlines()[0] == "2019-05-24"
    assert err == ""


def test_notice_with_days(capsys):
    status, out, _ = run(capsys, "notice", "2019-05-08", "--days", "3")
    assert (status, out.splitlines()[0]) == (0, "2019-05-03")


@pytest.mark.parametrize(
    ("argv", "bad"),
    [
        (["notice", "2019-13-03"], "2019-13-03"),
        (["notice", "03/06/2019"], "03/06/2019"),
        (["notice", "2019-06-03", "--days", "-1"], "-1"),
        (["notice", "2019-06-03", "--days", "five"], "five"),
        (["notice", "2035-06-04"], "2035-06-04"),
        (["frobnicate"], "frobnicate"),
    ],
)
def test_bad_arguments_exit_2_with_one_line_naming_the_value(capsys, argv, bad):
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert bad in err
    assert "Traceback" not in err


def test_demo_tells_the_2019_plan_in_one_language(capsys):
    status, out, _ = run(capsys, "demo")
    assert status == 0
    assert "Thời gian: 01/06/2019 – 31/12/2019" in out
    assert "T7 04/05/2019  làm bù" in out
    assert "T2 03/06/2019  T6 24/05/2019" in out
    assert "Tìm thấy 1 chỗ không khớp:" in out
    assert "Window:" not in out
    status, out, _ = run(capsys, "demo", "--lang", "en")
    assert status == 0
    assert "Window: 01/06/2019 – 31/12/2019" in out
    assert "Sat 04/05/2019  worked" in out
    assert "Mon 03/06/2019  Fri 24/05/2019" in out
    assert "1 discrepancy found:" in out
    assert "làm bù" not in out


def test_console_script_runs_without_traceback():
    proc = subprocess.run(
        [sys.executable, "-m", "cchc_rules.cli", "notice", "not-a-date"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert proc.returncode == 2
    assert "not-a-date" in proc.stderr
    assert "Traceback" not in proc.stderr


EXAMPLES = Path(__file__).resolve().parents[1] / "docs/examples"


def test_grade_json_one_object_per_row_in_order(capsys, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(
        "unit,kind,parent,head,year,index_score\n"
        "Sở A,DEPARTMENT,,A,2019,95\nSở B,DEPARTMENT,,B,2019,120\nSở C,DEPARTMENT,,C,2019,75\n",
        encoding="utf-8",
    )
    status, out, err = run(capsys, "grade", str(path), "--format", "json", "--lang", "en")
    data = json.loads(out)
    assert status == 1
    assert [d.get("grade") for d in data] == ["EXCELLENT", None, "COMPLETED"]
    assert data[1]["rejected"] is True
    assert "row 3, index_score: index_score must be between 0 and 100 (got '120')" in err
    assert "1 of 3 rows rejected" in err
    assert "Traceback" not in err
    # the same run in Vietnamese, the default: the same problem, said in Vietnamese
    status, _, err = run(capsys, "grade", str(path), "--format", "json")
    assert status == 1
    assert err.splitlines() == [
        "cchc-rules: dòng 3, index_score: index_score phải nằm trong khoảng từ 0 đến 100 "
        "(nhận được '120')",
        "cchc-rules: 1 trong 3 dòng bị loại",
    ]


def test_grade_table_and_csv_and_rulebook(capsys):
    status, out, _ = run(capsys, "grade", str(EXAMPLES / "haiphong_2019.csv"), "--lang", "en")
    assert status == 0
    assert "NOTE: these grades use unverified parameters" in out
    assert out.splitlines()[0].split() == [
        "#", "unit", "head", "year", "index", "base", "grade", "findings", "grade",
    ]  # fmt: skip
    status, out, _ = run(capsys, "grade", str(EXAMPLES / "haiphong_2019.csv"))
    assert "LƯU Ý: các kết quả xếp loại này dùng tham số chưa được xác minh" in out
    assert "người đứng đầu" in out.splitlines()[0]
    status, out, _ = run(capsys, "grade", str(EXAMPLES / "haiphong_2019.csv"), "--format", "csv")
    assert out.splitlines()[1].startswith("Sở Nội vụ,DEPARTMENT,,")
    status, out, _ = run(
        capsys, "grade", str(EXAMPLES / "haiphong_2019.csv"), "--format", "json",
        "--rulebook", str(EXAMPLES / "quang_ngai_2018.toml"),
    )  # fmt: skip
    assert {d["rulebook"] for d in json.loads(out)} == {"quang-ngai-2018"}
    assert json.loads(out)[4]["grade"] == "COMPLETED"  # 69.99 >= 50 in Quảng Ngãi


def test_explain_prints_the_trace(capsys):
    status, out, _ = run(capsys, "explain", str(EXAMPLES / "haiphong_2019.csv"), "--lang", "en")
    assert status == 0
    assert "Base grade from the CCHC index: index_score = 91.20" in out


def test_check_report_seed_004(capsys, tmp_path):
    path = tmp_path / "r.json"
    path.write_text(
        json.dumps({"assigned": 287, "completed": 256, "on_time": 203, "late": 53,
                    "in_progress": 31, "completed_pct": "89,2", "on_time_pct": "70,7",
                    "late_pct": "18,4"}),
        encoding="utf-8",
    )  # fmt: skip
    status, out, _ = run(capsys, "check-report", str(path))
    assert status == 1
    assert out.count("\n") == 1
    assert "18,5%" in out
    status, out, _ = run(capsys, "check-report", str(path), "--format", "json")
    assert json.loads(out)[0]["field"] == "late_pct"
    path.write_text('{"assigned": 10, "completed": 5, "completed_pct": "50"}', encoding="utf-8")
    assert run(capsys, "check-report", str(path))[0] == 0


def test_check_report_bad_input_exits_2(capsys, tmp_path):
    path = tmp_path / "r.json"
    path.write_text('{"assigned": "many"}', encoding="utf-8")
    status, _, err = run(capsys, "check-report", str(path))
    assert status == 2
    assert "assigned" in err
    assert "'many'" in err


def test_missing_file_exits_2(capsys, tmp_path):
    status, _, err = run(capsys, "grade", str(tmp_path / "nope.csv"))
    assert status == 2
    assert "nope.csv" in err


def test_calendar_lists_named_days(capsys):
    status, out, _ = run(capsys, "calendar", "2019", "--lang", "en")
    assert status == 0
    assert "2019-05-04  Sat  working" in out
    status, out, _ = run(capsys, "calendar", "2019")
    assert "2019-05-04  T7  làm việc" in out
    assert "2019-09-02  T2  nghỉ" in out
    assert run(capsys, "calendar", "2040")[0] == 2


def test_output_is_written_atomically_and_never_over_the_input(capsys, tmp_path):
    target = tmp_path / "out.json"
    status, out, _ = run(
        capsys, "grade", str(EXAMPLES / "haiphong_2019.csv"), "--format", "json",
        "--output", str(target),
    )  # fmt: skip
    assert (status, out) == (0, "")
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 5
    copy = tmp_path / "in.csv"
    copy.write_text((EXAMPLES / "haiphong_2019.csv").read_text(encoding="utf-8"), encoding="utf-8")
    before = copy.read_text(encoding="utf-8")
    status, _, err = run(capsys, "grade", str(copy), "--output", str(copy), "--lang", "en")
    assert status == 2
    assert "would overwrite the input" in err
    status, _, err = run(capsys, "grade", str(copy), "--output", str(copy))
    assert status == 2
    assert "sẽ ghi đè lên tệp đầu vào" in err
    assert copy.read_text(encoding="utf-8") == before


def test_tally_command(capsys):
    status, out, _ = run(
        capsys, "tally", str(EXAMPLES / "tasks_2019.csv"), "--as-of", "10/5/2019", "--by", "unit"
    )
    assert status == 0
    assert "Sở Nội vụ" in out
    assert "50.0%" in out
    status, out, _ = run(
        capsys, "tally", str(EXAMPLES / "tasks_2019.csv"), "--as-of", "2019-05-10",
        "--format", "csv",
    )  # fmt: skip
    assert out.splitlines()[1].startswith("all,4,2,1,1,0,2")


def test_tally_rejects_impossible_as_of(capsys):
    status, _, err = run(capsys, "tally", str(EXAMPLES / "tasks_2019.csv"), "--as-of", "31/2/2019")
    assert status == 2
    assert "31/2/2019" in err


def test_an_internal_bug_is_one_line_not_a_traceback(capsys, monkeypatch):
    def broken(_args, _out):
        raise KeyError("boom")

    monkeypatch.setitem(COMMANDS, "demo", broken)
    status, _, err = run(capsys, "demo", "--lang", "en")
    assert status == EXIT_INTERNAL
    assert "internal error (KeyError: 'boom')" in err
    assert "Traceback" not in err
    status, _, err = run(capsys, "demo")
    assert status == EXIT_INTERNAL
    assert err.startswith("cchc-rules: lỗi nội bộ (KeyError: 'boom')")


def test_a_row_the_rulebook_does_not_cover_is_rejected_and_the_rest_graded(capsys, tmp_path):
    book = json.loads(DECISION_30_2018.to_json())
    book["grade_bands"][0]["valid_from"] = "2020-01-01"
    rulebook = tmp_path / "from_2020.json"
    rulebook.write_text(json.dumps(book), encoding="utf-8")
    path = tmp_path / "rows.csv"
    path.write_text(
        "unit,kind,parent,head,year,index_score\n"
        "Sở A,DEPARTMENT,,A,2020,95\nSở B,DEPARTMENT,,B,2019,80\nSở C,DEPARTMENT,,C,2021,75\n",
        encoding="utf-8",
    )
    argv = ("grade", str(path), "--rulebook", str(rulebook), "--format", "json", "--lang", "en")
    status, out, err = run(capsys, *argv)
    assert status == 1
    assert [d.get("grade") for d in json.loads(out)] == ["EXCELLENT", None, "COMPLETED"]
    assert err.splitlines() == [
        "cchc-rules: row 3, year: hai-phong-30-2018 does not cover the year 2019: grade_bands "
        "has no value in force on 2019-12-31 (first value from 2020-01-01)",
        "cchc-rules: 1 of 3 rows rejected",
    ]


# -- hostile files: exit 2, never 70 --------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deep.json", deep_json(100_000)),
        ("big.json", '[{"year": ' + "9" * 5000 + "}]"),
        ("cell.csv", ASSESSMENT_HEADER + "x" * 140_000 + "\n"),
        ("deep.csv", ASSESSMENT_HEADER + f'S,DEPARTMENT,,A,2019,90,"{deep_json(50_000)}"\n'),
    ],
)
def test_cli_exits_2_on_hostile_files(tmp_path, capsys, name, text):
    file = tmp_path / name
    file.write_text(text)
    status, _, err = run(capsys, "grade", str(file), "--lang", "en")
    assert status in (1, 2)
    assert "internal error" not in err


def test_cli_grade_dev_zero_stops_with_a_clear_error(capsys):
    status, _, err = run(capsys, "grade", "/dev/zero", "--max-input-mb", "1", "--lang", "en")
    assert status == 2
    assert "larger than 1 MiB" in err
