"""设置 › 共享案件库: point this desk at the shop's PostgreSQL server, or back at its own store.

The seller fills in the server (host, port, database, user, password) and the name other desks
see on this desk's changes, may 测试连接 first (on the thread pool: it only reads, so testing an
empty database changes nothing, and says whether the shop is set up yet and whether this desk
has unlocked it), then 使用共享案件库. The app does the switch (`use_shared`): the first desk on
an empty server sets the shop passphrase, another desk types it once. 改用本机案件库 goes back;
更改店铺口令 re-wraps the shop's key (what it does and does not do is said in its dialog); 复制本机
案件 offers this PC's own cases to the shared store again.

The dialog only gathers and shows; the app owns the stores. The password is passed on once and
kept in the keychain by the app after a connection with it worked -- never in the settings file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from seller_app.store.desk import NAME_LIMIT
from seller_app.store.server import DEFAULT_PORT, ServerSettings

from .passphrase_dialog import PassphraseDialog
from .save_problems import message_of
from .tasks import run_task

log = logging.getLogger(__name__)

OK_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #b3261e;"
BUSY_STYLE = "color: #4b5563;"


class SharedStoreDialog(QDialog):
    use_shared = Signal(object, str, str)
    """(ServerSettings, the password typed or "" for the keychain's, this desk's name)."""
    use_local = Signal()
    """Back to this PC's own store."""
    copy_requested = Signal()
    """Offer this PC's own cases to the shared store again."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        server: ServerSettings | None,
        desk_name: str,
        lang: str,
        probe: Callable[[ServerSettings, str], Any],
        change_passphrase: Callable[[str, str], None] | None = None,
        from_env: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sharedStoreDialog")
        self.setWindowTitle(self.tr("共享案件库"))
        self.lang = lang
        self.probe = probe
        self.change_passphrase_fn = change_passphrase
        self.extra = server.extra if server is not None else ()
        self.loaded = server
        self.busy = False
        self.passphrase_dialog: PassphraseDialog | None = None

        intro = QLabel(
            self.tr(
                "店里有几台电脑处理售后时，可以把案件放在店里局域网上一台电脑或 NAS 的 PostgreSQL "
                "数据库里：大家看到同一批案件，同一个单号不会被重复索赔，两个人同时改一个案件也不会"
                "互相覆盖。服务器怎么装、数据库怎么建，见使用说明的“共享案件库”一节。"
            )
        )
        intro.setWordWrap(True)
        self.place = QLabel()
        self.place.setObjectName("sharedPlace")
        self.place.setWordWrap(True)
        self.place.setStyleSheet("font-weight: bold;")

        self.host = QLineEdit(server.host if server else "")
        self.host.setObjectName("serverHost")
        self.host.setPlaceholderText(self.tr("例如 192.168.1.20"))
        self.port = QSpinBox()
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(server.port if server else DEFAULT_PORT)
        self.database = QLineEdit(server.database if server else "claims")
        self.database.setObjectName("serverDatabase")
        self.user = QLineEdit(server.user if server else "shop")
        self.user.setObjectName("serverUser")
        self.password = QLineEdit()
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if server is not None:
            self.password.setPlaceholderText(self.tr("留空：用这台电脑钥匙串里保存的密码"))
        self.desk = QLineEdit(desk_name)
        self.desk.setObjectName("deskName")
        self.desk.setMaxLength(NAME_LIMIT)
        self.desk.setPlaceholderText(self.tr("例如 前台、仓库电脑"))

        host_row = QHBoxLayout()
        host_row.addWidget(self.host, 1)
        host_row.addWidget(QLabel(self.tr("端口")))
        host_row.addWidget(self.port)
        form = QFormLayout()
        form.addRow(self.tr("服务器"), host_row)
        form.addRow(self.tr("数据库"), self.database)
        form.addRow(self.tr("用户名"), self.user)
        form.addRow(self.tr("密码"), self.password)
        hint = QLabel(self.tr("密码连接成功后保存在这台电脑的系统钥匙串里，不写进设置文件。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #4b5563;")
        form.addRow("", hint)
        form.addRow(self.tr("这台电脑的名字"), self.desk)
        desk_hint = QLabel(self.tr("其他电脑上显示“这个案件刚被 某某 修改过”时用这个名字。"))
        desk_hint.setWordWrap(True)
        desk_hint.setStyleSheet("color: #4b5563;")
        form.addRow("", desk_hint)
        self.extra_label = QLabel()
        self.extra_label.setStyleSheet("color: #4b5563;")
        if self.extra:
            self.extra_label.setText(
                self.tr("其他连接参数：%1").replace(
                    "%1", " ".join(f"{key}={value}" for key, value in self.extra)
                )
            )
            form.addRow("", self.extra_label)

        self.env_note = QLabel(
            self.tr(
                "现在由环境变量 SELLER_APP_DATABASE_URL 指定共享案件库：只要设置了它，"
                "每次启动都打开它。"
            )
        )
        self.env_note.setWordWrap(True)
        self.env_note.setStyleSheet("color: #8a5300;")
        self.env_note.setVisible(from_env)

        self.result = QLabel()
        self.result.setObjectName("sharedResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setMinimumHeight(40)

        self.test_button = QPushButton(self.tr("测试连接"))
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_connection)
        self.use_button = QPushButton(self.tr("使用共享案件库"))
        self.use_button.setObjectName("useShared")
        self.use_button.clicked.connect(self._use_shared)
        self.local_button = QPushButton(self.tr("改用本机案件库"))
        self.local_button.setObjectName("useLocal")
        self.local_button.clicked.connect(self.use_local.emit)
        self.copy_button = QPushButton(self.tr("复制本机案件…"))
        self.copy_button.setObjectName("copyLocal")
        self.copy_button.setToolTip(
            self.tr("把这台电脑本机案件库里还没复制过的案件和草稿复制到共享案件库")
        )
        self.copy_button.clicked.connect(self.copy_requested.emit)
        self.passphrase_button = QPushButton(self.tr("更改店铺口令…"))
        self.passphrase_button.setObjectName("changeShopPassphrase")
        self.passphrase_button.clicked.connect(self.ask_new_passphrase)
        actions = QHBoxLayout()
        for button in (self.test_button, self.use_button, self.local_button):
            actions.addWidget(button)
        actions.addStretch(1)
        shop_actions = QHBoxLayout()
        shop_actions.addWidget(self.copy_button)
        shop_actions.addWidget(self.passphrase_button)
        shop_actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.place)
        layout.addLayout(form)
        layout.addWidget(self.env_note)
        layout.addLayout(actions)
        layout.addWidget(self.result)
        layout.addLayout(shop_actions)
        layout.addWidget(close)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.setMinimumWidth(560)
        self.set_place(None, fallback=False)

    # ------------------------------------------------------------------ what is in use

    def set_place(self, shared_name: str | None, *, fallback: bool) -> None:
        """Which store the app works on now; the buttons follow."""
        self.shared_name = shared_name
        self.fallback = fallback
        if shared_name is not None:
            text = self.tr("现在使用：共享案件库 %1").replace("%1", shared_name)
        elif fallback:
            text = self.tr("现在使用：本机案件库（共享案件库连不上，暂时在本机工作）")
        else:
            text = self.tr("现在使用：本机案件库（只在这台电脑上）")
        self.place.setText(text)
        self.local_button.setVisible(shared_name is not None or fallback)
        self.use_button.setText(
            self.tr("重新连接共享案件库") if fallback else self.tr("使用共享案件库")
        )
        self.copy_button.setVisible(shared_name is not None)
        self.passphrase_button.setVisible(
            shared_name is not None and self.change_passphrase_fn is not None
        )
        self._enable()

    def set_change_passphrase(self, change: Callable[[str, str], None] | None) -> None:
        """How to change the shop passphrase of the shared store now open (None: none is)."""
        self.change_passphrase_fn = change
        self.set_place(self.shared_name, fallback=self.fallback)

    def set_busy(self, words: str) -> None:
        """Long work under way ("" when done): the buttons wait."""
        self.busy = bool(words)
        if words:
            self.show_result(words, busy=True)
        self._enable()

    def _enable(self) -> None:
        for button in (
            self.test_button,
            self.use_button,
            self.local_button,
            self.copy_button,
            self.passphrase_button,
        ):
            button.setEnabled(not self.busy)

    def show_result(self, text: str, *, ok: bool = False, busy: bool = False) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(BUSY_STYLE if busy else OK_STYLE if ok else ERROR_STYLE)

    def show_problem(self, error: BaseException) -> None:
        self.set_busy("")
        self.show_result("✗ " + message_of(error, self.lang))

    # ------------------------------------------------------------------ the fields

    def server(self) -> ServerSettings | None:
        """The settings typed, or None with what is missing said beside the buttons."""
        missing = [
            (self.host, self.tr("请填写服务器地址（例如 192.168.1.20）。")),
            (self.database, self.tr("请填写数据库名（例如 claims）。")),
            (self.user, self.tr("请填写用户名（例如 shop）。")),
        ]
        for field, words in missing:
            if not field.text().strip():
                self.show_result(words)
                field.setFocus()
                return None
        server = ServerSettings.from_fields(
            self.host.text(), self.port.value(), self.database.text(), self.user.text()
        )
        loaded = self.loaded
        if loaded is not None and (loaded.host, loaded.database) == (server.host, server.database):
            # libpq options the settings came with (sslmode ...) stay with the same server
            server = ServerSettings(
                server.host, server.database, server.user, server.port, self.extra
            )
        return server

    def desk_name(self) -> str:
        from seller_app.store.desk import clean_name

        return clean_name(self.desk.text())

    # ------------------------------------------------------------------ testing

    def test_connection(self) -> None:
        """Connect and read what the server holds, off the GUI thread."""
        server = self.server()
        if server is None or self.busy:
            return
        self.set_busy(self.tr("正在连接 %1…").replace("%1", server.display()))
        probe, password = self.probe, self.password.text()
        run_task(
            lambda: probe(server, password),
            self._tested,
            on_error=self.show_problem,
            owner=self,
        )

    def _tested(self, state: Any) -> None:
        self.set_busy("")
        if state.too_new:
            self.show_result(
                self.tr(
                    "⚠ 连接成功，但共享案件库已被更新版本的理赔助手升级过（版本 %1）。"
                    "请先把这台电脑上的理赔助手更新到最新版本。"
                ).replace("%1", str(state.schema))
            )
            return
        if not state.set_up:
            self.show_result(
                self.tr(
                    "✓ 连接成功。这个数据库里还没有共享案件库：点“使用共享案件库”后，"
                    "这台电脑会建好案件库并设置店铺口令。"
                ),
                ok=True,
            )
            return
        text = (
            self.tr("✓ 连接成功。共享案件库里有 %1 个案件，%2 台电脑接入过。")
            .replace("%1", str(state.cases))
            .replace("%2", str(state.desks))
        )
        if state.unlocked:
            text += self.tr("这台电脑已经解锁，可以直接使用。")
        else:
            text += self.tr("这台电脑第一次接入，需要输入店铺口令（向设置它的人要）。")
        if 0 < state.schema < state.latest:
            text += "\n" + self.tr(
                "共享案件库是旧版本，接入时会升级；升级前需要先做一份共享案件库的备份。"
            )
        self.show_result(text, ok=True)

    # ------------------------------------------------------------------ switching

    def _use_shared(self) -> None:
        server = self.server()
        if server is None or self.busy:
            return
        if not self.desk_name():
            self.show_result(self.tr("请给这台电脑起个名字（例如 前台）。"))
            self.desk.setFocus()
            return
        self.use_shared.emit(server, self.password.text(), self.desk_name())

    # ------------------------------------------------------------------ the shop passphrase

    def ask_new_passphrase(self, wrong: bool = False) -> PassphraseDialog | None:
        """The current shop passphrase and a new one (twice); the change runs on the pool."""
        if self.change_passphrase_fn is None or self.busy:
            return None
        dialog = PassphraseDialog("change_shop", self)
        if wrong:
            dialog.show_wrong()
        dialog.accepted.connect(
            lambda: self._change_passphrase(dialog.old_passphrase(), dialog.passphrase())
        )
        dialog.finished.connect(lambda _: self._passphrase_dialog_closed(dialog))
        self.passphrase_dialog = dialog
        dialog.open()
        return dialog

    def _passphrase_dialog_closed(self, dialog: PassphraseDialog) -> None:
        if self.passphrase_dialog is dialog:
            self.passphrase_dialog = None
        dialog.deleteLater()

    def _change_passphrase(self, old: str, new: str) -> None:
        change = self.change_passphrase_fn
        if change is None:
            return
        self.set_busy(self.tr("正在更改店铺口令…"))
        run_task(
            lambda: change(old, new),
            lambda _: self._passphrase_changed(),
            on_error=self._passphrase_failed,
            owner=self,
        )

    def _passphrase_changed(self) -> None:
        self.set_busy("")
        self.show_result(
            self.tr(
                "✓ 店铺口令已更改。已经接入的电脑照常使用；新接入的电脑要输入新口令。"
                "有员工离职时，也请在服务器上修改数据库密码。"
            ),
            ok=True,
        )

    def _passphrase_failed(self, error: Exception) -> None:
        self.set_busy("")
        if getattr(error, "code", "") == "wrong_shop_passphrase":
            self.show_result(self.tr("现在的店铺口令不正确，店铺口令没有更改。"))
            self.ask_new_passphrase(wrong=True)
            return
        self.show_problem(error)
