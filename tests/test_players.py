"""Players: a class takes a role's decisions in place of the model's rule (issue 16).

The August 2023 crisis (niger-2023-base): ECOWAS threatens Niger with a deadline; Niger may give
in, ECOWAS may attack, and an attack obliges Mali and Burkina Faso under their joint communiqué.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
from conftest import UNNAMED, story_of

from sim.model.model import SahelModel
from sim.model.players import Choice, QuestionKind
from sim.model.records import RecordKind
from sim.model.world import build_world
from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario

SCENARIO = "niger-2023-base"
SEED = 3


@cache
def world():
    return build_world(load_scenario(SCENARIO), fact_base())


def run(players=None, seed=SEED) -> SahelModel:
    model = SahelModel(world(), seed, players=players)
    model.run()
    return model


def story(model: SahelModel, lang: str) -> str:
    return story_of(model, lang, SEED)


def test_a_player_who_lets_the_model_decide_changes_nothing():
    asked = []

    def lets_it_be(question):
        asked.append(question)

    # three worlds in which, unplayed, nobody attacks and Niger never gives in
    quiet = [
        seed
        for seed in range(1, 60)
        if not any(
            r.kind in (RecordKind.ATTACK_DECIDED, RecordKind.CONCEDED)
            for r in run(seed=seed).records
        )
    ][:3]
    assert len(quiet) == 3
    for seed in quiet:
        alone = run(seed=seed)
        played = run({"NER": lets_it_be, "ECOWAS": lets_it_be, "MLI": lets_it_be}, seed=seed)
        assert played.records == alone.records
        assert (played.series.forces == alone.series.forces).all()
    # Niger was asked every open day, ECOWAS every day from its deadline until the window closed
    kinds = {q.kind for q in asked}
    assert kinds == {QuestionKind.CONCESSION, QuestionKind.ATTACK}
    # what the model chose is what the unplayed run did: it never attacked, Niger never gave in
    assert {q.model_choice for q in asked} == {Choice.WAIT, Choice.DEFY}


def test_a_played_attack_obliges_the_allies_and_a_played_ally_abstains():
    questions = []

    def ecowas(question):
        return Choice.ATTACK

    def mali(question):
        questions.append(question)
        return Choice.ABSTAIN

    model = run({"ECOWAS": ecowas, "MLI": mali})
    attack = next(r for r in model.records if r.kind is RecordKind.ATTACK_DECIDED)
    deadline = load_scenario(SCENARIO).events["ecowas-threat"].deadline
    assert attack.get("played") is True
    assert attack.day == (deadline - load_scenario(SCENARIO).start).days
    # asked as ECOWAS attacks, and again when the Charter comes into force with the war under
    # way (16 September 2023): a new pact, a new decision (docs/model.md §7.3)
    question, charter = questions
    assert question.kind is QuestionKind.OBLIGATION and question.day == attack.day
    assert question.options == (Choice.HONOUR, Choice.PARTIAL, Choice.ABSTAIN)
    assert question.context["article"]
    assert question.context["pact"] != "liptako-gourma-charter"
    assert charter.context["pact"] == "liptako-gourma-charter"
    assert charter.day == (dt.date(2023, 9, 16) - load_scenario(SCENARIO).start).days
    answers = [r for r in model.records if r.kind is RecordKind.RESPONSE and r.actor == "MLI"]
    assert [a.day for a in answers] == [question.day, charter.day]
    assert all(a.get("response") == "abstained" and a.get("played") is True for a in answers)
    # Mali did not enter the war; Burkina Faso, unplayed, answered by the model's rule
    entered = {r.actor for r in model.records if r.kind is RecordKind.ENTERED_WAR}
    assert "MLI" not in entered
    burkina = next(r for r in model.records if r.kind is RecordKind.RESPONSE and r.actor == "BFA")
    assert "played" not in burkina.data
    english, french = story(model, "en"), story(model, "fr")
    assert "ECOWAS's player decided to attack Niger." in english
    assert "Mali's player abstained from its obligation" in english
    assert "Le joueur de la CEDEAO décide d'attaquer le Niger." in french
    assert "Le joueur du Mali ne donne pas suite" in french


def test_a_played_target_gives_in_and_a_played_threatener_stands_down():
    conceded = run({"NER": lambda q: Choice.CONCEDE if q.day == 3 else Choice.DEFY})
    [record] = [r for r in conceded.records if r.kind is RecordKind.CONCEDED]
    assert (record.day, record.get("played")) == (3, True)
    assert not any(r.kind is RecordKind.WAR_STARTED for r in conceded.records)
    assert "Niger's player gave in to ECOWAS's demands" in story(conceded, "en")

    stood = run({"ECOWAS": lambda q: Choice.STAND_DOWN})
    [record] = [r for r in stood.records if r.kind is RecordKind.STOOD_DOWN]
    assert record.get("played") is True
    assert record.day < 44  # the model alone stands down only when the window closes, day 44
    assert "Le joueur de la CEDEAO renonce" in story(stood, "fr")


def test_an_answer_the_question_does_not_allow_is_refused():
    with pytest.raises(ValueError, match="not one of"):
        run({"NER": lambda q: Choice.HONOUR})


def test_a_played_member_casts_its_vote_in_a_bodys_decision():
    gambia = build_world(load_scenario("gambia-2017"), fact_base())
    alone = SahelModel(gambia, SEED)
    alone.run()
    asked = []

    def senegal(question):
        asked.append(question)
        return Choice.NO

    played = SahelModel(gambia, SEED, players={"SEN": senegal, "NGA": lambda q: None})
    played.run()
    assert {q.kind for q in asked} == {QuestionKind.VOTE}
    assert all(q.options == (Choice.YES, Choice.NO) for q in asked)
    votes = [r for r in played.records if r.kind is RecordKind.VOTE]
    assert votes and all(r.get("played") == ["SEN"] for r in votes)
    assert all("SEN" not in r.get("yes") for r in votes)
    # Nigeria's player let the model decide: its votes are the model's own
    before = [r for r in alone.records if r.kind is RecordKind.VOTE]
    assert [("NGA" in r.get("yes")) for r in votes] == [("NGA" in r.get("yes")) for r in before]
    assert "Votes cast by the class's players: Senegal." in story(played, "en")
    assert "Votes décidés par les joueurs de la classe : le Sénégal." in story(played, "fr")


def test_the_authoritys_player_takes_the_bodys_decision_once_its_members_have_voted():
    gambia = build_world(load_scenario("gambia-2017"), fact_base())
    alone = SahelModel(gambia, SEED)
    alone.run()
    before = [r for r in alone.records if r.kind is RecordKind.VOTE]
    assert before, "the Gambia's run has no decision by ECOWAS's members"

    def authority(answer):
        asked = []

        def decide(question):
            if question.kind is not QuestionKind.DECISION:
                return None  # its threat is the model's to carry out here
            asked.append(question)
            return answer

        return decide, asked

    for answer, response in ((Choice.NO, "abstained"), (Choice.YES, "honoured")):
        decide, asked = authority(answer)
        played = SahelModel(gambia, SEED, players={"ECOWAS": decide})
        played.run()
        votes = [r for r in played.records if r.kind is RecordKind.VOTE]
        assert asked and len(votes) >= 1
        first = asked[0]
        # it decides after the members, seeing their votes as the unplayed run cast them
        assert first.options == (Choice.YES, Choice.NO)
        assert first.context["yes"] == before[0].get("yes")
        assert first.model_choice is (
            Choice.YES if before[0].get("response") == "honoured" else Choice.NO
        )
        assert all(r.get("decided") == "player" for r in votes)
        assert all(r.get("response") == response for r in votes)
        word = answer.value
        assert f"took the decision for the whole body: {word}." in story(played, "en")
        oui = {"yes": "oui", "no": "non"}[word]
        assert f"tranche pour toute l'organisation : {oui}." in story(played, "fr")


def test_a_played_member_decides_whether_it_pledges_troops_to_a_threat_naming_none():
    unnamed = build_world(
        load_scenario("gambia-2017-ultimatum", [UNNAMED]),
        fact_base(),
    )

    def threat_of(seed, players=None):
        model = SahelModel(unnamed, seed, players=players)
        model.run()
        # the ultimatum, which names no contributors (an Art. 25 vote may open one before it)
        return next(
            r for r in model.records if r.kind is RecordKind.THREAT and r.get("asked") is not None
        )

    # a world in which a member declines by the model's rule
    seed, alone = next(
        (s, t)
        for s in range(1, 100)
        if len((t := threat_of(s)).get("attackers")) < len(t.get("asked"))
    )
    declined = next(m for m in alone.get("asked") if m not in alone.get("attackers"))
    asked = []

    def answer(choice):
        def decide(question):
            if question.kind is QuestionKind.PLEDGE:
                asked.append(question)
                return choice
            return None

        return decide

    # Nigeria leads and always pledges by the model's rule: played, it may decline; and a
    # member the model had decline may pledge
    players = {"NGA": answer(Choice.NO), declined: answer(Choice.YES)}
    record = threat_of(seed, players)
    assert "NGA" in alone.get("attackers") and "NGA" not in record.get("attackers")
    assert declined in record.get("attackers")
    assert sorted(record.get("played")) == sorted(players)
    assert {q.role for q in asked} == set(players)
    assert all(q.options == (Choice.YES, Choice.NO) for q in asked)
    others = [m for m in alone.get("asked") if m not in players]
    assert [m in record.get("attackers") for m in others] == [
        m in alone.get("attackers") for m in others
    ]


def test_in_strict_mode_a_played_member_may_still_decline_to_send_troops():
    strict = build_world(
        load_scenario(
            "gambia-2017-ultimatum",
            [UNNAMED, "commitment=strict"],
        ),
        fact_base(),
    )
    model = SahelModel(
        strict,
        SEED,
        players={"GHA": lambda q: Choice.NO if q.kind is QuestionKind.PLEDGE else None},
    )
    model.run()
    # (a strict vote on Art. 25 opens a clause's threat first: this is the scenario's)
    threat = next(r for r in model.records if r.get("event") == "ecowas-ultimatum")
    assert threat.get("played") == ["GHA"]
    assert set(threat.get("attackers")) == set(threat.get("asked")) - {"GHA"}  # the rest pledge
