"""Rulebooks: one regulation's parameters, as cited, dated data.

A :class:`Rulebook` says which grade levels exist, the bands on the annual CCHC
index, how much a finding lowers the grade with and without mitigation, and which
year's index is used; every value has a :class:`~cchc_rules.law.Source` and a
validity period. The rules that use them are code (:mod:`cchc_rules.grading`).

``DECISION_30_2018`` is loaded from ``decision_30_2018.toml`` beside this module.
Load your own with :func:`load_rulebook` (TOML, JSON or CSV): every bad entry is
reported with its path — or, in a CSV, its row and column — not only the first.
:meth:`Rulebook.to_csv` and :meth:`Rulebook.to_json` write a rulebook out again,
so the packaged one can be the start of your own.

>>> DECISION_30_2018.rules_for(2019).bands
Bands(excellent=Decimal('90'), good=Decimal('80'), completed=Decimal('70'))
>>> DECISION_30_2018.unverified_parameters()
('grade_levels', 'grade_bands', 'finding_demotion', 'mitigated_finding_demotion', \
'index_year_offset')
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import tomllib
from collections.abc import Callable, Hashable, Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import attrs

from .._files import parse_json, parse_reason, read_text
from .._messages import Message, Row, quoted, said
from .._validate import check_path, check_text, check_year
from ..errors import CchcError, InvalidInputError, InvalidTypeError, OutOfRangeError, Problem
from ..grades import Grade
from ..law import DatedParameter, DatedValue, Provenance, Source, as_source
from ..units import UnitKind
from ._csv import CsvLayout, to_csv_rows
from ._parameters import LEVELS as LEVELS
from ._parameters import PARAMETER_BY_NAME, PARAMETERS, Bands, Parameter, rulebook_schema

__all__ = [
    "DECISION_30_2018",
    "PARAMETERS",
    "PARAMETER_BY_NAME",
    "PARAMETER_NAMES",
    "Bands",
    "Instrument",
    "Parameter",
    "ParameterUse",
    "ResolvedRules",
    "Rulebook",
    "Scope",
    "load_rulebook",
    "rulebook_schema",
]

T = TypeVar("T")

PARAMETER_NAMES = tuple(p.name for p in PARAMETERS)
"""The names of the declared parameters (:data:`PARAMETERS`), in order."""
SCHEMA_VERSION = 1


@attrs.frozen
class Instrument:
    """The regulation a rulebook implements."""

    number: str
    issuer: str
    title: str
    signed: dt.date
    source: Source
    effective: dt.date | None = None


def _first_year(value: Any) -> int:
    return check_year("first_year", value)


def _last_year(value: Any) -> int | None:
    return None if value is None else check_year("last_year", value)


def _kinds(value: Any) -> frozenset[UnitKind]:
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

    >>> DECISION_30_2018.scope.describe()
    '2018–2024: DEPARTMENT, DISTRICT, SUBORDINATE'
    >>> DECISION_30_2018.scope.covers(2025, UnitKind.DEPARTMENT)
    False
    """

    first_year: int = attrs.field(converter=_first_year)
    last_year: int | None = attrs.field(converter=_last_year)
    kinds: frozenset[UnitKind] = attrs.field(converter=_kinds)
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
                _check_value(name, dated.value)
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
        return _RulebookReader(check_text("origin", origin)).read(data)

    @classmethod
    def from_csv(cls, text: str, origin: str = "rulebook") -> Rulebook:
        """Build a rulebook from CSV text in the flat layout of the guide "Rulebook
        files" (one row per fact: ``key, value, valid_from, valid_until`` and the
        source columns ``provenance, instrument, article, location, note``).
        Every problem is reported with its row and column.

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
        reader = _RulebookReader(origin, layout.locate)
        reader.problems.extend(layout.problems)
        return reader.read(layout.data)

    def to_dict(self) -> dict[str, Any]:
        """The rulebook in the layout :meth:`from_dict` reads (TOML and JSON):
        dates as ISO text, bands as decimal text."""
        inst = self.instrument
        instrument: dict[str, Any] = {
            "number": inst.number,
            "issuer": inst.issuer,
            "title": inst.title,
            "signed": inst.signed.isoformat(),
        }
        if inst.effective is not None:
            instrument["effective"] = inst.effective.isoformat()
        instrument["source"] = inst.source.to_dict()
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "name": self.name,
            "instrument": instrument,
            "basis": self.basis.to_dict(),
            "mitigation_basis": self.mitigation_basis.to_dict(),
        }
        if self.scope is not None:
            out["scope"] = self.scope.to_dict()
        for name, param in self.parameters().items():
            out[name] = [_entry(PARAMETER_BY_NAME[name], v) for v in param.values]
        return out

    def to_json(self) -> str:
        """:meth:`to_dict` as JSON text (UTF-8, Vietnamese kept as it is)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_csv(self) -> str:
        """The rulebook as a flat CSV table that :meth:`from_csv` reads back to an
        equal rulebook; open it in a spreadsheet, change values and sources, and
        load it with :func:`load_rulebook`."""
        return to_csv_rows(self.to_dict())

    @classmethod
    def from_toml(cls, text: str, origin: str = "rulebook") -> Rulebook:
        check_text("origin", origin)
        if not isinstance(text, str):
            raise InvalidTypeError.for_field("text", "TOML text", text)
        try:
            data = tomllib.loads(text)
        except (RecursionError, ValueError) as exc:  # TOMLDecodeError is a ValueError
            reason = str(exc) if isinstance(exc, tomllib.TOMLDecodeError) else parse_reason(exc)
            raise InvalidInputError(
                Message("{origin} is not valid TOML: {reason}", origin=origin, reason=reason)
            ) from None
        return cls.from_dict(data, origin)


def load_rulebook(path: str | Path) -> Rulebook:
    """Load a rulebook from a ``.toml``, ``.json`` or ``.csv`` file (UTF-8, with or
    without the BOM Excel writes)."""
    file = check_path("path", path)
    text = read_text(file)
    suffix = file.suffix.lower()
    if suffix == ".json":
        return Rulebook.from_dict(parse_json(text, file), str(file))
    if suffix == ".csv":
        return Rulebook.from_csv(text, str(file))
    return Rulebook.from_toml(text, str(file))


def _entry(param: Parameter, dated: DatedValue[Any]) -> dict[str, Any]:
    entry: dict[str, Any] = {"valid_from": dated.valid_from.isoformat()}
    if dated.valid_until is not None:
        entry["valid_until"] = dated.valid_until.isoformat()
    entry.update(param.write(dated.value))
    entry["source"] = dated.source.to_dict()
    return entry


# -- reading, with every problem located ------------------------------------------


class _RulebookReader:
    """Reads the TOML/JSON layout. ``locate`` turns a path in it into the place the
    value came from (a CSV row and column), or ``None`` when that place's problem
    was already reported."""

    def __init__(
        self, origin: str, locate: Callable[[str], tuple[str, str] | None] | None = None
    ) -> None:
        self.origin = origin
        self.locate = locate
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str) -> None:
        """Record ``message`` (a translatable Message) at ``path``."""
        if self.locate is None:
            self.problems.append(Problem(self.origin, path, message))
            return
        place = self.locate(path)
        if place is not None:
            self.problems.append(Problem(place[0], place[1], message))

    def attempt(self, path: str, build: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """``build(*args, **kwargs)``, or ``None`` with the failure recorded at ``path``."""
        try:
            return build(*args, **kwargs)
        except (CchcError, TypeError, ValueError, KeyError) as exc:
            message = said(exc)
            self.fail(path, message if message else type(exc).__name__)
            return None

    def table(self, data: Mapping[str, Any], key: str, path: str) -> Mapping[str, Any] | None:
        value = data.get(key)
        if not isinstance(value, Mapping):
            self.fail(
                f"{path}{key}",
                Message("must be a table (got {value})", value=type(value).__name__),
            )
            return None
        return value

    def text(self, data: Mapping[str, Any], key: str, path: str) -> str | None:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            self.fail(
                f"{path}{key}",
                Message("must be non-empty text (got {value})", value=quoted(value)),
            )
            return None
        return value.strip()

    def day(self, data: Mapping[str, Any], key: str, path: str) -> dt.date | None:
        value = data.get(key)
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                value = dt.date.fromisoformat(value)
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            self.fail(
                f"{path}{key}",
                Message("must be a date YYYY-MM-DD (got {value})", value=quoted(value)),
            )
            return None
        return value

    def source(self, data: Any, path: str) -> Source | None:
        if not isinstance(data, Mapping):
            self.fail(
                path,
                Message(
                    "must be a table with instrument and provenance (got {value})",
                    value=quoted(data),
                ),
            )
            return None
        unknown = set(data) - {"instrument", "article", "location", "provenance", "note", "ref"}
        if unknown:
            self.fail(path, Message("unknown keys {keys}", keys=sorted(unknown)))
            return None
        if "provenance" not in data:
            self.fail(
                f"{path}.provenance",
                Message("is required: 'verified', 'unverified' or 'supplied'"),
            )
        if "instrument" not in data:
            self.fail(f"{path}.instrument", Message("is required"))
        if "provenance" not in data or "instrument" not in data:
            return None
        return self.attempt(path, Source, **data)

    def parameter(
        self, data: Mapping[str, Any], name: str, convert: Callable[[Mapping[str, Any]], Any]
    ) -> DatedParameter[Any] | None:
        entries = data.get(name)
        if not isinstance(entries, list) or not entries:
            self.fail(
                name, Message("must be a non-empty list of dated values ([[{name}]])", name=name)
            )
            return None
        values: list[DatedValue[Any]] = []
        for i, entry in enumerate(entries):
            where = f"{name}[{i}]"
            if not isinstance(entry, Mapping):
                self.fail(where, Message("must be a table (got {value})", value=quoted(entry)))
                continue
            start = self.day(entry, "valid_from", f"{where}.")
            until = self.day(entry, "valid_until", f"{where}.") if "valid_until" in entry else None
            src = self.source(entry.get("source"), f"{where}.source")
            value = self.attempt(where, convert, entry)
            if start is None or src is None or value is None:
                continue
            dated = self.attempt(where, DatedValue, value, start, src, valid_until=until)
            if dated is not None:
                values.append(dated)
        if len(values) != len(entries):
            return None
        return self.attempt(name, DatedParameter, name, tuple(values))

    def read(self, data: Any) -> Rulebook:
        if not isinstance(data, Mapping):
            raise InvalidInputError(
                Message(
                    "{origin} must be a table of keys (got {value})",
                    origin=self.origin,
                    value=quoted(data),
                )
            )
        version = data.get("schema_version")
        if version != SCHEMA_VERSION:
            self.fail(
                "schema_version",
                Message(
                    "must be {expected} (got {value})",
                    expected=SCHEMA_VERSION,
                    value=quoted(version),
                ),
            )
        ident = self.text(data, "id", "")
        name = self.text(data, "name", "")
        instrument = self.instrument(data)
        basis = self.source(data.get("basis"), "basis")
        mitigation_basis = self.source(data.get("mitigation_basis"), "mitigation_basis")
        scope = self.scope(data) if "scope" in data else None
        params = {p.name: self.parameter(data, p.name, p.read) for p in PARAMETERS}
        known = {
            "schema_version",
            "id",
            "name",
            "instrument",
            "basis",
            "mitigation_basis",
            "scope",
        }
        for key in sorted(set(data) - known - set(PARAMETER_NAMES)):
            self.fail(key, Message("is not a rulebook key"))
        self.check_mitigation_never_worse(params)
        if self.problems:
            ordered = sorted(self.problems, key=_row_order)
            raise InvalidInputError.collected(ordered, self.origin)
        return Rulebook(ident, name, instrument, basis, mitigation_basis, **params, scope=scope)  # type: ignore[arg-type]

    def scope(self, data: Mapping[str, Any]) -> Scope | None:
        table = self.table(data, "scope", "")
        if table is None:
            return None
        unknown = set(table) - {"first_year", "last_year", "kinds", "source"}
        if unknown:
            self.fail("scope", Message("unknown keys {keys}", keys=sorted(unknown)))
        src = self.source(table.get("source"), "scope.source")
        first = self.attempt("scope.first_year", _first_year, table.get("first_year"))
        last = self.attempt("scope.last_year", _last_year, table.get("last_year"))
        kinds = self.attempt("scope.kinds", _kinds, table.get("kinds"))
        if unknown or src is None or first is None or kinds is None:
            return None
        return self.attempt("scope", Scope, first, last, kinds, src)

    def instrument(self, data: Mapping[str, Any]) -> Instrument | None:
        table = self.table(data, "instrument", "")
        if table is None:
            return None
        parts = (
            self.text(table, "number", "instrument."),
            self.text(table, "issuer", "instrument."),
            self.text(table, "title", "instrument."),
            self.day(table, "signed", "instrument."),
            self.source(table.get("source"), "instrument.source"),
        )
        effective = self.day(table, "effective", "instrument.") if "effective" in table else None
        if any(p is None for p in parts):
            return None
        return Instrument(*parts, effective=effective)  # type: ignore[arg-type]

    def check_mitigation_never_worse(self, params: Mapping[str, Any]) -> None:
        plain, mitigated = params["finding_demotion"], params["mitigated_finding_demotion"]
        if plain is None or mitigated is None:
            return
        for m in mitigated.values:
            for p in plain.values:
                overlap = (m.valid_until is None or p.valid_from <= m.valid_until) and (
                    p.valid_until is None or m.valid_from <= p.valid_until
                )
                if overlap and m.value > p.value:
                    self.fail(
                        "mitigated_finding_demotion",
                        Message(
                            "must not exceed finding_demotion: mitigation never makes the "
                            "outcome worse (got {mitigated} > {plain})",
                            mitigated=m.value,
                            plain=p.value,
                        ),
                    )


def _row_order(problem: Problem) -> int:
    """Problems of a CSV in row order, those of no one row last; others as found."""
    location = problem.location
    return location.number if isinstance(location, Row) else 1 << 30


def _check_value(name: str, value: Any) -> None:
    """A parameter value of the kind the rules use (a rulebook built by hand), as
    its declaration says."""
    param = PARAMETER_BY_NAME[name]
    if param.type == "grade levels":
        if value != LEVELS:
            raise InvalidInputError.for_field(
                name,
                Message(
                    "must list the four levels from highest to lowest, {levels}",
                    levels=[g.name for g in LEVELS],
                ),
                value,
            )
    elif param.type == "bands":
        if not isinstance(value, Bands):
            raise InvalidTypeError.for_field(name, "Bands", value)
    else:
        low, high = param.low, param.high
        assert low is not None  # a whole number's declaration has its bounds
        assert high is not None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise InvalidInputError.for_field(
                name,
                Message("must be a whole number from {low} to {high}", low=low, high=high),
                value,
            )


def _packaged(name: str) -> Rulebook:
    # Beside this module (a plain read: importlib.resources would slow every import).
    text = Path(__file__).with_name(name).read_text(encoding="utf-8")
    return Rulebook.from_toml(text, f"cchc_rules/rulebooks/{name}")


DECISION_30_2018 = _packaged("decision_30_2018.toml")
"""Hải Phòng Decision 30/2018/QĐ-UBND with the defaults of docs/decision-30-2018.md."""
