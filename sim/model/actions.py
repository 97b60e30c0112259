"""Carrying out an answered obligation: one handler per pact action.

:data:`ACTIONS` maps each :class:`~sim.scenario.vocabulary.PactAction` to the small function
that makes it happen. Adding an action is one enum member, one handler here, one pair of
messages (English and French) in :mod:`sim.present.catalogue`, and one row of the contract
table in ``tests/test_actions.py``; the tests fail until all four exist.

A partial answer (non-military help instead of what the clause asks) is carried out as
``non_military``; an abstention does nothing.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sim.model.pacts import Obligation
from sim.model.records import RecordKind, Response
from sim.model.wars import War
from sim.scenario.vocabulary import CasusFoederis, MembershipStatus, PactAction, Toward

if TYPE_CHECKING:
    from sim.model.model import SahelModel
    from sim.model.threats import Threat


@dataclass(frozen=True)
class Act:
    """An answered obligation, ready to be carried out.

    Attributes:
        ob: the obligation.
        decider: who answered it (the obliged actor, or the body that voted).
        acting: who acts (the obliged actor, or the members who voted yes).
        cause: index of the response or vote record.
        action: what is done (``non_military`` for a partial answer).
        war: the ongoing war the obligation was raised for, if any.
        target: whom the action is directed at (the victim, or the first offender).
    """

    ob: Obligation
    decider: str
    acting: list[str]
    cause: int
    action: PactAction
    war: War | None
    target: str


def carry_out(
    model: SahelModel,
    ob: Obligation,
    decider: str,
    response: Response,
    cause: int,
    acting: list[str],
) -> None:
    """Make an answered obligation happen, through the handler of its action."""
    if response is Response.ABSTAINED:
        return
    action = ob.clause.action if response is Response.HONOURED else PactAction.NON_MILITARY
    target = (
        ob.victim
        if ob.clause.toward is Toward.VICTIM
        else (ob.offenders[0] if ob.offenders else ob.victim)
    )
    ACTIONS[action](model, Act(ob, decider, acting, cause, action, model.war_of(ob), target))


def armed_assistance(model: SahelModel, act: Act) -> None:
    """Enter the victim's war on its side (Liptako-Gourma Charter Arts. 6-7; ECOWAS 1981 PMAD).

    Outside a war, help takes the form the trigger allows: after an incident (an armed group's
    strike where it fights is a rebellion, §7.3) the ally pledges to fight if the victim's war
    comes, or joins the war of the victim's answer if it has come already (an offensive
    launched the day of the strike, §7.11); against a rebellion with no incident to answer (a
    rising that grew, a request), or a raid from abroad with no answer to join (§7.3), it sends
    ``rebellion_assistance_share`` of its forces to the victim's counter-insurgency. An ally with
    no forces in the region to send says so.
    """
    ob = act.ob
    fighters = [a for a in act.acting if a in model.actors and model.actors[a].deployable > 0]
    if ob.trigger.war is not None:
        side = act.war.side_of(ob.victim) if act.war is not None else None
        if side is None:
            return  # a war already over needs no one any more
        for a in fighters:
            model.join_war(a, act.war, side, act.cause, ob)
        _no_forces(model, act, [a for a in act.acting if act.war.side_of(a) is None], act.war)
    elif (answering := _answered(model, ob)) or (
        not ob.against_armed_groups
        and ob.trigger.kind in (CasusFoederis.AGGRESSION, CasusFoederis.ATTACK_ON_FORCES_ABROAD)
    ):
        # The pledge is for the victim's retaliation against this incident's author, and never
        # for a war against the pledger itself (another incident's retaliation may target it).
        body = {"decided_by": [ob.obliged]} if ob.collective else {}
        for threat in _answers(model, ob):
            if threat.open:
                joining = [a for a in fighters if a not in threat.backers and a != threat.target]
                threat.backers += joining
                if ob.collective:
                    threat.pledged_by.update(dict.fromkeys(joining, ob.obliged))
        war, against = _answer_under_way(model, ob)
        if war is not None:
            # The victim answered before its allies could pledge (phase 2 comes before phase 3):
            # they join its answer under way, and an offensive's end is theirs too (§7.11).
            side, last = war.side_of(ob.victim), war.offensives.get(ob.victim)
            joined = [
                a for a in fighters if a != against and model.join_war(a, war, side, act.cause, ob)
            ]
            if last is not None:
                war.offensives.update(dict.fromkeys(joined, last))
            fighters = [a for a in fighters if a not in joined]
        for a in fighters:
            # A pledge only while the victim still weighs or wages its answer; said, not passed
            # over, when that answer had ended or been given up before the ally could answer.
            model.log(
                RecordKind.SUPPORT,
                a,
                ob.victim,
                action="pledge" if answering else "answer_over",
                cause=act.cause,
                pact=ob.pact,
                article=ob.clause.article,
                **body,
            )
    elif ob.against_armed_groups:  # (a raid's victim that polices it: lent to its forces)
        for a in fighters:
            model.lend(
                a, ob.victim, model.params.rebellion_assistance_share, act.cause, ob, act.action
            )
    if ob.trigger.war is None:
        _no_forces(model, act, act.acting)


def _no_forces(model: SahelModel, act: Act, allies: list[str], war: War | None = None) -> None:
    """Said, not passed over: an ally among ``allies`` with no forces in the region sends none.

    In ``war``, when the help was owed for one; else after a strike short of war.
    """
    for a in allies:
        if a in model.actors and model.actors[a].deployable <= 0:
            model.log(
                RecordKind.SUPPORT,
                a,
                act.ob.victim,
                action="no_forces",
                **({"war": war.id} if war is not None else {}),
                cause=act.cause,
                pact=act.ob.pact,
                article=act.ob.clause.article,
            )


def _answers(model: SahelModel, ob: Obligation) -> list[Threat]:
    """The victim's answers to this obligation's incident, weighed or carried out.

    The retaliation, or the offensive, against the incident's author (§7.11).
    """
    return [
        t
        for t in model.threats
        if t.retaliation and t.record == ob.trigger.cause and t.by == ob.victim
    ]


def _answered(model: SahelModel, ob: Obligation) -> bool:
    """Whether the victim still weighs, or wages, an answer to this obligation's incident.

    Not once it stood down, or its answer is over: then there is nothing to pledge to.
    """
    return any(
        t.open or (t.war is not None and model.wars[t.war].ongoing) for t in _answers(model, ob)
    )


def _answer_under_way(model: SahelModel, ob: Obligation) -> tuple[War | None, str]:
    """The war the victim started in answer to this obligation's incident, if still fought.

    With the author of the incident it answered (a retaliation, or an offensive against an
    armed group: §7.11).
    """
    for threat in _answers(model, ob):
        if threat.war is not None:
            war = model.wars[threat.war]
            if war.ongoing and war.side_of(ob.victim) is not None:
                return war, threat.target
    return None, ""


def intervene(model: SahelModel, act: Act) -> None:
    """Threaten force against the offender, with notice (ECOWAS 1999 Mechanism Art. 25).

    The threat is carried out or not by the deciders' own weighing in phase 2, after
    ``intervention_notice_days``; nothing is threatened against a target already threatened
    or already at war with them.
    """
    ob, target = act.ob, act.target
    notice = int(model.params.intervention_notice_days)
    attackers = tuple(a for a in act.acting if a in model.actors and a != target)
    busy = any(t.open and t.target == target for t in model.threats) or any(
        model.at_war(a, target) for a in attackers
    )
    if not attackers or busy or target not in model.actors:
        return
    key = f"{ob.pact}-{ob.clause.id}-{target}-{model.day}"
    index = model.log(
        RecordKind.THREAT,
        act.decider,
        target,
        threat=key,
        pact=ob.pact,
        article=ob.clause.article,
        attackers=list(attackers),
        cause=act.cause,
        deadline=(model.date + dt.timedelta(days=notice)).isoformat(),
    )
    model.open_threat(key, act.decider, target, attackers, model.day + notice, index)


def sanctions(model: SahelModel, act: Act) -> None:
    """Suspend the target from the organisation of the pact (ECOWAS 2001 Protocol Art. 45)."""
    ob, target = act.ob, model.controlled(act.target)  # a junta faction: the state it holds
    organisation = model.world.pacts[ob.pact].parties.organisation
    if organisation and target in model.memberships.active(organisation, model.date):
        model.memberships.change(organisation, target, MembershipStatus.SUSPENDED)
        model.book.take_stock(model.date)
        model.log(
            RecordKind.MEMBERSHIP,
            target,
            organisation,
            status="suspended",
            cause=act.cause,
            pact=ob.pact,
            article=ob.clause.article,
        )


def support(model: SahelModel, act: Act) -> None:
    """Combat support without entering the war (advisers, air support, intelligence).

    In a war the victim's side fights up to ``support_multiplier`` times as effectively, in
    proportion to the helper's size (:meth:`SahelModel.support_factor`); outside a war,
    ``support_lending_share`` of the helper's forces go to the victim's counter-insurgency.
    """
    _help(model, act, model.params.support_multiplier, model.params.support_lending_share)


def non_military(model: SahelModel, act: Act) -> None:
    """Diplomatic, logistic or financial help.

    In a war, the square root of combat support's effect; outside a war,
    ``non_military_lending_share`` of the helper's forces go to the victim's counter-insurgency.
    """
    factor = math.sqrt(model.params.support_multiplier)
    _help(model, act, factor, model.params.non_military_lending_share)


def consult(model: SahelModel, act: Act) -> None:
    """The parties consult on the breach (Liptako-Gourma Charter Art. 8, as encoded).

    A consultation moves no force, but it happened: it is recorded with who took part and
    whom it concerned, so the story and the counts show it.
    """
    ob = act.ob
    model.log(
        RecordKind.CONSULTATION,
        act.decider,
        act.target,
        parties=[a for a in act.acting if a in model.actors] or [act.decider],
        cause=act.cause,
        pact=ob.pact,
        article=ob.clause.article,
    )


def _help(model: SahelModel, act: Act, factor: float, share: float) -> None:
    """Help short of war: to the victim's side in its war, or to its counter-insurgency.

    An actor fighting in the war (on either side) gives no help short of it: one that entered
    under another clause decided the same day (ECOWAS's members may, under the 1981 Protocol's
    Art. 4 (ii) and the 1999 Mechanism's Art. 25) fights with all it sends, and one that helps
    first and enters after takes its help back (:meth:`SahelModel.join_war`).
    """
    ob, war = act.ob, act.war
    for a in [x for x in act.acting if x in model.actors] or [act.decider]:
        if war is not None and war.side_of(a) is not None:
            continue
        if war is not None and war.side_of(ob.victim) is not None and a not in war.supporters:
            side = war.side_of(ob.victim)
            given = model.support_factor(war, side, a, factor)
            war.support(a, side, given)
            model.log(
                RecordKind.SUPPORT,
                a,
                ob.victim,
                action=act.action.value,
                war=war.id,
                factor=round(given, 4),
                cause=act.cause,
                pact=ob.pact,
                article=ob.clause.article,
                **({"decided_by": [ob.obliged]} if ob.collective else {}),
            )
        elif ob.trigger.war is None and a in model.actors:
            # Outside any war (a rebellion, an incident): help goes to counter-insurgency.
            # Help for a war that has meanwhile ended has nothing left to do.
            model.lend(a, ob.victim, share, act.cause, ob, act.action)


ACTIONS: dict[PactAction, Callable[[SahelModel, Act], None]] = {
    PactAction.CONSULT: consult,
    PactAction.SANCTIONS: sanctions,
    PactAction.NON_MILITARY: non_military,
    PactAction.SUPPORT: support,
    PactAction.ARMED_ASSISTANCE: armed_assistance,
    PactAction.INTERVENE: intervene,
}
"""Each pact action and the handler that carries it out."""
