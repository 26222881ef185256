"""The data key: keychain through keyring, passphrase fallback, never plain text."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from seller_app.credentials import (
    KeychainUnavailableError,
    KeyringKeyStore,
    MemoryKeyStore,
    PassphraseKeyStore,
    WrongPassphraseError,
    key_store_for,
)
from seller_app.store import Store
from tests.conftest import NOW

from .conftest import buyer_case

SECRET = bytes(range(32))


class DictKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


class PlainFileKeyring(DictKeyring):
    """Stands in for keyrings.alt's plain-text file backend."""


PlainFileKeyring.__module__ = "keyrings.alt.file"


@pytest.fixture
def backend() -> Iterator[None]:
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


def test_memory_key_store() -> None:
    keys = MemoryKeyStore()
    assert keys.get("a") is None
    keys.set("a", SECRET)
    assert keys.get("a") == SECRET


def test_keyring_store_round_trip(backend: None) -> None:
    fake = DictKeyring()
    keyring.set_keyring(fake)
    keys = KeyringKeyStore()
    keys.set("data-key-x", SECRET)
    assert keys.get("data-key-x") == SECRET
    assert fake.items[("SellerClaims", "data-key-x")] == base64.b64encode(SECRET).decode()


@pytest.mark.parametrize("chosen", [fail.Keyring, PlainFileKeyring])
def test_no_keychain_or_plain_text_keyring_is_refused(backend: None, chosen: type) -> None:
    keyring.set_keyring(chosen())
    with pytest.raises(KeychainUnavailableError) as caught:
        KeyringKeyStore()
    assert "钥匙串" in caught.value.message("zh")
    assert "SELLER_APP_PASSPHRASE" in caught.value.message("en")


def test_passphrase_store(tmp_path: Path) -> None:
    keys = PassphraseKeyStore(tmp_path, "门店口令")
    keys.set("data-key-x", SECRET)
    raw = (tmp_path / "keys.json").read_bytes()
    assert SECRET not in raw and base64.b64encode(SECRET) not in raw
    assert PassphraseKeyStore(tmp_path, "门店口令").get("data-key-x") == SECRET
    with pytest.raises(WrongPassphraseError) as caught:
        PassphraseKeyStore(tmp_path, "wrong")
    assert caught.value.message("en") == "The passphrase is wrong."


def test_key_store_for_falls_back_to_a_passphrase_only_when_asked(
    tmp_path: Path, backend: None
) -> None:
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(KeychainUnavailableError):
        key_store_for(tmp_path)
    keys = key_store_for(tmp_path, lambda: "pw")
    assert isinstance(keys, PassphraseKeyStore)
    with Store.open(tmp_path, keys) as store:
        case_id = store.add_case(buyer_case(), NOW)
    keyring.set_keyring(DictKeyring())  # a keychain appears later: keys.json stays in use
    again = key_store_for(tmp_path, lambda: "pw")
    assert isinstance(again, PassphraseKeyStore)
    with Store.open(tmp_path, again) as store:
        assert store.get_case(case_id).case == buyer_case()
    with pytest.raises(WrongPassphraseError):
        key_store_for(tmp_path, lambda: "not it")


def test_keychain_preferred_when_present(tmp_path: Path, backend: None) -> None:
    keyring.set_keyring(DictKeyring())
    assert isinstance(key_store_for(tmp_path, lambda: "pw"), KeyringKeyStore)
