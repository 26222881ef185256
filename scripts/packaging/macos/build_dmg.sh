#!/usr/bin/env bash
# macOS: build the .app with PyInstaller, self-test it, sign and notarize when credentials are present,
# and wrap it in a .dmg.  Run from the repository root on a Mac:  bash scripts/packaging/macos/build_dmg.sh
#
# Signing/notarizing run only when these are set (e.g. as CI secrets):
#   MACOS_SIGN_IDENTITY   "Developer ID Application: Your Company (TEAMID)"
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   (an app-specific password for notarytool)
set -euo pipefail
cd "$(dirname "$0")/../../.."
VERSION=$(python3 -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
APP="dist/SellerClaims.app"
DMG="dist/SellerClaims-${VERSION}.dmg"

python3 -m venv .venv-build
.venv-build/bin/python -m pip install -q --upgrade pip
.venv-build/bin/python -m pip install -q ".[build]"
.venv-build/bin/pyinstaller --noconfirm --clean build.spec

QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/seller-app" --self-test

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$MACOS_SIGN_IDENTITY" "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
fi

rm -f "$DMG"
staging=$(mktemp -d)
cp -R "$APP" "$staging/"
ln -s /Applications "$staging/Applications"
hdiutil create -volname "理赔助手 ${VERSION}" -srcfolder "$staging" -ov -format UDZO "$DMG"
rm -rf "$staging"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -n "${APPLE_ID:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$DMG"
  xcrun notarytool submit "$DMG" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
    --password "$APPLE_APP_PASSWORD" --wait
  xcrun stapler staple "$DMG"
fi
echo "built $DMG"
