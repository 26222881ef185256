"""Why the system refused, in the user's words: one table (resources/texts.toml [os_error]) for
the store, the command line and the app, where there used to be two that disagreed."""

from __future__ import annotations

import errno
import tomllib

import pytest

from seller_app import paths
from seller_app.cli.common import os_reason as cli_reason
from seller_app.os_errors import known_errors, os_reason
from seller_app.store.errors import os_reason as store_reason


@pytest.mark.parametrize("name", known_errors())
def test_every_worded_error_reads_the_same_everywhere(name: str) -> None:
    code = getattr(errno, name, None)
    if code is None:
        pytest.skip(f"{name} does not exist on this system")
    error = OSError(code, "the system's own words")
    zh, en = os_reason(error, "zh"), os_reason(error, "en")
    assert zh != en and not zh.isascii() and en.isascii()
    assert store_reason(error, "zh") == cli_reason(error, None, "zh") == zh
    assert store_reason(error, "en") == cli_reason(error, None, "en") == en


def test_the_common_ones_are_worded_and_others_keep_the_system_s_text() -> None:
    assert {"ENOENT", "EACCES", "ENOSPC", "EROFS", "EEXIST", "EISDIR"} <= set(known_errors())
    assert os_reason(OSError(errno.ENOSPC, "No space left on device"), "zh") == "磁盘空间不足"
    assert os_reason(OSError(errno.EPIPE, "Broken pipe"), "zh") == "Broken pipe"


def test_there_is_no_second_table() -> None:
    import seller_app.store.errors as store_errors

    with (paths.forms_dir() / "labels.toml").open("rb") as handle:
        assert "os_error" not in tomllib.load(handle)
    assert not hasattr(store_errors, "OS_REASONS")
