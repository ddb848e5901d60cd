"""The rulebook model: a :class:`Rulebook` holds one regulation's parameters, each
dated and cited; :meth:`Rulebook.rules_for` resolves them for one evaluated year
into :class:`ResolvedRules`, which the grading rules read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Mapping
from typing import Any, NamedTuple

import attrs

from .._messages import Message, said
from .._validate import check_text, check_year
from ..errors import InvalidInputError, InvalidTypeError, OutOfRangeError
from ..grades import Grade
from ..law import DatedParameter, DatedValue, Provenance, Source
from ._csv import CsvLayout
from ._parameters import PARAMETER_BY_NAME, PARAMETERS, Bands, check_value
from ._reader import RulebookReader, parse_toml
from ._scope import Instrument, Scope
from ._writer import rulebook_to_csv, rulebook_to_dict, rulebook_to_json

__all__ = ["PARAMETER_NAMES", "ParameterUse", "ResolvedRules", "Rulebook"]

PARAMETER_NAMES = tuple(p.name for p in PARAMETERS)
"""The names of the declared parameters (:data:`PARAMETERS`), in order."""


class ParameterUse(NamedTuple):
    """A parameter as a verdict used it: name, value as text, and its source."""

    name: str
    value: str
    source: Source

    @property
    def provenance(self) -> Provenance:
        return self.source.provenance

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": self.value,
            "provenance": self.source.provenance.value,
            "source": self.source.to_dict(),
        }


@attrs.frozen
class ResolvedRules:
    """A rulebook's parameters in force for one evaluated year (resolved at 31/12
    of that year), ready for grading."""

    year: int
    bands: Bands
    finding_demotion: int
    mitigated_finding_demotion: int
    index_year_offset: int
    uses: Mapping[str, ParameterUse]

    @property
    def unverified(self) -> frozenset[str]:
        return frozenset(n for n, u in self.uses.items() if u.source.unverified)


@attrs.frozen
class Rulebook:
    """One regulation's grading parameters, each dated and cited."""

    id: str
    name: str
    instrument: Instrument
    basis: Source
    mitigation_basis: Source
    grade_levels: DatedParameter[tuple[Grade, ...]]
    grade_bands: DatedParameter[Bands]
    finding_demotion: DatedParameter[int]
    mitigated_finding_demotion: DatedParameter[int]
    index_year_offset: DatedParameter[int]
    scope: Scope | None = attrs.field(default=None, kw_only=True)
    """The years and unit kinds the regulation was written for (``None``: not
    declared, every year its parameters cover and every kind)."""

    def __attrs_post_init__(self) -> None:
        """A rulebook built by hand is checked as one read from a file is: text,
        sources, and every dated value of the right kind."""
        check_text("id", self.id)
        check_text("name", self.name)
        if not isinstance(self.instrument, Instrument):
            raise InvalidTypeError.for_field("instrument", "an Instrument", self.instrument)
        for field in ("basis", "mitigation_basis"):
            if not isinstance(getattr(self, field), Source):
                raise InvalidTypeError.for_field(field, "a Source", getattr(self, field))
        for name, param in self.parameters().items():
            if not isinstance(param, DatedParameter):
                raise InvalidTypeError.for_field(name, "a DatedParameter", param)
            for dated in param.values:
                check_value(name, dated.value)
        if self.scope is not None and not isinstance(self.scope, Scope):
            raise InvalidTypeError.for_field("scope", "a Scope or None", self.scope)

    cache: dict[Hashable, Any] = attrs.field(
        factory=dict, init=False, eq=False, repr=False, hash=False
    )
    """Data derived from this rulebook, memoised per instance (the rulebook is
    immutable): resolved rules per year here, grading plans in
    :mod:`cchc_rules.grading`. ``cache.clear()`` only costs the time to rebuild."""

    def parameters(self) -> dict[str, DatedParameter[Any]]:
        return {name: getattr(self, name) for name in PARAMETER_NAMES}

    def unverified_parameters(self) -> tuple[str, ...]:
        """Names of the parameters with at least one unverified value."""
        return tuple(
            name
            for name, param in self.parameters().items()
            if any(v.source.unverified for v in param.values)
        )

    def rules_for(self, year: int) -> ResolvedRules:
        """The parameters in force for evaluated ``year`` (at 31/12 of that year).
        A year the rulebook does not cover is an ``OutOfRangeError``."""
        if type(year) is not int:  # also refuses bool, and unhashables before the memo
            raise InvalidTypeError.for_field("year", "an integer", year)
        cached: ResolvedRules | None = self.cache.get(year)
        if cached is not None:
            return cached
        check_year("year", year)
        day = dt.date(year, 12, 31)
        values: dict[str, DatedValue[Any]] = {}
        for name, param in self.parameters().items():
            try:
                values[name] = param.at(day)
            except OutOfRangeError as exc:
                raise OutOfRangeError(
                    Message(
                        "{rulebook} does not cover the year {year}: {reason}",
                        rulebook=self.id,
                        year=year,
                        reason=said(exc),
                    )
                ) from None
        resolved = ResolvedRules(
            year,
            values["grade_bands"].value,
            values["finding_demotion"].value,
            values["mitigated_finding_demotion"].value,
            values["index_year_offset"].value,
            {
                n: ParameterUse(n, PARAMETER_BY_NAME[n].text(v.value), v.source)
                for n, v in values.items()
            },
        )
        self.cache[year] = resolved
        return resolved

    def with_bands(
        self, excellent: Any, good: Any, completed: Any, *, source: Source | str | None = None
    ) -> Rulebook:
        """This rulebook with caller-supplied bands, so no longer unverified (the
        caller vouches for them: provenance ``supplied`` unless ``source`` says
        otherwise). Bands not strictly decreasing, or outside 0–100, are rejected.

        >>> from cchc_rules import DECISION_30_2018
        >>> custom = DECISION_30_2018.with_bands(80, 70, 50)
        >>> "grade_bands" in custom.unverified_parameters()
        False
        """
        bands = Bands(excellent, good, completed)
        cited = (
            Source("bands supplied by the caller", provenance=Provenance.SUPPLIED)
            if source is None
            else Source.coerce(source)
        )
        start = self.grade_bands.values[0].valid_from
        param: DatedParameter[Bands] = DatedParameter(
            "grade_bands", (DatedValue(bands, start, cited),)
        )
        return attrs.evolve(self, grade_bands=param)

    @classmethod
    def from_dict(cls, data: Any, origin: str = "rulebook") -> Rulebook:
        """Build a rulebook from parsed TOML or JSON; every problem is collected
        and raised together as one ``InvalidInputError``."""
        return RulebookReader(check_text("origin", origin)).read(data, cls)

    @classmethod
    def from_csv(cls, text: str, origin: str = "rulebook") -> Rulebook:
        """Build a rulebook from CSV text in the flat layout of the guide "Rulebook
        files" (one row per fact: ``key, value, valid_from, valid_until`` and the
        source columns ``provenance, instrument, article, location, note``).
        Every problem is reported with its row and column.

        >>> from cchc_rules import DECISION_30_2018
        >>> again = Rulebook.from_csv(DECISION_30_2018.to_csv())
        >>> again == DECISION_30_2018
        True
        """
        check_text("origin", origin)
        if not isinstance(text, str):
            raise InvalidTypeError.for_field("text", "CSV text", text)
        layout = CsvLayout(text, PARAMETER_NAMES)
        if layout.unusable:
            raise InvalidInputError.collected(layout.problems, origin)
        reader = RulebookReader(origin, layout.locate)
        reader.problems.extend(layout.problems)
        return reader.read(layout.data, cls)

    @classmethod
    def from_toml(cls, text: str, origin: str = "rulebook") -> Rulebook:
        """Build a rulebook from TOML text (the layout of ``decision_30_2018.toml``)."""
        check_text("origin", origin)
        if not isinstance(text, str):
            raise InvalidTypeError.for_field("text", "TOML text", text)
        return cls.from_dict(parse_toml(text, origin), origin)

    def to_dict(self) -> dict[str, Any]:
        """The rulebook in the layout :meth:`from_dict` reads (TOML and JSON):
        dates as ISO text, bands as decimal text."""
        return rulebook_to_dict(self)

    def to_json(self) -> str:
        """:meth:`to_dict` as JSON text (UTF-8, Vietnamese kept as it is)."""
        return rulebook_to_json(self)

    def to_csv(self) -> str:
        """The rulebook as a flat CSV table that :meth:`from_csv` reads back to an
        equal rulebook; open it in a spreadsheet, change values and sources, and
        load it with :func:`load_rulebook`."""
        return rulebook_to_csv(self)
