"""cchc_rules.grading under rulebooks whose demotions differ from Decision 30/2018's
defaults (a finding lowers one level, a mitigated one none): each finding adds its
own demotion, a mitigated one the rulebook's mitigated demotion."""

import pytest

from cchc_rules import DECISION_30_2018, Assessment, Finding, Grade, Rulebook, grade_head
from tests._shared import ALL_GROUNDS, HEAD, STORM


def demotions(finding, mitigated):
    """Decision 30/2018 with ``finding`` and ``mitigated`` levels per finding."""
    data = DECISION_30_2018.to_dict()
    data["id"] = f"demotions-{finding}-{mitigated}"
    data["finding_demotion"][0]["value"] = finding
    data["mitigated_finding_demotion"][0]["value"] = mitigated
    return Rulebook.from_dict(data)


@pytest.mark.parametrize(
    ("findings", "demotion", "grade"),
    [
        ([], 0, Grade.EXCELLENT),
        ([Finding("a", ALL_GROUNDS)], 1, Grade.GOOD),
        ([Finding("a", ALL_GROUNDS), Finding("b", STORM)], 2, Grade.COMPLETED),
        ([Finding("a")], 2, Grade.COMPLETED),
        ([Finding("a"), Finding("b", STORM)], 3, Grade.NOT_COMPLETED),
    ],
)
def test_each_finding_adds_its_demotion_a_mitigated_one_the_smaller(findings, demotion, grade):
    book = demotions(2, 1)
    verdict = grade_head(Assessment(HEAD, 2019, "95", findings), book)
    assert (verdict.base_grade, verdict.demotion, verdict.grade) == (
        Grade.EXCELLENT,
        demotion,
        grade,
    )
    assert verdict.mitigated is any(f.mitigated for f in findings)
    assert verdict.trace[-1].inputs == (("base_grade", "EXCELLENT"), ("demotion", str(demotion)))


def test_a_mitigated_finding_says_the_rulebooks_smaller_demotion():
    book = demotions(2, 1)
    verdict = grade_head(Assessment(HEAD, 2019, "95", [Finding("Bão", STORM)]), book)
    assert [s.outcome for s in verdict.trace[2:4]] == [
        "proposes lowering 2 level(s)",
        "applies (objective cause): lowering 1 level(s) instead",
    ]
    assert verdict.brief("en").endswith("final grade: GOOD")
