"""Rulebook parameters, each declared once.

A :class:`Parameter` says a parameter's name, what it means, the type of its value
and how that value is validated, read and written: from and to a TOML/JSON entry,
a CSV ``value`` cell, the text a verdict's trace shows, and the JSON Schema of an
entry. The rulebook model, reader and writer, the CSV layout, the trace, the
schema (:func:`~cchc_rules.rulebooks.rulebook_schema`) and the hypothesis
strategies all walk the declarations; adding a parameter means adding one.

The declarations a rulebook file may use are those registered in
:data:`PARAMETERS`: the five of Decision 30/2018, here, and any a province's code
registers with :meth:`Declarations.register`. A rulebook holds any of them; the
rules say which they need.

>>> [p.name for p in PARAMETERS]
['grade_levels', 'grade_bands', 'finding_demotion', 'mitigated_finding_demotion', \
'index_year_offset']
>>> FINDING_DEMOTION.read({"value": 1})
1
>>> GRADE_BANDS.read_cell("excellent=90; good=80; completed=70")
{'excellent': '90', 'good': '80', 'completed': '70'}
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, Generic, TypeVar

import attrs

from .._messages import Message, quoted
from .._validate import require_iterable, require_text
from ..errors import InvalidInputError, InvalidTypeError
from ..grades import Grade
from ..law import DatedParameter
from ._bands import BAND_NAMES, LEVELS, Bands

__all__ = [
    "BUILT_IN",
    "FINDING_DEMOTION",
    "GRADE_BANDS",
    "GRADE_LEVELS",
    "INDEX_YEAR_OFFSET",
    "MITIGATED_FINDING_DEMOTION",
    "PARAMETERS",
    "PARAMETER_BY_NAME",
    "Declarations",
    "Parameter",
    "declared",
    "registered",
    "relation_problems",
    "whole_number",
]

T = TypeVar("T")

_BAND = re.compile(r"\s*(?P<name>[A-Za-z_]+)\s*(?:=|>=|≥|:)\s*(?P<value>.*?)\s*")
_WHOLE = re.compile(r"\s*[+-]?\d+\s*")


@attrs.frozen(eq=False, repr=False)  # one declaration is one parameter: identity
class Parameter(Generic[T]):
    """One parameter's declaration; its values are of type ``T``.

    ``read`` turns a TOML/JSON entry (its value fields) into the value, raising a
    ``CchcError`` that says what is wrong; ``write`` gives the entry's value fields
    back; ``read_cell`` turns a CSV ``value`` cell into those fields (raising when
    the cell cannot be read at all); ``write_cell`` does the reverse; ``text`` is
    the value as a verdict's trace shows it; ``check`` refuses a value built by
    hand that is not of the kind the rules use (naming the parameter); ``schema``
    the JSON Schema properties of the value fields; ``examples`` a few valid
    values; ``low``/``high`` bound a whole number; ``not_above`` names a parameter
    this one must never exceed on a day both are in force.
    """

    name: str = attrs.field(validator=lambda _i, a, v: require_text(a.name, v))
    meaning: str
    type: str
    read: Callable[[Mapping[str, Any]], T]
    write: Callable[[T], dict[str, Any]]
    read_cell: Callable[[str], dict[str, Any]]
    write_cell: Callable[[Mapping[str, Any]], str]
    text: Callable[[T], str]
    check: Callable[[Any], None]
    schema: Mapping[str, Any]
    examples: tuple[T, ...]
    low: int | None = None
    high: int | None = None
    not_above: str | None = None

    def __repr__(self) -> str:
        return f"Parameter({self.name!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled as a reference to the registered declaration (one per name)
        return (registered, (self.name,))


# -- grade levels ---------------------------------------------------------------------


def _read_levels(entry: Mapping[str, Any]) -> tuple[Grade, ...]:
    value = entry.get("value")
    if not isinstance(value, list):
        raise InvalidInputError(
            Message("value must be a list of grade names (got {value})", value=quoted(value))
        )
    levels = tuple(Grade.parse(v, "value") for v in value)
    if levels != LEVELS:
        raise InvalidInputError(
            Message(
                "value must list the four levels from highest to lowest, {levels} (got {value})",
                levels=[g.name for g in LEVELS],
                value=quoted(value),
            )
        )
    return levels


def _check_levels(value: Any) -> None:
    if value != LEVELS:
        raise InvalidInputError.for_field(
            "grade_levels",
            Message(
                "must list the four levels from highest to lowest, {levels}",
                levels=[g.name for g in LEVELS],
            ),
            value,
        )


GRADE_LEVELS: Parameter[tuple[Grade, ...]] = Parameter(
    "grade_levels",
    "the grade levels, highest first",
    "grade levels",
    _read_levels,
    lambda levels: {"value": [g.name for g in levels]},
    lambda cell: {"value": [part.strip() for part in re.split(r"[>;,]", cell) if part.strip()]},
    lambda entry: " > ".join(entry["value"]),
    lambda levels: " > ".join(g.name for g in levels),
    _check_levels,
    {"value": {"type": "array", "items": {"enum": [g.name for g in LEVELS]}}},
    (LEVELS,),
)


# -- bands --------------------------------------------------------------------------------


def _read_band_cell(cell: str) -> dict[str, Any]:
    found: dict[str, str] = {}
    for part in cell.split(";"):
        match = _BAND.fullmatch(part)
        name = match["name"].lower() if match else ""
        if not match or name not in BAND_NAMES or name in found:
            found = {}
            break
        found[name] = match["value"]
    if set(found) != set(BAND_NAMES):
        raise InvalidInputError(
            Message("must read excellent=…; good=…; completed=… (got {value})", value=quoted(cell))
        )
    return found


def _check_bands(value: Any) -> None:
    if not isinstance(value, Bands):
        raise InvalidTypeError.for_field("grade_bands", "Bands", value)


_DECIMAL_TEXT = {"type": ["string", "number"]}

GRADE_BANDS: Parameter[Bands] = Parameter(
    "grade_bands",
    "lower bounds on the annual CCHC index (0–100) for each grade, 'từ X trở lên' as >= X",
    "bands",
    lambda e: Bands(e.get("excellent"), e.get("good"), e.get("completed")),
    lambda b: {"excellent": str(b.excellent), "good": str(b.good), "completed": str(b.completed)},
    _read_band_cell,
    lambda entry: "; ".join(f"{b}={entry[b]}" for b in BAND_NAMES),
    lambda bands: bands.describe(),
    _check_bands,
    dict.fromkeys(BAND_NAMES, _DECIMAL_TEXT),
    (Bands(90, 80, 70), Bands(80, 70, 50), Bands("87.5", "62.25", 0)),
)


# -- whole numbers ------------------------------------------------------------------------


def whole_number(
    name: str, meaning: str, low: int, high: int, *, not_above: str | None = None
) -> Parameter[int]:
    """The declaration of a whole-number parameter from ``low`` to ``high``
    (inclusive): everything a rulebook needs to read, write, check, show and draw
    it. ``not_above`` names a parameter it must never exceed.

    >>> days = whole_number("review_days", "days a unit has to answer a finding", 0, 30)
    >>> days.read({"value": 10}), days.write_cell({"value": 10}), days.schema["value"]
    (10, '10', {'type': 'integer', 'minimum': 0, 'maximum': 30})
    """

    def read(entry: Mapping[str, Any]) -> int:
        value = entry.get("value")
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise InvalidInputError(
                Message(
                    "value must be a whole number from {low} to {high} (got {value})",
                    low=low,
                    high=high,
                    value=quoted(value),
                )
            )
        return value

    def check(value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise InvalidInputError.for_field(
                name,
                Message("must be a whole number from {low} to {high}", low=low, high=high),
                value,
            )

    return Parameter(
        name,
        meaning,
        "whole number",
        read,
        lambda value: {"value": value},
        lambda cell: {"value": int(cell) if _WHOLE.fullmatch(cell) else cell},
        lambda entry: str(entry["value"]),
        str,
        check,
        {"value": {"type": "integer", "minimum": low, "maximum": high}},
        tuple(sorted({low, high})),
        low,
        high,
        not_above,
    )


FINDING_DEMOTION = whole_number(
    "finding_demotion",
    "levels each responsibility finding lowers the grade by",
    0,
    3,
)
MITIGATED_FINDING_DEMOTION = whole_number(
    "mitigated_finding_demotion",
    "levels a mitigated finding lowers the grade by (never more than finding_demotion: "
    "mitigation never makes the outcome worse)",
    0,
    3,
    not_above="finding_demotion",
)
INDEX_YEAR_OFFSET = whole_number(
    "index_year_offset",
    "which year's CCHC index is used, relative to the evaluated year (0: the same year)",
    -5,
    0,
)

BUILT_IN: tuple[Parameter[Any], ...] = (
    GRADE_LEVELS,
    GRADE_BANDS,
    FINDING_DEMOTION,
    MITIGATED_FINDING_DEMOTION,
    INDEX_YEAR_OFFSET,
)
"""The parameters of Decision 30/2018, in the order files and traces list them
(and ``Rulebook(...)`` takes them by position)."""


class Declarations:
    """The declared parameters a rulebook file may use, in the order files and
    traces list them: the built-in ones, then those registered, in the order
    they were."""

    def __init__(self, declared: Iterable[Parameter[Any]]) -> None:
        self._by_name: dict[str, Parameter[Any]] = {}
        self.by_name: Mapping[str, Parameter[Any]] = MappingProxyType(self._by_name)
        """The declarations by name (a live, read-only view)."""
        for param in declared:
            self.register(param)

    def register(self, param: Parameter[T]) -> Parameter[T]:
        """Declare ``param`` to every reader, writer, schema and strategy; returns it,
        so a declaration can be written ``X = PARAMETERS.register(whole_number(...))``.
        A name already taken by another declaration is an ``InvalidInputError``."""
        if not isinstance(param, Parameter):
            raise InvalidTypeError.for_field("param", "a Parameter", param)
        taken = self._by_name.get(param.name)
        if taken is not None and taken is not param:
            raise InvalidInputError(
                Message("a parameter named {name} is already declared", name=param.name)
            )
        self._by_name[param.name] = param
        return param

    def unregister(self, param: Parameter[Any]) -> None:
        """Withdraw a registered declaration (a test's own, say); a built-in one
        stays."""
        if param not in BUILT_IN and self._by_name.get(param.name) is param:
            del self._by_name[param.name]

    def position(self, param: Parameter[Any]) -> int | None:
        """Where ``param`` comes in the order, or ``None`` if it is not registered."""
        for i, known in enumerate(self._by_name.values()):
            if known is param:
                return i
        return None

    def __iter__(self) -> Iterator[Parameter[Any]]:
        return iter(tuple(self._by_name.values()))

    def __len__(self) -> int:
        return len(self._by_name)

    def __contains__(self, param: object) -> bool:
        return any(param is known for known in self._by_name.values())

    def __getitem__(self, index: int) -> Parameter[Any]:
        return tuple(self._by_name.values())[index]

    def __repr__(self) -> str:
        return f"Declarations({', '.join(self._by_name)})"


PARAMETERS = Declarations(BUILT_IN)
"""Every declared rulebook parameter: the built-in ones and any registered."""

PARAMETER_BY_NAME: Mapping[str, Parameter[Any]] = PARAMETERS.by_name
"""The declared parameters by name (a live view of :data:`PARAMETERS`)."""


def registered(name: str) -> Parameter[Any]:
    """The registered declaration called ``name`` (how a pickled one comes back)."""
    param = PARAMETER_BY_NAME.get(name)
    if param is None:
        raise InvalidInputError(
            Message("{name} is not a declared rulebook parameter", name=quoted(name))
        )
    return param


def declared(parameters: Iterable[Parameter[Any]] | None) -> tuple[Parameter[Any], ...]:
    """The declarations a file may use: ``parameters``, or every registered one."""
    found = tuple(PARAMETERS if parameters is None else require_iterable("parameters", parameters))
    for i, param in enumerate(found):
        if not isinstance(param, Parameter):
            raise InvalidTypeError.for_field(f"parameters[{i}]", "a Parameter", param)
    return found


def relation_problems(
    params: Mapping[Parameter[Any], DatedParameter[Any] | None],
) -> list[tuple[str, Message]]:
    """Where one parameter exceeds the one its declaration says it must not
    (``not_above``) on a day both are in force: (name, message) for each."""
    by_name = {p.name: dated for p, dated in params.items()}
    found: list[tuple[str, Message]] = []
    for param, dated in params.items():
        limit = by_name.get(param.not_above) if param.not_above else None
        if dated is None or limit is None:
            continue
        for m in dated.values:
            for p in limit.values:
                overlap = (m.valid_until is None or p.valid_from <= m.valid_until) and (
                    p.valid_until is None or m.valid_from <= p.valid_until
                )
                if overlap and m.value > p.value:
                    found.append(
                        (
                            param.name,
                            Message(
                                "must not exceed {other} on a day both are in force "
                                "(got {value} > {limit})",
                                other=param.not_above,
                                value=m.value,
                                limit=p.value,
                            ),
                        )
                    )
    return found
