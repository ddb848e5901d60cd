"""Calendar queries over many days at once (the ``*_many`` methods of
:class:`~cchc_rules.working_calendar.WorkingCalendar`).

Two paths give exactly the scalar methods' answers and errors:

- any iterable of ``datetime.date`` is read item by item into a list, through the
  same precomputed tables as the scalar methods (no call per item on the common
  path);
- a numpy array of ``datetime64[D]`` days is answered with array operations and
  gives an array back. numpy is never imported here: an array can only arrive if
  the caller has imported numpy already, so ``sys.modules`` says whether to look.

An item the scalar method would refuse is refused with the scalar method's error
class and message, located by its position (``item 3: day ... is outside ...``);
when several items are bad, the first one in order is named, as a loop over the
scalar method would. An array item is the Python value ``array.tolist()`` gives
(a ``datetime.date``, ``None`` for ``NaT``).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, NoReturn

from ._messages import Message, said
from ._validate import require_int, require_iterable
from .errors import CchcError, InvalidInputError, InvalidTypeError

if TYPE_CHECKING:
    from .working_calendar import WorkingCalendar

__all__ = ["add_working_days_many", "is_working_day_many", "working_days_between_many"]

_EPOCH = date(1970, 1, 1).toordinal()  # datetime64[D] counts days from 1970-01-01
_fromordinal = date.fromordinal


def _numpy_array(value: object, field: str) -> Any:
    """numpy, when ``value`` is a numpy array (else ``None``), without importing it.
    A masked array is refused: its masked items hold values nobody meant."""
    np = sys.modules.get("numpy")
    if np is None or not isinstance(value, np.ndarray):
        return None
    ma = sys.modules.get("numpy.ma")
    if ma is not None and isinstance(value, ma.MaskedArray):
        raise InvalidTypeError(
            Message(
                "{field} must be an array without a mask (got a masked array); fill or "
                "drop its masked items first",
                field=field,
            )
        )
    return np


def _items(field: str, value: Any) -> tuple[Any, list[Any]]:
    """numpy (or ``None``) and the items of ``value``: a list of its Python values,
    an array's in flat order (the order its item positions count in, whatever its
    shape)."""
    np = _numpy_array(value, field)
    if np is None:
        return None, require_iterable(field, value)
    if field != "n" and value.dtype.kind == "M" and value.dtype != np.dtype("datetime64[D]"):
        raise InvalidTypeError(
            Message(
                "{field} must be an array of datetime64[D] days (got {dtype}); "
                "convert it with .astype('datetime64[D]')",
                field=field,
                dtype=str(value.dtype),
            )
        )
    return np, np.asarray(value).reshape(-1).tolist()


def _is_days(np: Any, value: Any) -> bool:
    return (
        np is not None
        and isinstance(value, np.ndarray)
        and value.dtype == np.dtype("datetime64[D]")
    )


def _located(index: int, query: Callable[..., Any], *args: Any) -> Any:
    """``query(*args)``, or its error re-raised (same class) with the item's position."""
    try:
        return query(*args)
    except CchcError as exc:
        where = Message("item {index}", index=index)
        raise type(exc)(Message("{where}: {message}", where=where, message=said(exc))) from exc


def _fitting(
    field: str, value: Any, items: list[Any], other: str, asked: Any, expected: int
) -> None:
    """``value`` (read as ``items``) fits ``asked`` (read as ``expected`` items): as
    many items and, when both are numpy arrays, the same shape (beside a list, an
    array is read in flat order)."""
    if len(items) != expected:
        raise InvalidInputError(
            Message(
                "{field} must have as many items as {other} (got {count}, expected {expected})",
                field=field,
                other=other,
                count=len(items),
                expected=expected,
            )
        )
    np = sys.modules.get("numpy")
    if (
        np is not None
        and isinstance(value, np.ndarray)
        and isinstance(asked, np.ndarray)
        and value.shape != asked.shape
    ):
        raise InvalidInputError(
            Message(
                "{field} must be an array of the shape of {other} (got {shape}, expected "
                "{expected})",
                field=field,
                other=other,
                shape=str(value.shape),
                expected=str(asked.shape),
            )
        )


# -- item by item ---------------------------------------------------------------
#
# Each query first tries whole-list passes (comprehensions, min and max), which hold
# only when every item is a date inside the range; otherwise it walks the items one
# by one, asking the scalar method about any item it cannot answer itself.


@functools.lru_cache(maxsize=8)
def _listed(
    cal: WorkingCalendar,
) -> tuple[tuple[bool, ...], tuple[date, ...], tuple[int, ...]]:
    """Per calendar, built once: whether each day is a working day, the working days
    as dates (shared, as dates are immutable), and the prefix counts up to and
    including each day."""
    ord0, size, prefix, working = cal.tables
    flags = tuple(prefix[i + 1] != prefix[i] for i in range(size))
    return flags, tuple(_fromordinal(ord0 + i) for i in working), prefix[1:]


def _indices_of(cal: WorkingCalendar, items: list[Any]) -> list[int] | None:
    """Each item's index into the calendar's tables, or ``None`` unless every item is
    a ``date`` inside the range."""
    if not all(type(day) is date for day in items):
        return None
    ord0, size = cal.tables.ord0, cal.tables.size
    indices = [day.toordinal() - ord0 for day in items]
    if indices and (min(indices) < 0 or max(indices) >= size):
        return None
    return indices


def _in(positions: list[int], size: int) -> bool:
    return not positions or (min(positions) >= 0 and max(positions) < size)


def is_working_day_many(cal: WorkingCalendar, days: Any) -> Any:
    np = _numpy_array(days, "days")
    if _is_days(np, days):
        return _is_working_day_array(np, cal, days)
    np, items = _items("days", days)
    indices = _indices_of(cal, items)
    if indices is not None:
        flags = _listed(cal)[0]
        return _back(np, [flags[i] for i in indices], "bool", days)
    return _back(np, _one_by_one(cal.is_working_day, items), "bool", days)


def add_working_days_many(cal: WorkingCalendar, days: Any, n: Any) -> Any:
    if _numpy_array(n, "n") is not None and n.ndim == 0:
        n = n.item()  # one n for every day, as an int is
    np = _numpy_array(days, "days")
    if _is_days(np, days):
        steps = _integer_array(np, n, days.shape)
        if steps is not None:
            return _add_working_days_array(np, cal, days, steps)
    np, items = _items("days", days)
    if isinstance(n, int | str) or not isinstance(n, Iterable):
        counts: list[Any] = [require_int("n", n)] * len(items)
    else:
        counts = _items("n", n)[1]
        _fitting("n", n, counts, "days", days, len(items))
    prefix = cal.tables.prefix
    last = len(cal.tables.working)
    indices = _indices_of(cal, items)
    if indices is not None and all(type(step) is int for step in counts):
        if type(n) is int:
            shift = n - 1 if n > 0 else n
            at = _listed(cal)[2] if n > 0 else prefix
            positions = [at[i] + shift for i in indices]
        else:
            positions = [
                prefix[i + 1] + step - 1 if step > 0 else prefix[i] + step
                for i, step in zip(indices, counts, strict=True)
            ]
        if _in(positions, last):
            dates = _listed(cal)[1]
            return _back(np, [dates[p] for p in positions], "datetime64[D]", days)
    return _back(np, _one_by_one(cal.add_working_days, items, counts), "datetime64[D]", days)


def working_days_between_many(cal: WorkingCalendar, starts: Any, ends: Any) -> Any:
    np, np_ends = _numpy_array(starts, "starts"), _numpy_array(ends, "ends")
    if _is_days(np, starts) and _is_days(np_ends, ends) and ends.shape == starts.shape:
        return _working_days_between_array(np, cal, starts, ends)
    np_starts, firsts = _items("starts", starts)
    np_ends, lasts = _items("ends", ends)
    np = np_starts or np_ends
    asked = starts if np_starts is not None else ends  # the array, whose shape answers
    _fitting("ends", ends, lasts, "starts", starts, len(firsts))
    firsts_at, lasts_at = _indices_of(cal, firsts), _indices_of(cal, lasts)
    if firsts_at is not None and lasts_at is not None:
        after = _listed(cal)[2]
        counted = [after[j] - after[i] for i, j in zip(firsts_at, lasts_at, strict=True)]
        return _back(np, counted, "int64", asked)
    return _back(np, _one_by_one(cal.working_days_between, firsts, lasts), "int64", asked)


def _one_by_one(query: Callable[..., Any], *columns: list[Any]) -> list[Any]:
    """``query`` over the columns' items, one call per item, each error located by
    the item's position: the path for a list the whole-list passes cannot answer
    (an item that is not a date, is outside the range, or a count that is not an
    ``int``), which then answers or fails exactly as a loop over ``query`` would."""
    return [_located(k, query, *args) for k, args in enumerate(zip(*columns, strict=True))]


def _back(np: Any, out: list[Any], dtype: str, asked: Any) -> Any:
    """The answers as an array when the question came as one (``asked``), in its
    shape."""
    return out if np is None else np.array(out, dtype=dtype).reshape(asked.shape)


# -- numpy arrays ---------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _tables(cal: WorkingCalendar) -> tuple[Any, Any, Any, int]:
    """The calendar's tables as arrays, built once per calendar: prefix counts,
    working-day flags, the working days as datetime64[D] day numbers, and the
    offset from a day number to an index into the tables."""
    np = sys.modules["numpy"]
    prefix = np.array(cal.tables.prefix, dtype=np.int64)
    flags = prefix[1:] != prefix[:-1]
    shift = cal.tables.ord0 - _EPOCH
    working = np.array(cal.tables.working, dtype=np.int64) + shift
    return prefix, flags, working, shift


def _indices(np: Any, cal: WorkingCalendar, days: Any) -> tuple[Any, Any]:
    """Indices into the calendar's tables, and where they fall outside them."""
    i = days.view(np.int64) - _tables(cal)[3]
    return i, (i < 0) | (i >= cal.tables.size)


def _first_bad(np: Any, bad: Any) -> int | None:
    return int(np.argmax(bad)) if bad.any() else None


def _raise_at(index: int, query: Callable[..., Any], *args: Any) -> NoReturn:
    _located(index, query, *args)
    # Every item the arrays flag is one the scalar query refuses.
    raise AssertionError(index)  # pragma: no cover - unreachable unless the tables disagree


def _is_working_day_array(np: Any, cal: WorkingCalendar, days: Any) -> Any:
    i, bad = _indices(np, cal, days)
    k = _first_bad(np, bad)
    if k is not None:
        _raise_at(k, cal.is_working_day, days.flat[k].item())
    return np.asarray(_tables(cal)[1][i])  # an array even for a 0-d one


def _integer_array(np: Any, n: Any, shape: tuple[int, ...]) -> Any:
    """``n`` as int64 (an int, or an integer array of the days' shape), or ``None``
    when only the item-by-item path can give the scalar method's answer or error."""
    if type(n) is int:
        return n if -(2**62) < n < 2**62 else None
    if _numpy_array(n, "n") is None or n.shape != shape:
        return None
    if n.dtype.kind == "i" or (n.dtype.kind == "u" and n.dtype.itemsize < 8):
        return n.astype(np.int64, copy=False)
    return None


def _add_working_days_array(np: Any, cal: WorkingCalendar, days: Any, n: Any) -> Any:
    prefix, _flags, working, _shift = _tables(cal)
    i, bad = _indices(np, cal, days)
    if bad.any():
        i = np.clip(i, 0, cal.tables.size - 1)  # only to compute the positions below
    if isinstance(n, int):
        position = prefix[i + 1] + (n - 1) if n > 0 else prefix[i] + n
    else:
        up = n > 0
        position = prefix[i + up] + n - up
    bad |= (position < 0) | (position >= len(working))
    k = _first_bad(np, bad)
    if k is not None:
        step = n if isinstance(n, int) else n.flat[k].item()
        _raise_at(k, cal.add_working_days, days.flat[k].item(), step)
    return np.asarray(working[position]).view("datetime64[D]")


def _working_days_between_array(np: Any, cal: WorkingCalendar, starts: Any, ends: Any) -> Any:
    prefix = _tables(cal)[0]
    i, bad_i = _indices(np, cal, starts)
    j, bad_j = _indices(np, cal, ends)
    k = _first_bad(np, bad_i | bad_j)
    if k is not None:
        _raise_at(k, cal.working_days_between, starts.flat[k].item(), ends.flat[k].item())
    return np.asarray(prefix[j + 1] - prefix[i + 1])
