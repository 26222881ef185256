"""Probe the tracking-screenshot reader with pages it was not tuned on, field by field.

    .venv/bin/python bench/timeline_probe.py [--count 150] [--seed 2026] [--wrong]
        [--only TEXT] [--save DIR] [--dump FILE --pick NAME...] [--fonts all|bundled]
        [--no-variants]

Draws `--count` tracking pages (tests/evidence/probe_pages.py: nine couriers' wording on
Taobao, Cainiao, Pinduoduo, Douyin, courier apps, courier web pages and proofs of delivery, in
random fonts, sizes, widths, themes, time positions and formats, JPEG qualities), reads each
with the OCR engine and the parser, and prints fields right / fields total per category:

- tracking_numbers, carrier, posted_at, signed_at, signer (the printed text), signer_who (what
  it answers: the buyer, a locker, a guard ...), left_at_station;
- events: the count, and per event drawn its time, kind and text (text: 95 % alike after
  spaces and full-width punctuation are ignored).

OCR lines are cached by image and OCR settings (`--cache`, default /tmp/timeline-probe-cache),
so a parser change is measured again in seconds; the time per screenshot is printed for the
screenshots read this run. `--dump FILE --pick NAME...` writes the OCR lines and expected fields
of the named probes as JSON, the fixture of tests/domain/test_timeline_probe.py.
"""

from __future__ import annotations

import argparse
import collections
import difflib
import hashlib
import io
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from seller_app import paths  # noqa: E402
from seller_app.domain.timeline import OcrLine, parse_timeline  # noqa: E402
from seller_app.evidence.importer import default_carriers  # noqa: E402
from seller_app.evidence.timeline import timeline_rules  # noqa: E402
from tests.evidence.probe_pages import (  # noqa: E402
    BUNDLED,
    REFERENCE,
    FontChoice,
    Probe,
    available_fonts,
    probes,
    render,
)

CATEGORIES = (
    "tracking_numbers",
    "carrier",
    "posted_at",
    "signed_at",
    "signer",
    "signer_who",
    "left_at_station",
    "event_count",
    "event_at",
    "event_kind",
    "event_text",
)
_PUNCT = str.maketrans("：（），；【】！", ":(),;[]!")


def norm(text: str | None) -> str | None:
    return None if text is None else re.sub(r"\s+", "", text).translate(_PUNCT)


def similarity(read: str, drawn: str) -> float:
    return difflib.SequenceMatcher(None, norm(read), norm(drawn)).ratio()


def alike(read: str, drawn: str) -> bool:
    return similarity(read, drawn) >= 0.95


def who(signer: str | None) -> str | None:
    if signer is None:
        return None
    category = timeline_rules().classify_signer(signer)
    return category.code if category else "name"


def score(expected: dict[str, Any], got: dict[str, Any]) -> dict[str, tuple[int, int, list[str]]]:
    """Per category: (right, total, what was wrong)."""
    result: dict[str, tuple[int, int, list[str]]] = {}

    def check(category: str, ok: bool, why: str) -> None:
        right, total, wrong = result.get(category, (0, 0, []))
        result[category] = (right + ok, total + 1, wrong if ok else [*wrong, why])

    for key in ("tracking_numbers", "carrier", "posted_at", "signed_at"):
        check(key, got[key] == expected[key], f"{got[key]!r} != {expected[key]!r}")
    check(
        "signer",
        norm(got["signer"]) == norm(expected["signer"]),
        f"{got['signer']!r} != {expected['signer']!r}",
    )
    check(
        "signer_who",
        who(got["signer"]) == who(expected["signer"]),
        f"{who(got['signer'])} != {who(expected['signer'])}",
    )
    check(
        "left_at_station",
        norm(got["left_at_station"]) == norm(expected["left_at_station"]),
        f"{got['left_at_station']!r} != {expected['left_at_station']!r}",
    )
    drawn, read = expected["events"], got["events"]
    check("event_count", len(read) == len(drawn), f"{len(read)} events != {len(drawn)}")
    # each drawn event against the read event of the same time, else the read event most like
    # it in words (a missed event costs its own fields, not every later one's)
    unused = list(read)
    matched: list[dict[str, Any] | None] = []
    for event in drawn:
        mine = next((e for e in unused if e["at"] == event["at"]), None)
        if mine is not None:
            unused.remove(mine)
        matched.append(mine)
    for index, event in enumerate(drawn):
        if matched[index] is None and unused:
            best = max(unused, key=lambda e: similarity(e["text"], event["text"]))
            if similarity(best["text"], event["text"]) >= 0.6:
                matched[index] = best
                unused.remove(best)
    for index, event in enumerate(drawn):
        mine = matched[index]
        check(
            "event_at",
            mine is not None and mine["at"] == event["at"],
            f"#{index} at {mine and mine['at']} != {event['at']}",
        )
        check(
            "event_kind",
            mine is not None and mine["kind"] == event["kind"],
            f"#{index} kind {mine and mine['kind']} != {event['kind']} ({event['text'][:30]})",
        )
        check(
            "event_text",
            mine is not None and alike(mine["text"], event["text"]),
            f"#{index} text {mine and mine['text']!r} != {event['text']!r}",
        )
    return result


def _settings_key() -> bytes:
    return (paths.resources_dir() / "timeline" / "ocr.toml").read_bytes()


def lines_of(
    probe: Probe, cache: Path, engine_box: list[Any], timings: list[float]
) -> list[OcrLine]:
    image = render(probe)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    key = hashlib.sha1(buffer.getvalue() + _settings_key()).hexdigest()
    path = cache / f"{key}.json"
    if path.is_file():
        rows = json.loads(path.read_text(encoding="utf-8"))
    else:
        if not engine_box:
            from seller_app.evidence.ocr import OcrEngine

            engine_box.append(OcrEngine())
        start = time.perf_counter()
        read = engine_box[0].read(image)
        timings.append(time.perf_counter() - start)
        rows = [[line.text, list(line.box), round(line.score, 3)] for line in read]
        cache.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return [OcrLine(text, tuple(box), score) for text, box, score in rows]  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=150)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/timeline-probe-cache"))
    parser.add_argument("--only", default="")
    parser.add_argument("--wrong", action="store_true", help="print what each probe got wrong")
    parser.add_argument("--save", type=Path, help="save the screenshots here")
    parser.add_argument("--dump", type=Path, help="write the picked probes' lines as JSON")
    parser.add_argument("--pick", nargs="*", default=[])
    parser.add_argument("--fonts", choices=("all", "bundled"), default="all")
    parser.add_argument(
        "--no-variants",
        action="store_true",
        help="only the earlier rounds' pages (no 12-hour clocks, signings without 签收人 ...)",
    )
    args = parser.parse_args()
    fonts = available_fonts() if args.fonts == "all" else (FontChoice("wqy-microhei", BUNDLED),)
    rules, carriers = timeline_rules(), default_carriers()
    totals: dict[str, list[int]] = {c: [0, 0] for c in CATEGORIES}
    by_group: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    engine: list[Any] = []
    timings: list[float] = []
    dumped = []
    perfect = count = 0
    for probe in probes(args.count, args.seed, fonts, variants=not args.no_variants):
        if args.only not in probe.name:
            continue
        count += 1
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            from tests.evidence.probe_pages import save

            save(probe, args.save)
        lines = lines_of(probe, args.cache, engine, timings)
        got = parse_timeline([lines], rules, carriers, REFERENCE).to_json()
        result = score(probe.expected, got)
        ok = all(right == total for right, total, _ in result.values())
        perfect += ok
        look = probe.look
        for group in (
            f"app {probe.app}",
            f"font {look.font.name}",
            f"time {look.time_at}",
            f"format {look.time_format}",
            f"theme {'dark' if look.dark else 'light'}",
            f"signer {probe.notes.get('variant', '-')}",
        ):
            by_group[group][0] += ok
            by_group[group][1] += 1
        for category, (right, total, _wrong) in result.items():
            totals[category][0] += right
            totals[category][1] += total
        if args.wrong and not ok:
            print(
                f"{probe.name} [{look.font.name} {look.size}px w{look.width}"
                f"{' dark' if look.dark else ''}{f' q{look.jpeg}' if look.jpeg else ''}"
                f"{f' ->{look.scale_to}' if look.scale_to else ''} time {look.time_at}"
                f" {look.time_format} {'newest' if look.newest_first else 'oldest'}-first"
                f" status {look.statuses} {','.join(probe.extras)}]"
            )
            for category, (_, _, wrong) in result.items():
                for why in wrong:
                    print(f"    {category}: {why}")
        if probe.name in args.pick:
            dumped.append(
                {
                    "name": probe.name,
                    "lines": [[line.text, list(line.box)] for line in lines],
                    "expected": probe.expected,
                }
            )
    print(f"{count} probes, {perfect} read without a fault ({perfect / max(1, count):.0%})")
    right_all = total_all = 0
    for category in CATEGORIES:
        right, total = totals[category]
        right_all, total_all = right_all + right, total_all + total
        print(f"  {category:<17}{right:>5}/{total:<5}{right / max(1, total):>7.1%}")
    print(f"  {'all fields':<17}{right_all:>5}/{total_all:<5}{right_all / max(1, total_all):>7.1%}")
    print("probes read without a fault, by look:")
    for group in sorted(by_group):
        ok, total = by_group[group]
        print(f"  {group:<24}{ok:>4}/{total:<4}")
    if timings:
        print(
            f"OCR: {len(timings)} screenshots read this run,"
            f" mean {sum(timings) / len(timings):.2f} s"
        )
    if args.dump:
        args.dump.write_text(
            json.dumps(dumped, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(f"wrote {len(dumped)} probes to {args.dump}")


if __name__ == "__main__":
    main()
