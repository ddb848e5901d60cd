"""Packaging and first contact: the licence, the classifiers, the README's commands
as written, the demo in English, a closed pipe."""

import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests._shared import run

ROOT = Path(__file__).resolve().parent.parent


def test_the_mit_licence_is_shipped_and_declared():
    assert ROOT.joinpath("LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    project = tomllib.loads(ROOT.joinpath("pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert "Programming Language :: Python :: 3.13" in project["classifiers"]
    assert set(project["optional-dependencies"]) >= {"pandas", "excel"}


def readme_commands():
    text = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    lines = [line.split("#")[0].strip() for block in blocks for line in block.splitlines()]
    return [shlex.split(line)[3:] for line in lines if line.startswith("uv run cchc-rules ")]


@pytest.mark.parametrize("argv", readme_commands(), ids=" ".join)
def test_every_readme_command_runs_as_written(argv, capsys, tmp_path, monkeypatch):
    shutil.copytree(ROOT / "docs" / "examples", tmp_path / "docs" / "examples")
    monkeypatch.chdir(tmp_path)
    for arg in argv:
        if arg.startswith("docs/"):
            assert Path(arg).is_file(), f"the README names {arg}, which is not shipped"
    status, _, err = run(capsys, *argv)
    assert status in (0, 1), err
    assert "Traceback" not in err


def test_the_readme_names_check_grades_and_report_json():
    commands = [" ".join(argv) for argv in readme_commands()]
    assert any(c.startswith("check-report docs/examples/report.json") for c in commands)
    assert any(c.startswith("check-grades ") for c in commands)


def test_demo_in_english_says_no_vietnamese_of_its_own(capsys):
    status, out, _ = run(capsys, "demo", "--lang", "en")
    assert status == 0
    # names of units and instruments are proper names and stay as written
    words = ["Kế hoạch kiểm tra CCHC", "nghỉ", "làm bù", "LƯU Ý", "Hoàn thành"]
    words += ["Chủ tịch UBND TP", "Bộ luật", "hoàn thành đúng hạn", "giảm nhẹ"]
    for vietnamese in words:
        assert vietnamese not in out
    assert "Well completed duties" in out
    assert "City chairman" in out
    status, default, _ = run(capsys, "demo")  # Vietnamese, the default language
    assert "T7 04/05/2019  làm bù" in default
    assert "LƯU Ý" in default
    assert "Window:" not in default


def test_a_closed_pipe_ends_quietly_with_status_0():
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line, as after `head -1`
    try:
        done = subprocess.run(
            [sys.executable, "-m", "cchc_rules.cli", "demo"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 0
    assert done.stderr == b""


def test_a_closed_pipe_with_a_shell_head():
    if shutil.which("sh") is None or shutil.which("head") is None:
        pytest.skip("no POSIX shell")
    done = subprocess.run(
        ["sh", "-c", f"{shlex.quote(sys.executable)} -m cchc_rules.cli demo | head -1"],
        capture_output=True,
        timeout=120,
        check=False,
    )  # fmt: skip
    assert done.stdout.decode("utf-8").strip() == "cchc-rules: ví dụ minh họa — Hải Phòng 2019"
    assert done.stderr == b""
