"""Phase 3: new triggers are matched against every clause in force, creating obligations.

A trigger (an aggression, an attack on forces abroad, a rebellion, a coup) is raised by the
model's moves (:meth:`~sim.model.model.SahelModel.raise_trigger`); the pact engine
(:func:`sim.model.pacts.obligations_for`) says who then owes what to whom under which article.
Triggers raised in phases 1 and 2 are matched the same day; those raised later wait a day. A
pact that comes into force while a war it covers is under way covers that war from that day
(:func:`cover_wars_under_way`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sim.model.pacts import (
    NOT_ITS_ADVERSARY,
    Trigger,
    answered_as,
    clauses_lost_to_suspension,
    clauses_unmet,
    obligations_for,
)
from sim.model.records import RecordKind
from sim.model.responses import voters
from sim.scenario.vocabulary import CasusFoederis

if TYPE_CHECKING:
    from sim.model.model import SahelModel
    from sim.model.wars import War
    from sim.scenario.facts import Clause


VICTIM_SUSPENDED = "victim_suspended"
"""A ``clause_unmet`` record's condition when the victim's suspension kept a clause out of play:
a standing of the victim, not a condition of the clause's text (``ClauseCondition``)."""


def match_triggers(model: SahelModel) -> None:
    """Phase 3: match queued triggers against every clause in force; record the obligations.

    First, on a day a pact may bind a party it did not bind before, the wars still under way
    are matched against what it binds anew (:func:`cover_wars_under_way`).
    """
    grows = model.book.may_grow(model.date)
    bound = None
    if grows or model.book.may_lapse(model.date):
        # who is bound, on every day that may change, war or not: a party that ceased to be
        # bound and is bound anew later is told bound again (PactBook.lapsed)
        bound = model.book.bound(model.date)
        if grows and model.standing and model.wars_ongoing:
            cover_wars_under_way(model, bound)
    if not model.queue:
        return
    queue, model.queue = model.queue, []
    for trigger in queue:
        match(model, trigger)
        if trigger.war is not None:  # what bound whom when it was matched
            bound = bound if bound is not None else model.book.bound(model.date)
            model.standing[trigger] = bound


def cover_wars_under_way(model: SahelModel, bound: dict[str, frozenset[str]]) -> None:
    """A pact that comes to bind a party during a war it covers covers that war from that day.

    A treaty does not reach back to an act or fact that took place, or a situation that ceased
    to exist, before it came into force for a party (Vienna Convention on the Law of Treaties,
    1969, Art. 28); an armed attack that goes on is a continuing act, which extends over the
    whole time it continues (International Law Commission, Articles on State Responsibility,
    2001, Art. 14 (2)). So a war under way when a pact comes into force, or when a state becomes
    its party, is from that day an aggression or a rebellion under it as much as one begun the
    day after: the Liptako-Gourma Charter came into force, and the Alliance of Sahel States had
    its members, on 16 September 2023, five weeks into the CSP's war with Mali's army. Each
    trigger of a war still fought (or of the same rebels' later offensive on the same state) is
    matched against each pact that binds a party it did not bind when the trigger was last
    looked at, and an obligation is owed if its obliged actor or its victim is such a party (a
    vote of a body, if the pact binds anyone new); nothing already owed is asked again. A war in
    truce is looked at again the day after it resumes (:meth:`SahelModel.resume_war`).
    ``bound`` is each pact's parties bound today.
    """
    looked = set()  # (kind, victim, war): a war is asked once per casus foederis
    for trigger, before in model.standing.items():
        war = under_way(model, trigger)
        if war is None:
            continue  # its snapshot stays as it was: a truce that resumes compares with it
        model.standing[trigger] = bound
        if (trigger.kind, trigger.victim, war.id) in looked:
            continue  # the same rebels' war, raised again with other contributors
        looked.add((trigger.kind, trigger.victim, war.id))
        grown = {p: now - before.get(p, frozenset()) for p, now in bound.items()}
        grown = {p: new for p, new in grown.items() if new}
        if grown:
            arrived = {p for p in grown if not before.get(p)}
            current = trigger if war.id == trigger.war else replace(trigger, war=war.id)
            match(model, current, grown, arrived, origin=trigger)


def under_way(model: SahelModel, trigger: Trigger) -> War | None:
    """The war ``trigger`` arose in, if it is still fought; for a rebellion, the rebels' war.

    A rebellion is one casus foederis however many offensives its rebels make
    (:meth:`SahelModel.raise_trigger`): the same rebels' later war on the same state is it too.
    """
    war = model.wars[trigger.war]
    if war.ongoing:
        return war
    if trigger.kind is CasusFoederis.ARMED_REBELLION:
        for other in model.wars:
            if not other.ongoing or trigger.victim not in other.leaders:
                continue
            attacker, defender = other.leaders
            rebels = defender if attacker == trigger.victim else attacker
            if rebels in trigger.offenders and model.state(rebels) is None:
                return other
    return None


def match(
    model: SahelModel,
    trigger: Trigger,
    grown: dict[str, frozenset[str]] | None = None,
    arrived: set[str] | frozenset[str] = frozenset(),
    origin: Trigger | None = None,
) -> None:
    """Record the obligations ``trigger`` creates (with ``grown``, only toward new parties).

    ``grown`` maps each pact that binds parties today it did not bind before to those parties
    (``arrived``: the pacts that bound no one before): the trigger's war was under way before
    they were bound, and each record says since when (``under_way_since``) and, for a pact
    already in force, whom it binds anew (``newly_bound``), and which of them it had bound
    earlier in the run and ceased to (``bound_again``: a member restored after a suspension).
    """
    war = model.wars[trigger.war] if trigger.war is not None else None
    only = None if grown is None else set(grown)
    first = origin or trigger  # what was owed is owed for the trigger as first matched
    key = (first.kind, first.victim, first.offenders, first.war)
    began = war.start if war is not None else trigger.day

    def since(pact: str, *parties: str) -> dict:
        """What a record says of a war under way: since when, and whom the pact binds anew.

        Those of ``parties`` it binds anew (any, for none given), in the pact's order.
        """
        if grown is None or began == model.day:
            return {}  # the war began today: owed from its first day, as any war's
        if pact in arrived:  # in force again, if it was in force before and bound no one since
            again = []
            if model.book.in_force_again(pact):
                parties_now = model.book.parties(pact, model.date)
                again = [a for a in parties_now if model.book.bound_again(pact, a)]
            return {"under_way_since": began, **({"bound_again": again} if again else {})}
        newly = [
            a
            for a in model.book.parties(pact, model.date)
            if a in grown[pact] and (not parties or a in parties)
        ]
        again = [a for a in newly if model.book.bound_again(pact, a)]
        return {
            "under_way_since": began,
            "newly_bound": newly,
            **({"bound_again": again} if again else {}),
        }

    told = set()  # (pact, article, condition): one article read two ways is told once (a raid)
    for pact, clause, condition in clauses_unmet(trigger, model.book, model.date, only):
        said = (*key, "unmet", pact, clause.id, condition)
        if said in model.owed or (grown is not None and trigger.victim not in grown[pact]):
            continue  # said already, or the pact covered the victim before
        if first.war is not None:
            model.owed.add(said)
        if (pact, clause.article, condition) in told:
            continue
        told.add((pact, clause.article, condition))
        # said, so that the story explains a clause a reader expected to come into play
        body = clause.body or model.book.pacts[pact].parties.organisation or ""
        _say_unmet(model, trigger, pact, clause, body, condition, since(pact, trigger.victim))
    if grown is None:  # said when the trigger arises: a member restored later is asked then
        for pact, clause in clauses_lost_to_suspension(trigger, model.book, model.date):
            if (pact, clause.article, VICTIM_SUSPENDED) in told:
                continue
            told.add((pact, clause.article, VICTIM_SUSPENDED))
            organisation = model.book.pacts[pact].parties.organisation or ""
            _say_unmet(model, trigger, pact, clause, organisation, VICTIM_SUSPENDED, {})
    # Those who back an offender are parties to the conflict on its side: no clause asks
    # them to help its victim (Burkina Faso and Cote d'Ivoire, the NPFL's backers, 1990).
    backing = model.backers_of(trigger.offenders)
    in_play = [a for a in model.actor_ids if a not in backing]
    for ob in obligations_for(trigger, model.book, model.date, model.day, in_play, only):
        # A trigger's first match asks each clause once by construction; a later look asks
        # nothing owed before, under the clause or under a pact it stood for (``also_under``).
        if grown is not None and (
            (*key, "clause", ob.pact, ob.clause.id, ob.obliged) in model.owed
            or (*key, "article", ob.pact, ob.clause.article, ob.obliged) in model.owed
        ):
            continue
        if grown is not None and not ({ob.obliged, ob.victim} & grown[ob.pact] or ob.collective):
            continue  # bound when the war began, or since: what it owed was asked then
        if ob.collective and not voters(model, ob):
            continue  # every member of the body is a party to the conflict: no one decides
        if first.war is not None:  # only a war is looked at again (cover_wars_under_way)
            model.owed.add((*key, "clause", ob.pact, ob.clause.id, ob.obliged))
            for cited in ob.also_under:  # "pact article"
                model.owed.add((*key, "article", *cited.split(" ", 1), ob.obliged))
        if war is not None and war.ongoing and war.side_of(ob.obliged) is not None:
            continue  # already fighting in this war: nothing more to ask of it
        ob.record = model.log(
            RecordKind.OBLIGATION,
            ob.obliged,
            ob.victim,
            pact=ob.pact,
            pact_name=model.world.pact_names.get(ob.pact, ob.pact),
            clause=ob.clause.id,
            article=ob.clause.article,
            **_casus(ob.clause, trigger),
            action=ob.clause.action.value,
            toward=ob.clause.toward.value,
            decision=ob.clause.decision.value,
            due=ob.due,
            offenders=list(ob.offenders),
            also_under=list(ob.also_under),
            war=trigger.war,
            cause=trigger.cause,
            **({"modality": ob.clause.modality.value} if ob.permitted else {}),
            **since(ob.pact, *(() if ob.collective else (ob.obliged, ob.victim))),
        )
        model.pending.append(ob)


def _casus(clause: Clause, trigger: Trigger) -> dict:
    """A record's casus foederis for ``clause`` answering ``trigger``, and whether a raid's.

    A record of a raid from abroad says so (``raid``), whichever kind of clause it brought into
    play: the story tells the raid, not an aggression by a state or a rising (§7.3).
    """
    kind = answered_as(clause, trigger)
    return {"casus_foederis": kind.value, **({"raid": True} if trigger.raid else {})}


def _say_unmet(
    model: SahelModel,
    trigger: Trigger,
    pact: str,
    clause: Clause,
    body: str,
    condition: str,
    under_way: dict,
) -> None:
    """A ``clause_unmet`` record: ``trigger`` did not bring ``clause`` into play, and why."""
    model.log(
        RecordKind.CLAUSE_UNMET,
        body,
        trigger.victim,
        pact=pact,
        pact_name=model.world.pact_names.get(pact, pact),
        clause=clause.id,
        article=clause.article,
        **_casus(clause, trigger),
        condition=condition,
        offenders=list(trigger.offenders),
        **({"adversaries": list(clause.adversaries)} if condition == NOT_ITS_ADVERSARY else {}),
        war=trigger.war,
        cause=trigger.cause,
        **under_way,
    )
