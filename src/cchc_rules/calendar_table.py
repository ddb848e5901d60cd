"""The cited table of the public sector's special days that the library ships.

``calendar_data/days.csv`` holds every special day from 2018 to 2030 with the
instruments it cites (``calendar_data/instruments.csv``): for the confirmed years
(2018-2026) the Labour Code article and the year's notice, for the provisional
years (2027-2030) the statutory and compensatory days only, ``unverified``. The
files are read with the stdlib when a calendar is first built; ``holidays`` is
imported only for years outside the table (:func:`holidays_days`), and by the tool
that prepares the table (``tools/prepare_calendar_table.py``, not shipped).

>>> by_id = {i.id: i for i in calendar_instruments()}
>>> by_id["CV-12729-VPCP-KGVX"].citation
'Công văn 12729/VPCP-KGVX ngày 25/12/2025 (Văn phòng Chính phủ)'
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from ._messages import Message
from ._validate import require_bool, require_date, require_text, typed
from .law import Provenance, Source

__all__ = [
    "CalendarInstrument",
    "SpecialDay",
    "calendar_instruments",
    "clear_caches",
    "holidays_days",
    "holidays_special_days",
    "shipped_days",
]

_DATA = Path(__file__).parent / "calendar_data"


@attrs.frozen
class SpecialDay:
    """A day that is not what its weekday says, or a named holiday.

    ``working`` is ``False`` for a day off (holiday, compensatory day, swapped day
    off) and ``True`` for a make-up working day that falls on a weekend.
    """

    day: date = attrs.field(validator=lambda _i, a, v: require_date(a.name, v))
    working: bool = attrs.field(validator=lambda _i, a, v: require_bool(a.name, v))
    name_vi: str = attrs.field(validator=lambda _i, a, v: require_text(a.name, v))
    name_en: str = attrs.field(validator=lambda _i, a, v: require_text(a.name, v))
    source: Source = attrs.field(validator=typed(Source))

    def to_dict(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "working": self.working,
            "name_vi": self.name_vi,
            "name_en": self.name_en,
            "source": self.source.to_dict(),
        }


@attrs.frozen
class CalendarInstrument:
    """An instrument the shipped calendar table cites: a law, a government notice,
    or a year's schedule whose number the library does not hold (``number`` is then
    ``None`` and ``note`` says so)."""

    id: str = attrs.field(validator=lambda _i, a, v: require_text(a.name, v))
    kind: str = attrs.field(validator=lambda _i, a, v: require_text(a.name, v))
    number: str | None = attrs.field(validator=typed(str, optional=True))
    issued: date | None = attrs.field(validator=typed(date, optional=True))
    issuer: str = attrs.field(validator=lambda _i, a, v: require_text(a.name, v))
    subject: str = attrs.field(validator=lambda _i, a, v: require_text(a.name, v))
    url: str | None = attrs.field(validator=typed(str, optional=True))
    provenance: Provenance = attrs.field(validator=typed(Provenance))
    note: str | None = attrs.field(validator=typed(str, optional=True))

    @property
    def citation(self) -> str:
        """How a day's ``source.instrument`` names it.

        >>> {i.id: i for i in calendar_instruments()}["CV-12729-VPCP-KGVX"].citation
        'Công văn 12729/VPCP-KGVX ngày 25/12/2025 (Văn phòng Chính phủ)'
        """
        if self.number is None:
            return self.kind
        if self.kind.startswith("Bộ luật"):
            return f"{self.kind} ({self.number})"
        issued = f" ngày {self.issued:%d/%m/%Y}" if self.issued else ""
        return f"{self.kind} {self.number}{issued} ({self.issuer})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "number": self.number,
            "issued": self.issued.isoformat() if self.issued else None,
            "issuer": self.issuer,
            "subject": self.subject,
            "url": self.url,
            "provenance": self.provenance.value,
            "note": self.note,
        }


def _csv_rows(name: str) -> Iterator[dict[str, str]]:
    with (_DATA / name).open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


@functools.cache
def _instruments() -> dict[str, CalendarInstrument]:
    return {
        row["id"]: CalendarInstrument(
            row["id"],
            row["kind"],
            row["number"] or None,
            date.fromisoformat(row["issued"]) if row["issued"] else None,
            row["issuer"],
            row["subject"],
            row["url"] or None,
            Provenance(row["provenance"]),
            row["note"] or None,
        )
        for row in _csv_rows("instruments.csv")
    }


def calendar_instruments() -> tuple[CalendarInstrument, ...]:
    """Every instrument the shipped calendar table cites (laws, notices, schedules),
    for a bibliography.

    >>> print(*(i.id for i in calendar_instruments() if i.id.startswith("BLLD")))
    BLLD-2012 BLLD-2019
    """
    return tuple(_instruments().values())


def _source(ids: str, article: str, provenance: str, note: str) -> Source:
    cited = [_instruments()[i] for i in ids.split()]
    urls = [i.url for i in cited if i.url]
    return Source(
        "; ".join(i.citation for i in cited),
        article or None,
        urls[-1] if urls else None,
        provenance=provenance,
        note=note or None,
        ref=cited[-1].id.lower(),  # the most specific: its bibliography entry
    )


@functools.cache
def shipped_days() -> tuple[SpecialDay, ...]:
    """The shipped days, 2018 to 2030, each with its source."""
    return tuple(
        SpecialDay(
            date.fromisoformat(row["day"]),
            row["status"] == "working",
            row["name_vi"],
            row["name_en"],
            _source(row["sources"], row["article"], row["provenance"], row["note"]),
        )
        for row in _csv_rows("days.csv")
    )


# -- days computed by ``holidays`` (years outside the table, and the tool that prepares it)


def _dmy(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def holidays_days(first_year: int, last_year: int) -> list[tuple[date, bool, str, str, str]]:
    """``(day, working, name_vi, name_en, kind)`` for every special day ``holidays.VN``
    holds from ``first_year`` to ``last_year``; ``kind`` is ``holiday``,
    ``compensatory``, ``swap`` (a day off for a make-up day), ``make_up`` or
    ``cultural_day`` (24/11). English names of swaps are written day-first. Imports
    ``holidays``: used for years outside the shipped table and by
    ``tools/prepare_calendar_table.py``, never for a year inside it.
    """
    import holidays  # deferred: ~0.3 s that no query inside the table needs

    # a year more on each side: a swap may pair days of two years (31/12/2018, 5/1/2019)
    years = range(first_year - 1, last_year + 2)
    names_vi = holidays.country_holidays("VN", years=years, language="vi")
    names_en = holidays.country_holidays("VN", years=years, language="en_US")
    found: list[tuple[date, bool, str, str, str]] = []
    make_up_for: dict[date, date] = {}
    for day in sorted(names_vi):
        vi = names_vi[day]
        if vi.startswith("Ngày nghỉ (thay cho ngày "):
            worked = date(*reversed([int(p) for p in vi[-11:-1].split("/")]))  # dd/mm/yyyy
            make_up_for[worked] = day
            en = str(Message("Day off (in exchange for working on {day})", day=_dmy(worked)))
            found.append((day, False, vi, en, "swap"))
            continue
        en = names_en.get(day, vi)
        if "Văn hóa Việt Nam" in vi:  # 24/11 and its compensatory day
            kind = "cultural_day"
        elif "(nghỉ bù" in vi:
            kind = "compensatory"
        else:
            kind = "holiday"
        found.append((day, False, vi, en, kind))
    for day in sorted(names_vi.weekend_workdays):
        if day.year in years:
            off = make_up_for.get(day)
            name = (
                Message("Make-up working day (for the day off on {day})", day=_dmy(off))
                if off
                else Message("Make-up working day")
            )
            found.append((day, True, name.render("vi"), str(name), "make_up"))
    return sorted(d for d in found if first_year <= d[0].year <= last_year)


def holidays_special_days(first_year: int, last_year: int) -> list[SpecialDay]:
    import importlib.metadata

    version = importlib.metadata.version("holidays")
    source = Source(
        f"holidays {version} (holidays.VN)",
        "Bộ luật Lao động 2019, Điều 112 (2012: Điều 115)",
        "https://github.com/vacanza/holidays",
        provenance=Provenance.UNVERIFIED,
        ref="holidays-package",
        note="outside the library's cited table (2018-2030): computed by the holidays "
        "package and not checked against the year's official notice",
    )
    return [
        SpecialDay(day, working, vi, en, source)
        for day, working, vi, en, _kind in holidays_days(first_year, last_year)
    ]


def clear_caches() -> None:
    """Forget the shipped table read so far, so the next query reads it again (only
    the mutation runs need this: ``cchc_rules.calendar.clear_caches`` calls it)."""
    shipped_days.cache_clear()
    _instruments.cache_clear()
