"""Rulebook parameters declared once: every reader, writer and schema follows the
declarations."""

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings

from cchc_rules import DECISION_30_2018, Rulebook, load_rulebook
from cchc_rules.rulebooks import PARAMETER_BY_NAME, PARAMETER_NAMES, PARAMETERS, rulebook_schema
from cchc_rules.strategies import dated_rulebooks

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = rulebook_schema()


def test_the_names_the_rulebook_knows_are_the_declared_ones():
    assert tuple(p.name for p in PARAMETERS) == PARAMETER_NAMES
    assert tuple(DECISION_30_2018.parameters()) == PARAMETER_NAMES
    assert all(p.meaning and p.type for p in PARAMETERS)


def test_the_reader_writer_and_csv_layout_name_no_parameter_of_their_own():
    # the declarations are the one place a parameter's name is written
    for name in ("_reader.py", "_writer.py", "_csv.py"):
        code = (ROOT / "src/cchc_rules/rulebooks" / name).read_text(encoding="utf-8")
        assert '"index_year_offset"' not in code
        assert '"grade_bands"' not in code


@pytest.mark.parametrize("param", PARAMETERS, ids=lambda p: p.name)
def test_each_declaration_reads_back_what_it_writes(param):
    for dated in DECISION_30_2018.parameters()[param.name].values:
        fields = param.write(dated.value)
        assert param.read(fields) == dated.value
        assert param.read(param.read_cell(param.write_cell(fields))) == dated.value
        assert param.text(dated.value)


def test_the_packaged_and_example_rulebooks_fit_the_derived_schema():
    jsonschema.validate(DECISION_30_2018.to_dict(), SCHEMA)
    for path in sorted((ROOT / "docs/examples").glob("*.toml")):
        jsonschema.validate(load_rulebook(path).to_dict(), SCHEMA)


def test_the_schema_refuses_what_the_reader_refuses():
    data = json.loads(DECISION_30_2018.to_json())
    data["finding_demotion"][0]["value"] = 7
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)
    with pytest.raises(Exception, match="whole number from 0 to 3"):
        Rulebook.from_dict(data)
    assert SCHEMA["properties"]["index_year_offset"]["description"] == (
        PARAMETER_BY_NAME["index_year_offset"].meaning
    )


@settings(max_examples=25)
@given(dated_rulebooks())
def test_every_drawn_rulebook_fits_the_schema(book):
    jsonschema.validate(book.to_dict(), SCHEMA)
