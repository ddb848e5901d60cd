"""cchc_rules.frames: grading and checking published grades over pandas DataFrames
(skipped without the ``pandas`` extra, except the message saying it is missing)."""

import pytest

from cchc_rules import InvalidInputError, InvalidTypeError, check_published_grades
from cchc_rules.io import read_published_grades

EXAMPLE = "docs/examples/published_2019.csv"


pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")
from cchc_rules.frames import check_grades_frame, grade_frame  # noqa: E402

ROWS = {
    "unit": ["Sở Nội vụ", "UBND quận Hồng Bàng", "Phòng Nội vụ", "Sở Y tế", "Sở Tư pháp"],
    "kind": ["DEPARTMENT", "UBND quận", "Phòng", "DEPARTMENT", "Sở"],
    "parent": [np.nan, None, "UBND quận Hồng Bàng", pd.NA, np.nan],
    "head": ["A", "B", "C", "D", "E"],
    "year": [2019, 2019, 2019, 2019, 2019],
    "index_score": [91.2, 90, 75, 120, 89.95],
    "note": ["x", "y", "z", "w", "v"],
}


def test_input_columns_are_kept_and_typed_results_added():
    df = pd.DataFrame(ROWS, index=[10, 11, 12, 13, 14])
    out = grade_frame(df, lang="en")
    assert list(out.columns[: len(df.columns)]) == list(df.columns)
    assert out.index.tolist() == df.index.tolist()
    pd.testing.assert_frame_equal(out[df.columns], df)
    assert out["grade"].tolist()[:3] == ["EXCELLENT", "EXCELLENT", "COMPLETED"]
    assert out["grade"].cat.ordered
    assert out["grade"].max() == "EXCELLENT"
    assert str(out["mitigated"].dtype) == "boolean"
    assert str(out["demotion"].dtype) == "Int64"
    assert out["grade_label_vi"][10] == "Hoàn thành xuất sắc nhiệm vụ"
    assert "grade_bands" in out["unverified"][10]
    assert out["brief"][14] == "base grade: index_score 89.95 → GOOD; final grade: GOOD"
    assert df.columns.tolist() == list(ROWS)  # the input is not changed


def test_a_bad_row_keeps_its_place_with_an_error_cell():
    out = grade_frame(pd.DataFrame(ROWS), lang="en")
    assert len(out) == 5
    assert out["error"].isna().tolist() == [True, True, True, False, True]
    assert out["error"][3] == "index_score: index_score must be between 0 and 100 (got 120.0)"
    assert pd.isna(out["grade"][3])
    assert pd.isna(out["mitigated"][3])
    vi = grade_frame(pd.DataFrame(ROWS))  # Vietnamese unless asked otherwise
    assert vi["error"][3].endswith("(nhận được 120.0)")


def test_pandas_values_are_understood():
    df = pd.DataFrame(ROWS).iloc[[0, 1, 2]].copy()
    df["year"] = pd.array([2019, None, 2019], dtype="Int64")
    df["index_score"] = np.array([91, 90, 75], dtype=np.int32)
    out = grade_frame(df, lang="en")
    assert out["error"][1] == "year: is missing"
    assert out["grade"][0] == "EXCELLENT"
    float_year = pd.DataFrame(ROWS).iloc[[0, 1]].copy()
    float_year["year"] = [2019.0, np.nan]
    out = grade_frame(float_year, lang="en")
    assert (out["grade"][0], out["error"][1]) == ("EXCELLENT", "year: is missing")
    float_year["year"] = [2019.5, 2019.0]
    assert "year must be a whole number" in grade_frame(float_year, lang="en")["error"][0]


def test_vietnamese_headers_are_read():
    df = pd.DataFrame(ROWS).rename(
        columns={"unit": "Đơn vị", "kind": "Loại", "index_score": "Điểm chỉ số", "year": "Năm"}
    )
    assert grade_frame(df)["grade"].tolist()[:2] == ["EXCELLENT", "EXCELLENT"]


def test_check_grades_frame_agrees_with_check_published_grades():
    df = pd.read_csv(EXAMPLE)
    out = check_grades_frame(df)
    oracle = check_published_grades(read_published_grades(EXAMPLE))
    assert out.loc[out["differs"], "unit"].tolist() == [
        d.assessment.head.unit.name for d in oracle
    ]
    assert out["published"].tolist() == ["EXCELLENT", "EXCELLENT", "COMPLETED"]
    assert str(out["differs"].dtype) == "boolean"


def test_check_grades_frame_bad_published_grade_is_a_row_error():
    df = pd.read_csv(EXAMPLE)
    df.loc[1, "published_grade"] = "Khá"
    out = check_grades_frame(df, lang="en")
    assert len(out) == 3
    assert pd.isna(out["differs"][1])
    assert out["error"][1].startswith("published_grade: published_grade must be a grade name")
    assert not out["differs"].fillna(False).any()


@pytest.mark.parametrize(
    ("make", "error", "match"),
    [
        (lambda: pd.DataFrame(ROWS).drop(columns="head"), InvalidInputError, "missing head"),
        (lambda: pd.DataFrame(ROWS).assign(grade=1), InvalidInputError, "result columns grade"),
        (lambda: ROWS, InvalidTypeError, "df must be a pandas DataFrame"),
    ],
)
def test_bad_frames_are_named(make, error, match):
    with pytest.raises(error, match=match):
        grade_frame(make())


def test_a_duplicated_column_is_an_error():
    df = pd.DataFrame(ROWS).rename(columns={"note": "Đơn vị"})
    with pytest.raises(InvalidInputError, match="has the column unit twice"):
        grade_frame(df)


def test_check_grades_frame_needs_the_published_column():
    with pytest.raises(InvalidInputError, match="missing published_grade"):
        check_grades_frame(pd.DataFrame(ROWS))


def test_a_timestamp_at_midnight_is_a_day():
    from cchc_rules.frames import frame_cell

    assert str(frame_cell(pd.Timestamp("2019-05-02"), "due")) == "2019-05-02"
    assert frame_cell(pd.NaT, "due") is None
    later = pd.Timestamp("2019-05-02 10:00")
    assert frame_cell(later, "due") is later
