"""Benchmark: prepare 8 synthetic 4000x3000 phone photos, beside a floor measured in the same run.

    .venv/bin/python bench/photos.py [--runs 3] [--photos 8]

Makes 8 noisy 4000x3000 JPEGs (half stored sideways with EXIF orientation 6, as phones do), then
times `import_photos` (decode with draft, orientation, sRGB, shrink to 1600, blur/brightness/dHash
measures, metadata-free JPEG q80, SHA-256) per photo in-process and for the whole set on all cores,
and the same for a floor that only does draft-decode + resize + encode. Both pools are started
the same way ("spawn"), so the comparison includes the same start-up cost. Best of --runs.
Targets (issue 4): total <= 1.3 x floor and <= 1 s on 2 cores; prepared set <= 3 MB.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image, ImageDraw

from seller_app.domain.case import PhotoKind
from seller_app.evidence import EvidencePhoto, PhotoInput, import_photos, shutdown_pool

SIZE = (4000, 3000)


def make_photo(path: Path, seed: int, sideways: bool) -> None:
    rng = random.Random(seed)
    base = Image.linear_gradient("L").resize(SIZE).convert("RGB")
    draw = ImageDraw.Draw(base)
    for _ in range(60):
        xy = [rng.randrange(SIZE[0]), rng.randrange(SIZE[1])] * 2
        xy[2] += rng.randrange(-800, 800)
        xy[3] += rng.randrange(-800, 800)
        draw.line(xy, fill=tuple(rng.randrange(256) for _ in range(3)), width=rng.randrange(2, 12))
    noise = Image.effect_noise(SIZE, 24).convert("RGB")
    photo = Image.blend(base, noise, 0.25)
    exif = Image.Exif()
    exif[0x0110] = "Synthetic Phone"
    if sideways:
        exif[0x0112] = 6
        photo = photo.rotate(90, expand=True).resize(SIZE)
    photo.save(path, "JPEG", quality=90, exif=exif.tobytes())


def floor_one(job: tuple[Path, Path]) -> int:
    """The least any preparation must do: draft-decode, resize to 1600, encode JPEG q80."""
    source, out_dir = job
    with Image.open(source) as image:
        image.draft("RGB", (1600, 1200))
        image = image.convert("RGB")
        image.thumbnail((1600, 1600), Image.Resampling.BICUBIC)
        target = out_dir / f"{source.stem}.jpg"
        image.save(target, "JPEG", quality=80)
    return target.stat().st_size


def spawn_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))


def floor_all(sources: list[Path], out_dir: Path, pool: ProcessPoolExecutor) -> None:
    list(pool.map(floor_one, [(s, out_dir) for s in sources]))


def floor_cold(sources: list[Path], out_dir: Path, workers: int) -> None:
    with spawn_pool(workers) as pool:
        floor_all(sources, out_dir, pool)


def best(
    runs: int, action: Callable[[], object], setup: Callable[[], object] = lambda: None
) -> float:
    times = []
    for _ in range(runs):
        setup()  # not timed
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--photos", type=int, default=8)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="bench-photos-") as tmp:
        root = Path(tmp)
        sources = []
        for index in range(args.photos):
            path = root / f"IMG_{index:04d}.jpg"
            make_photo(path, index, sideways=index % 2 == 1)
            sources.append(path)
        total_in = sum(p.stat().st_size for p in sources)
        print(f"{len(sources)} photos {SIZE[0]}x{SIZE[1]}, {total_in / 1e6:.1f} MB, {cores} cores")

        inputs = [PhotoInput(p, PhotoKind.DAMAGED_ITEM) for p in sources]
        ours_dir, floor_dir = root / "ours", root / "floor"
        floor_dir.mkdir()
        print("per photo, in-process (ms): prepare / floor")
        for item, source in zip(inputs, sources, strict=True):
            ours = best(args.runs, lambda i=item: import_photos([i], ours_dir, processes=1))
            floor = best(args.runs, lambda s=source: floor_one((s, floor_dir)))
            print(f"  {source.name}  {ours * 1000:6.0f} / {floor * 1000:6.0f}")

        serial_ours = best(args.runs, lambda: import_photos(inputs, ours_dir, processes=1))
        serial_floor = best(args.runs, lambda: [floor_one((s, floor_dir)) for s in sources])
        cold_ours = best(
            args.runs, lambda: import_photos(inputs, ours_dir, processes=cores), shutdown_pool
        )
        cold_floor = best(args.runs, lambda: floor_cold(sources, floor_dir, cores))
        import_photos(inputs, ours_dir, processes=cores)  # start the session pool
        warm_ours = best(args.runs, lambda: import_photos(inputs, ours_dir, processes=cores))
        with spawn_pool(cores) as pool:
            floor_all(sources, floor_dir, pool)
            warm_floor = best(args.runs, lambda: floor_all(sources, floor_dir, pool))
        results = import_photos(inputs, ours_dir, processes=cores)
        prepared = [r for r in results if isinstance(r, EvidencePhoto)]
        set_size = sum(r.prepared_path.stat().st_size for r in prepared)
        print("total wall time (s)            prepare   floor   ratio  (target <= 1.3 x, <= 1 s)")
        for label, ours, floor in (
            ("1 process", serial_ours, serial_floor),
            (f"{cores} cores, pool started", cold_ours, cold_floor),
            (f"{cores} cores, pool running", warm_ours, warm_floor),
        ):
            print(f"  {label:28s} {ours:7.2f} {floor:7.2f} {ours / floor:7.2f}")
        print(f"prepared set: {len(prepared)} photos, {set_size / 1e6:.2f} MB (target <= 3 MB)")


if __name__ == "__main__":
    main()
