"""The parser on OCR lines captured from probe pages (``bench/timeline_probe.py --dump``): pages
drawn independently of the reader's own test screens, by other couriers' and apps' layouts,
fonts and sizes, each a case the reader once got wrong. Every field and event is checked."""

from __future__ import annotations

import difflib
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from seller_app import paths
from seller_app.domain.case import SHANGHAI
from seller_app.domain.catalog import Catalog
from seller_app.domain.timeline import OcrLine, parse_page
from seller_app.domain.timeline_rules import TimelineRules

RULES = TimelineRules.load(paths.resources_dir())
CARRIERS = Catalog.load(paths.resources_dir()).carriers
REFERENCE = datetime(2026, 11, 21, 10, 0, tzinfo=SHANGHAI)  # the probe's "now"
PROBES = json.loads((Path(__file__).parent / "probe_lines.json").read_text(encoding="utf-8"))
_PUNCT = str.maketrans("：（），；【】！", ":(),;[]!")


def norm(text: str | None) -> str | None:
    """Text as compared: OCR drops spaces and reads some full-width punctuation half-width."""
    return None if text is None else re.sub(r"\s+", "", text).translate(_PUNCT)


@pytest.mark.parametrize("probe", PROBES, ids=[p["name"] for p in PROBES])
def test_every_field_of_a_probe_page(probe: dict[str, Any]) -> None:
    lines = [OcrLine(text, tuple(box), 1.0) for text, box in probe["lines"]]
    got = parse_page(lines, RULES, CARRIERS, REFERENCE).to_json()
    expected = probe["expected"]
    for key in ("tracking_numbers", "carrier", "posted_at", "signed_at"):
        assert got[key] == expected[key], key
    assert norm(got["signer"]) == norm(expected["signer"])
    assert norm(got["left_at_station"]) == norm(expected["left_at_station"])
    assert [(e["at"], e["kind"]) for e in got["events"]] == [
        (e["at"], e["kind"]) for e in expected["events"]
    ]
    for read, drawn in zip(got["events"], expected["events"], strict=True):
        # all of the event's words, give or take what OCR misread (a "】" alone on a line)
        alike = difflib.SequenceMatcher(None, norm(read["text"]), norm(drawn["text"])).ratio()
        assert alike >= 0.95, (read["text"], drawn["text"])
