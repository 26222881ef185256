"""Page 4, 签收核实: who signed for the parcel, and the advice that follows, shown right here."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from seller_app.domain.case import SignerWho, case_from_json
from seller_app.domain.errors import CaseError
from seller_app.domain.present import render_note
from seller_app.domain.rules import assess

from .page import CasePage
from .widgets import datetime_edit, read_datetime, set_datetime, text_of

# The notes the signer answers lead to (domain/rules.py `_signer_notes`).
SIGNER_NOTES = {"refund_buyer_first", "claim_as_loss", "verify_signer", "signed_without_inspection"}


class SignerPage(CasePage):
    OWNS = ("signer", "buyer", "buyer_requested_at", "platform_escalated_at")

    def __init__(self, draft, env) -> None:  # type: ignore[no-untyped-def]
        super().__init__(draft, env)
        self.setTitle(self.tr("签收核实"))
        self.setSubTitle(self.tr("快递显示签收了吗？是谁签的？这决定了先找谁、按什么索赔。"))
        texts = env.catalog.texts

        self.who = QButtonGroup(self)
        who_box = QWidget()
        who_layout = QVBoxLayout(who_box)
        who_layout.setContentsMargins(0, 0, 0, 0)
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
        self.signed_at = datetime_edit()
        self.signed_at.setObjectName("signedAt")
        self.known_time.toggled.connect(self.signed_at.setEnabled)
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
            "background: #fff8e1; border: 1px solid #f0c36d; border-radius: 4px; padding: 8px;"
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
        self.buyer_requested_at = datetime_edit()
        self.buyer_requested_at.setObjectName("buyerRequestedAt")
        self.buyer_requested.toggled.connect(self.buyer_requested_at.setEnabled)
        self.platform_escalated = QCheckBox(self.tr("平台已介入"))
        self.platform_escalated.setObjectName("platformEscalated")
        self.platform_escalated_at = datetime_edit()
        self.platform_escalated_at.setObjectName("platformEscalatedAt")
        self.platform_escalated.toggled.connect(self.platform_escalated_at.setEnabled)
        platform = QGroupBox(self.tr("买家售后（可不填，填了会提醒平台的处理时限）"))
        platform_form = QFormLayout(platform)
        platform_form.addRow("", self.buyer_requested)
        self.add_field(
            platform_form, self.tr("申请时间"), self.buyer_requested_at, "buyer_requested_at"
        )
        platform_form.addRow("", self.platform_escalated)
        self.add_field(
            platform_form, self.tr("介入时间"), self.platform_escalated_at, "platform_escalated_at"
        )

        form = QFormLayout()
        self.add_field(form, self.tr("谁签收的"), who_box, "signer")
        self.add_field(form, self.tr("签收人姓名"), self.signer_name, "signer.name")
        form.addRow("", self.known_time)
        self.add_field(form, self.tr("签收时间"), self.signed_at, "signer.signed_at")
        form.addRow("", self.inspected)
        form.addRow("", self.placed)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.advice)
        layout.addWidget(buyer)
        layout.addWidget(platform)
        layout.addWidget(self.page_error)
        layout.addStretch(1)

    def _who(self) -> str | None:
        button = self.who.checkedButton()
        return None if button is None else str(button.property("value"))

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
        if self.known_time.isChecked():
            signer["signed_at"] = read_datetime(self.signed_at)
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
        if self._who() is None:
            self.advice.setText(self.tr("选择签收人后，这里会告诉你接下来该怎么做。"))
        elif not found:
            self.advice.setText(self.tr("✓ 签收情况没有问题，可以直接向快递公司索赔。"))
        else:
            self.advice.setText("\n\n".join(f"• {text}" for text in found))

    # ------------------------------------------------------------------ wizard protocol

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        signer = self.draft.data.get("signer") or {}
        self.who.setExclusive(False)
        for button in self.who.buttons():
            button.setChecked(button.property("value") == signer.get("who"))
        self.who.setExclusive(True)
        self.signer_name.setText(text_of(signer.get("name")))
        self.known_time.setChecked(bool(signer.get("signed_at")))
        self.signed_at.setEnabled(self.known_time.isChecked())
        set_datetime(self.signed_at, signer.get("signed_at"), self.env.clock())
        self.inspected.setChecked(bool(signer.get("inspected")))
        self.placed.setChecked(bool(signer.get("placed_without_consent")))
        buyer = self.draft.data.get("buyer") or {}
        self.buyer_name.setText(text_of(buyer.get("name")))
        self.buyer_phone.setText(text_of(buyer.get("phone")))
        self.buyer_address.setText(text_of(buyer.get("address")))
        data = self.draft.data
        for box, edit, key in (
            (self.buyer_requested, self.buyer_requested_at, "buyer_requested_at"),
            (self.platform_escalated, self.platform_escalated_at, "platform_escalated_at"),
        ):
            box.setChecked(bool(data.get(key)))
            edit.setEnabled(box.isChecked())
            set_datetime(edit, data.get(key), self.env.clock())
        self._update_advice()

    def collect(self) -> None:
        self.draft.put("signer", self._signer())
        buyer = {
            "name": self.buyer_name.text().strip(),
            "phone": self.buyer_phone.text().strip(),
            "address": self.buyer_address.text().strip(),
        }
        self.draft.put("buyer", {k: v for k, v in buyer.items() if v} or None)
        for box, edit, key in (
            (self.buyer_requested, self.buyer_requested_at, "buyer_requested_at"),
            (self.platform_escalated, self.platform_escalated_at, "platform_escalated_at"),
        ):
            self.draft.put(key, read_datetime(edit) if box.isChecked() else None)

    def after_valid(self) -> bool:
        if self._who() is None:
            self.show_error(CaseError("signer", "required"))
            return False
        return True
