"""Grading throughput: ``grade_head`` (the grade at once, the cited trace on first
read), the forced trace, ``grade_many``, ``records`` and ``to_dict``, each beside a
bare threshold lookup over the same inputs timed in the same repeat; the scaling
table at 10k, 100k and 1M assessments; bytes retained per verdict (tracemalloc).
Returns rows and lines for ``run_all``; never asserts a time."""

from __future__ import annotations

import gc
import random
import tracemalloc
from collections.abc import Callable
from decimal import Decimal

from _timing import paired, timed
from cchc_rules import (
    DECISION_30_2018,
    Assessment,
    Finding,
    Head,
    MitigationGrounds,
    Unit,
    UnitKind,
    grade_head,
    grade_many,
    records,
)

Row = tuple[str, list[float], list[float] | None, str]
BARE = "bare threshold lookup"


def make_assessments(n: int, seed: int = 30) -> list[Assessment]:
    rng = random.Random(seed)
    head = Head("Nguyễn Văn A", Unit("Sở Nội vụ", UnitKind.DEPARTMENT))
    grounds = MitigationGrounds(objective_cause="bão")
    pool = [(), (Finding("chậm"),), (Finding("chậm"), Finding("trễ", grounds))]
    return [
        Assessment(head, 2019, Decimal(rng.randrange(0, 10001)).scaleb(-2), rng.choice(pool))
        for _ in range(n)
    ]


def bare_lookup(score: Decimal) -> str:
    if score >= 90:
        return "EXCELLENT"
    if score >= 80:
        return "GOOD"
    if score >= 70:
        return "COMPLETED"
    return "NOT_COMPLETED"


def grade_all(items: list[Assessment]) -> list[object]:
    return [grade_head(a) for a in items]


def grade_and_trace(items: list[Assessment]) -> list[object]:
    out = []
    for a in items:
        v = grade_head(a)
        v.trace  # noqa: B018 - forcing the lazy trace is what is measured
        out.append(v)
    return out


def bare_all(items: list[Assessment]) -> list[str]:
    return [bare_lookup(a.index_score) for a in items]


def retained_bytes(items: list[Assessment], trace: bool) -> float:
    """Bytes still allocated per verdict once ``len(items)`` verdicts are held (the
    list's own slot included), with or without their traces built."""
    gc.collect()
    tracemalloc.start()
    verdicts = grade_and_trace(items) if trace else grade_all(items)
    current, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del verdicts
    return current / len(items)


SIZES = (10_000, 100_000, 1_000_000)


def rows(smoke: bool = False) -> list[Row]:
    n = 200 if smoke else 100_000
    repeat = 2 if smoke else 5
    items = make_assessments(n)
    DECISION_30_2018.rules_for(2019)  # resolved once, as a service would at start-up
    out: list[Row] = []

    def add(what: str, ours: Callable[[], object]) -> None:
        mine, bare = paired(ours, lambda: bare_all(items), n, repeat)
        out.append((what, mine, bare, BARE))

    add("grade_head (trace on first read)", lambda: grade_all(items))
    add("grade_head + reading .trace", lambda: grade_and_trace(items))
    add("grade_many", lambda: grade_many(items))
    verdicts = grade_all(items)  # fresh: no trace built yet
    mine, theirs = paired(
        lambda: records(verdicts),  # type: ignore[arg-type]
        lambda: [v.to_dict() for v in verdicts],  # type: ignore[attr-defined]
        n,
        repeat,
    )
    out.append(("records (no trace)", mine, theirs, "to_dict (with trace)"))
    add("grade_head + to_dict", lambda: [grade_head(a).to_dict() for a in items])
    return out


def lines(smoke: bool = False) -> list[str]:
    """The scaling table and the memory retained per verdict."""
    sizes = (200, 2_000) if smoke else SIZES
    repeat = 2 if smoke else 3
    text = [
        "",
        "Grading at scale: µs per verdict, range over "
        f"{repeat} repeats (collector on, as in a user's program; grade_many pauses it "
        "for its batch), beside a bare lookup in the same repeats; each repeat runs "
        "every size in turn, so a growth figure compares runs of one repeat",
        f"{'assessments':>12} {'grade_head':>14} {'verdicts/s':>20} {'bare lookup':>14} "
        f"{'× bare':>12} {'grade_many':>14}",
    ]
    kinds = ("grade_head", "bare", "grade_many")
    runs: dict[tuple[str, int], list[float]] = {(k, n): [] for k in kinds for n in sizes}
    for _ in range(repeat):
        for n in sizes:
            items = make_assessments(n)
            runs["grade_head", n].append(timed(lambda: grade_all(items), n))  # noqa: B023
            runs["bare", n].append(timed(lambda: bare_all(items), n))  # noqa: B023
            runs["grade_many", n].append(timed(lambda: grade_many(items), n))  # noqa: B023
            del items
    for n in sizes:
        mine, bare = runs["grade_head", n], runs["bare", n]
        ratios = [m / b for m, b in zip(mine, bare, strict=True)]
        text.append(
            f"{n:>12,} {_us(mine):>14} {_rate(mine):>20} {_us(bare):>14} "
            f"{_span(ratios, '×'):>12} {_us(runs['grade_many', n]):>14}"
        )
    small, large = sizes[0], sizes[-1]
    for what in ("grade_head", "grade_many"):
        per_repeat = [b / a for a, b in zip(runs[what, small], runs[what, large], strict=True)]
        every = [b / a for a in runs[what, small] for b in runs[what, large]]
        text.append(
            f"{what}: time per verdict at {large:,} vs {small:,}: {_span(per_repeat, '×')} "
            f"within each repeat ({_span(every, '×')} over every pairing of repeats)"
        )
    n = 2_000 if smoke else 100_000
    items = make_assessments(n)
    bare_bytes = retained_bytes(items, trace=False)
    traced_bytes = retained_bytes(items, trace=True)
    text.append(
        f"bytes retained per verdict at {n:,} (tracemalloc): {bare_bytes:,.0f} without the "
        f"trace, {traced_bytes:,.0f} once the trace is read"
    )
    return text


def _us(seconds: list[float]) -> str:
    return _span([s * 1e6 for s in seconds], "")


def _rate(seconds: list[float]) -> str:
    return f"{1 / max(seconds):,.0f}–{1 / min(seconds):,.0f}"


def _span(values: list[float], unit: str) -> str:
    low, high = min(values), max(values)
    return f"{low:.2f}–{high:.2f}{unit}"
