"""A fresh data dir and in-memory key store per test; a case with a buyer to protect."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from seller_app.credentials import MemoryKeyStore
from seller_app.domain.case import Case
from seller_app.store import Store
from tests.conftest import make_case

BUYER_PHONE = "13812345678"
BUYER = {"name": "张三丰", "phone": BUYER_PHONE, "address": "浙江省杭州市西湖区文三路90号3幢"}
SHOP = {"name": "小美家居", "contact": "李四", "phone": "13900001111"}


def buyer_case(**overrides: object) -> Case:
    return make_case(buyer=BUYER, shop=SHOP, description="买家张三丰来电", **overrides)


@pytest.fixture
def keys() -> MemoryKeyStore:
    return MemoryKeyStore()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path, keys: MemoryKeyStore) -> Iterator[Store]:
    with Store.open(data_dir, keys) as opened:
        yield opened
