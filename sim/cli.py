"""The ``sahelsim`` command: a thin layer over the library.

Each command parses its options, calls library functions and prints. Exit status: 0 success,
1 failure while running, 2 bad input (a file, a flag, a value), with a message and no
traceback. Anything else escaping is a bug and keeps its traceback.
"""

from __future__ import annotations

import json
import sys

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
