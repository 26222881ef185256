"""`seller-claims cases event|schedule|show|import`: the follow-up of a stored case."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
import vobject
from keyring.backends import fail

from seller_app.cli import main
from tests.conftest import case_dict


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    data_dir = tmp_path / "data"
    monkeypatch.setenv("SELLER_APP_DATA_DIR", str(data_dir))
    monkeypatch.setenv("SELLER_APP_PASSPHRASE", "店铺口令")
    yield data_dir
    keyring.set_keyring(previous)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(["cases", *argv])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else None), err


@pytest.fixture
def unsent(tmp_path: Path) -> Path:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_dict(claim_at=None), ensure_ascii=False), "utf-8")
    return path


def kinds(result: dict[str, Any]) -> list[str]:
    return [d["kind"] for d in result["deadlines"]]


def test_a_claim_from_filing_to_payment(
    env: Path, unsent: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "import", str(unsent))[0] == 0
    code, shown, _ = run(capsys, "show", "1")
    assert shown["status"] == "draft" and kinds(shown) == ["file_claim"]
    assert shown["events"] == [] and shown["event_log"] == []

    code, result, err = run(
        capsys,
        "event",
        "1",
        "filed",
        "--at",
        "2026-11-16T10:00",
        "--channel",
        "官网",
        "--ticket",
        "SF-88",
        "--note",
        "官网提交",
    )
    assert (code, err) == (0, "")
    assert result["status"] == "filed"
    assert kinds(result) == ["courier_reply", "courier_proposal", "claim_deadline"]
    assert result["deadlines"][0]["due"] == "2026-11-17T10:00:00+08:00"
    filed = "2026-11-16 10:00 向快递公司提交索赔（官网，工单号 SF-88）"
    assert result["events"][0]["text"] == filed

    code, result, _ = run(
        capsys, "event", "1", "proposal", "--at", "2026-11-17T11:00", "--amount", "20"
    )
    assert result["status"] == "answered" and "courier_reply" not in kinds(result)
    code, result, _ = run(capsys, "event", "1", "complained", "--at", "2026-11-18T09:00")
    assert result["status"] == "escalated"
    complaint = next(d for d in result["deadlines"] if d["kind"] == "courier_complaint")
    assert complaint["due"] == "2026-11-25T09:00:00+08:00"  # 7 days from the complaint
    assert "postal_appeal" in kinds(result)
    code, result, _ = run(capsys, "event", "1", "appealed", "--at", "2026-11-26T09:00")
    assert "appeal_answer" in kinds(result) and "postal_appeal" not in kinds(result)
    code, result, _ = run(
        capsys, "event", "1", "paid", "--at", "2026-11-28T15:00", "--amount", "72"
    )
    assert result["status"] == "paid" and kinds(result) == ["claim_deadline"]

    code, shown, _ = run(capsys, "show", "1", "--lang", "en")
    assert shown["amount_recovered"] == "72.00"
    assert [e["kind"] for e in shown["events"]] == [
        "filed",
        "proposal",
        "complained",
        "appealed",
        "paid",
    ]
    assert shown["event_log"][0]["note"] == "官网提交"
    assert shown["events"][-1]["text"].endswith("Compensation received: 72.00 yuan")
    assert [h["status"] for h in shown["history"]] == [
        "draft",
        "filed",
        "answered",
        "escalated",
        "paid",
    ]


def test_cases_schedule_writes_a_calendar_that_updates(
    tmp_path: Path, env: Path, unsent: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "import", str(unsent))
    ics = tmp_path / "case.ics"
    code, before, _ = run(capsys, "schedule", "1", "--ics", str(ics))
    assert code == 0 and kinds(before) == ["file_claim"]
    first = {e.uid.value for e in vobject.readOne(ics.read_text("utf-8")).vevent_list}
    run(capsys, "event", "1", "filed", "--at", "2026-11-16T10:00")
    run(capsys, "event", "1", "replied", "--at", "2026-11-16T15:00")
    code, after, _ = run(capsys, "schedule", "1", "--ics", str(ics))
    events = vobject.readOne(ics.read_text("utf-8")).vevent_list
    assert first <= {e.uid.value for e in events}  # the send-the-claim event is updated
    cancelled = [e for e in events if hasattr(e, "status")]
    assert [e.categories.value[0] for e in cancelled] == ["courier_reply"]


@pytest.mark.parametrize(
    ("argv", "zh", "en"),
    [
        (["event", "1", "replied"], "还没有记录向快递公司提交索赔", "not been recorded as sent"),
        (["event", "1", "filed", "--at", "2099-01-01"], "晚于现在", "in the future"),
        (["event", "1", "filed", "--channel", "微信"], "取值 微信 无效", "微信 is not allowed"),
        (["event", "1", "proposal"], "缺少必填项", "is required"),
        (["event", "1", "filed", "--amount", "3"], "这一事件不需要这一项", "does not take"),
        (["event", "9", "filed"], "找不到案件 9", "There is no case 9"),
    ],
)
def test_event_mistakes_exit_2_with_one_line(
    env: Path,
    unsent: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    zh: str,
    en: str,
) -> None:
    run(capsys, "import", str(unsent))
    for lang, expected in (("zh", zh), ("en", en)):
        code, out, err = run(capsys, *argv, "--lang", lang)
        assert code == 2 and out is None
        assert expected in err and err.count("\n") == 1 and "Traceback" not in err
    assert run(capsys, "show", "1")[1]["status"] == "draft"


def test_event_errors_name_the_option(
    env: Path, unsent: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "import", str(unsent))
    code, _, err = run(capsys, "event", "1", "filed", "--at", "2099-01-01")
    assert err.startswith("seller-claims: --at:") and "claim_at" not in err


def test_clear_takes_back_a_mistaken_event(
    env: Path, unsent: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "import", str(unsent))
    run(capsys, "event", "1", "filed", "--at", "2026-11-16T10:00")
    run(capsys, "event", "1", "buyer-requested", "--at", "2026-11-15T10:00")
    code, result, _ = run(capsys, "event", "1", "buyer_requested", "--clear")
    assert code == 0 and [e["kind"] for e in result["events"]] == ["filed"]


def test_import_flags_a_second_claim_for_the_same_parcel(
    tmp_path: Path, env: Path, unsent: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "import", str(unsent))[1]["id"] == 1
    other = tmp_path / "other.json"
    other.write_text(
        json.dumps(case_dict(claim_at=None, tracking_numbers=["YT9876543210", "SF1234567890123"])),
        "utf-8",
    )
    code, result, err = run(capsys, "import", str(other))
    assert code == 0 and result["id"] == 2 and result["duplicates"] == [1]
    assert "SF1234567890123" in err and "#1（草稿）" in err and "重复索赔" in err
    assert "YT9876543210" not in err  # only the shared number is named
    code, _, err = run(capsys, "import", str(unsent), "--lang", "en")
    assert "#1 (draft), #2 (draft)" in err and "second claim" in err
