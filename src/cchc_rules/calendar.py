"""The Vietnamese public-sector working-day calendar.

Law implemented (see ``docs/calendar-law.md`` for sources):

- working week Monday–Friday for cán bộ, công chức, viên chức;
- statutory holidays (Bộ luật Lao động 2019, Điều 112), compensatory days (nghỉ
  bù), and the government's yearly swaps for the public sector (a weekday off in
  exchange for a make-up working Saturday), all as held by ``holidays.VN``;
- counting under Bộ luật Dân sự 2015, Điều 147(2): the day that starts a period is
  not counted.

The calendar precomputes, once, the working days of its supported range: a count
is the difference of two prefix counts and an offset is one index into the sorted
working days. No query loops over days.

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
import importlib.metadata
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, overload

import attrs

from . import _batch
from ._messages import Message
from ._validate import check_date, check_int, check_iterable
from .errors import InvalidInputError, InvalidTypeError, OutOfRangeError
from .law import Source

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = [
    "DEFAULT_FIRST_YEAR",
    "DEFAULT_LAST_YEAR",
    "SpecialDay",
    "WorkingCalendar",
    "calendar_or_default",
    "public_sector_calendar",
]

DEFAULT_FIRST_YEAR = 2018
"""The first year of the default range: the year of Decision 30/2018 and the first
year whose public-sector swap decisions ``holidays`` cites (Công văn
6519/VPCP-KGVX, 2018–2019)."""

DEFAULT_LAST_YEAR = 2026
"""The last year whose swaps the pinned ``holidays`` data holds (2026: 31/8 off,
Saturday 22/8 worked). Later years' swaps are decided by the government each year;
extend with ``public_sector_calendar(last_year=...)`` plus ``with_changes``."""

_SATURDAY, _SUNDAY = 5, 6
_fromordinal = date.fromordinal


@attrs.frozen
class SpecialDay:
    """A day that is not what its weekday says, or a named holiday.

    ``working`` is ``False`` for a day off (holiday, compensatory day, swapped day
    off) and ``True`` for a make-up working day that falls on a weekend.
    """

    day: date
    working: bool
    name_vi: str
    name_en: str
    source: Source

    def to_dict(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "working": self.working,
            "name_vi": self.name_vi,
            "name_en": self.name_en,
            "source": self.source.to_dict(),
        }


class WorkingCalendar:
    """Working days over a fixed, stated range, with every query in constant time.

    Build one with :func:`public_sector_calendar`, or directly from the special days
    of another regime. Instances are immutable and safe to share between threads.
    """

    __slots__ = ("_first", "_last", "_n", "_name", "_ord0", "_prefix", "_special", "_working")

    def __init__(
        self,
        first: date,
        last: date,
        special_days: Iterable[SpecialDay] = (),
        *,
        name: str = "custom calendar",
    ) -> None:
        check_date("first", first)
        check_date("last", last)
        if last < first:
            raise InvalidInputError(
                Message(
                    "last must not be before first (got {first} to {last})",
                    first=first.isoformat(),
                    last=last.isoformat(),
                )
            )
        self._first, self._last, self._name = first, last, name
        self._ord0 = first.toordinal()
        self._n = last.toordinal() - self._ord0 + 1
        special: dict[date, SpecialDay] = {}
        for item in check_iterable("special_days", special_days):
            if not isinstance(item, SpecialDay):
                raise InvalidTypeError.for_field("special_days", "a list of SpecialDay", item)
            if first <= item.day <= last:
                special[item.day] = item
        self._special = special

        weekday0 = first.weekday()
        flags = [(weekday0 + i) % 7 < _SATURDAY for i in range(self._n)]
        for item in special.values():
            flags[item.day.toordinal() - self._ord0] = item.working
        prefix = [0] * (self._n + 1)
        working: list[int] = []
        count = 0
        for i, is_working in enumerate(flags):
            if is_working:
                working.append(i)
                count += 1
            prefix[i + 1] = count
        self._prefix = prefix
        self._working = working

    # -- the range ------------------------------------------------------------

    @property
    def supported_range(self) -> tuple[date, date]:
        """First and last day the calendar knows (both inclusive)."""
        return self._first, self._last

    @property
    def name(self) -> str:
        return self._name

    def __repr__(self) -> str:
        return (
            f"<WorkingCalendar {self._name!r} {self._first.isoformat()}..{self._last.isoformat()}>"
        )

    def _index(self, field: str, day: Any) -> int:
        if type(day) is not date:
            check_date(field, day)
        i: int = day.toordinal() - self._ord0
        if not 0 <= i < self._n:
            raise OutOfRangeError(
                Message(
                    "{field} {day} is outside the calendar's supported range {first} to "
                    "{last}; the days off outside it are not known",
                    field=field,
                    day=day.isoformat(),
                    first=self._first.isoformat(),
                    last=self._last.isoformat(),
                )
            )
        return i

    def _working_day_at(self, position: int, field: str, day: date, n: int) -> date:
        if not 0 <= position < len(self._working):
            raise OutOfRangeError(
                Message(
                    "{n} working days from {field} {day} falls outside the calendar's "
                    "supported range {first} to {last}",
                    n=n,
                    field=field,
                    day=day.isoformat(),
                    first=self._first.isoformat(),
                    last=self._last.isoformat(),
                )
            )
        return date.fromordinal(self._ord0 + self._working[position])

    # -- queries ----------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is a working day.

        >>> public_sector_calendar().is_working_day(date(2019, 4, 29))  # swapped off
        False
        """
        i = self._index("day", day)
        return self._prefix[i + 1] != self._prefix[i]

    def add_working_days(self, day: date, n: int) -> date:
        """The ``n``-th working day after ``day`` (``day`` itself not counted, Civil
        Code 2015 Art. 147(2)); for ``n < 0`` the ``|n|``-th working day before it;
        for ``n == 0``, ``day`` if it is a working day, else the next working day.

        >>> cal = public_sector_calendar()
        >>> cal.add_working_days(date(2019, 6, 3), -6)
        datetime.date(2019, 5, 24)
        >>> cal.add_working_days(date(2019, 4, 27), 0)   # Saturday rolls to Thu 2/5
        datetime.date(2019, 5, 2)
        """
        if type(day) is date and type(n) is int:
            # The common case without a call: the checks below only name the problem.
            i = day.toordinal() - self._ord0
            if 0 <= i < self._n:
                position = self._prefix[i + 1] + n - 1 if n > 0 else self._prefix[i] + n
                if 0 <= position < len(self._working):
                    return _fromordinal(self._ord0 + self._working[position])
        i = self._index("day", day)
        if type(n) is not int:
            check_int("n", n)
        # prefix[i] counts working days before day, prefix[i + 1] those up to it.
        position = self._prefix[i + 1] + n - 1 if n > 0 else self._prefix[i] + n
        return self._working_day_at(position, "day", day, n)

    def working_days_between(self, start: date, end: date) -> int:
        """The number of working days ``d`` with ``start < d <= end``; negative when
        ``end < start``, zero when they are equal.

        >>> public_sector_calendar().working_days_between(date(2024, 1, 1), date(2026, 12, 31))
        750
        """
        i = self._index("start", start)
        j = self._index("end", end)
        return self._prefix[j + 1] - self._prefix[i + 1]

    def next_working_day(self, day: date) -> date:
        """``day`` if it is a working day, else the next one (Civil Code 2015 Art.
        148(5): a period whose last day is a day off ends on the next working day)."""
        return self.add_working_days(day, 0)

    # -- many days at once (see cchc_rules._batch) ------------------------------

    @overload
    def is_working_day_many(self, days: NDArray[np.datetime64]) -> NDArray[np.bool_]: ...
    @overload
    def is_working_day_many(self, days: Iterable[date]) -> list[bool]: ...
    def is_working_day_many(self, days: Any) -> Any:
        """:meth:`is_working_day` of each day: a list for a list (any iterable) of
        dates, a bool array for a numpy ``datetime64[D]`` array. A day the scalar
        method refuses is refused the same way, with its position.

        >>> public_sector_calendar().is_working_day_many([date(2019, 5, 3), date(2019, 5, 4)])
        [True, True]
        """
        return _batch.is_working_day_many(self, days)

    @overload
    def add_working_days_many(
        self, days: NDArray[np.datetime64], n: int | NDArray[np.integer[Any]]
    ) -> NDArray[np.datetime64]: ...
    @overload
    def add_working_days_many(
        self, days: Iterable[date], n: int | Iterable[int]
    ) -> list[date]: ...
    def add_working_days_many(self, days: Any, n: Any) -> Any:
        """:meth:`add_working_days` of each day, by one ``n`` or by one ``n`` per day:
        a list of dates for a list, a ``datetime64[D]`` array for an array.

        >>> cal = public_sector_calendar()
        >>> cal.add_working_days_many([date(2019, 4, 26), date(2019, 6, 3)], [1, -6])
        [datetime.date(2019, 5, 2), datetime.date(2019, 5, 24)]
        >>> cal.add_working_days_many([date(2019, 6, 3), date(2017, 12, 29)], 1)
        ... # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        cchc_rules.errors.OutOfRangeError: item 1: day 2017-12-29 is outside ...
        """
        return _batch.add_working_days_many(self, days, n)

    @overload
    def working_days_between_many(
        self, starts: NDArray[np.datetime64], ends: NDArray[np.datetime64]
    ) -> NDArray[np.int64]: ...
    @overload
    def working_days_between_many(
        self, starts: Iterable[date], ends: Iterable[date]
    ) -> list[int]: ...
    def working_days_between_many(self, starts: Any, ends: Any) -> Any:
        """:meth:`working_days_between` of each pair ``(starts[k], ends[k])``: a list
        of ints for lists, an int64 array for two ``datetime64[D]`` arrays.

        >>> public_sector_calendar().working_days_between_many(
        ...     [date(2019, 5, 24), date(2019, 6, 3)], [date(2019, 6, 3), date(2019, 5, 24)]
        ... )
        [6, -6]
        """
        return _batch.working_days_between_many(self, starts, ends)

    # -- the special days ------------------------------------------------------

    def special_days(self, year: int) -> tuple[SpecialDay, ...]:
        """Named days off and make-up working days of ``year``, in date order."""
        check_int("year", year)
        if not self._first.year <= year <= self._last.year:
            raise OutOfRangeError(
                Message(
                    "year {year} is outside the calendar's supported range {first} to {last}",
                    year=year,
                    first=self._first.isoformat(),
                    last=self._last.isoformat(),
                )
            )
        return tuple(
            sorted((s for s in self._special.values() if s.day.year == year), key=lambda s: s.day)
        )

    def days_off(self, year: int) -> tuple[SpecialDay, ...]:
        """Holidays, compensatory days and swapped days off of ``year``.

        >>> print(*(d.day for d in public_sector_calendar().days_off(2019) if d.day.month > 3))
        2019-04-14 2019-04-15 2019-04-29 2019-04-30 2019-05-01 2019-09-02
        """
        return tuple(s for s in self.special_days(year) if not s.working)

    def make_up_days(self, year: int) -> tuple[SpecialDay, ...]:
        """Weekend days worked in exchange for a swapped day off.

        >>> print(*(d.day for d in public_sector_calendar().make_up_days(2019)))
        2019-01-05 2019-05-04
        """
        return tuple(s for s in self.special_days(year) if s.working)

    # -- changes ---------------------------------------------------------------

    def with_changes(
        self,
        days_off: Iterable[date] = (),
        working_days: Iterable[date] = (),
        *,
        source: Source | str,
    ) -> WorkingCalendar:
        """A new calendar with extra days off and extra working days, each keeping
        ``source`` (e.g. a swap decided after the installed ``holidays`` data).
        The calendar it is called on never changes.

        >>> cal = public_sector_calendar()
        >>> later = cal.with_changes(days_off=[date(2026, 12, 31)], source="Công văn (ví dụ)")
        >>> later.is_working_day(date(2026, 12, 31)), cal.is_working_day(date(2026, 12, 31))
        (False, True)
        """
        cited = Source.coerce(source)
        off = [check_date("days_off", d) for d in check_iterable("days_off", days_off)]
        on = [check_date("working_days", d) for d in check_iterable("working_days", working_days)]
        both = sorted(set(off) & set(on))
        if both:
            raise InvalidInputError(
                Message(
                    "a day cannot be both a day off and a working day (got {days} in both)",
                    days=", ".join(d.isoformat() for d in both),
                )
            )
        for d in (*off, *on):
            self._index(Message("changed day"), d)
        changes = [
            SpecialDay(d, False, "Ngày nghỉ (thay đổi bổ sung)", "Day off (added change)", cited)
            for d in off
        ] + [
            SpecialDay(
                d, True, "Ngày làm việc (thay đổi bổ sung)", "Working day (added change)", cited
            )
            for d in on
        ]
        return WorkingCalendar(
            self._first,
            self._last,
            [*self._special.values(), *changes],
            name=f"{self._name} with changes",
        )


def calendar_or_default(calendar: Any) -> WorkingCalendar:
    """``calendar``, or the public-sector calendar when it is ``None``."""
    if calendar is None:
        return _default_calendar()
    if not isinstance(calendar, WorkingCalendar):
        raise InvalidTypeError.for_field("calendar", "a WorkingCalendar or None", calendar)
    return calendar


@functools.cache
def _default_calendar() -> WorkingCalendar:
    """The calendar every query without one uses, found once (a query should not
    pay for checking the default range's arguments again)."""
    return public_sector_calendar()


def _holiday_source() -> Source:
    return Source(
        f"holidays {importlib.metadata.version('holidays')} (holidays.VN)",
        location="https://github.com/vacanza/holidays",
        note=(
            "statutory holidays of Bộ luật Lao động 2019 Điều 112 (2012 Điều 115 before "
            "2021), compensatory days and the government's public-sector swaps"
        ),
    )


def public_sector_calendar(
    first_year: int = DEFAULT_FIRST_YEAR, last_year: int = DEFAULT_LAST_YEAR
) -> WorkingCalendar:
    """The Vietnamese public-sector calendar (Monday–Friday, ``holidays.VN`` days
    off, swapped days off and make-up Saturdays) from 1 January ``first_year`` to
    31 December ``last_year``. Built once per range and cached.

    Years after :data:`DEFAULT_LAST_YEAR` get the statutory days and the standard
    compensatory rules only: the government decides swaps yearly, so add them with
    :meth:`WorkingCalendar.with_changes`.

    >>> public_sector_calendar().supported_range
    (datetime.date(2018, 1, 1), datetime.date(2026, 12, 31))
    """
    check_int("first_year", first_year, minimum=1995)
    check_int("last_year", last_year, minimum=first_year)
    if last_year > 2100:
        raise InvalidInputError.for_field("last_year", "must be at most 2100", last_year)
    return _build_public_sector_calendar(first_year, last_year)


@functools.lru_cache(maxsize=8)
def _build_public_sector_calendar(first_year: int, last_year: int) -> WorkingCalendar:
    import holidays  # deferred: importing it costs ~0.3 s that grading alone never needs

    years = range(first_year, last_year + 1)
    names_vi = holidays.country_holidays("VN", years=years, language="vi")
    names_en = holidays.country_holidays("VN", years=years, language="en_US")
    source = _holiday_source()
    special = [
        SpecialDay(day, False, names_vi[day], names_en.get(day, names_vi[day]), source)
        for day in names_vi
    ]
    special += [
        SpecialDay(day, True, "Ngày làm việc bù", "Make-up working day", source)
        for day in names_vi.weekend_workdays
        if first_year <= day.year <= last_year
    ]
    return WorkingCalendar(
        date(first_year, 1, 1),
        date(last_year, 12, 31),
        special,
        name=f"Vietnam public sector {first_year}-{last_year}",
    )
