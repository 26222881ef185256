"""Page 3, 证据照片: add photos (drag and drop or a file dialog), sort them by kind, caption them;
see the quality warnings on each and what the shot list still misses. Photos are prepared on the
thread pool with a progress bar."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
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
from seller_app.domain.errors import CaseError

from ..tasks import run_task
from .page import CasePage

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".bmp", ".tif", ".tiff"}
THUMB = 128


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
        self.shot_list.setStyleSheet(
            "background: #f3f6fa; border: 1px solid #c9d6e3; border-radius: 4px; padding: 6px;"
        )

        middle = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.photo_list, 1)
        left.addWidget(self.empty_hint)
        middle.addLayout(left, 1)
        middle.addWidget(details)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(middle, 1)
        layout.addWidget(self.field_row(self.shot_list, "photos"))
        layout.addWidget(self.page_error)

    def kind_name(self, value: str) -> str:
        return self.kind_names.get(PhotoKind(value), value)

    # ------------------------------------------------------------------ adding photos

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        event.acceptProposedAction()
        self.add_photos(paths)

    def _choose_files(self) -> None:
        start = str(self.env.settings.value("last_folder", str(Path.home())))
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("选择证据照片"),
            start,
            self.tr("图片 (*.jpg *.jpeg *.png *.heic *.heif *.webp)"),
        )
        self.add_photos([Path(name) for name in names])

    def add_photos(self, paths: list[Path]) -> None:
        """Prepare `paths` in the background; thumbnails appear when they are ready."""
        paths = [p for p in paths if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()]
        if not paths or self.importing:
            return
        from .photo_tasks import import_files

        self.env.settings.setValue("last_folder", str(paths[0].parent))
        self.importing = True
        self.add_button.setEnabled(False)
        self.progress.setRange(0, len(paths))
        self.progress.setValue(0)
        self.progress.show()
        case = self._case_or_none()
        out_dir = self.env.files_dir / self.draft.record_id / "photos"
        lang = self.env.lang
        run_task(
            lambda report: import_files(paths, out_dir, case, lang, report),
            self._imported,
            on_error=self._import_failed,
            on_progress=self._progress,
            owner=self,
        )

    def _case_or_none(self):  # type: ignore[no-untyped-def]
        try:
            return self.draft.case(self.env.clock())
        except CaseError:
            return None

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finish_import(self) -> None:
        self.importing = False
        self.add_button.setEnabled(True)
        self.progress.hide()

    def _imported(self, result: tuple[list[dict[str, Any]], list[str]]) -> None:
        self._finish_import()
        records, errors = result
        known = {photo["sha256"] for photo in self.draft.photos}
        for record in records:
            if record["sha256"] not in known:
                self.draft.photos.append(record)
                known.add(record["sha256"])
        self._refresh()
        if errors:
            self.show_message("\n".join(errors))

    def _import_failed(self, error: Exception) -> None:
        self._finish_import()
        self.show_message(self.tr("照片处理失败：%1").replace("%1", str(error)))

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

    def collect(self) -> None:
        refs = [
            {
                k: v
                for k, v in {
                    "file": photo["prepared_path"],
                    "kind": photo["kind"],
                    "caption": photo.get("caption") or None,
                    "sha256": photo["sha256"],
                }.items()
                if v
            }
            for photo in self.draft.photos
        ]
        self.draft.put("photos", refs or None)

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        self._edit_selected()
        if self.importing:
            self.show_message(self.tr("照片还在处理中，请稍等。"))
            return False
        return super().validatePage()
