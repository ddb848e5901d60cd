from datetime import date
from decimal import Decimal

import pytest

from cchc_rules import (
    SEED_004_REPORT,
    DiscrepancyKind,
    InvalidInputError,
    InvalidTypeError,
    OutOfRangeError,
    PeriodUnit,
    ReportFrequency,
    Source,
    Task,
    TaskReport,
    TaskStatus,
    TaskTally,
    Unit,
    UnitKind,
    check_percentage,
    check_task_report,
    percent_of,
    period_end,
    reporting_periods,
    tally_by,
    tally_tasks,
)
from tests._shared import PLAIN

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


# -- Civil Code periods --------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "amount", "unit", "end"),
    [
        (date(2019, 1, 31), 1, PeriodUnit.MONTHS, date(2019, 2, 28)),  # no 31/2: last day
        (date(2019, 3, 29), 1, PeriodUnit.MONTHS, date(2019, 5, 2)),  # 29/4 off → 2/5
        (date(2019, 5, 6), 2, PeriodUnit.WEEKS, date(2019, 5, 20)),
        (date(2019, 4, 19), 8, PeriodUnit.DAYS, date(2019, 5, 2)),  # Sat 27/4 rolls
        (date(2019, 6, 3), 1, PeriodUnit.YEARS, date(2020, 6, 3)),
        (date(2019, 4, 26), 3, PeriodUnit.WORKING_DAYS, date(2019, 5, 4)),
    ],
)
def test_period_end(start, amount, unit, end):
    assert period_end(start, amount, unit) == end


def test_period_end_rejects_bad_amounts_and_units():
    with pytest.raises(InvalidInputError, match="amount must be at least 1"):
        period_end(date(2019, 1, 1), 0, PeriodUnit.DAYS)
    with pytest.raises(InvalidTypeError, match="unit must be a PeriodUnit"):
        period_end(date(2019, 1, 1), 1, "days")


def test_quarterly_reporting_periods_with_unverified_default_due_day():
    quarters = reporting_periods(2019)
    assert [(q.start, q.end) for q in quarters] == [
        (date(2019, 1, 1), date(2019, 3, 31)),
        (date(2019, 4, 1), date(2019, 6, 30)),
        (date(2019, 7, 1), date(2019, 9, 30)),
        (date(2019, 10, 1), date(2019, 12, 31)),
    ]
    assert quarters[0].due == date(2019, 4, 5)
    assert quarters[1].due == date(2019, 7, 5)
    assert all(q.due_source.unverified for q in quarters)
    assert quarters[0].source.location == "seeds/001_820c597a385c5d97.txt"


def test_monthly_periods_and_supplied_due_rule():
    months = reporting_periods(2019, ReportFrequency.MONTHLY, due_days_after=3)
    assert len(months) == 12
    assert months[1].end == date(2019, 2, 28)
    assert months[1].label == "02/2019"
    # 28/2 + 3 days = Sun 3/3 → Mon 4/3
    assert months[1].due == date(2019, 3, 4)
    assert not months[1].due_source.unverified
    cited = Source("Quy chế báo cáo (ví dụ)", provenance="supplied")
    assert reporting_periods(2019, due_source=cited)[0].due_source == cited


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


# -- published figures (seed 004) -----------------------------------------------------


def test_seed_004_has_exactly_one_discrepancy_late_pct():
    (only,) = check_task_report(SEED_004_REPORT)
    assert only.field == "late_pct"
    assert only.stated == Decimal("18.4")
    assert only.expected == Decimal("18.5")
    assert only.kind is DiscrepancyKind.PERCENTAGE
    assert only.related == ("late", "assigned")
    assert "53 of 287 is 18.47%" in only.message
    assert only.message_vi == (
        "Tỷ lệ nhiệm vụ hoàn thành quá hạn công bố 18,4% nhưng 53/287 là 18,47%, "
        "làm tròn đến 1 chữ số thập phân là 18,5%"
    )


def test_vietnamese_and_float_notation_and_precision():
    report = TaskReport(287, late=53, late_pct="18,4%", completed=256, completed_pct=89.2)
    assert report.late_pct == Decimal("18.4")
    assert report.completed_pct == Decimal("89.2")
    assert TaskReport(287, late=53, late_pct="18.47").late_pct == Decimal("18.47")
    assert check_task_report(TaskReport(287, late=53, late_pct="18.47")) == ()
    assert check_task_report(TaskReport(287, late=53, late_pct="18")) == ()


def test_sums_and_parts_exceeding_whole_are_all_reported():
    report = TaskReport(10, completed=12, on_time=5, late=8, in_progress=1)
    found = {(d.field, d.kind) for d in check_task_report(report)}
    assert found == {
        ("completed", DiscrepancyKind.SUM),  # on_time 5 + late 8 = 13
        ("assigned", DiscrepancyKind.SUM),  # completed 12 + in_progress 1 = 13
        ("completed", DiscrepancyKind.EXCEEDS_WHOLE),  # 12 > assigned 10
    }


def test_overdue_is_part_of_the_assigned_sum_when_given():
    ok = TaskReport(10, completed=6, on_time=6, late=0, in_progress=2, overdue=2)
    assert check_task_report(ok) == ()
    bad = TaskReport(10, completed=6, on_time=6, late=0, in_progress=2, overdue=3)
    (d,) = check_task_report(bad)
    assert (d.field, d.stated, d.expected, d.related) == (
        "assigned",
        10,
        11,
        ("completed", "in_progress", "overdue"),
    )


def test_percentage_of_zero_assigned_is_a_discrepancy_not_a_crash():
    (d,) = check_task_report(TaskReport(0, completed=0, completed_pct="0"))
    assert d.expected is None
    assert "no percentage of zero" in d.message


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"assigned": -1}, r"assigned must be at least 0 \(got -1\)"),
        ({"assigned": 5, "late": -2}, r"late must be at least 0 \(got -2\)"),
        ({"assigned": 5, "late": "-2"}, r"late must be at least 0 \(got -2\)"),
        ({"assigned": 5, "late_pct": "-3"}, "late_pct must not be negative"),
        ({"assigned": 5, "late_pct": "abc"}, r"late_pct must be a number \(got 'abc'\)"),
        ({"assigned": 5, "late_pct": "nan"}, "late_pct must be a finite number"),
        ({"assigned": True}, "assigned must be an integer"),
        ({"assigned": None}, "assigned must be a whole number"),
        ({"assigned": 5, "late": 2.0}, "late must be an integer"),
        ({"assigned": 5, "late_pct": True}, "late_pct must be a number"),
    ],
)
def test_bad_report_values_name_the_field(kwargs, match):
    with pytest.raises((InvalidInputError, InvalidTypeError), match=match):
        TaskReport(**kwargs)


def test_check_percentage_for_other_published_ratios():
    assert check_percentage(441, 441, "100") is None
    assert check_percentage(39, 42, "92,9%") is None
    assert check_percentage(39, 42, "93") is None
    wrong = check_percentage(39, 42, "92.8", "staff_pct")
    assert wrong is not None
    assert (wrong.field, wrong.expected) == ("staff_pct", Decimal("92.9"))
    with pytest.raises(InvalidTypeError):
        check_percentage(1, 2, None)
    with pytest.raises(InvalidTypeError, match="report must be a TaskReport"):
        check_task_report({"assigned": 1})


def test_percent_of_rounds_half_up_exactly():
    assert percent_of(1, 8, 1) == Decimal("12.5")
    assert percent_of(1, 16, 1) == Decimal("6.3")  # 6.25 → 6.3, not banker's 6.2
    assert percent_of(1, 3, 3) == Decimal("33.333")
    with pytest.raises(InvalidInputError, match="percentage of zero"):
        percent_of(1, 0)


def test_status_labels():
    assert TaskStatus.LATE.label_vi == "hoàn thành quá hạn"
    assert TaskStatus.OVERDUE.label_en == "overdue"


def test_periods_beyond_any_calendar_are_out_of_range():

    with pytest.raises(OutOfRangeError, match="beyond any calendar"):
        period_end(date(2019, 1, 1), 10**7, PeriodUnit.DAYS)
    with pytest.raises(OutOfRangeError, match="between 1900 and 2200"):
        reporting_periods(0)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: Task("t", date(2019, 5, 2)).status("d"),
            "as_of must be a datetime.date (got str 'd')",
        ),
    ],
)
def test_task_messages_name_the_field_what_was_expected_and_what_arrived(call, message):
    with pytest.raises((InvalidInputError, InvalidTypeError)) as caught:
        call()
    assert str(caught.value) == message


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


@pytest.mark.parametrize(
    ("call", "expected"),
    [
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
    ],
)
def test_tasks_exact_messages(call, expected):
    with pytest.raises((InvalidInputError, InvalidTypeError)) as caught:
        call()
    assert str(caught.value) == expected


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
