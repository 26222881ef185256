"""Page 6, 生成文件: the claim form previewed (QtPdf) and saved, the buyer statement when one is
needed, the deadlines with "add to calendar" (.ics), and "mark as filed"."""

from __future__ import annotations

import logging
import os
import re
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from seller_app.domain.errors import CaseError

from ..i18n import format_date
from ..tasks import run_task
from .page import CasePage
from .widgets import text_of

log = logging.getLogger(__name__)

SHOP_KEYS = ("name", "contact", "phone")


class OutputPage(CasePage):
    OWNS = ("shop", "payee")

    def __init__(self, draft, env) -> None:  # type: ignore[no-untyped-def]
        super().__init__(draft, env)
        self.setTitle(self.tr("生成文件"))
        self.setSubTitle(self.tr("核对索赔单，保存后交给快递公司；把跟进期限加入日历。"))
        self.busy = False
        self.shown = False
        self.made: Any = None
        self.pdf_document: Any = None

        self.shop_name = QLineEdit()
        self.shop_name.setObjectName("shopName")
        self.shop_contact = QLineEdit()
        self.shop_contact.setObjectName("shopContact")
        self.shop_phone = QLineEdit()
        self.shop_phone.setObjectName("shopPhone")
        shop = QGroupBox(self.tr("店铺（索赔人）"))
        shop_form = QFormLayout(shop)
        self.add_field(shop_form, self.tr("店铺名称"), self.shop_name, "shop.name")
        self.add_field(shop_form, self.tr("联系人"), self.shop_contact, "shop.contact")
        self.add_field(shop_form, self.tr("电话"), self.shop_phone, "shop.phone")
        self.payee: dict[str, QLineEdit] = {}
        for key, label, hint in (
            ("name", self.tr("收款人"), self.tr("户名")),
            ("bank", self.tr("开户行"), self.tr("例如 招商银行杭州分行")),
            ("account", self.tr("银行账号"), self.tr("银行卡号")),
            ("alipay", self.tr("支付宝"), self.tr("手机号或邮箱（可代替银行账号）")),
        ):
            edit = QLineEdit()
            edit.setObjectName(f"payee:{key}")
            edit.setPlaceholderText(hint)
            self.payee[key] = edit
            self.add_field(shop_form, label, edit, f"payee.{key}")
        self.regenerate = QPushButton(self.tr("更新索赔单"))
        self.regenerate.setObjectName("regenerate")
        self.regenerate.clicked.connect(self.make_documents)
        shop_form.addRow("", self.regenerate)

        self.status = QLabel()
        self.status.setObjectName("outputStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumHeight(8)
        self.progress.setTextVisible(False)
        self.progress.hide()

        self.save_form = QPushButton(self.tr("保存索赔单 PDF…"))
        self.save_form.setObjectName("saveForm")
        self.save_form.clicked.connect(lambda: self._save_copy("claim_form"))
        self.save_statement = QPushButton(self.tr("保存买家情况说明…"))
        self.save_statement.setObjectName("saveStatement")
        self.save_statement.clicked.connect(lambda: self._save_copy("statement"))
        self.save_calendar = QPushButton(self.tr("加入日历（.ics）…"))
        self.save_calendar.setObjectName("saveCalendar")
        self.save_calendar.clicked.connect(lambda: self._save_copy("calendar"))
        self.deadlines = QListWidget()
        self.deadlines.setObjectName("deadlines")
        self.deadlines.setWordWrap(True)
        self.deadlines.setSpacing(3)
        # Takes the height left over, never more: the page needs no scroll bar at a usual size.
        self.deadlines.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.deadlines.setMinimumHeight(72)
        self.filed = QCheckBox(self.tr("已经把索赔单交给快递公司了（标记为已提交）"))
        self.filed.setObjectName("filed")

        self.preview_box = QVBoxLayout()
        side = QVBoxLayout()
        side.addWidget(shop)
        side.addWidget(self.save_form)
        side.addWidget(self.save_statement)
        side.addWidget(self.save_calendar)
        side.addWidget(QLabel(self.tr("跟进期限")))
        side.addWidget(self.deadlines, 1)
        side.addWidget(self.filed)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setMaximumWidth(360)
        row = QHBoxLayout()
        row.addLayout(self.preview_box, 1)
        row.addWidget(side_widget)
        layout = QVBoxLayout(self.body)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addLayout(row, 1)
        layout.addWidget(self.page_error)
        self._set_buttons()

    # ------------------------------------------------------------------ making the documents

    def _preview(self):  # type: ignore[no-untyped-def]
        """The PDF view, created on first use (QtPdf loads lazily, for a quick start)."""
        if self.pdf_document is None:
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtPdfWidgets import QPdfView

            self.pdf_document = QPdfDocument(self)
            self.pdf_view = QPdfView(self)
            self.pdf_view.setObjectName("pdfView")
            self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.pdf_view.setDocument(self.pdf_document)
            self.preview_box.addWidget(self.pdf_view)
        return self.pdf_document

    def make_documents(self) -> None:
        if self.busy:
            return
        self.clear_errors()
        self.collect()
        try:
            case = self.draft.case(self.env.clock())
        except CaseError as error:
            self.show_error(error)
            return
        from .document_tasks import make_documents

        self.busy = True
        self.made = None
        self._set_buttons()
        self.progress.show()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("正在生成索赔单…"))
        catalog, lang = self.env.catalog, self.env.lang
        photos = [dict(photo) for photo in self.draft.photos]
        out_dir = self.env.files_dir / self.draft.record_id
        now = self.env.clock()
        run_task(
            lambda: make_documents(case, catalog, photos, out_dir, lang, now),
            self._made,
            on_error=self._failed,
            owner=self,
        )

    def _made(self, made: Any) -> None:
        self.busy = False
        self.made = made
        self.progress.hide()
        documents = {
            "claim_form": made.claim_form,
            "statement": made.statement,
            "calendar": made.calendar,
        }
        self.draft.documents = {k: str(v) for k, v in documents.items() if v is not None}
        if made.claim_form is not None:
            self._preview().load(str(made.claim_form))
            self.status.setText(self.tr("索赔单已生成，请核对下面的预览。"))
        else:
            self.status.setText(self.tr("索赔单模块还没有安装，暂时不能生成 PDF。"))
        self.deadlines.clear()
        now = self.env.clock()
        for deadline in made.deadlines:
            due = datetime.fromisoformat(deadline["due"])
            item = QListWidgetItem(f"{format_date(due, self.env.lang)}\n{deadline['title']}")
            item.setToolTip(deadline.get("detail", ""))
            if due < now:
                item.setForeground(_red())
            self.deadlines.addItem(item)
        self._set_buttons()

    def _failed(self, error: Exception) -> None:
        self.busy = False
        self.progress.hide()
        # At the top, where the seller is looking, not under a page that may scroll.
        self.status.setStyleSheet("color: #b3261e;")
        self.status.setText(self.tr("生成文件失败：%1").replace("%1", str(error)))
        self._set_buttons()

    def _set_buttons(self) -> None:
        made = self.made
        self.save_form.setEnabled(bool(made and made.claim_form))
        self.save_statement.setVisible(bool(made and made.statement))
        self.save_calendar.setEnabled(bool(made and made.calendar))
        self.regenerate.setEnabled(not self.busy)

    def suggested_name(self, kind: str) -> str:
        """The file name offered when saving: what the document is, then the tracking number
        (索赔申告单-SF1234567890123.pdf)."""
        numbers = self.draft.data.get("tracking_numbers") or []
        number = _safe_name(str(numbers[0])) if numbers else ""
        if kind == "claim_form":
            stem, suffix = self.tr("索赔申告单"), ".pdf"
        elif kind == "calendar":
            stem, suffix = self.tr("跟进期限"), ".ics"
        else:
            stem, suffix = self._statement_title(), ".pdf"
        return f"{stem}-{number}{suffix}" if number else f"{stem}{suffix}"

    def _statement_title(self) -> str:
        try:
            from seller_app.documents.statement import StatementKind, statement_kind

            kind = statement_kind(self.draft.case(self.env.clock()))
        except (ImportError, CaseError):
            kind = None
        if kind is not None and kind is StatementKind.NON_RECEIPT:
            return self.tr("未收到货物声明")
        return self.tr("收货情况说明")

    def _save_copy(self, kind: str) -> None:
        source = self.draft.documents.get(kind)
        if not source:
            return
        folder = Path(str(self.env.settings.value("last_folder", str(Path.home()))))
        suggested = folder / self.suggested_name(kind)
        suffix = suggested.suffix
        pdf, calendar = self.tr("PDF 文件 (*.pdf)"), self.tr("日历文件 (*.ics)")
        wanted = calendar if suffix == ".ics" else pdf
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存"), str(suggested), ";;".join((wanted, self.tr("所有文件 (*)")))
        )
        if target:
            self.save_to(kind, Path(target))

    def save_to(self, kind: str, target: Path) -> bool:
        """Copy the document of `kind` to `target` (the suffix added when missing); says why
        not when it cannot go there. Written to a temporary file first, then renamed."""
        source = Path(self.draft.documents[kind])
        if not target.suffix:
            target = target.with_suffix(source.suffix)
        data_dir = self.env.files_dir.parent
        if _inside(target, data_dir) or _same_file(target, source):
            self.status.setText(
                self.tr("不能保存到软件自己的数据文件夹里，请换一个文件夹（例如桌面）。")
            )
            return False
        try:
            if target.is_dir():
                raise IsADirectoryError(21, self.tr("这是一个文件夹"))
            scratch = target.with_name(f".{target.name}.saving")
            shutil.copyfile(source, scratch)
            os.replace(scratch, target)
        except OSError as error:  # a read-only folder, a full disk: say so, never raise
            reason = error.strerror or str(error)
            self.status.setText(
                self.tr("无法保存到 %1：%2").replace("%1", str(target)).replace("%2", reason)
            )
            return False
        self.env.settings.setValue("last_folder", str(target.parent))
        self.status.setText(self.tr("已保存到 %1").replace("%1", str(target)))
        return True

    # ------------------------------------------------------------------ wizard protocol

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        shop = self.draft.data.get("shop") or {}
        for key, edit in zip(
            SHOP_KEYS, (self.shop_name, self.shop_contact, self.shop_phone), strict=True
        ):
            value = shop.get(key) or self.env.settings.value(f"shop/{key}", "")
            edit.setText(text_of(value))
        payee = self.draft.data.get("payee") or {}
        for key, edit in self.payee.items():
            edit.setText(text_of(payee.get(key)))
        self.filed.setChecked(self.draft.status == "filed")
        self.shown = True
        self.make_documents()

    def collect(self) -> None:
        shop = {
            key: edit.text().strip()
            for key, edit in zip(
                SHOP_KEYS, (self.shop_name, self.shop_contact, self.shop_phone), strict=True
            )
        }
        self.draft.put("shop", {k: v for k, v in shop.items() if v} or None)
        payee = {key: edit.text().strip() for key, edit in self.payee.items()}
        self.draft.put("payee", {k: v for k, v in payee.items() if v} or None)

    def status_choice(self) -> str | None:
        """The status the "已提交" box asks for, None before the page has been shown."""
        if not self.shown:
            return None
        if self.filed.isChecked():
            return "filed"
        return self.draft.status if self.draft.status not in ("draft", "filed") else "ready"

    def after_valid(self) -> bool:
        if self.busy:
            self.show_message(self.tr("索赔单还在生成中，请稍等。"))
            return False
        for key in SHOP_KEYS:
            value = (self.draft.data.get("shop") or {}).get(key)
            if value:
                self.env.settings.setValue(f"shop/{key}", value)

        self.draft.status = "filed" if self.filed.isChecked() else "ready"
        return True


def _safe_name(text: str) -> str:
    """`text` usable in a file name on every system."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("._") or "case"


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _red():  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor

    return QColor("#b3261e")
