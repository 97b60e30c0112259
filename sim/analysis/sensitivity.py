"""What a sweep says: per-point estimates, and global sensitivity indices through SALib.

Per-point estimates read a sweep's ``results.csv`` one point at a time (it is sorted by point),
so memory stays flat however many points there are. Yes/no outcomes are shares with Wilson
intervals, the others means with t intervals (:mod:`sim.analysis.estimates`).

Global sensitivity varies the model's parameters together over their declared ranges
(:data:`~sim.scenario.parameters.PARAMETERS`) on a sample made by SALib, runs every sample
point as a sweep point (same replicate seeds everywhere: common random numbers) and gives
SALib the per-point means:

- **Morris** elementary effects (Morris 1991; Campolongo, Cariboni & Saltelli 2007): ``n``
  trajectories of ``k + 1`` points, one parameter moved per step. ``mu*`` is the mean absolute
  change in the outcome per step, scaled to the parameter's whole range; ``sigma`` says how
  much that change varies with the other parameters (interactions, non-linearity, and the
  noise left after averaging replicates). A cheap screening.
- **Sobol'** variance indices (Saltelli 2002; Saltelli et al. 2010) from Saltelli's extension
  of the Sobol' sequence, ``n (k + 2)`` points: ``S1``, the share of the outcome's variance due
  to the parameter alone, and ``ST``, including its interactions. Costlier; ``n`` must be a
  power of 2.

Both give 95 % bootstrap intervals, as SALib's half-widths. Every index reported here is at
least zero (``mu*`` is a mean of absolute values, ``ST`` and ``S1`` are shares of a variance),
so an interval is the index plus or minus its half-width *cut at zero* (:func:`interval`):
nothing is lost, since the index cannot lie below zero. Rankings follow ``mu*`` (Morris) or
``ST`` (Sobol').
"""

from __future__ import annotations

import csv
import itertools
import math
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sim.analysis.estimates import Estimate, bounded, mean, proportion
from sim.analysis.summary import GIVEN
from sim.errors import InputError, SahelsimError, Text, did_you_mean, nearest, one_of
from sim.model.outcome_registry import OUTCOMES, capitalised
from sim.numbers import counted, localised
from sim.resources import install_command
from sim.run.designs import Axis, Design, declared_parameter, design_seed, make_design
from sim.run.files import written_whole
from sim.run.options import Sample

MORRIS_LEVELS = 4
RESAMPLES = 1000
"""Bootstrap resamples behind the 95 % intervals."""

COLUMNS = {
    Sample.MORRIS: ("mu_star", "mu_star_conf", "sigma", "mu"),
    Sample.SOBOL: ("ST", "ST_conf", "S1", "S1_conf"),
}
"""The indices written per method; the first is the one ranked on, the second its interval."""

SYMBOL = {Sample.MORRIS: "mu*", Sample.SOBOL: "ST"}
MAJOR = 0.25
"""A parameter 'matters' when its index is at least this share of the largest one."""
MINOR = 0.05
"""A parameter 'matters little' when its index is below this share of the largest one."""


# --------------------------------------------------------------------------- per point


@dataclass(frozen=True)
class PointEstimate:
    """One point of a sweep: its parameter values and each outcome's estimate."""

    point: int
    values: tuple[str, ...]
    estimates: dict[str, Estimate]
    replicates: int = 0


def point_estimates(
    results: Path,
    paths: Sequence[str],
    outcomes: Sequence[str],
    *,
    given: bool = True,
    horizon: int | None = None,
) -> Iterator[PointEstimate]:
    """Stream a sweep's ``results.csv`` and yield each point's estimates, in point order.

    A column of ``true``/``false`` is estimated as a share, any other as a mean. With
    ``given``, an outcome that exists only where another holds (a war's duration) is averaged
    over the point's replicates where it holds (:data:`sim.analysis.summary.GIVEN`): no
    estimate at a point with no war. Without, over every replicate (0 days where no war), as
    the sensitivity indices need a value at every point. A number of days is never estimated
    beyond ``horizon``, the run's days.
    """
    with open(results, newline="", encoding="utf-8") as handle:
        rows = csv.DictReader(handle)
        for point, group in itertools.groupby(rows, key=lambda row: int(row["point"])):
            block = list(group)  # one point's replicates only
            estimates = {}
            for c in outcomes:
                condition = GIVEN.get(c) if given else None
                kept = [row for row in block if condition is None or row[condition] == "true"]
                estimates[c] = _estimate([row[c] for row in kept], c, horizon)
            values = tuple(block[0][p] for p in paths)
            yield PointEstimate(point, values, estimates, len(block))


def _estimate(cells: list[str], column: str = "", horizon: int | None = None) -> Estimate:
    if cells and cells[0] in ("true", "false"):
        return proportion(sum(c == "true" for c in cells), len(cells))
    result = mean([float(c) for c in cells if c != ""])
    outcome = OUTCOMES.get(column)
    # days, personnel and counts cannot be negative, nor days beyond the horizon
    return result if outcome is None else bounded(outcome, result, horizon)


def is_share(results: Path, column: str) -> bool:
    """Whether a results column is yes/no (its first cell is ``true`` or ``false``)."""
    with open(results, newline="", encoding="utf-8") as handle:
        first = next(csv.DictReader(handle), None)
    return first is not None and first[column] in ("true", "false")


def write_means(
    folder: Path, paths: Sequence[str], outcomes: Sequence[str], horizon: int | None = None
) -> Path:
    """Write ``means.csv``: per point, its values and each outcome's estimate and interval.

    A number of days is not estimated beyond ``horizon``, the run's days.
    """
    target = folder / "means.csv"
    with (
        written_whole(target) as temporary,
        open(temporary, "w", newline="", encoding="utf-8") as handle,
    ):
        writer = csv.writer(handle, lineterminator="\n")
        header = ["point", *paths, "replicates"]
        for column in outcomes:
            header += [column, f"{column}_low", f"{column}_high"]
        writer.writerow(header)
        for pe in point_estimates(folder / "results.csv", paths, outcomes, horizon=horizon):
            row: list[object] = [pe.point, *pe.values, pe.replicates]
            for column in outcomes:
                e = pe.estimates[column]
                row += [_g(e.value), _g(e.low), _g(e.high)]
            writer.writerow(row)
    return target


def _g(value: float) -> str:
    return "" if math.isnan(value) else f"{value:.6g}"


# --------------------------------------------------------------------------- designs


def sensitivity_axes(names: Sequence[str] = ()) -> tuple[Axis, ...]:
    """The parameters to vary over their declared ranges.

    Args:
        names: parameter names (``kill_rate``) or dotted paths (``parameters.kill_rate``,
            ``actors.NGA.resolve``); empty for every model parameter that is not a whole number.

    Raises:
        InputError: a name with no declared range.
    """
    from sim.scenario.parameters import PARAMETERS, retired

    if not names:
        return tuple(_axis(f"parameters.{p.name}") for p in PARAMETERS.values() if not p.integer)
    axes = []
    for name in names:
        path = name if "." in name else f"parameters.{name}"
        if declared_parameter(path) is None:
            if note := retired(path):
                raise InputError(Text("--param {name}: {note}", name=name, note=note))
            hint = nearest(name.removeprefix("parameters."), PARAMETERS)
            message = Text(
                "--param {name}: not a parameter with a declared range; expected {choices}, or "
                "actors.ID.FIELD",
                name=name,
                choices=one_of(PARAMETERS, 30),
            )
            raise InputError(did_you_mean(message, hint))
        axes.append(_axis(path, name))
    return tuple(axes)


def _axis(path: str, spec: str = "") -> Axis:
    declared = declared_parameter(path)
    assert declared is not None
    return Axis(path, declared.low, declared.high, None, declared.integer, spec or path)


def require_salib() -> None:
    """Fail early, with the command that fixes it, when the optional SALib is missing."""
    try:
        import SALib  # noqa: F401
    except ImportError:
        raise InputError(
            Text(
                "sensitivity analysis needs SALib, which is not installed; install it with "
                "{command} (or pip install SALib)",
                command=install_command("analysis"),
            )
        ) from None


def problem(axes: Sequence[Axis]) -> dict:
    """SALib's problem: the parameters' names and ranges."""
    return {
        "num_vars": len(axes),
        "names": [a.path for a in axes],
        "bounds": [[a.low, a.high] for a in axes],
    }


def check_samples(method: str, n: int) -> None:
    """Sobol' sampling keeps its balance only with a power of 2 base samples."""
    if Sample(method) is Sample.SOBOL and n & (n - 1):
        below = 1 << (n.bit_length() - 1)
        raise InputError(
            Text(
                "--n {n}: Sobol' sampling needs a power of 2; expected {below} or {above}",
                n=n,
                below=below,
                above=below * 2,
            )
        )


def sample_design(method: str, axes: Sequence[Axis], n: int, root_seed: int) -> Design:
    """SALib's sample for ``method``, drawn from the root seed, as a sweep design."""
    from SALib.sample import morris as morris_sample
    from SALib.sample import sobol as sobol_sample

    check_samples(method, n)
    seed = design_seed(root_seed, method)
    spec = problem(axes)
    if Sample(method) is Sample.MORRIS:
        values = morris_sample.sample(spec, n, num_levels=MORRIS_LEVELS, seed=seed)
        about = {"n": n, "levels": MORRIS_LEVELS, "trajectories": n}
    else:
        values = sobol_sample.sample(spec, n, calc_second_order=False, seed=seed)
        about = {"n": n, "second_order": False}
    about |= {"seed": seed, "salib": _salib_version(), "method": _METHOD_TEXT[method]}
    return make_design(method, axes, values, about)


_METHOD_TEXT = {
    Sample.MORRIS: "SALib Morris sample (num_levels=4) and elementary effects; 95 % bootstrap intervals",
    Sample.SOBOL: "SALib Saltelli/Sobol' sample (calc_second_order=False) and Sobol' indices; 95 % "
    "bootstrap intervals",
}


def _salib_version() -> str:
    from importlib.metadata import version

    return version("SALib")


# --------------------------------------------------------------------------- indices


@dataclass(frozen=True)
class Index:
    """One parameter's sensitivity indices for one outcome.

    Attributes:
        outcome: the summary column.
        parameter: the parameter's dotted path.
        rank: 1 for the parameter that matters most.
        values: the method's indices by name (``mu_star``, ``mu_star_conf``, ... or ``ST``,
            ``ST_conf``, ...); NaN when the outcome did not vary.
    """

    outcome: str
    parameter: str
    rank: int
    values: dict[str, float]

    @property
    def name(self) -> str:
        """Short name of the parameter."""
        return self.parameter.removeprefix("parameters.")


def analyse(
    method: str, design: Design, outcome: str, y: np.ndarray, root_seed: int
) -> list[Index]:
    """Indices of every parameter for one outcome, ranked (most influential first).

    Args:
        method: ``morris`` or ``sobol``.
        design: the sample the points came from (in order).
        outcome: the summary column the means are of.
        y: per-point mean (or share) of the outcome, in point order.
        root_seed: seeds the bootstrap, so intervals repeat.
    """
    from SALib.analyze import morris as morris_analyze
    from SALib.analyze import sobol as sobol_analyze

    spec = problem(design.axes)
    columns = COLUMNS[method]
    y = np.asarray(y, dtype=float)
    if y.size != design.points or np.isnan(y).any():
        missing = [str(i) for i in range(design.points) if i >= y.size or np.isnan(y[i])]
        raise SahelsimError(
            Text(
                "{outcome}: no estimate at sample point(s) {points} (every replicate there "
                "failed; see failures.jsonl); the indices need every point",
                outcome=outcome,
                points=", ".join(missing[:10]),
            )
        )
    seed = design_seed(root_seed, f"{method}-bootstrap")
    if y.size == 0 or np.ptp(y) == 0:
        # A constant outcome has no effects to rank (and Sobol' would divide by zero).
        raw = {
            c: np.full(len(design.axes), 0.0 if Sample(method) is Sample.MORRIS else math.nan)
            for c in columns
        }
    elif Sample(method) is Sample.MORRIS:
        raw = morris_analyze.analyze(
            spec,
            design.values,
            y,
            num_resamples=RESAMPLES,
            conf_level=0.95,
            num_levels=MORRIS_LEVELS,
            seed=seed,
        )
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # tiny samples: noisy, not wrong
            # Some blocks of a small sample give identical outcomes: SALib says so on stderr,
            # where the summary already says when intervals are too wide to rank.
            warnings.filterwarnings("ignore", "Constant values encountered", UserWarning)
            raw = sobol_analyze.analyze(
                spec, y, calc_second_order=False, num_resamples=RESAMPLES, seed=seed
            )
    table = {c: np.asarray(raw[c], dtype=float) for c in columns}
    order = sorted(
        range(len(design.axes)),
        key=lambda j: (-_rankable(table[columns[0]][j]), design.axes[j].path),
    )
    return [
        Index(outcome, design.axes[j].path, rank, {c: float(table[c][j]) for c in columns})
        for rank, j in enumerate(order, start=1)
    ]


def interval(index: Index, key: str) -> tuple[float, float]:
    """The 95 % interval of ``index.values[key]``: its value ± its half-width, cut at zero.

    The indices cannot be negative, so the part of a symmetric bootstrap interval below zero
    holds no possible value; cutting it loses no coverage.
    """
    value, half = index.values[key], index.values[f"{key}_conf"]
    if math.isnan(value) or math.isnan(half):
        return math.nan, math.nan
    return max(0.0, value - half), value + half


def _rankable(value: float) -> float:
    return -math.inf if math.isnan(value) else value


def write_indices(target: Path, method: str, indices: Sequence[Index]) -> Path:
    """Write ``indices.csv``: one row per outcome and parameter, ranked within each outcome."""
    with (
        written_whole(target) as temporary,
        open(temporary, "w", newline="", encoding="utf-8") as handle,
    ):
        writer = csv.writer(handle, lineterminator="\n")
        key = COLUMNS[method][0]
        writer.writerow(
            ["outcome", "rank", "parameter", *COLUMNS[method], f"{key}_low", f"{key}_high"]
        )
        for index in indices:
            cells = [_g(index.values[c]) for c in COLUMNS[method]]
            bounds = [_g(b) for b in interval(index, key)]
            writer.writerow([index.outcome, index.rank, index.parameter, *cells, *bounds])
    return target


# --------------------------------------------------------------------------- words

WORDS = {
    "en": {
        "depends": "{subject} depends mostly on {major}",
        "first": "{name} ({symbol} {value}; 95 % CI {low} to {high})",
        "next": "{name} ({value}; {low} to {high})",
        "and": "and",
        "and_list": "and",
        "semicolon": "; ",
        "little": "{names} {verb} little",
        "matter": ("matters", "matter"),
        "others": ("other", "others"),
        "constant": "{subject} did not change across the sample: no parameter, over the ranges "
        "explored, moves it.",
        "wide": "The intervals are wide: more samples (--n) or replicates (-n) would sharpen "
        "this ranking.",
        "head": "{method} over the declared ranges of {k} of '{title}': {design}, {r} per point "
        "on common random numbers, root seed {seed}.",
        "parameters": ("parameter", "parameters"),
        "replicates": ("replicate", "replicates"),
        "morris": "Morris screening",
        "sobol": "Sobol' indices",
        "morris_design": ("trajectory", "trajectories"),
        "sobol_design": ("base sample", "base samples"),
        "points": ("point", "points"),
        "design": "{n} ({points})",
        "foot": "These indices rank what the model's assumptions make matter; they are not a "
        "forecast.",
    },
    "fr": {
        "depends": "{subject} dépend surtout de {major}",
        "first": "{name} ({symbol} {value} ; IC à 95\u202f% {low} à {high})",
        "next": "{name} ({value} ; {low} à {high})",
        "and": "et de",
        "and_list": "et",
        "semicolon": " ; ",
        "little": "{names} {verb} peu",
        "matter": ("compte", "comptent"),
        "others": ("autre", "autres"),
        "constant": "{subject} n'a pas varié sur l'échantillon : aucun paramètre, dans les "
        "plages explorées, n'y change rien.",
        "wide": "Les intervalles sont larges : davantage d'échantillons (--n) ou de réplications "
        "(-n) préciseraient ce classement.",
        "head": "{method} sur les plages déclarées de {k} de « {title} » : {design}, {r} par "
        "point sur nombres aléatoires communs, graine {seed}.",
        "parameters": ("paramètre", "paramètres"),
        "replicates": ("réplication", "réplications"),
        "morris": "Criblage de Morris",
        "sobol": "Indices de Sobol'",
        "morris_design": ("trajectoire", "trajectoires"),
        "sobol_design": ("échantillon de base", "échantillons de base"),
        "points": ("point", "points"),
        "design": "{n} ({points})",
        "foot": "Ces indices classent ce que les hypothèses du modèle rendent important ; ce n'est "
        "pas une prévision.",
    },
}


ZERO_WHERE_NONE = {
    "war_days": {
        "en": (
            "days of the first war (0 where there was none)",
            "the number of days of the first war (0 where there was none)",
        ),
        "fr": (
            "jours de la première guerre (0 sans guerre)",
            "le nombre de jours de la première guerre (0 sans guerre)",
        ),
    }
}
"""An outcome counted elsewhere only where another holds (:data:`GIVEN`: a war's length, given
a war), as its indices measure it: over every replicate, 0 where it does not hold. Its label
and its subject in each language; "how long the first war lasts" would read as given a war."""


def index_label(outcome: str, lang: str = "en") -> str:
    """The label of what an outcome's indices rank: "Days of the first war (0 where ...)"."""
    if outcome in ZERO_WHERE_NONE:
        return capitalised(ZERO_WHERE_NONE[outcome][lang][0])
    return OUTCOMES[outcome].label(lang)


def _subject(outcome: str, lang: str) -> str:
    """The outcome as the subject of "... depends mostly on", from the outcome registry."""
    if outcome in ZERO_WHERE_NONE:
        return capitalised(ZERO_WHERE_NONE[outcome][lang][1])
    return capitalised(OUTCOMES[outcome].words(lang).subject)


def _decimals(top: float) -> int:
    """Decimals that show the largest index to two significant digits."""
    if not top or not math.isfinite(top):
        return 2
    return max(0, 1 - math.floor(math.log10(abs(top))))


def _show(value: float, decimals: int, lang: str = "en") -> str:
    return localised(f"{value:,.{decimals}f}", lang)


def _join(items: list[str], conjunction: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {conjunction} {items[-1]}"


def sentence(method: str, indices: Sequence[Index], lang: str = "en") -> str:
    """One plain sentence on which parameters an outcome depends, with the indices.

    For example: "Whether ECOWAS attacks depends mostly on required_superiority (mu* 0.31; 95 %
    CI 0.26 to 0.36) and honour_base_rate (0.12; 0.09 to 0.15); kill_rate matters little."
    Parameters that matter little are named least influential first. Intervals are cut at zero
    (:func:`interval`).
    """
    words = WORDS[lang]
    key, conf = COLUMNS[method][:2]
    subject = _subject(indices[0].outcome, lang) if indices else ""
    top = indices[0].values[key] if indices else math.nan
    if not indices or not top > 0:
        return words["constant"].format(subject=subject)
    digits = _decimals(top)
    major = [i for i in indices if i.values[key] >= MAJOR * top][:3]
    parts = []
    for n, index in enumerate(major):
        low, high = interval(index, key)
        parts.append(
            words["first" if n == 0 else "next"].format(
                name=index.name,
                symbol=SYMBOL[method],
                value=_show(index.values[key], digits, lang),
                low=_show(low, digits, lang),
                high=_show(high, digits, lang),
            )
        )
    text = words["depends"].format(subject=subject, major=_join(parts, words["and"]))
    minor = sorted(
        (i for i in indices if i.values[key] < MINOR * top), key=lambda i: (i.values[key], i.name)
    )
    if minor:
        names = [i.name for i in minor][:3]
        if len(minor) > 3:
            names.append(counted(len(minor) - 3, *words["others"], lang))
        listed = _join(names, words["and_list"])
        verb = words["matter"][0 if len(minor) == 1 else 1]
        text += words["semicolon"] + words["little"].format(names=listed, verb=verb)
    text += "."
    if any(not i.values[conf] < i.values[key] for i in major):
        text += " " + words["wide"]
    return text


def summary_text(
    method: str,
    indices_by_outcome: dict[str, list[Index]],
    *,
    title: str,
    design: Design,
    replicates: int,
    root_seed: int,
    lang: str = "en",
) -> str:
    """The plain-language summary: what was done, one sentence per outcome, and the caveat."""
    words = WORDS[lang]
    made = words["design"].format(
        n=counted(design.about.get("n"), *words[f"{method}_design"], lang),
        points=counted(design.points, *words["points"], lang),
    )
    lines = [
        words["head"].format(
            method=words[method],
            k=counted(len(design.axes), *words["parameters"], lang),
            title=title,
            design=made,
            r=counted(replicates, *words["replicates"], lang),
            seed=root_seed,
        ),
        "",
    ]
    lines += [sentence(method, indices, lang) for indices in indices_by_outcome.values()]
    lines += ["", words["foot"]]
    return "\n".join(lines) + "\n"
