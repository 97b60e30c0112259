"""A posterior over the free parameters, and each replicate's draw from it.

A posterior is a table of parameter sets with weights (``posterior.csv``, as ``sahelsim
calibrate`` writes it). With ``--parameters posterior`` every replicate of an ensemble runs with
one set drawn from it, so that the ensemble's intervals include what the training episodes leave
uncertain. The draw is a function of the replicate's seed alone (its own stream, keyed apart from
the model's), so a bundle's bytes do not depend on the number of workers or the executor, and
replicate ``i`` of two scenarios run on the same seeds draws the same set (common random
numbers).

A value the scenario itself or ``--set`` fixes is not drawn: the user asked for it.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import hashlib
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sim.errors import InputError, Joined, Text
from sim.resources import shipped_posterior
from sim.run.options import DEFAULT_PARAMETER_SOURCE, ParameterSource
from sim.scenario.parameters import PARAMETERS, retired
from sim.scenario.schema import Scenario

WEIGHT = "weight"
"""The weight column of ``posterior.csv``."""

DRAW_KEY = 0x504F5354  # "POST": the draw's stream is SeedSequence([seed, DRAW_KEY])


@dataclass(frozen=True)
class Posterior:
    """Weighted parameter sets: ``values[k]`` holds set ``k`` in the order of ``names``."""

    names: tuple[str, ...]
    values: tuple[tuple[float, ...], ...]
    weights: tuple[float, ...]
    source: str = ""  # where it was read from, for messages and the manifest
    sha256: str = ""
    shipped: bool = False  # the project's own: named, not located (no path of this machine)

    def __post_init__(self) -> None:
        unknown = [n for n in self.names if n not in PARAMETERS]
        if unknown:
            notes = Joined(
                "", (Text("; {note}", note=note) for n in unknown if (note := retired(n)))
            )
            raise InputError(
                Text(
                    "{source}: unknown parameters {names}{notes}",
                    source=self.source,
                    names=", ".join(unknown),
                    notes=notes,
                )
            )
        if not self.values or len(self.values) != len(self.weights):
            raise InputError(
                Text(
                    "{source}: expected one weight per parameter set, and a set",
                    source=self.source,
                )
            )
        for values in self.values:
            if len(values) != len(self.names):
                raise InputError(
                    Text(
                        "{source}: expected {n} values in every set",
                        source=self.source,
                        n=len(self.names),
                    )
                )
            for name, value in zip(self.names, values, strict=True):
                p = PARAMETERS[name]
                if not p.low <= value <= p.high:
                    raise InputError(
                        Text(
                            "{source}: {name}={value} is outside its declared range "
                            "[{low:g}, {high:g}]",
                            source=self.source,
                            name=name,
                            value=value,
                            low=p.low,
                            high=p.high,
                        )
                    )
        total = math.fsum(self.weights)
        if not total > 0 or any(w < 0 or not math.isfinite(w) for w in self.weights):
            raise InputError(
                Text(
                    "{source}: weights must be finite, non-negative, not all 0",
                    source=self.source,
                )
            )

    @property
    def cumulative(self) -> np.ndarray:
        """Cumulative normalised weights (the last is exactly 1)."""
        c = np.cumsum(np.asarray(self.weights, dtype=float))
        c /= c[-1]
        c[-1] = 1.0
        return c

    def draw_index(self, seed: int) -> int:
        """Which parameter set replicate ``seed`` runs with: a weighted draw from its own stream."""
        u = np.random.default_rng(np.random.SeedSequence([int(seed), DRAW_KEY])).random()
        return int(np.searchsorted(self.cumulative, u, side="right"))

    def draw(self, seed: int) -> dict[str, float]:
        """The parameter set replicate ``seed`` runs with, by name."""
        return dict(zip(self.names, self.values[self.draw_index(seed)], strict=True))

    def scenario_for(self, scenario: Scenario, seed: int) -> Scenario:
        """``scenario`` with replicate ``seed``'s draw, except for values the scenario fixes."""
        fixed = scenario.parameters.model_fields_set
        drawn = {k: v for k, v in self.draw(seed).items() if k not in fixed}
        return with_parameters(scenario, drawn)

    def median(self, name: str) -> float:
        """The weighted median of one parameter: the least value with half the weight at or below.

        The single value of each free parameter (``--parameters point``) is the shipped
        posterior's median, rounded to two significant figures (sim/data/POSTERIOR.md).
        """
        column = self.names.index(name)
        values = np.array([row[column] for row in self.values])
        order = np.argsort(values, kind="stable")
        weights = np.asarray(self.weights, dtype=float)[order]
        cumulative = np.cumsum(weights) / weights.sum()
        return float(values[order][np.searchsorted(cumulative, 0.5)])

    def describe(self) -> dict:
        """What a manifest records of it."""
        return {
            "source": ParameterSource.POSTERIOR.value,
            "posterior": self.source,
            "shipped": self.shipped,
            "sha256": self.sha256,
            "sets": len(self.values),
            "names": list(self.names),
            "draw": "replicate seed s runs set k = the first whose cumulative normalised weight "
            f"exceeds numpy default_rng(SeedSequence([s, {DRAW_KEY}])).random(); values the "
            "scenario or --set fixes are kept",
        }


def with_parameters(scenario: Scenario, values: dict[str, float]) -> Scenario:
    """``scenario`` with some model parameters replaced (declared names, in their ranges)."""
    for name, value in values.items():
        p = PARAMETERS.get(name)
        if p is None or not p.low <= value <= p.high:
            raise InputError(
                Text(
                    "parameters.{name}={value}: expected a declared parameter in range",
                    name=name,
                    value=value,
                )
            )
    if not values:
        return scenario
    current = scenario.parameters.model_dump()
    parameters = type(scenario.parameters).model_construct(
        _fields_set=scenario.parameters.model_fields_set, **{**current, **values}
    )
    return scenario.model_copy(update={"parameters": parameters})


DRAW_COLUMNS = ("replicate", "seed", "set")
"""The first columns of a bundle's ``parameters.csv``, which say which draw; the parameters'
values run follow, one column each."""


def read_drawn(path: Path) -> dict[int, dict[str, float]]:
    """A bundle's ``parameters.csv``: each replicate's parameter values as it ran them."""
    with open(path, newline="", encoding="utf-8") as handle:
        return {
            int(row["replicate"]): {k: float(v) for k, v in row.items() if k not in DRAW_COLUMNS}
            for row in csv.DictReader(handle)
        }


def drawn_parameters(path: Path, replicate: int) -> dict[str, float]:
    """The parameter set replicate ``replicate`` ran with, from a bundle's ``parameters.csv``."""
    found = read_drawn(path).get(replicate)
    if found is None:
        raise InputError(
            Text("{path}: no row for replicate {replicate}", path=path, replicate=replicate)
        )
    return found


def read_posterior(path: Path | str) -> Posterior:
    """A ``posterior.csv``: one column per parameter, a ``weight`` column, one row per set."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            Text("{path}: cannot read the posterior ({reason})", path=path, reason=exc.strerror)
        ) from None
    rows = list(csv.reader(data.decode("utf-8").splitlines()))
    if not rows or WEIGHT not in rows[0]:
        raise InputError(
            Text(
                "{path}: expected a CSV with parameter columns and a '{weight}' column",
                path=path,
                weight=WEIGHT,
            )
        )
    header = rows[0]
    w = header.index(WEIGHT)
    names = tuple(h for i, h in enumerate(header) if i != w)
    try:
        values = tuple(
            tuple(float(v) for i, v in enumerate(row) if i != w) for row in rows[1:] if row
        )
        weights = tuple(float(row[w]) for row in rows[1:] if row)
    except (ValueError, IndexError):
        raise InputError(Text("{path}: expected numbers in every cell", path=path)) from None
    return Posterior(names, values, weights, str(path), hashlib.sha256(data).hexdigest())


SHIPPED = "the posterior shipped with sahelsim (sim/data/posterior.csv)"
"""How messages and manifests name the shipped posterior: where a package is installed is a
fact of one machine, and would make two machines' bundles of one run differ."""


def posterior_for(
    source: ParameterSource | str, path: Path | str | None = None
) -> Posterior | None:
    """The posterior an ensemble draws from (``None`` for single values).

    ``path`` defaults to the posterior the project ships; until one is committed, asking for
    ``posterior`` without a path is an input error that says how to make one.
    """
    if ParameterSource(source) is ParameterSource.POINT:
        if path is not None:
            raise InputError(Text("--posterior goes with --parameters posterior"))
        return None
    if path is None:
        path = shipped_posterior()
        if not path.is_file():
            raise InputError(
                Text(
                    "--parameters posterior: no posterior is shipped with this version yet; make "
                    "one with `sahelsim calibrate --out DIR` and pass --posterior DIR/posterior.csv"
                )
            )
        return dataclasses.replace(read_posterior(path), source=SHIPPED, shipped=True)
    return read_posterior(path)


@functools.cache
def default_posterior() -> Posterior | None:
    """What a replicate draws from when nothing is asked: the shipped posterior, or None."""
    return posterior_for(DEFAULT_PARAMETER_SOURCE)


def drawn_by_default(scenario: Scenario, seed: int) -> Scenario:
    """``scenario`` as replicate ``seed`` runs it by default (values the scenario fixes kept).

    The classroom app and a class session run their replicates this way, so that a page's
    replicate of a seed is the bundle's replicate of that seed.
    """
    return drawn(scenario, seed, default_posterior())


def drawn(scenario: Scenario, seed: int, posterior: Posterior | None) -> Scenario:
    """``scenario`` with replicate ``seed``'s draw from ``posterior``; as it is without one."""
    return posterior.scenario_for(scenario, seed) if posterior is not None else scenario
