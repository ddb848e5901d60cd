"""Every public callable, by position and by keyword, with values no caller should
send: unbounded integers, long and hostile text, nesting 100,000 deep, objects of
every other type. The only exceptions allowed out are ``CchcError`` s (and
``InvalidTypeError``, its ``TypeError`` child), each one translatable.

The targets are derived from ``cchc_rules.__all__`` (every class, its public
methods and classmethods, every function), so a new public name is fuzzed without
anyone adding it here; a name that cannot be reached fails
``test_every_public_name_is_fuzzed``.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import cchc_rules as cr
from cchc_rules._messages import untranslated
from tests._shared import CAL, made_by_mutmut

UNIT = cr.Unit("Sở Nội vụ", cr.UnitKind.DEPARTMENT)
HEAD = cr.Head("A", UNIT)
SOURCE = cr.Source("x")
ASSESSMENT = cr.Assessment(HEAD, 2019, 85, [cr.Finding("f")])
VERDICT = cr.grade_head(ASSESSMENT)
TASK = cr.Task("t", dt.date(2019, 5, 2), dt.date(2019, 5, 3))
TALLY = cr.TaskTally(4, 2, 1, 1, 1, 1)
DATED = cr.DatedValue(1, dt.date(2019, 1, 1), SOURCE)


def _deep_list(depth: int) -> list[object]:
    value: list[object] = []
    for _ in range(depth):
        value = [value]
    return value


def _deep_dict(depth: int) -> dict[str, object]:
    value: dict[str, object] = {}
    for _ in range(depth):
        value = {"a": value}
    return value


DEEP_LIST = _deep_list(100_000)
DEEP_DICT = _deep_dict(100_000)
HUGE = 10**5000

# One instance of every public class, whose methods are fuzzed in turn.
INSTANCES: dict[type, object] = {
    cr.Assessment: ASSESSMENT,
    cr.Bands: cr.Bands(90, 80, 70),
    cr.CalendarInstrument: cr.calendar_instruments()[0],
    cr.BatchResult: cr.grade_many([ASSESSMENT]),
    cr.DatedParameter: cr.DatedParameter("p", [DATED]),
    cr.DatedValue: DATED,
    cr.Discrepancy: cr.check_task_report(cr.TaskReport(3, 1, 1, 1, 1, 1))[0],
    cr.Evaluator: cr.evaluator_for(UNIT),
    cr.Finding: cr.Finding("f"),
    cr.GradeDiscrepancy: cr.check_published_grades([(ASSESSMENT, "EXCELLENT")])[0],
    cr.Head: HEAD,
    cr.InspectionPlan: cr.HAI_PHONG_2019_INSPECTION_PLAN,
    cr.MitigationGrounds: cr.MitigationGrounds(directed=True),
    cr.NoticeRequirement: cr.HAI_PHONG_2019_INSPECTION_PLAN.notice_for(dt.date(2019, 6, 3)),
    cr.Problem: cr.Problem("row 2", "unit", "must not be empty"),
    cr.ReportingPeriod: cr.reporting_periods(2019)[0],
    cr.Rulebook: cr.DECISION_30_2018,
    cr.Source: SOURCE,
    cr.SpecialDay: CAL.special_days(2019)[0],
    cr.Step: VERDICT.trace[0],
    cr.Task: TASK,
    cr.TaskReport: cr.SEED_004_REPORT,
    cr.TaskTally: TALLY,
    cr.Unit: UNIT,
    cr.Verdict: VERDICT,
    cr.WorkingCalendar: CAL,
    cr.CchcError: cr.CchcError("x"),
    cr.InvalidInputError: cr.InvalidInputError("x"),
    cr.InvalidTypeError: cr.InvalidTypeError("x"),
    cr.OutOfRangeError: cr.OutOfRangeError("x"),
}

junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([HUGE, -HUGE, 2**63, 10**30, -1, 0, 1, 5, 2019]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from([Decimal("1e999999"), Decimal("-1e-999999"), Decimal("85.5")]),
    st.text(max_size=8),
    st.sampled_from(
        [
            "x" * 200_000,
            "\ud800",
            "\x1b[31mred\x1b[0m\r\n\x00",
            "9" * 5000,
            "DEPARTMENT",
            "GOOD",
            "vi",
            "unit",
            "2019-06-03",
            "1/6/2019",
        ]
    ),
    st.dates(),
    st.sampled_from([dt.date(2019, 6, 3), dt.date.min, dt.date.max]),
    st.datetimes(dt.datetime(2018, 1, 1), dt.datetime(2026, 12, 31)),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.sampled_from([DEEP_LIST, DEEP_DICT, [DEEP_LIST], {"assigned": DEEP_LIST}]),
    st.sampled_from([*INSTANCES.values(), cr.Grade.GOOD, object(), [None], [1], [TASK]]),
)


def _own_methods(cls: type) -> list[str]:
    """Public methods the library defines on ``cls`` (not those of ``tuple``,
    ``Exception`` or ``Enum``, which take anything by design)."""
    names: list[str] = []
    for klass in cls.__mro__:
        if not klass.__module__.startswith("cchc_rules"):
            continue
        for attr, value in vars(klass).items():
            if attr.startswith("_") or isinstance(value, property) or attr in names:
                continue
            if made_by_mutmut(attr):  # a mutation run's trampolines and mutants
                continue
            if callable(value) or isinstance(value, classmethod | staticmethod):
                names.append(attr)
    return names


def _targets() -> dict[str, object]:
    """Every public function, class and public method reachable from __all__."""
    found: dict[str, object] = {}
    for name in cr.__all__:
        obj = getattr(cr, name)
        if inspect.isfunction(obj):
            found[name] = obj
        elif isinstance(obj, type):
            if not issubclass(obj, enum.Enum):
                found[name] = obj
            members = list(obj) if issubclass(obj, enum.Enum) else []
            holder = INSTANCES.get(obj, members[1] if members else None)
            for attr in _own_methods(obj):
                bound = getattr(holder if holder is not None else obj, attr)
                if callable(bound) and not isinstance(bound, type | enum.Enum):
                    found[f"{name}.{attr}"] = bound
    return found


TARGETS = _targets()
SKIP: set[str] = set()


def test_every_public_name_is_fuzzed():
    classes = [n for n in cr.__all__ if isinstance(getattr(cr, n), type)]
    unreached = [
        n
        for n in classes
        if not issubclass(getattr(cr, n), enum.Enum) and getattr(cr, n) not in INSTANCES
    ]
    assert unreached == []
    assert {"grade_head", "Rulebook.with_bands", "WorkingCalendar.add_working_days"} <= set(
        TARGETS
    )


def _call(fn: object, args: list[object], kwargs: dict[str, object]) -> None:
    try:
        fn(*args, **kwargs)  # type: ignore[operator]
    except cr.CchcError as exc:
        assert_translatable(exc)


def assert_translatable(exc: cr.CchcError) -> None:
    """The error can be said in Vietnamese, whole: no English left but data."""
    assert untranslated(exc.args[0]) == [], str(exc)
    assert exc.localized("vi")


def _plan(fn: object, values: list[object], keywords: list[bool]):
    """Positional and keyword arguments for ``fn`` from ``values``, each parameter
    passed by keyword when ``keywords`` says so (and always when keyword-only)."""
    try:
        sig = inspect.signature(fn)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return values, {}
    args: list[object] = []
    kwargs: dict[str, object] = {}
    by_keyword = False
    params = [
        p for p in sig.parameters.values() if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
    for p, value, kw in zip(params, values, keywords, strict=False):
        if p.kind is p.POSITIONAL_ONLY:
            args.append(value)
        elif p.kind is p.KEYWORD_ONLY or kw or by_keyword:
            kwargs[p.name] = value
            by_keyword = True
        else:
            args.append(value)
    return args, kwargs


@settings(max_examples=1500)
@given(
    st.sampled_from(sorted(set(TARGETS) - SKIP)),
    st.lists(junk, max_size=6),
    st.lists(st.booleans(), min_size=6, max_size=6),
)
def test_public_callables_fail_only_with_cchc_errors(name, values, keywords):
    fn = TARGETS[name]
    args, kwargs = _plan(fn, values, keywords)
    try:
        inspect.signature(fn).bind(*args, **kwargs)  # type: ignore[arg-type]
    except TypeError:
        return  # a wrong number of arguments is Python's own error, not a bad value
    except ValueError:
        pass
    _call(fn, args, kwargs)
