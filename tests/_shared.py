"""What several test modules share (not a test module: pytest collects nothing here).

Test modules import from here, never from one another."""

import os
import tomllib
from datetime import date
from pathlib import Path

import pytest

from cchc_rules import (
    DECISION_30_2018,
    Assessment,
    Finding,
    Head,
    InvalidInputError,
    InvalidTypeError,
    MitigationGrounds,
    Rulebook,
    Unit,
    UnitKind,
    WorkingCalendar,
    grade_head,
    public_sector_calendar,
)
from cchc_rules.cli import main

ROOT = Path(__file__).resolve().parents[1]


def source_as_written() -> Path:
    """The package's source files as written. A mutation run (``mutmut run``) runs
    the tests from ``mutants/``, a copy whose rule modules are rewritten into
    trampolines and mutants; tests that read the source text (not run it) read the
    project's own ``src/`` beside that copy instead."""
    if ROOT.name == "mutants" and (ROOT.parent / "src/cchc_rules").is_dir():
        return ROOT.parent / "src/cchc_rules"
    return ROOT / "src/cchc_rules"


CAL = public_sector_calendar()
"""The public-sector calendar over its default range."""

PLAIN = WorkingCalendar(date(2019, 1, 1), date(2019, 12, 31))
"""A plain Monday-Friday calendar for 2019: 29/4-1/5/2019 are working days in it."""

HEAD = Head("A", Unit("Sở Nội vụ", UnitKind.DEPARTMENT))
"""A head of a provincial department, for tests where who it is does not matter."""

ASSESSMENT = Assessment(HEAD, 2019, 95)
"""An assessment of :data:`HEAD` (2019, index 95), for tests where its score does not matter."""

DISTRICT = Unit("UBND quận Hồng Bàng", UnitKind.DISTRICT)
SUB_HEAD = Head("Trưởng phòng", Unit("Phòng Nội vụ", UnitKind.SUBORDINATE, DISTRICT))
"""The head of a district's subordinate office, on whom the exact texts of a verdict
(JSON, explanation, HTML) are pinned."""

ALL_GROUNDS = MitigationGrounds(
    directed=True, duties_fully_performed=True, preventive_measures_applied=True
)
"""The first ground of mitigation, every condition met."""
PARTIAL = MitigationGrounds(directed=True)
"""The first ground with only one of its three conditions: no mitigation."""
STORM = MitigationGrounds(objective_cause="bão số 3")
"""The second ground: an objective cause."""


def graded(score, findings=(), rulebook=DECISION_30_2018, year=2019):
    """The verdict on :data:`HEAD` for ``score`` and ``findings``."""
    return grade_head(Assessment(HEAD, year, score, findings), rulebook)


def two_findings_verdict():
    """:data:`SUB_HEAD` at 88.5 with a finding mitigated by a storm and one whose
    grounds fall short: every kind of step in one trace."""
    return grade_head(
        Assessment(SUB_HEAD, 2019, "88.5", [Finding("Bão", STORM), Finding("Trễ", PARTIAL)])
    )


ASSESSMENT_HEADER = "unit,kind,parent,head,year,index_score,findings\n"
"""The header of an assessment CSV, the findings column included."""


def deep_json(depth):
    """JSON text of ``depth`` lists, each inside the last: a file (or a findings
    cell) nested far deeper than any reader should follow."""
    return "[" * depth + "]" * depth


def under_mutation_run() -> bool:
    """Whether the tests run under ``mutmut run`` (which names the mutant it runs,
    or ``stats``/``fail`` for its own checks, in ``MUTANT_UNDER_TEST``)."""
    return "MUTANT_UNDER_TEST" in os.environ


def made_by_mutmut(name: str) -> bool:
    """Whether ``name`` is one mutmut added to a class or module of the rewritten
    copy (``xǁTaskǁstatus__mutmut_3``, ``x_percent_of__mutmut_orig``...): tests
    that walk the library's own names leave these out."""
    return "ǁ" in name or "__mutmut_" in name


def run(capsys, *argv):
    """The command line through its real entry point: (exit status, stdout, stderr)."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def all_verified_rulebook():
    """Decision 30/2018 with every parameter's source marked verified (a made-up
    instrument: only for testing how verdicts show verified sources)."""
    path = ROOT / "src/cchc_rules/rulebooks/decision_30_2018.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    official = {"instrument": "Quyết định X", "article": "Điều 3", "location": "official text",
                "provenance": "verified"}  # fmt: skip
    data["basis"] = official
    for name in ("grade_levels", "grade_bands", "finding_demotion",
                 "mitigated_finding_demotion", "index_year_offset"):  # fmt: skip
        data[name][0]["source"] = official
    return Rulebook.from_dict(data)


def rejected_after_checking_afresh(path):
    """How many rows of the assessment CSV ``path`` are rejected, after checking
    that each row ``iter_assessment_rows`` streams (memos, quick path) is what a
    parser without memos gives for that row alone, and that each assessment equals
    (and prints as) the one the public constructors build."""
    from cchc_rules import Assessment
    from cchc_rules.io import iter_assessment_rows, read_rows
    from cchc_rules.io._assessments import AssessmentParser, parent_kinds

    streamed = list(iter_assessment_rows(path))
    rows, where = read_rows(path)
    parents = parent_kinds(rows)
    assert [s[0] for s in streamed] == where
    rejected = 0
    for (location, assessment, problems), row in zip(streamed, rows, strict=True):
        expected, found = AssessmentParser(parents).parse(row, location)  # no memo
        assert problems == tuple(found)
        assert assessment == expected
        if assessment is None:
            rejected += 1
            continue
        u = assessment.head.unit
        parent = None if u.parent is None else Unit(u.parent.name, u.parent.kind)
        built = Assessment(
            Head(assessment.head.name, Unit(u.name, u.kind, parent)),
            assessment.year,
            assessment.index_score,
            assessment.findings,
        )
        assert assessment == built
        assert repr(assessment) == repr(built)
    return rejected


def refusal(call):
    """The text of the error ``call()`` raises for bad input (``InvalidInputError``
    or ``InvalidTypeError``), for tests that pin a message exactly."""
    with pytest.raises((InvalidInputError, InvalidTypeError)) as caught:
        call()
    return str(caught.value)


def problems_reported(load, path):
    """What ``load`` reports when it refuses the file ``path`` (one
    ``InvalidInputError`` for every bad row): each problem's (location, field), and
    the error's text."""
    with pytest.raises(InvalidInputError) as caught:
        load(path)
    return [(p.location, p.field) for p in caught.value.problems], str(caught.value)
