"""Decode one photo and write its prepared copy: upright, long side <= 1600 px, JPEG q80, no
metadata. `prepare_photo` is the process-pool worker: a top-level function taking and returning
picklable values, so it works under ``spawn`` and in a frozen app.

Big JPEGs are decoded with ``Image.draft()`` first, which lets libjpeg scale by 1/2, 1/4 or 1/8
during the DCT; ``thumbnail()`` alone would decode all 12-48 MP first.
"""

from __future__ import annotations

import io
import logging
import math
import os
import re
import warnings
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from PIL import Image, ImageOps, UnidentifiedImageError

from seller_app.readfile import InputFileError, read_regular

from . import barcodes, quality
from .fingerprint import dhash, sha256_hex, thumbnail
from .model import PhotoError

log = logging.getLogger(__name__)

LONG_SIDE = 1600
PHOTO_FILE_LIMIT = 100 * 1024 * 1024  # a 48 MP phone JPEG is ~15 MB, a HEIC less
JPEG_QUALITY = 80
# MPO is how Pillow opens many phone JPEGs (a JPEG with a depth map or preview appended).
FORMATS = frozenset({"JPEG", "MPO", "PNG", "WEBP", "HEIF"})
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif")

_EXIF_IFD = 0x8769
_MAKE, _MODEL, _ORIENTATION = 0x010F, 0x0110, 0x0112
_DATETIME_ORIGINAL, _DATETIME_DIGITIZED = 0x9003, 0x9004
_OFFSET_ORIGINAL, _OFFSET_DIGITIZED = 0x9011, 0x9012
_OFFSET_RE = re.compile(r"^([+-])(\d{2}):(\d{2})$")
CAPTURE_YEARS = (1970, 2099)  # digital cameras' epoch .. the case format's last year
# domain.case.SHANGHAI, the same (cached) ZoneInfo: this module runs in the photo workers,
# which start faster without the domain package
SHANGHAI = ZoneInfo("Asia/Shanghai")


def register_heif() -> None:
    """Let Pillow open HEIC/HEIF (iPhone photos); idempotent."""
    from pillow_heif import register_heif_opener

    register_heif_opener()


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


def _clean(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return None
    text = value.replace("\x00", "").strip()
    return text or None


def capture_time(exif: Image.Exif) -> datetime | None:
    """DateTimeOriginal (else DateTimeDigitized) with its OffsetTime; no offset -> Asia/Shanghai,
    the local time of the seller's phone."""
    sub = exif.get_ifd(_EXIF_IFD)
    for stamp_tag, offset_tag in (
        (_DATETIME_ORIGINAL, _OFFSET_ORIGINAL),
        (_DATETIME_DIGITIZED, _OFFSET_DIGITIZED),
    ):
        stamp = _clean(sub.get(stamp_tag))
        if not stamp:
            continue
        try:
            naive = datetime.strptime(stamp[:19], "%Y:%m:%d %H:%M:%S")
        except ValueError:
            continue
        if not CAPTURE_YEARS[0] <= naive.year <= CAPTURE_YEARS[1]:
            # a camera clock never set, or a crafted file: year 1 or 9999 plus an offset would
            # overflow every comparison with the case's dates. No usable capture time.
            continue
        offset = _OFFSET_RE.match(_clean(sub.get(offset_tag)) or "")
        if offset and int(offset.group(2)) <= 14 and int(offset.group(3)) < 60:
            sign = -1 if offset.group(1) == "-" else 1
            delta = timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3)))
            return naive.replace(tzinfo=timezone(sign * delta))
        return naive.replace(tzinfo=SHANGHAI)
    return None


def camera_name(exif: Image.Exif) -> str | None:
    make, model = _clean(exif.get(_MAKE)), _clean(exif.get(_MODEL))
    if make and model and not model.lower().startswith(make.lower()):
        return f"{make} {model}"
    return model or make


def _looks_like_heif(data: bytes) -> bool:
    return data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS


def draft_size(width: int, height: int, long_side: int = LONG_SIDE) -> tuple[int, int] | None:
    """The size to ask ``draft()`` for: the target box in the stored orientation, so libjpeg
    picks the largest 1/2^n reduction that still covers it. None when no reduction is needed."""
    factor = long_side / max(width, height)
    if factor >= 1:
        return None
    return math.ceil(width * factor), math.ceil(height * factor)


def to_srgb(image: Image.Image) -> Image.Image:
    """RGB in sRGB: convert from an embedded ICC profile (iPhone Display P3), flatten alpha on
    white. The profile itself is then dropped with the rest of the metadata."""
    icc = image.info.get("icc_profile")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    elif image.mode != "RGB":
        image = image.convert("RGB")
    if icc:
        from PIL import ImageCms  # ~25 ms to import; most phone JPEGs carry no profile

        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"))
            if converted is not None:
                image = converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            log.debug("ignoring an unusable ICC profile")
    return image


def _open(data: bytes) -> Image.Image:
    # Above MAX_IMAGE_PIXELS Pillow only warns; a photo that big is refused like a bomb.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        return Image.open(io.BytesIO(data))


def _decode(data: bytes) -> tuple[Image.Image, Image.Exif, tuple[int, int]]:
    """Open, check format and pixel limit, decode (with draft); return the image, its EXIF and
    the stored (pre-draft) size. Failures raise `_RefusedError` with the error code."""
    heif = _looks_like_heif(data)
    if heif:
        register_heif()  # ~55 ms to import pillow-heif: only for the photos that need it
    try:
        image = _open(data)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _RefusedError("too_many_pixels", str(error)) from None
    except UnidentifiedImageError:
        raise _RefusedError("unreadable_heic" if heif else "not_an_image", "") from None
    except Exception as error:  # noqa: BLE001 - any decoder failure is this file's problem only
        raise _RefusedError("unreadable_heic" if heif else "corrupt", str(error)) from None
    if image.format not in FORMATS:
        raise _RefusedError("unsupported_format", image.format or "?")
    exif = image.getexif()
    stored_size = image.size
    requested = draft_size(*image.size)
    if requested and image.format in ("JPEG", "MPO"):
        image.draft("RGB", requested)
    try:
        image.load()
    except OSError as error:
        code = "truncated" if "truncated" in str(error) else "corrupt"
        raise _RefusedError("unreadable_heic" if heif else code, str(error)) from None
    except Exception as error:  # noqa: BLE001
        raise _RefusedError("unreadable_heic" if heif else "corrupt", str(error)) from None
    return image, exif, stored_size


class _RefusedError(Exception):
    def __init__(self, code: str, detail: str) -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail


def _upright_size(size: tuple[int, int], exif: Image.Exif) -> tuple[int, int]:
    return (size[1], size[0]) if exif.get(_ORIENTATION) in (5, 6, 7, 8) else size


def write_jpeg(image: Image.Image, path: Path) -> None:
    """Encode without any metadata (no EXIF, GPS, ICC, XMP, comments) and replace atomically."""
    image.info = {}
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    image.save(tmp, "JPEG", quality=JPEG_QUALITY)
    os.replace(tmp, path)


def prepare_photo(job: PrepareJob) -> Prepared | PhotoError:
    """Pool worker: read, fingerprint, decode, straighten, shrink, measure, write. Never raises."""
    try:
        return _prepare(job)
    except _RefusedError as refused:
        return PhotoError(job.path, refused.code, refused.detail)
    except Exception as error:  # noqa: BLE001 - the batch must go on
        log.exception("unexpected failure preparing %s", job.path)
        return PhotoError(job.path, "corrupt", f"{type(error).__name__}: {error}")


def _prepare(job: PrepareJob) -> Prepared:
    try:  # a regular file of sane size only: a FIFO or /dev/zero is refused at once
        data = read_regular(job.path, PHOTO_FILE_LIMIT)
    except InputFileError as error:
        if error.reason == "missing":
            raise _RefusedError("file_missing", "") from None
        if error.reason == "not_regular":
            raise _RefusedError("not_a_regular_file", "") from None
        if error.reason == "too_large":
            raise _RefusedError("file_too_large", error.limit_text) from None
        reason = error.error.strerror if error.error and error.error.strerror else str(error.error)
        raise _RefusedError("file_unreadable", reason) from None
    sha = sha256_hex(data)
    image, exif, stored_size = _decode(data)
    original_size = _upright_size(stored_size, exif)
    captured, camera = capture_time(exif), camera_name(exif)

    # shrink first, then turn: turning 1600 px is cheaper than turning the drafted 2000 px
    upright = to_srgb(image)
    upright.thumbnail((LONG_SIDE, LONG_SIDE), Image.Resampling.BICUBIC)
    # turned in place: a photo already upright is not copied (~1.5 ms at 1600 px)
    ImageOps.exif_transpose(upright, in_place=True)
    grey = upright.convert("L")

    texts: tuple[str, ...] = ()
    if job.read_barcodes:
        larger = None
        if job.is_label and max(stored_size) > LONG_SIDE:
            larger = lambda: _full_size(data)  # noqa: E731
        texts = barcodes.read_photo(grey, label=job.is_label, larger=larger)

    out = job.out_dir / f"{sha}.jpg"
    try:
        write_jpeg(upright, out)
    except OSError as error:
        raise _RefusedError("write_failed", error.strerror or str(error)) from None
    return Prepared(
        source=job.path,
        sha256=sha,
        size_bytes=len(data),
        width=original_size[0],
        height=original_size[1],
        captured_at=captured,
        camera=camera,
        prepared_path=out,
        prepared_width=upright.width,
        prepared_height=upright.height,
        sharpness=quality.sharpness(grey),
        brightness=quality.brightness(grey),
        dhash=dhash(grey),
        thumbnail=thumbnail(grey),
        barcode_texts=texts,
    )


def _full_size(data: bytes, long_side: int = 4096) -> Image.Image:
    """The original (up to 4096 px) for a second barcode attempt on a declared label, when bars
    of one or two pixels in a 12 MP photo vanished in the 1600 px copy."""
    image = _open(data)
    requested = draft_size(*image.size, long_side=long_side)
    if requested and image.format in ("JPEG", "MPO"):
        image.draft("RGB", requested)
    upright = ImageOps.exif_transpose(image).convert("RGB")
    upright.thumbnail((long_side, long_side), Image.Resampling.BICUBIC)
    return upright
