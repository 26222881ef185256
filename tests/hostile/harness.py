"""A hostile-input harness for `seller-claims`: generated runs across every command, checked for
the contract "bad input -> one line naming the problem, exit 2, nothing stored is lost".

`Workspace` sets up a data folder with three seeded cases (passphrase key store, no keychain),
valid inputs, special files (FIFO, a symlink to /dev/zero, a folder) and a valid backup.
`runs(rng, workspace)` yields argument lists: case files with hostile fields or hostile bytes,
every command on them, outputs aimed at inputs and into the data folder, hostile ids, amounts,
notes and layout names, crafted and damaged backups, hostile photos. `Harness.run` executes one
in this process with a time limit and classifies it:

- accepted: exit 0;
- refused: exit 2 or 3 with a message -- clean when it is one line without raw control
  characters (argparse's own usage errors are counted as refusals too);
- traceback: any exception escaping `main` (target 0);
- hang: the time limit hit (target 0);
- data lost: afterwards a seeded case differs, the key file changed, the database fails its
  quick check, or an input file was altered (target 0).

The in-suite test (`test_harness.py`) runs a small fixed-seed sample; ``python bench/hostile.py``
runs thousands and prints the figures.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import random
import shutil
import signal
import sqlite3
import sys
import traceback
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.conftest import case_dict
from tests.documents.photo_helpers import jpeg

PASSPHRASE = "店铺口令"
BACKUP_PASSPHRASE = "备份口令"
SEEDED = 3
TIME_LIMIT = 60  # seconds per run: a FIFO that is waited on, a read of /dev/zero
CONTROL = {chr(c) for c in range(32) if chr(c) not in "\n"} | {"\x7f", "\x9b", "\u202e"}

# --------------------------------------------------------------------------- hostile values

TEXTS = [
    "",
    " ",
    "\x1b[2J\x1b]0;pwned\x07",
    "SF\x1b[31m123",
    "line\nbreak\rreturn",
    "\u202eevil\u202c",
    "\u2066isolate",
    "\x00nul",
    "\x9b31m",
    "包裹外箱严重破损，内件玻璃杯碎裂。" * 176,
    "\n".join(f"第{i}行" for i in range(66)),
    "浙江省杭州市西湖区文三路" * 200,
    "𠮷野家😀",
    "A" * 100_000,
    "１３９１２３４５６７８",
    '=HYPERLINK("x")',
    "../../etc/passwd",
]
NUMBERS: list[Any] = [0, -1, -0.0, 1e308, 10**30, "1e999", "NaN", "Infinity", "-1e-999", True]
DATES = [
    "9999-12-31T23:59:59-12:00",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31",
    "0001-01-01",
    "2026-02-30",
    "2026-13-01T00:00",
    "2026-11-11T25:00",
    "2026-11-11T18:20:00+23:59",
    "1999-12-31T23:59:59-23:59",
    "2100-01-01",
    "",
    12345,
]
WRONG_TYPES: list[Any] = [None, [], {}, [1, 2], {"a": {"b": {}}}, True, 3.5]
RAW_FILES: list[bytes] = [
    b"",
    b"\xef\xbb\xbf",
    b"\x00\x01\x02\xff\xfe" * 200,
    b"{'format': 1}",
    '{"format": 1, "description": "中文"}'.encode("gbk"),
    b"[" * 200_000 + b"]" * 200_000,
    b'{"format": ' + b"9" * 5000 + b"}",
    b'{"format": 1, "goods_value": 0.' + b"1" * 5000 + b"}",
    b'{"format": 1, "description": "\\ud800\\udfff\\ud800"}',
    b'{"format": 1, "\\udc00": 1}',
    b'{"format": 1' + b" " * 3_000_000 + b"}",
    b'{"format": 1, "tracking_numbers": ["SF1234567890123"]',
    b"\xff\xd8\xff\xe0 not really a jpeg",
]
FIELDS = [
    "tracking_numbers",
    "carrier",
    "region",
    "posted_at",
    "claim_at",
    "incident",
    "service_fee",
    "goods_value",
    "weight_kg",
    "insured_value",
    "insurance_fee",
    "salvage_value",
    "courier_replied_at",
    "agreed_at",
    "buyer_requested_at",
    "platform_escalated_at",
    "order_id",
    "description",
    "policy",
    "format",
]
NESTED = [
    ("buyer", "name"),
    ("buyer", "phone"),
    ("buyer", "address"),
    ("shop", "name"),
    ("goods", "description"),
    ("goods", "quantity"),
    ("signer", "name"),
    ("signer", "signed_at"),
    ("damage", "lost_value"),
]
IDS = ["1", "2", "0", "-1", "99999999999999999999", "9" * 400, "abc", "１", "1e3", " 1 ", "\x1b"]


def hostile_value(rng: random.Random, name: str) -> Any:
    if name.endswith("_at"):
        pool: list[Any] = DATES
    elif name in (
        "service_fee",
        "goods_value",
        "weight_kg",
        "insured_value",
        "insurance_fee",
        "salvage_value",
        "lost_value",
        "quantity",
        "format",
    ):
        pool = NUMBERS
    else:
        pool = TEXTS
    return rng.choice(pool if rng.random() < 0.8 else WRONG_TYPES)


def valid_case() -> dict[str, Any]:
    return case_dict(
        buyer={"name": "张三丰", "phone": "13812345678", "address": "浙江省杭州市西湖区文三路90号"},
        shop={"name": "小美家居"},
        goods={"description": "玻璃杯", "quantity": 2},
        signer={"who": "unauthorized", "inspected": False, "name": "王五"},
        photos=[{"file": "p.jpg", "kind": "outer_package", "caption": "外箱"}],
    )


def hostile_case(rng: random.Random) -> dict[str, Any]:
    """A valid case with none to three fields made hostile."""
    data = valid_case()
    for _ in range(rng.randint(0, 3)):
        roll = rng.random()
        if roll < 0.5:
            name = rng.choice(FIELDS)
            value = hostile_value(rng, name)
            data[name] = [value] if name == "tracking_numbers" and rng.random() < 0.5 else value
        elif roll < 0.85:
            section, name = rng.choice(NESTED)
            holder = data.setdefault(section, {"extent": "partial"} if section == "damage" else {})
            if isinstance(holder, dict):
                holder[name] = hostile_value(rng, name)
        elif roll < 0.95:
            data["photos"] = [{"file": rng.choice(TEXTS) or "x", "caption": rng.choice(TEXTS)}]
        else:
            data[rng.choice(TEXTS)[:20] or "extra"] = 1
    return data


def case_bytes(rng: random.Random) -> bytes:
    if rng.random() < 0.15:
        return rng.choice(RAW_FILES)
    data = hostile_case(rng)
    try:  # ensure_ascii: a lone surrogate is written as its \\u escape, as a hostile file would
        return json.dumps(data, ensure_ascii=rng.random() < 0.5, default=str).encode(
            "utf-8", "surrogatepass"
        )
    except ValueError:
        return json.dumps(data, ensure_ascii=True, default=str).encode()


# --------------------------------------------------------------------------- the workspace


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Workspace:
    root: Path
    counter: int = 0

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def inputs(self) -> Path:
        return self.root / "inputs"

    @property
    def out(self) -> Path:
        return self.root / "out"

    def fresh(self, suffix: str) -> Path:
        self.counter += 1
        return self.out / f"o{self.counter}{suffix}"

    def case_file(self, rng: random.Random) -> Path:
        self.counter += 1
        path = self.inputs / f"case{self.counter}.json"
        path.write_bytes(case_bytes(rng))
        return path


def environment(root: Path) -> dict[str, str]:
    return {
        "SELLER_APP_DATA_DIR": str(root / "data"),
        "SELLER_APP_PASSPHRASE": PASSPHRASE,
        "SELLER_APP_BACKUP_PASSPHRASE": BACKUP_PASSPHRASE,
    }


def prepare(root: Path, harness: Harness) -> Workspace:
    """Inputs, special files, a seeded store and a valid backup (run through the CLI)."""
    space = Workspace(root)
    for folder in (space.inputs, space.out):
        folder.mkdir(parents=True)
    valid = space.inputs / "valid.json"
    valid.write_text(json.dumps(valid_case(), ensure_ascii=False), "utf-8")
    jpeg(space.inputs / "p.jpg")
    jpeg(space.inputs / "old.jpg", taken=None)
    _exif_at_the_end_of_time(space.inputs / "y9999.jpg")
    (space.inputs / "truncated.jpg").write_bytes((space.inputs / "p.jpg").read_bytes()[:500])
    (space.inputs / "folder").mkdir()
    if os.name != "nt":
        os.mkfifo(space.inputs / "fifo.json")
        os.mkfifo(space.inputs / "fifo.jpg")
        (space.inputs / "zero.json").symlink_to("/dev/zero")
        (space.inputs / "zero.jpg").symlink_to("/dev/zero")
        (space.inputs / "link.json").symlink_to(valid)
    (space.inputs / "orders.csv").write_text("订单编号,运单号\n1,SF1234567890123\n", "utf-8")
    for _ in range(SEEDED):
        assert harness.call(["cases", "import", str(valid)]).code == 0
    assert harness.call(["cases", "backup", str(space.inputs / "backup.zip")]).code == 0
    _crafted_backups(space.inputs)
    harness.baseline(space)
    shutil.copytree(space.data, root / "pristine-data")
    shutil.copytree(space.inputs, root / "pristine-inputs", symlinks=True, ignore=_specials)
    return space


def _specials(folder: str, names: list[str]) -> list[str]:
    return [n for n in names if not (Path(folder) / n).is_symlink() and _special(Path(folder) / n)]


def _special(path: Path) -> bool:
    return path.exists() and not path.is_file() and not path.is_dir()


def restore_input(space: Workspace, path: Path) -> None:
    """An input file back as it was made (a symlink stays a symlink)."""
    source = space.root / "pristine-inputs" / path.name
    if path.is_symlink() or path.exists():
        path.unlink()
    if source.is_symlink():
        path.symlink_to(os.readlink(source))
    elif source.is_file():
        shutil.copy2(source, path)


def reset(space: Workspace) -> None:
    """The data folder back to its seeded state (after a run destroyed it)."""
    shutil.rmtree(space.data, ignore_errors=True)
    shutil.copytree(space.root / "pristine-data", space.data)


def _exif_at_the_end_of_time(path: Path) -> None:
    from PIL import Image

    image = Image.new("RGB", (64, 48), (120, 100, 80))
    exif = Image.Exif()
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = "9999:12:31 23:59:59"
    sub[0x9011] = "-12:00"
    image.save(path, "JPEG", exif=exif.tobytes())


def _crafted_backups(folder: Path) -> None:
    valid = (folder / "backup.zip").read_bytes()
    rng = random.Random(7)
    for number in range(6):  # bytes flipped anywhere
        data = bytearray(valid)
        for _ in range(1 + number):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        (folder / f"flipped{number}.zip").write_bytes(bytes(data))
    (folder / "truncated.zip").write_bytes(valid[: len(valid) // 2])
    with zipfile.ZipFile(io.BytesIO(valid)) as source:
        header = json.loads(source.read("backup.json"))
    for name, kdf in {
        "n40": {"n": 2**40},
        "p100000": {"p": 100_000},
        "nstring": {"n": "x"},
    }.items():
        header_copy = json.loads(json.dumps(header))
        header_copy["kdf"].update(kdf)
        with (
            zipfile.ZipFile(io.BytesIO(valid)) as source,
            zipfile.ZipFile(folder / f"kdf-{name}.zip", "w") as target,
        ):
            for item in source.infolist():
                body = source.read(item)
                if item.filename == "backup.json":
                    body = json.dumps(header_copy).encode()
                target.writestr(item.filename, body)
    with zipfile.ZipFile(folder / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("backup.json", json.dumps(header))
        target.writestr("manifest.bin", b"\0" * (80 * 1024 * 1024))  # 80 MB -> ~80 KB
    with zipfile.ZipFile(folder / "notours.zip", "w") as target:
        target.writestr("hello.txt", "hi")


# --------------------------------------------------------------------------- the runs


def runs(rng: random.Random, space: Workspace, *, forms: float = 0.08) -> Iterator[list[str]]:
    """Endless hostile argument lists (take as many as wanted)."""
    data, inputs = space.data, space.inputs
    specials = [inputs / n for n in ("fifo.json", "zero.json", "folder", "link.json")]
    specials = [p for p in specials if p.exists() or p.is_symlink()]
    photos = [inputs / n for n in ("p.jpg", "y9999.jpg", "truncated.jpg", "fifo.jpg", "zero.jpg")]
    photos = [p for p in photos if p.exists() or p.is_symlink()]
    protected = [
        data / "store.sqlite3",
        data / "keys.json",
        data / "blobs" / "x.zip",
        data / "copies" / "x.zip",
        data,
    ]
    backups = sorted(inputs.glob("*.zip"))
    backups = [b for b in backups if b.name != "backup.zip"]  # an authentic one would restore
    while True:
        roll = rng.random()
        case = space.case_file(rng) if rng.random() < 0.85 else rng.choice(specials)
        lang = ["--lang", rng.choice(["zh", "en"])]
        if roll < 0.22:
            yield ["assess", str(case), *lang]
        elif roll < 0.40:
            ics = rng.choice([space.fresh(".ics")] * 3 + [case, *protected[:2]])
            yield [
                "schedule",
                str(case),
                *(["--ics", str(ics)] if rng.random() < 0.5 else []),
                *lang,
            ]
        elif roll < 0.40 + forms:
            target = rng.choice([space.fresh(".pdf")] * 3 + [case, *protected])
            extra = []
            if rng.random() < 0.3:
                extra += ["--statement", str(rng.choice([space.fresh(".pdf"), case]))]
            if rng.random() < 0.3:
                extra += ["--photos", str(rng.choice(photos))]
            if rng.random() < 0.2:
                extra += rng.choice(
                    [["--password", "x"], ["--password-env", "NOPE"], ["--form", "../../x"]]
                )
            yield ["form", str(case), "-o", str(target), *extra, *lang]
        elif roll < 0.62:
            yield ["cases", "import", str(case), *lang]
        elif roll < 0.72:
            action = rng.choice(["show", "status", "export", "list"])
            if action == "list":
                yield ["cases", "list", "--tracking", rng.choice(TEXTS)[:60], *lang]
            elif action == "show":
                yield ["cases", "show", rng.choice(IDS), *(["--redact"] * rng.randint(0, 1))]
            elif action == "status":
                extra = ["--note", rng.choice(TEXTS)[:5000]]
                if rng.random() < 0.5:
                    extra += ["--recovered", str(rng.choice(NUMBERS))]
                yield ["cases", "status", rng.choice(IDS), "filed", *extra, *lang]
            else:
                dest = rng.choice([space.fresh(".zip"), *protected])
                yield ["cases", "export", rng.choice(IDS), str(dest), *lang]
        elif roll < 0.78:
            dest = rng.choice([*protected, case, inputs / "p.jpg"])
            yield ["cases", "backup", str(dest), *lang]
        elif roll < 0.86:
            yield ["cases", "restore", str(rng.choice(backups + specials)), "--yes", *lang]
        elif roll < 0.95:
            chosen = rng.sample(photos, rng.randint(1, 2))
            extra = ["--case", str(case)] if rng.random() < 0.5 else []
            out = rng.choice([[], ["--out", str(data / "blobs")], ["--out", str(space.fresh(""))]])
            jobs = rng.choice([["--jobs", "1"]] * 4 + [["--jobs", "0"], ["--jobs", "99999"]])
            yield ["photos", *map(str, chosen), *extra, *out, *jobs, *lang]
        else:
            out = rng.choice([data / "claims", inputs, space.fresh("")])
            yield ["batch", str(inputs / "orders.csv"), "--out", str(out), "--no-store", *lang]


# --------------------------------------------------------------------------- running, checking


@dataclass
class Result:
    code: int
    out: str
    err: str
    trace: str = ""
    hung: bool = False


@dataclass
class Tally:
    tried: int = 0
    accepted: int = 0
    refused: int = 0
    unclean: list[tuple[list[str], str]] = field(default_factory=list)
    tracebacks: list[tuple[list[str], str]] = field(default_factory=list)
    hangs: list[list[str]] = field(default_factory=list)
    lost: list[tuple[list[str], str]] = field(default_factory=list)
    by_command: Counter[str] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        return [
            f"inputs tried:     {self.tried}",
            f"accepted (exit 0): {self.accepted}",
            f"clean refusals:   {self.refused - len(self.unclean)}",
            f"unclean refusals: {len(self.unclean)} (more than one line, or raw control chars)",
            f"tracebacks:       {len(self.tracebacks)}",
            f"hangs:            {len(self.hangs)}",
            f"data lost:        {len(self.lost)}",
            "by command:       "
            + ", ".join(f"{k} {v}" for k, v in sorted(self.by_command.items())),
        ]


class _TimeUp(BaseException):
    pass


class Harness:
    def __init__(self) -> None:
        self.tally = Tally()
        self._rows: Any = None
        self._keys = b""

    def call(self, argv: list[str]) -> Result:
        from seller_app.cli import main

        out, err = io.StringIO(), io.StringIO()
        alarm = hasattr(signal, "SIGALRM")
        if alarm:
            previous = signal.signal(signal.SIGALRM, _raise_time_up)
            signal.alarm(TIME_LIMIT)
        try:
            with (
                contextlib.redirect_stdout(out),
                contextlib.redirect_stderr(err),
                _no_terminal(),
            ):
                try:
                    code = main(argv)
                except SystemExit as exit_:  # argparse's usage errors
                    code = exit_.code if isinstance(exit_.code, int) else 2
            return Result(code, out.getvalue(), err.getvalue())
        except _TimeUp:
            return Result(-1, out.getvalue(), err.getvalue(), hung=True)
        except Exception:  # noqa: BLE001 - counting them is the point
            return Result(-1, out.getvalue(), err.getvalue(), trace=traceback.format_exc())
        finally:
            if alarm:
                signal.alarm(0)
                signal.signal(signal.SIGALRM, previous)

    def baseline(self, space: Workspace) -> None:
        self._rows = self._seeded(space.data)
        self._keys = (space.data / "keys.json").read_bytes()

    @staticmethod
    def _seeded(data: Path) -> Any:
        conn = sqlite3.connect(f"{(data / 'store.sqlite3').resolve().as_uri()}?mode=ro", uri=True)
        try:
            assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            return conn.execute(
                "SELECT id, case_json, pii FROM cases WHERE id <= ? ORDER BY id", (SEEDED,)
            ).fetchall()
        finally:
            conn.close()

    def check(self, space: Workspace, argv: list[str], inputs: dict[Path, str]) -> str | None:
        """What was lost, if anything."""
        try:
            if self._seeded(space.data) != self._rows:
                return "a seeded case changed or went missing"
        except (sqlite3.Error, AssertionError) as error:
            return f"the database cannot be read: {error}"
        if (space.data / "keys.json").read_bytes() != self._keys:
            return "keys.json changed"
        for path, before in inputs.items():
            if not path.exists() or digest(path) != before:
                return f"input {path.name} altered"
        return None

    def run(self, space: Workspace, argv: list[str]) -> Result:
        inputs = {
            Path(arg): digest(Path(arg))
            for arg in argv
            if arg.startswith(str(space.inputs)) and Path(arg).is_file()
        }
        result = self.call(argv)
        tally = self.tally
        tally.tried += 1
        tally.by_command[" ".join(argv[:2]) if argv[0] == "cases" else argv[0]] += 1
        if result.hung:
            tally.hangs.append(argv)
        elif result.trace:
            tally.tracebacks.append((argv, result.trace))
        elif result.code == 0:
            tally.accepted += 1
        else:
            tally.refused += 1
            if not _clean(result):
                tally.unclean.append((argv, result.err[-400:]))
        lost = self.check(space, argv, inputs)
        if lost:
            tally.lost.append((argv, lost))
            reset(space)  # count each loss once, go on from the seeded state
            for path in inputs:
                restore_input(space, path)
        return result


def _clean(result: Result) -> bool:
    err = result.err
    if "usage:" in err:  # argparse names the argument on its last line
        return True
    lines = [line for line in err.splitlines() if line.strip()]
    if result.out.strip() and not err.strip():  # photos: the refusals are in the report
        lines = [line for line in result.out.splitlines() if line.startswith("✗")][:1]
    raw = set(err + result.out) & CONTROL
    return bool(lines) and not raw and (len(lines) == 1 or _all_prefixed(lines))


def _all_prefixed(lines: list[str]) -> bool:
    """Several files refused at once (photos --json): one line each."""
    return all(line.startswith("seller-claims: ") for line in lines)


def _raise_time_up(signum: int, frame: Any) -> None:
    raise _TimeUp()


@contextlib.contextmanager
def _no_terminal() -> Iterator[None]:
    """No prompt can wait for a person: stdin is an empty, non-terminal stream."""
    previous = sys.stdin
    sys.stdin = io.StringIO()
    try:
        yield
    finally:
        sys.stdin = previous


def run_many(root: Path, count: int, seed: int, *, forms: float = 0.08) -> Tally:
    previous = {key: os.environ.get(key) for key in environment(root)}
    os.environ.update(environment(root))
    import keyring
    from keyring.backends import fail

    keyring_before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # never a developer's real keychain
    try:
        harness = Harness()
        space = prepare(root, harness)
        rng = random.Random(seed)
        for number, argv in enumerate(runs(rng, space, forms=forms)):
            if number >= count:
                break
            harness.run(space, argv)
        return harness.tally
    finally:
        keyring.set_keyring(keyring_before)
        for key, value in previous.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
