"""The class session (issue 16): phones join, get roles, decide; timers; who may answer what.

No browser: the session is called as the server calls it, with a clock the test moves. The
scenario is the August 2023 crisis (ECOWAS threatens Niger; deadline on day 14).
"""

from __future__ import annotations

import pytest
from conftest import UNNAMED_THREAT, class_seed

from sim.errors import InputError
from sim.model.players import Choice, QuestionKind
from sim.model.records import RecordKind
from sim.present.classroom import views
from sim.present.classroom.runfile import read_class_run
from sim.present.classroom.session import (
    MAX_GROUPS,
    MAX_SEATS,
    OBSERVER,
    ClassSession,
    Refused,
)
from sim.present.classroom.views import class_view, seat_view, story
from sim.present.classroom.worlds import HOLD_DAYS
from sim.run.posterior import drawn_by_default
from sim.run.replicate import run_one
from sim.scenario.loading import load_scenario

SCENARIO = "niger-2023-base"
SEED = class_seed()  # the world drawn for it keeps ECOWAS's threat open to its deadline
DEADLINE = 14  # the threat's deadline, in days from the start
ENSEMBLE_RUNS = 20  # unplayed runs the debrief compares with (test_class_ensemble.py tests them)


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


def new_class(clock, groups=1, timeout=30.0) -> ClassSession:
    return ClassSession(
        SCENARIO,
        groups=groups,
        seed=SEED,
        timeout=timeout,
        clock=clock,
        code="KT4R2M",
        ensemble_runs=ENSEMBLE_RUNS,
    )


def kinds(session, group=0):
    return [r.kind for r in session.worlds[group].records]


def test_join_needs_the_code_and_gives_a_secret_token(clock):
    session = new_class(clock)
    with pytest.raises(Refused) as wrong:
        session.join("AAAAAA", "Awa")
    assert wrong.value.reason == "code"
    seat = session.join(" kt4r2m ", "Awa")  # typed in lower case with spaces: still the code
    assert seat.role == OBSERVER and seat.group == 0
    assert seat.token != seat.id and len(seat.token) >= 20
    assert session.seat(seat.token) is seat
    with pytest.raises(Refused) as unknown:
        session.seat("not-a-token")
    assert unknown.value.reason == "token"
    # the phone's view never carries a token
    assert seat.token not in str(seat_view(session, seat, "en"))
    assert seat.token not in str(class_view(session, "en"))


def test_roles_start_with_those_who_decide_first(clock):
    session = new_class(clock)
    assert session.roles[:2] == ["NER", "ECOWAS"]
    assert {"MLI", "BFA", "NGA", "DZA"} <= set(session.roles)
    assert "FRA" not in session.roles  # an outside power is no head-of-state role
    labels = [r["label"] for r in class_view(session, "fr")["roles"]]
    assert "CEDEAO (Conférence des chefs d'État)" in labels
    assert "Mali (chef de l'État)" in labels


def test_a_played_decision_pauses_the_world_and_the_player_takes_it(clock):
    session = new_class(clock)
    awa = session.assign(session.join("KT4R2M", "Awa").id, "ECOWAS")
    session.step(30)
    world = session.worlds[0]
    # the world stops on the eve of the deadline: ECOWAS must choose
    assert world.day == DEADLINE - 1
    ask = session.ask_for(awa)
    assert ask.question.kind is QuestionKind.ATTACK
    view = seat_view(session, awa, "en")
    assert [c["value"] for c in view["question"]["choices"]] == ["attack", "wait", "stand_down"]
    assert "You threaten Niger with force" in view["question"]["text"]
    session.decide(awa.token, ask.id, "attack")
    assert world.day == 29  # then runs on to the day asked for
    assert RecordKind.WAR_STARTED in kinds(session)
    played = next(r for r in world.records if r.kind is RecordKind.ATTACK_DECIDED)
    assert played.get("played") is True
    assert any("ECOWAS's player decided to attack Niger" in line for line in view_story(session))


def view_story(session, lang="en"):
    return story(session, 0, lang, lines=50)


def test_an_unanswered_question_times_out_to_the_models_own_rule(clock):
    session = new_class(clock, timeout=30)
    nia = session.assign(session.join("KT4R2M", "Nia").id, "NER")
    session.step(60)
    ask = session.ask_for(nia)
    assert ask.question.kind is QuestionKind.CONCESSION and ask.question.day == 0
    clock.now += 29
    session.tick()
    assert session.ask_for(nia) is ask  # not yet
    clock.now += 1
    session.tick()
    world = session.worlds[0]
    [answer] = world.log
    assert (answer.choice, answer.by) == (None, "timer")
    # the model's rule held for a week: the next question is a week later
    assert session.ask_for(nia).question.day == HOLD_DAYS
    # letting every question time out gives exactly the run without players
    while not world.finished:
        clock.now += 30
        session.tick()
        session.step(400)
    alone = run_one(drawn_by_default(load_scenario(SCENARIO), SEED), SEED)
    assert world.model.records == alone.records
    # and the story in French says the timer let the model decide
    decisions = class_view(session, "fr")["worlds"][0]["decisions"]
    assert decisions[0]["by"] == "délai écoulé : règle du modèle".replace(" :", "\u00a0:")
    # the line the projector shows is French typography too: a space before each colon
    assert decisions[0]["text"].endswith("\u00a0: - (délai écoulé\u00a0: règle du modèle)")


def test_a_phone_cannot_answer_for_another_role_or_world(clock):
    session = new_class(clock, groups=2)
    awa = session.assign(session.join("KT4R2M", "Awa", group=0).id, "ECOWAS")
    bako = session.assign(session.join("KT4R2M", "Bako", group=0).id, "MLI")
    chidi = session.assign(session.join("KT4R2M", "Chidi", group=1).id, "ECOWAS")
    session.step(20)
    ask = session.ask_for(awa)
    for intruder in (bako, chidi):  # another role in the same world; the same role elsewhere
        with pytest.raises(Refused) as refused:
            session.decide(intruder.token, ask.id, "attack")
        assert refused.value.reason == "not_yours"
    with pytest.raises(Refused) as forged:
        session.decide("forged-token", ask.id, "attack")
    assert forged.value.reason == "token"
    with pytest.raises(Refused) as wrong_choice:
        session.decide(awa.token, ask.id, "honour")
    assert wrong_choice.value.reason == "choice"
    # nothing was disturbed: the question still waits for its player, the world has not moved
    assert session.ask_for(awa) is ask and session.worlds[0].log == []
    assert session.worlds[0].day == DEADLINE - 1
    # world 2 waits for its own ECOWAS player, with a question of its own
    assert session.ask_for(chidi).id != ask.id


def test_a_replayed_or_late_answer_is_refused_without_disturbing_the_run(clock):
    session = new_class(clock)
    awa = session.assign(session.join("KT4R2M", "Awa").id, "ECOWAS")
    bako = session.assign(session.join("KT4R2M", "Bako").id, "MLI")
    session.step(30)
    first = session.ask_for(awa)
    session.decide(awa.token, first.id, "attack")
    obligation = session.ask_for(bako)
    assert obligation.question.kind is QuestionKind.OBLIGATION
    records = list(session.worlds[0].model.records)
    for message in [(awa.token, first.id, "attack"), (awa.token, first.id, "stand_down")]:
        with pytest.raises(Refused) as replay:
            session.decide(*message)
        assert replay.value.reason == "stale"
    for bad in [(bako.token, None, "honour"), (bako.token, obligation.id, 3)]:
        with pytest.raises(Refused) as malformed:
            session.decide(*bad)
        assert malformed.value.reason == "malformed"
    assert session.worlds[0].model.records == records and session.ask_for(bako) is obligation
    session.decide(bako.token, obligation.id, "abstain")
    response = next(
        r for r in session.worlds[0].records if r.kind is RecordKind.RESPONSE and r.actor == "MLI"
    )
    assert (response.get("response"), response.get("played")) == ("abstained", True)


def test_a_phone_that_drops_rejoins_its_role_and_finds_its_question(clock):
    session = new_class(clock)
    awa = session.assign(session.join("KT4R2M", "Awa").id, "ECOWAS")
    session.step(30)
    # the phone's browser reloads: all it kept is its token
    back = session.seat(awa.token)
    view = seat_view(session, back, "fr")
    assert view["role"] == "ECOWAS"
    assert view["question"]["id"] == session.ask_for(awa).id
    assert [c["label"] for c in view["question"]["choices"]] == [
        "Attaquer",
        "Attendre une semaine",
        "Renoncer",
    ]


def test_the_lecturer_reassigns_and_draws_roles(clock):
    session = new_class(clock, groups=2)
    seats = [session.join("KT4R2M", name) for name in ("A", "B", "C", "D", "E")]
    assert [s.group for s in seats] == [0, 1, 0, 1, 0]  # spread over the worlds
    session.draw()
    first = [s.role for s in session.seats_in(0)]
    assert sorted(first) == sorted(["NER", "ECOWAS", "MLI"])
    assert sorted(s.role for s in session.seats_in(1)) == ["ECOWAS", "NER"]
    # one phone per role in a world: giving a role takes it from its holder
    holder = session.holder(0, "NER")
    other = next(s for s in session.seats_in(0) if s is not holder)
    session.assign(other.id, "NER")
    assert holder.role == OBSERVER and session.holder(0, "NER") is other
    # moving a phone to another world frees its role there
    session.assign(other.id, "MLI", group=1)
    assert "NER" not in session.worlds[0].played and other.group == 1
    with pytest.raises(Refused) as no_role:
        session.assign(other.id, "FRA")
    assert no_role.value.reason == "role"
    with pytest.raises(Refused) as no_world:
        session.assign(other.id, "MLI", group=MAX_GROUPS)
    assert no_world.value.reason == "group"
    # the same class draws the same roles
    again = new_class(Clock(), groups=2)
    for name in ("A", "B", "C", "D", "E"):
        again.join("KT4R2M", name)
    again.draw()
    assert [s.role for s in again.seats_in(0)] == first


def test_worlds_differ_only_by_their_players_choices(clock):
    session = new_class(clock, groups=3)
    hawks = session.assign(session.join("KT4R2M", "A", group=0).id, "ECOWAS")
    doves = session.assign(session.join("KT4R2M", "B", group=1).id, "ECOWAS")
    session.step(60)
    session.decide(hawks.token, session.ask_for(hawks).id, "attack")
    session.decide(doves.token, session.ask_for(doves).id, "stand_down")
    session.step(60)
    assert RecordKind.WAR_STARTED in kinds(session, 0)
    assert RecordKind.WAR_STARTED not in kinds(session, 1)
    assert RecordKind.STOOD_DOWN in kinds(session, 1)
    # world 3 has no player: it is the model's own run on the class's seed
    alone = run_one(drawn_by_default(load_scenario(SCENARIO), SEED), SEED)
    assert session.worlds[2].records == [r for r in alone.records if r.day <= 60]


@pytest.mark.parametrize(
    ("options", "reason"), [({"groups": 0}, "groups"), ({"groups": 9}, "groups")]
)
def test_a_class_has_one_to_eight_worlds(clock, options, reason):
    with pytest.raises(ValueError, match=reason):
        ClassSession(SCENARIO, clock=clock, **options)


def test_a_choice_of_a_daily_question_holds_for_a_week(clock):
    session = new_class(clock)
    nia = session.assign(session.join("KT4R2M", "Nia").id, "NER")
    session.step(30)
    session.decide(nia.token, session.ask_for(nia).id, "defy")
    again = session.ask_for(nia)
    assert again.question.day == HOLD_DAYS
    session.decide(nia.token, again.id, Choice.CONCEDE.value)
    world = session.worlds[0]
    conceded = next(r for r in world.records if r.kind is RecordKind.CONCEDED)
    assert (conceded.day, conceded.get("played")) == (HOLD_DAYS, True)
    assert RecordKind.WAR_STARTED not in kinds(session)


def test_every_word_of_the_class_pages_is_in_english_and_french():
    import re

    from sim.present.classroom.words import WORDS

    assert WORDS["en"].keys() == WORDS["fr"].keys()
    placeholders = re.compile(r"\{(\w+?)(?:_\w+)?\}")
    same = {"pause", "code"}  # words French writes as English does ("Pause")
    for key, english in WORDS["en"].items():
        french = WORDS["fr"][key]
        roles = {p.lower() for p in placeholders.findall(english)}
        assert roles == {p.lower() for p in placeholders.findall(french)}, key
        if key not in same:
            assert french != english, key


def test_a_phone_sees_the_terms_of_its_obligation_in_its_language(clock):
    session = new_class(clock)
    awa = session.assign(session.join("KT4R2M", "Awa").id, "ECOWAS")
    bako = session.assign(session.join("KT4R2M", "Bako").id, "MLI")
    session.step(30)
    session.decide(awa.token, session.ask_for(awa).id, "attack")
    english = seat_view(session, bako, "en")["question"]
    french = seat_view(session, bako, "fr")["question"]
    assert english["text"].startswith("Niger is under attack by Nigeria")
    assert "armed assistance" in english["text"]
    assert french["text"].startswith("Le Niger est la cible d'une attaque du Nigeria")
    assert "une assistance armée" in french["text"]
    assert english["weighs"][0]["name"] == "your resolve"
    assert french["weighs"][0] == {"name": "votre détermination", "value": "0,70"}
    assert [c["label"] for c in french["choices"]] == [
        "Honorer",
        "Aide non militaire seulement",
        "S'abstenir",
    ]


def test_a_question_whose_role_is_taken_away_is_left_to_the_model(clock):
    session = new_class(clock)
    awa = session.assign(session.join("KT4R2M", "Awa").id, "ECOWAS")
    bako = session.join("KT4R2M", "Bako")
    session.step(30)
    ask = session.ask_for(awa)
    # the role moves to another phone: the question moves with it
    session.assign(bako.id, "ECOWAS")
    assert session.ask_for(bako) is ask and session.ask_for(awa) is None
    # nobody holds it any more: the model decides and the world runs on
    session.assign(bako.id, OBSERVER)
    assert session.asks[0] is None
    assert [(a.choice, a.by) for a in session.worlds[0].log] == [(None, "timer")]
    assert session.worlds[0].day == 29


def test_drawing_roles_again_keeps_a_pending_question_for_the_new_holder(clock):
    session = new_class(clock)
    for name in ("A", "B", "C"):
        session.join("KT4R2M", name)
    session.draw()
    session.step(30)
    ask = session.asks[0]
    assert ask is not None and ask.question.role == "NER"  # Niger is asked on the first day
    session.draw()  # the roles move between phones; Niger is still held, its question waits
    assert session.asks[0] is ask
    assert session.ask_for(session.holder(0, "NER")) is ask


def test_the_debrief_sets_each_choice_against_the_models_rule(clock):
    session = new_class(clock)
    awa = session.assign(session.join("KT4R2M", "Awa").id, "ECOWAS")
    bako = session.assign(session.join("KT4R2M", "Bako").id, "MLI")
    session.step(400)
    session.decide(awa.token, session.ask_for(awa).id, "attack")
    assert class_view(session, "en")["worlds"][0]["debrief"] is None  # not before the end
    session.decide(bako.token, session.ask_for(bako).id, "honour")
    while session.asks[0] is not None:  # anything later is left to the model
        clock.now += 60
        session.tick()
    debrief = class_view(session, "en")["worlds"][0]["debrief"]
    assert debrief["lines"][0].endswith(
        "ECOWAS (Authority of Heads of State): the class chose Attack; the model's rule: Wait a week"
    )
    mali = debrief["lines"][1]
    assert "Mali (head of state): the class chose Honour; the model's rule: " in mali
    same = int(mali.endswith("the model's rule: Honour"))  # the world's draw decides Mali's rule
    assert debrief["summary"] == f"The model's rule made the same choice in {same} of 2 decisions."
    french = class_view(session, "fr")["worlds"][0]["debrief"]
    assert "(s)" not in french["summary"]  # no lazy plural: "1 sur 2", not "1 décision(s)"
    assert french["summary"] == f"Même choix que la règle du modèle\u00a0: {same} sur 2."


def test_a_member_of_a_body_votes_from_its_phone(clock):
    session = ClassSession("gambia-2017", seed=SEED, clock=clock, code="KT4R2M")
    awa = session.assign(session.join("KT4R2M", "Awa").id, "SEN")
    session.step(30)
    question = seat_view(session, awa, "fr")["question"]
    assert question["text"].startswith("La CEDEAO se prononce à la majorité des deux tiers")
    assert "au titre de l'art. 25 du Protocole relatif au mécanisme" in question["text"]
    assert [c["label"] for c in question["choices"]] == ["Voter pour", "Voter contre"]
    session.decide(awa.token, question["id"], "yes")
    # the same day, the body decides on sanctions by consensus: Senegal is asked again
    second = seat_view(session, awa, "en")["question"]
    assert second["text"].startswith("ECOWAS decides by consensus")
    session.decide(awa.token, second["id"], "no")
    votes = [r for r in session.worlds[0].records if r.kind is RecordKind.VOTE]
    assert [r.get("played") for r in votes] == [["SEN"], ["SEN"]]
    assert ["SEN" in r.get("yes") for r in votes] == [True, False]


def test_a_saved_class_run_tells_the_same_story_again(clock, tmp_path, sahelsim):
    session = ClassSession(
        SCENARIO, seed=SEED, clock=clock, code="KT4R2M", save=tmp_path, timeout=30
    )
    awa = session.assign(session.join("KT4R2M", "Awa").id, "ECOWAS")
    bako = session.assign(session.join("KT4R2M", "Bako").id, "MLI")
    nia = session.assign(session.join("KT4R2M", "Nia").id, "NER")
    # Niger defies while ECOWAS waits a week, then attacks; then the timer runs for the rest
    plans = {"NER": ["defy"] * 3, "ECOWAS": ["wait", "attack"], "MLI": ["abstain"]}
    phones = {"NER": nia, "ECOWAS": awa, "MLI": bako}
    session.step(400)
    world = session.worlds[0]
    while not world.finished:
        ask = session.asks[0]
        plan = plans[ask.question.role]
        if plan:
            session.decide(phones[ask.question.role].token, ask.id, plan.pop(0))
        else:
            clock.now += 30
            session.tick()
    assert plans == {"NER": [], "ECOWAS": [], "MLI": []}
    [saved] = tmp_path.iterdir()
    assert saved.name == "class-KT4R2M-world-1.json"
    assert "Awa" not in saved.read_text()  # no student is named
    played = read_class_run(saved)
    drawn = drawn_by_default(load_scenario(played.scenario), played.seed)
    again = run_one(drawn, played.seed, players=played.players())
    assert again.records == world.model.records
    result = sahelsim("explain", "--class-run", str(saved))
    assert result.status == 0, result.err
    assert "ECOWAS's player decided to attack Niger." in result.out
    assert "Mali's player abstained from its obligation" in result.out
    # a file that is not a class run is refused with a clear message
    bad = tmp_path / "bad.json"
    bad.write_text('{"answers": []}')
    result = sahelsim("explain", "--class-run", str(bad))
    assert result.status == 2 and "not a class run file" in result.err
    assert "Traceback" not in result.err


def test_a_flood_of_joins_is_refused_once_the_class_is_full(clock):
    session = new_class(clock)
    for n in range(MAX_SEATS):
        session.join("KT4R2M", f"P{n}")
    with pytest.raises(Refused) as full:
        session.join("KT4R2M", "one more")
    assert full.value.reason == "full"
    assert len(session.seats) == MAX_SEATS


def test_a_saved_class_run_records_its_parameters_and_refuses_another_posterior(
    clock, tmp_path, sahelsim
):
    import json

    from sim.resources import shipped_posterior
    from sim.run.posterior import default_posterior

    session = ClassSession(
        SCENARIO, seed=SEED, clock=clock, code="KT4R2M", save=tmp_path, ensemble_runs=1
    )
    awa = session.assign(session.join("KT4R2M", "Awa").id, "ECOWAS")
    session.step(30)
    session.decide(awa.token, session.ask_for(awa).id, "attack")
    saved = tmp_path / "class-KT4R2M-world-1.json"
    data = json.loads(saved.read_text())
    assert data["sahelsim_class_run"] == 2
    assert data["parameters"] == {"source": "posterior", "sha256": default_posterior().sha256}
    told = sahelsim("explain", "--class-run", str(saved))
    assert told.status == 0, told.err
    assert "ECOWAS's player decided to attack Niger." in told.out
    # told with another posterior (here: the shipped one, edited), it is refused in one line
    other = tmp_path / "posterior.csv"
    lines = shipped_posterior().read_text().splitlines()
    other.write_text("\n".join([*lines, lines[-1]]) + "\n")  # one set more
    refused = sahelsim("explain", "--class-run", str(saved), "--posterior", str(other))
    assert refused.status == 2 and "Traceback" not in refused.err
    assert "the class ran with another posterior" in refused.err
    assert len(refused.err.strip().splitlines()) == 1
    # a version 1 file (no parameters) is still told, with the parameters asked for
    del data["parameters"]
    data["sahelsim_class_run"] = 1
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data))
    again = sahelsim("explain", "--class-run", str(old))
    assert again.status == 0 and again.out == told.out


def test_pause_stops_the_timers_and_play_gives_back_the_seconds_left(clock):
    session = new_class(clock, timeout=30)
    nia = session.assign(session.join("KT4R2M", "Nia").id, "NER")
    session.play(True)
    session.tick()  # Niger is asked on the first day
    ask = session.ask_for(nia)
    clock.now += 10
    session.play(False)  # the lecturer stops the class to talk, for a long time
    clock.now += 1000
    session.tick()
    assert session.ask_for(nia) is ask
    assert (
        seat_view(session, nia, "en")["note"] == "20 s left. Without an answer, the model decides."
    )
    session.play(True)
    clock.now += 19
    session.tick()
    assert session.ask_for(nia) is ask  # the 20 seconds left, not fewer
    clock.now += 1
    session.tick()
    [answer] = session.worlds[0].log
    assert answer.by == "timer"


def test_the_authority_takes_its_bodys_decision_from_its_phone(clock):
    session = ClassSession("gambia-2017", seed=SEED, clock=clock, code="KT4R2M")
    assert "ECOWAS" in session.roles
    awa = session.assign(session.join("KT4R2M", "Awa").id, "ECOWAS")
    asked = []
    for _ in range(60):  # a week at a time; its threat's questions are answered "wait"
        session.step(7)
        question = seat_view(session, awa, "fr")["question"]
        while question is not None:
            if question["kind"] == "decision":
                asked.append(question)
                session.decide(awa.token, question["id"], "no")
            else:
                session.decide(awa.token, question["id"], "attack")
            question = seat_view(session, awa, "fr")["question"]
        if session.worlds[0].finished:
            break
    assert asked, "the Authority was never asked"
    first = asked[0]
    assert first["text"].startswith("Les membres de la CEDEAO ont voté")
    assert "La décision de la Conférence vous revient" in first["text"]
    labels = [c["label"].replace("\xa0", " ") for c in first["choices"]]
    assert labels == ["Oui : elle agit", "Non : elle n'agit pas"]
    assert first["weighs"][0]["name"] == "Votes des membres pour"
    votes = [r for r in session.worlds[0].records if r.kind is RecordKind.VOTE]
    assert votes and all(r.get("decided") == "player" for r in votes)
    assert all(r.get("response") == "abstained" for r in votes)


def test_a_saved_class_run_keeps_its_records_and_a_different_story_is_refused(
    clock, tmp_path, sahelsim
):
    import json

    session = ClassSession(
        SCENARIO, seed=SEED, clock=clock, code="KT4R2M", save=tmp_path, timeout=30
    )
    awa = session.assign(session.join("KT4R2M", "Awa").id, "ECOWAS")
    session.step(400)
    ask = session.asks[0]
    session.decide(awa.token, ask.id, "attack")
    session.step(400)
    world = session.worlds[0]
    [saved] = tmp_path.iterdir()
    data = json.loads(saved.read_text())
    # the records the projector told, up to the last day run when the file was written
    assert data["days_run"] == world.done and data["sahelsim"]
    told = [r for r in world.model.records if r.day <= data["days_run"]]
    assert [(r["day"], r["kind"], r["actor"]) for r in data["records"]] == [
        (r.day, r.kind.value, r.actor) for r in told
    ]
    assert any(r.get("played") for r in data["records"])
    assert sahelsim("explain", "--class-run", str(saved)).status == 0
    # told by a sahelsim whose rules differ, the story would be another one: refused
    changed = data["records"][-1]
    changed["target"] = "MLI" if changed["target"] != "MLI" else "NER"
    saved.write_text(json.dumps(data))
    result = sahelsim("explain", "--class-run", str(saved))
    assert result.status == 2 and "Traceback" not in result.err
    assert f"differs from the class's records from day {changed['day']} on" in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_pause_after_a_step_stops_the_timers_too(clock):
    session = new_class(clock, timeout=30)
    nia = session.assign(session.join("KT4R2M", "Nia").id, "NER")
    session.step(7)  # the lecturer steps a week, never pressing Play
    ask = session.ask_for(nia)
    assert ask is not None
    clock.now += 10
    session.play(False)
    clock.now += 1000
    session.tick()
    assert session.ask_for(nia) is ask  # still waiting: Pause stopped its clock
    assert "20 s left" in seat_view(session, nia, "en")["note"]


def test_a_member_pledges_troops_or_declines_from_its_phone(clock, tmp_path):
    path = tmp_path / "gambia-unnamed.yaml"
    path.write_text(UNNAMED_THREAT)
    session = ClassSession(str(path), seed=SEED, clock=clock, code="KT4R2M")
    kofi = session.assign(session.join("KT4R2M", "Kofi").id, "GHA")
    pledge = None
    for _ in range(20):  # Ghana first votes on the crisis, then is asked for troops
        session.step(1)
        question = seat_view(session, kofi, "en")["question"]
        if question is None:
            continue
        if question["kind"] == "pledge":
            pledge = question
            break
        session.decide(kofi.token, question["id"], "no")
    assert pledge is not None, "Ghana was never asked for troops"
    assert pledge["text"] == (
        "ECOWAS threatens The Gambia with force (deadline 19 Jan 2017) and has named no "
        "contributors. Do you pledge troops?"
    )
    french = seat_view(session, kofi, "fr")["question"]
    assert french["text"].startswith("La CEDEAO menace la Gambie d'une intervention armée")
    assert [c["label"] for c in french["choices"]] == ["Engager des troupes", "Refuser"]
    session.decide(kofi.token, pledge["id"], "no")
    session.step(10)
    threat = next(r for r in session.worlds[0].records if r.kind is RecordKind.THREAT)
    assert threat.get("played") == ["GHA"] and "GHA" not in threat.get("attackers")


def test_a_junta_s_phone_shows_the_confidence_its_balance_counts():
    """Abacha's Nigeria, 1997: the balance on the phone counts the military rulers' confidence,
    so the phone says by how much, in the class's language."""
    from sim.resources import scenarios_dir

    path = str(scenarios_dir() / "history" / "sierra-leone-1997.yaml")
    session = ClassSession(
        path, groups=1, seed=3, timeout=30.0, clock=lambda: 1000.0, code="KT4R2M",
        ensemble_runs=4,
    )  # fmt: skip
    seat = session.assign(session.join("KT4R2M", "Awa").id, "NGA")
    for _ in range(12):
        session.step(1)
        if seat_view(session, seat, "en").get("question"):
            break
    rows = {
        lang: {w["name"]: w["value"] for w in seat_view(session, seat, lang)["question"]["weighs"]}
        for lang in ("en", "fr")
    }
    factor = rows["en"]["military rule: your strength counted"]
    assert factor.startswith("× ") and float(factor[2:]) > 1
    assert rows["fr"]["régime militaire\xa0: votre puissance comptée"] == factor.replace(".", ",")


def test_a_week_from_the_start_ends_on_the_starts_weekday_so_two_reach_the_deadline(clock):
    session = new_class(clock, groups=2)
    session.step_week()
    assert [w.day for w in session.worlds] == [7, 7]
    session.step_week()
    assert [w.day for w in session.worlds] == [DEADLINE, DEADLINE]
    assert session.worlds[0].model.date.isoformat() == "2023-08-24"


def test_a_player_who_waits_on_the_deadline_is_told_it_passed_without_an_attack(clock):
    session = new_class(clock)
    awa = session.assign(session.join("KT4R2M", "Awa").id, "ECOWAS")
    session.step(30)
    ask = session.ask_for(awa)
    assert ask.question.kind is QuestionKind.ATTACK and ask.question.day == DEADLINE
    session.decide(awa.token, ask.id, "wait")
    world = session.worlds[0]
    [passed] = [r for r in world.records if r.kind is RecordKind.DEADLINE_PASSED]
    assert passed.day == DEADLINE and passed.get("played") is True
    said = " ".join(view_story(session))
    assert "ECOWAS's player let the deadline set for Niger pass without attacking" in said
    assert "Le joueur de la CEDEAO laisse passer l'échéance fixée au Niger" in " ".join(
        view_story(session, "fr")
    )


def asked_to_strike_back(source, role, clock):
    """A class whose one player holds ``role``, struck short of war, at its question: the
    session, the player's seat and the question (strike back, wait, or stand down)."""
    session = ClassSession(str(source), seed=SEED, clock=clock, code="KT4R2M", ensemble_runs=2)
    seat = session.assign(session.join("KT4R2M", "Awa").id, role)
    session.step(30)
    ask = session.ask_for(seat)
    assert ask is not None and ask.question.kind is QuestionKind.ATTACK
    return session, seat, ask


def test_a_state_struck_by_an_armed_group_is_asked_about_an_offensive(clock, write):
    """A player whose state an armed group struck is asked whether to launch the limited
    offensive the model weighs (docs/model.md §7.11), not told it threatened anyone."""
    path = write(
        "title: An armed group raids Chad\nstart: 2020-03-22\ndays: 40\nactors:\n  TCD:\n"
        "  GRP:\n    kind: belligerent\n    name: The raiders\n    name_fr: les assaillants\n"
        "    sources: [https://example.org/raiders]\n    in: TCD\n    forces:\n"
        "      value: 400\n      year: 2020\n      unit: fighters\n"
        "      source: https://example.org/raiders\nevents:\n  raid:\n    kind: attack\n"
        "    scale: incident\n    date: 2020-03-23\n    by: GRP\n    target: TCD\n",
        name="raid-class.yaml",
    )
    session, chad, ask = asked_to_strike_back(path, "TCD", clock)
    # the pages show the day being decided, the question's
    view = seat_view(session, chad, "en")
    assert view["date"] == view["question"]["date"] == "23 Mar 2020"
    assert view["day"] == "Day 1 of 40"
    assert class_view(session, "en")["worlds"][0]["date"] == "23 Mar 2020"
    # while Chad's player decides, the class sees the strike the question is about, and the
    # losses it weighs as the story gives them (0.07 %, not 0 %)
    assert "Incident: The raiders attacked Chad, short of war." in " ".join(view_story(session))
    weighs = {w["name"]: w["value"] for w in seat_view(session, chad, "en")["question"]["weighs"]}
    assert weighs["losses you expect"] != "0%" and weighs["losses you expect"].endswith("%")
    english = seat_view(session, chad, "en")["question"]["text"]
    french = seat_view(session, chad, "fr")["question"]["text"]
    assert english.startswith("The strike came from The raiders, on the soil where it fights.")
    assert "Launch an offensive of 8 days against it today" in english
    assert french.startswith("La frappe vient des assaillants, sur le sol où ce groupe combat.")
    assert "une offensive de 8 jours" in french
    labels = [c["label"] for c in seat_view(session, chad, "en")["question"]["choices"]]
    assert labels == ["Launch the offensive", "Wait a week", "Stand down"]
    labels = [c["label"] for c in seat_view(session, chad, "fr")["question"]["choices"]]
    assert labels == ["Lancer l'offensive", "Attendre une semaine", "Renoncer"]
    # standing down is told as not striking back: Chad threatened no one
    session.decide(chad.token, ask.id, "stand_down")
    said = " ".join(view_story(session))
    assert "Chad's player stood down: it chose not to strike back at The raiders" in said
    assert "threat" not in said.split("Chad's player stood down")[1].split(".")[0]
    assert "Le joueur du Tchad renonce\u00a0: pas de riposte contre les assaillants" in " ".join(
        view_story(session, "fr")
    )


def test_a_state_struck_by_raiders_from_abroad_is_asked_about_a_sweep_of_its_own_soil(clock, write):
    """JNIM does not fight in Togo: Togo's player is asked whether to fight the raiders on
    Togo's own soil, told they came from across the border, not that it fights there."""
    path = write(
        "title: JNIM strikes Togo\nstart: 2024-07-21\ndays: 30\nactors:\n  TGO:\n  BFA:\n"
        "  JNIM:\nevents:\n  raid:\n    kind: attack\n    scale: incident\n"
        "    date: 2024-07-22\n    by: JNIM\n    target: TGO\n",
        name="raid-abroad-class.yaml",
    )
    session, togo, _ = asked_to_strike_back(path, "TGO", clock)
    english = seat_view(session, togo, "en")["question"]["text"]
    french = seat_view(session, togo, "fr")["question"]["text"]
    assert english.startswith("The strike came from JNIM, from across the border.")
    assert "against it on your own soil today (a sweep to the border), wait" in english
    assert "where it fights" not in english
    assert french.startswith("La frappe vient du GSIM, depuis l'autre côté de la frontière.")
    assert "sur votre sol (un ratissage jusqu'à la frontière), attendre" in french
    assert "où ce groupe combat" not in french


def test_a_state_struck_by_another_is_asked_whether_to_answer_with_war(clock):
    """Mali, whose drone Algeria shot down (2025), threatened no one: its player is asked
    whether to answer the strike with war, not told that its deadline has come."""
    session, mali, ask = asked_to_strike_back("mali-algeria-2025", "MLI", clock)
    english = seat_view(session, mali, "en")["question"]["text"]
    french = seat_view(session, mali, "fr")["question"]["text"]
    assert english.startswith("Algeria struck you, short of war. Answer it with war today")
    assert french.startswith("La frappe vient de l'Algérie, sans aller jusqu'à la guerre.")
    labels = [c["label"] for c in seat_view(session, mali, "en")["question"]["choices"]]
    assert labels == ["Answer with war", "Wait a week", "Stand down"]
    labels = [c["label"] for c in seat_view(session, mali, "fr")["question"]["choices"]]
    assert labels == ["Répondre par la guerre", "Attendre une semaine", "Renoncer"]
    # answered with war, the story says it struck back (it threatened no one)
    session.decide(mali.token, ask.id, "attack")
    assert "Mali's player decided to strike back at Algeria." in " ".join(view_story(session))
    assert "Le joueur du Mali décide de riposter contre l'Algérie." in " ".join(
        view_story(session, "fr")
    )


def test_a_one_day_war_reads_one_day_in_the_worlds_side_by_side(clock):
    # The comparison read "Yes: 1 days of war": its count of days agrees with its noun, in the
    # project's one rule (English singular for 1 alone, French below 2)
    session = ClassSession("lesson-6-half-of-coups-fail", seed=1, clock=clock, ensemble_runs=2)
    session.step(400)
    run, _ = session.replayed(0)
    assert run.summary["war_occurred"] and run.summary["war_days"] == 1  # the coup is decided
    assert views.comparison(session, "en")["columns"][0]["war"] == "Yes: a war of 1 day"
    assert views.comparison(session, "fr")["columns"][0]["war"] == "Oui\u00a0: une guerre de 1 jour"


def test_the_threatened_states_phone_shows_what_it_weighs_in_either_language(clock):
    # Niger's phone showed an empty "What you weigh" before Give in / Defy, while ECOWAS's
    # showed the balance it faced: Niger's shows the model's own terms of the threat it faces
    session = new_class(clock)
    nia = session.assign(session.join("KT4R2M", "Nia").id, "NER")
    session.step(7)
    question = session.ask_for(nia).question
    assert question.kind is QuestionKind.CONCESSION
    terms = question.context["terms"]
    resolve = session.world.actors["NER"].resolve
    english = {w["name"]: w["value"] for w in seat_view(session, nia, "en")["question"]["weighs"]}
    assert english["forces ECOWAS can commit"] == f"{round(terms['own strength']):,}"
    home = terms["target's home defence"]
    assert english["your home defence"] == f"{round(home):,}"
    # who would fight beside it, as ECOWAS counts them: Mali and Burkina Faso
    assert {"help ECOWAS expects from Mali", "help ECOWAS expects from Burkina Faso"} <= set(
        english
    )
    assert english["superiority ECOWAS wants"] == f"{terms['required superiority']:.2f}"
    assert "readiness of ECOWAS to attack (the threat's credibility)" in english
    assert english["your resolve"] == f"{resolve:.2f}"
    french = {w["name"]: w["value"] for w in seat_view(session, nia, "fr")["question"]["weighs"]}
    assert len(french) == len(english)
    assert french["votre détermination"] == f"{resolve:.2f}".replace(".", ",")
    assert "aide que la CEDEAO attend du Mali" in french
    assert "forces que la CEDEAO peut engager" in french


def test_a_phone_reads_its_latest_events_newest_first(clock):
    # The phones' "Latest events" began with the oldest of them: a phone is read from the top
    session = new_class(clock)
    awa = session.assign(session.join("KT4R2M", "Awa").id, "ECOWAS")
    session.step(400)  # to ECOWAS's deadline, where its phone decides
    session.decide(awa.token, session.ask_for(awa).id, "wait")  # asked again a week later
    told = views.told_in_parts(session, 0, "en")
    shown = seat_view(session, awa, "en")["story"]
    assert len(shown) == views.STORY_LINES
    assert shown == told[::-1][: views.STORY_LINES]  # the newest on top
    assert shown[0]["text"].startswith("24 Aug 2023 — ECOWAS's player let the deadline")
    assert shown[-1]["text"].startswith("10 Aug 2023")


def test_every_choice_of_the_players_is_told_the_threatened_states_too(clock, tmp_path, sahelsim):
    # `explain --class-run` told ECOWAS's choices and left out Niger's: a week's defiance (or a
    # week's wait after the deadline) changes nothing the model records, and so was never told
    session = ClassSession(SCENARIO, seed=SEED, clock=clock, code="KT4R2M", save=tmp_path)
    awa = session.assign(session.join("KT4R2M", "Awa").id, "ECOWAS")
    nia = session.assign(session.join("KT4R2M", "Nia").id, "NER")
    plans = {"NER": ["defy"] * 5, "ECOWAS": ["wait", "wait", "stand_down"]}
    phones = {"NER": nia, "ECOWAS": awa}
    session.step(400)
    while any(plans.values()):  # Niger on 10, 17, 24, 31 Aug, 7 Sep; ECOWAS from 24 Aug
        ask = session.asks[0]
        session.decide(phones[ask.question.role].token, ask.id, plans[ask.question.role].pop(0))
    defied = "Niger's player defied ECOWAS's threat and held out for another week."
    waited = "ECOWAS's player chose to wait a week before carrying out its threat against Niger."
    # on the projector and the phones, where each was taken: Niger's before ECOWAS's that day
    told = views.story(session, 0, "en", lines=60)
    assert [line.split(" — ")[0] for line in told if line.endswith(defied)] == [
        "10 Aug 2023", "17 Aug 2023", "24 Aug 2023", "31 Aug 2023", "7 Sep 2023",
    ]  # fmt: skip
    deadline = [line for line in told if line.startswith("24 Aug 2023")]
    assert deadline[0].endswith(defied) and "let the deadline set for Niger pass" in deadline[1]
    assert [line for line in told if line.endswith(waited)] == [f"31 Aug 2023 — {waited}"]
    assert f"31 Aug 2023 — {defied}" in views.played(session, 0, "en", lines=10)
    # told again from the saved file, in either language
    [saved] = tmp_path.iterdir()
    english = sahelsim("explain", "--class-run", str(saved))
    assert english.status == 0, english.err
    assert english.out.count(defied) == 5 and english.out.count(waited) == 1
    assert "ECOWAS's player stood down" in english.out
    french = sahelsim("explain", "--class-run", str(saved), "--lang", "fr")
    assert french.out.count("Le joueur du Niger tient tête à la menace de la CEDEAO") == 5
    assert "Le joueur de la CEDEAO choisit d'attendre une semaine" in french.out


def test_a_new_round_keeps_the_phones_and_starts_every_world_again(clock, tmp_path):
    # A second round (the same lesson or another) needed the server restarted, and every phone
    # to join again
    session = ClassSession(
        SCENARIO, groups=2, seed=SEED, clock=clock, code="KT4R2M", save=tmp_path, ensemble_runs=2
    )
    awa = session.assign(session.join("KT4R2M", "Awa").id, "ECOWAS")
    nia = session.assign(session.join("KT4R2M", "Nia").id, "NER", group=1)
    session.step(400)
    session.decide(nia.token, session.ask_for(nia).id, "defy")
    assert class_view(session, "en")["playing"] == (
        f"Niger, August 2023 - ECOWAS threatens force · seed {SEED} · round 1"
    )
    # another lesson: Niger has no role in it and observes; ECOWAS keeps its own
    session.new_round("lesson-6-half-of-coups-fail", 3)
    view = class_view(session, "fr")
    assert (
        view["playing"]
        == "Leçon 6 - La moitié des coups d'État échouent\u00a0: le Bénin en 2025 · graine 3 · manche 2"
    )
    assert [w["day"] for w in view["worlds"]] == ["Jour 0 sur 30", "Jour 0 sur 30"]
    assert [w["decisions"] for w in view["worlds"]] == [[], []]
    assert session.seat(awa.token) is awa and (awa.group, awa.role) == (0, "ECOWAS")
    assert (nia.group, nia.role) == (1, OBSERVER)
    assert seat_view(session, nia, "en")["scenario"].startswith("Lesson 6 - ")
    # the same lesson again, on its seed: ECOWAS's phone is asked again, on the first round's
    # day, and its answers are saved apart from the first round's
    session.new_round(SCENARIO, SEED)
    session.assign(nia.id, "NER")
    session.step(400)
    assert session.ask_for(nia).question.day == 0
    session.decide(nia.token, session.ask_for(nia).id, "defy")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "class-KT4R2M-round-3-world-2.json",
        "class-KT4R2M-world-2.json",
    ]
    # a scenario that is none leaves the round under way as it was
    with pytest.raises(InputError):
        session.new_round("no-such-lesson")
    assert session.round == 3 and session.scenario_name == SCENARIO
