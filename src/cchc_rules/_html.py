"""How task figures look in a notebook (Jupyter's ``_repr_html_``): imported only
when a notebook asks, since :mod:`html`'s entity table slows the import."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from ._messages import Message, number

if TYPE_CHECKING:
    from .reports import Discrepancy
    from .tasks import TaskTally

__all__ = ["discrepancy_html", "tally_html"]


def tally_html(tally: TaskTally) -> str:
    """A table of the tally's counts, with their percentages of tasks assigned."""
    from .reports import COUNT_FIELDS

    cells = "".join(
        f"<tr><td>{name}</td><td>{getattr(tally, name)}</td><td>"
        f"{tally.percent(name) if tally.assigned else ''}</td></tr>"
        for name in COUNT_FIELDS
    )
    figure, count = Message("figure").render(), Message("count").render()
    return f"<table><tr><th>{figure}</th><th>{count}</th><th>%</th></tr>{cells}</table>"


def discrepancy_html(d: Discrepancy) -> str:
    """One discrepancy: the figure, what was stated and expected, its message in
    the default language and, in italics, in English."""
    figures = Message(
        "stated {stated}, expected {expected}",
        stated=number(d.stated),
        expected=number(d.expected),
    ).render()
    return (
        f"<div><b>{escape(d.field)}</b> ({d.kind.value}): {figures}<br>"
        f"{escape(d.render())}<br><i>{escape(d.render('en'))}</i></div>"
    )
