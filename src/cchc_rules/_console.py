"""The console the command speaks to: exit statuses, lines on stderr, the progress
line of a long batch, the tally of rejected rows, and how every failure ends as
one plain sentence in the language asked for (never a traceback).

Exit status: 0 success; 1 findings, discrepancies or rejected rows; 2 bad usage
or unreadable input; 70 a bug in cchc-rules; 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO

from ._files import LIMITS, os_reason
from ._messages import DEFAULT_LANG, Message
from ._output import printable
from ._usage import UsageError
from .errors import CchcError, Problem
from .verdict import Verdict

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "Outcome",
    "Progress",
    "input_limit",
    "run_safely",
    "say",
    "utf8",
]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug in cchc-rules, never bad input
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C


def say(line: str, prefix: str = "cchc-rules: ") -> None:
    """One line on stderr, control characters escaped (a file name or a value
    that arrived may hold an ANSI sequence)."""
    print(prefix + printable(line), file=sys.stderr)


class Progress:
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
        return f"\rcchc-rules: {said.render(self.lang)}"

    def tick(self) -> None:
        self.count += 1
        if self.on and self.count % self.EVERY == 0 and self.count >= self.MINIMUM:
            sys.stderr.write(self._line())
            sys.stderr.flush()

    def done(self) -> None:
        if self.on and self.count >= self.MINIMUM:
            self.count = self.total or self.count
            sys.stderr.write(self._line() + "\n")


class Outcome:
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
                say(problem.render(lang))
        if not self.rejected:
            return EXIT_OK
        said = Message(
            "{count} of {total} rows rejected", count=len(self.rejected), total=self.total
        )
        say(said.render(lang))
        return EXIT_FINDINGS


def run_safely(work: Callable[[], int], lang: str) -> int:
    """``work()``'s exit status; any failure said on stderr in ``lang`` as one
    plain sentence per line, with the status it calls for."""
    try:
        status = work()
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return status
    except BrokenPipeError:
        # The reader stopped reading (`cchc-rules demo | head -1`): that is not an
        # error. Point stdout at devnull so the interpreter's last flush is quiet.
        _quiet_stdout()
        return EXIT_OK
    except UsageError as exc:
        say(exc.args[0].render(lang), prefix="")
        return EXIT_USAGE
    except CchcError as exc:
        for line in exc.localized(lang).splitlines():
            say(line.strip())
        return EXIT_USAGE
    except OSError as exc:
        said = Message(
            "cannot read or write {file}: {reason}", file=exc.filename or "", reason=os_reason(exc)
        )
        say(said.render(lang))
        return EXIT_USAGE
    except KeyboardInterrupt:
        say(Message("interrupted").render(lang))
        return EXIT_INTERRUPTED
    except Exception as exc:  # last resort: a bug must not print a traceback
        if os.environ.get("CCHC_RULES_DEBUG"):
            raise
        said = Message(
            "internal error ({error}); this is a bug, please report it with the command you "
            "ran (set CCHC_RULES_DEBUG=1 for details)",
            error=f"{type(exc).__name__}: {exc}",
        )
        say(said.render(lang))
        return EXIT_INTERNAL


def _quiet_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a file descriptor (a test's buffer)
        pass


def utf8(stream: TextIO) -> None:
    """``stream`` writes UTF-8, whatever the locale (a Windows console, LANG=C)."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8", errors="backslashreplace")


@contextlib.contextmanager
def input_limit(megabytes: int | None) -> Iterator[None]:
    """``--max-input-mb`` for this run only (main may run many times in a process)."""
    before = LIMITS.input_bytes
    if megabytes is not None:
        LIMITS.input_bytes = megabytes * 2**20
    try:
        yield
    finally:
        LIMITS.input_bytes = before
