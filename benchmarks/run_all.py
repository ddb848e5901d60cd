"""Run every benchmark and print one table. ``--smoke`` uses tiny sizes (CI keeps
the scripts from rotting; figures from a smoke run mean nothing)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_calendar  # noqa: E402


def main() -> None:
    smoke = "--smoke" in sys.argv
    print(f"cchc_rules benchmarks ({'smoke' if smoke else 'full'} run)")
    bench_calendar.main(smoke)


if __name__ == "__main__":
    main()
