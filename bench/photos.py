"""Photo preparation on phone-like photos, each figure beside its floor from the same run.

    .venv/bin/python bench/photos.py                 # 8 photos of one claim, and 200 photos
    .venv/bin/python bench/photos.py --folder 0      # the 8 only
    .venv/bin/python bench/photos.py --keep /tmp/ph  # keep the generated photos for next time

The photos are made by tests/evidence/phone.py (seeded, so the same every time): 12 MP JPEGs q92
with sensor grain, cardboard and wood texture, soft focus and uneven light; every other one held
upright (stored sideways, EXIF orientation 6); one waybill label in eight, turned 0-45°.

1. Where the time goes, per photo, in this process (CPU ms): decode (with draft), shrink to 1600
   and turn upright, the first look for bars, reading the codes where it found some, the checks
   (sharpness, brightness, fingerprints), encode -- beside the floor's decode + shrink + encode.
2. `seller-claims photos` on the 8 and on the folder (200), as whole processes, beside the floor
   (bench/photo_floor.py: draft-decode, shrink, encode on a spawn pool): wall and CPU seconds,
   ratio, and peak memory (the largest single process). Targets (issue 16): <= 1.5 x the floor,
   <= 300 MB.
3. The same 8 prepared with the session's pool already running (the wizard's case: it starts the
   pool when the photo page opens), beside the floor on a running pool. Target <= 1.3 x.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageOps  # noqa: E402

from bench.measure import measure  # noqa: E402
from bench.photo_floor import beside_warm_floor, floor_one  # noqa: E402
from tests.evidence.phone import claim_set, folder_of_claims, write_shots  # noqa: E402

COLD_TARGET, WARM_TARGET, MEMORY_MB = 1.5, 1.3, 300.0


def make_photos(keep: Path | None, folder_claims: int) -> tuple[list[Path], list[Path]]:
    root = keep or Path(tempfile.mkdtemp(prefix="bench-photos-"))
    one = write_shots(claim_set("SF1400012345678"), root / "claim", jobs=os.cpu_count() or 1)
    many = (
        write_shots(folder_of_claims(folder_claims), root / "folder", jobs=os.cpu_count() or 1)
        if folder_claims
        else []
    )
    return one, many


def stages(photos: Sequence[Path]) -> None:
    """CPU ms per photo for each step of `prepare_photo`, one process."""
    from seller_app.evidence import barcodes, prepare, quality
    from seller_app.evidence.fingerprint import dhash, sha256_hex, thumbnail

    spent: dict[str, float] = {}

    def timed(name: str, step: Callable[[], object]) -> object:
        start = time.process_time()
        result = step()
        spent[name] = spent.get(name, 0.0) + time.process_time() - start
        return result

    for path in photos:
        data = path.read_bytes()
        timed("fingerprint (SHA-256)", lambda d=data: sha256_hex(d))  # type: ignore[misc]
        image, _exif, _size = timed("decode (draft)", lambda d=data: prepare._decode(d))  # type: ignore[misc]

        def shrink(image: Image.Image = image) -> Image.Image:
            rgb = prepare.to_srgb(image)
            rgb.thumbnail((prepare.LONG_SIDE, prepare.LONG_SIDE), Image.Resampling.BICUBIC)
            ImageOps.exif_transpose(rgb, in_place=True)  # as prepare does
            return rgb

        upright = timed("shrink + upright", shrink)
        assert isinstance(upright, Image.Image)
        grey = upright.convert("L")
        regions = timed("first look", lambda g=grey: barcodes.find_regions(g))  # type: ignore[misc]
        timed(
            "read codes (where found)",
            lambda g=grey, r=regions: [
                barcodes.read_region(g, x) for x in r[: barcodes.MAX_REGIONS]
            ],  # type: ignore[misc]
        )
        timed(
            "checks",
            lambda g=grey: (  # type: ignore[misc]
                quality.sharpness(g),
                quality.brightness(g),
                dhash(g),
                thumbnail(g),
            ),
        )
        timed("encode", lambda u=upright: u.save(io.BytesIO(), "JPEG", quality=80))  # type: ignore[misc]
    floor_dir = Path(tempfile.mkdtemp(prefix="bench-floor-"))
    start = time.process_time()
    for path in photos:
        floor_one((path, floor_dir))
    floor = (time.process_time() - start) / len(photos) * 1000
    total = sum(spent.values()) / len(photos) * 1000
    print(f"per photo, one process, CPU ms ({len(photos)} photos):")
    for name, seconds in spent.items():
        print(f"  {name:26s} {seconds / len(photos) * 1000:7.1f}")
    print(f"  {'all':26s} {total:7.1f}   floor (decode + shrink + encode) {floor:7.1f}")


def installed_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for timing a command as a seller runs it: bytecode cached, as in an
    installed or frozen app (bench/startup.py does the same). A shell with
    ``PYTHONDONTWRITEBYTECODE`` set otherwise makes `seller-claims` compile every module of the
    app at every start (~0.1-0.2 s of CPU), which the floor -- Pillow alone, its bytecode
    installed -- never pays. The first (warm-up) run writes the cache, outside the source tree.
    """
    env = dict(os.environ if base is None else base)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "seller-app-bench-pycache")
    return env


def whole_process(command: list[str]) -> tuple[float, float, float]:
    """(wall s, CPU s of the process and its workers, peak MB of the largest one)."""
    result = measure(command, installed_env())
    if result.code != 0:
        raise SystemExit(f"exit {result.code}: {' '.join(command[:4])} ...")
    return result.wall, result.cpu, result.peak_mb


def versus(label: str, ours: list[str], floor: list[str], runs: int) -> None:
    """Alternate the two commands `runs` times; medians and the median of the pairwise ratios."""
    whole_process(ours)  # warm the file cache for both
    whole_process(floor)
    pairs = [(whole_process(ours), whole_process(floor)) for _ in range(runs)]
    med = statistics.median
    wall = med(a[0] / b[0] for a, b in pairs)
    cpu = med(a[1] / b[1] for a, b in pairs)
    print(
        f"{label}: ours {med(a[0] for a, _ in pairs):.2f} s wall, {med(a[1] for a, _ in pairs):.2f}"
        f" s CPU, {max(a[2] for a, _ in pairs):.0f} MB | floor {med(b[0] for _, b in pairs):.2f}"
        f" s wall, {med(b[1] for _, b in pairs):.2f} s CPU, {max(b[2] for _, b in pairs):.0f} MB"
        f" | ratio wall {wall:.2f}, CPU {cpu:.2f}"
        f" (target <= {COLD_TARGET} x, <= {MEMORY_MB:.0f} MB)"
    )


def warm(photos: Sequence[Path], runs: int) -> None:
    """The 8 with the session pool running, beside the floor on a running spawn pool."""
    from seller_app.evidence import PhotoInput, import_photos, shutdown_pool, warm_up

    out = Path(tempfile.mkdtemp(prefix="bench-warm-"))
    inputs = [PhotoInput(path) for path in photos]  # kinds unknown: every photo looked at

    def prepare() -> object:
        return import_photos(inputs, out, read_barcodes=True)

    warm_up()
    prepare()  # the pool is up and has imported everything
    ours, floor = beside_warm_floor(prepare, photos, out, runs)
    shutdown_pool()
    ratio = statistics.median(a / b for a, b in zip(ours, floor, strict=True))
    print(
        f"8 photos, pool running: ours {statistics.median(ours):.2f} s, floor "
        f"{statistics.median(floor):.2f} s, ratio {ratio:.2f} (target <= {WARM_TARGET} x)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=int, default=25, help="claims of 8 in the folder run")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="make (or reuse) the photos here")
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"cores {os.cpu_count()}, load average {load:.2f} at start (shared machine)")
    one, many = make_photos(args.keep, args.folder)
    stages(one)
    floor_out = Path(tempfile.mkdtemp(prefix="bench-floor-"))
    cli = [sys.executable, "-m", "seller_app.cli", "photos", "--json"]
    floor = [sys.executable, str(ROOT / "bench" / "photo_floor.py"), str(floor_out)]
    versus(f"`photos` on {len(one)}", [*cli, *map(str, one)], [*floor, *map(str, one)], args.runs)
    if many:
        versus(
            f"`photos` on {len(many)}",
            [*cli, *map(str, many)],
            [*floor, *map(str, many)],
            max(1, args.runs - 2),
        )
    warm(one, args.runs)


if __name__ == "__main__":
    main()
