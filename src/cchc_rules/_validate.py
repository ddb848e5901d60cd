"""Checks at the door: every public constructor and function passes its inputs
through these, so a value that got in is valid everywhere after."""

from __future__ import annotations

import datetime as dt
import numbers
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ._messages import Message, quoted
from .errors import InvalidInputError, InvalidTypeError, OutOfRangeError

__all__ = [
    "optional_text",
    "parse_day",
    "require_bool",
    "require_date",
    "require_int",
    "require_iterable",
    "require_path",
    "require_text",
    "require_year",
    "to_count",
    "to_decimal",
    "to_percentage",
    "typed",
    "typed_tuple",
]


def require_date(field: str, value: Any) -> dt.date:
    """A ``datetime.date`` and nothing else.

    A ``datetime`` is refused rather than truncated: its time (and zone) would be
    thrown away silently, and whether 23:30 on a Friday in UTC is a Friday in Hà Nội
    is exactly the kind of question this library must not answer by accident.
    """
    if isinstance(value, dt.datetime):
        raise InvalidTypeError(
            Message(
                "{field} must be a date, not a datetime (got {value}); "
                "pass value.date() after converting it to Vietnam time",
                field=field,
                value=quoted(value),
            )
        )
    if not isinstance(value, dt.date):
        raise InvalidTypeError.for_field(field, "a datetime.date", value)
    return value


MAX_INT_DIGITS = 4_300
"""Most digits of any whole number the library takes (Python's own limit on
converting between ``int`` and text, so every accepted number can be printed)."""
MAX_INT_BITS = 14_280  # 2**14_280 has 4,299 digits


def require_int(field: str, value: Any, *, minimum: int | None = None) -> int:
    """An ``int`` from any integral number (``numbers.Integral``: an ``int``, a
    numpy integer...) but never a ``bool``, optionally at least ``minimum``."""
    if type(value) is int:
        number: int = value
    elif isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InvalidTypeError.for_field(field, "an integer", value)
    else:
        number = int(value)
    if number.bit_length() > MAX_INT_BITS:
        raise InvalidInputError.for_field(
            field, Message("must have at most {digits} digits", digits=MAX_INT_DIGITS), value
        )
    if minimum is not None and number < minimum:
        raise InvalidInputError.for_field(
            field, Message("must be at least {minimum}", minimum=minimum), value
        )
    return number


FIRST_YEAR, LAST_YEAR = 1900, 2200
"""The years any rule of the library accepts; narrower ranges (a calendar's, a
rulebook's) are checked where they apply."""


def require_year(field: str, value: Any) -> int:
    """An ``int`` year from 1900 to 2200; outside it an ``OutOfRangeError``."""
    value = require_int(field, value)
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise OutOfRangeError.for_field(
            field,
            Message("must be between {first} and {last}", first=FIRST_YEAR, last=LAST_YEAR),
            value,
        )
    return int(value)


def require_iterable(field: str, value: Any) -> list[Any]:
    """The items of a list, tuple, set or other iterable (not a mapping), as a list."""
    if isinstance(value, Mapping) or not isinstance(value, Iterable):
        raise InvalidTypeError.for_field(field, "a list", value)
    return list(value)


def require_path(field: str, value: Any) -> Path:
    """A file path from a ``str`` or ``os.PathLike``."""
    if not isinstance(value, str | os.PathLike) or not str(value).strip():
        raise InvalidTypeError.for_field(field, "a file path", value)
    return Path(value)


def typed(*types: type, optional: bool = False) -> Any:
    """An ``attrs`` validator: the value is an instance of one of ``types`` (never a
    ``bool`` where ``int`` is asked for), or ``None`` when ``optional``. For the
    classes the library builds itself (results, steps), so one built by hand is
    checked too."""
    names = " or ".join(t.__name__ for t in types) + (" or None" if optional else "")
    expected = Message("an instance of {names}", names=names)

    def check(_instance: Any, attribute: Any, value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise InvalidTypeError.for_field(attribute.name, expected, value)

    return check


def typed_tuple(item: type) -> Any:
    """An ``attrs`` validator: a tuple whose items are all instances of ``item``."""
    expected = Message("a tuple of {names}", names=item.__name__)

    def check(_instance: Any, attribute: Any, value: Any) -> None:
        if not isinstance(value, tuple) or not all(isinstance(v, item) for v in value):
            raise InvalidTypeError.for_field(attribute.name, expected, value)

    return check


def require_bool(field: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise InvalidTypeError.for_field(field, "True or False", value)
    return value


def optional_text(field: str, value: Any) -> str | None:
    """``None``, or a non-blank string stripped of surrounding white space."""
    return None if value is None else require_text(field, value)


def require_text(field: str, value: Any) -> str:
    """A non-blank string in Unicode NFC, stripped of surrounding white space (so a
    name typed in decomposed form is the same name)."""
    if not isinstance(value, str):
        raise InvalidTypeError.for_field(field, "text", value)
    text = value.strip()
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if not text:
        raise InvalidInputError.for_field(field, "must not be empty", value)
    return text


_VI_NUMBER = re.compile(r"^[+-]?\d+(,\d+)?$")


def to_decimal(field: str, value: Any) -> Decimal:
    """A finite ``Decimal`` from an ``int``, ``Decimal``, ``float`` (read through
    ``str()``) or text; Vietnamese decimal commas ("18,4") and a trailing "%" are
    accepted in text. ``bool`` and ``None`` are type errors.

    >>> to_decimal("x", "18,4%"), to_decimal("x", 0.1), to_decimal("x", 7)
    (Decimal('18.4'), Decimal('0.1'), Decimal('7'))
    """
    if isinstance(value, bool) or value is None:
        raise InvalidTypeError.for_field(field, "a number", value)
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(str(value))
    elif isinstance(value, numbers.Integral):  # a numpy integer
        number = Decimal(int(value))
    elif isinstance(value, numbers.Real) and not isinstance(value, bool | numpy_bool()):
        try:  # a numpy float32 prints its shortest form, as a float does
            number = Decimal(str(value))
        except InvalidOperation:  # a Fraction prints as 1/3
            number = Decimal(str(float(value)))
    elif isinstance(value, str):
        text = value.strip().removesuffix("%").strip()
        if _VI_NUMBER.match(text):
            text = text.replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise InvalidInputError.for_field(field, "must be a number", value) from None
    else:
        raise InvalidTypeError.for_field(field, "a number", value)
    if not number.is_finite():
        raise InvalidInputError.for_field(field, "must be a finite number", value)
    return number


_COUNT = re.compile(r"\s*-?\d+\s*")


def require_score(field: str, value: Any) -> Decimal:
    """A score on the 0–100 scale of the CCHC index, as a ``Decimal``."""
    number = to_decimal(field, value)
    if not Decimal(0) <= number <= Decimal(100):
        raise InvalidInputError.for_field(field, "must be between 0 and 100", value)
    return number


def to_count(field: str, value: Any) -> int | None:
    """A count of things, 0 or more, or ``None``; a whole number written as text
    (``" 287 "``) is read too."""
    if value is None:
        return None
    if isinstance(value, str) and _COUNT.fullmatch(value):
        if len(value.strip().lstrip("-")) > MAX_INT_DIGITS:
            raise InvalidInputError.for_field(
                field, Message("must have at most {digits} digits", digits=MAX_INT_DIGITS), value
            )
        value = int(value)
    return require_int(field, value, minimum=0)


def to_percentage(field: str, value: Any) -> Decimal | None:
    """A percentage, 0 or more, or ``None``, read as :func:`to_decimal` reads it
    (``"18,4%"`` is ``Decimal('18.4')``): the precision it was written with is kept."""
    if value is None:
        return None
    number = to_decimal(field, value)
    if number < 0:
        raise InvalidInputError.for_field(field, "must not be negative", value)
    return number


_DAY_FIRST = re.compile(r"^\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\s*$")
_ISO = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")


def parse_day(value: Any, field: str = "date") -> dt.date:
    """A day in ISO form ("2019-06-01") or in the day-first notation officials
    write ("1/6/2019", "01/06/2019", "1-6-2019", "1.6.2019"), read with
    ``dateutil``'s parser, day first. Anything else, and impossible days, are errors.

    >>> parse_day("1/6/2019"), parse_day("2019-06-01")
    (datetime.date(2019, 6, 1), datetime.date(2019, 6, 1))
    >>> parse_day("31/2/2019")
    Traceback (most recent call last):
    ...
    cchc_rules.errors.InvalidInputError: date must be a real day, as YYYY-MM-DD or DD/MM/YYYY \
(got '31/2/2019')
    """
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not (_ISO.match(value) or _DAY_FIRST.match(value)):
        raise InvalidInputError.for_field(
            field, "must be a date as YYYY-MM-DD or DD/MM/YYYY", value
        )
    try:
        if _ISO.match(value):
            return dt.date.fromisoformat(value.strip())
        from dateutil import parser as date_parser  # only for day-first text: ~30 ms to import

        return date_parser.parse(value, dayfirst=True).date()
    except (ValueError, OverflowError):
        raise InvalidInputError.for_field(
            field, "must be a real day, as YYYY-MM-DD or DD/MM/YYYY", value
        ) from None


def numpy_bool() -> type:
    """numpy's ``bool_`` if numpy is already imported (it is never imported here)."""
    import sys

    numpy = sys.modules.get("numpy")
    found: type = bool if numpy is None else numpy.bool_
    return found
