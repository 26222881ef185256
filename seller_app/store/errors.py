"""What can go wrong in the store, each worded for the user in Chinese and English.

Every error carries a `code` and `params`; `message(lang)` renders it. The texts live in the
one table below rather than scattered through the code.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path
from typing import Any

from .records import CaseStatus

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
    "amount_negative": (
        "{field}：金额不能为负数，收到 {value}。",
        "{field}: an amount must not be negative, got {value}.",
    ),
    "amount_precision": (
        "{field}：金额最多两位小数（精确到分），收到 {value}。",
        "{field}: an amount has at most 2 decimal places (fen), got {value}.",
    ),
    "amount_too_large": (
        "{field}：金额 {value} 过大（应小于 {limit} 元）。",
        "{field}: the amount {value} is too large (must be below {limit} yuan).",
    ),
    "recovered_above_claimed": (
        "注意：案件 {case_id} 已追回 {recovered} 元，多于索赔金额 {claimed} 元，请核对。",
        "Note: case {case_id} recovered {recovered} yuan, more than the {claimed} yuan claimed; "
        "please check.",
    ),
    "file_unreadable": ("无法读取文件 {path}：{detail}", "Cannot read {path}: {detail}"),
    "cannot_write": ("无法写入 {path}：{detail}", "Cannot write {path}: {detail}"),
    "data_dir_unusable": (
        "无法使用数据目录 {path}：{detail}",
        "Cannot use the data directory {path}: {detail}",
    ),
    "not_a_backup": (
        "{path} 不是本软件的备份文件。",
        "{path} is not a backup made by this app.",
    ),
    "export_exists": ("{path} 已存在。", "{path} already exists."),
    # hostile input, full disks, crafted backups (issue 15)
    "disk_full": (
        "磁盘空间不足，无法保存到 {path}。案件数据没有损坏："
        "请清理磁盘空间后重试，不需要从备份恢复。",
        "The disk is full, so nothing could be saved to {path}. The case data is not damaged: "
        "free some disk space and try again; there is no need to restore a backup.",
    ),
    "database_unusable": (
        "暂时无法使用案件数据库 {path}：{detail}",
        "The case database {path} cannot be used right now: {detail}",
    ),
    "backup_key_conflict": (
        "备份与本机已有的数据编号相同，但密钥不同：这不是本软件做的备份，或已被改动。没有恢复任何内容。",
        "The backup has the same store id as data already here but a different key: it was not "
        "made by this app, or it was altered. Nothing was restored.",
    ),
    "backup_would_replace": (
        "{path} 已存在，且不是本软件的备份文件：不会覆盖它。请换一个文件名。",
        "{path} exists and is not a backup made by this app; it will not be overwritten. "
        "Choose another name.",
    ),
    "database_not_a_file": (
        "{path} 不是普通文件（管道、设备或文件夹），不能作为案件数据库打开。",
        "{path} is not an ordinary file (a pipe, device or folder); it cannot be opened as the "
        "case database.",
    ),
    "input_missing": ("文件不存在：{path}", "No such file: {path}"),
    "input_not_regular": (
        "{path} 不是普通文件（文件夹、设备、管道或指向它们的链接），已拒绝读取。",
        "{path} is not an ordinary file (a folder, device, pipe or a link to one); not read.",
    ),
    "input_too_large": ("{path} 太大，已拒绝读取。", "{path} is too large; not read."),
    # follow-up events (issue 13)
    "duplicate_tracking": (
        "注意：快递单号 {numbers} 已有索赔案件 {cases}，请确认这不是对同一包裹的重复索赔。",
        "Note: tracking number {numbers} already has claim {cases}; make sure this is not a "
        "second claim for the same parcel.",
    ),
    # several desks, one shop: the shared case store on PostgreSQL (issue 17)
    "concurrent_edit": (
        "这个案件刚被 {desk} 修改过（{at}）。请重新载入，看过对方的修改后再改；"
        "你的这次修改没有保存。",
        "This case was just changed by {desk} ({at}). Reload it, look at that change and then "
        "make yours again; this change of yours was not saved.",
    ),
    "draft_of_other_desk": (
        "草稿 {draft_id} 是在 {desk} 上开始的，只能在那台电脑上继续。",
        "Draft {draft_id} was started at {desk}; it can only be continued there.",
    ),
    "bad_database_url": (
        "共享案件库的地址无效：{url}（{detail}）。格式：postgresql://用户名@服务器:5432/数据库名",
        "The shared case store's address is not valid: {url} ({detail}). "
        "The form is postgresql://user@server:5432/database",
    ),
    "server_unreachable": (
        "连不上共享案件库 {where}（{detail}）。没有保存任何内容。请检查服务器是否开机、"
        "网络是否连通；也可以先在本机案件库上工作。",
        "Cannot reach the shared case store {where} ({detail}). Nothing was saved. Check that "
        "the server is on and the network is connected, or work on this PC's own store for now.",
    ),
    "server_login_failed": (
        "共享案件库 {where} 拒绝了用户 {user} 的登录：用户名或密码不对。",
        "The shared case store {where} refused the login of {user}: wrong user name or password.",
    ),
    "server_no_database": (
        "服务器上没有数据库 {database}（{where}）：请先按说明在服务器上创建它。",
        "There is no database {database} on the server ({where}): create it first as the "
        "README describes.",
    ),
    "server_no_permission": (
        "用户在共享案件库 {where} 上没有所需权限：{detail}",
        "The user lacks a permission on the shared case store {where}: {detail}",
    ),
    "server_disk_full": (
        "共享案件库的服务器 {where} 磁盘已满，没有保存。请在服务器上清理空间后重试。",
        "The disk of the shared case store's server {where} is full; nothing was saved. Free "
        "some space on the server and try again.",
    ),
    "server_read_only": (
        "共享案件库 {where} 现在只能读、不能写（只读副本或维护中）。",
        "The shared case store {where} is read-only right now (a standby copy, or maintenance).",
    ),
    "server_needs_backup": (
        "共享案件库 {where} 需要从版本 {found} 升级到 {latest}。升级前必须有一份最新的备份："
        "请在一台电脑上运行 seller-claims cases backup 备份文件 --database 服务器地址"
        "（备份后不要再改动案件），然后重新打开。",
        "The shared case store {where} needs upgrading from schema {found} to {latest}, and it "
        "is only upgraded right after a backup: run seller-claims cases backup FILE --database "
        "URL on one PC (and change nothing after it), then open it again.",
    ),
    "shop_passphrase_needed": (
        "这台电脑还没有解锁共享案件库 {where}：需要店铺口令"
        "（环境变量 SELLER_APP_SHOP_PASSPHRASE 或在终端输入）。",
        "This PC has not unlocked the shared case store {where} yet: the shop passphrase is "
        "needed (SELLER_APP_SHOP_PASSPHRASE, or type it at a terminal).",
    ),
    "wrong_shop_passphrase": ("店铺口令不正确。", "The shop passphrase is wrong."),
    "shop_key_damaged": (
        "共享案件库里的店铺密钥已损坏或被改动，无法解锁。请从备份恢复。",
        "The shop key in the shared case store is damaged or was altered and cannot be "
        "unlocked. Restore from a backup.",
    ),
    "shop_passphrase_short": (
        "店铺口令至少要 {minimum} 个字符。",
        "The shop passphrase must be at least {minimum} characters long.",
    ),
    "confirm_overwrite_server": (
        "共享案件库 {where} 中已有案件数据；恢复会替换它们（替换前的数据先备份到 {moved}）。"
        "确认请加 --yes。",
        "The shared case store {where} already holds case data; restoring replaces it (what "
        "is there now is first backed up to {moved}). Add --yes to confirm.",
    ),
    "backup_is_for_server": (
        "{path} 是共享案件库的备份：恢复时请加 --database 指定服务器。",
        "{path} is a backup of a shared case store: restore it with --database naming the server.",
    ),
    "backup_is_for_desk": (
        "{path} 是单机案件库的备份，不能直接恢复到共享案件库：先恢复到本机，"
        "再用 seller-claims cases migrate-to 复制过去。",
        "{path} is a backup of a single PC's store and cannot be restored onto a shared store: "
        "restore it on a PC, then copy it over with seller-claims cases migrate-to.",
    ),
    "server_empty": (
        "共享案件库 {where} 里还没有案件库，没有可备份的内容。",
        "The shared case store {where} holds no case store yet; there is nothing to back up.",
    ),
    "migrate_no_local_store": (
        "{path} 里没有本机案件库，没有可复制的内容。",
        "{path} holds no case store of this PC; there is nothing to copy.",
    ),
    "migrated_duplicate": (
        "注意：本机案件 {local}（共享案件库里的 #{shared}）的快递单号 {numbers} 在共享案件库里"
        "已有案件 {others}：请确认是否重复索赔。",
        "Note: this PC's case {local} (#{shared} in the shared store) has tracking number "
        "{numbers}, which the shared store already has in {others}: check whether it is a "
        "second claim for the same parcel.",
    ),
    "migrate_needs_server": (
        "只能把本机案件库复制到共享案件库（PostgreSQL）。",
        "Only a PC's own store can be copied into a shared (PostgreSQL) store.",
    ),
}

# The claim statuses as the user reads them (same words as the case table in the app).
STATUS_NAMES: dict[CaseStatus, tuple[str, str]] = {
    CaseStatus.DRAFT: ("草稿", "draft"),
    CaseStatus.FILED: ("已提交", "filed"),
    CaseStatus.ANSWERED: ("快递已答复", "answered"),
    CaseStatus.AGREED: ("已谈妥", "agreed"),
    CaseStatus.PAID: ("已赔付", "paid"),
    CaseStatus.REJECTED: ("被拒赔", "rejected"),
    CaseStatus.ESCALATED: ("已投诉升级", "escalated"),
    CaseStatus.CLOSED: ("已结案", "closed"),
}


def is_disk_full(error: BaseException) -> bool:
    """A full disk or exhausted quota, whether SQLite (``SQLITE_FULL``, "database or disk is
    full") or the OS (ENOSPC, EDQUOT) reports it."""
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EDQUOT)
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        if code is not None:
            return bool(code & 0xFF == sqlite3.SQLITE_FULL)
        return "disk is full" in str(error)
    return False


def is_damage(error: sqlite3.Error) -> bool:
    """Whether SQLite says the file itself is damaged or not a database (``SQLITE_CORRUPT``,
    ``SQLITE_NOTADB``) -- as opposed to a full disk, a lock or a permission."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return type(error) is sqlite3.DatabaseError
    return code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


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
        return text(self.code, lang, **self.params)


def _words(value: Any, lang: str) -> Any:
    """A parameter as the user reads it: statuses by name, OS errors by reason."""
    index = 0 if lang == "zh" else 1
    if isinstance(value, CaseStatus):
        return STATUS_NAMES[value][index]
    if isinstance(value, tuple | list | frozenset | set) and all(
        isinstance(item, CaseStatus) for item in value
    ):
        names = [STATUS_NAMES[item][index] for item in CaseStatus if item in value]
        return ("、" if lang == "zh" else ", ").join(names) or "-"
    if isinstance(value, OSError):
        return os_reason(value, lang)
    return value


def os_reason(error: OSError, lang: str) -> str:
    """Why `error` happened, in the user's language (the OS's text when we have no words):
    the one table of ``seller_app.os_errors``."""
    from ..os_errors import os_reason as worded

    return worded(error, lang)


def text(code: str, lang: str = "zh", **params: Any) -> str:
    """The message or warning `code` in `lang`, parameters in words."""
    zh, en = MESSAGES[code]
    words = {key: _words(value, lang) for key, value in params.items()}
    return (zh if lang == "zh" else en).format(**words)


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
