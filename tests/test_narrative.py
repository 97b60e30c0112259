"""The narrative: what a student reads about one replicate, in English and French."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from functools import cache
from pathlib import Path

import pytest
from conftest import UNNAMED

from sim.model.model import whole_parts
from sim.model.records import RecordKind
from sim.present.catalogue import MESSAGES
from sim.present.i18n import (
    Lang,
    UnknownMessageError,
    actor_name,
    actor_phrase,
    date_text,
    number,
    percent,
    phrase_forms,
    t,
)
from sim.present.narrative import narrative, render_text
from sim.run.replicate import run_one
from sim.scenario.loading import load_scenario

BLIND = Path(__file__).resolve().parent.parent / "docs" / "blind"
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
QUOTED = re.compile(r"«[^»]*»")  # scenario titles and notes, quoted as written (in English)


@cache
def run(name: str, seed: int, *overrides: str):
    scenario = load_scenario(name, list(overrides)) if overrides else load_scenario(name)
    return run_one(scenario, seed)


def strict_flagship():
    return run("niger-2023-intervention", 1, "commitment=strict")


SAMPLE_RUNS = [
    ("niger-2023-intervention", 1, "commitment=strict"),
    ("niger-2023-intervention", 3),
    ("niger-2023-base", 1),
    ("niger-2023-base", 3),
    ("gambia-2017", 4),
    ("mali-algeria-2025", 4),
    ("aes-insurgency", 1),
    ("g5-sahel-2017", 1),
    # Permissions and consensus (Art. 25, Art. 45), belligerents, backers and allies, a coup by
    # a faction, a junta that gives in:
    ("scenarios/history/guinea-2008.yaml", 3),
    ("scenarios/history/liberia-1990.yaml", 2),
    ("scenarios/history/sierra-leone-1997.yaml", 2),
    ("scenarios/history/guinea-bissau-2012.yaml", 5, "parameters.concession_rate=1"),
    # A threat naming no contributors, which members pledged to and one declined:
    ("scenarios/history/gambia-2017-ultimatum.yaml", 6, UNNAMED),
]
TRUCE = (
    "scenarios/history/sierra-leone-1997.yaml",
    3,  # two truces broken, then the junta capitulates (seed 2 has it capitulate at once)
    "parameters.mediation_rate=0.5",
    "parameters.truce_breakdown_rate=0.05",
)
"""Sierra Leone with ripe wars mediated often and truces that break down often."""
SAMPLE_RUNS.append(TRUCE)


def lines_with(text: str, *needles: str) -> list[str]:
    return [line for line in text.splitlines() if all(n in line for n in needles)]


# ---------------------------------------------------------------------- the flagship


def test_strict_flagship_says_mali_and_burkina_entered_under_art_6_on_18_sep_2023():
    text = render_text(strict_flagship(), "en")
    for state in ("Mali", "Burkina Faso"):
        [line] = lines_with(text, f"{state} entered the war")
        assert line.startswith("18 Sep 2023")
        assert "on Niger's side" in line
        assert "under Art. 6 of the Liptako-Gourma Charter" in line
        assert "against ECOWAS" in line


def test_strict_flagship_says_the_pledge_is_kept_as_written():
    text = render_text(strict_flagship(), "en")
    [line] = lines_with(text, "Mali honoured its obligation of armed assistance")
    assert "In strict mode, the pledge is kept as written." in line


def test_strict_flagship_in_french_uses_articles_and_cites_the_charter():
    text = render_text(strict_flagship(), "fr")
    for state in ("Le Mali", "Le Burkina Faso"):
        [line] = lines_with(text, f"{state} entre en guerre")
        assert line.startswith("18 sept. 2023")
        assert "aux côtés du Niger, au titre de l'art. 6 de la Charte du Liptako-Gourma" in line
        assert "contre la CEDEAO" in line
    assert "il incombe au Mali de prêter assistance armée au Niger" in text


def test_the_same_run_renders_identically_twice():
    first = strict_flagship()
    assert render_text(first, "en") == render_text(first, "en")
    assert narrative(first, "fr") == narrative(first, "fr")
    # A fresh replicate with the same seed tells the same story.
    again = run_one(load_scenario("niger-2023-intervention", ["commitment=strict"]), 1)
    assert render_text(again, "fr") == render_text(first, "fr")


# ---------------------------------------------------------------------- reasons


def test_a_behavioural_abstention_gives_its_probability_draw_and_terms():
    record, paragraph = next(
        (r, p)
        for replicate in (run("niger-2023-intervention", seed) for seed in range(60))
        for r, p in zip(replicate.records, narrative(replicate, "en")[1:], strict=False)
        if r.kind is RecordKind.RESPONSE and r.get("response") == "abstained"
    )
    assert paragraph.kind is RecordKind.RESPONSE
    match = re.search(r"Probability of honouring ([\d.]+)%; draw ([\d.]+)", paragraph.text)
    assert match, paragraph.text
    assert float(match[1]) / 100 == pytest.approx(record.get("probability"), abs=0.005)
    assert float(match[2]) == pytest.approx(record.get("draw"), abs=0.005)
    assert float(match[2]) > float(match[1]) / 100  # the draw fell above the probability
    assert paragraph.text.count("(log-odds ") >= 2


def test_a_cost_term_says_which_way_it_pulled():
    """A reader read "expected cost (log-odds +0.50)" as a cost that raised the chance of
    honouring: a light cost pulls toward acting, a heavy one away, and the words say which."""
    told = 0
    for replicate in (
        run(name, seed) for name in ("g5-sahel-2017", "mali-algeria-2025") for seed in range(10)
    ):
        for r, p in zip(replicate.records, narrative(replicate, "en")[1:], strict=False):
            contribution = (r.get("terms") or {}).get("expected cost (log-odds)")
            if r.kind is not RecordKind.RESPONSE or not contribution:
                continue
            if "expected cost" not in p.text:
                continue  # not among the largest terms
            light = "light expected cost (log-odds +" in p.text
            heavy = "heavy expected cost (log-odds \u2212" in p.text
            assert light if contribution > 0 else heavy, p.text
            told += 1
    assert told


ARMY = "actors.NER.forces=20000"
"""The lower estimate of Niger's army (Lesson 1): ECOWAS attacks in most replicates, so its
decisions are told."""


def test_a_decision_to_attack_gives_the_balance_of_forces_and_the_draw():
    # The first seed on which ECOWAS attacks: which one it is depends on the model's numbers.
    attacked = next(
        r
        for r in (run("niger-2023-base", seed, ARMY) for seed in range(1, 200))
        if r.summary["war_occurred"]
    )
    text = render_text(attacked, "en")
    [line] = lines_with(text, "ECOWAS decided to attack Niger")
    assert "Balance of forces" in line and "expected help of Mali" in line
    assert "Expected losses" in line and "refused at home in Nigeria" in line
    # Its readiness, as a day's chance or, on the deadline, as the chance of doing as it said.
    said = "Readiness to use force" in line or "a chance equal to its readiness" in line
    assert said and "draw" in line


def test_the_outside_bodies_behind_a_decision_are_counted_in_good_grammar():
    """The OAU and the UN Security Council backed the restoration in Sierra Leone (1997): two
    bodies; with the Council's stand left out, one body, in English and in French."""
    sierra_leone = "scenarios/history/sierra-leone-1997.yaml"
    both = render_text(run(sierra_leone, 1), "en")
    assert lines_with(both, "Nigeria decided to attack", "backed by 2 outside bodies on balance")
    one = run(sierra_leone, 1, "events.unsc-backs-restoration.enabled=false")
    assert lines_with(
        render_text(one, "en"), "Nigeria decided to attack", "backed by one outside body on balance"
    )
    assert "par une instance extérieure." in render_text(one, "fr")


def test_a_no_war_replicate_of_the_base_scenario_says_ecowas_stood_down():
    replicate = run("niger-2023-base", 1)
    assert not replicate.summary["war_occurred"]
    text = render_text(replicate, "en")
    assert lines_with(text, "ECOWAS stood down")
    closing = text.splitlines()[-1]
    assert "No war was fought." in closing
    assert "not a forecast" in closing
    assert "La CEDEAO renonce" in render_text(replicate, "fr")


def _waited(scenario: str):
    """The first replicate in which ECOWAS lets its deadline pass, may still attack, and does not."""
    for seed in range(1, 200):
        r = run(scenario, seed)
        passed = [x for x in r.records if x.kind is RecordKind.DEADLINE_PASSED]
        if passed and passed[0].get("daily") >= 1e-4 and not r.summary["war_occurred"]:
            return r
    raise AssertionError(f"no such replicate of {scenario}")


def test_the_deadline_day_is_told_when_it_passes_without_an_attack():
    # Lesson 1 asks the class to watch 24 August 2023, the deadline of every Niger scenario: the
    # story must say something that day.
    replicate = _waited("lesson-1-does-the-pledge-deter")
    [passed] = [r for r in replicate.records if r.kind is RecordKind.DEADLINE_PASSED]
    assert passed.day == 14 and not replicate.summary["war_occurred"]
    [line] = lines_with(render_text(replicate, "en"), "24 Aug 2023 — The deadline ECOWAS had set")
    assert "for Niger came and passed without an attack" in line and "Balance of forces" in line
    assert "An attack remains possible, at a chance of " in line and "a day, until 22 Sep" in line
    [french] = lines_with(render_text(replicate, "fr"), "24 août 2023 — L'échéance fixée par")
    assert "la CEDEAO au Niger arrive et passe sans attaque" in french
    assert "jusqu'au 22 sept. 2023" in french
    # the chance on the day was the readiness; the daily chance after it is smaller
    assert passed.get("probability") == passed.get("readiness") > passed.get("daily") > 0


def test_a_deadline_after_which_an_attack_is_all_but_ruled_out_is_not_called_possible():
    """ "An attack remains possible, at a chance of 0.00% a day" read as a contradiction: below
    the smallest share the story writes, it says the window stays open at a chance below it."""
    told = _waited("lesson-1-does-the-pledge-deter")  # cached: changed on a copy only
    records = [
        dataclasses.replace(r, data={**r.data, "daily": 1e-7})
        if r.kind is RecordKind.DEADLINE_PASSED
        else r
        for r in told.records
    ]
    replicate = dataclasses.replace(told, records=records)
    [line] = lines_with(render_text(replicate, "en"), "The deadline ECOWAS had set")
    assert "remains possible" not in line and "0.00%" not in line
    assert (
        "Its window stays open until 22 Sep 2023, at a chance of an attack below 0.01% a day"
        in line
    )
    [french] = lines_with(render_text(replicate, "fr"), "L'échéance fixée par")
    assert "inférieure à 0,01\u202f% par jour" in french


def test_a_retaliation_not_taken_on_its_first_day_is_not_called_a_deadline():
    # Mali set Algeria no deadline in 2025: its window opened with Algeria's shoot-down
    text = render_text(run("mali-algeria-2025", 1), "en")
    [line] = lines_with(text, "1 Apr 2025 — Mali did not retaliate against Algeria on the first")
    assert "That day, the chance of a war was" in line and "deadline" not in line
    # why the chance is below the readiness: most incidents never become wars
    assert "the share of incidents answered with war" in line
    # Mali is the side that would strike back, not the attackers of the shoot-down
    assert "Strength of the side that would strike back:" in line
    assert "attackers" not in line.split("Expected opposition")[0]


def test_a_deadline_met_by_an_attack_is_not_also_said_to_have_passed():
    for seed in range(1, 40):
        replicate = run("lesson-1-does-the-pledge-deter", seed)
        kinds = {r.kind: r for r in replicate.records}
        decided = kinds.get(RecordKind.ATTACK_DECIDED)
        if decided is not None and decided.get("deadline"):
            assert RecordKind.DEADLINE_PASSED not in kinds
            return
    pytest.fail("no replicate of lesson 1 in 40 attacked on the deadline")


def test_a_war_ending_says_how_and_the_closing_gives_the_outcome():
    replicate = run("niger-2023-intervention", 1, "commitment=strict")
    text = render_text(replicate, "en")
    [line] = lines_with(text, "The war between ECOWAS and Niger ended after")
    assert "Losses:" in line
    days = replicate.summary["war_days"]
    assert f"lasted {days} days" in text.splitlines()[-1]


def test_a_rebellion_gives_strength_against_start_and_threshold():
    text = render_text(run("aes-insurgency", 1), "en")
    [line] = lines_with(text, "Armed rebellion in Burkina Faso")
    assert "fighters" in line and "threshold of 1.5 times" in line


# ---------------------------------------------------------------------- every paragraph


@pytest.mark.parametrize("spec", SAMPLE_RUNS, ids=lambda s: "-".join(map(str, s)))
def test_every_record_is_told_and_dated_within_the_horizon(spec):
    replicate = run(*spec)
    end = replicate.start + dt.timedelta(days=replicate.days)
    for lang in Lang:
        paragraphs = narrative(replicate, lang)
        assert len(paragraphs) == len(replicate.records) + 2  # opening, records, closing
        lines = render_text(replicate, lang).splitlines()
        assert len(lines) == len(paragraphs)
        for paragraph, line in zip(paragraphs, lines, strict=True):
            assert replicate.start <= paragraph.date <= end
            assert line.startswith(date_text(paragraph.date, lang) + " — ")
            assert paragraph.text and "{" not in paragraph.text
            assert not paragraph.text.startswith(("Record “", "Enregistrement «"))


# ---------------------------------------------------------------------- French


def test_every_message_has_english_and_french_with_the_same_roles():
    for msg_id, entry in MESSAGES.items():
        assert set(entry) == {"en", "fr"}, msg_id
        # Forms differ ("{actor_poss}" / "{actor_de}"); the roles a sentence names do not.
        roles = {
            lang: {name.split("_")[0].lower() for name in PLACEHOLDER.findall(text)}
            for lang, text in entry.items()
        }
        assert roles["en"] == roles["fr"], msg_id


def english_fixed_phrases() -> set[str]:
    """Every run of two or more English words a template writes, that French does not share."""
    phrases = set()
    for entry in MESSAGES.values():
        for piece in PLACEHOLDER.split(entry["en"])[::2]:
            piece = piece.strip(" .,:;()“”—")
            if " " in piece and len(piece) >= 8 and piece not in entry["fr"]:
                phrases.add(piece)
    return phrases


@pytest.mark.parametrize("spec", SAMPLE_RUNS, ids=lambda s: "-".join(map(str, s)))
def test_french_text_holds_no_english_catalogue_text(spec):
    phrases = english_fixed_phrases()
    english = render_text(run(*spec), "en")
    assert any(p in english for p in phrases)  # the check below can see English
    french = QUOTED.sub("«»", render_text(run(*spec), "fr"))
    assert " entered the war " not in french and " the " not in french
    assert sorted(p for p in phrases if p in french) == []


# ---------------------------------------------------------------------- words and numbers


def test_unknown_message_id_raises_a_clear_key_error():
    with pytest.raises(UnknownMessageError, match="no-such-message"):
        t("no-such-message", "en")
    with pytest.raises(KeyError):
        t("no-such-message", Lang.FR)


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language"):
        render_text(strict_flagship(), "de")


def test_dates_and_percentages_in_each_language():
    assert date_text(dt.date(2023, 8, 25), "en") == "25 Aug 2023"
    assert date_text(dt.date(2023, 8, 25), "fr") == "25 août 2023"
    assert date_text(dt.date(2023, 9, 18), "fr") == "18 sept. 2023"
    assert date_text(dt.date(2024, 1, 1), "fr") == "1er janv. 2024"
    assert percent(0.78, "en") == "78%"
    assert percent(0.78, "fr") == "78\u202f%"  # a thin no-break space


def test_names_come_with_the_right_french_article():
    assert actor_name("MLI", "en") == "Mali"
    assert actor_name("ECOWAS", "fr") == "CEDEAO"
    assert actor_name("XYZ", "fr") == "XYZ"  # unknown: the id, without article
    expected = {
        "MLI": "le Mali",
        "BFA": "le Burkina Faso",
        "CIV": "la Côte d'Ivoire",
        "DZA": "l'Algérie",
        "RUS": "la Russie",
        "FRA": "la France",
        "USA": "les États-Unis",
        "ECOWAS": "la CEDEAO",
        "AES": "l'AES",
        "XYZ": "XYZ",
    }
    assert {a: actor_phrase(a, "fr") for a in expected} == expected
    forms = phrase_forms("actor", ["les États-Unis"], "fr")
    assert (forms["Actor"], forms["actor_de"], forms["actor_a"], forms["actor_nt"]) == (
        "Les États-Unis",
        "des États-Unis",
        "aux États-Unis",
        "nt",
    )
    assert phrase_forms("target", ["l'Algérie"], "fr")["target_en"] == "en Algérie"


def test_a_stand_down_says_why_with_the_balance_it_weighed():
    replicate = run("niger-2023-base", 1)
    [line] = lines_with(render_text(replicate, "en"), "ECOWAS stood down")
    assert "Balance of forces" in line and "Expected losses" in line
    assert "readiness to use force was" in line
    [ligne] = lines_with(render_text(replicate, "fr"), "La CEDEAO renonce")
    assert "Rapport de forces" in ligne and "disposition à employer la force" in ligne


def test_a_threat_naming_no_contributors_says_who_pledged_troops_and_who_did_not():
    """The Gambia 2017 with ECOWAS naming no contributors: in the first replicate where some
    members pledge and some do not, the story names each on its side, in both languages."""
    for seed in range(40):
        replicate = run("scenarios/history/gambia-2017-ultimatum.yaml", seed, UNNAMED)
        threat = next(r for r in replicate.records if r.kind is RecordKind.THREAT)
        pledged = list(threat.get("attackers") or [])
        declined = [m for m in threat.get("asked") or {} if m not in pledged]
        if len(pledged) > 1 and declined:
            break
    else:
        pytest.fail("no replicate where some members pledged and others did not")
    english = lines_with(render_text(replicate, "en"), "naming no contributors")
    said, _, refused = english[0].partition(" pledged troops, ")
    assert all(actor_name(m, "en") in said for m in pledged), english[0]
    assert all(actor_name(m, "en") in refused.partition(" did not")[0] for m in declined)
    assert not any(actor_name(m, "en") in said for m in declined), english[0]
    french = lines_with(render_text(replicate, "fr"), "sans désigner de contributeurs")
    said, _, refused = french[0].partition(" à fournir des troupes, ")
    assert all(actor_phrase(m, "fr") in said for m in pledged), french[0]
    assert all(actor_phrase(m, "fr") in refused.partition(" non ;")[0] for m in declined)


def test_a_truce_that_broke_down_is_told_with_its_chance_in_both_languages():
    """A student reads that the ceasefire broke down, after how long, and why it was likely."""
    replicate = run(*TRUCE)
    resumed = [r for r in replicate.records if r.kind is RecordKind.WAR_RESUMED]
    assert resumed
    english = lines_with(render_text(replicate, "en"), "broke down after")
    french = lines_with(render_text(replicate, "fr"), "est rompu après")
    assert len(english) == len(french) == len(resumed)
    days = resumed[0].get("truce_days")
    assert f"after {days} day" in english[0] and f"après {days} jour" in french[0]
    mediated = lines_with(render_text(replicate, "en"), "brokered a ceasefire", "ripe for it")
    assert mediated, "a mediation says how ripe the war was"


@pytest.mark.parametrize(
    ("stake", "loser", "english_says", "french_says"),
    [
        ("overthrow_factor", "LBR", "meant its overthrow", "signifie son renversement"),
        (
            "disarm_factor",
            "NPFL",
            "laying down its arms at its enemy's mercy",
            "déposer les armes à la merci de l'ennemi",
        ),
    ],
    ids=["the government's overthrow", "the rebels' disarming"],
)
def test_a_side_of_a_civil_war_that_gives_up_is_told_what_it_staked(
    stake, loser, english_says, french_says
):
    """Liberia 1990: in the first replicate where Doe's government capitulates to the NPFL, or
    the NPFL (backed by Burkina Faso and Côte d'Ivoire) to the government, the story says why
    that side held out so long, in both languages."""
    for seed in range(60):
        replicate = run(
            "scenarios/history/liberia-1990.yaml", seed, "parameters.handover_concession_factor=0.5"
        )
        ended = [
            r
            for r in replicate.records
            if r.kind is RecordKind.WAR_ENDED and stake in (r.get("terms") or {})
        ]
        if ended:
            break
    else:
        pytest.fail(f"{loser} never capitulated in its civil war")
    assert ended[0].get("loser") == loser
    assert ended[0].get("terms")[stake] == 0.5
    english = lines_with(render_text(replicate, "en"), english_says)
    french = lines_with(render_text(replicate, "fr"), french_says)
    assert len(english) == len(french) == len(ended)
    assert "to 50% of the usual" in english[0] and "à 50\u202f% de l'ordinaire" in french[0]


LOSSES = re.compile(r"Losses: ([\d,]+) on the attacking side, ([\d,]+) on the defending side")
CASUALTIES = re.compile(r"Military casualties: ([\d,]+)\.")


@pytest.mark.parametrize("name", ["gambia-2017", "gambia-1981", "guinea-bissau-1998"])
def test_a_single_war_s_losses_add_up_to_the_run_s_military_casualties(name):
    """The story's sides' losses and its closing total are one count, rounded once: "106 on
    the attacking side, 5 on the defending side" then "112 military casualties" contradicts
    itself."""
    checked = 0
    for seed in range(12):
        kept = run(name, seed)
        text = render_text(kept)
        sides = LOSSES.findall(text)
        wars = {r.data["war"] for r in kept.records if r.kind is RecordKind.WAR_STARTED}
        resumed = any(r.kind is RecordKind.WAR_RESUMED for r in kept.records)
        if len(sides) != 1 or len(wars) != 1 or resumed:
            continue  # one war, ended once and for good: its losses are the run's casualties
        total = int(CASUALTIES.findall(text)[-1].replace(",", ""))
        attackers, defenders = (int(x.replace(",", "")) for x in sides[0])
        assert attackers + defenders == total, (seed, sides[0], total)
        checked += 1
    assert checked >= 3, "the scenario gave too few single wars to check"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_scripted_suspension_the_run_already_made_is_told_as_a_confirmation(lang):
    """Côte d'Ivoire 2010: ECOWAS's Art. 45 decision may suspend Gbagbo's government on
    4 Dec, before the summit's suspension of 7 Dec that the scenario scripts; the story does
    not suspend it twice."""
    confirmed = {"en": "confirmed Côte d'Ivoire's suspension", "fr": "confirme la suspension"}
    told = {True: 0, False: 0}
    for seed in range(10):
        kept = run("cote-divoire-2010", seed)
        suspensions = [r for r in kept.records if r.kind is RecordKind.MEMBERSHIP]
        decided = any(r.get("pact") for r in suspensions[:-1])
        scripted = suspensions[-1]
        assert scripted.get("event") == "ecowas-suspends-civ"
        assert bool(scripted.get("already")) is decided
        body = {"en": "ECOWAS", "fr": "CEDEAO"}[lang]
        line = next(
            p.text for p in narrative(kept, lang) if p.day == scripted.day and body in p.text
        )
        assert (confirmed[lang] in line) is decided, line
        told[decided] += 1
    assert told[True] and told[False], "both cases were seen"


@pytest.mark.parametrize(
    "losses",
    [[106.4, 5.4], [105.6, 5.6], [0.5, 0.5], [2.45, 0.0], [83.45052765053367, 0.0], [0.0, 0.0]],
)
def test_a_war_s_losses_are_whole_numbers_adding_up_to_the_total_told(losses):
    """Each side's losses as recorded are within one of the real figure, and together they are
    the total rounded as the run's casualties are (to a tenth in the summary, then whole)."""
    parts = whole_parts(losses)
    assert sum(parts) == round(round(sum(losses), 1))
    assert all(abs(p - v) < 1 for p, v in zip(parts, losses, strict=True))


def test_a_french_number_is_written_one_way_and_never_breaks_across_lines():
    assert number(18064, "fr") == "18\u202f064"
    assert percent(0.061, "fr", 1) == "6,1\u202f%"
    assert percent(-0.004, "fr", 1, signed=True) == "−0,4\u202f%"
    assert number(18064, "en") == "18,064" and percent(0.061, "en", 1) == "6.1%"


def test_a_vote_on_a_measure_against_the_offender_names_the_offender(write, sahelsim):
    """Liberia's raid on Guinea (September 2000) puts intervention against Liberia to ECOWAS's
    vote under the 1999 Mechanism: the vote is about Liberia, not the state it struck."""
    path = write(
        "title: A raid on Guinea\nstart: 2000-09-01\ndays: 3\ncommitment: behavioural\n"
        "actors:\n  GIN:\n  LBR:\n  NGA:\n  GHA:\n  SEN:\npacts:\n  ecowas-mechanism-1999:\n"
        "events:\n  raid:\n    kind: attack\n    scale: incident\n    date: 2000-09-01\n"
        "    by: LBR\n    target: GIN\n"
    )
    english = sahelsim("explain", str(path), "--seed", "1").out
    [line] = lines_with(english, "ECOWAS voted", "intervention by force")
    assert "against Liberia" in line and "Guinea" not in line  # a measure against, not toward
    french = sahelsim("explain", str(path), "--seed", "1", "--lang", "fr").out
    [line] = lines_with(french, "La CEDEAO vote", "intervention armée")
    assert "contre le Libéria" in line


BORDER_CLASH = """\
title: A border clash
start: 2015-11-15
days: 60
actors:
  NGA:
  BEN:
  FN:
    kind: belligerent
    name: the Northern Fighters
    name_fr: les Combattants du Nord
    in: BEN
    sources: ["https://example.org"]
    forces: {value: 40, year: 2015, unit: fighters, source: "https://example.org"}
events:
  rising:
    kind: attack
    date: 2015-11-16
    by: FN
    target: BEN
  clash:
    kind: attack
    scale: incident
    date: 2015-11-20
    by: BEN
    target: NGA
  again:
    kind: attack
    scale: incident
    date: 2015-11-21
    by: BEN
    target: NGA
  truce:
    kind: ceasefire
    date: 2016-01-05
    between: [BEN, NGA]
parameters:
  incident_escalation: 1
"""
"""Benin's rebels rise, Benin strikes Nigeria twice, and a ceasefire follows: with seed 1,
Nigeria answers the first strike with a war that is over before the ceasefire (every incident
a victim judges worth a war becomes one, so that the war is sure)."""


def test_what_readers_found_unclear_is_told_plainly_in_both_languages(write, sahelsim):
    """Found by readers who wrote crises by hand (Agacher 1974, The Gambia 2014): a victim of an
    incident set no deadline; a strike by a state already at war with its target is that war
    going on, not a new incident; a ceasefire with no war to end is still told; a rebel band
    fights with fighters, not troops; and a run without armed groups says nothing of a
    counter-insurgency."""
    path = write(BORDER_CLASH)
    english = sahelsim("explain", str(path), "--seed", "1").out
    french = sahelsim("explain", str(path), "--seed", "1", "--lang", "fr").out
    assert "It was the first day it could answer the incident" in english
    assert "Premier jour possible pour répondre à l'incident" in french
    assert "The deadline had come" not in english and "L'échéance est arrivée" not in french
    assert "Benin attacked Nigeria again, in the war already under way between them." in english
    assert english.count("Incident: Benin attacked Nigeria") == 1
    assert "A ceasefire was agreed between Benin and Nigeria, with no war" in english
    assert "Un cessez-le-feu est conclu entre le Bénin et le Nigeria, sans guerre" in french
    assert "attacked Benin with 40 fighters. Benin defended with 4,350 troops." in english
    assert (
        "attaquent le Bénin avec 40 combattants. Le Bénin oppose 4\u202f350 militaires à l'attaque."
        in french
    )
    assert "Counter-insurgency" not in english and "contre-insurrection" not in french
    # Nigeria weighed 32,500 and sent a contingent of a few thousand: the story says why
    assert "attacked Benin with" in english and "That was a first contingent" in english
    assert "C'est un premier contingent" in french
    # what a "draw" is, said once, for readers new to the numbers
    assert "the choice was made when the draw fell below the chance" in english
    assert "le choix est fait quand le tirage tombe sous la probabilité" in french


def test_a_state_is_named_as_it_was_on_the_day(write, sahelsim):
    """A story of 1984 says Upper Volta until the renaming of 4 August 1984, Burkina Faso after,
    with the French articles each name takes (la Haute-Volta, le Burkina Faso)."""
    text = (
        "title: Across the renaming\nstart: 1984-07-30\ndays: 12\n"
        "actors:\n  MLI:\n    regime: military\n  BFA:\n    regime: military\n"
        "events:\n"
        "  before:\n    kind: attack\n    scale: incident\n    date: 1984-08-01\n"
        "    by: MLI\n    target: BFA\n"
        "  after:\n    kind: attack\n    scale: incident\n    date: 1984-08-08\n"
        "    by: MLI\n    target: BFA\n"
    )
    path = write(text)
    english = sahelsim("explain", str(path), "--seed", "1").out
    french = sahelsim("explain", str(path), "--seed", "1", "--lang", "fr").out
    assert "1 Aug 1984 — Incident: Mali attacked Upper Volta, short of war." in english
    assert "8 Aug 1984 — Incident: Mali attacked Burkina Faso, short of war." in english
    assert "Incident : le Mali frappe la Haute-Volta, sans aller" in french
    assert "Incident : le Mali frappe le Burkina Faso, sans aller" in french
    assert actor_phrase("BFA", "fr") == "le Burkina Faso"  # outside a story: its present name


def test_a_deployment_s_note_is_told_as_every_event_s(write, sahelsim):
    """A reader's note on France's advisers already in Cameroon went untold: a scheduled
    deployment's note is told like an attack's or a request's."""
    text = (
        "title: Advisers\nstart: 2024-03-01\ndays: 5\nactors:\n  BFA:\n  RUS:\nevents:\n"
        "  advisers:\n    kind: deployment\n    date: 2024-03-02\n    power: RUS\n"
        "    host: BFA\n    strength: 50\n    note: Fifty more instructors.\n"
    )
    told = sahelsim("explain", str(write(text)), "--seed", "1").out
    [line] = lines_with(told, "Russia deployed 50 troops to Burkina Faso")
    assert "Scenario note: Fifty more instructors." in line


def test_an_armed_group_beaten_by_an_offensive_is_told_withdrawing_not_capitulating():
    """Chad 2024, written blind: Boko Haram, worn down by Chad's offensive after Barkaram, gives
    up the ground, not its arms; the story says its fighters withdrew, in both languages, and
    a rebel army beaten the same way is still told capitulating (the test above)."""
    path = str(BLIND / "readerQ" / "chad-2024.yaml")
    for seed in range(20):
        replicate = run(path, seed)
        ended = [
            r
            for r in replicate.records
            if r.kind is RecordKind.WAR_ENDED and r.get("reason", "").startswith("capitulation")
        ]
        if ended:
            break
    else:
        pytest.fail("Boko Haram never gave up the fight in Chad's offensive")
    assert ended[0].get("loser") == "JAS"
    english, french = render_text(replicate, "en"), render_text(replicate, "fr")
    assert (
        len(lines_with(english, "the fighters of Boko Haram broke off the fight and withdrew")) == 1
    )
    assert len(lines_with(french, "les combattants de Boko Haram rompent le combat")) == 1
    assert "capitulated" not in english and "capitule" not in french


def test_a_file_s_own_boko_haram_written_as_a_rebel_army_is_told_capitulating(write):
    """A reader may write Boko Haram as a rebel army (five blind files do): the story follows the
    file's kind, not the fact base's, and tells its capitulation as a rebel army's."""
    text = """\
title: A rebel army from abroad invades and gives up
start: 2016-06-01
days: 120
actors:
  NER:
  NGA:
  JAS:
    kind: belligerent
    name: the Rebel Army
    name_fr: l'Armée rebelle
    sources: [https://example.org/r]
    in: NGA
    forces: {value: 400, year: 2016, unit: fighters, source: https://example.org/f}
events:
  invasion: {kind: attack, date: 2016-06-03, by: JAS, target: NER}
"""
    replicate = run_one(load_scenario(write(text)), 1)
    [ended] = [r for r in replicate.records if r.kind is RecordKind.WAR_ENDED]
    assert ended.get("reason", "").startswith("capitulation") and ended.get("loser") == "JAS"
    english = render_text(replicate, "en")
    assert "capitulated under war weariness" in english and "broke off the fight" not in english


@cache
def war_after_a_truce():
    """A replicate of the flagship whose first war was fought again after a truce broke down."""
    for seed in range(40):
        replicate = run("niger-2023-intervention", seed)
        first = next((r for r in replicate.records if r.kind is RecordKind.WAR_STARTED), None)
        resumed = [
            r
            for r in replicate.records
            if r.kind is RecordKind.WAR_RESUMED and first and r.get("war") == first.get("war")
        ]
        if resumed:
            return replicate, sum(r.get("truce_days") for r in resumed)
    raise AssertionError("no truce broke down in 40 replicates")


@pytest.mark.parametrize(
    ("lang", "length"),
    [
        ("en", "{days} days ({truce} of them under a truce)"),
        ("fr", "{days} jours (dont {truce} de trêve)"),
    ],
)
def test_a_war_s_length_says_how_much_of_it_was_truce(lang, length):
    """A story said "la guerre a duré 297 jours" when 268 of them were truce: the war's end,
    the closing and the class's comparison of worlds give both; the summary's length stays."""
    from sim.present.classroom.views import _first_war_length

    replicate, truce = war_after_a_truce()
    days = replicate.summary["war_days"]
    said = length.format(days=number(days, lang), truce=number(truce, lang))
    told = narrative(replicate, lang)
    assert said in told[-1].text  # the closing
    assert days > truce > 0  # the length is the summary's, truce included
    ends = [p for p in told if p.kind is RecordKind.WAR_ENDED]
    if replicate.summary["first_war_outcome"] != "ongoing":
        assert any(said in p.text for p in ends)
    assert _first_war_length(replicate, lang) == said
