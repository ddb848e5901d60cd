"""Grading throughput: ``grade_head`` (which always builds the cited trace),
``grade_many`` and ``to_dict`` against a bare threshold lookup over the same
inputs. Returns rows for ``run_all``; never asserts a time."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from decimal import Decimal

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
)

Row = tuple[str, float, float | None, str]


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


def per_item(fn: Callable[[], object], n: int, repeat: int = 3) -> float:
    """Best-of-``repeat`` seconds per item."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best / n


def rows(smoke: bool = False) -> list[Row]:
    n = 200 if smoke else 100_000
    items = make_assessments(n)
    DECISION_30_2018.rules_for(2019)  # resolved once, as a service would at start-up
    bare = per_item(lambda: [bare_lookup(a.index_score) for a in items], n)
    return [
        ("grade_head (with trace)", per_item(lambda: [grade_head(a) for a in items], n), bare,
         "bare threshold lookup"),
        ("grade_many", per_item(lambda: grade_many(items), n), bare, "bare threshold lookup"),
        ("grade_head + to_dict", per_item(lambda: [grade_head(a).to_dict() for a in items], n),
         bare, "bare threshold lookup"),
    ]  # fmt: skip
