"""The calendar the library owns (issue 10): the cited 2018-2026 table, provisional
years to 2030, the confirmed/provisional flags, the changes file, and ``holidays``
as a cross-check only."""

import csv
import importlib.util
import os
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cchc_rules
from cchc_rules import (
    HAI_PHONG_2019_INSPECTION_PLAN,
    InspectionPlan,
    InvalidInputError,
    OutOfRangeError,
    Provenance,
    calendar_instruments,
    latest_notice_date,
    load_calendar_changes,
    public_sector_calendar,
)
from cchc_rules.calendar import CONFIRMED_THROUGH
from cchc_rules.strategies import dates
from tests._shared import CAL, problems_reported

ROOT = Path(__file__).resolve().parent.parent
TABLE = Path(cchc_rules.__file__).parent / "calendar_data" / "days.csv"
CONFIRMED_YEARS = range(2018, 2027)
PROVISIONAL_YEARS = range(2027, 2031)


def _tool():
    spec = importlib.util.spec_from_file_location(
        "calendar_table", ROOT / "tools/prepare_calendar_table.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows():
    with TABLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# -- 1. the cited table -----------------------------------------------------------------


def test_the_2026_new_year_swap_is_in_the_table():
    assert not CAL.is_working_day(date(2026, 1, 2))  # Friday, swapped off
    assert CAL.is_working_day(date(2026, 1, 10))  # Saturday, worked
    off = {d.day: d for d in CAL.days_off(2026)}[date(2026, 1, 2)]
    assert "12729/VPCP-KGVX ngày 25/12/2025" in off.source.instrument
    assert off.source.verified


def test_the_pinned_2026_notice_dates():
    assert latest_notice_date(date(2026, 1, 12)) == date(2026, 1, 5)
    assert latest_notice_date(date(2026, 1, 8)) == date(2025, 12, 29)
    # 30/12, 31/12, 5/1, 6/1, 7/1: five working days lie between
    assert CAL.working_days_between(date(2025, 12, 29), date(2026, 1, 7)) == 5


def test_24_november_2026_is_off_but_unverified():
    day = {d.day: d for d in CAL.days_off(2026)}[date(2026, 11, 24)]
    assert day.source.provenance is Provenance.UNVERIFIED
    assert "80-NQ/TW" in day.source.instrument
    assert "not enacted" in (day.source.note or "")


def test_every_special_day_has_a_source_and_every_cited_instrument_exists():
    ids = {i.id for i in calendar_instruments()}
    for row in _rows():
        assert row["sources"].split(), row
        assert set(row["sources"].split()) <= ids, row
    for year in range(2018, 2031):
        for day in CAL.special_days(year):
            assert day.source.instrument.strip()
            assert day.name_vi.strip()
            assert day.name_en.strip()


def test_statutory_days_cite_the_labour_code_in_force():
    for row in _rows():
        year = int(row["day"][:4])
        if row["kind"] == "holiday":
            law, article = ("BLLD-2012", "Điều 115") if year <= 2020 else ("BLLD-2019", "Điều 112")
            assert row["sources"].split()[0] == law, row
            assert row["article"] == article, row
        if row["kind"] == "compensatory" and year >= 2021:
            assert row["article"] == "Điều 111 khoản 3", row


def test_confirmed_years_are_verified_except_24_november():
    for row in _rows():
        if int(row["day"][:4]) in CONFIRMED_YEARS and row["kind"] != "cultural_day":
            assert row["provenance"] == "verified", row


def test_instruments_are_structured_for_a_bibliography():
    by_id = {i.id: i for i in calendar_instruments()}
    notice = by_id["CV-12729-VPCP-KGVX"]
    assert (notice.number, notice.issued, notice.issuer) == (
        "12729/VPCP-KGVX",
        date(2025, 12, 25),
        "Văn phòng Chính phủ",
    )
    assert notice.to_dict()["issued"] == "2025-12-25"
    assert by_id["NQ-80-TW"].provenance is Provenance.UNVERIFIED
    # a year's schedule whose number the library does not hold says so, never a guess
    assert by_id["LICH-2020"].number is None
    assert "not in the library's sources" in (by_id["LICH-2020"].note or "")
    assert by_id["LICH-2020"].citation == by_id["LICH-2020"].kind
    assert by_id["BLLD-2019"].citation == "Bộ luật Lao động 2019 (45/2019/QH14)"


# -- 2. provisional years -------------------------------------------------------------------


def test_provisional_years_are_statutory_days_only_and_unverified():
    for year in PROVISIONAL_YEARS:
        assert CAL.make_up_days(year) == ()  # no swaps
        for day in CAL.special_days(year):
            assert day.source.unverified, day
            assert f"schedule of days off for {year} is not yet published" in (
                day.source.note or ""
            )


def test_provisional_years_regenerate_from_holidays():
    tool = _tool()
    shipped = [r for r in _rows() if int(r["day"][:4]) in PROVISIONAL_YEARS]
    assert shipped == [r for y in PROVISIONAL_YEARS for r in tool.provisional_rows(y)]


def test_the_whole_table_regenerates_with_the_tool():
    assert _rows() == _tool().all_rows()


def test_tet_2027_and_the_pinned_provisional_notice():
    assert not CAL.is_working_day(date(2027, 2, 8))  # Tết Đinh Mùi, statutory
    assert latest_notice_date(date(2027, 3, 1)) == date(2027, 2, 19)
    plan = InspectionPlan(2027, date(2027, 1, 4), date(2027, 12, 31), 5)
    need = plan.notice_for(date(2027, 3, 1))
    assert need.latest_notice == date(2027, 2, 19)
    assert need.provisional


def test_years_outside_the_table_use_holidays_unverified():
    cal = public_sector_calendar(2016, 2031)
    assert not cal.is_working_day(date(2031, 1, 1))
    assert not cal.is_working_day(date(2016, 9, 2))
    for year in (2016, 2017, 2031):
        assert all(d.source.unverified for d in cal.special_days(year))
    assert not cal.is_confirmed(date(2017, 6, 1))
    assert cal.is_confirmed(date(2018, 1, 1))
    assert cal.confirmed_through == CONFIRMED_THROUGH


# -- 3. confirmed or provisional ------------------------------------------------------------


def test_confirmed_through_and_is_confirmed():
    assert CAL.confirmed_through == date(2026, 12, 31)
    assert CAL.is_confirmed(date(2026, 12, 31))
    assert not CAL.is_confirmed(date(2027, 1, 1))
    assert not CAL.is_confirmed(date(2040, 1, 1))  # outside the range: not confirmed
    later = public_sector_calendar(2027, 2030)
    assert later.confirmed_through == date(2026, 12, 31)  # nothing in it is confirmed
    assert not later.is_confirmed(date(2027, 1, 1))


def test_a_caller_can_confirm_a_year_it_added():
    cal = CAL.with_changes(
        days_off=[date(2027, 2, 11)],
        source="Công văn (ví dụ)",
        confirmed_through=date(2027, 12, 31),
    )
    assert cal.confirmed_through == date(2027, 12, 31)
    assert cal.is_confirmed(date(2027, 3, 1))
    assert not CAL.is_confirmed(date(2027, 3, 1))


@settings(max_examples=60)
@given(dates(), st.integers(min_value=0, max_value=10))
def test_provisional_exactly_when_a_day_after_confirmed_through_is_used(day, n):
    if day < date(2018, 3, 1):
        return
    plan = InspectionPlan(day.year, date(day.year, 1, 1), date(day.year, 12, 31), n)
    need = plan.notice_for(day)
    used = [
        need.latest_notice + timedelta(days=i) for i in range((day - need.latest_notice).days + 1)
    ]
    assert need.provisional == any(d > CONFIRMED_THROUGH for d in used)
    assert plan.notice_for(day, unannounced=True).provisional is False


@given(dates())
def test_no_provisional_day_is_ever_verified(day):
    special = {d.day: d for d in CAL.special_days(day.year)}
    if day in special and not CAL.is_confirmed(day):
        assert not special[day].source.verified


def test_the_2019_plan_is_not_provisional():
    assert not HAI_PHONG_2019_INSPECTION_PLAN.notice_for(date(2019, 6, 3)).provisional


# -- 4. the changes file ---------------------------------------------------------------------


def _write(tmp_path, text, name="changes.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_changes_file_adds_a_notice_published_later(tmp_path):
    path = _write(
        tmp_path,
        "day,status,name,instrument,article,provenance,note\n"
        "2027-02-11,off,Nghỉ Tết (hoán đổi),Công văn 1/VPCP-KGVX,,verified,ví dụ\n"
        "20/2/2027,working,Làm bù,Công văn 1/VPCP-KGVX,,,\n"
        ",,,,,,\n"
        "\n",
    )
    cal = CAL.with_changes_from(path)
    assert cal.name == "Vietnam public sector 2018-2030 with changes.csv"
    assert not cal.is_working_day(date(2027, 2, 11))
    assert cal.is_working_day(date(2027, 2, 20))
    added = {d.day: d for d in cal.special_days(2027)}
    assert added[date(2027, 2, 11)].source.verified
    assert added[date(2027, 2, 20)].source.provenance is Provenance.SUPPLIED
    assert CAL.is_working_day(date(2027, 2, 11))  # the original never changes
    assert not cal.is_confirmed(date(2027, 3, 1))
    assert cal.with_changes_from(path, confirmed_through=date(2027, 12, 31)).is_confirmed(
        date(2027, 3, 1)
    )


def test_every_bad_row_of_a_changes_file_is_located(tmp_path):
    path = _write(
        tmp_path,
        "day;status;name;instrument;provenance\n"
        "2027-02-30;off;x;CV 1;\n"
        "2027-02-11;closed;x;CV 1;\n"
        "2027-02-12;off;;CV 1;\n"
        "2027-02-15;off;x;;\n"
        "2027-02-16;off;x;CV 1;sure\n"
        "2027-02-17;off;x;CV 1;\n"
        "17/02/2027;working;x;CV 1;\n"
        "2027-02-18;off;x;CV 1;;extra\n",
    )
    found, text = problems_reported(load_calendar_changes, path)
    assert found == [
        ("row 2", "day"),
        ("row 3", "status"),
        ("row 4", "name"),
        ("row 5", ""),
        ("row 6", ""),
        ("row 8", "day"),
        ("row 9", ""),
    ]
    assert "has 7 problems" in text
    assert "must be off or working (got 'closed')" in text
    assert "2027-02-17 appears more than once (first in row 7)" in text


@pytest.mark.parametrize(
    "header",
    ["day,status,name", "day,status,name,instrument,colour", "", "day,day,status,name,instrument"],
)
def test_a_changes_file_needs_its_header(tmp_path, header):
    path = _write(tmp_path, header + "\n2027-02-11,off,x,CV 1\n")
    with pytest.raises(InvalidInputError, match="must have the header day,status,name,instrument"):
        load_calendar_changes(path)


def test_days_outside_the_range_name_the_way_out(tmp_path):
    path = _write(tmp_path, "day,status,name,instrument\n2032-01-02,off,x,CV 1\n")
    with pytest.raises(OutOfRangeError) as caught:
        CAL.with_changes_from(path)
    assert caught.value.problems[0].location == "row 2"
    assert "last_year" in str(caught.value)
    assert "--calendar-changes" in str(caught.value)
    widened = public_sector_calendar(2018, 2032).with_changes_from(path)
    assert not widened.is_working_day(date(2032, 1, 2)) or date(2032, 1, 2).weekday() >= 5


_rows_strategy = st.lists(
    st.tuples(
        dates(),
        st.booleans(),
        st.text(alphabet="abcĐđếẫ ,;\"'", min_size=1, max_size=12).filter(lambda s: s.strip()),
        st.sampled_from(["verified", "unverified", "supplied"]),
    ),
    max_size=8,
    unique_by=lambda r: r[0],
)


@settings(max_examples=40)
@given(_rows_strategy)
def test_a_changes_file_round_trips(tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("changes") / "c.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["day", "status", "name", "instrument", "provenance"])
        for day, working, name, provenance in rows:
            writer.writerow(
                [day.isoformat(), "working" if working else "off", name, f"CV {name}", provenance]
            )
    loaded = load_calendar_changes(path)
    expected = sorted(rows, key=lambda r: r[0])
    assert [(d.day, d.working, d.name_vi, d.source.provenance.value) for d in loaded] == [
        (day, working, name.strip(), provenance) for day, working, name, provenance in expected
    ]
    cal = CAL.with_changes_from(path)
    assert all(cal.is_working_day(day) == working for day, working, _, _ in rows)


# -- 5. holidays as the cross-check --------------------------------------------------------


def test_the_table_matches_holidays_except_the_listed_differences():
    """Fails when a ``holidays`` upgrade changes a day the table does not explain."""
    vn = holidays.VN(years=CONFIRMED_YEARS)
    theirs = dict.fromkeys(vn, False)
    theirs.update({d: True for d in vn.weekend_workdays if d.year in CONFIRMED_YEARS})
    ours = {}
    explained = {}
    for row in _rows():
        day = date.fromisoformat(row["day"])
        if day.year in CONFIRMED_YEARS:
            ours[day] = row["status"] == "working"
            if row["holidays_differs"]:
                explained[day] = row["holidays_differs"]
    differs = {d for d in ours.keys() | theirs.keys() if ours.get(d) != theirs.get(d)}
    assert differs == set(explained), "a difference with holidays.VN is not explained"
    assert explained == {
        date(2026, 1, 2): pytest.approx(explained[date(2026, 1, 2)]),
        date(2026, 1, 10): pytest.approx(explained[date(2026, 1, 10)]),
    }
    assert all("12729/VPCP-KGVX" in why for why in explained.values())


# -- 6. no holidays at query time (the benchmark is measured elsewhere) -----------------------


def test_queries_inside_the_table_never_import_holidays():
    code = (
        "import sys; from datetime import date; import cchc_rules as c;"
        "c.latest_notice_date(date(2027, 3, 1)); c.public_sector_calendar().days_off(2026);"
        "c.reporting_periods(2029); print('holidays' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


# -- 7. English names write dates day-first ----------------------------------------------------


def test_english_names_write_dates_day_first():
    make_up = {d.day for y in range(2018, 2031) for d in CAL.make_up_days(y)}
    off = {d.day for y in range(2018, 2031) for d in CAL.days_off(y)}
    seen = 0
    for year in range(2018, 2031):
        for day in CAL.special_days(year):
            for dd, mm, yyyy in re.findall(r"(\d\d)/(\d\d)/(\d{4})", day.name_en):
                named = date(int(yyyy), int(mm), int(dd))
                assert named in (off if day.working else make_up), day
                seen += 1
    assert seen >= 12
    swap = {d.day: d for d in CAL.days_off(2019)}[date(2019, 4, 29)]
    assert swap.name_en == "Day off (in exchange for working on 04/05/2019)"


def test_a_json_changes_file_reads_like_the_csv(tmp_path):
    good = _write(
        tmp_path,
        '[{"day": "2027-02-11", "status": "off", "name": "Nghỉ", "instrument": "CV 1",'
        ' "provenance": "verified"}, {"day": "20/2/2027", "status": "working",'
        ' "name": "Làm bù", "instrument": "CV 1", "note": null}]',
        "changes.json",
    )
    days = load_calendar_changes(good)
    assert [(d.day, d.working, d.source.provenance) for d in days] == [
        (date(2027, 2, 11), False, Provenance.VERIFIED),
        (date(2027, 2, 20), True, Provenance.SUPPLIED),
    ]
    bad = _write(
        tmp_path,
        '[{"day": "2027-02-11", "status": "off", "name": "x", "instrument": "CV"},'
        ' 7, {"day": "2027-02-12", "colour": "red"}, {"day": "2027-02-13", "status": "on",'
        ' "name": "x", "instrument": "CV"}, {"status": "off", "name": "x", "instrument": "CV"}]',
        "bad.json",
    )
    found, text = problems_reported(load_calendar_changes, bad)
    assert found == [
        ("$[1]", ""),
        ("$[2]", ""),
        ("$[3]", "status"),
        ("$[4]", "day"),
    ]
    assert "unknown keys colour" in text
    with pytest.raises(InvalidInputError, match="must hold a JSON list of objects"):
        load_calendar_changes(_write(tmp_path, '{"day": "2027-02-11"}', "one.json"))


def test_a_custom_calendar_is_confirmed_unless_told_otherwise():
    from cchc_rules import InvalidTypeError, WorkingCalendar

    whole = WorkingCalendar(date(2024, 1, 1), date(2024, 12, 31))
    assert whole.confirmed_through == date(2024, 12, 31)
    part = WorkingCalendar(
        date(2024, 1, 1), date(2024, 12, 31), confirmed=(date(2023, 1, 1), date(2024, 6, 30))
    )
    assert (part.is_confirmed(date(2024, 1, 1)), part.is_confirmed(date(2024, 7, 1))) == (
        True,
        False,
    )
    for bad in ([date(2024, 1, 1), date(2024, 2, 1)], (date(2024, 1, 1),), "2024"):
        with pytest.raises(InvalidTypeError, match="confirmed must be a"):
            WorkingCalendar(date(2024, 1, 1), date(2024, 12, 31), confirmed=bad)
    with pytest.raises(InvalidTypeError, match=r"confirmed_through must be a datetime\.date"):
        WorkingCalendar(date(2024, 1, 1), date(2024, 12, 31), confirmed=(date(2024, 1, 1), 5))


def test_days_outside_the_table_come_from_holidays_with_english_names_and_its_source():
    import importlib.metadata

    from cchc_rules.bibliography import resolve

    cal = public_sector_calendar(2018, 2032)
    new_year = cal.special_days(2032)[0]
    assert (new_year.day, new_year.name_vi, new_year.name_en) == (
        date(2032, 1, 1),
        "Tết Dương lịch",
        "New Year's Day",
    )
    source = new_year.source
    expected = (
        f"holidays {importlib.metadata.version('holidays')} (holidays.VN)",
        "Bộ luật Lao động 2019, Điều 112 (2012: Điều 115)",
        resolve("holidays-package").url,  # the bibliography's entry for the package
    )
    assert (source.instrument, source.article, source.location) == expected
    assert (source.ref, source.provenance) == ("holidays-package", Provenance.UNVERIFIED)
    assert source.note == " ".join(
        [
            "outside the library's cited table (2018-2030): computed by the holidays package",
            "and not checked against the year's official notice",
        ]
    )


def test_holidays_days_pairs_a_make_up_day_with_its_day_off_across_a_new_year():
    from cchc_rules.calendar_table import holidays_days

    found = holidays_days(2019, 2019)
    assert {day.year for day, *_ in found} == {2019}
    # the make-up day of 5/1/2019 is named for its day off, 31/12/2018: the year
    # before is read to pair them
    assert (
        date(2019, 1, 5),
        True,
        "Ngày làm việc bù (cho ngày nghỉ 31/12/2018)",
        "Make-up working day (for the day off on 31/12/2018)",
        "make_up",
    ) in found
    assert (
        date(2019, 4, 29),
        False,
        "Ngày nghỉ (thay cho ngày 04/05/2019)",
        "Day off (in exchange for working on 04/05/2019)",
        "swap",
    ) in found
    assert (date(2019, 1, 1), False, "Tết Dương lịch", "New Year's Day", "holiday") in found


def test_a_changes_file_with_a_day_outside_the_range_names_the_day_and_the_range(tmp_path):
    path = _write(tmp_path, "day,status,name,instrument\n2031-01-06,off,Nghỉ,CV 1\n")
    with pytest.raises(OutOfRangeError) as caught:
        CAL.with_changes_from(path)
    assert str(caught.value).startswith(f"{path} has 1 problem:\n  row 2, day: 2031-01-06 is")
    [problem] = caught.value.problems
    assert problem.field == "day"
    assert str(problem.message).startswith(
        "2031-01-06 is outside the calendar's supported range 2018-01-01 to 2030-12-31. "
        "Extend it with public_sector_calendar("
    )


def test_an_instrument_as_a_dict_names_every_field():
    from cchc_rules.calendar_table import CalendarInstrument

    notice = CalendarInstrument(
        "CV-1", "Công văn", "1/VPCP", date(2025, 12, 25), "Văn phòng Chính phủ",
        "a swap", "https://example.vn/cv-1", Provenance.VERIFIED, "ví dụ",
    )  # fmt: skip
    assert notice.to_dict() == {
        "id": "CV-1",
        "kind": "Công văn",
        "number": "1/VPCP",
        "issued": "2025-12-25",
        "issuer": "Văn phòng Chính phủ",
        "subject": "a swap",
        "url": "https://example.vn/cv-1",
        "provenance": "verified",
        "note": "ví dụ",
    }
    schedule = CalendarInstrument(
        "LICH-1", "Lịch nghỉ", None, None, "Chính phủ", "days off", None,
        Provenance.UNVERIFIED, None,
    )  # fmt: skip
    assert schedule.to_dict() == {
        "id": "LICH-1",
        "kind": "Lịch nghỉ",
        "number": None,
        "issued": None,
        "issuer": "Chính phủ",
        "subject": "days off",
        "url": None,
        "provenance": "unverified",
        "note": None,
    }


def test_the_shipped_table_is_read_as_utf8_whatever_the_locale():
    """Under an ASCII locale (no UTF-8 mode, no locale coercion) the Vietnamese names
    of the table still read as written."""
    code = (
        "from cchc_rules.calendar_table import calendar_instruments, shipped_days;"
        "print(ascii((shipped_days()[0].name_vi, calendar_instruments()[0].kind)))"
    )
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0",
           "PYTHONPATH": os.pathsep.join(sys.path)}  # fmt: skip
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout
    from cchc_rules.calendar_table import calendar_instruments, shipped_days

    names = (shipped_days()[0].name_vi, calendar_instruments()[0].kind)
    assert not "".join(names).isascii()
    assert out.strip() == ascii(names)


def test_holidays_english_names_are_english_whatever_the_locale(monkeypatch):
    from cchc_rules.calendar_table import holidays_days

    monkeypatch.setenv("LANGUAGE", "vi")
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    found = {day: (vi, en) for day, _working, vi, en, _kind in holidays_days(2032, 2032)}
    assert found[date(2032, 1, 1)] == ("Tết Dương lịch", "New Year's Day")


def test_a_make_up_day_without_its_day_off_in_holidays_has_a_plain_name(monkeypatch):
    """Were ``holidays`` to list a make-up Saturday without the day off it pays for,
    the day is named without one."""
    from cchc_rules.calendar_table import holidays_days

    real = holidays.country_holidays

    def without_the_swap(*args, **kwargs):
        found = real(*args, **kwargs)
        found.pop(date(2019, 4, 29))  # the day off for Saturday 4/5/2019
        return found

    monkeypatch.setattr(holidays, "country_holidays", without_the_swap)
    made_up = [d for d in holidays_days(2019, 2019) if d[0] == date(2019, 5, 4)]
    assert made_up == [
        (date(2019, 5, 4), True, "Ngày làm việc bù", "Make-up working day", "make_up")
    ]
