"""Units, their heads, and who evaluates whom.

Decision 30/2018/QĐ-UBND (``seeds/003_ade9bd3203481e5e.txt``): the Chairman of the
city People's Committee evaluates the heads of city departments (sở, ban, ngành) and
of district People's Committees (UBND quận, huyện); those heads evaluate, each year,
the heads of the bodies and units under or directly under them.

>>> so_noi_vu = Unit("Sở Nội vụ", UnitKind.DEPARTMENT)
>>> phong = Unit("Phòng Cải cách hành chính", UnitKind.SUBORDINATE, parent=so_noi_vu)
>>> evaluator_for(so_noi_vu).role
<EvaluatorRole.CITY_CHAIRMAN: 'city_chairman'>
>>> evaluator_for(phong).unit.name
'Sở Nội vụ'
"""

from __future__ import annotations

import enum
import unicodedata
from datetime import date
from typing import Any

import attrs

from ._messages import Message, quoted
from ._validate import check_bool, check_date, check_text, typed
from .errors import InvalidInputError, InvalidTypeError
from .law import Provenance, Source

__all__ = ["Evaluator", "EvaluatorRole", "Head", "Unit", "UnitKind", "evaluator_for"]

SEED_003 = "seeds/003_ade9bd3203481e5e.txt"
DECISION_30_2018_NAME = "Quyết định 30/2018/QĐ-UBND (UBND thành phố Hải Phòng)"


class UnitKind(enum.Enum):
    """The kinds of unit whose heads answer for CCHC."""

    DEPARTMENT = "department"
    DISTRICT = "district"
    SUBORDINATE = "subordinate"
    COMMUNE = "commune"

    @property
    def label_vi(self) -> str:
        return _KIND_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _KIND_LABELS[self][1]

    @classmethod
    def parse(cls, value: Any, field: str = "kind") -> UnitKind:
        """A ``UnitKind`` from itself, its name ("DEPARTMENT", any case) or a
        Vietnamese label from :data:`KIND_ALIASES` ("Sở", "UBND xã"; any case, NFC
        or NFD).

        >>> UnitKind.parse("department"), UnitKind.parse("UBND phường")
        (<UnitKind.DEPARTMENT: 'department'>, <UnitKind.COMMUNE: 'commune'>)
        """
        if isinstance(value, UnitKind):
            return value
        if isinstance(value, str):
            key = value.strip().upper()
            if key in cls.__members__:
                return cls[key]
            found = _KIND_BY_KEY.get(_key(value))
            if found is not None:
                return found
        names = ", ".join(cls.__members__)
        raise InvalidInputError.for_field(
            field,
            Message("must be one of {names} or a label such as 'Sở' or 'UBND xã'", names=names),
            value,
        )


_KIND_LABELS = {
    UnitKind.DEPARTMENT: ("Sở, ban, ngành", "City department or agency"),
    UnitKind.DISTRICT: ("UBND quận, huyện", "District People's Committee"),
    UnitKind.SUBORDINATE: ("Cơ quan, đơn vị thuộc, trực thuộc", "Subordinate body or unit"),
    UnitKind.COMMUNE: ("UBND xã, phường, thị trấn", "Commune People's Committee"),
}

KIND_ALIASES: dict[UnitKind, tuple[str, ...]] = {
    UnitKind.DEPARTMENT: ("Sở", "Ban", "Ngành", "Sở, ban, ngành"),
    UnitKind.DISTRICT: (
        "UBND quận", "UBND huyện", "UBND thị xã", "UBND quận, huyện", "Quận", "Huyện",
        "Thị xã",
    ),
    UnitKind.SUBORDINATE: (
        "Phòng", "Chi cục", "Đơn vị trực thuộc", "Cơ quan, đơn vị thuộc, trực thuộc",
    ),
    UnitKind.COMMUNE: (
        "UBND xã", "UBND phường", "UBND thị trấn", "UBND xã, phường, thị trấn", "Xã", "Phường",
        "Thị trấn",
    ),
}  # fmt: skip
"""The Vietnamese kind labels :meth:`UnitKind.parse` reads (shown in
``docs/input-files.md``; a test checks the page shows this table)."""


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


_KIND_BY_KEY = {_key(alias): kind for kind, aliases in KIND_ALIASES.items() for alias in aliases}

_TOP_LEVEL = frozenset({UnitKind.DEPARTMENT, UnitKind.DISTRICT})
_ALLOWED_PARENTS = {
    UnitKind.SUBORDINATE: _TOP_LEVEL,
    UnitKind.COMMUNE: frozenset({UnitKind.DISTRICT}),
}


def _name(value: Any) -> str:
    return check_text("name", value)


def _kind(value: Any) -> UnitKind:
    return UnitKind.parse(value)


@attrs.frozen
class Unit:
    """A unit: departments and districts have no parent; a subordinate's parent is
    a department or district, a commune's parent a district."""

    name: str = attrs.field(converter=_name)
    kind: UnitKind = attrs.field(converter=_kind)
    parent: Unit | None = None

    def __attrs_post_init__(self) -> None:
        if self.parent is not None and not isinstance(self.parent, Unit):
            raise InvalidTypeError.for_field("parent", "a Unit or None", self.parent)
        if self.kind in _TOP_LEVEL:
            if self.parent is not None:
                raise InvalidInputError(
                    Message(
                        "parent of {kind} {name} must be empty: departments and districts "
                        "answer to the city (got {parent})",
                        kind=self.kind.name,
                        name=quoted(self.name),
                        parent=quoted(self.parent.name),
                    )
                )
            return
        allowed = _ALLOWED_PARENTS[self.kind]
        if self.parent is not None and self.parent.kind in allowed:
            return
        wanted: str = ""
        for kind_name in sorted(k.name for k in allowed):
            wanted = Message("{a} or {b}", a=wanted, b=kind_name) if wanted else kind_name
        if self.parent is None:
            raise InvalidInputError(
                Message(
                    "parent of {kind} {name} must be a {wanted} (got None)",
                    kind=self.kind.name,
                    name=quoted(self.name),
                    wanted=wanted,
                )
            )
        raise InvalidInputError(
            Message(
                "parent of {kind} {name} must be a {wanted} (got {parent_kind} {parent})",
                kind=self.kind.name,
                name=quoted(self.name),
                wanted=wanted,
                parent_kind=self.parent.kind.name,
                parent=quoted(self.parent.name),
            )
        )


def _unit(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Unit):
        raise InvalidTypeError.for_field(attribute.name, "a Unit", value)


def _optional_date(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        check_date(attribute.name, value)


@attrs.frozen
class Head:
    """The head (người đứng đầu) of a unit, optionally with a term in office and
    whether they are an acting head (người được giao phụ trách)."""

    name: str = attrs.field(converter=_name)
    unit: Unit = attrs.field(validator=_unit)
    term_start: date | None = attrs.field(default=None, validator=_optional_date, kw_only=True)
    term_end: date | None = attrs.field(default=None, validator=_optional_date, kw_only=True)
    acting: bool = attrs.field(
        default=False, validator=lambda _i, _a, v: check_bool("acting", v), kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if (
            self.term_start is not None
            and self.term_end is not None
            and self.term_end < self.term_start
        ):
            raise InvalidInputError(
                Message(
                    "term_end must not be before term_start (got {start} to {end})",
                    start=self.term_start.isoformat(),
                    end=self.term_end.isoformat(),
                )
            )

    def in_office_on(self, day: date) -> bool:
        """Whether ``day`` lies in the term (an open end counts as in office)."""
        check_date("day", day)
        return (self.term_start is None or self.term_start <= day) and (
            self.term_end is None or day <= self.term_end
        )


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


_CHAIRMAN_RULE = Source(
    DECISION_30_2018_NAME,
    location=SEED_003,
    note="Chủ tịch UBND thành phố đánh giá người đứng đầu cấp Sở, UBND cấp huyện",
)
_PARENT_RULE = Source(
    DECISION_30_2018_NAME,
    location=SEED_003,
    note="người đứng đầu cấp Sở, UBND cấp huyện đánh giá người đứng đầu cơ quan, đơn vị "
    "thuộc và trực thuộc",
)
_COMMUNE_RULE = Source(
    DECISION_30_2018_NAME,
    location=SEED_003,
    provenance=Provenance.UNVERIFIED,
    note="communes are not named in the sources; by default the district chairman "
    "evaluates commune heads (SPEC section 2) — confirm against the official text",
)


def evaluator_for(unit: Unit) -> Evaluator:
    """Who evaluates the head of ``unit``, with the source of that rule.

    >>> district = Unit("UBND quận Ngô Quyền", UnitKind.DISTRICT)
    >>> ward = Unit("UBND phường Máy Chai", UnitKind.COMMUNE, parent=district)
    >>> evaluator_for(ward).source.unverified
    True
    """
    if not isinstance(unit, Unit):
        raise InvalidTypeError.for_field("unit", "a Unit", unit)
    if unit.kind in _TOP_LEVEL:
        return Evaluator(EvaluatorRole.CITY_CHAIRMAN, None, _CHAIRMAN_RULE)
    rule = _COMMUNE_RULE if unit.kind is UnitKind.COMMUNE else _PARENT_RULE
    return Evaluator(EvaluatorRole.PARENT_UNIT_HEAD, unit.parent, rule)
