"""Read-only attributes written once: :class:`ReadOnly` is a property whose getter
is a C callable (:func:`operator.attrgetter` of a slot, :func:`operator.methodcaller`
of a method), so reading one costs no Python call, with its docstring given beside
it; to mypy it is a ``T`` that cannot be set.

The API reference shows each one as a property with that docstring
(``docs/griffe_read_only.py``).

>>> class Point:
...     __slots__ = ("_x",)
...     x: ReadOnly[int] = slot("_x", "The abscissa.")
...     def __init__(self, x: int) -> None:
...         self._x = x
>>> Point(3).x, Point.x.__doc__
(3, 'The abscissa.')
>>> Point(3).x = 4
Traceback (most recent call last):
AttributeError: property 'x' of 'Point' object has no setter
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from types import GenericAlias
from typing import TYPE_CHECKING, Any, Generic, Never, Self, TypeVar, overload

__all__ = ["ReadOnly", "slot"]

T = TypeVar("T")

if TYPE_CHECKING:

    class ReadOnly(Generic[T]):
        """What mypy sees: a ``T`` read from an instance; setting it is an error."""

        def __init__(self, getter: Callable[[Any], T], doc: str) -> None: ...
        @overload
        def __get__(self, instance: None, owner: type, /) -> Self: ...
        @overload
        def __get__(self, instance: object, owner: type | None = None, /) -> T: ...
        def __get__(self, instance: object, owner: type | None = None, /) -> Any: ...
        def __set__(self, instance: object, value: Never, /) -> None: ...  # no setter

else:

    class ReadOnly(property):
        """What runs: ``property(getter)`` with ``doc`` as its docstring."""

        def __init__(self, getter: Callable[[Any], Any], doc: str) -> None:
            super().__init__(getter)
            self.__doc__ = doc  # a property subclass drops ``doc=`` on Python 3.11

        __class_getitem__ = classmethod(GenericAlias)


def slot(name: str, doc: str) -> ReadOnly[Any]:
    """The read-only attribute that reads the slot ``name``; annotate it with its
    type, as in ``grade: ReadOnly[Grade] = slot("_grade", "The final grade.")``."""
    return ReadOnly(attrgetter(name), doc)
