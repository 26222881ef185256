"""The case statuses as the main window shows them before its first frame: their order (the
status filter's list), their names, and the role the case list and the reminders give a row's
record id. The list's model classes (`case_table`) are made after the first frame (issue 16)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

USER_ROLE = 0x0100  # Qt::UserRole, as a number (tests/ui/test_main_window.py checks it)
RECORD_ID_ROLE = USER_ROLE + 1

# The statuses in their order (the status filter's list).
STATUSES = (
    "draft",
    "ready",
    "filed",
    "answered",
    "agreed",
    "paid",
    "rejected",
    "escalated",
    "closed",
)


def status_name(status: str) -> str:
    names = {
        "draft": QCoreApplication.translate("CaseTable", "草稿"),
        "ready": QCoreApplication.translate("CaseTable", "待提交"),
        "filed": QCoreApplication.translate("CaseTable", "已提交"),
        "answered": QCoreApplication.translate("CaseTable", "快递已答复"),
        "agreed": QCoreApplication.translate("CaseTable", "已谈妥"),
        "escalated": QCoreApplication.translate("CaseTable", "已投诉升级"),
        "paid": QCoreApplication.translate("CaseTable", "已赔付"),
        "rejected": QCoreApplication.translate("CaseTable", "被拒赔"),
        "closed": QCoreApplication.translate("CaseTable", "已结案"),
    }
    return names.get(status, status)
