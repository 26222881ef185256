"""`seller-app --self-test`: the smoke test for any build, frozen or not.

Runs without user data (everything goes to a temporary directory; the store and the keychain are not
touched): assesses a sample case, prepares a waybill-label photo in a worker process (so a frozen
build proves its process pool, Pillow, pillow-heif and zxing-cpp), renders the claim form with the
photo, exports the schedule as .ics, reads both back, opens the PDF with QtPdf offscreen, reads a
rendered tracking-page screenshot with the OCR models while every network connection is refused (so
a build proves it carries the models and downloads nothing), opens the shop-server driver
(psycopg's binary build and its libpq, asked to connect to a loopback port nothing listens on:
no server is needed, the answer must be "unreachable" in words), and prints one line. Exit
status 0 when every check passed, 1 otherwise.

``--self-test --window`` also shows the claim form in a real window on the desktop's window system
(X11/xcb, Wayland, Windows, macOS) and waits until it is on screen: it proves the build carries what
its platform plugin needs, which offscreen never loads. CI runs it under Xvfb.
"""

from __future__ import annotations

import io
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SAMPLE_NUMBER = "SF1234567890123"
SAMPLE = {
    "format": 1,
    "tracking_numbers": [SAMPLE_NUMBER],
    "region": "domestic",
    "posted_at": "2026-11-11T18:20",
    "claim_at": "2026-11-16T10:00",
    "incident": "damage",
    "service_fee": "12.00",
    "goods_value": "300.00",
    "weight_kg": "2",
    "damage": {"extent": "partial", "lost_value": "120.00"},
    "signer": {"who": "buyer", "name": "李喆", "inspected": False},
    "shop": {"name": "自检店铺", "contact": "王堃", "phone": "13800138000"},
    "goods": {"description": "陶瓷餐具套装", "quantity": 1},
}
EXPECTED_AMOUNT = Decimal("96.00")  # SF's terms by default: the whole fee 12 + min(120, 7 × 12)


class SelfTestError(Exception):
    pass


def _check(condition: bool, what: str) -> None:
    if not condition:
        raise SelfTestError(what)


def _label_photo(path: Path) -> None:
    """A phone-sized photo of a waybill label with a Code 128 barcode of the sample number."""
    import zxingcpp
    from PIL import Image

    code = zxingcpp.create_barcode(SAMPLE_NUMBER, zxingcpp.BarcodeFormat.Code128)
    view = memoryview(code.to_image(scale=3, add_quiet_zones=True))
    bars = Image.frombytes("L", (view.shape[1], view.shape[0]), bytes(view)).convert("RGB")
    photo = Image.new("RGB", (1800, 1350), (176, 150, 112))
    label = Image.new("RGB", (bars.width + 80, bars.height * 2 + 80), "white")
    label.paste(bars.resize((bars.width, bars.height * 2)), (40, 40))
    photo.paste(label, ((photo.width - label.width) // 2, (photo.height - label.height) // 2))
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = "2026:11:13 10:15:00"  # DateTimeOriginal
    photo.save(path, "JPEG", quality=85, exif=exif.tobytes())


def _heic_photo(path: Path) -> None:
    import pillow_heif
    from PIL import Image

    pillow_heif.from_pillow(Image.new("RGB", (64, 48), (120, 90, 60))).save(path, quality=60)


def _tracking_screenshot(path: Path) -> None:
    """A small SF tracking page as a phone shows it: number, two events, signed by the gate."""
    from PIL import Image, ImageDraw, ImageFont

    from . import paths

    font = ImageFont.truetype(str(paths.resources_dir() / "fonts" / "wqy-microhei.ttc"), 28)
    lines = [
        (30, 30, f"顺丰速运 运单号：{SAMPLE_NUMBER}"),
        (60, 110, "[深圳市]您的快件已签收，签收人：门卫代收"),
        (60, 152, "2026-11-13 14:22:08"),
        (60, 240, "[杭州市]顺丰速运已收取快件"),
        (60, 282, "2026-11-11 18:20:33"),
    ]
    image = Image.new("RGB", (720, 360), "white")
    draw = ImageDraw.Draw(image)
    for x, y, text in lines:
        draw.text((x, y), text, font=font, fill=(34, 34, 34))
    image.save(path)


def _read_offline(path: Path) -> Any:
    """Read the screenshot with every connection refused: the models must be in the build."""
    import socket

    from .domain.case import SHANGHAI
    from .evidence.timeline import read_timeline

    def refuse(*args: object, **kwargs: object) -> Any:
        raise OSError("the self-test runs offline")

    saved = (socket.socket.connect, socket.create_connection, socket.getaddrinfo)
    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]
    socket.getaddrinfo = refuse  # type: ignore[assignment]
    try:
        return read_timeline([path], reference=datetime(2026, 11, 16, 10, 0, tzinfo=SHANGHAI))
    finally:
        socket.socket.connect, socket.create_connection, socket.getaddrinfo = saved  # type: ignore[method-assign,assignment]


def _pdf_pages_with_qt(pdf: Path, window: bool = False, password: str | None = None) -> int:
    """How many pages QtPdf opens (0 when it cannot open the file, e.g. without its password)."""
    if not window:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWidgets import QApplication

    # A QApplication (not a bare QGuiApplication): the GUI started after the test can reuse it.
    app = QApplication.instance() or QApplication(["seller-app-self-test"])
    document = QPdfDocument(app)
    if password is not None:
        document.setPassword(password)
    document.load(str(pdf))
    pages = document.pageCount() if document.error() == QPdfDocument.Error.None_ else 0
    document.close()
    return pages


# Platforms that show nothing: a window test on them would prove nothing.
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc")
WINDOW_TIMEOUT_S = 20.0


def _headless(platform: str) -> str:
    return (
        f"--window needs a window system, Qt's platform is {platform!r} "
        "(unset QT_QPA_PLATFORM; on Linux without a desktop use xvfb-run)"
    )


def _show_in_a_window(pdf: Path) -> str:
    """Show `pdf` in a QPdfView window, wait until the window system has it on screen and its
    first page is painted; return the platform's name."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    _check(isinstance(app, QApplication), "no QApplication")
    assert isinstance(app, QApplication)
    platform = app.platformName()
    _check(platform not in HEADLESS_PLATFORMS, _headless(platform))
    view = QPdfView()
    document = QPdfDocument(view)
    document.load(str(pdf))
    view.setDocument(document)
    view.setWindowTitle("理赔助手 self-test")
    view.resize(640, 480)
    view.show()
    deadline = time.monotonic() + WINDOW_TIMEOUT_S
    try:
        while True:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            handle = view.windowHandle()
            if handle is not None and handle.isExposed():
                shot = view.viewport().grab().toImage()
                # a painted page: white paper and dark text, not one flat colour
                centre = shot.pixelColor(shot.width() // 2, shot.height() // 4)
                if shot.width() > 0 and any(
                    shot.pixelColor(x, y) != centre
                    for x in range(0, shot.width(), 7)
                    for y in range(0, shot.height(), 7)
                ):
                    break
            _check(time.monotonic() < deadline, f"the window was not shown ({platform})")
    finally:
        view.close()
        document.close()
        view.deleteLater()
        app.processEvents()
    return platform


def _shop_server_driver() -> str:
    """psycopg with its bundled libpq loads and answers a connection attempt (issue 17): a
    loopback port nobody listens on must come back as the store's "unreachable", in words."""
    import socket

    from .credentials import MemoryKeyStore
    from .store import Store
    from .store.server import ServerUnreachableError, driver

    implementation, libpq = driver()
    _check(implementation in ("binary", "c"), f"psycopg runs its {implementation} build")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql://selftest@127.0.0.1:{port}/claims?connect_timeout=5"
    try:
        with tempfile.TemporaryDirectory(prefix="seller-app-selftest-") as folder:
            Store.open_shared(url, MemoryKeyStore(), data_dir=Path(folder)).close()
    except ServerUnreachableError as error:
        _check("127.0.0.1" in error.message("zh"), "the unreachable server was not named")
    else:
        raise SelfTestError(f"something answered on 127.0.0.1:{port} as a shop server")
    return f"libpq {libpq} ({implementation})"


def run(emit: Callable[[str], None] = print, *, window: bool = False) -> int:  # noqa: T201
    """Run every check and emit the one line (the output of the self-test)."""
    started = time.perf_counter()
    try:
        requested = os.environ.get("QT_QPA_PLATFORM", "").partition(":")[0]
        _check(not (window and requested in HEADLESS_PLATFORMS), _headless(requested))
        summary = _run_checks(window)
        summary += f", shop-server driver {_shop_server_driver()}"  # issue 17
    except Exception as error:  # noqa: BLE001 -- any failure of a build is reported, not raised
        log.exception("self-test failed")
        emit(f"self-test FAILED: {type(error).__name__}: {error}")
        return 1
    emit(f"self-test ok ({time.perf_counter() - started:.1f} s): {summary}")
    return 0


def _run_checks(window: bool = False) -> str:
    from icalendar import Calendar

    from . import paths
    from .documents.calendar import write_ics
    from .documents.claim_form import render_claim_form
    from .domain.case import SHANGHAI, PhotoKind, case_from_json
    from .domain.catalog import Catalog
    from .domain.rules import assess
    from .domain.schedule import build_schedule
    from .evidence import EvidencePhoto, PhotoInput, import_photos, shutdown_pool

    catalog = Catalog.load(paths.resources_dir())
    case = case_from_json(SAMPLE, now=datetime(2026, 11, 16, 10, 0, tzinfo=SHANGHAI))
    assessment = assess(case, catalog)
    _check(
        assessment.eligible and assessment.amount == EXPECTED_AMOUNT,
        f"sample case assessed as {assessment.amount}, expected {EXPECTED_AMOUNT}",
    )

    with tempfile.TemporaryDirectory(prefix="seller-app-selftest-") as tmp:
        folder = Path(tmp)
        label, heic = folder / "label.jpg", folder / "box.heic"
        _label_photo(label)
        _heic_photo(heic)
        try:
            results = import_photos(
                [
                    PhotoInput(label, PhotoKind.WAYBILL_LABEL, "运单"),
                    PhotoInput(heic, PhotoKind.OUTER_PACKAGE, "外箱"),
                ],
                folder / "prepared",
                case,
                processes=2,
            )
        finally:
            shutdown_pool()
        photos = [r for r in results if isinstance(r, EvidencePhoto)]
        _check(len(photos) == 2, f"photo import failed: {results}")
        _check(SAMPLE_NUMBER in photos[0].barcodes, "the waybill barcode was not read")

        deadlines = build_schedule(case)
        pdf = render_claim_form(
            case,
            assessment,
            folder / "claim.pdf",
            catalog=catalog,
            photos=photos,
            deadlines=deadlines,
        )
        data = pdf.read_bytes()
        _check(data.startswith(b"%PDF") and len(data) > 20_000, "the claim form is not a PDF")
        pages = _pdf_pages_with_qt(pdf, window)
        _check(pages >= 3, f"QtPdf opened {pages} pages")
        shown = f", window shown ({_show_in_a_window(pdf)})" if window else ""

        # A password-protected copy: pikepdf (qpdf) re-encrypts it with AES-256 in the build too.
        locked = render_claim_form(
            case, assessment, folder / "locked.pdf", catalog=catalog, password="self-test"
        )
        _check(b"/AESV3" in locked.read_bytes(), "the protected form is not AES-256 encrypted")
        _check(_pdf_pages_with_qt(locked, window) == 0, "the protected form opened without it")
        _check(_pdf_pages_with_qt(locked, window, "self-test") >= 1, "it did not open with it")

        ics = write_ics(case, deadlines, catalog.texts, "zh", folder / "claim.ics")
        calendar = Calendar.from_ical(ics.read_bytes())
        events = [c for c in calendar.walk("VEVENT")]
        _check(len(events) == len(deadlines), "the .ics lost events")

        screenshot = folder / "tracking.png"
        _tracking_screenshot(screenshot)
        timeline = _read_offline(screenshot)
        read = (timeline.tracking_numbers, timeline.signer, len(timeline.events))
        _check(
            read == ((SAMPLE_NUMBER,), "门卫代收", 2) and timeline.signed_at is not None,
            f"the tracking screenshot read as {read}",
        )
        return (
            f"assessed {assessment.amount} CNY, {len(photos)} photos (barcode read), "
            f"PDF {pages} pages {len(data) // 1024} KB (and an AES-256 copy), "
            f".ics {len(events)} events, "
            f"screenshot read offline ({len(timeline.events)} events, signer {timeline.signer})"
            f"{shown}"
        )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    # A windowed Windows build started from a console has no stdout: attach to the parent's
    # console so the line is seen. Python opens "CONOUT$" as a console stream (Unicode, whatever
    # the console's code page); a redirected stdout (a file, a pipe) is kept as it is.
    if sys.platform == "win32" and sys.stdout is None:
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # type: ignore[attr-defined]
            sys.stdout = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115
    stream = sys.stdout if sys.stdout is not None else io.StringIO()
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:  # a path in a failure message the code page lacks: escape it
        reconfigure(errors="backslashreplace")
    return run(lambda line: print(line, file=stream, flush=True), window="--window" in args)  # noqa: T201
