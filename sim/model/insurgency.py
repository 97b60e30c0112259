"""Phase 7, insurgency: armed groups grow, held back by counter-insurgency; rebellions.

An armed group's strength S in one country grows logistically at rate r and is suppressed in
proportion to the counter-insurgency effort q (1 = the effort at the start of the run):
dS/dt = r S (1 - S/K) - e q S. The carrying capacity K is set so that the starting strength is
the equilibrium at the starting effort (K = S0 r / (r - e)); forces diverted to a war lower q and
let the groups grow (DESIGN §3, phase 7). When a state's insurgents pass ``rebellion_threshold``
times their starting strength, an armed rebellion is declared: an Art. 5 trigger of the
Liptako-Gourma Charter, matched next day.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from sim.model.records import RecordKind
from sim.model.streams import Concern, stream
from sim.scenario.vocabulary import CasusFoederis

if TYPE_CHECKING:
    from sim.model.model import SahelModel


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
    """Strength after one day. ``shock`` is the day's noise on the growth rate.

    The model steps every cell with this function (:meth:`Insurgents.day`); an infinite
    capacity (suppression at least growth) makes the logistic term vanish.
    """
    if strength <= 0:
        return 0.0
    s = strength
    return max(s + (growth + shock) * s * (1 - s / capacity) - suppression * effort * s, 0.0)


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
        """One day for every cell, by :func:`insurgent_day`; ``effort`` per country slot."""
        r, e = self.growth, self.suppression
        self.strength = [
            insurgent_day(s, k, r, e, effort[c], shock)
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


# ---------------------------------------------------------------------- phase 7


def insurgents_of(model: SahelModel) -> Insurgents:
    """Every armed group's fighters in every country it operates in, at the start."""
    cells = []
    outside = len(model.states)
    for g, group in enumerate(model.groups):
        for country, share in group.spec.operates_in:
            cells.append((g, model.state_index.get(country, outside), group.forces * share))
    p = model.params
    return Insurgents(
        cells, len(model.groups), len(model.states), p.insurgent_growth, p.counterinsurgency_effect
    )


def prepare(model: SahelModel) -> None:
    """Draw the whole run's insurgency noise at once, and list the states watched for rebellion.

    One call draws every day's shocks: the same numbers as a draw a day, a fraction of the calls.
    """
    p = model.params
    model.shocks = (
        stream(model.seed, Concern.INSURGENCY)
        .normal(
            0.0,
            p.insurgent_growth * p.insurgency_noise,
            (model.horizon + 1, len(model.insurgents.strength)),
        )
        .tolist()
    )
    country_of = model.insurgents.country_of
    # States with insurgents at the start: (index, its cells, starting strength).
    model.watched = [
        (i, [c for c, k in enumerate(country_of) if k == i], start)
        for i, start in enumerate(model.insurgents.by_country(start=True)[:-1])
        if start > 0
    ]


def advance(model: SahelModel) -> None:
    """Phase 7: armed groups grow against the effort left; rebellions are declared."""
    insurgents = model.insurgents
    if not insurgents.strength:
        return
    insurgents.day(model.effort, model.shocks[model.day])
    totals = insurgents.by_group()
    for g, group in enumerate(model.groups):
        group.forces = float(totals[g])
    threshold = model.params.rebellion_threshold
    strength = insurgents.strength
    for i, cells, start in model.watched:
        now = sum(strength[c] for c in cells)
        state = model.states[i]
        if now >= threshold * start and state.id not in model.rebellions:
            model.rebellions.add(state.id)
            groups = tuple(model.groups[g].id for g in insurgents.groups_in(i))
            index = model.log(
                RecordKind.REBELLION,
                groups[0] if groups else "",
                state.id,
                strength=round(now),
                start_strength=round(start),
                threshold=threshold,
                groups=list(groups),
            )
            model.raise_trigger(CasusFoederis.ARMED_REBELLION, state.id, groups, cause=index)
