"""Loaders and the command line under arbitrary input: the only exceptions that
escape are CchcErrors, and the CLI never prints a traceback."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_rules import CchcError, TaskReport, grade_head
from cchc_rules._messages import untranslated
from cchc_rules.cli import main
from cchc_rules.io import (
    ASSESSMENT_COLUMNS,
    assessment_to_dict,
    parse_assessment_rows,
    parse_task_rows,
    task_report_from_dict,
)
from cchc_rules.strategies import assessments

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
field_values = st.one_of(
    json_values,
    st.sampled_from(["DEPARTMENT", "COMMUNE", "2019", "85.5", "18,4%", "1/6/2019", "", " "]),
)
rows = st.dictionaries(
    st.sampled_from([*ASSESSMENT_COLUMNS, "findings", "parent_kind", "title", "due", "x"]),
    field_values,
    max_size=8,
)


@given(st.lists(rows, max_size=5))
def test_assessment_rows_raise_nothing_but_collect_problems(data):
    parsed = parse_assessment_rows(data, [f"$[{i}]" for i in range(len(data))])
    assert len(parsed.assessments) == len(data)
    for a, problems in zip(parsed.assessments, parsed.row_problems, strict=True):
        assert (a is None) == bool(problems)
    for problem in parsed.problems:  # every problem can be said in Vietnamese, whole
        assert untranslated(problem.message) == [], str(problem)
        assert problem.render("vi")


@given(st.lists(rows, max_size=5))
def test_task_rows_raise_nothing_but_collect_problems(data):
    tasks, problems = parse_task_rows(data, [f"row {i + 2}" for i in range(len(data))])
    assert len(tasks) + len({p.location for p in problems}) == len(data)
    assert all(untranslated(p.message) == [] for p in problems), problems


@given(json_values)
def test_task_report_loader_only_raises_cchc_errors(value):
    try:
        report = task_report_from_dict(value)
    except CchcError as exc:
        missing = untranslated(exc.args[0])
    else:
        assert isinstance(report, TaskReport)
        return
    assert missing == []


@settings(max_examples=60)
@given(st.lists(rows, max_size=4), st.sampled_from(["grade", "explain"]))
def test_cli_never_prints_a_traceback_on_json(tmp_path_factory, data, command):
    path = tmp_path_factory.mktemp("fuzz") / "in.json"
    path.write_text(json.dumps(data, default=str), encoding="utf-8")
    status = main(
        [command, str(path), "--format", "json"] if command == "grade" else [command, str(path)]
    )
    assert status in (0, 1, 2)


@settings(max_examples=60)
@given(st.text(max_size=200))
def test_cli_never_fails_unexpectedly_on_random_csv_text(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "in.csv"
    path.write_text("unit,kind,parent,head,year,index_score\n" + text, encoding="utf-8")
    assert main(["grade", str(path)]) in (0, 1, 2)


@given(assessments())
def test_assessments_round_trip_through_json_rows(a):
    row = json.loads(json.dumps(assessment_to_dict(a), ensure_ascii=False))
    parsed = parse_assessment_rows([row], ["$[0]"])
    assert parsed.assessments == (a,), parsed.problems
    assert grade_head(parsed.assessments[0]) == grade_head(a)
