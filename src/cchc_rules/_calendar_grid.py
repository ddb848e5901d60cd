"""A year as twelve month grids, Monday first, the way offices pin the year's
schedule on the wall (``cchc-rules calendar YEAR --grid``)."""

from __future__ import annotations

from datetime import date, timedelta

from ._messages import Message, localize, term
from .working_calendar import WorkingCalendar

__all__ = ["year_grid"]

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July",
              "August", "September", "October", "November", "December")  # fmt: skip
"""The months' names in English; in Vietnamese a month is named by its number."""
_HEAD = Message("Mo Tu We Th Fr Sa Su")
"""The days of the week over a month's columns, two letters each (a Vietnamese
day is named by its number: T2 ... T7, CN)."""
_CELL = 3  # two digits and a mark
_WIDTH = 7 * _CELL + 6
_LEGEND = (
    ("*", Message("day off (holiday, compensatory day or swapped day off)")),
    ("+", Message("make-up working day (a weekend day worked)")),
    ("?", Message("day off not yet confirmed (provisional year or unverified)")),
)


def _month(year: int, month: int, lang: str, marks: dict[date, str]) -> list[str]:
    name = term(_MONTHS_EN[month - 1], str(month))
    title = Message("{month} {year}", month=name, year=year).render(lang)
    lines = [
        title.center(_WIDTH).rstrip(),
        " ".join(f"{w:<3}" for w in _HEAD.render(lang).split()).rstrip(),
    ]
    day = date(year, month, 1)
    cells = ["   "] * day.weekday()
    while day.month == month:
        cells.append(f"{day.day:>2}{marks.get(day, ' ')}")
        day += timedelta(days=1)
    for i in range(0, len(cells), 7):
        lines.append(" ".join(cells[i : i + 7]).rstrip())
    return lines


def year_grid(cal: WorkingCalendar, year: int, lang: str) -> str:
    """Twelve month grids, three a row, then the legend.

    A day off is marked ``*``, or ``?`` when it is not confirmed (a provisional
    year, or an unverified day such as 24/11/2026); a make-up working day ``+``.
    """
    marks = {
        d.day: "+"
        if d.working
        else ("?" if d.source.unverified or not cal.is_confirmed(d.day) else "*")
        for d in cal.special_days(year)
    }
    blocks = [_month(year, m, lang, marks) for m in range(1, 13)]
    out: list[str] = []
    for row in range(0, 12, 3):
        group = blocks[row : row + 3]
        for i in range(max(len(b) for b in group)):
            out.append(
                "   ".join((b[i] if i < len(b) else "").ljust(_WIDTH) for b in group).rstrip()
            )
        out.append("")
    out += [f"{mark} {localize(text, lang)}" for mark, text in _LEGEND]
    out.append(localize(Message("Saturdays and Sundays are days off unless marked +"), lang))
    return "\n".join(out) + "\n"
