"""Evidence photos: import, check, shrink, fingerprint and read waybill barcodes.

Pillow, pillow-heif and zxing-cpp; no Qt and no store. The UI and the claim form call
`import_photos` and read `EvidencePhoto`; warning texts come from `messages.render`.

The names below are loaded on first use (PEP 562): a photo worker process imports
`seller_app.evidence.prepare` alone, without the importer, the checks and the domain rules it
does not need -- every worker pays its imports at start-up, before its first photo.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .importer import import_photos
    from .model import EvidencePhoto, PhotoError, PhotoInput
    from .pool import shutdown_pool, warm_up

__all__ = [
    "EvidencePhoto",
    "PhotoError",
    "PhotoInput",
    "import_photos",
    "shutdown_pool",
    "warm_up",
]

_HOME = {
    "EvidencePhoto": "model",
    "PhotoError": "model",
    "PhotoInput": "model",
    "import_photos": "importer",
    "shutdown_pool": "pool",
    "warm_up": "pool",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_HOME[name]}", __name__), name)
    globals()[name] = value
    return value
