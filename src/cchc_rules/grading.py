"""Grading a head's responsibility for CCHC under a rulebook.

The reasoning follows the law's order (seed 003, and SPEC section 2 for the
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
from collections.abc import Iterable, Sequence
from decimal import Decimal
from html import escape
from typing import Any, Literal, NamedTuple

import attrs

from ._validate import check_bool, check_iterable, check_text, check_year, optional_text
from .errors import InvalidTypeError
from .grades import Grade
from .law import Source
from .rulebooks import DECISION_30_2018, ParameterUse, ResolvedRules, Rulebook, _score
from .units import Head

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

Lang = Literal["vi", "en"]


def _flag(name: str) -> Any:
    return attrs.field(default=False, validator=lambda _i, _a, v: check_bool(name, v))


def _cause(value: Any) -> str | None:
    return optional_text("objective_cause", value)


@attrs.frozen
class MitigationGrounds:
    """The grounds for mitigating a finding (seed 003): the head ``directed``,
    ``duties_fully_performed`` and ``preventive_measures_applied`` — all three —
    or the cause is objective (``objective_cause`` describes it).

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
    return _score("index_score", value)


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


class Step(NamedTuple):
    """One step of a verdict's reasoning: the ``rule`` applied, its ``citation``,
    the ``parameters`` it used (with their provenance), the ``inputs`` it read, and
    its ``outcome``."""

    rule: str
    citation: Source
    parameters: tuple[ParameterUse, ...]
    inputs: tuple[tuple[str, str], ...]
    outcome: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "citation": self.citation.to_dict(),
            "parameters": [p.to_dict() for p in self.parameters],
            "inputs": dict(self.inputs),
            "outcome": self.outcome,
        }


@attrs.frozen
class Verdict:
    """The result of :func:`grade_head`: the final ``grade``, the ``base_grade``
    from the index alone, whether any finding was ``mitigated``, the names of the
    ``unverified`` parameters used, and the ``trace`` of steps."""

    assessment: Assessment
    rulebook_id: str
    grade: Grade
    base_grade: Grade
    mitigated: bool
    demotion: int
    unverified: tuple[str, ...]
    trace: tuple[Step, ...]

    def to_dict(self) -> dict[str, Any]:
        """A stable, JSON-serialisable form (``schema_version`` 1)."""
        a = self.assessment
        unit = a.head.unit
        return {
            "schema_version": SCHEMA_VERSION,
            "rulebook": self.rulebook_id,
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
            "base_grade": self.base_grade.name,
            "grade": self.grade.name,
            "grade_label_vi": self.grade.label_vi,
            "grade_label_en": self.grade.label_en,
            "mitigated": self.mitigated,
            "demotion": self.demotion,
            "unverified": list(self.unverified),
            "trace": [s.to_dict() for s in self.trace],
        }

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


class _Plan:
    """Everything about grading under one rulebook and year that does not depend on
    the assessment: built once, shared by every verdict (and across threads, since
    it is never mutated after construction except for idempotent cache fills)."""

    __slots__ = (
        "bands",
        "base_params",
        "basis",
        "final_steps",
        "finding_demotion",
        "finding_outcome",
        "finding_params",
        "index_step",
        "mitigated_demotion",
        "mitigated_params",
        "mitigation_basis",
        "mitigations",
        "unverified",
    )

    def __init__(self, rulebook: Rulebook, rules: ResolvedRules, year: int) -> None:
        uses = rules.uses
        self.basis = rulebook.basis
        self.mitigation_basis = rulebook.mitigation_basis
        self.bands = rules.bands
        self.finding_demotion = rules.finding_demotion
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
        self.mitigations: dict[MitigationGrounds, tuple[Step, bool]] = {}
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


def _step(
    rule: str,
    citation: Source,
    parameters: tuple[ParameterUse, ...],
    inputs: tuple[tuple[str, str], ...],
    outcome: str,
) -> Step:
    """``Step(...)`` without NamedTuple's Python-level ``__new__`` (hot path)."""
    return _tuple_new(Step, (rule, citation, parameters, inputs, outcome))


_tuple_new = tuple.__new__


def _plan(rulebook: Rulebook, year: int) -> _Plan:
    key = ("grading-plan", year)
    plan: _Plan | None = rulebook._memo.get(key)
    if plan is None:
        plan = _Plan(rulebook, rulebook.rules_for(year), year)
        rulebook._memo[key] = plan
    return plan


def grade_head(assessment: Assessment, rulebook: Rulebook = DECISION_30_2018) -> Verdict:
    """Grade ``assessment`` under ``rulebook`` (Decision 30/2018 by default).

    A year the rulebook does not cover is an ``OutOfRangeError``.
    """
    if not isinstance(assessment, Assessment):
        raise InvalidTypeError.for_field("assessment", "an Assessment", assessment)
    if not isinstance(rulebook, Rulebook):
        raise InvalidTypeError.for_field("rulebook", "a Rulebook", rulebook)
    plan = _plan(rulebook, assessment.year)
    score = assessment.index_score
    # Base rule: the band of the annual CCHC index.
    base = plan.bands.grade_for(score)
    trace = [
        plan.index_step,
        _step(
            "base_grade",
            plan.basis,
            plan.base_params,
            (("index_score", str(score)),),
            base.name,
        ),
    ]
    demotion = 0
    any_mitigated = False
    for i, finding in enumerate(assessment.findings):
        # Each finding proposes a demotion ...
        trace.append(
            _step(
                "finding",
                plan.basis,
                plan.finding_params,
                ((f"findings[{i}]", finding.description),),
                plan.finding_outcome,
            )
        )
        grounds = finding.mitigation
        if grounds is None:
            demotion += plan.finding_demotion
            continue
        # ... unless mitigation, an explicit exception, applies.
        outcome = plan.mitigations.get(grounds)
        if outcome is None:
            outcome = _mitigation(grounds, plan)
            if len(plan.mitigations) < _MITIGATION_CACHE:
                plan.mitigations[grounds] = outcome
        step, mitigated = outcome
        trace.append(step)
        demotion += plan.mitigated_demotion if mitigated else plan.finding_demotion
        any_mitigated = any_mitigated or mitigated
    trace.append(plan.final_step(base, demotion))
    unverified = plan.unverified[(bool(assessment.findings), any_mitigated)]
    return Verdict(
        assessment,
        rulebook.id,
        base.lowered(demotion),
        base,
        any_mitigated,
        demotion,
        unverified,
        tuple(trace),
    )


_MITIGATION_CACHE = 1024
"""Distinct mitigation grounds whose trace step a plan keeps (grounds are immutable;
the bound keeps a stream of unique causes from growing memory)."""

_ORDER = (
    "index_year_offset",
    "grade_bands",
    "grade_levels",
    "finding_demotion",
    "mitigated_finding_demotion",
)


def _mitigation(grounds: MitigationGrounds, plan: _Plan) -> tuple[Step, bool]:
    """The mitigation exception (seed 003): where the head directed, fully performed
    their duties and applied every preventive measure, or the cause is objective,
    the finding lowers the grade ``mitigated_finding_demotion`` levels instead."""
    inputs = (
        ("directed", str(grounds.directed)),
        ("duties_fully_performed", str(grounds.duties_fully_performed)),
        ("preventive_measures_applied", str(grounds.preventive_measures_applied)),
        ("objective_cause", grounds.objective_cause or ""),
    )
    if not grounds.applies:
        outcome = "does not apply: missing " + ", ".join(grounds.missing())
        return _step("mitigation", plan.mitigation_basis, (), inputs, outcome), False
    why = "all duties met" if grounds.all_duties_met else "objective cause"
    outcome = f"applies ({why}): lowering {plan.mitigated_demotion} level(s) instead"
    return _step("mitigation", plan.mitigation_basis, plan.mitigated_params, inputs, outcome), True


# -- batches --------------------------------------------------------------------------


@attrs.frozen
class BatchResult:
    """Verdicts in input order, a count per grade (every grade listed, highest
    first), and every unverified parameter any verdict used."""

    verdicts: tuple[Verdict, ...]
    summary: dict[Grade, int]
    unverified: tuple[str, ...]


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
    for v in verdicts:
        d = v.to_dict()
        d.pop("trace")
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

    assessment: Assessment
    published: Grade
    verdict: Verdict

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
