"""Reading a rulebook from the TOML/JSON layout (and, through the CSV layout, from
CSV), with every problem located: by its path in TOML and JSON, by row and column in
CSV. All problems are collected and raised together as one ``InvalidInputError``."""

from __future__ import annotations

import contextlib
import datetime as dt
import tomllib
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from .._files import parse_reason
from .._messages import Message, Row, quoted, said
from ..errors import CchcError, InvalidInputError, Problem
from ..law import DatedParameter, DatedValue, Source
from ._parameters import Parameter, declared, relation_problems
from ._schema import SCHEMA_VERSION
from ._scope import Instrument, Scope, require_first_year, require_kinds, require_last_year

__all__ = ["RulebookReader", "parse_toml"]

T = TypeVar("T")
R = TypeVar("R")


def parse_toml(text: str, origin: str) -> Any:
    """TOML ``text`` parsed, or an ``InvalidInputError`` naming ``origin``."""
    try:
        return tomllib.loads(text)
    except (RecursionError, ValueError) as exc:  # TOMLDecodeError is a ValueError
        reason = str(exc) if isinstance(exc, tomllib.TOMLDecodeError) else parse_reason(exc)
        raise InvalidInputError(
            Message("{origin} is not valid TOML: {reason}", origin=origin, reason=reason)
        ) from None


class RulebookReader:
    """Reads the TOML/JSON layout. ``locate`` turns a path in it into the place the
    value came from (a CSV row and column), or ``None`` when that place's problem
    was already reported."""

    def __init__(
        self,
        origin: str,
        locate: Callable[[str], tuple[str, str] | None] | None = None,
        parameters: Iterable[Parameter[Any]] | None = None,
    ) -> None:
        self.origin = origin
        self.locate = locate
        self.declared = declared(parameters)
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

    def read(self, data: Any, build: Callable[..., R]) -> R:
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
        params = {p: self.parameter(data, p.name, p.read) for p in self.declared if p.name in data}
        known = {
            "schema_version",
            "id",
            "name",
            "instrument",
            "basis",
            "mitigation_basis",
            "scope",
        }
        for key in sorted(set(data) - known - {p.name for p in self.declared}):
            self.fail(key, Message("is not a rulebook key"))
        for where, message in relation_problems(params):
            self.fail(where, message)
        if self.problems:
            ordered = sorted(self.problems, key=_row_order)
            raise InvalidInputError.collected(ordered, self.origin)
        return build(
            ident, name, instrument, basis, mitigation_basis, parameter_set=params, scope=scope
        )

    def scope(self, data: Mapping[str, Any]) -> Scope | None:
        table = self.table(data, "scope", "")
        if table is None:
            return None
        unknown = set(table) - {"first_year", "last_year", "kinds", "source"}
        if unknown:
            self.fail("scope", Message("unknown keys {keys}", keys=sorted(unknown)))
        src = self.source(table.get("source"), "scope.source")
        first = self.attempt("scope.first_year", require_first_year, table.get("first_year"))
        last = self.attempt("scope.last_year", require_last_year, table.get("last_year"))
        kinds = self.attempt("scope.kinds", require_kinds, table.get("kinds"))
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


def _row_order(problem: Problem) -> int:
    """Problems of a CSV in row order, those of no one row last; others as found."""
    location = problem.location
    return location.number if isinstance(location, Row) else 1 << 30
