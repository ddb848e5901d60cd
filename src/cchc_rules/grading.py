"""Grading a head's responsibility for CCHC under a rulebook.

The reasoning follows the law's order (the city portal's report of Decision
30/2018, bibliography ``hp-2019-decision-30-report``; docs/decision-30-2018.md for the
defaults):

1. **Index year** — the unit's annual CCHC index is the basis of the evaluation.
2. **Base grade** — the index falls in a band ("từ X trở lên" is ``>= X``).
3. **Findings** — each finding the head answers for proposes a demotion.
4. **Mitigation** — an explicit *exception* to a finding: where the head directed
   and fully performed their duties and applied every preventive measure, or the
   cause is objective, the finding's demotion is replaced by the (smaller)
   mitigated one.
5. **Final grade** — the base grade lowered by the demotions, never below the
   lowest level.

>>> from cchc_rules import Head, Unit, UnitKind
>>> head = Head("Nguyễn Văn A", Unit("Sở Nội vụ", UnitKind.DEPARTMENT))
>>> verdict = grade_head(Assessment(head, 2019, "85.5", [Finding("Chậm ban hành kế hoạch")]))
>>> verdict.base_grade.name, verdict.grade.name
('GOOD', 'COMPLETED')
>>> "grade_bands" in verdict.unverified
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from ._collector import collector_paused
from ._grading_plan import deferred_verdict, in_law_order
from ._validate import require_iterable, typed, typed_tuple
from .assessment import Assessment, Finding, MitigationGrounds
from .authority import require_unit
from .errors import InvalidTypeError
from .grades import Grade
from .rulebooks import DECISION_30_2018, Rulebook
from .trace import Step
from .verdict import SCHEMA_VERSION, Verdict, records, verdict_records

if TYPE_CHECKING:  # at run time through __getattr__ below: that module builds on this one
    from .published_grades import GradeDiscrepancy, check_published_grades

__all__ = [
    "SCHEMA_VERSION",
    "Assessment",
    "BatchResult",
    "Finding",
    "GradeDiscrepancy",
    "MitigationGrounds",
    "Step",
    "Verdict",
    "check_published_grades",
    "grade_head",
    "grade_many",
    "records",
    "verdict_records",
]


def grade_head(assessment: Assessment, rulebook: Rulebook = DECISION_30_2018) -> Verdict:
    """Grade ``assessment`` under ``rulebook`` (Decision 30/2018 by default), in the
    law's order (module docstring): the index year's parameters, the base grade, the
    findings, mitigation as an exception to a finding, the final grade.

    A year the rulebook does not cover is an ``OutOfRangeError``, and so is a
    unit that did not exist in the evaluated year (a district from 2025: the
    district level ceased on 1/7/2025; see :func:`cchc_rules.authority.require_unit`).
    """
    if not isinstance(assessment, Assessment):
        raise InvalidTypeError.for_field("assessment", "an Assessment", assessment)
    if not isinstance(rulebook, Rulebook):
        raise InvalidTypeError.for_field("rulebook", "a Rulebook", rulebook)
    rules = rulebook.rules_for(assessment.year)
    require_unit(assessment.head.unit, assessment.year)
    # Base rule: the band of the annual CCHC index.
    base = rules.bands.grade_for(assessment.index_score)
    demotion = 0
    any_mitigated = False
    for finding in assessment.findings:
        # Each finding the head answers for lowers the grade ...
        if finding.mitigated:
            # ... except where mitigation applies (hp-2019-decision-30-report): the
            # smaller demotion.
            demotion += rules.mitigated_finding_demotion
            any_mitigated = True
        else:
            demotion += rules.finding_demotion
    # Final grade: the base grade lowered by the demotions, never below the lowest.
    grade = base.lowered(demotion)
    return deferred_verdict(assessment, rulebook, base, grade, demotion, any_mitigated)


# -- batches ---------------------------------------------------------------------------


@attrs.frozen
class BatchResult:
    """Verdicts in input order, a count per grade (every grade listed, highest
    first), and every unverified parameter any verdict used."""

    verdicts: tuple[Verdict, ...] = attrs.field(validator=typed_tuple(Verdict))
    summary: dict[Grade, int] = attrs.field(validator=typed(dict))
    unverified: tuple[str, ...] = attrs.field(validator=typed_tuple(str))


def grade_many(
    assessments: Iterable[Assessment], rulebook: Rulebook = DECISION_30_2018
) -> BatchResult:
    """Grade many assessments; the first bad one raises (validate rows first with
    the loaders in :mod:`cchc_rules.io`, which report every bad row).

    While the verdicts are built, CPython's cyclic garbage collector is paused
    (``gc.disable()``) and then restored, so time per verdict stays flat from
    thousands to millions of assessments; grading makes no reference cycles
    (:mod:`cchc_rules._collector` says why this is safe)."""
    items = require_iterable("assessments", assessments)
    with collector_paused():
        verdicts = tuple([grade_head(a, rulebook) for a in items])
    summary = dict.fromkeys(Grade, 0)
    for grade, count in Counter(v.grade for v in verdicts).items():
        summary[grade] = count
    used = {name for names in {v.unverified for v in verdicts} for name in names}
    return BatchResult(verdicts, summary, in_law_order(used))


def __getattr__(name: str) -> object:
    """The published-grade check, which builds on this module, kept importable from
    it (``from cchc_rules.grading import check_published_grades``)."""
    if name in ("GradeDiscrepancy", "check_published_grades"):
        from . import published_grades

        return getattr(published_grades, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
