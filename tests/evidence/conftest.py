"""Stop the session's photo worker processes when the evidence tests are done."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from seller_app.evidence import shutdown_pool


@pytest.fixture(scope="package", autouse=True)
def _stop_workers() -> Iterator[None]:
    yield
    shutdown_pool()
