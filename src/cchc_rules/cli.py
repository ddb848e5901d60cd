"""The ``cchc-rules`` command: its arguments, and the entry point that runs one
command (:mod:`cchc_rules._commands`) on the console (:mod:`cchc_rules._console`).

Exit status (:mod:`cchc_rules._console`): 0 success; 1 findings, discrepancies or
rejected rows; 2 bad usage or unreadable input. Errors go to stderr as plain
sentences, in the language of ``--lang`` (Vietnamese unless ``--lang en``); never
a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ._commands import COMMANDS, inputs
from ._console import input_limit, run_safely, utf8
from ._files import LIMITS
from ._messages import DEFAULT_LANG, LANGUAGES, Lang, Message, quoted
from ._output import require_output
from ._tabular import CSV_STYLES
from ._usage import ArgumentMessages, Parser, lang_in
from .errors import InvalidInputError, require_lang
from .io import parse_day

__all__ = ["build_parser", "main"]


# -- argument types: each raises a CchcError whose message can be said in Vietnamese


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInputError(
            Message("expected a date as YYYY-MM-DD (got {value})", value=quoted(text))
        ) from None


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise InvalidInputError(
            Message("expected a whole number of days, 0 or more (got {value})", value=quoted(text))
        )
    return value


def _positive_mb(text: str) -> int:
    if not (text.isascii() and text.isdigit() and 0 < len(text) <= 7 and int(text) > 0):
        raise InvalidInputError(
            Message("expected a whole number of MiB, 1 or more (got {value})", value=quoted(text))
        )
    return int(text)


def _day(text: str) -> dt.date:
    return parse_day(text, "--as-of")


def _year(text: str) -> int:
    if not text.isdigit():
        raise InvalidInputError(
            Message("expected a year like 2019 (got {value})", value=quoted(text))
        )
    return int(text)


_OPTIONS: dict[str, dict[str, Any]] = {
    "--rulebook": {"type": Path, "help": Message("a rulebook file (TOML, JSON or CSV)")},
    "--lang": {
        "choices": LANGUAGES,
        "default": DEFAULT_LANG,
        "help": Message("language of labels, explanations, help and error messages (default vi)"),
    },
    "--output": {"type": Path, "help": Message("write to this file (atomically)")},
    "--csv-style": {
        "choices": CSV_STYLES,
        "default": "plain",
        "help": Message(
            "with --format csv: plain (UTF-8), excel (UTF-8 with BOM, opens right in "
            "Excel) or excel-vi (also ';' and decimal commas, for Vietnamese regional "
            "settings); --format xlsx writes a workbook (needs --output)"
        ),
    },
    "--encoding": {
        "help": Message(
            "the input file's text encoding when it is not UTF-8 or UTF-16 (e.g. cp1258); "
            "better: save it from Excel as CSV UTF-8"
        ),
    },
    "--calendar-changes": {
        "type": Path,
        "metavar": "FILE",
        "help": Message(
            "a CSV of days off and working days published after the shipped table "
            "(header day,status,name,instrument); it may add years after 2030"
        ),
    },
    "--max-input-mb": {
        "type": _positive_mb,
        "metavar": "MB",
        "help": Message(
            "read input files up to this many MiB (default {mb})", mb=LIMITS.input_bytes // 2**20
        ),
    },
}
"""The options several commands share, declared once."""


class _Said:
    """Messages said in one language: the help of one parser."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def __call__(self, message: Message) -> str:
        return message.render(self.lang)


_FILE_OPTIONS = ("--rulebook", "--lang", "--output", "--max-input-mb", "--encoding")
"""The options of the commands that grade a file."""


def _options(cmd: Parser, *names: str) -> None:
    for name in names:
        option = dict(_OPTIONS[name])
        option["help"] = option["help"].render(cmd.lang)
        if "type" in option and option["type"] is not Path:
            option["type"] = cmd.messages.checked(option["type"])
        cmd.add_argument(name, **option)


def build_parser(lang: str = DEFAULT_LANG) -> argparse.ArgumentParser:
    """The parser of the ``cchc-rules`` command and its subcommands, a new one (with
    its own record of the messages its arguments raised) on each call; its help is
    said in ``lang`` (Vietnamese unless ``"en"``)."""
    messages = ArgumentMessages()
    checked = messages.checked
    said = _Said(require_lang(lang))
    parser = Parser(
        prog="cchc-rules",
        description=said(
            Message(
                "Rules for the accountability of heads of units for CCHC (Hải Phòng Decision "
                "30/2018/QĐ-UBND) and the public-sector working-day calendar."
            )
        ),
        messages=messages,
        lang=said.lang,
    )
    commands = parser.add_subparsers(dest="command", required=True)

    def command(name: str, help: Message) -> Parser:
        # its argument types record their messages in the parser's messages
        return commands.add_parser(name, help=said(help), messages=messages, lang=said.lang)

    demo_cmd = command("demo", Message("run the main job on the embedded Hải Phòng 2019 example"))
    _options(demo_cmd, "--lang")

    notice = command(
        "notice", Message("latest day to announce an inspection (first line: ISO date)")
    )
    notice.add_argument(
        "inspection_day", type=checked(_iso_date), help=said(Message("inspection day, YYYY-MM-DD"))
    )
    notice.add_argument(
        "--days",
        type=checked(_non_negative),
        default=5,
        help=said(
            Message(
                "working days that must lie strictly between notice and inspection (default 5)"
            )
        ),
    )
    _options(notice, "--calendar-changes", "--lang")

    formats = ("table", "json", "csv", "xlsx")
    grade = command("grade", Message("grade heads from a CSV or JSON file"))
    grade.add_argument(
        "file",
        type=Path,
        help=said(Message("CSV (unit,kind,parent,head,year,index_score) or JSON")),
    )
    grade.add_argument("--format", choices=formats, default="table")
    _options(grade, "--csv-style", *_FILE_OPTIONS)

    check = command(
        "check-grades",
        Message("check published grades: the grade input plus a published_grade column"),
    )
    check.add_argument(
        "file", type=Path, help=said(Message("CSV or JSON as for grade, plus published_grade"))
    )
    check.add_argument("--format", choices=formats, default="table")
    _options(check, "--csv-style", *_FILE_OPTIONS)

    explain = command("explain", Message("the reasoning behind each verdict"))
    explain.add_argument("file", type=Path, help=said(Message("CSV or JSON, as for grade")))
    _options(explain, *_FILE_OPTIONS)

    report = command("check-report", Message("check published task figures (JSON)"))
    report.add_argument(
        "file", type=Path, help=said(Message("a JSON object with TaskReport's fields"))
    )
    report.add_argument("--format", choices=("table", "json"), default="table")
    _options(report, "--lang", "--output", "--max-input-mb")

    tally = command("tally", Message("count tasks by status from a CSV or JSON file"))
    tally.add_argument(
        "file", type=Path, help=said(Message("CSV or JSON with title,due[,completed,...]"))
    )
    tally.add_argument(
        "--as-of", required=True, type=checked(_day), help=said(Message("the day to count on"))
    )
    tally.add_argument("--by", choices=("unit", "area", "none"), default="none")
    tally.add_argument("--format", choices=formats, default="table")
    _options(
        tally, "--csv-style", "--output", "--calendar-changes", "--lang", "--encoding",
        "--max-input-mb",
    )  # fmt: skip

    rulebook = command(
        "rulebook",
        Message(
            "show a rulebook's parameters with their sources, or write it as CSV or JSON to "
            "start your own"
        ),
    )
    rulebook.add_argument("--format", choices=("table", "csv", "json"), default="table")
    _options(rulebook, "--rulebook", "--lang", "--output", "--max-input-mb")

    calendar = command("calendar", Message("a year's days off and make-up working days"))
    calendar.add_argument("year", type=checked(_year), help=said(Message("e.g. 2019")))
    calendar.add_argument(
        "--grid",
        action="store_true",
        help=said(Message("the year as twelve month grids, Monday first")),
    )
    _options(calendar, "--calendar-changes", "--lang")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cchc-rules`` console script; returns the exit status."""
    utf8(sys.stdout)
    utf8(sys.stderr)
    argv = sys.argv[1:] if argv is None else list(argv)
    lang = lang_in(argv)  # known before parsing: usage errors and --help follow it

    def run() -> int:
        args = build_parser(lang).parse_args(argv)
        if getattr(args, "output", None) is not None:
            require_output(args.output, inputs(args))  # before the work, not after it
        with input_limit(getattr(args, "max_input_mb", None)):
            return COMMANDS[args.command](args, sys.stdout)

    return run_safely(run, lang)


if __name__ == "__main__":  # excluded from coverage: run as a script, tested via main()
    sys.exit(main())
