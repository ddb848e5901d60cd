"""Loading assessment rows from CSV: ``read_assessments`` (rows read, validated once
and handed on one at a time) and the streaming ``iter_assessment_rows``, beside
hand-built constructors over ``csv.reader`` (no checks beyond the constructors',
no error collection) and ``pandas.read_csv`` (text to columns, no validation) in
the same repeats; peak memory at 1M rows in a fresh process. pandas is not a
dependency: ``uv run --with pandas python benchmarks/run_all.py`` brings it for
the run; without it that column is skipped. Never asserts a time."""

from __future__ import annotations

import csv
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from _timing import timed
from cchc_rules import Assessment, Head, Unit, UnitKind
from cchc_rules.io import iter_assessment_rows, read_assessments

Row = tuple[str, list[float], list[float] | None, str]
COLUMNS = ("unit", "kind", "parent", "head", "year", "index_score")


def write_csv(path: Path, n: int, units: int | None, seed: int = 14) -> None:
    """``n`` rows of the six assessment columns. With ``units``, rows draw from that
    many units (3% departments, 7% districts, the rest communes), each with its
    head; with ``None`` every row is a unit of its own."""
    rng = random.Random(seed)
    pool = units or n

    def unit(i: int) -> tuple[str, str, str, str]:
        share = i % 100
        if share < 3:
            return f"Sở số {i}", "DEPARTMENT", "", f"Giám đốc Nguyễn Văn {i}"
        if share < 10:
            return f"Huyện số {i}", "DISTRICT", "", f"Chủ tịch Trần Thị {i}"
        district = (i // 100) * 100 + 3 + i % 7
        return f"Xã số {i}", "COMMUNE", f"Huyện số {district}", f"Chủ tịch Lê Văn {i}"

    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for i in range(n):
            name, kind, parent, head = unit(rng.randrange(pool) if units else i)
            # 2018-2024: districts and communes under them ceased on 1/7/2025
            w.writerow([name, kind, parent, head, rng.randrange(2018, 2025),
                        f"{rng.randrange(0, 10001) / 100:.2f}"])  # fmt: skip


def hand_built(path: Path) -> list[Assessment]:
    """The same assessments from the public constructors, row by row."""
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for name, kind, parent, head, year, score in reader:
            k = UnitKind[kind]
            up = Unit(parent, UnitKind.DISTRICT) if parent else None
            out.append(Assessment(Head(head, Unit(name, k, up)), int(year), Decimal(score)))
    return out


def streamed(path: Path) -> int:
    return sum(1 for _ in iter_assessment_rows(path))


def _pandas() -> Callable[[Path], object] | None:
    try:
        import pandas  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    return lambda path: pandas.read_csv(path, dtype=str, keep_default_na=False)


def rows(smoke: bool = False) -> list[Row]:
    n = 2_000 if smoke else 100_000
    repeat = 2 if smoke else 3
    pandas_read = _pandas()
    out: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, units in (("10,000 units", 10_000), ("a unit per row", None)):
            path = Path(tmp) / f"a-{units}.csv"
            write_csv(path, n, units)
            ours: dict[str, list[float]] = {"read": [], "stream": []}
            hand: list[float] = []
            pandas_times: list[float] = []
            for _ in range(repeat):  # alternated, so each ratio compares one moment
                ours["read"].append(timed(lambda: read_assessments(path), n))  # noqa: B023
                ours["stream"].append(timed(lambda: streamed(path), n))  # noqa: B023
                hand.append(timed(lambda: hand_built(path), n))  # noqa: B023
                if pandas_read is not None:
                    pandas_times.append(timed(lambda: pandas_read(path), n))  # noqa: B023
            what = f"read_assessments, {n:,} rows, {label}"
            out.append((what, ours["read"], hand, "hand-built constructors"))
            if pandas_times:
                out.append((what, ours["read"], pandas_times, "pandas.read_csv (no checks)"))
            out.append(
                (f"iter_assessment_rows, {n:,} rows, {label}", ours["stream"], hand,
                 "hand-built constructors")
            )  # fmt: skip
    return out


_PEAK = """
import sys
from cchc_rules.io import iter_assessment_rows, read_assessments
path, how = sys.argv[1], sys.argv[2]
if how == "read":
    kept = read_assessments(path)
elif how == "stream":
    kept = sum(1 for _ in iter_assessment_rows(path))
with open("/proc/self/status") as status:  # this process's own high-water mark
    print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
"""


def peak_mb(path: Path, how: str) -> float:
    """Peak resident memory, in MB, of a fresh process that loads ``path`` (Linux's
    VmHWM: ``ru_maxrss`` would carry over the parent's peak through fork and exec)."""
    out = subprocess.run(
        [sys.executable, "-c", _PEAK, str(path), how], check=True, capture_output=True, text=True
    )
    return int(out.stdout.split()[-1]) / 1024


def lines(smoke: bool = False) -> list[str]:
    n = 5_000 if smoke else 1_000_000
    text = ["", f"Loading {n:,} rows (10,000 units): peak resident memory of a fresh process"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.csv"
        write_csv(path, n, 10_000)
        size = path.stat().st_size / 2**20
        text.append(
            f"  file {size:,.0f} MiB; read_assessments (keeps every assessment): "
            f"{peak_mb(path, 'read'):,.0f} MB; iter_assessment_rows (keeps none): "
            f"{peak_mb(path, 'stream'):,.0f} MB; an empty process that imports "
            f"cchc_rules: {peak_mb(path, 'none'):,.0f} MB"
        )
    return text
