"""The case view (issues 13 and 14): a claim filed through the wizard is marked sent with its
ticket, the courier's low proposal and the complaint are recorded, the 12305 appeal is made and
recorded -- and the list, the reminders, the case's deadlines and its calendar follow each step."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QRadioButton, QWizard

from seller_app.domain.case import SHANGHAI
from seller_app.ui import file_dialogs
from seller_app.ui.case_view import files_tab
from seller_app.ui.catalog_source import CatalogSource
from seller_app.ui.main_window import MainWindow
from tests.pdfs import pdf_text

from .conftest import idle, type_text
from .test_wizard_walk import child, click, next_page, set_when, start_damage_claim


class Clock:
    """The app's injected clock, moved on by the test as days pass."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def at(month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=SHANGHAI)


@pytest.fixture
def clock() -> Clock:
    return Clock(at(11, 14))


@pytest.fixture
def desk(qtbot, book, catalog, settings, tmp_path, clock):  # type: ignore[no-untyped-def]
    window = MainWindow(
        book,
        CatalogSource.of(catalog),
        settings,
        "zh",
        clock,
        tmp_path / "data" / "files",
        data_dir=tmp_path / "data",
    )
    qtbot.addWidget(window)
    window.show()
    idle(qtbot)
    yield window
    idle(qtbot)


@pytest.fixture
def saved_to(monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    """Save dialogs answer with a file in tmp/out named as the app proposed."""
    out = tmp_path / "out"
    out.mkdir()
    asked: list[str] = []

    def answer(parent, title, folder, name, kinds):  # type: ignore[no-untyped-def]
        asked.append(name)
        return out / name

    monkeypatch.setattr(file_dialogs, "ask_save_path", answer)
    monkeypatch.setattr(file_dialogs, "open_file", lambda path: True)
    return asked


def file_claim(qtbot, window) -> str:  # type: ignore[no-untyped-def]
    """A damage claim through the wizard, finished (not sent yet)."""
    wizard = start_damage_claim(qtbot, window)
    next_page(qtbot, wizard)
    click(qtbot, child(wizard.currentPage(), QRadioButton, "who:buyer"))
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    idle(qtbot)
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert not wizard.isVisible()
    idle(qtbot)
    return wizard.draft.record_id


def open_first_case(qtbot, window):  # type: ignore[no-untyped-def]
    rect = window.table.visualRect(window.proxy.index(0, 1))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = window.case_view
    assert view is not None and view.isVisible()
    return view


def reminders(window) -> list[str]:  # type: ignore[no-untyped-def]
    items = window.reminders.list
    return [items.item(i).text().split("\n")[0] for i in range(items.count())]


def record(qtbot, view, kind: str, when: datetime, **fields: str):  # type: ignore[no-untyped-def]
    """Click the step button (or the menu entry) for `kind` and fill in its dialog."""
    button = view.findChild(QPushButton, f"step:{kind}")
    if button is not None:
        click(qtbot, button)
    else:
        (action,) = [a for a in view.more_menu.actions() if a.objectName() == f"event:{kind}"]
        action.trigger()
    dialog = view.event_dialog
    assert dialog is not None and dialog.isVisible()
    set_when(dialog.when, when)
    if "channel" in fields:
        dialog.channel.setCurrentIndex(dialog.channel.findText(fields["channel"]))
    if "ticket" in fields:
        type_text(qtbot, dialog.ticket, fields["ticket"])
    if "amount" in fields:
        type_text(qtbot, dialog.amount, fields["amount"])
    click(qtbot, dialog.save_button)
    return dialog


def test_a_claim_from_filing_to_the_postal_appeal(qtbot, desk, book, clock, saved_to) -> None:  # type: ignore[no-untyped-def]
    window = desk
    record_id = file_claim(qtbot, window)
    assert window.model.index(0, 0).data() == "待提交"
    assert window.summary.to_file.figure.text() == "1"
    assert "快递公司应答复索赔" not in reminders(window)  # not sent: nothing to chase yet
    view = open_first_case(qtbot, window)
    assert "还没有提交给快递公司" in view.ticket.text()
    calendar_before = None

    # Sent on the courier's website on the 16th, with its ticket number
    clock.now = at(11, 16, 12)
    record(qtbot, view, "filed", at(11, 16), channel="官网", ticket="SF-CLM-0387")
    idle(qtbot)
    assert not view.event_dialog
    assert book.get(record_id).status == "filed"
    assert "工单号 SF-CLM-0387" in view.ticket.text() and "官网" in view.ticket.text()
    assert view.status.text() == "已提交"
    assert "快递公司应答复索赔" in reminders(window)
    assert window.summary.with_courier.figure.text() == "1"
    click(qtbot, view.files.calendar_button)
    idle(qtbot)
    calendar_before = Calendar.from_ical((saved_to_path(saved_to, view)).read_bytes())

    # The courier offers 20 yuan the next day: the reply deadline is met
    clock.now = at(11, 17, 12)
    record(qtbot, view, "proposal", at(11, 17, 11), amount="20元")
    idle(qtbot)
    assert book.get(record_id).status == "answered"
    assert "快递公司应答复索赔" not in reminders(window)
    assert "快递公司提出赔偿方案：20.00 元" in timeline_texts(view)

    # Too little: a complaint, which opens the 7 days and then the appeal
    clock.now = at(11, 18, 10)
    record(qtbot, view, "complained", at(11, 18, 9, 30), ticket="TS-118")
    idle(qtbot)
    assert book.get(record_id).status == "escalated"
    assert {"快递公司应处理完投诉", "可向邮政管理部门申诉（12305）"} <= set(reminders(window))

    # A week later nothing came: the complaint's deadline is overdue, the appeal is open
    clock.now = at(11, 26, 10)
    window.refresh()
    view.reload()
    idle(qtbot)
    row = window.proxy.index(0, 6)
    assert row.data(Qt.ItemDataRole.BackgroundRole) is not None  # the overdue row stands out
    assert window.summary.urgent.figure.text() == "1"
    click(qtbot, child(view.files, QPushButton, "make:postal_appeal"))
    idle(qtbot)
    appeal = view.files.escalation_dialog
    assert appeal is not None and appeal.isVisible()
    assert "12305" in appeal.paper.text and "TS-118" in appeal.paper.text
    assert [check.status for check in appeal.paper.checks][:2] == ["met", "met"]
    kinds = [document.kind for document in book.folder(record_id).documents]
    assert "postal_appeal" in kinds
    click(qtbot, appeal.save_button)
    assert "邮政业" in pdf_text(saved_to_path(saved_to, view))
    appeal.reject()

    record(qtbot, view, "appealed", at(11, 26, 10))
    idle(qtbot)
    assert not {"快递公司应处理完投诉", "可向邮政管理部门申诉（12305）"} & set(reminders(window))
    deadline_titles = [
        view.deadlines.topLevelItem(i).text(1) for i in range(view.deadlines.topLevelItemCount())
    ]
    assert "邮政管理部门应答复申诉" in deadline_titles

    # ... and its answer comes up in the reminders in the week it is due
    clock.now = at(12, 20, 10)
    window.refresh()
    idle(qtbot)
    assert "邮政管理部门应答复申诉" in reminders(window)

    # The calendar exported again updates the same events: same UIDs, the met ones cancelled
    click(qtbot, view.files.calendar_button)
    idle(qtbot)
    calendar_after = Calendar.from_ical(saved_to_path(saved_to, view).read_bytes())
    before = {str(e["uid"]): e for e in calendar_before.walk("VEVENT")}
    after = {str(e["uid"]): e for e in calendar_after.walk("VEVENT")}
    assert set(before) <= set(after)
    reply = next(uid for uid in before if "courier_reply" in uid)
    assert str(after[reply].get("status")) == "CANCELLED"


def saved_to_path(asked: list[str], view) -> Path:  # type: ignore[no-untyped-def]
    """Where the last save dialog's file went (see `saved_to`)."""
    target = Path(view.files.status.text().split("：", 1)[1])
    assert target.name == asked[-1], view.files.status.text()
    return target


def timeline_texts(view) -> list[str]:  # type: ignore[no-untyped-def]
    tree = view.timeline
    return [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())]


def filed_case(book, clock) -> str:  # type: ignore[no-untyped-def]
    from seller_app.domain.events import CaseEvent, EventKind
    from tests.conftest import make_case

    case_id = book.store.add_case(make_case(claim_at=None), at(11, 14))
    record_id = f"c{case_id}"
    book.record_event(record_id, CaseEvent(EventKind.FILED, at(11, 16)), at(11, 16))
    clock.now = at(11, 21)
    return record_id


def test_a_mistake_is_said_beside_its_field_and_nothing_is_stored(qtbot, desk, book, clock) -> None:  # type: ignore[no-untyped-def]
    record_id = filed_case(book, clock)
    view = desk.open_case_view(record_id)
    dialog = record(qtbot, view, "proposal", at(11, 17), amount="二十")
    assert dialog.isVisible()
    assert dialog.amount_error.isVisible() and "不是有效金额" in dialog.amount_error.text()
    type_text(qtbot, dialog.amount, "x")  # typing clears the message
    assert not dialog.amount_error.isVisible()
    dialog.amount.setText("-5")
    click(qtbot, dialog.save_button)
    assert "不能为负数" in dialog.amount_error.text()
    # before the claim was sent: refused beside the time, in words (no internal field name)
    dialog.amount.setText("20")
    set_when(dialog.when, at(11, 15))
    click(qtbot, dialog.save_button)
    assert dialog.isVisible() and dialog.when_error.isVisible()
    assert "不能早于向快递公司提交索赔的时间" in dialog.when_error.text()
    assert "_at" not in dialog.when_error.text()
    dialog.reject()
    assert book.folder(record_id).case.proposal is None


def test_an_event_a_later_one_needs_cannot_be_taken_back(qtbot, desk, book, clock) -> None:  # type: ignore[no-untyped-def]
    record_id = filed_case(book, clock)
    view = desk.open_case_view(record_id)
    record(qtbot, view, "replied", at(11, 17))
    assert view.undo(next(iter(_kinds("filed")))) is False
    assert "不能撤销" in view.message.text()
    assert view.undo(next(iter(_kinds("replied")))) is True
    assert book.folder(record_id).case.courier_replied_at is None
    assert "撤销了：快递公司答复索赔" in timeline_texts(view)


def _kinds(*names: str):  # type: ignore[no-untyped-def]
    from seller_app.domain.events import EventKind

    return [EventKind(name) for name in names]


def test_closing_a_case_stops_its_reminders(qtbot, desk, book, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    record_id = filed_case(book, clock)
    view = desk.open_case_view(record_id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    click(qtbot, view.close_case_button)
    idle(qtbot)
    assert book.get(record_id).status == "closed"
    assert view.status.text() == "已结案"
    assert not view.more.isEnabled() and not view.close_case_button.isEnabled()
    assert view.deadlines.topLevelItem(0).text(1) == "没有待跟进的期限"


def test_the_buyer_statement_fits_the_case_and_the_pack_hides_the_buyer(  # type: ignore[no-untyped-def]
    qtbot, desk, book, clock, saved_to, monkeypatch, tmp_path
) -> None:
    import zipfile

    record_id = filed_case(book, clock)  # a loss signed for by the buyer: no statement needed
    view = desk.open_case_view(record_id)
    view.tabs.setCurrentWidget(view.files)
    assert not view.files.statement_button.isVisibleTo(view.files)

    from seller_app.domain.events import CaseEvent, EventKind
    from tests.conftest import make_case

    damage = make_case(
        incident="damage",
        damage={"extent": "partial", "lost_value": "120"},
        claim_at=None,
        buyer={"name": "张三", "phone": "13912345678", "address": "杭州市文三路 100 号"},
    )
    case_id = book.store.add_case(damage, at(11, 14))
    book.record_event(f"c{case_id}", CaseEvent(EventKind.FILED, at(11, 16)), at(11, 16))
    view = desk.open_case_view(f"c{case_id}")
    files = view.files
    assert files.statement_button.text().startswith("收货情况说明")
    click(qtbot, files.statement_button)
    idle(qtbot)
    assert saved_to[-1].startswith("收货情况说明-") and saved_to[-1].endswith(".pdf")
    assert "收货情况说明" in pdf_text(saved_to_path(saved_to, view))

    monkeypatch.setattr(files_tab, "ask_redact", lambda parent: True)
    click(qtbot, files.pack_button)
    idle(qtbot)
    assert saved_to[-1].startswith("证据包-")
    pack = tmp_path / "out" / saved_to[-1]
    with zipfile.ZipFile(pack) as archive:
        everything = b"".join(archive.read(name) for name in archive.namelist())
    assert b"13912345678" not in everything

    # never into the data folder
    monkeypatch.setattr(
        file_dialogs,
        "ask_save_path",
        lambda *a, **k: tmp_path / "data" / "pack.zip",
    )
    assert files.export_pack() is None
    assert "数据文件夹" in files.status.text()
    assert not (tmp_path / "data" / "pack.zip").exists()


def test_a_draft_opens_in_the_wizard_and_a_case_in_its_view(qtbot, desk, book, clock) -> None:  # type: ignore[no-untyped-def]
    from seller_app.ui.casebook import CaseRecord
    from seller_app.ui.widgets.reminders import RECORD_ID_ROLE

    data = {"format": 1, "tracking_numbers": ["YT9"]}
    draft = book.save(CaseRecord("new", data, "draft", at(11, 14)))
    wizard = desk.open_record(draft)
    assert wizard is desk.wizard and wizard.isVisible()
    wizard.close_without_asking()
    record_id = filed_case(book, clock)
    desk.refresh()
    idle(qtbot)
    # the courier's answer is overdue: its reminder opens the case view
    items = desk.reminders.list
    (item,) = [items.item(i) for i in range(items.count()) if items.item(i).data(RECORD_ID_ROLE)]
    items.itemActivated.emit(item)
    assert desk.case_view is not None and desk.case_view.record_id == record_id
    assert desk.case_view.isVisible()
