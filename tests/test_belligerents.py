"""Actors a scenario defines itself, and civil-war belligerents as parties to wars.

A rebel army or a faction of a state's army (an inline ``belligerent``) fights with all it has,
its rising against its own state is an armed rebellion (not an aggression), its backers support
its side, its allies fight beside it, and outsiders who attack it while it fights enter that war.
"""

from __future__ import annotations

import itertools
import math

import pytest
from conftest import FIGURE, REBELS, civil_war_text

from sim.analysis.backtest import _force_used as force_used
from sim.model.events import on_ceasefire
from sim.model.model import SahelModel
from sim.model.records import OFFENSIVE_OVER, RecordKind
from sim.model.streams import Concern, keyed_uniform
from sim.model.termination import breakdown_chance, odds_against, ripeness
from sim.model.wars import ATTACKERS, DEFENDERS
from sim.model.world import build_world
from sim.resources import scenarios_dir
from sim.run.posterior import with_parameters
from sim.run.replicate import run_one
from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario
from sim.scenario.parameters import PARAMETERS
from sim.scenario.schema import Ceasefire
from sim.scenario.vocabulary import ActorKind, CasusFoederis

LIBERIA = str(scenarios_dir() / "history" / "liberia-1990.yaml")

PACT = """\
pacts:
  sen-gnb:
    id: sen-gnb
    name: A defence agreement
    signed: 1975-01-01
    parties: {states: [SEN, GNB]}
    source: https://example.org/pact
    clauses:
      - id: help
        article: "Art. 1"
        summary: Senegal helps Guinea-Bissau's government against a rebellion.
        source: https://example.org/pact
        casus_foederis: armed_rebellion
        obliged: named
        obliged_states: [SEN]
        toward: victim
        action: armed_assistance
        decision: obliged_state
        delay_days: 1
"""


def load(write, text: str):
    return load_scenario(write(text))


def records(scenario, seed: int = 1) -> list:
    return run_one(scenario, seed).records


# ---------------------------------------------------------------- the format


def test_an_inline_belligerent_validates_with_its_cited_figure(write):
    scenario = load(write, civil_war_text())
    entry = scenario.actors["REB"]
    assert entry.kind is ActorKind.BELLIGERENT and entry.in_ == "GNB"
    assert entry.forces.value == 3000 and entry.forces.source == "https://example.org/figure"


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (("    in: GNB", "    in: XXX"), "not a state among this scenario's actors"),
        (("  REB:\n    kind: belligerent", "  NGA:\n    kind: belligerent"), "already an actor"),
        (("    kind: belligerent", "    kind: power"), "cannot be of kind 'power'"),
        (("    in: GNB", "    in: GNB\n    regime: military"), "'regime' applies to a state only"),
        (("    in: GNB\n", ""), "a belligerent needs 'in'"),
    ],
)
def test_a_wrong_inline_actor_is_refused_with_a_located_message(write, sahelsim, change, said):
    text = civil_war_text().replace(*change)
    path = write(text.replace("by: REB", "by: NGA") if "NGA:" in change[1] else text)
    result = sahelsim("validate", str(path))
    assert result.status == 2
    assert said in result.out + result.err
    assert "Traceback" not in result.out + result.err
    assert f"{path}:" in result.out + result.err  # file, line and column


def test_an_unknown_id_without_a_kind_says_how_to_define_it_inline(write, sahelsim):
    path = write(civil_war_text(actors="  ZZZ:\n"))
    result = sahelsim("validate", str(path))
    assert result.status == 2
    assert "unknown actor 'ZZZ'" in result.out and "defined inline" in result.out


def test_a_faction_larger_than_its_state_s_army_is_refused(write, sahelsim):
    army = fact_base().states["GNB"].forces_on(load(write, civil_war_text()).start).value
    path = write(civil_war_text(value=int(army) + 1, extra="faction_of: true"))
    result = sahelsim("validate", str(path))
    assert result.status == 2
    assert "cannot be larger than the army" in result.out


# ---------------------------------------------------------------- the rules


def test_a_faction_s_fighters_leave_its_state_s_army(write):
    plain = build_world(load(write, civil_war_text()), fact_base())
    faction = build_world(load(write, civil_war_text(extra="faction_of: true")), fact_base())
    assert faction.actors["GNB"].forces == pytest.approx(plain.actors["GNB"].forces - 3000)
    assert faction.actors["REB"].forces == plain.actors["REB"].forces == 3000


def test_a_belligerent_fights_with_all_it_has_and_its_state_with_its_home_defence(write):
    scenario = load(write, civil_war_text())
    war = next(r for r in records(scenario) if r.kind is RecordKind.WAR_STARTED)
    world = build_world(scenario, fact_base())
    home = world.actors["GNB"].forces * scenario.parameters.home_defence_share
    assert war.data["forces"] == {"REB": 3000, "GNB": round(home)}


def test_rising_against_its_own_state_is_an_armed_rebellion_that_brings_allies_in(write):
    scenario = load(write, civil_war_text(pacts=PACT))
    kept = records(scenario)
    obligation = next(r for r in kept if r.kind is RecordKind.OBLIGATION)
    assert obligation.data["casus_foederis"] == CasusFoederis.ARMED_REBELLION.value
    entered = next(r for r in kept if r.kind is RecordKind.ENTERED_WAR)
    assert (entered.actor, entered.target, entered.data["side"]) == ("SEN", "REB", 1)
    assert entered.day == 1  # the clause's one day of delay
    as_written = [
        {"kind": r.kind.value, "actor": r.actor, "target": r.target, **r.data} for r in kept
    ]
    assert force_used(as_written, "REB", ["SEN"]), "the backtest counts entering against it"


def benin_rising(
    pacts, *, backers: str = "", contributors: str = "", actors: str = "", events: str = ""
) -> str:
    """Soldiers rise against Benin's government (December 2025), Chad an actor outside ECOWAS."""
    extra = "    faction_of: true" + (f"\n    backers: {backers}" if backers else "")
    return (
        "title: A rising in Benin\nstart: 2025-12-07\ndays: 60\ncommitment: strict\n"
        "actors:\n  BEN:\n  NGA:\n  GHA:\n  TGO:\n  TCD:\n"
        + actors
        + REBELS.replace("in: GNB", "in: BEN").format(extra=extra, value=50)
        + "\npacts:\n"
        + "".join(f"  {p}:\n" for p in pacts)
        + "events:\n  revolt:\n    kind: attack\n    date: 2025-12-07\n    by: REB\n"
        "    target: BEN\n"
        + (f"    contributors: {contributors}\n" if contributors else "")
        + events
    )


ECOWAS_ON_RISINGS = ["ecowas-pmad-1981", "ecowas-mechanism-1999"]


def test_the_1981_protocol_answers_only_a_rising_backed_from_outside(write):
    """Art. 4 (ii) covers an internal conflict "engineered and actively supported from
    outside": soldiers rising on their own bring in only the 1999 Mechanism's support, and no
    member goes to war for the government, even under strict commitment; with an outside backer
    the members fight."""
    alone = records(load(write, benin_rising(ECOWAS_ON_RISINGS)))
    articles = {r.data["article"] for r in alone if r.kind is RecordKind.OBLIGATION}
    assert articles == {"Art. 25"}
    assert not [r for r in alone if r.kind is RecordKind.ENTERED_WAR]
    unmet = [r for r in alone if r.kind is RecordKind.CLAUSE_UNMET]
    assert [(r.data["article"], r.data["condition"]) for r in unmet] == [
        ("Art. 4 (ii)", "backed_from_outside")
    ]
    backed = records(load(write, benin_rising(ECOWAS_ON_RISINGS, backers="[TCD]")))
    articles = {r.data["article"] for r in backed if r.kind is RecordKind.OBLIGATION}
    assert articles == {"Art. 4 (ii)", "Art. 25"}
    assert not [r for r in backed if r.kind is RecordKind.CLAUSE_UNMET]
    assert {r.actor for r in backed if r.kind is RecordKind.ENTERED_WAR} >= {"NGA", "GHA", "TGO"}


@pytest.mark.parametrize(
    ("condition", "qualifies", "wrong_casus"),
    [
        ("backed_from_outside", "armed_rebellion", "aggression"),
        ("by_a_state", "aggression", "armed_rebellion"),
    ],
    ids=["who rebels, on a clause on aggression", "who attacks, on a clause on rebellions"],
)
def test_a_condition_on_a_clause_of_another_kind_is_refused(
    write, sahelsim, condition, qualifies, wrong_casus
):
    """A condition qualifies one casus foederis (who rebels, who attacks): on a clause of
    another kind it would say nothing, so it is refused where it is written, with what was
    expected."""
    pact = PACT.replace("casus_foederis: armed_rebellion", f"casus_foederis: {wrong_casus}")
    pact = pact.replace("obliged: named", f"conditions: [{condition}]\n        obliged: named")
    path = write(civil_war_text(pacts=pact))
    result = sahelsim("validate", str(path))
    said = result.out + result.err
    assert result.status == 2
    assert f"{condition} is for casus_foederis: {qualifies} only" in said
    assert f"{path}:" in said and "Traceback" not in said
    assert "pacts.sen-gnb.clauses" in said  # the path in the document


def told_in_both_languages(sahelsim, path) -> tuple[str, str]:
    english = sahelsim("explain", str(path), "--seed", "1").out
    return english, sahelsim("explain", str(path), "--seed", "1", "--lang", "fr").out


def test_the_story_says_why_the_1981_protocol_stayed_out_in_both_languages(write, sahelsim):
    """A reader who expects Art. 4 (ii) is told why it did not come into play."""
    english, french = told_in_both_languages(sahelsim, write(benin_rising(ECOWAS_ON_RISINGS)))
    assert "did not bring Art. 4 (ii)" in english
    assert "no state, power or rebel army outside Benin backs the Rebel Army" in english
    assert "ne fait pas jouer l'art. 4 (ii)" in french
    assert "aucune armée rebelle hors du Bénin ne soutient l'Armée rebelle" in french
    backed = write(benin_rising(ECOWAS_ON_RISINGS, backers="[TCD]"), name="backed.yaml")
    assert "did not bring" not in sahelsim("explain", str(backed), "--seed", "1").out


def test_the_backer_that_makes_a_rising_foreign_must_be_someone_else_than_its_victim(write):
    """A rebel's backers count from outside only when they are not the state it fights."""
    text = benin_rising(ECOWAS_ON_RISINGS, backers="[BEN]")
    kept = records(load(write, text))
    assert "Art. 4 (ii)" not in {r.data["article"] for r in kept if r.kind is RecordKind.OBLIGATION}


def test_a_foreign_state_fighting_beside_the_rebels_makes_the_rising_foreign_backed(write):
    """Chad fighting in the rebels' attack is support from outside, declared or not."""
    text = benin_rising(ECOWAS_ON_RISINGS, contributors="[REB, TCD]")
    kept = records(load(write, text))
    assert "Art. 4 (ii)" in {r.data["article"] for r in kept if r.kind is RecordKind.OBLIGATION}


def second_rebels(home: str, name: str) -> str:
    """A second rebel army, REB2, fighting in ``home``: the actors entry to add."""
    return (
        REBELS.replace("in: GNB", f"in: {home}")
        .replace("  REB:", "  REB2:")
        .format(extra="", value=50)
        .replace("name: the Rebel Army", f"name: {name}")
        + "\n"
    )


def test_a_backer_inside_the_state_does_not_make_a_rising_foreign_backed(write):
    """Another rebel army of Benin backing the first is not support from outside."""
    second = second_rebels("BEN", "the Second Rebel Army")
    kept = records(load(write, benin_rising(ECOWAS_ON_RISINGS, backers="[REB2]", actors=second)))
    assert "Art. 4 (ii)" not in {r.data["article"] for r in kept if r.kind is RecordKind.OBLIGATION}
    assert not [r for r in kept if r.kind is RecordKind.ENTERED_WAR]


def test_a_rebel_army_of_another_state_backing_the_rising_makes_it_foreign_backed(write, sahelsim):
    """Taylor's NPFL, a Liberian rebel army, behind the RUF's rising in Sierra Leone (1991): a
    rebel army at home in another state is support from outside, and the story says no more that
    nothing outside backs the rising."""
    foreign = second_rebels("TGO", "the Togolese Rebel Army")
    path = write(benin_rising(ECOWAS_ON_RISINGS, backers="[REB2]", actors=foreign))
    kept = records(load_scenario(path))
    assert "Art. 4 (ii)" in {r.data["article"] for r in kept if r.kind is RecordKind.OBLIGATION}
    assert not [r for r in kept if r.kind is RecordKind.CLAUSE_UNMET]
    assert "backs the Rebel Army" not in sahelsim("explain", str(path), "--seed", "1").out


def test_a_rebellion_is_decided_once_however_many_offensives_its_rebels_make(write):
    """LURD assaulted Monrovia three times in 2003: ECOWAS's clauses came into play once, not
    once per assault, so a body that declined is not drawn again and again until it agrees."""
    again = (
        "  truce:\n    kind: ceasefire\n    date: 2025-12-20\n    between: [REB, BEN]\n"
        "  renewed:\n    kind: attack\n    date: 2026-01-10\n    by: REB\n    target: BEN\n"
    )
    text = benin_rising(ECOWAS_ON_RISINGS, backers="[TCD]", events=again)
    model = SahelModel(build_world(load(write, text), fact_base()), 1)
    model.run()
    assert len(model.wars) == 2, "the rebels fought a second war after the truce"
    decided = [r.data["article"] for r in model.records if r.kind is RecordKind.OBLIGATION]
    assert sorted(decided) == ["Art. 25", "Art. 4 (ii)"], "each clause once, for one rebellion"


def test_members_sent_by_the_body_s_vote_are_the_body_s_force_in_the_backtest(write):
    """``force_used`` by ECOWAS counts the members its vote under Art. 4 (ii) sent to war: they
    fight in its name (docs/backtest.md)."""
    kept = records(load(write, benin_rising(ECOWAS_ON_RISINGS, backers="[TCD]")))
    as_written = [
        {"kind": r.kind.value, "actor": r.actor, "target": r.target, **r.data} for r in kept
    ]
    assert force_used(as_written, "REB", ["ECOWAS"])
    assert not force_used(as_written, "REB", ["TCD"])


@pytest.mark.parametrize(
    "pacts",
    [
        ["ecowas-pmad-1981", "ecowas-mechanism-1999"],  # armed assistance decided first
        ["ecowas-mechanism-1999", "ecowas-pmad-1981"],  # combat support decided first
    ],
    ids=["entered-first", "supported-first"],
)
def test_a_state_that_enters_the_war_adds_no_help_short_of_war_on_top(write, pacts):
    """A rising backed from outside against an ECOWAS member brings in the 1981 Protocol's
    Art. 4 (ii) (armed assistance) and the 1999 Mechanism's Art. 25 (combat support), decided the same day in the
    order of the scenario's pacts: a member fighting in the war adds no support on top, whichever
    was decided first, and its side fights at the support of those outside the war alone."""
    scenario = load(write, benin_rising(pacts, backers="[TCD]"))
    model = SahelModel(build_world(scenario, fact_base()), 1)
    model.step()
    war = model.wars[0]
    decided = {r.data["article"] for r in model.records if r.kind is RecordKind.VOTE}
    assert decided == {"Art. 4 (ii)", "Art. 25"}, "both clauses were decided"
    fighting = set(war.members())
    assert {"NGA", "GHA", "TGO"} <= fighting, "members entered the war under Art. 4 (ii)"
    assert not fighting & set(war.supporters)
    outside = [factor for side, factor in war.supporters.values() if side == 1]
    assert war.aid[1] == pytest.approx(math.prod(outside))


def test_backers_strengthen_the_belligerent_s_side_once_each(write):
    """Each backer multiplies the rebels' side once, by up to ``support_multiplier``, in
    proportion to its size against theirs (docs/model.md §7.4)."""
    scenario = load(write, civil_war_text(extra="backers: [GIN, SEN]"))
    model = SahelModel(build_world(scenario, fact_base()), 1)
    model.step()
    war = model.wars[0]
    factor = scenario.parameters.support_multiplier
    front = war.initial[0] * model.actors["REB"].spec.effectiveness  # the rebels as they rose
    each = [1 + (factor - 1) * min(1.0, model.strength(b) / front) for b in ("GIN", "SEN")]
    assert all(1 < f <= factor for f in each)
    assert war.aid == [pytest.approx(each[0] * each[1]), 1.0]
    backing = [r for r in model.records if r.kind is RecordKind.SUPPORT]
    assert [(r.actor, r.target, r.data["action"]) for r in backing] == [
        ("GIN", "REB", "backing"),
        ("SEN", "REB", "backing"),
    ]


def test_a_belligerent_s_backer_is_never_asked_to_help_the_state_it_fights(write):
    """The NPFL's backers did not defend Doe: a rebel's backer owes its victim nothing."""
    backed = PACT.replace("obliged_states: [SEN]", "obliged_states: [SEN, GIN]")
    scenario = load(write, civil_war_text(pacts=backed, extra="backers: [GIN]"))
    kept = records(scenario)
    owing = {r.actor for r in kept if r.kind is RecordKind.OBLIGATION}
    assert owing == {"SEN"}, "Guinea backs the rebels: no clause obliges it toward Guinea-Bissau"
    assert "GIN" not in {r.actor for r in kept if r.kind is RecordKind.ENTERED_WAR}
    plain = records(load(write, civil_war_text(pacts=backed)))
    assert {r.actor for r in plain if r.kind is RecordKind.OBLIGATION} == {"SEN", "GIN"}


def test_outsiders_attacking_a_belligerent_at_war_enter_that_war_against_it(write):
    events = (
        "  intervention:\n    kind: attack\n    date: 1998-06-20\n    by: SEN\n    target: REB\n"
    )
    stays = "parameters: {withdrawal_rate: 0}\n"  # Senegal is still a side when the run ends
    scenario = load(write, civil_war_text(events=events) + stays)
    model = SahelModel(build_world(scenario, fact_base()), 1)
    model.run()
    assert len(model.wars) == 1, "the intervention joins the civil war; it is not a second war"
    war = model.wars[0]
    assert war.side_of("SEN") == war.side_of("GNB") != war.side_of("REB")
    entered = next(r for r in model.records if r.kind is RecordKind.ENTERED_WAR)
    assert entered.data["by"] == "SEN" and entered.data["against"] == "REB"


def test_a_belligerent_fights_beside_its_ally_when_its_ally_is_attacked(write):
    allies = (
        "  ALLY:\n    kind: belligerent\n    name: the Allied Militia\n"
        "    name_fr: la milice alliée\n    sources: [https://example.org/ally]\n    in: GNB\n"
        "    fights_beside: [REB]\n    forces:\n" + FIGURE.format(value=1000) + "\n"
    )
    model = SahelModel(build_world(load(write, civil_war_text(actors=allies)), fact_base()), 1)
    model.step()
    war = model.wars[0]
    assert war.side_of("ALLY") == war.side_of("REB")
    joined = next(r for r in model.records if r.kind is RecordKind.ENTERED_WAR)
    assert (joined.actor, joined.data["beside"], joined.data["forces"]) == ("ALLY", "REB", 1000)


def test_a_lower_breaking_point_never_makes_a_belligerent_hold_out_longer(write):
    """On common random numbers, a side that breaks sooner never fights more days."""

    def days_fought(point: float, seed: int) -> int:
        text = civil_war_text(value=12000, extra=f"breaking_point: {point}", days=400)
        model = SahelModel(build_world(load(write, text), fact_base()), seed)
        model.run()
        war = model.wars[0]
        return (war.end if war.end is not None else model.day) - war.start

    for seed in range(1, 6):
        assert days_fought(0.1, seed) <= days_fought(0.9, seed)


def test_a_coup_by_a_faction_makes_the_faction_the_offender(write):
    text = civil_war_text(extra="faction_of: true").replace(
        "  revolt:\n    kind: attack\n    date: 1998-06-07\n    by: REB\n    target: GNB\n",
        "  coup:\n    kind: coup\n    date: 1998-06-07\n    state: GNB\n    by: REB\n",
    )
    model = SahelModel(build_world(load(write, text), fact_base()), 1)
    model.step()
    coup = next(r for r in model.records if r.kind is RecordKind.COUP)
    assert coup.data["by"] == "REB"
    assert model.controlled("REB") == "GNB" and model.controlled("SEN") == "SEN"


def test_the_story_names_inline_actors_in_both_languages(write, sahelsim):
    path = write(civil_war_text())
    english = sahelsim("explain", str(path), "--seed", "1")
    french = sahelsim("explain", str(path), "--seed", "1", "--lang", "fr")
    assert "the Rebel Army attacked Guinea-Bissau" in english.out
    assert "l'Armée rebelle" in french.out
    assert "REB" not in english.out + french.out


def test_a_civil_war_fought_at_lower_intensity_never_ends_sooner(write):
    """On common random numbers, less attrition a day only ever draws a war out.

    Truces hold here: a truce that breaks down reopens a war, and a war ended sooner has more
    days left in which its truce may break.
    """

    def days(intensity: float, seed: int) -> int:
        text = civil_war_text(value=3000, days=400, extra="faction_of: true") + (
            f"parameters:\n  irregular_intensity: {intensity}\n  truce_breakdown_rate: 0\n"
        )
        model = SahelModel(build_world(load(write, text), fact_base()), seed)
        model.run()
        war = model.wars[0]
        assert war.irregular
        return (war.end if war.end is not None else model.day) - war.start

    pairs = [(days(1.0, s), days(0.2, s)) for s in range(1, 9)]
    assert all(low >= high for high, low in pairs)
    assert sum(low for _, low in pairs) > sum(high for high, _ in pairs)


def test_no_war_ends_on_the_day_it_began_however_fragile_its_sides(write):
    """The shortest war on record here, The Gambia 2017, ended the day after the crossing."""
    fragile = (
        "parameters:\n  breaking_point: 0.05\n  capitulation_rate: 5\n  mediation_rate: 0.2\n"
        "  baseline_weariness: 0.5\n"  # weary before any loss: may give up on the first day
    )
    # A band in the capital, fought at the full rate by the square law: the quickest to break.
    scenario = load(write, civil_war_text(value=300, extra="rose_in_capital: true") + fragile)
    lengths = []
    for seed in range(1, 7):
        ended = next(r for r in records(scenario, seed) if r.kind is RecordKind.WAR_ENDED)
        lengths.append(ended.data["days"])
    assert min(lengths) >= 1, lengths
    assert 1 in lengths, "sides this fragile give up as soon as the rule lets them"


def _mediated_war(write, rate: float, seed: int) -> int:
    """The length of a civil war that only mediation ends."""
    quiet = "capitulation_rate: 0, withdrawal_rate: 0, breaking_point: 0.9, truce_breakdown_rate: 0"
    text = civil_war_text(value=3000, days=400) + (
        f"parameters: {{{quiet}, mediation_rate: {rate}}}\n"
    )
    model = SahelModel(build_world(load(write, text), fact_base()), seed)
    model.run()
    war = model.wars[0]
    return (war.end if war.end is not None else model.day) - war.start


def test_a_higher_mediation_rate_never_makes_a_war_last_longer(write):
    """On common random numbers the same war is fought; a likelier mediator only ends it sooner."""
    pairs = [(_mediated_war(write, 0.01, s), _mediated_war(write, 0.2, s)) for s in range(1, 9)]
    assert all(slow >= fast for slow, fast in pairs), pairs
    assert sum(slow for slow, _ in pairs) > sum(fast for _, fast in pairs)


# Only mediation and a truce's breakdown end or reopen the war: no side gives up or breaks.
TRUCES = "capitulation_rate: 0, withdrawal_rate: 0, breaking_point: 0.9, mediation_rate: 0.5"


def _truce_text(breakdown: float, extra: str = "") -> str:
    """A 400-day civil war with those parameters and a truce that breaks at ``breakdown``."""
    return civil_war_text(value=3000, days=400, extra=extra) + (
        f"parameters: {{{TRUCES}, truce_breakdown_rate: {breakdown}}}\n"
    )


def _truces(write, breakdown: float, seed: int) -> SahelModel:
    model = SahelModel(build_world(load(write, _truce_text(breakdown)), fact_base()), seed)
    model.run()
    return model


def test_ripeness_is_the_weariness_of_the_less_weary_side():
    """A war neither side has bled for is not ripe; the least weary side sets how ripe it is."""
    assert ripeness([0.0, 3.0]) == 0.0
    assert ripeness([0.4, 0.25]) == 0.25
    assert ripeness([1.5, 2.0]) == 1.0


def test_a_war_is_mediated_only_once_both_sides_have_lost_men(write):
    """Each mediation's chance is the rate times the war's ripeness, never on a bloodless day."""
    mediations = [
        r
        for seed in range(1, 5)
        for r in _truces(write, 0.0, seed).records
        if r.kind is RecordKind.WAR_ENDED and r.get("reason") == "mediation"
    ]
    assert mediations
    for r in mediations:
        assert 0 < r.get("ripeness") <= 1
        assert r.get("probability") == pytest.approx(0.5 * r.get("ripeness"), abs=1e-4)
        assert min(r.get("losses")) > 0


ANY_AGGRESSION = """\
pacts:
  any-aggression:
    id: any-aggression
    name: A pledge against aggression by anyone
    signed: 1990-01-01
    parties: {organisation: ECOWAS}
    source: https://example.org/pact
    clauses:
      - id: art1
        article: "Art. 1"
        summary: The members help one attacked, whoever the attacker, as the Authority decides.
        source: https://example.org/pact
        casus_foederis: aggression
        obliged: other_parties
        toward: victim
        action: armed_assistance
        decision: consensus
        body: ECOWAS
"""
"""The 1981 Protocol's Arts. 2-3 without its Art. 1: a raid by rebels brings it into play."""


def raid_on_senegal(by: str) -> str:
    """Guinea-Bissau's civil war of 1998 under the 1981 Protocol, and a raid into Senegal."""
    raid = (
        "  raid:\n    kind: attack\n    scale: incident\n    date: 1998-06-20\n"
        f"    by: {by}\n    target: SEN\n"
    )
    return civil_war_text(pacts="pacts:\n  ecowas-pmad-1981:\n", events=raid, actors="  TCD:\n")


def test_the_1981_protocol_answers_aggression_by_a_state_not_a_raid_by_rebels(write):
    """The Protocol's Art. 1 defines aggression as "the use of armed force by any State": the
    same raid into Senegal brings Arts. 2-3 into play when a State outside the Community makes
    it (Chad, here), not when the rebels of a neighbour do (the RUF's raids into Guinea,
    September 2000)."""

    def under_arts_2_3(by: str, kind: RecordKind) -> list:
        kept = records(load(write, raid_on_senegal(by)))
        return [r for r in kept if r.kind is kind and r.data.get("article") == "Arts. 2-3"]

    [unmet] = under_arts_2_3("REB", RecordKind.CLAUSE_UNMET)
    assert (unmet.target, unmet.data["condition"], unmet.data["offenders"]) == (
        "SEN",
        "by_a_state",
        ["REB"],
    )
    assert not under_arts_2_3("REB", RecordKind.OBLIGATION)
    [owed] = under_arts_2_3("TCD", RecordKind.OBLIGATION)
    assert (owed.actor, owed.target, owed.data["offenders"]) == ("ECOWAS", "SEN", ["TCD"])
    assert not under_arts_2_3("TCD", RecordKind.CLAUSE_UNMET)


def test_the_story_says_why_a_raid_by_rebels_is_no_aggression_in_both_languages(write, sahelsim):
    """A reader who expects the Protocol to answer the raid is told why it did not."""
    english, french = told_in_both_languages(sahelsim, write(raid_on_senegal("REB")))
    assert "did not bring Arts. 2-3" in english
    assert "armed force used by a State, and no State was among the attackers (the Rebel" in english
    assert "ne fait pas jouer les art. 2-3" in french
    assert "aucun État ne figurait parmi les assaillants (l'Armée rebelle)" in french


def test_a_retaliation_decided_with_allies_already_fighting_the_rebels_is_carried_out(write):
    """The RUF raided Guinea while Sierra Leone fought it: Guinea's retaliation, with the allies
    ECOWAS pledged (Guinea-Bissau among them, already at war with these rebels), joins that war.

    Before, an attacker already at war with the target made the decision come to nothing.
    """
    raid = (
        "  raid:\n    kind: attack\n    scale: incident\n    date: 1998-06-20\n"
        "    by: REB\n    target: SEN\n"
    )
    quiet = "mediation_rate: 0, withdrawal_rate: 0, capitulation_rate: 0, breaking_point: 0.9"
    # every incident judged worth a war becomes one: the test is about where the war is fought
    sure = "incident_escalation: 1"
    # Rebels who fight in the open (a band in the capital, by the square law): against
    # guerrillas Senegal would count another cost (docs/model.md §7.2), which is not the subject.
    text = civil_war_text(pacts=ANY_AGGRESSION, events=raid, extra="rose_in_capital: true") + (
        f"parameters: {{{quiet}, {sure}, required_superiority: 2, time_cost_weight: 0}}\n"
    )
    joined_allies = 0
    for seed in range(1, 9):
        model = SahelModel(build_world(load(write, text), fact_base()), seed)
        model.run()
        [decided] = [r for r in model.records if r.kind is RecordKind.ATTACK_DECIDED]
        entered = {
            r.actor: r
            for r in model.records
            if r.kind is RecordKind.ENTERED_WAR and r.day == decided.day and r.target == "REB"
        }
        assert "SEN" in entered, (seed, decided)  # the decision is carried out, in that war
        assert entered["SEN"].get("decided_by") is None  # Senegal's own choice, not the vote's
        # in Guinea-Bissau's war, on its side (its offensive over, it has left by the end)
        assert entered["SEN"].get("war") == 0
        assert entered["SEN"].get("side") == model.wars[0].side_of("GNB")
        # Senegal's offensive ends Senegal's part, not the war Guinea-Bissau was fighting
        assert not any(
            r.kind is RecordKind.WAR_ENDED and r.get("reason") == OFFENSIVE_OVER
            for r in model.records
        )
        if "GIN" in entered:  # an ally the vote pledged fights in the body's name
            joined_allies += 1
            assert entered["GIN"].get("decided_by") == ["ECOWAS"]
    assert joined_allies


def test_a_state_that_backs_a_side_never_mediates_its_war(write):
    """Liberia and Burkina Faso, backing the RUF, did not broker its truces: a backer is no go-between."""
    text = civil_war_text(value=3000, days=400, extra="backers: [SEN]") + (
        f"parameters: {{{TRUCES}, truce_breakdown_rate: 0}}\n"
    )
    mediators = []
    for seed in range(1, 5):
        model = SahelModel(build_world(load(write, text), fact_base()), seed)
        model.run()
        assert "SEN" in model.wars[0].supporters
        mediators += [
            r.get("mediators")
            for r in model.records
            if r.kind is RecordKind.WAR_ENDED and r.get("reason") == "mediation"
        ]
    assert mediators and all(m == ["GIN"] for m in mediators), mediators


def test_the_lead_nation_never_goes_home_from_its_organisations_war():
    """Nigeria carried ECOMOG in Liberia and Sierra Leone to the end: the largest contingent of a
    side ECOWAS leads never goes home while the war lasts; the other contributors still may."""
    from sim.model.termination import lead_nation
    from sim.run.posterior import drawn_by_default

    loaded = load_scenario("niger-2023-intervention")
    others_left = 0
    for seed in range(1, 16):
        model = SahelModel(build_world(drawn_by_default(loaded, seed), fact_base()), seed)
        model.run()
        war = model.wars[0]
        assert war.leaders[ATTACKERS] == "ECOWAS"
        left = [r.actor for r in model.records if r.kind is RecordKind.WITHDREW]
        assert "NGA" not in left, (seed, left)
        assert lead_nation(model, war, ATTACKERS) == "NGA" or not war.sides[ATTACKERS]
        assert lead_nation(model, war, DEFENDERS) is None  # Niger leads its own side
        others_left += bool(left)
    assert others_left  # contributors other than the lead still go home


def test_in_strict_mode_a_state_that_went_to_war_under_its_pledge_stays():
    """Strict mode keeps every pledge as written (lesson 2): Mali and Burkina Faso, at war for
    Niger under the Charter, stay while the war lasts; in behavioural mode some go home."""
    from sim.run.posterior import drawn_by_default
    from sim.scenario.vocabulary import Commitment

    loaded = load_scenario("lesson-2-strict-vs-behavioural")
    left = {}
    for mode in (Commitment.STRICT, Commitment.BEHAVIOURAL):
        scenario = loaded.model_copy(update={"commitment": mode})
        gone = entered = 0
        for seed in range(1, 13):
            records = run_one(drawn_by_default(scenario, seed), seed).records
            pledged = {
                r.actor for r in records if r.kind is RecordKind.ENTERED_WAR and r.get("pact")
            }
            entered += len(pledged)
            gone += sum(1 for r in records if r.kind is RecordKind.WITHDREW and r.actor in pledged)
        assert entered
        left[mode] = gone
    assert left[Commitment.STRICT] == 0 and left[Commitment.BEHAVIOURAL] > 0, left


def test_the_state_a_party_holds_never_brokers_its_war():
    """Sierra Leone, held by the AFRC junta in 1997, is no go-between between the junta and
    Nigeria; the truce is brokered by states outside the war."""
    from sim.run.posterior import drawn_by_default

    loaded = load_scenario(scenarios_dir() / "history" / "sierra-leone-1997.yaml")
    brokered = 0
    for seed in range(1, 21):
        records = run_one(drawn_by_default(loaded, seed), seed).records
        for r in records:
            if r.kind is RecordKind.WAR_ENDED and r.get("reason") == "mediation":
                brokered += 1
                assert "SLE" not in r.get("mediators"), (seed, r.data)
    assert brokered


KOLOFATA = """\
title: Boko Haram strikes Cameroon, which asks Chad for troops
start: 2015-01-12
days: 60
actors:
  CMR:
  TCD:
  NGA:
  JAS:
parameters: {TRUCES, offensive_share: 1}
events:
  assault:
    kind: attack
    scale: incident
    date: 2015-01-12
    by: JAS
    target: CMR
  asks-chad:
    kind: request
    date: 2015-01-13
    by: CMR
    to: [TCD]
    against: JAS
    action: armed_assistance
  fotokol:
    kind: attack
    scale: incident
    date: 2015-02-04
    by: JAS
    target: CMR
""".replace("TRUCES", TRUCES)


def test_a_state_that_lent_troops_to_a_side_never_mediates_its_war(write):
    """Chad's troops, sent at Cameroon's request in January 2015, fought Boko Haram: Chad is a
    party, not a go-between, in Cameroon's war on the group; Nigeria, which lent nothing, is."""
    lent = brokered = 0
    for seed in range(1, 9):
        model = SahelModel(build_world(load(write, KOLOFATA), fact_base()), seed)
        model.run()
        lending = [r for r in model.records if r.kind is RecordKind.SUPPORT and r.actor == "TCD"]
        truces = [
            r.get("mediators")
            for r in model.records
            if r.kind is RecordKind.WAR_ENDED and r.get("reason") == "mediation"
        ]
        if lending and lending[0].get("fighting") == ["JAS"]:
            lent += 1
            assert all("TCD" not in m for m in truces if m), (seed, truces)
        brokered += sum(1 for m in truces if m)
    assert lent and brokered  # Chad lent, and Nigeria brokered truces


def test_help_lent_against_one_enemy_leaves_a_state_free_to_mediate_another_war(write):
    """Chad's help to Cameroon against Boko Haram takes no side between Nigeria and Cameroon:
    in their war, months later, Chad may broker the truce."""
    text = KOLOFATA.replace("days: 60", "days: 300").replace(
        "    action: armed_assistance\n",
        "    action: non_military\n  bakassi:\n    kind: attack\n    scale: invasion\n"
        "    date: 2015-06-01\n    by: NGA\n    target: CMR\n",
    )
    mediators = []
    for seed in range(1, 4):
        model = SahelModel(build_world(load(write, text), fact_base()), seed)
        model.run()
        assert any(r.kind is RecordKind.SUPPORT and r.actor == "TCD" for r in model.records)
        mediators += [
            r.get("mediators")
            for r in model.records
            if r.kind is RecordKind.WAR_ENDED
            and r.get("reason") == "mediation"
            and "NGA" in r.get("attackers", [r.actor])
        ]
    assert any("TCD" in (m or []) for m in mediators), mediators


@pytest.mark.parametrize("kind", ["guerrillas", "backed from outside"])
def test_no_state_brokers_a_ceasefire_with_rebels_whose_goals_no_government_could_grant(
    write, kind
):
    """Groups fighting for broad goals (a caliphate) seldom reach a negotiated end (Jones &
    Libicki 2008): on the same seeds, the same rebels with narrow goals are brought to talks."""
    backed = "backers: [SEN]\n" if kind == "backed from outside" else ""

    def mediated(goals: str) -> int:
        # A band weaker than the army fights as guerrillas (docs/model.md §7.6).
        text = civil_war_text(value=1000, days=400, extra=backed + goals) + (
            f"parameters: {{{TRUCES}, truce_breakdown_rate: 0}}\n"
        )
        count = 0
        for seed in range(1, 5):
            model = SahelModel(build_world(load(write, text), fact_base()), seed)
            model.run()
            assert (model.wars[0].guerrillas is not None) is (kind == "guerrillas")
            count += sum(
                r.kind is RecordKind.WAR_ENDED and r.get("reason") == "mediation"
                for r in model.records
            )
        return count

    assert mediated("broad_goals: true") == 0
    assert mediated("") > 0


def test_a_mediated_truce_may_break_down_and_the_same_war_is_fought_again(write):
    """The record's truces broke down (Guinea-Bissau 1998, Sierra Leone 1997): the war resumes."""
    model = next(
        m
        for m in (_truces(write, 0.05, seed) for seed in range(1, 20))
        if any(r.kind is RecordKind.WAR_RESUMED for r in m.records)
    )
    assert len(model.wars) == 1, "the same war, not a new one"
    ended = next(r for r in model.records if r.kind is RecordKind.WAR_ENDED)
    resumed = next(r for r in model.records if r.kind is RecordKind.WAR_RESUMED)
    assert ended.get("outcome") == "mediated" and resumed.get("war") == ended.get("war")
    assert resumed.day > ended.day and resumed.get("truce_days") == resumed.day - ended.day
    assert 0.05 <= resumed.get("probability") <= 0.1  # the rate at even odds, twice it at most
    fought = [r for r in model.records if r.kind is RecordKind.WAR_ENDED and r.day > resumed.day]
    if fought:
        assert sum(fought[-1].get("losses")) > sum(ended.get("losses")), "fought again: more dead"


def test_a_war_fought_again_after_its_truce_is_read_as_it_last_ended(write):
    """The summary reads a war whose truce broke down as ongoing until it ends again."""
    scenario = load(write, _truce_text(0.05))
    for seed in range(1, 20):
        run = run_one(scenario, seed)
        turns = [r for r in run.records if r.kind in (RecordKind.WAR_ENDED, RecordKind.WAR_RESUMED)]
        if not any(r.kind is RecordKind.WAR_RESUMED for r in turns):
            continue
        last = turns[-1]
        start = next(r for r in run.records if r.kind is RecordKind.WAR_STARTED).day
        if last.kind is RecordKind.WAR_RESUMED:
            assert run.summary["first_war_outcome"] == "ongoing"
            assert run.summary["war_days"] == 400 - start
        else:
            assert run.summary["first_war_outcome"] == last.get("outcome")
            assert run.summary["war_days"] == last.day - start
        return
    pytest.fail("no truce broke down in 19 seeds")


def test_a_war_fought_again_is_ripe_only_by_the_losses_of_its_renewed_fighting(write):
    """The side that broke the truce has rejected the stalemate: only new losses ripen the war.

    Both sides' casualty tolerance is 0.5, so a side's weariness is its losses over half of all
    it committed; after a resumption, only the losses since the war resumed count.
    """
    text = _truce_text(0.05, extra="casualty_tolerance: 0.5").replace(
        "  GNB:\n", "  GNB: {casualty_tolerance: 0.5}\n", 1
    )
    scenario = load(write, text)
    checked = 0
    for seed in range(1, 30):
        model = SahelModel(build_world(scenario, fact_base()), seed)
        model.run()
        initial = model.wars[0].initial
        resumed = None
        for r in model.records:
            if r.kind is RecordKind.WAR_RESUMED:
                resumed = r.get("losses")
            elif r.kind is RecordKind.WAR_ENDED and r.get("reason") == "mediation" and resumed:
                now = r.get("losses")
                fresh = min((now[s] - resumed[s]) / (initial[s] * 0.5) for s in (0, 1))
                total = min(now[s] / (initial[s] * 0.5) for s in (0, 1))
                assert r.get("ripeness") == pytest.approx(min(1.0, fresh), abs=1e-3)
                assert min(1.0, total) - r.get("ripeness") > 1e-3
                checked += 1
        if checked >= 3:
            return
    pytest.fail(f"only {checked} mediations after a resumption in 29 seeds")


def test_with_no_breakdown_a_mediated_truce_holds(write):
    for seed in range(1, 5):
        model = _truces(write, 0.0, seed)
        assert not [r for r in model.records if r.kind is RecordKind.WAR_RESUMED]
        assert model.wars[0].outcome is not None


def _first_truce(write, breakdown: float, seed: int) -> int | None:
    """Days the war's first truce held (to the horizon if it never broke), None without one."""
    model = _truces(write, breakdown, seed)
    ended = next((r for r in model.records if r.kind is RecordKind.WAR_ENDED), None)
    if ended is None:
        return None
    resumed = next((r for r in model.records if r.kind is RecordKind.WAR_RESUMED), None)
    return (resumed.day if resumed else model.day) - ended.day


def test_a_likelier_breakdown_never_makes_a_truce_hold_longer(write):
    """On common random numbers the same truce is made; a likelier breakdown only ends it sooner."""
    pairs = [(_first_truce(write, 0.002, s), _first_truce(write, 0.02, s)) for s in range(1, 9)]
    pairs = [(a, b) for a, b in pairs if a is not None]
    assert len(pairs) >= 4, pairs
    assert all(held >= broke for held, broke in pairs), pairs
    assert sum(held for held, _ in pairs) > sum(broke for _, broke in pairs)


def test_a_truce_at_uneven_odds_is_likelier_to_break():
    """The side that expects to win by fighting has a reason to resume (Werner 1999)."""
    chances = [breakdown_chance(0.01, odds) for odds in (0.5, 0.7, 0.9, 1.0)]
    assert chances[0] == pytest.approx(0.01) and chances[-1] == pytest.approx(0.02)
    assert chances == sorted(chances) and len(set(chances)) == 4


def test_a_scheduled_ceasefire_makes_a_mediated_truce_final(write):
    """A ceasefire the scenario schedules is what happened: it does not break down."""
    model = SahelModel(build_world(load(write, _truce_text(0.05)), fact_base()), 1)
    while not model.wars or not model.wars[0].truce:
        assert model.day < model.horizon, "no mediated truce to test"
        model.step()
    on_ceasefire(model, "accord", Ceasefire(date=model.date, between=["REB", "GNB"]))
    assert not model.wars[0].truce and model.truces == 0
    model.run()
    assert not [r for r in model.records if r.kind is RecordKind.WAR_RESUMED]


@pytest.mark.parametrize("share", [0.1, 0.5, 1.0])
def test_a_state_sends_a_contingent_to_a_war_abroad_and_all_it_can_deploy_at_home(write, share):
    """Senegal in Guinea-Bissau's war sends ``expeditionary_share`` of what it could deploy.

    The record's contingents are a fraction of their states' deployable forces (ECOMOG's 3,500
    of five states in Liberia, 1990); at home a state sends all it can deploy.
    """
    text = civil_war_text(pacts=PACT) + f"parameters: {{expeditionary_share: {share}}}\n"
    model = SahelModel(build_world(load(write, text), fact_base()), 1)
    model.run()
    entered = next(r for r in model.records if r.kind is RecordKind.ENTERED_WAR)
    senegal = model.actors["SEN"]
    deployable = senegal.spec.forces * senegal.spec.deployable_share
    assert entered.actor == "SEN"
    assert entered.data["forces"] == round(deployable * share)
    assert model.sent("GNB", "GNB") == model.actors["GNB"].deployable
    assert model.sent("REB", "GNB") == model.actors["REB"].deployable


def test_an_intervener_may_go_home_and_its_side_fights_on_without_it(write):
    """Senegal in Guinea-Bissau's war: each day it may withdraw; the government never does.

    Senegal and Guinea left Guinea-Bissau by March 1999 and the junta then won: an intervener
    bears the war's cost away from home. Its forces go home and no longer count at the front.
    (Behavioural: in strict mode a state at war under its pledge stays.)
    """
    text = civil_war_text(pacts=PACT, days=120, commitment="behavioural")
    keen = load(write, text + "parameters: {withdrawal_rate: 0.05, mediation_rate: 0}\n")
    model = SahelModel(build_world(keen, fact_base()), 1)
    model.run()
    gone = [r for r in model.records if r.kind is RecordKind.WITHDREW]
    entered = next(r for r in model.records if r.kind is RecordKind.ENTERED_WAR)
    assert [(r.actor, r.target) for r in gone] == [("SEN", "REB")]
    assert gone[0].day > entered.day, "a whole day at war at least, then home"
    assert entered.day > model.wars[0].start  # it came after the war began ...
    assert (
        gone[0].get("days") == gone[0].day - entered.day
    )  # ... and its days abroad count from then
    assert gone[0].get("forces") > 0
    assert model.wars[0].side_of("SEN") is None and model.wars[0].side_of("GNB") is not None
    never = load(write, text + "parameters: {withdrawal_rate: 0, mediation_rate: 0}\n")
    assert not [r for r in records(never) if r.kind is RecordKind.WITHDREW]


def wars_ending(write, outcome: str, parameters: str, *, value: int = 3000, extra: str = "") -> int:
    """In how many of 24 replicates a year of Guinea-Bissau's war, Senegal helping, ends so."""
    text = civil_war_text(pacts=PACT, days=365, commitment="behavioural", value=value, extra=extra)
    scenario = load(write, text + f"parameters: {{{parameters}}}\n")
    return sum(
        any(
            r.kind is RecordKind.WAR_ENDED and r.get("outcome") == outcome
            for r in records(scenario, seed)
        )
        for seed in range(1, 25)
    )


def test_interveners_readier_to_go_home_never_help_the_side_they_joined_win_more_often(write):
    keen = wars_ending(write, "defenders_won", "withdrawal_rate: 0.05")
    assert keen <= wars_ending(write, "defenders_won", "withdrawal_rate: 0")


def test_a_contingent_abroad_grows_toward_all_its_state_could_deploy_and_never_past_it(write):
    """Senegal's contingent in Guinea-Bissau grows each day; the government's own army does not.

    ECOMOG landed about 3,500 troops in Liberia in August 1990 and reached about 15,000: a first
    contingent is a fraction of what can be deployed, and the rest follows. What is sent adds
    to what the side has committed, the base of its breaking point.
    """
    quiet = "mediation_rate: 0, withdrawal_rate: 0, capitulation_rate: 0, breaking_point: 0.9"
    quiet += ", expeditionary_share: 0.2"  # a first contingent with room to grow
    text = civil_war_text(pacts=PACT, days=200, value=6000)
    grows = load(write, text + f"parameters: {{{quiet}, reinforcement_rate: 0.02}}\n")
    model = SahelModel(build_world(grows, fact_base()), 1)
    senegal, guinea_bissau = model.actors["SEN"], model.actors["GNB"]
    sent = []  # Senegal's contingent and all it had committed, each day of the war
    while model.day < model.horizon and not (model.wars and model.wars[0].end is not None):
        model.step()
        war = model.wars[0] if model.wars else None
        if war is not None and war.side_of("SEN") is not None:
            there = war.sides[war.side_of("SEN")]["SEN"]
            assert there <= senegal.deployable + 1e-6, "never more than it could deploy"
            sent.append(there + senegal.casualties)
    assert len(sent) > 100
    entered = next(r for r in model.records if r.kind is RecordKind.ENTERED_WAR)
    first = entered.data["forces"]
    share = model.params.expeditionary_share  # of what it could deploy, sent first
    assert first == round(senegal.spec.forces * senegal.spec.deployable_share * share)
    assert all(b >= a - 1e-6 for a, b in itertools.pairwise(sent)), "sent only grows"
    assert sent[-1] > 2 * first
    started = next(r for r in model.records if r.kind is RecordKind.WAR_STARTED)
    home = model.wars[0].sides[1]["GNB"] + guinea_bissau.casualties
    assert home == pytest.approx(started.data["forces"]["GNB"], abs=0.5), "at home: no more sent"
    still = load(write, text + f"parameters: {{{quiet}, reinforcement_rate: 0}}\n")
    model = SahelModel(build_world(still, fact_base()), 1)
    model.run()
    entered = next(r for r in model.records if r.kind is RecordKind.ENTERED_WAR)
    started = next(r for r in model.records if r.kind is RecordKind.WAR_STARTED)
    assert model.wars[0].initial[1] == pytest.approx(
        entered.data["forces"] + started.data["forces"]["GNB"], abs=1
    ), "no reinforcement: the side has committed what it entered with, nothing more"


def test_faster_reinforcement_never_makes_the_side_it_helps_lose_more_often(write):
    """The government Senegal came to help loses no more often when Senegal's contingent grows.

    Senegal stays (no withdrawal), so that its contingent is there to grow: a contingent that
    goes home after a few weeks takes its reinforcements with it. Its first contingent is a fifth
    of what it could send, so that there is room to grow.
    """
    room = "withdrawal_rate: 0, expeditionary_share: 0.2"
    # Rebels backed from outside, who fight in the open: in a guerrilla war numbers, and so
    # reinforcements, decide nothing (docs/model.md §7.6).
    lost = [
        wars_ending(
            write,
            "attackers_won",
            f"{room}, reinforcement_rate: {rate}",
            value=6000,
            extra="backers: [GIN]",
        )
        for rate in (0.0, 0.005, 0.05)
    ]
    assert lost == sorted(lost, reverse=True), lost
    assert lost[-1] < lost[0], lost


def test_a_truce_holds_while_a_side_fights_another_war_with_all_it_has(write):
    """The rebels, under a truce with the government, are attacked by Senegal in a new war.

    While all their fighters are at that war the truce cannot break down, even on the days
    whose draw would have broken it at the most even odds.
    """
    model = SahelModel(build_world(load(write, _truce_text(0.05)), fact_base()), 1)
    while not model.wars or not model.wars[0].truce:
        assert model.day < model.horizon, "no mediated truce to test"
        model.step()
    second = model.start_war("SEN", "REB", ("SEN",))
    assert second is not None and second is not model.wars[0]
    would_have_broken = 0
    while model.day < model.horizon and second.ongoing and model.uncommitted("REB") == 0:
        model.step()
        draw = keyed_uniform(model.seed, Concern.TERMINATION, 0, model.day, "truce")
        would_have_broken += draw < breakdown_chance(0.05, 0.5)
        assert model.wars[0].truce, f"the truce broke down on day {model.day}"
    assert would_have_broken >= 1, "no day's draw would have broken the truce: nothing tested"


def test_a_truce_breaks_down_only_if_both_sides_could_fight_again():
    """A side with all its forces at another war cannot reopen this one, nor lose it unfought.

    Liberia 1990: the NPFL's war with Doe's army may end in a truce before ECOMOG attacks the
    NPFL in a war of its own, which takes all the NPFL has.
    """
    scenario = with_parameters(load_scenario(LIBERIA), {"truce_breakdown_rate": 0.05})
    resumed = 0
    for seed in range(40):
        records = run_one(scenario, seed).records
        reopened = {r.get("war"): r.day for r in records if r.kind is RecordKind.WAR_RESUMED}
        resumed += len(reopened)
        for r in records:
            if r.kind is RecordKind.WAR_ENDED and r.get("war") in reopened:
                unfought = r.get("reason") == "no forces left on the front"
                assert not (unfought and r.day - reopened[r.get("war")] <= 1), (seed, r)
    assert resumed >= 5, "too few truces broke down to test"


# No one is brought to talks, no one goes home: wars end by capitulation or breaking point only.
GIVING_UP = "mediation_rate: 0, withdrawal_rate: 0, truce_breakdown_rate: 0, capitulation_rate: 5"


def _capitulations(
    write, factor: float, seeds: range, extra: str = "", value: int = 4000
) -> list[tuple[str, float, dict]]:
    """Who gave up in each run of a civil war, with the chance they had and its terms."""
    text = civil_war_text(value=value, days=300, commitment="behavioural", extra=extra) + (
        f"parameters: {{{GIVING_UP}, handover_concession_factor: {factor}}}\n"
    )
    scenario = load(write, text)
    out = []
    for seed in seeds:
        for r in records(scenario, seed):
            if r.kind is RecordKind.WAR_ENDED and r.get("reason", "").startswith("capitulation"):
                out.append((r.get("loser"), r.get("probability"), r.get("terms")))
    return out


def _rule(resolve: float, odds: float, weariness: float, factor: float) -> float:
    """The capitulation rule's daily chance at capitulation_rate 5 (docs/model.md §7.8)."""
    weary = weariness + PARAMETERS["baseline_weariness"].default
    return factor * min(1.0, 5 * (1 - resolve) ** 2 * odds_against(odds) * weary)


@pytest.mark.parametrize(
    ("rebels", "extra", "value"),
    [
        ("a band that rose in the capital", "rose_in_capital: true", 4000),
        ("a faction", "faction_of: true", 1500),
    ],
)
def test_each_side_of_a_civil_war_gives_up_at_the_factor_when_it_stakes_its_fate(
    write, rebels, extra, value
):
    """A government's capitulation is its overthrow (Goemans 2008); rebels able to draw the war
    out would lay down their arms at its mercy (Walter 1997): each gives up at the factor times
    the rule's, and the record names the stake. A band that rose in the capital gives up at the
    rule's. Every chance is recomputed here from the terms its record carries.
    """
    seen = _capitulations(write, 0.25, range(1, 12), extra, value)
    assert {loser for loser, _, _ in seen} == {"GNB", "REB"}, "both sides must give up somewhere"
    for loser, chance, terms in seen:
        fights_on = rebels == "a faction"
        stake = {"GNB": "overthrow_factor", "REB": "disarm_factor" if fights_on else None}[loser]
        assert [k for k in terms if k.endswith("_factor")] == ([stake] if stake else [])

        factor, resolve = (0.25 if stake else 1.0), terms["resolve"]
        # The odds and the weariness are recorded to four places: the chance lies between the
        # rule's values at the ends of their rounding (the odds against weigh more as odds fall).
        half = 0.00005
        low = _rule(resolve, terms["odds"] + half, max(terms["weariness"] - half, 0.0), factor)
        high = _rule(resolve, max(terms["odds"] - half, 0.0), terms["weariness"] + half, factor)
        assert low - 1e-6 <= chance <= high + 1e-6, (loser, terms)


@pytest.mark.parametrize(
    ("side", "extra", "value", "unyielding"),
    [
        # the rebels, a band in the periphery, never give up (resolve 1)
        ("GNB", "resolve: 1", 4000, None),
        # the government never gives up (resolve 1)
        ("REB", "faction_of: true", 1500, "  GNB: {resolve: 1}\n"),
    ],
    ids=["a government that fears its overthrow", "rebels who fear disarming"],
)
def test_a_side_that_fears_for_its_fate_never_gives_up_sooner(
    write, side, extra, value, unyielding
):
    """On common random numbers, a smaller factor never brings a side's surrender sooner. The
    other side here never gives up (resolve 1), so two runs are the same day for day until the
    first surrender, and a smaller chance on each day can only put it off."""

    def first_surrenders(factor: float) -> list[int | None]:
        text = civil_war_text(value=value, days=300, commitment="behavioural", extra=extra) + (
            f"parameters: {{{GIVING_UP}, handover_concession_factor: {factor}}}\n"
        )
        if unyielding:
            text = text.replace("  GNB:\n", unyielding, 1)
        scenario = load(write, text)
        days = []
        for seed in range(1, 25):
            ends = (r for r in records(scenario, seed) if r.kind is RecordKind.WAR_ENDED)
            ended = next(ends, None)  # a war still fought at the horizon has no end
            gave_up = ended is not None and ended.get("reason", "").startswith("capitulation")
            days.append(ended.day if gave_up and ended.get("loser") == side else None)
        return days

    fearless, fearful = first_surrenders(1.0), first_surrenders(0.1)
    assert any(fearless), "that side never gave up: nothing to compare"
    for early, late in zip(fearless, fearful, strict=True):
        assert late is None or (early is not None and early <= late)
    assert fearful != fearless, "and the smaller factor puts some surrenders off"


def test_a_second_offensive_in_a_war_under_way_is_told_not_dropped(write, sahelsim):
    """The RFDG's second offensive in Guinea (Guéckédou, December 2000) came while its first
    war went on: the story says so, in both languages, and no new war starts."""
    again = "  again:\n    kind: attack\n    date: 1998-06-20\n    by: REB\n    target: GNB\n"
    quiet = "mediation_rate: 0, withdrawal_rate: 0, capitulation_rate: 0, breaking_point: 0.9"
    text = civil_war_text(events=again) + f"parameters: {{{quiet}}}\n"
    records = run_one(load(write, text), 1).records
    [told] = [r for r in records if r.kind is RecordKind.EVENT and r.get("what") == "attack_in_war"]
    assert (told.actor, told.target, told.get("event")) == ("REB", "GNB", "again")
    assert len([r for r in records if r.kind is RecordKind.WAR_STARTED]) == 1
    english, french = told_in_both_languages(sahelsim, write(text, name="again-told.yaml"))
    assert "The Rebel Army attacked Guinea-Bissau again, in the war already under way" in english
    assert "de nouveau la Guinée-Bissau, dans la guerre déjà en cours" in french


OCTOPUS = """\
title: Operation Octopus
start: 1992-10-15
days: 30
actors:
  LBR:
  NGA:
  GHA:
  FRA:
  NPFL:
    kind: belligerent
    name: the NPFL
    name_fr: le NPFL
    in: LBR
    sources: ["https://example.org/npfl"]
    forces: {{value: 10000, year: 1992, unit: fighters, source: "https://example.org/npfl"}}
events:
  octopus:
    kind: attack
    date: 1992-10-15
    by: NPFL
    target: LBR
{defenders}{observed}"""
"""The NPFL's assault on Monrovia, October 1992, with ECOMOG's contingents there."""


def test_forces_standing_with_the_target_fight_beside_it_from_the_first_day(write, sahelsim):
    """ECOMOG's contingents held Monrovia when the NPFL attacked in October 1992: written as
    the attack's defenders, Nigeria and Ghana fight beside Liberia on its first day, with
    contingents sized as for any war abroad, and the story says the scenario placed them."""
    text = OCTOPUS.format(defenders="    defenders: [NGA, GHA]\n", observed="")
    path = write(text)
    model = SahelModel(build_world(load_scenario(path), fact_base()), 1)
    model.step()
    war = model.wars[0]
    assert war.side_of("NGA") == war.side_of("GHA") == war.side_of("LBR")
    entries = [r for r in model.records if r.kind is RecordKind.ENTERED_WAR]
    assert {(r.actor, r.day, r.get("stationed")) for r in entries} == {
        ("NGA", 0, True),
        ("GHA", 0, True),
    }
    nigeria = model.actors["NGA"]
    assert 0 < war.sides[war.side_of("NGA")]["NGA"] <= nigeria.spec.forces * 0.5
    model.release()
    english = sahelsim("explain", str(path), "--seed", "1").out
    assert (
        "Nigeria, whose forces stood with Liberia, fought beside it from the first day" in english
    )
    french = sahelsim("explain", str(path), "--seed", "1", "--lang", "fr").out
    assert (
        "Le Nigeria, dont les forces se trouvaient aux côtés du Libéria, entre en guerre" in french
    )
    alone = write(OCTOPUS.format(defenders="", observed=""), name="alone.yaml")
    unmoved = run_one(load_scenario(alone), 1).records
    assert not [r for r in unmoved if r.kind is RecordKind.ENTERED_WAR and r.day == 0]


@pytest.mark.parametrize(
    ("defenders", "observed", "said"),
    [
        (
            "    defenders: [NPFL]\n",
            "",
            "events.octopus.defenders.0: NPFL is the target or among the attackers",
        ),
        (
            "    scale: incident\n    defenders: [NGA]\n",
            "",
            "events.octopus.defenders: an incident starts no war, so no one fights beside its target",
        ),
        (
            "    defenders: [NGA]\n",
            "observed:\n  entered:\n    - actor: NGA\n      side: defenders\n      by: 1992-10-20\n"
            "      value: true\n      year: 1992\n      sources: [https://example.org/ecomog]\n",
            "observed.entered.0.actor: NGA fights from the first day as one of "
            "events.octopus.defenders: the scenario decides it, not the model",
        ),
    ],
    ids=["an attacker", "an incident", "a scripted entry scored"],
)
def test_defenders_the_model_cannot_honour_are_refused_where_they_stand(
    write, sahelsim, defenders, observed, said
):
    path = write(OCTOPUS.format(defenders=defenders, observed=observed))
    result = sahelsim("validate", str(path))
    assert result.status == 2 and "Traceback" not in result.out + result.err
    assert f"{path}:" in result.out and said in result.out, result.out


def test_a_state_moved_like_an_outside_power_is_told_what_to_write_instead(write, sahelsim):
    """A reader placing ECOMOG's Nigerians in Liberia with a deployment is told it moves only an
    outside power's forces, and where a state's contingent goes."""
    text = OCTOPUS.format(defenders="", observed="") + (
        "  ecomog:\n    kind: deployment\n    date: 1992-10-15\n    power: NGA\n    host: LBR\n"
        "    strength: 6000\n"
    )
    result = sahelsim("validate", str(write(text)))
    assert result.status == 2
    assert "events.ecomog.power: NGA is a state: a deployment moves an outside power's forces" in (
        result.out
    )
    assert "written in the attack's defenders" in result.out
