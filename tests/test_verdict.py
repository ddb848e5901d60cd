"""cchc_rules.verdict: a verdict's fields, equality, JSON layout and flat records."""

import json

import pytest

from cchc_rules import Finding, Grade, records, verdict_records
from tests._shared import ALL_GROUNDS, graded, two_findings_verdict


def test_to_dict_is_json_and_stable():
    v = graded("85.50", [Finding("a", ALL_GROUNDS)])
    d = json.loads(json.dumps(v.to_dict()))
    assert d == v.to_dict()
    assert d["schema_version"] == 1
    assert (d["grade"], d["base_grade"], d["index_score"]) == ("GOOD", "GOOD", "85.50")
    assert d["findings"][0]["mitigation"]["directed"] is True
    assert d["trace"][1]["parameters"][0]["provenance"] == "unverified"


def test_verdict_to_dict_layout_schema_version_1():
    d = two_findings_verdict().to_dict()
    trace = d.pop("trace")
    assert d == {
        "schema_version": 1,
        "rulebook": "hai-phong-30-2018",
        "unit": "Phòng Nội vụ",
        "kind": "SUBORDINATE",
        "parent": "UBND quận Hồng Bàng",
        "head": "Trưởng phòng",
        "year": 2019,
        "index_score": "88.5",
        "findings": [
            {
                "description": "Bão",
                "mitigation": {
                    "directed": False,
                    "duties_fully_performed": False,
                    "preventive_measures_applied": False,
                    "objective_cause": "bão số 3",
                },
            },
            {
                "description": "Trễ",
                "mitigation": {
                    "directed": True,
                    "duties_fully_performed": False,
                    "preventive_measures_applied": False,
                    "objective_cause": None,
                },
            },
        ],
        "base_grade": "GOOD",
        "grade": "COMPLETED",
        "grade_label_vi": "Hoàn thành nhiệm vụ",
        "grade_label_en": "Completed duties",
        "mitigated": True,
        "demotion": 1,
        "unverified": [
            "index_year_offset",
            "grade_bands",
            "grade_levels",
            "finding_demotion",
            "mitigated_finding_demotion",
        ],
    }
    assert [(s["rule"], s["inputs"], s["outcome"]) for s in trace] == [
        ("index_year", {"year": "2019"}, "the CCHC index of 2019 is used"),
        ("base_grade", {"index_score": "88.5"}, "GOOD"),
        ("finding", {"findings[0]": "Bão"}, "proposes lowering 1 level(s)"),
        (
            "mitigation",
            {
                "directed": "False",
                "duties_fully_performed": "False",
                "preventive_measures_applied": "False",
                "objective_cause": "bão số 3",
            },
            "applies (objective cause): lowering 0 level(s) instead",
        ),
        ("finding", {"findings[1]": "Trễ"}, "proposes lowering 1 level(s)"),
        (
            "mitigation",
            {
                "directed": "True",
                "duties_fully_performed": "False",
                "preventive_measures_applied": "False",
                "objective_cause": "",
            },
            "does not apply: missing duties_fully_performed, preventive_measures_applied",
        ),
        ("final_grade", {"base_grade": "GOOD", "demotion": "1"}, "COMPLETED"),
    ]
    assert [
        [(p["name"], p["value"], p["provenance"]) for p in s["parameters"]] for s in trace
    ] == [
        [("index_year_offset", "0", "unverified")],
        [
            ("grade_bands", "excellent ≥ 90, good ≥ 80, completed ≥ 70", "unverified"),
            ("grade_levels", "EXCELLENT > GOOD > COMPLETED > NOT_COMPLETED", "unverified"),
        ],
        [("finding_demotion", "1", "unverified")],
        [("mitigated_finding_demotion", "0", "unverified")],
        [("finding_demotion", "1", "unverified")],
        [],
        [],
    ]
    assert trace[0]["citation"]["ref"] == "hp-2019-decision-30-report"
    assert trace[1]["parameters"][1]["source"]["instrument"] == (
        "Nghị định 90/2020/NĐ-CP; Nghị định 48/2023/NĐ-CP; Nghị định 335/2025/NĐ-CP"
    )
    assert json.loads(two_findings_verdict().to_json()) == two_findings_verdict().to_dict()
    assert "Hoàn thành" in two_findings_verdict().to_json()  # not \\u-escaped


def test_a_verdict_is_immutable_picklable_and_equal_by_value():
    import copy
    import pickle

    v = graded("85", [Finding("a", ALL_GROUNDS)])
    with pytest.raises(AttributeError):
        v.grade = Grade.EXCELLENT
    assert type(v).grade.__doc__ == "The final grade."  # help() shows each field's doc
    with pytest.raises(AttributeError):
        v.note = "x"
    again = pickle.loads(pickle.dumps(v))
    assert again == v
    assert again.trace == v.trace
    assert copy.copy(v) == v
    assert v != graded("85")
    assert v != "GOOD"
    assert {v, again} == {v}


def test_records_and_grading_do_not_build_the_trace():
    v = graded("85", [Finding("a"), Finding("b", ALL_GROUNDS)])
    (row,) = records([v])
    assert (row["grade"], row["findings"], row["mitigated"]) == ("COMPLETED", 2, True)
    assert v._trace is None
    assert [s.rule for s in v.trace][-1] == "final_grade"
    assert v._trace is v.trace  # built once, then kept


def test_verdict_records_is_the_name_and_records_its_alias():
    assert records is verdict_records
    rows = verdict_records([two_findings_verdict(), graded("95")])
    assert [(r["grade"], r["findings"], r["mitigated"]) for r in rows] == [
        ("COMPLETED", 2, True),
        ("EXCELLENT", 0, False),
    ]
    with pytest.raises(TypeError, match=r"verdicts\[0\] must be a Verdict"):
        verdict_records(["GOOD"])
