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
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.catalog import Catalog
from .claim import CASES_DIR, FORMS_DIR, ClaimSettings, RowResult, make_claim, warm_up
from .rows import ClaimRow, RefusedRow
from .source import Entry

log = logging.getLogger(__name__)

Outcome = RowResult | RefusedRow
ProgressCallback = Callable[[int, int | None], None]
DEFAULT_CHUNK = 8

_worker_catalog: Catalog | None = None


def _init_worker(resources: Path, form_layout: str | None) -> None:
    """Once per worker process: ignore Ctrl-C (the parent cancels), load the catalog, register
    the form font and load the layout."""
    global _worker_catalog
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_catalog = Catalog.load(resources)
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
    cancelled: bool = False

    @property
    def made(self) -> int:
        return len(self.keys)

    def add(self, outcome: Outcome) -> None:
        if isinstance(outcome, RefusedRow):
            self.refused.append(outcome)
            return
        if not outcome.failed:
            self.keys.append(outcome.key)
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
    (settings.out_dir / CASES_DIR).mkdir(parents=True, exist_ok=True)
    if settings.form_layout:
        (settings.out_dir / FORMS_DIR).mkdir(parents=True, exist_ok=True)
    workers = worker_count(processes)
    report = BatchReport()
    executor: Executor
    max_in_flight = 2 * workers
    if workers == 1:
        executor = _InlineExecutor(catalog)
        max_in_flight = 1  # the chunk is already done when submitted; collect it at once
    else:
        executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(catalog.root, settings.form_layout),
        )
    in_flight: deque[tuple[list[Entry], Future[list[RowResult]]]] = deque()
    processed = 0

    def collect_oldest() -> None:
        nonlocal processed
        chunk, future = in_flight[0]
        results = iter(future.result())
        in_flight.popleft()
        for entry in chunk:
            outcome: Outcome = next(results) if isinstance(entry, ClaimRow) else entry
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
            in_flight.append((chunk, executor.submit(_run_chunk, claims, settings)))
            while len(in_flight) >= max_in_flight:
                collect_oldest()
        while in_flight:
            collect_oldest()
    except KeyboardInterrupt:
        report.cancelled = True
        while in_flight:
            collect_oldest()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    return report
