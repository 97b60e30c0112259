"""Under --lang fr, a command's --help is French: no English word is left, and the English is
click's own, unchanged.

Every piece of the English help (a docstring's paragraph, an option's help, a heading or a
comment of the examples, click's own "Show this message and exit.") has its French in
:mod:`sim.present.help_words`, and every French there still has its English in ``sim.cli``. The
examples' commands, the options and the values typed stay as typed; click's placeholders
(``INTEGER RANGE``, ``PATH=VALUE``) and the words it adds (``[default: 1]``) are French.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import click
import pytest
from test_french_errors import _format_words, _plain
from test_french_errors import english_only as errors_english_only
from test_french_terminal import _words

from sim.cli import cli
from sim.present import error_words, help_words, terminal
from sim.present.help_words import CLICK_HELP, FRENCH, METAVARS

NARROW, NO_BREAK = "\u202f", "\u00a0"


def _speaks(command: click.Command) -> bool:
    return any(p.name == "lang" for p in command.params)


SPEAKING = sorted(name for name, command in cli.commands.items() if _speaks(command))
SILENT = sorted(set(cli.commands) - set(SPEAKING))


def _contexts():
    """The group and each command, with a context to read their help in."""
    root = click.Context(cli, info_name="sahelsim", **cli.context_settings)  # as main() has it
    yield cli, root
    for name, command in cli.commands.items():
        yield command, click.Context(command, info_name=name, parent=root)


def _texts(command: click.Command, ctx: click.Context) -> list[str | None]:
    """Every English help text of a command: its docstring, its epilog, its options' help."""
    return [command.help, command.epilog, *(p.help for p in command.get_params(ctx))]


def _english_help(sahelsim, name: str | None, *more: str) -> str:
    result = sahelsim(*([name] if name else []), "--help", *more)
    assert result.status == 0 and result.err == "", result.err
    return result.out


# ------------------------------------------------------------------------ the catalogue


def test_every_piece_of_the_help_has_its_french_and_every_french_its_english():
    needed, written = set(), set()
    for command, ctx in _contexts():
        pieces = {p for text in _texts(command, ctx) for p in help_words.pieces(text)}
        written |= pieces
        if _speaks(command):
            needed |= pieces
        else:  # a command without --lang: its first sentence, in the group's list of commands
            needed |= set(list(help_words.pieces(command.help))[:1])
    assert needed - set(FRENCH) == set(), "help without its French in sim/present/help_words.py"
    assert set(FRENCH) - written == set(), "French for help that sim/cli.py no longer writes"
    for english, french in FRENCH.items():
        assert french.strip() and french != english, english


def test_every_placeholder_click_prints_has_its_french_and_every_french_its_placeholder():
    shown = set()
    for command, ctx in _contexts():
        lines = [" ".join(command.collect_usage_pieces(ctx))]
        lines += [r[0] for p in command.get_params(ctx) if (r := p.get_help_record(ctx))]
        for line in lines:
            shown |= set(re.findall(r"\b[A-Z][A-Z_]*(?: RANGE)?\b", line))
    assert {"INTEGER RANGE", "DIRECTORY", "PATH", "SCENARIO", "LO"} <= shown  # it has teeth
    assert shown - set(METAVARS) <= {"OPTIONS", "N", "A", "B"}  # the same in French
    assert set(METAVARS) - shown == set(), "French for placeholders click no longer prints"


def test_the_words_click_adds_are_clicks_own_with_the_same_fields():
    written = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_":
                written |= {a.value for a in node.args if isinstance(a, ast.Constant)}
            elif isinstance(node, ast.Assign) and ast.unparse(node.targets[0]).endswith(
                "['required']"
            ):  # an option's "required", said through gettext where click writes its help
                written.add(ast.literal_eval(node.value))
    assert set(CLICK_HELP) <= written
    clicks_own = {"Show this message and exit.", "Show the version and exit."}
    assert clicks_own <= written & set(FRENCH)
    # click makes its --help option once per process, with the words gettext gave it then: said
    # through gettext in French, they would stay French in an English help that followed
    assert not clicks_own & {*error_words.CLICK_FRENCH, *CLICK_HELP}
    for english, french in CLICK_HELP.items():
        assert re.findall(r"\{\w+\}", french) == re.findall(r"\{\w+\}", english)


# ---------------------------------------------------------------- what a user reads


def _prose_words(text: str) -> set[str]:
    """The project's words of a text (test_french_terminal's), a sentence's last one too."""
    return _words(re.sub(r"[.,;:)]+(?=\s|$)", " ", _plain(text)))


def _french_texts() -> list[str]:
    return [
        *FRENCH.values(),
        *CLICK_HELP.values(),
        *METAVARS.values(),
        *error_words.FRENCH.values(),
        *error_words.CLICK_FRENCH.values(),
        *error_words.CLICK_USAGE.values(),
        *terminal.WORDS["fr"].values(),
    ]


def _english_help_of_every_command() -> list[str]:
    """The English help of the group and of every command, as click writes it."""
    return [command.get_help(ctx) for command, ctx in _contexts()]


@pytest.fixture(scope="module")
def english_only() -> set[str]:
    """Words of the English help (and of the errors) that no French text uses.

    What the user types in every language is left out: the scenario format's words, the names
    of scenarios and commands (test_french_errors's), and the choices of the options.
    """
    typed = {
        str(choice)
        for command, ctx in _contexts()
        for p in command.get_params(ctx)
        if isinstance(p.type, click.Choice)
        for choice in p.type.choices
    }
    words = set().union(*map(_prose_words, _english_help_of_every_command()))
    french = set().union(*map(_prose_words, _french_texts()))
    return (words | errors_english_only()) - french - _format_words() - typed


def test_the_detector_knows_the_english_of_the_help(english_only):
    assert {"default", "show", "exit", "integer", "range", "examples"} <= english_only
    assert {"folder", "bundle", "directory", "repeatable", "workers"} <= english_only


@pytest.mark.parametrize("name", [None, *SPEAKING])
def test_a_commands_help_is_said_in_french_whole(sahelsim, english_only, name):
    command = [name] if name else []

    def french(*args: str) -> str:
        result = sahelsim(*args)
        assert result.status == 0 and result.err == "", (args, result.err)
        return result.out

    said = french(*command, "--help", "--lang", "fr")
    assert french(*command, "--lang", "fr", "--help") == said
    assert french(*command, "-h", "--lang=fr") == said
    # written before the command, --lang is the command's default too, and its help says so
    before = french("--lang", "fr", *command, "--help")
    assert before == said.replace(f"défaut{NO_BREAK}: en]", f"défaut{NO_BREAK}: fr]")
    left = _prose_words(said) & english_only
    assert left == set(), f"English left in the French help: {sorted(left)}"
    usage = f"Utilisation{NO_BREAK}: sahelsim {name or ''}".rstrip()
    assert said.startswith(usage) and f"\nOptions{NO_BREAK}:\n" in said
    assert "Afficher ce message et quitter." in said
    assert not re.search(r" [:;?!»]|« ", said), "French spacing: no-break spaces"
    english = _english_help(sahelsim, name)
    assert len(said.splitlines()) >= len(english.splitlines()) - 2  # nothing left out


@pytest.mark.parametrize("name", SPEAKING)
def test_the_french_help_keeps_what_is_typed(sahelsim, name):
    english = _english_help(sahelsim, name)
    french = sahelsim(name, "--help", "--lang", "fr").out

    def commands(text: str) -> list[str]:  # the examples' commands, without their comments
        example = re.compile(r" {4,}(sahelsim\b|--)")
        lines = text.split("\nOptions")[0].splitlines()
        return [line.split("  # ")[0].rstrip() for line in lines if example.match(line)]

    assert commands(french) == commands(english)
    options = re.compile(r"^  (-[-\w]+(?:, --[\w-]+)?)", re.MULTILINE)
    listed = [options.findall(text.split("\nOptions")[1]) for text in (french, english)]
    assert listed[0] == listed[1] and len(listed[0]) > 1  # the options, in their order
    choices = re.compile(r"\[[a-z]+(?:\|[a-z]+)+\]")
    assert choices.findall(french) == choices.findall(english)


def test_the_french_help_reads_as_french(sahelsim):
    said = sahelsim("run", "--help", "--lang", "fr").out
    plain = _plain(said)
    assert plain.startswith("Utilisation : sahelsim run [OPTIONS] [SCÉNARIO]\n")
    assert "Exemples :" in plain and "# le scénario phare, niger-2023-intervention" in plain
    assert re.search(r"-n, --replicates ENTIER +Nombre de réplications", plain)
    assert "--set CHEMIN=VALEUR" in plain and "--out DOSSIER" in plain
    assert re.search(r"\[par\sdéfaut : 1 ;\s+x>=1\]", plain)
    assert re.search(r"plafond\s+par\s+défaut : 10 000\)", plain)  # a number, the French way
    swept = _plain(sahelsim("sweep", "--help", "--lang", "fr").out)
    assert "--param CHEMIN=BAS:HAUT:N" in swept and re.search(r"\[obligatoire\]", swept)
    group = _plain(sahelsim("--help", "--lang", "fr").out)
    assert "Commandes :" in group and "« sahelsim COMMANDE --help --lang fr »" in group
    assert re.search(r"\n  run +Lancer un ensemble de réplications", group)
    assert re.search(r"\n  schema +Écrire le schéma JSON", group)


# ------------------------------------------------------------------ the English stays


@pytest.mark.parametrize("name", [None, *cli.commands])
def test_the_english_help_is_clicks_own_and_french_leaves_no_trace(sahelsim, name):
    command = cli if name is None else cli.commands[name]
    before = _english_help(sahelsim, name)
    root = next(_contexts())[1]
    ctx = root if name is None else click.Context(command, info_name=name, parent=root)
    formatter = ctx.make_formatter()
    click.Command.format_help(command, ctx, formatter)  # click's own, without sahelsim's
    assert before == formatter.getvalue().rstrip("\n") + "\n"
    sahelsim(*([name] if name else []), "--help", "--lang", "fr")
    assert _english_help(sahelsim, name) == before
    if _speaks(command):
        assert _english_help(sahelsim, name, "--lang", "en") == before
    assert before.startswith(f"Usage: sahelsim {name or ''}".rstrip())


@pytest.mark.parametrize("name", SILENT)
def test_a_command_without_lang_answers_in_english(sahelsim, name):
    refused = sahelsim(name, "--help", "--lang", "fr")
    assert refused.status == 2 and "No such option '--lang'" in refused.err
    assert sahelsim("--lang", "fr", name, "--help").out == _english_help(sahelsim, name)


# ----------------------------------------------------------- --lang before the command


def test_lang_before_the_command_is_the_commands_own_unless_it_is_given_one(sahelsim):
    listed = sahelsim("--lang", "fr", "list")
    assert listed.status == 0 and "titre / description" in listed.out
    assert sahelsim("--lang", "fr", "list", "--lang", "en").out == sahelsim("list").out
    bad = sahelsim("--lang", "fr", "run", "gambia-2017", "-n", "0")
    assert bad.status == 2 and "Valeur invalide pour « --replicates »" in _plain(bad.err)
    assert "Essayez « sahelsim run --help --lang fr » pour l'aide." in _plain(bad.err)
    missing = sahelsim("--lang", "fr")
    assert missing.status == 2 and _plain(missing.err).rstrip().endswith("Commande manquante.")
