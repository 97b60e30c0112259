"""Short titles of events for figures: "Threat: ECOWAS → Niger", not "ecowas-threat".

A figure marks a scenario's dated events on its time axes, and the timeline of a replicate
with no war lists what happened instead; both need a few words per event, in English or in
French, that a reader understands without the scenario file. Ids never reach a figure: a title
names the kind of event and the actors, by their names in the language of the figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sim.present.i18n import actor_name, date_text
from sim.scenario.facts import fact_base

TITLES: dict[str, dict[str, str]] = {
    "coup": {"en": "Coup in {actor}", "fr": "Coup d'État : {actor}"},
    "threat": {"en": "Threat: {actor} → {target}", "fr": "Menace : {actor} → {target}"},
    "attack": {"en": "Attack: {actor} → {target}", "fr": "Attaque : {actor} → {target}"},
    "sanctions": {"en": "Sanctions: {actor} → {target}", "fr": "Sanctions : {actor} → {target}"},
    "pact_signed": {"en": "Pact signed: {actor}", "fr": "Pacte signé : {actor}"},
    "pact_suspended": {"en": "Pact suspended: {actor}", "fr": "Pacte suspendu : {actor}"},
    "pact_withdrawn": {
        "en": "Notice of withdrawal: {actor}, {target}",
        "fr": "Préavis de retrait : {actor}, {target}",
    },
    "deployment": {"en": "{actor} deploys to {target}", "fr": "Déploiement : {actor} → {target}"},
    "departure": {"en": "{actor} leaves {target}", "fr": "Départ : {actor} ({target})"},
    "ceasefire": {"en": "Ceasefire: {actor}", "fr": "Cessez-le-feu : {actor}"},
    "insurgent_offensive": {
        "en": "Offensive: {actor} in {target}",
        "fr": "Offensive : {actor} ({target})",
    },
    "endorsement": {
        "en": "{actor} takes a stand on {target}",
        "fr": "Prise de position : {actor} ({target})",
    },
    "domestic_refusal": {
        "en": "Force refused at home: {actor}",
        "fr": "Recours à la force refusé : {actor}",
    },
    "third_party_force": {
        "en": "Force used on its own: {actor} → {target}",
        "fr": "Force employée de façon autonome : {actor} → {target}",
    },
    "response": {"en": "{actor} answers {target}", "fr": "Réponse : {actor} → {target}"},
    "request": {
        "en": "{actor} asks {target} for help",
        "fr": "Demande d'aide : {actor} → {target}",
    },
    "membership": {
        "en": "Membership change: {actor}, {target}",
        "fr": "Changement d'adhésion : {actor}, {target}",
    },
    "attack_decided": {
        "en": "{actor} decides to attack {target}",
        "fr": "Décision d'attaquer : {actor} → {target}",
    },
    "stood_down": {"en": "{actor} stands down", "fr": "Renoncement à l'attaque : {actor}"},
    "policed": {"en": "{actor} polices", "fr": "Mesures de police : {actor}"},
    "deadline_passed": {
        "en": "Deadline passes: {actor} → {target}",
        "fr": "Échéance passée : {actor} → {target}",
    },
    "entered_war": {"en": "{actor} enters the war", "fr": "Entrée en guerre : {actor}"},
    "withdrew": {"en": "{actor} goes home", "fr": "Retrait : {actor}"},
    "conceded": {"en": "{actor} gives in", "fr": "Concession : {actor}"},
    "incident": {"en": "Incident: {actor} → {target}", "fr": "Incident : {actor} → {target}"},
    "rebellion": {"en": "Armed rebellion: {target}", "fr": "Rébellion armée : {target}"},
    "war_started": {"en": "War: {actor} → {target}", "fr": "Guerre : {actor} → {target}"},
    "war_ended": {"en": "War ends", "fr": "Fin de la guerre"},
    "war_resumed": {"en": "War resumes", "fr": "Reprise de la guerre"},
}
"""A title per kind of scenario event or event record, with ``{actor}`` and ``{target}``."""
# A scenario event and the record it writes are titled alike.
TITLES["stance"] = TITLES["endorsement"]
TITLES["refusal"] = TITLES["domestic_refusal"]

OTHER = {"en": "Scheduled event", "fr": "Événement prévu"}

# Which fields of a scenario event name its actor and its target.
_PARTIES = {
    "coup": ("state", None),
    "pact_signed": ("pact", None),
    "pact_suspended": ("pact", None),
    "pact_withdrawn": ("state", "pact"),
    "deployment": ("power", "host"),
    "departure": ("power", "host"),
    "ceasefire": ("between", None),
    "insurgent_offensive": ("group", "country"),
    "endorsement": ("body", "target"),
    "domestic_refusal": ("state", "target"),
    "third_party_force": ("party", "target"),  # or a body's mandated force: see below
    "membership": ("state", "organisation"),
    "request": ("by", "to"),
}


def _name(value: object, lang: str) -> str:
    if isinstance(value, list):
        return ", ".join(_name(v, lang) for v in value)
    if not value:
        return ""
    pact = fact_base().pacts.get(str(value))
    if pact is None:
        return actor_name(str(value), lang)
    name = pact.name_fr if lang == "fr" and pact.name_fr else pact.name
    return name.split(" (")[0]  # the name without its gloss: figures have little room


def title(kind: str, actor: object, target: object, lang: str = "en") -> str:
    """The title of an event of ``kind`` between ``actor`` and ``target`` (names or ids)."""
    template = TITLES.get(kind, OTHER)[lang]
    return template.format(actor=_name(actor, lang), target=_name(target, lang))


def scenario_event_title(event: dict, lang: str = "en") -> str:
    """The title of one event of a scenario document (``events:`` entry)."""
    kind = str(event.get("kind", ""))
    if kind == "event" and event.get("what"):
        kind = str(event["what"])
    actor_key, target_key = _PARTIES.get(kind, ("by", "target"))
    target = event.get(target_key) if target_key else None
    actor = event.get(actor_key) or event.get("body")  # a third party may be a body
    return title(kind, actor, target, lang)


def record_title(record: dict, lang: str = "en") -> str:
    """The title of one event record of ``events.jsonl`` (a replicate's history)."""
    kind = str(record.get("kind", ""))
    if kind == "event" and record.get("what"):
        kind = str(record["what"])
    if kind == "stood_down" and record.get("policed") is not None:
        kind = "policed"  # a strike answered by policing, not an attack given up
    if kind == "request":  # its target is the enemy; the title names who was asked
        return title(kind, record.get("actor"), record.get("asked"), lang)
    return title(kind, record.get("actor"), record.get("target"), lang)


def merge_close(
    marks: Iterable[tuple[float, str]], distance: float
) -> list[tuple[float, list[str]]]:
    """Marks nearer than ``distance`` (in axis units) to the previous one share one label.

    Returns (position of the group's first mark, titles in date order) per group; a title
    repeated within a group is written once.
    """
    groups: list[tuple[float, list[str]]] = []
    last = None
    for x, text in sorted(marks, key=lambda m: m[0]):
        if last is not None and x - last < distance and groups:
            if text not in groups[-1][1]:
                groups[-1][1].append(text)
        else:
            groups.append((x, [text]))
        last = x
    return groups


def dated_line(day: dt.date, text: str, lang: str = "en") -> str:
    """A dated line, as the narrative writes them: "18 Sep 2023 — Threat: ECOWAS → Niger"."""
    return f"{date_text(day, lang)} — {text}"
