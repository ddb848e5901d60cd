"""What is graded: an :class:`Assessment` of a head for a year, the
:class:`Finding` s the head answers for, and the :class:`MitigationGrounds` that
may mitigate a finding (the city portal's report of Decision 30/2018,
bibliography ``hp-2019-decision-30-report``). Validated at the door; the rules
that grade them are in :mod:`cchc_rules.grading`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from ._validate import optional_text, require_bool, require_score, require_text, require_year
from .errors import InvalidInputError, InvalidTypeError
from .units import Head

__all__ = ["Assessment", "Finding", "MitigationGrounds"]


def _flag(name: str) -> Any:
    return attrs.field(default=False, validator=lambda _i, _a, v: require_bool(name, v))


def _cause(value: Any) -> str | None:
    return optional_text("objective_cause", value)


@attrs.frozen
class MitigationGrounds:
    """The grounds for mitigating a finding (``hp-2019-decision-30-report``): the
    head ``directed``, ``duties_fully_performed`` and ``preventive_measures_applied``
    — all three — or the cause is objective (``objective_cause`` describes it).

    >>> MitigationGrounds(directed=True, duties_fully_performed=True).applies
    False
    >>> MitigationGrounds(objective_cause="bão số 3").applies
    True
    """

    directed: bool = _flag("directed")
    duties_fully_performed: bool = _flag("duties_fully_performed")
    preventive_measures_applied: bool = _flag("preventive_measures_applied")
    objective_cause: str | None = attrs.field(default=None, converter=_cause)

    @property
    def all_duties_met(self) -> bool:
        return self.directed and self.duties_fully_performed and self.preventive_measures_applied

    @property
    def applies(self) -> bool:
        return self.all_duties_met or self.objective_cause is not None

    def missing(self) -> tuple[str, ...]:
        """The conditions of the first ground that do not hold."""
        return tuple(
            name
            for name in ("directed", "duties_fully_performed", "preventive_measures_applied")
            if not getattr(self, name)
        )

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


def _description(value: Any) -> str:
    return require_text("description", value)


def _grounds(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, MitigationGrounds):
        raise InvalidTypeError.for_field("mitigation", "MitigationGrounds or None", value)


@attrs.frozen
class Finding:
    """A violation or shortfall in the unit's CCHC work for which the head
    answers, with the grounds for mitigation if any were established."""

    description: str = attrs.field(converter=_description)
    mitigation: MitigationGrounds | None = attrs.field(default=None, validator=_grounds)

    @property
    def mitigated(self) -> bool:
        return self.mitigation is not None and self.mitigation.applies

    def to_dict(self) -> dict[str, Any]:
        """``description`` and ``mitigation`` (its grounds' :meth:`~MitigationGrounds.to_dict`
        or ``None``), JSON-ready."""
        mitigation = self.mitigation
        return {
            "description": self.description,
            "mitigation": None if mitigation is None else mitigation.to_dict(),
        }


def _index_score(value: Any) -> Decimal:
    return require_score("index_score", value)


def _year(value: Any) -> int:
    return require_year("year", value)


def _findings(value: Any) -> tuple[Finding, ...]:
    if isinstance(value, Finding | str) or not isinstance(value, Iterable):
        raise InvalidTypeError.for_field("findings", "a list of Finding", value)
    items = tuple(value)
    for i, item in enumerate(items):
        if not isinstance(item, Finding):
            raise InvalidTypeError.for_field(f"findings[{i}]", "a Finding", item)
    return items


def _head(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Head):
        raise InvalidTypeError.for_field("head", "a Head", value)


@attrs.frozen
class Assessment:
    """What is graded: a ``head``, the evaluated ``year``, the unit's annual CCHC
    ``index_score`` (0–100; ``int``, ``str``, ``Decimal``, or ``float`` read through
    ``str()``), and the ``findings`` the head answers for."""

    head: Head = attrs.field(validator=_head)
    year: int = attrs.field(converter=_year)
    index_score: Decimal = attrs.field(converter=_index_score)
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_findings)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready object with the keys of an assessment row (``unit, kind,
        parent, parent_kind, head, year, index_score, findings``); the score as
        decimal text. :meth:`from_dict` reads it back to an equal assessment."""
        unit = self.head.unit
        return {
            "unit": unit.name,
            "kind": unit.kind.name,
            "parent": unit.parent.name if unit.parent else None,
            "parent_kind": unit.parent.kind.name if unit.parent else None,
            "head": self.head.name,
            "year": self.year,
            "index_score": str(self.index_score),
            "findings": [f.to_dict() for f in self.findings],
        }

    @classmethod
    def from_dict(cls, data: Any, origin: str = "assessment") -> Assessment:
        """An assessment from one JSON object with the keys of an assessment row
        (as :meth:`to_dict` writes, or a service receives); ``parent_kind`` and
        ``findings`` are optional. Every bad or missing key is reported at once in
        one ``InvalidInputError``, located at ``origin``.

        >>> a = Assessment.from_dict({"unit": "Sở Nội vụ", "kind": "Sở", "head": "Giám đốc",
        ...                           "year": 2019, "index_score": "91,2"})
        >>> a.index_score, Assessment.from_dict(a.to_dict()) == a
        (Decimal('91.2'), True)
        >>> Assessment.from_dict({"unit": "Sở Nội vụ", "kind": "DEPARTMENT", "year": 2019})
        Traceback (most recent call last):
        ...
        cchc_rules.errors.InvalidInputError: assessment has 2 problems:
          assessment, head: is missing
          assessment, index_score: is missing
        """
        from .io import parse_assessment_rows  # io builds on this module

        origin = require_text("origin", origin)
        if not isinstance(data, Mapping):
            raise InvalidTypeError.for_field(origin, "an object (a dict)", data)
        parsed = parse_assessment_rows([data], [origin])
        found = parsed.assessments[0]
        if found is None:
            raise InvalidInputError.collected(parsed.problems, origin)
        return found
