"""Work the photo page hands to the thread pool: plain functions, no widgets.

They call the evidence package (imported here, lazily, so the app starts without Pillow) and
return plain dicts the page keeps in the draft.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from seller_app.domain.case import Case, PhotoKind


def photo_record(photo: Any, lang: str) -> dict[str, Any]:
    """An `EvidencePhoto` as the draft keeps it (JSON-ready)."""
    from seller_app.evidence.messages import render

    return {
        "source": str(photo.source),
        "sha256": photo.sha256,
        "prepared_path": str(photo.prepared_path),
        "kind": photo.kind.value,
        "caption": photo.caption,
        "width": photo.width,
        "height": photo.height,
        "captured_at": photo.captured_at.isoformat() if photo.captured_at else None,
        "camera": photo.camera,
        "barcodes": list(photo.barcodes),
        "warnings": [render(note, lang) for note in photo.warnings],
        "notes": [
            {"code": note.code, "params": {k: str(v) for k, v in note.params.items()}}
            for note in photo.warnings
        ],
        "size_bytes": photo.size_bytes,
        "prepared_width": photo.prepared_width,
        "prepared_height": photo.prepared_height,
    }


def photo_from_record(record: dict[str, Any]) -> Any:
    """Rebuild the `EvidencePhoto` a draft keeps as a dict (for the claim form)."""
    from datetime import datetime

    from seller_app.domain.rules import Note
    from seller_app.evidence import EvidencePhoto

    captured = record.get("captured_at")
    return EvidencePhoto(
        source=Path(record["source"]),
        sha256=record["sha256"],
        size_bytes=int(record.get("size_bytes", 0)),
        width=int(record["width"]),
        height=int(record["height"]),
        captured_at=datetime.fromisoformat(captured) if captured else None,
        camera=record.get("camera"),
        kind=PhotoKind(record["kind"]),
        caption=record.get("caption", ""),
        prepared_path=Path(record["prepared_path"]),
        prepared_width=int(record.get("prepared_width", record["width"])),
        prepared_height=int(record.get("prepared_height", record["height"])),
        barcodes=tuple(record.get("barcodes", ())),
        warnings=tuple(Note(n["code"], n.get("params", {})) for n in record.get("notes", ())),
    )


def import_files(
    paths: Sequence[Path],
    out_dir: Path,
    case: Case | None,
    lang: str,
    report: Callable[[int, int], None],
    processes: int | None = None,
) -> tuple[list[dict[str, Any]], list[str]]:
    """Prepare `paths` on the evidence package's worker processes (`processes` None: one per
    core), checked against each other and the case; `report(done, total)` as each is ready.
    Returns the records and the messages of the files that could not be used."""
    from seller_app.evidence import PhotoError, PhotoInput, import_photos

    out_dir.mkdir(parents=True, exist_ok=True)
    report(0, len(paths))
    results = import_photos(
        [PhotoInput(path) for path in paths],
        out_dir,
        case,
        read_barcodes=True,
        processes=processes,
        progress=report,
    )
    records: list[dict[str, Any]] = []
    errors: list[str] = []
    for result in results:
        if isinstance(result, PhotoError):
            errors.append(result.message(lang))
        else:
            records.append(photo_record(result, lang))
    return records, errors


def read_label_numbers(path: Path) -> list[str]:
    """The tracking numbers in the barcodes of one waybill-label photo.

    The prepared copy import_photos writes shows the buyer's name, phone and address in plain
    sight and is only needed for reading: it goes into a temporary folder removed right after.
    """
    import tempfile

    from seller_app import leftovers
    from seller_app.evidence import PhotoError, PhotoInput, import_photos

    with tempfile.TemporaryDirectory(prefix=leftovers.temp_prefix("label")) as scratch:
        (result,) = import_photos(
            [PhotoInput(path, PhotoKind.WAYBILL_LABEL)],
            Path(scratch),
            None,
            read_barcodes=True,
            processes=1,
        )
    if isinstance(result, PhotoError):
        raise ValueError(result.message("zh"))
    return list(result.barcodes)


def shot_list(incident: str | None, kinds: Sequence[str]) -> tuple[float, list[str], list[str]]:
    """(score, missing kinds, required kinds) for the incident, from the evidence shot lists."""
    from seller_app.domain.case import Incident
    from seller_app.evidence.shotlist import score

    if incident is None:
        return 1.0, [], []
    result = score(Incident(incident), [PhotoKind(kind) for kind in kinds])
    return (
        result.score,
        [kind.value for kind in result.missing],
        [kind.value for kind in result.required],
    )
