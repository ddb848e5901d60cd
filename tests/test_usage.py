"""Bad usage said in either language: argparse's messages read back into the
catalogue, each parser keeping the messages of its own argument types."""

import argparse

import pytest

from cchc_rules._messages import Message
from cchc_rules._usage import ArgumentMessages, lang_in
from cchc_rules.cli import build_parser
from cchc_rules.errors import InvalidInputError


def test_an_argparse_message_we_do_not_know_is_shown_as_argparse_wrote_it():
    assert ArgumentMessages().translated("ambiguous option: --l could match --lang, --long") == (
        "ambiguous option: --l could match --lang, --long"
    )


def test_argparse_messages_nest_and_translate():
    said = ArgumentMessages().translated("argument --by: invalid choice: 'x' (choose from 'a')")
    assert said.render("vi") == "tham số --by: lựa chọn không hợp lệ: 'x' (chọn một trong 'a')"
    assert said.render("en") == "argument --by: invalid choice: 'x' (choose from 'a')"


def test_the_messages_of_argument_types_belong_to_their_parser():
    def year(text):
        raise InvalidInputError(Message("expected a year like 2019 (got {value})", value="'x'"))

    first = ArgumentMessages()
    checked = first.checked(year)
    assert checked.__name__ == "year"
    with pytest.raises(argparse.ArgumentTypeError, match="expected a year like 2019"):
        checked("x")
    english = "expected a year like 2019 (got 'x')"
    assert first.translated(english).render("vi") == "cần một năm, ví dụ 2019 (nhận được 'x')"
    # another parser (another run) does not know it: nothing is kept between runs
    assert ArgumentMessages().translated(english) == english
    assert build_parser().messages.translated(english) == english


def test_lang_is_read_before_parsing():
    assert lang_in(["grade", "--lang", "en"]) == "en"
    assert lang_in(["grade", "--lang=en", "--lang", "vi"]) == "vi"
    assert lang_in(["grade", "--", "--lang", "en"]) == "vi"
    assert lang_in(["grade", "--lang"]) == "vi"
