"""Phase 2: coercion. A threatened target may give in; a threatener may carry out its threat.

The use of force is a choice weighed each day, not a fixed chance spread over a window: the
balance against the coalition the threatener expects (deterrence: Leeds 2003; Johnson & Leeds
2011), the losses and the length of war it expects from the model's own combat (Fearon 1995;
Slantchev 2003), what a war already on the target's soil puts at stake for its neighbours
(Kathman 2011), the stands of the AU and
the UN, refusals at home and others' use of force against the target (buck-passing: Christensen
& Snyder 1990) make its readiness; from the deadline on it attacks each day with a
chance proportional to that readiness, so a threat held open longer is likelier to be carried
out. The deadline itself is the focal day: on it the threatener does as it said with a chance
equal to its readiness (Schelling 1966, on ultimatums). From the deadline on, a credible threat
against an irresolute target makes the target give in (Schelling 1966); before it, the target
holds out (Sechser 2010).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from sim.model import players
from sim.model.agents import Belligerent
from sim.model.combat import guerrilla_expectation, square_law_closed_form
from sim.model.decisions import honour_probability
from sim.model.pacts import Trigger, obligations_for
from sim.model.records import RecordKind
from sim.model.responses import situation
from sim.model.streams import Concern, keyed_uniform
from sim.model.termination import breaking_share
from sim.model.threats import Threat
from sim.model.wars import scaled_support
from sim.scenario.vocabulary import CasusFoederis, PactAction, Regime

if TYPE_CHECKING:
    from sim.model.model import SahelModel

RESOLVE_BASE = 0.5
"""The balance scales own strength by ``RESOLVE_BASE + resolve``: at resolve 0.5, face value."""

RESOLVE_WITHOUT_FORCES = 0.5
"""Resolve of a side with no forces (only guards a division by zero: its balance is 0 anyway)."""

MAX_EXPECTED_DAYS = 3650.0
"""A war expected to last longer is weighed as ten years (a stalemate's cost is bounded)."""

ARMED_ALLY_WEIGHT = 1.0
"""An ally owing armed assistance counts in full (a ``support`` ally: ``support_ally_weight``)."""


def decide_attacks(model: SahelModel) -> None:
    """Phase 2: from its deadline on, each open threat is heeded, carried out or left to lapse.

    Before the deadline nothing is decided (a played target may give in early). From it, the
    threatener's readiness (:func:`assess_attack`) is judged each day: the target may give in
    (:func:`concedes`); on the deadline the threatener attacks with a chance equal to its
    readiness, after it with a daily chance of ``attack_rate`` times its readiness, until the
    window closes and it stands down. A victim weighing war after an incident, which threatened
    nothing, has both chances times ``incident_escalation``; one struck by an armed group weighs
    a limited offensive instead, at its readiness alone, which it fights for ``offensive_days``,
    if it chose on the first day, at a chance of ``offensive_share``, to answer with one rather
    than by policing (docs/model.md §7.11).
    """
    for threat in model.threats:
        if not threat.open:
            continue
        if any(model.at_war(a, threat.target) for a in threat.attackers):
            threat.open = False  # carried out already (a scheduled attack, or a war)
            continue
        if model.day > threat.closes:
            # What it weighed when it let the window close: the story says why it stood down.
            stand_down(model, threat, *assess_attack(model, threat))
            continue
        before = model.day < threat.deadline
        if before and (threat.retaliation or threat.target not in model.players):
            continue  # nothing is decided before the deadline, unless a player gives in early
        readiness, terms = assess_attack(model, threat)
        partners = () if threat.retaliation else partners_in_arms(model, threat)
        if not threat.retaliation and concedes(model, threat, readiness, partners, terms):
            continue
        if before:
            continue
        # The deadline is the focal day (Schelling 1966): the threatener decides then whether to
        # do as it said, with its readiness; past it, it reconsiders at ``attack_rate`` a day.
        focal = model.day == threat.deadline
        played, chose = None, {}
        if threat.offensive:
            # Whether a state struck by armed groups answers with an offensive at all, rather
            # than by policing, is drawn once, the first day it could answer: what decides it
            # in the record (strikers gone abroad, hostages at risk) is not in the format (§7.11).
            # Keyed by the threat alone, it is the same draw each day a player kept it open.
            share = model.params.offensive_share
            answer = keyed_uniform(model.seed, Concern.INTENT, threat.key, "answer")
            if answer >= share:
                chose = {"share": share, "draw": round(answer, 6)}
                played = players.attack_choice(model, threat, False, readiness, terms, chose)
                if played in (None, players.Choice.STAND_DOWN):
                    stand_down(
                        model, threat, readiness, terms, policed=share, draw=chose["draw"],
                        **players.mark(played),
                    )  # fmt: skip
                    continue
        # A victim of an incident made no threat to honour: most incidents never become wars
        # (militarized disputes: Jones, Bremer & Singer 1996), whatever the balance.
        # An armed group that struck is answered by a limited offensive, which is no escalation
        # of a dispute between states: readiness alone decides it (§7.11).
        escalated = threat.retaliation and not threat.offensive
        escalation = model.params.incident_escalation if escalated else 1.0
        daily = model.params.attack_rate * readiness * escalation
        hazard = readiness * escalation if focal else daily
        draw = keyed_uniform(model.seed, Concern.INTENT, threat.key, model.day)
        if played is None:  # (a player who overrode the choice of policing has answered)
            played = players.attack_choice(model, threat, draw < hazard, readiness, terms)
        if played is players.Choice.STAND_DOWN:  # a player gives up before the window closes
            stand_down(model, threat, readiness, terms, played=True)
            continue
        weighed = {
            "threat": threat.key,
            "probability": round(hazard, 6),
            "readiness": round(readiness, 6),
            **({"escalation": escalation} if escalated else {}),
            **(
                {"offensive": int(model.params.offensive_days), "soil": threat.soil}
                if threat.offensive
                else {}
            ),
            "draw": round(draw, 6),
            "terms": terms,
            "cause": threat.record,
            # a player who overrode the model's choice of policing: the story says it was that
            **({"policed": chose["share"], "policed_draw": chose["draw"]} if chose else {}),
        }
        # Say so only when they, not the odds, held the target back (a player chooses itself).
        held = partners and threat.target not in model.players
        if held and concession_chance(model, threat, readiness) > 0:
            weighed["partners"] = list(partners)  # the story tells it on the focal day
        if draw < hazard if played is None else played is players.Choice.ATTACK:
            threat.open = False
            index = model.log(
                RecordKind.ATTACK_DECIDED,
                threat.by,
                threat.target,
                **weighed,
                **({"deadline": True} if focal else {}),
                **players.mark(played),
            )
            # Those already fighting the war it joins fight it for their own reasons.
            joined = (
                model.war_joined(threat.fighters, threat.target, threat.soil)
                if threat.offensive
                else None
            )
            fighting = set(joined.members()) if joined is not None else set()
            count = len(model.wars)
            war = model.start_war(
                threat.by,
                threat.target,
                threat.fighters,
                cause=index,
                pledged_by=threat.pledged_by,
                soil=threat.soil,  # empty unless an offensive
            )
            if war is not None:
                threat.war = war.id
                if threat.offensive:
                    model.launch_offensive(war, threat.by, fighting, new=len(model.wars) > count)
        elif focal:
            # The day the class is told to watch: say that it came, what was weighed and what
            # remains (a smaller daily chance until the window closes), not only silence.
            model.log(
                RecordKind.DEADLINE_PASSED,
                threat.by,
                threat.target,
                **weighed,
                daily=round(daily, 6),
                closes=threat.closes,
                **players.mark(played),
            )


def stand_down(model: SahelModel, threat: Threat, readiness: float, terms: dict, **mark) -> None:
    """Close the threat without carrying it out, recording what the threatener weighed."""
    threat.open = False
    model.log(
        RecordKind.STOOD_DOWN,
        threat.by,
        threat.target,
        threat=threat.key,
        readiness=round(readiness, 6),
        terms=terms,
        cause=threat.record,
        **mark,
    )


def concedes(
    model: SahelModel,
    threat: Threat,
    readiness: float,
    partners: tuple[str, ...] = (),
    terms: dict | None = None,
) -> bool:
    """Whether the target gives in today (a junta accepts a transition, a ruler steps down).

    The target holds out until the deadline, the day the threat must be believed or called
    (Schelling 1966); giving in to a stronger challenger invites its next demand (Sechser 2010).
    No target of the training episodes gave in earlier: Guinea-Bissau's junta agreed to a
    transition in May 2012, weeks after the ultimatum that ran out on 29 April; Jammeh (January
    2017) and Niger's junta (August 2023) let theirs pass. So a threat made early is no likelier
    to be heeded than one made days before its deadline. A played target may still give in on
    any day.

    From the deadline on, the daily chance is ``concession_rate`` times the threat's
    credibility (the threatener's readiness) times ``2 × (1 − resolve)`` of the target, capped
    at 1: a credible threat against an irresolute target is the one that works (Schelling 1966;
    Fearon 1995). An incumbent who will not hand over after losing an election concedes his
    office, not a timetable, and fears what follows its loss: his chance is
    ``handover_concession_factor`` of that (Goemans 2008; Debs & Goemans 2010). A target that
    gives in ends the threat; a military regime that gives in becomes transitional, and an
    incumbent who gives in hands over.

    Only a state's government can give in: what it concedes is the state (a transition, a
    handover). A belligerent, a rebel army or an army faction with fighters of its own, has no
    state to hand over; it is fought or brought to talks (the NPFL in 1990, and the AFRC junta,
    which signed the Conakry plan of October 1997 and did not keep it). Nor can a government
    give in alone while ``partners``, belligerents sworn to fight beside it, have a say
    (:func:`partners_in_arms`): its chance is then 0 (a played target still chooses).
    ``terms``: the threatener's judgement (:func:`assess_attack`), which a played target sees.
    """
    state = model.state(threat.target)
    if state is None:
        return False
    chance = 0.0 if partners else concession_chance(model, threat, readiness)
    draw = (
        keyed_uniform(model.seed, Concern.INTENT, threat.key, model.day, "concede")
        if chance > 0
        else 1.0
    )
    played = players.concession_choice(
        model, threat, chance, draw < chance, terms=terms or {}, partners=partners
    )
    if draw >= chance if played is None else played is players.Choice.DEFY:
        return False
    threat.open = False
    transition = state.regime is Regime.MILITARY
    if transition:
        state.regime = Regime.TRANSITIONAL
    state.holds_on = False
    model.log(
        RecordKind.CONCEDED,
        threat.target,
        threat.by,
        threat=threat.key,
        probability=round(chance, 6),
        draw=round(draw, 6),
        cause=threat.record,
        **({"transition": True} if transition else {}),
        **players.mark(played),
    )
    return True


def concession_chance(model: SahelModel, threat: Threat, readiness: float) -> float:
    """The target state's chance of giving in today, before any partner's say (see concedes)."""
    state = model.state(threat.target)
    if state is None or model.day < threat.deadline:
        return 0.0
    chance = min(1.0, model.params.concession_rate * readiness * 2 * (1 - state.spec.resolve))
    if state.holds_on:
        chance *= model.params.handover_concession_factor
    return chance


def sworn_beside(model: SahelModel, target: str, attackers) -> list[Belligerent]:
    """Belligerents sworn to fight beside ``target``, with forces, that are not attacking it."""
    return [
        b
        for b in model.belligerents
        if target in b.spec.fights_beside and b.id not in attackers and b.forces > 0
    ]


def sworn_beside_any(model: SahelModel, parties) -> list[Belligerent]:
    """Belligerents sworn to fight beside any of ``parties``, and theirs in turn.

    Those not among ``parties`` that would join a war beside them (:meth:`SahelModel.backed`).
    """
    found: list[Belligerent] = []
    seen = set(parties)
    frontier = set(parties)
    while frontier:
        new = [
            b
            for b in model.belligerents
            if b.id not in seen and frontier & set(b.spec.fights_beside)
        ]
        found += new
        seen |= {b.id for b in new}
        frontier = {b.id for b in new}
    return found


def partners_in_arms(model: SahelModel, threat: Threat) -> tuple[str, ...]:
    """The belligerents sworn beside a threatened state's government, whose consent it needs.

    A settlement ends a civil war only if every party able to block it accepts it (Cunningham
    2006, "Veto players and civil war duration", American Journal of Political Science 50(4)).
    The model carries that to a government facing an outside threat: a rebel army or militia
    sworn to fight beside it (``fights_beside``) would fight on, and the model's belligerents
    never give in to a threat (:func:`concedes`), so the government cannot give in alone. The
    AFRC junta shared power with the RUF from 1 June 1997 (Sankoh its deputy chairman:
    seeds/history/episodes.md); it defied Nigeria's demand, and signed the Conakry plan of
    October 1997 without keeping it. A partner written with no forces has no say; a target that
    is not a state has no partners.
    """
    if model.state(threat.target) is None:
        return ()
    return tuple(b.id for b in sworn_beside(model, threat.target, threat.fighters))


def expected_losses(
    own: float, enemy: float, own_break: float, enemy_break: float
) -> tuple[float, bool]:
    """The share of its forces an attacker expects to lose, and whether it expects to win.

    By the model's own combat (phase 6) with equal kill rates: the square law's invariant
    ``own² − enemy²`` holds until one side has lost its breaking share (phase 8); the attacker
    loses what the invariant leaves when the defender breaks, or its own breaking share if it
    breaks first.
    """
    if own <= 0:
        return 1.0, False
    if enemy <= 0:
        return 0.0, True
    enemy_left = enemy * (1 - enemy_break)
    left_squared = own * own - enemy * enemy + enemy_left * enemy_left
    if left_squared > 0:
        lost = 1 - math.sqrt(left_squared) / own
        if lost < own_break:
            return lost, True
    return own_break, False


def days_to_fall(strength: float, enemy: float, share: float, rate: float) -> float:
    """Days until a side of ``strength`` has lost ``share`` of it, by the square law.

    Solves ``A(t) = A₀ cosh(kt) − B₀ sinh(kt) = A₀(1 − share)`` with equal kill rates ``k``
    (phase 6 without its daily noise); infinite if the side never falls that far.
    """
    if strength <= 0 or share <= 0:
        return 0.0
    if enemy <= 0 or rate <= 0:
        return math.inf
    left = strength * (1 - share)
    spread = left * left - (strength * strength - enemy * enemy)
    if spread < 0:
        return math.inf
    if strength == enemy:
        x = strength / left if left > 0 else math.inf
    else:
        x = (left - math.sqrt(spread)) / (strength - enemy)
    return math.log(x) / rate if x > 1 else 0.0


def expected_days(
    own: float, enemy: float, own_break: float, enemy_break: float, rate: float
) -> float:
    """How long an attacker expects the war to last: until the first side breaks (phase 8)."""
    return min(
        days_to_fall(own, enemy, own_break, rate), days_to_fall(enemy, own, enemy_break, rate)
    )


def guerrilla_quality(
    model: SahelModel,
    joined,
    threat,
    attackers: list[str],
    sworn: list[str],
    own: float,
    front: float,
) -> float | None:
    """The fighting quality of the side a threat would fight guerrillas with, or ``None``.

    ``None`` unless the war it would be fought in is a guerrilla war against the target
    (§7.6): the war under way it would join, on the government's side against the guerrillas,
    or the war a government would start against its own rebels who fight as guerrillas, with
    all who are ``sworn`` to fight beside them (:func:`sworn_beside`), and are the weaker
    (``front``, their strength and their sworn allies', against ``own``, the attackers' with
    those already fighting the target). The quality is that side's effective strength per
    soldier, the attackers' joined to those already at the front.
    """
    actors = model.actors
    strength = sum(actors[a].deployable * actors[a].spec.effectiveness for a in attackers)
    fighters = sum(actors[a].deployable for a in attackers)
    if joined is not None:
        side = joined.side_of(threat.target)
        if side is None or joined.guerrillas != side:
            return None
        strength += model.side_strength(joined, 1 - side)
        fighters += sum(joined.sides[1 - side].values())
    else:
        if not (model.guerrillas_against((threat.target, *sworn), threat.by) and front < own):
            return None
    return strength / fighters if fighters > 0 else 0.0


def offensive_expectation(
    own: float, enemy: float, quality: float | None, rate: float, days: int
) -> tuple[float, bool]:
    """What a side expects of a limited offensive that no side breaks within ``days`` days.

    The share of its forces it expects to lose in those days, by the model's own combat
    without its noise at equal rates, and whether it expects to be the stronger at the front
    when the offensive ends (:func:`sim.model.termination.end_offensives`). Against guerrillas
    (``quality``, the side's effective strength per soldier; ``None`` for the square law), who
    lose a share ``rate × quality`` of themselves each day, the side loses what their aimed
    fire takes: ``enemy × (1 − e^(−rate·quality·days)) / (quality × own)``; guerrillas are the
    weaker side, so it expects to drive them off.
    """
    if own <= 0:
        return 1.0, False
    if enemy <= 0:
        return 0.0, True
    if quality is not None:
        worn = enemy / (quality * own)
        return min(1.0, worn * -math.expm1(-rate * quality * days)), True
    left, their = square_law_closed_form(own, enemy, rate, rate, days)
    return min(1.0, max(0.0, 1 - left / own)), left > their


def stakes(model: SahelModel, theatre: str, sent: dict[str, float]) -> float:
    """What a war already fought on ``theatre``'s soil puts at stake for the threateners, in [0, 1].

    The share of their strength from states bordering it, if a war is fought there today, else
    0: a neighbour's war sends refugees, fighters and arms across the border, and neighbours
    are the states that intervene to contain it (Kathman 2011, "Civil war diffusion and
    regional motivations for intervention", Journal of Conflict Resolution 55(6)).
    """
    total = sum(sent.values())
    if total <= 0 or not model.wars_ongoing:
        return 0.0
    if not any(
        w.ongoing and theatre in (model.controlled(w.leaders[0]), model.controlled(w.leaders[1]))
        for w in model.wars
    ):
        return 0.0
    near = sum(
        f
        for a, f in sent.items()
        if model.state(a) is not None and theatre in model.actors[a].spec.neighbours
    )
    return near / total


def co_belligerents(model: SahelModel, target: str, attackers: list[str]) -> dict[str, float]:
    """Who already fights a belligerent target, with the strength they have at its front.

    An attack on a belligerent at war joins that war on the other side, so its present enemies
    fight beside the threatener (their committed forces, effectiveness and aid; one decimal).
    """
    if not isinstance(model.actors.get(target), Belligerent) or not model.wars_ongoing:
        return {}
    for war in model.wars:
        side = war.side_of(target) if war.ongoing else None
        if side is not None:
            return {
                a: round(f * model.actors[a].spec.effectiveness * war.aid[1 - side], 1)
                for a, f in war.sides[1 - side].items()
                if a not in attackers and a in model.actors
            }
    return {}


def acting_against(model: SahelModel, target: str, threateners: set[str]) -> list[str]:
    """The outside parties using force on their own against ``target`` today.

    A party among the threateners is not a third party: it cannot pass the buck to itself.
    """
    return [
        party
        for party, against in model.strikes_today()
        if against == target and party not in threateners
    ]


def buck_passing(acting: list[str], weight: float) -> float:
    """How far a threatener's judgement (z) falls while others use force against its target.

    Buck-passing (Christensen & Snyder 1990, "Chain gangs and passed bucks", International
    Organization 44(2)): a state that can let others bear the cost of force holds back. France's
    Licorne force and UNOCI struck Gbagbo's heavy weapons from 4 Apr 2011; ECOWAS, which had
    threatened "legitimate force" on 24 Dec 2010, never used it. Who else acts, not how many:
    a second party does not pass the buck twice, so the fall is ``weight`` or nothing.
    """
    return weight if acting else 0.0


def confident(model: SahelModel, sent: dict[str, float], refused: list[str]) -> set[str]:
    """The fighters that count their own strength ``junta_confidence`` times (none at 1).

    States ruled by the military (the regime in force in the run: the fact base's on the start
    date, as a coup or a concession has changed it since), unless force was refused at home, a
    constraint the junta heard.
    """
    if model.params.junta_confidence == 1:
        return set()
    return {
        a
        for a in sent
        if getattr(model.actors[a], "regime", None) is Regime.MILITARY and a not in refused
    }


def military_share(sent: dict[str, float], ruled: set[str]) -> float:
    """The share of the strength a threatener commits that comes from states under military rule.

    Weeks (2012, "Strongmen and Straw Men", American Political Science Review 106(2)): the
    officers who are a junta's audience judge force more effective than a civilian regime's
    audience does, and no legislature or electorate can refuse it a war abroad, so juntas
    initiate conflicts more readily. Such a state counts its own strength ``junta_confidence``
    times in its judgement (not in combat). Nigeria's military rulers led ECOMOG into Liberia
    (1990) and attacked Sierra Leone's junta (1997) ahead of a reluctant ECOWAS.
    """
    total = sum(sent.values())
    if total <= 0 or not ruled:
        return 0.0
    return sum(v for a, v in sent.items() if a in ruled) / total


def assess_attack(model: SahelModel, threat: Threat) -> tuple[float, dict]:
    """The threatener's readiness to use force today, in [0, 1], with the terms behind it.

    Readiness is ``Φ(z)``, a normal judgement of seven terms (docs/model.md §7.2):

    - *the balance*: the strength it can commit to the war (its deployable forces: abroad, a
      first contingent that grows toward them, phase 5), scaled by its resolve, against the
      coalition it
      expects (the target's home defence, its backers, and each actor obliged to help it, counted
      by its chance of honouring: deterrence, Leeds 2003; Johnson & Leeds 2011), on a log scale
      against the superiority it wants, over the spread of its judgement;
    - *the expected cost*: the share of its forces it expects to lose by the model's own combat
      (:func:`expected_losses`), with the contingent it would field (never more than
      ``sought_superiority`` times the coalition it expects), times ``force_cost_weight``
      (Fearon 1995);
    - *the expected cost in time and money*: the years of war it expects by the same combat
      (:func:`expected_days`), times ``time_cost_weight`` (Slantchev 2003); a limited offensive
      against an armed group that struck is weighed over its ``offensive_days`` at most
      (:func:`offensive_expectation`);
    - *the stakes*: while a war is fought on the target's soil, the share of the threateners'
      strength from its neighbours, times ``stakes_weight`` (:func:`stakes`; Kathman 2011);
    - *endorsement*: the AU PSC's and UN Security Council's stands on its position, each
      ``endorsement_weight`` up or down (dated events);
    - *domestic constraints*: a state whose legislature or public refused force counts
      ``1 − domestic_discount`` of its strength (dated events), and a state ruled by the
      military, which no legislature or electorate holds back, ``junta_confidence`` times
      (:func:`confident`, :func:`military_share`; Weeks 2012);
    - *buck-passing*: while an outside party uses force on its own against the target,
      ``buck_passing_weight`` down (:func:`buck_passing`; dated events).
    """
    p = model.params
    actors = model.actors
    attackers = [a for a in threat.fighters if a in actors]
    refused = [a for a in attackers if (a, threat.target) in model.refused]
    theatre = model.controlled(threat.target)
    sent = {
        a: actors[a].deployable
        * actors[a].spec.effectiveness
        * (1 - p.domestic_discount if a in refused else 1.0)
        for a in attackers
    }
    own = sum(sent.values())
    bold = confident(model, sent, refused)
    ruled = military_share(sent, bold)
    judged = own  # what it believes its strength to be: military rulers count theirs higher
    if ruled:  # only then: a threat by civilian governments keeps its exact numbers
        judged = sum(v * (p.junta_confidence if a in bold else 1.0) for a, v in sent.items())
    weights = [actors[a].forces for a in attackers]
    resolve = (
        sum(w * actors[a].spec.resolve for w, a in zip(weights, attackers, strict=True))
        / sum(weights)
        if sum(weights) > 0
        else RESOLVE_WITHOUT_FORCES
    )
    target_strength = (
        model.home_strength(threat.target, threat.soil) if threat.target in actors else 0.0
    )
    backing = [
        b
        for b in (actors[threat.target].spec.backers if threat.target in actors else ())
        if b in actors and b not in attackers
    ]
    if backing:  # a belligerent's backers make it fight harder (as support does in a war)
        base = max(target_strength, 1.0)  # each in proportion to its size (support_factor)
        for b in backing:
            target_strength *= scaled_support(p.support_multiplier, model.strength(b), base)
    expected = target_strength
    allies = {}
    # Belligerents sworn to fight beside the target join its war with all they have (the RUF
    # beside the AFRC junta in 1997): the threatener expects them in full.
    # The pace the war would be fought at (§7.6): the war under way it would join, or any party
    # that draws a war out, the attackers' sworn belligerents among them.
    joined = model.war_joined(attackers, threat.target, threat.soil)
    irregular = (joined is not None and joined.irregular) or model.draws_out(
        (threat.target, *attackers, *(b.id for b in sworn_beside_any(model, attackers)))
    )
    sworn = sworn_beside(model, threat.target, attackers)
    sworn_strength = 0.0
    for b in sworn:
        ally_strength = model.strength(b.id)
        allies[b.id] = round(ally_strength, 1)
        expected += ally_strength
        sworn_strength += ally_strength
        irregular = irregular or b.draws_out_war
    # Force that answers the target's own first use is no aggression on it: no clause on
    # aggression protects it (SahelModel.start_war), so none of its allies is bound to fight.
    bound = []
    if not model.answers(threat.target, attackers):
        hypothetical = Trigger(
            CasusFoederis.AGGRESSION,
            threat.target,
            tuple(attackers),
            model.day,
            states=model.states_among(tuple(attackers)),
            raid=model.raid_from_abroad(attackers, threat.target),  # as the war would raise
        )
        bound = obligations_for(hypothetical, model.book, model.date, model.day, model.actor_ids)
    for ob in bound:
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
        strength = model.strength(ob.obliged)
        contribution = p.deterrence_weight * credibility * share * strength
        expected += contribution
        allies[ob.obliged] = round(contribution, 1)
    # A belligerent already at war is fought in that war (SahelModel.start_war): the threatener
    # expects to fight beside those fighting it (ECOMOG beside Doe's army against the NPFL, 1990).
    beside = co_belligerents(model, threat.target, attackers)
    scaled = judged * (RESOLVE_BASE + resolve) + sum(beside.values())
    ratio = scaled / max(expected, 1.0)
    balance = (math.log(max(ratio, 1e-9)) - math.log(p.required_superiority)) / p.intent_spread
    own_break = breaking_share(model, attackers)
    enemy_break = breaking_share(model, [threat.target])
    # It weighs the war it would fight: with contingents sized for ``sought_superiority``
    # against what it expects (SahelModel.abroad_share), not with all it could bring.
    fielded = min(scaled, p.sought_superiority * max(expected, 1.0))
    rate = p.kill_rate * (p.irregular_intensity if irregular else 1.0)
    front = target_strength + sworn_strength
    quality = guerrilla_quality(
        model, joined, threat, attackers, [b.id for b in sworn], own + sum(beside.values()), front
    )
    if quality is not None:
        lost, wins, days = guerrilla_expectation(
            fielded, expected, quality, own_break, enemy_break, rate
        )
    else:
        lost, wins = expected_losses(fielded, expected, own_break, enemy_break)
        days = expected_days(fielded, max(expected, 1.0), own_break, enemy_break, rate)
    # A limited offensive against an armed group that struck is weighed as what it is: the
    # days it will be fought, unless a side breaks sooner (§7.11).
    # It fights on each of its days and on the day it launches it (as any war is fought on the
    # day it begins): one more day of combat than the offensive's length.
    limit = int(p.offensive_days) if threat.offensive else None
    if limit is not None and days > limit + 1:
        lost, wins = offensive_expectation(fielded, max(expected, 1.0), quality, rate, limit + 1)
        days = float(limit)
    years = min(days, MAX_EXPECTED_DAYS) / 365.0
    at_stake = stakes(model, theatre, sent)
    stance = sum(model.stances.get((threat.by, threat.target), {}).values())
    acting = acting_against(model, threat.target, {threat.by, *attackers})
    z = (
        balance
        - p.force_cost_weight * lost
        - p.time_cost_weight * years
        + p.stakes_weight * at_stake
        + p.endorsement_weight * stance
    )
    if acting:  # only then: a run without third parties keeps its exact numbers
        z -= buck_passing(acting, p.buck_passing_weight)
    readiness = 0.5 * math.erfc(-z / math.sqrt(2))
    terms = {
        "own strength": round(own, 1),
        "resolve": round(resolve, 4),
        **({"fighting beside it": beside} if beside else {}),
        "target's home defence": round(target_strength, 1),
        **({"target's backers": backing} if backing else {}),
        "expected help to the target": allies,
        "expected opposition": round(expected, 1),
        "balance": round(ratio, 4),
        "required superiority": p.required_superiority,
        "expected losses": round(lost, 4),
        "expects to win": wins,
        "expected days of war": round(min(days, MAX_EXPECTED_DAYS), 1),
        **({"offensive": limit} if limit is not None else {}),
        **({"guerrilla war": True} if quality is not None else {}),
        **({"stakes": round(at_stake, 4)} if at_stake else {}),
        **({"endorsements": stance} if stance else {}),
        **({"refused at home": refused} if refused else {}),
        **({"third parties acting": acting} if acting else {}),
        **(
            {"military rule": round(ruled, 4), "junta confidence": p.junta_confidence}
            if ruled
            else {}
        ),
        "readiness": round(readiness, 4),
    }
    return readiness, terms
