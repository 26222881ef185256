"""Quality warnings: blur (tuned on sharp vs blurred copies), darkness, duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageEnhance

from seller_app.domain.case import PhotoKind
from seller_app.evidence import EvidencePhoto, PhotoInput, import_photos
from seller_app.evidence.checks import load_rules
from seller_app.evidence.fingerprint import dhash, hamming
from seller_app.evidence.quality import brightness, sharpness

from .synth import barcode_label, blurred, label_photo, save, scene

RULES = load_rules()


def codes(photo: object) -> list[str]:
    assert isinstance(photo, EvidencePhoto), photo
    return [note.code for note in photo.warnings]


@pytest.mark.parametrize("size", [(1600, 1200), (1200, 1600), (1000, 750)])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_blur_detector_separates_sharp_from_blurred_copies(
    size: tuple[int, int], seed: int
) -> None:
    sharp = scene(size, seed)
    assert sharpness(sharp) > RULES.blur_threshold * 2
    for radius in (1.0, 1.5, 2.0, 4.0):
        assert sharpness(blurred(sharp, radius)) < RULES.blur_threshold, radius


def test_blur_measure_on_a_shrunk_big_photo() -> None:
    """A sharp 4000x3000 photo shrunk to the prepared size is still sharp; blurred, it is not."""
    big = scene((4000, 3000))
    for radius, is_sharp in ((0, True), (2.0, False), (4.0, False)):
        photo = blurred(big, radius) if radius else big.copy()
        photo.thumbnail((1600, 1600))
        assert (sharpness(photo) >= RULES.blur_threshold) is is_sharp, radius


def test_blurry_photo_is_flagged_and_sharp_one_is_not(tmp_path: Path) -> None:
    sharp = save(scene((1600, 1200)), tmp_path / "sharp.jpg", quality=90)
    soft = save(blurred(scene((1600, 1200), seed=5), 2), tmp_path / "soft.jpg", quality=90)
    inputs = [PhotoInput(p, PhotoKind.DAMAGED_ITEM) for p in (sharp, soft)]
    first, second = import_photos(inputs, tmp_path / "out", processes=1)
    assert "blurry" not in codes(first)
    assert "blurry" in codes(second)


def test_dark_photo_is_flagged(tmp_path: Path) -> None:
    dark_image = ImageEnhance.Brightness(scene((1600, 1200))).enhance(0.25)
    assert brightness(dark_image) < RULES.dark_threshold < brightness(scene((1600, 1200)))
    dark = save(dark_image, tmp_path / "dark.jpg")
    [photo] = import_photos(
        [PhotoInput(dark, PhotoKind.OUTER_PACKAGE)], tmp_path / "o", processes=1
    )
    assert "too_dark" in codes(photo)


def test_same_file_twice_and_a_resaved_copy_are_duplicates(tmp_path: Path) -> None:
    original = save(scene((1600, 1200)), tmp_path / "a.jpg", quality=92)
    copy = tmp_path / "a copy.jpg"
    copy.write_bytes(original.read_bytes())
    smaller = scene((1600, 1200)).resize((1200, 900))
    resaved = save(smaller, tmp_path / "wechat.jpg", quality=60)  # as a chat app would send it
    other = save(scene((1600, 1200), seed=9), tmp_path / "b.jpg")
    inputs = [PhotoInput(p, PhotoKind.DAMAGED_ITEM) for p in (original, copy, resaved, other)]
    a, b, c, d = import_photos(inputs, tmp_path / "out", processes=1)
    assert "duplicate" not in codes(a) and "near_duplicate" not in codes(a)
    assert [n.params for n in b.warnings if n.code == "duplicate"] == [{"other": "a.jpg"}]  # type: ignore[union-attr]
    assert "near_duplicate" in codes(c)
    assert "duplicate" not in codes(d) and "near_duplicate" not in codes(d)


def test_dhash_tolerates_resizing_but_tells_scenes_apart() -> None:
    base = scene((1600, 1200), seed=1)
    assert hamming(dhash(base), dhash(base.resize((400, 300), Image.Resampling.LANCZOS))) <= 2
    for seed in (2, 3, 4):
        assert hamming(dhash(base), dhash(scene((1600, 1200), seed))) > RULES.near_duplicate_bits


def test_photo_already_in_the_case_is_a_duplicate(tmp_path: Path) -> None:
    from tests.conftest import make_case

    photo_path = save(scene((1200, 900)), tmp_path / "new.jpg")
    import hashlib

    sha = hashlib.sha256(photo_path.read_bytes()).hexdigest()
    case = make_case(photos=[{"file": "old/box.jpg", "sha256": sha}])
    [photo] = import_photos(
        [PhotoInput(photo_path, PhotoKind.OUTER_PACKAGE)], tmp_path / "o", case, processes=1
    )
    assert [n.params for n in photo.warnings if n.code == "duplicate"] == [{"other": "old/box.jpg"}]  # type: ignore[union-attr]


def test_two_different_waybill_labels_are_not_near_duplicates(tmp_path: Path) -> None:
    """A multi-parcel order has several labels: white, one barcode each, alike to a 64-bit dHash."""
    sf = save(barcode_label("SF1234567890123"), tmp_path / "label.png")
    yt = save(barcode_label("YT9876543210987"), tmp_path / "label2.png")
    on_box = [
        save(label_photo(number), tmp_path / f"{number}.jpg", quality=92)
        for number in ("SF1234567890123", "YT9876543210987")
    ]
    inputs = [PhotoInput(p, PhotoKind.WAYBILL_LABEL) for p in (sf, yt, *on_box)]
    results = import_photos(inputs, tmp_path / "out", processes=1)
    for photo in results:
        assert "near_duplicate" not in codes(photo) and "duplicate" not in codes(photo)
    assert [p.barcodes for p in results][:2] == [("SF1234567890123",), ("YT9876543210987",)]  # type: ignore[union-attr]


def test_plain_tiny_and_turned_pictures_are_not_near_duplicates(tmp_path: Path) -> None:
    pictures = {
        "dark1.jpg": Image.new("RGB", (1600, 1200), (10, 10, 10)),
        "dark2.jpg": Image.new("RGB", (1600, 1200), (30, 20, 20)),
        "dim.jpg": ImageEnhance.Brightness(scene((1600, 1200), seed=4)).enhance(0.1),
        "dim2.jpg": ImageEnhance.Brightness(scene((1600, 1200), seed=5)).enhance(0.1),
        "tiny.png": Image.new("RGB", (40, 30), (200, 0, 0)),
        "tiny2.png": Image.new("RGB", (30, 40), (0, 0, 200)),
        "turned0.jpg": label_photo("SF1234567890123", 0),
        "turned15.jpg": label_photo("SF1234567890123", 15),
        "turned30.jpg": label_photo("SF1234567890123", 30),
    }
    paths = [save(image, tmp_path / name) for name, image in pictures.items()]
    results = import_photos(
        [PhotoInput(p, PhotoKind.DAMAGED_ITEM) for p in paths], tmp_path / "out", processes=1
    )
    flagged = {p.source.name for p in results if "near_duplicate" in codes(p)}  # type: ignore[union-attr]
    assert flagged == set()


def test_an_exact_copy_of_a_plain_picture_is_still_a_duplicate(tmp_path: Path) -> None:
    dark = save(Image.new("RGB", (1600, 1200), (10, 10, 10)), tmp_path / "dark.jpg")
    copy = tmp_path / "dark copy.jpg"
    copy.write_bytes(dark.read_bytes())
    inputs = [PhotoInput(p, PhotoKind.DAMAGED_ITEM) for p in (dark, copy)]
    _, second = import_photos(inputs, tmp_path / "out", processes=1)
    assert [n.params for n in second.warnings if n.code == "duplicate"] == [{"other": "dark.jpg"}]  # type: ignore[union-attr]


def test_a_resaved_label_photo_is_a_near_duplicate(tmp_path: Path) -> None:
    photo = label_photo("SF1234567890123", 30)
    first = save(photo, tmp_path / "label.jpg", quality=92)
    sent = save(photo.resize((1200, 900)), tmp_path / "wechat.jpg", quality=60)
    inputs = [PhotoInput(p, PhotoKind.WAYBILL_LABEL) for p in (first, sent)]
    _, second = import_photos(inputs, tmp_path / "out", processes=1)
    assert "near_duplicate" in codes(second)


def test_thumbnail_detail_is_the_population_standard_deviation() -> None:
    """`detail` sums in integers (statistics.pstdev took ~1 ms a call); same value to the last
    bits on plain, noisy and two-level thumbnails."""
    import random
    import statistics

    from seller_app.evidence.fingerprint import detail

    rng = random.Random(16)
    thumbs = [
        bytes(1024),
        bytes([255]) * 1024,
        bytes([0, 255]) * 512,
        bytes([7]),
        *(bytes(rng.randrange(top) for _ in range(1024)) for top in (2, 9, 64, 256)),
    ]
    for thumb in thumbs:
        assert detail(thumb) == pytest.approx(statistics.pstdev(thumb), rel=1e-12, abs=1e-12)
    assert detail(b"") == 0.0


def test_near_duplicates_in_a_batch_of_many_photos(tmp_path: Path) -> None:
    """Each photo against every earlier one, the dHash compared first: a re-saved copy late in a
    batch still names its original, a different scene names none."""
    from seller_app.evidence.checks import Fingerprint, duplicate_notes
    from seller_app.evidence.fingerprint import thumbnail

    rules = load_rules()
    pictures = [scene((1600, 1200), seed) for seed in range(12)]
    resaved = pictures[3].resize((1200, 900))
    prints = [
        Fingerprint(
            f"p{index}.jpg",
            f"{index:064x}",
            dhash(picture),
            thumbnail(picture),
            picture.size,
            frozenset(),
        )
        for index, picture in enumerate([*pictures, resaved])
    ]
    notes = duplicate_notes(prints, [], rules)
    assert [n.code for n in notes[-1]] == ["near_duplicate"]
    assert notes[-1][0].params["other"] == "p3.jpg"
    assert not any(notes[:-1])
