"""The font's character tables read in whole arrays: ReportLab's parse, the same values, quicker.

`TTFontFile.extractInfo` reads the character map, the advance widths and the glyph locations
one number at a time (a `struct.unpack` of two or four bytes for each): ~100k calls for the
bundled WenQuanYi Micro Hei (34,600 characters, 49,500 glyphs), 60-70 ms of CPU in a cold
``seller-claims form`` -- on a 2-core machine, taken from the photo workers it runs beside
(issue 16). `read_char_tables` reads each table with one `struct.unpack_from` and makes the
same tables (`CharTables`: `charToGlyph`, `charWidths`, `defaultWidth`, `glyphPos`, and
`glyphToChar` and `hmetrics` when first asked for), so every width, subset and glyph check is
ReportLab's own. A character map of a format other than 4 or 12, one listing a character twice,
or a table that does not hold what it says is left to ReportLab (`read_char_tables` gives None
and the caller parses the ReportLab way).
"""

from __future__ import annotations

from collections.abc import Callable
from struct import error as StructError  # noqa: N812 - the struct module's own name
from struct import unpack_from
from typing import Any


class CharTables:
    """The tables `TTFontFile.extractInfo` makes; `glyph_to_char` and `hmetrics` only when asked
    for (ReportLab uses the first for shaping only, the second per glyph of a subset: ~12 ms of
    building lists for 34,600 characters and 49,500 glyphs that a form never reads)."""

    def __init__(
        self,
        char_to_glyph: dict[int, int],
        listed: dict[int, int],
        char_widths: dict[int, Any],
        default_width: Any,
        glyph_pos: list[int],
        pairs: tuple[int, ...],
        bearings: tuple[int, ...],
        last_width: Any,
    ) -> None:
        self.char_to_glyph = char_to_glyph
        self.char_widths = char_widths
        self.default_width = default_width
        self.glyph_pos = glyph_pos
        self._listed = listed  # the map as read (before the space / no-break space pairing)
        self._pairs = pairs
        self._bearings = bearings
        self._last_width = last_width

    def glyph_to_char(self) -> dict[int, list[int]]:
        """Each glyph's characters, in the map's order (ReportLab's `glyphToChar`)."""
        glyph_to_char: dict[int, list[int]] = {}
        for char, glyph in self._listed.items():
            found = glyph_to_char.get(glyph)
            if found is None:
                glyph_to_char[glyph] = [char]
            else:
                found.append(char)
        return glyph_to_char

    def hmetric(self, glyph: int) -> tuple[Any, int]:
        """`hmetrics[glyph]`: the advance and bearing as read; past the table's pairs, the last
        advance as scaled (ReportLab's loop reuses its variable) and the glyph's bearing."""
        pairs = len(self._pairs) // 2
        if glyph < pairs:
            return self._pairs[2 * glyph], self._pairs[2 * glyph + 1]
        return self._last_width, self._bearings[glyph - pairs]

    def hmetrics(self) -> list[tuple[Any, int]]:
        """ReportLab's `hmetrics`: `hmetric` of every glyph."""
        made: list[tuple[Any, int]] = list(zip(self._pairs[0::2], self._pairs[1::2], strict=True))
        return made + [(self._last_width, bearing) for bearing in self._bearings]


def read_char_tables(face: Any) -> CharTables | None:
    """`face`'s character tables as `TTFontFile.extractInfo(charInfo=1)` makes them, after its
    header part (``charInfo=0``) ran; None when ReportLab should make them."""
    try:
        return _read(face)
    except (StructError, KeyError, IndexError):
        return None


def _read(face: Any) -> CharTables | None:
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
    listed = dict(char_to_glyph)

    # hmtx: (advance, bearing) pairs, then bearings alone
    hmtx = face.table["hmtx"]["offset"]
    pairs = unpack_from(f">{2 * h_metrics}H", data, hmtx)
    widths = [scale(advance) for advance in pairs[0::2]]
    bearings: tuple[int, ...] = ()
    if glyphs > h_metrics:
        bearings = unpack_from(f">{glyphs - h_metrics}H", data, hmtx + 4 * h_metrics)
        widths += [widths[-1]] * len(bearings)
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
    return CharTables(
        char_to_glyph,
        listed,
        char_widths,
        widths[0],
        glyph_pos,
        pairs,
        bearings,
        widths[h_metrics - 1],
    )


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
