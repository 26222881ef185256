"""Where files live: the bundled resources and the user's data directory.

Resources are found in the frozen app (PyInstaller's ``sys._MEIPASS``), in an installed wheel
(``seller_app/_data/``, mapped there by pyproject's force-include) or in a source checkout (the
repository's top-level ``resources/`` and ``forms/``). User data goes to the platform's data dir
(platformdirs), unless ``SELLER_APP_DATA_DIR`` or a ``--data-dir`` option says otherwise.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "SellerClaims"
APP_AUTHOR = "SellerClaims"
DATA_DIR_ENV = "SELLER_APP_DATA_DIR"

_PACKAGE = Path(__file__).resolve().parent


def _bundle_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    installed = _PACKAGE / "_data"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent


def resources_dir() -> Path:
    return _bundle_root() / "resources"


def forms_dir() -> Path:
    return _bundle_root() / "forms"


def ocr_models_dir() -> Path:
    """The PP-OCR models: inside the frozen app (``ocr_models/``, put there by build.spec), else
    in the installed `rapidocr` wheel, found without importing it (its package imports OpenCV)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "ocr_models"
    from importlib.util import find_spec

    spec = find_spec("rapidocr")
    if spec is None or not spec.submodule_search_locations:
        return _PACKAGE / "_missing_rapidocr" / "models"
    return Path(next(iter(spec.submodule_search_locations))) / "models"


def user_data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: `override`, else $SELLER_APP_DATA_DIR, else the platform's."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir as platform_data_dir

    return Path(platform_data_dir(APP_NAME, APP_AUTHOR, roaming=False))
