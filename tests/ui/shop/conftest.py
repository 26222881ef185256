"""Fixtures for the GUI on a shop server (issue 17): a fresh database on the session's real
PostgreSQL (`tests.postgres`), desks as the app opens them (their own data folder, their own
password-protected key file: this computer has no keychain), and a TCP relay in front of the
server that can be cut, to take the server away mid-session as a switched-off NAS would.

The fixtures are this folder's; `desk_environment` applies to every test here.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from seller_app import credentials
from seller_app.credentials import KeychainUnavailableError, PassphraseKeyStore
from seller_app.store import Store
from seller_app.store.server import PASSWORD_ENV, URL_ENV, ServerSettings
from seller_app.ui.app import PASSPHRASE_ENV, DesktopApp
from seller_app.ui.i18n import remove_language
from seller_app.ui.shared_store import SHOP_PASSPHRASE_ENV, remember_choice

from ..conftest import idle

STORE_PASSWORD = "这台电脑的密码 2026"  # each desk's own key file (no keychain here)
SHOP_PASSPHRASE = "店铺口令 correct horse"


class NoKeychain:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise KeychainUnavailableError()


@pytest.fixture(autouse=True)
def desk_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No keychain (each desk keeps its keys in its own passphrase file, opened with
    ``SELLER_APP_PASSPHRASE`` as the command line does), none of the shop variables set, and
    the shop key wrapped at 1/32 of the real scrypt work (the parameters travel with it)."""
    from seller_app.store import shopkey

    monkeypatch.setattr(credentials, "KeyringKeyStore", NoKeychain)
    monkeypatch.setenv(PASSPHRASE_ENV, STORE_PASSWORD)
    for name in (URL_ENV, PASSWORD_ENV, SHOP_PASSPHRASE_ENV, "SELLER_APP_DESK"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(shopkey, "SCRYPT_N", 2**10)


@dataclass
class ShopServer:
    """A database of its own on the session's server, as a shop creates it (README step 2)."""

    server: ServerSettings
    password: str
    admin: Any

    def url(self, *, password: bool = True, port: int | None = None) -> str:
        secret = f":{self.password}" if password else ""
        return (
            f"postgresql://{self.server.user}{secret}@{self.server.host}:"
            f"{port or self.server.port}/{self.server.database}"
        )

    def desk_store(self, folder: Path, desk: str) -> Store:
        """Another desk working on the same server (its own data folder and key file)."""
        return Store.open_shared(
            self.url(),
            PassphraseKeyStore(folder, STORE_PASSWORD),
            data_dir=folder,
            desk=desk,
            shop_passphrase=lambda creating: SHOP_PASSPHRASE,
        )


@pytest.fixture
def shop(pg_server: Any) -> Iterator[ShopServer]:
    name = f"d_{uuid.uuid4().hex[:12]}"
    pg_server.admin(f"CREATE DATABASE {name} OWNER shop")
    server = ServerSettings("127.0.0.1", name, "shop", pg_server.port)
    yield ShopServer(server, pg_server.password, pg_server)
    pg_server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def desks(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    """`desks(name)`: a desk's app started (its data folder and settings file under
    tmp_path/name), closed at the end of the test."""
    started: list[DesktopApp] = []

    def start(name: str = "front", settings: QSettings | None = None) -> DesktopApp:
        folder = tmp_path / name
        settings = settings or desk_settings(tmp_path, name)
        desktop = DesktopApp(QApplication.instance(), settings, folder / "data")
        desktop.show()
        started.append(desktop)
        return desktop

    yield start
    idle(qtbot)
    for desktop in started:
        for dialog in (desktop.passphrase_dialog, desktop.shop_dialog, desktop.shared_dialog):
            if dialog is not None and shiboken6.isValid(dialog):
                dialog.reject()
        window = desktop.window
        if window is not None and shiboken6.isValid(window):
            wizard = window.wizard
            if wizard is not None and shiboken6.isValid(wizard) and wizard.isVisible():
                wizard.close_unsaved()
            window.close()
            window.deleteLater()
        desktop.close()
        remove_language(QApplication.instance(), desktop.translators)
    QLocale.setDefault(QLocale("zh_CN"))
    QApplication.setApplicationDisplayName("")


def desk_settings(tmp_path: Path, name: str) -> QSettings:
    return QSettings(str(tmp_path / name / "settings.ini"), QSettings.Format.IniFormat)


def choose_server(settings: QSettings, server: ServerSettings) -> None:
    """The desk chose the shop server earlier (设置 › 共享案件库)."""
    remember_choice(settings, server, True)


def keys_of(desktop: DesktopApp) -> PassphraseKeyStore:
    return PassphraseKeyStore(desktop.data_dir, STORE_PASSWORD)


# --------------------------------------------------------------------------- a cuttable line


class Relay:
    """A TCP relay on a loopback port in front of the server: `cut()` closes it and every
    connection through it (as if the server's machine went away), `mend()` listens again."""

    def __init__(self, target_port: int) -> None:
        self.target = target_port
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = int(probe.getsockname()[1])
        probe.close()
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.listener: socket.socket | None = None

    def mend(self) -> Relay:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target))
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        for end in (source, sink):
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        if self.listener is not None:
            # wakes the thread blocked in accept() (close alone does not on Linux)
            with contextlib.suppress(OSError):
                self.listener.shutdown(socket.SHUT_RDWR)
            self.listener.close()
            self.listener = None
        with self.lock:
            sockets, self.sockets = self.sockets, []
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()


@pytest.fixture
def relay(shop: ShopServer) -> Iterator[Relay]:
    line = Relay(shop.server.port).mend()
    yield line
    line.cut()
