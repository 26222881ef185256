"""Reading the PDFs the app writes, for tests, through Python libraries only.

No poppler (`pdftotext`, `pdffonts`, `pdftoppm`): the suite runs where only the app's own
dependencies are installed (macOS, Windows, a bare Debian). Text and fonts come from pypdf (a test
dependency); where a test needs geometry or pixels, QtPdf -- the PDFium-based reader the app itself
ships (pyside6-pdf) -- gives the text's bounding box and renders a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

if TYPE_CHECKING:
    from PIL import Image

SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")  # ISO 32000 9.6.4: a subset font's name is TAG+Name


class LockedPdfError(Exception):
    """The PDF is encrypted and no (or the wrong) password was given."""


def open_pdf(path: Path, password: str | None = None) -> PdfReader:
    """`path` read by pypdf, decrypted with `password` when it is encrypted."""
    reader = PdfReader(str(path))
    if reader.is_encrypted and (password is None or not reader.decrypt(password)):
        raise LockedPdfError(str(path))
    return reader


def pdf_text(path: Path, password: str | None = None) -> str:
    """Every page's text, pages separated by a form feed (as pdftotext separates them)."""
    reader = open_pdf(path, password)
    return "\f".join(page.extract_text() for page in reader.pages)


def page_count(path: Path, password: str | None = None) -> int:
    return len(open_pdf(path, password).pages)


def squash(text: str) -> str:
    """Text without any whitespace, so values wrapped across lines still match."""
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class PdfFont:
    """One font a PDF uses, as `pdffonts` lists it."""

    name: str  # /BaseFont without the slash, with the subset tag (``AAAAAA+WenQuanYi...``)
    kind: str  # /Subtype: TrueType, Type0, Type1, ...
    embedded: bool
    subset: bool


def _descriptor(font: DictionaryObject) -> DictionaryObject | None:
    """The font descriptor; a composite (Type0) font keeps it on its descendant font."""
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    return descriptor.get_object() if descriptor is not None else None


def _fonts_in(resources: Any, seen: set[int], found: list[PdfFont]) -> None:
    if resources is None:
        return
    resources = resources.get_object()
    for ref in (resources.get("/Font") or DictionaryObject()).values():
        font = ref.get_object()
        key = ref.idnum if hasattr(ref, "idnum") else id(font)
        if key in seen:
            continue
        seen.add(key)
        name = str(font.get("/BaseFont", "")).lstrip("/")
        descriptor = _descriptor(font)
        embedded = descriptor is not None and any(
            stream in descriptor for stream in ("/FontFile", "/FontFile2", "/FontFile3")
        )
        kind = str(font.get("/Subtype", "")).lstrip("/")
        found.append(PdfFont(name, kind, embedded, bool(SUBSET_TAG.match(name))))
    for ref in (resources.get("/XObject") or DictionaryObject()).values():
        xobject = ref.get_object()
        if xobject.get("/Subtype") == "/Form":  # a form's own resources can hold fonts too
            _fonts_in(xobject.get("/Resources"), seen, found)


def pdf_fonts(path: Path, password: str | None = None) -> list[PdfFont]:
    """Every font used by the pages of the PDF (and the forms they draw), each once."""
    found: list[PdfFont] = []
    seen: set[int] = set()
    for page in open_pdf(path, password).pages:
        _fonts_in(page.get("/Resources"), seen, found)
    return found


def _qt_document(path: Path) -> Any:
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_:
        raise LockedPdfError(f"{path}: {error}")
    return document


def text_box(path: Path, page: int = 0) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) in points of all the text on `page` (top-left origin)."""
    document = _qt_document(path)
    try:
        box = document.getAllText(page).boundingRectangle()
        return box.left(), box.top(), box.right(), box.bottom()
    finally:
        document.close()


def page_size(path: Path, page: int = 0) -> tuple[float, float]:
    """(width, height) of `page` in points."""
    document = _qt_document(path)
    try:
        size = document.pagePointSize(page)
        return size.width(), size.height()
    finally:
        document.close()


def render_page(path: Path, page: int = 0, dpi: int = 80) -> Image.Image:
    """`page` rendered to an RGB image, as a person would see it."""
    from PIL import Image
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage

    document = _qt_document(path)
    try:
        points = document.pagePointSize(page)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        # PDFium paints on a transparent page: lay it on white paper.
        image = document.render(page, size).convertToFormat(QImage.Format.Format_RGBA8888)
        data = bytes(image.constBits())[: image.sizeInBytes()]
        drawn = Image.frombuffer(
            "RGBA", (image.width(), image.height()), data, "raw", "RGBA", image.bytesPerLine(), 1
        )
        paper = Image.new("RGBA", drawn.size, "white")
        return Image.alpha_composite(paper, drawn).convert("RGB")
    finally:
        document.close()
