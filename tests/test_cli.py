"""The command line through its real entry point: exit statuses, first lines,
one-line errors, never a traceback."""

import subprocess
import sys

import pytest

from cchc_rules.cli import main


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


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


def test_demo_tells_the_2019_plan(capsys):
    status, out, _ = run(capsys, "demo")
    assert status == 0
    assert "01/06/2019 – 31/12/2019" in out
    assert "Sat 04/05/2019  làm bù / worked" in out
    assert "Mon 03/06/2019  Fri 24/05/2019" in out


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
