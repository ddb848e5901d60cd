"""Input as offices write it: encodings, Unicode NFC, blank rows, duplicated
columns, Vietnamese headers and kind labels, and tallies grouped by unit identity."""

import json
import re
import unicodedata
from pathlib import Path

import pytest

from cchc_rules import InvalidInputError, UnitKind
from cchc_rules._columns import COLUMN_ALIASES
from cchc_rules.io import read_assessments, read_rows
from cchc_rules.units import KIND_ALIASES
from tests._shared import run

HEADER = "unit,kind,parent,head,year,index_score\n"
ROWS = (
    "UBND quận Hồng Bàng,DISTRICT,,Chủ tịch,2019,90\n"
    "Phòng Nội vụ,SUBORDINATE,UBND quận Hồng Bàng,Trưởng phòng,2019,75\n"
)
TEXT = HEADER + ROWS


def names(assessments):
    return [
        (a.head.unit.name, a.head.unit.parent and a.head.unit.parent.name) for a in assessments
    ]


def cp1258(text):
    """``text`` as Windows-1258 writes Vietnamese: a letter with its shape mark
    (â, ơ...) precomposed where the code page has it, the tone as a combining mark."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            shape = "".join(m for m in marks if m in "\u0302\u0306\u031b")
            tones = "".join(m for m in marks if m not in shape)
            out += (unicodedata.normalize("NFC", base + shape) + tones).encode("cp1258")
    return bytes(out)


EXPECTED = [("UBND quận Hồng Bàng", None), ("Phòng Nội vụ", "UBND quận Hồng Bàng")]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_utf8_with_or_without_bom_and_utf16_with_bom_are_read(tmp_path, encoding):
    path = tmp_path / "t.csv"
    data = TEXT.encode(encoding)
    if encoding == "utf-16-le":
        data = b"\xff\xfe" + data
    elif encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    assert names(read_assessments(path)) == EXPECTED


def test_a_legacy_code_page_is_refused_with_the_advice_to_save_as_csv_utf8(tmp_path, capsys):
    path = tmp_path / "t.csv"
    path.write_bytes(cp1258(TEXT))
    with pytest.raises(InvalidInputError, match=r'save it as "CSV UTF-8 \(Comma delimited\)"'):
        read_assessments(path)
    status, _, err = run(capsys, "grade", str(path))
    assert status == 2
    assert "CSV UTF-8" in err
    assert "--encoding" in err


def test_a_named_encoding_is_read_and_its_text_composed(tmp_path, capsys):
    path = tmp_path / "t.csv"
    path.write_bytes(cp1258(TEXT))
    assert names(read_assessments(path, encoding="cp1258")) == EXPECTED
    status, out, _ = run(capsys, "grade", str(path), "--encoding", "cp1258", "--format", "json")
    assert status == 0
    assert json.loads(out)[1]["parent"] == "UBND quận Hồng Bàng"


def test_a_wrong_named_encoding_or_an_unknown_one_is_an_error(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b"\xff" * 3)
    with pytest.raises(InvalidInputError, match="is not utf-8 text"):
        read_rows(path, encoding="utf-8")
    with pytest.raises(InvalidInputError, match="encoding must name a text encoding"):
        read_rows(path, encoding="klingon")


def test_decomposed_text_is_read_as_composed(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(unicodedata.normalize("NFD", TEXT), encoding="utf-8")
    assert names(read_assessments(path)) == EXPECTED


def test_a_parent_typed_decomposed_in_a_row_is_the_same_parent():
    from cchc_rules.io import parse_assessment_rows

    rows = [
        dict(zip(HEADER.strip().split(","), line.split(","), strict=True))
        for line in ROWS.splitlines()
    ]
    rows[1]["parent"] = unicodedata.normalize("NFD", rows[1]["parent"])
    parsed = parse_assessment_rows(rows, ["row 2", "row 3"])
    assert parsed.ok
    assert names(parsed.assessments) == EXPECTED


def test_blank_rows_anywhere_are_skipped(tmp_path):
    path = tmp_path / "t.csv"
    lines = ROWS.splitlines()
    path.write_text(HEADER + lines[0] + "\n,,,,,\n\n" + lines[1] + "\n , ,,,,\n,,,,,\n")
    _, where = read_rows(path)
    assert where == ["row 2", "row 5"]
    assert names(read_assessments(path)) == EXPECTED


def test_an_empty_column_without_a_header_is_ignored_but_a_value_under_it_is_reported(tmp_path):
    path = tmp_path / "t.csv"
    lines = ROWS.splitlines()
    path.write_text(HEADER.strip() + ",,\n" + lines[0] + ",,\n" + lines[1] + ",x,\n")
    with pytest.raises(InvalidInputError) as caught:
        read_assessments(path)
    assert [(p.location, p.message) for p in caught.value.problems] == [
        ("row 3", "has more cells than the header has columns")
    ]


@pytest.mark.parametrize(
    "header",
    [
        "unit,kind,parent,head,year,index_score,unit",
        "unit,kind,parent,head,year,index_score,Đơn vị",
        "Đơn vị,kind,parent,head,year,index_score,tên đơn vị",
        "unit,kind,parent,head,year,index_score,UNIT",
    ],
)
def test_a_column_given_twice_is_an_error_never_last_one_wins(tmp_path, header):
    path = tmp_path / "t.csv"
    path.write_text(header + "\nA,DEPARTMENT,,h,2019,90,B\n")
    with pytest.raises(InvalidInputError, match=r"has the column unit twice \(columns 1 .* and 7"):
        read_assessments(path)


def test_a_json_key_given_twice_is_an_error(tmp_path):
    path = tmp_path / "t.json"
    path.write_text('[{"unit": "A", "unit": "B"}]')
    with pytest.raises(InvalidInputError, match="has the key 'unit' twice in one object"):
        read_rows(path)


def test_vietnamese_headers_and_kind_labels_are_read(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        "Đơn vị;Loại đơn vị;Đơn vị cấp trên;NGƯỜI ĐỨNG ĐẦU;Năm;Điểm chỉ số\n"
        "Sở Nội vụ;Sở;;Giám đốc;2019;91,2\n"
        "UBND quận Hồng Bàng;UBND quận;;Chủ tịch;2019;90\n"
        "Phòng Nội vụ;phòng;UBND quận Hồng Bàng;Trưởng phòng;2019;75\n"
        "UBND phường Minh Khai;UBND phường;UBND quận Hồng Bàng;Chủ tịch;2019;69,99\n",
        encoding="utf-8",
    )
    found = read_assessments(path)
    assert [a.head.unit.kind for a in found] == [
        UnitKind.DEPARTMENT,
        UnitKind.DISTRICT,
        UnitKind.SUBORDINATE,
        UnitKind.COMMUNE,
    ]
    assert str(found[0].index_score) == "91.2"


@pytest.mark.parametrize(("kind", "aliases"), list(KIND_ALIASES.items()))
def test_every_kind_alias_parses_in_any_case_and_form(kind, aliases):
    for alias in aliases:
        assert UnitKind.parse(alias) is kind
        assert UnitKind.parse(unicodedata.normalize("NFD", alias.upper())) is kind


def _page_table(heading):
    page = Path("docs/input-files.md").read_text(encoding="utf-8")
    section = page.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    table = {}
    for line in rows:
        name, aliases = (cell.strip() for cell in line.strip("|").split("|"))
        table[name.strip("`")] = tuple(a.strip() for a in re.split(r";", aliases) if a.strip())
    return table


def test_the_documented_tables_are_the_ones_the_code_reads():
    assert _page_table("Column headers") == dict(COLUMN_ALIASES)
    assert _page_table("Kinds of unit") == {k.name: v for k, v in KIND_ALIASES.items()}


# -- tallies by unit identity ------------------------------------------------------------

TASKS = (
    "title,due,completed,unit,kind,parent,parent_kind\n"
    "a,2019-05-02,2019-05-02,Phòng Nội vụ,SUBORDINATE,UBND quận Lê Chân,DISTRICT\n"
    "b,2019-05-02,,Phòng Nội vụ,SUBORDINATE,UBND huyện An Lão,DISTRICT\n"
    "c,2019-05-02,,Phòng Nội vụ,SUBORDINATE,UBND quận Lê Chân,DISTRICT\n"
    "d,2019-05-02,,,,,\n"
    "e,2019-05-02,,(none),DEPARTMENT,,\n"
)


def test_a_tally_by_unit_groups_by_identity_not_by_the_name(tmp_path, capsys):
    path = tmp_path / "tasks.csv"
    path.write_text(TASKS, encoding="utf-8")
    status, out, _ = run(
        capsys, "tally", str(path), "--as-of", "2019-05-10", "--by", "unit", "--format", "json"
    )
    assert status == 0
    rows = json.loads(out)
    assert [(r["unit"], r["parent"], r["assigned"]) for r in rows] == [
        ("Phòng Nội vụ", "UBND quận Lê Chân", 2),
        ("Phòng Nội vụ", "UBND huyện An Lão", 1),
        (None, None, 1),
        ("(none)", None, 1),
    ]
    status, out, _ = run(
        capsys, "tally", str(path), "--as-of", "2019-05-10", "--by", "unit", "--format", "csv"
    )
    lines = out.splitlines()
    assert lines[0].startswith("unit,kind,parent,assigned,")
    assert lines[3].startswith(",,,1,")
    assert lines[4].startswith("(none),DEPARTMENT,,1,")
    status, out, _ = run(capsys, "tally", str(path), "--as-of", "2019-05-10", "--by", "unit")
    table = out.splitlines()
    assert table[0].split()[:4] == ["unit", "kind", "parent", "assigned"]
    assert len(table) == 6


def test_a_broken_utf16_file_says_so(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b"\xff\xfeu\x00n\x00i")
    with pytest.raises(InvalidInputError, match=r"is not utf-16 text \(truncated data"):
        read_rows(path)
