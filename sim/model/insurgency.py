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
    """One cell's strength after one day; ``shock`` is the day's noise on the growth rate.

    This is :meth:`Insurgents.day`, the code the model runs, on a single cell. An infinite
    capacity (suppression at least growth) makes the logistic term vanish.
    """
    cell = Insurgents([(0, 0, strength)], 1, 0, growth, suppression, capacity=[capacity])
    cell.day([effort], [shock])
    return cell.strength[0]


class Insurgents:
    """Every armed group's strength in every country it operates in, stepped together.

    Cell ``i`` is group ``group_of[i]`` in country ``country_of[i]`` (an index into the
    model's states; countries outside the scenario share a last slot whose effort stays 1).
    Plain lists: with a handful of cells they are faster than numpy's per-call overhead.
    """

    def __init__(
        self,
        cells: list[tuple[int, int, float]],
        n_groups: int,
        n_countries: int,
        growth: float,
        suppression: float,
        capacity: list[float] | None = None,
    ):
        self.n_groups, self.n_countries = n_groups, n_countries
        self.group_of = [c[0] for c in cells]
        self.country_of = [c[1] for c in cells]
        self.strength = [float(c[2]) for c in cells]
        self.start = list(self.strength)
        self.growth, self.suppression = growth, suppression
        self.capacity = (
            list(capacity)
            if capacity is not None
            else [carrying_capacity(s, growth, suppression) for s in self.start]
        )
        self.cells = list(zip(self.capacity, self.country_of, self.group_of, strict=True))

    def day(self, effort: list[float], shocks: list[float]) -> list[float]:
        """One day for every cell: ``S + (r + shock) S (1 - S/K) - e q S``, floored at 0.

        ``effort`` has one entry per country slot and ``shocks`` one per cell. Returns each
        group's total after the day (what :meth:`by_group` gives), summed in the same pass.
        """
        r, e = self.growth, self.suppression
        strength: list[float] = []
        totals = [0.0] * self.n_groups
        for s, shock, (k, c, g) in zip(self.strength, shocks, self.cells, strict=True):
            if s > 0:
                s = s + (r + shock) * s * (1 - s / k) - e * effort[c] * s
                if s < 0.0:  # max(s, 0.0) without the call: this runs for every cell, daily
                    s = 0.0
            else:
                s = 0.0
            strength.append(s)
            totals[g] += s
        self.strength = strength
        return totals

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

    def fighters(self, group: int, country: int) -> float:
        """One group's fighters in one country slot, now."""
        return sum(
            s
            for g, c, s in zip(self.group_of, self.country_of, self.strength, strict=True)
            if g == group and c == country
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
    totals = insurgents.day(model.effort, model.shocks[model.day])
    for group, total in zip(model.groups, totals, strict=True):
        group.forces = float(total)
    threshold = model.params.rebellion_threshold
    strength = insurgents.strength
    for i, cells, start in model.watched:
        state = model.states[i]
        if state.id in model.rebellions:
            continue  # declared already: one rebellion per state
        now = sum([strength[c] for c in cells])
        if now >= threshold * start:
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
