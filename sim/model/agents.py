"""The model's agents: states, outside powers, armed groups and belligerents (Mesa agents).

Agents hold what changes during a run (forces left, casualties, regime, deployments present,
insurgent strength per country). Decisions are taken by the model's phases, which read the
agents; organisations and pacts are data, not agents (DESIGN §3).
"""

from __future__ import annotations

import mesa

from sim.model.world import ActorSpec
from sim.scenario.schema import fights_as_guerrillas
from sim.scenario.vocabulary import ActorKind, Regime

REPUTATION_PRIOR = (1, 2)
"""Before any obligation an actor counts as having honoured one out of two."""


class Actor(mesa.Agent):
    """Common to every actor: its spec, forces, casualties and its record of obligations."""

    def __init__(self, model: mesa.Model, spec: ActorSpec):
        super().__init__(model)
        self.spec = spec
        self.id = spec.id
        self.forces = spec.forces
        self.casualties = 0.0
        self.honoured = 0
        self.obligations = 0

    @property
    def reputation(self) -> float:
        """Share of obligations honoured so far, with a prior of one honoured in two."""
        honoured, obligations = REPUTATION_PRIOR
        return (self.honoured + honoured) / (self.obligations + obligations)

    @property
    def deployable(self) -> float:
        """Forces that can be sent beyond home defence."""
        return self.forces * self.spec.deployable_share


class State(Actor):
    """A sovereign state: forces at home, at fronts, and on counter-insurgency."""

    def __init__(self, model: mesa.Model, spec: ActorSpec):
        super().__init__(model, spec)
        self.regime = spec.regime or Regime.CIVILIAN
        self.baseline_forces = spec.forces
        self.holds_on = False  # an incumbent who will not hand over after losing an election


class Power(Actor):
    """An outside power: forces deployed in host states, arriving and leaving on dates."""

    def __init__(self, model: mesa.Model, spec: ActorSpec):
        super().__init__(model, spec)
        self.present: dict[str, float] = {}

    @property
    def deployable(self) -> float:
        """An outside power fights with what it has in the region."""
        return sum(self.present.values())

    def sync_forces(self) -> None:
        """Forces are what is deployed in the region."""
        self.forces = sum(self.present.values())

    def shrink(self, lost: float) -> None:
        """Losses at a front come out of every deployment in proportion to its size."""
        total = sum(self.present.values())
        if total > 0:
            for host in self.present:
                self.present[host] *= max(1.0 - lost / total, 0.0)


class ArmedGroup(Actor):
    """A non-state armed group; its fighters per country live in the model's :class:`Insurgents`."""


class Belligerent(Actor):
    """An armed force inside a state that fights wars as a party: a rebel army or a faction.

    It holds no territory back: all its forces defend it when it is attacked.
    """

    @property
    def home(self) -> str:
        """The state it fights in."""
        return self.spec.home or ""

    @property
    def draws_out_war(self) -> bool:
        """Whether it can keep a war going at the pace of a civil war (§7.6).

        A rebel army in the country's periphery has the land to fall back on (Fearon 2004,
        Journal of Peace Research 41(3): peripheral, "sons of the soil" insurgencies are the
        longest civil wars); a faction has the army's own bases and arsenals; a rebel army with
        outside backers has a sanctuary and supplies beyond the front (Salehyan 2007, World
        Politics 59(2); Kalyvas & Balcells 2010, American Political Science Review 104(3)). A
        band that rose in the capital with none of these (``rose_in_capital``, which loading
        refuses beside ``faction_of`` or ``backers``) must hold what it seized, and is fought at
        the full kill rate: wars begun by a coup or a rising in the capital are the shortest on
        record (Fearon 2004), and Senegal's troops retook Banjul from Kukoi Samba Sanyang's
        council within a week (1981).
        """
        return not self.spec.rose_in_capital

    @property
    def fights_as_guerrillas(self) -> bool:
        """Whether it fights its state as guerrillas, while the weaker side (§7.6).

        The rule is the scenario format's: :func:`sim.scenario.schema.fights_as_guerrillas`.
        """
        spec = self.spec
        return fights_as_guerrillas(
            faction=spec.faction,
            backers=spec.backers,
            rose_in_capital=spec.rose_in_capital,
            in_the_open=spec.in_the_open,
        )


ACTOR_CLASSES: dict[ActorKind, type[Actor]] = {
    ActorKind.STATE: State,
    ActorKind.POWER: Power,
    ActorKind.ARMED_GROUP: ArmedGroup,
    ActorKind.BELLIGERENT: Belligerent,
}
"""The agent class of each kind of actor."""
