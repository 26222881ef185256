"""Build-time helpers that make the frozen app smaller without taking away anything it uses
(issue 20: the Linux bundle at most 260 MB). build.spec holds *what* is kept or dropped, as
data with the reason beside it; this module only does the work:

- `trim_icu_data`: Qt's ICU data library (libicudata, 30 MB) rebuilt with only the parts Qt can
  reach in this app (collation, case mapping, time-zone names, Chinese code pages) for the
  languages it speaks. Uses `icupkg` (Debian: icu-devtools) and binutils (`objcopy`, `ld`), and
  checks the result with the wheel's own ICU before it goes into the bundle.
- `half_precision_weights`: an ONNX model whose large float32 weights are stored as float16,
  each followed by a Cast back to float32. onnxruntime folds the casts when it loads the model,
  so it computes in float32 as before, from weights rounded to float16; the file is half the
  size. Needs the `onnx` package at build time only (scripts/build_app.sh installs it).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path


class SlimError(Exception):
    """A build step could not be done; the message says what to install or what went wrong."""


def _tool(name: str) -> str:
    tool = shutil.which(name)
    if tool is None:
        raise SlimError(f"{name} is not installed")
    return tool


def _run(*command: str, cwd: Path | None = None) -> str:
    done = subprocess.run(
        [_tool(command[0]), *command[1:]],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    if done.returncode != 0:
        raise SlimError(f"{' '.join(command)} failed: {done.stderr.strip() or done.stdout}")
    return done.stdout


# ------------------------------------------------------------------------------------ ICU data


@dataclass(frozen=True)
class IcuKeep:
    """Which items of ICU's data package stay (build.spec says why)."""

    drop_trees: tuple[str, ...]  # whole folders of the package: "brkitr/", ...
    languages: tuple[str, ...]  # locale bundles kept in every tree: "zh" keeps zh, zh_Hans_CN...
    small_tables: int  # code page tables (.cnv) under this many bytes stay (single-byte ones)
    files: frozenset[str]  # other items kept by name (big code page tables, normalisation data)

    def keeps(self, item: str, size: int) -> bool:
        if item.startswith(self.drop_trees):
            return False
        base = item.rsplit("/", 1)[-1]
        if base.endswith(".res"):
            # a locale's bundle (af.res, zh_Hant_TW.res, de_.res) or a shared one
            # (root.res, pool.res, supplementalData.res, zoneinfo64.res) that every locale needs
            if not _LOCALE_BUNDLE.fullmatch(base):
                return True
            return base.split("_", 1)[0].removesuffix(".res") in self.languages
        if base.endswith(".cnv") and size < self.small_tables:
            return True
        return item in self.files


_LOCALE_BUNDLE = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]*)*\.res")


def trim_icu_data(library: Path, keep: IcuKeep, out_dir: Path, icu_libs: Path) -> Path:
    """A copy of ICU's data library `library` (libicudataNN.so) holding only the items `keep`
    keeps, written to `out_dir` under the same name; checked against the ICU libraries in
    `icu_libs` (libicuuc, libicui18n) before it is returned."""
    symbols = _run("nm", "-D", "--defined-only", str(library)).split()
    names = [s for s in symbols if re.fullmatch(r"icudt\d+_dat", s)]
    if len(names) != 1:
        raise SlimError(f"{library.name}: no icudtNN_dat symbol ({symbols[:6]})")
    symbol = names[0]
    package = symbol.removesuffix("_dat") + ("l" if sys.byteorder == "little" else "b")
    soname = _soname(library)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="icu-", dir=out_dir) as tmp:
        work = Path(tmp)
        full = work / f"{package}.dat"
        _run("objcopy", "-O", "binary", "--only-section=.rodata", str(library), str(full))
        items = _run("icupkg", "-l", str(full)).split()
        (work / "items").mkdir()
        (work / "all.txt").write_text("\n".join(items) + "\n", encoding="utf-8")
        _run("icupkg", "-d", str(work / "items"), "-x", str(work / "all.txt"), str(full))
        dropped = {i for i in items if not keep.keeps(i, (work / "items" / i).stat().st_size)}
        if not dropped or len(dropped) == len(items):
            raise SlimError(
                f"{library.name}: the keep rules keep {len(items) - len(dropped)} "
                f"of {len(items)} items"
            )
        # icupkg names the package after the output file: it must stay icudtNNl.dat
        (work / "out").mkdir()
        for _ in range(5):  # an extension table whose base table is dropped goes with it
            (work / "drop.txt").write_text("\n".join(sorted(dropped)) + "\n", encoding="utf-8")
            done = subprocess.run(
                [
                    _tool("icupkg"),
                    "-r",
                    str(work / "drop.txt"),
                    str(full),
                    str(work / "out" / full.name),
                ],
                capture_output=True,
                text=True,
                encoding="utf-8",
            )
            orphans = set(re.findall(r"Item (\S+) depends on missing item", done.stderr))
            if done.returncode == 0 and not orphans:
                break
            if not orphans:
                raise SlimError(f"icupkg -r failed: {done.stderr.strip()}")
            dropped |= orphans
        else:
            raise SlimError("icupkg -r: the dropped items' dependants do not settle")
        # the data as a read-only, 16-byte-aligned symbol of a shared library of the same name
        blob = work / symbol
        shutil.copyfile(work / "out" / full.name, blob)
        _run("ld", "-r", "-b", "binary", "-o", "blob.o", symbol, cwd=work)
        start = f"_binary_{symbol}_start"
        _run(
            "objcopy",
            "--rename-section",
            ".data=.rodata,alloc,load,readonly,data,contents",
            "--redefine-sym",
            f"{start}={symbol}",
            "--strip-symbol",
            f"_binary_{symbol}_end",
            "--strip-symbol",
            f"_binary_{symbol}_size",
            "blob.o",
            "renamed.o",
            cwd=work,
        )
        _run("objcopy", "--set-section-alignment", ".rodata=16", "renamed.o", "data.o", cwd=work)
        trimmed = out_dir / library.name
        _run("ld", "-shared", "-soname", soname, "-o", str(trimmed), "data.o", cwd=work)
    _check_icu(trimmed, library, icu_libs, symbol.removeprefix("icudt").removesuffix("_dat"))
    return trimmed


def _soname(library: Path) -> str:
    found = re.search(
        r"\(SONAME\)\s+Library soname: \[([^\]]+)\]", _run("readelf", "-d", str(library))
    )
    if not found:
        raise SlimError(f"{library.name} has no SONAME")
    return found.group(1)


# What Qt asks of ICU's data (libQt6Core imports ucol_*, ucnv_*, ucal_* and case mapping),
# answered by a library set; run in a fresh interpreter, as the build process may have loaded
# Qt (and the full ICU) already.
_ICU_PROBE = r"""
import ctypes, json, sys
data, uc, i18n, v = sys.argv[1:5]
ctypes.CDLL(data, mode=ctypes.RTLD_GLOBAL)  # the data first, so libicuuc takes this one
ctypes.CDLL(uc, mode=ctypes.RTLD_GLOBAL)
icu = ctypes.CDLL(i18n, mode=ctypes.RTLD_GLOBAL)
def fn(name, restype=ctypes.c_void_p):
    f = getattr(icu, f"{name}_{v}")
    f.restype = restype
    return f
def u16(text):
    raw = text.encode("utf-16-le")
    return ctypes.create_string_buffer(raw, len(raw) + 2), len(raw) // 2
answers = {}
status = ctypes.c_int(0)
words = ["张三", "李四", "王五", "阿里", "赵六", "文件10", "文件9", "Zoe", "adam", "Émile"]
for locale in ("zh_CN", "zh_TW", "zh_HK", "en_US", "en_GB", "zh"):
    status.value = 0
    coll = fn("ucol_open")(locale.encode(), ctypes.byref(status))
    order = []
    if status.value <= 0:
        strcoll = fn("ucol_strcoll", ctypes.c_int)
        import functools
        def cmp(a, b):
            (sa, na), (sb, nb) = u16(a), u16(b)
            return strcoll(ctypes.c_void_p(coll), sa, na, sb, nb)
        order = sorted(words, key=functools.cmp_to_key(cmp))
        fn("ucol_close")(ctypes.c_void_p(coll))
    answers[f"collation {locale}"] = [status.value, order]
for name in ("GB18030", "GBK", "GB2312", "Big5", "Big5-HKSCS", "UTF-8", "windows-1252",
             "ISO-8859-15", "KOI8-R"):
    status.value = 0
    conv = fn("ucnv_open")(name.encode(), ctypes.byref(status))
    answers[f"code page {name}"] = status.value
    if status.value <= 0:
        fn("ucnv_close")(ctypes.c_void_p(conv))
for zone in ("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "America/New_York"):
    for locale in ("zh_CN", "zh_TW", "en_US"):
        for kind in (0, 1, 2, 3):  # UCAL_STANDARD, SHORT_STANDARD, DST, SHORT_DST
            status.value = 0
            zid, nzid = u16(zone)
            cal = fn("ucal_open")(zid, nzid, locale.encode(), 0, ctypes.byref(status))
            out = ctypes.create_string_buffer(256)
            n = fn("ucal_getTimeZoneDisplayName", ctypes.c_int)(
                ctypes.c_void_p(cal), kind, locale.encode(), out, 128, ctypes.byref(status))
            answers[f"zone {zone} {locale} {kind}"] = [
                status.value, out.raw[: 2 * max(n, 0)].decode("utf-16-le")]
            fn("ucal_close")(ctypes.c_void_p(cal))
print(json.dumps(answers, ensure_ascii=False))
"""


def _icu_answers(data: Path, uc: Path, i18n: Path, version: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _ICU_PROBE, str(data), str(uc), str(i18n), version],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    if done.returncode != 0:
        raise SlimError(f"ICU probe failed with {data}: {done.stderr.strip()}")
    answers: dict[str, object] = json.loads(done.stdout)
    return answers


def _check_icu(trimmed: Path, original: Path, icu_libs: Path, version: str) -> None:
    """The trimmed data answers as the full one does for the app's languages and Chinese code
    pages; Chinese collation is really pinyin (阿里 before 张三), not root's code point order."""
    uc = sorted(icu_libs.glob(f"libicuuc.so.{version}*"))
    i18n = sorted(icu_libs.glob(f"libicui18n.so.{version}*"))
    if not uc or not i18n:
        raise SlimError(f"ICU {version}'s libicuuc/libicui18n are not in {icu_libs}")
    full = _icu_answers(original, uc[0], i18n[0], version)
    slim = _icu_answers(trimmed, uc[0], i18n[0], version)
    differ = [
        f"{key}: {value} -> {slim.get(key)}"
        for key, value in full.items()
        if slim.get(key) != value
    ]
    order = full["collation zh_CN"][1]  # type: ignore[index]
    if not order or order.index("阿里") > order.index("张三"):
        differ.append(f"the full ICU data sorts Chinese as {order}")
    if differ:
        raise SlimError("the trimmed ICU data answers differently: " + "; ".join(differ))


# ---------------------------------------------------------------------------- model weights


def half_precision_weights(source: Path, target: Path, min_elements: int = 1024) -> int:
    """Write `source` to `target` with every float32 weight of at least `min_elements`
    stored as float16 and cast back on load; return how many bytes that saved. A weight
    float16 cannot hold (beyond ±65504) stays float32."""
    try:
        import numpy as np
        import onnx
        from onnx import TensorProto, helper, numpy_helper
    except ImportError as error:
        raise SlimError(f"the onnx package is needed to build ({error})") from None
    model = onnx.load(str(source))
    graph = model.graph
    casts = []
    saved = 0
    for weight in list(graph.initializer):
        if weight.data_type != TensorProto.FLOAT:
            continue
        values = numpy_helper.to_array(weight)
        if values.size < min_elements or float(np.abs(values).max()) > 65504:
            continue
        half = numpy_helper.from_array(values.astype(np.float16), f"{weight.name}__float16")
        graph.initializer.remove(weight)
        graph.initializer.append(half)
        casts.append(
            helper.make_node(
                "Cast",
                [half.name],
                [weight.name],
                to=TensorProto.FLOAT,
                name=f"{weight.name}__to_float32",
            )
        )
        saved += values.nbytes - values.size * 2
    for index, cast in enumerate(casts):  # first in the graph, so the order stays topological
        graph.node.insert(index, cast)
    onnx.checker.check_model(model)
    target.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(target))
    return saved


def without(
    entries: Iterable[tuple[str, str, str]], drop: Callable[[str], bool]
) -> list[tuple[str, str, str]]:
    """PyInstaller TOC entries whose destination `drop` does not match."""
    return [entry for entry in entries if not drop(entry[0].replace("\\", "/"))]


# ------------------------------------------------------------------------- one copy of a library


def defined_symbols(library: Path) -> set[str]:
    return {
        line.split()[-1].split("@")[0]
        for line in _run("nm", "-D", "--defined-only", str(library)).splitlines()
        if line.strip()
    }


def missing_symbols(original: Path, replacement: Path, consumers: Iterable[Path]) -> list[str]:
    """The symbols `consumers` take from `original` that `replacement` does not define (the
    loader binds functions lazily, so a missing one would only fail when first called)."""
    offered = defined_symbols(original)
    have = defined_symbols(replacement)
    wanted: set[str] = set()
    for consumer in consumers:
        undefined = _run("nm", "-D", "--undefined-only", str(consumer)).split()
        wanted |= {name.split("@")[0] for name in undefined if name != "U"}
    return sorted((wanted & offered) - have)


def needs(binary: Path) -> list[str]:
    """The DT_NEEDED names of an ELF file."""
    return re.findall(
        r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", _run("readelf", "-d", str(binary))
    )
