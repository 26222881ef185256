"""Asking for a password: the case store's (where the computer has no keychain) and a backup's.

Four situations, each worded for what the seller is doing:

- ``create``: the first start on a computer without a keychain. A new password is being set; it
  is asked twice, cannot be recovered, and should be written down.
- ``unlock``: the store exists and is locked with a password; a wrong one is said beside the
  field and the dialog asks again.
- ``new_backup``: the password a backup is sealed with (asked twice, not recoverable).
- ``open_backup``: the password of the backup being restored.

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

MODES = ("create", "unlock", "new_backup", "open_backup")
MIN_LENGTH = 6  # a new password; an existing one is whatever it is


class PassphraseDialog(QDialog):
    def __init__(self, mode: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        self.mode = mode
        self.setObjectName("passphraseDialog")
        self.asks_twice = mode in ("create", "new_backup")
        titles = {
            "create": self.tr("设置案件库密码"),
            "unlock": self.tr("打开案件库"),
            "new_backup": self.tr("设置备份密码"),
            "open_backup": self.tr("输入备份密码"),
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

        self.first = QLineEdit()
        self.first.setObjectName("passphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setObjectName("passphraseAgain")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_box = QCheckBox(self.tr("显示密码"))
        self.show_box.setObjectName("showPassphrase")
        self.show_box.toggled.connect(self._show_text)
        self.error = QLabel("")
        self.error.setObjectName("passphraseError")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("新密码") if self.asks_twice else self.tr("密码"), self.first)
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
        self.first.textChanged.connect(self._changed)
        self.second.textChanged.connect(self._changed)
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
        }[self.mode]

    def _warning(self) -> str:
        return self.tr(
            "密码无法找回：忘记了，加密的数据就再也打不开。请把密码写下来，放在安全的地方。"
        )

    def _show_text(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setEchoMode(mode)

    def _changed(self) -> None:
        self.error.hide()
        filled = bool(self.first.text()) and (not self.asks_twice or bool(self.second.text()))
        self.ok_button.setEnabled(filled)

    def passphrase(self) -> str:
        return self.first.text()

    def problem(self) -> str | None:
        """What is wrong with what was typed, or None."""
        if not self.first.text():
            return self.tr("请输入密码。")
        if self.asks_twice:
            if len(self.first.text()) < MIN_LENGTH:
                return self.tr("密码至少要 %1 个字符。").replace("%1", str(MIN_LENGTH))
            if self.first.text() != self.second.text():
                return self.tr("两次输入的密码不一致，请重新输入。")
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
        self.first.clear()
        self.second.clear()
        self.show_error(self.tr("密码不正确，请重新输入。"))
        self.first.setFocus()
