"""The case view's 照片 tab: the case's evidence photos as thumbnails, with their kind and
caption (the original's name and SHA-256 in the tooltip). The small copies are unsealed and
decoded at reduced size on the thread pool."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from ..casebook import CaseBook
from ..tasks import run_task

log = logging.getLogger(__name__)

THUMBNAIL = 200


class PhotosTab(QListWidget):
    def __init__(self, book: CaseBook, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.lang = lang
        self.keys: tuple[str, ...] | None = None
        self.setObjectName("casePhotos")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setSpacing(8)
        self.setWordWrap(True)

    def show_photos(self, photos: Sequence[Any]) -> None:
        """The stored photos (`seller_app.store.records.StoredPhoto`); the same set again is not
        decoded again."""
        keys = tuple(photo.sha256 for photo in photos)
        if keys == self.keys:
            return
        self.keys = keys
        self.clear()
        if not photos:
            item = QListWidgetItem(self.tr("这个案件没有证据照片"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)
            return
        from seller_app.evidence.messages import kind_label

        book = self.book
        wanted = [
            (photo.prepared_sha256 or photo.sha256, kind_label(photo.kind, self.lang), photo)
            for photo in photos
        ]
        run_task(
            lambda: [(label, photo, thumbnail(book, digest)) for digest, label, photo in wanted],
            self._loaded,
            on_error=lambda error: log.warning("thumbnails not made: %s", error),
            owner=self,
        )

    def _loaded(self, thumbnails: list[tuple[str, Any, QImage | None]]) -> None:
        self.clear()
        for label, photo, image in thumbnails:
            text = label + (f"\n{photo.caption}" if photo.caption else "")
            item = QListWidgetItem(text)
            if image is not None:
                item.setIcon(QIcon(QPixmap.fromImage(image)))
            item.setToolTip(f"{photo.name}\nSHA-256 {photo.sha256}")
            self.addItem(item)


def thumbnail(book: CaseBook, digest: str) -> QImage | None:
    """A small copy of a stored photo, decoded at reduced size (worker thread: QImage is safe
    to make there)."""
    try:
        data = book.read_photo(digest)
    except Exception:  # noqa: BLE001 - a missing blob shows as a photo without a picture
        log.warning("photo %s not readable", digest[:12])
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > THUMBNAIL:
        reader.setScaledSize(size.scaled(THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image
