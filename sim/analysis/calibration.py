"""Calibration: the free parameters fitted to the training episodes by ABC-SMC (pyABC).

The *training episodes* are the backtest's episodes (:func:`sim.run.backtest.plan_backtest`),
on one root seed: every particle runs each episode on the same replicate seeds (common random
numbers), so two particles differ by their parameters, not by their luck.

For a particle, the model's output is, per episode and observed item, the share ``q`` of those
replicates in which what was observed came out, computed by the backtest's own functions from
the replicate's encoded summary row and event records
(:func:`sim.analysis.backtest.replicate_values`). The observed data are ``q = 1`` for every
item, and the distance is the mean of ``(1 - q)**2`` over the items: exactly the backtest's mean
Brier score (``Scores.brier``) on those replicates. ABC-SMC then narrows the prior to the
parameter sets whose Brier score falls below a shrinking threshold (the median of the previous
generation's distances).

The sampler is pyABC's: one process (reproducible for a seed), local processes, or a Dask
cluster. pyABC's History database (``abc.db``) holds every generation, so a stopped fit
continues with ``resume``. Nothing here draws or prints.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import timedelta
from pathlib import Path

import numpy as np

from sim import __version__
from sim.analysis.backtest import replicate_values
from sim.errors import InputError, Text
from sim.model.outcomes import SUMMARY_COLUMNS
from sim.run.backtest import (
    Episode,
    as_given,
    episode_sources,
    is_held_out,
    plan_backtest,
)
from sim.run.bundle import EncodeOptions, encode
from sim.run.options import (
    CALIBRATION_GENERATIONS,
    CALIBRATION_MINUTES,
    CALIBRATION_POPULATION,
    CALIBRATION_REPLICATES,
    LOO_MINUTES,
    LOO_SHARE,
    Executor,
)
from sim.run.plan import replicate_seeds
from sim.run.posterior import WEIGHT, Posterior, drawn, read_posterior, with_parameters
from sim.run.replicate import run_one
from sim.scenario.calibration import (
    FREE_PARAMETERS,
    FreeParameter,
    free_parameters,
)
from sim.scenario.loading import HELD_OUT
from sim.scenario.schema import Observed, Scenario

DATABASE = "abc.db"
PLAN_FILE = "calibration-plan.json"
POSTERIOR_FILE = "posterior.csv"
SUMMARY_FILE = "calibration.json"
FIT_FILE = "fit.json"
"""The main fit's generations, written once it is finished (a resumed run does not refit)."""
LOO_DIR = "loo"
ALL_EPISODES = "_all"
"""The leave-one-out folder's name for the fit of the same size on every episode."""
LOO_FLOOR_MINUTES = 0.1
"""The least wall-clock cap a leave-one-out fit gets once the others have used the time: pyABC
then runs its first generation (a sample of the prior) and stops."""
SCORE_REPLICATES = 50
"""Replicates per episode for the posterior's own scores (in-sample and held-out)."""
KERNEL_SCALING = 2.0
"""Width of pyABC's multivariate normal perturbation kernel, times Silverman's rule of thumb.

With ten parameters and a few dozen particles, the default width (1) proposes from a cloud
narrower than the region the threshold accepts: the few proposals that land in its sparse edges
carry most of the importance weight, and the effective sample size fell to 3 of 80 by the third
generation (docs/calibration.md §8.5). A kernel twice as wide keeps the weights even at the cost
of a lower acceptance rate, which the distance's CRN replicates make cheap."""
MIN_ACCEPTANCE = 0.02
"""A generation that accepts fewer than this share of its proposals ends the fit (pyABC)."""

_HEADER = ",".join(["replicate", "seed", *SUMMARY_COLUMNS])


# ----------------------------------------------------------------------- the model's output


@dataclass(frozen=True)
class Training:
    """One training episode: its name, its scenario and what was observed."""

    name: str
    scenario: Scenario
    observed: Observed


def replicate_items(
    episode: Training, scenario: Scenario, index: int, seed: int
) -> list[tuple[str, ...]] | None:
    """Each observed item's value in one replicate, as the backtest computes it (None: failed).

    The replicate is encoded exactly as a bundle stores it and read back as the backtest reads
    a bundle, so the values are the backtest's for the same seed.
    """
    try:
        run = run_one(scenario, seed)
    except Exception:  # a failed replicate is left out, as a bundle leaves it out
        return None
    options = EncodeOptions(scenario.start, 0, False, 1)
    encoded = encode(run, index, options)
    rows = list(csv.DictReader(io.StringIO(_HEADER + "\n" + encoded.summary)))
    events = [json.loads(line) for line in encoded.events.splitlines()]
    items = replicate_values(episode.name, episode.observed, rows, {index: events})
    return [item.values for item in items]


def item_keys(episode: Training) -> list[str]:
    """The keys of the episode's items in the model's output, in the backtest's order."""
    items = replicate_values(episode.name, episode.observed, [], {})
    return [f"{episode.name}#{j}:{item.kind.value}" for j, item in enumerate(items)]


def observed_items(episode: Training) -> list[str]:
    """What was observed for each of the episode's items."""
    return [i.observed for i in replicate_values(episode.name, episode.observed, [], {})]


def episode_shares(
    episode: Training,
    seeds: Sequence[int],
    values: dict[str, float] | None = None,
    posterior: Posterior | None = None,
) -> dict[str, float]:
    """Per item, the share of replicates in which what was observed came out.

    The replicates run with ``values`` (a particle), or each with its draw from ``posterior``;
    values the episode's scenario fixes itself are kept.
    """
    fixed = episode.scenario.parameters.model_fields_set
    base = with_parameters(
        episode.scenario, {k: v for k, v in (values or {}).items() if k not in fixed}
    )
    keys, observed = item_keys(episode), observed_items(episode)
    hits = [0] * len(keys)
    n = 0
    for index, seed in enumerate(seeds):
        found = replicate_items(episode, drawn(base, seed, posterior), index, seed)
        if found is None:
            continue
        n += 1
        for j, column in enumerate(found):
            hits[j] += column[0] == observed[j]
    return {key: (hits[j] / n if n else 0.0) for j, key in enumerate(keys)}


def brier_distance(simulated: dict[str, float], observed: dict[str, float]) -> float:
    """Mean Brier score over the items: the mean of ``(observed - simulated)**2``.

    The observed data give 1 to every item, so this is the mean of ``(1 - q)**2``, the
    backtest's ``Scores.brier`` for the same replicates.
    """
    return math.fsum((observed[k] - simulated[k]) ** 2 for k in observed) / len(observed)


@dataclass(frozen=True)
class EpisodeModel:
    """The simulator pyABC calls: a particle's parameters to every item's share.

    Plain data with a top-level class, so it pickles to local processes and Dask workers.
    """

    episodes: tuple[Training, ...]
    seeds: tuple[int, ...]
    parameters: tuple[FreeParameter, ...]

    def __call__(self, parameters: dict) -> dict[str, float]:
        """Run every episode on the common seeds with these parameter values."""
        values = {p.name: p.value(parameters[p.sampled_as]) for p in self.parameters}
        out: dict[str, float] = {}
        for episode in self.episodes:
            out |= episode_shares(episode, self.seeds, values)
        return out

    @property
    def observed(self) -> dict[str, float]:
        """The observed data: probability 1 for what happened, for every item."""
        return {key: 1.0 for e in self.episodes for key in item_keys(e)}


# ----------------------------------------------------------------------- the fit


@dataclass(frozen=True)
class Budget:
    """How much work a fit may do."""

    population: int = CALIBRATION_POPULATION
    generations: int = CALIBRATION_GENERATIONS
    replicates: int = CALIBRATION_REPLICATES
    minutes: float = CALIBRATION_MINUTES
    min_acceptance: float = MIN_ACCEPTANCE

    def scaled(self, share: float, minutes: float) -> Budget:
        """A smaller budget (a leave-one-out fit): population and generations times ``share``."""
        return Budget(
            max(4, round(self.population * share)),
            max(1, round(self.generations * share)),
            self.replicates,
            minutes,
            self.min_acceptance,
        )


@dataclass(frozen=True)
class CalibrationPlan:
    """What ``sahelsim calibrate`` fits: recorded before it starts, so that resume continues it."""

    episodes: tuple[str, ...]
    sources: tuple[str, ...]
    parameters: tuple[str, ...]
    seed: int
    budget: Budget
    loo: bool = True
    loo_share: float = LOO_SHARE
    loo_minutes: float = LOO_MINUTES
    score_replicates: int = SCORE_REPLICATES

    def as_dict(self) -> dict:
        """Plain data for ``calibration-plan.json``."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> CalibrationPlan:
        """Read back what :meth:`as_dict` wrote."""
        data = dict(data)
        data["budget"] = Budget(**data["budget"])
        for key in ("episodes", "sources", "parameters"):
            data[key] = tuple(data[key])
        return cls(**data)


def plan_calibration(
    episodes: Sequence[str] = (),
    parameters: Sequence[str] = (),
    seed: int | None = None,
    budget: Budget = Budget(),
    *,
    loo: bool = True,
    loo_share: float = LOO_SHARE,
    loo_minutes: float = LOO_MINUTES,
    score_replicates: int = SCORE_REPLICATES,
) -> CalibrationPlan:
    """The training episodes (the backtest's, or those named), the free parameters and the seed."""
    planned = plan_backtest(episodes, budget.replicates, seed)
    _refuse_held_out([(e.name, e.source) for e in planned])
    if loo and len(planned) < 2:
        raise InputError(Text("leave-one-episode-out needs at least two episodes (or --no-loo)"))
    for name, value in (("population", budget.population), ("generations", budget.generations)):
        if value < 1:
            raise InputError(Text("--{name} {value}: expected at least 1", name=name, value=value))
    return CalibrationPlan(
        tuple(e.name for e in planned),
        tuple(e.source for e in planned),
        tuple(p.name for p in free_parameters(tuple(parameters))),
        planned[0].plan.root_seed,
        budget,
        loo,
        loo_share,
        loo_minutes,
        score_replicates,
    )


def _refuse_held_out(episodes: Sequence[tuple[str, str]]) -> None:
    """Stop before a fit that would see a held-out episode: it tests the fitted model."""
    for name, source in episodes:
        if is_held_out(source):
            raise InputError(
                Text(
                    "--episodes {name}: a held-out episode (scenarios/{folder}/), kept to test the "
                    "fitted model and never fitted; expected a training episode",
                    name=name,
                    folder=HELD_OUT,
                )
            )


def training(plan: CalibrationPlan) -> list[Training]:
    """The plan's episodes, loaded."""
    episodes: list[Episode] = plan_backtest(plan.sources, 1, plan.seed)
    return [
        Training(name, e.plan.scenario, e.plan.scenario.observed)
        for name, e in zip(plan.episodes, episodes, strict=True)
    ]


def prior(parameters: Sequence[FreeParameter]):
    """The prior for pyABC: each free parameter's declared range, flat or flat in the logarithm.

    pyABC samples each parameter's logit on its range (:attr:`FreeParameter.sampled_as`), whose
    distribution is the standard logistic exactly when the parameter is flat on that range.
    """
    import pyabc

    return pyabc.Distribution(**{p.sampled_as: pyabc.RV("logistic", 0, 1) for p in parameters})


@dataclass
class Sampler:
    """Where particles are simulated: pyABC's sampler, and the Dask cluster to close after."""

    executor: Executor = Executor.LOCAL
    workers: int = 1
    scheduler: str | None = None
    _closers: list[Callable[[], None]] = field(default_factory=list)

    def make(self):
        """A pyABC sampler: one process, local processes, or the Dask cluster."""
        from pyabc.sampler import (
            DaskDistributedSampler,
            MulticoreEvalParallelSampler,
            SingleCoreSampler,
        )

        if self.executor == Executor.DASK:
            from sim.run.dask_executor import dask_client

            client, cluster = dask_client(self.scheduler, self.workers)
            self._closers.append(client.close)
            if cluster is not None:
                self._closers.append(cluster.close)
            return DaskDistributedSampler(dask_client=client, batch_size=1)
        if self.workers <= 1:
            return SingleCoreSampler()
        return MulticoreEvalParallelSampler(n_procs=self.workers)

    @property
    def reproducible(self) -> bool:
        """Whether the fit is the same for the same seed (one process only)."""
        return self.executor == Executor.LOCAL and self.workers <= 1

    def close(self) -> None:
        """Close what :meth:`make` opened."""
        while self._closers:
            self._closers.pop()()


def _seed_numpy(seed: int, generation: int) -> None:
    """Seed the global numpy state pyABC draws from (prior, perturbations, acceptance)."""
    state = np.random.SeedSequence([seed, generation]).generate_state(1)[0]
    np.random.seed(int(state))


@dataclass(frozen=True)
class Generation:
    """One generation of a fit, as the diagnostics report it."""

    t: int
    epsilon: float
    particles: int
    proposals: int
    acceptance: float
    ess: float


@dataclass(frozen=True)
class Fit:
    """A finished fit: its posterior and its generations."""

    posterior: Posterior
    generations: tuple[Generation, ...]
    seconds: float
    stopped: str


def effective_sample_size(weights: Sequence[float]) -> float:
    """Kish's effective sample size of weighted particles: ``(Σw)² / Σw²``."""
    w = np.asarray(weights, dtype=float)
    return float(w.sum() ** 2 / (w**2).sum()) if len(w) else 0.0


def fit(
    episodes: Sequence[Training],
    names: Sequence[str],
    seed: int,
    budget: Budget,
    database: Path,
    sampler: Sampler,
    *,
    resume: bool = False,
    verbose: bool = False,
) -> Fit:
    """Fit ``names`` to ``episodes`` with ABC-SMC; the History lives in ``database``.

    With ``resume`` an existing database is continued up to ``budget.generations`` in all; a
    fresh fit replaces it.
    """
    import pyabc

    logging.getLogger("ABC").setLevel(logging.INFO if verbose else logging.WARNING)
    seeds = replicate_seeds(seed, budget.replicates)
    free = free_parameters(tuple(names))
    model = EpisodeModel(tuple(episodes), seeds, free)
    started = time.time()
    abc = pyabc.ABCSMC(
        model,
        prior(free),
        brier_distance,
        population_size=budget.population,
        # The mean Brier score never exceeds 1: the first generation is a plain sample of the
        # prior, without the extra calibration sample pyABC would draw to set its threshold.
        eps=pyabc.MedianEpsilon(initial_epsilon=1.0),
        transitions=pyabc.MultivariateNormalTransition(scaling=KERNEL_SCALING),
        sampler=sampler.make(),
    )
    try:
        url = f"sqlite:///{database}"
        if resume and database.is_file():
            history = abc.load(url, 1)
            done = history.max_t + 1
        else:
            database.unlink(missing_ok=True)
            history = abc.new(url, model.observed, meta_info={"seed": str(seed)})
            done = 0
        remaining = budget.generations - done
        stopped = "generations"
        if remaining > 0:
            _seed_numpy(seed, done)
            history = abc.run(
                minimum_epsilon=0.0,
                max_nr_populations=remaining,
                min_acceptance_rate=budget.min_acceptance,
                max_walltime=timedelta(minutes=budget.minutes),
            )
            ran = history.max_t + 1
            if ran < budget.generations:
                stopped = "time, acceptance rate or epsilon (pyABC's stopping rules)"
    finally:
        sampler.close()
    return Fit(read_fit(history, free), generations(history), time.time() - started, stopped)


def read_fit(history, parameters: Sequence[FreeParameter]) -> Posterior:
    """The last generation of a pyABC History as a :class:`Posterior`."""
    frame, weights = history.get_distribution(m=0, t=history.max_t)
    frame = frame.sort_index()
    w = np.asarray(weights, dtype=float)
    values = tuple(
        tuple(p.value(frame[p.sampled_as].iloc[i]) for p in parameters) for i in range(len(frame))
    )
    names = tuple(p.name for p in parameters)
    return Posterior(names, values, tuple(float(x) / w.sum() for x in w), "calibrate")


def generations(history) -> tuple[Generation, ...]:
    """Each generation's threshold, particles, proposals, acceptance and effective size."""
    table = history.get_all_populations()
    out = []
    for row in table.itertuples():
        if row.t < 0:
            continue  # pyABC's calibration sample, not a generation
        _, weights = history.get_distribution(m=0, t=int(row.t))
        out.append(
            Generation(
                int(row.t),
                float(row.epsilon),
                int(row.particles),
                int(row.samples),
                float(row.particles) / float(row.samples) if row.samples else math.nan,
                effective_sample_size(weights),
            )
        )
    return tuple(out)


# ----------------------------------------------------------------------- scores and outputs


def posterior_scores(
    episodes: Sequence[Training], posterior: Posterior | None, seeds: Sequence[int]
) -> dict[str, dict[str, float]]:
    """Per episode, each item's Brier score with every replicate drawing from ``posterior``."""
    out = {}
    for episode in episodes:
        shares = episode_shares(episode, seeds, posterior=posterior)
        out[episode.name] = {key: (1.0 - q) ** 2 for key, q in shares.items()}
    return out


def mean_brier(scores: dict[str, dict[str, float]]) -> float:
    """Mean Brier score over every item of every episode in ``scores``."""
    values = [b for items in scores.values() for b in items.values()]
    return math.fsum(values) / len(values) if values else math.nan


def write_posterior(posterior: Posterior, path: Path) -> None:
    """``posterior.csv``: one column per parameter, then the weight; floats exactly (repr)."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([*posterior.names, WEIGHT])
        for values, weight in zip(posterior.values, posterior.weights, strict=True):
            writer.writerow([repr(float(v)) for v in values] + [repr(float(weight))])


def _fit_document(result: Fit) -> dict:
    return {
        "generations": [asdict(g) for g in result.generations],
        "final_epsilon": result.generations[-1].epsilon if result.generations else None,
        "seconds": round(result.seconds, 1),
        "stopped_by": result.stopped,
    }


def leave_one_out(
    plan: CalibrationPlan,
    episodes: Sequence[Training],
    out: Path,
    sampler_for: Callable[[], Sampler],
    *,
    resume: bool = False,
    told: Callable[[str], None] = lambda _: None,
    verbose: bool = False,
) -> dict:
    """Fit without each episode in turn (smaller budget) and score the episode left out.

    Then one more fit of the same size, with every episode in, scored on every episode: the
    in-sample score to set the held-out one against. The main fit is far larger, so its
    in-sample score mixes what a small fit lacks with what the episodes cannot teach; this one
    differs from the held-out fits only by the episode each leaves out.

    Each fit's History is ``loo/<episode>.db`` (``loo/_all.db`` for the fit on every episode) and
    its result ``loo/<episode>.json``; with ``resume`` finished ones are read back and an
    unfinished one continues.
    """
    folder = out / LOO_DIR
    folder.mkdir(exist_ok=True)
    budget = plan.budget.scaled(plan.loo_share, plan.loo_minutes / (len(episodes) + 1))
    seeds = replicate_seeds(plan.seed, plan.score_replicates)
    fits = [(held.name, [e for e in episodes if e.name != held.name], [held]) for held in episodes]
    fits.append((ALL_EPISODES, list(episodes), list(episodes)))
    to_fit = [f for f in fits if not (resume and (folder / f"{f[0]}.json").is_file())]
    deadline = time.time() + plan.loo_minutes * 60 * len(to_fit) / len(fits)
    rows = {}
    for k, (name, rest, scored) in enumerate(fits):
        done = folder / f"{name}.json"
        if resume and done.is_file():
            rows[name] = json.loads(done.read_text(encoding="utf-8"))
            continue
        if name == ALL_EPISODES:
            told("leave-one-out: a fit of the same size on every episode, to compare with")
        else:
            told(f"leave-one-out {k + 1}/{len(episodes)}: without {name}")
        # Each fit gets an even share of the time left: pyABC finishes the generation running
        # when its cap passes, so a fit that ran over leaves the later ones less, and all of
        # them together keep close to --loo-minutes.
        left = (deadline - time.time()) / 60 / (len(fits) - k)
        result = fit(
            rest,
            plan.parameters,
            plan.seed,
            replace(budget, minutes=max(left, LOO_FLOOR_MINUTES)),
            folder / f"{name}.db",
            sampler_for(),
            resume=resume,
            verbose=verbose,
        )
        items = {}
        for scores in posterior_scores(scored, result.posterior, seeds).values():
            items |= scores
        row = {"items": items, "brier": mean_brier({name: items})} | _fit_document(result)
        done.write_text(json.dumps(row, indent=2) + "\n", encoding="utf-8")
        rows[name] = row
    pooled = {name: row["items"] for name, row in rows.items() if name != ALL_EPISODES}
    return {
        "budget": asdict(budget),
        "brier": mean_brier(pooled),
        "episodes": {name: row["brier"] for name, row in rows.items() if name != ALL_EPISODES},
        "same_budget_in_sample": rows[ALL_EPISODES]["brier"],
    }


def calibrate(
    plan: CalibrationPlan,
    out: Path,
    sampler_for: Callable[[], Sampler],
    *,
    resume: bool = False,
    told: Callable[[str], None] = lambda _: None,
    verbose: bool = False,
) -> dict:
    """Fit, score and write ``posterior.csv`` and ``calibration.json`` into ``out``.

    Returns the summary document (``calibration.json``'s content). ``sampler_for`` makes a
    fresh sampler for each fit (the main one, then each leave-one-out fit).
    """
    out.mkdir(parents=True, exist_ok=True)
    (out / PLAN_FILE).write_text(json.dumps(plan.as_dict(), indent=2) + "\n", encoding="utf-8")
    episodes = training(plan)
    told(f"fitting {len(plan.parameters)} parameters to {len(episodes)} episodes")
    sampler = sampler_for()
    reproducible = sampler.reproducible
    if resume and (out / FIT_FILE).is_file() and (out / POSTERIOR_FILE).is_file():
        told("the main fit is finished: continuing after it")  # stopped in the leave-one-out
        fitted = json.loads((out / FIT_FILE).read_text(encoding="utf-8"))
        read = read_posterior(out / POSTERIOR_FILE)
        posterior = Posterior(read.names, read.values, read.weights, POSTERIOR_FILE)
    else:
        result = fit(
            episodes,
            plan.parameters,
            plan.seed,
            plan.budget,
            out / DATABASE,
            sampler,
            resume=resume,
            verbose=verbose,
        )
        posterior = Posterior(
            result.posterior.names,
            result.posterior.values,
            result.posterior.weights,
            POSTERIOR_FILE,
        )
        write_posterior(posterior, out / POSTERIOR_FILE)
        fitted = _fit_document(result)
        (out / FIT_FILE).write_text(json.dumps(fitted, indent=2) + "\n", encoding="utf-8")
    told("scoring the posterior on the training episodes")
    seeds = replicate_seeds(plan.seed, plan.score_replicates)
    in_sample = posterior_scores(episodes, posterior, seeds)
    point = posterior_scores(episodes, None, seeds)
    document = {
        "version": __version__,
        "note": "Exploratory model output for teaching and analysis; not a forecast.",
        "reproduce": remake_command(plan),
        "parameters": list(plan.parameters),
        "priors": {
            p.name: {"shape": p.shape.value, "low": p.low, "high": p.high}
            for p in free_parameters(plan.parameters)
        },
        "episodes": list(plan.episodes),
        "seed": plan.seed,
        "budget": asdict(plan.budget),
        "sampler": {
            "executor": sampler.executor.value,
            "workers": sampler.workers,
            "reproducible": reproducible,
        },
        "distance": "mean Brier score over every observed item of every episode",
        **fitted,
        "scores": {
            "replicates": plan.score_replicates,
            "posterior_brier": mean_brier(in_sample),
            "point_brier": mean_brier(point),
            "episodes": {name: mean_brier({name: s}) for name, s in in_sample.items()},
        },
        "items": len(item_keys_all(episodes)),
        "kinds": sorted({k.split(":")[-1] for k in item_keys_all(episodes)}),
    }
    if plan.loo:
        document["leave_one_out"] = leave_one_out(
            plan, episodes, out, sampler_for, resume=resume, told=told, verbose=verbose
        )
    (out / SUMMARY_FILE).write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return document


def remake_command(plan: CalibrationPlan) -> str:
    """The command that makes this calibration again (on one worker: the same bytes)."""
    b = plan.budget
    words = ["sahelsim calibrate", f"--seed {plan.seed}", f"--population {b.population}"]
    words += [f"--generations {b.generations}", f"-n {b.replicates}", f"--minutes {b.minutes:g}"]
    if tuple(plan.episodes) != tuple(name for name, _ in episode_sources()):
        given = [as_given(n, s) for n, s in zip(plan.episodes, plan.sources, strict=True)]
        words += [f"--episodes {name}" for name in given]
    if tuple(plan.parameters) != tuple(p.name for p in FREE_PARAMETERS):
        words += [f"--free {name}" for name in plan.parameters]
    if plan.loo:
        words += [f"--loo-share {plan.loo_share:g}", f"--loo-minutes {plan.loo_minutes:g}"]
    else:
        words.append("--no-loo")
    return " ".join([*words, "--out DIR"])


def item_keys_all(episodes: Sequence[Training]) -> list[str]:
    """Every item key of every episode."""
    return [key for e in episodes for key in item_keys(e)]


def saved_plan(out: Path) -> CalibrationPlan:
    """The plan of the calibration in ``out`` (what ``--resume`` continues)."""
    try:
        plan = CalibrationPlan.from_dict(json.loads((out / PLAN_FILE).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        raise InputError(
            Text(
                "--resume: {out} holds no calibration to continue (no readable {file})",
                out=out,
                file=PLAN_FILE,
            )
        ) from None
    _refuse_held_out(list(zip(plan.episodes, plan.sources, strict=True)))
    return plan
