"""Contract tests for the pact actions, one per action, in the manner of Axelrod's strategy tests.

Each test puts a real model in a known situation, carries out one answered obligation through
:func:`sim.model.actions.carry_out`, and checks what the action promises. The last tests check
that every action has a handler, its pair of messages (English and French) and a contract here:
adding a :class:`PactAction` member fails them until all exist.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest

from sim.analysis.backtest import _force_used as force_used
from sim.model.actions import ACTIONS, carry_out
from sim.model.model import SahelModel
from sim.model.pacts import Obligation, Trigger
from sim.model.records import RecordKind, Response
from sim.model.world import build_world
from sim.present.catalogue import MESSAGES
from sim.scenario.facts import fact_base
from sim.scenario.schema import Scenario
from sim.scenario.vocabulary import CasusFoederis, MembershipStatus, PactAction, Toward

START = dt.date(2023, 10, 1)
CONTRACTS: set[PactAction] = set()
BUILT: list[SahelModel] = []


@pytest.fixture(autouse=True)
def release_models():
    """Mesa 3.3 keeps every model in a class-level dict until it is released."""
    yield
    while BUILT:
        BUILT.pop().release()


def contract(action: PactAction):
    """Mark a test as the contract of ``action``."""
    CONTRACTS.add(action)
    return lambda test: test


def model_of(events: dict | None = None, **extra) -> SahelModel:
    data = {
        "title": "contract",
        "start": START,
        "days": 30,
        "commitment": "strict",
        "actors": {a: None for a in ("MLI", "BFA", "NER", "NGA", "SEN", "JNIM")},
        "pacts": {"liptako-gourma-charter": None, "ecowas-democracy-2001": None},
        "events": events or {},
        **extra,
    }
    model = SahelModel(build_world(Scenario.model_validate(data), fact_base()), 11)
    BUILT.append(model)
    return model


def at_war() -> SahelModel:
    """Nigeria has invaded Niger on the first day; nobody has answered yet."""
    model = model_of(
        {"war": {"kind": "attack", "date": START, "by": "NGA", "target": "NER"}},
        pacts={},
    )
    model.step()
    assert len(model.wars) == 1 and model.wars[0].ongoing
    return model


def owed(
    model,
    action,
    obliged,
    *,
    victim="NER",
    offenders=("NGA",),
    kind=None,
    war=None,
    toward=Toward.VICTIM,
) -> Obligation:
    """An obligation of ``obliged`` under a copy of the Charter's Art. 6 asking ``action``."""
    art6 = next(c for c in fact_base().pacts["liptako-gourma-charter"].clauses if c.id == "art6")
    clause = art6.model_copy(update={"action": action, "toward": toward})
    kind = kind or CasusFoederis.AGGRESSION
    trigger = Trigger(
        kind, victim, offenders, model.day, war=war, states=model.states_among(offenders)
    )
    return Obligation(
        "liptako-gourma-charter", clause, obliged, victim, offenders, model.day, trigger
    )


def records_since(model, n, kind=None):
    return [r for r in model.records[n:] if kind is None or r.kind is kind]


@contract(PactAction.ARMED_ASSISTANCE)
def test_armed_assistance_enters_the_victims_war_on_its_side():
    model = at_war()
    war, n = model.wars[0], len(model.records)
    carry_out(
        model,
        owed(model, PactAction.ARMED_ASSISTANCE, "MLI", war=war.id),
        "MLI",
        Response.HONOURED,
        0,
        ["MLI"],
    )
    assert war.side_of("MLI") == war.side_of("NER")
    assert war.sides[war.side_of("MLI")]["MLI"] > 0
    (entered,) = records_since(model, n, RecordKind.ENTERED_WAR)
    assert entered.actor == "MLI" and entered.get("article") == "Art. 6"


def test_armed_assistance_against_a_rebellion_lends_forces_to_counter_insurgency():
    model = model_of()
    model.step()
    before = model.support[model.state_index["NER"]]
    ob = owed(
        model,
        PactAction.ARMED_ASSISTANCE,
        "MLI",
        offenders=("JNIM",),
        kind=CasusFoederis.ARMED_REBELLION,
    )
    carry_out(model, ob, "MLI", Response.HONOURED, 0, ["MLI"])
    lent = model.support[model.state_index["NER"]] - before
    expected = model.actors["MLI"].deployable * model.params.rebellion_assistance_share
    assert lent == pytest.approx(expected) and lent > 0
    assert not model.wars


def test_armed_assistance_after_an_incident_is_a_pledge_to_join_the_retaliation():
    model = model_of(
        {
            "strike": {
                "kind": "attack",
                "date": START,
                "by": "NGA",
                "target": "NER",
                "scale": "incident",
            }
        }
    )
    model.step()  # the incident, Niger's retaliation threat, and the allies' answers
    (threat,) = [t for t in model.threats if t.retaliation]
    assert set(threat.backers) == {"MLI", "BFA"}
    pledges = [r for r in model.records if r.get("action") == "pledge"]
    assert {r.actor for r in pledges} == {"MLI", "BFA"} and not model.wars


def test_allies_a_body_pledged_to_a_retaliation_fight_in_the_body_s_name():
    """Chad strikes Nigeria; ECOWAS's Authority answers under the 1981 Protocol's Arts. 2-3 and
    its members pledge to join Nigeria's retaliation: in the backtest, that war is ECOWAS's
    force too, not only Nigeria's and each member's."""
    start = dt.date(2015, 3, 1)
    strike = {"kind": "attack", "date": start, "by": "TCD", "target": "NGA", "scale": "incident"}
    data = {
        "title": "a strike on Nigeria",
        "start": start,
        "days": 60,
        "commitment": "strict",
        "actors": {a: None for a in ("NGA", "NER", "BEN", "GHA", "TCD")},
        "pacts": {"ecowas-pmad-1981": None},
        "events": {"strike": strike},
    }
    wars = []
    for seed in range(1, 6):
        model = SahelModel(build_world(Scenario.model_validate(data), fact_base()), seed)
        BUILT.append(model)
        model.run()
        pledges = [r for r in model.records if r.get("action") == "pledge"]
        assert {(r.actor, *r.get("decided_by")) for r in pledges} == {
            ("NER", "ECOWAS"),
            ("BEN", "ECOWAS"),
            ("GHA", "ECOWAS"),
        }
        as_written = [
            {"kind": r.kind.value, "actor": r.actor, "target": r.target, **r.data}
            for r in model.records
        ]
        started = [r for r in model.records if r.kind is RecordKind.WAR_STARTED]
        # A retaliation the body's members joined is the body's force too; one Nigeria began
        # alone, before the vote, is not.
        joined = bool(started) and set(started[0].get("attackers")) > {"NGA"}
        if joined:
            wars.append(seed)
            assert started[0].get("decided_by") == ["ECOWAS"]
        assert force_used(as_written, "TCD", ["ECOWAS"]) == joined
    assert wars, "Nigeria retaliated with the pledged allies in some replicates"


@contract(PactAction.INTERVENE)
def test_intervene_threatens_the_offender_with_notice_once():
    model = model_of()
    model.step()
    ob = owed(
        model,
        PactAction.INTERVENE,
        "NGA",
        victim="NER",
        offenders=("NER",),
        kind=CasusFoederis.UNCONSTITUTIONAL_CHANGE,
        toward=Toward.OFFENDER,
    )
    carry_out(model, ob, "ECOWAS", Response.HONOURED, 0, ["NGA", "SEN"])
    (threat,) = model.threats
    assert threat.target == "NER" and threat.attackers == ("NGA", "SEN")
    assert threat.deadline == model.day + int(model.params.intervention_notice_days)
    carry_out(model, ob, "ECOWAS", Response.HONOURED, 0, ["NGA", "SEN"])
    assert len(model.threats) == 1  # a target already threatened is not threatened twice
    assert not model.wars  # a threat, not yet a war: phase 2 decides


@contract(PactAction.SANCTIONS)
def test_sanctions_suspend_the_offender_from_the_organisation():
    model = model_of()
    model.step()
    assert "SEN" in model.memberships.active("ECOWAS", model.date)
    ob = owed(
        model,
        PactAction.SANCTIONS,
        "ECOWAS",
        victim="SEN",
        offenders=("SEN",),
        kind=CasusFoederis.UNCONSTITUTIONAL_CHANGE,
        toward=Toward.OFFENDER,
    )
    ob = Obligation("ecowas-democracy-2001", ob.clause, "ECOWAS", "SEN", ("SEN",), 0, ob.trigger)
    carry_out(model, ob, "ECOWAS", Response.HONOURED, 0, ["ECOWAS"])
    assert "SEN" not in model.memberships.active("ECOWAS", model.date)
    assert model.memberships.changes[("ECOWAS", "SEN")] is MembershipStatus.SUSPENDED


@contract(PactAction.SUPPORT)
def test_support_multiplies_the_victims_side_once_per_supporter():
    model = at_war()
    war = model.wars[0]
    side = war.side_of("NER")
    given = model.support_factor(war, side, "MLI", model.params.support_multiplier)
    ob = owed(model, PactAction.SUPPORT, "MLI", war=war.id)
    carry_out(model, ob, "MLI", Response.HONOURED, 0, ["MLI"])
    assert war.aid[side] == pytest.approx(given) and given > 1
    assert war.aid[1 - side] == 1.0 and war.side_of("MLI") is None  # helps without fighting
    carry_out(model, ob, "MLI", Response.HONOURED, 0, ["MLI"])
    assert war.aid[side] == pytest.approx(given)


@contract(PactAction.NON_MILITARY)
def test_non_military_help_is_the_square_root_of_support_in_war_and_lends_outside():
    model = at_war()
    war = model.wars[0]
    root = math.sqrt(model.params.support_multiplier)
    given = model.support_factor(war, war.side_of("NER"), "BFA", root)
    ob = owed(model, PactAction.NON_MILITARY, "BFA", war=war.id)
    carry_out(model, ob, "BFA", Response.HONOURED, 0, ["BFA"])
    assert war.aid[war.side_of("NER")] == pytest.approx(given) and 1 < given < root
    before = model.support[model.state_index["NER"]]
    carry_out(
        model, owed(model, PactAction.NON_MILITARY, "MLI"), "MLI", Response.HONOURED, 0, ["MLI"]
    )
    lent = model.support[model.state_index["NER"]] - before
    expected = model.actors["MLI"].deployable * model.params.non_military_lending_share
    assert lent == pytest.approx(expected) and lent > 0


def test_a_partial_answer_gives_non_military_help_instead():
    model = at_war()
    war = model.wars[0]
    carry_out(
        model,
        owed(model, PactAction.ARMED_ASSISTANCE, "MLI", war=war.id),
        "MLI",
        Response.PARTIAL,
        0,
        ["MLI"],
    )
    assert war.side_of("MLI") is None
    root = math.sqrt(model.params.support_multiplier)
    assert war.aid[war.side_of("NER")] == pytest.approx(
        model.support_factor(war, war.side_of("NER"), "MLI", root)
    )


@contract(PactAction.CONSULT)
def test_consult_is_recorded_and_moves_no_force():
    model = at_war()
    war, n = model.wars[0], len(model.records)
    forces = {a: actor.forces for a, actor in model.actors.items()}
    ob = owed(
        model,
        PactAction.CONSULT,
        "AES",
        victim="NER",
        offenders=("MLI",),
        toward=Toward.OFFENDER,
        war=war.id,
    )
    carry_out(model, ob, "AES", Response.HONOURED, 7, ["BFA"])
    (record,) = records_since(model, n)
    assert record.kind is RecordKind.CONSULTATION
    assert (record.actor, record.target, record.get("parties")) == ("AES", "MLI", ["BFA"])
    assert record.get("cause") == 7 and record.get("article") == "Art. 6"
    assert {a: actor.forces for a, actor in model.actors.items()} == forces
    assert war.aid == [1.0, 1.0] and not any(model.support)


@pytest.mark.parametrize("action", list(PactAction))
def test_an_abstention_does_nothing_whatever_the_action(action):
    model = at_war()
    war, n = model.wars[0], len(model.records)
    carry_out(model, owed(model, action, "MLI", war=war.id), "MLI", Response.ABSTAINED, 0, ["MLI"])
    assert records_since(model, n) == [] and not model.threats and war.aid == [1.0, 1.0]


@pytest.mark.parametrize("action", list(PactAction))
def test_every_action_has_a_handler_a_pair_of_messages_and_a_contract(action):
    assert action in ACTIONS, f"no handler for {action} in sim/model/actions.py ACTIONS"
    for key in (f"duty.{action.value}", f"asked.{action.value}"):
        assert set(MESSAGES.get(key, {})) == {"en", "fr"}, f"{key}: English and French needed"
    assert action in CONTRACTS, f"no contract test for {action} in tests/test_actions.py"


def test_a_pledge_after_an_incident_never_joins_a_retaliation_against_the_pledger():
    # Burkina Faso strikes Mali and Nigeria strikes Mali on the same day. Burkina Faso pledges
    # to back Mali against Nigeria; it must not become an attacker in Mali's war on itself.
    model = model_of(
        {
            "bfa": {
                "kind": "attack",
                "date": START,
                "by": "BFA",
                "target": "MLI",
                "scale": "incident",
            },
            "nga": {
                "kind": "attack",
                "date": START,
                "by": "NGA",
                "target": "MLI",
                "scale": "incident",
            },
        },
        days=60,
    )
    model.step()
    against = {t.target: t for t in model.threats if t.retaliation}
    assert set(against) == {"BFA", "NGA"}
    assert "BFA" in against["NGA"].backers
    assert "BFA" not in against["BFA"].fighters
    model.run()
    for war in model.wars:
        assert not set(war.sides[0]) & set(war.sides[1]), f"{war.label}: an actor on both sides"


def test_support_is_worth_what_the_helper_has_to_give_against_the_size_of_the_war():
    """A helper as strong as the side it helps gives the full factor; a smaller one a share in
    proportion to its size, never less than nothing; a larger helper never gives less. Ten
    small states' support behind a large army does not make it fight nine times as hard."""
    model = at_war()
    war = model.wars[0]
    full = model.params.support_multiplier
    big = war.side_of("NGA")  # Nigeria's invading army, far larger than any helper here
    front = model.side_strength(war, big)
    helpers = sorted(("MLI", "BFA", "SEN"), key=model.strength)
    factors = [model.support_factor(war, big, h, full) for h in helpers]
    for helper, factor in zip(helpers, factors, strict=True):
        assert factor == pytest.approx(1 + (full - 1) * model.strength(helper) / front)
        assert 1.0 <= factor < full
    assert factors == sorted(factors)
    ob = owed(model, PactAction.SUPPORT, "SEN", victim="NGA", offenders=("NER",), war=war.id)
    carry_out(model, ob, "SEN", Response.HONOURED, 0, ["SEN"])
    assert war.aid[big] == pytest.approx(factors[helpers.index("SEN")])
    # A side no stronger than its helper gets the whole factor, and no more.
    small = war.side_of("NER")
    war.sides[small]["NER"] = 100.0
    assert model.strength("MLI") >= model.side_strength(war, small)
    assert model.support_factor(war, small, "MLI", full) == pytest.approx(full)
