"""The shop's data key on a shared server: one key for every desk, wrapped with the shop passphrase.

Every desk seals and opens with the same 32-byte data key, so the server only ever holds sealed
values. The key is stored on the server wrapped (AES-GCM) under a key derived from the shop
passphrase with scrypt -- parameters bounded by `credentials.check_scrypt` before any work, so a
tampered row can neither hang nor crash a desk. Meta row ``shop_key``::

    {"kdf": {"name": "scrypt", "salt": "<base64>", "n": 32768, "r": 8, "p": 1},
     "wrapped": "<base64 nonce|ciphertext|tag, associated data b'shop-key:<store id>'>"}

A desk unlocks the key once with the passphrase and keeps it in its own keychain (key name
``data-key-<store id>``, as for a local store); from then on it opens the store without asking.
A desk without the passphrase (and without the key) opens nothing.

Changing the passphrase (`change_passphrase`) re-wraps the same key under the new passphrase:
nothing is re-encrypted, desks that already hold the key keep working, and a desk setting up
from now on needs the new passphrase. (It does not shut out a desk that already holds the key:
that would take a new data key and re-sealing every value.)
"""

from __future__ import annotations

import base64
import json
import secrets
from collections.abc import Callable

from cryptography.exceptions import InvalidTag

from ..credentials import (
    SCRYPT_N,
    SCRYPT_P,
    SCRYPT_R,
    CredentialError,
    KeyStore,
    check_scrypt,
    derive_key,
)
from .crypto import KEY_BYTES, Cipher
from .db import Database
from .errors import KeyProblemError, StoreError

SHOP_KEY = "shop_key"
PASSPHRASE_MIN = 8
KEY_CHECK = b"seller-claims data key check"

# asked(creating): the shop passphrase; `creating` when the shop store is being set up (ask twice)
AskPassphrase = Callable[[bool], str]


def wrap(key: bytes, passphrase: str, store_id: str) -> str:
    """The meta value holding `key` under `passphrase`."""
    check_new_passphrase(passphrase)
    salt = secrets.token_bytes(16)
    wrapping = Cipher(derive_key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P))
    return json.dumps(
        {
            "kdf": {
                "name": "scrypt",
                "salt": base64.b64encode(salt).decode(),
                "n": SCRYPT_N,
                "r": SCRYPT_R,
                "p": SCRYPT_P,
            },
            "wrapped": base64.b64encode(wrapping.seal(key, _aad(store_id))).decode(),
        }
    )


def unwrap(value: str, passphrase: str, store_id: str) -> bytes:
    """The data key; `KeyProblemError` ``wrong_shop_passphrase`` or ``shop_key_damaged``."""
    try:
        data = json.loads(value)
        kdf = data["kdf"]
        if kdf.get("name") != "scrypt":
            raise ValueError("not scrypt")
        salt = base64.b64decode(str(kdf["salt"]), validate=True)
        check_scrypt(kdf["n"], kdf["r"], kdf["p"], salt)
        wrapped = base64.b64decode(str(data["wrapped"]), validate=True)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise KeyProblemError("shop_key_damaged") from None
    try:
        wrapping = Cipher(derive_key(passphrase, salt, kdf["n"], kdf["r"], kdf["p"]))
    except CredentialError:
        raise KeyProblemError("wrong_shop_passphrase") from None
    try:
        key = wrapping.open(wrapped, _aad(store_id))
    except InvalidTag:
        raise KeyProblemError("wrong_shop_passphrase") from None
    if len(key) != KEY_BYTES:
        raise KeyProblemError("shop_key_damaged")
    return key


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < PASSPHRASE_MIN:
        raise StoreError("shop_passphrase_short", minimum=PASSPHRASE_MIN)


def _aad(store_id: str) -> bytes:
    return f"shop-key:{store_id}".encode()


def _meta(db: Database) -> dict[str, str]:
    return dict(db.execute("SELECT key, value FROM meta").fetchall())


def unlock_shared(db: Database, keys: KeyStore, ask: AskPassphrase | None) -> tuple[str, Cipher]:
    """The store id and the shop's cipher: from this desk's keychain, else unwrapped with the
    shop passphrase (and then kept in the keychain); set up with a new key and passphrase when
    the server holds no shop store yet."""
    from .base import key_name

    meta = _meta(db)
    if "store_id" not in meta:
        meta = _set_up(db, keys, ask)
    store_id = meta["store_id"]
    name = key_name(store_id)
    key = keys.get(name)
    if key is not None and _fits(key, meta):
        return store_id, Cipher(key)
    if SHOP_KEY not in meta:
        raise KeyProblemError("shop_key_damaged")
    if ask is None:
        raise KeyProblemError("shop_passphrase_needed", where=db.where())
    key = unwrap(meta[SHOP_KEY], ask(False), store_id)
    if not _fits(key, meta):
        raise KeyProblemError("shop_key_damaged")
    keys.set(name, key)
    return store_id, Cipher(key)


def _fits(key: bytes, meta: dict[str, str]) -> bool:
    try:
        Cipher(key).open(bytes.fromhex(meta["key_check"]), b"key-check")
    except (InvalidTag, KeyError, ValueError):
        return False
    return True


def _set_up(db: Database, keys: KeyStore, ask: AskPassphrase | None) -> dict[str, str]:
    """A new shop store: a random data key, wrapped with the passphrase the first desk gives."""
    import uuid

    from .base import key_name

    if ask is None:
        raise KeyProblemError("shop_passphrase_needed", where=db.where())
    passphrase = ask(True)
    check_new_passphrase(passphrase)
    with db.transaction():
        db.exclusive()
        meta = _meta(db)  # again under the lock: another desk may have set it up meanwhile
        if "store_id" in meta:
            return meta
        store_id = uuid.uuid4().hex
        key = secrets.token_bytes(KEY_BYTES)
        keys.set(key_name(store_id), key)  # before the commit: no store without its key
        meta = {
            "store_id": store_id,
            "key_check": Cipher(key).seal(KEY_CHECK, b"key-check").hex(),
            SHOP_KEY: wrap(key, passphrase, store_id),
        }
        for item in meta.items():
            db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", item)
    return meta


def change_passphrase(db: Database, cipher: Cipher, store_id: str, old: str, new: str) -> None:
    """Re-wrap the shop's data key under `new`; `old` must open the key as stored. Nothing is
    re-encrypted."""
    check_new_passphrase(new)
    with db.transaction():
        row = db.execute(
            "SELECT value FROM meta WHERE key = ?" + db.for_update, (SHOP_KEY,)
        ).fetchone()
        if row is None:
            raise KeyProblemError("shop_key_damaged")
        if unwrap(row[0], old, store_id) != cipher.key:
            raise KeyProblemError("shop_key_damaged")
        db.execute(
            "UPDATE meta SET value = ? WHERE key = ?", (wrap(cipher.key, new, store_id), SHOP_KEY)
        )
