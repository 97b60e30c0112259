"""Run plans: every replicate's seed is fixed before any work is dispatched.

The root seed (given, or drawn from the operating system and then printed and recorded) is
spawned into one seed per replicate with numpy's ``SeedSequence.spawn``, so replicate ``i``
always gets the same seed whatever the number of workers or the order in which they finish
(Axelrod's and Mesa's lessons on seeding parallel runs).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import numpy as np

from sim.errors import InputError
from sim.run.posterior import Posterior
from sim.scenario.defaults import MAX_SEED
from sim.scenario.schema import Scenario


@dataclass(frozen=True)
class RunPlan:
    """What an ensemble will run: the scenario, the root seed and one seed per replicate."""

    scenario: Scenario
    root_seed: int
    seeds: tuple[int, ...]
    seed_was_drawn: bool = False
    posterior: Posterior | None = None  # None: every replicate runs the scenario's values

    @property
    def replicates(self) -> int:
        """How many replicates the plan runs."""
        return len(self.seeds)


def draw_root_seed() -> int:
    """A fresh root seed from the operating system's entropy (recorded by the caller)."""
    return secrets.randbelow(2**32)


def replicate_seeds(root_seed: int, n: int) -> tuple[int, ...]:
    """``n`` independent 63-bit seeds spawned from ``root_seed``, in replicate order."""
    children = np.random.SeedSequence(root_seed).spawn(n)
    return tuple(int(child.generate_state(1, np.uint64)[0] >> np.uint64(1)) for child in children)


def plan_runs(
    scenario: Scenario,
    replicates: int | None = None,
    seed: int | None = None,
    posterior: Posterior | None = None,
) -> RunPlan:
    """Plan an ensemble: command-line values win over the scenario's ``ensemble`` settings.

    With a ``posterior``, each replicate runs with the parameter set its seed draws from it.
    """
    n = replicates if replicates is not None else scenario.ensemble.replicates
    if n < 1:
        raise InputError(f"--replicates {n}: expected a whole number of at least 1")
    root = seed if seed is not None else scenario.ensemble.seed
    drawn = root is None
    if root is None:
        root = draw_root_seed()
    if not 0 <= root <= MAX_SEED:
        raise InputError(f"--seed {root}: expected a whole number from 0 to {MAX_SEED}")
    return RunPlan(scenario, int(root), replicate_seeds(int(root), n), drawn, posterior)
