"""Citations a reader can follow: every source the library ships names an entry
of the bibliography, the guide's page is the bibliography, and no citation points
to a file outside the repository."""

import re
from pathlib import Path

import pytest

from cchc_rules import (
    DECISION_30_2018,
    HAI_PHONG_2019_INSPECTION_PLAN,
    InvalidInputError,
    load_rulebook,
    public_sector_calendar,
)
from cchc_rules.authority import AUTHORITY
from cchc_rules.bibliography import BIBLIOGRAPHY, resolve, to_markdown, unresolved
from cchc_rules.periods import REPORT_DUE_SOURCE, REPORTING_SOURCE

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_RULEBOOKS = sorted((ROOT / "docs/examples").glob("*.toml"))


def rulebook_sources(rulebook):
    yield rulebook.instrument.source
    yield rulebook.basis
    yield rulebook.mitigation_basis
    for param in rulebook.parameters().values():
        for value in param.values:
            yield value.source


def authority_sources():
    for period in AUTHORITY.values:
        yield period.source
        for rule in period.value.rules:
            yield rule.source


def calendar_sources():
    calendar = public_sector_calendar()
    first, last = calendar.supported_range
    for year in range(first.year, last.year + 1):
        for day in calendar.special_days(year):
            yield day.source


@pytest.mark.parametrize(
    "rulebook",
    [DECISION_30_2018, *(load_rulebook(p) for p in EXAMPLE_RULEBOOKS)],
    ids=lambda r: r.id,
)
def test_every_source_of_every_shipped_rulebook_resolves(rulebook):
    sources = list(rulebook_sources(rulebook))
    assert len(sources) >= 3 + len(rulebook.parameters())
    assert unresolved(sources) == []


def test_every_authority_period_and_rule_resolves():
    sources = list(authority_sources())
    assert len(sources) >= 2
    assert unresolved(sources) == []


def test_every_calendar_day_and_plan_resolves():
    plan = HAI_PHONG_2019_INSPECTION_PLAN
    sources = [*calendar_sources(), plan.source, *plan.citations().values()]
    sources += [REPORTING_SOURCE, REPORT_DUE_SOURCE]
    assert len(sources) > 50
    assert unresolved(sources) == []


def test_unresolved_finds_a_missing_or_unknown_ref():
    from cchc_rules import Source

    good = Source("x", ref="law-72-2025")
    missing, unknown = Source("y"), Source("z", ref="seeds/003.txt")
    assert unresolved([good, missing, unknown]) == [missing, unknown]
    with pytest.raises(InvalidInputError, match="bibliography entry"):
        resolve("seeds/003.txt")
    assert resolve("law-72-2025").issuer == "Quốc hội"


def test_every_entry_says_who_when_and_what():
    for key, entry in BIBLIOGRAPHY.items():
        assert re.fullmatch(r"[0-9a-z][0-9a-z-]*", key), key
        assert entry.kind in ("instrument", "article", "dataset"), key
        assert entry.by, key
        assert entry.date, key
        assert entry.title, key


def test_the_guide_page_is_the_bibliography():
    assert (ROOT / "docs/sources.md").read_text(encoding="utf-8") == to_markdown()


def test_every_link_into_the_bibliography_names_an_entry():
    for page in sorted((ROOT / "docs").glob("*.md")):
        for key in re.findall(r"sources\.md#([^)\s]+)", page.read_text(encoding="utf-8")):
            assert key in BIBLIOGRAPHY, f"{page.name}: {key}"


def test_no_citation_points_outside_the_repository():
    texts = [ROOT / "README.md", *ROOT.glob("docs/**/*.md"), *ROOT.glob("docs/examples/*")]
    texts += [p for p in (ROOT / "src").rglob("*") if p.suffix in (".py", ".toml", ".json")]
    for path in texts:
        text = path.read_text(encoding="utf-8")
        assert "seeds/" not in text, path
        assert not re.search(r"SPEC(\.md)? ?(section|§)", text), path


def test_every_instrument_of_the_calendar_table_has_an_entry():
    from cchc_rules import calendar_instruments

    ids = [i.id.lower() for i in calendar_instruments()]
    assert len(ids) >= 10
    assert [i for i in ids if i not in BIBLIOGRAPHY] == []
