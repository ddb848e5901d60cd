"""Run every benchmark and print one table. ``--smoke`` uses tiny sizes (CI keeps
the scripts from rotting; figures from a smoke run mean nothing)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

BENCHMARKS = ("bench_calendar", "bench_grading")


def main() -> None:
    smoke = "--smoke" in sys.argv
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    print(f"cchc_rules benchmarks ({'smoke' if smoke else 'full'} run)")
    for name in BENCHMARKS:
        importlib.import_module(name).main(smoke)


if __name__ == "__main__":
    main()
