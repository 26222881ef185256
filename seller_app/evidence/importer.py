"""`import_photos`: prepare a batch of photos on all cores, then check them against each other,
the case and the shot list. One result per input, in input order; a bad file is a `PhotoError`
and never stops the batch.
"""

from __future__ import annotations

import logging
import os
import tomllib
from collections.abc import Callable, Sequence
from concurrent.futures import as_completed
from concurrent.futures.process import BrokenProcessPool
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from seller_app import paths
from seller_app.domain.carriers import CarrierBook
from seller_app.domain.case import Case, PhotoKind
from seller_app.domain.rules import Note

from . import barcodes, checks
from .model import EvidencePhoto, PhotoError, PhotoInput
from .pool import forget_pool, shared_pool
from .prepare import Prepared, PrepareJob, prepare_photo

if TYPE_CHECKING:  # annotations only: the timeline module takes ~17 ms to import (issue 16)
    from seller_app.domain.timeline import Timeline

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@cache
def default_carriers() -> CarrierBook:
    with (paths.resources_dir() / "carriers.toml").open("rb") as handle:
        return CarrierBook.from_data(tomllib.load(handle))


def _run(
    jobs: list[PrepareJob], processes: int | None, progress: Progress | None = None
) -> list[Prepared | PhotoError]:
    workers = processes or os.cpu_count() or 1
    if workers <= 1 or len(jobs) <= 1:
        results = []
        for job in jobs:
            results.append(prepare_photo(job))
            if progress is not None:
                progress(len(results), len(jobs))
        return results
    pool = shared_pool(workers)
    futures = [pool.submit(prepare_photo, job) for job in jobs]
    if progress is not None:  # as each photo is ready, in whatever order they finish
        for done, _ in enumerate(as_completed(futures), start=1):
            progress(done, len(jobs))
    results: list[Prepared | PhotoError] = []
    for job, future in zip(jobs, futures, strict=True):
        try:
            results.append(future.result())
        except BrokenProcessPool:  # a worker died (out of memory on a huge file)
            log.warning("photo worker died on %s", job.path)
            results.append(PhotoError(job.path, "crashed", ""))
            forget_pool(pool)  # the next batch starts a fresh pool
    return results


def import_photos(
    inputs: Sequence[PhotoInput],
    out_dir: Path,
    case: Case | None = None,
    *,
    read_barcodes: bool = False,
    processes: int | None = None,
    carriers: CarrierBook | None = None,
    timeline: Timeline | None = None,
    progress: Progress | None = None,
) -> list[EvidencePhoto | PhotoError]:
    """Prepare `inputs` into `out_dir` (``<sha256 of original>.jpg``) and check them.

    Barcodes are read from ``waybill_label`` photos, from photos of unknown kind (a barcode makes
    them ``waybill_label``, else ``other``), and from every photo when `read_barcodes` is set.
    With a `case`, timing is checked against ``posted_at`` / ``signer.signed_at`` and the numbers
    read against ``tracking_numbers``. `processes` None means all cores (a session-wide pool, see
    `warm_up`); 1, or a single photo, runs in this process.
    `carriers` defaults to ``resources/carriers.toml``. A `timeline` read from the tracking
    screenshots gives the signing time the timing checks measure from. `progress(done, total)`
    is called as each photo is prepared (from the calling thread).
    """
    if not inputs:
        return []
    out_dir.mkdir(parents=True, exist_ok=True)
    book = carriers or default_carriers()
    rules = checks.load_rules()
    jobs = [
        PrepareJob(
            path=Path(item.path),
            out_dir=out_dir,
            read_barcodes=read_barcodes or item.kind in (None, PhotoKind.WAYBILL_LABEL),
            is_label=item.kind is PhotoKind.WAYBILL_LABEL,
        )
        for item in inputs
    ]
    prepared = _run(jobs, processes, progress)

    fingerprints = [
        checks.Fingerprint(
            p.source.name,
            p.sha256,
            p.dhash,
            p.thumbnail,
            (p.prepared_width, p.prepared_height),
            frozenset(p.barcode_texts),
        )
        if isinstance(p, Prepared)
        else None
        for p in prepared
    ]
    known = [(ref.file, ref.sha256) for ref in (case.photos if case else ()) if ref.sha256]
    duplicates = checks.duplicate_notes(fingerprints, known, rules)

    results: list[EvidencePhoto | PhotoError] = []
    for item, done, dup_notes in zip(inputs, prepared, duplicates, strict=True):
        if isinstance(done, PhotoError):
            log.info("photo refused: %s (%s)", done.source, done.code)
            results.append(done)
            continue
        numbers = barcodes.tracking_numbers(done.barcode_texts, book)
        kind = item.kind or (PhotoKind.WAYBILL_LABEL if numbers else PhotoKind.OTHER)
        matches = barcodes.match_numbers(numbers, case, book)
        notes: list[Note] = []
        notes += checks.quality_notes(
            done.width, done.height, done.sharpness, done.brightness, rules
        )
        notes += dup_notes
        notes += checks.timing_notes(done.captured_at, kind, case, rules, timeline)
        notes += barcodes.barcode_notes(matches, case, is_label=kind is PhotoKind.WAYBILL_LABEL)
        results.append(
            EvidencePhoto(
                source=done.source,
                sha256=done.sha256,
                size_bytes=done.size_bytes,
                width=done.width,
                height=done.height,
                captured_at=done.captured_at,
                camera=done.camera,
                kind=kind,
                caption=item.caption,
                prepared_path=done.prepared_path,
                prepared_width=done.prepared_width,
                prepared_height=done.prepared_height,
                barcodes=numbers,
                warnings=tuple(notes),
            )
        )
    return results
