"""Messages the library can say in English or Vietnamese.

A :class:`Message` *is* a ``str`` — its English text — so every place that
compares, prints or logs an error message keeps working unchanged. It also
remembers the English template it was made from and its parameters, so it can be
said again in Vietnamese: the template is the key into ``locale/vi.toml``, as a
gettext ``msgid`` is. Parameters that are themselves messages (a nested reason, a
located problem) are translated too; field names, file names and the values that
arrived are data and stay as they are.

>>> empty = Message("must not be empty")
>>> m = Message("{field} {expected} (got {value})", field="unit", expected=empty, value="''")
>>> m
"unit must not be empty (got '')"
>>> m.render("vi")
"unit không được để trống (nhận được '')"

Operations that build a new plain ``str`` (``+``, f-strings, ``.strip()``) give
English only; pass a message as a parameter of another to keep it translatable.
"""

from __future__ import annotations

import functools
import reprlib
import tomllib
from collections.abc import Iterable, Mapping
from typing import Any, Final, Literal

__all__ = [
    "DEFAULT_LANG",
    "LANGUAGES",
    "Lang",
    "Message",
    "Row",
    "catalogue",
    "join",
    "localize",
    "quoted",
    "said",
    "shown",
    "untranslated",
]

LANGUAGES: Final = ("vi", "en")
"""The languages messages are written in. English is the source language."""

Lang = Literal["vi", "en"]
"""A language a text can be said in."""

DEFAULT_LANG: Final[Lang] = "vi"
"""The language the library and the command line speak when none is asked for:
Vietnamese, the language of the units and of the law (``str()`` of a message stays
its English source text, for logs and tracebacks)."""


SHOWN_CHARACTERS: Final = 200
"""Most characters of an arrived value a message shows (a 200 KiB cell is cut)."""


def shown(value: object, limit: int = SHOWN_CHARACTERS) -> str:
    """``str(value)`` for a message, whatever ``value`` is: an integer too long for
    ``str`` (over 4,300 digits) is described by its size, a structure nested too
    deep for ``repr`` is abbreviated, and anything longer than ``limit`` characters
    is cut with a note of its length.

    >>> shown(10**5000), shown("x" * 300, 10)
    ('an integer of about 5001 digits', 'xxxxxxxxxx… (300 characters)')
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 14_000:
        return f"an integer of about {int(value.bit_length() * 0.30103) + 1} digits"
    try:
        text = value if isinstance(value, str) else str(value)
    except (RecursionError, ValueError, MemoryError):
        text = reprlib.repr(value)
    except Exception:  # a caller's object whose __str__ fails is shown by type
        text = f"<{type(value).__name__}>"
    if len(text) > limit:
        text = f"{text[:limit]}… ({len(text)} characters)"
    return text


def quoted(value: object) -> str:
    """``repr`` for text, :func:`shown` for anything else, safely (an arrived value in
    a message).

    >>> quoted("abc"), quoted(120)
    ("'abc'", '120')
    """
    if isinstance(value, str):
        return shown(repr(value))
    try:
        return shown(value if isinstance(value, int) else repr(value))
    except (RecursionError, ValueError, MemoryError):
        return shown(reprlib.repr(value))
    except Exception:
        return f"<{type(value).__name__}>"


class Message(str):
    """A message: its English text, plus what it takes to say it in Vietnamese."""

    template: str
    params: Mapping[str, str]

    def __new__(cls, template: str, /, **params: object) -> Message:
        values = {k: v if isinstance(v, str) else shown(v) for k, v in params.items()}
        self = super().__new__(cls, template.format(**values))
        self.template = template
        self.params = values
        return self

    def render(self, lang: str = "en") -> str:
        """This message in ``lang`` ("vi" or "en") as a plain ``str``."""
        if lang == "en":
            return str.__str__(self)
        pattern = catalogue(lang).get(self.template, self.template)
        return pattern.format(**{k: localize(v, lang) for k, v in self.params.items()})

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.template, dict(self.params)))


def _rebuild(template: str, params: dict[str, str]) -> Message:
    return Message(template, **params)


class Row(str):
    """``row N``, the location of a CSV row: a :class:`Message` in effect, but with
    no attributes of its own, so a loader can make one per row of a large file at
    the cost of a plain ``str`` (no instance dict for the garbage collector to walk).

    >>> Row(3), Row(3).render("vi")
    ('row 3', 'dòng 3')
    """

    __slots__ = ()

    def __new__(cls, number: int) -> Row:
        return super().__new__(cls, f"row {number}")

    @property
    def number(self) -> int:
        return int(self[4:])

    def render(self, lang: str = "en") -> str:
        return Message("row {number}", number=self.number).render(lang)

    def __getnewargs__(self) -> tuple[int]:  # type: ignore[override]
        return (self.number,)


def localize(text: str, lang: str = "en") -> str:
    """``text`` in ``lang`` if it is a :class:`Message` (or a :class:`Row`); any
    other ``str`` as it is."""
    return text.render(lang) if isinstance(text, Message | Row) else str(text)


class _Joined(Message):
    """Parts joined by a separator that is the same in every language."""


def join(separator: str, parts: Iterable[str]) -> Message:
    """``separator.join(parts)``, keeping each part translatable."""
    items = list(parts)
    names = [f"p{i}" for i in range(len(items))]
    template = separator.replace("{", "{{").replace("}", "}}").join("{" + n + "}" for n in names)
    return _Joined(template, **dict(zip(names, items, strict=True)))


def untranslated(text: str, lang: str = "vi") -> list[str]:
    """The parts of ``text`` that would stay English in ``lang``: a plain ``str``
    where a message was expected, or a template missing from the catalogue. Values
    inside a message (field names, what arrived) are data and are not counted."""
    if isinstance(text, Row):
        return []
    if not isinstance(text, Message):
        return [text]
    missing = []
    if not isinstance(text, _Joined) and text.template not in catalogue(lang):
        missing.append(text.template)
    for value in text.params.values():
        if isinstance(value, Message):
            missing.extend(untranslated(value, lang))
    return missing


def said(exc: BaseException) -> str:
    """What ``exc`` says: its :class:`Message` when it carries one (so it can be
    translated later), else ``str(exc)``."""
    if exc.args and isinstance(exc.args[0], Message):
        return exc.args[0]
    return str(exc)


@functools.cache
def catalogue(lang: str) -> Mapping[str, str]:
    """English template → template in ``lang``; empty for English. Loaded once, on
    first use, from ``locale/<lang>.toml`` beside this module."""
    if lang == "en":
        return {}
    if lang not in LANGUAGES:
        raise ValueError(f"no messages in {lang!r}; languages: {', '.join(LANGUAGES)}")
    from importlib import resources  # on first use: importing it is slow

    text = resources.files("cchc_rules").joinpath(f"locale/{lang}.toml").read_text("utf-8")
    messages: dict[str, str] = tomllib.loads(text)["messages"]
    return messages
