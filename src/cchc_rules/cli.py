"""The ``cchc-rules`` command: parse, call the library, print. Nothing else.

Exit status: 0 success; 1 findings, discrepancies or rejected rows; 2 bad usage or
unreadable input. Errors go to stderr as plain sentences; never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from . import demo
from ._table import render
from .calendar import public_sector_calendar
from .errors import CchcError, Problem
from .grading import Verdict, grade_head
from .io import (
    parse_assessment_rows,
    parse_day,
    read_rows,
    read_task_report,
    read_tasks,
    tallies_to_csv,
    tallies_to_json,
    verdicts_to_csv,
    verdicts_to_json,
)
from .notice import latest_notice_date
from .rulebooks import DECISION_30_2018, Rulebook, load_rulebook
from .tasks import COUNT_FIELDS, check_task_report, tally_by

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug in cchc-rules, never bad input


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message} (see --help)")


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD (got {text!r})") from None


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of days, 0 or more (got {text!r})"
        )
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cchc-rules",
        description="Rules for the accountability of heads of units for CCHC "
        "(Hải Phòng Decision 30/2018/QĐ-UBND) and the public-sector working-day calendar.",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    commands.add_parser("demo", help="run the main job on the embedded Hải Phòng 2019 example")

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
    grade = commands.add_parser("grade", help="grade heads from a CSV or JSON file")
    grade.add_argument(
        "file", type=Path, help="CSV (unit,kind,parent,head,year,index_score) or JSON"
    )
    grade.add_argument("--format", choices=("table", "json", "csv"), default="table")
    _common(grade)

    explain = commands.add_parser("explain", help="the reasoning behind each verdict")
    explain.add_argument("file", type=Path, help="CSV or JSON, as for grade")
    _common(explain)

    report = commands.add_parser("check-report", help="check published task figures (JSON)")
    report.add_argument("file", type=Path, help="a JSON object with TaskReport's fields")
    report.add_argument("--format", choices=("table", "json"), default="table")
    report.add_argument("--lang", choices=("vi", "en"), default="vi")
    report.add_argument("--output", type=Path, help="write to this file (atomically)")

    tally = commands.add_parser("tally", help="count tasks by status from a CSV or JSON file")
    tally.add_argument("file", type=Path, help="CSV or JSON with title,due[,completed,...]")
    tally.add_argument("--as-of", required=True, type=_day, help="the day to count on")
    tally.add_argument("--by", choices=("unit", "area", "none"), default="none")
    tally.add_argument("--format", choices=("table", "json", "csv"), default="table")
    tally.add_argument("--output", type=Path, help="write to this file (atomically)")

    calendar = commands.add_parser("calendar", help="a year's days off and make-up working days")
    calendar.add_argument("year", type=_year, help="e.g. 2019")
    return parser


def _common(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--rulebook", type=Path, help="a rulebook file (TOML or JSON)")
    cmd.add_argument(
        "--lang",
        choices=("vi", "en"),
        default="vi",
        help="language of labels and explanations (default vi)",
    )
    cmd.add_argument("--output", type=Path, help="write to this file (atomically)")


def _day(text: str) -> dt.date:
    try:
        return parse_day(text, "--as-of")
    except CchcError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _year(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a year like 2019 (got {text!r})")
    return int(text)


def _cmd_notice(args: argparse.Namespace, out: TextIO) -> int:
    day: dt.date = args.inspection_day
    latest = latest_notice_date(day, args.days)
    print(latest.isoformat(), file=out)
    print(
        f"Thông báo chậm nhất ngày {latest:%d/%m/%Y} cho cuộc kiểm tra ngày {day:%d/%m/%Y} "
        f"(ít nhất {args.days} ngày làm việc ở giữa) / latest notice for an inspection on "
        f"{day.isoformat()} with at least {args.days} working days between",
        file=out,
    )
    return EXIT_OK


def _cmd_demo(_args: argparse.Namespace, out: TextIO) -> int:
    demo.run(out)
    return EXIT_OK


def _rulebook(args: argparse.Namespace) -> Rulebook:
    return DECISION_30_2018 if args.rulebook is None else load_rulebook(args.rulebook)


def _grade_file(args: argparse.Namespace) -> list[Verdict | list[Problem]]:
    """One entry per input row: its verdict, or its problems."""
    rulebook = _rulebook(args)
    rows, where = read_rows(args.file)
    parsed = parse_assessment_rows(rows, where)
    results: list[Verdict | list[Problem]] = []
    progress = _Progress(len(rows))
    for assessment, found, location in zip(
        parsed.assessments, parsed.row_problems, where, strict=True
    ):
        progress.tick()
        if assessment is None:
            results.append(list(found))
            continue
        try:
            results.append(grade_head(assessment, rulebook))
        except CchcError as exc:
            results.append([Problem(location, "year", str(exc))])
    progress.done()
    return results


class _Progress:
    """A progress line on stderr for long batches, only when stderr is a terminal."""

    EVERY = 5_000
    MINIMUM = 10_000

    def __init__(self, total: int) -> None:
        self.total, self.count = total, 0
        self.on = total >= self.MINIMUM and sys.stderr.isatty()

    def tick(self) -> None:
        self.count += 1
        if self.on and self.count % self.EVERY == 0:
            sys.stderr.write(f"\rcchc-rules: graded {self.count:,} of {self.total:,} rows")
            sys.stderr.flush()

    def done(self) -> None:
        if self.on:
            sys.stderr.write(f"\rcchc-rules: graded {self.total:,} of {self.total:,} rows\n")


def _report_rejected(results: Sequence[Verdict | list[Problem]]) -> int:
    """Print every problem of every rejected row; the exit status."""
    rejected = [r for r in results if not isinstance(r, Verdict)]
    for problems in rejected:
        for problem in problems:
            print(f"cchc-rules: {problem}", file=sys.stderr)
    if not rejected:
        return EXIT_OK
    print(f"cchc-rules: {len(rejected)} of {len(results)} rows rejected", file=sys.stderr)
    return EXIT_FINDINGS


def _cmd_grade(args: argparse.Namespace, out: TextIO) -> int:
    results = _grade_file(args)
    verdicts = [r for r in results if isinstance(r, Verdict)]
    if args.format == "json":
        text = verdicts_to_json(results)
    elif args.format == "csv":
        text = verdicts_to_csv(verdicts)
    else:
        text = _verdict_table(results, args.lang)
    _write(args, out, text)
    return _report_rejected(results)


def _verdict_table(results: Sequence[Verdict | list[Problem]], lang: str) -> str:
    rows: list[list[object]] = []
    unverified: set[str] = set()
    for i, r in enumerate(results, 1):
        if isinstance(r, Verdict):
            a = r.assessment
            unverified.update(r.unverified)
            rows.append(
                [
                    i,
                    a.head.unit.name,
                    a.head.name,
                    a.year,
                    a.index_score,
                    r.base_grade.label(lang),
                    len(a.findings),
                    r.grade.label(lang),
                ]
            )
        else:
            rows.append([i, "(rejected)", "", "", "", "", "", "; ".join(p.message for p in r)])
    heads = ["#", "unit", "head", "year", "index", "base grade", "findings", "grade"]
    text = render(heads, rows)
    if unverified:
        text += (
            "\n\nNOTE: these grades use unverified parameters: "
            + ", ".join(sorted(unverified))
            + ". Confirm them against the official text (docs/decision-30-2018.md)."
        )
    return text + "\n"


def _cmd_explain(args: argparse.Namespace, out: TextIO) -> int:
    results = _grade_file(args)
    parts = [r.explain(args.lang) for r in results if isinstance(r, Verdict)]
    _write(args, out, "\n\n".join(parts) + "\n")
    return _report_rejected(results)


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


def _cmd_tally(args: argparse.Namespace, out: TextIO) -> int:
    tasks = read_tasks(args.file)
    if args.by == "none":
        groups = tally_by(tasks, args.as_of, lambda _t: "all")
    else:
        groups = tally_by(tasks, args.as_of, args.by)
    named = {_group_name(k): v for k, v in groups.items()}
    if args.format == "json":
        text = tallies_to_json(named) + "\n"
    elif args.format == "csv":
        text = tallies_to_csv(named)
    else:
        rows: list[list[object]] = [
            [k, *t.to_dict().values(), f"{t.percent('on_time')}%" if t.assigned else ""]
            for k, t in named.items()
        ]
        text = render(["group", *COUNT_FIELDS, "on_time %"], rows) + "\n"
    _write(args, out, text)
    return EXIT_OK


def _group_name(key: object) -> str:
    if key is None:
        return "(none)"
    return str(getattr(key, "name", key))


def _cmd_calendar(args: argparse.Namespace, out: TextIO) -> int:
    cal = public_sector_calendar()
    rows: list[list[object]] = [
        [d.day.isoformat(), f"{d.day:%a}", "working" if d.working else "off", d.name_vi, d.name_en]
        for d in cal.special_days(args.year)
    ]
    out.write(render(["day", "", "status", "tên", "name"], rows) + "\n")
    return EXIT_OK


def _write(args: argparse.Namespace, out: TextIO, text: str) -> None:
    """To stdout, or atomically to ``--output`` (never over the input file)."""
    target: Path | None = getattr(args, "output", None)
    if target is None:
        out.write(text)
        return
    source: Path | None = getattr(args, "file", None)
    if source is not None and target.exists() and target.resolve() == source.resolve():
        raise _UsageError(f"cchc-rules: --output {target} would overwrite the input file")
    directory = target.resolve().parent
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_COMMANDS = {
    "demo": _cmd_demo,
    "notice": _cmd_notice,
    "grade": _cmd_grade,
    "explain": _cmd_explain,
    "check-report": _cmd_check_report,
    "calendar": _cmd_calendar,
    "tally": _cmd_tally,
}


def _utf8(stream: TextIO) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cchc-rules`` console script; returns the exit status."""
    _utf8(sys.stdout)
    _utf8(sys.stderr)
    try:
        args = build_parser().parse_args(argv)
        return _COMMANDS[args.command](args, sys.stdout)
    except _UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    except CchcError as exc:
        for line in str(exc).splitlines():
            print(f"cchc-rules: {line.strip()}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(
            f"cchc-rules: cannot read or write {exc.filename or ''}: {exc.strerror}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    except Exception as exc:  # last resort: a bug must not print a traceback
        if os.environ.get("CCHC_RULES_DEBUG"):
            raise
        print(
            f"cchc-rules: internal error ({type(exc).__name__}: {exc}); this is a bug, "
            "please report it with the command you ran (set CCHC_RULES_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":  # excluded from coverage: run as a script, tested via main()
    sys.exit(main())
