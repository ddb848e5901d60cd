"""Calendar speed against its peers, measured in one run.

Peers: ``holidays``' own ``get_nth_working_day`` / ``get_working_days_count`` (which
walk day by day and know the make-up Saturdays) and a naive Python walk over
``holidays.VN``. Returns rows for ``run_all``; never asserts a time.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta

import holidays

from cchc_rules import public_sector_calendar

# (what, ours in seconds per call, peer in seconds per call, peer's name)
Row = tuple[str, float, float | None, str]


def per_call(fn: Callable[[], object], calls: int, repeat: int = 3) -> float:
    """Best-of-``repeat`` seconds per call."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        best = min(best, (time.perf_counter() - start) / calls)
    return best


def rows(smoke: bool = False) -> list[Row]:
    calls = 20 if smoke else 20_000
    peer_calls = 5 if smoke else 2_000
    rng = random.Random(2019)
    cal = public_sector_calendar()
    first, last = cal.supported_range
    vn = holidays.VN(years=range(first.year, last.year + 1))
    worked = vn.weekend_workdays
    span = (last - first).days - 400
    starts = [first + timedelta(days=rng.randrange(30, span)) for _ in range(256)]
    k = 0

    def next_day() -> date:
        nonlocal k
        k = (k + 1) % len(starts)
        return starts[k]

    def naive_count(a: date, b: date) -> int:
        n, d = 0, a
        while d < b:
            d += timedelta(days=1)
            n += d in worked or (d.weekday() < 5 and d not in vn)
        return n

    year = timedelta(days=365)
    offset = per_call(lambda: cal.add_working_days(next_day(), 5), calls)
    count = per_call(lambda: cal.working_days_between(d := next_day(), d + year), calls)
    few = max(1, peer_calls // 10)
    imp, build = _import_and_build()
    return [
        (
            "add_working_days(d, 5)",
            offset,
            per_call(lambda: vn.get_nth_working_day(next_day(), 5), peer_calls),
            "holidays get_nth_working_day",
        ),
        (
            "working_days_between, 1 year",
            count,
            per_call(lambda: vn.get_working_days_count(d := next_day(), d + year), few),
            "holidays get_working_days_count",
        ),
        (
            "working_days_between, 1 year",
            count,
            per_call(lambda: naive_count(d := next_day(), d + year), few),
            "naive day walk",
        ),
        ("import cchc_rules", imp, None, ""),
        ("first public_sector_calendar() (imports holidays)", build, None, ""),
    ]


def _import_and_build() -> tuple[float, float]:
    """Seconds to import the package and to build the default calendar, measured in
    a fresh process (best of three)."""
    code = (
        "import time; t=time.perf_counter(); import cchc_rules; t1=time.perf_counter();"
        "cchc_rules.public_sector_calendar(); t2=time.perf_counter(); print(t1-t, t2-t1)"
    )
    best = (float("inf"), float("inf"))
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        imp, build = (float(x) for x in out.split())
        best = (min(best[0], imp), min(best[1], build))
    return best
