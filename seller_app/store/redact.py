"""Masking buyer data for an evidence pack or a `show --redact` shown to third parties.

``mask_name("张三") == "张*"``, ``mask_phone("13812341234") == "138****1234"``,
``mask_address("浙江省杭州市西湖区文三路90号") == "浙江省杭州市西湖区"`` (cut after the district).

`BuyerMask.text` is the one function that cleans free text (description, notes, status notes,
captions): the case's own buyer name, phone and address wherever they occur (spaces and dashes
inside them tolerated), then any mainland mobile number (``1[3-9]`` + 9 digits) -- so
``"买家张三（电话 13912345678）"`` becomes ``"买家张*（电话 139****5678）"``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_DISTRICT = re.compile(r"^.*?(?:自治县|自治旗|区|县|旗)")
_CITY = re.compile(r"^.*?(?:自治州|地区|盟|市)")
# Not inside a longer digit run (tracking and order numbers); an optional +86 / 86 prefix.
_MOBILE = re.compile(r"(?<![\d+])(?:\+?86[\s-]?)?(1[3-9]\d[\s-]?\d{4}[\s-]?\d{4})(?![\d])")
# Parts of the case JSON that are not free text about the buyer.
_NOT_FREE_TEXT = frozenset({"buyer", "shop", "tracking_numbers", "order_id"})


def mask_name(name: str) -> str:
    name = name.strip()
    return name[:1] + "*" * max(len(name) - 1, 1) if name else name


def mask_phone(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    if len(digits) == 11:
        return f"{digits[:3]}****{digits[-4:]}"
    if len(digits) > 4:
        return "*" * (len(digits) - 4) + digits[-4:]
    return "*" * len(digits)


def mask_address(address: str) -> str:
    address = address.strip()
    for pattern in (_DISTRICT, _CITY):
        match = pattern.match(address)
        if match:
            return match.group(0)
    return address[:2] + "*" * max(len(address) - 2, 0)


def _loose(value: str) -> re.Pattern[str]:
    """`value` with any spaces or dashes allowed between its characters."""
    chars = [re.escape(char) for char in re.sub(r"[\s\-]", "", value)]
    return re.compile(r"[\s\-]*".join(chars))


class BuyerMask:
    """Masks one case's buyer wherever it appears; built from the case JSON's ``buyer``."""

    def __init__(self, buyer: Mapping[str, Any] | None) -> None:
        buyer = buyer or {}
        self._rules: list[tuple[re.Pattern[str], str]] = []
        address = str(buyer.get("address") or "").strip()
        if address:
            masked = mask_address(address)
            self._rules.append((_loose(address), masked))
            street = address[len(masked) :] if address.startswith(masked) else ""
            if len(re.sub(r"\s", "", street)) >= 3:  # "文三路 100 号" written without the district
                self._rules.append((_loose(street), "***"))
        phone = re.sub(r"\D", "", str(buyer.get("phone") or ""))
        if len(phone) >= 5:
            self._rules.append((_loose(phone), mask_phone(phone)))
        self.name = str(buyer.get("name") or "").strip()
        if len(self.name) >= 2:  # one character would mask every word it occurs in
            self._rules.append((_loose(self.name), mask_name(self.name)))

    def text(self, text: str) -> str:
        for pattern, replacement in self._rules:
            text = pattern.sub(replacement, text)
        return _MOBILE.sub(lambda match: mask_phone(match.group(1)), text)

    def value(self, value: Any) -> Any:
        """Strings masked with `text`, lists and dicts walked."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.value(item) for item in value]
        if isinstance(value, dict):
            return {key: self.value(item) for key, item in value.items()}
        return value


def redact_case_json(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of the case JSON with the buyer's and the signer's personal data masked, in their
    own fields and in every free-text field (description, captions, ...)."""
    mask = BuyerMask(data.get("buyer"))
    result = {
        key: value if key in _NOT_FREE_TEXT else mask.value(value) for key, value in data.items()
    }
    buyer = dict(result.get("buyer") or {})
    if buyer:
        if buyer.get("name"):
            buyer["name"] = mask_name(buyer["name"])
        if buyer.get("phone"):
            buyer["phone"] = mask_phone(buyer["phone"])
        if buyer.get("address"):
            buyer["address"] = mask_address(buyer["address"])
        result["buyer"] = buyer
    signer = dict(data.get("signer") or {})
    if signer.get("name"):
        signer["name"] = mask_name(signer["name"])
        result["signer"] = signer
    return result
