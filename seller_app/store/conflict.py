"""Two desks changed one case: the error that says so instead of losing either change.

Every case row carries a version, raised by each change; a change names the version it started
from and the store refuses it when the row has moved on since (`base.StoreBase._lock_case`).
"""

from __future__ import annotations

from datetime import datetime

from .errors import MESSAGES, StoreError


class ConcurrentEditError(StoreError):
    """Another desk (or window) changed the case since this one read it: nothing was saved.
    `desk` names it (None: unknown, a change from before desks were recorded), `at` is when;
    reload the case (`Store.get_case`) and apply the change again."""

    def __init__(
        self, case_id: int, *, desk: str | None, at: datetime, expected: int, found: int
    ) -> None:
        self.case_id = case_id
        self.desk = desk
        self.at = at
        self.expected = expected
        self.found = found
        super().__init__("concurrent_edit", case_id=case_id)

    def message(self, lang: str = "zh") -> str:
        zh, en = MESSAGES["concurrent_edit"]
        desk = self.desk or ("另一台电脑" if lang == "zh" else "another desk")
        return (zh if lang == "zh" else en).format(desk=desk, at=f"{self.at:%Y-%m-%d %H:%M}")
