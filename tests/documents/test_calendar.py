"""The .ics export, read back by icalendar and by an independent parser (vobject)."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
import vobject

from seller_app.documents.calendar import event_uid, ics_bytes, write_ics
from seller_app.domain.case import SHANGHAI, Case
from seller_app.domain.catalog import Catalog
from seller_app.domain.schedule import (
    Deadline,
    build_schedule,
    deadline_title,
    settled_deadlines,
)
from seller_app.domain.workdays import ChinaCalendar
from tests.conftest import make_case

STAMP = datetime(2026, 11, 21, 2, 0, tzinfo=UTC)


def full_case(**overrides: object) -> Case:
    fields: dict[str, object] = {
        "order_id": "3912345678901234567",
        "complaint_at": "2026-11-20T10:00:00",
        "buyer_requested_at": "2026-11-12T10:00:00",
        "platform_escalated_at": "2026-12-20T10:00:00",
    }
    fields.update(overrides)
    return make_case(**fields)


def schedule(case: Case) -> tuple[Deadline, ...]:
    return build_schedule(case, ChinaCalendar())


def vevents(data: bytes) -> list[vobject.base.Component]:
    calendar = vobject.readOne(data.decode("utf-8"))
    return list(calendar.vevent_list)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_vobject_reads_one_event_per_deadline_with_its_alarms(catalog: Catalog, lang: str) -> None:
    case = full_case()
    deadlines = schedule(case)
    events = vevents(ics_bytes(case, deadlines, catalog.texts, lang, stamp=STAMP))
    assert len(events) == len(deadlines) == 8
    for event, deadline in zip(events, deadlines, strict=True):
        start = event.dtstart.value
        assert start == deadline.due
        assert start.utcoffset() == timedelta(hours=8)
        assert vobject.icalendar.TimezoneComponent.pickTzid(start.tzinfo) == "Asia/Shanghai"
        assert event.uid.value == event_uid(case, deadline.kind)
        summary = event.summary.value
        assert "SF1234567890123" in summary
        assert deadline_title(deadline, catalog.texts, lang) in summary
        alarms = event.valarm_list
        assert len(alarms) == len(deadline.reminders) >= 2
        for alarm, reminder in zip(alarms, deadline.reminders, strict=True):
            assert alarm.action.value == "DISPLAY"
            assert start + alarm.trigger.value == reminder


def test_the_file_declares_the_shanghai_time_zone(catalog: Catalog) -> None:
    case = full_case()
    text = ics_bytes(case, schedule(case), catalog.texts, "zh", stamp=STAMP).decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert "BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n" in text
    assert "DTSTART;TZID=Asia/Shanghai:20261117T100000\r\n" in text
    assert "VERSION:2.0\r\n" in text and "PRODID:" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_icalendar_round_trip_keeps_every_field(catalog: Catalog) -> None:
    case = full_case(
        claim_at="2026-09-24T10:00:00",
        complaint_at="2026-09-26T10:00:00",
        posted_at="2026-09-20T10:00:00",
    )
    deadlines = schedule(case)
    parsed = icalendar.Calendar.from_ical(
        ics_bytes(case, deadlines, catalog.texts, "en", stamp=STAMP)
    )
    events = list(parsed.walk("VEVENT"))
    assert [e.decoded("dtstart") for e in events] == [d.due for d in deadlines]
    complaint = next(e for e in events if "courier_complaint" in str(e["uid"]))
    description = str(complaint["description"])
    assert "2026-10-08 10:00" in description  # the art. 203 roll-over
    assert "Interim Regulations on Express art. 29" in description  # 2025 numbering
    assert "3912345678901234567" in description
    assert complaint.decoded("dtstamp") == STAMP
    ruling = next(e for e in events if "platform_ruling" in str(e["uid"]))
    assert "2027" in str(ruling["description"])  # the fallback warning travels along


def uids(case: Case, catalog: Catalog, stamp: datetime = STAMP) -> list[str]:
    data = ics_bytes(case, schedule(case), catalog.texts, "zh", stamp=stamp)
    return [event.uid.value for event in vevents(data)]


def test_uids_are_unique_and_stable_across_exports(catalog: Catalog) -> None:
    first = uids(full_case(), catalog)
    assert len(set(first)) == len(first)
    later = uids(
        full_case(claim_at="2026-11-18T15:00:00"), catalog, stamp=STAMP + timedelta(days=3)
    )
    assert sorted(later) == sorted(first)  # new dates, same events: calendar apps update them


@pytest.mark.parametrize(
    "change",
    [
        {"order_id": "3912345678901234568"},
        {"tracking_numbers": ["SF1234567890124"]},
    ],
)
def test_uids_differ_between_cases(catalog: Catalog, change: dict[str, object]) -> None:
    assert not set(uids(full_case(), catalog)) & set(uids(full_case(**change), catalog))


def test_uid_ignores_later_tracking_numbers(catalog: Catalog) -> None:
    more = full_case(tracking_numbers=["SF1234567890123", "SF9999999999999"])
    assert uids(more, catalog) == uids(full_case(), catalog)


def test_write_ics_writes_the_file(tmp_path: Path, catalog: Catalog) -> None:
    case = full_case()
    target = write_ics(
        case, schedule(case), catalog.texts, "zh", tmp_path / "跟进.ics", stamp=STAMP
    )
    assert target.read_bytes() == ics_bytes(case, schedule(case), catalog.texts, "zh", stamp=STAMP)
    assert [p.name for p in tmp_path.iterdir()] == ["跟进.ics"]
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o644


def test_write_ics_replaces_an_earlier_export_keeping_its_mode(
    tmp_path: Path, catalog: Catalog
) -> None:
    target = tmp_path / "case.ics"
    target.write_bytes(b"old calendar")
    target.chmod(0o600)
    case = full_case()
    write_ics(case, schedule(case), catalog.texts, "zh", target, stamp=STAMP)
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600


def test_a_failed_write_keeps_the_old_file(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "case.ics"
    target.write_bytes(b"old calendar")

    def refuse(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    case = full_case()
    with pytest.raises(OSError, match="No space"):
        write_ics(case, schedule(case), catalog.texts, "zh", target)
    assert target.read_bytes() == b"old calendar"
    assert [p.name for p in tmp_path.iterdir()] == ["case.ics"]


def test_reminder_times_are_shanghai_wall_clock(catalog: Catalog) -> None:
    case = full_case()
    event = vevents(ics_bytes(case, schedule(case), catalog.texts, "zh", stamp=STAMP))[0]
    fire = [(event.dtstart.value + a.trigger.value).astimezone(SHANGHAI) for a in event.valarm_list]
    assert [moment.hour for moment in fire] == [9, 9]


# ---------------------------------------------------------------- the case moves on (issue 13)


def test_met_deadlines_are_exported_cancelled_under_their_uids(catalog: Catalog) -> None:
    """Recording the courier's answer: the earlier export's courier_reply event is cancelled
    (same UID, later SEQUENCE), the rest are updated in place."""
    before = make_case(order_id="3912345678901234567")
    after = make_case(order_id="3912345678901234567", courier_replied_at="2026-11-16T18:00")
    first = icalendar.Calendar.from_ical(
        ics_bytes(before, schedule(before), catalog.texts, "zh", stamp=STAMP)
    )
    settled = settled_deadlines(after, ChinaCalendar())
    second = icalendar.Calendar.from_ical(
        ics_bytes(after, schedule(after), catalog.texts, "zh", stamp=STAMP, settled=settled)
    )
    old = {str(e["uid"]): e for e in first.walk("VEVENT")}
    new = {str(e["uid"]): e for e in second.walk("VEVENT")}
    assert set(new) == set(old)
    reply = new[event_uid(after, "courier_reply")]
    assert str(reply["status"]) == "CANCELLED" and not reply.walk("VALARM")
    assert "已完成" in str(reply["summary"])
    assert all(int(e["sequence"]) > int(old[uid]["sequence"]) for uid, e in new.items())
    proposal = new[event_uid(after, "courier_proposal")]
    assert "STATUS" not in proposal  # still open, now counted from the real answer
    assert proposal.decoded("dtstart") != old[event_uid(after, "courier_proposal")].decoded(
        "dtstart"
    )


def test_sending_the_claim_keeps_its_calendar_event(catalog: Catalog) -> None:
    """Before: the task to send the claim; after: the claim period's last day -- one event,
    retitled, so a calendar does not keep a stale "send the claim" entry."""
    unsent = make_case(claim_at=None)
    sent = make_case()
    (task,) = schedule(unsent)
    assert task.kind == "file_claim"
    assert event_uid(unsent, "file_claim") == event_uid(sent, "claim_deadline")
    data = ics_bytes(sent, schedule(sent), catalog.texts, "zh", stamp=STAMP)
    events = {e.uid.value: e for e in vevents(data)}
    assert event_uid(sent, "claim_deadline") in events
    assert len(events) == len(schedule(sent))
