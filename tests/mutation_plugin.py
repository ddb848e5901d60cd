"""A pytest plugin used only by mutation runs (see ``[tool.mutmut]`` in
pyproject.toml): it empties the library's memo caches before every test, so code
that normally runs once per process (building the public-sector calendar, the
grading plan of a rulebook and year) runs under each mutant instead of being
served from a cache built with the original code."""

import pytest

from cchc_rules import DECISION_30_2018
from cchc_rules.calendar import clear_caches


@pytest.fixture(autouse=True)
def _fresh_caches():
    clear_caches()
    DECISION_30_2018.cache.clear()
