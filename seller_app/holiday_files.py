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

It also hands the domain the bundled statutory holidays of 2027-2100
(``resources/holidays/statutory.json``, written by ``scripts/gen_statutory_holidays.py`` from the
pinned ``holidays`` package): `bundled_statutory_holidays` reads that file on the first year asked
for (a command that counts no such year reads nothing) and answers instead of importing the
package (~130 ms of a cold command). The file records the package version it came from; if the
installed package is another version the file is ignored, with a log line, and the package
computes the year -- never dates from another version.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import threading
import tomllib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from .domain.errors import CaseError
from .domain.texts import Texts
from .domain.workdays import (
    OfficialYear,
    install_official_years,
    install_statutory_source,
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


# --------------------------------------------------------------------------- bundled statutory days

STATUTORY_FILE = "statutory.json"
STATUTORY_MAX_BYTES = 256 * 1024  # ~30 KB for 2027-2100
STATUTORY_PACKAGE = "holidays"


def statutory_path() -> Path:
    from . import paths

    return paths.resources_dir() / HOLIDAYS_DIR / STATUTORY_FILE


def installed_package_version(name: str = STATUTORY_PACKAGE) -> str | None:
    """The installed version of `name`, from its ``.dist-info`` folder beside the package, without
    importing it or ``importlib.metadata`` (~20 ms); None if it is not installed. Falls back to
    ``importlib.metadata`` when the folder is not where the package is (or is not unique)."""
    from importlib.util import find_spec

    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        return None
    site = Path(next(iter(spec.submodule_search_locations))).parent
    pattern = re.compile(rf"{re.escape(name)}-([^-]+)\.dist-info", re.IGNORECASE)
    try:
        found = [m.group(1) for e in os.scandir(site) if (m := pattern.fullmatch(e.name))]
    except OSError:
        found = []
    if len(found) == 1:
        return found[0]
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def read_statutory_file(path: Path) -> tuple[str, dict[int, dict[str, str]]]:
    """The generator's version and days off by year (ISO date -> name) in `path`; ValueError
    saying what is wrong with it."""
    from .readfile import InputFileError, read_regular

    try:
        raw = read_regular(path, STATUTORY_MAX_BYTES)
    except InputFileError as error:  # missing, not_regular, too_large, unreadable
        raise ValueError(error.reason) from None
    data = json.loads(raw.decode("utf-8"))
    if not isinstance(data, dict) or data.get("package") != STATUTORY_PACKAGE:
        raise ValueError(f"not generated from the {STATUTORY_PACKAGE!r} package")
    version, years = data.get("version"), data.get("years")
    if not isinstance(version, str) or not isinstance(years, dict):
        raise ValueError("no 'version' or 'years'")
    table: dict[int, dict[str, str]] = {}
    for year_text, days in years.items():
        if not isinstance(days, dict) or not all(
            isinstance(day, str) and day[:4] == year_text and isinstance(name, str)
            for day, name in days.items()
        ):
            raise ValueError(f"year {year_text!r}: not a table of its dates to names")
        table[int(year_text)] = days
    return version, table


_statutory_lock = threading.Lock()
_statutory: dict[int, dict[str, str]] | None = None


def _statutory_table() -> dict[int, dict[str, str]]:
    """The bundled file's years, read once (empty when it cannot be used: logged)."""
    global _statutory
    with _statutory_lock:
        if _statutory is None:
            _statutory = _load_statutory(statutory_path())
        return _statutory


def _load_statutory(path: Path) -> dict[int, dict[str, str]]:
    try:
        version, table = read_statutory_file(path)
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError included
        log.warning("bundled statutory holidays not used (%s): %s", path, error)
        return {}
    installed = installed_package_version()  # None (not installed): the file is all there is
    if installed is not None and installed != version:
        log.warning(
            "bundled statutory holidays not used: generated from %s %s, %s installed"
            " (re-run scripts/gen_statutory_holidays.py)",
            STATUTORY_PACKAGE,
            version,
            installed,
        )
        return {}
    return table


def bundled_statutory_holidays(year: int) -> Mapping[date, str] | None:
    """`workdays.statutory_holidays(year)` from the bundled file; None for a year it does not
    hold, or when the file cannot be used (then the package computes it)."""
    days = _statutory_table().get(year)
    if days is None:
        return None
    return {date.fromisoformat(day): name for day, name in days.items()}


def use_bundled_statutory(path: Path | None = None) -> None:
    """Have the domain take the statutory days off from the bundled file, read on the first year
    asked for and then kept for the process. `path`: read this file now instead (tests)."""
    global _statutory
    if path is not None:
        table = _load_statutory(path)
        with _statutory_lock:
            _statutory = table
    install_statutory_source(bundled_statutory_holidays)


def install_user_schedules(data_dir: Path) -> tuple[OfficialYear, ...]:
    """Read the data folder's schedules and make them what deadlines are counted with (with the
    bundled statutory days off for the years without a notice)."""
    use_bundled_statutory()
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
    "bundled_statutory_holidays",
    "import_schedule",
    "install_user_schedules",
    "installed_package_version",
    "load_schedules",
    "read_schedule_file",
    "read_statutory_file",
    "schedules_dir",
    "statutory_path",
    "use_bundled_statutory",
    "write_schedule",
]
