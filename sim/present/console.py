"""The terminal summary of a results bundle: key outcomes with 95 % intervals."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import yaml
from rich.console import Console
from rich.table import Table

from sim.analysis.estimates import Estimate
from sim.analysis.summary import GIVEN, key_estimates
from sim.model.outcome_registry import Estimator, Outcome, OutcomeKind
from sim.present.i18n import GIVEN_A_WAR, decimal, not_in_play, number, percent, some_not_all
from sim.present.streams import std_console
from sim.present.terminal import failed_note, parameter_options, replicates
from sim.run.posterior import read_drawn

TEXT = {
    "en": {
        "outcome": "outcome",
        "estimate": "estimate",
        "interval": "95 % interval",
        "meaning": "what it means",
        "head": "{title}: {replicates}, root seed {seed}",
        "foot": "Estimates over replicates of a model: they show what follows from its assumptions. "
        "Not a forecast.",
        "bundle": "Results bundle: {out} (report.html, figures/, summary.csv)",
        "bundle_undrawn": "Results bundle: {out} (summary.csv; figures: sahelsim report {out})",
        "interrupted": "interrupted after {done} of {planned}",
        "share_meaning": "share of replicates in which {meaning}",
        "mean_meaning": "mean {meaning}",
        "drawn": "Parameters: drawn for each replicate from the {sets} weighted sets of {which}; "
        "the {n} replicates ran {distinct} different sets of values, the commonest in {top} of "
        "them. Each estimate averages over what the training episodes leave uncertain about the "
        "parameters; its 95 % interval is how precisely these replicates fix that average, not a "
        "range over the parameters.",
        "drawn_one": "Parameters: drawn for each replicate from the {sets} weighted sets of "
        "{which}; the {n} replicates all drew the same set (more replicates draw others), so the "
        "estimates leave out what is uncertain about the parameters; each 95 % interval is how "
        "precisely the replicates fix the estimate.",
        "drawn_single": "Parameters: the one replicate ran one set of values, drawn from the "
        "{sets} weighted sets of {which}, so the estimates leave out what is uncertain about the "
        "parameters.",
        "shipped": "the posterior shipped with sahelsim",
        "given": "the posterior given (SHA-256 {sha}…)",
        "fixed": "Parameters: every replicate ran the same values (the scenario fixes each one the "
        "posterior draws), so the estimates leave out what is uncertain about the parameters; "
        "each 95 % interval is how precisely the replicates fix the estimate.",
        "single": "Parameters: every replicate ran with the same single values, so the estimates "
        "leave out what is uncertain about the parameters; each 95 % interval is how precisely "
        "the replicates fix the estimate.",
    },
    "fr": {
        "outcome": "résultat",
        "estimate": "estimation",
        "interval": "intervalle à 95\u202f%",
        "meaning": "ce que cela signifie",
        "head": "{title} : {replicates}, graine {seed}",
        "foot": "Estimations sur les réplications d'un modèle : elles montrent ce qui découle de ses "
        "hypothèses. Ce n'est pas une prévision.",
        "bundle": "Dossier de résultats : {out} (report.html, figures/, summary.csv)",
        "bundle_undrawn": "Dossier de résultats : {out} (summary.csv ; figures : "
        "sahelsim report {out} --lang fr)",
        "interrupted": "interrompu après {done} sur {planned}",
        "share_meaning": "part des réplications où {meaning}",
        "mean_meaning": "moyenne : {meaning}",
        "drawn": "Paramètres : tirés pour chaque réplication parmi les {sets} jeux pondérés de "
        "{which} ; les {n} réplications ont employé {distinct} jeux de valeurs différents, le plus "
        "fréquent dans {top} d'entre elles. Chaque estimation est une moyenne sur ce que les "
        "épisodes d'entraînement laissent d'incertain sur les paramètres ; son intervalle à 95\u202f% "
        "dit avec quelle précision ces réplications fixent cette moyenne, non l'étendue des "
        "paramètres.",
        "drawn_one": "Paramètres : tirés pour chaque réplication parmi les {sets} jeux pondérés "
        "de {which} ; les {n} réplications ont toutes tiré le même jeu (d'autres réplications en "
        "tirent d'autres) ; les estimations laissent donc de côté l'incertitude sur les "
        "paramètres, et chaque intervalle à 95\u202f% dit avec quelle précision les réplications "
        "fixent l'estimation.",
        "drawn_single": "Paramètres : l'unique réplication a employé un seul jeu de valeurs, tiré "
        "parmi les {sets} jeux pondérés de {which} ; les estimations laissent donc de côté "
        "l'incertitude sur les paramètres.",
        "shipped": "la loi a posteriori livrée avec sahelsim",
        "given": "la loi a posteriori fournie (SHA-256 {sha}…)",
        "fixed": "Paramètres : toutes les réplications ont employé les mêmes valeurs (le scénario "
        "fixe chacune de celles que tire la loi a posteriori) ; les estimations laissent donc de "
        "côté l'incertitude sur les paramètres, et chaque intervalle à 95\u202f% dit avec quelle "
        "précision les réplications fixent l'estimation.",
        "single": "Paramètres : toutes les réplications ont employé les mêmes valeurs fixes ; les "
        "estimations laissent donc de côté l'incertitude sur les paramètres, et chaque intervalle "
        "à 95\u202f% dit avec quelle précision les réplications fixent l'estimation.",
    },
}


RANGE = {"en": "{low} to {high}", "fr": "{low} à {high}"}
"""An interval in words, in each language: every table writes one so (run, compare, sweep,
backtest). Words rather than "[low, high]", whose comma is the French decimal point."""


def interval_parts(low: str, high: str, lang: str = "en") -> list[str]:
    """The interval from ``low`` to ``high`` in words, as two parts ("51% to ", "100%").

    A narrow column folds it between them, never inside a number (see
    :class:`~sim.present.terminal.WholeParts`).
    """
    text = RANGE[lang].format(low=low, high=high)
    return [text[: len(text) - len(high)], high]  # RANGE ends with its high bound


GIVEN_MEANING = {
    "war_days": {
        "en": "mean days the first war lasted (to its end or to the horizon), over the "
        "replicates with a war",
        "fr": "durée moyenne de la première guerre en jours (jusqu'à sa fin ou à l'horizon), "
        "sur les réplications avec une guerre",
    }
}
"""What the estimate of an outcome counted only where another holds means (see GIVEN)."""


def format_estimate(est: Estimate | None, outcome: Outcome, lang: str = "en") -> tuple[str, str]:
    """The estimate and its interval as short texts, in ``lang``'s number format.

    ``None`` is an outcome the scenario cannot produce: "n/a" ("s.o." in French), no interval.
    """
    if est is None:
        return not_in_play(lang), ""
    if est.n == 0:
        return "-", "-"
    if outcome.estimator is Estimator.PROPORTION:

        def show(x: float) -> str:
            return percent(x, lang)
    elif outcome.kind is OutcomeKind.SHARE:

        def show(x: float) -> str:
            return decimal(x, lang, 2)
    else:

        def show(x: float) -> str:
            return number(x, lang)

    interval = (
        "" if est.low != est.low else RANGE[lang].format(low=show(est.low), high=show(est.high))
    )
    if outcome.estimator is Estimator.PROPORTION:  # 1 replicate in 200 is not 0 %
        return some_not_all(est.value, show), interval
    return show(est.value), interval


def bundle_title(bundle: Path, manifest: dict, lang: str = "en") -> str:
    """A bundle's scenario title in ``lang`` (its French title, when its notes give one)."""
    title = manifest["scenario"]["title"]
    if lang != "fr":
        return title
    try:
        data = yaml.safe_load((bundle / "scenario.yaml").read_text(encoding="utf-8"))
        notes = (data.get("teaching") or {}).get("fr") or {}
        french = notes.get("title") or data.get("title_fr")
    except (OSError, yaml.YAMLError, AttributeError, TypeError):
        return title
    return french if isinstance(french, str) and french else title


def outcome_label(outcome: Outcome, lang: str = "en") -> str:
    """An outcome's row label; "War duration, given a war" for one counted only where a war is."""
    if outcome.column in GIVEN:
        return GIVEN_A_WAR[lang].format(label=outcome.label(lang))
    return outcome.label(lang)


def outcome_meaning(outcome: Outcome, lang: str = "en") -> str:
    """What an ensemble's estimate of ``outcome`` says, around the registry's meaning."""
    if outcome.column in GIVEN_MEANING:
        return GIVEN_MEANING[outcome.column][lang]
    share = outcome.estimator is Estimator.PROPORTION
    template = TEXT[lang]["share_meaning" if share else "mean_meaning"]
    return template.format(meaning=outcome.words(lang).meaning)


def values_run(bundle: Path, manifest: dict) -> dict[int, dict[str, float]] | None:
    """Each replicate's parameter values as the bundle's ``parameters.csv`` records them.

    Only the replicates in the estimates (a failed one is left out of them, and here too);
    None for single values (no ``parameters.csv``). A value the scenario fixes is the one run,
    not the one drawn.
    """
    drawn = bundle / "parameters.csv"
    if not drawn.is_file() or not manifest.get("parameters"):
        return None
    failed = {int(r["replicate"]) for r in manifest.get("failed", {}).get("replicates", [])}
    return {i: values for i, values in read_drawn(drawn).items() if i not in failed}


def parameters_line(bundle: Path, manifest: dict, lang: str) -> str:
    """How the replicates' model parameters were chosen, and so what the estimates include.

    With ``--parameters posterior``, how many different sets of values the replicates ran and
    how often the commonest: a posterior whose weight sits on a few sets carries little
    parameter uncertainty, and the reader should see it. Empty with no replicate.
    """
    return parameters_of_runs(values_run(bundle, manifest), manifest, lang, fixes(bundle, manifest))


def fixes(bundle: Path, manifest: dict) -> bool:
    """Whether the bundle's scenario fixes every parameter the posterior draws."""
    drawn = (manifest.get("parameters") or {}).get("names") or []
    try:
        scenario = yaml.safe_load((bundle / "scenario.yaml").read_text(encoding="utf-8")) or {}
    except OSError:
        return False
    return bool(drawn) and set(drawn) <= set(scenario.get("parameters") or {})


def parameters_of_runs(runs: dict | None, manifest: dict, lang: str, fixed: bool = False) -> str:
    """:func:`parameters_line` from the values already read (:func:`values_run`'s answer).

    ``fixed``: the scenario fixes every value the posterior draws (:func:`fixes`).
    """
    text = TEXT[lang]
    if runs is None:
        return text["single"]
    if not runs:
        return ""
    counts = Counter(tuple(values.items()) for values in runs.values())
    if len(counts) == 1 and fixed:
        return text["fixed"]
    described = manifest["parameters"]
    which = (
        text["shipped"]
        if described.get("shipped")
        else text["given"].format(sha=described["sha256"][:16])
    )
    kind = "drawn" if len(counts) > 1 else "drawn_one" if len(runs) > 1 else "drawn_single"
    return text[kind].format(
        sets=described["sets"],
        which=which,
        n=len(runs),
        distinct=len(counts),
        top=percent(max(counts.values()) / len(runs), lang),
    )


def print_run_summary(
    bundle: Path, *, lang: str = "en", console: Console | None = None, drawn: bool = True
) -> None:
    """Print the key outcomes of a bundle with intervals and what they mean."""
    text = TEXT[lang]
    manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
    console = console or std_console(highlight=False)
    n = manifest["replicates"]["completed"]
    console.print(
        text["head"].format(
            title=bundle_title(bundle, manifest, lang),
            replicates=replicates(n, lang),
            seed=manifest["seeds"]["root"],
        ),
        style="bold",
    )
    failed = failed_note(
        bundle, manifest.get("failed", {}), lang, options=parameter_options(manifest)
    )
    if failed:
        console.print(failed, style="bold red", markup=False)
    if manifest["replicates"]["interrupted"]:
        planned = replicates(manifest["replicates"]["planned"], lang)
        console.print(text["interrupted"].format(done=number(n, lang), planned=planned))
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("outcome", "estimate", "interval", "meaning"):
        # Words wrap and an unbreakable token folds: at 80 columns nothing is cut to "Milita…".
        table.add_column(text[column], no_wrap=column in ("estimate", "interval"), overflow="fold")
    for key in key_estimates(bundle):
        value, interval = format_estimate(key.estimate, key.outcome, lang)
        table.add_row(
            outcome_label(key.outcome, lang), value, interval, outcome_meaning(key.outcome, lang)
        )
    console.print(table)
    console.print(text["foot"], style="italic")
    if said := parameters_line(bundle, manifest, lang):
        console.print(said, style="italic")
    console.print(text["bundle" if drawn else "bundle_undrawn"].format(out=bundle))
