"""Calendar speed beside its peers and its floor, every figure a range over repeats.

- Offsets at n = ±1, ±5, ±22 and counts over one month and one year, against
  ``holidays``' own ``get_nth_working_day`` / ``get_working_days_count`` (which walk
  day by day and know the make-up Saturdays) and a naive Python day walk.
- The floor: the same offset as a bare lookup into two tuples (a function call that
  validates nothing); and ``latest_notice_date`` against ``add_working_days``.
- Batches of 1M (day, n) pairs as ``datetime64[D]`` arrays against numpy's
  ``busday_offset`` / ``busday_count`` / ``is_busday`` (given every weekday off of our
  calendar as holidays), and pandas' ``CustomBusinessDay`` where pandas is installed.
- How often each peer is wrong, computed against our calendar: numpy and pandas
  cannot express a make-up working Saturday.
- Start-up as ratios against ``python -c pass`` in the same run.

Times are CPU time (the machine is shared: wall time would mostly measure waiting
for a core). Ours and each peer are timed alternately within a repeat, so a ratio
compares runs made at the same moment. Returns rows and lines for
``run_all``; never asserts a time.
"""

from __future__ import annotations

import gc
import os
import random
import resource
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import holidays

from cchc_rules import latest_notice_date, public_sector_calendar

Row = tuple[str, list[float], list[float] | None, str]

OFFSETS = (1, -1, 5, -5, 22, -22)
MONTH, YEAR = timedelta(days=30), timedelta(days=365)


def _optional(name: str) -> Any:
    try:
        module = __import__(name)
    except ImportError:
        return None
    if name == "pandas":  # its CustomBusinessDay is not vectorised, and says so each time
        warnings.filterwarnings("ignore", category=module.errors.PerformanceWarning)
    return module


CHUNKS = 5


def _seconds(fn: Callable[..., object], columns: Sequence[Any]) -> float:
    """CPU seconds per item of ``fn(*columns)``: on a shared machine, wall time would
    mostly measure the time spent waiting for a core."""
    start = time.process_time()
    fn(*columns)
    return (time.process_time() - start) / len(columns[0])


def paired(
    ours: Callable[..., object],
    peer: Callable[..., object],
    columns: Sequence[Any],
    repeat: int,
) -> tuple[list[float], list[float]]:
    """Seconds per item of ``ours(*columns)`` and ``peer(*columns)``, one figure per
    repeat. A repeat splits the inputs into chunks, times ours and the peer on each
    chunk in turn (so both meet the same moments of a shared machine) and keeps the
    median chunk of each: a stall of the machine during one chunk does not become
    the figure, and the spread between repeats is still reported."""
    size = len(columns[0])
    step = -(-size // CHUNKS)
    chunks = [[c[i : i + step] for c in columns] for i in range(0, size, step)]
    mine, theirs = [], []
    for _ in range(repeat):
        gc.collect()
        a, b = [], []
        for chunk in chunks:
            a.append(_seconds(ours, chunk))
            b.append(_seconds(peer, chunk))
        mine.append(statistics.median(a))
        theirs.append(statistics.median(b))
    return mine, theirs


class Setup:
    """The calendar, its peers and the random inputs shared by every figure."""

    def __init__(self, smoke: bool) -> None:
        self.smoke = smoke
        self.cal = cal = public_sector_calendar()
        self.first, self.last = cal.supported_range
        years = range(self.first.year, self.last.year + 1)
        self.vn = holidays.country_holidays("VN", years=years)
        rng = random.Random(2019)
        # Starts far enough from both ends that offsets of ±22 and counts over a
        # year stay inside the range.
        span = (self.last - self.first).days - 440
        self.starts = [
            self.first + timedelta(days=40 + rng.randrange(span))
            for _ in range(200 if smoke else 20_000)
        ]
        self.days_off = [
            d for year in years for d in (s.day for s in cal.days_off(year)) if d.weekday() < 5
        ]
        self.made_up = [d for year in years for d in (s.day for s in cal.make_up_days(year))]
        ord0 = self.first.toordinal()
        self.prefix = tuple(_prefix_counts(cal, self.first, self.last))
        self.working = tuple(
            i for i in range((self.last - self.first).days + 1)
            if cal.is_working_day(date.fromordinal(ord0 + i))
        )  # fmt: skip
        self.ord0 = ord0


def _prefix_counts(cal: Any, first: date, last: date) -> list[int]:
    """prefix[i] = working days before first + i, rebuilt from the public API."""
    out, count = [0], 0
    for i in range((last - first).days + 1):
        count += cal.is_working_day(first + timedelta(days=i))
        out.append(count)
    return out


# -- one day at a time ------------------------------------------------------------


def scalar_rows(s: Setup) -> list[Row]:
    repeat = 3 if s.smoke else 7
    starts = s.starts
    few = starts[: max(CHUNKS, len(starts) // 20)]  # the day walks are slow
    fewer = few[: max(CHUNKS, len(few) // 10)]
    cal, vn = s.cal, s.vn
    rows: list[Row] = []
    for n in OFFSETS:

        def ours(days: list[date], n: int = n) -> None:
            f = cal.add_working_days
            for d in days:
                f(d, n)

        def theirs(days: list[date], n: int = n) -> None:
            f = vn.get_nth_working_day
            for d in days:
                f(d, n)

        rows.append(
            (f"add_working_days(d, {n})", *paired(ours, theirs, [few], repeat),
             "holidays get_nth_working_day")
        )  # fmt: skip

    prefix, working, ord0, fromordinal = s.prefix, s.working, s.ord0, date.fromordinal

    def floor(d: date, n: int) -> date:
        return fromordinal(ord0 + working[prefix[d.toordinal() - ord0 + 1] + n - 1])

    def floor_loop(days: list[date]) -> None:
        for d in days:
            floor(d, 5)

    def ours_loop(days: list[date]) -> None:
        f = cal.add_working_days
        for d in days:
            f(d, 5)

    mine, bare = paired(ours_loop, floor_loop, [starts], repeat)
    rows.append(("add_working_days(d, 5)", mine, bare, "floor: bare tuple lookup"))

    def notice_loop(days: list[date]) -> None:
        for d in days:
            latest_notice_date(d)

    def offset_loop(days: list[date]) -> None:
        f = cal.add_working_days
        for d in days:
            f(d, -6)

    notice, offset = paired(notice_loop, offset_loop, [starts], repeat)
    rows.append(("latest_notice_date(d)", notice, offset, "add_working_days(d, -6)"))

    worked = s.vn.weekend_workdays

    def naive_count(a: date, b: date) -> int:
        n, d = 0, a
        while d < b:
            d += timedelta(days=1)
            n += d in worked or (d.weekday() < 5 and d not in vn)
        return n

    for label, span in (("1 month", MONTH), ("1 year", YEAR)):

        def count(days: list[date], span: timedelta = span) -> None:
            f = cal.working_days_between
            for d in days:
                f(d, d + span)

        def theirs_count(days: list[date], span: timedelta = span) -> None:
            f = vn.get_working_days_count
            for d in days:
                f(d + timedelta(days=1), d + span)

        def naive(days: list[date], span: timedelta = span) -> None:
            for d in days:
                naive_count(d, d + span)

        what = f"working_days_between, {label}"
        rows.append((what, *paired(count, theirs_count, [fewer], repeat),
                     "holidays get_working_days_count"))  # fmt: skip
        rows.append((what, *paired(count, naive, [fewer], repeat), "naive day walk"))
    return rows


# -- many days at once -------------------------------------------------------------


def batch_rows(s: Setup) -> list[Row]:
    np = _optional("numpy")
    if np is None:
        return []
    size = 5_000 if s.smoke else 1_000_000
    repeat = 3 if s.smoke else 5
    rng = np.random.default_rng(2019)
    days = rng.choice(np.array(s.starts, dtype="datetime64[D]"), size)
    steps = rng.integers(1, 23, size)  # numpy needs one roll per call: n > 0 here
    ends = days + rng.integers(0, 366, size)
    off = np.array(s.days_off, dtype="datetime64[D]")
    bdc = np.busdaycalendar(weekmask="1111100", holidays=off)
    cal = s.cal
    rows: list[Row] = [
        (f"is_working_day_many, {size:,} days", *paired(
            cal.is_working_day_many, lambda d: np.is_busday(d, busdaycal=bdc), [days], repeat),
         "numpy is_busday"),
        (f"add_working_days_many, {size:,} pairs", *paired(
            cal.add_working_days_many,
            lambda d, n: np.busday_offset(d, n, roll="backward", busdaycal=bdc),
            [days, steps], repeat),
         "numpy busday_offset"),
        (f"working_days_between_many, {size:,} pairs", *paired(
            cal.working_days_between_many,
            lambda a, b: np.busday_count(a + 1, b + 1, busdaycal=bdc), [days, ends], repeat),
         "numpy busday_count"),
    ]  # fmt: skip
    listed = days[: min(size, 100_000)].tolist()

    def one_by_one(chunk: list[date]) -> None:
        f = cal.add_working_days
        for d in chunk:
            f(d, 5)

    rows.append(
        (f"add_working_days_many, list of {len(listed):,} dates", *paired(
            lambda chunk: cal.add_working_days_many(chunk, 5), one_by_one, [listed], repeat),
         "a loop of add_working_days")
    )  # fmt: skip
    pd = None if s.smoke else _optional("pandas")
    if pd is not None:
        some = days[:20_000]
        cbd = pd.offsets.CustomBusinessDay(5, calendar=bdc)
        rows.append(
            (f"add_working_days_many(.., 5), {len(some):,} days", *paired(
                lambda d: cal.add_working_days_many(d, 5),
                lambda d: pd.DatetimeIndex(d) + cbd, [some], repeat),
             "pandas CustomBusinessDay(5)")
        )  # fmt: skip
    return rows


def error_lines(s: Setup) -> list[str]:
    """How often each peer's answer differs from our calendar's, over every day of
    the range as a start (a sample for the slow day walks)."""
    np = _optional("numpy")
    cal, vn = s.cal, s.vn
    every = [s.first + timedelta(days=40 + i) for i in range((s.last - s.first).days - 440)]
    sample = every[:: max(1, len(every) // (60 if s.smoke else 600))]
    lines = [
        f"Peers' answers that differ from our calendar ({len(s.made_up)} make-up Saturdays "
        f"in {s.first.year}–{s.last.year}; starts: every day of the range, "
        f"{len(sample)} of them for holidays' day walks):"
    ]

    def rate(wrong: int, total: int) -> str:
        return f"{100 * wrong / total:.2f}%"

    cells: dict[str, list[str]] = {}
    for n in OFFSETS:
        ours = [cal.add_working_days(d, n) for d in sample]
        theirs = [vn.get_nth_working_day(d, n) for d in sample]
        cells.setdefault("holidays", []).append(
            f"n={n:+d} {rate(sum(a != b for a, b in zip(ours, theirs, strict=True)), len(sample))}"
        )
    for label, span in (("1 month", MONTH), ("1 year", YEAR)):
        ours_c = [cal.working_days_between(d, d + span) for d in sample]
        theirs_c = [vn.get_working_days_count(d + timedelta(days=1), d + span) for d in sample]
        wrong = sum(a != b for a, b in zip(ours_c, theirs_c, strict=True))
        cells["holidays"].append(f"{label} {rate(wrong, len(sample))}")
    if np is not None:
        bdc = np.busdaycalendar(
            weekmask="1111100", holidays=np.array(s.days_off, dtype="datetime64[D]")
        )
        days = np.array(every, dtype="datetime64[D]")
        for n in OFFSETS:
            ours_a = cal.add_working_days_many(days, n)
            roll = "backward" if n > 0 else "forward"
            theirs_a = np.busday_offset(days, n, roll=roll, busdaycal=bdc)
            cells.setdefault("numpy busday", []).append(
                f"n={n:+d} {rate(int((ours_a != theirs_a).sum()), len(days))}"
            )
        for label, span in (("1 month", MONTH), ("1 year", YEAR)):
            ends = days + span.days
            ours_b = cal.working_days_between_many(days, ends)
            theirs_b = np.busday_count(days + 1, ends + 1, busdaycal=bdc)
            cells["numpy busday"].append(
                f"{label} {rate(int((ours_b != theirs_b).sum()), len(days))}"
            )
        pd = None if s.smoke else _optional("pandas")
        if pd is not None:
            index = pd.DatetimeIndex(days)
            for n in OFFSETS:
                ours_p = cal.add_working_days_many(days, n)
                theirs_p = (index + pd.offsets.CustomBusinessDay(n, calendar=bdc)).to_numpy()
                wrong = int((ours_p != theirs_p.astype("datetime64[D]")).sum())
                cells.setdefault("pandas CustomBusinessDay", []).append(
                    f"n={n:+d} {rate(wrong, len(days))}"
                )
    for peer, values in cells.items():
        lines.append(f"  {peer:<26} " + ", ".join(values))
    return lines


# -- start-up --------------------------------------------------------------------------


def startup_rows(s: Setup) -> list[Row]:
    """Seconds to start ``python -c pass``, ``import cchc_rules`` and
    ``cchc-rules notice 2019-06-03``, alternated in one run. Bytecode is written
    once first, as an installed package has it."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    script = Path(sys.executable).with_name("cchc-rules")
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "cchc_rules.cli"]
    commands = {
        "pass": [sys.executable, "-c", "pass"],
        "import cchc_rules": [sys.executable, "-c", "import cchc_rules"],
        "cchc-rules notice 2019-06-03": [*cli, "notice", "2019-06-03"],
    }

    def run(argv: Sequence[str]) -> float:
        """CPU seconds (user and system) the command took."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(argv, env=env, check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    for argv in commands.values():
        run(argv)  # writes the bytecode
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(1 if s.smoke else 7):
        for name, argv in commands.items():
            times[name].append(run(argv))
    base = times.pop("pass")
    return [(name, spent, base, "python -c pass") for name, spent in times.items()]


def rows(smoke: bool = False) -> list[Row]:
    setup = _setup(smoke)
    return [*scalar_rows(setup), *batch_rows(setup), *startup_rows(setup)]


def lines(smoke: bool = False) -> list[str]:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return [
        "The calendar's floor is the same offset as a bare lookup into two tuples, called "
        "as a function: it validates nothing and names no error.",
        f"Load average when the calendar figures were taken: {load} (1, 5, 15 min).",
        *error_lines(_setup(smoke)),
    ]


_SETUPS: dict[bool, Setup] = {}


def _setup(smoke: bool) -> Setup:
    if smoke not in _SETUPS:
        _SETUPS[smoke] = Setup(smoke)
    return _SETUPS[smoke]
