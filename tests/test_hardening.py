"""Regression tests for the reproducers of the adversarial run (issue 13): each
one was an internal error, a raw exception or a silent acceptance, and is now a
located ``CchcError`` (or, at the command line, exit status 2 with one message)."""

import datetime as dt
from decimal import Decimal

import pytest

import cchc_rules as cr
from cchc_rules._messages import shown
from cchc_rules.cli import main
from cchc_rules.io import LIMITS, read_assessments, read_rows, read_task_report
from tests._shared import HEAD

ASSESSMENT = cr.Assessment(HEAD, 2019, 95)
HEADER = "unit,kind,parent,head,year,index_score,findings\n"


def deep_json(depth):
    return "[" * depth + "]" * depth


# -- the API: raw exceptions that are now CchcErrors --------------------------------


def test_percent_of_is_exact_at_any_size():
    assert cr.percent_of(10**30, 1) == Decimal(10**32)
    assert cr.percent_of(2, 3, 12) == Decimal("66.666666666667")
    assert cr.percent_of(0, 7, 2) == Decimal("0.00")


def test_reporting_periods_with_a_due_day_beyond_any_calendar():
    for days in (10**6, 10**10, 10**30):
        with pytest.raises(cr.OutOfRangeError):
            cr.reporting_periods(2019, due_days_after=days)


def test_integers_too_long_to_print_are_refused_by_size():
    with pytest.raises(cr.InvalidInputError, match="at most 4300 digits") as caught:
        cr.public_sector_calendar(10**5000)
    assert "an integer of about 5001 digits" in str(caught.value)
    with pytest.raises(cr.InvalidInputError, match="at most 4300 digits"):
        cr.TaskReport("9" * 5000)


def test_messages_show_hostile_values_briefly():
    assert shown("x" * 10_000).endswith("… (10000 characters)")
    nested: list[object] = []
    for _ in range(100_000):
        nested = [nested]
    with pytest.raises(cr.InvalidTypeError) as caught:
        cr.Finding(nested)
    assert len(str(caught.value)) < 300


@pytest.mark.parametrize(
    ("build", "error"),
    [
        (lambda: cr.DatedParameter("x", [1]), cr.InvalidTypeError),
        (lambda: cr.DatedParameter(None, []), cr.InvalidTypeError),
        (lambda: cr.DatedValue(1, dt.date(2019, 1, 1), "not a source"), cr.InvalidTypeError),
        (lambda: cr.records([1]), cr.InvalidTypeError),
        (lambda: cr.records(None), cr.InvalidTypeError),
        (lambda: cr.Grade.GOOD.lowered(-2), cr.InvalidInputError),
        (lambda: cr.Grade.GOOD.lowered("1"), cr.InvalidTypeError),
        (lambda: cr.Bands(90, 80, 70).grade_for([]), cr.InvalidTypeError),
        (lambda: cr.Bands(90, 80, 70).grade_for(Decimal("NaN")), cr.InvalidInputError),
        (lambda: cr.grade_head(ASSESSMENT, cr.Rulebook(*[None] * 10)), cr.InvalidTypeError),
        (lambda: cr.InvalidInputError.for_field(1, "x", 2), cr.InvalidTypeError),
        (lambda: cr.InvalidInputError.for_field("f", 2, 3), cr.InvalidTypeError),
        (lambda: cr.InvalidTypeError.for_field(1, "x", 2), cr.InvalidTypeError),
        (lambda: cr.InvalidInputError.collected([1], "x"), cr.InvalidTypeError),
        (lambda: cr.InvalidInputError.collected([], 2), cr.InvalidTypeError),
        (lambda: cr.InvalidInputError(5), cr.InvalidTypeError),
        (lambda: cr.Problem(1, "f", "m"), cr.InvalidTypeError),
        (lambda: cr.CchcError("x").localized(5), cr.InvalidInputError),
        (
            lambda: cr.DatedValue(1, dt.date(2019, 1, 1), cr.Source("x")).in_force_on("2019"),
            cr.InvalidTypeError,
        ),
        (lambda: cr.check_percentage(1, 2, "50", label_vi=10**5000), cr.InvalidTypeError),
    ],
)
def test_public_classes_and_methods_check_their_arguments(build, error):
    with pytest.raises(error):
        build()


def test_a_hand_built_rulebook_is_checked_like_one_read_from_a_file():
    book = cr.DECISION_30_2018
    bad_bands = cr.DatedParameter(
        "grade_bands", [cr.DatedValue(90, dt.date(2018, 1, 1), cr.Source("x"))]
    )
    with pytest.raises(cr.InvalidTypeError, match="grade_bands must be Bands"):
        cr.Rulebook(*[getattr(book, f) for f in _FIELDS[:6]], bad_bands, *_rest(book, 7))
    big = cr.DatedParameter("d", [cr.DatedValue(9, dt.date(2018, 1, 1), cr.Source("x"))])
    with pytest.raises(cr.InvalidInputError, match="finding_demotion must be a whole number"):
        cr.Rulebook(*[getattr(book, f) for f in _FIELDS[:7]], big, *_rest(book, 8))


_FIELDS = (
    "id", "name", "instrument", "basis", "mitigation_basis", "grade_levels", "grade_bands",
    "finding_demotion", "mitigated_finding_demotion", "index_year_offset",
)  # fmt: skip


def _rest(book, start):
    return [getattr(book, f) for f in _FIELDS[start:]]


def test_a_calendar_refuses_a_foreign_special_day():
    with pytest.raises(cr.InvalidTypeError, match="special_days"):
        cr.WorkingCalendar(dt.date(2019, 1, 1), dt.date(2019, 12, 31), [object()])


# -- files: bounds with a located error ----------------------------------------------


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
    file.write_text(HEADER + f'S,DEPARTMENT,,A,2019,90,"{deep_json(50_000)}"\n')
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
    file.write_text(HEADER + "S,DEPARTMENT,,A," + "9" * 5000 + ",90,\n")
    with pytest.raises(cr.InvalidInputError, match="row 2, year"):
        read_assessments(file)


def test_csv_cell_over_128_kib_names_the_row(tmp_path):
    file = tmp_path / "a.csv"
    file.write_text(HEADER + "S,DEPARTMENT,,A,2019,90,\n" + "x" * 140_000 + ",DEPARTMENT\n")
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
    file.write_text(HEADER + "x" * 140_000 + ",DEPARTMENT,,A,2019,90,\n")
    rows, _ = read_rows(file)
    assert len(rows[0]["unit"]) == 140_000


def test_input_size_limit_and_how_to_raise_it(tmp_path, monkeypatch):
    file = tmp_path / "a.csv"
    file.write_text(HEADER + "S,DEPARTMENT,,A,2019,90,\n" * 100)
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


# -- the command line: exit 2, never 70 ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deep.json", deep_json(100_000)),
        ("big.json", '[{"year": ' + "9" * 5000 + "}]"),
        ("cell.csv", HEADER + "x" * 140_000 + "\n"),
        ("deep.csv", HEADER + f'S,DEPARTMENT,,A,2019,90,"{deep_json(50_000)}"\n'),
    ],
)
def test_cli_exits_2_on_hostile_files(tmp_path, capsys, name, text):
    file = tmp_path / name
    file.write_text(text)
    status = main(["grade", str(file), "--lang", "en"])
    _, err = capsys.readouterr()
    assert status in (1, 2)
    assert "internal error" not in err


def test_cli_grade_dev_zero_stops_with_a_clear_error(capsys):
    status = main(["grade", "/dev/zero", "--max-input-mb", "1", "--lang", "en"])
    _, err = capsys.readouterr()
    assert status == 2
    assert "larger than 1 MiB" in err


def test_verdicts_and_steps_built_by_hand_are_checked():
    verdict = cr.grade_head(ASSESSMENT)
    step = verdict.trace[0]
    assert cr.Step(*step) == step
    fields = (ASSESSMENT, "id", cr.Grade.GOOD, cr.Grade.GOOD, False, 0, (), ())
    assert cr.Verdict(*fields).grade is cr.Grade.GOOD
    for i, bad in [(0, None), (1, ""), (2, "GOOD"), (4, 1), (5, -1), (6, [1]), (7, [None])]:
        with pytest.raises(cr.CchcError):
            cr.Verdict(*fields[:i], bad, *fields[i + 1 :])
    for i, bad in [(0, 1), (1, "x"), (2, [1]), (3, (("a",),)), (4, None)]:
        with pytest.raises(cr.InvalidTypeError):
            cr.Step(*step[:i], bad, *step[i + 1 :])


def test_a_calendar_with_a_malformed_confirmed_range():
    with pytest.raises(cr.InvalidTypeError, match="confirmed"):
        cr.WorkingCalendar(dt.date(2019, 1, 1), dt.date(2019, 12, 31), confirmed={0: 1})
