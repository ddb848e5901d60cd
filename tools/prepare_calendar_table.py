"""Prepare the calendar table the library ships (``src/cchc_rules/calendar_data/days.csv``).

Run ``uv run python tools/prepare_calendar_table.py`` after a ``holidays`` upgrade or when a
new year's notice is added below; commit the regenerated file. This script is not
shipped and never runs at query time.

- Confirmed years (2018–2026): every special day of ``holidays.VN`` (which matches
  the official schedules of 2018–2025), with its instruments (``instruments.csv``),
  plus the corrections ``holidays`` lacks, each with the reason it differs.
- Provisional years (2027–2030): statutory holidays and compensatory days from
  ``holidays`` only, no swaps, every day ``unverified``. 24/11 (Vietnam Cultural
  Day) is kept as a day off, ``unverified``, as in 2026 (see docs/calendar-law.md).

``tests/test_calendar_table.py`` regenerates the provisional years with
:func:`provisional_rows` and compares them with the shipped file.
"""

from __future__ import annotations

import csv
import sys
from datetime import date
from pathlib import Path

from cchc_rules.calendar_table import holidays_days

OUT = Path(__file__).resolve().parent.parent / "src/cchc_rules/calendar_data/days.csv"
COLUMNS = (
    "day",
    "status",
    "name_vi",
    "name_en",
    "kind",
    "sources",
    "article",
    "provenance",
    "note",
    "holidays_differs",
)
CONFIRMED = range(2018, 2027)
PROVISIONAL = range(2027, 2031)

NOTICE_OF_YEAR = {
    2018: "LICH-2018",
    2019: "CV-6519-VPCP-KGVX",
    2020: "LICH-2020",
    2021: "LICH-2021",
    2022: "LICH-2022",
    2023: "CV-8056-VPCP-KGVX",
    2024: "LICH-2024",
    2025: "CV-8726-VPCP-KGVX",
    2026: "LICH-2026",
}
"""The instrument that set each confirmed year's schedule (instruments.csv)."""

NOTICE_OF_DAY = {
    date(2018, 12, 31): "CV-6519-VPCP-KGVX",  # the 2019 schedule swaps 31/12/2018
    date(2019, 1, 5): "CV-6519-VPCP-KGVX",
    date(2024, 4, 29): "CV-2450-VPCP-KGVX",
    date(2024, 5, 4): "CV-2450-VPCP-KGVX",
    date(2025, 1, 27): "CV-8726-VPCP-KGVX TB-6150-BLDTBXH",
    date(2025, 1, 28): "CV-8726-VPCP-KGVX TB-6150-BLDTBXH",
    date(2025, 1, 29): "CV-8726-VPCP-KGVX TB-6150-BLDTBXH",
    date(2025, 1, 30): "CV-8726-VPCP-KGVX TB-6150-BLDTBXH",
    date(2025, 1, 31): "CV-8726-VPCP-KGVX TB-6150-BLDTBXH",
    date(2025, 2, 1): "CV-8726-VPCP-KGVX TB-6150-BLDTBXH",
    date(2026, 1, 1): "CV-12729-VPCP-KGVX",
}
"""Days whose instrument is not (only) the year's schedule."""

MISSING_IN_HOLIDAYS = (
    "holidays 0.109 does not have the New Year 2026 swap of Công văn 12729/VPCP-KGVX"
)
CORRECTIONS = [
    (
        date(2026, 1, 2),
        False,
        "Ngày nghỉ (thay cho ngày 10/01/2026)",
        "Day off (in exchange for working on 10/01/2026)",
        "swap",
        "CV-12729-VPCP-KGVX",
        MISSING_IN_HOLIDAYS,
    ),
    (
        date(2026, 1, 10),
        True,
        "Ngày làm việc bù (cho ngày nghỉ 02/01/2026)",
        "Make-up working day (for the day off on 02/01/2026)",
        "make_up",
        "CV-12729-VPCP-KGVX",
        MISSING_IN_HOLIDAYS,
    ),
]
"""Official days ``holidays`` gets wrong: (day, working, vi, en, kind, sources, why)."""

CULTURAL_DAY_NOTE = (
    "not enacted: Nghị quyết 80-NQ/TW made 24/11 a day off in principle and Nghị quyết "
    "30/NQ-CP tasked amending Bộ luật Lao động Điều 112, but no amendment and no notice "
    "was found; kept as a day off, as holidays.VN does"
)


def _law(year: int, kind: str) -> tuple[str, str]:
    if year <= 2020:
        return "BLLD-2012", "Điều 115"
    return "BLLD-2019", "Điều 111 khoản 3" if kind == "compensatory" else "Điều 112"


def confirmed_rows(year: int) -> list[dict[str, str]]:
    rows = []
    corrections = {c[0]: c for c in CORRECTIONS if c[0].year == year}
    for day, working, vi, en, kind in holidays_days(year, year):
        if day in corrections:
            continue
        provenance, note, article = "verified", "", ""
        if kind == "cultural_day":
            sources, provenance, note = "NQ-80-TW", "unverified", CULTURAL_DAY_NOTE
        elif kind in ("swap", "make_up"):
            sources = NOTICE_OF_DAY.get(day, NOTICE_OF_YEAR[year])
        else:
            law, article = _law(year, kind)
            sources = f"{law} {NOTICE_OF_DAY.get(day, NOTICE_OF_YEAR[year])}"
        rows.append(_row(day, working, vi, en, kind, sources, article, provenance, note, ""))
    for day, working, vi, en, kind, sources, why in corrections.values():
        rows.append(_row(day, working, vi, en, kind, sources, "", "verified", "", why))
    return sorted(rows, key=lambda r: r["day"])


def provisional_rows(year: int) -> list[dict[str, str]]:
    """A year without an official schedule: statutory and compensatory days only."""
    note = (
        f"provisional: the public sector's schedule of days off for {year} is not yet "
        "published; statutory holidays (lunar dates computed by the holidays package) and "
        "compensatory days only, no swaps"
    )
    rows = []
    for day, working, vi, en, kind in holidays_days(year, year):
        if kind in ("swap", "make_up"):
            continue
        if kind == "cultural_day":
            sources, article, why = "NQ-80-TW", "", f"{note}; {CULTURAL_DAY_NOTE}"
        else:
            law, article = _law(year, kind)
            sources, why = law, note
        rows.append(_row(day, working, vi, en, kind, sources, article, "unverified", why, ""))
    return rows


def _row(day: date, working: bool, *cells: str) -> dict[str, str]:
    values = (day.isoformat(), "working" if working else "off", *cells)
    return dict(zip(COLUMNS, values, strict=True))


def all_rows() -> list[dict[str, str]]:
    rows = [r for y in CONFIRMED for r in confirmed_rows(y)]
    return rows + [r for y in PROVISIONAL for r in provisional_rows(y)]


def main() -> int:
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(all_rows())
    print(f"wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
