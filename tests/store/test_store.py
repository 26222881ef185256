"""Cases, status history, amounts, drafts, photos, documents and notes round-trip."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from seller_app.credentials import MemoryKeyStore
from seller_app.domain.case import PhotoKind
from seller_app.store import (
    TRANSITIONS,
    BadTransitionError,
    CaseStatus,
    ConcurrentEditError,
    KeyProblemError,
    NotFoundError,
    Store,
    StoreError,
)
from tests.conftest import NOW, make_case

from .conftest import Backend, buyer_case


def test_case_round_trips_with_buyer_data(store: Store) -> None:
    case = buyer_case()
    case_id = store.add_case(case, NOW, amount_claimed=Decimal("300.00"))
    record = store.get_case(case_id)
    assert record.case == case
    assert record.status is CaseStatus.DRAFT
    assert record.amount_claimed == Decimal("300.00")
    assert str(record.amount_claimed) == "300.00"
    assert record.created_at == NOW


def test_cases_survive_reopening(backend: Backend, keys: MemoryKeyStore) -> None:
    with backend.open(keys) as store:
        case_id = store.add_case(buyer_case(), NOW)
    with backend.open(keys) as store:
        assert store.get_case(case_id).case == buyer_case()


def test_update_and_list(store: Store) -> None:
    first = store.add_case(make_case(), NOW)
    second = store.add_case(make_case(tracking_numbers=["YT9876543210"]), NOW)
    store.update_case(first, make_case(goods_value="250"), NOW + timedelta(hours=1))
    assert store.get_case(first).case.goods_value == Decimal("250")
    assert [s.id for s in store.list_cases()] == [first, second]
    assert [s.id for s in store.list_cases(tracking="yt9876543210")] == [second]
    store.set_status(second, CaseStatus.FILED, NOW)
    assert [s.id for s in store.list_cases(status=CaseStatus.FILED)] == [second]


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        (["filed", "answered", "agreed", "paid", "closed"], True),
        (["filed", "rejected", "escalated", "agreed", "paid"], True),
        (["filed", "agreed"], True),
        (["closed"], True),
        (["paid"], False),
        (["filed", "draft"], False),
        (["filed", "answered", "escalated"], False),
        (["closed", "filed"], False),
    ],
)
def test_status_transitions(store: Store, path: list[str], allowed: bool) -> None:
    case_id = store.add_case(make_case(), NOW)

    def walk() -> None:
        for step, status in enumerate(path, start=1):
            store.set_status(case_id, status, NOW + timedelta(days=step))

    if allowed:
        walk()
        history = store.status_history(case_id)
        assert [change.status.value for change in history] == ["draft", *path]
        assert [change.at for change in history] == [
            NOW + timedelta(days=n) for n in range(len(path) + 1)
        ]
    else:
        with pytest.raises(BadTransitionError) as error:
            walk()
        assert "不能从" in error.value.message("zh")
        assert "cannot go from" in error.value.message("en")


def test_every_status_is_in_the_transition_table() -> None:
    assert set(TRANSITIONS) == set(CaseStatus)


def test_paid_with_recovered_amount_and_note(store: Store) -> None:
    case_id = store.add_case(make_case(), NOW)
    for status in ("filed", "agreed"):
        store.set_status(case_id, status, NOW)
    store.set_status(case_id, "paid", NOW, note="支付宝到账", amount_recovered=Decimal("36.10"))
    assert store.get_case(case_id).amount_recovered == Decimal("36.10")
    assert store.status_history(case_id)[-1].note == "支付宝到账"
    store.set_amounts(case_id, NOW, claimed=Decimal("0.1") + Decimal("0.2"))
    assert store.get_case(case_id).amount_claimed == Decimal("0.3")


def test_unknown_ids_raise_not_found(store: Store) -> None:
    for call in (
        lambda: store.get_case(99),
        lambda: store.set_status(99, "filed", NOW),
        lambda: store.load_draft(5),
        lambda: store.read_document(1),
        lambda: store.add_note(42, "x", NOW),
    ):
        with pytest.raises(NotFoundError):
            call()


def test_draft_resumes_exactly_and_is_replaced_by_its_case(store: Store) -> None:
    data = {
        "tracking_numbers": ["SF1234567890123"],
        "goods_value": Decimal("300.10"),
        "posted_at": datetime(2026, 11, 11, 18, 20, tzinfo=NOW.tzinfo),
        "buyer": {"name": "张三丰", "phone": "138"},
        "photos": [],
        "flag": True,
        "page_notes": None,
    }
    draft_id = store.save_draft({"tracking_numbers": []}, 0, NOW)
    for page in range(1, 4):  # saved on every change
        assert store.save_draft(data, page, NOW + timedelta(minutes=page), draft_id) == draft_id
    draft = store.load_draft(draft_id)
    assert draft.data == data
    assert draft.page == 3
    assert draft.updated_at == NOW + timedelta(minutes=3)
    assert [d.id for d in store.list_drafts()] == [draft_id]
    store.add_case(make_case(), NOW, draft_id=draft_id)
    assert store.list_drafts() == []


def test_photos_and_documents(store: Store, tmp_path: Path) -> None:
    case_id = store.add_case(make_case(), NOW)
    original = tmp_path / "IMG_0001.HEIC"
    original.write_bytes(b"original bytes" * 100)
    prepared = tmp_path / "prepared.jpg"
    prepared.write_bytes(b"\xff\xd8prepared")
    photo = store.add_photo(
        case_id, original, NOW, kind=PhotoKind.WAYBILL_LABEL, caption="面单", prepared=prepared
    )
    again = store.add_photo(case_id, original, NOW)  # same bytes: one blob, two references
    assert photo.sha256 == again.sha256
    original.unlink()  # the seller deletes the phone photo; the store keeps it
    assert store.read_photo(photo.sha256) == b"original bytes" * 100
    assert photo.prepared_sha256 is not None
    assert store.read_photo(photo.prepared_sha256) == b"\xff\xd8prepared"
    assert [p.kind for p in store.photos(case_id)] == [PhotoKind.WAYBILL_LABEL, PhotoKind.OTHER]

    document = store.add_document(case_id, "claim_form", "索赔申告单.pdf", b"%PDF-1.7 ...", NOW)
    assert store.read_document(document.id) == b"%PDF-1.7 ..."
    assert store.documents(case_id) == [document]
    rendered = tmp_path / "deadlines.ics"
    rendered.write_bytes(b"BEGIN:VCALENDAR")
    calendar = store.add_document(case_id, "calendar", rendered.name, rendered, NOW)
    assert store.read_document(calendar.id) == b"BEGIN:VCALENDAR"
    store.add_note(case_id, "快递员说三天内回复", NOW)
    assert [n.text for n in store.notes(case_id)] == ["快递员说三天内回复"]


def test_tampered_blob_is_not_returned(store: Store, backend: Backend, tmp_path: Path) -> None:
    case_id = store.add_case(make_case(), NOW)
    source = tmp_path / "a.jpg"
    source.write_bytes(b"jpeg")
    photo = store.add_photo(case_id, source, NOW)
    backend.tamper_blob(photo.sha256)
    with pytest.raises(NotFoundError):
        store.read_photo(photo.sha256)


def test_missing_or_wrong_key_is_a_clear_error(backend: Backend, keys: MemoryKeyStore) -> None:
    with backend.open(keys) as store:
        store.add_case(buyer_case(), NOW)
    with pytest.raises(KeyProblemError) as missing:
        backend.open(MemoryKeyStore(), ask=None)
    if backend.shared:  # a desk without the shop's key needs the shop passphrase
        assert "店铺口令" in missing.value.message("zh")
        assert "shop passphrase" in missing.value.message("en")
    else:
        assert "钥匙串" in missing.value.message("zh")
    wrong = MemoryKeyStore()
    (name,) = keys.secrets
    wrong.set(name, b"\x00" * 32)
    if backend.shared:  # a wrong key in the keychain: unlocked again with the passphrase
        with backend.open(wrong) as store:
            assert store.get_case(1).case == buyer_case()
        assert wrong.secrets[name] == keys.secrets[name]
    else:
        with pytest.raises(KeyProblemError, match="does not match"):
            backend.open(wrong)


def test_naive_timestamps_are_refused(store: Store) -> None:
    with pytest.raises(ValueError):
        store.add_case(make_case(), datetime(2026, 11, 21, 10, 0))


def test_two_stores_on_one_data_dir_share_the_key(backend: Backend, keys: MemoryKeyStore) -> None:
    """The app and the CLI may have the store open at the same time (WAL, one key)."""
    with backend.open(keys) as first, backend.open(keys) as second:
        case_id = first.add_case(buyer_case(), NOW)
        assert second.get_case(case_id).case == buyer_case()
        second.set_status(case_id, "filed", NOW)
        assert first.get_case(case_id).status is CaseStatus.FILED
    assert len(keys.secrets) == 1


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        ("-5", "amount_negative"),
        ("-0.01", "amount_negative"),
        ("1E+999", "amount_too_large"),
        ("10000000000", "amount_too_large"),
        ("12.345", "amount_precision"),
        ("0.001", "amount_precision"),
    ],
)
def test_absurd_amounts_are_never_stored(store: Store, amount: str, code: str) -> None:
    case_id = store.add_case(make_case(), NOW, amount_claimed=Decimal("10"))
    attempts = (
        lambda: store.add_case(make_case(), NOW, amount_claimed=Decimal(amount)),
        lambda: store.set_amounts(case_id, NOW, claimed=Decimal(amount)),
        lambda: store.set_amounts(case_id, NOW, recovered=Decimal(amount)),
        lambda: store.set_status(case_id, "filed", NOW, amount_recovered=Decimal(amount)),
    )
    for attempt in attempts:
        with pytest.raises(StoreError) as error:
            attempt()
        assert error.value.code == code and amount in error.value.message("zh")
    assert [(s.id, s.status, s.amount_claimed) for s in store.list_cases()] == [
        (case_id, CaseStatus.DRAFT, Decimal("10"))
    ]
    assert store.get_case(case_id).amount_recovered is None


def test_amounts_at_the_limits_are_stored(store: Store) -> None:
    case_id = store.add_case(make_case(), NOW, amount_claimed=Decimal("9999999999.99"))
    store.set_amounts(case_id, NOW, recovered=Decimal("0"))
    record = store.get_case(case_id)
    assert (record.amount_claimed, record.amount_recovered) == (Decimal("9999999999.99"), 0)


def test_transition_error_names_statuses_in_the_users_language(store: Store) -> None:
    case_id = store.add_case(make_case(), NOW)
    with pytest.raises(BadTransitionError) as error:
        store.set_status(case_id, "paid", NOW)
    assert error.value.message("zh") == (
        f"案件 {case_id} 不能从“草稿”改为“已赔付”（可改为：已提交、已结案）。"
    )
    assert error.value.message("en") == (
        f"Case {case_id} cannot go from draft to paid (allowed: filed, closed)."
    )


def test_a_batch_commits_once_and_keeps_every_change_that_completed(
    backend: Backend, keys: MemoryKeyStore
) -> None:
    """`write_batch` (an import of many cases): one commit; each change inside it all or
    nothing on its own (a savepoint on either database); an interruption keeps what was done."""
    with backend.open(keys) as store, backend.open(keys) as other:
        with pytest.raises(KeyboardInterrupt), store.write_batch():
            first = store.add_case(make_case(), NOW)
            with pytest.raises(StoreError):  # refused on its own, the batch goes on
                store.add_case(make_case(), NOW, amount_claimed=Decimal("-1"))
            second = store.add_case(make_case(tracking_numbers=["YT9876543210"]), NOW)
            assert store.update_case(first, make_case(goods_value="250"), NOW) == 2
            with store.write_batch():  # a nested batch joins the outer one
                store.set_status(second, "filed", NOW)
            raise KeyboardInterrupt  # Ctrl-C: what was done is kept
        assert [s.id for s in other.list_cases()] == [first, second]
        assert other.get_case(first).case.goods_value == Decimal("250")
        assert other.get_case(second).status is CaseStatus.FILED
        store.update_case(first, make_case(goods_value="260"), NOW)  # versions known after it
        assert other.get_case(first).version == 3


def test_a_case_changed_twice_in_one_batch_is_not_its_own_conflict(
    backend: Backend, keys: MemoryKeyStore
) -> None:
    """A batch re-run updates a draft and then sets its amounts, in one batch: the second change
    starts from the version the first made; another desk's change is still refused."""
    with backend.open(keys) as store, backend.open(keys) as other:
        case_id = store.add_case(make_case(), NOW)
        store.get_case(case_id)
        with store.write_batch():
            assert store.update_case(case_id, make_case(goods_value="250"), NOW) == 2
            store.set_amounts(case_id, NOW, claimed=Decimal("250"))
            store.add_note(case_id, "导入", NOW)
        record = other.get_case(case_id)
        assert (record.amount_claimed, record.case.goods_value) == (Decimal("250"), Decimal("250"))
        other.update_case(case_id, make_case(goods_value="260"), NOW)  # another desk, later
        with pytest.raises(ConcurrentEditError), store.write_batch():
            store.set_amounts(case_id, NOW, claimed=Decimal("1"))
