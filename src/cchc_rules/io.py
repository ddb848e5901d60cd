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
import io as _io
import json
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import cattrs
from cattrs import Converter

from ._validate import check_text, optional_text
from .errors import CchcError, InvalidInputError, Problem
from .grading import Assessment, Finding, Verdict, records
from .rulebooks import _score
from .tasks import TaskReport, _to_count, _to_percentage
from .units import Head, Unit, UnitKind

__all__ = [
    "ASSESSMENT_COLUMNS",
    "ParsedRows",
    "parse_assessment_rows",
    "read_assessments",
    "read_rows",
    "read_task_report",
    "task_report_from_dict",
    "verdicts_to_csv",
    "verdicts_to_json",
]

ASSESSMENT_COLUMNS = ("unit", "kind", "parent", "head", "year", "index_score")
_EXTRA_CELLS = "\x00extra"
OPTIONAL_COLUMNS = ("parent_kind", "findings")


# -- cattrs for nested structures ---------------------------------------------------


def _strict_bool(value: Any, _type: Any) -> bool:
    if not isinstance(value, bool):
        raise InvalidInputError(f"must be true or false (got {value!r})")
    return value


def _optional_str(value: Any, _type: Any) -> str | None:
    return (
        optional_text("value", value)
        if value is None or isinstance(value, str)
        else _bad_text(value)
    )


def _bad_text(value: Any) -> str:
    raise InvalidInputError(f"must be text (got {value!r})")


_converter = Converter(detailed_validation=True, forbid_extra_keys=True)
_converter.register_structure_hook(bool, _strict_bool)
_converter.register_structure_hook(str, lambda v, _t: v if isinstance(v, str) else _bad_text(v))
_converter.register_structure_hook(str | None, _optional_str)


def _format(exc: BaseException, _type: Any) -> str:
    if isinstance(exc, KeyError):
        return "is required"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown fields {sorted(exc.extra_fields)}"
    return str(exc) or f"is invalid ({type(exc).__name__})"


def _structure_findings(value: Any, path: str) -> tuple[tuple[Finding, ...], list[Problem]]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return (), []
    if isinstance(value, str):  # a CSV cell holding the JSON list
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            return (), [Problem(path, "", f"must be a JSON list of findings ({exc.msg})")]
    try:
        return tuple(_converter.structure(value, list[Finding])), []
    except cattrs.BaseValidationError as exc:
        messages = cattrs.transform_error(exc, path=path, format_exception=_format)
        problems = []
        for message in messages:
            text, _, where = message.rpartition(" @ ")
            problems.append(Problem(where, "", text))
        return (), problems
    except (CchcError, TypeError, ValueError) as exc:
        return (), [Problem(path, "", f"must be a list of findings ({exc})")]


# -- assessments ------------------------------------------------------------------------


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
        kind = str(r.get("kind", "")).strip().upper()
        if kind in ("DEPARTMENT", "DISTRICT"):
            known_parents[str(r.get("unit", "")).strip()] = UnitKind[kind]
    out: list[Assessment | None] = []
    problems: list[tuple[Problem, ...]] = []
    for row, where in zip(rows, locations, strict=True):
        assessment, found = _parse_row(row, where, known_parents)
        out.append(assessment)
        problems.append(tuple(found))
    return ParsedRows(tuple(out), tuple(problems))


def _parse_row(
    row: Mapping[str, Any], where: str, known_parents: Mapping[str, UnitKind]
) -> tuple[Assessment | None, list[Problem]]:
    found: list[Problem] = []

    def field(name: str, parse: Any) -> Any:
        try:
            return parse(row.get(name))
        except (CchcError, ValueError, TypeError) as exc:
            found.append(Problem(where, name, str(exc)))
            return None

    if row.get(_EXTRA_CELLS):
        found.append(Problem(where, "", "has more cells than the header has columns"))
    unknown = sorted(set(row) - set(ASSESSMENT_COLUMNS) - set(OPTIONAL_COLUMNS) - {_EXTRA_CELLS})
    if unknown:
        found.append(Problem(where, "", f"unknown fields {unknown}"))
    name = field("unit", lambda v: check_text("unit", v))
    kind = field("kind", UnitKind.parse)
    head_name = field("head", lambda v: check_text("head", v))
    year = field("year", _parse_year)
    score = field("index_score", lambda v: _score("index_score", _blank_to_none(v)))
    parent_name = field("parent", lambda v: optional_text("parent", _blank_to_none(v)))
    parent_kind = field(
        "parent_kind",
        lambda v: None if _blank_to_none(v) is None else UnitKind.parse(v, "parent_kind"),
    )
    findings, finding_problems = _structure_findings(row.get("findings"), f"{where}.findings")
    found.extend(finding_problems)
    unit = None
    if name is not None and kind is not None:
        try:
            unit = _unit(name, kind, parent_name, parent_kind, known_parents)
        except CchcError as exc:
            found.append(Problem(where, "parent", str(exc)))
    if found or unit is None or head_name is None or year is None or score is None:
        return None, found
    return Assessment(Head(head_name, unit), year, score, findings), found


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
            f"parent kind of {parent_name!r} is unknown: add a row for it or a "
            "parent_kind column (DEPARTMENT or DISTRICT)"
        )
    return Unit(name, kind, Unit(parent_name, parent_kind))


def _blank_to_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


def _parse_year(value: Any) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError(f"year must be a whole number like 2019 (got {value!r})")
    if not 1900 <= value <= 2200:
        raise InvalidInputError(f"year must be between 1900 and 2200 (got {value})")
    return value


def read_rows(path: str | Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Rows and their locations from a CSV (UTF-8, with or without BOM) or a JSON
    list of objects. An unreadable file is an ``InvalidInputError``."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            f"{file} is not UTF-8 text ({exc.reason} at byte {exc.start})"
        ) from None
    except OSError as exc:
        raise InvalidInputError(f"cannot read {file}: {exc.strerror}") from None
    if file.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidInputError(f"{file} is not valid JSON: {exc}") from None
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise InvalidInputError(
                f"{file} must hold a JSON list of objects (got {type(data).__name__})"
            )
        return data, [f"$[{i}]" for i in range(len(data))]
    reader = csv.DictReader(_io.StringIO(text, newline=""))
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in ASSESSMENT_COLUMNS if c not in header]
    if missing:
        raise InvalidInputError(
            f"{file} must have the header {','.join(ASSESSMENT_COLUMNS)} "
            f"(missing {', '.join(missing)}; got {','.join(header) or 'nothing'})"
        )
    reader.fieldnames = header
    rows, where = [], []
    for row in reader:
        extra = row.pop(None, None)  # type: ignore[call-overload,unused-ignore]
        if extra:
            row[_EXTRA_CELLS] = "yes"
        rows.append(dict(row))
        where.append(f"row {reader.line_num}")
    return rows, where


def read_assessments(path: str | Path) -> list[Assessment]:
    """Every assessment in ``path``, or one ``InvalidInputError`` listing every bad
    row."""
    rows, where = read_rows(path)
    parsed = parse_assessment_rows(rows, where)
    if parsed.problems:
        raise InvalidInputError.collected(parsed.problems, str(path))
    return [a for a in parsed.assessments if a is not None]


# -- task reports ----------------------------------------------------------------------

_REPORT_FIELDS = [f.name for f in attrs.fields(TaskReport)]


def task_report_from_dict(data: Any, origin: str = "report") -> TaskReport:
    """A ``TaskReport`` from a JSON object, every bad field reported at once."""
    if not isinstance(data, Mapping):
        raise InvalidInputError(
            f"{origin} must be a JSON object with TaskReport's fields (got {type(data).__name__})"
        )
    problems = [
        Problem(origin, key, "is not a TaskReport field")
        for key in sorted(set(data) - set(_REPORT_FIELDS))
    ]
    if "assigned" not in data:
        problems.append(Problem(origin, "assigned", "is required"))
    for key in _REPORT_FIELDS:
        if key in data:
            parse = _to_percentage if key.endswith("_pct") else _to_count
            try:
                parse(key, data[key])
            except (CchcError, ValueError, TypeError) as exc:
                problems.append(Problem(origin, key, str(exc)))
    if problems:
        raise InvalidInputError.collected(problems, origin)
    return TaskReport(**{k: data[k] for k in _REPORT_FIELDS if k in data})


def read_task_report(path: str | Path) -> TaskReport:
    file = Path(path)
    try:
        data = json.loads(file.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise InvalidInputError(f"cannot read {file}: {exc.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInputError(f"{file} is not valid UTF-8 JSON: {exc}") from None
    return task_report_from_dict(data, str(file))


# -- writing ------------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"not JSON-serialisable: {type(value).__name__}")


def verdicts_to_json(items: Iterable[Verdict | Sequence[Problem]]) -> str:
    """A JSON list, one object per input row: a verdict, or the problems of a
    rejected row."""
    out = []
    for item in items:
        if isinstance(item, Verdict):
            out.append(item.to_dict())
        else:
            out.append({"rejected": True, "problems": [str(p) for p in item]})
    return json.dumps(out, ensure_ascii=False, indent=2, default=_jsonable)


CSV_COLUMNS = (
    "unit", "kind", "parent", "head", "year", "index_score", "findings", "base_grade",
    "grade", "grade_label_vi", "mitigated", "demotion", "unverified",
)  # fmt: skip


def verdicts_to_csv(verdicts: Sequence[Verdict]) -> str:
    buffer = _io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in records(verdicts):
        writer.writerow(row)
    return buffer.getvalue()
