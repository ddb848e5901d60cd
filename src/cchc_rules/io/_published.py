"""Published grade tables: the assessment columns plus ``published_grade``, read
to ``(assessment, published grade)`` pairs for
:func:`~cchc_rules.check_published_grades`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .._columns import ASSESSMENT_COLUMNS, PUBLISHED_GRADE
from .._messages import said
from ..assessment import Assessment
from ..errors import CchcError, Problem
from ..grades import Grade
from ._assessments import AssessmentParser, ParsedRows, opened, parent_kinds
from ._rows import every_item

__all__ = ["parse_published_rows", "read_published_grades"]


def parse_published_rows(
    rows: Sequence[Mapping[str, Any]], locations: Sequence[str]
) -> tuple[ParsedRows, tuple[Grade | None, ...]]:
    """Assessment rows with a ``published_grade`` column: the assessments (as
    :func:`parse_assessment_rows`) and the published grades, a row with a bad grade
    being rejected with its other problems."""
    parser = AssessmentParser(parent_kinds(rows))
    assessments: list[Assessment | None] = []
    problems: list[tuple[Problem, ...]] = []
    grades: list[Grade | None] = []
    for row, where in zip(rows, locations, strict=True):
        assessment, grade, found = _published_row(parser, row, where)
        assessments.append(assessment)
        grades.append(grade)
        problems.append(tuple(found))
    return ParsedRows(tuple(assessments), tuple(problems)), tuple(grades)


def _published_row(
    parser: AssessmentParser, row: Mapping[str, Any], where: str
) -> tuple[Assessment | None, Grade | None, list[Problem]]:
    """A published row's assessment (``None`` if it or its grade is bad), its
    published grade (``None`` if bad) and its problems, the grade's last."""
    rest = dict(row)
    value = rest.pop(PUBLISHED_GRADE, None)
    assessment, found = parser.parse(rest, where)
    try:
        return assessment, Grade.parse(value, PUBLISHED_GRADE), found
    except CchcError as exc:
        return None, None, [*found, Problem(where, PUBLISHED_GRADE, said(exc))]


def read_published_grades(
    path: str | Path, encoding: str | None = None
) -> list[tuple[Assessment, Grade]]:
    """``(assessment, published grade)`` pairs from a CSV or JSON table with the
    assessment columns plus ``published_grade`` (a grade name or its Vietnamese
    label), ready for :func:`~cchc_rules.check_published_grades`; or one
    ``InvalidInputError`` listing every bad row. Rows are read, validated and handed
    on one at a time, as :func:`~cchc_rules.io.read_assessments` reads them: a CSV
    is never held whole, and no pair is kept once a row is bad."""
    rows, parser = opened(path, encoding, (*ASSESSMENT_COLUMNS, PUBLISHED_GRADE))
    return every_item((_pair(parser, row, where) for row, where in rows), path)


def _pair(
    parser: AssessmentParser, row: Mapping[str, Any], where: str
) -> tuple[tuple[Assessment, Grade] | None, list[Problem]]:
    assessment, grade, found = _published_row(parser, row, where)
    if assessment is None or grade is None or found:
        return None, found
    return (assessment, grade), found
