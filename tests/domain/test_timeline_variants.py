"""The parser on the wordings the third probe round added, as text lines (no OCR): 12-hour clocks
with their part of the day, hours and minutes in words, relative days against the injected
reference, and signers stated without "签收人" (left at the door, taken in by someone, a locker or
station, a proof of delivery's "本人签收", a label that is not a person)."""

from __future__ import annotations

from datetime import datetime

import pytest

from seller_app import paths
from seller_app.domain.case import SHANGHAI
from seller_app.domain.catalog import Catalog
from seller_app.domain.timeline import OcrLine, parse_page, read_signer
from seller_app.domain.timeline_dates import find_times
from seller_app.domain.timeline_rules import EventKind, TimelineRules

RULES = TimelineRules.load(paths.resources_dir())
CARRIERS = Catalog.load(paths.resources_dir()).carriers
REF = datetime(2026, 11, 21, 10, 0, tzinfo=SHANGHAI)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


# --------------------------------------------------------------------------- times

MOMENTS = [
    ("11-13 下午2:22", "2026-11-13T14:22"),
    ("11-13下午2:22", "2026-11-13T14:22"),  # OCR dropped the space
    ("11月13日 上午9:05", "2026-11-13T09:05"),
    ("11月13日 晚上8:30", "2026-11-13T20:30"),
    ("11月13日(周五) 下午2:22", "2026-11-13T14:22"),
    ("2026-11-13 下午2:22:08", "2026-11-13T14:22:08"),
    ("2026/11/13 傍晚6:05", "2026-11-13T18:05"),
    ("11-13 中午12:10", "2026-11-13T12:10"),
    ("11-13 中午1:10", "2026-11-13T13:10"),
    ("11-13 凌晨0:30", "2026-11-13T00:30"),
    ("11-13 凌晨12:30", "2026-11-13T00:30"),
    ("11-13 下午12:30", "2026-11-13T12:30"),
    ("11-13 下午14:22", "2026-11-13T14:22"),  # a 24-hour clock with its period anyway
    ("11-13 2:22 PM", "2026-11-13T14:22"),
    ("11-13 9:05AM", "2026-11-13T09:05"),
    ("11月13日 14时22分", "2026-11-13T14:22"),
    ("11月13日14时22分08秒", "2026-11-13T14:22:08"),
    ("11-13 14点22分", "2026-11-13T14:22"),
    ("11-13 14点22", "2026-11-13T14:22"),
    ("2026年11月13日 14:22", "2026-11-13T14:22"),
    ("2026年11月13日 14:22:08", "2026-11-13T14:22:08"),
    ("2026年11月13日14时22分", "2026-11-13T14:22"),
    ("2026年11月13日 下午2点22分", "2026-11-13T14:22"),
    ("今天 下午2:22", "2026-11-21T14:22"),
    ("今天14:22", "2026-11-21T14:22"),
    ("昨天 晚上8:30", "2026-11-20T20:30"),
    ("昨天 14时22分", "2026-11-20T14:22"),
    ("前天 上午9:05:33", "2026-11-19T09:05:33"),
    ("前天 09:05", "2026-11-19T09:05"),
]


@pytest.mark.parametrize(("text", "expected"), MOMENTS)
def test_a_moment_in_every_form(text: str, expected: str) -> None:
    [found] = find_times(text, REF)
    assert found.at == at(expected)


@pytest.mark.parametrize(
    ("text", "hour", "minute"),
    [("下午2:22", 14, 22), ("上午9:05", 9, 5), ("晚上8:30", 20, 30), ("14时22分", 14, 22),
     ("14点22分", 14, 22), ("中午11:50", 11, 50), ("夜里11:05", 23, 5)],
)  # fmt: skip
def test_a_clock_time_alone(text: str, hour: int, minute: int) -> None:
    [found] = find_times(text, REF)
    assert found.clock is not None and (found.clock.hour, found.clock.minute) == (hour, minute)


@pytest.mark.parametrize("text", ["3栋12点", "24小时营业", "下午", "14点", "第2时段", "12点半"])
def test_no_time_in_words_that_only_look_like_one(text: str) -> None:
    assert [f for f in find_times(text, REF) if f.at or f.clock] == []


def test_relative_days_count_from_the_reference_passed_in() -> None:
    """ "昨天" is the day before the screenshot's own date: the reference the caller injects."""
    lines = ["顺丰速运 SF1234567890123", "昨天 下午2:22", "[深圳市]快件已签收，签收人：门卫"]
    for reference, day in ((REF, "2026-11-20"), (at("2026-12-02T08:00"), "2026-12-01")):
        timeline = parse_page(lines, RULES, CARRIERS, reference)
        assert timeline.signed_at == at(f"{day}T14:22")


def _boxed(rows: list[tuple[str, int, int]]) -> list[OcrLine]:
    return [OcrLine(text, (x, y, x + 24 * len(text), y + 30)) for text, x, y in rows]


@pytest.mark.parametrize(
    ("day", "clock", "expected"),
    [("11-13", "下午2:22", "2026-11-13T14:22"), ("昨天", "晚上8:30", "2026-11-20T20:30"),
     ("11月13日", "14时22分", "2026-11-13T14:22"), ("今天", "上午9:05", "2026-11-21T09:05")],
)  # fmt: skip
def test_a_date_over_a_12_hour_clock_in_a_time_column(day: str, clock: str, expected: str) -> None:
    lines = _boxed(
        [
            ("中通快递 73123456789012", 20, 10),
            (day, 20, 100),
            (clock, 20, 135),
            ("【杭州市】快件已签收，签收人：前台", 260, 100),
            ("11-12", 20, 220),
            ("09:00", 20, 255),
            ("【杭州市】快件已揽收", 260, 220),
        ]
    )
    timeline = parse_page(lines, RULES, CARRIERS, REF)
    assert timeline.signed_at == at(expected)
    assert timeline.posted_at == at("2026-11-12T09:00")
    assert timeline.signer == "前台"


# --------------------------------------------------------------------------- signers

# (event text, signer text, category, answer to "who signed", station)
SIGNERS = [
    ("包裹已放在门卫处", "门卫", "guard", "unknown", None),
    ("您的快件已放在前台，如有疑问请联系快递员", "前台", "reception", "unknown", None),
    ("快件已交由物业代为保管", "物业", "property", "unknown", None),
    ("快件已放在家门口，请及时查看", "家门口", "no_person", "unknown", None),
    ("已由前台代收", "前台", "reception", "unknown", None),
    ("您的快件已被 家人 代签收", "家人", "family", "unknown", None),
    ("本人签收", "本人", "self", "buyer", None),
    ("他人代收", "他人", "other_person", "unknown", None),
    ("快件已签收，非本人签收", "非本人", "not_self", "unknown", None),
    ("已签收，签收人：拍照签收", "拍照签收", "no_person", "unknown", None),
    ("签收人：本人", "本人", "self", "buyer", None),
    ("您的快件已签收，签收人：门卫，派件员：张三 13812345678", "门卫", "guard", "unknown", None),
    ("已签收，签收人：他人代收，快递员：王磊 电话13900001111", "他人代收", "other_person",
     "unknown", None),
    ("已签收，签收人：丰巢快递柜", "丰巢快递柜", "locker", "unknown", "丰巢快递柜"),
    # OCR read the closing bracket twice
    ("您的快件已签收，签收人是【本人】】，感谢使用", "本人", "self", "buyer", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "signer", "category", "who", "station"), SIGNERS)
def test_a_signer_stated_any_way(
    text: str, signer: str, category: str, who: str, station: str | None
) -> None:
    lines = ["圆通速递 YT1234567890123", "2026-11-13 14:22:08", text, "2026-11-12 09:00:00",
             "【杭州市】已揽收"]  # fmt: skip
    timeline = parse_page(lines, RULES, CARRIERS, REF)
    assert timeline.events[-1].kind is EventKind.SIGNED
    assert timeline.signed_at == at("2026-11-13T14:22:08")
    assert timeline.signer == signer
    reading = read_signer(timeline, RULES)
    assert reading is not None and (reading.category, reading.who) == (category, who)
    assert reading.ask_authorised is (who != "buyer")
    assert timeline.left_at_station == station


@pytest.mark.parametrize(
    ("text", "station"),
    [("已放入丰巢快递柜，取件码 123456", "丰巢快递柜"),
     ("已存放至菜鸟驿站，请凭取件码取件", "菜鸟驿站"),
     ("您的快件已放至兔喜生活超市，请及时取件", "兔喜生活超市")],
)  # fmt: skip
def test_a_parcel_left_at_a_station_or_locker(text: str, station: str) -> None:
    lines = ["中通快递 73123456789012", "2026-11-13 14:22:08", text]
    timeline = parse_page(lines, RULES, CARRIERS, REF)
    assert timeline.events[-1].kind is EventKind.AT_STATION
    assert timeline.left_at_station == station
    assert timeline.signer is None  # nobody has signed yet
    assert timeline.signed_at is None


def test_the_delivery_person_is_never_the_signer() -> None:
    lines = ["韵达快递 431234567890123", "2026-11-13 14:22:08",
             "快件已签收，派件员：李四，电话13900001111", "2026-11-13 09:00:00",
             "【杭州市】派送中，派送员：张三，电话：13800138000"]  # fmt: skip
    timeline = parse_page(lines, RULES, CARRIERS, REF)
    assert timeline.signed_at == at("2026-11-13T14:22:08")
    assert timeline.signer is None


@pytest.mark.parametrize(
    ("rows", "signer", "who"),
    [(["签收方式：本人签收"], "本人签收", "buyer"),
     (["本人签收"], "本人", "buyer"),
     (["他人代收"], "他人", "unknown"),
     (["签收人：本人", "派件员：王磊 13812345678"], "本人", "buyer"),
     (["签收人：拍照签收", "派件员：王磊"], "拍照签收", "unknown"),
     (["派件员：王磊", "签收方式：他人代收"], "他人代收", "unknown")],
)  # fmt: skip
def test_a_proof_of_delivery_states_the_signer(rows: list[str], signer: str, who: str) -> None:
    lines = ["签收底单", "运单号：SF1234567890123", "签收时间：2026年11月13日 下午2:22", *rows]
    timeline = parse_page(lines, RULES, CARRIERS, REF)
    assert timeline.signed_at == at("2026-11-13T14:22")
    assert timeline.signer == signer
    reading = read_signer(timeline, RULES)
    assert reading is not None and reading.who == who


# --------------------------------------------------------------------------- the screenshot's date


@pytest.mark.parametrize(
    ("stamp", "name", "expected"),
    [("2026:11:14 15:30:12", "a.jpg", "2026-11-14T15:30:12"),
     (None, "Screenshot_20261114-153012.png", "2026-11-14T15:30:12"),
     (None, "Screenshot 2026-11-14 at 15.30.12.png", "2026-11-14T15:30:12"),
     (None, "截屏2026-11-14 15.30.12.png", "2026-11-14T15:30:12"),
     (None, "屏幕截图 2026-11-14 153012.png", "2026-11-14T15:30:12"),
     (None, "IMG_20261114_153012.jpg", "2026-11-14T15:30:12"),
     (None, "Screenshot_2026-11-14.png", "2026-11-14T23:59:59"),
     ("0000:00:00 00:00:00", "Screenshot_20261114-153012.png", "2026-11-14T15:30:12")],
)  # fmt: skip
def test_when_a_screenshot_says_it_was_taken(stamp: str | None, name: str, expected: str) -> None:
    from seller_app.domain.timeline_dates import captured_at

    assert captured_at(stamp, name) == at(expected)


@pytest.mark.parametrize("name", ["sf_20261114.png", "微信图片_20261114153012.jpg", "a.png"])
def test_no_capture_date_from_other_names(name: str) -> None:
    from seller_app.domain.timeline_dates import captured_at

    assert captured_at(None, name) is None


class _Lines:
    """An OCR engine that reads every image as the same lines."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = [OcrLine(text, (0, 50 * i, 600, 50 * i + 40)) for i, text in enumerate(lines)]

    def read(self, image: object) -> list[OcrLine]:
        return self.lines


@pytest.mark.parametrize(
    ("exif", "expected"),
    [("2026:11:14 15:30:12", "2026-11-13T14:22"),  # "昨天" of the day it was taken
     (None, "2026-11-20T14:22"),  # no date in it: the caller's reference
     ("2027:01:01 00:00:00", "2026-11-20T14:22")],  # a phone clock ahead of now: not trusted
)  # fmt: skip
def test_relative_days_count_from_the_screenshots_own_date(
    tmp_path: object, exif: str | None, expected: str
) -> None:
    from pathlib import Path

    from PIL import Image

    from seller_app.evidence.timeline import read_timeline

    path = Path(str(tmp_path)) / "page.jpg"
    image = Image.new("RGB", (60, 40), "white")
    data = Image.Exif()
    if exif:
        data[306] = exif
    image.save(path, "JPEG", exif=data.tobytes())
    engine = _Lines(["顺丰速运 SF1234567890123", "昨天 下午2:22", "快件已签收，签收人：门卫"])
    timeline = read_timeline([path], reference=REF, engine=engine)  # type: ignore[arg-type]
    assert timeline.signed_at == at(expected)
