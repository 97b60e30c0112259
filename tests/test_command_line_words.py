"""The command line's own refusals say what is wrong in plain words, in English and French.

A number out of its range or not a number at all names the option and says which numbers it
takes, as the library's own refusals do ("expected a whole number of at least 1"), not click's
"'abc' is not a valid integer range."
"""

from __future__ import annotations

import re

import click
import pytest
from conftest import MINIMAL
from test_french_errors import _plain, english_left

from sim.cli import cli

ARGUMENTS = {
    "compare": ["gambia-2017", "gambia-2017"],
    "sweep": ["gambia-2017"],
    "sensitivity": ["gambia-2017"],
}
"""What a command needs before its options (its scenarios), so that only the option is wrong."""

NUMBERS = (click.types.IntParamType, click.types.FloatParamType)
JARGON = ("integer", "float", "range", "not a valid", "x>=", "x<=", "<=x")


def _number_options():
    for name, command in sorted(cli.commands.items()):
        for param in command.params:
            if isinstance(param, click.Option) and isinstance(param.type, NUMBERS):
                yield pytest.param(name, param, id=f"{name} {param.opts[0]}")


def _out_of_range(param: click.Option) -> str | None:
    """A value just outside the option's range, as typed; None if it takes any number."""
    low, high = getattr(param.type, "min", None), getattr(param.type, "max", None)
    whole = isinstance(param.type, click.types.IntParamType)
    if low is not None:
        return str(low - 1) if whole else f"{low / 2:g}"
    if high is not None:
        return str(high + 1) if whole else f"{high * 2:g}"
    return None


def _refusal(sahelsim, command: str, *args: str):
    result = sahelsim(command, *ARGUMENTS.get(command, []), *args)
    assert result.status == 2 and result.out == "", result.err
    assert "Traceback" not in result.err
    return result.err.splitlines()[-1]


@pytest.mark.parametrize(("command", "param"), list(_number_options()))
def test_every_number_option_says_which_numbers_it_takes(sahelsim, command, param):
    whole = isinstance(param.type, click.types.IntParamType)
    kind = "a whole number" if whole else "a number"
    option = param.opts[0]
    tried = ["abc"] + ([v] if (v := _out_of_range(param)) is not None else [])
    for value in tried:
        said = _refusal(sahelsim, command, option, value)
        assert said.startswith(f"Error: Invalid value for '{option}'"), said
        shown = repr(value) if value == "abc" else value
        assert f": {shown}; expected {kind}" in said, said
        assert not any(word in said for word in JARGON), said
        if any(p.name == "lang" for p in cli.commands[command].params):
            french = _plain(_refusal(sahelsim, command, option, value, "--lang", "fr"))
            assert french.startswith(f"Erreur : Valeur invalide pour « {option} »"), french
            shown = f"« {value} »" if value == "abc" else value
            noun = "un nombre entier" if whole else "un nombre"
            assert f" : {shown} ; attendu : {noun}" in french, french
            assert english_left(french) == set(), french


@pytest.mark.parametrize(
    ("args", "english", "french"),
    [
        (
            ["run", "-n", "abc"],
            "Error: Invalid value for '--replicates' / '-n': 'abc'; expected a whole number of "
            "at least 1",
            "Erreur : Valeur invalide pour « --replicates » / « -n » : « abc » ; attendu : un "
            "nombre entier d'au moins 1",
        ),
        (
            ["run", "--precision", "0.9"],
            "Error: Invalid value for '--precision': 0.9; expected a number from 0.001 to 0.5",
            "Erreur : Valeur invalide pour « --precision » : 0.9 ; attendu : un nombre de 0,001 "
            "à 0,5",
        ),
        (
            ["explain", "--seed", "-1"],
            "Error: Invalid value for '--seed': -1; expected a whole number from 0 to "
            "9,223,372,036,854,775,807",
            "Erreur : Valeur invalide pour « --seed » : -1 ; attendu : un nombre entier de 0 à "
            "9 223 372 036 854 775 807",
        ),
        (
            ["teach", "--every", "400"],
            "Error: Invalid value for '--every': 400; expected a whole number from 1 to 365",
            "Erreur : Valeur invalide pour « --every » : 400 ; attendu : un nombre entier de 1 à "
            "365",
        ),
    ],
    ids=["a word for a count", "a number above its range", "a negative seed", "a day too many"],
)
def test_a_number_out_of_range_is_refused_in_plain_words(sahelsim, args, english, french):
    assert _refusal(sahelsim, *args) == english
    assert _plain(_refusal(sahelsim, *args, "--lang", "fr")) == french


@pytest.mark.parametrize(
    ("args", "english", "french"),
    [
        (
            ["run", "--frobnicate"],
            "Error: No such option '--frobnicate'.",
            "Erreur : Option inconnue : « --frobnicate ».",
        ),
        (
            ["run", "--wrkers", "2"],
            "Error: No such option '--wrkers'. Did you mean '--workers'?",
            "Erreur : Option inconnue : « --wrkers ». Vouliez-vous dire « --workers » ?",
        ),
        (
            ["compare", "gambia-2017", "gambia-2017", "--set-c", "days=20"],
            "Error: No such option '--set-c'. Did you mean '--set-b'?",
            "Erreur : Option inconnue : « --set-c ». Vouliez-vous dire « --set-b » ?",
        ),
    ],
    ids=["far from every option", "a letter left out", "one option of three alike"],
)
def test_an_unknown_option_is_told_the_one_it_is_close_to_and_no_other(
    sahelsim, args, english, french
):
    """`run --frobnicate` was asked "Did you mean '--replicates'?", and `--wrkers` was offered
    --resume and --series besides --workers."""
    assert _refusal(sahelsim, *args) == english
    assert _plain(_refusal(sahelsim, *args, "--lang", "fr")) == french


@pytest.mark.parametrize(("key", "suggested"), [("frobnicate", None), ("replicate", "replicates")])
def test_a_scenarios_unknown_key_is_suggested_by_the_options_rule(sahelsim, write, key, suggested):
    """One rule for a mistyped option and a mistyped key: "frobnicate" was taken for a slip
    of "replicates" in a scenario file too."""
    path = write(f"{MINIMAL}ensemble:\n  {key}: 3\n")
    for lang, told in (("en", "did you mean"), ("fr", "vouliez-vous dire")):
        said = _plain(sahelsim("validate", str(path), "--lang", lang).out).splitlines()[0]
        assert f"{key}" in said, said
        if suggested is None:
            assert told not in said, said
        else:
            assert said.endswith(
                f"{told} {suggested!r}?" if lang == "en" else f"{told} « {suggested} » ?"
            )


@pytest.mark.parametrize("command", sorted(cli.commands))
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_examples_continued_line_stays_on_its_own_line(sahelsim, command, lang):
    """A docstring's lone backslash at a line's end joined an example's two lines into one,
    with a run of spaces inside ("0.5:3:6         --param"), in sweep's and sensitivity's
    --help (a newcomer's find)."""
    result = sahelsim(command, "--help", *(["--lang", lang] if lang == "fr" else []))
    if result.status != 0:  # schema and calibrate take no --lang
        result = sahelsim(command, "--help")
    assert result.status == 0
    joined = [line for line in result.out.splitlines() if re.search(r"\S {4,}--", line)]
    assert not joined
