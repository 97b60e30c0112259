"""The key outcomes of a bundle as its tables and figures report them.

Two rules keep a number from meaning something other than its label:

- An outcome a scenario cannot produce (a threat carried out, in a scenario with no threat) is
  *not in play*: it is reported as "n/a", never as 0 %. Whether it is in play is the outcome
  registry's rule (:meth:`~sim.model.outcome_registry.Outcome.applies_to`), applied to the
  bundle's resolved scenario.
- An outcome that exists only when another holds is estimated over the replicates where that
  one holds: a war's duration over the replicates with a war (:data:`GIVEN`), whose share is
  reported on its own row. Averaging in the replicates with no war as 0 days would give a
  "duration" that no war had.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from sim.analysis.estimates import Estimate, estimate
from sim.model.outcome_registry import KEY_OUTCOMES, OUTCOMES, Estimator, Outcome, applicable
from sim.model.world import build_world
from sim.run.bundle import read_summary
from sim.scenario.facts import fact_base
from sim.scenario.schema import Scenario

GIVEN: dict[str, str] = {"war_days": "war_occurred"}
"""Outcome column -> the yes/no column that must hold in a replicate for it to count there."""


@dataclass(frozen=True)
class KeyEstimate:
    """One key outcome of an ensemble: its estimate, or ``None`` when it is not in play."""

    outcome: Outcome
    estimate: Estimate | None

    @property
    def given(self) -> Outcome | None:
        """The outcome that must hold for this one to be counted (None: every replicate)."""
        column = GIVEN.get(self.outcome.column)
        return OUTCOMES[column] if column else None


def outcomes_in_play(scenario_doc: dict) -> frozenset[str]:
    """The summary columns a resolved scenario can give a value other than their empty one.

    A document that no longer validates (a bundle from an older version) counts every column
    as in play: nothing that could have happened is hidden.
    """
    try:
        world = build_world(Scenario.model_validate(scenario_doc), fact_base())
    except Exception:  # an old or hand-edited bundle: be generous, as the registry is
        return frozenset(OUTCOMES)
    return frozenset(o.column for o in applicable(world))


def _scenario_document(bundle: Path) -> dict | None:
    """A bundle's ``scenario.yaml`` as a mapping, or None if it cannot be read as one."""
    try:
        doc = yaml.safe_load((bundle / "scenario.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return None
    return doc if isinstance(doc, dict) else None


def _in_play(doc: dict | None) -> frozenset[str]:
    return outcomes_in_play(doc) if doc is not None else frozenset(OUTCOMES)


def bundle_in_play(bundle: Path) -> frozenset[str]:
    """:func:`outcomes_in_play` of a bundle's ``scenario.yaml``."""
    return _in_play(_scenario_document(bundle))


def holds(row: dict[str, str], outcome: Outcome) -> bool:
    """Whether ``row`` counts toward ``outcome``'s estimate (see :data:`GIVEN`)."""
    column = GIVEN.get(outcome.column)
    return column is None or row[column] == "true"


def values(rows: list[dict[str, str]], outcome: Outcome) -> list[float]:
    """One number per row: 1 or 0 for a yes/no outcome, the column's value otherwise."""
    if outcome.estimator is Estimator.PROPORTION:
        return [1.0 if row[outcome.column] == "true" else 0.0 for row in rows]
    return [float(row[outcome.column]) for row in rows]


def key_estimates_of(
    rows: list[dict[str, str]], in_play: frozenset[str], horizon: int | None = None
) -> list[KeyEstimate]:
    """Each key outcome's estimate over the rows that count for it, or None when not in play.

    A number of days is never estimated beyond the run's ``horizon`` (its days).
    """
    out = []
    for outcome in KEY_OUTCOMES:
        if outcome.column not in in_play:
            out.append(KeyEstimate(outcome, None))
            continue
        counted = [row for row in rows if holds(row, outcome)]
        out.append(KeyEstimate(outcome, estimate(outcome, values(counted, outcome), horizon)))
    return out


def key_estimates(bundle: Path) -> list[KeyEstimate]:
    """:func:`key_estimates_of` a bundle's ``summary.csv`` and scenario."""
    doc = _scenario_document(bundle)  # read once, for what is in play and for the horizon
    days = doc.get("days") if doc is not None else None
    horizon = days if isinstance(days, int) and not isinstance(days, bool) else None
    return key_estimates_of(read_summary(bundle), _in_play(doc), horizon)
