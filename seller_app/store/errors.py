"""What can go wrong in the store, each worded for the user in Chinese and English.

Every error carries a `code` and `params`; `message(lang)` renders it. The texts live in the
one table below rather than scattered through the code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

MESSAGES: dict[str, tuple[str, str]] = {
    "case_not_found": ("找不到案件 {case_id}。", "There is no case {case_id}."),
    "draft_not_found": ("找不到草稿 {draft_id}。", "There is no draft {draft_id}."),
    "document_not_found": ("找不到文件 {document_id}。", "There is no document {document_id}."),
    "photo_not_found": ("找不到照片 {sha256}。", "There is no photo {sha256}."),
    "bad_status": (
        "未知状态 {status}（可选：{allowed}）。",
        "Unknown status {status} (one of: {allowed}).",
    ),
    "bad_transition": (
        "案件 {case_id} 不能从“{old}”改为“{new}”（可改为：{allowed}）。",
        "Case {case_id} cannot go from {old} to {new} (allowed: {allowed}).",
    ),
    "corrupt": (
        "案件数据库 {path} 已损坏，无法读取。{offer}",
        "The case database {path} is damaged and cannot be read. {offer}",
    ),
    "too_new": (
        "案件数据库 {path} 由更新版本的软件创建（版本 {found}，"
        "本软件支持到 {known}），请升级软件。",
        "The case database {path} was made by a newer version (schema {found}, this app knows "
        "up to {known}); please update the app.",
    ),
    "key_missing": (
        "钥匙串中找不到此数据目录的加密密钥，无法解密买家信息。请从备份恢复。",
        "The encryption key for this data directory is not in the keychain, so buyer data "
        "cannot be decrypted. Restore from a backup.",
    ),
    "wrong_key": (
        "钥匙串中的密钥与此数据目录不匹配，无法解密。",
        "The key in the keychain does not match this data directory; cannot decrypt.",
    ),
    "backup_wrong_passphrase": ("备份口令不正确。", "The backup passphrase is wrong."),
    "backup_damaged": (
        "备份文件已损坏或被改动：{detail}。",
        "The backup file is damaged or was altered: {detail}.",
    ),
    "confirm_overwrite": (
        "{path} 中已有案件数据；恢复会替换它们（旧数据移到 {moved}）。确认请加 --yes。",
        "{path} already holds case data; restoring replaces it (the old data is moved to "
        "{moved}). Add --yes to confirm.",
    ),
    "bad_amount": ("金额 {value} 无效。", "The amount {value} is not valid."),
    "file_unreadable": ("无法读取文件 {path}：{detail}", "Cannot read {path}: {detail}"),
    "export_exists": ("{path} 已存在。", "{path} already exists."),
}

OFFER_COPIES = (
    "可以从自动保存的升级前副本恢复：{copies}",
    "You can restore the automatic pre-migration copy: {copies}",
)
OFFER_BACKUP = ("请从备份恢复。", "Restore from a backup.")


class StoreError(Exception):
    """Base of every store error; `message(lang)` is the user-facing text."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        zh, en = MESSAGES[self.code]
        return (zh if lang == "zh" else en).format(**self.params)


class NotFoundError(StoreError):
    """An unknown case, draft, photo or document id."""


class BadTransitionError(StoreError):
    """A status change the claim workflow does not allow."""


class KeyProblemError(StoreError):
    """The data key is missing from the key store or does not fit this data dir."""


class BackupError(StoreError):
    """A backup archive that cannot be opened, is damaged, or needs confirmation."""


class ConfirmationNeededError(BackupError):
    """Restoring would replace existing data and the caller did not confirm."""


class StoreCorruptError(StoreError):
    """The database file cannot be read. `copies` are the pre-migration copies to offer."""

    def __init__(self, path: Path, copies: list[Path]) -> None:
        self.path = path
        self.copies = copies
        super().__init__("corrupt", path=path, offer="")

    def message(self, lang: str = "zh") -> str:
        zh, en = OFFER_COPIES if self.copies else OFFER_BACKUP
        offer = (zh if lang == "zh" else en).format(
            copies=", ".join(copy.name for copy in self.copies)
        )
        template = MESSAGES["corrupt"][0 if lang == "zh" else 1]
        return template.format(path=self.path, offer=offer)
