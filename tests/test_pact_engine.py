"""The pact engine, as rule tables: a scripted trigger in, the obligations it creates out."""

from __future__ import annotations

import datetime as dt

import pytest

from sim.model.pacts import Memberships, PactBook, Trigger, obligations_for
from sim.model.records import RecordKind
from sim.run.replicate import run_one
from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario
from sim.scenario.vocabulary import CasusFoederis as C

FACTS = fact_base()
IN_PLAY = [
    "MLI",
    "BFA",
    "NER",
    "NGA",
    "SEN",
    "CIV",
    "BEN",
    "GHA",
    "TGO",
    "GMB",
    "DZA",
    "RUS",
    "FRA",
    "TCD",
    "MRT",
]


def obligations(kind, victim, offenders, day, pacts):
    book = PactBook({p: FACTS.pacts[p] for p in pacts}, Memberships(FACTS.organisations), day)
    # every offender of this table is a State
    trigger = Trigger(kind, victim, tuple(offenders), 0, states=tuple(offenders))
    found = obligations_for(trigger, book, day, 0, IN_PLAY)
    return sorted(
        (o.obliged, o.pact, o.clause.article, o.clause.action.value, o.clause.decision.value)
        for o in found
    )


AFTER_CHARTER = dt.date(2023, 10, 1)
CHARTER = ["liptako-gourma-charter"]


@pytest.mark.parametrize(
    ("kind", "victim", "offenders", "day", "pacts", "expected"),
    [
        pytest.param(
            C.AGGRESSION,
            "NER",
            ["NGA", "BEN"],
            AFTER_CHARTER,
            CHARTER,
            [
                ("BFA", "liptako-gourma-charter", "Art. 6", "armed_assistance", "obliged_state"),
                ("MLI", "liptako-gourma-charter", "Art. 6", "armed_assistance", "obliged_state"),
            ],
            id="Art. 6: aggression on a member obliges the others",
        ),
        pytest.param(
            C.AGGRESSION,
            "NER",
            ["NGA"],
            dt.date(2023, 9, 15),
            CHARTER,
            [],
            id="the Charter does not bind before it is signed",
        ),
        pytest.param(
            C.ATTACK_ON_FORCES_ABROAD,
            "MLI",
            ["NGA"],
            AFTER_CHARTER,
            CHARTER,
            [
                ("BFA", "liptako-gourma-charter", "Art. 7", "armed_assistance", "obliged_state"),
                ("NER", "liptako-gourma-charter", "Art. 7", "armed_assistance", "obliged_state"),
            ],
            id="Art. 7: attack on a member's forces abroad",
        ),
        pytest.param(
            C.ARMED_REBELLION,
            "BFA",
            ["JNIM"],
            AFTER_CHARTER,
            CHARTER,
            [
                ("MLI", "liptako-gourma-charter", "Art. 5", "support", "obliged_state"),
                ("NER", "liptako-gourma-charter", "Art. 5", "support", "obliged_state"),
            ],
            id="Art. 5: armed rebellion inside a member",
        ),
        pytest.param(
            C.AGGRESSION,
            "BFA",
            ["MLI"],
            AFTER_CHARTER,
            CHARTER,
            [("AES", "liptako-gourma-charter", "Art. 8", "consult", "unanimity")],
            id="Art. 8: aggression between members goes to the unanimous body, not Art. 6",
        ),
        pytest.param(
            C.AGGRESSION,
            "NER",
            ["DZA"],
            AFTER_CHARTER,
            ["niger-authorisation-2023"],
            [
                (
                    "BFA",
                    "niger-authorisation-2023",
                    "Orders of 24 Aug 2023",
                    "armed_assistance",
                    "obliged_state",
                ),
                (
                    "MLI",
                    "niger-authorisation-2023",
                    "Orders of 24 Aug 2023",
                    "armed_assistance",
                    "obliged_state",
                ),
            ],
            id="a bilateral pact protects only its beneficiary (Niger)",
        ),
        pytest.param(
            C.AGGRESSION,
            "MLI",
            ["DZA"],
            AFTER_CHARTER,
            ["niger-authorisation-2023"],
            [],
            id="... and nobody else",
        ),
        pytest.param(
            C.UNCONSTITUTIONAL_CHANGE,
            "GMB",
            ["GMB"],
            dt.date(2017, 1, 19),
            ["ecowas-democracy-2001"],
            [("ECOWAS", "ecowas-democracy-2001", "Art. 45", "sanctions", "consensus")],
            id="2001 protocol: a coup lets the Authority decide sanctions by consensus",
        ),
        pytest.param(
            C.UNCONSTITUTIONAL_CHANGE,
            "GMB",
            ["GMB"],
            dt.date(2017, 1, 19),
            ["ecowas-mechanism-1999"],
            [("ECOWAS", "ecowas-mechanism-1999", "Art. 25", "intervene", "two_thirds")],
            id="1999 Mechanism: a coup goes to a two-thirds vote on intervening",
        ),
        pytest.param(
            C.AGGRESSION,
            "NER",
            ["NGA"],
            dt.date(2023, 8, 10),
            ["ecowas-pmad-1981"],
            [],
            id="a suspended member is not protected by the 1981 defence protocol",
        ),
        pytest.param(
            C.AGGRESSION,
            "NGA",
            ["DZA"],
            dt.date(2023, 8, 10),
            ["ecowas-pmad-1981"],
            [("ECOWAS", "ecowas-pmad-1981", "Arts. 2-3", "armed_assistance", "consensus")],
            id="the 1981 protocol's help is the Authority's decision, not each member's",
        ),
    ],
)
def test_rule_table(kind, victim, offenders, day, pacts, expected):
    found = obligations(kind, victim, offenders, day, pacts)
    if isinstance(expected, str):
        assert found and {f[4] for f in found} == {expected}
        assert "NGA" not in {f[0] for f in found}  # the victim is not obliged to help itself
    else:
        assert found == expected


def test_nobody_is_obliged_to_fight_its_own_side():
    found = obligations(C.AGGRESSION, "NER", ["MLI"], AFTER_CHARTER, ["niger-authorisation-2023"])
    assert "MLI" not in {f[0] for f in found}


def test_the_most_demanding_and_latest_clause_is_cited_once_per_actor():
    book_pacts = [
        "mali-burkina-declaration-2023",
        "niger-authorisation-2023",
        "liptako-gourma-charter",
    ]
    book = PactBook(
        {p: FACTS.pacts[p] for p in book_pacts}, Memberships(FACTS.organisations), AFTER_CHARTER
    )
    found = obligations_for(
        Trigger(C.AGGRESSION, "NER", ("NGA",), 0, states=("NGA",)), book, AFTER_CHARTER, 0, IN_PLAY
    )
    by_actor = {o.obliged: o for o in found}
    assert sorted(by_actor) == ["BFA", "MLI"]
    assert (
        by_actor["MLI"].pact == "liptako-gourma-charter"
    )  # lex posterior: the Charter is the latest
    assert len(by_actor["MLI"].also_under) == 2


def test_art_7_covers_forces_outside_the_alliance_area_only():
    book = PactBook(
        {"liptako-gourma-charter": FACTS.pacts["liptako-gourma-charter"]},
        Memberships(FACTS.organisations),
        AFTER_CHARTER,
    )
    abroad = Trigger(C.ATTACK_ON_FORCES_ABROAD, "MLI", ("NGA",), 0, theatre="CIV", states=("NGA",))
    at_home = Trigger(C.ATTACK_ON_FORCES_ABROAD, "MLI", ("NGA",), 0, theatre="NER", states=("NGA",))
    assert {o.obliged for o in obligations_for(abroad, book, AFTER_CHARTER, 0, IN_PLAY)} == {
        "BFA",
        "NER",
    }
    assert obligations_for(at_home, book, AFTER_CHARTER, 0, IN_PLAY) == []


CAMEROON_ACCORD = """\
title: France and Cameroon
start: 1994-02-18
days: 10
actors:
  NGA:
  FRA:
  CMR:
    kind: state
    name: Cameroon
    name_fr: Cameroun
    sources: ["https://example.org/cmr"]
    forces: {value: 17100, year: 2000, unit: personnel, source: "https://example.org/cmr"}
    regime: civilian
    capital: {name: Yaoundé, lat: 3.87, lon: 11.52, source: "https://example.org/cmr"}
pacts:
  france-cameroon:
    id: france-cameroon
    name: the Franco-Cameroonian defence accords
    name_fr: les accords de défense franco-camerounais
    signed: 1974-02-21
    parties: {states: [FRA, CMR]}
    source: ["https://example.org/accords"]
    clauses:
      - id: defence
        article: "defence accord"
        summary: France defends Cameroon against an external attack.
        source: ["https://example.org/accords"]
        casus_foederis: aggression
        obliged: named
        obliged_states: [FRA]
        beneficiaries: [CMR]
        toward: victim
        action: armed_assistance
        modality: duty
        decision: obliged_state
events:
  attack:
    kind: attack
    date: 1994-02-18
    by: NGA
    target: CMR
"""
"""A scenario's own state (Cameroon) party to a pact the scenario writes, with France."""


def test_a_state_the_scenario_defines_can_be_party_to_a_pact_it_writes(write, sahelsim):
    """A reader writing Bakassi 1994 could not name Cameroon, defined inline, in the Franco-
    Cameroonian accords: it may be now, France is obliged when Cameroon is attacked, and the
    story names the accords once, in each language."""
    path = write(CAMEROON_ACCORD)
    assert sahelsim("validate", str(path)).status == 0
    owed = [r for r in run_one(load_scenario(path), 1).records if r.kind is RecordKind.OBLIGATION]
    assert [(r.actor, r.target) for r in owed] == [("FRA", "CMR")]
    english = sahelsim("explain", str(path), "--seed", "1").out
    assert "brought the Franco-Cameroonian defence accords into play" in english
    assert "the the" not in english
    french = sahelsim("explain", str(path), "--seed", "1", "--lang", "fr").out
    assert "les accords de défense franco-camerounais" in french
    assert "Franco-Cameroonian" not in french
    typo = write(CAMEROON_ACCORD.replace("states: [FRA, CMR]", "states: [FRA, CMN]"), name="t.yaml")
    said = sahelsim("validate", str(typo)).out
    assert "unknown actor 'CMN'" in said and "did you mean 'CMR'?" in said
