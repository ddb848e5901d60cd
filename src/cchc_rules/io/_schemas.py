"""The JSON Schemas of the input formats, shipped in ``cchc_rules/schemas/``."""

from __future__ import annotations

import json
from typing import Any

from .._messages import Message
from ..errors import InvalidInputError

__all__ = ["SCHEMAS", "schema"]

SCHEMAS = ("assessments", "task_report", "tasks", "verdict")
"""The input formats with a JSON Schema shipped in ``cchc_rules/schemas/``."""


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of input format ``name``, for services that
    validate before they call. The loaders are at least as strict.

    >>> schema("task_report")["required"] == ["assigned"]
    True
    """
    if name not in SCHEMAS:
        raise InvalidInputError.for_field(
            "name", Message("must be one of {names}", names=", ".join(SCHEMAS)), name
        )
    from importlib import resources  # only here: importing it is slow

    text = (
        resources.files("cchc_rules")
        .joinpath(f"schemas/{name}.schema.json")
        .read_text(encoding="utf-8")
    )
    result: dict[str, Any] = json.loads(text)
    return result
