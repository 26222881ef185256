"""Run a whole export through `make_claim` on all cores, in order, with progress and cancel.

- A `ProcessPoolExecutor` whose initializer loads the catalog (and registers the form font) once
  per worker; the functions it runs are top-level, so spawned and frozen workers find them.
  The ``spawn`` start method is used everywhere: it is what Windows and macOS use, and forking a
  process that runs Qt threads is unsafe.
- Rows go out in chunks, with at most ``2 × workers`` chunks in flight, and results come back in
  file order; memory stays flat however long the file is.
- `cancel` (a `threading.Event`) is checked between chunks: chunks already sent finish and are
  kept, nothing new is started.
- With ``processes=1`` everything runs in the calling process (tests, tiny files).
- A bad row never stops the run: `make_claim` turns any error into that row's problem, and a
  chunk whose worker died (a crash, the memory killer) is run again one claim at a time on a
  fresh pool, so only the claim that kills its worker is reported as failed.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.catalog import Catalog
from ..domain.workdays import OfficialYear, install_official_years, installed_official_years
from .claim import (
    CASES_DIR,
    FORMS_DIR,
    ClaimSettings,
    RowResult,
    failed_result,
    make_claim,
    warm_up,
)
from .rows import ClaimRow, MergedRow, RefusedRow
from .source import Entry

log = logging.getLogger(__name__)

Outcome = RowResult | RefusedRow | MergedRow
ProgressCallback = Callable[[int, int | None], None]
DEFAULT_CHUNK = 8

_worker_catalog: Catalog | None = None


def _init_worker(
    resources: Path, form_layout: str | None, official_years: tuple[OfficialYear, ...] = ()
) -> None:
    """Once per worker process: ignore Ctrl-C (the parent cancels), load the catalog, count
    deadlines with the parent's working days (the official schedules the seller imported, the
    bundled statutory days off: a spawned worker starts without them), register the form font
    and load the layout."""
    global _worker_catalog
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_catalog = Catalog.load(resources)
    from ..holiday_files import use_bundled_statutory

    use_bundled_statutory()
    install_official_years(official_years)
    warm_up(form_layout)


def _run_chunk(claims: list[ClaimRow], settings: ClaimSettings) -> list[RowResult]:
    assert _worker_catalog is not None, "worker not initialised"
    return [make_claim(claim, settings, _worker_catalog) for claim in claims]


class _InlineExecutor(Executor):
    """Runs each chunk at once in this process: same code path as the pool, no processes."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        global _worker_catalog
        _worker_catalog = self.catalog
        future: Future[list[RowResult]] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # surfaced by future.result() as in a pool
            future.set_exception(error)
        return future


@dataclass
class BatchReport:
    """What a run did. Only keys and problems are kept (not the cases), so it stays small."""

    keys: list[str] = field(default_factory=list)
    """Rows whose case was made (and stored), in file order."""
    failed: list[RowResult] = field(default_factory=list)
    """Rows that failed after validation, or whose form or photos could not be made."""
    refused: list[RefusedRow] = field(default_factory=list)
    merged: list[MergedRow] = field(default_factory=list)
    """Lines of an order added to the claim of the same parcel (not refusals)."""
    notes: int = 0
    """Claims made with something the seller must know (e.g. a stand-in posting time)."""
    cancelled: bool = False

    @property
    def made(self) -> int:
        return len(self.keys)

    def add(self, outcome: Outcome) -> None:
        if isinstance(outcome, RefusedRow):
            self.refused.append(outcome)
            return
        if isinstance(outcome, MergedRow):
            self.merged.append(outcome)
            return
        if not outcome.failed:
            self.keys.append(outcome.key)
            self.notes += bool(outcome.notes)
        if outcome.problems:  # failed, or made but e.g. without its form
            self.failed.append(outcome)


def _chunks(entries: Iterable[Entry], size: int) -> Iterator[list[Entry]]:
    chunk: list[Entry] = []
    for entry in entries:
        chunk.append(entry)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def worker_count(processes: int | None) -> int:
    return max(1, processes or os.cpu_count() or 1)


class _Pool:
    """The executor of a run, replaced when a worker dies so the run can go on."""

    def __init__(self, catalog: Catalog, settings: ClaimSettings, workers: int) -> None:
        self.catalog = catalog
        self.settings = settings
        self.workers = workers
        self.executor = self._new()

    def _new(self) -> Executor:
        if self.workers == 1:
            return _InlineExecutor(self.catalog)
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self.catalog.root, self.settings.form_layout, installed_official_years()),
        )

    def submit(self, claims: list[ClaimRow]) -> Future[list[RowResult]]:
        try:
            return self.executor.submit(_run_chunk, claims, self.settings)
        except BrokenProcessPool:
            self._renew()
            return self.executor.submit(_run_chunk, claims, self.settings)

    def _renew(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new()

    def one_by_one(self, claims: list[ClaimRow]) -> list[RowResult]:
        """Each claim of a failed chunk alone, so only the one that kills its worker fails."""
        results = []
        for claim in claims:
            try:
                [result] = self.submit([claim]).result()
            except Exception as error:  # noqa: BLE001 -- reported as this row's failure
                if isinstance(error, BrokenProcessPool):
                    self._renew()
                result = failed_result(claim, error)
            results.append(result)
        return results

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def run_batch(
    entries: Iterable[Entry],
    settings: ClaimSettings,
    catalog: Catalog,
    *,
    processes: int | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    total: int | None = None,
    cancel: threading.Event | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    on_progress: ProgressCallback | None = None,
) -> BatchReport:
    """Make a claim of every valid entry; refused entries pass straight to the report.

    `on_outcome` sees every row in file order as soon as it is done (the summary writer and the
    store hook in there); `on_progress(done, total)` after each chunk.
    """
    cases = settings.out_dir / CASES_DIR
    cases.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        cases.chmod(0o700)  # a folder left by an older run, too: it holds buyers' data
    except OSError:
        log.info("could not restrict %s", cases)
    if settings.form_layout:
        (settings.out_dir / FORMS_DIR).mkdir(parents=True, exist_ok=True)
    workers = worker_count(processes)
    report = BatchReport()
    pool = _Pool(catalog, settings, workers)
    max_in_flight = 1 if workers == 1 else 2 * workers  # inline: collect each chunk at once
    in_flight: deque[tuple[list[Entry], Future[list[RowResult]]]] = deque()
    processed = 0
    # the files to flush at the end, where the system cannot flush them all at once (Windows)
    written: list[str] | None = None if hasattr(os, "sync") else []

    def collect_oldest() -> None:
        nonlocal processed
        chunk, future = in_flight[0]
        claims = [entry for entry in chunk if isinstance(entry, ClaimRow)]
        try:
            made = future.result()
        except Exception as error:  # the worker died, or the chunk could not be sent
            log.info("a chunk of %d claims failed (%s); retrying one by one", len(claims), error)
            made = pool.one_by_one(claims)
        in_flight.popleft()
        results = iter(made)
        for entry in chunk:
            outcome: Outcome = next(results) if isinstance(entry, ClaimRow) else entry
            if written is not None and isinstance(outcome, RowResult):
                written.extend(str(p) for p in (outcome.case_file, outcome.form_file) if p)
            report.add(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
        processed += len(chunk)
        if on_progress is not None:
            on_progress(processed, total)

    try:
        for chunk in _chunks(entries, chunk_size):
            if cancel is not None and cancel.is_set():
                report.cancelled = True
                break
            claims = [entry for entry in chunk if isinstance(entry, ClaimRow)]
            in_flight.append((chunk, pool.submit(claims)))
            while len(in_flight) >= max_in_flight:
                collect_oldest()
        while in_flight:
            collect_oldest()
    except KeyboardInterrupt:
        report.cancelled = True
        while in_flight:
            collect_oldest()
    finally:
        pool.shutdown()
        # Case files and forms are renamed into place unsynced (a form's fsync cost ~3 ms): one
        # flush here puts the whole run on the disk. A killed run loses nothing written; a
        # power cut before this point, files a re-run writes again.
        from .filing import flush_to_disk

        flush_to_disk(written or ())
    return report
