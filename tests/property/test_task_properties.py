"""Invariants of task status, tallies and published-figure checks."""

from collections import Counter
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction
from math import floor

from hypothesis import given
from hypothesis import strategies as st

from cchc_rules import (
    TaskReport,
    TaskStatus,
    check_percentage,
    check_task_report,
    percent_of,
    tally_tasks,
)
from cchc_rules.strategies import inconsistent_task_reports, task_tallies, tasks
from tests._shared import CAL

# Every status a task can reach from each status as as_of advances (or stays).
REACHABLE = {
    TaskStatus.IN_PROGRESS: set(TaskStatus),
    TaskStatus.OVERDUE: {TaskStatus.OVERDUE, TaskStatus.LATE},
    TaskStatus.ON_TIME: {TaskStatus.ON_TIME},
    TaskStatus.LATE: {TaskStatus.LATE},
}


def naive_status(task, as_of):
    """A task's status the long way: walk day by day from ``due`` to the first
    working day (the deadline), then compare, as Điều 148(5) reads."""
    deadline = task.due
    while not CAL.is_working_day(deadline):
        deadline += timedelta(days=1)
    done = task.completed is not None and task.completed <= as_of
    if done:
        return "on_time" if task.completed <= deadline else "late"
    return "in_progress" if as_of <= deadline else "overdue"


@given(st.lists(tasks(), max_size=30), st.integers(0, 400))
def test_statuses_partition_the_tasks(items, days_after):
    as_of = min((t.due for t in items), default=None)
    if as_of is None:
        return
    as_of += timedelta(days=days_after)
    if as_of > CAL.supported_range[1]:
        return
    counts = Counter(naive_status(t, as_of) for t in items)
    tally = tally_tasks(items, as_of)
    assert (tally.on_time, tally.late, tally.in_progress, tally.overdue) == (
        counts["on_time"],
        counts["late"],
        counts["in_progress"],
        counts["overdue"],
    )
    assert tally.assigned == len(items)
    assert tally.completed == counts["on_time"] + counts["late"]


@given(tasks(), st.integers(0, 200), st.integers(0, 200))
def test_status_only_moves_forward(task, a, b):
    start = task.assigned or task.due - timedelta(days=30)
    earlier, later = start + timedelta(days=min(a, b)), start + timedelta(days=max(a, b))
    assert task.status(later) in REACHABLE[task.status(earlier)]


@given(
    st.integers(0, 2000), st.integers(0, 2000), st.integers(0, 2000), st.integers(0, 2000),
    st.integers(0, 3),
)  # fmt: skip
def test_a_report_built_from_a_tally_checks_clean(on_time, late, in_progress, overdue, places):
    """A report whose percentages are computed here, in exact fractions (not with
    the library's percent_of), and written as text at ``places`` decimals."""
    completed = on_time + late
    assigned = completed + in_progress + overdue
    if assigned == 0:
        return
    counts = {"completed": completed, "on_time": on_time, "late": late,
              "in_progress": in_progress, "overdue": overdue}  # fmt: skip
    stated = {
        f"{name}_pct": f"{exact_half_up(count, assigned, places):.{places}f}"
        for name, count in counts.items()
    }
    report = TaskReport(assigned, **counts, **stated)
    assert check_task_report(report) == ()


@given(inconsistent_task_reports())
def test_changing_any_one_figure_yields_a_discrepancy_naming_it(case):
    report, field = case
    found = check_task_report(report)
    assert any(field in d.fields for d in found), (field, report, found)


def exact_half_up(part: int, whole: int, places: int) -> Decimal:
    scaled = Fraction(part * 100, whole) * 10**places
    return Decimal(floor(scaled + Fraction(1, 2))).scaleb(-places)


@given(st.integers(1, 10**9), st.data(), st.integers(0, 8))
def test_check_percentage_is_exact_at_every_precision(whole, data, places):
    part = data.draw(st.integers(0, whole))
    expected = exact_half_up(part, whole, places)
    assert percent_of(part, whole, places) == expected
    stated = f"{expected:.{places}f}"
    assert check_percentage(part, whole, stated) is None
    nudged = expected + Decimal(1).scaleb(-places)
    wrong = check_percentage(part, whole, f"{nudged:.{places}f}")
    assert wrong is not None
    assert wrong.expected == expected


@given(task_tallies())
def test_tally_percentages_sum_of_parts_is_consistent(tally):
    if tally.assigned == 0:
        return
    exact = Fraction(tally.on_time * 100, tally.assigned)
    assert abs(
        tally.percent("on_time", 3) - Decimal(exact.numerator) / exact.denominator
    ) <= Decimal("0.0005")
