"""The JSON Schema of rulebook files, derived from the parameter declarations.

>>> schema = rulebook_schema()
>>> schema["properties"]["finding_demotion"]["items"]["properties"]["value"]
{'type': 'integer', 'minimum': 0, 'maximum': 3}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ._parameters import Parameter, declared

__all__ = ["SCHEMA_VERSION", "rulebook_schema"]

SCHEMA_VERSION = 1
"""The version of the rulebook file layout."""


def rulebook_schema(parameters: Iterable[Parameter[Any]] | None = None) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of the rulebook layout that
    :meth:`~cchc_rules.rulebooks.Rulebook.to_dict` writes and ``from_dict`` reads,
    derived from the declared ``parameters`` (default: every one registered in
    :data:`~cchc_rules.rulebooks.PARAMETERS`). A file holds any of them: the
    rules say which they need."""
    allowed = declared(parameters)
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
    for param in allowed:
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
        "required": ["id", "name", "instrument", "basis", "mitigation_basis"],
        "properties": properties,
        "additionalProperties": False,
    }
