"""Figures of sweeps and sensitivity analyses (PNG and SVG), drawn from their files.

- one swept parameter: the outcome's mean (or share) with its 95 % interval against the value;
- two parameters on a grid: a heat map of the mean outcome per cell;
- anything else (a Latin hypercube, three or more parameters): one panel per parameter, each
  point's mean against that parameter's value;
- sensitivity: ranked bars of ``mu*`` (Morris) or ``ST`` and ``S1`` (Sobol') with intervals.

As in :mod:`sim.present.figures`, plotting functions take ``ax=None`` and return the Figure,
and every figure carries the scenario's title, the root seed, the version and "not a forecast".
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import numpy as np
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from sim.analysis.sensitivity import COLUMNS, Index, index_label
from sim.analysis.summary import GIVEN
from sim.model.outcome_registry import OUTCOMES
from sim.numbers import localised, percent_sign, significant, takes_singular
from sim.present.console import bundle_title, interval_parts
from sim.present.figures import (
    BAND_COLOUR,
    _new_axes,
    above_footer,
    localise_numbers,
    mark_figure,
    save,
    styled,
)
from sim.present.geography import text_colour
from sim.present.i18n import GIVEN_A_WAR
from sim.present.terminal import WholeParts, replicates
from sim.run.checkpoint import note_drawn
from sim.run.files import sweep_temporaries
from sim.run.options import Sample
from sim.scenario.parameters import PARAMETERS

WORDS = {
    "en": {
        "share": "share of replicates",
        "crn": "{replicates} per point on common random numbers",
        "interval": "95 % interval",
        "mean": "mean",
        "morris": "Morris screening: mu* with 95 % interval (sigma as a diamond)",
        "sobol": "Sobol' indices with 95 % intervals",
        "mu_star": "mu* (change over the parameter's range)",
        "sigma": "sigma",
        "ST": "ST (total)",
        "S1": "S1 (alone)",
        "index": "index",
        "no_war": "blank: no replicate had a war, so no war's length",
        "no_estimate": "blank: no estimate (every replicate there failed)",
    },
    "fr": {
        "share": "part des réplications",
        "crn": "{replicates} par point sur nombres aléatoires communs",
        "interval": "intervalle à 95\u202f%",
        "mean": "moyenne",
        "morris": "Criblage de Morris : mu* avec intervalle à 95\u202f% (sigma en losange)",
        "sobol": "Indices de Sobol' avec intervalles à 95\u202f%",
        "mu_star": "mu* (variation sur la plage du paramètre)",
        "sigma": "sigma",
        "ST": "ST (total)",
        "S1": "S1 (seul)",
        "index": "indice",
        "no_war": "vide : aucune réplication n'a eu de guerre, donc pas de durée",
        "no_estimate": "vide : pas d'estimation (toutes les réplications y ont échoué)",
    },
}


def outcome_label(column: str, lang: str = "en") -> str:
    """A summary column's label, from the outcome registry ("..., given a war" for a duration)."""
    if column in GIVEN:
        return GIVEN_A_WAR[lang].format(label=OUTCOMES[column].label(lang))
    return OUTCOMES[column].label(lang)


def parameter_label(path: str, lang: str = "en") -> str:
    """Axis label of a swept path: a declared parameter's label in ``lang``, or the whole path.

    The parameter's name follows its label, as the user typed it (alone, it read as English in
    a French figure).
    """
    name = path.removeprefix("parameters.")
    declared = PARAMETERS.get(name) if path.startswith("parameters.") else None
    if declared is None:
        return path
    return f"{declared.label_fr if lang == 'fr' else declared.label} ({name})"


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Means:
    """A sweep's ``means.csv``: parameter values and outcome estimates, one row per point."""

    paths: list[str]
    outcomes: list[str]
    values: np.ndarray  # points x paths
    mean: dict[str, np.ndarray]
    low: dict[str, np.ndarray]
    high: dict[str, np.ndarray]
    points: np.ndarray


def read_means(folder: Path, paths: Sequence[str], outcomes: Sequence[str]) -> Means:
    """Read ``means.csv`` of a sweep folder."""
    with open(folder / "means.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))

    def column(name: str) -> np.ndarray:
        return np.array([float(r[name]) if r[name] != "" else np.nan for r in rows])

    values = np.column_stack([column(p) for p in paths]) if rows else np.empty((0, len(paths)))
    return Means(
        list(paths),
        list(outcomes),
        values,
        {c: column(c) for c in outcomes},
        {c: column(f"{c}_low") for c in outcomes},
        {c: column(f"{c}_high") for c in outcomes},
        np.array([int(r["point"]) for r in rows], dtype=int),
    )


# --------------------------------------------------------------------------- sweeps


def _y_axis(ax, share: bool, lang: str, label: str) -> None:
    if share:
        ax.set_ylim(0, 1)
        symbol = percent_sign(lang)
        ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0, symbol=symbol))
        ax.set_ylabel(WORDS[lang]["share"])
    else:
        ax.set_ylim(bottom=min(0.0, ax.get_ylim()[0]))
        ax.set_ylabel(label)


def plot_sweep_line(
    x: np.ndarray,
    mean: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    *,
    xlabel: str,
    label: str,
    share: bool,
    lang: str = "en",
    ax=None,
) -> Figure:
    """An outcome's mean (or share) with its 95 % interval against one swept parameter."""
    with styled():
        fig, ax = _new_axes(ax, (10, 6))
        ax.fill_between(
            x,
            np.nan_to_num(low, nan=mean),
            np.nan_to_num(high, nan=mean),
            color=BAND_COLOUR,
            alpha=0.22,
            linewidth=0,
            label=WORDS[lang]["interval"],
        )
        ax.plot(x, mean, color=BAND_COLOUR, linewidth=2.2, marker="o", label=WORDS[lang]["mean"])
        ax.set_xlabel(xlabel)
        ax.set_title(label)
        _y_axis(ax, share, lang, label)
        ax.grid(alpha=0.3)
        ax.legend(loc="best")
        localise_numbers(fig, lang)
        return fig


def plot_sweep_heatmap(
    x_levels: np.ndarray,
    y_levels: np.ndarray,
    cells: np.ndarray,
    *,
    xlabel: str,
    ylabel: str,
    label: str,
    share: bool,
    lang: str = "en",
    blank: str = "",
    ax=None,
) -> Figure:
    """Mean outcome per cell of a two-parameter grid (``cells[i, j]``: x level i, y level j).

    A cell without an estimate (no war there to have a length) is left blank; ``blank`` says
    why, in a legend drawn when there is such a cell.
    """
    with styled():
        fig, ax = _new_axes(ax, (10, 7))
        limits = {"vmin": 0.0, "vmax": 1.0} if share else {}
        image = ax.imshow(
            cells.T,
            origin="lower",
            aspect="auto",
            cmap="viridis",
            interpolation="nearest",
            **limits,
        )
        colourbar = fig.colorbar(image, ax=ax)
        colourbar.set_label(label)
        if share:
            symbol = percent_sign(lang)
            colourbar.formatter = matplotlib.ticker.PercentFormatter(1.0, symbol=symbol)
            colourbar.update_ticks()
        ax.set_xticks(range(len(x_levels)), [significant(v, 4, lang) for v in x_levels])
        ax.set_yticks(range(len(y_levels)), [significant(v, 4, lang) for v in y_levels])
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        ax.set_title(label)
        if cells.size <= 144:
            _annotate(ax, cells, share, image, lang)
        if blank and np.isnan(cells).any():
            key = Patch(facecolor=ax.get_facecolor(), edgecolor="#7f7f7f", label=blank)
            above_footer(fig, fig.legend(handles=[key], loc="outside lower center"))
        localise_numbers(fig, lang)
        return fig


def _annotate(ax, cells: np.ndarray, share: bool, image, lang: str = "en") -> None:
    for (i, j), value in np.ndenumerate(cells):
        if not np.isfinite(value):
            continue
        # Three significant digits, as people write them: "1,230" / "1 230", never "1.23e+03".
        text = localised(f"{value:.0%}", lang) if share else significant(value, 3, lang)
        # Read against the cell's own colour: white on a dark cell, near-black on a light one.
        colour = text_colour(to_hex(image.cmap(image.norm(value))))
        ax.text(i, j, text, ha="center", va="center", fontsize=10, color=colour)


def plot_sweep_points(
    means: Means, column: str, *, share: bool, lang: str = "en", axes=None
) -> Figure:
    """Each point's mean outcome against each parameter's value, one panel per parameter.

    For designs that are not a one- or two-parameter grid (Latin hypercubes, three or more
    parameters). ``axes`` may hold one axes per parameter to draw into.
    """
    with styled():
        k = len(means.paths)
        if axes is None:
            columns = min(k, 3)
            fig = Figure(figsize=(5 * columns, 4.2 * -(-k // columns)), layout="constrained")
            axes = np.atleast_1d(fig.subplots(-(-k // columns), columns, squeeze=False)).ravel()
        else:
            fig = axes[0].figure
        label = outcome_label(column, lang)
        for j, ax in enumerate(axes):
            if j >= k:
                ax.set_visible(False)
                continue
            ax.scatter(means.values[:, j], means.mean[column], s=18, alpha=0.7, color=BAND_COLOUR)
            ax.set_xlabel(parameter_label(means.paths[j], lang))
            ax.set_title(label)
            _y_axis(ax, share, lang, label)
            ax.grid(alpha=0.3)
        localise_numbers(fig, lang)
        return fig


def sweep_figure(means: Means, column: str, grid: bool, *, share: bool, lang: str) -> Figure:
    """The figure that suits the design: a line, a heat map, or panels of points."""
    label = outcome_label(column, lang)
    if grid and len(means.paths) == 1:
        return plot_sweep_line(
            means.values[:, 0],
            means.mean[column],
            means.low[column],
            means.high[column],
            xlabel=parameter_label(means.paths[0], lang),
            label=label,
            share=share,
            lang=lang,
        )
    if grid and len(means.paths) == 2:
        x_levels = np.unique(means.values[:, 0])
        y_levels = np.unique(means.values[:, 1])
        cells = np.full((len(x_levels), len(y_levels)), np.nan)
        for (x, y), value in zip(means.values, means.mean[column], strict=True):
            cells[np.searchsorted(x_levels, x), np.searchsorted(y_levels, y)] = value
        return plot_sweep_heatmap(
            x_levels,
            y_levels,
            cells,
            xlabel=parameter_label(means.paths[0], lang),
            ylabel=parameter_label(means.paths[1], lang),
            label=label,
            share=share,
            lang=lang,
            blank=WORDS[lang]["no_war" if column in GIVEN else "no_estimate"],
        )
    return plot_sweep_points(means, column, share=share, lang=lang)


def write_sweep_figures(
    folder: Path, manifest: dict, shares: dict[str, bool], *, lang: str = "en"
) -> list[Path]:
    """Draw one figure per outcome of a sweep into ``figures/``; return the paths."""
    paths = [p["path"] for p in manifest["design"]["parameters"]]
    means = read_means(folder, paths, manifest["outcomes"])
    if means.points.size == 0:
        return []
    grid = manifest["design"]["sample"] == "grid"
    title = bundle_title(folder, manifest, lang)
    extra = _per_point(manifest, lang)
    written = _start_drawing(folder)
    for column in manifest["outcomes"]:
        fig = sweep_figure(means, column, grid, share=shares[column], lang=lang)
        mark_figure(fig, title, manifest["seeds"]["root"], lang, extra=extra)
        written += save(fig, folder / "figures", f"sweep-{column}")
        note_drawn(folder, written)  # the manifest names only figures drawn whole
    return written


def _per_point(manifest: dict, lang: str) -> str:
    """The replicates each point ran, said in a figure's footer."""
    words = WORDS[lang]
    count = manifest["replicates"]["per_point"]
    return words["crn"].format(replicates=replicates(count, lang))


def _start_drawing(folder: Path) -> list[Path]:
    """Sweep away what a killed drawing left, and say in the manifest that nothing is drawn yet."""
    sweep_temporaries(folder / "figures")
    written: list[Path] = []
    note_drawn(folder, written)
    return written


# --------------------------------------------------------------------------- sensitivity

NBSP_COLON = "\u00a0:"
"""A colon in French, after a no-break space ("Pertes militaires : Criblage de Morris")."""


def plot_indices(
    method: str, indices: Sequence[Index], *, label: str, lang: str = "en", ax=None
) -> Figure:
    """Ranked horizontal bars of one outcome's indices with their 95 % intervals.

    Morris: ``mu*`` bars, ``sigma`` as diamonds. Sobol': ``ST`` and ``S1`` bars side by side.
    """
    words = WORDS[lang]
    with styled():
        fig, ax = _new_axes(ax, (11, max(4.0, 0.45 * len(indices) + 2)))
        ys = np.arange(len(indices))
        names = [i.name for i in indices]
        if Sample(method) is Sample.MORRIS:
            _bars(ax, ys, indices, "mu_star", "mu_star_conf", 0.7, BAND_COLOUR, words["mu_star"])
            sigma = [i.values["sigma"] for i in indices]
            ax.scatter(sigma, ys, marker="D", color="#7d3c98", zorder=3, label=words["sigma"])
        else:
            _bars(ax, ys - 0.2, indices, "ST", "ST_conf", 0.4, BAND_COLOUR, words["ST"])
            _bars(ax, ys + 0.2, indices, "S1", "S1_conf", 0.4, "#d35400", words["S1"])
        ax.set_yticks(ys, names)
        ax.invert_yaxis()
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_xlabel(words["index"])
        ax.set_title(f"{label}{NBSP_COLON if lang == 'fr' else ':'} {words[method]}")
        ax.grid(axis="x", alpha=0.3)
        ax.legend(loc="lower right")
        localise_numbers(fig, lang)
        return fig


def _bars(ax, ys, indices: Sequence[Index], key: str, conf: str, height, colour, label) -> None:
    values = np.nan_to_num(np.array([i.values[key] for i in indices]))
    half = np.nan_to_num(np.array([i.values[conf] for i in indices]))
    # The indices cannot be negative: the interval's lower end is cut at zero (the text's too).
    errors = np.array([np.minimum(half, np.maximum(values, 0)), half])
    ax.barh(
        ys,
        values,
        height=height,
        xerr=errors,
        color=colour,
        alpha=0.85,
        capsize=4,
        label=label,
        gid=f"index-{key}",
    )


def write_sensitivity_figures(
    folder: Path,
    manifest: dict,
    method: str,
    indices_by_outcome: dict[str, list[Index]],
    *,
    lang: str = "en",
) -> list[Path]:
    """Draw one bar figure per outcome that varied into ``figures/``; return the paths."""
    title = bundle_title(folder, manifest, lang)
    extra = _per_point(manifest, lang)
    written = _start_drawing(folder)
    for column, indices in indices_by_outcome.items():
        ranked_on = COLUMNS[method][0]
        if not indices or not indices[0].values[ranked_on] > 0:
            continue  # the outcome never changed: nothing to draw (summary.txt says so)
        fig = plot_indices(method, indices, label=index_label(column, lang), lang=lang)
        mark_figure(fig, title, manifest["seeds"]["root"], lang, extra=extra)
        written += save(fig, folder / "figures", f"{method}-{column}")
        note_drawn(folder, written)
    return written


# --------------------------------------------------------------------------- terminal


def sweep_table(means: Means, shares: dict[str, bool], *, limit: int = 30, lang: str = "en"):
    """A rich table of the first ``limit`` points: values, then each outcome with its interval."""
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("point", justify="right")
    for path in means.paths:
        table.add_column(parameter_label(path, lang), justify="right")
    for column in means.outcomes:
        table.add_column(outcome_label(column, lang), justify="right")
    for row in range(min(limit, means.points.size)):
        values = (significant(v, 6, lang) for v in means.values[row])  # 40,000, not 40000
        cells = [str(means.points[row]), *values]
        for column in means.outcomes:
            share = shares[column]

            def show(x: float, share: bool = share) -> str:
                return localised((_percent if share else _number)(x), lang)

            value, low, high = (
                means.mean[column][row],
                means.low[column][row],
                means.high[column][row],
            )
            if not np.isfinite(value):  # no replicate to average (no war: no war's length)
                cells.append("-")
                continue
            # The interval on its own line, written as the run's table writes it, folded if need
            # be between its bounds, never inside a number (a French one holds narrow no-break
            # spaces: "7 888 à 12,4k").
            lines = [[show(value)]]
            if np.isfinite(low):
                lines.append(interval_parts(show(low), show(high), lang))
            cells.append(WholeParts(*lines))
        table.add_row(*cells)
    return table


TABLE_WORDS = {
    "en": {
        "more.one": "... and {n} more point in means.csv",
        "more.other": "... and {n} more points in means.csv",
        "seeds.one": "the same replicate seed",
        "seeds.other": "the same {n} replicate seeds",
        "foot": "Every point ran {seeds} (common random numbers); intervals are 95 %. Parameters "
        "not varied keep their single values (as with --parameters point), so the intervals "
        "leave out what is uncertain about them. Not a forecast.",
        "files": "Sweep: {folder} (points.csv, results.csv, means.csv{figures})",
    },
    "fr": {
        "more.one": "... et {n} autre point dans means.csv",
        "more.other": "... et {n} autres points dans means.csv",
        "seeds.one": "la même graine de réplication",
        "seeds.other": "les mêmes {n} graines de réplication",
        "foot": "Chaque point a été calculé avec {seeds} (nombres aléatoires communs) ; "
        "intervalles à 95\u202f%. Les autres paramètres gardent leur valeur fixe ; les "
        "intervalles laissent donc de côté l'incertitude sur eux. Ce n'est pas une prévision.",
        "files": "Balayage : {folder} (points.csv, results.csv, means.csv{figures})",
    },
}
"""The words around the sweep's table; a ``.one``/``.other`` pair agrees with its count."""


def _counting(key: str, n: int, lang: str) -> str:
    """The words ``key.one`` or ``key.other`` of :data:`TABLE_WORDS`, as ``n`` takes them."""
    form = "one" if takes_singular(n, lang) else "other"
    return TABLE_WORDS[lang][f"{key}.{form}"].format(n=localised(f"{n:,}", lang))


def _percent(value: float) -> str:
    return f"{value * 100:.0f}%"


def _number(value: float) -> str:
    """About three significant digits, with k and M past 10,000, to keep columns narrow."""
    for size, suffix in ((1e6, "M"), (1e3, "k")):
        if abs(value) >= size * 10:
            return f"{value / size:.3g}{suffix}"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


def print_sweep(
    folder: Path,
    manifest: dict,
    shares: dict[str, bool],
    *,
    lang: str = "en",
    drawn: bool = True,
    limit: int = 30,
    console=None,
) -> None:
    """Print the first ``limit`` points' means with intervals, the seeds note and the files.

    Reads ``means.csv`` as :func:`write_sweep_figures` does, so the table and the figures agree.
    """
    from sim.present.streams import std_console

    paths = [p["path"] for p in manifest["design"]["parameters"]]
    means = read_means(folder, paths, manifest["outcomes"])
    report = console or std_console(highlight=False)
    report.print(sweep_table(means, shares, limit=limit, lang=lang))
    words = TABLE_WORDS[lang]
    if means.points.size > limit:
        report.print(_counting("more", means.points.size - limit, lang))
    seeds = _counting("seeds", manifest["replicates"]["per_point"], lang)
    report.print(words["foot"].format(seeds=seeds), style="italic")
    figures = ", figures/" if drawn else ""
    report.print(words["files"].format(folder=folder, figures=figures))
