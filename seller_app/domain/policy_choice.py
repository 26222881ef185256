"""Which compensation terms a case is assessed under, and why.

Order: the policy the case file names wins; otherwise the detected (or given) courier's own
policy (``resources/carriers.toml`` ``policy``); otherwise ``standard`` -- with a visible notice
when the courier is known but no reliable copy of its terms was found (the carrier's
``terms_note`` says so). Example: ``SF1234567890123`` with no ``policy`` -> ``sf``,
"按顺丰条款计算：单号识别为顺丰".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .carriers import Carrier, CarrierGuess
from .notes import Note, both
from .policies import Policy

if TYPE_CHECKING:
    from .case import Case
    from .catalog import Catalog

DEFAULT_POLICY = "standard"


@dataclass(frozen=True)
class PolicyChoice:
    policy: Policy
    chosen_by: str
    """``case`` (the case file names it), ``carrier`` (the courier's own terms) or
    ``fallback`` (standard: courier unknown or no terms on file)."""
    reason: Note
    carrier: Carrier | None = None

    @property
    def terms_missing(self) -> bool:
        """The courier is known but we hold no terms for it: shown as a notice."""
        return self.reason.code == "no_terms"


def choose_policy(case: Case, catalog: Catalog, guess: CarrierGuess) -> PolicyChoice:
    carrier = catalog.carriers.by_code.get(guess.code)
    carrier_name = both(carrier.name_zh, carrier.name_en) if carrier else both("", "")

    def named(policy: Policy) -> dict[str, str]:
        return both(policy.short_name("zh"), policy.short_name("en"))

    if case.policy is not None:
        policy = catalog.policy(case.policy)
        return PolicyChoice(policy, "case", Note("case", {"policy": named(policy)}), carrier)
    if carrier is not None and carrier.policy and carrier.policy in catalog.policies:
        policy = catalog.policies[carrier.policy]
        if guess.given:
            code = "carrier_given"
        elif len(guess.candidates) > 1:
            code = "carrier_guessed"
        else:
            code = "carrier_detected"
        params = {"policy": named(policy), "carrier": carrier_name}
        return PolicyChoice(policy, "carrier", Note(code, params), carrier)
    standard = catalog.policy(DEFAULT_POLICY)
    if carrier is None or carrier.code == "other" or not (guess.given or guess.candidates):
        return PolicyChoice(
            standard, "fallback", Note("unknown_carrier", {"policy": named(standard)}), None
        )
    params = {
        "policy": named(standard),
        "carrier": carrier_name,
        "note": both(carrier.terms_note("zh"), carrier.terms_note("en")),
    }
    return PolicyChoice(standard, "fallback", Note("no_terms", params), carrier)
