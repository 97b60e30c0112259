"""Mistaken scenarios get one located, actionable line per problem and exit status 2."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import MINIMAL

from sim.scenario.facts import fact_base
from sim.scenario.parameters import PARAMETERS


def _edit(old: str, new: str) -> str:
    assert old in MINIMAL, old
    return MINIMAL.replace(old, new, 1)


CASES = [
    pytest.param(
        _edit("days: 30", "dayz: 30"),
        "{f}:3:1: dayz: unknown key 'dayz'; expected one of actors, commitment, days, description, "
        "description_fr, ensemble, events, extends, observed, pacts, pacts_left_out, parameters, "
        "... (17 in all); "
        "did you mean 'days'?",
        id="misspelt top-level key",
    ),
    pytest.param(
        _edit("days: 30", "days: thirty"),
        "{f}:3:7: days: wrong value; got 'thirty'; expected a whole number; this text is not one",
        id="wrong type",
    ),
    pytest.param(
        _edit("days: 30", "days: [30]"),
        "{f}:3:7: days: wrong value; got [30]; expected a whole number",
        id="a list for a number",
    ),
    pytest.param(
        _edit("days: 30", "days: 0"),
        "{f}:3:7: days: wrong value; got 0; expected greater than or equal to 1",
        id="out of range",
    ),
    pytest.param(
        _edit("days: 30", "days: 30\ncommitment: strickt"),
        "{f}:4:13: commitment: not a valid choice; got 'strickt'; expected one of behavioural, strict; "
        "did you mean 'strict'?",
        id="misspelt choice",
    ),
    pytest.param(
        _edit("start: 2023-08-10", "start: 2023-02-30"),
        "{f}:2:8: start: 2023-02-30 is not a real date (day is out of range for month); got '2023-02-30'",
        id="impossible date",
    ),
    pytest.param(
        _edit("start: 2023-08-10", "start: 20230810"),
        "{f}:2:8: start: a date as YYYY-MM-DD is expected; got 20230810",
        id="number for a date",
    ),
    pytest.param(
        _edit("  MLI:\n", "  MLI:\n  NIGR:\n"),
        "{f}:7:3: actors.NIGR: unknown actor 'NIGR'; expected an id from the fact base (one of BEN, BFA, "
        "CIV, CMR, CPV, DZA, FRA, GBR, GHA, GIN, GMB, GNB, ... (27 in all)), or an actor defined "
        "inline with kind, name, name_fr, sources and forces",
        id="unknown actor",
    ),
    pytest.param(
        _edit("  MLI:\n", "  MLI:\n    resolv: 0.9\n"),
        "{f}:7:5: actors.MLI.resolv: unknown key 'resolv'; expected one of casualty_tolerance, "
        "deployable_share, effectiveness, forces, note, regime, resolve, sources; did you mean "
        "'resolve'?",
        id="misspelt actor override",
    ),
    pytest.param(
        _edit("  MLI:\n", "  MLI:\n    resolve: 1.5\n"),
        "{f}:7:14: actors.MLI.resolve: wrong value; got 1.5; expected less than or equal to 1",
        id="override out of range",
    ),
    pytest.param(
        _edit("  liptako-gourma-charter:", "  liptako-gourma-chartr:"),
        "{f}:9:3: pacts.liptako-gourma-chartr: unknown pact 'liptako-gourma-chartr'; expected a pact of the "
        "fact base (one of ecowas-democracy-2001, ecowas-mechanism-1999, ecowas-pmad-1981, "
        "france-benin-ct-support-2022, france-benin-mtc-1975, france-burkina-amt-1961, "
        "france-chad-mtc-1976, france-civ-defence-1961, france-civ-partnership-2012, "
        "france-g5-partnership, france-mali-defence-treaty-2014, france-mali-mtc-1985, "
        "... (30 in all)) or "
        "an inline pact with clauses; did you mean 'liptako-gourma-charter'?",
        id="unknown pact",
    ),
    pytest.param(
        _edit("kind: threat", "kind: treat"),
        "{f}:12:11: events.threat.kind: unknown kind 'treat'; expected one of attack, ceasefire, coup, "
        "departure, deployment, domestic_refusal, endorsement, insurgent_offensive, membership, "
        "pact_signed, pact_suspended, pact_withdrawn, ... (16 in all); did you mean 'threat'?",
        id="unknown event kind",
    ),
    pytest.param(
        _edit("    target: NER", "    target: NRE"),
        "{f}:15:13: events.threat.target: not a state among this scenario's actors; got 'NRE'; "
        "expected one of MLI, NER, NGA; did you mean 'NER'?",
        id="unknown target",
    ),
    pytest.param(
        _edit("    by: ECOWAS", "    by: ECOWA"),
        "{f}:14:9: events.threat.by: not an actor of this scenario or an organisation; got 'ECOWA'; "
        "expected one of ECOWAS, G5S, MLI, NER, NGA; did you mean 'ECOWAS'?",
        id="unknown threatener",
    ),
    pytest.param(
        _edit("    by: ECOWAS", "    by: AES"),
        "{f}:14:9: events.threat.by: AES did not exist on 2023-08-10: it was founded on "
        "2023-09-16; got 'AES'; expected an actor of this scenario, or an organisation founded "
        "by then: ECOWAS, G5S",
        id="an organisation before its founding",
    ),
    pytest.param(
        _edit("    date: 2023-08-10", "    date: 2023-10-10"),
        "{f}:13:11: events.threat.date: the event falls outside the scenario's horizon; got '2023-10-10'; "
        "expected a date from 2023-08-10 to 2023-09-09 (start plus days)",
        id="event after the horizon",
    ),
    pytest.param(
        _edit("deadline: 2023-08-24", "deadline: 2023-08-01"),
        "{f}:16:15: events.threat.deadline: the deadline comes before the event's date (2023-08-10); "
        "got '2023-08-01'; expected a date on or after 2023-08-10",
        id="deadline before the threat",
    ),
    pytest.param(
        _edit("    deadline: 2023-08-24\n", ""),
        "{f}:12:5: events.threat.deadline: missing required field 'deadline'",
        id="missing field",
    ),
    pytest.param(
        _edit("title: A minimal scenario\n", ""),
        "{f}:1:1: title: missing required field 'title'",
        id="missing title",
    ),
    pytest.param(
        MINIMAL + "parameters:\n  honour_base_rat: 0.5\n",
        "{f}:18:3: parameters.honour_base_rat: unknown key 'honour_base_rat'; expected one of affinity_weight, "
        "attack_rate, baseline_weariness, breaking_point, buck_passing_weight, "
        "capacity_weight, capitulation_rate, combat_noise, concession_rate, cost_weight, "
        f"counterinsurgency_effect, coup_success, ... ({len(PARAMETERS)} in all); did you mean "
        "'honour_base_rate'?",
        id="misspelt parameter",
    ),
    pytest.param(
        _edit("days: 30", "days: 30\ndays: 40"),
        "{f}:4:1: days: duplicate key 'days' (first given at line 3); expected each key once per mapping",
        id="duplicate key",
    ),
    pytest.param(
        _edit("title: A minimal scenario", "title: [unclosed"),
        "{f}:2:6: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence); "
        "expected well-formed YAML",
        id="broken YAML",
    ),
    pytest.param(
        _edit("    by: ECOWAS", "    by: NER"),
        "{f}:15:13: events.threat.target: NER cannot threaten itself; got 'NER'; expected a "
        "target other than the actor in by",
        id="a state threatening itself",
    ),
    pytest.param(
        _edit("  MLI:\n", "  MLI:\n  NÉR:\n"),
        "{f}:7:3: actors.NÉR: unknown actor 'NÉR'; expected an id from the fact base (one of BEN, "
        "BFA, CIV, CMR, CPV, DZA, FRA, GBR, GHA, GIN, GMB, GNB, ... (27 in all)), or an actor "
        "defined inline with kind, name, name_fr, sources and forces; did you mean 'NER'?",
        id="a non-ASCII id, one message",
    ),
    pytest.param(
        _edit("  MLI:\n", "  MLI:\n    forces: 1e308\n"),
        "{f}:7:13: actors.MLI.forces: not a whole number the format takes; got '1e308'; expected "
        "a whole number written in digits (such as 30000), within the field's range",
        id="a number with an exponent",
    ),
    pytest.param(
        _edit("    by: ECOWAS", "    by: GHA"),
        "{f}:14:9: events.threat.by: not an actor of this scenario or an organisation: GHA is in "
        "the fact base but not listed under this scenario's actors; got 'GHA'; expected GHA "
        "listed under actors: (a line '  GHA:'), or one of ECOWAS, G5S, MLI, NER, NGA",
        id="a fact-base actor the scenario does not list, not a misspelling",
    ),
    pytest.param(
        _edit(
            "events:\n",
            "events:\n  base:\n    kind: deployment\n    date: 2023-08-11\n"
            "    power: GHA\n    host: MLI\n    strength: 100\n",
        ),
        "{f}:14:12: events.base.power: GHA is a state: a deployment moves an outside power's "
        "forces; got 'GHA'; expected an outside power listed under actors (a state's contingent "
        "already fighting beside another state is written in the attack's defenders)",
        id="an event needing a kind of actor the scenario has none of (a state is not a power)",
    ),
    pytest.param(
        "- just\n- a list\n",
        "{f}:1:1: a scenario must be a mapping of fields; got 'list'; expected keys such as title, start, actors",
        id="not a mapping",
    ),
]


@pytest.mark.parametrize(("text", "line"), CASES)
def test_each_mistake_gets_its_exact_message_and_exit_status_2(sahelsim, write, text, line):
    path = write(text)
    result = sahelsim("validate", str(path))
    assert result.status == 2
    assert line.format(f=path) in result.out.splitlines(), result.out
    assert "Traceback" not in result.out + result.err


def test_every_problem_of_a_file_is_reported_at_once(sahelsim, write):
    text = _edit("days: 30", "dayz: 30\ncommitment: strickt")
    text = text.replace("    target: NER", "    target: NRE").replace(
        "  MLI:\n", "  MLI:\n    resolve: 2\n"
    )
    result = sahelsim("validate", str(write(text)))
    assert result.status == 2
    problems = [line for line in result.out.splitlines() if ".yaml:" in line]
    assert len(problems) == 4
    assert [p.split(": ")[1] for p in problems] == [
        "dayz",
        "commitment",
        "actors.MLI.resolve",
        "events.threat.target",
    ]


def test_a_valid_scenario_says_ok_and_exits_0(sahelsim, write):
    # The pacts of 2023 that bound Niger to Mali, switched off as left out on purpose: a
    # scenario that says so hears nothing of them.
    left_out = (
        "  niger-authorisation-2023: {enabled: false}\n"
        "  mali-burkina-declaration-2023: {enabled: false}\n"
    )
    path = write(MINIMAL.replace("events:\n", left_out + "events:\n", 1))
    result = sahelsim("validate", str(path))
    assert result.status == 0
    assert result.out.strip() == f"ok  {path}: A minimal scenario"


def test_a_figure_far_from_the_start_is_noted_and_an_override_silences_it(sahelsim, write):
    """Mali's oldest armed-forces figure is of 2009: a scenario of 2000 reads it, and validating
    says so with the override to use; a scenario that sets Mali's forces is not noted."""
    text = (
        MINIMAL.replace("start: 2023-08-10", "start: 2000-03-22")
        .replace("date: 2023-08-10", "date: 2000-03-22")
        .replace("deadline: 2023-08-24", "deadline: 2000-03-29")
    )
    result = sahelsim("validate", str(write(text)))
    assert result.status == 0
    notes = [line.strip() for line in result.out.splitlines() if "note:" in line]
    mali = [n for n in notes if "(MLI)" in n]
    assert mali == [
        "note: Mali's (MLI) armed forces are the fact base's 2009 figure (7,800), 9 years from "
        "the scenario's start (2000); set actors.MLI.forces to a figure of the time if you have one"
    ]
    set_forces = text.replace("  MLI:\n", "  MLI:\n    forces: 12000\n")
    again = sahelsim("validate", str(write(set_forces, "set.yaml")))
    assert again.status == 0 and "(MLI)" not in again.out


def test_a_body_whose_members_are_partly_left_out_is_noted_with_the_missing(sahelsim, write):
    """A reader wrote Mali 2006 with six of ECOWAS's fifteen members and did not expect the
    Authority to vote with six: validating names the members left out, and says nothing once
    they are all there."""
    ecowas = "pacts:\n  ecowas-mechanism-1999:\n"
    text = MINIMAL.replace("pacts:\n  liptako-gourma-charter:\n", ecowas)
    notes = [line for line in sahelsim("validate", str(write(text))).out.splitlines()]
    [note] = [n.strip() for n in notes if "ECOWAS decides" in n]
    members = fact_base().organisations["ECOWAS"].active_members(dt.date(2023, 8, 10))
    present = [m for m in members if m in ("NER", "MLI", "NGA")]  # Niger and Mali suspended
    missing = [m for m in members if m not in present]
    assert present == ["NGA"]
    assert note == (
        "note: ECOWAS decides under pacts in play (ecowas-mechanism-1999): 1 of its "
        f"{len(members)} members in good standing on 2023-08-10 is an actor of the scenario, and "
        "only they vote and can send forces in its name; add the others under actors: to count "
        f"them ({', '.join(missing)})"
    )
    everyone = text.replace("actors:\n", "actors:\n" + "".join(f"  {m}:\n" for m in missing))
    assert "ECOWAS decides" not in sahelsim("validate", str(write(everyone, "all.yaml"))).out


def test_an_inline_actor_s_own_figure_far_from_the_start_is_noted(sahelsim, write):
    """A rebel army whose cited figure is of 1998 in a scenario of 2012 is noted too."""
    text = (
        MINIMAL.replace("start: 2023-08-10", "start: 2012-03-22")
        .replace("date: 2023-08-10", "date: 2012-03-22")
        .replace("deadline: 2023-08-24", "deadline: 2012-03-29")
        .replace(
            "actors:\n",
            "actors:\n  REB:\n    kind: belligerent\n    name: the Rebel Army\n"
            "    name_fr: l'Armée rebelle\n    sources: [https://example.org/rebels]\n"
            "    in: MLI\n    forces:\n      value: 3000\n      year: {year}\n"
            "      unit: fighters\n      source: https://example.org/figure\n",
            1,
        )
    )
    result = sahelsim("validate", str(write(text.format(year=1998))))
    assert result.status == 0, result.out + result.err
    assert (
        "note: the Rebel Army's (REB) forces are the scenario's own 1998 figure (3,000), 14 "
        "years from its start (2012); check actors.REB.forces"
    ) in [line.strip() for line in result.out.splitlines()]
    recent = sahelsim("validate", str(write(text.format(year=2012), "recent.yaml")))
    assert recent.status == 0 and "(REB) forces are" not in recent.out


def test_one_bad_file_among_good_ones_fails_the_lot(sahelsim, write):
    good = write(MINIMAL, "good.yaml")
    bad = write(_edit("days: 30", "days: -1"), "bad.yaml")
    result = sahelsim("validate", str(good), str(bad))
    assert result.status == 2
    assert f"ok  {good}: A minimal scenario" in result.out
    assert "1 of 2 scenario(s) invalid" in result.out


def test_a_missing_file(sahelsim, tmp_path):
    missing = tmp_path / "nope.yaml"
    result = sahelsim("validate", str(missing))
    assert result.status == 2
    assert f"{missing}: file not found; expected the path of a scenario YAML file" in result.out


def test_an_unknown_bundled_name_suggests_the_nearest(sahelsim):
    result = sahelsim("validate", "niger-2023-bse")
    assert result.status == 2
    assert "no such file and no bundled scenario of that name" in result.out
    assert "did you mean 'niger-2023-base'?" in result.out


def test_a_directory_is_not_a_scenario(sahelsim, tmp_path):
    result = sahelsim("validate", str(tmp_path))
    assert result.status == 2
    assert "Traceback" not in result.out + result.err


def test_validate_needs_a_file(sahelsim):
    result = sahelsim("validate")
    assert result.status == 2
    assert "Missing argument 'SCENARIO...'" in result.err


EDGE = """\
title: At the calendar's edge
start: {start}
days: 30
actors:
  NER: {{regime: military}}
  MLI: {{regime: military}}
  NGA: {{regime: civilian}}
pacts:
  liptako-gourma-charter:
events:
  threat: {{kind: threat, date: {start}, by: NGA, target: NER, deadline: {deadline}}}
"""


@pytest.mark.parametrize("start", ["9999-12-31", "9998-12-31", "0001-01-01"])
def test_a_start_outside_the_calendar_is_refused_with_a_message(sahelsim, write, start):
    result = sahelsim("validate", "gambia-2017", "--set", f"start={start}")
    assert result.status == 2
    assert "Traceback" not in result.out + result.err
    assert "start: the scenario's 180 days run outside the calendar" in result.out
    assert f"got '{start}'; expected a start from 0002-01-01 to 9998-07-04" in result.out


@pytest.mark.parametrize(
    ("start", "deadline"), [("0002-01-01", "0002-01-20"), ("9998-12-01", "9998-12-20")]
)
def test_the_first_and_last_accepted_dates_run_and_draw(sahelsim, write, tmp_path, start, deadline):
    path = write(EDGE.format(start=start, deadline=deadline))
    assert sahelsim("validate", str(path)).status == 0
    out = tmp_path / "edge"
    result = sahelsim("run", str(path), "-n", "2", "--seed", "1", "--out", str(out), "-q")
    assert result.status == 0, result.err
    assert (out / "report.html").is_file() and (out / "figures" / "timeline.svg").is_file()


def test_a_device_is_named_for_what_it_is_not_as_missing(sahelsim, write):
    path = write(MINIMAL + "extends: /dev/zero\n")
    result = sahelsim("validate", str(path), "/dev/zero")
    assert result.status == 2 and "Traceback" not in result.out + result.err
    assert f"{path}:17:10: extends: not a regular file (a folder, a device or a pipe)" in result.out
    assert "/dev/zero: not a regular file" in result.out
    assert "file not found" not in result.out


PADDING = "description: |\n" + "".join(f"  line {i} of padding text\n" for i in range(4000))


@pytest.mark.parametrize("large", [False, True], ids=["small-file", "large-file"])
@pytest.mark.parametrize(
    ("text", "where", "code"),
    [
        ('title: "Red \\e[31malert\\e[0m"', "1:8: title", "U+001B"),
        ('title: "nul\\0here"', "1:8: title", "U+0000"),
        ('"ti\\x07tle": x', "1:1: ", "U+0007"),
    ],
)
def test_control_characters_in_text_are_refused_on_both_parser_paths(
    sahelsim, write, text, where, code, large
):
    body = MINIMAL.replace("title: A minimal scenario", text) + (PADDING if large else "")
    path = write(body)
    assert (path.stat().st_size >= 64 * 1024) == large  # the large file takes rapidyaml first
    result = sahelsim("validate", str(path))
    assert result.status == 2 and "Traceback" not in result.out + result.err
    assert f"{path}:{where}" in result.out
    assert f"control character {code} in text" in result.out
    assert "\x1b" not in result.out and "\x00" not in result.out  # nothing reaches the terminal


def test_a_mistake_made_by_a_set_is_blamed_on_the_set_not_the_file(sahelsim, write):
    path = write(MINIMAL)
    result = sahelsim("validate", str(path), "--set", "actors.XYZ.resolve=0.3")
    assert result.status == 2
    [problem] = [line for line in result.out.splitlines() if "XYZ" in line]
    assert problem.startswith("--set actors.XYZ.resolve=0.3: actors.XYZ: unknown actor 'XYZ'")


def test_switching_an_event_the_scenario_lacks_suggests_the_one_it_has(sahelsim, tmp_path):
    """`--set events.ecowas-thret.enabled=false` made an event of the misspelt name, refused
    for its missing 'kind', with no word of the one meant (a newcomer's find)."""
    args = ("run", "niger-2023-base", "-n", "2", "--seed", "1", "--no-figures")
    out = tmp_path / "out"
    for lang, meant in (("en", "did you mean 'ecowas-threat'?"), ("fr", "« ecowas-threat » ?")):
        switch = ("--set", "events.ecowas-thret.enabled=false", "--lang", lang)
        result = sahelsim(*args, *switch, "--out", str(out))
        assert result.status == 2 and "Traceback" not in result.err
        said = result.err.replace("\u202f", " ").replace("\xa0", " ")  # French spacing
        assert said.rstrip().endswith(meant) and "kind" not in said
        assert not out.exists()
    kept = sahelsim(*args, "--set", "events.ecowas-threat.enabled=false", "--out", str(out))
    assert kept.status == 0, kept.err


def test_a_parameter_set_without_its_prefix_is_told_where_it_belongs(sahelsim, tmp_path):
    """`--set non_military_lending_share=0.5` was refused as an unknown top-level key with no
    word of `parameters.`; every declared parameter given bare now gets the hint."""
    from sim.errors import ScenarioError
    from sim.scenario.loading import load_scenario

    args = ("run", "gambia-2017", "-n", "1", "--seed", "1", "--no-figures")
    out = tmp_path / "out"
    meant = {
        "en": "did you mean 'parameters.non_military_lending_share'?",
        "fr": "vouliez-vous dire « parameters.non_military_lending_share » ?",
    }
    for lang, hint in meant.items():
        bare = ("--set", "non_military_lending_share=0.5", "--lang", lang, "--out", str(out))
        result = sahelsim(*args, *bare)
        assert result.status == 2 and "Traceback" not in result.err
        assert result.err.replace("\u202f", " ").replace("\xa0", " ").rstrip().endswith(hint)
        assert not out.exists()
    for name, parameter in PARAMETERS.items():
        with pytest.raises(ScenarioError) as refused:
            load_scenario("gambia-2017", [f"{name}={parameter.default}"])
        [problem] = refused.value.problems
        assert problem.suggestion == f"parameters.{name}", name


def test_a_set_that_breaks_the_actors_mapping_is_one_problem_not_a_cascade(sahelsim, write):
    result = sahelsim("validate", str(write(MINIMAL)), "--set", "actors=5")
    assert result.status == 2
    assert result.out.splitlines() == [
        "--set actors=5: actors: wrong value; got 5; expected a mapping of keys to values",
        "1 of 1 scenario(s) invalid",
    ]


def test_a_historical_episode_is_found_by_its_name_as_the_backtest_finds_it(sahelsim, tmp_path):
    """`backtest --episodes liberia-1990` finds it by name; so do `validate` and `run`."""
    for name in ("liberia-1990", "mali-2012"):  # a training and a held-out episode
        result = sahelsim("validate", name)
        assert result.status == 0, result.out + result.err
        assert f"ok  {name}: " in result.out
    out = tmp_path / "liberia"
    result = sahelsim("run", "liberia-1990", "-n", "1", "--no-figures", "--out", str(out))
    assert result.status == 0, result.out + result.err
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["scenario"]["title"].startswith("Liberia, July 1990")
    result = sahelsim("validate", "liberia-1909")
    assert result.status == 2
    assert "nor an episode of scenarios/history/ or held-out/" in result.out


def test_a_body_s_embargo_is_written_and_told_and_a_wrong_body_is_located(sahelsim, write):
    """The UN Security Council's arms embargo on Côte d'Ivoire (Res. 1572, 2004) is a body's
    sanctions, not an actor's: it validates and the story names the Council in both languages;
    a body the format does not know is refused where it stands, with the choices."""
    embargo = (
        "  embargo:\n    kind: sanctions\n    date: 2023-08-20\n    by: unsc\n    target: NER\n"
    )
    path = write(MINIMAL + embargo)
    assert sahelsim("validate", str(path)).status == 0
    told = sahelsim("explain", str(path), "--seed", "1")
    assert "The UN Security Council imposed sanctions on Niger." in told.out
    told_fr = sahelsim("explain", str(path), "--seed", "1", "--lang", "fr")
    assert "Le Conseil de sécurité des Nations unies impose des sanctions au Niger." in told_fr.out
    bad = write(MINIMAL + embargo.replace("by: unsc", "by: UN"))
    result = sahelsim("validate", str(bad))
    assert result.status == 2
    assert (
        f"{bad}:20:9: events.embargo.by: not an actor of this scenario, an organisation or a body "
        "(au_psc, unsc or oau); got 'UN'; expected one of ECOWAS, G5S, MLI, NER, NGA, au_psc, "
        "oau, unsc; did you mean 'unsc'?"
    ) in result.out.splitlines(), result.out


def test_a_french_title_and_the_reasons_for_an_override_are_for_the_reader(sahelsim, write):
    """Readers writing crises by hand wanted a French title without teaching notes, and a place
    to cite why they set a value: ``title_fr`` titles the French story, and an override's
    ``note`` and ``sources`` validate and change nothing the model runs."""
    cited = MINIMAL.replace(
        "title: A minimal scenario\n", "title: A minimal scenario\ntitle_fr: Un scénario minimal\n"
    ).replace(
        "  NER:\n",
        "  NER:\n    resolve: 0.8\n    note: the junta's defiance\n"
        "    sources: [https://example.org/defiance]\n",
    )
    bare = MINIMAL.replace("  NER:\n", "  NER:\n    resolve: 0.8\n")
    path, plain = write(cited), write(bare, name="bare.yaml")
    assert sahelsim("validate", str(path)).status == 0
    french = sahelsim("explain", str(path), "--seed", "1", "--lang", "fr").out
    assert "Début de la simulation « Un scénario minimal »" in french
    english = sahelsim("explain", str(path), "--seed", "1").out
    assert "Start of the run “A minimal scenario”" in english
    assert english == sahelsim("explain", str(plain), "--seed", "1").out


def test_a_french_name_without_its_article_is_noted(sahelsim, write):
    """A reader wrote Portugal's French name as « Portugal », and the stories read « aux côtés
    de Portugal »: validating says the article is missing, as a note, and nothing once it is
    written."""
    portugal = (
        "actors:\n  PRT:\n    kind: state\n    name: Portugal\n    name_fr: {name}\n"
        "    sources: [https://example.org/portugal]\n    forces:\n      value: 30000\n"
        "      year: 2023\n      unit: personnel\n      source: https://example.org/figure\n"
    )
    bare = MINIMAL.replace("actors:\n", portugal.format(name="Portugal"), 1)
    result = sahelsim("validate", str(write(bare)))
    assert result.status == 0, result.out + result.err
    assert (
        "note: actors.PRT.name_fr ('Portugal') has no article: names are written as they read "
        "inside a sentence, and the stories in French put them after prepositions; write the "
        "article if the name takes one (le Portugal, la Libye, l'Algérie, les Comores)"
    ) in [line.strip() for line in result.out.splitlines()]
    written = MINIMAL.replace("actors:\n", portugal.format(name="le Portugal"), 1)
    assert "name_fr" not in sahelsim("validate", str(write(written, "le.yaml"))).out


@pytest.mark.parametrize(
    ("name", "fixed"), [("Le Portugal", "le Portugal"), ("l\u2019Algérie", "l'Algérie")]
)
def test_a_french_article_the_stories_cannot_contract_is_noted(sahelsim, write, name, fixed):
    """« Le Portugal » reads « de Le Portugal », and « l’Algérie » « à l’Algérie »: the note asks
    for the article in lower case, with a straight apostrophe."""
    portugal = (
        'actors:\n  PRT:\n    kind: state\n    name: Portugal\n    name_fr: "{name}"\n'
        "    sources: [https://example.org/portugal]\n    forces:\n      value: 30000\n"
        "      year: 2023\n      unit: personnel\n      source: https://example.org/figure\n"
    )
    result = sahelsim(
        "validate", str(write(MINIMAL.replace("actors:\n", portugal.format(name=name), 1)))
    )
    assert result.status == 0, result.out + result.err
    notes = [line.strip() for line in result.out.splitlines() if "name_fr" in line]
    assert notes == [
        f"note: actors.PRT.name_fr ({name!r}) begins with its article: write it in lower case, "
        f"with a straight apostrophe ({fixed!r}), so that the stories in French can contract it "
        "after a preposition (du, au, de l')"
    ]
