"""Estimates with 95 % intervals for the key outcomes of an ensemble, and paired differences.

Which outcomes are key, and whether each is a proportion or a mean, is the outcome registry's
(:mod:`sim.model.outcome_registry`); this module only computes.

Proportions use Wilson's score interval (good coverage even near 0 or 1 with few replicates);
means use Student's t, cut at zero for quantities that cannot be negative. Paired differences between two scenarios run on the same replicate
seeds (common random numbers) use the t interval of the per-replicate differences, which is
much narrower than comparing two independent ensembles.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from scipy import stats

from sim.model.outcome_registry import Estimator, Outcome, OutcomeKind

Z95 = 1.959963984540054


@dataclass(frozen=True)
class Estimate:
    """A point estimate with its 95 % interval, over ``n`` replicates."""

    value: float
    low: float
    high: float
    n: int


def proportion(successes: int, n: int) -> Estimate:
    """Share with Wilson's 95 % score interval."""
    if n == 0:
        return Estimate(math.nan, math.nan, math.nan, 0)
    p = successes / n
    denominator = 1 + Z95**2 / n
    centre = (p + Z95**2 / (2 * n)) / denominator
    half = Z95 * math.sqrt(p * (1 - p) / n + Z95**2 / (4 * n * n)) / denominator
    return Estimate(p, max(0.0, centre - half), min(1.0, centre + half), n)


def mean(values: Sequence[float]) -> Estimate:
    """Mean with Student's t 95 % interval (a single value has no interval)."""
    n = len(values)
    if n == 0:
        return Estimate(math.nan, math.nan, math.nan, 0)
    m = math.fsum(values) / n
    if n == 1:
        return Estimate(m, math.nan, math.nan, 1)
    sd = math.sqrt(math.fsum((v - m) ** 2 for v in values) / (n - 1))
    half = float(stats.t.ppf(0.975, n - 1)) * sd / math.sqrt(n)
    return Estimate(m, m - half, m + half, n)


NON_NEGATIVE = (OutcomeKind.COUNT, OutcomeKind.DAYS, OutcomeKind.PERSONNEL)
"""Kinds whose values are never below zero: their mean's interval is cut at zero."""


def estimate(outcome: Outcome, values: Sequence[float], horizon: int | None = None) -> Estimate:
    """Estimate one outcome from its per-replicate values, as its registry entry says.

    A mean of a quantity that cannot be negative (days, personnel, counts) keeps its t interval
    intersected with ``[0, ∞)``: the true mean lies there, so the cut loses no coverage, and a
    skewed sample (most replicates with no war, a few with a long one) no longer shows an
    interval reaching below zero. A number of days is cut at the run's ``horizon`` too, for the
    same reason: two wars of a year's run gave an interval reaching 1,403 days.
    """
    if outcome.estimator is Estimator.PROPORTION:
        return proportion(sum(bool(v) for v in values), len(values))
    return bounded(outcome, mean([float(v) for v in values]), horizon)


def bounded(outcome: Outcome, result: Estimate, horizon: int | None = None) -> Estimate:
    """``result``'s interval cut to the values ``outcome`` can take.

    Not below zero for days, personnel and counts; not beyond ``horizon`` for days.
    """
    low, high = result.low, result.high
    if outcome.kind in NON_NEGATIVE and low < 0:
        low = 0.0
    if outcome.kind is OutcomeKind.DAYS and horizon is not None and high > horizon:
        high = float(horizon)
    if (low, high) == (result.low, result.high):
        return result
    return Estimate(result.value, low, high, result.n)


def paired_difference(a: Sequence[float], b: Sequence[float]) -> Estimate:
    """Mean of ``b - a`` over paired replicates, with a t interval on the differences."""
    if len(a) != len(b):
        raise ValueError("paired differences need the same replicates on both sides")
    return mean([float(y) - float(x) for x, y in zip(a, b, strict=True)])
