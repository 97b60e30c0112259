"""How long one 365-day replicate of the flagship scenario takes, against Mesa's floor.

Mesa's floor is an empty Mesa model with the same number of agents, each with a no-op step,
stepped 365 times: the cost of Mesa itself. Both are timed in this same process, interleaved,
and medians are printed because the machine is noisy.

Usage: python benchmarks/replicate_speed.py [--repeats 40] [--scenario NAME (default: the flagship)]
"""

from __future__ import annotations

import argparse
import statistics
import time

import mesa

from sim.model.model import SahelModel
from sim.model.world import build_world
from sim.run.replicate import run_one
from sim.scenario.defaults import FLAGSHIP
from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario

TARGET_RATIO = 2.5
"""Issue 10's budget for a replicate, against Mesa's own cost for the same agents and days."""


class _Idle(mesa.Agent):
    def step(self) -> None:
        pass


class _EmptyModel(mesa.Model):
    def __init__(self, n_agents: int, seed: int):
        super().__init__(rng=seed)
        for _ in range(n_agents):
            _Idle(self)

    def step(self) -> None:
        self.agents.shuffle_do("step")


def _floor(n_agents: int, days: int, seed: int) -> float:
    started = time.perf_counter()
    model = _EmptyModel(n_agents, seed)
    for _ in range(days):
        model.step()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--scenario", default=FLAGSHIP)
    args = parser.parse_args()

    scenario = load_scenario(args.scenario)
    facts = fact_base()
    n_agents = len(build_world(scenario, facts).actors)
    run_one(scenario, 0, facts)  # warm caches and imports
    ours, model_only, floor = [], [], []
    for seed in range(args.repeats):
        started = time.perf_counter()
        run_one(scenario, seed, facts)
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        SahelModel(build_world(scenario, facts), seed).run()
        model_only.append(time.perf_counter() - started)
        floor.append(_floor(n_agents, scenario.days, seed))

    def ms(values: list[float]) -> float:
        return statistics.median(values) * 1000

    print(
        f"scenario: {args.scenario} ({scenario.days} days, {n_agents} agents), mesa {mesa.__version__}"
    )
    print(f"{'what':<40}{'median ms':>12}{'x floor':>10}")
    for label, values in (
        ("run_one (model + series + summary)", ours),
        ("model alone (build and step)", model_only),
        ("Mesa floor (empty model, same agents)", floor),
    ):
        print(f"{label:<40}{ms(values):>12.2f}{ms(values) / ms(floor):>10.2f}")
    ratio = ms(ours) / ms(floor)
    print(
        f"target: run_one at most {TARGET_RATIO}x Mesa's floor -> "
        f"{'met' if ratio <= TARGET_RATIO else 'NOT met'} ({ratio:.2f}x) on this machine"
    )


if __name__ == "__main__":
    main()
