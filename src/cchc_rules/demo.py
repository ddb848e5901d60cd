"""The embedded example behind ``cchc-rules demo``: Hải Phòng 2019.

Every figure here is either from a seed document (cited) or labelled as an
illustration.
"""

from __future__ import annotations

from datetime import date
from typing import TextIO

from ._table import render
from .calendar import public_sector_calendar
from .notice import HAI_PHONG_2019_INSPECTION_PLAN

INSPECTION_DAYS_2019 = (
    date(2019, 6, 3),
    date(2019, 7, 1),
    date(2019, 9, 3),
    date(2019, 9, 10),
    date(2019, 10, 15),
    date(2019, 12, 2),
    date(2019, 12, 31),
)
"""Illustrative inspection days inside the 2019 plan's window (the real schedule was
set by each team leader and is not in the sources)."""


def _heading(out: TextIO, title: str) -> None:
    print(f"\n{title}\n{'=' * len(title)}", file=out)


def show_inspection_plan(out: TextIO) -> None:
    plan = HAI_PHONG_2019_INSPECTION_PLAN
    cal = public_sector_calendar()
    _heading(out, "1. Kế hoạch kiểm tra CCHC Hải Phòng 2019 / 2019 inspection plan")
    print(
        f"Window: {plan.first_day:%d/%m/%Y} – {plan.last_day:%d/%m/%Y}; notice at least "
        f"{plan.notice_working_days} working days before each inspection; unannounced "
        f"inspections need none.\nSource: {plan.source}",
        file=out,
    )
    print("\nDays off and make-up working days, 2019 (public sector):", file=out)
    rows: list[list[object]] = [
        [
            f"{d.day:%a %d/%m/%Y}",
            "làm bù / worked" if d.working else "nghỉ / off",
            d.name_vi,
            d.name_en,
        ]
        for d in cal.special_days(2019)
    ]
    print(render(["day", "status", "tên", "name"], rows), file=out)
    print("\nLatest notice day for illustrative inspection days:", file=out)
    rows = []
    for day in INSPECTION_DAYS_2019:
        need = plan.notice_for(day)
        assert need.latest_notice is not None
        between = cal.working_days_between(need.latest_notice, day) - int(cal.is_working_day(day))
        rows.append([f"{day:%a %d/%m/%Y}", f"{need.latest_notice:%a %d/%m/%Y}", between])
    print(render(["inspection", "latest notice", "working days between"], rows), file=out)


def run(out: TextIO) -> None:
    """Print the whole example story, in order."""
    print("cchc-rules demo — Hải Phòng 2019", file=out)
    show_inspection_plan(out)
