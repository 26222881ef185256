#!/usr/bin/env python3
"""Render the main window (with its summary header), the case view and every wizard page to PNG
with sample cases (offscreen grab).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--lang zh|en] [--out DIR]

The images go to docs/screenshots/ (shown in the README). Sample data: the damage example of
examples/damage_partial.json walked through the wizard, plus cases in other states -- one sent
and overdue for an answer, one paid, one not sent yet, a draft, and one where the courier offered
too little and the seller complained (its case view: timeline, deadlines, documents, photos, the
12305 appeal) -- so the list, the header and the reminders have something to show; then the
wizard's first page refused (every problem beside its field) and the signer page after reading a
tracking screenshot (OCR, offline). The clock is fixed, so the images are reproducible.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from seller_app import paths  # noqa: E402
from seller_app.credentials import MemoryKeyStore  # noqa: E402
from seller_app.domain.case import SHANGHAI  # noqa: E402
from seller_app.domain.events import EventKind  # noqa: E402
from seller_app.store import Store  # noqa: E402
from seller_app.ui.casebook import CaseRecord  # noqa: E402
from seller_app.ui.catalog_source import CatalogSource  # noqa: E402
from seller_app.ui.i18n import install_language, register_fonts  # noqa: E402
from seller_app.ui.main_window import MainWindow  # noqa: E402
from seller_app.ui.store_book import StoreCaseBook  # noqa: E402
from seller_app.ui.tasks import tasks_running  # noqa: E402

NOW = datetime(2026, 11, 21, 10, 0, tzinfo=SHANGHAI)
PAGE_NAMES = ("shipment", "incident", "photos", "signer", "compensation", "output")


def settle(max_ms: int = 20000) -> None:
    """Let queued work finish: background tasks, then pending events."""
    waited = 0
    while tasks_running() and waited < max_ms:
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()
        waited += 20
    for _ in range(5):
        QCoreApplication.processEvents()


def pump(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def grab(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def add_sample_photos(page, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """Three drawn photos (box, label, broken bowl), prepared by the page as a user's would be."""
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    drawn = []
    for name, color, kind in (
        ("box", "#c8a060", "outer_package"),
        ("label", "#f4f4f0", "waybill_label"),
        ("bowl", "#dfe6ee", "damaged_item"),
    ):
        image = Image.new("RGB", (1600, 1200), color)
        draw = ImageDraw.Draw(image)
        for x in range(0, 1600, 50):
            draw.line((x, 0, 1600 - x, 1200), fill="#555555", width=3)
        draw.rectangle((500, 350, 1100, 850), outline="#222222", width=12)
        path = folder / f"{name}.jpg"
        image.save(path, "JPEG", quality=88)
        drawn.append((path, kind))
    page.add_photos([path for path, _ in drawn])
    settle()
    for photo, (_, kind) in zip(page.draft.photos, drawn, strict=True):
        photo["kind"] = kind
    page.draft.photos[2]["caption"] = "4 只碗碎裂"
    page.initializePage()


def sample_photos(folder: Path) -> list[tuple[Path, str, str]]:
    """Three drawn photos (box, label, broken bowl): (path, kind, caption)."""
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    drawn = []
    for name, color, kind, caption in (
        ("box", "#c8a060", "outer_package", "外箱一角压扁"),
        ("label", "#f4f4f0", "waybill_label", ""),
        ("bowl", "#dfe6ee", "damaged_item", "4 只碗碎裂"),
    ):
        image = Image.new("RGB", (1200, 900), color)
        draw = ImageDraw.Draw(image)
        for x in range(0, 1200, 50):
            draw.line((x, 0, 1200 - x, 900), fill="#555555", width=3)
        draw.rectangle((380, 260, 820, 640), outline="#222222", width=12)
        path = folder / f"{name}.jpg"
        image.save(path, "JPEG", quality=85)
        drawn.append((path, kind, caption))
    return drawn


def escalated_case(book: StoreCaseBook, folder: Path) -> str:
    """A damage claim the courier answered with too little, and a complaint about it."""
    from decimal import Decimal

    from seller_app.domain.case import ClaimChannel, PhotoKind, case_from_json
    from seller_app.domain.events import CaseEvent

    damage = json.loads((ROOT / "examples" / "damage_partial.json").read_text(encoding="utf-8"))
    data = dict(
        damage,
        tracking_numbers=["SF7789012345678"],
        posted_at="2026-11-06T17:10",
        order_id="3912345678905550101",
    )
    data.pop("claim_at")
    created = datetime(2026, 11, 8, 20, 15, tzinfo=SHANGHAI)
    store = book.store
    case_id = store.add_case(case_from_json(data, created), created, amount_claimed=Decimal("132"))
    for path, kind, caption in sample_photos(folder):
        store.add_photo(
            case_id, path, created, kind=PhotoKind(kind), caption=caption, prepared=path
        )
    record_id = f"c{case_id}"
    at = lambda day, hour, minute=0: datetime(2026, 11, day, hour, minute, tzinfo=SHANGHAI)  # noqa: E731
    events = [
        (
            CaseEvent(
                EventKind.FILED, at(9, 10), channel=ClaimChannel.WEBSITE, ticket="LP20261109-0387"
            ),
            "",
        ),
        (
            CaseEvent(EventKind.PROPOSAL, at(12, 15, 20), amount=Decimal("20")),
            "客服电话：只按运费 2 倍赔",
        ),
        (CaseEvent(EventKind.COMPLAINED, at(14, 10, 30), ticket="TS20261114-118"), "官网投诉入口"),
    ]
    for event, note in events:
        book.record_event(record_id, event, event.at, note)
    return record_id


def sample_records() -> list[CaseRecord]:
    loss = json.loads((ROOT / "examples" / "loss_insured.json").read_text(encoding="utf-8"))
    damage = json.loads((ROOT / "examples" / "damage_partial.json").read_text(encoding="utf-8"))
    delay = dict(
        damage,
        tracking_numbers=["YT7400123456789"],
        incident="delay",
        carrier="yto",
        posted_at="2026-11-02T16:00",
        claim_at="2026-11-10T09:00",
    )
    delay.pop("damage")
    ready = {key: value for key, value in damage.items() if key != "claim_at"}  # not sent yet
    draft = {"format": 1, "tracking_numbers": ["ZTO73310987654321"], "region": "domestic"}
    return [
        CaseRecord(
            "sample-loss",
            loss,
            "filed",
            datetime(2026, 11, 20, 9, 40, tzinfo=SHANGHAI),
            5,
            amount_claimed="1518.00",
        ),
        CaseRecord(
            "sample-delay",
            delay,
            "filed",
            datetime(2026, 11, 15, 14, 5, tzinfo=SHANGHAI),
            5,
            amount_claimed="12.00",
            amount_recovered="12.00",
        ),
        CaseRecord(
            "sample-damage",
            ready,
            "ready",
            datetime(2026, 11, 16, 10, 30, tzinfo=SHANGHAI),
            5,
            amount_claimed="28.80",
        ),
        CaseRecord(
            "sample-draft", draft, "draft", datetime(2026, 11, 21, 9, 12, tzinfo=SHANGHAI), 1
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", default="zh", choices=("zh", "en"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "zh" else "_en"

    app = QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="screenshots-"))
    resources = paths.resources_dir()
    register_fonts(resources)
    translators = install_language(app, args.lang, resources, work / "qm")  # noqa: F841
    catalog = CatalogSource(resources)
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("shop/name", "小白家居旗舰店")
    settings.setValue("shop/contact", "王店长")
    settings.setValue("shop/phone", "13800138000")
    book = StoreCaseBook(Store.open(work / "data", MemoryKeyStore()), work / "data" / "files")
    for record in sample_records():
        saved = book.save(record)
        if record.id == "sample-delay":  # the courier agreed and paid
            book.set_status(saved, "agreed", record.updated_at)
            book.set_status(saved, "paid", record.updated_at, "12.00")
        if record.id == "sample-loss":  # sent on the courier's website, with its ticket number
            from seller_app.domain.case import ClaimChannel
            from seller_app.domain.events import CaseEvent

            sent = datetime(2026, 11, 20, 9, 30, tzinfo=SHANGHAI)
            event = CaseEvent(EventKind.FILED, sent, channel=ClaimChannel.WEBSITE, ticket="JT88112")
            book.record_event(saved, event, record.updated_at)
    escalated = escalated_case(book, work / "sample-photos")

    window = MainWindow(
        book,
        catalog,
        settings,
        args.lang,
        lambda: NOW,
        work / "data" / "files",
        data_dir=work / "data",
    )
    window.resize(1240, 680)
    window.show()
    settle()
    window.table.selectRow(0)
    grab(window, args.out / f"main_window{suffix}.png")
    grab(window.summary, args.out / f"main_header{suffix}.png")

    view = window.open_case_view(escalated)
    view.resize(1000, 680)
    grab(view, args.out / f"case_view_progress{suffix}.png")
    view.tabs.setCurrentWidget(view.files)
    grab(view, args.out / f"case_view_files{suffix}.png")
    view.tabs.setCurrentIndex(2)
    settle()
    grab(view, args.out / f"case_view_photos{suffix}.png")
    view.tabs.setCurrentIndex(0)
    dialog = view.record(EventKind.PROPOSAL)
    settle()
    grab(dialog, args.out / f"case_view_event{suffix}.png")
    dialog.reject()
    view.tabs.setCurrentWidget(view.files)
    view.files.make_escalation("postal_appeal")
    settle()
    appeal = view.files.escalation_dialog
    if appeal is None:
        print("the appeal was not made: " + view.files.status.text(), file=sys.stderr)
        return 1
    grab(appeal, args.out / f"case_view_appeal{suffix}.png")
    appeal.reject()
    view.close()

    # The damage example, entered page by page through the wizard's own pages (a tracking
    # number of its own: the sample case above claims the example's).
    damage = json.loads((ROOT / "examples" / "damage_partial.json").read_text(encoding="utf-8"))
    damage["tracking_numbers"] = ["SF7788990011223"]
    record = CaseRecord("screenshot-damage", damage, "draft", NOW, page=0)
    wizard = window.open_wizard(record)
    wizard.resize(940, 760)
    for index, name in enumerate(PAGE_NAMES):
        if name == "photos":
            add_sample_photos(wizard.currentPage(), work / "photos")
        if name == "output":
            settle()
            pump(2000)  # QPdfView renders its pages on a thread of its own
        grab(wizard, args.out / f"wizard_{index + 1}_{name}{suffix}.png")
        if index + 1 < len(PAGE_NAMES):
            wizard.next()
            if wizard.currentId() != index + 1:
                print(f"page {name} refused the sample case", file=sys.stderr)
                return 1
    wizard.close_without_asking()
    grab_refusal(window, args.out / f"wizard_1_shipment_errors{suffix}.png")
    grab_screenshot_reading(
        window, damage, work, args.out / f"wizard_4_signer_screenshot{suffix}.png"
    )
    window.close()
    return 0


def grab_refusal(window: MainWindow, path: Path) -> None:
    """Page 1 refused: every problem at once, each beside its field."""
    wizard = window.open_wizard(None)
    wizard.resize(940, 760)
    page = wizard.currentPage()
    page.tracking.setText("sf 1234 5678 9012 3")
    page.service_fee.setText("十二元")
    page.insured.setChecked(True)
    wizard.next()
    grab(wizard, path)
    wizard.close_without_asking()


def grab_screenshot_reading(window: MainWindow, case: dict, work: Path, path: Path) -> None:  # type: ignore[type-arg]
    """The signer page after a tracking screenshot (签收人：门卫代收) was dropped on it."""
    from tests.evidence.screens import SF_GUARD, save

    data = {key: value for key, value in case.items() if key not in ("signer", "buyer")}
    data["tracking_numbers"] = ["SF1234567890123"]
    wizard = window.open_wizard(CaseRecord("screenshot-signer", data, "draft", NOW, page=3))
    wizard.resize(940, 760)
    shots = work / "screens"
    shots.mkdir(exist_ok=True)
    wizard.currentPage().screenshot.read([save(SF_GUARD, shots)])
    settle(60000)
    grab(wizard, path)
    wizard.close_without_asking()


if __name__ == "__main__":
    sys.exit(main())
