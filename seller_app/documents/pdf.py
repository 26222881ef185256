"""What every document of ours shares: page frame, styles, checked paragraphs, atomic writing.

`build_pdf` lays a story out on A4 with a footer (``第 n 页 / 共 N 页``), sets the
metadata, encrypts when a password is given and writes through a temporary file in the target
directory that is renamed into place only when the PDF is complete: a failure at any point leaves
no file behind (and an older file of the same name untouched).
"""

from __future__ import annotations

import io
import os
import secrets
import tempfile
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    TableStyle,
)

from .. import __version__, leftovers
from .fonts import register_font, require_glyphs
from .subsets import Flate
from .textblock import TextBlock, numbered_chars

# Streams written as binary, not as ASCII85 text (ReportLab's default, for 7-bit mail of the
# 1990s): a quarter smaller -- the photos' JPEG data above all, a claim with 8 photos 2.8 ->
# 2.3 MB -- and no encoding pass over every stream (issue 16). Every PDF reader reads both.
rl_config.useA85 = 0

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 15 * mm
MARGIN_TOP = 13 * mm
MARGIN_BOTTOM = 16 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
RULE = colors.black
SHADE = colors.HexColor("#EDEDED")
HEADER_SHADE = colors.HexColor("#D9D9D9")
MUTED = colors.HexColor("#555555")


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles in the bundled font; CJK wrapping breaks lines between any characters."""
    font = register_font()
    base = ParagraphStyle("base", fontName=font, fontSize=9, leading=12, wordWrap="CJK")

    def derive(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "label": derive("label", fontSize=8, leading=10.5),
        "value": derive("value", fontSize=9, leading=11.5),
        "emphasis": derive("emphasis", fontSize=11.5, leading=14),
        "small": derive("small", fontSize=7.5, leading=9.5),
        "tiny": derive("tiny", fontSize=6.5, leading=8),
        "title": derive("title", fontSize=18, leading=24, alignment=TA_CENTER),
        "subtitle": derive(
            "subtitle", fontSize=9, leading=12, alignment=TA_CENTER, textColor=MUTED
        ),
        "section": derive("section", fontSize=9.5, leading=12),
        "heading": derive("heading", fontSize=14, leading=19, alignment=TA_LEFT, spaceAfter=3 * mm),
        "center": derive("center", alignment=TA_CENTER),
        "small_right": derive("small_right", fontSize=7.5, leading=9.5, alignment=TA_RIGHT),
    }


def table_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A table style whose plain-string cells (even empty ones) use our font, not Helvetica."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), register_font()), *commands])


def para(text: str, style: str | ParagraphStyle = "body", where: str = "text") -> TextBlock:
    """Wrapped plain text (never markup), checked against the font first. ``where="layout"``:
    the layout's own words, the same on every form of it; ``"photo"``: the case's own (see
    `numbering`)."""
    if text not in _PRINTABLE:
        require_glyphs(text, where)
        if len(_PRINTABLE) >= PRINTABLE_KEPT:
            _PRINTABLE.clear()
        _PRINTABLE.add(text)
    chosen = styles()[style] if isinstance(style, str) else style
    return TextBlock(text, chosen, fixed=where == "layout", case=where == "photo")


PRINTABLE_KEPT = 16384
_PRINTABLE: set[str] = set()
"""Texts the font was found to print: a form's labels, terms and clauses come back on every form
(checking them again was ~4 % of a form)."""


@dataclass(frozen=True)
class Metadata:
    title: str
    subject: str
    author: str = "理赔助手 Seller Claims Assistant"
    keywords: str = ""


def numbering(story: Sequence[Any], *fixed: str) -> tuple[str, bool]:
    """The characters to number first, and whether the case's own should start a subset.

    ReportLab numbers a font's characters in the order a document first draws them and embeds
    them as subsets of 256 glyphs. A buyer's name drawn early shifts every later number, so no
    two forms shared a subset and each cut and deflated its own (a fifth of a form's time).
    Numbered first, in story order: the layout's words (`TextBlock.fixed`, and `fixed`: the
    footer's), then the other words that are not the case's own data (clauses, the terms, the
    calculation's wording: the same for every claim on one courier's terms). Those fill the
    first subsets identically in every such form, and each is made once per process
    (`subsets`); the case's own characters (`TextBlock.case`: names, addresses, goods) then
    start a subset of their own, the only one cut per form. The same glyphs are drawn either
    way; the extra subset costs a few KB."""
    layout: list[str] = list(fixed)
    shared: list[str] = []
    private: list[str] = []

    def walk(items: Any) -> None:
        for item in items:
            if isinstance(item, TextBlock):
                (layout if item.fixed else private if item.case else shared).append(item.text)
            elif isinstance(item, list | tuple):
                walk(item)
            else:
                walk(getattr(item, "_cellvalues", ()))  # a Table's cells
                walk(getattr(item, "_content", ()))  # KeepTogether

    walk(story)
    first = _in_order("".join(layout) + "".join(shared))
    numbered = numbered_chars(first)
    own = any(ch > "~" and ch not in numbered for ch in "".join(private))
    return first, own


@lru_cache(maxsize=64)
def _in_order(text: str) -> str:
    """Each character of `text` once, in the order of its first appearance (line breaks not:
    they are not drawn). Remembered: the same words come back on every form of a courier."""
    chars = dict.fromkeys(text)
    chars.pop("\n", None)
    return "".join(chars)


NUMBERINGS_KEPT = 128  # as `subsets.KEPT`: a mixed export came to 67 sets of terms; ~50 KB each
_NUMBERINGS: dict[tuple[str, str, bool], tuple[dict[int, int], list[list[int]], int]] = {}


def _number_first(face: Any, doc: Any, first: str, own_subset: bool) -> None:
    """Number `first`'s characters in `face` for `doc` before anything is drawn (see
    `numbering`); `own_subset`: the next character starts a subset. The numbering of the same
    words is remembered and copied (numbering ~1,000 characters was 3 % of a form)."""
    key = (face.fontName, first, own_subset)
    known = _NUMBERINGS.get(key)
    if known is None:
        face.splitString(first, doc)
        state = face.state[doc]
        if own_subset:  # the case's characters start the next subset
            state.nextCode = (state.nextCode + 0xFF) & ~0xFF
        if len(_NUMBERINGS) >= NUMBERINGS_KEPT:
            _NUMBERINGS.clear()
        _NUMBERINGS[key] = (
            dict(state.assignments),
            [list(subset) for subset in state.subsets],
            state.nextCode,
        )
        return
    assignments, subsets, next_code = known
    state = face._assignState(doc)  # a fresh state: nothing drawn in `doc` yet
    state.assignments = dict(assignments)
    state.subsets = [list(subset) for subset in subsets]
    state.nextCode = next_code


def _numbered_canvas(
    footer_left: str, page_label: str, story: Sequence[Flowable] = ()
) -> type[Canvas]:
    """A canvas that holds pages back until the end so each footer can say how many there are,
    and numbers the story's shared characters first (see `numbering`)."""
    font = register_font()
    require_glyphs(footer_left, "footer")
    require_glyphs(page_label.format(page=0, pages=0), "footer")
    first, own_subset = numbering(story, footer_left, page_label.format(page=0, pages=0))

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Otherwise every page starts in Helvetica: a font reference that is never embedded.
            kwargs["initialFontName"] = font
            kwargs["initialFontSize"] = 9
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self.fixed_text = first  # see `numbering`
            if first:
                _number_first(pdfmetrics.getFont(font), self._doc, first, own_subset)

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            _deflate_pages_fast(self._doc)
            super().save()

        def _footer(self, total: int) -> None:
            self.saveState()
            self.setFont(font, 7.5)
            self.setFillColor(MUTED)
            y = MARGIN_BOTTOM - 8 * mm
            self.drawString(MARGIN_X, y, footer_left)
            label = page_label.format(page=self._pageNumber, pages=total)
            self.drawRightString(PAGE_WIDTH - MARGIN_X, y, label)
            self.restoreState()

    return NumberedCanvas


PAGE_FLATE_LEVEL = 1
"""zlib level of the pages' drawing operators. Measured on claim forms (issue 16): level 1
deflates a form's three pages (55 KB of operators) in 0.23 ms to 9.5 KB, ReportLab's level 6 in
0.54 ms to 7.3 KB (a form is ~90 KB, mostly its font subsets, made once per process): 3 % of a
form's time for 2.5 % of its size."""


def _deflate_pages_fast(doc: Any) -> None:
    """Each page's drawing as ReportLab would make it at writing time (`PDFPage.prepare`), only
    deflated at `PAGE_FLATE_LEVEL`."""
    if rl_config.useA85:
        return
    for page in doc.Pages.pages:
        if page.Contents or not page.stream or not page.compression:
            continue
        stream = pdfdoc.PDFStream(content=page.stream, filters=[Flate(PAGE_FLATE_LEVEL)])
        stream.__Comment__ = "page stream"
        page.Contents = stream


def build_pdf(
    out_path: Path,
    story: Sequence[Flowable],
    *,
    metadata: Metadata,
    footer_left: str,
    page_label: str,
    password: str | None = None,
    durable: bool = True,
) -> Path:
    """Lay out `story` on A4 and write it to `out_path` atomically; return the path.

    `durable`: wait for the disk (fsync) before the file is renamed into place, so a power cut
    leaves the old file or the whole new one. A batch passes False (~3 ms a form) and flushes
    once at its end (`batch.runner`): a killed run loses nothing written, a power cut only
    forms that a re-run of the batch writes again."""
    out_path = Path(out_path)
    for field_name, value in vars(metadata).items():
        require_glyphs(value, f"metadata.{field_name}")
    canvas_class = _numbered_canvas(footer_left, page_label, story)
    if password is not None and not password:
        raise ValueError("an empty password would leave the PDF open to anyone")
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        CONTENT_WIDTH,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="content",
    )
    try:
        # the pid in the name lets the next start remove it if this process is killed
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{out_path.name}.{os.getpid()}.", suffix=".part", dir=out_path.parent
        )
    except OSError as error:
        raise _about(error, out_path) from None
    try:
        with leftovers.pending_output(Path(temp_name)):
            with os.fdopen(fd, "wb") as handle:
                # with a password the plain PDF never touches the disk: built in memory,
                # encrypted into the file
                target: Any = io.BytesIO() if password is not None else handle
                doc = BaseDocTemplate(
                    target,
                    pagesize=A4,
                    pageTemplates=[PageTemplate(id="page", frames=[frame])],
                    title=metadata.title,
                    subject=metadata.subject,
                    author=metadata.author,
                    keywords=metadata.keywords,
                    creator=f"seller-claims {__version__}",
                )
                doc.build(list(story), canvasmaker=canvas_class)
                if password is not None:
                    encrypt_pdf(target.getvalue(), handle, password)
                handle.flush()
                if durable:
                    os.fsync(handle.fileno())
            os.replace(temp_name, out_path)
    except BaseException as error:
        with suppress(FileNotFoundError):
            os.unlink(temp_name)
        if isinstance(error, OSError) and error.filename in (None, temp_name):
            raise _about(error, out_path) from error
        raise
    return out_path


# What a password-protected PDF allows once opened: printing and copying text (the courier
# prints the form and copies the tracking number), not changing or reassembling it. The owner
# password that would lift these limits is random and thrown away, never the user's password.
PROTECTION = "aes-256"


def encrypt_pdf(plain: bytes, out: BinaryIO, password: str) -> None:
    """Write `plain` (a PDF) to `out` encrypted with AES-256 (PDF 2.0 security handler,
    revision 6) under `password`; a random owner password; print and copy allowed, changes not.

    ReportLab's own encryption is RC4-128 at best (its AES-256 writes a revision-5 handler that
    neither poppler nor pypdf opens), so qpdf -- through pikepdf -- re-encrypts its output.
    """
    import pikepdf

    allow = pikepdf.Permissions(
        accessibility=True,
        extract=True,
        print_lowres=True,
        print_highres=True,
        modify_annotation=False,
        modify_assembly=False,
        modify_form=False,
        modify_other=False,
    )
    owner = secrets.token_urlsafe(32)
    with pikepdf.open(io.BytesIO(plain)) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(user=password, owner=owner, R=6, allow=allow))


def _about(error: OSError, out_path: Path) -> OSError:
    """The same failure naming the file the caller asked for, not our temporary one."""
    return type(error)(error.errno, error.strerror, str(out_path))
