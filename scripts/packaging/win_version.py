"""Writes the Windows version resource PyInstaller embeds in seller-app.exe."""

from __future__ import annotations

from pathlib import Path

TEMPLATE = """VSVersionInfo(
  ffi=FixedFileInfo(filevers={tup}, prodvers={tup}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
      StringStruct('CompanyName', '{name}'),
      StringStruct('FileDescription', '理赔助手 Seller Claims Assistant'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', 'seller-app'),
      StringStruct('OriginalFilename', 'seller-app.exe'),
      StringStruct('ProductName', '理赔助手'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
"""


def write_version_file(path: Path, version: str, name: str) -> str:
    parts = [int(p) for p in version.split(".")[:4] if p.isdigit()]
    tup = tuple(parts + [0] * (4 - len(parts)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEMPLATE.format(tup=tup, version=version, name=name), encoding="utf-8")
    return str(path)
