"""What a clause permits versus what it obliges, and the fixes found by review.

A permission ("may") is decided from its own base rate, puts no reputation at stake, is not
counted as an obligation and is never told as one; a body deciding by consensus decides as one.
After a coup the junta is never its own victim's friend; help against a rebellion is sent once per
trigger at the record's order of magnitude; a scheduled threat replaces a clause's threat.
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sim.model.decisions import Situation, honour_probability
from sim.model.model import SahelModel
from sim.model.records import RecordKind
from sim.model.responses import situation
from sim.model.world import build_world
from sim.present.narrative import render_text
from sim.resources import scenarios_dir
from sim.run.replicate import run_one
from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario
from sim.scenario.parameters import Parameters
from sim.scenario.vocabulary import CasusFoederis, Lang, Modality, PactAction, Toward

AVERAGE = Situation(resolve=0.5, affinity=0.5, capacity=0.5, cost=0.5, pressure=0.0, reputation=0.5)

GUINEA_2008 = "scenarios/history/guinea-2008.yaml"


def test_the_treaties_that_say_may_are_permissions_and_the_charter_a_duty():
    pacts = fact_base().pacts
    modality = {(p, c.id): c.modality for p, pact in pacts.items() for c in pact.clauses}
    for clause in ("art25-coup", "art25-aggression", "art25-between-members", "art25-internal"):
        assert modality[("ecowas-mechanism-1999", clause)] is Modality.PERMISSION
    assert modality[("ecowas-democracy-2001", "art45")] is Modality.PERMISSION
    assert modality[("ecowas-pmad-1981", "art2-3")] is Modality.DUTY
    for clause in ("art5", "art6", "art7", "art8"):
        assert modality[("liptako-gourma-charter", clause)] is Modality.DUTY


@given(
    duty_rate=st.floats(0.01, 0.99),
    low=st.floats(0.01, 0.99),
    high=st.floats(0.01, 0.99),
)
def test_a_permission_follows_its_own_base_rate_never_the_duty_rate(duty_rate, low, high):
    low, high = sorted((low, high))
    action = PactAction.INTERVENE

    def chance(permission_rate: float, honour_rate: float) -> float:
        params = Parameters(permission_base_rate=permission_rate, honour_base_rate=honour_rate)
        return honour_probability(AVERAGE, action, params, permitted=True)[0]

    assert chance(low, duty_rate) <= chance(high, duty_rate) + 1e-12
    assert chance(low, duty_rate) == pytest.approx(chance(low, 0.5))


@given(rate=st.floats(0.01, 0.99), other=st.floats(0.01, 0.99))
def test_help_asked_outside_a_treaty_and_a_treaty_s_measures_read_separate_base_rates(rate, other):
    """A request (intervention by invitation) is weighed from ``invitation_base_rate`` alone; a
    treaty's permission and duty never read it."""
    action = PactAction.ARMED_ASSISTANCE

    def chance(params: Parameters, **basis: bool) -> float:
        return honour_probability(AVERAGE, action, params, **basis)[0]

    ours = Parameters(invitation_base_rate=rate, permission_base_rate=0.3, honour_base_rate=0.7)
    theirs = Parameters(
        invitation_base_rate=rate, permission_base_rate=other, honour_base_rate=other
    )
    moved = Parameters(invitation_base_rate=other, permission_base_rate=0.3, honour_base_rate=0.7)
    request = {"permitted": True, "invited": True}  # a request's clause is a permission too
    assert chance(ours, **request) == pytest.approx(chance(theirs, **request))
    assert chance(ours, permitted=True) == pytest.approx(chance(moved, permitted=True))
    assert chance(ours) == pytest.approx(chance(moved))
    assert "reputation" not in honour_probability(AVERAGE, action, ours, **request)[1]


def test_a_permission_puts_no_reputation_at_stake():
    params = Parameters()
    action = PactAction.SANCTIONS
    tarnished = dataclasses.replace(AVERAGE, reputation=0.0)
    for permitted, moves in ((True, False), (False, True)):
        clean = honour_probability(AVERAGE, action, params, permitted=permitted)
        worse = honour_probability(tarnished, action, params, permitted=permitted)
        assert (clean[0] != worse[0]) is moves
        assert ("reputation" in clean[1]) is moves


def test_a_coup_s_permissions_are_told_as_permissions_and_not_counted_as_obligations():
    scenario = load_scenario(GUINEA_2008)
    record = run_one(scenario, 3)
    permitted = [r for r in record.records if r.get("modality") == "permission"]
    assert {r.kind for r in permitted} >= {RecordKind.OBLIGATION, RecordKind.VOTE}
    assert record.summary["obligations_triggered"] == sum(
        r.kind is RecordKind.OBLIGATION and r.get("modality") is None for r in record.records
    )
    for lang, words in ((Lang.EN, ("obliged", "its obligation")), (Lang.FR, ("il incombe",))):
        told = [
            line
            for line in render_text(record, lang).splitlines()
            if "art. 25" in line.lower() or "art. 45" in line.lower()
        ]
        assert told
        for line in told:
            for word in words:
                assert word not in line, line


def test_a_body_deciding_by_consensus_decides_once_and_all_its_members_act():
    scenario = load_scenario(GUINEA_2008)
    for seed in range(1, 9):
        records = run_one(scenario, seed).records
        votes = [r for r in records if r.kind is RecordKind.VOTE and r.get("clause") == "art45"]
        assert len(votes) == 1
        vote = votes[0]
        assert vote.data["decision"] == "consensus"
        assert 0.0 <= vote.data["probability"] <= 1.0
        assert (vote.data["response"] == "honoured") == (
            vote.data["draw"] < vote.data["probability"]
        )


def test_the_members_named_inclined_to_a_consensus_never_contradict_its_decision():
    """ "0 of 5 members leaned in favour. The decision carried." read as nonsense: a consensus
    carried has someone inclined to it, one that failed has someone against it, and a member
    named inclined was no less likely to favour it than one who was not."""
    from sim.run.posterior import drawn_by_default

    carried = failed = 0
    for name in ("gambia-2017", "niger-2023-base"):
        loaded = load_scenario(name)
        for seed in range(1, 31):
            records = run_one(drawn_by_default(loaded, seed), seed).records
            for vote in (r for r in records if r.kind is RecordKind.VOTE):
                if vote.get("decision") != "consensus" or vote.get("decided"):
                    continue
                voters, yes = vote.get("voters"), set(vote.get("yes"))
                chance = dict(zip(voters, vote.get("chances"), strict=True))
                if vote.get("response") == "honoured":
                    carried += 1
                    assert yes, vote.data
                else:
                    failed += 1
                    assert len(yes) < len(voters), vote.data
                if yes and len(yes) < len(voters):
                    assert min(chance[v] for v in yes) >= max(
                        chance[v] for v in voters if v not in yes
                    ), vote.data
    assert carried and failed


def test_an_organisation_never_weighs_intervening_against_the_force_it_sent():
    """ECOWAS's members carrying out its threat against Burkina Faso's junta (2015) or Togo
    (2005) are its force, not members in conflict: its clauses on aggression between members
    (the 1999 Mechanism's Art. 25, the 1981 Protocol's Art. 4 (i)) never come up against them."""
    from sim.run.posterior import drawn_by_default

    between = {("ecowas-mechanism-1999", "art25-between-members"), ("ecowas-pmad-1981", "art4")}
    wars = 0
    for name in ("burkina-faso-2015", "togo-2005"):
        loaded = load_scenario(scenarios_dir() / "history" / f"{name}.yaml")
        for seed in range(1, 41):
            records = run_one(drawn_by_default(loaded, seed), seed).records
            ecowas = {
                r.get("war"): set(r.get("attackers") or [])
                for r in records
                if r.kind is RecordKind.WAR_STARTED and r.actor == "ECOWAS"
            }
            wars += len(ecowas)
            for r in records:
                if (r.get("pact"), r.get("clause")) in between and r.get("war") in ecowas:
                    assert not set(r.get("offenders") or []) <= ecowas[r.get("war")], r.data
    assert wars


def test_after_a_coup_the_junta_is_the_enemy_and_never_also_the_victim_s_friend():
    model = SahelModel(build_world(load_scenario(GUINEA_2008), fact_base()), 1)
    faced = situation(model, "SEN", "GIN", ("GIN",), None, Toward.OFFENDER)
    assert faced.cost == 1.0  # the overthrown order fields no forces of its own


REBELLION = """\
title: A rebellion in Mali
start: 2013-01-10
days: 20
commitment: strict
actors:
  MLI:
  NGA:
  SEN:
  NER:
  JNIM:
pacts:
  ecowas-pmad-1981:
  ecowas-mechanism-1999:
"""


def test_help_against_an_insurgency_is_support_sent_once_at_the_record_s_scale(write):
    """JNIM's rebellion in Mali: no state backs it, so the 1981 Protocol's Art. 4 (ii) stays out
    (a rebellion "supported actively from outside") and the 1999 Mechanism's Art. 25 alone asks
    ECOWAS's members for help; each lends once, in hundreds of troops, not tens of thousands."""
    model = SahelModel(build_world(load_scenario(write(REBELLION)), fact_base()), 1)
    model.step()
    model.raise_trigger(CasusFoederis.ARMED_REBELLION, "MLI", ("JNIM",))
    model.run()
    asked = {r.get("pact") for r in model.records if r.kind is RecordKind.OBLIGATION}
    assert asked == {"ecowas-mechanism-1999"}
    unmet = [r.get("article") for r in model.records if r.kind is RecordKind.CLAUSE_UNMET]
    assert unmet == ["Art. 4 (ii)"]
    lent: dict[str, list] = {}
    for r in model.records:
        if r.kind is RecordKind.SUPPORT and r.target == "MLI":
            lent.setdefault(r.actor, []).append(r.data["forces"])
    assert set(lent) == {"NGA", "SEN", "NER"}
    for lender, amounts in lent.items():
        assert len(amounts) == 1, f"{lender} lent {amounts} for one rebellion"
        actor = model.actors[lender]
        share = model.params.support_lending_share
        assert amounts[0] == round(actor.spec.forces * actor.spec.deployable_share * share)
        assert amounts[0] < 5_000  # AFISMA's contingents were hundreds, not tens of thousands


def test_a_scheduled_threat_replaces_a_clause_s_threat_on_the_same_target(write):
    text = (
        "title: A coup, then an ultimatum\nstart: 2008-12-23\ndays: 40\ncommitment: strict\n"
        "actors:\n  GIN:\n  SEN:\n  NGA:\n  MLI:\n  CIV:\n  GHA:\n"
        "pacts:\n  ecowas-mechanism-1999:\n"
        "events:\n  coup:\n    kind: coup\n    date: 2008-12-23\n    state: GIN\n"
        "  ultimatum:\n    kind: threat\n    date: 2008-12-25\n    by: ECOWAS\n    target: GIN\n"
        "    deadline: 2009-01-20\n    contributors: [NGA, SEN]\n"
    )
    model = SahelModel(build_world(load_scenario(write(text)), fact_base()), 1)
    for _ in range(3):
        model.step()
    open_threats = [t for t in model.threats if t.open and t.target == "GIN"]
    assert len(model.threats) == 2, "the Art. 25 vote opened one, the scenario another"
    assert [t.key for t in open_threats] == ["ultimatum"]


def test_the_1981_protocol_s_help_is_the_authority_s_one_decision_not_each_member_s():
    """Liberia 1990: Doe's request goes to the Authority, which decides for ECOWAS as one.

    No member enters the war on its own under the Protocol, and the body's decision is a
    consensus (one draw at its members' mean inclination), binding every eligible member.
    """
    path = scenarios_dir() / "history" / "liberia-1990.yaml"
    for seed in range(1, 9):
        model = SahelModel(build_world(load_scenario(path), fact_base()), seed)
        model.run()
        owed = [
            r
            for r in model.records
            if r.get("pact") == "ecowas-pmad-1981" and r.kind is RecordKind.OBLIGATION
        ]
        assert owed and {r.actor for r in owed} == {"ECOWAS"}
        votes = [r for r in model.records if r.kind is RecordKind.VOTE]
        assert votes and all(v.get("decision") == "consensus" for v in votes)
        entered = {
            r.actor
            for r in model.records
            if r.kind is RecordKind.ENTERED_WAR and r.get("pact") == "ecowas-pmad-1981"
        }
        for vote in votes:
            if vote.get("response") == "honoured":  # binding on all, not only those inclined
                assert entered == set(vote.get("voters"))
            else:
                assert not entered


def test_a_member_voting_for_force_against_a_junta_weighs_it_beside_the_other_members():
    """Art. 25 after Guinea's coup of 2008: a member voting for the body's intervention
    expects to act with the body's other voters, as a member pledging troops does; it does
    not weigh the cost as if it faced the junta alone (a certain defeat, cost 1)."""
    scenario = load_scenario(GUINEA_2008)
    model = SahelModel(build_world(scenario, fact_base()), 1)
    vote = next(
        r
        for r in run_one(scenario, 1).records
        if r.kind is RecordKind.VOTE and r.get("clause") == "art25-coup"
    )
    voters = tuple(vote.data["voters"])
    assert len(vote.data["chances"]) == len(voters) >= 3
    params = model.params
    for voter, chance in zip(voters, vote.data["chances"], strict=True):
        others = tuple(v for v in voters if v != voter)  # its own strength is its capacity
        together = situation(model, voter, "GIN", ("GIN",), None, Toward.OFFENDER, others)
        alone = situation(model, voter, "GIN", ("GIN",), None, Toward.OFFENDER)
        assert together.cost < 0.5 < alone.cost
        p_together, _ = honour_probability(together, PactAction.INTERVENE, params, permitted=True)
        p_alone, _ = honour_probability(alone, PactAction.INTERVENE, params, permitted=True)
        assert chance == pytest.approx(p_together, abs=1e-6)
        assert chance > p_alone
