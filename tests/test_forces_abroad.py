"""Incidents on forces stationed abroad: an outside power's, or a state's outside its territory.

Côte d'Ivoire's jets struck the French position at Bouaké on 6 November 2004 and France
destroyed the Ivorian air force the same day (seeds/powers.yaml, Operation Licorne). An
``attack`` of scale ``incident`` with a ``host`` strikes the target's forces where they stand:
the victim weighs retaliation as any victim does (docs/model.md §7.11), and what it brings into
play is an attack on forces abroad (the Charter's Art. 7), not an aggression on its territory.
"""

from __future__ import annotations

import datetime as dt

from sim.analysis.backtest import _force_used as force_used
from sim.model.events import _leaving, _overlapped
from sim.model.model import SahelModel
from sim.model.records import RecordKind
from sim.model.wars import ATTACKERS
from sim.model.world import Posting, build_world, consecutive
from sim.run.replicate import run_one
from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario

SEEDS = range(1, 21)


def bouake(*, french: int | None = None, day: str = "2004-11-06", escalation: float = 1) -> str:
    """Côte d'Ivoire strikes the French at Bouaké, 6 November 2004 (France's forces as cited,
    or ``french`` troops three times as effective as an average regional army's). With
    ``escalation`` 1, France goes to war whenever it judges a war worth fighting: these tests
    are about that judgement, not about how few incidents become wars."""
    forces = f"    forces: {french}\n    effectiveness: 3\n" if french is not None else ""
    return (
        f"title: Bouake, November 2004\nstart: {day}\ndays: 30\ncommitment: behavioural\n"
        f"parameters:\n  incident_escalation: {escalation}\n"
        f"actors:\n  CIV:\n  FRA:\n{forces}"
        f"events:\n  bouake:\n    kind: attack\n    scale: incident\n    date: {day}\n"
        "    by: CIV\n    target: FRA\n    host: CIV\n"
    )


def retaliations(write, text: str) -> list[bool]:
    """For each seed, whether France went to war on Côte d'Ivoire."""
    scenario = load_scenario(write(text))
    said = []
    for seed in SEEDS:
        records = run_one(scenario, seed).records
        said.append(
            any(
                r.kind is RecordKind.WAR_STARTED and (r.actor, r.target) == ("FRA", "CIV")
                for r in records
            )
        )
    return said


def test_a_power_whose_forces_are_struck_weighs_retaliation_as_any_victim(write):
    """The strike is recorded where it fell, France decides on a retaliation the same day, and
    the backtest counts the strike as force used on France."""
    records = run_one(load_scenario(write(bouake())), 1).records
    [incident] = [r for r in records if r.kind is RecordKind.INCIDENT]
    assert (incident.actor, incident.target, incident.get("host")) == ("CIV", "FRA", "CIV")
    decided = [
        r
        for r in records
        if r.kind in (RecordKind.ATTACK_DECIDED, RecordKind.STOOD_DOWN, RecordKind.DEADLINE_PASSED)
        and r.actor == "FRA"
    ]
    assert decided and decided[0].target == "CIV"
    as_written = [
        {"kind": r.kind.value, "actor": r.actor, "target": r.target, **r.data} for r in records
    ]
    assert force_used(as_written, "FRA", ["CIV"])


def test_more_forces_on_station_never_make_a_retaliation_less_likely(write):
    """On the same seeds, France with 5,000 troops struck in Côte d'Ivoire retaliates whenever
    France with 3,500 does, and sometimes when it does not (both three times as effective as the
    Ivorian army). Struck in June 2004, months before the reinforcement of November, so that
    France's forces are the figure set."""
    weak = retaliations(write, bouake(french=3500, day="2004-06-02"))
    strong = retaliations(write, bouake(french=5000, day="2004-06-02"))
    assert any(weak), "the weaker France retaliates on some seeds, or the test says nothing"
    assert all(s for w, s in zip(weak, strong, strict=True) if w)
    assert sum(strong) > sum(weak)


def test_the_story_says_whose_forces_were_struck_and_where_in_both_languages(write, sahelsim):
    path = write(bouake())
    english = sahelsim("explain", str(path), "--seed", "1").out
    french = sahelsim("explain", str(path), "--seed", "1", "--lang", "fr").out
    assert (
        "Côte d'Ivoire struck France's forces stationed in Côte d'Ivoire, short of war" in english
    )
    assert "frappe les forces de la France stationnées en Côte d'Ivoire" in french


def strike_on_burkinabe_forces(host: str) -> str:
    """Côte d'Ivoire strikes Burkina Faso's forces, on Ivorian soil or Burkina Faso's own."""
    where = f"    host: {host}\n" if host else ""
    return (
        "title: A strike on Burkinabe forces\nstart: 2024-06-01\ndays: 10\ncommitment: strict\n"
        "actors:\n  BFA:\n  MLI:\n  NER:\n  CIV:\npacts:\n  liptako-gourma-charter:\n"
        "events:\n  strike:\n    kind: attack\n    scale: incident\n    date: 2024-06-02\n"
        f"    by: CIV\n    target: BFA\n{where}"
    )


def test_forces_struck_outside_the_alliance_bring_art_7_into_play_not_art_6(write):
    """The Charter's Art. 7 extends the pledge of Art. 6 to a party's forces outside the
    Alliance's area: struck there, Mali and Niger owe help under Art. 7; struck at home, under
    Art. 6."""

    def articles(host: str) -> set[tuple[str, str]]:
        records = run_one(load_scenario(write(strike_on_burkinabe_forces(host))), 1).records
        return {(r.actor, r.get("article")) for r in records if r.kind is RecordKind.OBLIGATION}

    assert articles("CIV") == {("MLI", "Art. 7"), ("NER", "Art. 7")}
    assert articles("") == {("MLI", "Art. 6"), ("NER", "Art. 6")}
    # Struck on Mali's soil, Mali's territory was attacked: Art. 6 answers for Mali, not Art. 7
    assert articles("MLI") == {("BFA", "Art. 6"), ("NER", "Art. 6")}


def refused(write, sahelsim, text: str, name: str) -> str:
    path = write(text, name=name)
    result = sahelsim("validate", str(path))
    said = result.out + result.err
    assert result.status == 2, said
    assert f"{path}:" in said and "Traceback" not in said
    assert "events.bouake" in said  # the path in the document
    return said


def test_an_outside_power_is_struck_where_its_forces_stand_or_the_file_says_what_is_missing(
    write, sahelsim
):
    invaded = bouake().replace("    scale: incident\n", "").replace("    host: CIV\n", "")
    said = refused(write, sahelsim, invaded, "invaded.yaml")
    assert "an outside power's forces are struck by an incident, not invaded" in said
    nowhere = bouake().replace("    host: CIV\n", "")
    said = refused(write, sahelsim, nowhere, "nowhere.yaml")
    assert "names the state where they stand" in said and "host:" in said
    at_home = bouake().replace("target: FRA", "target: CIV").replace("by: CIV", "by: FRA")
    said = refused(write, sahelsim, at_home, "at-home.yaml")
    assert "CIV's forces abroad cannot stand in CIV itself" in said
    war = bouake().replace("scale: incident", "scale: invasion")
    said = refused(write, sahelsim, war, "war.yaml")
    assert "host is for an incident on forces stationed abroad" in said
    # France had no forces in Ghana in 2004 (seeds/powers.yaml): nothing there to strike
    ghana = bouake().replace("  CIV:\n", "  CIV:\n  GHA:\n").replace("host: CIV", "host: GHA")
    said = refused(write, sahelsim, ghana, "ghana.yaml")
    assert "FRA has no forces in GHA on 2004-11-06" in said and "(CIV, SEN)" in said


def test_rebels_struck_where_they_fight_are_at_home_not_abroad(write, sahelsim):
    text = (
        "title: Rebels struck at home\nstart: 1998-06-07\ndays: 10\n"
        "actors:\n  GNB:\n  SEN:\n"
        "  REB:\n    kind: belligerent\n    name: the Rebel Army\n    name_fr: l'Armée rebelle\n"
        "    sources: [https://example.org/rebels]\n    in: GNB\n    forces:\n"
        "      value: 3000\n      year: 1998\n      unit: fighters\n"
        "      source: https://example.org/figure\n"
        "events:\n  bouake:\n    kind: attack\n    scale: incident\n    date: 1998-06-08\n"
        "    by: SEN\n    target: REB\n    host: GNB\n"
    )
    said = refused(write, sahelsim, text, "home.yaml")
    assert "REB fights in GNB: its forces there are at home, not stationed abroad" in said


def test_a_force_that_grows_between_postings_is_joined_by_the_difference(write, sahelsim):
    """Licorne grew from 4,000 to 5,000 on 7 November 2004: 1,000 more arrive, no one leaves."""
    records = run_one(load_scenario(write(bouake())), 1).records
    moved = [r for r in records if r.kind in (RecordKind.DEPLOYMENT, RecordKind.DEPARTURE)]
    assert [(r.kind, r.day, r.get("strength")) for r in moved] == [(RecordKind.DEPLOYMENT, 1, 1000)]


def test_a_force_that_shrinks_between_postings_fights_on_with_what_stays(write, sahelsim):
    """Licorne went from 5,000 to 3,600 on 1 March 2005: one change of size, after which France
    fights on with what stayed. Before, the change was a departure of everyone and a new
    arrival, and France lost its war that day with no forces at the front."""
    text = bouake(french=5000, day="2005-02-20")
    scenario = load_scenario(write(text))
    cut = 9  # 1 March 2005
    fought = 0
    for seed in SEEDS:
        model = SahelModel(build_world(scenario, fact_base()), seed)
        while model.day < cut - 1:
            model.step()
        war = next((w for w in model.wars if w.ongoing and "FRA" in w.sides[ATTACKERS]), None)
        before = war.sides[ATTACKERS]["FRA"] if war is not None else 0.0
        model.step()
        if war is not None and war.ongoing:
            fought += 1
            after = war.sides[ATTACKERS]["FRA"]
            # 3,600 of 5,000 stay: the front keeps 72 % of its men, less that day's losses
            assert 0.6 * before < after <= 0.72 * before + 1, (seed, before, after)
        model.run()
        [left] = [r for r in model.records if r.kind is RecordKind.DEPARTURE]
        assert (left.day, left.get("strength")) == (cut, 1400)
        assert not [r for r in model.records if r.kind is RecordKind.DEPLOYMENT]
    assert fought
    said = sahelsim("explain", str(write(text, name="shrinks.yaml")), "--seed", "1").out
    assert "France withdrew 1,400 of its troops from Côte d'Ivoire." in said


def test_a_power_s_forces_set_by_the_scenario_keep_the_fact_base_s_later_changes_in_proportion(
    write,
):
    """A scenario that sets France's forces in Côte d'Ivoire to 2,000 on 20 February 2005 (the
    fact base: 5,000) sees Licorne's cut of 1 March (to 3,600) as a cut of the same share, 560
    troops leaving; before, 3,600 of record against 2,000 set read as 1,600 arriving."""
    text = bouake(french=2000, day="2005-02-20").replace("    effectiveness: 3\n", "")
    text = text.replace("events:\n  bouake:", "events:\n  unrelated:").replace(
        "scale: incident\n    date: 2005-02-20", "scale: incident\n    date: 2005-03-20"
    )
    records = run_one(load_scenario(write(text)), 1).records
    moved = [r for r in records if r.kind in (RecordKind.DEPLOYMENT, RecordKind.DEPARTURE)]
    assert [(r.kind, r.day, r.get("strength")) for r in moved] == [(RecordKind.DEPARTURE, 9, 560)]


def test_a_retaliation_brings_no_clause_on_aggression_into_play_for_the_state_that_struck_first(
    write,
):
    """The Definition of Aggression (UN General Assembly Res. 3314, 1974, Art. 2) takes the
    first use of force as evidence of aggression: France answering the strike on its forces is
    not an aggression on Côte d'Ivoire under the 1981 Protocol, while the same war started
    unprovoked is one (the Authority then decides on Arts. 2-3)."""
    pacts = "pacts:\n  ecowas-pmad-1981:\n"
    answered = bouake(french=5000, day="2004-06-02").replace("events:", pacts + "events:")
    answered = answered.replace("  FRA:\n", "  NGA:\n  GHA:\n  FRA:\n")
    scenario = load_scenario(write(answered, name="answered.yaml"))
    retaliated = 0
    for seed in SEEDS:
        records = run_one(scenario, seed).records
        if not any(r.kind is RecordKind.WAR_STARTED and r.actor == "FRA" for r in records):
            continue
        retaliated += 1
        assert not [r for r in records if r.kind is RecordKind.OBLIGATION and r.target == "CIV"]
        assert not [r for r in records if r.kind is RecordKind.ENTERED_WAR]
    assert retaliated
    unprovoked = answered.replace("    scale: incident\n", "").replace("    host: CIV\n", "")
    unprovoked = unprovoked.replace("by: CIV\n    target: FRA", "by: FRA\n    target: CIV")
    records = run_one(load_scenario(write(unprovoked, name="unprovoked.yaml")), 1).records
    owed = [r for r in records if r.kind is RecordKind.OBLIGATION and r.target == "CIV"]
    assert [(r.actor, r.get("article")) for r in owed] == [("ECOWAS", "Arts. 2-3")]


def test_a_scenario_may_withdraw_some_of_a_power_s_forces_and_the_rest_stay(write):
    """A departure with a strength takes that many; one of more than are there takes them all,
    and the record says so without claiming more left than stood there."""

    def after(strength: int) -> tuple[float, list]:
        text = bouake(day="2004-06-02") + (
            "  cut:\n    kind: departure\n    date: 2004-06-03\n    power: FRA\n    host: CIV\n"
            f"    strength: {strength}\n"
        )
        model = SahelModel(build_world(load_scenario(write(text)), fact_base()), 1)
        model.run()
        left = [r.get("strength") for r in model.records if r.kind is RecordKind.DEPARTURE]
        return model.actors["FRA"].present.get("CIV", 0.0), left

    assert after(1000) == (3000.0, [1000])
    assert after(9000) == (0.0, [None])


def test_two_postings_ending_the_day_a_third_begins_leave_its_strength_in_the_host():
    """1,000 and 500 in one host, both giving way to 1,200 on the same day: 1,200 remain (the
    first posting's change of size, then the second's own forces leave), never an empty host."""
    day = dt.date(2005, 3, 1)
    first = Posting("CIV", 1000, None, day)
    second = Posting("CIV", 500, None, day)
    third = Posting("CIV", 1200, day, None)
    postings = [first, second, third]
    successors = consecutive(postings)
    # the third follows one posting, not two
    assert list(successors) == [id(first)] and successors[id(first)] is third
    assert _overlapped(second, postings)  # the third is there after the second leaves
    there = first.strength + second.strength
    for posting, following in ((first, third), (second, None)):
        _, event = _leaving(
            "FRA", "CIV", posting.strength, day, following, _overlapped(posting, postings)
        )
        there += event.strength if event.kind == "deployment" else -event.strength
    assert there == 1200


def test_a_strike_that_answers_the_target_s_own_strike_is_no_aggression_on_it(write):
    """France's same-day answer written as an incident of its own: Côte d'Ivoire struck first,
    so the 1981 Protocol does not come into play for it (Res. 3314, Art. 2)."""
    text = bouake().replace("  FRA:\n", "  NGA:\n  GHA:\n  FRA:\n")
    text = text.replace("events:", "pacts:\n  ecowas-pmad-1981:\nevents:") + (
        "  answer:\n    kind: attack\n    scale: incident\n    date: 2004-11-06\n"
        "    by: FRA\n    target: CIV\n"
    )
    for seed in range(1, 6):
        records = run_one(load_scenario(write(text)), seed).records
        assert [r.kind for r in records if r.kind is RecordKind.INCIDENT] == [
            RecordKind.INCIDENT,
            RecordKind.INCIDENT,
        ]
        assert not [r for r in records if r.kind is RecordKind.OBLIGATION and r.target == "CIV"]
        assert not [r for r in records if r.kind is RecordKind.ENTERED_WAR]


def test_an_avenger_counts_none_of_the_first_striker_s_allies_as_bound(write):
    """Mali strikes Algeria first: weighing its answer, Algeria expects no help for Mali from its
    AES allies, bound by Art. 6 only against an aggression on Mali; threatening Mali unprovoked,
    it expects Burkina Faso's and Niger's."""

    def expected_help(event: str) -> dict:
        text = (
            "title: Mali and Algeria\nstart: 2025-04-01\ndays: 5\ncommitment: strict\n"
            "actors:\n  MLI:\n  BFA:\n  NER:\n  DZA:\npacts:\n  liptako-gourma-charter:\n"
            f"events:\n{event}"
        )
        records = run_one(load_scenario(write(text)), 1).records
        weighed = next(
            r
            for r in records
            if r.kind
            in (RecordKind.ATTACK_DECIDED, RecordKind.STOOD_DOWN, RecordKind.DEADLINE_PASSED)
            and r.actor == "DZA"
        )
        return weighed.get("terms", {}).get("expected help to the target") or {}

    first = "  strike:\n    kind: attack\n    scale: incident\n    date: 2025-04-01\n    by: MLI\n    target: DZA\n"
    threat = "  threat:\n    kind: threat\n    date: 2025-04-01\n    by: DZA\n    target: MLI\n    deadline: 2025-04-01\n"
    assert expected_help(first) == {}
    assert set(expected_help(threat)) == {"BFA", "NER"}


def test_a_deployment_the_fact_base_already_dates_is_noted_as_arriving_twice(write, sahelsim):
    """The AES insurgency scenario scheduled Africa Corps's arrival in Burkina Faso on the day the
    fact base already dates it, and Russia had 200 there instead of 100: validating says so."""
    text = (
        "title: Twice\nstart: 2024-01-20\ndays: 10\nactors:\n  BFA:\n  RUS:\nevents:\n"
        "  again:\n    kind: deployment\n    date: 2024-01-24\n    power: RUS\n    host: BFA\n"
        "    strength: 100\n"
    )
    said = sahelsim("validate", str(write(text))).out
    assert "deployment again (2024-01-24): the fact base already has RUS's Africa Corps" in said
    assert "so its forces arrive twice" in said
    later = write(text.replace("date: 2024-01-24", "date: 2024-01-25"), name="later.yaml")
    assert "arrive twice" not in sahelsim("validate", str(later)).out
