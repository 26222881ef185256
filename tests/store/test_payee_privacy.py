"""The payee's name and accounts and the sender's address are sealed like the buyer's data."""

from __future__ import annotations

from pathlib import Path

from seller_app.credentials import MemoryKeyStore
from seller_app.store import Store
from tests.conftest import NOW, make_case

from .test_privacy import leaks

PAYEE = {"name": "王小白收款", "account": "6225880123456789", "alipay": "payee@example.cn"}
ORIGIN = "潮州市湘桥区陶瓷路8号"


def test_payee_and_origin_are_sealed(data_dir: Path, keys: MemoryKeyStore) -> None:
    import tests.store.test_privacy as privacy

    secrets = [PAYEE["name"], PAYEE["account"], PAYEE["alipay"], ORIGIN]
    store = Store.open(data_dir, keys)
    case_id = store.add_case(make_case(payee=PAYEE, origin=ORIGIN), NOW)
    store.close()
    saved = privacy.SECRETS
    try:
        privacy.SECRETS = secrets
        assert leaks(data_dir) == []
    finally:
        privacy.SECRETS = saved
    with Store.open(data_dir, keys) as reopened:
        case = reopened.get_case(case_id).case
        assert case.payee is not None and case.payee.account == PAYEE["account"]
        assert case.origin == ORIGIN
