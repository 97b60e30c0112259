"""A raid from abroad brings clauses of both kinds into play, each ally's help once (§7.3).

JNIM does not fight in Benin or Togo (seeds/armed_groups.yaml): its raids there come from
Burkina Faso. Such a raid is an attack on the state's territory (the clauses on aggression that
cover any attack on a party) and armed groups inside it, sent by no state (the partnerships
against armed groups inside a state: France's counter-terrorism support to Benin, 2022). No
pact's help is owed twice for it: an ally under two clauses owes under the more demanding one.
"""

from __future__ import annotations

import pytest

from sim.model.records import RecordKind
from sim.present.narrative import render_text
from sim.run.replicate import run_one
from sim.scenario.loading import load_scenario

RAID = """\
title: JNIM raids {target}
start: 2022-12-01
days: 30
actors:
  {actors}  NGA:
  SEN:
  FRA:
  JNIM:
pacts:
{pacts}events:
  raid:
    kind: attack
    scale: incident
    date: 2022-12-02
    by: JNIM
    target: {target}
{extra}"""


def runs(write, target, pacts, *, extra="", seeds=range(1)):
    listed = "".join(f"  {p}:\n" for p in pacts)
    actors = "".join(f"  {a}:\n" for a in dict.fromkeys((target, "BFA", "MLI", "NER")))
    text = RAID.format(target=target, actors=actors.lstrip(), pacts=listed, extra=extra)
    scenario = load_scenario(write(text, name=f"{target}-{len(pacts)}-{len(extra)}.yaml"))
    return [run_one(scenario, seed) for seed in seeds]


def owed(run, actor=None):
    return [
        r
        for r in run.records
        if r.kind is RecordKind.OBLIGATION and (actor is None or r.actor == actor)
    ]


def test_a_partnership_against_armed_groups_answers_a_raid_from_abroad(write):
    """France's support to Benin against jihadist groups (2022) is a clause on rebellion: the
    raid brings it into play, France lends its support in most replicates (after Kérou, in
    2022, it sent vehicles), and the story tells a raid from abroad, not a rising in Benin."""
    struck = runs(write, "BEN", ["france-benin-ct-support-2022"], seeds=range(10))
    for run in struck:
        [france] = owed(run, "FRA")
        assert france.get("casus_foederis") == "armed_rebellion"
        assert france.get("from_abroad") is True
    helped = [
        run
        for run in struck
        if any(r.kind is RecordKind.SUPPORT and r.actor == "FRA" for r in run.records)
    ]
    assert len(helped) > len(struck) / 2
    for run in helped:
        given = [r for r in run.records if r.kind is RecordKind.SUPPORT and r.actor == "FRA"]
        assert {r.get("action") for r in given} <= {"support", "non_military", "pledge"}
    english, french = render_text(struck[0], "en"), render_text(struck[0], "fr")
    assert "The raid by JNIM on Benin's soil, from abroad, brought" in english
    assert "rebellion" not in english and "rébellion" not in french
    assert "Le raid du GSIM sur le sol du Bénin, depuis l'étranger, fait jouer" in french


COMMANDO = """\
title: A commando from {base} strikes {target}
start: {start}
days: 30
actors:
{actors}  COM:
    kind: armed_group
    name: The commando
    name_fr: le commando
    sources: [https://example.org/commando]
    operates_in: [{base}]
    forces: {{value: 150, year: 1986, unit: fighters, source: https://example.org/commando}}
pacts:
  {pact}:
events:
  raid:
    kind: attack
    scale: incident
    date: {day}
    by: COM
    target: {target}
"""


def commando(write, target, base, others, pact, start):
    """A raid by armed opponents based in ``base`` on ``target`` (Lomé, September 1986)."""
    actors = "".join(f"  {a}:\n" for a in (target, base, *others))
    day = start[:-2] + "02"
    text = COMMANDO.format(target=target, base=base, actors=actors, pact=pact, start=start, day=day)
    return run_one(load_scenario(write(text, name=f"{pact}.yaml")), 0)


def test_an_ally_under_both_kinds_of_clause_owes_its_help_once(write):
    """France's defence accord with Togo (1963) has an article on aggression (armed help) and
    one on internal disorder (support); a commando from Ghana, as struck Lomé in September
    1986, is both, and France owes once, under the more demanding, the other cited beside it."""
    run = commando(write, "TGO", "GHA", ["FRA"], "france-togo-defence-1963", "1994-09-01")
    [france] = owed(run, "FRA")
    assert france.get("clause") == "art1" and france.get("action") == "armed_assistance"
    assert france.get("casus_foederis") == "aggression" and not france.get("from_abroad")
    assert france.get("also_under") == ["france-togo-defence-1963 Art. 2"]


def test_an_alliance_member_owes_its_partner_once_for_a_raid(write):
    """The Charter's Art. 6 (aggression, armed help) and Art. 5 (armed groups, support) both
    read a raid on Mali by groups based abroad: Burkina Faso and Niger each owe once, under
    Art. 6."""
    run = commando(write, "MLI", "DZA", ["BFA", "NER"], "liptako-gourma-charter", "2024-03-01")
    records = owed(run)
    assert sorted(r.actor for r in records) == ["BFA", "NER"]
    for r in records:
        assert r.get("clause") == "art6" and r.get("also_under") == [
            "liptako-gourma-charter Art. 5"
        ]


def test_an_organisation_votes_once_on_a_raid_however_many_articles_read_it(write):
    """The 1999 Mechanism's Art. 25 covers aggression and internal conflict alike: ECOWAS votes
    once on a raid from abroad, on its most demanding measure, and cites its article once."""
    [run] = runs(write, "BEN", ["ecowas-mechanism-1999"])
    [ecowas] = owed(run, "ECOWAS")
    assert ecowas.get("clause") == "art25-aggression" and ecowas.get("also_under") == []
    votes = [r for r in run.records if r.kind is RecordKind.VOTE]
    assert len(votes) == 1


ARMED_HELP = """\
  armed-help:
    id: armed-help
    name: Nigeria's armed help to Togo against armed groups
    signed: 2020-01-01
    parties: {states: [NGA, TGO]}
    source: https://example.org/armed-help
    clauses:
      - id: help
        article: "Art. 1"
        summary: Nigeria sends troops to fight armed groups in Togo.
        source: https://example.org/armed-help
        casus_foederis: armed_rebellion
        obliged: named
        obliged_states: [NGA]
        beneficiaries: [TGO]
        toward: victim
        action: armed_assistance
        decision: obliged_state
"""


@pytest.mark.parametrize("escaped", [0, None])
def test_armed_help_against_armed_groups_follows_the_answer_to_a_raid(write, escaped):
    """A pact whose ally sends troops against armed groups inside Togo reads a raid from
    abroad too. When Togo sweeps for the raiders, Nigeria pledges to its answer or fights
    beside it; when none of them got away, Togo polices the strike, and Nigeria's troops are
    lent to Togo's forces (help short of war), not told as an answer already over."""
    extra = "    fighters: 3\n    escaped: 0\n" if escaped == 0 else ""
    text = RAID.format(
        target="TGO", actors="TGO:\n  BFA:\n", pacts=ARMED_HELP, extra=extra
    ).replace("  NGA:\n  SEN:\n  FRA:\n", "  NGA:\n")
    scenario = load_scenario(write(text, name=f"armed-help-{escaped}.yaml"))
    struck = [run_one(scenario, seed) for seed in range(6)]
    for run in struck:
        [nigeria] = owed(run, "NGA")
        assert nigeria.get("casus_foederis") == "armed_rebellion" and nigeria.get("from_abroad")
    given = [
        r
        for run in struck
        for r in run.records
        if r.kind is RecordKind.SUPPORT and r.actor == "NGA"
    ]
    entered = [
        r
        for run in struck
        for r in run.records
        if r.kind is RecordKind.ENTERED_WAR and r.actor == "NGA"
    ]
    if escaped == 0:
        assert not entered and given
        assert all(r.get("action") == "armed_assistance" and r.get("forces") for r in given)
    else:
        assert entered or {r.get("action") for r in given} == {"pledge"}


def test_a_strike_where_the_group_fights_is_no_raid_from_abroad(write):
    """JNIM fights in Niger: a strike there is its rebellion, told as one, and no clause on
    aggression comes into play for it."""
    [run] = runs(write, "NER", ["ecowas-mechanism-1999"])
    records = owed(run)
    assert records and {r.get("casus_foederis") for r in records} == {"armed_rebellion"}
    assert not any(r.get("from_abroad") for r in records)
