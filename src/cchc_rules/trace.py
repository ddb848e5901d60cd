"""The trace of a verdict: the :class:`Step` s of the reasoning, each with the rule
applied, its citation, the parameters it used (with their provenance) and its
outcome — what each step of :func:`cchc_rules.grading.grade_head` says — and the
ways the trace is told: the explanation a reviewer checks against the decision,
the one-line brief for a table cell, and the HTML of a notebook."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from ._messages import Lang, Message
from ._validate import check_text
from .assessment import Assessment, MitigationGrounds
from .errors import InvalidTypeError
from .grades import Grade
from .law import Source
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


# -- the steps of grade_head, in the law's order -----------------------------------------


def index_year_step(basis: Source, offset: ParameterUse, year: int, index_year: int) -> Step:
    """1. The unit's CCHC index of ``index_year`` (the evaluated ``year`` shifted by
    the ``offset`` parameter) is the basis of the evaluation."""
    return Step(
        "index_year", basis, (offset,), (("year", str(year)),),
        f"the CCHC index of {index_year} is used",
    )  # fmt: skip


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


def finding_outcome(levels: int) -> str:
    """What a finding proposes: lowering the grade ``levels`` levels."""
    return f"proposes lowering {levels} level(s)"


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
        outcome = "does not apply: missing " + ", ".join(grounds.missing())
        return Step("mitigation", basis, (), inputs, outcome)
    why = "all duties met" if grounds.all_duties_met else "objective cause"
    outcome = f"applies ({why}): lowering {levels} level(s) instead"
    return Step("mitigation", basis, (mitigated,), inputs, outcome)


def final_grade_step(basis: Source, base: Grade, demotion: int) -> Step:
    """5. The base grade lowered by the demotions, never below the lowest level."""
    return Step(
        "final_grade", basis, (), (("base_grade", base.name), ("demotion", str(demotion))),
        base.lowered(demotion).name,
    )  # fmt: skip


# -- telling the trace ---------------------------------------------------------------------

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


def explanation(
    assessment: Assessment,
    rulebook_id: str,
    steps: Sequence[Step],
    unverified: Sequence[str],
    lang: Lang,
) -> str:
    """The reasoning as text a reviewer can check against the decision."""
    vi = lang == "vi"
    a = assessment
    lines = [
        (
            f"Người đứng đầu {a.head.name} ({a.head.unit.name}), năm {a.year}, "
            f"chỉ số CCHC {a.index_score} — theo {rulebook_id}"
            if vi
            else f"Head {a.head.name} ({a.head.unit.name}), year {a.year}, CCHC index "
            f"{a.index_score} — under {rulebook_id}"
        )
    ]
    for n, step in enumerate(steps, 1):
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
    if unverified:
        lines.append(
            (
                "Lưu ý: kết quả dùng tham số chưa xác minh: "
                if vi
                else "Note: this result used unverified parameters: "
            )
            + ", ".join(unverified)
        )
    return "\n".join(lines)


def brief(steps: Sequence[Step], lang: Lang) -> str:
    """The steps after the index year in one line: each step's inputs and outcome."""
    vi = lang == "vi"
    parts = []
    for step in steps[1:]:
        title = _BRIEF_TITLES[step.rule][0 if vi else 1]
        if step.rule == "final_grade":
            parts.append(f"{title}: {step.outcome}")
            continue
        inputs = ", ".join(f"{k} {v}" for k, v in step.inputs if v)
        outcome = _outcome_vi(step) if vi and step.rule != "base_grade" else step.outcome
        parts.append(f"{title}: {inputs} → {outcome}")
    return "; ".join(parts)


def html_table(
    assessment: Assessment, grade: Grade, steps: Sequence[Step], unverified: Sequence[str]
) -> str:
    """The verdict as an HTML table, for a notebook."""
    from html import escape  # only in a notebook: its entity table slows the import

    def params(step: Step) -> str:
        return ", ".join(f"{p.name}={p.value} ({p.provenance.value})" for p in step.parameters)

    rows = "".join(
        f"<tr><td>{escape(s.rule)}</td><td>{escape(s.outcome)}</td>"
        f"<td>{escape(params(s))}</td><td>{escape(str(s.citation))}</td></tr>"
        for s in steps
    )
    note = (
        f"<p><b>Unverified parameters used:</b> {escape(', '.join(unverified))}</p>"
        if unverified
        else ""
    )
    a = assessment
    return (
        f"<div><p><b>{escape(a.head.name)}</b> — {escape(a.head.unit.name)}, {a.year}, "
        f"index {a.index_score}: <b>{escape(grade.label_vi)}</b> "
        f"({escape(grade.label_en)})</p>{note}"
        "<table><tr><th>rule</th><th>outcome</th><th>parameters</th><th>citation</th></tr>"
        f"{rows}</table></div>"
    )
