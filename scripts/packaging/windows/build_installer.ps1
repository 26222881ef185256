# Windows: build the onedir app, self-test it, and wrap it with Inno Setup.
# Run from the repository root in PowerShell:  .\scripts\packaging\windows\build_installer.ps1
# Needs Python >= 3.11 and Inno Setup 6 (iscc.exe on PATH, e.g. `choco install innosetup`).
# Signing runs when WINDOWS_CERT_PFX (path) and WINDOWS_CERT_PASSWORD are set.
$ErrorActionPreference = "Stop"
$version = python -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"
python -m venv .venv-build
.\.venv-build\Scripts\python -m pip install -q --upgrade pip
.\.venv-build\Scripts\python -m pip install -q ".[build]"
.\.venv-build\Scripts\pyinstaller --noconfirm --clean build.spec
$env:QT_QPA_PLATFORM = "offscreen"
.\dist\SellerClaims\seller-app.exe --self-test | Out-Host
if ($LASTEXITCODE -ne 0) { throw "self-test failed" }
Remove-Item Env:\QT_QPA_PLATFORM
iscc /DAppVersion=$version scripts\packaging\windows\seller-app.iss
if ($env:WINDOWS_CERT_PFX) {
  signtool sign /f $env:WINDOWS_CERT_PFX /p $env:WINDOWS_CERT_PASSWORD /tr http://timestamp.digicert.com /td sha256 /fd sha256 "dist\installer\SellerClaims-$version-setup.exe"
}
Write-Host "built dist\installer\SellerClaims-$version-setup.exe"
