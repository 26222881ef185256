"""An `Assessment` in words: notes rendered in one language, figures as exact strings.

Used by the CLI's JSON output, the wizard's result page and the claim form alike.
"""

from __future__ import annotations

from typing import Any

from .money import format_yuan
from .rules import Assessment, Note
from .texts import Texts


def render_note(texts: Texts, section: str, note: Note, lang: str) -> dict[str, str]:
    params = {key: _show(value) for key, value in note.params.items()}
    return {"code": note.code, "text": texts.get(section, note.code, lang, **params)}


def _show(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def assessment_to_dict(assessment: Assessment, texts: Texts, lang: str) -> dict[str, Any]:
    """The `seller-claims assess` output object (see docs/case-format.md, "Assessment")."""
    policy = assessment.policy
    return {
        "eligible": assessment.eligible,
        "amount": format_yuan(assessment.amount),
        "currency": "CNY",
        "fee_refund": format_yuan(assessment.fee_refund),
        "value_compensation": format_yuan(assessment.value_compensation),
        "actual_loss_claim": (
            None
            if assessment.actual_loss_claim is None
            else format_yuan(assessment.actual_loss_claim)
        ),
        "treatment": assessment.treatment,
        "basis": list(assessment.basis),
        "reasons": [render_note(texts, "reasons", n, lang) for n in assessment.reasons],
        "warnings": [render_note(texts, "warnings", n, lang) for n in assessment.warnings],
        "advice": [render_note(texts, "advice", n, lang) for n in assessment.advice],
        "steps": [render_note(texts, "steps", n, lang) for n in assessment.steps],
        "carrier": {
            "code": assessment.carrier.code,
            "candidates": list(assessment.carrier.candidates),
        },
        "policy": {
            "id": policy.id,
            "name": policy.name(lang),
            "source": policy.source,
            "url": policy.url,
            "as_of": policy.as_of.isoformat(),
            "verified": policy.verified,
        },
    }
