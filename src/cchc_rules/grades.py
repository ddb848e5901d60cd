"""The grade levels of a head's responsibility for CCHC.

Four levels whose labels are exactly those of the classification of cadres and
civil servants in Nghị định 90/2020/NĐ-CP, 48/2023/NĐ-CP and 335/2025/NĐ-CP
(bibliography ``decree-90-2020``, ``decree-48-2023``, ``decree-335-2025``; Decree
56/2015 worded its third level differently). That Decision 30/2018 uses these four
is an **unverified** default (docs/decision-30-2018.md); the rulebook records it.

>>> Grade.EXCELLENT > Grade.GOOD > Grade.COMPLETED > Grade.NOT_COMPLETED
True
>>> Grade.GOOD.lowered(5)
<Grade.NOT_COMPLETED: 'not_completed'>
>>> Grade.GOOD.label(), Grade.GOOD.label("en")  # Vietnamese unless asked otherwise
('Hoàn thành tốt nhiệm vụ', 'Well completed duties')
"""

from __future__ import annotations

import enum
import functools
import unicodedata
from typing import Any

from ._messages import Labelled, Message, name_members
from ._validate import require_int
from .errors import InvalidInputError

__all__ = ["Grade"]


@functools.total_ordering
class Grade(Labelled, enum.Enum):
    """Totally ordered: ``EXCELLENT`` is the highest, ``NOT_COMPLETED`` the lowest."""

    EXCELLENT = "excellent"
    GOOD = "good"
    COMPLETED = "completed"
    NOT_COMPLETED = "not_completed"

    @property
    def rank(self) -> int:
        """3 for EXCELLENT down to 0 for NOT_COMPLETED."""
        return _RANK[self]

    def __lt__(self, other: Any) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return _RANK[self] < _RANK[other]

    def lowered(self, levels: int) -> Grade:
        """This grade lowered by ``levels``, 0 or more (never below the lowest level)."""
        if type(levels) is not int or levels < 0:
            require_int("levels", levels, minimum=0)
        return _BY_RANK[max(0, _RANK[self] - levels)]

    @classmethod
    def parse(cls, value: Any, field: str = "grade") -> Grade:
        """A ``Grade`` from itself, its name ("GOOD", any case) or its label as
        published: Vietnamese ("Hoàn thành tốt nhiệm vụ", any case, composed (NFC)
        or decomposed (NFD) Unicode, with or without the closing "nhiệm vụ") or
        English.

        >>> Grade.parse("hoàn thành xuất sắc nhiệm vụ"), Grade.parse(" not_completed ")
        (<Grade.EXCELLENT: 'excellent'>, <Grade.NOT_COMPLETED: 'not_completed'>)
        >>> Grade.parse("Hoàn thành tốt")
        <Grade.GOOD: 'good'>
        >>> Grade.parse("Khá")
        Traceback (most recent call last):
        ...
        cchc_rules.errors.InvalidInputError: grade must be a grade name (EXCELLENT, GOOD, \
COMPLETED, NOT_COMPLETED) or its Vietnamese label such as 'Hoàn thành tốt nhiệm vụ' (got 'Khá')
        """
        if isinstance(value, Grade):
            return value
        if isinstance(value, str):
            key = _key(value)
            if key.upper() in cls.__members__:  # a name or value: no labels needed
                return cls[key.upper()]
            found = _by_text().get(key)
            if found is not None:
                return found
        raise InvalidInputError.for_field(
            field,
            Message(
                "must be a grade name ({names}) or its Vietnamese label such as {example}",
                names=", ".join(cls.__members__),
                example=repr(Grade.GOOD.label("vi")),
            ),
            value,
        )


def _key(text: str) -> str:
    """``text`` as a lookup key: NFC, case folded, inner white space collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


_RANK = {Grade.EXCELLENT: 3, Grade.GOOD: 2, Grade.COMPLETED: 1, Grade.NOT_COMPLETED: 0}
_BY_RANK = {rank: grade for grade, rank in _RANK.items()}
name_members(
    {
        Grade.EXCELLENT: Message("Excellently completed duties"),
        Grade.GOOD: Message("Well completed duties"),
        Grade.COMPLETED: Message("Completed duties"),
        Grade.NOT_COMPLETED: Message("Did not complete duties"),
    }
)


@functools.cache
def _by_text() -> dict[str, Grade]:
    """Every text :meth:`Grade.parse` reads, as a lookup key (built on first use:
    the Vietnamese labels come from the catalogue, which loads on demand)."""
    found: dict[str, Grade] = {}
    for grade in Grade:
        vi = grade.label("vi")
        for text in (grade.name, grade.value, vi, vi.removesuffix(" nhiệm vụ"), grade.label("en")):
            found[_key(text)] = grade
    return found
