"""The Vietnamese public-sector working-day calendar.

Law implemented (see ``docs/calendar-law.md`` for sources):

- working week Monday–Friday for cán bộ, công chức, viên chức;
- statutory holidays (Bộ luật Lao động 2019, Điều 112), compensatory days (nghỉ
  bù, Điều 111 khoản 3), and the government's yearly swaps for the public sector (a
  weekday off in exchange for a make-up working Saturday);
- counting under Bộ luật Dân sự 2015, Điều 147(2): the day that starts a period is
  not counted.

The days come from a cited table the library ships (``calendar_data/days.csv``):
the years whose official schedule it holds (2018 to 2026, *confirmed*), each day
with its instrument, then provisional years to 2030 (statutory days and
compensatory days only, every one ``unverified``). ``holidays`` is imported only for
years outside that table, and by the tests that cross-check the table against it.

The calendar is a :class:`~cchc_rules.working_calendar.WorkingCalendar` (the
working-day engine: constant-time counts and offsets, no query loops over days),
re-exported here with :class:`DayTables` and :class:`SpecialDay`.

>>> cal = public_sector_calendar()
>>> cal.add_working_days(date(2019, 4, 26), 1)   # 29/4 swapped off, 30/4 and 1/5 holidays
datetime.date(2019, 5, 2)
>>> cal.is_working_day(date(2019, 5, 4))         # a make-up Saturday
True
>>> cal.working_days_between(date(2019, 5, 24), date(2019, 6, 3))
6
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

from . import calendar_table
from ._validate import require_int
from .calendar_table import SpecialDay, holidays_special_days, shipped_days
from .errors import InvalidInputError, InvalidTypeError
from .working_calendar import DayTables, WorkingCalendar

__all__ = [
    "CONFIRMED_THROUGH",
    "DEFAULT_FIRST_YEAR",
    "DEFAULT_LAST_YEAR",
    "DayTables",
    "SpecialDay",
    "WorkingCalendar",
    "calendar_or_default",
    "clear_caches",
    "public_sector_calendar",
]

DEFAULT_FIRST_YEAR = 2018
"""The first year of the default range: the year of Decision 30/2018 and the first
year whose public-sector swap decisions ``holidays`` cites (Công văn
6519/VPCP-KGVX, 2018–2019)."""

DEFAULT_LAST_YEAR = 2030
"""The last year of the shipped table. Years after :data:`CONFIRMED_THROUGH` are
provisional: statutory holidays and compensatory days only, every one
``unverified``; the government decides each year's swaps later. Go further with
``public_sector_calendar(last_year=...)`` and add a published notice's days with
:meth:`WorkingCalendar.with_changes_from` (``--calendar-changes`` on the command
line)."""

CONFIRMED_FROM = date(2018, 1, 1)
CONFIRMED_THROUGH = date(2026, 12, 31)
"""The last day of the last year whose official schedule the shipped table holds
(Công văn 12729/VPCP-KGVX for New Year 2026 and the 2026 Tết and National Day
schedule). A result that used a later day is provisional."""

_TABLE_FIRST_YEAR, _TABLE_LAST_YEAR = 2018, 2030


def calendar_or_default(calendar: Any) -> WorkingCalendar:
    """``calendar``, or the public-sector calendar when it is ``None``."""
    if calendar is None:
        return default_calendar()
    if not isinstance(calendar, WorkingCalendar):
        raise InvalidTypeError.for_field("calendar", "a WorkingCalendar or None", calendar)
    return calendar


@functools.cache
def default_calendar() -> WorkingCalendar:
    """The calendar every query without one uses, found once (a query should not
    pay for checking the default range's arguments again)."""
    return public_sector_calendar()


def public_sector_calendar(
    first_year: int = DEFAULT_FIRST_YEAR, last_year: int = DEFAULT_LAST_YEAR
) -> WorkingCalendar:
    """The Vietnamese public-sector calendar (Monday–Friday, holidays, compensatory
    days, swapped days off and make-up Saturdays) from 1 January ``first_year`` to
    31 December ``last_year``. Built once per range and cached.

    Days up to :data:`CONFIRMED_THROUGH` come from the official schedules the
    shipped table cites; later years up to 2030 are provisional (statutory days
    and compensatory days, no swaps, ``unverified``). Years outside 2018–2030 are
    computed by ``holidays`` and ``unverified``. Add a notice published later with
    :meth:`WorkingCalendar.with_changes_from`.

    >>> public_sector_calendar().supported_range
    (datetime.date(2018, 1, 1), datetime.date(2030, 12, 31))
    """
    require_int("first_year", first_year, minimum=1995)
    require_int("last_year", last_year, minimum=first_year)
    if last_year > 2100:
        raise InvalidInputError.for_field("last_year", "must be at most 2100", last_year)
    return _build_public_sector_calendar(first_year, last_year)


@functools.lru_cache(maxsize=8)
def _build_public_sector_calendar(first_year: int, last_year: int) -> WorkingCalendar:
    special = [s for s in shipped_days() if first_year <= s.day.year <= last_year]
    if first_year < _TABLE_FIRST_YEAR:
        special += holidays_special_days(first_year, min(last_year, _TABLE_FIRST_YEAR - 1))
    if last_year > _TABLE_LAST_YEAR:
        special += holidays_special_days(max(first_year, _TABLE_LAST_YEAR + 1), last_year)
    return WorkingCalendar(
        date(first_year, 1, 1),
        date(last_year, 12, 31),
        special,
        name=f"Vietnam public sector {first_year}-{last_year}",
        confirmed=(CONFIRMED_FROM, CONFIRMED_THROUGH),
    )


def clear_caches() -> None:
    """Forget the calendars built so far (the default one included) and the shipped
    table they were read from, so the next query builds them again. Only tests
    need this: a calendar is immutable, and the mutation runs rebuild it under each
    mutant (``tests/mutation_plugin.py``)."""
    _build_public_sector_calendar.cache_clear()
    default_calendar.cache_clear()
    calendar_table.clear_caches()
