"""Evidence photos for a batch, matched by tracking number in the file name.

``SF1234567890123.jpg``, ``SF1234567890123-2.heic`` and ``破损_SF1234567890123_外箱.png`` all
belong to parcel SF1234567890123; ``SF12345678901234.jpg`` does not (the number must not run on
into more letters or digits). The folder is listed once per process, not once per row.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp"})


@lru_cache(maxsize=4)
def _listing(folder: Path) -> tuple[tuple[str, Path], ...]:
    return tuple(
        (path.name.upper(), path)
        for path in sorted(folder.iterdir())
        if path.is_file() and path.suffix.lower() in PHOTO_SUFFIXES
    )


def match_photos(folder: Path | None, tracking_number: str) -> tuple[Path, ...]:
    """The photos in `folder` whose name holds `tracking_number` as a whole token."""
    if folder is None:
        return ()
    token = re.compile(rf"(?<![A-Z0-9]){re.escape(tracking_number.upper())}(?![A-Z0-9])")
    return tuple(path for name, path in _listing(folder) if token.search(name))
