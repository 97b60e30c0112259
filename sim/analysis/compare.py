"""Paired comparison of two bundles run on the same replicate seeds (common random numbers)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sim.analysis.estimates import Estimate, paired_difference
from sim.errors import InputError
from sim.model.outcome_registry import KEY_OUTCOMES, Estimator, Outcome, OutcomeKind
from sim.run.bundle import read_summary


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
        difference = paired_difference(va, vb)
        if outcome.estimator is Estimator.PROPORTION and difference.n > 1:
            # A difference of two shares lies between -1 and 1: the t interval is cut there.
            difference = Estimate(
                difference.value, max(difference.low, -1.0), min(difference.high, 1.0), difference.n
            )
        out.append(Difference(outcome, sum(va) / n, sum(vb) / n, difference))
    return out


SENTENCES = {
    "en": {
        "none": "{name}: {label}: no replicates",
        "same": "{name}: {label}: no difference on any replicate.",
        "rises": "rises",
        "falls": "falls",
        "flat": "does not change",
        "points": "points",
        "interval": "95 % CI {low} to {high}",
        "said": "{name}: {subject} {verb} by {size} {unit} ({interval}).",
        "chance": "the chance that {phrase}",
        "mean": "mean {phrase}",
    },
    "fr": {
        "none": "{name} : {label} : aucune réplication",
        "same": "{name} : {label} : aucune différence, sur aucune réplication.",
        "rises": "augmente",
        "falls": "diminue",
        "flat": "ne change pas",
        "points": "points",
        "interval": "IC à 95 % : {low} à {high}",
        "said": "{name} : {subject} {verb} de {size} {unit} ({interval}).",
        "chance": "la part des réplications où {phrase}",
        "mean": "{subject}, en moyenne,",
    },
}
"""A comparison's sentence in each language (the outcomes' own words come from the registry)."""


def _localise(text: str, lang: str) -> str:
    """English number punctuation into French: "1,234.5" -> "1 234,5"."""
    if lang != "fr":
        return text
    return text.replace(",", "\u202f").replace(".", ",")


def sentence(diff: Difference, name_b: str, lang: str = "en") -> str:
    """One plain sentence, e.g. "B: the chance that ECOWAS attacks rises by 23 points (95 % CI 15 to 31)."."""
    words = SENTENCES[lang]
    d = diff.difference
    label = diff.outcome.label(lang)
    if d.n == 0:
        return words["none"].format(name=name_b, label=label)
    if diff.outcome.estimator is Estimator.PROPORTION:
        size, low, high, unit = d.value * 100, d.low * 100, d.high * 100, words["points"]
        fmt = "{:.0f}"
    else:
        size, low, high, unit = d.value, d.low, d.high, diff.outcome.unit(lang)
        fmt = "{:,.2f}" if diff.outcome.kind is OutcomeKind.SHARE else "{:,.0f}"
    if d.low == d.high == d.value == 0:
        return words["same"].format(name=name_b, label=label)
    verb = words["rises"] if size > 0 else words["falls"] if size < 0 else words["flat"]
    # Said as a change in magnitude, so the interval is given on the same (absolute) scale.
    low, high = sorted((abs(low), abs(high))) if low * high > 0 else (low, high)

    def show(x: float) -> str:
        return _localise(fmt.format(x), lang)

    interval = words["interval"].format(low=show(low), high=show(high))
    own = diff.outcome.words(lang)
    shared = diff.outcome.estimator is Estimator.PROPORTION
    subject = words["chance" if shared else "mean"].format(phrase=own.phrase, subject=own.subject)
    return words["said"].format(
        name=name_b, subject=subject, verb=verb, size=show(abs(size)), unit=unit, interval=interval
    )
