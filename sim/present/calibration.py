"""The calibration's diagnostics: marginals against the prior, pair plots, the generations.

Each figure is drawn from the files ``sahelsim calibrate`` writes (``posterior.csv`` and
``calibration.json``), so they can be redrawn from a finished folder. English only for now.
"""

from __future__ import annotations

import contextlib
import math
import textwrap
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure
from rich.table import Table
from scipy.stats import gaussian_kde

from sim.present.streams import std_console
from sim.run.posterior import Posterior
from sim.scenario.calibration import FreeParameter, PriorShape, free_parameters
from sim.scenario.parameters import PARAMETERS

from .figures import save, styled

PRIOR_COLOUR = "#7f7f7f"
POSTERIOR_COLOUR = "#2471a3"
LABEL_WIDTH = 32
"""Characters per line of an axis label: neighbouring panels' labels must not overlap."""


def _scale(p: FreeParameter, values: np.ndarray) -> np.ndarray:
    """Values on the axis the prior is flat on (log10 for a log-uniform prior)."""
    return np.log10(values) if p.shape is PriorShape.LOG_UNIFORM else values


def _range(p: FreeParameter) -> tuple[float, float]:
    low, high = _scale(p, np.array([p.low, p.high]))
    return float(low), float(high)


def _label(p: FreeParameter) -> str:
    name = "\n".join(textwrap.wrap(PARAMETERS[p.name].label, LABEL_WIDTH))
    return f"log10 {p.name}" if p.shape is PriorShape.LOG_UNIFORM else f"{name}\n({p.name})"


def plot_marginal(posterior: Posterior, p: FreeParameter, ax=None) -> Figure:
    """One parameter's weighted posterior (histogram and KDE) against its flat prior."""
    with styled():
        if ax is None:
            fig = Figure(figsize=(4.5, 3.2), layout="constrained")
            ax = fig.add_subplot()
        else:
            fig = ax.figure
        j = posterior.names.index(p.name)
        x = _scale(p, np.array([v[j] for v in posterior.values]))
        w = np.asarray(posterior.weights, dtype=float)
        low, high = _range(p)
        ax.hist(x, bins=15, range=(low, high), weights=w, density=True, color=POSTERIOR_COLOUR,
                alpha=0.45, label="posterior")  # fmt: skip
        if len(set(x.tolist())) > 2:
            grid = np.linspace(low, high, 200)
            # a degenerate sample has no KDE: the histogram says it all
            with contextlib.suppress(np.linalg.LinAlgError, ValueError):
                ax.plot(grid, gaussian_kde(x, weights=w)(grid), color=POSTERIOR_COLOUR)
        ax.axhline(1.0 / (high - low), color=PRIOR_COLOUR, linestyle="--", label="prior")
        ax.set_xlim(low, high)
        ax.set_xlabel(_label(p))
        ax.set_yticks([])
        ax.legend(loc="upper right", fontsize=7)
        return fig


def plot_marginals(posterior: Posterior, parameters: Sequence[FreeParameter]) -> Figure:
    """Every free parameter's marginal against its prior, on one page."""
    columns = 3
    rows = math.ceil(len(parameters) / columns)
    with styled():
        fig = Figure(figsize=(4.2 * columns, 2.8 * rows), layout="constrained")
        for i, p in enumerate(parameters):
            plot_marginal(posterior, p, ax=fig.add_subplot(rows, columns, i + 1))
        fig.suptitle("Posterior marginals (bars, line) against the prior (dashed)")
    return fig


def plot_pairs(posterior: Posterior, parameters: Sequence[FreeParameter]) -> Figure:
    """Every pair of free parameters: particles, the size of each point its weight."""
    n = len(parameters)
    w = np.asarray(posterior.weights, dtype=float)
    sizes = 4 + 60 * w / w.max()
    with styled():
        fig = Figure(figsize=(1.6 * n, 1.6 * n), layout="constrained")
        columns = [
            _scale(p, np.array([v[posterior.names.index(p.name)] for v in posterior.values]))
            for p in parameters
        ]
        for row, py in enumerate(parameters):
            for col, px in enumerate(parameters):
                ax = fig.add_subplot(n, n, row * n + col + 1)
                ax.tick_params(labelsize=5)
                if col == row:
                    ax.hist(columns[col], bins=12, range=_range(px), weights=w,
                            color=POSTERIOR_COLOUR)  # fmt: skip
                    ax.set_yticks([])
                elif col < row:
                    ax.scatter(columns[col], columns[row], s=sizes, color=POSTERIOR_COLOUR,
                               alpha=0.5, linewidths=0)  # fmt: skip
                    ax.set_ylim(*_range(py))
                else:
                    ax.axis("off")
                    continue
                ax.set_xlim(*_range(px))
                if row == n - 1:
                    ax.set_xlabel(px.name, fontsize=6)
                if col == 0 and row > 0:
                    ax.set_ylabel(py.name, fontsize=6)
        fig.suptitle("Posterior pairs (point size: weight; axes: the prior's range)")
        return fig


def plot_generations(summary: dict, ax=None) -> Figure:
    """Epsilon, acceptance rate and effective sample size per generation."""
    generations = summary["generations"]
    t = [g["t"] for g in generations]
    with styled():
        fig = Figure(figsize=(9, 3), layout="constrained")
        for i, (key, title) in enumerate(
            (
                ("epsilon", "threshold (mean Brier)"),
                ("acceptance", "acceptance rate"),
                ("ess", "effective sample size"),
            )
        ):
            ax = fig.add_subplot(1, 3, i + 1)
            ax.plot(t, [g[key] for g in generations], marker="o", color=POSTERIOR_COLOUR)
            ax.set_xlabel("generation")
            ax.set_title(title)
            ax.grid(alpha=0.3)
        return fig


def write_calibration_figures(out: Path, posterior: Posterior, summary: dict) -> list[Path]:
    """``figures/marginals``, ``figures/pairs`` and ``figures/generations`` (PNG and SVG)."""
    parameters = free_parameters(tuple(summary["parameters"]))
    folder = out / "figures"
    paths = save(plot_marginals(posterior, parameters), folder, "marginals")
    paths += save(plot_pairs(posterior, parameters), folder, "pairs")
    paths += save(plot_generations(summary), folder, "generations")
    return paths


COLLAPSED = 0.2
"""An effective sample size below this share of the particles is said to be collapsed: a rule of
thumb of importance sampling (resampling is commonly triggered at a half, Liu 2001), not a
test."""


def print_calibration(summary: dict, out: Path) -> None:
    """The fit in a few lines: generations, scores, leave-one-out, where the files are."""
    console = std_console(highlight=False)
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("generation", "epsilon", "accepted", "proposals", "acceptance", "ESS"):
        table.add_column(column, justify="right")
    for g in summary["generations"]:
        table.add_row(
            str(g["t"]),
            f"{g['epsilon']:.4f}",
            str(g["particles"]),
            str(g["proposals"]),
            f"{g['acceptance']:.1%}",
            f"{g['ess']:.1f}",
        )
    console.print(table)
    last = summary["generations"][-1] if summary["generations"] else None
    if last is not None and last["ess"] < COLLAPSED * last["particles"]:
        console.print(
            f"Warning: the last generation's effective sample size is {last['ess']:.1f} of "
            f"{last['particles']} particles: the weight sits on a few of them, and the posterior "
            "says less than its size suggests. Raise --population (docs/calibration.md §8).",
            style="bold",
        )
    scores = summary["scores"]
    console.print(
        f"Mean Brier score on the training episodes ({scores['replicates']} replicates each): "
        f"{scores['posterior_brier']:.4f} drawing from the posterior, "
        f"{scores['point_brier']:.4f} with the single values."
    )
    loo = summary.get("leave_one_out")
    if loo:
        console.print(
            f"Leave-one-episode-out: mean Brier score {loo['brier']:.4f} on the episodes left out "
            f"(population {loo['budget']['population']}, {loo['budget']['generations']} "
            "generation(s) per fit)"
            + (
                f", against {loo['same_budget_in_sample']:.4f} in sample for a fit of the same "
                "size on every episode."
                if "same_budget_in_sample" in loo
                else "."
            )
        )
    if not summary["sampler"]["reproducible"]:
        console.print(
            "Parallel sampler: the particles depend on the order workers finish in; the seed "
            "fixes the replicates (common random numbers), not the fit."
        )
    console.print(f"Posterior, diagnostics and figures in {out}")
