"""The claim wizard: the pages in order, autosave on every page change, resume, Esc asks first.

The wizard is the one place that talks to the case book: pages write into the draft, the wizard
saves it whenever the page changes, when the user closes mid-way and when they finish.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget, QWizard

from ..casebook import CaseBook, CaseRecord
from .draft import WizardDraft, WizardEnv
from .incident_page import IncidentPage
from .output_page import OutputPage
from .page import CasePage
from .photos_page import PhotosPage
from .result_page import CompensationPage
from .shipment_page import ShipmentPage
from .signer_page import SignerPage

log = logging.getLogger(__name__)

PAGES: tuple[type[CasePage], ...] = (
    ShipmentPage,
    IncidentPage,
    PhotosPage,
    SignerPage,
    CompensationPage,
    OutputPage,
)


class ClaimWizard(QWizard):
    saved = Signal(str)
    """Emitted with the record id after each save."""

    def __init__(
        self, record: CaseRecord, book: CaseBook, env: WizardEnv, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.draft = WizardDraft.from_record(record)
        self.resume_page = record.page
        self.book = book
        self.env = env
        self.confirm_box: QMessageBox | None = None
        self._closing = False
        self.setObjectName("claimWizard")
        self.setWindowTitle(self.tr("理赔助手 — 索赔向导"))
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
        self.resize(900, 720)
        self._shown_page = -1
        self.currentIdChanged.connect(self._page_changed)

    # ------------------------------------------------------------------ resume and autosave

    def resume(self) -> None:
        """Walk forward to the page the draft was left on (each page re-checks its input)."""
        target = self.resume_page
        while self.currentId() < target:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break

    def page_at(self, index: int) -> CasePage:
        return self.pages[index]

    def _page_changed(self, page_id: int) -> None:
        if 0 <= self._shown_page < len(self.pages):
            self.pages[self._shown_page].collect()
        self._shown_page = page_id
        if page_id >= 0:
            self.draft.page = page_id
            self.autosave()

    def autosave(self, finished: bool = False) -> bool:
        """Save the draft (`finished`: for the last time, the wizard is done); False if the
        save failed, after telling the user why."""
        record = self.draft.to_record(self.env.clock())
        try:
            self.draft.record_id = self.book.save(record, finished=finished)
        except Exception as error:  # noqa: BLE001 - shown to the user, never a traceback
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

    # ------------------------------------------------------------------ finishing and closing

    def accept(self) -> None:
        """完成: the last page must pass and the case must be saved before the wizard closes."""
        if not self.validateCurrentPage():
            return
        if not self.autosave(finished=True):
            return  # the wizard stays open with everything typed; the message says why
        # QWizard.done() would validate the last page a second time; it is checked above.
        QDialog.done(self, QDialog.DialogCode.Accepted.value)

    def reject(self) -> None:
        """Esc, the close button or 关闭: ask whether to keep the draft before closing."""
        if self._closing:
            super().reject()
            return
        box = QMessageBox(self)
        box.setObjectName("confirmClose")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("关闭向导"))
        box.setText(self.tr("要关闭索赔向导吗？"))
        box.setInformativeText(
            self.tr("保存草稿后，可以在案件列表里双击这条草稿，从当前这一步继续。")
        )
        self.keep_button = box.addButton(
            self.tr("保存草稿并关闭"), QMessageBox.ButtonRole.AcceptRole
        )
        self.discard_button = box.addButton(
            self.tr("放弃并删除草稿"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.stay_button = box.addButton(self.tr("继续填写"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.keep_button)
        box.setEscapeButton(self.stay_button)
        box.finished.connect(lambda _: self._close_answered(box))
        self.confirm_box = box
        box.open()

    def close_without_asking(self) -> bool:
        """Save the draft and close (the main window closing, the app quitting); stays open
        and returns False when the save failed."""
        if 0 <= self.currentId() < len(self.pages):
            self.pages[self.currentId()].collect()
        if not self.autosave():
            return False
        self._closing = True
        self.reject()
        return True

    def _close_answered(self, box: QMessageBox) -> None:
        clicked = box.clickedButton()
        self.confirm_box = None
        if clicked is self.keep_button:
            if 0 <= self.currentId() < len(self.pages):
                self.pages[self.currentId()].collect()
            if not self.autosave():
                return  # stay open: nothing typed is lost
        elif clicked is self.discard_button:
            if self.draft.status == "draft":
                self.book.delete(self.draft.record_id)
                self.saved.emit(self.draft.record_id)
        else:
            return
        self._closing = True
        self.reject()
