"""Child process of test_crash: saves cases, drafts, notes and photos in a loop and prints a line
after each commit, until it is killed. Run as ``python -m tests.store.crash_writer DATA PHOTO``
with the data key as hex in SELLER_APP_TEST_KEYS (name=hex,...)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from seller_app.credentials import MemoryKeyStore
from seller_app.store import Store
from tests.conftest import NOW
from tests.store.conftest import buyer_case


def main(data_dir: Path, photo: Path) -> None:
    keys = MemoryKeyStore()
    for pair in os.environ["SELLER_APP_TEST_KEYS"].split(","):
        name, secret = pair.split("=")
        keys.set(name, bytes.fromhex(secret))
    store = Store.open(data_dir, keys)
    draft_id = store.save_draft({"page": 0}, 0, NOW)
    step = 0
    while True:
        step += 1
        case_id = store.add_case(buyer_case(), NOW)
        store.save_draft({"page": step, "buyer": {"phone": "13812345678"}}, step, NOW, draft_id)
        store.add_note(case_id, f"note {step}", NOW)
        if step % 3 == 0:
            store.add_photo(case_id, photo, NOW)
        sys.stdout.write(f"{case_id} {step}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
