"""The embedded example behind ``cchc-rules demo``: Hải Phòng 2019.

Every figure here is either from a source article (cited by its bibliography key)
or labelled as an illustration. A second part grades a 2025 ward and special zone,
after the two-tier reform of 1/7/2025, with the notes that such results carry.
"""

from __future__ import annotations

from datetime import date
from typing import TextIO

from ._table import render
from .authority import evaluator_for
from .calendar import public_sector_calendar
from .grading import Assessment, Finding, MitigationGrounds, Verdict, grade_many
from .notice import HAI_PHONG_2019_INSPECTION_PLAN
from .reports import COUNT_FIELDS, SEED_004_REPORT, check_task_report
from .rulebooks import DECISION_30_2018
from .tasks import Task, tally_by, tally_tasks
from .units import Head, Unit, UnitKind

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


def _say(en: bool, both: str, english: str) -> str:
    """The bilingual text of the default demo, or its English alone."""
    return english if en else both


def show_inspection_plan(out: TextIO, en: bool = False) -> None:
    plan = HAI_PHONG_2019_INSPECTION_PLAN
    cal = public_sector_calendar()
    _heading(
        out,
        _say(en, "1. Kế hoạch kiểm tra CCHC Hải Phòng 2019 / ", "1. ") + "2019 inspection plan",
    )
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
            _say(en, "làm bù / worked", "worked") if d.working else _say(en, "nghỉ / off", "off"),
            *([] if en else [d.name_vi]),
            d.name_en,
        ]
        for d in cal.special_days(2019)
    ]
    print(render(["day", "status", *([] if en else ["tên"]), "name"], rows), file=out)
    print("\nLatest notice day for illustrative inspection days:", file=out)
    rows = []
    for day in INSPECTION_DAYS_2019:
        need = plan.notice_for(day)
        assert need.latest_notice is not None
        between = cal.working_days_between(need.latest_notice, day) - int(cal.is_working_day(day))
        rows.append([f"{day:%a %d/%m/%Y}", f"{need.latest_notice:%a %d/%m/%Y}", between])
    print(render(["inspection", "latest notice", "working days between"], rows), file=out)


def example_assessments() -> list[Assessment]:
    """Hải Phòng 2019: real unit names, **illustrative** scores and findings (the
    published 2019 index is not in the sources), heads named by office."""
    noi_vu = Unit("Sở Nội vụ", UnitKind.DEPARTMENT)
    tu_phap = Unit("Sở Tư pháp", UnitKind.DEPARTMENT)
    ke_hoach = Unit("Sở Kế hoạch và Đầu tư", UnitKind.DEPARTMENT)
    hong_bang = Unit("UBND quận Hồng Bàng", UnitKind.DISTRICT)
    thuy_nguyen = Unit("UBND huyện Thủy Nguyên", UnitKind.DISTRICT)
    bach_long_vi = Unit("UBND huyện Bạch Long Vĩ", UnitKind.DISTRICT)
    phong = Unit("Phòng Nội vụ quận Hồng Bàng", UnitKind.SUBORDINATE, hong_bang)
    duties_met = MitigationGrounds(
        directed=True, duties_fully_performed=True, preventive_measures_applied=True
    )
    storm = MitigationGrounds(objective_cause="bão số 3 làm gián đoạn hệ thống một cửa")
    return [
        Assessment(Head("Giám đốc Sở Nội vụ", noi_vu), 2019, "91.20"),
        Assessment(
            Head("Giám đốc Sở Tư pháp", tu_phap), 2019, "88.45",
            [Finding("Một hồ sơ TTHC trả trễ hạn", duties_met)],
        ),
        Assessment(
            Head("Giám đốc Sở Kế hoạch và Đầu tư", ke_hoach), 2019, "84.10",
            [Finding("Chậm ban hành kế hoạch CCHC năm 2019")],
        ),
        Assessment(
            Head("Chủ tịch UBND quận Hồng Bàng", hong_bang), 2019, "90.00",
            [Finding("Gián đoạn tiếp nhận hồ sơ", storm)],
        ),
        Assessment(Head("Chủ tịch UBND huyện Thủy Nguyên", thuy_nguyen), 2019, "79.99"),
        Assessment(
            Head("Chủ tịch UBND huyện Bạch Long Vĩ", bach_long_vi), 2019, "68.50",
            [Finding("Chưa công khai TTHC", MitigationGrounds(directed=True))],
        ),
        Assessment(Head("Trưởng phòng Nội vụ", phong), 2019, "75"),
    ]  # fmt: skip


def show_grades(out: TextIO, en: bool = False) -> tuple[Verdict, ...]:
    _heading(
        out,
        _say(en, "2. Đánh giá người đứng đầu / ", "2. ") + "Grading heads under Decision 30/2018",
    )
    batch = grade_many(example_assessments(), DECISION_30_2018)
    rows: list[list[object]] = []
    for v in batch.verdicts:
        a = v.assessment
        evaluator = evaluator_for(a.head.unit, a.year)
        chairman = _say(en, "Chủ tịch UBND TP", "City chairman")
        by = chairman if evaluator.unit is None else evaluator.unit.name
        mitigated, plain = _say(en, "giảm nhẹ", "mitigated"), _say(en, "có", "yes")
        findings = ", ".join(mitigated if f.mitigated else plain for f in a.findings) or "—"
        rows.append(
            [
                a.head.unit.name,
                a.index_score,
                v.base_grade.label("en" if en else "vi"),
                findings,
                v.grade.label("en" if en else "vi"),
                by,
            ]
        )
    print(
        "Illustrative scores and findings (the published 2019 index is not in our sources).",
        file=out,
    )
    print(
        render(["unit", "index", "base grade", "findings", "grade", "evaluated by"], rows),
        file=out,
    )
    summary = ", ".join(f"{g.label('en' if en else 'vi')}: {n}" for g, n in batch.summary.items())
    print(f"\nSummary: {summary}", file=out)
    if batch.unverified:
        print(
            _say(en, "\nNOTE / LƯU Ý: ", "\nNOTE: ")
            + "these grades use UNVERIFIED parameters of Decision 30/2018 "
            f"({', '.join(batch.unverified)}): defaults to confirm against the official "
            "text (docs/decision-30-2018.md).",
            file=out,
        )
    print("\nWhy Sở Tư pháp keeps its grade (trace):", file=out)
    print(batch.verdicts[1].explain("en"), file=out)
    return batch.verdicts


def show_task_report(out: TextIO, en: bool = False) -> int:
    """Seed 004's published figures and what does not add up; returns the number of
    discrepancies."""
    report = SEED_004_REPORT
    _heading(
        out,
        _say(en, "3. Kiểm tra số liệu công bố / ", "3. ")
        + "Checking published task figures (seed 004)",
    )
    print(
        _say(
            en,
            "Thanh tra thành phố Hải Phòng, 9 tháng đầu năm 2018",
            "Hải Phòng City Inspectorate, first 9 months of 2018",
        )
        + " [hp-2018-inspectorate-cchc-check]:",
        file=out,
    )
    rows: list[list[object]] = []
    for name in COUNT_FIELDS:
        pct = getattr(report, f"{name}_pct", None)
        rows.append([name, getattr(report, name) or "", "" if pct is None else f"{pct}%"])
    print(render(["figure", "stated", "stated %"], rows), file=out)
    found = check_task_report(report)
    print(
        f"\n{len(found)} discrepancy found:"
        if len(found) == 1
        else f"\n{len(found)} discrepancies found:",
        file=out,
    )
    for d in found:
        print(f"  - {d.message}" + ("" if en else f"\n    {d.message_vi}"), file=out)
    return len(found)


EXAMPLE_AS_OF = date(2019, 5, 10)


def example_tasks() -> list[Task]:
    """Illustrative tasks (not from the sources) around the 2019 swap at 30/4."""
    so_noi_vu = Unit("Sở Nội vụ", UnitKind.DEPARTMENT)
    le_chan = Unit("UBND quận Lê Chân", UnitKind.DISTRICT)
    return [
        Task("Ban hành kế hoạch CCHC", date(2019, 4, 27), date(2019, 5, 2), unit=so_noi_vu),
        Task("Báo cáo quý I", date(2019, 4, 5), date(2019, 4, 9), unit=so_noi_vu),
        Task.within_working_days("Rà soát TTHC", date(2019, 4, 26), 5, unit=le_chan),
        Task("Cập nhật cổng dịch vụ công", date(2019, 5, 3), unit=le_chan),
    ]


def show_task_tally(out: TextIO, en: bool = False) -> None:
    _heading(
        out, _say(en, "4. Tình hình thực hiện nhiệm vụ / ", "4. ") + "Task tally (illustrative)"
    )
    items = example_tasks()
    rows: list[list[object]] = []
    for task in items:
        rows.append(
            [
                task.title,
                f"{task.due:%d/%m}",
                f"{task.deadline():%d/%m}",
                "" if task.completed is None else f"{task.completed:%d/%m}",
                task.status(EXAMPLE_AS_OF).label_en if en else task.status(EXAMPLE_AS_OF).label_vi,
            ]
        )
    print(
        f"As of {EXAMPLE_AS_OF:%d/%m/%Y}; a deadline on a day off rolls to the next "
        + _say(
            en,
            "working day (Bộ luật Dân sự 2015, Điều 148(5)).",
            "working day (Civil Code 2015, Art. 148(5)).",
        ),
        file=out,
    )
    print(render(["task", "due", "deadline", "completed", "status"], rows), file=out)
    rows = []
    for unit, tally in tally_by(items, EXAMPLE_AS_OF).items():
        name = unit.name if isinstance(unit, Unit) else "(none)"
        rows.append(
            [
                name,
                tally.assigned,
                tally.on_time,
                tally.late,
                tally.in_progress,
                tally.overdue,
                f"{tally.percent('on_time')}%",
            ]
        )
    total = tally_tasks(items, EXAMPLE_AS_OF)
    rows.append(
        [
            "Total",
            total.assigned,
            total.on_time,
            total.late,
            total.in_progress,
            total.overdue,
            f"{total.percent('on_time')}%",
        ]
    )
    print(
        render(
            ["unit", "assigned", "on time", "late", "in progress", "overdue", "on time %"], rows
        ),
        file=out,
    )


def example_assessments_2025() -> list[Assessment]:
    """After the reform of 1/7/2025: a ward and a special zone of the new Hải Phòng
    (no parent), **illustrative** scores (wards rated excellent in 2025 scored 93 or
    more, plo-2026-haiphong-cchc-2025)."""
    ward = Unit("UBND phường Hồng Bàng", UnitKind.COMMUNE)
    zone = Unit("UBND đặc khu Cát Hải", UnitKind.SPECIAL_ZONE)
    return [
        Assessment(Head("Chủ tịch UBND phường Hồng Bàng", ward), 2025, "93.50"),
        Assessment(Head("Chủ tịch UBND đặc khu Cát Hải", zone), 2025, "86.20"),
    ]


def show_grades_2025(out: TextIO, en: bool = False) -> tuple[Verdict, ...]:
    _heading(
        out,
        _say(en, "2b. Sau sắp xếp 1/7/2025 / ", "2b. ") + "After the reform of 1/7/2025 (2025)",
    )
    batch = grade_many(example_assessments_2025(), DECISION_30_2018)
    rows: list[list[object]] = []
    for v in batch.verdicts:
        a = v.assessment
        evaluator = evaluator_for(a.head.unit, a.year)
        source = evaluator.source
        chairman = _say(en, "Chủ tịch UBND TP", "City chairman")
        by = f"{chairman} ({source.provenance.value}: {source.ref})"
        label = v.grade.label_en if en else v.grade.label_vi
        rows.append([a.head.unit.name, a.head.unit.kind.name, a.index_score, label, by])
    print(
        "Illustrative scores. Districts ceased on 1/7/2025: wards and special zones have "
        "no parent and answer to the city.",
        file=out,
    )
    print(render(["unit", "kind", "index", "grade", "evaluated by"], rows), file=out)
    print(
        _say(en, "\nNOTE / LƯU Ý: ", "\nNOTE: ")
        + "these grades use UNVERIFIED parameters "
        + f'({", ".join(batch.unverified)}). "scope": Decision 30/2018 names only sở and '
        "quận, huyện and was written before the reform; no instrument was found that "
        "governs 2025 evaluations, so its parameters are applied as a default. The city "
        "as evaluator follows Hải Phòng's 2025 classification published on 9/1/2026 "
        "(unverified as to the instrument).",
        file=out,
    )
    return batch.verdicts


def run(out: TextIO, lang: str | None = None) -> int:
    """Print the whole example story, in order: the 2019 plan and its notice dates,
    the grades with the unverified note, a 2025 ward and special zone after the
    reform, seed 004's report check, a task tally.
    Bilingual by default; ``lang="en"`` says it in English alone (unit and
    instrument names stay as they are written). Returns the number of
    discrepancies in seed 004's report."""
    en = lang == "en"
    print("cchc-rules demo — Hải Phòng 2019", file=out)
    show_inspection_plan(out, en)
    show_grades(out, en)
    show_grades_2025(out, en)
    issues = show_task_report(out, en)
    show_task_tally(out, en)
    return issues
