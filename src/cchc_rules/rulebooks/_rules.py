"""What a rulebook's parameters become for the rules: the :class:`ParameterSet`
a rulebook holds (keyed by declaration), and the :class:`ResolvedRules` of one
evaluated year, with how a verdict cites each parameter (:class:`ParameterUse`).
A rule that asks for a parameter the rulebook lacks gets an error naming it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple, TypeVar

import attrs

from .._messages import Message
from ..errors import InvalidInputError, InvalidTypeError
from ..law import DatedParameter, DatedValue, Provenance, Source
from ._bands import Bands
from ._parameters import (
    FINDING_DEMOTION,
    GRADE_BANDS,
    INDEX_YEAR_OFFSET,
    MITIGATED_FINDING_DEMOTION,
    PARAMETERS,
    Parameter,
)

__all__ = [
    "ParameterSet",
    "ParameterUse",
    "ResolvedRules",
    "missing_parameters",
    "parameter_name",
    "resolved_rules",
]

T = TypeVar("T")


def missing_parameters(
    rulebook: str, names: Iterable[str], year: int | None = None
) -> InvalidInputError:
    """The error of a rule that needs parameters ``names`` a rulebook lacks."""
    listed = ", ".join(names)
    if year is None:
        return InvalidInputError(
            Message(
                "{rulebook} has no parameter {names}, which the rules need",
                rulebook=rulebook,
                names=listed,
            )
        )
    return InvalidInputError(
        Message(
            "{rulebook} has no parameter {names}, which the rules need for {year}",
            rulebook=rulebook,
            names=listed,
            year=year,
        )
    )


class ParameterSet(Mapping[Parameter[Any], DatedParameter[Any]]):
    """A rulebook's parameters: each declaration with its dated values, in the
    order of :data:`~cchc_rules.rulebooks.PARAMETERS` (then any unregistered
    declaration, as given). Immutable and hashable; ``ps[GRADE_BANDS]`` is typed
    by the declaration."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[Parameter[Any], DatedParameter[Any]]) -> None:
        def order(param: Parameter[Any]) -> int:
            position = PARAMETERS.position(param)
            return len(PARAMETERS) if position is None else position

        self._items: dict[Parameter[Any], DatedParameter[Any]] = {
            p: items[p] for p in sorted(items, key=order)
        }

    def __getitem__(self, param: Parameter[T]) -> DatedParameter[T]:
        return self._items[param]

    def __iter__(self) -> Iterator[Parameter[Any]]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ParameterSet):
            return NotImplemented
        return self._items == other._items

    def __repr__(self) -> str:
        return f"ParameterSet({', '.join(p.name for p in self._items)})"


class ParameterUse(NamedTuple):
    """A parameter as a verdict used it: name, value as text, and its source."""

    name: str
    value: str
    source: Source

    @property
    def provenance(self) -> Provenance:
        return self.source.provenance

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": self.value,
            "provenance": self.source.provenance.value,
            "source": self.source.to_dict(),
        }


class _Uses(dict[str, ParameterUse]):
    """``ResolvedRules.uses``: a missing name is an error that names it."""

    rulebook = ""
    year = 0

    def __missing__(self, name: str) -> ParameterUse:
        raise missing_parameters(self.rulebook, [name], self.year)


@attrs.frozen
class ResolvedRules:
    """A rulebook's parameters in force for one evaluated year (resolved at 31/12
    of that year), ready for the rules: ``rules[PARAM]`` is the value of a
    declared parameter, typed by its declaration; ``uses[name]`` how a verdict
    cites it. Asking for a parameter the rulebook lacks is an
    ``InvalidInputError`` naming it; :meth:`require` checks several at once.

    ``bands``, ``finding_demotion``, ``mitigated_finding_demotion`` and
    ``index_year_offset`` are the Decision 30/2018 parameters as attributes."""

    year: int
    rulebook: str
    values: Mapping[Parameter[Any], Any]
    uses: Mapping[str, ParameterUse]
    bands: Bands = attrs.field(init=False, eq=False, repr=False)
    finding_demotion: int = attrs.field(init=False, eq=False, repr=False)
    mitigated_finding_demotion: int = attrs.field(init=False, eq=False, repr=False)
    index_year_offset: int = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # Plain attributes for the hot path (no __getattr__ here: it would slow
        # every read); rules that lack one are _IncompleteRules, which say so.
        for attribute, param in _ATTRIBUTES.items():
            if param in self.values:
                object.__setattr__(self, attribute, self.values[param])

    def __getitem__(self, param: Parameter[T]) -> T:
        name = parameter_name(param)  # refuses what is not a declaration
        if param not in self.values:
            raise missing_parameters(self.rulebook, [name], self.year)
        value: T = self.values[param]
        return value

    def __contains__(self, param: object) -> bool:
        return isinstance(param, Parameter) and param in self.values

    def require(self, *params: Parameter[Any]) -> ResolvedRules:
        """These rules, if they hold every one of ``params`` (what a rule needs);
        otherwise an ``InvalidInputError`` naming each missing one."""
        names = [parameter_name(p) for p in params]
        missing = [n for p, n in zip(params, names, strict=True) if p not in self.values]
        if missing:
            raise missing_parameters(self.rulebook, missing, self.year)
        return self

    @property
    def unverified(self) -> frozenset[str]:
        return frozenset(n for n, u in self.uses.items() if u.source.unverified)


@attrs.frozen
class _IncompleteRules(ResolvedRules):
    """Resolved rules of a rulebook without some Decision 30/2018 parameter: reading
    its attribute is an error that names it."""

    def __getattr__(self, attribute: str) -> Any:
        param = _ATTRIBUTES.get(attribute)
        if param is None:
            raise AttributeError(attribute)
        raise missing_parameters(self.rulebook, [param.name], self.year)


_ATTRIBUTES: Mapping[str, Parameter[Any]] = {
    "bands": GRADE_BANDS,
    "finding_demotion": FINDING_DEMOTION,
    "mitigated_finding_demotion": MITIGATED_FINDING_DEMOTION,
    "index_year_offset": INDEX_YEAR_OFFSET,
}


def parameter_name(param: Any) -> str:
    """``param``'s name; an ``InvalidTypeError`` when it is not a declaration."""
    if not isinstance(param, Parameter):
        raise InvalidTypeError.for_field("parameter", "a Parameter", param)
    return param.name


def resolved_rules(
    year: int, rulebook: str, values: Mapping[Parameter[Any], DatedValue[Any]]
) -> ResolvedRules:
    """The rules of ``rulebook`` for ``year`` from the values in force, each cited
    in ``uses`` with the text its declaration shows."""
    uses = _Uses(
        (p.name, ParameterUse(p.name, p.text(v.value), v.source)) for p, v in values.items()
    )
    uses.rulebook, uses.year = rulebook, year
    complete = all(p in values for p in _ATTRIBUTES.values())
    kind = ResolvedRules if complete else _IncompleteRules
    return kind(year, rulebook, {p: v.value for p, v in values.items()}, uses)
