"""Writing a rulebook out in the layout its readers read: the TOML/JSON tables
(:func:`rulebook_to_dict`), JSON text, and — through the CSV layout — CSV."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..law import DatedValue
from ._csv import to_csv_rows
from ._parameters import Parameter
from ._schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from ._model import Rulebook

__all__ = ["rulebook_to_csv", "rulebook_to_dict", "rulebook_to_json"]


def rulebook_to_dict(book: Rulebook) -> dict[str, Any]:
    """``book`` in the layout ``Rulebook.from_dict`` reads: dates as ISO text,
    each parameter as its declaration writes it."""
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "id": book.id,
        "name": book.name,
        "instrument": book.instrument.to_dict(),
        "basis": book.basis.to_dict(),
        "mitigation_basis": book.mitigation_basis.to_dict(),
    }
    if book.scope is not None:
        out["scope"] = book.scope.to_dict()
    for param, dated in book.parameter_set.items():
        out[param.name] = [_entry(param, v) for v in dated.values]
    return out


def rulebook_to_json(book: Rulebook) -> str:
    """:func:`rulebook_to_dict` as JSON text (UTF-8, Vietnamese kept as it is)."""
    return json.dumps(rulebook_to_dict(book), ensure_ascii=False, indent=2)


def rulebook_to_csv(book: Rulebook) -> str:
    """``book`` as the flat CSV table the CSV layout reads back."""
    return to_csv_rows(rulebook_to_dict(book), book.parameter_set)


def _entry(param: Parameter[Any], dated: DatedValue[Any]) -> dict[str, Any]:
    entry: dict[str, Any] = {"valid_from": dated.valid_from.isoformat()}
    if dated.valid_until is not None:
        entry["valid_until"] = dated.valid_until.isoformat()
    entry.update(param.write(dated.value))
    entry["source"] = dated.source.to_dict()
    return entry
