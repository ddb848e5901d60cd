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
from ..errors import CchcError, InvalidInputError, Problem
from ..grades import Grade
from ._assessments import ParsedRows, parse_assessment_rows
from ._rows import read_rows

__all__ = ["parse_published_rows", "read_published_grades"]


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
