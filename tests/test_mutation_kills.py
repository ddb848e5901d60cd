"""Tests written for mutants that survived the first mutation runs (docs/quality.md):
each pins a field name, a default or a branch the suite did not pin before."""

from datetime import date
from decimal import Decimal

import pytest

from cchc_rules import (
    DECISION_30_2018,
    Assessment,
    InspectionPlan,
    InvalidInputError,
    InvalidTypeError,
    OutOfRangeError,
    Task,
    TaskReport,
    TaskTally,
    WorkingCalendar,
    check_percentage,
    check_task_report,
    grade_head,
    grade_many,
    notice_is_sufficient,
    public_sector_calendar,
    tally_by,
    tally_tasks,
)
from tests._shared import HEAD

PLAN = InspectionPlan(2019, date(2019, 6, 1), date(2019, 12, 31))


def message(call):
    with pytest.raises((InvalidInputError, InvalidTypeError)) as caught:
        call()
    return str(caught.value)


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (
            lambda: WorkingCalendar(date(2019, 1, 1), date(2019, 1, 2), None),
            "special_days must be a list (got NoneType None)",
        ),
        (
            lambda: public_sector_calendar().add_working_days(date(2031, 1, 1), 1),
            "day 2031-01-01 is outside the calendar's supported range 2018-01-01 to 2030-12-31; "
            "the days off outside it are not known. Extend it with public_sector_calendar("
            "first_year=..., last_year=...) and add that year's published days off with "
            "WorkingCalendar.with_changes_from(file) (on the command line: "
            "--calendar-changes FILE)",
        ),
        (
            lambda: public_sector_calendar().special_days("2019"),
            "year must be an integer (got str '2019')",
        ),
        (
            lambda: public_sector_calendar().with_changes(days_off=["x"], source="s"),
            "days_off must be a datetime.date (got str 'x')",
        ),
        (
            lambda: public_sector_calendar().with_changes(days_off=None, source="s"),
            "days_off must be a list (got NoneType None)",
        ),
        (
            lambda: public_sector_calendar().with_changes(working_days=["x"], source="s"),
            "working_days must be a datetime.date (got str 'x')",
        ),
        (
            lambda: public_sector_calendar().with_changes(working_days=5, source="s"),
            "working_days must be a list (got int 5)",
        ),
        (
            lambda: tally_tasks([], date(2019, 1, 1), calendar="VN"),
            "calendar must be a WorkingCalendar or None (got str 'VN')",
        ),
        (
            lambda: public_sector_calendar(2020, 2019),
            "last_year must be at least 2020 (got 2019)",
        ),
        (
            lambda: grade_head({"score": 80}),
            "assessment must be an Assessment (got dict {'score': 80})",
        ),
        (
            lambda: grade_head(Assessment(HEAD, 2019, 80), "r"),
            "rulebook must be a Rulebook (got str 'r')",
        ),
        (
            lambda: InspectionPlan(2019, "x", date(2019, 12, 31)),
            "first_day must be a datetime.date (got str 'x')",
        ),
        (lambda: PLAN.covers("x"), "inspection_day must be a datetime.date (got str 'x')"),
        (
            lambda: PLAN.notice_is_sufficient(None, date(2019, 6, 3), unannounced="y"),
            "unannounced must be True or False (got str 'y')",
        ),
        (
            lambda: Task("t", date(2019, 1, 2), "x"),
            "completed must be a datetime.date (got str 'x')",
        ),
        (
            lambda: Task("t", date(2019, 1, 2), unit="x"),
            "unit must be a Unit or None (got str 'x')",
        ),
        (lambda: Task("t", date(2019, 1, 2), area=""), "area must not be empty (got '')"),
        (
            lambda: Task.within_working_days("t", "x", 2),
            "assigned must be a datetime.date (got str 'x')",
        ),
        (lambda: tally_tasks([], "x"), "as_of must be a datetime.date (got str 'x')"),
        (lambda: tally_tasks(None, date(2019, 1, 1)), "tasks must be a list (got NoneType None)"),
        (lambda: tally_tasks([1], date(2019, 1, 1)), "tasks[0] must be a Task (got int 1)"),
        (
            lambda: tally_by([], date(2019, 1, 1), "head"),
            "by must be 'unit', 'area' or a function (got 'head')",
        ),
        (lambda: tally_by(None, date(2019, 1, 1)), "tasks must be a list (got NoneType None)"),
        (
            lambda: check_percentage(1, 5, None, "x_pct"),
            "x_pct must be a percentage (got NoneType None)",
        ),
        (lambda: check_percentage(-1, 0, "1"), "part must be at least 0 (got -1)"),
        (lambda: check_percentage(1, "0", "1"), "whole must be an integer (got str '0')"),
    ],
)
def test_exact_messages(call, expected):
    assert message(call) == expected


def test_default_names_and_sources():
    assert WorkingCalendar(date(2019, 1, 1), date(2019, 1, 2)).name == "custom calendar"
    changed = public_sector_calendar().with_changes(
        working_days=[date(2026, 12, 26)], source="CV 9"
    )
    (worked,) = changed.make_up_days(2026)[-1:]
    assert worked.source.instrument == "CV 9"
    note = public_sector_calendar().days_off(2027)[0].source.note
    assert note == (
        "provisional: the public sector's schedule of days off for 2027 is not yet "
        "published; statutory holidays (lunar dates computed by the holidays package) and "
        "compensatory days only, no swaps"
    )


def test_a_freshly_built_calendar_ends_on_its_last_day():
    cal = public_sector_calendar(2019, 2019)
    assert cal.is_working_day(date(2019, 12, 31))
    with pytest.raises(OutOfRangeError):
        cal.is_working_day(date(2020, 1, 1))
    short = WorkingCalendar(date(2019, 5, 6), date(2019, 5, 7))
    with pytest.raises(OutOfRangeError):
        short.is_working_day(date(2019, 5, 8))


def test_notice_on_a_non_working_inspection_day_is_never_sufficient():
    saturday = date(2019, 6, 8)
    assert not notice_is_sufficient(saturday, saturday, 0)


def test_explain_defaults_to_vietnamese():
    v = grade_head(Assessment(HEAD, 2019, 85))
    assert v.explain() == v.explain("vi")


def test_grade_many_uses_the_rulebook_given():
    batch = grade_many([Assessment(HEAD, 2019, 79)], DECISION_30_2018.with_bands(80, 70, 50))
    assert batch.verdicts[0].grade.name == "GOOD"
    assert batch.verdicts[0].unverified == ("index_year_offset", "grade_levels")


def test_citations_without_a_location_in_vietnamese():
    rb = DECISION_30_2018.with_bands(80, 70, 50)
    import attrs

    from cchc_rules import Source

    rb = attrs.evolve(rb, basis=Source("Quyết định X", provenance="verified"))
    text = grade_head(Assessment(HEAD, 2019, 85), rb).explain("vi")
    assert "căn cứ: Quyết định X (đã xác minh)" in text
    html = grade_head(Assessment(HEAD, 2019, 85), rb)._repr_html_()
    assert "</td></tr><tr><td>base_grade" in html


def test_all_verified_html_has_no_note():
    from tests._shared import all_verified_rulebook

    html = grade_head(Assessment(HEAD, 2019, 85), all_verified_rulebook())._repr_html_()
    assert html.startswith(
        "<div><p><b>A</b> — Sở Nội vụ, 2019, index 85: <b>Hoàn thành tốt nhiệm vụ</b> "
        "(Well completed duties)</p><table>"
    )


def test_to_report_defaults_to_one_place_and_includes_completed():
    report = TaskTally(3, 1, 1, 0, 2, 0).to_report()
    assert report.completed_pct == Decimal("33.3")
    assert report.on_time_pct == Decimal("33.3")


def test_check_percentage_default_labels():
    d = check_percentage(1, 3, "33")
    assert d is None
    d = check_percentage(1, 3, "34")
    assert d.field == "percentage"
    assert d.message_vi.startswith("Tỷ lệ công bố 34%")
    zero = check_percentage(0, 0, "0")
    assert zero.message_vi.startswith("Tỷ lệ công bố 0% nhưng tổng số là 0")


def test_exceeds_whole_names_the_whole():
    found = check_task_report(TaskReport(10, completed=5, on_time=6, late=0))
    exceeds = [d for d in found if d.kind.value == "exceeds_whole"]
    assert [(d.field, d.related) for d in exceeds] == [("on_time", ("completed",))]
