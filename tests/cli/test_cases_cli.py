"""`seller-claims cases ...` on a temporary store, with no keychain (passphrase from the env)."""

from __future__ import annotations

import json
import os
import stat
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
    # The base case is an uninsured loss: SF's terms pay 12 + min(7 × 12, 300) = 96.00, the
    # claim asks for the actual loss 12 + 300 = 312.00.
    assert run(capsys, "import", str(case_file))[:2] == (0, {"id": 1, "amount_claimed": "312.00"})
    assert run(capsys, "list")[1][0]["amount_claimed"] == "312.00"
    terms = case_file.with_name("terms.json")
    terms.write_text(json.dumps(case_dict(claim_basis="courier_terms")), "utf-8")
    assert run(capsys, "import", str(terms))[1]["amount_claimed"] == "96.00"


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_dict(buyer=BUYER), ensure_ascii=False), "utf-8")
    return path


def test_import_list_status_show(env: Path, case_file: Path, capsys: Any) -> None:
    imported = run(capsys, "import", str(case_file), "--claimed", "300")[:2]
    assert imported == (0, {"id": 1, "amount_claimed": "300.00"})
    code, listing, _ = run(capsys, "list")
    assert code == 0
    assert [(c["id"], c["status"], c["amount_claimed"]) for c in listing] == [
        (1, "draft", "300.00")
    ]
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
        (["status", "1", "paid"], "不能从“已提交”改为“已赔付”", "cannot go from filed to paid"),
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


def test_status_names_are_chinese_in_chinese(env: Path, case_file: Path, capsys: Any) -> None:
    run(capsys, "import", str(case_file))
    run(capsys, "status", "1", "filed")
    code, _, err = run(capsys, "status", "1", "paid")
    assert code == 2
    assert "已提交" in err and "已赔付" in err and "快递已答复" in err
    assert not any(word in err for word in ("filed", "paid", "answered", "closed"))


def test_redact_masks_the_buyer_in_free_text_too(env: Path, tmp_path: Path, capsys: Any) -> None:
    description = "买家王小明（电话 139-1234-5678）说世纪大道 100 号没收到；家人 13800001111 也问过"
    case_file = tmp_path / "leaky.json"
    data = case_dict(
        buyer=BUYER,
        description=description,
        signer={"who": "buyer", "name": "王小明", "inspected": True},
    )
    case_file.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    run(capsys, "import", str(case_file))
    run(capsys, "status", "1", "filed", "--note", "已联系买家13912345678，王小明确认")
    secrets = ["13912345678", "1234-5678", "王小明", "世纪大道", "13800001111"]

    code, shown, _ = run(capsys, "show", "1", "--redact")
    assert code == 0
    text = json.dumps(shown, ensure_ascii=False)
    assert [secret for secret in secrets if secret in text] == []
    assert shown["history"][-1]["note"] == "已联系买家139****5678，王**确认"
    assert shown["case"]["description"].startswith("买家王**（电话 139****5678）说***没收到")
    assert "138****1111" in shown["case"]["description"]
    assert shown["case"]["tracking_numbers"] == ["SF1234567890123"]  # not a phone number
    assert run(capsys, "show", "1")[1]["case"]["description"] == description

    pack = tmp_path / "pack.zip"
    assert run(capsys, "export", "1", str(pack), "--redact")[0] == 0
    with zipfile.ZipFile(pack) as archive:
        everything = b"".join(archive.read(name) for name in archive.namelist()).decode()
    assert [secret for secret in secrets if secret in everything] == []
    assert "139****5678" in everything


@pytest.mark.parametrize(
    ("argv", "zh", "en"),
    [
        (["status", "1", "filed", "--recovered", "-5"], "不能为负数", "must not be negative"),
        (["import", "{case}", "--claimed", "-10"], "不能为负数", "must not be negative"),
        (["import", "{case}", "--claimed", "1e999"], "太大", "too large"),
        (["import", "{case}", "--claimed", "10000000000"], "太大", "too large"),
        (["import", "{case}", "--claimed", "12.345"], "位小数", "2 decimal places"),
        (["status", "1", "filed", "--recovered", "0.001"], "位小数", "2 decimal places"),
    ],
)
def test_absurd_amounts_are_refused(
    env: Path, case_file: Path, capsys: Any, argv: list[str], zh: str, en: str
) -> None:
    run(capsys, "import", str(case_file), "--claimed", "100")
    argv = [arg.format(case=case_file) for arg in argv]
    for lang, expected in (("zh", zh), ("en", en)):
        code, out, err = run(capsys, *argv, "--lang", lang)
        assert code == 2 and out is None
        assert expected in err and argv[-2] in err and err.count("\n") == 1
    listing = run(capsys, "list")[1]
    assert [(c["status"], c["amount_claimed"], c["amount_recovered"]) for c in listing] == [
        ("draft", "100.00", None)
    ]


def test_recovered_above_claimed_is_kept_with_a_warning(
    env: Path, case_file: Path, capsys: Any
) -> None:
    run(capsys, "import", str(case_file), "--claimed", "100")
    code, out, err = run(capsys, "status", "1", "filed", "--recovered", "120.5")
    assert code == 0 and out["amount_recovered"] == "120.50"
    assert err.count("\n") == 1 and "120.50" in err and "100.00" in err and "多于" in err


def test_tracking_search_normalises_like_case_files(
    env: Path, case_file: Path, capsys: Any
) -> None:
    run(capsys, "import", str(case_file))
    for term in ("SF1234567890123", "sf 1234-5678 90123", " SF-123456789-0123 "):
        assert [c["id"] for c in run(capsys, "list", "--tracking", term)[1]] == [1], term
    assert run(capsys, "list", "--tracking", "SF12345")[1] == []
    assert run(capsys, "list", "--tracking", "%")[1] == []


def test_list_shows_the_detected_carrier(env: Path, case_file: Path, capsys: Any) -> None:
    run(capsys, "import", str(case_file), "--claimed", "300")
    chosen = tmp = case_file.with_name("jd.json")
    tmp.write_text(json.dumps(case_dict(carrier="jd"), ensure_ascii=False), "utf-8")
    run(capsys, "import", str(chosen), "--claimed", "12.5")
    listing = run(capsys, "list")[1]
    assert [(c["carrier"], c["amount_claimed"]) for c in listing] == [
        ("sf", "300.00"),
        ("jd", "12.50"),  # a courier the seller chose wins over the detected one
    ]


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_data_dir_and_files_are_owner_only(
    env: Path, case_file: Path, tmp_path: Path, capsys: Any
) -> None:
    run(capsys, "import", str(case_file))
    backup = tmp_path / "b.zip"
    assert run(capsys, "backup", str(backup))[0] == 0
    assert stat.S_IMODE(env.stat().st_mode) == 0o700
    for path in (env / "keys.json", env / "store.sqlite3", backup):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    wal = env / "store.sqlite3-wal"
    assert not wal.exists() or stat.S_IMODE(wal.stat().st_mode) == 0o600


def test_file_problems_are_worded_for_the_user(
    env: Path, case_file: Path, tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "import", str(case_file))
    dest = tmp_path / "missing" / "x.zip"
    code, _, err = run(capsys, "export", "1", str(dest))
    assert code == 2 and err == f"seller-claims: 无法写入 {dest}：文件或文件夹不存在\n"
    code, _, err = run(capsys, "export", "1", str(dest), "--lang", "en")
    assert err == f"seller-claims: Cannot write {dest}: the file or folder does not exist\n"

    not_a_zip = tmp_path / "notes.zip"
    not_a_zip.write_text("hello", "utf-8")
    other_zip = tmp_path / "other.zip"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("readme.txt", "hi")
    for archive_path in (not_a_zip, other_zip):
        code, _, err = run(capsys, "restore", str(archive_path))
        assert code == 2 and err == f"seller-claims: {archive_path} 不是本软件的备份文件。\n"

    a_file = tmp_path / "passwd"
    a_file.write_text("root:x:0:0", "utf-8")
    monkeypatch.setenv("SELLER_APP_DATA_DIR", str(a_file))
    code, _, err = run(capsys, "list")
    assert code == 2 and err.startswith(f"seller-claims: 无法使用数据目录 {a_file}：")
    assert err.count("\n") == 1 and "File exists" not in err and "directory" not in err
