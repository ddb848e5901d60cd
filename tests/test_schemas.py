"""The shipped JSON Schemas agree with the loaders on valid and invalid samples."""

import json

import jsonschema
import pytest
from hypothesis import given

from cchc_rules import (
    CchcError,
    InvalidInputError,
)
from cchc_rules.io import (
    SCHEMAS,
    assessment_to_dict,
    parse_assessment_rows,
    parse_task_rows,
    schema,
    task_report_from_dict,
)
from cchc_rules.strategies import assessments

OK = {"unit": "Sở Nội vụ", "kind": "DEPARTMENT", "head": "A", "year": 2019, "index_score": 85}
MITIGATED = dict(OK, findings=[{"description": "chậm", "mitigation": {"directed": True}}])


def schema_ok(name, value):
    try:
        jsonschema.validate(value, schema(name))
    except jsonschema.ValidationError:
        return False
    return True


def loader_ok_assessments(rows):
    return parse_assessment_rows(rows, [f"$[{i}]" for i in range(len(rows))]).ok


def loader_ok_tasks(rows):
    _, problems = parse_task_rows(rows, [f"$[{i}]" for i in range(len(rows))])
    return not problems


def loader_ok_report(value):
    try:
        task_report_from_dict(value)
    except CchcError:
        return False
    return True


@pytest.mark.parametrize("name", SCHEMAS)
def test_schemas_are_valid_draft_2020_12(name):
    jsonschema.Draft202012Validator.check_schema(schema(name))


def test_unknown_schema_name():
    with pytest.raises(InvalidInputError, match="name must be one of"):
        schema("rulebook")


@pytest.mark.parametrize(
    ("rows", "valid"),
    [
        ([OK], True),
        ([MITIGATED], True),
        ([dict(OK, index_score="85,5", year="2019", parent=None)], True),
        ([dict(OK, kind="SUBORDINATE", parent="UBND quận A", parent_kind="DISTRICT")], True),
        ([dict(OK, index_score=120)], False),
        ([dict(OK, index_score="85 điểm")], False),
        ([dict(OK, kind="MINISTRY")], False),
        ([{k: v for k, v in OK.items() if k != "head"}], False),
        ([dict(OK, head="  ")], False),
        ([dict(OK, colour="blue")], False),
        ([dict(OK, year=True)], False),
        ([dict(OK, findings=[{"description": "x", "mitigation": {"directed": "yes"}}])], False),
        ([dict(OK, findings=[{"mitigation": None}])], False),
    ],
)
def test_assessments_schema_agrees_with_loader(rows, valid):
    assert schema_ok("assessments", rows) is valid
    assert loader_ok_assessments(rows) is valid


@pytest.mark.parametrize(
    ("rows", "valid"),
    [
        ([{"title": "a", "due": "1/6/2019"}], True),
        ([{"title": "a", "due": "2019-06-01", "completed": "", "area": "TTHC"}], True),
        ([{"title": "a", "due": "2019-06-01", "unit": "Sở A", "kind": "DEPARTMENT"}], True),
        ([{"title": "a", "due": "June 1"}], False),
        ([{"title": "a"}], False),
        ([{"title": "", "due": "1/6/2019"}], False),
        ([{"title": "a", "due": "1/6/2019", "x": 1}], False),
        ([{"title": "a", "due": 20190601}], False),
    ],
)
def test_tasks_schema_agrees_with_loader(rows, valid):
    assert schema_ok("tasks", rows) is valid
    assert loader_ok_tasks(rows) is valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ({"assigned": 287, "late": 53, "late_pct": "18,4%"}, True),
        ({"assigned": "287", "late_pct": 18.4, "overdue": None}, True),
        ({"assigned": -1}, False),
        ({"late": 1}, False),
        ({"assigned": 5, "late_pct": "abc"}, False),
        ({"assigned": 5, "late_pct": -3}, False),
        ({"assigned": 5, "colour": 1}, False),
        ({"assigned": True}, False),
        ([1], False),
    ],
)
def test_task_report_schema_agrees_with_loader(value, valid):
    assert schema_ok("task_report", value) is valid
    assert loader_ok_report(value) is valid


@given(assessments())
def test_every_assessment_the_library_writes_validates(a):
    rows = [json.loads(json.dumps(assessment_to_dict(a), ensure_ascii=False))]
    assert schema_ok("assessments", rows)
    assert loader_ok_assessments(rows)


def test_version_and_schema_version_are_exported():
    import importlib.metadata

    import cchc_rules

    assert cchc_rules.__version__ == importlib.metadata.version("cchc-rules")
    assert cchc_rules.SCHEMA_VERSION == 1
    assert {"__version__", "SCHEMA_VERSION"} <= set(cchc_rules.__all__)
