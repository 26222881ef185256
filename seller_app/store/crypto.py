"""AES-GCM sealing of PII fields and files with the store's data key.

A sealed value is ``nonce (12 bytes) || ciphertext || tag``. The associated data names what the
value is (``b"case-pii:7"``, ``b"blob:<sha256>"``) so a sealed value moved to another row or file
fails to open instead of decrypting to the wrong record.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE = 12
KEY_BYTES = 32


class Cipher:
    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("the data key must be 32 bytes")
        self.key = bytes(key)
        self._aead = AESGCM(key)

    def seal(self, plain: bytes, aad: bytes) -> bytes:
        nonce = os.urandom(NONCE)
        return nonce + self._aead.encrypt(nonce, plain, aad)

    def open(self, sealed: bytes, aad: bytes) -> bytes:
        """Decrypt; raises `cryptography.exceptions.InvalidTag` if key or data do not match."""
        return self._aead.decrypt(sealed[:NONCE], sealed[NONCE:], aad)

    def seal_json(self, value: Any, aad: bytes) -> bytes:
        return self.seal(json.dumps(value, ensure_ascii=False).encode("utf-8"), aad)

    def open_json(self, sealed: bytes, aad: bytes) -> Any:
        return json.loads(self.open(sealed, aad).decode("utf-8"))

    def seal_text(self, text: str, aad: bytes) -> bytes:
        return self.seal(text.encode("utf-8"), aad)

    def open_text(self, sealed: bytes, aad: bytes) -> str:
        return self.open(sealed, aad).decode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# Owner-only permissions for everything in the data dir (POSIX; Windows has no mode bits and
# keeps the profile folder private per user anyway).
POSIX = os.name != "nt"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def private_dir(path: Path) -> Path:
    """Create `path` (and its parents) if needed and make it owner-only (0700 on POSIX)."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    if POSIX:
        os.chmod(path, PRIVATE_DIR)
    return path


def private_file(path: Path) -> Path:
    """Create `path` empty if missing and make it owner-only (0600 on POSIX)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
    if POSIX:
        os.chmod(path, PRIVATE_FILE)
    return path


def open_private(path: Path) -> BinaryIO:
    """`path` opened for writing from scratch, owner-only (0600 on POSIX) from the start."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, PRIVATE_FILE)
    if POSIX:
        os.fchmod(fd, PRIVATE_FILE)  # an older file of that name may have had wider rights
    return os.fdopen(fd, "wb")


def write_atomic(path: Path, data: bytes) -> None:
    """Write, fsync, rename: a crash leaves either the old file or the whole new one.
    The file is owner-only (0600 on POSIX)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open_private(tmp) as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


class BlobStore:
    """Files addressed by the SHA-256 of their plaintext, sealed on disk: ``blobs/ab/abcd...``."""

    def __init__(self, root: Path, cipher: Cipher) -> None:
        self.root = root
        self._cipher = cipher

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put(self, data: bytes) -> str:
        digest = sha256_hex(data)
        target = self.path(digest)
        if not target.exists():
            write_atomic(target, self._cipher.seal(data, b"blob:" + digest.encode()))
        return digest

    def get(self, sha256: str) -> bytes:
        """The plaintext; raises FileNotFoundError, or InvalidTag if the file was altered."""
        data = self._cipher.open(self.path(sha256).read_bytes(), b"blob:" + sha256.encode())
        if sha256_hex(data) != sha256:
            raise InvalidTag()
        return data
