"""Shared fixtures: the real catalog from resources/, a fixed clock and a case-dict builder."""

from __future__ import annotations

import copy
import os
from datetime import datetime
from typing import Any

import pytest

from seller_app import paths
from seller_app.domain.case import SHANGHAI, Case, case_from_json
from seller_app.domain.catalog import Catalog

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

NOW = datetime(2026, 11, 21, 10, 0, tzinfo=SHANGHAI)

BASE_CASE: dict[str, Any] = {
    "format": 1,
    "tracking_numbers": ["SF1234567890123"],
    "region": "domestic",
    "posted_at": "2026-11-11T18:20:00",
    "claim_at": "2026-11-16T10:00:00",
    "incident": "loss",
    "service_fee": "12.00",
    "goods_value": "300.00",
    "weight_kg": "2",
}


def case_dict(**overrides: Any) -> dict[str, Any]:
    """A valid case dict; keyword overrides replace top-level keys (None removes the key)."""
    data = copy.deepcopy(BASE_CASE)
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def make_case(**overrides: Any) -> Case:
    return case_from_json(case_dict(**overrides), now=NOW)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return Catalog.load(paths.resources_dir())


# ---------------------------------------------------------------- holiday schedules (issue 13)


@pytest.fixture(autouse=True)
def _no_installed_holiday_schedules() -> Any:
    """An imported official schedule is process-wide: never let one leak into the next test."""
    from seller_app.domain.workdays import install_official_years

    yield
    install_official_years(())
