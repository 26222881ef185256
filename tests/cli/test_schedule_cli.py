"""`seller-claims schedule`: JSON on stdout, optional .ics, exit 2 for the user's mistakes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import vobject

from seller_app.cli import EXIT_USER_ERROR, main
from tests.conftest import case_dict


def write_case(tmp_path: Path, **overrides: Any) -> Path:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_dict(**overrides), ensure_ascii=False), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_schedule_prints_the_deadlines_sorted_by_due(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_case(tmp_path, claim_at="2026-09-26T10:00:00", posted_at="2026-09-20T08:00:00")
    code, out, err = run(capsys, "schedule", str(path))
    assert (code, err) == (0, "")
    deadlines = json.loads(out)["deadlines"]
    assert [d["kind"] for d in deadlines] == [
        "courier_reply",
        "courier_proposal",
        "claim_deadline",
    ]
    assert [d["due"] for d in deadlines] == [
        "2026-09-27T10:00:00+08:00",
        "2026-10-27T10:00:00+08:00",
        "2027-09-20T23:59:59+08:00",  # the claim period ends with its last day
    ]
    assert deadlines[0]["title"] == "快递公司应答复索赔"
    assert deadlines[2]["warnings"][0]["code"] == "calendar_year_unknown"


def test_schedule_before_the_claim_is_sent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No claim_at: one task, to send the claim, due the claim period's last day."""
    path = write_case(tmp_path, claim_at=None, posted_at="2026-09-20T08:00:00")
    code, out, err = run(capsys, "schedule", str(path))
    assert (code, err) == (0, "")
    (task,) = json.loads(out)["deadlines"]
    assert task["kind"] == "file_claim" and task["due"] == "2027-09-20T23:59:59+08:00"
    assert task["title"] == "向快递公司提交索赔"
    assert len(task["reminders"]) == 4  # a month, a week, a day before, and on the day


def test_schedule_in_english_with_a_calendar_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_case(tmp_path, agreed_at="2026-11-20T10:00:00", order_id="3912345678901234567")
    ics = tmp_path / "out" / "case.ics"
    ics.parent.mkdir()
    code, out, _ = run(capsys, "schedule", str(path), "--ics", str(ics), "--lang", "en")
    assert code == 0
    deadlines = json.loads(out)["deadlines"]
    assert deadlines[0]["title"] == "Courier must pay the compensation"
    events = vobject.readOne(ics.read_text(encoding="utf-8")).vevent_list
    live = [e for e in events if not hasattr(e, "status")]
    cancelled = [e for e in events if hasattr(e, "status")]
    assert len(live) == len(deadlines) == 2  # payment and the claim period
    # the agreement met the answer and the proposal: cancelled for calendars that had them
    assert {e.categories.value[0] for e in cancelled} == {"courier_reply", "courier_proposal"}
    assert all(e.status.value == "CANCELLED" for e in cancelled)
    assert all("(tracking SF1234567890123)" in event.summary.value for event in events)
    assert [len(e.valarm_list) for e in live] == [len(d["reminders"]) for d in deadlines]


def test_exporting_again_keeps_the_event_uids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ics = tmp_path / "case.ics"

    def export(**overrides: Any) -> list[str]:
        code, _, _ = run(
            capsys, "schedule", str(write_case(tmp_path, **overrides)), "--ics", str(ics)
        )
        assert code == 0
        return sorted(e.uid.value for e in vobject.readOne(ics.read_text("utf-8")).vevent_list)

    assert export() == export(courier_replied_at="2026-11-16T18:00:00")


@pytest.mark.parametrize(
    ("content", "lang", "message"),
    [
        (None, "zh", "文件不存在"),
        ("{not json", "en", "is not valid JSON (line 1"),
        (case_dict(posted_at="next week"), "en", "posted_at: is not a valid date"),
        (case_dict(agreed_at="2026-13-01"), "zh", "agreed_at: 不是有效日期时间"),
        (case_dict(claim_at="2026-11-01T10:00:00"), "en", "claim_at: the claim date is before"),
        (case_dict(region="mars"), "en", "region: mars is not allowed"),
        (case_dict(tracking_numbers=[]), "zh", "tracking_numbers: 至少需要一个快递单号"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: object,
    lang: str,
    message: str,
) -> None:
    path = tmp_path / "case.json"
    if content is not None:
        text = content if isinstance(content, str) else json.dumps(content)
        path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "schedule", str(path), "--lang", lang)
    assert code == EXIT_USER_ERROR
    assert out == ""
    assert err.startswith("seller-claims: ") and err.count("\n") == 1
    assert message in err
    assert "Traceback" not in err


def test_an_unwritable_calendar_path_exits_2_and_prints_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_case(tmp_path)
    code, out, err = run(capsys, "schedule", str(path), "--ics", str(tmp_path / "no" / "x.ics"))
    assert code == EXIT_USER_ERROR
    assert out == ""
    assert "无法写入日历文件" in err and "x.ics" in err


def test_an_unknown_language_is_refused_by_the_parser(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["schedule", str(write_case(tmp_path)), "--lang", "fr"])
    assert exit_info.value.code == EXIT_USER_ERROR
    assert "invalid choice" in capsys.readouterr().err
