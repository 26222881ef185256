"""Phone-like photos for the evidence tests and the benchmarks, made the same way every time.

Flat synthetic shapes flatter a barcode reader: on a clean picture every failed look is cheap.
A phone photo has what makes each look expensive -- sensor grain (correlated over a pixel or two
after demosaicing and noise reduction), texture everywhere (cardboard fibres, a table's grain),
soft focus, uneven light, JPEG at quality ~92 -- so these pictures have all of it:

- a table with wood grain and blotchy light, a corrugated box in perspective with tape and
  printed words, a dent or tear on "damaged" shots;
- on label shots a 100x150 mm e-waybill (a grid, Chinese text, a big and a small Code 128 of the
  number, optionally a QR code) turned by any angle;
- lens blur, vignetting, grain; EXIF make, model and capture time, and for a portrait shot the
  pixels stored sideways with orientation 6, as phones do.

`phone_photo` returns the picture; `save_phone_photo` writes the JPEG. Everything is seeded:
the same arguments give the same bytes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

import numpy as np
import zxingcpp
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from seller_app import paths

PHONE_SIZE = (4000, 3000)  # 12 MP, 4:3
CARDBOARD = (176, 138, 98)
TABLE = (120, 96, 74)
_ORIENTATION, _MAKE, _MODEL, _EXIF_IFD, _TAKEN = 0x0112, 0x010F, 0x0110, 0x8769, 0x9003


@dataclass(frozen=True)
class Shot:
    """What a phone photo shows. `label` is the tracking number on a waybill label in view."""

    seed: int
    label: str | None = None
    angle: float = 0.0
    """The label's turn in degrees (counter-clockwise)."""
    label_width: float = 0.34
    """The label's width as a share of the photo's width (a close-up is ~0.6)."""
    qr: bool = False
    damaged: bool = False
    portrait: bool = False
    """Stored sideways (landscape pixels) with EXIF orientation 6, as a phone held upright."""
    size: tuple[int, int] = PHONE_SIZE
    grain: float = 6.0
    """Sensor noise, standard deviation in grey levels."""


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(paths.resources_dir() / "fonts" / "wqy-microhei.ttc"), size)


@cache
def _grain_field(size: tuple[int, int], sigma: float) -> np.ndarray:
    """Zero-mean grain, correlated over ~2 px: made at half size and enlarged. One field per
    size is made (seeded) and each photo takes it at its own offset, which keeps many photos
    cheap to make and still different from each other."""
    rng = np.random.default_rng(20261121)
    half = (size[1] // 2 + 1, size[0] // 2 + 1)
    luma = rng.standard_normal(half, dtype=np.float32) * sigma
    chroma = rng.standard_normal((*half, 3), dtype=np.float32) * (sigma * 0.45)
    field = np.clip(chroma + luma[..., None], -127, 127).astype(np.int8)
    big = np.repeat(np.repeat(field, 2, axis=0), 2, axis=1)[: size[1], : size[0]]
    return np.ascontiguousarray(big)


def _streaks(size: tuple[int, int], rng: random.Random, across: int, along: int) -> Image.Image:
    """Grey texture stretched one way: fibres, grain. `across` x `along` random cells enlarged."""
    cells = Image.frombytes("L", (along, across), rng.randbytes(along * across))
    return cells.resize(size, Image.Resampling.BICUBIC)


def _blotches(size: tuple[int, int], rng: random.Random, cells: int = 6) -> Image.Image:
    small = Image.frombytes("L", (cells + 2, cells), rng.randbytes((cells + 2) * cells))
    return small.resize(size, Image.Resampling.BICUBIC)


def _tinted(
    size: tuple[int, int], colour: tuple[int, int, int], texture: Image.Image, depth: int
) -> Image.Image:
    """A flat colour modulated by a grey texture by +-`depth` levels."""
    base = Image.new("RGB", size, colour)
    offset = texture.point(lambda v: 128 + (v - 128) * depth // 128)
    return ImageChops.add(base, Image.merge("RGB", (offset, offset, offset)), 1.0, -128)


def waybill_label(number: str, width: int, *, qr: bool = False) -> Image.Image:
    """A 100x150 mm e-waybill `width` pixels wide: grid, sender and recipient lines, the big
    Code 128 of `number`, its digits, a small Code 128 lower down, and optionally a QR code."""
    height = width * 3 // 2
    label = Image.new("RGB", (width, height), (246, 246, 242))
    draw = ImageDraw.Draw(label)
    line = max(2, width // 300)
    rows = [0.10, 0.36, 0.52, 0.68, 0.80]
    for share in rows:
        draw.line((0, height * share, width, height * share), fill=(20, 20, 20), width=line)
    draw.rectangle((0, 0, width - 1, height - 1), outline=(20, 20, 20), width=line)
    big = _font(max(12, width // 14))
    small = _font(max(10, width // 24))
    draw.text((width * 0.05, height * 0.02), "标快 顺丰速运 95338", fill="black", font=big)
    code = zxingcpp.create_barcode(number, zxingcpp.BarcodeFormat.Code128)
    bars = _code_image(code, target=int(width * 0.86))
    bars = bars.resize((bars.width, int(height * 0.16)), Image.Resampling.NEAREST)
    label.paste(bars.convert("RGB"), ((width - bars.width) // 2, int(height * 0.12)))
    digits = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    draw.text((width * 0.16, height * 0.29), digits, fill="black", font=big)
    draw.text((width * 0.04, height * 0.38), "收 张三 138****0000", fill="black", font=small)
    draw.text(
        (width * 0.04, height * 0.44), "上海市浦东新区 世纪大道 100 号", fill="black", font=small
    )
    draw.text((width * 0.04, height * 0.54), "寄 李四 139****1111", fill="black", font=small)
    draw.text(
        (width * 0.04, height * 0.60), "浙江省杭州市余杭区 文一西路", fill="black", font=small
    )
    draw.text((width * 0.04, height * 0.70), "物品：陶瓷餐具 易碎", fill="black", font=small)
    lower = _code_image(code, target=int(width * 0.55))
    lower = lower.resize((lower.width, int(height * 0.08)), Image.Resampling.NEAREST)
    label.paste(lower.convert("RGB"), (int(width * 0.04), int(height * 0.83)))
    if qr:
        matrix = zxingcpp.create_barcode(
            f"https://m.example.cn/t?no={number}", zxingcpp.BarcodeFormat.QRCode
        )
        square = _code_image(matrix, target=int(width * 0.30))
        label.paste(square.convert("RGB"), (int(width * 0.66), int(height * 0.82)))
    return label


def _code_image(code: zxingcpp.Barcode, target: int) -> Image.Image:
    """The code drawn with whole-pixel modules (quiet zones included), about `target` wide."""
    plain = memoryview(code.to_image(scale=1, add_quiet_zones=True))
    scale = max(1, round(target / plain.shape[1]))
    view = memoryview(code.to_image(scale=scale, add_quiet_zones=True))
    return Image.frombytes("L", (view.shape[1], view.shape[0]), bytes(view))


def phone_photo(shot: Shot) -> Image.Image:
    """The picture as the phone saw it (upright, before any sideways storage)."""
    rng = random.Random(shot.seed)
    size = (shot.size[1], shot.size[0]) if shot.portrait else shot.size
    width, height = size
    grain = _streaks(size, rng, across=height // 16, along=12)  # the table's grain runs across
    photo = _tinted(size, TABLE, grain, 40)
    # the box: a quadrilateral filling most of the frame, corrugated fibres along one side
    margin_x, margin_y = width // 10, height // 10
    box = [
        (margin_x + rng.randrange(-80, 80), margin_y + rng.randrange(-80, 80)),
        (width - margin_x + rng.randrange(-80, 80), margin_y + rng.randrange(60, 200)),
        (width - margin_x + rng.randrange(-200, 0), height - margin_y + rng.randrange(-80, 80)),
        (margin_x + rng.randrange(0, 200), height - margin_y + rng.randrange(-120, 40)),
    ]
    fibres = _streaks(size, rng, across=24, along=width // 3)
    cardboard = _tinted(size, CARDBOARD, fibres, 26)
    mask = Image.new("L", size, 0)
    ImageDraw.Draw(mask).polygon(box, fill=255)
    photo.paste(cardboard, mask=mask)
    draw = ImageDraw.Draw(photo)
    tape_y = rng.randrange(height // 3, height // 2)
    draw.polygon(
        [
            (box[0][0], tape_y),
            (box[1][0], tape_y + 40),
            (box[1][0], tape_y + 260),
            (box[0][0], tape_y + 220),
        ],
        fill=(205, 185, 150),
    )
    words = _font(max(14, height // 20))
    draw.text((box[0][0] + 120, box[0][1] + 120), "易碎品  小心轻放", fill=(60, 40, 30), font=words)
    draw.text((box[0][0] + 120, box[3][1] - 300), "此面向上 ↑↑", fill=(60, 40, 30), font=words)
    if shot.damaged:
        cx, cy = (
            rng.randrange(width // 3, 2 * width // 3),
            rng.randrange(height // 2, 3 * height // 4),
        )
        tear = [(cx + rng.randrange(-400, 400), cy + rng.randrange(-250, 250)) for _ in range(7)]
        draw.polygon(tear, fill=(70, 52, 38))
        draw.line(tear + tear[:1], fill=(40, 30, 22), width=18)
    if shot.label is not None:
        label = waybill_label(shot.label, int(width * shot.label_width), qr=shot.qr).convert("RGBA")
        turned = label.rotate(shot.angle, Image.Resampling.BICUBIC, expand=True)
        x = (width - turned.width) // 2 + rng.randrange(-width // 20, width // 20)
        y = (height - turned.height) // 2 + rng.randrange(-height // 20, height // 20)
        photo.paste(turned, (x, y), turned)
    # light: brighter from one corner, darker towards the edges
    light = _blotches(size, rng).point(lambda v: 200 + v * 55 // 255)
    photo = ImageChops.multiply(photo, Image.merge("RGB", (light, light, light)))
    photo = photo.filter(ImageFilter.BoxBlur(1))  # soft focus (a Gaussian costs 3x as much)
    return _add_grain(photo, shot.grain, rng)


def _add_grain(photo: Image.Image, sigma: float, rng: random.Random) -> Image.Image:
    if sigma <= 0:
        return photo
    field = _grain_field((max(photo.size), max(photo.size)), sigma)
    dy, dx = (
        rng.randrange(field.shape[0] - photo.height + 1),
        rng.randrange(field.shape[1] - photo.width + 1),
    )
    noise = field[dy : dy + photo.height, dx : dx + photo.width]
    pixels = np.asarray(photo, dtype=np.int16) + noise
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")


def save_phone_photo(shot: Shot, path: Path, *, quality: int = 92) -> Path:
    """Write `shot` as a phone JPEG with EXIF (make, model, capture time, orientation)."""
    photo = phone_photo(shot)
    exif = Image.Exif()
    exif[_MAKE] = "Xiaomi"
    exif[_MODEL] = "Redmi Note 13"
    taken = datetime(2026, 11, 18, 9, 30) + timedelta(minutes=shot.seed)
    exif.get_ifd(_EXIF_IFD)[_TAKEN] = taken.strftime("%Y:%m:%d %H:%M:%S")
    if shot.portrait:  # stored as the sensor saw it: turned back to landscape, orientation 6
        exif[_ORIENTATION] = 6
        photo = photo.transpose(Image.Transpose.ROTATE_90)
    photo.save(path, "JPEG", quality=quality, exif=exif.tobytes())
    return path


def claim_set(number: str, count: int = 8, *, seed: int = 0, angle: float = 30.0) -> list[Shot]:
    """The photos of one damage claim: the box from several sides (every other one upright),
    the damage, and one waybill label turned by `angle` degrees among them (the fourth)."""
    return [
        Shot(
            seed=seed + index,
            label=number if index == 3 else None,
            angle=angle if index == 3 else 0.0,
            damaged=index in (1, 5, 6),
            portrait=index % 2 == 1,
        )
        for index in range(count)
    ]


LABEL_ANGLES = (30.0, 0.0, 45.0, -15.0, 10.0, -40.0, 20.0, -30.0)


def folder_of_claims(claims: int) -> list[Shot]:
    """`claims` claim sets of 8 (a seller's photo folder), each label at its own angle."""
    shots: list[Shot] = []
    for claim in range(claims):
        number = f"SF{1400012345000 + claim:013d}"
        angle = LABEL_ANGLES[claim % len(LABEL_ANGLES)]
        shots += claim_set(number, seed=claim * 8, angle=angle)
    return shots


def write_shots(shots: list[Shot], folder: Path, jobs: int = 1) -> list[Path]:
    """`IMG_0000.jpg`... in `folder`, made on `jobs` processes; a file already there is kept
    (the same shot always gives the same bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"IMG_{index:04d}.jpg" for index in range(len(shots))]
    todo = [(shot, path) for shot, path in zip(shots, paths, strict=True) if not path.exists()]
    if jobs <= 1 or len(todo) <= 1:
        for shot, path in todo:
            _write(shot, path)
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(jobs, mp_context=context) as pool:
            list(pool.map(_write, *zip(*todo, strict=True)))
    return paths


def _write(shot: Shot, path: Path) -> Path:
    tmp = path.with_name(f".{path.name}.tmp")
    save_phone_photo(shot, tmp)
    return tmp.replace(path)
