"""Units and their heads, in both periods of local government.

Until 30/6/2025 local government had three tiers: the city, districts (UBND quận,
huyện) and communes (UBND xã, phường, thị trấn) under them. From 1/7/2025 it has
two: the city and commune-level units (xã, phường, đặc khu), the districts being
abolished (Law 72/2025/QH15; bibliography ``law-72-2025``).

**Design: a unit does not carry its period; the year is passed where it
matters.** ``Unit(name, kind, parent=None)`` checks only what holds in *some*
period: departments, districts and special zones have no parent; a subordinate's
parent is a department or district; a commune's parent is a district (the
structure before 1/7/2025) or nothing (the structure since). Whether a unit fits
the structure of a given *year* is asked with the year:
:func:`~cchc_rules.authority.require_unit`, :func:`~cchc_rules.authority.evaluator_for`
and :func:`~cchc_rules.grading.grade_head` do, using the dated authority table of
:mod:`cchc_rules.authority`. So the same ``Unit`` value can be used across years,
and a 2019 commune under its district stays valid data after the reform.

>>> so_noi_vu = Unit("Sở Nội vụ", UnitKind.DEPARTMENT)
>>> phong = Unit("Phòng Cải cách hành chính", UnitKind.SUBORDINATE, parent=so_noi_vu)
>>> phong.parent.name
'Sở Nội vụ'
>>> Unit("UBND đặc khu Cát Hải", UnitKind.SPECIAL_ZONE).parent is None
True
"""

from __future__ import annotations

import enum
import unicodedata
from datetime import date
from typing import Any

import attrs

from ._messages import Labelled, Message, name_members, quoted
from ._validate import require_bool, require_date, require_text
from .errors import InvalidInputError, InvalidTypeError

__all__ = ["Head", "Unit", "UnitKind"]


class UnitKind(Labelled, enum.Enum):
    """The kinds of unit whose heads answer for CCHC."""

    DEPARTMENT = "department"
    DISTRICT = "district"
    SUBORDINATE = "subordinate"
    COMMUNE = "commune"
    SPECIAL_ZONE = "special_zone"

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


name_members(
    {
        UnitKind.DEPARTMENT: Message("City department or agency"),
        UnitKind.DISTRICT: Message("District People's Committee"),
        UnitKind.SUBORDINATE: Message("Subordinate body or unit"),
        UnitKind.COMMUNE: Message("Commune People's Committee"),
        UnitKind.SPECIAL_ZONE: Message("Special zone People's Committee"),
    }
)

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
    UnitKind.SPECIAL_ZONE: ("UBND đặc khu", "Đặc khu"),
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
_PARENT_OPTIONAL = frozenset({UnitKind.COMMUNE})
"""Kinds whose parent depends on the period: a commune had a district until
30/6/2025 and has none since."""


def _name(value: Any) -> str:
    return require_text("name", value)


def _kind(value: Any) -> UnitKind:
    return UnitKind.parse(value)


@attrs.frozen
class Unit:
    """A unit: departments, districts and special zones have no parent; a
    subordinate's parent is a department or district; a commune's parent is a
    district (before 1/7/2025) or none (from 1/7/2025).

    Which period a unit belongs to is checked with the year
    (:func:`cchc_rules.authority.require_unit`), not stored in the unit.
    """

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
        if self.kind is UnitKind.SPECIAL_ZONE:
            if self.parent is not None:
                raise InvalidInputError(
                    Message(
                        "parent of {kind} {name} must be empty: special zones answer to the "
                        "city (got {parent})",
                        kind=self.kind.name,
                        name=quoted(self.name),
                        parent=quoted(self.parent.name),
                    )
                )
            return
        if self.parent is None and self.kind in _PARENT_OPTIONAL:
            return  # a commune since 1/7/2025; require_unit(unit, year) says for which years
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
        require_date(attribute.name, value)


@attrs.frozen
class Head:
    """The head (người đứng đầu) of a unit, optionally with a term in office and
    whether they are an acting head (người được giao phụ trách)."""

    name: str = attrs.field(converter=_name)
    unit: Unit = attrs.field(validator=_unit)
    term_start: date | None = attrs.field(default=None, validator=_optional_date, kw_only=True)
    term_end: date | None = attrs.field(default=None, validator=_optional_date, kw_only=True)
    acting: bool = attrs.field(
        default=False, validator=lambda _i, _a, v: require_bool("acting", v), kw_only=True
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
        require_date("day", day)
        return (self.term_start is None or self.term_start <= day) and (
            self.term_end is None or day <= self.term_end
        )
