"""Carrier detection from tracking numbers: ranked candidates, S10 check digits."""

from __future__ import annotations

from typing import Any

import pytest

from seller_app.domain.carriers import s10_check_digit


@pytest.mark.parametrize(
    ("number", "first"),
    [
        ("SF1234567890123", "sf"),
        ("JT0012345678901", "jt"),
        ("YT1234567890123", "yto"),
        ("JDVA12345678901", "jd"),
        ("DPK123456789012", "deppon"),
        ("773012345678901", "sto"),
        ("432123456789012", "yunda"),
        ("73123456789012", "zto"),
        ("EA123456785CN", "ems"),  # valid S10: check digit 5
        ("RR473124829GB", "ems"),  # the UPU's own example
    ],
)
def test_first_candidate(catalog: Any, number: str, first: str) -> None:
    assert catalog.carriers.candidates([number])[0] == first


@pytest.mark.parametrize(
    ("serial", "digit"),
    [("47312482", 9), ("12345678", 5), ("00000000", 5), ("11111111", 5), ("00000008", 0)],
)
def test_s10_check_digit(serial: str, digit: int) -> None:
    assert s10_check_digit(serial) == digit


def test_s10_with_a_wrong_check_digit_is_not_ems(catalog: Any) -> None:
    assert "ems" not in catalog.carriers.candidates(["EA123456789CN"])


def test_ambiguous_digits_give_several_candidates(catalog: Any) -> None:
    # 12 digits: an old SF number, or a ZTO number starting 75; SF comes first in the file.
    assert catalog.carriers.candidates(["755123456789"]) == ("sf", "zto")
    assert catalog.carriers.candidates(["612345678901"]) == ("sf",)
    # 13 digits starting with 1: EMS domestic or old Yunda.
    assert set(catalog.carriers.candidates(["1123456789012"])) == {"ems", "yunda"}


def test_several_numbers_add_up(catalog: Any) -> None:
    ranked = catalog.carriers.candidates(["1123456789012", "EA123456785CN"])
    assert ranked[0] == "ems"


def test_unknown_number_has_no_candidates(catalog: Any) -> None:
    guess = catalog.carriers.guess(["ABCDEF"], None)
    assert guess.candidates == () and guess.code == "other" and not guess.given


def test_given_carrier_wins(catalog: Any) -> None:
    guess = catalog.carriers.guess(["SF1234567890123"], "jd")
    assert guess.code == "jd" and guess.given and guess.candidates == ("sf",)


def test_every_carrier_code_has_an_entry(catalog: Any) -> None:
    from seller_app.domain.case import CARRIER_CODES

    assert set(CARRIER_CODES) == set(catalog.carriers.by_code)
