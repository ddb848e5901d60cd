"""What each ``cchc-rules`` command does with its parsed arguments: read, call the
library, show the result (:mod:`cchc_rules._views`) where it belongs
(:mod:`cchc_rules._output`), and say how it went (:mod:`cchc_rules._console`)."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import itertools
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from . import demo
from ._console import EXIT_FINDINGS, EXIT_OK, Outcome, Progress
from ._messages import Message, localize, said
from ._output import open_output, printable
from ._table import write_table
from ._usage import UsageError
from ._views import (
    VERDICT_HEADS,
    calendar_table,
    discrepancy_table,
    notice_sentence,
    provisional_note,
    report_text,
    rulebook_table,
    tally_table,
    unverified_note,
    verdict_table_rows,
)
from .assessment import Assessment
from .calendar import (
    DEFAULT_FIRST_YEAR,
    DEFAULT_LAST_YEAR,
    WorkingCalendar,
    public_sector_calendar,
)
from .calendar_changes import load_calendar_changes
from .errors import CchcError, Problem
from .excel import to_xlsx
from .grading import grade_head, grade_many
from .io import (
    ASSESSMENT_COLUMNS,
    CSV_COLUMNS,
    DISCREPANCY_COLUMNS,
    GROUP_COLUMNS,
    PUBLISHED_GRADE,
    discrepancies_to_csv,
    discrepancy_rows,
    iter_assessment_rows,
    parse_published_rows,
    read_rows,
    read_task_report,
    read_tasks,
    tallies_to_csv,
    tallies_to_json,
    tally_rows,
    verdict_rows,
    write_verdicts_csv,
    write_verdicts_json,
)
from .notice import latest_notice_date
from .published_grades import GradeDiscrepancy
from .reports import check_task_report
from .rulebooks import DECISION_30_2018, Rulebook, load_rulebook
from .tasks import tally_by
from .verdict import Verdict

__all__ = ["COMMANDS", "inputs"]

Command = Callable[[argparse.Namespace, TextIO], int]


# -- what the arguments name -------------------------------------------------------


def _calendar(args: argparse.Namespace) -> WorkingCalendar:
    """The public-sector calendar, with the ``--calendar-changes`` file applied; its
    range grows to cover the file's years."""
    path: Path | None = getattr(args, "calendar_changes", None)
    if path is None:
        return public_sector_calendar()
    changes = load_calendar_changes(path)
    years = [d.day.year for d in changes]
    cal = public_sector_calendar(
        min([DEFAULT_FIRST_YEAR, *years]), max([DEFAULT_LAST_YEAR, *years])
    )
    return cal.with_changes_from(path)


def _rulebook(args: argparse.Namespace) -> Rulebook:
    return DECISION_30_2018 if args.rulebook is None else load_rulebook(args.rulebook)


def inputs(args: argparse.Namespace) -> list[Path]:
    """The files this run reads (``--output`` may not be one of them)."""
    names = ("file", "rulebook", "calendar_changes")
    return [p for p in (getattr(args, n, None) for n in names) if isinstance(p, Path)]


def _output(args: argparse.Namespace, out: TextIO) -> contextlib.AbstractContextManager[TextIO]:
    """Where this run writes: stdout, or ``--output`` (never over an input file)."""
    return open_output(getattr(args, "output", None), out, inputs(args))


def _write(args: argparse.Namespace, out: TextIO, text: str | bytes) -> None:
    """To stdout, or to ``--output`` where a file belongs; a workbook (bytes) only
    to ``--output``."""
    if isinstance(text, bytes) and getattr(args, "output", None) is None:
        raise UsageError(Message("cchc-rules: --format xlsx needs --output FILE.xlsx"))
    with _output(args, out) as stream:
        if isinstance(text, bytes):
            stream.flush()
            stream.buffer.write(text)
        else:
            stream.write(text)


# -- grading a file ------------------------------------------------------------------

CHUNK = 1_000
"""Rows graded at a time by :func:`~cchc_rules.grade_many`: a batch streams
through in chunks of this size, never held whole."""

Row = tuple[str, Assessment | None, Sequence[Problem]]


def _graded(
    args: argparse.Namespace, rows: Iterable[Row], total: int | None = None
) -> Iterator[Verdict | list[Problem]]:
    """One entry per ``(location, assessment, problems)`` row, in order: its
    verdict, or its problems. Each chunk is graded by ``grade_many``; a chunk
    holding a row the rulebook refuses is graded row by row, to say which."""
    rulebook = _rulebook(args)
    progress = Progress(total, args.lang)
    iterator = iter(rows)
    while chunk := list(itertools.islice(iterator, CHUNK)):
        try:
            graded: Iterator[Verdict] | None = iter(
                grade_many([a for _, a, _ in chunk if a is not None], rulebook).verdicts
            )
        except CchcError:
            graded = None
        for location, assessment, found in chunk:
            progress.tick()
            if assessment is None:
                yield list(found)
            elif graded is not None:
                yield next(graded)
            else:
                try:
                    yield grade_head(assessment, rulebook)
                except CchcError as exc:
                    yield [Problem(location, "year", said(exc))]
    progress.done()


def _grade_file(args: argparse.Namespace) -> Iterator[Verdict | list[Problem]]:
    return _graded(args, iter_assessment_rows(args.file, args.encoding))


def _cmd_grade(args: argparse.Namespace, out: TextIO) -> int:
    outcome = Outcome()
    results = outcome.watch(_grade_file(args))
    if args.format == "xlsx":
        verdicts = [r for r in results if isinstance(r, Verdict)]
        _write(args, out, to_xlsx(CSV_COLUMNS, verdict_rows(verdicts), "verdicts"))
        return outcome.report(args.lang)
    with _output(args, out) as stream:
        if args.format == "json":
            write_verdicts_json(results, stream)
        elif args.format == "csv":
            verdicts_only = (r for r in results if isinstance(r, Verdict))
            write_verdicts_csv(verdicts_only, stream, args.csv_style)
        else:
            heads = [localize(h, args.lang) for h in VERDICT_HEADS]
            write_table(heads, verdict_table_rows(results, args.lang), stream)
            if outcome.unverified:
                stream.write("\n" + localize(unverified_note(outcome.unverified), args.lang))
                stream.write("\n")
    return outcome.report(args.lang)


def _cmd_explain(args: argparse.Namespace, out: TextIO) -> int:
    outcome = Outcome()
    results = outcome.watch(_grade_file(args))
    with _output(args, out) as stream:
        separator = ""
        for r in results:
            if isinstance(r, Verdict):
                stream.write(separator + printable(r.explain(args.lang)))
                separator = "\n\n"
        stream.write("\n")
    return outcome.report(args.lang)


def _cmd_check_grades(args: argparse.Namespace, out: TextIO) -> int:
    rows, where = read_rows(args.file, (*ASSESSMENT_COLUMNS, PUBLISHED_GRADE), args.encoding)
    parsed, published = parse_published_rows(rows, where)
    outcome = Outcome()
    results = list(
        outcome.watch(
            _graded(
                args, zip(where, parsed.assessments, parsed.row_problems, strict=True), len(where)
            )
        )
    )
    found = [
        (location, GradeDiscrepancy(r.assessment, grade, r))
        for r, grade, location in zip(results, published, where, strict=True)
        if isinstance(r, Verdict) and grade is not None and r.grade is not grade
    ]
    text: str | bytes
    if args.format == "json":
        items = [{"row": str(w), **d.to_dict()} for w, d in found]
        text = json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    elif args.format == "csv":
        text = discrepancies_to_csv(found, args.csv_style)
    elif args.format == "xlsx":
        records = discrepancy_rows(found)
        cells = [[r[c] for c in DISCREPANCY_COLUMNS] for r in records]
        text = to_xlsx(DISCREPANCY_COLUMNS, cells, "discrepancies")
    else:
        text = discrepancy_table(found, outcome.total - len(outcome.rejected), args.lang)
    _write(args, out, text)
    rejected = outcome.report(args.lang)
    return EXIT_FINDINGS if found else rejected


# -- the other commands ---------------------------------------------------------------


def _cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    demo.run(out, args.lang)
    return EXIT_OK


def _cmd_notice(args: argparse.Namespace, out: TextIO) -> int:
    day: dt.date = args.inspection_day
    cal = _calendar(args)
    latest = latest_notice_date(day, args.days, cal)
    print(latest.isoformat(), file=out)
    print(notice_sentence(day, latest, args.days).render(args.lang), file=out)
    if not cal.is_confirmed_between(latest, day):
        print(localize(provisional_note(cal), args.lang), file=out)
    return EXIT_OK


def _cmd_check_report(args: argparse.Namespace, out: TextIO) -> int:
    found = check_task_report(read_task_report(args.file))
    if args.format == "json":
        text = json.dumps([d.to_dict() for d in found], ensure_ascii=False, indent=2) + "\n"
    else:
        text = report_text(found, args.lang)
    _write(args, out, text)
    return EXIT_FINDINGS if found else EXIT_OK


def _cmd_rulebook(args: argparse.Namespace, out: TextIO) -> int:
    book = _rulebook(args)
    if args.format == "csv":
        text = book.to_csv()
    elif args.format == "json":
        text = book.to_json() + "\n"
    else:
        text = rulebook_table(book, args.lang)
    _write(args, out, text)
    return EXIT_OK


def _cmd_tally(args: argparse.Namespace, out: TextIO) -> int:
    tasks = read_tasks(args.file, encoding=args.encoding)
    cal = _calendar(args)
    if args.by == "none":
        by = "group"
        groups = tally_by(tasks, args.as_of, lambda _t: "all", calendar=cal)
    else:
        by = args.by
        groups = tally_by(tasks, args.as_of, args.by, calendar=cal)
    # every due day up to its deadline (the due day rolled to a working day) is confirmed
    dues = [t.due for t in tasks]
    provisional = bool(tasks) and not cal.is_confirmed_between(
        min(dues), max(cal.add_working_days_many(dues, 0))
    )
    text: str | bytes
    if args.format == "json":
        text = tallies_to_json(groups, by) + "\n"
    elif args.format == "csv":
        text = tallies_to_csv(groups, by, style=args.csv_style)
    elif args.format == "xlsx":
        flat = tally_rows(groups, by)
        columns = list(flat[0]) if flat else list(GROUP_COLUMNS[by])
        text = to_xlsx(columns, [list(r.values()) for r in flat], "tally")
    else:
        text = tally_table(groups, by)
        if provisional:
            text += "\n" + localize(provisional_note(cal), args.lang) + "\n"
            provisional = False
    _write(args, out, text)
    if provisional:  # machine-readable output stays clean: the note goes to stderr
        print(f"cchc-rules: {localize(provisional_note(cal), args.lang)}", file=sys.stderr)
    return EXIT_OK


def _cmd_calendar(args: argparse.Namespace, out: TextIO) -> int:
    cal = _calendar(args)
    lang = args.lang
    if args.grid:
        from ._calendar_grid import year_grid

        text = year_grid(cal, args.year, lang)
    else:
        text = calendar_table(cal, args.year, lang)
    if not cal.is_confirmed_between(dt.date(args.year, 1, 1), dt.date(args.year, 12, 31)):
        text += "\n" + localize(provisional_note(cal), lang) + "\n"
    out.write(text)
    return EXIT_OK


COMMANDS: dict[str, Command] = {
    "demo": _cmd_demo,
    "notice": _cmd_notice,
    "grade": _cmd_grade,
    "explain": _cmd_explain,
    "check-grades": _cmd_check_grades,
    "check-report": _cmd_check_report,
    "calendar": _cmd_calendar,
    "rulebook": _cmd_rulebook,
    "tally": _cmd_tally,
}
"""Each command's function: ``(parsed arguments, stdout) -> exit status``."""
