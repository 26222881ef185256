"""Benchmark and accuracy of the tracking-screenshot reader, beside a floor measured in the run.

    .venv/bin/python bench/timeline.py [--runs 3]

Renders the test set (tests/evidence/screens.py: SF, ZTO dark with a time column, JD, YTO JPEG
at phone width, J&T web table, SF proof of delivery), then prints:

- cold: a fresh process loading the models and reading the first screenshot (what the seller
  waits for the first time), measured in a child process;
- warm, per screenshot: `read_timeline` with the engine loaded (best of --runs; wall time, and
  the CPU time of all threads, steadier on a shared machine), beside the
  floor: onnxruntime running the detector and recogniser on the very tensors that read produced,
  with nothing else (no decoding, resizing, post-processing or parsing);
- accuracy: fields right / fields total over the set (tracking numbers, courier, posted, signed,
  signer, station; and per event its time, kind and text).
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from seller_app.evidence.ocr import OcrEngine  # noqa: E402
from seller_app.evidence.timeline import read_timeline  # noqa: E402
from tests.conftest import NOW  # noqa: E402
from tests.evidence.screens import SCREENS, save  # noqa: E402

FIELDS = ("tracking_numbers", "carrier", "posted_at", "signed_at", "signer", "left_at_station")
COLD = """
import sys, time
start = time.perf_counter()
from seller_app.evidence.ocr import OcrEngine
from seller_app.evidence.timeline import read_timeline
from datetime import datetime
from seller_app.domain.case import SHANGHAI
engine = OcrEngine()
loaded = time.perf_counter()
read_timeline([sys.argv[1]], reference=datetime(2026, 11, 21, 10, tzinfo=SHANGHAI), engine=engine)
done = time.perf_counter()
print(f"{loaded - start:.3f} {done - loaded:.3f}")
"""


class Recorder:
    """Stands in for an onnxruntime session: runs it and keeps the inputs for the floor."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self.inputs: list[Any] = []

    def run(self, names: Any, feed: dict[str, Any]) -> Any:
        self.inputs.append(feed)
        return self.session.run(names, feed)


def floor(engine: OcrEngine, path: Path, runs: int) -> tuple[float, int]:
    """Best time of the bare model runs, and how many text lines the screenshot has."""
    det, rec = Recorder(engine._det), Recorder(engine._rec)
    engine._det, engine._rec = det, rec  # type: ignore[assignment]
    try:
        with Image.open(path) as image:
            lines = len(engine.read(image))
    finally:
        engine._det, engine._rec = det.session, rec.session
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for feed in det.inputs:
            det.session.run(None, feed)
        for feed in rec.inputs:
            rec.session.run(None, feed)
        best = min(best, time.perf_counter() - start)
    return best, lines


def warm(engine: OcrEngine, path: Path, runs: int) -> tuple[float, float, Any]:
    """Best wall time and best CPU time (all threads) of reading the screenshot."""
    best, cpu, timeline = float("inf"), float("inf"), None
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        timeline = read_timeline([path], reference=NOW, engine=engine)
        best = min(best, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return best, cpu, timeline


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).translate(str.maketrans("：（），；【】", ":(),;[]"))


def score(screen: Any, got: dict[str, Any]) -> tuple[int, int, list[str]]:
    right, total, wrong = 0, 0, []
    for key in FIELDS:
        total += 1
        if got[key] == screen.expected[key]:
            right += 1
        else:
            wrong.append(f"{key}: {got[key]!r} != {screen.expected[key]!r}")
    drawn = sorted(screen.events, key=lambda e: e.at)
    events = got["events"]
    for index, event in enumerate(drawn):
        read = events[index] if index < len(events) else None
        checks = {
            "at": read is not None and read["at"] == event.at.isoformat(),
            "kind": read is not None and read["kind"] == event.kind,
            "text": read is not None
            and difflib.SequenceMatcher(None, _norm(read["text"]), _norm(event.text)).ratio()
            >= 0.95,
        }
        for what, ok in checks.items():
            total += 1
            right += ok
            if not ok:
                wrong.append(f"event {index} {what}: {read and read.get(what)!r}")
    total += 1  # no invented events
    right += len(events) == len(drawn)
    return right, total, wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = [(screen, save(screen, Path(tmp))) for screen in SCREENS]
        cold = subprocess.run(
            [sys.executable, "-c", COLD, str(paths[0][1])],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
            cwd=ROOT,
        ).stdout.split()
        print(f"cold: load models {float(cold[0]):.2f} s + first screenshot {float(cold[1]):.2f} s")
        engine = OcrEngine()
        right_all = total_all = 0
        print(
            f"{'screenshot':<20}{'size':>11}{'lines':>7}{'warm s':>9}{'cpu s':>7}"
            f"{'floor s':>9}{'ratio':>7}{'fields':>9}"
        )
        warm_sum = floor_sum = 0.0
        for screen, path in paths:
            seconds, cpu, timeline = warm(engine, path, args.runs)
            base, lines = floor(engine, path, args.runs)
            right, total, wrong = score(screen, timeline.to_json())
            right_all, total_all = right_all + right, total_all + total
            warm_sum, floor_sum = warm_sum + seconds, floor_sum + base
            with Image.open(path) as image:
                size = f"{image.width}x{image.height}"
            print(
                f"{screen.name:<20}{size:>11}{lines:>7}{seconds:>9.2f}{cpu:>7.2f}{base:>9.2f}"
                f"{seconds / base:>7.2f}{right:>5}/{total}"
            )
            for item in wrong:
                print(f"    wrong: {item}")
        count = len(paths)
        print(
            f"mean warm {warm_sum / count:.2f} s per screenshot, floor {floor_sum / count:.2f} s "
            f"(x{warm_sum / floor_sum:.2f})"
        )
        print(f"accuracy: {right_all}/{total_all} fields right ({right_all / total_all:.1%})")
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"({os.cpu_count()} cores, load average {load:.1f} at the end)")


if __name__ == "__main__":
    main()
