"""The shop server away (issue 17): at start the window says why in words and offers 重新连接,
在本机案件库上工作 and the settings -- and opens nothing else meanwhile; mid-session a save that
did not reach the server leaves everything in the wizard, with 重试; working on this PC's own
store is the seller's choice (the draft goes along), shown as 本机案件库 in the title, and
reconnecting later offers to copy what was made meanwhile. Real PostgreSQL behind a relay that
is cut, as a NAS switched off would be."""

from __future__ import annotations

from datetime import datetime, timedelta

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QRadioButton

from seller_app.credentials import PassphraseKeyStore
from seller_app.domain.case import SHANGHAI
from seller_app.store import Store
from seller_app.store.server import ServerSettings
from seller_app.ui.save_problems import UNREACHABLE_BOX
from seller_app.ui.shared_store import SHOP_PASSPHRASE_ENV, USE_KEY
from seller_app.ui.store_book import StoreCaseBook
from tests.postgres import free_port

from ..conftest import idle, type_text
from ..test_wizard_walk import child, click, fill_shipment, next_page
from .conftest import (
    SHOP_PASSPHRASE,
    STORE_PASSWORD,
    choose_server,
    desk_settings,
)


def press(qtbot, box, name: str) -> None:  # type: ignore[no-untyped-def]
    button = box.findChild(QPushButton, name)
    assert button is not None, f"no button {name} in {box.objectName()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    idle(qtbot)


def problem_box(qtbot, window):  # type: ignore[no-untyped-def]
    problems = window.problems
    qtbot.waitUntil(lambda: problems.box is not None and problems.box.isVisible(), timeout=20000)
    return problems.box


def test_a_server_away_at_start_is_said_and_nothing_opens_elsewhere(qtbot, desks, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = desk_settings(tmp_path, "front")
    nowhere = ServerSettings("127.0.0.1", "claims", "shop", free_port())
    choose_server(settings, nowhere)
    front = desks("front", settings)
    window = front.window
    qtbot.waitUntil(lambda: window.store_state == "server_failed", timeout=20000)
    text = window.empty_hint.text()
    assert "连不上共享案件库" in text and "服务器上没有数据库服务在这个端口上" in text
    assert "Traceback" not in text and window.server_buttons.isVisible()
    assert not window.new_button.isEnabled()
    assert not (front.data_dir / "store.sqlite3").exists()  # nothing written anywhere

    click(qtbot, child(window.server_buttons, QPushButton, "reconnect"))
    qtbot.waitUntil(lambda: window.store_state == "server_failed", timeout=20000)
    assert not (front.data_dir / "store.sqlite3").exists()

    click(qtbot, child(window.server_buttons, QPushButton, "workLocally"))  # the seller's choice
    qtbot.waitUntil(lambda: isinstance(front.book, StoreCaseBook), timeout=20000)
    assert not front.book.shared and (front.data_dir / "store.sqlite3").exists()
    assert window.windowTitle() == "本机案件库（共享案件库未连接）"
    assert window.place_label.isVisible() and window.new_button.isEnabled()
    settings.sync()
    assert str(settings.value(USE_KEY)).lower() == "true"  # the next start tries the server again


def test_a_save_the_server_did_not_take_stays_in_the_wizard_until_the_seller_chooses(  # type: ignore[no-untyped-def]
    qtbot, desks, shop, relay, tmp_path, monkeypatch
) -> None:
    shop.desk_store(tmp_path / "warehouse", "仓库").close()  # the shop is set up
    through_relay = ServerSettings("127.0.0.1", shop.server.database, "shop", relay.port)
    settings = desk_settings(tmp_path, "front")
    choose_server(settings, through_relay)
    folder = tmp_path / "front" / "data"
    PassphraseKeyStore(folder, STORE_PASSWORD).set(
        through_relay.password_key(), shop.password.encode()
    )
    monkeypatch.setenv(SHOP_PASSPHRASE_ENV, SHOP_PASSPHRASE)  # unlocked once, as the CLI can
    front = desks("front", settings)
    qtbot.waitUntil(lambda: getattr(front.book, "shared", False), timeout=20000)
    window = front.window
    idle(qtbot)

    click(qtbot, window.new_button)
    wizard = window.wizard
    posted = datetime.now(SHANGHAI) - timedelta(days=5)
    fill_shipment(qtbot, wizard, "SF1234567890123", "12", "2", posted.replace(tzinfo=None))
    next_page(qtbot, wizard)  # saved as a draft on the server
    idle(qtbot)
    assert wizard.draft.record_id.startswith("d")

    relay.cut()  # the server's machine goes away
    page = wizard.currentPage()
    click(qtbot, child(page, QRadioButton, "choice:damage"))
    click(qtbot, child(page, QRadioButton, "choice:full"))
    type_text(qtbot, child(page, QLineEdit, "goodsDescription"), "陶瓷餐具套装")
    type_text(qtbot, child(page, QLineEdit, "goodsValue"), "300")
    next_page(qtbot, wizard)  # the page moves on; its save does not reach the server
    box = problem_box(qtbot, window)
    assert box.objectName() == UNREACHABLE_BOX and box.parent() is wizard
    assert "连不上共享案件库" in box.text() and "Traceback" not in box.text()
    assert "草稿没有保存，填写的内容都还在向导里" in box.informativeText()
    assert not (front.data_dir / "store.sqlite3").exists()  # not saved somewhere else

    press(qtbot, box, "cancelSave")  # 取消: the wizard goes on with everything typed
    assert wizard.isVisible() and wizard.draft.data["tracking_numbers"] == ["SF1234567890123"]
    assert not (front.data_dir / "store.sqlite3").exists()

    wizard.back()
    wizard.next()  # the next save: the server is still away
    box = problem_box(qtbot, window)
    press(qtbot, box, "retrySave")  # 重试: still away, said again
    box = problem_box(qtbot, window)
    assert not (front.data_dir / "store.sqlite3").exists()
    press(qtbot, box, "workLocally")  # the seller chooses this PC's own store
    qtbot.waitUntil(lambda: not getattr(front.book, "shared", True), timeout=20000)
    idle(qtbot)
    assert window.windowTitle() == "本机案件库（共享案件库未连接）"
    assert wizard.isVisible() and wizard.book is front.book  # the draft went along
    with Store.open(folder, PassphraseKeyStore(folder, STORE_PASSWORD)) as local:
        drafts = local.list_drafts()
    assert len(drafts) == 1
    assert drafts[0].data["case"]["tracking_numbers"] == ["SF1234567890123"]
    assert drafts[0].data["case"]["incident"] == "damage"
    assert drafts[0].data["case"]["goods"]["description"] == "陶瓷餐具套装"

    # the server is back: 重新连接 (the open wizard saves into the store it works on first)
    relay.mend()
    window.reconnect_requested.emit()
    qtbot.waitUntil(lambda: getattr(front.book, "shared", False), timeout=20000)
    assert not shiboken6.isValid(wizard) or not wizard.isVisible()
    qtbot.waitUntil(
        lambda: front.moving is not None and front.moving.box is not None, timeout=20000
    )
    offer = front.moving.box
    assert offer.objectName() == "offerCopy" and "有 1 个草稿还没有复制" in offer.text()
    press(qtbot, offer, "copyNow")
    qtbot.waitUntil(
        lambda: front.moving.box is not None and front.moving.box.objectName() == "copyReport",
        timeout=20000,
    )
    assert "已复制 0 个案件、1 个草稿" in front.moving.box.text()
    front.moving.box.accept()
    idle(qtbot)
    drafts = front.book.store.list_drafts()  # this desk's drafts on the server
    numbers = sorted(tuple(d.data["case"]["tracking_numbers"]) for d in drafts)
    assert ("SF1234567890123",) in numbers
    assert window.windowTitle().startswith("共享案件库")


def test_the_case_view_keeps_an_event_and_a_note_the_server_did_not_take(  # type: ignore[no-untyped-def]
    qtbot, desks, shop, relay, tmp_path, monkeypatch
) -> None:
    """Mid-session, in the case view: the record being typed and the note stay (the box says
    so, the note's words are in it), nothing goes to this PC's own store, and 重试 once the
    server is back saves both, each under this desk's name in the timeline."""
    from tests.conftest import make_case

    from ..test_case_view import record

    now = datetime.now(SHANGHAI)
    with shop.desk_store(tmp_path / "warehouse", "仓库") as warehouse:
        case_id = warehouse.add_case(make_case(claim_at=None), now - timedelta(days=2))
    through_relay = ServerSettings("127.0.0.1", shop.server.database, "shop", relay.port)
    settings = desk_settings(tmp_path, "front")
    choose_server(settings, through_relay)
    folder = tmp_path / "front" / "data"
    PassphraseKeyStore(folder, STORE_PASSWORD).set(
        through_relay.password_key(), shop.password.encode()
    )
    monkeypatch.setenv(SHOP_PASSPHRASE_ENV, SHOP_PASSPHRASE)
    monkeypatch.setenv("SELLER_APP_DESK", "前台")
    front = desks("front", settings)
    qtbot.waitUntil(lambda: getattr(front.book, "shared", False), timeout=20000)
    window = front.window
    idle(qtbot)
    view = window.open_case_view(f"c{case_id}")
    assert view is not None

    relay.cut()
    assert view.save_note("快递客服说周五前答复") is False
    box = problem_box(qtbot, window)
    assert box.objectName() == UNREACHABLE_BOX and box.parent() is view
    assert "连不上共享案件库" in box.text() and "Traceback" not in box.text()
    assert "备注没有保存：快递客服说周五前答复" in box.informativeText()
    press(qtbot, box, "cancelSave")

    dialog = record(qtbot, view, "filed", now - timedelta(hours=1), ticket="FR-123")
    box = problem_box(qtbot, window)
    assert box.objectName() == UNREACHABLE_BOX and box.parent() is dialog
    assert "填写的内容还在窗口里" in box.informativeText()
    assert child(box, QPushButton, "workLocally") is not None  # offered, not taken
    press(qtbot, box, "cancelSave")
    assert dialog.isVisible() and dialog.ticket.text() == "FR-123"
    assert not (front.data_dir / "store.sqlite3").exists()  # nothing went to this PC's store
    assert getattr(front.book, "shared", False)  # and the app did not switch by itself

    relay.mend()  # the server is back: saving again works (the store reconnects)
    click(qtbot, dialog.save_button)
    idle(qtbot)
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()  # recorded and closed
    assert view.save_note("快递客服说周五前答复") is True
    with shop.desk_store(tmp_path / "warehouse", "仓库") as warehouse:
        stored = warehouse.get_case(case_id)
        assert stored.case.ticket == "FR-123" and stored.updated_by == "前台"
        assert [note.text for note in warehouse.notes(case_id)] == ["快递客服说周五前答复"]
    items = [view.timeline.topLevelItem(i) for i in range(view.timeline.topLevelItemCount())]
    lines = [(item.text(1), item.text(3)) for item in items]
    assert ("状态改为：已提交", "前台") in lines and ("备注：快递客服说周五前答复", "前台") in lines
    assert lines[0][1] == "仓库"  # made at the warehouse desk
    assert not (front.data_dir / "store.sqlite3").exists()
