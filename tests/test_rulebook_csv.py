"""Rulebooks as CSV (and JSON written back): the flat layout round-trips, reads
what a spreadsheet writes, and locates every problem by row and column."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_rules import DECISION_30_2018, CchcError, InvalidInputError, Rulebook, load_rulebook
from cchc_rules._messages import untranslated
from cchc_rules.cli import main
from cchc_rules.rulebooks import Bands
from cchc_rules.strategies import dated_rulebooks

PACKAGED_CSV = DECISION_30_2018.to_csv()


def rows(text=PACKAGED_CSV):
    return text.splitlines()


def with_rows(lines):
    return "\n".join(lines) + "\n"


def problems_of(text, origin="mine.csv"):
    with pytest.raises(InvalidInputError) as caught:
        Rulebook.from_csv(text, origin)
    return caught.value


# -- round trips --------------------------------------------------------------------------


def test_the_packaged_rulebook_round_trips_through_csv_and_json():
    assert Rulebook.from_csv(PACKAGED_CSV) == DECISION_30_2018
    assert Rulebook.from_dict(json.loads(DECISION_30_2018.to_json())) == DECISION_30_2018


def test_the_csv_layout_is_one_row_per_fact():
    lines = rows()
    assert (
        lines[0]
        == "key,value,valid_from,valid_until,provenance,instrument,article,location,note,ref"
    )
    assert [line.split(",", 1)[0] for line in lines[1:]] == [
        "schema_version", "id", "name", "instrument.number", "instrument.issuer",
        "instrument.title", "instrument.signed", "instrument.source", "basis",
        "mitigation_basis", "grade_levels", "grade_bands", "finding_demotion",
        "mitigated_finding_demotion", "index_year_offset", "scope.first_year",
        "scope.last_year", "scope.kinds", "scope.source",
    ]  # fmt: skip
    assert lines[12].startswith(
        "grade_bands,excellent=90; good=80; completed=70,2018-10-09,,unverified,"
    )


# A drawn rulebook holds some forty values and texts: 200 of them (both formats
# each) take about as long as 400 examples of the other properties.
@settings(max_examples=200)
@given(dated_rulebooks())
def test_any_rulebook_round_trips_through_csv_and_json(book):
    assert Rulebook.from_csv(book.to_csv()) == book
    assert Rulebook.from_dict(json.loads(book.to_json())) == book


# -- what a spreadsheet writes ----------------------------------------------------------


def test_semicolons_bom_day_first_dates_decimal_commas_comments_and_blank_rows(tmp_path):
    lines = rows()
    lines[12] = lines[12].replace(
        "excellent=90; good=80; completed=70,2018-10-09",
        '"excellent ≥ 87,5; good>=80; completed: 70",9/10/2018',
    )
    lines.insert(5, "# thresholds to be confirmed with Sở Nội vụ,,,,,,,,")
    lines.insert(6, ",,,,,,,,")
    # Excel where the list separator is ";": same cells, another delimiter
    semicolons = [
        ";".join(f'"{c}"' if ";" in c else c for c in next(__import__("csv").reader([line])))
        for line in lines
    ]
    path = tmp_path / "mine.csv"
    path.write_text(with_rows(semicolons), encoding="utf-8-sig")
    book = load_rulebook(path)
    assert book.rules_for(2019).bands == Bands("87.5", 80, 70)
    assert (
        book.grade_bands.values[0].valid_from == DECISION_30_2018.grade_bands.values[0].valid_from
    )


def test_a_new_dated_value_closes_the_old_one():
    lines = rows()
    lines[12] = lines[12].replace("2018-10-09,,", "2018-10-09,2021-12-31,")
    lines.append(
        "grade_bands,excellent=85; good=75; completed=60,2022-01-01,,supplied,"
        "Công văn của Sở Nội vụ,,,bands we were told to use from 2022"
    )
    book = Rulebook.from_csv(with_rows(lines))
    assert book.rules_for(2021).bands == Bands(90, 80, 70)
    assert book.rules_for(2022).bands == Bands(85, 75, 60)
    assert "grade_bands" in book.rules_for(2021).unverified
    assert "grade_bands" not in book.rules_for(2022).unverified


# -- every problem, located -----------------------------------------------------------------


def test_every_bad_row_is_reported_with_its_row_and_column():
    lines = rows()  # lines[i] is row i + 1: the header is row 1
    lines[3] = "name,,,,,,,,"
    lines[8] = "instrument.source,,,,maybe,Quyết định 30,,,"
    lines[12] = lines[12].replace("good=80", "good=95")
    lines[13] = lines[13].replace(",1,2018-10-09", ",x,31/2/2019")
    lines.insert(4, "color,blue,,,,,,,")
    lines.append("grade_bands,excellent=90; good=80,2020-01-01,,unverified,X,,,")
    lines.append("id,again,,,verified,,,,")
    error = problems_of(with_rows(lines))
    assert str(error).splitlines() == [
        "mine.csv has 9 problems:",
        "  row 4, value: must be non-empty text (got '')",
        "  row 5, key: 'color' is not a rulebook key",
        "  row 10: provenance must be one of 'verified', 'unverified', 'supplied' (got 'maybe')",
        "  row 14: bands must be strictly decreasing, excellent > good > completed "
        "(got 90, 95, 70)",
        "  row 15, valid_from: valid_from must be a real day, as YYYY-MM-DD or DD/MM/YYYY "
        "(got '31/2/2019')",
        "  row 15: value must be a whole number from 0 to 3 (got 'x')",
        "  row 22, value: must read excellent=…; good=…; completed=… "
        "(got 'excellent=90; good=80')",
        "  row 23, provenance: is not used in rows with key id",
        "  row 23, key: id appears more than once (first in row 3)",
    ]
    vi = error.localized("vi").splitlines()
    assert vi[0] == "mine.csv có 9 lỗi:"
    assert vi[-1] == "  dòng 23, key: id xuất hiện nhiều lần (lần đầu ở dòng 3)"
    assert all(untranslated(p.message) == [] for p in error.problems)


def test_missing_rows_are_named_and_not_reported_twice():
    kept = [r for r in rows() if not r.startswith(("instrument.", "basis", "finding_demotion"))]
    assert str(problems_of(with_rows(kept))).splitlines()[1:] == [
        "  instrument.number: needs a row with this key",
        "  instrument.issuer: needs a row with this key",
        "  instrument.title: needs a row with this key",
        "  instrument.signed: needs a row with this key",
        "  instrument.source: needs a row with this key",
        "  basis: needs a row with this key",
    ]  # a parameter's rows may be left out: the rules say which they need


def test_a_source_without_instrument_or_provenance_names_both_cells():
    lines = rows()
    lines[9] = "basis,,,,,,,,note only"
    assert str(problems_of(with_rows(lines))).splitlines()[1:] == [
        "  row 10, provenance: is required: 'verified', 'unverified' or 'supplied'",
        "  row 10, instrument: is required",
    ]


def test_blank_dates_unreadable_days_and_muddled_bands_are_located():
    lines = rows()
    lines[7] = "instrument.signed,31/2/2018,,,,,,,"
    lines[12] = lines[12].replace(
        "excellent=90; good=80; completed=70,2018-10-09",
        "excellent=90; excellent=80; completed=70,",
    )
    lines.append("index_year_offset,0,,,verified,X,,,")
    assert str(problems_of(with_rows(lines))).splitlines()[1:] == [
        "  row 8, value: instrument.signed must be a real day, as YYYY-MM-DD or DD/MM/YYYY "
        "(got '31/2/2018')",
        "  row 13, valid_from: is required",
        "  row 13, value: must read excellent=…; good=…; completed=… "
        "(got 'excellent=90; excellent=80; completed=70')",
        "  row 21, valid_from: is required",
    ]


def test_overlapping_values_are_reported_for_the_parameter():
    lines = [*rows(), "finding_demotion,2,2020-01-01,,supplied,X,,,"]
    assert (
        str(problems_of(with_rows(lines)))
        .splitlines()[1]
        .startswith(
            "  finding_demotion: finding_demotion: values overlap (one from 2018-10-09 runs into"
        )
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["  row 1: must have the columns key and value (missing key, value)"]),
        (
            "key,valu\nid,x\n",
            [
                "  row 1: unknown columns ['valu']",
                "  row 1: must have the columns key and value (missing value)",
            ],
        ),
    ],
)
def test_a_header_without_key_and_value_stops_there(text, expected):
    assert str(problems_of(text)).splitlines()[1:] == expected


def test_unknown_columns_and_extra_cells_are_reported():
    lines = rows()
    lines[0] += ",colour"
    lines[1] += ",,x"
    assert str(problems_of(with_rows(lines))).splitlines()[1:] == [
        "  row 1: unknown columns ['colour']",
        "  row 2: has more cells than the header has columns",
    ]


def test_from_csv_refuses_what_is_not_text():
    with pytest.raises(InvalidInputError, match="origin"):
        Rulebook.from_csv(PACKAGED_CSV, "")
    with pytest.raises(CchcError, match="text must be CSV text"):
        Rulebook.from_csv(b"key,value", "x")  # type: ignore[arg-type]


@given(st.text(max_size=300))
def test_any_text_is_a_rulebook_or_located_problems(text):
    try:
        Rulebook.from_csv("key,value,valid_from,provenance,instrument\n" + text)
    except CchcError as exc:
        problems = exc.problems
    else:
        return
    assert problems
    assert all(untranslated(p.message) == [] for p in problems)


# -- the command line ------------------------------------------------------------------------


def test_rulebook_command_writes_csv_that_grade_reads_back(tmp_path, capsys):
    target = tmp_path / "mine.csv"
    assert main(["rulebook", "--format", "csv", "--output", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == PACKAGED_CSV
    text = target.read_text(encoding="utf-8").replace(
        "excellent=90; good=80; completed=70", "excellent=85; good=75; completed=60"
    )
    target.write_text(text, encoding="utf-8")
    rows_csv = tmp_path / "rows.csv"
    rows_csv.write_text(
        "unit,kind,parent,head,year,index_score\nSở A,DEPARTMENT,,A,2019,84.1\n", encoding="utf-8"
    )
    capsys.readouterr()
    status = main(["grade", str(rows_csv), "--rulebook", str(target), "--format", "json"])
    assert status == 0
    assert json.loads(capsys.readouterr().out)[0]["grade"] == "GOOD"  # 84.1 ≥ 75, < 85
    status = main(
        ["rulebook", "--rulebook", str(target), "--format", "csv", "--output", str(target)]
    )
    assert status == 2
    assert "sẽ ghi đè lên tệp đầu vào" in capsys.readouterr().err


def test_rulebook_command_table_and_json(capsys):
    assert main(["rulebook", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Hải Phòng — Quyết định 30/2018/QĐ-UBND (hai-phong-30-2018)"
    assert "grade_bands                 excellent ≥ 90, good ≥ 80, completed ≥ 70" in out
    assert main(["rulebook", "--format", "json"]) == 0
    assert Rulebook.from_dict(json.loads(capsys.readouterr().out)) == DECISION_30_2018


def test_a_bad_csv_rulebook_on_the_command_line_lists_every_problem(tmp_path, capsys):
    lines = rows()
    lines[3] = "name,,,,,,,,"
    lines[14] = lines[14].replace(",0,2018-10-09", ",5,2018-10-09")
    path = tmp_path / "mine.csv"
    path.write_text(with_rows(lines), encoding="utf-8")
    assert main(["rulebook", "--rulebook", str(path)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"cchc-rules: {path} có 2 lỗi:",
        "cchc-rules: dòng 4, value: phải là văn bản không trống (nhận được '')",
        "cchc-rules: dòng 15: value phải là một số nguyên từ 0 đến 3 (nhận được 5)",
    ]
