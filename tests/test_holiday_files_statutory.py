"""The bundled statutory days off (resources/holidays/statutory.json, issue 16): the pinned
``holidays`` package's own figures, read instead of importing it, ignored when they could be
another version's."""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from seller_app import holiday_files
from seller_app.cli import main
from seller_app.domain.workdays import (
    LAST_YEAR,
    ChinaCalendar,
    install_statutory_source,
    nth_workday_after,
    package_statutory_holidays,
    statutory_holidays,
)
from seller_app.holiday_files import (
    bundled_statutory_holidays,
    installed_package_version,
    read_statutory_file,
    statutory_path,
    use_bundled_statutory,
)
from tests.conftest import case_dict
from tests.processes import run_python

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _bundled_file_restored() -> Any:
    """Every test here starts and ends with the shipped file, read afresh."""
    use_bundled_statutory(statutory_path())
    yield
    use_bundled_statutory(statutory_path())


def test_the_file_is_what_the_installed_package_gives_for_every_year() -> None:
    """Fails when the `holidays` pin moves and the file is not regenerated."""
    version, table = read_statutory_file(statutory_path())
    assert version == installed_package_version()
    assert sorted(table) == list(range(2027, LAST_YEAR + 1))
    for year in table:
        assert bundled_statutory_holidays(year) == package_statutory_holidays(year), year


def test_the_installed_version_is_found_without_importing_metadata() -> None:
    from importlib import metadata

    assert installed_package_version() == metadata.version("holidays")
    assert installed_package_version("no-such-package-here") is None


def test_the_domain_answers_from_the_file_and_the_package_beyond_it() -> None:
    asked: list[int] = []

    def source(year: int) -> Any:
        asked.append(year)
        return bundled_statutory_holidays(year)

    install_statutory_source(source)
    try:
        assert statutory_holidays(2027)[date(2027, 2, 5)] == "农历除夕"
        statutory_holidays(2027)  # cached: the source is asked once a year
        assert statutory_holidays(2003) == package_statutory_holidays(2003)  # not in the file
        assert date(2003, 1, 1) in statutory_holidays(2003)
        assert asked == [2027, 2003]
    finally:
        use_bundled_statutory()


def test_nothing_is_read_until_a_year_is_asked_for(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    reads: list[Path] = []
    real = holiday_files.read_statutory_file
    monkeypatch.setattr(holiday_files, "_statutory", None)
    monkeypatch.setattr(holiday_files, "read_statutory_file", lambda p: reads.append(p) or real(p))
    holiday_files.install_user_schedules(tmp_path)
    nth_workday_after(date(2026, 11, 2), 3, ChinaCalendar())  # 2026 only: chinese-calendar
    assert reads == []
    assert nth_workday_after(date(2027, 2, 4), 1, ChinaCalendar()).day == date(2027, 2, 9)
    statutory_holidays(2031)
    assert reads == [statutory_path()]  # once for the process


def _file(tmp_path: Path, **changes: Any) -> Path:
    data = json.loads(statutory_path().read_text("utf-8"))
    data.update(changes)
    path = tmp_path / "statutory.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_a_file_from_another_version_is_ignored_with_a_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    wrong = {"2027": {"2027-03-03": "不是节日"}}
    with caplog.at_level(logging.WARNING, logger="seller_app.holiday_files"):
        use_bundled_statutory(_file(tmp_path, version="0.1", years=wrong))
    assert "generated from holidays 0.1" in caplog.text
    assert bundled_statutory_holidays(2027) is None
    assert statutory_holidays(2027) == package_statutory_holidays(2027)
    assert date(2027, 3, 3) not in statutory_holidays(2027)


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe",
        b"[]",
        json.dumps({"package": "holidays", "version": "0.108"}).encode(),
        json.dumps(
            {"package": "holidays", "version": "0.108", "years": {"2027": {"2028-01-01": "x"}}}
        ).encode(),
        b"{" + b" " * (300 * 1024) + b"}",
    ],
    ids=["bad-json", "not-utf8", "not-an-object", "no-years", "date-of-another-year", "too-big"],
)
def test_a_damaged_or_missing_file_leaves_the_package_to_answer(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: bytes
) -> None:
    path = tmp_path / "statutory.json"
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="seller_app.holiday_files"):
        use_bundled_statutory(path)
        use_bundled_statutory(tmp_path / "missing.json")
    assert caplog.text.count("bundled statutory holidays not used") == 2
    assert statutory_holidays(2027) == package_statutory_holidays(2027)


# A courier's proposal falls due a month after the claim, the claim period a year after posting:
# claims (posted the same day) a month before each statutory day of 2027 and 2099 put deadlines
# on those days and on the same dates of 2028 and 2100, and roll them over.
CLAIMS = [
    f"{day.year if day.month > 1 else day.year - 1}-{(day.month - 2) % 12 + 1:02d}-{day.day:02d}"
    for year in (2027, 2099)
    for day in sorted(package_statutory_holidays(year))
    if day.day <= 28
]


def _schedules(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> list[Any]:
    found = []
    for claim in CLAIMS:
        path = tmp_path / "case.json"
        case = case_dict(claim_at=f"{claim}T10:00:00", posted_at=f"{claim}T08:00:00")
        path.write_text(json.dumps(case, ensure_ascii=False), "utf-8")
        assert main(["schedule", str(path)]) == 0
        found.append(json.loads(capsys.readouterr().out)["deadlines"])
    return found


def test_the_cli_counts_the_same_deadlines_with_and_without_the_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_file = _schedules(capsys, tmp_path)
    assert holiday_files._statutory  # the file answered
    monkeypatch.setattr(holiday_files, "statutory_path", lambda: tmp_path / "none.json")
    monkeypatch.setattr(holiday_files, "_statutory", None)
    without = _schedules(capsys, tmp_path)
    assert holiday_files._statutory == {}  # the package answered
    assert with_file == without
    rolled = [d for deadlines in with_file for d in deadlines if "legal_due" in d]
    assert len(rolled) >= len(CLAIMS)  # the proposals at least landed on days off
    assert any(w["code"] == "calendar_year_unknown" for d in rolled for w in d["warnings"])


def test_a_cold_schedule_into_2027_does_not_import_the_package(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    case = case_dict(claim_at="2027-01-05T10:00:00", posted_at="2027-01-01T08:00:00")
    path.write_text(json.dumps(case, ensure_ascii=False), "utf-8")
    code = (
        "import sys; from seller_app.cli import main; code = main(['schedule', sys.argv[1]]); "
        "print('IMPORTED' if 'holidays' in sys.modules else 'NOT-IMPORTED', file=sys.stderr); "
        "sys.exit(code)"
    )
    result = run_python(["-c", code, str(path)], env={**_env(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "NOT-IMPORTED" in result.stderr
    assert "2027-02-09T10:00:00+08:00" in result.stdout  # past 除夕-初三 (5-8 Feb)


def _env(tmp_path: Path) -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["SELLER_APP_DATA_DIR"] = str(tmp_path / "data")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env
