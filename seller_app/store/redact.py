"""Masking buyer data for an evidence pack shown to third parties.

``mask_name("张三") == "张*"``, ``mask_phone("13812341234") == "138****1234"``,
``mask_address("浙江省杭州市西湖区文三路90号") == "浙江省杭州市西湖区"`` (cut after the district).
"""

from __future__ import annotations

import re
from typing import Any

_DISTRICT = re.compile(r"^.*?(?:自治县|自治旗|区|县|旗)")
_CITY = re.compile(r"^.*?(?:自治州|地区|盟|市)")


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


def redact_case_json(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of the case JSON with the buyer's and the signer's personal data masked."""
    result = dict(data)
    buyer = dict(result.get("buyer") or {})
    if buyer:
        if buyer.get("name"):
            buyer["name"] = mask_name(buyer["name"])
        if buyer.get("phone"):
            buyer["phone"] = mask_phone(buyer["phone"])
        if buyer.get("address"):
            buyer["address"] = mask_address(buyer["address"])
        result["buyer"] = buyer
    signer = dict(result.get("signer") or {})
    if signer.get("name"):
        signer["name"] = mask_name(signer["name"])
        result["signer"] = signer
    return result
