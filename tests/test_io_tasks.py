"""cchc_rules.io._tasks: task tables, every bad row reported with its location."""

from datetime import date

from cchc_rules.io import read_tasks
from tests._shared import ROOT, problems_reported

EXAMPLE = ROOT / "docs/examples/haiphong_2019.csv"


def test_read_tasks_and_every_bad_row(tmp_path):
    tasks = read_tasks(EXAMPLE.parent / "tasks_2019.csv")
    assert [t.due for t in tasks][:2] == [date(2019, 4, 27), date(2019, 4, 5)]
    assert tasks[0].unit.name == "Sở Nội vụ"
    bad = tmp_path / "t.csv"
    bad.write_text(
        "title,due,completed,assigned,unit,kind\n"
        "a,31/2/2019,,,,\n"
        ",1/5/2019,,,,\n"
        "c,1/5/2019,30/4/2019,2/5/2019,,\n"
        "d,1/5/2019,,,Sở,\n",
        encoding="utf-8",
    )
    assert problems_reported(read_tasks, bad)[0] == [
        ("row 2", "due"),
        ("row 3", "title"),
        ("row 4", ""),
        ("row 5", "kind"),
    ]
