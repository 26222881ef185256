"""Tracking pages drawn the way other apps draw them, to probe the screenshot reader on pages it
was not tuned on (``bench/timeline_probe.py`` runs them; a few are read with real OCR in the
tests, the rest are kept as captured OCR lines in ``tests/domain/probe_lines.json``).

Independent of ``screens.py``: its own wording per courier (SF, ZTO, YTO, STO, Yunda, J&T, JD,
EMS, Deppon, and the Cainiao stations' own lines), its own apps' page furniture (Taobao,
Cainiao, Pinduoduo, Douyin, a courier's app, a courier's web page, a proof of delivery), and
looks drawn at random from a seed: fonts (the bundled one and any CJK font installed here), text
sizes 22-40 px at widths 540-1280 px, light and dark themes, grey secondary text, coloured dots
and rails, status headings, the time left of, above, below or right of the text, newest or
oldest first, JPEG quality 60-90, a capture scaled down. Each `Probe` carries what a reader
should return, in the shape of ``seller-claims timeline --json``.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from seller_app import paths
from seller_app.domain.case import SHANGHAI

REFERENCE = datetime(2026, 11, 21, 10, 0, tzinfo=SHANGHAI)
"""The moment the screenshots are read (tests' NOW): "今天" is 2026-11-21."""

BUNDLED = paths.resources_dir() / "fonts" / "wqy-microhei.ttc"


@dataclass(frozen=True)
class FontChoice:
    name: str
    path: Path
    index: int = 0
    bold: tuple[Path, int] | None = None
    weight: int = 1


_NOTO = Path("/usr/share/fonts/opentype/noto")
FONTS = (
    FontChoice("wqy-microhei", BUNDLED, weight=3),
    FontChoice(
        "noto-sans-sc",
        _NOTO / "NotoSansCJK-Regular.ttc",
        2,
        (_NOTO / "NotoSansCJK-Bold.ttc", 2),
        weight=5,
    ),
    FontChoice("wqy-zenhei", Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), weight=3),
    FontChoice(
        "noto-serif-sc",
        _NOTO / "NotoSerifCJK-Regular.ttc",
        2,
        (_NOTO / "NotoSerifCJK-Bold.ttc", 2),
        weight=1,
    ),
    FontChoice("ar-pl-uming", Path("/usr/share/fonts/truetype/arphic/uming.ttc"), weight=1),
    FontChoice("ar-pl-ukai", Path("/usr/share/fonts/truetype/arphic/ukai.ttc"), weight=1),
)


def available_fonts() -> tuple[FontChoice, ...]:
    return tuple(f for f in FONTS if f.path.is_file())


# --------------------------------------------------------------------------- couriers' words


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


def _phone(rng: random.Random) -> str:
    return "1" + rng.choice("3456789") + _digits(rng, 9)


@dataclass(frozen=True)
class Courier:
    code: str
    names: tuple[str, ...]
    number: Callable[[random.Random], str]
    hotline: str
    words: dict[str, tuple[str, ...]]
    """Per event kind, templates with {city} {site} {hub} {hub2} {person} {phone} {signer}
    {station} {code}; "signed_self" for a signing that names no signer."""


_CITIES = ("深圳市", "杭州市", "上海市", "北京市", "广州市", "成都市", "武汉市", "苏州市", "南京市")
_PROVINCES = {"深圳市": "广东", "杭州市": "浙江", "广州市": "广东", "成都市": "四川"}
_SITES = ("南山科技园", "文一西路", "浦东张江", "朝阳望京", "天河体育中心", "高新西区", "江汉路")
_PEOPLE = ("张师傅", "李建国", "王磊", "陈晓东", "刘洋", "赵强", "周杰", "吴敏")

COURIERS: dict[str, Courier] = {
    "sf": Courier(
        "sf",
        ("顺丰速运", "顺丰快递", "顺丰"),
        lambda r: "SF" + _digits(r, 13),
        "95338",
        {
            "posted": (
                "[{city}]顺丰速运 已收取快件",
                "[{city}]快件已由{site}营业点收取，顺丰速运 已收取快件",
            ),
            "in_transit": (
                "[{city}]快件到达 【{hub}】",
                "[{city}]快件在【{hub}】完成分拣，准备发往 【{hub2}】",
                "[{city}]快件已发车",
            ),
            "out_for_delivery": (
                "[{city}]快件交给{person}，正在派送途中（联系电话：{phone}，"
                "顺丰已开启“安全呼叫”保护您的电话隐私，请放心接听！）",
                "[{city}]快件交给{person}，正在派送途中（联系电话：{phone}）",
            ),
            "signed": (
                "[{city}]快件已签收，签收人：{signer}，"
                "如有疑问请电联快递员【{person}，电话：{phone}】，感谢使用顺丰，期待再次为您服务。",
                "[{city}]您的快件已签收，签收人：{signer}，"
                "如有疑问请电联快递员【{person}，电话：{phone}】",
                "[{city}]快件已由{signer}代收，如有疑问请电联快递员【{person}，电话：{phone}】",
            ),
            "at_station": (
                "[{city}]快件已放入{station}，请凭取件码{code}取件，"
                "如有疑问请电联快递员【{person}，电话：{phone}】",
            ),
        },
    ),
    "zto": Courier(
        "zto",
        ("中通快递", "中通"),
        lambda r: r.choice(("73", "75", "78")) + _digits(r, 12),
        "95311",
        {
            "posted": ("【{city}】【{site}】（0571-8{d4}）的 {person}（{phone}） 已揽收",),
            "in_transit": (
                "【{city}】快件离开 【{hub}】 已发往 【{hub2}】",
                "【{city}】快件已经到达 【{hub}】",
            ),
            "out_for_delivery": (
                "【{city}】【{site}】 "
                "的{person}（{phone}）正在派件（95720为中通快递员外呼专属号码，请放心接听）",
            ),
            "signed": (
                "【{city}】快件已在 【{site}】 签收, 签收人: {signer}, 如有疑问请电联:（{phone}）, "
                "投诉电话:（0755-2{d4}）, 您的快递已经妥投。风里来雨里去, 只为客官您满意。",
                "【{city}】您的快件已签收，签收人是【{signer}】，"
                "感谢使用中通快递，期待再次为您服务！",
            ),
            "at_station": (
                "【{city}】快件已送达【{station}】，"
                "如有问题请电联（{phone}），感谢使用中通快递，期待再次为您服务！",
                "【{city}】您的快件已暂存至【{station}】，请凭取件码{code}及时取件",
            ),
        },
    ),
    "yto": Courier(
        "yto",
        ("圆通速递", "圆通快递", "圆通"),
        lambda r: "YT" + _digits(r, 13),
        "95554",
        {
            "posted": ("【{prov}{city}{site}公司】 已收件 取件人: {person} ({phone})",),
            "in_transit": (
                "【{hub}公司】 已收入",
                "【{hub}】 已发出 下一站 【{hub2}】",
            ),
            "out_for_delivery": (
                "【{prov}{city}{site}公司】 派件中 派件人: {person} "
                "电话 {phone} 如有疑问，请联系：0755-2{d4}",
            ),
            "signed": (
                "客户签收人: {signer} 已签收 感谢使用圆通速递，"
                "期待再次为您服务 如有疑问请联系：{phone}，投诉电话：0755-2{d4}",
                "【{prov}{city}{site}公司】 快件已被 {signer} 代签收。"
                "如有疑问请联系派件员 {person}（{phone}）",
            ),
            "at_station": (
                "快件已到达【{station}】，请及时取件。有问题请联系派件员 {person}（{phone}）",
            ),
        },
    ),
    "sto": Courier(
        "sto",
        ("申通快递", "申通"),
        lambda r: "77" + _digits(r, 13),
        "95543",
        {
            "posted": ("【{prov}{city}{site}公司】的收件员【{person}】已收件",),
            "in_transit": (
                "快件已到达【{hub}】",
                "快件已从【{hub}】发出，准备发往【{hub2}】",
            ),
            "out_for_delivery": (
                "【{prov}{city}{site}公司】的派件员【{person}】正在派件，电话：{phone}",
            ),
            "signed": (
                "【{prov}{city}{site}公司】已签收，"
                "签收人是：【{signer}】，如有疑问请联系派件员{person}（{phone}）",
                "快件已由【{signer}】签收，感谢使用申通快递，期待再次为您服务",
            ),
            "at_station": ("您的快件已放入【{station}】，取件码{code}，请及时取件",),
        },
    ),
    "yunda": Courier(
        "yunda",
        ("韵达快递", "韵达速递", "韵达"),
        lambda r: r.choice(("43", "46", "31")) + _digits(r, 13),
        "95546",
        {
            "posted": (
                "【{prov}{city}{site}公司】已揽收",
                "【{prov}{city}{site}公司】揽件员{person}已揽件",
            ),
            "in_transit": (
                "【{hub}】已发出，下一站【{hub2}】",
                "【{hub}】进行中转",
                "到达【{hub}】",
            ),
            "out_for_delivery": (
                "【{prov}{city}{site}公司】进行派件扫描；派送业务员：{person}；联系电话：{phone}",
            ),
            "signed": (
                "【{prov}{city}{site}公司】进行快件签收扫描，签收人：{signer}",
                "【{prov}{city}{site}公司】快件已被{signer}签收，"
                "如有疑问请联系业务员：{person}，电话：{phone}",
            ),
            "at_station": ("快件已到达【{station}】，请凭取件码{code}取件，联系电话：{phone}",),
        },
    ),
    "jt": Courier(
        "jt",
        ("极兔速递", "极兔快递", "极兔"),
        lambda r: "JT" + _digits(r, 13),
        "956025",
        {
            "posted": ("【{city}】【{site}网点】的【{person}】已取件", "【{city}】快件已揽收"),
            "in_transit": (
                "【{city}】快件离开【{hub}】已发往【{hub2}】",
                "【{city}】快件到达【{hub}】",
            ),
            "out_for_delivery": ("【{city}】【{site}网点】的【{person}】正在派件，电话：{phone}",),
            "signed": (
                "【{city}】快件已签收，签收人: {signer}, 如有疑问请联系{person}，电话{phone}",
                "【{city}】您的快件已由{signer}代签收，感谢使用极兔速递",
            ),
            "at_station": ("【{city}】快件已放至【{station}】，请凭取件码{code}及时取件",),
        },
    ),
    "jd": Courier(
        "jd",
        ("京东快递", "京东物流"),
        lambda r: "JDV" + r.choice("ABCD") + _digits(r, 11),
        "950616",
        {
            "posted": ("京东快递 已收取快件", "您的快件已由{person}揽收完成"),
            "in_transit": (
                "您的订单已由【{hub}】发出，正在送往【{hub2}】",
                "您的订单已到达【{hub}】",
                "您的订单在京东【{hub}】分拣完成",
            ),
            "out_for_delivery": (
                "配送员【{person}】正在为您派件，联系电话：{phone}",
                "您的订单正在配送途中（快递员：{person}，电话：{phone}），请您准备签收",
            ),
            "signed": (
                "您的订单已签收，签收人：{signer}。感谢您在京东购物，欢迎您再次光临！",
                "您的订单已由{signer}签收。如有疑问请联系配送员{person}，电话{phone}",
            ),
            "at_station": ("您的订单已放至{station}，取件码{code}，请及时取件",),
        },
    ),
    "ems": Courier(
        "ems",
        ("中国邮政", "邮政快递包裹", "EMS"),
        lambda r: r.choice(("98", "11")) + _digits(r, 11),
        "11183",
        {
            "posted": (
                "【{city}邮政速递物流{site}营业部】已收寄，揽投员：{person}，电话：{phone}",
            ),
            "in_transit": ("离开【{hub}】，下一站【{hub2}】", "到达【{hub}】"),
            "out_for_delivery": (
                "【{city}{site}揽投部】安排投递，"
                "预计17:00前投递（投递员姓名：{person}；联系电话：{phone}）",
            ),
            "signed": (
                "【{city}{site}揽投部】已妥投，签收人：{signer}，投递员：{person}，电话：{phone}",
                "已签收，签收人：{signer}，投递员：{person}，电话：{phone}",
            ),
            "at_station": ("邮件已投递至{station}，取件码{code}，请及时领取",),
        },
    ),
    "deppon": Courier(
        "deppon",
        ("德邦快递", "德邦"),
        lambda r: "DPK" + _digits(r, 12),
        "95353",
        {
            "posted": ("【{city}】您的快件已揽收，揽收人：{person}",),
            "in_transit": ("运输中，离开【{hub}】发往【{hub2}】", "【{city}】到达【{hub}】"),
            "out_for_delivery": ("【{city}】派送中，派送员：{person}，电话：{phone}",),
            "signed": ("【{city}】正常签收，签收人：{signer}，感谢使用德邦快递，期待再次为您服务",),
            "at_station": ("【{city}】您的快件已放入{station}，取件码：{code}",),
        },
    ),
}

# A Cainiao station's own lines, shown inside any courier's timeline on Taobao and Cainiao.
_CAINIAO_STATION = (
    "【代收点】您的快件已送达【{station}】，请凭取件码{code}取件，营业时间 08:30-21:00",
    "【驿站】您的包裹已存放至【{station}】，记得早点来取它回家！取件码：{code}",
)
# ... and the plainer wording some pages use (drawn from the variants' stream, see `make_probe`)
_PLAIN_STATION = (
    "您的快件已放入{station}，取件码 {code6}",
    "已存放至{station}，请凭取件码取件",
)
_CAINIAO_PICKED = (
    "【驿站】您的包裹已从【{station}】取出，感谢使用菜鸟驿站，期待再次为您服务！",
    "您的快件已签收，签收人凭取货码签收。如有疑问请联系：{phone}",
)

# (what the page prints as the signer, who it is, weight)
SIGNERS = (
    ("门卫", 5),
    ("前台", 4),
    ("物业", 3),
    ("家人", 3),
    ("同事", 2),
    ("本人", 4),
    ("代收点", 2),
    ("菜鸟驿站", 2),
    ("丰巢快递柜", 2),
    ("快递柜", 2),
    ("门卫代收", 2),
    ("保安", 1),
    ("收发室", 1),
    ("公司前台", 1),
    ("他人代收", 1),
)
# stations and lockers a parcel is left at (an at_station event), per courier where it matters
STATIONS = (
    "菜鸟驿站（幸福里店）",
    "幸福里小区菜鸟驿站",
    "丰巢智能柜",
    "丰巢快递柜（南山花园3栋）",
    "兔喜生活（科技园店）",
    "妈妈驿站（望京西园店）",
    "中通快递超市",
    "京东快递柜（望京东园）",
    "邮政驿站",
    "智能快件箱（锦绣花园北门）",
    "快递柜",
)
_STATION_SIGNERS = {"代收点", "菜鸟驿站", "丰巢快递柜", "快递柜"}
# Signings worded without "签收人" or with a label that is not a person, any courier:
# (template, the signer a reader should return, its variant name for the bench's groups).
OTHER_SIGNINGS = (
    ("包裹已放在门卫处，如有疑问请联系快递员{person}（{phone}）", "门卫", "left_with"),
    ("[{city}]您的快件已放在前台，派送员：{person}，电话：{phone}", "前台", "left_with"),
    ("快件已交由物业代为保管，如有疑问请联系{person}", "物业", "left_with"),
    ("快件已放在家门口，派件员：{person}（{phone}）", "家门口", "left_with"),
    ("您的快件已由前台代收，感谢您的耐心等待", "前台", "taken_in"),
    ("您的快件已被 家人 代签收，如有疑问请联系{person}，电话{phone}", "家人", "taken_in"),
    ("快件已签收，签收人：拍照签收，派件员：{person}，电话：{phone}", "拍照签收", "not_a_person"),
    ("您的快件已签收，签收人：本人，感谢使用，期待再次为您服务", "本人", "self"),
    ("[{city}]快件已签收（本人签收），快递员：{person} {phone}", "本人", "self"),
    ("快件已签收，非本人签收，如有疑问请联系{person}", "非本人", "not_self"),
)
STATUS_WORDS = {
    "posted": ("已揽件", "已揽收", "揽收"),
    "in_transit": ("运输中", "运输中", "在途中"),
    "out_for_delivery": ("派送中", "派件中"),
    "at_station": ("待取件", "已到站", "待取件"),
    "signed": ("已签收",),
    "failed": ("派送异常",),
    "other": ("已发货",),
}


# --------------------------------------------------------------------------- probes


@dataclass(frozen=True)
class Event:
    at: datetime
    kind: str
    text: str
    status: str = ""


@dataclass(frozen=True)
class Look:
    font: FontChoice
    size: int
    width: int
    dark: bool = False
    jpeg: int | None = None
    scale_to: int | None = None
    time_at: str = "below"
    """left (a time column), above, below, head (on the status row, right-aligned), right (a
    time column right of the text), inline (time then text on one row)."""
    time_format: str = "full_s"
    newest_first: bool = True
    statuses: str = "all"
    """all, changes (only where the kind changes), none."""
    grey_older: bool = True
    status_bar: bool = True


@dataclass(frozen=True)
class Probe:
    name: str
    app: str
    courier: str
    header: tuple[tuple[str, ...], ...]
    """Rows of the page's header card; "[复制]" is a copy button."""
    events: tuple[Event, ...]
    """Oldest first, as the reader returns them."""
    look: Look
    expected: dict[str, Any]
    proof: tuple[tuple[str, str], ...] = ()
    """A proof of delivery's (label, value) rows."""
    extras: tuple[str, ...] = ()
    """Furniture: "address", "summary", "footer", "eta", "icons"."""
    summary: tuple[str, ...] = ()
    columns: bool = False
    """Proof rows as a label column and a value column (else "label：value")."""
    notes: dict[str, Any] = field(default_factory=dict)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _fill(template: str, rng: random.Random, **known: str) -> str:
    city = known.get("city") or rng.choice(_CITIES)
    hub_city = rng.choice(_CITIES)
    values = {
        "city": city,
        "prov": _PROVINCES.get(city, ""),
        "site": rng.choice(_SITES),
        "hub": hub_city.removesuffix("市")
        + rng.choice(("转运中心", "分拨中心", "集散中心", "中转场")),
        "hub2": rng.choice(_CITIES).removesuffix("市") + rng.choice(("转运中心", "分拨中心")),
        "person": rng.choice(_PEOPLE),
        "phone": _phone(rng),
        "code": rng.choice(("8-2-", "3-1-", "A")) + _digits(rng, 4),
        "d4": _digits(rng, 4) + _digits(rng, 3),
        **known,
    }
    return template.format(**values)


def _times(rng: random.Random, count: int, relative: bool, seconds: bool = True) -> list[datetime]:
    """`count` increasing moments ending before the reference; with `relative`, the last two
    days are today and yesterday (so "今天"/"昨天" show); without `seconds`, whole minutes
    (the page does not print them)."""
    if relative:
        end = REFERENCE - timedelta(minutes=rng.randint(20, 150))
    else:
        end = datetime(2026, 11, rng.randint(12, 19), rng.randint(9, 20), tzinfo=SHANGHAI)
        end += timedelta(minutes=rng.randint(0, 59))
    moments = [end]
    for _ in range(count - 1):
        moments.append(moments[-1] - timedelta(minutes=rng.randint(90, 14 * 60)))
    drawn = [rng.randint(0, 59) for _ in moments]
    return [
        m.replace(second=s if seconds else 0) for m, s in zip(reversed(moments), drawn, strict=True)
    ]


def _chain(
    rng: random.Random, courier: Courier, ending: str, look: Look, extra: random.Random
) -> tuple[list[Event], dict[str, Any]]:
    """A parcel's events, oldest first, and the facts a reader should find. The wordings added
    later (`OTHER_SIGNINGS`, `_PLAIN_STATION`) are drawn from `extra`, so every draw of `rng`
    and the pages of earlier rounds stay as they were."""
    words = courier.words
    city = rng.choice(_CITIES)
    plan = ["posted"] + ["in_transit"] * rng.randint(1, 3)
    facts: dict[str, Any] = {"signer": None, "left_at_station": None}
    station = rng.choice(STATIONS)
    if ending != "transit":
        plan.append("out_for_delivery")
    if ending in ("station", "picked"):
        plan.append("at_station")
    if ending in ("signed", "picked"):
        plan.append("signed")
    moments = _times(rng, len(plan), look.time_format in _RELATIVE, look.time_format in _SECONDS)
    events = []
    for kind, moment in zip(plan, moments, strict=True):
        if kind == "signed" and ending == "picked":
            template = rng.choice(_CAINIAO_PICKED)
            text = _fill(template, rng, city=city, station=station)
            if "凭取货码" in text:
                facts["signer"] = "凭取货码"
        elif kind == "signed":
            signer = rng.choices([s for s, _ in SIGNERS], [w for _, w in SIGNERS])[0]
            template = rng.choice(words["signed"])
            if "签收人" not in template:  # "已由门卫签收", not "已由门卫代收签收"
                signer = signer.removesuffix("代收") or signer
            text = _fill(template, rng, city=city, signer=signer)
            facts["signer"] = signer
            if signer in _STATION_SIGNERS:
                facts["left_at_station"] = signer
            if extra.random() < 0.4:
                template, signer, variant = extra.choice(OTHER_SIGNINGS)
                text = _fill(template, extra, city=city)
                facts.update(signer=signer, variant=variant, left_at_station=None)
        elif kind == "at_station":
            own = [(t, 1) for t in words.get("at_station", ())]
            template = rng.choices(
                [t for t, _ in own] + list(_CAINIAO_STATION),
                [w for _, w in own] + [1] * len(_CAINIAO_STATION),
            )[0]
            text = _fill(template, rng, city=city, station=station)
            if extra.random() < 0.3:
                plain = extra.choice(_PLAIN_STATION)
                text = _fill(plain, extra, city=city, station=station, code6=_digits(extra, 6))
            facts["left_at_station"] = station
        else:
            text = _fill(rng.choice(words[kind]), rng, city=city)
        events.append(Event(moment, kind, text, rng.choice(STATUS_WORDS[kind])))
    return events, facts


_SECONDS = ("full_s", "slash", "cn_full_s", "pm_s", "cn_hms")
_RELATIVE = ("rel", "rel_pm")
# Time formats of the third round, per app (half the pages take one instead of the first ones).
_NEW_FORMATS = {
    "taobao": ("pm", "rel_pm", "rel_pm"),
    "cainiao": ("pm", "rel_pm", "cn_hm"),
    "pdd": ("cn_full", "cn_full_s", "pm_s"),
    "douyin": ("pm", "rel_pm"),
    "courier": ("cn_hm", "dian", "cn_full_s", "cn_hms"),
    "web": ("cn_full", "pm_s"),
    "plain": ("cn_hm", "dian", "pm"),
    "proof": ("cn_full", "cn_full_s", "pm_s"),
}


def twelve_hour(at: datetime, seconds: bool = False) -> str:
    """ "下午2:22" as Chinese apps print a 12-hour clock (凌晨0:30, 中午12:10, 晚上8:30)."""
    hour = at.hour
    period = (
        "凌晨"
        if hour < 6
        else "上午"
        if hour < 12
        else "中午"
        if hour < 13
        else ("下午" if hour < 18 else "晚上")
    )
    shown = hour if hour <= 12 else hour - 12
    return f"{period}{shown}:{at.minute:02d}" + (f":{at.second:02d}" if seconds else "")


def time_text(at: datetime, fmt: str, two_lines: bool = False) -> tuple[str, ...]:
    """How a page prints a moment (and as date over clock for a time column)."""
    clock_s, clock = at.strftime("%H:%M:%S"), at.strftime("%H:%M")
    if fmt == "full_s":
        parts = (at.strftime("%Y-%m-%d"), clock_s)
    elif fmt == "full":
        parts = (at.strftime("%Y-%m-%d"), clock)
    elif fmt == "md":
        parts = (at.strftime("%m-%d"), clock)
    elif fmt == "cn":
        parts = (f"{at.month}月{at.day}日", clock)
    elif fmt == "slash":
        parts = (at.strftime("%Y/%m/%d"), clock_s)
    elif fmt == "pm":  # 11-13 下午2:22
        parts = (at.strftime("%m-%d"), twelve_hour(at))
    elif fmt == "pm_s":  # 2026-11-13 下午2:22:08
        parts = (at.strftime("%Y-%m-%d"), twelve_hour(at, seconds=True))
    elif fmt == "cn_hm":  # 11月13日 14时22分
        parts = (f"{at.month}月{at.day}日", f"{at.hour}时{at.minute:02d}分")
    elif fmt == "cn_hms":  # 11月13日 14时22分08秒
        parts = (f"{at.month}月{at.day}日", f"{at.hour}时{at.minute:02d}分{at.second:02d}秒")
    elif fmt == "dian":  # 11月13日 14点22分
        parts = (f"{at.month}月{at.day}日", f"{at.hour}点{at.minute:02d}分")
    elif fmt == "cn_full":  # 2026年11月13日 14:22
        parts = (f"{at.year}年{at.month}月{at.day}日", clock)
    elif fmt == "cn_full_s":
        parts = (f"{at.year}年{at.month}月{at.day}日", clock_s)
    else:  # rel, rel_pm: 今天 14:22, 昨天 下午2:22, 前天 ...
        days = (REFERENCE.date() - at.date()).days
        day = {0: "今天", 1: "昨天", 2: "前天"}.get(days, at.strftime("%m-%d"))
        parts = (day, twelve_hour(at) if fmt == "rel_pm" else clock)
    return parts if two_lines else (" ".join(parts),)


def _header(rng: random.Random, app: str, courier: Courier, number: str) -> list[tuple[str, ...]]:
    name = rng.choice(courier.names[:2])
    label = rng.choice(("运单号", "快递单号", "物流单号", "运单编号"))
    sep = rng.choice(("：", "：", ":", " ", ""))
    copy = "[复制]"
    style = rng.choice(("name_number", "two_rows", "labelled", "number_first"))
    if app == "pdd":
        style = "labelled"
    if app == "web":
        style = rng.choice(("two_rows", "labelled"))
    if app == "plain":
        return [(f"{name} {label}{sep or '：'}{number}",)]
    if style == "name_number":
        rows = [(name, number, copy)]
    elif style == "two_rows":
        rows = [(name,), (f"{label}{sep}{number}", copy)]
    elif style == "labelled":
        rows = [
            (f"{rng.choice(('快递公司', '物流公司', '承运快递'))}{sep or '：'}{name}",),
            (f"{label}{sep}{number}", copy),
        ]
    else:
        rows = [(f"{label}{sep}{number}", copy, name)]
    if rng.random() < 0.4:
        rows.append((f"官方电话 {courier.hotline}",))
    return rows


_APPS = ("taobao", "cainiao", "pdd", "douyin", "courier", "web", "proof", "plain")
_APP_WEIGHTS = (4, 3, 2, 2, 3, 2, 2, 2)
_PLATFORMS = ("taobao", "cainiao", "pdd", "douyin")
# What a shopping platform shows before the courier has the parcel: not its collection.
_BEFORE_COLLECTION = (
    "您的订单已提交，商家正在备货",
    "商家正在通知快递公司揽件",
    "卖家已发货，包裹等待快递员揽收",
    "您的包裹正在等待揽收",
)
_ENDINGS = ("signed", "signed", "signed", "station", "picked", "transit")


def make_probe(
    index: int,
    seed: int = 2026,
    fonts: tuple[FontChoice, ...] | None = None,
    variants: bool = False,
) -> Probe:
    """Probe `index` of `seed`. With `variants`, the third round's wordings too (12-hour clocks,
    时/点 times, 年月日 dates, 前天; signings without 签收人, a bare 本人签收 on a proof, plainer
    locker wording), drawn from a stream of their own: without them a seed and index draw the
    very page they drew before (the tests that name one keep their page)."""
    rng = random.Random(f"{seed}-{index}")
    fonts = fonts or available_fonts()
    courier = COURIERS[rng.choice(sorted(COURIERS))]
    app = rng.choices(_APPS, _APP_WEIGHTS)[0]
    number = courier.number(rng)
    font = rng.choices(fonts, [f.weight for f in fonts])[0]
    width = rng.choice((720, 750, 828, 1080, 1080, 1170, 1242))
    if app == "web":
        width = rng.choice((1080, 1242, 1280))
    if app == "plain":  # a page drawn by hand: small text, no furniture
        width = rng.choice((640, 720, 800, 900))
    size = max(22, min(40, round(width / rng.uniform(26, 36))))
    if app == "plain":
        size = rng.randint(20, 28)
    time_at = {
        "taobao": ("left", "below", "left"),
        "cainiao": ("left", "below", "above"),
        "pdd": ("below", "below", "above"),
        "douyin": ("below", "head", "above"),
        "courier": ("head", "below", "left", "above"),
        "web": ("inline", "right", "inline"),
        "plain": ("inline", "below", "above"),
        "proof": ("below",),
    }[app]
    formats = {
        "taobao": ("md", "cn", "rel", "full"),
        "cainiao": ("cn", "md", "rel"),
        "pdd": ("full_s", "full", "md"),
        "douyin": ("md", "full", "rel"),
        "courier": ("full_s", "full", "md"),
        "web": ("full_s", "slash", "full"),
        "plain": ("full_s", "full", "md", "slash"),
        "proof": ("full_s", "full"),
    }[app]
    look = Look(
        font=font,
        size=size,
        width=width,
        dark=app not in ("web", "plain") and rng.random() < 0.3,
        jpeg=rng.choice((None, None, 60, 70, 80, 90)),
        scale_to=540 if rng.random() < 0.12 and width >= 1000 else None,
        time_at=rng.choice(time_at),
        time_format=rng.choice(formats),
        newest_first=app != "web" or rng.random() < 0.5,
        statuses=rng.choice(("all", "changes", "none"))
        if app in ("taobao", "cainiao", "douyin", "courier")
        else "none",
        grey_older=rng.random() < 0.6,
        status_bar=app not in ("web", "plain"),
    )
    if look.time_at == "head" and look.statuses == "none":
        look = Look(**{**look.__dict__, "statuses": "all"})
    # what later rounds added comes from its own stream: `rng`'s draws, and so the pages of a
    # seed and index from earlier rounds, stay as they were
    extra = random.Random(f"{seed}-{index}-variants")
    if not variants:
        extra = _Never()
    if extra.random() < 0.5:
        look = Look(**{**look.__dict__, "time_format": extra.choice(_NEW_FORMATS[app])})
    header = tuple(_header(rng, app, courier, number))
    if app == "proof":
        return _proof(index, rng, courier, number, look, extra)
    ending = rng.choice(_ENDINGS)
    events, facts = _chain(rng, courier, ending, look, extra)
    if app in _PLATFORMS and rng.random() < 0.35:
        start = rng.randrange(len(_BEFORE_COLLECTION) - 1)
        texts = _BEFORE_COLLECTION[start : start + rng.randint(1, 2)]
        moment, before = events[0].at, []
        for text in reversed(texts):
            moment -= timedelta(minutes=rng.randint(20, 600))
            before.insert(
                0, Event(moment.replace(second=events[0].at.second), "other", text, "已发货")
            )
        events = before + events
    extras = tuple(
        e
        for e, p in (("address", 0.35), ("summary", 0.3), ("footer", 0.4), ("icons", 0.2))
        if rng.random() < p and app not in ("web", "plain")
    )
    if ending == "transit" and rng.random() < 0.6:
        extras += ("eta",)
    posted = [e.at for e in events if e.kind == "posted"]
    signed = [e.at for e in events if e.kind == "signed"]
    expected = {
        "tracking_numbers": [number],
        "carrier": courier.code,
        "events": [{"at": e.at.isoformat(), "kind": e.kind, "text": e.text} for e in events],
        "posted_at": _iso(posted[0] if posted else None),
        "signed_at": _iso(signed[0] if signed else None),
        "signer": facts["signer"],
        "left_at_station": facts["left_at_station"],
    }
    latest = events[-1]
    summary = (latest.status or STATUS_WORDS[latest.kind][0], latest.text[:18] + "…")
    name = f"{index:03d}-{app}-{courier.code}-{ending}"
    variant = facts.get("variant", "labelled" if ending == "signed" else ending)
    return Probe(
        name,
        app,
        courier.code,
        header,
        tuple(events),
        look,
        expected,
        (),
        extras,
        summary,
        notes={"variant": variant},
    )


def _proof(
    index: int,
    rng: random.Random,
    courier: Courier,
    number: str,
    look: Look,
    extra: random.Random,
) -> Probe:
    signer = rng.choices([s for s, _ in SIGNERS], [w for _, w in SIGNERS])[0]
    if extra.random() < 0.1:  # the courier's label for a photo taken at the door, not a person
        signer = "拍照签收"
    [signed_at] = _times(rng, 1, False, look.time_format in _SECONDS)
    way = {
        "本人": "本人签收",
        "代收点": "驿站代收",
        "菜鸟驿站": "驿站代收",
        "丰巢快递柜": "快递柜",
        "快递柜": "快递柜",
    }.get(signer, "他人代收")
    rows: list[tuple[str, str]] = [
        ("运单号", number),
        ("快递公司", rng.choice(courier.names[:2])),
        ("收件人", rng.choice(("王**", "李*", "陈**"))),
    ]
    with_signer = rng.random() < 0.75
    # "本人签收" / "他人代收" printed as a line of its own (a stamp), no label
    bare = not with_signer and way in ("本人签收", "他人代收") and extra.random() < 0.5
    if with_signer:
        rows.append(("签收人", signer))
    rows.append(("签收时间", time_text(signed_at, look.time_format)[0]))
    rows.append(("", way) if bare else ("签收方式", way))
    rows.append(("派件员", rng.choice(_PEOPLE)))
    rows.append(("签收网点", rng.choice(_SITES) + "营业部"))
    shown = signer if with_signer else way
    if bare:  # "本人签收" says 本人 signed, "他人代收" that 他人 took it in
        shown = way[:2]
    variant = "proof_bare" if bare else "proof_labelled" if with_signer else "proof_way"
    station = None
    if with_signer and signer in _STATION_SIGNERS:
        station = signer
    elif not with_signer and way in ("快递柜",):
        station = way
    expected = {
        "tracking_numbers": [number],
        "carrier": courier.code,
        "events": [],
        "posted_at": None,
        "signed_at": signed_at.isoformat(),
        "signer": shown,
        "left_at_station": station,
    }
    title = rng.choice(("签收底单", "电子签收底单", "签收详情", "签收证明"))
    return Probe(
        f"{index:03d}-proof-{courier.code}",
        "proof",
        courier.code,
        ((title,),),
        (),
        look,
        expected,
        tuple(rows),
        columns=rng.random() < 0.5,
        notes={"way": way, "variant": variant},
    )


def probes(
    count: int,
    seed: int = 2026,
    fonts: tuple[FontChoice, ...] | None = None,
    variants: bool = False,
) -> Iterator[Probe]:
    for index in range(count):
        yield make_probe(index, seed, fonts, variants)


class _Never(random.Random):
    """The variants' stream when they are off: never below a share, so never drawn."""

    def random(self) -> float:
        return 1.0


# --------------------------------------------------------------------------- drawing

_ACCENTS = {
    "taobao": (255, 80, 0),
    "cainiao": (255, 106, 0),
    "pdd": (224, 46, 36),
    "douyin": (254, 44, 85),
    "courier": (16, 16, 16),
    "web": (0, 102, 204),
    "plain": (34, 34, 34),
    "proof": (16, 16, 16),
}
_NAV_TITLES = {
    "taobao": "物流详情",
    "cainiao": "包裹详情",
    "pdd": "物流详情",
    "douyin": "物流详情",
    "courier": "运单详情",
    "web": "运单追踪",
    "plain": "",
    "proof": "签收详情",
}


class _Sheet:
    def __init__(self, probe: Probe) -> None:
        look = probe.look
        self.look = look
        self.width = look.width
        self.ops: list[Callable[[ImageDraw.ImageDraw], None]] = []
        self.y = 0
        s = look.size
        self.margin = round(self.width * 0.045)
        self.body = self._font(s)
        self.small = self._font(round(s * 0.82))
        self.bold = self._font(round(s * 1.05), bold=True)
        self.title = self._font(round(s * 1.15), bold=True)
        if look.dark:
            self.bg, self.card = (18, 18, 18), (32, 32, 34)
            self.ink, self.grey, self.faint = (232, 232, 232), (140, 140, 140), (70, 70, 70)
        else:
            self.bg, self.card = (245, 245, 245), (255, 255, 255)
            self.ink, self.grey, self.faint = (34, 34, 34), (150, 150, 150), (220, 220, 220)
        if probe.app in ("web", "plain"):
            self.bg = self.card
        accent = _ACCENTS[probe.app]
        self.accent = (235, 235, 235) if look.dark and accent == (16, 16, 16) else accent

    def _font(self, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
        choice = self.look.font
        if bold and choice.bold is not None:
            return ImageFont.truetype(str(choice.bold[0]), size, index=choice.bold[1])
        font = ImageFont.truetype(str(choice.path), size, index=choice.index)
        if bold:
            font.fake_bold = True  # type: ignore[attr-defined]
        return font

    def text(self, x: int, y: int, text: str, font: Any, fill: Any) -> None:
        stroke = 1 if getattr(font, "fake_bold", False) else 0

        def op(draw: ImageDraw.ImageDraw) -> None:
            draw.text((x, y), text, font=font, fill=fill, stroke_width=stroke, stroke_fill=fill)

        self.ops.append(op)

    def rect(
        self, box: tuple[int, int, int, int], fill: Any = None, outline: Any = None, radius: int = 0
    ) -> None:
        self.ops.append(
            lambda d: d.rounded_rectangle(box, radius=radius, fill=fill, outline=outline, width=2)
        )

    def ellipse(
        self, box: tuple[int, int, int, int], fill: Any = None, outline: Any = None
    ) -> None:
        self.ops.append(lambda d: d.ellipse(box, fill=fill, outline=outline, width=3))

    def line(self, points: list[tuple[int, int]], fill: Any, width: int = 2) -> None:
        self.ops.append(lambda d: d.line(points, fill=fill, width=width))

    def wrap(self, text: str, font: Any, width: int) -> list[str]:
        lines, line = [], ""
        for char in text:
            if font.getlength(line + char) > width and line:
                lines.append(line)
                line = char
            else:
                line += char
        return [*lines, line] if line else lines

    def image(self) -> Image.Image:
        image = Image.new("RGB", (self.width, self.y + self.look.size * 2), self.bg)
        draw = ImageDraw.Draw(image)
        for op in self.ops:
            op(draw)
        return image


def render(probe: Probe) -> Image.Image:
    """The screenshot as the phone (or browser) saved it."""
    sheet = _Sheet(probe)
    look, s, m = probe.look, probe.look.size, sheet.margin
    if look.status_bar:
        sheet.text(m, round(s * 0.4), "10:02", sheet.bold, sheet.ink)
        right = "5G  86%"
        sheet.text(
            sheet.width - m - round(sheet.small.getlength(right)),
            round(s * 0.45),
            right,
            sheet.small,
            sheet.ink,
        )
        sheet.y = round(s * 1.8)
        title = _NAV_TITLES[probe.app]
        tw = sheet.title.getlength(title)
        sheet.line(
            [
                (m + s // 2, sheet.y + s),
                (m, sheet.y + round(s * 1.4)),
                (m + s // 2, sheet.y + round(s * 1.8)),
            ],
            sheet.ink,
            3,
        )
        sheet.text(
            round((sheet.width - tw) / 2), sheet.y + round(s * 0.75), title, sheet.title, sheet.ink
        )
        sheet.y += round(s * 3.2)
    else:
        sheet.y = round(s * 1.2)
    _draw_header(sheet, probe)
    if probe.proof:
        _draw_proof(sheet, probe)
    else:
        if "summary" in probe.extras:
            _draw_summary(sheet, probe)
        _draw_events(sheet, probe)
    if "footer" in probe.extras:
        footer = f"以上信息由{COURIERS[probe.courier].names[0]}提供，如有疑问请咨询官方客服"
        for part in sheet.wrap(footer, sheet.small, sheet.width - 2 * m):
            sheet.text(m, sheet.y, part, sheet.small, sheet.grey)
            sheet.y += round(s * 1.2)
    image = sheet.image()
    if look.scale_to:
        height = round(image.height * look.scale_to / image.width)
        image = image.resize((look.scale_to, height), Image.Resampling.LANCZOS)
    if look.jpeg is not None:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=look.jpeg)
        buffer.seek(0)
        image = Image.open(buffer).convert("RGB")
    return image


def _draw_header(sheet: _Sheet, probe: Probe) -> None:
    s, m = probe.look.size, sheet.margin
    rows = probe.header
    top = sheet.y
    height = round(len(rows) * s * 1.7 + s * 1.2)
    sheet.rect((m // 2, top, sheet.width - m // 2, top + height), fill=sheet.card, radius=s // 2)
    y = top + round(s * 0.6)
    logo = probe.app in ("taobao", "cainiao", "douyin") and probe.proof == ()
    x0 = m
    if logo:
        r = round(s * 0.9)
        sheet.ellipse((m, y, m + 2 * r, y + 2 * r), fill=sheet.accent)
        x0 = m + 2 * r + s // 2
    for row in rows:
        x = x0
        for index, part in enumerate(row):
            if part == "[复制]":
                w = round(sheet.small.getlength("复制") + s * 0.8)
                x += s // 2
                sheet.rect(
                    (x, y - 2, x + w, y + round(s * 1.15)), outline=sheet.grey, radius=s // 2
                )
                sheet.text(x + round(s * 0.4), y + round(s * 0.08), "复制", sheet.small, sheet.grey)
                x += w
                continue
            font = (
                sheet.bold
                if index == 0 and len(row) == 1 and part == row[0] and rows.index(row) == 0
                else sheet.body
            )
            if index == 2:  # a courier name right-aligned
                x = sheet.width - m - round(font.getlength(part))
            elif index:
                x += s // 2
            sheet.text(x, y, part, font, sheet.ink)
            x += round(font.getlength(part))
        y += round(s * 1.7)
    sheet.y = top + height + round(s * 0.8)
    if "address" in probe.extras:
        r = round(s * 0.6)
        sheet.ellipse((m, sheet.y, m + 2 * r, sheet.y + 2 * r), fill=sheet.grey)
        sheet.text(m + round(r * 0.45), sheet.y + round(r * 0.25), "收", sheet.small, sheet.card)
        address = "【收货地址】广东省深圳市南山区科技园南路18号 3栋1204"
        for part in sheet.wrap(address, sheet.body, sheet.width - 3 * m - 2 * r):
            sheet.text(m + 2 * r + m // 2, sheet.y, part, sheet.body, sheet.ink)
            sheet.y += round(s * 1.4)
        sheet.y += round(s * 0.8)
    if "eta" in probe.extras:
        eta = rng_free_eta(probe)
        sheet.text(m, sheet.y, eta, sheet.bold, sheet.accent)
        sheet.y += round(s * 2)


def rng_free_eta(probe: Probe) -> str:
    last = probe.events[-1].at + timedelta(days=2)
    return f"预计 {last.month}月{last.day}日 18:00 前送达"


def _draw_summary(sheet: _Sheet, probe: Probe) -> None:
    s, m = probe.look.size, sheet.margin
    status, text = probe.summary
    sheet.text(m, sheet.y, status, sheet.title, sheet.accent)
    sheet.y += round(s * 1.7)
    sheet.text(m, sheet.y, text, sheet.body, sheet.grey)
    sheet.y += round(s * 2.4)


def _status_shown(probe: Probe, ordered: list[Event]) -> list[str]:
    mode = probe.look.statuses
    shown = []
    previous = None
    for event in ordered:
        if mode == "all" or (mode == "changes" and event.kind != previous):
            shown.append(event.status)
        else:
            shown.append("")
        previous = event.kind
    return shown


def _draw_events(sheet: _Sheet, probe: Probe) -> None:
    look, s, m = probe.look, probe.look.size, sheet.margin
    ordered = list(reversed(probe.events)) if look.newest_first else list(probe.events)
    statuses = _status_shown(probe, ordered)
    two_lines = look.time_at == "left"
    times = [time_text(e.at, look.time_format, two_lines) for e in ordered]
    column = 0
    if look.time_at == "left":
        column = max(round(sheet.small.getlength(p)) for t in times for p in t) + s // 2
    if look.time_at == "inline":
        column = max(round(sheet.small.getlength(t[0])) for t in times) + s
    right_column = 0
    if look.time_at == "right":
        right_column = max(round(sheet.small.getlength(t[0])) for t in times) + s
    rail = m + column + round(s * 0.5)
    if look.time_at == "inline":
        rail = m + column - s // 2
    text_x = rail + round(s * 1.1)
    if look.time_at == "inline" or probe.app == "plain":
        text_x = m + column
    if look.time_at == "head":  # the text's first line may carry the time at its right
        right_column = max(round(sheet.small.getlength(t[0])) for t in times) + s
    text_w = sheet.width - text_x - m - right_column
    dots = []
    newest = 0 if look.newest_first else len(ordered) - 1
    for index, (event, status, shown_time) in enumerate(zip(ordered, statuses, times, strict=True)):
        top = sheet.y
        is_newest = index == newest
        colour = sheet.accent if is_newest and probe.app != "web" else sheet.ink
        text_colour = sheet.grey if (look.grey_older and not is_newest) else colour
        y = top
        if look.time_at == "above":
            sheet.text(text_x, y, shown_time[0], sheet.small, sheet.grey)
            y += round(s * 1.3)
        if look.time_at in ("left", "inline"):
            for k, part in enumerate(shown_time):
                sheet.text(m, top + k * round(s * 1.15) + 2, part, sheet.small, sheet.grey)
        if status:
            sheet.text(text_x, y, status, sheet.bold, colour)
            if look.time_at == "head":
                when = shown_time[0]
                sheet.text(
                    sheet.width - m - round(sheet.small.getlength(when)),
                    y + 4,
                    when,
                    sheet.small,
                    sheet.grey,
                )
            y += round(s * 1.45)
        if look.time_at == "right" or (look.time_at == "head" and not status):
            when = shown_time[0]
            sheet.text(
                sheet.width - m - round(sheet.small.getlength(when)),
                y + 2,
                when,
                sheet.small,
                sheet.grey,
            )
        for part in sheet.wrap(event.text, sheet.body, text_w):
            sheet.text(text_x, y, part, sheet.body, text_colour)
            y += round(s * 1.4)
        if look.time_at == "below":
            sheet.text(text_x, y + 4, shown_time[0], sheet.small, sheet.grey)
            y += round(s * 1.3)
        y = max(y, top + round(s * 2.6))
        dots.append((top + round(s * 0.55), is_newest, status))
        sheet.y = y + round(s * 1.1)
        if probe.app == "web":
            sheet.line(
                [(m, sheet.y - round(s * 0.55)), (sheet.width - m, sheet.y - round(s * 0.55))],
                sheet.faint,
                1,
            )
    if probe.app in ("web", "plain"):
        return
    sheet.line([(rail, dots[0][0]), (rail, dots[-1][0])], sheet.faint, 2)
    for centre, is_newest, status in dots:
        icons = "icons" in probe.extras and status
        r = round(s * (0.5 if icons else (0.32 if is_newest else 0.22)))
        fill = sheet.accent if is_newest else sheet.grey if not icons else sheet.faint
        sheet.ellipse((rail - r, centre - r, rail + r, centre + r), fill=fill)
        if icons:
            glyph = status[-2] if len(status) > 1 else status
            font = sheet._font(round(s * 0.6))
            sheet.text(rail - round(s * 0.3), centre - round(s * 0.36), glyph, font, sheet.card)


def _draw_proof(sheet: _Sheet, probe: Probe) -> None:
    s, m = probe.look.size, sheet.margin
    label_w = max(round(sheet.body.getlength(label)) for label, _ in probe.proof)
    for label, value in probe.proof:
        if not label:
            sheet.text(m, sheet.y, value, sheet.bold, sheet.ink)
        elif probe.columns:
            sheet.text(m, sheet.y, label, sheet.body, sheet.grey)
            if len(value) > 12:
                sheet.text(m + label_w + s * 2, sheet.y, value, sheet.body, sheet.ink)
            else:
                sheet.text(
                    sheet.width - m - round(sheet.body.getlength(value)),
                    sheet.y,
                    value,
                    sheet.body,
                    sheet.ink,
                )
        else:
            sheet.text(m, sheet.y, f"{label}：{value}", sheet.body, sheet.ink)
        sheet.y += round(s * 1.8)
    # the signature box
    top = sheet.y + s
    sheet.rect((m, top, sheet.width - m, top + s * 5), outline=sheet.faint, radius=s // 3)
    points = [(m + s * 2 + k * s, top + s * 2 + (k % 3) * s) for k in range(8)]
    sheet.line(points, sheet.ink, 3)
    sheet.y = top + s * 6


def save(probe: Probe, folder: Path) -> Path:
    suffix = ".jpg" if probe.look.jpeg is not None else ".png"
    path = folder / f"{probe.name}{suffix}"
    image = render(probe)
    if probe.look.jpeg is not None:
        image.save(path, "JPEG", quality=probe.look.jpeg)
    else:
        image.save(path)
    return path
