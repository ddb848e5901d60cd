"""A griffe extension for the API reference (mkdocs.yml): a class attribute built by
``cchc_rules._read_only`` (``grade: ReadOnly[Grade] = slot("_grade", "The final
grade.")``) is a read-only property whose docstring is given at run time; show it
as a property with that docstring and, when annotated ``ReadOnly[T]``, the type
``T``."""

from __future__ import annotations

import importlib
from typing import Any

import griffe


class ReadOnlyAttributes(griffe.Extension):
    def on_class_members(self, *, cls: griffe.Class, **kwargs: Any) -> None:
        runtime: type | None = None
        for attr in cls.attributes.values():
            if attr.docstring is not None or not _made_by_read_only(attr):
                continue
            if runtime is None:
                module = importlib.import_module(cls.module.path)
                runtime = getattr(module, cls.name)
            doc = getattr(vars(runtime).get(attr.name), "__doc__", None)
            if doc:
                attr.docstring = griffe.Docstring(doc, parent=attr)
                attr.labels = {"property"}
                annotation = attr.annotation
                if isinstance(annotation, griffe.ExprSubscript) and annotation.left == "ReadOnly":
                    attr.annotation = annotation.slice
                attr.value = None


def _made_by_read_only(attr: griffe.Attribute) -> bool:
    value = attr.value
    return isinstance(value, griffe.ExprCall) and str(value.function) in {
        "ReadOnly",
        "slot",
        "_builtin",
    }
