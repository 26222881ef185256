"""Where the store's data key lives: the OS keychain, or a passphrase when there is none.

This is the only module that imports `keyring`. The store asks a `KeyStore` for a named 32-byte
secret and stores one there when it creates a new data directory.

- `KeyringKeyStore`: macOS Keychain, Windows Credential Manager, Secret Service on Linux. When
  keyring has no real backend (its ``fail`` backend, `NoKeyringError`, a headless Linux box) or
  only the plain-text ``keyrings.alt`` files, it raises `KeychainUnavailableError` instead of
  writing the key somewhere readable. We never install or select ``keyrings.alt``.
- `PassphraseKeyStore`: the fallback. Secrets are wrapped with AES-GCM under a key derived by
  scrypt from the user's passphrase; salt, parameters and a verifier (a known value sealed with
  that key) sit in ``keys.json`` in the data dir, so a wrong passphrase is a clear
  `WrongPassphraseError`, not garbage.
- `MemoryKeyStore`: an in-memory fake for tests.

`key_store_for(data_dir, ask_passphrase)` picks the keychain and falls back to the passphrase
when a way to ask for one is given; otherwise it refuses with `KeychainUnavailableError`.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import secrets
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

log = logging.getLogger(__name__)

SERVICE = "SellerClaims"
KEYS_FILE = "keys.json"
_VERIFIER = b"seller-claims passphrase verifier v1"
# scrypt cost: ~32 MiB and ~0.1 s on a shop PC; stored beside the salt so it can grow later.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1

_MESSAGES = {
    "keychain_unavailable": (
        "没有可用的系统钥匙串，无法安全保存加密密钥。"
        "请设置口令（环境变量 SELLER_APP_PASSPHRASE）后重试。",
        "No system keychain is available to hold the encryption key safely; "
        "give a passphrase (SELLER_APP_PASSPHRASE) and try again.",
    ),
    "wrong_passphrase": ("口令不正确。", "The passphrase is wrong."),
    "passphrase_needed": (
        "需要口令：请设置环境变量 {env} 或在终端中输入。",
        "A passphrase is needed: set {env} or type it at a terminal.",
    ),
    "passphrases_differ": ("两次输入的口令不一致。", "The two passphrases do not match."),
    "empty_passphrase": ("口令不能为空。", "The passphrase must not be empty."),
    "keys_file_damaged": (
        "密钥文件 {path} 已损坏。",
        "The key file {path} is damaged.",
    ),
}


class CredentialError(Exception):
    """A problem with the key or passphrase, worded for the user in zh and en."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        zh, en = _MESSAGES[self.code]
        return (zh if lang == "zh" else en).format(**self.params)


class KeychainUnavailableError(CredentialError):
    def __init__(self) -> None:
        super().__init__("keychain_unavailable")


class WrongPassphraseError(CredentialError):
    def __init__(self) -> None:
        super().__init__("wrong_passphrase")


class KeyStore(Protocol):
    """Named secrets (bytes). `get` returns None for a name never stored."""

    def get(self, name: str) -> bytes | None: ...

    def set(self, name: str, secret: bytes) -> None: ...


class MemoryKeyStore:
    """In-memory fake for tests."""

    def __init__(self) -> None:
        self.secrets: dict[str, bytes] = {}

    def get(self, name: str) -> bytes | None:
        return self.secrets.get(name)

    def set(self, name: str, secret: bytes) -> None:
        self.secrets[name] = bytes(secret)


class KeyringKeyStore:
    """Secrets in the OS keychain through `keyring`, base64 text under service ``SellerClaims``."""

    def __init__(self, service: str = SERVICE) -> None:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        module = type(backend).__module__
        if isinstance(backend, fail.Keyring) or module.startswith("keyrings.alt"):
            raise KeychainUnavailableError()
        self.service = service
        self._keyring = keyring

    def get(self, name: str) -> bytes | None:
        from keyring.errors import KeyringError

        try:
            text = self._keyring.get_password(self.service, name)
        except KeyringError as error:
            log.warning("keychain read failed: %s", error)
            raise KeychainUnavailableError() from error
        return None if text is None else base64.b64decode(text)

    def set(self, name: str, secret: bytes) -> None:
        from keyring.errors import KeyringError

        try:
            self._keyring.set_password(self.service, name, base64.b64encode(secret).decode())
        except KeyringError as error:
            log.warning("keychain write failed: %s", error)
            raise KeychainUnavailableError() from error


def derive_key(
    passphrase: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P
) -> bytes:
    """A 32-byte AES key from a passphrase with scrypt; parameters outside `check_scrypt`'s
    bounds raise ValueError before any work is done."""
    if not passphrase:
        raise CredentialError("empty_passphrase")
    check_scrypt(n, r, p, salt)
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


# scrypt parameters are read from files (keys.json, a backup's header) before the passphrase can
# be checked, so they are bounded first: n = 2^40 would raise deep in OpenSSL, p = 100000 would
# run for hours. The bounds allow 32x today's cost -- room to grow, none to hang.
SCRYPT_MAX_N = 2**20
SCRYPT_MAX_R = 32
SCRYPT_MAX_P = 16
SCRYPT_MAX_MEMORY = 256 * 1024 * 1024  # 128 * n * r bytes
SCRYPT_MAX_WORK = 2**23  # n * r * p; today 2^18
SALT_BYTES = (16, 64)


def check_scrypt(n: object, r: object, p: object, salt: bytes = b"\0" * 16) -> None:
    """ValueError unless n, r, p and the salt are what this app could have written."""
    for value in (n, r, p):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("scrypt parameters must be whole numbers")
    assert isinstance(n, int) and isinstance(r, int) and isinstance(p, int)
    if not (2 <= n <= SCRYPT_MAX_N and n & (n - 1) == 0):
        raise ValueError(f"scrypt n={n} out of bounds")
    if not (1 <= r <= SCRYPT_MAX_R and 1 <= p <= SCRYPT_MAX_P):
        raise ValueError(f"scrypt r={r} p={p} out of bounds")
    if 128 * n * r > SCRYPT_MAX_MEMORY or n * r * p > SCRYPT_MAX_WORK:
        raise ValueError("scrypt cost out of bounds")
    if not (SALT_BYTES[0] <= len(salt) <= SALT_BYTES[1]):
        raise ValueError("scrypt salt of the wrong length")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _seal(key: bytes, plain: bytes, aad: bytes) -> str:
    nonce = os.urandom(12)
    return _b64(nonce + AESGCM(key).encrypt(nonce, plain, aad))


def _open(key: bytes, sealed: str, aad: bytes) -> bytes:
    raw = base64.b64decode(sealed)
    return AESGCM(key).decrypt(raw[:12], raw[12:], aad)


KEYS_FILE_LIMIT = 1024 * 1024  # a few hundred bytes per data dir ever opened


class PassphraseKeyStore:
    """Secrets wrapped under a scrypt-derived key in ``<directory>/keys.json``.

    The file holds the salt, the scrypt parameters, a verifier and the wrapped secrets -- never
    a secret in plain text. The constructor checks the passphrase against the verifier.

    Several processes may share the file (two windows, the CLI beside the app, two first starts
    racing on an empty data dir): `get` looks at the file again before saying a secret is
    missing, and `set` merges into what is on disk under a lock, adopting the salt another
    process wrote first, so no process ever loses or misses a key another one stored.
    """

    def __init__(self, directory: Path, passphrase: str) -> None:
        self.path = directory / KEYS_FILE
        self._passphrase = passphrase
        on_disk = self._read()
        if on_disk is not None:
            self._adopt(on_disk)
        else:
            salt = secrets.token_bytes(16)
            self._key = derive_key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
            self._data: dict[str, Any] = {
                "kdf": {
                    "name": "scrypt",
                    "salt": _b64(salt),
                    "n": SCRYPT_N,
                    "r": SCRYPT_R,
                    "p": SCRYPT_P,
                },
                "verifier": _seal(self._key, _VERIFIER, b"verifier"),
                "secrets": {},
            }

    def _read(self) -> dict[str, Any] | None:
        """keys.json as written, or None when there is none yet."""
        from .readfile import InputFileError, read_regular

        try:
            raw = read_regular(self.path, KEYS_FILE_LIMIT)
        except InputFileError as error:
            if error.reason == "missing":
                return None
            raise CredentialError("keys_file_damaged", path=self.path) from None
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or not isinstance(data.get("secrets", {}), dict):
                raise TypeError("not a keys file")
            return data
        except (ValueError, TypeError, RecursionError) as error:
            raise CredentialError("keys_file_damaged", path=self.path) from error

    def _adopt(self, data: dict[str, Any]) -> None:
        """Use `data` (read from keys.json): derive its key and check the passphrase."""
        try:
            kdf = data["kdf"]
            salt = base64.b64decode(kdf["salt"], validate=True)
            params = (kdf["n"], kdf["r"], kdf["p"])
            check_scrypt(*params, salt=salt)
            verifier = str(data["verifier"])
        except (ValueError, KeyError, TypeError) as error:
            raise CredentialError("keys_file_damaged", path=self.path) from error
        if getattr(self, "_data", None) is not None and self._data.get("kdf") == kdf:
            key = self._key  # same salt and parameters: same key, no second scrypt
        else:
            key = derive_key(self._passphrase, salt, *params)
        try:
            _open(key, verifier, b"verifier")
        except (InvalidTag, ValueError):
            raise WrongPassphraseError() from None
        self._key, self._data = key, data

    def get(self, name: str) -> bytes | None:
        sealed = self._data.get("secrets", {}).get(name)
        if sealed is None:  # another process may have stored it since we read the file
            on_disk = self._read()
            if on_disk is not None and name in on_disk.get("secrets", {}):
                self._adopt(on_disk)
                sealed = self._data["secrets"][name]
        if sealed is None:
            return None
        try:
            return _open(self._key, sealed, name.encode("utf-8"))
        except (InvalidTag, ValueError, TypeError):
            raise CredentialError("keys_file_damaged", path=self.path) from None

    def set(self, name: str, secret: bytes) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with _file_lock(self.path.with_name(KEYS_FILE + ".lock")):
            on_disk = self._read()
            if on_disk is not None:  # merge: keep every secret other processes stored
                self._adopt(on_disk)
            self._data.setdefault("secrets", {})[name] = _seal(self._key, secret, name.encode())
            tmp = self.path.with_name(f".{KEYS_FILE}.{os.getpid()}.tmp")
            # Owner-only (0600) from the moment it exists: the wrapped key is still worth guarding.
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            if os.name != "nt":
                os.fchmod(fd, 0o600)
            with open(fd, "w", encoding="utf-8") as handle:
                json.dump(self._data, handle, indent=1)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """An exclusive lock between processes, held for the block (advisory: fcntl / msvcrt)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if sys.platform == "win32":  # pragma: no cover - Windows only
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def key_store_for(data_dir: Path, ask_passphrase: Callable[[], str] | None = None) -> KeyStore:
    """The OS keychain; without one, a passphrase store if `ask_passphrase` is given, else refuse.

    A data dir that already has ``keys.json`` keeps using its passphrase even if a keychain
    appears later, so its key is not lost.
    """
    if not (data_dir / KEYS_FILE).exists():
        try:
            return KeyringKeyStore()
        except KeychainUnavailableError:
            if ask_passphrase is None:
                raise
            log.info("no keychain; using a passphrase-protected key file")
    elif ask_passphrase is None:
        raise KeychainUnavailableError()
    return PassphraseKeyStore(data_dir, ask_passphrase())


# ------------------------------------------------------------ the shop server's login (issue 17)
# The password of a shop server's login lives in the keychain beside the data key, under the
# name `seller_app.store.server.ServerSettings.password_key` gives (``db-password:user@host...``).


def remember_password(keys: KeyStore, name: str, password: str) -> None:
    """Keep a server password in the keychain (the 共享案件库 dialog's 记住密码)."""
    keys.set(name, password.encode("utf-8"))


def remembered_password(keys: KeyStore, name: str) -> str | None:
    secret = keys.get(name)
    return None if secret is None else secret.decode("utf-8")
