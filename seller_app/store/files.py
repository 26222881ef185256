"""Evidence attached to a case: photos, generated documents and notes (all sealed at rest)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag

from ..domain.case import PhotoKind
from .base import StoreBase, open_photo_text, seal_photo_text, timestamp, when
from .errors import NotFoundError, StoreError, is_disk_full
from .records import CaseNote, StoredDocument, StoredPhoto


class CaseFiles(StoreBase):
    # ------------------------------------------------------------------ photos

    def add_photo(
        self,
        case_id: int,
        original: Path,
        now: datetime,
        *,
        kind: PhotoKind = PhotoKind.OTHER,
        caption: str = "",
        prepared: Path | None = None,
    ) -> StoredPhoto:
        try:
            data = Path(original).read_bytes()
            prepared_data = Path(prepared).read_bytes() if prepared is not None else None
        except OSError as error:
            raise StoreError(
                "file_unreadable", path=error.filename, detail=error.strerror
            ) from None
        # Sealed files first: a crash before the commit leaves an unreferenced blob, never a
        # row pointing at nothing.
        digest = self._put_blob(data)
        prepared_digest = self._put_blob(prepared_data) if prepared_data is not None else None
        stamp = timestamp(now)
        with self._tx() as conn:
            self._require_case(conn, case_id)
            # name and caption sealed (they can name the buyer); the readable columns stay empty
            photo_id = conn.insert(
                "INSERT INTO case_photos (case_id, sha256, name, kind, caption, size, added_at,"
                " prepared_sha256, desk) VALUES (?, ?, '', ?, '', ?, ?, ?, ?)",
                (
                    case_id,
                    digest,
                    PhotoKind(kind).value,
                    len(data),
                    stamp,
                    prepared_digest,
                    self.desk.id,
                ),
            )
            conn.execute(
                "UPDATE case_photos SET sealed = ? WHERE id = ?",
                (
                    seal_photo_text(self._cipher, photo_id, Path(original).name, caption),
                    photo_id,
                ),
            )
        return StoredPhoto(
            photo_id,
            case_id,
            digest,
            Path(original).name,
            PhotoKind(kind),
            caption,
            len(data),
            prepared_digest,
            when(stamp),
        )

    def _put_blob(self, data: bytes) -> str:
        """`BlobStore.put`, a full disk said as such (nothing is damaged)."""
        try:
            with self._lock, self._problems_reported():
                return self._blobs.put(data)
        except OSError as error:
            if is_disk_full(error):
                raise StoreError("disk_full", path=self.data_dir) from None
            raise StoreError("cannot_write", path=self.data_dir, detail=error) from None

    def photos(self, case_id: int) -> list[StoredPhoto]:
        rows = self._query(
            "SELECT id, sha256, sealed, kind, size, prepared_sha256, added_at"
            " FROM case_photos WHERE case_id = ? ORDER BY id",
            (case_id,),
        )
        photos = []
        for photo_id, sha256, sealed, kind, size, prepared, added in rows:
            name, caption = open_photo_text(self._cipher, photo_id, sealed and bytes(sealed))
            photos.append(
                StoredPhoto(
                    photo_id,
                    case_id,
                    sha256,
                    name,
                    PhotoKind(kind),
                    caption,
                    size,
                    prepared,
                    when(added),
                )
            )
        return photos

    def read_photo(self, sha256: str) -> bytes:
        """The bytes of a stored original or prepared copy, checked against its SHA-256."""
        try:
            with self._lock, self._problems_reported():
                return self._blobs.get(sha256)
        except (FileNotFoundError, InvalidTag):
            raise NotFoundError("photo_not_found", sha256=sha256) from None

    # ------------------------------------------------------------------ documents

    def add_document(
        self,
        case_id: int,
        kind: str,
        name: str,
        data: bytes | Path,
        now: datetime,
        *,
        redacted: bool = False,
    ) -> StoredDocument:
        if isinstance(data, Path):
            try:
                data = data.read_bytes()
            except OSError as error:
                raise StoreError(
                    "file_unreadable", path=error.filename, detail=error.strerror
                ) from None
        digest = self._put_blob(bytes(data))
        stamp = timestamp(now)
        with self._tx() as conn:
            self._require_case(conn, case_id)
            document_id = conn.insert(
                "INSERT INTO documents (case_id, kind, name, sha256, size, redacted, created_at,"
                " desk) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (case_id, kind, name, digest, len(data), int(redacted), stamp, self.desk.id),
            )
        return StoredDocument(
            document_id, case_id, kind, name, digest, len(data), redacted, when(stamp)
        )

    def documents(self, case_id: int) -> list[StoredDocument]:
        rows = self._query(
            "SELECT id, kind, name, sha256, size, redacted, created_at"
            " FROM documents WHERE case_id = ? ORDER BY id",
            (case_id,),
        )
        return [
            StoredDocument(
                row[0], case_id, row[1], row[2], row[3], row[4], bool(row[5]), when(row[6])
            )
            for row in rows
        ]

    def read_document(self, document_id: int) -> bytes:
        rows = self._query("SELECT sha256 FROM documents WHERE id = ?", (document_id,))
        if not rows:
            raise NotFoundError("document_not_found", document_id=document_id)
        try:
            with self._lock, self._problems_reported():
                return self._blobs.get(rows[0][0])
        except (FileNotFoundError, InvalidTag):
            raise NotFoundError("document_not_found", document_id=document_id) from None

    # ------------------------------------------------------------------ notes

    def add_note(self, case_id: int, text: str, now: datetime) -> CaseNote:
        stamp = timestamp(now)
        with self._tx() as conn:
            self._require_case(conn, case_id)
            note_id = conn.insert(
                "INSERT INTO notes (case_id, at, body, desk) VALUES (?, ?, ?, ?)",
                (case_id, stamp, self._cipher.seal_text(text, b"note"), self.desk.id),
            )
        return CaseNote(note_id, case_id, when(stamp), text, self.desk.name)

    def notes(self, case_id: int) -> list[CaseNote]:
        rows = self._query(
            "SELECT id, at, body, desk FROM notes WHERE case_id = ? ORDER BY id", (case_id,)
        )
        with self._lock:
            return [
                CaseNote(
                    row[0],
                    case_id,
                    when(row[1]),
                    self._cipher.open_text(bytes(row[2]), b"note"),
                    self._desk_name(self._conn, row[3]),
                )
                for row in rows
            ]
