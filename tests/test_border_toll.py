"""Raiders from abroad who killed many are fought on the victim's own soil (docs/model.md §7.11).

JNIM does not fight in Togo: a strike there came from Burkina Faso, and Togo weighs a dispute
with the state it came from, seldom a war. A strike that killed at least ``border_toll`` (an
incident's ``killed``) is answered by an offensive on Togo's soil instead, as Togo fought the
raiders of Kpinkankandi (July 2024) and Benin those of the W park (April 2025).
"""

from __future__ import annotations

import pytest
from conftest import RAID_EVENT

from sim.model.records import RecordKind
from sim.present.narrative import render_text
from sim.run.replicate import run_one
from sim.scenario.loading import load_scenario
from sim.scenario.parameters import PARAMETERS

TOLL = int(PARAMETERS["border_toll"].default)

RAID = """\
title: JNIM strikes Togo
start: 2024-07-21
days: 30
actors:
  TGO:
  BFA:
  JNIM:
{parameters}events:
"""
RAID += RAID_EVENT.replace("{target}", "TGO") + "{extra}"

SEEDS = range(12)


def runs(write, *, killed=None, fighters=None, parameters="", escaped=None):
    extra = (f"    killed: {killed}\n" if killed is not None else "") + (
        f"    fighters: {fighters}\n" if fighters is not None else ""
    )
    extra += f"    escaped: {escaped}\n" if escaped is not None else ""
    text = RAID.format(extra=extra, parameters=f"parameters:\n{parameters}" if parameters else "")
    scenario = load_scenario(write(text, name=f"raid-{killed}-{fighters}-{len(parameters)}.yaml"))
    return [run_one(scenario, seed) for seed in SEEDS]


def fought(run) -> bool:
    """Whether Togo went to war with the raiders."""
    return any(r.kind is RecordKind.WAR_STARTED and r.actor == "TGO" for r in run.records)


def test_a_strike_from_abroad_that_killed_many_is_fought_on_the_victims_soil(write):
    """At the threshold Togo launches its offensive in nearly every replicate, fights no one of
    the group's there, and wins the day it begins; the story says why."""
    struck = runs(write, killed=TOLL)
    assert sum(map(fought, struck)) >= len(SEEDS) - 1
    for run in filter(fought, struck):
        [ended] = [r for r in run.records if r.kind is RecordKind.WAR_ENDED]
        assert ended.get("outcome") == "attackers_won" and run.summary["war_days"] <= 1
    english, french = render_text(struck[0], "en"), render_text(struck[0], "fr")
    assert f"The strike killed {TOLL}, at least the {TOLL} for which a state fights" in english
    assert "an offensive on Togo's soil" in english
    assert f"La frappe fait {TOLL} morts, au moins les {TOLL} pour lesquels un État" in french
    assert "sur le sol du Togo" in french


@pytest.mark.parametrize("killed", [None, TOLL - 1])
def test_a_strike_from_abroad_below_the_toll_is_weighed_as_a_dispute(write, killed):
    """Uncounted, or below the threshold: a dispute with the state the raiders came from, at
    the share of incidents answered with war; the record carries no toll reached."""
    below = runs(write, killed=killed)
    assert sum(map(fought, below)) <= len(SEEDS) // 3
    for run in below:
        [incident] = [r for r in run.records if r.kind is RecordKind.INCIDENT]
        assert incident.get("border_toll") is None


def test_a_higher_threshold_never_makes_force_more_likely(write):
    """On common random numbers, every replicate that fights at the higher threshold fights at
    the lower one too."""
    low = runs(write, killed=50, parameters="  border_toll: 20\n")
    high = runs(write, killed=50, parameters="  border_toll: 60\n")
    assert all(fought(lo) for lo, hi in zip(low, high, strict=True) if fought(hi))
    assert sum(map(fought, low)) > sum(map(fought, high))


def test_a_strike_no_one_got_away_from_is_policed_whatever_its_toll(write):
    """Grand-Bassam, 2016: three gunmen, who died in the act, killed 19. No one is left to
    pursue: no force is weighed, and the story says policing and nothing else."""
    policed = runs(write, killed=19, fighters=3, escaped=0)
    for run in policed:
        assert not fought(run)
        assert not [r for r in run.records if r.kind is RecordKind.ATTACK_DECIDED]
        [incident] = [r for r in run.records if r.kind is RecordKind.INCIDENT]
        assert incident.get("killed") == 19 and incident.get("border_toll") is None
    english = render_text(policed[0], "en")
    assert "answered by policing, not with force" in english
    assert "weighed an offensive there" not in english


BELLIGERENT = """  RAIDERS:
    kind: belligerent
    name: the raiders
    name_fr: les assaillants
    sources: [https://example.org/raiders]
    in: BFA
    forces: {value: 400, year: 2024, unit: fighters, source: https://example.org/raiders}
"""


@pytest.mark.parametrize(
    "change",
    [
        # forces abroad struck: France's soldiers in Côte d'Ivoire, not a state's own soil
        (
            ("  TGO:\n", "  TGO:\n  FRA:\n  CIV:\n"),
            ("    target: TGO\n", "    target: FRA\n    host: CIV\n"),
        ),
        # a rebel army at home in Burkina Faso is fought where it stands, not on Togo's soil
        (("  JNIM:\n", "  JNIM:\n" + BELLIGERENT), ("    by: JNIM\n", "    by: RAIDERS\n")),
    ],
    ids=["forces-abroad", "rebel-army"],
)
def test_the_toll_moves_only_armed_groups_striking_a_states_own_soil(write, change):
    text = RAID.format(extra=f"    killed: {TOLL * 5}\n", parameters="")
    for old, new in change:
        text = text.replace(old, new, 1)
    scenario = load_scenario(write(text, name="other.yaml"))
    for seed in SEEDS:
        [incident] = [r for r in run_one(scenario, seed).records if r.kind is RecordKind.INCIDENT]
        assert incident.get("killed") == TOLL * 5 and incident.get("border_toll") is None


def test_killed_on_an_invasion_is_refused_with_a_located_message(sahelsim, write):
    text = RAID.format(extra="    killed: 12\n", parameters="").replace(
        "    scale: incident\n", "    scale: invasion\n"
    )
    result = sahelsim("validate", str(write(text, name="invasion.yaml")))
    assert result.status == 2 and "Traceback" not in result.err
    said = result.out + result.err
    assert "events.raid.killed" in said and "killed counts the dead of an incident" in said
