"""Start-up: importing the package loads none of the heavier modules that only
some calls need (issue 10 point 6). Their cost is measured in benchmarks/; here we
only check they stay out of the import, so a stray top-level import is noticed."""

import subprocess
import sys

import pytest

from tests._shared import under_mutation_run

LAZY = (
    "cattrs",  # only to read and write findings
    "dateutil",  # parser for day-first dates, relativedelta/rrule for periods
    "holidays",  # only for years beyond the shipped calendar table, and the cross-check
    "html",  # only to show results as HTML in a notebook
    "importlib.metadata",  # only for the version of holidays cited as a source
    "importlib.resources",  # only for the Vietnamese messages and the JSON schemas
    "numpy",  # never: arrays are recognised only when the caller passes one
    "tempfile",  # only when the command line writes --output
)


def modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stdout.splitlines()[-1].split())


@pytest.mark.parametrize("module", LAZY)
def test_importing_the_package_leaves_out(module):
    if under_mutation_run() and module in modules_after("import mutmut.mutation.trampoline"):
        pytest.skip(f"the mutated copy imports mutmut's trampolines, which load {module}")
    assert module not in modules_after("import cchc_rules, cchc_rules.cli")


@pytest.mark.parametrize("module", ["cattrs", "dateutil", "holidays", "html", "numpy"])
def test_a_notice_on_the_command_line_leaves_out(module):
    code = "import cchc_rules.cli\nassert cchc_rules.cli.main(['notice', '2019-06-03']) == 0"
    assert module not in modules_after(code)


def test_the_lazy_modules_are_loaded_when_used():
    loaded = modules_after(
        "import datetime, cchc_rules, cchc_rules.io as io\n"
        "cchc_rules.reporting_periods(2019)\n"
        "io.parse_day('03/06/2019', 'day')\n"
        "io.parse_assessment_rows([{'unit': 'B', 'kind': 'DEPARTMENT', 'head': 'A', "
        "'year': 2019, 'index_score': 91, 'findings': [{'description': 'x'}]}], ['$[0]'])\n"
    )
    assert {"cattrs", "dateutil.rrule", "dateutil.parser"} <= loaded
