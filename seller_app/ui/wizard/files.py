"""Files the seller drops or chooses: which are photos, and why the others are not taken.

The photo formats are the evidence package's (`evidence.prepare.FORMATS`: JPEG, PNG, WebP,
HEIC); a folder stands for the photos in it. Anything else is named with the reason, in the
seller's words, rather than ignored (issue 14: a dropped notes.txt or unboxing video did
nothing at all).
"""

from __future__ import annotations

import stat
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".heic", ".heif", ".webp"})
VIDEO_SUFFIXES = frozenset(
    {".mp4", ".mov", ".m4v", ".avi", ".mkv", ".3gp", ".wmv", ".flv", ".webm", ".mpg", ".mpeg"}
)
FOLDER_LIMIT = 200  # photos taken from one dropped folder


def IMAGE_FILTER() -> str:  # noqa: N802 - reads as the constant it stands for
    """The file dialog's filter for photos (and everything, to be told why not)."""
    return ";;".join(
        (
            QCoreApplication.translate(
                "DroppedFiles", "图片 (*.jpg *.jpeg *.png *.heic *.heif *.webp)"
            ),
            QCoreApplication.translate("DroppedFiles", "所有文件 (*)"),
        )
    )


def sort_dropped(paths: Iterable[Path]) -> tuple[list[Path], list[str]]:
    """(the photos among `paths`, one sentence for each file that is not taken and why)."""
    photos: list[Path] = []
    refused: list[str] = []
    for path in paths:
        name = path.name or str(path)
        try:
            mode = path.stat().st_mode
        except OSError:
            refused.append(
                QCoreApplication.translate(
                    "DroppedFiles", "找不到“%1”，可能已被移动或删除。"
                ).replace("%1", name)
            )
            continue
        if stat.S_ISDIR(mode):
            inside = sorted(p for p in path.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
            if not inside:
                refused.append(
                    QCoreApplication.translate("DroppedFiles", "文件夹“%1”里没有照片。").replace(
                        "%1", name
                    )
                )
            photos.extend(p for p in inside[:FOLDER_LIMIT] if p.is_file())
            continue
        if not stat.S_ISREG(mode):
            refused.append(
                QCoreApplication.translate("DroppedFiles", "“%1”不是普通文件。").replace("%1", name)
            )
        elif path.suffix.lower() in VIDEO_SUFFIXES:
            refused.append(
                QCoreApplication.translate(
                    "DroppedFiles",
                    "“%1”是视频。索赔单里只能放照片：请从视频里截取能看清问题的画面作为照片加入；"
                    "视频原件请保存好，快递公司要求时再提供。",
                ).replace("%1", name)
            )
        elif path.suffix.lower() not in IMAGE_SUFFIXES:
            refused.append(
                QCoreApplication.translate(
                    "DroppedFiles", "“%1”不是照片（只能添加 JPG、PNG、HEIC、WebP 图片）。"
                ).replace("%1", name)
            )
        else:
            photos.append(path)
    unique = list(dict.fromkeys(photos))
    return unique, refused
