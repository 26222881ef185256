"""Hostile input to every command: one clean line and exit 2, nothing read is overwritten,
nothing in the data folder is touched, nothing the case file says can drive the terminal."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail

from seller_app.cli import main
from tests.conftest import case_dict
from tests.documents.photo_helpers import jpeg

POSIX = os.name != "nt"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    data = tmp_path / "data"
    monkeypatch.setenv("SELLER_APP_DATA_DIR", str(data))
    monkeypatch.setenv("SELLER_APP_PASSPHRASE", "店铺口令")
    monkeypatch.setenv("SELLER_APP_BACKUP_PASSPHRASE", "备份口令")
    yield data
    keyring.set_keyring(previous)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def refused(result: tuple[int, str, str], *words: str) -> str:
    """A clean refusal: exit 2, one line on stderr naming the problem, no raw controls."""
    code, _, err = result
    assert code == 2, err
    assert err.startswith("seller-claims: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and "\x1b" not in err and "\u202e" not in err
    for word in words:
        assert word in err, err
    return err


def write_case(path: Path, **overrides: Any) -> Path:
    path.write_text(json.dumps(case_dict(**overrides), ensure_ascii=False), "utf-8")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def seeded(capsys: pytest.CaptureFixture[str], tmp_path: Path, data: Path) -> dict[str, str]:
    """A store with one case; the digests of its database and key file."""
    assert run(capsys, "cases", "import", str(write_case(tmp_path / "seed.json")))[0] == 0
    return {name: digest(data / name) for name in ("store.sqlite3", "keys.json")}


# --------------------------------------------------------------------------- output paths


def test_outputs_onto_their_own_inputs_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    case = write_case(tmp_path / "c.json")
    photo = jpeg(tmp_path / "photo.jpg")
    link = tmp_path / "link.pdf"
    link.symlink_to(case)
    hard = tmp_path / "hard.pdf"
    os.link(case, hard)
    before = {path: digest(path) for path in (case, photo)}
    attempts = [
        ["form", str(case), "-o", str(case)],
        ["form", str(case), "-o", str(photo), "--photos", str(photo)],
        ["form", str(case), "-o", str(link)],
        ["form", str(case), "-o", str(hard)],
        ["form", str(case), "-o", str(tmp_path / "ok.pdf"), "--statement", str(case)],
        ["schedule", str(case), "--ics", str(case)],
        ["schedule", str(case), "--ics", str(hard)],
        ["photos", str(photo), "--out", str(tmp_path), "--case", str(tmp_path / "manifest.json")],
    ]
    (tmp_path / "manifest.json").write_text(json.dumps(case_dict()), "utf-8")
    for argv in attempts:
        refused(run(capsys, *argv))
    assert {path: digest(path) for path in before} == before
    assert not (tmp_path / "ok.pdf").exists()


def test_nothing_is_written_into_the_data_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    kept = seeded(capsys, tmp_path, data_dir)
    case = write_case(tmp_path / "c.json")
    elsewhere = tmp_path / "elsewhere.zip"
    os.link(data_dir / "keys.json", elsewhere)
    attempts = [
        ["cases", "backup", str(data_dir / "store.sqlite3")],
        ["cases", "backup", str(data_dir / "keys.json")],
        ["cases", "backup", str(data_dir / "copies" / "b.zip")],
        ["cases", "backup", str(elsewhere)],  # a hard link to the key file
        ["cases", "export", "1", str(data_dir / "blobs" / "pack.zip")],
        ["cases", "export", "1", str(data_dir / "pack"), "--folder"],
        ["form", str(case), "-o", str(data_dir / "store.sqlite3")],
        ["form", str(case), "-o", str(data_dir / "form.pdf")],
        ["schedule", str(case), "--ics", str(data_dir / "keys.json")],
        ["photos", str(jpeg(tmp_path / "p.jpg")), "--out", str(data_dir / "blobs")],
        ["batch", str(case), "--out", str(data_dir / "claims")],
    ]
    for argv in attempts:
        refused(run(capsys, *argv), str(data_dir))
    assert {name: digest(data_dir / name) for name in kept} == kept
    assert not (data_dir / "form.pdf").exists() and not (data_dir / "claims").exists()
    code, out, _ = run(capsys, "cases", "list")
    assert code == 0 and [c["id"] for c in json.loads(out)] == [1]


@pytest.mark.skipif(not POSIX, reason="FIFOs are POSIX")
def test_an_output_that_is_not_a_regular_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    case = write_case(tmp_path / "c.json")
    fifo = tmp_path / "out.pdf"
    os.mkfifo(fifo)
    refused(run(capsys, "form", str(case), "-o", str(fifo)))
    refused(run(capsys, "form", str(case), "-o", str(tmp_path)))
    refused(run(capsys, "schedule", str(case), "--ics", str(fifo)))


# --------------------------------------------------------------------------- reading


@pytest.mark.skipif(not POSIX, reason="FIFOs and /dev/zero are POSIX")
def test_special_files_are_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (3 * 1024 * 1024))
    for path, why in (
        (fifo, "普通文件"),
        (zero, "普通文件"),
        (tmp_path, "普通文件"),
        (big, "太大"),
    ):
        refused(run(capsys, "assess", str(path)), str(path), why)
    # every command reads case files through the same reader: each once, with the FIFO
    refused(run(capsys, "schedule", str(fifo)), "普通文件")
    refused(run(capsys, "form", str(fifo), "-o", str(tmp_path / "x.pdf")), "普通文件")
    refused(run(capsys, "cases", "import", str(zero)), "普通文件")
    photo_fifo = tmp_path / "p.jpg"
    os.mkfifo(photo_fifo)
    code, out, err = run(capsys, "photos", str(photo_fifo), str(zero))
    assert code == 2 and out.count("✗") == 2 and "普通文件" in out
    case = write_case(tmp_path / "c.json")
    refused(run(capsys, "form", str(case), "-o", str(tmp_path / "y.pdf"), "--photos", str(zero)))
    refused(run(capsys, "cases", "restore", str(fifo), "--yes"), "普通文件")


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("[" * 100_000 + "]" * 100_000, "嵌套"),
        ('{"format": 1, "x": ' + "[" * 900 + "]" * 900 + "}", "嵌套"),
        ('{"format": ' + "9" * 5000 + "}", "位数"),
        ('{"format": 1, "goods_value": 1' + "0" * 5000 + ".5}", "位数"),
        ('{"format": 1, "description": "\\ud800"}', "description"),
        ('{"format": 1, "\\udfff": 1}', "无效字符"),
    ],
)
def test_hostile_json_is_refused_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, why: str
) -> None:
    path = tmp_path / "c.json"
    path.write_text(text, "utf-8")
    refused(run(capsys, "assess", str(path)), why)


@pytest.mark.parametrize("value", ["99999999999999999999", "-1", "0", "abc", "１", "1e3"])
def test_case_numbers_out_of_range_are_refused(
    capsys: pytest.CaptureFixture[str], data_dir: Path, value: str
) -> None:
    for action in (["show", value], ["status", value, "filed"], ["export", value, "x.zip"]):
        refused(run(capsys, "cases", *action), "案件编号")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("posted_at", "9999-12-31T23:59:59-12:00"),
        ("posted_at", "0001-01-01T00:00:00+14:00"),
        ("claim_at", "9999-12-31"),
        ("courier_replied_at", "9999-12-31T23:00:00"),
        ("agreed_at", "0001-01-01"),
        ("platform_escalated_at", "9999-12-30"),
        ("buyer_requested_at", "9999-12-31T23:59:59+14:00"),
    ],
)
def test_dates_at_the_ends_of_time_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], field: str, value: str
) -> None:
    case = write_case(tmp_path / "c.json", **{field: value})
    for argv in (["assess", str(case)], ["schedule", str(case)]):
        refused(run(capsys, *argv), field, "年份")


def test_control_characters_from_a_case_file_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = write_case(
        tmp_path / "c.json", tracking_numbers=["SF\x1b[2J\x1b]0;pwned\x07\nFAKE\u202e123"]
    )
    err = refused(run(capsys, "assess", str(case)))
    assert "\\x1b[2J" in err and "\\n" in err and "\\u202e" in err and "\x07" not in err


# --------------------------------------------------------------------------- long text


@pytest.mark.parametrize(
    "overrides",
    [
        {"description": "包裹外箱严重破损，内件玻璃杯碎裂。" * 176},  # ~3,000 characters
        {"description": "\n".join(f"第{i}行" for i in range(66))},
        {"goods": {"description": "高端定制实木家具" * 400}},
        {
            "buyer": {"name": "张" * 300, "address": "浙江省杭州市西湖区文三路" * 300},
            "shop": {"name": "小店" * 500},
            "signer": {"who": "unauthorized", "name": "王" * 2000, "inspected": False},
        },
    ],
)
def test_long_text_flows_onto_further_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], overrides: dict[str, Any]
) -> None:
    from pypdf import PdfReader

    case = write_case(tmp_path / "c.json", **overrides)
    form, statement = tmp_path / "form.pdf", tmp_path / "statement.pdf"
    argv = ["form", str(case), "-o", str(form)]
    if "signer" in overrides:
        argv += ["--statement", str(statement)]
    code, _, err = run(capsys, *argv)
    assert code == 0, err
    for pdf in [form] + ([statement] if "signer" in overrides else []):
        text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
        assert "续页" in text and "全文见续页" in text


# --------------------------------------------------------------------------- store files


def test_a_restore_from_a_fifo_or_a_bomb_touches_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    kept = seeded(capsys, tmp_path, data_dir)
    import zipfile

    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "backup.json",
            json.dumps(
                {
                    "format": "seller-claims-backup",
                    "version": 1,
                    "kdf": {
                        "name": "scrypt",
                        "salt": "AAAAAAAAAAAAAAAAAAAAAA==",
                        "n": 2**40,
                        "r": 8,
                        "p": 100000,
                    },
                }
            ),
        )
        archive.writestr("manifest.bin", b"\0" * 1000)
    refused(run(capsys, "cases", "restore", str(bomb), "--yes"), "损坏")
    assert {name: digest(data_dir / name) for name in kept} == kept
    conn = sqlite3.connect(data_dir / "store.sqlite3")
    assert conn.execute("SELECT count(*) FROM cases").fetchone() == (1,)
    conn.close()


def test_a_photo_taken_at_the_end_of_time_is_checked_without_overflow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from PIL import Image

    photo = tmp_path / "y9999.jpg"
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = "9999:12:31 23:59:59"  # DateTimeOriginal
    exif.get_ifd(0x8769)[0x9011] = "-12:00"  # OffsetTimeOriginal
    Image.new("RGB", (64, 48), (120, 100, 80)).save(photo, "JPEG", exif=exif.tobytes())
    signer = {"who": "buyer", "inspected": True, "signed_at": "2026-11-12T10:00"}
    case = write_case(tmp_path / "c.json", signer=signer)
    code, out, err = run(capsys, "photos", str(photo), "--case", str(case), "--json", "--jobs", "1")
    assert code == 0, err
    (entry,) = json.loads(out)["photos"]
    assert entry["captured_at"] is None  # no usable capture time, said as such
    assert "no_capture_time" in {warning["code"] for warning in entry["warnings"]}


def test_json_output_escapes_what_json_leaves_raw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    text = "买家说\u202e7002\u202c，\x9b31m红字\x1b[0m"
    case = write_case(tmp_path / "c.json", description=text)
    assert run(capsys, "cases", "import", str(case))[0] == 0
    code, out, _ = run(capsys, "cases", "show", "1")
    assert code == 0 and not set(out) & {"\u202e", "\x9b", "\x1b"}
    assert json.loads(out)["case"]["description"] == text  # the same data, escaped
