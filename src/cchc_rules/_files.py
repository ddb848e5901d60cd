"""Reading input files: one place that turns I/O and decoding failures into clear
``InvalidInputError`` s naming the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import InvalidInputError


def read_text(file: Path) -> str:
    """The file's text, UTF-8 with or without BOM (as Excel writes it)."""
    try:
        return file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            f"{file} is not UTF-8 text ({exc.reason} at byte {exc.start})"
        ) from None
    except OSError as exc:
        raise InvalidInputError(f"cannot read {file}: {exc.strerror}") from None


def parse_json(text: str, file: Path) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInputError(f"{file} is not valid JSON: {exc}") from None
