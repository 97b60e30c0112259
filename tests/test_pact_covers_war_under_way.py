"""A pact that comes into force during a war it covers covers that war from that day.

A treaty does not reach back to acts or situations that ended before it bound its parties
(Vienna Convention, Art. 28), but an armed attack that goes on is a continuing act (ILC Articles
on State Responsibility, Art. 14 (2)): the Liptako-Gourma Charter came into force on 16 September
2023, weeks into the CSP's war with Mali's army (docs/model.md §7.3).
"""

from __future__ import annotations

import pytest

from sim.model.model import SahelModel
from sim.model.records import RecordKind
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
    """Re-signing a pact already in force brings nothing new into play."""
    signed = f"  re-signed:\n    kind: pact_signed\n    date: 2023-10-10\n    pact: {CHARTER}\n"
    model = run(write, scenario(signed, start="2023-10-01"))
    owed = obligations(model)
    assert {r.actor for r in owed} == {"MLI", "BFA"}
    assert all(r.day == 0 and r.get("under_way_since") is None for r in owed)


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
