"""Run every benchmark and print one table. ``--smoke`` uses tiny sizes (CI keeps
the scripts from rotting; figures from a smoke run mean nothing).

    uv run python benchmarks/run_all.py
"""

from __future__ import annotations

import importlib
import os
import platform
import sys
from pathlib import Path

BENCHMARKS = ("bench_calendar", "bench_grading")


def _time(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:,.1f} ms"
    return f"{seconds * 1e6:,.2f} µs"


def main() -> None:
    smoke = "--smoke" in sys.argv
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    print(
        f"cchc_rules benchmarks ({'smoke' if smoke else 'full'} run) on {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}"
    )
    rows = []
    for name in BENCHMARKS:
        rows.extend(importlib.import_module(name).rows(smoke))
    header = (
        f"{'what':<52} {'ours':>12} {'per second':>14}  {'peer':<32} {'peer':>12} "
        f"{'ours vs peer':>15}"
    )
    print(header)
    print("-" * len(header))
    for what, ours, peer, peer_name in rows:
        rate = f"{1 / ours:,.0f}" if peer is not None else ""
        line = f"{what:<52} {_time(ours):>12} {rate:>14}"
        if peer is not None:
            ratio = peer / ours
            verdict = f"{ratio:,.1f}× faster" if ratio >= 1 else f"{1 / ratio:,.1f}× slower"
            line += f"  {peer_name:<32} {_time(peer):>12} {verdict:>15}"
        print(line)
    print(
        "A bare threshold lookup builds no trace and validates nothing: "
        "it is a floor, not a rival."
    )


if __name__ == "__main__":
    main()
