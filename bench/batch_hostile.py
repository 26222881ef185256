"""Hostile order exports against `seller-claims batch`: how many were tried, refused cleanly,
made into claims, and how many ended in a traceback (the target is none).

    python bench/batch_hostile.py                 # 50 variants of each kind (seeded)
    python bench/batch_hostile.py --each 200 --seed 7
    python bench/batch_hostile.py --bomb          # also: a ~1 MB XLSX that inflates to 1 GiB

Each variant is a damaged or hostile copy of a small, valid export: bytes flipped, the file cut
short, random binary, a huge cell, control characters and formula starts in cells, duplicated and
shuffled lines, other encodings, workbooks with flipped bytes, entity bombs and external
entities. Every run is in-process (`seller_app.cli.main`), one worker, no form, no case book.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import random
import resource
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from seller_app.cli import main  # noqa: E402

HEADER = [
    "订单编号",
    "收货人姓名",
    "宝贝标题",
    "买家实际支付金额",
    "物流公司",
    "物流单号",
    "订单付款时间",
]
FLAGS = ["--incident", "loss", "--weight", "1", "--service-fee", "10"]
CHARS = "=+-@\t\r\n\x1b\x00\u202e\ufeff\"',;张三￥１２"


def base_rows(count: int = 8) -> list[list[str]]:
    return [
        [f"39123456789012{n:05d}", "张三", "骨瓷碗", "88.00", "顺丰速运", f"SF{1234500000000 + n}",
         "2026-11-11 10:00:00"]
        for n in range(count)
    ]  # fmt: skip


def csv_bytes(rows: list[list[str]], encoding: str = "gbk") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([HEADER, *rows])
    return buffer.getvalue().encode(encoding, errors="replace")


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.properties.created = book.properties.modified = datetime(2026, 11, 11)  # same bytes
    sheet = book.active
    assert sheet is not None
    for row in [HEADER, *rows]:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def flip(data: bytes, rng: random.Random) -> bytes:
    raw = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        raw[rng.randrange(len(raw))] = rng.randrange(256)
    return bytes(raw)


def with_sheet(data: bytes, change: Callable[[str], str]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = change(sheet).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, part in parts.items():
            target.writestr(name, part)
    return out.getvalue()


def variants(rng: random.Random, each: int) -> Iterator[tuple[str, str, bytes]]:
    good = csv_bytes(base_rows())
    book = xlsx_bytes(base_rows())  # type: ignore[arg-type]
    for _ in range(each):
        yield "flipped-bytes", "csv", flip(good, rng)
        yield "cut-short", "csv", good[: rng.randrange(len(good))]
        yield "random-binary", "csv", rng.randbytes(rng.randint(0, 20000))
        rows = base_rows()
        rows[rng.randrange(len(rows))][rng.randrange(len(HEADER))] = "碗" * rng.choice(
            (40_000, 140_000, 1_200_000)
        )
        yield "huge-cell", "csv", csv_bytes(rows, "utf-8")
        rows = base_rows()
        for _ in range(rng.randint(1, 10)):
            cell = "".join(rng.choice(CHARS) for _ in range(rng.randint(1, 30)))
            rows[rng.randrange(len(rows))][rng.randrange(len(HEADER))] = cell
        yield "hostile-cells", "csv", csv_bytes(rows, "utf-8")
        lines = good.split(b"\r\n")
        body = lines[1:] * rng.randint(1, 3)
        rng.shuffle(body)
        yield "shuffled-duplicates", "csv", b"\r\n".join([lines[0], *body])
        encoding = rng.choice(("utf-16", "utf-8-sig", "gb18030", "big5", "latin-1"))
        yield f"encoding-{encoding}", "csv", csv_bytes(base_rows(), encoding)
        yield "flipped-workbook", "xlsx", flip(book, rng)
        depth = rng.randint(3, 9)
        entities = '<!ENTITY a "xxxxxxxxxx">' + "".join(
            f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(depth)
        )
        last = chr(97 + depth)
        yield (
            "entity-bomb",
            "xlsx",
            with_sheet(
                book,
                lambda s, e=entities, x=last: (
                    f"<!DOCTYPE worksheet [{e}]>" + s.replace("<t>订单编号</t>", f"<t>&{x};</t>", 1)
                ),
            ),
        )
        yield (
            "external-entity",
            "xlsx",
            with_sheet(
                book,
                lambda s: (
                    '<!DOCTYPE worksheet [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                    + s.replace("<t>订单编号</t>", "<t>&e;</t>", 1)
                ),
            ),
        )


def run_one(path: Path, out: Path) -> tuple[int | str, bool, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code: int | str = main(
                ["batch", str(path), "--out", str(out), *FLAGS, "--jobs", "1", "--form", "none",
                 "--no-store"]
            )  # fmt: skip
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else str(exit_.code)
    except BaseException:  # noqa: BLE001 -- what we count
        return "traceback", True, traceback.format_exc()
    said = stdout.getvalue() + stderr.getvalue()
    return code, "Traceback" in said, said


def bomb(folder: Path) -> None:
    """A ~1 MB workbook whose sheet inflates to 1 GiB: refused before openpyxl reads it."""
    path = folder / "bomb.xlsx"
    book = xlsx_bytes(base_rows(1))  # type: ignore[arg-type]
    with zipfile.ZipFile(io.BytesIO(book)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts.pop("xl/worksheets/sheet1.xml").decode()
    head, tail = sheet.split("</sheetData>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for name, part in parts.items():
            target.writestr(name, part)
        with target.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as handle:
            handle.write(head.encode())
            block = b" " * (1 << 20)
            for _ in range(1024):
                handle.write(block)
            handle.write(b"</sheetData>" + tail.encode())
    size = path.stat().st_size
    started = time.perf_counter()
    code, traced, said = run_one(path, folder / "out-bomb")
    took = time.perf_counter() - started
    print(f"bomb: {size / 1e6:.1f} MB file inflating to 1 GiB -> exit {code} in {took:.2f} s")
    print(f"      {said.strip()}")
    assert not traced


def report(counts: Counter[tuple[str, int | str]], kinds: list[str], folder: Path) -> int:
    tried = sum(counts.values())
    by_code = Counter()
    for (_, code), n in counts.items():
        by_code[code] += n
    print(f"{'kind':22} {'exit 0':>7} {'exit 2':>7} {'exit 3':>7} {'traceback':>10}")
    for kind in kinds:
        row = [counts[(kind, code)] for code in (0, 2, 3, "traceback")]
        print(f"{kind:22} {row[0]:7} {row[1]:7} {row[2]:7} {row[3]:10}")
    print(
        f"inputs tried {tried}; claims made for all rows (exit 0) {by_code[0]}; "
        f"file refused in one line (exit 2) {by_code[2]}; some rows refused with their row "
        f"and column (exit 3) {by_code[3]}; tracebacks {by_code['traceback']}"
    )
    return by_code["traceback"]


def main_bench() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--each", type=int, default=50, help="variants of each kind")
    parser.add_argument("--seed", type=int, default=2611)
    parser.add_argument("--bomb", action="store_true", help="also the 1 GiB XLSX bomb")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    counts: Counter[tuple[str, int | str]] = Counter()
    kinds: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for index, (kind, suffix, data) in enumerate(variants(rng, args.each)):
            if kind not in kinds:
                kinds.append(kind)
            path = folder / f"{index}.{suffix}"
            path.write_bytes(data)
            code, traced, said = run_one(path, folder / f"out{index}")
            counts[(kind, "traceback" if traced else code)] += 1
            if traced:
                print(f"TRACEBACK in {kind}:\n{said}", file=sys.stderr)
            path.unlink()
        took = time.perf_counter() - started
        tracebacks = report(counts, kinds, folder)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{took:.1f} s, peak memory {peak:.0f} MB")
        if args.bomb:
            bomb(folder)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"peak memory after the bomb {peak:.0f} MB")
    return 1 if tracebacks else 0


if __name__ == "__main__":
    raise SystemExit(main_bench())
