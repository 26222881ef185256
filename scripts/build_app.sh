#!/usr/bin/env bash
# Linux: freeze the app with build.spec, check that the bundle carries what Qt's window plugin
# needs, and run the frozen binary's self-test offscreen and then once in a real window (under
# Xvfb when there is no desktop).
# Usage: bash scripts/build_app.sh [PYTHON]   (default: .venv/bin/python with the `build` extra)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}
as_root() {  # how to run "$*" as root here: sudo where there is one
  if command -v sudo >/dev/null; then echo "sudo $*"; else echo "su -c '$*'  (as root)"; fi
}
apt_install() {  # apt_install PACKAGE...: as root, or say how and stop
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "$@" >/dev/null
  else
    echo "[build] needs: $(as_root apt-get install "$@")" >&2; exit 1
  fi
}
# PyInstaller reads binaries' dependencies with objdump and strips them with strip (binutils).
if ! command -v objdump >/dev/null || ! command -v strip >/dev/null; then
  apt_install binutils
fi
# PyInstaller bundles the Python shared library; Debian's system Python keeps it in a separate
# package (libpython3.X).
pylib=$("$PY" -c 'import sysconfig as s; print(s.get_config_var("LIBDIR") + "/" + s.get_config_var("INSTSONAME"))')
if [ ! -e "$pylib" ]; then
  apt_install "$("$PY" -c 'import sys; print("libpython%d.%d" % sys.version_info[:2])')"
fi
# The libraries Qt's xcb window plugin needs must be on this machine to go into the bundle
# (build.spec stops the build when one is missing): dev.py's list for `run`.
"$PY" - <<'EOF'
import sys

sys.path.insert(0, "scripts")
import dev

try:
    dev.ensure_system_packages(dev.APT_RUN)
except dev.SetupError as error:
    sys.exit(f"[build] {error}")
EOF
# issue 20, bundle <= 260 MB (build.spec, scripts/packaging/slim.py): icupkg rebuilds Qt's ICU
# data with only what the app uses, and the onnx package stores the recogniser's weights as
# float16. Build-time tools only: neither goes into the bundle.
if ! command -v icupkg >/dev/null; then
  apt_install icu-devtools
fi
"$PY" -m pip install -q --disable-pip-version-check "pyinstaller==6.22.3" "onnx==1.23.2"
# PyInstaller works in build/<spec name> (build/build for build.spec): start both from clean.
rm -rf build/build dist/SellerClaims
"$PY" -m PyInstaller --noconfirm --log-level WARN build.spec
size=$(du -sm dist/SellerClaims | cut -f1)
echo "[build] dist/SellerClaims: ${size} MB unpacked"

# The window plugin, as the frozen app loads it (the bootloader puts _internal on the library
# path): nothing missing, and every xcb-util/xkbcommon library from the bundle, not the system.
internal=dist/SellerClaims/_internal
plugin=$internal/PySide6/Qt/plugins/platforms/libqxcb.so
deps=$(LD_LIBRARY_PATH=$internal ldd "$plugin")
missing=$(awk '/not found/ {print $1}' <<<"$deps")
outside=$(awk -v dir="$internal" '/=>/ && $1 ~ /^lib(xcb-|xkbcommon)/ && index($3, dir) == 0 {print $1}' <<<"$deps")
if [ -n "$missing$outside" ]; then
  echo "[build] the xcb plugin misses: ${missing:-none}; loads from the system: ${outside:-none}" >&2
  exit 1
fi
echo "[build] xcb plugin: $(grep -c "$internal" <<<"$deps") libraries from the bundle, none missing"

# issue 17: the shop server's driver carries its own libpq (the self-test below connects with it).
libpq=$(find "$internal" -name 'libpq*.so*' | head -1)
if [ -z "$libpq" ]; then
  echo "[build] psycopg's libpq is not in the bundle" >&2
  exit 1
fi
echo "[build] shop-server driver: ${libpq#"$internal"/}"

QT_QPA_PLATFORM=offscreen dist/SellerClaims/seller-app --self-test
# Once with a real window: the xcb plugin and its libraries, which offscreen never loads.
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  env -u QT_QPA_PLATFORM dist/SellerClaims/seller-app --self-test --window
else
  if ! command -v xvfb-run >/dev/null || ! command -v xauth >/dev/null; then
    apt_install xvfb xauth
  fi
  env -u QT_QPA_PLATFORM xvfb-run -a -s "-screen 0 1280x800x24" \
    dist/SellerClaims/seller-app --self-test --window
fi
