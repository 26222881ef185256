"""How case and draft content is split and encoded for the database.

The case file's personal fields (buyer name/phone/address, shop contact/phone, the signer's name,
the free-text description, the payee's name and accounts, the sender's address, and the photo
list with its captions and file names) are cut out of the case JSON and sealed; the rest stays
readable so cases can be listed and searched without decrypting. Drafts are sealed whole.
"""

from __future__ import annotations

import copy
import json
from datetime import datetime
from decimal import Decimal
from typing import Any

# (section, field); section None means a top-level key.
PII_FIELDS: tuple[tuple[str | None, str], ...] = (
    ("buyer", "name"),
    ("buyer", "phone"),
    ("buyer", "address"),
    ("shop", "contact"),
    ("shop", "phone"),
    ("signer", "name"),
    (None, "description"),
    (None, "photos"),  # captions and original file names name the buyer too (issue 15)
    # issue 12: who is paid and where from (the seller's own account and address)
    ("payee", "name"),
    ("payee", "account"),
    ("payee", "alipay"),
    (None, "origin"),
)


def split_pii(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(case JSON without personal fields, the personal fields as ``{"buyer.phone": ...}``)."""
    public = copy.deepcopy(data)
    pii: dict[str, Any] = {}
    for section, name in PII_FIELDS:
        holder = public if section is None else public.get(section)
        if isinstance(holder, dict) and name in holder:
            pii[f"{section}.{name}" if section else name] = holder.pop(name)
    return public, pii


def merge_pii(public: dict[str, Any], pii: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(public)
    for section, name in PII_FIELDS:
        key = f"{section}.{name}" if section else name
        if key in pii:
            holder = data if section is None else data.setdefault(section, {})
            holder[name] = pii[key]
    return data


def _tag(value: Any) -> Any:
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dict):
        return {str(key): _tag(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_tag(item) for item in value]
    return value


def _untag(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) == 1 and "$decimal" in value:
            return Decimal(value["$decimal"])
        if len(value) == 1 and "$datetime" in value:
            return datetime.fromisoformat(value["$datetime"])
        return {key: _untag(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_untag(item) for item in value]
    return value


def encode_draft(data: dict[str, Any]) -> bytes:
    """JSON with Decimal and datetime kept exact (tuples come back as lists)."""
    return json.dumps(_tag(data), ensure_ascii=False).encode("utf-8")


def decode_draft(raw: bytes) -> dict[str, Any]:
    result = _untag(json.loads(raw.decode("utf-8")))
    assert isinstance(result, dict)
    return result
