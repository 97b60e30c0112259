"""A pact that comes into force during a war it covers covers that war from that day.

A treaty does not reach back to acts or situations that ended before it bound its parties
(Vienna Convention, Art. 28), but an armed attack that goes on is a continuing act (ILC Articles
on State Responsibility, Art. 14 (2)): the Liptako-Gourma Charter came into force on 16 September
2023, weeks into the CSP's war with Mali's army (docs/model.md §7.3).
"""

from __future__ import annotations

import pytest
from conftest import civil_war_text

from sim.model.model import SahelModel
from sim.model.records import RecordKind, WarOutcome
from sim.model.world import build_world
from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario

CHARTER = "liptako-gourma-charter"
IN_FORCE = 15
"""16 September 2023, the Charter's entry into force, as a day of a run from 1 September."""


def scenario(events: str = "", *, start: str = "2023-09-01", days: int = 30) -> str:
    """Nigeria invades Niger on the first day; the Charter is the only pact of the run."""
    return (
        f"title: An invasion of Niger\nstart: {start}\ndays: {days}\ncommitment: strict\n"
        "actors:\n  NER:\n  MLI:\n  BFA:\n  NGA:\n"
        f"pacts:\n  {CHARTER}:\n"
        "parameters:\n  capitulation_rate: 0\n  mediation_rate: 0\n  breaking_point: 0.9\n"
        f"events:\n  invasion:\n    kind: attack\n    date: {start}\n    by: NGA\n    target: NER\n"
        f"{events}"
    )


def run(write, text: str) -> SahelModel:
    model = SahelModel(build_world(load_scenario(write(text)), fact_base()), 1)
    model.run()
    return model


def obligations(model: SahelModel) -> list:
    return [
        r for r in model.records if r.kind is RecordKind.OBLIGATION and r.get("pact") == CHARTER
    ]


def test_the_war_under_way_is_covered_from_the_day_the_pact_binds(write):
    model = run(write, scenario())
    owed = obligations(model)
    assert {r.actor for r in owed} == {"MLI", "BFA"}
    assert all(r.day == IN_FORCE and r.get("under_way_since") == 0 for r in owed)
    assert all(r.get("clause") == "art6" and r.target == "NER" for r in owed)
    entered = {r.actor: r.day for r in model.records if r.kind is RecordKind.ENTERED_WAR}
    assert entered == {"MLI": IN_FORCE, "BFA": IN_FORCE}, "strict: both keep the new pledge"


def test_a_war_over_before_the_pact_binds_is_not_covered(write):
    ceasefire = "  truce:\n    kind: ceasefire\n    date: 2023-09-10\n    between: [NGA, NER]\n"
    model = run(write, scenario(ceasefire))
    assert any(r.kind is RecordKind.WAR_ENDED for r in model.records)
    assert obligations(model) == []


def test_a_war_begun_under_the_pact_is_decided_on_its_first_day_and_only_then(write):
    """Re-signing a pact already in force brings nothing new into play: allies who declined on
    the first day (and so are not fighting) are not asked again."""
    signed = f"  re-signed:\n    kind: pact_signed\n    date: 2023-10-10\n    pact: {CHARTER}\n"
    text = scenario(signed, start="2023-10-01").replace(
        "commitment: strict", "commitment: behavioural"
    )
    text = text.replace("parameters:\n", "parameters:\n  honour_base_rate: 0.02\n", 1)
    model = run(write, text)
    owed = obligations(model)
    assert sorted(r.actor for r in owed) == ["BFA", "MLI"]
    assert all(r.day == 0 and r.get("under_way_since") is None for r in owed)
    assert not any(r.kind is RecordKind.ENTERED_WAR for r in model.records), "they declined"


def test_a_pact_signed_during_the_war_covers_it_from_its_signing(write):
    """A scenario's signing brings a pact of states into force before its date in the fact base
    (Mali and Burkina Faso's pledge to Niger, dated 31 July 2023)."""
    pledge = "mali-burkina-declaration-2023"
    signed = f"  early:\n    kind: pact_signed\n    date: 2023-07-20\n    pact: {pledge}\n"
    text = scenario(signed, start="2023-07-15").replace(f"  {CHARTER}:\n", f"  {pledge}:\n")
    model = run(write, text)
    owed = [r for r in model.records if r.kind is RecordKind.OBLIGATION]
    assert {r.actor for r in owed} == {"MLI", "BFA"}
    assert all(r.get("pact") == pledge for r in owed)
    assert all(r.day == 5 and r.get("under_way_since") == 0 for r in owed)


def test_a_state_that_joins_during_the_war_is_asked_and_no_one_is_asked_twice(write):
    """Chad admitted to the Alliance on 1 November 2023, into a war begun under the Charter:
    Chad alone is asked, from that day; Mali and Burkina Faso were asked on the first day."""
    joins = (
        "  chad-joins:\n    kind: membership\n    date: 2023-11-01\n    organisation: AES\n"
        "    state: TCD\n    status: admitted\n"
    )
    text = scenario(joins, start="2023-10-01", days=60).replace("  NGA:\n", "  NGA:\n  TCD:\n")
    owed = obligations(run(write, text))
    assert sorted((r.actor, r.day, r.get("under_way_since")) for r in owed) == [
        ("BFA", 0, None),
        ("MLI", 0, None),
        ("TCD", 31, 0),
    ]
    assert not any(r.get("bound_again") for r in owed)  # Chad was never bound before


def test_a_member_suspended_and_restored_during_the_war_is_not_asked_again(write):
    """Mali, obliged on the war's first day, is suspended from the Alliance and restored: it
    answered once, and a party bound again is not a new party."""
    standing = (
        "  out:\n    kind: membership\n    date: 2023-10-05\n    organisation: AES\n"
        "    state: MLI\n    status: suspended\n"
        "  back:\n    kind: membership\n    date: 2023-10-10\n    organisation: AES\n"
        "    state: MLI\n    status: restored\n"
    )
    text = scenario(standing, start="2023-10-01", days=30).replace("commitment: strict", "")
    owed = obligations(run(write, text))
    assert sorted((r.actor, r.day) for r in owed) == [("BFA", 0), ("MLI", 0)]


def _truce_from_10_to_20(write, text: str) -> SahelModel:
    """The run of ``text`` with its first war in a truce that holds from day 10 to day 20."""
    text = text.replace("parameters:\n", "parameters:\n  truce_breakdown_rate: 0\n", 1)
    model = SahelModel(build_world(load_scenario(write(text)), fact_base()), 1)
    while model.day < model.horizon:
        model.step()
        if model.day == 10:
            model.end_war(model.wars[0], WarOutcome.MEDIATED, "mediation")
        if model.day == 20:
            model.resume_war(model.wars[0])
    return model


def test_a_war_resumed_after_a_truce_is_covered_by_a_pact_that_came_into_force_meanwhile(write):
    """Nigeria's war on Niger is brought to a truce on 11 September and resumes on the 21st: the
    Charter, in force from the 16th, covers it from the day after it resumes, whether or not
    another war was fought while it came into force (Togo's on Côte d'Ivoire)."""
    other = "  other:\n    kind: attack\n    date: 2023-09-05\n    by: TGO\n    target: CIV\n"
    for events in ("", other):
        text = scenario(events).replace("  NGA:\n", "  NGA:\n  TGO:\n  CIV:\n", 1)
        owed = obligations(_truce_from_10_to_20(write, text))
        assert sorted((r.actor, r.day, r.get("war")) for r in owed) == [
            ("BFA", 21, 0),
            ("MLI", 21, 0),
        ], events
        # it came into force during the truce, and never lapsed: not "in force again"
        assert not any(r.get("bound_again") for r in owed), events


def test_a_pact_that_came_into_force_in_a_truce_is_not_in_force_again_for_a_member_s_lapse(
    write,
):
    """The Charter comes into force on 16 September, during the truce; Mali is suspended from
    the Alliance on the 17th and restored on the 18th: the pact never lapsed, so it is told as
    come into force when the war resumes, not as in force again (a reviewer's finding)."""
    standing = (
        "  out:\n    kind: membership\n    date: 2023-09-17\n    organisation: AES\n"
        "    state: MLI\n    status: suspended\n"
        "  back:\n    kind: membership\n    date: 2023-09-18\n    organisation: AES\n"
        "    state: MLI\n    status: restored\n"
    )
    owed = obligations(_truce_from_10_to_20(write, scenario(standing)))
    assert sorted((r.actor, r.day) for r in owed) == [("BFA", 21), ("MLI", 21)]
    assert not any(r.get("bound_again") for r in owed)


def test_a_pact_suspended_when_a_war_began_covers_it_once_signed_again(write):
    """The Charter suspended on 5 October, Côte d'Ivoire attacks Burkina Faso on the 10th, the
    Charter is signed again on the 20th: the war is covered from then, even with an earlier war
    (Nigeria's on Niger) under way since before the suspension."""
    events = (
        f"  suspended:\n    kind: pact_suspended\n    date: 2023-10-05\n    pact: {CHARTER}\n"
        "  second:\n    kind: attack\n    date: 2023-10-10\n    by: CIV\n    target: BFA\n"
        f"  signed:\n    kind: pact_signed\n    date: 2023-10-20\n    pact: {CHARTER}\n"
    )
    text = scenario(events, start="2023-10-01", days=40).replace("  NGA:\n", "  NGA:\n  CIV:\n")
    owed = [r for r in obligations(run(write, text)) if r.target == "BFA"]
    assert sorted((r.actor, r.day, r.get("under_way_since")) for r in owed) == [
        ("MLI", 19, 9),
        ("NER", 19, 9),
    ]
    # in force again, not for the first time: it bound the three from the run's first day
    assert all(r.get("bound_again") == ["MLI", "BFA", "NER"] for r in owed)


def test_a_pact_signed_again_is_told_in_force_again(write, sahelsim):
    events = (
        f"  suspended:\n    kind: pact_suspended\n    date: 2023-10-05\n    pact: {CHARTER}\n"
        "  second:\n    kind: attack\n    date: 2023-10-10\n    by: CIV\n    target: BFA\n"
        f"  signed:\n    kind: pact_signed\n    date: 2023-10-20\n    pact: {CHARTER}\n"
    )
    text = scenario(events, start="2023-10-01", days=40).replace("  NGA:\n", "  NGA:\n  CIV:\n")
    told = {}
    for lang in ("en", "fr"):
        result = sahelsim("explain", str(write(text)), "--seed", "1", "--lang", lang)
        assert result.status == 0
        told[lang] = " ".join(result.out.split())
    assert (
        "The pact is in force again from today, with the war under way since 10 Oct" in (told["en"])
    )
    assert "Le pacte est de nouveau en vigueur à compter de ce jour" in told["fr"]
    assert "came into force today, with the war under way since 10 Oct" not in told["en"]


def test_a_member_bound_in_peacetime_and_restored_in_war_is_bound_again(write):
    """Mauritania admitted to ECOWAS on 3 January, suspended on the 5th, restored on the 10th,
    Nigeria's war on Niger under way since the 6th: bound before, in peacetime, so bound again
    (a reviewer's finding: only days with a war under way were remembered)."""
    text = A_VOTE.replace("  MLI:\n", "  MRT:\n").replace("state: MLI", "state: MRT")
    text = text.replace("date: 2019-01-02\n    by: NGA", "date: 2019-01-06\n    by: NGA")
    text = text.replace(
        "  out:\n    kind: membership\n    date: 2019-01-01",
        "  in:\n    kind: membership\n    date: 2019-01-03\n    organisation: ECOWAS\n"
        "    state: MRT\n    status: admitted\n"
        "  out:\n    kind: membership\n    date: 2019-01-05",
    )
    votes = [r for r in run(write, text).records if r.kind is RecordKind.OBLIGATION]
    assert [(r.day, r.get("newly_bound"), r.get("bound_again")) for r in votes] == [
        (9, ["MRT"], ["MRT"])
    ]


REBELS = (
    "  REB:\n    kind: belligerent\n    name: the Rebels\n    name_fr: les Rebelles\n"
    "    sources: [https://example.org/rebels]\n    in: MLI\n"
    "    forces: {value: 3000, year: 2023, unit: fighters, source: https://example.org/r}\n"
    "  RB2:\n    kind: belligerent\n    name: the Others\n    name_fr: les Autres\n"
    "    sources: [https://example.org/rebels]\n    in: MLI\n"
    "    forces: {value: 2000, year: 2023, unit: fighters, source: https://example.org/r}\n"
)


def two_offensives(second: str, contributors: str = "") -> str:
    """The Rebels rise in Mali on 1 September 2023, agree a ceasefire on the 5th, and attack
    again on ``second`` (with ``contributors``, if given)."""
    return (
        "title: Two offensives\nstart: 2023-09-01\ndays: 40\ncommitment: strict\n"
        f"actors:\n  MLI:\n  BFA:\n  NER:\n{REBELS}pacts:\n  {CHARTER}:\n"
        "parameters:\n  capitulation_rate: 0\n  mediation_rate: 0\n  breaking_point: 0.9\n"
        "events:\n  first:\n    kind: attack\n    date: 2023-09-01\n    by: REB\n    target: MLI\n"
        "  truce:\n    kind: ceasefire\n    date: 2023-09-05\n    between: [REB, MLI]\n"
        f"  second:\n    kind: attack\n    date: {second}\n    by: REB\n    target: MLI\n"
        + (f"    contributors: [{contributors}]\n" if contributors else "")
    )


@pytest.mark.parametrize("contributors", ["", "REB, RB2"], ids=["alone", "with others"])
def test_the_same_rebels_later_offensive_is_covered_once(write, contributors):
    """A rebellion is one casus foederis however many offensives: the rebels' second war on Mali,
    begun after a ceasefire and before the Charter, is covered from 16 September, once, even when
    other rebels join the second offensive; the story dates it from the second war's start."""
    owed = obligations(run(write, two_offensives("2023-09-10", contributors)))
    assert sorted((r.actor, r.day, r.get("clause"), r.get("war")) for r in owed) == [
        ("BFA", IN_FORCE, "art5", 1),
        ("NER", IN_FORCE, "art5", 1),
    ]
    assert all(r.get("under_way_since") == 9 for r in owed)


def test_the_same_rebels_offensive_after_the_pact_binds_is_covered_from_its_first_day(write):
    """The Charter came into force between the two offensives: the second is owed for on its
    first day, as any war begun under a pact."""
    owed = obligations(run(write, two_offensives("2023-09-20")))
    assert sorted((r.actor, r.day, r.get("war"), r.get("under_way_since")) for r in owed) == [
        ("BFA", 19, 1, None),
        ("NER", 19, 1, None),
    ]


def test_two_clauses_of_one_article_are_both_owed(write):
    """An inline pact's Art. 1 asks both for help to the victim and sanctions on the attacker."""
    clause = (
        "      - id: {id}\n        article: Art. 1\n        summary: {summary}\n"
        "        source: https://example.org/pact\n        casus_foederis: aggression\n"
        "        obliged: other_parties\n        toward: {toward}\n        action: {action}\n"
        "        decision: obliged_state\n"
    )
    pact = (
        "  two-acts:\n    id: two-acts\n    name: A pledge in one article\n"
        "    signed: 2020-01-01\n    parties: {states: [NER, MLI]}\n"
        "    source: https://example.org/pact\n    clauses:\n"
        + clause.format(id="help", summary="Help.", toward="victim", action="support")
        + clause.format(id="punish", summary="Sanctions.", toward="offender", action="sanctions")
    )
    text = scenario(start="2023-10-01", days=5).replace(f"  {CHARTER}:\n", pact)
    model = run(write, text.replace("  BFA:\n", ""))
    owed = [r for r in model.records if r.kind is RecordKind.OBLIGATION]
    assert sorted((r.actor, r.get("clause")) for r in owed) == [("MLI", "help"), ("MLI", "punish")]


A_VOTE = (
    "title: A vote\nstart: 2019-01-01\ndays: 20\ncommitment: strict\n"
    "actors:\n  NER:\n  MLI:\n  NGA:\npacts:\n  ecowas-mechanism-1999:\n"
    "parameters:\n  capitulation_rate: 0\n  mediation_rate: 0\n  breaking_point: 0.9\n"
    "events:\n  out:\n    kind: membership\n    date: 2019-01-01\n    organisation: ECOWAS\n"
    "    state: MLI\n    status: suspended\n"
    "  war:\n    kind: attack\n    date: 2019-01-02\n    by: NGA\n    target: NER\n"
    "  back:\n    kind: membership\n    date: 2019-01-10\n    organisation: ECOWAS\n"
    "    state: MLI\n    status: restored\n"
)
"""Every ECOWAS member of the run is a party to Nigeria's war on Niger but Mali, suspended on
the first day and restored on the tenth."""


def test_a_vote_no_member_could_hold_is_held_once_a_member_is_restored(write):
    """No one can vote under the 1999 Mechanism until Mali is restored, and then the vote is
    held; Mali, a member when the run began, is bound again, not for the first time."""
    model = run(write, A_VOTE)
    votes = [r for r in model.records if r.kind is RecordKind.OBLIGATION and r.actor == "ECOWAS"]
    assert [
        (r.day, r.get("under_way_since"), r.get("newly_bound"), r.get("bound_again")) for r in votes
    ] == [(9, 1, ["MLI"], ["MLI"])]
    assert any(r.kind is RecordKind.VOTE and r.day == 9 for r in model.records)


def test_a_clause_a_war_does_not_meet_is_said_once(write):
    """An unbacked rising does not meet the 1981 Protocol's Art. 4 (ii): said on the first day,
    and not again when Guinea-Bissau is suspended from ECOWAS and restored."""
    events = (
        "  out:\n    kind: membership\n    date: 1998-06-10\n    organisation: ECOWAS\n"
        "    state: GNB\n    status: suspended\n"
        "  back:\n    kind: membership\n    date: 1998-06-20\n    organisation: ECOWAS\n"
        "    state: GNB\n    status: restored\n"
    )
    text = civil_war_text(events=events, pacts="pacts:\n  ecowas-pmad-1981:\n", days=30)
    model = run(write, text)
    unmet = [r for r in model.records if r.kind is RecordKind.CLAUSE_UNMET]
    assert [(r.day, r.get("clause")) for r in unmet] == [(0, "art4-internal")]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "The pact came into force today, with the war under way since 1 Sep 2023"),
        ("fr", "Le pacte entre en vigueur ce jour, alors que la guerre est en cours depuis le "),
    ],
)
def test_the_story_says_the_pact_came_into_force_with_the_war_under_way(
    write, sahelsim, lang, sentence
):
    path = write(scenario())
    result = sahelsim("explain", str(path), "--seed", "1", "--lang", lang)
    assert result.status == 0
    assert sentence in " ".join(result.out.split())


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "From today the pact binds Chad, with the war under way since 1 Oct 2023"),
        ("fr", "Le pacte lie le Tchad à compter de ce jour, alors que la guerre est en cours"),
    ],
)
def test_the_story_says_whom_a_pact_in_force_binds_anew(write, sahelsim, lang, sentence):
    joins = (
        "  chad-joins:\n    kind: membership\n    date: 2023-11-01\n    organisation: AES\n"
        "    state: TCD\n    status: admitted\n"
    )
    text = scenario(joins, start="2023-10-01", days=60).replace("  NGA:\n", "  NGA:\n  TCD:\n")
    result = sahelsim("explain", str(write(text)), "--seed", "1", "--lang", lang)
    assert result.status == 0
    told = " ".join(result.out.split())
    assert sentence in told
    assert "came into force today" not in told and "entre en vigueur ce jour" not in told


def test_validating_says_which_pacts_come_into_force_during_the_run(write, sahelsim):
    """A writer who starts a crisis before a pact's date is told it covers a war only from then."""
    note = f"{CHARTER} comes into force on 2023-09-16, within the run"
    signed = f"  early:\n    kind: pact_signed\n    date: 2023-09-05\n    pact: {CHARTER}\n"
    later = (
        f"  out:\n    kind: pact_suspended\n    date: 2023-10-01\n    pact: {CHARTER}\n"
        f"  again:\n    kind: pact_signed\n    date: 2023-10-10\n    pact: {CHARTER}\n"
    )
    for text, noted in (
        (scenario(), True),  # from 1 September
        (scenario(start="2023-10-01"), False),  # in force from the start
        (scenario(days=10), False),  # over before it
        (scenario(signed), False),  # the scenario signs it: its event says when
        (scenario(later, days=60), True),  # signed again after a suspension: its date stands
    ):
        result = sahelsim("validate", str(write(text)))
        assert result.status == 0
        assert (note in " ".join(result.out.split())) is noted, text


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "From today the pact binds Mali again, with the war under way since 2 Jan 2019"),
        ("fr", "Le pacte lie de nouveau le Mali à compter de ce jour, alors que la guerre"),
    ],
)
def test_the_story_says_a_restored_member_is_bound_again(write, sahelsim, lang, sentence):
    result = sahelsim("explain", str(write(A_VOTE)), "--seed", "1", "--lang", lang)
    assert result.status == 0
    told = " ".join(result.out.split())
    assert sentence in told
    assert "binds Mali," not in told and "lie le Mali à compter" not in told


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "From today the pact binds Mauritania, and Mali again, with the war under way"),
        ("fr", "Le pacte lie la Mauritanie, et de nouveau le Mali, à compter de ce jour"),
    ],
)
def test_the_story_tells_a_new_party_from_a_restored_one(write, sahelsim, lang, sentence):
    """Mauritania admitted to ECOWAS the day Mali is restored: one bound for the first time,
    the other again."""
    admitted = (
        "  mrt:\n    kind: membership\n    date: 2019-01-10\n    organisation: ECOWAS\n"
        "    state: MRT\n    status: admitted\n"
    )
    text = A_VOTE.replace("  NGA:\npacts", "  NGA:\n  MRT:\npacts") + admitted
    result = sahelsim("explain", str(write(text)), "--seed", "1", "--lang", lang)
    assert result.status == 0
    assert sentence in " ".join(result.out.split())
