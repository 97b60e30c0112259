"""How an obliged actor answers an obligation: pure functions, tested without Mesa.

In ``strict`` mode pledges are kept as written. In ``behavioural`` mode an obliged actor
honours with a probability whose log-odds start from the base rate of honouring alliance
commitments (about three in four: Leeds, Long & Mitchell 2000; Leeds 2003) and move with six
terms: its resolve, its affinity to the victim, its capacity against the enemy, the expected
cost of the action asked, the insurgent pressure it faces at home, and its reputation in the
run. One uniform draw decides: below the probability it honours; in the next band (the
``partial_share`` of the rest) it gives non-military help; above, it abstains. Using one draw
for both makes a higher probability never turn an honour into a defection on the same draw.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sim.model.records import Response
from sim.scenario.vocabulary import Commitment, DecisionRule, PactAction

ACTION_COST: dict[PactAction, float] = {
    PactAction.CONSULT: 0.0,
    PactAction.SANCTIONS: 0.1,
    PactAction.NON_MILITARY: 0.2,
    PactAction.SUPPORT: 0.5,
    PactAction.ARMED_ASSISTANCE: 1.0,
    PactAction.INTERVENE: 1.0,
}
"""How much of the expected cost of fighting each action carries (armed action carries all)."""


@dataclass(frozen=True)
class Situation:
    """What an obliged actor weighs, each term on a 0-1 scale.

    Attributes:
        resolve: the actor's resolve.
        affinity: shared regime type and shared alliances with the victim (0.5 each).
        capacity: own deployable strength / (own + enemy strength).
        cost: enemy strength / (enemy + victim side's strength): the chance of being on the
            losing side.
        pressure: insurgent fighters at home against own forces (capped at 1).
        reputation: share of its obligations honoured so far in the run (prior 1/2).
    """

    resolve: float
    affinity: float
    capacity: float
    cost: float
    pressure: float
    reputation: float


@dataclass(frozen=True)
class Decision:
    """A decided obligation: the response, its probability, the draw and the terms' values."""

    response: Response
    probability: float
    draw: float | None
    terms: dict[str, float]


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


def honour_probability(
    situation: Situation,
    action: PactAction,
    params,
    *,
    permitted: bool = False,
    invited: bool = False,
) -> tuple[float, dict[str, float]]:
    """Probability of honouring in behavioural mode, and each term's contribution in log-odds.

    Sources: the base rate from Leeds, Long & Mitchell (2000) and Leeds (2003); resolve and
    reputation after Leeds (2003); affinity after Leeds, Mattes & Vogel (2009); cost after
    Snyder's (1984) fear of entrapment; capacity after Leeds (2003) on power shifts.

    For a measure a clause only permits (``permitted``), the alliance-reliability base rate does
    not apply (it measures duties): the base is ``permission_base_rate``, and reputation has no
    term, since declining what one may do breaks no promise. Help a government asks for outside
    any treaty (``invited``, a ``request`` event) is permitted too, from a base rate of its own,
    ``invitation_base_rate``: the record of such requests (seeds/history/invitations.md), not the
    fit of ECOWAS's members deciding measures their protocols permit.
    """
    s = situation
    weight = ACTION_COST[action]
    if invited:  # a request is a permission too: its own base comes first
        base = params.invitation_base_rate
    elif permitted:
        base = params.permission_base_rate
    else:
        base = params.honour_base_rate
    contributions = {
        "base rate": _logit(base),
        "resolve": params.resolve_weight * (2 * s.resolve - 1),
        "affinity": params.affinity_weight * (2 * s.affinity - 1),
        "capacity": params.capacity_weight * weight * (2 * s.capacity - 1),
        "expected cost": -params.cost_weight * weight * (2 * s.cost - 1),
        "insurgency at home": -params.insurgency_weight * weight * s.pressure,
    }
    if not (permitted or invited):
        contributions["reputation"] = params.reputation_weight * (2 * s.reputation - 1)
    logit = sum(contributions.values())
    return 1.0 / (1.0 + math.exp(-logit)), contributions


def decide(
    situation: Situation,
    action: PactAction,
    commitment: Commitment,
    draw: float,
    params,
    *,
    permitted: bool = False,
    invited: bool = False,
) -> Decision:
    """Decide one obligation (or permission, or request) for one obliged actor.

    Strict mode honours without drawing (a permission is used). Behavioural mode compares
    ``draw`` with the honour probability, then with the partial band.
    """
    if commitment is Commitment.STRICT:
        return Decision(Response.HONOURED, 1.0, None, {})
    probability, terms = honour_probability(
        situation, action, params, permitted=permitted, invited=invited
    )
    if draw < probability:
        response = Response.HONOURED
    elif draw < probability + (1 - probability) * params.partial_share:
        response = Response.PARTIAL
    else:
        response = Response.ABSTAINED
    values = {
        "resolve": situation.resolve,
        "affinity": situation.affinity,
        "capacity": situation.capacity,
        "expected cost": situation.cost,
        "insurgency at home": situation.pressure,
    }
    if "reputation" in terms:  # a duty's term only: honour_probability decides which apply
        values["reputation"] = situation.reputation
    details = {f"{k} (value)": round(v, 4) for k, v in values.items()}
    details.update({f"{k} (log-odds)": round(v, 4) for k, v in terms.items()})
    return Decision(response, probability, draw, details)


def vote_passes(yes: int, members: int, rule: DecisionRule) -> bool:
    """Whether ``yes`` votes out of ``members`` carry a collective decision under ``rule``.

    Unanimity needs every member; a majority more than half; two thirds at least two thirds
    (the reading of the ECOWAS Mediation and Security Council's rule in the domain brief §3.3).
    """
    if members <= 0:
        return False
    if rule is DecisionRule.UNANIMITY:
        return yes == members
    if rule is DecisionRule.MAJORITY:
        return 2 * yes > members
    if rule is DecisionRule.TWO_THIRDS:
        return 3 * yes >= 2 * members
    raise ValueError(f"not a counted vote: {rule}")
