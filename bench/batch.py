"""Batch throughput: N generated Taobao rows (no photos) through the whole batch on all cores.

    .venv/bin/python bench/batch.py [--rows 1000] [--jobs N] [--form generic|none]

Prints claims per second beside the target floor (80/s on 2 cores) and a one-process run of the
same rows as the peer, and peak memory: the parent's resident peak and the largest worker's
(``getrusage`` maxrss; children are counted once they have exited). Target: peak < 300 MB.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import sys
import tempfile
import time
from datetime import datetime
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from seller_app import paths  # noqa: E402
from seller_app.batch import (  # noqa: E402
    ClaimSettings,
    RowDefaults,
    available_mappings,
    imports_dir,
    open_export,
    run_batch,
)
from seller_app.batch.claim import form_available  # noqa: E402
from seller_app.domain.case import SHANGHAI  # noqa: E402
from seller_app.domain.catalog import Catalog  # noqa: E402

FLOOR = 80.0
MEMORY_CEILING_MB = 300.0
NOW = datetime(2026, 11, 21, 10, 0, tzinfo=SHANGHAI)
HEADER = (
    "订单编号",
    "买家",
    "商品",
    "金额",
    "物流公司",
    "物流单号",
    "发货时间",
    "运费",
    "问题类型",
)
COURIERS = ("顺丰", "中通", "圆通", "韵达", "极兔")
INCIDENTS = ("丢失", "丢失", "延误", "错发")


def generate(path: Path, rows: int) -> None:
    with path.open("w", encoding="gbk", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for n in range(rows):
            writer.writerow(
                [
                    f"3912345678{n:09d}",
                    f"买家{n}",
                    "陶瓷餐具套装 12 件",
                    f"{50 + n % 500}.00",
                    COURIERS[n % len(COURIERS)],
                    f"SF{1234500000000 + n}",
                    f"2026-11-{11 + n % 5} 18:20:00",
                    f"{8 + n % 10}",
                    INCIDENTS[n % len(INCIDENTS)],
                ]
            )


def maxrss_mb(who: int) -> float:
    peak = resource.getrusage(who).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024


def run_once(orders: Path, out: Path, catalog: Catalog, jobs: int, form: str | None) -> float:
    export = open_export(orders, available_mappings(imports_dir(catalog.root)), "taobao")
    defaults = RowDefaults(incident="loss", weight_kg=Decimal("2"))
    settings = ClaimSettings(out, NOW, form_layout=form)
    start = time.perf_counter()
    report = run_batch(export.entries(defaults, NOW), settings, catalog, processes=jobs)
    elapsed = time.perf_counter() - start
    if report.refused or report.failed:
        raise SystemExit(f"bench rows refused: {report.refused[:1]} {report.failed[:1]}")
    return report.made / elapsed


def stage_times(catalog: Catalog, form: str | None, out: Path, repeat: int = 20) -> str:
    """Milliseconds per claim for each step of `make_claim`, one process, same machine."""
    from seller_app.documents.calendar import build_calendar
    from seller_app.domain.case import case_from_json
    from seller_app.domain.rules import assess
    from seller_app.domain.schedule import build_schedule

    data = {
        "format": 1, "tracking_numbers": ["SF1234567890123"], "region": "domestic",
        "posted_at": "2026-11-11T18:20", "incident": "loss", "service_fee": "12",
        "goods_value": "300", "weight_kg": "2", "order_id": "3912345678901234567",
    }  # fmt: skip
    case = case_from_json(data, NOW)
    assessment = assess(case, catalog)
    deadlines = build_schedule(case)
    steps = {
        "assess": lambda: assess(case, catalog),
        "schedule": lambda: build_schedule(case),
        "calendar": lambda: build_calendar(case, deadlines, catalog.texts, "zh", stamp=NOW),
    }
    if form:
        from seller_app.documents.claim_form import render_claim_form

        steps["form"] = lambda: render_claim_form(
            case, assessment, out / "stage.pdf", catalog=catalog, layout=form, deadlines=deadlines
        )
    shown = []
    for name, step in steps.items():
        step()
        start = time.perf_counter()
        for _ in range(repeat):
            step()
        shown.append(f"{name} {(time.perf_counter() - start) / repeat * 1000:.1f} ms")
    return ", ".join(shown)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--form", default="generic", help="layout, or 'none' for no PDF")
    parser.add_argument("--peer-rows", type=int, default=200, help="rows for the 1-process peer")
    args = parser.parse_args()
    form = None if args.form == "none" else args.form
    if form is not None and not form_available():
        print("claim form (issue 6) not on this branch yet: measuring without the PDF")
        form = None
    catalog = Catalog.load(paths.resources_dir())
    with tempfile.TemporaryDirectory() as tmp:
        orders = Path(tmp) / "orders.csv"
        generate(orders, args.rows)
        peer_orders = Path(tmp) / "peer.csv"
        generate(peer_orders, args.peer_rows)
        peer = run_once(peer_orders, Path(tmp) / "peer", catalog, 1, form)
        rate = run_once(orders, Path(tmp) / "out", catalog, args.jobs, form)
        stages = stage_times(catalog, form, Path(tmp))
    what = "claims (case + assessment" + (" + PDF form)" if form else ", no PDF)")
    print(f"rows: {args.rows}, workers: {args.jobs}, cores: {os.cpu_count()}, measuring {what}")
    print(
        f"batch:        {rate:8.1f} claims/s   (floor {FLOOR:.0f}/s: "
        f"{'ok' if rate >= FLOOR else 'BELOW'})"
    )
    print(f"per claim:    {stages}")
    print(f"peer 1 proc:  {peer:8.1f} claims/s   ({args.peer_rows} rows, no pool)")
    parent = maxrss_mb(resource.RUSAGE_SELF)
    child = maxrss_mb(resource.RUSAGE_CHILDREN)
    total = parent + args.jobs * child  # upper bound: every worker at the largest one's peak
    verdict = "ok" if total < MEMORY_CEILING_MB else "ABOVE"
    print(
        f"peak memory:  parent {parent:.0f} MB + {args.jobs} x worker {child:.0f} MB "
        f"<= {total:.0f} MB   (ceiling {MEMORY_CEILING_MB:.0f} MB: {verdict})"
    )


if __name__ == "__main__":
    main()
