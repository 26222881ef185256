"""Everything the domain reads from its data files, loaded once from a resources directory.

The caller says where the directory is (``seller_app.paths.resources_dir()`` in the app), so the
domain never needs to know whether it runs from a checkout, a wheel or a frozen build.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .carriers import CarrierBook
from .errors import CaseError
from .policies import Policy, policy_from_data
from .texts import Texts


def _read_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _read_clauses(resources: Path) -> dict[str, Any]:
    """``clauses.toml`` plus the topic files ``clauses_*.toml`` beside it (the follow-up
    clauses live in one); an id in both keeps the main file's entry."""
    clauses = _read_toml(resources / "clauses.toml")
    for path in sorted(resources.glob("clauses_*.toml")):
        for clause_id, entry in _read_toml(path).items():
            clauses.setdefault(clause_id, entry)
    return clauses


@dataclass(frozen=True)
class Catalog:
    root: Path
    policies: dict[str, Policy]
    carriers: CarrierBook
    texts: Texts

    @classmethod
    def load(cls, resources: Path) -> Catalog:
        policies = {}
        for path in sorted((resources / "policies").glob("*.toml")):
            policy = policy_from_data(_read_toml(path))
            policies[policy.id] = policy
        return cls(
            root=resources,
            policies=policies,
            carriers=CarrierBook.from_data(_read_toml(resources / "carriers.toml")),
            texts=Texts(_read_toml(resources / "texts.toml"), _read_clauses(resources)),
        )

    def policy(self, policy_id: str) -> Policy:
        try:
            return self.policies[policy_id]
        except KeyError:
            raise CaseError(
                "policy", "unknown_policy", value=policy_id, allowed=" | ".join(self.policies)
            ) from None
