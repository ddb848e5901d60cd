"""Reading one row's fields: each failure recorded with its location, each
distinct cell validated once (a file repeats its kinds, years and scores), and a
row's unit built from its cells."""

from __future__ import annotations

import numbers
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from unicodedata import is_normalized

from .._messages import Message, quoted, said
from .._validate import require_text, require_year
from ..errors import CchcError, InvalidInputError, Problem
from ..units import Unit, UnitKind
from ._rows import EXTRA_CELLS

__all__ = [
    "CELL_MEMO",
    "Cells",
    "RowFields",
    "Said",
    "blank_to_none",
    "parse_year",
    "row_unit",
    "text_parser",
]


class RowFields:
    """Reads one row's fields, recording each failure with its location."""

    def __init__(
        self,
        row: Mapping[str, Any],
        where: str,
        allowed: Iterable[str],
        columns: dict[tuple[str, ...], str | None] | None = None,
    ) -> None:
        self.row, self.where = row, where
        self.found: list[Problem] = []
        if row.get(EXTRA_CELLS):
            self.fail("", Message("has more cells than the header has columns"))
        keys = tuple(row)
        if columns is not None and keys in columns:  # the same columns as earlier rows
            unknown = columns[keys]
        else:
            names = sorted(set(keys) - set(allowed) - {EXTRA_CELLS})
            unknown = Message("unknown fields {names}", names=names) if names else None
            if columns is not None and len(columns) < CELL_MEMO:
                columns[keys] = unknown
        if unknown is not None:
            self.fail("", unknown)

    def fail(self, field: str, message: str) -> None:
        self.found.append(Problem(self.where, field, message))

    def get(self, name: str, parse: Any, *, required: bool = False) -> Any:
        """``parse(value)``; a blank or missing optional value is ``None``."""
        value = self.row.get(name)
        if isinstance(value, float) and value != value:  # NaN: pandas' empty cell
            value = None
        if not required and blank_to_none(value) is None:
            return None
        if value is None:  # an absent key, a JSON null, an empty cell
            self.fail(name, Message("is missing"))
            return None
        try:
            return parse(value)
        except (CchcError, ValueError, TypeError) as exc:
            self.fail(name, said(exc))
            return None


class Said(ValueError):
    """A remembered failure of a cell, raised again for another row holding it."""


class Cells:
    """``parse`` applied to a cell, remembered per distinct text: a file repeats its
    units, kinds, heads, years and scores, and each is validated once. The same
    value, or the same message, as calling ``parse``; non-text values (from JSON)
    are parsed each time. Bounded, so a file of all-distinct cells does not grow it
    past ``CELL_MEMO`` entries."""

    __slots__ = ("parse", "seen")

    def __init__(self, parse: Callable[[Any], Any]) -> None:
        self.parse = parse
        self.seen: dict[str, tuple[Any, str | None]] = {}

    def __call__(self, value: Any) -> Any:
        if type(value) is not str:
            return self.parse(value)
        hit = self.seen.get(value)
        if hit is None:
            try:
                hit = (self.parse(value), None)
            except (CchcError, ValueError, TypeError) as exc:
                hit = (None, said(exc))
            if len(self.seen) < CELL_MEMO:
                self.seen[value] = hit
        if hit[1] is not None:
            raise Said(hit[1])
        return hit[0]


CELL_MEMO = 65_536


def text_parser(field: str) -> Callable[[Any], str]:
    """``require_text(field, value)``, quicker for the usual non-blank text (names
    are too varied to remember)."""

    def parse(value: Any) -> str:
        if type(value) is str:
            text = value.strip()
            if text and is_normalized("NFC", text):
                return text
        return require_text(field, value)

    return parse


def row_unit(
    name: str,
    kind: UnitKind,
    parent_name: str | None,
    parent_kind: UnitKind | None,
    known_parents: Mapping[str, UnitKind],
    parents: dict[tuple[str, int], Unit] | None = None,
) -> Unit:
    """The unit of a row; ``parents`` keeps parent units already built (a file names
    the same district for many communes)."""
    if parent_name is None:
        return Unit(name, kind)
    if parent_kind is None:
        parent_kind = _DISTRICT if kind is _COMMUNE else known_parents.get(parent_name)
    if parent_kind is None:
        raise InvalidInputError(
            Message(
                "parent kind of {parent} is unknown: add a row for it or a parent_kind column "
                "(DEPARTMENT or DISTRICT)",
                parent=quoted(parent_name),
            )
        )
    if parents is None:
        return Unit(name, kind, Unit(parent_name, parent_kind))
    key = (parent_name, id(parent_kind))  # kinds are singletons
    parent = parents.get(key)
    if parent is None:
        parent = Unit(parent_name, parent_kind)
        if len(parents) < CELL_MEMO:
            parents[key] = parent
    return Unit(name, kind, parent)


_COMMUNE, _DISTRICT = UnitKind.COMMUNE, UnitKind.DISTRICT  # (Enum's class attributes are slow)


def blank_to_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


def parse_year(value: Any) -> int:
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 6:
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InvalidInputError(
            Message("year must be a whole number like 2019 (got {value})", value=quoted(value))
        )
    return require_year("year", value)
