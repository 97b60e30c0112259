"""One replicate: ``run_one(scenario, seed) -> RunRecord``, plain data in and out.

A top-level function with no hidden state, so that it pickles and runs the same in this
process, in a local worker process or on a Dask worker.
"""

from __future__ import annotations

from sim.model.model import SahelModel
from sim.model.outcomes import summarise
from sim.model.records import RunRecord
from sim.model.world import build_world
from sim.scenario.facts import FactBase, fact_base
from sim.scenario.schema import Scenario


def run_one(scenario: Scenario, seed: int, facts: FactBase | None = None) -> RunRecord:
    """Run one replicate of ``scenario`` with ``seed`` and return its records and summary."""
    world = build_world(scenario, facts or fact_base())
    model = SahelModel(world, seed)
    model.run()
    model.release()
    series = model.series
    # Who belongs to the AES or ECOWAS at any time in the fact base: "aes_entered" names a bloc.
    members = {
        org_id: [m.state for m in org.members] for org_id, org in world.organisations.items()
    }
    summary = summarise(
        model.records,
        series,
        organisation_members=members,
        counterinsurgency_lost=model.counterinsurgency_lost,
    )
    return RunRecord(
        scenario.title,
        scenario.start,
        scenario.days,
        int(seed),
        model.records,
        series,
        summary,
    )
