"""The backtest's files, figure and terminal table, in English or French.

The scores are :mod:`sim.analysis.backtest`'s. ``backtest.csv`` and ``scores.json`` are for
machines: their column names and values are the same in every language; the table, the
figure and ``report.md`` are in the language asked for.
"""

from __future__ import annotations

import csv
import json
import math
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure
from rich.console import Console
from rich.table import Table

from sim import __version__
from sim.analysis.backtest import (
    ANYONE,
    COMPARED,
    LOG_CLIP,
    WAR_DAYS_FACTOR,
    YES,
    Bin,
    EpisodeScore,
    ItemKind,
    ItemScore,
    Scores,
)
from sim.numbers import localised
from sim.present.console import RANGE
from sim.present.figures import footer, localise_numbers, save, styled
from sim.present.i18n import actor_name, decimal, join_list, some_not_all
from sim.present.streams import std_console
from sim.present.terminal import failed_note, parameter_options
from sim.run.files import write_whole, written_whole

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "episode": "episode",
        "item": "item",
        "observed": "observed",
        "model": "model",
        "interval": "95 % interval",
        "match": "match",
        "direction": "direction",
        "yes": "yes",
        "no": "no",
        "colon": ": ",
        "force_used": "force used",
        "entered": "entered",
        "helped": "helped short of war",
        "outcome": "first war ends",
        "war_days": "war lasts {band} days, within a factor of {factor}",
        "war_days_one": "war lasts {band} day, within a factor of {factor}",
        "conceded": "gave in to the threat",
        "attackers": "attackers",
        "defenders": "defenders",
        "anyone": "anyone",
        "attackers_won": "attackers won",
        "defenders_won": "defenders won",
        "mediated": "mediated",
        "ceasefire": "ceasefire",
        "ongoing": "ongoing",
        "none": "no war",
        "scores": "scores",
        "brier": "Brier",
        "log": "log",
        "the_model": "the model",
        "frequent": "always the most frequent",
        "rate": "historical base rate (leave-one-out)",
        "items_scored": "{matches} of {items} items match; baselines scored on {compared}",
        "item_count": "{n} items",
        "item_count_one": "{n} item",
        "unscored": "(not on {kinds}, which the baselines do not predict)",
        "unscored.war_days": "the wars' lengths",
        "unscored.helped": "help short of war",
        "title": "Backtest: the model against {n} episodes",
        "title_one": "Backtest: the model against one episode",
        "the_model_all": "the model, on every item ({items})",
        "the_model_compared": "the model, on the items the baselines score ({compared})",
        "predicted": "predicted probability",
        "frequency": "observed frequency",
        "perfect": "perfect calibration",
        "footer": "sahelsim {version} · seed {seed} · not a forecast",
        "written": "Backtest: {out} (backtest.csv, scores.json, report.md{figures})",
        "legend": "model: the share of replicates in which what was observed happens.",
        "not_forecast": "Scored on what happened; lower scores are better. Not a forecast.",
        "reliability": "Reliability",
        "bin": "bin",
        "count": "forecasts",
        "forecasts_note": "Each yes/no item is one forecast; an item on how the first war ends is "
        "one per possible ending (that ending against the rest), so there are more forecasts than "
        "items.",
        "instead": "What the model gave where it missed",
        "instead_line": "{episode}, {item} (observed{colon}{observed}){colon}{shares}",
    },
    "fr": {
        "episode": "épisode",
        "item": "élément",
        "observed": "observé",
        "model": "modèle",
        "interval": "intervalle à 95\u202f%",
        "match": "concorde",
        "direction": "sens",
        "yes": "oui",
        "no": "non",
        "colon": " : ",
        "force_used": "recours à la force",
        "entered": "entrée en guerre",
        "helped": "aide sans entrer en guerre",
        "outcome": "fin de la première guerre",
        "war_days": "la guerre dure {band} jours, à un facteur {factor} près",
        "war_days_one": "la guerre dure {band} jour, à un facteur {factor} près",
        "conceded": "a cédé à la menace",
        "attackers": "côté attaquant",
        "defenders": "côté défenseur",
        "anyone": "quiconque",
        "attackers_won": "victoire des attaquants",
        "defenders_won": "victoire des défenseurs",
        "mediated": "médiation",
        "ceasefire": "cessez-le-feu",
        "ongoing": "en cours",
        "none": "pas de guerre",
        "scores": "scores",
        "brier": "Brier",
        "log": "logarithmique",
        "the_model": "le modèle",
        "frequent": "toujours la valeur la plus fréquente",
        "rate": "fréquence historique (hors épisode)",
        "items_scored": "{matches} éléments sur {items} concordent ; références notées sur "
        "{compared}",
        "item_count": "{n} éléments",
        "item_count_one": "{n} élément",
        "unscored": "(pas sur {kinds}, que les références ne prédisent pas)",
        "unscored.war_days": "les durées des guerres",
        "unscored.helped": "l'aide sans entrer en guerre",
        "title": "Rétro-évaluation : le modèle face à {n} épisodes",
        "title_one": "Rétro-évaluation : le modèle face à un épisode",
        "the_model_all": "le modèle, sur tous les éléments ({items})",
        "the_model_compared": "le modèle, sur les éléments que notent les références ({compared})",
        "predicted": "probabilité prévue",
        "frequency": "fréquence observée",
        "perfect": "calibration parfaite",
        "footer": "sahelsim {version} · graine {seed} · pas une prévision",
        "written": "Rétro-évaluation : {out} (backtest.csv, scores.json, report.md{figures})",
        "legend": "modèle : la part des réplications où ce qui a été observé se produit.",
        "not_forecast": "Noté sur ce qui s'est passé ; plus le score est bas, mieux c'est. "
        "Pas une prévision.",
        "reliability": "Fiabilité",
        "bin": "classe",
        "count": "prévisions",
        "forecasts_note": "Chaque élément oui/non est une prévision ; un élément sur la fin de la "
        "première guerre en compte une par issue possible (cette issue contre les autres) : il y "
        "a donc plus de prévisions que d'éléments.",
        "instead": "Ce que le modèle a donné là où il s'est trompé",
        "instead_line": "{episode}, {item} (observé{colon}{observed}){colon}{shares}",
    },
}


def _w(lang: str, key: str) -> str:
    return WORDS[lang][key]


def _percent(p: float, lang: str) -> str:
    if math.isnan(p):
        return "-"
    text = f"{p:.0%}"
    return localised(text, lang) if lang == "fr" else text.replace("%", " %")


def value_words(item: ItemScore, value: str, lang: str) -> str:
    """A value of an item in words: yes or no, or an ending of the war."""
    if item.kind is ItemKind.OUTCOME:
        return _w(lang, value)
    return _w(lang, "yes" if value == YES else "no")


def item_words(item: ItemScore, lang: str) -> str:
    """What an item is about, e.g. "entered: MLI, defenders, by 2024-08-09"."""
    if item.kind is ItemKind.OUTCOME:
        return _w(lang, "outcome")
    if item.kind is ItemKind.WAR_DAYS:  # the subject is the record's band of days
        band = localised(item.subject, lang)
        key = "war_days_one" if item.subject == "1" else "war_days"
        return _w(lang, key).format(band=band, factor=f"{WAR_DAYS_FACTOR:g}")
    words = []
    for token in item.subject.split(" "):
        bare, comma = token.rstrip(","), "," * token.endswith(",")
        if bare in ("attackers", "defenders"):
            words.append(f", {_w(lang, bare)},")
        elif bare == ANYONE and item.kind is ItemKind.FORCE_USED:
            words.append(_w(lang, "anyone") + comma)
        else:
            words.append(actor_name(bare, lang) + comma if bare else "")
    subject = " ".join(words).replace(" , ", ", ")
    label = _w(lang, item.kind.value).format(factor=f"{WAR_DAYS_FACTOR:g}")
    return f"{label}{_w(lang, 'colon')}{subject}"


def _share(p: float, lang: str) -> str:
    """A share of the replicates, never rounded to none or to all when it is neither."""
    return some_not_all(p, lambda x: _percent(x, lang))


def misses_lines(episodes: Sequence[EpisodeScore], lang: str = "en") -> list[str]:
    """For each item the model misses, every value's share of the replicates, largest first.

    A miss says what happened was not strictly the model's most likely value (a tie is a miss);
    this says what was, and by how much (Liberia 1990: the war ends by mediation in a quarter of
    the replicates; which side won the rest?). Values never given are left out.
    """
    w = WORDS[lang]
    lines = []
    for e in episodes:
        for s in e.items:
            if s.matches:
                continue
            # Largest first (a stable sort: ties keep the values' order); none never given
            ranked = sorted(((v, q) for v, q in s.shares.items() if q > 0), key=lambda kv: -kv[1])
            shares = ", ".join(
                f"{value_words(s, value, lang)} {_share(share, lang)}" for value, share in ranked
            )
            lines.append(
                w["instead_line"].format(
                    episode=e.episode,
                    item=item_words(s, lang),
                    observed=value_words(s, s.observed, lang),
                    colon=w["colon"],
                    shares=shares or "-",  # no replicate ran
                )
            )
    return lines


# ----------------------------------------------------------------------- files


def _num(value: float | None) -> str:
    if value is None or math.isnan(value):
        return ""
    return f"{value:.6g}"


def write_csv(path: Path, episodes: Sequence[EpisodeScore]) -> Path:
    """``backtest.csv``: one row per episode and item, failures first, machine values."""
    with (
        written_whole(path) as temporary,
        open(temporary, "w", newline="", encoding="utf-8") as handle,
    ):
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(
            [
                "episode",
                "item",
                "subject",
                "observed",
                "probability",
                "low",
                "high",
                "replicates",
                "most_likely",
                "match",
                "brier",
                "log",
                "baseline_frequent",
                "baseline_rate",
            ]
        )
        for e in episodes:
            for s in e.items:
                p = s.probability
                writer.writerow(
                    [
                        s.episode,
                        s.kind.value,
                        s.subject,
                        s.observed,
                        _num(p.value),
                        _num(p.low),
                        _num(p.high),
                        p.n,
                        s.most_likely,
                        "true" if s.matches else "false",
                        _num(s.brier),
                        _num(s.log),
                        _num(s.baseline_frequent),
                        _num(s.baseline_rate),
                    ]
                )
    return path


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def scores_document(
    episodes: Sequence[EpisodeScore], scores: Scores, bins: Sequence[Bin], plan: dict
) -> dict[str, Any]:
    """What ``scores.json`` holds and ``--json`` prints.

    When held-out episodes were scored, ``baselines_also_learn_from`` names the training
    episodes whose record the baselines learnt from as well.
    """
    learnt = plan.get("baselines_also_learn_from")
    return _clean(
        {
            "root_seed": plan.get("root_seed"),
            "replicates": plan.get("replicates"),
            "log_clip": LOG_CLIP,
            **({"baselines_also_learn_from": learnt} if learnt else {}),
            "overall": scores.as_dict(),
            "episodes": [
                {
                    "episode": e.episode,
                    "misses": e.misses,
                    "brier": e.brier,
                    "direction_right": e.direction_right,
                    "items": [
                        {
                            "item": s.kind.value,
                            "subject": s.subject,
                            "observed": s.observed,
                            "probability": s.probability.value,
                            "low": s.probability.low,
                            "high": s.probability.high,
                            "most_likely": s.most_likely,
                            "shares": s.shares,
                            "match": s.matches,
                            "brier": s.brier,
                            "log": s.log,
                            "baseline_frequent": s.baseline_frequent,
                            "baseline_rate": s.baseline_rate,
                        }
                        for s in e.items
                    ],
                }
                for e in episodes
            ],
            "reliability": [b.__dict__ for b in bins],
        }
    )


def plot_reliability(bins: Sequence[Bin], *, lang: str = "en", seed: int | None = None, ax=None):
    """Observed frequency against predicted probability per bin; point size is the count."""
    with styled():
        if ax is None:
            fig = Figure(figsize=(6.5, 6), layout="constrained")
            ax = fig.add_subplot()
        else:
            fig = ax.figure
        ax.plot([0, 1], [0, 1], linestyle="--", color="#7f7f7f", label=_w(lang, "perfect"))
        full = [b for b in bins if b.count]
        ax.scatter(
            [b.predicted for b in full],
            [b.observed for b in full],
            s=[40 + 20 * b.count for b in full],
            color="#2471a3",
            zorder=3,
            label=_w(lang, "the_model"),
        )
        ax.set_xlim(-0.03, 1.03)  # room for the points on the edges
        ax.set_ylim(-0.03, 1.03)
        ax.set_xlabel(_w(lang, "predicted"))
        ax.set_ylabel(_w(lang, "frequency"))
        ax.set_title(_w(lang, "reliability"))
        ax.grid(alpha=0.3)
        ax.legend(loc="upper left")
        localise_numbers(fig, lang)
        if seed is not None:
            footer(fig, _w(lang, "footer").format(version=__version__, seed=seed), fontsize=8,
                   ha="left")  # fmt: skip
        return fig


def _report(
    episodes: Sequence[EpisodeScore], scores: Scores, bins: Sequence[Bin], lang: str, drawn: bool
) -> str:
    w = WORDS[lang]
    title = w["title_one"] if len(episodes) == 1 else w["title"].format(n=len(episodes))
    lines = [f"# {title}", "", w["not_forecast"], w["legend"], ""]
    header = [w["episode"], w["item"], w["observed"], w["model"], w["interval"], w["match"]]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for e in episodes:
        for s in e.items:
            p = s.probability
            lines.append(
                f"| {e.episode} | {item_words(s, lang)} | {value_words(s, s.observed, lang)} | "
                f"{_percent(p.value, lang)} | {_interval(p, lang)} | "
                f"{w['yes'] if s.matches else w['no']} |"
            )
    missed = misses_lines(episodes, lang)
    if missed:
        lines += ["", f"## {w['instead']}", "", *(f"- {line}" for line in missed)]
    lines += ["", f"## {w['scores']}", "", _scores_text(scores, episodes, lang), ""]
    lines += [
        f"### {w['reliability']}",
        "",
        w["forecasts_note"],
        "",
        f"| {w['bin']} | {w['count']} | {w['predicted']} | {w['frequency']} |",
        "|---|---|---|---|",
    ]
    for b in bins:
        lines.append(
            f"| {decimal(b.low, lang, 1)}–{decimal(b.high, lang, 1)} | {b.count} | "
            f"{_percent(b.predicted, lang)} | "
            f"{_percent(b.observed, lang)} |"
        )
    if drawn:
        lines += ["", "![](figures/reliability.png)"]
    return "\n".join(lines) + "\n"


def _scores_text(scores: Scores, episodes: Sequence[EpisodeScore], lang: str) -> str:
    w = WORDS[lang]
    rows = [
        (w["the_model"], scores.compared_brier, scores.compared_log),
        (w["frequent"], scores.frequent_brier, scores.frequent_log),
        (w["rate"], scores.rate_brier, scores.rate_log),
    ]
    if scores.compared_items != scores.items:
        # An item no baseline scores (a war's length) still counts: a miss there must show.
        rows[0] = (
            w["the_model_compared"].format(compared=scores.compared_items),
            *rows[0][1:],
        )
        rows.insert(0, (w["the_model_all"].format(items=scores.items), scores.brier, scores.log))
    count = w["item_count_one" if scores.compared_items == 1 else "item_count"]
    text = [
        w["items_scored"].format(
            matches=scores.matches,
            items=scores.items,
            compared=count.format(n=scores.compared_items),
        )
    ]
    text += [
        f"- {name}{w['colon']}{w['brier']} {_dec(b, lang)}, {w['log']} {_dec(lg, lang)}"
        for name, b, lg in rows
    ]
    if scores.compared_items != scores.items:  # the kinds no baseline scores: said, not guessed
        kinds = [k for k in ItemKind if k not in COMPARED]
        present = {s.kind for e in episodes for s in e.items}
        named = [w[f"unscored.{k.value}"] for k in kinds if k in present]
        text.append(w["unscored"].format(kinds=join_list(named, lang)))
    return "\n".join(text)


def _dec(value: float, lang: str) -> str:
    if math.isnan(value):
        return "-"
    return localised(f"{value:.3f}", lang)


def write_backtest(
    out: Path,
    episodes: Sequence[EpisodeScore],
    scores: Scores,
    bins: Sequence[Bin],
    plan: dict,
    *,
    lang: str = "en",
    draw: bool = True,
) -> list[Path]:
    """``backtest.csv``, ``scores.json``, ``report.md`` and (if ``draw``) the reliability figure."""
    paths = [write_csv(out / "backtest.csv", episodes)]
    document = scores_document(episodes, scores, bins, plan)
    write_whole(out / "scores.json", json.dumps(document, indent=2) + "\n")
    paths.append(out / "scores.json")
    if draw:
        fig = plot_reliability(bins, lang=lang, seed=plan.get("root_seed"))
        paths += save(fig, out / "figures", "reliability")
    write_whole(out / "report.md", _report(episodes, scores, bins, lang, draw))
    paths.append(out / "report.md")
    return paths


# ----------------------------------------------------------------------- terminal


def _interval(p, lang: str) -> str:
    """A probability's 95 % interval, written as the run's table writes one."""
    return RANGE[lang].format(low=_percent(p.low, lang), high=_percent(p.high, lang))


def backtest_table(episodes: Sequence[EpisodeScore], lang: str = "en") -> Table:
    """Each item, episodes failing first: observed, the model's probability, interval, match."""
    w = WORDS[lang]
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column(w["episode"], no_wrap=True)  # a name a reader may type again: kept whole
    for column in (w["item"], w["observed"], w["model"], w["interval"], w["match"]):
        table.add_column(column, overflow="fold")  # fold long names rather than cut them
    for e in episodes:
        for i, s in enumerate(e.items):
            p = s.probability
            table.add_row(
                e.episode if i == 0 else "",
                item_words(s, lang),
                value_words(s, s.observed, lang),
                _percent(p.value, lang),
                _interval(p, lang),
                w["yes"] if s.matches else w["no"],
            )
    return table


def failures(out: Path, names: Sequence[str]) -> dict[str, dict]:
    """The failed replicates of each episode's bundle under ``out``, by episode (none: left out).

    Each value is the bundle manifest's ``failed`` block (``count`` and ``replicates``, each
    with its seed) and the replicates ``planned``.
    """
    found = {}
    for name in names:
        manifest = json.loads((out / name / "manifest.json").read_text(encoding="utf-8"))
        failed = manifest.get("failed", {})
        if failed.get("count"):
            found[name] = {**failed, "planned": manifest["replicates"]["planned"]}
    return found


def failure_lines(out: Path, names: Sequence[str], lang: str = "en") -> list[str]:
    """One warning per episode some of whose replicates failed: its scores rest on fewer."""
    lines = []
    for name in names:
        manifest = json.loads((out / name / "manifest.json").read_text(encoding="utf-8"))
        failed, planned = manifest.get("failed", {}), manifest["replicates"]["planned"]
        options = parameter_options(manifest)
        line = failed_note(out / name, failed, lang, episode=name, planned=planned, options=options)
        if line is not None:
            lines.append(line)
    return lines


def print_backtest(
    episodes: Sequence[EpisodeScore],
    scores: Scores,
    out: Path,
    *,
    lang: str = "en",
    drawn: bool = True,
    console: Console | None = None,
) -> None:
    """The table, the scores against the baselines, and where the files are."""
    w = WORDS[lang]
    report = console or std_console(highlight=False, soft_wrap=True)
    report.print(backtest_table(episodes, lang))
    missed = misses_lines(episodes, lang)
    if missed:
        report.print(w["instead"], style="bold")
        for line in missed:
            # Folded at the terminal's width under its dash, as the table's cells fold.
            folded = textwrap.fill(
                f"- {line}",
                width=max(report.width, 40),
                subsequent_indent="  ",
                break_long_words=False,
            )
            report.print(folded, markup=False)
    report.print(_scores_text(scores, episodes, lang), markup=False)
    for line in failure_lines(out, [e.episode for e in episodes], lang):
        report.print(line, style="bold", markup=False)
    report.print(w["legend"], style="italic")
    report.print(w["not_forecast"], style="italic")
    figures = ", figures/" if drawn else ""
    report.print(w["written"].format(out=out, figures=figures), markup=False)
