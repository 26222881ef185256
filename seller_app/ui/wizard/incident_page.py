"""Page 2, 问题与货物: what went wrong (with the follow-up questions each needs) and the goods.

A partial loss is asked as an amount or as a share of the goods value (the engine gets the
amount: goods value × share, rounded half-up to the fen). Dates start empty: a ticked "已经提交"
with no date is asked for, never filled in from the clock (issue 13: the wizard does not invent
the claim date)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from seller_app.domain.case import Extent, Incident, MismatchKind
from seller_app.domain.errors import CaseError

from .page import CasePage
from .reasons import same_minute, same_time_note
from .widgets import MomentEdit, money_edit, money_text, plain_text, text_of

CENT = Decimal("0.01")

# The value proofs the page offers as ticks (the case format has a few more).
PROOF_CHOICES = ("order_screenshot", "invoice", "payment_record")


def _radio_row(group: QButtonGroup, choices: list[tuple[str, str]]) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for value, label in choices:
        button = QRadioButton(label)
        button.setObjectName(f"choice:{value}")
        button.setProperty("value", value)
        group.addButton(button)
        row.addWidget(button)
    row.addStretch(1)
    return box


def _checked_value(group: QButtonGroup) -> str | None:
    button = group.checkedButton()
    return None if button is None else str(button.property("value"))


def _check_value(group: QButtonGroup, value: object) -> None:
    group.setExclusive(False)
    for button in group.buttons():
        button.setChecked(button.property("value") == value)
    group.setExclusive(True)


class IncidentPage(CasePage):
    OWNS = (
        "incident",
        "damage",
        "mismatch",
        "delay",
        "goods",
        "goods_value",
        "salvage_value",
        "claim_at",
        "description",
        "exemptions",
        "promised_at",
        "inquired_at",
        "value_proofs",
    )
    ALIASES = {
        "damage.lost_value": "lost_value",
        "mismatch.lost_value": "lost_value",
        "delay.lost_value": "lost_value",
    }

    def __init__(self, draft, env) -> None:  # type: ignore[no-untyped-def]
        super().__init__(draft, env)
        self.setTitle(self.tr("问题与货物"))
        self.setSubTitle(self.tr("包裹出了什么问题，里面是什么货、值多少钱。"))
        texts = env.catalog.texts

        self.incident = QButtonGroup(self)
        incident_row = _radio_row(
            self.incident,
            [(item.value, texts.get("incident", item.value, env.lang)) for item in Incident],
        )
        self.incident.buttonToggled.connect(self._update_follow_up)

        # Follow-up questions, one box per incident kind.
        self.extent = QButtonGroup(self)
        extent_row = _radio_row(
            self.extent,
            [
                (Extent.FULL.value, self.tr("全部损坏，没有价值了")),
                (Extent.PARTIAL.value, self.tr("部分损坏")),
            ],
        )
        self.mismatch = QButtonGroup(self)
        mismatch_row = _radio_row(
            self.mismatch,
            [
                (MismatchKind.WRONG_ITEM.value, self.tr("收到的不是寄出的货")),
                (MismatchKind.SHORT.value, self.tr("少了一部分")),
            ],
        )
        self.value_destroyed = QCheckBox(self.tr("延误让货物失去了价值（例如生鲜变质）"))
        self.value_destroyed.setObjectName("valueDestroyed")
        self.lost_value = money_edit(self.tr("损失了多少钱的货，例如 120"))
        self.lost_value.setObjectName("lostValue")
        self.lost_value.setMinimumWidth(200)
        self.lost_percent = QLineEdit()
        self.lost_percent.setObjectName("lostPercent")
        self.lost_percent.setPlaceholderText(self.tr("例如 40"))
        self.lost_percent.setMaximumWidth(90)
        self.lost_value.textEdited.connect(lambda _: self._lost_edited("amount"))
        self.lost_percent.textEdited.connect(lambda _: self._lost_edited("percent"))
        self._lost_from = "amount"  # which of the two the seller typed last
        self.salvage_value = money_edit(self.tr("坏货还能卖多少钱（可不填）"))
        self.salvage_value.setObjectName("salvageValue")
        self.value_destroyed.toggled.connect(self._update_follow_up)
        empty = self.tr("未填写")
        self.promised_at = MomentEdit(empty, env.clock)
        self.promised_at.setObjectName("promisedAt")
        self.promised_known = QCheckBox(self.tr("快递公司承诺了送达时间"))
        self.promised_known.setObjectName("promisedKnown")
        _enables(self.promised_known, self.promised_at)
        self.extent.buttonToggled.connect(self._update_follow_up)
        self.mismatch.buttonToggled.connect(self._update_follow_up)

        self.follow_up = QGroupBox(self.tr("具体情况"))
        follow = QFormLayout(self.follow_up)
        self.extent_row = self.field_row(extent_row, "damage", label=self.tr("损坏程度"))
        self.mismatch_row = self.field_row(mismatch_row, "mismatch", label=self.tr("不符情况"))
        self.delay_row = self.field_row(self.value_destroyed, "delay", label=self.tr("延误后果"))
        lost = QWidget()
        lost_line = QHBoxLayout(lost)
        lost_line.setContentsMargins(0, 0, 0, 0)
        lost_line.addWidget(self.lost_value)
        lost_line.addWidget(QLabel(self.tr("元，或占货物价值的")))
        lost_line.addWidget(self.lost_percent)
        lost_line.addWidget(QLabel("%"))
        lost_line.addStretch(1)
        self.lost_row = self.field_row(
            lost,
            "lost_value",
            self.tr("填金额或比例都可以，另一个会自动算出。"),
            mark=self.lost_value,
            label=self.tr("损失金额"),
        )
        self.salvage_row = self.field_row(
            self.salvage_value, "salvage_value", label=self.tr("残值")
        )
        promised = QWidget()
        promised_line = QHBoxLayout(promised)
        promised_line.setContentsMargins(0, 0, 0, 0)
        promised_line.addWidget(self.promised_known)
        promised_line.addWidget(self.promised_at)
        promised_line.addStretch(1)
        self.promised_row = self.field_row(
            promised,
            "promised_at",
            self.tr("超过彻底延误时限仍未送到的，可按丢失索赔。"),
            mark=self.promised_at,
            label=self.tr("承诺送达时间"),
        )
        follow.addRow(self.tr("损坏程度"), self.extent_row)
        follow.addRow(self.tr("不符情况"), self.mismatch_row)
        follow.addRow(self.tr("延误后果"), self.delay_row)
        follow.addRow(self.tr("承诺送达时间"), self.promised_row)
        follow.addRow(self.tr("损失"), self.lost_row)
        follow.addRow(self.tr("残值（元）"), self.salvage_row)
        self._follow_form = follow

        self.goods_description = QLineEdit()
        self.goods_description.setObjectName("goodsDescription")
        self.goods_description.setPlaceholderText(self.tr("例如 陶瓷餐具套装 12 件"))
        self.quantity = QSpinBox()
        self.quantity.setObjectName("quantity")
        self.quantity.setRange(1, 99999)
        self.quantity.setMaximumWidth(120)
        self.goods_value = money_edit(self.tr("整票货物价值，例如 300"))
        self.goods_value.setObjectName("goodsValue")
        self.goods_value.textChanged.connect(self._goods_value_changed)
        self.perishable = QCheckBox(self.tr("生鲜、易腐货物"))
        self.perishable.setObjectName("perishable")
        # The claim is usually sent after the wizard (its form is made on the last page); a
        # seller who already sent it says when. Never filled in from the clock.
        self.claim_sent = QCheckBox(self.tr("已经向快递公司提交了索赔"))
        self.claim_sent.setObjectName("claimSent")
        self.claim_at = MomentEdit(empty, env.clock)
        self.claim_at.setObjectName("claimAt")
        _enables(self.claim_sent, self.claim_at)
        self.description = QPlainTextEdit()
        self.description.setObjectName("description")
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(
            self.tr("用几句话说明经过，例如：买家签收后开箱发现 4 只碗碎裂，外箱一角压扁。")
        )
        self.description.setFixedHeight(64)
        self.sender_fault = QCheckBox(self.tr("问题是寄件时包装不当或货物本身造成的"))
        self.sender_fault.setObjectName("senderFault")
        self.force_majeure = QCheckBox(self.tr("问题是自然灾害等不可抗力造成的"))
        self.force_majeure.setObjectName("forceMajeure")
        self.inquired = QCheckBox(self.tr("已向快递公司查询过这个快件"))
        self.inquired.setObjectName("inquired")
        self.inquired_at = MomentEdit(empty, env.clock)
        self.inquired_at.setObjectName("inquiredAt")
        _enables(self.inquired, self.inquired_at)
        self.proofs: dict[str, QCheckBox] = {}
        proofs = QWidget()
        proof_line = QHBoxLayout(proofs)
        proof_line.setContentsMargins(0, 0, 0, 0)
        for kind in PROOF_CHOICES:
            box = QCheckBox(texts.get("proof_kind", kind, env.lang))
            box.setObjectName(f"proof:{kind}")
            self.proofs[kind] = box
            proof_line.addWidget(box)
        proof_line.addStretch(1)

        form = QFormLayout()
        self.add_field(form, self.tr("出了什么问题"), incident_row, "incident")
        goods = QFormLayout()
        self.add_field(goods, self.tr("货物名称"), self.goods_description, "goods.description")
        self.add_field(goods, self.tr("数量"), self.quantity, "goods.quantity")
        self.add_field(goods, self.tr("货物价值（元）"), self.goods_value, "goods_value")
        goods.addRow("", self.perishable)
        goods.addRow("", self.claim_sent)
        self.add_field(goods, self.tr("提交时间"), self.claim_at, "claim_at")
        self.add_field(goods, self.tr("经过说明"), self.description, "description")
        exemptions = self.field_row(self.sender_fault, "exemptions")
        goods.addRow(self.tr("特殊情况"), exemptions)
        goods.addRow("", self.force_majeure)
        self.add_field(
            goods,
            self.tr("价值证明"),
            proofs,
            "value_proofs",
            self.tr("有订单截图、发票等价值证明的，索赔时一并提交。"),
            mark=proofs,
        )
        inquiry = QWidget()
        inquiry_line = QHBoxLayout(inquiry)
        inquiry_line.setContentsMargins(0, 0, 0, 0)
        inquiry_line.addWidget(self.inquired)
        inquiry_line.addWidget(self.inquired_at)
        inquiry_line.addStretch(1)
        self.add_field(
            goods,
            self.tr("查询"),
            inquiry,
            "inquired_at",
            self.tr("寄出一年内查询过的，快递公司不能以一年内未查询为由免责。"),
            mark=self.inquired_at,
        )
        self.set_label("inquired_at", self.tr("查询时间"))
        self.set_label("exemptions", self.tr("特殊情况"))

        layout = QVBoxLayout(self.body)
        layout.addLayout(form)
        layout.addWidget(self.follow_up)
        layout.addLayout(goods)
        layout.addWidget(self.page_error)
        layout.addStretch(1)
        self._update_follow_up()

    def _set_row_visible(self, row: QWidget, visible: bool) -> None:
        self._follow_form.setRowVisible(row, visible)

    def _update_follow_up(self, *_: object) -> None:
        incident = _checked_value(self.incident)
        extent = _checked_value(self.extent)
        kind = _checked_value(self.mismatch)
        destroyed = self.value_destroyed.isChecked()
        damage = incident == Incident.DAMAGE
        mismatch = incident == Incident.MISMATCH
        delay = incident == Incident.DELAY
        self._set_row_visible(self.extent_row, damage)
        self._set_row_visible(self.mismatch_row, mismatch)
        self._set_row_visible(self.delay_row, delay)
        self._set_row_visible(self.promised_row, delay and not destroyed)
        needs_lost = (
            (damage and extent == Extent.PARTIAL)
            or (mismatch and kind == MismatchKind.SHORT)
            or (delay and destroyed)
        )
        self._set_row_visible(self.lost_row, needs_lost)
        self._set_row_visible(self.salvage_row, damage or (delay and destroyed))
        self.follow_up.setVisible(damage or mismatch or delay)

    # ------------------------------------------------------------------ wizard protocol

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        data = self.draft.data
        _check_value(self.incident, data.get("incident"))
        damage = data.get("damage") or {}
        mismatch = data.get("mismatch") or {}
        delay = data.get("delay") or {}
        _check_value(self.extent, damage.get("extent"))
        _check_value(self.mismatch, mismatch.get("kind"))
        self.value_destroyed.setChecked(bool(delay.get("value_destroyed")))
        lost = damage.get("lost_value") or mismatch.get("lost_value") or delay.get("lost_value")
        self.lost_value.setText(text_of(lost))
        self.salvage_value.setText(text_of(data.get("salvage_value")))
        goods = data.get("goods") or {}
        self.goods_description.setText(text_of(goods.get("description")))
        self.quantity.setValue(int(goods.get("quantity") or 1))
        self.perishable.setChecked(bool(goods.get("perishable")))
        self.goods_value.setText(text_of(data.get("goods_value")))
        self.claim_sent.setChecked(bool(data.get("claim_at")))
        self.claim_at.setEnabled(self.claim_sent.isChecked())
        self.claim_at.set_moment(data.get("claim_at"))
        self.description.setPlainText(text_of(data.get("description")))
        exemptions = data.get("exemptions") or {}
        self.sender_fault.setChecked(bool(exemptions.get("sender_fault")))
        self.force_majeure.setChecked(bool(exemptions.get("force_majeure")))
        promised = data.get("promised_at")
        self.promised_known.setChecked(promised is not None)
        self.promised_at.setEnabled(promised is not None)
        self.promised_at.set_moment(promised)
        inquired = data.get("inquired_at")
        self.inquired.setChecked(inquired is not None)
        self.inquired_at.setEnabled(inquired is not None)
        self.inquired_at.set_moment(inquired)
        chosen = {_proof_kind(item) for item in data.get("value_proofs") or []}
        for kind, box in self.proofs.items():
            box.setChecked(kind in chosen)
        self._lost_from = "amount"
        self._sync_lost()
        self._update_follow_up()
        self.update_notes()

    def collect(self) -> None:
        put = self.draft.put
        incident = _checked_value(self.incident)
        put("incident", incident)
        lost = money_text(self.lost_value.text()) or None
        put("damage", None)
        put("mismatch", None)
        put("delay", None)
        put("salvage_value", None)
        if incident == Incident.DAMAGE and _checked_value(self.extent):
            extent = _checked_value(self.extent)
            put(
                "damage",
                _compact(
                    {
                        "extent": extent,
                        "lost_value": lost if extent == Extent.PARTIAL else None,
                    }
                ),
            )
            put("salvage_value", money_text(self.salvage_value.text()))
        elif incident == Incident.MISMATCH and _checked_value(self.mismatch):
            kind = _checked_value(self.mismatch)
            put(
                "mismatch",
                _compact(
                    {
                        "kind": kind,
                        "lost_value": lost if kind == MismatchKind.SHORT else None,
                    }
                ),
            )
        elif incident == Incident.DELAY:
            destroyed = self.value_destroyed.isChecked()
            put(
                "delay",
                _compact(
                    {
                        "value_destroyed": destroyed,
                        "lost_value": lost if destroyed else None,
                    }
                ),
            )
            if destroyed:
                put("salvage_value", money_text(self.salvage_value.text()))
        put(
            "goods",
            _compact(
                {
                    "description": self.goods_description.text().strip() or None,
                    "quantity": self.quantity.value(),
                    "perishable": self.perishable.isChecked(),
                }
            ),
        )
        put("goods_value", money_text(self.goods_value.text()))
        put("claim_at", self.claim_at.moment_text() if self.claim_sent.isChecked() else None)
        put("description", self.description.toPlainText())
        put(
            "exemptions",
            {
                "sender_fault": self.sender_fault.isChecked(),
                "force_majeure": self.force_majeure.isChecked(),
            },
        )
        self._collect_claim_fields()

    def _collect_claim_fields(self) -> None:
        put = self.draft.put
        delay = _checked_value(self.incident) == Incident.DELAY
        promised = delay and self.promised_known.isChecked()
        put("promised_at", self.promised_at.moment_text() if promised else None)
        inquired = self.inquired.isChecked()
        put("inquired_at", self.inquired_at.moment_text() if inquired else None)
        # Proofs the page does not offer (from a case file) and notes on ticked ones are kept.
        kept = [
            item
            for item in self.draft.data.get("value_proofs") or []
            if _proof_kind(item) not in self.proofs or self.proofs[_proof_kind(item)].isChecked()
        ]
        present = {_proof_kind(item) for item in kept}
        kept += [k for k, box in self.proofs.items() if box.isChecked() and k not in present]
        put("value_proofs", kept or None)

    def extra_errors(self) -> list[CaseError]:
        """A ticked box whose date is missing; a share of the goods value that is no share."""
        errors = []
        delay = _checked_value(self.incident) == Incident.DELAY
        for ticked, edit, key in (
            (self.claim_sent.isChecked(), self.claim_at, "claim_at"),
            (delay and self.promised_known.isChecked(), self.promised_at, "promised_at"),
            (self.inquired.isChecked(), self.inquired_at, "inquired_at"),
        ):
            if ticked and edit.moment_text() is None:
                errors.append(CaseError(key, "required"))
        percent = plain_text(self.lost_percent.text()).rstrip("%％ ")
        if self.lost_percent.isVisibleTo(self) and percent and self._lost_from == "percent":
            share = _share(percent)
            if share is None:
                errors.append(CaseError("lost_value", "percent_range", value=percent))
            elif _goods_value(self.goods_value.text()) is None:
                errors.append(CaseError("lost_value", "need_goods_value"))
        return errors

    def update_notes(self) -> None:
        claimed = self.claim_at.moment_text() if self.claim_sent.isChecked() else None
        posted = self.draft.data.get("posted_at")
        same = bool(claimed and posted and same_minute(claimed, posted))
        self.set_note("claim_at", same_time_note() if same else None)

    def after_valid(self) -> bool:
        # page_errors already reported "required" beside the choice when nothing is chosen
        return _checked_value(self.incident) is not None

    # ------------------------------------------------------------------ amount or share

    def _lost_edited(self, which: str) -> None:
        self._lost_from = which
        self._sync_lost()

    def _goods_value_changed(self, _text: str) -> None:
        self._sync_lost()

    def _sync_lost(self) -> None:
        """Work out the one of amount and share the seller did not type, from the goods value:
        amount = goods value × share / 100 (half-up to the fen), share = amount / goods value."""
        goods = _goods_value(self.goods_value.text())
        if self._lost_from == "percent":
            share = _share(plain_text(self.lost_percent.text()).rstrip("%％ "))
            amount = "" if share is None or goods is None else _yuan(goods * share / 100)
            _set_quietly(self.lost_value, amount)
        else:
            amount = _goods_value(money_text(self.lost_value.text()))
            if amount is None or goods is None:
                _set_quietly(self.lost_percent, "")
            else:
                _set_quietly(self.lost_percent, _percent_text(amount / goods * 100))


def _proof_kind(item: object) -> object:
    return item.get("kind") if isinstance(item, dict) else item


def _compact(values: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in values.items() if value is not None}


def _enables(box: QCheckBox, edit: MomentEdit) -> None:
    """Ticking `box` opens `edit` for its date; unticking leaves the date out of the case."""
    box.toggled.connect(edit.setEnabled)
    edit.setEnabled(False)


def _goods_value(text: str) -> Decimal | None:
    """A positive amount typed, else None."""
    try:
        value = Decimal(money_text(text))
    except InvalidOperation:
        return None
    return value if value.is_finite() and value > 0 else None


def _share(text: str) -> Decimal | None:
    """A percentage above 0 and at most 100, else None."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() and 0 < value <= 100 else None


def _yuan(amount: Decimal) -> str:
    return str(amount.quantize(CENT, rounding=ROUND_HALF_UP))


def _percent_text(share: Decimal) -> str:
    rounded = share.quantize(CENT, rounding=ROUND_HALF_UP).normalize()
    return format(rounded, "f")


def _set_quietly(edit: QLineEdit, text: str) -> None:
    """Set the other field without it counting as typed (textEdited is not emitted)."""
    if edit.text() != text:
        edit.setText(text)
