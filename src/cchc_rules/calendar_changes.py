"""Days published after the shipped table: the changes file an office writes the
day a notice comes out (``--calendar-changes FILE`` on the command line,
:meth:`~cchc_rules.working_calendar.WorkingCalendar.with_changes_from` in Python).

A CSV with the header ``day,status,name,instrument`` and optionally
``article,location,provenance,note``, or a JSON list of objects with those keys.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ._files import csv_delimiter, parse_json_list, read_text
from ._messages import Message, Row
from ._validate import parse_day, require_date, require_iterable, require_path
from .calendar_table import SpecialDay
from .errors import CchcError, InvalidInputError, Problem
from .law import Provenance, Source

__all__ = [
    "CHANGES_COLUMNS",
    "CHANGES_OPTIONAL",
    "changed_days",
    "load_calendar_changes",
    "read_changes",
]

CHANGES_COLUMNS = ("day", "status", "name", "instrument")
CHANGES_OPTIONAL = ("article", "location", "provenance", "note")
_STATUS = {"off": False, "working": True}


def changed_days(
    days_off: Iterable[date], working_days: Iterable[date], source: Source | str
) -> list[SpecialDay]:
    """The special days of a change given in code
    (:meth:`~cchc_rules.working_calendar.WorkingCalendar.with_changes`): each day of
    ``days_off`` off and each of ``working_days`` worked, every one citing
    ``source``; a day in both is an ``InvalidInputError``.

    >>> for d in changed_days([date(2027, 2, 5)], [date(2027, 2, 20)], "Công văn (ví dụ)"):
    ...     print(d.day, d.working, d.name_vi, "|", d.source.instrument)
    2027-02-05 False Ngày nghỉ (thay đổi bổ sung) | Công văn (ví dụ)
    2027-02-20 True Ngày làm việc (thay đổi bổ sung) | Công văn (ví dụ)
    """
    cited = Source.coerce(source)
    off = [require_date("days_off", d) for d in require_iterable("days_off", days_off)]
    on = [require_date("working_days", d) for d in require_iterable("working_days", working_days)]
    both = sorted(set(off) & set(on))
    if both:
        raise InvalidInputError(
            Message(
                "a day cannot be both a day off and a working day (got {days} in both)",
                days=", ".join(d.isoformat() for d in both),
            )
        )
    off_name, on_name = Message("Day off (added change)"), Message("Working day (added change)")
    return [
        *(SpecialDay(d, False, off_name.render("vi"), str(off_name), cited) for d in off),
        *(SpecialDay(d, True, on_name.render("vi"), str(on_name), cited) for d in on),
    ]


def load_calendar_changes(path: str | Path) -> tuple[SpecialDay, ...]:
    """The days of a changes file, in date order: a CSV (UTF-8, ``,`` ``;`` or tab)
    with the header ``day,status,name,instrument`` and, optionally, ``article``,
    ``location``, ``provenance`` (``verified``, ``unverified`` or ``supplied``, the
    default) and ``note``; or a ``.json`` file holding a list of objects with those
    keys. ``day`` is ISO (2027-02-05) or day-first (5/2/2027); ``status`` is ``off``
    or ``working``. Blank rows are skipped; every bad row is reported, with its line
    (or its ``$[i]``), in one ``InvalidInputError``.
    """
    return tuple(item for _, item in read_changes(path))


def _change_cells(file: Path, text: str) -> Iterator[tuple[str, dict[str, str] | Problem]]:
    """Each row's location and its cells (stripped, keyed by lower-case column), or
    the problem that makes it unreadable."""
    if file.suffix.lower() == ".json":
        for i, item in enumerate(parse_json_list(text, file, objects=False)):
            where = f"$[{i}]"
            if not isinstance(item, dict):
                yield where, Problem(where, "", Message("must be an object"))
                continue
            cells = {
                str(k).strip().lower(): "" if v is None else str(v).strip()
                for k, v in item.items()
            }
            unknown = sorted(k for k in cells if k not in (*CHANGES_COLUMNS, *CHANGES_OPTIONAL))
            if unknown:
                yield (
                    where,
                    Problem(where, "", Message("unknown keys {keys}", keys=", ".join(unknown))),
                )
                continue
            yield where, {**dict.fromkeys((*CHANGES_COLUMNS, *CHANGES_OPTIONAL), ""), **cells}
        return
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=csv_delimiter(text))
    header = [(h or "").strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in CHANGES_COLUMNS if c not in header]
    unknown = [c for c in header if c not in (*CHANGES_COLUMNS, *CHANGES_OPTIONAL)]
    if missing or unknown or len(set(header)) != len(header):
        raise InvalidInputError(
            Message(
                "{file} must have the header {header}, optionally followed by {optional} "
                "(got {got})",
                file=file,
                header=",".join(CHANGES_COLUMNS),
                optional=",".join(CHANGES_OPTIONAL),
                got=",".join(header) or Message("nothing"),
            )
        )
    reader.fieldnames = header
    for row in reader:
        where = Row(reader.line_num)
        if None in row:
            yield where, Problem(where, "", Message("has more cells than the header"))
            continue
        yield where, {k: (v or "").strip() for k, v in row.items()}


def read_changes(path: str | Path) -> list[tuple[str, SpecialDay]]:
    file = require_path("path", path)
    problems: list[Problem] = []
    found: list[tuple[str, SpecialDay]] = []
    first_seen: dict[date, str] = {}
    for where, cells in _change_cells(file, read_text(file)):
        if isinstance(cells, Problem):
            problems.append(cells)
            continue
        if not any(cells.values()):
            continue
        before = len(problems)
        day: date | None = None
        try:
            day = parse_day(cells["day"], "day")
        except InvalidInputError as exc:
            problems.append(Problem(where, "day", exc.args[0]))
        status = cells["status"].lower()
        if status not in _STATUS:
            problems.append(
                Problem(
                    where,
                    "status",
                    Message("must be off or working (got {value})", value=repr(cells["status"])),
                )
            )
        if not cells["name"]:
            problems.append(Problem(where, "name", Message("must not be empty")))
        source: Source | None = None
        try:
            source = Source(
                cells["instrument"],
                cells.get("article") or None,
                cells.get("location") or None,
                provenance=cells.get("provenance") or Provenance.SUPPLIED,
                note=cells.get("note") or None,
            )
        except CchcError as exc:
            problems.append(Problem(where, "", exc.args[0]))
        if day is not None and day in first_seen:
            problems.append(
                Problem(
                    where,
                    "day",
                    Message(
                        "{day} appears more than once (first in {first})",
                        day=day.isoformat(),
                        first=first_seen[day],
                    ),
                )
            )
        if len(problems) > before or day is None or source is None:
            continue
        first_seen[day] = where
        name = cells["name"]
        found.append((where, SpecialDay(day, _STATUS[status], name, name, source)))
    if problems:
        raise InvalidInputError.collected(problems, str(file))
    return sorted(found, key=lambda pair: pair[1].day)
