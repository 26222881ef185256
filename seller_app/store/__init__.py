"""The case store: a desk's own SQLite file (stdlib ``sqlite3``, WAL) and sealed files in the
user data dir -- or the shop's shared store on a PostgreSQL server (psycopg 3), one interface.

Open it with ``Store.open(data_dir, keys)`` where `keys` is a `seller_app.credentials.KeyStore`
(the OS keychain, a passphrase key file, or `MemoryKeyStore` in tests), or with
``Store.open_shared(server, keys, data_dir=...)`` (below). Every method that records something
takes ``now`` (an aware datetime): the store never reads the clock. No SQL lives outside this
package, and the SQL is written once for both databases (`db` holds what differs). Files in the
data dir::

    store.sqlite3 (+ -wal, -shm)   cases, drafts, history, notes, photo and document index
    blobs/ab/ab12...               photo originals, prepared copies, documents: AES-GCM sealed,
                                   named by the SHA-256 of their plaintext
    copies/store-v<N>.sqlite3      automatic copy taken before migrating from schema N
    keys.json                      only without a keychain: the data key wrapped by a passphrase
    desk.json                      this PC's desk: a fixed id and the name shown to other desks

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
    -> list[CaseSummary]`` -- `tracking` normalised like case files ("sf 1400-0123" = "SF14000123"),
    found through an index of every case's numbers (schema 7), not a scan of all cases
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
Many changes, one commit (issue 16)
    ``write_batch()`` -- a context manager: the changes made inside are committed together when
    it ends (normally or by an exception), each still all-or-nothing on its own; the batch
    import commits its cases this way, one disk wait per few hundred rows; a case changed twice
    in one batch starts its second change from the version its first made.
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

Several desks, one shop (issue 17) -- the shop's shared store on PostgreSQL
    ``Store.open_shared(server: ServerSettings | str, keys, *, data_dir: Path, desk=None,
    password: str | None = None, shop_passphrase: Callable[[bool], str] | None = None)``
    -- `server` from `server.ServerSettings` (``from_url``, ``from_fields(host, port, database,
    user)``, ``as_dict``/``from_dict`` for the settings file) or a ``postgresql://`` URL. The
    password: the URL's, `password`, else the keychain (`credentials.remember_password` under
    ``ServerSettings.password_key()``). ``shop_passphrase(creating)`` is asked only when this
    desk does not hold the shop's data key yet (`shopkey`; ``creating``: set up a new shop
    store, ask twice). Same schema and migrations as a desk's store; photos and documents are
    sealed rows of its ``blobs`` table; the server only ever holds sealed buyer data.
    Errors, each one line in zh/en: `server.ServerUnreachableError` (offer to keep working on
    the local store: nothing was written anywhere), `server.ServerLoginError`,
    ``server_no_database``, ``bad_database_url``, ``too_new``, ``server_needs_backup`` (make one
    with ``Store.backup_shared``), `KeyProblemError` ``shop_passphrase_needed`` /
    ``wrong_shop_passphrase``. ``store.shared``, ``store.location`` say where it is.
Desks
    ``desk=`` a `desk.Desk` or a name for this PC's desk (kept in ``desk.json``); ``store.desk``.
    Cases record who made and last changed them (`CaseRecord.created_by` / ``updated_by``,
    `CaseSummary.created_by`), status changes (`StatusChange.desk`), events
    (`LoggedEvent.desk`) and notes (`CaseNote.desk`) which desk; ``desk_names()``. On a shop
    server a draft belongs to its desk until it becomes a case: ``list_drafts()`` lists this
    desk's; loading, saving or deleting another desk's is ``draft_of_other_desk``.
Concurrency
    Every case row has a ``version`` (`CaseRecord.version`), raised by every change. Every
    change (``update_case``, ``set_status``, ``set_amounts``, ``record_event``,
    ``clear_event``) takes ``expected_version=`` -- by default the version this store last read
    of that case -- and raises `ConcurrentEditError` (``.desk``, ``.at``: "这个案件刚被 X 修改过")
    when another desk changed it since; nothing is saved, reload and apply again. On
    PostgreSQL the row is locked for the change (``SELECT ... FOR UPDATE``): no lost update.
    ``update_case`` returns the new version; ``check_version(case_id, version)`` checks first.
    ``add_claim(case, now, ...) -> (case_id, earlier claims)``: `add_case` and
    `claims_for_tracking` in one transaction (two desks adding one parcel at once: the second
    hears of the first).
Shop server jobs
    ``backup(dest, passphrase)`` on a shared store, or ``Store.backup_shared(server, keys, dest,
    passphrase, *, data_dir, password=None)`` without opening it (before an upgrade): the
    app's own encrypted archive of every table (`server_backup`, and why not pg_dump);
    ``Store.restore_shared(archive, server, passphrase, keys, *, data_dir, password=None,
    overwrite=False)`` (what the server held is archived first to ``data_dir/replaced-<n>.zip``);
    ``change_shop_passphrase(old, new)``; ``local.migrate_to(shared, progress=(done, total))
    -> transfer.MigrationReport`` copies a desk's own store in (idempotent, duplicates by
    tracking number reported, the local store untouched); ``local.not_yet_copied(shared) ->
    (cases, drafts)`` says whether there is anything to offer.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# The names below are imported on first use (PEP 562), not with the package: the desktop app
# imports the store's error classes and server settings before its first window, and the store
# itself (sqlite3, cryptography, the desk file) only when it opens the store (issue 16).
_WHERE = {
    "ConcurrentEditError": "conflict",
    "Desk": "desk",
    "BackupError": "errors",
    "BadTransitionError": "errors",
    "ConfirmationNeededError": "errors",
    "KeyProblemError": "errors",
    "NotFoundError": "errors",
    "StoreCorruptError": "errors",
    "StoreError": "errors",
    "TRANSITIONS": "records",
    "CaseNote": "records",
    "CaseRecord": "records",
    "CaseStatus": "records",
    "CaseSummary": "records",
    "Draft": "records",
    "StatusChange": "records",
    "StoredDocument": "records",
    "StoredPhoto": "records",
    "ServerLoginError": "server",
    "ServerSettings": "server",
    "ServerUnreachableError": "server",
    "Store": "store",
}

if TYPE_CHECKING:  # what type checkers (and PyInstaller's import scan) see
    from .conflict import ConcurrentEditError
    from .desk import Desk
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
    from .server import ServerLoginError, ServerSettings, ServerUnreachableError
    from .store import Store


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))


__all__ = [
    "TRANSITIONS",
    "BackupError",
    "BadTransitionError",
    "CaseNote",
    "ConcurrentEditError",
    "CaseRecord",
    "CaseStatus",
    "CaseSummary",
    "ConfirmationNeededError",
    "Desk",
    "Draft",
    "KeyProblemError",
    "NotFoundError",
    "ServerLoginError",
    "ServerSettings",
    "ServerUnreachableError",
    "StatusChange",
    "Store",
    "StoreCorruptError",
    "StoreError",
    "StoredDocument",
    "StoredPhoto",
]
