#!/usr/bin/env bash
# Linux: freeze the app with build.spec and run the frozen binary's self-test offscreen.
# Usage: bash scripts/build_app.sh [PYTHON]   (default: .venv/bin/python with the `build` extra)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}
# PyInstaller reads binaries' dependencies with objdump and strips them with strip (binutils).
if ! command -v objdump >/dev/null || ! command -v strip >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends binutils >/dev/null
  else
    echo "[build] needs binutils (objdump, strip): sudo apt-get install binutils" >&2; exit 1
  fi
fi
# PyInstaller bundles the Python shared library; Debian's system Python keeps it in a separate
# package (libpython3.X).
pylib=$("$PY" -c 'import sysconfig as s; print(s.get_config_var("LIBDIR") + "/" + s.get_config_var("INSTSONAME"))')
if [ ! -e "$pylib" ]; then
  lib=$("$PY" -c 'import sys; print("libpython%d.%d" % sys.version_info[:2])')
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "$lib" >/dev/null
  else
    echo "[build] PyInstaller needs the Python shared library: sudo apt-get install $lib" >&2; exit 1
  fi
fi
"$PY" -m pip install -q --disable-pip-version-check "pyinstaller==6.22.3"
rm -rf build/SellerClaims dist/SellerClaims
"$PY" -m PyInstaller --noconfirm --log-level WARN build.spec
size=$(du -sm dist/SellerClaims | cut -f1)
echo "[build] dist/SellerClaims: ${size} MB unpacked"
QT_QPA_PLATFORM=offscreen dist/SellerClaims/seller-app --self-test
