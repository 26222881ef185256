"""Running a whole export: pool or inline, results in file order, cancel keeps work, re-runs."""

from __future__ import annotations

import json
import threading
from decimal import Decimal
from pathlib import Path

import pytest

from seller_app.batch import ClaimSettings, RefusedRow, RowDefaults, RowResult, open_export, runner
from seller_app.batch.mapping import ImportMapping
from seller_app.batch.runner import Outcome, run_batch
from seller_app.domain import workdays
from seller_app.domain.catalog import Catalog
from tests.conftest import NOW

from .conftest import TAOBAO_HEADER, taobao_row, write_csv

DEFAULTS = RowDefaults(incident="loss", weight_kg=Decimal("2"))


def export_with(tmp_path: Path, mappings: dict[str, ImportMapping], count: int, bad: int = 0):  # type: ignore[no-untyped-def]
    rows = [taobao_row(n) for n in range(count)]
    if bad:
        rows[bad] = taobao_row(bad, 金额="-1")
    return open_export(write_csv(tmp_path / "orders.csv", TAOBAO_HEADER, rows), mappings)


def run(tmp_path: Path, export, catalog: Catalog, **kwargs) -> tuple:  # type: ignore[no-untyped-def,type-arg]
    seen: list[Outcome] = []
    settings = ClaimSettings(tmp_path / "out", NOW, form_layout=None)
    report = run_batch(
        export.entries(DEFAULTS, NOW), settings, catalog, on_outcome=seen.append, **kwargs
    )
    return report, seen


def test_inline_run_assesses_every_row_in_order(
    tmp_path: Path, mappings: dict[str, ImportMapping], catalog: Catalog
) -> None:
    export = export_with(tmp_path, mappings, 6, bad=3)
    report, seen = run(tmp_path, export, catalog, processes=1, chunk_size=4)
    assert [o.row for o in seen] == [2, 3, 4, 5, 6, 7]
    assert isinstance(seen[3], RefusedRow)
    assert report.made == 5 and len(report.refused) == 1 and not report.cancelled
    first = seen[0]
    assert isinstance(first, RowResult)
    # Loss, uninsured, fee 12, SF by default: min(7 x 12, 300) = 84 + the fee 12; the claim
    # asks for the actual loss, 12 + the goods.
    assert first.eligible and first.amount == Decimal("96.00")
    assert first.claim_basis == "actual_loss" and first.claim_amount > first.amount
    assert first.case_file is not None
    saved = json.loads(first.case_file.read_text(encoding="utf-8"))
    assert saved["tracking_numbers"] == ["SF1234500000000"]


def test_process_pool_gives_the_same_results_as_inline(
    tmp_path: Path, mappings: dict[str, ImportMapping], catalog: Catalog
) -> None:
    export = export_with(tmp_path, mappings, 12, bad=5)
    _, inline = run(tmp_path / "a", export, catalog, processes=1, chunk_size=3)
    _, pooled = run(tmp_path / "b", export, catalog, processes=2, chunk_size=3)

    def digest(outcomes: list[Outcome]) -> list[tuple[int, str, str]]:
        return [
            (o.row, o.key, str(o.amount)) if isinstance(o, RowResult) else (o.row, "refused", "")
            for o in outcomes
        ]

    assert digest(pooled) == digest(inline)
    assert len(list((tmp_path / "b" / "out" / "cases").glob("*.json"))) == 11


def _working_days_here() -> tuple[object, ...]:
    """In a worker: the official schedules it counts with, 2027's statutory days off, and
    whether it had to import the `holidays` package for them (the bundled file answers)."""
    import sys

    return (
        workdays.installed_official_years(),
        dict(workdays.statutory_holidays(2027)),
        "holidays" in sys.modules,
    )


def test_workers_count_deadlines_with_the_sellers_imported_schedules(
    tmp_path: Path, catalog: Catalog
) -> None:
    # A schedule the seller imported (`seller-claims calendar import`, 导入放假安排) is installed
    # in the process that runs the batch; a spawned worker starts without it and must be given
    # it, or its forms and calendar count working days with the estimate instead.
    statutory = [day.isoformat() for day in workdays.statutory_holidays(2026)]
    official = workdays.official_year_from_data(
        {"year": 2026, "days_off": [*statutory, "2026-11-22..2026-12-20", "2026-12-21..2026-12-31"]}
    )
    workdays.install_official_years([official])
    pool = runner._Pool(catalog, ClaimSettings(tmp_path, NOW, form_layout=None), 2)
    try:
        years, estimate, imported = pool.executor.submit(_working_days_here).result(timeout=120)
    finally:
        pool.executor.shutdown()
    assert years == (official,)
    assert estimate == dict(workdays.package_statutory_holidays(2027)) and not imported


def test_cancel_in_the_middle_keeps_what_was_done(
    tmp_path: Path, mappings: dict[str, ImportMapping], catalog: Catalog
) -> None:
    export = export_with(tmp_path, mappings, 20)
    cancel = threading.Event()
    progress: list[int] = []

    def on_progress(done: int, total: int | None) -> None:
        progress.append(done)
        if done >= 6:
            cancel.set()

    report, seen = run(
        tmp_path,
        export,
        catalog,
        processes=1,
        chunk_size=3,
        cancel=cancel,
        on_progress=on_progress,
        total=20,
    )
    assert report.cancelled
    assert progress == [3, 6]
    assert report.made == 6 and len(seen) == 6
    files = sorted(p.stem for p in (tmp_path / "out" / "cases").glob("*.json"))
    assert files == sorted(report.keys)
    assert not list((tmp_path / "out" / "cases").glob("*.part"))


def test_rerunning_the_same_file_does_not_duplicate_cases(
    tmp_path: Path, mappings: dict[str, ImportMapping], catalog: Catalog
) -> None:
    export = export_with(tmp_path, mappings, 5)
    first, _ = run(tmp_path, export, catalog, processes=1)
    second, _ = run(tmp_path, export, catalog, processes=1)
    assert first.keys == second.keys
    assert len(set(first.keys)) == 5
    assert len(list((tmp_path / "out" / "cases").glob("*.json"))) == 5


def test_a_row_whose_form_cannot_be_drawn_never_stops_the_run(
    tmp_path: Path,
    mappings: dict[str, ImportMapping],
    catalog: Catalog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reportlab.platypus.doctemplate import LayoutError

    import seller_app.documents.claim_form as claim_form

    real = claim_form.render_claim_form

    def render(case, *args, **kwargs):  # type: ignore[no-untyped-def]
        if case.tracking_numbers[0].endswith("2"):
            raise LayoutError("Flowable too large on page 1")
        return real(case, *args, **kwargs)

    monkeypatch.setattr(claim_form, "render_claim_form", render)
    export = export_with(tmp_path, mappings, 4)
    settings = ClaimSettings(tmp_path / "out", NOW, form_layout="generic")
    seen: list[Outcome] = []
    report = run_batch(
        export.entries(DEFAULTS, NOW), settings, catalog, processes=1, on_outcome=seen.append
    )
    assert report.made == 4 and [o.row for o in seen] == [2, 3, 4, 5]
    [failed] = report.failed
    assert failed.row == 4 and failed.case_file is not None  # the case is kept
    assert [p.code for p in failed.problems] == ["form_text_too_long"]
    assert len(list((tmp_path / "out" / "forms").glob("*.pdf"))) == 3


def test_a_row_that_cannot_be_assessed_fails_alone(
    tmp_path: Path,
    mappings: dict[str, ImportMapping],
    catalog: Catalog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import seller_app.batch.claim as claim

    real = claim.assess

    def assess(case, *args, **kwargs):  # type: ignore[no-untyped-def]
        if case.tracking_numbers[0].endswith("1"):
            raise OverflowError("date value out of range")
        return real(case, *args, **kwargs)

    monkeypatch.setattr(claim, "assess", assess)
    report, seen = run(tmp_path, export_with(tmp_path, mappings, 3), catalog, processes=1)
    assert report.made == 2
    [failed] = report.failed
    assert failed.row == 3 and failed.problems[0].params["detail"] == "date value out of range"
    assert [o.row for o in seen] == [2, 3, 4]


def test_a_chunk_whose_worker_dies_is_retried_claim_by_claim(
    tmp_path: Path,
    mappings: dict[str, ImportMapping],
    catalog: Catalog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import seller_app.batch.runner as runner

    real = runner._run_chunk

    def run_chunk(claims, settings):  # type: ignore[no-untyped-def]
        if any(claim.tracking_number.endswith("3") for claim in claims):
            raise RuntimeError("worker died")  # the whole chunk is lost, as with a crash
        return real(claims, settings)

    monkeypatch.setattr(runner, "_run_chunk", run_chunk)
    report, seen = run(
        tmp_path, export_with(tmp_path, mappings, 6), catalog, processes=1, chunk_size=3
    )
    assert [o.row for o in seen] == [2, 3, 4, 5, 6, 7]
    assert report.made == 5
    [failed] = report.failed
    assert failed.tracking_number.endswith("3") and failed.problems[0].code == "failed"
