"""`seller-claims cases ...` on a temporary store, with no keychain (passphrase from the env)."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail

from seller_app.cli import main
from tests.conftest import case_dict

BUYER = {"name": "王小明", "phone": "13912345678", "address": "上海市浦东新区世纪大道100号"}


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # never touch a developer's real keychain
    data_dir = tmp_path / "data"
    monkeypatch.setenv("SELLER_APP_DATA_DIR", str(data_dir))
    monkeypatch.setenv("SELLER_APP_PASSPHRASE", "店铺口令")
    monkeypatch.setenv("SELLER_APP_BACKUP_PASSPHRASE", "备份口令")
    yield data_dir
    keyring.set_keyring(previous)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(["cases", *argv])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else None), err


def test_import_claims_what_the_engine_assessed(env: Path, case_file: Path, capsys: Any) -> None:
    # The base case is a loss: 12 + min(5 × 12, 100 × 2, 300) = 72.00.
    assert run(capsys, "import", str(case_file))[:2] == (0, {"id": 1, "amount_claimed": "72.00"})
    assert run(capsys, "list")[1][0]["amount_claimed"] == "72.00"


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_dict(buyer=BUYER), ensure_ascii=False), "utf-8")
    return path


def test_import_list_status_show(env: Path, case_file: Path, capsys: Any) -> None:
    imported = run(capsys, "import", str(case_file), "--claimed", "300")[:2]
    assert imported == (0, {"id": 1, "amount_claimed": "300"})
    code, listing, _ = run(capsys, "list")
    assert code == 0
    assert [(c["id"], c["status"], c["amount_claimed"]) for c in listing] == [(1, "draft", "300")]
    for status in ("filed", "agreed"):
        assert run(capsys, "status", "1", status)[0] == 0
    code, shown, _ = run(capsys, "status", "1", "paid", "--recovered", "36.10", "--note", "到账")
    assert code == 0 and shown["status"] == "paid"
    code, shown, _ = run(capsys, "show", "1")
    assert shown["case"]["buyer"]["phone"] == BUYER["phone"]
    assert shown["amount_recovered"] == "36.10"
    assert [h["status"] for h in shown["history"]] == ["draft", "filed", "agreed", "paid"]
    assert shown["history"][-1]["note"] == "到账"
    code, shown, _ = run(capsys, "show", "1", "--redact")
    assert shown["case"]["buyer"] == {
        "name": "王**",
        "phone": "139****5678",
        "address": "上海市浦东新区",
    }
    assert run(capsys, "list", "--status", "filed")[1] == []
    assert not (env / "keys.json").read_bytes().count(b"13912345678")


@pytest.mark.parametrize(
    ("argv", "zh", "en"),
    [
        (["show", "9"], "找不到案件 9", "There is no case 9"),
        (["status", "1", "paid"], "不能从", "cannot go from filed to paid"),
        (["status", "1", "answered", "--recovered", "abc"], "--recovered", "--recovered"),
    ],
)
def test_user_mistakes_exit_2_with_one_line(
    env: Path, case_file: Path, capsys: Any, argv: list[str], zh: str, en: str
) -> None:
    run(capsys, "import", str(case_file))
    run(capsys, "status", "1", "filed")
    for lang, expected in (("zh", zh), ("en", en)):
        code, out, err = run(capsys, *argv, "--lang", lang)
        assert code == 2 and out is None
        assert expected in err and err.count("\n") == 1 and "Traceback" not in err


def test_wrong_passphrase_is_one_line(
    env: Path, case_file: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "import", str(case_file))
    monkeypatch.setenv("SELLER_APP_PASSPHRASE", "not it")
    code, _, err = run(capsys, "list", "--lang", "en")
    assert code == 2 and err == "seller-claims: The passphrase is wrong.\n"


def test_export_backup_restore(
    env: Path, case_file: Path, tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "import", str(case_file))
    pack = tmp_path / "pack.zip"
    assert run(capsys, "export", "1", str(pack), "--redact")[0] == 0
    with zipfile.ZipFile(pack) as archive:
        assert json.loads(archive.read("case.json"))["buyer"]["phone"] == "139****5678"
    folder = tmp_path / "pack"
    assert run(capsys, "export", "1", str(folder), "--folder")[0] == 0
    assert (folder / "manifest.json").exists()
    backup = tmp_path / "b.zip"
    assert run(capsys, "backup", str(backup))[0] == 0

    code, _, err = run(capsys, "restore", str(backup), "--lang", "en")
    assert code == 2 and "--yes" in err
    code, out, _ = run(capsys, "restore", str(backup), "--yes")
    assert code == 0 and out["previous_data"].endswith("replaced-1")

    other = tmp_path / "other"  # another PC: a new data dir with its own passphrase
    monkeypatch.setenv("SELLER_APP_PASSPHRASE", "新电脑")
    assert run(capsys, "restore", str(backup), "--data-dir", str(other))[0] == 0
    code, shown, _ = run(capsys, "show", "1", "--data-dir", str(other))
    assert code == 0 and shown["case"]["buyer"]["phone"] == BUYER["phone"]

    monkeypatch.setenv("SELLER_APP_PASSPHRASE", "店铺口令")
    monkeypatch.setenv("SELLER_APP_BACKUP_PASSPHRASE", "wrong")
    code, _, err = run(capsys, "restore", str(backup), "--yes", "--lang", "en")
    assert code == 2 and err == "seller-claims: The backup passphrase is wrong.\n"


def test_no_keychain_and_no_passphrase_refuses(
    env: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SELLER_APP_PASSPHRASE")
    monkeypatch.setattr("getpass.getpass", lambda prompt="": (_ for _ in ()).throw(EOFError))
    code, _, err = run(capsys, "list", "--lang", "en")
    assert code == 2 and "SELLER_APP_PASSPHRASE" in err
    assert not env.exists() or not any(env.iterdir())
