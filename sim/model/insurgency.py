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


class Insurgents:
    """Every armed group's strength in every country it operates in, stepped together.

    Cell ``i`` is group ``group_of[i]`` in country ``country_of[i]`` (an index into the
    model's states; countries outside the scenario share a last slot whose effort stays 1).
    Each day applies :func:`insurgent_day` to every cell. Plain lists: with a handful of cells
    they are faster than numpy's per-call overhead.
    """

    def __init__(
        self,
        cells: list[tuple[int, int, float]],
        n_groups: int,
        n_countries: int,
        growth: float,
        suppression: float,
    ):
        self.n_groups, self.n_countries = n_groups, n_countries
        self.group_of = [c[0] for c in cells]
        self.country_of = [c[1] for c in cells]
        self.strength = [float(c[2]) for c in cells]
        self.start = list(self.strength)
        self.growth, self.suppression = growth, suppression
        self.capacity = [carrying_capacity(s, growth, suppression) for s in self.start]

    def day(self, effort: list[float], shocks: list[float]) -> None:
        """One day for every cell; ``effort`` has one entry per country slot."""
        # insurgent_day, inlined: this runs every day for every cell (1 / inf is 0).
        r, e = self.growth, self.suppression
        self.strength = [
            max(s + (r + shock) * s * (1 - s / k) - e * effort[c] * s, 0.0) if s > 0 else 0.0
            for s, k, c, shock in zip(
                self.strength, self.capacity, self.country_of, shocks, strict=True
            )
        ]

    def by_country(self, start: bool = False) -> list[float]:
        """Total fighters per country slot (now, or at the start)."""
        totals = [0.0] * (self.n_countries + 1)
        for c, s in zip(self.country_of, self.start if start else self.strength, strict=True):
            totals[c] += s
        return totals

    def by_group(self) -> list[float]:
        """Total fighters per group."""
        totals = [0.0] * self.n_groups
        for g, s in zip(self.group_of, self.strength, strict=True):
            totals[g] += s
        return totals

    def groups_in(self, country: int) -> list[int]:
        """Groups with fighters in a country slot, in order."""
        return sorted(
            {
                g
                for g, c, s in zip(self.group_of, self.country_of, self.strength, strict=True)
                if c == country and s > 0
            }
        )

    def surge(self, group: int, country: int, factor: float) -> None:
        """Multiply one group's strength in one country (an insurgent offensive)."""
        for i, (g, c) in enumerate(zip(self.group_of, self.country_of, strict=True)):
            if g == group and c == country:
                self.strength[i] *= factor
