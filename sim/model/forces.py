"""Phase 5: the counter-insurgency effort left to each state once forces have gone to fronts.

Effort is 1 at the start: a state's forces plus the outside powers' forces present. Forces
sent to a war leave it; partners' deployments and forces lent under a clause add to it. Nothing
changes it in peacetime unless forces move, so it is recomputed only then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sim.model.model import SahelModel

PRESENT_POWER_LENDING = 2
"""An outside power with forces in the host lends this many times the lending share of them."""


def allocate_forces(model: SahelModel) -> None:
    """Phase 5: each state's effort is what is not at a front, plus partners' help."""
    if not model.wars_ongoing and not model.moved:
        return
    ongoing = [w for w in model.wars if w.ongoing]
    model.moved = False
    index = model.state_index
    committed = [0.0] * len(model.states)
    for war in ongoing:
        for side in war.sides:
            for a, f in side.items():
                i = index.get(a)
                if i is not None:
                    committed[i] += f
    effort, baseline = model.effort, model.baseline
    for i, state in enumerate(model.states):
        available = max(state.forces - committed[i], 0.0) + model.support[i] + model.present[i]
        effort[i] = available / baseline[i] if baseline[i] > 0 else 1.0
    lost = sum([1.0 - e for e in effort[:-1] if e < 1.0])
    model.lost_today = lost / len(model.states) if model.states else 0.0
