"""The desktop app's side of several desks on one shop server (issue 17): which store it works
on, and every switch between them -- always the seller's explicit choice.

- At start, the store chosen in 设置 › 共享案件库 (or ``SELLER_APP_DATABASE_URL``) opens; the
  shop passphrase is asked where this desk does not hold the shop's key yet (a new shop: set,
  twice). A server that cannot be used leaves the window empty with the reason in words and 重新
  连接 / 在本机案件库上工作 / 共享案件库设置 -- nothing is opened or written elsewhere meanwhile.
- 使用共享案件库 in the dialog connects first, with the local store still open; only once the
  shared store is open (and the wizard and the case view saved and closed) does the window
  change over. Then the app offers to copy this PC's own cases (`moving_over`).
- 改用本机案件库 goes back for good; 在本机案件库上工作 (the server away) only for this session:
  the window says 本机案件库（共享案件库未连接）, an open draft goes along as a new local draft,
  and 重新连接 / the next start try the server again.

`SharedStores` is mixed into `app.DesktopApp`, which owns the stores and the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from .opening_book import OpeningBook
from .tasks import run_task

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from .main_window import MainWindow
    from .moving_over import MovingOver
    from .passphrase_dialog import PassphraseDialog
    from .shared_store import SharedChoice, ShopPassphrase
    from .shared_store_dialog import SharedStoreDialog

log = logging.getLogger(__name__)


class SharedStores:
    # provided by DesktopApp
    window: MainWindow | None
    book: Any
    data_dir: Path
    settings: QSettings
    lang: str
    passphrase: str | None
    opening: bool

    def _init_shared(self, choice: SharedChoice | None) -> None:
        self.shared: SharedChoice | None = choice
        self.fallback = False  # working locally this session though a shared store is chosen
        self.shared_dialog: SharedStoreDialog | None = None
        self.shop_dialog: PassphraseDialog | None = None
        self.moving: MovingOver | None = None
        self.connecting = False

    # hooks of DesktopApp
    def _set_state(self, state: str, message: str = "") -> None: ...
    def _store_opened(self, store: Any, passphrase: str | None, book: Any = None) -> None: ...
    def open_store(
        self, passphrase: str | None, *, from_env: bool = False, shop: Any = None
    ) -> None: ...

    # ------------------------------------------------------------------ where the window works

    def wants_shared(self) -> SharedChoice | None:
        """The shared store to open now (None: this PC's own)."""
        return None if self.fallback else self.shared

    def current_store(self) -> Any:
        return getattr(self.book, "store", None)

    def show_place(self) -> None:
        """Title, status bar and the dialog: which store the window works on."""
        store = self.current_store()
        name: str | None = None
        if store is not None and store.shared:
            name = self.shared.name() if self.shared is not None else store.location
        fallback = self.fallback and name is None
        if self.window is not None:
            self.window.set_place(name, fallback=fallback)
        dialog = self.shared_dialog
        if dialog is not None:
            dialog.set_place(name, fallback=fallback)
            change = store.change_shop_passphrase if name is not None else None
            dialog.set_change_passphrase(change)

    # ------------------------------------------------------------------ opening at start

    def _shared_task(
        self, choice: SharedChoice, passphrase: str | None, shop: ShopPassphrase | None
    ) -> Callable[[], Any]:
        """Opening the shared store, for the pool (no widget captured)."""
        from .shared_store import open_shared

        data_dir = self.data_dir
        return lambda: open_shared(data_dir, passphrase, choice, shop=shop)

    def _shared_failed(self, error: Exception, passphrase: str | None) -> bool:
        """The shared store did not open at start: ask for the shop passphrase, or say why in
        the window (with 重新连接 / 在本机案件库上工作 / 共享案件库设置). False: not ours."""
        from .shared_store import ShopPassphraseNeededError

        if self.wants_shared() is None:
            return False
        if passphrase is not None:
            # this PC's key file opened with it (the server came after): keep it for the retry
            self.passphrase = passphrase
        if isinstance(error, ShopPassphraseNeededError):
            self.ask_shop_passphrase(
                error.creating,
                lambda shop: self.open_store(passphrase, shop=shop),
                self._shop_cancelled,
            )
            return True
        if getattr(error, "code", "") == "wrong_shop_passphrase":
            self.ask_shop_passphrase(
                False,
                lambda shop: self.open_store(passphrase, shop=shop),
                self._shop_cancelled,
                wrong=True,
            )
            return True
        words = getattr(error, "message", None)
        self._set_state("server_failed", words(self.lang) if callable(words) else str(error))
        return True

    def _shop_cancelled(self) -> None:
        self._set_state(
            "server_failed",
            QCoreApplication.translate(
                "SharedStores", "共享案件库还没有打开：这台电脑需要输入一次店铺口令。"
            ),
        )

    def ask_shop_passphrase(
        self,
        creating: bool,
        then: Callable[[ShopPassphrase], None],
        cancelled: Callable[[], None],
        *,
        wrong: bool = False,
        parent: QWidget | None = None,
    ) -> PassphraseDialog | None:
        """The shop passphrase: a new one for a new shop (twice), else the shop's, once."""
        from .passphrase_dialog import PassphraseDialog
        from .shared_store import ShopPassphrase

        owner = parent or self.window
        if owner is None:
            return None
        dialog = PassphraseDialog("new_shop" if creating else "open_shop", owner)
        if wrong:
            dialog.show_wrong()
        dialog.accepted.connect(lambda: then(ShopPassphrase(dialog.passphrase(), creating)))
        dialog.rejected.connect(cancelled)
        dialog.finished.connect(lambda _: self._shop_dialog_closed(dialog))
        self.shop_dialog = dialog
        if self.window is not None and isinstance(self.book, OpeningBook):
            self._set_state("asking_shop")
        dialog.open()
        return dialog

    def _shop_dialog_closed(self, dialog: PassphraseDialog) -> None:
        if self.shop_dialog is dialog:
            self.shop_dialog = None
        dialog.deleteLater()

    # ------------------------------------------------------------------ the dialog

    def open_shared_dialog(self) -> SharedStoreDialog | None:
        """设置 › 共享案件库."""
        from seller_app.store.desk import Desk

        from .shared_store import probe_server, saved_server
        from .shared_store_dialog import SharedStoreDialog

        if self.window is None:
            return None
        if self.shared_dialog is not None and self.shared_dialog.isVisible():
            self.shared_dialog.raise_()
            return self.shared_dialog
        server = self.shared.server if self.shared is not None else saved_server(self.settings)
        data_dir, passphrase = self.data_dir, self.passphrase
        dialog = SharedStoreDialog(
            self.window,
            server=server,
            desk_name=Desk.local(data_dir).name,
            lang=self.lang,
            probe=lambda settings, password: probe_server(data_dir, passphrase, settings, password),
            from_env=self.shared is not None and self.shared.from_env,
        )
        dialog.use_shared.connect(self.use_shared)
        dialog.use_local.connect(self.use_local)
        dialog.copy_requested.connect(lambda: self.offer_copy(asked=True))
        dialog.finished.connect(lambda _: self._shared_dialog_closed(dialog))
        self.shared_dialog = dialog
        self.show_place()
        dialog.open()
        return dialog

    def _shared_dialog_closed(self, dialog: SharedStoreDialog) -> None:
        if self.shared_dialog is dialog:
            self.shared_dialog = None
        dialog.deleteLater()

    def use_shared(self, server: Any, password: str, desk: str) -> None:
        """使用共享案件库: connect (the local store stays open until that worked)."""
        from .shared_store import SharedChoice

        choice = SharedChoice(server, password or None)
        self._connect(choice, password, desk or None, None)

    def _connect(
        self, choice: SharedChoice, password: str, desk: str | None, shop: ShopPassphrase | None
    ) -> None:
        from .shared_store import open_shared

        if self.connecting or self.opening:
            return
        self.connecting = True
        dialog = self.shared_dialog
        if dialog is not None:
            dialog.set_busy(
                QCoreApplication.translate("SharedStores", "正在连接 %1…").replace(
                    "%1", choice.server.display()
                )
            )
        elif self.window is not None:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("SharedStores", "正在连接共享案件库…")
            )
        data_dir, passphrase = self.data_dir, self.passphrase
        run_task(
            lambda: open_shared(
                data_dir, passphrase, choice, password=password or None, desk=desk, shop=shop
            ),
            lambda store: self._connected(store, choice),
            on_error=lambda error: self._connect_failed(error, choice, password, desk),
        )

    def _connect_failed(
        self, error: Exception, choice: SharedChoice, password: str, desk: str | None
    ) -> None:
        from seller_app.credentials import KeychainUnavailableError

        from .shared_store import ShopPassphraseNeededError

        self.connecting = False
        dialog = self.shared_dialog
        wrong = getattr(error, "code", "") == "wrong_shop_passphrase"
        if isinstance(error, ShopPassphraseNeededError) or wrong:
            creating = isinstance(error, ShopPassphraseNeededError) and error.creating
            self.ask_shop_passphrase(
                creating,
                lambda shop: self._connect(choice, password, desk, shop),
                lambda: self._report(
                    QCoreApplication.translate(
                        "SharedStores", "没有切换：需要店铺口令才能打开共享案件库。"
                    )
                ),
                wrong=wrong,
                parent=dialog,
            )
            return
        if isinstance(error, KeychainUnavailableError):
            self._report(
                QCoreApplication.translate(
                    "SharedStores", "请先输入这台电脑的案件库密码，打开本机案件库后再连接。"
                )
            )
            return
        if dialog is None and self.window is not None:  # 重新连接 from the window
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "SharedStores", "没有连上共享案件库，仍在本机案件库上工作。"
                )
            )
            self.window.problems.show(
                self.window,
                error,
                retry=self.reconnect,
                unsaved=QCoreApplication.translate(
                    "SharedStores", "仍在本机案件库上工作；没有改动任何内容。"
                ),
            )
            return
        words = getattr(error, "message", None)
        self._report("✗ " + (words(self.lang) if callable(words) else str(error)))

    def _report(self, text: str, *, ok: bool = False) -> None:
        dialog = self.shared_dialog
        if dialog is not None:
            dialog.set_busy("")
            dialog.show_result(text, ok=ok)
        elif self.window is not None:
            self.window.statusBar().showMessage(text)
            if not ok:
                from PySide6.QtWidgets import QMessageBox

                box = QMessageBox(
                    QMessageBox.Icon.Warning,
                    QCoreApplication.translate("SharedStores", "共享案件库"),
                    text,
                    QMessageBox.StandardButton.Ok,
                    self.window,
                )
                box.setObjectName("sharedStoreReport")
                box.finished.connect(lambda _: box.deleteLater())
                box.open()  # not exec(): the window goes on

    def _connected(self, store: Any, choice: SharedChoice) -> None:
        """The shared store is open: the window changes over to it (its open work saved into
        the store it came from first)."""
        from .shared_store import remember_choice

        self.connecting = False
        window = self.window
        busy = window.busy_reason() if window is not None else ""
        if window is None or busy or not window.work_windows_close():
            store.close()
            self._report(
                busy
                or QCoreApplication.translate(
                    "SharedStores",
                    "没有切换：请先保存或关闭正在填写的索赔向导（它的草稿没能保存）。",
                )
            )
            return
        old = self.current_store()
        self.shared, self.fallback = choice, False
        if not choice.from_env:
            remember_choice(self.settings, choice.server, True)
        self._store_opened(store, self.passphrase)
        if old is not None and old is not store:
            old.close()
        self._report(
            QCoreApplication.translate("SharedStores", "✓ 已切换到共享案件库 %1。").replace(
                "%1", choice.name()
            ),
            ok=True,
        )

    def use_local(self) -> None:
        """改用本机案件库: back to this PC's own store for good (the server stays in the
        settings, to connect again later)."""
        from .shared_store import remember_choice

        window = self.window
        if window is None:
            return
        if window.busy_reason() or not window.work_windows_close():
            self._report(
                window.busy_reason()
                or QCoreApplication.translate(
                    "SharedStores", "没有切换：请先保存或关闭正在填写的索赔向导。"
                )
            )
            return
        if self.shared is not None:
            remember_choice(self.settings, self.shared.server, False)
        self.shared, self.fallback = None, False
        self._to_local(carry=False)

    def work_locally(self) -> None:
        """在本机案件库上工作 (the shop server away): this PC's own store for this session; an
        open draft goes along. The shared store stays chosen: 重新连接 and the next start try
        it again."""
        store = self.current_store()
        if self.window is None or (store is not None and not store.shared):
            return  # already on this PC's own store
        self.fallback = True
        self._to_local(carry=True)

    def _to_local(self, *, carry: bool) -> None:
        from .shared_store import open_local

        old = self.current_store()
        if old is None:  # nothing open (the server failed at start)
            self.open_store(self.passphrase)
            return
        data_dir, passphrase = self.data_dir, self.passphrase
        self.opening = True
        run_task(
            lambda: open_local(data_dir, passphrase),
            lambda store: self._local_opened(store, old, carry),
            on_error=self._local_failed,
        )

    def _local_opened(self, store: Any, old: Any, carry: bool) -> None:
        from .shared_store import files_dir
        from .store_book import StoreCaseBook

        self.opening = False
        book = StoreCaseBook(store, files_dir(self.data_dir, store))
        if carry and self.window is not None:
            self.window.carry_work(book, book.files_dir)
        self._store_opened(store, self.passphrase, book)
        if old is not store:
            old.close()
        self._report(QCoreApplication.translate("SharedStores", "现在使用本机案件库。"), ok=True)

    def _local_failed(self, error: Exception) -> None:
        self.opening = False
        words = getattr(error, "message", None)
        self._report(words(self.lang) if callable(words) else str(error))

    def reconnect(self) -> None:
        """重新连接: the shared store again (at start, or after working locally)."""
        if self.shared is None:
            return
        self.fallback = False
        if self.current_store() is None:
            self.open_store(self.passphrase)
            return
        self._connect(self.shared, self.shared.password or "", None, None)

    # ------------------------------------------------------------------ moving over

    def offer_copy(self, *, asked: bool = False) -> MovingOver | None:
        """Offer this PC's own cases to the shared store (at start only when there are new
        ones; from the dialog always)."""
        from .moving_over import MovingOver

        store = self.current_store()
        window = self.window
        if store is None or not store.shared or window is None or self.shared is None:
            return None
        if self.moving is not None and self.moving.running:
            return self.moving
        moving = MovingOver(
            window, self.data_dir, self.passphrase, self.shared, store, self.settings, self.lang
        )
        moving.copied.connect(lambda: self.window.refresh() if self.window else None)
        self.moving = moving
        moving.check(asked=asked)
        return moving
