"""Recording one follow-up event: when it happened and what it carries (the channel and ticket
number of a claim sent, the amount of a proposal or a payment, a complaint's ticket), with a
note. Recording an event the case already has corrects it.

The dialog does not save anything itself: `record(event, note)` (the case view's) stores it and
raises `CaseError` when the event does not fit the case; the message is shown beside the field
it is about, in the seller's words (no internal field names), and the dialog stays open.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from seller_app.domain.case import SHANGHAI, Case, ClaimChannel
from seller_app.domain.errors import CaseError
from seller_app.domain.events import MONEY_EVENTS, TICKET_KEY, CaseEvent, EventKind, event_of
from seller_app.domain.money import parse_amount
from seller_app.domain.texts import Texts

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #b3261e;"


def to_qt(moment: datetime) -> QDateTime:
    local = moment.astimezone(SHANGHAI)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_qt(value: QDateTime) -> datetime:
    date, time = value.date(), value.time()
    return datetime(
        date.year(), date.month(), date.day(), time.hour(), time.minute(), tzinfo=SHANGHAI
    )


def parse_yuan(text: str) -> Decimal:
    """A yuan amount as sellers type it: ``268``, ``¥268``, ``268元``, ``1,268.50 元``."""
    cleaned = text.strip().removesuffix("元").removesuffix("块").strip()
    return parse_amount(cleaned, "amount")


class EventDialog(QDialog):
    def __init__(
        self,
        kind: EventKind,
        case: Case,
        texts: Texts,
        lang: str,
        now: datetime,
        record: Callable[[CaseEvent, str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("eventDialog")
        self.kind = kind
        self.texts = texts
        self.lang = lang
        self.now = now
        self.record = record
        earlier = event_of(case, kind)
        title = texts.get("event_title", kind.value, lang)
        self.setWindowTitle(title)
        intro = QLabel(self._explain(kind, earlier is not None))
        intro.setWordWrap(True)
        intro.setObjectName("eventIntro")

        self.when = QDateTimeEdit(to_qt(earlier.at if earlier else now))
        self.when.setObjectName("eventTime")
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setMaximumDateTime(to_qt(now))
        self.when_error = self._error_label("eventTimeError")
        form = QFormLayout()
        form.addRow(self.tr("发生时间"), self.when)
        form.addRow("", self.when_error)

        self.channel: QComboBox | None = None
        self.ticket: QLineEdit | None = None
        self.amount: QLineEdit | None = None
        self.ticket_error = self.amount_error = None
        if kind is EventKind.FILED:
            self.channel = QComboBox()
            self.channel.setObjectName("eventChannel")
            self.channel.addItem(self.tr("（未填）"), None)
            for channel in ClaimChannel:
                name = texts.get("claim_channel", channel.name.lower(), lang)
                self.channel.addItem(name, channel.value)
            if earlier is not None and earlier.channel is not None:
                self.channel.setCurrentIndex(self.channel.findData(earlier.channel.value))
            form.addRow(self.tr("提交渠道"), self.channel)
        if kind in TICKET_KEY:
            self.ticket = QLineEdit(earlier.ticket or "" if earlier else "")
            self.ticket.setObjectName("eventTicket")
            self.ticket.setPlaceholderText(
                self.tr("快递公司给的索赔单号或工单号（可不填）")
                if kind is EventKind.FILED
                else self.tr("投诉的工单号（可不填）")
            )
            self.ticket_error = self._error_label("eventTicketError")
            form.addRow(self.tr("工单号"), self.ticket)
            form.addRow("", self.ticket_error)
        if kind in MONEY_EVENTS:
            shown = "" if earlier is None or earlier.amount is None else str(earlier.amount)
            self.amount = QLineEdit(shown)
            self.amount.setObjectName("eventAmount")
            self.amount.setPlaceholderText(self.tr("例如 20 或 20.50"))
            self.amount_error = self._error_label("eventAmountError")
            label = (
                self.tr("快递公司提出的金额（元）")
                if kind is EventKind.PROPOSAL
                else self.tr("实际收到的金额（元）")
            )
            form.addRow(label, self.amount)
            form.addRow("", self.amount_error)
        self.note = QLineEdit()
        self.note.setObjectName("eventNote")
        self.note.setPlaceholderText(self.tr("可不填，例如 客服电话里说的话"))
        form.addRow(self.tr("备注"), self.note)
        self.error = self._error_label("eventError")

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("记录"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("eventSave")
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for edit in (self.ticket, self.amount):
            if edit is not None:
                edit.textChanged.connect(self._clear_errors)
        self.when.dateTimeChanged.connect(self._clear_errors)
        self.setMinimumWidth(460)
        # What the seller has to type first (the time defaults to now; Tab in the time field
        # walks its sections, so it should not be where typing starts).
        (self.amount or self.ticket or self.note).setFocus()

    def _error_label(self, name: str) -> QLabel:
        label = QLabel("")
        label.setObjectName(name)
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def _explain(self, kind: EventKind, again: bool) -> str:
        words = {
            EventKind.FILED: self.tr(
                "在快递公司官网、小程序、网点或客服电话提交索赔后记录。"
                "快递公司的答复期限从提交时间起算。"
            ),
            EventKind.REPLIED: self.tr("快递公司受理或答复了索赔（还没有给出金额）。"),
            EventKind.REJECTED: self.tr("快递公司明确拒绝赔偿。之后可以向它投诉。"),
            EventKind.PROPOSAL: self.tr(
                "快递公司提出了赔偿金额。金额低于索赔金额时，可以不同意并投诉。"
            ),
            EventKind.AGREED: self.tr("你同意了快递公司的赔偿方案。快递公司应在 7 日内付款。"),
            EventKind.PAID: self.tr("收到了快递公司的赔款。"),
            EventKind.COMPLAINED: self.tr(
                "向快递公司投诉（客服电话、官网投诉入口）。快递公司应在 7 日内处理；"
                "之后仍未解决，可以向邮政管理部门申诉（12305）。"
            ),
            EventKind.APPEALED: self.tr(
                "向邮政管理部门申诉（12305 电话或网站）。邮政管理部门应在 30 日内答复。"
            ),
            EventKind.BUYER_REQUESTED: self.tr("买家在平台上申请了退款或售后。"),
            EventKind.PLATFORM_ESCALATED: self.tr("平台客服介入了买家的售后申请。"),
            EventKind.BUYER_REFUNDED: self.tr("已经给买家退款或补发。"),
        }
        text = words[kind]
        if again:
            text += "\n" + self.tr("这一项已经记录过：保存后以这次填写的为准。")
        return text

    def _clear_errors(self) -> None:
        for label in (self.when_error, self.ticket_error, self.amount_error, self.error):
            if label is not None:
                label.hide()

    def _show_error(self, error: CaseError) -> None:
        if error.code == "required" and error.field == "amount":
            text = self.tr("请填写金额，例如 20。")
        else:
            text = self.texts.get("errors", error.code, self.lang, **dict(error.params))
        field = error.field
        if "amount" in field and self.amount_error is not None:
            target = self.amount_error
        elif "ticket" in field and self.ticket_error is not None:
            target = self.ticket_error
        elif field.endswith("_at") or field in ("proposal", "paid"):
            target = self.when_error
        else:
            target = self.error
        target.setText(text)
        target.show()

    def filled_event(self) -> CaseEvent:
        """The event as filled in; `CaseError` for an amount that is missing or not one."""
        amount = None
        if self.amount is not None:
            if not self.amount.text().strip():
                raise CaseError("amount", "required")
            amount = parse_yuan(self.amount.text())
            if amount < 0:
                raise CaseError("amount", "must_not_be_negative", value=self.amount.text())
        ticket = None
        if self.ticket is not None:
            ticket = self.ticket.text().strip() or None
        chosen = self.channel.currentData() if self.channel is not None else None
        channel = ClaimChannel(chosen) if chosen else None
        return CaseEvent(
            self.kind, from_qt(self.when.dateTime()), amount=amount, channel=channel, ticket=ticket
        )

    def accept(self) -> None:
        self._clear_errors()
        try:
            self.record(self.filled_event(), self.note.text().strip())
        except CaseError as error:
            self._show_error(error)
            return
        except Exception as error:  # noqa: BLE001 - the store's own words, never a traceback
            log.warning("event not recorded: %s", error)
            words = error.message(self.lang) if callable(getattr(error, "message", None)) else error
            self.error.setText(str(words))
            self.error.show()
            return
        super().accept()
