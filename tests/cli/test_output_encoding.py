"""Output encodings whatever the locale: JSON, documents and files as UTF-8 (CSV with a BOM),
human messages in the terminal's encoding with what it cannot show escaped, never a traceback.

Most tests run the CLI in-process behind stand-in terminals (a byte buffer behind a text stream
in GB18030, GBK or ASCII, as Python sets up stdout under ``LANG=zh_CN.gb18030``, on a Chinese
Windows or an ASCII locale); one runs it as a child process under the GB18030 locale itself.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail

from seller_app.cli import EXIT_USER_ERROR, common, main
from tests.batch.conftest import TAOBAO_HEADER, taobao_row, write_csv
from tests.conftest import case_dict
from tests.documents.photo_helpers import jpeg
from tests.processes import run_cli

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "damage_partial.json"
GB18030_LOCALE = "zh_CN.gb18030"


class _Bytes(io.BytesIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


class Terminal:
    """stdout and stderr as Python opens them on a terminal (or redirect) in `encoding`."""

    def __init__(self, encoding: str, tty: bool = False) -> None:
        self.encoding = encoding
        self._out, self._err = _Bytes(tty), _Bytes(tty)
        self.stdout = io.TextIOWrapper(self._out, encoding=encoding, write_through=True)
        self.stderr = io.TextIOWrapper(self._err, encoding=encoding, write_through=True)

    def out(self) -> bytes:
        self.stdout.flush()
        return self._out.getvalue()

    def err(self) -> bytes:
        self.stderr.flush()
        return self._err.getvalue()


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Terminal]:
    def install(encoding: str, tty: bool = False) -> Terminal:
        fake = Terminal(encoding, tty)
        monkeypatch.setattr("sys.stdout", fake.stdout)
        monkeypatch.setattr("sys.stderr", fake.stderr)
        return fake

    return install


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # never the developer's keychain
    path = tmp_path / "data"
    monkeypatch.setenv("SELLER_APP_DATA_DIR", str(path))
    monkeypatch.setenv("SELLER_APP_PASSPHRASE", "店铺口令")
    yield path
    keyring.set_keyring(previous)


def utf8_json(data: bytes) -> Any:
    """`data` parsed as JSON after a strict UTF-8 decoding (no BOM: JSON must not have one)."""
    assert not data.startswith(codecs.BOM_UTF8)
    return json.loads(data.decode("utf-8"))


def chinese(value: Any) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in json.dumps(value, ensure_ascii=False))


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "ascii"])
@pytest.mark.parametrize("command", ["assess", "schedule"])
def test_json_is_utf8_whatever_the_terminal(
    terminal: Callable[..., Terminal], encoding: str, command: str
) -> None:
    fake = terminal(encoding)
    assert main([command, str(EXAMPLE)]) == 0
    report = utf8_json(fake.out())
    assert chinese(report)  # the words really are Chinese, not escaped to ASCII
    assert fake.err() == b""


def test_photos_json_manifest_and_cases_are_utf8(
    terminal: Callable[..., Terminal], tmp_path: Path, data_dir: Path
) -> None:
    photo = jpeg(tmp_path / "外箱照片.jpg")
    case_file = tmp_path / "案件.json"
    buyer = {"name": "王䶮", "phone": "13912345678", "address": "上海市浦东新区世纪大道100号"}
    case_file.write_text(json.dumps(case_dict(buyer=buyer), ensure_ascii=False), encoding="utf-8")
    fake = terminal("gbk")  # 䶮 (CJK Extension A) has no GBK code
    out = tmp_path / "prepared"
    args = ["photos", str(photo), "--json", "--out", str(out), "--jobs", "1"]
    assert main(args) == 0
    report = utf8_json(fake.out())
    assert report["photos"][0]["file"].endswith("外箱照片.jpg") and chinese(report)
    assert utf8_json((out / "manifest.json").read_bytes()) == report

    fake = terminal("gbk")
    assert main(["cases", "import", str(case_file)]) == 0
    assert utf8_json(fake.out())["id"] == 1
    fake = terminal("gbk")
    assert main(["cases", "show", "1"]) == 0
    assert "王䶮" in json.dumps(utf8_json(fake.out()), ensure_ascii=False)


def test_batch_files_are_utf8_and_the_summary_has_a_bom(
    terminal: Callable[..., Terminal], tmp_path: Path
) -> None:
    orders = write_csv(tmp_path / "订单.csv", TAOBAO_HEADER, [taobao_row(1)], "gbk")
    out = tmp_path / "out"
    fake = terminal("gb18030")
    args = ["batch", str(orders), "--out", str(out), "--incident", "loss", "--weight", "2"]
    assert main([*args, "--jobs", "1", "--form", "none", "--no-store"]) == 0
    summary = (out / "summary.csv").read_bytes()
    assert summary.startswith(codecs.BOM_UTF8)  # Excel and WPS on a Chinese Windows need it
    assert "快递单号" in summary.decode("utf-8-sig")
    for case_file in (out / "cases").glob("*.json"):
        assert chinese(utf8_json(case_file.read_bytes()))
    assert "BEGIN:VCALENDAR" in (out / "claims.ics").read_bytes().decode("utf-8")
    assert "taobao" in fake.out().decode("gb18030")  # the report is for a person: the terminal's


def test_a_message_the_terminal_cannot_show_is_escaped_not_a_traceback(
    terminal: Callable[..., Terminal], tmp_path: Path
) -> None:
    fake = terminal("ascii")
    assert main(["assess", str(tmp_path / "没有这个文件.json")]) == EXIT_USER_ERROR
    err = fake.err().decode("ascii")
    assert err.startswith("seller-claims: ") and err.count("\n") == 1
    assert "\\u6ca1" in err  # 没, escaped
    fake = terminal("gb18030")
    assert main(["assess", str(tmp_path / "没有这个文件.json")]) == EXIT_USER_ERROR
    assert "没有这个文件.json" in fake.err().decode("gb18030")


def test_the_photo_text_report_survives_a_gbk_terminal(
    terminal: Callable[..., Terminal], tmp_path: Path
) -> None:
    photo = jpeg(tmp_path / "p.jpg")
    fake = terminal("gbk")  # ✓ and … have no GBK code
    assert main(["photos", str(photo), "--jobs", "1"]) == 0
    text = fake.out().decode("gbk")
    assert "p.jpg" in text and "\\u2713" in text


def test_on_a_terminal_json_is_shown_in_the_terminal_s_encoding(
    terminal: Callable[..., Terminal],
) -> None:
    fake = terminal("gb18030", tty=True)
    assert main(["assess", str(EXAMPLE)]) == 0
    assert chinese(json.loads(fake.out().decode("gb18030")))


def test_a_lone_surrogate_is_written_as_its_json_escape(
    terminal: Callable[..., Terminal],
) -> None:
    fake = terminal("utf-8")
    name = "IMG_\udcff.jpg"  # a file name that was not valid in the file system's encoding
    common.print_json({"file": name, "caption": "外箱"})
    assert utf8_json(fake.out()) == {"file": name, "caption": "外箱"}


def _gb18030_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    env.update(LANG=GB18030_LOCALE, LC_ALL=GB18030_LOCALE)
    probe = subprocess.run(
        [sys.executable, "-c", "import locale; print(locale.getencoding())"],
        capture_output=True,
        env=env,
        timeout=60,
    )
    if probe.stdout.decode("ascii").strip().lower() != "gb18030":
        pytest.skip(f"no {GB18030_LOCALE} locale: localedef -i zh_CN -f GB18030 {GB18030_LOCALE}")
    return env


def test_under_the_gb18030_locale_json_is_utf8_and_messages_gb18030(tmp_path: Path) -> None:
    env = _gb18030_env()
    result = run_cli("assess", str(EXAMPLE), env=env)  # stdout decoded strictly as UTF-8
    assert result.returncode == 0, result.stderr
    assert chinese(json.loads(result.stdout))
    missing = str(tmp_path / "missing.json")
    raw = subprocess.run(
        [sys.executable, "-m", "seller_app.cli", "assess", missing],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert raw.returncode == EXIT_USER_ERROR
    message = raw.stderr.decode("gb18030")
    assert message == f"seller-claims: {missing}: 文件不存在\n"
    assert raw.stderr != message.encode("utf-8")  # the terminal's encoding, not UTF-8
