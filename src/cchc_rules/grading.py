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

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

import attrs

from ._messages import Lang, Message
from ._validate import (
    check_bool,
    check_int,
    check_iterable,
    check_score,
    check_text,
    check_year,
    optional_text,
    typed,
    typed_tuple,
)
from .authority import check_unit
from .errors import InvalidInputError, InvalidTypeError
from .grades import Grade
from .law import Source
from .rulebooks import DECISION_30_2018, ParameterUse, ResolvedRules, Rulebook
from .units import Head, UnitKind

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
]

SCHEMA_VERSION = 1
"""Version of the ``Verdict.to_dict`` layout; bumped on any incompatible change."""


def _flag(name: str) -> Any:
    return attrs.field(default=False, validator=lambda _i, _a, v: check_bool(name, v))


def _cause(value: Any) -> str | None:
    return optional_text("objective_cause", value)


@attrs.frozen
class MitigationGrounds:
    """The grounds for mitigating a finding (``hp-2019-decision-30-report``): the
    head ``directed``, ``duties_fully_performed`` and ``preventive_measures_applied``
    — all three — or the cause is objective (``objective_cause`` describes it).

    >>> MitigationGrounds(directed=True, duties_fully_performed=True).applies
    False
    >>> MitigationGrounds(objective_cause="bão số 3").applies
    True
    """

    directed: bool = _flag("directed")
    duties_fully_performed: bool = _flag("duties_fully_performed")
    preventive_measures_applied: bool = _flag("preventive_measures_applied")
    objective_cause: str | None = attrs.field(default=None, converter=_cause)

    @property
    def all_duties_met(self) -> bool:
        return self.directed and self.duties_fully_performed and self.preventive_measures_applied

    @property
    def applies(self) -> bool:
        return self.all_duties_met or self.objective_cause is not None

    def missing(self) -> tuple[str, ...]:
        """The conditions of the first ground that do not hold."""
        return tuple(
            name
            for name in ("directed", "duties_fully_performed", "preventive_measures_applied")
            if not getattr(self, name)
        )

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


def _description(value: Any) -> str:
    return check_text("description", value)


def _grounds(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, MitigationGrounds):
        raise InvalidTypeError.for_field("mitigation", "MitigationGrounds or None", value)


@attrs.frozen
class Finding:
    """A violation or shortfall in the unit's CCHC work for which the head
    answers, with the grounds for mitigation if any were established."""

    description: str = attrs.field(converter=_description)
    mitigation: MitigationGrounds | None = attrs.field(default=None, validator=_grounds)

    @property
    def mitigated(self) -> bool:
        return self.mitigation is not None and self.mitigation.applies


def _index_score(value: Any) -> Decimal:
    return check_score("index_score", value)


def _year(value: Any) -> int:
    return check_year("year", value)


def _findings(value: Any) -> tuple[Finding, ...]:
    if isinstance(value, Finding | str) or not isinstance(value, Iterable):
        raise InvalidTypeError.for_field("findings", "a list of Finding", value)
    items = tuple(value)
    for i, item in enumerate(items):
        if not isinstance(item, Finding):
            raise InvalidTypeError.for_field(f"findings[{i}]", "a Finding", item)
    return items


def _head(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Head):
        raise InvalidTypeError.for_field("head", "a Head", value)


@attrs.frozen
class Assessment:
    """What is graded: a ``head``, the evaluated ``year``, the unit's annual CCHC
    ``index_score`` (0–100; ``int``, ``str``, ``Decimal``, or ``float`` read through
    ``str()``), and the ``findings`` the head answers for."""

    head: Head = attrs.field(validator=_head)
    year: int = attrs.field(converter=_year)
    index_score: Decimal = attrs.field(converter=_index_score)
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_findings)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready object with the keys of an assessment row (``unit, kind,
        parent, parent_kind, head, year, index_score, findings``); the score as
        decimal text. :meth:`from_dict` reads it back to an equal assessment."""
        unit = self.head.unit
        return {
            "unit": unit.name,
            "kind": unit.kind.name,
            "parent": unit.parent.name if unit.parent else None,
            "parent_kind": unit.parent.kind.name if unit.parent else None,
            "head": self.head.name,
            "year": self.year,
            "index_score": str(self.index_score),
            "findings": [
                {
                    "description": f.description,
                    "mitigation": None if f.mitigation is None else f.mitigation.to_dict(),
                }
                for f in self.findings
            ],
        }

    @classmethod
    def from_dict(cls, data: Any, origin: str = "assessment") -> Assessment:
        """An assessment from one JSON object with the keys of an assessment row
        (as :meth:`to_dict` writes, or a service receives); ``parent_kind`` and
        ``findings`` are optional. Every bad or missing key is reported at once in
        one ``InvalidInputError``, located at ``origin``.

        >>> a = Assessment.from_dict({"unit": "Sở Nội vụ", "kind": "Sở", "head": "Giám đốc",
        ...                           "year": 2019, "index_score": "91,2"})
        >>> a.index_score, Assessment.from_dict(a.to_dict()) == a
        (Decimal('91.2'), True)
        >>> Assessment.from_dict({"unit": "Sở Nội vụ", "kind": "DEPARTMENT", "year": 2019})
        Traceback (most recent call last):
        ...
        cchc_rules.errors.InvalidInputError: assessment has 2 problems:
          assessment, head: is missing
          assessment, index_score: is missing
        """
        from .io import parse_assessment_rows  # io builds on this module

        origin = check_text("origin", origin)
        if not isinstance(data, Mapping):
            raise InvalidTypeError.for_field(origin, "an object (a dict)", data)
        parsed = parse_assessment_rows([data], [origin])
        found = parsed.assessments[0]
        if found is None:
            raise InvalidInputError.collected(parsed.problems, origin)
        return found


class _StepFields(NamedTuple):
    rule: str
    citation: Source
    parameters: tuple[ParameterUse, ...]
    inputs: tuple[tuple[str, str], ...]
    outcome: str


class Step(_StepFields):
    """One step of a verdict's reasoning: the ``rule`` applied, its ``citation``,
    the ``parameters`` it used (with their provenance), the ``inputs`` it read (name
    and value as text), and its ``outcome``. A step built by hand is checked."""

    __slots__ = ()

    def __new__(
        cls,
        rule: str,
        citation: Source,
        parameters: tuple[ParameterUse, ...],
        inputs: tuple[tuple[str, str], ...],
        outcome: str,
    ) -> Step:
        check_text("rule", rule)
        if not isinstance(citation, Source):
            raise InvalidTypeError.for_field("citation", "a Source", citation)
        if not isinstance(parameters, tuple) or not all(
            isinstance(p, ParameterUse) for p in parameters
        ):
            raise InvalidTypeError.for_field(
                "parameters", Message("a tuple of {names}", names="ParameterUse"), parameters
            )
        if not isinstance(inputs, tuple) or not all(
            isinstance(i, tuple) and len(i) == 2 and all(isinstance(t, str) for t in i)
            for i in inputs
        ):
            raise InvalidTypeError.for_field(
                "inputs", Message("a tuple of {names}", names="(name, value) text pairs"), inputs
            )
        if not isinstance(outcome, str):
            raise InvalidTypeError.for_field("outcome", "text", outcome)
        return tuple.__new__(cls, (rule, citation, parameters, inputs, outcome))

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "citation": self.citation.to_dict(),
            "parameters": [p.to_dict() for p in self.parameters],
            "inputs": dict(self.inputs),
            "outcome": self.outcome,
        }


class Verdict:
    """The result of :func:`grade_head`: the final ``grade``, the ``base_grade``
    from the index alone, whether any finding was ``mitigated``, the names of the
    ``unverified`` parameters used, and the ``trace`` of steps.

    A verdict from :func:`grade_head` knows its grade at once and builds its trace
    the first time it is read (most verdicts in a batch are only counted or
    tabulated); the trace is the same as one built eagerly. Verdicts are immutable
    and compare equal when every field, the trace included, is equal.
    """

    __slots__ = (
        "_assessment",
        "_base_grade",
        "_demotion",
        "_grade",
        "_mitigated",
        "_plan",
        "_rulebook_id",
        "_trace",
        "_unverified",
    )

    def __init__(
        self,
        assessment: Assessment,
        rulebook_id: str,
        grade: Grade,
        base_grade: Grade,
        mitigated: bool,
        demotion: int,
        unverified: tuple[str, ...],
        trace: Iterable[Step],
    ) -> None:
        if not isinstance(assessment, Assessment):
            raise InvalidTypeError.for_field("assessment", "an Assessment", assessment)
        check_text("rulebook_id", rulebook_id)
        for name, value in (("grade", grade), ("base_grade", base_grade)):
            if not isinstance(value, Grade):
                raise InvalidTypeError.for_field(
                    name, Message("an instance of {names}", names="Grade"), value
                )
        check_bool("mitigated", mitigated)
        check_int("demotion", demotion, minimum=0)
        unverified = tuple(check_iterable("unverified", unverified))
        for name in unverified:
            check_text("unverified", name)
        trace = tuple(check_iterable("trace", trace))
        for i, step in enumerate(trace):
            if not isinstance(step, Step):
                raise InvalidTypeError.for_field(
                    f"trace[{i}]", Message("an instance of {names}", names="Step"), step
                )
        self._assessment = assessment
        self._rulebook_id = rulebook_id
        self._grade = grade
        self._base_grade = base_grade
        self._mitigated = mitigated
        self._demotion = demotion
        self._unverified = tuple(unverified)
        self._plan: _Plan | None = None
        self._trace: tuple[Step, ...] | None = tuple(trace)

    @property
    def assessment(self) -> Assessment:
        """The assessment graded."""
        return self._assessment

    @property
    def rulebook_id(self) -> str:
        """The ``id`` of the rulebook applied."""
        return self._rulebook_id

    @property
    def grade(self) -> Grade:
        """The final grade."""
        return self._grade

    @property
    def base_grade(self) -> Grade:
        """The grade from the index alone."""
        return self._base_grade

    @property
    def mitigated(self) -> bool:
        """Whether any finding was mitigated."""
        return self._mitigated

    @property
    def demotion(self) -> int:
        """The levels the findings lowered the grade by."""
        return self._demotion

    @property
    def unverified(self) -> tuple[str, ...]:
        """The names of the unverified parameters this result used."""
        return self._unverified

    @property
    def trace(self) -> tuple[Step, ...]:
        """The steps of the reasoning, each with its citation and parameters."""
        trace = self._trace
        if trace is None:
            assert self._plan is not None  # a verdict has a trace or the plan to build it
            trace = self._trace = _trace(
                self._assessment, self._plan, self._base_grade, self._demotion
            )
        return trace

    def _fields(self) -> tuple[Any, ...]:
        return (
            self._assessment,
            self._rulebook_id,
            self._grade,
            self._base_grade,
            self._mitigated,
            self._demotion,
            self._unverified,
            self.trace,
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Verdict)
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        names = (
            "assessment", "rulebook_id", "grade", "base_grade", "mitigated", "demotion",
            "unverified", "trace",
        )  # fmt: skip
        fields = ", ".join(f"{n}={v!r}" for n, v in zip(names, self._fields(), strict=True))
        return f"Verdict({fields})"

    def __reduce__(self) -> tuple[type[Verdict], tuple[Any, ...]]:
        return Verdict, self._fields()

    def _row(self) -> dict[str, Any]:
        """``to_dict`` without the trace."""
        a = self._assessment
        unit = a.head.unit
        grade = self._grade
        return {
            "schema_version": SCHEMA_VERSION,
            "rulebook": self._rulebook_id,
            "unit": unit.name,
            "kind": unit.kind.name,
            "parent": unit.parent.name if unit.parent else None,
            "head": a.head.name,
            "year": a.year,
            "index_score": str(a.index_score),
            "findings": [
                {
                    "description": f.description,
                    "mitigation": None if f.mitigation is None else f.mitigation.to_dict(),
                }
                for f in a.findings
            ],
            "base_grade": self._base_grade.name,
            "grade": grade.name,
            "grade_label_vi": grade.label_vi,
            "grade_label_en": grade.label_en,
            "mitigated": self._mitigated,
            "demotion": self._demotion,
            "unverified": list(self._unverified),
        }

    def to_dict(self) -> dict[str, Any]:
        """A stable, JSON-serialisable form (``schema_version`` 1)."""
        row = self._row()
        row["trace"] = [s.to_dict() for s in self.trace]
        return row

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    def explain(self, lang: Lang = "vi") -> str:
        """The reasoning as text a reviewer can check against the decision."""
        return _explain(self, lang)

    def brief(self, lang: Lang = "en") -> str:
        """The trace in one line: each step's inputs and outcome, for a table cell.

        >>> from cchc_rules import Head, Unit, UnitKind
        >>> head = Head("Giám đốc", Unit("Sở Tư pháp", UnitKind.DEPARTMENT))
        >>> print(grade_head(Assessment(head, 2019, "89.95")).brief())
        base grade: index_score 89.95 → GOOD; final grade: GOOD
        """
        vi = lang == "vi"
        parts = []
        for step in self.trace[1:]:
            title = _BRIEF_TITLES[step.rule][0 if vi else 1]
            if step.rule == "final_grade":
                parts.append(f"{title}: {step.outcome}")
                continue
            inputs = ", ".join(f"{k} {v}" for k, v in step.inputs if v)
            outcome = _outcome_vi(step) if vi and step.rule != "base_grade" else step.outcome
            parts.append(f"{title}: {inputs} → {outcome}")
        return "; ".join(parts)

    def _repr_html_(self) -> str:
        from html import escape  # only in a notebook: its entity table slows the import

        def params(step: Step) -> str:
            return ", ".join(f"{p.name}={p.value} ({p.provenance.value})" for p in step.parameters)

        rows = "".join(
            f"<tr><td>{escape(s.rule)}</td><td>{escape(s.outcome)}</td>"
            f"<td>{escape(params(s))}</td><td>{escape(str(s.citation))}</td></tr>"
            for s in self.trace
        )
        note = (
            f"<p><b>Unverified parameters used:</b> {escape(', '.join(self.unverified))}</p>"
            if self.unverified
            else ""
        )
        a = self.assessment
        return (
            f"<div><p><b>{escape(a.head.name)}</b> — {escape(a.head.unit.name)}, {a.year}, "
            f"index {a.index_score}: <b>{escape(self.grade.label_vi)}</b> "
            f"({escape(self.grade.label_en)})</p>{note}"
            "<table><tr><th>rule</th><th>outcome</th><th>parameters</th><th>citation</th></tr>"
            f"{rows}</table></div>"
        )


# -- the rules ------------------------------------------------------------------------


def grade_head(assessment: Assessment, rulebook: Rulebook = DECISION_30_2018) -> Verdict:
    """Grade ``assessment`` under ``rulebook`` (Decision 30/2018 by default), in the
    law's order (module docstring): the index year's parameters, the base grade, the
    findings, mitigation as an exception to a finding, the final grade.

    A year the rulebook does not cover is an ``OutOfRangeError``, and so is a
    unit that did not exist in the evaluated year (a district from 2025: the
    district level ceased on 1/7/2025; see :func:`cchc_rules.authority.check_unit`).
    """
    if not isinstance(assessment, Assessment):
        raise InvalidTypeError.for_field("assessment", "an Assessment", assessment)
    if not isinstance(rulebook, Rulebook):
        raise InvalidTypeError.for_field("rulebook", "a Rulebook", rulebook)
    rules = rulebook.rules_for(assessment.year)
    check_unit(assessment.head.unit, assessment.year)
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
    return _verdict(assessment, rulebook, base, grade, demotion, any_mitigated)


# -- beside the rules: the verdict and its trace, built from a per-year plan --------------

_ORDER = (
    "index_year_offset",
    "grade_bands",
    "grade_levels",
    "finding_demotion",
    "mitigated_finding_demotion",
    "scope",
)

_MITIGATION_CACHE = 1024
"""Distinct mitigation grounds whose trace step a plan keeps (grounds are immutable;
the bound keeps a stream of unique causes from growing memory)."""

_new_verdict = object.__new__


def _verdict(
    assessment: Assessment,
    rulebook: Rulebook,
    base: Grade,
    grade: Grade,
    demotion: int,
    mitigated: bool,
) -> Verdict:
    """The verdict of :func:`grade_head`, its trace left to be built on first read
    (``Verdict.__init__`` takes a trace; this is the hot path, without one)."""
    plan = _plan(rulebook, assessment.year)
    verdict: Verdict = _new_verdict(Verdict)
    verdict._assessment = assessment
    verdict._rulebook_id = rulebook.id
    verdict._grade = grade
    verdict._base_grade = base
    verdict._mitigated = mitigated
    verdict._demotion = demotion
    unverified = plan.unverified[(bool(assessment.findings), mitigated)]
    if assessment.head.unit.kind not in plan.scope_kinds:
        unverified = (*unverified, "scope")  # outside what the rulebook was written for
    verdict._unverified = unverified
    verdict._plan = plan
    verdict._trace = None
    return verdict


class _Plan:
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
        "mitigated_params",
        "mitigation_basis",
        "mitigations",
        "scope_kinds",
        "unverified",
    )

    def __init__(self, rulebook: Rulebook, rules: ResolvedRules, year: int) -> None:
        uses = rules.uses
        self.basis = rulebook.basis
        self.mitigation_basis = rulebook.mitigation_basis
        scope = rulebook.scope
        self.scope_kinds: frozenset[UnitKind] = (
            frozenset(UnitKind)
            if scope is None
            else frozenset(k for k in UnitKind if scope.covers(year, k))
        )
        self.mitigated_demotion = rules.mitigated_finding_demotion
        index_year = year + rules.index_year_offset
        self.index_step = Step(
            "index_year",
            self.basis,
            (uses["index_year_offset"],),
            (("year", str(year)),),
            f"the CCHC index of {index_year} is used",
        )
        self.base_params = (uses["grade_bands"], uses["grade_levels"])
        self.finding_params = (uses["finding_demotion"],)
        self.finding_outcome = f"proposes lowering {rules.finding_demotion} level(s)"
        self.mitigated_params = (uses["mitigated_finding_demotion"],)
        self.final_steps: dict[tuple[Grade, int], Step] = {}
        self.mitigations: dict[MitigationGrounds, Step] = {}
        unverified = rules.unverified

        def names(*used: str) -> tuple[str, ...]:
            return tuple(n for n in _ORDER if n in used and n in unverified)

        always = ("index_year_offset", "grade_bands", "grade_levels")
        self.unverified = {
            (False, False): names(*always),
            (True, False): names(*always, "finding_demotion"),
            (True, True): names(*always, "finding_demotion", "mitigated_finding_demotion"),
        }

    def final_step(self, base: Grade, demotion: int) -> Step:
        step = self.final_steps.get((base, demotion))
        if step is None:
            step = Step(
                "final_grade",
                self.basis,
                (),
                (("base_grade", base.name), ("demotion", str(demotion))),
                base.lowered(demotion).name,
            )
            self.final_steps[(base, demotion)] = step
        return step

    def mitigation_step(self, grounds: MitigationGrounds) -> Step:
        step = self.mitigations.get(grounds)
        if step is None:
            step = _mitigation_step(grounds, self)
            if len(self.mitigations) < _MITIGATION_CACHE:
                self.mitigations[grounds] = step
        return step


def _plan(rulebook: Rulebook, year: int) -> _Plan:
    key = ("grading-plan", year)
    plan: _Plan | None = rulebook.cache.get(key)
    if plan is None:
        plan = _Plan(rulebook, rulebook.rules_for(year), year)
        rulebook.cache[key] = plan
    return plan


def _trace(assessment: Assessment, plan: _Plan, base: Grade, demotion: int) -> tuple[Step, ...]:
    """The steps :func:`grade_head` took, with the citations and parameter values of
    ``plan``: index year, base grade, each finding and any mitigation, final grade."""
    trace = [
        plan.index_step,
        _made_step(
            "base_grade",
            plan.basis,
            plan.base_params,
            (("index_score", str(assessment.index_score)),),
            base.name,
        ),
    ]
    for i, finding in enumerate(assessment.findings):
        trace.append(
            _made_step(
                "finding",
                plan.basis,
                plan.finding_params,
                ((f"findings[{i}]", finding.description),),
                plan.finding_outcome,
            )
        )
        if finding.mitigation is not None:
            trace.append(plan.mitigation_step(finding.mitigation))
    trace.append(plan.final_step(base, demotion))
    return tuple(trace)


def _AN_INSTANCE(name: str) -> Message:
    return Message("an instance of {names}", names=name)


def _made_step(*fields: Any) -> Step:
    """A step the library builds from checked parts, without ``Step``'s checks (one
    per finding of every verdict whose trace is read)."""
    step: Step = tuple.__new__(Step, fields)
    return step


def _mitigation_step(grounds: MitigationGrounds, plan: _Plan) -> Step:
    """The step of the mitigation exception (``hp-2019-decision-30-report``): where
    the head directed, fully performed their duties and applied every preventive
    measure, or the cause is objective, the finding lowers the grade
    ``mitigated_finding_demotion`` levels instead."""
    inputs = (
        ("directed", str(grounds.directed)),
        ("duties_fully_performed", str(grounds.duties_fully_performed)),
        ("preventive_measures_applied", str(grounds.preventive_measures_applied)),
        ("objective_cause", grounds.objective_cause or ""),
    )
    if not grounds.applies:
        outcome = "does not apply: missing " + ", ".join(grounds.missing())
        return Step("mitigation", plan.mitigation_basis, (), inputs, outcome)
    why = "all duties met" if grounds.all_duties_met else "objective cause"
    outcome = f"applies ({why}): lowering {plan.mitigated_demotion} level(s) instead"
    return Step("mitigation", plan.mitigation_basis, plan.mitigated_params, inputs, outcome)


# -- batches --------------------------------------------------------------------------


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
    the loaders in :mod:`cchc_rules.io`, which report every bad row)."""
    verdicts = tuple([grade_head(a, rulebook) for a in check_iterable("assessments", assessments)])
    summary = dict.fromkeys(Grade, 0)
    for grade, count in Counter(v.grade for v in verdicts).items():
        summary[grade] = count
    used = {name for names in {v.unverified for v in verdicts} for name in names}
    return BatchResult(verdicts, summary, tuple(n for n in _ORDER if n in used))


# -- explanations -----------------------------------------------------------------------

_RULE_TITLES = {
    "index_year": ("Năm của chỉ số CCHC", "Index year"),
    "base_grade": ("Xếp loại theo chỉ số CCHC", "Base grade from the CCHC index"),
    "finding": ("Vi phạm, thiếu sót thuộc trách nhiệm người đứng đầu", "Finding"),
    "mitigation": ("Giảm nhẹ trách nhiệm (ngoại lệ)", "Mitigation (exception)"),
    "final_grade": ("Kết quả", "Final grade"),
}
_BRIEF_TITLES = {
    "base_grade": ("xếp loại theo chỉ số", "base grade"),
    "finding": ("vi phạm", "finding"),
    "mitigation": ("giảm nhẹ", "mitigation"),
    "final_grade": ("kết quả", "final grade"),
}
_PROVENANCE_VI = {
    "verified": "đã xác minh",
    "unverified": "CHƯA XÁC MINH",
    "supplied": "do người dùng cung cấp",
}


_GROUNDS_VI = {
    "directed": "đã chỉ đạo",
    "duties_fully_performed": "đã thực hiện đầy đủ chức trách, nhiệm vụ",
    "preventive_measures_applied": "đã áp dụng mọi biện pháp ngăn chặn vi phạm",
}


def _cite(source: Source, vi: bool) -> str:
    if not vi:
        return str(source)
    text = source.instrument + (f", {source.article}" if source.article else "")
    text += f" [{source.ref}]" if source.ref else ""
    text += f" [{source.location}]" if source.location else ""
    return f"{text} ({_PROVENANCE_VI[source.provenance.value]})"


def _outcome_vi(step: Step) -> str:
    """The Vietnamese outcome of a step, from its inputs and parameters."""
    inputs = dict(step.inputs)
    if step.rule in ("base_grade", "final_grade"):
        return Grade[step.outcome].label_vi
    if step.rule == "index_year":
        year = int(inputs["year"]) + int(step.parameters[0].value)
        return f"dùng Chỉ số CCHC năm {year}"
    if step.rule == "finding":
        return f"đề xuất hạ {step.parameters[0].value} mức"
    if step.parameters:  # mitigation applies
        if all(inputs[k] == "True" for k in _GROUNDS_VI):
            why = ", ".join(_GROUNDS_VI.values())
        else:
            why = f"do yếu tố khách quan: {inputs['objective_cause']}"
        return f"được giảm nhẹ ({why}): hạ {step.parameters[0].value} mức"
    missing = [text for key, text in _GROUNDS_VI.items() if inputs[key] != "True"]
    return "không được giảm nhẹ: chưa " + "; chưa ".join(m.removeprefix("đã ") for m in missing)


def _explain(verdict: Verdict, lang: Lang) -> str:
    vi = lang == "vi"
    a = verdict.assessment
    lines = [
        (
            f"Người đứng đầu {a.head.name} ({a.head.unit.name}), năm {a.year}, "
            f"chỉ số CCHC {a.index_score} — theo {verdict.rulebook_id}"
            if vi
            else f"Head {a.head.name} ({a.head.unit.name}), year {a.year}, CCHC index "
            f"{a.index_score} — under {verdict.rulebook_id}"
        )
    ]
    for n, step in enumerate(verdict.trace, 1):
        title = _RULE_TITLES[step.rule][0 if vi else 1]
        if vi:
            outcome = _outcome_vi(step)
        elif step.rule in ("base_grade", "final_grade"):
            outcome = Grade[step.outcome].label_en
        else:
            outcome = step.outcome
        inputs = "; ".join(f"{k} = {v}" for k, v in step.inputs if v)
        lines.append(f"{n}. {title}: {inputs} → {outcome}")
        for p in step.parameters:
            prov = p.provenance.value
            prov = _PROVENANCE_VI[prov] if vi else prov
            lines.append(f"     {p.name} = {p.value} [{prov}; {p.source.instrument}]")
        lines.append(f"     {'căn cứ' if vi else 'source'}: {_cite(step.citation, vi)}")
    if verdict.unverified:
        lines.append(
            (
                "Lưu ý: kết quả dùng tham số chưa xác minh: "
                if vi
                else "Note: this result used unverified parameters: "
            )
            + ", ".join(verdict.unverified)
        )
    return "\n".join(lines)


def records(verdicts: Sequence[Verdict]) -> list[dict[str, Any]]:
    """Flat rows for notebooks (``pandas.DataFrame(records(vs))``), without the trace."""
    rows = []
    for i, v in enumerate(check_iterable("verdicts", verdicts)):
        if not isinstance(v, Verdict):
            raise InvalidTypeError.for_field(f"verdicts[{i}]", "a Verdict", v)
        d = v._row()
        d["findings"] = len(v.assessment.findings)
        d["unverified"] = ", ".join(v.unverified)
        rows.append(d)
    return rows


# -- published grades -------------------------------------------------------------------


@attrs.frozen
class GradeDiscrepancy:
    """A published grade the rulebook does not give: the ``assessment``, the
    ``published`` grade, and the ``verdict`` the rulebook gives (its ``grade`` and
    ``trace`` say why)."""

    assessment: Assessment = attrs.field(validator=typed(Assessment))
    published: Grade = attrs.field(validator=typed(Grade))
    verdict: Verdict = attrs.field(validator=typed(Verdict))

    @property
    def expected(self) -> Grade:
        """The grade the rulebook gives."""
        return self.verdict.grade

    def message(self, lang: Lang = "en") -> str:
        """One sentence naming the head, both grades and the reasons in short."""
        a = self.assessment
        if lang == "vi":
            return (
                f"{a.head.unit.name} ({a.head.name}, {a.year}): công bố "
                f"{self.published.label_vi}, theo {self.verdict.rulebook_id} là "
                f"{self.expected.label_vi} ({self.verdict.brief('vi')})"
            )
        return (
            f"{a.head.unit.name} ({a.head.name}, {a.year}): published {self.published.name}, "
            f"{self.verdict.rulebook_id} gives {self.expected.name} ({self.verdict.brief()})"
        )

    def __str__(self) -> str:
        return self.message()

    def to_dict(self) -> dict[str, Any]:
        """The verdict's :meth:`Verdict.to_dict` plus ``published_grade``."""
        return {
            **self.verdict.to_dict(),
            "published_grade": self.published.name,
            "brief": self.verdict.brief(),
        }


def check_published_grades(
    pairs: Iterable[tuple[Assessment, Grade | str]], rulebook: Rulebook = DECISION_30_2018
) -> tuple[GradeDiscrepancy, ...]:
    """One :class:`GradeDiscrepancy` per published grade that ``rulebook`` does not
    give, in input order. A published grade may be a :class:`Grade`, its name or its
    Vietnamese label (see :meth:`Grade.parse`).

    >>> from cchc_rules import Head, Unit, UnitKind
    >>> def head(unit):
    ...     return Head("Giám đốc", Unit(unit, UnitKind.DEPARTMENT))
    >>> found = check_published_grades([
    ...     (Assessment(head("Sở Nội vụ"), 2019, "91.2"), "Hoàn thành xuất sắc nhiệm vụ"),
    ...     (Assessment(head("Sở Tư pháp"), 2019, "89.95"), Grade.EXCELLENT),
    ... ])
    >>> for d in found:
    ...     print(d.assessment.head.unit.name, d.published.name, d.expected.name)
    Sở Tư pháp EXCELLENT GOOD
    """
    found = []
    for i, pair in enumerate(check_iterable("pairs", pairs)):
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            raise InvalidTypeError.for_field(
                f"pairs[{i}]", "an (Assessment, published grade) pair", pair
            )
        assessment, published = pair
        if not isinstance(assessment, Assessment):
            raise InvalidTypeError.for_field(f"pairs[{i}][0]", "an Assessment", assessment)
        grade = Grade.parse(published, f"pairs[{i}][1]")
        verdict = grade_head(assessment, rulebook)
        if verdict.grade is not grade:
            found.append(GradeDiscrepancy(assessment, grade, verdict))
    return tuple(found)
