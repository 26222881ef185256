"""`seller-claims ... --database URL` against a real PostgreSQL: two desks, one store; the second
claim for a parcel flagged with the desk; backup, restore, migrate-to, shop-passphrase; a server
that cannot be used ends in one line with exit status 2 and nothing written anywhere else."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail

from seller_app.cli import main
from tests.conftest import case_dict
from tests.postgres import free_port

SHOP = "店铺口令 long enough"


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pg_url: str) -> Iterator[tuple[Path, str]]:
    from seller_app import credentials
    from seller_app.store import backup, shopkey

    for module in (credentials, backup, shopkey):  # 1/32 of the real scrypt work, in bounds
        monkeypatch.setattr(module, "SCRYPT_N", 2**10)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # never touch a developer's real keychain
    monkeypatch.setenv("SELLER_APP_PASSPHRASE", "本机口令")
    monkeypatch.setenv("SELLER_APP_SHOP_PASSPHRASE", SHOP)
    monkeypatch.setenv("SELLER_APP_BACKUP_PASSPHRASE", "备份口令")
    monkeypatch.delenv("SELLER_APP_DATABASE_URL", raising=False)
    monkeypatch.delenv("SELLER_APP_DESK", raising=False)
    yield tmp_path, pg_url
    keyring.set_keyring(previous)


def cases(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(["cases", *argv])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else None), err


def desk(root: Path, name: str, url: str) -> list[str]:
    return ["--data-dir", str(root / name), "--desk", name, "--database", url]


def case_file(root: Path, **overrides: Any) -> Path:
    path = root / "case.json"
    path.write_text(json.dumps(case_dict(**overrides), ensure_ascii=False), "utf-8")
    return path


def test_two_desks_one_store(env: tuple[Path, str], capsys: Any) -> None:
    root, url = env
    front, warehouse = desk(root, "前台", url), desk(root, "仓库", url)
    file = case_file(root)
    assert cases(capsys, "import", str(file), *front)[:2] == (
        0,
        {"id": 1, "amount_claimed": "312.00"},
    )
    code, result, err = cases(capsys, "import", str(file), *warehouse)
    assert code == 0 and result["duplicates"] == [1]
    assert "#1（草稿，前台）" in err and "重复索赔" in err
    assert cases(capsys, "status", "1", "filed", "--note", "官网已提交", *warehouse)[0] == 0
    assert cases(capsys, "event", "1", "replied", "--at", "2026-11-17T09:00", *front)[0] == 0
    code, shown, _ = cases(capsys, "show", "1", *front)
    assert [(h["status"], h["desk"]) for h in shown["history"]] == [
        ("draft", "前台"),
        ("filed", "仓库"),
        ("answered", "前台"),
    ]
    assert (shown["created_by"], shown["updated_by"], shown["version"]) == ("前台", "前台", 3)
    assert [e.get("desk") for e in shown["event_log"]] == ["前台"]
    code, listed, _ = cases(capsys, "list", *front)
    assert [c["id"] for c in listed] == [1, 2]
    assert not (root / "前台" / "store.sqlite3").exists()  # nothing of it on the desk


def test_the_environment_names_the_server(
    env: tuple[Path, str], capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, url = env
    monkeypatch.setenv("SELLER_APP_DATABASE_URL", url)
    file = case_file(root)
    assert cases(capsys, "import", str(file), "--data-dir", str(root / "a"))[0] == 0
    assert cases(capsys, "list", "--data-dir", str(root / "b"))[1][0]["id"] == 1
    # --database "" is this PC's own store again
    assert cases(capsys, "list", "--data-dir", str(root / "b"), "--database", "")[1] == []


def test_a_server_that_cannot_be_used_is_one_line_and_exit_2(
    env: tuple[Path, str], capsys: Any, pg_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, url = env
    file = case_file(root)
    assert cases(capsys, "import", str(file), "--data-dir", str(root / "d"))[0] == 0
    closed = f"postgresql://shop@127.0.0.1:{free_port()}/claims?connect_timeout=3"
    wrong = pg_server.url().replace(pg_server.password, "wrong")
    monkeypatch.setenv("SELLER_APP_DATABASE_PASSWORD", "")
    for database, words in (
        (closed, {"zh": "连不上共享案件库", "en": "Cannot reach the shared case store"}),
        (wrong, {"zh": "用户名或密码不对", "en": "wrong user name or password"}),
        (pg_server.url("nope"), {"zh": "没有数据库 nope", "en": "no database nope"}),
        ("postgresql://shop:secret@", {"zh": "地址无效", "en": "not valid"}),
    ):
        for argv, lang in (
            (["import", str(file), "--database", database], "zh"),
            (["list", "--database", database], "en"),
            (["backup", str(root / "b.zip"), "--database", database], "zh"),
            (["migrate-to", database], "en"),
        ):
            code, out, err = cases(capsys, *argv, "--data-dir", str(root / "d"), "--lang", lang)
            assert code == 2 and out is None, (argv, err)
            assert err.count("\n") == 1 and words[lang] in err and "Traceback" not in err
            assert "secret" not in err and "wrong" not in err.replace("wrong user", "")
    assert not (root / "b.zip").exists()
    code, listed, _ = cases(capsys, "list", "--data-dir", str(root / "d"))
    assert [case["id"] for case in listed] == [1]  # the desk's own store: one case, as it was


def test_a_wrong_or_missing_shop_passphrase(
    env: tuple[Path, str], capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, url = env
    assert cases(capsys, "list", *desk(root, "first", url))[0] == 0  # sets the shop up
    monkeypatch.setenv("SELLER_APP_SHOP_PASSPHRASE", "not the shop's")
    code, _, err = cases(capsys, "list", *desk(root, "second", url))
    assert code == 2 and "店铺口令不正确" in err
    monkeypatch.delenv("SELLER_APP_SHOP_PASSPHRASE")
    code, _, err = cases(capsys, "list", *desk(root, "second", url))
    assert code == 2 and "SELLER_APP_SHOP_PASSPHRASE" in err


def test_backup_restore_migrate_and_a_new_shop_passphrase(
    env: tuple[Path, str], capsys: Any, monkeypatch: pytest.MonkeyPatch, pg_server: Any
) -> None:
    root, url = env
    own = ["--data-dir", str(root / "desk")]
    for number in ("SF1234567890123", "YT9876543210"):
        file = case_file(root, tracking_numbers=[number], buyer={"name": "王小明"})
        assert cases(capsys, "import", str(file), *own)[0] == 0
    assert cases(capsys, "import", str(case_file(root)), *desk(root, "仓库", url))[0] == 0
    code, moved, err = cases(capsys, "migrate-to", url, *own)
    assert code == 0 and [c["local_id"] for c in moved["copied"]] == [1, 2]
    assert moved["duplicates"][0]["other_cases"] == [1] and "重复索赔" in err
    assert "@" in moved["database"] and pg_server.password not in moved["database"]
    code, again, _ = cases(capsys, "migrate-to", url, *own)
    assert again["copied"] == [] and len(again["already_copied"]) == 2
    archive = root / "shop.zip"
    code, made, _ = cases(capsys, "backup", str(archive), *own, "--database", url)
    assert code == 0 and archive.is_file()
    code, _, err = cases(capsys, "restore", str(archive), *own, "--database", url)
    assert code == 2 and "--yes" in err
    code, restored, _ = cases(capsys, "restore", str(archive), *own, "--database", url, "--yes")
    assert code == 0 and Path(restored["previous_data"]).is_file()
    monkeypatch.setenv("SELLER_APP_NEW_SHOP_PASSPHRASE", "a new shop passphrase")
    code, changed, _ = cases(capsys, "shop-passphrase", *own, "--database", url)
    assert code == 0 and changed["shop_passphrase_changed"] is True
    monkeypatch.setenv("SELLER_APP_SHOP_PASSPHRASE", "a new shop passphrase")
    code, listed, _ = cases(capsys, "list", *desk(root, "新电脑", url))
    assert code == 0 and len(listed) == 3
    code, _, err = cases(capsys, "shop-passphrase", *own)  # this PC's own store has none
    assert code == 2 and "PostgreSQL" in err


def test_batch_and_escalate_take_the_database_too(
    env: tuple[Path, str], capsys: Any, tmp_path: Path
) -> None:
    from tests.batch.conftest import TAOBAO_HEADER, taobao_row, write_csv

    root, url = env
    orders = write_csv(tmp_path / "o.csv", TAOBAO_HEADER, [taobao_row(n) for n in range(2)], "gbk")
    file = case_file(root)
    assert cases(capsys, "import", str(file), *desk(root, "a", url))[0] == 0
    code = main(
        ["escalate", "--case-id", "1", "--to", "courier_complaint", "--text",
         *desk(root, "a", url)]
    )  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0 and "投诉" in out
    out_dir = tmp_path / "out"
    code = main(
        ["batch", str(orders), "--out", str(out_dir), "--incident", "loss", "--weight", "2",
         "--jobs", "1", "--form", "none", *desk(root, "b", url)]
    )  # fmt: skip
    captured = capsys.readouterr()
    assert code == 0, captured
    code, listed, _ = cases(capsys, "list", *desk(root, "a", url))
    assert len(listed) == 3 and not (root / "b" / "store.sqlite3").exists()


def test_an_upgrade_waits_for_a_backup_made_from_the_command_line(
    env: tuple[Path, str], capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seller_app.store import schema

    root, url = env
    front = desk(root, "前台", url)
    assert cases(capsys, "import", str(case_file(root)), *front)[0] == 0
    known = (schema.MIGRATIONS, schema.LATEST)
    later = schema.Migration(schema.LATEST + 1, "later", schema._run(()))
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, later))
    monkeypatch.setattr(schema, "LATEST", later.version)
    code, _, err = cases(capsys, "list", *front)
    assert code == 2 and err.count("\n") == 1 and "cases backup" in err
    code, made, _ = cases(capsys, "backup", str(root / "before.zip"), *front)
    assert code == 0 and (root / "before.zip").is_file()
    code, listed, _ = cases(capsys, "list", *front)
    assert code == 0 and [c["id"] for c in listed] == [1]
    # an older app meets the upgraded server
    monkeypatch.setattr(schema, "MIGRATIONS", known[0])
    monkeypatch.setattr(schema, "LATEST", known[1])
    code, _, err = cases(capsys, "list", *front, "--lang", "en")
    assert code == 2 and "newer version" in err
