"""The words that tell a tracking page's parts apart, from ``resources/timeline/*.toml``.

``common.toml`` holds what every page shares (Taobao/Cainiao wording, number labels, signer and
station patterns, field labels of a proof of delivery); one file per courier
(``sf.toml``, ``zto.toml``, ...) adds its names and its own phrases per event kind; ``signers.toml``
sorts the signer texts (门卫, 前台, 驿站, 快递柜, 家人 ...) into who signed. A new courier is a new
file, no code.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from .case import SignerWho


class EventKind(StrEnum):
    POSTED = "posted"
    IN_TRANSIT = "in_transit"
    OUT_FOR_DELIVERY = "out_for_delivery"
    AT_STATION = "at_station"
    SIGNED = "signed"
    FAILED = "failed"
    RETURNED = "returned"
    OTHER = "other"


@dataclass(frozen=True)
class CourierWords:
    code: str
    names: tuple[str, ...]
    phrases: Mapping[EventKind, tuple[str, ...]]


@dataclass(frozen=True)
class SignerCategory:
    code: str
    words: tuple[str, ...]
    who: SignerWho
    """What the case's signer question is answered with: the buyer, or someone not the buyer
    (``unknown``: the seller still has to ask whether the buyer authorised them)."""
    ask_authorised: bool


@dataclass(frozen=True)
class TimelineRules:
    kind_order: tuple[EventKind, ...]
    common: Mapping[EventKind, tuple[str, ...]]
    couriers: tuple[CourierWords, ...]
    status_words: frozenset[str]
    header_words: tuple[str, ...]
    header_labels: tuple[str, ...]
    """Labels that make a line furniture only where the line begins with them (快递公司：...;
    "商家正在通知快递公司揽件" is an event)."""
    ignored: tuple[str, ...]
    """Wording that names a kind without being one (准备签收, 等待揽收), taken out of a text
    before its kind is looked up."""
    number_labels: tuple[str, ...]
    field_labels: Mapping[str, tuple[str, ...]]
    signer_patterns: tuple[re.Pattern[str], ...]
    station_patterns: tuple[re.Pattern[str], ...]
    signer_categories: tuple[SignerCategory, ...]
    messages: Mapping[str, Any]
    tolerance_minutes: int
    """How far a case's typed time may be from the screenshot's before it is a difference."""

    @classmethod
    def load(cls, resources: Path) -> TimelineRules:
        folder = resources / "timeline"
        common = _read(folder / "common.toml")
        signers = _read(folder / "signers.toml")
        messages = _read(folder / "messages.toml")
        couriers = []
        for path in sorted(folder.glob("*.toml")):
            data = _read(path)
            if "courier" in data:
                entry = data["courier"]
                couriers.append(
                    CourierWords(
                        code=str(entry["code"]),
                        names=tuple(entry["names"]),
                        phrases=_phrases(data.get("phrases", {}), path),
                    )
                )
        return cls(
            kind_order=tuple(EventKind(kind) for kind in common["kinds"]["order"]),
            common=_phrases(common["phrases"], folder / "common.toml"),
            couriers=tuple(couriers),
            status_words=frozenset(common["page"]["status_words"]),
            header_words=tuple(common["page"]["header_words"]),
            header_labels=tuple(common["page"]["header_labels"]),
            ignored=tuple(_compact(word) for word in common["ignore"]["phrases"]),
            number_labels=tuple(common["page"]["number_labels"]),
            field_labels={key: tuple(value) for key, value in common["fields"].items()},
            signer_patterns=tuple(re.compile(p) for p in common["signer"]["patterns"]),
            station_patterns=tuple(re.compile(p) for p in common["station"]["patterns"]),
            signer_categories=tuple(
                SignerCategory(
                    code=str(entry["code"]),
                    words=tuple(entry["words"]),
                    who=SignerWho(entry["who"]),
                    ask_authorised=bool(entry.get("ask_authorised", False)),
                )
                for entry in signers["category"]
            ),
            messages=messages,
            tolerance_minutes=int(common["compare"]["tolerance_minutes"]),
        )

    def say(self, section: str, code: str, lang: str, **params: Any) -> str:
        """A message of ``messages.toml``; unknown codes or languages fail loudly."""
        if lang not in ("zh", "en"):
            raise ValueError(f"unsupported language {lang!r}")
        template = str(self.messages[section][code][lang])
        return template.format(**params) if params else template

    def courier(self, code: str | None) -> CourierWords | None:
        return next((c for c in self.couriers if c.code == code), None)

    def kind_of(self, text: str, carrier: str | None) -> EventKind:
        """The event kind whose phrase the text contains, the courier's own phrases first, in
        the order of ``kinds.order`` (签收 before 派送: "派送完成，已签收" is a signing)."""
        compact = _compact(text)
        for phrase in self.ignored:
            compact = compact.replace(phrase, "")
        compact += "。"  # phrases may end a sentence ("代收。")
        courier = self.courier(carrier)
        for kind in self.kind_order:
            phrases = (courier.phrases.get(kind, ()) if courier else ()) + self.common.get(kind, ())
            if any(phrase in compact for phrase in phrases):
                return kind
        return EventKind.OTHER

    def is_furniture(self, text: str) -> bool:
        """A line of the page around the timeline (物流详情, 运单号：..., 以上信息由...)."""
        if any(word in _compact(text) for word in self.header_words):
            return True
        start = text.strip().lstrip(_LEADING_MARKS)
        for label in self.header_labels:
            if start.startswith(label):
                rest = start[len(label) :]
                if not rest or rest[0] in _LABEL_ENDS or rest[0].isascii():
                    return True
        return False

    def names_in(self, text: str) -> list[tuple[int, str]]:
        """(position, courier code) of every courier name in `text`, longest names first."""
        compact = _compact(text)
        hits = []
        for courier in self.couriers:
            for name in sorted(courier.names, key=len, reverse=True):
                index = compact.find(_compact(name))
                if index >= 0:
                    hits.append((index, courier.code))
                    break
        return sorted(hits)

    def classify_signer(self, signer: str) -> SignerCategory | None:
        compact = _compact(signer)
        for category in self.signer_categories:
            if any(word in compact for word in category.words):
                return category
        return None


_LEADING_MARKS = "·•●○◉|｜-—_:：【】[]()（） "
_LABEL_ENDS = ":：】]|｜ \t"


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _phrases(data: Mapping[str, Sequence[str]], path: Path) -> dict[EventKind, tuple[str, ...]]:
    phrases = {}
    for key, words in data.items():
        try:
            kind = EventKind(key)
        except ValueError:
            raise ValueError(f"{path.name}: unknown event kind {key!r}") from None
        phrases[kind] = tuple(_compact(word) for word in words)
    return phrases
