"""Sweep the public API with arbitrary values: every failure is a CchcError (never
an AttributeError, KeyError or ZeroDivisionError from inside)."""

import datetime as dt
import inspect
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

import cchc_rules as cr
from cchc_rules._messages import untranslated
from cchc_rules.io import (
    parse_day,
    read_assessments,
    read_task_report,
    read_tasks,
    schema,
    task_report_from_dict,
)
from tests._shared import CAL, HEAD

junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.text(max_size=10),
    st.sampled_from(["DEPARTMENT", "GOOD", "85,5", "2019-06-03", "1/6/2019", "-1", "nan"]),
    st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)),
    st.datetimes(dt.datetime(2018, 1, 1), dt.datetime(2026, 12, 31)),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.just(HEAD),
    st.just(cr.Finding("x")),
    st.just(CAL),
)

# Everything a caller passes values into.
ENTRY_POINTS = {
    "public_sector_calendar": cr.public_sector_calendar,
    "is_working_day": CAL.is_working_day,
    "add_working_days": CAL.add_working_days,
    "working_days_between": CAL.working_days_between,
    "special_days": CAL.special_days,
    "with_changes": lambda days_off=(), working_days=(), source="x": CAL.with_changes(
        days_off, working_days, source=source
    ),
    "WorkingCalendar": cr.WorkingCalendar,
    "latest_notice_date": cr.latest_notice_date,
    "notice_is_sufficient": cr.notice_is_sufficient,
    "InspectionPlan": cr.InspectionPlan,
    "notice_for": cr.HAI_PHONG_2019_INSPECTION_PLAN.notice_for,
    "Unit": cr.Unit,
    "Head": cr.Head,
    "evaluator_for": cr.evaluator_for,
    "Task": cr.Task,
    "Task.within_working_days": cr.Task.within_working_days,
    "tally_tasks": cr.tally_tasks,
    "tally_by": cr.tally_by,
    "TaskTally": cr.TaskTally,
    "TaskReport": cr.TaskReport,
    "check_task_report": cr.check_task_report,
    "check_percentage": cr.check_percentage,
    "percent_of": cr.percent_of,
    "period_end": cr.period_end,
    "reporting_periods": cr.reporting_periods,
    "Source": cr.Source,
    "Grade.parse": cr.Grade.parse,
    "UnitKind.parse": cr.UnitKind.parse,
    "MitigationGrounds": cr.MitigationGrounds,
    "Finding": cr.Finding,
    "Assessment": cr.Assessment,
    "grade_head": cr.grade_head,
    "grade_many": cr.grade_many,
    "with_bands": cr.DECISION_30_2018.with_bands,
    "rules_for": cr.DECISION_30_2018.rules_for,
    "Rulebook.from_dict": cr.Rulebook.from_dict,
    "Rulebook.from_toml": cr.Rulebook.from_toml,
    "Bands": cr.Bands,
    "parse_day": parse_day,
    "schema": schema,
    "task_report_from_dict": task_report_from_dict,
    "load_rulebook": cr.load_rulebook,
    "read_assessments": read_assessments,
    "read_tasks": read_tasks,
    "read_task_report": read_task_report,
}


def binds(fn, args):
    """Whether ``args`` fit ``fn``'s signature (a wrong number of arguments is
    Python's own TypeError, not a bad value)."""
    try:
        inspect.signature(fn).bind(*args)
    except TypeError:
        return False
    return True


@given(st.sampled_from(sorted(ENTRY_POINTS)), st.lists(junk, max_size=4))
def test_public_api_fails_only_with_cchc_errors(name, args):
    fn = ENTRY_POINTS[name]
    if not binds(fn, args):
        return
    try:
        fn(*args)
    except cr.CchcError as exc:
        assert_translatable(exc)


def assert_translatable(exc):
    """The error can be said in Vietnamese, whole: no English left but data."""
    assert untranslated(exc.args[0]) == [], str(exc)
    assert exc.localized("en") == str(exc)
    assert exc.localized("vi")


@given(junk)
def test_tally_percent_with_arbitrary_field(field):
    tally = cr.TaskTally(4, 2, 1, 1, 1, 1)
    try:
        value = tally.percent(field)
    except cr.CchcError:
        return
    assert isinstance(value, Decimal)
