"""`seller-claims timeline IMAGE...`: read the tracking page (物流详情) and the proof of delivery
from screenshots, offline; with ``--case``, say what differs from the case."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..domain.catalog import Catalog
from . import common
from .common import UserError


def run(args: argparse.Namespace, catalog: Catalog) -> int:
    """Print the timeline (text, or JSON with ``--json``); exit 2 when a file cannot be read."""
    from ..domain.timeline_compare import compare_with_case, signer_questions
    from ..evidence.ocr import OcrUnavailableError
    from ..evidence.timeline import ScreenshotError, read_timeline, timeline_rules

    rules = timeline_rules()
    at = common.now()
    case = common.load_case(args.case, at) if args.case else None
    try:
        timeline = read_timeline(args.images, reference=at, carriers=catalog.carriers)
    except ScreenshotError as error:
        raise UserError("\n".join(e.message(args.lang) for e in error.errors)) from None
    except OcrUnavailableError as error:
        raise UserError(
            rules.say("cli", "ocr_unavailable", args.lang, detail=error.detail)
        ) from None
    differences = compare_with_case(timeline, case, rules) if case is not None else ()
    questions = signer_questions(timeline, rules, args.lang)
    if timeline.empty:
        sys.stderr.write(f"seller-claims: {rules.say('cli', 'nothing_read', args.lang)}\n")
    if args.json:
        report: dict[str, Any] = timeline.to_json()
        if case is not None:
            report["differences"] = [
                {"code": d.code, "text": d.text(rules, catalog.carriers, args.lang)}
                for d in differences
            ]
        common.print_json(report)
        return 0
    say = rules.say
    lang = args.lang
    unknown = say("cli", "unknown", lang)
    carrier = catalog.carriers.by_code.get(timeline.carrier or "")
    lines = [
        say(
            "cli", "tracking_numbers", lang, numbers="、".join(timeline.tracking_numbers) or unknown
        ),
        say("cli", "carrier", lang, carrier=carrier.name(lang) if carrier else unknown),
        say("cli", "posted_at", lang, at=_show(timeline.posted_at) or unknown),
        say("cli", "signed_at", lang, at=_show(timeline.signed_at) or unknown),
        say("cli", "signer", lang, signer=timeline.signer or unknown),
    ]
    if timeline.left_at_station:
        lines.append(say("cli", "station", lang, station=timeline.left_at_station))
    lines.append(say("cli", "events", lang, count=len(timeline.events)))
    for event in timeline.events:
        kind = say("kinds", event.kind.value, lang)
        lines.append(f"  {_show(event.at)}  [{kind}]  {event.text}")
    if case is not None:
        if differences:
            lines.append(say("cli", "differences", lang))
            lines.extend(f"  ! {d.text(rules, catalog.carriers, lang)}" for d in differences)
        else:
            lines.append(say("cli", "no_differences", lang))
    if questions:
        lines.append(say("cli", "questions", lang))
        lines.extend(f"  ? {question}" for question in questions)
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _show(moment: Any) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S") if moment is not None else ""


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "timeline",
        help="read the tracking timeline and proof of delivery from screenshots (offline OCR)",
    )
    parser.add_argument(
        "images",
        nargs="+",
        type=Path,
        metavar="IMAGE",
        help="screenshots of one parcel: the tracking page (物流详情), its proof of delivery",
    )
    parser.add_argument(
        "--case", type=Path, metavar="CASE.json", help="say what differs from this case"
    )
    parser.add_argument("--json", action="store_true", help="print the timeline as JSON")
    common.add_lang(parser)
    parser.set_defaults(run=run)
