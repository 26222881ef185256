"""The floor for preparing photos, as a whole process: the least any preparation must do.

    .venv/bin/python bench/photo_floor.py OUT_DIR PHOTO [PHOTO ...] [--jobs N]

Starts a "spawn" process pool as the app does, and in it draft-decodes each JPEG (libjpeg's DCT
scaling), shrinks it to a 1600 px long side and encodes it as JPEG q80 -- no checks, no barcode,
no fingerprint, no PDF. Timing `seller-claims photos` or `seller-claims form --photos` against
this command, over the same photos and in the same run, gives the "x the floor" figures.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image

LONG_SIDE = 1600


def floor_one(job: tuple[Path, Path]) -> int:
    """Draft-decode, resize to 1600, encode JPEG q80; returns the bytes written."""
    source, out_dir = job
    with Image.open(source) as image:
        image.draft("RGB", (LONG_SIDE, LONG_SIDE * 3 // 4))
        image = image.convert("RGB")
        image.thumbnail((LONG_SIDE, LONG_SIDE), Image.Resampling.BICUBIC)
        target = out_dir / f"{source.stem}.jpg"
        image.save(target, "JPEG", quality=80)
    return target.stat().st_size


def floor_all(sources: list[Path], out_dir: Path, jobs: int) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    if jobs <= 1 or len(sources) <= 1:
        return sum(floor_one((source, out_dir)) for source in sources)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        return sum(pool.map(floor_one, [(source, out_dir) for source in sources]))


def beside_warm_floor(
    ours: Callable[[], object], photos: list[Path], out_dir: Path, runs: int
) -> tuple[list[float], list[float]]:
    """Seconds of `ours` and of the floor over `photos` on a running pool of the floor's own,
    `runs` times each, alternated so that machine load hits both alike (the "pool running"
    figures: the caller has warmed its own workers first)."""
    context = multiprocessing.get_context("spawn")
    jobs = [(photo, out_dir) for photo in photos]
    mine, floor = [], []
    with ProcessPoolExecutor(os.cpu_count() or 1, mp_context=context) as pool:
        list(pool.map(floor_one, jobs))  # the floor's workers up and warm
        for _ in range(runs):
            start = time.perf_counter()
            ours()
            mine.append(time.perf_counter() - start)
            start = time.perf_counter()
            list(pool.map(floor_one, jobs))
            floor.append(time.perf_counter() - start)
    return mine, floor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("photos", type=Path, nargs="+")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    sources = []
    for path in args.photos:
        sources.extend(sorted(path.glob("*.jpg")) if path.is_dir() else [path])
    floor_all(sources, args.out, args.jobs)


if __name__ == "__main__":
    main()
