"""Invariants of grading under any valid bands."""

import json
from decimal import Decimal

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_rules import Finding, Grade, Verdict, grade_head, records
from cchc_rules._messages import Message
from cchc_rules.strategies import assessments, findings, rulebooks, scores
from cchc_rules.trace import Step


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
    base = hand_base(a.index_score)
    demotion = sum(0 if f.mitigated else 1 for f in a.findings)
    assert d["base_grade"] == base
    assert d["grade"] == HAND_TABLE[base][min(demotion, 3)]


def hand_base(score):
    """Decision 30/2018's default bands, typed here: 90, 80, 70 and up."""
    if score >= 90:
        return "EXCELLENT"
    if score >= 80:
        return "GOOD"
    if score >= 70:
        return "COMPLETED"
    return "NOT_COMPLETED"


# The final grade from the base grade and the levels lowered (0, 1, 2, 3 or more),
# written out by hand rather than computed.
HAND_TABLE = {
    "EXCELLENT": ("EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED"),
    "GOOD": ("GOOD", "COMPLETED", "NOT_COMPLETED", "NOT_COMPLETED"),
    "COMPLETED": ("COMPLETED", "NOT_COMPLETED", "NOT_COMPLETED", "NOT_COMPLETED"),
    "NOT_COMPLETED": ("NOT_COMPLETED", "NOT_COMPLETED", "NOT_COMPLETED", "NOT_COMPLETED"),
}


# -- the lazy trace equals one built eagerly -----------------------------------------------


def _eager_reference(a, rulebook):
    """A verdict built eagerly, step by step from the rulebook's resolved parameters,
    independently of the grading plan and the trace's step builders (the outcomes are
    the catalogue's messages, so the explanation can be compared in Vietnamese)."""
    rules = rulebook.rules_for(a.year)
    uses = rules.uses
    bands = rules.bands
    levels = [Grade.EXCELLENT, Grade.GOOD, Grade.COMPLETED, Grade.NOT_COMPLETED]
    floors = (bands.excellent, bands.good, bands.completed)
    base = next(
        (g for g, floor in zip(levels, floors, strict=False) if a.index_score >= floor),
        Grade.NOT_COMPLETED,
    )
    trace = [
        Step(
            "index_year",
            rulebook.basis,
            (uses["index_year_offset"],),
            (("year", str(a.year)),),
            Message(
                "the CCHC index of {year} is used", year=str(a.year + rules.index_year_offset)
            ),
        ),
        Step(
            "base_grade",
            rulebook.basis,
            (uses["grade_bands"], uses["grade_levels"]),
            (("index_score", str(a.index_score)),),
            base.name,
        ),
    ]
    demotion = 0
    mitigated = False
    for i, f in enumerate(a.findings):
        trace.append(
            Step(
                "finding",
                rulebook.basis,
                (uses["finding_demotion"],),
                ((f"findings[{i}]", f.description),),
                Message("proposes lowering {levels} level(s)", levels=str(rules.finding_demotion)),
            )
        )
        g = f.mitigation
        if g is None:
            demotion += rules.finding_demotion
            continue
        inputs = (
            ("directed", str(g.directed)),
            ("duties_fully_performed", str(g.duties_fully_performed)),
            ("preventive_measures_applied", str(g.preventive_measures_applied)),
            ("objective_cause", g.objective_cause or ""),
        )
        duties = g.directed and g.duties_fully_performed and g.preventive_measures_applied
        if duties or g.objective_cause is not None:
            lowered = str(rules.mitigated_finding_demotion)
            if duties:
                outcome = Message(
                    "applies (all duties met): lowering {levels} level(s) instead", levels=lowered
                )
            else:
                outcome = Message(
                    "applies (objective cause{cause:.0}): lowering {levels} level(s) instead",
                    levels=lowered,
                    cause=g.objective_cause,
                )
            params = (uses["mitigated_finding_demotion"],)
            demotion += rules.mitigated_finding_demotion
            mitigated = True
        else:
            listed = None  # "a, b" in English, "a; b" in Vietnamese
            for name in reversed([k for k, v in inputs[:3] if v != "True"]):
                said = Message(name)
                listed = (
                    said
                    if listed is None
                    else Message("{ground}, {more}", ground=said, more=listed)
                )
            outcome = Message("does not apply: missing {grounds}", grounds=listed)
            params = ()
            demotion += rules.finding_demotion
        trace.append(Step("mitigation", rulebook.mitigation_basis, params, inputs, outcome))
    final = levels[min(len(levels) - 1, levels.index(base) + demotion)]
    trace.append(
        Step(
            "final_grade",
            rulebook.basis,
            (),
            (("base_grade", base.name), ("demotion", str(demotion))),
            final.name,
        )
    )
    used = ["index_year_offset", "grade_bands", "grade_levels"]
    if a.findings:
        used.append("finding_demotion")
    if mitigated:
        used.append("mitigated_finding_demotion")
    unverified = tuple(n for n in used if uses[n].source.unverified)
    scope = rulebook.scope  # outside what the rulebook was written for: said last
    if scope is not None and not scope.covers(a.year, a.head.unit.kind):
        unverified = (*unverified, "scope")
    return Verdict(a, rulebook.id, final, base, mitigated, demotion, unverified, trace)


@settings(max_examples=150)
@given(assessments(), rulebooks())
def test_the_lazy_trace_equals_an_eagerly_built_reference(a, rulebook):
    lazy = grade_head(a, rulebook)
    eager = _eager_reference(a, rulebook)
    # Everything but the trace, read before the trace exists.
    assert records([lazy]) == records([eager])
    assert lazy._trace is None  # records() did not build it
    assert (lazy.grade, lazy.base_grade, lazy.unverified) == (
        eager.grade,
        eager.base_grade,
        eager.unverified,
    )
    assert lazy.trace == eager.trace
    assert lazy == eager
    assert hash(lazy) == hash(eager)
    assert lazy.to_dict() == eager.to_dict()
    assert lazy.explain("vi") == eager.explain("vi")
    assert lazy.explain("en") == eager.explain("en")
    assert lazy._repr_html_() == eager._repr_html_()
    assert repr(lazy) == repr(eager)
