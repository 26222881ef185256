"""The hostile-input pass, by hand: thousands of generated `seller-claims` runs (see
tests/hostile/harness.py for what is generated and how each run is judged).

    .venv/bin/python bench/hostile.py [--runs 2000] [--seed 1] [--forms 0.08] [--racers 4]

Prints inputs tried, accepted, clean refusals, unclean refusals, tracebacks, hangs and data lost
(targets: 0 tracebacks, 0 hangs, 0 data lost), with the first few of each problem. Then
`--racers` processes open one empty data folder at the same moment and each stores a case
(the first-use race): all must succeed with one key.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile.harness import run_many  # noqa: E402


def _racer(folder: str, barrier: object, number: int) -> str:
    from seller_app.credentials import PassphraseKeyStore
    from seller_app.store import Store
    from tests.conftest import NOW, make_case

    barrier.wait()  # type: ignore[attr-defined]
    try:
        with Store.open(Path(folder), PassphraseKeyStore(Path(folder), "口令")) as store:
            return str(store.add_case(make_case(order_id=str(number)), NOW))
    except Exception as error:  # noqa: BLE001 - reported, not raised
        return f"{type(error).__name__}: {error}"


def race(racers: int, rounds: int = 5) -> tuple[int, list[str]]:
    """`rounds` times, `racers` first starts at once on a new folder: cases kept, failures."""
    from seller_app.credentials import PassphraseKeyStore
    from seller_app.store import Store

    context = multiprocessing.get_context("spawn")
    kept, failures = 0, []
    with context.Manager() as manager, context.Pool(racers) as pool:
        for _ in range(rounds):
            with tempfile.TemporaryDirectory() as tmp:
                folder = Path(tmp) / "data"
                barrier = manager.Barrier(racers)
                results = pool.starmap(_racer, [(str(folder), barrier, n) for n in range(racers)])
                failures += [r for r in results if not r.isdigit()]
                with Store.open(folder, PassphraseKeyStore(folder, "口令")) as store:
                    kept += len(store.list_cases())
    return kept, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--forms", type=float, default=0.08, help="share of form runs (slow)")
    parser.add_argument("--racers", type=int, default=4)
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="seller-hostile-") as tmp:
        tally = run_many(Path(tmp), args.runs, args.seed, forms=args.forms)
    print("\n".join(tally.lines()))
    print(f"time:             {time.monotonic() - started:.0f} s")
    for title, items in (("traceback", tally.tracebacks), ("unclean", tally.unclean)):
        for argv, text in items[:5]:
            print(f"\n{title}: {' '.join(argv)[:200]}\n{text[-1500:]}")
    for argv, what in tally.lost[:5]:
        print(f"\ndata lost: {' '.join(argv)[:200]}: {what}")
    for argv in tally.hangs[:5]:
        print(f"\nhang: {' '.join(argv)[:200]}")
    if args.racers > 1 and os.name != "nt":
        kept, failures = race(args.racers)
        print(
            f"\nfirst-use race: 5 rounds x {args.racers} processes, cases kept {kept}/"
            f"{5 * args.racers}, failures {len(failures)}"
        )
        for failure in failures[:3]:
            print(f"  {failure}")
    problems = tally.tracebacks or tally.hangs or tally.lost
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
