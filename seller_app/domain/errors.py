"""The one error type for invalid input, carrying the field it is about."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class CaseError(ValueError):
    """Invalid case input.

    `field` is the JSON path of the offending value (``damage.lost_value``,
    ``tracking_numbers[1]``), `code` names the message in ``resources/texts.toml``
    ``[errors]`` and `params` fill its placeholders; ``Catalog.texts.error_message(err, lang)``
    renders it in the user's language.
    """

    def __init__(self, field: str, code: str, **params: Any) -> None:
        self.field = field
        self.code = code
        self.params: Mapping[str, Any] = params
        super().__init__(f"{field}: {code} {dict(params) if params else ''}".rstrip())
