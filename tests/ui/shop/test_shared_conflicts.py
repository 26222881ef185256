"""Two desks on one shop server (issue 17): whatever the window saves -- an event in the case
view, taking one back, a status from the list, the wizard's changes to a stored case -- is
refused when another desk changed the case since the window read it, with "这个案件刚被 X 修改过
（时间）", 重新载入 (the other desk's version shown, nothing of theirs lost) and 取消; never a
traceback, never an overwrite. The case view's timeline says which desk did what, and a second
claim for a number another desk claimed names that desk. The other desk is a second store on the
same real PostgreSQL server, or a second process (the command line)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWizard

from seller_app.credentials import MemoryKeyStore
from seller_app.domain.case import SHANGHAI
from seller_app.domain.events import CaseEvent, EventKind
from seller_app.store import Store
from seller_app.store.records import CaseStatus
from seller_app.ui.catalog_source import CatalogSource
from seller_app.ui.main_window import MainWindow
from seller_app.ui.save_problems import CONFLICT_BOX
from seller_app.ui.store_book import StoreCaseBook
from tests.conftest import make_case
from tests.processes import run_cli

from ..conftest import idle, type_text
from ..test_case_view import record
from .conftest import SHOP_PASSPHRASE

NOW = datetime(2026, 11, 21, 10, 0, tzinfo=SHANGHAI)


def open_desk(url: str, folder: Path, name: str, keys: MemoryKeyStore | None = None) -> Store:
    return Store.open_shared(
        url,
        keys or MemoryKeyStore(),
        data_dir=folder,
        desk=name,
        shop_passphrase=lambda creating: SHOP_PASSPHRASE,
    )


@pytest.fixture
def two_desks(pg_url: str, tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    front = open_desk(pg_url, tmp_path / "front", "前台")
    warehouse = open_desk(pg_url, tmp_path / "warehouse", "仓库电脑")
    yield front, warehouse
    front.close()
    warehouse.close()


@pytest.fixture
def front_window(qtbot, two_desks, catalog, settings, tmp_path):  # type: ignore[no-untyped-def]
    front, _ = two_desks
    book = StoreCaseBook(front, tmp_path / "front" / "files")
    window = MainWindow(
        book,
        CatalogSource.of(catalog),
        settings,
        "zh",
        lambda: NOW,
        tmp_path / "front" / "files",
        data_dir=tmp_path / "front",
    )
    qtbot.addWidget(window)
    window.show()
    idle(qtbot)
    yield window
    idle(qtbot)


def conflict_box(qtbot, window, parent) -> QMessageBox:  # type: ignore[no-untyped-def]
    """The box the main window's `SaveProblems` (handed to the wizard and the case view) has
    open over `parent`."""
    problems = window.problems
    qtbot.waitUntil(lambda: problems.box is not None and problems.box.isVisible())
    box = problems.box
    assert box.objectName() == CONFLICT_BOX and box.parent() is parent
    return box


def press(qtbot, box: QMessageBox, name: str) -> None:  # type: ignore[no-untyped-def]
    button = box.findChild(QPushButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    idle(qtbot)


def timeline(view) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    items = [view.timeline.topLevelItem(i) for i in range(view.timeline.topLevelItemCount())]
    return [(item.text(1), item.text(3)) for item in items]


def test_an_event_after_another_desk_s_change_is_refused_and_reload_shows_theirs(  # type: ignore[no-untyped-def]
    qtbot, front_window, two_desks
) -> None:
    front, warehouse = two_desks
    case_id = front.add_case(make_case(claim_at=None), NOW - timedelta(days=2))
    front_window.refresh()
    idle(qtbot)
    view = front_window.open_case_view(f"c{case_id}")
    assert not view.timeline.isColumnHidden(3)  # a shop server: who did what is shown
    assert view.timeline.header().visualIndex(3) == 2  # right after 进展, before the note

    # meanwhile, at the warehouse desk, the claim is sent with the courier's ticket number
    warehouse.get_case(case_id)
    warehouse.record_event(
        case_id,
        CaseEvent(EventKind.FILED, NOW - timedelta(hours=3), ticket="WH-001"),
        NOW - timedelta(hours=1),
    )

    dialog = record(qtbot, view, "filed", NOW - timedelta(hours=2), ticket="FR-999")
    box = conflict_box(qtbot, front_window, dialog)
    assert "这个案件刚被 仓库电脑 修改过（2026-11-21 09:00）" in box.text()
    assert "重新载入" in box.informativeText() and "不会丢失" in box.informativeText()
    assert dialog.isVisible() and "没有保存" in dialog.error.text()  # the typing is still there

    press(qtbot, box, "cancelReload")  # 取消: nothing changes, nothing saved
    assert dialog.isVisible() and dialog.ticket.text() == "FR-999"
    assert warehouse.get_case(case_id).case.ticket == "WH-001"

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # again: refused again
    box = conflict_box(qtbot, front_window, dialog)
    press(qtbot, box, "reloadCase")
    assert "工单号 WH-001" in view.ticket.text()  # the other desk's version is shown
    assert "已重新载入 仓库电脑 的修改" in view.message.text()
    # what was typed is still in the dialog; saving it again is the seller's call
    assert dialog.isVisible() and dialog.ticket.text() == "FR-999"
    assert "你填写的内容还在" in dialog.error.text()
    dialog.reject()  # the seller keeps the other desk's ticket
    idle(qtbot)
    assert front.get_case(case_id).case.ticket == "WH-001"
    lines = timeline(view)
    assert ("状态改为：已提交", "仓库电脑") in lines and lines[0][1] == "前台"
    stored = front.get_case(case_id)
    assert stored.case.ticket == "WH-001" and stored.updated_by == "仓库电脑"

    # now recording works, checked against the version shown
    record(qtbot, view, "proposal", NOW - timedelta(minutes=30), amount="20")
    idle(qtbot)
    assert front.get_case(case_id).status is CaseStatus.ANSWERED
    assert ("状态改为：快递已答复", "前台") in timeline(view)


def test_taking_an_event_back_and_a_status_from_the_list_are_checked_too(  # type: ignore[no-untyped-def]
    qtbot, front_window, two_desks, monkeypatch
) -> None:
    front, warehouse = two_desks
    case_id = front.add_case(make_case(), NOW - timedelta(days=2))
    front.record_event(case_id, CaseEvent(EventKind.FILED, NOW - timedelta(days=1)), NOW)
    front_window.refresh()
    idle(qtbot)
    view = front_window.open_case_view(f"c{case_id}")
    warehouse.get_case(case_id)
    warehouse.add_note(case_id, "客户来电催了", NOW)  # a note is not a change of the case
    warehouse.set_status(case_id, CaseStatus.ANSWERED, NOW + timedelta(minutes=5))

    assert view.undo(EventKind.FILED) is False
    box = conflict_box(qtbot, front_window, view)
    assert "仓库电脑" in box.text()
    press(qtbot, box, "reloadCase")
    assert view.status.text() == "快递已答复"
    assert front.get_case(case_id).case.claim_at is not None  # nothing was taken back

    warehouse.set_status(case_id, CaseStatus.AGREED, NOW + timedelta(minutes=6))
    front_window.set_status(f"c{case_id}", "closed")  # from the list's context menu
    box = conflict_box(qtbot, front_window, front_window)
    assert "仓库电脑" in box.text() and "状态没有改" in box.informativeText()
    press(qtbot, box, "reloadCase")
    assert front.get_case(case_id).status is CaseStatus.AGREED  # theirs stays
    assert view.status.text() == "已谈妥"
    front_window.set_status(f"c{case_id}", "closed")  # after reloading: done
    idle(qtbot)
    assert front.get_case(case_id).status is CaseStatus.CLOSED
    assert ("备注：客户来电催了", "仓库电脑") in timeline(view)


def test_the_wizard_on_a_stored_case_reloads_the_other_desk_s_version(  # type: ignore[no-untyped-def]
    qtbot, front_window, two_desks
) -> None:
    front, warehouse = two_desks
    signer = {"who": "buyer", "inspected": False}
    case_id = front.add_case(make_case(claim_at=None, signer=signer), NOW - timedelta(days=2))
    front_window.refresh()
    idle(qtbot)
    wizard = front_window.edit_record(f"c{case_id}")
    idle(qtbot)
    assert wizard.isVisible() and wizard.currentId() == 5

    stored = warehouse.get_case(case_id)
    changed = make_case(claim_at=None, signer=signer, weight_kg="5")
    warehouse.update_case(case_id, changed, NOW)
    assert stored.version < warehouse.get_case(case_id).version

    wizard.draft.data["goods_value"] = "999"
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    box = conflict_box(qtbot, front_window, wizard)
    assert "这个案件刚被 仓库电脑 修改过" in box.text()
    assert "向导里的修改没有保存" in box.informativeText()
    assert wizard.isVisible()  # 完成 did not close it
    assert front.get_case(case_id).case.goods_value == make_case().goods_value
    press(qtbot, box, "reloadCase")
    again = front_window.wizard
    assert again is not None and again is not wizard and again.isVisible()
    assert not shiboken6.isValid(wizard) or not wizard.isVisible()
    assert again.draft.data["weight_kg"] == "5"  # the other desk's version
    assert again.currentId() == 5
    qtbot.mouseClick(again.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    idle(qtbot)
    assert not again.isVisible()
    assert str(front.get_case(case_id).case.weight_kg) == "5"


def test_a_number_another_desk_claimed_is_flagged_with_that_desk(  # type: ignore[no-untyped-def]
    qtbot, front_window, two_desks
) -> None:
    front, warehouse = two_desks
    warehouse.add_case(make_case(tracking_numbers=["SF9876543210987"]), NOW)
    front.add_case(make_case(tracking_numbers=["SF1111111111111"]), NOW)
    front_window.new_button.click()
    wizard = front_window.wizard
    page = wizard.currentPage()
    type_text(qtbot, page.tracking, "SF9876543210987")
    qtbot.waitUntil(lambda: "已有索赔案件" in page.carrier_hint.text())
    assert "由 仓库电脑 建立" in page.carrier_hint.text()
    page.tracking.clear()
    type_text(qtbot, page.tracking, "SF1111111111111")  # this desk's own: no desk named
    qtbot.waitUntil(lambda: "已有索赔案件" in page.carrier_hint.text())
    assert "建立" not in page.carrier_hint.text()
    wizard.close_unsaved()


def test_a_change_from_a_second_process_is_not_overwritten(  # type: ignore[no-untyped-def]
    qtbot, front_window, two_desks, pg_url, tmp_path
) -> None:
    """The other desk is another program: the command line, as a second process."""
    front, _ = two_desks
    case_id = front.add_case(make_case(claim_at=None), NOW - timedelta(days=2))
    front_window.refresh()
    idle(qtbot)
    view = front_window.open_case_view(f"c{case_id}")
    env = {
        **os.environ,
        "SELLER_APP_DATA_DIR": str(tmp_path / "cli-desk"),
        "SELLER_APP_PASSPHRASE": "cli desk password",
        "SELLER_APP_SHOP_PASSPHRASE": SHOP_PASSPHRASE,
    }
    env.pop("SELLER_APP_DATABASE_URL", None)
    done = run_cli(
        "cases",
        "status",
        str(case_id),
        "filed",
        "--database",
        pg_url,
        "--desk",
        "售后二号机",
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert view.close_case_button.isEnabled()
    view.set_status("closed")
    box = conflict_box(qtbot, front_window, view)
    assert "售后二号机" in box.text()
    press(qtbot, box, "reloadCase")
    assert view.status.text() == "已提交"
    assert ("状态改为：已提交", "售后二号机") in timeline(view)
