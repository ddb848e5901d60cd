"""The result of grading: a :class:`Verdict` knows its grade at once and builds
its trace (:mod:`cchc_rules.trace`) the first time it is read; its stable JSON
layout (``SCHEMA_VERSION``); and :func:`verdict_records`, flat rows for notebooks."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from ._messages import DEFAULT_LANG, Lang, Message
from ._read_only import ReadOnly, slot
from ._validate import require_bool, require_int, require_iterable, require_text
from .assessment import Assessment
from .errors import InvalidTypeError
from .grades import Grade
from .trace import Step, brief, explanation, html_table

__all__ = [
    "SCHEMA_VERSION",
    "TracePlan",
    "Verdict",
    "records",
    "verdict_records",
    "verdict_with_deferred_trace",
]

SCHEMA_VERSION = 1
"""Version of the ``Verdict.to_dict`` layout; bumped on any incompatible change."""


class TracePlan(Protocol):
    """What builds a verdict's trace on first read (the grading plan of a rulebook
    and year, :mod:`cchc_rules._grading_plan`)."""

    def steps(self, assessment: Assessment, base: Grade, demotion: int) -> tuple[Step, ...]: ...


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

    _assessment: Assessment
    _rulebook_id: str
    _grade: Grade
    _base_grade: Grade
    _mitigated: bool
    _demotion: int
    _unverified: tuple[str, ...]
    _plan: TracePlan | None
    _trace: tuple[Step, ...] | None

    def __new__(
        cls,
        assessment: Assessment,
        rulebook_id: str,
        grade: Grade,
        base_grade: Grade,
        mitigated: bool,
        demotion: int,
        unverified: tuple[str, ...],
        trace: Iterable[Step],
    ) -> Verdict:
        # mutmut never mutates __new__: the checks live in _checked, which it does
        parts = (assessment, rulebook_id, grade, base_grade, mitigated, demotion, unverified)
        checked, steps = _checked(parts, trace)
        verdict = verdict_with_deferred_trace(None, *checked)
        verdict._trace = steps
        return verdict

    assessment: ReadOnly[Assessment] = slot("_assessment", "The assessment graded.")
    rulebook_id: ReadOnly[str] = slot("_rulebook_id", "The ``id`` of the rulebook applied.")
    grade: ReadOnly[Grade] = slot("_grade", "The final grade.")
    base_grade: ReadOnly[Grade] = slot("_base_grade", "The grade from the index alone.")
    mitigated: ReadOnly[bool] = slot("_mitigated", "Whether any finding was mitigated.")
    demotion: ReadOnly[int] = slot("_demotion", "The levels the findings lowered the grade by.")
    unverified: ReadOnly[tuple[str, ...]] = slot(
        "_unverified", "The names of the unverified parameters this result used."
    )

    @property
    def trace(self) -> tuple[Step, ...]:
        """The steps of the reasoning, each with its citation and parameters."""
        trace = self._trace
        if trace is None:
            assert self._plan is not None  # a verdict has a trace or the plan to build it
            trace = self._trace = self._plan.steps(
                self._assessment, self._base_grade, self._demotion
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
            "findings": [f.to_dict() for f in a.findings],
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

    def explain(self, lang: Lang = DEFAULT_LANG) -> str:
        """The reasoning as text a reviewer can check against the decision
        (Vietnamese unless ``lang`` is ``"en"``)."""
        return explanation(self._assessment, self._rulebook_id, self.trace, self._unverified, lang)

    def brief(self, lang: Lang = DEFAULT_LANG) -> str:
        """The trace in one line: each step's inputs and outcome, for a table cell
        (Vietnamese unless ``lang`` is ``"en"``).

        >>> from cchc_rules import Head, Unit, UnitKind, grade_head
        >>> head = Head("Giám đốc", Unit("Sở Tư pháp", UnitKind.DEPARTMENT))
        >>> verdict = grade_head(Assessment(head, 2019, "89.95"))
        >>> print(verdict.brief("en"))
        base grade: index_score 89.95 → GOOD; final grade: GOOD
        >>> print(verdict.brief())
        xếp loại theo chỉ số: index_score 89.95 → GOOD; kết quả: GOOD
        """
        return brief(self.trace, lang)

    def to_html(self, lang: Lang = DEFAULT_LANG) -> str:
        """The verdict as an HTML table, for a notebook: who was graded, the grade,
        the unverified parameters used and each step with its outcome, parameters
        and citation (Vietnamese unless ``lang`` is ``"en"``)."""
        return html_table(self._assessment, self._grade, self.trace, self._unverified, lang)

    def _repr_html_(self) -> str:
        return self.to_html()


_new_verdict = object.__new__


_Parts = tuple[Assessment, str, Grade, Grade, bool, int, tuple[str, ...]]


def _checked(parts: _Parts, trace: Iterable[Step]) -> tuple[_Parts, tuple[Step, ...]]:
    """The arguments of :class:`Verdict` checked at the door: its parts and its trace."""
    assessment, rulebook_id, grade, base_grade, mitigated, demotion, unverified = parts
    if not isinstance(assessment, Assessment):
        raise InvalidTypeError.for_field("assessment", "an Assessment", assessment)
    require_text("rulebook_id", rulebook_id)
    for name, value in (("grade", grade), ("base_grade", base_grade)):
        if not isinstance(value, Grade):
            raise InvalidTypeError.for_field(
                name, Message("an instance of {names}", names="Grade"), value
            )
    require_bool("mitigated", mitigated)
    require_int("demotion", demotion, minimum=0)
    unverified = tuple(require_iterable("unverified", unverified))
    for name in unverified:
        require_text("unverified", name)
    trace = tuple(require_iterable("trace", trace))
    for i, step in enumerate(trace):
        if not isinstance(step, Step):
            raise InvalidTypeError.for_field(
                f"trace[{i}]", Message("an instance of {names}", names="Step"), step
            )
    return (assessment, rulebook_id, grade, base_grade, mitigated, demotion, unverified), trace


def verdict_with_deferred_trace(plan: TracePlan | None, *parts: *_Parts) -> Verdict:
    """A verdict whose trace ``plan`` builds the first time it is read; ``parts``
    are ``Verdict``'s arguments before ``trace``, in their order. They are not
    checked (the caller built them from checked ones): this is the hot path of
    grading, one call per assessment, and the one place a verdict's slots are set."""
    assessment, rulebook_id, grade, base_grade, mitigated, demotion, unverified = parts
    verdict: Verdict = _new_verdict(Verdict)
    verdict._assessment = assessment
    verdict._rulebook_id = rulebook_id
    verdict._grade = grade
    verdict._base_grade = base_grade
    verdict._mitigated = mitigated
    verdict._demotion = demotion
    verdict._unverified = unverified
    verdict._plan = plan
    verdict._trace = None
    return verdict


def verdict_records(verdicts: Sequence[Verdict]) -> list[dict[str, Any]]:
    """Flat rows for notebooks (``pandas.DataFrame(verdict_records(vs))``), one per
    verdict, without the trace (which is not built)."""
    rows = []
    for i, v in enumerate(require_iterable("verdicts", verdicts)):
        if not isinstance(v, Verdict):
            raise InvalidTypeError.for_field(f"verdicts[{i}]", "a Verdict", v)
        d = v._row()
        d["findings"] = len(v.assessment.findings)
        d["unverified"] = ", ".join(v.unverified)
        rows.append(d)
    return rows


records = verdict_records
"""The former name of :func:`verdict_records`, kept importable."""
