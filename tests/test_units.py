from datetime import date

import pytest

from cchc_rules import (
    EvaluatorRole,
    Head,
    InvalidInputError,
    InvalidTypeError,
    Unit,
    UnitKind,
    evaluator_for,
)

DEPT = Unit("Sở Nội vụ", UnitKind.DEPARTMENT)
DISTRICT = Unit("UBND huyện Thủy Nguyên", "DISTRICT")


def test_kinds_have_labels_and_parse_from_names():
    assert UnitKind.DEPARTMENT.label_vi == "Sở, ban, ngành"
    assert UnitKind.COMMUNE.label_en == "Commune People's Committee"
    assert UnitKind.parse(" commune ") is UnitKind.COMMUNE
    assert UnitKind.parse("sở") is UnitKind.DEPARTMENT
    with pytest.raises(
        InvalidInputError, match=r"kind must be one of DEPARTMENT, .* \(got 'Bộ'\)"
    ):
        UnitKind.parse("Bộ")


@pytest.mark.parametrize("kind", [UnitKind.DEPARTMENT, UnitKind.DISTRICT])
def test_top_level_units_have_no_parent(kind):
    with pytest.raises(InvalidInputError, match="must be empty"):
        Unit("X", kind, parent=DEPT)


def test_subordinate_needs_a_department_or_district_parent():
    assert Unit("Phòng Nội vụ", UnitKind.SUBORDINATE, DISTRICT).parent is DISTRICT
    with pytest.raises(InvalidInputError, match=r"must be a DEPARTMENT or DISTRICT \(got None\)"):
        Unit("Phòng", UnitKind.SUBORDINATE)
    ward = Unit("UBND xã An Lư", UnitKind.COMMUNE, DISTRICT)
    with pytest.raises(InvalidInputError, match="got COMMUNE 'UBND xã An Lư'"):
        Unit("Phòng", UnitKind.SUBORDINATE, ward)


def test_commune_has_a_district_parent_or_none():
    # a district before 1/7/2025, none since: both are valid units; the year decides
    with pytest.raises(InvalidInputError, match="must be a DISTRICT"):
        Unit("UBND phường", UnitKind.COMMUNE, DEPT)
    assert Unit("UBND phường", UnitKind.COMMUNE).parent is None
    assert Unit("UBND phường", UnitKind.COMMUNE, DISTRICT).parent is DISTRICT


def test_special_zone_has_no_parent():
    assert UnitKind.parse("special_zone") is UnitKind.SPECIAL_ZONE
    assert UnitKind.SPECIAL_ZONE.label_vi == "UBND đặc khu"
    with pytest.raises(InvalidInputError, match="special zones answer to the city"):
        Unit("UBND đặc khu Cát Hải", UnitKind.SPECIAL_ZONE, DISTRICT)


def test_unit_field_validation():
    with pytest.raises(InvalidInputError, match="name must not be empty"):
        Unit("  ", UnitKind.DEPARTMENT)
    with pytest.raises(InvalidTypeError, match="parent must be a Unit or None"):
        Unit("Phòng", UnitKind.SUBORDINATE, "Sở Nội vụ")


def test_head_term_and_acting():
    head = Head("Nguyễn Văn A", DEPT, term_start=date(2016, 5, 1), term_end=date(2021, 4, 30))
    assert head.in_office_on(date(2019, 1, 1))
    assert not head.in_office_on(date(2021, 5, 1))
    assert Head("B", DEPT, acting=True).acting
    with pytest.raises(InvalidInputError, match="term_end must not be before term_start"):
        Head("C", DEPT, term_start=date(2020, 1, 2), term_end=date(2020, 1, 1))
    with pytest.raises(InvalidTypeError, match="acting must be True or False"):
        Head("D", DEPT, acting="yes")
    with pytest.raises(InvalidTypeError, match="unit must be a Unit"):
        Head("E", "Sở Nội vụ")


def test_city_chairman_evaluates_departments_and_districts_per_seed_003():
    for unit in (DEPT, DISTRICT):
        ev = evaluator_for(unit)
        assert ev.role is EvaluatorRole.CITY_CHAIRMAN
        assert ev.unit is None
        assert ev.source.verified
        assert ev.source.ref == "hp-2019-decision-30-report"


def test_parent_head_evaluates_subordinates_per_seed_003():
    sub = Unit("Chi cục Văn thư - Lưu trữ", UnitKind.SUBORDINATE, DEPT)
    ev = evaluator_for(sub)
    assert (ev.role, ev.unit) == (EvaluatorRole.PARENT_UNIT_HEAD, DEPT)
    assert ev.source.verified


def test_commune_rule_is_an_unverified_default():
    ev = evaluator_for(Unit("UBND xã Lại Xuân", UnitKind.COMMUNE, DISTRICT))
    assert (ev.role, ev.unit) == (EvaluatorRole.PARENT_UNIT_HEAD, DISTRICT)
    assert ev.source.unverified


def test_evaluator_for_rejects_non_units():
    with pytest.raises(InvalidTypeError):
        evaluator_for("Sở Nội vụ")
