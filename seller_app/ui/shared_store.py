"""Which case store the app works on -- this PC's own, or the shop's shared store on a server --
and the work of reaching it, done on the thread pool (no widgets here).

The choice is the seller's, made in 设置 › 共享案件库 and kept in the settings file
(``shop_server/server``: host, port, database, user and libpq options, never the password;
``shop_server/use``: whether to open it). ``SELLER_APP_DATABASE_URL`` -- the command line's
variable -- overrides the settings file for as long as it is set, as it does for
``seller-claims``, so the app and the command line open the same store; with it,
``SELLER_APP_DATABASE_PASSWORD`` gives the password as for the command line, and
``SELLER_APP_SHOP_PASSPHRASE`` is tried before the shop passphrase is asked for.

The server's password is kept in this PC's keychain (`credentials.remember_password`) once a
connection with it has worked; the shop's data key, once unlocked, too (`store.shopkey`). Where
the computer has no keychain both go into the passphrase-protected key file, like the local
store's own key.

Every function here that talks to a store runs on a worker: it takes paths and values, opens
what it needs and returns values (or the store it opened).
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
    from seller_app.credentials import KeyStore
    from seller_app.store import Store
    from seller_app.store.probe import ServerState
    from seller_app.store.server import ServerSettings

log = logging.getLogger(__name__)

SHOP_PASSPHRASE_ENV = "SELLER_APP_SHOP_PASSPHRASE"  # the command line's variable
SERVER_KEY = "shop_server/server"
USE_KEY = "shop_server/use"
DECLINED_KEY = "shop_server/declined_copy"


class ShopPassphraseNeededError(Exception):
    """This desk does not hold the shop's data key yet: the app asks for the shop passphrase
    (`creating`: the server holds no shop store yet -- a new passphrase, asked twice)."""

    def __init__(self, creating: bool) -> None:
        super().__init__("creating" if creating else "unlocking")
        self.creating = creating


class CopyStoppedError(Exception):
    """The seller stopped copying the local cases over (`copy_local_cases`)."""


@dataclass(frozen=True)
class SharedChoice:
    """The shop server the app is to work on. `password`: one given by the environment or the
    URL (None: the keychain's, or ask); `from_env`: ``SELLER_APP_DATABASE_URL`` chose it."""

    server: ServerSettings
    password: str | None = None
    from_env: bool = False

    def name(self) -> str:
        """How the window names the store: ``192.168.1.20/claims`` (port when not 5432)."""
        host = self.server.host
        port = "" if self.server.port == 5432 else f":{self.server.port}"
        return f"{host}{port}/{self.server.database}"


def chosen(settings: QSettings) -> SharedChoice | None:
    """The shared store to open at start, or None for this PC's own store. A choice that cannot
    be read (a hand-edited settings file) is logged and ignored."""
    from seller_app.store import StoreError
    from seller_app.store.server import PASSWORD_ENV, URL_ENV, ServerSettings

    url = (os.environ.get(URL_ENV) or "").strip()
    if url:
        try:
            server, in_url = ServerSettings.from_url(url)
        except StoreError as error:
            log.warning("%s is not a database address: %s", URL_ENV, error.message("en"))
            return None
        return SharedChoice(server, in_url or os.environ.get(PASSWORD_ENV) or None, True)
    if not _flag(settings.value(USE_KEY, False)):
        return None
    server = saved_server(settings)
    return None if server is None else SharedChoice(server)


def saved_server(settings: QSettings) -> ServerSettings | None:
    """The server last set in the dialog (in use or not), to fill the dialog in again."""
    from seller_app.store import StoreError
    from seller_app.store.server import ServerSettings

    raw = settings.value(SERVER_KEY, "")
    if not raw:
        return None
    try:
        return ServerSettings.from_dict(json.loads(str(raw)))
    except (ValueError, TypeError, AttributeError, StoreError):
        log.warning("the saved shop server settings cannot be read; ignored")
        return None


def remember_choice(settings: QSettings, server: ServerSettings | None, use: bool) -> None:
    if server is not None:
        settings.setValue(SERVER_KEY, json.dumps(server.as_dict(), ensure_ascii=False))
    settings.setValue(USE_KEY, use)
    settings.sync()


def _flag(value: Any) -> bool:
    """A boolean as QSettings gives it back (an INI file returns "true")."""
    return value is True or str(value).lower() in ("true", "1")


def env_shop_passphrase() -> str | None:
    return os.environ.get(SHOP_PASSPHRASE_ENV) or None


def files_dir(data_dir: Path, store: Store) -> Path:
    """Where the wizard's working copies of a store's drafts go: the local store's in
    ``files/``, each shared store's in a folder of its own, so the two never tidy away each
    other's drafts (record ids ``d3`` exist in both)."""
    if not store.shared:
        return data_dir / "files"
    return data_dir / f"files-shop-{store.store_id[:16]}"


# --------------------------------------------------------------------------- worker functions


def key_store(data_dir: Path, passphrase: str | None) -> KeyStore:
    """This PC's keychain, or its passphrase key file (worker: scrypt takes a moment)."""
    from seller_app.credentials import key_store_for

    return key_store_for(data_dir, (lambda: passphrase) if passphrase else None)


@dataclass(frozen=True)
class ShopPassphrase:
    """A shop passphrase the seller typed, and whether it was asked for a new shop."""

    text: str
    creating: bool


def open_shared(
    data_dir: Path,
    passphrase: str | None,
    choice: SharedChoice,
    *,
    password: str | None = None,
    desk: str | None = None,
    shop: ShopPassphrase | None = None,
) -> Store:
    """Open the shop's shared store (worker). `passphrase`: this PC's store password where it
    has no keychain; `password`: the server password typed in the dialog (remembered in the
    keychain once it worked), else the choice's, else the keychain's; `desk`: this PC's new
    name; `shop`: the shop passphrase the seller typed. `ShopPassphraseNeededError` when one is
    needed and not given (or was given for the other situation: setting up vs unlocking)."""
    from seller_app.credentials import remember_password
    from seller_app.store import Store

    keys = key_store(data_dir, passphrase)
    tried = env_shop_passphrase() if shop is None else None

    def ask(creating: bool) -> str:
        if shop is not None and shop.creating == creating:
            return shop.text
        if tried is not None and not creating:
            return tried
        raise ShopPassphraseNeededError(creating)

    typed = password or None
    store = Store.open_shared(
        choice.server,
        keys,
        data_dir=data_dir,
        desk=desk,
        password=typed if typed is not None else choice.password,
        shop_passphrase=ask,
    )
    if typed is not None:
        try:
            remember_password(keys, choice.server.password_key(), typed)
        except Exception:  # noqa: BLE001 - the store is open; the password is asked next time
            log.warning("could not keep the server password in the keychain", exc_info=True)
    return store


def open_local(data_dir: Path, passphrase: str | None) -> Store:
    """This PC's own store (worker)."""
    from seller_app.store import Store

    return Store.open(data_dir, key_store(data_dir, passphrase))


def probe_server(
    data_dir: Path, passphrase: str | None, server: ServerSettings, password: str | None
) -> ServerState:
    """What the server holds, read only (worker; the dialog's 测试连接)."""
    from seller_app.store.probe import probe

    return probe(server, key_store(data_dir, passphrase), password or None)


def has_local_store(data_dir: Path) -> bool:
    from seller_app.store import schema

    return (data_dir / schema.DB_NAME).exists()


def not_yet_copied(data_dir: Path, passphrase: str | None, shared: Store) -> tuple[int, int]:
    """(cases, drafts) of this PC's own store not in the shared store yet (worker); (0, 0)
    where this PC has no store of its own."""
    if not has_local_store(data_dir):
        return 0, 0
    with open_local(data_dir, passphrase) as local:
        return local.not_yet_copied(shared)


@dataclass(frozen=True)
class ClaimedElsewhere:
    """A copied case whose tracking number the shared store already had from another desk."""

    tracking: str
    shared_id: int
    others: tuple[tuple[int, str | None], ...]  # (case id on the server, the desk that made it)


@dataclass(frozen=True)
class MoveReport:
    cases: int
    drafts: int
    already: int
    claimed_elsewhere: tuple[ClaimedElsewhere, ...]


def copy_local_cases(
    data_dir: Path,
    passphrase: str | None,
    choice: SharedChoice,
    cancelled: threading.Event,
    report: Callable[[int, int], None],
) -> MoveReport:
    """Copy this PC's own cases and drafts into the shared store (worker; `Store.migrate_to`).

    The copy works on connections of its own, so the window goes on meanwhile. `report(done,
    total)` after each case or draft; when `cancelled` is set, it stops after the case being
    copied (`CopyStoppedError`): each case is copied whole in one transaction, and copying again
    continues where it stopped, nothing twice."""
    from seller_app.store import Store

    keys = key_store(data_dir, passphrase)

    def progress(done: int, total: int) -> None:
        report(done, total)
        if cancelled.is_set() and done < total:
            raise CopyStoppedError()

    server, password = choice.server, choice.password
    with (
        Store.open(data_dir, keys) as local,
        Store.open_shared(server, keys, data_dir=data_dir, password=password) as shared,
    ):
        moved = local.migrate_to(shared, progress=progress)
        elsewhere = []
        for duplicate in moved.duplicates:
            others = tuple((other, shared.get_case(other).created_by) for other in duplicate.others)
            number = duplicate.tracking_numbers[0] if duplicate.tracking_numbers else ""
            elsewhere.append(ClaimedElsewhere(number, duplicate.shared_id, others))
    return MoveReport(len(moved.copied), moved.drafts_copied, len(moved.already), tuple(elsewhere))
