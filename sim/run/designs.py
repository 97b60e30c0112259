"""Sweep designs: which points in parameter space a sweep runs, and how they are chosen.

A design is a table of points, one column per *axis* (a dotted path into the scenario, as with
``--set``, and its range). It is a full grid (``--param PATH=LO:HI:N``), a Latin hypercube drawn
from the root seed (``--sample lhs --n N``), or a sample made by the sensitivity analysis
(Morris, Sobol'; :mod:`sim.analysis.sensitivity`). Every random design draws from its own seed,
derived from the root seed apart from the replicates' (:func:`design_seed`), so the same
command gives the same points. Running the points is :mod:`sim.run.sweep`'s business.
"""

from __future__ import annotations

import itertools
import math
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from sim.errors import InputError, Text, Unit
from sim.run.options import SWEEP_SAMPLES, Sample
from sim.scenario.parameters import ACTOR_PARAMETERS, PARAMETERS, Parameter, retired

GRID_FORM = Text("PATH=LO:HI:N, e.g. parameters.honour_base_rate=0:1:5")
LHS_FORM = Text(
    "PATH=LO:HI, or PATH alone for its declared range, e.g. parameters.honour_base_rate"
)

_DESIGN_KEY = 0x53574545  # "SWEE": a two-part spawn key never equals a replicate's one-part key


# --------------------------------------------------------------------------- parameters


def declared_parameter(path: str) -> Parameter | None:
    """The declaration (default, range, unit) behind a dotted path, if it names one."""
    parts = path.split(".")
    if len(parts) == 2 and parts[0] == "parameters":
        return PARAMETERS.get(parts[1])
    if len(parts) == 3 and parts[0] == "actors":
        return ACTOR_PARAMETERS.get(parts[2])
    return None


@dataclass(frozen=True)
class Axis:
    """One swept value: its dotted path, its range and, on a grid, its number of points.

    Attributes:
        path: dotted path into the scenario, as with ``--set`` (``parameters.kill_rate``).
        low: lowest value.
        high: highest value.
        levels: number of grid points from ``low`` to ``high`` (``None`` outside grids).
        integer: whether values are whole numbers (rounded after sampling).
        spec: the option as the user wrote it, to name it in messages.
    """

    path: str
    low: float
    high: float
    levels: int | None = None
    integer: bool = False
    spec: str = ""

    @property
    def label(self) -> str:
        """The option as written, for messages."""
        return f"--param {self.spec or self.path}"

    @property
    def name(self) -> str:
        """Short name: the parameter's own name for ``parameters.X``, else the whole path."""
        return self.path.removeprefix("parameters.")


def parse_param(spec: str, *, grid: bool) -> Axis:
    """Read one ``--param`` (``PATH=LO:HI:N`` on a grid; ``PATH=LO:HI`` or ``PATH`` otherwise).

    Raises:
        InputError: malformed text, LO not below HI, N below 2, or a value outside the
            parameter's declared range.
    """
    label = f"--param {spec}"
    form = GRID_FORM if grid else LHS_FORM
    path, sep, rest = spec.partition("=")
    path = path.strip()
    if not path or any(not part.strip() for part in path.split(".")) or " " in path:
        raise InputError(_expected(label, form))
    declared = declared_parameter(path)
    if not sep:
        if grid:
            raise InputError(
                Text(
                    "{label}: a grid needs a range and a number of points; expected {form}",
                    label=label,
                    form=form,
                )
            )
        if declared is None:
            problem = retired(path) or Text(
                "{path} has no declared range; expected PATH=LO:HI", path=path
            )
            raise InputError(Text("{label}: {problem}", label=label, problem=problem))
        return Axis(path, declared.low, declared.high, None, declared.integer, spec)
    parts = rest.split(":")
    if not grid and len(parts) == 3:
        raise InputError(
            Text(
                "{label}: with --sample lhs the number of points is --n; expected {form}",
                label=label,
                form=form,
            )
        )
    if len(parts) != (3 if grid else 2):
        raise InputError(_expected(label, form))
    low, high = (_number(label, text, form) for text in parts[:2])
    if not low < high:
        raise InputError(
            Text(
                "{label}: LO must be below HI; got LO {low:g} and HI {high:g}",
                label=label,
                low=low,
                high=high,
            )
        )
    levels = _levels(label, parts[2]) if grid else None
    if declared is not None:
        for value in (low, high):
            if not declared.low <= value <= declared.high:
                raise InputError(
                    Text(
                        "{label}: {value:g} is outside the declared range of {path}; expected "
                        "{low:g} to {high:g} ({unit})",
                        label=label,
                        value=value,
                        path=path,
                        low=declared.low,
                        high=declared.high,
                        unit=Unit(declared.unit),
                    )
                )
    # Undeclared paths (days, forces in an event...) are sent as written; the loader checks them.
    integer = declared.integer if declared else False
    if integer and levels is not None and levels > math.floor(high) - math.ceil(low) + 1:
        raise InputError(
            Text(
                "{label}: {path} takes whole numbers and there are fewer than {levels} from "
                "{low:g} to {high:g}; expected a smaller N",
                label=label,
                path=path,
                levels=levels,
                low=low,
                high=high,
            )
        )
    return Axis(path, low, high, levels, integer, spec)


def _expected(label: str, form: Text) -> Text:
    return Text("{label}: expected {form}", label=label, form=form)


def _number(label: str, text: str, form: Text) -> float:
    try:
        value = float(text)
    except ValueError:
        raise InputError(
            Text(
                "{label}: {text!r} is not a number; expected {form}",
                label=label,
                text=text.strip(),
                form=form,
            )
        ) from None
    if not math.isfinite(value):
        raise InputError(
            Text(
                "{label}: {text!r} is not a finite number; expected {form}",
                label=label,
                text=text.strip(),
                form=form,
            )
        )
    return value


def _levels(label: str, text: str) -> int:
    text = text.strip()
    if not text.isdigit() or int(text) < 2:
        raise InputError(
            Text(
                "{label}: N, the number of points, is {text!r}; expected a whole number of at "
                "least 2",
                label=label,
                text=text,
            )
        )
    return int(text)


def check_unique(axes: Sequence[Axis]) -> None:
    """Each path may be swept once."""
    seen: set[str] = set()
    for axis in axes:
        if axis.path in seen:
            raise InputError(
                Text(
                    "{label}: {path} is given twice; expected each path once",
                    label=axis.label,
                    path=axis.path,
                )
            )
        seen.add(axis.path)


# --------------------------------------------------------------------------- designs


@dataclass(frozen=True)
class Design:
    """The points of a sweep: one row of values per point, one column per axis.

    Attributes:
        sample: how the points were made.
        axes: the swept values.
        values: points x axes; whole-number axes already rounded.
        about: how the points were drawn, for the manifest.
    """

    sample: Sample
    axes: tuple[Axis, ...]
    values: np.ndarray
    about: dict[str, Any] = field(default_factory=dict)

    @property
    def points(self) -> int:
        """How many points."""
        return int(self.values.shape[0])

    @property
    def paths(self) -> list[str]:
        """The swept paths, in column order."""
        return [a.path for a in self.axes]

    def texts(self, point: int) -> list[str]:
        """The point's values as written to ``--set`` and to the CSV files."""
        return [
            value_text(v, a.integer) for v, a in zip(self.values[point], self.axes, strict=True)
        ]

    def overrides(self, point: int) -> list[str]:
        """The ``PATH=VALUE`` overrides that make the point's scenario."""
        return [f"{p}={t}" for p, t in zip(self.paths, self.texts(point), strict=True)]


def make_design(
    sample: Sample | str,
    axes: Sequence[Axis],
    values: np.ndarray,
    about: dict[str, Any] | None = None,
) -> Design:
    """A design from raw values: whole-number axes rounded, every value tidied to 12 digits."""
    values = np.array(values, dtype=float).reshape(-1, len(axes))
    for j, axis in enumerate(axes):
        column = np.array([float(f"{v:.12g}") for v in values[:, j]])
        if axis.integer:
            column = np.clip(np.floor(column + 0.5), math.ceil(axis.low), math.floor(axis.high))
        values[:, j] = column
    return Design(Sample(sample), tuple(axes), values, dict(about or {}))


def grid_design(axes: Sequence[Axis]) -> Design:
    """Every combination of each axis's evenly spaced levels; the first axis varies slowest."""
    levels = [np.linspace(a.low, a.high, a.levels or 2) for a in axes]
    values = np.array(list(itertools.product(*levels)), dtype=float)
    return make_design(Sample.GRID, axes, values, {"levels": [a.levels for a in axes]})


def design_seed(root_seed: int, purpose: str) -> int:
    """A seed for drawing a design, derived from the root seed and kept apart from replicates."""
    sequence = np.random.SeedSequence(
        root_seed, spawn_key=(_DESIGN_KEY, zlib.crc32(purpose.encode()))
    )
    return int(sequence.generate_state(1, np.uint32)[0])


def latin_hypercube(n: int, dimensions: int, seed: int) -> np.ndarray:
    """``n`` points in the unit cube with each axis's ``n`` equal strata each hit exactly once.

    Point ``i`` falls, on axis ``j``, uniformly inside stratum ``perm_j[i]`` of a random
    permutation; written out here (not taken from a library) so the design stays the same
    across library versions.
    """
    rng = np.random.default_rng(seed)
    unit = np.empty((n, dimensions))
    for j in range(dimensions):
        unit[:, j] = (rng.permutation(n) + rng.random(n)) / n
    return unit


def lhs_design(axes: Sequence[Axis], n: int, root_seed: int) -> Design:
    """A Latin hypercube of ``n`` points over the axes' ranges, drawn from the root seed."""
    seed = design_seed(root_seed, Sample.LHS)
    unit = latin_hypercube(n, len(axes), seed)
    low = np.array([a.low for a in axes])
    high = np.array([a.high for a in axes])
    about = {
        "n": n,
        "seed": seed,
        "method": "Latin hypercube: each axis cut into n equal strata, one point in each, at a "
        "uniform place; seed = SeedSequence(root, spawn_key=(0x53574545, crc32('lhs')))",
    }
    return make_design(Sample.LHS, axes, low + unit * (high - low), about)


def value_text(value: float, integer: bool) -> str:
    """A value as YAML reads it back exactly: whole numbers bare, others positional."""
    if integer:
        return str(int(value))
    return np.format_float_positional(float(value), trim="-")


def design_for(
    sample: Sample | str, specs: Sequence[str], points: int | None
) -> Callable[[int], Design]:
    """What makes a sweep's design from its root seed, given ``--sample``, ``--param`` and ``--n``.

    A grid takes its points from each ``PATH=LO:HI:N``; a Latin hypercube takes ``points`` and
    needs the root seed, which is only known once the run is planned, hence a function.

    Raises:
        InputError: ``--n`` given to a grid, missing for a Latin hypercube, or a bad ``--param``.
    """
    if Sample(sample) not in SWEEP_SAMPLES:
        raise ValueError(f"{sample}: a sweep samples {' or '.join(SWEEP_SAMPLES)}")
    grid = Sample(sample) is Sample.GRID
    if grid and points is not None:
        raise InputError(
            Text(
                "--n {points}: sets the points of --sample lhs; a grid's points come from each "
                "--param PATH=LO:HI:N",
                points=points,
            )
        )
    if not grid and points is None:
        raise InputError(Text("--sample lhs needs --n, the number of points, e.g. --n 50"))
    axes = [parse_param(spec, grid=grid) for spec in specs]
    if grid:
        return lambda _root: grid_design(axes)
    return lambda root: lhs_design(axes, points, root)
