"""Reading and writing assessments, task reports and verdicts as CSV and JSON.

Readers collect **every** failure with its location before raising (a CSV row
number as a spreadsheet shows it, the header being row 1; a JSON path like
``$[2].findings[0].mitigation.directed``). Nested structures (findings and their
mitigation grounds) are structured with ``cattrs`` and strict hooks: ``"yes"`` is
not a boolean.

Assessment rows have the columns ``unit, kind, parent, head, year, index_score``
(and optionally ``parent_kind``). ``kind`` is a :class:`~cchc_rules.units.UnitKind`
name. A commune's parent is a district; a subordinate's parent kind is taken from
``parent_kind``, or from the row that defines that parent in the same file.
"""

from __future__ import annotations

import csv
import functools
import io as _io
import json
import numbers
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from unicodedata import is_normalized

import attrs

from ._columns import canonical_header
from ._files import (
    LIMITS,
    check_decoding,
    check_encoding,
    csv_delimiter,
    csv_errors,
    nfc,
    parse_json,
    parse_reason,
    read_text,
    text_lines,
)
from ._messages import Message, Row, quoted, said
from ._tabular import to_csv, write_csv
from ._validate import (
    check_path,
    check_score,
    check_text,
    check_year,
    optional_text,
    parse_day,
    to_count,
    to_percentage,
)
from .authority import check_unit, fits_year
from .errors import CchcError, InvalidInputError, Problem
from .grades import Grade
from .grading import Assessment, Finding, GradeDiscrepancy, Verdict, records
from .reports import COUNT_FIELDS, TaskReport
from .tasks import Task, TaskTally

if TYPE_CHECKING:
    from cattrs import Converter
from .units import Head, Unit, UnitKind

__all__ = [
    "ASSESSMENT_COLUMNS",
    "LIMITS",
    "PUBLISHED_GRADE",
    "SCHEMAS",
    "TASK_COLUMNS",
    "ParsedRows",
    "assessment_to_dict",
    "discrepancies_to_csv",
    "iter_assessment_rows",
    "iter_rows",
    "parse_assessment_rows",
    "parse_day",
    "parse_published_rows",
    "read_assessments",
    "read_published_grades",
    "read_rows",
    "read_task_report",
    "read_tasks",
    "schema",
    "tallies_to_csv",
    "tallies_to_json",
    "tally_rows",
    "task_report_from_dict",
    "verdicts_to_csv",
    "verdicts_to_json",
    "write_verdicts_csv",
    "write_verdicts_json",
]

ASSESSMENT_COLUMNS = ("unit", "kind", "parent", "head", "year", "index_score")
_EXTRA_CELLS = "\x00extra"
OPTIONAL_COLUMNS = ("parent_kind", "findings")


# -- cattrs for nested structures ---------------------------------------------------


def _strict_bool(value: Any, _type: Any) -> bool:
    if not isinstance(value, bool):
        raise InvalidInputError(
            Message("must be true or false (got {value})", value=quoted(value))
        )
    return value


def _optional_str(value: Any, _type: Any) -> str | None:
    return (
        optional_text("value", value)
        if value is None or isinstance(value, str)
        else _bad_text(value)
    )


def _bad_text(value: Any) -> str:
    raise InvalidInputError(Message("must be text (got {value})", value=quoted(value)))


@functools.cache
def _converter() -> Converter:
    """The converter for nested structures, built on first use: importing cattrs
    costs more than the rest of the package's start-up."""
    import cattrs

    converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    converter.register_structure_hook(bool, _strict_bool)
    converter.register_structure_hook(str, lambda v, _t: v if isinstance(v, str) else _bad_text(v))
    converter.register_structure_hook(str | None, _optional_str)
    return converter


def _format(exc: BaseException, type_: Any) -> str:
    import cattrs

    if isinstance(exc, KeyError):
        return Message("is required")
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return Message("unknown fields {names}", names=sorted(exc.extra_fields))
    if isinstance(exc, CchcError):
        return said(exc)
    if attrs.has(type_):  # not a mapping at all: cattrs could not even look inside
        fields = ", ".join(f.name for f in attrs.fields(type_))
        return Message("must be an object with the fields {fields}", fields=fields)
    return Message("is invalid ({reason})", reason=str(exc) or type(exc).__name__)


def _structure_findings(value: Any, where: str) -> tuple[tuple[Finding, ...], list[Problem]]:
    """The findings in ``value`` (a list, or a CSV cell holding its JSON) of the row at
    ``where``, or the problems found, located below ``<where>.findings``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return (), []
    path = Message("{where}.findings", where=where)
    if isinstance(value, str):  # a CSV cell holding the JSON list
        try:
            value = json.loads(value)
        except (RecursionError, ValueError) as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else parse_reason(exc)
            return (), [
                Problem(
                    path, "", Message("must be a JSON list of findings ({reason})", reason=reason)
                )
            ]
    import cattrs

    try:
        return tuple(_converter().structure(value, list[Finding])), []
    except cattrs.BaseValidationError as exc:
        # transform_error renders "<message> @ <path>" as plain text; keep each
        # Message so the problem can still be said in Vietnamese.
        said_by_text: dict[str, str] = {}

        def remember(error: BaseException, type_: Any) -> str:
            message = _format(error, type_)
            said_by_text[str(message)] = message
            return message

        problems = []
        for line in cattrs.transform_error(exc, path=path, format_exception=remember):
            text, _, located = line.rpartition(" @ ")
            if located.startswith(path):
                located = Message("{path}{rest}", path=path, rest=located[len(path) :])
            problems.append(Problem(located, "", said_by_text.get(text, text)))
        return (), problems
    except (CchcError, TypeError, ValueError) as exc:
        return (), [
            Problem(path, "", Message("must be a list of findings ({reason})", reason=said(exc)))
        ]


# -- JSON Schemas -----------------------------------------------------------------------------

SCHEMAS = ("assessments", "task_report", "tasks", "verdict")
"""The input formats with a JSON Schema shipped in ``cchc_rules/schemas/``."""


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of input format ``name``, for services that
    validate before they call. The loaders are at least as strict.

    >>> schema("task_report")["required"] == ["assigned"]
    True
    """
    if name not in SCHEMAS:
        raise InvalidInputError.for_field(
            "name", Message("must be one of {names}", names=", ".join(SCHEMAS)), name
        )
    from importlib import resources  # only here: importing it is slow

    text = (
        resources.files("cchc_rules")
        .joinpath(f"schemas/{name}.schema.json")
        .read_text(encoding="utf-8")
    )
    result: dict[str, Any] = json.loads(text)
    return result


# -- assessments ------------------------------------------------------------------------


class _RowFields:
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
        if row.get(_EXTRA_CELLS):
            self.fail("", Message("has more cells than the header has columns"))
        keys = tuple(row)
        if columns is not None and keys in columns:  # the same columns as earlier rows
            unknown = columns[keys]
        else:
            names = sorted(set(keys) - set(allowed) - {_EXTRA_CELLS})
            unknown = Message("unknown fields {names}", names=names) if names else None
            if columns is not None and len(columns) < _CELL_MEMO:
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
        if not required and _blank_to_none(value) is None:
            return None
        if value is None:  # an absent key, a JSON null, an empty cell
            self.fail(name, Message("is missing"))
            return None
        try:
            return parse(value)
        except (CchcError, ValueError, TypeError) as exc:
            self.fail(name, said(exc))
            return None


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
    parser = _AssessmentParser(_parent_kinds(rows))
    out: list[Assessment | None] = []
    problems: list[tuple[Problem, ...]] = []
    for row, where in zip(rows, locations, strict=True):
        assessment, found = parser.parse(row, where)
        out.append(assessment)
        problems.append(tuple(found))
    return ParsedRows(tuple(out), tuple(problems))


def _parent_kinds(rows: Iterable[Mapping[str, Any]]) -> dict[str, UnitKind]:
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
    rows = _Rows(path, ASSESSMENT_COLUMNS, encoding)
    parser = _AssessmentParser(_ParentKinds(lambda: _parent_kinds(row for row, _ in rows)))
    if rows.data is not None or rows.sheet is not None:  # JSON, or an .xlsx sheet
        return _parsed(rows, parser)
    return _parsed_cells(rows, parser)


def _parsed(
    rows: Iterable[tuple[dict[str, Any], str]], parser: _AssessmentParser
) -> Iterator[tuple[str, Assessment | None, tuple[Problem, ...]]]:
    for row, where in rows:
        assessment, found = parser.parse(row, where)
        yield where, assessment, tuple(found)


def _parsed_cells(
    rows: _Rows, parser: _AssessmentParser
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


class _Said(ValueError):
    """A remembered failure of a cell, raised again for another row holding it."""


class _Cells:
    """``parse`` applied to a cell, remembered per distinct text: a file repeats its
    units, kinds, heads, years and scores, and each is validated once. The same
    value, or the same message, as calling ``parse``; non-text values (from JSON)
    are parsed each time. Bounded, so a file of all-distinct cells does not grow it
    past ``_CELL_MEMO`` entries."""

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
            if len(self.seen) < _CELL_MEMO:
                self.seen[value] = hit
        if hit[1] is not None:
            raise _Said(hit[1])
        return hit[0]


_CELL_MEMO = 65_536


def _text(field: str) -> Callable[[Any], str]:
    """``check_text(field, value)``, quicker for the usual non-blank text (names
    are too varied to remember)."""

    def parse(value: Any) -> str:
        if type(value) is str:
            text = value.strip()
            if text and is_normalized("NFC", text):
                return text
        return check_text(field, value)

    return parse


class _ParentKinds(Mapping[str, UnitKind]):
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


class _AssessmentParser:
    """Turns rows into assessments one at a time, collecting each row's problems.
    Each distinct cell is validated once (see :class:`_Cells`), each distinct unit
    and head built once and shared by the assessments that name it."""

    def __init__(self, known_parents: Mapping[str, UnitKind]) -> None:
        self.known_parents = known_parents
        self.unit_name = _text("unit")
        self.kind = _Cells(UnitKind.parse)
        self.head_name = _text("head")
        self.year = _Cells(_parse_year)
        self.score = _Cells(lambda v: check_score("index_score", _blank_to_none(v)))
        self.parent = _text("parent")
        self.parent_kind = _Cells(lambda v: UnitKind.parse(v, "parent_kind"))
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
        if len(set(header)) != len(header) or not set(header) <= _ASSESSMENT_FIELDS:
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
            return _valid_assessment(head, year[0], score[0], ())

        def remember(cells: list[str], head: Head) -> None:
            # A short row can be valid (a missing optional cell is blank) but is
            # never served by the fast path, which needs every cell.
            if len(cells) == width and len(heads) < _CELL_MEMO:
                heads[identity(cells)] = head

        return fast, remember

    def parse(self, row: Mapping[str, Any], where: str) -> tuple[Assessment | None, list[Problem]]:
        f = _RowFields(row, where, _ASSESSMENT_FIELDS, self.columns)
        name = f.get("unit", self.unit_name, required=True)
        kind = f.get("kind", self.kind, required=True)
        head_name = f.get("head", self.head_name, required=True)
        year = f.get("year", self.year, required=True)
        score = f.get("index_score", self.score, required=True)
        parent_name = f.get("parent", self.parent)
        parent_kind = f.get("parent_kind", self.parent_kind)
        findings, finding_problems = _structure_findings(row.get("findings"), where)
        f.found.extend(finding_problems)
        unit = None
        if name is not None and kind is not None:
            # Kinds are singletons: their ids key the memo without Enum's slow hash.
            key = (name, id(kind), parent_name, id(parent_kind))
            built = self.units.get(key)
            if built is None:
                try:
                    built = (
                        _unit(
                            name, kind, parent_name, parent_kind, self.known_parents, self.parents
                        ),
                        None,
                    )
                except CchcError as exc:
                    built = (None, said(exc))
                if len(self.units) < _CELL_MEMO:
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
        return _valid_assessment(_valid_head(head_name, unit), year, score, findings), f.found


_ASSESSMENT_FIELDS = frozenset({*ASSESSMENT_COLUMNS, *OPTIONAL_COLUMNS})
_new = object.__new__
_set = object.__setattr__


def _valid_head(name: str, unit: Unit) -> Head:
    """``Head(name, unit)`` for a name checked as ``Head`` checks it (no term, not
    acting)."""
    head: Head = _new(Head)
    _set(head, "name", name)
    _set(head, "unit", unit)
    _set(head, "term_start", None)
    _set(head, "term_end", None)
    _set(head, "acting", False)
    return head


def _valid_assessment(
    head: Head, year: int, score: Decimal, findings: tuple[Finding, ...]
) -> Assessment:
    """``Assessment(head, year, score, findings)`` from values the row parser has
    already validated exactly as ``Assessment``'s converters would (each row is
    validated once; ``tests/test_io.py`` checks the result equals the constructor's)."""
    assessment: Assessment = _new(Assessment)
    _set(assessment, "head", head)
    _set(assessment, "year", year)
    _set(assessment, "index_score", score)
    _set(assessment, "findings", findings)
    return assessment


def _unit(
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
        if len(parents) < _CELL_MEMO:
            parents[key] = parent
    return Unit(name, kind, parent)


_COMMUNE, _DISTRICT = UnitKind.COMMUNE, UnitKind.DISTRICT  # (Enum's class attributes are slow)


def _blank_to_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


def _parse_year(value: Any) -> int:
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 6:
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InvalidInputError(
            Message("year must be a whole number like 2019 (got {value})", value=quoted(value))
        )
    return check_year("year", value)


# -- reading rows, one at a time ----------------------------------------------------------


class _Rows:
    """An input file's rows and their locations, read one at a time.

    A CSV is streamed from the open file: only the row being read is held. Its text
    is first decoded in chunks (:func:`~cchc_rules._files.check_decoding`), so an
    undecodable byte is reported before any row is handed on. A JSON file (a list of
    objects) is parsed whole: the standard library has no streaming JSON reader, so
    JSON input is held in memory — use CSV for large batches.
    """

    def __init__(self, path: str | Path, required: Sequence[str], encoding: str | None) -> None:
        self.file = file = check_path("path", path)
        encoding = None if encoding is None else check_encoding(encoding)
        self.data: list[dict[str, Any]] | None = None
        self.sheet: list[tuple[int, list[Any]]] | None = None
        self.header: list[str] = []
        if file.suffix.lower() == ".json":
            data = parse_json(read_text(file, encoding), file)
            if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
                raise InvalidInputError(
                    Message(
                        "{file} must hold a JSON list of objects (got {type})",
                        file=file,
                        type=type(data).__name__,
                    )
                )
            self.data = data
            return
        if file.suffix.lower() == ".xlsx":  # extra ``excel``: the first sheet
            from .excel import read_sheet

            cells, self.sheet = read_sheet(file)
            names = ["" if h is None else str(h) for h in cells]
        else:
            self.encoding = check_decoding(file, encoding)
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
        self.header = [h or f"{_EXTRA_CELLS}{i}" for i, h in enumerate(header)]
        self.unnamed = [h for h in self.header if h.startswith(_EXTRA_CELLS)]

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
        with text_lines(self.file, self.encoding) as lines:
            reader = csv.reader(lines, delimiter=self.delimiter)
            with csv_errors(self.file, lambda: reader.line_num):
                next(reader, None)
                for cells in reader:
                    if cells:
                        yield cells, Row(reader.line_num)

    def sheet_cells(self) -> Iterator[tuple[list[Any], str]]:
        """A sheet's rows as lists of cells (numbers, days, text), after the header."""
        for number, cells in self.sheet or ():
            yield cells, Row(number)

    def row(self, cells: list[Any]) -> dict[str, Any] | None:
        """A CSV record as a row mapping (a missing cell is ``None``), or ``None`` for
        a blank row, as spreadsheets leave at the end; a value beyond the header or
        under a column without a header is marked as extra."""
        if all(_blank(cell) for cell in cells):
            return None
        header, width = self.header, len(self.header)
        row: dict[str, Any] = dict(zip(header, cells, strict=False))
        if len(cells) < width:
            row.update(dict.fromkeys(header[len(cells) :]))
        elif len(cells) > width and any(not _blank(cell) for cell in cells[width:]):
            row[_EXTRA_CELLS] = "yes"
        for key in self.unnamed:
            value = row.pop(key)
            if not _blank(value):
                row[_EXTRA_CELLS] = "yes"
        return row


def _blank(value: Any) -> bool:
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
    return iter(_Rows(path, required, encoding))


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


def assessment_to_dict(assessment: Assessment) -> dict[str, Any]:
    """The JSON row for ``assessment`` (:meth:`Assessment.to_dict`);
    :func:`parse_assessment_rows` reads it back to an equal assessment."""
    return assessment.to_dict()


def read_assessments(path: str | Path, encoding: str | None = None) -> list[Assessment]:
    """Every assessment in ``path``, or one ``InvalidInputError`` listing every bad
    row. Rows are read and validated one at a time (:func:`iter_assessment_rows`);
    only the assessments are kept, and none once a row is bad."""
    assessments: list[Assessment] = []
    problems: list[Problem] = []
    for _where, assessment, found in iter_assessment_rows(path, encoding):
        if found:
            problems.extend(found)
        elif assessment is not None and not problems:
            assessments.append(assessment)
    if problems:
        raise InvalidInputError.collected(problems, str(path))
    return assessments


# -- published grades -------------------------------------------------------------------

PUBLISHED_GRADE = "published_grade"
"""The column of a published table that holds the grade as published."""


def parse_published_rows(
    rows: Sequence[Mapping[str, Any]], locations: Sequence[str]
) -> tuple[ParsedRows, tuple[Grade | None, ...]]:
    """Assessment rows with a ``published_grade`` column: the assessments (as
    :func:`parse_assessment_rows`) and the published grades, a row with a bad grade
    being rejected with its other problems."""
    grades: list[Grade | None] = []
    bad: list[Problem | None] = []
    plain = []
    for row, where in zip(rows, locations, strict=True):
        rest = dict(row)
        value = rest.pop(PUBLISHED_GRADE, None)
        plain.append(rest)
        try:
            grades.append(Grade.parse(value, PUBLISHED_GRADE))
            bad.append(None)
        except CchcError as exc:
            grades.append(None)
            bad.append(Problem(where, PUBLISHED_GRADE, said(exc)))
    parsed = parse_assessment_rows(plain, locations)
    assessments = list(parsed.assessments)
    row_problems = list(parsed.row_problems)
    for i, problem in enumerate(bad):
        if problem is not None:
            assessments[i] = None
            row_problems[i] = (*row_problems[i], problem)
    return ParsedRows(tuple(assessments), tuple(row_problems)), tuple(grades)


def read_published_grades(
    path: str | Path, encoding: str | None = None
) -> list[tuple[Assessment, Grade]]:
    """``(assessment, published grade)`` pairs from a CSV or JSON table with the
    assessment columns plus ``published_grade`` (a grade name or its Vietnamese
    label), ready for :func:`~cchc_rules.check_published_grades`; or one
    ``InvalidInputError`` listing every bad row."""
    rows, where = read_rows(path, (*ASSESSMENT_COLUMNS, PUBLISHED_GRADE), encoding)
    parsed, grades = parse_published_rows(rows, where)
    if parsed.problems:
        raise InvalidInputError.collected(parsed.problems, str(path))
    return [(a, g) for a, g in zip(parsed.assessments, grades, strict=True) if a and g]


DISCREPANCY_COLUMNS = (
    "row", "unit", "kind", "parent", "head", "year", "index_score", "published_grade",
    "grade", "base_grade", "unverified", "brief",
)  # fmt: skip


def discrepancy_rows(
    found: Iterable[tuple[str, GradeDiscrepancy]],
) -> list[dict[str, Any]]:
    """Flat rows (the columns of :data:`DISCREPANCY_COLUMNS`) for located
    discrepancies."""
    out = []
    for where, d in found:
        row = d.to_dict()
        out.append(
            {
                "row": str(where),
                **{k: row[k] for k in DISCREPANCY_COLUMNS[1:-2]},
                "index_score": d.assessment.index_score,
                "unverified": ", ".join(d.verdict.unverified),
                "brief": row["brief"],
            }
        )
    return out


def discrepancies_to_csv(
    found: Iterable[tuple[str, GradeDiscrepancy]], style: str = "plain"
) -> str:
    rows = discrepancy_rows(found)
    return to_csv(DISCREPANCY_COLUMNS, ([r[c] for c in DISCREPANCY_COLUMNS] for r in rows), style)


# -- tasks --------------------------------------------------------------------------------

TASK_COLUMNS = ("title", "due")
TASK_OPTIONAL = ("completed", "assigned", "unit", "kind", "parent", "parent_kind", "area")


def parse_task_rows(
    rows: Sequence[Mapping[str, Any]], locations: Sequence[str]
) -> tuple[list[Task], list[Problem]]:
    """Tasks from rows (``title, due`` and optionally ``completed, assigned, unit,
    kind, parent, parent_kind, area``); dates in ISO or day-first form."""
    tasks: list[Task] = []
    problems: list[Problem] = []
    for row, where in zip(rows, locations, strict=True):
        task, found = _parse_task_row(row, where)
        if task is not None:
            tasks.append(task)
        problems.extend(found)
    return tasks, problems


def _parse_task_row(row: Mapping[str, Any], where: str) -> tuple[Task | None, list[Problem]]:
    f = _RowFields(row, where, (*TASK_COLUMNS, *TASK_OPTIONAL))
    title = f.get("title", lambda v: check_text("title", v), required=True)
    due = f.get("due", lambda v: parse_day(v, "due"), required=True)
    completed = f.get("completed", lambda v: parse_day(v, "completed"))
    assigned = f.get("assigned", lambda v: parse_day(v, "assigned"))
    area = f.get("area", lambda v: check_text("area", v))
    unit = None
    unit_name = f.get("unit", lambda v: check_text("unit", v))
    if unit_name is not None:
        kind = f.get("kind", UnitKind.parse, required=True)
        parent = f.get("parent", lambda v: check_text("parent", v))
        parent_kind = f.get("parent_kind", lambda v: UnitKind.parse(v, "parent_kind"))
        if kind is not None:
            try:
                unit = _unit(unit_name, kind, parent, parent_kind, {})
            except CchcError as exc:
                f.fail("parent", said(exc))
    if f.found or title is None or due is None:
        return None, f.found
    try:
        return Task(title, due, completed, assigned=assigned, unit=unit, area=area), f.found
    except CchcError as exc:
        f.fail("", said(exc))
        return None, f.found


def read_tasks(path: str | Path, encoding: str | None = None) -> list[Task]:
    """Every task in a CSV or JSON file, or one error listing every bad row."""
    tasks: list[Task] = []
    problems: list[Problem] = []
    for row, where in iter_rows(path, TASK_COLUMNS, encoding):
        task, found = _parse_task_row(row, where)
        problems.extend(found)
        if task is not None and not problems:
            tasks.append(task)
    if problems:
        raise InvalidInputError.collected(problems, str(path))
    return tasks


GROUP_COLUMNS: dict[str, tuple[str, ...]] = {
    "unit": ("unit", "kind", "parent"),
    "area": ("area",),
    "group": ("group",),
}
"""The columns that name a group of a tally, by what it is grouped by: a unit is
its identity (name, kind, parent), so two "Phòng Nội vụ" under two districts are
two rows, and a task without a unit is a group of its own with empty cells."""


def tally_rows(
    tallies: Mapping[Any, TaskTally], by: str = "group", places: int = 1
) -> list[dict[str, Any]]:
    """One flat row per group: the group's columns (:data:`GROUP_COLUMNS`), the
    counts, and the percentages (``None`` when nothing was assigned).

    >>> from cchc_rules import Unit, UnitKind
    >>> district = Unit("UBND quận Lê Chân", UnitKind.DISTRICT)
    >>> office = Unit("Phòng Nội vụ", UnitKind.SUBORDINATE, district)
    >>> rows = tally_rows({office: TaskTally(2, 1, 1, 0, 1, 0), None: TaskTally(1, 0, 0, 0, 1, 0)},
    ...                   "unit")
    >>> for r in rows:
    ...     print(r["unit"], r["kind"], r["parent"], r["assigned"])
    Phòng Nội vụ SUBORDINATE UBND quận Lê Chân 2
    None None None 1
    """
    columns = GROUP_COLUMNS[by]
    out = []
    for key, tally in tallies.items():
        if isinstance(key, Unit):
            group: dict[str, Any] = {
                "unit": key.name,
                "kind": key.kind.name,
                "parent": key.parent.name if key.parent else None,
            }
        else:
            group = dict.fromkeys(columns, None if key is None else str(key))
        row = {c: group.get(c) for c in columns} | dict(tally.to_dict())
        for name in COUNT_FIELDS[1:]:
            row[f"{name}_pct"] = tally.percent(name, places) if tally.assigned else None
        out.append(row)
    return out


def tallies_to_json(tallies: Mapping[Any, TaskTally], by: str = "group", places: int = 1) -> str:
    """Tallies as a JSON list of :func:`tally_rows` (percentages as text)."""
    return json.dumps(
        tally_rows(tallies, by, places), ensure_ascii=False, indent=2, default=_jsonable
    )


def tallies_to_csv(
    tallies: Mapping[Any, TaskTally], by: str = "group", places: int = 1, style: str = "plain"
) -> str:
    """Tallies as CSV, the columns of :func:`tally_rows` (an empty cell for none)."""
    pct = [f"{n}_pct" for n in COUNT_FIELDS[1:]]
    columns = [*GROUP_COLUMNS[by], *COUNT_FIELDS, *pct]
    rows = tally_rows(tallies, by, places)
    return to_csv(columns, ([r[c] for c in columns] for r in rows), style)


# -- task reports ----------------------------------------------------------------------

_REPORT_FIELDS = [f.name for f in attrs.fields(TaskReport)]


def task_report_from_dict(data: Any, origin: str = "report") -> TaskReport:
    """A ``TaskReport`` from a JSON object, every bad field reported at once."""
    origin = check_text("origin", origin)
    if not isinstance(data, Mapping):
        raise InvalidInputError(
            Message(
                "{origin} must be a JSON object with TaskReport's fields (got {type})",
                origin=origin,
                type=type(data).__name__,
            )
        )
    problems = [
        Problem(origin, key, Message("is not a TaskReport field"))
        for key in sorted(set(data) - set(_REPORT_FIELDS))
    ]
    if "assigned" not in data:
        problems.append(Problem(origin, "assigned", Message("is required")))
    for key in _REPORT_FIELDS:
        if key in data:
            parse = to_percentage if key.endswith("_pct") else to_count
            try:
                parse(key, data[key])
            except (CchcError, ValueError, TypeError) as exc:
                problems.append(Problem(origin, key, said(exc)))
    if problems:
        raise InvalidInputError.collected(problems, origin)
    return TaskReport(**{k: data[k] for k in _REPORT_FIELDS if k in data})


def read_task_report(path: str | Path) -> TaskReport:
    """A ``TaskReport`` from a JSON file, every bad field reported at once."""
    file = check_path("path", path)
    data = parse_json(read_text(file), file)
    return task_report_from_dict(data, str(file))


# -- writing ------------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"not JSON-serialisable: {type(value).__name__}")


def verdicts_to_json(items: Iterable[Verdict | Sequence[Problem]]) -> str:
    """A JSON list, one object per input row: a verdict, or the problems of a
    rejected row."""
    buffer = _io.StringIO()
    write_verdicts_json(items, buffer)
    return buffer.getvalue()


def write_verdicts_json(items: Iterable[Verdict | Sequence[Problem]], stream: TextIO) -> None:
    """:func:`verdicts_to_json` written to ``stream`` one row at a time (the same
    text), so a batch of any size needs the memory of one verdict."""
    separator = "[\n  "
    for item in items:
        if isinstance(item, Verdict):
            data: Any = item.to_dict()
        else:
            data = {"rejected": True, "problems": [str(p) for p in item]}
        text = json.dumps(data, ensure_ascii=False, indent=2, default=_jsonable)
        stream.write(separator + text.replace("\n", "\n  "))
        separator = ",\n  "
    stream.write("[]" if separator == "[\n  " else "\n]")


CSV_COLUMNS = (
    "unit", "kind", "parent", "head", "year", "index_score", "findings", "base_grade",
    "grade", "grade_label_vi", "mitigated", "demotion", "unverified",
)  # fmt: skip


def verdicts_to_csv(verdicts: Iterable[Verdict], style: str = "plain") -> str:
    """Verdicts as CSV, one row each (:data:`CSV_COLUMNS`), without the trace, in a
    :data:`~cchc_rules._tabular.CSV_STYLES` style: the score a number, never a
    formula, booleans ``true``/``false``."""
    buffer = _io.StringIO()
    write_verdicts_csv(verdicts, buffer, style)
    return buffer.getvalue()


def write_verdicts_csv(verdicts: Iterable[Verdict], stream: TextIO, style: str = "plain") -> None:
    """:func:`verdicts_to_csv` written to ``stream`` one row at a time."""
    write_csv(CSV_COLUMNS, (verdict_row(v) for v in verdicts), stream, style)


def verdict_row(verdict: Verdict) -> list[Any]:
    """The cells of one verdict's CSV row, typed (the score a ``Decimal``)."""
    row = records((verdict,))[0]
    row["index_score"] = verdict.assessment.index_score
    return [row.get(c) for c in CSV_COLUMNS]


def verdict_rows(verdicts: Iterable[Verdict]) -> list[list[Any]]:
    """The cells of :func:`verdicts_to_csv`, typed."""
    return [verdict_row(v) for v in verdicts]
