"""Rendered tracking-page screenshots for the timeline tests: the layouts couriers' apps, their
web pages and Taobao's 物流详情 use, drawn with the bundled font (WenQuanYi Micro Hei).

Each `Screen` carries what a reader should get back from it (`expected`), so one table of
screens checks every field. Layouts: ``stacked`` (status and text, the time under them: Taobao,
Cainiao, SF app), ``left_time`` (date over time in a left column: JD, Cainiao's newer design),
``row`` (time and text on one row: couriers' web pages), ``head`` (the status word and the time
on one row, the text under them: JD's app); a proof of delivery is header lines only.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from seller_app import paths
from seller_app.domain.case import SHANGHAI

FONT = paths.resources_dir() / "fonts" / "wqy-microhei.ttc"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


@dataclass(frozen=True)
class Event:
    at: datetime
    text: str
    kind: str
    status: str = ""
    """A bold status word above the text (已签收, 派送中) as apps show it; not part of the text."""
    shown_time: str | None = None
    """How the page prints the time when not ``YYYY-MM-DD HH:MM:SS`` (``11-13 14:22``, ``昨天``)."""


@dataclass(frozen=True)
class Screen:
    name: str
    header: tuple[str, ...]
    events: tuple[Event, ...]
    expected: dict[str, Any]
    layout: str = "stacked"
    width: int = 1080
    dark: bool = False
    jpeg: int | None = None
    scale: float = 1.0
    extra: dict[str, Any] = field(default_factory=dict)


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), size)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines, line = [], ""
    for char in text:
        if font.getlength(line + char) > width and line:
            lines.append(line)
            line = char
        else:
            line += char
    return [*lines, line] if line else lines


def _time_text(event: Event, layout: str) -> list[str]:
    if event.shown_time is not None:
        return event.shown_time.split("\n")
    if layout == "left_time":
        return [event.at.strftime("%m-%d"), event.at.strftime("%H:%M")]
    return [event.at.strftime("%Y-%m-%d %H:%M:%S")]


def render(screen: Screen) -> Image.Image:
    """The screenshot as a phone (or browser) would save it."""
    s = screen.scale
    width = int(screen.width * s)
    background, ink, grey, accent = (
        ((18, 18, 18), (235, 235, 235), (150, 150, 150), (255, 140, 60))
        if screen.dark
        else ((255, 255, 255), (34, 34, 34), (136, 136, 136), (230, 90, 20))
    )
    body, small, title = _font(int(36 * s)), _font(int(30 * s)), _font(int(44 * s))
    margin = int(48 * s)
    lines: list[tuple[int, int, str, ImageFont.FreeTypeFont, tuple[int, int, int]]] = []
    y = int(60 * s)
    for index, text in enumerate(screen.header):
        font = title if index == 0 else body
        lines.append((margin, y, text, font, ink))
        y += int((78 if index == 0 else 60) * s)
    y += int(40 * s)
    column = int(160 * s) if screen.layout == "left_time" else 0
    if screen.layout == "row":
        column = int(440 * s)
    text_x = margin + column + int(64 * s)
    text_width = width - text_x - margin
    dots: list[tuple[int, int, bool]] = []
    for number, event in enumerate(screen.events):
        colour = accent if number == 0 else ink
        top = y
        dots.append((margin + column + int(16 * s), top + int(20 * s), number == 0))
        if screen.layout == "left_time":
            for k, part in enumerate(_time_text(event, screen.layout)):
                lines.append((margin, top + k * int(42 * s), part, small, grey))
        if screen.layout == "row":
            lines.append((margin, top, _time_text(event, screen.layout)[0], small, grey))
        if screen.layout == "head":
            lines.append((text_x, y, event.status, body, colour))
            when = _time_text(event, screen.layout)[0]
            lines.append(
                (width - margin - int(small.getlength(when)), y + int(4 * s), when, small, grey)
            )
            y += int(56 * s)
        elif event.status:
            lines.append((text_x, y, event.status, body, colour))
            y += int(56 * s)
        for part in _wrap(event.text, body, text_width):
            lines.append((text_x, y, part, body, colour))
            y += int(52 * s)
        if screen.layout == "stacked":
            for part in _time_text(event, screen.layout):
                lines.append((text_x, y + int(4 * s), part, small, grey))
                y += int(46 * s)
        y = max(y, top + int(100 * s)) + int(48 * s)
    image = Image.new("RGB", (width, y + int(80 * s)), background)
    draw = ImageDraw.Draw(image)
    for x, top, text, font, colour in lines:
        draw.text((x, top), text, font=font, fill=colour)
    for x, top, first in dots:
        r = int(10 * s)
        draw.ellipse((x - r, top - r, x + r, top + r), fill=accent if first else grey)
    if screen.jpeg is not None:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=screen.jpeg)
        buffer.seek(0)
        image = Image.open(buffer).convert("RGB")
    return image


def save(screen: Screen, folder: Path) -> Path:
    suffix = ".jpg" if screen.jpeg is not None else ".png"
    path = folder / f"{screen.name}{suffix}"
    image = render(screen)
    if screen.jpeg is not None:
        image.save(path, "JPEG", quality=screen.jpeg)
    else:
        image.save(path)
    return path


# --------------------------------------------------------------------------- the test set

_SF_EVENTS = (
    Event(
        at("2026-11-13T14:22:08"),
        "[深圳市]您的快件已签收，签收人：门卫代收，如有疑问请电联快递员【张师傅，电话：13800138000】",
        "signed",
        status="已签收",
    ),
    Event(
        at("2026-11-13T09:05:41"),
        "[深圳市]快件交给张师傅，正在派送途中（联系电话：13800138000）",
        "out_for_delivery",
        status="派送中",
    ),
    Event(
        at("2026-11-12T21:40:16"),
        "[深圳市]快件到达【深圳南山集散中心】",
        "in_transit",
        status="运输中",
    ),
    Event(
        at("2026-11-11T18:20:33"),
        "[杭州市]顺丰速运已收取快件",
        "posted",
        status="已揽收",
    ),
)

SF_GUARD = Screen(
    name="sf_guard",
    header=("物流详情", "顺丰速运 运单号：SF1234567890123"),
    events=_SF_EVENTS,
    expected={
        "tracking_numbers": ["SF1234567890123"],
        "carrier": "sf",
        "posted_at": "2026-11-11T18:20:33+08:00",
        "signed_at": "2026-11-13T14:22:08+08:00",
        "signer": "门卫代收",
        "left_at_station": None,
    },
)

# Taobao's 物流详情 for a ZTO parcel in dark mode, dates over times in a left column; the parcel
# was left at a Cainiao station and nobody signed yet.
ZTO_STATION = Screen(
    name="zto_station_dark",
    header=("物流详情", "中通快递 运单号 73123456789012 复制"),
    layout="left_time",
    dark=True,
    events=(
        Event(
            at("2026-11-14T16:05:00"),
            "【深圳市】您的快件已到达 菜鸟驿站（幸福里店），请凭取件码 8-2-3011 及时取件",
            "at_station",
            status="待取件",
        ),
        Event(
            at("2026-11-14T08:31:00"),
            "【深圳市】快件派件中，派件人：李师傅，电话：13912345678",
            "out_for_delivery",
            status="派送中",
        ),
        Event(at("2026-11-13T02:10:00"), "【深圳市】快件已到达 深圳转运中心", "in_transit"),
        Event(at("2026-11-12T19:47:00"), "【杭州市】快件已发往 深圳转运中心", "in_transit"),
        Event(
            at("2026-11-12T17:02:00"),
            "【杭州市】杭州文一西路网点 已揽收",
            "posted",
            status="已揽收",
        ),
    ),
    expected={
        "tracking_numbers": ["73123456789012"],
        "carrier": "zto",
        "posted_at": "2026-11-12T17:02:00+08:00",
        "signed_at": None,
        "signer": None,
        "left_at_station": "菜鸟驿站（幸福里店）",
    },
)

# JD's app: status word and time on one row, the text under them; signed by the buyer.
JD_SELF = Screen(
    name="jd_self",
    header=("订单跟踪", "京东快递 运单号：JDVA12345678901"),
    layout="head",
    events=(
        Event(
            at("2026-11-15T11:48:27"),
            "您的订单已由本人签收。感谢您在京东购物，欢迎再次光临。",
            "signed",
            status="已签收",
        ),
        Event(
            at("2026-11-15T07:12:05"),
            "您的订单正在配送途中，配送员：王师傅，电话：13611112222",
            "out_for_delivery",
            status="配送中",
        ),
        Event(
            at("2026-11-14T22:30:40"),
            "您的订单已到达【北京通州分拣中心】",
            "in_transit",
            status="运输中",
        ),
        Event(at("2026-11-14T15:03:10"), "您的订单已揽收", "posted", status="已揽收"),
    ),
    expected={
        "tracking_numbers": ["JDVA12345678901"],
        "carrier": "jd",
        "posted_at": "2026-11-14T15:03:10+08:00",
        "signed_at": "2026-11-15T11:48:27+08:00",
        "signer": "本人",
        "left_at_station": None,
    },
)

# Taobao's 物流详情 for a YTO parcel at phone width, saved as a JPEG: "今天" and "昨天" times,
# signed by a family member.
YTO_FAMILY = Screen(
    name="yto_family_jpeg",
    header=("物流详情", "圆通速递 快递单号 YT1234567890123"),
    scale=0.7,
    width=1080,
    jpeg=70,
    events=(
        Event(
            at("2026-11-21T09:12:00"),
            "【上海市】快件已签收，签收人：家人代收，感谢使用圆通速递，期待再次为您服务",
            "signed",
            shown_time="今天 09:12",
        ),
        Event(
            at("2026-11-20T18:40:00"),
            "【上海市】快件已到达 上海浦东新区公司，正在派件中",
            "out_for_delivery",
            shown_time="昨天 18:40",
        ),
        Event(
            at("2026-11-18T20:15:00"), "【苏州市】快件已揽收", "posted", shown_time="11-18 20:15"
        ),
    ),
    expected={
        "tracking_numbers": ["YT1234567890123"],
        "carrier": "yto",
        "posted_at": "2026-11-18T20:15:00+08:00",
        "signed_at": "2026-11-21T09:12:00+08:00",
        "signer": "家人代收",
        "left_at_station": None,
    },
)

# J&T's web page: time and text on one row, slashes in dates; taken in by a parcel locker.
JT_LOCKER = Screen(
    name="jt_locker_web",
    header=("极兔速递 运单查询", "运单号：JT0001234567890"),
    layout="row",
    width=1400,
    events=(
        Event(
            at("2026-11-16T13:20:00"),
            "【广州市】快件已被【丰巢智能柜】代收，请凭取件码及时取件",
            "signed",
            shown_time="2026/11/16 13:20",
        ),
        Event(
            at("2026-11-16T08:02:00"),
            "【广州市】快件派送中，派件员：陈师傅",
            "out_for_delivery",
            shown_time="2026/11/16 08:02",
        ),
        Event(
            at("2026-11-15T10:41:00"),
            "【东莞市】快件已揽收",
            "posted",
            shown_time="2026/11/15 10:41",
        ),
    ),
    expected={
        "tracking_numbers": ["JT0001234567890"],
        "carrier": "jt",
        "posted_at": "2026-11-15T10:41:00+08:00",
        "signed_at": "2026-11-16T13:20:00+08:00",
        "signer": "丰巢智能柜",
        "left_at_station": "丰巢智能柜",
    },
)

# SF's proof of delivery (签收底单): labelled fields, no timeline; signed at reception.
SF_PROOF = Screen(
    name="sf_proof",
    header=(
        "签收底单",
        "运单号：SF9876543210987",
        "签收人：前台",
        "签收时间：2026-11-13 14:22:08",
        "派送员：张师傅",
    ),
    events=(),
    expected={
        "tracking_numbers": ["SF9876543210987"],
        "carrier": "sf",
        "posted_at": None,
        "signed_at": "2026-11-13T14:22:08+08:00",
        "signer": "前台",
        "left_at_station": None,
    },
)

SCREENS: tuple[Screen, ...] = (SF_GUARD, ZTO_STATION, JD_SELF, YTO_FAMILY, JT_LOCKER, SF_PROOF)
