"""Language, fonts and locale formatting for the UI.

Source strings in the code are Chinese (the default language); English comes from
``resources/translations/seller_app_en.ts``, compiled to ``.qm`` with pyside6-lrelease — by
`compile_translations` at install/test time, or on first start into a cache directory when the
bundled ``.qm`` is missing (a source checkout). Qt's own dialogs use Qt's bundled catalogues;
``qt_gaps_zh.ts`` fills the few strings Qt 6 renamed that its Chinese catalogue still lacks (the
file dialog's "&Look in:" and "Files of &type:", which Linux sellers otherwise see in English).
"""

from __future__ import annotations

import logging
import sys
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import tzinfo
    from decimal import Decimal

    from PySide6.QtCore import QDate, QDateTime, QTime

log = logging.getLogger(__name__)

LANGUAGES = ("zh", "en")
QT_LOCALES = {"zh": "zh_CN", "en": "en_US"}
CATALOGUE = "seller_app"
QT_GAPS = "qt_gaps"  # Qt's own strings its catalogue lacks, per language (qt_gaps_zh.ts)
_DATE_FORMATS = {"zh": "yyyy年M月d日", "en": "d MMM yyyy"}
_DATETIME_FORMATS = {"zh": "yyyy年M月d日 HH:mm", "en": "d MMM yyyy HH:mm"}


def qt_locale(lang: str) -> QLocale:
    return QLocale(QT_LOCALES.get(lang, "zh_CN"))


def format_money(amount: Decimal | str | None, lang: str) -> str:
    """``¥1,234.50`` (both languages write yuan this way); '—' when there is no figure."""
    if amount is None or amount == "":
        return "—"
    decimal, round_yuan = _money()
    value = round_yuan(decimal(str(amount)))
    return f"¥{value:,.2f}"


@cache
def _money() -> tuple[type[Decimal], Callable[[Decimal], Decimal]]:
    """`Decimal` and the yuan rounding, imported with the first figure shown -- after the main
    window's first frame (issue 16) -- and once: an import statement in `format_money` went
    through PySide6's import hook on every call (~5 us; a search filters every row's text)."""
    from decimal import Decimal

    from seller_app.domain.money import round_yuan

    return Decimal, round_yuan


def format_date(value: date | datetime | None, lang: str) -> str:
    if value is None:
        return "—"
    qdate, qdatetime, qtime, shanghai = _dates()
    if isinstance(value, datetime):
        local = value.astimezone(shanghai)
        day = qdate(local.year, local.month, local.day)
        stamp = qdatetime(day, qtime(local.hour, local.minute))
        return qt_locale(lang).toString(stamp, _DATETIME_FORMATS[lang])
    return qt_locale(lang).toString(qdate(value.year, value.month, value.day), _DATE_FORMATS[lang])


@cache
def _dates() -> tuple[type[QDate], type[QDateTime], type[QTime], tzinfo]:
    """Qt's date classes and the app's zone, with the first date shown (after the main window's
    first frame: PySide6 builds a class's enums on its import, issue 16), and once (see
    `_money`)."""
    from zoneinfo import ZoneInfo

    from PySide6.QtCore import QDate, QDateTime, QTime

    return QDate, QDateTime, QTime, ZoneInfo("Asia/Shanghai")


def translations_dir(resources: Path) -> Path:
    return resources / "translations"


def _lrelease() -> str | None:
    import shutil

    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    return str(beside) if beside.exists() else None


def compile_translations(source: Path, target: Path) -> list[Path]:
    """Compile every ``.ts`` in `source` to ``.qm`` in `target`; returns the files written."""
    import subprocess

    tool = _lrelease()
    if tool is None:
        log.warning("pyside6-lrelease not found; the UI stays in Chinese")
        return []
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sorted(source.glob("*.ts")):
        qm = target / ts.with_suffix(".qm").name
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            written.append(qm)
            continue
        result = subprocess.run(
            [tool, "-silent", str(ts), "-qm", str(qm)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",  # only logged: a message in the locale's encoding is still shown
        )
        if result.returncode == 0:
            written.append(qm)
        else:
            log.warning("lrelease failed for %s: %s", ts.name, result.stderr.strip())
    return written


def install_language(
    app: QApplication,
    lang: str,
    resources: Path,
    cache: Path | Callable[[], Path],
    *,
    gaps: bool = True,
) -> list[QTranslator]:
    """Install the translators for `lang` (none are needed for Chinese source strings but Qt's
    own). Returns them; the caller keeps them alive and removes them to switch language.
    `cache`: where catalogues are compiled when they are not bundled (a function: asked only
    then). `gaps` False leaves Qt's strings its own catalogue lacks to `install_gaps` (the app:
    after its main window's first frame, which shows none of them; issue 16)."""
    translators: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(qt_locale(lang), "qtbase", "_", qt_dir):
        app.installTranslator(qt_own)
        translators.append(qt_own)
    if gaps:
        translators += install_gaps(app, lang, resources, cache)
    if lang != "zh":
        ours = _install_catalogue(app, resources, cache, f"{CATALOGUE}_{lang}.qm")
        if not ours:
            log.warning("no %s translation found; the UI stays in Chinese", lang)
        translators += ours
    QLocale.setDefault(qt_locale(lang))
    return translators


def install_gaps(
    app: QApplication, lang: str, resources: Path, cache: Path | Callable[[], Path]
) -> list[QTranslator]:
    """Qt's own strings its catalogue lacks, in `lang` (``qt_gaps_<lang>``; none for some)."""
    return _install_catalogue(app, resources, cache, f"{QT_GAPS}_{lang}.qm")


def _install_catalogue(
    app: QApplication, resources: Path, cache: Path | Callable[[], Path], name: str
) -> list[QTranslator]:
    qm = _catalogue(resources, cache, name)
    ours = QTranslator(app)
    if qm is None or not ours.load(str(qm)):
        return []
    app.installTranslator(ours)  # installed last, asked first
    return [ours]


def _catalogue(resources: Path, cache: Path | Callable[[], Path], name: str) -> Path | None:
    """The compiled catalogue `name`: bundled beside the .ts, else compiled into `cache`;
    None when there is no such .ts (or no lrelease to compile it)."""
    source = translations_dir(resources)
    bundled = source / name
    if bundled.exists():
        return bundled
    ts = (source / name).with_suffix(".ts")
    if not ts.exists():
        return None
    folder = cache() if callable(cache) else cache
    cached = folder / name
    try:
        if cached.stat().st_mtime >= ts.stat().st_mtime:
            return cached  # compiled at an earlier start (issue 16: no lrelease look-up)
    except OSError:
        pass  # not compiled yet
    compiled = compile_translations(source, folder)
    return next((path for path in compiled if path.name == name), None)


def remove_language(app: QApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def register_fonts(resources: Path) -> str | None:
    """Register the bundled CJK font(s) in ``resources/fonts``; returns the family used."""
    fonts = resources / "fonts"
    family = None
    if fonts.is_dir():
        for path in sorted(fonts.iterdir()):
            if path.suffix.lower() not in (".ttf", ".otf", ".ttc"):
                continue
            font_id = QFontDatabase.addApplicationFont(str(path))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if families and family is None:
                family = families[0]
    if family:
        font = QFont(family)
        font.setPointSize(QApplication.font().pointSize())
        QApplication.setFont(font)
    return family
