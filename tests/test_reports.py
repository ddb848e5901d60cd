"""Published task figures (cchc_rules.reports): percentages computed exactly, and
the check of a published report."""

from decimal import Decimal

import pytest

from cchc_rules import (
    DECISION_30_2018,
    SEED_004_REPORT,
    Discrepancy,
    DiscrepancyKind,
    InvalidInputError,
    InvalidTypeError,
    Source,
    TaskReport,
    check_percentage,
    check_task_report,
    percent_of,
)
from cchc_rules.reports import MAX_PLACES
from tests._shared import refusal


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: percent_of(-1, 5), "part must be at least 0 (got -1)"),
        (lambda: percent_of(1, -5), "whole must be at least 0 (got -5)"),
        (lambda: percent_of(1, 5, -1), "places must be at least 0 (got -1)"),
        (lambda: percent_of("1", 5), "part must be an integer (got str '1')"),
        (lambda: percent_of(1, "5"), "whole must be an integer (got str '5')"),
        (lambda: percent_of(1, 5, 1.0), "places must be an integer (got float 1.0)"),
        (
            lambda: percent_of(1, 5, MAX_PLACES + 1),
            f"places must be at most {MAX_PLACES} (got {MAX_PLACES + 1})",
        ),
        (lambda: check_percentage(-1, 5, "1"), "part must be at least 0 (got -1)"),
        (lambda: check_percentage(1, -5, "1"), "whole must be at least 0 (got -5)"),
        (lambda: check_percentage(1, 5, "-1", "x_pct"), "x_pct must not be negative (got '-1')"),
        (
            lambda: check_percentage(1, 5, None, "x_pct"),
            "x_pct must be a percentage (got NoneType None)",
        ),
        (lambda: check_percentage(-1, 0, "1"), "part must be at least 0 (got -1)"),
        (lambda: check_percentage(1, "0", "1"), "whole must be an integer (got str '0')"),
        (
            lambda: percent_of(3, 0),
            "a percentage of zero has no value (got 3 of 0): nothing was assigned",
        ),
        (lambda: check_percentage(1, 2, "50", " "), "field must not be empty (got ' ')"),
        (lambda: check_percentage(1, 2, "50", 5), "field must be text (got int 5)"),
        (lambda: check_percentage(1, 2, "50", "x_pct", ""), "label_vi must not be empty (got '')"),
    ],
)
def test_report_messages_name_the_field_what_was_expected_and_what_arrived(call, message):
    assert refusal(call) == message


def test_max_places_is_allowed_and_one_more_is_not():
    assert percent_of(1, 3, MAX_PLACES) == Decimal("33." + "3" * MAX_PLACES)
    stated = "33." + "3" * MAX_PLACES
    assert check_percentage(1, 3, stated) is None
    with pytest.raises(InvalidInputError) as caught:
        check_percentage(1, 3, stated + "3", "share")
    assert str(caught.value) == (
        f"share must have at most {MAX_PLACES} decimal places (got '{stated}3')"
    )


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


def test_a_discrepancy_as_a_dict():
    (d,) = check_task_report(TaskReport(287, late=53, late_pct="18,4"))
    assert d.to_dict() == {
        "field": "late_pct",
        "kind": "percentage",
        "stated": "18.4",
        "expected": "18.5",
        "related": ["late", "assigned"],
        "message": d.message,
        "message_vi": d.message_vi,
    }
    (zero,) = check_task_report(TaskReport(0, completed=0, completed_pct="0"))
    assert zero.to_dict()["expected"] is None
    assert zero.message_vi == (
        "Tỷ lệ nhiệm vụ đã hoàn thành công bố 0% nhưng tổng số là 0, không thể tính tỷ lệ"
    )
    assert (zero.field, zero.stated, zero.kind) == ("completed_pct", 0, DiscrepancyKind.PERCENTAGE)


def test_sum_and_part_messages_are_exact():
    found = check_task_report(TaskReport(10, completed=12, on_time=5, late=8, in_progress=1))
    assert [(d.message, d.message_vi) for d in found] == [
        (
            "completed: stated 12, but on_time 5 + late 8 = 13",
            "Số nhiệm vụ đã hoàn thành công bố 12 nhưng tổng các thành phần là 13",
        ),
        (
            "assigned: stated 10, but completed 12 + in_progress 1 = 13",
            "Số nhiệm vụ được giao công bố 10 nhưng tổng các thành phần là 13",
        ),
        (
            "completed: stated 12, more than assigned 10",
            "Số nhiệm vụ đã hoàn thành (12) lớn hơn số nhiệm vụ được giao (10)",
        ),
    ]
    assert [(d.stated, d.expected) for d in found] == [(12, 13), (10, 13), (12, 10)]


def test_plural_decimal_places_in_messages():
    (d,) = check_task_report(TaskReport(42, late=39, late_pct="92.80"))
    assert d.message.endswith("which rounds to 92.86% at 2 decimal places")
    (d,) = check_task_report(TaskReport(42, late=39, late_pct="92"))
    assert (
        d.message
        == "late_pct: stated 92%, but 39 of 42 is 92.9%, which rounds to 93% at 0 decimal places"
    )


@pytest.mark.parametrize("field", ["completed", "on_time", "late", "in_progress", "overdue"])
def test_every_report_count_names_itself(field):
    with pytest.raises(InvalidInputError) as caught:
        TaskReport(5, **{field: -1})
    assert str(caught.value) == f"{field} must be at least 0 (got -1)"


@pytest.mark.parametrize(
    "field", ["completed_pct", "on_time_pct", "late_pct", "in_progress_pct", "overdue_pct"]
)
def test_every_report_percentage_names_itself(field):
    with pytest.raises(InvalidInputError) as caught:
        TaskReport(5, **{field: "x"})
    assert str(caught.value) == f"{field} must be a number (got 'x')"
    with pytest.raises(InvalidInputError) as caught:
        TaskReport(5, **{field: "-2"})
    assert str(caught.value) == f"{field} must not be negative (got '-2')"


def test_discrepancy_fields_and_source_rendering():
    d = Discrepancy("x", 1, None, "m", DiscrepancyKind.SUM)
    assert d.fields == ("x",)
    assert (d.render(), d.render("en"), d.message_vi) == ("m", "m", "m")  # a caller's own text
    assert str(Source("Luật", provenance="supplied")) == "Luật (supplied)"
    assert DECISION_30_2018.rules_for(2019).unverified == frozenset(
        DECISION_30_2018.unverified_parameters()
    )


def test_check_task_report_takes_only_a_report():
    with pytest.raises(InvalidTypeError) as caught:
        check_task_report("r")
    assert str(caught.value) == "report must be a TaskReport (got str 'r')"


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


def test_percent_of_is_exact_at_any_size():
    assert percent_of(10**30, 1) == Decimal(10**32)
    assert percent_of(2, 3, 12) == Decimal("66.666666666667")
    assert percent_of(0, 7, 2) == Decimal("0.00")
