"""Money: yuan as `Decimal`, parsed exactly, rounded once at the end.

JSON numbers are parsed by the caller with ``parse_float=Decimal`` so ``12.3`` never passes
through binary floating point; a float that still arrives here is converted through ``repr``
(``Decimal(repr(12.3)) == Decimal("12.3")``), not through its binary value.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import CaseError

CENT = Decimal("0.01")
ZERO = Decimal("0")
LIMIT = Decimal("1e10")  # ten billion yuan: anything above is a typo, not a parcel


def parse_amount(value: object, field: str, places: int = 2, limit: Decimal = LIMIT) -> Decimal:
    """Parse a yuan amount from a JSON string or number: at most `places` decimals (fen for
    money) and below `limit` in size; reject bools, NaN and infinity."""
    if isinstance(value, bool) or value is None:
        raise CaseError(field, "not_a_number", value=value)
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip().replace(",", "").removeprefix("¥").removeprefix("￥").strip()
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise CaseError(field, "not_a_number", value=value) from None
    else:
        raise CaseError(field, "not_a_number", value=value)
    if not result.is_finite():
        raise CaseError(field, "not_a_number", value=value)
    if abs(result) >= limit:
        raise CaseError(field, "too_large", value=value)
    if result.as_tuple().exponent < -places:  # type: ignore[operator]
        raise CaseError(field, "too_many_decimals", value=value, places=places)
    return result


def round_yuan(amount: Decimal) -> Decimal:
    """Round half-up to the fen (0.01 yuan): ``round_yuan(Decimal("2.345")) == Decimal("2.35")``."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def format_yuan(amount: Decimal) -> str:
    """The amount as the plain string the case format and the CLI use: ``"12.30"``."""
    return str(round_yuan(amount))
