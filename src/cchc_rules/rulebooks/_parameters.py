"""Rulebook parameters, each declared once.

A :class:`Parameter` says a parameter's name, what it means, the type of its value
and how that value is validated, read and written: from and to a TOML/JSON entry,
a CSV ``value`` cell, the text a verdict's trace shows, and the JSON Schema of an
entry. The rulebook reader and writer, the CSV layout, the trace, the schema
(:func:`rulebook_schema`) and the hypothesis strategies all walk
:data:`PARAMETERS`; adding a parameter means adding one declaration here.

>>> [p.name for p in PARAMETERS]
['grade_levels', 'grade_bands', 'finding_demotion', 'mitigated_finding_demotion', \
'index_year_offset']
>>> PARAMETER_BY_NAME["finding_demotion"].read({"value": 1})
1
>>> PARAMETER_BY_NAME["grade_bands"].read_cell("excellent=90; good=80; completed=70")
{'excellent': '90', 'good': '80', 'completed': '70'}
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from .._messages import Message, quoted
from .._validate import check_score
from ..errors import InvalidInputError, InvalidTypeError
from ..grades import Grade

__all__ = [
    "PARAMETERS",
    "PARAMETER_BY_NAME",
    "SCHEMA_VERSION",
    "Bands",
    "Parameter",
    "check_value",
    "rulebook_schema",
]

LEVELS = tuple(Grade)
BAND_NAMES = ("excellent", "good", "completed")
_BAND = re.compile(r"\s*(?P<name>[A-Za-z_]+)\s*(?:=|>=|≥|:)\s*(?P<value>.*?)\s*")
_WHOLE = re.compile(r"\s*[+-]?\d+\s*")


def _excellent(value: Any) -> Decimal:
    return check_score("excellent", value)


def _good(value: Any) -> Decimal:
    return check_score("good", value)


def _completed(value: Any) -> Decimal:
    return check_score("completed", value)


@attrs.frozen
class Bands:
    """Lower bounds on the CCHC index (0–100) for each grade; "từ X trở lên" is
    ``>= X``. Strictly decreasing: ``excellent > good > completed``.

    >>> Bands(90, 80, 70).grade_for(Decimal("79.99"))
    <Grade.COMPLETED: 'completed'>
    """

    excellent: Decimal = attrs.field(converter=_excellent)
    good: Decimal = attrs.field(converter=_good)
    completed: Decimal = attrs.field(converter=_completed)

    def __attrs_post_init__(self) -> None:
        if not self.excellent > self.good > self.completed:
            raise InvalidInputError(
                Message(
                    "bands must be strictly decreasing, excellent > good > completed "
                    "(got {excellent}, {good}, {completed})",
                    excellent=self.excellent,
                    good=self.good,
                    completed=self.completed,
                )
            )

    def grade_for(self, score: Decimal) -> Grade:
        """The grade of an index ``score`` (0–100)."""
        if type(score) is not Decimal or not score.is_finite():
            score = check_score("score", score)
        if score >= self.excellent:
            return Grade.EXCELLENT
        if score >= self.good:
            return Grade.GOOD
        if score >= self.completed:
            return Grade.COMPLETED
        return Grade.NOT_COMPLETED

    def describe(self) -> str:
        return f"excellent ≥ {self.excellent}, good ≥ {self.good}, completed ≥ {self.completed}"


@attrs.frozen
class Parameter:
    """One parameter's declaration.

    ``read`` turns a TOML/JSON entry (its value fields) into the value, raising a
    ``CchcError`` that says what is wrong; ``write`` gives the entry's value fields
    back; ``read_cell`` turns a CSV ``value`` cell into those fields (raising when
    the cell cannot be read at all); ``write_cell`` does the reverse; ``text`` is
    the value as a verdict's trace shows it; ``schema`` the JSON Schema properties
    of the value fields; ``low``/``high`` bound a whole number.
    """

    name: str
    meaning: str
    type: str
    read: Callable[[Mapping[str, Any]], Any]
    write: Callable[[Any], dict[str, Any]]
    read_cell: Callable[[str], dict[str, Any]]
    write_cell: Callable[[Mapping[str, Any]], str]
    text: Callable[[Any], str]
    schema: Mapping[str, Any]
    low: int | None = None
    high: int | None = None


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


_GRADE_LEVELS = Parameter(
    "grade_levels",
    "the grade levels, highest first",
    "grade levels",
    _read_levels,
    lambda levels: {"value": [g.name for g in levels]},
    lambda cell: {"value": [part.strip() for part in re.split(r"[>;,]", cell) if part.strip()]},
    lambda entry: " > ".join(entry["value"]),
    lambda levels: " > ".join(g.name for g in levels),
    {"value": {"type": "array", "items": {"enum": [g.name for g in LEVELS]}}},
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


_DECIMAL_TEXT = {"type": ["string", "number"]}

_GRADE_BANDS = Parameter(
    "grade_bands",
    "lower bounds on the annual CCHC index (0–100) for each grade, 'từ X trở lên' as >= X",
    "bands",
    lambda e: Bands(e.get("excellent"), e.get("good"), e.get("completed")),
    lambda b: {"excellent": str(b.excellent), "good": str(b.good), "completed": str(b.completed)},
    _read_band_cell,
    lambda entry: "; ".join(f"{b}={entry[b]}" for b in BAND_NAMES),
    lambda bands: bands.describe(),
    dict.fromkeys(BAND_NAMES, _DECIMAL_TEXT),
)


# -- whole numbers ------------------------------------------------------------------------


def _whole(name: str, meaning: str, low: int, high: int) -> Parameter:
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

    return Parameter(
        name,
        meaning,
        "whole number",
        read,
        lambda value: {"value": value},
        lambda cell: {"value": int(cell) if _WHOLE.fullmatch(cell) else cell},
        lambda entry: str(entry["value"]),
        str,
        {"value": {"type": "integer", "minimum": low, "maximum": high}},
        low,
        high,
    )


PARAMETERS: tuple[Parameter, ...] = (
    _GRADE_LEVELS,
    _GRADE_BANDS,
    _whole(
        "finding_demotion",
        "levels each responsibility finding lowers the grade by",
        0,
        3,
    ),
    _whole(
        "mitigated_finding_demotion",
        "levels a mitigated finding lowers the grade by (never more than finding_demotion)",
        0,
        3,
    ),
    _whole(
        "index_year_offset",
        "which year's CCHC index is used, relative to the evaluated year (0: the same year)",
        -5,
        0,
    ),
)
"""Every rulebook parameter, in the order files and traces list them."""

PARAMETER_BY_NAME: Mapping[str, Parameter] = {p.name: p for p in PARAMETERS}

SCHEMA_VERSION = 1
"""The version of the rulebook file layout."""


def check_value(name: str, value: Any) -> None:
    """A parameter value of the kind the rules use (a rulebook built by hand), as
    its declaration says."""
    param = PARAMETER_BY_NAME[name]
    if param.type == "grade levels":
        if value != LEVELS:
            raise InvalidInputError.for_field(
                name,
                Message(
                    "must list the four levels from highest to lowest, {levels}",
                    levels=[g.name for g in LEVELS],
                ),
                value,
            )
    elif param.type == "bands":
        if not isinstance(value, Bands):
            raise InvalidTypeError.for_field(name, "Bands", value)
    else:
        low, high = param.low, param.high
        assert low is not None  # a whole number's declaration has its bounds
        assert high is not None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise InvalidInputError.for_field(
                name,
                Message("must be a whole number from {low} to {high}", low=low, high=high),
                value,
            )


def rulebook_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of the rulebook layout that
    :meth:`~cchc_rules.rulebooks.Rulebook.to_dict` writes and ``from_dict`` reads,
    derived from :data:`PARAMETERS`."""
    text = {"type": "string", "minLength": 1}
    date = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    source = {
        "type": "object",
        "required": ["instrument", "provenance"],
        "properties": {
            "instrument": text,
            "article": text,
            "location": text,
            "note": text,
            "ref": text,
            "provenance": {"enum": ["verified", "unverified", "supplied"]},
        },
        "additionalProperties": False,
    }
    properties: dict[str, Any] = {
        "schema_version": {"const": SCHEMA_VERSION},
        "id": text,
        "name": text,
        "instrument": {
            "type": "object",
            "required": ["number", "issuer", "title", "signed", "source"],
            "properties": {
                "number": text,
                "issuer": text,
                "title": text,
                "signed": date,
                "effective": date,
                "source": source,
            },
            "additionalProperties": False,
        },
        "basis": source,
        "mitigation_basis": source,
        "scope": {
            "type": "object",
            "required": ["first_year", "kinds", "source"],
            "properties": {
                "first_year": {"type": "integer"},
                "last_year": {"type": "integer"},
                "kinds": {"type": "array", "minItems": 1, "items": text},
                "source": source,
            },
            "additionalProperties": False,
        },
    }
    for param in PARAMETERS:
        properties[param.name] = {
            "description": param.meaning,
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["valid_from", "source", *param.schema],
                "properties": {
                    "valid_from": date,
                    "valid_until": date,
                    "source": source,
                    **param.schema,
                },
                "additionalProperties": False,
            },
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "cchc_rules rulebook",
        "type": "object",
        "required": ["id", "name", "instrument", "basis", "mitigation_basis"]
        + [p.name for p in PARAMETERS],
        "properties": properties,
        "additionalProperties": False,
    }
