"""What the command shows as text: each command's table, and the notes a result
carries (provisional calendar days, unverified parameters), in the language asked
for. Pure functions from results to text; where the text goes is the commands'
business (:mod:`cchc_rules._commands`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Iterator, Sequence

from ._messages import Lang, Message, day, localize
from ._table import render
from .errors import Problem
from .io import GROUP_COLUMNS, tally_rows
from .published_grades import GradeDiscrepancy
from .reports import COUNT_FIELDS, Discrepancy
from .rulebooks import Rulebook
from .tasks import TaskTally
from .verdict import Verdict
from .working_calendar import WorkingCalendar

__all__ = [
    "VERDICT_HEADS",
    "calendar_table",
    "discrepancy_table",
    "notice_sentence",
    "provisional_note",
    "report_text",
    "rulebook_table",
    "tally_table",
    "unverified_note",
    "verdict_table_rows",
    "weekday",
]


def _headings(messages: Sequence[str], lang: str) -> list[str]:
    """Column headings in ``lang``."""
    return [localize(h, lang) for h in messages]


# -- notes ---------------------------------------------------------------------------


def provisional_note(cal: WorkingCalendar) -> Message:
    """The note on a result that used a day after ``cal.confirmed_through``."""
    return Message(
        "NOTE: this result uses provisional days (after {through}): the official schedule "
        "of days off for those years is not yet published. When it is, add its days with "
        "--calendar-changes FILE (docs/calendar-law.md).",
        through=f"{cal.confirmed_through:%d/%m/%Y}",
    )


def unverified_note(unverified: set[str]) -> Message:
    """The note on grades that used unverified parameters."""
    if "scope" in unverified:
        return Message(
            'NOTE: these grades use unverified parameters: {names}. "scope": some rows '
            "lie outside the years or unit kinds the rulebook was written for (Decision "
            "30/2018 names only sở and quận, huyện, before the reform of 1/7/2025); its "
            "parameters were applied to them anyway. Confirm them against the official "
            "text (docs/decision-30-2018.md).",
            names=", ".join(sorted(unverified)),
        )
    return Message(
        "NOTE: these grades use unverified parameters: {names}. Confirm them against "
        "the official text (docs/decision-30-2018.md).",
        names=", ".join(sorted(unverified)),
    )


# -- notice ----------------------------------------------------------------------------


def notice_sentence(inspection: dt.date, latest: dt.date, days: int) -> Message:
    """The sentence under the ISO date ``cchc-rules notice`` prints first."""
    return Message(
        "Latest notice for an inspection on {inspection}: {latest} (at least {days} "
        "working days between)",
        inspection=day(inspection),
        latest=day(latest),
        days=days,
    )


# -- grades ------------------------------------------------------------------------------

VERDICT_HEADS = (
    "#",
    Message("unit"),
    Message("head"),
    Message("year"),
    Message("index"),
    Message("base grade"),
    Message("findings"),
    Message("grade"),
)


def verdict_table_rows(
    results: Iterable[Verdict | list[Problem]], lang: str
) -> Iterator[list[object]]:
    """One table row per input row: its verdict, or why it was rejected."""
    for i, r in enumerate(results, 1):
        if isinstance(r, Verdict):
            a = r.assessment
            yield [
                i,
                a.head.unit.name,
                a.head.name,
                a.year,
                a.index_score,
                r.base_grade.label(lang),
                len(a.findings),
                r.grade.label(lang),
            ]
        else:
            reasons = "; ".join(localize(p.message, lang) for p in r)
            yield [i, localize(Message("(rejected)"), lang), "", "", "", "", "", reasons]


_CHECK_HEADS = (
    Message("row"),
    Message("unit"),
    Message("head"),
    Message("year"),
    Message("index"),
    Message("published"),
    Message("rulebook gives"),
    Message("why"),
)


def discrepancy_table(
    found: Sequence[tuple[str, GradeDiscrepancy]], checked: int, lang: Lang
) -> str:
    """The published grades the rulebook does not give, with the count checked."""
    rows: list[list[object]] = []
    unverified: set[str] = set()
    for where, d in found:
        a = d.assessment
        unverified.update(d.verdict.unverified)
        rows.append(
            [
                localize(where, lang),
                a.head.unit.name,
                a.head.name,
                a.year,
                a.index_score,
                d.published.label(lang),
                d.expected.label(lang),
                d.verdict.brief(lang),
            ]
        )
    if found:
        said = Message(
            "{count} of {total} published grades differ from the rulebook",
            count=len(found),
            total=checked,
        )
        text = render(_headings(_CHECK_HEADS, lang), rows) + "\n\n" + localize(said, lang)
    else:
        said = Message("all {total} published grades follow from the rulebook", total=checked)
        text = localize(said, lang)
    if unverified:
        text += "\n\n" + localize(unverified_note(unverified), lang)
    return text + "\n"


# -- published task figures ------------------------------------------------------------


def report_text(found: Sequence[Discrepancy], lang: str) -> str:
    """Each discrepancy in published task figures as a line, or that there is none."""
    if not found:
        return Message("The figures are consistent.").render(lang) + "\n"
    return "".join(f"- {d.render(lang)}\n" for d in found)


# -- rulebooks ---------------------------------------------------------------------------

_RULEBOOK_HEADS = (
    Message("parameter"),
    Message("value"),
    Message("from"),
    Message("until"),
    Message("provenance"),
    Message("source"),
)


def rulebook_table(book: Rulebook, lang: str) -> str:
    """Every dated value of every parameter, with its provenance and source."""
    rows: list[list[object]] = []
    for declared, param in book.parameter_set.items():
        for dated in param.values:
            rows.append(
                [
                    declared.name,
                    declared.text(dated.value),
                    dated.valid_from.isoformat(),
                    dated.valid_until.isoformat() if dated.valid_until else "",
                    dated.source.provenance.label(lang),
                    dated.source.instrument,
                ]
            )
    return f"{book.name} ({book.id})\n\n" + render(_headings(_RULEBOOK_HEADS, lang), rows) + "\n"


# -- tasks -------------------------------------------------------------------------------


def tally_table(groups: dict[Hashable, TaskTally], by: str) -> str:
    """One row per group: its key columns, the counts and the share on time."""
    rows: list[list[object]] = [
        [
            *("" if v is None else v for v in list(row.values())[: len(GROUP_COLUMNS[by])]),
            *t.to_dict().values(),
            f"{t.percent('on_time')}%" if t.assigned else "",
        ]
        for row, t in zip(tally_rows(groups, by), groups.values(), strict=True)
    ]
    return render([*GROUP_COLUMNS[by], *COUNT_FIELDS, "on_time %"], rows) + "\n"


# -- the calendar --------------------------------------------------------------------------

_WEEKDAYS = (
    Message("Mon"),
    Message("Tue"),
    Message("Wed"),
    Message("Thu"),
    Message("Fri"),
    Message("Sat"),
    Message("Sun"),
)


def weekday(value: dt.date, lang: str) -> str:
    """The day of the week of ``value``, short, in ``lang`` ("Sat", "T7")."""
    return _WEEKDAYS[value.weekday()].render(lang)


def calendar_table(cal: WorkingCalendar, year: int, lang: str) -> str:
    """A year's days off and make-up working days, with their names and provenance."""
    rows: list[list[object]] = [
        [
            d.day.isoformat(),
            weekday(d.day, lang),
            localize(Message("working") if d.working else Message("off"), lang),
            d.name_vi,
            d.name_en,
            d.source.provenance.label(lang),
        ]
        for d in cal.special_days(year)
    ]
    columns = [Message("day"), "", Message("status"), Message("name in Vietnamese"),
               Message("name in English"), Message("provenance")]  # fmt: skip
    return render(_headings(columns, lang), rows) + "\n"
