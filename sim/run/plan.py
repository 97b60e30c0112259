"""Run plans: every replicate's seed is fixed before any work is dispatched.

The root seed (given, or drawn from the operating system and then printed and recorded) is
spawned into one seed per replicate with numpy's ``SeedSequence.spawn``, so replicate ``i``
always gets the same seed whatever the number of workers or the order in which they finish
(Axelrod's and Mesa's lessons on seeding parallel runs).

The seeds are fixed by the plan but derived when needed (:class:`ReplicateSeeds`): child ``i``
of ``SeedSequence(root).spawn(n)`` is ``SeedSequence(root, spawn_key=(i,))``, so seed ``i`` is
computed alone, identical to the spawned one, and a plan of a hundred million replicates takes
no more memory than a plan of ten.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

import numpy as np

from sim.errors import InputError, Text
from sim.run.posterior import Posterior
from sim.scenario.defaults import MAX_SEED
from sim.scenario.schema import Scenario


def replicate_seed(root_seed: int, index: int) -> int:
    """The 63-bit seed of replicate ``index``: child ``index`` of ``SeedSequence(root_seed)``."""
    child = np.random.SeedSequence(root_seed, spawn_key=(index,))
    return int(child.generate_state(1, np.uint64)[0] >> np.uint64(1))


class ReplicateSeeds(Sequence[int]):
    """The ``n`` replicate seeds of a root seed, each derived when it is read.

    Behaves as the tuple of seeds (length, indexing, slicing, iteration, equality) without
    holding it: memory stays flat in the replicate count.
    """

    __slots__ = ("n", "root_seed")

    def __init__(self, root_seed: int, n: int):
        self.root_seed, self.n = int(root_seed), int(n)

    def __len__(self) -> int:
        return self.n

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[int, ...]: ...
    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(replicate_seed(self.root_seed, i) for i in range(*index.indices(self.n)))
        i = index + self.n if index < 0 else index
        if not 0 <= i < self.n:
            raise IndexError(f"replicate {index} of {self.n}")
        return replicate_seed(self.root_seed, i)

    def __iter__(self) -> Iterator[int]:
        return (replicate_seed(self.root_seed, i) for i in range(self.n))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ReplicateSeeds):
            return (self.root_seed, self.n) == (other.root_seed, other.n)
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == self.n and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.root_seed, self.n))

    def __repr__(self) -> str:
        return f"ReplicateSeeds(root_seed={self.root_seed}, n={self.n})"


@dataclass(frozen=True)
class RunPlan:
    """What an ensemble will run: the scenario, the root seed and one seed per replicate."""

    scenario: Scenario
    root_seed: int
    seeds: Sequence[int]
    seed_was_drawn: bool = False
    posterior: Posterior | None = None  # None: every replicate runs the scenario's values
    precision: float | None = None  # adaptive: stop once every interval is within ± this

    @property
    def replicates(self) -> int:
        """How many replicates the plan runs."""
        return len(self.seeds)


def draw_root_seed() -> int:
    """A fresh root seed from the operating system's entropy (recorded by the caller)."""
    return secrets.randbelow(2**32)


def replicate_seeds(root_seed: int, n: int) -> ReplicateSeeds:
    """``n`` independent 63-bit seeds spawned from ``root_seed``, in replicate order (lazily)."""
    return ReplicateSeeds(root_seed, n)


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
        raise InputError(Text("--replicates {n}: expected a whole number of at least 1", n=n))
    root = seed if seed is not None else scenario.ensemble.seed
    drawn = root is None
    if root is None:
        root = draw_root_seed()
    if not 0 <= root <= MAX_SEED:
        raise InputError(
            Text(
                "--seed {seed}: expected a whole number from 0 to {most}", seed=root, most=MAX_SEED
            )
        )
    return RunPlan(scenario, int(root), replicate_seeds(int(root), n), drawn, posterior)
