"""Phase 4: obligations that are due are answered, then carried out.

An obligation is decided by its clause's rule: automatically, by the obliged state alone, or by
a vote of a body's members who are not parties to the conflict. In strict mode pledges are kept
as written; in behavioural mode each decider honours with the probability of
:func:`sim.model.decisions.honour_probability`, given the :class:`Situation` it faces. What an
answer does is :mod:`sim.model.actions`' business.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sim.model import actions, players
from sim.model.agents import State
from sim.model.decisions import Situation, decide, honour_probability, vote_passes
from sim.model.forces import deploy
from sim.model.pacts import Obligation
from sim.model.records import RecordKind, Response
from sim.model.streams import Concern, keyed_uniform
from sim.model.wars import War
from sim.scenario.vocabulary import DecisionRule, PactAction, Toward

if TYPE_CHECKING:
    from sim.model.model import SahelModel

PRESSURE_SCALE = 3.0
"""Insurgent pressure at home is ``min(1, PRESSURE_SCALE × fighters / forces)``."""

AFFINITY_REGIME = 0.5
"""Affinity for a shared regime type (military or civilian) with the other party."""

AFFINITY_MEMBERSHIP = 0.5
"""Affinity for a shared organisation, in good standing, with the other party."""


def answer_due_obligations(model: SahelModel) -> None:
    """Phase 4: decide every obligation that is due, in the order they arose, and carry it out."""
    if not model.pending:
        return
    due = [ob for ob in model.pending if ob.due <= model.day]
    model.pending = [ob for ob in model.pending if ob.due > model.day]
    for ob in due:
        if ob.collective:
            decide_by_vote(model, ob)
        else:
            decide_alone(model, ob)


def situation(
    model: SahelModel,
    actor_id: str,
    victim: str,
    offenders: tuple[str, ...],
    war: War | None,
    toward: Toward = Toward.VICTIM,
    coalition: tuple[str, ...] = (),
    reserve: float = 0.0,
) -> Situation:
    """What an obliged actor weighs when deciding (see :mod:`sim.model.decisions`).

    For a measure against an offender (sanctions or intervention after a coup), affinity
    with the offender counts against acting, so the affinity term is reversed. ``coalition``
    names those who would act together (a body's members deciding a measure against an
    offender): their strength is on the victim's side when the expected cost is weighed.
    ``reserve`` is forces the actor would bring if it acted (an outside power's deployment held
    for its answer to a request): they count in its capacity.
    """
    actors = model.actors
    actor = actors[actor_id]
    against = toward is Toward.OFFENDER and bool(offenders)
    # Whom affinity is measured with: a junta faction counts as the state it holds.
    other = model.controlled(offenders[0]) if against else victim
    other_actor = actors.get(other)
    same_regime = (
        isinstance(actor, State)
        and isinstance(other_actor, State)
        and actor.regime == other_actor.regime
    )
    shared = any(
        actor_id in members and other in members
        for members in (model.memberships.active(o, model.date) for o in model.world.organisations)
    )
    affinity = AFFINITY_REGIME * same_regime + AFFINITY_MEMBERSHIP * shared
    if against:
        affinity = 1.0 - affinity
    if war is not None and war.ongoing and war.side_of(victim) is not None:
        victim_side = war.side_of(victim)
        enemy = sum(f * actors[a].spec.effectiveness for a, f in war.sides[1 - victim_side].items())
        friends = sum(f * actors[a].spec.effectiveness for a, f in war.sides[victim_side].items())
    else:
        enemy = sum(model.strength(o) for o in offenders if o in actors)
        # After a coup by the state's own army the victim (the overthrown order) has no forces
        # of its own: the junta is the enemy, never also a friend.
        friends = (
            model.home_strength(victim) if victim in actors and victim not in offenders else 0.0
        )
        # Those who would act together against the offender fight on the victim's side: a
        # member weighing force against a junta with the rest of its organisation does not
        # face it alone.
        friends += sum(
            model.strength(c)
            for c in coalition
            if c in actors and c not in offenders and c != victim
        )
    own = model.strength(actor_id) + reserve * actor.spec.effectiveness
    capacity = own / (own + enemy) if own + enemy > 0 else 0.5
    cost = enemy / (enemy + friends) if enemy + friends > 0 else 0.0
    fighters = model.fighters_in(actor_id)
    pressure = (
        min(1.0, PRESSURE_SCALE * fighters / actor.forces)
        if actor.forces > 0 and isinstance(actor, State)
        else 0.0
    )
    return Situation(actor.spec.resolve, affinity, capacity, cost, pressure, actor.reputation)


def decide_alone(model: SahelModel, ob: Obligation) -> None:
    """An obligation decided by the obliged actor itself (or carried out automatically)."""
    war = model.war_of(ob)
    actor = model.actors.get(ob.obliged)
    draw = keyed_uniform(
        model.seed,
        Concern.DECISION,
        ob.pact,
        ob.clause.id,
        ob.obliged,
        ob.victim,
        ob.trigger.day,
    )
    played = None
    # An outside power asked for help with a deployment of record held for its answer (Serval)
    held = model.held.get((ob.obliged, ob.victim), (0.0, None))[0] if ob.armed_request else 0.0
    if actor is None or ob.clause.decision is DecisionRule.AUTOMATIC:
        response, probability, terms, used = Response.HONOURED, 1.0, {}, None
    else:
        faced = situation(
            model, ob.obliged, ob.victim, ob.offenders, war, ob.clause.toward, reserve=held
        )
        decision = decide(
            faced,
            ob.clause.action,
            model.setup.commitment,
            draw,
            model.params,
            permitted=ob.permitted,
            invited=ob.invited,
        )
        response, probability, terms, used = (
            decision.response,
            decision.probability,
            decision.terms,
            decision.draw,
        )
        played = players.obligation_choice(model, ob, response, probability, terms)
        if played is not None:
            response = players.RESPONSE_OF[played]
    if actor is not None and not ob.permitted:  # declining a permission breaks no promise
        actor.obligations += 1
        actor.honoured += response is Response.HONOURED
    index = model.log(
        RecordKind.RESPONSE,
        ob.obliged,
        ob.victim,
        response=response.value,
        pact=ob.pact,
        pact_name=model.world.pact_names.get(ob.pact, ob.pact),
        clause=ob.clause.id,
        article=ob.clause.article,
        action=ob.clause.action.value,
        decision=ob.clause.decision.value,
        commitment=model.setup.commitment.value,
        probability=round(probability, 6),
        draw=None if used is None else round(used, 6),
        terms=terms,
        cause=ob.record,
        **_modality(ob),
        **players.mark(played),
    )
    if held and response is Response.HONOURED:  # the forces of record come with the help
        del model.held[(ob.obliged, ob.victim)]
        deploy(model, ob.obliged, ob.victim, held, cause=index)
    actions.carry_out(model, ob, ob.obliged, response, index, [ob.obliged])


def _modality(ob: Obligation) -> dict[str, str]:
    """What a record of a permitted measure says of it (nothing for a duty, the default)."""
    return {"modality": ob.clause.modality.value} if ob.permitted else {}


def voters(model: SahelModel, ob: Obligation) -> list[str]:
    """Members of the deciding body who are not parties to the conflict (nor back an offender)."""
    body = ob.clause.body or ob.obliged
    backing = model.backers_of(ob.offenders)
    return [
        m
        for m in model.memberships.active(body, model.date)
        if m in model.actors and m != ob.victim and m not in ob.offenders and m not in backing
    ]


def _beside(voter: str, eligible: list[str], toward: Toward) -> tuple[str, ...]:
    """Whom a member voting on a measure against an offender expects to act with.

    The body would act together, so a member weighs its cost beside the other voters, as a
    member pledging troops to the body's threat does (:func:`pledges`); its own strength is
    its capacity, not its friends'. Help to a victim is weighed as before, beside the victim.
    """
    if toward is not Toward.OFFENDER:
        return ()
    return tuple(m for m in eligible if m != voter)


def decide_by_vote(model: SahelModel, ob: Obligation) -> None:
    """An obligation decided by a body's members under the clause's rule.

    A counted vote (unanimity, majority, two thirds) draws each member's vote; a decision by
    consensus is one draw for the body against its members' mean probability, and names the
    members who were inclined to it: those whose own probability that draw fell below.
    """
    war = model.war_of(ob)
    body = ob.clause.body or ob.obliged
    eligible = voters(model, ob)
    yes = []
    chances = []
    played = []  # voters whose vote a player cast
    for voter in eligible:
        if model.strict:
            probability, votes = 1.0, True
        else:
            faced = situation(
                model,
                voter,
                ob.victim,
                ob.offenders,
                war,
                ob.clause.toward,
                _beside(voter, eligible, ob.clause.toward),
            )
            probability, _ = honour_probability(
                faced, ob.clause.action, model.params, permitted=ob.permitted
            )
            draw = keyed_uniform(
                model.seed,
                Concern.DECISION,
                ob.pact,
                ob.clause.id,
                voter,
                ob.victim,
                ob.trigger.day,
            )
            votes = draw < probability
        choice = players.vote_choice(model, ob, voter, votes, probability)
        if choice is not None:
            played.append(voter)
            votes = choice is players.Choice.YES
            probability = float(votes)
        chances.append(probability)
        if votes:
            yes.append(voter)
    consensus = {}
    if ob.clause.decision is DecisionRule.CONSENSUS:
        mean = sum(chances) / len(chances) if chances else 0.0
        draw = keyed_uniform(
            model.seed, Concern.DECISION, ob.pact, ob.clause.id, body, ob.victim, ob.trigger.day
        )
        passed = bool(chances) and draw < mean
        consensus = {"probability": round(mean, 6), "draw": round(draw, 6)}
        # Inclined are the members whose own chance the body's draw fell below, so that the
        # tally never contradicts the decision: none inclined never carries it, all never fail it.
        yes = [voter for voter, chance in zip(eligible, chances, strict=True) if draw < chance]
    else:
        passed = vote_passes(len(yes), len(eligible), ob.clause.decision)
    mean = consensus.get("probability")
    decided = players.body_choice(model, ob, passed, yes, eligible, mean)
    if decided is not None:  # the body's player decides, its members' votes before it
        passed = decided is players.Choice.YES
    response = Response.HONOURED if passed else Response.ABSTAINED
    index = model.log(
        RecordKind.VOTE,
        body,
        ob.victim,
        response=response.value,
        pact=ob.pact,
        pact_name=model.world.pact_names.get(ob.pact, ob.pact),
        clause=ob.clause.id,
        article=ob.clause.article,
        action=ob.clause.action.value,
        decision=ob.clause.decision.value,
        voters=eligible,
        yes=yes,
        chances=[round(c, 6) for c in chances],
        cause=ob.record,
        **consensus,
        **_modality(ob),
        **({"played": played} if played else {}),
        **({"decided": "player"} if decided is not None else {}),
    )
    # A consensus, or the body's played decision, binds the whole body; a counted vote sends
    # those who voted for it.
    acting = eligible if (consensus or decided is not None) and passed else yes
    actions.carry_out(model, ob, body, response, index, acting)


def pledges(
    model: SahelModel, key: str, body: str, target: str, deadline: int
) -> tuple[tuple[str, ...], dict[str, float], list[str]]:
    """Which members of ``body`` pledge troops to a threat of force it made naming none.

    An organisation's threat is carried by the members that send troops, and each decides for
    itself: ECOWAS's threats on record were carried by four or five of its members, Nigeria
    among them every time (Liberia 1990, Guinea-Bissau 2012, The Gambia 2017, Niger 2023;
    seeds/history/episodes.md), and Ghana declined to send troops against Gbagbo in January
    2011 (seeds/history/held-out.md). Each member in good standing that is not the target, the
    state a target junta holds or a backer of the target pledges with the chance it would vote
    for the measure: a permission, weighed against the target with the other members as its
    coalition (:func:`sim.model.decisions.honour_probability`). The strongest member leads and
    always pledges, unless its legislature or public refused force against the target: a threat
    the organisation made has a lead nation behind it. Strict mode takes every member at its
    word. A played member decides for itself, in either mode. Returns the members who pledged,
    every member's chance, and the members whose answer a player gave.
    """
    backing = model.backers_of((target,))
    held = model.controlled(target)  # a junta faction's state sends no troops against it
    members = tuple(
        m
        for m in model.memberships.active(body, model.date)
        if m in model.actors and m not in (target, held) and m not in backing
    )
    pledged, chances, played = [], {}, []
    # A member whose legislature or public refused force against the target does not lead.
    willing = [m for m in members if (m, target) not in model.refused]
    lead = max(willing, key=lambda m: (model.strength(m), m), default=None)
    for member in members:
        if model.strict:
            chance = 1.0
        else:
            others = tuple(m for m in members if m != member)  # its own strength is its capacity
            faced = situation(model, member, target, (target,), None, Toward.OFFENDER, others)
            chance, _ = honour_probability(
                faced, PactAction.INTERVENE, model.params, permitted=True
            )
        chances[member] = chance
        pledges_troops = (
            model.strict
            or member == lead
            or keyed_uniform(model.seed, Concern.DECISION, key, member, "pledge") < chance
        )
        choice = players.pledge_choice(model, key, member, body, target, deadline, pledges_troops)
        if choice is not None:
            played.append(member)
            pledges_troops = choice is players.Choice.YES
        if pledges_troops:
            pledged.append(member)
    return tuple(pledged), chances, played
