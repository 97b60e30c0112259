"""Contingents sent abroad follow the need, not the contributors' size (docs/model.md §7.2).

ECOMIG entered The Gambia in January 2017 with about 7,000 troops against Gambian forces of
about 1,100 (seeds/history/episodes.md): a side's states abroad seek ``sought_superiority``
times the strength they fight, each sending the same share of what it could deploy, and never
first send more than that, however many of them enter.
"""

from __future__ import annotations

import itertools

import pytest
from conftest import civil_war_text

from sim.model import forces
from sim.model.agents import State
from sim.model.model import SahelModel
from sim.model.records import RecordKind
from sim.model.wars import ATTACKERS, DEFENDERS
from sim.model.world import build_world
from sim.run.replicate import run_one
from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario

ECOMIG_ON_RECORD = 7000
"""Troops ECOMIG entered The Gambia with on 19 January 2017 (seeds/history/episodes.md §10a)."""

NEIGHBOURS = """\
pacts:
  neighbours:
    id: neighbours
    name: A defence agreement
    signed: 1975-01-01
    parties: {states: [SEN, GIN, GNB]}
    source: https://example.org/pact
    clauses:
      - id: help
        article: "Art. 1"
        summary: Senegal and Guinea help Guinea-Bissau's government against a rebellion.
        source: https://example.org/pact
        casus_foederis: armed_rebellion
        obliged: named
        obliged_states: [SEN, GIN]
        toward: victim
        action: armed_assistance
        decision: obliged_state
        delay_days: 1
"""
"""Senegal and Guinea bound to help Guinea-Bissau's government put down a rebellion."""

QUIET = "mediation_rate: 0, withdrawal_rate: 0, capitulation_rate: 0, breaking_point: 0.9"


def civil_war(write, *, rebels: int = 100, days: int = 30, parameters: str = QUIET):
    text = civil_war_text(value=rebels, days=days, pacts=NEIGHBOURS)
    return load_scenario(write(text + f"parameters: {{{parameters}}}\n"))


def strength(model: SahelModel, forces: dict[str, float]) -> float:
    return sum(f * model.actors[a].spec.effectiveness for a, f in forces.items())


def gambia(k: float | None = None) -> SahelModel:
    """The bundled Gambia 2017 at the single values, ECOMIG's entry scripted, one replicate."""
    scenario = load_scenario("gambia-2017")
    if k is not None:
        scenario = scenario.model_copy(
            update={"parameters": scenario.parameters.model_copy(update={"sought_superiority": k})}
        )
    model = SahelModel(build_world(scenario, fact_base()), 1)
    model.run()
    return model


def ecomig(model: SahelModel) -> dict[str, float]:
    started = next(r for r in model.records if r.kind is RecordKind.WAR_STARTED)
    return {a: f for a, f in started.data["forces"].items() if a != started.target}


def test_ecomig_enters_the_gambia_with_a_force_of_the_records_size():
    """About 7,000 on record; before contingents followed the need, the model sent 35,000+."""
    sent = sum(ecomig(gambia()).values())
    assert ECOMIG_ON_RECORD / 2 <= sent <= ECOMIG_ON_RECORD * 2


def test_the_states_abroad_seek_the_superiority_they_are_sized_for_each_the_same_share():
    model = gambia()
    war = model.wars[0]
    sent = ecomig(model)
    gambian = strength(model, {"GMB": war.sides[DEFENDERS]["GMB"] + model.actors["GMB"].casualties})
    sought = model.params.sought_superiority * gambian * war.aid[DEFENDERS] / war.aid[ATTACKERS]
    assert strength(model, sent) == pytest.approx(sought, rel=0.01)
    shares = {a: f / model.actors[a].deployable for a, f in sent.items()}
    assert max(shares.values()) == pytest.approx(min(shares.values()), rel=0.01)
    assert max(shares.values()) < model.params.expeditionary_share, "the need decided, not the cap"


def test_a_side_that_seeks_more_superiority_never_sends_fewer_troops():
    sizes = [sum(ecomig(gambia(k)).values()) for k in (3, 5, 10, 20)]
    assert all(b >= a for a, b in itertools.pairwise(sizes))
    assert sizes[-1] > sizes[0]


def test_against_a_large_enemy_the_first_contingent_is_what_a_state_sends_abroad_at_first(write):
    """Against 20,000 rebels the need exceeds Senegal's first contingent: the cap decides."""
    scenario = civil_war(write, rebels=20000, parameters=QUIET + ", expeditionary_share: 0.3")
    model = SahelModel(build_world(scenario, fact_base()), 1)
    model.run()
    entered = {r.actor: r.data["forces"] for r in model.records if r.kind is RecordKind.ENTERED_WAR}
    for member in ("SEN", "GIN"):
        spec = model.actors[member].spec
        assert entered[member] == round(spec.forces * spec.deployable_share * 0.3)


def test_states_entering_one_after_another_never_first_send_more_than_their_side_seeks(write):
    """Senegal then Guinea enter against 100 rebels: Senegal sends what is lacking, and Guinea,
    finding nothing lacking, a company (the smallest contingent on record), not its first
    contingent."""
    roomy = QUIET + ", expeditionary_share: 0.6"  # the record's largest share: the need decides
    model = SahelModel(build_world(civil_war(write, parameters=roomy), fact_base()), 1)
    model.step()  # day 0: the rising; the pact's clause is answered the next day
    war = model.wars[0]
    needed, present, _ = model._abroad(war, DEFENDERS, ("SEN", "GIN"))
    sought = needed - present  # what the side lacks of the superiority it seeks
    model.step()
    entries = [r for r in model.records if r.kind is RecordKind.ENTERED_WAR]
    assert [r.actor for r in entries] == ["SEN", "GIN"], "both honour, in the clause's order"
    abroad = {r.actor: r.data["forces"] for r in entries}
    assert strength(model, {"SEN": abroad["SEN"]}) == pytest.approx(sought, rel=0.01)
    assert abroad["GIN"] == forces.SMALLEST_CONTINGENT
    for member, sent in abroad.items():
        spec = model.actors[member].spec
        assert sent < spec.forces * spec.deployable_share * model.params.expeditionary_share


def test_a_contingent_grows_toward_its_sides_share_and_never_past_it(write):
    """With fast reinforcement, each contingent abroad tends to the same share of what it could
    deploy, the one that gives its side the superiority it seeks, and is never sent past it: a
    contingent grows only while it is short of the share its side was sized for the day before
    (the share falls as the enemy bleeds, and what is there stays)."""
    params = QUIET + ", reinforcement_rate: 0.05, expeditionary_share: 0.05"
    model = SahelModel(
        build_world(civil_war(write, rebels=2000, days=200, parameters=params), fact_base()), 1
    )
    grew = False
    sized: dict[str, tuple[float, float]] = {}  # member: (its contingent, its side's share of it)
    while model.day < model.horizon and not (model.wars and model.wars[0].end is not None):
        model.step()
        if not model.wars:
            continue
        war = model.wars[0]
        share = model.abroad_share(war, DEFENDERS)
        for member, there in war.sides[DEFENDERS].items():
            actor = model.actors[member]
            if isinstance(actor, State) and member != "GNB":
                if member in sized:
                    before, cap = sized[member]
                    assert there <= max(before, cap) + 1e-6, (model.day, member)
                sized[member] = (there, share * actor.deployable)
                grew |= there > model.params.expeditionary_share * actor.deployable * 1.5
    assert grew, "the contingents grew past their first size"


def test_a_threatener_that_fields_more_never_expects_to_lose_a_larger_share():
    """The expected cost is reckoned with the contingents the threatener would send."""
    losses = []
    for k in (3, 10, 20):
        scenario = load_scenario("gambia-2017-ultimatum")
        scenario = scenario.model_copy(
            update={"parameters": scenario.parameters.model_copy(update={"sought_superiority": k})}
        )
        records = run_one(scenario, 1).records
        decided = next(r for r in records if r.kind is RecordKind.ATTACK_DECIDED)
        losses.append(decided.data["terms"]["expected losses"])
    assert all(b <= a for a, b in itertools.pairwise(losses))
    assert losses[-1] < losses[0]
