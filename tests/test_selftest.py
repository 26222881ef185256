"""The build smoke test passes from a checkout (the frozen build runs the same code)."""

from __future__ import annotations

from seller_app import selftest


def test_self_test_passes() -> None:
    lines: list[str] = []
    assert selftest.run(lines.append) == 0, lines
    assert lines[0].startswith("self-test ok") and "barcode read" in lines[0]


def test_self_test_reports_a_failure(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(selftest, "EXPECTED_AMOUNT", selftest.Decimal("1.00"))
    lines: list[str] = []
    assert selftest.run(lines.append) == 1
    assert lines[0].startswith("self-test FAILED") and "28.80" in lines[0]
