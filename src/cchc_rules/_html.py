"""How task figures look in a notebook (Jupyter's ``_repr_html_``): imported only
when a notebook asks, since :mod:`html`'s entity table slows the import. Every
heading and sentence comes from the message catalogue, said in one language
(:data:`~cchc_rules._messages.DEFAULT_LANG` unless another is asked for); every
text is escaped."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from ._messages import DEFAULT_LANG, Message, number, term
from .errors import require_lang

if TYPE_CHECKING:
    from .reports import Discrepancy
    from .tasks import TaskTally

__all__ = ["discrepancy_html", "tally_html"]


def tally_html(tally: TaskTally, lang: str = DEFAULT_LANG) -> str:
    """A table of the tally's counts, each named in ``lang``, with their
    percentages of tasks assigned."""
    from .reports import COUNT_FIELDS, FIGURE_LABELS

    require_lang(lang)

    def row(name: str) -> str:
        label = term(name, FIGURE_LABELS[name], capital=True).render(lang)
        pct = number(tally.percent(name)).render(lang) if tally.assigned else ""
        return f"<tr><td>{escape(label)}</td><td>{getattr(tally, name)}</td><td>{pct}</td></tr>"

    figure, count = (escape(h.render(lang)) for h in (Message("figure"), Message("count")))
    cells = "".join(row(name) for name in COUNT_FIELDS)
    return f"<table><tr><th>{figure}</th><th>{count}</th><th>%</th></tr>{cells}</table>"


def discrepancy_html(d: Discrepancy, lang: str = DEFAULT_LANG) -> str:
    """One discrepancy: the figure, its kind, what was stated and expected, and its
    message, in ``lang``."""
    require_lang(lang)
    if d.expected is None:
        figures = Message("stated {stated}", stated=number(d.stated))
    else:
        figures = Message(
            "stated {stated}, expected {expected}",
            stated=number(d.stated),
            expected=number(d.expected),
        )
    return (
        f"<div><b>{escape(d.field)}</b> ({escape(d.kind.label(lang))}): "
        f"{escape(figures.render(lang))}<br>{escape(d.render(lang))}</div>"
    )
