"""A raid from abroad brings clauses of both kinds into play, each ally's help once (§7.3).

JNIM does not fight in Benin or Togo (seeds/armed_groups.yaml): its raids there come from
Burkina Faso. Such a raid is an attack on the state's territory (the clauses on aggression that
cover any attack on a party) and armed groups inside it, sent by no state (the partnerships
against armed groups inside a state: France's counter-terrorism support to Benin, 2022). No
ally's help is owed twice for it: an ally under two clauses owes under the more demanding one.
"""

from __future__ import annotations

import hashlib

import pytest
from conftest import armed_group_entry, pact_entry

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
{inline}pacts:
{pacts}events:
  raid:
    kind: attack
    scale: {scale}
    date: 2022-12-02
    by: {by}
    target: {target}
{extra}"""

LOCAL = armed_group_entry("LOC", "The local cell", "la cellule locale", "BEN", 40, 2022)

POLICED = "    fighters: 3\n    escaped: 0\n"
"""A raid none of whose authors got away: policed, with no answer to pledge to."""


def text(target, pacts, *, extra="", by="JNIM", scale="incident", inline=""):
    """A raid on ``target`` with ``pacts`` (names, or inline pact YAML)."""
    listed = "".join(p if p.startswith(" ") else f"  {p}:\n" for p in pacts)
    actors = "".join(f"  {a}:\n" for a in dict.fromkeys((target, "BFA", "MLI", "NER")))
    return RAID.format(
        target=target,
        actors=actors.lstrip(),
        pacts=listed,
        extra=extra,
        by=by,
        scale=scale,
        inline=inline,
    )


def runs(write, target, pacts, *, seeds=range(1), **options):
    body = text(target, pacts, **options)
    digest = hashlib.sha256(body.encode()).hexdigest()[:12]
    scenario = load_scenario(write(body, name=f"{target}-{digest}.yaml"))
    return [run_one(scenario, seed) for seed in seeds]


def records(run, kind, actor=None):
    return [r for r in run.records if r.kind is kind and (actor is None or r.actor == actor)]


def owed(run, actor=None):
    return records(run, RecordKind.OBLIGATION, actor)


def test_a_partnership_against_armed_groups_answers_a_raid_from_abroad(write):
    """France's support to Benin against jihadist groups (2022) is a clause on rebellion: the
    raid brings it into play, France lends its support in most replicates (after Kérou, in
    2022, it sent vehicles), and the story tells an attack from abroad, not a rising in
    Benin."""
    struck = runs(write, "BEN", ["france-benin-ct-support-2022"], seeds=range(10))
    for run in struck:
        [france] = owed(run, "FRA")
        assert france.get("casus_foederis") == "armed_rebellion" and france.get("raid") is True
    given = [records(run, RecordKind.SUPPORT, "FRA") for run in struck]
    assert sum(map(bool, given)) >= 3  # France may answer in part, or not at all
    assert {r.get("action") for g in given for r in g} <= {"support", "non_military"}
    english, french = render_text(struck[0], "en"), render_text(struck[0], "fr")
    assert "The attack from abroad by JNIM on Benin's soil brought" in english
    assert "rebellion" not in english and "rébellion" not in french
    assert "L'attaque menée depuis l'étranger par le GSIM sur le sol du Bénin fait jouer" in french


def test_the_same_raid_on_a_state_where_one_group_fights_is_no_raid_from_abroad(write):
    """A local cell fighting in Benin struck beside JNIM: not a raid from abroad, so the story
    does not say so, and the partnership against armed groups is not read into it."""
    [run] = runs(
        write,
        "BEN",
        ["france-benin-ct-support-2022"],
        extra="    contributors: [JNIM, LOC]\n",
        inline=LOCAL,
    )
    assert not any(r.get("raid") for r in run.records)
    assert not owed(run, "FRA")
    assert "from abroad" not in render_text(run, "en")


def commando(write, target, base, others, pact, start, extra="", seeds=range(1)):
    """A raid by armed opponents based in ``base`` on ``target`` (Lomé, September 1986)."""
    actors = "".join(f"  {a}:\n" for a in (target, base, *others))
    group = armed_group_entry("COM", "The commando", "le commando", base, 150, 1986)
    raid = f"    kind: attack\n    scale: incident\n    date: {start[:-2]}02\n    by: COM\n"
    body = (
        f"title: A commando from {base} strikes {target}\nstart: {start}\ndays: 30\n"
        f"actors:\n{actors}{group}pacts:\n  {pact}:\nevents:\n  raid:\n{raid}"
        f"    target: {target}\n{extra}"
    )
    scenario = load_scenario(write(body, name=f"{pact}-{len(extra)}.yaml"))
    return [run_one(scenario, seed) for seed in seeds]


def test_an_ally_under_both_kinds_of_clause_owes_its_help_once(write):
    """France's defence accord with Togo (1963) has an article on aggression (armed help) and
    one on internal disorder (support); a commando from Ghana, as struck Lomé in September
    1986, is both, and France owes once, under the more demanding, the other cited beside it."""
    [run] = commando(write, "TGO", "GHA", ["FRA"], "france-togo-defence-1963", "1994-09-01")
    [france] = owed(run, "FRA")
    assert france.get("clause") == "art1" and france.get("action") == "armed_assistance"
    assert france.get("casus_foederis") == "aggression" and france.get("raid") is True
    assert france.get("also_under") == ["france-togo-defence-1963 Art. 2"]


def test_an_ally_with_no_forces_in_the_region_says_so(write):
    """France honours its armed help to Togo with no forces in the region (the fact base posts
    none there in 1994): the story says it had none to send, in English and in French, rather
    than passing over the answer in silence."""
    struck = commando(
        write, "TGO", "GHA", ["FRA"], "france-togo-defence-1963", "1994-09-01", seeds=range(6)
    )
    honoured = [
        run
        for run in struck
        if any(r.get("response") == "honoured" for r in records(run, RecordKind.RESPONSE, "FRA"))
    ]
    assert honoured
    for run in honoured:
        [none] = records(run, RecordKind.SUPPORT, "FRA")
        assert none.get("action") == "no_forces" and none.get("war") is None
        assert "France had no forces in the region to send to Togo." in render_text(run, "en")
        assert "Aucune force de la France n'est disponible" in render_text(run, "fr")


def test_an_alliance_member_owes_its_partner_once_for_a_raid(write):
    """The Charter's Art. 6 (aggression, armed help) and Art. 5 (armed groups, support) both
    read a raid on Mali by groups based abroad: Burkina Faso and Niger each owe once, under
    Art. 6."""
    [run] = commando(write, "MLI", "DZA", ["BFA", "NER"], "liptako-gourma-charter", "2024-03-01")
    obligations = owed(run)
    assert sorted(r.actor for r in obligations) == ["BFA", "NER"]
    for r in obligations:
        assert r.get("clause") == "art6"
        assert r.get("also_under") == ["liptako-gourma-charter Art. 5"]


def test_armed_help_for_a_raid_no_one_got_away_from_is_lent_not_lost(write):
    """None of the raiders got away, so Mali polices the strike and has no answer to pledge
    to: its partners' armed help under Art. 6 is lent to Mali's forces against the groups, as
    Art. 5's would be, not told as an answer that had already ended."""
    struck = commando(
        write,
        "MLI",
        "DZA",
        ["BFA", "NER"],
        "liptako-gourma-charter",
        "2024-03-01",
        extra=POLICED,
        seeds=range(8),
    )
    for run in struck:
        assert not records(run, RecordKind.WAR_STARTED)
        assert not [r for r in records(run, RecordKind.SUPPORT) if r.get("action") == "answer_over"]
        assert "already ended" not in render_text(run, "en")
    lent = [r for run in struck for r in records(run, RecordKind.SUPPORT)]
    assert {r.actor for r in lent} == {"BFA", "NER"} and all(r.get("forces") for r in lent)
    # (an ally that answers in part gives non-military help instead)
    assert {r.get("action") for r in lent} - {"non_military"} == {"armed_assistance"}


def ecowas_force(pact: str, casus: str) -> str:
    """An ECOWAS pact whose body may send armed help to a member, against ``casus``."""
    clause = {
        "casus_foederis": casus,
        "obliged": "all_parties",
        "toward": "victim",
        "action": "armed_assistance",
        "modality": "permission",
        "decision": "two_thirds",
        "body": "ECOWAS",
    }
    return pact_entry(pact, f"An ECOWAS force against {casus}", "{organisation: ECOWAS}", [clause])


ECOWAS_FORCE = ecowas_force("standby-force", "aggression")


ECOWAS_BRIGADE = ecowas_force("brigade", "armed_rebellion")
"""The same force, raised against armed groups inside a member (a counter-terrorism brigade)."""


@pytest.mark.parametrize(
    "pacts",
    [
        ["ecowas-mechanism-1999"],
        ["ecowas-mechanism-1999", ECOWAS_FORCE],
        ["ecowas-mechanism-1999", ECOWAS_BRIGADE],
    ],
    ids=["mechanism", "with-a-force-against-aggression", "with-a-brigade-against-armed-groups"],
)
def test_an_organisation_votes_once_on_a_raid_however_many_articles_read_it(write, pacts):
    """The 1999 Mechanism's Art. 25 covers aggression and internal conflict alike: ECOWAS votes
    once on a raid from abroad, on its most demanding measure, with each article cited once,
    also when another of its pacts asks the same armed help."""
    [run] = runs(write, "BEN", pacts)
    [ecowas] = owed(run, "ECOWAS")
    assert ecowas.get("action") == "armed_assistance" and ecowas.get("raid") is True
    cited = [ecowas.get("pact") + " " + ecowas.get("article"), *ecowas.get("also_under")]
    assert len(cited) == len(set(cited)) == len(pacts)
    assert len(records(run, RecordKind.VOTE)) == 1


def pact_of_three_readings(order):
    """An ECOWAS pact whose clauses read a raid three ways, listed in ``order``."""
    readings = {
        "aggression": ("aggression", "support"),
        "armed": ("armed_rebellion", "armed_assistance"),
        "civil": ("armed_rebellion", "non_military"),
    }
    clauses = [
        {
            "id": name,
            "casus_foederis": readings[name][0],
            "obliged": "all_parties",
            "toward": "victim",
            "action": readings[name][1],
            "modality": "permission",
            "decision": "two_thirds",
            "body": "ECOWAS",
        }
        for name in order
    ]
    return pact_entry("three", "Three readings", "{organisation: ECOWAS}", clauses)


@pytest.mark.parametrize(
    "order", [("aggression", "armed", "civil"), ("civil", "armed", "aggression")]
)
def test_an_organisation_s_one_measure_does_not_hang_on_the_order_of_its_clauses(write, order):
    """A pact reading a raid as an aggression (support) and, by two clauses, as armed groups
    inside the member (armed help, non-military help) is one measure, the most demanding,
    whatever order its clauses are listed in."""
    [run] = runs(write, "BEN", [pact_of_three_readings(order)])
    [ecowas] = owed(run, "ECOWAS")
    assert ecowas.get("clause") == "armed"
    assert len(records(run, RecordKind.VOTE)) == 1


def test_a_suspended_member_is_told_once_why_a_raid_brought_no_help(write):
    """Benin suspended from ECOWAS: the Mechanism's Art. 25, read both ways, does not protect
    it, and the story says so once."""
    suspended = (
        "  out:\n    kind: membership\n    date: 2022-12-01\n    organisation: ECOWAS\n"
        "    state: BEN\n    status: suspended\n"
    )
    [run] = runs(write, "BEN", ["ecowas-mechanism-1999"], extra=suspended)
    assert not owed(run, "ECOWAS")
    [unmet] = records(run, RecordKind.CLAUSE_UNMET)
    assert unmet.get("condition") == "victim_suspended" and unmet.get("raid") is True
    assert render_text(run, "en").count("ECOWAS had suspended Benin") == 1


def test_raiders_striking_forces_abroad_are_no_raid_on_the_forces_state(write):
    """JNIM strikes Beninese forces in Nigeria: an attack on Benin's forces abroad, not a raid
    on Benin's soil, so France's support against armed groups in Benin is not read into it;
    Nigeria's soil was struck by raiders from abroad, and that is told as a raid."""
    [run] = runs(
        write,
        "BEN",
        ["france-benin-ct-support-2022", "ecowas-mechanism-1999"],
        extra="    host: NGA\n",
    )
    assert not owed(run, "FRA")
    assert not [r for r in run.records if r.get("raid") and r.target == "BEN"]
    assert [r for r in run.records if r.get("raid") and r.target == "NGA"]


def test_an_article_read_two_ways_is_cited_once(write):
    """France's 1961 accord with Upper Volta reads a raid under Art. 4 twice (aggression and
    rebellion); France owes under its Barkhane partnership, with Art. 4 cited once beside it,
    and its forces in Burkina Faso fight the raiders while the sweep is on (Tambao, 2015)."""
    struck = commando(
        write,
        "BFA",
        "MLI",
        ["FRA", "NER"],
        "france-g5-partnership:\n  france-burkina-amt-1961",
        "2015-04-01",
        seeds=range(4),
    )
    for run in struck:
        [france] = owed(run, "FRA")
        assert france.get("clause") == "barkhane"
        assert france.get("also_under") == ["france-burkina-amt-1961 Art. 4"]
        english = render_text(run, "en")
        assert english.count("Art. 4 of the") == 1
    fighting = [
        r.get("fighting") for run in struck for r in records(run, RecordKind.SUPPORT, "FRA")
    ]
    assert ["COM"] in fighting


NAMED = pact_entry(
    "task-force",
    "A task force against IS Sahel",
    "{states: [BEN, NGA]}",
    [
        {
            "article": '"Art. 2"',
            "casus_foederis": "armed_rebellion",
            "obliged": "named",
            "obliged_states": ["NGA"],
            "adversaries": ["ISSP"],
            "toward": "victim",
            "action": "support",
            "decision": "obliged_state",
        }
    ],
)


def test_a_clause_on_armed_groups_that_a_raid_does_not_meet_says_why(write):
    """A task force against IS Sahel reads a raid by JNIM from abroad and does not answer it;
    the story says so of the attack from abroad, in English and in French."""
    [run] = runs(write, "BEN", [NAMED])
    [unmet] = records(run, RecordKind.CLAUSE_UNMET)
    assert unmet.get("condition") == "adversaries" and unmet.get("raid") is True
    english, french = render_text(run, "en"), render_text(run, "fr")
    assert "The attack from abroad by JNIM on Benin's soil did not bring Art. 2" in english
    assert "L'attaque menée depuis l'étranger par le GSIM sur le sol du Bénin ne fait pas" in french


def test_an_invasion_from_abroad_brings_the_partnership_too(write):
    """JNIM invading Benin in force (a war, not a raid) is as much armed groups inside it: the
    partnership against them answers the war too."""
    [run] = runs(write, "BEN", ["france-benin-ct-support-2022"], scale="invasion")
    [france] = owed(run, "FRA")
    assert france.get("raid") is True and france.get("war") is not None


ARMED_HELP = pact_entry(
    "armed-help",
    "Nigeria's armed help to Togo against armed groups",
    "{states: [NGA, TGO]}",
    [
        {
            "casus_foederis": "armed_rebellion",
            "obliged": "named",
            "obliged_states": ["NGA"],
            "beneficiaries": ["TGO"],
            "toward": "victim",
            "action": "armed_assistance",
            "decision": "obliged_state",
        }
    ],
)


@pytest.mark.parametrize("extra", [POLICED, ""], ids=["policed", "swept"])
def test_armed_help_against_armed_groups_follows_the_answer_to_a_raid(write, extra):
    """A pact whose ally sends troops against armed groups inside Togo reads a raid from
    abroad too. When Togo sweeps for the raiders, Nigeria pledges to its answer or fights
    beside it; when none of them got away, Togo polices the strike, and Nigeria's troops are
    lent to Togo's forces (help short of war), not told as an answer already over."""
    struck = runs(write, "TGO", [ARMED_HELP], extra=extra, seeds=range(6))
    for run in struck:
        [nigeria] = owed(run, "NGA")
        assert nigeria.get("casus_foederis") == "armed_rebellion" and nigeria.get("raid")
    given = [r for run in struck for r in records(run, RecordKind.SUPPORT, "NGA")]
    entered = [r for run in struck for r in records(run, RecordKind.ENTERED_WAR, "NGA")]
    if extra:
        assert not entered and given and all(r.get("forces") for r in given)
        # (an ally that answers in part gives non-military help instead)
        assert {r.get("action") for r in given} - {"non_military"} == {"armed_assistance"}
    else:
        assert entered or {r.get("action") for r in given} == {"pledge"}


def test_a_strike_where_the_group_fights_is_no_raid_from_abroad(write):
    """JNIM fights in Niger: a strike there is its rebellion, told as one, and no clause on
    aggression comes into play for it."""
    [run] = runs(write, "NER", ["ecowas-mechanism-1999"])
    obligations = owed(run)
    assert obligations and {r.get("casus_foederis") for r in obligations} == {"armed_rebellion"}
    assert not any(r.get("raid") for r in obligations)
