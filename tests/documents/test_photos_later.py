"""Photos given later (issue 16): `render_claim_form` lays out page 1 and the calculation while
the photos are still being prepared, and takes them when the layout reaches their annex --
the same PDF, byte for byte, as with the photos given at once."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from reportlab import rl_config

from seller_app.documents import pdf
from seller_app.documents.claim_form import render_claim_form
from seller_app.domain.catalog import Catalog
from seller_app.domain.rules import assess
from seller_app.evidence import EvidencePhoto
from tests.conftest import make_case
from tests.documents.photo_helpers import make_photos, page_count


@pytest.fixture(autouse=True)
def invariant(monkeypatch: pytest.MonkeyPatch) -> None:
    """No creation time or random file id: two runs of one form give the same bytes."""
    monkeypatch.setattr(rl_config, "invariant", 1)


def both(
    folder: Path, catalog: Catalog, photos: Sequence[EvidencePhoto], **case: Any
) -> tuple[bytes, bytes, list[str]]:
    """The form with the photos given at once and given later; the events of the later one."""
    claim = make_case(
        incident="damage", damage={"extent": "partial", "lost_value": "120.00"}, **case
    )
    assessment = assess(claim, catalog)
    # twice: a font subset is deflated harder the second time it is written (`subsets.written`)
    for _ in range(2):
        now = render_claim_form(
            claim, assessment, folder / "now.pdf", catalog=catalog, photos=photos
        )
    events: list[str] = []

    def later() -> Sequence[EvidencePhoto]:
        events.append("photos")
        return photos

    original = pdf._Document.handle_pageBegin

    def page_begins(self: Any) -> None:
        events.append("page")
        original(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf._Document, "handle_pageBegin", page_begins)
        then = render_claim_form(
            claim, assessment, folder / "later.pdf", catalog=catalog, photos=later
        )
    return now.read_bytes(), then.read_bytes(), events


def test_page_one_and_the_calculation_are_laid_out_before_the_photos_are_asked_for(
    tmp_path: Path, catalog: Catalog
) -> None:
    photos = make_photos(tmp_path / "p", 5)
    now, later, events = both(tmp_path, catalog, photos)
    assert now == later
    # page 1, the calculation and the photo page begun before the photos are asked for, once
    assert events[:4] == ["page", "page", "page", "photos"]
    assert events.count("photos") == 1
    assert page_count(tmp_path / "later.pdf") == page_count(tmp_path / "now.pdf") >= 4


@pytest.mark.parametrize(("caption", "own_subset"), [("索赔", True), ("申告", False)])
def test_photo_text_that_decides_the_numbering_is_waited_for(
    caption: str, own_subset: bool
) -> None:
    # the case's own text outside the photos is all numbered with the layout's words: whether
    # the photos' own start a subset of their own is known only from them, so they are made
    # before anything is drawn -- and the numbering is the one the photos given at once get
    asked: list[str] = []

    def photos() -> list[Any]:
        asked.append(caption)
        return [pdf.para("照片", "label", "layout"), pdf.para(caption, "small", "photo")]

    before = [pdf.para("申告单", "label", "layout"), pdf.para("申告", "small", "photo")]
    at_once = pdf.numbering([*before, *photos()])
    asked.clear()
    assert pdf.numbering([*before, pdf.Later(photos, ["照片"])]) == at_once
    assert at_once[1] is own_subset
    assert asked == [caption]


def test_photos_that_fail_leave_no_form(tmp_path: Path, catalog: Catalog) -> None:
    claim = make_case(incident="damage", damage={"extent": "partial", "lost_value": "120.00"})
    target = tmp_path / "claim.pdf"

    def failing() -> Sequence[EvidencePhoto]:
        raise RuntimeError("a photo could not be read")

    with pytest.raises(RuntimeError, match="could not be read"):
        render_claim_form(claim, assess(claim, catalog), target, catalog=catalog, photos=failing)
    assert list(tmp_path.iterdir()) == []


def test_the_font_subsets_no_character_can_join_are_cut_while_the_photos_come(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seller_app.documents.subsets import CachingFace

    photos = make_photos(tmp_path / "p", 2)
    claim = make_case(incident="damage", damage={"extent": "partial", "lost_value": "120.00"})
    events: list[str] = []
    original = CachingFace._cut

    def cut(self: CachingFace, subset: list[int]) -> bytes:
        events.append(f"cut {len(subset)}")
        return original(self, subset)

    def later() -> Sequence[EvidencePhoto]:
        events.append("photos")
        return photos

    monkeypatch.setattr(CachingFace, "_cut", cut)
    face = pdf.pdfmetrics.getFont(pdf.register_font()).face
    monkeypatch.setattr(face, "_subsets", type(face._subsets)())  # nothing remembered
    render_claim_form(
        claim, assess(claim, catalog), tmp_path / "c.pdf", catalog=catalog, photos=later
    )
    ahead = events[: events.index("photos")]
    assert len(ahead) >= 1  # the layout's and the terms' subsets, before the photos came
    assert all(event.startswith("cut") for event in ahead)
    assert len(events) == len(ahead) + 2  # after the photos: only the case's own subset
