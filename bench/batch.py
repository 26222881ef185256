"""Batch throughput as a seller runs it: `seller-claims batch` on generated Taobao exports of
1,000, 10,000 and 100,000 rows, with and without the case store, as whole processes.

    .venv/bin/python bench/batch.py                          # 1k and 10k rows, no PDF
    .venv/bin/python bench/batch.py --rows 1000,10000,100000 # the whole table (100k: minutes)
    .venv/bin/python bench/batch.py --rows 1000 --form generic --store no   # forms per second

For each size and mode it prints rows per second (whole run, and steady: from the first progress
line on, without start-up), CPU seconds (the command and its workers), and peak memory: the largest
single process (the command or one worker; ``wait4``'s maximum resident set). Beside them the
targets (issue 16): storing costs at most 2 x not storing; the rate stays linear -- the rate
around row 30,000 at least 0.8 x the rate over the first rows of the same run; with PDF forms at
least 100 forms/s on 2 cores; peak < 300 MB a process. The store is a fresh data folder behind a
passphrase (no keychain). The machine may be shared: CPU seconds are steadier than wall time.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.measure import Running  # noqa: E402

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
STORE_FACTOR = 2.0
LINEAR = 0.8
FORMS_PER_SECOND = 100.0
MEMORY_MB = 300.0
_PROGRESS = re.compile(r"(\d+)\s*/\s*(\d+)")


def generate(path: Path, rows: int) -> None:
    """A GBK Taobao-style export of `rows` orders (every row a valid claim)."""
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


@dataclass
class Run:
    rows: int
    wall: float
    cpu: float
    peak_mb: float
    progress: list[tuple[float, int]] = field(default_factory=list)
    """(seconds since start, rows done) for each progress line."""

    @property
    def rate(self) -> float:
        return self.rows / self.wall

    @property
    def steady(self) -> float:
        """Rows per second from the first progress line to the end (no start-up)."""
        if len(self.progress) < 2:
            return self.rate
        (t0, n0), (t1, n1) = self.progress[0], self.progress[-1]
        return (n1 - n0) / (t1 - t0) if t1 > t0 else self.rate

    def rate_at(self, row: int) -> float | None:
        """Rows per second over the progress window that contains `row`."""
        points = [(0.0, 0), *self.progress]
        for (t0, n0), (t1, n1) in zip(points, points[1:], strict=False):
            if n0 < row <= n1 and t1 > t0:
                return (n1 - n0) / (t1 - t0)
        return None


def run_batch(orders: Path, rows: int, work: Path, *, store: bool, form: str, jobs: int) -> Run:
    out, data = work / "out", work / "data"
    command = [
        sys.executable, "-m", "seller_app.cli", "batch", str(orders), "--out", str(out),
        "--incident", "loss", "--weight", "2", "--form", form, "--jobs", str(jobs),
        *(["--data-dir", str(data)] if store else ["--no-store"]),
    ]  # fmt: skip
    env = dict(
        os.environ,
        SELLER_APP_DATA_DIR=str(data),
        SELLER_APP_PASSPHRASE="bench passphrase",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    running = Running(command, env, stderr=subprocess.PIPE)
    progress: list[tuple[float, int]] = []

    def read_progress() -> None:
        assert running.stderr is not None
        for raw in running.stderr:
            found = _PROGRESS.search(raw.decode("utf-8", "replace"))
            if found:
                progress.append((time.perf_counter() - running.started, int(found.group(1))))

    reader = threading.Thread(target=read_progress)
    reader.start()
    result = running.wait()
    reader.join()
    if result.code not in (0, 3):
        raise SystemExit(f"batch failed with exit {result.code}: {' '.join(command)}")
    return Run(rows, result.wall, result.cpu, result.peak_mb, progress)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="1000,10000", help="sizes, comma-separated")
    parser.add_argument("--form", default="none", help="layout for PDF forms, or none")
    parser.add_argument("--store", choices=("both", "yes", "no"), default="both")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    sizes = [int(size) for size in args.rows.split(",")]
    modes = {"both": (False, True), "yes": (True,), "no": (False,)}[args.store]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"cores {os.cpu_count()}, workers {args.jobs}, form {args.form}, "
        f"load average {load:.2f} at start (shared machine)"
    )
    print(
        f"{'rows':>7} {'store':>5} {'rows/s':>8} {'steady':>8} {'wall s':>8} {'cpu s':>8} "
        f"{'peak MB':>8}"
    )
    results: dict[tuple[int, bool], Run] = {}
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        for size in sizes:
            orders = Path(tmp) / f"orders{size}.csv"
            generate(orders, size)
            for store in modes:
                with tempfile.TemporaryDirectory(dir=tmp) as work:
                    run = run_batch(
                        orders, size, Path(work), store=store, form=args.form, jobs=args.jobs
                    )
                results[size, store] = run
                print(
                    f"{size:>7} {'yes' if store else 'no':>5} {run.rate:8.1f} {run.steady:8.1f} "
                    f"{run.wall:8.1f} {run.cpu:8.1f} {run.peak_mb:8.0f}",
                    flush=True,
                )
    for size in sizes:
        if (size, True) in results and (size, False) in results:
            cost = results[size, True].wall / results[size, False].wall
            verdict = "ok" if cost <= STORE_FACTOR else "OVER"
            print(f"{size} rows: storing takes {cost:.2f} x not storing (target <= 2): {verdict}")
    for (size, store), run in results.items():
        early, late = run.rate_at(min(1000, size)), run.rate_at(30000)
        if late is not None and early:
            verdict = "ok" if late >= LINEAR * early else "NOT LINEAR"
            print(
                f"{size} rows, store {'yes' if store else 'no'}: {late:.0f} rows/s around row "
                f"30,000 vs {early:.0f} over the first window = {late / early:.2f} "
                f"(target >= {LINEAR}): {verdict}"
            )
    if args.form != "none":
        best = max(run.steady for run in results.values())
        verdict = "ok" if best >= FORMS_PER_SECOND else "UNDER"
        print(f"forms: {best:.0f} claims with PDF per second (target >= 100 on 2 cores): {verdict}")
    peak = max(run.peak_mb for run in results.values())
    print(f"peak memory: {peak:.0f} MB, the largest process (ceiling {MEMORY_MB:.0f} MB)")


if __name__ == "__main__":
    main()
