"""Raiders from abroad are fought on the victim's own soil (docs/model.md §7.11).

JNIM does not fight in Togo: a strike there came from Burkina Faso. Togo answers it with an
offensive on its own soil, a sweep to the border, as Togo fought the raiders of Kpinkankandi
(July 2024) and Benin those of the W park (April 2025), whatever the toll; it does not weigh
a dispute with the state they came from.
"""

from __future__ import annotations

import pytest
from conftest import RAID_EVENT

from sim.model.records import RecordKind
from sim.present.narrative import render_text
from sim.run.replicate import run_one
from sim.scenario.loading import load_scenario

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
ANSWERS = "parameters:\n  offensive_share: 1\n"
"""Every strike weighed is answered with an offensive: what is tested is where it is fought."""


def runs(write, *, killed=None, fighters=None, parameters="", escaped=None):
    extra = (f"    killed: {killed}\n" if killed is not None else "") + (
        f"    fighters: {fighters}\n" if fighters is not None else ""
    )
    extra += f"    escaped: {escaped}\n" if escaped is not None else ""
    text = RAID.format(extra=extra, parameters=f"{ANSWERS}{parameters}")
    name = f"raid-{killed}-{fighters}-{escaped}-{len(parameters)}.yaml"
    scenario = load_scenario(write(text, name=name))
    return [run_one(scenario, seed) for seed in SEEDS]


def fought(run) -> bool:
    """Whether Togo went to war with the raiders."""
    return any(r.kind is RecordKind.WAR_STARTED and r.actor == "TGO" for r in run.records)


def incident(run):
    [record] = [r for r in run.records if r.kind is RecordKind.INCIDENT]
    return record


@pytest.mark.parametrize(
    ("killed", "english", "french"),
    [
        (None, "", ""),
        (0, "The strike killed no one", "La frappe ne fait aucun mort"),
        (1, "The strike killed one", "La frappe fait un mort"),
        (12, "The strike killed 12", "La frappe fait 12 morts"),
    ],
)
def test_raiders_from_abroad_are_fought_on_the_victims_soil_whatever_the_toll(
    write, killed, english, french
):
    """Togo launches its offensive on its own soil in nearly every replicate, meets none of the
    group's fighters there (it has none in Togo), and wins the day it begins; no share of
    incidents answered with war applies, and the story says why, with the toll if counted."""
    struck = runs(write, killed=killed)
    assert sum(map(fought, struck)) >= len(SEEDS) - 1
    for run in struck:
        assert incident(run).get("from_abroad") is True
        decided = [r for r in run.records if r.kind is RecordKind.ATTACK_DECIDED]
        for weighed in decided:
            assert weighed.get("soil") == "TGO" and weighed.get("escalation") is None
    for run in filter(fought, struck):
        [ended] = [r for r in run.records if r.kind is RecordKind.WAR_ENDED]
        assert ended.get("outcome") == "attackers_won" and run.summary["war_days"] <= 1
    told, dit = render_text(struck[0], "en"), render_text(struck[0], "fr")
    assert "The raiders came from abroad: an offensive by Togo against them would be" in told
    assert "Les assaillants viennent de l'étranger : une offensive du Togo contre eux" in dit
    if killed is not None:
        assert english in told and french in dit
    else:
        assert "The strike killed" not in told and "La frappe fait" not in dit


def test_a_strike_no_one_got_away_from_is_policed_wherever_they_came_from(write):
    """Grand-Bassam, 2016: three gunmen, who died in the act, killed 19. No one is left to
    pursue: no force is weighed, and the story says policing and no sweep."""
    policed = runs(write, killed=19, fighters=3, escaped=0)
    for run in policed:
        assert not fought(run)
        assert not [r for r in run.records if r.kind is RecordKind.ATTACK_DECIDED]
        assert incident(run).get("killed") == 19 and incident(run).get("from_abroad") is None
    english = render_text(policed[0], "en")
    assert "answered by policing, not with force" in english
    assert "The strike killed 19" in english and "came from abroad" not in english


def test_raiders_from_abroad_of_whom_some_got_away_are_swept_for(write):
    """Dakoro, 2012: eleven kidnappers from Mali got away with their hostages, and Niger chased
    them on its own soil. One of eleven who got away is enough."""
    for run in runs(write, fighters=11, escaped=1):
        assert fought(run) and incident(run).get("from_abroad") is True


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
        # JNIM fights in Burkina Faso: a strike there is its rebellion, not a raid from abroad
        (("    target: TGO\n", "    target: BFA\n"),),
    ],
    ids=["forces-abroad", "rebel-army", "where-it-fights"],
)
def test_only_armed_groups_striking_a_state_where_they_do_not_fight_are_raiders_from_abroad(
    write, change
):
    text = RAID.format(extra="    killed: 50\n", parameters="")
    for old, new in change:
        text = text.replace(old, new, 1)
    scenario = load_scenario(write(text, name="other.yaml"))
    for seed in SEEDS:
        record = incident(run_one(scenario, seed))
        assert record.get("killed") == 50 and record.get("from_abroad") is None


def test_a_rebel_army_from_abroad_is_still_weighed_as_a_dispute(write):
    """A rebel army at home in Burkina Faso can be fought only there: Togo weighs a dispute
    with Burkina Faso, at the share of incidents answered with war, and seldom fights."""
    text = RAID.format(extra="", parameters="").replace("  JNIM:\n", "  JNIM:\n" + BELLIGERENT)
    scenario = load_scenario(write(text.replace("    by: JNIM\n", "    by: RAIDERS\n")))
    struck = [run_one(scenario, seed) for seed in SEEDS]
    assert sum(map(fought, struck)) <= len(SEEDS) // 3
    for run in struck:
        weighed = [
            r
            for r in run.records
            if r.kind in (RecordKind.ATTACK_DECIDED, RecordKind.DEADLINE_PASSED)
        ]
        assert weighed  # the dispute is weighed, at the share of incidents answered with war
        for r in weighed:
            assert r.get("escalation") is not None and r.get("soil") is None


LOCAL = """  LOC:
    kind: armed_group
    name: the local band
    name_fr: la bande locale
    sources: [https://example.org/band]
    forces: {value: 300, year: 2024, unit: fighters, source: https://example.org/band}
    operates_in: [TGO]
"""


@pytest.mark.parametrize("order", ["JNIM, LOC", "LOC, JNIM"])
def test_raiders_from_abroad_beside_a_band_that_fights_there_are_fought_through_it(write, order):
    """JNIM strikes Togo beside a band that fights in Togo: Togo's offensive on its own soil is
    aimed at the band, whose fighters it meets, whatever the order the file names them in, and
    the story does not say the raiders came from abroad."""
    text = RAID.format(extra=f"    contributors: [{order}]\n", parameters=ANSWERS)
    text = text.replace("  JNIM:\n", "  JNIM:\n" + LOCAL)
    scenario = load_scenario(write(text, name=f"mixed-{order[:3]}.yaml"))
    struck = [run_one(scenario, seed) for seed in SEEDS]
    assert sum(map(fought, struck)) >= len(SEEDS) - 1
    for run in struck:
        assert incident(run).get("from_abroad") is None
        for weighed in (r for r in run.records if r.kind is RecordKind.ATTACK_DECIDED):
            assert weighed.target == "LOC" and weighed.get("soil") == "TGO"
            assert weighed.get("escalation") is None
        for war in (r for r in run.records if r.kind is RecordKind.WAR_STARTED):
            assert war.target == "LOC" and war.get("forces")["LOC"] > 0
    assert "came from abroad" not in render_text(struck[0], "en")


def test_a_rebel_army_struck_by_raiders_has_no_soil_of_its_own_to_sweep(write):
    """JNIM strikes a rebel army at home in Burkina Faso: no state's soil was struck, so no
    offensive is weighed on the victim's "own soil" and no raiders came from abroad."""
    text = RAID.format(extra="", parameters="").replace("  JNIM:\n", "  JNIM:\n" + BELLIGERENT)
    scenario = load_scenario(write(text.replace("    target: TGO\n", "    target: RAIDERS\n")))
    for seed in SEEDS:
        run = run_one(scenario, seed)
        assert incident(run).get("from_abroad") is None
        weighed = [
            r
            for r in run.records
            if r.kind in (RecordKind.ATTACK_DECIDED, RecordKind.DEADLINE_PASSED)
        ]
        assert weighed and all(r.get("soil") is None for r in weighed)


def test_a_strike_in_a_war_under_way_tells_its_toll(write):
    """JNIM, already at war with Togo, strikes it again: no new aggression, and the story tells
    the toll the sources count."""
    invasion = (
        RAID_EVENT.replace("{target}", "TGO")
        .replace("raid:", "war:")
        .replace("    scale: incident\n", "    scale: invasion\n")
        .replace("2024-07-22", "2024-07-21")
    )
    text = RAID.format(extra="    killed: 1\n", parameters="").replace(
        "events:\n", "events:\n" + invasion
    )
    run = run_one(load_scenario(write(text, name="in-war.yaml")), 0)
    [again] = [r for r in run.records if r.get("what") == "attack_in_war"]
    assert again.get("killed") == 1
    told, dit = render_text(run, "en"), render_text(run, "fr")
    assert "in the war already under way between them. The strike killed one, by the" in told
    assert "dans la guerre déjà en cours entre eux. La frappe fait un mort, selon" in dit


@pytest.mark.parametrize("how", ["file", "--set", "sweep", "sensitivity", "posterior"])
def test_the_retired_toll_threshold_is_refused_with_what_changed(sahelsim, write, how):
    """``border_toll`` (fewest dead for which raiders from abroad were fought) was retired when
    every raid from abroad became one; wherever a user still names it (a scenario, a --set, a
    sweep's or a sensitivity's axis, a posterior's column), they are told so, nothing is run."""
    retired = "parameters:\n  border_toll: 10\n"
    path = write(RAID.format(extra="", parameters=retired if how == "file" else ""), name="r.yaml")
    out = path.parent / f"out-{how}"
    command = {
        "file": ("run", str(path), "-n", "2", "--no-figures", "--out", str(out)),
        "--set": (
            "run",
            str(path),
            "-n",
            "2",
            "--set",
            "parameters.border_toll=10",
            "--out",
            str(out),
        ),
        "sweep": (
            "sweep",
            str(path),
            "--sample",
            "lhs",
            "--param",
            "parameters.border_toll",
            "--n",
            "4",
            "--out",
            str(out),
        ),
        "sensitivity": (
            "sensitivity",
            str(path),
            "--param",
            "border_toll",
            "-n",
            "2",
            "--out",
            str(out),
        ),
        "posterior": (
            "run",
            str(path),
            "-n",
            "2",
            "--seed",
            "1",
            "--posterior",
            str(write("weight,border_toll\n1,3\n", name="p.csv")),
            "--out",
            str(out),
        ),
    }[how]
    result = sahelsim(*command)
    assert result.status == 2 and "Traceback" not in result.err
    said = result.out + result.err
    assert "parameter 'border_toll' was retired on 7 December 2026" in said
    assert "whatever their toll (docs/model.md §7.11); remove it" in said
    assert not out.exists()
    if how == "file":
        assert f"{path}:9:3: parameters.border_toll:" in said


def test_killed_on_an_invasion_is_refused_with_a_located_message(sahelsim, write):
    text = RAID.format(extra="    killed: 12\n", parameters="").replace(
        "    scale: incident\n", "    scale: invasion\n"
    )
    result = sahelsim("validate", str(write(text, name="invasion.yaml")))
    assert result.status == 2 and "Traceback" not in result.err
    said = result.out + result.err
    assert "events.raid.killed" in said and "killed counts the dead of an incident" in said
