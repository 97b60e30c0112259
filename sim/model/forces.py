"""Phase 5: contingents abroad grow; the counter-insurgency effort left once forces are at fronts.

Effort is 1 at the start: a state's forces plus the outside powers' forces present. Forces
sent to a war leave it; partners' deployments and forces lent under a clause add to it. Nothing
changes it in peacetime unless forces move, so it is recomputed only then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sim.model.records import RecordKind
from sim.model.wars import ATTACKERS, DEFENDERS, War

if TYPE_CHECKING:
    from sim.model.model import SahelModel

PRESENT_POWER_LENDING = 2
"""An outside power with forces in the host lends this many times the lending share of them."""

SMALLEST_CONTINGENT = 150
"""Troops a state sends abroad at least when it enters a war, however little its side still
needs (never more than its first contingent): a company, the record's smallest contingents
(AFISMA in Mali, 2013: Ghana 120, Guinea 144; ECOMOG in Guinea-Bissau, 1999: Benin 145;
seeds/history/episodes.md and docs/model.md §8, ``rebellion_assistance_share``)."""


def deploy(model: SahelModel, power_id: str, host: str, strength: float, **record) -> None:
    """An outside power's forces arrive in a host state; ``record`` adds to the record.

    A dated deployment of the fact base, or forces of record sent in answer to the host's request.
    """
    power = model.actors[power_id]
    power.present[host] = power.present.get(host, 0.0) + strength
    power.sync_forces()
    model.present = model.presence()
    model.log(RecordKind.DEPLOYMENT, power_id, host, strength=strength, **record)


def still_to_send(model: SahelModel, war: War) -> list[tuple[int, str, float]]:
    """What each state fighting ``war`` on another state's soil can still send there.

    ``(side, state, forces)`` for every such state (leaders included) whose contingent is short
    of what its side is sized for (:meth:`~sim.model.model.SahelModel.abroad_share` of all it
    could deploy): the gap, never more than it has left uncommitted to any war.
    """
    theatre = model.controlled(war.leaders[DEFENDERS])
    short = []
    for s in (ATTACKERS, DEFENDERS):
        share = None
        for member, there in war.sides[s].items():
            state = model.state(member)
            if state is None or member == theatre or member in war.at_home:
                continue
            if share is None:
                share = model.abroad_share(war, s)
            more = min(state.deployable * share - there, model.uncommitted(member))
            if more > 0:
                short.append((s, member, more))
    return short


def reinforce_contingents(model: SahelModel) -> None:
    """Phase 5, first: a state fighting on another state's soil sends more each day.

    Each day of the war, after the day's entries (phase 4), it sends ``reinforcement_rate`` of
    what it can still send there (:func:`still_to_send`): a contingent grows toward what its side
    is sized for (``sought_superiority`` against the enemy, never more than its whole deployable
    force), more slowly as it nears it. ECOMOG grew from about 3,500 troops landed in
    Liberia in August 1990 to about 15,000 at its height, and Nigeria's force in Sierra Leone
    from a few thousand in June 1997 to the force that took Freetown in February 1998
    (seeds/history/episodes.md). What is sent adds to what the side has committed, the base of
    its breaking point (phase 8).
    """
    rate = model.params.reinforcement_rate
    if rate <= 0 or not model.wars_ongoing:
        return
    for war in model.wars:
        if not war.ongoing:
            continue
        for s, member, more in still_to_send(model, war):
            war.commit(member, s, rate * more)
            model.moved = True


def allocate_forces(model: SahelModel) -> None:
    """Phase 5: each state's effort is what is not at a front, plus partners' help."""
    if not model.wars_ongoing and not model.moved:
        return
    ongoing = [w for w in model.wars if w.ongoing]
    model.moved = False
    index = model.state_index
    committed = [0.0] * len(model.states)
    for war in ongoing:
        for side in war.sides:
            for a, f in side.items():
                i = index.get(a)
                if i is not None:
                    committed[i] += f
    effort, baseline = model.effort, model.baseline
    for i, state in enumerate(model.states):
        available = max(state.forces - committed[i], 0.0) + model.support[i] + model.present[i]
        effort[i] = available / baseline[i] if baseline[i] > 0 else 1.0
    lost = sum([1.0 - e for e in effort[:-1] if e < 1.0])
    model.lost_today = lost / len(model.states) if model.states else 0.0
