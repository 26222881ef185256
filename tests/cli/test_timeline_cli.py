"""`seller-claims timeline`: the JSON keys, the text report, --case differences, bad files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from seller_app.cli import EXIT_USER_ERROR, main
from tests.conftest import NOW, case_dict
from tests.evidence.screens import SF_GUARD, save

KEYS = [
    "tracking_numbers",
    "carrier",
    "events",
    "posted_at",
    "signed_at",
    "signer",
    "left_at_station",
]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save(SF_GUARD, tmp_path_factory.mktemp("timeline-cli"))


@pytest.fixture(scope="module")
def page_lines(page: Path, ocr_engine: Any) -> list[Any]:
    from PIL import Image

    with Image.open(page) as image:
        return ocr_engine.read(image)  # type: ignore[no-any-return]


class Recorded:
    """The page's OCR lines read once: the command's own logic is what these tests check."""

    def __init__(self, lines: list[Any]) -> None:
        self.lines = lines

    def read(self, image: Any) -> list[Any]:
        return self.lines


@pytest.fixture
def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], ocr_engine: Any
) -> Any:
    monkeypatch.setattr("seller_app.cli.common.now", lambda: NOW)

    def go(*args: object) -> tuple[int, str, str]:
        code = main(["timeline", *map(str, args)])
        out, err = capsys.readouterr()
        return code, out, err

    return go


def test_json_has_exactly_the_documented_keys(run: Any, page: Path) -> None:
    code, out, err = run(page, "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert list(data) == KEYS
    assert {k: data[k] for k in KEYS if k != "events"} == SF_GUARD.expected
    assert [set(e) for e in data["events"]] == [{"at", "text", "kind"}] * 4
    assert [e["kind"] for e in data["events"]] == [
        "posted",
        "in_transit",
        "out_for_delivery",
        "signed",
    ]


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch, page_lines: list[Any]) -> None:
    monkeypatch.setattr("seller_app.evidence.timeline.shared_engine", lambda: Recorded(page_lines))


@pytest.mark.usefixtures("recorded")
def test_case_differences_and_the_signer_question(run: Any, page: Path, tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    signer = {"who": "buyer", "inspected": False, "signed_at": "2026-11-13T14:22:00"}
    case.write_text(
        json.dumps(case_dict(incident="damage", damage={"extent": "full"}, signer=signer)),
        encoding="utf-8",
    )
    code, out, _ = run(page, "--case", case, "--json")
    data = json.loads(out)
    assert code == 0 and list(data) == [*KEYS, "differences"]
    assert data["differences"] == [
        {"code": "signer_not_buyer", "text": "案件写的签收人是买家本人，截图显示 门卫代收"}
    ]
    code, out, _ = run(page, "--case", case, "--lang", "en")
    assert code == 0
    assert "Signed by: 门卫代收" in out
    assert (
        "The case says the parcel was signed for by the buyer; the screenshot shows 门卫代收" in out
    )
    assert "ask the buyer whether they authorised it" in out


@pytest.mark.usefixtures("recorded")
def test_text_report(run: Any, page: Path) -> None:
    code, out, _ = run(page)
    assert code == 0
    for line in (
        "运单号：SF1234567890123",
        "快递公司：顺丰速运",
        "揽收时间：2026-11-11 18:20:33",
        "签收时间：2026-11-13 14:22:08",
        "签收人：门卫代收",
        "物流记录（4 条，由早到晚）：",
    ):
        assert line in out
    assert "[签收]" in out and "请向买家确认是否授权代收" in out


def test_unreadable_files_exit_2_naming_each(run: Any, tmp_path: Path) -> None:
    bad = tmp_path / "note.png"
    bad.write_text("not a picture", encoding="utf-8")
    code, out, err = run(bad, tmp_path / "missing.jpg", tmp_path)
    assert code == EXIT_USER_ERROR and out == ""
    assert "note.png：不是图片文件" in err and "missing.jpg：文件不存在" in err
    assert "不是普通文件" in err and "Traceback" not in err


def test_a_bad_case_file_exits_2(run: Any, page: Path, tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text("{", encoding="utf-8")
    code, _, err = run(page, "--case", case)
    assert code == EXIT_USER_ERROR and "case.json" in err and "Traceback" not in err


def test_a_picture_without_tracking_text_says_so(run: Any, tmp_path: Path) -> None:
    from PIL import Image

    blank = tmp_path / "blank.png"
    Image.new("RGB", (400, 300), "white").save(blank)
    code, out, err = run(blank, "--json")
    assert code == 0 and json.loads(out)["events"] == []
    assert "没有读到物流信息" in err
