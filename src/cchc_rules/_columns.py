"""Column headers as offices write them: the one table of Vietnamese aliases.

A header cell is matched after Unicode NFC, case folding and collapsing white
space, so "Điểm chỉ số", "ĐIỂM CHỈ SỐ" and a decomposed (NFD) "Điểm chỉ số" are the
same column. ``docs/input-files.md`` shows this table; a test checks it is the same.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final

from ._files import nfc
from ._messages import Message
from .errors import InvalidInputError

__all__ = [
    "ASSESSMENT_COLUMNS",
    "ASSESSMENT_OPTIONAL",
    "COLUMN_ALIASES",
    "PUBLISHED_GRADE",
    "TASK_COLUMNS",
    "TASK_OPTIONAL",
    "canonical_header",
    "header_key",
]

ASSESSMENT_COLUMNS: Final = ("unit", "kind", "parent", "head", "year", "index_score")
"""The columns every assessment table has."""
ASSESSMENT_OPTIONAL: Final = ("parent_kind", "findings")
"""The columns an assessment table may have besides."""
PUBLISHED_GRADE: Final = "published_grade"
"""The column of a published table that holds the grade as published."""
TASK_COLUMNS: Final = ("title", "due")
"""The columns every task table has."""
TASK_OPTIONAL: Final = ("completed", "assigned", "unit", "kind", "parent", "parent_kind", "area")
"""The columns a task table may have besides."""

COLUMN_ALIASES: Final[Mapping[str, tuple[str, ...]]] = {
    "unit": ("Đơn vị", "Tên đơn vị", "Cơ quan, đơn vị"),
    "kind": ("Loại", "Loại đơn vị"),
    "parent": ("Đơn vị cấp trên", "Cơ quan cấp trên", "Cấp trên"),
    "parent_kind": ("Loại đơn vị cấp trên",),
    "head": ("Người đứng đầu", "Họ và tên người đứng đầu", "Thủ trưởng đơn vị"),
    "year": ("Năm", "Năm đánh giá"),
    "index_score": ("Điểm chỉ số", "Chỉ số CCHC", "Chỉ số", "Điểm", "Tổng điểm"),
    "published_grade": ("Xếp loại", "Kết quả xếp loại", "Xếp loại đã công bố", "Mức xếp loại"),
    "findings": ("Vi phạm, thiếu sót",),
    "title": ("Nhiệm vụ", "Tên nhiệm vụ", "Nội dung nhiệm vụ"),
    "due": ("Thời hạn", "Hạn hoàn thành"),
    "completed": ("Ngày hoàn thành",),
    "assigned": ("Ngày giao",),
    "area": ("Lĩnh vực",),
}
"""Column name → the Vietnamese headers read as that column."""


def header_key(text: str) -> str:
    """``text`` as a lookup key: NFC, case folded, inner white space collapsed.

    >>> header_key("  ĐIỂM   chỉ số ") == header_key("Điểm chỉ số")
    True
    """
    return " ".join(nfc(text).casefold().split())


_BY_KEY: Final = {
    header_key(alias): name for name, aliases in COLUMN_ALIASES.items() for alias in aliases
} | {header_key(name): name for name in COLUMN_ALIASES}


def canonical_header(header: Sequence[str | None], file: Path | str) -> list[str]:
    """Each header cell as the column name it stands for (an alias or any case of
    the name; an unknown header as written, stripped). A column given twice, under
    any of its names, is an error: which one was meant cannot be known.

    >>> canonical_header(["Đơn vị", "LOẠI", "Điểm chỉ số", "note"], "t.csv")
    ['unit', 'kind', 'index_score', 'note']
    >>> canonical_header(["unit", "Đơn vị"], "t.csv")
    Traceback (most recent call last):
    ...
    cchc_rules.errors.InvalidInputError: t.csv has the column unit twice \
(columns 1 'unit' and 2 'Đơn vị'); keep one
    """
    names: list[str] = []
    seen: dict[str, int] = {}
    for i, cell in enumerate(header):
        written = nfc(cell or "").strip().lstrip("\ufeff")
        name = _BY_KEY.get(header_key(written), written)
        if name and name in seen:
            first = seen[name]
            raise InvalidInputError(
                Message(
                    "{file} has the column {name} twice (columns {first} {first_header} and "
                    "{second} {second_header}); keep one",
                    file=file,
                    name=name,
                    first=first + 1,
                    first_header=repr(nfc(header[first] or "").strip()),
                    second=i + 1,
                    second_header=repr(written),
                )
            )
        seen[name] = i
        names.append(name)
    return names
