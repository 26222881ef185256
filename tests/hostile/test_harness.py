"""The hostile-input harness in the suite: a fixed-seed sample of generated runs across every
command (``python bench/hostile.py`` runs thousands), and a hypothesis property over case files.
Targets: no traceback, no hang, no unclean refusal, nothing stored or read is lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seller_app.cli import main
from tests.hostile.harness import DATES, NUMBERS, TEXTS, run_many, valid_case


def test_a_sample_of_hostile_runs_holds_the_contract(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seller_app import credentials
    from seller_app.store import backup

    for module in (credentials, backup):  # 1/32 of the real key-stretching work, in bounds
        monkeypatch.setattr(module, "SCRYPT_N", 2**10)
    tally = run_many(tmp_path, 50, seed=15, forms=0.02)
    assert tally.tried == 50 and tally.refused > 20
    assert tally.tracebacks == []
    assert tally.hangs == []
    assert tally.lost == []
    assert tally.unclean == []


FIELDS = sorted(valid_case())
values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats(allow_nan=False)
    | st.sampled_from([*TEXTS, *DATES, *map(str, NUMBERS)])
    | st.text(max_size=50),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(changes=st.dictionaries(st.sampled_from(FIELDS), values, min_size=1, max_size=3))
def test_any_case_file_is_assessed_or_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], changes: dict[str, object]
) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps({**valid_case(), **changes}, default=str), "utf-8")
    for command in ("assess", "schedule"):
        code = main([command, str(path)])
        out, err = capsys.readouterr()
        assert code in (0, 2)
        if code:
            assert err.startswith("seller-claims: ") and err.count("\n") == 1
            assert not set(err) & {"\x1b", "\x07", "\u202e", "\x9b"}
