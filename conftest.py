"""The optional extras in the test run (CI runs the suite both without and with
them): doctests that need a missing extra are skipped, and the modules of a missing
extra are left out of the coverage report (they are measured in the run with it)."""

import importlib.util

import pytest

EXTRAS = {
    # module of the extra: (what it needs, doctest files that use it)
    "frames": ("pandas", ("src/cchc_rules/frames.py", "docs/frames.md")),
    "excel": ("openpyxl", ("src/cchc_rules/excel.py", "docs/excel.md")),
}
MISSING = {
    module: parts
    for module, (needs, parts) in EXTRAS.items()
    if importlib.util.find_spec(needs) is None
}


def pytest_configure(config):
    controller = getattr(config.pluginmanager.getplugin("_cov"), "cov_controller", None)
    # pytest-cov measures with one Coverage object and reports with another
    for name in ("cov", "combining_cov"):
        coverage = getattr(controller, name, None)
        if coverage is not None and MISSING:
            omit = coverage.get_option("report:omit") or []
            extra = [f"*/cchc_rules/{module}.py" for module in MISSING]
            coverage.set_option("report:omit", [*omit, *extra])


def pytest_collection_modifyitems(config, items):
    for item in items:
        for parts in MISSING.values():
            if item.nodeid.startswith(parts):
                item.add_marker(pytest.mark.skip(reason="needs an optional extra"))
