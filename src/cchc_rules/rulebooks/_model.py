"""The rulebook model: a :class:`Rulebook` holds one regulation's parameters, each
dated and cited, keyed by their declarations; :meth:`Rulebook.rules_for` resolves
them for one evaluated year into :class:`ResolvedRules`, which the rules read.

A rulebook holds whichever declared parameters its regulation sets — Decision
30/2018's five, fewer, or more (a province's own, registered in
:data:`~cchc_rules.rulebooks.PARAMETERS`); a rule that needs one the rulebook
lacks says so, naming it.

>>> from cchc_rules import DECISION_30_2018
>>> from cchc_rules.rulebooks import GRADE_BANDS, INDEX_YEAR_OFFSET
>>> DECISION_30_2018.value(INDEX_YEAR_OFFSET, 2019)
0
>>> DECISION_30_2018.rules_for(2019)[GRADE_BANDS].describe()
'excellent ≥ 90, good ≥ 80, completed ≥ 70'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Mapping
from operator import methodcaller
from typing import Any, TypeVar

import attrs

from .._messages import Message, said
from .._read_only import ReadOnly
from .._validate import require_text, require_year
from ..errors import InvalidInputError, InvalidTypeError, OutOfRangeError
from ..law import DatedParameter, DatedValue, Provenance, Source
from ._bands import Bands
from ._csv import CsvLayout
from ._parameters import (
    BUILT_IN,
    FINDING_DEMOTION,
    GRADE_BANDS,
    GRADE_LEVELS,
    INDEX_YEAR_OFFSET,
    MITIGATED_FINDING_DEMOTION,
    Parameter,
    declared,
    registered,
    relation_problems,
)
from ._reader import RulebookReader, parse_toml
from ._rules import (
    ParameterSet,
    ResolvedRules,
    missing_parameters,
    parameter_name,
    resolved_rules,
)
from ._scope import Instrument, Scope
from ._writer import rulebook_to_csv, rulebook_to_dict, rulebook_to_json

__all__ = ["PARAMETER_NAMES", "Rulebook"]

T = TypeVar("T")

PARAMETER_NAMES = tuple(p.name for p in BUILT_IN)
"""The names of the built-in (Decision 30/2018) parameters, in order."""


def _declaration(name: Any) -> Parameter[Any]:
    if isinstance(name, Parameter):
        return name
    if isinstance(name, str):
        return registered(name)
    raise InvalidTypeError.for_field("parameter", "a Parameter", name)


def _builtin(param: Parameter[T]) -> ReadOnly[DatedParameter[T]]:
    """The attribute that reads ``param`` from a rulebook (as :meth:`Rulebook.parameter`
    does), documented by the parameter's meaning."""
    return ReadOnly(
        methodcaller("parameter", param),
        f"The dated values of ``{param.name}``: {param.meaning}.",
    )


@attrs.frozen(init=False)
class Rulebook:
    """One regulation's parameters, each dated and cited.

    ``Rulebook(id, name, instrument, basis, mitigation_basis, *values, scope=None,
    parameter_set=None, **named)``: the Decision 30/2018 parameters may be given
    by position (``grade_levels, grade_bands, finding_demotion,
    mitigated_finding_demotion, index_year_offset``), any declared one by name,
    or all as ``parameter_set``, a mapping from declarations (or their names) to
    ``DatedParameter`` values. :meth:`parameter` and :meth:`value` read a
    parameter typed by its declaration; the Decision 30/2018 ones are also
    attributes (``rulebook.grade_bands``).
    """

    id: str
    name: str
    instrument: Instrument
    basis: Source
    mitigation_basis: Source
    parameter_set: ParameterSet
    """The parameters, keyed by their declarations."""
    scope: Scope | None = attrs.field(default=None, kw_only=True)
    """The years and unit kinds the regulation was written for (``None``: not
    declared, every year its parameters cover and every kind)."""
    cache: dict[Hashable, Any] = attrs.field(
        factory=dict, init=False, eq=False, repr=False, hash=False
    )
    """Data derived from this rulebook, memoised per instance (the rulebook is
    immutable): resolved rules per year here, grading plans in
    :mod:`cchc_rules.grading`. ``cache.clear()`` only costs the time to rebuild."""

    def __init__(
        self,
        id: str,
        name: str,
        instrument: Instrument,
        basis: Source,
        mitigation_basis: Source,
        *values: DatedParameter[Any],
        scope: Scope | None = None,
        parameter_set: Mapping[Parameter[Any] | str, DatedParameter[Any]] | None = None,
        **named: DatedParameter[Any],
    ) -> None:
        if len(values) > len(BUILT_IN):
            raise InvalidInputError(
                Message(
                    "at most {count} parameters can be given by position (got {got}); "
                    "name the others",
                    count=len(BUILT_IN),
                    got=len(values),
                )
            )
        params: dict[Parameter[Any], DatedParameter[Any]] = {}
        if parameter_set is not None:
            if not isinstance(parameter_set, Mapping):
                raise InvalidTypeError.for_field(
                    "parameter_set", "a mapping of parameters", parameter_set
                )
            params.update((_declaration(k), v) for k, v in parameter_set.items())
        params.update(zip(BUILT_IN, values, strict=False))
        params.update((_declaration(k), v) for k, v in named.items())
        self.__attrs_init__(
            id, name, instrument, basis, mitigation_basis, ParameterSet(params), scope=scope
        )

    def __attrs_post_init__(self) -> None:
        """A rulebook built by hand is checked as one read from a file is: text,
        sources, and every dated value of the kind its declaration says."""
        require_text("id", self.id)
        require_text("name", self.name)
        if not isinstance(self.instrument, Instrument):
            raise InvalidTypeError.for_field("instrument", "an Instrument", self.instrument)
        for field in ("basis", "mitigation_basis"):
            if not isinstance(getattr(self, field), Source):
                raise InvalidTypeError.for_field(field, "a Source", getattr(self, field))
        for param, dated in self.parameter_set.items():
            if not isinstance(dated, DatedParameter):
                raise InvalidTypeError.for_field(param.name, "a DatedParameter", dated)
            for value in dated.values:
                param.check(value.value)
        for name, message in relation_problems(self.parameter_set):
            raise InvalidInputError(Message("{where}: {message}", where=name, message=message))
        if self.scope is not None and not isinstance(self.scope, Scope):
            raise InvalidTypeError.for_field("scope", "a Scope or None", self.scope)

    # The Decision 30/2018 parameters by name, as attributes (an attribute lookup
    # hook for any name would slow every read of a rulebook on the grading path).
    grade_levels = _builtin(GRADE_LEVELS)
    grade_bands = _builtin(GRADE_BANDS)
    finding_demotion = _builtin(FINDING_DEMOTION)
    mitigated_finding_demotion = _builtin(MITIGATED_FINDING_DEMOTION)
    index_year_offset = _builtin(INDEX_YEAR_OFFSET)

    def parameters(self) -> dict[str, DatedParameter[Any]]:
        """The parameters by name, in order."""
        return {p.name: dated for p, dated in self.parameter_set.items()}

    def parameter(self, param: Parameter[T]) -> DatedParameter[T]:
        """The dated values of ``param``; an ``InvalidInputError`` naming it when
        this rulebook does not have it."""
        name = parameter_name(param)  # refuses what is not a declaration
        if param not in self.parameter_set:
            raise missing_parameters(self.id, [name])
        return self.parameter_set[param]

    def value(self, param: Parameter[T], year: int) -> T:
        """The value of ``param`` in force for evaluated ``year``."""
        return self.rules_for(year)[param]

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
        require_year("year", year)
        day = dt.date(year, 12, 31)
        values: dict[Parameter[Any], DatedValue[Any]] = {}
        for param, dated in self.parameter_set.items():
            try:
                values[param] = dated.at(day)
            except OutOfRangeError as exc:
                raise OutOfRangeError(
                    Message(
                        "{rulebook} does not cover the year {year}: {reason}",
                        rulebook=self.id,
                        year=year,
                        reason=said(exc),
                    )
                ) from None
        resolved = resolved_rules(year, self.id, values)
        self.cache[year] = resolved
        return resolved

    def with_parameter(self, param: Parameter[T], dated: DatedParameter[T]) -> Rulebook:
        """This rulebook with ``param``'s dated values replaced (or added)."""
        params: dict[Parameter[Any] | str, DatedParameter[Any]] = dict(self.parameter_set.items())
        params[_declaration(param)] = dated
        return attrs.evolve(self, parameter_set=params)

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
        param = GRADE_BANDS
        start = self.parameter(param).values[0].valid_from
        return self.with_parameter(
            param, DatedParameter(param.name, (DatedValue(bands, start, cited),))
        )

    @classmethod
    def from_dict(
        cls,
        data: Any,
        origin: str = "rulebook",
        *,
        parameters: Iterable[Parameter[Any]] | None = None,
    ) -> Rulebook:
        """Build a rulebook from parsed TOML or JSON; every problem is collected
        and raised together as one ``InvalidInputError``. The file may hold any of
        the declared ``parameters`` (default: every registered one)."""
        reader = RulebookReader(require_text("origin", origin), parameters=parameters)
        return reader.read(data, cls)

    @classmethod
    def from_csv(
        cls,
        text: str,
        origin: str = "rulebook",
        *,
        parameters: Iterable[Parameter[Any]] | None = None,
    ) -> Rulebook:
        """Build a rulebook from CSV text in the flat layout of the guide "Rulebook
        files" (one row per fact: ``key, value, valid_from, valid_until`` and the
        source columns ``provenance, instrument, article, location, note``).
        Every problem is reported with its row and column.

        >>> from cchc_rules import DECISION_30_2018
        >>> again = Rulebook.from_csv(DECISION_30_2018.to_csv())
        >>> again == DECISION_30_2018
        True
        """
        require_text("origin", origin)
        if not isinstance(text, str):
            raise InvalidTypeError.for_field("text", "CSV text", text)
        allowed = declared(parameters)
        layout = CsvLayout(text, allowed)
        if layout.unusable:
            raise InvalidInputError.collected(layout.problems, origin)
        reader = RulebookReader(origin, layout.locate, allowed)
        reader.problems.extend(layout.problems)
        return reader.read(layout.data, cls)

    @classmethod
    def from_toml(
        cls,
        text: str,
        origin: str = "rulebook",
        *,
        parameters: Iterable[Parameter[Any]] | None = None,
    ) -> Rulebook:
        """Build a rulebook from TOML text (the layout of ``decision_30_2018.toml``)."""
        require_text("origin", origin)
        if not isinstance(text, str):
            raise InvalidTypeError.for_field("text", "TOML text", text)
        return cls.from_dict(parse_toml(text, origin), origin, parameters=parameters)

    def to_dict(self) -> dict[str, Any]:
        """The rulebook in the layout :meth:`from_dict` reads (TOML and JSON):
        dates as ISO text, each value as its declaration writes it."""
        return rulebook_to_dict(self)

    def to_json(self) -> str:
        """:meth:`to_dict` as JSON text (UTF-8, Vietnamese kept as it is)."""
        return rulebook_to_json(self)

    def to_csv(self) -> str:
        """The rulebook as a flat CSV table that :meth:`from_csv` reads back to an
        equal rulebook; open it in a spreadsheet, change values and sources, and
        load it with :func:`load_rulebook`."""
        return rulebook_to_csv(self)
