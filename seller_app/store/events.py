"""The follow-up events of stored cases: recorded, taken back, logged, and kept in step with the
claim status; and the question whether a tracking number already has a claim.

Recording an event (`record_event`) updates the case (its JSON, through
`seller_app.domain.events`, so the case-file rules apply), appends to the case's event log and
moves the status as `records.EVENT_STATUS` says -- all in one transaction. The other way round,
a status picked by hand (`Store.set_status`) records the event it stands for when the case has
none (`implied_event`), so the status and the events never disagree.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from decimal import Decimal

from ..domain.case import Case, ClaimChannel, case_from_json, case_to_json
from ..domain.errors import CaseError
from ..domain.events import CaseEvent, EventKind, clear_event, event_of, record_event
from ..domain.money import round_yuan
from . import codec
from .base import StoreBase, decimal, money, timestamp, when
from .db import Database
from .records import EVENT_STATUS, STATUS_EVENT, CaseStatus, LoggedEvent

log = logging.getLogger(__name__)

NOTE_AAD = b"event-note"


def pii_aad(case_id: int) -> bytes:
    return f"case-pii:{case_id}".encode()


def implied_event(
    case: Case, status: CaseStatus, now: datetime, amount: Decimal | None
) -> CaseEvent | None:
    """The event a hand-picked `status` stands for, at `now`, unless the case already records
    it (or, for an answer, any answer): None when nothing is to be recorded."""
    kind = STATUS_EVENT.get(status)
    if kind is None or event_of(case, kind) is not None:
        return None
    if kind is EventKind.REPLIED and any(
        item is not None for item in (case.courier_rejected_at, case.proposal, case.agreed_at)
    ):
        return None
    if kind is EventKind.PAID:
        return None if amount is None or amount <= 0 else CaseEvent(kind, now, amount=amount)
    return CaseEvent(kind, now)


class CaseEvents(StoreBase):
    # ------------------------------------------------------------------ plumbing

    def _read(self, conn: Database, case_id: int) -> tuple[CaseStatus, Case, str]:
        status = self._require_case(conn, case_id)
        case_json, pii, created = conn.execute(
            "SELECT case_json, pii, created_at FROM cases WHERE id = ?", (case_id,)
        ).fetchone()
        personal = self._cipher.open_json(bytes(pii), pii_aad(case_id)) if pii else {}
        data = codec.merge_pii(json.loads(case_json), personal)
        return status, case_from_json(data, when(created)), created

    def _write(self, conn: Database, case_id: int, case: Case, stamp: str) -> None:
        public, pii = codec.split_pii(case_to_json(case))
        conn.execute(
            "UPDATE cases SET case_json = ?, pii = ?, updated_at = ? WHERE id = ?",
            (
                json.dumps(public, ensure_ascii=False),
                self._cipher.seal_json(pii, pii_aad(case_id)),
                stamp,
                case_id,
            ),
        )  # the row version moves once per change, in the public method (`_touch`)

    def _log(
        self,
        conn: Database,
        case_id: int,
        kind: EventKind,
        action: str,
        event: CaseEvent | None,
        stamp: str,
        note: str,
    ) -> None:
        data: dict[str, str] = {}
        if event is not None:
            if event.amount is not None:
                data["amount"] = str(event.amount)
            if event.channel is not None:
                data["channel"] = event.channel.value
            if event.ticket is not None:
                data["ticket"] = event.ticket
        conn.execute(
            "INSERT INTO case_events (case_id, kind, action, at, data, recorded_at, note, desk)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                case_id,
                kind.value,
                action,
                event.at.isoformat() if event is not None else None,
                json.dumps(data, ensure_ascii=False),
                stamp,
                self._cipher.seal_text(note, NOTE_AAD) if note else None,
                self.desk.id,
            ),
        )

    def _move(
        self,
        conn: Database,
        case_id: int,
        old: CaseStatus,
        new: CaseStatus,
        stamp: str,
        note: str,
    ) -> CaseStatus:
        if new is old:
            return old
        conn.execute(
            "UPDATE cases SET status = ?, updated_at = ? WHERE id = ?", (new.value, stamp, case_id)
        )
        sealed = self._cipher.seal_text(note, b"status-note") if note else None
        conn.execute(
            "INSERT INTO status_history (case_id, status, at, note, desk) VALUES (?, ?, ?, ?, ?)",
            (case_id, new.value, stamp, sealed, self.desk.id),
        )
        return new

    def _follow_event(
        self,
        conn: Database,
        case_id: int,
        status: CaseStatus,
        case: Case,
        kind: EventKind,
        stamp: str,
        note: str,
    ) -> CaseStatus:
        """Move the status as the recorded `kind` says (`records.EVENT_STATUS`)."""
        if status is CaseStatus.DRAFT and case.claim_at is not None and kind is not EventKind.FILED:
            status = self._move(conn, case_id, status, CaseStatus.FILED, stamp, "")
        rule = EVENT_STATUS.get(kind)
        if rule is not None and status in rule[0]:
            status = self._move(conn, case_id, status, rule[1], stamp, note)
        if kind is EventKind.PAID and case.paid is not None:
            conn.execute(
                "UPDATE cases SET amount_recovered = ? WHERE id = ?",
                (money(round_yuan(case.paid.amount), "amount_recovered"), case_id),
            )
        return status

    # ------------------------------------------------------------------ public

    def record_event(
        self,
        case_id: int,
        event: CaseEvent,
        now: datetime,
        *,
        note: str = "",
        expected_version: int | None = None,
    ) -> CaseStatus:
        """Record `event` on case `case_id` (correcting an earlier record of the same kind);
        return the status it leaves the case in. `CaseError` when the event does not fit the
        case (in the future, before the claim, an attribute the kind does not take);
        `ConcurrentEditError` when another desk changed the case since `expected_version`
        (by default: since this store last read it)."""
        stamp = timestamp(now)
        with self._tx() as conn:
            self._lock_case(conn, case_id, expected_version)
            status, case, _ = self._read(conn, case_id)
            updated = record_event(case, event, now)
            self._write(conn, case_id, updated, stamp)
            recorded = event_of(updated, event.kind)
            self._log(conn, case_id, event.kind, "recorded", recorded, stamp, note)
            status = self._follow_event(conn, case_id, status, updated, event.kind, stamp, note)
            self._touch(conn, case_id, stamp)
            return status

    def clear_event(
        self,
        case_id: int,
        kind: EventKind,
        now: datetime,
        *,
        note: str = "",
        expected_version: int | None = None,
    ) -> None:
        """Take back the `kind` event (a mistake); the status stays where it is. `CaseError`
        when a later event depends on it; `ConcurrentEditError` as for `record_event`."""
        stamp = timestamp(now)
        with self._tx() as conn:
            self._lock_case(conn, case_id, expected_version)
            _, case, _ = self._read(conn, case_id)
            if event_of(case, kind) is None:
                return
            self._write(conn, case_id, clear_event(case, kind, now), stamp)
            self._log(conn, case_id, kind, "cleared", None, stamp, note)
            self._touch(conn, case_id, stamp)

    def record_implied_event(
        self,
        conn: Database,
        case_id: int,
        status: CaseStatus,
        now: datetime,
        amount: Decimal | None,
        note: str,
    ) -> None:
        """After a hand-picked status change: record the event it stands for (see
        `implied_event`) when it fits the case; otherwise leave the case as it is."""
        _, case, _ = self._read(conn, case_id)
        event = implied_event(case, status, now, amount)
        if event is None:
            return
        try:
            updated = record_event(case, event, now)
        except CaseError as error:
            log.info("case %s: status %s recorded without its event: %s", case_id, status, error)
            return
        stamp = timestamp(now)
        self._write(conn, case_id, updated, stamp)
        self._log(conn, case_id, event.kind, "recorded", event_of(updated, event.kind), stamp, note)

    def event_log(self, case_id: int) -> list[LoggedEvent]:
        """Every event recorded on the case, and every one taken back, in the order entered."""
        with self._lock:
            self._require_case(self._conn, case_id)
        rows = self._query(
            "SELECT id, kind, action, at, data, recorded_at, note, desk FROM case_events"
            " WHERE case_id = ? ORDER BY id",
            (case_id,),
        )
        entries = []
        for entry_id, kind, action, at, data, recorded, note, desk in rows:
            extra = json.loads(data or "{}")
            entries.append(
                LoggedEvent(
                    id=entry_id,
                    case_id=case_id,
                    kind=EventKind(kind),
                    action=action,
                    at=when(at) if at else None,
                    amount=decimal(extra.get("amount")),
                    channel=ClaimChannel(extra["channel"]) if "channel" in extra else None,
                    ticket=extra.get("ticket"),
                    recorded_at=when(recorded),
                    note=self._cipher.open_text(bytes(note), NOTE_AAD) if note else "",
                    desk=self._desk_names_of(desk),
                )
            )
        return entries

    def _desk_names_of(self, desk_id: str | None) -> str | None:
        with self._lock:
            return self._desk_name(self._conn, desk_id)


__all__ = ["CaseEvents", "implied_event", "pii_aad"]
