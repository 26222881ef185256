"""Times as tracking pages print them, read into aware datetimes (Asia/Shanghai).

Forms seen on couriers' apps and pages and on Taobao's 物流详情, with what OCR makes of them:

=========================  ======================================================
``2026-11-13 14:22:08``    full date and time; ``/`` ``.`` ``年月日`` as separators
``2026-11-1314:22:08``     OCR dropped the space: day and hour run together
``11-13 14:22``            no year: the latest such day not after the reference
``11月13日 14:22``
``今天 14:22`` ``昨天 09:05`` ``前天``  relative to the reference date
``周五 14:22`` ``星期四``  the latest such weekday on or before the reference date
``上周五 14:22``           that weekday in the week before the reference's
``下午2:22`` ``晚上8:30``  a 12-hour clock with its part of the day (``2:22 PM`` too)
``14时22分`` ``14点22分08秒``  hours and minutes in words (``14点22``)
``11-13`` over ``14:22``   date and time as two boxes (`join_date_time`)
=========================  ======================================================

The reference moment is injected (the clock is never read here). A day and hour run together
("1314") are split as day 13, hour 14; three digits ("314") try a one-digit day first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")

# Full-width and look-alike characters OCR returns inside times.
_NORMALISE = str.maketrans(
    {"：": ":", "－": "-", "—": "-", "–": "-", "／": "/", "．": ".", "　": " ", "∶": ":"}
)
_RELATIVE = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2}

_SEP = r"\s*[-/.]\s*"
# The part of the day before a 12-hour clock ("下午2:22") and the hours it moves by 12: hours
# below the number given get 12 added (下午2:22 is 14:22, 中午11:50 stays, 中午1:10 is 13:10);
# 0 means the morning, where 12 is the hour after midnight (凌晨12:30 is 00:30).
_PERIODS = {
    "凌晨": 0,
    "半夜": 0,
    "午夜": 0,
    "早上": 0,
    "早晨": 0,
    "清晨": 0,
    "上午": 0,
    "AM": 0,
    "中午": 10,
    "午间": 10,
    "下午": 12,
    "傍晚": 12,
    "晚上": 12,
    "晚间": 12,
    "夜间": 12,
    "夜里": 12,
    "PM": 12,
}
_PERIOD_WORDS = "|".join(p for p in _PERIODS if not p.isascii())
_PERIOD = r"(?:(?P<p>" + _PERIOD_WORDS + r")\s*)?"
_AMPM = r"(?:\s*(?P<ap>[AaPp]\.?[Mm]\.?)(?![A-Za-z]))?"
# minutes after ":" or "时"/"点" ("14时22分", "14点22"), seconds after ":" or "分" ("22分08秒")
_MINUTES = r"(?P<M>\d{2})(?:\s*(?::|分)\s*(?P<S>\d{2})\s*秒?|\s*分)?" + _AMPM
_CLOCK = _PERIOD + r"(?P<H>\d{1,2})\s*(?::|时|点)\s*" + _MINUTES
# day and hour: "13 14", "13日14", "13日 14", with a weekday between ("13日 周五 14"), with the
# part of the day ("13日下午2", "13 下午 2"), or run together "1314"
_WEEKDAY = r"(?:[(（]?(?:周|星期|礼拜)[一二三四五六日天][)）]?\s*)?"
_DAY_HOUR = (
    r"(?:(?P<d>\d{1,2})(?:\s*日\s*|\s+|(?="
    + _PERIOD_WORDS
    + r"))"
    + _WEEKDAY
    + _PERIOD
    + r"(?P<H>\d{1,2})|(?P<dh>\d{3,4}))"
)
_CLOCK_AFTER_DAY = r"\s*(?::|时|点)\s*" + _MINUTES

_FULL = re.compile(
    r"(?<!\d)(?P<y>20\d{2})(?:"
    + _SEP
    + r"|\s*年\s*)(?P<m>\d{1,2})(?:"
    + _SEP
    + r"|\s*月\s*)"
    + _DAY_HOUR
    + _CLOCK_AFTER_DAY
    + r"(?!\d)"
)
_MONTH_DAY = re.compile(
    # "11.13 14:22" too: a dot between month and day only where a clock time follows
    r"(?<![\d:.])(?P<m>\d{1,2})(?:\s*[-/.]\s*|\s*月\s*)" + _DAY_HOUR + _CLOCK_AFTER_DAY + r"(?!\d)"
)
_RELATIVE_TIME = re.compile(r"(?P<rel>今天|今日|昨天|昨日|前天)\s*" + _WEEKDAY + _CLOCK + r"(?!\d)")
_FULL_DATE = re.compile(
    r"(?<!\d)(?P<y>20\d{2})(?:" + _SEP + r"|\s*年\s*)(?P<m>\d{1,2})(?:" + _SEP + r"|\s*月\s*)"
    r"(?P<d>\d{1,2})\s*日?(?![\d:])"
)
_SHORT_DATE = re.compile(
    r"(?<![\d.:/-])(?P<m>\d{1,2})(?:\s*[-/]\s*|\s*月\s*)(?P<d>\d{1,2})\s*日?(?![\d:]|\s*[-/]\s*\d)"
)
_RELATIVE_DATE = re.compile(r"(?P<rel>今天|今日|昨天|昨日|前天)")
# A weekday standing for a day of the past week (apps print "周五 14:22" for the last few days).
# Not a range of opening hours: "周一至周五 9:00-18:00" names no day.
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_RANGE_MARKS = r"[至到~～\-—]"
_RANGE = r"\s*" + _RANGE_MARKS + r"\s*"
# Nor the weekday printed beside a date ("11-13（周五）", "今天 周六") or a schedule ("每周五").
_BESIDE = r"(?<![\d日天每])(?<![\d日天]\s)(?<![\d日天][(（])(?<![\d日天]\s[(（])"
_WEEKDAY_NAME = (
    _BESIDE
    + f"(?<!{_RANGE_MARKS})(?<!{_RANGE_MARKS}\\s)"
    + r"(?P<last>上)?(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])"
    + r"(?!"
    + _RANGE
    + r"(?:周|星期|礼拜)?[一二三四五六日天])"
)
_WEEKDAY_TIME = re.compile(_WEEKDAY_NAME + r"[)）]?\s*" + _CLOCK + r"(?![\d:])")
_WEEKDAY_DATE = re.compile(_WEEKDAY_NAME + r"(?![\d:])")
_TIME_ONLY = re.compile(r"(?<![\d:])" + _CLOCK + r"(?![\d:])")


def normalise(text: str) -> str:
    return text.translate(_NORMALISE)


@dataclass(frozen=True)
class Found:
    """A time found in a line: the moment, or a date or clock time alone (to be joined)."""

    start: int
    end: int
    at: datetime | None = None
    day: date | None = None
    clock: time | None = None


def _day_hour(match: re.Match[str]) -> list[tuple[int, int]]:
    if match.group("dh") is None:
        return [(int(match.group("d")), int(match.group("H")))]
    digits = match.group("dh")
    if len(digits) == 4:
        return [(int(digits[:2]), int(digits[2:]))]
    return [(int(digits[:1]), int(digits[1:])), (int(digits[:2]), int(digits[2:]))]


def _clock(hour: int, match: re.Match[str]) -> time | None:
    minute, second = int(match.group("M")), int(match.group("S") or 0)
    groups = match.groupdict()
    period = groups.get("p") or (groups.get("ap") or "").replace(".", "").upper() or None
    if period is not None and hour <= 12:  # "下午14:22": a 24-hour clock, its period aside
        below = _PERIODS[period]
        if below == 0:
            hour = 0 if hour == 12 else hour
        elif hour < below:
            hour += 12
    return _plain(hour, minute, second)


def _plain(hour: int, minute: int, second: int) -> time | None:
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, reference: datetime) -> date | None:
    """The latest month-day not after the reference day (a page shows past events)."""
    for year in (reference.year, reference.year - 1):
        found = _make_date(year, month, day)
        if found is not None and found <= reference.date() + timedelta(days=1):
            return found
    return None


def _weekday(match: re.Match[str], reference: datetime) -> date:
    """The day a weekday names: the latest one on or before the reference date, or with 上 that
    weekday in the calendar week before the reference's (weeks begin on Monday)."""
    weekday, today = _WEEKDAYS[match.group("wd")], reference.date()
    if match.group("last"):
        return today - timedelta(days=today.weekday() + 7 - weekday)
    return today - timedelta(days=(today.weekday() - weekday) % 7)


def _aware(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=SHANGHAI)


def _full(match: re.Match[str], reference: datetime) -> datetime | None:
    for day_number, hour in _day_hour(match):
        clock = _clock(hour, match)
        if "y" in match.re.groupindex:
            day = _make_date(int(match.group("y")), int(match.group("m")), day_number)
        else:
            day = _year_for(int(match.group("m")), day_number, reference)
        if day is not None and clock is not None:
            return _aware(day, clock)
    return None


def find_times(text: str, reference: datetime) -> list[Found]:
    """Every time in `text` (normalised), left to right, without overlaps: full moments first,
    then dates and clock times standing alone."""
    line = normalise(text)
    reference = reference.astimezone(SHANGHAI)
    found: list[Found] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(item: Found) -> None:
        found.append(item)
        taken.append((item.start, item.end))

    for pattern in (_FULL, _MONTH_DAY):
        for match in pattern.finditer(line):
            if free(*match.span()):
                moment = _full(match, reference)
                if moment is not None:
                    add(Found(*match.span(), at=moment))
    for match in _RELATIVE_TIME.finditer(line):
        clock = _clock(int(match.group("H")), match)
        if clock is not None and free(*match.span()):
            today = reference.date() - timedelta(days=_RELATIVE[match.group("rel")])
            add(Found(*match.span(), at=_aware(today, clock)))
    for match in _WEEKDAY_TIME.finditer(line):
        clock = _clock(int(match.group("H")), match)
        if clock is not None and free(*match.span()):
            add(Found(*match.span(), at=_aware(_weekday(match, reference), clock)))
    for match in _FULL_DATE.finditer(line):
        day: date | None = _make_date(
            int(match.group("y")), int(match.group("m")), int(match.group("d"))
        )
        if day is not None and free(*match.span()):
            add(Found(*match.span(), day=day))
    for match in _SHORT_DATE.finditer(line):
        day = _year_for(int(match.group("m")), int(match.group("d")), reference)
        if day is not None and free(*match.span()):
            add(Found(*match.span(), day=day))
    for match in _RELATIVE_DATE.finditer(line):
        if free(*match.span()):
            relative = reference.date() - timedelta(days=_RELATIVE[match.group("rel")])
            add(Found(*match.span(), day=relative))
    for match in _WEEKDAY_DATE.finditer(line):
        if free(*match.span()):
            add(Found(*match.span(), day=_weekday(match, reference)))
    for match in _TIME_ONLY.finditer(line):
        clock = _clock(int(match.group("H")), match)
        if clock is not None and free(*match.span()):
            add(Found(*match.span(), clock=clock))
    return sorted(found, key=lambda item: item.start)


def join_date_time(day: date, clock: time) -> datetime:
    return _aware(day, clock)


# --------------------------------------------------------------------------- the screenshot's date

# What a screenshot says of when it was taken: EXIF's "2026:11:14 15:30:12", PNG's "Creation
# Time", and the names phones and desktops give screenshots ("Screenshot_20261114-153012.png",
# "Screenshot 2026-11-14 at 15.30.12.png", "截屏2026-11-14 15.30.12.png", "屏幕截图 2026-11-14
# 153012.png", "IMG_20261114_153012.jpg"). Not a chat app's saved name (微信图片_...): that is
# when it was received. The phone's wall clock is kept as it is (its "今天" is that day).
_STAMP = re.compile(
    r"(?<!\d)(?P<y>20\d{2})[-:_./年]?(?P<m>[01]\d)[-:_./月]?(?P<d>[0-3]\d)日?"
    r"(?:[\sT_\-]*(?:at\s*)?(?P<H>[0-2]\d)[-:_.时]?(?P<M>[0-5]\d)(?:[-:_.分]?(?P<S>[0-5]\d))?)?"
    r"(?!\d)"
)
_SHOT_NAME = re.compile(r"screenshot|screen\s*shot|截屏|截图|屏幕截图|^img[_-]", re.I)


def captured_at(stamp: str | None, name: str = "") -> datetime | None:
    """When a screenshot was taken, from its metadata's `stamp`, else from its file `name` when
    that is a screenshot's or camera's name with a date; None when neither says. A date without
    a time is taken as the end of that day. Only reads what is written: the caller decides
    whether to trust it (a phone's clock can be wrong)."""
    for text, named in ((stamp or "", False), (name, True)):
        if named and not _SHOT_NAME.search(text):
            continue
        match = _STAMP.search(text)
        if match is None:
            continue
        day = _make_date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        if day is None:
            continue
        if match.group("H") is None:
            clock: time | None = time(23, 59, 59)
        else:
            clock = _plain(int(match.group("H")), int(match.group("M")), int(match.group("S") or 0))
        if clock is not None:
            return _aware(day, clock)
    return None
