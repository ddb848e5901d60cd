"""Hypothesis strategies for ``cchc_rules`` domain objects, for your own property
tests (install ``cchc_rules[testing]``). The project's own property suites use
them too.

>>> from hypothesis import given
>>> @given(tasks())
... def test_status_is_defined(task):
...     assert task.status(task.due) is not None
>>> test_status_is_defined()
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from ._messages import Message
from .authority import structure_for
from .calendar import WorkingCalendar, public_sector_calendar
from .errors import OutOfRangeError
from .grading import Assessment, Finding, MitigationGrounds
from .law import DatedParameter, DatedValue, Provenance, Source
from .reports import TaskReport
from .rulebooks import DECISION_30_2018, PARAMETERS, Bands, Instrument, Parameter, Rulebook
from .tasks import Task, TaskTally
from .units import Head, Unit, UnitKind

T = TypeVar("T")

__all__ = [
    "assessments",
    "bands",
    "dated_rulebooks",
    "dates",
    "findings",
    "heads",
    "inconsistent_task_reports",
    "mitigation_grounds",
    "rulebooks",
    "scores",
    "task_reports",
    "task_tallies",
    "tasks",
    "units",
]

_NAMES = st.sampled_from(
    ["Sở Nội vụ", "Sở Tư pháp", "UBND quận Lê Chân", "Phòng Nội vụ", "UBND xã An Lư", "Thanh tra"]
)


def dates(
    calendar: WorkingCalendar | None = None, margin_days: int = 0
) -> st.SearchStrategy[date]:
    """Days inside ``calendar``'s supported range (default: the public-sector one),
    ``margin_days`` away from both ends so offsets from them stay in range."""
    first, last = (calendar or public_sector_calendar()).supported_range
    return st.dates(first + timedelta(days=margin_days), last - timedelta(days=margin_days))


def units(kind: UnitKind | None = None, year: int | None = None) -> st.SearchStrategy[Unit]:
    """Valid units of ``kind`` (any kind by default) with valid parents, as the
    administrative structure of evaluated ``year`` has them (``None``: the
    Decision 30/2018 structure). Derived from :data:`cchc_rules.authority.AUTHORITY`,
    so every unit drawn has an evaluator in that year. A ``kind`` the year does
    not have (a district from 2025) is an ``OutOfRangeError``."""
    structure = structure_for(year)
    options = []
    for rule in structure.rules:
        if kind is not None and rule.kind is not kind:
            continue
        for parent in sorted(rule.parents, key=lambda k: "" if k is None else k.name):
            if parent is None:
                options.append(st.builds(Unit, _NAMES, st.just(rule.kind)))
            else:
                top = st.builds(Unit, _NAMES, st.just(parent))
                options.append(st.builds(Unit, _NAMES, st.just(rule.kind), top))
    if not options:
        raise OutOfRangeError(
            Message(
                "{kind} units do not exist in the year {year}",
                kind=kind.name if kind is not None else "",
                year=year,
            )
        )
    return st.one_of(*options)


def heads(unit: st.SearchStrategy[Unit] | None = None) -> st.SearchStrategy[Head]:
    return st.builds(
        Head,
        st.sampled_from(["Nguyễn Văn A", "Trần Thị B", "Lê Văn C"]),
        units() if unit is None else unit,
    )


def tasks(
    first: date = date(2018, 1, 1), last: date = date(2026, 6, 30)
) -> st.SearchStrategy[Task]:
    """Valid tasks assigned between ``first`` and ``last``, due within 120 days and
    completed (or not) within 180 days of assignment. The defaults keep every
    deadline inside the public-sector calendar."""

    @st.composite
    def build(draw: st.DrawFn) -> Task:
        assigned = draw(st.dates(first, last))
        due = assigned + timedelta(days=draw(st.integers(0, 120)))
        completed = draw(
            st.none() | st.integers(0, 180).map(lambda d: assigned + timedelta(days=d))
        )
        with_assigned = draw(st.booleans())
        return Task(
            "nhiệm vụ",
            due,
            completed,
            assigned=assigned if with_assigned else None,
            unit=draw(st.none() | units()),
            area=draw(st.sampled_from([None, "TTHC", "Công vụ", "Tài chính công"])),
        )

    return build()


def scores(places: int = 2) -> st.SearchStrategy[Decimal]:
    """CCHC index scores from 0 to 100 with up to ``places`` decimal places."""
    scale = 10**places
    return st.integers(0, 100 * scale).map(lambda n: Decimal(n).scaleb(-places))


def task_tallies(max_count: int = 2000) -> st.SearchStrategy[TaskTally]:
    """Consistent tallies (the parts add up), possibly empty."""
    part = st.integers(0, max_count)

    def build(on_time: int, late: int, in_progress: int, overdue: int) -> TaskTally:
        completed = on_time + late
        return TaskTally(
            completed + in_progress + overdue, completed, on_time, late, in_progress, overdue
        )

    return st.builds(build, part, part, part, part)


def task_reports(places: st.SearchStrategy[int] | None = None) -> st.SearchStrategy[TaskReport]:
    """Consistent published reports: every count and percentage given and right,
    at a drawn precision (0–3 decimal places by default)."""
    nonempty = task_tallies().filter(lambda t: t.assigned > 0)
    return st.builds(lambda t, p: t.to_report(p), nonempty, places or st.integers(0, 3))


def inconsistent_task_reports() -> st.SearchStrategy[tuple[TaskReport, str]]:
    """A consistent report with exactly one stated figure changed, and the name of
    that figure: ``check_task_report`` must name it in some discrepancy."""

    @st.composite
    def build(draw: st.DrawFn) -> tuple[TaskReport, str]:
        report = draw(task_reports())
        field = draw(st.sampled_from([f.name for f in attrs.fields(TaskReport)]))
        stated = getattr(report, field)
        step = draw(st.integers(1, 50))
        if isinstance(stated, Decimal):
            step_value: Decimal | int = step * Decimal(1).scaleb(_exponent(stated))
        else:
            step_value = step
        down = draw(st.booleans()) and stated - step_value >= 0
        changed = stated - step_value if down else stated + step_value
        return attrs.evolve(report, **{field: changed}), field

    return build()


def _exponent(number: Decimal) -> int:
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)  # finite by construction
    return exponent


def mitigation_grounds(applies: bool | None = None) -> st.SearchStrategy[MitigationGrounds]:
    """Grounds for mitigation; ``applies=True``/``False`` keeps only those that do
    (or do not) mitigate, ``None`` draws both."""
    grounds = st.builds(
        MitigationGrounds,
        st.booleans(),
        st.booleans(),
        st.booleans(),
        st.none() | st.sampled_from(["bão số 3", "dịch COVID-19", "thay đổi văn bản cấp trên"]),
    )
    if applies is None:
        return grounds
    return grounds.filter(lambda g: g.applies is applies)


def findings(mitigated: bool | None = None) -> st.SearchStrategy[Finding]:
    """Findings with no grounds, with grounds that do not apply, or that do."""
    descriptions = st.sampled_from(
        ["Chậm ban hành kế hoạch CCHC", "Hồ sơ trễ hạn", "Chưa công khai TTHC"]
    )
    if mitigated is True:
        return st.builds(Finding, descriptions, mitigation_grounds(True))
    unmitigated = st.builds(Finding, descriptions, st.none() | mitigation_grounds(False))
    if mitigated is False:
        return unmitigated
    return unmitigated | st.builds(Finding, descriptions, mitigation_grounds(True))


def assessments(
    years: st.SearchStrategy[int] | None = None, max_findings: int = 4
) -> st.SearchStrategy[Assessment]:
    """Valid assessments: a year Decision 30/2018 covers (2018–2026 by default), a
    head of a unit that exists in that year (see :func:`units`), a score and up to
    ``max_findings`` findings."""

    @st.composite
    def build(draw: st.DrawFn) -> Assessment:
        year = draw(st.integers(2018, 2026) if years is None else years)
        return Assessment(
            draw(heads(units(year=year))),
            year,
            draw(scores()),
            draw(st.lists(findings(), max_size=max_findings)),
        )

    return build()


def bands() -> st.SearchStrategy[tuple[Decimal, Decimal, Decimal]]:
    """Valid (excellent, good, completed) thresholds: strictly decreasing in 0–100."""
    return st.lists(scores(1), min_size=3, max_size=3, unique=True).map(
        lambda xs: tuple(sorted(xs, reverse=True))  # type: ignore[arg-type,return-value]
    )


def rulebooks(base: Rulebook = DECISION_30_2018) -> st.SearchStrategy[Rulebook]:
    """``base`` with drawn bands (``Rulebook.with_bands``)."""
    return bands().map(lambda b: base.with_bands(*b))


def _free_text() -> st.SearchStrategy[str]:
    """Text as people type it into a spreadsheet cell: Vietnamese, punctuation that
    means something in CSV and TOML (, ; " ' # = > ≥), stripped and non-empty."""
    alphabet = st.sampled_from(list("aăâđêôơưAĐ ,;\"'#=>≥-/.()0123456789")) | st.characters(
        codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")
    )
    return st.text(alphabet, min_size=1, max_size=24).map(str.strip).filter(bool)


def _sources() -> st.SearchStrategy[Source]:
    optional = st.none() | _free_text()
    return st.builds(
        Source,
        _free_text(),
        optional,
        optional,
        provenance=st.sampled_from(Provenance),
        note=optional,
    )


@st.composite
def _dated(draw: st.DrawFn, name: str, values: st.SearchStrategy[T]) -> DatedParameter[T]:
    """One to three consecutive periods from 2018 on, the last open or closed."""
    start = draw(st.dates(date(2018, 1, 1), date(2020, 12, 31)))
    periods = []
    for _ in range(draw(st.integers(1, 3))):
        length = draw(st.integers(1, 800))
        periods.append((start, start + timedelta(days=length - 1)))
        start += timedelta(days=length)
    last_open = draw(st.booleans())
    return DatedParameter(
        name,
        tuple(
            DatedValue(
                draw(values),
                first,
                draw(_sources()),
                valid_until=None if last_open and i == len(periods) - 1 else until,
            )
            for i, (first, until) in enumerate(periods)
        ),
    )


@st.composite
def _dated_rulebooks(draw: st.DrawFn, parameters: tuple[Parameter[Any], ...] | None) -> Rulebook:
    signed = draw(st.dates(date(2015, 1, 1), date(2025, 12, 31)))
    instrument = Instrument(
        draw(_free_text()),
        draw(_free_text()),
        draw(_free_text()),
        signed,
        draw(_sources()),
        effective=draw(st.none() | st.just(signed + timedelta(days=10))),
    )
    declared = tuple(PARAMETERS) if parameters is None else parameters
    values = _related_values(draw, declared)
    params: dict[Parameter[Any] | str, DatedParameter[Any]] = {}
    for param in declared:  # derived from the declarations
        if len(param.examples) == 1 and param.low is None:  # one valid value: in force throughout
            only = DatedValue(param.examples[0], signed, draw(_sources()))
            params[param] = DatedParameter(param.name, (only,))
        else:
            params[param] = draw(_dated(param.name, values.get(param, _parameter_values(param))))
    return Rulebook(
        draw(_free_text()),
        draw(_free_text()),
        instrument,
        draw(_sources()),
        draw(_sources()),
        parameter_set=params,
    )


def dated_rulebooks(
    parameters: Iterable[Parameter[Any]] | None = None,
) -> st.SearchStrategy[Rulebook]:
    """Valid rulebooks with several dated values per parameter, sources of every
    provenance and free text everywhere — for round trips through files. They hold
    the declared ``parameters`` (default: every one registered in
    :data:`~cchc_rules.rulebooks.PARAMETERS`), each drawn from its declaration."""
    return _dated_rulebooks(None if parameters is None else tuple(parameters))


def _related_values(
    draw: st.DrawFn, declared: tuple[Parameter[Any], ...]
) -> dict[Parameter[Any], st.SearchStrategy[Any]]:
    """Whole numbers a declaration says must never exceed another's (``not_above``,
    as mitigation never worsens the outcome): drawn on either side of one split, so
    they hold whatever the periods."""
    by_name = {p.name: p for p in declared}
    out: dict[Parameter[Any], st.SearchStrategy[Any]] = {}
    for param in declared:
        limit = by_name.get(param.not_above or "")
        if limit is None or param.low is None or param.high is None:
            continue
        if limit.low is None or limit.high is None:
            continue
        split = draw(st.integers(max(param.low, limit.low), min(param.high, limit.high)))
        out[param] = st.integers(param.low, split)
        out[limit] = st.integers(split, limit.high)
    return out


def _parameter_values(param: Parameter[Any]) -> st.SearchStrategy[Any]:
    """Valid values of a declared parameter, from its declaration: whole numbers
    between its bounds, bands drawn as :func:`bands` draws them, or its examples."""
    if param.low is not None and param.high is not None:
        return st.integers(param.low, param.high)
    if all(isinstance(e, Bands) for e in param.examples):
        return bands().map(lambda b: Bands(*b))
    return st.sampled_from(param.examples)
