"""The errors ``cchc_rules`` raises on purpose.

Every error is a :class:`CchcError`, and each child also subclasses the builtin a
caller would naturally catch (``ValueError`` for a bad value, ``TypeError`` for a
value of the wrong type), as ``whenever`` does with ``SkippedTime``.

Messages name the field, what was expected and what arrived::

    >>> raise InvalidInputError.for_field("index_score", "must be between 0 and 100", 120)
    Traceback (most recent call last):
    ...
    cchc_rules.errors.InvalidInputError: index_score must be between 0 and 100 (got 120)

A loader that reads many records collects *every* failure before it raises, so one
:class:`InvalidInputError` may carry several located :class:`Problem` s.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

__all__ = [
    "CchcError",
    "InvalidInputError",
    "InvalidTypeError",
    "OutOfRangeError",
    "Problem",
    "got",
]


def got(value: object) -> str:
    """How an arrived value is shown in a message: ``repr`` for text, ``str`` else.

    >>> got("abc"), got(120), got(None)
    ("'abc'", '120', 'None')
    """
    if isinstance(value, str):
        return repr(value)
    return str(value)


@attrs.frozen
class Problem:
    """One located failure: where (``row 3``, ``$[2].findings[0]``), which field, why."""

    location: str
    field: str
    message: str

    def __str__(self) -> str:
        parts = [p for p in (self.location, self.field) if p]
        where = ", ".join(parts)
        return f"{where}: {self.message}" if where else self.message


class CchcError(Exception):
    """Root of every error the library raises on purpose."""


class InvalidInputError(CchcError, ValueError):
    """A bad value. ``problems`` holds every located failure a loader found."""

    problems: tuple[Problem, ...]

    def __init__(self, message: str, problems: Iterable[Problem] = ()) -> None:
        super().__init__(message)
        self.problems = tuple(problems)

    @classmethod
    def for_field(cls, field: str, expected: str, value: Any) -> InvalidInputError:
        """``<field> <expected> (got <value>)``, the house style of every message."""
        return cls(f"{field} {expected} (got {got(value)})")

    @classmethod
    def collected(cls, problems: Iterable[Problem], what: str = "input") -> InvalidInputError:
        """One error carrying every problem, each on a line of its own."""
        found = tuple(problems)
        noun = "problem" if len(found) == 1 else "problems"
        lines = "\n".join(f"  {p}" for p in found)
        return cls(f"{what} has {len(found)} {noun}:\n{lines}", found)


class OutOfRangeError(InvalidInputError):
    """A date (or year) outside what a calendar or rulebook covers.

    Never a silent wrong answer: outside the range the library does not know the
    days off, so it refuses.
    """


class InvalidTypeError(CchcError, TypeError):
    """A value of the wrong type (a ``str`` where a ``date`` was expected, a ``bool``
    where a number was expected...)."""

    @classmethod
    def for_field(cls, field: str, expected: str, value: Any) -> InvalidTypeError:
        return cls(f"{field} must be {expected} (got {type(value).__name__} {got(value)})")
