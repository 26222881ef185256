"""Working days of the mainland China calendar, behind one small interface.

The official calendar changes every year: the State Council publishes the next year's holidays
and make-up working days (调休, e.g. Saturday 14 Feb 2026 is a working day) each November, under
全国年节及纪念日放假办法 (2024 revision, arts. 2, 6-7). `ChinaCalendar` answers from, in order:

1. an official schedule the seller imported (`OfficialYear`, e.g. the 2027 notice once it is
   published; `install_official_years` makes them the default, see `seller_app.holiday_files`);
2. the ``chinese-calendar`` package, which carries the official schedules for 2004-2026 (1.11);
3. for any other year, the statutory holidays that are known in advance -- 元旦 (1 Jan), 春节
   (除夕 and the first three days of the first lunar month), 清明 (the Qingming solar term),
   劳动节 (1-2 May), 端午 (5/5 lunar), 中秋 (8/15 lunar), 国庆 (1-3 Oct), art. 2 -- computed
   by the maintained ``holidays`` package (no lunar tables of our own), plus weekends. The
   make-up working days and the weekday given in lieu of a holiday that falls on a weekend
   (art. 6) are not known until the notice, so such a year is "not known": `knows` is False and
   callers warn. Counting only the certain days off keeps the estimate on the early side.
   Building that list costs ~130 ms (importing ``holidays`` and computing the year), so the app
   ships it precomputed for 2027-2100 (``resources/holidays/statutory.json``): the outer layer
   (`seller_app.holiday_files`) installs a loader with `install_statutory_source`, which this
   module calls on the first need of a year (it never reads a file itself); the package answers
   for a year the loader does not hold.

Counting follows 民法典 art. 201: the start day is not counted, so "the 1st working day after
Friday 2026-10-09" is the first working day from Saturday 10 October on -- which is that Saturday,
a make-up working day.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Protocol

import chinese_calendar  # type: ignore[import-untyped]  # no type hints shipped

from .errors import CaseError

_ONE_DAY = timedelta(days=1)
_MAX_SEARCH_DAYS = 366  # no real calendar has a year without working days; a bound against bad data
FIRST_YEAR, LAST_YEAR = 2000, 2100
_MAX_RANGE_DAYS = 31  # one holiday break; a longer range is a typo


class WorkCalendar(Protocol):
    """Which days are working days, and for which days that answer is official."""

    def is_workday(self, day: date) -> bool: ...

    def knows(self, day: date) -> bool: ...


class WeekdayCalendar:
    """Monday to Friday, knowing no holidays: a plain calendar for tests."""

    def is_workday(self, day: date) -> bool:
        return day.weekday() < 5

    def knows(self, day: date) -> bool:
        return False


StatutorySource = Callable[[int], Mapping[date, str] | None]
"""A year's statutory days off as `statutory_holidays` gives them, or None if not held."""

_statutory_source: StatutorySource | None = None


def install_statutory_source(source: StatutorySource | None) -> None:
    """Answer `statutory_holidays` from `source` first (None: from the package only).

    `source(year)` is called lazily, on the first need of each year, and must give exactly what
    the package gives (``seller_app.holiday_files`` checks the version it was generated from);
    None for a year it does not hold sends that year to the package.
    """
    global _statutory_source
    _statutory_source = source
    statutory_holidays.cache_clear()


@lru_cache(maxsize=128)
def statutory_holidays(year: int) -> Mapping[date, str]:
    """The days off of `year` known before its notice (art. 2), with their Chinese names.

    From ``holidays.China(observed=False)``: the statutory days only, never the weekday given in
    lieu of one that falls on a weekend. For a year the package has official data for, its
    days off from that notice are included too. The installed source (`install_statutory_source`)
    answers first: the same figures, precomputed.
    """
    source = _statutory_source
    if source is not None:
        held = source(year)
        if held is not None:
            return dict(held)
    return package_statutory_holidays(year)


def package_statutory_holidays(year: int) -> dict[date, str]:
    """`statutory_holidays` as the ``holidays`` package computes it (the generator's source)."""
    import holidays  # ~60 ms to import, ~70 ms a year: only for a year no source holds

    found = holidays.country_holidays("CN", years=year, observed=False, language="zh_CN")
    return {day: str(name) for day, name in found.items() if day.year == year}


class StatutoryCalendar:
    """Weekends and the statutory holidays (`statutory_holidays`): the best guess for a year
    whose notice is not out. `knows` is False for every day: the make-up days are missing."""

    def is_workday(self, day: date) -> bool:
        return day.weekday() < 5 and day not in statutory_holidays(day.year)

    def knows(self, day: date) -> bool:
        return False


# --------------------------------------------------------------------------- official schedules


@dataclass(frozen=True)
class OfficialYear:
    """One year's official schedule (the State Council notice): every day off of its holiday
    breaks (weekends inside them included) and the make-up working days. A notice may reach into
    the December before (元旦 2019 ran 30 Dec 2018 - 1 Jan 2019), so those days belong to it."""

    year: int
    days_off: frozenset[date]
    workdays: frozenset[date]
    source: str = ""

    def covers(self, day: date) -> bool:
        return day.year == self.year or day in self.days_off or day in self.workdays

    def is_workday(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.days_off:
            return False
        return day.weekday() < 5


_KEYS = frozenset({"year", "source", "days_off", "workdays"})


def _day(value: object, field: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise CaseError(field, "bad_date", value=value)


def _days(values: object, field: str, year: int) -> list[date]:
    """Dates and ranges (``"2027-02-05..2027-02-11"``), each inside the notice's reach."""
    if not isinstance(values, list):
        raise CaseError(field, "not_a_list")
    first, last = date(year - 1, 12, 1), date(year, 12, 31)
    days: list[date] = []
    for index, item in enumerate(values):
        where = f"{field}[{index}]"
        if isinstance(item, str) and ".." in item:
            start_text, _, end_text = item.partition("..")
            start, end = _day(start_text, where), _day(end_text, where)
            if end < start or (end - start).days >= _MAX_RANGE_DAYS:
                raise CaseError(where, "bad_date_range", value=item, limit=_MAX_RANGE_DAYS)
        else:
            start = end = _day(item, where)
        if start < first or end > last:
            raise CaseError(where, "date_outside_year", value=item, year=year)
        day = start
        while day <= end:
            days.append(day)
            day += _ONE_DAY
    return days


def official_year_from_data(data: Mapping[str, Any]) -> OfficialYear:
    """Validate one year's schedule as the data file has it (see docs/holidays.md); raise
    `CaseError` naming the entry that is wrong.

    Checks: known keys; `year` in 2000-2100; dates (or ``A..B`` ranges) from the December before
    to the end of the year; make-up working days on a Saturday or Sunday; no day both off and
    working; and every statutory holiday of the year among the days off -- a file that misses
    one is for another year, or mistyped.
    """
    if not isinstance(data, Mapping):
        raise CaseError("schedule", "not_an_object")
    for key in data:
        if key not in _KEYS:
            raise CaseError(str(key), "unknown_key", key=key)
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int):
        raise CaseError("year", "required" if year is None else "bad_year", value=year)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CaseError("year", "bad_year", value=year)
    source = data.get("source", "")
    if not isinstance(source, str):
        raise CaseError("source", "not_a_string", value=source)
    if "days_off" not in data:
        raise CaseError("days_off", "required")
    days_off = _days(data["days_off"], "days_off", year)
    workdays = _days(data.get("workdays", []), "workdays", year)
    for index, day in enumerate(workdays):
        if day.weekday() < 5:
            raise CaseError(f"workdays[{index}]", "workday_not_weekend", value=day.isoformat())
        if day in days_off:
            raise CaseError(f"workdays[{index}]", "day_off_and_workday", value=day.isoformat())
    off = frozenset(days_off)
    for day, name in sorted(statutory_holidays(year).items()):
        if day not in off:
            raise CaseError("days_off", "statutory_missing", value=day.isoformat(), name=name)
    return OfficialYear(year, off, frozenset(workdays), source.strip())


def official_year_to_data(official: OfficialYear) -> dict[str, Any]:
    """The schedule as the data file writes it: consecutive days off as ``A..B`` ranges."""
    ranges: list[str] = []
    runs: list[list[date]] = []
    for day in sorted(official.days_off):
        if runs and day - runs[-1][-1] == _ONE_DAY:
            runs[-1].append(day)
        else:
            runs.append([day])
    for run in runs:
        ranges.append(run[0].isoformat() if len(run) == 1 else f"{run[0]}..{run[-1]}")
    data: dict[str, Any] = {"year": official.year}
    if official.source:
        data["source"] = official.source
    data["days_off"] = ranges
    data["workdays"] = [day.isoformat() for day in sorted(official.workdays)]
    return data


_installed: dict[int, OfficialYear] = {}


def install_official_years(years: Iterable[OfficialYear]) -> None:
    """Make these schedules (replacing any installed before) what a default `ChinaCalendar`
    uses. Called once at start-up with the seller's imported files."""
    global _installed
    _installed = {official.year: official for official in years}  # one rebinding: atomic


def installed_official_years() -> tuple[OfficialYear, ...]:
    return tuple(_installed[year] for year in sorted(_installed))


class ChinaCalendar:
    """Imported official schedules, then ``chinese-calendar``, then the statutory holidays.

    `official`: the imported schedules by year; None uses the installed ones.
    """

    def __init__(self, official: Mapping[int, OfficialYear] | None = None) -> None:
        self._official = official
        self._fallback = StatutoryCalendar()

    def _schedule_for(self, day: date) -> OfficialYear | None:
        official = _installed if self._official is None else self._official
        for year in (day.year, day.year + 1):  # a December day may belong to next year's notice
            found = official.get(year)
            if found is not None and found.covers(day):
                return found
        return None

    def knows(self, day: date) -> bool:
        if self._schedule_for(day) is not None:
            return True
        try:
            chinese_calendar.is_workday(day)
        except NotImplementedError:
            return False
        return True

    def is_workday(self, day: date) -> bool:
        official = self._schedule_for(day)
        if official is not None:
            return official.is_workday(day)
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            return self._fallback.is_workday(day)


# --------------------------------------------------------------------------- counting


@dataclass(frozen=True)
class CountedDay:
    """A day found by counting, with the years whose official holiday list was missing."""

    day: date
    unknown_years: tuple[int, ...] = ()


class _Counter:
    """Asks a calendar about days and remembers the years it could only guess."""

    def __init__(self, calendar: WorkCalendar) -> None:
        self.calendar = calendar
        self.unknown: set[int] = set()

    def is_workday(self, day: date) -> bool:
        if not self.calendar.knows(day):
            self.unknown.add(day.year)
        return self.calendar.is_workday(day)

    def result(self, day: date) -> CountedDay:
        return CountedDay(day, tuple(sorted(self.unknown)))


def nth_workday_after(start: date, count: int, calendar: WorkCalendar) -> CountedDay:
    """The `count`-th working day after `start` (start not counted; `count` >= 1).

    Example (2026 Spring Festival, off 15-23 Feb, make-up Sat 14 and Sat 28 Feb): the 1st working
    day after Friday 13 Feb is Saturday 14 Feb; the 2nd is Tuesday 24 Feb. In 2027, without the
    notice: the 1st working day after Thursday 4 Feb is Tuesday 9 Feb (除夕 5 Feb, 初一-初三
    6-8 Feb), with 2027 reported as unknown.
    """
    if count < 1:
        raise ValueError(f"count must be at least 1, got {count}")
    counter = _Counter(calendar)
    day = start
    found = 0
    for _ in range(count * _MAX_SEARCH_DAYS):
        day += _ONE_DAY
        if counter.is_workday(day):
            found += 1
            if found == count:
                return counter.result(day)
    raise ValueError(f"no {count} working days after {start} in this calendar")


def roll_to_workday(day: date, calendar: WorkCalendar) -> CountedDay:
    """`day` if it is a working day, else the first working day after it (民法典 art. 203)."""
    counter = _Counter(calendar)
    if counter.is_workday(day):
        return counter.result(day)
    later = nth_workday_after(day, 1, calendar)
    years = sorted(counter.unknown | set(later.unknown_years))
    return CountedDay(later.day, tuple(years))


__all__ = [
    "ChinaCalendar",
    "CountedDay",
    "OfficialYear",
    "StatutoryCalendar",
    "StatutorySource",
    "WeekdayCalendar",
    "WorkCalendar",
    "install_official_years",
    "install_statutory_source",
    "installed_official_years",
    "nth_workday_after",
    "official_year_from_data",
    "official_year_to_data",
    "package_statutory_holidays",
    "roll_to_workday",
    "statutory_holidays",
]
