"""Where a legal fact comes from, and whether we have checked it.

Rules are code; the numbers and choices they use are data, and each datum knows
its source (OpenFisca keeps a ``reference`` on every dated parameter value; so do
we). A fact is ``verified`` when a source we hold states it, ``unverified`` when it
is a reasonable default still to be confirmed against the official text, and
``supplied`` when the caller provided it (the caller vouches for it).

A source names its instrument and, with ``ref``, the entry of the project's
bibliography (``docs/sources.md``, :mod:`cchc_rules.bibliography`) where a reader
finds who published it, when, its title and where to read it.

>>> report = Source("Quyết định 30/2018/QĐ-UBND", ref="hp-2019-decision-30-report")
>>> report.verified
True
>>> str(report)
'Quyết định 30/2018/QĐ-UBND [hp-2019-decision-30-report] (verified)'
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, Generic, TypeVar

import attrs

from ._messages import Labelled, Message, name_members
from ._validate import optional_text, require_date, require_iterable, require_text
from .errors import InvalidInputError, InvalidTypeError, OutOfRangeError

__all__ = ["DatedParameter", "DatedValue", "Provenance", "Source", "as_source"]

T = TypeVar("T")


class Provenance(Labelled, enum.Enum):
    """How far a fact can be trusted; :meth:`label` says it in either language.

    >>> Provenance.UNVERIFIED.label("vi"), Provenance.UNVERIFIED.label("en")
    ('chưa xác minh', 'unverified')
    """

    VERIFIED = "verified"
    """Stated in a source we hold (an instrument, or an article in the bibliography)."""
    UNVERIFIED = "unverified"
    """A default to confirm against the official text; results that use it say so."""
    SUPPLIED = "supplied"
    """Provided by the caller, who vouches for it."""


name_members(
    {
        Provenance.VERIFIED: Message("verified"),
        Provenance.UNVERIFIED: Message("unverified"),
        Provenance.SUPPLIED: Message("supplied"),
    }
)


def _provenance(value: Any) -> Provenance:
    if isinstance(value, Provenance):
        return value
    if isinstance(value, str):
        try:
            return Provenance(value.strip().lower())
        except ValueError:
            pass
    raise InvalidInputError.for_field(
        "provenance", "must be one of 'verified', 'unverified', 'supplied'", value
    )


def _instrument(value: Any) -> str:
    return require_text("instrument", value)


def _article(value: Any) -> str | None:
    return optional_text("article", value)


def _location(value: Any) -> str | None:
    return optional_text("location", value)


def _note(value: Any) -> str | None:
    return optional_text("note", value)


def _ref(value: Any) -> str | None:
    return optional_text("ref", value)


def _valid_from(value: Any) -> dt.date:
    return require_date("valid_from", value)


@attrs.frozen
class Source:
    """A source of a legal fact.

    ``instrument`` names the law, decision or dataset ("Bộ luật Lao động 2019",
    "Quyết định 30/2018/QĐ-UBND"); ``article`` the article or clause when known;
    ``location`` a URL or a place inside the work; ``note`` what a reviewer
    should know; ``ref`` the key of its entry in the bibliography
    (``docs/sources.md``).
    """

    instrument: str = attrs.field(converter=_instrument)
    article: str | None = attrs.field(default=None, converter=_article)
    location: str | None = attrs.field(default=None, converter=_location)
    provenance: Provenance = attrs.field(
        default=Provenance.VERIFIED, converter=_provenance, kw_only=True
    )
    note: str | None = attrs.field(default=None, converter=_note, kw_only=True)
    ref: str | None = attrs.field(default=None, converter=_ref, kw_only=True)

    @property
    def verified(self) -> bool:
        return self.provenance is Provenance.VERIFIED

    @property
    def unverified(self) -> bool:
        return self.provenance is Provenance.UNVERIFIED

    def citation(self) -> Message:
        """The source as cited: instrument, article, bibliography key, location and
        provenance, the provenance said in either language (``str()`` is the English).

        >>> src = Source("Quyết định 30/2018/QĐ-UBND", provenance="unverified", ref="hp")
        >>> src.citation().render("vi")
        'Quyết định 30/2018/QĐ-UBND [hp] (CHƯA XÁC MINH)'
        """
        text = self.instrument
        if self.article:
            text += f", {self.article}"
        if self.ref:
            text += f" [{self.ref}]"
        if self.location:
            text += f" [{self.location}]"
        if self.provenance is Provenance.UNVERIFIED:  # said loudly in Vietnamese
            return Message("{source} (unverified)", source=text)
        return Message("{source} ({provenance})", source=text, provenance=self.provenance.message)

    def __str__(self) -> str:
        return str(self.citation())

    def to_dict(self) -> dict[str, str]:
        """JSON-ready form; keys with no value are left out."""
        out = {"instrument": self.instrument, "provenance": self.provenance.value}
        for key in ("article", "location", "note", "ref"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out

    @classmethod
    def coerce(cls, value: Any, field: str = "source") -> Source:
        """A ``Source`` as is; a non-blank string as a verified instrument name."""
        if isinstance(value, Source):
            return value
        if isinstance(value, str):
            return cls(require_text(field, value))
        raise InvalidTypeError.for_field(field, "a Source or the name of an instrument", value)


def as_source(value: Any) -> Source:
    """Converter for ``source`` fields: see :meth:`Source.coerce`."""
    return Source.coerce(value)


@attrs.frozen
class DatedValue(Generic[T]):
    """One value of a parameter, in force from ``valid_from`` (inclusive) until
    ``valid_until`` (inclusive; ``None`` while still in force)."""

    value: T
    valid_from: dt.date = attrs.field(converter=_valid_from)
    source: Source = attrs.field(validator=lambda _i, _a, v: _is_source("source", v))
    valid_until: dt.date | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.valid_until is not None:
            require_date("valid_until", self.valid_until)
            if self.valid_until < self.valid_from:
                raise InvalidInputError(
                    Message(
                        "valid_until must not be before valid_from (got {start} to {end})",
                        start=self.valid_from,
                        end=self.valid_until,
                    )
                )

    def in_force_on(self, day: dt.date) -> bool:
        require_date("day", day)
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


def _name(value: Any) -> str:
    return require_text("name", value)


def _is_source(field: str, value: Any) -> None:
    if not isinstance(value, Source):
        raise InvalidTypeError.for_field(field, "a Source", value)


def _sorted_values(values: Any) -> tuple[DatedValue[Any], ...]:
    items = tuple(require_iterable("values", values))
    for i, item in enumerate(items):
        if not isinstance(item, DatedValue):
            raise InvalidTypeError.for_field(f"values[{i}]", "a DatedValue", item)
    if not items:
        raise InvalidInputError(Message("a dated parameter needs at least one value (got none)"))
    return tuple(sorted(items, key=lambda v: v.valid_from))


@attrs.frozen
class DatedParameter(Generic[T]):
    """A named parameter whose value may change over time.

    Asking for a day before the first value, or after the last one ended, is an
    :class:`~cchc_rules.errors.OutOfRangeError`: never a silent fallback.

    >>> src = Source("example", provenance="unverified")
    >>> p = DatedParameter("bands", (DatedValue(90, dt.date(2018, 10, 9), src),))
    >>> p.at(dt.date(2019, 12, 31)).value
    90
    >>> p.at(dt.date(2017, 12, 31))
    Traceback (most recent call last):
    ...
    cchc_rules.errors.OutOfRangeError: bands has no value in force on 2017-12-31 \
(first value from 2018-10-09)
    """

    name: str = attrs.field(converter=_name)
    values: tuple[DatedValue[T], ...] = attrs.field(converter=_sorted_values)

    def __attrs_post_init__(self) -> None:
        for before, after in zip(self.values, self.values[1:], strict=False):
            if before.valid_until is None or before.valid_until >= after.valid_from:
                raise InvalidInputError(
                    Message(
                        "{name}: values overlap (one from {before} runs into the next from "
                        "{after}); give each but the last a valid_until before the next starts",
                        name=self.name,
                        before=before.valid_from,
                        after=after.valid_from,
                    )
                )

    def at(self, day: dt.date) -> DatedValue[T]:
        require_date("day", day)
        for candidate in reversed(self.values):
            if candidate.in_force_on(day):
                return candidate
        raise OutOfRangeError(
            Message(
                "{name} has no value in force on {day} (first value from {first})",
                name=self.name,
                day=day.isoformat(),
                first=self.values[0].valid_from.isoformat(),
            )
        )
