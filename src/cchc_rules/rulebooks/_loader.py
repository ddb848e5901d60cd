"""Loading rulebooks from files, and the rulebook the package ships."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .._files import parse_json, read_text
from .._validate import require_path
from ._model import Rulebook
from ._parameters import Parameter

__all__ = ["DECISION_30_2018", "load_rulebook"]


def load_rulebook(
    path: str | Path, *, parameters: Iterable[Parameter[Any]] | None = None
) -> Rulebook:
    """Load a rulebook from a ``.toml``, ``.json`` or ``.csv`` file (UTF-8, with or
    without the BOM Excel writes). The file may hold any of the declared
    ``parameters`` (default: every one registered in ``PARAMETERS``)."""
    file = require_path("path", path)
    text = read_text(file)
    suffix = file.suffix.lower()
    if suffix == ".json":
        return Rulebook.from_dict(parse_json(text, file), str(file), parameters=parameters)
    if suffix == ".csv":
        return Rulebook.from_csv(text, str(file), parameters=parameters)
    return Rulebook.from_toml(text, str(file), parameters=parameters)


def _packaged(name: str) -> Rulebook:
    # Beside this module (a plain read: importlib.resources would slow every import).
    text = Path(__file__).with_name(name).read_text(encoding="utf-8")
    return Rulebook.from_toml(text, f"cchc_rules/rulebooks/{name}")


DECISION_30_2018 = _packaged("decision_30_2018.toml")
"""Hải Phòng Decision 30/2018/QĐ-UBND with the defaults of docs/decision-30-2018.md."""
