"""cchc_rules.io._tallies: task tallies written as JSON and CSV."""

import json

from cchc_rules import TaskTally
from cchc_rules.io import tallies_to_csv, tallies_to_json


def test_tallies_to_json_and_csv():
    tallies = {"all": TaskTally(4, 2, 1, 1, 0, 2), "empty": TaskTally(0, 0, 0, 0, 0, 0)}
    data = json.loads(tallies_to_json(tallies))
    assert [row["group"] for row in data] == ["all", "empty"]
    assert data[0]["on_time_pct"] == "25.0"
    assert data[1]["on_time_pct"] is None
    lines = tallies_to_csv(tallies).splitlines()
    assert lines[0].startswith("group,assigned,completed")
    assert lines[1] == "all,4,2,1,1,0,2,50.0,25.0,25.0,0.0,50.0"
