"""What the evidence package hands back: one `EvidencePhoto` or one `PhotoError` per input; and
what a photo worker is given and gives back (`PrepareJob`, `Prepared`: here, not beside the
worker's code, so that the parent hands photos over without importing Pillow, issue 16)."""

from __future__ import annotations

from collections.abc import Sequence
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


@dataclass(frozen=True)
class PrepareJob:
    path: Path
    out_dir: Path
    read_barcodes: bool = False
    is_label: bool = False
    """A declared waybill label: worth a second, bigger barcode attempt if the first finds none."""


@dataclass(frozen=True)
class Prepared:
    """What a worker measured; the importer turns it into an `EvidencePhoto` with warnings."""

    source: Path
    sha256: str
    size_bytes: int
    width: int
    height: int
    captured_at: datetime | None
    camera: str | None
    prepared_path: Path
    prepared_width: int
    prepared_height: int
    sharpness: float
    brightness: float
    dhash: int
    thumbnail: bytes
    barcode_texts: tuple[str, ...]


def prepare_jobs(
    inputs: Sequence[PhotoInput], out_dir: Path, read_barcodes: bool = False
) -> list[PrepareJob]:
    """The workers' jobs for `inputs` (see `importer.import_photos`): barcodes are read from
    declared waybill labels, from photos of unknown kind, and from every photo when
    `read_barcodes` is set."""
    from seller_app.domain.case import PhotoKind

    return [
        PrepareJob(
            path=Path(item.path),
            out_dir=out_dir,
            read_barcodes=read_barcodes or item.kind in (None, PhotoKind.WAYBILL_LABEL),
            is_label=item.kind is PhotoKind.WAYBILL_LABEL,
        )
        for item in inputs
    ]
