"""Timing shared by the benchmarks: one timed call per item count, and runs of ours
and a peer alternated within each repeat. Never asserts a time."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def timed(fn: Callable[[], object], n: int) -> float:
    """Seconds per item of one call of ``fn`` (garbage of earlier runs collected
    first; the collector stays on during the run, as in a user's program)."""
    gc.collect()
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    del result
    return seconds / n


def paired(
    ours: Callable[[], object], peer: Callable[[], object], n: int, repeat: int
) -> tuple[list[float], list[float]]:
    """Per-item times of ``ours`` and ``peer``, alternated within each repeat so each
    ratio compares runs made at the same moment of a shared machine."""
    mine, theirs = [], []
    for _ in range(repeat):
        mine.append(timed(ours, n))
        theirs.append(timed(peer, n))
    return mine, theirs
