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
    guerrillas: float, government: float, rate_g: float, rate_gov: float, quality_gov: float
) -> tuple[float, float]:
    """Strengths of guerrillas and of the government's side after a day of guerrilla war (exact).

    Guerrillas strike where they choose, with aimed fire at an army that holds posts and roads:
    the government's side loses ``rate_g`` times their effective strength, as in the square law.
    The government's fire at bands hidden among their people is area fire: what it hits grows
    with the bands' own size, not with the army's, so the guerrillas lose each day a share of
    themselves, ``rate_gov`` times the government's fighting quality (effective strength per
    fighter): ``dI/dt = −rate_gov·q·I``, ``dG/dt = −rate_g·I``. It is Deitchman's guerrilla law
    (1962; domain brief §9.6), with the area fire's reach taken as the army's quality, not its
    numbers: more troops hold more ground, they do not find more hidden bands. A government
    wins if fought to the end when ``q·G > I`` at equal rates: numbers count once, not squared
    (:func:`guerrilla_win_chance`).

    Args:
        guerrillas: effective strength of the guerrillas' side at the start of the day.
        government: effective strength of the government's side.
        rate_g: casualties the guerrillas inflict per day per unit of their strength.
        rate_gov: the government's daily kill rate against hidden bands.
        quality_gov: the government side's effective strength per fighter.
    """
    if guerrillas <= 0 or government <= 0:
        return max(guerrillas, 0.0), max(government, 0.0)
    k = rate_gov * quality_gov
    left = guerrillas * math.exp(-k)
    inflicted = rate_g * (guerrillas - left) / k if k > 0 else rate_g * guerrillas
    if inflicted >= government:
        # The government's side is gone within the day: the guerrillas lose only until then.
        return max(guerrillas - k * government / rate_g, 0.0), 0.0
    return left, government - inflicted


def guerrilla_expectation(
    own: float, enemy: float, quality: float, own_break: float, enemy_break: float, rate: float
) -> tuple[float, bool, float]:
    """What a side fighting guerrillas expects: the share it loses, whether it wins, the days.

    By the model's own guerrilla combat (:func:`guerrilla_day`, without its noise, at equal
    rates): the guerrillas (``enemy``, effective strength) lose a share
    ``rate × quality`` of themselves each day, and the side (``own``, of fighting ``quality``
    per soldier) what their aimed fire takes, until the first side has lost its breaking share
    (phase 8). Fought until the guerrillas break, the side loses
    ``enemy × enemy_break / (quality × own)`` of itself, whatever the rate. The days are
    infinite where no side ever breaks.
    """
    if enemy <= 0:
        return 0.0, True, 0.0
    if own <= 0 or quality <= 0:
        return min(own_break, 1.0), False, math.inf
    k = rate * quality

    def days(share: float) -> float:
        return -math.log(1 - share) / k if k > 0 and share < 1 else math.inf

    worn = enemy / (quality * own)  # what the side loses, as the guerrillas are worn out
    bearable = min(own_break, 1.0)
    if enemy_break < 1 and worn * enemy_break < bearable:
        return worn * enemy_break, True, days(enemy_break)
    if enemy_break >= 1 and worn < bearable:  # neither side ever breaks
        return worn, False, math.inf
    return bearable, False, days(bearable / worn)


def guerrilla_win_chance(guerrillas: float, government: float, quality_gov: float) -> float:
    """The guerrillas' odds by Deitchman's law: ``I / (I + q·G)`` (:func:`guerrilla_day`).

    Fought to the end at equal rates, the guerrillas outlast the government's side when
    ``I > q·G``: what they can inflict before they are worn out grows with their number, and
    what the government can bear with its own.
    """
    if guerrillas <= 0:
        return 0.0
    return guerrillas / (guerrillas + quality_gov * government)


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
    kill rate. A war against rebels who fight as guerrillas (``War.guerrillas``,
    :meth:`SahelModel.guerrilla_side`) is fought by :func:`guerrilla_day` instead of the square
    law.
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
        g = war.guerrillas
        if g is None:
            new_a, new_b = square_law_day(a, b, alpha, beta)
        else:
            rates = (alpha, beta)
            quality = model.fighting_quality(war)[1 - g]
            left, held = guerrilla_day((a, b)[g], (a, b)[1 - g], rates[g], rates[1 - g], quality)
            new_a, new_b = (left, held) if g == ATTACKERS else (held, left)
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
