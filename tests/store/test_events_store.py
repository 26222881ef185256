"""Follow-up events in the store: recorded with their status, logged, in step with hand-picked
statuses; the v3 -> v4 migration; a second claim on a tracking number is found."""

from __future__ import annotations

import json
import secrets
import sqlite3
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from seller_app.credentials import MemoryKeyStore
from seller_app.domain.case import ClaimChannel, case_to_json
from seller_app.domain.errors import CaseError
from seller_app.domain.events import CaseEvent, EventKind
from seller_app.domain.schedule import build_schedule
from seller_app.store import CaseStatus, Store, schema
from seller_app.store.codec import split_pii
from seller_app.store.crypto import Cipher
from seller_app.store.store import key_name
from tests.conftest import NOW, make_case

from .conftest import Backend, buyer_case

V3 = Path(__file__).parent / "fixtures" / "schema_v3.sql"
DAY = timedelta(days=1)


def unsent(store: Store) -> int:
    return store.add_case(buyer_case(claim_at=None), NOW - 5 * DAY)


def test_filing_moves_a_draft_to_filed_and_the_schedule_with_it(store: Store) -> None:
    case_id = unsent(store)
    assert [d.kind for d in build_schedule(store.get_case(case_id).case)] == ["file_claim"]
    sent = NOW - 4 * DAY
    event = CaseEvent(EventKind.FILED, sent, channel=ClaimChannel.WEBSITE, ticket="SF-88")
    status = store.record_event(case_id, event, NOW - 4 * DAY, note="官网提交")
    assert status is CaseStatus.FILED
    record = store.get_case(case_id)
    assert record.status is CaseStatus.FILED
    assert (record.case.claim_at, record.case.channel, record.case.ticket) == (
        sent,
        ClaimChannel.WEBSITE,
        "SF-88",
    )
    kinds = [d.kind for d in build_schedule(record.case)]
    assert kinds[0] == "courier_reply" and "file_claim" not in kinds
    assert build_schedule(record.case)[0].due == sent + DAY
    (logged,) = store.event_log(case_id)
    assert (logged.kind, logged.action, logged.at, logged.ticket, logged.note) == (
        EventKind.FILED,
        "recorded",
        sent,
        "SF-88",
        "官网提交",
    )
    assert [c.status.value for c in store.status_history(case_id)] == ["draft", "filed"]
    assert store.status_history(case_id)[-1].note == "官网提交"


@pytest.mark.parametrize(
    ("events", "status"),
    [
        ([(EventKind.REPLIED, None)], "answered"),
        ([(EventKind.PROPOSAL, "10")], "answered"),
        ([(EventKind.REJECTED, None)], "rejected"),
        ([(EventKind.REJECTED, None), (EventKind.PROPOSAL, "20")], "answered"),
        ([(EventKind.PROPOSAL, "10"), (EventKind.COMPLAINED, None)], "escalated"),
        ([(EventKind.COMPLAINED, None)], "escalated"),  # no answer within 24 h
        ([(EventKind.AGREED, None), (EventKind.COMPLAINED, None)], "escalated"),  # not paid
        ([(EventKind.COMPLAINED, None), (EventKind.AGREED, None)], "agreed"),
        ([(EventKind.AGREED, None), (EventKind.PAID, "28.80")], "paid"),
        ([(EventKind.PAID, "28.80")], "paid"),
        ([(EventKind.PAID, "28.80"), (EventKind.COMPLAINED, None)], "paid"),  # never backwards
        ([(EventKind.BUYER_REQUESTED, None)], "filed"),  # the buyer side leaves it alone
    ],
)
def test_each_event_leaves_the_status_it_implies(
    store: Store, events: list[tuple[EventKind, str | None]], status: str
) -> None:
    case_id = unsent(store)
    at = NOW - 4 * DAY
    store.record_event(case_id, CaseEvent(EventKind.FILED, at), at)
    for kind, amount in events:
        at += timedelta(hours=6)
        money = Decimal(amount) if amount else None
        store.record_event(case_id, CaseEvent(kind, at, amount=money), NOW)
    assert store.get_case(case_id).status.value == status


def test_payment_sets_the_amount_recovered(store: Store) -> None:
    case_id = unsent(store)
    store.record_event(case_id, CaseEvent(EventKind.FILED, NOW - DAY), NOW)
    store.record_event(case_id, CaseEvent(EventKind.PAID, NOW, amount=Decimal("36.10")), NOW)
    assert store.get_case(case_id).amount_recovered == Decimal("36.10")


def test_a_courier_event_on_an_imported_case_with_a_claim_date_files_it_first(
    store: Store,
) -> None:
    case_id = store.add_case(buyer_case(), NOW)  # a case file that says it was sent
    assert store.get_case(case_id).status is CaseStatus.DRAFT
    store.record_event(case_id, CaseEvent(EventKind.REPLIED, NOW), NOW)
    history = [c.status.value for c in store.status_history(case_id)]
    assert history == ["draft", "filed", "answered"]


@pytest.mark.parametrize(
    ("event", "field", "code"),
    [
        (CaseEvent(EventKind.REPLIED, NOW), "courier_replied_at", "needs_claim_at"),
        (CaseEvent(EventKind.FILED, NOW + DAY), "claim_at", "in_future"),
        (CaseEvent(EventKind.PROPOSAL, NOW), "proposal.amount", "required"),
        (CaseEvent(EventKind.REPLIED, NOW, amount=Decimal(1)), "amount", "not_for_event"),
        (
            CaseEvent(EventKind.REPLIED, NOW, channel=ClaimChannel.OUTLET),
            "channel",
            "not_for_event",
        ),
        (CaseEvent(EventKind.FILED, NOW - 20 * DAY), "claim_at", "claim_before_posting"),
    ],
)
def test_an_event_that_does_not_fit_changes_nothing(
    store: Store, event: CaseEvent, field: str, code: str
) -> None:
    case_id = unsent(store)
    before = store.get_case(case_id)
    with pytest.raises(CaseError) as error:
        store.record_event(case_id, event, NOW)
    assert (error.value.field, error.value.code) == (field, code)
    assert store.get_case(case_id) == before
    assert store.event_log(case_id) == []


def test_clearing_an_event_keeps_the_log_and_refuses_to_orphan_later_ones(store: Store) -> None:
    case_id = unsent(store)
    store.record_event(case_id, CaseEvent(EventKind.FILED, NOW - DAY), NOW)
    store.record_event(case_id, CaseEvent(EventKind.REPLIED, NOW), NOW)
    with pytest.raises(CaseError) as error:
        store.clear_event(case_id, EventKind.FILED, NOW)
    assert error.value.field == "courier_replied_at"
    store.clear_event(case_id, EventKind.REPLIED, NOW, note="记错了")
    assert store.get_case(case_id).case.courier_replied_at is None
    assert [(e.kind.value, e.action) for e in store.event_log(case_id)] == [
        ("filed", "recorded"),
        ("replied", "recorded"),
        ("replied", "cleared"),
    ]
    assert store.event_log(case_id)[-1].note == "记错了"


def test_event_notes_are_sealed(store: Store, backend: Backend) -> None:
    case_id = unsent(store)
    store.record_event(case_id, CaseEvent(EventKind.FILED, NOW), NOW, note="客服小王说三天内回复")
    if not backend.shared:
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = backend.raw()
    assert raw and "客服小王".encode() not in raw


@pytest.mark.parametrize(
    ("status", "key"),
    [
        ("filed", "claim_at"),
        ("answered", "courier_replied_at"),
        ("rejected", "courier_rejected_at"),
        ("agreed", "agreed_at"),
        ("escalated", "complaint_at"),
    ],
)
def test_a_status_picked_by_hand_records_its_event(store: Store, status: str, key: str) -> None:
    case_id = unsent(store)
    path = {
        "filed": ["filed"],
        "answered": ["filed", "answered"],
        "rejected": ["filed", "rejected"],
        "agreed": ["filed", "agreed"],
        "escalated": ["filed", "rejected", "escalated"],
    }[status]
    for step, state in enumerate(path):
        store.set_status(case_id, state, NOW + step * timedelta(minutes=1))
    data = case_to_json(store.get_case(case_id).case)
    assert data[key] == (NOW + (len(path) - 1) * timedelta(minutes=1)).isoformat()


def test_paid_by_hand_records_the_payment_with_the_amount(store: Store) -> None:
    case_id = unsent(store)
    for state in ("filed", "agreed"):
        store.set_status(case_id, state, NOW)
    store.set_status(case_id, "paid", NOW, amount_recovered=Decimal("36.10"))
    paid = store.get_case(case_id).case.paid
    assert paid is not None and (paid.amount, paid.at) == (Decimal("36.10"), NOW)


def test_a_status_by_hand_keeps_a_recorded_event(store: Store) -> None:
    case_id = unsent(store)
    sent = NOW - 2 * DAY
    store.record_event(case_id, CaseEvent(EventKind.FILED, sent), sent)
    store.set_status(case_id, "answered", NOW)  # filed stays as recorded
    case = store.get_case(case_id).case
    assert case.claim_at == sent and case.courier_replied_at == NOW


def test_claims_for_tracking_finds_the_other_cases(store: Store) -> None:
    first = store.add_case(make_case(), NOW)
    second = store.add_case(make_case(tracking_numbers=["YT9876543210", "SF1234567890123"]), NOW)
    store.add_case(make_case(tracking_numbers=["JT0012345678901"]), NOW)
    found = store.claims_for_tracking(["sf 1234-5678-90123"])
    assert [s.id for s in found] == [first, second]
    assert [s.id for s in store.claims_for_tracking(["SF1234567890123"], exclude=first)] == [second]
    assert store.claims_for_tracking(["not a number!"]) == []


# --------------------------------------------------------------------------- v3 -> v4


def make_v3_store(data_dir: Path, keys: MemoryKeyStore) -> None:
    """A version-3 database: a draft the old wizard gave a claim date, a paid case, an
    escalated one, and one whose old claim date is later than its answer."""
    data_dir.mkdir(parents=True)
    key = secrets.token_bytes(32)
    keys.set(key_name("fixture"), key)
    cipher = Cipher(key)
    conn = sqlite3.connect(data_dir / schema.DB_NAME)
    conn.executescript(V3.read_text("utf-8"))
    stamp = NOW.isoformat()
    day = lambda n: (NOW + n * DAY).isoformat()  # noqa: E731
    cases = [
        (1, "draft", {}, None, [("draft", 0)]),
        (2, "paid", {}, "36.10", [("draft", 0), ("filed", 1), ("agreed", 3), ("paid", 5)]),
        (3, "escalated", {}, None, [("draft", 0), ("filed", 1), ("rejected", 2), ("escalated", 4)]),
        (4, "answered", {"courier_replied_at": day(-2)}, None, [("draft", 0), ("filed", 1)]),
    ]
    with conn:
        conn.execute(
            "INSERT INTO meta VALUES ('store_id', 'fixture'), ('key_check', ?)",
            (cipher.seal(b"seller-claims data key check", b"key-check").hex(),),
        )
        for case_id, status, extra, recovered, history in cases:
            data = case_to_json(buyer_case(claim_at=NOW.isoformat(), **extra))
            public, pii = split_pii(data)
            conn.execute(
                "INSERT INTO cases VALUES (?, ?, ?, ?, '28.80', ?, ?, ?, 'SF1234567890123')",
                (
                    case_id,
                    status,
                    json.dumps(public, ensure_ascii=False),
                    cipher.seal_json(pii, f"case-pii:{case_id}".encode()),
                    recovered,
                    stamp,
                    day(6),
                ),
            )
            for state, offset in history:
                conn.execute(
                    "INSERT INTO status_history (case_id, status, at, note) VALUES (?, ?, ?, NULL)",
                    (case_id, state, day(offset)),
                )
    conn.close()


def test_v3_database_migrates_to_the_follow_up_events(tmp_path: Path) -> None:
    data_dir, keys = tmp_path / "d", MemoryKeyStore()
    make_v3_store(data_dir, keys)
    with Store.open(data_dir, keys) as store:
        # 1: a draft was never sent: the claim date the wizard invented is gone
        draft = store.get_case(1).case
        assert draft.claim_at is None
        assert [d.kind for d in build_schedule(draft)] == ["file_claim"]
        assert store.event_log(1) == []
        # 2: paid: the agreement and the payment come from the status history
        paid = store.get_case(2).case
        assert paid.claim_at == NOW and paid.agreed_at == NOW + 3 * DAY
        assert paid.paid is not None and paid.paid.amount == Decimal("36.10")
        assert paid.paid.at == NOW + 5 * DAY
        assert [e.kind.value for e in store.event_log(2)] == ["filed", "agreed", "paid"]
        assert store.event_log(2)[1].recorded_at == NOW + 3 * DAY
        # 3: rejected, then escalated -> a complaint with its deadline
        escalated = store.get_case(3).case
        assert escalated.courier_rejected_at == NOW + 2 * DAY
        assert escalated.complaint_at == NOW + 4 * DAY
        assert "courier_complaint" in {d.kind for d in build_schedule(escalated)}
        # 4: the answer predates the old claim date (entered later): read as it was
        assert store.get_case(4).case.courier_replied_at == NOW - 2 * DAY
        # the buyer data is still there, and new events can be recorded
        assert store.get_case(2).case.buyer == buyer_case().buyer
        store.record_event(4, CaseEvent(EventKind.COMPLAINED, NOW + 6 * DAY), NOW + 6 * DAY)
    conn = sqlite3.connect(data_dir / schema.DB_NAME)
    assert schema.schema_version(conn) == schema.LATEST  # v4 events, then v5 sealed photo fields
    conn.close()
    (copy,) = Store.list_copies(data_dir)
    assert copy.name == "store-v3.sqlite3"
