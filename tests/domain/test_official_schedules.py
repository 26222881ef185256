"""Official holiday schedules as data: validated, and preferred to the statutory estimate."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import chinese_calendar  # type: ignore[import-untyped]
import pytest

from seller_app.domain.errors import CaseError
from seller_app.domain.workdays import (
    ChinaCalendar,
    CountedDay,
    OfficialYear,
    install_official_years,
    installed_official_years,
    nth_workday_after,
    official_year_from_data,
    official_year_to_data,
    roll_to_workday,
    statutory_holidays,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "holidays" / "2026.toml"


def example() -> dict[str, Any]:
    with EXAMPLE.open("rb") as handle:
        return tomllib.load(handle)


def days_of(year: int) -> list[date]:
    start = date(year, 1, 1)
    return [start + timedelta(days=n) for n in range((date(year + 1, 1, 1) - start).days)]


def test_the_2026_example_agrees_with_chinese_calendar_every_day() -> None:
    official = official_year_from_data(example())
    assert official.year == 2026 and "2026" in official.source
    differing = [
        day for day in days_of(2026) if official.is_workday(day) != chinese_calendar.is_workday(day)
    ]
    assert differing == []
    assert official_year_from_data(official_year_to_data(official)) == official


# A plausible 2027 notice, to show an imported year replacing the estimate.
NOTICE_2027: dict[str, Any] = {
    "year": 2027,
    "days_off": [
        "2027-01-01..2027-01-03",
        "2027-02-05..2027-02-12",
        "2027-04-03..2027-04-05",
        "2027-05-01..2027-05-05",
        "2027-06-09",
        "2027-09-15",
        "2027-10-01..2027-10-07",
    ],
    "workdays": ["2027-02-20", "2027-09-26", "2027-10-09"],
}


def test_an_imported_year_is_official_and_replaces_the_estimate() -> None:
    official = official_year_from_data(NOTICE_2027)
    estimate = ChinaCalendar({})
    imported = ChinaCalendar({2027: official})
    assert not estimate.knows(date(2027, 2, 10)) and imported.knows(date(2027, 2, 10))
    assert estimate.is_workday(date(2027, 2, 10)) and not imported.is_workday(date(2027, 2, 10))
    assert imported.is_workday(date(2027, 2, 20))  # a make-up Saturday
    assert nth_workday_after(date(2027, 2, 4), 1, imported) == CountedDay(date(2027, 2, 15))
    assert roll_to_workday(date(2027, 10, 2), imported) == CountedDay(date(2027, 10, 8))
    assert roll_to_workday(date(2027, 10, 2), estimate).unknown_years == (2027,)


def test_installed_years_are_what_the_default_calendar_uses() -> None:
    official = official_year_from_data(NOTICE_2027)
    assert not ChinaCalendar().knows(date(2027, 3, 1))
    install_official_years([official])
    assert installed_official_years() == (official,)
    assert ChinaCalendar().knows(date(2027, 3, 1))
    install_official_years(())
    assert not ChinaCalendar().knows(date(2027, 3, 1))


def test_a_notice_reaching_into_december_covers_those_days() -> None:
    """元旦 2019 ran 30 Dec 2018 - 1 Jan 2019 with Saturday 29 Dec 2018 worked."""
    data = {"year": 2031, "days_off": ["2030-12-30..2031-01-01"], "workdays": ["2030-12-28"]}
    data["days_off"] += [day.isoformat() for day in statutory_holidays(2031)]
    official = official_year_from_data(data)
    calendar = ChinaCalendar({2031: official})
    assert calendar.knows(date(2030, 12, 30)) and not calendar.is_workday(date(2030, 12, 30))
    assert calendar.is_workday(date(2030, 12, 28))
    assert not calendar.knows(date(2030, 12, 15))  # the rest of 2030 is still an estimate


def with_(**changes: Any) -> dict[str, Any]:
    data = dict(NOTICE_2027)
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        (with_(year=None), "year", "required"),
        (with_(year="2027"), "year", "bad_year"),
        (with_(year=1999), "year", "bad_year"),
        (with_(year=True), "year", "bad_year"),
        (with_(days_off=None), "days_off", "required"),
        (with_(days_off="2027-01-01"), "days_off", "not_a_list"),
        (with_(days_off=["2027-13-01"]), "days_off[0]", "bad_date"),
        (with_(days_off=[20270101]), "days_off[0]", "bad_date"),
        (with_(days_off=["2027-02-12..2027-02-05"]), "days_off[0]", "bad_date_range"),
        (with_(days_off=["2027-01-01..2027-03-01"]), "days_off[0]", "bad_date_range"),
        (with_(days_off=["2028-01-01"]), "days_off[0]", "date_outside_year"),
        (with_(days_off=["2026-11-30"]), "days_off[0]", "date_outside_year"),
        (with_(workdays=["2027-02-22"]), "workdays[0]", "workday_not_weekend"),
        (with_(workdays=["2027-02-06"]), "workdays[0]", "day_off_and_workday"),
        (with_(days_off=NOTICE_2027["days_off"][1:]), "days_off", "statutory_missing"),
        (with_(source=5), "source", "not_a_string"),
        (with_(note="x"), "note", "unknown_key"),
        ([1, 2], "schedule", "not_an_object"),
    ],
)
def test_a_wrong_schedule_is_refused_naming_the_entry(data: Any, field: str, code: str) -> None:
    with pytest.raises(CaseError) as error:
        official_year_from_data(data)
    assert (error.value.field, error.value.code) == (field, code)


def test_a_schedule_for_the_wrong_year_is_caught_by_its_statutory_days() -> None:
    """The 2026 dates labelled 2027 fail: 2027's 除夕 (5 Feb) is not among them."""
    shifted = example()
    shifted["year"] = 2027
    shifted["days_off"] = [text.replace("2026", "2027") for text in shifted["days_off"]]
    shifted["workdays"] = []
    with pytest.raises(CaseError) as error:
        official_year_from_data(shifted)
    assert error.value.code == "statutory_missing"
    assert error.value.params["value"] == "2027-02-05"


def test_official_year_is_a_plain_value() -> None:
    official = OfficialYear(2027, frozenset({date(2027, 1, 1)}), frozenset())
    assert official.covers(date(2027, 6, 1)) and not official.covers(date(2026, 6, 1))
