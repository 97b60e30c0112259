"""Paired comparison of two bundles run on the same replicate seeds (common random numbers)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from sim.analysis.estimates import Estimate, paired_difference
from sim.analysis.summary import GIVEN, bundle_in_play, holds, values
from sim.errors import InputError, Text
from sim.model.outcome_registry import KEY_OUTCOMES, OUTCOMES, Estimator, Outcome, OutcomeKind
from sim.numbers import decimals_shown, localised, takes_singular
from sim.run.bundle import read_summary


@dataclass(frozen=True)
class Difference:
    """One key outcome: its mean in A and in B, and the paired difference B - A.

    An outcome that one scenario cannot produce (see :mod:`sim.analysis.summary`) has
    ``a`` or ``b`` None, and no difference (``difference.n == 0``). An outcome counted only
    where another holds (a war's duration, given a war) is averaged on each side over that
    side's replicates where it holds, and differenced over the replicates where it holds on
    both sides.
    """

    outcome: Outcome
    a: float | None
    b: float | None
    difference: Estimate

    @property
    def in_play(self) -> bool:
        """Whether both scenarios can produce the outcome."""
        return self.a is not None and self.b is not None

    @property
    def given(self) -> Outcome | None:
        """The outcome that must hold in a replicate for this one to count there."""
        column = GIVEN.get(self.outcome.column)
        return OUTCOMES[column] if column else None


def _mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else math.nan


def compare_bundles(a: Path, b: Path) -> list[Difference]:
    """Paired differences (B minus A) of the key outcomes, replicate by replicate."""
    rows_a, rows_b = read_summary(a), read_summary(b)
    seeds_a = [row["seed"] for row in rows_a]
    if seeds_a != [row["seed"] for row in rows_b]:
        raise InputError(
            Text(
                "{a} and {b} were not run on the same replicate seeds; expected paired bundles",
                a=a,
                b=b,
            )
        )
    in_play_a, in_play_b = bundle_in_play(a), bundle_in_play(b)
    out = []
    for outcome in KEY_OUTCOMES:
        mean_a = _mean(values([r for r in rows_a if holds(r, outcome)], outcome))
        mean_b = _mean(values([r for r in rows_b if holds(r, outcome)], outcome))
        side_a = mean_a if outcome.column in in_play_a else None
        side_b = mean_b if outcome.column in in_play_b else None
        if side_a is None or side_b is None:
            out.append(Difference(outcome, side_a, side_b, Estimate(*[math.nan] * 3, 0)))
            continue
        pairs = [(x, y) for x, y in zip(rows_a, rows_b, strict=True) if holds(x, outcome)]
        pairs = [(x, y) for x, y in pairs if holds(y, outcome)]
        difference = paired_difference(
            values([x for x, _ in pairs], outcome), values([y for _, y in pairs], outcome)
        )
        if outcome.estimator is Estimator.PROPORTION and difference.n > 1:
            # A difference of two shares lies between -1 and 1: the t interval is cut there.
            difference = Estimate(
                difference.value, max(difference.low, -1.0), min(difference.high, 1.0), difference.n
            )
        out.append(Difference(outcome, side_a, side_b, difference))
    return out


SENTENCES = {
    "en": {
        "none": "{name}: {label}: no replicates",
        "na": "{name}: {label}: cannot happen in one of the two scenarios (n/a).",
        "na.both": "{name}: {label}: cannot happen in either scenario (n/a).",
        "same": "{name}: {label}: no difference on any replicate.",
        "rises": "rises",
        "falls": "falls",
        "flat": "does not change",
        "points": "points",
        "point": "point",
        "interval": "95 % CI {low} to {high}",
        "said": "{name}: {subject} {verb} by {size} {unit} ({interval}).",
        "chance": "the chance that {phrase}",
        "mean": "mean {phrase}",
    },
    "fr": {
        "none": "{name} : {label} : aucune réplication",
        "na": "{name} : {label} : ne peut pas arriver dans l'un des deux scénarios (s.o.).",
        "na.both": "{name} : {label} : ne peut arriver dans aucun des deux scénarios (s.o.).",
        "same": "{name} : {label} : aucune différence, sur aucune réplication.",
        "rises": "augmente",
        "falls": "diminue",
        "flat": "ne change pas",
        "points": "points",
        "point": "point",
        "interval": "IC à 95\u202f% : {low} à {high}",
        "said": "{name} : {subject} {verb} de {size} {unit} ({interval}).",
        "chance": "la part des réplications où {phrase}",
        "mean": "{subject}, en moyenne,",
    },
}
"""A comparison's sentence in each language (the outcomes' own words come from the registry)."""


def sentence(diff: Difference, name_b: str, lang: str = "en") -> str:
    """One plain sentence, e.g. "B: the chance that ECOWAS attacks rises by 23 points (95 % CI 15 to 31)."."""
    words = SENTENCES[lang]
    d = diff.difference
    label = diff.outcome.label(lang)
    if not diff.in_play:
        key = "na.both" if diff.a is None and diff.b is None else "na"
        return words[key].format(name=name_b, label=label)
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
        if diff.outcome.estimator is Estimator.PROPORTION:  # 0.2 points is not 0
            return localised(f"{x:.{decimals_shown(x)}f}", lang)
        return localised(fmt.format(x), lang)

    interval = words["interval"].format(low=show(low), high=show(high))
    if unit == words["points"]:  # a share's change: the number as shown decides the noun
        magnitude = round(abs(size), decimals_shown(abs(size)))
        if takes_singular(magnitude, lang):
            unit = words["point"]  # "1 point"; French keeps the singular below two ("0,5 point")
    own = diff.outcome.words(lang)
    shared = diff.outcome.estimator is Estimator.PROPORTION
    subject = words["chance" if shared else "mean"].format(phrase=own.phrase, subject=own.subject)
    return words["said"].format(
        name=name_b, subject=subject, verb=verb, size=show(abs(size)), unit=unit, interval=interval
    )
