"""Page 1, 快件信息: tracking numbers (courier detected as you type), route, date, fees, weight."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from seller_app.domain.case import Region, normalize_tracking_number
from seller_app.domain.errors import CaseError

from .page import CasePage
from .widgets import datetime_edit, money_edit, read_datetime, select_data, set_datetime, text_of

_SEPARATORS = re.compile(r"[\s,，;；、]+")
log = logging.getLogger(__name__)


def split_numbers(text: str) -> list[str]:
    return [part for part in _SEPARATORS.split(text) if part]


class ShipmentPage(CasePage):
    OWNS = (
        "tracking_numbers",
        "carrier",
        "order_id",
        "region",
        "posted_at",
        "service_fee",
        "weight_kg",
        "insured_value",
        "insurance_fee",
        "sender_kind",
        "origin",
        "destination",
    )
    # A posting date after the claim date is the posting date's fault on this page.
    ALIASES = {"claim_at": "posted_at"}

    def __init__(self, draft, env) -> None:  # type: ignore[no-untyped-def]
        super().__init__(draft, env)
        self.setTitle(self.tr("快件信息"))
        self.setSubTitle(self.tr("出问题的那个包裹：快递单号、寄出时间和运费。单号可以填多个。"))
        texts = env.catalog.texts

        self.tracking = QLineEdit()
        self.tracking.setObjectName("tracking")
        self.tracking.setPlaceholderText(self.tr("例如 SF1234567890123，多个单号用空格或逗号分开"))
        self.carrier_hint = QLabel()
        self.carrier_hint.setObjectName("carrierHint")
        self.read_label = QPushButton(self.tr("从面单照片读取…"))
        self.read_label.setObjectName("readLabel")
        self.read_label.setToolTip(self.tr("选一张快递面单照片，自动读出条码里的单号"))
        self.read_label.clicked.connect(self._read_label_photo)
        tracking_line = QWidget()
        line = QHBoxLayout(tracking_line)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.tracking, 1)
        line.addWidget(self.read_label)

        self.carrier = QComboBox()
        self.carrier.setObjectName("carrier")
        self.carrier.addItem(self.tr("按单号自动识别"), None)
        for carrier in env.catalog.carriers.carriers:
            self.carrier.addItem(carrier.name(env.lang), carrier.code)
        self.carrier.currentIndexChanged.connect(self._update_carrier_hint)
        self.tracking.textChanged.connect(self._update_carrier_hint)

        self.order_id = QLineEdit()
        self.order_id.setObjectName("orderId")
        self.order_id.setPlaceholderText(self.tr("平台订单号（可不填）"))
        self.region = QComboBox()
        self.region.setObjectName("region")
        for region in Region:
            self.region.addItem(texts.get("region", region.value, env.lang), region.value)
        self.posted_at = datetime_edit()
        self.posted_at.setObjectName("postedAt")
        self.service_fee = money_edit(self.tr("例如 12.00"))
        self.service_fee.setObjectName("serviceFee")
        self.weight = money_edit(self.tr("例如 2 或 0.5"))
        self.weight.setObjectName("weight")
        self.insured = QCheckBox(self.tr("寄件时办理了保价"))
        self.insured.setObjectName("insured")
        self.insured_value = money_edit(self.tr("保价金额，例如 1500"))
        self.insured_value.setObjectName("insuredValue")
        self.insurance_fee = money_edit(self.tr("保价费，例如 6"))
        self.insurance_fee.setObjectName("insuranceFee")
        self.insured.toggled.connect(self._update_insured)
        self.monthly = QCheckBox(self.tr("我是这家快递的月结客户（按月结算运费）"))
        self.monthly.setObjectName("monthlyAccount")
        self.origin = QLineEdit()
        self.origin.setObjectName("origin")
        self.origin.setPlaceholderText(self.tr("发货地址，例如 广东省潮州市湘桥区陶瓷路 8 号"))
        self.destination = QLineEdit()
        self.destination.setObjectName("destination")
        self.destination.setPlaceholderText(self.tr("收货城市，例如 浙江省杭州市"))

        form = QFormLayout()
        self.add_field(form, self.tr("快递单号"), tracking_line, "tracking_numbers")
        form.addRow("", self.carrier_hint)
        self.add_field(form, self.tr("快递公司"), self.carrier, "carrier")
        self.add_field(form, self.tr("订单号"), self.order_id, "order_id")
        self.add_field(form, self.tr("寄送范围"), self.region, "region")
        self.add_field(form, self.tr("寄出时间"), self.posted_at, "posted_at")
        self.add_field(form, self.tr("运费（元）"), self.service_fee, "service_fee")
        self.add_field(form, self.tr("计费重量（公斤）"), self.weight, "weight_kg")
        form.addRow("", self.insured)
        self.add_field(form, self.tr("保价金额（元）"), self.insured_value, "insured_value")
        self.add_field(form, self.tr("保价费（元）"), self.insurance_fee, "insurance_fee")
        self.add_field(form, self.tr("月结"), self.monthly, "sender_kind")
        self.add_field(form, self.tr("寄件地址"), self.origin, "origin")
        self.add_field(form, self.tr("目的地"), self.destination, "destination")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.page_error)
        layout.addStretch(1)
        self.read_label.setEnabled(_evidence_available())

    # ------------------------------------------------------------------ live carrier detection

    def numbers(self) -> list[str]:
        return split_numbers(self.tracking.text())

    def detected(self) -> tuple[str, ...]:
        valid = []
        for index, number in enumerate(self.numbers()):
            try:
                valid.append(normalize_tracking_number(number, f"tracking_numbers[{index}]"))
            except CaseError:
                continue
        return self.env.catalog.carriers.candidates(valid)

    def _name(self, code: str) -> str:
        return self.env.catalog.carriers.by_code[code].name(self.env.lang)

    def _update_carrier_hint(self) -> None:
        if not self.numbers():
            self.carrier_hint.setText(self.tr("输入单号后自动识别快递公司"))
            return
        candidates = self.detected()
        chosen = self.carrier.currentData()
        if not candidates:
            text = self.tr("无法从单号识别快递公司，请在下面选择")
        else:
            text = self.tr("识别为：%1").replace("%1", self._name(candidates[0]))
            if len(candidates) > 1:
                others = "、".join(self._name(code) for code in candidates[1:])
                text += self.tr("（也可能是 %1，请确认）").replace("%1", others)
        if chosen and candidates and chosen not in candidates and chosen != "other":
            text += " " + self.tr("⚠ 所选快递公司与单号格式不符，请核对")
        duplicates = self.duplicates()
        if duplicates:
            text += "\n" + self.tr("⚠ 这个单号已有索赔案件（%1），请确认不是重复索赔").replace(
                "%1", "、".join(duplicates)
            )
        self.carrier_hint.setText(text)

    def duplicates(self) -> list[str]:
        """The other cases already claiming one of the numbers typed, as "#3 已提交"."""
        lookup = self.env.existing_claims
        numbers = self.numbers()
        if lookup is None or not numbers:
            return []
        try:
            found = lookup(numbers, self.draft.record_id)
        except Exception:  # noqa: BLE001 - a hint only; never stops the typing
            log.exception("looking up earlier claims failed")
            return []
        return [f"#{record_id.lstrip('c')} {_status_name(status)}" for record_id, status in found]

    def _update_insured(self, on: bool) -> None:
        self.insured_value.setEnabled(on)
        self.insurance_fee.setEnabled(on)

    def _read_label_photo(self) -> None:
        start = str(self.env.settings.value("last_folder", str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择面单照片"),
            start,
            self.tr("图片 (*.jpg *.jpeg *.png *.heic *.webp)"),
        )
        if path:
            self.read_numbers_from(Path(path))

    def read_numbers_from(self, path: Path) -> None:
        """Read the waybill barcode off `path` in the background and add its numbers."""
        from ..tasks import run_task
        from .photo_tasks import read_label_numbers

        self.env.settings.setValue("last_folder", str(path.parent))
        self.read_label.setEnabled(False)
        self.carrier_hint.setText(self.tr("正在读取面单条码…"))
        run_task(
            lambda: read_label_numbers(path),
            self._numbers_read,
            on_error=self._numbers_failed,
            owner=self,
        )

    def _numbers_read(self, numbers: list[str]) -> None:
        self.read_label.setEnabled(True)
        if not numbers:
            self.show_message(self.tr("照片里没有找到可读的条码，请手动输入单号。"))
            self._update_carrier_hint()
            return
        current = self.numbers()
        current += [number for number in numbers if number not in current]
        self.tracking.setText(" ".join(current))

    def _numbers_failed(self, error: Exception) -> None:
        self.read_label.setEnabled(True)
        self.show_message(self.tr("读取面单照片失败：%1").replace("%1", str(error)))
        self._update_carrier_hint()

    # ------------------------------------------------------------------ wizard protocol

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        data = self.draft.data
        self.tracking.setText(" ".join(str(n) for n in data.get("tracking_numbers", [])))
        select_data(self.carrier, data.get("carrier"))
        self.order_id.setText(text_of(data.get("order_id")))
        select_data(self.region, data.get("region", Region.DOMESTIC.value))
        set_datetime(self.posted_at, data.get("posted_at"), self.env.clock())
        self.service_fee.setText(text_of(data.get("service_fee")))
        self.weight.setText(text_of(data.get("weight_kg")))
        self.insured.setChecked(data.get("insured_value") is not None)
        self.insured_value.setText(text_of(data.get("insured_value")))
        self.insurance_fee.setText(text_of(data.get("insurance_fee")))
        self._update_insured(self.insured.isChecked())
        self.monthly.setChecked(data.get("sender_kind") == "monthly_account")
        self.origin.setText(text_of(data.get("origin")))
        self.destination.setText(text_of(data.get("destination")))
        self._update_carrier_hint()

    def collect(self) -> None:
        put = self.draft.put
        put("tracking_numbers", self.numbers() or None)
        put("carrier", self.carrier.currentData())
        put("order_id", self.order_id.text())
        put("region", self.region.currentData())
        put("posted_at", read_datetime(self.posted_at))
        put("service_fee", self.service_fee.text())
        put("weight_kg", self.weight.text())
        insured = self.insured.isChecked()
        put("insured_value", self.insured_value.text() if insured else None)
        put("insurance_fee", self.insurance_fee.text() if insured else None)
        put("sender_kind", "monthly_account" if self.monthly.isChecked() else None)
        put("origin", self.origin.text())
        put("destination", self.destination.text())

    def after_valid(self) -> bool:
        if self.insured.isChecked() and not self.insured_value.text().strip():
            self.show_error(CaseError("insured_value", "required"))
            return False
        return True


def _status_name(status: str) -> str:
    from ..widgets.case_table import status_name

    return status_name(status)


def _evidence_available() -> bool:
    from importlib.util import find_spec

    return find_spec("seller_app.evidence") is not None
