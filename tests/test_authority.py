"""Who evaluates whom, in the two periods: examples pinned to the sources and
properties against a table typed by hand (the oracle is not the code's data)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_rules import (
    Assessment,
    EvaluatorRole,
    Head,
    InvalidInputError,
    OutOfRangeError,
    Unit,
    UnitKind,
    evaluator_for,
    grade_head,
)
from cchc_rules.authority import AUTHORITY, require_unit, structure_for
from cchc_rules.io import read_assessments
from tests._shared import problems_reported

K = UnitKind
CITY, PARENT = EvaluatorRole.CITY_CHAIRMAN, EvaluatorRole.PARENT_UNIT_HEAD

# (kind, parent kind or None) -> role, for years up to 2024 and from 2025: typed
# from docs/units-and-authority.md, not read from the code.
BEFORE = {
    (K.DEPARTMENT, None): CITY,
    (K.DISTRICT, None): CITY,
    (K.SUBORDINATE, K.DEPARTMENT): PARENT,
    (K.SUBORDINATE, K.DISTRICT): PARENT,
    (K.COMMUNE, K.DISTRICT): PARENT,
}
SINCE = {
    (K.DEPARTMENT, None): CITY,
    (K.COMMUNE, None): CITY,
    (K.SPECIAL_ZONE, None): CITY,
    (K.SUBORDINATE, K.DEPARTMENT): PARENT,
}


def _shapes():
    """Every (kind, parent kind) a Unit can be built with."""
    for kind in K:
        for parent in (None, *K):
            try:
                yield kind, parent, _unit(kind, parent)
            except InvalidInputError:
                continue


def _unit(kind, parent):
    top = None if parent is None else Unit("Cấp trên", parent)
    return Unit("Đơn vị", kind, top)


SHAPES = list(_shapes())


def test_every_shape_of_both_tables_can_be_built():
    built = {(k, p) for k, p, _ in SHAPES}
    assert set(BEFORE) | set(SINCE) <= built


@given(st.sampled_from(SHAPES), st.integers(2018, 2040) | st.none())
def test_evaluator_for_answers_exactly_for_the_valid_kind_and_year(shape, year):
    kind, parent, unit = shape
    table = SINCE if year is not None and year >= 2025 else BEFORE
    expected = table.get((kind, parent))
    if expected is None:
        with pytest.raises((OutOfRangeError, InvalidInputError)):
            evaluator_for(unit, year)
        with pytest.raises((OutOfRangeError, InvalidInputError)):
            require_unit(unit, year)
        return
    ev = evaluator_for(unit, year)
    assert ev.role is expected
    assert ev.unit is (None if expected is CITY else unit.parent)
    assert require_unit(unit, year) is unit


@given(st.dates(date(2018, 10, 9), date(2060, 12, 31)))
def test_exactly_one_period_is_in_force_on_every_day(day):
    assert sum(v.in_force_on(day) for v in AUTHORITY.values) == 1


def test_the_periods_meet_without_overlap_on_1_july_2025():
    first, second = AUTHORITY.values
    assert first.valid_until == date(2025, 6, 30)
    assert second.valid_from == first.valid_until + timedelta(days=1)
    assert second.valid_until is None


def test_a_district_from_2025_is_out_of_range_and_says_why():
    district = Unit("UBND huyện Thủy Nguyên", K.DISTRICT)
    assert evaluator_for(district, 2024).role is CITY
    with pytest.raises(OutOfRangeError, match="district-level units ceased on 1/7/2025"):
        evaluator_for(district, 2025)
    ward = Unit("UBND xã Lại Xuân", K.COMMUNE, district)
    with pytest.raises(OutOfRangeError, match="its parent UBND huyện Thủy Nguyên: district"):
        evaluator_for(ward, 2026)


def test_a_special_zone_before_2025_is_out_of_range():
    zone = Unit("UBND đặc khu Bạch Long Vĩ", K.SPECIAL_ZONE)
    with pytest.raises(OutOfRangeError, match="special zones exist from 1/7/2025"):
        evaluator_for(zone, 2024)
    with pytest.raises(OutOfRangeError, match="special zones"):
        evaluator_for(zone)  # no year: the Decision 30/2018 structure


def test_the_2025_answer_cites_the_9_january_2026_publication_as_unverified():
    ev = evaluator_for(Unit("UBND phường Ngô Quyền", K.COMMUNE), 2025)
    assert ev.source.unverified
    assert ev.source.ref == "plo-2026-haiphong-cchc-2025"
    assert evaluator_for(Unit("Sở Nội vụ", K.DEPARTMENT), 2025).source.unverified


def test_a_year_before_any_period_is_out_of_range():
    with pytest.raises(OutOfRangeError, match=r"no administrative structure .* 2017"):
        evaluator_for(Unit("Sở Nội vụ", K.DEPARTMENT), 2017)
    assert structure_for(None) is AUTHORITY.values[0].value


def test_grade_head_refuses_a_district_head_from_2025():
    district = Unit("UBND quận Lê Chân", K.DISTRICT)
    assert grade_head(Assessment(Head("A", district), 2024, 85)).grade.name == "GOOD"
    with pytest.raises(OutOfRangeError, match="district-level units ceased"):
        grade_head(Assessment(Head("A", district), 2025, 85))


def test_a_2025_ward_and_special_zone_are_graded():
    for unit in (
        Unit("UBND phường Hồng An", K.COMMUNE),
        Unit("UBND đặc khu Cát Hải", K.SPECIAL_ZONE),
    ):
        assert grade_head(Assessment(Head("B", unit), 2025, 93)).grade.name == "EXCELLENT"


def test_the_loader_locates_units_that_do_not_fit_their_year(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(
        "unit,kind,parent,head,year,index_score\n"
        "UBND phường Hồng An,COMMUNE,,A,2025,93\n"
        "UBND huyện An Dương,DISTRICT,,B,2025,80\n"
        "UBND xã An Lư,COMMUNE,,C,2019,80\n"
        "UBND đặc khu Cát Hải,SPECIAL_ZONE,,D,2024,80\n",
        encoding="utf-8",
    )
    located, _ = problems_reported(read_assessments, path)
    assert located == [("row 3", "kind"), ("row 4", "parent"), ("row 5", "kind")]
