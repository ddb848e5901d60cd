"""cchc_rules.verdict: a verdict's fields, equality, JSON layout and flat records."""

import json

import pytest

from cchc_rules import (
    CchcError,
    Finding,
    Grade,
    InvalidInputError,
    InvalidTypeError,
    Step,
    Verdict,
    grade_head,
    records,
    verdict_records,
)
from tests._shared import ALL_GROUNDS, ASSESSMENT, graded, two_findings_verdict


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


# -- a verdict built by hand: every field checked, named in both languages ----------------

_V = two_findings_verdict()
_FIELDS = (_V.assessment, _V.rulebook_id, _V.grade, _V.base_grade, _V.mitigated, _V.demotion,
           _V.unverified, _V.trace)  # fmt: skip


def _built_with(position, bad):
    return Verdict(*_FIELDS[:position], bad, *_FIELDS[position + 1 :])


@pytest.mark.parametrize(
    ("position", "bad", "error", "english", "vietnamese"),
    [
        (0, "x", InvalidTypeError, "assessment must be an Assessment (got str 'x')",
         "assessment phải là một Assessment (nhận được str 'x')"),
        (1, 5, InvalidTypeError, "rulebook_id must be text (got int 5)",
         "rulebook_id phải là văn bản (nhận được int 5)"),
        (1, " ", InvalidInputError, "rulebook_id must not be empty (got ' ')",
         "rulebook_id không được để trống (nhận được ' ')"),
        (2, "GOOD", InvalidTypeError, "grade must be an instance of Grade (got str 'GOOD')",
         "grade phải là một Grade (nhận được str 'GOOD')"),
        (3, 3, InvalidTypeError, "base_grade must be an instance of Grade (got int 3)",
         "base_grade phải là một Grade (nhận được int 3)"),
        (4, 1, InvalidTypeError, "mitigated must be True or False (got int 1)",
         "mitigated phải là True hoặc False (nhận được int 1)"),
        (5, -1, InvalidInputError, "demotion must be at least 0 (got -1)",
         "demotion phải từ 0 trở lên (nhận được -1)"),
        (5, True, InvalidTypeError, "demotion must be an integer (got bool True)",
         "demotion phải là một số nguyên (nhận được bool True)"),
        (6, 7, InvalidTypeError, "unverified must be a list (got int 7)",
         "unverified phải là một danh sách (nhận được int 7)"),
        (6, ("grade_bands", 3), InvalidTypeError, "unverified must be text (got int 3)",
         "unverified phải là văn bản (nhận được int 3)"),
        (7, 8, InvalidTypeError, "trace must be a list (got int 8)",
         "trace phải là một danh sách (nhận được int 8)"),
        (7, (_V.trace[0], "s"), InvalidTypeError,
         "trace[1] must be an instance of Step (got str 's')",
         "trace[1] phải là một Step (nhận được str 's')"),
    ],
)  # fmt: skip
def test_a_verdict_built_by_hand_names_the_bad_field_in_both_languages(
    position, bad, error, english, vietnamese
):
    with pytest.raises(error) as caught:
        _built_with(position, bad)
    assert str(caught.value) == english
    assert caught.value.localized("vi") == vietnamese


def test_a_verdict_built_by_hand_from_a_graded_ones_fields_equals_it():
    by_hand = Verdict(*_FIELDS[:6], list(_V.unverified), iter(_V.trace))
    assert by_hand == _V
    assert hash(by_hand) == hash(_V)
    assert (by_hand.unverified, by_hand.trace) == (_V.unverified, _V.trace)
    assert isinstance(by_hand.unverified, tuple)
    assert isinstance(by_hand.trace, tuple)
    assert by_hand.to_dict() == _V.to_dict()
    assert by_hand.brief("en") == _V.brief("en")


def test_verdicts_and_steps_built_by_hand_are_checked():
    verdict = grade_head(ASSESSMENT)
    step = verdict.trace[0]
    assert Step(*step) == step
    fields = (ASSESSMENT, "id", Grade.GOOD, Grade.GOOD, False, 0, (), ())
    assert Verdict(*fields).grade is Grade.GOOD
    for i, bad in [(0, None), (1, ""), (2, "GOOD"), (4, 1), (5, -1), (6, [1]), (7, [None])]:
        with pytest.raises(CchcError):
            Verdict(*fields[:i], bad, *fields[i + 1 :])
    for i, bad in [(0, 1), (1, "x"), (2, [1]), (3, (("a",),)), (4, None)]:
        with pytest.raises(InvalidTypeError):
            Step(*step[:i], bad, *step[i + 1 :])


def test_the_hash_tells_different_verdicts_apart():
    verdicts = [graded(score) for score in ("95", "85", "75", "65")]
    verdicts.append(_V)
    assert len({hash(v) for v in verdicts}) > 1  # not one constant: sets stay fast
    assert len(set(verdicts)) == len(verdicts)
    assert hash(graded("85")) == hash(graded("85"))


def test_the_repr_names_every_field_in_order():
    a, step = _V.assessment, _V.trace[-1]
    v = Verdict(a, "r", Grade.GOOD, Grade.EXCELLENT, True, 1, ("grade_bands",), (step,))
    assert repr(v) == (
        f"Verdict(assessment={a!r}, rulebook_id='r', grade=<Grade.GOOD: 'good'>, "
        "base_grade=<Grade.EXCELLENT: 'excellent'>, mitigated=True, demotion=1, "
        f"unverified=('grade_bands',), trace=({step!r},))"
    )
    assert repr(_V).startswith(f"Verdict(assessment={a!r}, rulebook_id='hai-phong-30-2018', ")


def test_records_name_what_is_not_a_list_of_verdicts_in_both_languages():
    with pytest.raises(InvalidTypeError) as caught:
        verdict_records(5)
    assert str(caught.value) == "verdicts must be a list (got int 5)"
    assert caught.value.localized("vi") == "verdicts phải là một danh sách (nhận được int 5)"
    with pytest.raises(InvalidTypeError) as caught:
        verdict_records([_V, "GOOD"])
    assert str(caught.value) == "verdicts[1] must be a Verdict (got str 'GOOD')"
    assert caught.value.localized("vi") == "verdicts[1] phải là một Verdict (nhận được str 'GOOD')"
