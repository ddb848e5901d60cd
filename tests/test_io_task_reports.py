"""cchc_rules.io._task_reports: a task report from a JSON object or file."""

from decimal import Decimal

import pytest

from cchc_rules import InvalidInputError
from cchc_rules.io import read_task_report, task_report_from_dict


def test_task_report_from_json_reports_every_bad_field(tmp_path):
    with pytest.raises(InvalidInputError) as caught:
        task_report_from_dict({"assigned": -1, "late_pct": "x", "colour": 1})
    fields = [p.field for p in caught.value.problems]
    assert fields == ["colour", "assigned", "late_pct"]
    path = tmp_path / "r.json"
    path.write_text('{"assigned": 287, "late": 53, "late_pct": "18,4"}', encoding="utf-8")
    assert read_task_report(path).late_pct == Decimal("18.4")
