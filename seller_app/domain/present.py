"""An `Assessment` in words: notes rendered in one language, figures as exact strings.

Used by the CLI's JSON output, the wizard's result page and the claim form alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .money import format_yuan
from .rules import Assessment, Note
from .texts import Texts


def render_note(texts: Texts, section: str, note: Note, lang: str) -> dict[str, str]:
    params = {key: _show(value, lang) for key, value in note.params.items()}
    return {"code": note.code, "text": texts.get(section, note.code, lang, **params)}


def _show(value: Any, lang: str = "zh") -> str:
    if isinstance(value, Mapping):  # a value in both languages: {"zh": ..., "en": ...}
        return str(value.get(lang, ""))
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def policy_reason(assessment: Assessment, texts: Texts, lang: str) -> str:
    """Which terms and why: "按顺丰条款计算：单号识别为顺丰"."""
    choice = assessment.policy_choice
    if choice is None:
        return assessment.policy.name(lang)
    return render_note(texts, "policy_choice", choice.reason, lang)["text"]


def claim_to_dict(assessment: Assessment, texts: Texts, lang: str) -> dict[str, Any]:
    """The figure the claim form asks for, its basis and one sentence on why."""
    claim = assessment.claim
    assert claim is not None
    return {
        "basis": claim.basis.value,
        "amount": format_yuan(claim.amount),
        "fee": format_yuan(claim.fee),
        "goods": format_yuan(claim.goods),
        "chosen_by": claim.chosen_by,
        "why": render_note(texts, "claim", claim.reason, lang)["text"],
        "clauses": list(claim.clauses),
    }


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
        "claim": claim_to_dict(assessment, texts, lang),
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
            "as_of": policy.as_of.isoformat() if policy.as_of else None,
            "read_at": policy.read_at.isoformat() if policy.read_at else None,
            "verified": policy.verified,
            "chosen_by": assessment.policy_choice.chosen_by if assessment.policy_choice else "case",
            "why": policy_reason(assessment, texts, lang),
        },
    }
