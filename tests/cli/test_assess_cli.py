"""`seller-claims assess` through a real subprocess, as a user runs it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import case_dict
from tests.processes import run_cli, run_python

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def seller_claims(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args)  # JSON read as UTF-8, messages in the terminal's encoding


def write(tmp_path: Path, data: Any, name: str = "case.json") -> Path:
    path = tmp_path / name
    path.write_text(
        data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8"
    )
    return path


def test_assess_prints_the_figures(tmp_path: Path) -> None:
    result = seller_claims("assess", str(EXAMPLES / "damage_partial.json"))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["eligible"] is True
    # SF's terms by default (the number is SF's): the whole freight 12 + min(120, 7 × 12 = 84).
    assert (out["amount"], out["fee_refund"], out["value_compensation"]) == (
        "96.00",
        "12.00",
        "84.00",
    )
    assert out["currency"] == "CNY"
    assert out["actual_loss_claim"] == "132.00"
    # The claim asks for the higher actual loss.
    assert (out["claim"]["basis"], out["claim"]["amount"]) == ("actual_loss", "132.00")
    assert "96.00" in out["claim"]["why"]
    assert out["basis"][0] == "SF-loss"
    assert out["carrier"] == {"code": "sf", "candidates": ["sf"]}
    assert out["policy"]["id"] == "sf" and out["policy"]["read_at"]
    assert out["policy"]["why"] == "按顺丰条款计算：单号识别为顺丰速运"
    codes = {item["code"] for item in out["warnings"]}
    assert "signed_without_inspection" in codes
    assert all("text" in item for key in ("reasons", "warnings", "advice") for item in out[key])
    assert "签收" in result.stdout  # Chinese by default


def test_assess_in_english(tmp_path: Path) -> None:
    result = seller_claims("assess", str(EXAMPLES / "loss_insured.json"), "--lang", "en")
    out = json.loads(result.stdout)
    assert out["amount"] == "1518.00"
    assert out["reasons"][0]["text"].startswith("Loss")
    assert out["carrier"]["code"] == "jt"


def test_not_eligible_still_exits_zero(tmp_path: Path) -> None:
    path = write(tmp_path, case_dict(claim_at="2027-11-12"))
    result = seller_claims("assess", str(path))
    assert result.returncode == 0
    out = json.loads(result.stdout)
    assert (out["eligible"], out["amount"], out["basis"]) == (False, "0.00", ["A.4"])


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "JSON"),
        (case_dict(service_fee="十二"), "service_fee"),
        (case_dict(service_fee=[12]), "service_fee"),
        (case_dict(goods_value="-5"), "goods_value"),
        (case_dict(weight_kg=0), "weight_kg"),
        (
            case_dict(incident="damage", damage={"extent": "partial", "lost_value": "999"}),
            "damage.lost_value",
        ),
        (case_dict(claim_at="2026-01-01"), "claim_at"),
        (case_dict(incident="damage"), "damage"),
        (case_dict(incident="stolen"), "incident"),
        (case_dict(tracking_numbers=[]), "tracking_numbers"),
        (case_dict(policy="dhl"), "policy"),
        (case_dict(extra_field=1), "extra_field"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path: Path, content: Any, expected: str) -> None:
    result = seller_claims("assess", str(write(tmp_path, content)))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]
    assert "Traceback" not in result.stderr


def test_missing_file_and_non_utf8(tmp_path: Path) -> None:
    missing = seller_claims("assess", str(tmp_path / "nope.json"), "--lang", "en")
    assert missing.returncode == 2 and "file not found" in missing.stderr
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes(json.dumps(case_dict(description="碎了"), ensure_ascii=False).encode("gbk"))
    result = seller_claims("assess", str(gbk))
    assert result.returncode == 2 and "UTF-8" in result.stderr


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(case_dict()).encode())
    assert seller_claims("assess", str(path)).returncode == 0


def test_error_language_follows_lang(tmp_path: Path) -> None:
    path = str(write(tmp_path, case_dict(goods_value="0")))
    assert "必须大于 0" in seller_claims("assess", path).stderr
    assert "must be greater than 0" in seller_claims("assess", path, "--lang", "en").stderr


def test_usage_error_exits_2() -> None:
    assert seller_claims("assess").returncode == 2
    assert seller_claims("nonsense").returncode == 2


def test_cli_never_imports_qt(tmp_path: Path) -> None:
    code = (
        "import sys, contextlib, io\n"
        "from seller_app.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['assess', {str(EXAMPLES / 'damage_partial.json')!r}])\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
    )
    result = run_python(["-c", code])
    assert result.returncode == 0, result.stderr


def test_a_courier_without_terms_on_file_is_assessed_under_the_standard_with_a_notice(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, case_dict(carrier="jd"), "jd.json")
    out = json.loads(seller_claims("assess", str(path)).stdout)
    assert out["policy"]["id"] == "standard" and out["policy"]["chosen_by"] == "fallback"
    assert "未找到京东物流" in out["policy"]["why"]
    assert "carrier_terms_missing" in {item["code"] for item in out["warnings"]}
    # The claim still asks for the higher actual loss: 12 + 300.
    assert out["claim"] == {**out["claim"], "basis": "actual_loss", "amount": "312.00"}
