"""Working days of the mainland China calendar: the 2026 State Council schedule and the fallback."""

from __future__ import annotations

from datetime import date

import pytest

from seller_app.domain.workdays import (
    ChinaCalendar,
    CountedDay,
    WeekdayCalendar,
    WorkCalendar,
    nth_workday_after,
    roll_to_workday,
)

CHINA = ChinaCalendar()


@pytest.mark.parametrize(
    ("day", "workday", "why"),
    [
        (date(2026, 1, 1), False, "New Year"),
        (date(2026, 1, 3), False, "New Year (Saturday)"),
        (date(2026, 1, 4), True, "Sunday make-up day for New Year"),
        (date(2026, 2, 13), True, "Friday before the Spring Festival"),
        (date(2026, 2, 14), True, "Saturday make-up day before the Spring Festival"),
        (date(2026, 2, 15), False, "Spring Festival, first day off"),
        (date(2026, 2, 16), False, "Spring Festival, Monday"),
        (date(2026, 2, 20), False, "Spring Festival, Friday"),
        (date(2026, 2, 23), False, "Spring Festival, last day off (Monday)"),
        (date(2026, 2, 24), True, "first working day after the Spring Festival"),
        (date(2026, 2, 28), True, "Saturday make-up day after the Spring Festival"),
        (date(2026, 3, 1), False, "ordinary Sunday"),
        (date(2026, 4, 6), False, "Qingming (Monday)"),
        (date(2026, 5, 5), False, "Labour Day break, Tuesday"),
        (date(2026, 5, 9), True, "Saturday make-up day for Labour Day"),
        (date(2026, 6, 19), False, "Dragon Boat (Friday)"),
        (date(2026, 9, 20), True, "Sunday make-up day before National Day"),
        (date(2026, 9, 25), False, "Mid-Autumn (Friday)"),
        (date(2026, 10, 1), False, "National Day"),
        (date(2026, 10, 7), False, "National Day break, last day (Wednesday)"),
        (date(2026, 10, 8), True, "first working day after National Day"),
        (date(2026, 10, 10), True, "Saturday make-up day after National Day"),
        (date(2026, 11, 23), True, "ordinary Monday"),
    ],
)
def test_china_calendar_2026(day: date, workday: bool, why: str) -> None:
    assert CHINA.knows(day)
    assert CHINA.is_workday(day) is workday, why


def test_china_calendar_2026_has_248_working_days() -> None:
    days = [
        date.fromordinal(n)
        for n in range(date(2026, 1, 1).toordinal(), date(2027, 1, 1).toordinal())
    ]
    assert sum(CHINA.is_workday(day) for day in days) == 248


@pytest.mark.parametrize(
    ("day", "workday"),
    [
        (date(2027, 1, 1), True),  # really New Year's Day; the fallback cannot know it
        (date(2027, 1, 2), False),  # Saturday
        (date(2027, 2, 28), False),  # Sunday
        (date(2030, 10, 1), True),  # Tuesday
        (date(2003, 12, 31), True),  # before the package's first year too
    ],
)
def test_unknown_years_fall_back_to_monday_to_friday(day: date, workday: bool) -> None:
    assert not CHINA.knows(day)
    assert CHINA.is_workday(day) is workday


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (date(2026, 2, 13), 1, CountedDay(date(2026, 2, 14))),  # make-up Saturday counts
        (date(2026, 2, 13), 2, CountedDay(date(2026, 2, 24))),  # then nine days off
        (date(2026, 2, 12), 15, CountedDay(date(2026, 3, 11))),  # Spring Festival, both make-ups
        (date(2026, 9, 18), 1, CountedDay(date(2026, 9, 20))),  # make-up Sunday
        (date(2026, 9, 30), 1, CountedDay(date(2026, 10, 8))),  # over National Day
        (date(2026, 9, 30), 3, CountedDay(date(2026, 10, 10))),  # make-up Saturday 10 Oct
        (date(2026, 9, 25), 15, CountedDay(date(2026, 10, 22))),  # Mid-Autumn + National Day
        (date(2026, 11, 20), 1, CountedDay(date(2026, 11, 23))),  # ordinary weekend
        (date(2026, 12, 30), 3, CountedDay(date(2027, 1, 4), (2027,))),  # into the unknown year
        (date(2026, 12, 20), 15, CountedDay(date(2027, 1, 8), (2027,))),
    ],
)
def test_nth_workday_after(start: date, count: int, expected: CountedDay) -> None:
    assert nth_workday_after(start, count, CHINA) == expected


def test_nth_workday_after_needs_a_positive_count() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        nth_workday_after(date(2026, 1, 5), 0, CHINA)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 23), CountedDay(date(2026, 11, 23))),  # a working day stays
        (date(2026, 2, 14), CountedDay(date(2026, 2, 14))),  # so does a make-up Saturday
        (date(2026, 11, 21), CountedDay(date(2026, 11, 23))),  # Saturday -> Monday
        (date(2026, 10, 3), CountedDay(date(2026, 10, 8))),  # National Day -> after the break
        (date(2026, 2, 15), CountedDay(date(2026, 2, 24))),  # Spring Festival -> after it
        (date(2026, 1, 1), CountedDay(date(2026, 1, 4))),  # New Year -> make-up Sunday
        (date(2027, 1, 2), CountedDay(date(2027, 1, 4), (2027,))),
        (date(2027, 3, 1), CountedDay(date(2027, 3, 1), (2027,))),
    ],
)
def test_roll_to_workday(day: date, expected: CountedDay) -> None:
    assert roll_to_workday(day, CHINA) == expected


class NoWorkdays:
    def is_workday(self, day: date) -> bool:
        return False

    def knows(self, day: date) -> bool:
        return True


def test_a_calendar_without_working_days_fails_instead_of_looping() -> None:
    calendar: WorkCalendar = NoWorkdays()
    with pytest.raises(ValueError, match="no 1 working days"):
        nth_workday_after(date(2026, 1, 1), 1, calendar)


def test_weekday_calendar_is_the_fallback_and_knows_nothing() -> None:
    calendar: WorkCalendar = WeekdayCalendar()
    assert calendar.is_workday(date(2026, 10, 1))  # Thursday, a holiday it ignores
    assert not calendar.is_workday(date(2026, 2, 14))  # Saturday, a make-up day it ignores
    assert not calendar.knows(date(2026, 10, 1))
