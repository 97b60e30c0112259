"""A number or a boolean of the wrong type is refused, not coerced: true is not 1, "2" is not 2.

Each is a located problem, exit status 2, in English and in French; a --set is read as YAML,
so --set days=2 is a number and still runs.
"""

from __future__ import annotations

import pytest
from conftest import MINIMAL
from test_french_errors import _plain, english_left

from sim.scenario.facts import FactBase
from sim.scenario.schema import Scenario


def _edit(old: str, new: str) -> str:
    assert old in MINIMAL
    return MINIMAL.replace(old, new)


LATE_THREAT = "    date: 2023-08-10\n    by: ECOWAS\n    target: NER\n    deadline: 2023-08-24"
"""The threat on its twentieth day: outside a two-day horizon."""

CASES = [
    pytest.param(
        _edit("days: 30", "days: true"),
        "{f}:3:7: days: wrong value; got True; expected a whole number",
        "{f}:3:7 : days : valeur incorrecte ; valeur donnée : True ; attendu : un nombre entier",
        id="a boolean for a whole number",
    ),
    pytest.param(
        # Read as 2, this text ran with the threat on day 10 never checked against the horizon
        _edit("days: 30", 'days: "2"').replace(LATE_THREAT, LATE_THREAT.replace("-10", "-20")),
        "{f}:3:7: days: wrong value; got '2'; expected a whole number, without quotes",
        "{f}:3:7 : days : valeur incorrecte ; valeur donnée : « 2 » ; attendu : un nombre "
        "entier, sans guillemets",
        id="a whole number in quotes",
    ),
    pytest.param(
        MINIMAL + "parameters:\n  honour_base_rate: yes\n",
        "{f}:18:21: parameters.honour_base_rate: wrong value; got True; expected a number",
        "{f}:18:21 : parameters.honour_base_rate : valeur incorrecte ; valeur donnée : True ; "
        "attendu : un nombre",
        id="yes for a number",
    ),
    pytest.param(
        MINIMAL + 'parameters:\n  honour_base_rate: "0.5"\n',
        "{f}:18:21: parameters.honour_base_rate: wrong value; got '0.5'; expected a number, "
        "without quotes",
        "{f}:18:21 : parameters.honour_base_rate : valeur incorrecte ; valeur donnée : « 0.5 » ; "
        "attendu : un nombre, sans guillemets",
        id="a number in quotes",
    ),
    pytest.param(
        MINIMAL + "parameters:\n  kill_rate: 1e-3\n",
        "{f}:18:14: parameters.kill_rate: not a number the format takes; got '1e-3'; expected a "
        "number written with a decimal point (such as 0.001 or 1.0e-3)",
        "{f}:18:14 : parameters.kill_rate : ce n'est pas un nombre que le format accepte ; "
        "valeur donnée : « 1e-3 » ; attendu : un nombre écrit avec un point décimal (comme "
        "0.001 ou 1.0e-3)",
        id="an exponent YAML 1.1 reads as text",
    ),
    pytest.param(
        _edit("  liptako-gourma-charter:\n", '  liptako-gourma-charter:\n    enabled: "true"\n'),
        "{f}:10:14: pacts.liptako-gourma-charter.enabled: wrong value; got 'true'; expected true "
        "or false, without quotes",
        "{f}:10:14 : pacts.liptako-gourma-charter.enabled : valeur incorrecte ; valeur donnée : "
        "« true » ; attendu : un booléen (true ou false), sans guillemets",
        id="a boolean in quotes",
    ),
]


@pytest.mark.parametrize(("text", "english", "french"), CASES)
def test_a_value_of_the_wrong_type_is_located_and_refused(sahelsim, write, text, english, french):
    path = write(text)
    result = sahelsim("validate", str(path))
    assert result.status == 2 and "Traceback" not in result.out + result.err
    assert english.format(f=path) in result.out.splitlines(), result.out
    result = sahelsim("validate", str(path), "--lang", "fr")
    assert result.status == 2 and english_left(result.out) == set(), result.out
    assert french.format(f=path) in _plain(result.out).splitlines(), result.out


def test_a_run_refuses_a_boolean_number_rather_than_run_it_as_1(sahelsim, write):
    path = write(MINIMAL + "parameters:\n  honour_base_rate: yes\n")
    for lang, said in (("en", "expected a number"), ("fr", "attendu : un nombre")):
        result = sahelsim(
            "run", str(path), "-n", "1", "--seed", "1", "--no-figures", "--lang", lang
        )
        assert result.status == 2 and result.out == "" and "Traceback" not in result.err
        assert _plain(result.err).rstrip().endswith(said), result.err


def test_set_true_for_forces_is_refused_in_both_languages(sahelsim, write):
    path = str(write(MINIMAL))
    english = sahelsim("validate", path, "--set", "actors.GIN.forces=true")
    assert english.status == 2 and "Traceback" not in english.out + english.err
    assert english.out.splitlines()[0] == (
        "--set actors.GIN.forces=true: actors.GIN.forces: wrong value; got True; expected a "
        "whole number"
    )
    french = sahelsim("validate", path, "--set", "actors.GIN.forces=true", "--lang", "fr")
    assert french.status == 2 and english_left(french.out) == set(), french.out
    assert _plain(french.out).splitlines()[0] == (
        "--set actors.GIN.forces=true : actors.GIN.forces : valeur incorrecte ; valeur donnée : "
        "True ; attendu : un nombre entier"
    )


def test_set_reads_numbers_as_numbers_and_checks_the_horizon(sahelsim, write):
    path = str(write(MINIMAL))
    ok = sahelsim("validate", path, "--set", "days=2", "--set", "parameters.honour_base_rate=1")
    assert ok.status == 0, ok.out
    quoted = sahelsim("validate", path, "--set", 'days="2"')
    assert quoted.status == 2
    assert "days: wrong value; got '2'; expected a whole number, without quotes" in quoted.out
    late = write(MINIMAL.replace(LATE_THREAT, LATE_THREAT.replace("-10", "-20")))
    short = sahelsim("validate", str(late), "--set", "days=2")
    assert short.status == 2
    assert "the event falls outside the scenario's horizon" in short.out, short.out


def _lax(schema: object, path: tuple = ()):
    """Where a core schema takes an int, a float or a bool without strict mode."""
    if isinstance(schema, dict):
        if schema.get("type") in {"int", "float", "bool"} and not schema.get("strict"):
            yield path
        for key, value in schema.items():
            yield from _lax(value, (*path, key))
    elif isinstance(schema, list):
        for i, value in enumerate(schema):
            yield from _lax(value, (*path, i))


@pytest.mark.parametrize("model", [Scenario, FactBase])
def test_every_number_and_boolean_of_the_format_is_strict(model):
    # One rule for every field, those added later too: a plain int, float or bool would
    # take true for 1 and "2" for 2 again.
    assert list(_lax(model.__pydantic_core_schema__)) == []
