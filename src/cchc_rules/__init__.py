"""cchc_rules: accountability of heads of Vietnamese government units for
administrative reform (cải cách hành chính, CCHC).

The public face of the library: it re-exports the public contract (see the API
reference, docs/api.md).
"""

from .assessment import Assessment, Finding, MitigationGrounds
from .authority import Evaluator, EvaluatorRole, evaluator_for
from .calendar import SpecialDay, WorkingCalendar, public_sector_calendar
from .calendar_changes import load_calendar_changes
from .calendar_table import CalendarInstrument, calendar_instruments
from .errors import CchcError, InvalidInputError, InvalidTypeError, OutOfRangeError, Problem
from .grades import Grade
from .grading import BatchResult, grade_head, grade_many
from .law import DatedParameter, DatedValue, Provenance, Source
from .notice import (
    HAI_PHONG_2019_INSPECTION_PLAN,
    InspectionPlan,
    NoticeRequirement,
    latest_notice_date,
    notice_is_sufficient,
)
from .periods import PeriodUnit, ReportFrequency, ReportingPeriod, period_end, reporting_periods
from .published_grades import GradeDiscrepancy, check_published_grades
from .reports import (
    SEED_004_REPORT,
    Discrepancy,
    DiscrepancyKind,
    TaskReport,
    check_percentage,
    check_task_report,
    percent_of,
)
from .rulebooks import DECISION_30_2018, Bands, Rulebook, load_rulebook
from .tasks import Task, TaskStatus, TaskTally, tally_by, tally_tasks
from .trace import Step
from .units import Head, Unit, UnitKind
from .verdict import SCHEMA_VERSION, Verdict, records, verdict_records

__version__ = "0.1.0"
"""The installed version (the ``version`` of ``pyproject.toml``; a test checks they agree)."""

__all__ = [
    "DECISION_30_2018",
    "HAI_PHONG_2019_INSPECTION_PLAN",
    "SCHEMA_VERSION",
    "SEED_004_REPORT",
    "Assessment",
    "Bands",
    "BatchResult",
    "CalendarInstrument",
    "CchcError",
    "DatedParameter",
    "DatedValue",
    "Discrepancy",
    "DiscrepancyKind",
    "Evaluator",
    "EvaluatorRole",
    "Finding",
    "Grade",
    "GradeDiscrepancy",
    "Head",
    "InspectionPlan",
    "InvalidInputError",
    "InvalidTypeError",
    "MitigationGrounds",
    "NoticeRequirement",
    "OutOfRangeError",
    "PeriodUnit",
    "Problem",
    "Provenance",
    "ReportFrequency",
    "ReportingPeriod",
    "Rulebook",
    "Source",
    "SpecialDay",
    "Step",
    "Task",
    "TaskReport",
    "TaskStatus",
    "TaskTally",
    "Unit",
    "UnitKind",
    "Verdict",
    "WorkingCalendar",
    "__version__",
    "calendar_instruments",
    "check_percentage",
    "check_published_grades",
    "check_task_report",
    "evaluator_for",
    "grade_head",
    "grade_many",
    "latest_notice_date",
    "load_calendar_changes",
    "load_rulebook",
    "notice_is_sufficient",
    "percent_of",
    "period_end",
    "public_sector_calendar",
    "records",
    "reporting_periods",
    "tally_by",
    "tally_tasks",
    "verdict_records",
]
