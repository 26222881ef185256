"""What the evidence package hands back: one `EvidencePhoto` or one `PhotoError` per input."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the photo workers import this module, and start faster
    from seller_app.domain.case import PhotoKind
    from seller_app.domain.rules import Note


@dataclass(frozen=True)
class PhotoInput:
    """A photo the seller picked; ``kind=None`` lets the importer guess it (a barcode: label)."""

    path: Path
    kind: PhotoKind | None = None
    caption: str = ""


@dataclass(frozen=True)
class EvidencePhoto:
    """One imported photo: the original's fingerprint and facts, and its prepared copy.

    ``width``/``height`` are the original's pixel size, upright (EXIF orientation applied).
    ``sha256`` is of the original file's bytes, so the seller can prove which original was used.
    ``barcodes`` are the tracking numbers read off the photo (normalised, in reading order).
    """

    source: Path
    sha256: str
    size_bytes: int
    width: int
    height: int
    captured_at: datetime | None
    camera: str | None
    kind: PhotoKind
    caption: str
    prepared_path: Path
    prepared_width: int
    prepared_height: int
    barcodes: tuple[str, ...]
    warnings: tuple[Note, ...]


@dataclass(frozen=True)
class PhotoError:
    """A photo that could not be imported; the rest of the batch goes on without it."""

    source: Path
    code: str
    detail: str = ""

    def message(self, lang: str = "zh") -> str:
        from .messages import error_text

        return error_text(self.code, lang, file=self.source.name, detail=self.detail)
