"""Synthetic photos for the evidence tests: a drawn scene (text, lines, noise), EXIF blocks,
waybill labels with a real Code 128 barcode, and deliberately broken files."""

from __future__ import annotations

import random
import struct
import zlib
from datetime import datetime
from pathlib import Path

import zxingcpp
from PIL import Image, ImageDraw, ImageFilter, ImageFont

EXIF_IFD, GPS_IFD = 0x8769, 0x8825


def scene(size: tuple[int, int] = (1600, 1200), seed: int = 1) -> Image.Image:
    """A photo-like picture: a mid-grey parcel with text, lines, boxes and sensor noise."""
    rng = random.Random(seed)
    width, height = size
    image = Image.new("RGB", size, (150, 130, 100))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=max(12, height // 30))
    for _ in range(40):
        x, y = rng.randrange(width), rng.randrange(height)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.line((x, y, rng.randrange(width), rng.randrange(height)), fill=colour, width=3)
    for _ in range(12):
        x, y = rng.randrange(width - 200), rng.randrange(height - 100)
        draw.rectangle((x, y, x + rng.randrange(40, 200), y + rng.randrange(30, 100)), outline=0)
    for row in range(8):
        draw.text(
            (40, 40 + row * height // 10), "易碎品 FRAGILE 顺丰 SF 1234567890", fill=0, font=font
        )
    # seeded sensor noise (Image.effect_noise is not seeded): uniform, standard deviation ~2.2
    noise = Image.frombytes("L", size, rng.randbytes(width * height)).convert("RGB")
    return Image.blend(image, noise, 0.03)


def blurred(image: Image.Image, radius: float) -> Image.Image:
    return image.filter(ImageFilter.GaussianBlur(radius))


def exif_block(
    *,
    orientation: int | None = None,
    taken: datetime | None = None,
    offset: str | None = None,
    model: str | None = "iPhone 15 Pro",
    make: str | None = "Apple",
    gps: bool = False,
) -> Image.Exif:
    exif = Image.Exif()
    if make:
        exif[0x010F] = make
    if model:
        exif[0x0110] = model
    exif[0xA431] = "SERIAL-0042-SECRET"  # BodySerialNumber lives in the Exif IFD; set below too
    if orientation is not None:
        exif[0x0112] = orientation
    sub = exif.get_ifd(EXIF_IFD)
    sub[0xA431] = "SERIAL-0042-SECRET"
    if taken is not None:
        sub[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")
        if offset:
            sub[0x9011] = offset
    if gps:
        info = exif.get_ifd(GPS_IFD)
        info[1] = "N"
        info[2] = (31.0, 14.0, 0.0)
        info[3] = "E"
        info[4] = (121.0, 28.0, 0.0)
    return exif


def save(image: Image.Image, path: Path, exif: Image.Exif | None = None, **options: object) -> Path:
    if exif is not None:
        options["exif"] = exif.tobytes()
    image.save(path, **options)  # type: ignore[arg-type]
    return path


def barcode_label(number: str, *, module: int = 3) -> Image.Image:
    """A white waybill label with a Code 128 barcode of `number` and some printed text."""
    code = zxingcpp.create_barcode(number, zxingcpp.BarcodeFormat.Code128)
    view = memoryview(code.to_image(scale=module, add_quiet_zones=True))
    bars = Image.frombytes("L", (view.shape[1], view.shape[0]), bytes(view))
    bars = bars.resize((bars.width, bars.height * 2))
    label = Image.new("RGB", (bars.width + 120, bars.height + 260), "white")
    label.paste(bars.convert("RGB"), (60, 60))
    draw = ImageDraw.Draw(label)
    font = ImageFont.load_default(size=28)
    draw.text((60, bars.height + 90), f"运单号 {number}", fill="black", font=font)
    draw.text((60, bars.height + 150), "收件人 张三 上海市", fill="black", font=font)
    return label


def label_photo(number: str, angle: float = 0, size: tuple[int, int] = (1600, 1200)) -> Image.Image:
    """The label on a parcel, turned by `angle` degrees, as a phone photo would show it."""
    photo = scene(size, seed=7)
    label = barcode_label(number).rotate(
        angle, Image.Resampling.BICUBIC, expand=True, fillcolor=(150, 130, 100)
    )
    photo.paste(label, ((size[0] - label.width) // 2, (size[1] - label.height) // 2))
    return photo


def png_header_only(width: int, height: int) -> bytes:
    """A PNG claiming width x height pixels (a decompression bomb needs no real pixel data)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )
