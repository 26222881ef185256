"""Choosing where to save and what to open, the same way everywhere in the main window and the
case view: a filter per file type (PDF, 日历, 压缩包 ... never only 所有文件), a Chinese default
name, the suffix added when the seller leaves it off, the last folder remembered, and no output
inside the app's data folder (where the store keeps its sealed files).

The dialogs are opened through `ask_save_path` / `ask_open_path` (tests replace them).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

LAST_FOLDER = "files/last_folder"


def filter_for(kind: str) -> str:
    """The name filter of a file type: ``pdf``, ``ics``, ``zip``, ``backup``, ``holidays``."""
    filters = {
        "pdf": QCoreApplication.translate("FileDialogs", "PDF 文件 (*.pdf)"),
        "ics": QCoreApplication.translate("FileDialogs", "日历文件 (*.ics)"),
        "zip": QCoreApplication.translate("FileDialogs", "压缩包 (*.zip)"),
        "backup": QCoreApplication.translate("FileDialogs", "理赔助手备份 (*.zip)"),
        "holidays": QCoreApplication.translate("FileDialogs", "放假安排 (*.toml *.json)"),
        "text": QCoreApplication.translate("FileDialogs", "文本文件 (*.txt)"),
    }
    return filters[kind]


def start_folder(settings: QSettings) -> Path:
    """The folder the seller last saved to or opened from, else their Documents folder."""
    last = settings.value(LAST_FOLDER)
    if isinstance(last, str) and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_folder(settings: QSettings, path: Path) -> None:
    settings.setValue(LAST_FOLDER, str(path.parent))


def ask_save_path(
    parent: QWidget | None,
    title: str,
    folder: Path,
    name: str,
    kinds: tuple[str, ...],
) -> Path | None:
    """Where to save `name` (the dialog asks before replacing a file); None when cancelled.
    The first kind's suffix is added to a name typed without one."""
    dialog = QFileDialog(parent, title, str(folder))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilters([filter_for(kind) for kind in kinds])
    dialog.setDefaultSuffix(Path(name).suffix.lstrip("."))
    dialog.selectFile(str(folder / name))
    if dialog.exec() != QFileDialog.DialogCode.Accepted.value or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def ask_open_path(
    parent: QWidget | None, title: str, folder: Path, kinds: tuple[str, ...]
) -> Path | None:
    """An existing file to read; None when cancelled."""
    dialog = QFileDialog(parent, title, str(folder))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilters([filter_for(kind) for kind in kinds])
    if dialog.exec() != QFileDialog.DialogCode.Accepted.value or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def inside(path: Path, folder: Path) -> bool:
    """`path` is `folder` or lies somewhere inside it (links resolved)."""
    target = Path(path).expanduser().resolve()
    root = Path(folder).expanduser().resolve()
    return target == root or root in target.parents


def safe_file_name(text: str) -> str:
    """A tracking number or title made safe for a file name on every system."""
    bad = '<>:"/\\|?*'
    cleaned = "".join("_" if ch in bad or ord(ch) < 32 else ch for ch in text).strip(" .")
    return cleaned or "case"


def open_file(path: Path) -> bool:
    """Open `path` in the system's viewer (a PDF reader, the calendar app)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
