"""The quick path for CSV assessment rows: a row is built straight from its list
of cells when every cell passes what the checked path
(:class:`~cchc_rules.io._assessments.AssessmentParser`) would check, using what
that path has already learnt from the file — the parsed value of each kind, year
and score cell, the parent units built, and which shapes of unit (its kind and its
parent's kind) the ``Unit`` constructor accepts. A row it cannot vouch for, for
any reason, goes to the checked path, which says what is wrong; so the quick path
changes how fast a row is read, never what is read or reported.

Validated values are assembled into ``Unit``, ``Head`` and ``Assessment`` without
running their converters again (each value is validated once);
``tests/property/test_io_assessments.py`` checks the results equal the public
constructors'.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from operator import itemgetter
from typing import Any
from unicodedata import is_normalized as normalized

from .._columns import ASSESSMENT_COLUMNS, ASSESSMENT_OPTIONAL
from ..assessment import Assessment, Finding
from ..authority import fits_year
from ..errors import CchcError
from ..units import Head, Unit, UnitKind
from ._fields import CELL_MEMO, Cells

__all__ = ["ASSESSMENT_FIELDS", "Memos", "quick_path", "valid_assessment", "valid_head"]

ASSESSMENT_FIELDS = frozenset({*ASSESSMENT_COLUMNS, *ASSESSMENT_OPTIONAL})
"""Every column an assessment table may have."""

_new = object.__new__


def _setters(cls: type, *names: str) -> tuple[Callable[[Any, Any], None], ...]:
    """The setters of the slots ``names`` of ``cls`` (an attrs class with slots),
    which set a field without its converters: a third quicker than
    ``object.__setattr__``."""
    return tuple(cls.__dict__[name].__set__ for name in names)


_unit_name, _unit_kind, _unit_parent = _setters(Unit, "name", "kind", "parent")
_head_name, _head_unit, _term_start, _term_end, _acting = _setters(
    Head, "name", "unit", "term_start", "term_end", "acting"
)
_of_head, _of_year, _of_score, _of_findings = _setters(
    Assessment, "head", "year", "index_score", "findings"
)
_COMMUNE, _DISTRICT = UnitKind.COMMUNE, UnitKind.DISTRICT  # (Enum's class attributes are slow)

Seen = tuple[Any, str | None]
"""What a cell memo holds for a cell: its parsed value and ``None``, or ``None`` and
the message saying why it was refused (:class:`~cchc_rules.io._fields.Cells`)."""


class Memos:
    """What the checked path knows of a file, which the quick path reads and adds
    to: the cell memos of kinds, parent kinds, years and scores, the units built
    (by their parsed name, kind, parent and given parent kind; for cells that make
    no unit, the message saying why), the parent units
    built, the parent kinds the file defines, and the unit shapes the ``Unit``
    constructor accepted (ids of the kind and of the parent's kind, ``id(None)``
    for none), each with the years its shape was found to fit or not."""

    __slots__ = (
        "kinds",
        "known_parents",
        "parent_kinds",
        "parents",
        "scores",
        "shapes",
        "units",
        "years",
    )

    def __init__(
        self,
        *,
        kinds: Cells,
        parent_kinds: Cells,
        years: Cells,
        scores: Cells,
        units: dict[tuple[Any, ...], Unit | str],
        parents: dict[tuple[str, int], Unit],
        known_parents: Mapping[str, UnitKind],
    ) -> None:
        self.kinds, self.parent_kinds, self.years, self.scores = kinds, parent_kinds, years, scores
        self.units, self.parents, self.known_parents = units, parents, known_parents
        self.shapes: dict[tuple[int, int], dict[int, bool]] = {}


def quick_path(
    header: Sequence[str], memos: Memos
) -> tuple[Callable[[list[str]], Assessment | None], Callable[[list[str], Head], None]]:
    """For CSV rows under ``header``: a function giving the assessment of a row
    whose every cell passes the checks (``None`` for any other row), and one to
    remember the head of a row the checked path found valid. Rows under unknown or
    repeated columns always take the checked path."""
    if len(set(header)) != len(header) or not set(header) <= ASSESSMENT_FIELDS:
        return (lambda _cells: None), (lambda _cells, _head: None)
    width = len(header)
    at = header.index
    at_unit, at_kind, at_parent, at_head = at("unit"), at("kind"), at("parent"), at("head")
    at_parent_kind = at("parent_kind") if "parent_kind" in header else None
    at_year, at_score = at("year"), at("index_score")
    at_findings = at("findings") if "findings" in header else None
    identity = itemgetter(
        at_unit,
        at_kind,
        at_parent,
        at_head,
        *(() if at_parent_kind is None else (at_parent_kind,)),
    )
    heads: dict[tuple[str, ...], Head] = {}  # by the row's unit and head cells
    kinds, parent_kinds = memos.kinds.seen, memos.parent_kinds.seen
    years, scores = memos.years.seen, memos.scores.seen
    units, parents, shapes, known = memos.units, memos.parents, memos.shapes, memos.known_parents

    def new_head(cells: list[str]) -> Head | None:
        """The head of a row whose unit and head cells were not seen together before,
        or ``None`` where the checked path must decide."""
        name, head_name = cells[at_unit].strip(), cells[at_head].strip()
        kind_seen = kinds.get(cells[at_kind]) or _learn(memos.kinds, cells[at_kind])
        if not (name and head_name and kind_seen and kind_seen[1] is None):
            return None
        if not (normalized("NFC", name) and normalized("NFC", head_name)):
            return None  # require_text would change it: the checked path builds it
        kind: UnitKind = kind_seen[0]
        given = None  # the parent kind the row gives, as the checked path reads it
        if at_parent_kind is not None and cells[at_parent_kind].strip():
            cell = cells[at_parent_kind]
            given_seen = parent_kinds.get(cell) or _learn(memos.parent_kinds, cell)
            if given_seen is None or given_seen[1] is not None:
                return None
            given = given_seen[0]
        parent_name = cells[at_parent].strip() or None
        if parent_name is not None and not normalized("NFC", parent_name):
            return None
        key = (name, id(kind), parent_name, id(given))
        built = units.get(key)
        if built is not None:
            if not isinstance(built, Unit):
                return None  # the checked path says why
            unit = built
        else:
            parent = None
            if parent_name is not None:
                parent_kind = given or (_DISTRICT if kind is _COMMUNE else known.get(parent_name))
                if parent_kind is None:
                    return None
                parent = parents.get((parent_name, id(parent_kind)))
                if parent is None:
                    parent = _checked_unit(parent_name, parent_kind, None)
                    if parent is None:
                        return None
                    if len(parents) < CELL_MEMO:
                        parents[(parent_name, id(parent_kind))] = parent
            fitting = shapes.get((id(kind), id(None if parent is None else parent.kind)))
            if fitting is not None:
                unit = valid_unit(name, kind, parent)
            else:  # the first unit of its shape is built by the constructor, which checks it
                checked = _checked_unit(name, kind, parent)
                if checked is None:
                    return None
                unit = checked
                shapes[(id(kind), id(None if parent is None else parent.kind))] = {}
            if len(units) < CELL_MEMO:
                units[key] = unit
        return valid_head(head_name, unit)

    def fast(cells: list[str]) -> Assessment | None:
        if len(cells) != width or (at_findings is not None and cells[at_findings].strip()):
            return None
        year = years.get(cells[at_year]) or _learn(memos.years, cells[at_year])
        score = scores.get(cells[at_score]) or _learn(memos.scores, cells[at_score])
        if year is None or score is None or year[1] is not None or score[1] is not None:
            return None
        key = identity(cells)
        head = heads.get(key)
        if head is None:
            head = new_head(cells)
            if head is None:
                return None
            if len(heads) < CELL_MEMO:
                heads[key] = head
        unit = head.unit
        parent = unit.parent
        shape = (id(unit.kind), id(None if parent is None else parent.kind))
        fitting = shapes.get(shape)
        if fitting is None:  # a unit the checked path built: its shape is one Unit accepts
            fitting = shapes[shape] = {}
        fits = fitting.get(year[0])
        if fits is None:
            fits = fitting[year[0]] = fits_year(unit, year[0])
        if not fits:
            return None  # the checked path says why (no district from 2025)
        return valid_assessment(head, year[0], score[0], ())

    def remember(cells: list[str], head: Head) -> None:
        unit = head.unit
        parent = unit.parent
        shapes.setdefault((id(unit.kind), id(None if parent is None else parent.kind)), {})
        # A short row can be valid (a missing optional cell is blank) but is
        # never served by the quick path, which needs every cell.
        if len(cells) == width and len(heads) < CELL_MEMO:
            heads[identity(cells)] = head

    return fast, remember


def _learn(memo: Cells, cell: str) -> Seen | None:
    """What ``memo`` holds for ``cell`` once it has parsed it (``None`` when the memo
    is full)."""
    with contextlib.suppress(CchcError, ValueError, TypeError):  # it keeps the message
        memo(cell)
    return memo.seen.get(cell)


def _checked_unit(name: str, kind: UnitKind, parent: Unit | None) -> Unit | None:
    """``Unit(name, kind, parent)``, or ``None`` if the constructor refuses it (the
    checked path then says why)."""
    try:
        return Unit(name, kind, parent)
    except CchcError:
        return None


def valid_unit(name: str, kind: UnitKind, parent: Unit | None) -> Unit:
    """``Unit(name, kind, parent)`` for a name checked as ``Unit`` checks it and a
    shape (kind, parent's kind) the constructor has accepted."""
    unit: Unit = _new(Unit)
    _unit_name(unit, name)
    _unit_kind(unit, kind)
    _unit_parent(unit, parent)
    return unit


def valid_head(name: str, unit: Unit) -> Head:
    """``Head(name, unit)`` for a name checked as ``Head`` checks it (no term, not
    acting)."""
    head: Head = _new(Head)
    _head_name(head, name)
    _head_unit(head, unit)
    _term_start(head, None)
    _term_end(head, None)
    _acting(head, False)
    return head


def valid_assessment(
    head: Head, year: int, score: Decimal, findings: tuple[Finding, ...]
) -> Assessment:
    """``Assessment(head, year, score, findings)`` from values validated exactly as
    ``Assessment``'s converters would."""
    assessment: Assessment = _new(Assessment)
    _of_head(assessment, head)
    _of_year(assessment, year)
    _of_score(assessment, score)
    _of_findings(assessment, findings)
    return assessment
