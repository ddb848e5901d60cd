"""The pause of CPython's cyclic garbage collector around a batch the library
builds in one call (``grade_many``, the ``read_*`` functions that return a list).

Why: every object a batch keeps (a verdict; an assessment with its head and unit)
is one the collector tracks, and while a million are built its collections walk
every object the program holds again and again; that, not the work itself, is
why time per item grew with the size of the batch (``docs/quality.md``). Why it
is safe: the batches make no reference cycles the collector would have to find
meanwhile, and reference counting still frees everything else at once. The pause
is process-wide: cycles another thread makes in the meantime are collected after
the batch. It is never held across a ``yield`` to the caller: the streaming
functions (``iter_*``) leave the collector alone.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the collector for the ``with`` block and restore it after, even on an
    error (left paused if the caller had paused it)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
