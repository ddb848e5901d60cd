"""The command line with arguments and files no user should send: it exits 0, 1 or
2, never 70 (an internal error), and never writes outside the place it was told."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_rules.cli import main
from tests._shared import ASSESSMENT_HEADER, deep_json

DEEP = deep_json(100_000)

FILES = {
    "deep.json": DEEP,
    "deep_object.json": '{"a":' * 50_000 + "1" + "}" * 50_000,
    "huge.json": '[{"unit": "S", "kind": "DEPARTMENT", "head": "A", "year": '
    + "9" * 5000
    + ', "index_score": 90}]',
    "surrogate.json": '[{"unit": "S\\ud800", "kind": "DEPARTMENT", "head": "A", "year": 2019, '
    '"index_score": 90}]',
    "report.json": json.dumps({"assigned": int("9" * 4000), "late_pct": "1e999999"}),
    "cell.csv": ASSESSMENT_HEADER + "x" * 140_000 + ",DEPARTMENT,,A,2019,90,\n",
    "deep_cell.csv": ASSESSMENT_HEADER + 'S,DEPARTMENT,,A,2019,90,"' + "[" * 50_000 + '"\n',
    "controls.csv": ASSESSMENT_HEADER + "S\x1b[2J\x00,DEPARTMENT,,A\r,2019,9e9999,\n",
    "nul.csv": "\x00" * 1000,
    "bom16.csv": "\ufeffunit,kind\n",
    "book.toml": "a = " + DEEP,
    "book.csv": "key,value\nid," + "x" * 140_000 + "\n",
    "tasks.csv": "title,due,completed\nT,99999-01-01,1/1/0\nU,2019-02-30,\n",
    "calendar_changes.csv": "day,status,name,instrument\n2019-13-01,off,x,y\n",
}

VALUES = [
    "2019", "2019-06-03", "1/6/2019", "-1", "0", "9" * 5000, "1e9", "\x1b[31m", "\ud800",
    "x" * 10_000, "", "--", "-", "vi", "en", "json", "csv", "table", "unit", "area", "none",
]  # fmt: skip


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli-fuzz")
    for name, text in FILES.items():
        (root / name).write_text(text, encoding="utf-8", errors="surrogatepass")
    return root


def _argv(draw, root):
    command = draw(
        st.sampled_from(
            ["grade", "explain", "tally", "check-report", "check-grades", "rulebook",
             "calendar", "notice", "demo", "frobnicate"]
        )
    )  # fmt: skip
    files = [str(root / n) for n in FILES] + ["/dev/zero", "/dev/null", str(root)]
    token = st.sampled_from(VALUES) | st.sampled_from(files) | st.text(max_size=6)
    options = st.sampled_from(
        ["--format", "--lang", "--by", "--as-of", "--days", "--rulebook", "--encoding",
         "--max-input-mb", "--calendar-changes", "--grid"]
    )  # fmt: skip
    argv = [command]
    for _ in range(draw(st.integers(0, 5))):
        if draw(st.booleans()):
            argv.append(draw(options))
        argv.append(draw(token))
    if draw(st.booleans()):
        argv += ["--output", draw(st.sampled_from([str(root / "out"), "/dev/null", str(root)]))]
    return argv


@settings(
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.data())
def test_the_command_line_never_ends_in_an_internal_error(place, capsys, data):
    argv = _argv(data.draw, place)
    status = main(argv)
    _, err = capsys.readouterr()
    assert status in (0, 1, 2), (argv, err)
    assert "\x1b" not in err


@pytest.mark.parametrize("name", sorted(FILES))
@pytest.mark.parametrize("command", ["grade", "explain", "tally", "check-report", "check-grades"])
def test_every_hostile_file_with_every_reading_command(place, capsys, name, command):
    argv = [command, str(place / name)]
    if command == "tally":
        argv += ["--as-of", "2019-06-03"]
    status = main([*argv, "--lang", "en"])
    _, err = capsys.readouterr()
    assert status in (0, 1, 2), (argv, err)
    assert "internal error" not in err


@pytest.mark.parametrize("name", ["book.toml", "book.csv", "deep.json", "huge.json"])
def test_every_hostile_rulebook(place, capsys, name):
    status = main(["rulebook", "--rulebook", str(place / name), "--lang", "en"])
    _, err = capsys.readouterr()
    assert status == 2
    assert "internal error" not in err
