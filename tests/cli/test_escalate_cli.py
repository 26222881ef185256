"""`seller-claims escalate`: the three documents from a case file or a stored case."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail

from seller_app.cli import main
from seller_app.cli.common import load_case, load_catalog
from seller_app.domain.escalation import claim_figure
from seller_app.domain.money import format_yuan
from seller_app.domain.rules import assess
from tests.conftest import NOW, case_dict
from tests.documents.photo_helpers import pdf_text, squash


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    data_dir = tmp_path / "data"
    monkeypatch.setenv("SELLER_APP_DATA_DIR", str(data_dir))
    monkeypatch.setenv("SELLER_APP_PASSPHRASE", "店铺口令")
    yield data_dir
    keyring.set_keyring(previous)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, **overrides: Any) -> Path:
    path = tmp_path / "case.json"
    data = case_dict(shop={"name": "赟昇小店"}, **overrides)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("courier_complaint", "快递服务投诉书"),
        ("postal_appeal", "邮政业消费者申诉书"),
        ("small_claims", "民事起诉状"),
    ],
)
def test_each_document_as_pdf_and_as_text(
    tmp_path: Path, env: Path, capsys: pytest.CaptureFixture[str], kind: str, title: str
) -> None:
    case = write(tmp_path, complaint_at="2026-11-18T09:00")
    out = tmp_path / f"{kind}.pdf"
    code, stdout, _ = run(capsys, "escalate", str(case), "--to", kind, "-o", str(out))
    assert code == 0 and stdout == f"{out}\n"
    assert title in squash(pdf_text(out))
    code, stdout, _ = run(capsys, "escalate", str(case), "--to", kind, "--text")
    assert code == 0 and stdout.splitlines()[0] == title
    figure = claim_figure(assess(load_case(case, NOW), load_catalog()))
    assert f"{format_yuan(figure)} 元" in stdout  # the claim figure


def test_what_stands_in_the_way_is_said_on_stderr(
    tmp_path: Path, env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = write(tmp_path)  # sent, but no complaint recorded
    code, stdout, err = run(capsys, "escalate", str(case), "--to", "postal_appeal", "--text")
    assert code == 0 and stdout.startswith("邮政业消费者申诉书")
    assert "12305 只受理已向企业投诉的事项" in err
    code, _, err = run(
        capsys, "escalate", str(case), "--to", "postal_appeal", "--text", "--lang", "en"
    )
    assert "only takes matters already complained about" in err


def test_a_stored_case_by_its_id(
    tmp_path: Path, env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = write(tmp_path, claim_at=None)
    assert main(["cases", "import", str(case)]) == 0
    assert main(["cases", "event", "1", "filed", "--at", "2026-11-16T10:00", "--ticket", "T9"]) == 0
    assert main(["cases", "event", "1", "complained", "--at", "2026-11-18T09:00"]) == 0
    capsys.readouterr()
    code, stdout, _ = run(
        capsys, "escalate", "--case-id", "1", "--to", "courier_complaint", "--text"
    )
    assert code == 0
    assert "2026-11-16 10:00 向快递公司提交索赔（工单号 T9）" in stdout
    assert "2026-11-18 09:00 向快递公司投诉" in stdout


@pytest.mark.parametrize(
    ("argv", "zh", "en"),
    [
        (["--to", "postal_appeal", "--text"], "CASE.json 或 --case-id", "CASE.json or --case-id"),
        (["{case}", "--to", "postal_appeal"], "-o OUT.pdf", "-o OUT.pdf"),
        (
            ["{case}", "--to", "small_claims", "-o", "{case}"],
            "就是本次读取的文件",
            "it is the input",
        ),
        (["{case}", "--to", "small_claims", "-o", "{data}/x.pdf"], "数据文件夹", "data folder"),
        (["{case}", "--to", "small_claims", "-o", "{tmp}/no/x.pdf"], "文件夹不存在", "not exist"),
        (["{tmp}/missing.json", "--to", "small_claims", "--text"], "文件不存在", "file not found"),
        (["{case}", "--to", "small_claims", "-o", "{tmp}/x.pdf", "--password", ""], "密码", "pass"),
    ],
)
def test_user_mistakes_exit_2_with_one_line(
    tmp_path: Path,
    env: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    zh: str,
    en: str,
) -> None:
    case = write(tmp_path)
    env.mkdir(parents=True, exist_ok=True)
    filled = [item.format(case=case, data=env, tmp=tmp_path) for item in argv]
    for lang, expected in (("zh", zh), ("en", en)):
        code, stdout, err = run(capsys, "escalate", *filled, "--lang", lang)
        assert code == 2 and stdout == ""
        assert expected in err and err.count("\n") == 1 and "Traceback" not in err
    assert not (env / "x.pdf").exists()
