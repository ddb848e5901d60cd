"""cchc_rules: accountability of heads of Vietnamese government units for
administrative reform (cải cách hành chính, CCHC).

The public face of the library: it re-exports the contract of SPEC section 4.
"""

from .calendar import SpecialDay, WorkingCalendar, public_sector_calendar
from .errors import CchcError, InvalidInputError, InvalidTypeError, OutOfRangeError, Problem
from .law import DatedParameter, DatedValue, Provenance, Source
from .notice import (
    HAI_PHONG_2019_INSPECTION_PLAN,
    InspectionPlan,
    NoticeRequirement,
    latest_notice_date,
    notice_is_sufficient,
)

__all__ = [
    "HAI_PHONG_2019_INSPECTION_PLAN",
    "CchcError",
    "DatedParameter",
    "DatedValue",
    "InspectionPlan",
    "InvalidInputError",
    "InvalidTypeError",
    "NoticeRequirement",
    "OutOfRangeError",
    "Problem",
    "Provenance",
    "Source",
    "SpecialDay",
    "WorkingCalendar",
    "latest_notice_date",
    "notice_is_sufficient",
    "public_sector_calendar",
]
