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
2. when most anchors have text to their right on the same row (a time column: JD, Cainiao, the
   couriers' web pages), an event is the text right of its anchor down to the next anchor;
3. otherwise the times sit above or below their texts (Taobao and the SF app: text, then time).
   Which one is decided by spacing (a time is closer to its own text than to the next event's)
   and, when spacing says nothing, by whether the page's first event line is a time;
4. status titles (已签收, 运输中) and page furniture (物流详情, 运单号...) never become text.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from .carriers import CarrierBook
from .timeline_dates import find_times, join_date_time, normalise
from .timeline_rules import EventKind, SignerCategory, TimelineRules

Box = tuple[int, int, int, int]
_LEADING = re.compile(r"^[\s:：,，.。;；、|·•\-—_()（）\[\]【】]*$")
# the dots of a timeline's rail, read as characters when they touch the text
_BULLETS = re.compile(r"\s*[●○◉◎•⚫⬤]\s*")
_PHONE = re.compile(r"^1[3-9]\d{9}$")
_NUMBER = re.compile(r"(?<![A-Z0-9])[A-Z]{0,4}\d{9,20}[A-Z]{0,2}(?![A-Z0-9])")
_LABELLED = re.compile(r"^[:：#＃\s]*([A-Z]{0,4}[0-9][A-Z0-9]{7,29})")


@dataclass(frozen=True)
class OcrLine:
    """One box of text as OCR read it: the text, its box (x0, y0, x1, y1) and confidence."""

    text: str
    box: Box
    score: float = 1.0


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


# --------------------------------------------------------------------------- items


@dataclass
class _Item:
    text: str
    box: Box
    at: datetime | None = None
    day: date | None = None
    clock: time | None = None
    header: bool = False
    status: bool = False
    field_key: str | None = None
    clock_box: Box | None = None
    """For a date joined with a clock time: the clock's own box."""
    used: bool = field(default=False, compare=False)

    @property
    def x0(self) -> int:
        return self.box[0]

    @property
    def y0(self) -> int:
        return self.box[1]

    @property
    def x1(self) -> int:
        return self.box[2]

    @property
    def y1(self) -> int:
        return self.box[3]

    @property
    def height(self) -> int:
        return max(1, self.box[3] - self.box[1])

    @property
    def edge(self) -> int:
        """Where text right of this time may begin: the clock's right edge for a joined time
        (a wide date above a short clock must not hide the text beside the clock)."""
        return (self.clock_box or self.box)[2]

    @property
    def line(self) -> int:
        """One line's height (the clock's, for a date and clock stacked)."""
        box = self.clock_box or self.box
        return max(1, box[3] - box[1])

    @property
    def is_text(self) -> bool:
        return self.at is None and self.day is None and self.clock is None


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _same_row(a: _Item, b: _Item) -> bool:
    overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
    return overlap >= 0.5 * min(a.height, b.height)


def _union(a: Box, b: Box) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _as_lines(lines: Iterable[OcrLine | str]) -> list[OcrLine]:
    """Plain strings get boxes one under the other, evenly spaced."""
    result = []
    for index, line in enumerate(lines):
        if isinstance(line, str):
            result.append(OcrLine(line, (0, index * 50, 20 * max(1, len(line)), index * 50 + 40)))
        else:
            result.append(line)
    return result


def _items(lines: Sequence[OcrLine], rules: TimelineRules, reference: datetime) -> list[_Item]:
    """Lines as items: a line made of a time and text is split into an anchor and a text."""
    items: list[_Item] = []
    for line in lines:
        # times are found in the normalised text (：->:), the text keeps what the page shows;
        # normalising maps one character to one, so positions agree
        text = line.text.replace("\u3000", " ").strip()
        plain = normalise(text)
        if not text:
            continue
        compact = _compact(plain)
        header = any(word in compact for word in rules.header_words)
        found = find_times(plain, reference)
        label = _time_label(plain, rules)
        if label is not None:
            moments = [f.at for f in found if f.at is not None]
            items.append(_Item(text, line.box, moments[0] if moments else None, field_key=label))
            if not moments:
                items[-1].at = None
                items[-1].header = True
            continue
        first = found[0] if found else None
        if first is not None and _LEADING.match(plain[: first.start]):
            rest = text[first.end :].strip(" :：,，")
            if first.day is not None and rest and not _LEADING.match(rest):
                # a date followed by words is a mention ("11-14 起停发"), not a heading;
                # a clock followed by words is an event under a day heading ("14:22 已签收")
                items.append(_item_text(text, line.box, rules, header))
                continue
            if not rest or _LEADING.match(rest):
                items.append(
                    _Item(text[first.start : first.end], line.box, first.at, first.day, first.clock)
                )
                continue
            left, right = _split_box(line.box, first.end, len(text))
            items.append(
                _Item(text[first.start : first.end], left, first.at, first.day, first.clock)
            )
            items.append(_item_text(rest, right, rules, header))
            continue
        last = found[-1] if found else None
        if last is not None and last.at is not None and _LEADING.match(plain[last.end :]):
            before = text[: last.start].strip(" :：,，")
            left, right = _split_box(line.box, last.start, len(text))
            items.append(_item_text(before, left, rules, header))
            items.append(_Item(text[last.start : last.end], right, last.at))
            continue
        items.append(_item_text(text, line.box, rules, header))
    return items


def _split_box(box: Box, at: int, length: int) -> tuple[Box, Box]:
    """A line's box cut where its text is cut (characters taken as equally wide)."""
    x0, y0, x1, y1 = box
    cut = x0 + round((x1 - x0) * at / max(1, length))
    return (x0, y0, cut, y1), (cut, y0, x1, y1)


def _item_text(text: str, box: Box, rules: TimelineRules, header: bool) -> _Item:
    text = _BULLETS.sub("", text).strip()
    compact = _compact(text)
    return _Item(text, box, header=header, status=compact in rules.status_words)


def _join_dates(items: list[_Item]) -> list[_Item]:
    """Join a date box with its clock box (beside it or under it); a clock alone takes the
    nearest date above it (pages that group a day's events under one date)."""
    dates = [i for i in items if i.day is not None]
    clocks = [i for i in items if i.clock is not None]
    joined: list[_Item] = []
    for day_item in dates:
        partner = None
        for clock in clocks:
            if clock.used:
                continue
            beside = (
                _same_row(day_item, clock)
                and -0.3 * day_item.height <= clock.x0 - day_item.x1 < 4 * day_item.height
            )
            below = (
                -0.3 * day_item.height <= clock.y0 - day_item.y1 < 1.5 * day_item.height
                and min(day_item.x1, clock.x1) - max(day_item.x0, clock.x0) > 0
            )
            if beside or below:
                partner = clock
                break
        if partner is not None:
            partner.used = day_item.used = True
            assert day_item.day is not None and partner.clock is not None
            joined.append(
                _Item(
                    f"{day_item.text} {partner.text}",
                    _union(day_item.box, partner.box),
                    join_date_time(day_item.day, partner.clock),
                    clock_box=partner.box,
                )
            )
    for clock in clocks:
        if clock.used:
            continue
        above = [d for d in dates if d.y0 < clock.y0 and not _same_row(d, clock)]
        if above:
            day_item = max(above, key=lambda d: d.y0)
            assert day_item.day is not None and clock.clock is not None
            clock.used = day_item.used = True
            joined.append(_Item(clock.text, clock.box, join_date_time(day_item.day, clock.clock)))
    kept = [i for i in items if i.is_text or i.at is not None]
    return sorted(kept + joined, key=lambda i: (i.y0, i.x0))


# --------------------------------------------------------------------------- layouts


def _text_of(parts: Sequence[_Item], rules: TimelineRules, carrier: str | None) -> tuple[str, str]:
    """(status titles, text) of an event's items: lines wrapped from one another join without
    a space, boxes on one row with one. A short first line alone on its row that names a kind
    (配送中, 已出库) is a status title even when ``status_words`` does not list it."""
    ordered = sorted((p for p in parts if p.text), key=lambda p: (p.y0, p.x0))
    if len(ordered) > 1 and not ordered[0].status:
        first = ordered[0]
        alone = not any(_same_row(first, p) for p in ordered[1:])
        short = len(_compact(first.text)) <= 4 and not re.search(r"[\d【\[（(]", first.text)
        if alone and short and rules.kind_of(first.text, carrier) is not EventKind.OTHER:
            first.status = True
    status = " ".join(p.text for p in ordered if p.status)
    body = [p for p in ordered if not p.status]
    text = ""
    previous: _Item | None = None
    for part in sorted(body, key=lambda p: (p.y0, p.x0)):
        if previous is not None and _same_row(previous, part):
            text += " " + part.text
        else:
            text += part.text
        previous = part
    return status, text


def _walk(items: Sequence[_Item], start: _Item, step: int, limit: float) -> list[_Item]:
    """Items next to `start` going up (step -1) or down (+1) while the gaps stay small."""
    ordered = sorted(items, key=lambda i: i.y0)
    taken: list[_Item] = []
    edge = start
    candidates = ordered if step > 0 else list(reversed(ordered))
    for item in candidates:
        if step > 0 and item.y0 < edge.y1 - 0.5 * edge.height:
            continue
        if step < 0 and item.y1 > edge.y0 + 0.5 * edge.height:
            continue
        gap = item.y0 - edge.y1 if step > 0 else edge.y0 - item.y1
        if gap > limit:
            break
        taken.append(item)
        edge = item
    return taken


def _beside(text: _Item, anchor: _Item) -> bool:
    """Text right of a time, starting on its first or last row: a time column layout."""
    starts_level = anchor.y0 - 0.5 * anchor.line <= text.y0 < anchor.y1
    return starts_level and text.x0 >= anchor.edge - 0.5 * anchor.line


def _side_events(
    anchors: list[_Item], texts: list[_Item], limit: float
) -> list[tuple[_Item, list[_Item]]]:
    events = []
    for index, anchor in enumerate(anchors):
        column = [t for t in texts if t.x0 >= anchor.edge - 0.5 * anchor.line]
        tol = 0.6 * anchor.line
        if index + 1 < len(anchors):
            stop = anchors[index + 1].y0 - tol
            parts = [t for t in column if anchor.y0 - tol <= t.y0 < stop]
        else:
            row = [t for t in column if anchor.y0 - tol <= t.y0 <= anchor.y1]
            parts = row + _walk(
                [t for t in column if t not in row],
                max(row, key=lambda r: r.y1) if row else anchor,
                1,
                limit,
            )
        events.append((anchor, parts))
    return events


def _stacked_events(
    anchors: list[_Item], texts: list[_Item], limit: float
) -> list[tuple[_Item, list[_Item]]]:
    left = min(a.x0 for a in anchors)
    heads = [t for t in texts if any(_same_row(t, a) and t.x1 <= a.x0 for a in anchors)]
    if heads:
        left = min(left, *(t.x0 for t in heads))
    column = [t for t in texts if t.x0 >= left - 0.5 * anchors[0].height]
    below = _time_below(anchors, column, heads)
    events = []
    for index, anchor in enumerate(anchors):
        if below:
            top = anchors[index - 1].y1 if index else None
            if top is None:
                parts = _walk([t for t in column if t.y1 <= anchor.y1], anchor, -1, limit)
            else:
                parts = [
                    t for t in column if t.y0 >= top - 1 and t.y1 <= anchor.y0 + 0.5 * anchor.height
                ]
        else:
            row = [t for t in column if _same_row(t, anchor)]
            if index + 1 < len(anchors):
                nxt = anchors[index + 1]
                parts = row + [
                    t
                    for t in column
                    if t not in row
                    and t.y0 >= anchor.y1 - 1
                    and t.y1 <= nxt.y0 + 0.5 * nxt.height
                    and not _same_row(t, nxt)
                ]
            else:
                rest = [t for t in column if t not in row and t.y0 >= anchor.y1 - 1]
                parts = row + _walk(rest, anchor, 1, limit)
        events.append((anchor, parts))
    return events


def _time_below(anchors: list[_Item], column: list[_Item], heads: list[_Item]) -> bool:
    """Whether each time sits under its event's text (else above it)."""
    if len(heads) * 2 >= len(anchors):
        return False  # "已签收  2026-11-13 14:22" heads the text below it
    votes = 0
    for anchor in anchors:
        above = [
            t
            for t in column
            if t.y1 <= anchor.y0 + 0.5 * anchor.height and not _same_row(t, anchor)
        ]
        under = [
            t
            for t in column
            if t.y0 >= anchor.y1 - 0.5 * anchor.height and not _same_row(t, anchor)
        ]
        gap_above = anchor.y0 - max(t.y1 for t in above) if above else None
        gap_under = min(t.y0 for t in under) - anchor.y1 if under else None
        if gap_above is None or gap_under is None:
            continue
        if gap_above < 0.8 * gap_under:
            votes += 1
        elif gap_under < 0.8 * gap_above:
            votes -= 1
    if votes:
        return votes > 0
    first_text = min((t.y0 for t in column), default=None)
    return first_text is not None and first_text < anchors[0].y0


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
            index = line.find(_compact(label).upper())
            if index < 0:
                continue
            match = _LABELLED.match(line[index + len(_compact(label)) :])
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
    for number in numbers:
        rest = rest.replace(number, "")
    for courier in rules.couriers:
        for name in sorted(courier.names, key=len, reverse=True):
            rest = rest.replace(_compact(name).upper(), "")
    for label in rules.number_labels:
        rest = rest.replace(_compact(label).upper(), "")
    rest = re.sub(r"[^\w]", "", rest)
    return rest != re.sub(r"[^\w]", "", original) and len(rest) <= 2


def _first_match(
    patterns: Iterable[re.Pattern[str]], texts: Iterable[str], group: str
) -> str | None:
    for text in texts:
        for pattern in patterns:
            match = pattern.search(_compact(text))
            if match and match.group(group).strip():
                return match.group(group).strip()
    return None


def _time_label(text: str, rules: TimelineRules) -> str | None:
    """The field a line is labelled with (``签收时间：...`` -> ``signed_at``), if any."""
    compact = _compact(normalise(text)).lstrip(":：")
    for key in ("signed_at", "posted_at"):
        for label in rules.field_labels.get(key, ()):
            if compact.startswith(label):
                return key
    return None


def _fields(items: list[_Item], rules: TimelineRules) -> dict[str, datetime]:
    """Times printed as labelled fields (a proof of delivery: ``签收时间：2026-11-13 14:22``), in
    one box or in a label box left of the time; those items are taken out of the timeline."""
    found: dict[str, datetime] = {}
    for item in items:
        if item.field_key is not None and item.at is not None:
            found.setdefault(item.field_key, item.at)
    for label in [i for i in items if i.is_text and _time_label(i.text, rules)]:
        key = _time_label(label.text, rules)
        times = [a for a in items if a.at is not None and _same_row(a, label) and a.x0 >= label.x0]
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
    ocr = _as_lines(lines)
    texts_in_order = [line.text for line in sorted(ocr, key=lambda x: (x.box[1], x.box[0]))]
    carrier = _carrier(texts_in_order, rules)
    numbers = _numbers(texts_in_order, rules, carriers, carrier)
    if carrier is None and numbers:
        candidates = carriers.candidates(numbers)
        carrier = candidates[0] if candidates else None
    items = _join_dates(_items(ocr, rules, reference))
    for item in items:
        if item.is_text and not item.header and _is_heading(item.text, numbers, rules):
            item.header = True
    fields = _fields(items, rules)
    anchors = [i for i in items if i.at is not None and i.field_key is None]
    texts = [i for i in items if i.is_text and not i.header]
    heights = [i.height for i in items if i.is_text] or [40]
    limit = 0.9 * statistics.median(heights)
    grouped: list[tuple[_Item, list[_Item]]] = []
    if anchors:
        side = sum(1 for a in anchors if any(_beside(t, a) for t in texts))
        if side * 2 > len(anchors):
            grouped = _side_events(anchors, texts, limit)
        else:
            grouped = _stacked_events(anchors, texts, limit)
    events = []
    for anchor, parts in grouped:
        status, text = _text_of(parts, rules, carrier)
        if not text and not status:
            continue
        assert anchor.at is not None
        kind = rules.kind_of(f"{status} {text}", carrier)
        events.append(TimelineEvent(anchor.at, text or status, kind))
    return _finish(numbers, carrier, events, fields, texts_in_order, rules)


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
) -> Timeline:
    ordered = sorted(dict.fromkeys(events), key=lambda e: e.at)
    posted = [e for e in ordered if e.kind is EventKind.POSTED]
    signed = [e for e in ordered if e.kind is EventKind.SIGNED]
    station_events = [e for e in ordered if e.kind is EventKind.AT_STATION]
    signer = _first_match(rules.signer_patterns, [e.text for e in signed], "signer")
    if signer is None:
        signer = _first_match(
            rules.signer_patterns, [e.text for e in reversed(ordered)] or texts, "signer"
        )
    if signer is None and not ordered:
        signer = _first_match(rules.signer_patterns, texts, "signer")
    station = _first_match(
        rules.station_patterns, [e.text for e in reversed(station_events)], "station"
    )
    category = rules.classify_signer(signer) if signer else None
    if station is None and category is not None and category.code in ("station", "locker"):
        station = (
            _first_match(rules.station_patterns, [e.text for e in signed], "station") or signer
        )
    return Timeline(
        tracking_numbers=tuple(numbers),
        carrier=carrier,
        events=tuple(ordered),
        posted_at=fields.get("posted_at") or (posted[0].at if posted else None),
        signed_at=fields.get("signed_at") or (signed[0].at if signed else None),
        signer=signer,
        left_at_station=station,
    )


def merge(pages: Sequence[Timeline], rules: TimelineRules) -> Timeline:
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
            events.setdefault((event.at, _compact(event.text)), event)
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
    return merge([parse_page(lines, rules, carriers, reference) for lines in pages], rules)


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
