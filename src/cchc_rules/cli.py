"""The ``cchc-rules`` command: parse, call the library, print. Nothing else.

Exit status: 0 success; 1 findings, discrepancies or rejected rows; 2 bad usage or
unreadable input. Errors go to stderr as plain sentences; never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from . import demo
from .errors import CchcError
from .notice import latest_notice_date

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


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
    return parser


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


_COMMANDS = {"demo": _cmd_demo, "notice": _cmd_notice}


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
        print(f"cchc-rules: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(
            f"cchc-rules: cannot read or write {exc.filename or ''}: {exc.strerror}",
            file=sys.stderr,
        )
        return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
