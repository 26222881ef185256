"""The case store: SQLite (stdlib ``sqlite3``, WAL) and sealed files in the user data dir.

Open it with ``Store.open(data_dir, keys)`` where `keys` is a `seller_app.credentials.KeyStore`
(the OS keychain, a passphrase key file, or `MemoryKeyStore` in tests). Every method that records
something takes ``now`` (an aware datetime): the store never reads the clock. No SQL lives outside
this package. Files in the data dir::

    store.sqlite3 (+ -wal, -shm)   cases, drafts, history, notes, photo and document index
    blobs/ab/ab12...               photo originals, prepared copies, documents: AES-GCM sealed,
                                   named by the SHA-256 of their plaintext
    copies/store-v<N>.sqlite3      automatic copy taken before migrating from schema N
    keys.json                      only without a keychain: the data key wrapped by a passphrase

The data dir is owner-only (0700) and every file the store writes in it, and every backup
archive, is 0600 (POSIX; a no-op on Windows).

Sealed at rest (AES-GCM, data key from the keychain): buyer name/phone/address, shop
contact/phone, signer name, case description, drafts (whole), notes, status notes, photos and
documents, photo captions and original file names. Readable: tracking numbers, dates, amounts,
incident, carrier, statuses, generated documents' file names.

Public methods of `Store` (errors are `StoreError` subclasses with ``message(lang)``):

Opening
    ``Store.open(data_dir: Path, keys: KeyStore) -> Store`` -- creates or migrates the
    database (copy first); `StoreCorruptError` (``.copies``) for an unreadable file,
    `KeyProblemError` when the key is missing or wrong. ``close()``; a context manager.
Cases
    ``add_case(case: Case, now, *, amount_claimed: Decimal | None = None,
    draft_id: int | None = None) -> int`` -- new case in status ``draft``; deletes the draft it
    came from in the same transaction.
    ``update_case(case_id: int, case: Case, now) -> None``
    ``get_case(case_id: int) -> CaseRecord`` (case, status, amounts, created/updated)
    ``list_cases(status: CaseStatus | None = None, tracking: str | None = None)
    -> list[CaseSummary]`` -- `tracking` normalised like case files ("sf 1400-0123" = "SF14000123")
    ``set_status(case_id, status: CaseStatus | str, now, *, note: str = "",
    amount_recovered: Decimal | None = None) -> None`` -- `BadTransitionError` unless allowed by
    `records.TRANSITIONS` (draft -> filed -> answered -> agreed -> paid; rejected -> escalated;
    closed).
    ``status_history(case_id) -> list[StatusChange]``
    ``set_amounts(case_id, now, *, claimed: Decimal | None = None,
    recovered: Decimal | None = None) -> None`` -- money kept as exact decimal text. Every
    amount is checked by `base.check_amount` (>= 0, at most 2 decimals, < 1e10 yuan).
Drafts (save on every change; resume exactly, Decimal and datetime included)
    ``save_draft(data: Mapping[str, Any], page: int, now, draft_id: int | None = None) -> int``
    ``load_draft(draft_id) -> Draft`` (data, page, updated_at); ``list_drafts() -> list[Draft]``
    (newest first); ``delete_draft(draft_id) -> None``
Photos
    ``add_photo(case_id, original: Path, now, *, kind: PhotoKind = OTHER, caption: str = "",
    prepared: Path | None = None) -> StoredPhoto`` -- copies and seals the bytes.
    ``photos(case_id) -> list[StoredPhoto]``; ``read_photo(sha256) -> bytes`` (original or
    prepared copy, hash-checked)
Documents (bytes of the claim-form PDF, statement, .ics)
    ``add_document(case_id, kind: str, name: str, data: bytes | Path, now, *,
    redacted: bool = False) -> StoredDocument`` -- bytes, or a rendered file to copy in;
    ``documents(case_id) -> list[StoredDocument]``;
    ``read_document(document_id) -> bytes``
Notes
    ``add_note(case_id, text: str, now) -> CaseNote``; ``notes(case_id) -> list[CaseNote]``
Export, backup, recovery
    ``export_case(case_id, dest: Path, *, redact: bool = False, as_zip: bool = True) -> Path``
    -- evidence pack (see `export`); buyer data masked (张*, 138****1234) when `redact`, in
    free text too (`redact.BuyerMask`).
    ``backup(dest: Path, passphrase: str) -> Path`` -- one encrypted zip (see `backup`).
    ``Store.restore(archive: Path, data_dir: Path, passphrase: str, keys: KeyStore, *,
    overwrite: bool = False) -> Path | None`` -- checks the whole backup first (bounded reads,
    passphrase, manifest, every hash, the database opened with the backup's key);
    `ConfirmationNeededError` when data exists and `overwrite` is false; returns where the old
    data was moved (``replaced-<n>/``, with a copy of keys.json and a README).
    A full disk is ``StoreError("disk_full")``, never `StoreCorruptError`.
    ``Store.list_copies(data_dir) -> list[Path]``; ``Store.restore_copy(data_dir, copy) -> None``
    -- the pre-migration copies to offer after `StoreCorruptError`.

The static methods (restore, restore_copy) need no open store on that data dir.
"""

from .errors import (
    BackupError,
    BadTransitionError,
    ConfirmationNeededError,
    KeyProblemError,
    NotFoundError,
    StoreCorruptError,
    StoreError,
)
from .records import (
    TRANSITIONS,
    CaseNote,
    CaseRecord,
    CaseStatus,
    CaseSummary,
    Draft,
    StatusChange,
    StoredDocument,
    StoredPhoto,
)
from .store import Store

__all__ = [
    "TRANSITIONS",
    "BackupError",
    "BadTransitionError",
    "CaseNote",
    "CaseRecord",
    "CaseStatus",
    "CaseSummary",
    "ConfirmationNeededError",
    "Draft",
    "KeyProblemError",
    "NotFoundError",
    "StatusChange",
    "Store",
    "StoreCorruptError",
    "StoreError",
    "StoredDocument",
    "StoredPhoto",
]
