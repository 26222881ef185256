"""Page 4, 签收核实: who signed for the parcel, and the advice that follows, shown right here.

A proof of delivery (签收底单) or a tracking screenshot dropped here fills the signer, the
signing time and the signer's name, each marked "从截图读取"; a signer such as 门卫, 前台, 驿站,
快递柜 or 家人 answers "not the buyer" and asks whether the buyer authorised them (seed 002,
``resources/timeline/signers.toml``). The buyer's side on the platform (when they asked for
after-sales, when the platform stepped in) is optional: the schedule's 48 h / 72 h windows run
from those dates.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from seller_app.domain.case import SHANGHAI, SignerWho, case_from_json
from seller_app.domain.errors import CaseError
from seller_app.domain.present import render_note
from seller_app.domain.rules import assess

from .page import CasePage
from .screenshot_box import ScreenshotBox
from .widgets import MomentEdit, text_of

# Answers to "did the buyer authorise whoever the screenshot shows signed?"
_ANSWERED = {SignerWho.AUTHORIZED.value, SignerWho.UNAUTHORIZED.value}
# The notes the signer answers lead to (domain/rules.py `_signer_notes`).
SIGNER_NOTES = {"refund_buyer_first", "claim_as_loss", "verify_signer", "signed_without_inspection"}


class SignerPage(CasePage):
    OWNS = ("signer", "buyer", "buyer_requested_at", "platform_escalated_at")

    def __init__(self, draft, env) -> None:  # type: ignore[no-untyped-def]
        super().__init__(draft, env)
        self.setTitle(self.tr("签收核实"))
        self.setSubTitle(self.tr("快递显示签收了吗？是谁签的？这决定了先找谁、按什么索赔。"))
        texts = env.catalog.texts
        self.from_screenshot: dict[str, Any] = {}
        # What the screenshot asks of the seller (signer_questions: the authorisation first).
        self.questions: tuple[str, ...] = ()
        self.asks_authorised = False

        self.who = QButtonGroup(self)
        self.who_box = QWidget()
        self.who_box.setObjectName("whoBox")
        who_layout = QVBoxLayout(self.who_box)
        who_layout.setContentsMargins(4, 4, 4, 4)
        for who in SignerWho:
            button = QRadioButton(texts.get("signer", who.value, env.lang))
            button.setObjectName(f"who:{who.value}")
            button.setProperty("value", who.value)
            self.who.addButton(button)
            who_layout.addWidget(button)
        self.who.buttonToggled.connect(self._update_advice)

        self.signer_name = QLineEdit()
        self.signer_name.setObjectName("signerName")
        self.signer_name.setPlaceholderText(self.tr("签收底单或签收照片上的名字（可不填）"))
        self.known_time = QCheckBox(self.tr("知道签收时间"))
        self.known_time.setObjectName("knownTime")
        self.signed_at = MomentEdit(self.tr("未填写"), env.clock)
        self.signed_at.setObjectName("signedAt")
        self.signed_at.setEnabled(False)
        self.known_time.toggled.connect(self.signed_at.setEnabled)
        signed = QWidget()
        signed_line = QHBoxLayout(signed)
        signed_line.setContentsMargins(0, 0, 0, 0)
        signed_line.addWidget(self.known_time)
        signed_line.addWidget(self.signed_at)
        signed_line.addStretch(1)
        self.inspected = QCheckBox(self.tr("快递员离开前，收件人当面开箱验了货"))
        self.inspected.setObjectName("inspected")
        self.placed = QCheckBox(self.tr("未经收件人同意，放进了快递柜或驿站"))
        self.placed.setObjectName("placed")
        for box in (self.inspected, self.placed):
            box.toggled.connect(self._update_advice)

        self.advice = QLabel()
        self.advice.setObjectName("signerAdvice")
        self.advice.setWordWrap(True)
        self.advice.setStyleSheet(
            "QLabel#signerAdvice { background: #fff8e1; border: 1px solid #f0c36d;"
            " border-radius: 4px; padding: 8px; }"
        )

        self.buyer_name = QLineEdit()
        self.buyer_name.setObjectName("buyerName")
        self.buyer_phone = QLineEdit()
        self.buyer_phone.setObjectName("buyerPhone")
        self.buyer_address = QLineEdit()
        self.buyer_address.setObjectName("buyerAddress")
        buyer = QGroupBox(self.tr("买家信息（印在索赔单上，加密保存在本机）"))
        buyer_form = QFormLayout(buyer)
        self.add_field(buyer_form, self.tr("姓名"), self.buyer_name, "buyer.name")
        self.add_field(buyer_form, self.tr("电话"), self.buyer_phone, "buyer.phone")
        self.add_field(buyer_form, self.tr("地址"), self.buyer_address, "buyer.address")

        # The buyer's side on the platform (optional): the seller's 48 h to answer and the
        # platform's windows run from these (schedule: seller_response, platform_*).
        self.buyer_requested = QCheckBox(self.tr("买家已在平台申请售后"))
        self.buyer_requested.setObjectName("buyerRequested")
        self.buyer_requested_at = MomentEdit(self.tr("未填写"), env.clock)
        self.buyer_requested_at.setObjectName("buyerRequestedAt")
        self.platform_escalated = QCheckBox(self.tr("平台已介入"))
        self.platform_escalated.setObjectName("platformEscalated")
        self.platform_escalated_at = MomentEdit(self.tr("未填写"), env.clock)
        self.platform_escalated_at.setObjectName("platformEscalatedAt")
        platform = QGroupBox(self.tr("买家售后（可不填，填了会提醒平台的处理时限）"))
        platform_form = QFormLayout(platform)
        for box, edit, key, label in (
            (
                self.buyer_requested,
                self.buyer_requested_at,
                "buyer_requested_at",
                self.tr("买家申请售后的时间"),
            ),
            (
                self.platform_escalated,
                self.platform_escalated_at,
                "platform_escalated_at",
                self.tr("平台介入的时间"),
            ),
        ):
            box.toggled.connect(edit.setEnabled)
            edit.setEnabled(False)
            line = QWidget()
            row = QHBoxLayout(line)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(box)
            row.addWidget(edit)
            row.addStretch(1)
            platform_form.addRow(self.field_row(line, key, mark=edit, label=label))

        self.screenshot = ScreenshotBox(
            self,
            self.tr("或把签收底单、物流详情截图拖到这一页：自动填写签收人和签收时间。"),
        )
        form = QFormLayout()
        self.add_field(form, self.tr("谁签收的"), self.who_box, "signer")
        self.add_field(form, self.tr("签收人姓名"), self.signer_name, "signer.name")
        self.add_field(form, self.tr("签收时间"), signed, "signer.signed_at", mark=self.signed_at)
        form.addRow("", self.inspected)
        form.addRow("", self.placed)
        # Shown first, but last in the Tab order: the page starts in its first field.
        form.insertRow(0, "", self.screenshot)
        layout = QVBoxLayout(self.body)
        layout.addLayout(form)
        layout.addWidget(self.advice)
        layout.addWidget(buyer)
        layout.addWidget(platform)
        layout.addWidget(self.page_error)
        layout.addStretch(1)

    def _who(self) -> str | None:
        button = self.who.checkedButton()
        return None if button is None else str(button.property("value"))

    def _set_who(self, value: str | None) -> None:
        self.who.setExclusive(False)
        for button in self.who.buttons():
            button.setChecked(button.property("value") == value)
        self.who.setExclusive(True)

    def _signer(self) -> dict[str, object] | None:
        who = self._who()
        if who is None:
            return None
        signer: dict[str, object] = {
            "who": who,
            "inspected": self.inspected.isChecked(),
            "placed_without_consent": self.placed.isChecked(),
        }
        if self.signer_name.text().strip():
            signer["name"] = self.signer_name.text().strip()
        if self.known_time.isChecked() and self.signed_at.moment_text():
            signer["signed_at"] = self.signed_at.moment_text()
        return signer

    def advice_texts(self) -> list[str]:
        """What the domain advises for the answers so far (rendered notes)."""
        signer = self._signer()
        if signer is None:
            return []
        data = dict(self.draft.data, signer=signer)
        data.pop("buyer", None)
        try:
            case = case_from_json(data, self.env.clock())
            assessment = assess(case, self.env.catalog, now=self.env.clock())
        except CaseError:
            return []
        texts, lang = self.env.catalog.texts, self.env.lang
        found = [
            render_note(texts, "advice", n, lang)["text"]
            for n in assessment.advice
            if n.code in SIGNER_NOTES
        ]
        found += [
            render_note(texts, "warnings", n, lang)["text"]
            for n in assessment.warnings
            if n.code in SIGNER_NOTES
        ]
        return found

    def _update_advice(self, *_: object) -> None:
        found = self.advice_texts()
        asked = list(self.questions)
        if self.questions and self.asks_authorised and self._who() in _ANSWERED:
            asked = asked[1:]  # answered: the buyer was asked whether they authorised it
        questions = [f"⚠ {question}" for question in asked]
        if self._who() is None:
            lines = [self.tr("选择签收人后，这里会告诉你接下来该怎么做。")]
        elif not found:
            lines = [self.tr("✓ 签收情况没有问题，可以直接向快递公司索赔。")]
        else:
            lines = [f"• {text}" for text in found]
        self.advice.setText("\n\n".join(questions + lines))

    # ------------------------------------------------------------------ screenshots

    def screenshot_read(self, reading: Any) -> str:
        """Fill who signed, their name and the time from a screenshot; returns what was filled.
        A signer who is not the buyer (门卫, 驿站 ...) answers "not the buyer yet known to be
        authorised" and the question to ask the buyer is shown above the advice."""
        timeline = reading.timeline
        filled: list[str] = []
        if reading.signer_who:
            if self._who() is None or reading.ask_authorised:
                self._set_who(reading.signer_who)
                filled.append(self.tr("签收人"))
            self.from_screenshot["signer"] = reading.signer_who
        if timeline.signer:
            if not self.signer_name.text().strip():
                self.signer_name.setText(timeline.signer)
                filled.append(self.tr("签收人姓名"))
            self.from_screenshot["signer.name"] = timeline.signer
        if timeline.signed_at is not None:
            read = timeline.signed_at.astimezone(SHANGHAI).strftime("%Y-%m-%dT%H:%M")
            if not (self.known_time.isChecked() and self.signed_at.moment_text()):
                self.known_time.setChecked(True)
                self.signed_at.set_moment(read)
                filled.append(self.tr("签收时间"))
            self.from_screenshot["signer.signed_at"] = read
        self.questions = tuple(reading.questions)
        self.asks_authorised = bool(reading.ask_authorised)
        self.collect()
        self._update_advice()
        self.update_notes()
        return "、".join(filled) or self.tr("没有需要填写的空白项")

    def update_notes(self) -> None:
        values = {
            "signer": self._who(),
            "signer.name": self.signer_name.text().strip(),
            "signer.signed_at": self.signed_at.moment_text()
            if self.known_time.isChecked()
            else None,
        }
        for key, value in values.items():
            read = self.from_screenshot.get(key)
            note = None
            if read is not None and read == value:
                note = self.tr("从截图读取，请核对")
                if key == "signer" and value != SignerWho.BUYER.value:
                    note = self.tr(
                        "从截图读取：签收的不是买家本人。请向买家确认是否授权代收："
                        "授权了选“买家授权的人”，没有授权选“其他人（未经授权）”。"
                    )
            elif key == "signer" and read == SignerWho.UNKNOWN.value and value in _ANSWERED:
                note = None  # the seller asked the buyer and answered the question
            elif read is not None and value:
                shown = str(read).replace("T", " ")
                if key == "signer":
                    shown = self.env.catalog.texts.get("signer", str(read), self.env.lang)
                note = self.tr("截图显示：%1，和填写的不同，请核对").replace("%1", shown)
            self.set_note(key, note, "info")

    # ------------------------------------------------------------------ wizard protocol

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        signer = self.draft.data.get("signer") or {}
        self._set_who(signer.get("who"))
        self.signer_name.setText(text_of(signer.get("name")))
        self.known_time.setChecked(bool(signer.get("signed_at")))
        self.signed_at.setEnabled(self.known_time.isChecked())
        self.signed_at.set_moment(signer.get("signed_at"))
        self.inspected.setChecked(bool(signer.get("inspected")))
        self.placed.setChecked(bool(signer.get("placed_without_consent")))
        buyer = self.draft.data.get("buyer") or {}
        self.buyer_name.setText(text_of(buyer.get("name")))
        self.buyer_phone.setText(text_of(buyer.get("phone")))
        self.buyer_address.setText(text_of(buyer.get("address")))
        data = self.draft.data
        for box, edit, key in self._buyer_side():
            box.setChecked(bool(data.get(key)))
            edit.setEnabled(box.isChecked())
            edit.set_moment(data.get(key))
        self._update_advice()
        self.update_notes()

    def _buyer_side(self) -> tuple[tuple[QCheckBox, MomentEdit, str], ...]:
        return (
            (self.buyer_requested, self.buyer_requested_at, "buyer_requested_at"),
            (self.platform_escalated, self.platform_escalated_at, "platform_escalated_at"),
        )

    def collect(self) -> None:
        self.draft.put("signer", self._signer())
        buyer = {
            "name": self.buyer_name.text().strip(),
            "phone": self.buyer_phone.text().strip(),
            "address": self.buyer_address.text().strip(),
        }
        self.draft.put("buyer", {k: v for k, v in buyer.items() if v} or None)
        for box, edit, key in self._buyer_side():
            self.draft.put(key, edit.moment_text() if box.isChecked() else None)

    def extra_errors(self) -> list[CaseError]:
        errors = []
        if self._who() is None:
            errors.append(CaseError("signer", "required"))
        if self.known_time.isChecked() and self.signed_at.moment_text() is None:
            errors.append(CaseError("signer.signed_at", "required"))
        for box, edit, key in self._buyer_side():
            if box.isChecked() and edit.moment_text() is None:
                errors.append(CaseError(key, "required"))
        return errors
