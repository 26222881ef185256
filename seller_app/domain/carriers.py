"""Which courier a tracking number belongs to, from the patterns in ``resources/carriers.toml``.

Number formats overlap (several couriers use plain digits), so detection returns a ranked list of
candidates and the user confirms. The patterns are heuristics, not official formats; their sources
are listed in the data file (domain-rules.md §2.3).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

_CONFIDENCE = {"high": 3, "medium": 2, "low": 1}


def s10_check_digit(serial: str) -> int:
    """UPU S10 check digit of the 8-digit serial: weights 8,6,4,2,3,5,9,7; 11 - sum mod 11;
    10 -> 0 and 11 -> 5. Example: serial ``47312482`` gives 8 (``RR473124829GB``)."""
    total = sum(int(d) * w for d, w in zip(serial, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    check = 11 - total % 11
    return {10: 0, 11: 5}.get(check, check)


def _s10_valid(number: str) -> bool:
    match = re.fullmatch(r"[A-Z]{2}(\d{8})(\d)[A-Z]{2}", number)
    return bool(match) and s10_check_digit(match.group(1)) == int(match.group(2))  # type: ignore[union-attr]


# Named extra checks a pattern can ask for in the data file (``check = "s10"``).
CHECKS: Mapping[str, Callable[[str], bool]] = {"s10": _s10_valid}


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern[str]
    confidence: str
    check: str | None = None

    def matches(self, number: str) -> bool:
        if not self.regex.fullmatch(number):
            return False
        return self.check is None or CHECKS[self.check](number)


@dataclass(frozen=True)
class Carrier:
    code: str
    name_zh: str
    name_en: str
    patterns: tuple[Pattern, ...]
    policy: str | None = None
    hotline: str | None = None
    claim_channel: str | None = None
    terms_note_zh: str = ""
    terms_note_en: str = ""
    """Why the courier has no policy of its own (no reliable public copy of its terms)."""

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en

    def terms_note(self, lang: str) -> str:
        return self.terms_note_zh if lang == "zh" else self.terms_note_en

    def best_confidence(self, number: str) -> int:
        return max(
            (_CONFIDENCE[p.confidence] for p in self.patterns if p.matches(number)), default=0
        )


@dataclass(frozen=True)
class CarrierGuess:
    """The carrier used for the case and the ranked candidates detected from its numbers."""

    code: str
    candidates: tuple[str, ...]
    given: bool


class CarrierBook:
    def __init__(self, carriers: Iterable[Carrier]) -> None:
        self.carriers = tuple(carriers)
        self.by_code = {carrier.code: carrier for carrier in self.carriers}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> CarrierBook:
        carriers = []
        for entry in data["carrier"]:
            patterns = tuple(
                Pattern(re.compile(p["regex"]), p["confidence"], p.get("check"))
                for p in entry.get("patterns", ())
            )
            for pattern in patterns:
                if pattern.confidence not in _CONFIDENCE or (
                    pattern.check is not None and pattern.check not in CHECKS
                ):
                    raise ValueError(f"carriers.toml: bad pattern in {entry['code']}")
            carriers.append(
                Carrier(
                    code=entry["code"],
                    name_zh=entry["name"]["zh"],
                    name_en=entry["name"]["en"],
                    patterns=patterns,
                    policy=entry.get("policy"),
                    hotline=entry.get("hotline"),
                    claim_channel=entry.get("claim_channel"),
                    terms_note_zh=entry.get("terms_note", {}).get("zh", ""),
                    terms_note_en=entry.get("terms_note", {}).get("en", ""),
                )
            )
        return cls(carriers)

    def candidates(self, numbers: Iterable[str]) -> tuple[str, ...]:
        """Carrier codes ranked by summed confidence over all numbers (ties: file order)."""
        scores: dict[str, int] = {}
        for number in numbers:
            for carrier in self.carriers:
                score = carrier.best_confidence(number)
                if score:
                    scores[carrier.code] = scores.get(carrier.code, 0) + score
        order = {carrier.code: index for index, carrier in enumerate(self.carriers)}
        return tuple(sorted(scores, key=lambda code: (-scores[code], order[code])))

    def guess(self, numbers: Iterable[str], given: str | None) -> CarrierGuess:
        candidates = self.candidates(numbers)
        if given is not None:
            return CarrierGuess(given, candidates, True)
        return CarrierGuess(candidates[0] if candidates else "other", candidates, False)
