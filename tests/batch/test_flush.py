"""A batch's files reach the disk at its end, also where there is no ``os.sync`` (Windows)."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from seller_app.batch import ClaimSettings, RowDefaults, filing
from seller_app.batch.filing import flush_to_disk
from seller_app.batch.mapping import ImportMapping
from seller_app.batch.runner import run_batch
from seller_app.domain.catalog import Catalog
from tests.conftest import NOW

from .test_runner import export_with

DEFAULTS = RowDefaults(incident="loss", weight_kg=Decimal("2"))


class Fsyncs:
    """os.fsync recorded by the path each descriptor was opened on."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened: dict[int, tuple[str, int]] = {}
        self.synced: list[tuple[str, int]] = []
        real_open = os.open

        def opening(path: str, flags: int, *args: int) -> int:
            fd = real_open(path, flags, *args)
            self.opened[fd] = (os.path.abspath(path), flags)
            return fd

        monkeypatch.setattr(filing.os, "open", opening)
        monkeypatch.setattr(filing.os, "fsync", lambda fd: self.synced.append(self.opened[fd]))

    def paths(self) -> list[str]:
        return [path for path, _ in self.synced]


def test_without_os_sync_the_run_flushes_each_file_it_wrote_then_their_folders(
    tmp_path: Path,
    mappings: dict[str, ImportMapping],
    catalog: Catalog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delattr(os, "sync", raising=False)
    fsyncs = Fsyncs(monkeypatch)
    out = tmp_path / "out"
    (out / "cases").mkdir(parents=True)
    older = out / "cases" / "from-an-earlier-run.json"
    older.write_text("{}", encoding="utf-8")
    export = export_with(tmp_path, mappings, 3)
    settings = ClaimSettings(out, NOW, form_layout="generic")
    report = run_batch(export.entries(DEFAULTS, NOW), settings, catalog, processes=1)

    assert report.made == 3
    cases = sorted(str(p) for p in (out / "cases").glob("*.json") if p != older)
    forms = sorted(str(p) for p in (out / "forms").glob("*.pdf"))
    assert len(cases) == 3 and len(forms) == 3
    synced = fsyncs.paths()
    files, folders = synced[:6], synced[6:]
    assert sorted(files) == sorted(cases + forms)  # each written file once, nothing older
    assert all(flags & os.O_RDWR for _, flags in fsyncs.synced[:6])  # Windows needs write
    assert sorted(folders) == sorted([str(out / "cases"), str(out / "forms")])  # then folders


def test_with_os_sync_one_call_flushes_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(os, "sync", lambda: calls.append("sync"), raising=False)
    monkeypatch.setattr(filing.os, "fsync", lambda fd: calls.append("fsync"))
    flush_to_disk(["anything.pdf"])
    assert calls == ["sync"]


def test_a_file_gone_or_a_failing_flush_is_skipped_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delattr(os, "sync", raising=False)
    kept = tmp_path / "kept.pdf"
    kept.write_bytes(b"%PDF")

    def failing(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(filing.os, "fsync", failing)
    with caplog.at_level("INFO", logger=filing.__name__):
        flush_to_disk([tmp_path / "deleted-meanwhile.pdf", kept])
    assert "could not flush" in caplog.text and "kept.pdf" in caplog.text
