"""The figure the claim form asks for: the civil-law actual loss or the courier-terms figure.

Default (issue 12): for an uninsured parcel whose actual loss (goods value lost + freight) is
higher than what the courier's terms pay, ask for the actual loss -- 《快递暂行条例》 (2025) art. 28
settles uninsured parcels under civil law (民法典 arts. 584, 832, 833), and a courier's cap is a
standard term (民法典 arts. 496, 497) -- and name the terms figure as what the courier will likely
offer first. Otherwise (insured parcels, fee-only refunds, refusals) ask for the terms figure.

The case's ``claim_basis`` is the seller's own choice. Choosing ``actual_loss`` where there is no
actual-loss figure (insured, fee only) or where it is not higher than the terms figure keeps the
terms figure, with a note: the form never asks for less than the terms give.

Worked example (the tea set: SF, goods 268, freight 18, 40 % broken, uninsured): the SF terms pay
the freight in full, 18, plus the loss 0.4 × 268 = 107.20 (under the 7 × 18 = 126 cap): 125.20;
the actual loss is 18 + 107.20 = 125.20, not higher, so the claim is ``courier_terms`` 125.20.
Under the national standard the terms figure would be 43.20 and the claim ``actual_loss`` 125.20.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .case import ClaimBasis
from .notes import Note

CIVIL_LAW_CLAUSES = (
    "快递暂行条例 art. 28",
    "民法典 art. 584",
    "民法典 art. 832",
    "民法典 art. 833",
    "民法典 art. 496",
    "民法典 art. 497",
)


@dataclass(frozen=True)
class Claim:
    basis: ClaimBasis
    amount: Decimal
    fee: Decimal
    """Of which the freight (refunded or waived)."""
    goods: Decimal
    """Of which the goods."""
    chosen_by: str
    """``default`` or ``seller`` (the case's ``claim_basis``)."""
    reason: Note
    """One sentence on why this figure (texts ``[claim]``)."""
    clauses: tuple[str, ...] = ()
    """Clauses the claim relies on beyond the terms' own (the civil-law ones)."""


def choose_claim(
    *,
    wanted: ClaimBasis | None,
    insured: bool,
    eligible: bool,
    amount: Decimal,
    fee_refund: Decimal,
    service_fee: Decimal,
    actual: Decimal | None,
) -> tuple[Claim, list[Note]]:
    """The claim figure and any warnings about the seller's choice (see the module docstring)."""
    warnings: list[Note] = []
    higher = eligible and actual is not None and actual > amount
    terms = {"amount": amount, "actual": actual if actual is not None else amount}
    if wanted is ClaimBasis.ACTUAL_LOSS and not higher:
        code = "actual_loss_unavailable" if actual is None or not eligible else "actual_not_higher"
        warnings.append(Note(f"claim_{code}", terms))
    if higher and wanted is not ClaimBasis.COURIER_TERMS:
        assert actual is not None
        chosen_by = "seller" if wanted is ClaimBasis.ACTUAL_LOSS else "default"
        reason = Note("actual_loss", {"amount": actual, "terms": amount})
        claim = Claim(
            ClaimBasis.ACTUAL_LOSS,
            actual,
            service_fee,
            actual - service_fee,
            chosen_by,
            reason,
            CIVIL_LAW_CLAUSES,
        )
        return claim, warnings
    if wanted is ClaimBasis.COURIER_TERMS:
        code = "terms_chosen" if higher else "terms"
        chosen_by = "seller"
    elif insured and eligible:
        code, chosen_by = "terms_insured", "default"
    elif eligible and actual is not None:
        code, chosen_by = "terms_not_lower", "default"
    else:
        code, chosen_by = "terms", "default"
    claim = Claim(
        ClaimBasis.COURIER_TERMS,
        amount,
        fee_refund,
        amount - fee_refund,
        chosen_by,
        Note(code, terms),
    )
    return claim, warnings
