"""A suspended member keeps its seat and loses its voice and protection: a clause that would
protect it does not come into play, and the story says why (ECOWAS suspended Burkina Faso after
its coup of January 2022; its second coup, of September 2022, brought no clause into play)."""

from __future__ import annotations

import pytest

from sim.model.model import SahelModel
from sim.model.records import RecordKind
from sim.model.world import build_world
from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario

PACTS = "pacts:\n  ecowas-democracy-2001:\n  ecowas-mechanism-1999:\n"


def coup(state: str, date: str, *, members: str = "NGA, SEN, CIV, GHA") -> str:
    actors = "".join(f"  {a}:\n" for a in (state, *members.split(", ")))
    return (
        f"title: A coup\nstart: {date}\ndays: 5\nactors:\n{actors}{PACTS}"
        f"events:\n  coup:\n    kind: coup\n    date: {date}\n    state: {state}\n"
    )


def membership(name: str, date: str, state: str, status: str) -> str:
    """A scheduled change of ``state``'s standing in ECOWAS, as event lines."""
    return (
        f"  {name}:\n    kind: membership\n    date: {date}\n    organisation: ECOWAS\n"
        f"    state: {state}\n    status: {status}\n"
    )


def lost(write, text: str) -> list[tuple]:
    model = SahelModel(build_world(load_scenario(write(text)), fact_base()), 1)
    model.run()
    return sorted(
        (r.actor, r.target, r.get("pact"))
        for r in model.records
        if r.kind is RecordKind.CLAUSE_UNMET and r.get("condition") == "victim_suspended"
    )


def test_a_coup_in_a_suspended_member_brings_no_clause_into_play_and_says_so(write):
    """Burkina Faso, suspended since 28 January 2022, on 30 September 2022."""
    assert lost(write, coup("BFA", "2022-09-30")) == [
        ("ECOWAS", "BFA", "ecowas-democracy-2001"),
        ("ECOWAS", "BFA", "ecowas-mechanism-1999"),
    ]


def test_nothing_is_said_of_a_member_in_good_standing_or_one_that_left(write):
    """Burkina Faso's first coup, in January 2022, found it in good standing; Mauritania had
    left ECOWAS in 2000, and its coup of 2008 is no suspended member's."""
    assert lost(write, coup("BFA", "2022-01-24")) == []
    mauritania = coup("MRT", "2008-08-06").replace("  MRT:\n", "  MRT:\n    regime: civilian\n")
    assert lost(write, mauritania) == []
    # a suspension event for a state that had left changes nothing: it is no member to suspend
    suspended = mauritania.replace("start: 2008-08-06", "start: 2008-08-05")
    suspended += membership("out", "2008-08-05", "MRT", "suspended")
    assert lost(write, suspended) == []


def test_nothing_is_said_of_a_pact_the_victim_has_withdrawn_from(write):
    """Guinea, suspended from ECOWAS, has withdrawn from the 1999 Mechanism: only the 2001
    Protocol, still binding it, is said to be lost to the suspension."""
    events = membership("out", "2019-03-01", "GIN", "suspended") + (
        "  leaves:\n    kind: pact_withdrawn\n    date: 2019-03-01\n    state: GIN\n"
        "    pact: ecowas-mechanism-1999\n"
    )
    text = coup("GIN", "2019-03-02").replace("start: 2019-03-02", "start: 2019-03-01") + events
    assert [pact for *_, pact in lost(write, text)] == ["ecowas-democracy-2001"]


def test_a_member_suspended_by_an_event_of_the_run_is_told_so(write):
    """Suspended by a membership event the day before its coup."""
    text = coup("GIN", "2019-03-02") + membership("out", "2019-03-01", "GIN", "suspended")
    text = text.replace("start: 2019-03-02", "start: 2019-03-01")
    assert [pact for *_, pact in lost(write, text)] == [
        "ecowas-democracy-2001",
        "ecowas-mechanism-1999",
    ]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "ECOWAS had suspended Burkina Faso, and a suspended member keeps its seat but"),
        ("fr", "la CEDEAO avait suspendu le Burkina Faso, et un membre suspendu garde son siège"),
    ],
)
def test_the_story_says_why_the_suspended_member_s_coup_brought_nothing(
    write, sahelsim, lang, sentence
):
    result = sahelsim(
        "explain", str(write(coup("BFA", "2022-09-30"))), "--seed", "1", "--lang", lang
    )
    assert result.status == 0, result.out + result.err
    assert sentence in " ".join(result.out.split())


def test_a_state_the_run_admitted_then_suspended_is_told_suspended(write):
    """Mauritania admitted to ECOWAS by an event, suspended by another, then a coup: by the
    run's own account it is a suspended member (a reviewer's finding)."""
    events = membership("in", "2019-01-01", "MRT", "admitted") + membership(
        "out", "2019-01-02", "MRT", "suspended"
    )
    text = coup("MRT", "2019-01-03").replace("start: 2019-01-03", "start: 2019-01-01") + events
    assert [pact for *_, pact in lost(write, text)] == [
        "ecowas-democracy-2001",
        "ecowas-mechanism-1999",
    ]


def test_a_suspension_the_run_decides_is_remembered_even_if_lifted_the_next_day(write):
    """ECOWAS's Art. 45 suspends Mali's junta on the day of its coup and an event restores Mali
    the next day: the pact book saw Mali cease to be bound (so a later binding is "again")."""
    text = coup("MLI", "2019-01-01").replace(
        "title: A coup\n", "title: A coup\ncommitment: strict\n"
    )
    text += membership("back", "2019-01-02", "MLI", "restored")
    model = SahelModel(build_world(load_scenario(write(text)), fact_base()), 1)
    model.run()
    assert any(r.kind is RecordKind.MEMBERSHIP and r.day == 0 for r in model.records)
    assert model.book.bound_again("ecowas-democracy-2001", "MLI")
