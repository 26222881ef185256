"""Masking buyer data for an evidence pack or a `show --redact` shown to third parties.

``mask_name("张三") == "张*"``, ``mask_phone("13812341234") == "138****1234"``,
``mask_address("浙江省杭州市西湖区文三路90号") == "浙江省杭州市西湖区"`` (cut after the district).

`BuyerMask.text` is the one function that cleans free text (description, notes, status notes,
captions): the case's own buyer name, phone and address wherever they occur (spaces, dashes,
dots and brackets inside them tolerated), then any mainland mobile number (``1[3-9]`` + 9
digits, also ``139.1234.5678``, ``(139)12345678``), then any house number after a street
(``幸福路88号`` -> ``幸福路***``) -- in ASCII or full-width digits or Chinese numerals
(``１３９…``, ``幸福路八十八号``). So ``"买家张三（电话 13912345678）"`` becomes
``"买家张*（电话 139****5678）"``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_DISTRICT = re.compile(r"^.*?(?:自治县|自治旗|区|县|旗)")
_CITY = re.compile(r"^.*?(?:自治州|地区|盟|市)")
# Matched against the normalised text (see `_Normalised`): ASCII digits only, brackets kept.
# Not inside a longer digit run (tracking and order numbers); an optional +86 / 86 prefix; the
# groups split by spaces, dashes, dots or brackets: 139 1234 5678, 139.1234.5678, (139)12345678.
_SEP = r"[\s\-.·・/_()]{0,2}"
_MOBILE = re.compile(
    rf"(?<![\d+])(?:\+?86{_SEP})?\(?(1[3-9]\d){_SEP}(\d{{4}}){_SEP}(\d{{4}})(?!\d)"
)
# A house number after a street in any free text, the buyer's or not: 幸福路88号 3幢 2单元.
_HOUSE_NUMBER = re.compile(
    r"(?<=[路街道巷弄里村])\s*\d+\s*[号弄](?:\s*[-之]?\s*\d+\s*(?:号楼|号|栋|幢|单元|楼|层|室))*"
)
# Parts of the case JSON that are not free text about the buyer.
_NOT_FREE_TEXT = frozenset({"buyer", "shop", "tracking_numbers", "order_id"})

_FULL_WIDTH = str.maketrans("０１２３４５６７８９（）－．＋　／", "0123456789()-.+ /")
_CN_DIGITS = dict(zip("零〇○一幺二两三四五六七八九", "00011223456789", strict=True))
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_RUN = re.compile(f"[{''.join(_CN_DIGITS)}{''.join(_CN_UNITS)}]+")


def _chinese_number(run: str) -> str | None:
    """``八十八`` -> ``88``, ``一三九`` -> ``139``, ``一百零八`` -> ``108``; None for a run that is
    not a number (``十十``)."""
    if not any(char in _CN_UNITS for char in run):
        return "".join(_CN_DIGITS[char] for char in run)
    total, digit, last_unit = 0, None, 10**9
    for char in run:
        if char in _CN_DIGITS:
            if digit and _CN_DIGITS[char] != "0":  # 八八 after a unit: not a number
                return None
            digit = int(_CN_DIGITS[char])
        else:
            unit = _CN_UNITS[char]
            if unit >= last_unit:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
    return str(total + (digit or 0))


class _Normalised:
    """`text` with full-width digits and brackets made ASCII and Chinese numerals written as
    digits (``幸福路八十八号`` -> ``幸福路88号``), plus the way back: `span` maps a match in
    the normalised text to the original characters it came from."""

    def __init__(self, text: str) -> None:
        pieces: list[str] = []
        self._origin: list[tuple[int, int]] = []
        position = 0
        for match in _CN_RUN.finditer(text):
            self._plain(text[position : match.start()], position, pieces)
            number = _chinese_number(match.group(0))
            if number is None:
                self._plain(match.group(0), match.start(), pieces)
            else:
                pieces.append(number)
                self._origin += [(match.start(), match.end())] * len(number)
            position = match.end()
        self._plain(text[position:], position, pieces)
        self.text = "".join(pieces)

    def _plain(self, chunk: str, start: int, pieces: list[str]) -> None:
        pieces.append(chunk.translate(_FULL_WIDTH))
        self._origin += [(start + index, start + index + 1) for index in range(len(chunk))]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self._origin[start][0], self._origin[end - 1][1]


def mask_name(name: str) -> str:
    name = name.strip()
    return name[:1] + "*" * max(len(name) - 1, 1) if name else name


def mask_phone(phone: str) -> str:
    digits = re.sub(r"\D", "", _Normalised(phone).text)
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
    """`value` (normalised) with any spaces, dashes, dots or brackets allowed between its
    characters."""
    chars = [re.escape(char) for char in re.sub(r"[\s\-.()]", "", _Normalised(value).text)]
    return re.compile(r"[\s\-.·・()]*".join(chars))


class BuyerMask:
    """Masks one case's buyer wherever it appears; built from the case JSON's ``buyer``.

    Matching works on a normalised copy of the text (`_Normalised`), so the buyer's phone in
    full-width digits or Chinese numerals, or the street number written ``八十八号``, is found
    too; what is replaced is the original characters."""

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
        phone = re.sub(r"\D", "", _Normalised(str(buyer.get("phone") or "")).text)
        if len(phone) >= 5:
            self._rules.append((_loose(phone), mask_phone(phone)))
        self.name = str(buyer.get("name") or "").strip()
        if len(self.name) >= 2:  # one character would mask every word it occurs in
            self._rules.append((_loose(self.name), mask_name(self.name)))

    def text(self, text: str) -> str:
        view = _Normalised(text)
        found: list[tuple[int, int, str]] = []  # original spans, first rule wins an overlap

        def add(start: int, end: int, replacement: str) -> None:
            if end <= start:
                return
            first, last = view.span(start, end)
            if all(last <= a or first >= b for a, b, _ in found):
                found.append((first, last, replacement))

        for pattern, replacement in self._rules:
            for match in pattern.finditer(view.text):
                add(match.start(), match.end(), replacement)
        for match in _MOBILE.finditer(view.text):
            add(match.start(), match.end(), mask_phone("".join(match.groups())))
        for match in _HOUSE_NUMBER.finditer(view.text):
            add(match.start(), match.end(), "***")
        for first, last, replacement in sorted(found, reverse=True):
            text = text[:first] + replacement + text[last:]
        return text

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
