"""Official holiday schedules the seller adds, kept as small files in the user data folder.

Each November the State Council publishes the next year's holidays and make-up working days.
The app ships with what ``chinese-calendar`` knows (to 2026); for a later year it counts the
statutory holidays and warns (`seller_app.domain.workdays`). Once the notice is out the seller
imports that year's schedule -- a TOML or JSON file (format in docs/holidays.md) -- with
``seller-claims calendar import FILE`` or from the app; no new installer needed.

`import_schedule` validates the file (`workdays.official_year_from_data`) and writes it,
normalised, to ``<data dir>/holidays/<year>.toml`` atomically (a second import of the same year
replaces it); `install_user_schedules` reads them all at start-up and makes them what every
deadline counts with. Only regular files up to 64 KiB are read.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from .domain.errors import CaseError
from .domain.texts import Texts
from .domain.workdays import (
    OfficialYear,
    install_official_years,
    official_year_from_data,
    official_year_to_data,
)

log = logging.getLogger(__name__)

HOLIDAYS_DIR = "holidays"
MAX_BYTES = 64 * 1024


class HolidayFileError(Exception):
    """A schedule file that cannot be used; `message` words it for the seller."""

    def __init__(self, path: Path, error: CaseError) -> None:
        super().__init__(f"{path}: {error}")
        self.path = path
        self.error = error

    def message(self, texts: Texts, lang: str) -> str:
        return f"{self.path}: {texts.error_message(self.error, lang)}"


def schedules_dir(data_dir: Path) -> Path:
    return Path(data_dir) / HOLIDAYS_DIR


def _read_data(path: Path) -> Any:
    try:
        if not path.is_file():
            code = "file_missing" if not path.exists() else "not_a_regular_file"
            raise HolidayFileError(path, CaseError("file", code))
        if path.stat().st_size > MAX_BYTES:
            raise HolidayFileError(path, CaseError("file", "file_too_large", limit="64 KiB"))
        raw = path.read_bytes()
    except OSError as error:
        raise HolidayFileError(
            path, CaseError("file", "file_unreadable", detail=error.strerror or error)
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise HolidayFileError(path, CaseError("file", "not_utf8")) from None
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise HolidayFileError(
                path,
                CaseError(
                    "file", "bad_json", line=error.lineno, column=error.colno, detail=error.msg
                ),
            ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise HolidayFileError(path, CaseError("file", "bad_toml", detail=error)) from None


def read_schedule_file(path: Path) -> OfficialYear:
    """The validated schedule in `path` (TOML, or JSON by its ``.json`` suffix)."""
    path = Path(path)
    data = _read_data(path)
    try:
        return official_year_from_data(data)
    except CaseError as error:
        raise HolidayFileError(path, error) from None


def _toml(data: dict[str, Any]) -> str:
    """The few shapes a schedule has (int, str, list of str) as TOML; strings JSON-escaped,
    which TOML basic strings accept."""
    lines = ["# 国务院公布的放假安排 · official holiday schedule (imported by the seller)"]
    for key, value in data.items():
        if isinstance(value, list):
            items = "".join(f"\n  {json.dumps(item, ensure_ascii=False)}," for item in value)
            lines.append(f"{key} = [{items}\n]")
        elif isinstance(value, str):
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
        else:
            lines.append(f"{key} = {value}")
    return "\n".join(lines) + "\n"


def write_schedule(official: OfficialYear, data_dir: Path) -> Path:
    """Write `official` to ``holidays/<year>.toml`` in the data folder, atomically."""
    folder = schedules_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{official.year}.toml"
    handle, temp_name = tempfile.mkstemp(prefix=".", suffix=".toml.tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as temp:
            temp.write(_toml(official_year_to_data(official)))
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return target


def load_schedules(data_dir: Path) -> list[OfficialYear]:
    """Every usable schedule in the data folder, by year; a damaged file is logged and skipped
    (deadlines then fall back to the statutory holidays for that year, with the warning)."""
    folder = schedules_dir(data_dir)
    if not folder.is_dir():
        return []
    found: dict[int, OfficialYear] = {}
    for path in sorted(folder.glob("*.toml")):
        try:
            official = read_schedule_file(path)
        except HolidayFileError as error:
            log.warning("holiday schedule skipped: %s", error)
            continue
        found[official.year] = official
    return [found[year] for year in sorted(found)]


def install_user_schedules(data_dir: Path) -> tuple[OfficialYear, ...]:
    """Read the data folder's schedules and make them what deadlines are counted with."""
    try:
        schedules = load_schedules(data_dir)
    except OSError as error:
        log.warning("holiday schedules not read from %s: %s", data_dir, error)
        schedules = []
    install_official_years(schedules)
    return tuple(schedules)


def import_schedule(path: Path, data_dir: Path) -> tuple[OfficialYear, Path]:
    """Validate `path`, store it in the data folder and use it from now on."""
    official = read_schedule_file(path)
    target = write_schedule(official, data_dir)
    install_user_schedules(data_dir)
    return official, target


__all__ = [
    "HOLIDAYS_DIR",
    "HolidayFileError",
    "import_schedule",
    "install_user_schedules",
    "load_schedules",
    "read_schedule_file",
    "schedules_dir",
    "write_schedule",
]
