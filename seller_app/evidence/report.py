"""Evidence results as JSON-ready dicts: the ``photos`` command's output and ``manifest.json``."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from seller_app.domain.carriers import CarrierBook
from seller_app.domain.case import Case

from .barcodes import match_numbers
from .messages import kind_label, render
from .model import EvidencePhoto, PhotoError
from .shotlist import score

MANIFEST_FORMAT = 1


def photo_to_dict(
    photo: EvidencePhoto, lang: str, case: Case | None, carriers: CarrierBook
) -> dict[str, Any]:
    prepared = photo.prepared_path
    return {
        "file": str(photo.source),
        "ok": True,
        "sha256": photo.sha256,
        "size_bytes": photo.size_bytes,
        "width": photo.width,
        "height": photo.height,
        "captured_at": photo.captured_at.isoformat() if photo.captured_at else None,
        "camera": photo.camera,
        "kind": photo.kind.value,
        "kind_label": kind_label(photo.kind, lang),
        "caption": photo.caption,
        "prepared": prepared.name,
        "prepared_sha256": hashlib.sha256(prepared.read_bytes()).hexdigest(),
        "prepared_width": photo.prepared_width,
        "prepared_height": photo.prepared_height,
        "barcodes": [
            {"number": m.number, "in_case": m.in_case, "carriers": list(m.carriers)}
            for m in match_numbers(photo.barcodes, case, carriers)
        ],
        "warnings": [{"code": n.code, "text": render(n, lang)} for n in photo.warnings],
    }


def error_to_dict(error: PhotoError, lang: str) -> dict[str, Any]:
    return {
        "file": str(error.source),
        "ok": False,
        "error": {"code": error.code, "text": error.message(lang)},
    }


def photos_report(
    results: Sequence[EvidencePhoto | PhotoError],
    lang: str,
    case: Case | None,
    carriers: CarrierBook,
) -> dict[str, Any]:
    """``{"format", "photos": [...], "shot_list"?}``; photos in input order, errors in place."""
    report: dict[str, Any] = {
        "format": MANIFEST_FORMAT,
        "photos": [
            photo_to_dict(r, lang, case, carriers)
            if isinstance(r, EvidencePhoto)
            else error_to_dict(r, lang)
            for r in results
        ],
    }
    if case is not None:
        kinds = [r.kind for r in results if isinstance(r, EvidencePhoto)]
        result = score(case.incident, kinds)
        report["shot_list"] = {
            "incident": case.incident.value,
            "score": round(result.score, 3),
            "required": [k.value for k in result.required],
            "missing": [{"kind": k.value, "label": kind_label(k, lang)} for k in result.missing],
        }
    return report
