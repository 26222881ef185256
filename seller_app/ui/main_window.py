"""The main window: where the seller stands (the summary header), the case list with search and
status filter, "New claim", the reminders panel, and tray notifications of what is due.

A case opens in its case view (double-click, Enter, the reminders, 案件 → 打开); a draft opens
in the claim wizard where it was left. The File menu holds the work on the whole store: new
claim, batch import, a case's evidence pack, backup and restore, and a year's official holiday
schedule. Until the store is open the list says why it is empty (opening, waiting for the
password, failed) instead of "no cases yet".

Several desks, one shop (issue 17): 设置 › 共享案件库 (the app opens the dialog); the title and
the status bar say which store the window works on -- 本机案件库 or the 共享案件库's name -- and,
when the shop server cannot be reached at start, the window says why with 重新连接, 在本机案件库上
工作 and 共享案件库设置. A save the server did not take is said by `SaveProblems` (another desk's
change: 重新载入; the server away: 重试 or this PC's own store, the seller's choice).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .catalog_source import CatalogSource
from .opening_book import OpeningBook
from .tasks import run_task
from .widgets.case_status import RECORD_ID_ROLE, STATUSES, status_name
from .widgets.first_frame import after_first_frame
from .widgets.fit import keep_on_screen
from .widgets.reminders import RemindersPanel
from .widgets.summary_bar import SummaryBar

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QIcon
    from PySide6.QtWidgets import QSystemTrayIcon

    from .case_rows import CaseRow
    from .case_view import CaseView
    from .casebook import CaseBook, CaseRecord
    from .passphrase_dialog import PassphraseDialog
    from .save_problems import SaveProblems
    from .store_work import StoreWork
    from .widgets.case_table import CaseFilter, CaseTableModel

log = logging.getLogger(__name__)

REFRESH_MS = 30 * 60 * 1000


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    rows_loaded = Signal()
    unlock_requested = Signal()
    """The seller wants to type the store's password (after cancelling the first ask)."""
    restore_requested = Signal(object, str)
    """(backup file, its password): the app closes the store, restores and reopens it."""
    shared_store_requested = Signal()
    """设置 › 共享案件库: the app opens the dialog (issue 17)."""
    reconnect_requested = Signal()
    """Try the shop server again (it could not be reached)."""
    local_requested = Signal()
    """Work on this PC's own store while the shop server is away (the seller's choice)."""

    def __init__(
        self,
        book: CaseBook,
        catalog: CatalogSource,
        settings: QSettings,
        lang: str,
        clock: Callable[[], datetime],
        files_dir: Path | Callable[[], Path],
        icon: QIcon | None = None,
        *,
        data_dir: Path | Callable[[], Path] | None = None,
    ) -> None:
        """`files_dir` and `data_dir` (by default `files_dir`'s parent) may be functions, asked
        when the folder is first needed (the app: after the first frame, issue 16)."""
        super().__init__()
        self.book = book
        self.catalog = catalog
        self.settings = settings
        self.lang = lang
        self.clock = clock
        self._files_dir = files_dir
        self._data_dir = data_dir
        self.wizard = None
        self.case_view: CaseView | None = None
        self.batch_dialog = None
        self.work_on_close: tuple[str, str] | None = None
        self.store_state = "open"
        self.place: tuple[str | None, bool] = (None, False)  # (shared store's name, fallback)
        self._problems: SaveProblems | None = None  # `problems`: made when first needed
        self.rows: list[CaseRow] = []
        self._refreshes = 0
        self._notified: set[tuple[str, str]] = set()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("理赔助手"))
        if icon is not None:
            self.setWindowIcon(icon)

        self._work: StoreWork | None = None  # backup, restore, holidays: on first use
        self.summary = SummaryBar(lang)
        self.summary.setObjectName("summaryBar")
        self.new_button = QPushButton(self.tr("＋ 新建索赔"))
        self.new_button.setObjectName("newClaim")
        self.new_button.setDefault(True)
        self.new_button.setStyleSheet("font-weight: bold; padding: 6px 16px;")
        self.new_button.clicked.connect(lambda: self.open_wizard(None))
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("搜索单号、快递公司、问题…"))
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("全部状态"), None)  # the statuses: `_finish`

        self.model: CaseTableModel  # and `proxy` (search and filters): `_finish`
        self.proxy: CaseFilter
        self.table = QTableView()  # hidden until the store is open; set up in `_finish`
        self.table.setObjectName("caseTable")
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.table.customContextMenuRequested.connect(self._context_menu)  # asked for: `_finish`
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setWordWrap(True)
        # centred by the style sheet (Qt reads the flag's name): no `Qt` namespace before the
        # first frame, see `_finish`
        self.empty_hint.setStyleSheet(
            "color: #555; padding: 24px; qproperty-alignment: AlignCenter;"
        )
        self.unlock_button = QPushButton(self.tr("输入密码…"))
        self.unlock_button.setObjectName("unlockStore")
        self.unlock_button.clicked.connect(self.unlock_requested.emit)
        self.unlock_row = _centred(self.unlock_button)  # shown and hidden with its button
        self.unlock_row.hide()
        self.server_buttons = self._server_buttons()
        self.place_label = QLabel()
        self.place_label.setObjectName("storePlace")
        self.statusBar().addPermanentWidget(self.place_label)
        self.place_label.hide()

        self.reminders = RemindersPanel(lang)
        self.reminders.open_case.connect(self.open_record)

        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addSpacing(12)
        top.addWidget(self.search, 1)
        top.addWidget(self.status_filter)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty_hint, 1)  # in the table's place while there is none
        left_layout.addWidget(self.unlock_row)
        left_layout.addWidget(self.server_buttons)  # its buttons centred in their row
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.reminders)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self._build_menus()
        if isinstance(book, OpeningBook):
            self.set_store_state("opening")
        else:
            self._allow_store_work(True)
            self.statusBar().showMessage(self.tr("所有资料只保存在这台电脑上。"))

        self.tray: QSystemTrayIcon | None = None  # `_finish`: not part of the window
        self._tray_icon = icon
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self._restore_geometry()
        self.search.setFocus()  # not a header tile: typing searches
        self._finished = False
        if isinstance(book, OpeningBook):
            after_first_frame(self, self._finish)  # or when the store opens first (`set_book`)
        else:
            self._finish()
            self.refresh()  # else when the store is open (`set_book`): nothing to list before

    def _finish(self) -> None:
        """What the first frame does not show (issue 16): the list's model (with the search and
        the filters, the status filter's statuses), columns and order, newest first (the list
        is hidden until the store is open), its context menu and the menus' shortcuts (each
        needs PySide6's `Qt` namespace, whose ~100 enum types PySide6 builds all at once on its
        first use, 20-30 ms), the search box's clear button (empty at first) and the tray icon.
        In the app that is after the window's first frame; a window made on an open store does
        it at once."""
        if self._finished:
            return
        self._finished = True
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeySequence
        from PySide6.QtWidgets import QAbstractItemView, QHeaderView

        from .widgets.case_table import CaseFilter, CaseTableModel

        self.model = CaseTableModel(self.lang, self)
        self.proxy = CaseFilter(self)
        self.proxy.setSourceModel(self.model)
        for status in STATUSES:  # the filter's list, opened only once the store is
            self.status_filter.addItem(status_name(status), status)
        self.proxy.set_search(self.search.text())
        self.proxy.set_status(self.status_filter.currentData())
        self.search.textChanged.connect(self.proxy.set_search)
        self.status_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_status(self.status_filter.currentData())
        )
        self.summary.view_changed.connect(self.proxy.set_view)
        table = self.table
        table.setSortingEnabled(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        # Every column as wide as its text (the next deadline was squeezed to "…" at 150 %
        # scaling); a narrow window scrolls sideways instead of cutting words off.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setModel(self.proxy)  # the header connects to signals with `Qt` enums
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable_actions())
        self.table.sortByColumn(7, Qt.SortOrder.DescendingOrder)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        # Ctrl+N, Ctrl+O, Ctrl+Q (QAction.setShortcut builds the `Qt` namespace choosing among
        # its overloads); 退出 from every window, a case view too
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.search.setClearButtonEnabled(True)  # shown once there is text (its icon: 0.8 ms)
        self._make_tray()
        self.work  # noqa: B018 - made now, not when the seller first asks for a backup

    @property
    def files_dir(self) -> Path:
        if callable(self._files_dir):
            self._files_dir = self._files_dir()
        return self._files_dir

    @property
    def data_dir(self) -> Path:
        if self._data_dir is None:
            return self.files_dir.parent
        if callable(self._data_dir):
            self._data_dir = self._data_dir()
        return self._data_dir

    @property
    def problems(self) -> SaveProblems:
        """What the window says when a save or a load did not happen (made on first need)."""
        if self._problems is None:
            from .save_problems import SaveProblems

            shared = self.place[0] is not None  # a shared store's save can go to this PC's
            self._problems = SaveProblems(self.lang, self, can_go_local=shared)
            self._problems.local_requested.connect(self.local_requested)
        return self._problems

    def set_icon(self, icon: QIcon) -> None:
        """The app's icon, known after the first frame: the window's, and the tray's."""
        self.setWindowIcon(icon)
        self._tray_icon = icon
        if self._finished and self.tray is None:
            self._make_tray()

    def _make_tray(self) -> None:
        """The icon in the system tray that says what falls due (where there is a tray)."""
        from PySide6.QtWidgets import QSystemTrayIcon

        icon = self._tray_icon
        if icon is None or not QSystemTrayIcon.isSystemTrayAvailable():
            return
        self.tray = QSystemTrayIcon(icon, self)
        self.tray.setToolTip(self.tr("理赔助手"))
        self.tray.activated.connect(lambda *_: (self.showNormal(), self.raise_()))
        self.tray.show()

    # ------------------------------------------------------------------ menus

    def _action(self, text: str, slot: Callable[[], Any], name: str) -> QAction:
        # QAction(parent) and setText: QAction(text, parent) makes PySide6 weigh the overload
        # taking a QIcon, and so build QIcon's enums (1.4 ms) before the first frame
        action = QAction(self)
        action.setText(text)
        action.setObjectName(name)
        action.triggered.connect(lambda _=False: slot())
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self.new_action = self._action(
            self.tr("新建索赔(&N)"), lambda: self.open_wizard(None), "newAction"
        )
        self.batch_action = self._action(
            self.tr("批量导入订单(&B)…"), self.open_batch_import, "batchImport"
        )
        self.pack_action = self._action(
            self.tr("导出所选案件的证据包(&E)…"), self.export_pack, "exportPack"
        )
        self.backup_action = self._action(self.tr("备份全部数据(&K)…"), self.backup, "backup")
        self.restore_action = self._action(
            self.tr("从备份恢复(&R)…"), self.restore_backup, "restore"
        )
        self.holidays_action = self._action(
            self.tr("导入国务院放假安排(&H)…"), self.import_holidays, "importHolidays"
        )
        self.holidays_action.setToolTip(
            self.tr("软件自带的放假安排到 2026 年；之后每年 11 月国务院公布次年安排后可以导入")
        )
        quit_action = self._action(self.tr("退出(&Q)"), self.close, "quit")
        self.quit_action = quit_action
        for item in (
            self.new_action,
            self.batch_action,
            None,
            self.pack_action,
            self.backup_action,
            self.restore_action,
            None,
            self.holidays_action,
            None,
            quit_action,
        ):
            if item is None:
                file_menu.addSeparator()
            else:
                file_menu.addAction(item)
        file_menu.setToolTipsVisible(True)

        case_menu = self.menuBar().addMenu(self.tr("案件(&C)"))
        self.open_action = self._action(self.tr("打开所选案件(&O)"), self._open_selected, "open")
        self.edit_action = self._action(
            self.tr("在向导中查看或修改(&W)"), self._edit_selected, "editInWizard"
        )
        case_menu.addAction(self.open_action)
        case_menu.addAction(self.edit_action)

        settings_menu = self.menuBar().addMenu(self.tr("设置(&S)"))
        self.shared_action = self._action(
            self.tr("共享案件库(&S)…"), self.shared_store_requested.emit, "sharedStore"
        )
        self.shared_action.setToolTip(
            self.tr("店里几台电脑用同一个案件库：连接店里局域网上的 PostgreSQL 服务器")
        )
        settings_menu.addAction(self.shared_action)
        settings_menu.setToolTipsVisible(True)

        language = self.menuBar().addMenu(self.tr("语言(&L)"))
        languages = QActionGroup(self)  # one checked, and choosing it again leaves it checked
        languages.setExclusive(True)
        for code, name in (("zh", "中文"), ("en", "English")):
            action = QAction(languages)  # not (name, parent): see `_action`
            action.setText(name)
            action.setCheckable(True)
            action.setChecked(code == self.lang)
            action.triggered.connect(lambda _=False, c=code: self._switch_language(c))
            language.addAction(action)

    def _switch_language(self, lang: str) -> None:
        if lang != self.lang:
            self.language_requested.emit(lang)

    def _enable_actions(self) -> None:
        is_open = self.store_state == "open" and not self.busy
        selected = self.selected_record_id() or ""
        self.pack_action.setEnabled(is_open and selected.startswith("c"))
        self.open_action.setEnabled(bool(selected))
        self.edit_action.setEnabled(is_open and bool(selected))
        self.backup_action.setEnabled(is_open)
        # A shop server's backup is put back with `seller-claims cases restore --database`: it
        # replaces every desk's cases at once, which one desk's menu should not do by surprise.
        shared = bool(getattr(self.book, "shared", False))
        self.restore_action.setEnabled(is_open and not shared)
        self.restore_action.setToolTip(
            self.tr(
                "共享案件库的备份请用命令行恢复：seller-claims cases restore 备份文件 "
                "--database 服务器地址"
            )
            if shared
            else ""
        )

    # ------------------------------------------------------------------ the store's state

    def set_store_state(self, state: str, message: str = "") -> None:
        """While the store is not open: say why the list is empty (``opening``, ``asking``
        for the password, ``locked`` after the seller cancelled, ``failed``, ``restoring``)."""
        self.store_state = state
        words = {
            "opening": self.tr("正在打开案件库…"),
            "asking": self.tr("请在弹出的窗口中输入案件库密码。"),
            "locked": self.tr("案件库还没有打开：需要输入密码。"),
            "failed": self.tr("无法打开案件库。"),
            "restoring": self.tr("正在从备份恢复，请稍候…"),
            "connecting": self.tr("正在连接共享案件库…"),
            "server_failed": self.tr("无法打开共享案件库。"),
            "asking_shop": self.tr("请在弹出的窗口中输入店铺口令。"),
        }
        text = words.get(state, "")
        if message and message != text:
            text = f"{text}\n{message}" if state in ("failed", "server_failed") else message
        self.empty_hint.setText(text)
        self.empty_hint.show()
        self.table.hide()
        self.unlock_row.setVisible(state == "locked")
        self.server_buttons.setVisible(state == "server_failed")
        self.summary.hide()
        self._allow_store_work(False)
        self.statusBar().showMessage(words.get(state, ""))

    def set_book(self, book: CaseBook) -> None:
        """The store is open: list its cases and allow new claims."""
        self._finish()  # the store opened before the first frame was painted
        self.book = book
        self.store_state = "open"
        self.unlock_row.hide()
        self.server_buttons.hide()
        self._allow_store_work(True)
        if getattr(book, "shared", False):
            self.statusBar().showMessage(
                self.tr(
                    "案件保存在共享案件库里；买家信息、备注、照片和文件先在这台电脑上加密再发送。"
                )
            )
        else:
            self.statusBar().showMessage(self.tr("所有资料只保存在这台电脑上，买家信息加密保存。"))
        self.refresh()

    # ------------------------------------------------------------------ which store (issue 17)

    def _server_buttons(self) -> QWidget:
        """What the seller can do when the shop server could not be used at start."""
        box = QWidget()
        box.setObjectName("serverButtons")
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        for text, signal, name in (
            (self.tr("重新连接"), self.reconnect_requested, "reconnect"),
            (self.tr("在本机案件库上工作"), self.local_requested, "workLocally"),
            (self.tr("共享案件库设置…"), self.shared_store_requested, "sharedStoreSettings"),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _=False, s=signal: s.emit())
            row.addWidget(button)
        row.addStretch(1)
        box.hide()
        return box

    def set_place(self, shared_name: str | None, *, fallback: bool = False) -> None:
        """Say which store this window works on: the shop's shared store `shared_name`, or this
        PC's own -- named only where a shop server is set up (`fallback`: the shared store is
        chosen but could not be reached, and the seller chose to work locally meanwhile)."""
        self.place = (shared_name, fallback)
        if self._problems is not None:
            self._problems.can_go_local = shared_name is not None
        if shared_name is not None:
            words = self.tr("共享案件库 %1").replace("%1", shared_name)
            tone = "color: #0d47a1;"
        elif fallback:
            words = self.tr("本机案件库（共享案件库未连接）")
            tone = "color: #8a5300; font-weight: bold;"
        else:
            words = ""
            tone = ""
        self.place_label.setText(words)
        self.place_label.setStyleSheet(tone)
        self.place_label.setVisible(bool(words))
        # Qt adds the app's name to the title itself (app.py); the store comes first.
        self.setWindowTitle(words or self.tr("理赔助手"))

    def work_windows_close(self) -> bool:
        """Close the wizard and the case view before the app changes stores, saving what they
        hold into the store they came from; False (both stay) when that save failed."""
        wizard = self.wizard
        if wizard is not None and wizard.isVisible() and not wizard.close_without_asking():
            return False
        view = self.case_view
        if view is not None and view.isVisible():
            view.close()
        return True

    def carry_work(self, book: CaseBook, files_dir: Path) -> None:
        """The app switched to `book` while the old store could not be reached (the seller's
        choice): an open draft goes along as a new draft there; a stored case and the case
        view, which live in the old store, close (what they showed was not changed)."""
        wizard = self.wizard
        if wizard is not None and wizard.isVisible() and not wizard.move_to(book, files_dir):
            wizard.close_unsaved()
        view = self.case_view
        if view is not None and view.isVisible():
            view.close()

    def _allow_store_work(self, allowed: bool) -> None:
        """The button and 文件 → 新建索赔 (Ctrl+N) go together: off until the store is open."""
        allowed = allowed and not isinstance(self.book, OpeningBook)
        self.new_button.setEnabled(allowed)
        self.new_action.setEnabled(allowed)
        self.batch_action.setEnabled(allowed)
        self.holidays_action.setEnabled(True)
        self._enable_actions()

    # ------------------------------------------------------------------ the list

    def refresh(self) -> None:
        """Reload the records and recompute rows and reminders on the thread pool. Two
        refreshes in a row (a status changed twice) may finish in either order on the pool:
        only the latest one's rows are shown."""
        book, catalog, lang, now = self.book, self.catalog, self.lang, self.clock()
        self._refreshes += 1
        number = self._refreshes

        def case_rows():  # type: ignore[no-untyped-def]
            from .case_rows import case_rows

            # Read on the worker too: on a shop server that is a round trip over the LAN, and
            # a server gone away must not freeze the window.
            return case_rows(book.records(), catalog.get(), lang, now)

        run_task(
            case_rows,
            lambda rows: self._rows_ready(rows, number),
            on_error=lambda error: self._rows_failed(error, number),
            owner=self,
        )

    def _rows_ready(self, rows: list[CaseRow], number: int | None = None) -> None:
        from .case_rows import due_soon, summarize

        if number is not None and number != self._refreshes:
            return  # a later refresh is on its way with newer records
        self._finish()  # the list's model (a refresh before the first frame is done)
        self.rows = rows
        self.model.set_rows(rows)
        now = self.clock()
        if self.store_state == "open":
            self.empty_hint.setText(self.tr("还没有案件。点“新建索赔”，几分钟就能填好一份索赔单。"))
            self.empty_hint.setVisible(not rows)
            self.table.setVisible(bool(rows))
            self.summary.show_summary(summarize(rows, now))
            self.summary.show()
        today, week = due_soon(rows, now)
        self.reminders.show_items(today, week, now)
        self._notify(today)
        self._enable_actions()
        self.rows_loaded.emit()

    def _rows_failed(self, error: Exception, number: int | None = None) -> None:
        from .save_problems import is_unreachable

        if number is not None and number != self._refreshes:
            # a later refresh is on its way (the store was switched or reopened meanwhile)
            log.info("an earlier refresh failed: %s", error)
            return
        if is_unreachable(error):
            self.statusBar().showMessage(_message(error, self.lang))
            self.problems.show(
                self,
                error,
                retry=self.refresh,
                unsaved=self.tr("案件列表没有更新；没有保存任何内容，也没有保存到别处。"),
            )
            return
        self.problems.show(self, error, title=self.tr("载入案件失败"))

    def _notify(self, today: list) -> None:  # type: ignore[type-arg]
        if self.tray is None:
            return
        fresh = [item for item in today if (item.record_id, item.title) not in self._notified]
        if not fresh:
            return
        self._notified.update((item.record_id, item.title) for item in fresh)
        lines = [f"{item.tracking}：{item.title}" for item in fresh[:5]]
        self.tray.showMessage(
            self.tr("今天有 %1 项索赔事项到期").replace("%1", str(len(fresh))), "\n".join(lines)
        )

    def selected_record_id(self) -> str | None:
        index = self.table.currentIndex()
        return None if not index.isValid() else str(index.data(RECORD_ID_ROLE))

    def _open_index(self, index) -> None:  # type: ignore[no-untyped-def]
        record_id = index.data(RECORD_ID_ROLE)
        if record_id:
            self.open_record(str(record_id))

    def _open_selected(self) -> None:
        record_id = self.selected_record_id()
        if record_id:
            self.open_record(record_id)

    def _edit_selected(self) -> None:
        record_id = self.selected_record_id()
        if record_id:
            self.edit_record(record_id)

    def _context_menu(self, position) -> None:  # type: ignore[no-untyped-def]
        record_id = self.selected_record_id()
        if record_id is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("打开"), lambda: self.open_record(record_id))
        if record_id.startswith("c"):
            menu.addAction(self.tr("在向导中查看或修改"), lambda: self.edit_record(record_id))
        status_menu = menu.addMenu(self.tr("标记为"))
        try:
            statuses = self.book.next_statuses(record_id)
        except Exception as error:  # noqa: BLE001 - the server away: said, never a traceback
            log.warning("next statuses of %s: %s", record_id, error)
            statuses = []
        for status in statuses:
            if status == "paid":
                status_menu.addAction(
                    status_name(status) + "…", lambda: self._ask_recovered(record_id)
                )
            else:
                status_menu.addAction(
                    status_name(status), lambda s=status: self.set_status(record_id, s)
                )
        status_menu.setEnabled(not status_menu.isEmpty())
        if record_id.startswith("c"):
            menu.addAction(self.tr("导出证据包…"), self.export_pack)
        if record_id.startswith("d"):
            menu.addSeparator()
            menu.addAction(self.tr("删除草稿…"), lambda: self._ask_delete(record_id))
        menu.popup(self.table.viewport().mapToGlobal(position))

    def set_status(self, record_id: str, status: str, recovered: str | None = None) -> None:
        try:
            self.book.set_status(record_id, status, self.clock(), recovered)
        except Exception as error:  # noqa: BLE001 - the store explains; no traceback dialog
            # Another desk changed the case first: 重新载入 shows its version (the list and an
            # open case view); the server away: 重试. Anything else in the store's words.
            self.problems.show(
                self,
                error,
                reload=lambda: self._reloaded(record_id),
                retry=lambda: self.set_status(record_id, status, recovered),
                title=self.tr("不能改成这个状态"),
                unsaved=self.tr("状态没有改。"),
            )
        self.refresh()
        if self.case_view is not None and self.case_view.record_id == record_id:
            self.case_view.reload()

    def _reloaded(self, record_id: str) -> None:
        """After another desk's change: the list, and the case if it is open, as stored now."""
        self.book.get(record_id)  # the version the next change is checked against
        self.refresh()
        view = self.case_view
        if view is not None and view.record_id == record_id and view.isVisible():
            view.reload()

    def _ask_recovered(self, record_id: str) -> None:
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        text, ok = QInputDialog.getText(
            self, self.tr("记录赔付金额"), self.tr("快递公司实际赔付了多少元？")
        )
        if not ok:
            return
        from .case_view.event_dialog import parse_yuan

        try:
            amount = parse_yuan(text)
        except ValueError:
            QMessageBox.warning(self, self.tr("金额无效"), self.tr("请输入金额，例如 28.80"))
            return
        self.set_status(record_id, "paid", str(amount))

    def _ask_delete(self, record_id: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self, self.tr("删除草稿"), self.tr("删除后无法恢复。确定删除这个草稿吗？")
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.book.delete(record_id)
            self.refresh()

    # ------------------------------------------------------------------ the case view, wizard

    def _store_not_open(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("请稍候"),
            self.tr("案件库还在打开，请稍后再试。"),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("storeNotOpen")
        box.open()  # not exec(): the store may finish opening meanwhile

    def open_record(self, record_id: str):  # type: ignore[no-untyped-def]
        """A case opens in its case view, a draft in the wizard where it was left."""
        if record_id.startswith("c"):
            return self.open_case_view(record_id)
        record = self._read(record_id)
        return None if record is None else self.open_wizard(record)

    def edit_record(self, record_id: str):  # type: ignore[no-untyped-def]
        """The wizard on a stored case (its own fields, photos, the claim form)."""
        record = self._read(record_id)
        return None if record is None else self.open_wizard(record)

    def _read(self, record_id: str) -> CaseRecord | None:
        """A record to work on, or None with the reason said (the shop server away ...)."""
        try:
            return self.book.get(record_id)
        except Exception as error:  # noqa: BLE001 - said, never a traceback
            log.warning("could not read %s: %s", record_id, error)
            self.problems.show(
                self,
                error,
                retry=lambda: self.open_record(record_id),
                title=self.tr("打不开"),
                unsaved=self.tr("没有打开这个案件。"),
            )
            return None

    def open_case_view(self, record_id: str) -> CaseView | None:
        from .case_view import CaseView

        if isinstance(self.book, OpeningBook):
            self._store_not_open()
            return None
        view = self.case_view
        if view is not None and view.isVisible() and view.record_id == record_id:
            view.raise_()
            view.activateWindow()
            return view
        if view is not None:
            view.close()
            view.deleteLater()
        view = CaseView(
            record_id,
            self.book,
            self.catalog.get(),
            self.lang,
            self.clock,
            self.settings,
            self.files_dir,
            self.data_dir,
            self,
            problems=self.problems,
        )
        view.changed.connect(lambda _: self.refresh())
        view.edit_requested.connect(self._edit_from_view)
        self.case_view = view
        view.show()
        return view

    def _edit_from_view(self, record_id: str) -> None:
        wizard = self.edit_record(record_id)
        if wizard is not None and self.case_view is not None:
            wizard.finished.connect(lambda _: self._case_edited(record_id))

    def _case_edited(self, record_id: str) -> None:
        view = self.case_view
        if view is not None and view.record_id == record_id and view.isVisible():
            view.reload()

    def open_wizard(self, record: CaseRecord | None):  # type: ignore[no-untyped-def]
        """Open the claim wizard (new, or resuming `record` at the page it was left on)."""
        from .casebook import CaseRecord
        from .wizard.claim_wizard import ClaimWizard
        from .wizard.draft import WizardEnv

        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.raise_()
            self.wizard.activateWindow()
            return self.wizard
        if isinstance(self.book, OpeningBook):
            self._store_not_open()  # a wizard on no store could save nothing typed into it
            return None
        if self.wizard is not None:
            # The closed wizard is freed here, on the GUI thread, not left to the garbage
            # collector (which may run on a worker: tasks.py).
            self.wizard.deleteLater()
            self.wizard = None
        env = WizardEnv(
            self.catalog.get(),
            self.lang,
            self.clock,
            self.settings,
            self.files_dir,
            # looked up in whichever store the window works on when the number is typed
            existing_claims=lambda numbers, exclude: self.book.claims_for_tracking(
                numbers, exclude
            ),
            problems=self.problems,
        )
        wizard = ClaimWizard(record or CaseRecord.new(self.clock()), self.book, env, self)
        wizard.saved.connect(lambda _: self.refresh())
        wizard.finished.connect(lambda _: self.refresh())
        wizard.reload_requested.connect(self._reopen_wizard)
        wizard.show()
        if record is not None:
            wizard.resume()
        self.wizard = wizard
        return wizard

    def _reopen_wizard(self, record_id: str, page: int) -> None:
        """Another desk changed the case the wizard had open: the wizard again, on their
        version, at the same page."""
        record = self._read(record_id)
        if record is None:
            return
        if self.wizard is not None:
            self.wizard.deleteLater()
            self.wizard = None
        wizard = self.open_wizard(record.with_changes(page=page))
        if wizard is not None:
            view = self.case_view
            if view is not None and view.record_id == record_id and view.isVisible():
                view.reload()

    def open_batch_import(self):  # type: ignore[no-untyped-def]
        """Open the order-export import; its cases go into the same store as the wizard's."""
        from seller_app.batch.filing import CaseFiler

        from .batch_dialog import BatchImportDialog

        store = getattr(self.book, "store", None)
        if store is None:
            self._store_not_open()
            return None
        if self.batch_dialog is not None and self.batch_dialog.isVisible():
            self.batch_dialog.raise_()
            return self.batch_dialog
        # The forms and summary are for the seller to print and open, so they go to Documents,
        # not into the (encrypted) data folder.
        from PySide6.QtCore import QStandardPaths

        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        stamp = self.clock().strftime("%Y%m%d-%H%M%S")
        out_dir = Path(documents or self.files_dir.parent) / "理赔助手" / f"批量导入-{stamp}"
        dialog = BatchImportDialog(
            self.catalog.get(),
            out_dir,
            self.clock,
            on_case=CaseFiler(store, self.clock()),
            lang=self.lang,
            parent=self,
        )
        dialog.casesImported.connect(lambda _keys: self.refresh())
        self.batch_dialog = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ the File menu

    def export_pack(self) -> None:
        """The selected case's evidence pack (from its case view's 文件 tab)."""
        record_id = self.selected_record_id()
        if not record_id or not record_id.startswith("c"):
            return
        view = self.open_case_view(record_id)
        if view is not None:
            view.tabs.setCurrentWidget(view.files)
            view.files.export_pack()

    def backup(self) -> PassphraseDialog | None:
        return self.work.backup()

    def restore_backup(self) -> PassphraseDialog | None:
        return self.work.restore_backup()

    def restore_finished(self, moved: Path | None, failure: Exception | None) -> None:
        self.work.restore_finished(moved, failure)

    def import_holidays(self) -> bool:
        return self.work.import_holidays()

    @property
    def work(self) -> StoreWork:
        """The work on the whole store (backup, restore, holiday schedules), made when first
        asked for or after the first frame (issue 16: its module and file dialogs load then)."""
        if self._work is None:
            from .store_work import StoreWork

            work = StoreWork(
                self,
                lambda: self.book,
                self.catalog,
                self.settings,
                self.lang,
                self.clock,
                self.data_dir,
            )
            work.restore_requested.connect(self.restore_requested)
            work.about_to_restore.connect(self._about_to_restore)
            work.changed.connect(self._store_changed)
            work.busy_changed.connect(self._show_busy)
            work.said.connect(lambda words: self.statusBar().showMessage(words))
            self._work = work
        return self._work

    @property
    def busy(self) -> str:
        return self._work.busy if self._work is not None else ""

    def _store_changed(self) -> None:
        """A holiday schedule moved the deadlines: recompute the list and the open case."""
        self.refresh()
        if self.case_view is not None and self.case_view.isVisible():
            self.case_view.reload()

    def _about_to_restore(self) -> None:
        for window in (self.case_view, self.wizard):
            if window is not None and window.isVisible():
                window.close()

    def _show_busy(self, words: str) -> None:
        self.statusBar().showMessage(words)
        self._enable_actions()

    def busy_reason(self) -> str:
        """Why the window cannot go away now ("" when it can): long work still running."""
        if self.busy:
            return self.busy
        if self.batch_dialog is not None and getattr(self.batch_dialog, "running", False):
            return self.tr("批量导入还在进行，请等它完成或取消。")
        if self.store_state == "restoring":
            return self.tr("正在从备份恢复，请稍候…")
        return ""

    # ------------------------------------------------------------------ language switch

    def reopen_work(self, work: tuple[str, str]) -> None:
        """Open again what the previous window had open (`work_on_close`)."""
        kind, record_id = work
        if kind == "case":
            self.open_case_view(record_id)
        elif kind == "wizard":
            record = self.book.get(record_id)
            if record is not None:
                self.open_wizard(record)

    # ------------------------------------------------------------------ settings, closing

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            size = self.settings.value("main/size")
            if isinstance(size, QSize) and size.isValid() and not self.isMaximized():
                # Qt shrinks a saved window that no longer fits (another scale, a smaller
                # screen) to two thirds of the screen; take as much of the size as fits.
                self.resize(size)
        else:
            self.resize(1100, 680)
        keep_on_screen(self)
        splitter = self.settings.value("main/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([800, 300])

    def save_layout(self) -> None:
        self.settings.setValue("main/geometry", self.saveGeometry())
        if not self.isMaximized():
            self.settings.setValue("main/size", self.size())
        self.settings.setValue("main/splitter", self.splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtWidgets import QMessageBox

        reason = self.busy_reason()
        if reason:
            QMessageBox.information(self, self.tr("请稍候"), reason)
            event.ignore()
            return
        self.save_layout()
        self.work_on_close = None
        wizard = self.wizard
        if wizard is not None and wizard.isVisible():
            if not wizard.close_without_asking():
                event.ignore()  # the draft could not be saved: keep both windows open
                return
            self.work_on_close = ("wizard", wizard.draft.record_id)
        view = self.case_view
        if view is not None and view.isVisible():
            self.work_on_close = self.work_on_close or ("case", view.record_id)
            view.close()
        super().closeEvent(event)


def _centred(widget: QWidget) -> QWidget:
    """`widget` in the middle of a row of its own (a layout's centring flag would need the `Qt`
    namespace before the first frame, see `MainWindow._finish`)."""
    row = QWidget()
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    line.addStretch(1)
    line.addWidget(widget)
    line.addStretch(1)
    return row


def _message(error: Exception, lang: str) -> str:
    return error.message(lang) if callable(getattr(error, "message", None)) else str(error)
