"""`seller-claims cases ...`: the case store -- list, show, status, import, export, backup."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .. import paths
from ..domain.catalog import Catalog
from . import common
from .common import UserError


def _case_statuses() -> list[Any]:
    from ..store.records import CaseStatus

    return list(CaseStatus)


def run(args: argparse.Namespace, catalog: Catalog) -> int:
    from ..credentials import CredentialError, KeyStore, key_store_for
    from ..store import CaseStatus, Store, StoreError
    from ..store.errors import os_reason, text
    from ..store.export import yuan_text
    from ..store.present import record_to_dict, summary_to_dict

    data_dir = paths.user_data_dir(args.data_dir)
    action: str = args.action

    def keys() -> KeyStore:
        return key_store_for(
            data_dir, lambda: common.ask(common.PASSPHRASE_ENV, "数据口令 / passphrase: ")
        )

    try:
        if action == "restore":
            passphrase = common.ask(common.BACKUP_PASSPHRASE_ENV, "备份口令 / backup passphrase: ")
            moved = Store.restore(args.archive, data_dir, passphrase, keys(), overwrite=args.yes)
            common.print_json({"restored": str(data_dir), "previous_data": moved and str(moved)})
            return 0
        with Store.open(data_dir, keys()) as store:
            if action == "list":
                status = CaseStatus(args.status) if args.status else None
                found = store.list_cases(status, args.tracking)
                common.print_json([summary_to_dict(s, catalog.carriers) for s in found])
            elif action == "show":
                common.print_json(
                    record_to_dict(store, store.get_case(args.id), redact=args.redact)
                )
            elif action == "status":
                recovered = (
                    common.amount_arg(args.recovered, "--recovered") if args.recovered else None
                )
                store.set_status(
                    args.id,
                    args.new_status,
                    common.now(),
                    note=args.note,
                    amount_recovered=recovered,
                )
                record = store.get_case(args.id)
                claimed, got = record.amount_claimed, record.amount_recovered
                if claimed is not None and got is not None and got > claimed:
                    warning = text(
                        "recovered_above_claimed",
                        args.lang,
                        case_id=record.id,
                        recovered=yuan_text(got),
                        claimed=yuan_text(claimed),
                    )
                    sys.stderr.write(f"seller-claims: {warning}\n")
                common.print_json(
                    {
                        "id": record.id,
                        "status": record.status.value,
                        "amount_recovered": yuan_text(got),
                    }
                )
            elif action == "import":
                at = common.now()
                case = common.load_case(args.case, at)
                if args.claimed:
                    claimed = common.amount_arg(args.claimed, "--claimed")
                else:  # the figure the claim form asks for
                    from ..domain.rules import assess

                    claimed = assess(case, catalog).claim_amount
                case_id = store.add_case(case, at, amount_claimed=claimed)
                common.print_json({"id": case_id, "amount_claimed": yuan_text(claimed)})
            elif action == "export":
                dest = store.export_case(
                    args.id, args.dest, redact=args.redact, as_zip=not args.folder
                )
                common.print_json({"exported": str(dest), "redacted": args.redact})
            elif action == "backup":
                passphrase = common.ask(
                    common.BACKUP_PASSPHRASE_ENV, "备份口令 / backup passphrase: ", confirm=True
                )
                common.print_json({"backup": str(store.backup(args.dest, passphrase))})
    except (StoreError, CredentialError) as error:
        raise UserError(error.message(args.lang)) from None
    except OSError as error:
        raise UserError(f"{error.filename or data_dir}: {os_reason(error, args.lang)}") from None
    return 0


def add_parser(sub: Any) -> None:
    cases = sub.add_parser("cases", help="the case store: list, show, status, export, backup")
    actions = cases.add_subparsers(dest="action", required=True, metavar="ACTION")
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="data directory (default: $SELLER_APP_DATA_DIR or the user data dir)",
    )
    common.add_lang(shared)
    listing = actions.add_parser("list", parents=[shared], help="list cases")
    listing.add_argument("--status", choices=[s.value for s in _case_statuses()])
    listing.add_argument("--tracking", help="only cases with this tracking number")
    show = actions.add_parser("show", parents=[shared], help="one case with history and files")
    show.add_argument("id", type=int)
    show.add_argument("--redact", action="store_true", help="mask buyer name, phone, address")
    status = actions.add_parser("status", parents=[shared], help="move a case to a new status")
    status.add_argument("id", type=int)
    status.add_argument("new_status", choices=[s.value for s in _case_statuses()])
    status.add_argument("--note", default="")
    status.add_argument("--recovered", help="amount recovered (yuan)")
    export = actions.add_parser("export", parents=[shared], help="write a case's evidence pack")
    export.add_argument("id", type=int)
    export.add_argument("dest", type=Path)
    export.add_argument("--redact", action="store_true", help="mask buyer name, phone, address")
    export.add_argument("--folder", action="store_true", help="a folder instead of a zip")
    importing = actions.add_parser("import", parents=[shared], help="store a case file")
    importing.add_argument("case", type=Path, metavar="CASE.json")
    importing.add_argument("--claimed", help="amount claimed (yuan)")
    backup = actions.add_parser("backup", parents=[shared], help="one encrypted zip of it all")
    backup.add_argument("dest", type=Path)
    restore = actions.add_parser("restore", parents=[shared], help="restore an encrypted backup")
    restore.add_argument("archive", type=Path)
    restore.add_argument("--yes", action="store_true", help="replace the existing data")
    cases.set_defaults(run=run)
