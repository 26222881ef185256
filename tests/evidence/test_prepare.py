"""Preparing photos: every format, EXIF orientation, metadata stripped, fingerprints, sizes."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from seller_app.domain.case import SHANGHAI, PhotoKind
from seller_app.evidence import EvidencePhoto, PhotoError, PhotoInput, import_photos
from seller_app.evidence.prepare import (
    LONG_SIDE,
    Prepared,
    PrepareJob,
    draft_size,
    prepare_photo,
    register_heif,
)

from .synth import EXIF_IFD, GPS_IFD, exif_block, save, scene

TAKEN = datetime(2026, 11, 12, 9, 30)


def one(path: Path, out: Path, **kwargs: object) -> EvidencePhoto:
    [result] = import_photos([PhotoInput(path, PhotoKind.DAMAGED_ITEM)], out, processes=1, **kwargs)
    assert isinstance(result, EvidencePhoto), result
    return result


def marked(size: tuple[int, int]) -> Image.Image:
    """A scene with a pure red block in the stored image's top-left corner."""
    image = scene(size)
    image.paste((255, 0, 0), (0, 0, size[0] // 5, size[1] // 5))
    return image


def is_red(pixel: object) -> bool:
    assert isinstance(pixel, tuple)
    return pixel[0] > 200 and pixel[1] < 60 and pixel[2] < 60


@pytest.mark.parametrize(
    ("name", "size", "prepared_size", "options"),
    [
        ("photo.jpg", (2000, 1500), (1600, 1200), {"quality": 92}),
        ("photo.png", (2000, 1500), (1600, 1200), {"compress_level": 1}),
        ("photo.webp", (2000, 1500), (1600, 1200), {"quality": 90}),
        # HEVC encoding is slow here (x265 on a shared 2-core box), so the HEIC stays small
        ("photo.heic", (640, 480), (640, 480), {"format": "HEIF", "quality": 80}),
    ],
)
def test_each_format_is_prepared_with_capture_time_and_camera(
    tmp_path: Path,
    name: str,
    size: tuple[int, int],
    prepared_size: tuple[int, int],
    options: dict[str, object],
) -> None:
    register_heif()
    exif = exif_block(taken=TAKEN, offset="+08:00", gps=True)
    source = save(scene(size), tmp_path / name, exif, **options)
    photo = one(source, tmp_path / "out")
    assert (photo.width, photo.height) == size
    assert (photo.prepared_width, photo.prepared_height) == prepared_size
    assert photo.captured_at == TAKEN.replace(tzinfo=timezone(timedelta(hours=8)))
    assert photo.camera == "Apple iPhone 15 Pro"
    assert photo.size_bytes == source.stat().st_size
    with Image.open(photo.prepared_path) as prepared:
        assert prepared.format == "JPEG"
        assert prepared.size == prepared_size
        assert not prepared.getexif().get_ifd(GPS_IFD)


@pytest.mark.parametrize(
    ("orientation", "red_corner"),
    [
        (1, "top_left"),
        (3, "bottom_right"),  # turned 180°
        (6, "top_right"),  # phone held upright: stored sideways, turn 90° clockwise
        (8, "bottom_left"),
    ],
)
def test_exif_orientation_is_applied(tmp_path: Path, orientation: int, red_corner: str) -> None:
    source = save(marked((2400, 1800)), tmp_path / "p.jpg", exif_block(orientation=orientation))
    photo = one(source, tmp_path / "out")
    sideways = orientation in (6, 8)
    expected = (1800, 2400) if sideways else (2400, 1800)
    assert (photo.width, photo.height) == expected
    with Image.open(photo.prepared_path) as prepared:
        assert max(prepared.size) == LONG_SIDE
        assert (prepared.width < prepared.height) == sideways
        w, h = prepared.size
        corners = {
            "top_left": (10, 10),
            "top_right": (w - 10, 10),
            "bottom_left": (10, h - 10),
            "bottom_right": (w - 10, h - 10),
        }
        assert [c for c, xy in corners.items() if is_red(prepared.convert("RGB").getpixel(xy))] == [
            red_corner
        ]


def test_heic_orientation_comes_out_upright(tmp_path: Path) -> None:
    register_heif()
    source = save(
        marked((1600, 1200)), tmp_path / "p.heic", exif_block(orientation=6), format="HEIF"
    )
    photo = one(source, tmp_path / "out")
    assert (photo.prepared_width, photo.prepared_height) == (1200, 1600)


def test_prepared_copy_has_no_metadata_left(tmp_path: Path) -> None:
    image = scene((3000, 2000))
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    exif = exif_block(taken=TAKEN, gps=True, orientation=6)
    source = save(image, tmp_path / "p.jpg", exif, icc_profile=icc, comment=b"shop PC 7")
    with Image.open(source) as original:  # the fixture really carries what we strip
        assert original.getexif().get_ifd(GPS_IFD)
        assert original.info.get("icc_profile")
    photo = one(source, tmp_path / "out")
    raw = photo.prepared_path.read_bytes()
    with Image.open(photo.prepared_path) as prepared:
        exif = prepared.getexif()
        assert not exif.get_ifd(GPS_IFD)
        assert not exif.get_ifd(EXIF_IFD)
        assert len(exif) == 0
        assert "icc_profile" not in prepared.info
        assert "exif" not in prepared.info
        assert "comment" not in prepared.info
    for secret in (b"SERIAL-0042", b"iPhone", b"Exif\x00", b"shop PC 7", b"ICC_PROFILE"):
        assert secret not in raw


def test_hashes_are_of_the_original_bytes_and_stable(tmp_path: Path) -> None:
    source = save(scene((1200, 900)), tmp_path / "p.jpg", exif_block(taken=TAKEN))
    first = one(source, tmp_path / "a")
    second = one(source, tmp_path / "b")
    assert first.sha256 == second.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert first.prepared_path.name == f"{first.sha256}.jpg"
    assert first.prepared_path.read_bytes() == second.prepared_path.read_bytes()


def test_small_photo_is_not_enlarged_and_is_flagged(tmp_path: Path) -> None:
    photo = one(save(scene((800, 600)), tmp_path / "s.png"), tmp_path / "out")
    assert (photo.prepared_width, photo.prepared_height) == (800, 600)
    assert "too_small" in [note.code for note in photo.warnings]


def test_transparent_png_is_flattened_on_white(tmp_path: Path) -> None:
    image = Image.new("RGBA", (1200, 900), (0, 0, 0, 0))
    photo = one(save(image, tmp_path / "t.png"), tmp_path / "out")
    with Image.open(photo.prepared_path) as prepared:
        assert prepared.mode == "RGB"
        assert prepared.getpixel((5, 5)) == (255, 255, 255)


def test_capture_time_without_offset_is_shanghai_time(tmp_path: Path) -> None:
    photo = one(
        save(scene((1200, 900)), tmp_path / "p.jpg", exif_block(taken=TAKEN)), tmp_path / "o"
    )
    assert photo.captured_at == TAKEN.replace(tzinfo=SHANGHAI)


def test_prepared_set_is_small(tmp_path: Path) -> None:
    source = save(scene((4000, 3000)), tmp_path / "big.jpg", quality=95)
    photo = one(source, tmp_path / "out")
    assert photo.prepared_path.stat().st_size < 600_000 < source.stat().st_size


@pytest.mark.parametrize(
    ("size", "requested"),
    [
        ((4000, 3000), (1600, 1200)),  # libjpeg can then decode at 1/2: 2000x1500
        ((3000, 4000), (1200, 1600)),
        ((8064, 6048), (1600, 1200)),
        ((1600, 1200), None),
        ((800, 600), None),
    ],
)
def test_draft_asks_for_the_target_box(size: tuple[int, int], requested: object) -> None:
    assert draft_size(*size) == requested


def test_big_jpeg_is_decoded_with_dct_scaling(tmp_path: Path) -> None:
    source = save(scene((4000, 3000)), tmp_path / "big.jpg")
    with Image.open(source) as image:
        requested = draft_size(*image.size)
        assert requested is not None
        image.draft("RGB", requested)
        assert image.size == (2000, 1500)


def test_pool_gives_the_same_results_in_input_order(tmp_path: Path) -> None:
    paths = [save(scene((1200, 900), seed=s), tmp_path / f"p{s}.jpg") for s in range(3)]
    paths.insert(1, tmp_path / "missing.jpg")
    inputs = [PhotoInput(p, PhotoKind.OUTER_PACKAGE) for p in paths]
    pooled = import_photos(inputs, tmp_path / "pool", processes=2)
    serial = import_photos(inputs, tmp_path / "serial", processes=1)
    assert [type(r) for r in pooled] == [EvidencePhoto, PhotoError, EvidencePhoto, EvidencePhoto]
    assert [r.source for r in pooled] == paths
    assert [getattr(r, "sha256", None) for r in pooled] == [
        getattr(r, "sha256", None) for r in serial
    ]


def test_warm_pool_is_reused_and_restartable(tmp_path: Path) -> None:
    from seller_app.evidence import shutdown_pool, warm_up

    paths = [save(scene((1000, 750), seed=s), tmp_path / f"w{s}.jpg") for s in range(2)]
    inputs = [PhotoInput(p, PhotoKind.OUTER_PACKAGE) for p in paths]
    warm_up(2)
    first = import_photos(inputs, tmp_path / "a", processes=2)
    shutdown_pool()
    second = import_photos(inputs, tmp_path / "b", processes=2)
    assert [getattr(r, "sha256", None) for r in first] == [
        getattr(r, "sha256", None) for r in second
    ]
    assert all(isinstance(r, EvidencePhoto) for r in first)


def test_measures_on_phone_like_photos_are_those_of_the_plain_pipeline(tmp_path: Path) -> None:
    """Issue 16 made preparing cheaper (the photo turned in place, the Laplacian's border left
    out of the means instead of cropped away): the prepared copy and every measure behind the
    blur, darkness and near-duplicate verdicts stay exactly those of the plain pipeline -- draft
    decode, shrink, turn upright, then measure the cropped Laplacian -- on phone-like photos
    (grain, texture, held upright)."""
    from PIL import ImageFilter, ImageMath, ImageOps

    from seller_app.evidence.fingerprint import dhash, thumbnail
    from seller_app.evidence.quality import brightness

    from .phone import Shot, save_phone_photo

    def plain_sharpness(grey: Image.Image) -> float:
        ints = grey.convert("I")
        kernel = ImageFilter.Kernel((3, 3), [0, 1, 0, 1, -4, 1, 0, 1, 0], scale=1, offset=0)
        lap = ints.filter(kernel).crop((1, 1, ints.width - 1, ints.height - 1)).convert("F")
        squared = ImageMath.lambda_eval(lambda a: a["x"] * a["x"], x=lap)
        mean = lap.resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
        mean_squared = squared.resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
        return max(0.0, mean_squared - mean * mean)

    # 8 MP: still drafted to half size, as a 12 MP photo is; one held upright (the turn in place)
    shots = [Shot(seed=4, size=(3264, 2448), portrait=True, damaged=True)]
    for index, shot in enumerate(shots):
        source = save_phone_photo(shot, tmp_path / f"p{index}.jpg")
        done = prepare_photo(PrepareJob(source, tmp_path))
        assert isinstance(done, Prepared)
        with Image.open(source) as image:
            image.draft("RGB", draft_size(*image.size))
            image.load()
            shrunk = image.convert("RGB")
            shrunk.thumbnail((LONG_SIDE, LONG_SIDE), Image.Resampling.BICUBIC)
            upright = ImageOps.exif_transpose(shrunk)
        grey = upright.convert("L")
        assert (done.prepared_width, done.prepared_height) == upright.size
        with Image.open(done.prepared_path) as copy:
            encoded = tmp_path / f"plain{index}.jpg"
            upright.save(encoded, "JPEG", quality=80)
            assert copy.tobytes() == Image.open(encoded).tobytes()
        assert done.sharpness == plain_sharpness(grey)
        assert done.brightness == brightness(grey)
        assert (done.dhash, done.thumbnail) == (dhash(grey), thumbnail(grey))
    assert done.prepared_height > done.prepared_width  # turned upright
