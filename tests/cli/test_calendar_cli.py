"""`seller-claims calendar import|list`: a year's official schedule added without an installer."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from seller_app.cli import main
from seller_app.domain.workdays import ChinaCalendar, installed_official_years
from seller_app.holiday_files import (
    MAX_BYTES,
    HolidayFileError,
    install_user_schedules,
    read_schedule_file,
    schedules_dir,
)
from tests.conftest import case_dict

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "holidays" / "2026.toml"

NOTICE_2027 = """\
year = 2027
source = "示例：2027 年放假安排"
days_off = ["2027-01-01..2027-01-03", "2027-02-05..2027-02-12", "2027-04-03..2027-04-05",
            "2027-05-01..2027-05-05", "2027-06-09", "2027-09-15", "2027-10-01..2027-10-07"]
workdays = ["2027-02-20", "2027-09-26", "2027-10-09"]
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip().startswith("{") else out), err


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("SELLER_APP_DATA_DIR", str(folder))
    return folder


def test_import_stores_the_year_and_deadlines_use_it(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notice = tmp_path / "2027.toml"
    notice.write_text(NOTICE_2027, "utf-8")
    code, out, err = run(capsys, "calendar", "import", str(notice))
    assert (code, err) == (0, "")
    assert out["year"] == 2027 and out["days_off"] == 28
    assert out["workdays"] == ["2027-02-20", "2027-09-26", "2027-10-09"]
    stored = schedules_dir(data_dir) / "2027.toml"
    assert Path(out["stored"]) == stored and read_schedule_file(stored).year == 2027
    # a later command counts with it: a payment due on 10 Feb 2027 (off) runs to 15 Feb
    case = tmp_path / "case.json"
    case.write_text(
        json.dumps(
            case_dict(
                claim_at="2027-01-20T10:00", posted_at="2027-01-10", agreed_at="2027-02-03T10:00"
            )
        ),
        "utf-8",
    )
    code, out, _ = run(capsys, "schedule", str(case))
    payment = next(d for d in out["deadlines"] if d["kind"] == "payment")
    assert payment["legal_due"] == "2027-02-15T10:00:00+08:00"
    assert payment["warnings"] == []  # official now, no "2027 unknown"
    code, out, _ = run(capsys, "calendar", "list")
    by_year = {row["year"]: row for row in out["years"]}
    assert by_year[2027]["source"] == "imported" and by_year[2026]["source"] == "bundled"
    assert by_year[2028]["source"] == "statutory_only" and not by_year[2028]["official"]


def test_list_without_imports_says_which_years_are_estimates(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "calendar", "list", "--lang", "en")
    assert code == 0
    estimate = next(row for row in out["years"] if row["year"] == 2027)
    assert estimate["source"] == "statutory_only" and "make-up" in estimate["text"]


@pytest.mark.parametrize(
    ("content", "zh", "en"),
    [
        ("year = 2027\ndays_off = [", "不是有效的 TOML", "not valid TOML"),
        (
            'year = 2027\ndays_off = ["2027-01-01"]',
            "缺少法定节假日 2027-02-05",
            "statutory holiday",
        ),
        (NOTICE_2027.replace('"2027-02-20"', '"2027-02-22"'), "workdays[0]", "workdays[0]"),
        (NOTICE_2027 + "\nextra = 1\n", "未知字段", "unknown field"),
    ],
)
def test_a_bad_file_is_one_line_and_exit_2(
    tmp_path: Path,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    content: str,
    zh: str,
    en: str,
) -> None:
    notice = tmp_path / "bad.toml"
    notice.write_text(content, "utf-8")
    for lang, expected in (("zh", zh), ("en", en)):
        code, out, err = run(capsys, "calendar", "import", str(notice), "--lang", lang)
        assert code == 2 and out == ""
        assert expected in err and err.count("\n") == 1 and "Traceback" not in err
    assert not schedules_dir(data_dir).exists() or not any(schedules_dir(data_dir).iterdir())


def test_only_small_regular_files_are_read(tmp_path: Path) -> None:
    with pytest.raises(HolidayFileError) as error:
        read_schedule_file(tmp_path)  # a folder
    assert error.value.error.code == "not_a_regular_file"
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * (MAX_BYTES + 1))
    with pytest.raises(HolidayFileError) as error:
        read_schedule_file(big)
    assert error.value.error.code == "file_too_large"
    with pytest.raises(HolidayFileError) as error:
        read_schedule_file(tmp_path / "missing.toml")
    assert error.value.error.code == "file_missing"


def test_json_is_accepted_too(tmp_path: Path) -> None:
    notice = tmp_path / "2026.json"
    notice.write_text(
        json.dumps(
            {
                "year": 2026,
                "days_off": [
                    "2026-01-01..2026-01-03",
                    "2026-02-15..2026-02-23",
                    "2026-04-04..2026-04-06",
                    "2026-05-01..2026-05-05",
                    "2026-06-19",
                    "2026-09-25",
                    "2026-10-01..2026-10-07",
                ],
            }
        ),
        "utf-8",
    )
    assert read_schedule_file(notice).year == 2026


def test_a_damaged_stored_file_is_skipped_not_fatal(tmp_path: Path) -> None:
    folder = schedules_dir(tmp_path)
    folder.mkdir(parents=True)
    shutil.copy(EXAMPLE, folder / "2026.toml")
    (folder / "2027.toml").write_text("year = 2027\n", "utf-8")
    installed = install_user_schedules(tmp_path)
    assert [official.year for official in installed] == [2026]
    assert installed_official_years() == installed
    assert not ChinaCalendar().knows(date(2027, 5, 6))


def test_the_stored_file_is_written_atomically(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notice = tmp_path / "2026.toml"
    shutil.copy(EXAMPLE, notice)
    assert run(capsys, "calendar", "import", str(notice))[0] == 0
    assert run(capsys, "calendar", "import", str(notice))[0] == 0  # again: replaced
    assert sorted(os.listdir(schedules_dir(data_dir))) == ["2026.toml"]
