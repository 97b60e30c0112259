"""The ``sahelsim`` command: a thin layer over the library.

Each command parses its options, calls library functions and prints. Exit status: 0 success,
1 failure while running, 2 bad input (a file, a flag, a value), with a message and no
traceback. Anything else escaping is a bug and keeps its traceback.

The library is imported inside each command, so that ``sahelsim --help`` stays quick; the
options are built from the light modules that declare their choices and defaults
(:mod:`sim.scenario.defaults`, :mod:`sim.scenario.vocabulary`, :mod:`sim.run.options`).
"""

from __future__ import annotations

import contextlib
import gettext
import json
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from pathlib import Path

import click

from sim import __version__
from sim.errors import (
    InputError,
    Quoted,
    SahelsimError,
    Text,
    nearest,
    nearest_option,
    number_expected,
)
from sim.present.streams import drain_closed_pipes, std_console
from sim.resources import install_command
from sim.run.options import (
    CALIBRATION_GENERATIONS,
    CALIBRATION_MINUTES,
    CALIBRATION_POPULATION,
    CALIBRATION_REPLICATES,
    DEFAULT_OUTCOMES,
    DEFAULT_PARAMETER_SOURCE,
    LOO_MINUTES,
    LOO_SHARE,
    PRECISION_CAP,
    SENSITIVITY_METHODS,
    SENSITIVITY_REPLICATES,
    SENSITIVITY_SAMPLES,
    SERIES_SAMPLE,
    SWEEP_REPLICATES,
    SWEEP_SAMPLES,
    Executor,
    ParameterSource,
    Sample,
    SeriesKept,
)
from sim.scenario.defaults import FIRST_LESSON, FLAGSHIP, MAX_SEED
from sim.scenario.vocabulary import Lang

SET_HELP = (
    "Override one value of the scenario, as PATH=VALUE with a dotted path "
    "(e.g. parameters.honour_base_rate=0.5, actors.NGA.resolve=0.3, commitment=strict). Repeatable."
)
OUTCOME_HELP = (
    "A summary column to estimate and plot (e.g. war_occurred, obligations_honoured). Repeatable; "
    f"default: {', '.join(DEFAULT_OUTCOMES)}."
)


class _Said:
    """A number option whose refusal says what it takes in the project's words, in every language.

    click's own said "'abc' is not a valid integer range." or "0 is not in the range x>=1.".
    """

    min: float | None = None
    max: float | None = None

    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            whole = isinstance(self, click.types.IntParamType)
            expected = number_expected(self.min, self.max, whole=whole)
            problem = Text(
                "{problem}; expected {expected}", problem=_typed(value), expected=expected
            )
            self.fail(problem, param, ctx)


class _Whole(_Said, click.types.IntParamType):
    pass


class _WholeRange(_Said, click.IntRange):
    pass


class _Number(_Said, click.types.FloatParamType):
    pass


class _NumberRange(_Said, click.FloatRange):
    pass


def whole_number(min: int | None = None, max: int | None = None) -> click.ParamType:
    """A whole number from ``min`` to ``max``, both included (``None``: no bound)."""
    return _Whole() if min is None and max is None else _WholeRange(min, max)


def number(min: float | None = None, max: float | None = None) -> click.ParamType:
    """A number from ``min`` to ``max``, both included (``None``: no bound)."""
    return _Number() if min is None and max is None else _NumberRange(min, max)


def _typed(value: object) -> object:
    """A value as typed, for a message: a number as it is, anything else quoted."""
    try:
        float(value)
    except (TypeError, ValueError):
        return Quoted(value)
    return value


SEED = whole_number(0, MAX_SEED)
"""Any seed the run plans accept."""


def _choice(members) -> click.Choice:
    """A choice of enum members, offered and received as their values."""
    return click.Choice([member.value for member in members])


# ----------------------------------------------------------------------- options, once


def _with_options(f, options):
    """Apply click options so that they list in the order given."""
    for option in reversed(options):
        f = option(f)
    return f


def _set_option():
    return click.option("--set", "overrides", multiple=True, metavar="PATH=VALUE", help=SET_HELP)


def _lang_option(help: str | None = None):
    return click.option(
        "--lang", type=_choice(Lang), default=Lang.EN.value, show_default=True, help=help
    )


def _outcome_option():
    return click.option("--outcome", "outcomes", multiple=True, metavar="COLUMN", help=OUTCOME_HELP)


def _replicates_option(f):
    return click.option(
        "--replicates",
        "-n",
        type=whole_number(min=1),
        default=None,
        help="Number of replicates (default: the scenario's ensemble.replicates).",
    )(f)


def _common_run_options(f):
    options = [
        click.option(
            "--seed",
            type=SEED,
            default=None,
            help="Root seed (default: the scenario's, else drawn, printed and recorded).",
        ),
        click.option(
            "--workers",
            "-w",
            type=whole_number(min=1),
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
        _set_option(),
        _lang_option("Language of the summary, figures and narrative."),
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


def _streams_merged() -> bool:
    """Whether standard output and error go to one pipe or file, not a terminal (``2>&1``).

    The header said on error before the work would then be read twice, once more in the
    summary's own title on output, so it is left out.
    """
    import os
    import stat

    try:
        out, err = os.fstat(1), os.fstat(2)
    except OSError:
        return False
    if sys.stderr.isatty():
        return False
    same = (out.st_dev, out.st_ino) == (err.st_dev, err.st_ino)
    return same and (stat.S_ISFIFO(out.st_mode) or stat.S_ISREG(out.st_mode))


def _parameters_options(f):
    """--parameters and --posterior: single values, or a draw per replicate from a posterior."""
    options = [
        click.option(
            "--parameters",
            "parameter_source",
            type=_choice(ParameterSource),
            default=DEFAULT_PARAMETER_SOURCE.value,
            show_default=True,
            help="The model parameters' single values, or a draw per replicate from a posterior "
            "(from its seed, so the bytes are the same whatever the workers); values the "
            "scenario or --set fixes are kept.",
        ),
        click.option(
            "--posterior",
            "posterior_file",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help="The posterior.csv to draw from with --parameters posterior (default: the one "
            "shipped with sahelsim; `sahelsim calibrate` writes one).",
        ),
    ]
    return _with_options(f, options)


def _with_posterior(plan, parameter_source: str, posterior_file: Path | None):
    """The plan with the posterior its replicates draw from (unchanged for single values)."""
    import dataclasses

    from sim.run.posterior import posterior_for

    posterior = posterior_for(parameter_source, posterior_file)
    return dataclasses.replace(plan, posterior=posterior) if posterior is not None else plan


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
            type=_choice(Executor),
            default=Executor.LOCAL.value,
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


def _per_point_replicates(command: click.Command, default: int) -> click.Command:
    """Say in --replicates' help that it counts per point, with this command's default."""
    for param in command.params:
        if param.name == "replicates":
            param.help = (
                f"Replicates per point, on the same seeds at every point (default {default})."
            )
    return command


# ----------------------------------------------------------------------- helpers


def _command() -> list[str]:
    """The command line as typed, for the manifest (it says how to repeat the work)."""
    return ["sahelsim", *sys.argv[1:]]


def _check_execution(
    out: Path | None,
    resume: bool,
    executor: str,
    scheduler: str | None,
    seed: int | None,
    lang: str = Lang.EN.value,
) -> int | None:
    """Check the execution options; return the root seed (on resume, the stopped work's)."""
    if scheduler and executor != Executor.DASK:
        raise click.UsageError(Text("--scheduler goes with --executor dask"))
    if resume and out is None:
        raise click.UsageError(Text("--resume needs the --out folder of the stopped work"))
    if resume and not out.exists():  # a slip in the path starts the whole work again: say so
        from sim.present import terminal

        _warn(terminal.WORDS[lang]["nothing_to_resume"].format(out=out))
    if resume and seed is None:  # a drawn seed was recorded: "the same command" needs no --seed
        from sim.run.checkpoint import saved_root_seed

        return saved_root_seed(out)
    return seed


def _exit_interrupted(message: str) -> None:
    """Say what an interruption left and exit 130, as a shell does after Ctrl-C."""
    click.echo(message, err=True)
    sys.exit(130)


@contextlib.contextmanager
def _ctrl_c_once():
    """Within the block, the first Ctrl-C raises KeyboardInterrupt and any later one is ignored.

    What follows the interruption is the exit, saying what was kept: a second Ctrl-C pressed
    meanwhile killed the process half-way through it, by signal or with a traceback. Ctrl-C's
    usual handling is back if the block ends otherwise; where Ctrl-C is not Python's (a shell's
    background job ignores it), nothing changes.
    """
    main = threading.current_thread() is threading.main_thread()
    if not main or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield
        return

    def once(signum, frame):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, once)
    after = signal.default_int_handler
    try:
        yield
    except KeyboardInterrupt:
        after = signal.SIG_IGN  # until the process ends: its exit is under way
        raise
    finally:
        signal.signal(signal.SIGINT, after)


@contextlib.contextmanager
def _drawing(stopped: Callable[[], str]) -> Iterator[None]:
    """Draw figures within the block, where Ctrl-C is handled as while a run draws its own.

    A Ctrl-C there exits saying what was kept and how to draw the rest (``stopped()``), and
    another one pressed meanwhile is ignored (:func:`_ctrl_c_once`): every command that draws
    shares this.
    """
    try:
        with _ctrl_c_once():
            yield
    except KeyboardInterrupt:  # the files drawn are whole, the others not begun or swept away
        _exit_interrupted(stopped())


def _warn(message: str | None) -> None:
    if message:
        click.echo(message, err=True)


# ----------------------------------------------------------------------- help, in its language

_HELP_LANG: ContextVar[str] = ContextVar("help_lang", default=Lang.EN.value)
"""The language ``--help`` speaks: the command line's ``--lang`` (set by :func:`_click_speaks`)."""


class _Speaking:
    """A command whose ``--help`` speaks the command line's ``--lang``: English is click's own.

    The English stays where it is written (docstrings, options' help); the French of each piece
    is :mod:`sim.present.help_words`'s. click lays both out alike (widths, wrapping, columns).
    """

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if _HELP_LANG.get() == Lang.EN.value:
            super().format_help(ctx, formatter)  # type: ignore[misc]
        else:
            _help_in_french(self, ctx, formatter)  # type: ignore[arg-type]


class _Command(_Speaking, click.Command):
    """A command of ``sahelsim`` (see :class:`_Speaking`)."""


class _Group(_Speaking, click.Group):
    """The ``sahelsim`` group, whose commands are :class:`_Command`."""

    command_class = _Command


def _help_in_french(command: click.Command, ctx: click.Context, formatter) -> None:
    """Write ``command``'s help in French, laid out as click lays out the English."""
    from sim.present import help_words as words

    pieces = " ".join(command.collect_usage_pieces(ctx))
    formatter.write_usage(ctx.command_path, words.metavars(pieces), prefix=words.USAGE)
    if command.help:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(words.french(command.help))
    rows = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx) if isinstance(param, click.Option) else None
        if record is not None:
            help = words.option_help(param.help, param.get_help_extra(ctx))
            rows.append((words.metavars(record[0]), help))
    if rows:
        with formatter.section(words.heading("Options")):
            formatter.write_dl(rows)
    if isinstance(command, click.Group):
        listed = [(name, command.get_command(ctx, name)) for name in command.list_commands(ctx)]
        listed = [(name, sub) for name, sub in listed if sub is not None and not sub.hidden]
        limit = formatter.width - 6 - max(len(name) for name, _ in listed)
        with formatter.section(words.heading("Commands")):
            formatter.write_dl([(name, words.short_help(sub.help, limit)) for name, sub in listed])
    if command.epilog:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(words.french(command.epilog))


# ----------------------------------------------------------------------- commands


@click.group(
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Run 'sahelsim COMMAND --help' for a command's options. Outputs are not forecasts.",
)
@click.version_option(__version__, prog_name="sahelsim")
@click.option(
    "--lang",
    type=_choice(Lang),
    default=None,
    help="Language of this help, and of the command that follows when it takes --lang "
    "(sahelsim --lang fr run is sahelsim run --lang fr).",
)
@click.pass_context
def cli(ctx: click.Context, lang: str | None) -> None:
    """Simulate mutual-defence scenarios in the Sahel: AES, ECOWAS, outside powers, armed groups."""
    if lang is not None:  # written before the command: the default of the command's own --lang
        ctx.default_map = {name: {"lang": lang} for name in cli.commands}


@cli.command()
@click.argument("scenarios", nargs=-1, required=True, metavar="SCENARIO...")
@_set_option()
@_lang_option("Language of the problems, the titles and the notes.")
def validate(scenarios: tuple[str, ...], overrides: tuple[str, ...], lang: str) -> None:
    """Check scenario files (paths or bundled names); print one line per problem.

    \b
    Examples:
      sahelsim validate scenarios/*.yaml
      sahelsim validate my-variant.yaml --set commitment=strict
      sahelsim validate my-scenario.yaml --lang fr
    """
    from sim.scenario.loading import check_sources

    out = std_console(highlight=False, soft_wrap=True)
    failed = 0
    for checked in check_sources(scenarios, overrides):
        if checked.title is None:
            failed += 1
            for problem in checked.problems:
                out.print(_said(problem, lang), markup=False)
        else:
            title = checked.title_in(lang)
            line = Text("ok  {source}: {title}", source=checked.source, title=title)
            out.print(_said(line, lang), markup=False)
            for note in checked.notes:
                out.print(_said(Text("    note: {note}", note=note), lang), markup=False)
    if failed:
        invalid = Text(
            "{failed} of {count} scenario(s) invalid", failed=failed, count=len(scenarios)
        )
        out.print(_said(invalid, lang), markup=False)
        sys.exit(2)


@cli.command()
@click.argument("scenario", required=False, default=FLAGSHIP, metavar="[SCENARIO]")
@_common_run_options
@_execution_options
@_parameters_options
@click.option(
    "--series",
    "series_mode",
    type=_choice(SeriesKept),
    default=SeriesKept.SAMPLE.value,
    show_default=True,
    help=f"Daily series of a sample of replicates ({SERIES_SAMPLE}), or of all (compressed CSV).",
)
@click.option(
    "--precision",
    type=number(0.001, 0.5),
    default=None,
    help="Add replicates until every reported probability's 95 % interval is within ± this "
    f"(--replicates is then the cap; default cap {PRECISION_CAP:,}).",
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
    parameter_source,
    posterior_file,
):
    """Run an ensemble of a scenario and write a results bundle.

    \b
    Examples:
      sahelsim run                                   # the flagship, niger-2023-intervention
      sahelsim run niger-2023-base -n 500 --seed 7 --workers 2
      sahelsim run my.yaml --set commitment=strict --out runs/strict
      sahelsim run niger-2023-base --precision 0.02 --workers 2
      sahelsim run niger-2023-base -n 100000 --executor dask --scheduler tcp://HOST:8786
      sahelsim run niger-2023-base --parameters posterior --posterior runs/calib/posterior.csv
    """
    from sim.analysis.precision import plan_adaptive
    from sim.present import terminal
    from sim.present.console import print_run_summary
    from sim.present.progress import with_progress
    from sim.run.ensemble import check_resume, run_ensemble
    from sim.run.folders import default_out_dir, prepare_out_dir
    from sim.scenario.loading import load_scenario

    seed = _check_execution(out, resume, executor, scheduler, seed, lang)
    if resume:  # "the same command" needs no -n (an adaptive run's cap) nor --precision either
        from sim.run.checkpoint import saved_precision, saved_replicates

        replicates = replicates or saved_replicates(out)
        precision = precision or saved_precision(out)
    plan, stop = plan_adaptive(load_scenario(scenario, overrides), replicates, seed, precision)
    plan = _with_posterior(plan, parameter_source, posterior_file)
    out = prepare_out_dir(out or default_out_dir(scenario), resume=resume)
    found = False
    if resume:  # a refusal is said alone, before what would run
        found = check_resume(plan, out, all_series=series_mode == SeriesKept.ALL)
    console = std_console(stderr=True, highlight=False)
    if not quiet and not _streams_merged():
        console.print(terminal.run_header(plan, lang, adaptive=precision is not None))
    manifest, interrupted = with_progress(
        lambda progress: run_ensemble(
            plan,
            out,
            workers=workers,
            command=_command(),
            all_series=series_mode == SeriesKept.ALL,
            resume=found,
            executor=Executor(executor),
            scheduler=scheduler,
            progress=progress,
            stop=stop,
        ),
        plan.replicates,
        quiet,
        lang,
    )
    if interrupted and not manifest["replicates"]["completed"]:  # no bundle: nothing to show
        _exit_interrupted(terminal.interrupted_run(out, manifest, lang))
    if precision is not None and not quiet and not interrupted:
        widths = stop.half_widths() if stop.n else None  # none if a finished bundle was re-read
        console.print(terminal.precision_outcome(precision, manifest, lang, widths))
    if figures:
        with _drawing(
            lambda: (
                terminal.interrupted_run(out, manifest, lang)
                if interrupted
                else terminal.interrupted_drawing(out, manifest, lang)
            )
        ):
            from sim.present.outputs import write_outputs  # matplotlib: only when drawing

            write_outputs(out, lang=lang)
    if quiet:
        click.echo(str(out))
    else:
        print_run_summary(out, lang=lang, drawn=figures)
    if interrupted:
        _exit_interrupted(terminal.interrupted_run(out, manifest, lang))


@cli.command()
@click.argument("scenario_a", metavar="A")
@click.argument("scenario_b", metavar="B")
@_common_run_options
@click.option(
    "--set-b",
    "overrides_b",
    multiple=True,
    metavar="PATH=VALUE",
    help="Override one value of B only, after --set: a scenario against a variant of itself "
    "(e.g. events.NAME.enabled=false, commitment=strict). Repeatable.",
)
@_parameters_options
def compare(
    scenario_a,
    scenario_b,
    replicates,
    seed,
    workers,
    out,
    overrides,
    overrides_b,
    lang,
    quiet,
    figures,
    parameter_source,
    posterior_file,
):
    """Run two scenarios on the same replicate seeds and compare them, replicate by replicate.

    Differences are B minus A with 95 % intervals from the paired replicates (common random
    numbers), so they measure what changes between the scenarios, not noise. --set changes
    both; --set-b changes B alone, so a scenario can be set against a variant of itself.

    \b
    Examples:
      sahelsim compare niger-2023-base niger-2023-no-pact
      sahelsim compare niger-2023-intervention niger-2023-intervention --set-b commitment=strict
      sahelsim compare lesson-6-half-of-coups-fail lesson-6-half-of-coups-fail \\
          --set-b events.benin-asks-nigeria.enabled=false
      sahelsim compare niger-2023-base niger-2023-no-pact --parameters posterior
    """
    from sim.analysis.compare import compare_bundles
    from sim.present import terminal
    from sim.present.comparison import print_comparison, side_names
    from sim.present.outputs import write_comparison
    from sim.present.progress import watcher
    from sim.run.ensemble import pair_differences, plan_pair, run_pair
    from sim.run.folders import default_out_dir, holds_results, prepare_out_dir
    from sim.scenario.loading import FlaggedOverride, load_scenario

    names = (Path(scenario_a).stem, Path(scenario_b).stem)
    shown = side_names(names, overrides_b, lang)  # in the header, the table and the figures
    loaded = (
        load_scenario(scenario_a, overrides),
        load_scenario(
            scenario_b, [*overrides, *(FlaggedOverride(o, "--set-b") for o in overrides_b)]
        ),
    )
    plans = tuple(
        _with_posterior(p, parameter_source, posterior_file)
        for p in plan_pair(*loaded, replicates, seed)
    )
    if scenario_a == scenario_b and not overrides_b:
        _warn(terminal.same_pair_note(lang))
    for note in terminal.pair_notes(pair_differences(*loaded), lang):
        _warn(note)
    out = prepare_out_dir(out or default_out_dir(f"compare-{names[0]}-{names[1]}"))
    if not quiet and not _streams_merged():
        std_console(stderr=True, highlight=False).print(
            terminal.pair_header(*shown, plans[0], lang)
        )
    if run_pair(plans, out, workers=workers, command=_command(), watch=watcher(quiet, lang)):
        stopped = terminal.interrupted_pair(out, _command(), lang, results=holds_results(out))
        _exit_interrupted(stopped)
    differences = compare_bundles(out / "a", out / "b")
    with _drawing(lambda: terminal.interrupted_comparison(out, lang)):
        write_comparison(out, differences, shown, lang=lang, draw=figures)
    if quiet:
        click.echo(str(out))
        return
    print_comparison(differences, shown, out, drawn=figures, lang=lang)


@cli.command()
@click.argument("scenario", required=False, default=FLAGSHIP, metavar="[SCENARIO]")
@click.option(
    "--seed",
    type=SEED,
    default=None,
    help="The replicate's seed: a bundle's summary.csv gives each replicate's (a backtest's "
    "too, in its episode's folder; the backtest's own --seed is the root they come from), or "
    "any number; required unless --class-run is given.",
)
@click.option(
    "--class-run",
    "class_run",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Tell again one world of a class (a file `sahelsim teach --class --save` wrote): its "
    "scenario, seed and parameters, with the decisions its players took (refused if the "
    "posterior, shipped or --posterior, is not the one the class ran with).",
)
@_set_option()
@_lang_option()
@_parameters_options
def explain(
    scenario: str,
    seed: int | None,
    class_run: Path | None,
    overrides: tuple[str, ...],
    lang: str,
    parameter_source: str,
    posterior_file: Path | None,
) -> None:
    """Tell the story of one replicate, from its event records alone.

    The replicate runs with the parameters a bundle's replicate of that seed ran with (the same
    draw from the posterior, or the single values with --parameters point), so the story is the
    one behind that replicate's row.

    \b
    Examples:
      sahelsim explain niger-2023-intervention --seed 3
      sahelsim explain niger-2023-base --seed 12 --lang fr
      sahelsim explain niger-2023-base --seed 12 --parameters point
      sahelsim explain --class-run class-KT4R2M-world-1.json
    """
    from sim.present.narrative import render_text
    from sim.run.posterior import drawn, posterior_for
    from sim.run.replicate import run_one
    from sim.scenario.loading import load_scenario

    posterior = posterior_for(parameter_source, posterior_file)
    if class_run is not None:
        from sim.present.classroom.runfile import read_class_run

        played = read_class_run(class_run)
        if played.parameters is not None:  # the class's own parameters, or a refusal
            try:
                posterior = played.posterior(posterior_file)
            except InputError as exc:
                raise InputError(_class_run(class_run, exc)) from None
        from sim.present.classroom.told import class_story, told_again

        loaded = load_scenario(played.scenario)
        run, answers = told_again(played, drawn(loaded, played.seed, posterior))
        try:
            played.check(run.records)
        except InputError as exc:
            raise InputError(_class_run(class_run, exc)) from None
        click.echo(class_story(run, answers, lang))  # the players' every choice told
        return
    elif seed is None:
        raise click.UsageError(Text("Missing option '--seed' (or --class-run FILE)."))
    else:
        loaded = load_scenario(scenario, overrides)
        run = run_one(drawn(loaded, seed, posterior), seed)
    click.echo(render_text(run, lang))


@cli.command()
@click.argument("scenario", required=False, default=FIRST_LESSON, metavar="[SCENARIO]")
@click.option(
    "--port",
    type=whole_number(1, 65535),
    default=None,
    help="Port on 127.0.0.1 (default: the first free one from 8765; 8800 with --class).",
)
@click.option(
    "--class",
    "class_mode",
    is_flag=True,
    help="The class plays: students join from their phones on the local network and take "
    "the decisions of the roles they are given (default scenario: niger-2023-base).",
)
@click.option(
    "--groups",
    type=whole_number(),
    default=1,
    show_default=True,
    help="With --class: how many parallel worlds, one per group of students (1 to 8).",
)
@click.option(
    "--timeout",
    type=number(),
    default=45.0,
    show_default=True,
    help="With --class: seconds a player has to answer before the model's own rule decides.",
)
@click.option(
    "--save",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="With --class: a folder where each world's decisions are saved after every one, for "
    "`sahelsim explain --class-run`.",
)
@click.option(
    "--host",
    default=None,
    help="With --class: the address phones reach (default: this machine's on the local "
    "network); the app listens there and on 127.0.0.1 only.",
)
@click.option("--no-browser", is_flag=True, help="Only print the address; do not open a browser.")
@_lang_option()
@click.option(
    "--gif",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Instead of serving, write an animated GIF of the map over one replicate.",
)
@click.option(
    "--seed",
    type=SEED,
    default=0,
    show_default=True,
    help="The replicate's seed for --gif and --class.",
)
@click.option(
    "--every",
    type=whole_number(1, 365),
    default=7,
    show_default=True,
    help="Days between the frames of --gif (the last day is always a frame).",
)
@click.pass_context
def teach(
    ctx: click.Context,
    scenario: str,
    port: int | None,
    class_mode: bool,
    groups: int,
    timeout: float,
    save: Path | None,
    host: str | None,
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
      sahelsim teach --class --groups 4 --lang fr
    """
    if class_mode and gif is not None:
        raise InputError(
            Text(
                "--gif {gif} with --class: the class is served live, the GIF is drawn offline; "
                "expected one of the two (nothing was started)",
                gif=gif,
            )
        )
    if gif is not None and gif.suffix.lower() != ".gif":
        raise InputError(
            Text("--gif {gif}: expected a file name ending in .gif (an animated GIF)", gif=gif)
        )
    if class_mode:
        from sim.present.classroom import CLASS_SCENARIO, serve_class

        given = ctx.get_parameter_source("scenario") is not click.core.ParameterSource.DEFAULT
        sys.exit(
            serve_class(
                scenario if given else CLASS_SCENARIO,
                port=port,
                host=host,
                groups=groups,
                seed=seed,
                timeout=timeout,
                save=save,
                lang=lang,
                open_browser=not no_browser,
            )
        )
    from sim.present.app import animate_map, serve

    if gif is not None:
        from sim.scenario.loading import load_scenario

        if not gif.parent.is_dir():  # before the replicate is run, not after
            raise InputError(
                Text(
                    "--gif {gif}: the folder {folder} does not exist; expected a file path in an "
                    "existing folder",
                    gif=gif,
                    folder=gif.parent,
                )
            )

        click.echo(str(animate_map(load_scenario(scenario), seed, gif, lang, every=every)))
        return
    sys.exit(serve(scenario, port=port, lang=lang, open_browser=not no_browser))


@cli.command()
@click.argument("run_dir", type=click.Path(path_type=Path), metavar="RUN_DIR")
@click.option(
    "--lang",
    type=_choice(Lang),
    default=None,
    help="Language of the report and figures  [default: the report's own, else the run's]",
)
def report(run_dir: Path, lang: str | None) -> None:
    """Write RUN_DIR/report.html: one self-contained file (figures embedded, no network).

    \b
    Example:
      sahelsim report runs/niger-2023-intervention-20260101-120000 --lang fr
    """
    from sim.present.outputs import write_outputs
    from sim.present.report import check_bundle, language_of
    from sim.run.files import in_use, in_use_by, own

    # A run still at work holds the folder's lock (a killed one's lock is gone with it): what
    # is missing then is not written yet, which is not a run stopped before it finished.
    pid = in_use_by(run_dir) if run_dir.is_dir() else None
    if pid is not None:
        raise in_use(run_dir, pid, to_read=True)
    check_bundle(run_dir)
    own(run_dir)  # one that took it in between, or another report, is refused
    paths = write_outputs(run_dir, lang=lang or language_of(run_dir))
    click.echo(str(next(p for p in paths if p.name == "report.html")))


@cli.command(name="list")
@_lang_option("Language of the titles and descriptions.")
def list_(lang: str) -> None:
    """List the bundled scenarios and lessons with their titles."""
    from sim.present.terminal import catalogue_table
    from sim.scenario.catalogue import catalogue

    std_console(soft_wrap=False).print(catalogue_table(catalogue(lang), lang))


@cli.command()
def schema() -> None:
    """Print the JSON Schema of scenario files (for editors' YAML support).

    \b
    Example:
      sahelsim schema > scenario.schema.json
    """
    from sim.scenario.jsonschema import scenario_json_schema

    click.echo(json.dumps(scenario_json_schema(), indent=2, ensure_ascii=False))


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
    type=_choice(SWEEP_SAMPLES),
    default=Sample.GRID.value,
    show_default=True,
    help="A full grid, or a Latin hypercube of --n points drawn from the root seed.",
)
@click.option(
    "--n", "points", type=whole_number(min=2), default=None, help="Points of --sample lhs."
)
@_outcome_option()
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
      sahelsim sweep niger-2023-base --param parameters.required_superiority=0.5:3:6 \\
        --param actors.NGA.resolve=0.2:0.8:4 -n 30 --workers 2
      sahelsim sweep niger-2023-base --sample lhs --n 40 \\
        --param parameters.honour_base_rate --param parameters.deterrence_weight=0:3
      sahelsim sweep niger-2023-base --param parameters.honour_base_rate=0:1:5 \\
        --out runs/honour --resume                   # finish a sweep that was stopped
    """
    from sim.analysis.sweeps import sweep_means
    from sim.present import terminal
    from sim.present.sweep_figures import print_sweep, write_sweep_figures
    from sim.run.designs import design_for
    from sim.run.folders import default_out_dir, prepare_out_dir
    from sim.run.sweep import plan_sweep

    seed = _check_execution(out, resume, executor, scheduler, seed, lang)
    plan = plan_sweep(
        scenario,
        overrides,
        design_for(sample, params, points),
        replicates=replicates or SWEEP_REPLICATES,
        seed=seed,
        outcomes=outcomes or DEFAULT_OUTCOMES,
    )
    out = prepare_out_dir(out or default_out_dir(f"sweep-{Path(scenario).stem}"), resume=resume)
    manifest, interrupted = _run_sweep_plan(
        plan, out, workers, quiet, resume, executor, scheduler, lang
    )
    if interrupted and not manifest["replicates"]["completed"]:  # nothing published to show
        _exit_interrupted(terminal.interrupted_sweep(out, manifest, lang))
    shares = sweep_means(out, plan)
    with _drawing(
        lambda: (
            terminal.interrupted_sweep(out, manifest, lang)
            if interrupted
            else terminal.interrupted_sweep_drawing(out, manifest, lang)
        )
    ):
        drawn = figures and bool(write_sweep_figures(out, manifest, shares, lang=lang))
    _warn(terminal.sweep_failed_note(out, manifest, lang))
    if quiet:
        click.echo(str(out))
    else:
        print_sweep(out, manifest, shares, lang=lang, drawn=drawn)
    if interrupted:
        _exit_interrupted(terminal.interrupted_sweep(out, manifest, lang))


_per_point_replicates(sweep, SWEEP_REPLICATES)


def _run_sweep_plan(plan, out, workers, quiet, resume, executor, scheduler, lang="en"):
    """Say what a sweep will run, then run it under a progress bar; see :func:`run_sweep`."""
    from sim.present.progress import with_progress
    from sim.present.terminal import sweep_header
    from sim.run.sweep import check_resume, run_sweep

    found = check_resume(plan, out) if resume else False  # a refusal is said alone, first
    if not quiet and not _streams_merged():
        std_console(stderr=True, highlight=False).print(sweep_header(plan, lang))
    return with_progress(
        lambda progress: run_sweep(
            plan,
            out,
            workers=workers,
            command=_command(),
            progress=progress,
            resume=found,
            executor=Executor(executor),
            scheduler=scheduler,
        ),
        plan.total,
        quiet,
        lang,
    )


@cli.command()
@click.argument("scenario", metavar="SCENARIO")
@click.option(
    "--method",
    type=_choice(SENSITIVITY_METHODS),
    default=Sample.MORRIS.value,
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
    type=whole_number(min=2),
    default=None,
    help=f"Morris trajectories (default {SENSITIVITY_SAMPLES[Sample.MORRIS]}), or Sobol' base "
    f"samples, a power of 2 (default {SENSITIVITY_SAMPLES[Sample.SOBOL]}).",
)
@_outcome_option()
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
      sahelsim sensitivity niger-2023-base --param required_superiority \\
        --param honour_base_rate --param kill_rate --outcome ecowas_attacked
      sahelsim sensitivity niger-2023-base --method sobol --n 64 -n 40 --workers 2
    """
    from sim.analysis.sweeps import sensitivity_design, sweep_means, write_sensitivity
    from sim.present import terminal
    from sim.present.sweep_figures import write_sensitivity_figures
    from sim.run.folders import default_out_dir, prepare_out_dir
    from sim.run.sweep import plan_sweep

    seed = _check_execution(out, resume, executor, scheduler, seed, lang)
    method = Sample(method)
    plan = plan_sweep(
        scenario,
        overrides,
        sensitivity_design(method, params, samples),
        replicates=replicates or SENSITIVITY_REPLICATES,
        seed=seed,
        outcomes=outcomes or DEFAULT_OUTCOMES,
        kind="sensitivity",
    )
    out = prepare_out_dir(out or default_out_dir(f"{method}-{Path(scenario).stem}"), resume=resume)
    manifest, interrupted = _run_sweep_plan(
        plan, out, workers, quiet, resume, executor, scheduler, lang
    )
    if interrupted and not manifest["replicates"]["completed"]:  # nothing published to show
        _exit_interrupted(terminal.interrupted_sweep(out, manifest, lang))
    sweep_means(out, plan)  # written even when stopped: the points finished are worth reading
    if interrupted:
        _warn(terminal.interrupted_sample(lang))
        _exit_interrupted(terminal.interrupted_sweep(out, manifest, lang))
    _warn(terminal.sweep_failed_note(out, manifest, lang))
    indices, text = write_sensitivity(out, plan, method, lang=lang)
    with _drawing(lambda: terminal.interrupted_sweep_drawing(out, manifest, lang, indices=True)):
        drawn = figures and bool(
            write_sensitivity_figures(out, manifest, method, indices, lang=lang)
        )
    if quiet:
        click.echo(str(out))
        return
    terminal.print_sensitivity(text, out, drawn=drawn, lang=lang)  # no figure: none varied


_per_point_replicates(sensitivity, SENSITIVITY_REPLICATES)


@cli.command()
@click.option(
    "--episodes",
    "episodes",
    multiple=True,
    metavar="NAME",
    help="An episode to score: a bundled scenario or one of scenarios/history/ or "
    "scenarios/held-out/, by name or path. Repeatable; default: every training episode (a "
    "bundled scenario or one of scenarios/history/ with an observed: block).",
)
@click.option(
    "--held-out",
    is_flag=True,
    help="Score the held-out episodes (scenarios/held-out/) instead: crises never used to fit "
    "the model, to test it out of sample.",
)
@_replicates_option
@click.option(
    "--seed",
    type=SEED,
    default=None,
    help="Root seed, shared by every episode (default: the first episode's, else drawn).",
)
@click.option(
    "--workers",
    "-w",
    type=whole_number(min=1),
    default=1,
    show_default=True,
    help="Local worker processes; results are identical whatever the number.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder to create, with one bundle per episode (default: a new folder under runs/).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON, and nothing else.")
@_lang_option("Language of the table, the figure and report.md.")
@click.option(
    "--figures/--no-figures", default=True, show_default=True, help="Draw the reliability diagram."
)
@click.option(
    "--robustness",
    is_flag=True,
    help="Also run each episode with each ranged fact-base figure (forces, fighters) at its cited "
    "low and high, on the same seeds; writes robustness.csv (multiplies the work).",
)
@_execution_options
@_parameters_options
def backtest(
    episodes,
    held_out,
    replicates,
    seed,
    workers,
    out,
    as_json,
    lang,
    figures,
    robustness,
    resume,
    executor,
    scheduler,
    parameter_source,
    posterior_file,
):
    """Score the model against history: every episode's observed items, Brier and log scores.

    Each episode (a scenario with an observed: block) runs on the same replicate seeds. Writes a
    bundle per episode, backtest.csv (one row per episode and item), scores.json, report.md and
    figures/reliability.png; prints the items, failures first, and the scores against two naive
    baselines. No test requires the model to match history: this measures how far it is.

    \b
    Examples:
      sahelsim backtest -n 200 --workers 2
      sahelsim backtest --held-out -n 200 --workers 2
      sahelsim backtest --episodes gambia-2017-ultimatum --episodes niger-2023-base -n 50 --json
      sahelsim backtest --out runs/backtest --resume
      sahelsim backtest --episodes niger-2023-base -n 50 --robustness
      sahelsim backtest -n 200 --parameters posterior --posterior runs/calib/posterior.csv
    """
    import dataclasses

    from sim.analysis.backtest import load_items, recorded_items, score_all
    from sim.present.backtest import failures, print_backtest, scores_document, write_backtest
    from sim.present.progress import watcher
    from sim.present.terminal import interrupted_backtest, interrupted_scoring
    from sim.run.backtest import (
        episode_sources,
        is_held_out,
        is_training,
        plan_backtest,
        plan_resumed,
        run_backtest,
        saved_plan,
    )
    from sim.run.folders import default_out_dir, holds_results
    from sim.scenario.loading import load_scenario

    if scheduler and executor != Executor.DASK:
        raise click.UsageError(Text("--scheduler goes with --executor dask"))
    if resume and out is None:
        raise click.UsageError(Text("--resume needs the --out folder of the stopped work"))
    if held_out and (episodes or resume):
        raise click.UsageError(
            Text(
                "--held-out scores every held-out episode; name episodes with --episodes "
                "instead, and resume without it (the folder's plan lists its episodes)"
            )
        )
    if resume:
        planned = plan_resumed(out, episodes, replicates, seed)
        robustness = robustness or bool((saved_plan(out) or {}).get("robustness"))
    else:
        planned = plan_backtest(episodes, replicates, seed, held_out=held_out)
    planned = [
        dataclasses.replace(e, plan=_with_posterior(e.plan, parameter_source, posterior_file))
        for e in planned
    ]
    out = out or default_out_dir("backtest")
    interrupted = run_backtest(
        planned,
        out,
        workers=workers,
        command=_command(),
        resume=resume,
        executor=Executor(executor),
        scheduler=scheduler,
        watch=watcher(as_json),
        robustness=robustness,
    )
    if robustness and not interrupted:
        from sim.run.robustness import plan_probes, run_probes

        runs, probes, unprobed = plan_probes(planned)
        interrupted = run_probes(
            runs,
            out,
            workers=workers,
            command=_command(),
            resume=resume,
            executor=Executor(executor),
            scheduler=scheduler,
            watch=watcher(as_json),
        )
    if interrupted:
        stopped = interrupted_backtest(out, _command(), lang, results=holds_results(out))
        _exit_interrupted(stopped)
    items = load_items(out, [(e.name, e.plan.scenario.observed) for e in planned])
    known, learnt = [], []
    training = episode_sources()
    # A crisis the fit never saw (a held-out one, or a file of the user's own) is forecast by
    # baselines that know the training record, as the model does; alone, an episode's own
    # record would make "always the most frequent" a perfect forecaster of it.
    if any(is_held_out(e.source) or not is_training(e.name, e.source, training) for e in planned):
        scored = {e.name for e in planned}
        learnt = [(n, src) for n, src in training if n not in scored]
        known = recorded_items([(n, load_scenario(src).observed) for n, src in learnt])
    ranked, scores, bins = score_all(items, known)
    plan = {"root_seed": planned[0].plan.root_seed, "replicates": planned[0].plan.replicates}
    if learnt:
        plan["baselines_also_learn_from"] = [n for n, _ in learnt]
    with _drawing(lambda: interrupted_scoring(out, _command(), lang)):
        write_backtest(out, ranked, scores, bins, plan, lang=lang, draw=figures)
    swings = []
    if robustness:
        from sim.analysis.robustness import probe_swings
        from sim.analysis.robustness import ranked as ranked_swings
        from sim.present.robustness import print_robustness, write_robustness

        order = [e.episode for e in ranked]
        observed = {e.name: e.plan.scenario.observed for e in planned}
        swings = ranked_swings(probe_swings(out, probes, observed), order)
        write_robustness(out, swings, unprobed, order, lang=lang)
    if as_json:
        document = scores_document(ranked, scores, bins, plan)
        failed = failures(out, [e.name for e in planned])
        if failed:  # scores that rest on fewer replicates than asked say so
            document["failed"] = failed
        if robustness:
            from sim.present.robustness import robustness_document

            document["robustness"] = robustness_document(swings, unprobed)
        click.echo(json.dumps(document, indent=2))
        return
    print_backtest(ranked, scores, out, lang=lang, drawn=figures)
    if robustness:
        print_robustness(swings, unprobed, lang=lang)


for _param in backtest.params:
    if _param.name == "replicates":
        _param.help = (
            "Replicates per episode, on the same seeds in every episode (default: the first "
            "episode's ensemble.replicates)."
        )


@cli.command()
@click.option(
    "--episodes",
    "episodes",
    multiple=True,
    metavar="NAME",
    help="A training episode, by name or path (as for backtest). Repeatable; default: every "
    "episode the backtest finds.",
)
@click.option(
    "--free",
    "free",
    multiple=True,
    metavar="NAME",
    help="Fit only this declared free parameter (repeatable; default: every one declared in "
    "sim/scenario/calibration.py).",
)
@click.option(
    "--population",
    type=whole_number(min=2),
    default=CALIBRATION_POPULATION,
    show_default=True,
    help="Particles per generation.",
)
@click.option(
    "--generations",
    type=whole_number(min=1),
    default=CALIBRATION_GENERATIONS,
    show_default=True,
    help="Most generations (ABC-SMC populations), in all when resuming.",
)
@click.option(
    "--replicates",
    "-n",
    type=whole_number(min=1),
    default=CALIBRATION_REPLICATES,
    show_default=True,
    help="Replicates per episode for each particle, on the same seeds for every particle.",
)
@click.option(
    "--minutes",
    type=number(min=0.1),
    default=CALIBRATION_MINUTES,
    show_default=True,
    help="Wall-clock cap of the main fit (the generation running then is finished).",
)
@click.option(
    "--loo/--no-loo",
    default=True,
    show_default=True,
    help="Leave-one-episode-out cross-validation after the fit (smaller fits, see below).",
)
@click.option(
    "--loo-share",
    type=number(0.01, 1.0),
    default=LOO_SHARE,
    show_default=True,
    help="Population and generations of each leave-one-out fit, as a share of the main fit's.",
)
@click.option(
    "--loo-minutes",
    type=number(min=0.1),
    default=LOO_MINUTES,
    show_default=True,
    help="Wall-clock cap of all the leave-one-out fits together.",
)
@click.option(
    "--seed",
    type=SEED,
    default=None,
    help="Root seed of the replicates (and of the sampler on one worker); default: the first "
    "episode's, else drawn and recorded.",
)
@click.option(
    "--workers",
    "-w",
    type=whole_number(min=1),
    default=1,
    show_default=True,
    help="Local worker processes (1: reproducible for a seed), or the LocalCluster's size.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the posterior, the diagnostics and pyABC's database (default: a new "
    "folder under runs/).",
)
@click.option(
    "--figures/--no-figures", default=True, show_default=True, help="Draw the diagnostics."
)
@click.option("--quiet", "-q", is_flag=True, help="Print only the folder's path.")
@_execution_options
def calibrate(
    episodes,
    free,
    population,
    generations,
    replicates,
    minutes,
    loo,
    loo_share,
    loo_minutes,
    seed,
    workers,
    out,
    figures,
    quiet,
    resume,
    executor,
    scheduler,
):
    """Fit the free model parameters to the training episodes (ABC-SMC with pyABC).

    Each particle runs every episode on the same replicate seeds (common random numbers); its
    distance is the mean Brier score of the observed items, as `sahelsim backtest` scores them.
    Writes posterior.csv (parameter sets with weights), calibration.json (generations,
    acceptance, effective sample size, final epsilon, scores, leave-one-out), figures/ and
    pyABC's database abc.db (what --resume continues). Needs the calibrate extra.

    \b
    Examples:
      sahelsim calibrate --workers 2 --out runs/calib
      sahelsim calibrate --out runs/calib --resume
      sahelsim calibrate --episodes gambia-2017-ultimatum --episodes niger-2023-base --population 20 \\
        --generations 3 -n 4 --no-loo
      sahelsim calibrate --executor dask --scheduler tcp://HOST:8786 --out runs/calib
    """
    if scheduler and executor != Executor.DASK:
        raise click.UsageError(Text("--scheduler goes with --executor dask"))
    if resume and out is None:
        raise click.UsageError(Text("--resume needs the --out folder of the stopped calibration"))
    try:
        import pyabc  # noqa: F401
    except ImportError:
        raise click.UsageError(
            Text("calibrate needs pyABC: {command}", command=install_command("calibrate"))
        ) from None
    from sim.analysis import calibration as calib
    from sim.present.calibration import print_calibration, write_calibration_figures
    from sim.run.folders import default_out_dir, prepare_out_dir
    from sim.run.posterior import read_posterior

    if resume:
        plan = calib.saved_plan(out)
    else:
        budget = calib.Budget(population, generations, replicates, minutes)
        plan = calib.plan_calibration(
            episodes,
            free,
            seed,
            budget,
            loo=loo,
            loo_share=loo_share,
            loo_minutes=loo_minutes,
        )
        out = prepare_out_dir(out or default_out_dir("calibrate"))
    err = std_console(stderr=True, highlight=False)

    def told(message: str) -> None:
        if not quiet:
            err.print(message)

    try:
        summary = calib.calibrate(
            plan,
            out,
            lambda: calib.Sampler(Executor(executor), workers, scheduler),
            resume=resume,
            told=told,
            verbose=not quiet,
        )
    except KeyboardInterrupt:  # pyABC's database keeps every finished generation
        _exit_interrupted(f"Stopped: continue with sahelsim calibrate --out {out} --resume")
    if figures:
        write_calibration_figures(out, read_posterior(out / calib.POSTERIOR_FILE), summary)
    if quiet:
        click.echo(str(out))
    else:
        print_calibration(summary, out)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the command line and turn known errors into exit statuses.

    Errors are said in the language the command was asked to speak (``--lang``), which is read
    from the command line before click parses it, so that click's own errors are said in it too.
    """
    from sim.run.files import release_all

    undo_streams = drain_closed_pipes()
    lang = _asked_language(sys.argv[1:] if argv is None else argv)
    try:
        with _click_speaks(lang):
            cli.main(args=argv, prog_name="sahelsim", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        _suggest_closely(exc)
        _show_click_error(exc, lang)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo(_said(Text("Aborted."), lang), err=True)
        sys.exit(130)
    except SahelsimError as exc:
        click.echo(_said(Text("sahelsim: {message}", message=exc.message), lang), err=True)
        sys.exit(exc.exit_status)
    except OSError as exc:
        message = _environment_failure(exc)
        if message is None:
            raise
        click.echo(_said(Text("sahelsim: {message}", message=message), lang), err=True)
        sys.exit(1)
    finally:
        release_all()
        undo_streams()


def _class_run(path: Path, exc: InputError) -> Text:
    return Text("--class-run {path}: {message}", path=path, message=exc.message)


def _asked_language(args: Sequence[str]) -> str:
    """The language the command line asks for with ``--lang``, read before click parses it.

    Only a command that takes ``--lang`` speaks it, from the group's ``--lang`` written before
    it or its own (which wins); without a command, the group speaks its own. A language it does
    not know is English (click says why, in English).
    """
    words = list(args)
    at = 0  # the command's name: the first word that is neither an option nor --lang's value
    while at < len(words) and words[at].startswith("-") and words[at] != "--":
        at += 2 if words[at] == "--lang" else 1
    command = cli.commands.get(words[at]) if at < len(words) else None
    if command is None:
        return Lang.asked(words[:at]).value
    if not any(p.name == "lang" for p in command.params):
        return Lang.EN.value
    return Lang.asked([*words[:at], *words[at + 1 :]]).value


def _said(message: object, lang: str) -> str:
    """An error's message in ``lang`` (English as it is; French from the errors' catalogue)."""
    if lang == Lang.EN.value:
        return str(message)
    from sim.present.error_words import said

    return said(message, lang)


_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types")
"""click's modules that write messages through gettext."""


@contextlib.contextmanager
def _click_speaks(lang: str) -> Iterator[None]:
    """Within the block, click's own messages (its errors) and the commands' help are in ``lang``.

    click writes every message through gettext (``_`` and ``ngettext`` in each of its modules):
    in French they are looked up in :data:`sim.present.error_words.CLICK_FRENCH` instead. A
    command's ``--help`` is said by :class:`_Speaking`.
    """
    if lang == Lang.EN.value:
        yield
        return
    from sim.present.error_words import click_gettext, click_ngettext

    replaced = []
    for name in _CLICK_MODULES:
        module = sys.modules.get(f"click.{name}")
        for attr, original, ours in (
            ("_", gettext.gettext, click_gettext),
            ("ngettext", gettext.ngettext, click_ngettext),
        ):
            if module is not None and getattr(module, attr, None) is original:
                replaced.append((module, attr, original))
                setattr(module, attr, ours)
    spoken = _HELP_LANG.set(lang)
    try:
        yield
    finally:
        _HELP_LANG.reset(spoken)
        for module, attr, original in replaced:
            setattr(module, attr, original)


def _suggest_closely(exc: click.ClickException) -> None:
    """Suggest for a mistyped option or command what the project suggests for a mistyped name.

    click offered up to three, by a looser rule: "--frobnicate" was told "Did you mean
    '--replicates'?". Now one, and only one that is close (:func:`sim.errors.nearest`).
    """
    ctx = exc.ctx
    no_command = getattr(click.exceptions, "NoSuchCommand", ())  # click 8.4 and later
    if ctx is None:
        return
    if isinstance(exc, click.NoSuchOption) and exc.option_name.startswith("--"):
        params = ctx.command.get_params(ctx)
        found = nearest_option(
            exc.option_name, [o for p in params for o in p.opts + p.secondary_opts]
        )
    elif isinstance(exc, no_command) and isinstance(ctx.command, click.Group):
        found = nearest(exc.command_name, ctx.command.list_commands(ctx))
    else:
        return
    exc.possibilities = [found] if found else None


def _show_click_error(exc: click.ClickException, lang: str) -> None:
    """Print a usage error as click does, in ``lang`` (our own messages are Texts).

    In French, the usage line's placeholders are French too, and the names click quotes.
    """
    if lang == Lang.EN.value:
        exc.show()
        return
    from sim.present.error_words import french_quotes, french_usage

    exc.message = _said(exc.message, lang)
    if isinstance(exc, click.MissingParameter) and exc.param is not None and not exc.param_hint:
        exc.param_hint = french_quotes(french_usage(exc.param.get_error_hint(exc.ctx)))
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        usage = ctx.get_usage
        ctx.get_usage = lambda: french_usage(usage())
    with _click_speaks(lang):
        exc.show()


def _environment_failure(exc: OSError) -> Text | None:
    """One line for a write the machine refused while running (a full disk), else None."""
    import errno

    where = Text(" writing {file}", file=exc.filename) if exc.filename else ""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        what = (
            Text("a file grew past the size allowed")
            if exc.errno == errno.EFBIG
            else Text("no space left")
        )
        return Text(
            "{what}{where} ({reason}); nothing finished was lost; free some space and run the "
            "same command again (with --resume to finish a run or a sweep)",
            what=what,
            where=where,
            reason=exc.strerror,
        )
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return Text(
            "cannot write{where} ({reason}); nothing finished was lost; make the folder writable "
            "and run the same command again (with --resume to finish a run or a sweep)",
            where=where,
            reason=exc.strerror,
        )
    return None
