"""Moving a desk's own store into the shop's shared store: everything copied, re-sealed with the
shop's key; a second run copies nothing twice; the same parcel claimed elsewhere is reported;
the local store is left exactly as it was."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from seller_app.credentials import MemoryKeyStore
from seller_app.domain.case import PhotoKind
from seller_app.domain.events import CaseEvent, EventKind
from seller_app.store import CaseStatus, Store, StoreError
from tests.conftest import NOW, make_case

from .conftest import SHOP_PASSPHRASE, Backend, buyer_case


@pytest.fixture
def backend(pg_url: str, pg_server: Any, data_dir: Path) -> Backend:
    return Backend("postgresql", data_dir, pg_url, pg_server)


def files(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def local(tmp_path: Path, keys: MemoryKeyStore) -> Path:
    """A desk's own store: a filed case with photo, document, note and events; a plain case
    claiming a parcel another desk claims too; an unfinished draft."""
    folder = tmp_path / "desk"
    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"\xff\xd8" + bytes(range(256)) * 300)  # large enough to be its own entry
    with Store.open(folder, keys, desk="前台") as store:
        first = store.add_case(buyer_case(claim_at=None), NOW - timedelta(days=3))
        store.record_event(
            first, CaseEvent(EventKind.FILED, NOW - timedelta(days=2)), NOW, note="官网提交"
        )
        store.set_status(first, "answered", NOW, note="快递来电")
        store.set_amounts(first, NOW, claimed=Decimal("28.80"))
        store.add_photo(
            first, photo, NOW, kind=PhotoKind.WAYBILL_LABEL, caption="面单", prepared=photo
        )
        store.add_document(first, "claim_form", "索赔申告单.pdf", b"%PDF-1.7 form", NOW)
        store.add_note(first, "买家电话 13812345678", NOW)
        store.add_case(make_case(tracking_numbers=["YT9876543210"]), NOW)
        store.save_draft({"page": "half done", "goods_value": Decimal("12.5")}, 2, NOW)
    return folder


def test_a_desk_store_moves_over_whole_and_once(
    local: Path, backend: Backend, keys: MemoryKeyStore
) -> None:
    before = files(local)
    with backend.open(MemoryKeyStore(), data_dir=backend.data_dir / "other", desk="仓库") as other:
        elsewhere = other.add_case(make_case(tracking_numbers=["YT9876543210"]), NOW)
    progress: list[tuple[int, int]] = []
    with Store.open(local, keys) as mine, backend.open(keys, data_dir=local) as shared:
        assert mine.not_yet_copied(shared) == (2, 1)  # what the app offers to move
        report = mine.migrate_to(
            shared, progress=lambda done, total: progress.append((done, total))
        )
        assert [local_id for local_id, _ in report.copied] == [1, 2]
        assert report.drafts_copied == 1 and report.already == ()
        assert progress == [(1, 3), (2, 3), (3, 3)]
        (duplicate,) = report.duplicates
        assert (duplicate.local_id, duplicate.others) == (2, (elsewhere,))
        ids = dict(report.copied)
        # everything of case 1, read back through the shop's key
        original, copied = mine.get_case(1), shared.get_case(ids[1])
        assert copied.case == original.case and copied.status is CaseStatus.ANSWERED
        assert (copied.amount_claimed, copied.created_at) == (Decimal("28.80"), original.created_at)
        assert (copied.version, copied.created_by) == (1, "前台")
        assert [(c.status, c.at, c.note, c.desk) for c in shared.status_history(ids[1])] == [
            (c.status, c.at, c.note, "前台") for c in mine.status_history(1)
        ]
        assert [(e.kind, e.at, e.note) for e in shared.event_log(ids[1])] == [
            (e.kind, e.at, e.note) for e in mine.event_log(1)
        ]
        assert [n.text for n in shared.notes(ids[1])] == ["买家电话 13812345678"]
        (photo,) = shared.photos(ids[1])
        assert (photo.caption, photo.kind) == ("面单", PhotoKind.WAYBILL_LABEL)
        assert shared.read_photo(photo.sha256) == mine.read_photo(photo.sha256)
        (document,) = shared.documents(ids[1])
        assert shared.read_document(document.id) == b"%PDF-1.7 form"
        (draft,) = shared.list_drafts()  # still this desk's
        assert draft.data == {"page": "half done", "goods_value": Decimal("12.5")}
        assert mine.not_yet_copied(shared) == (0, 0)
        again = mine.migrate_to(shared)
        assert again.copied == () and again.already == report.copied
        assert (again.drafts_copied, again.drafts_already, again.duplicates) == (0, 1, ())
        assert len(shared.list_cases()) == 3
        # the copies are found by tracking number like cases added on the server (its index)
        copies = shared.list_cases(tracking="YT9876543210")
        assert [c.id for c in copies] == sorted([elsewhere, ids[2]])
    assert files(local) == before  # the desk's own store is untouched
    # a desk that never had the local store sees the copies with the shop passphrase
    desk3 = MemoryKeyStore()
    with backend.open(desk3, data_dir=backend.data_dir / "d3", ask=lambda c: SHOP_PASSPHRASE) as s:
        assert s.get_case(ids[1]).case.buyer == buyer_case().buyer


def test_an_interrupted_move_picks_up_where_it_stopped(
    local: Path, backend: Backend, keys: MemoryKeyStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seller_app.store import transfer

    copy_case = transfer._Copier.copy_case

    def fail_on_second(self: Any, case_id: int, origin: str) -> int:
        if case_id == 2:
            raise StoreError("server_unreachable", where="x", detail="cable pulled")
        return copy_case(self, case_id, origin)

    with Store.open(local, keys) as mine, backend.open(keys, data_dir=local) as shared:
        monkeypatch.setattr(transfer._Copier, "copy_case", fail_on_second)
        with pytest.raises(StoreError):
            mine.migrate_to(shared)
        assert len(shared.list_cases()) == 1
        monkeypatch.setattr(transfer._Copier, "copy_case", copy_case)
        report = mine.migrate_to(shared)
        assert [a for a, _ in report.already] == [1] and [a for a, _ in report.copied] == [2]
        assert len(shared.list_cases()) == 2


def test_only_a_desk_store_moves_into_a_shared_one(
    local: Path, backend: Backend, keys: MemoryKeyStore, tmp_path: Path
) -> None:
    with Store.open(local, keys) as mine, Store.open(tmp_path / "another", keys) as another:
        with pytest.raises(StoreError) as caught:
            mine.migrate_to(another)
        assert caught.value.code == "migrate_needs_server"
    with backend.open(keys, data_dir=local) as shared, pytest.raises(StoreError):
        shared.migrate_to(shared)
