"""The font's character tables read in whole arrays: ReportLab's parse, the same values, quicker.

`TTFontFile.extractInfo` reads the character map, the advance widths and the glyph locations
one number at a time (a `struct.unpack` of two or four bytes for each): ~100k calls for the
bundled WenQuanYi Micro Hei (30k characters, 30k glyphs), ~100 ms of a cold
``seller-claims form`` -- on a 2-core machine, taken from the photo workers it runs beside
(issue 16). `read_char_tables` reads each table with one `struct.unpack_from` and builds the
same attributes in the same order (`charToGlyph`, `glyphToChar`, `charWidths`, `defaultWidth`,
`hmetrics`, `glyphPos`), so every width, subset and glyph check is ReportLab's own. A character
map of a format other than 4 or 12, or a table that does not hold what it says, is left to
ReportLab (`read_char_tables` returns False and the caller parses the ReportLab way).
"""

from __future__ import annotations

from collections.abc import Callable
from struct import error as StructError  # noqa: N812 - the struct module's own name
from struct import unpack_from
from typing import Any


def read_char_tables(face: Any) -> bool:
    """Set `face`'s character tables as `TTFontFile.extractInfo(charInfo=1)` does, after its
    header part (``charInfo=0``) ran. False, with nothing set, when ReportLab should do it."""
    try:
        tables = _read(face)
    except (StructError, KeyError, IndexError):
        return False
    if tables is None:
        return False
    (
        face.charToGlyph,
        face.glyphToChar,
        face.charWidths,
        face.defaultWidth,
        face.hmetrics,
        face.glyphPos,
    ) = tables
    return True


def _read(face: Any) -> tuple[Any, ...] | None:
    data = face._ttf_data
    head = face.table["head"]["offset"]
    index_to_loc_format, glyph_data_format = unpack_from(">HH", data, head + 50)
    if glyph_data_format != 0:
        return None  # ReportLab raises its own error for it
    hhea = face.table["hhea"]["offset"]
    (h_metrics,) = unpack_from(">H", data, hhea + 34)
    glyphs = face.numGlyphs
    scale: Callable[[float], float] = face._pdfScale

    char_to_glyph = _cmap(face, data)
    if char_to_glyph is None:
        return None
    glyph_to_char: dict[int, list[int]] = {}
    for char, glyph in char_to_glyph.items():
        found = glyph_to_char.get(glyph)
        if found is None:
            glyph_to_char[glyph] = [char]
        else:
            found.append(char)

    # hmtx: (advance, bearing) pairs, then bearings alone; ReportLab keeps the raw pairs, and
    # for the glyphs after them the last advance as scaled (its loop reuses the variable)
    hmtx = face.table["hmtx"]["offset"]
    pairs = unpack_from(f">{2 * h_metrics}H", data, hmtx)
    advances = pairs[0::2]
    hmetrics: list[tuple[Any, int]] = list(zip(advances, pairs[1::2], strict=True))
    widths = [scale(advance) for advance in advances]
    if glyphs > h_metrics:
        bearings = unpack_from(f">{glyphs - h_metrics}H", data, hmtx + 4 * h_metrics)
        last = widths[-1]
        hmetrics += [(last, bearing) for bearing in bearings]
        widths += [last] * len(bearings)
    default_width = widths[0]
    # in the map's order (ReportLab's is by glyph; nothing iterates it, every use looks a
    # character up); a glyph past the metrics has no width there
    count = len(widths)
    char_widths: dict[int, Any] = {
        char: widths[glyph] for char, glyph in char_to_glyph.items() if glyph < count
    }

    loca = face.table["loca"]["offset"]
    if index_to_loc_format == 0:
        glyph_pos = [offset << 1 for offset in unpack_from(f">{glyphs + 1}H", data, loca)]
    elif index_to_loc_format == 1:
        glyph_pos = list(unpack_from(f">{glyphs + 1}L", data, loca))
    else:
        return None
    if 0x20 in char_to_glyph:
        char_to_glyph[0xA0] = char_to_glyph[0x20]
        char_widths[0xA0] = char_widths[0x20]
    elif 0xA0 in char_to_glyph:
        char_to_glyph[0x20] = char_to_glyph[0xA0]
        char_widths[0x20] = char_widths[0xA0]
    return char_to_glyph, glyph_to_char, char_widths, default_width, hmetrics, glyph_pos


def _cmap(face: Any, data: bytes) -> dict[int, int] | None:
    """The character map ReportLab picks (the same choice of subtable), formats 4 and 12."""
    cmap = face.table["cmap"]["offset"]
    version, count = unpack_from(">HH", data, cmap)
    if count == 0 and version != 0:
        count = version
    chosen, kind = None, 0
    for n in range(count):
        platform, encoding, offset = unpack_from(">HHL", data, cmap + 4 + 8 * n)
        if platform == 3:
            kind, chosen = 1, offset
        elif platform == 1 and encoding == 0 and kind != 1:
            kind, chosen = 2, offset
        elif (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
            kind, chosen = 1, offset
    if chosen is None:
        return None
    start = cmap + chosen
    (fmt,) = unpack_from(">H", data, start)
    if fmt == 4:
        char_to_glyph, listed = _format4(data, start)
    elif fmt == 12:
        char_to_glyph, listed = _format12(data, start)
    else:
        return None
    # a character listed twice is twice in ReportLab's glyph -> characters lists: its parse then
    return char_to_glyph if listed == len(char_to_glyph) else None


def _format4(data: bytes, start: int) -> tuple[dict[int, int], int]:
    """Segments of characters, each mapped by a delta or through an array of glyphs; with
    the number of characters listed."""
    length, _language, seg_x2 = unpack_from(">HHH", data, start + 2)
    limit = start + length
    segments = seg_x2 // 2
    at = start + 14
    ends = unpack_from(f">{segments}H", data, at)
    at += 2 * segments + 2
    starts = unpack_from(f">{segments}H", data, at)
    at += 2 * segments
    deltas = unpack_from(f">{segments}h", data, at)
    at += 2 * segments
    range_start = at
    range_offsets = unpack_from(f">{segments}H", data, at)
    char_to_glyph: dict[int, int] = {}
    listed = 0
    for n in range(segments):
        first, last, delta, offset = starts[n], ends[n], deltas[n], range_offsets[n]
        if last < first:
            continue
        chars = range(first, last + 1)
        listed += len(chars)
        if offset == 0:
            char_to_glyph.update((char, (char + delta) & 0xFFFF) for char in chars)
            continue
        base = range_start + 2 * n + offset
        inside = max(0, min(len(chars), (limit - base + 1) // 2))  # at offsets below `limit`
        read = unpack_from(f">{inside}H", data, base) if inside else ()
        char_to_glyph.update(
            (char, (glyph + delta) & 0xFFFF if glyph else 0)
            for char, glyph in zip(chars, read, strict=False)
        )
        char_to_glyph.update((char, 0) for char in chars[inside:])  # past the table: glyph 0
    return char_to_glyph, listed


def _format12(data: bytes, start: int) -> tuple[dict[int, int], int]:
    """Groups of consecutive characters and glyphs; with the number of characters listed."""
    (groups,) = unpack_from(">L", data, start + 12)
    char_to_glyph: dict[int, int] = {}
    listed = 0
    for n in range(groups):
        first, last, glyph = unpack_from(">LLL", data, start + 16 + 12 * n)
        shift = glyph - first
        chars = range(first, last + 1)
        listed += len(chars)
        char_to_glyph.update((char, char + shift) for char in chars)
    return char_to_glyph, listed
