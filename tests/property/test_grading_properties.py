"""Invariants of grading under any valid bands."""

import json
from decimal import Decimal

import attrs
from hypothesis import given
from hypothesis import strategies as st

from cchc_rules import Finding, Grade, grade_head
from cchc_rules.strategies import assessments, findings, rulebooks, scores


@given(assessments(), rulebooks(), scores(), scores())
def test_a_higher_score_never_gives_a_lower_grade(a, rulebook, s1, s2):
    low, high = sorted((s1, s2))
    g_low = grade_head(attrs.evolve(a, index_score=low), rulebook).grade
    g_high = grade_head(attrs.evolve(a, index_score=high), rulebook).grade
    assert g_high >= g_low


@given(assessments(), rulebooks(), findings())
def test_adding_a_finding_never_raises_the_grade(a, rulebook, finding):
    before = grade_head(a, rulebook).grade
    after = grade_head(attrs.evolve(a, findings=(*a.findings, finding)), rulebook).grade
    assert after <= before


@given(assessments(), rulebooks(), st.data())
def test_mitigation_never_lowers_the_grade(a, rulebook, data):
    if not a.findings:
        return
    i = data.draw(st.integers(0, len(a.findings) - 1))
    grounds = data.draw(findings(mitigated=True)).mitigation
    mitigated = list(a.findings)
    mitigated[i] = Finding(mitigated[i].description, grounds)
    before = grade_head(a, rulebook).grade
    after = grade_head(attrs.evolve(a, findings=mitigated), rulebook).grade
    assert after >= before


@given(assessments(), rulebooks(), st.randoms(use_true_random=False))
def test_the_grade_does_not_depend_on_the_order_of_findings(a, rulebook, rnd):
    shuffled = list(a.findings)
    rnd.shuffle(shuffled)
    v1 = grade_head(a, rulebook)
    v2 = grade_head(attrs.evolve(a, findings=shuffled), rulebook)
    assert (v1.grade, v1.base_grade, v1.mitigated, v1.unverified) == (
        v2.grade,
        v2.base_grade,
        v2.mitigated,
        v2.unverified,
    )


@given(assessments(), rulebooks())
def test_with_no_findings_the_grade_is_the_base_grade(a, rulebook):
    v = grade_head(attrs.evolve(a, findings=()), rulebook)
    assert v.grade is v.base_grade
    assert v.demotion == 0


@given(assessments(), rulebooks())
def test_base_grade_matches_the_bands_exactly(a, rulebook):
    v = grade_head(a, rulebook)
    b = rulebook.rules_for(a.year).bands
    expected = (
        Grade.EXCELLENT
        if a.index_score >= b.excellent
        else Grade.GOOD
        if a.index_score >= b.good
        else Grade.COMPLETED
        if a.index_score >= b.completed
        else Grade.NOT_COMPLETED
    )
    assert v.base_grade is expected
    assert v.grade <= v.base_grade


@given(assessments())
def test_to_dict_round_trips_through_json(a):
    d = grade_head(a).to_dict()
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    assert Decimal(d["index_score"]) == a.index_score
    assert Grade[d["grade"]] is grade_head(a).grade
