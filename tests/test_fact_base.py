"""The fact base in seeds/ loads, is cited, and answers membership questions correctly."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import ISSUE_STATES

from sim.resources import seeds_dir
from sim.scenario.facts import Figure, fact_base, load_fact_base

FACTS = fact_base()


def _figures(model):
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, Figure):
            yield name, value
        elif isinstance(value, list):
            for item in value:
                if hasattr(type(item), "model_fields"):
                    yield from _figures(item)
        elif hasattr(type(value), "model_fields"):
            yield from _figures(value)


def test_the_issue_s_states_powers_groups_and_organisations_are_all_there():
    assert set(ISSUE_STATES) <= set(FACTS.states)
    assert {"FRA", "RUS", "USA"} <= set(FACTS.powers)
    assert {"JNIM", "ISSP"} <= set(FACTS.armed_groups)
    assert {"ECOWAS", "AES", "G5S"} <= set(FACTS.organisations)


def test_every_figure_has_a_year_a_unit_and_a_source_url():
    tables = [*FACTS.states.values(), *FACTS.powers.values(), *FACTS.armed_groups.values()]
    count = 0
    for item in tables:
        for name, figure in _figures(item):
            sources = figure.source if isinstance(figure.source, list) else [figure.source]
            assert all(s.startswith(("http://", "https://")) for s in sources), (item.id, name)
            assert 1990 <= figure.year <= 2026, (item.id, name)
            if figure.low is not None and figure.high is not None:
                assert figure.low <= figure.value <= figure.high, (item.id, name)
            count += 1
    assert count >= 40


def test_land_borders_agree_from_both_sides():
    for a, state in FACTS.states.items():
        for b, km in state.borders.km.items():
            if b in FACTS.states:
                assert FACTS.states[b].borders.km.get(a) == km, f"{a}-{b}"


def test_the_aes_states_form_a_connected_triangle():
    for a, b in (("MLI", "BFA"), ("BFA", "NER"), ("MLI", "NER")):
        assert b in FACTS.states[a].borders.km


def test_ecowas_members_in_good_standing_change_with_coups_and_exits():
    ecowas = FACTS.organisations["ECOWAS"]
    before_coup = ecowas.active_members(dt.date(2023, 7, 1))
    during_crisis = ecowas.active_members(dt.date(2023, 8, 10))
    after_exit = ecowas.active_members(dt.date(2025, 6, 1))
    assert "NER" in before_coup
    assert "NER" not in during_crisis
    assert {"NGA", "SEN", "CIV", "BEN"} <= set(during_crisis)
    assert not {"MLI", "BFA", "NER"} & set(after_exit)


def test_the_aes_exists_from_the_charter_on():
    aes = FACTS.organisations["AES"]
    assert aes.active_members(dt.date(2023, 9, 15)) == []
    assert set(aes.active_members(dt.date(2023, 9, 16))) == {"MLI", "BFA", "NER"}


def test_the_g5_sahel_is_dissolved_by_2024():
    assert FACTS.organisations["G5S"].active_members(dt.date(2024, 1, 1)) == []
    assert len(FACTS.organisations["G5S"].active_members(dt.date(2017, 7, 2))) == 5


def test_the_charter_is_made_of_its_cited_clauses():
    charter = FACTS.pacts["liptako-gourma-charter"]
    articles = {c.article for c in charter.clauses}
    assert {"Art. 5", "Art. 6", "Art. 7", "Art. 8"} <= articles
    art6 = next(c for c in charter.clauses if c.article == "Art. 6")
    assert art6.casus_foederis.value == "aggression" and art6.action.value == "armed_assistance"
    assert charter.withdrawal_notice_days and 180 <= charter.withdrawal_notice_days <= 184
    assert charter.signed == dt.date(2023, 9, 16)


def test_every_pact_and_clause_cites_a_source():
    for pact in FACTS.pacts.values():
        for clause in pact.clauses:
            sources = clause.source if isinstance(clause.source, list) else [clause.source]
            assert all(s.startswith("http") for s in sources), (pact.id, clause.id)


def test_pact_references_point_at_known_ids():
    for pact in FACTS.pacts.values():
        if pact.parties.organisation:
            assert pact.parties.organisation in FACTS.organisations
        for state in pact.parties.states or []:
            assert state in FACTS.actor_ids
        for clause in pact.clauses:
            assert clause.body is None or clause.body in FACTS.organisations
            assert set(clause.obliged_states) <= set(FACTS.actor_ids)
            assert set(clause.beneficiaries) <= set(FACTS.actor_ids)
            assert set(clause.adversaries) <= set(FACTS.actor_ids)


def test_every_pact_of_the_fact_base_is_named_with_its_article_in_both_languages():
    """French is whole: a fact-base pact never falls back to « le texte ... », which is for
    pacts a scenario defines, whose gender no one knows."""
    from sim.present.catalogue import PACT_ARTICLES

    missing = set(FACTS.pacts) - set(PACT_ARTICLES)
    assert not missing, sorted(missing)
    assert all(set(words) == {"en", "fr"} for words in PACT_ARTICLES.values())


def test_a_broken_fact_base_is_reported_with_locations(tmp_path):
    for f in seeds_dir().glob("*.yaml"):
        (tmp_path / f.name).write_text(f.read_text())
    text = (tmp_path / "states.yaml").read_text().replace("lat: 12.65", "lat: 120.65", 1)
    (tmp_path / "states.yaml").write_text(text)
    with pytest.raises(Exception) as caught:
        load_fact_base(tmp_path)
    assert "seeds/states.yaml:" in str(caught.value)
    assert "capital.lat" in str(caught.value)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("      - from: 2012-03-22\n", "      - from: 2024-03-22\n", "'from' dates must increase"),
        (
            "        value: transitional\n",
            "        value: junta\n",
            "states.0.regime.2.value: not a valid choice",
        ),
        (
            "    regime:\n      - from: 1992-06-08",
            "    regime: []\n    x:\n      - from: 1992-06-08",
            "regime",
        ),
    ],
    ids=["dates out of order", "unknown regime", "no period"],
)
def test_a_broken_regime_series_is_reported_with_its_location(tmp_path, old, new, message):
    for f in seeds_dir().glob("*.yaml"):
        (tmp_path / f.name).write_text(f.read_text())
    text = (tmp_path / "states.yaml").read_text()
    assert old in text
    (tmp_path / "states.yaml").write_text(text.replace(old, new, 1))
    with pytest.raises(Exception) as caught:
        load_fact_base(tmp_path)
    assert "seeds/states.yaml:" in str(caught.value)
    assert message in str(caught.value)


def test_a_single_forces_figure_is_a_one_point_series_and_a_list_is_read_in_order(tmp_path):
    for f in seeds_dir().glob("*.yaml"):
        (tmp_path / f.name).write_text(f.read_text())
    text = (tmp_path / "states.yaml").read_text()
    start = text.index("    active_forces:\n", text.index("id: MRT"))
    end = text.index("    defence_budget_usd:", start)
    figure = text[start:end].splitlines()[1:]  # the single 2025 figure, indented 6
    point = ["      - " + figure[0].strip()] + ["  " + line for line in figure[1:]]
    older = "      - {value: 7000, year: 2012, unit: personnel, source: https://example.org/a}"
    text = text[:start] + "\n".join(["    active_forces:", older, *point]) + "\n" + text[end:]
    (tmp_path / "states.yaml").write_text(text)
    mrt = load_fact_base(tmp_path).states["MRT"]
    assert [f.year for f in mrt.forces_series] == [2012, 2025]
    assert mrt.forces_on(dt.date(2010, 1, 1)).value == 7000  # before the series: the oldest
    assert mrt.forces_on(dt.date(2020, 1, 1)).value == 7000
    assert mrt.forces_on(dt.date(2025, 6, 1)).value == 20000
    assert len(FACTS.states["CPV"].forces_series) == 1


def test_an_armed_groups_fighters_are_those_of_the_scenarios_year():
    """JNIM had about 2,000 fighters in 2020 and 6,500 in 2025 (seeds/armed_groups.yaml): a
    scenario reads the figure of its own year, as it reads a state's forces, and a group never
    shrinks in the series where the sources say it grew."""
    jnim, issp = FACTS.armed_groups["JNIM"], FACTS.armed_groups["ISSP"]
    assert jnim.fighters_on(dt.date(2019, 8, 19)).value == 2000  # before the series: the oldest
    assert jnim.fighters_on(dt.date(2023, 7, 26)).value == 2500
    assert jnim.fighters_on(dt.date(2025, 6, 1)).value == 6500
    assert issp.fighters_on(dt.date(2019, 12, 10)).value == 425
    for group in (jnim, issp):
        values = [f.value for f in group.fighters]
        assert values == sorted(values) and len(values) >= 3
