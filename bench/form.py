"""Claim-form benchmark on phone-like photos, each figure beside its floor from the same run.

    .venv/bin/python bench/form.py                       # the claim with 8 photos, and 200 forms
    .venv/bin/python bench/form.py --forms 400 --processes 2

1. One claim, cold: `seller-claims form CASE -o OUT --photos DIR` with the 8 photos of a claim
   (tests/evidence/phone.py: 12 MP, grain, texture, a label turned 30°), as a whole process,
   beside the floor -- the same photos draft-decoded, shrunk and encoded on a spawn pool, as a
   whole process (bench/photo_floor.py). Target (issue 16): <= 1.5 x.
2. One claim with the session's photo pool running (the wizard starts it when the photo page
   opens): prepare the 8 photos, assess, plan the deadlines, render the form with them, beside the
   floor on a running pool. Target <= 1.3 x.
3. Forms per second without photos, each for a different buyer (names, addresses, amounts: the
   font subsets differ as in a real batch), on 1 and on `--processes` processes, written as
   `seller-claims batch` writes them (no fsync each: the run flushes once at its end). Target
   >= 100 forms/s on 2 cores; beside it the peer, N x the 1-process rate (what N cores of our
   own would give: below 1 x, the machine is shared or the processes contend). Also the PDF's
   size. The batch itself (`bench/batch.py --form generic`) adds reading the export, the case
   files and the summary.

CPU seconds are steadier than wall time on a shared machine; both are printed.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.measure import measure  # noqa: E402
from bench.photo_floor import beside_warm_floor  # noqa: E402
from bench.photos import installed_env  # noqa: E402
from tests.evidence.phone import claim_set, write_shots  # noqa: E402

EXAMPLE = ROOT / "examples" / "damage_partial.json"
COLD_TARGET, WARM_TARGET, FORMS_TARGET = 1.5, 1.3, 100.0
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂"
PLACES = (
    "上海市浦东新区世纪大道",
    "北京市朝阳区建国路",
    "广东省深圳市南山区科技园",
    "浙江省杭州市西湖区文三路",
    "四川省成都市武侯区人民南路",
    "湖北省武汉市洪山区珞喻路",
)


def cold(photos: Path, runs: int) -> None:
    out = Path(tempfile.mkdtemp(prefix="bench-form-"))
    ours = [sys.executable, "-m", "seller_app.cli", "form", str(EXAMPLE), "-o", str(out / "c.pdf")]
    ours += ["--photos", str(photos)]
    floor = [
        sys.executable,
        str(ROOT / "bench" / "photo_floor.py"),
        str(out / "floor"),
        str(photos),
    ]
    # bytecode cached for both, as installed (bench/photos.py `installed_env`)
    env = installed_env(dict(os.environ, SELLER_APP_DATA_DIR=str(out / "data")))
    measure(ours, env), measure(floor, env)  # warm the file cache (and bytecode) for both
    pairs = [(measure(ours, env), measure(floor, env)) for _ in range(runs)]
    med = statistics.median
    print(
        f"one claim, 8 photos, cold command: ours {med(a.wall for a, _ in pairs):.2f} s wall, "
        f"{med(a.cpu for a, _ in pairs):.2f} s CPU | floor {med(b.wall for _, b in pairs):.2f} s "
        f"wall, {med(b.cpu for _, b in pairs):.2f} s CPU | ratio wall "
        f"{med(a.wall / b.wall for a, b in pairs):.2f}, "
        f"CPU {med(a.cpu / b.cpu for a, b in pairs):.2f}"
        f" (target <= {COLD_TARGET} x); PDF {(out / 'c.pdf').stat().st_size / 1e6:.2f} MB"
    )


def warm(photos: list[Path], runs: int) -> None:
    from seller_app import paths
    from seller_app.cli.common import load_case
    from seller_app.documents.claim_form import render_claim_form
    from seller_app.documents.fonts import register_font
    from seller_app.domain.catalog import Catalog
    from seller_app.domain.rules import assess
    from seller_app.domain.schedule import projected_schedule
    from seller_app.evidence import PhotoInput, import_photos, shutdown_pool, warm_up

    catalog = Catalog.load(paths.resources_dir())
    now = datetime.now().astimezone()
    case = load_case(EXAMPLE, now)
    out = Path(tempfile.mkdtemp(prefix="bench-form-warm-"))
    inputs = [PhotoInput(path) for path in photos]

    def claim() -> None:
        prepared = import_photos(inputs, out, case)
        render_claim_form(
            case,
            assess(case, catalog, now=now),
            out / "claim.pdf",
            catalog=catalog,
            photos=prepared,  # type: ignore[arg-type]
            deadlines=projected_schedule(case, now),
            dated=now,
        )

    register_font()
    warm_up()
    claim()  # the pool is up and warm
    ours, floor = beside_warm_floor(claim, photos, out, runs)
    shutdown_pool()
    print(
        f"one claim, 8 photos, pool running: ours {statistics.median(ours):.2f} s, floor "
        f"{statistics.median(floor):.2f} s, ratio "
        f"{statistics.median(a / b for a, b in zip(ours, floor, strict=True)):.2f}"
        f" (target <= {WARM_TARGET} x)"
    )


def buyer_case(n: int) -> dict[str, Any]:
    """The example case for another buyer: name, address, goods value and tracking number."""
    rng = random.Random(n)
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data.setdefault("buyer", {})
    data["buyer"]["name"] = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
    data["buyer"]["address"] = f"{rng.choice(PLACES)}{rng.randrange(1, 999)}号"
    data["tracking_numbers"] = [f"SF{1400012345000 + n:013d}"]
    data["goods_value"] = f"{300 + n % 700}.00"
    return data


def _render(job: tuple[int, int, str]) -> float:
    """Render forms `first`..`first+count-1` into `folder`; returns CPU seconds spent."""
    first, count, folder = job
    from seller_app import paths
    from seller_app.documents.claim_form import render_claim_form
    from seller_app.documents.fonts import register_font
    from seller_app.domain.case import case_from_json
    from seller_app.domain.catalog import Catalog
    from seller_app.domain.rules import assess
    from seller_app.domain.schedule import build_schedule

    catalog = Catalog.load(paths.resources_dir())
    now = datetime.now().astimezone()
    register_font()
    cases = [case_from_json(buyer_case(n), now) for n in range(first, first + count)]
    work = [(c, assess(c, catalog), build_schedule(c)) for c in cases]
    start = time.process_time()
    for index, (case, assessment, deadlines) in enumerate(work):
        target = Path(folder) / f"form{first + index}.pdf"
        # as `seller-claims batch` renders its forms: no fsync each, one flush at the end
        render_claim_form(
            case, assessment, target, catalog=catalog, deadlines=deadlines, durable=False
        )
    return time.process_time() - start


def many(count: int, processes: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-forms-"))
    _render((10_000, 3, str(folder)))  # imports, font, layout: once per process, not timed
    alone = 0.0
    for workers in sorted({1, processes}):
        shares = [count // workers + (i < count % workers) for i in range(workers)]
        jobs = [(sum(shares[:i]), share, str(folder)) for i, share in enumerate(shares)]
        if workers == 1:
            start = time.perf_counter()
            cpu = _render(jobs[0])
        else:
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(workers, mp_context=context) as pool:
                list(pool.map(_render, [(10_000, 3, str(folder))] * workers))  # start them
                start = time.perf_counter()
                cpu = sum(pool.map(_render, jobs))
        wall = time.perf_counter() - start
        rate = count / wall
        verdict = "ok" if rate >= FORMS_TARGET else "UNDER"
        size = (folder / "form0.pdf").stat().st_size / 1e3
        # the peer of N processes: N x one process's rate, as if the cores were ours alone
        peer = "" if workers == 1 else f", {rate / (alone * workers):.2f} x {workers} x 1 process"
        print(
            f"{count} forms, {workers} process(es): {rate:.0f} forms/s ({cpu / count * 1000:.1f} ms"
            f" CPU a form, {size:.0f} KB{peer})"
            f"{'' if workers == 1 else f'  target >= 100: {verdict}'}"
        )
        alone = alone or rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=200)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-photos", action="store_true")
    parser.add_argument("--keep", type=Path, help="make (or reuse) the photos here")
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"cores {os.cpu_count()}, load average {load:.2f} at start (shared machine)")
    if not args.skip_photos:
        root = args.keep or Path(tempfile.mkdtemp(prefix="bench-form-photos-"))
        photos = write_shots(claim_set("SF1400012345678"), root / "claim", jobs=os.cpu_count() or 1)
        cold(root / "claim", args.runs)
        warm(photos, args.runs)
    many(args.forms, args.processes)


if __name__ == "__main__":
    main()
