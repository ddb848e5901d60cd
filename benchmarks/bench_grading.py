"""Grading throughput: ``grade_head`` (which always builds the cited trace) and
``grade_many`` against a bare threshold lookup over the same inputs. Prints."""

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


def rate(fn: Callable[[], object], n: int, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return n / best


def main(smoke: bool = False) -> None:
    n = 200 if smoke else 100_000
    items = make_assessments(n)
    DECISION_30_2018.rules_for(2019)  # resolve once, as a service would at start-up
    bare = rate(lambda: [bare_lookup(a.index_score) for a in items], n)
    ours = rate(lambda: [grade_head(a) for a in items], n)
    batch = rate(lambda: grade_many(items), n)
    to_dict = rate(lambda: [grade_head(a).to_dict() for a in items], n)
    print(
        f"grade_head with trace       {ours:12,.0f} verdicts/s   bare lookup {bare:12,.0f}/s"
        f"   ratio bare/ours ×{bare / ours:,.1f}"
    )
    print(f"grade_many                  {batch:12,.0f} verdicts/s")
    print(f"grade_head + to_dict        {to_dict:12,.0f} verdicts/s")


if __name__ == "__main__":
    import sys

    main("--smoke" in sys.argv)
