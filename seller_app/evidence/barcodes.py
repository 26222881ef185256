"""Waybill barcodes: read Code 128 and QR codes with zxing-cpp and check the numbers found
against the case and the couriers' number patterns.

zxing-cpp finds barcodes turned by multiples of 90° by itself and tolerates some tilt of 1-D codes
(older versions about ±12°; 3.1 reads a clean synthetic label up to about 30° but not at 35-50°).
A label shot at an angle needs the image turned, so reading tries the
prepared (downscaled) copy at 0°, then turned in 15° steps up to 45° (with zxing's own 90° turns
this covers every angle), and only then a bigger copy of the original, straight.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import zxingcpp
from PIL import Image

from seller_app.domain.carriers import CarrierBook
from seller_app.domain.case import Case
from seller_app.domain.rules import Note

FORMATS = [zxingcpp.BarcodeFormat.Code128, zxingcpp.BarcodeFormat.QRCode]
ANGLES = (0, 15, -15, 30, -30, 45)
# The bigger copy is for fine bars a downscale loses, not for tilt: turning a 4000 px photo six
# times cost ~2 s per unreadable label; one straight look costs ~0.3 s.
LARGER_ANGLES = (0,)
_NUMBER_RE = re.compile(r"^[A-Z0-9]{6,40}$")
_TOKEN_RE = re.compile(r"[A-Za-z0-9]{8,40}")


def _read_once(grey: Image.Image) -> list[str]:
    return [
        result.text.strip()
        for result in zxingcpp.read_barcodes(grey, formats=FORMATS)
        if result.valid and result.text.strip()
    ]


def read_texts(
    image: Image.Image, *, larger: Callable[[], Image.Image] | None = None
) -> tuple[str, ...]:
    """Decoded texts of the Code 128 / QR codes in `image`, first found first, no repeats."""
    attempts: list[tuple[Callable[[], Image.Image], tuple[int, ...]]] = [(lambda: image, ANGLES)]
    if larger is not None:
        attempts.append((larger, LARGER_ANGLES))
    for attempt, angles in attempts:
        picture = attempt()
        grey = picture if picture.mode == "L" else picture.convert("L")
        for angle in angles:
            turned = (
                grey
                if angle == 0
                else grey.rotate(angle, Image.Resampling.BILINEAR, expand=True, fillcolor=255)
            )
            found = _read_once(turned)
            if found:
                return tuple(dict.fromkeys(found))
    return ()


def tracking_numbers(texts: Iterable[str], carriers: CarrierBook) -> tuple[str, ...]:
    """Tracking numbers in decoded texts: a text that is a number (spaces and dashes dropped),
    or, inside a longer QR text (a URL, JSON), the tokens that match a courier's pattern."""
    numbers: list[str] = []
    for text in texts:
        compact = re.sub(r"[\s\-]", "", text).upper()
        if _NUMBER_RE.match(compact):
            numbers.append(compact)
            continue
        for token in _TOKEN_RE.findall(text):
            if carriers.candidates([token.upper()]):
                numbers.append(token.upper())
    return tuple(dict.fromkeys(numbers))


@dataclass(frozen=True)
class BarcodeMatch:
    """One number read off a photo: is it one of the case's numbers, and whose pattern fits."""

    number: str
    in_case: bool | None
    """None when there is no case to compare with."""
    carriers: tuple[str, ...]


def match_numbers(
    numbers: Iterable[str], case: Case | None, carriers: CarrierBook
) -> tuple[BarcodeMatch, ...]:
    case_numbers = set(case.tracking_numbers) if case else None
    return tuple(
        BarcodeMatch(
            number=number,
            in_case=None if case_numbers is None else number in case_numbers,
            carriers=carriers.candidates([number]),
        )
        for number in numbers
    )


def barcode_notes(
    matches: Iterable[BarcodeMatch], case: Case | None, *, is_label: bool
) -> list[Note]:
    """Warnings: a label with no readable code, a number that is not the case's, a number that
    fits no courier's pattern, a number whose courier differs from the case's."""
    matches = tuple(matches)
    notes: list[Note] = []
    if is_label and not matches:
        notes.append(Note("no_barcode_found"))
    for match in matches:
        if match.in_case is False:
            expected = "、".join(case.tracking_numbers) if case else ""
            params = {"number": match.number, "expected": expected}
            notes.append(Note("barcode_not_case_number", params))
        if not match.carriers:
            notes.append(Note("barcode_no_carrier_pattern", {"number": match.number}))
        elif case and case.carrier and case.carrier not in match.carriers and not match.in_case:
            found = ", ".join(match.carriers)
            params = {"number": match.number, "carrier": case.carrier, "found": found}
            notes.append(Note("barcode_other_carrier", params))
    return notes
