"""The trace of a verdict: the :class:`Step` s of the reasoning, each with the rule
applied, its citation, the parameters it used (with their provenance) and its
outcome — what each step of :func:`cchc_rules.grading.grade_head` says — and the
ways the trace is told: the explanation a reviewer checks against the decision,
the one-line brief for a table cell, and the HTML of a notebook."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from ._messages import DEFAULT_LANG, Lang, Message, localize
from ._validate import require_text
from .assessment import Assessment, MitigationGrounds
from .errors import InvalidTypeError, require_lang
from .grades import Grade
from .law import Provenance, Source
from .rulebooks import ParameterUse

__all__ = [
    "Step",
    "base_grade_step",
    "brief",
    "explanation",
    "final_grade_step",
    "finding_outcome",
    "finding_step",
    "html_table",
    "index_year_step",
    "mitigation_step",
]


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
        require_text("rule", rule)
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


# -- the steps of grade_head, in the law's order -----------------------------------------


def index_year_step(basis: Source, offset: ParameterUse, year: int, index_year: int) -> Step:
    """1. The unit's CCHC index of ``index_year`` (the evaluated ``year`` shifted by
    the ``offset`` parameter) is the basis of the evaluation."""
    outcome = Message("the CCHC index of {year} is used", year=str(index_year))
    return Step("index_year", basis, (offset,), (("year", str(year)),), outcome)


def base_grade_step(
    basis: Source, bands: tuple[ParameterUse, ...], score: Decimal, base: Grade
) -> Step:
    """2. The band of the index gives the base grade (one per verdict whose trace is
    read: built from checked parts, without ``Step``'s checks)."""
    step: Step = tuple.__new__(
        Step, ("base_grade", basis, bands, (("index_score", str(score)),), base.name)
    )
    return step


def finding_step(
    basis: Source, demotion: tuple[ParameterUse, ...], number: int, finding: str, outcome: str
) -> Step:
    """3. A finding the head answers for proposes a demotion (one per finding of
    every verdict whose trace is read: built from checked parts)."""
    step: Step = tuple.__new__(
        Step, ("finding", basis, demotion, ((f"findings[{number}]", finding),), outcome)
    )
    return step


def finding_outcome(levels: int) -> Message:
    """What a finding proposes: lowering the grade ``levels`` levels."""
    return Message("proposes lowering {levels} level(s)", levels=str(levels))


def mitigation_step(
    grounds: MitigationGrounds, basis: Source, mitigated: ParameterUse, levels: int
) -> Step:
    """4. The mitigation exception (``hp-2019-decision-30-report``): where the head
    directed, fully performed their duties and applied every preventive measure,
    or the cause is objective, the finding lowers the grade ``levels`` levels
    (the ``mitigated`` parameter) instead."""
    inputs = (
        ("directed", str(grounds.directed)),
        ("duties_fully_performed", str(grounds.duties_fully_performed)),
        ("preventive_measures_applied", str(grounds.preventive_measures_applied)),
        ("objective_cause", grounds.objective_cause or ""),
    )
    if not grounds.applies:
        missing = _listed([_MISSING[name] for name in grounds.missing()])
        outcome = Message("does not apply: missing {grounds}", grounds=missing)
        return Step("mitigation", basis, (), inputs, outcome)
    if grounds.all_duties_met:
        outcome = Message(
            "applies (all duties met): lowering {levels} level(s) instead", levels=str(levels)
        )
    else:  # the English leaves the cause to the inputs ({cause:.0} prints nothing)
        outcome = Message(
            "applies (objective cause{cause:.0}): lowering {levels} level(s) instead",
            levels=str(levels),
            cause=grounds.objective_cause or "",
        )
    return Step("mitigation", basis, (mitigated,), inputs, outcome)


_MISSING = {  # a condition of the first ground that does not hold (English: its field)
    "directed": Message("directed"),
    "duties_fully_performed": Message("duties_fully_performed"),
    "preventive_measures_applied": Message("preventive_measures_applied"),
}


def _listed(items: Sequence[str]) -> str:
    """``items`` as one message: ``a, b, c`` in English; in Vietnamese, whose
    conditions hold commas of their own, ``a; b; c``."""
    first, *rest = items
    return Message("{ground}, {more}", ground=first, more=_listed(rest)) if rest else first


def final_grade_step(basis: Source, base: Grade, demotion: int) -> Step:
    """5. The base grade lowered by the demotions, never below the lowest level."""
    return Step(
        "final_grade", basis, (), (("base_grade", base.name), ("demotion", str(demotion))),
        base.lowered(demotion).name,
    )  # fmt: skip


# -- telling the trace ---------------------------------------------------------------------

_TITLES = {  # a step's heading in the explanation
    "index_year": Message("Index year"),
    "base_grade": Message("Base grade from the CCHC index"),
    "finding": Message("Finding"),
    "mitigation": Message("Mitigation (exception)"),
    "final_grade": Message("Final grade"),
}
_BRIEF_TITLES = {  # a step's name in the one-line brief
    "base_grade": Message("base grade"),
    "finding": Message("finding"),
    "mitigation": Message("mitigation"),
    "final_grade": Message("final grade"),
}


_HTML_HEADINGS = (  # the columns of a verdict's HTML table
    Message("step"),
    Message("outcome"),
    Message("parameters"),
    Message("citation"),
)
_UNVERIFIED_USED = Message("Unverified parameters used:")


def _outcome(step: Step, lang: Lang) -> str:
    """What a step concluded: a grade by its label, any other outcome as said."""
    if step.rule in ("base_grade", "final_grade"):
        return Grade[step.outcome].label(lang)
    return localize(step.outcome, lang)


def _parameter(p: ParameterUse) -> Message:
    """A parameter the step used, with its value, provenance and instrument."""
    name, value, instrument = p.name, str(p.value), p.source.instrument
    if p.provenance is Provenance.UNVERIFIED:  # said loudly
        return Message(
            "{name} = {value} [unverified; {instrument}]",
            name=name, value=value, instrument=instrument,
        )  # fmt: skip
    return Message(
        "{name} = {value} [{provenance}; {instrument}]",
        name=name, value=value, provenance=p.provenance.message, instrument=instrument,
    )  # fmt: skip


def explanation(
    assessment: Assessment,
    rulebook_id: str,
    steps: Sequence[Step],
    unverified: Sequence[str],
    lang: Lang = DEFAULT_LANG,
) -> str:
    """The reasoning as text a reviewer can check against the decision: who was
    graded, then each step with its inputs, outcome, parameters and citation, and a
    note naming the unverified parameters used."""
    require_lang(lang)
    a = assessment
    heading = Message(
        "Head {head} ({unit}), year {year}, CCHC index {score} — under {rulebook}",
        head=a.head.name, unit=a.head.unit.name, year=str(a.year), score=str(a.index_score),
        rulebook=rulebook_id,
    )  # fmt: skip
    lines = [heading.render(lang)]
    for n, step in enumerate(steps, 1):
        inputs = "; ".join(f"{k} = {v}" for k, v in step.inputs if v)
        title = _TITLES[step.rule].render(lang)
        lines.append(f"{n}. {title}: {inputs} → {_outcome(step, lang)}")
        lines.extend(f"     {_parameter(p).render(lang)}" for p in step.parameters)
        source = Message("source: {citation}", citation=step.citation.citation())
        lines.append(f"     {source.render(lang)}")
    if unverified:
        note = Message(
            "Note: this result used unverified parameters: {names}", names=", ".join(unverified)
        )
        lines.append(note.render(lang))
    return "\n".join(lines)


def brief(steps: Sequence[Step], lang: Lang = DEFAULT_LANG) -> str:
    """The steps after the index year in one line: each step's inputs and outcome
    (grades by their names, as a table cell shows them)."""
    require_lang(lang)
    parts = []
    for step in steps[1:]:
        title = _BRIEF_TITLES[step.rule].render(lang)
        if step.rule == "final_grade":
            parts.append(f"{title}: {step.outcome}")
            continue
        inputs = ", ".join(f"{k} {v}" for k, v in step.inputs if v)
        parts.append(f"{title}: {inputs} → {localize(step.outcome, lang)}")
    return "; ".join(parts)


def html_table(
    assessment: Assessment,
    grade: Grade,
    steps: Sequence[Step],
    unverified: Sequence[str],
    lang: Lang = DEFAULT_LANG,
) -> str:
    """The verdict as an HTML table, for a notebook, in ``lang`` (Vietnamese unless
    ``lang`` is ``"en"``): who was graded and the grade, the unverified parameters
    used, then each step with its outcome, parameters and citation. Every text is
    escaped; names, values and codes are data and stay as written."""
    from html import escape  # only in a notebook: its entity table slows the import

    require_lang(lang)

    def params(step: Step) -> str:
        return ", ".join(
            f"{p.name}={p.value} ({p.provenance.label(lang)})" for p in step.parameters
        )

    def cells(*texts: str) -> str:
        return "".join(f"<td>{escape(t)}</td>" for t in texts)

    rows = "".join(
        "<tr>"
        + cells(
            _TITLES[s.rule].render(lang),
            _outcome(s, lang),
            params(s),
            s.citation.citation().render(lang),
        )
        + "</tr>"
        for s in steps
    )
    note = (
        f"<p><b>{escape(_UNVERIFIED_USED.render(lang))}</b> {escape(', '.join(unverified))}</p>"
        if unverified
        else ""
    )
    headings = "".join(f"<th>{escape(h.render(lang))}</th>" for h in _HTML_HEADINGS)
    a = assessment
    index = Message("CCHC index {score}", score=str(a.index_score)).render(lang)
    return (
        f"<div><p><b>{escape(a.head.name)}</b> — {escape(a.head.unit.name)}, {a.year}, "
        f"{escape(index)}: <b>{escape(grade.label(lang))}</b> ({grade.name})</p>{note}"
        f"<table><tr>{headings}</tr>{rows}</table></div>"
    )
