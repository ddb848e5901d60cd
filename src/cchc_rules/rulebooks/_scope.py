"""What a rulebook implements and what it was written for: the :class:`Instrument`
(the regulation) and the :class:`Scope` (evaluated years and unit kinds)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from .._messages import Message
from .._validate import require_year
from ..errors import InvalidInputError, InvalidTypeError
from ..law import Source, as_source
from ..units import UnitKind

__all__ = ["Instrument", "Scope", "require_first_year", "require_kinds", "require_last_year"]


@attrs.frozen
class Instrument:
    """The regulation a rulebook implements."""

    number: str
    issuer: str
    title: str
    signed: dt.date
    source: Source
    effective: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        """The ``[instrument]`` table of a rulebook file: dates as ISO text."""
        out: dict[str, Any] = {
            "number": self.number,
            "issuer": self.issuer,
            "title": self.title,
            "signed": self.signed.isoformat(),
        }
        if self.effective is not None:
            out["effective"] = self.effective.isoformat()
        out["source"] = self.source.to_dict()
        return out


def require_first_year(value: Any) -> int:
    """A scope's ``first_year``: a supported year."""
    return require_year("first_year", value)


def require_last_year(value: Any) -> int | None:
    """A scope's ``last_year``: a supported year, or ``None`` (open)."""
    return None if value is None else require_year("last_year", value)


def require_kinds(value: Any) -> frozenset[UnitKind]:
    """A scope's ``kinds``: a non-empty list of unit kinds (names or members)."""
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidTypeError.for_field("kinds", "a list of unit kinds", value)
    kinds = frozenset(UnitKind.parse(k, "kinds") for k in value)
    if not kinds:
        raise InvalidInputError.for_field("kinds", "must name at least one unit kind", value)
    return kinds


@attrs.frozen
class Scope:
    """What a rulebook was written for: the evaluated years ``first_year`` to
    ``last_year`` (inclusive; ``None`` leaves it open) and the unit ``kinds``, with
    the ``source`` that says so. A verdict outside the scope still gets a grade,
    but lists ``scope`` among its unverified parameters.

    >>> from cchc_rules import DECISION_30_2018
    >>> DECISION_30_2018.scope.describe()
    '2018–2024: DEPARTMENT, DISTRICT, SUBORDINATE'
    >>> DECISION_30_2018.scope.covers(2025, UnitKind.DEPARTMENT)
    False
    """

    first_year: int = attrs.field(converter=require_first_year)
    last_year: int | None = attrs.field(converter=require_last_year)
    kinds: frozenset[UnitKind] = attrs.field(converter=require_kinds)
    source: Source = attrs.field(converter=as_source)

    def __attrs_post_init__(self) -> None:
        if self.last_year is not None and self.last_year < self.first_year:
            raise InvalidInputError(
                Message(
                    "last_year must not be before first_year (got {first} to {last})",
                    first=self.first_year,
                    last=self.last_year,
                )
            )

    def covers(self, year: int, kind: UnitKind) -> bool:
        """Whether evaluated ``year`` and a unit of ``kind`` are in the scope."""
        in_years = self.first_year <= year and (self.last_year is None or year <= self.last_year)
        return in_years and kind in self.kinds

    def kind_names(self) -> list[str]:
        """The kinds' names, in ``UnitKind`` order."""
        return [k.name for k in UnitKind if k in self.kinds]

    def describe(self) -> str:
        last = "" if self.last_year is None else str(self.last_year)
        return f"{self.first_year}–{last}: {', '.join(self.kind_names())}"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"first_year": self.first_year}
        if self.last_year is not None:
            out["last_year"] = self.last_year
        out["kinds"] = self.kind_names()
        out["source"] = self.source.to_dict()
        return out
