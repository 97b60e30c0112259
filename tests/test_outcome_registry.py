"""The outcome registry is the one place a summary column is declared, and every output reads it."""

from __future__ import annotations

import csv
import dataclasses
import io
import subprocess
import sys

import pytest
from conftest import REPO
from update_baseline import stored

from sim.model.outcome_registry import (
    KEY_OUTCOMES,
    OUTCOMES,
    Estimator,
    OutcomeKind,
    Requires,
    markdown_table,
)
from sim.model.outcomes import SUMMARY_COLUMNS
from sim.model.records import WarOutcome
from sim.model.world import build_world
from sim.run.replicate import run_one
from sim.scenario.facts import fact_base
from sim.scenario.loading import bundled_names, load_scenario

YES_NO = [o for o in OUTCOMES.values() if o.kind is OutcomeKind.YES_NO]
EMPTY = {"false", "0", "0.0", "-1", "none"}
"""How a column that counted nothing reads in summary.csv."""


# ---------------------------------------------------------------------- one entry per column


@pytest.mark.parametrize("name", ["gambia-2017", "niger-2023-intervention"])
def test_summarise_fills_exactly_the_registry_columns_with_values_of_their_kind(name):
    summary = run_one(load_scenario(name), 7).summary
    assert list(summary) == list(OUTCOMES) == list(SUMMARY_COLUMNS)
    for column, value in summary.items():
        kind = OUTCOMES[column].kind
        if kind is OutcomeKind.YES_NO:
            assert isinstance(value, bool), column
        elif kind is OutcomeKind.WORD:
            assert value in {*WarOutcome, "none"}, column
        elif kind in (OutcomeKind.PERSONNEL, OutcomeKind.SHARE):
            assert isinstance(value, float), column
        else:
            assert isinstance(value, int) and not isinstance(value, bool), column


@pytest.mark.parametrize("name", bundled_names())
def test_every_bundled_summary_csv_has_the_registry_header(name):
    header = next(csv.reader(io.StringIO(stored(name)["summary.csv"].decode())))
    assert header == ["replicate", "seed", *OUTCOMES]


def test_every_entry_speaks_english_and_french():
    for outcome in OUTCOMES.values():
        for field in ("phrase", "subject", "meaning"):
            en, fr = getattr(outcome.en, field), getattr(outcome.fr, field)
            assert en.strip() and fr.strip(), (outcome.column, field)
            assert en != fr, f"{outcome.column}: the French {field} is the English one"
            # Embeddable mid-sentence: lower case first, unless a proper noun ("ECOWAS") leads.
            for text in (en, fr):
                first = text.split()[0]
                assert text[0].islower() or first.isupper(), (outcome.column, text)
        assert outcome.label("fr") != outcome.label("en")


def test_yes_no_outcomes_are_worded_as_clauses_that_templates_can_embed():
    for outcome in YES_NO:
        assert outcome.en.subject == f"whether {outcome.en.phrase}"
        assert outcome.fr.subject.endswith(" ou non")


def test_key_outcomes_are_registry_entries_and_only_numbers():
    assert len(set(KEY_OUTCOMES)) == len(KEY_OUTCOMES)
    assert all(OUTCOMES[o.column] is o for o in KEY_OUTCOMES)
    assert all(o.estimator is not Estimator.NONE for o in KEY_OUTCOMES)


def test_the_registry_stays_in_the_model_layer():
    code = (
        "import sys, sim.model.outcomes; "
        "print(sorted(m for m in ('matplotlib', 'rich', 'click', 'solara') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_doc_table_is_the_registry():
    text = (REPO / "docs" / "model.md").read_text(encoding="utf-8")
    assert markdown_table() in text, "run: python -m sim.model.outcome_registry"
    assert "outcome_registry.py" in text


# ---------------------------------------------------------------------- when an outcome applies


def test_an_outcome_that_does_not_apply_never_happens_in_the_baseline():
    facts, skipped = fact_base(), 0
    for name in bundled_names():
        world = build_world(load_scenario(name), facts)
        rows = list(csv.DictReader(io.StringIO(stored(name)["summary.csv"].decode())))
        for outcome in OUTCOMES.values():
            if not outcome.applies_to(world):
                skipped += 1
                assert {row[outcome.column] for row in rows} <= EMPTY, (name, outcome.column)
    assert skipped  # the predicates do say no somewhere, or this test would prove nothing


def test_each_need_fails_for_some_world_and_holds_for_the_flagship():
    facts = fact_base()
    flagship = build_world(load_scenario("niger-2023-base"), facts)
    assert all(need.holds(flagship) for need in Requires)
    worlds = [build_world(load_scenario(name), facts) for name in bundled_names()]
    worlds.append(dataclasses.replace(flagship, pacts={}))
    for need in Requires:
        if need is not Requires.NOTHING:
            assert any(not need.holds(world) for world in worlds), need
    gambia = build_world(load_scenario("gambia-2017"), facts)
    assert not OUTCOMES["aes_entered"].applies_to(gambia)  # no AES in 2017
    assert OUTCOMES["ecowas_attacked"].applies_to(gambia)
