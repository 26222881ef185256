"""Timing warnings: no capture time, taken before posting, taken long after signing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from seller_app.domain.case import SHANGHAI, PhotoKind
from seller_app.domain.timeline import Timeline
from seller_app.evidence.checks import claim_notes, load_rules, signing_time, timing_notes
from seller_app.evidence.messages import render
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
    # in the courier's hands: the photo cannot be of the delivered parcel
    (POSTED + H, False, PhotoKind.OUTER_PACKAGE, ["captured_before_signing"]),
    (SIGNED - H, False, PhotoKind.DAMAGED_ITEM, ["captured_before_signing"]),
    (SIGNED, False, PhotoKind.DAMAGED_ITEM, []),
    (POSTED + H, False, PhotoKind.TRACKING_SCREENSHOT, []),
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


# --------------------------------------------------------------------------- from a screenshot

SCREEN_SIGNED = datetime(2026, 11, 14, 9, 0, tzinfo=SHANGHAI)


def screenshot(signed: datetime | None, posted: datetime | None = None) -> Timeline:
    return Timeline(tracking_numbers=("SF1234567890123",), signed_at=signed, posted_at=posted)


# (captured, perishable, signed typed in the case?, expected codes): the screenshot's signing
# time (11-14 09:00) wins over the typed one (11-13 15:00) for every window
SCREEN_ROWS = [
    (SCREEN_SIGNED - H, False, True, ["captured_before_signing"]),
    (SCREEN_SIGNED + 1.5 * H, True, True, []),
    (SCREEN_SIGNED + 2.5 * H, True, True, ["captured_late_fresh"]),
    (SCREEN_SIGNED + 2.5 * H, True, False, ["captured_late_fresh"]),
    (SCREEN_SIGNED + 71 * H, False, True, []),
    (SCREEN_SIGNED + 73 * H, False, False, ["captured_late"]),
]


@pytest.mark.parametrize(("captured", "perishable", "typed", "expected"), SCREEN_ROWS)
def test_windows_measured_from_the_screenshot(
    captured: datetime, perishable: bool, typed: bool, expected: list[str]
) -> None:
    case = case_with(perishable, signed=typed)
    notes = timing_notes(captured, PhotoKind.DAMAGED_ITEM, case, RULES, screenshot(SCREEN_SIGNED))  # type: ignore[arg-type]
    assert [note.code for note in notes] == expected


def test_a_screenshot_without_signing_keeps_the_typed_time() -> None:
    case = case_with(False)
    assert signing_time(case, screenshot(None)) == SIGNED  # type: ignore[arg-type]
    assert signing_time(case, screenshot(SCREEN_SIGNED)) == SCREEN_SIGNED  # type: ignore[arg-type]
    assert signing_time(None, None) is None


# (posted on the screenshot, claim_at, expected)
CLAIM_ROWS = [
    (None, "2027-11-11T23:00:00", []),  # the case's posting 2026-11-11: last day of the year
    (None, "2027-11-12T09:00:00", ["claim_after_a_year"]),
    (datetime(2026, 11, 9, 8, 0, tzinfo=SHANGHAI), "2027-11-10T09:00:00", ["claim_after_a_year"]),
    (datetime(2026, 11, 9, 8, 0, tzinfo=SHANGHAI), "2027-11-09T20:00:00", []),
]


@pytest.mark.parametrize(("posted", "claim_at", "expected"), CLAIM_ROWS)
def test_claims_outside_the_year(
    posted: datetime | None, claim_at: str, expected: list[str]
) -> None:
    case = make_case(claim_at=claim_at)
    notes = claim_notes(case, screenshot(None, posted))
    assert [note.code for note in notes] == expected
    for note in notes:
        assert render(note, "zh").startswith("索赔时间") and "A.4" in render(note, "zh")
