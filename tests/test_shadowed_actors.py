"""A file that defines an actor the fact base came to have later keeps its own (docs/scenarios.md).

Readers wrote Cameroon and Boko Haram themselves before the fact base had them. The fact base
grows; their files keep their meaning: the file's definition is used throughout, validate says
so, and a file that names the fact base's actor gets the fact base's.
"""

from __future__ import annotations

from sim.model.world import build_world
from sim.present.i18n import actor_name, actor_phrase
from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario, shadowed_actors

OWN = """\
title: Boko Haram strikes Cameroon
start: 2015-01-10
days: 10
actors:
  CMR:
{cameroon}  JAS:
{group}events:
  raid:
    kind: attack
    scale: incident
    date: 2015-01-12
    by: JAS
    target: CMR
"""

DEFINED = """\
    kind: state
    name: Republic of Cameroon
    name_fr: la République du Cameroun
    sources: [https://example.org/cameroon]
    forces: {value: 14200, year: 2015, unit: personnel, source: https://example.org/cameroon}
"""

BOKO_HARAM = """\
    kind: armed_group
    name: the Yusufiyya
    name_fr: la Yusufiyya
    sources: [https://example.org/bh]
    operates_in: [CMR]
    forces: {value: 900, year: 2015, unit: fighters, source: https://example.org/bh}
"""


def test_a_files_own_definition_is_used_and_validate_says_so(write):
    scenario = load_scenario(write(OWN.format(cameroon=DEFINED, group=BOKO_HARAM)))
    world = build_world(scenario, fact_base())
    assert world.actors["CMR"].forces == 14200
    assert world.actors["JAS"].forces == 900
    notes = shadowed_actors(scenario)
    assert len(notes) == 2
    assert notes[0].startswith(
        "actors.CMR is defined in the file and is also the fact base's Cameroon"
    )
    assert "the file's definition is used" in notes[0]
    assert actor_name("JAS", "en") == "the Yusufiyya"
    assert actor_phrase("CMR", "fr") == "la République du Cameroun"


def test_a_file_that_names_the_fact_bases_actor_gets_it_even_after_one_that_did_not(write):
    load_scenario(write(OWN.format(cameroon=DEFINED, group=BOKO_HARAM), name="own.yaml"))
    scenario = load_scenario(write(OWN.format(cameroon="", group=""), name="facts.yaml"))
    world = build_world(scenario, fact_base())
    assert (
        world.actors["JAS"].forces
        == fact_base().armed_groups["JAS"].fighters_on(scenario.start).value
    )
    assert not shadowed_actors(scenario)
    assert actor_name("JAS", "en") == "Boko Haram"
    assert actor_phrase("CMR", "fr") == "le Cameroun"
    assert actor_phrase("ISWAP", "fr") == "l'État islamique en Afrique de l'Ouest"
