"""Messages in English and Vietnamese: the catalogue is complete and consistent
with the code, a Message behaves as the English str it is, and errors, problems
and the command line say the same thing in either language."""

import ast
import pickle
import string
from datetime import date
from decimal import Decimal

import pytest

from cchc_rules import (
    CchcError,
    DiscrepancyKind,
    Finding,
    Grade,
    InvalidInputError,
    InvalidTypeError,
    Problem,
    Provenance,
    Task,
    TaskStatus,
    TaskTally,
    Unit,
    UnitKind,
    public_sector_calendar,
)
from cchc_rules._messages import (
    DEFAULT_LANG,
    Message,
    Row,
    catalogue,
    day,
    join,
    localize,
    number,
    said,
    shown,
    term,
    untranslated,
)
from cchc_rules.cli import build_parser, main
from cchc_rules.io import read_assessments
from tests._shared import run, source_as_written

SRC = source_as_written()  # under mutmut, the source before mutation
ERRORS = {"InvalidInputError", "InvalidTypeError", "OutOfRangeError", "UsageError"}


def _calls(name_filter):
    for file in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                if name_filter(name):
                    yield file.name, node.lineno, name, node


def templates_in_code():
    """Every literal template the code says: ``Message("...")`` and the phrase of
    ``for_field(field, "...", value)``."""
    found = {}
    for where, line, name, node in _calls(lambda n: n in ("Message", "for_field")):
        arg = node.args[0] if name == "Message" else node.args[1]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            found.setdefault(arg.value, f"{where}:{line}")
    return found


def test_every_template_in_the_code_has_a_vietnamese_form():
    vi = catalogue("vi")
    missing = {t: w for t, w in templates_in_code().items() if t not in vi}
    assert not missing


def test_the_catalogue_holds_nothing_the_code_does_not_say():
    assert sorted(set(catalogue("vi")) - set(templates_in_code())) == []


LEFT_OUT = {"{field}: stated {stated}, but {parts} = {expected}": {"parts"}}
"""Names a Vietnamese form leaves out on purpose: it says "the sum of the parts"
where the English lists them."""


@pytest.mark.parametrize("template", sorted(catalogue("vi")))
def test_both_forms_take_the_same_names(template):
    def names(text):
        return {n for _, n, _, _ in string.Formatter().parse(text) if n is not None}

    assert names(catalogue("vi")[template]) == names(template) - LEFT_OUT.get(template, set())


def test_no_error_is_raised_with_text_that_cannot_be_translated():
    """An f-string or a bare literal given to an error (or to a located problem)
    would stay English under --lang vi: the code passes Messages instead."""
    offenders = []
    for where, line, name, node in _calls(lambda n: n in (*ERRORS, "Problem", "fail")):
        if name == "Problem":
            args = node.args[2:3]
        elif name == "fail":
            args = node.args[1:2]
        else:
            args = node.args[:1]
        for arg in args:
            if isinstance(arg, ast.JoinedStr | ast.Constant | ast.BinOp):
                offenders.append(f"{where}:{line}")
    assert offenders == []


def test_the_parser_for_argparse_messages_is_checked_too():
    # argparse composes its own English; the CLI reads its message ids back.
    assert "the following arguments are required: {names}" in templates_in_code()


# -- a Message is its English text --------------------------------------------------


def test_a_message_is_the_english_str_and_can_be_said_in_vietnamese():
    m = Message("must be at least {minimum}", minimum=3)
    assert m == "must be at least 3"
    assert isinstance(m, str)
    assert m.render("en") == "must be at least 3"
    assert type(m.render("en")) is str
    assert m.render("vi") == "phải từ 3 trở lên"


def test_nested_messages_are_translated_and_data_is_not():
    inner = Message("must be at least {minimum}", minimum=0)
    outer = Message("{field} {expected} (got {value})", field="late", expected=inner, value="-1")
    assert outer.render("vi") == "late phải từ 0 trở lên (nhận được -1)"
    assert untranslated(outer) == []
    assert (
        untranslated(
            Message("{field} {expected} (got {value})", field="x", expected="raw", value=1)
        )
        == []
    )
    assert untranslated("plain") == ["plain"]
    assert untranslated(Message("{x} not in the catalogue", x=inner)) == [
        "{x} not in the catalogue"
    ]
    assert catalogue("en") == {}
    with pytest.raises(ValueError, match="no messages in 'fr'"):
        catalogue("fr")


def test_a_message_survives_pickling_with_its_translation():
    m = Message("row {number}", number=7)
    back = pickle.loads(pickle.dumps(m))
    assert (back, back.render("vi")) == ("row 7", "dòng 7")


def test_a_row_location_is_a_plain_cheap_str_that_translates():
    row = Row(12)
    assert (row, row.number, row.render("vi"), localize(row, "vi")) == (
        "row 12",
        12,
        "dòng 12",
        "dòng 12",
    )
    assert not hasattr(row, "__dict__")  # one per CSV row: nothing for the collector to walk
    back = pickle.loads(pickle.dumps(row))
    assert (type(back), back) == (Row, "row 12")
    assert untranslated(row) == []


def test_join_keeps_parts_translatable_and_braces_in_the_separator():
    joined = join(" {} ", [Message("row {number}", number=2), "x"])
    assert joined == "row 2 {} x"
    assert joined.render("vi") == "dòng 2 {} x"
    assert localize("not a message", "vi") == "not a message"


def test_said_keeps_the_message_of_an_error():
    exc = InvalidInputError(Message("is required"))
    assert said(exc).render("vi") == "bắt buộc phải có"
    assert said(ValueError("plain")) == "plain"


def test_a_phrase_from_a_caller_is_shown_as_it_is_even_with_braces():
    exc = InvalidInputError.for_field("x", "must be {odd}", 1)
    assert str(exc) == "x must be {odd} (got 1)"
    assert exc.localized("vi") == "x must be {odd} (nhận được 1)"


# -- one default language ---------------------------------------------------------


def test_vietnamese_is_said_unless_english_is_asked_for_and_str_stays_english():
    m = Message("must be at least {minimum}", minimum=3)
    assert DEFAULT_LANG == "vi"
    assert (m.render(), localize(m), str(m)) == ("phải từ 3 trở lên", "phải từ 3 trở lên", m)
    assert Row(4).render() == "dòng 4"
    problem = Problem(Row(2), "x", Message("is required"))
    assert problem.render() == "dòng 2, x: bắt buộc phải có"
    assert str(problem) == "row 2, x: is required"
    exc = InvalidInputError(Message("is required"))
    assert (exc.localized(), str(exc)) == ("bắt buộc phải có", "is required")
    assert (Grade.GOOD.label(), TaskStatus.OVERDUE.label(), UnitKind.COMMUNE.label()) == (
        "Hoàn thành tốt nhiệm vụ",
        "quá hạn, chưa hoàn thành",
        "UBND xã, phường, thị trấn",
    )


def test_labels_come_from_the_catalogue_and_refuse_other_languages():
    for member in (*Grade, *TaskStatus, *UnitKind, *DiscrepancyKind, *Provenance):
        assert member.label_vi == member.label("vi") != member.label("en") == member.label_en
    with pytest.raises(InvalidInputError, match="lang must be one of"):
        Grade.GOOD.label("fr")


def test_values_are_written_the_way_each_language_writes_them():
    d, n = day(date(2019, 6, 3)), number(Decimal("18.47"))
    assert (str(d), d.render("vi"), str(n), n.render("vi")) == (
        "2019-06-03", "03/06/2019", "18.47", "18,47",
    )  # fmt: skip
    named = term("late_pct", Message("share of tasks completed late"), capital=True)
    assert (str(named), named.render("vi")) == ("late_pct", "Tỷ lệ nhiệm vụ hoàn thành quá hạn")
    said_as_written = term("x_pct", "tỷ lệ của tôi")
    assert said_as_written.render("vi") == "tỷ lệ của tôi"
    sentence = Message("{field}: stated {stated}%, but there is no percentage of zero",
                       field=named, stated=number("2.5"))  # fmt: skip
    assert sentence.render("vi") == (
        "Tỷ lệ nhiệm vụ hoàn thành quá hạn công bố 2,5% nhưng tổng số là 0, không thể tính tỷ lệ"
    )
    assert untranslated(sentence) == []
    back = pickle.loads(pickle.dumps(named))
    assert (back, back.render("vi")) == ("late_pct", "Tỷ lệ nhiệm vụ hoàn thành quá hạn")
    assert untranslated(term("{braces}", "x"), "en") == ["{braces}"]


# -- errors and problems ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "english", "vietnamese"),
    [
        (
            lambda: Unit("Phòng A", UnitKind.SUBORDINATE),
            "parent of SUBORDINATE 'Phòng A' must be a DEPARTMENT or DISTRICT (got None)",
            "đơn vị cấp trên của SUBORDINATE 'Phòng A' phải là DEPARTMENT hoặc DISTRICT "
            "(nhận được None)",
        ),
        (
            lambda: TaskTally(3, 2, 1, 0, 1, 0),
            "completed must equal on_time + late = 1 (got 2)",
            "completed phải bằng on_time + late = 1 (nhận được 2)",
        ),
        (
            lambda: public_sector_calendar().is_working_day("2019-06-03"),
            "day must be a datetime.date (got str '2019-06-03')",
            "day phải là một datetime.date (nhận được str '2019-06-03')",
        ),
        (
            lambda: Task("", "x"),
            "title must not be empty (got '')",
            "title không được để trống (nhận được '')",
        ),
    ],
)
def test_errors_say_the_same_in_both_languages(make, english, vietnamese):
    with pytest.raises(CchcError) as caught:
        make()
    assert str(caught.value) == english
    assert caught.value.localized("en") == english
    assert caught.value.localized("vi") == vietnamese


def test_a_collected_error_says_every_problem_in_vietnamese(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(
        "unit,kind,parent,head,year,index_score\n"
        "Sở A,DEPARTMENT,,A,2019,120\nSở B,BỘ,,B,20x9,80\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInputError) as caught:
        read_assessments(path)
    vi = caught.value.localized("vi").splitlines()
    assert vi[0] == f"{path} có 3 lỗi:"
    assert vi[1:] == [
        "  dòng 2, index_score: index_score phải nằm trong khoảng từ 0 đến 100 (nhận được '120')",
        "  dòng 3, kind: kind phải là một trong DEPARTMENT, DISTRICT, SUBORDINATE, COMMUNE, "
        "SPECIAL_ZONE hoặc một tên như 'Sở' hoặc 'UBND xã' (nhận được 'BỘ')",
        "  dòng 3, year: year phải là một số nguyên, ví dụ 2019 (nhận được '20x9')",
    ]
    assert str(caught.value).splitlines()[0] == f"{path} has 3 problems:"
    for problem in caught.value.problems:
        assert untranslated(problem.message) == []
        assert untranslated(problem.location) == []


def test_languages_other_than_vi_and_en_are_refused():
    exc = InvalidInputError(Message("is required"))
    with pytest.raises(InvalidInputError, match="lang must be one of 'vi', 'en'"):
        exc.localized("fr")
    with pytest.raises(InvalidInputError, match="lang must be one of"):
        Problem("row 2", "x", "bad").render("de")


def test_a_plain_problem_from_a_caller_is_shown_as_it_is():
    assert Problem("row 2", "x", "bad").render("vi") == "row 2, x: bad"
    assert Problem("", "", "bad").render("vi") == "bad"


def test_messages_show_hostile_values_briefly():
    assert shown("x" * 10_000).endswith("… (10000 characters)")
    nested: list[object] = []
    for _ in range(100_000):
        nested = [nested]
    with pytest.raises(InvalidTypeError) as caught:
        Finding(nested)
    assert len(str(caught.value)) < 300


# -- the command line --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "vietnamese", "english"),
    [
        (
            ["notice", "2019-13-03"],
            "cchc-rules notice: tham số inspection_day: cần một ngày dạng YYYY-MM-DD "
            "(nhận được '2019-13-03') (xem --help)",
            "cchc-rules notice: argument inspection_day: expected a date as YYYY-MM-DD "
            "(got '2019-13-03') (see --help)",
        ),
        (
            ["notice", "2019-06-03", "--days", "-1"],
            "cchc-rules notice: tham số --days: cần một số nguyên ngày, từ 0 trở lên "
            "(nhận được '-1') (xem --help)",
            "cchc-rules notice: argument --days: expected a whole number of days, 0 or more "
            "(got '-1') (see --help)",
        ),
        (
            ["grade"],
            "cchc-rules grade: thiếu các tham số bắt buộc: file (xem --help)",
            "cchc-rules grade: the following arguments are required: file (see --help)",
        ),
        (
            ["calendar", "20x9"],
            "cchc-rules calendar: tham số year: cần một năm, ví dụ 2019 (nhận được '20x9') "
            "(xem --help)",
            "cchc-rules calendar: argument year: expected a year like 2019 (got '20x9') "
            "(see --help)",
        ),
        (
            ["tally", "x.csv", "--as-of", "31/2/2019"],
            "cchc-rules tally: tham số --as-of: --as-of phải là một ngày có thật, dạng "
            "YYYY-MM-DD hoặc DD/MM/YYYY (nhận được '31/2/2019') (xem --help)",
            "cchc-rules tally: argument --as-of: --as-of must be a real day, as YYYY-MM-DD or "
            "DD/MM/YYYY (got '31/2/2019') (see --help)",
        ),
        (
            ["notice", "2035-06-04"],
            "cchc-rules: inspection_day 2035-06-04 nằm ngoài phạm vi của lịch, từ 2018-01-01 "
            "đến 2030-12-31; không biết các ngày nghỉ ngoài phạm vi này. Mở rộng lịch bằng "
            "public_sector_calendar(first_year=..., last_year=...) và bổ sung các ngày nghỉ đã "
            "công bố của năm đó bằng WorkingCalendar.with_changes_from(tệp) (trên dòng lệnh: "
            "--calendar-changes TỆP)",
            "cchc-rules: inspection_day 2035-06-04 is outside the calendar's supported range "
            "2018-01-01 to 2030-12-31; the days off outside it are not known. Extend it with "
            "public_sector_calendar(first_year=..., last_year=...) and add that year's "
            "published days off with WorkingCalendar.with_changes_from(file) (on the command "
            "line: --calendar-changes FILE)",
        ),
    ],
)
def test_usage_and_input_errors_follow_lang(capsys, argv, vietnamese, english):
    status, out, err = run(capsys, *argv)
    assert (status, out, err) == (2, "", vietnamese + "\n")
    status, out, err = run(capsys, *argv, "--lang", "en")
    assert (status, out, err) == (2, "", english + "\n")


def _help(capsys, *argv):
    with pytest.raises(SystemExit) as done:
        main(list(argv))
    assert done.value.code == 0
    return capsys.readouterr().out


def test_help_is_said_in_vietnamese_unless_english_is_asked_for(capsys):
    vi = _help(capsys, "notice", "--help")
    assert vi.startswith("cách dùng: cchc-rules notice [-h]")
    for line in (
        "tham số vị trí:",
        "tùy chọn:",
        "  -h, --help            hiện hướng dẫn này rồi thoát",
        "  inspection_day        ngày kiểm tra, dạng YYYY-MM-DD",
    ):
        assert line in vi.splitlines()
    en = _help(capsys, "notice", "-h", "--lang=en")
    assert en.startswith("usage: cchc-rules notice [-h]")
    for line in (
        "positional arguments:",
        "options:",
        "  -h, --help            show this help and exit",
        "  inspection_day        inspection day, YYYY-MM-DD",
    ):
        assert line in en.splitlines()


def test_every_help_text_of_every_command_is_in_the_catalogue(capsys):
    """Each help line in Vietnamese is not the English one: nothing was left out."""
    commands = ("demo", "notice", "grade", "check-grades", "explain", "check-report", "tally",
                "rulebook", "calendar")  # fmt: skip
    for argv in [(), *((c,) for c in commands)]:
        vi = _help(capsys, *argv, "--help")
        en = _help(capsys, *argv, "--help", "--lang", "en")
        assert vi != en
        assert "usage:" not in vi
        assert "positional arguments" not in vi
        assert "options:" not in vi
    parser = build_parser("en")
    assert parser.format_help() == _help(capsys, "--help", "--lang", "en")
    with pytest.raises(InvalidInputError, match="lang must be one of"):
        build_parser("fr")


def test_notice_says_its_sentence_in_the_language_asked_for(capsys):
    assert run(capsys, "notice", "2019-06-03", "--lang", "en")[1].splitlines() == [
        "2019-05-24",
        "Latest notice for an inspection on 2019-06-03: 2019-05-24 "
        "(at least 5 working days between)",
    ]
    assert run(capsys, "notice", "2019-06-03")[1].splitlines()[1] == (
        "Thông báo chậm nhất ngày 24/05/2019 cho cuộc kiểm tra ngày 03/06/2019 "
        "(ít nhất 5 ngày làm việc ở giữa)"
    )


def test_lang_given_as_one_word_and_an_unknown_lang_falls_back_to_vietnamese(capsys):
    assert run(capsys, "grade", "--lang=en")[2].endswith("(see --help)\n")
    status, _, err = run(capsys, "grade", "x.csv", "--lang", "fr")
    assert status == 2
    assert "lựa chọn không hợp lệ: 'fr'" in err


def test_a_missing_file_in_both_languages(capsys, tmp_path):
    missing = tmp_path / "nope.csv"
    assert run(capsys, "grade", str(missing))[2] == (
        f"cchc-rules: không đọc được {missing}: không có tệp hoặc thư mục này\n"
    )
    assert run(capsys, "grade", str(missing), "--lang", "en")[2] == (
        f"cchc-rules: cannot read {missing}: No such file or directory\n"
    )


def test_every_bad_row_is_reported_in_vietnamese(capsys, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(
        "unit,kind,parent,head,year,index_score\n"
        "Sở A,DEPARTMENT,,A,2019,95\nPhòng B,SUBORDINATE,Sở Z,B,2019,80\n,DISTRICT,,C,2019,x\n",
        encoding="utf-8",
    )
    status, _, err = run(capsys, "grade", str(path))
    assert status == 1
    assert err.splitlines() == [
        "cchc-rules: dòng 3, parent: chưa biết loại của đơn vị cấp trên 'Sở Z': hãy thêm một "
        "dòng cho đơn vị đó hoặc cột parent_kind (DEPARTMENT hoặc DISTRICT)",
        "cchc-rules: dòng 4, unit: unit không được để trống (nhận được '')",
        "cchc-rules: dòng 4, index_score: index_score phải là một số (nhận được 'x')",
        "cchc-rules: 2 trong 3 dòng bị loại",
    ]
