"""Page 3, 证据照片: add photos (drag and drop or a file dialog), sort them by kind, caption them;
see the quality warnings on each and what the shot list still misses. Photos are prepared on the
evidence package's worker processes (started when the page opens) with a progress bar; a file
that is not taken (not a photo, a video, one already added) is named beside the drop area."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from seller_app.domain.case import PhotoKind

from ..tasks import run_task
from .files import IMAGE_FILTER, IMAGE_SUFFIXES, sort_dropped
from .page import CasePage, late_safe

log = logging.getLogger(__name__)

__all__ = ["IMAGE_SUFFIXES", "PhotosPage"]

THUMB = 128
SHOT_LIST_STYLE = (
    "QLabel#shotList { background: #f3f6fa; border: 1px solid #c9d6e3; border-radius: 4px;"
    " padding: 6px; }"
)


class PhotosPage(CasePage):
    OWNS = ("photos",)

    def __init__(self, draft, env) -> None:  # type: ignore[no-untyped-def]
        super().__init__(draft, env)
        self.setTitle(self.tr("证据照片"))
        self.setSubTitle(
            self.tr("外包装、面单、损坏的货物……照片越全，快递公司越难拒赔。可以把照片直接拖进来。")
        )
        self.setAcceptDrops(True)
        self.importing = False
        self.kind_names = {
            PhotoKind.OUTER_PACKAGE: self.tr("外包装"),
            PhotoKind.WAYBILL_LABEL: self.tr("快递面单"),
            PhotoKind.DAMAGED_ITEM: self.tr("损坏的货物"),
            PhotoKind.INNER_PACKING: self.tr("内包装"),
            PhotoKind.CONTENTS_OVERVIEW: self.tr("内件全貌"),
            PhotoKind.WEIGHT_SCALE: self.tr("称重"),
            PhotoKind.CHAT_RECORD: self.tr("聊天记录"),
            PhotoKind.TRACKING_SCREENSHOT: self.tr("物流详情截图"),
            PhotoKind.OTHER: self.tr("其他"),
        }

        self.add_button = QPushButton(self.tr("添加照片…"))
        self.add_button.setObjectName("addPhotos")
        self.add_button.clicked.connect(self._choose_files)
        self.remove_button = QPushButton(self.tr("删除所选"))
        self.remove_button.setObjectName("removePhoto")
        self.remove_button.clicked.connect(self._remove_selected)
        self.progress = QProgressBar()
        self.progress.setObjectName("photoProgress")
        self.progress.setFormat(self.tr("正在处理照片 %v / %m"))
        self.progress.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)

        self.photo_list = QListWidget()
        self.photo_list.setObjectName("photoList")
        self.photo_list.setViewMode(QListWidget.ViewMode.IconMode)
        self.photo_list.setIconSize(QSize(THUMB, THUMB))
        self.photo_list.setGridSize(QSize(THUMB + 40, THUMB + 48))
        self.photo_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.photo_list.setMovement(QListWidget.Movement.Static)
        self.photo_list.setWordWrap(True)
        self.photo_list.currentRowChanged.connect(self._show_selected)
        self.empty_hint = QLabel(self.tr("还没有照片。点“添加照片…”或把照片拖到这里。"))
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet("color: #777;")

        self.kind = QComboBox()
        self.kind.setObjectName("photoKind")
        for kind, name in self.kind_names.items():
            self.kind.addItem(name, kind.value)
        self.kind.currentIndexChanged.connect(self._edit_selected)
        self.caption = QLineEdit()
        self.caption.setObjectName("photoCaption")
        self.caption.setPlaceholderText(self.tr("说明，例如：外箱右上角压扁"))
        self.caption.editingFinished.connect(self._edit_selected)
        # Enter in the caption finishes the caption, not the page (QWizard's default button).
        self.caption.installEventFilter(self)
        self.photo_warnings = QLabel()
        self.photo_warnings.setObjectName("photoWarnings")
        self.photo_warnings.setWordWrap(True)
        self.photo_warnings.setStyleSheet("color: #b26a00;")
        details = QWidget()
        details.setMinimumWidth(240)
        details.setMaximumWidth(300)
        form = QFormLayout(details)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("类别"), self.kind)
        form.addRow(self.tr("说明"), self.caption)
        form.addRow(self.photo_warnings)

        self.shot_list = QLabel()
        self.shot_list.setObjectName("shotList")
        self.shot_list.setWordWrap(True)
        self.shot_list.setStyleSheet(SHOT_LIST_STYLE)
        self.drop_message = QLabel()
        self.drop_message.setObjectName("dropMessage")
        self.drop_message.setWordWrap(True)
        self.drop_message.setStyleSheet("color: #b3261e;")
        self.drop_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.drop_message.hide()

        middle = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.photo_list, 1)
        left.addWidget(self.empty_hint)
        left.addWidget(self.drop_message)
        middle.addLayout(left, 1)
        middle.addWidget(details)
        self.photo_list.setMinimumHeight(THUMB + 56)
        layout = QVBoxLayout(self.body)
        layout.addLayout(buttons)
        layout.addLayout(middle, 1)
        layout.addWidget(self.field_row(self.shot_list, "photos"))
        layout.addWidget(self.page_error)

    def kind_name(self, value: str) -> str:
        return self.kind_names.get(PhotoKind(value), value)

    # ------------------------------------------------------------------ adding photos

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            watched is self.caption
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._edit_selected()
            self.caption.selectAll()
            return True
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        urls = event.mimeData().urls()
        paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
        event.acceptProposedAction()
        remote = len(urls) - len(paths)
        self.add_photos(paths)
        if remote:
            self.say(self.tr("网页上的图片不能直接拖进来：请先保存到电脑，再添加。"), add=True)

    def _choose_files(self) -> None:
        start = str(self.env.settings.value("last_folder", str(Path.home())))
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择证据照片"), start, IMAGE_FILTER()
        )
        if names:
            self.add_photos([Path(name) for name in names])

    def say(self, text: str, add: bool = False) -> None:
        """A sentence beside the drop area (why a file was not taken); empty hides it."""
        if add and self.drop_message.text() and text:
            text = f"{self.drop_message.text()}\n{text}"
        self.drop_message.setText(text)
        self.drop_message.setVisible(bool(text))

    def add_photos(self, paths: list[Path]) -> None:
        """Prepare the photos among `paths` in the background; thumbnails appear when they are
        ready. Every file not taken is named beside the drop area with the reason."""
        photos, refused = sort_dropped(paths)
        added = {str(Path(photo["source"])) for photo in self.draft.photos}
        again = [path for path in photos if str(path) in added]
        photos = [path for path in photos if str(path) not in added]
        refused += [self.tr("“%1”已经添加过了。").replace("%1", path.name) for path in again]
        if photos and self.importing:
            refused.append(self.tr("上一批照片还在处理中，请等它处理完再添加。"))
            photos = []
        self.say("\n".join(refused))
        if not photos:
            return
        from .photo_tasks import import_files

        self.env.settings.setValue("last_folder", str(photos[0].parent))
        self.importing = True
        self.add_button.setEnabled(False)
        self.progress.setRange(0, len(photos))
        self.progress.setValue(0)
        self.progress.show()
        case = self.case_or_none()
        out_dir = self.env.files_dir / self.draft.record_id / "photos"
        lang, processes = self.env.lang, self.env.photo_processes
        run_task(
            lambda report: import_files(photos, out_dir, case, lang, report, processes),
            late_safe(self, self.draft, lambda result: result[0], self._imported),
            on_error=lambda error: self._import_failed(error) if shiboken6.isValid(self) else None,
            on_progress=self._progress,
            owner=self,
        )

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finish_import(self) -> None:
        self.importing = False
        self.add_button.setEnabled(True)
        self.progress.hide()
        if self.page_error.text() == self.busy_text():
            self.page_error.hide()
            self.page_error.clear()

    def busy_text(self) -> str:
        return self.tr("照片还在处理中，请稍等。")

    def _imported(
        self, result: tuple[list[dict[str, Any]], list[str]], repeated: list[dict[str, Any]]
    ) -> None:
        self._finish_import()
        _records, errors = result
        self._refresh()
        messages = list(errors)
        messages += [
            self.tr("“%1”和已有的一张照片完全相同，没有重复添加。").replace(
                "%1", Path(photo["source"]).name
            )
            for photo in repeated
        ]
        self.say("\n".join(messages), add=True)

    def _import_failed(self, error: Exception) -> None:
        self._finish_import()
        self.say(self.tr("照片处理失败：%1").replace("%1", str(error)), add=True)

    def _remove_selected(self) -> None:
        row = self.photo_list.currentRow()
        if 0 <= row < len(self.draft.photos):
            del self.draft.photos[row]
            self._refresh()

    # ------------------------------------------------------------------ showing and editing

    def _item_text(self, photo: dict[str, Any]) -> str:
        text = self.kind_name(photo["kind"])
        if photo.get("warnings"):
            text = "⚠ " + text
        return text

    def _refresh(self) -> None:
        current = self.photo_list.currentRow()
        self.photo_list.blockSignals(True)
        self.photo_list.clear()
        for photo in self.draft.photos:
            pixmap = QPixmap(photo["prepared_path"])
            if not pixmap.isNull():
                pixmap = pixmap.scaled(
                    THUMB,
                    THUMB,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            item = QListWidgetItem(QIcon(pixmap), self._item_text(photo))
            tip = [photo.get("caption") or Path(photo["source"]).name, *photo.get("warnings", [])]
            item.setToolTip("\n".join(tip))
            self.photo_list.addItem(item)
        self.photo_list.blockSignals(False)
        self.empty_hint.setVisible(not self.draft.photos)
        if self.draft.photos:
            self.photo_list.setCurrentRow(min(max(current, 0), len(self.draft.photos) - 1))
        self._show_selected(self.photo_list.currentRow())
        self._update_shot_list()

    def _show_selected(self, row: int) -> None:
        has = 0 <= row < len(self.draft.photos)
        for widget in (self.kind, self.caption, self.remove_button):
            widget.setEnabled(has)
        if not has:
            self.photo_warnings.clear()
            return
        photo = self.draft.photos[row]
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(self.kind.findData(photo["kind"]), 0))
        self.kind.blockSignals(False)
        self.caption.setText(photo.get("caption", ""))
        self.photo_warnings.setText("\n".join(f"⚠ {w}" for w in photo.get("warnings", [])))

    def _edit_selected(self, *_: object) -> None:
        row = self.photo_list.currentRow()
        if not 0 <= row < len(self.draft.photos):
            return
        photo = self.draft.photos[row]
        photo["kind"] = self.kind.currentData()
        photo["caption"] = self.caption.text().strip()
        item = self.photo_list.item(row)
        item.setText(self._item_text(photo))
        self._update_shot_list()

    def _update_shot_list(self) -> None:
        from .photo_tasks import shot_list

        try:
            score, missing, required = shot_list(
                self.draft.data.get("incident"), [photo["kind"] for photo in self.draft.photos]
            )
        except ImportError:
            self.shot_list.setText(self.tr("照片清单不可用。"))
            return
        done = [kind for kind in required if kind not in missing]
        parts = [self.tr("照片清单完成度 %1%").replace("%1", str(round(score * 100)))]
        if done:
            parts.append(self.tr("已有：") + "、".join(self.kind_name(k) for k in done))
        if missing:
            parts.append(self.tr("还缺：") + "、".join(self.kind_name(k) for k in missing))
        else:
            parts.append(self.tr("必需的照片都齐了。"))
        self.shot_list.setText("　".join(parts))

    # ------------------------------------------------------------------ wizard protocol

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self._refresh()
        try:
            from seller_app.evidence import warm_up
        except ImportError:
            return
        warm_up(self.env.photo_processes)  # the worker processes start while the seller looks

    def collect(self) -> None:
        self.draft.put("photos", self.draft.photo_refs() or None)

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        self._edit_selected()
        if self.importing:
            self.clear_errors()
            self.show_message(self.busy_text())
            return False
        return super().validatePage()
