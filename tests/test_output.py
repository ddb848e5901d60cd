"""``--output`` writes only where a file belongs, and the terminal is never fed raw
control characters. Real files, a real FIFO, real signals: nothing mocked."""

import json
import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from cchc_rules._output import open_output, printable
from cchc_rules.cli import main

EXAMPLES = Path(__file__).parent.parent / "docs" / "examples"
GRADES = EXAMPLES / "haiphong_2019.csv"


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def umask():
    def set_to(mask):
        os.umask(mask)

    before = os.umask(0o022)
    yield set_to
    os.umask(before)


def test_a_regular_file_is_replaced_keeping_its_mode(capsys, tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    target.chmod(0o640)
    status, out, _ = run(capsys, "rulebook", "--format", "csv", "--output", str(target))
    assert (status, out) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("key,")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_follows_the_umask(capsys, tmp_path, umask, mask, mode):
    umask(mask)
    target = tmp_path / "new.json"
    assert run(capsys, "rulebook", "--format", "json", "--output", str(target))[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_a_symlink_is_kept_and_its_file_replaced(capsys, tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert run(capsys, "rulebook", "--format", "json", "--output", str(link))[0] == 0
    assert link.is_symlink()
    assert json.loads(real.read_text(encoding="utf-8"))["id"]


def test_a_fifo_is_written_to_never_replaced(capsys, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read)
    reader.start()
    status = main(["rulebook", "--format", "json", "--output", str(fifo)])
    reader.join(timeout=30)
    capsys.readouterr()
    assert status == 0
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(received[0])["id"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_dev_null_stays_a_character_device(capsys):
    assert run(capsys, "rulebook", "--output", "/dev/null")[0] == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_dev_stdout_is_written_to_even_when_it_is_a_file(tmp_path):
    out = tmp_path / "captured.json"
    with open(out, "wb") as handle:
        inode = os.fstat(handle.fileno()).st_ino
        done = subprocess.run(
            [sys.executable, "-m", "cchc_rules.cli", "rulebook", "--format", "json",
             "--output", "/dev/stdout"],
            stdout=handle, stderr=subprocess.PIPE, check=False,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.stat().st_ino == inode
    assert json.loads(out.read_text(encoding="utf-8"))["id"]


def test_a_directory_is_refused(capsys, tmp_path):
    status, _, err = run(capsys, "rulebook", "--output", str(tmp_path), "--lang", "en")
    assert status == 2
    assert "is a directory" in err
    assert tmp_path.is_dir()


def test_the_input_is_refused_even_through_a_link(capsys, tmp_path):
    data = tmp_path / "in.csv"
    data.write_bytes(GRADES.read_bytes())
    link = tmp_path / "same.csv"
    link.symlink_to(data)
    status, _, err = run(capsys, "grade", str(data), "--output", str(link), "--lang", "en")
    assert status == 2
    assert "would overwrite the input" in err
    assert data.read_bytes() == GRADES.read_bytes()


@pytest.mark.parametrize("stop", ["sigterm", "ctrl-c", "error"])
def test_the_temporary_file_goes_when_writing_stops(tmp_path, stop):
    target = tmp_path / "out.txt"
    target.write_text("before")
    stopped = pytest.raises((SystemExit, KeyboardInterrupt, OSError))
    with stopped, open_output(target, sys.stdout) as handle:
        handle.write("half")
        assert len(list(tmp_path.iterdir())) == 2
        if stop == "sigterm":
            os.kill(os.getpid(), signal.SIGTERM)
        elif stop == "ctrl-c":
            raise KeyboardInterrupt
        else:
            raise OSError("disk full")
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    assert target.read_text() == "before"
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_a_stale_temporary_file_is_swept_and_a_live_one_kept(capsys, tmp_path):
    target = tmp_path / "out.json"
    stale = tmp_path / ".out.json.cchc-rules-99999999.tmp"
    live = tmp_path / f".out.json.cchc-rules-{os.getppid()}.tmp"
    stale.write_text("left by a killed run")
    live.write_text("being written by another run")
    assert run(capsys, "rulebook", "--format", "json", "--output", str(target))[0] == 0
    assert not stale.exists()
    assert live.exists()


def test_a_lone_surrogate_is_written_as_its_json_escape(capsys, tmp_path):
    data = tmp_path / "in.json"
    data.write_text(
        '[{"unit": "S\\ud800", "kind": "DEPARTMENT", "head": "A", "year": 2019, '
        '"index_score": 90}]'
    )
    target = tmp_path / "out.json"
    status, _, err = run(capsys, "grade", str(data), "--format", "json", "--output", str(target))
    assert status == 0, err
    assert json.loads(target.read_text(encoding="utf-8"))[0]["unit"] == "S\ud800"
    status, _, _ = run(capsys, "grade", str(data), "--format", "csv", "--output", str(target))
    assert status == 0
    assert "S\\ud800" in target.read_text(encoding="utf-8")


# -- the terminal ---------------------------------------------------------------------

HOSTILE = "Sở\x1b[2J\x1b[31mNội vụ\r\u202e"


def test_printable_escapes_controls_and_keeps_vietnamese():
    assert printable(HOSTILE) == "Sở\\x1b[2J\\x1b[31mNội vụ\\x0d\\u202e"
    assert printable("Hòa Bình\tx\n") == "Hòa Bình\tx\n"
    assert printable("a\tb\nc", cell=True) == "a\\x09b\\x0ac"


def hostile_csv(tmp_path):
    data = tmp_path / "in.csv"
    data.write_text(
        "unit,kind,parent,head,year,index_score\n"
        f'"{HOSTILE}",DEPARTMENT,,"A\x07",2019,90\n'
        f'"{HOSTILE}",DEPARTMENT,,B,2019,200\n',
        encoding="utf-8",
    )
    return data


@pytest.mark.parametrize("command", [["grade"], ["explain"], ["grade", "--format", "table"]])
def test_table_and_text_on_stdout_and_stderr_hold_no_control_characters(capsys, tmp_path, command):
    status, out, err = run(capsys, command[0], str(hostile_csv(tmp_path)), *command[1:])
    assert status == 1  # the second row is rejected
    for text in (out, err):
        assert not any(c in text for c in "\x1b\x07\r\u202e")
    assert "\\x1b[2J" in out


def test_json_and_csv_keep_the_data_as_it_is(capsys, tmp_path):
    data = hostile_csv(tmp_path)
    _, out, _ = run(capsys, "grade", str(data), "--format", "json")
    assert json.loads(out)[0]["unit"] == HOSTILE
    _, out, _ = run(capsys, "grade", str(data), "--format", "csv")
    assert HOSTILE in out


# -- streaming: the same text, row by row ----------------------------------------------


def test_streamed_json_is_the_json_of_the_whole_list():
    import io as _io

    import cchc_rules as cr
    from cchc_rules.io import write_verdicts_json

    head = cr.Head("A\nB", cr.Unit("Sở", cr.UnitKind.DEPARTMENT))
    items = [
        cr.grade_head(cr.Assessment(head, 2019, 90, [cr.Finding("x")])),
        [cr.Problem("row 3", "year", "bad")],
        cr.grade_head(cr.Assessment(head, 2019, "55.5")),
    ]
    for n in range(len(items) + 1):
        buffer = _io.StringIO()
        write_verdicts_json(items[:n], buffer)
        whole = [
            i.to_dict()
            if isinstance(i, cr.Verdict)
            else {"rejected": True, "problems": [str(p) for p in i]}
            for i in items[:n]
        ]
        assert buffer.getvalue() == json.dumps(whole, ensure_ascii=False, indent=2)


def test_a_streamed_table_fixes_its_widths_on_the_first_rows():
    import io as _io

    from cchc_rules._table import SAMPLE_ROWS, render, write_table

    rows = [[f"u{i}", i] for i in range(SAMPLE_ROWS + 500)]
    rows.append(["a much longer unit name", 7])
    buffer = _io.StringIO()
    write_table(["unit", "n"], iter(rows), buffer)
    lines = buffer.getvalue().splitlines()
    assert len(lines) == 2 + len(rows)
    assert lines[: 2 + SAMPLE_ROWS] == render(["unit", "n"], rows[:SAMPLE_ROWS]).splitlines()
    assert lines[-2] == f"u{SAMPLE_ROWS + 499}  {SAMPLE_ROWS + 499}"
    assert lines[-1] == "a much longer unit name    7"
    small = _io.StringIO()
    write_table(["unit", "n"], iter(rows[:3]), small)
    assert small.getvalue() == render(["unit", "n"], rows[:3]) + "\n"


def test_a_bad_output_place_is_refused_before_any_work(capsys, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 10_000 + "]" * 10_000)
    status, _, err = run(capsys, "grade", str(deep), "--output", str(tmp_path), "--lang", "en")
    assert status == 2
    assert "is a directory" in err
    assert "JSON" not in err
