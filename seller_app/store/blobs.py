"""Photos and documents on a shop server: sealed rows of the ``blobs`` table.

The same content addressing as the files of a desk's own store (`crypto.BlobStore`): a row is
named by the SHA-256 of its plaintext and holds it sealed with the data key (associated data
``blob:<sha256>``), so the same photo added at two desks is stored once and the server never
holds a readable byte. Keeping them in the database means one backup of the server holds
everything.
"""

from __future__ import annotations

from cryptography.exceptions import InvalidTag

from .crypto import Cipher, sha256_hex
from .db import Database


class TableBlobStore:
    def __init__(self, db: Database, cipher: Cipher) -> None:
        self._db = db
        self._cipher = cipher

    def put(self, data: bytes) -> str:
        digest = sha256_hex(data)
        if self._db.execute("SELECT 1 FROM blobs WHERE sha256 = ?", (digest,)).fetchone():
            return digest  # already there: no need to seal and send it again
        sealed = self._cipher.seal(data, b"blob:" + digest.encode())
        self._db.execute(
            "INSERT INTO blobs (sha256, data, size) VALUES (?, ?, ?)"
            " ON CONFLICT (sha256) DO NOTHING",
            (digest, sealed, len(data)),
        )
        return digest

    def get(self, sha256: str) -> bytes:
        """The plaintext; FileNotFoundError when there is no such row (as for a blob file),
        InvalidTag when the row was altered."""
        row = self._db.execute("SELECT data FROM blobs WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None:
            raise FileNotFoundError(sha256)
        data = self._cipher.open(bytes(row[0]), b"blob:" + sha256.encode())
        if sha256_hex(data) != sha256:
            raise InvalidTag()
        return data
