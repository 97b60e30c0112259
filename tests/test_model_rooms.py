"""The model's rooms: events dispatched from a table, and what Art. 8 consultations leave."""

from __future__ import annotations

import datetime as dt

from sim.model.agents import ACTOR_CLASSES
from sim.model.events import EVENT_HANDLERS
from sim.model.records import RecordKind
from sim.model.world import build_world
from sim.present.narrative import render_text
from sim.run.replicate import run_one
from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario
from sim.scenario.schema import EVENT_TYPES, Scenario
from sim.scenario.vocabulary import ActorKind

START = dt.date(2024, 3, 1)


def test_every_event_type_of_the_schema_has_a_handler_and_no_handler_is_orphaned():
    assert set(EVENT_HANDLERS) == set(EVENT_TYPES)


def test_every_kind_of_actor_has_an_agent_class_and_each_bundled_actor_a_kind():
    assert set(ACTOR_CLASSES) == set(ActorKind)
    world = build_world(load_scenario("aes-insurgency"), fact_base())
    liberia = build_world(load_scenario("scenarios/history/liberia-1990.yaml"), fact_base())
    specs = [*world.actors.values(), *liberia.actors.values()]
    assert {spec.kind for spec in specs} == set(ActorKind)
    assert all(isinstance(spec.kind, ActorKind) for spec in specs)


def test_a_war_between_aes_members_brings_consultations_under_art_8_told_in_both_languages():
    scenario = Scenario.model_validate(
        {
            "title": "Mali and Burkina Faso fall out",
            "start": START,
            "days": 10,
            "commitment": "strict",
            "actors": {"MLI": None, "BFA": None, "NER": None},
            "pacts": {"liptako-gourma-charter": None},
            "events": {"clash": {"kind": "attack", "date": START, "by": "MLI", "target": "BFA"}},
        }
    )
    run = run_one(scenario, 3)
    (consultation,) = [r for r in run.records if r.kind is RecordKind.CONSULTATION]
    assert consultation.get("article") == "Art. 8" and consultation.target == "MLI"
    assert consultation.get("parties") == ["NER"]  # the members not party to the conflict
    english, french = render_text(run, "en"), render_text(run, "fr")
    assert "consultations under Art. 8" in english and "Niger taking part" in english
    assert "on the breach by Mali" in english  # Art. 8: about the member that struck
    assert "des consultations au titre de l'art. 8" in french.lower()
    assert "avec la participation du Niger" in french


def test_consultations_on_an_attack_are_told_as_about_the_attack_not_a_breach_by_the_victim():
    """France and Côte d'Ivoire consult under their partnership (2012, Art. 4) after Mali's
    strike: the story says they consulted on the attack Côte d'Ivoire suffered, never on a
    breach by Côte d'Ivoire."""
    scenario = Scenario.model_validate(
        {
            "title": "Mali strikes Côte d'Ivoire",
            "start": "2020-06-01",
            "days": 10,
            "commitment": "strict",
            "actors": {"CIV": None, "MLI": None, "FRA": None},
            "pacts": {"france-civ-partnership-2012": None},
            "events": {
                "strike": {
                    "kind": "attack",
                    "scale": "incident",
                    "date": "2020-06-02",
                    "by": "MLI",
                    "target": "CIV",
                }
            },
        }
    )
    run = run_one(scenario, 0)
    assert any(r.kind is RecordKind.CONSULTATION for r in run.records)
    english, french = render_text(run, "en"), render_text(run, "fr")
    assert "on the attack on Côte d'Ivoire" in english and "breach by" not in english
    assert "sur l'attaque subie par la Côte d'Ivoire" in french
    assert "violation commise" not in french
