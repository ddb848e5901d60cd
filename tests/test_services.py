"""For services: Assessment.from_dict/to_dict, the verdict's JSON Schema, error
dicts with stable codes, versions, integral numbers from numpy."""

import inspect
import json

import jsonschema
import pytest
from hypothesis import given, settings

import cchc_rules
from cchc_rules import (
    Assessment,
    CchcError,
    Finding,
    Head,
    InvalidInputError,
    InvalidTypeError,
    MitigationGrounds,
    OutOfRangeError,
    Unit,
    UnitKind,
    grade_head,
)
from cchc_rules import errors as errors_module
from cchc_rules.errors import ERROR_CODES
from cchc_rules.io import schema
from cchc_rules.strategies import assessments

# built once: jsonschema.validate checks the schema itself on every call
VERDICT = jsonschema.Draft202012Validator(schema("verdict"))
ASSESSMENTS = jsonschema.Draft202012Validator(schema("assessments"))

DISTRICT = Unit("UBND quận Lê Chân", UnitKind.DISTRICT)
OFFICE = Head("Trưởng phòng", Unit("Phòng Nội vụ", UnitKind.SUBORDINATE, DISTRICT))


@settings(max_examples=60)
@given(assessments())
def test_an_assessment_survives_to_dict_json_from_dict(a):
    data = json.loads(json.dumps(a.to_dict(), ensure_ascii=False))
    assert Assessment.from_dict(data) == a
    ASSESSMENTS.validate([data])


@settings(max_examples=60)
@given(assessments())
def test_every_verdict_validates_against_the_shipped_schema(a):
    VERDICT.validate(grade_head(a).to_dict())


def test_the_verdict_schema_is_strict():
    verdict = grade_head(Assessment(OFFICE, 2019, "75.5", [Finding("x", MitigationGrounds())]))
    data = verdict.to_dict()
    jsonschema.validate(data, schema("verdict"))
    validator = jsonschema.Draft202012Validator(schema("verdict"))
    for broken in (
        dict(data, index_score=75.5),
        dict(data, grade="TOT"),
        dict(data, extra=1),
        {k: v for k, v in data.items() if k != "trace"},
        dict(data, schema_version=2),
    ):
        assert not validator.is_valid(broken)
    kinds = set(schema("verdict")["properties"]["kind"]["enum"])
    assert {k.name for k in UnitKind} <= kinds


def test_a_missing_key_says_missing_and_every_problem_is_listed():
    with pytest.raises(InvalidInputError) as caught:
        Assessment.from_dict({"unit": "Phòng Nội vụ", "kind": "Phòng", "head": None, "year": 2019})
    assert [(p.field, p.message) for p in caught.value.problems] == [
        ("head", "is missing"),
        ("index_score", "is missing"),
        (
            "parent",
            "parent of SUBORDINATE 'Phòng Nội vụ' must be a DEPARTMENT or DISTRICT (got None)",
        ),
    ]
    assert "NoneType" not in str(caught.value)


@pytest.mark.parametrize("data", [None, [], "x"])
def test_from_dict_needs_an_object(data):
    with pytest.raises(InvalidTypeError, match=r"^assessment must be an object \(a dict\)"):
        Assessment.from_dict(data)


def test_unknown_keys_are_reported():
    data = Assessment(OFFICE, 2019, 80).to_dict() | {"score": 1}
    with pytest.raises(InvalidInputError, match=r"unknown fields \['score'\]"):
        Assessment.from_dict(data, origin="request")


def test_an_error_as_a_dict_has_a_stable_code_both_languages_and_every_problem():
    with pytest.raises(InvalidInputError) as caught:
        Assessment.from_dict({"unit": "Sở Nội vụ", "kind": "Sở", "year": 2019, "index_score": 120})
    data = caught.value.to_dict()
    assert data["code"] == "invalid_input"
    assert data["schema_version"] == 1
    assert data["message"].splitlines()[0] == "assessment has 2 problems:"
    assert data["message_vi"].splitlines()[0] == "assessment có 2 lỗi:"
    assert data["problems"] == [
        {
            "location": "assessment",
            "location_vi": "assessment",
            "field": "head",
            "message": "is missing",
            "message_vi": "bị thiếu",
        },
        {
            "location": "assessment",
            "location_vi": "assessment",
            "field": "index_score",
            "message": "index_score must be between 0 and 100 (got 120)",
            "message_vi": "index_score phải nằm trong khoảng từ 0 đến 100 (nhận được 120)",
        },
    ]
    json.dumps(data)


def test_row_locations_are_said_in_both_languages(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("unit,kind,parent,head,year,index_score\nA,Sở,,h,2019,120\n")
    with pytest.raises(InvalidInputError) as caught:
        cchc_rules.io.read_assessments(path)
    (problem,) = caught.value.to_dict()["problems"]
    assert (problem["location"], problem["location_vi"]) == ("row 2", "dòng 2")


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda: Unit("", UnitKind.DEPARTMENT), "invalid_input"),
        (lambda: Unit(3, UnitKind.DEPARTMENT), "invalid_type"),
        (lambda: Assessment(OFFICE, 1800, 50), "out_of_range"),
    ],
)
def test_each_kind_of_error_has_its_code(make, code):
    with pytest.raises(CchcError) as caught:
        make()
    assert caught.value.to_dict()["code"] == code
    assert caught.value.to_dict()["problems"] == []


def test_every_error_class_has_a_documented_code():
    classes = [
        c
        for _, c in inspect.getmembers(errors_module, inspect.isclass)
        if issubclass(c, CchcError)
    ]
    assert {InvalidInputError, InvalidTypeError, OutOfRangeError, CchcError} <= set(classes)
    assert {c.code for c in classes} <= set(ERROR_CODES)
    assert len({c.code for c in classes}) == len(classes)


def test_versions_are_exported():
    assert isinstance(cchc_rules.__version__, str)
    assert (
        grade_head(Assessment(OFFICE, 2019, 80)).to_dict()["schema_version"]
        == cchc_rules.SCHEMA_VERSION
    )


def test_numpy_integers_are_integral_numbers_and_numpy_bools_are_not():
    np = pytest.importorskip("numpy")
    a = Assessment(OFFICE, np.int64(2019), np.int32(85))
    assert (a.year, type(a.year), str(a.index_score)) == (2019, int, "85")
    assert Assessment.from_dict(a.to_dict() | {"year": np.int16(2019)}) == a
    assert str(Assessment(OFFICE, 2019, np.float32(85.5)).index_score) == "85.5"
    with pytest.raises(InvalidTypeError, match="year must be an integer"):
        Assessment(OFFICE, np.bool_(True), 85)
    with pytest.raises(InvalidTypeError, match="index_score must be a number"):
        Assessment(OFFICE, 2019, np.bool_(True))
    with pytest.raises(InvalidTypeError, match="year must be an integer"):
        Assessment(OFFICE, True, 85)


def test_a_fraction_is_a_number_too():
    from fractions import Fraction

    assert str(Assessment(OFFICE, 2019, Fraction(171, 2)).index_score) == "85.5"


def test_numpy_integers_work_across_the_api():
    np = pytest.importorskip("numpy")
    import datetime as dt

    from cchc_rules import TaskReport, latest_notice_date, public_sector_calendar

    calendar = public_sector_calendar()
    assert calendar.add_working_days(dt.date(2019, 5, 2), np.int64(3)) == dt.date(2019, 5, 6)
    assert latest_notice_date(dt.date(2019, 6, 3), np.int32(5)) == dt.date(2019, 5, 24)
    assert TaskReport(np.int64(287), completed=np.int64(256)).assigned == 287
    with pytest.raises(InvalidTypeError):
        TaskReport(np.bool_(True))


def test_rows_from_a_dataframe_without_frames_read_nan_as_an_empty_cell():
    from cchc_rules.io import parse_assessment_rows

    nan = float("nan")
    rows = [
        {"unit": "Sở Nội vụ", "kind": "Sở", "parent": nan, "head": "A", "year": 2019,
         "index_score": 91.2},
        {"unit": "Sở Y tế", "kind": "Sở", "parent": nan, "head": nan, "year": 2019,
         "index_score": nan},
    ]  # fmt: skip
    parsed = parse_assessment_rows(rows, ["row 2", "row 3"])
    assert parsed.assessments[0].head.unit.parent is None
    assert [(p.field, p.message) for p in parsed.row_problems[1]] == [
        ("head", "is missing"),
        ("index_score", "is missing"),
    ]
