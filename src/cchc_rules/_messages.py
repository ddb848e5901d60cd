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
>>> m.render("vi"), m.render("en")
("unit không được để trống (nhận được '')", "unit must not be empty (got '')")

A message is said in :data:`DEFAULT_LANG`, Vietnamese, unless another language is
asked for; ``str()`` of it stays its English source text, for logs and tracebacks.
A value that each language writes its own way (a day, a decimal number, a field
that is a name in English and a phrase in Vietnamese) is a parameter made with
:func:`day`, :func:`number` or :func:`term`.

Operations that build a new plain ``str`` (``+``, f-strings, ``.strip()``) give
English only; pass a message as a parameter of another to keep it translatable.
"""

from __future__ import annotations

import functools
import reprlib
import tomllib
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Final, Literal, cast

__all__ = [
    "DEFAULT_LANG",
    "LANGUAGES",
    "Labelled",
    "Lang",
    "Message",
    "Row",
    "catalogue",
    "day",
    "join",
    "localize",
    "name_members",
    "number",
    "quoted",
    "said",
    "shown",
    "term",
    "untranslated",
    "written",
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

    def render(self, lang: str = DEFAULT_LANG) -> str:
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

    def render(self, lang: str = DEFAULT_LANG) -> str:
        return Message("row {number}", number=self.number).render(lang)

    def __getnewargs__(self) -> tuple[int]:  # type: ignore[override]
        return (self.number,)


def localize(text: str, lang: str = DEFAULT_LANG) -> str:
    """``text`` in ``lang`` if it is a :class:`Message` (or a :class:`Row`); any
    other ``str`` as it is."""
    return text.render(lang) if isinstance(text, Message | Row) else str(text)


class _Joined(Message):
    """Parts joined by a separator that is the same in every language."""


class _Written(Message):
    """A value as each language writes it (not a sentence: not in the catalogue).
    Its English form is the ``str``; ``forms`` holds the others, each a ``str`` or
    a :class:`Message` said in that language."""

    forms: Mapping[str, str]
    capital: bool

    def __new__(cls, english: str, /, *, capital: bool = False, **forms: str) -> _Written:
        self = cast(_Written, super().__new__(cls, english.replace("{", "{{").replace("}", "}}")))
        self.forms, self.capital = forms, capital
        return self

    def render(self, lang: str = DEFAULT_LANG) -> str:
        form = self.forms.get(lang)
        if form is None:
            return str.__str__(self)
        text = localize(form, lang)
        return text[:1].upper() + text[1:] if self.capital else text

    def __reduce__(self) -> tuple[Any, ...]:
        return (_written, (str.__str__(self), self.capital, dict(self.forms)))


def _written(english: str, capital: bool, forms: dict[str, str]) -> _Written:
    return _Written(english, capital=capital, **forms)


def day(value: date) -> Message:
    """A day as each language writes it: ISO in English, dd/mm/yyyy in Vietnamese.

    >>> d = day(date(2019, 6, 3))
    >>> d.render("en"), d.render("vi")
    ('2019-06-03', '03/06/2019')
    """
    return _Written(value.isoformat(), vi=f"{value:%d/%m/%Y}")


def number(value: object) -> Message:
    """A number as each language writes it: a decimal point in English, a decimal
    comma in Vietnamese.

    >>> n = number("18.47")
    >>> n.render("en"), n.render("vi")
    ('18.47', '18,47')
    """
    text = str(value)
    return _Written(text, vi=text.replace(".", ","))


def term(name: str, meaning: str, *, capital: bool = False) -> Message:
    """``name`` in English, where it is data (a field such as ``late_pct``), and
    ``meaning`` (a :class:`Message`, or text as the caller wrote it) in the other
    languages; ``capital`` starts it with a capital letter there, to begin a
    sentence.

    >>> t = term("assigned", Message("number of tasks assigned"), capital=True)
    >>> t.render("en"), t.render("vi")
    ('assigned', 'Số nhiệm vụ được giao')
    """
    return _Written(name, capital=capital, vi=meaning)


def written(english: str, vi: str) -> Message:
    """A text the data already holds in each language (a holiday's names), said in
    each as written.

    >>> tet = written("Lunar New Year", vi="Tết Nguyên Đán")
    >>> tet.render("en"), tet.render("vi"), tet.render()
    ('Lunar New Year', 'Tết Nguyên Đán', 'Tết Nguyên Đán')
    """
    return _Written(english, vi=vi)


_LABELS: dict[object, Message] = {}


def name_members(labels: Mapping[Any, Message]) -> None:
    """Give the members of a :class:`Labelled` enum their labels."""
    _LABELS.update(labels)


class Labelled:
    """A mixin for an enum whose members have a label in the catalogue
    (:func:`name_members`): :meth:`label` in any language, ``label_vi`` and
    ``label_en``."""

    __slots__ = ()

    def label(self, lang: str = DEFAULT_LANG) -> str:
        """The member's label in ``lang`` (Vietnamese unless asked otherwise)."""
        if lang not in LANGUAGES:
            from .errors import require_lang  # errors builds on this module

            require_lang(lang)
        return _LABELS[self].render(lang)

    @property
    def message(self) -> Message:
        """The label as a message, to say inside another message."""
        return _LABELS[self]

    @property
    def label_vi(self) -> str:
        return self.label("vi")

    @property
    def label_en(self) -> str:
        return self.label("en")


def join(separator: str, parts: Iterable[str]) -> Message:
    """``separator.join(parts)``, keeping each part translatable."""
    items = list(parts)
    names = [f"p{i}" for i in range(len(items))]
    template = separator.replace("{", "{{").replace("}", "}}").join("{" + n + "}" for n in names)
    return _Joined(template, **dict(zip(names, items, strict=True)))


def untranslated(text: str, lang: str = DEFAULT_LANG) -> list[str]:
    """The parts of ``text`` that would stay English in ``lang``: a plain ``str``
    where a message was expected, or a template missing from the catalogue. Values
    inside a message (field names, what arrived) are data and are not counted."""
    if isinstance(text, Row):
        return []
    if not isinstance(text, Message):
        return [text]
    missing = []
    if isinstance(text, _Written):
        return [] if lang in text.forms else [str(text)]
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
