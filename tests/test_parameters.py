"""Rulebook parameters declared once: every reader, writer and schema follows the
declarations."""

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings

from cchc_rules import (
    DECISION_30_2018,
    Assessment,
    CchcError,
    Finding,
    InvalidInputError,
    InvalidTypeError,
    Rulebook,
    grade_head,
    load_rulebook,
)
from cchc_rules.cli import main
from cchc_rules.law import DatedParameter, DatedValue, Source
from cchc_rules.rulebooks import (
    FINDING_DEMOTION,
    GRADE_BANDS,
    GRADE_LEVELS,
    MITIGATED_FINDING_DEMOTION,
    PARAMETER_BY_NAME,
    PARAMETER_NAMES,
    PARAMETERS,
    Parameter,
    rulebook_schema,
    whole_number,
)
from cchc_rules.strategies import dated_rulebooks
from tests._shared import HEAD

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = rulebook_schema()


def test_the_names_the_rulebook_knows_are_the_declared_ones():
    assert tuple(p.name for p in PARAMETERS) == PARAMETER_NAMES
    assert tuple(DECISION_30_2018.parameters()) == PARAMETER_NAMES
    assert all(p.meaning and p.type for p in PARAMETERS)


def test_the_reader_writer_and_csv_layout_name_no_parameter_of_their_own():
    # the declarations are the one place a parameter's name is written
    for name in ("rulebooks/_reader.py", "rulebooks/_writer.py", "rulebooks/_csv.py",
                 "rulebooks/_loader.py", "strategies.py"):  # fmt: skip
        code = (ROOT / "src/cchc_rules" / name).read_text(encoding="utf-8")
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


# -- a province's rulebook with another parameter set: one declaration, no new class -----

REVIEW_DAYS = whole_number("review_days", "days a unit has to answer a finding", 0, 30)
"""A province's own parameter, declared in the test (registered by the fixture)."""


@pytest.fixture
def review_days():
    PARAMETERS.register(REVIEW_DAYS)
    yield REVIEW_DAYS
    PARAMETERS.unregister(REVIEW_DAYS)


def province_data():
    """Decision 30/2018's file without mitigation, with the province's review_days."""
    data = json.loads(DECISION_30_2018.to_json())
    del data["mitigated_finding_demotion"]
    data["id"] = "province-x"
    data["review_days"] = [
        {
            "valid_from": "2018-10-09",
            "valid_until": "2021-12-31",
            "value": 10,
            "source": {"instrument": "Quyết định X", "provenance": "unverified"},
        },
        {
            "valid_from": "2022-01-01",
            "value": 15,
            "source": {"instrument": "Quyết định Y", "provenance": "supplied"},
        },
    ]
    return data


def test_a_registered_declaration_is_read_written_and_round_tripped(review_days, tmp_path):
    book = Rulebook.from_dict(province_data())
    assert list(book.parameters()) == [
        "grade_levels", "grade_bands", "finding_demotion", "index_year_offset", "review_days",
    ]  # fmt: skip
    assert book.value(review_days, 2021) == 10
    assert book.rules_for(2022)[review_days] == 15
    assert book.parameter(review_days) is book.parameters()["review_days"]
    # the trace text and the sources, as every verdict's parameters are shown
    assert book.rules_for(2022).uses["review_days"].value == "15"
    assert "review_days" in book.rules_for(2021).unverified
    assert "review_days" not in book.rules_for(2022).unverified
    # TOML/JSON and CSV, written and read back
    assert Rulebook.from_dict(json.loads(book.to_json())) == book
    assert Rulebook.from_csv(book.to_csv()) == book
    assert "review_days,15,2022-01-01,,supplied,Quyết định Y" in book.to_csv()
    path = tmp_path / "province.csv"
    path.write_text(book.to_csv(), encoding="utf-8")
    assert load_rulebook(path) == book
    # the schema has it, and refuses what the declaration refuses
    schema = rulebook_schema()
    jsonschema.validate(book.to_dict(), schema)
    assert schema["properties"]["review_days"]["description"] == review_days.meaning
    data = province_data()
    data["review_days"][1]["value"] = 31
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
    with pytest.raises(InvalidInputError, match=r"review_days\[1\]: value must be a whole"):
        Rulebook.from_dict(data)


def test_without_the_declaration_the_key_is_refused():
    with pytest.raises(InvalidInputError, match="review_days: is not a rulebook key"):
        Rulebook.from_dict(province_data())
    # ... unless the caller names the declarations the file may use
    book = Rulebook.from_dict(province_data(), parameters=[*PARAMETERS, REVIEW_DAYS])
    assert book.value(REVIEW_DAYS, 2019) == 10
    assert Rulebook.from_csv(book.to_csv(), parameters=[*PARAMETERS, REVIEW_DAYS]) == book


def test_a_toml_file_with_a_registered_parameter_loads_and_lists_it(review_days, tmp_path, capsys):
    packaged = ROOT / "src/cchc_rules/rulebooks/decision_30_2018.toml"
    path = tmp_path / "province.toml"
    path.write_text(
        packaged.read_text(encoding="utf-8")
        + "\n[[review_days]]\nvalid_from = 2018-10-09\nvalue = 12\n"
        + 'source = { instrument = "Quyết định X", provenance = "unverified" }\n',
        encoding="utf-8",
    )
    book = load_rulebook(path)
    assert book.value(review_days, 2019) == 12
    assert book == DECISION_30_2018.with_parameter(review_days, book.parameter(review_days))
    assert main(["rulebook", "--rulebook", str(path), "--lang", "en"]) == 0
    assert "review_days                 12" in capsys.readouterr().out


def test_grading_under_a_rulebook_missing_a_parameter_names_it():
    book = Rulebook.from_dict(province_data(), parameters=[*PARAMETERS, REVIEW_DAYS])
    assessment = Assessment(HEAD, 2019, "85", [Finding("x")])
    with pytest.raises(CchcError, match="province-x has no parameter mitigated_finding_demotion"):
        grade_head(assessment, book)
    with pytest.raises(InvalidInputError) as caught:
        book.rules_for(2019).require(GRADE_BANDS, MITIGATED_FINDING_DEMOTION, REVIEW_DAYS)
    assert str(caught.value) == (
        "province-x has no parameter mitigated_finding_demotion, which the rules need for 2019"
    )
    assert caught.value.localized("vi") == (
        "province-x không có tham số mitigated_finding_demotion mà quy tắc cần cho năm 2019"
    )
    with pytest.raises(InvalidInputError, match="mitigated_finding_demotion, which the rules"):
        book.parameter(MITIGATED_FINDING_DEMOTION)
    with pytest.raises(InvalidInputError, match="no parameter mitigated_finding_demotion"):
        book.rules_for(2019).uses["mitigated_finding_demotion"]
    assert book.rules_for(2019).require(GRADE_BANDS) is book.rules_for(2019)
    data = province_data()
    del data["finding_demotion"]
    leaner = Rulebook.from_dict(data, parameters=[*PARAMETERS, REVIEW_DAYS])
    with pytest.raises(InvalidInputError) as caught:
        grade_head(Assessment(HEAD, 2019, "85"), leaner)  # no finding: still needs both
    assert str(caught.value) == (
        "province-x has no parameter finding_demotion, mitigated_finding_demotion, "
        "which the rules need for 2019"
    )


@settings(max_examples=15)
@given(dated_rulebooks([GRADE_BANDS, FINDING_DEMOTION, REVIEW_DAYS]))
def test_the_strategies_draw_rulebooks_of_any_declared_set(book):
    assert list(book.parameters()) == ["grade_bands", "finding_demotion", "review_days"]
    assert all(0 <= v.value <= 30 for v in book.parameter(REVIEW_DAYS).values)
    everything = [*PARAMETERS, REVIEW_DAYS]
    assert Rulebook.from_dict(json.loads(book.to_json()), parameters=everything) == book
    assert Rulebook.from_csv(book.to_csv(), parameters=everything) == book
    jsonschema.validate(book.to_dict(), rulebook_schema(everything))


def test_a_registered_declaration_is_drawn_by_default(review_days):
    @settings(max_examples=5)
    @given(dated_rulebooks())
    def check(book):
        assert "review_days" in book.parameters()

    check()


def test_the_registry_refuses_a_second_declaration_of_a_name(review_days):
    twin = whole_number("review_days", "another meaning", 0, 5)
    with pytest.raises(InvalidInputError, match="a parameter named review_days is already"):
        PARAMETERS.register(twin)
    assert PARAMETERS.register(review_days) is review_days  # the same one: no change
    assert PARAMETERS[-1] is review_days
    assert review_days in PARAMETERS
    assert twin not in PARAMETERS
    assert "review_days" in repr(PARAMETERS)
    assert repr(review_days) == "Parameter('review_days')"
    with pytest.raises(InvalidTypeError, match="param must be a Parameter"):
        PARAMETERS.register("review_days")
    PARAMETERS.unregister(GRADE_BANDS)  # a built-in declaration stays
    assert GRADE_BANDS in PARAMETERS
    assert PARAMETERS.position(twin) is None


def test_a_value_built_by_hand_is_checked_by_its_declaration():
    with pytest.raises(InvalidInputError, match="review_days must be a whole number from 0 to"):
        DECISION_30_2018.with_parameter(REVIEW_DAYS, dated(REVIEW_DAYS, 31))
    book = DECISION_30_2018.with_parameter(REVIEW_DAYS, dated(REVIEW_DAYS, 7))
    assert book.value(REVIEW_DAYS, 2020) == 7
    assert list(book.parameters())[-1] == "review_days"  # unregistered: after the others
    with pytest.raises(InvalidInputError, match="must not exceed finding_demotion on a day"):
        DECISION_30_2018.with_parameter(
            MITIGATED_FINDING_DEMOTION, dated(MITIGATED_FINDING_DEMOTION, 2)
        )


def dated(param, value):
    return DatedParameter(
        param.name, (DatedValue(value, dt.date(2018, 1, 1), Source("x", provenance="supplied")),)
    )


def test_declarations_given_to_a_reader_must_be_declarations():
    with pytest.raises(InvalidTypeError, match=r"parameters\[1\] must be a Parameter"):
        Rulebook.from_dict(DECISION_30_2018.to_dict(), parameters=[GRADE_BANDS, "review_days"])
    levels = DatedParameter(
        "grade_levels", (DatedValue(("GOOD",), dt.date(2018, 1, 1), Source("x")),)
    )
    with pytest.raises(InvalidInputError, match="grade_levels must list the four levels"):
        DECISION_30_2018.with_parameter(GRADE_LEVELS, levels)
    assert len(PARAMETERS) == len(tuple(PARAMETERS)) >= 5


def _read_body(entry):
    value = entry.get("value")
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError.for_field("value", "must be non-empty text", value)
    return value


REVIEW_BODY = Parameter(
    "review_body",
    "who reviews a unit's answer to a finding",
    "text",
    _read_body,
    lambda body: {"value": body},
    lambda cell: {"value": cell},
    lambda entry: entry["value"],
    str,
    lambda value: _read_body({"value": value}),
    {"value": {"type": "string", "minLength": 1}},
    ("Sở Nội vụ", "Thanh tra tỉnh, phòng 2"),
)
"""A declaration of another kind than a whole number, written out in full."""


@settings(max_examples=10)
@given(dated_rulebooks([GRADE_BANDS, REVIEW_BODY]))
def test_a_declaration_of_any_kind_is_drawn_written_and_read_back(book):
    everything = [*PARAMETERS, REVIEW_BODY]
    assert {v.value for v in book.parameter(REVIEW_BODY).values} <= set(REVIEW_BODY.examples)
    assert Rulebook.from_csv(book.to_csv(), parameters=everything) == book
    assert Rulebook.from_dict(json.loads(book.to_json()), parameters=everything) == book
    jsonschema.validate(book.to_dict(), rulebook_schema(everything))


def test_the_rulebook_table_lists_a_parameter_read_without_registering_it():
    from cchc_rules._views import rulebook_table

    book = Rulebook.from_dict(province_data(), parameters=[*PARAMETERS, REVIEW_DAYS])
    rows = [line.split() for line in rulebook_table(book, "en").splitlines()]
    review = [row for row in rows if row and row[0] == "review_days"]
    assert [row[1] for row in review] == [
        str(dated.value) for dated in book.parameter(REVIEW_DAYS).values
    ]
