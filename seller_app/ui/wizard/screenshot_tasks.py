"""Work the shipment and signer pages hand to the thread pool when a tracking screenshot (物流详情)
or a proof of delivery (签收底单) is dropped: read it (OCR, offline) and keep it as evidence.

Plain functions, no widgets; the evidence package is imported lazily (the app starts without
onnxruntime loaded). Issue 20's API: `evidence.timeline.read_timeline`, `domain.timeline.
read_signer`, `domain.timeline_compare.signer_questions`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from seller_app.domain.case import Case, PhotoKind

log = logging.getLogger(__name__)


class ScreenshotUnreadable(Exception):  # noqa: N818 - what the seller is told, not a failure
    """Nothing could be read: the reasons, worded for the seller."""

    def __init__(self, messages: Sequence[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = tuple(messages)


@dataclass(frozen=True)
class ScreenshotReading:
    """What the screenshots say, and the screenshots as evidence photos (draft records)."""

    timeline: Any  # seller_app.domain.timeline.Timeline
    signer_who: str | None = None
    """The signer question's answer the page shows (`SignerWho` value), None when unsaid."""
    ask_authorised: bool = False
    questions: tuple[str, ...] = ()
    photos: list[dict[str, Any]] = field(default_factory=list)
    photo_errors: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return bool(self.timeline.empty)


def warm_up_reader() -> None:
    """Load the OCR models (about a second, once per session)."""
    from seller_app.evidence import ocr

    ocr.warm_up()


def read_screenshots(
    paths: Sequence[Path], out_dir: Path, case: Case | None, lang: str, reference: datetime
) -> ScreenshotReading:
    """Read `paths` (one parcel's screenshots) and prepare them as ``tracking_screenshot``
    evidence into `out_dir`. Raises `ScreenshotUnreadable` with the seller's words."""
    from seller_app.domain.timeline import read_signer
    from seller_app.domain.timeline_compare import signer_questions
    from seller_app.evidence import PhotoError, PhotoInput, import_photos
    from seller_app.evidence.ocr import OcrUnavailableError
    from seller_app.evidence.timeline import ScreenshotError, read_timeline, timeline_rules

    from .photo_tasks import photo_record

    rules = timeline_rules()
    try:
        timeline = read_timeline(paths, reference=reference)
    except ScreenshotError as error:
        raise ScreenshotUnreadable([e.message(lang) for e in error.errors]) from None
    except OcrUnavailableError as error:
        unavailable = rules.say("cli", "ocr_unavailable", lang, detail=error.detail)
        raise ScreenshotUnreadable([unavailable]) from None
    if timeline.empty:
        return ScreenshotReading(timeline)
    reading = read_signer(timeline, rules)
    photos, errors = [], []
    inputs = [PhotoInput(Path(p), PhotoKind.TRACKING_SCREENSHOT) for p in paths]
    for result in import_photos(inputs, out_dir, case, timeline=timeline):
        if isinstance(result, PhotoError):
            errors.append(result.message(lang))
        else:
            photos.append(photo_record(result, lang))
    return ScreenshotReading(
        timeline,
        signer_who=reading.who if reading else None,
        ask_authorised=bool(reading and reading.ask_authorised),
        questions=signer_questions(timeline, rules, lang),
        photos=photos,
        photo_errors=errors,
    )
