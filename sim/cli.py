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
    r"""Check scenario files (paths or bundled names); print one line per problem.

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
    ]
    for option in reversed(options):
        f = option(f)
    return _replicates_option(f)


@cli.command()
@click.argument("scenario", required=False, default=FLAGSHIP, metavar="[SCENARIO]")
@_common_run_options
@click.option(
    "--resume",
    is_flag=True,
    help="Finish a stopped run in its --out folder, without recomputing what was done.",
)
@click.option(
    "--series",
    "series_mode",
    type=click.Choice(["sample", "all"]),
    default="sample",
    show_default=True,
    help="Daily series of a sample of replicates (5), or of all (compressed CSV).",
)
def run(scenario, replicates, seed, workers, out, overrides, lang, quiet, resume, series_mode):
    r"""Run an ensemble of a scenario and write a results bundle.

    \b
    Examples:
      sahelsim run                                   # the flagship, niger-2023-intervention
      sahelsim run niger-2023-base -n 500 --seed 7 --workers 2
      sahelsim run my.yaml --set commitment=strict --out runs/strict
    """
    from sim.present.console import print_run_summary
    from sim.run.ensemble import default_out_dir, prepare_out_dir, run_ensemble
    from sim.run.plan import plan_runs
    from sim.scenario.loading import load_scenario

    loaded = load_scenario(scenario, overrides)
    plan = plan_runs(loaded, replicates, seed)
    if resume and out is None:
        raise click.UsageError("--resume needs the --out folder of the stopped run")
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
            progress=progress,
        ),
        plan.replicates,
        quiet,
    )
    from sim.present.outputs import write_outputs

    write_outputs(out, lang=lang)
    if quiet:
        click.echo(str(out))
    else:
        print_run_summary(out, lang=lang)
    if interrupted:
        done = manifest["replicates"]["completed"]
        click.echo(
            f"Interrupted: the bundle in {out} holds the {done} replicates finished.", err=True
        )
        sys.exit(130)


@cli.command()
@click.argument("scenario_a", metavar="A")
@click.argument("scenario_b", metavar="B")
@_common_run_options
def compare(scenario_a, scenario_b, replicates, seed, workers, out, overrides, lang, quiet):
    r"""Run two scenarios on the same replicate seeds and compare them, replicate by replicate.

    Differences are B minus A with 95 % intervals from the paired replicates (common random
    numbers), so they measure what changes between the scenarios, not noise.

    \b
    Examples:
      sahelsim compare niger-2023-base niger-2023-no-pact
      sahelsim compare niger-2023-intervention niger-2023-intervention --set commitment=strict
    """
    from sim.analysis.compare import compare_bundles, sentence
    from sim.present.outputs import write_comparison
    from sim.run.ensemble import default_out_dir, prepare_out_dir, run_ensemble
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
    write_comparison(out, differences, (Path(scenario_a).stem, Path(scenario_b).stem), lang=lang)
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
    report.print(f"Comparison: {out} (a/, b/, comparison.csv, figures/)")


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
    r"""Tell the story of one replicate, from its event records alone.

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
@click.argument("run_dir", type=click.Path(path_type=Path), metavar="RUN_DIR")
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True)
def report(run_dir: Path, lang: str) -> None:
    r"""Write RUN_DIR/report.html: one self-contained file (figures embedded, no network).

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
    r"""Print the JSON Schema of scenario files (for editors' YAML support).

    \b
    Example:
      sahelsim schema > scenario.schema.json
    """
    from sim.scenario.jsonschema import scenario_json_schema

    click.echo(json.dumps(scenario_json_schema(), indent=2, ensure_ascii=False))


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
