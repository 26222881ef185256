"""What a screenshot's timeline says that the case does not: the differences a seller should
look at before filing, worded in zh/en from ``resources/timeline/messages.toml``, and the
question the signer raises (seed 002: who signed, and did the buyer authorise them?).

Example: a case that says the buyer signed, against a page that says ``签收人：门卫代收``,
gives ``signer_not_buyer``: "案件写的签收人是买家本人，截图显示 门卫代收".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .carriers import CarrierBook
from .case import SHANGHAI, Case, Incident, SignerWho
from .timeline import SignerReading, Timeline, read_signer
from .timeline_rules import TimelineRules


@dataclass(frozen=True)
class Difference:
    """One thing the screenshot and the case disagree on. ``params`` are shown as they are,
    except ``case_carrier`` / ``screenshot_carrier`` (codes, named in the reader's language)
    and ``case_who`` (a `SignerWho` value, worded)."""

    code: str
    params: Mapping[str, str] = field(default_factory=dict)

    def text(self, rules: TimelineRules, carriers: CarrierBook, lang: str) -> str:
        shown = dict(self.params)
        for key in ("case_carrier", "screenshot_carrier"):
            if key in shown and shown[key] in carriers.by_code:
                shown[key] = carriers.by_code[shown[key]].name(lang)
        if "case_who" in shown:
            shown["case_who"] = rules.say("who", shown["case_who"], lang)
        return rules.say("differences", self.code, lang, **shown)


def _show(moment: datetime) -> str:
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _differ(typed: datetime, read: datetime, tolerance: timedelta) -> bool:
    """A typed time at midnight is a date without a time: only the day counts."""
    local = typed.astimezone(SHANGHAI)
    if (local.hour, local.minute, local.second) == (0, 0, 0):
        return local.date() != read.astimezone(SHANGHAI).date()
    return abs(typed - read) > tolerance


def compare_with_case(
    timeline: Timeline, case: Case, rules: TimelineRules
) -> tuple[Difference, ...]:
    """The differences, in the order a seller checks them: numbers, courier, times, signer."""
    found: list[Difference] = []
    tolerance = timedelta(minutes=rules.tolerance_minutes)
    case_numbers = "、".join(case.tracking_numbers)
    for number in timeline.tracking_numbers:
        if number not in case.tracking_numbers:
            found.append(Difference("number_not_in_case", {"number": number, "case": case_numbers}))
    if timeline.carrier and case.carrier and timeline.carrier != case.carrier:
        found.append(
            Difference(
                "carrier_differs",
                {"case_carrier": case.carrier, "screenshot_carrier": timeline.carrier},
            )
        )
    if timeline.posted_at and _differ(case.posted_at, timeline.posted_at, tolerance):
        found.append(
            Difference(
                "posted_differs",
                {"case": _show(case.posted_at), "screenshot": _show(timeline.posted_at)},
            )
        )
    signer = case.signer
    if timeline.signed_at:
        if signer is None or signer.signed_at is None:
            found.append(Difference("signed_missing", {"screenshot": _show(timeline.signed_at)}))
        elif _differ(signer.signed_at, timeline.signed_at, tolerance):
            found.append(
                Difference(
                    "signed_differs",
                    {"case": _show(signer.signed_at), "screenshot": _show(timeline.signed_at)},
                )
            )
        if case.incident is Incident.LOSS:
            params = {"screenshot": _show(timeline.signed_at)}
            if timeline.signer:
                found.append(
                    Difference("loss_but_signed_by", {**params, "signer": timeline.signer})
                )
            else:
                found.append(Difference("loss_but_signed", params))
    reading = read_signer(timeline, rules)
    if reading is not None:
        found.extend(_signer_differences(reading, case))
    if timeline.left_at_station and (signer is None or signer.placed_without_consent is None):
        found.append(Difference("station_unanswered", {"station": timeline.left_at_station}))
    return tuple(found)


def _signer_differences(reading: SignerReading, case: Case) -> list[Difference]:
    signer = case.signer
    if signer is None:
        return [Difference("signer_missing", {"signer": reading.text})]
    if signer.who is SignerWho.BUYER and reading.who == SignerWho.UNKNOWN.value:
        if (
            reading.category is None
            and signer.name
            and _compact(signer.name) == _compact(reading.text)
        ):
            return []  # the page shows the buyer's own name
        return [
            Difference("signer_not_buyer", {"case_who": signer.who.value, "signer": reading.text})
        ]
    if signer.who is not SignerWho.BUYER and reading.who == SignerWho.BUYER.value:
        return [
            Difference("signer_is_buyer", {"case_who": signer.who.value, "signer": reading.text})
        ]
    if reading.category is None and signer.name and _compact(signer.name) != _compact(reading.text):
        return [Difference("signer_name_differs", {"case": signer.name, "signer": reading.text})]
    return []


def signer_questions(timeline: Timeline, rules: TimelineRules, lang: str) -> tuple[str, ...]:
    """What to ask the buyer before filing: whether they authorised the person or place that
    signed (门卫, 前台, 驿站, 快递柜, 家人 ...), and whether they agreed to the station or
    locker the parcel was left at."""
    questions = []
    reading = read_signer(timeline, rules)
    if reading is not None and reading.ask_authorised:
        questions.append(rules.say("questions", "authorised", lang, signer=reading.text))
    if timeline.left_at_station:
        questions.append(
            rules.say("questions", "placement", lang, station=timeline.left_at_station)
        )
    return tuple(questions)
