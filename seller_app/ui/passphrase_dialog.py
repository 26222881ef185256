"""Asking for a password: the case store's (where the computer has no keychain) and a backup's.

Four situations, each worded for what the seller is doing:

- ``create``: the first start on a computer without a keychain. A new password is being set; it
  is asked twice, cannot be recovered, and should be written down.
- ``unlock``: the store exists and is locked with a password; a wrong one is said beside the
  field and the dialog asks again.
- ``new_backup``: the password a backup is sealed with (asked twice, not recoverable).
- ``open_backup``: the password of the backup being restored.
- ``new_shop``: the first desk on a shop server sets the shop passphrase (店铺口令): asked twice,
  at least `shopkey.PASSPHRASE_MIN` characters, cannot be recovered (issue 17).
- ``open_shop``: another desk unlocks the shop's store with it, once.
- ``change_shop``: the current shop passphrase and a new one, twice; what changing it does and
  does not do is said in the dialog.

The dialog only collects the password; the caller checks it (on the thread pool: deriving the
key takes a moment) and calls `show_wrong` to ask again.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

MODES = ("create", "unlock", "new_backup", "open_backup", "new_shop", "open_shop", "change_shop")
MIN_LENGTH = 6  # a new password; an existing one is whatever it is
SHOP_MIN_LENGTH = 8  # the shop passphrase: seller_app.store.shopkey.PASSPHRASE_MIN


class PassphraseDialog(QDialog):
    def __init__(self, mode: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        self.mode = mode
        self.setObjectName("passphraseDialog")
        self.asks_twice = mode in ("create", "new_backup", "new_shop", "change_shop")
        self.min_length = SHOP_MIN_LENGTH if mode.endswith("_shop") else MIN_LENGTH
        titles = {
            "create": self.tr("设置案件库密码"),
            "unlock": self.tr("打开案件库"),
            "new_backup": self.tr("设置备份密码"),
            "open_backup": self.tr("输入备份密码"),
            "new_shop": self.tr("设置店铺口令"),
            "open_shop": self.tr("输入店铺口令"),
            "change_shop": self.tr("更改店铺口令"),
        }
        self.setWindowTitle(titles[mode])
        self.intro = QLabel(self._intro())
        self.intro.setObjectName("passphraseIntro")
        self.intro.setWordWrap(True)
        self.warning = QLabel(self._warning())
        self.warning.setObjectName("passphraseWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "color: #8a1c14; background: #fdecea; border: 1px solid #f1b7b2;"
            " border-radius: 4px; padding: 6px;"
        )
        self.warning.setVisible(self.asks_twice)

        self.old = QLineEdit()
        self.old.setObjectName("passphraseOld")
        self.old.setEchoMode(QLineEdit.EchoMode.Password)
        self.first = QLineEdit()
        self.first.setObjectName("passphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setObjectName("passphraseAgain")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_box = QCheckBox(self.tr("显示密码"))
        self.show_box.setObjectName("showPassphrase")
        self.show_box.setText(
            self.tr("显示口令") if mode.endswith("_shop") else self.tr("显示密码")
        )
        self.show_box.toggled.connect(self._show_text)
        self.error = QLabel("")
        self.error.setObjectName("passphraseError")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        if mode == "change_shop":
            form.addRow(self.tr("现在的店铺口令"), self.old)
        else:
            self.old.hide()
        form.addRow(self._field_label(), self.first)
        if self.asks_twice:
            form.addRow(self.tr("再输入一次"), self.second)
        else:
            self.second.hide()
        form.addRow("", self.show_box)

        buttons = QDialogButtonBox()
        ok_words = {
            "create": self.tr("设置密码并继续"),
            "unlock": self.tr("打开"),
            "new_backup": self.tr("开始备份"),
            "open_backup": self.tr("继续"),
            "new_shop": self.tr("设置口令并继续"),
            "open_shop": self.tr("解锁"),
            "change_shop": self.tr("更改口令"),
        }
        self.ok_button = buttons.addButton(ok_words[mode], QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("passphraseOk")
        cancel = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("passphraseCancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for edit in (self.old, self.first, self.second):
            edit.textChanged.connect(self._changed)
        self.setMinimumWidth(480)
        self._changed()

    def _intro(self) -> str:
        return {
            "create": self.tr(
                "这台电脑没有可用的系统钥匙串，理赔助手会用你设置的密码加密保存买家信息。"
                "这是第一次使用，请设置一个新密码（输入两次），以后每次打开软件都要输入它。"
            ),
            "unlock": self.tr("案件库用密码加密保存。请输入设置过的案件库密码。"),
            "new_backup": self.tr(
                "备份文件会用这个密码加密，可以放在 U 盘或网盘里。"
                "在这台或另一台电脑上恢复时需要输入它。"
            ),
            "open_backup": self.tr("请输入做这个备份时设置的备份密码。"),
            "new_shop": self.tr(
                "这是第一台接入这个共享案件库的电脑。请为店铺设置一个店铺口令（输入两次）："
                "它保护全店的数据密钥，买家信息、备注、照片和文件在离开这台电脑前用这把密钥加密。"
                "店里其他电脑第一次接入时要输入这个口令，之后就不用再输。"
            ),
            "open_shop": self.tr(
                "这台电脑第一次接入这个共享案件库。请输入店铺口令（第一台接入的电脑设置的）："
                "只需输入这一次，之后这台电脑会把店铺的密钥保存在系统钥匙串里。"
            ),
            "change_shop": self.tr(
                "更改店铺口令后，已经接入的电脑照常使用，新接入的电脑要输入新口令。"
                "数据不会重新加密，所以它不能把已经接入的电脑拒之门外；"
                "有员工离职时，请同时在服务器上修改数据库密码。"
            ),
        }[self.mode]

    def _field_label(self) -> str:
        if self.mode.endswith("_shop"):
            return self.tr("店铺口令") if self.mode == "open_shop" else self.tr("新的店铺口令")
        return self.tr("新密码") if self.asks_twice else self.tr("密码")

    def _warning(self) -> str:
        if self.mode.endswith("_shop"):
            return self.tr(
                "店铺口令无法找回：忘记了，新电脑就再也接入不了共享案件库。"
                "请把它写下来，交给店主保管。"
            )
        return self.tr(
            "密码无法找回：忘记了，加密的数据就再也打不开。请把密码写下来，放在安全的地方。"
        )

    def _show_text(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for edit in (self.old, self.first, self.second):
            edit.setEchoMode(mode)

    def _changed(self) -> None:
        self.error.hide()
        filled = bool(self.first.text()) and (not self.asks_twice or bool(self.second.text()))
        if self.mode == "change_shop":
            filled = filled and bool(self.old.text())
        self.ok_button.setEnabled(filled)

    def passphrase(self) -> str:
        return self.first.text()

    def old_passphrase(self) -> str:
        """The current shop passphrase (``change_shop``)."""
        return self.old.text()

    def problem(self) -> str | None:
        """What is wrong with what was typed, or None."""
        shop = self.mode.endswith("_shop")
        if not self.first.text():
            return self.tr("请输入店铺口令。") if shop else self.tr("请输入密码。")
        if self.asks_twice:
            if len(self.first.text()) < self.min_length:
                words = (
                    self.tr("店铺口令至少要 %1 个字符。")
                    if shop
                    else self.tr("密码至少要 %1 个字符。")
                )
                return words.replace("%1", str(self.min_length))
            if self.first.text() != self.second.text():
                if shop:
                    return self.tr("两次输入的店铺口令不一致，请重新输入。")
                return self.tr("两次输入的密码不一致，请重新输入。")
            if self.mode == "change_shop" and self.first.text() == self.old.text():
                return self.tr("新的店铺口令和现在的一样。")
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem is not None:
            self.show_error(problem)
            return
        super().accept()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def show_wrong(self) -> None:
        """The password was checked and is wrong: say so and ask again."""
        if self.mode == "change_shop":  # the current one was wrong; the new one may stay
            self.old.clear()
            self.show_error(self.tr("现在的店铺口令不正确，请重新输入。"))
            self.old.setFocus()
            return
        self.first.clear()
        self.second.clear()
        if self.mode.endswith("_shop"):
            self.show_error(self.tr("店铺口令不正确，请重新输入。"))
        else:
            self.show_error(self.tr("密码不正确，请重新输入。"))
        self.first.setFocus()
