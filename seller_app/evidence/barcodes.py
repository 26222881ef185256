"""Waybill barcodes: find where a label's bars are, read Code 128 and QR codes there with
zxing-cpp, and check the numbers found against the case and the couriers' number patterns.

A phone photo is noisy and textured, so every look zxing takes at a whole photo is a full pass
(~30 ms at 1600 px, and turning the picture first costs as much again). Reading therefore starts
with a cheap first look (`find_regions`, a few ms): the grey picture halved, cut into 16 px
blocks, and in each block the structure tensor of the brightness gradient -- how strong the edges
are and how much they all point one way. Bars are strong, parallel edges; text, cardboard and
grain are weak or point every way. Neighbouring bar-like blocks make a region, and the tensor
also gives the angle of the bars, so each region is cut out, turned upright in one step and
read (`read_region`). Then:

- a photo with no bar-like region is not read at all, unless it is a declared waybill label;
- a photo with a strong bar-like region that did not read gets zxing's own search of the whole
  picture (it turns by 90° and tries smaller copies itself, and tolerates some tilt of 1-D
  codes: 3.1 reads a clean label up to about 30° but not at 35-50°);
- a declared label whose regions did not read gets the exhaustive read (`read_texts`): zxing's
  own search first, then the picture turned in 15° steps up to 45°, then a bigger copy of the
  original, straight.

Formats are what Chinese e-waybills carry (GB/T 33995: a Code 128 of the number; some add a
QR code). A QR code is found by zxing inside a region or in the exhaustive read: a photo of
unknown kind showing a QR code and no bars is not read (no waybill lacks the Code 128).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PIL import Image, ImageFilter, ImageMath

if TYPE_CHECKING:  # the photo workers read codes; matching them is the importer's (parent's)
    from seller_app.domain.carriers import CarrierBook
    from seller_app.domain.case import Case
    from seller_app.domain.rules import Note

FORMAT_NAMES = ("Code128", "QRCode")
"""zxing-cpp's `BarcodeFormat` members read. zxing-cpp itself is imported on the first read: most
photos have no bar-like region and are never read, and the importer (the parent process) only
matches numbers (issue 16)."""
ANGLES = (0, 15, -15, 30, -30, 45)
# The bigger copy is for fine bars a downscale loses, not for tilt: turning a 4000 px photo six
# times cost ~2 s per unreadable label; one straight look costs ~0.3 s.
LARGER_ANGLES = (0,)
_NUMBER_RE = re.compile(r"^[A-Z0-9]{6,40}$")
_TOKEN_RE = re.compile(r"[A-Za-z0-9]{8,40}")

# The first look. Measured on tests/evidence/phone.py photos (12 MP, grain, cardboard and wood
# texture, labels 0-45°, prepared to 1600 px): a label's Code 128 makes a region of 14-76 blocks
# with coherence 0.8-1.0 and block energies of 10,000-40,000; cardboard fibres and printed words
# make regions of 3-7 blocks at most, energies below 6,000. The thresholds lean low: a region
# too many costs one small read (~5 ms), a region missed costs the label.
LOOK_REDUCE = 2
BLOCK = 16
MIN_ENERGY = 1500.0
"""Mean squared brightness difference (grey levels, over 2 px) of a block: bars of contrast
~40 at ~2 px per module reach it."""
MIN_COHERENCE = 0.7
"""0 = edges in every direction (text, grain), 1 = all parallel (bars)."""
MIN_BLOCKS = 3
STRONG_BLOCKS = 8
"""A region this big (a bar code at least ~130 x 30 px in the 1600 px copy) that did not read
gets the exhaustive read, as a declared label does."""
MAX_REGIONS = 4
SAME_WAY = 20.0
"""Neighbouring blocks join one region when their edges point within this many degrees."""
STRAIGHT_ENOUGH = 5.0
"""Bars within this many degrees of upright (or of lying flat) are read unturned."""
ZXING_TILT = 30.0
"""zxing-cpp 3.1 reads 1-D codes tilted up to about this much by itself."""


def _read_once(grey: Image.Image) -> list[str]:
    import zxingcpp

    formats = tuple(getattr(zxingcpp.BarcodeFormat, name) for name in FORMAT_NAMES)
    return [
        result.text.strip()
        for result in zxingcpp.read_barcodes(grey, formats=formats, try_invert=False)
        if result.valid and result.text.strip()
    ]


def read_texts(
    image: Image.Image, *, larger: Callable[[], Image.Image] | None = None
) -> tuple[str, ...]:
    """Decoded texts of the Code 128 / QR codes in `image`, first found first, no repeats: the
    exhaustive read (whole picture, then turned by hand, then `larger`)."""
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


@dataclass(frozen=True)
class Region:
    """A patch of the picture that looks like bars: where (pixels of the picture looked at),
    which way its edges point, how many blocks it spans and how parallel they are."""

    box: tuple[int, int, int, int]
    angle: float
    """Direction of the brightness gradient across the bars, in degrees (-90..90, y down):
    turning the patch by this much stands the bars upright."""
    blocks: int
    coherence: float

    @property
    def strong(self) -> bool:
        return self.blocks >= STRONG_BLOCKS


# Differences over 2 px: right minus left, below minus above. Pillow clips a filtered "I" picture
# at 0, so they come out shifted by _SHIFT and are shifted back in floating point; its kernel
# rows run bottom to top (tests/evidence/test_barcodes_phone.py checks the signs).
_SHIFT = 256
_DX = ImageFilter.Kernel((3, 3), [0, 0, 0, -1, 0, 1, 0, 0, 0], scale=1, offset=_SHIFT)
_DY = ImageFilter.Kernel((3, 3), [0, 1, 0, 0, 0, 0, 0, -1, 0], scale=1, offset=_SHIFT)


def _block_means(image: Image.Image, cols: int, rows: int) -> list[float]:
    """Mean of each BLOCK x BLOCK cell (Pillow leaves the 1-pixel border of a filtered picture
    unfiltered, so the cells start one pixel in)."""
    box = (1, 1, 1 + cols * BLOCK, 1 + rows * BLOCK)
    cells = image.resize((cols, rows), Image.Resampling.BOX, box=box)
    flat = getattr(cells, "get_flattened_data", cells.getdata)  # getdata: Pillow < 12
    return [float(value) for value in flat()]


def find_regions(grey: Image.Image) -> tuple[Region, ...]:
    """The bar-like regions of a grey picture, most bar-like first (see the module docstring).
    Pillow only (no numpy): the photo workers start without it."""
    small = grey.reduce(LOOK_REDUCE) if min(grey.size) >= 4 * BLOCK * LOOK_REDUCE else grey
    scale = grey.width / small.width
    cols, rows = (small.width - 2) // BLOCK, (small.height - 2) // BLOCK
    if rows < 1 or cols < 1:
        return ()
    ints = small.convert("I")
    # shifted back once for the three products (the same floats as shifting in each)
    gx, gy = (
        ImageMath.lambda_eval(lambda a: a["g"] - _SHIFT, g=ints.filter(kernel).convert("F"))
        for kernel in (_DX, _DY)
    )
    assert isinstance(gx, Image.Image) and isinstance(gy, Image.Image)

    def mean_of(product: Callable[[float, float], float]) -> list[float]:
        picture = ImageMath.lambda_eval(lambda a: product(a["x"], a["y"]), x=gx, y=gy)
        assert isinstance(picture, Image.Image)
        return _block_means(picture, cols, rows)

    jxx = mean_of(lambda x, y: x * x)
    jyy = mean_of(lambda x, y: y * y)
    jxy = mean_of(lambda x, y: x * y)
    bar_like: dict[tuple[int, int], float] = {}  # (row, column) -> angle of its edges
    for index, (xx, yy, xy) in enumerate(zip(jxx, jyy, jxy, strict=True)):
        energy = xx + yy
        if energy >= MIN_ENERGY and math.hypot(xx - yy, 2 * xy) >= MIN_COHERENCE * energy:
            bar_like[divmod(index, cols)] = 0.5 * math.degrees(math.atan2(2 * xy, xx - yy))
    regions = []
    for cells in _clusters(bar_like):
        if len(cells) < MIN_BLOCKS:
            continue
        sxx = sum(jxx[y * cols + x] for y, x in cells)
        syy = sum(jyy[y * cols + x] for y, x in cells)
        sxy = sum(jxy[y * cols + x] for y, x in cells)
        together = math.hypot(sxx - syy, 2 * sxy) / max(sxx + syy, 1e-9)
        angle = 0.5 * math.degrees(math.atan2(2 * sxy, sxx - syy))
        ys, xs = [y for y, _ in cells], [x for _, x in cells]
        step = BLOCK * scale
        box = (
            int(min(xs) * step),
            int(min(ys) * step),
            int(math.ceil((max(xs) + 1) * step + scale)),
            int(math.ceil((max(ys) + 1) * step + scale)),
        )
        regions.append(Region(box, angle, len(cells), together))
    regions.sort(key=lambda r: r.blocks * r.coherence, reverse=True)
    return tuple(regions)


def _clusters(cells: dict[tuple[int, int], float]) -> list[list[tuple[int, int]]]:
    """Groups of touching cells (8-neighbourhood, as (row, column)) whose edges point the same
    way (within `SAME_WAY` degrees): a label's border or a ruled line across the bars is not
    part of the bars' region."""
    left = dict(cells)
    groups = []
    while left:
        start, angle = left.popitem()
        stack, group = [start], []
        while stack:
            y, x = stack.pop()
            group.append((y, x))
            for near in ((y + dy, x + dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)):
                if near in left and _apart(left[near], angle) <= SAME_WAY:
                    del left[near]
                    stack.append(near)
        groups.append(sorted(group))
    return groups


def _apart(first: float, second: float) -> float:
    """Degrees between two edge directions (they repeat every 180°)."""
    difference = abs(first - second) % 180
    return min(difference, 180 - difference)


def read_region(grey: Image.Image, region: Region) -> list[str]:
    """Cut `region` out with a margin (a quarter of its size, at least two blocks), stand its
    bars upright and read it; if that finds nothing, read the patch as it lies (zxing tolerates
    some tilt itself, and the measured angle can be a few degrees off)."""
    x0, y0, x1, y1 = region.box
    margin_x = max((x1 - x0) // 4, 2 * BLOCK * LOOK_REDUCE)
    margin_y = max((y1 - y0) // 4, 2 * BLOCK * LOOK_REDUCE)
    patch = grey.crop(
        (
            max(0, x0 - margin_x),
            max(0, y0 - margin_y),
            min(grey.width, x1 + margin_x),
            min(grey.height, y1 + margin_y),
        )
    )
    tilt = abs(region.angle) % 90
    tilt = min(tilt, 90 - tilt)
    if tilt > STRAIGHT_ENOUGH:
        turned = patch.rotate(region.angle, Image.Resampling.BILINEAR, expand=True, fillcolor=255)
        found = _read_once(turned)
        if found or tilt > ZXING_TILT:
            return found
    return _read_once(patch)


def read_photo(
    image: Image.Image,
    *,
    label: bool,
    larger: Callable[[], Image.Image] | None = None,
) -> tuple[str, ...]:
    """The codes on a photo, read where they are likely (see the module docstring). `label`:
    the photo was declared a waybill label, so it gets the exhaustive read (and `larger`) when
    its regions do not read."""
    grey = image if image.mode == "L" else image.convert("L")
    regions = find_regions(grey)
    found: list[str] = []
    for region in regions[:MAX_REGIONS]:
        found += read_region(grey, region)
    if found:
        return tuple(dict.fromkeys(found))
    if label:
        return read_texts(grey, larger=larger)
    if any(region.strong for region in regions):
        return tuple(dict.fromkeys(_read_once(grey)))  # zxing's own search, no turning by hand
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
    from seller_app.domain.rules import Note

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
