"""Bad files give a clear per-file error in both languages; the rest of the batch goes on."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from seller_app.domain.case import PhotoKind
from seller_app.evidence import EvidencePhoto, PhotoError, PhotoInput, import_photos
from seller_app.evidence.prepare import register_heif

from .synth import png_header_only, save, scene


def jpeg_bytes(size: tuple[int, int] = (1200, 900)) -> bytes:
    buffer = io.BytesIO()
    scene(size).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def heic_bytes() -> bytes:
    register_heif()
    buffer = io.BytesIO()
    scene((320, 240)).save(buffer, format="HEIF")
    return buffer.getvalue()


def gif_bytes() -> bytes:
    buffer = io.BytesIO()
    scene((300, 200)).convert("P").save(buffer, "GIF")
    return buffer.getvalue()


BAD_FILES: list[tuple[str, Callable[[], bytes], str]] = [
    ("notes.jpg", lambda: "这不是照片 not a photo".encode(), "not_an_image"),
    ("empty.jpg", lambda: b"", "not_an_image"),
    ("corrupt.jpg", lambda: jpeg_bytes()[:200] + bytes(range(256)) * 40, "corrupt"),
    ("truncated.jpg", lambda: jpeg_bytes()[: len(jpeg_bytes()) // 2], "truncated"),
    # over 2x Image.MAX_IMAGE_PIXELS: Pillow raises DecompressionBombError
    ("bomb.png", lambda: png_header_only(30_000, 30_000), "too_many_pixels"),
    # over 1x (100 MP > 89.5 MP): Pillow only warns; we refuse it all the same
    ("big.png", lambda: png_header_only(10_000, 10_000), "too_many_pixels"),
    ("broken.heic", lambda: heic_bytes()[:400], "unreadable_heic"),
    ("anim.gif", gif_bytes, "unsupported_format"),
]


@pytest.mark.parametrize(("name", "make", "code"), BAD_FILES, ids=[row[0] for row in BAD_FILES])
def test_bad_file_gives_its_error_and_the_batch_goes_on(
    tmp_path: Path, name: str, make: Callable[[], bytes], code: str
) -> None:
    good_before = save(scene((1200, 900), seed=2), tmp_path / "before.jpg")
    bad = tmp_path / name
    bad.write_bytes(make())
    good_after = save(scene((1200, 900), seed=3), tmp_path / "after.jpg")
    inputs = [PhotoInput(p, PhotoKind.OUTER_PACKAGE) for p in (good_before, bad, good_after)]

    before, error, after = import_photos(inputs, tmp_path / "out", processes=1)

    assert isinstance(before, EvidencePhoto)
    assert isinstance(after, EvidencePhoto)
    assert isinstance(error, PhotoError)
    assert (error.source, error.code) == (bad, code)
    zh, en = error.message("zh"), error.message("en")
    assert zh.startswith(name) and en.startswith(name)
    assert zh != en and "{" not in zh + en
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [f"{before.sha256}.jpg", f"{after.sha256}.jpg"]
    )


def test_missing_file_and_directory(tmp_path: Path) -> None:
    results = import_photos(
        [PhotoInput(tmp_path / "gone.jpg"), PhotoInput(tmp_path)], tmp_path / "out", processes=1
    )
    assert [getattr(r, "code", None) for r in results] == ["file_missing", "not_a_regular_file"]


def test_bad_files_in_the_pool_do_not_stop_it(tmp_path: Path) -> None:
    good = save(scene((1200, 900)), tmp_path / "good.jpg")
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_header_only(30_000, 30_000))
    junk = tmp_path / "junk.webp"
    junk.write_bytes(b"RIFF\x00\x00\x00\x00WEBPjunk")
    results = import_photos(
        [PhotoInput(p, PhotoKind.OTHER) for p in (bomb, good, junk)], tmp_path / "out", processes=2
    )
    assert [getattr(r, "code", "ok") for r in results] == ["too_many_pixels", "ok", "not_an_image"]


def test_pixel_limit_is_pillows(tmp_path: Path) -> None:
    """The bomb fixtures stay meaningful only while Pillow's limit is the documented default."""
    assert int(1024 * 1024 * 1024 // 4 // 3) == Image.MAX_IMAGE_PIXELS
