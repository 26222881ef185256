"""An amount in Chinese capital numerals (大写金额), as on cheques and claim forms.

Follows the payment-settlement convention (中国人民银行《支付结算办法》附件一):
digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿 and 元角分; a run of zeros inside
the number is written as one 零; an amount without 角 and 分 ends in 整, one
without 分 ends in 角整. Examples: 28.80 -> 贰拾捌元捌角整,
1005.05 -> 壹仟零伍元零伍分, 10010 -> 壹万零壹拾元整.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PLACES = ((1000, "仟"), (100, "佰"), (10, "拾"), (1, ""))
_GROUPS = ("", "万", "亿", "万亿")


def _integer(number: int) -> str:
    groups: list[int] = []
    while number:
        number, group = divmod(number, 10000)
        groups.append(group)
    if len(groups) > len(_GROUPS):
        raise ValueError("amount too large for Chinese capital numerals")
    words = ""
    zero_pending = False
    for index in reversed(range(len(groups))):
        group = groups[index]
        if group == 0:
            zero_pending = zero_pending or bool(words)
            continue
        for place, unit in _PLACES:
            digit = group // place % 10
            if digit == 0:
                zero_pending = zero_pending or bool(words)
                continue
            if zero_pending:
                words += "零"
                zero_pending = False
            words += DIGITS[digit] + unit
        words += _GROUPS[index]
    return words


def yuan_in_words(amount: Decimal) -> str:
    """``yuan_in_words(Decimal("28.80")) == "贰拾捌元捌角整"``; rounded half-up to the fen first."""
    cents = int(amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) * 100)
    if cents < 0:
        raise ValueError("a negative amount has no capital-numeral form here")
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    words = _integer(yuan) + "元" if yuan else ""
    if jiao == 0 and fen == 0:
        return (words or "零元") + "整"
    if jiao:
        words += DIGITS[jiao] + "角"
    elif yuan:
        words += "零"
    return words + (DIGITS[fen] + "分" if fen else "整")
