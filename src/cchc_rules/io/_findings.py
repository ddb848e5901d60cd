"""Findings and their mitigation grounds, nested in a JSON row or held as JSON in
a CSV cell, structured with ``cattrs`` and strict hooks (``"yes"`` is not a
boolean), every failure located below ``<row>.findings``."""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any

import attrs

from .._files import parse_reason
from .._messages import Message, quoted, said
from .._validate import optional_text
from ..assessment import Finding
from ..errors import CchcError, InvalidInputError, Problem

if TYPE_CHECKING:
    from cattrs import Converter

__all__ = ["structure_findings"]


def _strict_bool(value: Any, _type: Any) -> bool:
    if not isinstance(value, bool):
        raise InvalidInputError(
            Message("must be true or false (got {value})", value=quoted(value))
        )
    return value


def _optional_str(value: Any, _type: Any) -> str | None:
    return (
        optional_text("value", value)
        if value is None or isinstance(value, str)
        else _bad_text(value)
    )


def _bad_text(value: Any) -> str:
    raise InvalidInputError(Message("must be text (got {value})", value=quoted(value)))


@functools.cache
def _converter() -> Converter:
    """The converter for nested structures, built on first use: importing cattrs
    costs more than the rest of the package's start-up."""
    import cattrs

    converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    converter.register_structure_hook(bool, _strict_bool)
    converter.register_structure_hook(str, lambda v, _t: v if isinstance(v, str) else _bad_text(v))
    converter.register_structure_hook(str | None, _optional_str)
    return converter


def _format(exc: BaseException, type_: Any) -> str:
    import cattrs

    if isinstance(exc, KeyError):
        return Message("is required")
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return Message("unknown fields {names}", names=sorted(exc.extra_fields))
    if isinstance(exc, CchcError):
        return said(exc)
    if attrs.has(type_):  # not a mapping at all: cattrs could not even look inside
        fields = ", ".join(f.name for f in attrs.fields(type_))
        return Message("must be an object with the fields {fields}", fields=fields)
    return Message("is invalid ({reason})", reason=str(exc) or type(exc).__name__)


def structure_findings(value: Any, where: str) -> tuple[tuple[Finding, ...], list[Problem]]:
    """The findings in ``value`` (a list, or a CSV cell holding its JSON) of the row at
    ``where``, or the problems found, located below ``<where>.findings``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return (), []
    path = Message("{where}.findings", where=where)
    if isinstance(value, str):  # a CSV cell holding the JSON list
        try:
            value = json.loads(value)
        except (RecursionError, ValueError) as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else parse_reason(exc)
            return (), [
                Problem(
                    path, "", Message("must be a JSON list of findings ({reason})", reason=reason)
                )
            ]
    import cattrs

    try:
        return tuple(_converter().structure(value, list[Finding])), []
    except cattrs.BaseValidationError as exc:
        # transform_error renders "<message> @ <path>" as plain text; keep each
        # Message so the problem can still be said in Vietnamese.
        said_by_text: dict[str, str] = {}

        def remember(error: BaseException, type_: Any) -> str:
            message = _format(error, type_)
            said_by_text[str(message)] = message
            return message

        problems = []
        for line in cattrs.transform_error(exc, path=path, format_exception=remember):
            text, _, located = line.rpartition(" @ ")
            if located.startswith(path):
                located = Message("{path}{rest}", path=path, rest=located[len(path) :])
            problems.append(Problem(located, "", said_by_text.get(text, text)))
        return (), problems
    except (CchcError, TypeError, ValueError) as exc:
        return (), [
            Problem(path, "", Message("must be a list of findings ({reason})", reason=said(exc)))
        ]
