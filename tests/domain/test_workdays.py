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
    statutory_holidays,
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
    ("day", "workday", "why"),
    [
        (date(2027, 1, 1), False, "元旦, statutory (Friday)"),
        (date(2027, 1, 2), False, "Saturday"),
        (date(2027, 2, 4), True, "Thursday before the Spring Festival"),
        (date(2027, 2, 5), False, "除夕 (Friday), statutory since 2025"),
        (date(2027, 2, 8), False, "初三 (Monday)"),
        (date(2027, 2, 9), True, "Tuesday: the day in lieu of 初一 on Saturday is not known yet"),
        (date(2027, 2, 28), False, "Sunday"),
        (date(2027, 4, 5), False, "清明 (Monday), the solar term"),
        (date(2027, 5, 1), False, "劳动节 (Saturday)"),
        (date(2027, 5, 3), True, "Monday after Labour Day: any day in lieu is unknown"),
        (date(2027, 6, 9), False, "端午 (Wednesday), 5/5 lunar"),
        (date(2027, 9, 15), False, "中秋 (Wednesday), 8/15 lunar"),
        (date(2027, 10, 1), False, "国庆"),
        (date(2027, 10, 4), True, "Monday after the three statutory days"),
        (date(2030, 10, 1), False, "国庆 2030"),
        (date(2030, 10, 8), True, "Tuesday"),
        (date(2003, 12, 31), True, "before the package's first year: an ordinary Wednesday"),
    ],
)
def test_unknown_years_count_weekends_and_statutory_holidays(
    day: date, workday: bool, why: str
) -> None:
    assert not CHINA.knows(day)
    assert CHINA.is_workday(day) is workday, why


def test_2027_has_the_thirteen_statutory_days_off() -> None:
    """全国年节及纪念日放假办法 (2024) art. 2: 13 days, computed, not typed in."""
    days = statutory_holidays(2027)
    assert len(days) == 13
    assert days[date(2027, 2, 5)] == "农历除夕"
    assert days[date(2027, 4, 5)] == "清明节"


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
        # Into a year without its notice: 1 Jan 2027 (Friday) is off, then the weekend.
        (date(2026, 12, 30), 3, CountedDay(date(2027, 1, 5), (2027,))),
        (date(2026, 12, 20), 15, CountedDay(date(2027, 1, 11), (2027,))),
        # 除夕 and 初一-初三 2027 (5-8 Feb) are skipped; 9 Feb is the first working day.
        (date(2027, 2, 4), 1, CountedDay(date(2027, 2, 9), (2027,))),
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


def test_weekday_calendar_knows_nothing() -> None:
    calendar: WorkCalendar = WeekdayCalendar()
    assert calendar.is_workday(date(2026, 10, 1))  # Thursday, a holiday it ignores
    assert not calendar.is_workday(date(2026, 2, 14))  # Saturday, a make-up day it ignores
    assert not calendar.knows(date(2026, 10, 1))
