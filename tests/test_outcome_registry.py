"""The outcome registry is the one place a summary column is declared, and every output reads it."""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import math
import subprocess
import sys

import numpy as np
import pytest
from conftest import REPO
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from update_baseline import stored

from sim.analysis.compare import Difference
from sim.analysis.compare import sentence as compare_sentence
from sim.analysis.estimates import Estimate, estimate
from sim.analysis.precision import PrecisionRule
from sim.analysis.sensitivity import ZERO_WHERE_NONE, Index
from sim.analysis.sensitivity import sentence as sensitivity_sentence
from sim.analysis.summary import key_estimates
from sim.errors import InputError
from sim.model.outcome_registry import (
    KEY_OUTCOMES,
    OUTCOMES,
    Estimator,
    OutcomeKind,
    Requires,
    capitalised,
    markdown_table,
)
from sim.model.outcomes import SUMMARY_COLUMNS
from sim.model.records import WarOutcome
from sim.model.world import build_world
from sim.present import figures as fg
from sim.present.console import outcome_label, outcome_meaning, print_run_summary
from sim.present.report import build_report
from sim.present.sweep_figures import Means, sweep_table
from sim.run.replicate import run_one
from sim.run.sweep import WORD_COLUMNS, check_outcomes
from sim.scenario.facts import fact_base
from sim.scenario.loading import bundled_names, load_scenario

YES_NO = [o for o in OUTCOMES.values() if o.kind is OutcomeKind.YES_NO]
NUMERIC = [o for o in OUTCOMES.values() if o.estimator is not Estimator.NONE]
EMPTY = {"false", "0", "0.0", "-1", "none"}
"""How a column that counted nothing reads in summary.csv."""


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    from sim.cli import main

    out = tmp_path_factory.mktemp("registry") / "run"
    main(["run", "gambia-2017", "-n", "6", "--seed", "3", "--out", str(out), "-q", "--no-figures"])
    return out


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
    # No one asks for help outside a treaty in Niger 2023, and its coup is scheduled, not
    # attempted: Mali asks France in lesson 5; Benin's mutineers attempt one in lesson 6.
    elsewhere = {Requires.REQUEST: "lesson-5-asked-not-bound"}
    elsewhere[Requires.COUP_ATTEMPT] = "lesson-6-half-of-coups-fail"
    assert all(need.holds(flagship) for need in Requires if need not in elsewhere)
    for need, name in elsewhere.items():
        assert not need.holds(flagship) and need.holds(build_world(load_scenario(name), facts))
    worlds = [build_world(load_scenario(name), facts) for name in bundled_names()]
    worlds.append(dataclasses.replace(flagship, pacts={}))
    for need in Requires:
        if need is not Requires.NOTHING:
            assert any(not need.holds(world) for world in worlds), need
    gambia = build_world(load_scenario("gambia-2017"), facts)
    assert not OUTCOMES["aes_entered"].applies_to(gambia)  # no AES in 2017
    assert OUTCOMES["ecowas_attacked"].applies_to(gambia)


# ---------------------------------------------------------------------- every consumer reads it


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_terminal_summary_shows_the_registry_words(bundle, lang):
    console = Console(record=True, width=400)
    print_run_summary(bundle, lang=lang, console=console)
    text = console.export_text()
    other = "fr" if lang == "en" else "en"
    for outcome in KEY_OUTCOMES:
        assert outcome.label(lang) in text
        assert outcome_meaning(outcome, lang) in text
        assert outcome.label(other) not in text


def test_the_terminal_summary_says_what_an_estimate_is_of(bundle):
    console = Console(record=True, width=400)
    print_run_summary(bundle, lang="en", console=console)
    text = console.export_text()
    assert "share of replicates in which ECOWAS, or states acting for it, started a war" in text
    assert "mean military casualties of all actors, in personnel" in text


def test_the_french_report_shows_the_registry_words(bundle):
    text = build_report(bundle, lang="fr")
    for outcome in KEY_OUTCOMES:
        assert f"<td>{html.escape(outcome_label(outcome, 'fr'))}</td>" in text
        assert outcome.label("fr") in outcome_label(outcome, "fr")  # the registry's words
        assert f"<td>{html.escape(outcome_meaning(outcome, 'fr'))}</td>" in text


def test_the_outcome_figure_labels_come_from_the_registry(bundle):
    estimates = key_estimates(bundle)
    fig = fg.plot_outcomes(estimates, [0.0, 3.0], title="t", seed=1, lang="fr")
    bars, hist = fig.axes[:2]
    ticks = [t.get_text() for t in bars.get_yticklabels()]
    assert ticks == [o.label("fr") for o in KEY_OUTCOMES if o.kind is OutcomeKind.YES_NO]
    assert hist.get_xlabel() == "Durée de la guerre (jours)"


def test_the_difference_figure_labels_come_from_the_registry():
    est = Estimate(0.1, 0.0, 0.2, 10)
    differences = [Difference(o, 0.2, 0.3, est) for o in KEY_OUTCOMES]
    fig = fg.plot_differences(differences, names=("a", "b"), title="t", seed=1, lang="fr")
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert ticks == [o.label("fr") for o in KEY_OUTCOMES if o.kind is OutcomeKind.YES_NO]


def test_the_app_ensemble_panel_shows_every_yes_no_outcome_by_its_label():
    from sim.present.app import live

    summaries = [
        {c: (i % 2 == 0 if o.kind is OutcomeKind.YES_NO else i) for c, o in OUTCOMES.items()}
        for i in range(4)
    ]
    fig = live.ensemble_figure(summaries, "fr")
    bars, hist = fig.axes[:2]
    assert [t.get_text() for t in bars.get_yticklabels()] == [o.label("fr") for o in YES_NO]
    # only the replicates with a war are counted, and the title says how many they are
    assert hist.get_title() == "Durée de la guerre\n(2 réplications sur 4 en ont une)"
    assert (hist.get_xlabel(), hist.get_ylabel()) == ("jours", "réplications")
    # each bar says its share in figures, the French way, in a column of its own
    assert _shares(bars) == ["50\u202f%"] * len(YES_NO)
    # an outcome the scenario cannot produce is "n/a", not a 0 % bar
    played = {o.column for o in YES_NO[1:]}
    bars = live.ensemble_figure(summaries, "en", played).axes[0]
    said = [" ".join(t.get_text().split()) for t in bars.texts]  # on two lines, in the panel
    assert said == ["n/a: cannot happen in this scenario"]
    assert _shares(bars) == ["-"] + ["50%"] * (len(YES_NO) - 1)


def _shares(bars) -> list[str]:
    """The figures written beside an ensemble's bars (the axis on their right)."""
    [column] = bars.child_axes
    return [t.get_text() for t in column.get_yticklabels()]


@pytest.mark.parametrize(
    ("wars", "title"),
    [
        (0, "Durée de la guerre"),  # the panel says there was none: the title need not
        (1, "Durée de la guerre\n(1 réplication sur 3 en a une)"),
        (2, "Durée de la guerre\n(2 réplications sur 3 en ont une)"),
    ],
)
def test_the_war_length_title_counts_the_wars_in_good_french(wars, title):
    from sim.present.figures import war_length_title

    assert war_length_title(wars, 3, "fr") == title


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_sensitivity_sentences_open_with_the_registry_subject(lang):
    for outcome in NUMERIC:
        index = Index(
            outcome.column, "parameters.kill_rate", 1, {"mu_star": 0.3, "mu_star_conf": 0.1}
        )
        text = sensitivity_sentence("morris", [index], lang)
        if outcome.column in ZERO_WHERE_NONE:  # ranked with 0 where it does not hold: said so
            subject = ZERO_WHERE_NONE[outcome.column][lang][1]
        else:
            subject = outcome.words(lang).subject
        assert text.startswith(capitalised(subject) + " ")


def test_comparison_sentences_embed_the_registry_phrase():
    est = Estimate(0.2, 0.1, 0.3, 50)
    for outcome in KEY_OUTCOMES:
        text = compare_sentence(Difference(outcome, 0.1, 0.3, est), "B")
        if outcome.kind is OutcomeKind.YES_NO:
            assert text.startswith(f"B: the chance that {outcome.en.phrase} rises by 20 points")
        else:
            assert text.startswith(f"B: mean {outcome.en.phrase} rises by")


def test_sweeps_accept_the_numeric_columns_refuse_the_words_and_show_labels():
    assert check_outcomes([o.column for o in NUMERIC]) == tuple(o.column for o in NUMERIC)
    assert WORD_COLUMNS == ("first_war_outcome",)
    with pytest.raises(InputError, match="holds a word"):
        check_outcomes(["first_war_outcome"])
    columns = ["aes_entered", "obligations_honoured"]
    one = {c: np.array([0.5]) for c in columns}
    means = Means(
        paths=["parameters.kill_rate"],
        outcomes=columns,
        values=np.array([[0.01]]),
        mean=one,
        low=one,
        high=one,
        points=np.array([0]),
    )
    table = sweep_table(means, dict.fromkeys(columns, False), lang="fr")
    headers = [str(c.header) for c in table.columns]
    assert headers[-2:] == [OUTCOMES[c].label("fr") for c in columns]


def test_the_precision_rule_watches_the_yes_no_key_outcomes_where_the_csv_puts_them():
    rule = PrecisionRule(0.05)
    watched = [o.column for o in KEY_OUTCOMES if o.kind is OutcomeKind.YES_NO]
    assert rule.columns == watched
    header = ["replicate", "seed", *SUMMARY_COLUMNS]
    assert [header[p] for p in rule.positions] == watched


@given(
    st.lists(st.integers(0, 400), min_size=2, max_size=60),
    st.sampled_from(["war_days", "casualties", "max_belligerents"]),
)
def test_a_quantity_that_cannot_be_negative_never_gets_an_interval_below_zero(values, column):
    result = estimate(OUTCOMES[column], values)
    assert result.low >= 0 or math.isnan(result.low)
    assert result.low <= result.value <= result.high or math.isnan(result.high)


def test_a_relative_change_keeps_its_negative_interval():
    result = estimate(OUTCOMES["insurgent_strength_change"], [-0.2, -0.1, 0.05, -0.3])
    assert result.low < 0
