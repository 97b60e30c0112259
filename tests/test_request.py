"""A state asking for help outside any treaty: the ``request`` event.

What a user writing a crisis by hand relies on (Mali asking France on 11 Jan 2013): the asked
decide on the request's date, as a measure they may take and do not owe; whoever grants it enters
the asking state's war on its side, or, with no war, helps against the armed groups in it;
without the request nobody is asked; declining breaks no promise; a request with nothing to help
against asks nothing; a wrong request is refused with a located message; the story says who asked
whom for what, in English and in French.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math

import pytest
from conftest import question_asked

from sim.model.model import SahelModel
from sim.model.pacts import requested
from sim.model.records import RecordKind
from sim.model.wars import DEFENDERS
from sim.model.world import build_world
from sim.present import i18n
from sim.present.narrative import render_text
from sim.run.replicate import run_one
from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario
from sim.scenario.parameters import PARAMETERS

WAR = """\
title: An offensive, and a request for help
start: 2013-01-10
days: 40
commitment: {commitment}
actors:
  MLI:
  FRA:
  NGA:
  REB:
    kind: belligerent
    name: the Rebel Army
    name_fr: l'Armée rebelle
    sources: [https://example.org/rebels]
    in: MLI
    forces:
      value: 8000
      year: 2013
      unit: fighters
      source: https://example.org/figure
events:
  offensive:
    kind: attack
    date: 2013-01-10
    by: REB
    target: MLI
{request}"""

REQUEST = """\
  ask:
    kind: request
    date: 2013-01-11
    by: MLI
    to: [FRA, NGA]
"""


def scenario(write, commitment: str = "strict", request: str = REQUEST):
    return load_scenario(write(WAR.format(commitment=commitment, request=request)))


def records(run, kind: RecordKind) -> list:
    return [r for r in run.records if r.kind is kind]


def asking(title: str, actors: str, *requests: str) -> str:
    """A scenario of early 2022 with no war: ``actors`` (ids) and requests (flow mappings)."""
    listed = "".join(f"  {a}:\n" for a in actors.split())
    asked = "".join(f"  ask{i}: {r}\n" for i, r in enumerate(requests))
    return (
        f"title: {title}\nstart: 2022-02-01\ndays: 20\ncommitment: strict\n"
        f"actors:\n{listed}events:\n{asked}"
    )


MALI_ASKS_RUSSIA = "{kind: request, date: 2022-02-03, by: MLI, to: [RUS]}"


def test_the_asked_decide_on_the_day_and_whoever_grants_it_fights_beside_the_state_that_asked(
    write,
):
    run = run_one(scenario(write), 1)
    [asked] = records(run, RecordKind.REQUEST)
    assert (asked.day, asked.actor, asked.get("against")) == (1, "MLI", ["REB"])
    answers = {r.actor: r for r in records(run, RecordKind.RESPONSE)}
    assert set(answers) == {"FRA", "NGA"}
    for answer in answers.values():
        assert answer.day == 1 and answer.target == "MLI"
        assert answer.get("cause") == run.records.index(asked)
        assert answer.get("modality") == "permission"  # a measure one may take, not one owed
        assert requested(answer.get("pact")) == ("MLI", dt.date(2013, 1, 11))
    entered = {r.actor: r for r in records(run, RecordKind.ENTERED_WAR)}
    for helper in ("FRA", "NGA"):  # strict: a permission is used
        assert entered[helper].day == 1
        assert entered[helper].get("side") == DEFENDERS  # Mali's side
        assert entered[helper].target == "REB"


def test_without_the_request_nobody_enters_a_war_no_treaty_covers(write):
    for seed in range(1, 6):
        run = run_one(scenario(write, request=""), seed)
        assert not records(run, RecordKind.ENTERED_WAR)
        assert not records(run, RecordKind.RESPONSE)


def test_declining_a_request_breaks_no_promise(write):
    """Nothing was owed, so no answer counts toward the asked's record of keeping promises."""
    declined = 0
    for seed in range(1, 16):
        model = SahelModel(build_world(scenario(write, "behavioural"), fact_base()), seed)
        model.run()
        for r in model.records:
            if r.kind is RecordKind.RESPONSE:
                assert not any(name.startswith("reputation") for name in r.get("terms"))
                declined += r.get("response") != "honoured"
        for helper in ("FRA", "NGA"):
            assert model.actors[helper].obligations == 0
    assert declined, "some answer must decline for the check to mean anything"


def test_help_against_an_armed_group_with_no_war_goes_to_the_counter_insurgency(write):
    text = asking("Help against an insurgency", "MLI RUS JNIM", MALI_ASKS_RUSSIA)
    run = run_one(load_scenario(write(text)), 1)
    [asked] = records(run, RecordKind.REQUEST)
    assert asked.get("against") == ["JNIM"]
    [lent] = [r for r in records(run, RecordKind.SUPPORT) if r.actor == "RUS"]
    assert lent.day == 2 and lent.target == "MLI" and lent.get("forces") > 0
    assert not records(run, RecordKind.WAR_STARTED)


def test_help_against_a_group_that_struck_from_abroad_is_lent_and_fights_no_one_there(write):
    """Niger asked France for support against Boko Haram, come from Nigeria, in February 2015:
    a group that struck a state is something to help against, though it keeps no fighters in
    it; France's troops in the state, lent, find none of its fighters there to fight."""
    raid = "{kind: attack, date: 2022-02-02, by: JAS, target: MLI, scale: incident, fighters: 100}"
    ask = "{kind: request, date: 2022-02-03, by: MLI, to: [FRA], action: support}"
    run = run_one(load_scenario(write(asking("A raid from abroad", "MLI FRA JAS", raid, ask))), 1)
    [asked] = records(run, RecordKind.REQUEST)
    assert asked.get("against") == ["JAS"] and asked.get("reason") is None
    [lent] = [r for r in records(run, RecordKind.SUPPORT) if r.actor == "FRA"]
    assert lent.target == "MLI" and lent.get("forces") > 0
    assert "fighting" not in lent.data  # Boko Haram has no fighters in Mali to fight


def test_help_against_rebels_who_struck_short_of_war_is_lent_and_fights_them(write):
    """A rebel movement's strike short of war (the FPL's on Niger's pipeline, 2024) starts no
    war, but the state may ask for help against it; troops sent fight the rebels at home."""
    strike = REQUEST.replace("2013-01-11", "2013-01-12")
    text = WAR.format(commitment="strict", request=strike).replace(
        "    target: MLI\n", "    target: MLI\n    scale: incident\n", 1
    )
    run = run_one(load_scenario(write(text)), 1)
    [asked] = records(run, RecordKind.REQUEST)
    assert asked.get("against") == ["REB"]
    lent = {r.actor: r for r in records(run, RecordKind.SUPPORT) if r.get("forces", 0) > 0}
    assert "NGA" in lent and lent["NGA"].get("fighting") == ["REB"]


RAID_THEN = """\
title: A raid, then {what}, then a request
start: 2022-01-01
days: 150
actors:
  MLI:
  NGA:
  REB:
    kind: belligerent
    name: the Rebel Army
    name_fr: l'Armée rebelle
    sources: [https://example.org/rebels]
    in: MLI
    {extra}
    forces: {{value: 300, year: 2022, unit: fighters, source: https://example.org/figure}}
events:
  raid:
    {{kind: attack, date: 2022-01-02, by: REB, target: MLI, scale: incident, fighters: 10,
    escaped: 0}}
{then}
  ask: {{kind: request, date: 2022-05-01, by: MLI, to: [NGA]}}
"""


@pytest.mark.parametrize(
    ("what", "extra", "then"),
    [
        (
            "a rising beaten",
            "rose_in_capital: true",
            "  rising: {kind: attack, date: 2022-01-10, by: REB, target: MLI}",
        ),
        (
            "a coup by the raiders",
            "faction_of: true",
            "  coup: {kind: coup, date: 2022-01-20, state: MLI, by: REB}",
        ),
    ],
    ids=["a war fought with them since", "a coup since"],
)
def test_a_strike_long_settled_gives_a_request_nothing_to_help_against(write, what, extra, then):
    """A raid counts until a war with the raiders has ended or a coup changed who governs: the
    rebels beaten months ago, or the raiders now the junta that asks, are not fought with help
    asked in May."""
    text = RAID_THEN.format(what=what, extra=extra, then=then)
    run = run_one(load_scenario(write(text)), 1)
    [asked] = records(run, RecordKind.REQUEST)
    assert asked.get("against") == [] and asked.get("reason") == "nothing"
    assert not records(run, RecordKind.RESPONSE)
    without = text.replace(
        "  ask: {kind: request, date: 2022-05-01", "  ask: {kind: request, date: 2022-01-03"
    )
    early = run_one(load_scenario(write(without, name="early.yaml")), 1)
    assert records(early, RecordKind.REQUEST)[0].get("against") == ["REB"]  # right after: asked


def test_a_striker_named_is_answered_while_the_state_fights_an_offensive_elsewhere(write):
    """Boko Haram raids Mali from abroad the day JNIM strikes it: Mali, on the offensive against
    JNIM, may still ask France for support against Boko Haram by name."""
    raid = "{kind: attack, date: 2022-02-02, by: JAS, target: MLI, scale: incident, fighters: 100}"
    strike = (
        "{kind: attack, date: 2022-02-02, by: JNIM, target: MLI, scale: incident, fighters: 300}"
    )
    ask = "{kind: request, date: 2022-02-03, by: MLI, to: [FRA], action: support, against: JAS}"
    text = asking("Raided while on the offensive", "MLI FRA JAS JNIM", raid, strike, ask)
    run = run_one(load_scenario(write(text)), 1)
    assert any(
        r.actor == "MLI" and r.target == "JNIM" for r in records(run, RecordKind.WAR_STARTED)
    )
    [asked] = records(run, RecordKind.REQUEST)
    assert asked.get("against") == ["JAS"] and asked.get("reason") is None
    assert [r.actor for r in records(run, RecordKind.RESPONSE)] == ["FRA"]


def test_a_request_with_nothing_to_help_against_asks_nothing_and_says_so(write):
    text = asking(
        "A request in peace", "NGA FRA", "{kind: request, date: 2022-02-03, by: NGA, to: [FRA]}"
    )
    run = run_one(load_scenario(write(text)), 1)
    [asked] = records(run, RecordKind.REQUEST)
    assert asked.get("against") == []
    assert not records(run, RecordKind.RESPONSE)
    english, french = render_text(run, "en"), render_text(run, "fr")
    assert "but no war and no armed group threatened it: there was nothing to help against" in (
        english
    )
    assert "mais aucune guerre ni aucun groupe armé ne menace le Nigeria" in french


def test_the_story_says_who_asked_whom_for_what_and_who_granted_it(write):
    run = run_one(scenario(write), 1)
    english, french = render_text(run, "en"), render_text(run, "fr")
    assert "Mali asked France and Nigeria for armed assistance against the Rebel Army." in english
    assert "France granted Mali's request for armed assistance." in english
    assert "under Mali's request of 11 Jan 2013" in english
    assert (
        "Le Mali demande une assistance armée à la France et au Nigeria contre l'Armée rebelle."
        in french
    )
    assert "La France accède à la demande d'assistance armée du Mali." in french
    assert "au titre de la demande du Mali du 11 janv. 2013" in french
    assert "In strict mode, every measure permitted is taken." in english
    told = french.splitlines()[1:]  # the opening gives the scenario's own (English) title
    assert [line for line in told if "request" in line.lower()] == []


def test_in_behavioural_mode_the_answer_gives_its_chances_and_says_nothing_was_owed(write):
    run = run_one(scenario(write, "behavioural"), 2)
    lines = [
        line for line in render_text(run, "en").splitlines() if "Probability of granting" in line
    ]
    assert len(lines) == 2
    assert all("Nothing was owed: no treaty obliged it to help." in line for line in lines)
    # and where its chance started: the base rate of granting a request, not of a treaty's
    base = i18n.percent(PARAMETERS["invitation_base_rate"].default, "en", 0)
    started = f"It started from {base}, the share of requests of this kind granted in the record"
    assert all(started in line for line in lines)
    # a base set for the run is not the record's: the story says which is which
    text = WAR.format(commitment="behavioural", request=REQUEST)
    changed = load_scenario(write(text), ["parameters.invitation_base_rate=0.33"])
    told = render_text(run_one(changed, 2), "en")
    assert (
        f"It started from 33%, the base rate set for this run (the record of 1960-2012 gives {base})"
        in told
    )
    french = render_text(run, "fr")
    assert french.count("Point de départ : ") == 2


LESSON_5 = "lesson-5-asked-not-bound"


def _answers(overrides: list[str], seeds: range) -> list:
    """France's answer to Mali's request in lesson 5, one per seed."""
    return [
        r
        for seed in seeds
        for r in run_one(load_scenario(LESSON_5, overrides), seed).records
        if r.kind is RecordKind.RESPONSE and requested(r.get("pact"))
    ]


def test_a_request_is_weighed_from_its_own_base_rate():
    """Mali asks France (lesson 5, behavioural mode): a higher base rate of answering a request
    always raises France's chance of giving help, on every seed; the base rate of using a
    treaty's permission is not France's base (ECOWAS's choices move only the war France weighs).
    """
    seeds = range(1, 7)
    runs = [_answers([f"parameters.invitation_base_rate={r}"], seeds) for r in (0.1, 0.4, 0.95)]
    for low, high in itertools.pairwise(runs):
        assert len(low) == len(high) == len(seeds)
        assert all(
            a.get("probability") < b.get("probability") for a, b in zip(low, high, strict=True)
        )
    for rate in (0.05, 0.9):
        overrides = [
            f"parameters.permission_base_rate={rate}",
            "parameters.invitation_base_rate=0.6",
        ]
        for answer in _answers(overrides, seeds):
            assert answer.get("terms")["base rate (log-odds)"] == pytest.approx(
                math.log(0.6 / 0.4), abs=1e-4
            )


def _serval(run) -> list:
    """France's deployments to Mali in a run."""
    return [r for r in records(run, RecordKind.DEPLOYMENT) if (r.actor, r.target) == ("FRA", "MLI")]


def test_the_forces_that_answered_a_request_come_only_if_it_is_granted(write):
    """Operation Serval arrived on 11 Jan 2013, the day Mali asked: the fact base marks it as
    France's answer. Asked in the scenario, France brings those forces only when it grants the
    request, and weighs them when it decides; not asked, they arrive on the day of record."""
    unasked = run_one(scenario(write, request=""), 1)
    assert [(r.day, r.get("strength")) for r in _serval(unasked)] == [(1, 4000)]
    granted = declined = 0
    for seed in range(1, 13):
        run = run_one(scenario(write, "behavioural"), seed)
        [answer] = [
            r for r in records(run, RecordKind.RESPONSE) if r.actor == "FRA" and r.target == "MLI"
        ]
        came = _serval(run)
        if answer.get("response") == "honoured":
            granted += 1
            assert [(r.day, r.get("strength"), r.get("cause")) for r in came] == [
                (1, 4000, run.records.index(answer))
            ]
            # "deployed 4,000", then "entered with" more: the story says why
            [line] = [x for x in render_text(run, "en").splitlines() if "France entered" in x]
            assert line.endswith("An outside power fights with all it has in the region.")
        else:
            declined += 1
            assert came == []
        # it has no other forces in this scenario's states: its capacity is that of the forces
        # it would send, granted or not
        assert answer.get("terms")["capacity (value)"] > 0
        # the summary says whether the request was granted, by France or by Nigeria
        answers = [r.get("response") for r in records(run, RecordKind.RESPONSE)]
        assert run.summary["request_granted"] is ("honoured" in answers)
    assert granted and declined, "both answers must occur for the check to mean anything"


def test_forces_of_record_come_on_their_date_when_the_request_asks_them_nothing(write):
    """Held only for an answer the power is asked to give: a request for help short of force,
    or one that asks France nothing (Mali has nothing to fight yet), leaves Serval to its date."""
    non_military = REQUEST.replace(
        "    to: [FRA, NGA]\n", "    to: [FRA, NGA]\n    action: non_military\n"
    )
    for seed in (1, 2, 3):  # granted or not, the help asked for is no troops
        run = run_one(scenario(write, "behavioural", non_military), seed)
        assert [(r.day, r.get("strength")) for r in _serval(run)] == [(1, 4000)]
    early = WAR.format(commitment="strict", request=REQUEST.replace("2013-01-11", "2013-01-08"))
    early = early.replace("start: 2013-01-10", "start: 2013-01-06")
    run = run_one(load_scenario(write(early)), 1)
    [asked] = records(run, RecordKind.REQUEST)
    assert asked.get("reason") == "nothing"  # no war yet, and no armed group in Mali
    assert [(r.day, r.get("strength")) for r in _serval(run)] == [(5, 4000)]  # 11 Jan


def test_forces_of_record_declined_are_gone_when_their_date_of_leaving_has_passed(write):
    """Declined in January 2013, Serval's forces do not come with a later request once the
    fact base has them gone (15 Jul 2014)."""
    text = WAR.format(commitment="behavioural", request=REQUEST).replace("days: 40", "days: 560")
    for seed in range(1, 13):
        model = SahelModel(build_world(load_scenario(write(text)), fact_base()), seed)
        model.run()
        answer = next(
            r for r in model.records if r.kind is RecordKind.RESPONSE and r.actor == "FRA"
        )
        if answer.get("response") != "honoured":
            assert model.held == {}
            return
    raise AssertionError("France granted on every seed: the check would mean nothing")


# ---------------------------------------------------------------------- who is asked, and when


def test_a_state_at_war_with_the_one_that_asks_is_not_asked_and_the_story_says_why(write):
    """Niger attacks Mali while Mali fights its rebels: asking Niger asks nothing of it."""
    invasion = "  invasion:\n    kind: attack\n    date: 2013-01-10\n    by: NER\n    target: MLI\n"
    text = WAR.format(commitment="strict", request=REQUEST.replace("NGA]", "NER]") + invasion)
    run = run_one(load_scenario(write(text.replace("  NGA:\n", "  NER:\n"))), 1)
    [asked] = records(run, RecordKind.REQUEST)
    assert asked.get("other_side") == ["NER"]
    assert {r.actor for r in records(run, RecordKind.RESPONSE)} == {"FRA"}
    assert not [r for r in records(run, RecordKind.ENTERED_WAR) if r.actor == "NER"]
    assert " Nothing was asked of Niger, on the other side." in render_text(run, "en")
    assert " Rien n'est demandé au Niger, qui se trouve dans l'autre camp." in render_text(
        run, "fr"
    )


def test_a_backer_of_the_enemy_is_not_asked(write):
    text = WAR.format(commitment="strict", request=REQUEST)
    text = text.replace("    in: MLI\n", "    in: MLI\n    backers: [NGA]\n")
    run = run_one(load_scenario(write(text)), 1)
    [asked] = records(run, RecordKind.REQUEST)
    assert asked.get("other_side") == ["NGA"]
    assert {r.actor for r in records(run, RecordKind.RESPONSE)} == {"FRA"}


def test_a_request_is_answered_after_the_day_s_attack_whatever_the_order_of_the_file(write):
    same_day = REQUEST.replace("2013-01-11", "2013-01-10").replace("[FRA, NGA]", "[USA, NGA]")
    text = WAR.format(commitment="strict", request="").replace("  NGA:\n", "  NGA:\n  USA:\n")
    text = text.replace("events:\n", "events:\n" + same_day)  # listed before the attack
    run = run_one(load_scenario(write(text)), 1)
    [asked] = records(run, RecordKind.REQUEST)
    assert asked.day == 0 and asked.get("against") == ["REB"]
    assert {r.actor for r in records(run, RecordKind.RESPONSE) if r.day == 0} == {"USA", "NGA"}
    # the United States has no forces in this scenario's states (its own were in Niger)
    assert {r.actor for r in records(run, RecordKind.ENTERED_WAR) if r.day == 0} == {"NGA"}
    # and the story says so rather than leave a granted request without a sequel
    told = render_text(run, "en")
    assert "United States had no forces in the region to send to Mali's war." in told
    assert "Aucune force des États-Unis n'est disponible dans la région" in render_text(run, "fr")


def test_two_requests_of_one_day_against_an_insurgency_are_each_answered(write):
    aid = MALI_ASKS_RUSSIA.replace("}", ", action: non_military}")
    text = asking("Two requests", "MLI RUS JNIM", aid, MALI_ASKS_RUSSIA)
    run = run_one(load_scenario(write(text)), 1)
    sent = [r for r in records(run, RecordKind.SUPPORT) if r.actor == "RUS"]
    assert sorted(r.get("action") for r in sent) == ["armed_assistance", "non_military"]
    assert all(r.get("forces") > 0 for r in sent)


def test_a_request_against_an_actor_not_fighting_the_state_asks_nothing_and_says_so(write):
    text = WAR.format(
        commitment="strict",
        request=REQUEST.replace("NGA]", "FRA]").replace(
            "to: [FRA, FRA]", "to: [FRA]\n    against: NGA"
        ),
    )
    run = run_one(load_scenario(write(text)), 1)
    [asked] = records(run, RecordKind.REQUEST)
    assert (asked.get("against"), asked.get("reason")) == ([], "not_fighting")
    assert not records(run, RecordKind.RESPONSE)
    assert "but Nigeria was not fighting it that day" in render_text(run, "en")
    assert "mais aucun combat n'oppose le Mali au Nigeria ce jour-là" in render_text(run, "fr")


def test_the_attacking_side_s_request_asks_nothing_and_says_so(write):
    text = WAR.format(commitment="strict", request="").replace(
        "    by: REB\n    target: MLI", "    by: MLI\n    target: REB"
    )
    ask = "  ask:\n    kind: request\n    date: 2013-01-11\n    by: MLI\n    to: [FRA]\n"
    run = run_one(load_scenario(write(text + ask)), 1)
    [asked] = records(run, RecordKind.REQUEST)
    assert asked.get("reason") == "attacker"
    assert not records(run, RecordKind.RESPONSE)
    assert "c'est le Mali qui attaque dans sa guerre" in render_text(run, "fr")
    named = run_one(load_scenario(write(text + ask + "    against: REB\n")), 1)
    assert records(named, RecordKind.REQUEST)[0].get("reason") == "attacker"


def test_the_timeline_labels_an_entry_at_a_request_in_the_figure_s_language(write):
    from matplotlib.text import Text

    from sim.present.figures import plot_timeline

    run = run_one(scenario(write), 1)
    events = [
        {"day": r.day, "kind": r.kind.value, "actor": r.actor, "target": r.target, **r.data}
        for r in run.records
    ]
    for lang, label in (("en", "on request"), ("fr", "sur demande")):
        fig = plot_timeline(events, start=run.start, days=run.days, title="t", seed=1, lang=lang)
        texts = [t.get_text() for t in fig.findobj(Text)]
        assert texts.count(label) == 2, texts  # France's and Nigeria's entries
        assert "request" not in texts


def test_a_student_playing_an_asked_state_is_asked_and_may_give_or_decline(write):
    path = write(WAR.format(commitment="behavioural", request=REQUEST))
    session, english, french = question_asked(path, "NGA", 5)
    assert session.roles[0] == "NGA"  # the asked decide first; France is no state role
    assert english["text"] == (
        "Mali is under attack by the Rebel Army and asks you for armed assistance. No treaty "
        "binds you to give it."
    )
    assert french["text"] == (
        "Le Mali est la cible d'une attaque de l'Armée rebelle et vous demande une assistance "
        "armée. Aucun traité ne vous y oblige."
    )
    assert [c["label"] for c in english["choices"]] == [
        "Give it",
        "Non-military help only",
        "Decline",
    ]
    assert [c["label"] for c in french["choices"]][::2] == ["L'apporter", "Refuser"]


def test_validate_notes_a_request_dated_before_anything_it_could_help_against(sahelsim, write):
    early = REQUEST.replace("2013-01-11", "2013-01-09")
    text = WAR.format(commitment="strict", request=early).replace("2013-01-10", "2013-01-08", 1)
    result = sahelsim("validate", str(write(text)))
    assert result.status == 0
    assert (
        "    note: request ask (2013-01-09): no invasion of MLI is scheduled on or before that "
        "day and no armed group of the scenario operates in it, so it finds nothing to help "
        "against unless the run starts a war by then"
    ) in result.out.splitlines()
    # a state's strike short of war before it is no war to help in, and the note says why
    # (Bakassi 1994); a rebel's strike gives the help an object: those who struck (§7.1)
    struck = text.replace("    date: 2013-01-10\n    by: REB", "    date: 2013-01-08\n    by: NGA")
    struck = struck.replace("    target: MLI\n", "    target: MLI\n    scale: incident\n", 1)
    said = sahelsim("validate", str(write(struck, name="struck.yaml"))).out
    assert "(an incident by a state starts no war)" in said, said
    raid = struck.replace("    by: NGA\n    target: MLI", "    by: REB\n    target: MLI")
    assert "request ask" not in sahelsim("validate", str(write(raid, name="raid.yaml"))).out
    # a group's strike on the state's forces abroad: no state struck, and the note says so
    ambush = asking(
        "An ambush abroad",
        "MLI NER RUS JAS",
        "{kind: attack, date: 2022-02-02, by: JAS, target: MLI, host: NER, scale: incident}",
        MALI_ASKS_RUSSIA,
    )
    said = sahelsim("validate", str(write(ambush, name="ambush.yaml"))).out
    assert "(a strike on its forces abroad gives nothing to help against at home)" in said, said
    assert "by a state" not in said
    on_time = sahelsim("validate", str(write(WAR.format(commitment="strict", request=REQUEST))))
    assert "request ask" not in on_time.out
    insurgency = asking("Help against an insurgency", "MLI RUS JNIM", MALI_ASKS_RUSSIA)
    assert "request ask" not in sahelsim("validate", str(write(insurgency))).out
    own_group = insurgency.replace(
        "  JNIM:\n",
        "  MAC:\n    kind: armed_group\n    name: the Front\n    name_fr: le Front\n"
        "    sources: [https://example.org/front]\n    operates_in: [MLI]\n"
        "    forces: {value: 900, year: 2022, unit: fighters, source: https://example.org/f}\n",
    )
    checked = sahelsim("validate", str(write(own_group)))
    assert checked.status == 0 and "request ask" not in checked.out


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        pytest.param(
            "to: [FRA, NGA]",
            "to: [FRA, NGR]",
            "{f}:30:15: events.ask.to.1: not a state or an outside power among this scenario's "
            "actors; got 'NGR'; expected one of FRA, NGA; did you mean 'NGA'?",
            id="unknown helper",
        ),
        pytest.param(
            "to: [FRA, NGA]",
            "to: [FRA, MLI]",
            "{f}:30:15: events.ask.to.1: MLI cannot ask itself for help; got 'MLI'; expected "
            "states or outside powers other than the one in by",
            id="asking itself",
        ),
        pytest.param(
            "by: MLI\n    to",
            "by: REB\n    to",
            "{f}:29:9: events.ask.by: not a state among this scenario's actors; got 'REB'; "
            "expected one of MLI, NGA",
            id="a rebel army asking",
        ),
        pytest.param(
            "to: [FRA, NGA]",
            "to: [FRA, NGA]\n    against: FRA",
            "{f}:31:14: events.ask.against: help cannot be asked against the state that asks, "
            "or against a helper; got 'FRA'; expected an actor other than those in by and to",
            id="against a helper",
        ),
        pytest.param(
            "to: [FRA, NGA]",
            "to: [FRA, NGA, FRA]",
            "{f}:30:20: events.ask.to.2: FRA is asked twice (first at to[0]); got 'FRA'; "
            "expected each state or power once",
            id="asked twice",
        ),
        pytest.param(
            "by: MLI\n    to",
            "by: USA\n    to",
            "{f}:29:9: events.ask.by: not a state among this scenario's actors; got 'USA'; "
            "expected one of MLI, NGA",
            id="a power of the fact base is no state: no hint to list it",
        ),
        pytest.param(
            "to: [FRA, NGA]",
            "to: [FRA, DZA]",
            "{f}:30:15: events.ask.to.1: not a state or an outside power among this scenario's "
            "actors: DZA is in the fact base but not listed under this scenario's actors; got "
            "'DZA'; expected DZA listed under actors: (a line '  DZA:'), or one of FRA, NGA",
            id="a state of the fact base not listed",
        ),
        pytest.param(
            "to: [FRA, NGA]",
            "to: [FRA, JNIM]",
            "{f}:30:15: events.ask.to.1: not a state or an outside power among this scenario's "
            "actors; got 'JNIM'; expected one of FRA, NGA",
            id="an armed group is never asked",
        ),
        pytest.param(
            "to: [FRA, NGA]",
            "to: [FRA, NGA]\n    action: intervene",
            "{f}:31:13: events.ask.action: not a valid choice; got 'intervene'; expected one of "
            "armed_assistance, non_military, support",
            id="an action a request cannot ask",
        ),
    ],
)
def test_a_wrong_request_is_refused_with_a_located_message(sahelsim, write, old, new, line):
    text = WAR.format(commitment="strict", request=REQUEST)
    assert old in text
    path = write(text.replace(old, new, 1))
    result = sahelsim("validate", str(path))
    assert result.status == 2
    assert line.format(f=path) in result.out.splitlines(), result.out
    assert "Traceback" not in result.out + result.err
