"""Phase 3: new triggers are matched against every clause in force, creating obligations.

A trigger (an aggression, an attack on forces abroad, a rebellion, a coup) is raised by the
model's moves (:meth:`~sim.model.model.SahelModel.raise_trigger`); the pact engine
(:func:`sim.model.pacts.obligations_for`) says who then owes what to whom under which article.
Triggers raised in phases 1 and 2 are matched the same day; those raised later wait a day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sim.model.pacts import clauses_unmet, obligations_for
from sim.model.records import RecordKind
from sim.model.responses import voters

if TYPE_CHECKING:
    from sim.model.model import SahelModel


def match_triggers(model: SahelModel) -> None:
    """Phase 3: match queued triggers against every clause in force; record the obligations."""
    if not model.queue:
        return
    queue, model.queue = model.queue, []
    for trigger in queue:
        war = model.wars[trigger.war] if trigger.war is not None else None
        for pact, clause, condition in clauses_unmet(trigger, model.book, model.date):
            # said, so that the story explains a clause a reader expected to come into play
            model.log(
                RecordKind.CLAUSE_UNMET,
                clause.body or model.book.pacts[pact].parties.organisation or "",
                trigger.victim,
                pact=pact,
                pact_name=model.world.pact_names.get(pact, pact),
                clause=clause.id,
                article=clause.article,
                casus_foederis=trigger.kind.value,
                condition=condition.value,
                offenders=list(trigger.offenders),
                war=trigger.war,
                cause=trigger.cause,
            )
        # Those who back an offender are parties to the conflict on its side: no clause asks
        # them to help its victim (Burkina Faso and Cote d'Ivoire, the NPFL's backers, 1990).
        backing = model.backers_of(trigger.offenders)
        in_play = [a for a in model.actor_ids if a not in backing]
        for ob in obligations_for(trigger, model.book, model.date, model.day, in_play):
            if war is not None and war.ongoing and war.side_of(ob.obliged) is not None:
                continue  # already fighting in this war: nothing more to ask of it
            if ob.collective and not voters(model, ob):
                continue  # every member of the body is a party to the conflict: no one decides
            ob.record = model.log(
                RecordKind.OBLIGATION,
                ob.obliged,
                ob.victim,
                pact=ob.pact,
                pact_name=model.world.pact_names.get(ob.pact, ob.pact),
                clause=ob.clause.id,
                article=ob.clause.article,
                casus_foederis=trigger.kind.value,
                action=ob.clause.action.value,
                toward=ob.clause.toward.value,
                decision=ob.clause.decision.value,
                due=ob.due,
                offenders=list(ob.offenders),
                also_under=list(ob.also_under),
                war=trigger.war,
                cause=trigger.cause,
                **({"modality": ob.clause.modality.value} if ob.permitted else {}),
            )
            model.pending.append(ob)
