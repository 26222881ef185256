"""The claim wizard: the pages in order, a step panel, autosave of drafts, resume, Esc asks first.

The wizard is the one place that talks to the case book: pages write into the draft, the wizard
saves a draft whenever the page changes, when the user closes mid-way and when they finish. A
case already stored (ready to send, or filed) is edited like a document instead: nothing is
saved until the seller says so, and Esc offers to save the changes, drop them or go on.

On a shop server (issue 17) a stored case another desk changed since the wizard opened it is not
overwritten: the save is refused, the seller is told who changed it and when, and 重新载入
(`reload_requested`) opens the wizard again on the other desk's version. A save the server could
not take (it is away) leaves everything in the wizard, with 重试; switching to this PC's own store
is the seller's choice (`move_to`: a draft goes along as a new local draft).

Work still running when the wizard closes (a photo import, a screenshot read) is not lost: its
photos reach the draft, and the store when the seller chose to keep the work
(`WizardDraft.save_late`).
"""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget, QWizard

from seller_app.domain.case import case_from_json, case_to_json
from seller_app.domain.errors import CaseError

from ..casebook import CaseBook, CaseRecord
from .draft import WizardDraft, WizardEnv
from .incident_page import IncidentPage
from .output_page import OutputPage
from .page import CasePage
from .photos_page import PhotosPage
from .result_page import CompensationPage
from .shipment_page import ShipmentPage
from .signer_page import SignerPage
from .steps import StepPanel

log = logging.getLogger(__name__)

PAGES: tuple[type[CasePage], ...] = (
    ShipmentPage,
    IncidentPage,
    PhotosPage,
    SignerPage,
    CompensationPage,
    OutputPage,
)
# Below this width the step panel shows only the step numbers.
COMPACT_WIDTH = 760


class ClaimWizard(QWizard):
    saved = Signal(str)
    """Emitted with the record id after each save."""
    reload_requested = Signal(str, int)
    """(record id, page): another desk changed the stored case; open it again from the store."""

    def __init__(
        self, record: CaseRecord, book: CaseBook, env: WizardEnv, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.draft = WizardDraft.from_record(record)
        self.original = record
        self.stored = record.status != "draft"
        self.resume_page = record.page
        self.book = book
        self.env = env
        self.confirm_box: QMessageBox | None = None
        self.baseline: str | None = None
        self._closing = False
        self._fitted = False
        self.setObjectName("claimWizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 上一步"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步 >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("关闭"))
        known: set[str] = set()
        self.pages: list[CasePage] = []
        for page_class in PAGES:
            page = page_class(self.draft, env)
            known |= set(page_class.OWNS)
            page.known = frozenset(known)
            self.addPage(page)
            self.pages.append(page)
        self.steps = StepPanel([page.title() for page in self.pages])
        self.setSideWidget(self.steps)
        self._set_title()
        self.setMinimumSize(480, 360)
        self.resize(960, 720)
        self._shown_page = -1
        self.currentIdChanged.connect(self._page_changed)

    def _set_title(self) -> None:
        """ "索赔向导 · SF1234567890123" (Qt adds the application's name itself)."""
        numbers = self.draft.data.get("tracking_numbers") or []
        title = self.tr("索赔向导")
        if numbers:
            title += f" · {numbers[0]}" + (f" +{len(numbers) - 1}" if len(numbers) > 1 else "")
        self.setWindowTitle(title)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        if not self._fitted:
            self._fitted = True
            self.fit_to_screen()
        super().showEvent(event)

    def fit_to_screen(self) -> None:
        """Keep the whole wizard, buttons included, on the screen (a laptop at 150 % has about
        850 × 530 points): smaller than its usual size when needed (the pages scroll), centred
        when it would stick out."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry()
        width = min(self.width(), int(room.width() * 0.95))
        height = min(self.height(), int(room.height() * 0.92))
        self.resize(max(width, self.minimumWidth()), max(height, self.minimumHeight()))
        frame = self.frameGeometry()
        if not room.contains(frame):
            frame.moveCenter(room.center())
            self.move(
                max(room.left(), min(frame.left(), room.right() - frame.width())),
                max(room.top(), min(frame.top(), room.bottom() - frame.height())),
            )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        self.steps.set_compact(event.size().width() < COMPACT_WIDTH)
        super().resizeEvent(event)

    # ------------------------------------------------------------------ resume and autosave

    def resume(self) -> None:
        """Walk forward to the page the draft was left on (each page re-checks its input)."""
        target = self.resume_page
        while self.currentId() < target:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break
        if self.stored:
            # What the pages show of the case, as they write it (a quantity of 1, unticked
            # boxes): changes are counted from here, not from the stored file's wording.
            self._collect_current()
            self.baseline = _case_form(self.draft.data, self.env.clock())

    def page_at(self, index: int) -> CasePage:
        return self.pages[index]

    def _page_changed(self, page_id: int) -> None:
        if 0 <= self._shown_page < len(self.pages):
            self.pages[self._shown_page].collect()
        self._shown_page = page_id
        if page_id >= 0:
            self.steps.set_current(page_id)
            self._set_title()
            if not self.stored and not self._untouched():
                self.draft.page = page_id
                self.autosave()

    def _untouched(self) -> bool:
        """A new wizard nothing has been entered in yet (the first page's defaults aside): no
        empty draft in the case list, nothing to ask about when it closes."""
        entered = {
            key
            for key, value in self.draft.data.items()
            if key != "format" and value and (key, value) != ("region", "domestic")
        }
        return self.draft.record_id.startswith("new-") and not entered and not self.draft.photos

    def autosave(self, finished: bool = False) -> bool:
        """Save the draft (`finished`: for the last time, the wizard is done); False if the
        save failed, after telling the user why."""
        record = self.draft.to_record(self.env.clock())
        try:
            self.draft.record_id = self.book.save(record, finished=finished)
        except Exception as error:  # noqa: BLE001 - shown to the user, never a traceback
            if self.env.problems is not None and self._save_problem(error, finished):
                return False
            log.exception("could not save the draft")
            message = error.message(self.env.lang) if hasattr(error, "message") else str(error)
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("保存失败"),
                message,
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.open()  # not exec(): the wizard keeps running and nothing typed is lost
            return False
        self.saved.emit(self.draft.record_id)
        return True

    def _save_problem(self, error: Exception, finished: bool) -> bool:
        """Another desk's change or the server away: said by `SaveProblems` with the way on
        (True); anything else is the plain warning's (False)."""
        from seller_app.store import ConcurrentEditError, ServerUnreachableError

        if not isinstance(error, ConcurrentEditError | ServerUnreachableError):
            return False
        log.warning("wizard: not saved: %s", error)
        if self.stored:
            unsaved = self.tr("你在向导里的修改没有保存。")
        else:
            unsaved = self.tr("草稿没有保存，填写的内容都还在向导里。")
        self.env.problems.show(
            self,
            error,
            reload=self._reload_stored,
            retry=lambda: self._retry_save(finished),
            unsaved=unsaved,
        )
        return True

    def _retry_save(self, finished: bool) -> None:
        if finished:
            self.accept()
        else:
            self.autosave()

    def _reload_stored(self) -> None:
        """Drop this wizard's unsaved changes and have the main window open the case again as
        the store now holds it (the other desk's version)."""
        record_id, page = self.draft.record_id, max(self.currentId(), 0)
        self.close_unsaved()
        self.reload_requested.emit(record_id, page)

    def close_unsaved(self) -> None:
        """Close without saving or asking (what was typed is given up: the seller chose)."""
        self._closed(keep=False)
        self._closing = True
        self.reject()

    def move_to(self, book: CaseBook, files_dir: Path) -> bool:
        """The app now works on another store (the seller chose it, e.g. the shop server is
        away): a draft goes along as a new draft there, saved at once, its working copies of
        photos and documents copied into that store's work folder (`files_dir`). A stored case
        cannot (it lives in the other store): False, the caller closes it."""
        if self.stored:
            return False
        self._collect_current()
        self.book = book
        env = replace(self.env, files_dir=files_dir)
        self.env = env
        for page in self.pages:
            page.env = env
        self.draft.record_id = CaseRecord.new(env.clock()).id
        if not self.autosave():
            return False
        self._copy_work_files(files_dir / self.draft.record_id)
        return self.autosave()

    def _copy_work_files(self, folder: Path) -> None:
        """The draft's photos and documents, copied where the new store's drafts keep theirs
        (the old store's folder is tidied by that store)."""
        draft = self.draft
        for photo in draft.photos:
            source = Path(photo["prepared_path"])
            if source.is_file():
                target = folder / "photos" / source.name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
                photo["prepared_path"] = str(target)
        for kind, path in list(draft.documents.items()):
            source = Path(path)
            if source.is_file():
                folder.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, folder / source.name)
                draft.documents[kind] = str(folder / source.name)
        if draft.photos:
            draft.put("photos", draft.photo_refs())

    def changed(self) -> bool:
        """Whether the seller changed anything in a stored case (the case, its photos)."""
        self._collect_current()
        now = self.env.clock()
        baseline = self.baseline or _case_form(self.original.data, now)
        if _case_form(self.draft.data, now) != baseline:
            return True
        if self._status_choice() not in (None, self.draft.status):
            return True
        before = [(p["sha256"], p.get("kind"), p.get("caption", "")) for p in self.original.photos]
        after = [(p["sha256"], p.get("kind"), p.get("caption", "")) for p in self.draft.photos]
        return before != after

    def _status_choice(self) -> str | None:
        output = self.pages[-1]
        return output.status_choice() if isinstance(output, OutputPage) else None

    def _collect_current(self) -> None:
        if 0 <= self.currentId() < len(self.pages):
            self.pages[self.currentId()].collect()

    # ------------------------------------------------------------------ finishing and closing

    def accept(self) -> None:
        """完成: the last page must pass and the case must be saved before the wizard closes."""
        if not self.validateCurrentPage():
            return
        if not self.autosave(finished=True):
            return  # the wizard stays open with everything typed; the message says why
        self._closed(keep=False)
        # QWizard.done() would validate the last page a second time; it is checked above.
        QDialog.done(self, QDialog.DialogCode.Accepted.value)

    def reject(self) -> None:
        """Esc, the close button or 关闭: ask what to do with the work before closing."""
        if self._closing:
            super().reject()
            return
        if not self.stored:
            self._collect_current()
            if self._untouched():  # nothing entered: nothing to keep or to ask about
                self._closed(keep=False)
                self._closing = True
                super().reject()
                return
        box = QMessageBox(self)
        box.setObjectName("confirmClose")
        box.setIcon(QMessageBox.Icon.Question)
        # Room for a sentence per line (a narrow box wraps every few characters).
        box.setStyleSheet(
            "QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 22em; }"
        )
        self.discard_button = None
        if not self.stored:
            box.setWindowTitle(self.tr("关闭向导"))
            box.setText(self.tr("要关闭索赔向导吗？"))
            box.setInformativeText(
                self.tr("保存草稿后，可以在案件列表里双击这条草稿，从当前这一步继续。")
            )
            keep, discard, stay = (
                self.tr("保存草稿并关闭"),
                self.tr("放弃并删除草稿"),
                self.tr("继续填写"),
            )
        elif self.changed():
            box.setWindowTitle(self.tr("关闭案件"))
            box.setText(self.tr("这个案件有还没保存的修改。"))
            box.setInformativeText(
                self.tr("案件状态：%1。不保存的话，案件保持打开前的样子。").replace(
                    "%1", _status_name(self.draft.status)
                )
            )
            keep, discard, stay = (
                self.tr("保存修改并关闭"),
                self.tr("不保存，直接关闭"),
                self.tr("继续编辑"),
            )
        else:
            box.setWindowTitle(self.tr("关闭案件"))
            box.setText(self.tr("要关闭这个案件吗？"))
            box.setInformativeText(
                self.tr("案件状态：%1。这次没有修改任何内容。").replace(
                    "%1", _status_name(self.draft.status)
                )
            )
            keep, discard, stay = self.tr("关闭"), None, self.tr("继续查看")
        self.keep_button = box.addButton(keep, QMessageBox.ButtonRole.AcceptRole)
        if discard is not None:
            self.discard_button = box.addButton(discard, QMessageBox.ButtonRole.DestructiveRole)
        self.stay_button = box.addButton(stay, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.keep_button)
        box.setEscapeButton(self.stay_button)
        box.finished.connect(lambda _: self._close_answered(box))
        self.confirm_box = box
        box.open()

    def close_without_asking(self) -> bool:
        """Save the work and close (the main window closing, the app quitting); stays open
        and returns False when the save failed."""
        if not self._keep():
            return False
        self._closed(keep=True)
        self._closing = True
        self.reject()
        return True

    def _keep(self) -> bool:
        """Save what the seller keeps on closing: the draft, or a stored case's changes (with
        the status the last page asks for); False when the save failed."""
        self._collect_current()
        if not self.stored:
            return self._untouched() or self.autosave()  # no empty draft in the list
        if not self.changed():
            return True
        self.draft.status = self._status_choice() or self.draft.status
        return self.autosave()

    def _close_answered(self, box: QMessageBox) -> None:
        clicked = box.clickedButton()
        self.confirm_box = None
        if clicked is self.keep_button:
            if not self._keep():
                return  # stay open: nothing typed is lost
            self._closed(keep=True)
        elif clicked is not None and clicked is self.discard_button:
            if not self.stored:
                self.book.delete(self.draft.record_id)
                self.saved.emit(self.draft.record_id)
            self._closed(keep=False)
        else:
            return
        self._closing = True
        self.reject()

    def _closed(self, keep: bool) -> None:
        """From now on no page shows anything; work still running saves its photos through
        `draft.save_late` when the seller kept the work."""
        draft = self.draft
        draft.closed = True
        if keep:
            book, clock = self.book, self.env.clock
            stored = self.stored

            def save_late() -> None:
                if not stored:
                    draft.page = max(draft.page, 0)
                draft.record_id = book.save(draft.to_record(clock()))
                log.info("photos that arrived after the wizard closed saved to %s", draft.record_id)

            draft.save_late = save_late


def _case_form(data: dict[str, Any], now: datetime) -> str:
    """`data` as the case file writes it, so formatting ("12" or "12.00") is no change; the
    photos are compared on their own (their working copies move from one opening to the next)."""
    try:
        normal = case_to_json(case_from_json(data, now))
    except CaseError:
        normal = dict(data)
    normal.pop("photos", None)
    return json.dumps(normal, sort_keys=True, ensure_ascii=False, default=str)


def _status_name(status: str) -> str:
    from ..widgets.case_status import status_name

    return status_name(status)
