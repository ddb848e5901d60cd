"""Streaming loaders: what they report is what reading the whole text reported, and
rows are handed on before the file ends."""

import codecs

import pytest

from cchc_rules import InvalidInputError, UnitKind
from cchc_rules._files import CHUNK_BYTES, read_text
from cchc_rules.io import iter_assessment_rows, iter_rows, read_assessments

HEADER = "unit,kind,parent,head,year,index_score\n"
ROW = "Sở Nội vụ,DEPARTMENT,,Nguyễn Văn A,2019,85.5\n"


def _undecodable_at(path):
    with pytest.raises(InvalidInputError) as streamed:
        list(iter_rows(path))
    with pytest.raises(InvalidInputError) as whole:
        read_text(path)
    return str(streamed.value), str(whole.value)


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_a_bad_byte_past_the_first_chunk_is_located_as_reading_it_whole_does(tmp_path, bom):
    rows = (ROW * (CHUNK_BYTES // len(ROW.encode()) + 10)).encode()
    path = tmp_path / "big.csv"
    path.write_bytes(bom + HEADER.encode() + rows + b"\xc3(,x\n")
    streamed, whole = _undecodable_at(path)
    assert streamed == whole
    assert f"at byte {len(HEADER.encode()) + len(rows)}" in streamed


def test_a_character_split_across_chunks_is_not_an_error(tmp_path):
    filler = "A,DEPARTMENT,,A,2019,80\n"
    before = CHUNK_BYTES - 2 - len(HEADER.encode())  # then "S", and "ở" across the boundary
    rows, rest = divmod(before, len(filler))
    last = "B" * (rest + len(filler) - len(filler) + 1) + filler[1:]
    text = HEADER + filler * (rows - 1) + last
    assert len(text.encode()) == CHUNK_BYTES - 2
    path = tmp_path / "split.csv"
    path.write_text(text + "Sở Nội vụ,DEPARTMENT,,A,2019,80\n", encoding="utf-8")
    *_, (_where, assessment, problems) = iter_assessment_rows(path)
    assert problems == ()
    assert assessment.head.unit.name == "Sở Nội vụ"


def test_a_wrong_named_encoding_is_reported_before_any_row(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(HEADER + ROW, encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"is not ascii text \(ordinal not in range"):
        iter_assessment_rows(path, "ascii")


def test_a_missing_file_or_a_folder_is_one_clear_error(tmp_path):
    with pytest.raises(InvalidInputError, match="cannot read"):
        iter_rows(tmp_path / "missing.csv")
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    with pytest.raises(InvalidInputError, match="cannot read"):
        iter_rows(folder)


def test_rows_are_handed_on_before_the_file_is_read_to_its_end(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(HEADER + ROW * 3, encoding="utf-8")
    rows = iter_assessment_rows(path)
    first = next(rows)
    with path.open("a", encoding="utf-8") as f:  # appended after the first row was read
        f.write("Sở Tư pháp,DEPARTMENT,,B,2019,bad\n")
    rest = list(rows)
    assert first[2] == ()
    assert len(rest) == 3
    assert rest[-1][0] == "row 5"
    assert rest[-1][2][0].field == "index_score"


def test_a_parent_defined_later_in_the_file_is_found_by_a_second_pass(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(
        HEADER
        + "Phòng Tư pháp,SUBORDINATE,UBND huyện An Lão,B,2019,80\n"
        + "UBND huyện An Lão,DISTRICT,,C,2019,90\n"
        + "Phòng Nội vụ,SUBORDINATE,Không có,D,2019,70\n",
        encoding="utf-8",
    )
    rows = list(iter_assessment_rows(path))
    assert rows[0][1].head.unit.parent.kind is UnitKind.DISTRICT
    assert rows[2][1] is None
    assert "parent kind of 'Không có' is unknown" in str(rows[2][2][0])


def test_read_assessments_reports_every_bad_row_and_returns_none(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(HEADER + ROW + "X,DEPARTMENT,,A,năm,85\n" + ROW + "Y,?,,A,2019,85\n")
    with pytest.raises(InvalidInputError) as error:
        read_assessments(path)
    text = str(error.value)
    assert "row 3, year" in text
    assert "row 5, kind" in text


def test_a_short_valid_row_is_read_and_is_not_remembered_for_the_fast_path(tmp_path):
    # Regression: a row without its trailing optional parent_kind cell is valid; the
    # fast path keyed rows by every column and failed with an internal IndexError.
    path = tmp_path / "short.csv"
    path.write_text(
        "unit,kind,parent,head,year,index_score,parent_kind\n"
        "Sở Nội vụ,DEPARTMENT,,Nguyễn Văn A,2019,85.5\n"
        "Sở Nội vụ,DEPARTMENT,,Nguyễn Văn A,2019,85.5,\n",
        encoding="utf-8",
    )
    first, second = read_assessments(path)
    assert first == second
    assert first.head.unit.kind is UnitKind.DEPARTMENT
    assert str(first.index_score) == "85.5"


def test_read_assessments_pauses_the_collector_and_restores_it_even_on_an_error(tmp_path):
    import gc

    path = tmp_path / "many.csv"
    body = "".join(f"Xã {i},COMMUNE,Huyện A,Chủ tịch {i},2019,90\n" for i in range(3_000))
    path.write_text("unit,kind,parent,head,year,index_score\n" + body, encoding="utf-8")
    gc.collect()
    before = [s["collections"] for s in gc.get_stats()]
    assert (
        len(read_assessments(path)) == 3_000
    )  # 9,000 objects kept: young collections without the pause
    after = [s["collections"] for s in gc.get_stats()]
    young, middle, old = (a - b for a, b in zip(after, before, strict=True))
    assert (young <= 1, middle, old) == (True, 0, 0)  # at most the one owed after the batch
    assert gc.isenabled()
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "unit,kind,parent,head,year,index_score\nXã,COMMUNE,,H,20x9,90\n", encoding="utf-8"
    )
    with pytest.raises(InvalidInputError):
        read_assessments(bad)
    assert gc.isenabled()
    gc.disable()
    try:
        read_assessments(path)
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()


def test_the_streaming_reader_leaves_the_collector_running_between_rows(tmp_path):
    import gc

    path = tmp_path / "few.csv"
    path.write_text(
        "unit,kind,parent,head,year,index_score\nXã 1,COMMUNE,Huyện A,Chủ tịch,2019,90\n",
        encoding="utf-8",
    )
    for _ in iter_assessment_rows(path):
        assert gc.isenabled()  # the caller's code between rows runs as it would anyway
