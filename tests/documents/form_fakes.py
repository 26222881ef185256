"""A local stand-in for the evidence package, with exactly the contract attributes
(CONTRACTS.md), used until that branch is on main; plus photo and PDF-reading helpers."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import types
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw

from seller_app.domain.case import SHANGHAI, PhotoKind
from seller_app.domain.rules import Note


@dataclass(frozen=True)
class FakeEvidencePhoto:
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
    barcodes: tuple[str, ...] = ()
    warnings: tuple[Note, ...] = ()


def jpeg(path: Path, size: tuple[int, int] = (800, 600), seed: int = 0) -> Path:
    """A small JPEG with some structure (not a flat colour, so it compresses like a photo)."""
    image = Image.new("RGB", size, (200 - seed * 20 % 180, 120, 60 + seed * 30 % 190))
    draw = ImageDraw.Draw(image)
    for step in range(0, size[0], 40):
        draw.line([(step, 0), (size[0] - step, size[1])], fill=(255, 255, 255), width=3)
    draw.rectangle(
        [size[0] // 4, size[1] // 4, size[0] // 2, size[1] // 2], outline=(0, 0, 0), width=8
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=85)
    return path


KINDS = (
    PhotoKind.OUTER_PACKAGE,
    PhotoKind.WAYBILL_LABEL,
    PhotoKind.DAMAGED_ITEM,
    PhotoKind.INNER_PACKING,
    PhotoKind.CONTENTS_OVERVIEW,
    PhotoKind.OTHER,
)


def make_photos(folder: Path, count: int, portrait_every: int = 3) -> list[FakeEvidencePhoto]:
    photos = []
    for index in range(count):
        size = (600, 800) if portrait_every and index % portrait_every == 2 else (800, 600)
        path = jpeg(folder / f"IMG_{index:04d}.jpg", size, seed=index)
        data = path.read_bytes()
        photos.append(
            FakeEvidencePhoto(
                source=path,
                sha256=hashlib.sha256(data).hexdigest(),
                size_bytes=len(data),
                width=size[0],
                height=size[1],
                captured_at=datetime(2026, 11, 13, 9, 30 + index, tzinfo=SHANGHAI),
                camera="Test Camera",
                kind=KINDS[index % len(KINDS)],
                caption=f"第 {index + 1} 张：外箱一角压扁",
                prepared_path=path,
                prepared_width=size[0],
                prepared_height=size[1],
            )
        )
    return photos


@dataclass(frozen=True)
class FakePhotoInput:
    path: Path
    kind: PhotoKind | None = None
    caption: str = ""


@dataclass(frozen=True)
class FakePhotoError:
    source: Path
    code: str
    detail: str

    def message(self, lang: str) -> str:
        return f"{self.source}: {self.code} {self.detail}"


def _fake_import_photos(inputs: Any, out_dir: Path, case: Any = None, **_: Any) -> list[Any]:
    results: list[Any] = []
    for item in inputs:
        try:
            with Image.open(item.path) as image:
                width, height = image.size
        except OSError as error:
            results.append(FakePhotoError(item.path, "unreadable", str(error)))
            continue
        data = item.path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        prepared = out_dir / f"{digest}.jpg"
        prepared.write_bytes(data)
        results.append(
            FakeEvidencePhoto(
                source=item.path,
                sha256=digest,
                size_bytes=len(data),
                width=width,
                height=height,
                captured_at=None,
                camera=None,
                kind=item.kind or PhotoKind.OTHER,
                caption=item.caption,
                prepared_path=prepared,
                prepared_width=width,
                prepared_height=height,
            )
        )
    return results


@pytest.fixture
def evidence_module(monkeypatch: pytest.MonkeyPatch) -> Any:
    """The real seller_app.evidence when it is on this branch, else a fake `import_photos`."""
    try:
        import seller_app.evidence as real
    except ImportError:
        fake = types.ModuleType("seller_app.evidence")
        fake.PhotoInput = FakePhotoInput  # type: ignore[attr-defined]
        fake.PhotoError = FakePhotoError  # type: ignore[attr-defined]
        fake.EvidencePhoto = FakeEvidencePhoto  # type: ignore[attr-defined]
        fake.import_photos = _fake_import_photos  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "seller_app.evidence", fake)
        return fake
    return real


def pdf_text(path: Path, password: str | None = None) -> str:
    command = ["pdftotext", "-enc", "UTF-8"]
    if password:
        command += ["-upw", password]
    result = subprocess.run([*command, str(path), "-"], capture_output=True, text=True, check=True)
    return result.stdout


def squash(text: str) -> str:
    """Text without any whitespace, so values wrapped across lines still match."""
    return re.sub(r"\s+", "", text)


def page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)
