"""`seller-claims photos`: report, manifest, kinds, case checks and per-file errors."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image

from seller_app.cli import EXIT_USER_ERROR, main
from tests.conftest import case_dict
from tests.evidence.synth import exif_block, label_photo, save, scene

SF = "SF1234567890123"


@pytest.fixture
def shots(tmp_path: Path) -> dict[str, Path]:
    taken = datetime(2026, 11, 12, 9, 0)
    return {
        "box": save(scene((2000, 1500)), tmp_path / "box.jpg", exif_block(taken=taken, gps=True)),
        "label": save(label_photo(SF, 30), tmp_path / "label.jpg", exif_block(taken=taken)),
    }


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["photos", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_report_with_out_writes_copies_and_manifest(
    tmp_path: Path, shots: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    case_file = tmp_path / "case.json"
    case_file.write_text(
        json.dumps(case_dict(incident="damage", damage={"extent": "full"})), encoding="utf-8"
    )
    out_dir = tmp_path / "prepared"
    code, out, err = run(
        capsys,
        f"outer_package={shots['box']}",
        shots["label"],
        "--json",
        "--out",
        out_dir,
        "--case",
        case_file,
        "--jobs",
        "1",
    )
    assert (code, err) == (0, "")
    report = json.loads(out)
    box, label = report["photos"]
    assert (box["kind"], label["kind"]) == ("outer_package", "waybill_label")
    assert label["barcodes"] == [{"number": SF, "in_case": True, "carriers": ["sf"]}]
    assert box["sha256"] == hashlib.sha256(shots["box"].read_bytes()).hexdigest()
    assert box["captured_at"] == "2026-11-12T09:00:00+08:00"
    assert report["shot_list"]["score"] == 0.5
    assert [m["kind"] for m in report["shot_list"]["missing"]] == ["damaged_item", "inner_packing"]

    manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest == report
    for entry in manifest["photos"]:
        prepared = out_dir / entry["prepared"]
        assert hashlib.sha256(prepared.read_bytes()).hexdigest() == entry["prepared_sha256"]
        with Image.open(prepared) as image:
            assert max(image.size) <= 1600 and not image.getexif()


def test_text_report_in_english_and_bad_file_exits_2(
    tmp_path: Path, shots: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.jpg"
    junk.write_text("not a photo", encoding="utf-8")
    code, out, err = run(
        capsys, shots["label"], junk, tmp_path / "nope.png", "--lang", "en", "--jobs", "1"
    )
    assert code == EXIT_USER_ERROR
    assert "Traceback" not in out + err
    lines = out.splitlines()
    assert lines[0].startswith("✓ ") and "[waybill label]" in lines[0]
    assert f"barcode {SF} (SF Express)" in lines[1]
    assert "✗ junk.jpg: not an image file" in out
    assert "✗ nope.png: file not found" in out


def test_without_out_nothing_is_left_behind(
    tmp_path: Path, shots: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    before = set(tmp_path.iterdir())
    code, out, _ = run(capsys, shots["box"], "--json", "--jobs", "1")
    assert code == 0
    assert json.loads(out)["photos"][0]["kind"] == "other"
    assert set(tmp_path.iterdir()) == before


def test_bad_case_file_is_one_line_and_exit_2(
    tmp_path: Path, shots: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, shots["box"], "--case", tmp_path / "missing.json")
    assert code == EXIT_USER_ERROR and out == ""
    assert err.startswith("seller-claims: ") and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh", "badkind=outer.jpg：未知的照片类别 badkind；可用类别：outer_package（外包装）、"),
        ("en", "badkind=outer.jpg: unknown photo kind badkind; valid kinds: outer_package (outer"),
    ],
)
def test_unknown_kind_is_named_with_the_valid_kinds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: str
) -> None:
    save(scene((1200, 900)), tmp_path / "outer.jpg")
    code, out, err = run(capsys, f"badkind={tmp_path / 'outer.jpg'}", "--lang", lang)
    assert code == EXIT_USER_ERROR and out == "" and err.count("\n") == 1
    assert expected.replace("outer.jpg", str(tmp_path / "outer.jpg")) in err
    assert "waybill_label" in err and "chat_record" in err


def test_a_file_name_with_an_equals_sign_is_still_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    save(scene((1200, 900)), tmp_path / "box=1.jpg")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "box=1.jpg", "--json", "--jobs", "1")
    assert code == 0 and json.loads(out)["photos"][0]["file"] == "box=1.jpg"


@pytest.mark.parametrize(
    ("lang", "reason"),
    [
        ("zh", "无法写入 {}：已有同名文件，不是文件夹"),
        ("en", "cannot write {}: a file of that name exists, not a folder"),
    ],
)
def test_out_on_an_existing_file_is_one_line_in_the_user_s_language(
    tmp_path: Path,
    shots: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
    lang: str,
    reason: str,
) -> None:
    taken = tmp_path / "taken"
    taken.write_text("a file", encoding="utf-8")
    code, out, err = run(capsys, shots["box"], "--out", taken, "--lang", lang)
    assert code == EXIT_USER_ERROR and out == ""
    assert err == f"seller-claims: {reason.format(taken)}\n"
