"""Paired comparison of two bundles run on the same replicate seeds (common random numbers)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sim.analysis.estimates import Estimate, paired_difference
from sim.errors import InputError
from sim.model.outcome_registry import KEY_OUTCOMES, Estimator, Outcome, OutcomeKind
from sim.run.bundle import read_summary


def _subject(outcome: Outcome) -> str:
    """What a comparison sentence says changes, around the outcome's registry phrase."""
    if outcome.estimator is Estimator.PROPORTION:
        return f"the chance that {outcome.en.phrase}"
    return f"mean {outcome.en.phrase}"


@dataclass(frozen=True)
class Difference:
    """One key outcome: its value in A and in B, and the paired difference B - A."""

    outcome: Outcome
    a: float
    b: float
    difference: Estimate


def _values(rows: list[dict[str, str]], outcome: Outcome) -> list[float]:
    if outcome.estimator is Estimator.PROPORTION:
        return [1.0 if row[outcome.column] == "true" else 0.0 for row in rows]
    return [float(row[outcome.column]) for row in rows]


def compare_bundles(a: Path, b: Path) -> list[Difference]:
    """Paired differences (B minus A) of the key outcomes, replicate by replicate."""
    rows_a, rows_b = read_summary(a), read_summary(b)
    seeds_a = [row["seed"] for row in rows_a]
    if seeds_a != [row["seed"] for row in rows_b]:
        raise InputError(
            f"{a} and {b} were not run on the same replicate seeds; expected paired bundles"
        )
    out = []
    for outcome in KEY_OUTCOMES:
        va, vb = _values(rows_a, outcome), _values(rows_b, outcome)
        n = len(va) or 1
        out.append(Difference(outcome, sum(va) / n, sum(vb) / n, paired_difference(va, vb)))
    return out


def sentence(diff: Difference, name_b: str) -> str:
    """One plain sentence, e.g. "B: the chance that ECOWAS attacks rises by 23 points (95 % CI 15 to 31)."."""
    d = diff.difference
    if d.n == 0:
        return f"{name_b}: {diff.outcome.label()}: no replicates"
    if diff.outcome.estimator is Estimator.PROPORTION:
        size, low, high, unit = d.value * 100, d.low * 100, d.high * 100, "points"
        fmt = "{:.0f}"
    else:
        size, low, high, unit = d.value, d.low, d.high, diff.outcome.unit()
        fmt = "{:,.2f}" if diff.outcome.kind is OutcomeKind.SHARE else "{:,.0f}"
    if d.low == d.high == d.value == 0:
        return f"{name_b}: {diff.outcome.label()}: no difference on any replicate."
    verb = "rises" if size > 0 else "falls" if size < 0 else "does not change"
    # Said as a change in magnitude, so the interval is given on the same (absolute) scale.
    low, high = sorted((abs(low), abs(high))) if low * high > 0 else (low, high)
    interval = f"95 % CI {fmt.format(low)} to {fmt.format(high)}"
    subject = _subject(diff.outcome)
    return f"{name_b}: {subject} {verb} by {fmt.format(abs(size))} {unit} ({interval})."
