"""The domain catalog, loaded once on first use — from a worker thread at startup, so the main
window appears before the data files are parsed."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from seller_app.domain.catalog import Catalog


class CatalogSource:
    def __init__(self, resources: Path, loaded: Catalog | None = None) -> None:
        self.resources = resources
        self._catalog = loaded
        self._lock = threading.Lock()

    @classmethod
    def of(cls, catalog: Catalog) -> CatalogSource:
        """A source that already holds `catalog` (tests, scripts)."""
        return cls(catalog.root, catalog)

    def get(self) -> Catalog:
        with self._lock:
            if self._catalog is None:
                from seller_app.domain.catalog import Catalog

                self._catalog = Catalog.load(self.resources)
            return self._catalog
