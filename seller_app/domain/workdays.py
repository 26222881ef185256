"""Working days of the mainland China calendar, behind one small interface.

The official calendar changes every year: the State Council publishes the next year's statutory
holidays and make-up working days (调休, e.g. Saturday 14 Feb 2026 is a working day) each November,
under 全国年节及纪念日放假办法 (2024 revision, arts. 6-7). `ChinaCalendar` reads them from the
``chinese-calendar`` package, which covers 2004-2026 in version 1.11. For a year it does not know it
falls back to Monday-Friday and says so through `WorkCalendar.knows`, so callers can warn; it never
raises. A newer data source only has to provide ``is_workday`` and ``knows``.

Counting follows 民法典 art. 201: the start day is not counted, so "the 1st working day after
Friday 2026-10-09" is the first working day from Saturday 10 October on -- which is that Saturday,
a make-up working day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

import chinese_calendar  # type: ignore[import-untyped]  # no type hints shipped

_ONE_DAY = timedelta(days=1)
_MAX_SEARCH_DAYS = 366  # no real calendar has a year without working days; a bound against bad data


class WorkCalendar(Protocol):
    """Which days are working days, and for which days that answer is official."""

    def is_workday(self, day: date) -> bool: ...

    def knows(self, day: date) -> bool: ...


class WeekdayCalendar:
    """Monday to Friday, knowing no holidays: the fallback, and a plain calendar for tests."""

    def is_workday(self, day: date) -> bool:
        return day.weekday() < 5

    def knows(self, day: date) -> bool:
        return False


class ChinaCalendar:
    """Holidays and 调休 make-up days from ``chinese-calendar``; Monday-Friday beyond its years."""

    def __init__(self) -> None:
        self._fallback = WeekdayCalendar()

    def knows(self, day: date) -> bool:
        try:
            chinese_calendar.is_workday(day)
        except NotImplementedError:
            return False
        return True

    def is_workday(self, day: date) -> bool:
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            return self._fallback.is_workday(day)


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
    day after Friday 13 Feb is Saturday 14 Feb; the 2nd is Tuesday 24 Feb.
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
    "WeekdayCalendar",
    "WorkCalendar",
    "nth_workday_after",
    "roll_to_workday",
]
