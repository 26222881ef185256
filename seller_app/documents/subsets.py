"""Font subsets made once: the part of every PDF that is the same for every form.

ReportLab embeds a TrueType font as subsets of up to 256 glyphs, numbered in the order the
characters are first drawn. For each subset of each PDF it cut the glyphs out of the font again
(`TTFontFile.makeSubset`: copying the 3.5 MB glyph table, walking composite glyphs byte by byte)
and deflated the result again: ~2.5 ms + ~2.3 ms per 256-glyph subset, two subsets a claim form.

`CachingFace` replaces the face's two methods, byte for byte the same output:

- `makeSubset` cuts glyphs from tables read once per process (glyph data and composite
  references cached per glyph), and remembers the last subsets it made;
- `addSubsetObjects` writes the subset file out once and reuses its bytes (deflated quickly the
  first time, harder when it comes back: `FIRST_LEVEL`).

Forms of one batch share most of their characters, and `pdf.numbering` numbers the words that
are not the case's own first, so those subsets repeat from form to form and are made once; the
case's own subset is cut in about half the time.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict
from fnmatch import fnmatch
from struct import pack, unpack
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    GF_ARG_1_AND_2_ARE_WORDS,
    GF_MORE_COMPONENTS,
    GF_WE_HAVE_A_SCALE,
    GF_WE_HAVE_A_TWO_BY_TWO,
    GF_WE_HAVE_AN_X_AND_Y_SCALE,
    SUBSETN,
    TTEncoding,
    TTFont,
    TTFontFace,
    TTFontMaker,
    _set_ushort,
    makeToUnicodeCMap,
    unShapedFontGlob,
)

from .fontfile import CharTables, read_char_tables

KEPT = 128
"""Subset files (and their deflated forms, widths) remembered per process. A batch's forms
share subsets per courier's terms (see `pdf.numbering`): 300 rows of a mixed export came to 67
different sets of terms, two shared subsets each; 32 kept made a third of them again. 128 cost
~3 MB a worker (issue 16)."""


class _Remembered(OrderedDict[Any, Any]):
    """The last `KEPT` results, least recently used dropped first."""

    def get_or_make(self, key: Any, make: Any) -> Any:
        if key in self:
            self.move_to_end(key)
            return self[key]
        value = self[key] = make()
        if len(self) > KEPT:
            self.popitem(last=False)
        return value


FIRST_LEVEL, SHARED_LEVEL = 1, 6
"""zlib levels: a subset file deflated for the first time is most likely the case's own (one
form's names and address): level 1, 0.29 ms for a 16 KB file, 10.4 KB (level 6: 0.48 ms,
10.1 KB). One that comes back is shared by many forms: deflated again at ReportLab's own level
and remembered so (issue 16, measured on claim forms)."""


class CachingFace(TTFontFace):
    """A `TTFontFace` whose subsets are cut from tables read once and remembered.

    Made by `CachingFont.load` (its character tables read by `fontfile.read_char_tables`), or
    installed on a face ReportLab loaded by `install` (its class swapped)."""

    _char_tables: CharTables
    _glyf: bytes
    _tables: dict[str, bytes | None]
    _components: dict[int, tuple[tuple[int, int], ...]]
    _subsets: _Remembered
    _widths: _Remembered
    _cmaps: _Remembered
    _files: _Remembered

    def extractInfo(self, charInfo: int = 1) -> None:  # noqa: N802, N803 - ReportLab's names
        """ReportLab's, with the character tables read in whole arrays (`fontfile`)."""
        super().extractInfo(charInfo=0)  # names, metrics, flags: the header tables
        if not charInfo:
            return
        tables = read_char_tables(self)
        if tables is None:
            super().extractInfo(charInfo)
            return
        self.charToGlyph = tables.char_to_glyph
        self.charWidths = tables.char_widths
        self.defaultWidth = tables.default_width
        self.glyphPos = tables.glyph_pos
        self._char_tables = tables  # glyphToChar and hmetrics: when first asked for

    # ReportLab's attributes, made from the tables read when first asked for (`fontfile`); set
    # by ReportLab's own parse when it made them
    @property
    def glyphToChar(self) -> dict[int, list[int]]:  # noqa: N802 - ReportLab's name
        made: dict[int, list[int]] | None = self.__dict__.get("_glyph_to_char")
        if made is None:
            made = self.__dict__["_glyph_to_char"] = self._char_tables.glyph_to_char()
        return made

    @glyphToChar.setter
    def glyphToChar(self, value: dict[int, list[int]]) -> None:  # noqa: N802
        self.__dict__["_glyph_to_char"] = value

    @property
    def hmetrics(self) -> list[tuple[Any, int]]:
        made: list[tuple[Any, int]] | None = self.__dict__.get("_hmetrics")
        if made is None:
            made = self.__dict__["_hmetrics"] = self._char_tables.hmetrics()
        return made

    @hmetrics.setter
    def hmetrics(self, value: list[tuple[Any, int]]) -> None:
        self.__dict__["_hmetrics"] = value

    def _hmetric(self, glyph: int) -> tuple[Any, int]:
        """`hmetrics[glyph]`, without making the whole list for a subset's few glyphs."""
        if "_hmetrics" not in self.__dict__ and "_char_tables" in self.__dict__:
            return self._char_tables.hmetric(glyph)
        advance, bearing = self.hmetrics[glyph]
        return advance, bearing

    def _prepare_cache(self) -> None:
        self._glyf = self.get_table("glyf")
        self._tables = {}
        for tag in ("name", "OS/2", "cvt ", "fpgm", "prep", "post", "hhea", "maxp", "head"):
            try:
                self._tables[tag] = self.get_table(tag)
            except KeyError:  # cvt, fpgm and prep are optional
                self._tables[tag] = None
        self._components = {}
        self._subsets = _Remembered()
        self._widths = _Remembered()  # subset -> its /Widths array as written
        self._cmaps = _Remembered()  # subset -> its ToUnicode map as written
        self._files = _Remembered()  # subset -> its font file as written

    def _parts(self, glyph: int) -> tuple[tuple[int, int], ...]:
        """(component glyph, offset of its index in the glyph's data) of a composite glyph."""
        known = self._components.get(glyph)
        if known is not None:
            return known
        start, end = self.glyphPos[glyph], self.glyphPos[glyph + 1]
        parts: list[tuple[int, int]] = []
        if end - start > 2 and unpack(">h", self._glyf[start : start + 2])[0] < 0:
            at = 10
            flags = GF_MORE_COMPONENTS
            while flags & GF_MORE_COMPONENTS:
                flags, index = unpack(">HH", self._glyf[start + at : start + at + 4])
                parts.append((index, at + 2))
                at += 4 + (4 if flags & GF_ARG_1_AND_2_ARE_WORDS else 2)
                if flags & GF_WE_HAVE_A_SCALE:
                    at += 2
                elif flags & GF_WE_HAVE_AN_X_AND_Y_SCALE:
                    at += 4
                elif flags & GF_WE_HAVE_A_TWO_BY_TWO:
                    at += 8
        self._components[glyph] = result = tuple(parts)
        return result

    def makeSubset(self, subset: list[int]) -> bytes:  # noqa: N802 - ReportLab's name
        made: bytes = self._subsets.get_or_make(tuple(subset), lambda: self._cut(subset))
        return made

    def _cut(self, subset: list[int]) -> bytes:
        """`TTFontFile.makeSubset`, from cached tables: the same bytes."""
        glyph_map = [0]  # new glyph index -> old
        glyph_set = {0: 0}  # old -> new
        code_to_glyph = {}
        char_to_glyph = self.charToGlyph
        for code in subset:
            old = char_to_glyph.get(code, 0)
            if old not in glyph_set:
                glyph_set[old] = len(glyph_map)
                glyph_map.append(old)
            code_to_glyph[code] = glyph_set[old]
        n = 0
        while n < len(glyph_map):  # the parts of composite glyphs come along
            for part, _ in self._parts(glyph_map[n]):
                if part not in glyph_set:
                    glyph_set[part] = len(glyph_map)
                    glyph_map.append(part)
            n += 1

        output = TTFontMaker()
        tables = self._tables
        for tag in ("name", "OS/2", "cvt ", "fpgm", "prep"):
            table = tables[tag]
            if table is not None:
                output.add(tag, table)
        post = tables["post"]
        assert post is not None
        output.add("post", b"\x00\x03\x00\x00" + post[4:16] + b"\x00" * 16)

        count = len(glyph_map)
        metrics: list[int] = []
        for old in glyph_map:
            advance, bearing = self._hmetric(old)
            metrics += (int(advance), int(bearing))
        n = len(metrics) - 2
        while n and metrics[n] == metrics[n - 2]:
            n -= 2
        n += 2
        full_pairs = n >> 1
        metrics = metrics[:n] + metrics[n + 1 :: 2]
        output.add("hmtx", pack(f">{len(metrics)}H", *metrics))
        hhea, maxp, head = tables["hhea"], tables["maxp"], tables["head"]
        assert hhea is not None and maxp is not None and head is not None
        output.add("hhea", _set_ushort(hhea, 34, full_pairs))
        output.add("maxp", _set_ushort(maxp, 4, count))

        entries = len(subset)
        cmap = [0, 1, 1, 0, 0, 12, 6, 10 + entries * 2, 0, 0, entries]
        cmap += [code_to_glyph[code] for code in subset]
        output.add("cmap", pack(f">{len(cmap)}H", *cmap))

        glyf = self._glyf
        offsets: list[int] = []
        pieces: list[bytes] = []
        pos = 0
        for old in glyph_map:
            offsets.append(pos)
            start, end = self.glyphPos[old], self.glyphPos[old + 1]
            data = glyf[start:end]
            parts = self._parts(old)
            if parts:
                buffer = bytearray(data)
                for part, at in parts:
                    buffer[at : at + 2] = pack(">H", glyph_set[part])
                data = bytes(buffer)
            pieces.append(data)
            pos += end - start
            if pos % 4:
                pieces.append(b"\0" * (4 - pos % 4))
                pos += 4 - pos % 4
        offsets.append(pos)
        output.add("glyf", b"".join(pieces))
        if (pos + 1) >> 1 > 0xFFFF:
            long_format = 1
            loca = pack(f">{len(offsets)}L", *offsets)
        else:
            long_format = 0
            loca = pack(f">{len(offsets)}H", *(offset >> 1 for offset in offsets))
        output.add("loca", loca)
        output.add("head", _set_ushort(head, 50, long_format))
        stream: bytes = output.makeStream()
        return stream

    def addSubsetObjects(self, doc: Any, fontname: str, subset: list[int]) -> Any:  # noqa: N802
        """ReportLab's, with the subset file deflated and written out once (`_Written`)."""
        if not _plain(doc):  # ReportLab's own (no written-out bytes to share)
            return super().addSubsetObjects(doc, fontname, subset)

        def font_file_stream() -> Any:
            stream = pdfdoc.PDFStream()
            stream.content = self.makeSubset(subset)
            stream.dictionary["Length1"] = len(stream.content)
            return stream

        font_file = self.written(self._files, tuple(subset), font_file_stream, doc)
        font_file_ref = doc.Reference(font_file, f"fontFile:{self.filename}({fontname})")
        flags = (self.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC
        descriptor = pdfdoc.PDFDictionary(
            {
                "Type": "/FontDescriptor",
                "Ascent": self.ascent,
                "CapHeight": self.capHeight,
                "Descent": self.descent,
                "Flags": flags,
                "FontBBox": pdfdoc.PDFArray(self.bbox),
                "FontName": pdfdoc.PDFName(fontname),
                "ItalicAngle": self.italicAngle,
                "StemV": self.stemV,
                "FontFile2": font_file_ref,
                "MissingWidth": self.defaultWidth,
            }
        )
        return doc.Reference(descriptor, "fontDescriptor:" + fontname)

    def written(self, cache: _Remembered, key: Any, stream: Any, doc: Any) -> _Written:
        """The stream `stream()` makes, as written into `doc`: deflated quickly the first time
        it is asked for, harder when it comes back, and then remembered so (`FIRST_LEVEL`)."""
        known: tuple[int, bytes] | None = cache.get(key)
        if known is not None and known[0] == SHARED_LEVEL:
            cache.move_to_end(key)
            return _Written(known[1])
        level = FIRST_LEVEL if known is None else SHARED_LEVEL
        made = stream()
        made.filters = [Flate(level)]
        data: bytes = made.format(doc)
        cache[key] = (level, data)
        cache.move_to_end(key)
        if len(cache) > KEPT:
            cache.popitem(last=False)
        return _Written(data)


class Flate:
    """ReportLab's FlateDecode filter at a given zlib level."""

    pdfname = "FlateDecode"

    def __init__(self, level: int) -> None:
        self.level = level

    def encode(self, text: bytes | str) -> bytes:
        data = text.encode("utf8") if isinstance(text, str) else text
        return zlib.compress(data, self.level)

    def decode(self, encoded: bytes) -> bytes:
        return zlib.decompress(encoded)


class _Written(pdfdoc.PDFObject):  # type: ignore[misc]
    """A PDF object without references to others, written out once: its bytes go into every
    document that uses it (a new holder for each: a document names the objects it holds)."""

    __RefOnly__ = 1  # an indirect object, as the stream it was

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: Any) -> bytes:
        return self.data


def _plain(doc: Any) -> bool:
    """Whether `doc` deflates its streams and does not encrypt them (ReportLab's encryption
    would encode each stream for its own document: nothing written out once then)."""
    return bool(doc.compression) and isinstance(doc.encrypt, pdfdoc.NoEncryption)


class CachingFont(TTFont):
    """A `TTFont` whose subsets' font dictionaries reuse what they share with earlier PDFs: the
    widths array and the ToUnicode map written out once per subset (same bytes)."""

    face: CachingFace

    @classmethod
    def load(cls, name: str, filename: str, subfont_index: int = 0) -> CachingFont:
        """`TTFont(name, filename, subfontIndex=subfont_index)` with a `CachingFace`: what
        `TTFont.__init__` sets, its face parsed by `CachingFace.extractInfo`."""
        font = cls.__new__(cls)
        face = CachingFace(filename, subfontIndex=subfont_index)
        face._prepare_cache()
        font.fontName = name
        font.face = face
        font.encoding = TTEncoding()
        font.state = WeakKeyDictionary()
        font._asciiReadable = rl_config.ttfAsciiReadable
        font.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)
        return font

    def addObjects(self, doc: Any) -> None:  # noqa: N802 - ReportLab's name
        """`TTFont.addObjects`: a font dictionary per subset, its widths, ToUnicode map and
        descriptor; the parts that are the same for every PDF with the subset made once."""
        state = self.state.get(doc)
        if state is None or not _plain(doc):
            super().addObjects(doc)
            return
        state.frozen = 1
        face = self.face
        fonts = doc.idToObject["BasicFonts"].dict
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            key = (base, tuple(subset))

            def widths(subset: list[int] = subset) -> bytes:
                made: bytes = pdfdoc.PDFArray(list(map(face.getCharWidth, subset))).format(doc)
                return made

            def cmap(base: str = base, subset: list[int] = subset) -> Any:
                stream = pdfdoc.PDFStream()
                stream.content = makeToUnicodeCMap(base, subset)
                return stream

            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.__Comment__ = f"Font {self.fontName} subset {n}"
            pdf_font.Name = internal_name
            pdf_font.BaseFont = base
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            pdf_font.Widths = face._widths.get_or_make(key, widths)
            pdf_font.ToUnicode = doc.Reference(
                face.written(face._cmaps, key, cmap, doc), "toUnicodeCMap:" + base
            )
            pdf_font.FontDescriptor = face.addSubsetObjects(doc, base, subset)
            doc.Reference(pdf_font, internal_name)
            fonts[internal_name] = pdf_font
        del self.state[doc]


def install(font: TTFont) -> None:
    """Make `font` a `CachingFont` and its face a `CachingFace` (once)."""
    face = font.face
    if not isinstance(face, CachingFace):
        # ReportLab's parse made every table: kept where the face's properties look for them
        made = {name: face.__dict__.pop(name) for name in ("glyphToChar", "hmetrics")}
        face.__class__ = CachingFace
        face.glyphToChar, face.hmetrics = made["glyphToChar"], made["hmetrics"]
        face._prepare_cache()
    if not isinstance(font, CachingFont):
        font.__class__ = CachingFont
