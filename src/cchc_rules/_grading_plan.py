"""The speed of grading, kept apart from its rules: everything about grading under
one rulebook and year that does not depend on the assessment — the resolved
parameters' trace steps, the unverified names a verdict of each shape used, the
unit kinds the rulebook covers — is built once into a :class:`GradingPlan`, kept in
the rulebook's per-instance ``cache`` (``Rulebook.cache.clear()`` drops it), and
shared by every verdict of that year. :func:`deferred_verdict` is the one door the
rules use."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from .assessment import Assessment, MitigationGrounds
from .grades import Grade
from .rulebooks import (
    FINDING_DEMOTION,
    GRADE_BANDS,
    GRADE_LEVELS,
    INDEX_YEAR_OFFSET,
    MITIGATED_FINDING_DEMOTION,
    ResolvedRules,
    Rulebook,
)
from .trace import (
    Step,
    base_grade_step,
    final_grade_step,
    finding_outcome,
    finding_step,
    index_year_step,
    mitigation_step,
)
from .units import UnitKind
from .verdict import Verdict, verdict_with_deferred_trace

__all__ = [
    "MITIGATION_STEPS_KEPT",
    "PARAMETERS_READ",
    "PARAMETER_ORDER",
    "GradingPlan",
    "deferred_verdict",
    "in_law_order",
    "plan_for",
]

PARAMETER_ORDER: Final = (
    "index_year_offset",
    "grade_bands",
    "grade_levels",
    "finding_demotion",
    "mitigated_finding_demotion",
    "scope",
)
"""The order in which a verdict lists the unverified parameters it used: the law's."""

PARAMETERS_READ: Final = (
    INDEX_YEAR_OFFSET,
    GRADE_BANDS,
    GRADE_LEVELS,
    FINDING_DEMOTION,
    MITIGATED_FINDING_DEMOTION,
)
"""The rulebook parameters grading reads: under a rulebook without one of them
grading is an ``InvalidInputError`` naming each one it lacks."""

MITIGATION_STEPS_KEPT: Final = 1024
"""Distinct mitigation grounds whose trace step a plan keeps (grounds are immutable;
the bound keeps a stream of unique causes from growing memory)."""


def in_law_order(names: Iterable[str]) -> tuple[str, ...]:
    """``names`` in :data:`PARAMETER_ORDER`, each once."""
    given = set(names)
    return tuple(n for n in PARAMETER_ORDER if n in given)


class GradingPlan:
    """Everything about grading under one rulebook and year that does not depend on
    the assessment: built once, shared by every verdict (and across threads, since
    it is never mutated after construction except for idempotent cache fills)."""

    __slots__ = (
        "base_params",
        "basis",
        "final_steps",
        "finding_outcome",
        "finding_params",
        "index_step",
        "mitigated_demotion",
        "mitigated_param",
        "mitigation_basis",
        "mitigations",
        "scope_kinds",
        "unverified",
    )

    def __init__(self, rulebook: Rulebook, rules: ResolvedRules, year: int) -> None:
        uses = rules.require(*PARAMETERS_READ).uses
        self.basis = rulebook.basis
        self.mitigation_basis = rulebook.mitigation_basis
        scope = rulebook.scope
        self.scope_kinds: frozenset[UnitKind] = (
            frozenset(UnitKind)
            if scope is None
            else frozenset(k for k in UnitKind if scope.covers(year, k))
        )
        self.mitigated_demotion = rules.mitigated_finding_demotion
        self.index_step = index_year_step(
            self.basis, uses["index_year_offset"], year, year + rules.index_year_offset
        )
        self.base_params = (uses["grade_bands"], uses["grade_levels"])
        self.finding_params = (uses["finding_demotion"],)
        self.finding_outcome = finding_outcome(rules.finding_demotion)
        self.mitigated_param = uses["mitigated_finding_demotion"]
        self.final_steps: dict[tuple[Grade, int], Step] = {}
        self.mitigations: dict[MitigationGrounds, Step] = {}
        unverified = rules.unverified

        def names(*used: str) -> tuple[str, ...]:
            return in_law_order(n for n in used if n in unverified)

        always = ("index_year_offset", "grade_bands", "grade_levels")
        # by (any findings, any mitigated)
        self.unverified = {
            (False, False): names(*always),
            (True, False): names(*always, "finding_demotion"),
            (True, True): names(*always, "finding_demotion", "mitigated_finding_demotion"),
        }

    def unverified_names(self, assessment: Assessment, mitigated: bool) -> tuple[str, ...]:
        """The unverified parameters a verdict on ``assessment`` used, in the law's
        order, and ``scope`` last where the unit lies outside the rulebook's scope."""
        names = self.unverified[(bool(assessment.findings), mitigated)]
        if assessment.head.unit.kind not in self.scope_kinds:
            names = (*names, "scope")
        return names

    def steps(self, assessment: Assessment, base: Grade, demotion: int) -> tuple[Step, ...]:
        """The steps :func:`~cchc_rules.grading.grade_head` took on ``assessment``:
        index year, base grade, each finding and any mitigation, final grade."""
        basis = self.basis
        trace = [
            self.index_step,
            base_grade_step(basis, self.base_params, assessment.index_score, base),
        ]
        for i, finding in enumerate(assessment.findings):
            trace.append(
                finding_step(
                    basis, self.finding_params, i, finding.description, self.finding_outcome
                )
            )
            if finding.mitigation is not None:
                trace.append(self.mitigation_step(finding.mitigation))
        trace.append(self.final_step(base, demotion))
        return tuple(trace)

    def final_step(self, base: Grade, demotion: int) -> Step:
        step = self.final_steps.get((base, demotion))
        if step is None:
            step = self.final_steps[(base, demotion)] = final_grade_step(
                self.basis, base, demotion
            )
        return step

    def mitigation_step(self, grounds: MitigationGrounds) -> Step:
        step = self.mitigations.get(grounds)
        if step is None:
            step = mitigation_step(
                grounds, self.mitigation_basis, self.mitigated_param, self.mitigated_demotion
            )
            if len(self.mitigations) < MITIGATION_STEPS_KEPT:
                self.mitigations[grounds] = step
        return step


def plan_for(rulebook: Rulebook, year: int) -> GradingPlan:
    """The grading plan of ``rulebook`` for ``year``, built on first use."""
    key = ("grading-plan", year)
    plan: GradingPlan | None = rulebook.cache.get(key)
    if plan is None:
        plan = rulebook.cache[key] = GradingPlan(rulebook, rulebook.rules_for(year), year)
    return plan


def deferred_verdict(
    assessment: Assessment,
    rulebook: Rulebook,
    base: Grade,
    grade: Grade,
    demotion: int,
    mitigated: bool,
) -> Verdict:
    """The verdict of :func:`~cchc_rules.grading.grade_head`, its trace left to the
    year's plan to build on first read."""
    plan = plan_for(rulebook, assessment.year)
    return verdict_with_deferred_trace(
        plan,
        assessment,
        rulebook.id,
        grade,
        base,
        mitigated,
        demotion,
        plan.unverified_names(assessment, mitigated),
    )
