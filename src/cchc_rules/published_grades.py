"""Published grades checked against a rulebook: :func:`check_published_grades`
returns a :class:`GradeDiscrepancy` for every published grade the rulebook does not
give, with the verdict that says why."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from ._messages import DEFAULT_LANG, Lang, Message, term
from ._validate import require_iterable, typed
from .assessment import Assessment
from .errors import InvalidTypeError, require_lang
from .grades import Grade
from .grading import grade_head
from .rulebooks import DECISION_30_2018, Rulebook
from .verdict import Verdict

__all__ = ["GradeDiscrepancy", "check_published_grades"]


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

    def message(self, lang: Lang = DEFAULT_LANG) -> str:
        """One sentence naming the head, both grades and the reasons in short
        (Vietnamese unless ``lang`` is ``"en"``; ``str()`` gives the English)."""
        require_lang(lang)
        a = self.assessment
        return Message(
            "{unit} ({head}, {year}): published {published}, {rulebook} gives {expected} "
            "({reasons})",
            unit=a.head.unit.name,
            head=a.head.name,
            year=str(a.year),
            published=_in_a_sentence(self.published),
            rulebook=self.verdict.rulebook_id,
            expected=_in_a_sentence(self.expected),
            reasons=self.verdict.brief(lang),
        ).render(lang)

    def __str__(self) -> str:
        return self.message("en")

    def to_dict(self) -> dict[str, Any]:
        """The verdict's :meth:`Verdict.to_dict` plus ``published_grade``."""
        return {
            **self.verdict.to_dict(),
            "published_grade": self.published.name,
            "brief": self.verdict.brief("en"),
        }


def _in_a_sentence(grade: Grade) -> Message:
    """A grade as a sentence names it: by its code in English, as the tables and
    JSON write it; by its label in Vietnamese, as units publish it."""
    return term(grade.name, grade.message)


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
    for i, pair in enumerate(require_iterable("pairs", pairs)):
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
