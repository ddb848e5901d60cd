"""Tasks (cchc_rules.tasks): status under the Civil Code, and tallies by status."""

from datetime import date
from decimal import Decimal

import pytest

from cchc_rules import (
    InvalidInputError,
    InvalidTypeError,
    Task,
    TaskStatus,
    TaskTally,
    Unit,
    UnitKind,
    tally_by,
    tally_tasks,
)
from tests._shared import PLAIN, refusal

DUE_SAT = date(2019, 4, 27)  # rolls to Thu 2/5/2019


# -- status (SPEC section 4, Civil Code Art. 148(5)) --------------------------------


def test_spec_example_due_saturday_completed_thursday_is_on_time():
    assert Task("t", DUE_SAT, date(2019, 5, 2)).status(date(2019, 6, 1)) is TaskStatus.ON_TIME
    assert Task("t", DUE_SAT).deadline() == date(2019, 5, 2)


def test_status_table():
    late = Task("t", DUE_SAT, date(2019, 5, 3))
    assert late.status(date(2019, 5, 3)) is TaskStatus.LATE
    assert late.status(date(2019, 5, 2)) is TaskStatus.IN_PROGRESS  # not completed by as_of yet
    open_task = Task("t", DUE_SAT)
    assert open_task.status(date(2019, 5, 2)) is TaskStatus.IN_PROGRESS
    assert open_task.status(date(2019, 5, 3)) is TaskStatus.OVERDUE


def test_task_validation():
    with pytest.raises(
        InvalidInputError, match=r"completed must not be before assigned 2019-05-02"
    ):
        Task("t", date(2019, 5, 10), date(2019, 5, 1), assigned=date(2019, 5, 2))
    with pytest.raises(InvalidInputError, match="due must not be before assigned"):
        Task("t", date(2019, 5, 1), assigned=date(2019, 5, 2))
    with pytest.raises(InvalidTypeError, match=r"due must be a datetime\.date"):
        Task("t", "2019-05-01")
    with pytest.raises(InvalidInputError, match="title must not be empty"):
        Task("", date(2019, 5, 1))
    with pytest.raises(InvalidTypeError, match="unit must be a Unit or None"):
        Task("t", date(2019, 5, 1), unit="Sở")


def test_working_day_time_limit_does_not_count_the_assignment_day():
    task = Task.within_working_days("t", date(2019, 4, 26), 1, area="TTHC")
    assert task.due == date(2019, 5, 2)
    assert task.assigned == date(2019, 4, 26)
    assert task.area == "TTHC"


# -- tallies --------------------------------------------------------------------------


def example_tasks():
    sở = Unit("Sở Nội vụ", UnitKind.DEPARTMENT)
    quận = Unit("UBND quận Lê Chân", UnitKind.DISTRICT)
    return [
        Task("a", date(2019, 5, 2), date(2019, 5, 2), unit=sở, area="TTHC"),
        Task("b", date(2019, 5, 2), date(2019, 5, 3), unit=sở, area="TTHC"),
        Task("c", date(2019, 5, 31), unit=quận, area="Công vụ"),
        Task("d", date(2019, 5, 3), unit=quận),
    ]


def test_tally_counts_and_percentages():
    tally = tally_tasks(example_tasks(), date(2019, 5, 10))
    assert tally == TaskTally(assigned=4, completed=2, on_time=1, late=1, in_progress=1, overdue=1)
    assert tally.percent("on_time") == Decimal("25.0")
    assert tally.percent("completed", places=0) == Decimal("50")
    with pytest.raises(InvalidInputError, match="field must be one of"):
        tally.percent("done")


def test_empty_tally_has_no_percentages():
    tally = tally_tasks([], date(2019, 5, 10))
    assert tally.assigned == 0
    with pytest.raises(InvalidInputError, match="no tasks were assigned"):
        tally.percent("completed")


def test_tally_by_unit_and_area():
    by_unit = tally_by(example_tasks(), date(2019, 5, 10), "unit")
    assert [u.name for u in by_unit] == ["Sở Nội vụ", "UBND quận Lê Chân"]
    assert [t.assigned for t in by_unit.values()] == [2, 2]
    by_area = tally_by(example_tasks(), date(2019, 5, 10), "area")
    assert by_area["TTHC"].on_time == 1
    assert by_area[None].overdue == 1
    assert tally_by(example_tasks(), date(2019, 5, 10), lambda t: t.title)["a"].on_time == 1
    with pytest.raises(InvalidInputError, match="by must be 'unit', 'area' or a function"):
        tally_by([], date(2019, 5, 10), "head")


def test_tally_rejects_non_tasks():
    with pytest.raises(InvalidTypeError, match=r"tasks\[0\] must be a Task"):
        tally_tasks(["a"], date(2019, 5, 10))


def test_status_labels():
    assert TaskStatus.LATE.label_vi == "hoàn thành quá hạn"
    assert TaskStatus.OVERDUE.label_en == "overdue"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: Task("t", date(2019, 5, 2)).status("d"),
            "as_of must be a datetime.date (got str 'd')",
        ),
        (
            lambda: tally_tasks([], date(2019, 1, 1), calendar="VN"),
            "calendar must be a WorkingCalendar or None (got str 'VN')",
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
            lambda: Task("Báo cáo", date(2019, 5, 1), assigned=date(2019, 5, 2)),
            "due must not be before assigned 2019-05-02 (got 2019-05-01) in task 'Báo cáo'",
        ),
        (
            lambda: Task("t", date(2019, 5, 10), date(2019, 5, 1), assigned=date(2019, 5, 2)),
            "completed must not be before assigned 2019-05-02 (got 2019-05-01) in task 't'",
        ),
        (
            lambda: TaskTally(0, 0, 0, 0, 0, 0).percent("late"),
            "late has no percentage: no tasks were assigned (assigned is 0)",
        ),
    ],
)
def test_task_messages_name_the_field_what_was_expected_and_what_arrived(call, message):
    assert refusal(call) == message


def test_task_status_uses_the_calendar_given():
    task = Task("t", date(2019, 4, 27), date(2019, 4, 30))  # due Saturday
    # Public sector: deadline rolls to Thu 2/5, so 30/4 is on time.
    assert task.status(date(2019, 5, 31)) is TaskStatus.ON_TIME
    # Plain Mon-Fri: deadline is Mon 29/4, so 30/4 is late.
    assert task.deadline(PLAIN) == date(2019, 4, 29)
    assert task.status(date(2019, 5, 31), PLAIN) is TaskStatus.LATE
    assert tally_tasks([task], date(2019, 5, 31), PLAIN).late == 1
    assert tally_tasks([task], date(2019, 5, 31)).on_time == 1
    open_task = Task("u", date(2019, 4, 27))
    assert open_task.status(date(2019, 4, 30), PLAIN) is TaskStatus.OVERDUE
    assert open_task.status(date(2019, 4, 30)) is TaskStatus.IN_PROGRESS


def test_within_working_days_uses_the_calendar_and_keeps_every_field():
    from cchc_rules import Unit, UnitKind

    unit = Unit("Sở Nội vụ", UnitKind.DEPARTMENT)
    task = Task.within_working_days(
        "t", date(2019, 4, 26), 2, completed=date(2019, 5, 2), unit=unit, area="TTHC",
        calendar=PLAIN,
    )  # fmt: skip
    assert (task.due, task.completed, task.unit, task.area, task.assigned) == (
        date(2019, 4, 30),
        date(2019, 5, 2),
        unit,
        "TTHC",
        date(2019, 4, 26),
    )
    with pytest.raises(InvalidInputError) as caught:
        Task.within_working_days("t", date(2019, 4, 26), 0)
    assert str(caught.value) == "working_days must be at least 1 (got 0)"


def test_to_report_defaults_to_one_place_and_includes_completed():
    report = TaskTally(3, 1, 1, 0, 2, 0).to_report()
    assert report.completed_pct == Decimal("33.3")
    assert report.on_time_pct == Decimal("33.3")


def test_tally_invariants_are_checked_with_exact_messages():
    with pytest.raises(InvalidInputError) as caught:
        TaskTally(4, 3, 1, 1, 1, 0)
    assert str(caught.value) == "completed must equal on_time + late = 2 (got 3)"
    with pytest.raises(InvalidInputError) as caught:
        TaskTally(5, 2, 1, 1, 1, 0)
    assert str(caught.value) == "assigned must equal completed + in_progress + overdue = 3 (got 5)"
    with pytest.raises(InvalidInputError) as caught:
        TaskTally(4, 2, 1, 1, 1, 1).percent("done")
    assert str(caught.value) == (
        "field must be one of assigned, completed, on_time, late, in_progress, overdue "
        "(got 'done')"
    )


def test_tally_to_report_keeps_the_precision_asked_for():
    report = TaskTally(3, 1, 1, 0, 2, 0).to_report(places=2)
    assert report.on_time_pct == Decimal("33.33")
    assert report.in_progress_pct == Decimal("66.67")
    assert TaskTally(0, 0, 0, 0, 0, 0).to_report().on_time_pct is None


def test_tally_by_uses_the_calendar_given():
    district = Unit("UBND quận Hồng Bàng", UnitKind.DISTRICT)
    task = Task("t", date(2019, 4, 27), date(2019, 4, 30), unit=district)
    assert tally_by([task], date(2019, 5, 31), "unit", PLAIN)[district].late == 1
    assert tally_by([task], date(2019, 5, 31), "unit")[district].on_time == 1
    with pytest.raises(InvalidTypeError) as caught:
        tally_by(["x"], date(2019, 5, 31))
    assert str(caught.value) == "tasks[0] must be a Task (got str 'x')"
