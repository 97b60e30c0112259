"""Adaptive ensembles: stop adding replicates once every reported probability is precise enough."""

from __future__ import annotations

import csv
import dataclasses

from sim.analysis.estimates import proportion
from sim.model.outcome_registry import KEY_OUTCOMES, Estimator
from sim.model.outcomes import SUMMARY_COLUMNS
from sim.run.bundle import Encoded
from sim.run.options import PRECISION_CAP
from sim.run.plan import RunPlan, plan_runs
from sim.scenario.schema import Scenario

MIN_REPLICATES = 100
"""Never stop before this many replicates: Wilson intervals are trustworthy from here on."""


class PrecisionRule:
    """Stop when the 95 % interval of every yes/no key outcome is within ± ``precision``.

    Called with each finished replicate; returns the reason to stop, or None. Replicates are
    added in order from the same seed list, so an adaptive ensemble is a prefix of the fixed
    one and stays reproducible.
    """

    def __init__(self, precision: float, check_every: int = 20):
        self.precision = precision
        self.check_every = check_every
        self.columns = [o.column for o in KEY_OUTCOMES if o.estimator is Estimator.PROPORTION]
        # Positions in a summary row, after replicate and seed.
        self.positions = [2 + SUMMARY_COLUMNS.index(c) for c in self.columns]
        self.successes = [0] * len(self.columns)
        self.n = 0

    def half_widths(self) -> dict[str, float]:
        """Current half-width of each outcome's interval."""
        out = {}
        for column, k in zip(self.columns, self.successes, strict=True):
            est = proportion(k, self.n)
            out[column] = (est.high - est.low) / 2
        return out

    def __call__(self, item: Encoded) -> str | None:
        """Count one replicate; say why to stop when every interval is narrow enough."""
        if item.failure is not None:
            return None
        row = next(csv.reader([item.summary]))
        for i, position in enumerate(self.positions):
            self.successes[i] += row[position] == "true"
        self.n += 1
        if self.n < MIN_REPLICATES or self.n % self.check_every:
            return None
        widest = max(self.half_widths().values())
        if widest <= self.precision:
            return (
                f"every reported probability's 95 % interval is within ±{self.precision:g} "
                f"(widest ±{widest:.3f}) after {self.n} replicates"
            )
        return None


def plan_adaptive(
    scenario: Scenario,
    replicates: int | None = None,
    seed: int | None = None,
    precision: float | None = None,
) -> tuple[RunPlan, PrecisionRule | None]:
    """Plan an ensemble, and with ``precision`` the rule that may stop it early.

    An adaptive ensemble runs the first replicates of its seed list until the rule is met, so
    ``replicates`` is then its cap (default :data:`~sim.run.options.PRECISION_CAP`). The plan
    carries the precision: a run resumed with another would stop elsewhere, and is refused.
    """
    if precision is None:
        return plan_runs(scenario, replicates, seed), None
    cap = PRECISION_CAP if replicates is None else replicates
    plan = dataclasses.replace(plan_runs(scenario, cap, seed), precision=precision)
    return plan, PrecisionRule(precision)
