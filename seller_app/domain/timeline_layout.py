"""How OCR lines of a tracking page become events, whatever the page's layout (see
`seller_app.domain.timeline` for the steps): lines as items, dates joined with their clock
times, and each time's text found beside, under or above it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time

from .timeline_dates import find_times, join_date_time, normalise
from .timeline_rules import EventKind, TimelineRules

Box = tuple[int, int, int, int]
_LEADING = re.compile(r"^[\s:：,，.。;；、|·•\-—_()（）\[\]【】]*$")
# the dots of a timeline's rail, read as characters when they touch the text (a hollow dot
# before a title may come out as the letter O)
_BULLETS = re.compile(r"\s*[●○◉◎•⚫⬤]\s*|^[Oo0](?=[\u4e00-\u9fff])")


@dataclass(frozen=True)
class OcrLine:
    """One box of text as OCR read it: the text, its box (x0, y0, x1, y1) and confidence."""

    text: str
    box: Box
    score: float = 1.0


# --------------------------------------------------------------------------- items


@dataclass
class Item:
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
    cut: bool = False
    """A time cut from a line with words (``08:30-21:00`` of "营业时间 08:30-21:00")."""
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


def no_spaces(text: str) -> str:
    return re.sub(r"\s+", "", text)


def same_row(a: Item, b: Item) -> bool:
    overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
    return overlap >= 0.5 * min(a.height, b.height)


def _union(a: Box, b: Box) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def as_lines(lines: Iterable[OcrLine | str]) -> list[OcrLine]:
    """Plain strings get boxes one under the other, evenly spaced."""
    result = []
    for index, line in enumerate(lines):
        if isinstance(line, str):
            result.append(OcrLine(line, (0, index * 50, 20 * max(1, len(line)), index * 50 + 40)))
        else:
            result.append(line)
    return result


def items_of(lines: Sequence[OcrLine], rules: TimelineRules, reference: datetime) -> list[Item]:
    """Lines as items: a line made of a time and text is split into an anchor and a text."""
    items: list[Item] = []
    for line in lines:
        # times are found in the normalised text (：->:), the text keeps what the page shows;
        # normalising maps one character to one, so positions agree
        text = line.text.replace("\u3000", " ").strip()
        plain = normalise(text)
        if not text:
            continue
        header = rules.is_furniture(plain)
        found = find_times(plain, reference)
        label = time_label(plain, rules)
        if label is not None:
            moments = [f.at for f in found if f.at is not None]
            items.append(Item(text, line.box, moments[0] if moments else None, field_key=label))
            if not moments:
                items[-1].at = None
                items[-1].header = True
            continue
        first = found[0] if found else None
        if first is not None and _LEADING.match(plain[: first.start]):
            rest = text[first.end :].strip(" :：,，")
            if _decoration(rest):
                # the timeline's dot or icon read with the time ("2026-11-13签", "11-13●")
                rest = ""
            # "14:22 已签收": a clock time and its event's words under a day heading;
            # "11月17日卖家已发货": a time column's date read together with the words beside it
            # (its clock time below it makes it an event's time, else it is words again)
            if not rest or _LEADING.match(rest):
                left, _ = _split_box(line.box, text, first.end)
                items.append(
                    Item(text[first.start : first.end], left, first.at, first.day, first.clock)
                )
                continue
            left, right = _split_box(line.box, text, first.end)
            items.append(
                Item(
                    text[first.start : first.end], left, first.at, first.day, first.clock, cut=True
                )
            )
            items.append(_item_text(rest, right, rules, header))
            continue
        last = found[-1] if found else None
        if last is not None and last.at is not None and _LEADING.match(plain[last.end :]):
            before = text[: last.start].strip(" :：,，")
            left, right = _split_box(line.box, text, last.start)
            items.append(_item_text(before, left, rules, header))
            items.append(Item(text[last.start : last.end], right, last.at))
            continue
        items.append(_item_text(text, line.box, rules, header))
    return items


def _width(text: str) -> int:
    """A text's width in half-width characters (a Chinese character is two digits wide)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _split_box(box: Box, text: str, at: int) -> tuple[Box, Box]:
    """A line's box cut where its text is cut at character `at` (a digit taken as half as wide
    as a Chinese character, which is near enough in the fonts apps use)."""
    x0, y0, x1, y1 = box
    cut = x0 + round((x1 - x0) * _width(text[:at]) / max(1, _width(text)))
    return (x0, y0, cut, y1), (cut, y0, x1, y1)


_WEEKDAY = re.compile(r"[(（]?(?:周|星期|礼拜)[一二三四五六日天][)）]?")


def _decoration(text: str) -> bool:
    """What OCR reads off a timeline's dot or icon: a bullet, or one character alone; or the
    weekday a date is printed with ("11-13 周五")."""
    if _WEEKDAY.fullmatch(no_spaces(text)):
        return True
    return 0 < len(no_spaces(_BULLETS.sub("", text)).strip(":：,，|·")) <= 1 or (
        bool(text) and not _BULLETS.sub("", text).strip()
    )


def _item_text(text: str, box: Box, rules: TimelineRules, header: bool) -> Item:
    text = _BULLETS.sub("", text).strip()
    compact = no_spaces(text)
    return Item(text, box, header=header, status=compact in rules.status_words)


def join_dates(items: list[Item]) -> list[Item]:
    """Join a date box with its clock box (beside it or under it); a clock alone takes the
    nearest date above it (pages that group a day's events under one date)."""
    dates = [i for i in items if i.day is not None]
    clocks = [i for i in items if i.clock is not None]
    joined: list[Item] = []
    for day_item in dates:
        partner = None
        for clock in clocks:
            if clock.used:
                continue
            beside = (
                same_row(day_item, clock)
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
                Item(
                    f"{day_item.text} {partner.text}",
                    _union(day_item.box, partner.box),
                    join_date_time(day_item.day, partner.clock),
                    clock_box=partner.box,
                )
            )
    # a clock alone takes the date over it (a day heading over its events' clock times) when it
    # stands in the times' column; a clock in an event's words ("营业时间 08:30-21:00") does not
    column = [c.x0 for c in clocks if c.used] + [d.x0 for d in dates]
    for clock in clocks:
        if clock.used or not any(abs(clock.x0 - x) <= clock.height for x in column):
            continue
        above = [d for d in dates if d.y0 < clock.y0 and not same_row(d, clock)]
        if above:
            day_item = max(above, key=lambda d: d.y0)
            assert day_item.day is not None and clock.clock is not None
            clock.used = day_item.used = True
            joined.append(Item(clock.text, clock.box, join_date_time(day_item.day, clock.clock)))
    kept = [i for i in items if i.is_text or i.at is not None]
    # a date or clock time that is no event's time is words again: cut from a line of words,
    # or the start of a line that a line of words wrapped onto ("营业时间 08:30-" / "21:00")
    lines = [i for i in items if i.is_text and not i.header]
    words = [
        Item(i.text, i.box)
        for i in dates + clocks
        if not i.used and (i.cut or any(_wraps_onto(line, i) for line in lines))
    ]
    return sorted(kept + joined + words, key=lambda i: (i.y0, i.x0))


def _wraps_onto(line: Item, below: Item) -> bool:
    """Whether `below` is the next line of the words `line` wrapped (right under it, starting
    where it starts)."""
    gap = below.y0 - line.y1
    return -0.3 * line.height <= gap < 0.5 * line.height and abs(below.x0 - line.x0) <= line.height


# --------------------------------------------------------------------------- layouts


def text_of(parts: Sequence[Item], rules: TimelineRules, carrier: str | None) -> tuple[str, str]:
    """(status titles, text) of an event's items: lines wrapped from one another join without
    a space, boxes on one row with one. A short first line alone on its row that names a kind
    (配送中, 已出库) is a status title even when ``status_words`` does not list it."""
    ordered = sorted((p for p in parts if p.text), key=lambda p: (p.y0, p.x0))
    if len(ordered) > 1 and not ordered[0].status:
        first = ordered[0]
        alone = not any(same_row(first, p) for p in ordered[1:])
        short = len(no_spaces(first.text)) <= 4 and not re.search(r"[\d【\[（(]", first.text)
        if alone and short and rules.kind_of(first.text, carrier) is not EventKind.OTHER:
            first.status = True
    # a title heads its event: a status word after the event's words is the end of a wrapped
    # line ("...的【周杰】" / "已取件")
    leading = []
    for part in ordered:
        if not part.status:
            break
        leading.append(part)
    status = " ".join(p.text for p in leading)
    body = ordered[len(leading) :]
    text = ""
    previous: Item | None = None
    for part in sorted(body, key=lambda p: (p.y0, p.x0)):
        if previous is not None and same_row(previous, part):
            text += " " + part.text
        else:
            text += part.text
        previous = part
    return status, text


def _walk(items: Sequence[Item], start: Item, step: int, limit: float) -> list[Item]:
    """Items next to `start` going up (step -1) or down (+1) while the gaps stay small."""
    ordered = sorted(items, key=lambda i: i.y0)
    taken: list[Item] = []
    edge = start
    candidates = ordered if step > 0 else list(reversed(ordered))
    for item in candidates:
        behind = (step > 0 and item.y0 < edge.y1 - 0.5 * edge.height) or (
            step < 0 and item.y1 > edge.y0 + 0.5 * edge.height
        )
        if behind:
            if taken and same_row(item, edge):  # a second box on the row just taken
                taken.append(item)
            continue
        gap = item.y0 - edge.y1 if step > 0 else edge.y0 - item.y1
        if gap > limit:
            break
        taken.append(item)
        edge = item
    return taken


def right_of(text: Item, anchor: Item) -> bool:
    """Text starting right of a time. OCR's boxes are grown around their text, and a time cut
    from its line ends where its characters are guessed to end: a line's height of slack."""
    return text.x0 >= anchor.edge - anchor.line and text.x0 > anchor.x0


def beside(text: Item, anchor: Item) -> bool:
    """Text right of a time, starting on its first or last row: a time column layout."""
    starts_level = anchor.y0 - 0.5 * anchor.line <= text.y0 < anchor.y1
    return starts_level and right_of(text, anchor)


def side_events(
    anchors: list[Item], texts: list[Item], limit: float
) -> list[tuple[Item, list[Item]]]:
    events = []
    for index, anchor in enumerate(anchors):
        column = [t for t in texts if right_of(t, anchor)]
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


def stacked_events(
    anchors: list[Item], texts: list[Item], limit: float
) -> list[tuple[Item, list[Item]]]:
    left: float = min(a.x0 for a in anchors)
    heads = [t for t in texts if any(same_row(t, a) and t.x1 <= a.x0 for a in anchors)]
    if heads:
        # a box starts where its first glyph's ink does: the lines a "【..." line wraps onto
        # start up to half a character further left than it
        left = min(left, *(t.x0 - (0.6 * t.height if t.text[:1] in "【[（(" else 0) for t in heads))
    column = [t for t in texts if t.x0 >= left - 0.5 * anchors[0].height]
    below = _time_below(anchors, column, heads)
    events = []
    for index, anchor in enumerate(anchors):
        # a capture scaled down packs lines tight: a time's box and its text's may overlap
        slack = max(1.0, 0.25 * anchor.height)
        if below:
            top = anchors[index - 1].y1 if index else None
            if top is None:
                over = [t for t in column if t.y1 <= anchor.y1]
                # the first event's last wrapped line may be missing ("】" alone is often not
                # read): rather a wider gap than an event without words
                parts = _walk(over, anchor, -1, limit) or _walk(over, anchor, -1, 2.5 * limit)
            else:
                parts = [
                    t
                    for t in column
                    if t.y0 >= top - slack and t.y1 <= anchor.y0 + 0.5 * anchor.height
                ]
        else:
            row = [t for t in column if same_row(t, anchor)]
            if index + 1 < len(anchors):
                nxt = anchors[index + 1]
                parts = row + [
                    t
                    for t in column
                    if t not in row
                    and t.y0 >= anchor.y1 - slack
                    and t.y1 <= nxt.y0 + 0.5 * nxt.height
                    and not same_row(t, nxt)
                ]
            else:
                rest = [t for t in column if t not in row and t.y0 >= anchor.y1 - slack]
                parts = row + (
                    _walk(rest, anchor, 1, limit)
                    or ([] if row else _walk(rest, anchor, 1, 2.5 * limit))
                )
        events.append((anchor, parts))
    return events


def _time_below(anchors: list[Item], column: list[Item], heads: list[Item]) -> bool:
    """Whether each time sits under its event's text (else above it)."""
    if len(heads) * 2 >= len(anchors):
        return False  # "已签收  2026-11-13 14:22" heads the text below it
    votes = 0
    for anchor in anchors:
        above = [
            t for t in column if t.y1 <= anchor.y0 + 0.5 * anchor.height and not same_row(t, anchor)
        ]
        under = [
            t for t in column if t.y0 >= anchor.y1 - 0.5 * anchor.height and not same_row(t, anchor)
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


def time_label(text: str, rules: TimelineRules) -> str | None:
    """The field a line is labelled with (``签收时间：...`` -> ``signed_at``), if any."""
    compact = no_spaces(normalise(text)).lstrip(":：")
    for key in ("signed_at", "posted_at"):
        for label in rules.field_labels.get(key, ()):
            if compact.startswith(label):
                return key
    return None
