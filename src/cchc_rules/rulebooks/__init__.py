"""Rulebooks: one regulation's parameters, as cited, dated data.

A :class:`Rulebook` says which grade levels exist, the bands on the annual CCHC
index, how much a finding lowers the grade with and without mitigation, and which
year's index is used; every value has a :class:`~cchc_rules.law.Source` and a
validity period. The rules that use them are code (:mod:`cchc_rules.grading`).

Each parameter is declared once (:class:`Parameter`, registered in
:data:`PARAMETERS`); a rulebook holds any of the declared ones, keyed by their
declarations, so a province's rulebook with another parameter set needs one
declaration per new parameter and no new class.

``DECISION_30_2018`` is loaded from ``decision_30_2018.toml`` beside this module.
Load your own with :func:`load_rulebook` (TOML, JSON or CSV): every bad entry is
reported with its path — or, in a CSV, its row and column — not only the first.
:meth:`Rulebook.to_csv` and :meth:`Rulebook.to_json` write a rulebook out again,
so the packaged one can be the start of your own.

The package is built of rooms with one job each:

- ``_parameters`` — each parameter declared once (name, meaning, type,
  validation, how it is read, written, shown and drawn) and the registry;
- ``_bands`` — the values: grade levels and :class:`Bands`;
- ``_schema`` — the JSON Schema of rulebook files, derived from the declarations;
- ``_scope`` — the instrument a rulebook implements and the scope it was written for;
- ``_rules`` — the :class:`ParameterSet` a rulebook holds and the
  :class:`ResolvedRules` of one year, as the rules read them;
- ``_model`` — :class:`Rulebook`;
- ``_reader`` — the TOML/JSON layout read with every problem located;
- ``_csv`` — the flat CSV layout, read and written;
- ``_writer`` — a rulebook written back in the layout the reader reads;
- ``_loader`` — :func:`load_rulebook` and the packaged ``DECISION_30_2018``.

>>> DECISION_30_2018.rules_for(2019).bands
Bands(excellent=Decimal('90'), good=Decimal('80'), completed=Decimal('70'))
>>> DECISION_30_2018.unverified_parameters()
('grade_levels', 'grade_bands', 'finding_demotion', 'mitigated_finding_demotion', \
'index_year_offset')
"""

from __future__ import annotations

from ._bands import LEVELS, Bands
from ._loader import DECISION_30_2018, load_rulebook
from ._model import PARAMETER_NAMES, Rulebook
from ._parameters import (
    BUILT_IN,
    FINDING_DEMOTION,
    GRADE_BANDS,
    GRADE_LEVELS,
    INDEX_YEAR_OFFSET,
    MITIGATED_FINDING_DEMOTION,
    PARAMETER_BY_NAME,
    PARAMETERS,
    Declarations,
    Parameter,
    whole_number,
)
from ._rules import ParameterSet, ParameterUse, ResolvedRules
from ._schema import rulebook_schema
from ._scope import Instrument, Scope

__all__ = [
    "BUILT_IN",
    "DECISION_30_2018",
    "FINDING_DEMOTION",
    "GRADE_BANDS",
    "GRADE_LEVELS",
    "INDEX_YEAR_OFFSET",
    "LEVELS",
    "MITIGATED_FINDING_DEMOTION",
    "PARAMETERS",
    "PARAMETER_BY_NAME",
    "PARAMETER_NAMES",
    "Bands",
    "Declarations",
    "Instrument",
    "Parameter",
    "ParameterSet",
    "ParameterUse",
    "ResolvedRules",
    "Rulebook",
    "Scope",
    "load_rulebook",
    "rulebook_schema",
    "whole_number",
]
