"""The payee's name and accounts and the sender's address are sealed like the buyer's data."""

from __future__ import annotations

from seller_app.credentials import MemoryKeyStore
from tests.conftest import NOW, make_case

from .conftest import Backend

PAYEE = {"name": "王小白收款", "account": "6225880123456789", "alipay": "payee@example.cn"}
ORIGIN = "潮州市湘桥区陶瓷路8号"


def test_payee_and_origin_are_sealed(backend: Backend, keys: MemoryKeyStore) -> None:
    secrets = [PAYEE["name"], PAYEE["account"], PAYEE["alipay"], ORIGIN]
    store = backend.open(keys)
    case_id = store.add_case(make_case(payee=PAYEE, origin=ORIGIN), NOW)
    store.close()
    raw = backend.raw()
    assert raw
    for secret in secrets:
        for encoding in ("utf-8", "utf-16-le", "gb18030"):
            assert secret.encode(encoding) not in raw
    with backend.open(keys) as reopened:
        case = reopened.get_case(case_id).case
        assert case.payee is not None and case.payee.account == PAYEE["account"]
        assert case.origin == ORIGIN
