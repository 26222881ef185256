"""Shot lists: which evidence photos an incident needs (``resources/evidence/shot_lists.toml``)
and how complete a set of photos is."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from seller_app import paths
from seller_app.domain.case import Incident, PhotoKind


@dataclass(frozen=True)
class ShotList:
    incident: Incident
    required: tuple[PhotoKind, ...]
    recommended: tuple[PhotoKind, ...]


@dataclass(frozen=True)
class ShotListResult:
    """``score`` is the share of required kinds present (0..1); ``missing`` keeps file order."""

    score: float
    missing: tuple[PhotoKind, ...]
    required: tuple[PhotoKind, ...]


@cache
def shot_lists(resources: Path | None = None) -> Mapping[Incident, ShotList]:
    root = resources or paths.resources_dir()
    with (root / "evidence" / "shot_lists.toml").open("rb") as handle:
        data = tomllib.load(handle)
    lists = {}
    for incident in Incident:
        entry = data[incident.value]
        lists[incident] = ShotList(
            incident=incident,
            required=tuple(PhotoKind(kind) for kind in entry["required"]),
            recommended=tuple(PhotoKind(kind) for kind in entry.get("recommended", ())),
        )
    return lists


def score(incident: Incident, kinds: Iterable[PhotoKind]) -> ShotListResult:
    """``score(Incident.DAMAGE, [OUTER_PACKAGE, WAYBILL_LABEL])`` -> 0.5, missing the close-up
    of the damage and the inner packing. An empty required list scores 1."""
    shot_list = shot_lists()[incident]
    have = set(kinds)
    missing = tuple(kind for kind in shot_list.required if kind not in have)
    required = shot_list.required
    value = 1.0 if not required else (len(required) - len(missing)) / len(required)
    return ShotListResult(score=value, missing=missing, required=required)
