"""Reading and writing assessments, task reports and verdicts as CSV and JSON.

Readers collect **every** failure with its location before raising (a CSV row
number as a spreadsheet shows it, the header being row 1; a JSON path like
``$[2].findings[0].mitigation.directed``). Nested structures (findings and their
mitigation grounds) are structured with ``cattrs`` and strict hooks: ``"yes"`` is
not a boolean.

Assessment rows have the columns ``unit, kind, parent, head, year, index_score``
(and optionally ``parent_kind``). ``kind`` is a :class:`~cchc_rules.units.UnitKind`
name. A commune's parent is a district; a subordinate's parent kind is taken from
``parent_kind``, or from the row that defines that parent in the same file.

The package has one module a job: ``_rows`` (a file's rows, one at a time),
``_fields`` (one row's fields, each distinct cell checked once), ``_findings``,
``_assessments``, ``_published``, ``_tasks``, ``_task_reports`` (readers),
``_verdicts``, ``_tallies``, ``_discrepancies`` (writers) and ``_schemas``. Import
from ``cchc_rules.io``: the modules are its rooms, not its address.
"""

from .._columns import ASSESSMENT_COLUMNS, ASSESSMENT_OPTIONAL, PUBLISHED_GRADE, TASK_COLUMNS
from .._columns import TASK_OPTIONAL as TASK_OPTIONAL
from .._files import LIMITS
from .._validate import parse_day
from ._assessments import (
    ParsedRows,
    assessment_to_dict,
    iter_assessment_rows,
    parse_assessment_rows,
    read_assessments,
)
from ._discrepancies import DISCREPANCY_COLUMNS as DISCREPANCY_COLUMNS
from ._discrepancies import discrepancies_to_csv
from ._discrepancies import discrepancy_rows as discrepancy_rows
from ._published import parse_published_rows, read_published_grades
from ._rows import iter_rows, read_rows
from ._schemas import SCHEMAS, schema
from ._tallies import GROUP_COLUMNS as GROUP_COLUMNS
from ._tallies import tallies_to_csv, tallies_to_json, tally_rows
from ._task_reports import read_task_report, task_report_from_dict
from ._tasks import parse_task_rows as parse_task_rows
from ._tasks import read_tasks
from ._verdicts import CSV_COLUMNS as CSV_COLUMNS
from ._verdicts import verdict_row as verdict_row
from ._verdicts import verdict_rows as verdict_rows
from ._verdicts import (
    verdicts_to_csv,
    verdicts_to_json,
    write_verdicts_csv,
    write_verdicts_json,
)

OPTIONAL_COLUMNS = ASSESSMENT_OPTIONAL  # its name here before the split

__all__ = [
    "ASSESSMENT_COLUMNS",
    "LIMITS",
    "PUBLISHED_GRADE",
    "SCHEMAS",
    "TASK_COLUMNS",
    "ParsedRows",
    "assessment_to_dict",
    "discrepancies_to_csv",
    "iter_assessment_rows",
    "iter_rows",
    "parse_assessment_rows",
    "parse_day",
    "parse_published_rows",
    "read_assessments",
    "read_published_grades",
    "read_rows",
    "read_task_report",
    "read_tasks",
    "schema",
    "tallies_to_csv",
    "tallies_to_json",
    "tally_rows",
    "task_report_from_dict",
    "verdicts_to_csv",
    "verdicts_to_json",
    "write_verdicts_csv",
    "write_verdicts_json",
]
