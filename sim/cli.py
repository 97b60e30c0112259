"""The ``sahelsim`` command: a thin layer over the library.

Each command parses its options, calls library functions and prints. Exit status: 0 success,
1 failure while running, 2 bad input (a file, a flag, a value), with a message and no
traceback. Anything else escaping is a bug and keeps its traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from sim import __version__
from sim.errors import SahelsimError, ScenarioError

SET_HELP = (
    "Override one value of the scenario, as PATH=VALUE with a dotted path "
    "(e.g. parameters.honour_base_rate=0.5, actors.NGA.resolve=0.3, commitment=strict). Repeatable."
)


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Run 'sahelsim COMMAND --help' for a command's options. Outputs are not forecasts.",
)
@click.version_option(__version__, prog_name="sahelsim")
def cli() -> None:
    """Simulate mutual-defence scenarios in the Sahel: AES, ECOWAS, outside powers, armed groups."""


@cli.command()
@click.argument("scenarios", nargs=-1, required=True, metavar="SCENARIO...")
@click.option("--set", "overrides", multiple=True, metavar="PATH=VALUE", help=SET_HELP)
def validate(scenarios: tuple[str, ...], overrides: tuple[str, ...]) -> None:
    """Check scenario files (paths or bundled names); print one line per problem.

    \b
    Examples:
      sahelsim validate scenarios/*.yaml
      sahelsim validate my-variant.yaml --set commitment=strict
    """
    from sim.scenario.loading import load_scenario

    out = Console(highlight=False, soft_wrap=True)
    failed = 0
    for source in scenarios:
        try:
            scenario = load_scenario(source, overrides)
        except ScenarioError as exc:
            failed += 1
            for problem in exc.problems:
                out.print(str(problem), markup=False)
            continue
        except SahelsimError as exc:
            failed += 1
            out.print(str(exc), markup=False)
            continue
        out.print(f"ok  {source}: {scenario.title}", markup=False)
    if failed:
        out.print(f"{failed} of {len(scenarios)} scenario(s) invalid", markup=False)
        sys.exit(2)


FLAGSHIP = "niger-2023-intervention"


def _replicates_option(f):
    return click.option(
        "--replicates",
        "-n",
        type=click.IntRange(min=1),
        default=None,
        help="Number of replicates (default: the scenario's ensemble.replicates).",
    )(f)


def _common_run_options(f):
    options = [
        click.option(
            "--seed",
            type=click.IntRange(0, 2**63 - 1),
            default=None,
            help="Root seed (default: the scenario's, else drawn, printed and recorded).",
        ),
        click.option(
            "--workers",
            "-w",
            type=click.IntRange(min=1),
            default=1,
            show_default=True,
            help="Local worker processes; results are identical whatever the number.",
        ),
        click.option(
            "--out",
            type=click.Path(file_okay=False, path_type=Path),
            default=None,
            help="Bundle folder to create (default: a new folder under runs/).",
        ),
        click.option("--set", "overrides", multiple=True, metavar="PATH=VALUE", help=SET_HELP),
        click.option(
            "--lang",
            type=click.Choice(["en", "fr"]),
            default="en",
            show_default=True,
            help="Language of the summary, figures and narrative.",
        ),
        click.option("--quiet", "-q", is_flag=True, help="Print only the bundle's path."),
        click.option(
            "--figures/--no-figures",
            default=True,
            show_default=True,
            help="Draw the figures (and a run's report.html); skip them for speed "
            "(`sahelsim report RUN_DIR` draws a run's later).",
        ),
    ]
    return _replicates_option(_with_options(f, options))


def _execution_options(f):
    """--resume, --executor and --scheduler: where the work runs, and finishing stopped work."""
    options = [
        click.option(
            "--resume",
            is_flag=True,
            help="Finish stopped work in its --out folder, without recomputing what was done.",
        ),
        click.option(
            "--executor",
            type=click.Choice(["local", "dask"]),
            default="local",
            show_default=True,
            help="Local worker processes, or a Dask cluster (a LocalCluster of --workers, or "
            "--scheduler).",
        ),
        click.option(
            "--scheduler",
            metavar="ADDRESS",
            default=None,
            help="Address of an existing Dask scheduler, e.g. tcp://10.0.0.5:8786 (with "
            "--executor dask).",
        ),
    ]
    return _with_options(f, options)


def _with_options(f, options):
    """Apply click options so that they list in the order given."""
    for option in reversed(options):
        f = option(f)
    return f


def _check_execution(
    out: Path | None, resume: bool, executor: str, scheduler: str | None, seed: int | None
) -> int | None:
    """Check the execution options; return the root seed (on resume, the stopped work's)."""
    if scheduler and executor != "dask":
        raise click.UsageError("--scheduler goes with --executor dask")
    if resume and out is None:
        raise click.UsageError("--resume needs the --out folder of the stopped work")
    if resume and seed is None:  # a drawn seed was recorded: "the same command" needs no --seed
        from sim.run.checkpoint import saved_root_seed

        return saved_root_seed(out)
    return seed


@cli.command()
@click.argument("scenario", required=False, default=FLAGSHIP, metavar="[SCENARIO]")
@_common_run_options
@_execution_options
@click.option(
    "--series",
    "series_mode",
    type=click.Choice(["sample", "all"]),
    default="sample",
    show_default=True,
    help="Daily series of a sample of replicates (5), or of all (compressed CSV).",
)
@click.option(
    "--precision",
    type=click.FloatRange(0.001, 0.5),
    default=None,
    help="Add replicates until every reported probability's 95 % interval is within ± this "
    "(--replicates is then the cap; default cap 10,000).",
)
def run(
    scenario,
    replicates,
    seed,
    workers,
    out,
    overrides,
    lang,
    quiet,
    figures,
    resume,
    series_mode,
    executor,
    scheduler,
    precision,
):
    """Run an ensemble of a scenario and write a results bundle.

    \b
    Examples:
      sahelsim run                                   # the flagship, niger-2023-intervention
      sahelsim run niger-2023-base -n 500 --seed 7 --workers 2
      sahelsim run my.yaml --set commitment=strict --out runs/strict
      sahelsim run niger-2023-base --precision 0.02 --workers 2
      sahelsim run niger-2023-base -n 100000 --executor dask --scheduler tcp://HOST:8786
    """
    from sim.present.console import print_run_summary
    from sim.run.ensemble import run_ensemble
    from sim.run.folders import default_out_dir, prepare_out_dir
    from sim.run.plan import plan_runs
    from sim.scenario.loading import load_scenario

    seed = _check_execution(out, resume, executor, scheduler, seed)
    loaded = load_scenario(scenario, overrides)
    if precision is not None and replicates is None:
        replicates = 10_000  # the cap of an adaptive ensemble
    plan = plan_runs(loaded, replicates, seed)
    stop = None
    if precision is not None:
        from sim.analysis.precision import PrecisionRule

        stop = PrecisionRule(precision)
    out = prepare_out_dir(out or default_out_dir(scenario), resume=resume)
    console = Console(stderr=True, highlight=False)
    if not quiet:
        drawn = " (drawn; pass --seed to repeat)" if plan.seed_was_drawn else ""
        console.print(
            f"{loaded.title}: {plan.replicates} replicates, root seed {plan.root_seed}{drawn}"
        )
    manifest, interrupted = _with_progress(
        lambda progress: run_ensemble(
            plan,
            out,
            workers=workers,
            command=["sahelsim", *sys.argv[1:]],
            all_series=series_mode == "all",
            resume=resume,
            executor=executor,
            scheduler=scheduler,
            progress=progress,
            stop=stop,
        ),
        plan.replicates,
        quiet,
    )
    if precision is not None and not quiet:
        reason = manifest["replicates"]["stopped_early"]
        done = manifest["replicates"]["completed"]
        console.print(
            f"Precision ±{precision:g}: "
            + (
                f"reached; {reason}."
                if reason
                else f"not reached within the cap of {done} replicates."
            )
        )
    if figures:
        from sim.present.outputs import write_outputs

        write_outputs(out, lang=lang)
    if quiet:
        click.echo(str(out))
    else:
        print_run_summary(out, lang=lang, drawn=figures)
    if interrupted:
        done = manifest["replicates"]["completed"]
        click.echo(
            f"Interrupted: the bundle in {out} holds the {done} replicates finished. "
            "Finish it with the same command and --resume.",
            err=True,
        )
        sys.exit(130)


@cli.command()
@click.argument("scenario_a", metavar="A")
@click.argument("scenario_b", metavar="B")
@_common_run_options
def compare(
    scenario_a, scenario_b, replicates, seed, workers, out, overrides, lang, quiet, figures
):
    """Run two scenarios on the same replicate seeds and compare them, replicate by replicate.

    Differences are B minus A with 95 % intervals from the paired replicates (common random
    numbers), so they measure what changes between the scenarios, not noise.

    \b
    Examples:
      sahelsim compare niger-2023-base niger-2023-no-pact
      sahelsim compare niger-2023-intervention niger-2023-intervention --set commitment=strict
    """
    from sim.analysis.compare import compare_bundles, sentence
    from sim.present.outputs import write_comparison
    from sim.run.ensemble import run_ensemble
    from sim.run.folders import default_out_dir, prepare_out_dir
    from sim.run.plan import plan_runs
    from sim.scenario.loading import load_scenario

    loaded_a = load_scenario(scenario_a, overrides)
    loaded_b = load_scenario(scenario_b, overrides)
    plan_a = plan_runs(loaded_a, replicates, seed)
    plan_b = plan_runs(loaded_b, plan_a.replicates, plan_a.root_seed)
    out = prepare_out_dir(
        out or default_out_dir(f"compare-{Path(scenario_a).stem}-{Path(scenario_b).stem}")
    )
    console = Console(stderr=True, highlight=False)
    if not quiet:
        console.print(
            f"A = {scenario_a}, B = {scenario_b}: {plan_a.replicates} paired replicates, "
            f"root seed {plan_a.root_seed}"
        )
    command = ["sahelsim", *sys.argv[1:]]
    interrupted = False
    for plan, folder in ((plan_a, out / "a"), (plan_b, out / "b")):
        folder.mkdir()
        _, stopped = _with_progress(
            lambda progress, plan=plan, folder=folder: run_ensemble(
                plan, folder, workers=workers, command=command, progress=progress
            ),
            plan.replicates,
            quiet,
        )
        interrupted = interrupted or stopped
        if stopped:
            break
    if interrupted:
        click.echo(f"Interrupted: partial bundles are in {out}.", err=True)
        sys.exit(130)
    differences = compare_bundles(out / "a", out / "b")
    write_comparison(
        out, differences, (Path(scenario_a).stem, Path(scenario_b).stem), lang=lang, draw=figures
    )
    if quiet:
        click.echo(str(out))
        return
    report = Console(highlight=False)
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("outcome", "A", "B", "B - A", "95 % interval"):
        table.add_column(column)
    for d in differences:
        percent = d.outcome.kind == "proportion"
        show = (lambda v: f"{v:.0%}") if percent else (lambda v: f"{v:,.2f}")
        diff = d.difference
        table.add_row(
            d.outcome.label,
            show(d.a),
            show(d.b),
            show(diff.value),
            f"{show(diff.low)} to {show(diff.high)}" if diff.n > 1 else "-",
        )
    report.print(table)
    for d in differences:
        if d.outcome.kind == "proportion":
            report.print(sentence(d, Path(scenario_b).stem))
    report.print("Paired on common random numbers. Not a forecast.", style="italic")
    report.print(f"Comparison: {out} (a/, b/, comparison.csv{', figures/' if figures else ''})")


def _with_progress(work, total: int, quiet: bool):
    """Run ``work(progress_callback)`` under a progress bar with the time left."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    if quiet:
        return work(None)
    with Progress(
        TextColumn("replicates"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("time left"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("run", total=total)
        return work(lambda done, _total: bar.update(task, completed=done))


@cli.command()
@click.argument("scenario", required=False, default=FLAGSHIP, metavar="[SCENARIO]")
@click.option(
    "--seed",
    type=click.IntRange(0, 2**63 - 1),
    required=True,
    help="The replicate's seed (a replicate seed from a bundle's manifest, or any number).",
)
@click.option("--set", "overrides", multiple=True, metavar="PATH=VALUE", help=SET_HELP)
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True)
def explain(scenario: str, seed: int, overrides: tuple[str, ...], lang: str) -> None:
    """Tell the story of one replicate, from its event records alone.

    \b
    Examples:
      sahelsim explain niger-2023-intervention --seed 3
      sahelsim explain niger-2023-base --seed 12 --lang fr
    """
    from sim.present.narrative import render_text
    from sim.run.replicate import run_one
    from sim.scenario.loading import load_scenario

    run = run_one(load_scenario(scenario, overrides), seed)
    click.echo(render_text(run, lang))


@cli.command()
@click.argument(
    "scenario", required=False, default="lesson-1-does-the-pledge-deter", metavar="[SCENARIO]"
)
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=None,
    help="Port on 127.0.0.1 (default: the first free one from 8765).",
)
@click.option("--no-browser", is_flag=True, help="Only print the address; do not open a browser.")
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True)
@click.option(
    "--gif",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Instead of serving, write an animated GIF of the map over one replicate.",
)
@click.option(
    "--seed",
    type=click.IntRange(0, 2**63 - 1),
    default=0,
    show_default=True,
    help="The replicate's seed for --gif.",
)
@click.option(
    "--every",
    type=click.IntRange(1, 365),
    default=7,
    show_default=True,
    help="Days between the frames of --gif (the last day is always a frame).",
)
def teach(
    scenario: str,
    port: int | None,
    no_browser: bool,
    lang: str,
    gif: Path | None,
    seed: int,
    every: int,
) -> None:
    """Open the classroom app: step a scenario on a map, in English or French, offline.

    \b
    Examples:
      sahelsim teach
      sahelsim teach lesson-2-strict-vs-behavioural --lang fr --port 9000 --no-browser
      sahelsim teach gambia-2017 --gif gambia.gif --seed 3 --every 14
    """
    from sim.present.app import animate_map, serve

    if gif is not None:
        from sim.scenario.loading import load_scenario

        click.echo(str(animate_map(load_scenario(scenario), seed, gif, lang, every=every)))
        return
    sys.exit(serve(scenario, port=port, lang=lang, open_browser=not no_browser))


@cli.command()
@click.argument("run_dir", type=click.Path(path_type=Path), metavar="RUN_DIR")
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True)
def report(run_dir: Path, lang: str) -> None:
    """Write RUN_DIR/report.html: one self-contained file (figures embedded, no network).

    \b
    Example:
      sahelsim report runs/niger-2023-intervention-20260101-120000 --lang fr
    """
    from sim.present.outputs import write_outputs
    from sim.present.report import check_bundle

    check_bundle(run_dir)
    paths = write_outputs(run_dir, lang=lang)
    click.echo(str(next(p for p in paths if p.name == "report.html")))


@cli.command(name="list")
def list_() -> None:
    """List the bundled scenarios and lessons with their titles."""
    from sim.scenario.catalogue import catalogue

    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("name", no_wrap=True)
    table.add_column("title / description")
    for entry in catalogue():
        text = entry.title if not entry.summary else f"{entry.title}\n[dim]{entry.summary}[/dim]"
        table.add_row(entry.name, text)
    Console(soft_wrap=False).print(table)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of scenario files (for editors' YAML support).

    \b
    Example:
      sahelsim schema > scenario.schema.json
    """
    from sim.scenario.jsonschema import scenario_json_schema

    click.echo(json.dumps(scenario_json_schema(), indent=2, ensure_ascii=False))


SWEEP_REPLICATES = 50
"""Replicates per point of a sweep when --replicates is not given."""
SENSITIVITY_REPLICATES = 20
"""Replicates per sample point of a sensitivity analysis (Morris defaults: about a minute on
2 cores)."""

OUTCOME_HELP = (
    "A summary column to estimate and plot (e.g. war_occurred, obligations_honoured). Repeatable; "
    "default: ecowas_attacked, aes_entered, war_days, casualties."
)


def _per_point_replicates(command: click.Command, default: int) -> click.Command:
    """Say in --replicates' help that it counts per point, with this command's default."""
    for param in command.params:
        if param.name == "replicates":
            param.help = (
                f"Replicates per point, on the same seeds at every point (default {default})."
            )
    return command


@cli.command()
@click.argument("scenario", metavar="SCENARIO")
@click.option(
    "--param",
    "params",
    multiple=True,
    required=True,
    metavar="PATH=LO:HI:N",
    help="A value to sweep, as a dotted path (parameters.honour_base_rate, actors.NGA.resolve): "
    "N evenly spaced values from LO to HI on a grid; PATH=LO:HI, or PATH alone for its declared "
    "range, with --sample lhs. Repeatable (a grid crosses them all).",
)
@click.option(
    "--sample",
    type=click.Choice(["grid", "lhs"]),
    default="grid",
    show_default=True,
    help="A full grid, or a Latin hypercube of --n points drawn from the root seed.",
)
@click.option(
    "--n", "points", type=click.IntRange(min=2), default=None, help="Points of --sample lhs."
)
@click.option("--outcome", "outcomes", multiple=True, metavar="COLUMN", help=OUTCOME_HELP)
@_common_run_options
@_execution_options
def sweep(
    scenario,
    params,
    sample,
    points,
    outcomes,
    replicates,
    seed,
    workers,
    out,
    overrides,
    lang,
    quiet,
    figures,
    resume,
    executor,
    scheduler,
):
    """Run a scenario at many parameter values, every point on the same replicate seeds.

    Writes points.csv, results.csv (one row per point and replicate), means.csv, manifest.json
    and a figure per outcome (a line for one parameter, a heat map for two on a grid).

    \b
    Examples:
      sahelsim sweep niger-2023-base --param parameters.honour_base_rate=0:1:5
      sahelsim sweep niger-2023-base --param parameters.required_superiority=0.5:3:6 \
        --param actors.NGA.resolve=0.2:0.8:4 -n 30 --workers 2
      sahelsim sweep niger-2023-base --sample lhs --n 40 \
        --param parameters.honour_base_rate --param parameters.deterrence_weight=0:3
      sahelsim sweep niger-2023-base --param parameters.honour_base_rate=0:1:5 \
        --out runs/honour --resume                   # finish a sweep that was stopped
    """
    from sim.analysis.sensitivity import is_share, write_means
    from sim.errors import InputError
    from sim.present.sweep_figures import read_means, sweep_table, write_sweep_figures
    from sim.run.folders import default_out_dir, prepare_out_dir
    from sim.run.sweep import DEFAULT_OUTCOMES, grid_design, lhs_design, parse_param, plan_sweep

    seed = _check_execution(out, resume, executor, scheduler, seed)
    grid = sample == "grid"
    if grid and points is not None:
        raise InputError(
            f"--n {points}: sets the points of --sample lhs; a grid's points come from each "
            "--param PATH=LO:HI:N"
        )
    if not grid and points is None:
        raise InputError("--sample lhs needs --n, the number of points, e.g. --n 50")
    axes = [parse_param(p, grid=grid) for p in params]
    plan = plan_sweep(
        scenario,
        overrides,
        (lambda _root: grid_design(axes))
        if grid
        else (lambda root: lhs_design(axes, points, root)),
        replicates=replicates or SWEEP_REPLICATES,
        seed=seed,
        outcomes=outcomes or DEFAULT_OUTCOMES,
    )
    out = prepare_out_dir(out or default_out_dir(f"sweep-{Path(scenario).stem}"), resume=resume)
    manifest, interrupted = _run_sweep_plan(
        plan, out, workers, quiet, resume=resume, executor=executor, scheduler=scheduler
    )
    write_means(out, plan.design.paths, plan.outcomes)
    shares = {c: is_share(out / "results.csv", c) for c in plan.outcomes}
    if figures:
        write_sweep_figures(out, manifest, shares, lang=lang)
    _warn_failures(manifest)
    if quiet:
        click.echo(str(out))
    else:
        means = read_means(out, plan.design.paths, plan.outcomes)
        report = Console(highlight=False)
        report.print(sweep_table(means, shares, lang=lang))
        if means.points.size > 30:
            report.print(f"... and {means.points.size - 30} more points in means.csv")
        report.print(
            f"Every point ran the same {plan.replicates} replicate seeds (common random numbers); "
            "intervals are 95 %. Not a forecast.",
            style="italic",
        )
        drawn = ", figures/" if figures else ""
        report.print(f"Sweep: {out} (points.csv, results.csv, means.csv{drawn})")
    _stop_if_interrupted(manifest, interrupted, out)


_per_point_replicates(sweep, SWEEP_REPLICATES)


def _run_sweep_plan(plan, out: Path, workers: int, quiet: bool, **execution):
    """Run a sweep plan under a progress bar; return the manifest and whether it was stopped.

    ``execution`` holds ``resume``, ``executor`` and ``scheduler``, as :func:`run_sweep` takes.
    """
    from sim.run.sweep import run_sweep

    if not quiet:
        drawn = " (drawn; pass --seed to repeat)" if plan.seed_was_drawn else ""
        Console(stderr=True, highlight=False).print(
            f"{plan.scenario.title}: {plan.design.points} points x {plan.replicates} replicates, "
            f"root seed {plan.root_seed}{drawn}"
        )
    return _with_progress(
        lambda progress: run_sweep(
            plan,
            out,
            workers=workers,
            command=["sahelsim", *sys.argv[1:]],
            progress=progress,
            **execution,
        ),
        plan.total,
        quiet,
    )


def _warn_failures(manifest: dict) -> None:
    failed = manifest["failed"]["count"]
    if failed:
        click.echo(
            f"{failed} replicate(s) failed and are left out of the estimates (failures.jsonl holds "
            "each traceback).",
            err=True,
        )


def _stop_if_interrupted(manifest: dict, interrupted: bool, out: Path) -> None:
    if interrupted:
        done = manifest["replicates"]["completed"]
        click.echo(
            f"Interrupted: {out} holds the {done} replicates finished. "
            "Finish it with the same command and --resume.",
            err=True,
        )
        sys.exit(130)


@cli.command()
@click.argument("scenario", metavar="SCENARIO")
@click.option(
    "--method",
    type=click.Choice(["morris", "sobol"]),
    default="morris",
    show_default=True,
    help="Morris screening (cheap: ranks the parameters) or Sobol' variance indices (costlier).",
)
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME",
    help="A parameter to vary over its declared range (kill_rate, or a path such as "
    "actors.NGA.resolve). Repeatable; default: every model parameter that is not a whole number.",
)
@click.option(
    "--n",
    "samples",
    type=click.IntRange(min=2),
    default=None,
    help="Morris trajectories (default 10), or Sobol' base samples, a power of 2 (default 8).",
)
@click.option("--outcome", "outcomes", multiple=True, metavar="COLUMN", help=OUTCOME_HELP)
@_common_run_options
@_execution_options
def sensitivity(
    scenario,
    method,
    params,
    samples,
    outcomes,
    replicates,
    seed,
    workers,
    out,
    overrides,
    lang,
    quiet,
    figures,
    resume,
    executor,
    scheduler,
):
    """Rank the parameters by how much they move each outcome (global sensitivity, SALib).

    Every sample point runs the same replicate seeds (common random numbers). Writes
    indices.csv (ranked, with 95 % intervals), summary.txt (in plain words), a bar figure per
    outcome, and the sweep's points.csv, results.csv, means.csv and manifest.json.

    \b
    Examples:
      sahelsim sensitivity niger-2023-base --workers 2
      sahelsim sensitivity niger-2023-base --param required_superiority \
        --param honour_base_rate --param kill_rate --outcome ecowas_attacked
      sahelsim sensitivity niger-2023-base --method sobol --n 64 -n 40 --workers 2
    """
    import numpy as np

    from sim.analysis import sensitivity as sa
    from sim.present.sweep_figures import write_sensitivity_figures
    from sim.run.folders import default_out_dir, prepare_out_dir
    from sim.run.sweep import DEFAULT_OUTCOMES, plan_sweep

    seed = _check_execution(out, resume, executor, scheduler, seed)
    sa.require_salib()
    axes = sa.sensitivity_axes(params)
    n = samples or sa.DEFAULT_SAMPLES[method]
    sa.check_samples(method, n)
    plan = plan_sweep(
        scenario,
        overrides,
        lambda root: sa.sample_design(method, axes, n, root),
        replicates=replicates or SENSITIVITY_REPLICATES,
        seed=seed,
        outcomes=outcomes or DEFAULT_OUTCOMES,
        kind="sensitivity",
    )
    out = prepare_out_dir(out or default_out_dir(f"{method}-{Path(scenario).stem}"), resume=resume)
    manifest, interrupted = _run_sweep_plan(
        plan, out, workers, quiet, resume=resume, executor=executor, scheduler=scheduler
    )
    sa.write_means(out, plan.design.paths, plan.outcomes)
    if interrupted:
        click.echo("Interrupted: the sample is incomplete, so no indices were computed.", err=True)
        _stop_if_interrupted(manifest, interrupted, out)
    _warn_failures(manifest)
    ys = {c: np.full(plan.design.points, np.nan) for c in plan.outcomes}
    for point in sa.point_estimates(out / "results.csv", plan.design.paths, plan.outcomes):
        for column in plan.outcomes:
            ys[column][point.point] = point.estimates[column].value
    indices = {c: sa.analyse(method, plan.design, c, ys[c], plan.root_seed) for c in plan.outcomes}
    sa.write_indices(out / "indices.csv", method, [i for rows in indices.values() for i in rows])
    text = sa.summary_text(
        method,
        indices,
        title=plan.scenario.title,
        design=plan.design,
        replicates=plan.replicates,
        root_seed=plan.root_seed,
        lang=lang,
    )
    (out / "summary.txt").write_text(text, encoding="utf-8")
    if figures:
        write_sensitivity_figures(out, manifest, method, indices, lang=lang)
    if quiet:
        click.echo(str(out))
        return
    report = Console(highlight=False, soft_wrap=True)  # the terminal wraps; copies stay whole
    report.print(text, markup=False, end="")
    drawn = ", figures/" if figures else ""
    report.print(f"Sensitivity: {out} (indices.csv, summary.txt{drawn}, results.csv)")


_per_point_replicates(sensitivity, SENSITIVITY_REPLICATES)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the command line and turn known errors into exit statuses."""
    try:
        cli.main(args=argv, prog_name="sahelsim", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except SahelsimError as exc:
        click.echo(f"sahelsim: {exc}", err=True)
        sys.exit(exc.exit_status)
