"""Quality and timing warnings for imported photos. Thresholds are data
(``resources/evidence/checks.toml``); the measures come from the pool workers."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from seller_app import paths
from seller_app.domain.case import Case, PhotoKind
from seller_app.domain.rules import Note
from seller_app.domain.schedule import claim_period_end

from .fingerprint import detail, difference, hamming

if TYPE_CHECKING:  # annotations only: the timeline module takes ~17 ms to import (issue 16)
    from seller_app.domain.timeline import Timeline


@dataclass(frozen=True)
class CheckRules:
    min_long_side: int
    blur_threshold: float
    dark_threshold: float
    near_duplicate_bits: int
    near_duplicate_min_detail: float
    near_duplicate_max_difference: float
    near_duplicate_max_aspect_change: float
    fresh_hours: float
    late_hours: float
    untimed_kinds: frozenset[PhotoKind]


@cache
def load_rules(resources: Path | None = None) -> CheckRules:
    root = resources or paths.resources_dir()
    with (root / "evidence" / "checks.toml").open("rb") as handle:
        data = tomllib.load(handle)
    q, t = data["quality"], data["timing"]
    return CheckRules(
        min_long_side=int(q["min_long_side"]),
        blur_threshold=float(q["blur_threshold"]),
        dark_threshold=float(q["dark_threshold"]),
        near_duplicate_bits=int(q["near_duplicate_bits"]),
        near_duplicate_min_detail=float(q["near_duplicate_min_detail"]),
        near_duplicate_max_difference=float(q["near_duplicate_max_difference"]),
        near_duplicate_max_aspect_change=float(q["near_duplicate_max_aspect_change"]),
        fresh_hours=float(t["fresh_hours"]),
        late_hours=float(t["late_hours"]),
        untimed_kinds=frozenset(PhotoKind(kind) for kind in t["untimed_kinds"]),
    )


def quality_notes(
    width: int, height: int, sharpness: float, brightness: float, rules: CheckRules
) -> list[Note]:
    notes = []
    if max(width, height) < rules.min_long_side:
        notes.append(
            Note("too_small", {"long_side": max(width, height), "minimum": rules.min_long_side})
        )
    if sharpness < rules.blur_threshold:
        params = {"sharpness": round(sharpness), "threshold": round(rules.blur_threshold)}
        notes.append(Note("blurry", params))
    if brightness < rules.dark_threshold:
        params = {"brightness": round(brightness), "threshold": round(rules.dark_threshold)}
        notes.append(Note("too_dark", params))
    return notes


def _show(moment: datetime, like: datetime) -> str:
    return moment.astimezone(like.tzinfo).strftime("%Y-%m-%d %H:%M")


def signing_time(case: Case | None, timeline: Timeline | None = None) -> datetime | None:
    """When the parcel was signed for: the tracking screenshot's time when one was read (the
    courier's own record), else the time typed into the case."""
    if timeline is not None and timeline.signed_at is not None:
        return timeline.signed_at
    return case.signer.signed_at if case is not None and case.signer else None


def timing_notes(
    captured_at: datetime | None,
    kind: PhotoKind,
    case: Case | None,
    rules: CheckRules,
    timeline: Timeline | None = None,
) -> list[Note]:
    """No capture time; taken before the parcel was posted; taken after posting but before it
    was signed for (the parcel was in the courier's hands); taken long after signing (fresh
    goods: more than ``fresh_hours``, seed 001; other goods: more than ``late_hours``). The
    signing time is the screenshot's when a `timeline` was read (`signing_time`)."""
    if kind in rules.untimed_kinds:
        return []
    if captured_at is None:
        return [Note("no_capture_time")]
    if case is None:
        return []
    notes = []
    signed_at = signing_time(case, timeline)
    if signed_at is not None and case.posted_at <= captured_at < signed_at:
        notes.append(
            Note(
                "captured_before_signing",
                {"captured": _show(captured_at, signed_at), "signed": _show(signed_at, signed_at)},
            )
        )
    if captured_at < case.posted_at:
        notes.append(
            Note(
                "captured_before_posting",
                {
                    "captured": _show(captured_at, case.posted_at),
                    "posted": _show(case.posted_at, case.posted_at),
                },
            )
        )
    if signed_at is not None:
        fresh = bool(case.goods and case.goods.perishable)
        limit = rules.fresh_hours if fresh else rules.late_hours
        after = captured_at - signed_at
        if after > timedelta(hours=limit):
            notes.append(
                Note(
                    "captured_late_fresh" if fresh else "captured_late",
                    {
                        "captured": _show(captured_at, signed_at),
                        "signed": _show(signed_at, signed_at),
                        "hours": round(after.total_seconds() / 3600, 1),
                        "limit": f"{limit:g}",
                    },
                )
            )
    return notes


def claim_notes(case: Case, timeline: Timeline | None = None) -> list[Note]:
    """A claim made after the one-year claim period (A.4), counted from the posting time the
    screenshot shows (the courier's collection) when one was read, else the case's."""
    posted_at = timeline.posted_at if timeline and timeline.posted_at else case.posted_at
    end = claim_period_end(posted_at)
    if case.claim_at > end:
        return [
            Note(
                "claim_after_a_year",
                {
                    "posted": _show(posted_at, posted_at),
                    "claim": _show(case.claim_at, posted_at),
                    "end": _show(end, posted_at),
                },
            )
        ]
    return []


@dataclass(frozen=True)
class Fingerprint:
    name: str
    sha256: str
    dhash: int
    thumbnail: bytes
    """32x32 grey levels of the prepared copy (`fingerprint.thumbnail`)."""
    size: tuple[int, int]
    """Width and height of the prepared copy."""
    barcodes: frozenset[str]
    """Texts of the codes read off the photo (none when not read)."""

    @cached_property
    def detail(self) -> float:
        """`fingerprint.detail` of the thumbnail, once per photo: a batch compares every photo
        with every earlier one (200 photos: 19,900 pairs, and ~1 ms a `detail`, issue 16)."""
        return detail(self.thumbnail)


def near_duplicate_bits(a: Fingerprint, b: Fingerprint, rules: CheckRules) -> int | None:
    """The dHash distance when `a` and `b` look like one picture re-saved or resized, else None.

    All must hold: no differing barcodes (two waybill labels of one multi-parcel order look alike
    but are different evidence); both pictures have detail (plain and dark pictures hash alike
    whatever they show); the same shape; thumbnails close in grey levels (a 64-bit dHash misses a
    label turned by 15°); and the dHashes close.
    """
    # cheapest first (all must hold, so the order does not change the answer): the dHashes
    # apart rules out nearly every pair of different pictures with one XOR
    bits = hamming(a.dhash, b.dhash)
    if bits > rules.near_duplicate_bits:
        return None
    if a.barcodes and b.barcodes and a.barcodes != b.barcodes:
        return None
    if min(a.detail, b.detail) < rules.near_duplicate_min_detail:
        return None
    (wa, ha), (wb, hb) = a.size, b.size
    if min(wa, ha, wb, hb) <= 0:
        return None
    if abs((wa / ha) / (wb / hb) - 1) > rules.near_duplicate_max_aspect_change:
        return None
    if difference(a.thumbnail, b.thumbnail) > rules.near_duplicate_max_difference:
        return None
    return bits


def duplicate_notes(
    photos: Sequence[Fingerprint | None],
    known: Sequence[tuple[str, str]],
    rules: CheckRules,
) -> list[list[Note]]:
    """Per photo: the same bytes as an earlier photo of the batch or a photo already in the case
    (`known`: (file name, sha256)), always flagged; or else a near-identical picture earlier in
    the batch (`near_duplicate_bits`)."""
    result: list[list[Note]] = []
    for index, photo in enumerate(photos):
        notes: list[Note] = []
        result.append(notes)
        if photo is None:
            continue
        earlier = [p for p in photos[:index] if p is not None]
        same = next((p.name for p in earlier if p.sha256 == photo.sha256), None)
        same = same or next(
            (n for n, sha in known if sha == photo.sha256 and Path(n).name != photo.name), None
        )
        if same is not None:
            notes.append(Note("duplicate", {"other": same}))
            continue
        for other in earlier:
            distance = near_duplicate_bits(other, photo, rules)
            if distance is not None:
                notes.append(Note("near_duplicate", {"other": other.name, "bits": distance}))
                break
    return result
