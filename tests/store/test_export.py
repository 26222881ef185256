"""The evidence pack: case JSON, photos, documents and a manifest; buyer data masked on request."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from seller_app.domain.case import PhotoKind
from seller_app.store import Store
from seller_app.store.present import record_to_dict
from seller_app.store.redact import BuyerMask, mask_address, mask_name, mask_phone
from tests.conftest import NOW

from .conftest import BUYER_PHONE, buyer_case


@pytest.mark.parametrize(
    ("function", "value", "expected"),
    [
        (mask_name, "张三", "张*"),
        (mask_name, "欧阳娜娜", "欧***"),
        (mask_name, "张", "张*"),
        (mask_phone, "13812341234", "138****1234"),
        (mask_phone, "138-1234-1234", "138****1234"),
        (mask_phone, "0571-88886666", "********6666"),
        (mask_address, "浙江省杭州市西湖区文三路90号", "浙江省杭州市西湖区"),
        (mask_address, "北京市朝阳区建国路88号SOHO", "北京市朝阳区"),
        (mask_address, "云南省大理白族自治州宾川县金牛镇", "云南省大理白族自治州宾川县"),
        (mask_address, "广东省东莞市长安镇振安路1号", "广东省东莞市"),
    ],
)
def test_masks(function: object, value: str, expected: str) -> None:
    assert function(value) == expected  # type: ignore[operator]


def fill(store: Store, tmp_path: Path) -> int:
    case_id = store.add_case(buyer_case(), NOW)
    original = tmp_path / "IMG_1.jpg"
    original.write_bytes(b"\xff\xd8original")
    prepared = tmp_path / "prep.jpg"
    prepared.write_bytes(b"\xff\xd8prepared")
    store.add_photo(case_id, original, NOW, kind=PhotoKind.OUTER_PACKAGE, prepared=prepared)
    full = b"%PDF full " + BUYER_PHONE.encode()
    store.add_document(case_id, "claim_form", "claim.pdf", full, NOW)
    store.add_document(
        case_id, "claim_form", "claim-redacted.pdf", b"%PDF masked", NOW, redacted=True
    )
    return case_id


def test_zip_pack_with_redaction(store: Store, tmp_path: Path) -> None:
    case_id = fill(store, tmp_path)
    pack = store.export_case(case_id, tmp_path / "pack.zip", redact=True)
    with zipfile.ZipFile(pack) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
        case = json.loads(archive.read("case.json"))
        for entry in manifest["files"]:
            assert hashlib.sha256(archive.read(entry["file"])).hexdigest() == entry["sha256"]
        everything = b"".join(archive.read(name) for name in names)
    masked = {"name": "张**", "phone": "138****5678", "address": "浙江省杭州市西湖区"}
    assert case["buyer"] == masked
    assert BUYER_PHONE.encode() not in everything
    assert "documents/claim-redacted.pdf" in names and "documents/claim.pdf" not in names
    assert manifest["withheld"] == [{"kind": "claim_form", "name": "claim.pdf"}]
    (photo,) = [name for name in names if name.startswith("photos/")]
    assert photo.startswith("photos/01-outer_package-") and photo.endswith(".jpg")
    with zipfile.ZipFile(pack) as archive:
        assert archive.read(photo) == b"\xff\xd8prepared"
    assert manifest["redacted"] is True


def test_folder_pack_unredacted(store: Store, tmp_path: Path) -> None:
    case_id = fill(store, tmp_path)
    folder = store.export_case(case_id, tmp_path / "pack", as_zip=False)
    case = json.loads((folder / "case.json").read_text("utf-8"))
    assert case["buyer"]["phone"] == BUYER_PHONE
    assert (folder / "documents" / "claim.pdf").exists()
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert {entry["file"] for entry in manifest["files"]} == {
        str(path.relative_to(folder).as_posix())
        for path in folder.rglob("*")
        if path.is_file() and path.name != "manifest.json"
    }


BUYER_FOR_TEXT = {
    "name": "张三丰",
    "phone": "13812345678",
    "address": "浙江省杭州市西湖区文三路90号",
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("买家张三丰（电话 13812345678）", "买家张**（电话 138****5678）"),
        ("寄到浙江省杭州市西湖区文三路90号", "寄到浙江省杭州市西湖区"),
        ("文三路 90 号门卫代收", "***门卫代收"),
        ("电话 138 1234 5678 / +86 139-0000-1111", "电话 138****5678 / 139****1111"),
        ("单号 SF1400012345678，订单 2026111913800001111", None),  # longer digit runs stay
        ("固话 0571-88886666", None),
    ],
)
def test_buyer_mask_in_free_text(text: str, expected: str | None) -> None:
    assert BuyerMask(BUYER_FOR_TEXT).text(text) == (text if expected is None else expected)


def test_show_masks_notes_captions_and_status_notes(store: Store, tmp_path: Path) -> None:
    photo = tmp_path / "a.jpg"
    photo.write_bytes(b"\xff\xd8 not really a jpeg")
    case_id = store.add_case(buyer_case(), NOW)
    store.add_photo(case_id, photo, NOW, caption=f"面单 {BUYER_PHONE}")
    store.add_note(case_id, f"买家电话 {BUYER_PHONE}", NOW)
    store.set_status(case_id, "filed", NOW, note="张三丰说没收到")
    shown = record_to_dict(store, store.get_case(case_id), redact=True)
    assert shown["notes"][0]["text"] == "买家电话 138****5678"
    assert shown["photos"][0]["caption"] == "面单 138****5678"
    assert shown["history"][-1]["note"] == "张**说没收到"
    assert shown["case"]["description"] == "买家张**来电"
    unmasked = record_to_dict(store, store.get_case(case_id))
    assert unmasked["notes"][0]["text"] == f"买家电话 {BUYER_PHONE}"
    with zipfile.ZipFile(store.export_case(case_id, tmp_path / "p.zip", redact=True)) as pack:
        manifest = json.loads(pack.read("manifest.json"))
        assert manifest["photos"][0]["caption"] == "面单 138****5678"
        assert json.loads(pack.read("case.json"))["description"] == "买家张**来电"
