"""Plain copies of photos (a waybill label shows the buyer's name, phone and address) are not
left lying in the data folder."""

from __future__ import annotations

from seller_app.ui.casebook import CaseRecord
from tests.conftest import NOW

from .conftest import idle
from .test_wizard_documents import photo
from .test_wizard_walk import click


def test_reading_a_label_photo_leaves_no_copy(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.new_button)
    page = window.wizard.currentPage()
    label = photo(tmp_path / "label.jpg", "#ffffff")
    page.read_numbers_from(label)
    idle(qtbot)
    assert page.read_label.isEnabled()
    files = tmp_path / "data" / "files"
    assert not files.exists() or not [p for p in files.rglob("*") if p.is_file()]


def test_work_files_of_nothing_are_removed_at_startup(book, tmp_path) -> None:  # type: ignore[no-untyped-def]
    draft_id = book.save(CaseRecord("new-1", {"format": 1}, "draft", NOW))
    files = tmp_path / "data" / "files"
    for folder in (draft_id, "d99", "c7"):
        (files / folder / "photos").mkdir(parents=True)
        (files / folder / "photos" / "a.jpg").write_bytes(b"jpeg")
    (files / "0123abcd.jpg").write_bytes(b"a waybill label")

    book.tidy_work_files()
    assert sorted(p.name for p in files.iterdir()) == [draft_id]
    assert (files / draft_id / "photos" / "a.jpg").exists()
