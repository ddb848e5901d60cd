"""The bibliography: every instrument and article the library cites.

Each :class:`~cchc_rules.law.Source` names its entry by ``ref``; an entry says
who issued or published the work, when, its title, and where to read it when
known. The entries live in ``bibliography.toml`` beside this module (shipped with
the package) and are rendered as the guide's page ``docs/sources.md``
(``python -m cchc_rules.bibliography > docs/sources.md``).

>>> entry = BIBLIOGRAPHY["hp-2019-inspection-plan"]
>>> entry.date, entry.title
('23/05/2019', 'Thành lập 4 đoàn kiểm tra công tác cải cách hành chính nhà nước năm 2019')
>>> resolve("no-such-work")
Traceback (most recent call last):
...
cchc_rules.errors.InvalidInputError: ref must be the key of a bibliography entry \
(see docs/sources.md) (got 'no-such-work')
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

import attrs

from .errors import InvalidInputError
from .law import Source

__all__ = ["BIBLIOGRAPHY", "Entry", "resolve", "to_markdown", "unresolved"]


@attrs.frozen
class Entry:
    """One work: ``key`` (what ``Source.ref`` holds), ``kind`` (instrument,
    article or dataset), ``issuer`` or ``publisher``, ``date`` as far as known,
    ``title``, ``url`` when known (``site`` when only the web site is), and a
    ``note`` on what the library takes from it."""

    key: str
    kind: str
    title: str
    date: str
    issuer: str | None = None
    publisher: str | None = None
    url: str | None = None
    site: str | None = None
    note: str | None = None

    @property
    def by(self) -> str:
        """The issuer of an instrument, or the publisher of an article."""
        return self.issuer or self.publisher or ""


def _load() -> dict[str, Entry]:
    text = resources.files(__package__ or "cchc_rules").joinpath("bibliography.toml")
    data = tomllib.loads(text.read_text(encoding="utf-8"))
    entries: dict[str, Entry] = {}
    for raw in data["entry"]:
        entry = Entry(**raw)
        if entry.key in entries:  # pragma: no cover - guarded by the tests
            raise ValueError(f"duplicate bibliography key {entry.key!r}")
        entries[entry.key] = entry
    return entries


BIBLIOGRAPHY: Mapping[str, Entry] = _load()
"""Every entry, by key, in the order of ``bibliography.toml``."""


def resolve(ref: Any) -> Entry:
    """The entry ``ref`` names; an unknown key is an ``InvalidInputError``."""
    entry = BIBLIOGRAPHY.get(ref) if isinstance(ref, str) else None
    if entry is None:
        raise InvalidInputError.for_field(
            "ref", "must be the key of a bibliography entry (see docs/sources.md)", ref
        )
    return entry


def unresolved(sources: Iterable[Source]) -> list[Source]:
    """The sources among ``sources`` whose ``ref`` is missing or names no entry."""
    return [s for s in sources if s.ref is None or s.ref not in BIBLIOGRAPHY]


_KINDS = (
    ("instrument", "Instruments (laws, decrees, decisions, official letters)"),
    ("article", "Articles (portals and press)"),
    ("dataset", "Data and software"),
)


def to_markdown() -> str:
    """The bibliography as the guide's page ``docs/sources.md``."""
    lines = [
        "# Sources",
        "",
        "Every instrument and article the library cites, with a stable key. Each",
        "`Source` in the library (a rulebook parameter, an authority period, a calendar",
        "day) names its entry in `Source.ref`; a test checks that every one resolves",
        "here. The source articles are described by publisher, date and title: the",
        "project keeps copies of them for research but does not ship them. Generated",
        "from `src/cchc_rules/bibliography.toml`",
        "(`python -m cchc_rules.bibliography > docs/sources.md`).",
    ]
    for kind, heading in _KINDS:
        lines += ["", f"## {heading}"]
        for entry in BIBLIOGRAPHY.values():
            if entry.kind != kind:
                continue
            lines += ["", f"### {entry.key}", ""]
            who = "Issuer" if entry.issuer else "Publisher"
            lines.append(f"- **{who}:** {entry.by}")
            lines.append(f"- **Date:** {entry.date}")
            lines.append(f"- **Title:** {entry.title}")
            if entry.url:
                lines.append(f"- **URL:** <{entry.url}>")
            elif entry.site:
                lines.append(f"- **Web site:** {entry.site} (exact address not recorded)")
            if entry.note:
                lines.append(f"- **Note:** {entry.note}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(to_markdown(), end="")
