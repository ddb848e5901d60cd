"""cchc_rules._files: reading a file safely. What a file may hold is bounded
(nesting depth, digits in a number, the length of a cell, the size of the input),
each bound is a located ``InvalidInputError`` and not an internal error, and a name
that no file can have is refused as one; tested through the readers that use it
(``read_rows``, ``load_rulebook``, ``read_assessments``, ``read_task_report``)."""

import pytest

import cchc_rules as cr
from cchc_rules.io import LIMITS, read_assessments, read_rows, read_task_report
from tests._shared import ASSESSMENT_HEADER, deep_json

# -- bounds with a located error ----------------------------------------------------


def test_json_nested_100000_deep(tmp_path):
    file = tmp_path / "a.json"
    file.write_text(deep_json(100_000))
    with pytest.raises(cr.InvalidInputError, match="nested too deeply"):
        read_rows(file)


def test_toml_rulebook_nested_100000_deep(tmp_path):
    file = tmp_path / "book.toml"
    file.write_text("a = " + deep_json(100_000))
    with pytest.raises(cr.InvalidInputError, match="nested too deeply"):
        cr.load_rulebook(file)


def test_findings_cell_nested_100000_deep(tmp_path):
    file = tmp_path / "a.csv"
    file.write_text(ASSESSMENT_HEADER + f'S,DEPARTMENT,,A,2019,90,"{deep_json(50_000)}"\n')
    with pytest.raises(cr.InvalidInputError, match=r"row 2.findings: .*nested too deeply"):
        read_assessments(file)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("report.json", '{"assigned": ' + "9" * 5000 + "}"),
        ("book.toml", "a = " + "9" * 5000),
    ],
)
def test_numbers_over_4300_digits_in_a_file(tmp_path, name, text):
    file = tmp_path / name
    file.write_text(text)
    with pytest.raises(cr.InvalidInputError, match="more than 4300 digits"):
        read_task_report(file) if name.endswith("json") else cr.load_rulebook(file)


def test_a_year_of_5000_digits_in_a_csv_row(tmp_path):
    file = tmp_path / "a.csv"
    file.write_text(ASSESSMENT_HEADER + "S,DEPARTMENT,,A," + "9" * 5000 + ",90,\n")
    with pytest.raises(cr.InvalidInputError, match="row 2, year"):
        read_assessments(file)


def test_csv_cell_over_128_kib_names_the_row(tmp_path):
    file = tmp_path / "a.csv"
    file.write_text(
        ASSESSMENT_HEADER + "S,DEPARTMENT,,A,2019,90,\n" + "x" * 140_000 + ",DEPARTMENT\n"
    )
    with pytest.raises(cr.InvalidInputError, match=r"row 3: a cell is longer than 131072"):
        read_rows(file)


def test_rulebook_csv_cell_over_the_limit(tmp_path):
    file = tmp_path / "book.csv"
    file.write_text("key,value\nid," + "x" * 140_000 + "\n")
    with pytest.raises(cr.InvalidInputError, match=r"row 2: a cell is longer than"):
        cr.load_rulebook(file)


def test_the_cell_limit_can_be_raised(tmp_path, monkeypatch):
    monkeypatch.setattr(LIMITS, "cell_characters", 200_000)
    file = tmp_path / "a.csv"
    file.write_text(ASSESSMENT_HEADER + "x" * 140_000 + ",DEPARTMENT,,A,2019,90,\n")
    rows, _ = read_rows(file)
    assert len(rows[0]["unit"]) == 140_000


def test_input_size_limit_and_how_to_raise_it(tmp_path, monkeypatch):
    file = tmp_path / "a.csv"
    file.write_text(ASSESSMENT_HEADER + "S,DEPARTMENT,,A,2019,90,\n" * 100)
    monkeypatch.setattr(LIMITS, "input_bytes", 1000)
    with pytest.raises(cr.InvalidInputError, match=r"larger than .* MiB.*--max-input-mb"):
        read_rows(file)
    monkeypatch.setattr(LIMITS, "input_bytes", 10_000)
    assert len(read_rows(file)[0]) == 100


def test_a_device_that_never_ends(monkeypatch):
    monkeypatch.setattr(LIMITS, "input_bytes", 2**20)
    with pytest.raises(cr.InvalidInputError, match="/dev/zero is larger than 1 MiB"):
        read_rows("/dev/zero")


@pytest.mark.parametrize("name", ["a\x00b.csv", "\ud800.csv"])
def test_unusable_file_names(name):
    with pytest.raises(cr.InvalidInputError, match="not a usable file name"):
        read_rows(name)
