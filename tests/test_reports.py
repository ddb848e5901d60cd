"""Published task figures (cchc_rules.reports): percentages computed exactly, and
the check of a published report."""

from decimal import Decimal

import pytest

from cchc_rules import (
    InvalidInputError,
    InvalidTypeError,
    TaskReport,
    check_percentage,
    check_task_report,
    percent_of,
)
from cchc_rules.reports import MAX_PLACES


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
    ],
)
def test_report_messages_name_the_field_what_was_expected_and_what_arrived(call, message):
    with pytest.raises((InvalidInputError, InvalidTypeError)) as caught:
        call()
    assert str(caught.value) == message


def test_max_places_is_allowed_and_one_more_is_not():
    assert percent_of(1, 3, MAX_PLACES) == Decimal("33." + "3" * MAX_PLACES)
    stated = "33." + "3" * MAX_PLACES
    assert check_percentage(1, 3, stated) is None
    with pytest.raises(InvalidInputError) as caught:
        check_percentage(1, 3, stated + "3", "share")
    assert str(caught.value) == (
        f"share must have at most {MAX_PLACES} decimal places (got '{stated}3')"
    )


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (
            lambda: check_percentage(1, 5, None, "x_pct"),
            "x_pct must be a percentage (got NoneType None)",
        ),
        (lambda: check_percentage(-1, 0, "1"), "part must be at least 0 (got -1)"),
        (lambda: check_percentage(1, "0", "1"), "whole must be an integer (got str '0')"),
    ],
)
def test_reports_exact_messages(call, expected):
    with pytest.raises((InvalidInputError, InvalidTypeError)) as caught:
        call()
    assert str(caught.value) == expected


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
