"""Assessment rows to assessments: each row read, validated once and handed on
(:func:`iter_assessment_rows`), or all rows of a file or a table at once.

A commune's parent is a district; a subordinate's parent kind is taken from
``parent_kind``, or from the row that defines that parent in the same file. Each
distinct cell is validated once per file, each distinct unit and head built once,
and a CSV row whose cells were all seen in a valid row skips the checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import Any

import attrs

from .._columns import ASSESSMENT_COLUMNS, ASSESSMENT_OPTIONAL
from .._files import nfc
from .._messages import said
from .._validate import check_score
from ..assessment import Assessment, Finding
from ..authority import check_unit, fits_year
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
from ._rows import Rows, every_item

__all__ = [
    "AssessmentParser",
    "ParsedRows",
    "assessment_to_dict",
    "iter_assessment_rows",
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
    rows = Rows(path, ASSESSMENT_COLUMNS, encoding)
    parser = AssessmentParser(ParentKinds(lambda: parent_kinds(row for row, _ in rows)))
    if rows.data is not None or rows.sheet is not None:  # JSON, or an .xlsx sheet
        return _parsed(rows, parser)
    return _parsed_cells(rows, parser)


def _parsed(
    rows: Iterable[tuple[dict[str, Any], str]], parser: AssessmentParser
) -> Iterator[tuple[str, Assessment | None, tuple[Problem, ...]]]:
    for row, where in rows:
        assessment, found = parser.parse(row, where)
        yield where, assessment, tuple(found)


def _parsed_cells(
    rows: Rows, parser: AssessmentParser
) -> Iterator[tuple[str, Assessment | None, tuple[Problem, ...]]]:
    """CSV rows, each first offered to the parser's fast path (a row whose unit and
    head cells were seen before in a valid row, with a year and score seen before);
    any other row is read as a mapping and checked field by field."""
    fast, remember = parser.fast_path(rows.header)
    for cells, where in rows.cells():
        assessment = fast(cells)
        if assessment is not None:
            yield where, assessment, ()
            continue
        row = rows.row(cells)
        if row is None:  # a blank row
            continue
        assessment, found = parser.parse(row, where)
        if assessment is not None and not found:
            remember(cells, assessment.head)
        yield where, assessment, tuple(found)


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
        self.score = Cells(lambda v: check_score("index_score", blank_to_none(v)))
        self.parent = text_parser("parent")
        self.parent_kind = Cells(lambda v: UnitKind.parse(v, "parent_kind"))
        self.units: dict[tuple[Any, ...], tuple[Unit | None, str | None]] = {}
        self.parents: dict[tuple[str, int], Unit] = {}
        self.columns: dict[tuple[str, ...], str | None] = {}

    def fast_path(
        self, header: Sequence[str]
    ) -> tuple[Callable[[list[str]], Assessment | None], Callable[[list[str], Head], None]]:
        """For CSV rows under ``header``: a function giving the assessment of a row
        all of whose cells were validated before (``None`` otherwise), and one to
        remember the head of a valid row by its unit and head cells. Rows with
        unknown or repeated columns always take the checked path."""
        if len(set(header)) != len(header) or not set(header) <= ASSESSMENT_FIELDS:
            return (lambda _cells: None), (lambda _cells, _head: None)
        width = len(header)
        names = ["unit", "kind", "parent", "head"] + (
            ["parent_kind"] if "parent_kind" in header else []
        )
        identity = itemgetter(*(header.index(n) for n in names))
        at_year, at_score = header.index("year"), header.index("index_score")
        at_findings = header.index("findings") if "findings" in header else None
        heads: dict[tuple[str, ...], Head] = {}
        years, scores = self.year.seen, self.score.seen

        def fast(cells: list[str]) -> Assessment | None:
            if len(cells) != width or (at_findings is not None and cells[at_findings].strip()):
                return None
            head = heads.get(identity(cells))
            year = years.get(cells[at_year])
            score = scores.get(cells[at_score])
            if head is None or year is None or score is None or year[1] or score[1]:
                return None
            if not fits_year(head.unit, year[0]):
                return None  # the checked path says why (no district from 2025)
            return valid_assessment(head, year[0], score[0], ())

        def remember(cells: list[str], head: Head) -> None:
            # A short row can be valid (a missing optional cell is blank) but is
            # never served by the fast path, which needs every cell.
            if len(cells) == width and len(heads) < CELL_MEMO:
                heads[identity(cells)] = head

        return fast, remember

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
                    built = (
                        row_unit(
                            name, kind, parent_name, parent_kind, self.known_parents, self.parents
                        ),
                        None,
                    )
                except CchcError as exc:
                    built = (None, said(exc))
                if len(self.units) < CELL_MEMO:
                    self.units[key] = built
            unit, message = built
            if message is not None:
                f.fail("parent", message)
        if unit is not None and year is not None:
            try:
                check_unit(unit, year)  # the structure of that year: no district from 2025
            except CchcError as exc:
                wrong_parent = unit.parent is not None or unit.kind is UnitKind.COMMUNE
                f.fail("parent" if wrong_parent else "kind", said(exc))
        if f.found or unit is None or head_name is None or year is None or score is None:
            return None, f.found
        return valid_assessment(valid_head(head_name, unit), year, score, findings), f.found


ASSESSMENT_FIELDS = frozenset({*ASSESSMENT_COLUMNS, *ASSESSMENT_OPTIONAL})
_new = object.__new__
_set = object.__setattr__


def valid_head(name: str, unit: Unit) -> Head:
    """``Head(name, unit)`` for a name checked as ``Head`` checks it (no term, not
    acting)."""
    head: Head = _new(Head)
    _set(head, "name", name)
    _set(head, "unit", unit)
    _set(head, "term_start", None)
    _set(head, "term_end", None)
    _set(head, "acting", False)
    return head


def valid_assessment(
    head: Head, year: int, score: Decimal, findings: tuple[Finding, ...]
) -> Assessment:
    """``Assessment(head, year, score, findings)`` from values the row parser has
    already validated exactly as ``Assessment``'s converters would (each row is
    validated once; ``tests/property/test_io_assessments.py`` checks the result
    equals the constructor's)."""
    assessment: Assessment = _new(Assessment)
    _set(assessment, "head", head)
    _set(assessment, "year", year)
    _set(assessment, "index_score", score)
    _set(assessment, "findings", findings)
    return assessment


def assessment_to_dict(assessment: Assessment) -> dict[str, Any]:
    """The JSON row for ``assessment`` (:meth:`Assessment.to_dict`);
    :func:`parse_assessment_rows` reads it back to an equal assessment."""
    return assessment.to_dict()


def read_assessments(path: str | Path, encoding: str | None = None) -> list[Assessment]:
    """Every assessment in ``path``, or one ``InvalidInputError`` listing every bad
    row. Rows are read and validated one at a time (:func:`iter_assessment_rows`);
    only the assessments are kept, and none once a row is bad."""
    rows = iter_assessment_rows(path, encoding)
    return every_item(((assessment, found) for _where, assessment, found in rows), path)
