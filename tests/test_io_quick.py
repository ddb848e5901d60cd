"""cchc_rules.io._quick: a CSV row built straight from its cells gives what checking
the row afresh gives (the assessment, or the same problems), whichever branch of the
quick path it takes: a unit of a known or a new shape, a parent given, implied or
unknown, a kind or a year seen for the first time, text the checked path must
compose, a structure the year does not have."""

import unicodedata

from tests._shared import rejected_after_checking_afresh

HEADER = "unit,kind,parent,head,year,index_score,parent_kind\n"
ROWS = [
    "Đặc khu X,SPECIAL_ZONE,,Chủ tịch,năm,80,",  # a bad year: the unit is built all the same
    "Đặc khu X,SPECIAL_ZONE,,Chủ tịch Y,2026,80,",  # ...and found again for a new head
    "Sở A,DEPARTMENT,,Giám đốc A,2019,80,",  # checked path: its shape is learnt
    "Sở B,DEPARTMENT,,Giám đốc B,2019,80.5,",  # a new unit of a known shape
    "Sở B,Sở,,Giám đốc C,2019,80,",  # the same unit under a label, another head
    "Phòng X,SUBORDINATE,Sở B,Trưởng phòng,2019,80,DEPARTMENT",  # a new shape, parent given
    "Phòng Y,SUBORDINATE,Sở B,Trưởng phòng,2020,81,",  # the parent's kind from its row
    "Phòng Z,SUBORDINATE,Sở Lạ,Trưởng phòng,2019,80,",  # a parent of unknown kind
    "Xã Z,COMMUNE,Sở B,Chủ tịch,2019,80,DEPARTMENT",  # a shape Unit refuses
    "Xã Z,COMMUNE,Sở B,Chủ tịch,2019,80,DEPARTMENT",  # ...and again, from the memo
    "Huyện Q,DISTRICT,,Chủ tịch Q,2019,80,",
    "Xã W,COMMUNE,Huyện Q,Chủ tịch W,2019,80,",  # the parent implied (a district)
    "Xã V,COMMUNE,Huyện Q,Chủ tịch V,2019,79,COMMUNE",  # a parent kind Unit refuses here
    "Huyện Q,DISTRICT,,Chủ tịch Q,2026,80,",  # no district in 2026
    unicodedata.normalize("NFD", "Sở Nội vụ") + ",DEPARTMENT,,Giám đốc,2019,80,",
    "Sở C,DEPARTMENT,,  ,2019,80,",  # a blank head
    "Sở D,DEPARTMENT,,Giám đốc D,năm,80,",  # a year that is not one
    "Sở E,DEPARTMENT,,Giám đốc E,2019,101,",  # a score out of range
    "Sở F,DEPARTMENT,Sở A,Giám đốc F,2019,80,",  # a department with a parent
    "UBND đặc khu Cát Hải,SPECIAL_ZONE,,Chủ tịch,2026,80,",  # a shape first seen in 2026
    "Xã U,COMMUNE,,Chủ tịch U,2026,80,",  # a commune without a district, since 2025
    "Xã T,COMMUNE,,Chủ tịch T,2019,80,",  # ...not before
    '"Sở Na"\u0301,DEPARTMENT,,Giám đốc,2019,80,',  # a cell the checked path composes
    'Phòng N,SUBORDINATE,"Sở Na"\u0301,Trưởng phòng,2019,80,DEPARTMENT',  # a parent too
    "Phòng K,SUBORDINATE,Sở B,Trưởng phòng,2019,80,XYZ",  # a parent kind that is not one
    "Phòng L,SUBORDINATE,Sở B,Trưởng phòng,2019,80,SUBORDINATE",  # a parent Unit refuses
    "Sở H,DEPARTMENT,,Giám đốc H,2019,80",  # a short row: valid, never quick
    "Sở H,DEPARTMENT,,Giám đốc H,2019,80,",  # ...its unit and head seen: the memo serves
]


def test_every_row_is_what_checking_it_afresh_gives(tmp_path):
    assert _checked_afresh(tmp_path, HEADER, ROWS) == 13  # every bad row above reported


def test_a_table_with_an_unknown_column_is_read_as_checked(tmp_path):
    header = HEADER.replace("\n", ",note\n")  # reported on every row: the quick path is off
    assert _checked_afresh(tmp_path, header, [row + "," for row in ROWS[:4]]) == 4


def _checked_afresh(tmp_path, header, lines):
    path = tmp_path / "a.csv"
    path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return rejected_after_checking_afresh(path)
