"""Put each claim a run made into the case store, once per parcel.

A case is the same parcel when its first tracking number and its order id match (the batch key).
A re-run updates a case still in ``draft`` and leaves alone one the seller has already moved on
(filed, paid ...), so importing the same export twice never duplicates or rewinds a case. The
claim form is attached once per file name, each matched photo once per content (SHA-256).
Called from one thread (the CLI's main thread or the GUI thread), as the store expects.

With ``rows_per_commit`` above 1 (the command line) the rows are committed in groups
(`Store.write_batch`): one wait for the disk per group instead of two per row. A group is
committed after that many rows, after `COMMIT_SECONDS`, and by `close` -- also when the run is
cancelled or fails. A run killed outright loses at most its open group from the store; the case
files and forms are on disk, and a re-run adds the missing cases (no duplicates: it finds the
others by tracking number and order id).

`flush_to_disk` puts what a run wrote (case files, forms) on the disk at its end.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType

from ..domain.case import Case, case_from_json
from ..store import CaseStatus, Store
from .claim import RowResult

FORM_DOCUMENT_KIND = "claim_form"
log = logging.getLogger(__name__)


def flush_to_disk(written: Iterable[str | os.PathLike[str]]) -> None:
    """Make the files a run wrote durable, once at its end (each was renamed into place without
    waiting for the disk: `batch.runner`).

    Where the system has ``os.sync`` (Linux, macOS) one call flushes everything. Where it has
    not (Windows) each file in `written` is flushed (fsync), then each folder holding them, so
    their renames are on the disk too -- where a folder can be opened for that (Windows cannot
    open one; its file system journals the renames). A file removed meanwhile is skipped; a
    flush that fails is logged, never raised: the files are written, only not yet durable."""
    if hasattr(os, "sync"):
        os.sync()
        return
    folders: dict[str, None] = {}
    for path in written:
        _fsync(path, os.O_RDWR | getattr(os, "O_BINARY", 0))  # Windows flushes writable files
        folders[os.path.dirname(os.fspath(path))] = None
    for folder in folders:
        _fsync(folder or os.curdir, os.O_RDONLY)


def _fsync(path: str | os.PathLike[str], flags: int) -> None:
    try:
        fd = os.open(path, flags)
    except OSError:  # gone, or a folder on Windows
        return
    try:
        os.fsync(fd)
    except OSError as error:
        log.info("could not flush %s to disk: %s", path, error)
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Filed:
    case_id: int
    action: str  # "added" | "updated" | "kept"
    duplicates: tuple[int, ...] = ()
    """Other stored cases already claiming one of its tracking numbers (a second claim)."""


COMMIT_SECONDS = 1.0
"""The longest a group of rows waits for its commit (other processes wait on the store)."""


class CaseFiler:
    def __init__(self, store: Store, now: datetime, *, rows_per_commit: int = 1) -> None:
        self.store = store
        self.now = now
        self.rows_per_commit = rows_per_commit
        self._group: ExitStack | None = None
        self._group_rows = 0
        self._group_started = 0.0

    def __enter__(self) -> CaseFiler:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Commit the open group of rows, if any."""
        group, self._group = self._group, None
        if group is not None:
            group.close()

    def _open_group(self) -> None:
        if self.rows_per_commit > 1 and self._group is None:
            group = ExitStack()
            group.enter_context(self.store.write_batch())
            self._group, self._group_rows, self._group_started = group, 0, time.monotonic()

    def _row_done(self) -> None:
        if self._group is None:
            return
        self._group_rows += 1
        full = self._group_rows >= self.rows_per_commit
        if full or time.monotonic() - self._group_started >= COMMIT_SECONDS:
            self.close()

    def _existing(self, case: Case) -> tuple[int, CaseStatus] | None:
        for summary in self.store.list_cases(tracking=case.tracking_numbers[0]):
            record = self.store.get_case(summary.id)
            same = record.case.tracking_numbers[0] == case.tracking_numbers[0]
            if same and record.case.order_id == case.order_id:
                return record.id, record.status
        return None

    def __call__(self, result: RowResult) -> Filed:
        self._open_group()
        try:
            return self._file(result)
        finally:
            self._row_done()

    def _file(self, result: RowResult) -> Filed:
        case = case_from_json(dict(result.case_data), self.now)
        found = self._existing(case)
        added = found is None
        if found is None:
            earlier = self.store.claims_for_tracking(case.tracking_numbers)
            case_id = self.store.add_case(case, self.now, amount_claimed=result.claim_amount)
            filed = Filed(case_id, "added", tuple(summary.id for summary in earlier))
        elif found[1] is CaseStatus.DRAFT:
            case_id = found[0]
            self.store.update_case(case_id, case, self.now)
            self.store.set_amounts(case_id, self.now, claimed=result.claim_amount)
            filed = Filed(case_id, "updated")
        else:
            return Filed(found[0], "kept")
        # a case just added has no photos, notes or documents yet: nothing to look up
        if result.photos:
            stored = set() if added else {photo.sha256 for photo in self.store.photos(case_id)}
            for photo in result.photos:
                if photo.sha256 not in stored:
                    self.store.add_photo(
                        case_id,
                        photo.source,
                        self.now,
                        kind=photo.kind,
                        caption=photo.caption,
                        prepared=photo.prepared_path,
                    )
        if result.note_texts:
            noted = set() if added else {note.text for note in self.store.notes(case_id)}
            for text in result.note_texts:
                if text not in noted:
                    self.store.add_note(case_id, text, self.now)
        if result.form_file is not None:
            documents = () if added else self.store.documents(case_id)
            names = {d.name for d in documents if d.kind == FORM_DOCUMENT_KIND}
            if result.form_file.name not in names:
                self.store.add_document(
                    case_id, FORM_DOCUMENT_KIND, result.form_file.name, result.form_file, self.now
                )
        return filed
