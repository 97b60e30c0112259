"""Phase 6, combat: Lanchester square-law attrition on each front (guerrilla wars apart).

With aimed fire each side loses in proportion to the other's effective strength:
dA/dt = -beta B and dB/dt = -alpha A, whose invariant is alpha A^2 - beta B^2 (Lanchester's
square law; domain brief §9.6). Each day is integrated exactly with that day's coefficients
(which carry the daily noise and the effectiveness multipliers), so with the noise off the
model follows the closed-form solution.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from sim.model.agents import Power
from sim.model.streams import Concern, stream
from sim.model.wars import ATTACKERS, DEFENDERS, War

if TYPE_CHECKING:
    from sim.model.model import SahelModel


def square_law_day(
    a: float, b: float, alpha: float, beta: float, dt: float = 1.0
) -> tuple[float, float]:
    """Strengths of both sides after ``dt`` days of square-law fighting (exact, floored at 0).

    Args:
        a: effective strength of side A at the start of the day.
        b: effective strength of side B at the start of the day.
        alpha: casualties A inflicts per day per unit of A's strength.
        beta: casualties B inflicts per day per unit of B's strength.
        dt: length of the step in days.
    """
    if a <= 0 or b <= 0 or alpha <= 0 or beta <= 0:
        return max(a, 0.0), max(b, 0.0)
    k = math.sqrt(alpha * beta)
    c, s = math.cosh(k * dt), math.sinh(k * dt)
    new_a = a * c - math.sqrt(beta / alpha) * b * s
    new_b = b * c - math.sqrt(alpha / beta) * a * s
    if new_a < 0 or new_b < 0:
        # One side is annihilated within the day: the survivor keeps what the invariant allows.
        if alpha * a * a > beta * b * b:
            return math.sqrt(a * a - (beta / alpha) * b * b), 0.0
        return 0.0, math.sqrt(max(b * b - (alpha / beta) * a * a, 0.0))
    return new_a, new_b


def square_law_closed_form(
    a0: float, b0: float, alpha: float, beta: float, t: float
) -> tuple[float, float]:
    """The closed-form square-law solution at time ``t`` (before either side is annihilated)."""
    k = math.sqrt(alpha * beta)
    a = a0 * math.cosh(k * t) - math.sqrt(beta / alpha) * b0 * math.sinh(k * t)
    b = b0 * math.cosh(k * t) - math.sqrt(alpha / beta) * a0 * math.sinh(k * t)
    return a, b


def guerrilla_day(
    a: float, b: float, alpha: float, beta: float, quality_a: float, quality_b: float
) -> tuple[float, float]:
    """Strengths of both sides after a day of guerrilla war (exact).

    Guerrillas strike where they choose and hide among their people: what each side loses is
    a share of its own strength, set by the other's fighting quality (its effectiveness and
    aid per fighter), not by the other's numbers, ``dA/dt = −β·q_B·A`` and
    ``dB/dt = −α·q_A·B``. More troops give the government more posts and convoys to lose, not
    more rebels to find; the outcome of a rising does not turn on the sides' numbers
    (Atkinson, Gutfraind & Kress 2011, "Lanchester theory and the fate of armed revolts",
    arXiv:1106.4358), and the strong lose small wars they cannot bring to battle (Mack 1975,
    World Politics 27(2); Arreguín-Toft 2001, International Security 26(1)).

    Args:
        a: effective strength of side A at the start of the day.
        b: effective strength of side B at the start of the day.
        alpha: A's daily kill rate (with its noise).
        beta: B's daily kill rate (with its noise).
        quality_a: A's effective strength per fighter.
        quality_b: B's effective strength per fighter.
    """
    return a * math.exp(-beta * quality_b), b * math.exp(-alpha * quality_a)


def win_chance(own: float, enemy: float) -> float:
    """Square-law odds: own^2 / (own^2 + enemy^2), the share of fighting strength."""
    if own <= 0:
        return 0.0
    return own * own / (own * own + enemy * enemy)


# ---------------------------------------------------------------------- phase 6


def open_front(model: SahelModel, war: War, by: str, target: str) -> None:
    """Give a new war its own stream of daily combat noise (keyed by who, whom and when)."""
    model.combat_rngs[war.id] = stream(model.seed, Concern.COMBAT, by, target, model.day)


def fight(model: SahelModel) -> None:
    """Phase 6: square-law attrition on each war's front, with lognormal daily noise.

    Each side's strength is its members' forces times their effectiveness, times the side's
    aid multiplier; the day's losses are shared among the members in proportion to their forces.
    A war with a party that draws it out (a rebel army or a faction, all but a band that rose in
    the capital: :attr:`Belligerent.draws_out_war`) is fought at ``irregular_intensity`` of the
    kill rate. A war against rebels who fight as guerrillas (:meth:`SahelModel.guerrilla_side`)
    is fought by :func:`guerrilla_day` instead of the square law.
    An attempted coup is not fought by attrition: it is decided the next day
    (:func:`sim.model.termination.decide_attempt`), and its casualties are not counted.
    """
    if not model.wars_ongoing:
        return
    p = model.params
    sigma = p.combat_noise
    actors = model.actors
    for war in model.wars:
        if not war.ongoing or war.coup_attempt:
            continue
        a, b = model.side_strength(war, ATTACKERS), model.side_strength(war, DEFENDERS)
        if a <= 0 or b <= 0:
            continue
        z = model.combat_rngs[war.id].standard_normal(2)
        noise = np.exp(sigma * z - sigma * sigma / 2) if sigma > 0 else (1.0, 1.0)
        rate = p.kill_rate * (p.irregular_intensity if war.irregular else 1.0)
        alpha = rate * float(noise[0])
        beta = rate * float(noise[1])
        if model.guerrilla_side(war) is None:
            new_a, new_b = square_law_day(a, b, alpha, beta)
        else:
            quality = model.fighting_quality(war)
            new_a, new_b = guerrilla_day(a, b, alpha, beta, *quality)
        for s, before, after in ((ATTACKERS, a, new_a), (DEFENDERS, b, new_b)):
            fraction = 1.0 - after / before
            for member, f in war.sides[s].items():
                lost = f * fraction
                war.sides[s][member] = f - lost
                actor = actors[member]
                actor.casualties += lost
                actor.forces = max(actor.forces - lost, 0.0)
                if isinstance(actor, Power):
                    actor.shrink(lost)
                    model.present = model.presence()
                war.losses[s] += lost
