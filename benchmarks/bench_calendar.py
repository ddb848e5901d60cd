"""Calendar speed against its peers, as ratios measured in one run.

Peers: ``holidays``' own ``get_nth_working_day`` / ``get_working_days_count`` (which
walk day by day and know the make-up Saturdays) and a naive Python walk. Prints;
never asserts a time.
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

Row = tuple[str, float, float, str]


def per_call(fn: Callable[[], object], calls: int, repeat: int = 3) -> float:
    """Best-of-``repeat`` seconds per call."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        best = min(best, (time.perf_counter() - start) / calls)
    return best


def run(smoke: bool = False) -> list[Row]:
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

    rows: list[Row] = []
    ours = per_call(lambda: cal.add_working_days(next_day(), 5), calls)
    theirs = per_call(lambda: vn.get_nth_working_day(next_day(), 5), peer_calls)
    rows.append(("add_working_days(d, 5)", ours, theirs, "holidays.get_nth_working_day"))
    year = timedelta(days=365)
    ours = per_call(lambda: cal.working_days_between(d := next_day(), d + year), calls)
    theirs = per_call(
        lambda: vn.get_working_days_count(d := next_day(), d + year), max(1, peer_calls // 10)
    )
    rows.append(("working_days_between, 1 year", ours, theirs, "holidays.get_working_days_count"))
    naive = per_call(lambda: naive_count(d := next_day(), d + year), max(1, peer_calls // 10))
    rows.append(("working_days_between, 1 year", ours, naive, "naive day walk"))
    return rows


def build_and_import_times() -> tuple[float, float]:
    """Seconds to build the default calendar (fresh process) and to import the package."""
    code = (
        "import time; t=time.perf_counter(); import cchc_rules; t1=time.perf_counter();"
        "cchc_rules.public_sector_calendar(); t2=time.perf_counter(); print(t1-t, t2-t1)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    imp, build = (float(x) for x in out.split())
    return imp, build


def main(smoke: bool = False) -> None:
    for name, ours, theirs, peer in run(smoke):
        print(
            f"{name:32s} ours {ours * 1e6:9.3f} µs   {peer:32s} {theirs * 1e6:10.1f} µs"
            f"   ratio ×{theirs / ours:,.0f}"
        )
    imp, build = build_and_import_times()
    print(
        f"import cchc_rules {imp * 1e3:.1f} ms; first public_sector_calendar() "
        f"(incl. importing holidays) {build * 1e3:.1f} ms"
    )


if __name__ == "__main__":
    main("--smoke" in sys.argv)
