"""cchc_rules.io._assessments and _quick: the streaming CSV loader (memos of
validated cells, the quick path) gives, row by row, what checking each row afresh
gives; and the assessments it builds equal those of the public constructors."""

import csv

from hypothesis import given, settings
from hypothesis import strategies as st

from tests._shared import rejected_after_checking_afresh

CELLS = {
    "unit": ["Sở Nội vụ", "UBND huyện An Lão", "Xã An Thắng", "Phòng Tư pháp", "Sở Y tế", "", " "],
    "kind": ["DEPARTMENT", "district", "COMMUNE", "SUBORDINATE", "ward", ""],
    "parent": ["", "UBND huyện An Lão", "Sở Nội vụ", "Không có"],
    "head": ["Nguyễn Văn A", "Trần Thị B", "Lê Văn C", ""],
    "year": ["2019", "2020", "1899", "năm", ""],
    "index_score": ["85.5", "90", "69,99", "101", "x", ""],
    "parent_kind": ["", "DEPARTMENT", "DISTRICT", "COMMUNE"],
    "findings": ["", '[{"description": "chậm"}]', "[", '[{"description": 1}]'],
    "note": ["", "x"],
}


@st.composite
def csv_files(draw):
    columns = ["unit", "kind", "parent", "head", "year", "index_score"]
    columns += draw(st.lists(st.sampled_from(["parent_kind", "findings", "note"]), unique=True))
    pool = draw(
        st.lists(
            st.fixed_dictionaries({c: st.sampled_from(CELLS[c]) for c in columns}),
            min_size=1,
            max_size=6,
        )
    )
    picks = draw(st.lists(st.integers(0, len(pool) - 1), max_size=30))  # rows repeat
    rows = [[pool[i][c] for c in columns] for i in picks]
    for row in rows:
        cut = draw(st.sampled_from([0, 0, 0, 1, -1]))  # a cell missing, or one extra
        if cut == 1:
            row.pop()
        elif cut == -1:
            row.append("thừa")
    return columns, rows


@settings(max_examples=60)
@given(csv_files())
def test_streamed_rows_equal_rows_checked_afresh(tmp_path_factory, data):
    columns, cells = data
    path = tmp_path_factory.mktemp("csv") / "a.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(columns)
        writer.writerows(cells)
    rejected_after_checking_afresh(path)
