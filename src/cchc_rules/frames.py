"""Grading and checking published grades over pandas DataFrames (extra ``pandas``:
``pip install 'cchc-rules[pandas]'``; pandas is imported only when a function here
is called).

The input's columns are kept as they are and typed result columns are added. A bad
row keeps its place: its result cells are empty and its ``error`` cell says every
problem found in it; nothing is dropped. Cells are read as pandas holds them:
``NaN``, ``None`` and ``pd.NA`` are empty cells, numpy numbers are numbers (a year
read as ``2019.0`` because its column has an empty cell is 2019), and headers may
be Vietnamese (see ``docs/input-files.md``).

>>> import pandas as pd
>>> from cchc_rules.frames import check_grades_frame
>>> out = check_grades_frame(pd.read_csv("docs/examples/published_2019.csv"), lang="en")
>>> for row in out[out["differs"]].itertuples():
...     print(row.unit, "|", row.published_grade, "|", row.grade, "|", row.brief)
Sở Tư pháp | Hoàn thành xuất sắc nhiệm vụ | GOOD | base grade: index_score 89.95 → GOOD; \
final grade: GOOD
"""

from __future__ import annotations

import datetime as dt
import importlib
import math
from collections.abc import Sequence
from typing import Any

from ._columns import canonical_header
from ._messages import DEFAULT_LANG, Lang, Message, localize
from .errors import CchcError, InvalidInputError, InvalidTypeError, Problem, require_lang
from .grades import Grade
from .grading import Verdict, grade_head
from .io import ParsedRows, parse_assessment_rows, parse_published_rows
from .rulebooks import DECISION_30_2018, Rulebook

__all__ = ["RESULT_COLUMNS", "check_grades_frame", "grade_frame"]

RESULT_COLUMNS = (
    "base_grade", "grade", "grade_label_vi", "mitigated", "demotion", "unverified", "brief",
    "error",
)  # fmt: skip
"""The columns :func:`grade_frame` adds; :func:`check_grades_frame` adds
``published`` and ``differs`` too."""

_GRADES = [g.name for g in sorted(Grade)]  # lowest first, so the categorical sorts


def _pandas() -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError:
        raise CchcError(
            Message(
                "cchc_rules.frames needs pandas: install it with pip install 'cchc-rules[pandas]'"
            )
        ) from None


def grade_frame(
    df: Any, rulebook: Rulebook = DECISION_30_2018, *, lang: str = DEFAULT_LANG
) -> Any:
    """``df`` (columns ``unit, kind, parent, head, year, index_score``, optionally
    ``parent_kind`` and ``findings``, in English or Vietnamese) with the verdict of
    each row added: ``base_grade`` and ``grade`` (ordered categoricals, EXCELLENT
    highest), ``grade_label_vi``, ``mitigated`` (boolean), ``demotion`` (Int64),
    ``unverified``, ``brief`` (the trace in one line) and ``error`` (in ``lang``;
    empty for a graded row). Columns the input has besides those are kept and
    ignored."""
    pd = _pandas()
    said_in = require_lang(lang)
    rows, where = _rows(pd, df, ())
    parsed = parse_assessment_rows(rows, where)
    verdicts, errors = _grade(parsed, where, rulebook, said_in)
    return _with_results(pd, df, verdicts, errors, said_in)


def check_grades_frame(
    df: Any, rulebook: Rulebook = DECISION_30_2018, *, lang: str = DEFAULT_LANG
) -> Any:
    """:func:`grade_frame` for a published table: ``df`` has a ``published_grade``
    column too (a grade name or its Vietnamese label). Adds ``published`` (the
    published grade, read) and ``differs`` (boolean: the published grade is not the
    one the rulebook gives; empty for a rejected row), so ``out[out["differs"]]`` is
    every published grade to look at."""
    pd = _pandas()
    said_in = require_lang(lang)
    rows, where = _rows(pd, df, ("published_grade",))
    parsed, published = parse_published_rows(rows, where)
    verdicts, errors = _grade(parsed, where, rulebook, said_in)
    out = _with_results(pd, df, verdicts, errors, said_in)
    out["published"] = pd.Categorical(
        [g.name if g is not None else None for g in published], categories=_GRADES, ordered=True
    )
    out["differs"] = pd.array(
        [
            None if v is None or g is None else v.grade is not g
            for v, g in zip(verdicts, published, strict=True)
        ],
        dtype="boolean",
    )
    return out


def _rows(pd: Any, df: Any, extra: Sequence[str]) -> tuple[list[dict[str, Any]], list[str]]:
    if not isinstance(df, pd.DataFrame):
        raise InvalidTypeError.for_field("df", "a pandas DataFrame", df)
    header = canonical_header([str(c) for c in df.columns], "df")
    required = ("unit", "kind", "head", "year", "index_score", *extra)
    missing = [c for c in required if c not in header]
    if missing:
        raise InvalidInputError(
            Message(
                "{file} must have the columns {header} (missing {missing}; got {got})",
                file="df",
                header=", ".join(required),
                missing=", ".join(missing),
                got=", ".join(map(str, df.columns)),
            )
        )
    clash = [c for c in (*RESULT_COLUMNS, "published", "differs") if c in header]
    if clash:
        raise InvalidInputError(
            Message(
                "df already has the result columns {names}; rename or drop them first",
                names=", ".join(clash),
            )
        )
    known = {"unit", "kind", "parent", "parent_kind", "head", "year", "index_score",
             "findings", *extra}  # fmt: skip
    wanted = [(i, name) for i, name in enumerate(header) if name in known]
    rows = []
    for values in df.itertuples(index=False, name=None):
        rows.append({name: frame_cell(values[i], name) for i, name in wanted})
    where: list[str] = [Message("index {label}", label=repr(label)) for label in df.index]
    return rows, where


def frame_cell(value: Any, name: str) -> Any:
    """A pandas cell as the readers take it: ``NaN``, ``pd.NA``, ``pd.NaT`` and
    ``None`` are empty; a float year with nothing after the point is an int (an int
    column with an empty cell is read as float); a Timestamp at midnight is a day."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if name == "year" and isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0) and value.tzinfo is None:
        return value.date()
    return value


def _grade(
    parsed: ParsedRows, where: Sequence[str], rulebook: Rulebook, lang: str
) -> tuple[list[Verdict | None], list[str | None]]:
    verdicts: list[Verdict | None] = []
    errors: list[str | None] = []
    for assessment, problems, location in zip(
        parsed.assessments, parsed.row_problems, where, strict=True
    ):
        found = list(problems)
        verdict = None
        if assessment is not None:
            try:
                verdict = grade_head(assessment, rulebook)
            except CchcError as exc:
                found.append(Problem(location, "year", exc.args[0]))
        verdicts.append(verdict)
        errors.append(_error_text(found, lang) if found else None)
    return verdicts, errors


def _error_text(problems: Sequence[Problem], lang: str) -> str:
    return "; ".join(
        f"{p.field}: {localize(p.message, lang)}" if p.field else localize(p.message, lang)
        for p in problems
    )


def _with_results(
    pd: Any,
    df: Any,
    verdicts: Sequence[Verdict | None],
    errors: Sequence[str | None],
    lang: Lang,
) -> Any:
    out = df.copy()

    def grades(pick: Any) -> Any:
        return pd.Categorical(
            [None if v is None else pick(v).name for v in verdicts],
            categories=_GRADES,
            ordered=True,
        )

    out["base_grade"] = grades(lambda v: v.base_grade)
    out["grade"] = grades(lambda v: v.grade)
    out["grade_label_vi"] = pd.array(
        [None if v is None else v.grade.label_vi for v in verdicts], dtype="string"
    )
    out["mitigated"] = pd.array(
        [None if v is None else v.mitigated for v in verdicts], dtype="boolean"
    )
    out["demotion"] = pd.array(
        [None if v is None else v.demotion for v in verdicts], dtype="Int64"
    )
    out["unverified"] = pd.array(
        [None if v is None else ", ".join(v.unverified) for v in verdicts], dtype="string"
    )
    out["brief"] = pd.array(
        [None if v is None else v.brief(lang) for v in verdicts],
        dtype="string",
    )
    out["error"] = pd.array(list(errors), dtype="string")
    return out
