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
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from ._columns import canonical_header
from ._files import (
    LIMITS,
    check_encoding,
    csv_delimiter,
    csv_errors,
    nfc,
    parse_json,
    parse_reason,
    read_text,
)
from ._messages import Message, Row, quoted, said
from ._validate import (
    check_path,
    check_text,
    check_year,
    optional_text,
    parse_day,
    to_count,
    to_percentage,
)
from .errors import CchcError, InvalidInputError, Problem
from .grades import Grade
from .grading import Assessment, Finding, GradeDiscrepancy, Verdict, records
from .reports import COUNT_FIELDS, TaskReport
from .rulebooks import _score
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

SCHEMAS = ("assessments", "task_report", "tasks")
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

    def __init__(self, row: Mapping[str, Any], where: str, allowed: Iterable[str]) -> None:
        self.row, self.where = row, where
        self.found: list[Problem] = []
        if row.get(_EXTRA_CELLS):
            self.fail("", Message("has more cells than the header has columns"))
        unknown = sorted(set(row) - set(allowed) - {_EXTRA_CELLS})
        if unknown:
            self.fail("", Message("unknown fields {names}", names=unknown))

    def fail(self, field: str, message: str) -> None:
        self.found.append(Problem(self.where, field, message))

    def get(self, name: str, parse: Any, *, required: bool = False) -> Any:
        """``parse(value)``; a blank or missing optional value is ``None``."""
        value = self.row.get(name)
        if not required and _blank_to_none(value) is None:
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
    known_parents: dict[str, UnitKind] = {}
    for r in rows:
        kind = _kind_or_none(r.get("kind"))
        if kind in (UnitKind.DEPARTMENT, UnitKind.DISTRICT):
            known_parents[nfc(str(r.get("unit", ""))).strip()] = kind
    out: list[Assessment | None] = []
    problems: list[tuple[Problem, ...]] = []
    for row, where in zip(rows, locations, strict=True):
        assessment, found = _parse_row(row, where, known_parents)
        out.append(assessment)
        problems.append(tuple(found))
    return ParsedRows(tuple(out), tuple(problems))


def _kind_or_none(value: Any) -> UnitKind | None:
    try:
        return UnitKind.parse(value)
    except CchcError:
        return None


def _parse_row(
    row: Mapping[str, Any], where: str, known_parents: Mapping[str, UnitKind]
) -> tuple[Assessment | None, list[Problem]]:
    f = _RowFields(row, where, (*ASSESSMENT_COLUMNS, *OPTIONAL_COLUMNS))
    name = f.get("unit", lambda v: check_text("unit", v), required=True)
    kind = f.get("kind", UnitKind.parse, required=True)
    head_name = f.get("head", lambda v: check_text("head", v), required=True)
    year = f.get("year", _parse_year, required=True)
    score = f.get("index_score", lambda v: _score("index_score", _blank_to_none(v)), required=True)
    parent_name = f.get("parent", lambda v: check_text("parent", v))
    parent_kind = f.get("parent_kind", lambda v: UnitKind.parse(v, "parent_kind"))
    findings, finding_problems = _structure_findings(row.get("findings"), where)
    f.found.extend(finding_problems)
    unit = None
    if name is not None and kind is not None:
        try:
            unit = _unit(name, kind, parent_name, parent_kind, known_parents)
        except CchcError as exc:
            f.fail("parent", said(exc))
    if f.found or unit is None or head_name is None or year is None or score is None:
        return None, f.found
    return Assessment(Head(head_name, unit), year, score, findings), f.found


def _unit(
    name: str,
    kind: UnitKind,
    parent_name: str | None,
    parent_kind: UnitKind | None,
    known_parents: Mapping[str, UnitKind],
) -> Unit:
    if parent_name is None:
        return Unit(name, kind)
    if parent_kind is None:
        parent_kind = (
            UnitKind.DISTRICT if kind is UnitKind.COMMUNE else known_parents.get(parent_name)
        )
    if parent_kind is None:
        raise InvalidInputError(
            Message(
                "parent kind of {parent} is unknown: add a row for it or a parent_kind column "
                "(DEPARTMENT or DISTRICT)",
                parent=quoted(parent_name),
            )
        )
    return Unit(name, kind, Unit(parent_name, parent_kind))


def _blank_to_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


def _parse_year(value: Any) -> int:
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 6:
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError(
            Message("year must be a whole number like 2019 (got {value})", value=quoted(value))
        )
    return check_year("year", value)


def read_rows(
    path: str | Path, required: Sequence[str] = ASSESSMENT_COLUMNS, encoding: str | None = None
) -> tuple[list[dict[str, Any]], list[str]]:
    """Rows and their locations from a CSV or a JSON list of objects, text in NFC.

    A CSV is read as offices write it: UTF-8 with or without BOM, or UTF-16 (or the
    ``encoding`` named); headers in English or Vietnamese (see
    :data:`~cchc_rules._columns.COLUMN_ALIASES`), a column given twice being an
    error; blank rows skipped. An unreadable file is an ``InvalidInputError``."""
    file = check_path("path", path)
    text = read_text(file, None if encoding is None else check_encoding(encoding))
    if file.suffix.lower() == ".json":
        data = parse_json(text, file)
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise InvalidInputError(
                Message(
                    "{file} must hold a JSON list of objects (got {type})",
                    file=file,
                    type=type(data).__name__,
                )
            )
        return data, [f"$[{i}]" for i in range(len(data))]
    reader = csv.DictReader(_io.StringIO(text, newline=""), delimiter=csv_delimiter(text))
    with csv_errors(file, lambda: reader.line_num + 1):
        header = canonical_header(reader.fieldnames or [], file)
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
    reader.fieldnames = [h or f"{_EXTRA_CELLS}{i}" for i, h in enumerate(header)]
    rows: list[dict[str, Any]] = []
    where: list[str] = []
    with csv_errors(file, lambda: reader.line_num + 1):
        for row in reader:
            extra = row.pop(None, None)  # type: ignore[call-overload,unused-ignore]
            if extra and any(cell.strip() for cell in extra):
                row[_EXTRA_CELLS] = "yes"
            if all(not v or not v.strip() for v in row.values()):
                continue  # a blank row, as spreadsheets leave at the end
            for key in [k for k in row if k.startswith(_EXTRA_CELLS) and k != _EXTRA_CELLS]:
                if row.pop(key).strip():
                    row[_EXTRA_CELLS] = "yes"
            rows.append(dict(row))
            where.append(Row(reader.line_num))
    return rows, where


def assessment_to_dict(assessment: Assessment) -> dict[str, Any]:
    """The JSON row for ``assessment``; :func:`parse_assessment_rows` reads it back to
    an equal assessment."""
    unit = assessment.head.unit
    return {
        "unit": unit.name,
        "kind": unit.kind.name,
        "parent": unit.parent.name if unit.parent else None,
        "parent_kind": unit.parent.kind.name if unit.parent else None,
        "head": assessment.head.name,
        "year": assessment.year,
        "index_score": str(assessment.index_score),
        "findings": _converter().unstructure(list(assessment.findings)),
    }


def read_assessments(path: str | Path, encoding: str | None = None) -> list[Assessment]:
    """Every assessment in ``path``, or one ``InvalidInputError`` listing every bad
    row."""
    rows, where = read_rows(path, encoding=encoding)
    parsed = parse_assessment_rows(rows, where)
    if parsed.problems:
        raise InvalidInputError.collected(parsed.problems, str(path))
    return [a for a in parsed.assessments if a is not None]


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
                "unverified": ", ".join(d.verdict.unverified),
                "brief": row["brief"],
            }
        )
    return out


def discrepancies_to_csv(found: Iterable[tuple[str, GradeDiscrepancy]]) -> str:
    buffer = _io.StringIO()
    writer = csv.DictWriter(buffer, DISCREPANCY_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(discrepancy_rows(found))
    return buffer.getvalue()


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
    rows, where = read_rows(path, TASK_COLUMNS, encoding)
    tasks, problems = parse_task_rows(rows, where)
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


def tallies_to_csv(tallies: Mapping[Any, TaskTally], by: str = "group", places: int = 1) -> str:
    """Tallies as CSV, the columns of :func:`tally_rows` (an empty cell for none)."""
    pct = [f"{n}_pct" for n in COUNT_FIELDS[1:]]
    buffer = _io.StringIO()
    writer = csv.DictWriter(buffer, [*GROUP_COLUMNS[by], *COUNT_FIELDS, *pct], lineterminator="\n")
    writer.writeheader()
    writer.writerows(tally_rows(tallies, by, places))
    return buffer.getvalue()


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


def verdicts_to_csv(verdicts: Iterable[Verdict]) -> str:
    """Verdicts as CSV, one row each (:data:`CSV_COLUMNS`), without the trace."""
    buffer = _io.StringIO()
    write_verdicts_csv(verdicts, buffer)
    return buffer.getvalue()


def write_verdicts_csv(verdicts: Iterable[Verdict], stream: TextIO) -> None:
    """:func:`verdicts_to_csv` written to ``stream`` one row at a time."""
    writer = csv.DictWriter(stream, CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for verdict in verdicts:
        writer.writerow(records((verdict,))[0])
