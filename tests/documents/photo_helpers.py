"""Photos prepared by the real evidence package. Reading PDFs back is `tests.pdfs` (its
helpers are re-exported here for the tests that import them from this module)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PIL import Image, ImageDraw

from seller_app.domain.case import PhotoKind
from seller_app.evidence import EvidencePhoto, PhotoInput, import_photos
from tests.pdfs import page_count, pdf_text, squash

__all__ = ["jpeg", "make_photos", "page_count", "pdf_text", "squash"]


def jpeg(
    path: Path, size: tuple[int, int] = (800, 600), seed: int = 0, taken: datetime | None = None
) -> Path:
    """A small JPEG with some structure (not a flat colour, so it compresses like a photo),
    with an EXIF capture time when `taken` is given."""
    image = Image.new("RGB", size, (200 - seed * 20 % 180, 120, 60 + seed * 30 % 190))
    draw = ImageDraw.Draw(image)
    for step in range(0, size[0], 40):
        draw.line([(step, 0), (size[0] - step, size[1])], fill=(255, 255, 255), width=3)
    draw.rectangle(
        [size[0] // 4, size[1] // 4, size[0] // 2, size[1] // 2], outline=(0, 0, 0), width=8
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    exif = Image.Exif()
    if taken is not None:
        exif.get_ifd(0x8769)[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")  # DateTimeOriginal
    image.save(path, "JPEG", quality=85, exif=exif.tobytes())
    return path


KINDS = (
    PhotoKind.OUTER_PACKAGE,
    PhotoKind.WAYBILL_LABEL,
    PhotoKind.DAMAGED_ITEM,
    PhotoKind.INNER_PACKING,
    PhotoKind.CONTENTS_OVERVIEW,
    PhotoKind.OTHER,
)


def make_photos(folder: Path, count: int, portrait_every: int = 3) -> list[EvidencePhoto]:
    """`count` photos with capture times, kinds and captions, prepared by the real evidence code."""
    inputs = []
    for index in range(count):
        size = (600, 800) if portrait_every and index % portrait_every == 2 else (800, 600)
        taken = datetime(2026, 11, 13, 9, 30 + index)
        path = jpeg(folder / f"IMG_{index:04d}.jpg", size, seed=index, taken=taken)
        caption = f"第 {index + 1} 张：外箱一角压扁"
        inputs.append(PhotoInput(path, KINDS[index % len(KINDS)], caption))
    results = import_photos(inputs, folder / "prepared", processes=1)
    photos = [result for result in results if isinstance(result, EvidencePhoto)]
    assert len(photos) == count, results
    return photos
