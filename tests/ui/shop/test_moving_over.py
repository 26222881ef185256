"""Moving over (issue 17): once the shared store is open the app offers to copy this PC's own
cases and drafts that are not there yet; declining is remembered until there is something new;
the copy runs on a worker with progress, can be stopped after the case being copied and taken
up again without copying anything twice, and its report names the tracking numbers another
desk had already claimed, with that desk. The local store is only read."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from seller_app.credentials import PassphraseKeyStore
from seller_app.domain.case import SHANGHAI
from seller_app.store import Store
from seller_app.ui.shared_store import SHOP_PASSPHRASE_ENV
from tests.conftest import make_case

from ..conftest import idle
from .conftest import (
    SHOP_PASSPHRASE,
    STORE_PASSWORD,
    choose_server,
    desk_settings,
)

NOW = datetime(2026, 11, 21, 10, 0, tzinfo=SHANGHAI)


def press(qtbot, box, name: str) -> None:  # type: ignore[no-untyped-def]
    button = box.findChild(QPushButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    idle(qtbot)


def shown(qtbot, desktop, name: str):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: (
            desktop.moving is not None
            and desktop.moving.box is not None
            and desktop.moving.box.objectName() == name
            and desktop.moving.box.isVisible()
        ),
        timeout=20000,
    )
    return desktop.moving.box


def local_store(folder) -> Store:  # type: ignore[no-untyped-def]
    return Store.open(folder, PassphraseKeyStore(folder, STORE_PASSWORD), desk="前台")


def test_the_offer_the_report_and_a_declined_offer_kept_quiet(  # type: ignore[no-untyped-def]
    qtbot, desks, shop, tmp_path, monkeypatch
) -> None:
    with shop.desk_store(tmp_path / "warehouse", "仓库") as warehouse:
        warehouse.add_case(make_case(tracking_numbers=["SF5555555555555"]), NOW)
    folder = tmp_path / "front" / "data"
    with local_store(folder) as local:
        first = local.add_case(make_case(tracking_numbers=["SF5555555555555"]), NOW)
        local.add_case(make_case(tracking_numbers=["YT1234567890123"]), NOW)
        local.add_note(first, "买家说外箱完好", NOW)
        local.save_draft({"case": {"format": 1, "tracking_numbers": ["JD0001"]}}, 1, NOW)
    settings = desk_settings(tmp_path, "front")
    choose_server(settings, shop.server)
    PassphraseKeyStore(folder, STORE_PASSWORD).set(
        shop.server.password_key(), shop.password.encode()
    )
    monkeypatch.setenv(SHOP_PASSPHRASE_ENV, SHOP_PASSPHRASE)

    front = desks("front", settings)
    offer = shown(qtbot, front, "offerCopy")
    assert "2 个案件、1 个草稿还没有复制到共享案件库" in offer.text()
    assert "本机案件库保持原样" in offer.informativeText()
    press(qtbot, offer, "copyLater")
    assert front.book.store.list_cases() and len(front.book.store.list_cases()) == 1
    front.window.close()
    front.close()

    quiet = desks("front", settings)  # declined: not asked again at every start
    qtbot.waitUntil(lambda: getattr(quiet.book, "shared", False), timeout=20000)
    qtbot.waitUntil(lambda: quiet.moving is not None and not quiet.moving.running, timeout=20000)
    assert quiet.moving.box is None
    quiet.window.close()
    quiet.close()

    with local_store(folder) as local:  # something new made here meanwhile
        local.add_case(make_case(tracking_numbers=["ZTO123456789012"]), NOW)
    again = desks("front", settings)
    offer = shown(qtbot, again, "offerCopy")
    assert "3 个案件、1 个草稿" in offer.text()
    press(qtbot, offer, "copyNow")
    report = shown(qtbot, again, "copyReport")
    text = report.text()
    assert "已复制 3 个案件、1 个草稿到共享案件库" in text
    assert "SF5555555555555" in text and "（仓库）" in text and "重复索赔" in text
    report.accept()
    idle(qtbot)
    shared = again.book.store
    assert len(shared.list_cases()) == 4 and len(shared.list_drafts()) == 1
    copied = [s for s in shared.list_cases() if "SF5555555555555" in s.tracking_numbers]
    assert {s.created_by for s in copied} == {"仓库", "前台"}
    notes = [n.text for s in copied for n in shared.notes(s.id)]
    assert notes == ["买家说外箱完好"]  # re-sealed with the shop's key, readable here
    assert len(again.window.rows) == 5  # 4 cases and this desk's draft, in the list
    with local_store(folder) as local:  # the local store is left exactly as it was
        assert len(local.list_cases()) == 3 and len(local.list_drafts()) == 1


def test_stopping_the_copy_and_taking_it_up_again_copies_nothing_twice(  # type: ignore[no-untyped-def]
    qtbot, desks, shop, tmp_path, monkeypatch
) -> None:
    shop.desk_store(tmp_path / "warehouse", "仓库").close()
    folder = tmp_path / "front" / "data"
    with local_store(folder) as local:
        for number in ("SF1000000000001", "SF1000000000002", "SF1000000000003"):
            local.add_case(make_case(tracking_numbers=[number]), NOW)
    settings = desk_settings(tmp_path, "front")
    choose_server(settings, shop.server)
    PassphraseKeyStore(folder, STORE_PASSWORD).set(
        shop.server.password_key(), shop.password.encode()
    )
    monkeypatch.setenv(SHOP_PASSPHRASE_ENV, SHOP_PASSPHRASE)
    front = desks("front", settings)
    offer = shown(qtbot, front, "offerCopy")
    moving = front.moving
    offer.done(0)  # answered below, by hand: copy, and stop at once
    idle(qtbot)
    moving.start()
    assert moving.progress is not None and moving.progress.isVisible()
    # 取消 on the progress dialog: stops after the case being copied
    qtbot.mouseClick(moving.progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    report = shown(qtbot, front, "copyReport")
    assert "已停止：复制了 1 项" in report.text() and "不会重复" in report.text()
    assert len(front.book.store.list_cases()) == 1
    report.accept()
    idle(qtbot)

    front.window.shared_action.trigger()  # 设置 › 共享案件库 › 复制本机案件
    dialog = front.shared_dialog
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    offer = shown(qtbot, front, "offerCopy")
    assert "有 2 个案件还没有复制到共享案件库" in offer.text()
    press(qtbot, offer, "copyNow")
    report = shown(qtbot, front, "copyReport")
    assert "已复制 2 个案件" in report.text() and "1 个案件以前已经复制过" in report.text()
    report.accept()
    idle(qtbot)
    numbers = sorted(s.tracking_numbers[0] for s in front.book.store.list_cases())
    assert numbers == ["SF1000000000001", "SF1000000000002", "SF1000000000003"]

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)  # nothing left to copy
    report = shown(qtbot, front, "copyReport")
    assert "没有需要复制的案件" in report.text()
    report.accept()
