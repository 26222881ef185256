"""`seller-claims form`: the PDF end to end, and one-line errors with exit status 2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from seller_app.cli import main
from tests.conftest import case_dict
from tests.documents.photo_helpers import jpeg, page_count, pdf_text, squash
from tests.pdfs import LockedPdfError

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
UNAUTHORIZED = {"who": "unauthorized", "name": "王五", "inspected": False}


def write_case(tmp_path: Path, **overrides: Any) -> Path:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_dict(**overrides), ensure_ascii=False), encoding="utf-8")
    return path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("layout", ["generic", "sf"])
def test_form_from_the_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], layout: str
) -> None:
    out = tmp_path / "form.pdf"
    code, stdout, err = run(
        ["form", str(EXAMPLES / "damage_partial.json"), "-o", str(out), "--form", layout], capsys
    )
    assert code == 0, err
    assert stdout.strip() == str(out)
    text = squash(pdf_text(out))
    assert "索赔申告单" in text and "SF1234567890123" in text
    assert squash("索赔金额合计 132.00 元") in text and "96.00" in text  # claim, SF terms
    assert "附件二跟进期限" in text  # the schedule page, after annex 1 (no photos)


def test_photos_from_a_folder_and_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "photos"
    for index in range(3):
        jpeg(folder / f"p{index}.jpg", seed=index)
    extra = jpeg(tmp_path / "label.jpg", seed=7)
    case = write_case(
        tmp_path, photos=[{"file": "label.jpg", "kind": "waybill_label", "caption": "面单特写"}]
    )
    bare, with_photos = tmp_path / "bare.pdf", tmp_path / "photos.pdf"
    code, _, err = run(
        ["form", str(case), "-o", str(with_photos), "--photos", str(folder), str(extra)], capsys
    )
    assert code == 0, err
    code, _, err = run(["form", str(case), "-o", str(bare), "--photos", str(extra)], capsys)
    assert code == 0, err
    assert page_count(with_photos) > page_count(bare)
    text = squash(pdf_text(with_photos))
    assert "面单特写" in text and "p2.jpg" in text


def test_photos_named_in_the_case_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    jpeg(tmp_path / "box.jpg")
    case = write_case(
        tmp_path, photos=[{"file": "box.jpg", "kind": "outer_package", "caption": "外箱压扁"}]
    )
    out = tmp_path / "form.pdf"
    code, _, err = run(["form", str(case), "-o", str(out)], capsys)
    assert code == 0, err
    assert "外箱压扁" in pdf_text(out)


def test_password_and_statement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    case = write_case(tmp_path, signer=UNAUTHORIZED, buyer={"name": "李堃"})
    out, statement = tmp_path / "form.pdf", tmp_path / "statement.pdf"
    monkeypatch.setenv("MY_PDF_PASSWORD", "pw")
    code, stdout, err = run(
        [
            "form",
            str(case),
            "-o",
            str(out),
            "--password-env",
            "MY_PDF_PASSWORD",
            "--statement",
            str(statement),
            "--lang",
            "en",
        ],
        capsys,
    )
    assert code == 0, err
    assert stdout.split() == [str(out), str(statement)]
    assert "Claim Form" in pdf_text(out, password="pw")
    # the statement holds the buyer's phone and address: locked with the same password
    assert "李堃" in pdf_text(statement, password="pw")
    with pytest.raises(LockedPdfError):
        pdf_text(statement)
    assert PdfReader(statement).is_encrypted
    assert "AES-256" in err and "printed" in err  # the user is told what protection they get


def test_password_alone_takes_the_environment_and_a_typed_one_is_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    case, out = write_case(tmp_path), tmp_path / "form.pdf"
    code, _, err = run(["form", str(case), "-o", str(out), "--password", "secret"], capsys)
    # Still works (scripts written for earlier versions), with a word on the safer ways.
    assert code == 0, err
    assert "--password-env" in err and "SELLER_APP_PDF_PASSWORD" in err
    assert "SF1234567890123" in pdf_text(out, password="secret")
    out.unlink()
    monkeypatch.setenv("SELLER_APP_PDF_PASSWORD", "from-env")
    code, _, err = run(["form", str(case), "-o", str(out), "--password"], capsys)
    assert code == 0, err
    assert "SF1234567890123" in pdf_text(out, password="from-env")
    monkeypatch.delenv("SELLER_APP_PDF_PASSWORD")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = run(["form", str(case), "-o", str(out), "--password"], capsys)
    assert code == 2 and "SELLER_APP_PDF_PASSWORD" in err


def test_empty_password_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "form.pdf"
    code, _, err = run(
        ["form", str(write_case(tmp_path)), "-o", str(out), "--password", ""], capsys
    )
    assert code == 2 and err.count("\n") == 1 and "--password" in err
    assert not out.exists()


def test_statement_on_the_form_s_own_path_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    case = write_case(tmp_path, signer=UNAUTHORIZED)
    out = tmp_path / "c.pdf"
    out.write_bytes(b"an earlier claim form")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["form", str(case), "-o", str(out), "--statement", "./c.pdf"], capsys)
    assert code == 2 and err.count("\n") == 1 and "c.pdf" in err and "--statement" in err
    assert out.read_bytes() == b"an earlier claim form"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh", "没有名为 ems 的申告单格式；可用：generic, sf"),
        ("en", "no claim-form layout named ems; available: generic, sf"),
    ],
)
def test_unknown_layout_in_the_user_s_language_lists_claim_forms_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: str
) -> None:
    case = write_case(tmp_path)
    for name in ("ems", "statement"):
        out = tmp_path / "form.pdf"
        code, _, err = run(
            ["form", str(case), "-o", str(out), "--form", name, "--lang", lang], capsys
        )
        assert code == 2 and err.count("\n") == 1
        assert err.strip() == "seller-claims: " + expected.replace("ems", name)


@pytest.mark.parametrize(
    ("make_args", "fragment"),
    [
        (lambda t, c: ["--photos", str(t / "missing.jpg")], "missing.jpg"),
        (lambda t, c: ["--photos", str(t / "empty")], "empty"),
        (lambda t, c: ["--form", "nonesuch"], "nonesuch"),
        (lambda t, c: ["--statement", str(t / "s.pdf")], "--statement"),
    ],
)
def test_user_mistakes_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make_args: Any, fragment: str
) -> None:
    (tmp_path / "empty").mkdir()
    case = write_case(tmp_path)
    out = tmp_path / "form.pdf"
    code, _, err = run(["form", str(case), "-o", str(out), *make_args(tmp_path, case)], capsys)
    assert code == 2
    assert err.count("\n") == 1 and fragment in err
    assert not out.exists()


def test_invalid_case_and_unprintable_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "form.pdf"
    bad = write_case(tmp_path, goods_value="lots")
    code, _, err = run(["form", str(bad), "-o", str(out)], capsys)
    assert code == 2 and "goods_value" in err and err.count("\n") == 1
    emoji = write_case(tmp_path, buyer={"name": "王🙂"})
    code, _, err = run(["form", str(emoji), "-o", str(out)], capsys)
    assert code == 2 and "U+1F642" in err and err.count("\n") == 1
    code, _, err = run(["form", str(emoji), "-o", str(tmp_path / "no" / "dir.pdf")], capsys)
    assert code == 2
    assert not out.exists()


def test_unwritable_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = write_case(tmp_path)
    code, _, err = run(["form", str(case), "-o", str(tmp_path / "no" / "form.pdf")], capsys)
    assert code == 2 and err.count("\n") == 1 and "form.pdf" in err


@pytest.mark.parametrize(
    ("lang", "reason"),
    [
        ("zh", "无法写入 {}：文件或文件夹不存在"),
        ("en", "cannot write {}: the file or folder does not exist"),
    ],
)
def test_missing_folder_names_the_user_s_path_in_their_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, reason: str
) -> None:
    target = tmp_path / "no" / "c.pdf"
    code, _, err = run(
        ["form", str(write_case(tmp_path)), "-o", str(target), "--lang", lang], capsys
    )
    assert code == 2
    assert err == f"seller-claims: {reason.format(target)}\n"  # not .c.pdf.xxxx.part, not English
