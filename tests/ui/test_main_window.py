"""The case list: search, status filter, status changes, overdue in red, remembered geometry."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from seller_app.ui.casebook import CaseRecord
from seller_app.ui.main_window import MainWindow
from tests.conftest import NOW, case_dict

from .conftest import idle, type_text


def seed(book) -> dict[str, str]:  # type: ignore[no-untyped-def]
    damage = case_dict(
        incident="damage",
        damage={"extent": "full"},
        tracking_numbers=["SF1234567890123"],
        claim_at="2026-11-16T10:00",
    )
    loss = case_dict(tracking_numbers=["JT0012345678901"], claim_at="2026-11-20T09:00")
    when = datetime(2026, 11, 20, 9, 0, tzinfo=NOW.tzinfo)
    return {
        "a": book.save(CaseRecord("a", damage, "filed", when, 5, amount_claimed="60.00")),
        "b": book.save(CaseRecord("b", loss, "ready", when, 5, amount_claimed="72.00")),
        "c": book.save(CaseRecord("c", {"format": 1, "tracking_numbers": ["YT9"]}, "draft", when)),
    }


def visible_tracking(window: MainWindow) -> list[str]:
    return sorted(window.proxy.index(row, 1).data() for row in range(window.proxy.rowCount()))


def test_search_and_filter(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    seed(book)
    window = make_window()
    assert visible_tracking(window) == ["JT0012345678901", "SF1234567890123", "YT9"]
    type_text(qtbot, window.search, "顺丰")
    assert visible_tracking(window) == ["SF1234567890123"]
    window.search.clear()
    type_text(qtbot, window.search, "jt00")
    assert visible_tracking(window) == ["JT0012345678901"]
    window.search.clear()
    window.status_filter.setCurrentIndex(window.status_filter.findData("draft"))
    assert visible_tracking(window) == ["YT9"]


def test_overdue_deadline_is_red_and_in_the_reminders(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    seed(book)
    window = make_window()
    rows = {window.proxy.index(r, 1).data(): r for r in range(window.proxy.rowCount())}
    overdue = window.proxy.index(rows["SF1234567890123"], 6)
    color = overdue.data(Qt.ItemDataRole.ForegroundRole).color()
    assert color == QColor("#b3261e")
    texts = [window.reminders.list.item(i).text() for i in range(window.reminders.list.count())]
    assert any("SF1234567890123" in text for text in texts)


def test_status_change_and_amount_recovered(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    ids = seed(book)
    window = make_window()
    assert book.next_statuses(ids["a"]) == ["answered", "agreed", "rejected", "closed"]
    window.set_status(ids["a"], "agreed")
    window.set_status(ids["a"], "paid", "60.00")
    idle(qtbot)
    assert book.get(ids["a"]).status == "paid"
    rows = {window.proxy.index(r, 1).data(): r for r in range(window.proxy.rowCount())}
    assert window.proxy.index(rows["SF1234567890123"], 5).data() == "¥60.00"
    assert window.proxy.index(rows["SF1234567890123"], 6).data() == "—"  # done: no deadlines


def test_window_size_is_remembered(qtbot, make_window, settings) -> None:  # type: ignore[no-untyped-def]
    first = make_window()
    first.resize(720, 480)
    first.close()
    assert settings.value("main/geometry") is not None
    second = make_window()
    assert (second.width(), second.height()) == (720, 480)


def test_tab_reaches_every_field_of_the_shipment_page(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.new_button, Qt.MouseButton.LeftButton)
    page = window.wizard.currentPage()
    wanted = [
        page.tracking,
        page.carrier,
        page.order_id,
        page.region,
        page.posted_at,
        page.service_fee,
        page.weight,
        page.insured,
    ]
    page.tracking.setFocus()
    reached = []
    for _ in range(24):  # the date edit takes one Tab per section
        focus = window.wizard.focusWidget()
        reached.append(focus)
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    for widget in wanted:
        assert any(w is widget or widget.isAncestorOf(w) for w in reached), widget.objectName()


def test_a_closed_wizard_is_freed_on_the_gui_thread(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Closed wizards were never freed (left for the garbage collector, which may run on a
    worker thread); the next one frees the last, with deleteLater on the GUI thread."""
    import shiboken6

    first = window.open_wizard(None)
    assert first.close_without_asking()
    assert window.wizard is first  # still there to look at after it closed
    second = window.open_wizard(None)
    assert second is not first and second.isVisible()
    qtbot.waitUntil(lambda: not shiboken6.isValid(first))


def test_choosing_the_current_language_again_keeps_it_checked(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    (menu,) = [a.menu() for a in window.menuBar().actions() if a.text().startswith("语言")]
    chinese, english = menu.actions()
    with qtbot.assertNotEmitted(window.language_requested):
        chinese.trigger()
    assert chinese.isChecked() and not english.isChecked()
    with qtbot.waitSignal(window.language_requested) as asked:
        english.trigger()
    assert asked.args == ["en"]


def test_a_window_saved_off_screen_comes_back_into_view(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    first = make_window()
    first.resize(3000, 2000)  # bigger than the (800 x 600 offscreen) screen, and off it
    first.move(2500, 1800)
    first.close()
    second = make_window()
    area = second.screen().availableGeometry()
    assert area.contains(second.frameGeometry())


def test_a_stale_refresh_never_overwrites_a_newer_one(  # type: ignore[no-untyped-def]
    qtbot, book, make_window, monkeypatch
) -> None:
    """Two refreshes in a row run side by side on the pool; the older one finishing last must
    not put the older records back on screen (a status changed twice showed the first)."""
    import threading

    from seller_app.ui import case_rows as module
    from seller_app.ui.tasks import task_pool

    ids = seed(book)
    window = make_window()
    real = module.case_rows
    newer_shown = threading.Event()
    window.rows_loaded.connect(newer_shown.set)
    started: list[int] = []

    def first_one_slow(records, *args):  # type: ignore[no-untyped-def]
        started.append(1)
        if len(started) == 1:
            newer_shown.wait(5)  # the older refresh finishes after the newer one is shown
        return real(records, *args)

    monkeypatch.setattr(module, "case_rows", first_one_slow)
    pool = task_pool()
    threads = pool.maxThreadCount()
    pool.setMaxThreadCount(max(threads, 2))
    try:
        window.refresh()  # the list as it is: SF… filed
        book.set_status(ids["a"], "agreed", NOW)
        window.refresh()
        idle(qtbot)
    finally:
        pool.setMaxThreadCount(threads)
    rows = {window.proxy.index(r, 1).data(): r for r in range(window.proxy.rowCount())}
    assert window.proxy.index(rows["SF1234567890123"], 0).data() == "已谈妥"


def test_the_lists_role_numbers_are_qts() -> None:
    """The case list names Qt's roles by their numbers (no `Qt` namespace before the first
    frame, issue 16): the numbers Qt gives them."""
    from seller_app.ui.widgets import case_table as table

    assert Qt.ItemDataRole.DisplayRole.value == table.DISPLAY_ROLE
    assert Qt.ItemDataRole.ToolTipRole.value == table.TOOL_TIP_ROLE
    assert Qt.ItemDataRole.FontRole.value == table.FONT_ROLE
    assert Qt.ItemDataRole.TextAlignmentRole.value == table.TEXT_ALIGNMENT_ROLE
    assert Qt.ItemDataRole.BackgroundRole.value == table.BACKGROUND_ROLE
    assert Qt.ItemDataRole.ForegroundRole.value == table.FOREGROUND_ROLE
    assert Qt.ItemDataRole.UserRole.value == table.USER_ROLE
    assert Qt.Orientation.Horizontal.value == table.HORIZONTAL
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert right.value == table.ALIGN_RIGHT_VCENTER


def test_the_money_columns_are_right_aligned_and_headed(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    seed(book)
    window = make_window()
    header = [window.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert header[1] == "快递单号" and header[4] == "索赔金额"
    assert window.proxy.headerData(0, Qt.Orientation.Vertical) != "状态"
    align = window.proxy.index(0, 4).data(Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(align) == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
