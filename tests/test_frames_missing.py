"""cchc_rules.frames without pandas: a clear error saying how to install it (runs
with and without the extra)."""

import sys

import pytest

from cchc_rules import CchcError


def test_without_pandas_the_error_says_how_to_install_it(monkeypatch):
    from cchc_rules import frames

    monkeypatch.setitem(sys.modules, "pandas", None)  # as if it were not installed
    with pytest.raises(CchcError, match=r"pip install 'cchc-rules\[pandas\]'"):
        frames.grade_frame(object())
