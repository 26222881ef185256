"""Shared fixtures: the real catalog from resources/, a fixed clock and a case-dict builder."""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator
from contextlib import contextmanager
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


# --------------------------------------------------------------------------- OCR (issue 20)


@contextmanager
def no_network() -> Iterator[None]:
    """Every attempt to open a connection or look up a host fails, as on an offline machine."""
    import socket

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise OSError("network disabled in this test")

    saved = (socket.socket.connect, socket.create_connection, socket.getaddrinfo)
    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]
    socket.getaddrinfo = refuse  # type: ignore[assignment]
    try:
        yield
    finally:
        socket.socket.connect, socket.create_connection, socket.getaddrinfo = saved  # type: ignore[method-assign,assignment]


@pytest.fixture(scope="session")
def ocr_engine() -> Any:
    """The process's OCR engine, loaded once for the whole session -- with the network refused,
    so every OCR test also proves that nothing is downloaded."""
    from PIL import Image, ImageDraw, ImageFont

    from seller_app.evidence import ocr

    with no_network():
        engine = ocr.shared_engine()
        probe = Image.new("RGB", (320, 80), "white")
        font = ImageFont.truetype(str(paths.resources_dir() / "fonts" / "wqy-microhei.ttc"), 32)
        ImageDraw.Draw(probe).text((10, 20), "已签收", font=font, fill="black")
        assert [line.text for line in engine.read(probe)] == ["已签收"]
    return engine


# ------------------------------------------------------ the shop server: PostgreSQL (issue 17)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Any]:
    """One real PostgreSQL server for the whole session (`tests.postgres`); each test takes a
    fresh schema in it. Skipped, with the reason, only where PostgreSQL is not installed."""
    from tests.postgres import ServerUnavailableError, TemporaryServer

    try:
        server = TemporaryServer().start()
    except ServerUnavailableError as error:
        if os.environ.get("SELLER_APP_TEST_REQUIRE_PG"):  # CI: never skip it (.ci/run)
            raise
        pytest.skip(f"the PostgreSQL half needs a server: {error}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: Any, request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of an empty schema of its own on the session's server (dropped afterwards)."""
    import uuid

    name = f"t_{uuid.uuid4().hex[:16]}"
    url = pg_server.fresh_schema(name)
    yield url
    pg_server.admin(f"DROP SCHEMA IF EXISTS {name} CASCADE", database="claims")
