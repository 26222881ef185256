"""`form --photos` and `photos` start the photo workers first thing (issue 16): before the CLI's
shared helpers, the catalog and the parser -- and a user's mistake after that start still ends
with one line, exit status 2 and no worker left behind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seller_app import cli
from seller_app.evidence import pool
from tests.processes import run_python

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "damage_partial.json"

FIRST = """
import sys
from seller_app.evidence import pool

def warm_up(processes=None):
    loaded = [m for m in ("seller_app.cli.common", "seller_app.domain.catalog", "reportlab",
                          "seller_app.evidence.importer") if m in sys.modules]
    print(json.dumps({"processes": processes, "loaded": loaded}), flush=True)
    raise SystemExit(0)

import json
pool.warm_up = warm_up
sys.argv = ["seller-claims", *json.loads(sys.argv[1])]
from seller_app.cli import main
main()
print("not started", flush=True)
"""


def _photos(folder: Path, count: int = 2) -> Path:
    folder.mkdir()
    for n in range(count):  # existence is all the early look checks; the command reads them
        (folder / f"IMG_{n}.jpg").write_bytes(b"\xff\xd8 not really a photo")
    return folder


@pytest.mark.parametrize("command", ["form", "photos"])
def test_the_workers_start_before_the_cli_s_own_modules(tmp_path: Path, command: str) -> None:
    photos = _photos(tmp_path / "photos")
    if command == "form":
        words = ["form", str(EXAMPLE), "-o", str(tmp_path / "f.pdf"), "--photos", str(photos)]
    else:
        words = ["photos", "--jobs", "2", *(str(p) for p in sorted(photos.iterdir()))]
    result = run_python(["-c", FIRST, json.dumps(words)], timeout=60)
    assert result.returncode == 0, result.stderr
    started = json.loads(result.stdout)
    assert started == {"processes": 2 if command == "photos" else None, "loaded": []}


@pytest.mark.parametrize(
    ("words", "starts"),
    [
        (["form", "C.json", "-o", "o.pdf", "--photos", "{dir}"], True),
        (["form", "C.json", "--photos={dir}", "-o", "o.pdf"], True),
        (["form", "--photos", "{a}", "{b}", "--lang", "en", "C.json", "-o", "o.pdf"], True),
        (["form", "C.json", "-o", "o.pdf", "--photos", "{a}"], False),  # one photo: no pool
        (["form", "C.json", "-o", "{dir}", "--statement", "{a}"], False),  # no --photos
        (["form", "C.json", "-o", "o.pdf", "--photos", "{dir}/missing"], False),
        (["form", "-h", "--photos", "{dir}"], False),
        (["photos", "{a}", "{b}"], True),
        (["photos", "waybill_label={a}", "--json", "{b}"], True),
        (["photos", "--jobs", "1", "{a}", "{b}"], False),
        (["photos", "--jobs=1", "{a}", "{b}"], False),
        (["photos", "{a}", "--case", "{b}"], False),  # the case file is not a photo
        (["photos", "--out", "{a}", "{b}"], False),
        (["photos", "{a}", "{dir}/missing"], False),
        (["photos", "--", "{a}", "{b}"], True),
        (["assess", "{a}", "{b}"], False),
        ([], False),
    ],
)
def test_which_command_lines_start_the_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, words: list[str], starts: bool
) -> None:
    folder = _photos(tmp_path / "photos")
    a, b = sorted(folder.iterdir())
    started: list[int | None] = []
    monkeypatch.setattr(pool, "warm_up", started.append)
    cli._start_photo_workers([w.format(dir=folder, a=a, b=b) for w in words])
    assert bool(started) is starts


@pytest.mark.parametrize(
    "mistake",
    [
        ["form", "{dir}/no-such-case.json", "-o", "{out}", "--photos", "{dir}"],  # run's error
        ["form", "{case}", "--photos", "{dir}"],  # argparse: -o is required
    ],
)
def test_a_mistake_after_the_start_is_one_line_exit_2_and_no_worker_left(
    tmp_path: Path, mistake: list[str]
) -> None:
    folder = _photos(tmp_path / "photos")
    words = [w.format(dir=folder, out=tmp_path / "o.pdf", case=EXAMPLE) for w in mistake]
    child = (
        "import atexit, json, multiprocessing, sys\n"
        # registered first, so run last: after the pool's own shutdown at exit
        "atexit.register(lambda: print('left', len(multiprocessing.active_children())))\n"
        "from seller_app.evidence import pool\n"
        "real = pool.warm_up\n"
        "def warm_up(processes=None):\n"
        "    real(processes or 2)  # a pool even on one core\n"
        "    print('started', pool.running_pool() is not None, flush=True)\n"
        "pool.warm_up = warm_up\n"
        "sys.argv = ['seller-claims', *json.loads(sys.argv[1])]\n"
        "from seller_app.cli import main\n"
        "sys.exit(main())\n"
    )
    result = run_python(["-c", child, json.dumps(words)], timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip(), "the mistake is named"
    lines = result.stdout.split()
    assert lines[:2] == ["started", "True"]
    assert lines[-2:] == ["left", "0"]
