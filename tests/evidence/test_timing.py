"""Timing warnings: no capture time, taken before posting, taken long after signing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from seller_app.domain.case import SHANGHAI, PhotoKind
from seller_app.evidence.checks import load_rules, timing_notes
from tests.conftest import make_case

RULES = load_rules()
POSTED = datetime(2026, 11, 11, 18, 20, tzinfo=SHANGHAI)  # conftest BASE_CASE posted_at
SIGNED = datetime(2026, 11, 13, 15, 0, tzinfo=SHANGHAI)


def case_with(perishable: bool, signed: bool = True) -> object:
    extra: dict[str, object] = {"goods": {"description": "大闸蟹", "perishable": perishable}}
    if signed:
        extra["signer"] = {"who": "buyer", "inspected": False, "signed_at": SIGNED.isoformat()}
    return make_case(**extra)


H = timedelta(hours=1)

# (captured, perishable, kind, expected codes)
ROWS = [
    (None, False, PhotoKind.DAMAGED_ITEM, ["no_capture_time"]),
    (None, False, PhotoKind.CHAT_RECORD, []),  # screenshots carry no camera time
    (POSTED - H, False, PhotoKind.CONTENTS_OVERVIEW, ["captured_before_posting"]),
    (POSTED + H, False, PhotoKind.OUTER_PACKAGE, []),
    (SIGNED + 1.5 * H, True, PhotoKind.DAMAGED_ITEM, []),
    (SIGNED + 2 * H, True, PhotoKind.DAMAGED_ITEM, []),  # exactly 2 h: still in time
    (SIGNED + 2.5 * H, True, PhotoKind.DAMAGED_ITEM, ["captured_late_fresh"]),  # seed 001
    (SIGNED + 2.5 * H, False, PhotoKind.DAMAGED_ITEM, []),
    (SIGNED + 73 * H, False, PhotoKind.DAMAGED_ITEM, ["captured_late"]),
    (SIGNED + 73 * H, False, PhotoKind.CHAT_RECORD, []),
]


@pytest.mark.parametrize(("captured", "perishable", "kind", "expected"), ROWS)
def test_timing_warnings(
    captured: datetime | None, perishable: bool, kind: PhotoKind, expected: list[str]
) -> None:
    notes = timing_notes(captured, kind, case_with(perishable), RULES)  # type: ignore[arg-type]
    assert [note.code for note in notes] == expected


def test_late_fresh_warning_names_the_times() -> None:
    [note] = timing_notes(SIGNED + 3 * H, PhotoKind.DAMAGED_ITEM, case_with(True), RULES)  # type: ignore[arg-type]
    assert note.params == {
        "captured": "2026-11-13 18:00",
        "signed": "2026-11-13 15:00",
        "hours": 3.0,
        "limit": "2",
    }


def test_capture_time_in_another_zone_is_compared_as_an_instant() -> None:

    utc_time = (SIGNED + 1 * H).astimezone(UTC)
    assert timing_notes(utc_time, PhotoKind.DAMAGED_ITEM, case_with(True), RULES) == []  # type: ignore[arg-type]


def test_without_signing_time_only_posting_is_checked() -> None:
    case = case_with(True, signed=False)
    assert timing_notes(SIGNED + 50 * H, PhotoKind.DAMAGED_ITEM, case, RULES) == []  # type: ignore[arg-type]
    assert timing_notes(None, PhotoKind.DAMAGED_ITEM, None, RULES)[0].code == "no_capture_time"
