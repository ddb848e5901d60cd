"""The working-day calendar: the working days of a fixed, stated range, answered
in constant time.

A :class:`WorkingCalendar` is built from the special days of a regime (days off on
weekdays, working days on weekends); everything else follows the working week,
Monday to Friday. It precomputes, once, the working days of its range: a count is
the difference of two prefix counts and an offset is one index into the sorted
working days. No query loops over days.

Counting follows Bộ luật Dân sự 2015, Điều 147(2): the day that starts a period is
not counted. The Vietnamese public-sector calendar, with its cited days, is built by
:func:`cchc_rules.calendar.public_sector_calendar`; the days of a notice published
later are added with :meth:`WorkingCalendar.with_changes` or
:meth:`WorkingCalendar.with_changes_from` (:mod:`cchc_rules.calendar_changes`).

>>> january = WorkingCalendar(date(2024, 1, 1), date(2024, 1, 31), name="January")
>>> january.working_days_between(date(2024, 1, 1), date(2024, 1, 31))   # Monday to Friday
22
>>> january.add_working_days(date(2024, 1, 5), 1)    # Friday: the next working day is Monday
datetime.date(2024, 1, 8)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, overload

from . import calendar_batch
from ._messages import Message
from ._validate import require_date, require_int, require_iterable
from .calendar_changes import changed_days, read_changes
from .calendar_table import SpecialDay
from .errors import InvalidInputError, InvalidTypeError, OutOfRangeError, Problem
from .law import Source

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["DayTables", "WorkingCalendar"]

_SATURDAY = 5
_fromordinal = date.fromordinal

_WAY_OUT = Message(
    "Extend it with public_sector_calendar(first_year=..., last_year=...) and add that "
    "year's published days off with WorkingCalendar.with_changes_from(file) (on the "
    "command line: --calendar-changes FILE)"
)


class DayTables(NamedTuple):
    """A calendar's precomputed tables, for the batch and notice fast paths that
    answer without a method call per item. Day ``d`` is at index
    ``d.toordinal() - ord0`` when ``0 <= index < size``; ``prefix[i]`` counts the
    working days before index ``i`` (``prefix[i + 1]`` up to and including it), and
    ``working`` lists the indices of the working days in order.

    >>> from cchc_rules import public_sector_calendar
    >>> t = public_sector_calendar().tables
    >>> t.prefix[-1] == len(t.working), t.size == len(t.prefix) - 1
    (True, True)
    """

    ord0: int
    size: int
    prefix: tuple[int, ...]
    working: tuple[int, ...]


class WorkingCalendar:
    """Working days over a fixed, stated range, with every query in constant time.

    Build one with :func:`public_sector_calendar`, or directly from the special days
    of another regime. Instances are immutable and safe to share between threads.
    ``confirmed`` is the span ``(from, through)`` of days an official schedule
    settles (clipped to the range); by default the whole range, since a custom
    calendar is what its maker says it is.
    """

    __slots__ = (
        "_confirmed",
        "_first",
        "_last",
        "_n",
        "_name",
        "_ord0",
        "_prefix",
        "_special",
        "_working",
        "tables",
    )

    def __init__(
        self,
        first: date,
        last: date,
        special_days: Iterable[SpecialDay] = (),
        *,
        name: str = "custom calendar",
        confirmed: tuple[date, date] | None = None,
    ) -> None:
        require_date("first", first)
        require_date("last", last)
        if last < first:
            raise InvalidInputError(
                Message(
                    "last must not be before first (got {first} to {last})",
                    first=first.isoformat(),
                    last=last.isoformat(),
                )
            )
        self._first, self._last, self._name = first, last, name
        # The days whose status an official instrument settles; a custom calendar is
        # what its maker says it is, so all of it by default.
        if confirmed is None:
            confirmed = (first, last)
        elif not isinstance(confirmed, tuple) or len(confirmed) != 2:
            raise InvalidTypeError.for_field(
                "confirmed", "a (confirmed_from, confirmed_through) pair of dates", confirmed
            )
        else:
            require_date("confirmed_from", confirmed[0])
            require_date("confirmed_through", confirmed[1])
        self._confirmed = (max(first, confirmed[0]), min(last, confirmed[1]))
        self._ord0 = first.toordinal()
        self._n = last.toordinal() - self._ord0 + 1
        special: dict[date, SpecialDay] = {}
        for item in require_iterable("special_days", special_days):
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
        self._prefix = tuple(prefix)
        self._working = tuple(working)
        self.tables = DayTables(self._ord0, self._n, self._prefix, self._working)
        """The precomputed tables (read only: the calendar is immutable)."""

    # -- the range ------------------------------------------------------------

    @property
    def supported_range(self) -> tuple[date, date]:
        """First and last day the calendar knows (both inclusive)."""
        return self._first, self._last

    @property
    def name(self) -> str:
        return self._name

    @property
    def confirmed_through(self) -> date:
        """The last day whose status an official instrument settles; the days after
        it are provisional. For the public-sector calendar, 31/12/2026 (or the day
        before its first day when it starts later).

        >>> from cchc_rules import public_sector_calendar
        >>> public_sector_calendar().confirmed_through
        datetime.date(2026, 12, 31)
        """
        lo, hi = self._confirmed
        return hi if lo <= hi else self._first - timedelta(days=1)

    def is_confirmed(self, day: date) -> bool:
        """Whether ``day`` lies in the confirmed part of the calendar (an official
        schedule settles it); ``False`` for a provisional day and for a day outside
        the range.

        >>> from cchc_rules import public_sector_calendar
        >>> cal = public_sector_calendar()
        >>> cal.is_confirmed(date(2026, 1, 2)), cal.is_confirmed(date(2027, 3, 1))
        (True, False)
        """
        require_date("day", day)
        lo, hi = self._confirmed
        return lo <= day <= hi

    def is_confirmed_between(self, start: date, end: date) -> bool:
        """Whether every day from ``start`` to ``end`` (inclusive, either order) is
        confirmed: a result that used only those days is not provisional.

        >>> from cchc_rules import public_sector_calendar
        >>> public_sector_calendar().is_confirmed_between(date(2026, 12, 21), date(2027, 1, 4))
        False
        """
        require_date("start", start)
        require_date("end", end)
        lo, hi = self._confirmed
        return lo <= min(start, end) and max(start, end) <= hi

    def __repr__(self) -> str:
        return (
            f"<WorkingCalendar {self._name!r} {self._first.isoformat()}..{self._last.isoformat()}>"
        )

    def index_of(self, day: Any, field: str = "day") -> int:
        """The index of ``day`` in :attr:`tables`; a day outside the range is an
        ``OutOfRangeError`` naming ``field``.

        >>> from cchc_rules import public_sector_calendar
        >>> cal = public_sector_calendar()
        >>> cal.index_of(date(2018, 1, 2))
        1
        """
        if type(day) is not date:
            require_date(field, day)
        i: int = day.toordinal() - self._ord0
        if not 0 <= i < self._n:
            raise OutOfRangeError(
                Message(
                    "{field} {day} is outside the calendar's supported range {first} to "
                    "{last}; the days off outside it are not known. {way_out}",
                    field=field,
                    day=day.isoformat(),
                    first=self._first.isoformat(),
                    last=self._last.isoformat(),
                    way_out=_WAY_OUT,
                )
            )
        return i

    def _working_day_at(self, position: int, field: str, day: date, n: int) -> date:
        if not 0 <= position < len(self._working):
            where = {
                "n": n,
                "field": field,
                "day": day.isoformat(),
                "first": self._first.isoformat(),
                "last": self._last.isoformat(),
                "way_out": _WAY_OUT,
            }
            raise OutOfRangeError(
                Message(
                    "{n} working day from {field} {day} falls outside the calendar's "
                    "supported range {first} to {last}. {way_out}",
                    **where,
                )
                if n in (1, -1)
                else Message(
                    "{n} working days from {field} {day} falls outside the calendar's "
                    "supported range {first} to {last}. {way_out}",
                    **where,
                )
            )
        return date.fromordinal(self._ord0 + self._working[position])

    # -- queries ----------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is a working day.

        >>> from cchc_rules import public_sector_calendar
        >>> public_sector_calendar().is_working_day(date(2019, 4, 29))  # swapped off
        False
        """
        i = self.index_of(day, "day")
        return self._prefix[i + 1] != self._prefix[i]

    def add_working_days(self, day: date, n: int) -> date:
        """The ``n``-th working day after ``day`` (``day`` itself not counted, Civil
        Code 2015 Art. 147(2)); for ``n < 0`` the ``|n|``-th working day before it;
        for ``n == 0``, ``day`` if it is a working day, else the next working day.

        >>> from cchc_rules import public_sector_calendar
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
        i = self.index_of(day, "day")
        if type(n) is not int:
            require_int("n", n)
        # prefix[i] counts working days before day, prefix[i + 1] those up to it.
        position = self._prefix[i + 1] + n - 1 if n > 0 else self._prefix[i] + n
        return self._working_day_at(position, "day", day, n)

    def working_days_between(self, start: date, end: date) -> int:
        """The number of working days ``d`` with ``start < d <= end``; negative when
        ``end < start``, zero when they are equal.

        >>> from cchc_rules import public_sector_calendar
        >>> public_sector_calendar().working_days_between(date(2024, 1, 1), date(2026, 12, 31))
        750
        """
        i = self.index_of(start, "start")
        j = self.index_of(end, "end")
        return self._prefix[j + 1] - self._prefix[i + 1]

    def next_working_day(self, day: date) -> date:
        """``day`` if it is a working day, else the next one (Civil Code 2015 Art.
        148(5): a period whose last day is a day off ends on the next working day)."""
        return self.add_working_days(day, 0)

    # -- many days at once (see cchc_rules.calendar_batch) ------------------------------

    @overload
    def is_working_day_many(self, days: NDArray[np.datetime64]) -> NDArray[np.bool_]: ...
    @overload
    def is_working_day_many(self, days: Iterable[date]) -> list[bool]: ...
    def is_working_day_many(self, days: Any) -> Any:
        """:meth:`is_working_day` of each day: a list for a list (any iterable) of
        dates, a bool array for a numpy ``datetime64[D]`` array. A day the scalar
        method refuses is refused the same way, with its position.

        >>> from cchc_rules import public_sector_calendar
        >>> public_sector_calendar().is_working_day_many([date(2019, 5, 3), date(2019, 5, 4)])
        [True, True]
        """
        return calendar_batch.is_working_day_many(self, days)

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

        >>> from cchc_rules import public_sector_calendar
        >>> cal = public_sector_calendar()
        >>> cal.add_working_days_many([date(2019, 4, 26), date(2019, 6, 3)], [1, -6])
        [datetime.date(2019, 5, 2), datetime.date(2019, 5, 24)]
        >>> cal.add_working_days_many([date(2019, 6, 3), date(2017, 12, 29)], 1)
        ... # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        cchc_rules.errors.OutOfRangeError: item 1: day 2017-12-29 is outside ...
        """
        return calendar_batch.add_working_days_many(self, days, n)

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

        >>> from cchc_rules import public_sector_calendar
        >>> public_sector_calendar().working_days_between_many(
        ...     [date(2019, 5, 24), date(2019, 6, 3)], [date(2019, 6, 3), date(2019, 5, 24)]
        ... )
        [6, -6]
        """
        return calendar_batch.working_days_between_many(self, starts, ends)

    # -- the special days ------------------------------------------------------

    def special_days(self, year: int) -> tuple[SpecialDay, ...]:
        """Named days off and make-up working days of ``year``, in date order."""
        require_int("year", year)
        if not self._first.year <= year <= self._last.year:
            raise OutOfRangeError(
                Message(
                    "year {year} is outside the calendar's supported range {first} to "
                    "{last}. {way_out}",
                    year=year,
                    first=self._first.isoformat(),
                    last=self._last.isoformat(),
                    way_out=_WAY_OUT,
                )
            )
        return tuple(
            sorted((s for s in self._special.values() if s.day.year == year), key=lambda s: s.day)
        )

    def days_off(self, year: int) -> tuple[SpecialDay, ...]:
        """Holidays, compensatory days and swapped days off of ``year``.

        >>> from cchc_rules import public_sector_calendar
        >>> print(*(d.day for d in public_sector_calendar().days_off(2019) if d.day.month > 3))
        2019-04-14 2019-04-15 2019-04-29 2019-04-30 2019-05-01 2019-09-02
        """
        return tuple(s for s in self.special_days(year) if not s.working)

    def make_up_days(self, year: int) -> tuple[SpecialDay, ...]:
        """Weekend days worked in exchange for a swapped day off.

        >>> from cchc_rules import public_sector_calendar
        >>> print(*(d.day for d in public_sector_calendar().make_up_days(2019)))
        2019-01-05 2019-05-04
        """
        return tuple(s for s in self.special_days(year) if s.working)

    # -- changes ---------------------------------------------------------------

    def _with(
        self, added: Iterable[SpecialDay], name: str, confirmed_through: date | None
    ) -> WorkingCalendar:
        lo, hi = self._confirmed
        if confirmed_through is not None:
            require_date("confirmed_through", confirmed_through)
            lo, hi = (lo if lo <= hi else self._first), confirmed_through
        return WorkingCalendar(
            self._first,
            self._last,
            [*self._special.values(), *added],
            name=name,
            confirmed=(lo, hi),
        )

    def with_changes(
        self,
        days_off: Iterable[date] = (),
        working_days: Iterable[date] = (),
        *,
        source: Source | str,
        confirmed_through: date | None = None,
    ) -> WorkingCalendar:
        """A new calendar with extra days off and extra working days, each keeping
        ``source`` (e.g. a swap decided after the shipped table). The calendar it is
        called on never changes. ``confirmed_through``, when given, states (on the
        caller's word) that the calendar is now complete up to that day, so results
        up to it are no longer provisional.

        >>> from cchc_rules import public_sector_calendar
        >>> cal = public_sector_calendar()
        >>> later = cal.with_changes(days_off=[date(2026, 12, 31)], source="Công văn (ví dụ)")
        >>> later.is_working_day(date(2026, 12, 31)), cal.is_working_day(date(2026, 12, 31))
        (False, True)
        """
        changes = changed_days(days_off, working_days, source)
        for change in changes:
            self.index_of(change.day, Message("changed day"))
        return self._with(changes, f"{self._name} with changes", confirmed_through)

    def with_changes_from(
        self, path: str | Path, *, confirmed_through: date | None = None
    ) -> WorkingCalendar:
        """A new calendar with the days of a changes file (see
        :func:`load_calendar_changes`): the way to add a notice published after the
        shipped table. Every day must lie in the calendar's range; widen it first
        with ``public_sector_calendar(last_year=...)``. ``confirmed_through`` as in
        :meth:`with_changes`.
        """
        located = read_changes(path)
        outside = [
            Problem(where, "day", _outside(self, item.day))
            for where, item in located
            if not self._first <= item.day <= self._last
        ]
        if outside:
            raise OutOfRangeError.collected(outside, str(path))
        return self._with(
            (item for _, item in located),
            f"{self._name} with {Path(path).name}",
            confirmed_through,
        )


def _outside(cal: WorkingCalendar, day: date) -> Message:
    first, last = cal.supported_range
    return Message(
        "{day} is outside the calendar's supported range {first} to {last}. {way_out}",
        day=day.isoformat(),
        first=first.isoformat(),
        last=last.isoformat(),
        way_out=_WAY_OUT,
    )
