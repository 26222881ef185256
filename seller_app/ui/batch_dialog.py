"""The desktop face of the batch import: choose an order export (and, optionally, the items report
to join), see before anything is made which columns were recognised, which are missing and what
must be given for every row (courier fee, weight, posting date ...), preview the first rows with
their problems marked, then make every claim behind a cancellable progress dialog.

Self-contained: everything it needs comes in through the constructor (catalog, output folder,
clock, and `on_case`, which the main window points at ``batch.filing.CaseFiler(store, now)``;
it is called in the GUI thread). The caller opens it (``dialog.open()``); it never runs its own
event loop. The work runs on `QThreadPool` (the worker never touches a widget); when it ends the
dialog emits `casesImported` with the keys of the cases made, for the case list to refresh.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..batch import (
    BatchReport,
    ClaimRow,
    ClaimSettings,
    ImportMapping,
    InputError,
    MergedRow,
    OrderExport,
    RefusedRow,
    RowDefaults,
    RowProblem,
    RowResult,
    available_mappings,
    imports_dir,
    open_export,
    run_batch,
)
from ..batch.calendar_file import CALENDAR_FILE, CombinedCalendar
from ..batch.messages import BatchTexts, safe
from ..batch.overview import describe
from ..batch.reader import header_text
from ..batch.rows import parse_posted
from ..batch.runner import Outcome
from ..batch.summary import SUMMARY_FILE, SummaryWriter
from ..domain.case import Incident
from ..domain.catalog import Catalog
from ..domain.errors import CaseError
from ..domain.money import parse_amount
from .tasks import hold_collection, release_collection

log = logging.getLogger(__name__)

PREVIEW_ROWS = 20
PROBLEM_COLOR = QColor(255, 220, 220)
PROBLEM_COLUMN_WIDTH = 240
# The preview's own columns before the file's: row number, problems, notes.
ROW_COLUMN, PROBLEM_COLUMN, NOTE_COLUMN = 0, 1, 2


class _Bridge(QObject):
    """Carries worker-thread events into the GUI thread (queued signals)."""

    progress = Signal(int, int)
    case_made = Signal(object)
    finished = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], bridge: _Bridge) -> None:
        super().__init__()
        self.fn = fn
        self.bridge = bridge

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as error:  # handed to the GUI thread, which reports it
            log.exception("batch import failed")
            result = error
        self.bridge.finished.emit(result)


class BatchImportDialog(QDialog):
    casesImported = Signal(list)  # noqa: N815 -- Qt signal naming

    def __init__(
        self,
        catalog: Catalog,
        out_dir: Path,
        now: Callable[[], datetime],
        *,
        mappings: Mapping[str, ImportMapping] | None = None,
        on_case: Callable[[RowResult], None] | None = None,  # called in the GUI thread
        processes: int | None = None,
        form_layout: str | None = "generic",
        lang: str = "zh",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.out_dir = out_dir
        self.now = now
        self.mappings = mappings or available_mappings(imports_dir(catalog.root))
        self.on_case = on_case
        self.processes = processes
        self.form_layout = form_layout
        self.running = False
        self._close_when_done = False
        self.lang = lang
        self.texts = BatchTexts.load(imports_dir(catalog.root), catalog.texts)
        self.export: OrderExport | None = None
        self.cancel_event = threading.Event()
        self.report: BatchReport | None = None
        self.not_stored: list[str] = []  # rows whose case the store refused (message per row)
        self._bridge = _Bridge(self)
        self._bridge.progress.connect(self._on_progress)
        self._bridge.case_made.connect(self._on_case_made)
        self._bridge.finished.connect(self._on_finished)
        self._progress: QProgressDialog | None = None
        # A pool of its own, never Qt's global one (see tasks.task_pool).
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._task: _Task | None = None
        self._build()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.setWindowTitle(self.tr("批量导入订单"))
        self.resize(900, 560)
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(self.tr("订单导出文件（CSV 或 XLSX）"))
        self.file_edit.editingFinished.connect(self.reload)
        self.browse_button = browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        self.items_edit = QLineEdit()
        self.items_edit.setPlaceholderText(
            self.tr("可选：淘宝宝贝报表，按订单编号补上商品名称和数量")
        )
        self.items_edit.editingFinished.connect(self.reload)
        self.items_button = QPushButton(self.tr("选择…"))
        self.items_button.clicked.connect(self._browse_items)
        items_row = QHBoxLayout()
        items_row.addWidget(self.items_edit, 1)
        items_row.addWidget(self.items_button)

        self.mapping_box = QComboBox()
        self.mapping_box.addItem(self.tr("自动识别"), None)
        for mapping in self.mappings.values():
            self.mapping_box.addItem(mapping.name(self.lang), mapping.id)
        self.incident_box = QComboBox()
        self.incident_box.addItem(self.tr("按表中“问题类型”列"), None)
        labels = {"loss": "丢失", "damage": "损毁", "delay": "延误", "mismatch": "内件不符"}
        for incident in Incident:
            self.incident_box.addItem(self.tr(labels[incident.value]), incident.value)
        self.fee_edit = QLineEdit()
        self.fee_edit.setPlaceholderText(self.tr("表中没有运费列时填写，单位元"))
        self.weight_edit = QLineEdit()
        self.weight_edit.setPlaceholderText(self.tr("表中没有重量列时填写，单位 kg"))
        self.posted_edit = QLineEdit()
        self.posted_edit.setPlaceholderText(
            self.tr("表中没有发货时间时填写，例如 2026-11-11；不填则按付款时间计（偏保守）")
        )
        for widget in (self.mapping_box, self.incident_box):
            widget.currentIndexChanged.connect(self.reload)
        for edit in (self.fee_edit, self.weight_edit, self.posted_edit):
            edit.editingFinished.connect(self.reload)

        form = QFormLayout()
        form.addRow(self.tr("文件"), file_row)
        form.addRow(self.tr("宝贝报表"), items_row)
        form.addRow(self.tr("映射"), self.mapping_box)
        form.addRow(self.tr("问题类型"), self.incident_box)
        form.addRow(self.tr("运费（元）"), self.fee_edit)
        form.addRow(self.tr("重量（kg）"), self.weight_edit)
        form.addRow(self.tr("发货日期"), self.posted_edit)

        self.status_label = QLabel(self.tr("请选择订单导出文件。"))
        self.status_label.setWordWrap(True)
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("开始导入"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        close = self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        # Enter in the path or number fields reloads the preview; it must not start an import
        # (hence ActionRole: the button box makes the first AcceptRole button the default).
        for button in (self.import_button, close, self.browse_button, self.items_button):
            button.setAutoDefault(False)
            button.setDefault(False)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择订单导出文件"), "", self.tr("订单导出 (*.csv *.xlsx)")
        )
        if path:
            self.file_edit.setText(path)
            self.reload()

    def _browse_items(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择宝贝报表"), "", self.tr("订单导出 (*.csv *.xlsx)")
        )
        if path:
            self.items_edit.setText(path)
            self.reload()

    # ------------------------------------------------------------------ preview

    def defaults(self) -> RowDefaults | None:
        """The form's defaults, or None (and a message) when a value is not valid."""
        values: dict[str, Decimal | None] = {}
        for name, edit in (("service_fee", self.fee_edit), ("weight_kg", self.weight_edit)):
            text = edit.text().strip()
            try:
                values[name] = parse_amount(text, name) if text else None
            except CaseError:
                self.status_label.setText(self.tr("不是有效数字：%s") % text)
                return None
        posted_text = self.posted_edit.text().strip()
        posted = None
        if posted_text:
            try:
                posted = parse_posted(posted_text, self.now())
            except ValueError:
                self.status_label.setText(
                    self.tr("不是有效的发货日期（例如 2026-11-11，且不晚于今天）：%s") % posted_text
                )
                return None
        return RowDefaults(
            incident=self.incident_box.currentData(),
            service_fee=values["service_fee"],
            weight_kg=values["weight_kg"],
            posted_at=posted,
        )

    def reload(self) -> None:
        """Open the chosen file with the chosen mapping, say what it has and lacks, and show
        the first rows."""
        self.export = None
        self.import_button.setEnabled(False)
        self.table.clear()
        self.table.setRowCount(0)
        path_text = self.file_edit.text().strip()
        items_text = self.items_edit.text().strip()
        defaults = self.defaults()
        if not path_text or defaults is None:
            return
        try:
            export = open_export(
                Path(path_text),
                self.mappings,
                self.mapping_box.currentData(),
                Path(items_text) if items_text else None,
            )
        except InputError as error:
            self.status_label.setText(self.texts.input_error(error, self.lang))
            return
        needs = export.needs(defaults)
        try:  # reading the whole file once: a workbook damaged further down says so here
            total = export.count_rows()
            preview = export.preview(defaults, self.now(), PREVIEW_ROWS)
        except InputError as error:
            self.status_label.setText(self.texts.input_error(error, self.lang))
            return
        self.export = export
        headers = [safe(header_text(cell)) for cell in export.header_row.cells]
        self.table.setColumnCount(len(headers) + 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("行"), self.tr("问题"), self.tr("备注"), *headers]
        )
        self.table.setRowCount(len(preview))
        refused = 0
        for index, (raw, entry) in enumerate(preview):
            self.table.setItem(index, ROW_COLUMN, QTableWidgetItem(str(raw.number)))
            self.table.setItem(index, PROBLEM_COLUMN, QTableWidgetItem(""))
            note = QTableWidgetItem(self._notes(entry))
            note.setToolTip(note.text())
            self.table.setItem(index, NOTE_COLUMN, note)
            for column, cell in enumerate(raw.cells[: len(headers)], start=NOTE_COLUMN + 1):
                text = "" if cell is None else safe(str(cell))
                self.table.setItem(index, column, QTableWidgetItem(text))
            if isinstance(entry, RefusedRow):
                # What every row lacks is asked for once, above; a row is marked for its own.
                problems = [p for p in entry.problems if p.field not in needs.asked]
                if problems:
                    refused += 1
                    self._mark(index, problems)
        lines = describe(export, defaults, self.texts, self.lang, dialog=True)
        lines.append(
            self.tr("共 %d 行；预览前 %d 行中 %d 行有问题（红色）。")
            % (total, len(preview), refused)
        )
        self.status_label.setText("\n".join(lines))
        self.table.resizeColumnsToContents()
        # The full reasons are in the tooltip; keep the file's own columns in view.
        for column in (PROBLEM_COLUMN, NOTE_COLUMN):
            self.table.setColumnWidth(
                column, min(self.table.columnWidth(column), PROBLEM_COLUMN_WIDTH)
            )
        self.import_button.setEnabled(needs.ready)

    def _notes(self, entry: object) -> str:
        if isinstance(entry, MergedRow):
            return self.texts.get("summary", "merged", self.lang, into=entry.into)
        if isinstance(entry, ClaimRow):
            notes = (self.texts.note(note, self.lang) for note in entry.notes)
            return self.texts.listing(notes, self.lang, sentences=True)
        return ""

    def _mark(self, index: int, problems: list[RowProblem]) -> None:
        reasons = "\n".join(self.texts.problem_text(p, self.lang, dialog=True) for p in problems)
        problem_item = self.table.item(index, PROBLEM_COLUMN)
        if problem_item is not None:
            problem_item.setText(reasons.replace("\n", "；"))
        for column in range(self.table.columnCount()):
            item = self.table.item(index, column)
            if item is None:
                item = QTableWidgetItem("")
                self.table.setItem(index, column, item)
            item.setBackground(PROBLEM_COLOR)
            item.setToolTip(reasons)

    def problem_rows(self) -> list[int]:
        """Preview rows marked as problems (their spreadsheet row numbers)."""
        marked = []
        for index in range(self.table.rowCount()):
            item = self.table.item(index, ROW_COLUMN)
            if item is not None and item.toolTip():
                marked.append(int(item.text()))
        return marked

    # ------------------------------------------------------------------ import

    def start_import(self) -> None:
        defaults = self.defaults()
        if self.export is None or defaults is None or not self.export.needs(defaults).ready:
            return
        export = self.export
        now = self.now()
        try:
            total = export.count_rows()
        except InputError as error:  # the file changed since the preview
            self.status_label.setText(self.texts.input_error(error, self.lang))
            return
        settings = ClaimSettings(self.out_dir, now, lang=self.lang, form_layout=self.form_layout)
        self.cancel_event.clear()
        self.not_stored = []
        progress = QProgressDialog(self.tr("正在生成索赔…"), self.tr("取消"), 0, total, self)
        progress.setWindowTitle(self.tr("批量导入"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.canceled.connect(self.cancel_event.set)
        progress.setValue(0)
        self._progress = progress
        self.import_button.setEnabled(False)
        self.running = True
        bridge = self._bridge
        summary_path = self.out_dir / SUMMARY_FILE
        # The work captures no widget: it runs, and is let go of, on the worker thread.
        texts, lang, catalog, processes = self.texts, self.lang, self.catalog, self.processes
        calendar_path, cancel = self.out_dir / CALENDAR_FILE, self.cancel_event

        def work() -> BatchReport:
            calendar_name = texts.get("report", "calendar", lang)
            with (
                SummaryWriter(summary_path, texts, lang) as summary,
                CombinedCalendar(calendar_path, calendar_name) as calendar,
            ):

                def on_outcome(outcome: Outcome) -> None:
                    summary.write(outcome)
                    if isinstance(outcome, RowResult) and not outcome.failed:
                        calendar.add(outcome)
                        bridge.case_made.emit(outcome)

                return run_batch(
                    export.entries(defaults, now),
                    settings,
                    catalog,
                    processes=processes,
                    total=total,
                    cancel=cancel,
                    on_outcome=on_outcome,
                    on_progress=lambda done, all_: bridge.progress.emit(done, all_ or 0),
                )

        self._task = _Task(work, bridge)  # referenced until it has run
        hold_collection()  # no garbage collection on the worker (see tasks.py)
        self._pool.start(self._task)

    def _on_case_made(self, result: RowResult) -> None:
        # In the GUI thread, so the store is only ever called from one thread. A store failure
        # (a photo gone, the disk full) is this row's problem: reported, never raised into Qt.
        if self.on_case is None:
            return
        try:
            self.on_case(result)
        except Exception as error:  # noqa: BLE001 -- shown to the user with the row
            log.warning("batch row %s not stored: %s", result.key, error)
            words = error.message(self.lang) if callable(getattr(error, "message", None)) else error
            self.not_stored.append(
                self.texts.get("report", "not_stored", self.lang, key=result.key, reason=words)
            )

    def _on_progress(self, done: int, total: int) -> None:
        if self._progress is not None and not self.cancel_event.is_set():
            self._progress.setValue(min(done, total))

    def reject(self) -> None:
        """Closing during a run cancels it; the dialog closes once the chunks in flight are
        done, so nothing half-made is left and the worker never outlives its dialog."""
        if self.running:
            self.cancel_event.set()
            self._close_when_done = True
            return
        super().reject()

    def _on_finished(self, result: object) -> None:
        self.running = False
        self._task = None
        release_collection()
        if self._progress is not None:
            self._progress.reset()
            self._progress = None
        self.import_button.setEnabled(self.export is not None)
        if isinstance(result, BatchReport):
            self.report = result
            key = "cancelled" if result.cancelled else "done"
            self.status_label.setText(
                self.texts.get(
                    "report",
                    key,
                    self.lang,
                    done=result.made,
                    refused=len(result.refused) + len(result.failed),
                    summary=self.out_dir / SUMMARY_FILE,
                )
            )
            if self.not_stored:
                self.status_label.setText("\n".join([self.status_label.text(), *self.not_stored]))
            self.casesImported.emit(list(result.keys))
        else:
            reason = (
                self.texts.input_error(result, self.lang)
                if isinstance(result, InputError)
                else str(result)
            )
            self.status_label.setText(self.tr("导入失败：%s") % reason)
        if self._close_when_done:
            super().reject()
