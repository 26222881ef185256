"""Read a parcel's tracking timeline from screenshots: the courier app's or Taobao's 物流详情 and
the proof of delivery (签收底单). OCR (`ocr`) finds the text offline; the pure parser
(`seller_app.domain.timeline`) turns it into a `Timeline`.

`read_timeline` is what the CLI and, later, the wizard call (from a worker thread: no Qt here).
A file that cannot be used is reported by name (`ScreenshotError`), never half-read.

For the wizard (a screenshot dropped on the shipment or signer page):

- ``read_timeline(paths, reference=now)`` -> `Timeline` (frozen data: numbers, courier, events,
  posted/signed times, signer, station); ``ocr.warm_up()`` loads the models ahead of time;
- ``domain.timeline_compare.compare_with_case(timeline, case, rules)`` -> the differences, each
  ``.text(rules, carriers, lang)``;
- ``domain.timeline.read_signer(timeline, rules)`` -> `SignerReading` (``who``: the answer to
  the signer question, ``ask_authorised``), and ``signer_questions(timeline, rules, lang)``: what
  to ask the buyer; the categories (门卫/前台/驿站/快递柜/家人...) are ``resources/timeline/
  signers.toml``;
- ``evidence.checks.timing_notes(..., timeline)`` / ``import_photos(..., timeline=...)``: photo
  timing measured from the screenshot's signing time; ``checks.claim_notes(case, timeline)``.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from seller_app import paths
from seller_app.domain.carriers import CarrierBook
from seller_app.domain.case import SHANGHAI
from seller_app.domain.timeline import OcrLine, Timeline, merge, parse_page
from seller_app.domain.timeline_dates import captured_at
from seller_app.domain.timeline_rules import TimelineRules

from .importer import default_carriers
from .model import PhotoError
from .ocr import OcrEngine, shared_engine
from .prepare import FORMATS, register_heif

# A phone screenshot is 1-5 MB; a scrolling capture of a long page perhaps 20.
MAX_FILE_BYTES = 40 * 1024 * 1024


class ScreenshotError(Exception):
    """Screenshots that could not be read, each a `PhotoError` naming its file and why."""

    def __init__(self, errors: Sequence[PhotoError]) -> None:
        super().__init__(", ".join(f"{e.source.name}: {e.code}" for e in errors))
        self.errors = tuple(errors)


@cache
def timeline_rules(resources: Path | None = None) -> TimelineRules:
    return TimelineRules.load(resources or paths.resources_dir())


def load_screenshot(path: Path) -> Image.Image | PhotoError:
    """The screenshot as an upright RGB image, or why not: only regular files up to
    ``MAX_FILE_BYTES`` in the photo formats (JPEG, PNG, WebP, HEIC), within Pillow's pixel limit."""
    loaded = _load(path)
    return loaded if isinstance(loaded, PhotoError) else loaded[0]


# EXIF tags: DateTimeOriginal and DateTimeDigitized (in the Exif IFD), DateTime (IFD0)
_EXIF_IFD, _EXIF_TIMES, _IFD0_TIME = 0x8769, (36867, 36868), 306


def _stamp(image: Image.Image) -> str | None:
    """When the image's own metadata says it was made: EXIF (JPEG, HEIC, PNG's eXIf chunk), or
    PNG's "Creation Time" text."""
    try:
        exif = image.getexif()
        inner = exif.get_ifd(_EXIF_IFD)
    except Exception:  # noqa: BLE001 - broken metadata only means no date from it
        return None
    for value in (*(inner.get(tag) for tag in _EXIF_TIMES), exif.get(_IFD0_TIME)):
        if isinstance(value, str) and value.strip(" 0:"):
            return value
    created = image.info.get("Creation Time")
    return created if isinstance(created, str) else None


def _load(path: Path) -> tuple[Image.Image, datetime | None] | PhotoError:
    from seller_app.readfile import InputFileError, read_regular

    try:
        data = read_regular(path, MAX_FILE_BYTES)  # a FIFO or /dev/zero is refused at once
    except InputFileError as error:
        if error.reason == "missing":
            return PhotoError(path, "file_missing")
        if error.reason == "not_regular":
            return PhotoError(path, "not_a_regular_file")
        if error.reason == "too_large":
            return PhotoError(path, "file_too_large", error.limit_text)
        detail = error.error.strerror if error.error and error.error.strerror else str(error)
        return PhotoError(path, "file_unreadable", detail)
    register_heif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format not in FORMATS:
                return PhotoError(path, "unsupported_format", image.format or "?")
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        return PhotoError(path, "too_many_pixels", str(error))
    except UnidentifiedImageError:
        return PhotoError(path, "not_an_image")
    except OSError as error:
        code = "truncated" if "truncated" in str(error) else "corrupt"
        return PhotoError(path, code, str(error))
    except Exception as error:  # noqa: BLE001 - any decoder failure is this file's problem
        return PhotoError(path, "corrupt", str(error))
    taken = captured_at(_stamp(image), Path(path).name)
    return ImageOps.exif_transpose(image).convert("RGB"), taken


def read_lines(paths_: Sequence[Path], engine: OcrEngine | None = None) -> list[list[OcrLine]]:
    """The OCR lines of each screenshot; every unreadable file is reported at once."""
    return [lines for lines, _ in _read_pages(paths_, engine)]


def _read_pages(
    paths_: Sequence[Path], engine: OcrEngine | None
) -> list[tuple[list[OcrLine], datetime | None]]:
    """Each screenshot's OCR lines and when it says it was taken (None: it does not say)."""
    images, errors = [], []
    for path in paths_:
        loaded = _load(Path(path))
        if isinstance(loaded, PhotoError):
            errors.append(loaded)
        else:
            images.append(loaded)
    if errors:
        raise ScreenshotError(errors)
    engine = engine or shared_engine()
    return [(engine.read(image), taken) for image, taken in images]


def page_reference(taken: datetime | None, reference: datetime) -> datetime:
    """The moment a screenshot's "今天", "昨天" and year-less dates count from: when the
    screenshot was taken, if its metadata or name says so and that is not after the caller's
    reference (a phone with its clock wrong); else the caller's reference."""
    if taken is None or taken > reference + timedelta(days=1):
        return reference
    return min(taken, reference)


def read_timeline(
    paths_: Sequence[Path],
    *,
    reference: datetime | None = None,
    engine: OcrEngine | None = None,
    rules: TimelineRules | None = None,
    carriers: CarrierBook | None = None,
) -> Timeline:
    """The timeline of one parcel's screenshots (several: a long page scrolled, or a page and
    its proof of delivery). "今天", "昨天" and year-less days count from when each screenshot
    was taken, as its EXIF or file name says (`page_reference`), else from `reference`: the
    caller's clock read (now in Shanghai when not given). Raises `ScreenshotError` for files
    that cannot be read and `ocr.OcrUnavailableError` when the models are missing."""
    pages = _read_pages(paths_, engine)
    reference = reference or datetime.now(SHANGHAI)
    rules = rules or timeline_rules()
    carriers = carriers or default_carriers()
    return merge(
        [
            parse_page(lines, rules, carriers, page_reference(taken, reference))
            for lines, taken in pages
        ]
    )
