"""Phase 1: the day's scheduled events fire.

The agenda holds the scenario's dated events and the fact base's dated deployments and
departures of outside powers, by day. :data:`EVENT_HANDLERS` maps each event type of the
scenario schema to the function that makes it happen; a new event type is one schema class and
one handler here (``tests/test_model_rooms.py`` fails until both exist).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from sim.model.agents import ArmedGroup, Belligerent
from sim.model.forces import deploy
from sim.model.pacts import Obligation, Trigger, request_id
from sim.model.records import RecordKind, Unasked, WarOutcome
from sim.model.responses import pledges
from sim.model.wars import ATTACKERS, DEFENDERS, War
from sim.model.world import consecutive
from sim.scenario import schema as ev
from sim.scenario.facts import Clause
from sim.scenario.vocabulary import (
    AttackScale,
    CasusFoederis,
    CoupForm,
    DecisionRule,
    Modality,
    Obliged,
    PactAction,
    RequestedHelp,
    Stance,
    Toward,
)

if TYPE_CHECKING:
    from sim.model.model import SahelModel
    from sim.model.world import Posting

Agenda = dict[int, list[tuple[str, Any]]]


def agenda(model: SahelModel) -> Agenda:
    """Scenario events and the fact base's dated deployments, by day.

    Deployments already under way on the start date are placed at once (each power's
    ``present``); later arrivals and departures become events of the day they happen. A later
    arrival that was the power's answer to its host's request (Operation Serval) is held when the
    scenario has the host ask the power for armed help by that day: it is the answer the model
    decides (``model.held``, :func:`sim.model.responses.decide_alone`), not a date to keep. A
    request that puts no question to the power releases it to its date (:func:`release`).
    """
    start = model.start_date
    days: Agenda = {}
    asked: dict[tuple[str, str], dt.date] = {}  # (asked, asking): the first request's date
    for _, event in model.setup.active_events():
        if isinstance(event, ev.Request) and event.action is RequestedHelp.ARMED_ASSISTANCE:
            for helper in event.to:
                first = asked.get((helper, event.by), event.date)
                asked[(helper, event.by)] = min(first, event.date)
    for power in model.powers:
        successors = consecutive(power.spec.deployments)
        followers = {id(s) for s in successors.values()}
        for posting in power.spec.deployments:
            host, strength, arrived, left = (
                posting.host,
                posting.strength,
                posting.arrived,
                posting.left,
            )
            if host not in model.actors:
                continue
            later = arrived is not None and arrived > start
            key = (power.id, host)
            if posting.present_on(start):
                power.present[host] = power.present.get(host, 0.0) + strength
            elif later and posting.answers_request and key in asked and asked[key] <= arrived:
                kept = model.held.get(key)
                model.held[key] = (
                    (kept[0] + strength, min(kept[1], arrived)) if kept else (strength, arrived)
                )
            elif later and id(posting) in followers:
                pass  # arrives as the change of strength its predecessor's leaving makes
            elif later:
                days.setdefault((arrived - start).days, []).append(
                    _arrival(power.id, host, strength, arrived)
                )
            if left is not None and left > start:
                following = successors.get(id(posting))
                shared = following is None and _overlapped(posting, power.spec.deployments)
                leaving = _leaving(power.id, host, strength, left, following, shared)
                if leaving is not None:
                    days.setdefault((left - start).days, []).append(leaving)
        power.sync_forces()
    for name, event in model.setup.active_events():
        days.setdefault((event.date - start).days, []).append((name, event))
    for day, today in days.items():
        # A request is answered once the day's attacks and ceasefires have happened, whatever
        # the order the scenario lists them in.
        today.sort(key=lambda item: isinstance(item[1], ev.Request))
        days[day] = _civil_wars_first(model, today)
    return days


def _civil_wars_first(model: SahelModel, today: list) -> list:
    """The day's events with each belligerent's civil war before its attacks across a border.

    A rebel army's war with the state it fights in (its rising, or the state's attack on it)
    is the war its attacks on other states that day carry there (SahelModel.carry_war),
    whatever the order the scenario lists them in; every other event keeps its place.
    """
    civil = {}
    for item in today:
        rebels = _civil_war_of(model, item[1])
        if rebels is not None:
            civil.setdefault(rebels, item)
    ordered, placed = [], set()
    for item in today:
        event = item[1]
        if id(item) in placed:
            continue
        if isinstance(event, ev.Attack) and _civil_war_of(model, event) is None:
            first = civil.get(event.by)
            if first is not None and id(first) not in placed:
                ordered.append(first)
                placed.add(id(first))
        ordered.append(item)
        placed.add(id(item))
    return ordered


def _civil_war_of(model: SahelModel, event: object) -> str | None:
    """The belligerent whose civil war ``event`` starts (an attack between it and its state)."""
    if not isinstance(event, ev.Attack):
        return None
    for rebels, state in ((event.by, event.target), (event.target, event.by)):
        actor = model.actors.get(rebels)
        if isinstance(actor, Belligerent) and actor.home == state:
            return rebels
    return None


def fire_scheduled_events(model: SahelModel) -> None:
    """Phase 1: fire today's events, in agenda order."""
    for name, event in model.agenda.get(model.day, ()):
        EVENT_HANDLERS[type(event)](model, name, event)


def on_coup(model: SahelModel, name: str, event: ev.Coup) -> None:
    """A government becomes unconstitutional and clauses on coups come into play.

    A seizure turns the regime military. A retention (the incumbent will not hand over after
    losing an election; AU Lomé Declaration, 2000) leaves the regime as it was, but what its
    rulers would concede is now their office (:func:`sim.model.intent.concedes`). The offender
    is the faction that seized power when the scenario names one (``by``), else the state
    itself under its rulers (:meth:`SahelModel.seize_power`).
    """
    retention = event.form is CoupForm.RETENTION
    model.seize_power(event.state, event.by, retention=retention, event=name, note=event.note)


def on_threat(model: SahelModel, name: str, event: ev.Threat) -> None:
    """A threat with a deadline: from then on the threatener may carry it out (phase 2)."""
    attackers = model.attackers_for(event.by, event.target, event.contributors)
    deadline = (event.deadline - model.start_date).days
    asked = {}
    if not event.contributors and event.by not in model.actors:
        # Named by none, an organisation's threat is carried by the members that pledge troops.
        attackers, chances, played = pledges(model, name, event.by, event.target, deadline)
        asked = {"asked": {m: round(c, 6) for m, c in chances.items()}}
        if played:
            asked["played"] = played
    index = model.log(
        RecordKind.THREAT,
        event.by,
        event.target,
        event=name,
        deadline=event.deadline.isoformat(),
        attackers=list(attackers),
        note=event.note,
        **asked,
    )
    # The scenario's threat is the one on record: it replaces a threat a clause opened against
    # the same target with any of the same attackers, rather than stacking a second chance.
    carriers = set(attackers) | set(asked.get("asked", ()))  # members who declined included
    model.close_threats(event.target, carriers)
    model.open_threat(name, event.by, event.target, attackers, deadline, index)


def on_attack(model: SahelModel, name: str, event: ev.Attack) -> None:
    """An invasion or a coup attempt starts a war; an incident brings clauses into play.

    A coup attempt's war is decided the next day (§7.8); an incident's victim may retaliate.
    """
    attackers = model.attackers_for(event.by, event.target, event.contributors)
    if event.scale is not AttackScale.INCIDENT:
        war = model.start_war(
            event.by,
            event.target,
            attackers,
            cause_event=name,
            note=event.note,
            coup_attempt=event.scale is AttackScale.COUP_ATTEMPT,
        )
        if event.defenders:
            model.stand_beside(war, event.target, tuple(event.defenders), name)
        return
    counted = {
        field: count
        for field, count in (("fighters", event.fighters), ("escaped", event.escaped))
        if count is not None
    }
    unpursued = _too_few_to_pursue(model, event, attackers)
    if unpursued:
        counted["unpursued"] = int(model.params.pursuit_threshold)
    if event.killed is not None:
        counted["killed"] = event.killed
    # Armed groups that struck a state's own soil are fought there, wherever they are based;
    # the story says so of raiders none of whom fights there (not of a strike that left no one
    # to pursue, which is policed wherever they came from).
    own_soil = _groups_on_own_soil(model, event, attackers)
    raid = event.host is None and model.raid_from_abroad(attackers, event.target)
    from_abroad = raid and not unpursued
    war = next((w for a in attackers if (w := model.at_war(a, event.target))), None)
    if war is not None:
        # A strike by those already at war with the target is that war going on (Mali's second
        # clash with Upper Volta, December 1974): no new aggression, nothing to retaliate for.
        # Struck during its offensive by a body of fighters, the target fights on: the
        # offensive is now a war (not after a strike that left no one to pursue).
        turned = not unpursued and model.offensive_turns_to_war(war, event.target)
        model.log(
            RecordKind.EVENT,
            event.by,
            event.target,
            what="attack_in_war",
            war=war.id,
            event=name,
            note=event.note,
            **counted,
            **({"offensive_now_war": True} if turned else {}),
        )
        return
    host = event.host
    abroad = {"host": host} if host is not None else {}
    # Struck on a third state's soil, that state's territory was attacked too (below).
    host_struck = _soil_struck(model, host, attackers) and not model.answers(host, attackers)
    victims = [event.target, *([host] if host_struck else [])]
    index = model.log(
        RecordKind.INCIDENT,
        event.by,
        event.target,
        event=name,
        note=event.note,
        **abroad,
        **counted,
        **({"from_abroad": True} if from_abroad else {}),
        **({"victims": victims} if unpursued and host_struck else {}),
    )
    # Forces struck where they stand abroad are an attack on forces abroad (Charter Art. 7),
    # not an aggression on the target's territory; an outside power is protected by no clause.
    # Armed groups striking where they fight wage a rebellion there: the pacts against armed
    # groups inside a state answer it (§7.3). A strike that answers force the target used
    # first is no aggression on it (Res. 3314).
    if abroad:
        kind = CasusFoederis.ATTACK_ON_FORCES_ABROAD
    elif model.fights_in(attackers, event.target):
        kind = CasusFoederis.ARMED_REBELLION
    else:
        kind = CasusFoederis.AGGRESSION
    # Armed groups alone raiding a state's own soil from abroad attacked its territory and are
    # armed groups inside it, sent by no state: the clauses of both kinds answer the raid (§7.3).
    # (A rebellion is one whoever struck first: the first use of force decides aggression.)
    if kind is CasusFoederis.ARMED_REBELLION or not model.answers(event.target, attackers):
        model.raise_trigger(
            kind,
            event.target,
            attackers,
            cause=index,
            label=name,
            theatre=event.host or "",
            incident=True,
            raid=raid,
        )
    if host_struck:
        # Struck on a third state's soil, that state's territory was attacked too: its own
        # pacts' aggression clauses answer it (Charter Art. 7 leaves a party's soil to Art. 6).
        model.raise_trigger(
            CasusFoederis.AGGRESSION,
            host,
            attackers,
            cause=index,
            label=name,
            incident=True,
            raid=model.raid_from_abroad(attackers, host),  # raiders none of whom fights there
        )
        model.used_force(attackers, host)
    model.used_force(attackers, event.target)
    if not attackers or unpursued:
        return  # a strike that left no one to pursue is policed: no victim weighs force
    for victim in victims:
        # Armed groups that struck where they fight are answered by a limited offensive there,
        # not weighed as a dispute between states that might become a war (§7.11); a group that
        # struck the victim's forces abroad but fights on the victim's own soil is answered there,
        # where no neighbour's consent is needed (Senegal against the MFDC in Casamance, 2022).
        soils = [host, victim] if host else [victim]
        soil = next((s for s in soils if model.offensive_against(attackers, victim, s)), "")
        if not soil and own_soil:  # (on the target's own soil: no host, one victim)
            soil = victim  # raiders from abroad are swept for where they struck, to the border
        # The offensive is aimed at a group that fights there, if one struck: it meets its
        # fighters there; raiders from abroad have none there to meet.
        offender = next(
            (a for a in attackers if soil and model.fights_in((a,), soil)), attackers[0]
        )
        # Each victim now weighs retaliation as a threatener weighs an attack; a war follows
        # only if it (with the allies who pledged) judges the balance good enough.
        threat = model.open_threat(
            f"retaliation-{name}" + (f"-{victim}" if victim != event.target else ""),
            victim,
            offender,
            (victim,),
            model.day,
            index,
        )
        threat.retaliation = True
        threat.offensive, threat.soil = bool(soil), soil


def _too_few_to_pursue(model: SahelModel, event: ev.Attack, attackers: Sequence[str]) -> bool:
    """Whether armed groups left too few fighters in the field for their victims to answer.

    A suicide bomber, or a commando all of whom died or were taken where they struck, leaves no
    one in the field: a victim answers such a strike by policing, neither with an offensive nor
    a retaliation (§7.11). The body left is those who got away (``escaped``) when the sources
    say, else all who struck (``fighters``), held against ``pursuit_threshold``: at its default
    (1), only a strike none of whose authors got away is policed. A strike whose sources say
    neither is weighed as before.
    """
    left = event.left_in_field
    if left is None or not attackers:
        return False
    groups = all(isinstance(model.actors.get(a), (ArmedGroup, Belligerent)) for a in attackers)
    return groups and left < model.params.pursuit_threshold


def _groups_on_own_soil(model: SahelModel, event: ev.Attack, attackers: Sequence[str]) -> bool:
    """Whether armed groups, and only they, struck a state's own soil, to be fought there.

    A group that does not operate in the state it struck could be fought only on a neighbour's
    soil, a dispute with that neighbour; the state struck answers on its own soil instead,
    with a limited offensive that stands for the sweep of the area and the pursuit to the
    border that the record shows (§7.11). In the crises written blind, the coastal states
    struck by JNIM from their northern neighbours, Mauritania, Niger and Burkina Faso struck by
    groups based in Mali, and Algeria at In Amenas did so in 15 of 19 (Kafolo 2020, Tiwoli
    2022, Dakoro 2012, Tambao 2015...), whatever the toll, and none struck across the border
    on its own. Armed groups only: a rebel army is fought where it stands, at home in its own
    state, and a strike with a state among its authors is a dispute between states.
    """
    return event.host is None and model.groups_alone(attackers, event.target)


def _soil_struck(model: SahelModel, host: str | None, attackers: tuple[str, ...]) -> bool:
    """Whether a strike in ``host`` attacked a third state's territory.

    Not when the host is among the attackers (Côte d'Ivoire striking the French on its own
    soil), nor when every attacker is an armed group that fights there (a rebel army of that
    state, or an armed group operating in it): its fighting there is its rising (§7.2), not an
    aggression from outside.
    """
    if host is None or host in attackers or model.state(host) is None:
        return False
    return not model.fights_in(attackers, host)


def on_sanctions(model: SahelModel, name: str, event: ev.Sanctions) -> None:
    """Sanctions announced by the scenario: recorded (they change no force)."""
    model.log(
        RecordKind.EVENT, event.by, event.target, event=name, what="sanctions", note=event.note
    )


def on_pact_change(model: SahelModel, name: str, event: ev.PactChange) -> None:
    """A pact signed (in force from today) or suspended."""
    if event.pact not in model.book.pacts:
        return
    if event.kind == "pact_signed":
        model.book.sign(event.pact, model.date)
    else:
        model.book.suspend(event.pact, model.date)
    model.log(RecordKind.EVENT, event.pact, event=name, what=event.kind, note=event.note)


def on_pact_withdrawal(model: SahelModel, name: str, event: ev.PactWithdrawal) -> None:
    """Notice of withdrawal: the state stays bound until the pact's notice period has run."""
    if event.pact not in model.book.pacts:
        return
    effective = model.book.withdraw(event.pact, event.state, model.date)
    model.log(
        RecordKind.EVENT,
        event.state,
        event=name,
        what="pact_withdrawn",
        pact=event.pact,
        effective=effective.isoformat(),
        note=event.note,
    )


def on_deployment(model: SahelModel, name: str, event: ev.Deployment) -> None:
    """An outside power's forces arrive in a host state."""
    noted = {"note": event.note} if event.note else {}
    deploy(model, event.power, event.host, event.strength, event=name, **noted)


def on_departure(model: SahelModel, name: str, event: ev.Departure) -> None:
    """An outside power's forces leave a host state, all or ``strength`` of them.

    Its forces at any front shrink in proportion to what it has left in the region: to nothing
    when the last of them go.
    """
    power = model.actors[event.power]
    if event.strength is None:
        model.held.pop((event.power, event.host), None)  # forces of record that never came
    there = power.present.get(event.host)
    if there is None:
        return
    before = power.forces
    everyone = event.strength is None or event.strength >= there
    if everyone:
        power.present.pop(event.host)
    else:
        power.present[event.host] = there - event.strength
    power.sync_forces()
    model.present = model.presence()
    kept = power.forces / before if before > 0 else 0.0
    for war in model.wars:
        side = war.side_of(power.id)
        if war.ongoing and side is not None:
            war.sides[side][power.id] *= kept
    partial = {} if everyone else {"strength": event.strength}  # said only when some stay
    noted = {"note": event.note} if event.note else {}
    model.log(RecordKind.DEPARTURE, event.power, event.host, event=name, **partial, **noted)


def on_ceasefire(model: SahelModel, name: str, event: ev.Ceasefire) -> None:
    """A scheduled ceasefire ends every war between the parties named, and it holds.

    It is what the scenario's author says happened, so it does not break down as a mediated
    ceasefire may; a mediated truce between the same parties becomes as final.
    """
    ended = False
    for war in model.wars:
        if any(war.side_of(a) == ATTACKERS for a in event.between) and any(
            war.side_of(b) == DEFENDERS for b in event.between
        ):
            if war.ongoing:
                model.end_war(war, WarOutcome.CEASEFIRE, reason=f"scheduled ceasefire ({name})")
                ended = True
            model.close_truce(war)
    if not ended:
        # Said even when the run has no war for it to end (the Conakry declaration of July 1975
        # after skirmishes short of war): the reader wrote it, and the story should not drop it.
        model.log(
            RecordKind.EVENT,
            event.between[0],
            event.between[1],
            what="ceasefire",
            between=list(event.between),
            event=name,
            note=event.note,
        )


def on_insurgent_offensive(model: SahelModel, name: str, event: ev.InsurgentOffensive) -> None:
    """An armed group's offensive multiplies its strength in one country."""
    group = model.group_index[event.group]
    model.insurgents.surge(group, model.state_index[event.country], event.intensity)
    model.actors[event.group].forces = float(model.insurgents.by_group()[group])
    model.log(
        RecordKind.EVENT,
        event.group,
        event.country,
        event=name,
        what="insurgent_offensive",
        intensity=event.intensity,
        note=event.note,
    )


def on_membership_change(model: SahelModel, name: str, event: ev.MembershipChange) -> None:
    """A state's standing in an organisation changes from today.

    A status that a change earlier in the run already gave (ECOWAS's summit suspends a junta
    the model's Art. 45 decision suspended days before) changes nothing, and the record says so
    (``already``); a standing the fact base dates before the run is not looked at.
    """
    key = (event.organisation, event.state)
    already = model.memberships.changes.get(key) is event.status
    model.memberships.change(event.organisation, event.state, event.status)
    model.book.look_again(model.date)  # a readmitted member may be bound from today
    model.log(
        RecordKind.MEMBERSHIP,
        event.state,
        event.organisation,
        status=event.status.value,
        event=name,
        **({"already": True} if already else {}),
    )


def on_endorsement(model: SahelModel, name: str, event: ev.Endorsement) -> None:
    """The AU PSC or the UN Security Council backs or opposes a threatener's stance.

    A body's latest stand is the one that counts: the UN Security Council's press statement,
    presidential statement and resolution on The Gambia (Dec 2016 - Jan 2017) are one body's
    backing said three times, not three backers (seeds/history/stands.md).
    """
    stands = model.stances.setdefault((event.by, event.target), {})
    stands[event.body.value] = 1 if event.stance is Stance.ENDORSE else -1
    model.log(
        RecordKind.STANCE,
        event.body.value,
        event.target,
        by=event.by,
        stance=event.stance.value,
        event=name,
        note=event.note,
    )


def on_domestic_refusal(model: SahelModel, name: str, event: ev.DomesticRefusal) -> None:
    """A state's legislature or public refuses the use of force against a target."""
    model.refused.add((event.state, event.target))
    model.log(RecordKind.REFUSAL, event.state, event.target, event=name, note=event.note)


def on_third_party_force(model: SahelModel, name: str, event: ev.ThirdPartyForce) -> None:
    """An outside party (a power, or a body's mandated force) uses force on its own."""
    party = event.party if event.party is not None else event.body.value
    last = (event.until - model.start_date).days if event.until is not None else None
    model.third_parties[(party, event.target)] = last
    model.log(
        RecordKind.THIRD_PARTY_FORCE,
        party,
        event.target,
        event=name,
        **({"mandate": True} if event.party is None else {}),
        **({"until": event.until.isoformat()} if event.until is not None else {}),
        note=event.note,
    )


def release(model: SahelModel, power: str, host: str) -> None:
    """Forces held for a power's answer to ``host`` arrive on their date of record after all.

    Unless an armed request still waits for the power's answer: it decides them.
    """
    if any(ob.armed_request and (ob.obliged, ob.victim) == (power, host) for ob in model.pending):
        return
    strength, arrived = model.held.pop((power, host))
    day = (arrived - model.start_date).days
    name, item = _arrival(power, host, strength, arrived)
    if day <= model.day:
        on_deployment(model, name, item)
    else:
        model.agenda.setdefault(day, []).append((name, item))


def _overlapped(posting: Posting, postings: Sequence[Posting]) -> bool:
    """Whether another posting in the same host is still there the day ``posting`` leaves."""
    return any(
        other is not posting and other.host == posting.host and other.present_on(posting.left)
        for other in postings
    )


def _leaving(
    power: str,
    host: str,
    strength: float,
    left: dt.date,
    following: Posting | None,
    shared: bool = False,
) -> tuple[str, Any] | None:
    """The dated event of a posting ending: its forces leave, or the next posting's size follows.

    Nothing, when the next posting is of the same size.
    """
    if following is None:  # its own forces only, when another posting stays in the host
        return f"{power}-leaves-{host}", ev.Departure(
            date=left,
            power=power,
            host=host,
            strength=int(strength) if shared and strength > 0 else None,
        )
    change = int(following.strength) - int(strength)
    if change == 0:
        return None
    if change > 0:
        return _arrival(power, host, change, left)
    return f"{power}-reduces-{host}", ev.Departure(
        date=left, power=power, host=host, strength=-change
    )


def _arrival(power: str, host: str, strength: float, arrived: dt.date) -> tuple[str, Any]:
    """The dated event of a power's forces arriving in a host, with its agenda name."""
    item = ev.Deployment(date=arrived, power=power, host=host, strength=int(strength))
    return f"{power}-arrives-{host}", item


def on_request(model: SahelModel, name: str, event: ev.Request) -> None:
    """A state asks others for help; each decides today, in phase 4, whether to give it.

    Help asked for outside any treaty (Mali asking France on 10 Jan 2013) is a measure the
    asked may take and do not owe (intervention by invitation), so it is decided like a clause
    that permits: nothing is promised and declining costs no reputation. The help goes to the
    asking state's war against ``against`` (by default, the first war in which it defends
    itself); with no war, against the armed groups fighting in it, to its counter-insurgency;
    with neither, against the factions it has just beaten, to guard it (``_beaten_factions``).
    Nothing is asked of an actor on the other side (at war with the asking state, or backing
    its enemy), nor of one already fighting beside it; with nothing to help against, nothing is
    asked of anyone, and the record says why.
    """
    war, offenders, reason, guard = _what_is_asked_against(model, event)
    side = war.side_of(event.by) if war is not None else None  # (an at-home state: either)
    enemies = set(offenders) | (set(war.sides[1 - side]) if war is not None else set())
    backing = model.backers_of(tuple(enemies))
    asked, other_side = [], []
    for helper in event.to:
        if helper not in model.actors:
            continue
        if war is not None and war.side_of(helper) == side:
            continue  # already fighting beside the state that asks
        if helper in enemies or helper in backing or model.at_war(helper, event.by):
            other_side.append(helper)
        else:
            asked.append(helper)
    # Forces of record held for an answer this request will not give come on their own date
    armed = event.action is RequestedHelp.ARMED_ASSISTANCE and bool(offenders)
    for helper in event.to:
        if (helper, event.by) in model.held and not (armed and helper in asked):
            release(model, helper, event.by)
    index = model.log(
        RecordKind.REQUEST,
        event.by,
        offenders[0] if offenders else "",
        asked=list(event.to),
        against=list(offenders),
        action=event.action.value,
        event=name,
        note=event.note,
        **({"war": war.id} if war is not None else {}),
        **({"reason": reason.value, "named": event.against} if reason else {}),
        **({"other_side": other_side} if other_side and offenders else {}),
        **({"guard": True} if guard else {}),
    )
    if not offenders:
        return
    states = model.states_among(offenders)  # a power among them makes it an aggression
    kind = CasusFoederis.AGGRESSION if states else CasusFoederis.ARMED_REBELLION
    trigger = Trigger(
        kind,
        event.by,
        offenders,
        model.day,
        None if war is None else war.id,
        index,
        states=states,
        guard=guard,
    )
    clause = Clause.model_construct(
        id=name,
        article="request",
        summary=f"{event.by} asks {', '.join(event.to)} for help",
        source=[],
        casus_foederis=kind,
        obliged=Obliged.NAMED,
        obliged_states=list(event.to),
        beneficiaries=[event.by],
        toward=Toward.VICTIM,
        action=PactAction(event.action.value),
        modality=Modality.PERMISSION,
        decision=DecisionRule.VICTIM_REQUEST,
        body=None,
        delay_days=0,
        note=None,
    )
    pact = request_id(event.by, model.date)
    for helper in asked:
        model.pending.append(
            Obligation(pact, clause, helper, event.by, offenders, model.day, trigger, record=index)
        )


def _what_is_asked_against(
    model: SahelModel, event: ev.Request
) -> tuple[War | None, tuple[str, ...], Unasked | None, bool]:
    """What a request asks help against.

    The war the help is for (or None), the enemies it is against, why there are none, and
    whether the help is to guard a government against factions it has beaten.
    """
    attacking = attacking_it = False
    for war in model.wars:
        side = war.side_of(event.by) if war.ongoing else None
        if side is None:
            continue
        # Help for a war it started is not answered; a state armed groups carried their war
        # into defends itself, on whichever side of the war (SahelModel.carry_war).
        if side == ATTACKERS and event.by not in war.at_home:
            attacking = True
            attacking_it = attacking_it or event.against in war.sides[DEFENDERS]
            continue
        enemies = tuple(war.sides[1 - side])
        if event.against is None:
            return war, enemies, None, False
        if event.against in enemies:
            return war, (event.against,), None, False
    groups: tuple[str, ...] = ()
    if model.state(event.by) is not None and model.fighters_in(event.by) > 0:
        i = model.state_index[event.by]
        groups = tuple(model.groups[g].id for g in model.insurgents.groups_in(i))
    at_war = attacking  # the attacker in every war it fights: no guard is sent to it either
    if event.against is not None:
        groups = tuple(g for g in groups if g == event.against)
        attacking = attacking_it
    if groups:
        return None, groups, None, False
    if attacking:
        return None, (), Unasked.ATTACKER, False
    if not at_war and (beaten := _beaten_factions(model, event)):
        return None, beaten, None, True
    if struck := _strikers(model, event):  # (a named one even while it attacks others)
        return None, struck, None, False
    return None, (), Unasked.NOT_FIGHTING if event.against is not None else Unasked.NOTHING, False


def _strikers(model: SahelModel, event: ev.Request) -> tuple[str, ...]:
    """The armed groups and rebels that struck the asking state on its soil, short of war.

    Help may be asked against those who struck a state even where they keep no fighters in it:
    a group that raided it from a neighbour's soil (Niger asked France for support against Boko
    Haram, come from Nigeria, in February 2015), or a rebel movement that struck it without
    starting a war (Niger asked eastern Libya's forces for help against the FPL after its
    attack on the pipeline, 2024). The help is lent as help outside a war is (§7.4); forces
    lent fight only those who fight on the host's soil (``SahelModel._fighting``). A strike
    counts until a war between the striker and the state has ended since (the striker beaten,
    victorious or brought to terms; not the state's own offensive in answer, which only drove
    it off) or a coup has changed who governs: the government that asks is then not the one
    struck, or has settled with the striker.
    """
    rebels = (ArmedGroup, Belligerent)
    coups = [
        i for i, r in enumerate(model.records) if r.kind is RecordKind.COUP and r.actor == event.by
    ]
    since = coups[-1] if coups else -1
    struck: list[str] = []
    for i, r in enumerate(model.records):
        if i <= since or r.kind is not RecordKind.INCIDENT or r.target != event.by:
            continue
        if r.get("host") is not None or not isinstance(model.actors.get(r.actor), rebels):
            continue
        # (the state's own offensive that answered the strike drove the striker off: it
        # settled nothing, §7.11)
        settled = any(
            w.end is not None
            and w.end >= r.day
            and w.offensive_by != event.by
            and {w.side_of(r.actor), w.side_of(event.by)} == {ATTACKERS, DEFENDERS}
            for w in model.wars
        )
        if not settled and r.actor not in struck:
            struck.append(r.actor)
    if event.against is not None:
        return (event.against,) if event.against in struck else ()
    return tuple(struck)


GUARD_DAYS = 30
"""Days after a government beat a faction at home during which it may still ask for troops to
guard it against that faction: the record's requests came two and four days after (below)."""


def _beaten_factions(model: SahelModel, event: ev.Request) -> tuple[str, ...]:
    """The factions at home in the asking state that it beat lately, if help can be against them.

    A government that has put down a coup attempt or a rising may still ask for troops to guard
    it: Siaka Stevens asked Guinea four days after the attempt of 23 March 1971 had failed, and
    Guinean soldiers crossed on the 28th (a crisis written blind, docs/backtest.md); Eyadéma
    asked France on 25 September 1986, two days after a commando's attack on Lomé, and French
    paratroopers came, not needed in combat; Libya's troops guarded Patassé after the attempt
    of May 2001 (rows 15 and 34 of seeds/history/invitations.md, counted granted). Nothing is
    fought: the help is lent to the government as help outside a war is (§7.4). The factions
    are those of the state's last war at home, if it won it as the defender within
    :data:`GUARD_DAYS` and no coup came after (then those who ask are no longer the government
    that won); ``against``, if named, must be one of them.
    """

    def at_home(faction: str) -> bool:
        actor = model.actors.get(faction)
        return isinstance(actor, Belligerent) and actor.home == event.by

    wars = [
        w
        for w in model.wars
        if w.side_of(event.by) == DEFENDERS and any(map(at_home, w.sides[ATTACKERS]))
    ]
    if not wars:
        return ()
    last = max(wars, key=lambda w: (w.end if w.end is not None else model.day + 1, w.id))
    if last.ongoing or last.outcome is not WarOutcome.DEFENDERS_WON:
        return ()
    if model.day - last.end > GUARD_DAYS:
        return ()
    if any(
        r.kind is RecordKind.COUP and r.actor == event.by and r.day >= last.end
        for r in model.records
    ):
        return ()
    factions = tuple(filter(at_home, last.sides[ATTACKERS]))
    if event.against is not None:
        return (event.against,) if event.against in factions else ()
    return factions


EVENT_HANDLERS: dict[type, Callable[[SahelModel, str, Any], None]] = {
    ev.Coup: on_coup,
    ev.Threat: on_threat,
    ev.Attack: on_attack,
    ev.Sanctions: on_sanctions,
    ev.PactChange: on_pact_change,
    ev.PactWithdrawal: on_pact_withdrawal,
    ev.Deployment: on_deployment,
    ev.Departure: on_departure,
    ev.Ceasefire: on_ceasefire,
    ev.InsurgentOffensive: on_insurgent_offensive,
    ev.MembershipChange: on_membership_change,
    ev.Endorsement: on_endorsement,
    ev.DomesticRefusal: on_domestic_refusal,
    ev.ThirdPartyForce: on_third_party_force,
    ev.Request: on_request,
}
"""Each event type of the scenario schema, and what makes it happen."""
