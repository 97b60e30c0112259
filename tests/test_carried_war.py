"""An armed group at war that attacks another state carries its war there; rebels the record
shows fighting in the open are not fought as guerrillas.

A reader's Chad 2015 had Boko Haram at war with Nigeria and Cameroon from the same day: as two
wars, the second began with none of its fighters free and ended that day in Cameroon's
"victory", so Cameroon was fighting no one when it asked Chad for help.
"""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from conftest import civil_war_text

from sim.analysis.backtest import _entered, _force_used, read_events
from sim.model.model import SahelModel
from sim.model.records import RecordKind
from sim.model.world import build_world
from sim.present.narrative import render_text
from sim.run.replicate import run_one
from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario
from sim.scenario.vocabulary import Side

CARRIED = (
    "  across:\n    kind: attack\n    date: 1998-06-20\n    by: REB\n    target: SEN\n"
    "  asks:\n    kind: request\n    date: 1998-06-22\n    by: SEN\n    to: [GIN]\n"
    "    against: REB\n    action: armed_assistance\n"
)
QUICK_TO_LEAVE = "parameters:\n  withdrawal_rate: 0.05\n"
"""Interveners go home within days: a state fighting at home never does."""


def carried(write, seed: int = 1) -> SahelModel:
    text = civil_war_text(value=2000, events=CARRIED) + QUICK_TO_LEAVE
    model = SahelModel(build_world(load_scenario(write(text)), fact_base()), seed)
    model.run()
    return model


def _ran(sahelsim, path: str, out, replicates: int) -> int:
    """Run ``path``'s ensemble on seed 1 into ``out``, quietly and without figures: the status."""
    return sahelsim(
        "run", path, "-n", str(replicates), "--seed", "1", "-q", "--no-figures", "--out", str(out)
    ).status


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_an_armed_group_carries_its_war_into_the_state_it_attacks(write, seed):
    model = carried(write, seed)
    [war] = model.wars
    assert war.side_of("SEN") == war.side_of("GNB") != war.side_of("REB")
    assert "SEN" in war.at_home
    [entry] = [r for r in model.records if r.kind is RecordKind.ENTERED_WAR and r.actor == "SEN"]
    assert (entry.get("attacked_by"), entry.get("joining"), entry.target) == ("REB", "GNB", "REB")
    fresh = SahelModel(model.world, seed)  # the forces it had before any fighting
    assert entry.get("forces") == round(fresh.defending_forces("SEN"))
    # it fights at home: never "withdraws" however quickly interveners leave
    left = {r.actor for r in model.records if r.kind is RecordKind.WITHDREW}
    assert "SEN" not in left
    # it is fighting when it asks for help: the request is answered, not refused for want of war
    [asked] = [r for r in model.records if r.kind is RecordKind.REQUEST]
    assert asked.get("reason") is None
    assert any(r.kind is RecordKind.RESPONSE and r.actor == "GIN" for r in model.records)


def test_no_war_ends_the_day_it_is_carried_over_the_border(write):
    model = carried(write)
    ends = [r for r in model.records if r.kind is RecordKind.WAR_ENDED]
    assert all(r.day > 13 for r in ends)


def test_the_story_says_the_war_was_carried_across_the_border(write):
    run = run_one(load_scenario(write(civil_war_text(value=2000, events=CARRIED))), 1)
    english = " ".join(render_text(run, "en").split())
    assert "The Rebel Army carried the war across the border: Senegal entered it with" in english
    assert "beside Guinea-Bissau, already at war with the same fighters" in english
    french = " ".join(render_text(run, "fr").split())
    assert "L'Armée rebelle porte la guerre au-delà de la frontière : le Sénégal entre" in french
    assert "aux côtés de la Guinée-Bissau, déjà en guerre contre les mêmes combattants" in french


def test_the_backtest_counts_force_both_ways_across_the_border(sahelsim, write, tmp_path):
    text = civil_war_text(value=2000, events=CARRIED)
    out = tmp_path / "bundle"
    assert _ran(sahelsim, str(write(text)), out, 3) == 0
    for records in read_events(out).values():
        assert _force_used(records, "SEN", ["REB"]) and _force_used(records, "REB", ["SEN"])
        assert not _force_used(records, "SEN", ["GIN"])


def test_a_state_attacking_keeps_its_wars_apart(write):
    """Only armed groups have one army: a state's second war is a war of its own."""
    text = civil_war_text(
        value=2000,
        events="  invasion:\n    kind: attack\n    date: 1998-06-20\n    by: GIN\n"
        "    target: SEN\n",
    )
    model = SahelModel(build_world(load_scenario(write(text)), fact_base()), 1)
    model.run()
    assert len(model.wars) == 2 and not model.wars[0].at_home


IN_THE_OPEN = "in_the_open: true"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_rebels_in_the_open_are_no_guerrillas_and_are_worn_down_sooner(write, seed):
    """The same unbacked rebels, written as the record shows them fighting: in the open they
    meet the army's numbers, as guerrillas they do not."""

    def rebels(extra: str) -> SahelModel:
        text = civil_war_text(value=1000, extra=extra, days=400) + (
            "parameters:\n  mediation_rate: 0\n  withdrawal_rate: 0\n"
        )
        path = write(text, f"rebels{bool(extra)}.yaml")
        model = SahelModel(build_world(load_scenario(path), fact_base()), seed)
        model.run()
        return model

    hiding, open_ = rebels(""), rebels(IN_THE_OPEN)
    assert hiding.wars[0].guerrillas is not None and open_.wars[0].guerrillas is None
    [started] = [r for r in open_.records if r.kind is RecordKind.WAR_STARTED]
    assert "guerrillas" not in started.data

    def last_day(model: SahelModel) -> int:
        ends = [r.day for r in model.records if r.kind is RecordKind.WAR_ENDED]
        return ends[0] if ends else model.day + 1

    assert last_day(open_) < last_day(hiding)


def test_validating_no_longer_says_rebels_in_the_open_fight_as_guerrillas(sahelsim, write):
    hiding = sahelsim("validate", str(write(civil_war_text())))
    assert "fights as guerrillas" in hiding.out
    open_ = sahelsim("validate", str(write(civil_war_text(extra=IN_THE_OPEN), "open.yaml")))
    assert open_.status == 0 and "fights as guerrillas" not in open_.out


@pytest.mark.parametrize(("date", "noted"), [("1998-06-07", True), ("1998-06-20", False)])
def test_validating_reads_a_rebel_army_s_invasions_as_one_war(sahelsim, write, date, noted):
    """The rebels attack Senegal on the day they rise, or a fortnight later: one war from its
    first day, which no state of the file stands outside, or one Senegal could have brokered
    until it was attacked. With Guinea outside it, someone always could."""
    across = CARRIED.split("  asks:")[0].replace("1998-06-20", date)
    text = civil_war_text(value=2000, events=across)
    assert "ceasefire" not in sahelsim("validate", str(write(text))).out
    alone = write(text.replace("  GIN:\n", ""), "b.yaml")
    said = " ".join(sahelsim("validate", str(alone)).out.split())
    assert ("no state of the scenario stands outside the war events.revolt starts" in said) is noted
    assert "events.across" not in said


SECOND_ARMY = (
    "  BBB:\n    kind: belligerent\n    name: the Second Army\n    name_fr: la Deuxième Armée\n"
    "    sources: [https://example.org/b]\n    in: GNB\n{extra}"
    "    forces: {{value: 3000, year: 1998, unit: fighters, source: https://example.org/b}}\n"
)


def run_text(write, text: str, seed: int = 1, name: str = "s.yaml") -> SahelModel:
    model = SahelModel(build_world(load_scenario(write(text, name)), fact_base()), seed)
    model.run()
    return model


def test_a_newcomer_among_the_attackers_fights_a_war_of_its_own(write):
    """The Second Army, at peace, attacks Senegal with the rebels, who are at war: it has its
    forces free, so the attack is a war of its own (a review found every replicate crashed)."""
    events = CARRIED.replace(
        "    by: REB\n    target: SEN\n",
        "    by: BBB\n    target: SEN\n    contributors: [REB, BBB]\n",
    )
    model = run_text(
        write, civil_war_text(value=2000, actors=SECOND_ARMY.format(extra=""), events=events)
    )
    assert len(model.wars) == 2 and model.wars[1].side_of("BBB") is not None
    assert model.wars[1].sides[0]["BBB"] > 0


def test_rebels_defending_their_war_carry_it_too_and_the_state_they_attack_defends(
    sahelsim, write, tmp_path
):
    """Guinea-Bissau's army attacks the rebels, who then attack Senegal: Senegal is on the
    attacking side of their war, yet it was attacked: its request is answered, and the
    backtest counts it among the defenders."""
    events = CARRIED
    text = civil_war_text(value=2000, events=events).replace(
        "    by: REB\n    target: GNB\n", "    by: GNB\n    target: REB\n", 1
    )
    model = run_text(write, text)
    [war] = model.wars
    assert war.side_of("SEN") == war.side_of("GNB") == 0 and "SEN" in war.at_home
    [asked] = [r for r in model.records if r.kind is RecordKind.REQUEST]
    assert asked.get("reason") is None
    out = tmp_path / "bundle"
    assert _ran(sahelsim, str(write(text, "d.yaml")), out, 2) == 0
    for records in read_events(out).values():
        assert _entered(records, "SEN", Side.DEFENDERS, dt.date(1998, 6, 20))
        assert not _entered(records, "SEN", Side.ATTACKERS, dt.date(1998, 6, 20))


def test_a_rising_is_its_own_war_whatever_the_order_the_file_lists_it_in(write):
    """Boko Haram's wars on Nigeria and Cameroon both open the run: listed first or last, the
    rising in its own state is the war the other state joins, a civil war fought by guerrillas."""
    across = CARRIED.split("  asks:")[0].replace("1998-06-20", "1998-06-07")
    after = civil_war_text(value=2000, events=across)
    head, revolt = after.split("events:\n")[0], "  revolt:" + after.split("  revolt:")[1]
    revolt, across_text = revolt.split("  across:")
    before = head + "events:\n  across:" + across_text + revolt
    for text, name in ((after, "after.yaml"), (before, "before.yaml")):
        [war] = run_text(write, text, name=name).wars
        assert war.leaders == ("REB", "GNB") and war.guerrillas == 0


def test_a_state_attacked_while_it_supports_a_side_fights_with_its_forces_instead(write):
    """Senegal backs the rebels, who then attack it: it fights them, and no longer makes their
    side fight harder."""
    model = run_text(write, civil_war_text(value=2000, extra="backers: [SEN]", events=CARRIED))
    [war] = model.wars
    assert "SEN" in war.at_home and "SEN" not in war.supporters
    assert war.aid[war.side_of("REB")] == pytest.approx(1.0)


def test_an_attempted_coup_carries_no_war(write):
    """Plotters whose coup is decided tomorrow attack a neighbour the same day: that is a war of
    its own, not a part of the attempt (a review found it swung the attempt's outcome)."""
    text = civil_war_text(
        extra="faction_of: true",
        events="    scale: coup_attempt\n"
        + CARRIED.split("  asks:")[0].replace("1998-06-20", "1998-06-07"),
    )
    model = SahelModel(build_world(load_scenario(write(text)), fact_base()), 1)
    model.step()
    assert len(model.wars) == 2 and model.wars[0].coup_attempt and not model.wars[0].at_home


def test_a_threat_carried_out_across_the_border_is_carried_out(sahelsim, write, tmp_path):
    threat = (
        "  warns:\n    kind: threat\n    date: 1998-06-10\n    by: REB\n    target: SEN\n"
        "    deadline: 1998-06-19\n"
    )
    text = civil_war_text(value=2000, events=threat + CARRIED.split("  asks:")[0])
    out = tmp_path / "bundle"
    assert _ran(sahelsim, str(write(text)), out, 4) == 0
    with open(out / "summary.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(row["threat_carried_out"] == "true" for row in rows)


def test_a_sworn_belligerent_that_attacks_is_fought_and_counted(sahelsim, write, tmp_path):
    """The Second Army, sworn to the rebels and at war beside them, attacks Senegal: Senegal's
    force on it counts, as it would have in a war of their own."""
    events = CARRIED.split("  asks:")[0].replace(
        "    by: REB\n    target: SEN", "    by: BBB\n    target: SEN"
    )
    text = civil_war_text(
        value=2000, actors=SECOND_ARMY.format(extra="    fights_beside: [REB]\n"), events=events
    )
    out = tmp_path / "bundle"
    assert _ran(sahelsim, str(write(text)), out, 2) == 0
    for records in read_events(out).values():
        assert _force_used(records, "BBB", ["SEN"]) and _force_used(records, "SEN", ["BBB"])


def test_the_story_of_rebels_with_a_plural_name_agrees_and_says_it_was_scheduled(write):
    text = civil_war_text(value=2000, events=CARRIED).replace(
        "name: the Rebel Army\n    name_fr: l'Armée rebelle",
        "name: the Southern Rebels\n    name_fr: les Rebelles du Sud",
    )
    run = run_one(load_scenario(write(text)), 1)
    french = " ".join(render_text(run, "fr").split())
    assert "Les Rebelles du Sud portent la guerre au-delà de la frontière" in french
    english = " ".join(render_text(run, "en").split())
    assert "The Southern Rebels carried the war across the border" in english
    said = english.split("carried the war across the border")[1].split(" — ")[0]
    assert "This attack was scheduled by the scenario." in said


@pytest.mark.parametrize("extra", ["backers: [SEN]", "faction_of: true", "rose_in_capital: true"])
def test_rebels_that_fight_in_the_open_already_need_no_saying_so(sahelsim, write, extra):
    text = civil_war_text(extra=f"{extra}\n{IN_THE_OPEN}")
    result = sahelsim("validate", str(write(text)))
    assert result.status == 2 and "Traceback" not in result.err
    assert "'in_the_open' is for a rebel army with no backer" in " ".join(result.out.split())


def test_a_government_s_war_on_its_rebels_is_the_one_carried_whatever_the_order(write):
    """Guinea-Bissau attacks the rebels the day they attack Senegal: listed first or last, the
    civil war is the one Senegal is drawn into (a review found the order decided it)."""
    across = CARRIED.split("  asks:")[0].replace("1998-06-20", "1998-06-07")
    text = civil_war_text(value=2000, events=across).replace(
        "    by: REB\n    target: GNB\n", "    by: GNB\n    target: REB\n", 1
    )
    head, rest = text.split("events:\n")
    revolt, across_text = rest.split("  across:")
    swapped = head + "events:\n  across:" + across_text + revolt
    for body, name in ((text, "a.yaml"), (swapped, "b.yaml")):
        [war] = run_text(write, body, name=name).wars
        assert war.leaders == ("GNB", "REB") and "SEN" in war.at_home


def test_a_ceasefire_and_a_new_rising_the_same_day_stay_in_the_file_s_order(write):
    """Only a belligerent's attacks across a border wait for its civil war: a rising listed
    after a ceasefire of the same day is a new war."""
    events = (
        "  truce:\n    kind: ceasefire\n    date: 1998-07-07\n    between: [GNB, REB]\n"
        "  again:\n    kind: attack\n    date: 1998-07-07\n    by: REB\n    target: GNB\n"
    )
    model = run_text(write, civil_war_text(value=2000, events=events))
    assert len(model.wars) == 2 and model.wars[0].start < model.wars[1].start == 30


def test_a_state_fighting_at_home_asks_its_ally_as_an_ally(write):
    """Senegal, drawn into the war on Guinea-Bissau's side (the attacking side), asks both
    Guinea-Bissau and Guinea: Guinea-Bissau already fights beside it, Guinea is asked."""
    text = civil_war_text(value=2000, events=CARRIED.replace("to: [GIN]", "to: [GNB, GIN]"))
    text = text.replace("    by: REB\n    target: GNB\n", "    by: GNB\n    target: REB\n", 1)
    model = run_text(write, text)
    [asked] = [r for r in model.records if r.kind is RecordKind.REQUEST]
    assert asked.get("reason") is None and not asked.get("other_side")
    assert {r.actor for r in model.records if r.kind is RecordKind.RESPONSE} <= {"GIN"}


def test_those_who_help_a_state_fighting_at_home_defend_too():
    """Guinea enters at Senegal's request on the side Senegal was carried into: both defend."""
    records = [
        {"kind": "war_started", "date": "1998-06-07", "actor": "GNB", "target": "REB", "war": 0},
        {
            "kind": "entered_war",
            "date": "1998-06-20",
            "actor": "SEN",
            "target": "GNB",
            "war": 0,
            "side": 0,
            "attacked_by": "REB",
            "victim": "SEN",
        },
        {
            "kind": "entered_war",
            "date": "1998-06-22",
            "actor": "GIN",
            "target": "REB",
            "war": 0,
            "side": 0,
            "victim": "SEN",
        },
        {
            "kind": "entered_war",
            "date": "1998-06-22",
            "actor": "NGA",
            "target": "REB",
            "war": 0,
            "side": 0,
            "victim": "GNB",
        },
    ]
    day = dt.date(1998, 6, 30)
    for actor in ("SEN", "GIN"):
        assert _entered(records, actor, Side.DEFENDERS, day)
        assert not _entered(records, actor, Side.ATTACKERS, day)
    assert _entered(records, "NGA", Side.ATTACKERS, day)


def test_an_aes_member_attacked_entered_no_war_to_help_another(sahelsim, write, tmp_path):
    """Rebels rising in Mali raid Niger: Niger fights them at home, which is no AES member
    entering a war for another."""
    text = (
        "title: A raid\nstart: 2024-03-01\ndays: 60\nactors:\n  MLI:\n  NER:\n  BFA:\n"
        "  REB:\n    kind: belligerent\n    name: the Rebel Army\n    name_fr: l'Armée rebelle\n"
        "    sources: [https://example.org/r]\n    in: MLI\n"
        "    forces: {value: 2000, year: 2024, unit: fighters, source: https://example.org/r}\n"
        "events:\n  rising:\n    kind: attack\n    date: 2024-03-01\n    by: REB\n    target: MLI\n"
        "  raid:\n    kind: attack\n    date: 2024-03-05\n    by: REB\n    target: NER\n"
    )
    out = tmp_path / "bundle"
    assert _ran(sahelsim, str(write(text)), out, 3) == 0
    with open(out / "summary.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["aes_entered"] for row in rows] == ["false"] * 3
    assert all(row["wars"] == "1" for row in rows)


@pytest.mark.parametrize("order", ["revolt first", "north first"])
def test_a_defender_of_two_invasions_is_refused_on_either(sahelsim, write, order):
    north = (
        "  north:\n    kind: attack\n    date: 1998-07-01\n    by: OTH\n    target: GNB\n"
        "    defenders: [SEN]\n"
    )
    other = SECOND_ARMY.format(extra="").replace("BBB", "OTH")
    text = civil_war_text(actors=other, events="    defenders: [SEN]\n" + north) + (
        "observed:\n  force_used:\n    value: true\n    against: REB\n    by: [SEN]\n"
        "    sources: [https://example.org/a]\n    year: 1998\n"
    )
    if order == "north first":
        head, rest = text.split("events:\n")
        revolt, tail = rest.split("  north:")
        north_text, observed = ("  north:" + tail).split("observed:")
        text = head + "events:\n" + north_text + revolt + "observed:" + observed
    result = sahelsim("validate", str(write(text)))
    assert result.status == 2, result.out
    assert "SEN fights REB from the first day as events.revolt.defenders" in " ".join(
        result.out.split()
    )


def test_validating_judges_a_newcomer_s_attack_as_a_war_of_its_own(sahelsim, write):
    """The rebels and the Second Army, at peace till then, attack Senegal: a war of its own,
    which Guinea-Bissau, fighting the rebels' war, cannot broker while that war goes on."""
    events = CARRIED.split("  asks:")[0].replace(
        "    by: REB\n    target: SEN\n", "    by: BBB\n    target: SEN\n    contributors: [REB]\n"
    )
    text = civil_war_text(value=2000, actors=SECOND_ARMY.format(extra=""), events=events)
    said = " ".join(sahelsim("validate", str(write(text.replace("  GIN:\n", "")))).out.split())
    assert (
        "standing outside the war events.across starts (BBB against SEN) fight events.revolt"
        in said
    )
