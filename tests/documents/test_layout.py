"""Form layouts as data, the field vocabulary, and the amount in capital numerals."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from seller_app import paths
from seller_app.documents.amount_words import yuan_in_words
from seller_app.documents.form_values import form_values
from seller_app.documents.layout import LayoutError, available_layouts, load_layout
from seller_app.domain.catalog import Catalog
from seller_app.domain.rules import assess
from tests.conftest import make_case


def test_generic_and_sf_exist() -> None:
    assert {"generic", "sf"} <= set(available_layouts())
    assert "statement" not in available_layouts() and "labels" not in available_layouts()


@pytest.mark.parametrize("name", ["generic", "sf"])
def test_layout_loads_with_every_section_kind(name: str) -> None:
    layout = load_layout(name)
    kinds = [s.kind for s in layout.sections]
    assert {"fields", "clauses", "declaration", "signature"} <= set(kinds)
    assert layout.pages[0] == "form"
    assert "tracking_numbers" in layout.field_keys()
    assert "amount_claimed" in layout.field_keys()


def test_sf_differs_in_order_and_labels() -> None:
    generic, sf = load_layout("generic"), load_layout("sf")
    assert sf.carrier == "sf"
    assert generic.field_keys()[0] == "shop_name"
    assert sf.field_keys()[0] == "tracking_numbers"
    label = next(f.label for s in sf.sections for f in s.fields if f.key == "tracking_numbers")
    assert label("zh") == "运单号"


def test_form_values_cover_the_whole_vocabulary(catalog: Catalog) -> None:
    case = make_case()
    labels = load_layout("generic").labels
    values = form_values(case, assess(case, catalog), catalog, labels, "zh")
    assert set(values) == set(labels.keys("field"))


def test_unknown_layout_names_the_available_ones() -> None:
    with pytest.raises(LayoutError, match="generic"):
        load_layout("nonesuch")
    with pytest.raises(LayoutError):
        load_layout("labels")


def _copy_forms(tmp_path: Path, body: str) -> Path:
    (tmp_path / "labels.toml").write_bytes((paths.forms_dir() / "labels.toml").read_bytes())
    (tmp_path / "x.toml").write_text(body, encoding="utf-8")
    return tmp_path


HEAD = 'name = { zh = "x", en = "x" }\ntitle = { zh = "x", en = "x" }\n'
SIGNATURE = '[[section]]\nkind = "signature"\n'


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (HEAD + '[[section]]\nfields = [{ key = "nope" }]\n', "unknown field key"),
        (HEAD + '[[section]]\nkind = "poem"\n', "kind"),
        (HEAD + '[[section]]\nkind = "declaration"\n', "needs text"),
        (HEAD, "no sections"),
        (HEAD + 'pages = ["calculation"]\n[[section]]\nkind = "signature"\n', "pages"),
        ('name = { zh = "x", en = "x" }\ntitle = { zh = "x" }\n' + SIGNATURE, "title"),
        (SIGNATURE, "name"),
        ("title = [", "x.toml"),
    ],
)
def test_bad_layouts_are_refused(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(LayoutError, match=message):
        load_layout("x", _copy_forms(tmp_path, body))


def test_a_new_courier_needs_only_a_file(tmp_path: Path) -> None:
    body = (
        HEAD
        + 'carrier = "zto"\n[[section]]\ntitle = { zh = "一", en = "1" }\n'
        + 'fields = [{ key = "tracking_numbers", wide = true }, { key = "amount_claimed" }]\n'
        + '[[section]]\nkind = "signature"\n'
    )
    layout = load_layout("x", _copy_forms(tmp_path, body))
    assert layout.field_keys() == ("tracking_numbers", "amount_claimed")
    assert layout.carrier == "zto"


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("0", "零元整"),
        ("0.05", "伍分"),
        ("0.50", "伍角整"),
        ("10", "壹拾元整"),
        ("28.80", "贰拾捌元捌角整"),
        ("100", "壹佰元整"),
        ("1005.05", "壹仟零伍元零伍分"),
        ("1500", "壹仟伍佰元整"),
        ("10010", "壹万零壹拾元整"),
        ("100000010", "壹亿零壹拾元整"),
        ("2.345", "贰元叁角伍分"),
        ("123456789.12", "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分"),
    ],
)
def test_yuan_in_words(amount: str, words: str) -> None:
    assert yuan_in_words(Decimal(amount)) == words


def test_yuan_in_words_refuses_negative() -> None:
    with pytest.raises(ValueError):
        yuan_in_words(Decimal("-1"))
