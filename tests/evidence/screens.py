"""Rendered tracking-page screenshots for the timeline tests: the layouts couriers' apps, their
web pages and Taobao's 物流详情 use, drawn with the bundled font (WenQuanYi Micro Hei).

Each `Screen` carries what a reader should get back from it (`expected`), so one table of
screens checks every field. Layouts: ``stacked`` (status and text, the time under them: Taobao,
Cainiao, SF app), ``left_time`` (date over time in a left column: JD, Cainiao's newer design),
``row`` (time and text on one row: couriers' web pages).
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
    column = int(200 * s) if screen.layout in ("left_time", "row") else 0
    if screen.layout == "row":
        column = int(440 * s)
    text_x = margin + column + int(40 * s)
    text_width = width - text_x - margin
    dots: list[tuple[int, int, bool]] = []
    for number, event in enumerate(screen.events):
        colour = accent if number == 0 else ink
        top = y
        dots.append((margin + column + int(12 * s), top + int(18 * s), number == 0))
        if screen.layout == "left_time":
            for k, part in enumerate(_time_text(event, screen.layout)):
                lines.append((margin, top + k * int(42 * s), part, small, grey))
        if screen.layout == "row":
            lines.append((margin, top, _time_text(event, screen.layout)[0], small, grey))
        if event.status:
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

SCREENS: tuple[Screen, ...] = (SF_GUARD,)
