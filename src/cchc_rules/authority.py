"""Who evaluates whom, as dated and cited data.

The administrative structure changed on 1/7/2025, so the answer to "who evaluates
this head?" depends on the evaluated year. :data:`AUTHORITY` holds one
:class:`Structure` per period, each with its validity and sources, as a
:class:`~cchc_rules.law.DatedParameter` (so periods can never overlap):

* **Decision 30/2018 structure** (9/10/2018 – 30/6/2025): the chairman of the city
  People's Committee evaluates the heads of departments (sở, ban, ngành) and of
  district People's Committees (UBND quận, huyện); those heads evaluate the heads
  of the bodies and units under them (verified: the city portal's report of the
  decision). Heads of communes are evaluated by the chairman of their district
  (**unverified**: communes are not named in the sources).
* **Two-tier structure** (from 1/7/2025): the city evaluates the heads of
  departments and of commune-level units (xã, phường, đặc khu), as Hải Phòng's
  2025 classification of heads, published 9/1/2026, shows; districts no longer
  exist. **Unverified** as to the instrument: none found that amends Decision
  30/2018, which names only sở and quận, huyện.

A year is read at 31/12: the 2025 assessment falls in the two-tier period.

>>> so_noi_vu = Unit("Sở Nội vụ", UnitKind.DEPARTMENT)
>>> phong = Unit("Phòng Cải cách hành chính", UnitKind.SUBORDINATE, parent=so_noi_vu)
>>> evaluator_for(so_noi_vu).role
<EvaluatorRole.CITY_CHAIRMAN: 'city_chairman'>
>>> evaluator_for(phong).unit.name
'Sở Nội vụ'
>>> ward = Unit("UBND phường Hồng Bàng", UnitKind.COMMUNE)
>>> ev = evaluator_for(ward, 2025)
>>> ev.role.name, ev.unit, ev.source.unverified
('CITY_CHAIRMAN', None, True)
>>> evaluator_for(Unit("UBND huyện Thủy Nguyên", UnitKind.DISTRICT), 2025)
Traceback (most recent call last):
...
cchc_rules.errors.OutOfRangeError: UBND huyện Thủy Nguyên: district-level units ceased \
on 1/7/2025 (year 2025)
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from datetime import date

import attrs

from ._messages import Message
from ._validate import require_year, typed
from .errors import InvalidInputError, InvalidTypeError, OutOfRangeError
from .law import DatedParameter, DatedValue, Provenance, Source
from .units import Unit, UnitKind

__all__ = [
    "AUTHORITY",
    "AuthorityRule",
    "Evaluator",
    "EvaluatorRole",
    "Structure",
    "evaluator_for",
    "fits_year",
    "require_unit",
    "structure_for",
]

DECISION_30_2018_NAME = "Quyết định 30/2018/QĐ-UBND (UBND thành phố Hải Phòng)"
REFORM_DAY = date(2025, 7, 1)
"""The two-tier local government takes effect (Law 72/2025/QH15)."""


class EvaluatorRole(enum.Enum):
    """Who evaluates a head."""

    CITY_CHAIRMAN = "city_chairman"
    """Chủ tịch UBND thành phố."""
    PARENT_UNIT_HEAD = "parent_unit_head"
    """The head of the parent unit (department or district)."""


@attrs.frozen
class Evaluator:
    """The answer to "who evaluates this head?": a role, the unit whose head acts
    (``None`` for the city chairman), and the source of the rule."""

    role: EvaluatorRole = attrs.field(validator=typed(EvaluatorRole))
    unit: Unit | None = attrs.field(validator=typed(Unit, optional=True))
    source: Source = attrs.field(validator=typed(Source))


@attrs.frozen
class AuthorityRule:
    """Heads of units of ``kind`` whose parent is one of ``parents`` (``None``: no
    parent) are evaluated by ``role``, per ``source``."""

    kind: UnitKind
    parents: frozenset[UnitKind | None]
    role: EvaluatorRole
    source: Source


@attrs.frozen
class Structure:
    """The administrative structure of one period: its ``rules`` of authority,
    and the kinds of unit that do not exist in it (``absent``, each with the
    reason, said as a :class:`~cchc_rules._messages.Message`)."""

    name: str
    rules: tuple[AuthorityRule, ...]
    absent: Mapping[UnitKind, str]

    def rule_for(self, kind: UnitKind, parent: UnitKind | None) -> AuthorityRule | None:
        for rule in self.rules:
            if rule.kind is kind and parent in rule.parents:
                return rule
        return None

    def parents_of(self, kind: UnitKind) -> frozenset[UnitKind | None]:
        found: set[UnitKind | None] = set()
        for rule in self.rules:
            if rule.kind is kind:
                found |= rule.parents
        return frozenset(found)


# -- the data --------------------------------------------------------------------------

_CHAIRMAN_RULE = Source(
    DECISION_30_2018_NAME,
    ref="hp-2019-decision-30-report",
    note="Chủ tịch UBND thành phố đánh giá người đứng đầu cấp Sở, UBND cấp huyện",
)
_PARENT_RULE = Source(
    DECISION_30_2018_NAME,
    ref="hp-2019-decision-30-report",
    note="người đứng đầu cấp Sở, UBND cấp huyện đánh giá người đứng đầu cơ quan, đơn vị "
    "thuộc và trực thuộc",
)
_COMMUNE_RULE = Source(
    DECISION_30_2018_NAME,
    ref="hp-2019-decision-30-report",
    provenance=Provenance.UNVERIFIED,
    note="communes are not named in the sources; by default the district chairman "
    "evaluates commune heads — confirm against the official text",
)
_CITY_2025_RULE = Source(
    "Kết quả Chỉ số CCHC và xếp loại người đứng đầu năm 2025 (UBND thành phố Hải Phòng)",
    ref="plo-2026-haiphong-cchc-2025",
    provenance=Provenance.UNVERIFIED,
    note="the city's 2025 classification of heads covers sở, ban, ngành and UBND xã, "
    "phường, đặc khu, evaluated by the city; the instrument that governs evaluations "
    "from 2025 is not known (none found amending Decision 30/2018)",
)
_PARENT_2025_RULE = Source(
    DECISION_30_2018_NAME,
    ref="hp-2019-decision-30-report",
    provenance=Provenance.UNVERIFIED,
    note="the Decision 30/2018 rule (the head of a department evaluates the heads of the "
    "units under it) assumed to continue after 1/7/2025; no later instrument found",
)
_DECISION_30_PERIOD = Source(
    DECISION_30_2018_NAME,
    ref="hp-2019-decision-30-report",
    note="three-tier structure: departments and districts under the city, communes "
    "under districts; ends with the district level on 30/6/2025",
)
_TWO_TIER_PERIOD = Source(
    "Luật Tổ chức chính quyền địa phương số 72/2025/QH15",
    ref="law-72-2025",
    note="two tiers from 1/7/2025: the province (city) and commune level (xã, phường, "
    "đặc khu); the district level abolished",
)

_DISTRICTS_CEASED = Message("district-level units ceased on 1/7/2025")
_NO_SPECIAL_ZONES = Message("special zones exist from 1/7/2025")
_CITY, _PARENT = EvaluatorRole.CITY_CHAIRMAN, EvaluatorRole.PARENT_UNIT_HEAD
_Row = tuple[UnitKind, tuple[UnitKind | None, ...], EvaluatorRole, Source]


def _structure(name: str, rows: tuple[_Row, ...], absent: Mapping[UnitKind, str]) -> Structure:
    """A structure from its table of rules, one row each: the heads of units of a
    kind, whose parent is one of the kinds given (``None``: no parent), are
    evaluated by a role, per a source."""
    return Structure(
        name,
        tuple(
            AuthorityRule(kind, frozenset(parents), role, src) for kind, parents, role, src in rows
        ),
        absent,
    )


DECISION_30_2018_STRUCTURE = _structure(
    "Decision 30/2018 (three tiers)",
    (
        (UnitKind.DEPARTMENT, (None,), _CITY, _CHAIRMAN_RULE),
        (UnitKind.DISTRICT, (None,), _CITY, _CHAIRMAN_RULE),
        (UnitKind.SUBORDINATE, (UnitKind.DEPARTMENT, UnitKind.DISTRICT), _PARENT, _PARENT_RULE),
        (UnitKind.COMMUNE, (UnitKind.DISTRICT,), _PARENT, _COMMUNE_RULE),
    ),
    {UnitKind.SPECIAL_ZONE: _NO_SPECIAL_ZONES},
)

TWO_TIER_STRUCTURE = _structure(
    "two tiers from 1/7/2025",
    (
        (UnitKind.DEPARTMENT, (None,), _CITY, _CITY_2025_RULE),
        (UnitKind.COMMUNE, (None,), _CITY, _CITY_2025_RULE),
        (UnitKind.SPECIAL_ZONE, (None,), _CITY, _CITY_2025_RULE),
        (UnitKind.SUBORDINATE, (UnitKind.DEPARTMENT,), _PARENT, _PARENT_2025_RULE),
    ),
    {UnitKind.DISTRICT: _DISTRICTS_CEASED},
)

AUTHORITY: DatedParameter[Structure] = DatedParameter(
    "authority",
    (
        DatedValue(
            DECISION_30_2018_STRUCTURE,
            date(2018, 10, 9),
            _DECISION_30_PERIOD,
            valid_until=date(2025, 6, 30),
        ),
        DatedValue(TWO_TIER_STRUCTURE, REFORM_DAY, _TWO_TIER_PERIOD),
    ),
)
"""Who evaluates whom, per period (see the module's docstring)."""


# -- the rules ---------------------------------------------------------------------------


def structure_for(year: int | None) -> Structure:
    """The structure in force for evaluated ``year`` (at 31/12); ``None`` gives the
    Decision 30/2018 structure. A year no period covers is an ``OutOfRangeError``."""
    if year is None:
        return AUTHORITY.values[0].value
    return _structure_in(require_year("year", year))


@functools.lru_cache(maxsize=512)
def _structure_in(year: int) -> Structure:
    try:
        return AUTHORITY.at(date(year, 12, 31)).value
    except OutOfRangeError:
        raise OutOfRangeError(
            Message(
                "no administrative structure is known for the year {year} (the first "
                "starts on {first})",
                year=year,
                first=AUTHORITY.values[0].valid_from.isoformat(),
            )
        ) from None


def _rule(unit: Unit, year: int | None) -> AuthorityRule:
    if not isinstance(unit, Unit):
        raise InvalidTypeError.for_field("unit", "a Unit", unit)
    structure = structure_for(year)
    parent = unit.parent.kind if unit.parent is not None else None
    rule = structure.rule_for(unit.kind, parent)
    if rule is not None:
        return rule
    when = "—" if year is None else year
    if unit.kind in structure.absent:
        raise OutOfRangeError(
            Message(
                "{unit}: {reason} (year {year})",
                unit=unit.name,
                reason=structure.absent[unit.kind],
                year=when,
            )
        )
    if unit.parent is not None and parent in structure.absent:
        raise OutOfRangeError(
            Message(
                "{unit}: its parent {parent}: {reason} (year {year})",
                unit=unit.name,
                parent=unit.parent.name,
                reason=structure.absent[unit.parent.kind],
                year=when,
            )
        )
    wanted = sorted("none" if k is None else k.name for k in structure.parents_of(unit.kind))
    raise InvalidInputError(
        Message(
            "{unit}: in the year {year} the parent of a {kind} must be {wanted} (got {got})",
            unit=unit.name,
            year=when,
            kind=unit.kind.name,
            wanted=" or ".join(wanted),
            got="none" if parent is None else parent.name,
        )
    )


def require_unit(unit: Unit, year: int | None) -> Unit:
    """``unit``, if it fits the structure in force for ``year``; else an error
    that says why: a district, or a unit under one, from 2025
    (``OutOfRangeError``); a special zone before 2025 (``OutOfRangeError``); a
    commune with no parent before 2025 (``InvalidInputError``).

    >>> require_unit(Unit("UBND xã An Lư", UnitKind.COMMUNE), 2019)
    Traceback (most recent call last):
    ...
    cchc_rules.errors.InvalidInputError: UBND xã An Lư: in the year 2019 the parent of \
a COMMUNE must be DISTRICT (got none)
    """
    if isinstance(unit, Unit) and (year is None or type(year) is int):
        parent = unit.parent.kind if unit.parent is not None else None
        if _fits(unit.kind, parent, year):
            return unit
    _rule(unit, year)  # raises, saying why
    return unit  # pragma: no cover - _rule raised


def fits_year(unit: Unit, year: int) -> bool:
    """Whether ``unit`` fits the structure of evaluated ``year`` (no error raised)."""
    parent = unit.parent.kind if unit.parent is not None else None
    return _fits(unit.kind, parent, year)


@functools.lru_cache(maxsize=256)
def _fits(kind: UnitKind, parent: UnitKind | None, year: int | None) -> bool:
    try:
        return structure_for(year).rule_for(kind, parent) is not None
    except OutOfRangeError:
        return False


def evaluator_for(unit: Unit, year: int | None = None) -> Evaluator:
    """Who evaluates the head of ``unit`` for evaluated ``year``, with the source
    of that rule. ``year=None`` answers under the Decision 30/2018 structure.

    >>> district = Unit("UBND quận Ngô Quyền", UnitKind.DISTRICT)
    >>> ward = Unit("UBND phường Máy Chai", UnitKind.COMMUNE, parent=district)
    >>> evaluator_for(ward).source.unverified
    True
    """
    rule = _rule(unit, year)
    if rule.role is EvaluatorRole.CITY_CHAIRMAN:
        return Evaluator(rule.role, None, rule.source)
    return Evaluator(rule.role, unit.parent, rule.source)
