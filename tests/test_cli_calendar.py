"""The command line and the calendar the library owns: --calendar-changes on every
command that uses the calendar, the provisional note, and the month grids."""

import re
from pathlib import Path

import pytest

from tests._shared import run

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"
NOTE_EN = "NOTE: this result uses provisional days (after 31/12/2026)"
NOTE_VI = "LƯU Ý: kết quả này dùng ngày tạm tính (sau 31/12/2026)"


@pytest.fixture
def changes(tmp_path):
    path = tmp_path / "changes.csv"
    path.write_text(
        "day,status,name,instrument\n"
        "2027-02-26,off,Nghỉ (ví dụ),Công văn ví dụ\n"
        "2031-01-02,off,Nghỉ (ví dụ),Công văn ví dụ\n",
        encoding="utf-8",
    )
    return path


def test_notice_2026_uses_the_new_year_swap(capsys):
    status, out, err = run(capsys, "notice", "2026-01-12", "--lang", "en")
    assert (status, out.splitlines()[0], err) == (0, "2026-01-05", "")
    assert "NOTE" not in out


@pytest.mark.parametrize(("lang", "note"), [("en", NOTE_EN), ("vi", NOTE_VI)])
def test_notice_in_a_provisional_year_says_so(capsys, lang, note):
    status, out, err = run(capsys, "notice", "2027-03-01", "--lang", lang)
    assert (status, out.splitlines()[0], err) == (0, "2027-02-19", "")
    assert out.splitlines()[2].startswith(note)


def test_notice_with_calendar_changes_and_a_later_year(capsys, changes):
    status, out, _ = run(capsys, "notice", "2027-03-05", "--calendar-changes", str(changes))
    assert (status, out.splitlines()[0]) == (0, "2027-02-24")  # 26/2 is off in the file
    status, out, _ = run(capsys, "notice", "2027-03-05")
    assert out.splitlines()[0] == "2027-02-25"
    # the file's 2031 day widens the range: 2031 is answered (and provisional)
    status, out, _ = run(capsys, "notice", "2031-01-13", "--calendar-changes", str(changes))
    assert (status, out.splitlines()[0]) == (0, "2031-01-03")
    assert NOTE_VI in out


def test_a_bad_changes_file_is_located_and_refused(capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("day,status,name,instrument\n2027-02-30,off,x,CV\n", encoding="utf-8")
    status, out, err = run(
        capsys, "notice", "2027-03-05", "--calendar-changes", str(bad), "--lang", "en"
    )
    assert (status, out) == (2, "")
    assert "row 2, day" in err


def test_out_of_range_names_the_option(capsys):
    status, _, err = run(capsys, "notice", "2031-03-03", "--lang", "en")
    assert status == 2
    assert "--calendar-changes FILE" in err


def test_tally_with_calendar_changes_and_the_note(capsys, tmp_path, changes):
    tasks = tmp_path / "tasks.csv"
    tasks.write_text("title,due,completed\nA,2027-02-26,2027-03-01\n", encoding="utf-8")
    status, out, _ = run(capsys, "tally", str(tasks), "--as-of", "2027-03-10", "--lang", "en")
    assert status == 0
    assert "late" in out.splitlines()[0]
    assert NOTE_EN in out
    status, out, _ = run(
        capsys, "tally", str(tasks), "--as-of", "2027-03-10", "--calendar-changes", str(changes),
        "--format", "csv", "--lang", "en",
    )  # fmt: skip
    # 26/2 off: the deadline rolls to Mon 1/3, so the task is on time
    assert out.splitlines()[1].startswith("all,1,1,1,0,")
    status, out, err = run(
        capsys, "tally", str(tasks), "--as-of", "2027-03-10", "--format", "json"
    )
    assert NOTE_VI in err
    assert "LƯU Ý" not in out
    status, out, err = run(
        capsys, "tally", str(EXAMPLES / "tasks_2019.csv"), "--as-of", "2019-05-10"
    )
    assert "LƯU Ý" not in out + err


def test_calendar_lists_a_provisional_year_with_the_note(capsys, changes):
    status, out, _ = run(capsys, "calendar", "2027", "--lang", "en")
    assert status == 0
    assert "2027-02-08" in out
    assert NOTE_EN in out
    status, out, _ = run(capsys, "calendar", "2026", "--lang", "en")
    assert "2026-01-02" in out
    assert "2026-01-10" in out
    assert "NOTE" not in out
    assert re.search(r"2026-11-24 .* Vietnam Cultural Day +unverified$", out, re.M)
    assert re.search(r"2026-01-02 .* +verified$", out, re.M)
    status, out, _ = run(capsys, "calendar", "2027", "--calendar-changes", str(changes))
    assert "2027-02-26" in out
    assert "do người dùng cung cấp" in out  # the file's day: supplied by the user


def test_calendar_grid_marks_days_in_both_languages(capsys):
    status, out, _ = run(capsys, "calendar", "2026", "--grid", "--lang", "en")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["January", "2026", "February", "2026", "March", "2026"]
    assert lines[1].startswith("Mo  Tu  We  Th  Fr  Sa  Su")
    assert " 1*  2*  3   4" in lines[2]  # 1/1 holiday, 2/1 swapped off
    assert "10+" in lines[3]  # Saturday 10/1 worked
    assert "24?" in out  # 24/11/2026 off, unverified
    assert "+ make-up working day (a weekend day worked)" in out
    status, out, _ = run(capsys, "calendar", "2027", "--grid")
    assert out.splitlines()[0].split() == ["Tháng", "1/2027", "Tháng", "2/2027", "Tháng", "3/2027"]
    assert " 8?  9? 10?" in out  # Tết 2027, provisional
    assert "* ngày nghỉ (lễ, tết, nghỉ bù hoặc nghỉ hoán đổi)" in out
    assert NOTE_VI in out
