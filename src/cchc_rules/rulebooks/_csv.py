"""Rulebooks as a flat CSV table, one row per fact, for people who keep their
parameters in a spreadsheet.

Columns (``key`` and ``value`` are required, the others may be left out)::

    key, value, valid_from, valid_until, provenance, instrument, article, location, note, ref

Each row's ``key`` says what it holds:

* ``schema_version`` (optional, ``1``), ``id``, ``name``, ``instrument.number``,
  ``instrument.issuer``, ``instrument.title``, ``instrument.signed`` and
  ``instrument.effective`` (optional): a ``value`` and nothing else;
* ``scope.first_year``, ``scope.last_year`` (optional) and ``scope.kinds``
  (``DEPARTMENT; DISTRICT``): the rulebook's declared scope, a ``value`` each;
  optional as a whole;
* ``instrument.source``, ``basis``, ``mitigation_basis``, ``scope.source``: a source
  and nothing else — the columns ``provenance, instrument, article, location, note, ref``;
* a declared parameter (``grade_levels``, ``grade_bands``, ``finding_demotion``,
  ``mitigated_finding_demotion``, ``index_year_offset``, and any a province
  registers): one row per dated value, with ``value``, ``valid_from``, optionally
  ``valid_until``, and its source. A file has rows for the parameters its
  regulation sets; the rules say which they need.

Values of parameters are written as the trace shows them: grade levels highest
first, ``EXCELLENT > GOOD > COMPLETED > NOT_COMPLETED``; bands as
``excellent=90; good=80; completed=70`` (``≥`` or ``>=`` also read, and decimal
commas, ``87,5``); demotions and offsets as whole numbers. Dates are ISO or
day-first (``9/10/2018``). Blank rows and rows whose key starts with ``#`` are
skipped, so a sheet can carry notes.

Problems are located by row (the header is row 1) and column.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping
from typing import Any

from .._files import apply_cell_limit, csv_delimiter, csv_reason
from .._messages import Message, Row, quoted, said
from .._validate import parse_day
from ..errors import CchcError, Problem
from ._parameters import Parameter

__all__ = ["COLUMNS", "CsvLayout", "to_csv_rows"]

COLUMNS = (
    "key",
    "value",
    "valid_from",
    "valid_until",
    "provenance",
    "instrument",
    "article",
    "location",
    "note",
    "ref",
)
SOURCE_COLUMNS = ("provenance", "instrument", "article", "location", "note", "ref")
_TEXT_KEYS = ("id", "name", "instrument.number", "instrument.issuer", "instrument.title")
_DATE_KEYS = ("instrument.signed", "instrument.effective")
_SOURCE_KEYS = ("instrument.source", "basis", "mitigation_basis", "scope.source")
_INT_KEYS = ("scope.first_year", "scope.last_year")
_LIST_KEYS = ("scope.kinds",)
_SCOPE_KEYS = ("scope.first_year", "scope.last_year", "scope.kinds", "scope.source")
_OPTIONAL_KEYS = (
    "instrument.effective",
    *_SCOPE_KEYS,
)  # schema_version is never required: 1 by default
_WHOLE = re.compile(r"\s*[+-]?\d+\s*")


class CsvLayout:
    """Reads CSV text into the mapping ``Rulebook.from_dict`` reads (the TOML and
    JSON layout), remembering which cell each part came from.

    ``problems`` holds what the CSV itself gets wrong (an unknown key, a cell
    that does not belong in its row, a date or band that cannot be read);
    :meth:`locate` turns a path in the mapping back into (row, column), or
    ``None`` where the problem was already reported here.
    """

    def __init__(self, text: str, parameters: Iterable[Parameter[Any]]) -> None:
        self.parameters = {p.name: p for p in parameters}
        self.data: dict[str, Any] = {"schema_version": 1}
        self.problems: list[Problem] = []
        self._cells: dict[str, tuple[str, str]] = {}
        self._reported: list[str] = []
        self._first_row: dict[str, str] = {}
        self.unusable = False  # no key or value column: nothing else can be read
        self._reader: csv.DictReader[str] | None = None
        apply_cell_limit()
        try:
            self._read(text)
        except csv.Error as exc:  # a cell over the limit, a NUL byte: the rest is unread
            line = 1 if self._reader is None else self._reader.line_num + 1
            self._fail(Row(line), "", csv_reason(exc))
            self.unusable = True

    # -- locating ---------------------------------------------------------------------

    def locate(self, path: str) -> tuple[str, str] | None:
        """(row, column) of the cell behind ``path``, ``("", path)`` when no row
        holds it, ``None`` when a problem there was already reported."""
        if any(path == r or path.startswith((r + ".", r + "[")) for r in self._reported):
            return None
        # every path the reader reports at is registered while reading; a
        # parameter as a whole (overlapping values) belongs to no one row
        return self._cells.get(path, ("", path))

    def _fail(self, row: str, column: str, message: str, path: str | None = None) -> None:
        self.problems.append(Problem(row, column, message))
        if path is not None:
            self._reported.append(path)

    # -- reading ----------------------------------------------------------------------

    def _read(self, text: str) -> None:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=csv_delimiter(text))
        self._reader = reader
        header = [(h or "").strip() for h in reader.fieldnames or []]
        row_one = Row(1)
        unknown = [h for h in header if h not in COLUMNS]
        missing = [c for c in ("key", "value") if c not in header]
        if unknown:
            self._fail(row_one, "", Message("unknown columns {names}", names=unknown))
        if missing:
            self._fail(
                row_one,
                "",
                Message(
                    "must have the columns key and value (missing {missing})",
                    missing=", ".join(missing),
                ),
            )
            self.unusable = True
            return
        reader.fieldnames = header
        for raw in reader:
            extra = raw.pop(None, None)  # type: ignore[call-overload,unused-ignore]
            cells = {k: (v or "").strip() for k, v in raw.items() if k in COLUMNS}
            where = Row(reader.line_num)
            if extra and any(str(e).strip() for e in extra):
                self._fail(where, "", Message("has more cells than the header has columns"))
            key = cells.get("key", "")
            if not any(cells.values()) or key.startswith("#"):
                continue
            self._row(key, cells, where)
        self._check_required()

    def _row(self, key: str, cells: Mapping[str, str], where: str) -> None:
        if key in self.parameters:
            self._parameter(key, cells, where)
            return
        if key in _SOURCE_KEYS:
            self._only(key, cells, where, SOURCE_COLUMNS)
            if self._once(key, where):
                self._source(key, cells, where, self._slot(key))
            return
        if key in ("schema_version", *_TEXT_KEYS, *_DATE_KEYS, *_INT_KEYS, *_LIST_KEYS):
            self._only(key, cells, where, ("value",))
            if self._once(key, where):
                self._single(key, cells.get("value", ""), where)
            return
        self._fail(where, "key", Message("{key} is not a rulebook key", key=quoted(key)))

    def _only(
        self, key: str, cells: Mapping[str, str], where: str, allowed: Iterable[str]
    ) -> None:
        for column in COLUMNS[1:]:
            if column not in allowed and cells.get(column):
                self._fail(where, column, Message("is not used in rows with key {key}", key=key))

    def _once(self, key: str, where: str) -> bool:
        if key in self._first_row:
            self._fail(
                where,
                "key",
                Message(
                    "{key} appears more than once (first in {first})",
                    key=key,
                    first=self._first_row[key],
                ),
            )
            return False
        self._first_row[key] = where
        return True

    def _slot(self, key: str) -> tuple[dict[str, Any], str]:
        """The mapping that holds ``key`` ("instrument.title" → the instrument
        table) and the name inside it."""
        head, _, tail = key.partition(".")
        if not tail:
            return self.data, key
        table: dict[str, Any] = self.data.setdefault(head, {})
        return table, tail

    def _single(self, key: str, value: str, where: str) -> None:
        table, name = self._slot(key)
        self._cells[key] = (where, "value")
        if key == "schema_version" or key in _INT_KEYS:
            table[name] = int(value) if _WHOLE.fullmatch(value) else value
        elif key in _LIST_KEYS:
            table[name] = [part.strip() for part in re.split(r"[;,]", value) if part.strip()]
        elif key in _DATE_KEYS:
            day = self._day(value, where, "value", key, named=key)
            if day is not None:
                table[name] = day
        else:
            table[name] = value

    def _source(
        self, path: str, cells: Mapping[str, str], where: str, slot: tuple[dict[str, Any], str]
    ) -> None:
        table, name = slot
        table[name] = {c: cells[c] for c in SOURCE_COLUMNS if cells.get(c)}
        self._cells[path] = (where, "")
        for column in SOURCE_COLUMNS:
            self._cells[f"{path}.{column}"] = (where, column)

    def _parameter(self, name: str, cells: Mapping[str, str], where: str) -> None:
        entries: list[dict[str, Any]] = self.data.setdefault(name, [])
        path = f"{name}[{len(entries)}]"
        entry: dict[str, Any] = {}
        entries.append(entry)
        self._first_row.setdefault(name, where)
        self._cells[path] = (where, "")
        for column in ("valid_from", "valid_until"):
            self._cells[f"{path}.{column}"] = (where, column)
            text = cells.get(column, "")
            if column == "valid_from" or text:
                day = self._day(text, where, column, f"{path}.{column}")
                entry[column] = day if day is not None else text
        self._source(f"{path}.source", cells, where, (entry, "source"))
        try:  # the declaration says how its value cell reads
            entry.update(self.parameters[name].read_cell(cells.get("value", "")))
        except CchcError as exc:
            self._fail(where, "value", said(exc), path)

    def _day(
        self, text: str, where: str, column: str, path: str, named: str = ""
    ) -> dt.date | None:
        if not text:
            self._fail(where, column, Message("is required"), path)
            return None
        try:
            return parse_day(text, named or column)
        except CchcError as exc:
            self._fail(where, column, said(exc), path)
            return None

    def _check_required(self) -> None:
        required = (*_TEXT_KEYS, *_DATE_KEYS, *_SOURCE_KEYS)  # parameters: those the file has
        for key in required:
            if key not in self._first_row and key not in _OPTIONAL_KEYS:
                self._fail("", key, Message("needs a row with this key"), key)
        if "instrument" not in self.data:
            self._reported.append("instrument")


def to_csv_rows(data: Mapping[str, Any], parameters: Iterable[Parameter[Any]]) -> str:
    """CSV text for ``data`` in the TOML/JSON layout (``Rulebook.to_dict()``), whose
    lists are values of the declared ``parameters``."""
    declared = {p.name: p for p in parameters}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, lineterminator="\n")
    writer.writeheader()

    def row(
        key: str, value: object = "", source: Mapping[str, str] | None = None, **dates: str
    ) -> None:
        writer.writerow({"key": key, "value": value, **dates, **(source or {})})

    row("schema_version", data["schema_version"])
    row("id", data["id"])
    row("name", data["name"])
    instrument = data["instrument"]
    for name in ("number", "issuer", "title", "signed", "effective"):
        if name in instrument:
            row(f"instrument.{name}", instrument[name])
    row("instrument.source", source=instrument["source"])
    row("basis", source=data["basis"])
    row("mitigation_basis", source=data["mitigation_basis"])
    for name, entries in data.items():
        if not isinstance(entries, list):
            continue
        for entry in entries:
            dates = {k: entry[k] for k in ("valid_from", "valid_until") if k in entry}
            row(name, declared[name].write_cell(entry), entry["source"], **dates)
    scope = data.get("scope")
    if scope is not None:
        row("scope.first_year", scope["first_year"])
        if "last_year" in scope:
            row("scope.last_year", scope["last_year"])
        row("scope.kinds", "; ".join(scope["kinds"]))
        row("scope.source", source=scope["source"])
    return buffer.getvalue()
