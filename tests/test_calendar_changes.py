"""The changes file (``load_calendar_changes``, ``WorkingCalendar.with_changes_from``):
the exact messages of an unreadable file or row, every bad row reported, JSON nulls
and missing keys read as empty cells, and line endings as spreadsheets write them.
The pinned examples of the format itself are in tests/test_calendar_table.py."""

import csv
from datetime import date

import pytest

from cchc_rules import InvalidInputError, Provenance, load_calendar_changes
from tests._shared import CAL, refusal

HEADER_RULE = (
    "must have the header day,status,name,instrument, optionally followed by "
    "article,location,provenance,note"
)


def _write(tmp_path, text, name="changes.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def _problems(path):
    with pytest.raises(InvalidInputError) as caught:
        load_calendar_changes(path)
    return [(p.location, p.field, str(p.message)) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("header", "got"),
    [
        ("day,status,name", "day,status,name"),
        ("Day;Status;Name;Instrument;Colour", "day,status,name,instrument,colour"),
        ("day,status,name,instrument,", "day,status,name,instrument,"),
        ("day,day,status,name,instrument", "day,day,status,name,instrument"),
        ("", "nothing"),
    ],
)
def test_a_bad_header_is_named_with_the_file_the_rule_and_what_arrived(tmp_path, header, got):
    path = _write(tmp_path, header + "\n2027-02-11,off,x,CV 1\n")
    with pytest.raises(InvalidInputError) as caught:
        load_calendar_changes(path)
    assert str(caught.value) == f"{path} {HEADER_RULE} (got {got})"


def test_every_row_after_a_row_with_extra_cells_is_still_read(tmp_path):
    path = _write(
        tmp_path,
        "day,status,name,instrument\n"
        "2027-02-11,off,x,CV 1,extra\n"
        "2027-02-31,off,x,CV 1\n"
        "2027-02-12,off,x,CV 1,a,b\n"
        "2027-02-13,working,,CV 1\n",
    )
    assert _problems(path) == [
        ("row 2", "", "has more cells than the header"),
        (
            "row 3",
            "day",
            "day must be a real day, as YYYY-MM-DD or DD/MM/YYYY (got '2027-02-31')",
        ),
        ("row 4", "", "has more cells than the header"),
        ("row 5", "name", "must not be empty"),
    ]


def test_a_csv_with_old_mac_line_endings_is_read_row_by_row(tmp_path):
    path = _write(
        tmp_path, "day,status,name,instrument\r2027-02-11,off,x,CV 1\r2027-02-20,working,y,CV 1\r"
    )
    assert [(d.day, d.working, d.name_vi) for d in load_calendar_changes(path)] == [
        (date(2027, 2, 11), False, "x"),
        (date(2027, 2, 20), True, "y"),
    ]
    bad = _write(
        tmp_path, "day,status,name,instrument\r2027-02-11,off,x,CV 1\r2027-02-12,on,y,CV 1\r"
    )
    assert _problems(bad) == [("row 3", "status", "must be off or working (got 'on')")]


def test_a_name_written_on_two_lines_keeps_its_line_break(tmp_path):
    """What Python's csv writer (and Excel) write: CRLF rows, a quoted cell holding
    CRLF; the cell comes back exactly as written."""
    path = tmp_path / "changes.csv"
    name = "Nghỉ Tết\r\n(hoán đổi)"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["day", "status", "name", "instrument"])
        writer.writerow(["2027-02-11", "off", name, "CV 1"])
        writer.writerow(["2027-02-12", "off", "y", "CV 1"])
    days = load_calendar_changes(path)
    assert [(d.day, d.name_vi, d.name_en) for d in days] == [
        (date(2027, 2, 11), name, name),
        (date(2027, 2, 12), "y", "y"),
    ]


def test_every_bad_json_item_is_reported_with_its_exact_message(tmp_path):
    path = _write(
        tmp_path,
        '[7, {"day": "2027-02-11", "Colour": "red", "size": 1, "status": "off"}, [1],'
        ' {"day": "2027-02-12", "name": "x", "instrument": "CV 1"},'
        ' {"day": "2027-02-13", "status": "off", "name": "x", "instrument": "CV 1"},'
        ' "x"]',
        "changes.json",
    )
    assert _problems(path) == [
        ("$[0]", "", "must be an object"),
        ("$[1]", "", "unknown keys colour, size"),
        ("$[2]", "", "must be an object"),
        ("$[3]", "status", "must be off or working (got '')"),
        ("$[5]", "", "must be an object"),
    ]


def test_json_nulls_are_empty_cells(tmp_path):
    path = _write(
        tmp_path,
        '[{"day": "2027-02-13", "status": "off", "name": "x", "instrument": "CV 1",'
        ' "article": null, "location": null, "provenance": null, "note": null},'
        ' {"day": null, "status": "working", "name": null, "instrument": "CV 1"},'
        ' {"day": null, "status": null, "name": null, "instrument": null, "note": null}]',
        "changes.json",
    )
    assert _problems(path) == [
        ("$[1]", "day", "day must be a date as YYYY-MM-DD or DD/MM/YYYY (got '')"),
        ("$[1]", "name", "must not be empty"),
    ]
    good = _write(
        tmp_path,
        '[{"day": "2027-02-13", "status": "off", "name": "x", "instrument": "CV 1",'
        ' "article": null, "location": null, "provenance": null, "note": null},'
        ' {"day": null, "status": null, "name": null, "instrument": null, "note": null}]',
        "good.json",
    )
    (day,) = load_calendar_changes(good)
    assert (day.day, day.working, day.name_vi) == (date(2027, 2, 13), False, "x")
    source = day.source
    assert (source.instrument, source.article, source.location, source.note) == (
        "CV 1",
        None,
        None,
        None,
    )
    assert source.provenance is Provenance.SUPPLIED
    assert not CAL.with_changes_from(good).is_working_day(date(2027, 2, 13))


def test_json_that_is_not_a_list_is_refused_naming_the_file(tmp_path):
    path = _write(tmp_path, '{"day": "2027-02-11"}', "changes.json")
    with pytest.raises(InvalidInputError) as caught:
        load_calendar_changes(path)
    assert str(caught.value) == f"{path} must hold a JSON list of objects (got dict)"
    broken = _write(tmp_path, "[1,", "broken.json")
    with pytest.raises(InvalidInputError) as caught:
        CAL.with_changes_from(broken)
    assert str(caught.value) == (
        f"{broken} is not valid JSON: Expecting value: line 1 column 4 (char 3)"
    )


@pytest.mark.parametrize(
    ("path", "got"), [(42, "int 42"), ("", "str ''"), (None, "NoneType None")]
)
def test_a_path_that_is_not_a_file_path_is_refused_by_name(path, got):
    assert refusal(lambda: load_calendar_changes(path)) == f"path must be a file path (got {got})"
    assert refusal(lambda: CAL.with_changes_from(path)) == f"path must be a file path (got {got})"


def test_rows_after_a_blank_row_are_still_read(tmp_path):
    path = _write(
        tmp_path,
        "day,status,name,instrument\n"
        "2027-02-11,off,x,CV 1\n"
        ",,,\n"
        "\n"
        "2027-02-20,working,y,CV 1\n"
        ",,,\n"
        "2027-02-21,closed,z,CV 1\n",
    )
    assert _problems(path) == [("row 7", "status", "must be off or working (got 'closed')")]
    fixed = _write(tmp_path, path.read_text(encoding="utf-8").replace("closed", "off"), "ok.csv")
    assert [(d.day, d.working) for d in load_calendar_changes(fixed)] == [
        (date(2027, 2, 11), False),
        (date(2027, 2, 20), True),
        (date(2027, 2, 21), False),
    ]


def test_the_optional_cells_are_the_source_s_article_location_and_note(tmp_path):
    csv_path = _write(
        tmp_path,
        "Day,Status,Name,Instrument,Article,Location,Provenance,Note\n"
        "2027-02-11,off,x,CV 1,Điều 2,https://example.vn/cv-1,verified,ví dụ\n",
    )
    json_path = _write(
        tmp_path,
        '[{"day": "2027-02-11", "status": "off", "name": "x", "instrument": "CV 1",'
        ' "note": "ví dụ", "location": "https://example.vn/cv-1", "article": "Điều 2",'
        ' "provenance": "verified"}]',
        "changes.json",
    )
    for path in (csv_path, json_path):
        (day,) = load_calendar_changes(path)
        source = day.source
        assert (source.instrument, source.article, source.location, source.note) == (
            "CV 1",
            "Điều 2",
            "https://example.vn/cv-1",
            "ví dụ",
        )
        assert source.provenance is Provenance.VERIFIED


def test_a_day_given_twice_is_refused_naming_the_file_and_both_rows(tmp_path):
    path = _write(
        tmp_path,
        "day,status,name,instrument\n2027-02-11,off,x,CV 1\n11/02/2027,working,y,CV 1\n",
    )
    with pytest.raises(InvalidInputError) as caught:
        load_calendar_changes(path)
    assert str(caught.value) == (
        f"{path} has 1 problem:\n  row 3, day: 2027-02-11 appears more than once (first in row 2)"
    )
