"""Run every benchmark and print one table. ``--smoke`` uses tiny sizes (CI keeps
the scripts from rotting; figures from a smoke run mean nothing).

    uv run python benchmarks/run_all.py
"""

from __future__ import annotations

import importlib
import os
import platform
import sys
from collections.abc import Sequence
from pathlib import Path

BENCHMARKS = ("bench_calendar", "bench_grading", "bench_loading")


Times = float | Sequence[float]


def _runs(value: Times) -> list[float]:
    """A figure's repeats (a bare float is one run)."""
    return [value] if isinstance(value, float | int) else list(value)


def _time(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:,.1f} ms"
    if seconds < 1e-6:  # an item of a vectorised batch
        return f"{seconds * 1e9:,.1f} ns"
    return f"{seconds * 1e6:,.2f} µs"


def _times(runs: list[float]) -> str:
    low, high = min(runs), max(runs)
    if len(runs) == 1 or _time(low) == _time(high):
        return _time(low)
    unit = _time(high).split()[-1]
    if _time(low).split()[-1] != unit:
        return f"{_time(low)}–{_time(high)}"
    return f"{_time(low).split()[0]}–{_time(high)}"


def _ratio(ours: list[float], peer: list[float]) -> str:
    """Peer over ours, repeat by repeat (runs made at the same moment), as a range."""
    if len(ours) == len(peer):
        ratios = [p / o for o, p in zip(ours, peer, strict=True)]
    else:
        ratios = [p / o for o in ours for p in peer]
    low, high = min(ratios), max(ratios)
    if low >= 1:
        return f"{low:,.1f}–{high:,.1f}× faster" if len(ratios) > 1 else f"{low:,.1f}× faster"
    if high <= 1:
        slow = f"{1 / high:,.1f}–{1 / low:,.1f}" if len(ratios) > 1 else f"{1 / low:,.1f}"
        return f"{slow}× slower"
    return f"{1 / low:,.1f}× slower–{high:,.1f}× faster"


def main() -> None:
    smoke = "--smoke" in sys.argv
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    print(
        f"cchc_rules benchmarks ({'smoke' if smoke else 'full'} run) on {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; each figure is the "
        "range over the repeats of this run"
    )
    rows = []
    extra: list[str] = []
    for name in BENCHMARKS:
        module = importlib.import_module(name)
        rows.extend(module.rows(smoke))
        if hasattr(module, "lines"):
            extra.extend(module.lines(smoke))
    header = (
        f"{'what':<52} {'ours':>16} {'per second':>22}  {'peer or floor':<32} {'peer':>16} "
        f"{'ours vs peer':>22}"
    )
    print(header)
    print("-" * len(header))
    for what, ours, peer, peer_name in rows:
        mine = _runs(ours)
        rate = (
            f"{1 / max(mine):,.0f}–{1 / min(mine):,.0f}"
            if len(mine) > 1
            else f"{1 / mine[0]:,.0f}"
        )
        line = f"{what:<52} {_times(mine):>16} {rate if peer is not None else '':>22}"
        if peer is not None:
            theirs = _runs(peer)
            line += f"  {peer_name:<32} {_times(theirs):>16} {_ratio(mine, theirs):>22}"
        print(line)
    print(
        "A bare threshold lookup builds no trace and validates nothing: "
        "it is a floor, not a rival."
    )
    for line in extra:
        print(line)


if __name__ == "__main__":
    main()
