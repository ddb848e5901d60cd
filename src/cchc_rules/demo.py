"""The embedded example behind ``cchc-rules demo``: Hải Phòng 2019.

Every figure here is either from a source article (cited by its bibliography key)
or labelled as an illustration. A second part grades a 2025 ward and special zone,
after the two-tier reform of 1/7/2025, with the notes that such results carry.
Every sentence is a :class:`~cchc_rules._messages.Message`, told in one language
(Vietnamese unless ``--lang en``); unit and instrument names stay as written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TextIO

from ._messages import DEFAULT_LANG, Lang, Message, join, localize, written
from ._table import render
from ._views import weekday
from .assessment import Assessment, Finding, MitigationGrounds
from .authority import evaluator_for
from .calendar import public_sector_calendar
from .grading import BatchResult, grade_many
from .notice import HAI_PHONG_2019_INSPECTION_PLAN
from .reports import COUNT_FIELDS, SEED_004_REPORT, check_task_report
from .rulebooks import DECISION_30_2018
from .tasks import Task, tally_by, tally_tasks
from .units import Head, Unit, UnitKind
from .verdict import Verdict

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


class _Story:
    """Where the demo prints, and in which language."""

    def __init__(self, out: TextIO, lang: Lang) -> None:
        self.out, self.lang = out, lang

    def say(self, message: str) -> None:
        """``message`` in the story's language (other text as it is)."""
        print(localize(message, self.lang), file=self.out)

    def heading(self, title: Message) -> None:
        text = title.render(self.lang)
        print(f"\n{text}\n{'=' * len(text)}", file=self.out)

    def table(self, heads: Sequence[Message], rows: Sequence[Sequence[object]]) -> None:
        self.say(render([h.render(self.lang) for h in heads], rows))

    def day(self, day: date) -> str:
        """A day as the tables show it: its weekday, then dd/mm/yyyy."""
        return f"{weekday(day, self.lang)} {day:%d/%m/%Y}"


def show_inspection_plan(out: TextIO, lang: Lang = DEFAULT_LANG) -> None:
    story = _Story(out, lang)
    plan = HAI_PHONG_2019_INSPECTION_PLAN
    cal = public_sector_calendar()
    story.heading(Message("1. 2019 inspection plan"))
    story.say(
        Message(
            "Window: {first} – {last}; notice at least {days} working days before each "
            "inspection; unannounced inspections need none.",
            first=f"{plan.first_day:%d/%m/%Y}",
            last=f"{plan.last_day:%d/%m/%Y}",
            days=plan.notice_working_days,
        )
    )
    story.say(Message("Source: {source}", source=plan.source.citation()))
    story.say(Message("\nDays off and make-up working days, 2019 (public sector):"))
    rows: list[list[object]] = [
        [
            story.day(d.day),
            (Message("worked") if d.working else Message("off")).render(lang),
            written(d.name_en, vi=d.name_vi).render(lang),
        ]
        for d in cal.special_days(2019)
    ]
    story.table([Message("day"), Message("status"), Message("name")], rows)
    story.say(Message("\nLatest notice day for illustrative inspection days:"))
    rows = []
    for day in INSPECTION_DAYS_2019:
        need = plan.notice_for(day)
        assert need.latest_notice is not None
        between = cal.working_days_between(need.latest_notice, day) - int(cal.is_working_day(day))
        rows.append([story.day(day), story.day(need.latest_notice), between])
    story.table(
        [Message("inspection"), Message("latest notice"), Message("working days between")], rows
    )


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


def _grade_section(
    story: _Story,
    title: Message,
    assessments: list[Assessment],
    intro: Message,
    heads: Sequence[Message],
    row: Callable[[Verdict], list[object]],
) -> BatchResult:
    """A section of grades: its heading, an introduction, one row per verdict."""
    story.heading(title)
    batch = grade_many(assessments, DECISION_30_2018)
    story.say(intro)
    story.table(heads, [row(v) for v in batch.verdicts])
    return batch


def show_grades(out: TextIO, lang: Lang = DEFAULT_LANG) -> tuple[Verdict, ...]:
    story = _Story(out, lang)

    def row(v: Verdict) -> list[object]:
        a = v.assessment
        evaluator = evaluator_for(a.head.unit, a.year)
        chairman = Message("City chairman").render(lang)
        by = chairman if evaluator.unit is None else evaluator.unit.name
        marks = [(Message("mitigated") if f.mitigated else Message("yes")) for f in a.findings]
        findings = join(", ", marks).render(lang) or "—"
        return [
            a.head.unit.name, a.index_score, v.base_grade.label(lang), findings,
            v.grade.label(lang), by,
        ]  # fmt: skip

    batch = _grade_section(
        story,
        Message("2. Grading heads under Decision 30/2018"),
        example_assessments(),
        Message(
            "Illustrative scores and findings (the published 2019 index is not in our sources)."
        ),
        [
            Message("unit"),
            Message("index"),
            Message("base grade"),
            Message("findings"),
            Message("grade"),
            Message("evaluated by"),
        ],
        row,
    )
    counts = [
        Message("{grade}: {count}", grade=g.label(lang), count=n) for g, n in batch.summary.items()
    ]
    story.say(Message("\nSummary: {counts}", counts=join(", ", counts)))
    if batch.unverified:
        story.say(
            Message(
                "\nNOTE: these grades use UNVERIFIED parameters of Decision 30/2018 ({names}): "
                "defaults to confirm against the official text (docs/decision-30-2018.md).",
                names=", ".join(batch.unverified),
            )
        )
    story.say(Message("\nWhy Sở Tư pháp keeps its grade (trace):"))
    story.say(batch.verdicts[1].explain(lang))
    return batch.verdicts


def show_task_report(out: TextIO, lang: Lang = DEFAULT_LANG) -> int:
    """Seed 004's published figures and what does not add up; returns the number of
    discrepancies."""
    story = _Story(out, lang)
    report = SEED_004_REPORT
    story.heading(Message("3. Checking published task figures (seed 004)"))
    story.say(
        Message(
            "Hải Phòng City Inspectorate, first 9 months of 2018 [{ref}]:",
            ref="hp-2018-inspectorate-cchc-check",
        )
    )
    rows: list[list[object]] = []
    for name in COUNT_FIELDS:
        pct = getattr(report, f"{name}_pct", None)
        rows.append([name, getattr(report, name) or "", "" if pct is None else f"{pct}%"])
    story.table([Message("figure"), Message("stated"), Message("stated %")], rows)
    found = check_task_report(report)
    story.say(
        Message("\n{count} discrepancy found:", count=len(found))
        if len(found) == 1
        else Message("\n{count} discrepancies found:", count=len(found))
    )
    for d in found:
        story.say(Message("  - {message}", message=d.message))
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


def show_task_tally(out: TextIO, lang: Lang = DEFAULT_LANG) -> None:
    story = _Story(out, lang)
    story.heading(Message("4. Task tally (illustrative)"))
    items = example_tasks()
    rows: list[list[object]] = [
        [
            task.title,
            f"{task.due:%d/%m}",
            f"{task.deadline():%d/%m}",
            "" if task.completed is None else f"{task.completed:%d/%m}",
            task.status(EXAMPLE_AS_OF).label(lang),
        ]
        for task in items
    ]
    story.say(
        Message(
            "As of {day}; a deadline on a day off rolls to the next working day (Civil Code "
            "2015, Art. 148(5)).",
            day=f"{EXAMPLE_AS_OF:%d/%m/%Y}",
        )
    )
    story.table(
        [Message("task"), Message("due"), Message("deadline"), Message("completed on"),
         Message("status")],
        rows,
    )  # fmt: skip
    groups = tally_by(items, EXAMPLE_AS_OF)
    named = [
        (unit.name if isinstance(unit, Unit) else Message("(none)").render(lang), tally)
        for unit, tally in groups.items()
    ]
    named.append((Message("Total").render(lang), tally_tasks(items, EXAMPLE_AS_OF)))
    rows = [
        [name, t.assigned, t.on_time, t.late, t.in_progress, t.overdue, f"{t.percent('on_time')}%"]
        for name, t in named
    ]
    story.table(
        [Message("unit"), Message("assigned"), Message("on time"), Message("late"),
         Message("in progress"), Message("overdue"), Message("on time %")],
        rows,
    )  # fmt: skip


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


def show_grades_2025(out: TextIO, lang: Lang = DEFAULT_LANG) -> tuple[Verdict, ...]:
    story = _Story(out, lang)

    def row(v: Verdict) -> list[object]:
        a = v.assessment
        source = evaluator_for(a.head.unit, a.year).source
        by = Message(
            "City chairman ({provenance}: {ref})",
            provenance=source.provenance.message,
            ref=source.ref or "",
        )
        return [
            a.head.unit.name, a.head.unit.kind.name, a.index_score, v.grade.label(lang),
            by.render(lang),
        ]  # fmt: skip

    batch = _grade_section(
        story,
        Message("2b. After the reform of 1/7/2025 (2025)"),
        example_assessments_2025(),
        Message(
            "Illustrative scores. Districts ceased on 1/7/2025: wards and special zones have "
            "no parent and answer to the city."
        ),
        [
            Message("unit"),
            Message("kind"),
            Message("index"),
            Message("grade"),
            Message("evaluated by"),
        ],
        row,
    )
    story.say(
        Message(
            'NOTE: these grades use UNVERIFIED parameters ({names}). "scope": Decision '
            "30/2018 names only sở and quận, huyện and was written before the reform; no "
            "instrument was found that governs 2025 evaluations, so its parameters are "
            "applied as a default. The city as evaluator follows Hải Phòng's 2025 "
            "classification published on 9/1/2026 (unverified as to the instrument).",
            names=", ".join(batch.unverified),
        )
    )
    return batch.verdicts


def run(out: TextIO, lang: Lang = DEFAULT_LANG) -> int:
    """Print the whole example story, in order: the 2019 plan and its notice dates,
    the grades with the unverified note, a 2025 ward and special zone after the
    reform, seed 004's report check, a task tally; in ``lang`` (unit and instrument
    names stay as they are written). Returns the number of discrepancies in seed
    004's report."""
    print(Message("cchc-rules demo — Hải Phòng 2019").render(lang), file=out)
    show_inspection_plan(out, lang)
    show_grades(out, lang)
    show_grades_2025(out, lang)
    issues = show_task_report(out, lang)
    show_task_tally(out, lang)
    return issues
