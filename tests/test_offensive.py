"""A state answers an armed group's strike with a limited offensive (docs/model.md §7.11).

The scenarios here answer every strike with one (``offensive_share`` 1): what is tested is the
offensive, not the choice of policing (tests/test_policing_or_offensive.py).
"""

from __future__ import annotations

import itertools
import math

import pytest
from conftest import armed_group_entry

from sim.model.combat import guerrilla_day, square_law_day
from sim.model.intent import offensive_expectation
from sim.model.records import OFFENSIVE_OVER, RecordKind, WarOutcome
from sim.present.narrative import render_text
from sim.run.replicate import run_one
from sim.scenario.loading import load_scenario

SEEDS = range(20)

RAID = """\
title: An armed group raids Chad
start: 2020-03-22
days: 60
actors:
  TCD:
{others}  GRP:
    kind: belligerent
    name: The raiders
    name_fr: les assaillants
    sources: [https://example.org/raiders]
    in: {home}
    forces:
      value: {fighters}
      year: 2020
      unit: fighters
      source: https://example.org/raiders
{extra}parameters:
  offensive_share: 1
  incident_escalation: {share}
  offensive_days: {days}
events:
  raid:
    kind: attack
    scale: incident
    date: 2020-03-23
    by: GRP
    target: TCD
"""


def raid(write, *, days=8, share=0.05, fighters=400, home="TCD", extra="", **params):
    others = "" if home == "TCD" else f"  {home}:\n"
    """The raid scenario, loaded (``extra``: lines for the group; ``params``: more parameters)."""
    text = RAID.format(
        days=days, share=share, fighters=fighters, home=home, extra=extra, others=others
    )
    head, events = text.split("events:\n")
    head += "".join(f"  {k}: {v}\n" for k, v in params.items())
    name = f"raid-{days}-{share}-{fighters}-{home}-{len(extra)}-{len(params)}.yaml"
    return load_scenario(write(head + "events:\n" + events, name=name))


def records(scenario, seed, kind):
    return [r for r in run_one(scenario, seed).records if r.kind is kind]


def test_a_raid_is_answered_by_an_offensive_that_ends_when_its_days_are_run(write):
    """Chad answered Bohoma (23 March 2020) with an offensive it declared over eight days after it
    began: the war the offensive starts lasts its days and ends with the raiders driven off."""
    scenario = raid(write, days=8)
    for seed in SEEDS:
        [ended] = records(scenario, seed, RecordKind.WAR_ENDED)
        assert ended.get("reason") == OFFENSIVE_OVER
        assert ended.get("days") == 8
        assert ended.get("outcome") == WarOutcome.ATTACKERS_WON
        assert ended.actor == "TCD" and ended.get("loser") == "GRP"


def test_an_armed_groups_strike_is_not_weighed_as_a_dispute_between_states(write):
    """The share of interstate incidents answered with war does not hold Chad back: at 0 it
    still answers the raid, as ready as it is (a state's incident at 0 is never answered:
    tests/test_incidents.py)."""
    scenario = raid(write, share=0)
    answered = [bool(records(scenario, s, RecordKind.WAR_STARTED)) for s in SEEDS]
    assert all(answered)
    [decided] = records(scenario, 0, RecordKind.ATTACK_DECIDED)
    assert decided.get("offensive") == 8
    assert decided.get("escalation") is None
    assert decided.get("probability") == decided.get("readiness")


def readiness(write, days: int) -> float:
    """Chad's readiness to answer a raid by a group as strong as its home defence."""
    scenario = raid(write, days=days, fighters=12000, extra="", required_superiority=1)
    [weighed] = [
        r
        for r in run_one(scenario, 0).records
        if r.kind in (RecordKind.ATTACK_DECIDED, RecordKind.DEADLINE_PASSED)
    ][:1]
    return weighed.get("readiness")


def test_a_longer_offensive_never_makes_a_state_readier_to_launch_it(write):
    """More days of fighting cost more lives and time: readiness never rises with them."""
    values = [readiness(write, d) for d in (1, 5, 9, 20, 60)]
    assert all(a >= b for a, b in itertools.pairwise(values)), values
    assert values[0] > values[-1], values


def test_a_group_stronger_than_the_offensive_holds_its_ground(write):
    """Guerrillas withdraw before a stronger force; a group that outnumbers the offensive and
    stands in the open is not driven off: the offensive, once run, ends as the attackers' failure."""
    scenario = raid(
        write,
        fighters=15000,
        extra="    in_the_open: true\n",
        required_superiority=0.2,
        force_cost_weight=0,
        breaking_point=0.9,
    )
    ended = [r for s in SEEDS for r in records(scenario, s, RecordKind.WAR_ENDED)]
    assert ended
    for r in ended:
        assert r.get("reason") == OFFENSIVE_OVER
        assert r.get("outcome") == WarOutcome.DEFENDERS_WON
        assert r.get("loser") == "TCD"


JOINED = """\
title: A group at war with Nigeria strikes the French troops there
start: 2015-02-01
days: 60
actors:
  NGA:
  FRA:
  GRP:
    kind: belligerent
    name: The group
    name_fr: le groupe
    sources: [https://example.org/group]
    in: NGA
    forces:
      value: 4000
      year: 2015
      unit: fighters
      source: https://example.org/group
parameters:
  offensive_share: 1
  offensive_days: 8
  mediation_rate: 0
  capitulation_rate: 0
  withdrawal_rate: 0.05
events:
  based:
    kind: deployment
    date: 2015-02-01
    power: FRA
    host: NGA
    strength: 3000
  rising:
    kind: attack
    date: 2015-02-01
    by: GRP
    target: NGA
  strike:
    kind: attack
    scale: incident
    date: 2015-02-06
    by: GRP
    target: FRA
    host: NGA
"""


def test_an_offensive_that_joined_a_war_under_way_leaves_it_and_the_war_goes_on(write):
    """A power whose troops a group at war with their host strikes there fights it for its
    offensive's days beside the host, then leaves; the host's war goes on."""
    text = JOINED
    scenario = load_scenario(write(text, name="joined.yaml"))
    left = 0
    for seed in SEEDS:
        run = run_one(scenario, seed).records
        entered = [r for r in run if r.kind is RecordKind.ENTERED_WAR and r.actor == "FRA"]
        withdrew = [r for r in run if r.kind is RecordKind.WITHDREW and r.actor == "FRA"]
        if not entered:
            continue
        assert entered[0].get("war") == 0  # Nigeria's war, beside Nigeria
        assert [r.get("reason") for r in withdrew] == [OFFENSIVE_OVER]
        assert withdrew[0].day - entered[0].day == 8
        assert not any(
            r.kind is RecordKind.WAR_ENDED and r.day <= withdrew[0].day for r in run
        )  # Nigeria's war goes on without France
        left += 1
    assert left >= len(SEEDS) // 2


@pytest.mark.parametrize("days", [1, 9, 40])
def test_the_offensive_is_weighed_by_the_combat_it_will_be_fought_by(days):
    """What a state expects to lose in a limited offensive is what the model's own combat,
    without its noise, takes in those days: guerrilla war, and the square law."""
    own, enemy, quality, rate = 8000.0, 400.0, 0.25, 0.01
    guerrillas, government = enemy, own
    for _ in range(days):
        guerrillas, government = guerrilla_day(guerrillas, government, rate, rate, quality)
    lost, wins = offensive_expectation(own, enemy, quality, rate, days)
    assert math.isclose(lost, 1 - government / own, rel_tol=1e-9)
    assert wins
    a, b = own, 6000.0
    for _ in range(days):
        a, b = square_law_day(a, b, rate, rate)
    lost, wins = offensive_expectation(own, 6000.0, None, rate, days)
    assert math.isclose(lost, 1 - a / own, rel_tol=1e-9)
    assert wins == (a > b)


def test_the_story_tells_the_offensive_in_both_languages(sahelsim, write):
    """The class reads why Chad struck back at once and how the offensive ended, in English and
    in French."""
    text = RAID.format(days=8, share=0.05, fighters=400, home="TCD", extra="", others="")
    path = write(text, name="r.yaml")
    english = sahelsim("explain", str(path), "--seed", "1").out
    french = sahelsim("explain", str(path), "--seed", "1", "--lang", "fr").out
    assert "limited offensive against the armed group that struck: 8 days" in english
    assert "no share of incidents answered with war applies" in english
    assert "ended after 8 days: Chad's offensive had run its course and had driven off The" in (
        english
    )
    assert "offensive limitée contre le groupe armé auteur de la frappe : 8 jours" in french
    assert "après 8 jours : l'offensive du Tchad a suivi son cours et a repoussé les" in french
    # what it weighed the offensive against: the group's fighters there, not a home defence
    assert "that is The raiders' fighters in the state struck (400)" in english
    assert "soit les combattants des assaillants dans l'État frappé (400)" in french


def first_weighing(scenario, seed=0):
    """The victim's first weighing of its answer: the attack it decided, or its focal day passed."""
    return next(
        r
        for r in run_one(scenario, seed).records
        if r.kind in (RecordKind.ATTACK_DECIDED, RecordKind.DEADLINE_PASSED)
    )


def test_a_group_that_struck_from_abroad_is_weighed_as_a_dispute_between_states(write):
    """A group based in Niger that raids Chad can be fought only on Niger's soil: Chad weighs
    that as a dispute between states, at the share of incidents answered with war; at 0 it
    never answers."""
    abroad = raid(write, home="NER", extra="", share=0.05)
    weighed = first_weighing(abroad)
    assert weighed.get("escalation") == 0.05 and weighed.get("offensive") is None
    never = raid(write, home="NER", share=0)
    assert not any(records(never, s, RecordKind.WAR_STARTED) for s in SEEDS)


JNIM_RAID = """\
title: JNIM raids a Malian camp
start: 2019-09-29
days: 30
actors:
  MLI:
  {group}:
parameters:
  offensive_share: 1
  incident_escalation: 0
events:
  raid:
    kind: attack
    scale: incident
    date: 2019-09-30
    by: {group}
    target: {target}
"""


def test_the_fact_base_armed_groups_are_answered_by_an_offensive_where_they_fight(write):
    """JNIM fights in Mali (seeds/armed_groups.yaml): its raid on a Malian camp is weighed as an
    offensive, with no share of incidents; so is the same raid on a state where it does not
    fight, on that state's own soil (raiders from abroad: tests/test_raiders_from_abroad.py)."""
    scenario = load_scenario(write(JNIM_RAID.format(group="JNIM", target="MLI"), name="j.yaml"))
    weighed = first_weighing(scenario)
    assert weighed.get("offensive") == 8 and weighed.get("escalation") is None
    assert weighed.get("probability") == weighed.get("readiness")
    elsewhere = JNIM_RAID.format(group="JNIM", target="SEN").replace("  MLI:\n", "  MLI:\n  SEN:\n")
    weighed = first_weighing(load_scenario(write(elsewhere, name="s.yaml")))
    assert weighed.get("offensive") == 8 and weighed.get("soil") == "SEN"
    assert weighed.get("escalation") is None


def test_a_group_that_struck_forces_abroad_is_answered_on_the_victim_s_own_soil(write):
    """The MFDC, which fights in Casamance, struck Senegal's soldiers of ECOMIG in The Gambia
    (January 2022), where it does not fight; Senegal took its bases in Casamance in March. The
    victim weighs an offensive on its own soil, where the group fights and no neighbour's
    consent is needed; The Gambia, struck on its soil by a group that does not fight there,
    weighs a dispute."""
    text = RAID.format(days=8, share=0.05, fighters=400, home="TCD", extra="", others="")
    text = text.replace("  TCD:\n", "  TCD:\n  NER:\n").replace(
        "    target: TCD\n", "    target: TCD\n    host: NER\n"
    )
    scenario = load_scenario(write(text, name="abroad.yaml"))
    weighed = {
        r.actor: r
        for r in run_one(scenario, 0).records
        if r.kind in (RecordKind.ATTACK_DECIDED, RecordKind.DEADLINE_PASSED)
    }
    assert weighed["TCD"].get("offensive") == 8 and weighed["TCD"].get("soil") == "TCD"
    assert weighed["TCD"].get("escalation") is None
    assert weighed["NER"].get("escalation") == 0.05 and weighed["NER"].get("offensive") is None


def test_a_raid_with_a_state_among_its_authors_is_a_dispute_between_states(write):
    """Niger's army raiding beside the group makes the raid Niger's too: Chad weighs it as a
    dispute between states, at the share of incidents answered with war."""
    path = write(
        RAID.format(
            days=8, share=0.05, fighters=400, home="TCD", extra="", others="  NER:\n"
        ).replace("    by: GRP\n", "    by: GRP\n    contributors: [GRP, NER]\n"),
        name="joint.yaml",
    )
    weighed = first_weighing(load_scenario(path))
    assert weighed.get("offensive") is None and weighed.get("escalation") == 0.05


TRUCE = """\
title: A truce in an offensive
start: 2020-03-22
days: 150
actors:
  TCD:
  NER:
  GRP:
    kind: belligerent
    name: The raiders
    name_fr: les assaillants
    sources: [https://example.org/raiders]
    in: TCD
    in_the_open: true
    forces:
      value: 6000
      year: 2020
      unit: fighters
      source: https://example.org/raiders
parameters:
  offensive_share: 1
  offensive_days: 30
  required_superiority: 0.2
  mediation_rate: 0.5
  truce_breakdown_rate: 0.05
  capitulation_rate: 0
events:
  raid:
    kind: attack
    scale: incident
    date: 2020-03-23
    by: GRP
    target: TCD
"""
"""Niger stands outside the war and may broker a truce in it."""


def test_an_offensive_brought_to_a_truce_resumes_for_the_days_it_had_left(write):
    """A ceasefire in the middle of an offensive, broken, leaves it the days it had not fought:
    it is not turned into an open-ended war, nor ended at once."""
    scenario = load_scenario(write(TRUCE, name="truce.yaml"))
    checked = 0
    for seed in range(40):
        run = run_one(scenario, seed).records
        [started] = [r for r in run if r.kind is RecordKind.WAR_STARTED]
        ends = [r for r in run if r.kind is RecordKind.WAR_ENDED]
        resumed = [r for r in run if r.kind is RecordKind.WAR_RESUMED]
        if not resumed:
            continue
        assert ends[-1].get("reason") == OFFENSIVE_OVER
        assert all(r.get("reason") == "mediation" for r in ends[:-1])
        begun = [started.day, *(r.day for r in resumed)]
        fought = sum(end.day - day for end, day in zip(ends, begun, strict=True))
        assert fought == 30, (seed, fought)
        checked += 1
    assert checked


GROUP_STRIKES_AGAIN = """\
title: The raiders strike Chad again during its offensive
start: 2020-03-22
days: 60
actors:
  TCD:
  NER:
  GRP:
    kind: belligerent
    name: The raiders
    name_fr: les assaillants
    sources: [https://example.org/raiders]
    in: TCD
    forces:
      value: 400
      year: 2020
      unit: fighters
      source: https://example.org/raiders
parameters:
  offensive_share: 1
  offensive_days: 8
  withdrawal_rate: 0
events:
  raid:
    kind: attack
    scale: incident
    date: 2020-03-23
    by: GRP
    target: TCD
  again:
    kind: attack
    scale: {scale}
    date: 2020-03-26
    by: GRP
    target: {target}
"""


@pytest.mark.parametrize(("scale", "target"), [("incident", "TCD"), ("invasion", "NER")])
def test_an_offensive_becomes_a_war_when_the_group_fights_on(write, scale, target):
    """Struck again during its offensive, or joined by a state the group has since invaded, Chad
    fights on: the war does not end on the offensive's last day."""
    text = GROUP_STRIKES_AGAIN.format(scale=scale, target=target)
    scenario = load_scenario(write(text, name=f"again-{scale}.yaml"))
    for seed in SEEDS:
        run = run_one(scenario, seed).records
        assert not any(
            r.kind is RecordKind.WAR_ENDED and r.get("reason") == OFFENSIVE_OVER for r in run
        ), seed
        told = [r for r in run if r.kind is RecordKind.EVENT]
        if scale == "incident":
            assert any(r.get("offensive_now_war") for r in told), seed
        else:
            assert any(r.get("what") == "offensive_goes_on" for r in told), seed


def test_the_story_tells_a_power_leaving_the_war_its_offensive_joined_in_french(sahelsim, write):
    """France, a feminine name in French, ends its offensive: no broken agreement, no English."""
    path = write(JOINED, name="joined-story.yaml")
    french = sahelsim("explain", str(path), "--seed", "1", "--lang", "fr").out
    assert "L'offensive contre le groupe achevée, les " in french
    assert " militaires) quittent la guerre après 8 jours." in french
    assert "les forces de la France (" in french
    english = sahelsim("explain", str(path), "--seed", "1").out
    assert "The offensive against The group over, France took its" in english
    assert "troops out of the war after 8 days." in english


BUSY = """\
title: Chad at war with one group, raided by another
start: 2020-03-01
days: 80
actors:
  TCD:
  OLD:
    kind: belligerent
    name: The old rebels
    name_fr: les anciens rebelles
    sources: [https://example.org/old]
    in: TCD
    forces:
      value: 3000
      year: 2020
      unit: fighters
      source: https://example.org/old
  GRP:
    kind: belligerent
    name: The raiders
    name_fr: les assaillants
    sources: [https://example.org/raiders]
    in: TCD
    forces:
      value: 400
      year: 2020
      unit: fighters
      source: https://example.org/raiders
{militia}parameters:
  offensive_share: 1
  offensive_days: 8
events:
  rising:
    kind: attack
    date: 2020-03-01
    by: OLD
    target: TCD
  raid:
    kind: attack
    scale: incident
    date: 2020-03-23
    by: GRP
    target: TCD
"""
MILITIA = """\
  MIL:
    kind: belligerent
    name: The militia
    name_fr: la milice
    sources: [https://example.org/militia]
    in: TCD
    fights_beside: [TCD]
    forces:
      value: 300
      year: 2020
      unit: fighters
      source: https://example.org/militia
"""


@pytest.mark.parametrize("militia", ["", MILITIA])
def test_an_offensive_ends_though_the_state_is_at_war_elsewhere(write, militia):
    """Chad, fighting a rebellion, answers another group's raid with an offensive that still
    ends on its last day; a militia sworn to fight beside Chad comes with the offensive and
    goes with it, not keeping the war going for reasons of its own."""
    scenario = load_scenario(write(BUSY.format(militia=militia), name=f"busy-{len(militia)}.yaml"))
    launched = 0
    for seed in SEEDS:
        run = run_one(scenario, seed).records
        [offensive] = [
            r for r in run if r.kind is RecordKind.WAR_STARTED and r.target == "GRP"
        ] or [None]
        if offensive is None:
            continue
        ended = [
            r
            for r in run
            if r.kind is RecordKind.WAR_ENDED and r.get("war") == offensive.get("war")
        ]
        assert ended and ended[0].get("reason") in (OFFENSIVE_OVER, "breaking point"), seed
        assert ended[0].day - offensive.day <= 8
        assert not any(r.get("what") == "offensive_goes_on" for r in run)
        launched += 1
    assert launched >= len(SEEDS) // 2


def test_a_renewed_attack_with_a_new_partner_makes_the_offensive_a_war(write):
    """The group invades Chad with a partner while Chad's offensive is under way: Chad fights
    on, and the war does not end as the group driven off."""
    text = GROUP_STRIKES_AGAIN.format(scale="invasion", target="TCD")
    text = text.replace(
        "  again:\n    kind: attack\n    scale: invasion\n    date: 2020-03-26\n    by: GRP\n",
        "  again:\n    kind: attack\n    scale: invasion\n    date: 2020-03-26\n    by: GRP\n"
        "    contributors: [GRP, MIL]\n",
    ).replace("  NER:\n", MILITIA.replace("    fights_beside: [TCD]\n", ""))
    scenario = load_scenario(write(text, name="again-partner.yaml"))
    for seed in SEEDS:
        run = run_one(scenario, seed).records
        assert any(r.kind is RecordKind.ATTACK_DECIDED and r.get("offensive") for r in run)
        assert not any(
            r.kind is RecordKind.WAR_ENDED and r.get("reason") == OFFENSIVE_OVER for r in run
        ), seed


@pytest.mark.parametrize(("scale", "target"), [("incident", "TCD"), ("invasion", "NER")])
def test_the_story_says_when_an_offensive_becomes_a_war(sahelsim, write, scale, target):
    """The class is told why the offensive did not end on its last day, in both languages."""
    path = write(GROUP_STRIKES_AGAIN.format(scale=scale, target=target), name=f"s-{scale}.yaml")
    english = sahelsim("explain", str(path), "--seed", "1").out
    french = sahelsim("explain", str(path), "--seed", "1", "--lang", "fr").out
    if scale == "incident":
        assert "That makes Chad's offensive a war" in english
        assert "L'offensive du Tchad devient ainsi une guerre" in french
    else:
        assert "has since carried the war into Niger as well: the war goes on" in english
        assert "a depuis porté la guerre au Niger aussi : la guerre continue" in french


SOIL = """\
title: Rebels of Senegal strike it
start: 2020-03-22
days: 40
actors:
  SEN:
  GMB:
  REB:
    kind: belligerent
    name: The rebels
    name_fr: les rebelles
    sources: [https://example.org/rebels]
    in: {home}
    forces:
      value: 300
      year: 2020
      unit: fighters
      source: https://example.org/rebels
events:
  strike:
    kind: attack
    scale: incident
    date: 2020-03-23
    by: REB
    target: SEN
{host}"""


@pytest.mark.parametrize(("home", "host", "counted"), [("SEN", "", False), ("GMB", "GMB", True)])
def test_a_members_offensive_on_its_own_soil_is_not_ecowas_attacking(write, home, host, counted):
    """Senegal answering rebels who struck it at home is its own affair, not ECOWAS's; striking
    them in The Gambia, where they struck its forces, is a member's war beyond its borders."""
    text = SOIL.format(home=home, host=f"    host: {host}\n" if host else "")
    scenario = load_scenario(write(text, name=f"soil-{home}.yaml"))
    rows = [run_one(scenario, seed) for seed in SEEDS]
    fought = [r for r in rows if any(x.kind is RecordKind.WAR_STARTED for x in r.records)]
    assert fought
    assert all(r.summary["ecowas_attacked"] is counted for r in fought)


JOINED_STATE = """\
title: A group at war with Niger raids Chad, its home
start: 2020-03-01
days: 60
actors:
  TCD:
  NER:
  GRP:
    kind: belligerent
    name: The group
    name_fr: le groupe
    sources: [https://example.org/group]
    in: TCD
    forces:
      value: 3000
      year: 2020
      unit: fighters
      source: https://example.org/group
parameters:
  offensive_share: 1
  offensive_days: 8
  mediation_rate: 0
  capitulation_rate: 0
  withdrawal_rate: 0.05
events:
  crossing:
    kind: attack
    date: 2020-03-01
    by: GRP
    target: NER
  raid:
    kind: attack
    scale: incident
    date: 2020-03-06
    by: GRP
    target: TCD
"""


def test_a_state_fighting_an_offensive_in_a_war_under_way_does_not_go_home_before_its_end(write):
    """Chad joins Niger's war on the group that raided it and leaves it when its offensive ends,
    not on a random day before, as an intervener fighting another's war may."""
    scenario = load_scenario(write(JOINED_STATE, name="joined-state.yaml"))
    joined = 0
    for seed in range(40):
        run = run_one(scenario, seed).records
        entered = [r for r in run if r.kind is RecordKind.ENTERED_WAR and r.actor == "TCD"]
        if not entered:
            continue
        withdrew = [r for r in run if r.kind is RecordKind.WITHDREW and r.actor == "TCD"]
        ended = [r for r in run if r.kind is RecordKind.WAR_ENDED]
        if ended and ended[0].day - entered[0].day < 8:
            continue  # the war itself ended first
        assert [r.get("reason") for r in withdrew][:1] == [OFFENSIVE_OVER], seed
        assert withdrew[0].day - entered[0].day == 8
        joined += 1
    assert joined >= 10


ALLY = """\
title: Chad and Niger answer a raid
start: 2020-03-22
days: 60
actors:
  TCD:
  NER:
  GRP:
    kind: belligerent
    name: The raiders
    name_fr: les assaillants
    sources: [https://example.org/raiders]
    in: TCD
    forces:
      value: 400
      year: 2020
      unit: fighters
      source: https://example.org/raiders
parameters:
  offensive_share: 1
  offensive_days: 8
pacts:
  tcd-ner:
    id: tcd-ner
    name: Chad and Niger defence agreement
    signed: 1975-01-01
    parties: {states: [TCD, NER]}
    source: https://example.org/pact
    clauses:
      - id: help
        article: "Art. 1"
        summary: Niger helps Chad against a rebellion.
        source: https://example.org/pact
        casus_foederis: armed_rebellion
        obliged: named
        obliged_states: [NER]
        toward: victim
        action: armed_assistance
        decision: obliged_state
        delay_days: 0
events:
  raid:
    kind: attack
    scale: incident
    date: 2020-03-23
    by: GRP
    target: TCD
"""


def test_an_ally_bound_to_the_victim_joins_its_offensive_and_leaves_with_it(write):
    """Chad launches its offensive on the day of the raid, before Niger, bound to help it
    against a rebellion (raiders at home wage one), has answered: Niger joins the offensive under way, with its end, and
    does not keep the war going once Chad's days have run."""
    scenario = load_scenario(write(ALLY, name="ally.yaml"))
    joined = 0
    for seed in SEEDS:
        run = run_one(scenario, seed).records
        [started] = [r for r in run if r.kind is RecordKind.WAR_STARTED]
        entered = [r for r in run if r.kind is RecordKind.ENTERED_WAR and r.actor == "NER"]
        [ended] = [r for r in run if r.kind is RecordKind.WAR_ENDED]
        assert ended.get("reason") == OFFENSIVE_OVER and ended.day - started.day == 8
        if entered:
            assert entered[0].get("war") == started.get("war") and entered[0].get("side") == 0
            joined += 1
    assert joined >= len(SEEDS) // 2


def test_an_ally_answering_late_never_joins_a_later_war_under_the_first_strike(write):
    """Niger answers the raid after Chad's offensive is over: a war the group starts later with
    Chad is not the answer Niger was bound to join under the raid. The war is a casus foederis
    of its own, and Niger enters it, if at all, under the obligation that war raised."""
    text = ALLY.replace("delay_days: 0", "delay_days: 12") + (
        "  invasion:\n    kind: attack\n    scale: invasion\n    date: 2020-04-03\n"
        "    by: GRP\n    target: TCD\n"
    )
    scenario = load_scenario(write(text, name="ally-later.yaml"))
    asked_again = 0
    for seed in SEEDS:
        run = run_one(scenario, seed).records
        owed = {r.get("war") for r in run if r.kind is RecordKind.OBLIGATION and r.actor == "NER"}
        wars = {r.get("war") for r in run if r.kind is RecordKind.WAR_STARTED}
        invasion = max(wars)  # the group's war, started after the offensive's
        asked_again += invasion in owed
        for entered in (r for r in run if r.kind is RecordKind.ENTERED_WAR and r.actor == "NER"):
            assert entered.get("war") == invasion and invasion in owed, seed
    assert asked_again == len(SEEDS)  # the raid's obligation did not swallow the war's


def test_allies_fight_on_when_the_offensive_becomes_a_war(write):
    """Struck again during its offensive, Chad fights on, and Niger, which came with the
    offensive, fights on beside it: none leaves 'as planned'."""
    text = ALLY + (
        "  raid2:\n    kind: attack\n    scale: incident\n    date: 2020-03-26\n"
        "    by: GRP\n    target: TCD\n"
    )
    scenario = load_scenario(write(text, name="ally-war.yaml"))
    stayed = 0
    for seed in SEEDS:
        run = run_one(scenario, seed).records
        if not any(r.kind is RecordKind.ENTERED_WAR and r.actor == "NER" for r in run):
            continue
        assert not any(
            r.kind is RecordKind.WITHDREW and r.get("reason") == OFFENSIVE_OVER for r in run
        ), seed
        stayed += 1
    assert stayed >= len(SEEDS) // 2


def test_an_ally_that_joined_late_is_told_the_days_it_fought(write):
    """Mali, bound to help Chad, answers three days after Chad's offensive began: when it
    ends, Mali's record gives the days Mali fought, not the offensive's."""
    pact = ALLY[ALLY.index("pacts:") : ALLY.index("events:")]
    pact = pact.replace("delay_days: 0", "delay_days: 3").replace("NER", "MLI")
    text = JOINED_STATE.replace("  NER:\n", "  NER:\n  MLI:\n").replace("events:", pact + "events:")
    scenario = load_scenario(write(text, name="late.yaml"))
    told = 0
    for seed in SEEDS:
        run = run_one(scenario, seed).records
        entered = [r for r in run if r.kind is RecordKind.ENTERED_WAR and r.actor == "MLI"]
        left = [
            r
            for r in run
            if r.kind is RecordKind.WITHDREW
            and r.actor == "MLI"
            and r.get("reason") == OFFENSIVE_OVER
        ]
        if entered and left:
            assert left[0].get("days") == left[0].day - entered[0].day < 8, seed
            told += 1
    assert told


SPREAD = """\
title: A group spread over {n} states raids Chad
start: 2020-03-22
days: 30
actors:
  TCD:
  NER:
{group}parameters:
  offensive_share: 1
events:
  raid:
    kind: attack
    scale: incident
    date: 2020-03-23
    by: GRP
    target: TCD
"""


def spread_text(n: int, countries: str) -> str:
    """A group of 2,400 operating in ``countries`` (``n`` of them) that raids Chad."""
    group = armed_group_entry("GRP", "The raiders", "les assaillants", countries, 2400)
    return SPREAD.format(n=n, group=group)


def test_a_group_spread_over_several_states_is_fought_with_its_fighters_where_it_struck(write):
    """An armed group operating in Chad and Niger has half its fighters in Chad: Chad weighs an
    offensive against those, not against a share of the whole group, and is never the less ready
    for the group's being spread; the war it launches meets no more of the group than that."""
    one = load_scenario(write(spread_text(1, "TCD"), name="one.yaml"))
    two = load_scenario(write(spread_text(2, "TCD, NER"), name="two.yaml"))
    for seed in range(5):
        alone, spread = first_weighing(one, seed), first_weighing(two, seed)
        home = "target's home defence"
        assert spread.get("terms")[home] == pytest.approx(alone.get("terms")[home] / 2, rel=0.02)
        assert spread.get("readiness") >= alone.get("readiness")
    launched = 0
    for seed in SEEDS:
        for started in records(two, seed, RecordKind.WAR_STARTED):
            launched += 1
            assert 0 < started.get("forces")["GRP"] <= 2400 / 2 * 1.02  # its fighters in Chad
    assert launched > 0


def test_a_raid_answering_the_states_own_strike_is_still_the_groups_rebellion(write):
    """Who struck first decides whether force is an aggression (UN General Assembly Res. 3314),
    not whether a group wages a rising: Chad's strike on the raiders first does not keep
    Niger, bound against a rebellion, from being asked to answer the raiders' raid."""
    text = ALLY.replace(
        "events:\n",
        "events:\n  first:\n    kind: attack\n    scale: incident\n    date: 2020-03-22\n"
        "    by: TCD\n    target: GRP\n",
    )
    run = run_one(load_scenario(write(text, name="first.yaml")), 0).records
    assert any(r.kind is RecordKind.OBLIGATION and r.actor == "NER" for r in run)


TWO_OFFENSIVES = """\
title: A group raids Chad's army and France's base the same day
start: 2020-03-22
days: 30
actors:
  TCD:
  FRA:
  GRP:
    kind: armed_group
    name: The raiders
    name_fr: les assaillants
    sources: [https://example.org/raiders]
    operates_in: [TCD]
    forces: {value: 600, year: 2020, unit: fighters, source: https://example.org/raiders}
events:
  raid:
    kind: attack
    scale: incident
    date: 2020-03-23
    by: GRP
    target: TCD
  base:
    kind: attack
    scale: incident
    date: 2020-03-23
    by: GRP
    target: FRA
    host: TCD
"""


def test_two_offensives_on_one_soil_are_one_war_against_the_group_there(write):
    """Chad's and France's offensives against the same group in Chad are fought together: an
    offensive decided while the other is fought joins its war, where the group's fighters in
    Chad already are, and never meets them a second time in a war of its own."""
    scenario = load_scenario(write(TWO_OFFENSIVES, name="two.yaml"))
    joined = 0
    for seed in SEEDS:
        run = run_one(scenario, seed).records
        started = {r.get("war"): r.day for r in run if r.kind is RecordKind.WAR_STARTED}
        ended = {r.get("war"): r.day for r in run if r.kind is RecordKind.WAR_ENDED}
        spans = sorted((started[w], ended.get(w, math.inf)) for w in started)
        assert all(later[0] >= earlier[1] for earlier, later in itertools.pairwise(spans)), seed
        joined += any(r.kind is RecordKind.ENTERED_WAR and r.actor == "FRA" for r in run)
    assert joined > 0


def test_an_ally_answering_after_the_offensive_is_over_helps_the_state_against_the_rising(write):
    """Niger, bound to armed assistance against a rebellion, answers twelve days after the raid,
    once Chad's offensive is over: there is no answer left to pledge to, so what it gives goes
    to Chad's counter-insurgency, and no pledge is recorded."""
    scenario = load_scenario(write(ALLY.replace("delay_days: 0", "delay_days: 12"), name="l.yaml"))
    lent = 0
    for seed in SEEDS:
        run = run_one(scenario, seed).records
        given = [r for r in run if r.kind is RecordKind.SUPPORT and r.actor == "NER"]
        assert all(r.get("action") != "pledge" for r in given), seed
        lent += any(r.get("forces", 0) > 0 for r in given)
    assert lent > 0


AES_RAID = """\
title: ISWAP raids Burkina Faso
start: 2024-07-21
days: 30
actors:
  BFA:
  MLI:
  NER:
  ISWAP:
pacts:
  liptako-gourma-charter:
events:
  raid:
    kind: attack
    scale: incident
    date: 2024-07-22
    by: ISWAP
    target: BFA
"""


def test_allies_joining_an_offensive_inside_the_alliance_have_no_forces_abroad_struck(write):
    """ISWAP, placed in neither, raids Burkina Faso: Mali and Niger join its sweep under the
    Charter's Art. 6. They fight on Burkina Faso's soil, a party's, not in ISWAP's name, so no
    attack on their forces abroad brings Art. 7 into play (it answers one outside the
    Alliance)."""
    scenario = load_scenario(write(AES_RAID, name="aes-raid.yaml"))
    joined = 0
    for seed in SEEDS:
        run = run_one(scenario, seed)
        entered = [r for r in run.records if r.kind is RecordKind.ENTERED_WAR]
        joined += len(entered)
        owed = [r for r in run.records if r.kind is RecordKind.OBLIGATION]
        assert not [r for r in owed if r.get("casus_foederis") == "attack_on_forces_abroad"]
    assert joined  # the allies did join, so the rule was put to the test
    assert "forces abroad" not in render_text(run_one(scenario, 1), "en")
