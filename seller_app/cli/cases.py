"""`seller-claims cases ...`: the case store -- list, show, status, import, export, backup; and
what happened after the claim (`event`, `schedule`).

``cases event ID KIND [--at WHEN] [--channel 官网] [--ticket T] [--amount X] [--note TEXT]``
records a follow-up event (KIND: filed, replied, rejected, proposal, agreed, paid, complained,
appealed, buyer_requested, platform_escalated, buyer_refunded; ``--clear`` takes one back) and
prints the case's status, timeline and recomputed deadlines; ``cases schedule ID [--ics FILE]``
prints a stored case's deadlines. ``import`` warns when the tracking number already has a claim.

Every action works on this PC's own store or, with ``--database URL`` (or
``SELLER_APP_DATABASE_URL``), on the shop's shared store (issue 17). ``cases migrate-to URL``
copies this PC's store into the shared one (again: nothing twice); ``cases shop-passphrase``
changes the shared store's shop passphrase.
"""

from __future__ import annotations

import argparse
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
    from ..credentials import CredentialError
    from ..store import CaseStatus, Store, StoreError
    from ..store.errors import os_reason, text
    from ..store.export import yuan_text
    from ..store.present import record_to_dict, summary_to_dict
    from ..store.server import database_url

    data_dir = paths.user_data_dir(args.data_dir)
    action: str = args.action
    url = database_url(args.database)
    if getattr(args, "id", None) is not None:
        args.id = common.case_id(str(args.id), args.lang)
    if action in ("export", "backup"):  # never onto the store, its key or anything inside
        common.check_output(
            args.dest,
            args.lang,
            data_dir=data_dir,
            folder=bool(args.folder) if action == "export" else False,
        )

    try:
        if action == "restore":
            passphrase = common.ask(common.BACKUP_PASSPHRASE_ENV, "备份口令 / backup passphrase: ")
            if url is not None:
                moved = Store.restore_shared(
                    args.archive,
                    url,
                    passphrase,
                    common.key_store(data_dir),
                    data_dir=data_dir,
                    password=common.server_password(url),
                    overwrite=args.yes,
                )
                where = url_shown(url)
            else:
                moved = Store.restore(
                    args.archive,
                    data_dir,
                    passphrase,
                    common.key_store(data_dir),
                    overwrite=args.yes,
                )
                where = str(data_dir)
            common.print_json({"restored": where, "previous_data": moved and str(moved)})
            return 0
        if action == "backup" and url is not None:  # works before an upgrade too
            passphrase = common.ask(
                common.BACKUP_PASSPHRASE_ENV, "备份口令 / backup passphrase: ", confirm=True
            )
            dest = Store.backup_shared(
                url,
                common.key_store(data_dir),
                args.dest,
                passphrase,
                data_dir=data_dir,
                password=common.server_password(url),
            )
            common.print_json({"backup": str(dest), "database": url_shown(url)})
            return 0
        if action == "migrate-to":
            common.print_json(_migrate_to(args, url_of(args.url), data_dir))
            return 0
        with common.open_store(args, url) as store:
            if action == "list":
                status = CaseStatus(args.status) if args.status else None
                found = store.list_cases(status, args.tracking)
                common.print_json([summary_to_dict(s, catalog.carriers) for s in found])
            elif action == "show":
                shown = record_to_dict(store, store.get_case(args.id), redact=args.redact)
                shown.update(followup_to_dict(store, args.id, catalog, args.lang))
                common.print_json(shown)
            elif action == "event":
                common.print_json(_record_event(store, args, catalog))
            elif action == "schedule":
                common.print_json(_stored_schedule(store, args, catalog))
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
                    common.error_line(warning)
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

                    claimed = assess(case, catalog, now=at).claim_amount
                # on a shop server: every desk's claims, looked up as this one is added
                case_id, earlier = store.add_claim(case, at, amount_claimed=claimed)
                imported: dict[str, Any] = {"id": case_id, "amount_claimed": yuan_text(claimed)}
                if earlier:
                    imported["duplicates"] = [summary.id for summary in earlier]
                    common.print_warning(
                        duplicates_warning(
                            case.tracking_numbers, earlier, args.lang, own_desk=store.desk.name
                        )
                    )
                common.print_json(imported)
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
            elif action == "shop-passphrase":
                common.print_json(_change_shop_passphrase(store, args.lang))
    except (StoreError, CredentialError) as error:
        raise UserError(error.message(args.lang)) from None
    except OSError as error:
        raise UserError(f"{error.filename or data_dir}: {os_reason(error, args.lang)}") from None
    return 0


def duplicates_warning(numbers: Any, earlier: Any, lang: str, own_desk: str | None = None) -> str:
    """One line naming the earlier claims on the same tracking numbers, their statuses and the
    desks that made them when that was another desk than `own_desk` (a shop server)."""
    from ..store.errors import STATUS_NAMES, text

    index = 0 if lang == "zh" else 1
    separator = "、" if lang == "zh" else ", "

    def words(summary: Any) -> str:
        parts = [STATUS_NAMES[summary.status][index]]
        desk = getattr(summary, "created_by", None)
        if desk and desk != own_desk:
            parts.append(desk)
        return "，".join(parts) if lang == "zh" else ", ".join(parts)

    cases = separator.join(
        f"#{summary.id}（{words(summary)}）"
        if lang == "zh"
        else f"#{summary.id} ({words(summary)})"
        for summary in earlier
    )
    shared = [n for n in numbers if any(n in s.tracking_numbers for s in earlier)] or numbers
    return text("duplicate_tracking", lang, numbers=separator.join(shared), cases=cases)


def followup_to_dict(store: Any, case_id: int, catalog: Catalog, lang: str) -> dict[str, Any]:
    """The timeline, the event log (with notes) and the open deadlines of a stored case."""
    from ..domain.events import case_events, event_to_dict
    from ..domain.money import format_yuan
    from ..domain.schedule import build_schedule, deadline_to_dict

    case = store.get_case(case_id).case
    texts = catalog.texts
    log = []
    for entry in store.event_log(case_id):
        item: dict[str, Any] = {
            "kind": entry.kind.value,
            "action": entry.action,
            "at": entry.at.isoformat() if entry.at else None,
            "recorded_at": entry.recorded_at.isoformat(),
        }
        if entry.amount is not None:
            item["amount"] = format_yuan(entry.amount)
        if entry.channel is not None:
            item["channel"] = entry.channel.value
        if entry.ticket is not None:
            item["ticket"] = entry.ticket
        if entry.note:
            item["note"] = entry.note
        if entry.desk:
            item["desk"] = entry.desk
        log.append(item)
    return {
        "events": [event_to_dict(event, texts, lang) for event in case_events(case)],
        "event_log": log,
        "deadlines": [deadline_to_dict(d, texts, lang) for d in build_schedule(case)],
    }


def _event_from_args(args: argparse.Namespace, now: Any) -> Any:
    from ..domain.case import CHANNEL_ALIASES, ClaimChannel, parse_datetime
    from ..domain.errors import CaseError
    from ..domain.events import CaseEvent, EventKind

    kind = EventKind(args.kind)
    at = parse_datetime(args.at, "--at") if args.at else now
    channel = None
    if args.channel:
        text = args.channel.strip()
        channel = CHANNEL_ALIASES.get(text.lower())
        if channel is None:
            try:
                channel = ClaimChannel(text)
            except ValueError:
                allowed = " | ".join(member.value for member in ClaimChannel)
                raise CaseError("--channel", "not_one_of", value=text, allowed=allowed) from None
    amount = common.amount_arg(args.amount, "--amount") if args.amount else None
    return CaseEvent(kind, at, amount=amount, channel=channel, ticket=args.ticket or None)


def _option_error(error: Any, kind: Any, catalog: Catalog, lang: str) -> Any:
    """A `CaseError` about the event's own key names the option typed (``--at``); about
    another event, that event by its title."""
    from ..domain.errors import CaseError
    from ..domain.events import MOMENT_KEY, TICKET_KEY, event_title

    field = error.field
    own = MOMENT_KEY[kind]
    options = {
        own: "--at",
        f"{own}.at": "--at",
        f"{own}.amount": "--amount",
        "amount": "--amount",
        "channel": "--channel",
        "ticket": "--ticket",
        TICKET_KEY.get(kind, "ticket"): "--ticket",
    }
    if field in options:
        return CaseError(options[field], error.code, **error.params)
    for other, key in MOMENT_KEY.items():
        if field in (key, f"{key}.at"):
            return CaseError(event_title(other, catalog.texts, lang), error.code, **error.params)
    return error


def _record_event(store: Any, args: argparse.Namespace, catalog: Catalog) -> dict[str, Any]:
    from ..domain.errors import CaseError
    from ..domain.events import EventKind

    now = common.now()
    kind = EventKind(args.kind)
    try:
        if args.clear:
            store.clear_event(args.id, kind, now, note=args.note)
        else:
            store.record_event(args.id, _event_from_args(args, now), now, note=args.note)
    except CaseError as error:
        raise _option_error(error, kind, catalog, args.lang) from None
    record = store.get_case(args.id)
    result: dict[str, Any] = {"id": record.id, "status": record.status.value}
    followup = followup_to_dict(store, args.id, catalog, args.lang)
    result["events"] = followup["events"]
    result["deadlines"] = followup["deadlines"]
    return result


def _stored_schedule(store: Any, args: argparse.Namespace, catalog: Catalog) -> dict[str, Any]:
    from ..domain.schedule import build_schedule, schedule_to_dict, settled_deadlines

    case = store.get_case(args.id).case
    deadlines = build_schedule(case)
    if args.ics is not None:
        from ..documents.calendar import write_ics

        common.check_output_path(args.ics, store.data_dir, texts=catalog.texts, lang=args.lang)
        write_ics(
            case, deadlines, catalog.texts, args.lang, args.ics, settled=settled_deadlines(case)
        )
    return schedule_to_dict(deadlines, catalog.texts, args.lang)


# ------------------------------------------------------------ the shop's shared store (issue 17)


def url_shown(url: str) -> str:
    """A database URL as printed: without its password."""
    from ..store.server import ServerSettings

    return ServerSettings.from_url(url)[0].url()


def url_of(text: str) -> str:
    from ..store.server import ServerSettings

    ServerSettings.from_url(text)  # a bad address is said before anything is opened
    return text


def _migrate_to(args: argparse.Namespace, url: str, data_dir: Path) -> dict[str, Any]:
    """Copy this PC's own store into the shared store at `url` (see `store.transfer`)."""
    import sys

    from ..store import Store
    from ..store.errors import text

    lang = args.lang

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{done}/{total}")
            sys.stderr.flush()

    if not (data_dir / "store.sqlite3").is_file():
        raise common.UserError(text("migrate_no_local_store", lang, path=data_dir))
    with (
        Store.open(data_dir, common.key_store(data_dir), desk=args.desk) as local,
        common.open_store(args, url) as shared,
    ):
        report = local.migrate_to(shared, progress=progress)
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    for duplicate in report.duplicates:
        common.print_warning(
            text(
                "migrated_duplicate",
                lang,
                local=duplicate.local_id,
                shared=duplicate.shared_id,
                numbers=", ".join(duplicate.tracking_numbers),
                others=", ".join(f"#{other}" for other in duplicate.others),
            )
        )
    return {
        "database": url_shown(url),
        "copied": [{"local_id": a, "shared_id": b} for a, b in report.copied],
        "already_copied": [{"local_id": a, "shared_id": b} for a, b in report.already],
        "drafts_copied": report.drafts_copied,
        "drafts_already_copied": report.drafts_already,
        "duplicates": [
            {
                "local_id": d.local_id,
                "shared_id": d.shared_id,
                "tracking_numbers": list(d.tracking_numbers),
                "other_cases": list(d.others),
            }
            for d in report.duplicates
        ],
        "local_store_kept": str(data_dir),
    }


def _change_shop_passphrase(store: Any, lang: str) -> dict[str, Any]:
    old = common.ask(common.SHOP_PASSPHRASE_ENV, "当前店铺口令 / current shop passphrase: ")
    new = common.ask(
        common.NEW_SHOP_PASSPHRASE_ENV, "新店铺口令 / new shop passphrase: ", confirm=True
    )
    store.change_shop_passphrase(old, new)
    return {"shop_passphrase_changed": True, "database": store.location}


def _event_kind(text: str) -> str:
    """An event kind as typed: ``buyer-requested`` is ``buyer_requested``."""
    return text.strip().lower().replace("-", "_")


def add_parser(sub: Any) -> None:
    cases = sub.add_parser("cases", help="the case store: list, show, status, export, backup")
    actions = cases.add_subparsers(dest="action", required=True, metavar="ACTION")
    shared = argparse.ArgumentParser(add_help=False)
    common.add_data_dir(shared)
    common.add_lang(shared)
    common.add_store_arguments(shared)
    listing = actions.add_parser("list", parents=[shared], help="list cases")
    listing.add_argument("--status", choices=[s.value for s in _case_statuses()])
    listing.add_argument("--tracking", help="only cases with this tracking number")
    show = actions.add_parser("show", parents=[shared], help="one case with history and files")
    show.add_argument("id")
    show.add_argument("--redact", action="store_true", help="mask buyer name, phone, address")
    status = actions.add_parser("status", parents=[shared], help="move a case to a new status")
    status.add_argument("id")
    status.add_argument("new_status", choices=[s.value for s in _case_statuses()])
    status.add_argument("--note", default="")
    status.add_argument("--recovered", help="amount recovered (yuan)")
    export = actions.add_parser("export", parents=[shared], help="write a case's evidence pack")
    export.add_argument("id")
    export.add_argument("dest", type=Path)
    export.add_argument("--redact", action="store_true", help="mask buyer name, phone, address")
    export.add_argument("--folder", action="store_true", help="a folder instead of a zip")
    from ..domain.events import EventKind

    event = actions.add_parser(
        "event",
        parents=[shared],
        help="record what happened after the claim (filed, replied, proposal, paid ...)",
    )
    event.add_argument("id", type=int)
    event.add_argument("kind", type=_event_kind, choices=[k.value for k in EventKind])
    event.add_argument("--at", help="when it happened, e.g. 2026-11-16T10:00 (default: now)")
    event.add_argument("--channel", help="for filed: 官网, 小程序, App, 网点 or 客服电话")
    event.add_argument("--ticket", help="for filed and complained: the courier's ticket number")
    event.add_argument("--amount", help="for proposal and paid: the amount (yuan)")
    event.add_argument("--note", default="", help="a note kept with the event (encrypted)")
    event.add_argument("--clear", action="store_true", help="take the event back (a mistake)")
    schedule = actions.add_parser(
        "schedule", parents=[shared], help="a stored case's deadlines (and a calendar file)"
    )
    schedule.add_argument("id", type=int)
    schedule.add_argument("--ics", type=Path, metavar="FILE", help="also write a calendar file")
    importing = actions.add_parser("import", parents=[shared], help="store a case file")
    importing.add_argument("case", type=Path, metavar="CASE.json")
    importing.add_argument("--claimed", help="amount claimed (yuan)")
    backup = actions.add_parser("backup", parents=[shared], help="one encrypted zip of it all")
    backup.add_argument("dest", type=Path)
    restore = actions.add_parser("restore", parents=[shared], help="restore an encrypted backup")
    restore.add_argument("archive", type=Path)
    restore.add_argument("--yes", action="store_true", help="replace the existing data")
    migrate = actions.add_parser(
        "migrate-to",
        parents=[shared],
        help="copy this PC's own store into the shop's shared store (again: nothing twice)",
    )
    migrate.add_argument("url", metavar="URL", help="postgresql://user@server:5432/database")
    actions.add_parser(
        "shop-passphrase",
        parents=[shared],
        help="change the shared store's shop passphrase (needs --database)",
    )
    cases.set_defaults(run=run)
