"""Reading an input file's rows one at a time: a CSV streamed from the open file,
an ``.xlsx`` sheet, or a JSON list of objects, each row with its location (a CSV
row number as a spreadsheet shows it, the header being row 1; ``$[2]`` in JSON)."""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .._collector import collector_paused
from .._columns import ASSESSMENT_COLUMNS, canonical_header
from .._files import (
    csv_delimiter,
    csv_errors,
    parse_json_list,
    read_text,
    require_decoding,
    require_encoding,
    text_lines,
)
from .._messages import Message, Row
from .._validate import require_path
from ..errors import InvalidInputError, Problem

if TYPE_CHECKING:
    from _csv import Reader as CsvReader

__all__ = ["EXTRA_CELLS", "Rows", "every_item", "is_blank", "iter_rows", "read_rows"]

EXTRA_CELLS = "\x00extra"
"""The key under which a row marks cells beyond its header (never a column name)."""


class Rows:
    """An input file's rows and their locations, read one at a time.

    A CSV is streamed from the open file: only the row being read is held. Its text
    is first decoded in chunks (:func:`~cchc_rules._files.require_decoding`), so an
    undecodable byte is reported before any row is handed on. A JSON file (a list of
    objects) is parsed whole: the standard library has no streaming JSON reader, so
    JSON input is held in memory — use CSV for large batches.
    """

    def __init__(self, path: str | Path, required: Sequence[str], encoding: str | None) -> None:
        self.file = file = require_path("path", path)
        encoding = None if encoding is None else require_encoding(encoding)
        self.data: list[dict[str, Any]] | None = None
        self.sheet: list[tuple[int, list[Any]]] | None = None
        self.header: list[str] = []
        if file.suffix.lower() == ".json":
            self.data = parse_json_list(read_text(file, encoding), file)
            return
        if file.suffix.lower() == ".xlsx":  # extra ``excel``: the first sheet
            from ..excel import read_sheet

            cells, self.sheet = read_sheet(file)
            names = ["" if h is None else str(h) for h in cells]
        else:
            self.encoding = require_decoding(file, encoding)
            with text_lines(file, self.encoding) as lines, csv_errors(file, lambda: 1):
                first = next(lines, "")
                self.delimiter = csv_delimiter(first)
                names = next(csv.reader([first], delimiter=self.delimiter), [])
        header = canonical_header(names, file)
        missing = [c for c in required if c not in header]
        if missing:
            raise InvalidInputError(
                Message(
                    "{file} must have the header {header} (missing {missing}; got {got})",
                    file=file,
                    header=",".join(required),
                    missing=", ".join(missing),
                    got=",".join(header) or Message("nothing"),
                )
            )
        # A column without a header (Excel leaves them at the right) is kept apart, so
        # a value under it is reported rather than read as a field.
        self.header = [h or f"{EXTRA_CELLS}{i}" for i, h in enumerate(header)]
        self.unnamed = [h for h in self.header if h.startswith(EXTRA_CELLS)]

    def __iter__(self) -> Iterator[tuple[dict[str, Any], str]]:
        if self.data is not None:
            for i, item in enumerate(self.data):
                yield item, f"$[{i}]"
            return
        records = self.cells() if self.sheet is None else self.sheet_cells()
        for cells, where in records:
            row = self.row(cells)
            if row is not None:
                yield row, where

    def cells(self) -> Iterator[tuple[list[str], str]]:
        """A CSV's records as lists of cells, after the header."""
        with self.records() as reader:
            for cells in reader:
                if cells:
                    yield cells, Row(reader.line_num)

    @contextlib.contextmanager
    def records(self) -> Iterator[CsvReader]:
        """A ``csv.reader`` over a CSV's records after the header (an empty list for
        an empty line; ``line_num`` the line just read), its failures reported with
        the file and the row."""
        with text_lines(self.file, self.encoding) as lines:
            reader = csv.reader(lines, delimiter=self.delimiter)
            with csv_errors(self.file, lambda: reader.line_num):
                next(reader, None)
                yield reader

    def sheet_cells(self) -> Iterator[tuple[list[Any], str]]:
        """A sheet's rows as lists of cells (numbers, days, text), after the header."""
        for number, cells in self.sheet or ():
            yield cells, Row(number)

    def row(self, cells: list[Any]) -> dict[str, Any] | None:
        """A CSV record as a row mapping (a missing cell is ``None``), or ``None`` for
        a blank row, as spreadsheets leave at the end; a value beyond the header or
        under a column without a header is marked as extra."""
        if all(is_blank(cell) for cell in cells):
            return None
        header, width = self.header, len(self.header)
        row: dict[str, Any] = dict(zip(header, cells, strict=False))
        if len(cells) < width:
            row.update(dict.fromkeys(header[len(cells) :]))
        elif len(cells) > width and any(not is_blank(cell) for cell in cells[width:]):
            row[EXTRA_CELLS] = "yes"
        for key in self.unnamed:
            value = row.pop(key)
            if not is_blank(value):
                row[EXTRA_CELLS] = "yes"
        return row


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def iter_rows(
    path: str | Path, required: Sequence[str] = ASSESSMENT_COLUMNS, encoding: str | None = None
) -> Iterator[tuple[dict[str, Any], str]]:
    """``(row, location)`` for each row of a CSV or a JSON list of objects, read one
    at a time, text in NFC (a CSV is never held whole). The file and its header are
    checked when this is called; an unreadable file is an ``InvalidInputError``.

    A CSV is read as offices write it: UTF-8 with or without BOM, or UTF-16 (or the
    ``encoding`` named); headers in English or Vietnamese (see
    :data:`~cchc_rules._columns.COLUMN_ALIASES`), a column given twice being an
    error; blank rows skipped."""
    return iter(Rows(path, required, encoding))


def read_rows(
    path: str | Path, required: Sequence[str] = ASSESSMENT_COLUMNS, encoding: str | None = None
) -> tuple[list[dict[str, Any]], list[str]]:
    """Rows and their locations, all at once, as :func:`iter_rows` reads them."""
    rows: list[dict[str, Any]] = []
    where: list[str] = []
    for row, location in iter_rows(path, required, encoding):
        rows.append(row)
        where.append(location)
    return rows, where


T = TypeVar("T")


def every_item(results: Iterable[tuple[T | None, Sequence[Problem]]], path: str | Path) -> list[T]:
    """The item read from each row (``(item, problems)`` one row at a time), or one
    ``InvalidInputError`` listing every problem of every row of ``path``. Once a row
    is bad no item is kept: a bad file of any size costs the memory of its problems.
    The garbage collector is paused while the rows are read (``_collector`` says
    why), so time per row stays flat as the list grows."""
    kept: list[T] = []
    problems: list[Problem] = []
    with collector_paused():
        for item, found in results:
            if found:
                problems.extend(found)
            elif item is not None and not problems:
                kept.append(item)
    if problems:
        raise InvalidInputError.collected(problems, str(path))
    return kept
