"""Child process of test_concurrency: one desk saving the same few cases over and over.

``python -m tests.store.concurrent_saver LOCATION DESK_ID DESK_NAME CASE_IDS SAVES`` where
LOCATION is a data folder or a ``postgresql://`` URL and the data key comes as hex in
SELLER_APP_TEST_KEYS (name=hex,...). It prints ``ready``, waits for a line on stdin (so both
desks start together), then until SAVES saves went through: reads a case, adds 1 to its goods
value and saves it with the version it read; a `ConcurrentEditError` is counted and the case
read again. Last line: JSON with the saves per case and the conflicts.
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from seller_app.credentials import MemoryKeyStore
from seller_app.store import ConcurrentEditError, Store
from seller_app.store.desk import Desk
from tests.conftest import NOW


def main(location: str, desk_id: str, desk_name: str, case_ids: list[int], saves: int) -> None:
    keys = MemoryKeyStore()
    for pair in os.environ["SELLER_APP_TEST_KEYS"].split(","):
        name, secret = pair.split("=")
        keys.set(name, bytes.fromhex(secret))
    desk = Desk(desk_id, desk_name)
    if location.startswith("postgresql://"):
        folder = Path(os.environ["SELLER_APP_TEST_DESK_DIR"])
        store = Store.open_shared(location, keys, data_dir=folder, desk=desk)
    else:
        store = Store.open(Path(location), keys, desk=desk)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdin.readline()
    done = dict.fromkeys(case_ids, 0)
    conflicts = 0
    step = 0
    while sum(done.values()) < saves:
        case_id = case_ids[step % len(case_ids)]
        step += 1
        record = store.get_case(case_id)
        bigger = replace(record.case, goods_value=record.case.goods_value + 1)
        time.sleep(0.0005)  # a person takes a moment between reading a case and saving it
        try:
            store.update_case(
                case_id, bigger, NOW + timedelta(seconds=step), expected_version=record.version
            )
        except ConcurrentEditError:
            conflicts += 1
            continue
        done[case_id] += 1
    store.close()
    sys.stdout.write(json.dumps({"saves": done, "conflicts": conflicts}) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    ids = [int(part) for part in sys.argv[4].split(",")]
    main(sys.argv[1], sys.argv[2], sys.argv[3], ids, int(sys.argv[5]))
