"""Phase 2: a threatener decides, each day of its window, whether to carry out its threat.

This is where deterrence lives: the threatener weighs its own strength against the coalition
it expects the target to have under the pacts in force, each ally counted by the chance that
it honours its pledge (Leeds 2003; Johnson & Leeds 2011).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from sim.model.decisions import honour_probability
from sim.model.pacts import Trigger, obligations_for
from sim.model.records import RecordKind
from sim.model.responses import situation
from sim.model.streams import Concern, keyed_uniform
from sim.model.threats import Threat
from sim.scenario.vocabulary import CasusFoederis, PactAction

if TYPE_CHECKING:
    from sim.model.model import SahelModel

RESOLVE_BASE = 0.5
"""The balance scales own strength by ``RESOLVE_BASE + resolve``: at resolve 0.5, face value."""

RESOLVE_WITHOUT_FORCES = 0.5
"""Resolve of a side with no forces (only guards a division by zero: its balance is 0 anyway)."""

ARMED_ALLY_WEIGHT = 1.0
"""An ally owing armed assistance counts in full (a ``support`` ally: ``support_ally_weight``)."""


def decide_attacks(model: SahelModel) -> None:
    """Phase 2: each open threat past its deadline is carried out today, or not."""
    for threat in model.threats:
        if not threat.open:
            continue
        if any(model.at_war(a, threat.target) for a in threat.attackers):
            threat.open = False  # carried out already (a scheduled attack, or a war)
            continue
        if model.day < threat.deadline:
            continue
        if model.day > threat.closes:
            threat.open = False
            model.log(
                RecordKind.STOOD_DOWN,
                threat.by,
                threat.target,
                threat=threat.key,
                cause=threat.record,
            )
            continue
        p_window, terms = assess_attack(model, threat)
        window = threat.closes - threat.deadline + 1
        hazard = 1.0 - (1.0 - p_window) ** (1.0 / window)
        draw = keyed_uniform(model.seed, Concern.INTENT, threat.key, model.day)
        if draw < hazard:
            threat.open = False
            index = model.log(
                RecordKind.ATTACK_DECIDED,
                threat.by,
                threat.target,
                threat=threat.key,
                probability=round(hazard, 6),
                window_probability=round(p_window, 6),
                draw=round(draw, 6),
                terms=terms,
                cause=threat.record,
            )
            model.start_war(threat.by, threat.target, threat.fighters, cause=index)


def assess_attack(model: SahelModel, threat: Threat) -> tuple[float, dict]:
    """Chance the threatener attacks within its window, with the terms behind it.

    The threatener compares its deployable strength (scaled by its resolve) with the
    coalition it expects: the target's home defence plus, for each actor obliged under a
    pact in force to help the target, its strength times the chance it honours (its
    credibility; 1 in strict mode). The log of that ratio against the superiority it
    wants, over the spread of its judgement, gives a normal probability.
    """
    p = model.params
    actors = model.actors
    attackers = [a for a in threat.fighters if a in actors]
    own = sum(model.strength(a) for a in attackers)
    weights = [actors[a].forces for a in attackers]
    resolve = (
        sum(w * actors[a].spec.resolve for w, a in zip(weights, attackers, strict=True))
        / sum(weights)
        if sum(weights) > 0
        else RESOLVE_WITHOUT_FORCES
    )
    target_strength = model.home_strength(threat.target) if threat.target in actors else 0.0
    backing = [
        b
        for b in (actors[threat.target].spec.backers if threat.target in actors else ())
        if b in actors and b not in attackers
    ]
    if backing:  # a belligerent's backers make it fight harder (as support does in a war)
        target_strength *= p.support_multiplier ** len(backing)
    expected = target_strength
    allies = {}
    hypothetical = Trigger(CasusFoederis.AGGRESSION, threat.target, tuple(attackers), model.day)
    for ob in obligations_for(hypothetical, model.book, model.date, model.day, model.actor_ids):
        if ob.collective or ob.obliged not in actors:
            continue
        if ob.clause.action not in (PactAction.ARMED_ASSISTANCE, PactAction.SUPPORT):
            continue
        if model.strict:
            credibility = 1.0
        else:
            faced = situation(model, ob.obliged, threat.target, tuple(attackers), None)
            credibility, _ = honour_probability(faced, ob.clause.action, p, permitted=ob.permitted)
        share = (
            ARMED_ALLY_WEIGHT
            if ob.clause.action is PactAction.ARMED_ASSISTANCE
            else p.support_ally_weight
        )
        contribution = p.deterrence_weight * credibility * share * model.strength(ob.obliged)
        expected += contribution
        allies[ob.obliged] = round(contribution, 1)
    ratio = own * (RESOLVE_BASE + resolve) / max(expected, 1.0)
    z = (math.log(max(ratio, 1e-9)) - math.log(p.required_superiority)) / p.intent_spread
    p_window = 0.5 * math.erfc(-z / math.sqrt(2))
    terms = {
        "own strength": round(own, 1),
        "resolve": round(resolve, 4),
        "target's home defence": round(target_strength, 1),
        **({"target's backers": backing} if backing else {}),
        "expected help to the target": allies,
        "expected opposition": round(expected, 1),
        "balance": round(ratio, 4),
        "required superiority": p.required_superiority,
    }
    return p_window, terms
