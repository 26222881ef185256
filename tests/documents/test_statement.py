"""The buyer statement (未收到货物声明): when it is needed and what it says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from seller_app.documents.statement import render_buyer_statement, statement_needed
from seller_app.domain.catalog import Catalog
from tests.conftest import make_case
from tests.documents.photo_helpers import page_count, pdf_text, squash


@pytest.mark.parametrize(
    ("signer", "needed"),
    [
        (None, False),
        ({"who": "buyer", "inspected": True}, False),
        ({"who": "authorized", "inspected": False}, False),
        ({"who": "unknown", "inspected": False}, False),
        ({"who": "unauthorized", "inspected": False}, True),
        ({"who": "buyer", "inspected": False, "placed_without_consent": True}, True),
        ({"who": "authorized", "inspected": False, "placed_without_consent": False}, False),
    ],
)
def test_statement_needed(signer: dict[str, Any] | None, needed: bool) -> None:
    assert statement_needed(make_case(signer=signer)) is needed


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_statement_names_the_parcel_and_the_signer(
    tmp_path: Path, catalog: Catalog, lang: str
) -> None:
    case = make_case(
        signer={
            "who": "unauthorized",
            "name": "欧阳喆",
            "inspected": False,
            "signed_at": "2026-11-13T09:12",
        },
        buyer={"name": "李堃", "phone": "13912345678", "address": "昇平路 1 号"},
        shop={"name": "赟昇小店"},
        order_id="3912345678901234567",
        tracking_numbers=["SF1234567890123", "SF1234567890124"],
    )
    pdf = render_buyer_statement(case, tmp_path / "statement.pdf", catalog=catalog, lang=lang)
    text = squash(pdf_text(pdf))
    title = "未收到货物声明" if lang == "zh" else "StatementofNon-receipt"
    for expected in (
        title,
        "李堃",
        "13912345678",
        "昇平路1号",
        "欧阳喆",
        "3912345678901234567",
        "SF1234567890123",
        "SF1234567890124",
        "赟昇小店",
    ):
        assert expected in text
    assert page_count(pdf) == 1
    meta = PdfReader(str(pdf)).metadata
    assert meta is not None and meta.title and "SF1234567890123" in meta.title
    assert "李堃" not in " ".join(str(v) for v in meta.values())
