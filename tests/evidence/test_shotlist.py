"""Shot lists per incident: completeness score and what is missing."""

from __future__ import annotations

import pytest

from seller_app.domain.case import Incident, PhotoKind
from seller_app.evidence.shotlist import score, shot_lists

K = PhotoKind
DAMAGE_ALL = [K.OUTER_PACKAGE, K.WAYBILL_LABEL, K.DAMAGED_ITEM, K.INNER_PACKING]

ROWS = [
    (Incident.DAMAGE, [], 0.0, DAMAGE_ALL),
    (Incident.DAMAGE, [K.OUTER_PACKAGE, K.WAYBILL_LABEL], 0.5, [K.DAMAGED_ITEM, K.INNER_PACKING]),
    (
        Incident.DAMAGE,
        [K.DAMAGED_ITEM, K.DAMAGED_ITEM, K.CHAT_RECORD],
        0.25,
        [K.OUTER_PACKAGE, K.WAYBILL_LABEL, K.INNER_PACKING],
    ),
    (Incident.DAMAGE, [*DAMAGE_ALL, K.OTHER], 1.0, []),
    (Incident.LOSS, [K.WAYBILL_LABEL], 0.5, [K.CONTENTS_OVERVIEW]),
    (Incident.DELAY, [K.WAYBILL_LABEL], 0.5, [K.TRACKING_SCREENSHOT]),
    (Incident.DELAY, [K.TRACKING_SCREENSHOT, K.WAYBILL_LABEL], 1.0, []),
    (
        Incident.MISMATCH,
        [K.WEIGHT_SCALE, K.CONTENTS_OVERVIEW, K.OUTER_PACKAGE],
        0.75,
        [K.WAYBILL_LABEL],
    ),
]


@pytest.mark.parametrize(("incident", "kinds", "expected", "missing"), ROWS)
def test_score(
    incident: Incident, kinds: list[PhotoKind], expected: float, missing: list[PhotoKind]
) -> None:
    result = score(incident, kinds)
    assert result.score == pytest.approx(expected)
    assert list(result.missing) == missing
    assert set(result.missing) <= set(result.required)


def test_every_incident_has_a_shot_list_with_required_photos() -> None:
    lists = shot_lists()
    assert set(lists) == set(Incident)
    for shot_list in lists.values():
        assert shot_list.required
        assert not set(shot_list.required) & set(shot_list.recommended)
