"""`seller-claims escalate CASE.json --to KIND -o OUT.pdf [--text]`: when the courier does not pay.

KIND is ``courier_complaint`` (a complaint to the courier: no answer in 24 h, no proposal, a
refusal, a proposal below the claim, no payment after the agreement), ``postal_appeal`` (an
appeal to the postal regulator, 12305, once the courier's 7 days for the complaint ran out) or
``small_claims`` (a 民事起诉状 outline for the small-claims procedure). The document is dated
today, cites its rules and lists the evidence; ``--text`` prints it as plain text to paste into
an online form (with ``-o`` the PDF is written too). ``--case-id N`` takes a stored case instead
of a file. What stands in the way (the appeal is still early, no complaint recorded, paid in
full ...) is said on stderr; the document is made all the same, exit 0.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .. import paths
from ..domain.case import Case
from ..domain.catalog import Catalog
from . import common
from .common import UserError

KINDS = ("courier_complaint", "postal_appeal", "small_claims")


def _stored_case(case_id: int, args: argparse.Namespace, lang: str) -> Case:
    from ..credentials import CredentialError
    from ..store import StoreError

    try:
        with common.open_store(args) as store:  # this PC's, or the shop's with --database
            return store.get_case(case_id).case
    except (StoreError, CredentialError) as error:
        raise UserError(error.message(lang)) from None


def run(args: argparse.Namespace, catalog: Catalog) -> int:
    from ..documents.escalate import escalation_document
    from ..documents.escalation import render_pdf, render_text, words
    from ..documents.fonts import MissingGlyphError
    from ..documents.layout import shared_labels

    lang = args.lang
    now = common.now()
    data_dir = paths.user_data_dir(args.data_dir)
    if (args.case is None) == (args.case_id is None):
        raise UserError(words().get("cli", "case_or_id", lang))
    if args.output is None and not args.text:
        raise UserError(words().get("cli", "output_or_text", lang))
    password = common.pdf_password(args, lang)
    if args.output is not None:
        inputs = (args.case,) if args.case is not None else ()
        common.check_output_path(
            args.output, data_dir, inputs=inputs, texts=catalog.texts, lang=lang
        )
    if args.case is not None:
        case = common.load_case(args.case, now)
    else:
        case = _stored_case(common.case_id(args.case_id, lang), args, lang)
    escalation, document = escalation_document(case, args.to, catalog=catalog, now=now, lang=lang)
    for note in escalation.warnings:
        warning = words().get("warning", note.code, lang, **dict(note.params))
        common.print_warning(warning)
    if args.output is not None:
        try:
            render_pdf(document, args.output, lang=lang, password=password)
        except MissingGlyphError as error:
            raise UserError(error.message(lang)) from None
        except OSError as error:
            labels = shared_labels()
            detail = common.os_reason(error, labels, lang)
            target = error.filename or args.output
            raise UserError(
                labels.get("cli", "cannot_write", lang, path=target, detail=detail)
            ) from None
    if args.text:
        common.print_text(render_text(document))
    else:
        common.print_text(str(args.output))
    return 0


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "escalate",
        help="complaint, 12305 appeal or small-claims statement when the courier does not pay",
    )
    parser.add_argument("case", type=Path, nargs="?", metavar="CASE.json")
    parser.add_argument("--case-id", default=None, metavar="ID", help="a stored case")
    parser.add_argument("--to", required=True, choices=KINDS, help="which document")
    parser.add_argument("-o", "--output", type=Path, default=None, metavar="OUT.pdf")
    parser.add_argument("--text", action="store_true", help="print it as plain text")
    common.add_password_arguments(parser)
    common.add_data_dir(parser)
    common.add_lang(parser)
    common.add_store_arguments(parser)
    parser.set_defaults(run=run)
