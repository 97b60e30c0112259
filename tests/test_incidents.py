"""An incident short of war: how rarely its victim answers it with a war (docs/model.md §7.11)."""

from __future__ import annotations

from sim.model.records import RecordKind
from sim.run.replicate import run_one
from sim.scenario.loading import load_scenario

SEEDS = range(40)

CLASH = """\
title: Benin strikes Nigeria
start: 2015-11-20
days: 30
actors:
  NGA:
  BEN:
parameters:
  incident_escalation: {share}
events:
  clash:
    kind: attack
    scale: incident
    date: 2015-11-20
    by: BEN
    target: NGA
"""
"""A strike by a far weaker neighbour: Nigeria, judging a war on Benin an easy one, is as ready
to use force as a victim can be."""


def wars(write, share: float) -> list[bool]:
    """For each seed, whether Nigeria answered the strike with a war within its window."""
    scenario = load_scenario(write(CLASH.format(share=share), name=f"clash-{share}.yaml"))
    return [
        any(
            r.kind is RecordKind.WAR_STARTED and r.actor == "NGA"
            for r in run_one(scenario, s).records
        )
        for s in SEEDS
    ]


def test_most_incidents_never_become_wars_even_for_a_victim_sure_of_winning(write):
    """Over two centuries fewer than one militarized dispute in twenty became a war (Jones,
    Bremer & Singer 1996; the Correlates of War's interstate wars): at the declared share, a
    victim that would win easily still answers a single strike with war in a minority of
    replicates, where, were every incident judged worth a war to become one, it would nearly
    always; at 0, never."""
    assert sum(wars(write, 1)) >= 0.9 * len(SEEDS)
    assert sum(wars(write, 0.05)) < 0.5 * len(SEEDS)
    assert not any(wars(write, 0))


def test_a_larger_share_of_incidents_answered_with_war_never_makes_a_war_less_likely(write):
    """On common random numbers, every replicate with a war at the lower share has one at the
    higher share."""
    low, high = wars(write, 0.05), wars(write, 0.3)
    assert all(h for lo, h in zip(low, high, strict=True) if lo)
    assert sum(high) > sum(low)


JOINT = """\
title: Mali and Burkina Faso strike Côte d'Ivoire twice
start: 2020-06-01
days: 20
actors:
  CIV:
  MLI:
  BFA:
  SEN:
  GHA:
  NGA:
pacts:
  ecowas-mechanism-1999:
events:
  first:
    kind: attack
    scale: incident
    date: 2020-06-02
    by: MLI
    contributors: [MLI, BFA]
    target: CIV
  second:
    kind: attack
    scale: incident
    date: 2020-06-04
    by: BFA
    contributors: [{second}]
    target: CIV
"""


def test_a_strike_by_the_same_authors_is_one_casus_foederis_however_they_are_named(write):
    """The same two states striking again is the same aggression, whichever the file names
    first: ECOWAS decides once under the Mechanism's article on conflict between members."""
    decided = []
    for second in ("MLI, BFA", "BFA, MLI"):
        text = JOINT.format(second=second)
        run = run_one(load_scenario(write(text, name=f"joint-{second[:3]}.yaml")), 0).records
        owed = [r for r in run if r.kind is RecordKind.OBLIGATION and r.get("pact")]
        decided.append(sorted({r.day for r in owed}))
    assert decided[0] == decided[1] == [decided[0][0]]


GHANA_BOUND = """\
pacts:
  gha-nga:
    id: gha-nga
    name: Ghana and Nigeria defence agreement
    signed: 1990-01-01
    parties: {states: [GHA, NGA]}
    source: https://example.org/pact
    clauses:
      - id: help
        article: "Art. 1"
        summary: Ghana helps Nigeria against aggression.
        source: https://example.org/pact
        casus_foederis: aggression
        obliged: named
        obliged_states: [GHA]
        toward: victim
        action: armed_assistance
        decision: obliged_state
        delay_days: 45
"""
LATE_ALLY = (
    CLASH.format(share=0)
    .replace("days: 30", "days: 70")
    .replace("  BEN:\n", "  BEN:\n  GHA:\n")
    .replace("events:\n", GHANA_BOUND + "events:\n")
)
"""Benin strikes Nigeria, which never answers; Ghana, bound to fight beside it, answers late."""


def test_an_ally_answering_after_the_victim_gave_up_its_answer_pledges_nothing(write, sahelsim):
    """Nigeria never answers Benin's strike (no share of incidents is answered with war) and its
    window closes; Ghana, bound to fight beside it, answers 45 days on: there is nothing left to
    join, and the story says so, in English and in French, instead of a pledge to nothing."""
    path = write(LATE_ALLY, name="late.yaml")
    scenario = load_scenario(path)
    over = 0
    for seed in range(10):
        given = [r for r in run_one(scenario, seed).records if r.kind is RecordKind.SUPPORT]
        assert all(r.get("action") == "answer_over" for r in given)
        over += bool(given)
    assert over > 0
    seed = next(
        s
        for s in range(10)
        if any(r.kind is RecordKind.SUPPORT for r in run_one(scenario, s).records)
    )
    english = sahelsim("explain", str(path), "--seed", str(seed), "--parameters", "point").out
    french = sahelsim(
        "explain", str(path), "--seed", str(seed), "--parameters", "point", "--lang", "fr"
    ).out
    assert "answer to the incident had already ended or been given up" in english
    assert "la riposte du Nigeria à l'incident était déjà close ou abandonnée" in french


def test_a_run_with_an_incident_and_no_threat_says_its_retaliation_counts_as_a_threat(write):
    """A newcomer's run with a strike and no threat read "A threat is carried out: 76 %",
    glossed as a threatened attack: it is the victim's retaliation, which the model decides as
    a threat (docs/model.md §11.3). The gloss says so, in both languages."""
    import yaml

    from sim.analysis.summary import outcomes_in_play
    from sim.model.outcome_registry import OUTCOMES

    document = yaml.safe_load(CLASH.format(share=0.5))
    assert "threat_carried_out" in outcomes_in_play(document)  # no threat, yet in play
    outcome = OUTCOMES["threat_carried_out"]
    assert "retaliation for an incident" in outcome.words("en").meaning
    assert "représailles après un incident" in outcome.words("fr").meaning
