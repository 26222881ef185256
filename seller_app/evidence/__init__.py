"""Evidence photos: import, check, shrink, fingerprint and read waybill barcodes.

Pillow, pillow-heif and zxing-cpp; no Qt and no store. The UI and the claim form call
`import_photos` and read `EvidencePhoto`; warning texts come from `messages.render`.
"""

from .importer import import_photos, shutdown_pool, warm_up
from .model import EvidencePhoto, PhotoError, PhotoInput

__all__ = [
    "EvidencePhoto",
    "PhotoError",
    "PhotoInput",
    "import_photos",
    "shutdown_pool",
    "warm_up",
]
