"""What a finished sweep folder says: per-point means, and for a sensitivity sample its indices.

``sahelsim sweep`` and ``sahelsim sensitivity`` both run a :class:`~sim.run.sweep.SweepPlan`
into a folder; these functions turn the folder's ``results.csv`` into the files written next to
it (``means.csv``; ``indices.csv`` and ``summary.txt``), so the commands only print. The
estimates and indices themselves are :mod:`sim.analysis.sensitivity`'s.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from sim.analysis import sensitivity as sa
from sim.run.designs import Design
from sim.run.files import write_whole
from sim.run.options import SENSITIVITY_SAMPLES, Sample
from sim.run.sweep import SweepPlan


def sweep_means(folder: Path, plan: SweepPlan) -> dict[str, bool]:
    """Write the folder's ``means.csv``; return, for each outcome, whether it is a yes/no share.

    Shares are shown as percentages, the others as numbers, in tables and figures.
    """
    sa.write_means(folder, plan.design.paths, plan.outcomes, plan.scenario.days)
    return {column: sa.is_share(folder / "results.csv", column) for column in plan.outcomes}


def sensitivity_design(
    method: Sample | str, names: Sequence[str] = (), samples: int | None = None
) -> Callable[[int], Design]:
    """What makes a sensitivity sample from the root seed, every input checked first.

    Args:
        method: :attr:`Sample.MORRIS` or :attr:`Sample.SOBOL`.
        names: the parameters to vary (see :func:`~sim.analysis.sensitivity.sensitivity_axes`);
            empty for every model parameter that is not a whole number.
        samples: Morris trajectories or Sobol' base samples (default
            :data:`~sim.run.options.SENSITIVITY_SAMPLES`).

    Raises:
        SahelsimError: SALib is not installed.
        InputError: an unknown parameter, or a Sobol' sample size that is not a power of 2.
    """
    sa.require_salib()
    axes = sa.sensitivity_axes(names)
    n = samples or SENSITIVITY_SAMPLES[Sample(method)]
    sa.check_samples(method, n)
    return lambda root: sa.sample_design(method, axes, n, root)


def sensitivity_indices(
    folder: Path, plan: SweepPlan, method: Sample | str
) -> dict[str, list[sa.Index]]:
    """Each outcome's ranked :class:`~sim.analysis.sensitivity.Index` list, from the point means.

    Raises:
        SahelsimError: some sample point has no estimate (every replicate there failed).
    """
    points = plan.design.points
    ys = {column: np.full(points, np.nan) for column in plan.outcomes}
    points = sa.point_estimates(
        folder / "results.csv", plan.design.paths, plan.outcomes, given=False
    )  # every point needs a value: a war's duration counts 0 where there was none
    for point in points:
        for column in plan.outcomes:
            ys[column][point.point] = point.estimates[column].value
    return {
        column: sa.analyse(method, plan.design, column, ys[column], plan.root_seed)
        for column in plan.outcomes
    }


def write_sensitivity(
    folder: Path, plan: SweepPlan, method: Sample | str, *, lang: str = "en"
) -> tuple[dict[str, list[sa.Index]], str]:
    """Write ``indices.csv`` and ``summary.txt`` into the folder; return the indices and the text."""
    indices = sensitivity_indices(folder, plan, method)
    rows = [index for ranked in indices.values() for index in ranked]
    sa.write_indices(folder / "indices.csv", method, rows)
    text = sa.summary_text(
        method,
        indices,
        title=plan.scenario.title_in(lang),
        design=plan.design,
        replicates=plan.replicates,
        root_seed=plan.root_seed,
        lang=lang,
    )
    write_whole(folder / "summary.txt", text)
    return indices, text
