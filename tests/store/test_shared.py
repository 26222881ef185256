"""The shop server (PostgreSQL): it only ever sees sealed values; one shop key, unlocked once per
desk with the shop passphrase, which can change without re-encrypting; drafts stay with their
desk; blobs are stored once; a server that cannot be used is said plainly, in one line."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
import pytest

from seller_app.credentials import MemoryKeyStore
from seller_app.domain.case import PhotoKind
from seller_app.domain.events import CaseEvent, EventKind
from seller_app.store import (
    CaseStatus,
    KeyProblemError,
    NotFoundError,
    Store,
    StoreError,
    db,
    schema,
)
from seller_app.store.desk import Desk
from seller_app.store.server import ServerLoginError, ServerUnreachableError
from tests.conftest import NOW, make_case
from tests.postgres import free_port

from .conftest import BUYER, BUYER_PHONE, SHOP, SHOP_PASSPHRASE, Backend, buyer_case


@pytest.fixture
def backend(pg_url: str, pg_server: Any, data_dir: Path) -> Backend:
    return Backend("postgresql", data_dir, pg_url, pg_server)


DESK_NAME = "王小美的电脑"
SECRETS = [
    BUYER_PHONE,
    BUYER["name"],
    "文三路90号",
    SHOP["phone"],
    SHOP["contact"],
    "买家张三丰来电",
    "客服小王",
    "买家说盒子压扁了",
    DESK_NAME,
    "面单上写着张三丰",
]


def asking(answers: list[str], asked: list[bool]) -> Callable[[bool], str]:
    def ask(creating: bool) -> str:
        asked.append(creating)
        return answers.pop(0)

    return ask


def refuse(creating: bool) -> str:
    raise AssertionError("the shop passphrase was asked for")


def test_the_server_only_ever_sees_sealed_values(
    backend: Backend, keys: MemoryKeyStore, tmp_path: Path
) -> None:
    photo = tmp_path / "13812345678-waybill.jpg"
    photo.write_bytes(b"\xff\xd8 label shows " + BUYER_PHONE.encode() + b" and more")
    with backend.open(keys, desk=DESK_NAME) as store:
        case_id = store.add_case(buyer_case(claim_at=None), NOW)
        store.update_case(case_id, buyer_case(claim_at=None, order_id="O1"), NOW)
        draft_id = store.save_draft({"buyer": BUYER, "shop": SHOP}, 2, NOW)
        store.save_draft({"buyer": BUYER, "shop": SHOP}, 3, NOW, draft_id)
        store.add_photo(
            case_id,
            photo,
            NOW,
            kind=PhotoKind.WAYBILL_LABEL,
            caption="面单上写着张三丰",
            prepared=photo,
        )
        store.add_document(case_id, "claim_form", "form.pdf", f"电话 {BUYER_PHONE}".encode(), NOW)
        store.add_note(case_id, f"买家电话 {BUYER_PHONE}", NOW)
        store.record_event(case_id, CaseEvent(EventKind.FILED, NOW), NOW, note="客服小王")
        store.set_status(case_id, CaseStatus.ANSWERED, NOW, note="买家说盒子压扁了")
        backup = store.backup(tmp_path / "server.zip", "backup passphrase")
    raw = backend.raw()
    assert len(raw) > 1000  # the rows were really read
    for secret in SECRETS:
        for encoding in ("utf-8", "utf-16-le", "gb18030"):
            assert secret.encode(encoding) not in raw, secret
            assert secret.encode(encoding) not in backup.read_bytes(), secret
    with psycopg.connect(backend.url or "") as conn:  # photos and documents live on the server
        assert conn.execute("SELECT count(*) FROM blobs").fetchone() == (2,)
    assert not (backend.data_dir / "blobs").exists()
    assert not (backend.data_dir / "store.sqlite3").exists()
    with backend.open(keys) as store:  # and the desk reads it all back
        (stored,) = store.photos(case_id)
        assert store.read_photo(stored.sha256) == photo.read_bytes()
        assert stored.caption == "面单上写着张三丰"
        assert store.get_case(case_id).case.buyer == buyer_case().buyer


def test_a_desk_unlocks_the_shop_key_once_with_the_passphrase(
    backend: Backend, keys: MemoryKeyStore, tmp_path: Path
) -> None:
    asked: list[bool] = []
    with backend.open(keys, ask=asking([SHOP_PASSPHRASE], asked)) as store:
        case_id = store.add_case(buyer_case(), NOW)
    assert asked == [True]  # setting the shop up: asked (twice, by the caller) for a new one
    other, other_dir = MemoryKeyStore(), tmp_path / "desk2"
    with pytest.raises(KeyProblemError) as needed:
        backend.open(other, data_dir=other_dir, ask=None)
    assert needed.value.code == "shop_passphrase_needed" and "店铺口令" in needed.value.message()
    with pytest.raises(KeyProblemError) as wrong:
        backend.open(other, data_dir=other_dir, ask=lambda creating: "not the passphrase")
    assert wrong.value.code == "wrong_shop_passphrase" and other.secrets == {}
    asked.clear()
    with backend.open(other, data_dir=other_dir, ask=asking([SHOP_PASSPHRASE], asked)) as store:
        assert store.get_case(case_id).case == buyer_case()
    assert asked == [False]
    assert other.secrets == keys.secrets  # the same shop key, now in this desk's keychain
    with backend.open(other, data_dir=other_dir, ask=refuse) as store:  # never asked again
        assert [s.id for s in store.list_cases()] == [case_id]


def test_a_short_passphrase_sets_nothing_up(backend: Backend, keys: MemoryKeyStore) -> None:
    with pytest.raises(StoreError) as caught:
        backend.open(keys, ask=lambda creating: "1234567")
    assert caught.value.code == "shop_passphrase_short" and "8" in caught.value.message()
    assert keys.secrets == {}
    with backend.open(keys) as store:  # the next try sets it up
        assert store.list_cases() == []


def test_changing_the_shop_passphrase_rewraps_the_same_key(
    backend: Backend, keys: MemoryKeyStore, tmp_path: Path
) -> None:
    desk2 = MemoryKeyStore()
    with backend.open(keys) as store:
        case_id = store.add_case(buyer_case(), NOW)
        backend.open(desk2, data_dir=tmp_path / "desk2").close()  # desk 2 unlocked before
        with pytest.raises(KeyProblemError) as wrong:
            store.change_shop_passphrase("not it", "new shop passphrase")
        assert wrong.value.code == "wrong_shop_passphrase"
        with pytest.raises(StoreError):
            store.change_shop_passphrase(SHOP_PASSPHRASE, "short")
        store.change_shop_passphrase(SHOP_PASSPHRASE, "new shop passphrase")
    with psycopg.connect(backend.url or "") as conn:
        sealed_before = conn.execute("SELECT pii FROM cases").fetchone()
    with backend.open(desk2, data_dir=tmp_path / "desk2", ask=refuse) as store:
        assert store.get_case(case_id).case == buyer_case()  # keeps working, not asked
    desk3 = MemoryKeyStore()
    with pytest.raises(KeyProblemError):
        backend.open(desk3, data_dir=tmp_path / "desk3", ask=lambda c: SHOP_PASSPHRASE)
    with backend.open(desk3, data_dir=tmp_path / "desk3", ask=lambda c: "new shop passphrase"):
        pass
    assert desk3.secrets == keys.secrets
    with psycopg.connect(backend.url or "") as conn:  # nothing was encrypted again
        assert conn.execute("SELECT pii FROM cases").fetchone() == sealed_before


def test_drafts_stay_with_the_desk_that_began_them(
    backend: Backend, keys: MemoryKeyStore, tmp_path: Path
) -> None:
    front = backend.open(keys, desk=Desk(uuid.uuid4().hex, "前台"))  # type: ignore[arg-type]
    warehouse = backend.open(
        MemoryKeyStore(),
        data_dir=tmp_path / "w",
        desk=Desk(uuid.uuid4().hex, "仓库"),  # type: ignore[arg-type]
    )
    with front, warehouse:
        mine = front.save_draft({"page": "front"}, 1, NOW)
        theirs = warehouse.save_draft({"page": "warehouse"}, 2, NOW)
        assert [d.id for d in front.list_drafts()] == [mine]
        assert front.list_drafts()[0].desk == "前台"
        assert [d.id for d in warehouse.list_drafts()] == [theirs]
        for attempt in (
            lambda: warehouse.load_draft(mine),
            lambda: warehouse.save_draft({"page": "x"}, 3, NOW, mine),
            lambda: warehouse.delete_draft(mine),
            lambda: warehouse.add_case(make_case(), NOW, draft_id=mine),
        ):
            with pytest.raises(StoreError) as caught:
                attempt()
            assert caught.value.code == "draft_of_other_desk"
            assert "前台" in caught.value.message("zh")
        assert front.load_draft(mine).data == {"page": "front"}
        case_id = front.add_case(make_case(), NOW, draft_id=mine)  # filed: everyone's now
        assert warehouse.get_case(case_id).case == make_case()
        with pytest.raises(NotFoundError):
            front.load_draft(mine)


def test_the_same_photo_from_two_desks_is_stored_once(
    backend: Backend, keys: MemoryKeyStore, tmp_path: Path
) -> None:
    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"\xff\xd8" + bytes(range(256)) * 400)
    with backend.open(keys) as front, backend.open(MemoryKeyStore(), data_dir=tmp_path / "w") as w:
        first = front.add_case(make_case(), NOW)
        second = w.add_case(make_case(tracking_numbers=["YT9876543210"]), NOW)
        a = front.add_photo(first, photo, NOW)
        b = w.add_photo(second, photo, NOW)
        assert a.sha256 == b.sha256 and w.read_photo(a.sha256) == photo.read_bytes()
    with psycopg.connect(backend.url or "") as conn:
        assert conn.execute("SELECT count(*), sum(size) FROM blobs").fetchone() == (
            1,
            len(photo.read_bytes()),
        )


# --------------------------------------------------------------------------- a server in trouble


def one_line(error: StoreError) -> None:
    for lang in ("zh", "en"):
        text = error.message(lang)
        assert text and "\n" not in text and "Traceback" not in text


def test_an_unreachable_server_is_said_plainly_and_nothing_is_written(
    keys: MemoryKeyStore, tmp_path: Path
) -> None:
    url = f"postgresql://shop@127.0.0.1:{free_port()}/claims?connect_timeout=3"
    with pytest.raises(ServerUnreachableError) as caught:
        Store.open_shared(url, keys, data_dir=tmp_path / "d", shop_passphrase=refuse)
    one_line(caught.value)
    assert "连不上共享案件库 shop@127.0.0.1:" in caught.value.message("zh")
    assert "本机案件库" in caught.value.message("zh")  # the way out
    assert not list((tmp_path / "d").glob("store.sqlite3*")) and keys.secrets == {}


def test_a_wrong_password_a_missing_database_and_a_bad_address(
    pg_server: Any, keys: MemoryKeyStore, tmp_path: Path
) -> None:
    wrong = pg_server.url().replace(pg_server.password, "wrong-password")
    with pytest.raises(ServerLoginError) as login:
        Store.open_shared(wrong, keys, data_dir=tmp_path, shop_passphrase=refuse)
    one_line(login.value)
    assert "用户名或密码不对" in login.value.message("zh") and "wrong-password" not in str(
        login.value.message("en")
    )
    with pytest.raises(ServerLoginError):  # no password at all
        Store.open_shared(pg_server.url(password=False), keys, data_dir=tmp_path)
    missing = pg_server.url("no_such_db")
    with pytest.raises(StoreError) as nodb:
        Store.open_shared(missing, keys, data_dir=tmp_path)
    assert nodb.value.code == "server_no_database" and "no_such_db" in nodb.value.message()
    for url, part in (
        ("mysql://shop:secret@host/db", "postgresql://"),
        ("postgresql://shop:secret@host:99999/db", "port"),
        ("postgresql://shop:secret@host", "dbname"),
        ("postgresql://host/db?evil=1", "user"),
    ):
        with pytest.raises(StoreError) as bad:
            Store.open_shared(url, keys, data_dir=tmp_path)
        assert bad.value.code == "bad_database_url" and part in bad.value.message("en")
        assert "secret" not in bad.value.message("zh")
        one_line(bad.value)


def test_the_dialogs_settings_and_the_password_in_the_keychain(
    pg_server: Any, pg_url: str, tmp_path: Path
) -> None:
    from seller_app.credentials import remember_password
    from seller_app.store.server import ServerSettings

    settings, password = ServerSettings.from_url(pg_url)
    assert password == pg_server.password and "password" not in settings.url()
    assert pg_server.password not in settings.url() + settings.display()
    assert ServerSettings.from_dict(settings.as_dict()) == settings  # kept in the app's settings
    fields = ServerSettings.from_fields(" 127.0.0.1 ", str(settings.port), "claims", "shop")
    assert fields.display() == f"shop@127.0.0.1:{settings.port}/claims"
    for host, port, database, user, wrong in (
        ("", 5432, "claims", "shop", "host"),
        ("nas", "五四三二", "claims", "shop", "port"),
        ("nas", 70000, "claims", "shop", "port"),
        ("nas", 5432, "claims", " ", "user"),
    ):
        with pytest.raises(StoreError) as caught:
            ServerSettings.from_fields(host, port, database, user)
        assert wrong in caught.value.message("en")
    keys = MemoryKeyStore()
    remember_password(keys, settings.password_key(), pg_server.password)
    with Store.open_shared(
        settings, keys, data_dir=tmp_path, shop_passphrase=lambda c: SHOP_PASSPHRASE
    ) as store:
        assert store.shared and store.location == settings.display()


def test_a_dropped_connection_is_made_again(
    backend: Backend, keys: MemoryKeyStore, pg_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def drop() -> None:
        pg_server.admin(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE application_name = 'seller-claims'"
        )

    with backend.open(keys) as store:
        case_id = store.add_case(buyer_case(), NOW)
        drop()  # a restarted server: a read simply goes through again
        assert store.get_case(case_id).status is CaseStatus.DRAFT
        drop()  # a save right after: said, not lost, not half-done
        with pytest.raises(ServerUnreachableError):
            store.set_status(case_id, "filed", NOW)
        assert store.get_case(case_id).status is CaseStatus.DRAFT
        store.set_status(case_id, "filed", NOW)  # and the next one works
        monkeypatch.setattr(db, "IDLE_CHECK_S", 0.0)
        drop()  # after a quiet spell the connection is checked before a save
        store.set_status(case_id, "answered", NOW)
        assert store.get_case(case_id).status is CaseStatus.ANSWERED


def test_a_server_newer_than_the_app_is_refused(backend: Backend, keys: MemoryKeyStore) -> None:
    backend.open(keys).close()
    with psycopg.connect(backend.url or "", autocommit=True) as conn:
        conn.execute(
            "INSERT INTO schema_migrations (version, title) VALUES (%s, 'future')",
            (schema.LATEST + 1,),
        )
    with pytest.raises(StoreError) as caught:
        backend.open(keys)
    assert caught.value.code == "too_new" and "127.0.0.1" in caught.value.message("en")
    one_line(caught.value)


def test_a_server_with_data_is_upgraded_only_after_a_fresh_backup(
    backend: Backend, keys: MemoryKeyStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with backend.open(keys) as store:
        case_id = store.add_case(buyer_case(), NOW)
    upgraded = schema.Migration(
        schema.LATEST + 1, "a later version", schema._run(("ALTER TABLE notes ADD COLUMN x TEXT",))
    )
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, upgraded))
    monkeypatch.setattr(schema, "LATEST", upgraded.version)
    with pytest.raises(StoreError) as caught:
        backend.open(keys)
    assert caught.value.code == "server_needs_backup"
    assert "seller-claims cases backup" in caught.value.message("zh")
    one_line(caught.value)
    archive = Store.backup_shared(
        backend.url or "",
        keys,
        tmp_path / "before-upgrade.zip",
        "backup pass",
        data_dir=backend.data_dir,
    )
    assert archive.exists()
    with backend.open(keys) as store:  # fresh: upgraded
        assert store.get_case(case_id).case == buyer_case()
    with psycopg.connect(backend.url or "") as conn:
        assert conn.execute("SELECT max(version) FROM schema_migrations").fetchone() == (
            upgraded.version,
        )


def test_a_backup_older_than_the_last_change_is_not_fresh(
    backend: Backend, keys: MemoryKeyStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with backend.open(keys) as store:
        case_id = store.add_case(buyer_case(), NOW)
        store.backup(tmp_path / "b.zip", "backup pass")
        store.add_note(case_id, "after the backup", NOW)  # a desk kept working
    upgraded = schema.Migration(schema.LATEST + 1, "later", schema._run(()))
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, upgraded))
    monkeypatch.setattr(schema, "LATEST", upgraded.version)
    with pytest.raises(StoreError) as caught:
        backend.open(keys)
    assert caught.value.code == "server_needs_backup"


def test_a_desk_backup_is_not_restored_onto_a_server_nor_the_other_way(
    backend: Backend, keys: MemoryKeyStore, tmp_path: Path
) -> None:
    from seller_app.store import BackupError

    with backend.open(keys) as store:
        store.add_case(buyer_case(), NOW)
        server_archive = store.backup(tmp_path / "server.zip", "pass phrase")
    with Store.open(tmp_path / "desk", keys) as desk:
        desk_archive = desk.backup(tmp_path / "desk.zip", "pass phrase")
    with pytest.raises(BackupError) as onto_server:
        backend.restore(desk_archive, "pass phrase", keys, overwrite=True)
    assert onto_server.value.code == "backup_is_for_desk"
    with pytest.raises(BackupError) as onto_desk:
        Store.restore(server_archive, tmp_path / "desk2", "pass phrase", keys)
    assert onto_desk.value.code == "backup_is_for_server" and "--database" in (
        onto_desk.value.message("en")
    )


def test_an_altered_server_backup_changes_nothing_on_the_server(
    backend: Backend, keys: MemoryKeyStore, tmp_path: Path
) -> None:
    import json
    import zipfile

    from seller_app.store import BackupError, backup

    with backend.open(keys) as store:
        store.add_case(buyer_case(), NOW)
        archive = store.backup(tmp_path / "server.zip", "pass phrase")
        later = store.add_case(make_case(tracking_numbers=["YT9876543210"]), NOW)
    with zipfile.ZipFile(archive) as source:
        entries = {item.filename: source.read(item) for item in source.infolist()}
    cipher = backup._key("pass phrase", json.loads(entries["backup.json"])["kdf"])
    manifest = cipher.open_json(entries["manifest.bin"], b"manifest.bin")
    for crafted in ("pg_authid", "cases; DROP TABLE meta"):
        manifest["tables"][-1]["name"] = crafted
        entries["manifest.bin"] = cipher.seal_json(manifest, b"manifest.bin")
        bad = tmp_path / "crafted.zip"
        with zipfile.ZipFile(bad, "w") as out:
            for name, body in entries.items():
                out.writestr(name, body)
        with pytest.raises(BackupError) as caught:
            backend.restore(bad, "pass phrase", keys, overwrite=True)
        assert caught.value.code == "backup_damaged"
        with backend.open(keys) as store:  # the server as it was
            assert [s.id for s in store.list_cases()] == [1, later]
