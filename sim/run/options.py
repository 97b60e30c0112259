"""What the running commands let a user choose, and what they do when nothing is chosen.

The command line builds its options from these before it loads anything heavy, so this module
imports nothing from the package; the executors, sweeps and plans compare these members.
"""

from __future__ import annotations

from enum import StrEnum


class Executor(StrEnum):
    """Where replicates run."""

    LOCAL = "local"
    """This process, or local worker processes (``--workers``)."""
    DASK = "dask"
    """A Dask cluster: a ``LocalCluster`` of ``--workers``, or the one at ``--scheduler``."""


class SeriesKept(StrEnum):
    """Whose daily series a results bundle keeps."""

    SAMPLE = "sample"
    """The first :data:`SERIES_SAMPLE` replicates (plain CSV)."""
    ALL = "all"
    """Every replicate (compressed CSV)."""


class Sample(StrEnum):
    """How a sweep chooses its points (see :mod:`sim.run.designs`)."""

    GRID = "grid"
    """Every combination of evenly spaced levels of each parameter."""
    LHS = "lhs"
    """A Latin hypercube drawn from the root seed."""
    MORRIS = "morris"
    """Morris trajectories, for elementary effects (made by SALib)."""
    SOBOL = "sobol"
    """Saltelli's extension of the Sobol' sequence, for variance indices (made by SALib)."""


SWEEP_SAMPLES = (Sample.GRID, Sample.LHS)
"""The samples ``sahelsim sweep`` offers; the others belong to ``sahelsim sensitivity``."""
SENSITIVITY_METHODS = (Sample.MORRIS, Sample.SOBOL)
"""The samples ``sahelsim sensitivity`` offers, each with its own indices."""
SENSITIVITY_SAMPLES = {Sample.MORRIS: 10, Sample.SOBOL: 8}
"""Default ``--n``: Morris trajectories, or Sobol' base samples (a power of 2)."""

DEFAULT_OUTCOMES = ("ecowas_attacked", "aes_entered", "war_days", "casualties")
"""Summary columns a sweep or sensitivity analysis estimates when ``--outcome`` is not given."""

SERIES_SAMPLE = 5
"""Replicates whose daily series a bundle keeps with :attr:`SeriesKept.SAMPLE`."""
PRECISION_CAP = 10_000
"""Most replicates an adaptive ensemble (``--precision``) runs when ``--replicates`` is not given."""
SWEEP_REPLICATES = 50
"""Replicates per point of a sweep when ``--replicates`` is not given."""
SENSITIVITY_REPLICATES = 20
"""Replicates per sample point of a sensitivity analysis (Morris defaults: about a minute on
2 cores)."""


class ParameterSource(StrEnum):
    """Where each replicate's model parameters come from (``--parameters``)."""

    POINT = "point"
    """The single values of the scenario (declared defaults, the scenario's own, ``--set``)."""
    POSTERIOR = "posterior"
    """A weighted draw per replicate from the shipped posterior (or ``--posterior FILE``)."""


DEFAULT_PARAMETER_SOURCE = ParameterSource.POSTERIOR
"""What ``--parameters`` is when not given: a draw per replicate from the shipped posterior
(``sim/data/posterior.csv``, made as ``sim/data/POSTERIOR.md`` says)."""

CALIBRATION_POPULATION = 80
"""Particles per generation of ``sahelsim calibrate`` when ``--population`` is not given."""
CALIBRATION_GENERATIONS = 10
"""Most generations of ``sahelsim calibrate`` when ``--generations`` is not given."""
CALIBRATION_REPLICATES = 10
"""Replicates per episode for each particle (the same seeds for every particle)."""
CALIBRATION_MINUTES = 13.0
"""Wall-clock cap of the main fit, in minutes: pyABC checks it between generations, so the fit
ends with the generation running when it passes (measured on 2 shared cores: a generation of 50
to 60 particles takes 2 to 9 minutes). See docs/calibration.md §8.5."""
LOO_SHARE = 0.35
"""Population and generations of each leave-one-episode-out fit, as a share of the main fit's."""
LOO_MINUTES = 9.0
"""Wall-clock cap of all the leave-one-episode-out fits together, in minutes: each fit gets an
even share of the time left when it starts, so one that runs over leaves the rest less."""
