"""Page 1, 快件信息: tracking numbers (courier detected as you type), route, date, fees, weight.

Tracking numbers are accepted as printed on the label ("sf 1234 5678 9012 3"); the posting time
is empty until the seller gives it (or a screenshot of the tracking page does); a number that
already has a claim is flagged beside the field (issue 13).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from pathlib import Path
from typing import Any

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

from seller_app.domain.case import SHANGHAI, Region, normalize_tracking_number
from seller_app.domain.errors import CaseError

from .files import IMAGE_FILTER
from .page import CasePage
from .reasons import same_minute, same_time_note
from .screenshot_box import ScreenshotBox
from .widgets import MomentEdit, money_edit, money_text, select_data, text_of, weight_text

log = logging.getLogger(__name__)

# Between two numbers: a comma, semicolon, slash or a new line (Chinese forms included).
_STRONG = re.compile(r"[,，;；、/\n]+")
# Inside a number as printed or pasted: dashes of every width.
_JOINERS = re.compile(r"[-‐‑‒–—_]")


def split_numbers(text: str) -> list[str]:
    """The tracking numbers in `text`, upper-cased, as a seller types or pastes them.

    Commas, semicolons, slashes and new lines separate numbers. Spaces separate them too, unless
    they split one number into the groups a label prints ("sf 1234 5678 9012 3",
    "7312 3456 7890 12"): a group of letters starts a number; digits join the number before
    them unless both are already long enough (8 or more) to be numbers of their own.
    """
    numbers: list[str] = []
    plain = unicodedata.normalize("NFKC", text)
    for piece in _STRONG.split(plain):
        groups: list[str] = []
        for token in _JOINERS.sub("", piece).split():
            token = token.upper()
            starts = not groups or token[0].isalpha() or (len(groups[-1]) >= 8 and len(token) >= 8)
            if starts:
                groups.append(token)
            else:
                groups[-1] += token
        numbers += [group for group in groups if group not in numbers]
    return numbers


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
        # What a screenshot filled in, to mark those fields until the seller changes them.
        self.from_screenshot: dict[str, Any] = {}

        self.tracking = QLineEdit()
        self.tracking.setObjectName("tracking")
        self.tracking.setPlaceholderText(self.tr("例如 SF1234567890123，多个单号用逗号分开"))
        self.carrier_hint = QLabel()
        self.carrier_hint.setObjectName("carrierHint")
        self.carrier_hint.setWordWrap(True)
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
        self.posted_at = MomentEdit(self.tr("未填写（点这里选择）"), env.clock)
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
        self.screenshot = ScreenshotBox(
            self, self.tr("或把物流详情截图拖到这一页：自动填写单号、快递公司和寄出时间。")
        )

        form = QFormLayout()
        self.add_field(
            form, self.tr("快递单号"), tracking_line, "tracking_numbers", mark=self.tracking
        )
        form.addRow("", self.carrier_hint)
        self.add_field(form, self.tr("快递公司"), self.carrier, "carrier")
        self.add_field(form, self.tr("订单号"), self.order_id, "order_id")
        self.add_field(form, self.tr("寄送范围"), self.region, "region")
        self.add_field(
            form,
            self.tr("寄出时间"),
            self.posted_at,
            "posted_at",
            self.tr("快递员收件（揽收）的时间，见物流详情的第一条。"),
        )
        self.add_field(form, self.tr("运费（元）"), self.service_fee, "service_fee")
        self.add_field(form, self.tr("计费重量（公斤）"), self.weight, "weight_kg")
        form.addRow("", self.insured)
        self.add_field(form, self.tr("保价金额（元）"), self.insured_value, "insured_value")
        self.add_field(form, self.tr("保价费（元）"), self.insurance_fee, "insurance_fee")
        self.add_field(form, self.tr("月结"), self.monthly, "sender_kind")
        self.add_field(form, self.tr("寄件地址"), self.origin, "origin")
        self.add_field(form, self.tr("目的地"), self.destination, "destination")
        # Shown first, but last in the Tab order: the page starts in its first field.
        form.insertRow(0, "", self.screenshot)
        layout = QVBoxLayout(self.body)
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
        numbers = self.numbers()
        if not numbers:
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
        if self.tracking.text().strip() != " ".join(numbers):
            text += "\n" + self.tr("单号：%1").replace("%1", "、".join(numbers))
        duplicates = self.duplicates()
        if duplicates:
            text += "\n" + self.tr(
                "⚠ 这个单号已有索赔案件（%1）。同一个包裹重复索赔会被快递公司拒绝；"
                "要补充材料，请在案件列表里打开原来的案件。"
            ).replace("%1", "、".join(duplicates))
        self.carrier_hint.setStyleSheet("color: #8a5300;" if duplicates else "")
        self.carrier_hint.setText(text)

    def duplicates(self) -> list[str]:
        """The other cases already claiming one of the numbers typed, as "#3 已提交" -- on a
        shop server with the desk that made it, when another: "#3 已提交，由 仓库电脑 建立"."""
        lookup = self.env.existing_claims
        numbers = self.numbers()
        if lookup is None or not numbers:
            return []
        try:
            found = lookup(numbers, self.draft.record_id)
        except Exception:  # noqa: BLE001 - a hint only; never stops the typing
            log.exception("looking up earlier claims failed")
            return []
        shown = []
        for record_id, status, desk in found:
            text = f"#{record_id.lstrip('c')} {_status_name(status)}"
            if desk:  # another desk of the shop claimed it (issue 17)
                text += self.tr("，由 %1 建立").replace("%1", desk)
            shown.append(text)
        return shown

    def update_notes(self) -> None:
        read = self._read_note("tracking_numbers", self.numbers())
        self.set_note("tracking_numbers", read, "info")
        self.set_note("carrier", self._read_note("carrier", self.carrier.currentData()), "info")
        posted = self.posted_at.moment_text()
        claimed = self.draft.data.get("claim_at")
        if posted and claimed and same_minute(posted, claimed):
            self.set_note("posted_at", same_time_note())
        else:
            self.set_note("posted_at", self._read_note("posted_at", posted), "info")

    def _read_note(self, key: str, value: object) -> str | None:
        """ "从截图读取" while the field still holds what the screenshot said."""
        if key in self.from_screenshot and self.from_screenshot[key] == value:
            return self.tr("从截图读取，请核对")
        return None

    def _update_insured(self, on: bool) -> None:
        self.insured_value.setEnabled(on)
        self.insurance_fee.setEnabled(on)

    # ------------------------------------------------------------------ reading photos

    def _read_label_photo(self) -> None:
        start = str(self.env.settings.value("last_folder", str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择面单照片"), start, IMAGE_FILTER())
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

    def screenshot_read(self, reading: Any) -> str:
        """Fill the empty fields from a tracking screenshot; returns what was filled, in words.
        A field already filled in differently keeps the seller's value, with a note."""
        timeline = reading.timeline
        filled: list[str] = []
        if timeline.tracking_numbers:
            numbers = list(timeline.tracking_numbers)
            if not self.numbers():
                self.tracking.setText(" ".join(numbers))
                filled.append(self.tr("快递单号"))
            self.from_screenshot["tracking_numbers"] = numbers
        if timeline.carrier and timeline.carrier in self.env.catalog.carriers.by_code:
            detected = self.detected()
            if self.carrier.currentData() is None and timeline.carrier not in detected[:1]:
                select_data(self.carrier, timeline.carrier)
                filled.append(self.tr("快递公司"))
            if self.carrier.currentData() == timeline.carrier:
                self.from_screenshot["carrier"] = timeline.carrier
        if timeline.posted_at is not None:
            read = timeline.posted_at.astimezone(SHANGHAI).strftime("%Y-%m-%dT%H:%M")
            if not self.posted_at.moment_text():
                self.posted_at.set_moment(read)
                filled.append(self.tr("寄出时间"))
            self.from_screenshot["posted_at"] = read
        self.collect()
        self.update_notes()
        differs = self._screenshot_differences(timeline)
        if differs:
            self.show_message("\n".join(differs))
        return "、".join(filled) or self.tr("没有需要填写的空白项")

    def _screenshot_differences(self, timeline: Any) -> list[str]:
        """What the screenshot says that differs from what the seller typed on this page."""
        found = []
        numbers = self.numbers()
        for number in timeline.tracking_numbers:
            if numbers and number not in numbers:
                found.append(
                    self.tr("截图里的单号是 %1，和填写的不同，请核对。").replace("%1", number)
                )
        posted = self.posted_at.moment_text()
        read = self.from_screenshot.get("posted_at")
        if posted and read and posted != read:
            found.append(
                self.tr("截图显示揽收时间是 %1，和填写的寄出时间不同，请核对。").replace(
                    "%1", read.replace("T", " ")
                )
            )
        return found

    # ------------------------------------------------------------------ wizard protocol

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        data = self.draft.data
        self.tracking.setText(" ".join(str(n) for n in data.get("tracking_numbers", [])))
        select_data(self.carrier, data.get("carrier"))
        self.order_id.setText(text_of(data.get("order_id")))
        select_data(self.region, data.get("region", Region.DOMESTIC.value))
        self.posted_at.set_moment(data.get("posted_at"))
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
        self.update_notes()

    def collect(self) -> None:
        put = self.draft.put
        put("tracking_numbers", self.numbers() or None)
        put("carrier", self.carrier.currentData())
        put("order_id", self.order_id.text())
        put("region", self.region.currentData())
        put("posted_at", self.posted_at.moment_text())
        put("service_fee", money_text(self.service_fee.text()))
        put("weight_kg", weight_text(self.weight.text()))
        insured = self.insured.isChecked()
        put("insured_value", money_text(self.insured_value.text()) if insured else None)
        put("insurance_fee", money_text(self.insurance_fee.text()) if insured else None)
        put("sender_kind", "monthly_account" if self.monthly.isChecked() else None)
        put("origin", self.origin.text())
        put("destination", self.destination.text())

    def extra_errors(self) -> list[CaseError]:
        errors = []
        if self.insured.isChecked() and not self.insured_value.text().strip():
            errors.append(CaseError("insured_value", "required"))
        # Back from step 2 with a claim time there: the posting time must come before it.
        posted, claimed = self.posted_at.moment_text(), self.draft.data.get("claim_at")
        if posted and claimed and _after(posted, claimed):
            errors.append(CaseError("claim_at", "claim_before_posting"))
        return errors


def _after(first: str, second: object) -> bool:
    from seller_app.domain.case import parse_datetime

    try:
        return parse_datetime(first, "first") > parse_datetime(second, "second")
    except CaseError:
        return False


def _status_name(status: str) -> str:
    from ..widgets.case_status import status_name

    return status_name(status)


def _evidence_available() -> bool:
    from importlib.util import find_spec

    return find_spec("seller_app.evidence") is not None
