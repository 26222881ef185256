"""A case's evidence pack: case JSON, photos, stored documents and a manifest with hashes.

Layout (as a folder or a zip)::

    case.json            the case file (buyer data masked when redact=True)
    status.json          status, amounts, status history
    photos/01-outer_package-<sha8>.jpg   the prepared copy (the original when none was prepared)
    documents/<name>     stored generated documents (claim form PDF, calendar .ics)
    manifest.json        every file above with its SHA-256 and size, and the originals' SHA-256

With redact=True, documents not marked ``redacted`` when stored are left out (they carry the
buyer's data in full) and listed under ``withheld`` in the manifest.
"""

from __future__ import annotations

import json
import os
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from .. import leftovers
from ..domain.case import case_to_json
from ..domain.money import format_yuan
from .crypto import open_private, sha256_hex, write_atomic
from .errors import StoreError
from .records import CaseRecord, StatusChange, StoredDocument, StoredPhoto
from .redact import BuyerMask, redact_case_json


class StoredCases(Protocol):
    """What an evidence pack reads from a store (a `Store` on either database)."""

    def get_case(self, case_id: int) -> CaseRecord: ...

    def status_history(self, case_id: int) -> list[StatusChange]: ...

    def photos(self, case_id: int) -> list[StoredPhoto]: ...

    def read_photo(self, sha256: str) -> bytes: ...

    def documents(self, case_id: int) -> list[StoredDocument]: ...

    def read_document(self, document_id: int) -> bytes: ...


def yuan_text(value: Decimal | None) -> str | None:
    """Money as shown to the user: always two decimals (``"300.00"``)."""
    return None if value is None else format_yuan(value)


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str).encode("utf-8")


def pack_files(
    store: StoredCases, case_id: int, redact: bool
) -> tuple[dict[str, bytes], dict[str, Any]]:
    record = store.get_case(case_id)
    data = case_to_json(record.case)
    mask = BuyerMask(data.get("buyer"))
    files: dict[str, bytes] = {"case.json": _dumps(redact_case_json(data) if redact else data)}
    files["status.json"] = _dumps(
        {
            "case_id": case_id,
            "status": record.status.value,
            "amount_claimed": yuan_text(record.amount_claimed),
            "amount_recovered": yuan_text(record.amount_recovered),
            "history": [
                {"status": change.status.value, "at": change.at.isoformat()}
                for change in store.status_history(case_id)
            ],
        }
    )
    photos = []
    for number, photo in enumerate(store.photos(case_id), start=1):
        sha = photo.prepared_sha256 or photo.sha256
        suffix = ".jpg" if photo.prepared_sha256 else (Path(photo.name).suffix or ".bin")
        name = f"photos/{number:02d}-{photo.kind.value}-{photo.sha256[:8]}{suffix.lower()}"
        files[name] = store.read_photo(sha)
        photos.append(
            {
                "file": name,
                "kind": photo.kind.value,
                "caption": mask.text(photo.caption) if redact else photo.caption,
                "original_sha256": photo.sha256,
                "prepared": bool(photo.prepared_sha256),
            }
        )
    withheld = []
    for document in store.documents(case_id):
        if redact and not document.redacted:
            withheld.append({"kind": document.kind, "name": document.name})
            continue
        files[f"documents/{Path(document.name).name}"] = store.read_document(document.id)
    manifest = {
        "case_id": case_id,
        "redacted": redact,
        "files": [
            {"file": name, "sha256": sha256_hex(body), "size": len(body)}
            for name, body in files.items()
        ],
        "photos": photos,
        "withheld": withheld,
    }
    return files, manifest


def export_case(
    store: StoredCases, case_id: int, dest: Path, *, redact: bool, as_zip: bool
) -> Path:
    files, manifest = pack_files(store, case_id, redact)
    files["manifest.json"] = _dumps(manifest)
    if dest.exists():
        raise StoreError("export_exists", path=dest)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.export.part")
    try:
        if as_zip:
            # owner-only (0600) like every file in the data folder: an unredacted pack holds the
            # buyer's name, phone and address; the seller chooses whom to give it to
            with (
                leftovers.pending_output(tmp),
                open_private(tmp) as handle,
                zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive,
            ):
                for name, body in files.items():
                    archive.writestr(name, body)
            tmp.replace(dest)
        else:
            for name, body in files.items():
                write_atomic(dest / name, body)
    except OSError as error:  # name the path the user gave, not our temporary file
        tmp.unlink(missing_ok=True)
        raise StoreError("cannot_write", path=dest, detail=error) from None
    return dest
