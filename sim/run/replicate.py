"""One replicate: ``run_one(scenario, seed) -> RunRecord``, plain data in and out.

A top-level function with no hidden state, so that it pickles and runs the same in this
process, in a local worker process or on a Dask worker.
"""

from __future__ import annotations

from sim.model.model import SahelModel
from sim.model.outcomes import summarise
from sim.model.players import Players
from sim.model.records import RunRecord
from sim.model.world import build_world
from sim.scenario.facts import FactBase, fact_base
from sim.scenario.schema import Scenario


def run_one(
    scenario: Scenario, seed: int, facts: FactBase | None = None, players: Players | None = None
) -> RunRecord:
    """Run one replicate of ``scenario`` with ``seed`` and return its records and summary.

    ``players`` take some roles' decisions (a class's run told again; see
    :mod:`sim.model.players`); none by default.
    """
    world = build_world(scenario, facts or fact_base())
    model = SahelModel(world, seed, players=players)
    model.run()
    model.release()
    series = model.series
    # Members in good standing at the start or at the end of the run: the AES exists only from
    # 16 Sep 2023, and states suspended from ECOWAS do not act for it.
    members = {
        org: sorted(
            set(model.memberships.active(org, scenario.start))
            | set(model.memberships.active(org, scenario.end))
        )
        for org in world.organisations
    }
    summary = summarise(
        model.records,
        series,
        organisation_members=members,
        counterinsurgency_lost=model.counterinsurgency_lost,
        homes=world.homes(),
    )
    return RunRecord(
        scenario.title,
        scenario.start,
        scenario.days,
        int(seed),
        model.records,
        series,
        summary,
        scenario.french_title,
        scenario.notes_fr,
    )
