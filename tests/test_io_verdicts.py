"""cchc_rules.io._verdicts: verdicts written as JSON and CSV."""

import json

from cchc_rules import grade_head
from cchc_rules.io import read_assessments, verdicts_to_csv, verdicts_to_json
from tests._shared import ROOT

EXAMPLE = ROOT / "docs/examples/haiphong_2019.csv"


def test_writers_round_trip_verdicts():
    verdicts = [grade_head(a) for a in read_assessments(EXAMPLE)]
    data = json.loads(verdicts_to_json(verdicts))
    assert [d["grade"] for d in data] == [v.grade.name for v in verdicts]
    csv_text = verdicts_to_csv(verdicts)
    assert csv_text.splitlines()[0].startswith("unit,kind,parent,head,year,index_score")
    assert len(csv_text.splitlines()) == 6
