"""The values of the grading parameters: the grade levels and the :class:`Bands`
on the annual CCHC index."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from .._messages import Message
from .._validate import require_score
from ..errors import InvalidInputError
from ..grades import Grade

__all__ = ["BAND_NAMES", "LEVELS", "Bands"]

LEVELS = tuple(Grade)
"""The four grade levels, highest first."""
BAND_NAMES = ("excellent", "good", "completed")
"""The bands' names, highest first, as files write them."""


def _excellent(value: Any) -> Decimal:
    return require_score("excellent", value)


def _good(value: Any) -> Decimal:
    return require_score("good", value)


def _completed(value: Any) -> Decimal:
    return require_score("completed", value)


@attrs.frozen
class Bands:
    """Lower bounds on the CCHC index (0–100) for each grade; "từ X trở lên" is
    ``>= X``. Strictly decreasing: ``excellent > good > completed``.

    >>> Bands(90, 80, 70).grade_for(Decimal("79.99"))
    <Grade.COMPLETED: 'completed'>
    """

    excellent: Decimal = attrs.field(converter=_excellent)
    good: Decimal = attrs.field(converter=_good)
    completed: Decimal = attrs.field(converter=_completed)

    def __attrs_post_init__(self) -> None:
        if not self.excellent > self.good > self.completed:
            raise InvalidInputError(
                Message(
                    "bands must be strictly decreasing, excellent > good > completed "
                    "(got {excellent}, {good}, {completed})",
                    excellent=self.excellent,
                    good=self.good,
                    completed=self.completed,
                )
            )

    def grade_for(self, score: Decimal) -> Grade:
        """The grade of an index ``score`` (0–100)."""
        if type(score) is not Decimal or not score.is_finite():
            score = require_score("score", score)
        if score >= self.excellent:
            return Grade.EXCELLENT
        if score >= self.good:
            return Grade.GOOD
        if score >= self.completed:
            return Grade.COMPLETED
        return Grade.NOT_COMPLETED

    def describe(self) -> str:
        return f"excellent ≥ {self.excellent}, good ≥ {self.good}, completed ≥ {self.completed}"
