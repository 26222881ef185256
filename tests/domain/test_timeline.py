"""The timeline parser on text lines, without OCR: times in every form pages print, event kinds
per courier, numbers, signer and station, the page layouts, and merging screenshots."""

from __future__ import annotations

from datetime import datetime

import pytest

from seller_app import paths
from seller_app.domain.case import SHANGHAI
from seller_app.domain.catalog import Catalog
from seller_app.domain.timeline import OcrLine, Timeline, parse_page, parse_timeline, read_signer
from seller_app.domain.timeline_dates import find_times
from seller_app.domain.timeline_rules import EventKind, TimelineRules

RULES = TimelineRules.load(paths.resources_dir())
CARRIERS = Catalog.load(paths.resources_dir()).carriers
REF = datetime(2026, 11, 21, 10, 0, tzinfo=SHANGHAI)


def t(text: str) -> str:
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI).isoformat()


# --------------------------------------------------------------------------- times

TIMES = [
    ("2026-11-13 14:22:08", "2026-11-13T14:22:08"),
    ("2026-11-1314:22:08", "2026-11-13T14:22:08"),  # OCR dropped the space
    ("2026-11-0309:05", "2026-11-03T09:05:00"),
    ("2026-11-314:22", "2026-11-03T14:22:00"),  # three digits: one-digit day first
    ("2026/11/13 14:22", "2026-11-13T14:22:00"),
    ("2026.11.13 14:22", "2026-11-13T14:22:00"),
    ("2026年11月13日 14:22", "2026-11-13T14:22:00"),
    ("2026年11月13日14:22:08", "2026-11-13T14:22:08"),
    ("2026-11-13 14：22：08", "2026-11-13T14:22:08"),  # full-width colons
    ("11-13 14:22", "2026-11-13T14:22:00"),
    ("11-1314:22", "2026-11-13T14:22:00"),
    ("11月13日 14:22", "2026-11-13T14:22:00"),
    ("12-30 08:00", "2025-12-30T08:00:00"),  # after the reference day: last year's
    ("今天 09:12", "2026-11-21T09:12:00"),
    ("昨天 18:40", "2026-11-20T18:40:00"),
    ("前天 23:59:01", "2026-11-19T23:59:01"),
]


@pytest.mark.parametrize(("text", "expected"), TIMES)
def test_times_as_pages_print_them(text: str, expected: str) -> None:
    [found] = find_times(text, REF)
    assert found.at is not None and found.at.isoformat() == t(expected)


@pytest.mark.parametrize(
    "text", ["2026-13-40 25:61", "电话：13800138000", "取件码 8-2-3011", "", "¥12.50"]
)
def test_no_time_where_there_is_none(text: str) -> None:
    assert [f for f in find_times(text, REF) if f.at is not None] == []


# REF is Saturday 2026-11-21: a weekday is the latest such day on or before it
WEEKDAY_TIMES = [
    ("周五 14:22", "2026-11-20T14:22:00"),
    ("星期四 09:05 已签收", "2026-11-19T09:05:00"),
    ("（周三）下午2:22", "2026-11-18T14:22:00"),
    ("礼拜天 20:00", "2026-11-15T20:00:00"),
    ("周六 08:00", "2026-11-21T08:00:00"),  # the reference's own weekday: that day
    ("上周五 14:22", "2026-11-13T14:22:00"),  # the week before the reference's week
    ("上周一 07:30", "2026-11-09T07:30:00"),
]


@pytest.mark.parametrize(("text", "expected"), WEEKDAY_TIMES)
def test_a_weekday_is_a_day_of_the_past_week(text: str, expected: str) -> None:
    [found] = [f for f in find_times(text, REF) if f.at is not None]
    assert found.at is not None and found.at.isoformat() == t(expected)


@pytest.mark.parametrize(
    "text",
    [
        "营业时间周一至周五9:00-18:00",
        "营业时间：周一 至 周五 9:00-18:00",
        "周二-周四 10:00",
        "每周五 14:00 统一派送",
    ],
)
def test_opening_hours_and_schedules_name_no_day(text: str) -> None:
    assert [f for f in find_times(text, REF) if f.at is not None or f.day is not None] == []


@pytest.mark.parametrize("text", ["11-13 周五", "11-13（周五）", "2026-11-13 (周五)", "今天 周六"])
def test_a_weekday_beside_a_date_is_not_a_second_date(text: str) -> None:
    assert len([f for f in find_times(text, REF) if f.day is not None]) == 1


def test_a_weekday_box_joins_its_clock_box() -> None:
    [day] = find_times("周四", REF)
    assert day.day is not None and day.day.isoformat() == "2026-11-19"


def test_a_date_and_a_clock_alone_are_found_for_joining() -> None:
    [day] = find_times("11-13", REF)
    [clock] = find_times("14:22", REF)
    assert day.day is not None and day.day.isoformat() == "2026-11-13" and day.at is None
    assert clock.clock is not None and clock.clock.isoformat() == "14:22:00"


# --------------------------------------------------------------------------- kinds

KINDS = [
    ("[杭州市]顺丰速运已收取快件", "sf", EventKind.POSTED),
    ("【杭州市】杭州文一西路网点 快递员 小王 已揽收", "zto", EventKind.POSTED),
    ("【杭州市】您的包裹已在菜鸟驿站（文一店）揽收", None, EventKind.POSTED),
    ("[深圳市]快件到达【深圳南山集散中心】", "sf", EventKind.IN_TRANSIT),
    ("您的订单已到达【北京通州分拣中心】", "jd", EventKind.IN_TRANSIT),
    ("【苏州市】快件离开 苏州转运中心 已发往 上海转运中心", "yto", EventKind.IN_TRANSIT),
    ("[深圳市]快件交给张师傅，正在派送途中", "sf", EventKind.OUT_FOR_DELIVERY),
    ("您的订单正在配送途中，配送员：王师傅", "jd", EventKind.OUT_FOR_DELIVERY),
    ("【深圳市】快件已到达 菜鸟驿站（幸福里店），请凭取件码及时取件", "zto", EventKind.AT_STATION),
    ("您的快件已放入丰巢智能柜，取件码 123456", None, EventKind.AT_STATION),
    ("[深圳市]您的快件已签收，签收人：门卫代收，如有疑问请电联快递员", "sf", EventKind.SIGNED),
    ("您的订单已由本人签收。感谢您在京东购物", "jd", EventKind.SIGNED),
    ("【广州市】快件已被【丰巢智能柜】代收，请及时取件", "jt", EventKind.SIGNED),
    ("【北京】投递并签收，签收人：他人收", "ems", EventKind.SIGNED),
    ("【上海市】快件派送不成功，原因：电话无人接听", "yto", EventKind.FAILED),
    ("【上海市】快件已退回，退回原因：收件人拒收", "sto", EventKind.RETURNED),
    # the shop's side before the courier has the parcel: not its collection (posted_at)
    ("商家正在通知快递公司揽件", None, EventKind.OTHER),
    ("温馨提示：请保持电话畅通", None, EventKind.OTHER),
]


@pytest.mark.parametrize(("text", "carrier", "kind"), KINDS)
def test_event_kinds(text: str, carrier: str | None, kind: EventKind) -> None:
    assert RULES.kind_of(text, carrier) is kind


def test_every_courier_file_names_a_known_carrier() -> None:
    codes = {carrier.code for carrier in CARRIERS.carriers}
    assert {courier.code for courier in RULES.couriers} <= codes
    assert {"sf", "zto", "jd", "yto", "sto", "yunda", "jt", "ems", "deppon"} <= {
        courier.code for courier in RULES.couriers
    }


# --------------------------------------------------------------------------- numbers, signer

NUMBERS = [
    (["运单号：SF1234567890123"], ["SF1234567890123"]),
    (["顺丰速运 运单号 SF 1234 5678 90123 复制"], ["SF1234567890123"]),
    (["中通快递 运单号 73123456789012 复制"], ["73123456789012"]),  # low pattern: label needed
    (["73123456789012"], []),
    (["中通快递 73123456789012"], ["73123456789012"]),  # the page names the courier
    (["顺丰速运 73123456789012"], []),  # not an SF number
    (["JT0001234567890 已签收"], ["JT0001234567890"]),  # high pattern: no label needed
    (["快递员电话：13800138000"], []),
    (["单号：13800138000"], []),  # a phone number even after a label
    (
        ["运单号：YT1234567890123", "子单号：YT1234567890124"],
        ["YT1234567890123", "YT1234567890124"],
    ),
]


@pytest.mark.parametrize(("lines", "expected"), NUMBERS)
def test_tracking_numbers(lines: list[str], expected: list[str]) -> None:
    assert list(parse_page(lines, RULES, CARRIERS, REF).tracking_numbers) == expected


SIGNERS = [
    ("您的快件已签收，签收人：门卫代收，如有疑问请电联", "门卫代收", "guard", "unknown", True),
    ("快件已签收，签收人：门卫 代收。", "门卫代收", "guard", "unknown", True),
    ("已签收，签收人是【前台】", "前台", "reception", "unknown", True),
    ("您的订单已由本人签收", "本人", "self", "buyer", False),
    ("快件已被【菜鸟驿站】代收，请及时取件", "菜鸟驿站", "station", "unknown", True),
    ("已签收，签收人凭取货码签收", "凭取货码", "pickup_code", "authorized", False),
    ("快件已签收，签收人：家人", "家人", "family", "unknown", True),
    ("快件已签收，签收人：李喆", "李喆", None, "unknown", False),
    # a phone number after the signer is not part of who signed
    ("您的快件已签收，签收人：李喆（138****5678），感谢使用", "李喆", None, "unknown", False),
    ("已签收，签收人：李喆(13812345678)", "李喆", None, "unknown", False),
    ("已签收，签收人是【门卫】（电话：0755-12345678）", "门卫", "guard", "unknown", True),
    ("快件已由【家人（13800001111）】代收", "家人", "family", "unknown", True),
    ("快件已签收，签收人：前台 0755-1234567", "前台", "reception", "unknown", True),
]


@pytest.mark.parametrize(("text", "signer", "category", "who", "ask"), SIGNERS)
def test_signer_and_what_it_means(
    text: str, signer: str, category: str | None, who: str, ask: bool
) -> None:
    timeline = parse_page(["2026-11-13 14:22:08", text], RULES, CARRIERS, REF)
    assert timeline.signer == signer
    reading = read_signer(timeline, RULES)
    assert reading is not None
    assert (reading.category, reading.who, reading.ask_authorised) == (category, who, ask)


STATIONS = [
    ("【深圳市】您的快件已到达 菜鸟驿站（幸福里店），请凭取件码及时取件", "菜鸟驿站（幸福里店）"),
    ("快件已存放至【文一西路兔喜生活超市】，请及时取件", "文一西路兔喜生活超市"),
    ("您的快件已放入丰巢智能柜，取件码 123456", "丰巢智能柜"),
    ("快件已到达代收点，请凭取件码取件", "代收点"),
]


@pytest.mark.parametrize(("text", "station"), STATIONS)
def test_station_or_locker(text: str, station: str) -> None:
    timeline = parse_page(["2026-11-14 16:05", text], RULES, CARRIERS, REF)
    assert timeline.events[0].kind is EventKind.AT_STATION
    assert timeline.left_at_station == station
    assert timeline.signed_at is None


def test_posted_from_a_station_is_not_left_there() -> None:
    timeline = parse_page(
        ["2026-11-11 18:20", "【杭州市】您的包裹已在菜鸟驿站（文一店）揽收"], RULES, CARRIERS, REF
    )
    assert timeline.left_at_station is None
    assert timeline.posted_at is not None


# --------------------------------------------------------------------------- layouts


def box(x: int, y: int, text: str, h: int = 40) -> OcrLine:
    return OcrLine(text, (x, y, x + 36 * len(text), y + h))


def expect(timeline: Timeline, events: list[tuple[str, str, EventKind]]) -> None:
    got = [(e.at.isoformat(), e.text, e.kind) for e in timeline.events]
    assert got == [(t(at), text, kind) for at, text, kind in events]


SF_EVENTS = [
    ("2026-11-11T18:20:33", "[杭州市]顺丰速运已收取快件", EventKind.POSTED),
    (
        "2026-11-13T09:05:41",
        "[深圳市]快件交给张师傅，正在派送途中（联系电话：13800138000）",
        EventKind.OUT_FOR_DELIVERY,
    ),
    ("2026-11-13T14:22:08", "[深圳市]您的快件已签收，签收人：门卫代收", EventKind.SIGNED),
]


def test_stacked_time_under_the_text() -> None:
    """Taobao / SF app: status, text (wrapped), time; events further apart than their lines."""
    lines = [
        box(48, 60, "物流详情"),
        box(48, 140, "顺丰速运 运单号：SF1234567890123"),
        box(110, 240, "已签收"),
        box(110, 296, "[深圳市]您的快件已签收，签收人：门卫代收"),
        box(110, 350, "2026-11-1314:22:08", 34),
        box(110, 460, "派送中"),
        box(110, 516, "[深圳市]快件交给张师傅，正在派送途中（联系电话：1380"),
        box(110, 568, "0138000）"),
        box(110, 622, "2026-11-13 09:05:41", 34),
        box(110, 730, "已揽收"),
        box(110, 786, "[杭州市]顺丰速运已收取快件"),
        box(110, 840, "2026-11-11 18:20:33", 34),
        box(48, 960, "以上信息由物流公司提供"),
    ]
    timeline = parse_page(lines, RULES, CARRIERS, REF)
    expect(timeline, SF_EVENTS)
    assert timeline.tracking_numbers == ("SF1234567890123",)
    assert timeline.carrier == "sf"
    assert timeline.posted_at is not None and timeline.posted_at.isoformat() == t(
        "2026-11-11T18:20:33"
    )
    assert timeline.signer == "门卫代收"


def test_time_column_on_the_left() -> None:
    """Cainiao / JD: date over time left, the status and text right of them."""
    lines = [
        box(48, 40, "中通快递 运单号 73123456789012 复制"),
        box(48, 140, "11-14", 30),
        box(48, 182, "16:05", 30),
        box(272, 140, "待取件"),
        box(272, 196, "【深圳市】您的快件已到达 菜鸟驿站（幸福里店），请凭取件码"),
        box(272, 248, "8-2-3011 及时取件"),
        box(48, 340, "11-12", 30),
        box(48, 382, "17:02", 30),
        box(272, 340, "【杭州市】杭州文一西路网点 已揽收"),
    ]
    timeline = parse_page(lines, RULES, CARRIERS, REF)
    expect(
        timeline,
        [
            ("2026-11-12T17:02:00", "【杭州市】杭州文一西路网点 已揽收", EventKind.POSTED),
            (
                "2026-11-14T16:05:00",
                "【深圳市】您的快件已到达 菜鸟驿站（幸福里店），请凭取件码8-2-3011 及时取件",
                EventKind.AT_STATION,
            ),
        ],
    )
    assert timeline.left_at_station == "菜鸟驿站（幸福里店）"
    assert timeline.carrier == "zto" and timeline.signed_at is None


def test_time_and_text_on_one_row_even_in_one_box() -> None:
    """Couriers' web pages; OCR may read the time and the text as one box."""
    lines = [
        box(48, 40, "运单号：JT0001234567890"),
        box(48, 140, "2026/11/16 13:20"),
        box(500, 140, "【广州市】快件已被【丰巢智能柜】代收"),
        box(48, 220, "2026/11/15 10:41 【东莞市】快件已揽收"),
    ]
    timeline = parse_page(lines, RULES, CARRIERS, REF)
    expect(
        timeline,
        [
            ("2026-11-15T10:41:00", "【东莞市】快件已揽收", EventKind.POSTED),
            ("2026-11-16T13:20:00", "【广州市】快件已被【丰巢智能柜】代收", EventKind.SIGNED),
        ],
    )
    assert timeline.carrier == "jt" and timeline.signer == "丰巢智能柜"
    assert timeline.left_at_station == "丰巢智能柜"


def test_status_and_time_heading_the_text() -> None:
    """JD's app: "已签收   2026-11-15 11:48:27" on one row, the text under it."""
    lines = [
        box(48, 40, "京东快递 运单号：JDVA12345678901"),
        box(110, 140, "已签收"),
        box(700, 144, "2026-11-15 11:48:27", 34),
        box(110, 196, "您的订单已由本人签收。感谢您在京东购物"),
        box(110, 300, "配送中"),
        box(700, 304, "2026-11-15 07:12:05", 34),
        box(110, 356, "您的订单正在配送途中，配送员：王师傅"),
        box(110, 460, "已揽收"),
        box(700, 464, "2026-11-14 15:03:10", 34),
        box(110, 516, "您的订单已揽收"),
    ]
    timeline = parse_page(lines, RULES, CARRIERS, REF)
    expect(
        timeline,
        [
            ("2026-11-14T15:03:10", "您的订单已揽收", EventKind.POSTED),
            (
                "2026-11-15T07:12:05",
                "您的订单正在配送途中，配送员：王师傅",
                EventKind.OUT_FOR_DELIVERY,
            ),
            ("2026-11-15T11:48:27", "您的订单已由本人签收。感谢您在京东购物", EventKind.SIGNED),
        ],
    )
    assert (timeline.carrier, timeline.signer) == ("jd", "本人")


def test_plain_lines_time_above_and_below() -> None:
    below = [
        "物流详情",
        "您的快件已签收，签收人：前台",
        "2026-11-13 14:22",
        "顺丰速运已收取快件",
        "2026-11-11 18:20",
    ]
    above = [
        "物流详情",
        "2026-11-13 14:22",
        "您的快件已签收，签收人：前台",
        "2026-11-11 18:20",
        "顺丰速运已收取快件",
    ]
    for lines in (below, above):
        timeline = parse_page(lines, RULES, CARRIERS, REF)
        expect(
            timeline,
            [
                ("2026-11-11T18:20:00", "顺丰速运已收取快件", EventKind.POSTED),
                ("2026-11-13T14:22:00", "您的快件已签收，签收人：前台", EventKind.SIGNED),
            ],
        )


def test_a_heading_of_name_and_number_is_not_an_event_s_text() -> None:
    lines = [
        "中通快递 73123456789012",
        "[深圳市]快件已到达菜鸟驿站，请及时取件",
        "2026-11-14 16:05",
        "[杭州市]快件已揽收",
        "2026-11-12 17:02",
    ]
    timeline = parse_page(lines, RULES, CARRIERS, REF)
    assert [e.text for e in timeline.events] == [
        "[杭州市]快件已揽收",
        "[深圳市]快件已到达菜鸟驿站，请及时取件",
    ]
    assert timeline.tracking_numbers == ("73123456789012",)


def test_a_day_header_over_its_times() -> None:
    lines = [
        "2026-11-13",
        "14:22 您的快件已签收，签收人：本人",
        "09:05 快件派送中",
        "2026-11-12",
        "21:40 快件到达深圳集散中心",
    ]
    timeline = parse_page(lines, RULES, CARRIERS, REF)
    assert [e.at.isoformat() for e in timeline.events] == [
        t("2026-11-12T21:40:00"),
        t("2026-11-13T09:05:00"),
        t("2026-11-13T14:22:00"),
    ]


def test_proof_of_delivery_fields() -> None:
    lines = [
        "签收底单",
        "运单号：SF9876543210987",
        "签收人：前台",
        "签收时间：2026-11-13 14:22:08",
        "派送员：张师傅",
    ]
    timeline = parse_page(lines, RULES, CARRIERS, REF)
    assert timeline.events == ()
    assert (timeline.carrier, timeline.signer) == ("sf", "前台")
    assert timeline.signed_at is not None and timeline.signed_at.isoformat() == t(
        "2026-11-13T14:22:08"
    )


def test_label_and_time_in_two_boxes() -> None:
    lines = [
        box(48, 40, "签收时间"),
        box(300, 40, "2026-11-13 14:22"),
        box(48, 100, "签收人：门卫"),
    ]
    timeline = parse_page(lines, RULES, CARRIERS, REF)
    assert timeline.events == () and timeline.signer == "门卫"
    assert timeline.signed_at is not None and timeline.signed_at.isoformat() == t(
        "2026-11-13T14:22:00"
    )


def test_scrolled_screenshots_merge_without_repeats() -> None:
    first = [
        "顺丰速运 运单号：SF1234567890123",
        "2026-11-13 14:22 您的快件已签收，签收人：前台",
        "2026-11-13 09:05 快件交给张师傅，正在派送途中",
    ]
    second = [
        "2026-11-13 09:05 快件交给张师傅，正在派送途中",
        "2026-11-11 18:20 顺丰速运已收取快件",
    ]
    timeline = parse_timeline([first, second], RULES, CARRIERS, REF)
    assert [e.kind for e in timeline.events] == [
        EventKind.POSTED,
        EventKind.OUT_FOR_DELIVERY,
        EventKind.SIGNED,
    ]
    assert timeline.posted_at is not None and timeline.signed_at is not None
    assert (timeline.tracking_numbers, timeline.signer) == (("SF1234567890123",), "前台")


def test_nothing_to_read() -> None:
    timeline = parse_timeline([["一张风景照"], []], RULES, CARRIERS, REF)
    assert timeline.empty and timeline.to_json() == {
        "tracking_numbers": [],
        "carrier": None,
        "events": [],
        "posted_at": None,
        "signed_at": None,
        "signer": None,
        "left_at_station": None,
    }


# --------------------------------------------------------------------------- wording of pages
# not drawn by us (issue 20, second round: bench/timeline_probe.py)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11.13 14:22", "2026-11-13T14:22:00"),
        ("11月13日 周五 14:22", "2026-11-13T14:22:00"),
        ("2026年11月13日 星期五 14:22:08", "2026-11-13T14:22:08"),
        ("2026-11-13 周五 14:22", "2026-11-13T14:22:00"),
    ],
)
def test_dates_with_a_weekday_or_dots(text: str, expected: str) -> None:
    [found] = find_times(text, REF)
    assert found.at is not None and found.at.isoformat() == t(expected)


def test_a_weekday_after_a_date_is_not_an_event() -> None:
    timeline = parse_page(
        [
            box(40, 100, "11-13 周五"),
            box(40, 150, "14:22"),
            box(40, 200, "快件已签收，签收人：前台"),
        ],
        RULES,
        CARRIERS,
        REF,
    )
    assert [(e.at.isoformat(), e.text) for e in timeline.events] == [
        (t("2026-11-13T14:22"), "快件已签收，签收人：前台")
    ]


@pytest.mark.parametrize(
    ("text", "signer", "station"),
    [
        ("签收人: 门卫 签收时间 2026-11-15 14:22", "门卫", None),
        ("已签收，签收方式：快递柜", "快递柜", "快递柜"),
        ("签收方式：他人代收", "他人代收", None),
        ("您的快件已在【幸福里菜鸟驿站】签收", "幸福里菜鸟驿站", "幸福里菜鸟驿站"),
        ("快件已签收，签收人是【物业】，如有疑问请联系快递员", "物业", None),
        # a locker's or station's own bracket stays (no phone number in it)
        ("已签收，签收方式：丰巢(A12柜)", "丰巢(A12柜)", "丰巢(A12柜)"),
        ("您的快件已在【幸福里驿站(12号楼)】签收", "幸福里驿站(12号楼)", "幸福里驿站(12号楼)"),
    ],
)
def test_signers_as_other_pages_word_them(text: str, signer: str, station: str | None) -> None:
    timeline = parse_page(["2026-11-14 16:05", text], RULES, CARRIERS, REF)
    assert timeline.signed_at is not None
    assert (timeline.signer, timeline.left_at_station) == (signer, station)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("包裹已到达兔喜生活超市", EventKind.AT_STATION),
        ("您的快件已到达取件点，请及时取件", EventKind.AT_STATION),
        ("您的订单已配送完成，感谢您的耐心等待", EventKind.SIGNED),
        ("您的订单正在配送途中，请您准备签收", EventKind.OUT_FOR_DELIVERY),
        ("商家已发货，等待快递员揽收", EventKind.OTHER),
    ],
)
def test_kinds_as_other_pages_word_them(text: str, kind: EventKind) -> None:
    assert RULES.kind_of(text, None) is kind


def test_a_clock_a_line_of_words_wrapped_onto_stays_words() -> None:
    """ "营业时间 08:30-" / "21:00": the second line is the event's words, not a time."""
    lines = [
        box(100, 100, "【代收点】您的快件已送达【幸福里驿站】", h=40),
        box(900, 100, "2026/11/16 08:50:35", h=40),
        box(100, 150, "营业时间08:30-", h=40),
        box(98, 200, "21:00", h=40),
        box(100, 300, "【北京市江汉路公司】的派件员正在派件", h=40),
        box(900, 300, "2026/11/15 22:03:59", h=40),
    ]
    timeline = parse_page(lines, RULES, CARRIERS, REF)
    assert [e.text for e in timeline.events][-1].endswith("08:30-21:00")
