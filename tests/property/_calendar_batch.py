"""What the batch calendar properties share (with and without numpy): the days they
draw, and the oracle, a loop over the scalar method."""

from datetime import timedelta

import pytest
from hypothesis import strategies as st

from cchc_rules import CchcError
from tests._shared import CAL

FIRST, LAST = CAL.supported_range
EDGE = timedelta(days=40)

# Mostly inside the range, sometimes within 40 days of either end (inside or out).
days = st.one_of(
    st.dates(FIRST, LAST),
    st.dates(FIRST - EDGE, FIRST + EDGE),
    st.dates(LAST - EDGE, LAST + EDGE),
)
steps = st.one_of(st.integers(-30, 30), st.integers(-4000, 4000))
pairs = st.lists(st.tuples(days, steps), max_size=12)


def scalar_loop(query, *columns):
    """The answers of ``query`` item by item, or (index, error) at the first error."""
    out = []
    for k, args in enumerate(zip(*columns, strict=True)):
        try:
            out.append(query(*args))
        except CchcError as exc:
            return k, exc
    return out


def assert_same(batch, expected):
    """``batch()`` gives ``expected`` answers, or fails as the scalar loop did."""
    if isinstance(expected, list):
        assert batch() == expected
        return
    k, scalar_error = expected
    with pytest.raises(CchcError) as caught:
        batch()
    assert type(caught.value) is type(scalar_error)
    assert str(caught.value) == f"item {k}: {scalar_error}"
