"""A parcel's tracking timeline read from the text of screenshots (物流详情, 签收底单).

`parse_timeline` takes the OCR lines of one or more screenshots (text and box; plain strings
work too, stacked one under the other) and returns a `Timeline`: the events with their times,
texts and kinds (oldest first), the tracking numbers and courier, the posting time (the
collection event), the signing time and who signed, and the station or locker the parcel was
left at. Pure: the wording is data (`TimelineRules`, ``resources/timeline/``), the reference
moment for "昨天" and year-less dates is passed in, and nothing is read from disk here.

How lines become events, for any of the layouts pages use:

1. every line that is (or starts or ends with) a time is an anchor; a date and a clock time in
   two boxes (``11-13`` over ``14:22``; ``2026-11-13`` beside ``14:22:08``) are joined first;
2. when most anchors have text to their right starting level with them (a time column:
   Cainiao, the couriers' web pages), an event is the text right of its anchor down to the
   next anchor;
3. otherwise the times sit above or below their texts (Taobao and the SF app: text, then time).
   Which one is decided by spacing (a time is closer to its own text than to the next event's)
   and, when spacing says nothing, by whether the page's first event line is a time;
4. status titles (已签收, 运输中) and page furniture (物流详情, 运单号..., a line of just the
   courier's name and number) never become text.

The layout steps live in `timeline_layout`; this module finds the facts (numbers, courier,
signer, station, labelled times of a proof of delivery) and merges screenshots.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .carriers import CarrierBook
from .timeline_dates import normalise
from .timeline_layout import (
    Item,
    OcrLine,
    as_lines,
    beside,
    items_of,
    join_dates,
    no_spaces,
    same_row,
    side_events,
    stacked_events,
    text_of,
    time_label,
)
from .timeline_rules import EventKind, SignerCategory, TimelineRules

_PHONE = re.compile(r"^1[3-9]\d{9}$")
_NUMBER = re.compile(r"(?<![A-Z0-9])[A-Z]{0,4}\d{9,20}[A-Z]{0,2}(?![A-Z0-9])")
_LABELLED = re.compile(r"^[:：#＃\s]*([A-Z]{0,4}[0-9][A-Z0-9]{7,29})")


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime
    text: str
    kind: EventKind


@dataclass(frozen=True)
class Timeline:
    tracking_numbers: tuple[str, ...] = ()
    carrier: str | None = None
    events: tuple[TimelineEvent, ...] = ()
    """Oldest first."""
    posted_at: datetime | None = None
    signed_at: datetime | None = None
    signer: str | None = None
    left_at_station: str | None = None
    """The station or locker the parcel was left at (菜鸟驿站（幸福里店）, 丰巢智能柜), if any."""

    def to_json(self) -> dict[str, Any]:
        """The ``seller-claims timeline --json`` object (times ISO 8601 with their offset)."""
        return {
            "tracking_numbers": list(self.tracking_numbers),
            "carrier": self.carrier,
            "events": [
                {"at": e.at.isoformat(), "text": e.text, "kind": e.kind.value} for e in self.events
            ],
            "posted_at": _iso(self.posted_at),
            "signed_at": _iso(self.signed_at),
            "signer": self.signer,
            "left_at_station": self.left_at_station,
        }

    @property
    def empty(self) -> bool:
        return not (self.events or self.tracking_numbers or self.signer or self.signed_at)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


# --------------------------------------------------------------------------- facts


def _numbers(
    lines: Sequence[str], rules: TimelineRules, carriers: CarrierBook, named: str | None
) -> list[str]:
    """Tracking numbers: after a label (运单号：...); alone when a courier's pattern knows them
    with at least medium confidence, or with any confidence when the page names that courier
    ("中通快递 73123456789012"). A phone number is never one."""
    found: list[str] = []
    courier = carriers.by_code.get(named or "")
    labels = sorted(rules.number_labels, key=len, reverse=True)
    for raw in lines:
        line = re.sub(r"[\s\-]", "", normalise(raw)).upper()
        for label in labels:
            index = line.find(no_spaces(label).upper())
            if index < 0:
                continue
            match = _LABELLED.match(line[index + len(no_spaces(label)) :])
            if match and not _PHONE.match(match.group(1)):
                found.append(match.group(1))
            break
        for match in _NUMBER.finditer(line):
            number = match.group(0)
            if _PHONE.match(number):
                continue
            best = max((c.best_confidence(number) for c in carriers.carriers), default=0)
            if best >= 2 or (courier is not None and courier.best_confidence(number) > 0):
                found.append(number)
    return list(dict.fromkeys(found))


def _is_heading(text: str, numbers: Sequence[str], rules: TimelineRules) -> bool:
    """A line that is only a courier's name and/or the tracking number ("顺丰速运",
    "中通快递 73123456789012"): the page's heading, not an event's text."""
    rest = re.sub(r"[\s\-]", "", normalise(text)).upper()
    original = rest
    start = re.sub(r"^[^\w]+", "", rest)
    names = [no_spaces(name).upper() for courier in rules.couriers for name in courier.names]
    labels = [no_spaces(label).upper() for label in rules.number_labels]
    if not any(start.startswith(word) for word in (*numbers, *names, *labels)):
        return False  # "用极兔速递" wrapped from "...感谢使用极兔速递" is words
    for number in numbers:
        rest = rest.replace(number, "")
    for courier in rules.couriers:
        for name in sorted(courier.names, key=len, reverse=True):
            rest = rest.replace(no_spaces(name).upper(), "")
    for label in rules.number_labels:
        rest = rest.replace(no_spaces(label).upper(), "")
    rest = re.sub(r"[^\w]", "", rest)
    return rest != re.sub(r"[^\w]", "", original) and len(rest) <= 2


def _first_match(
    patterns: Iterable[re.Pattern[str]], texts: Iterable[str], group: str
) -> str | None:
    for text in texts:
        for pattern in patterns:
            match = pattern.search(no_spaces(text))
            if match and match.group(group).strip():
                return match.group(group).strip()
    return None


# A number printed after the signer: "王先生（138****5678）", "张三(电话:13800001111)",
# "丰巢(取件码12345678)", "前台 0755-12345678", or its bracket left open by OCR
# ("王先生（138****5678"). Five digits or masking stars in a row: a locker's "(A12柜)" or a
# building's "(12号楼)" stays.
_SIGNER_PHONE = re.compile(
    r"(?:[(（\[【][^()（）\[\]【】]*[\d*＊]{5}[^()（）\[\]【】]*[)）\]】]?"
    r"|(?:联系电话|电话|手机|tel)?[:：]?[\d*＊][\d*＊\-]{4,})$",
    re.IGNORECASE,
)


def clean_signer(value: str | None) -> str | None:
    """The signer without a phone number after it and without the brackets around it."""
    if value is None:
        return None
    text = _SIGNER_PHONE.sub("", value.strip()).strip(" :：")
    # brackets around the whole value, or left unmatched by the cut: "【本人】", "【门卫】】"
    while len(text) > 1 and text[0] in _OPENING and text[-1] in _CLOSING:
        text = text[1:-1]

    def unmatched() -> int:
        return sum(c in _OPENING for c in text) - sum(c in _CLOSING for c in text)

    while text and text[-1] in _CLOSING and unmatched() < 0:
        text = text[:-1]
    while text and text[0] in _OPENING and unmatched() > 0:
        text = text[1:]
    return text.strip(" :：") or None


_OPENING, _CLOSING = "【[(（", "】])）"


def _wrapped_furniture(items: Sequence[Item]) -> None:
    """The rest of a furniture line that wrapped (an address: "...3栋12" / "04") is furniture:
    a line under one that runs to the page's right edge, as close as wrapped lines are."""
    right = max((i.x1 for i in items), default=0)
    texts = sorted((i for i in items if i.is_text), key=lambda i: i.y0)
    for index, item in enumerate(texts):
        if not item.header or item.x1 < right - 2 * item.height:
            continue
        for below in texts[index + 1 :]:
            gap = below.y0 - item.y1
            if gap > 0.2 * item.height:
                break
            if gap > -0.5 * item.height and below.x0 <= item.x0 + item.height:
                below.header = True


def _place(patterns: Iterable[re.Pattern[str]], texts: Iterable[str]) -> str | None:
    """The station or locker named in the first text that names one; of several names in it,
    the longest ("【驿站】...存放至【幸福里小区菜鸟驿站】": the place, not the sender's tag)."""
    for text in texts:
        compact = no_spaces(text)
        found = [
            (len(match.group("station").strip()), match.start("station"), match.group("station"))
            for pattern in patterns
            for match in pattern.finditer(compact)
            if match.group("station").strip()
        ]
        if found:  # the longest; of two as long, the later (the place after "送达【代收点】")
            return max(found)[2].strip()
    return None


def _labelled_signer(items: Sequence[Item], rules: TimelineRules) -> str | None:
    """The signer printed as a field (a proof of delivery): ``签收人：前台`` in one box, or a
    ``签收人`` box with its value right of it; the labels in their order of preference
    (签收人 before 签收方式)."""
    texts = sorted((i for i in items if i.is_text), key=lambda i: (i.y0, i.x0))
    labels = [label for labels in rules.field_labels.values() for label in labels]
    for label in rules.field_labels.get("signer", ()):
        for item in texts:
            compact = no_spaces(normalise(item.text)).lstrip(":：")
            rest = compact[len(label) :]
            if not compact.startswith(label) or (rest and rest[0] not in ":："):
                continue
            value = re.split(r"[，,。；;！!]", rest.lstrip(":："))[0]
            if not value:
                right = [
                    t
                    for t in texts
                    if t is not item and same_row(t, item) and t.x0 >= item.x1 - item.height
                ]
                value = no_spaces(min(right, key=lambda t: t.x0).text) if right else ""
            value = clean_signer(value) or ""
            if value and not any(value.startswith(other) for other in labels):
                return value
    return None


def _fields(items: list[Item], rules: TimelineRules) -> dict[str, datetime]:
    """Times printed as labelled fields (a proof of delivery: ``签收时间：2026-11-13 14:22``), in
    one box or in a label box left of the time; those items are taken out of the timeline."""
    found: dict[str, datetime] = {}
    for item in items:
        if item.field_key is not None and item.at is not None:
            found.setdefault(item.field_key, item.at)
    for label in [i for i in items if i.is_text and time_label(i.text, rules)]:
        key = time_label(label.text, rules)
        times = [a for a in items if a.at is not None and same_row(a, label) and a.x0 >= label.x0]
        if key is not None and times:
            nearest = min(times, key=lambda a: a.x0)
            found.setdefault(key, nearest.at)  # type: ignore[arg-type]
            nearest.field_key = key
        label.header = True
    return found


def parse_page(
    lines: Sequence[OcrLine | str],
    rules: TimelineRules,
    carriers: CarrierBook,
    reference: datetime,
) -> Timeline:
    """The timeline of one screenshot's lines (see the module docstring)."""
    ocr = as_lines(lines)
    texts_in_order = [line.text for line in sorted(ocr, key=lambda x: (x.box[1], x.box[0]))]
    carrier = _carrier(texts_in_order, rules)
    numbers = _numbers(texts_in_order, rules, carriers, carrier)
    if carrier is None and numbers:
        candidates = carriers.candidates(numbers)
        carrier = candidates[0] if candidates else None
    items = join_dates(items_of(ocr, rules, reference))
    for item in items:
        if item.is_text and not item.header and _is_heading(item.text, numbers, rules):
            item.header = True
    _wrapped_furniture(items)
    labelled_signer = _labelled_signer(items, rules)
    fields = _fields(items, rules)
    anchors = [i for i in items if i.at is not None and i.field_key is None]
    texts = [i for i in items if i.is_text and not i.header]
    heights = [i.height for i in items if i.is_text] or [40]
    limit = 0.9 * statistics.median(heights)
    grouped: list[tuple[Item, list[Item]]] = []
    if anchors:
        side = sum(1 for a in anchors if any(beside(t, a) for t in texts))
        if side * 2 > len(anchors):
            grouped = side_events(anchors, texts, limit)
        else:
            grouped = stacked_events(anchors, texts, limit)
    events = []
    for anchor, parts in grouped:
        status, text = text_of(parts, rules, carrier)
        if not text and not status:
            continue
        assert anchor.at is not None
        kind = rules.kind_of(f"{status} {text}", carrier)
        events.append(TimelineEvent(anchor.at, text or status, kind))
    return _finish(numbers, carrier, events, fields, texts_in_order, rules, labelled_signer)


def _carrier(texts: Sequence[str], rules: TimelineRules) -> str | None:
    for text in texts:
        hits = rules.names_in(text)
        if hits:
            return hits[0][1]
    return None


def _finish(
    numbers: Sequence[str],
    carrier: str | None,
    events: Sequence[TimelineEvent],
    fields: dict[str, datetime],
    texts: Sequence[str],
    rules: TimelineRules,
    labelled_signer: str | None = None,
) -> Timeline:
    ordered = sorted(dict.fromkeys(events), key=lambda e: e.at)
    posted = [e for e in ordered if e.kind is EventKind.POSTED]
    signed = [e for e in ordered if e.kind is EventKind.SIGNED]
    station_events = [e for e in ordered if e.kind is EventKind.AT_STATION]
    signer = _first_match(rules.signer_patterns, [e.text for e in signed], "signer")
    if signer is None:
        signer = labelled_signer
    if signer is None:
        signer = _first_match(
            rules.signer_patterns, [e.text for e in reversed(ordered)] or texts, "signer"
        )
    if signer is None and not ordered:
        signer = _first_match(rules.signer_patterns, texts, "signer")
    signer = clean_signer(signer)
    station = _place(rules.station_patterns, [e.text for e in reversed(station_events)])
    category = rules.classify_signer(signer) if signer else None
    if station is None and category is not None and category.code in ("station", "locker"):
        station = _place(rules.station_patterns, [e.text for e in signed]) or signer
    return Timeline(
        tracking_numbers=tuple(numbers),
        carrier=carrier,
        events=tuple(ordered),
        posted_at=fields.get("posted_at") or (posted[0].at if posted else None),
        signed_at=fields.get("signed_at") or (signed[0].at if signed else None),
        signer=signer,
        left_at_station=station,
    )


def merge(pages: Sequence[Timeline]) -> Timeline:
    """Several screenshots of one parcel (a long page scrolled, a page and its proof of
    delivery) as one timeline: events of overlapping screenshots counted once."""
    if not pages:
        return Timeline()
    if len(pages) == 1:
        return pages[0]
    numbers = list(dict.fromkeys(n for page in pages for n in page.tracking_numbers))
    carrier = next((p.carrier for p in pages if p.carrier), None)
    events: dict[tuple[datetime, str], TimelineEvent] = {}
    for page in pages:
        for event in page.events:
            events.setdefault((event.at, no_spaces(event.text)), event)
    ordered = tuple(sorted(events.values(), key=lambda e: e.at))
    posted = [p.posted_at for p in pages if p.posted_at]
    signed = [p.signed_at for p in pages if p.signed_at]
    return Timeline(
        tracking_numbers=tuple(numbers),
        carrier=carrier,
        events=ordered,
        posted_at=min(posted) if posted else None,
        signed_at=min(signed) if signed else None,
        signer=next((p.signer for p in pages if p.signer), None),
        left_at_station=next((p.left_at_station for p in pages if p.left_at_station), None),
    )


def parse_timeline(
    pages: Sequence[Sequence[OcrLine | str]],
    rules: TimelineRules,
    carriers: CarrierBook,
    reference: datetime,
) -> Timeline:
    """The timeline of several screenshots (each a list of lines), merged."""
    return merge([parse_page(lines, rules, carriers, reference) for lines in pages])


@dataclass(frozen=True)
class SignerReading:
    """What a timeline's signer text means for the case's signer question.

    ``who`` answers "who signed" (`SignerWho` value); ``ask_authorised``: the seller must ask the
    buyer whether they authorised that person or place (seed 002's check)."""

    text: str
    category: str | None
    who: str
    ask_authorised: bool


def read_signer(timeline: Timeline, rules: TimelineRules) -> SignerReading | None:
    if not timeline.signer:
        return None
    category: SignerCategory | None = rules.classify_signer(timeline.signer)
    if category is None:
        return SignerReading(timeline.signer, None, "unknown", False)
    return SignerReading(
        timeline.signer, category.code, category.who.value, category.ask_authorised
    )


__all__ = [
    "EventKind",
    "OcrLine",
    "SignerReading",
    "Timeline",
    "TimelineEvent",
    "merge",
    "parse_page",
    "parse_timeline",
    "read_signer",
]
