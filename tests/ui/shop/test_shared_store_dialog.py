"""设置 › 共享案件库 against a real PostgreSQL (issue 17): the first desk tests the connection
(which changes nothing on the server), sets the shop up with a new shop passphrase (asked twice,
at least 8 characters); another desk unlocks it once with the passphrase and from then on opens
it without asking; the choice and the password survive a restart (the password in the keychain,
never in the settings file); ``SELLER_APP_DATABASE_URL`` opens the shared store as for the
command line; the shop passphrase is changed from the dialog."""

from __future__ import annotations

from pathlib import Path

import psycopg
from PySide6.QtCore import Qt

from seller_app.store import Store
from seller_app.store.server import URL_ENV
from seller_app.ui.shared_store import SHOP_PASSPHRASE_ENV
from seller_app.ui.store_book import StoreCaseBook
from tests.conftest import NOW, make_case

from ..conftest import clear_and_type, idle, type_text
from .conftest import (
    SHOP_PASSPHRASE,
    STORE_PASSWORD,
    choose_server,
    desk_settings,
    keys_of,
)


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def fill_in(qtbot, dialog, shop, *, password: str | None = None, desk: str = "前台") -> None:  # type: ignore[no-untyped-def]
    server = shop.server
    clear_and_type(qtbot, dialog.host, server.host)
    dialog.port.setValue(server.port)
    clear_and_type(qtbot, dialog.database, server.database)
    clear_and_type(qtbot, dialog.user, server.user)
    clear_and_type(qtbot, dialog.password, shop.password if password is None else password)
    clear_and_type(qtbot, dialog.desk, desk)


def tables(shop) -> list[str]:  # type: ignore[no-untyped-def]
    with psycopg.connect(shop.url()) as conn:
        rows = conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchall()
    return [row[0] for row in rows]


def passphrase_in(qtbot, dialog, first: str, second: str | None = None) -> None:  # type: ignore[no-untyped-def]
    clear_and_type(qtbot, dialog.first, first)
    if dialog.asks_twice:
        clear_and_type(qtbot, dialog.second, first if second is None else second)
    click(qtbot, dialog.ok_button)


def test_the_first_desk_tests_the_server_and_sets_the_shop_up(qtbot, desks, shop) -> None:  # type: ignore[no-untyped-def]
    front = desks("front")
    qtbot.waitUntil(lambda: isinstance(front.book, StoreCaseBook))
    window = front.window
    assert not window.place_label.isVisible()  # one desk, no server: nothing new to read
    window.shared_action.trigger()
    dialog = front.shared_dialog
    assert dialog is not None and dialog.isVisible()
    assert "本机案件库" in dialog.place.text() and dialog.local_button.isHidden()

    click(qtbot, dialog.test_button)  # nothing filled in: said, nothing tried
    assert "服务器地址" in dialog.result.text()

    fill_in(qtbot, dialog, shop, password="wrong password")
    click(qtbot, dialog.test_button)
    qtbot.waitUntil(lambda: "✗" in dialog.result.text(), timeout=20000)
    assert "拒绝了用户 shop 的登录" in dialog.result.text()

    clear_and_type(qtbot, dialog.password, shop.password)
    click(qtbot, dialog.test_button)
    qtbot.waitUntil(lambda: "✓" in dialog.result.text(), timeout=20000)
    assert "还没有共享案件库" in dialog.result.text()
    assert tables(shop) == []  # testing changed nothing on the server

    click(qtbot, dialog.use_button)
    qtbot.waitUntil(lambda: front.shop_dialog is not None, timeout=20000)
    ask = front.shop_dialog
    assert ask.mode == "new_shop" and ask.asks_twice and ask.warning.isVisible()
    assert "无法找回" in ask.warning.text()
    passphrase_in(qtbot, ask, "短口令")  # too short: said beside the field
    assert ask.isVisible() and "至少要 8 个字符" in ask.error.text()
    passphrase_in(qtbot, ask, SHOP_PASSPHRASE, SHOP_PASSPHRASE + "x")
    assert ask.isVisible() and "不一致" in ask.error.text()
    passphrase_in(qtbot, ask, SHOP_PASSPHRASE)

    qtbot.waitUntil(lambda: getattr(front.book, "shared", False), timeout=20000)
    idle(qtbot)
    name = f"127.0.0.1:{shop.server.port}/{shop.server.database}"
    assert window.windowTitle() == f"共享案件库 {name}"
    assert window.place_label.isVisible() and name in window.place_label.text()
    assert "共享案件库" in window.statusBar().currentMessage()
    assert "已切换到共享案件库" in dialog.result.text()
    assert "共享案件库" in dialog.place.text() and dialog.local_button.isVisible()
    assert dialog.passphrase_button.isVisible() and dialog.copy_button.isVisible()
    assert front.book.store.desk.name == "前台"

    # the choice is kept, the password in this desk's key file -- never in the settings file
    settings_file = Path(front.settings.fileName())
    front.settings.sync()
    assert shop.server.database in settings_file.read_text("utf-8")
    assert shop.password not in settings_file.read_text("utf-8")
    assert keys_of(front).get(shop.server.password_key()) == shop.password.encode()

    # a case made here is on the server, sealed
    window.book.store.add_case(make_case(buyer={"name": "张三丰", "phone": "13812345678"}), NOW)
    with psycopg.connect(shop.url()) as conn:
        assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
        raw = b"".join(bytes(row[0]) for row in conn.execute("SELECT pii FROM cases"))
    assert "张三丰".encode() not in raw


def test_another_desk_unlocks_once_then_opens_without_asking(qtbot, desks, shop, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with shop.desk_store(tmp_path / "warehouse", "仓库") as warehouse:  # the shop is set up
        warehouse.add_case(make_case(), NOW)
    settings = desk_settings(tmp_path, "front")
    choose_server(settings, shop.server)  # chosen earlier; this desk has no password yet
    front = desks("front", settings)
    window = front.window
    qtbot.waitUntil(lambda: window.store_state == "server_failed", timeout=20000)
    assert "拒绝了用户 shop 的登录" in window.empty_hint.text()
    assert window.server_buttons.isVisible()
    assert not (front.data_dir / "store.sqlite3").exists()  # nothing opened elsewhere

    click(qtbot, window.server_buttons.findChild(type(window.new_button), "sharedStoreSettings"))
    dialog = front.shared_dialog
    assert dialog.host.text() == "127.0.0.1" and dialog.database.text() == shop.server.database
    clear_and_type(qtbot, dialog.password, shop.password)
    clear_and_type(qtbot, dialog.desk, "前台")
    click(qtbot, dialog.use_button)
    qtbot.waitUntil(lambda: front.shop_dialog is not None, timeout=20000)
    ask = front.shop_dialog
    assert ask.mode == "open_shop" and not ask.asks_twice and not ask.warning.isVisible()
    passphrase_in(qtbot, ask, "不是这个口令")
    qtbot.waitUntil(
        lambda: front.shop_dialog is not None and front.shop_dialog is not ask, timeout=20000
    )
    again = front.shop_dialog
    assert "店铺口令不正确" in again.error.text()
    passphrase_in(qtbot, again, SHOP_PASSPHRASE)
    qtbot.waitUntil(lambda: getattr(front.book, "shared", False), timeout=20000)
    idle(qtbot)
    assert [row.tracking for row in window.rows] == ["SF1234567890123"]  # the other desk's case
    dialog.reject()
    idle(qtbot)
    front.window.close()
    front.close()

    # next start: the key and the password are in this desk's key file; nothing is asked
    again_app = desks("front", settings)
    qtbot.waitUntil(lambda: getattr(again_app.book, "shared", False), timeout=20000)
    assert again_app.shop_dialog is None and again_app.passphrase_dialog is None
    idle(qtbot)
    assert len(again_app.window.rows) == 1


def test_the_command_line_s_database_variable_opens_the_shared_store(  # type: ignore[no-untyped-def]
    qtbot, desks, shop, tmp_path, monkeypatch
) -> None:
    with shop.desk_store(tmp_path / "warehouse", "仓库") as warehouse:
        warehouse.add_case(make_case(), NOW)
    monkeypatch.setenv(URL_ENV, shop.url())
    monkeypatch.setenv(SHOP_PASSPHRASE_ENV, SHOP_PASSPHRASE)
    front = desks("front")
    qtbot.waitUntil(lambda: getattr(front.book, "shared", False), timeout=20000)
    idle(qtbot)
    assert len(front.window.rows) == 1 and front.shop_dialog is None
    front.window.shared_action.trigger()
    dialog = front.shared_dialog
    assert dialog.env_note.isVisible() and "SELLER_APP_DATABASE_URL" in dialog.env_note.text()
    assert dialog.database.text() == shop.server.database
    # the variable is not written into the settings file
    front.settings.sync()
    settings_file = Path(front.settings.fileName())
    assert not settings_file.exists() or "shop_server" not in settings_file.read_text("utf-8")


def test_the_shop_passphrase_is_changed_from_the_dialog(qtbot, desks, shop, tmp_path) -> None:  # type: ignore[no-untyped-def]
    shop.desk_store(tmp_path / "warehouse", "仓库").close()
    settings = desk_settings(tmp_path, "front")
    choose_server(settings, shop.server)
    keys = keys_of_folder(tmp_path / "front" / "data")
    keys.set(shop.server.password_key(), shop.password.encode())
    front = desks("front", settings)
    qtbot.waitUntil(lambda: front.shop_dialog is not None, timeout=20000)
    passphrase_in(qtbot, front.shop_dialog, SHOP_PASSPHRASE)
    qtbot.waitUntil(lambda: getattr(front.book, "shared", False), timeout=20000)
    idle(qtbot)

    front.window.shared_action.trigger()
    dialog = front.shared_dialog
    click(qtbot, dialog.passphrase_button)
    change = dialog.passphrase_dialog
    assert change.mode == "change_shop" and change.old.isVisible()
    assert "不能把已经接入的电脑拒之门外" in change.intro.text()
    new = "新的店铺口令 2026"
    type_text(qtbot, change.old, "不对的口令")
    passphrase_in(qtbot, change, new)
    qtbot.waitUntil(
        lambda: dialog.passphrase_dialog is not None and dialog.passphrase_dialog is not change,
        timeout=20000,
    )
    assert "不正确" in dialog.result.text()
    change = dialog.passphrase_dialog
    assert "现在的店铺口令不正确" in change.error.text()
    type_text(qtbot, change.old, SHOP_PASSPHRASE)
    passphrase_in(qtbot, change, new)
    qtbot.waitUntil(lambda: "✓" in dialog.result.text(), timeout=20000)
    assert "已经接入的电脑照常使用" in dialog.result.text()

    # a new desk needs the new passphrase; the old one no longer opens the shop's key
    from seller_app.credentials import PassphraseKeyStore
    from seller_app.store import KeyProblemError

    newcomer = tmp_path / "newcomer"
    for passphrase, works in ((SHOP_PASSPHRASE, False), (new, True)):
        try:
            Store.open_shared(
                shop.url(),
                PassphraseKeyStore(newcomer, STORE_PASSWORD),
                data_dir=newcomer,
                shop_passphrase=lambda creating, p=passphrase: p,
            ).close()
            opened = True
        except KeyProblemError:
            opened = False
        assert opened is works


def keys_of_folder(folder: Path):  # type: ignore[no-untyped-def]
    from seller_app.credentials import PassphraseKeyStore

    return PassphraseKeyStore(folder, STORE_PASSWORD)
