"""Moving a desk's own store into the shop's shared store (``seller-claims cases migrate-to``).

Each case is copied whole, in one transaction on the server: the case (its personal fields
opened with the desk's key and sealed again with the shop's), its status history, events,
notes, photos and documents (their bytes into the server's ``blobs`` table, stored once however
many desks add them), with their original times and the desks that made them. The copy records
where it came from (``origin`` = the local store's id and the case's id there), so a second run
copies nothing twice and an interrupted run picks up where it stopped. The desk's unfinished
drafts are copied the same way and stay this desk's.

The local store is only read: it is left exactly as it was (the desk can keep using it, or go
back to it if the server is away).

A case whose tracking number the shared store already has from elsewhere (another desk claimed
the same parcel, or it was entered on the server) is still copied -- nothing a desk recorded is
dropped -- and reported in `MigrationReport.duplicates` for the shop to decide.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain.case import normalize_tracking_number
from ..domain.errors import CaseError
from .base import _desk_aad
from .db import Database
from .errors import StoreError
from .events import NOTE_AAD, pii_aad
from .schema import index_numbers

if TYPE_CHECKING:
    from .store import Store

Progress = Callable[[int, int], None]
"""Called after each case or draft: (done, total)."""


@dataclass(frozen=True)
class Duplicate:
    local_id: int
    shared_id: int
    tracking_numbers: tuple[str, ...]
    others: tuple[int, ...]
    """Cases on the server, not from this desk's store, claiming one of the same numbers."""


@dataclass(frozen=True)
class MigrationReport:
    copied: tuple[tuple[int, int], ...]  # (local case id, its id in the shared store)
    already: tuple[tuple[int, int], ...]  # copied by an earlier run
    drafts_copied: int
    drafts_already: int
    duplicates: tuple[Duplicate, ...]


def not_yet_copied(local: Store, shared: Store) -> tuple[int, int]:
    """(cases, drafts) of the desk's own store that `migrate_to` would copy now -- for the app
    to offer the move when the shared store is set up (0, 0: nothing to offer)."""
    if local.shared or not shared.shared:
        raise StoreError("migrate_needs_server")
    prefix = f"{local.store_id}:"
    copied = {
        str(row[0])[len(prefix) :]
        for table in ("cases", "drafts")
        for row in shared._query(  # noqa: SLF001 - same package
            f"SELECT origin FROM {table} WHERE origin LIKE ?", (prefix + "%",)
        )
    }
    cases = [row[0] for row in local._query("SELECT id FROM cases")]  # noqa: SLF001
    drafts = [row[0] for row in local._query("SELECT id FROM drafts")]  # noqa: SLF001
    return (
        sum(1 for case_id in cases if str(case_id) not in copied),
        sum(1 for draft_id in drafts if f"d{draft_id}" not in copied),
    )


def migrate_to(local: Store, shared: Store, *, progress: Progress | None = None) -> MigrationReport:
    if local.shared or not shared.shared:
        raise StoreError("migrate_needs_server")
    copier = _Copier(local, shared)
    summaries = local.list_cases()
    drafts = local._query("SELECT id FROM drafts ORDER BY id")  # noqa: SLF001 - same package
    total = len(summaries) + len(drafts)
    copied, already, duplicates = [], [], []
    done = 0
    copier.copy_desks()
    for summary in summaries:
        origin = f"{local.store_id}:{summary.id}"
        found = copier.shared_id("cases", origin)
        if found is not None:
            already.append((summary.id, found))
        else:
            shared_id = copier.copy_case(summary.id, origin)
            copied.append((summary.id, shared_id))
            others = copier.others_claiming(summary.tracking_numbers, shared_id)
            if others:
                duplicates.append(
                    Duplicate(summary.id, shared_id, summary.tracking_numbers, others)
                )
        done += 1
        if progress is not None:
            progress(done, total)
    drafts_copied = drafts_already = 0
    for (draft_id,) in drafts:
        origin = f"{local.store_id}:d{draft_id}"
        if copier.shared_id("drafts", origin) is not None:
            drafts_already += 1
        else:
            copier.copy_draft(int(draft_id), origin)
            drafts_copied += 1
        done += 1
        if progress is not None:
            progress(done, total)
    return MigrationReport(
        tuple(copied), tuple(already), drafts_copied, drafts_already, tuple(duplicates)
    )


class _Copier:
    """Reads rows of the local store, writes them into the shared one (sealed columns opened
    with the desk's key and sealed again with the shop's)."""

    def __init__(self, local: Store, shared: Store) -> None:
        self.local = local
        self.shared = shared
        self.source = local._cipher  # noqa: SLF001 - store package internals
        self.target = shared._cipher  # noqa: SLF001

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        return self.local._query(sql, params)  # noqa: SLF001

    def desk(self, desk_id: str | None) -> str:
        """Rows from before desks were recorded were this desk's own."""
        return desk_id or self.local.desk.id

    def copy_desks(self) -> None:
        names = self.local.desk_names()
        with self.shared._tx() as conn:  # noqa: SLF001
            for desk_id, name in names.items():
                if conn.execute("SELECT 1 FROM desks WHERE id = ?", (desk_id,)).fetchone():
                    continue
                sealed = self.target.seal_text(name, _desk_aad(desk_id))
                conn.execute("INSERT INTO desks (id, name) VALUES (?, ?)", (desk_id, sealed))

    def shared_id(self, table: str, origin: str) -> int | None:
        rows = self.shared._query(f"SELECT id FROM {table} WHERE origin = ?", (origin,))  # noqa: SLF001
        return int(rows[0][0]) if rows else None

    def others_claiming(self, numbers: tuple[str, ...], shared_id: int) -> tuple[int, ...]:
        prefix = f"{self.local.store_id}:%"
        found: set[int] = set()
        for number in numbers:
            try:
                number = normalize_tracking_number(number, "tracking")
            except CaseError:
                continue
            rows = self.shared._query(  # noqa: SLF001
                "SELECT id FROM cases WHERE id <> ? AND (origin IS NULL OR origin NOT LIKE ?)"
                " AND (' ' || tracking || ' ') LIKE ?",
                (shared_id, prefix, f"% {number} %"),
            )
            found.update(int(row[0]) for row in rows)
        return tuple(sorted(found))

    def blob(self, sha256: str | None) -> None:
        if sha256 is not None:
            self.shared._put_blob(self.local.read_photo(sha256))  # noqa: SLF001

    def copy_case(self, case_id: int, origin: str) -> int:
        (case,) = self.rows(
            "SELECT status, case_json, pii, tracking, amount_claimed, amount_recovered,"
            " created_at, updated_at, created_by, updated_by FROM cases WHERE id = ?",
            (case_id,),
        )
        history = self.rows(
            "SELECT status, at, note, desk FROM status_history WHERE case_id = ? ORDER BY id",
            (case_id,),
        )
        events = self.rows(
            "SELECT kind, action, at, data, recorded_at, note, desk FROM case_events"
            " WHERE case_id = ? ORDER BY id",
            (case_id,),
        )
        notes = self.rows(
            "SELECT at, body, desk FROM notes WHERE case_id = ? ORDER BY id", (case_id,)
        )
        photos = self.rows(
            "SELECT id, sha256, kind, size, added_at, prepared_sha256, sealed, desk"
            " FROM case_photos WHERE case_id = ? ORDER BY id",
            (case_id,),
        )
        documents = self.rows(
            "SELECT kind, name, sha256, size, redacted, created_at, desk FROM documents"
            " WHERE case_id = ? ORDER BY id",
            (case_id,),
        )
        # the bytes first (each its own commit, stored once): a failure before the case's
        # transaction leaves an unreferenced blob, never a row pointing at nothing
        for photo in photos:
            self.blob(photo[1])
            self.blob(photo[5])
        for document in documents:
            self.blob(document[2])
        with self.shared._tx() as conn:  # noqa: SLF001
            return self._insert_case(
                conn, case_id, origin, case, history, events, notes, photos, documents
            )

    def _insert_case(
        self,
        conn: Database,
        local_id: int,
        origin: str,
        case: Any,
        history: list[Any],
        events: list[Any],
        notes: list[Any],
        photos: list[Any],
        documents: list[Any],
    ) -> int:
        status, public, pii, tracking, claimed, recovered, created, updated, by, last = case
        new_id = conn.insert(
            "INSERT INTO cases (status, case_json, pii, tracking, amount_claimed,"
            " amount_recovered, created_at, updated_at, created_by, updated_by, origin)"
            " VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                status,
                public,
                tracking,
                claimed,
                recovered,
                created,
                updated,
                self.desk(by),
                self.desk(last),
                origin,
            ),
        )
        index_numbers(conn, new_id, tracking.split())
        if pii:
            personal = self.source.open_json(bytes(pii), pii_aad(local_id))
            conn.execute(
                "UPDATE cases SET pii = ? WHERE id = ?",
                (self.target.seal_json(personal, pii_aad(new_id)), new_id),
            )
        for state, at, note, desk in history:
            conn.execute(
                "INSERT INTO status_history (case_id, status, at, note, desk)"
                " VALUES (?, ?, ?, ?, ?)",
                (new_id, state, at, self.reseal(note, b"status-note"), self.desk(desk)),
            )
        for kind, action, at, data, recorded, note, desk in events:
            conn.execute(
                "INSERT INTO case_events (case_id, kind, action, at, data, recorded_at, note,"
                " desk) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    new_id,
                    kind,
                    action,
                    at,
                    data,
                    recorded,
                    self.reseal(note, NOTE_AAD),
                    self.desk(desk),
                ),
            )
        for at, body, desk in notes:
            conn.execute(
                "INSERT INTO notes (case_id, at, body, desk) VALUES (?, ?, ?, ?)",
                (new_id, at, self.reseal(body, b"note"), self.desk(desk)),
            )
        for photo_id, sha, kind, size, added, prepared, sealed, desk in photos:
            new_photo = conn.insert(
                "INSERT INTO case_photos (case_id, sha256, name, kind, caption, size, added_at,"
                " prepared_sha256, desk) VALUES (?, ?, '', ?, '', ?, ?, ?, ?)",
                (new_id, sha, kind, size, added, prepared, self.desk(desk)),
            )
            if sealed:
                text = self.source.open(bytes(sealed), f"photo:{photo_id}".encode())
                conn.execute(
                    "UPDATE case_photos SET sealed = ? WHERE id = ?",
                    (self.target.seal(text, f"photo:{new_photo}".encode()), new_photo),
                )
        for kind, name, sha, size, redacted, created_at, desk in documents:
            conn.execute(
                "INSERT INTO documents (case_id, kind, name, sha256, size, redacted, created_at,"
                " desk) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (new_id, kind, name, sha, size, redacted, created_at, self.desk(desk)),
            )
        return new_id

    def reseal(self, sealed: bytes | None, aad: bytes) -> bytes | None:
        if sealed is None:
            return None
        return self.target.seal(self.source.open(bytes(sealed), aad), aad)

    def copy_draft(self, draft_id: int, origin: str) -> None:
        (row,) = self.rows(
            "SELECT data, page, updated_at, desk FROM drafts WHERE id = ?", (draft_id,)
        )
        data, page, updated, desk = row
        plain = self.source.open(bytes(data), f"draft:{draft_id}".encode())
        with self.shared._tx() as conn:  # noqa: SLF001
            new_id = conn.insert(
                "INSERT INTO drafts (data, page, updated_at, desk, origin) VALUES (?, ?, ?, ?, ?)",
                (b"", page, updated, self.desk(desk), origin),
            )
            conn.execute(
                "UPDATE drafts SET data = ? WHERE id = ?",
                (self.target.seal(plain, f"draft:{new_id}".encode()), new_id),
            )
