"""Start the desktop app: QApplication, settings, language, fonts, the case book, main window.

`DesktopApp` owns the store's life: it opens it on the thread pool while the window is already
up (the window says so instead of "no cases yet"), asks for the store's password where the
computer has no keychain (`PassphraseDialog`: a new one on the first start, asked twice; never
an instruction to set an environment variable), restores a backup (the store closed meanwhile)
and rebuilds the main window when the seller switches language -- where it was, the same size,
the store opened once.

``SELLER_APP_PASSPHRASE`` (the command line's variable) is honoured here too: where it is set,
the app tries it before asking, so the app and ``seller-claims`` open the same data the same
way. The app never asks anyone to set it.

The store is this PC's own or the shop's shared store on a server, as chosen in 设置 › 共享案件库
(or by ``SELLER_APP_DATABASE_URL``, as for the command line): `shared_stores.SharedStores`.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from seller_app import paths

from .catalog_source import CatalogSource
from .i18n import LANGUAGES, install_gaps, install_language, register_fonts, remove_language
from .main_window import MainWindow
from .opening_book import OpeningBook
from .shared_stores import SharedStores
from .tasks import hold_collection, run_task
from .widgets.first_frame import after_first_frame

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from .casebook import CaseBook
    from .passphrase_dialog import PassphraseDialog
    from .shared_store import SharedChoice

log = logging.getLogger(__name__)

PASSPHRASE_ENV = "SELLER_APP_PASSPHRASE"  # the same variable as the CLI's (cli/common.py)


def shanghai_now() -> datetime:
    """The app's clock (the domain never reads one; it is handed this)."""
    return datetime.now(_shanghai())


def _shanghai() -> tzinfo:
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Shanghai")


def open_store(data_dir: Path, passphrase: str | None = None):  # type: ignore[no-untyped-def]
    """Open the case store: with the OS keychain, else with the password's key file (worker
    thread: the keychain and scrypt may take a moment). A data folder whose key is in a
    password file keeps using it even when a keychain appears."""
    from seller_app.credentials import key_store_for
    from seller_app.store import Store

    keys = key_store_for(data_dir, (lambda: passphrase) if passphrase else None)
    return Store.open(data_dir, keys)


def restore_store(store: Any, archive: Path, backup_passphrase: str, passphrase: str | None):  # type: ignore[no-untyped-def]
    """Close `store`, restore `archive` into its data folder (the old data moved aside) and open
    it again; returns (store, moved-to folder or None, the restore's error or None). The store
    is reopened whether or not the restore worked."""
    from seller_app.credentials import key_store_for
    from seller_app.store import Store

    data_dir = Path(store.data_dir)
    store.close()
    moved, failure = None, None
    try:
        keys = key_store_for(data_dir, (lambda: passphrase) if passphrase else None)
        moved = Store.restore(archive, data_dir, backup_passphrase, keys, overwrite=True)
    except Exception as error:  # noqa: BLE001 - reported to the seller; the store reopens
        log.warning("restore failed: %s", error)
        failure = error
    return open_store(data_dir, passphrase), moved, failure


def app_icon(resources: Path) -> QIcon:
    from PySide6.QtGui import QIcon

    return QIcon(str(resources / "icons" / "app.svg"))


class DesktopApp(SharedStores):
    """Owns the store and the main window; rebuilds the window when the language changes.

    Start-up (issue 16): the window is shown first, in its "opening the store" state; once it
    has painted its first frame, the store opens on the thread pool and meanwhile `prepare`
    runs (`run` passes the holiday schedules and the temp folder's tidying). The shared-store
    choice is read from the settings when first needed (it imports the server settings'
    module).
    """

    def __init__(
        self,
        app: QApplication,
        settings: QSettings,
        data_dir: Path | None,
        *,
        prepare: Callable[[], None] | None = None,
    ) -> None:
        self.app = app
        self.settings = settings
        self._data_dir = data_dir  # None: the platform's, looked up when first needed
        self.resources = paths.resources_dir()
        self.catalog = CatalogSource(self.resources)
        self.book: CaseBook = OpeningBook()
        self.state, self.state_message = "opening", ""
        self.opening = False
        self.passphrase: str | None = None  # the store's, when it is locked with one
        self.passphrase_dialog: PassphraseDialog | None = None
        self.icon: QIcon | None = None  # after the first frame (`_show_icon`)
        register_fonts(self.resources)
        self.translators: list = []  # type: ignore[type-arg]
        self._gaps_later = False  # Qt's strings its catalogue lacks: after the first frame
        self.lang = _lang(settings)
        self.window: MainWindow | None = None
        self.prepare = prepare
        self._init_shared(None)
        self._shared_read = False  # _init_shared's None is not the settings' choice

    @property
    def data_dir(self) -> Path:
        """The data folder (`paths.user_data_dir` when none was given: platformdirs' look-up,
        4 ms, waits until the first frame -- the window needs the folder only once the store
        opens; issue 16)."""
        if self._data_dir is None:
            self._data_dir = paths.user_data_dir()
        return self._data_dir

    def _translations(self) -> Path:
        return self.data_dir / "translations"

    @property
    def shared(self) -> SharedChoice | None:
        """The shared store chosen (None: this PC's own), read from the settings on first use."""
        if not self._shared_read:
            from .shared_store import chosen

            self._shared_choice = chosen(self.settings)
            self._shared_read = True
        return self._shared_choice

    @shared.setter
    def shared(self, choice: SharedChoice | None) -> None:
        self._shared_choice, self._shared_read = choice, True

    def _install(self, lang: str, *, gaps: bool = True) -> None:
        remove_language(self.app, self.translators)
        self._gaps_later = False
        self.translators = install_language(
            self.app, lang, self.resources, self._translations, gaps=gaps
        )
        self.lang = lang
        # Qt appends the display name to every window title: in the window's own language,
        # so the main window (titled with the app's name) does not say it twice.
        self.app.setApplicationDisplayName(QCoreApplication.translate("DesktopApp", "理赔助手"))

    def show(self) -> MainWindow:
        # Qt's strings its own Chinese catalogue lacks (qt_gaps) after the first frame, which
        # shows none of them: in a source checkout they are compiled into the data folder
        self._install(_lang(self.settings), gaps=False)
        self._gaps_later = True
        window = self._make_window()
        window.show()
        self.window = window
        self._show_state(window)
        self._after_first_frame(window)
        return window

    def _after_first_frame(self, window: MainWindow) -> None:
        """What waits for `window`'s first frame (issue 16): the app's icon, the rest of the
        language's translators and, while the store is to be opened, its opening (the store's
        imports -- keyring, cryptography -- on a worker thread would otherwise hold the GIL
        while the window first shows)."""
        if self.icon is None or (self.state == "opening" and not self.opening):
            after_first_frame(window, self._first_frame)

    def _first_frame(self) -> None:
        if self._gaps_later:  # left by `show` (a language switch since installed them all)
            self._gaps_later = False
            self.translators += install_gaps(
                self.app, self.lang, self.resources, self._translations
            )
        self._show_icon()
        self._open_from_env()
        # While the store opens on the pool: its result is handed over on this thread, so
        # `prepare` (the holiday schedules) is done before the first list is computed.
        prepare, self.prepare = self.prepare, None
        if prepare is not None:
            prepare()

    def _show_icon(self) -> None:
        """The app's icon, for its windows and the tray (loading the SVG engine and drawing the
        icon's sizes took 2-5 ms before the first frame)."""
        if self.icon is None:
            self.icon = app_icon(self.resources)
            self.app.setWindowIcon(self.icon)
        if self.window is not None:
            self.window.set_icon(self.icon)

    def _open_from_env(self) -> None:
        if self.state == "opening" and not self.opening:
            self.open_store(os.environ.get(PASSPHRASE_ENV) or None, from_env=True)

    def _make_window(self) -> MainWindow:
        window = MainWindow(
            self.book,
            self.catalog,
            self.settings,
            self.lang,
            shanghai_now,
            lambda: self.data_dir / "files",  # looked up when first needed (`data_dir`)
            self.icon,
            data_dir=lambda: self.data_dir,
        )
        window.language_requested.connect(self.switch_language)
        window.unlock_requested.connect(self.ask_passphrase)
        window.restore_requested.connect(self.restore)
        window.shared_store_requested.connect(self.open_shared_dialog)
        window.reconnect_requested.connect(self.reconnect)
        window.local_requested.connect(self.work_locally)
        return window

    def _show_state(self, window: MainWindow) -> None:
        if isinstance(self.book, OpeningBook):
            window.set_store_state(self.state, self.state_message)
        else:
            window.set_book(self.book)
        self.show_place()

    # ------------------------------------------------------------------ opening the store

    def open_store(
        self, passphrase: str | None, *, from_env: bool = False, shop: Any = None
    ) -> None:
        """Open the store on the thread pool (never twice at once): this PC's own, or the shop's
        shared store when that is chosen (`shop`: the shop passphrase the seller just typed)."""
        if self.opening:
            return
        self.opening = True
        shared = self.wants_shared()
        data_dir = self.data_dir
        if shared is None:
            task = lambda: open_store(data_dir, passphrase)  # noqa: E731 - one line each way
            self._set_state("opening")
        else:
            task = self._shared_task(shared, passphrase, shop)
            self._set_state(
                "connecting",
                QCoreApplication.translate("DesktopApp", "正在连接共享案件库 %1…").replace(
                    "%1", shared.name()
                ),
            )
        run_task(
            task,
            lambda store: self._store_opened(store, passphrase),
            on_error=lambda error: self._store_failed(error, passphrase, from_env),
        )

    def _set_state(self, state: str, message: str = "") -> None:
        self.state, self.state_message = state, message
        if self.window is not None and isinstance(self.book, OpeningBook):
            self.window.set_store_state(state, message)

    def _store_opened(self, store: Any, passphrase: str | None, book: Any = None) -> None:
        from .shared_store import files_dir
        from .store_book import StoreCaseBook

        self.opening = False
        self.passphrase = passphrase if (self.data_dir / _keys_file()).exists() else None
        self.book = book or StoreCaseBook(store, files_dir(self.data_dir, store))
        self.state, self.state_message = "open", ""
        try:
            self.book.tidy_work_files()
        except OSError:
            log.warning("could not tidy the work files", exc_info=True)
        except Exception as error:  # noqa: BLE001 - the server away: the window says so soon
            log.warning("could not tidy the work files: %s", error)
        if self.window is not None:
            self.window.set_book(self.book)
        self.show_place()
        if store.shared:
            self.offer_copy()

    def _store_failed(self, error: Exception, tried: str | None, from_env: bool) -> None:
        """No keychain or a wrong password: ask for the password; else say why and stay."""
        from seller_app.credentials import KeychainUnavailableError, WrongPassphraseError

        self.opening = False
        if isinstance(error, KeychainUnavailableError | WrongPassphraseError):
            if not (self.data_dir / _keys_file()).exists() and self._has_store():
                # The key is in a keychain this session cannot reach: a password cannot help.
                self._set_state(
                    "failed",
                    QCoreApplication.translate(
                        "DesktopApp",
                        "案件库的密钥保存在系统钥匙串里，但现在无法使用钥匙串。"
                        "请在桌面会话中登录（解锁钥匙串）后再打开理赔助手。",
                    ),
                )
                return
            wrong = isinstance(error, WrongPassphraseError) and tried is not None and not from_env
            if from_env and tried is not None:
                log.warning("the passphrase in %s does not open the store", PASSPHRASE_ENV)
            self.ask_passphrase(wrong=wrong)
            return
        if self._shared_failed(error, tried):
            return
        message = error.message(self.lang) if callable(getattr(error, "message", None)) else ""
        self._set_state("failed", message or str(error))
        if self.window is not None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(
                self.window,
                QCoreApplication.translate("DesktopApp", "无法打开案件库"),
                self.state_message,
            )

    def _has_store(self) -> bool:
        from seller_app.store import schema

        return (self.data_dir / schema.DB_NAME).exists()

    def ask_passphrase(self, wrong: bool = False) -> PassphraseDialog | None:
        """The password dialog: a new password on the first start, else the existing one."""
        if self.opening or self.window is None or not isinstance(self.book, OpeningBook):
            return None
        if self.passphrase_dialog is not None and self.passphrase_dialog.isVisible():
            return self.passphrase_dialog
        from .passphrase_dialog import PassphraseDialog

        first_time = not (self.data_dir / _keys_file()).exists()
        dialog = PassphraseDialog("create" if first_time else "unlock", self.window)
        if wrong:
            dialog.show_wrong()
        dialog.accepted.connect(lambda: self.open_store(dialog.passphrase()))  # local or shared
        dialog.rejected.connect(
            lambda: self._set_state(
                "locked",
                QCoreApplication.translate("DesktopApp", "案件库还没有打开：需要输入密码。"),
            )
        )
        dialog.finished.connect(lambda _: self._dialog_closed(dialog))
        self.passphrase_dialog = dialog
        self._set_state("asking")
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: PassphraseDialog) -> None:
        if self.passphrase_dialog is dialog:
            self.passphrase_dialog = None
        dialog.deleteLater()

    # ------------------------------------------------------------------ restore

    def restore(self, archive: Path, backup_passphrase: str) -> None:
        """Replace the data with a backup's (the main window asked and confirmed)."""
        store = getattr(self.book, "store", None)
        if store is None or self.window is None:
            return
        self.book = OpeningBook()
        self.opening = True
        self._set_state("restoring")
        passphrase = self.passphrase
        run_task(
            lambda: restore_store(store, Path(archive), backup_passphrase, passphrase),
            self._restored,
            on_error=self._reopen_failed,
        )

    def _restored(self, result: tuple[Any, Path | None, Exception | None]) -> None:
        store, moved, failure = result
        self._store_opened(store, self.passphrase)
        if self.window is not None:
            self.window.restore_finished(moved, failure)

    def _reopen_failed(self, error: Exception) -> None:
        self.opening = False
        self._store_failed(error, self.passphrase, False)

    # ------------------------------------------------------------------ closing, language

    def close(self) -> None:
        """Close the store (its WAL is checkpointed) once the window has gone."""
        store = getattr(self.book, "store", None)
        if store is not None:
            store.close()

    def switch_language(self, lang: str) -> None:
        """A new window in `lang` where the old one was, the same size, with the store as it
        is (opened once); what the old window had open (a wizard, a case) opens again."""
        old = self.window
        if old is None or lang == self.lang:
            return
        if old.busy_reason():
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                old, QCoreApplication.translate("DesktopApp", "请稍候"), old.busy_reason()
            )
            return
        previous = self.lang
        old.save_layout()
        self.settings.setValue("language", lang)
        self._install(lang)
        window = self._make_window()
        window.show()
        self.window = window
        if not old.close():  # a draft that could not be saved: stay as we were
            self.window = old
            window.close()
            window.deleteLater()
            self.settings.setValue("language", previous)
            self._install(previous)
            return
        reopen = old.work_on_close
        old.deleteLater()
        self._show_state(window)
        self._after_first_frame(window)  # the old window went before its first frame
        if reopen is not None:
            window.reopen_work(reopen)


def _keys_file() -> str:
    from seller_app.credentials import KEYS_FILE

    return KEYS_FILE


def _lang(settings: QSettings) -> str:
    lang = str(settings.value("language", "zh"))
    return lang if lang in LANGUAGES else "zh"


def _prepare(data_dir: Path) -> None:
    """What the app does once its window is up, while the store opens (issue 16: not before
    the first frame): the official holiday schedules the seller imported, so deadlines count
    with them from the first list on; tidying what a killed run left in the temp folder (on
    the pool: it is only deleting files)."""
    from seller_app import leftovers
    from seller_app.holiday_files import install_user_schedules

    install_user_schedules(data_dir)
    run_task(leftovers.clean_at_start, lambda _: None)


def run(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication(argv)
    app.setOrganizationName(paths.APP_AUTHOR)
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName("理赔助手")
    # Python's garbage collector runs on the GUI thread only, for the whole run (tasks.py).
    hold_collection()
    settings = QSettings()
    desktop: DesktopApp
    desktop = DesktopApp(app, settings, None, prepare=lambda: _prepare(desktop.data_dir))
    desktop.show()
    code = app.exec()
    desktop.close()
    settings.sync()
    # PySide6 6.12 can abort while the interpreter tears down Qt wrappers at exit
    # ("none_dealloc"/"bool_dealloc", seen here with signal connections); everything is saved
    # and closed by now, so leave without that teardown.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
