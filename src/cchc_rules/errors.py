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

``str(error)`` is English. Every message the library writes can also be said in
Vietnamese, the library's default language, with :meth:`CchcError.localized` (the
command line does this unless ``--lang en``)::

    >>> try:
    ...     raise InvalidInputError.for_field("index_score", "must be between 0 and 100", 120)
    ... except CchcError as exc:
    ...     print(exc.localized("vi"))
    index_score phải nằm trong khoảng từ 0 đến 100 (nhận được 120)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

import attrs

from ._messages import DEFAULT_LANG, LANGUAGES, Lang, Message, join, localize, quoted, shown

__all__ = [
    "ERROR_CODES",
    "ERROR_SCHEMA_VERSION",
    "CchcError",
    "InvalidInputError",
    "InvalidTypeError",
    "OutOfRangeError",
    "Problem",
    "got",
]


ERROR_SCHEMA_VERSION = 1
"""Version of the :meth:`CchcError.to_dict` layout; bumped on any incompatible change."""

ERROR_CODES = {
    "cchc_error": "any other error the library raises on purpose",
    "invalid_input": "a bad value, or a file with bad rows (every problem is listed)",
    "out_of_range": "a date or year outside what a calendar or rulebook covers",
    "invalid_type": "a value of the wrong type",
}
"""Every ``code`` an error can carry, with what it means (a test checks each error
class has one of these)."""


def got(value: object) -> str:
    """How an arrived value is shown in a message: ``repr`` for text, ``str`` else,
    cut to a readable length (see :func:`~cchc_rules._messages.shown`).

    >>> got("abc"), got(120), got(None), got(10**5000)
    ("'abc'", '120', 'None', 'an integer of about 5001 digits')
    """
    return quoted(value) if isinstance(value, str) else shown(value)


def _text(field: str, value: Any) -> str:
    """``value`` if it is text (a helper of an error class given anything else
    raises a clear error, not an AttributeError from deep inside)."""
    if not isinstance(value, str):
        raise InvalidTypeError.for_field(field, "text", value)
    return value


@attrs.frozen
class Problem:
    """One located failure: where (``row 3``, ``$[2].findings[0]``), which field, why."""

    location: str = attrs.field(validator=lambda _i, a, v: _text(a.name, v))
    field: str = attrs.field(validator=lambda _i, a, v: _text(a.name, v))
    message: str = attrs.field(validator=lambda _i, a, v: _text(a.name, v))

    def __str__(self) -> str:
        return self.render("en")

    def render(self, lang: str = DEFAULT_LANG) -> str:
        """The problem as one line in ``lang`` ("vi" or "en"); ``str()`` of it is
        the English."""
        return localize(self._text(), require_lang(lang))

    def to_dict(self) -> dict[str, str]:
        """JSON-ready: where, which field, and the message in both languages."""
        return {
            "location": str(self.location),
            "location_vi": localize(self.location, "vi"),
            "field": self.field,
            "message": str(self.message),
            "message_vi": localize(self.message, "vi"),
        }

    def _text(self) -> str:
        where = join(", ", [p for p in (self.location, self.field) if p])
        return (
            Message("{where}: {message}", where=where, message=self.message)
            if where
            else self.message
        )


def require_lang(lang: object) -> Lang:
    """``lang`` if it is one of the languages messages are written in."""
    if lang not in LANGUAGES:
        raise InvalidInputError.for_field(
            "lang", Message("must be one of {names}", names="'vi', 'en'"), lang
        )
    return lang


class CchcError(Exception):
    """Root of every error the library raises on purpose.

    ``code`` names the kind of problem, stable across releases (services branch on
    it, never on the wording); :meth:`to_dict` is the error as JSON::

        >>> error = InvalidInputError.for_field("index_score", "must be between 0 and 100", 120)
        >>> data = error.to_dict()
        >>> data["code"], data["message_vi"]
        ('invalid_input', 'index_score phải nằm trong khoảng từ 0 đến 100 (nhận được 120)')
    """

    code: ClassVar[str] = "cchc_error"

    def localized(self, lang: str = DEFAULT_LANG) -> str:
        """The message in ``lang`` ("vi" or "en"); ``str(error)`` is the English."""
        require_lang(lang)
        return localize(self.args[0], lang) if len(self.args) == 1 else str(self)

    def to_dict(self) -> dict[str, Any]:
        """``code``, the message in English and Vietnamese, and every located
        problem (each with its message in both languages)."""
        problems: tuple[Problem, ...] = getattr(self, "problems", ())
        return {
            "schema_version": ERROR_SCHEMA_VERSION,
            "code": self.code,
            "message": str(self),
            "message_vi": self.localized("vi"),
            "problems": [p.to_dict() for p in problems],
        }


class InvalidInputError(CchcError, ValueError):
    """A bad value. ``problems`` holds every located failure a loader found."""

    code: ClassVar[str] = "invalid_input"

    problems: tuple[Problem, ...]

    def __init__(self, message: str, problems: Iterable[Problem] = ()) -> None:
        # ``message`` is a Message wherever the library raises, so it can be
        # translated; a plain str from a caller is shown as it is.
        super().__init__(_text("message", message))
        self.problems = _problems(problems)

    @classmethod
    def for_field(cls, field: str, expected: str, value: Any) -> InvalidInputError:
        """``<field> <expected> (got <value>)``, the house style of every message."""
        _text("field", field)
        return cls(
            Message(
                "{field} {expected} (got {value})",
                field=field,
                expected=_phrase(expected),
                value=got(value),
            )
        )

    @classmethod
    def collected(cls, problems: Iterable[Problem], what: str = "input") -> InvalidInputError:
        """One error carrying every problem, each on a line of its own."""
        found = _problems(problems)
        _text("what", what)
        head = (
            Message("{what} has {count} problem:", what=what, count=1)
            if len(found) == 1
            else Message("{what} has {count} problems:", what=what, count=len(found))
        )
        lines = [Message("  {problem}", problem=p._text()) for p in found]
        return cls(join("\n", [head, *lines]), found)


class OutOfRangeError(InvalidInputError):
    """A date (or year) outside what a calendar or rulebook covers.

    Never a silent wrong answer: outside the range the library does not know the
    days off, so it refuses.
    """

    code: ClassVar[str] = "out_of_range"


class InvalidTypeError(CchcError, TypeError):
    """A value of the wrong type (a ``str`` where a ``date`` was expected, a ``bool``
    where a number was expected...)."""

    code: ClassVar[str] = "invalid_type"

    @classmethod
    def for_field(cls, field: str, expected: str, value: Any) -> InvalidTypeError:
        """``<field> must be <expected> (got <type> <value>)``."""
        if not isinstance(field, str):
            raise InvalidTypeError.for_field("field", "text", field)
        return cls(
            Message(
                "{field} must be {expected} (got {type} {value})",
                field=field,
                expected=_phrase(expected),
                type=type(value).__name__,
                value=got(value),
            )
        )


def _problems(problems: Any) -> tuple[Problem, ...]:
    if isinstance(problems, str | Problem) or not isinstance(problems, Iterable):
        raise InvalidTypeError.for_field("problems", "a list of Problem", problems)
    found = tuple(problems)
    for item in found:
        if not isinstance(item, Problem):
            raise InvalidTypeError.for_field("problems", "a list of Problem", item)
    return found


def _phrase(expected: str) -> Message:
    """What was expected, translatable: a literal phrase is its own template (braces
    in a caller's phrase are kept as text)."""
    if not isinstance(expected, str):
        raise InvalidTypeError.for_field("expected", "text", expected)
    if isinstance(expected, Message):
        return expected
    return Message(expected.replace("{", "{{").replace("}", "}}"))
