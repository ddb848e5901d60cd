"""Assessment rows to assessments: each row read, validated once and handed on
(:func:`iter_assessment_rows`), or all rows of a file or a table at once.

A commune's parent is a district; a subordinate's parent kind is taken from
``parent_kind``, or from the row that defines that parent in the same file. Each
distinct cell is validated once per file, each distinct unit and head built once,
and a CSV row whose cells were all seen in a valid row skips the checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from .._columns import ASSESSMENT_COLUMNS
from .._files import nfc
from .._messages import Row, said
from .._validate import require_score
from ..assessment import Assessment
from ..authority import require_unit
from ..errors import CchcError, Problem
from ..units import Head, Unit, UnitKind
from ._fields import (
    CELL_MEMO,
    Cells,
    RowFields,
    blank_to_none,
    parse_year,
    row_unit,
    text_parser,
)
from ._findings import structure_findings
from ._quick import ASSESSMENT_FIELDS, Memos, quick_path, valid_assessment, valid_head
from ._rows import Rows, every_item

__all__ = [
    "AssessmentParser",
    "ParsedRows",
    "assessment_to_dict",
    "iter_assessment_rows",
    "opened",
    "parent_kinds",
    "parse_assessment_rows",
    "read_assessments",
]


@attrs.frozen
class ParsedRows:
    """Rows read leniently: the assessments that parsed (``None`` for a rejected
    row, so positions match the input) and every problem found."""

    assessments: tuple[Assessment | None, ...]
    row_problems: tuple[tuple[Problem, ...], ...]

    @property
    def problems(self) -> tuple[Problem, ...]:
        return tuple(p for row in self.row_problems for p in row)

    @property
    def ok(self) -> bool:
        return not any(self.row_problems)


def parse_assessment_rows(
    rows: Sequence[Mapping[str, Any]], locations: Sequence[str]
) -> ParsedRows:
    """Turn row mappings into assessments, collecting every problem."""
    parser = AssessmentParser(parent_kinds(rows))
    out: list[Assessment | None] = []
    problems: list[tuple[Problem, ...]] = []
    for row, where in zip(rows, locations, strict=True):
        assessment, found = parser.parse(row, where)
        out.append(assessment)
        problems.append(tuple(found))
    return ParsedRows(tuple(out), tuple(problems))


def parent_kinds(rows: Iterable[Mapping[str, Any]]) -> dict[str, UnitKind]:
    """Unit name → kind for every row that defines a department or district: the
    parents a subordinate row may name without ``parent_kind``."""
    found: dict[str, UnitKind] = {}
    for r in rows:
        kind = _kind_or_none(r.get("kind"))
        if kind in (UnitKind.DEPARTMENT, UnitKind.DISTRICT):
            found[nfc(str(r.get("unit", ""))).strip()] = kind
    return found


def _kind_or_none(value: Any) -> UnitKind | None:
    try:
        return UnitKind.parse(value)
    except CchcError:
        return None


def iter_assessment_rows(
    path: str | Path, encoding: str | None = None
) -> Iterator[tuple[str, Assessment | None, tuple[Problem, ...]]]:
    """``(location, assessment, problems)`` for each row of a CSV or JSON file, read,
    validated and handed on one at a time: a rejected row has no assessment and at
    least one problem. A CSV is never held whole (see :func:`iter_rows`); the file
    and its header are checked when this is called.

    >>> rows = iter_assessment_rows("docs/examples/haiphong_2019.csv")
    >>> where, assessment, problems = next(rows)
    >>> where, assessment.head.unit.name, problems
    ('row 2', 'Sở Nội vụ', ())
    """
    rows, parser = opened(path, encoding)
    if rows.data is not None or rows.sheet is not None:  # JSON, or an .xlsx sheet
        return _parsed(rows, parser)
    return ((Row(line), a, found) for line, a, found in _parsed_cells(rows, parser))


def opened(
    path: str | Path, encoding: str | None, columns: Sequence[str] = ASSESSMENT_COLUMNS
) -> tuple[Rows, AssessmentParser]:
    """The rows of an assessment table with ``columns`` (the file and its header are
    checked now) and their parser, which reads the parents the file defines only
    when a row first needs one."""
    rows = Rows(path, columns, encoding)
    return rows, AssessmentParser(ParentKinds(lambda: parent_kinds(row for row, _ in rows)))


def _parsed(
    rows: Iterable[tuple[dict[str, Any], str]], parser: AssessmentParser
) -> Iterator[tuple[str, Assessment | None, tuple[Problem, ...]]]:
    for row, where in rows:
        assessment, found = parser.parse(row, where)
        yield where, assessment, tuple(found)


def _parsed_cells(
    rows: Rows, parser: AssessmentParser
) -> Iterator[tuple[int, Assessment | None, tuple[Problem, ...]]]:
    """CSV rows with their line numbers, each first offered to the parser's quick
    path (a row whose every cell passes the checks, built from its list of cells);
    any other row is read as a mapping and checked field by field."""
    fast, remember = parser.quick_path(rows.header)
    with rows.records() as records:
        for cells in records:
            assessment = fast(cells) if cells else None
            if assessment is not None:
                yield records.line_num, assessment, ()
                continue
            row = rows.row(cells)
            if row is None:  # a blank row
                continue
            assessment, found = parser.parse(row, Row(records.line_num))
            if assessment is not None and not found:
                remember(cells, assessment.head)
            yield records.line_num, assessment, tuple(found)


class ParentKinds(Mapping[str, UnitKind]):
    """The kinds of the parents defined in the file, found (by ``scan``) only when a
    row first needs one: most files give ``parent_kind`` or hold only communes,
    whose parent is a district."""

    def __init__(self, scan: Callable[[], dict[str, UnitKind]]) -> None:
        self.scan = scan
        self.found: dict[str, UnitKind] | None = None

    def _kinds(self) -> dict[str, UnitKind]:
        if self.found is None:
            self.found = self.scan()
        return self.found

    def __getitem__(self, name: str) -> UnitKind:
        return self._kinds()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._kinds())

    def __len__(self) -> int:
        return len(self._kinds())


class AssessmentParser:
    """Turns rows into assessments one at a time, collecting each row's problems.
    Each distinct cell is validated once (see ``Cells``), each distinct unit
    and head built once and shared by the assessments that name it."""

    def __init__(self, known_parents: Mapping[str, UnitKind]) -> None:
        self.known_parents = known_parents
        self.unit_name = text_parser("unit")
        self.kind = Cells(UnitKind.parse)
        self.head_name = text_parser("head")
        self.year = Cells(parse_year)
        self.score = Cells(lambda v: require_score("index_score", blank_to_none(v)))
        self.parent = text_parser("parent")
        self.parent_kind = Cells(lambda v: UnitKind.parse(v, "parent_kind"))
        self.units: dict[tuple[Any, ...], Unit | str] = {}  # a unit, or why there is none
        self.parents: dict[tuple[str, int], Unit] = {}
        self.columns: dict[tuple[str, ...], str | None] = {}
        self.memos = Memos(
            kinds=self.kind,
            parent_kinds=self.parent_kind,
            years=self.year,
            scores=self.score,
            units=self.units,
            parents=self.parents,
            known_parents=known_parents,
        )

    def quick_path(
        self, header: Sequence[str]
    ) -> tuple[Callable[[list[str]], Assessment | None], Callable[[list[str], Head], None]]:
        """The quick path for CSV rows under ``header``, reading what this parser
        has learnt (see :func:`~cchc_rules.io._quick.quick_path`)."""
        return quick_path(header, self.memos)

    def parse(self, row: Mapping[str, Any], where: str) -> tuple[Assessment | None, list[Problem]]:
        f = RowFields(row, where, ASSESSMENT_FIELDS, self.columns)
        name = f.get("unit", self.unit_name, required=True)
        kind = f.get("kind", self.kind, required=True)
        head_name = f.get("head", self.head_name, required=True)
        year = f.get("year", self.year, required=True)
        score = f.get("index_score", self.score, required=True)
        parent_name = f.get("parent", self.parent)
        parent_kind = f.get("parent_kind", self.parent_kind)
        findings, finding_problems = structure_findings(row.get("findings"), where)
        f.found.extend(finding_problems)
        unit = None
        if name is not None and kind is not None:
            # Kinds are singletons: their ids key the memo without Enum's slow hash.
            key = (name, id(kind), parent_name, id(parent_kind))
            built = self.units.get(key)
            if built is None:
                try:
                    built = row_unit(
                        name, kind, parent_name, parent_kind, self.known_parents, self.parents
                    )
                except CchcError as exc:
                    built = said(exc)
                if len(self.units) < CELL_MEMO:
                    self.units[key] = built
            if isinstance(built, Unit):
                unit = built
            else:
                f.fail("parent", built)
        if unit is not None and year is not None:
            try:
                require_unit(unit, year)  # the structure of that year: no district from 2025
            except CchcError as exc:
                wrong_parent = unit.parent is not None or unit.kind is UnitKind.COMMUNE
                f.fail("parent" if wrong_parent else "kind", said(exc))
        if f.found or unit is None or head_name is None or year is None or score is None:
            return None, f.found
        return valid_assessment(valid_head(head_name, unit), year, score, findings), f.found


def assessment_to_dict(assessment: Assessment) -> dict[str, Any]:
    """The JSON row for ``assessment`` (:meth:`Assessment.to_dict`);
    :func:`parse_assessment_rows` reads it back to an equal assessment."""
    return assessment.to_dict()


def read_assessments(path: str | Path, encoding: str | None = None) -> list[Assessment]:
    """Every assessment in ``path``, or one ``InvalidInputError`` listing every bad
    row. Rows are read and validated one at a time (:func:`iter_assessment_rows`);
    only the assessments are kept, and none once a row is bad."""
    rows, parser = opened(path, encoding)
    if rows.data is not None or rows.sheet is not None:  # JSON, or an .xlsx sheet
        return every_item(((a, found) for _where, a, found in _parsed(rows, parser)), path)
    # a CSV row's location is made only for a row with problems, which holds it
    return every_item(((a, found) for _line, a, found in _parsed_cells(rows, parser)), path)
