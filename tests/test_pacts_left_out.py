"""Validating names the fact base's pacts that could answer a crisis and that its file left out.

Only the pacts a scenario names are in play, so a writer who names some leaves the rest out
without a word: a reader's Niger of December 2019 named the G5 Sahel's pacts, not the United
States' status-of-forces agreement with Niger, and scored the United States' support as observed.
"""

from __future__ import annotations

from sim.scenario.facts import fact_base
from sim.scenario.loading import answering_pacts, load_scenario, pacts_left_out

SOFA = "us-niger-sofa-2013"
"""The United States' support of Niger's forces against armed groups, 2013 to March 2024."""
TSCTP = "us-tsctp-2005"
"""The United States' counter-terrorism partnership with the Sahel's states: no end date."""


def niger(
    actors: str = "  NER:\n  USA:\n  FRA:\n",
    pacts: str = "",
    event: str = "    kind: attack\n    by: ISSP\n    target: NER\n    scale: incident\n",
    start: str = "2019-12-10",
) -> str:
    """One event in Niger (by default IS Sahel's strike at Inates); the pacts ``pacts`` names."""
    return (
        f"title: Niger\nstart: {start}\ndays: 30\nactors:\n{actors}  ISSP:\n"
        + (f"pacts:\n{pacts}" if pacts else "pacts: {}\n")
        + f"events:\n  it:\n    date: {start}\n{event}"
    )


def left_out(write, text: str) -> str:
    notes = pacts_left_out(load_scenario(write(text)))
    assert len(notes) <= 1
    return notes[0] if notes else ""


def test_the_struck_states_accords_are_named_with_who_would_answer(write):
    note = left_out(write, niger())
    assert f"{SOFA} (USA for NER)" in note
    assert "france-niger-sahel-intervention-2013 (FRA for NER)" in note
    assert "those that did not under pacts_left_out: with the reason" in note


def test_a_pact_named_or_switched_off_is_not_noted(write):
    named = left_out(write, niger(pacts=f"  {SOFA}:\n"))
    off = left_out(write, niger(pacts=f"  {SOFA}: {{enabled: false}}\n"))
    assert f"{TSCTP} (USA for NER)" in named and f"{TSCTP} (USA for NER)" in off
    assert SOFA not in named and SOFA not in off


def test_a_pact_left_out_with_its_reason_is_not_noted_nor_put_in_play(write):
    """The bundled scenarios cannot switch a pact off under ``pacts:``, which the classroom
    reads as its pact switches: they say why they leave it out, and the run is unchanged."""
    text = niger() + f"pacts_left_out:\n  {SOFA}: no American support is recorded\n"
    note = left_out(write, text)
    assert SOFA not in note and f"{TSCTP} (USA for NER)" in note
    assert SOFA not in load_scenario(write(text)).pacts_in_play(fact_base())


def test_a_pact_a_variant_puts_back_is_in_play(write):
    """A scenario that extends one leaving a pact out may put it back under ``pacts:``."""
    base = write(niger() + f"pacts_left_out:\n  {SOFA}: left out in the base\n", name="b.yaml")
    variant = write(f"extends: {base.name}\ntitle: With it\npacts:\n  {SOFA}:\n", name="v.yaml")
    scenario = load_scenario(variant)
    assert SOFA in scenario.pacts_in_play(fact_base())
    [both] = [n for n in pacts_left_out(scenario) if n.startswith("pacts_left_out names")]
    assert f"names {SOFA}, also put in play under pacts:; the run uses it" in both


def test_a_coalition_left_out_is_named_only_for_a_crisis_of_its_adversaries(write):
    """A task force formed against IS Sahel, in the fact base, is noted for IS Sahel's strike
    on Niger and not for JNIM's."""
    facts = fact_base()
    sofa = facts.pacts[SOFA]
    clauses = [c.model_copy(update={"adversaries": ["ISSP"]}) for c in sofa.clauses]
    scoped = facts.model_copy(
        update={"pacts": {**facts.pacts, SOFA: sofa.model_copy(update={"clauses": clauses})}}
    )
    by_issp = load_scenario(write(niger(actors="  NER:\n  USA:\n  JNIM:\n"), name="i.yaml"))
    jnim = "    kind: attack\n    by: JNIM\n    target: NER\n    scale: incident\n"
    by_jnim = load_scenario(
        write(niger(actors="  NER:\n  USA:\n  JNIM:\n", event=jnim), name="j.yaml")
    )
    assert f"{SOFA} (USA for NER)" in "".join(pacts_left_out(by_issp, scoped))
    assert SOFA not in "".join(pacts_left_out(by_jnim, scoped))
    assert SOFA in "".join(pacts_left_out(by_jnim))  # unscoped, JNIM's strike brings it in


def test_an_unknown_pact_left_out_is_refused_where_it_is_written(write, sahelsim):
    path = write(niger() + "pacts_left_out:\n  us-niger-sofa:\n    reason\n", name="bad.yaml")
    result = sahelsim("validate", str(path))
    said = result.out + result.err
    assert result.status == 2, said
    assert "bad.yaml:18:3: pacts_left_out.us-niger-sofa: unknown pact 'us-niger-sofa'" in said
    assert f"did you mean {SOFA!r}" in said and "Traceback" not in said


def test_a_pact_whose_helper_is_no_actor_is_not_noted(write):
    """Without the United States, its programmes cannot act: naming them would be noise."""
    note = left_out(write, niger(actors="  NER:\n  FRA:\n"))
    assert "us-" not in note and "france-niger-sahel-intervention-2013" in note


def test_a_pact_is_noted_for_what_the_event_brings_into_play(write):
    """A coup brings in no clause against armed groups: the partners' programmes are not named,
    and the ECOWAS protocol on unconstitutional changes is."""
    coup = "    kind: coup\n    state: NER\n"
    note = left_out(write, niger(actors="  NER:\n  USA:\n  NGA:\n", event=coup))
    assert "ecowas-democracy-2001" in note and "NGA for NER" in note
    assert SOFA not in note and TSCTP not in note


def test_the_attacker_is_not_counted_among_those_who_would_help(write):
    """France striking Niger is no helper of Niger under their accords."""
    strike = "    kind: attack\n    by: FRA\n    target: NER\n    scale: incident\n"
    actors = "  NER:\n  FRA:\n  NGA:\n"
    note = left_out(write, niger(actors=actors, event=strike, start="2020-06-01"))
    assert "ecowas-pmad-1981 (NGA for NER)" in note and "FRA for NER" not in note


def test_a_pact_ended_before_the_event_is_not_noted(write):
    """The status-of-forces agreement ended in March 2024; the partnership has no end."""
    note = left_out(write, niger(start="2025-06-01"))
    assert f"{TSCTP} (USA for NER)" in note
    assert SOFA not in note


def test_the_pacts_named_put_in_play_leave_nothing_to_name(write):
    """What tools/blind_with_todays_pacts.py does to a reader's file: each pact ``validate``
    names, with the states it would answer for, put in play, leaves none to name."""
    answering = answering_pacts(load_scenario(write(niger())))
    assert answering[SOFA] == {"NER": {"USA"}}
    added = "".join(f"  {pact}:\n" for pact in answering)
    scenario = load_scenario(write(niger(pacts=added)))
    assert answering_pacts(scenario) == {}
    assert set(answering) <= set(scenario.pacts_in_play(fact_base()))
