"""The main window: the case list with search and status filter, "New claim", the reminders
panel, and tray notifications of what is due."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QSystemTrayIcon,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .casebook import STATUSES, CaseBook, CaseRecord, OpeningBook
from .catalog_source import CatalogSource
from .tasks import run_task
from .widgets.case_table import RECORD_ID_ROLE, CaseFilter, CaseTableModel, status_name
from .widgets.reminders import RemindersPanel

if TYPE_CHECKING:
    from .case_rows import CaseRow

log = logging.getLogger(__name__)

REFRESH_MS = 30 * 60 * 1000


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    rows_loaded = Signal()

    def __init__(
        self,
        book: CaseBook,
        catalog: CatalogSource,
        settings: QSettings,
        lang: str,
        clock: Callable[[], datetime],
        files_dir: Path,
        icon: QIcon | None = None,
    ) -> None:
        super().__init__()
        self.book = book
        self.catalog = catalog
        self.settings = settings
        self.lang = lang
        self.clock = clock
        self.files_dir = files_dir
        self.wizard = None
        self.rows: list[CaseRow] = []
        self._notified: set[tuple[str, str]] = set()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("理赔助手"))
        if icon is not None:
            self.setWindowIcon(icon)

        self.new_button = QPushButton(self.tr("＋ 新建索赔"))
        self.new_button.setObjectName("newClaim")
        self.new_button.setDefault(True)
        self.new_button.setStyleSheet("font-weight: bold; padding: 6px 16px;")
        self.new_button.clicked.connect(lambda: self.open_wizard(None))
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("搜索单号、快递公司、问题…"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("全部状态"), None)
        for status in STATUSES:
            self.status_filter.addItem(status_name(status), status)

        self.model = CaseTableModel(lang, self)
        self.proxy = CaseFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self.proxy.set_search)
        self.status_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_status(self.status_filter.currentData())
        )
        self.table = QTableView()
        self.table.setObjectName("caseTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(7, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.empty_hint = QLabel(self.tr("还没有案件。点“新建索赔”，几分钟就能填好一份索赔单。"))
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet("color: #666; padding: 24px;")

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
        left_layout.addWidget(self.empty_hint)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.reminders)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.splitter)
        self.setCentralWidget(central)
        self._build_menus()
        self._allow_new_claims(not isinstance(book, OpeningBook))
        self.statusBar().showMessage(self.tr("所有资料只保存在这台电脑上。"))

        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable() and icon is not None:
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip(self.tr("理赔助手"))
            self.tray.activated.connect(lambda *_: (self.showNormal(), self.raise_()))
            self.tray.show()
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self._restore_geometry()
        self.refresh()

    # ------------------------------------------------------------------ menus

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        new = QAction(self.tr("新建索赔(&N)"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(lambda: self.open_wizard(None))
        file_menu.addAction(new)
        self.new_action = new
        batch = QAction(self.tr("批量导入订单(&B)…"), self)
        batch.setObjectName("batchImport")
        batch.triggered.connect(self.open_batch_import)
        file_menu.addAction(batch)
        self.batch_action = batch
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出(&Q)"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        language = self.menuBar().addMenu(self.tr("语言(&L)"))
        for code, name in (("zh", "中文"), ("en", "English")):
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == self.lang)
            action.triggered.connect(lambda _=False, c=code: self._switch_language(c))
            language.addAction(action)

    def _switch_language(self, lang: str) -> None:
        if lang != self.lang:
            self.language_requested.emit(lang)

    # ------------------------------------------------------------------ the list

    def refresh(self) -> None:
        """Reload the records and recompute rows and reminders on the thread pool."""
        records = self.book.records()
        catalog, lang, now = self.catalog, self.lang, self.clock()

        def case_rows():  # type: ignore[no-untyped-def]
            from .case_rows import case_rows

            return case_rows(records, catalog.get(), lang, now)

        run_task(
            case_rows,
            self._rows_ready,
            on_error=self._rows_failed,
            owner=self,
        )

    def _rows_ready(self, rows: list[CaseRow]) -> None:
        self.rows = rows
        from .case_rows import due_soon

        self.model.set_rows(rows)
        self.empty_hint.setVisible(not rows)
        now = self.clock()
        today, week = due_soon(rows, now)
        self.reminders.show_items(today, week, now)
        self._notify(today)
        self.rows_loaded.emit()

    def _rows_failed(self, error: Exception) -> None:
        QMessageBox.warning(self, self.tr("载入案件失败"), str(error))

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

    def _context_menu(self, position) -> None:  # type: ignore[no-untyped-def]
        record_id = self.selected_record_id()
        if record_id is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("打开"), lambda: self.open_record(record_id))
        status_menu = menu.addMenu(self.tr("标记为"))
        for status in self.book.next_statuses(record_id):
            if status == "paid":
                status_menu.addAction(
                    status_name(status) + "…", lambda: self._ask_recovered(record_id)
                )
            else:
                status_menu.addAction(
                    status_name(status), lambda s=status: self.set_status(record_id, s)
                )
        status_menu.setEnabled(not status_menu.isEmpty())
        if record_id.startswith("d"):
            menu.addSeparator()
            menu.addAction(self.tr("删除草稿…"), lambda: self._ask_delete(record_id))
        menu.popup(self.table.viewport().mapToGlobal(position))

    def set_status(self, record_id: str, status: str, recovered: str | None = None) -> None:
        try:
            self.book.set_status(record_id, status, self.clock(), recovered)
        except Exception as error:  # noqa: BLE001 - the store explains; no traceback dialog
            message = error.message(self.lang) if hasattr(error, "message") else str(error)
            QMessageBox.warning(self, self.tr("不能改成这个状态"), message)
        self.refresh()

    def _ask_recovered(self, record_id: str) -> None:
        text, ok = QInputDialog.getText(
            self, self.tr("记录赔付金额"), self.tr("快递公司实际赔付了多少元？")
        )
        if not ok:
            return
        from seller_app.domain.money import parse_amount

        try:
            amount = parse_amount(text, "amount_recovered")
        except ValueError:
            QMessageBox.warning(self, self.tr("金额无效"), self.tr("请输入金额，例如 28.80"))
            return
        self.set_status(record_id, "paid", str(amount))

    def _ask_delete(self, record_id: str) -> None:
        answer = QMessageBox.question(
            self, self.tr("删除草稿"), self.tr("删除后无法恢复。确定删除这个草稿吗？")
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.book.delete(record_id)
            self.refresh()

    # ------------------------------------------------------------------ the wizard

    def set_book(self, book: CaseBook) -> None:
        """The store is open: list its cases and allow new claims."""
        self.book = book
        self._allow_new_claims(not isinstance(book, OpeningBook))
        self.statusBar().showMessage(self.tr("所有资料只保存在这台电脑上，买家信息加密保存。"))
        self.refresh()

    def _allow_new_claims(self, allowed: bool) -> None:
        """The button and 文件 → 新建索赔 (Ctrl+N) go together: off until the store is open."""
        self.new_button.setEnabled(allowed)
        self.new_action.setEnabled(allowed)

    def _store_not_open(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("请稍候"),
            self.tr("案件库还在打开，请稍后再试。"),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("storeNotOpen")
        box.open()  # not exec(): the store may finish opening meanwhile

    def open_record(self, record_id: str) -> None:
        record = self.book.get(record_id)
        if record is not None:
            self.open_wizard(record)

    def open_wizard(self, record: CaseRecord | None):  # type: ignore[no-untyped-def]
        """Open the claim wizard (new, or resuming `record` at the page it was left on)."""
        from .wizard.claim_wizard import ClaimWizard
        from .wizard.draft import WizardEnv

        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.raise_()
            self.wizard.activateWindow()
            return self.wizard
        if isinstance(self.book, OpeningBook):
            self._store_not_open()  # a wizard on no store could save nothing typed into it
            return None
        env = WizardEnv(
            self.catalog.get(),
            self.lang,
            self.clock,
            self.settings,
            self.files_dir,
            existing_claims=self.book.claims_for_tracking,
        )
        wizard = ClaimWizard(record or CaseRecord.new(self.clock()), self.book, env, self)
        wizard.saved.connect(lambda _: self.refresh())
        wizard.finished.connect(lambda _: self.refresh())
        wizard.show()
        if record is not None:
            wizard.resume()
        self.wizard = wizard
        return wizard

    def open_batch_import(self):  # type: ignore[no-untyped-def]
        """Open the order-export import; its cases go into the same store as the wizard's."""
        from seller_app.batch.filing import CaseFiler

        from .batch_dialog import BatchImportDialog

        store = getattr(self.book, "store", None)
        if store is None:
            self._store_not_open()
            return None
        # The forms and summary are for the seller to print and open, so they go to Documents,
        # not into the (encrypted) data folder.
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
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ settings

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 680)
        splitter = self.settings.value("main/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([800, 300])

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.settings.setValue("main/geometry", self.saveGeometry())
        self.settings.setValue("main/splitter", self.splitter.saveState())
        self.settings.sync()
        wizard = self.wizard
        if wizard is not None and wizard.isVisible() and not wizard.close_without_asking():
            event.ignore()  # the draft could not be saved: keep both windows open
            return
        super().closeEvent(event)
