"""What a run will read and how, said before it starts: the mapping, the columns recognised (each
with the field it fills, in the seller's words), the columns not used, what is missing and will
be asked for, where the posting time comes from, and the items report. The command prints it;
the import dialog shows the same lines."""

from __future__ import annotations

from ..domain.case import SHANGHAI
from .messages import BatchTexts, safe
from .reader import encoding_label
from .rows import RowDefaults
from .source import OrderExport


def describe(
    export: OrderExport,
    defaults: RowDefaults,
    texts: BatchTexts,
    lang: str,
    *,
    dialog: bool = False,
) -> list[str]:
    plan = export.plan
    lines = [
        texts.get(
            "report",
            "mapping",
            lang,
            name=export.mapping.name(lang),
            id=export.mapping.id,
            row=plan.header_row,
            encoding=encoding_label(export.table.encoding),
        ),
        texts.recognised(plan, lang),
    ]
    if plan.unknown:
        headers = texts.listing((safe(header) for header in plan.unknown), lang)
        lines.append(texts.get("report", "unknown_headers", lang, headers=headers))
    needs = export.needs(defaults)
    if needs.posted_from:
        key = "posted_from_paid_dialog" if dialog else "posted_from_paid"
        lines.append(texts.get("report", key, lang, column=safe(needs.posted_from)))
    elif defaults.posted_at is not None and not plan.has("posted_at"):
        posted = defaults.posted_at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
        lines.append(texts.get("report", "posted_given", lang, posted=posted))
    if export.items is not None:
        items = export.items
        lines.append(
            texts.get(
                "report",
                "items",
                lang,
                file=safe(items.path.name),
                name=items.mapping.name(lang),
                rows=items.rows,
                orders=len(items.descriptions),
            )
        )
    if dialog:
        if needs.asked:
            asked = texts.listing(texts.asked(needs.asked, lang, dialog=True), lang, sentences=True)
            lines.append(texts.get("report", "missing", lang, fields=asked))
        else:
            lines.append(texts.get("report", "nothing_missing", lang))
    return lines
