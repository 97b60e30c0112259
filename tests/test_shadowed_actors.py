"""A file that defined an actor the fact base came to have later keeps its own (docs/scenarios.md).

Readers wrote Cameroon and Boko Haram themselves before the fact base had them. The fact base
grew; their files keep their meaning: the run uses the file's definition, validate says so, and
the story names the actor as the fact base does, in every process. Any other fact-base id
defined in a file is a mistake, refused where it is written.
"""

from __future__ import annotations

import pytest

from sim.model.world import build_world
from sim.present.i18n import actor_name, actor_phrase
from sim.scenario.facts import fact_base
from sim.scenario.loading import distant_figures, load_scenario, shadowed_actors

OWN = """\
title: Boko Haram strikes Cameroon
start: {start}
days: 10
actors:
  CMR:
{cameroon}  JAS:
{group}events:
  raid:
    kind: attack
    scale: incident
    date: {start}
    by: JAS
    target: CMR
"""

DEFINED = """\
    kind: state
    name: Republic of Cameroon
    name_fr: la République du Cameroun
    sources: [https://example.org/cameroon]
    regime: civilian
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


def text(start="2015-01-12", cameroon=DEFINED, group=BOKO_HARAM):
    return OWN.format(start=start, cameroon=cameroon, group=group)


def test_a_files_own_definition_is_used_and_validate_says_so(write):
    scenario = load_scenario(write(text()))
    world = build_world(scenario, fact_base())
    assert world.actors["CMR"].forces == 14200
    assert world.actors["JAS"].forces == 900
    notes = shadowed_actors(scenario)
    assert len(notes) == 2
    assert notes[0].startswith("actors.CMR is defined in the file and is also the fact base's")
    assert "the run uses the file's definition" in notes[0]


def test_the_story_names_it_as_the_fact_base_does_whatever_was_loaded(write):
    """Names do not hang on which file a process loaded last: one of each, in both orders."""
    for first, second in (
        (text(), text(cameroon="", group="")),
        (text(cameroon="", group=""), text()),
    ):
        load_scenario(write(first, name="first.yaml"))
        load_scenario(write(second, name="second.yaml"))
        assert actor_name("JAS", "en") == "Boko Haram"
        assert actor_phrase("CMR", "fr") == "le Cameroun"
        assert actor_phrase("ISWAP", "fr") == "l'État islamique en Afrique de l'Ouest"


def test_a_files_own_cameroon_may_start_before_the_fact_bases_regime_does(write):
    """The fact base knows Cameroon's regime from November 1982: a file's own Cameroon of 1981,
    which names none, takes the format's default, as any actor a file defines does."""
    own = DEFINED.replace("    regime: civilian\n", "")
    scenario = load_scenario(write(text(start="1981-05-16", cameroon=own)))
    cameroon = build_world(scenario, fact_base()).actors["CMR"]
    assert cameroon.forces == 14200 and cameroon.regime.value == "civilian"


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        ("  MLI:\n    kind: state\n", "'MLI' is already an actor of the fact base"),
        (
            "  CMR:\n    kind: belligerent\n",
            "'CMR' is already an actor of the fact base; an actor defined inline as a "
            "belligerent needs an id of its own",
        ),
        ("  CMR:\n    kind: [state]\n", "actors.CMR.kind"),
    ],
    ids=["another fact-base state", "Cameroon as a rebel army", "a kind that is no kind"],
)
def test_any_other_definition_of_a_fact_base_id_is_refused_where_it_is_written(
    write, sahelsim, entry, said
):
    body = text().replace("  CMR:\n" + DEFINED, entry + "    name: X\n    name_fr: X\n")
    result = sahelsim("validate", str(write(body, name="bad.yaml")))
    out = result.out + result.err
    assert result.status == 2, out
    assert said in out and "Traceback" not in out


def test_validate_notes_the_fact_bases_groups_outside_their_years(write):
    """ISWAP counted before it split from Boko Haram (August 2016), and Boko Haram's one figure,
    of 2015 when it was whole, read after the split (2020, 2024)."""
    before = load_scenario(
        write(text(start="2014-06-01", cameroon="", group="") + "", name="b.yaml")
    )
    with_iswap = before.model_copy(update={"actors": {**before.actors, "ISWAP": None}})
    assert any("(ISWAP) was formed on 2016-08-01" in n for n in distant_figures(with_iswap))
    for year in (2020, 2024):
        late = load_scenario(
            write(text(start=f"{year}-06-01", cameroon="", group=""), name="l.yaml")
        )
        assert any(
            "from before Islamic State West Africa Province (ISWAP) split from it" in n
            for n in distant_figures(late)
        )
    assert any(
        n.startswith(
            "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad (Boko Haram)'s (JAS) fighters are the fact base's 2015 figure"
        )
        for n in distant_figures(late)
    )
    assert not any("JAS" in n for n in distant_figures(before))
