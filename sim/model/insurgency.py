"""Armed groups: logistic growth held back by counter-insurgency. Pure functions.

An armed group's strength S in one country grows logistically at rate r and is suppressed in
proportion to the counter-insurgency effort q (1 = the effort at the start of the run):
dS/dt = r S (1 - S/K) - e q S. The carrying capacity K is set so that the starting strength is
the equilibrium at the starting effort (K = S0 r / (r - e)); forces diverted to a war lower q and
let the groups grow (DESIGN §3, phase 7).
"""

from __future__ import annotations

import math


def carrying_capacity(start: float, growth: float, suppression: float) -> float:
    """K such that ``start`` is the equilibrium at full effort; infinite when e >= r."""
    if growth <= suppression or start <= 0:
        return math.inf
    return start * growth / (growth - suppression)


def insurgent_day(
    strength: float,
    capacity: float,
    growth: float,
    suppression: float,
    effort: float,
    shock: float = 0.0,
) -> float:
    """Strength after one day. ``shock`` is the day's noise on the growth rate."""
    if strength <= 0:
        return 0.0
    logistic = 0.0 if math.isinf(capacity) else strength / capacity
    change = (growth + shock) * strength * (1 - logistic) - suppression * effort * strength
    return max(strength + change, 0.0)
