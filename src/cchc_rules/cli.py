"""The ``cchc-rules`` command: parse, call the library, print. Nothing else.

Exit status: 0 success; 1 findings, discrepancies or rejected rows; 2 bad usage or
unreadable input. Errors go to stderr as plain sentences, in the language of
``--lang`` (Vietnamese unless ``--lang en``); never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from . import demo
from ._files import LIMITS, os_reason
from ._messages import DEFAULT_LANG, LANGUAGES, Message, localize, quoted, said
from ._output import check_output, open_output, printable
from ._table import render, write_table
from ._tabular import CSV_STYLES
from .calendar import (
    DEFAULT_FIRST_YEAR,
    DEFAULT_LAST_YEAR,
    WorkingCalendar,
    public_sector_calendar,
)
from .calendar_changes import load_calendar_changes
from .errors import CchcError, Problem
from .excel import to_xlsx
from .grading import Assessment, GradeDiscrepancy, Verdict, grade_head
from .io import (
    ASSESSMENT_COLUMNS,
    CSV_COLUMNS,
    DISCREPANCY_COLUMNS,
    GROUP_COLUMNS,
    PUBLISHED_GRADE,
    discrepancies_to_csv,
    discrepancy_rows,
    iter_assessment_rows,
    parse_day,
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
from .reports import COUNT_FIELDS, check_task_report
from .rulebooks import DECISION_30_2018, PARAMETER_BY_NAME, Rulebook, load_rulebook
from .tasks import tally_by

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug in cchc-rules, never bad input
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C


class _UsageError(Exception):
    """Bad usage: its message (a Message) is printed in the language asked for."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(
            Message("{prog}: {message} (see --help)", prog=self.prog, message=_argparse(message))
        )


# argparse composes its messages as plain text; these are its own (gettext) message
# ids, read back so a usage error can be said in Vietnamese too. A message that
# matches none is shown as argparse wrote it.
_ARGPARSE_MESSAGES: list[tuple[re.Pattern[str], Any]] = [
    (
        re.compile(r"argument (?P<name>[^:]+): (?P<message>.*)", re.S),
        lambda g: Message(
            "argument {name}: {message}", name=g["name"], message=_argparse(g["message"])
        ),
    ),
    (
        re.compile(r"the following arguments are required: (?P<names>.*)", re.S),
        lambda g: Message("the following arguments are required: {names}", **g),
    ),
    (
        re.compile(r"unrecognized arguments: (?P<names>.*)", re.S),
        lambda g: Message("unrecognized arguments: {names}", **g),
    ),
    (
        re.compile(r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)", re.S),
        lambda g: Message("invalid choice: {value} (choose from {choices})", **g),
    ),
    (re.compile(r"expected one argument"), lambda g: Message("expected one argument")),
]
_TYPE_ERRORS: dict[str, str] = {}  # our own argument messages, by their English


def _argparse(message: str) -> str:
    if message in _TYPE_ERRORS:
        return _TYPE_ERRORS[message]
    for pattern, build in _ARGPARSE_MESSAGES:
        match = pattern.fullmatch(message)
        if match:
            said: str = build(match.groupdict())
            return said
    return message


def _bad_argument(message: str) -> argparse.ArgumentTypeError:
    _TYPE_ERRORS[str(message)] = message
    return argparse.ArgumentTypeError(message)


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _bad_argument(
            Message("expected a date as YYYY-MM-DD (got {value})", value=quoted(text))
        ) from None


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise _bad_argument(
            Message("expected a whole number of days, 0 or more (got {value})", value=quoted(text))
        )
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cchc-rules",
        description="Rules for the accountability of heads of units for CCHC "
        "(Hải Phòng Decision 30/2018/QĐ-UBND) and the public-sector working-day calendar.",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    demo_cmd = commands.add_parser(
        "demo", help="run the main job on the embedded Hải Phòng 2019 example"
    )
    _lang(demo_cmd)

    notice = commands.add_parser(
        "notice", help="latest day to announce an inspection (first line: ISO date)"
    )
    notice.add_argument("inspection_day", type=_iso_date, help="inspection day, YYYY-MM-DD")
    notice.add_argument(
        "--days",
        type=_non_negative,
        default=5,
        help="working days that must lie strictly between notice and inspection (default 5)",
    )
    _calendar_changes(notice)
    _lang(notice)
    grade = commands.add_parser("grade", help="grade heads from a CSV or JSON file")
    grade.add_argument(
        "file", type=Path, help="CSV (unit,kind,parent,head,year,index_score) or JSON"
    )
    grade.add_argument("--format", choices=("table", "json", "csv", "xlsx"), default="table")
    _csv_style(grade)
    _common(grade)
    _encoding(grade)

    check = commands.add_parser(
        "check-grades",
        help="check published grades: the grade input plus a published_grade column",
    )
    check.add_argument("file", type=Path, help="CSV or JSON as for grade, plus published_grade")
    check.add_argument("--format", choices=("table", "json", "csv", "xlsx"), default="table")
    _csv_style(check)
    _common(check)
    _encoding(check)

    explain = commands.add_parser("explain", help="the reasoning behind each verdict")
    explain.add_argument("file", type=Path, help="CSV or JSON, as for grade")
    _common(explain)
    _encoding(explain)

    report = commands.add_parser("check-report", help="check published task figures (JSON)")
    report.add_argument("file", type=Path, help="a JSON object with TaskReport's fields")
    report.add_argument("--format", choices=("table", "json"), default="table")
    _lang(report)
    report.add_argument("--output", type=Path, help="write to this file (atomically)")
    _max_input(report)

    tally = commands.add_parser("tally", help="count tasks by status from a CSV or JSON file")
    tally.add_argument("file", type=Path, help="CSV or JSON with title,due[,completed,...]")
    tally.add_argument("--as-of", required=True, type=_day, help="the day to count on")
    tally.add_argument("--by", choices=("unit", "area", "none"), default="none")
    tally.add_argument("--format", choices=("table", "json", "csv", "xlsx"), default="table")
    _csv_style(tally)
    tally.add_argument("--output", type=Path, help="write to this file (atomically)")
    _calendar_changes(tally)
    _lang(tally)
    _encoding(tally)
    _max_input(tally)

    rulebook = commands.add_parser(
        "rulebook",
        help="show a rulebook's parameters with their sources, or write it as CSV or "
        "JSON to start your own",
    )
    rulebook.add_argument("--format", choices=("table", "csv", "json"), default="table")
    _common(rulebook)

    calendar = commands.add_parser("calendar", help="a year's days off and make-up working days")
    calendar.add_argument("year", type=_year, help="e.g. 2019")
    calendar.add_argument(
        "--grid", action="store_true", help="the year as twelve month grids, Monday first"
    )
    _calendar_changes(calendar)
    _lang(calendar)
    return parser


def _calendar_changes(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "--calendar-changes",
        type=Path,
        metavar="FILE",
        help="a CSV of days off and working days published after the shipped table "
        "(header day,status,name,instrument); it may add years after 2030",
    )


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


def _provisional_note(cal: WorkingCalendar) -> Message:
    return Message(
        "NOTE: this result uses provisional days (after {through}): the official schedule "
        "of days off for those years is not yet published. When it is, add its days with "
        "--calendar-changes FILE (docs/calendar-law.md).",
        through=f"{cal.confirmed_through:%d/%m/%Y}",
    )


def _lang(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=DEFAULT_LANG,
        help="language of labels, explanations and error messages (default vi)",
    )


def _csv_style(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "--csv-style",
        choices=CSV_STYLES,
        default="plain",
        help="with --format csv: plain (UTF-8), excel (UTF-8 with BOM, opens right in "
        "Excel) or excel-vi (also ';' and decimal commas, for Vietnamese regional "
        "settings); --format xlsx writes a workbook (needs --output)",
    )


def _encoding(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "--encoding",
        help="the input file's text encoding when it is not UTF-8 or UTF-16 (e.g. cp1258); "
        "better: save it from Excel as CSV UTF-8",
    )


def _common(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--rulebook", type=Path, help="a rulebook file (TOML, JSON or CSV)")
    _lang(cmd)
    cmd.add_argument("--output", type=Path, help="write to this file (atomically)")
    _max_input(cmd)


def _max_input(cmd: argparse.ArgumentParser) -> None:
    limit = LIMITS.input_bytes // 2**20
    cmd.add_argument(
        "--max-input-mb",
        type=_positive_mb,
        metavar="MB",
        help=f"read input files up to this many MiB (default {limit})",
    )


def _positive_mb(text: str) -> int:
    if not (text.isascii() and text.isdigit() and 0 < len(text) <= 7 and int(text) > 0):
        raise _bad_argument(
            Message("expected a whole number of MiB, 1 or more (got {value})", value=quoted(text))
        )
    return int(text)


def _day(text: str) -> dt.date:
    try:
        return parse_day(text, "--as-of")
    except CchcError as exc:
        raise _bad_argument(said(exc)) from None


def _year(text: str) -> int:
    if not text.isdigit():
        raise _bad_argument(Message("expected a year like 2019 (got {value})", value=quoted(text)))
    return int(text)


def _cmd_notice(args: argparse.Namespace, out: TextIO) -> int:
    day: dt.date = args.inspection_day
    cal = _calendar(args)
    latest = latest_notice_date(day, args.days, cal)
    print(latest.isoformat(), file=out)
    if args.lang == "vi":
        sentence = (
            f"Thông báo chậm nhất ngày {latest:%d/%m/%Y} cho cuộc kiểm tra ngày "
            f"{day:%d/%m/%Y} (ít nhất {args.days} ngày làm việc ở giữa)"
        )
    else:
        sentence = (
            f"Latest notice for an inspection on {day.isoformat()}: {latest.isoformat()} "
            f"(at least {args.days} working days between)"
        )
    print(sentence, file=out)
    if not cal.is_confirmed_between(latest, day):
        print(localize(_provisional_note(cal), args.lang), file=out)
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    demo.run(out, args.lang)
    return EXIT_OK


def _rulebook(args: argparse.Namespace) -> Rulebook:
    return DECISION_30_2018 if args.rulebook is None else load_rulebook(args.rulebook)


def _grade_file(args: argparse.Namespace) -> Iterator[Verdict | list[Problem]]:
    """One entry per input row, as it is read and graded: its verdict, or its
    problems."""
    return _grade_rows(args, iter_assessment_rows(args.file, args.encoding))


def _grade_rows(
    args: argparse.Namespace,
    rows: Iterable[tuple[str, Assessment | None, Sequence[Problem]]],
    total: int | None = None,
) -> Iterator[Verdict | list[Problem]]:
    """Grade each ``(location, assessment, problems)`` row as it arrives."""
    rulebook = _rulebook(args)
    progress = _Progress(total, args.lang)
    for location, assessment, found in rows:
        progress.tick()
        if assessment is None:
            yield list(found)
            continue
        try:
            yield grade_head(assessment, rulebook)
        except CchcError as exc:
            yield [Problem(location, "year", said(exc))]
    progress.done()


class _Outcome:
    """Counts the rows streaming past and keeps the problems of the rejected ones
    (a batch is written as it is graded, never held whole)."""

    def __init__(self) -> None:
        self.total = 0
        self.rejected: list[list[Problem]] = []
        self.unverified: set[str] = set()

    def watch(
        self, results: Iterable[Verdict | list[Problem]]
    ) -> Iterator[Verdict | list[Problem]]:
        for result in results:
            self.total += 1
            if isinstance(result, Verdict):
                self.unverified.update(result.unverified)
            else:
                self.rejected.append(result)
            yield result

    def report(self, lang: str) -> int:
        """Print every problem of every rejected row; the exit status."""
        for problems in self.rejected:
            for problem in problems:
                _say(problem.render(lang))
        if not self.rejected:
            return EXIT_OK
        said = Message(
            "{count} of {total} rows rejected", count=len(self.rejected), total=self.total
        )
        _say(localize(said, lang))
        return EXIT_FINDINGS


class _Progress:
    """A progress line on stderr for long batches, only when stderr is a terminal."""

    EVERY = 5_000
    MINIMUM = 10_000

    def __init__(self, total: int | None, lang: str = DEFAULT_LANG) -> None:
        """``total`` is ``None`` while rows are streamed (not counted in advance)."""
        self.total, self.count, self.lang = total, 0, lang
        self.on = (total is None or total >= self.MINIMUM) and sys.stderr.isatty()

    def _line(self) -> str:
        count = f"{self.count:,}"
        said = (
            Message("graded {count} rows", count=count)
            if self.total is None
            else Message("graded {count} of {total} rows", count=count, total=f"{self.total:,}")
        )
        return f"\rcchc-rules: {localize(said, self.lang)}"

    def tick(self) -> None:
        self.count += 1
        if self.on and self.count % self.EVERY == 0 and self.count >= self.MINIMUM:
            sys.stderr.write(self._line())
            sys.stderr.flush()

    def done(self) -> None:
        if self.on and self.count >= self.MINIMUM:
            self.count = self.total or self.count
            sys.stderr.write(self._line() + "\n")


def _report_rejected(results: Sequence[Verdict | list[Problem]], lang: str) -> int:
    """Print every problem of every rejected row; the exit status."""
    outcome = _Outcome()
    for _ in outcome.watch(results):
        pass
    return outcome.report(lang)


def _cmd_grade(args: argparse.Namespace, out: TextIO) -> int:
    outcome = _Outcome()
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
            heads = [localize(h, args.lang) for h in _TABLE_HEADS]
            write_table(heads, _verdict_rows(results, args.lang), stream)
            if outcome.unverified:
                stream.write("\n" + localize(_unverified_note(outcome.unverified), args.lang))
                stream.write("\n")
    return outcome.report(args.lang)


def _verdict_rows(results: Iterable[Verdict | list[Problem]], lang: str) -> Iterator[list[object]]:
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


_TABLE_HEADS = (
    "#",
    Message("unit"),
    Message("head"),
    Message("year"),
    Message("index"),
    Message("base grade"),
    Message("findings"),
    Message("grade"),
)


def _cmd_check_grades(args: argparse.Namespace, out: TextIO) -> int:
    rows, where = read_rows(args.file, (*ASSESSMENT_COLUMNS, PUBLISHED_GRADE), args.encoding)
    parsed, published = parse_published_rows(rows, where)
    results = list(
        _grade_rows(
            args, zip(where, parsed.assessments, parsed.row_problems, strict=True), len(where)
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
        rows = discrepancy_rows(found)
        cells = [[r[c] for c in DISCREPANCY_COLUMNS] for r in rows]
        text = to_xlsx(DISCREPANCY_COLUMNS, cells, "discrepancies")
    else:
        checked = sum(isinstance(r, Verdict) for r in results)
        text = _discrepancy_table(found, checked, args.lang)
    _write(args, out, text)
    rejected = _report_rejected(results, args.lang)
    return EXIT_FINDINGS if found else rejected


def _discrepancy_table(
    found: Sequence[tuple[str, GradeDiscrepancy]], checked: int, lang: str
) -> str:
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
                d.verdict.brief("vi" if lang == "vi" else "en"),
            ]
        )
    if found:
        said = Message(
            "{count} of {total} published grades differ from the rulebook",
            count=len(found),
            total=checked,
        )
        heads = [localize(h, lang) for h in _CHECK_HEADS]
        text = render(heads, rows) + "\n\n" + localize(said, lang)
    else:
        said = Message("all {total} published grades follow from the rulebook", total=checked)
        text = localize(said, lang)
    if unverified:
        text += "\n\n" + localize(_unverified_note(unverified), lang)
    return text + "\n"


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


def _unverified_note(unverified: set[str]) -> Message:
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


def _cmd_explain(args: argparse.Namespace, out: TextIO) -> int:
    outcome = _Outcome()
    results = outcome.watch(_grade_file(args))
    with _output(args, out) as stream:
        separator = ""
        for r in results:
            if isinstance(r, Verdict):
                stream.write(separator + printable(r.explain(args.lang)))
                separator = "\n\n"
        stream.write("\n")
    return outcome.report(args.lang)


def _cmd_check_report(args: argparse.Namespace, out: TextIO) -> int:
    found = check_task_report(read_task_report(args.file))
    if args.format == "json":
        text = json.dumps([d.to_dict() for d in found], ensure_ascii=False, indent=2) + "\n"
    elif found:
        lines = [d.message_vi if args.lang == "vi" else d.message for d in found]
        text = "\n".join(f"- {line}" for line in lines) + "\n"
    else:
        text = (
            "Số liệu nhất quán." if args.lang == "vi" else "The figures are consistent."
        ) + "\n"
    _write(args, out, text)
    return EXIT_FINDINGS if found else EXIT_OK


def _cmd_rulebook(args: argparse.Namespace, out: TextIO) -> int:
    book = _rulebook(args)
    if args.format == "csv":
        text = book.to_csv()
    elif args.format == "json":
        text = book.to_json() + "\n"
    else:
        rows: list[list[object]] = []
        for name, param in book.parameters().items():
            for dated in param.values:
                rows.append(
                    [
                        name,
                        PARAMETER_BY_NAME[name].text(dated.value),
                        dated.valid_from.isoformat(),
                        dated.valid_until.isoformat() if dated.valid_until else "",
                        dated.source.provenance.value,
                        dated.source.instrument,
                    ]
                )
        heads = [localize(h, args.lang) for h in _RULEBOOK_HEADS]
        text = f"{book.name} ({book.id})\n\n" + render(heads, rows) + "\n"
    _write(args, out, text)
    return EXIT_OK


_RULEBOOK_HEADS = (
    Message("parameter"),
    Message("value"),
    Message("from"),
    Message("until"),
    Message("provenance"),
    Message("source"),
)


def _cmd_tally(args: argparse.Namespace, out: TextIO) -> int:
    tasks = read_tasks(args.file, encoding=args.encoding)
    cal = _calendar(args)
    if args.by == "none":
        by = "group"
        groups = tally_by(tasks, args.as_of, lambda _t: "all", calendar=cal)
    else:
        by = args.by
        groups = tally_by(tasks, args.as_of, args.by, calendar=cal)
    provisional = not all(cal.is_confirmed_between(t.due, t.deadline(cal)) for t in tasks)
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
        rows: list[list[object]] = [
            [
                *("" if v is None else v for v in list(row.values())[: len(GROUP_COLUMNS[by])]),
                *t.to_dict().values(),
                f"{t.percent('on_time')}%" if t.assigned else "",
            ]
            for row, t in zip(tally_rows(groups, by), groups.values(), strict=True)
        ]
        text = render([*GROUP_COLUMNS[by], *COUNT_FIELDS, "on_time %"], rows) + "\n"
        if provisional:
            text += "\n" + localize(_provisional_note(cal), args.lang) + "\n"
            provisional = False
    _write(args, out, text)
    if provisional:  # machine-readable output stays clean: the note goes to stderr
        print(f"cchc-rules: {localize(_provisional_note(cal), args.lang)}", file=sys.stderr)
    return EXIT_OK


def _cmd_calendar(args: argparse.Namespace, out: TextIO) -> int:
    cal = _calendar(args)
    lang = args.lang
    if args.grid:
        from ._calendar_grid import year_grid

        text = year_grid(cal, args.year, lang)
    else:
        text = _calendar_table(cal, args.year, lang)
    if not cal.is_confirmed_between(dt.date(args.year, 1, 1), dt.date(args.year, 12, 31)):
        text += "\n" + localize(_provisional_note(cal), lang) + "\n"
    out.write(text)
    return EXIT_OK


def _calendar_table(cal: WorkingCalendar, year: int, lang: str) -> str:
    weekdays = _WEEKDAYS_VI if lang == "vi" else _WEEKDAYS_EN
    rows: list[list[object]] = [
        [
            d.day.isoformat(),
            weekdays[d.day.weekday()],
            localize(Message("working") if d.working else Message("off"), lang),
            d.name_vi,
            d.name_en,
            localize(_PROVENANCE[d.source.provenance.value], lang),
        ]
        for d in cal.special_days(year)
    ]
    heads = [
        localize(Message("day"), lang),
        "",
        localize(Message("status"), lang),
        "tên",
        "name",
        localize(Message("provenance"), lang),
    ]
    return render(heads, rows) + "\n"


_PROVENANCE = {
    "verified": Message("verified"),
    "unverified": Message("unverified"),
    "supplied": Message("supplied"),
}


_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WEEKDAYS_VI = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")


def _write(args: argparse.Namespace, out: TextIO, text: str | bytes) -> None:
    """To stdout, or to ``--output`` where a file belongs (see ``_output``); a
    workbook (bytes) only to ``--output``."""
    if isinstance(text, bytes) and getattr(args, "output", None) is None:
        raise _UsageError(Message("cchc-rules: --format xlsx needs --output FILE.xlsx"))
    with _output(args, out) as stream:
        if isinstance(text, bytes):
            stream.flush()
            stream.buffer.write(text)
        else:
            stream.write(text)


def _output(args: argparse.Namespace, out: TextIO) -> contextlib.AbstractContextManager[TextIO]:
    """Where this run writes: stdout, or ``--output`` (never over an input file)."""
    return open_output(getattr(args, "output", None), out, _inputs(args))


def _inputs(args: argparse.Namespace) -> list[Path]:
    names = ("file", "rulebook", "calendar_changes")
    return [p for p in (getattr(args, n, None) for n in names) if isinstance(p, Path)]


_COMMANDS = {
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


def _utf8(stream: TextIO) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8", errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cchc-rules`` console script; returns the exit status."""
    _utf8(sys.stdout)
    _utf8(sys.stderr)
    argv = sys.argv[1:] if argv is None else list(argv)
    lang = _lang_in(argv)  # known before parsing, so usage errors can honour it
    _TYPE_ERRORS.clear()  # only this run's argument messages
    try:
        args = build_parser().parse_args(argv)
        if getattr(args, "output", None) is not None:
            check_output(args.output, _inputs(args))  # before the work, not after it
        with _input_limit(getattr(args, "max_input_mb", None)):
            status = _COMMANDS[args.command](args, sys.stdout)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return status
    except BrokenPipeError:
        # The reader stopped reading (`cchc-rules demo | head -1`): that is not an
        # error. Point stdout at devnull so the interpreter's last flush is quiet.
        _quiet_stdout()
        return EXIT_OK
    except _UsageError as exc:
        _say(localize(exc.args[0], lang), prefix="")
        return EXIT_USAGE
    except CchcError as exc:
        for line in exc.localized(lang).splitlines():
            _say(line.strip())
        return EXIT_USAGE
    except OSError as exc:
        said = Message(
            "cannot read or write {file}: {reason}", file=exc.filename or "", reason=os_reason(exc)
        )
        _say(localize(said, lang))
        return EXIT_USAGE
    except KeyboardInterrupt:
        _say(localize(Message("interrupted"), lang))
        return EXIT_INTERRUPTED
    except Exception as exc:  # last resort: a bug must not print a traceback
        if os.environ.get("CCHC_RULES_DEBUG"):
            raise
        said = Message(
            "internal error ({error}); this is a bug, please report it with the command you "
            "ran (set CCHC_RULES_DEBUG=1 for details)",
            error=f"{type(exc).__name__}: {exc}",
        )
        _say(localize(said, lang))
        return EXIT_INTERNAL


def _say(line: str, prefix: str = "cchc-rules: ") -> None:
    """One line on stderr, control characters escaped (a file name or a value
    that arrived may hold an ANSI sequence)."""
    print(prefix + printable(line), file=sys.stderr)


@contextlib.contextmanager
def _input_limit(megabytes: int | None) -> Iterator[None]:
    """``--max-input-mb`` for this run only (main may run many times in a process)."""
    before = LIMITS.input_bytes
    if megabytes is not None:
        LIMITS.input_bytes = megabytes * 2**20
    try:
        yield
    finally:
        LIMITS.input_bytes = before


def _quiet_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a file descriptor (a test's buffer)
        pass


def _lang_in(argv: Sequence[str]) -> str:
    """The language asked for with ``--lang`` (the last one wins, as in argparse);
    the default when none is given or the one given is not offered."""
    lang: str = DEFAULT_LANG
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return lang if lang in LANGUAGES else DEFAULT_LANG


if __name__ == "__main__":  # excluded from coverage: run as a script, tested via main()
    sys.exit(main())
