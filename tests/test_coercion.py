"""The choice to use force as coercion: readiness, its terms, the target's concession.

Directions a user relies on: a threat held open longer is never less likely to be carried out;
a refusal at home, an opposition abroad or a higher expected cost never makes force likelier;
an endorsement never makes it less likely; a more resolute target never gives in more often.
The expected cost comes from the model's own combat: checked against a noiseless duel.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from conftest import FIGURE, NIGER_AT_THE_EDGE, UNNAMED, readiness_on

from sim.model import players
from sim.model.intent import assess_attack, expected_days, expected_losses
from sim.model.model import SahelModel
from sim.model.records import RecordKind
from sim.model.world import build_world
from sim.present.narrative import render_text
from sim.resources import scenarios_dir
from sim.run.replicate import run_one
from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario
from sim.scenario.vocabulary import Regime

BASE = "niger-2023-base"
SEEDS = range(1, 25)


def _attacked(scenario, seed: int) -> bool:
    return any(r.kind is RecordKind.ATTACK_DECIDED for r in run_one(scenario, seed).records)


def test_a_threat_held_open_longer_is_never_less_likely_to_be_carried_out():
    # A junta that never gives in keeps each threat open to the end of its window; Niger's army
    # alone puts ECOWAS near its decision, where a longer window can matter.
    defiant = [NIGER_AT_THE_EDGE, "parameters.concession_rate=0"]
    short = load_scenario(BASE, [*defiant, "parameters.decision_window=10"])
    long = load_scenario(BASE, [*defiant, "parameters.decision_window=90"])
    carried = [(_attacked(short, s), _attacked(long, s)) for s in SEEDS]
    assert all(b or not a for a, b in carried), "on the same seeds, the longer window loses none"
    assert sum(b for _, b in carried) > sum(a for a, _ in carried), "and gains some"


def test_a_refusal_at_home_lowers_readiness_and_says_so():
    with_refusal, terms = readiness_on([])
    without, plain = readiness_on(["events.nigeria-senate.enabled=false"])
    assert with_refusal < without
    assert terms["refused at home"] == ["NGA"] and "refused at home" not in plain


# The bundled scenario carries the Security Council's and the AU PSC's stands of 28 Jul 2023;
# these tests start from a world without them.
NO_STANDS = [
    "events.unsc-backs-restoration.enabled=false",
    "events.psc-backs-restoration.enabled=false",
]


def test_the_bundled_niger_threat_is_backed_by_two_bodies_once_each():
    _, terms = readiness_on([])
    assert terms["endorsements"] == 2


@pytest.mark.parametrize(("stance", "higher"), [("endorse", True), ("oppose", False)])
def test_an_outside_body_s_stand_moves_readiness_its_way(stance, higher):
    event = (
        "{kind: endorsement, date: 2023-08-14, body: au_psc, by: ECOWAS, target: NER, "
        f"stance: {stance}}}"
    )
    stood, terms = readiness_on([*NO_STANDS, f"events.psc={event}"])
    plain, _ = readiness_on(NO_STANDS)
    assert (stood > plain) is higher
    assert terms["endorsements"] == (1 if higher else -1)


def _stand(key: str, day: str, body: str, stance: str) -> str:
    return (
        f"events.{key}={{kind: endorsement, date: 2023-08-{day}, body: {body}, by: ECOWAS, "
        f"target: NER, stance: {stance}}}"
    )


def test_each_outside_body_counts_once_by_its_latest_stand():
    once, terms = readiness_on([*NO_STANDS, _stand("a", "11", "unsc", "endorse")])
    # The same body saying it again is the same backing (the UNSC on The Gambia, three times)
    again, terms_again = readiness_on(
        [*NO_STANDS, _stand("a", "11", "unsc", "endorse"), _stand("b", "12", "unsc", "endorse")]
    )
    assert again == once and terms_again["endorsements"] == terms["endorsements"] == 1
    # a second body is a second backer
    both, terms_both = readiness_on(
        [*NO_STANDS, _stand("a", "11", "unsc", "endorse"), _stand("b", "12", "au_psc", "endorse")]
    )
    assert both > once and terms_both["endorsements"] == 2
    # a body that turns against force replaces its earlier backing
    turned, terms_turned = readiness_on(
        [*NO_STANDS, _stand("a", "11", "au_psc", "endorse"), _stand("b", "12", "au_psc", "oppose")]
    )
    assert turned < once and terms_turned["endorsements"] == -1


def test_a_heavier_expected_cost_never_makes_force_likelier():
    light, _ = readiness_on(["parameters.force_cost_weight=0"])
    heavy, terms = readiness_on(["parameters.force_cost_weight=5"])
    assert terms["expected losses"] > 0
    assert heavy <= light


def test_a_longer_expected_war_never_makes_force_likelier():
    undecided = ["parameters.intent_spread=3"]  # readiness well inside (0, 1): a real move
    patient, _ = readiness_on([*undecided, "parameters.time_cost_weight=0"])
    counting, terms = readiness_on([*undecided, "parameters.time_cost_weight=5"])
    assert terms["expected days of war"] > 0
    assert counting < patient


SIERRA_LEONE = {
    "day": 7,
    "scenario": str(scenarios_dir() / "history" / "sierra-leone-1997.yaml"),
    "threat_key": "nigeria-demands",
}
"""Nigeria's threat against the AFRC junta, the day before its deadline: Abacha's military rule."""


def test_a_military_ruler_s_confidence_never_makes_force_less_likely_and_the_story_says_so():
    undecided = ["parameters.intent_spread=3", "parameters.required_superiority=3"]
    civil, _ = readiness_on([*undecided, "parameters.junta_confidence=1"], **SIERRA_LEONE)
    levels = [
        readiness_on([*undecided, f"parameters.junta_confidence={c}"], **SIERRA_LEONE)
        for c in (1.5, 3, 5)
    ]
    assert all(terms["military rule"] == 1.0 for _, terms in levels)
    readiness = [civil, *(r for r, _ in levels)]
    assert all(a < b for a, b in pairwise(readiness)), readiness
    story = render_text(run_one(load_scenario(SIERRA_LEONE["scenario"], []), 1))
    assert "In that balance, 100% of the strength on that side came from states ruled by" in story


def test_civilian_threateners_weigh_their_strength_at_face_value_whatever_the_confidence():
    plain = readiness_on(["parameters.junta_confidence=1"])
    bold = readiness_on(["parameters.junta_confidence=5"])
    assert plain == bold and "military rule" not in plain[1]
    # The same threat, with Benin under military rule, is likelier carried out.
    junta = readiness_on(["actors.BEN.regime=military", "parameters.junta_confidence=5"])
    assert 0 < junta[1]["military rule"] < 1 and junta[0] > plain[0]


def test_a_junta_refused_at_home_or_a_factor_of_one_adds_no_confidence():
    # Nigeria's Senate refused force against Niger (5 Aug 2023): a Nigeria under military rule
    # that heard it counts its strength at face value, as does any junta when the factor is 1.
    civilian = readiness_on(["parameters.junta_confidence=5"])
    refused = readiness_on(["actors.NGA.regime=military", "parameters.junta_confidence=5"])
    assert refused == civilian and "military rule" not in refused[1]
    neutral = readiness_on(["actors.BEN.regime=military", "parameters.junta_confidence=1"])
    assert neutral == readiness_on(["parameters.junta_confidence=1"])
    assert "military rule" not in neutral[1]


LIBERIA = str(scenarios_dir() / "history" / "liberia-1990.yaml")
ECOMOG = {"day": 25, "scenario": LIBERIA, "threat_key": "smc-creates-ecomog"}
"""ECOWAS's threat against the NPFL, the day after the Standing Mediation Committee made it."""
WAR_GOES_ON = ["parameters.mediation_rate=0", "parameters.capitulation_rate=0"]


def test_a_war_on_the_target_s_soil_puts_its_neighbours_at_stake():
    """Liberia 1990: Guinea and Sierra Leone border the war; Nigeria, Ghana and The Gambia not."""
    _, terms = readiness_on(WAR_GOES_ON, **ECOMOG)
    model = SahelModel(build_world(load_scenario(LIBERIA, WAR_GOES_ON), fact_base()), 1)
    for _ in range(ECOMOG["day"] + 1):  # the day readiness_on weighs it, forces as they are then
        model.step()
    can = {a: model.strength(a) for a in ("NGA", "GHA", "GIN", "SLE", "GMB")}
    near = (can["GIN"] + can["SLE"]) / sum(can.values())
    assert terms["stakes"] == pytest.approx(near, abs=1e-4)  # rounded to 4 places in the terms
    undecided = [*WAR_GOES_ON, "parameters.intent_spread=3"]
    low, _ = readiness_on([*undecided, "parameters.stakes_weight=0"], **ECOMOG)
    high, _ = readiness_on([*undecided, "parameters.stakes_weight=3"], **ECOMOG)
    assert high > low
    _, peace = readiness_on([*WAR_GOES_ON, "events.npfl-offensive.enabled=false"], **ECOMOG)
    assert "stakes" not in peace, "no war on Liberia's soil, nothing at stake"
    _, niger = readiness_on([])
    assert "stakes" not in niger, "Nigeria borders Niger, but no war is fought there"


def test_a_threatener_expects_to_fight_beside_those_already_fighting_its_target():
    """ECOMOG, 1990: an attack on the NPFL joins Doe's war against it, so Doe's army counts."""
    ready, terms = readiness_on(WAR_GOES_ON, **ECOMOG)
    alone, peace = readiness_on([*WAR_GOES_ON, "events.npfl-offensive.enabled=false"], **ECOMOG)
    assert set(terms["fighting beside it"]) == {"LBR"}
    assert "fighting beside it" not in peace
    assert terms["balance"] > peace["balance"]
    assert ready >= alone


@pytest.mark.parametrize(("own", "enemy"), [(30_000, 10_000), (20_000, 15_000), (9_000, 10_000)])
def test_expected_losses_are_what_the_model_s_own_combat_inflicts(write, own, enemy):
    """A noiseless duel to a breaking point loses what the square law's invariant says."""
    text = (
        "title: duel\nstart: 2024-01-01\ndays: 400\ncommitment: strict\n"
        f"actors: {{MLI: {{forces: {own}, effectiveness: 1, deployable_share: 1}}, "
        f"BFA: {{forces: {round(enemy / 0.6)}, effectiveness: 1}}}}\n"
        "events: {war: {kind: attack, date: 2024-01-01, by: MLI, target: BFA}}\n"
        "parameters: {combat_noise: 0, capitulation_rate: 0, mediation_rate: 0, "
        "expeditionary_share: 1}\n"
    )
    scenario = load_scenario(write(text))
    model = SahelModel(build_world(scenario, fact_base()), 1)
    model.run()
    war = model.wars[0]
    committed = war.initial
    p = scenario.parameters
    breaking = p.breaking_point * (0.5 + 0.5)  # both sides at the default tolerance
    lost, wins = expected_losses(committed[0], committed[1], breaking, breaking)
    assert wins is (war.outcome.value == "attackers_won")
    assert war.losses[0] / committed[0] == pytest.approx(lost, abs=0.01)
    # The length it expects: the side breaks after the day's fighting that crosses its share.
    days = expected_days(committed[0], committed[1], breaking, breaking, p.kill_rate)
    assert war.end - war.start == pytest.approx(days, abs=1.5)


def test_a_stronger_attacker_expects_to_lose_a_smaller_share():
    shares = [expected_losses(own, 10_000, 0.3, 0.3)[0] for own in (11_000, 15_000, 30_000)]
    assert shares == sorted(shares, reverse=True)
    assert expected_losses(5_000, 10_000, 0.3, 0.3) == (0.3, False)


def test_a_more_resolute_junta_never_gives_in_more_often_and_one_that_does_hands_over():
    def conceded(resolve: float) -> list[bool]:
        scenario = load_scenario(
            "scenarios/history/guinea-bissau-2012.yaml",
            [f"actors.GNB.resolve={resolve}", "parameters.concession_rate=0.3"],
        )
        out = []
        for seed in SEEDS:
            model = SahelModel(build_world(scenario, fact_base()), seed)
            model.run()
            gave_in = any(r.kind is RecordKind.CONCEDED for r in model.records)
            if gave_in and any(r.data.get("transition") for r in model.records):
                assert model.state("GNB").regime is not Regime.MILITARY
            out.append(gave_in)
        return out

    irresolute, resolute = conceded(0.2), conceded(0.8)
    assert all(a or not b for a, b in zip(irresolute, resolute, strict=True))
    assert sum(irresolute) > sum(resolute)


def _gambia_conceded(*sets: str) -> list[bool]:
    scenario = load_scenario("gambia-2017", ["events.ecomig-enters.enabled=false", *sets])
    return [
        any(r.kind is RecordKind.CONCEDED for r in run_one(scenario, seed).records)
        for seed in SEEDS
    ]


def test_an_incumbent_who_will_not_hand_over_gives_in_no_more_often_than_a_junta():
    """Jammeh, Jan 2017: asked to leave office, not to accept a timetable (Goemans 2008)."""
    common = ["parameters.concession_rate=0.2", "parameters.handover_concession_factor=0.2"]
    incumbent = _gambia_conceded(*common)
    junta = _gambia_conceded(*common, "events.jammeh-holds-on.form=seizure")
    assert all(b or not a for a, b in zip(incumbent, junta, strict=True))
    assert sum(junta) > sum(incumbent)
    # At a factor of one, the two are the same choice on the same seeds.
    same = ["parameters.concession_rate=0.2", "parameters.handover_concession_factor=1"]
    assert _gambia_conceded(*same) == _gambia_conceded(*same, "events.jammeh-holds-on.form=seizure")


def test_a_larger_handover_factor_never_makes_an_incumbent_give_in_less_often():
    factors = (0.0, 0.3, 1.0)
    runs = [_gambia_conceded(f"parameters.handover_concession_factor={f}") for f in factors]
    assert not any(runs[0]), "at zero he never gives in to the threat"
    for lower, higher in pairwise(runs):
        assert all(b or not a for a, b in zip(lower, higher, strict=True))


def test_a_retention_leaves_the_regime_civilian_and_the_story_says_who_holds_on():
    from sim.present.narrative import render_text

    scenario = load_scenario("gambia-2017")
    model = SahelModel(build_world(scenario, fact_base()), 1)
    model.run()
    assert model.state("GMB").regime is Regime.CIVILIAN
    coup = next(r for r in model.records if r.kind is RecordKind.COUP)
    assert coup.get("form") == "retention"
    record = run_one(scenario, 1)
    said = " ".join(render_text(record, "en").split())
    assert "refused to hand over power after losing the election" in said
    assert "refuse de céder le pouvoir" in " ".join(render_text(record, "fr").split())


def test_the_deadline_is_the_day_a_threatener_does_as_it_said_with_itsreadiness_on():
    """Sierra Leone 1997: Nigeria attacked on the day its demand ran out, not weeks later."""
    path = scenarios_dir() / "history" / "sierra-leone-1997.yaml"
    scenario = load_scenario(path)
    deadline = (scenario.events["nigeria-demands"].deadline - scenario.start).days
    # Nigeria heedless of the war's length: ready enough (about 0.6) to test what it does on the
    # deadline.
    ready = ["parameters.time_cost_weight=0"]
    slow = load_scenario(path, ["parameters.attack_rate=0.001", *ready])
    decided = []
    for seed in SEEDS:
        found = [r for r in run_one(slow, seed).records if r.kind is RecordKind.ATTACK_DECIDED]
        decided += found
        for r in found:  # past the deadline only the (here tiny) daily rate is left
            assert r.day == deadline or r.get("probability") <= 0.001
    on_time = [r for r in decided if r.day == deadline]
    assert on_time and all(r.get("deadline") for r in on_time)
    assert all(r.get("probability") == r.get("readiness") for r in on_time)
    assert len(on_time) > len(SEEDS) / 2, "a ready Nigeria mostly does as it said"


def test_a_belligerent_never_gives_in_and_its_sworn_allies_are_expected_in_full():
    """The AFRC junta and the RUF, 1997: no state to hand over, and 3,000 fighters beside it."""
    path = scenarios_dir() / "history" / "sierra-leone-1997.yaml"
    eager = load_scenario(path, ["parameters.concession_rate=1"])
    for seed in range(1, 9):
        assert not any(r.kind is RecordKind.CONCEDED for r in run_one(eager, seed).records)
    model = SahelModel(build_world(load_scenario(path), fact_base()), 1)
    for _ in range(8):  # to the deadline of Nigeria's demand
        model.step()
    threat = next(t for t in model.threats if t.target == "AFRC")
    _, terms = assess_attack(model, threat)
    assert terms["expected help to the target"]["RUF"] == model.strength("RUF") > 0
    assert terms["expected opposition"] == pytest.approx(
        terms["target's home defence"] + model.strength("RUF"), abs=0.2
    )


def _with_militia(tmp_path, forces: int = 500, sworn: bool = True):
    """Guinea-Bissau 2012 with a militia in the country, sworn to fight beside the state or not.

    A stand-in for Sierra Leone 1997 written as a coup on the state with the RUF beside the
    junta: the bundled Sierra Leone episode writes the junta as a belligerent, which never gives
    in anyway.
    """
    path = scenarios_dir() / "history" / "guinea-bissau-2012.yaml"
    militia = (
        "  MIL:\n    kind: belligerent\n    name: the sworn militia\n"
        "    name_fr: la milice alliée\n    sources: [https://example.org/militia]\n"
        "    in: GNB\n"
        + ("    fights_beside: [GNB]\n" if sworn else "")
        + "    forces:\n"
        + FIGURE.format(value=forces)
        + "\n"
    )
    text = path.read_text(encoding="utf-8")
    assert text.count("\nactors:\n") == 1
    written = tmp_path / "militia.yaml"
    written.write_text(text.replace("\nactors:\n", "\nactors:\n" + militia), encoding="utf-8")
    return written


EAGER = ["parameters.concession_rate=1", "actors.GNB.resolve=0"]


def _alone():
    return load_scenario(scenarios_dir() / "history" / "guinea-bissau-2012.yaml", EAGER)


def _focal_partners(scenario, seed: int) -> list:
    return [
        r.get("partners")
        for r in run_one(scenario, seed).records
        if r.kind in (RecordKind.ATTACK_DECIDED, RecordKind.DEADLINE_PASSED) and r.get("partners")
    ]


def test_a_government_with_a_rebel_army_sworn_beside_it_cannot_give_in_alone(tmp_path):
    """A junta that gives in to a credible threat when it rules alone never does while a partner
    in arms would have to agree (Cunningham 2006); the story says why on the deadline."""
    sworn = load_scenario(_with_militia(tmp_path), EAGER)
    assert any(kind == "conceded" for s in SEEDS for kind, _ in _decisions(_alone(), s))
    assert not any(_focal_partners(_alone(), s) for s in SEEDS), "no partner, none named"
    for seed in SEEDS:
        assert "conceded" not in [kind for kind, _ in _decisions(sworn, seed)]
    assert _focal_partners(sworn, 1) == [["MIL"]]
    run = run_one(sworn, 1)
    english, french = (render_text(run, lang=lang) for lang in ("en", "fr"))
    assert "could not give in alone" in english and "the sworn militia" in english
    assert "ne pouvait céder sans l'accord" in french and "la milice alliée" in french


def test_a_militia_not_sworn_to_the_government_has_no_say_in_its_concession(tmp_path):
    """A rebel army in the country that fights on its own does not hold the government back."""
    free = load_scenario(_with_militia(tmp_path, sworn=False), EAGER)
    assert any(kind == "conceded" for s in SEEDS for kind, _ in _decisions(free, s))
    assert not any(_focal_partners(free, s) for s in SEEDS)


def test_a_partner_in_arms_with_no_forces_has_no_say(tmp_path):
    """A militia written with no forces cannot block a settlement: the runs are the same."""
    empty = load_scenario(_with_militia(tmp_path, forces=0), EAGER)
    assert [_decisions(_alone(), s) for s in SEEDS] == [_decisions(empty, s) for s in SEEDS]


def test_a_played_government_with_a_partner_still_chooses_and_is_not_said_to_be_held(tmp_path):
    """A class playing the government may give in; the story does not blame the partner."""
    world = build_world(load_scenario(_with_militia(tmp_path), EAGER), fact_base())
    model = SahelModel(world, 1, players={"GNB": lambda q: players.Choice.CONCEDE})
    model.run()
    assert any(r.kind is RecordKind.CONCEDED for r in model.records)
    defiant = SahelModel(world, 1, players={"GNB": lambda q: players.Choice.DEFY})
    defiant.run()
    assert not any(r.get("partners") for r in defiant.records)


def _decisions(scenario, seed: int) -> list[tuple[str, int]]:
    """What was decided about the threats, and on which day."""
    kinds = (RecordKind.CONCEDED, RecordKind.ATTACK_DECIDED, RecordKind.STOOD_DOWN)
    return [(r.kind.value, r.day) for r in run_one(scenario, seed).records if r.kind in kinds]


def test_a_target_never_gives_in_before_the_deadline_however_likely_it_is_to_give_in():
    """Guinea-Bissau 2012: the junta agreed to a transition weeks after the 72-hour ultimatum."""
    path = scenarios_dir() / "history" / "guinea-bissau-2012.yaml"
    scenario = load_scenario(path, ["parameters.concession_rate=1", "actors.GNB.resolve=0"])
    deadline = (scenario.events["ecowas-ultimatum"].deadline - scenario.start).days
    days = [day for s in SEEDS for kind, day in _decisions(scenario, s) if kind == "conceded"]
    assert days, "an irresolute junta facing a credible threat gives in"
    assert min(days) >= deadline


def test_a_threat_made_weeks_before_its_deadline_is_heeded_as_one_made_days_before():
    """The day a scenario dates the announcement changes nothing: the deadline is what counts."""
    sets = ["parameters.concession_rate=0.5", NIGER_AT_THE_EDGE]
    early = load_scenario(BASE, sets)  # made on 10 Aug 2023, two weeks before the deadline
    late = load_scenario(BASE, [*sets, "events.ecowas-threat.date=2023-08-22"])
    runs = [(_decisions(early, s), _decisions(late, s)) for s in SEEDS]
    assert all(a == b for a, b in runs)
    assert any(kind == "conceded" for a, _ in runs for kind, _day in a), "some give in"


# ----------------------------------------------------------------- who carries a threat


def _threat_record(scenario, seed: int, event: str = "ecowas-ultimatum"):
    return next(
        r
        for r in run_one(scenario, seed).records
        if r.kind is RecordKind.THREAT and r.get("event") == event
    )


def test_a_threat_naming_no_contributors_is_carried_by_its_strongest_member_and_who_pledges():
    scenario = load_scenario("gambia-2017-ultimatum", [UNNAMED])
    model = SahelModel(build_world(scenario, fact_base()), 1)
    records = [_threat_record(scenario, seed) for seed in SEEDS]
    asked = set(records[0].get("asked"))
    assert asked == {"SEN", "NGA", "GHA", "TGO", "MLI"}  # every member that is an actor, not GMB
    lead = max(asked, key=model.strength)
    carried = [set(r.get("attackers")) for r in records]
    assert all(lead in c and c <= asked for c in carried)
    assert any(c < asked for c in carried), "members may decline"
    assert any(len(c) > 1 for c in carried), "and pledge"
    assert all(0 < p < 1 for r in records for p in r.get("asked").values())


def test_in_strict_mode_every_member_carries_a_threat_naming_no_contributors():
    scenario = load_scenario("gambia-2017-ultimatum", [UNNAMED, "commitment=strict"])
    record = _threat_record(scenario, 1)
    assert (
        set(record.get("attackers"))
        == set(record.get("asked"))
        == {"SEN", "NGA", "GHA", "TGO", "MLI"}
    )


def test_a_stronger_target_never_makes_a_member_likelier_to_pledge():
    chances = []
    for forces in (800, 5_000, 20_000):
        scenario = load_scenario("gambia-2017-ultimatum", [UNNAMED, f"actors.GMB.forces={forces}"])
        chances.append(_threat_record(scenario, 1).get("asked"))
    for weaker, stronger in pairwise(chances):
        assert all(stronger[m] <= weaker[m] for m in weaker)
    assert any(chances[-1][m] < chances[0][m] for m in chances[0])


def test_the_state_a_junta_holds_sends_no_troops_against_it():
    event = "events.nigeria-demands"
    scenario = load_scenario(
        "sierra-leone-1997", [f"{event}.by=ECOWAS", f"{event}.contributors=[]"]
    )
    record = _threat_record(scenario, 1, "nigeria-demands")
    assert "SLE" not in record.get("asked") and "NGA" in record.get("attackers")


def test_a_named_coalition_is_taken_as_named():
    record = _threat_record(load_scenario("gambia-2017-ultimatum"), 1)
    assert record.get("attackers") == ["SEN", "NGA", "GHA", "TGO", "MLI"]
    assert record.get("asked") is None


def test_a_member_refused_force_at_home_does_not_lead_a_threat_naming_no_contributors():
    refusal = "events.senate={kind: domestic_refusal, date: 2017-01-12, state: NGA, target: GMB}"
    plain = load_scenario("gambia-2017-ultimatum", [UNNAMED])
    refused = load_scenario("gambia-2017-ultimatum", [UNNAMED, refusal])
    led = [_threat_record(plain, seed).get("attackers") for seed in SEEDS]
    assert all("NGA" in a for a in led)  # the strongest leads
    carried = [_threat_record(refused, seed).get("attackers") for seed in SEEDS]
    assert any("NGA" not in a for a in carried), "refused at home, it pledges only by its draw"
    assert all(a for a in carried), "and the next strongest leads"
