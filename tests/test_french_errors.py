"""Under --lang fr, what a user did wrong is said in French: no English word is left.

A scenario file's located problems (an unknown key, a wrong type, a value out of range, a
misspelt id, bad YAML), a flag click refuses, an output folder that exists, a folder that is
not a results bundle: each is said in French, still naming the file, line and column, the path
in the document, the value given and what was expected, with exit status 2 and no traceback.
The English stays what it was. Every message raised is a template of the French catalogue
(:mod:`sim.present.error_words`), with the same placeholders, so that a new message without
its French fails here.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from conftest import MINIMAL, REPO
from test_french_terminal import _words

from sim.errors import InputError, Joined, Location, Problem, ScenarioError, Text
from sim.present import error_words, terminal
from sim.present.error_words import (
    CLICK_FRENCH,
    CLICK_FRENCH_PLURAL,
    CLICK_USAGE,
    FRENCH,
    said,
)

NARROW, NO_BREAK = "\u202f", "\u00a0"


def _plain(text: str) -> str:
    """French text with its no-break spaces as plain spaces, to compare with what is read."""
    return text.replace(NARROW, " ").replace(NO_BREAK, " ")


def _format_words() -> set[str]:
    """What a message quotes of the format and of the data: keys, choices, names and ids."""
    from sim.cli import cli
    from sim.model.outcomes import SUMMARY_COLUMNS
    from sim.scenario.facts import fact_base
    from sim.scenario.jsonschema import scenario_json_schema
    from sim.scenario.loading import bundled_names
    from sim.scenario.parameters import PARAMETERS

    found: list[str] = [*bundled_names(), *SUMMARY_COLUMNS, *PARAMETERS, *fact_base().pacts]
    found += list(cli.commands)
    found += [p.stem for p in (REPO / "scenarios").glob("*/*.yaml")]

    def walk(node: object) -> None:
        if isinstance(node, dict):
            found.extend(str(k) for k in node.get("properties", {}))
            found.extend(str(v) for v in node.get("enum", []))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(scenario_json_schema())
    return set().union(*(_words(w.replace("_", " ").replace("-", " ")) for w in found))


def english_only() -> set[str]:
    """Words of the English messages (errors, click's, the notes) that no French text uses.

    The scenario format's keys and choices, and the names of scenarios, are the user's words
    in every language (``pacts_left_out``, ``lesson-5-asked-not-bound``): they are left out.
    """
    english = [*FRENCH, *CLICK_FRENCH, *(e for pair in CLICK_FRENCH_PLURAL for e in pair)]
    french = [
        *FRENCH.values(),
        *CLICK_FRENCH.values(),
        *CLICK_USAGE.values(),
        *(f for pair in CLICK_FRENCH_PLURAL.values() for f in pair),
        *error_words.CLICK_PLACEHOLDERS.values(),
        *terminal.WORDS["fr"].values(),
    ]
    words = set().union(*map(_words, english), *map(_words, terminal.WORDS["en"].values()))
    return words - set().union(*map(_words, french)) - _format_words()


def english_left(text: str) -> set[str]:
    return _words(_plain(text)) & english_only()


def _fields(template: str) -> set[str]:
    """The fields a template names (none for one written whole, braces and all: "'}'")."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError:
        return set()


# ------------------------------------------------------------------------ the catalogue


def test_every_message_has_its_french_with_the_same_placeholders():
    pairs = [
        *FRENCH.items(),
        *CLICK_FRENCH.items(),
        *(
            (english, french)
            for englishes, frenches in CLICK_FRENCH_PLURAL.items()
            for english, french in zip(englishes, frenches, strict=True)
        ),
    ]
    for english, french in pairs:
        assert french.strip(), english
        assert _fields(french) == _fields(english) - UNSAID, english
    # the check below has words to look for: the messages' own
    assert {"unknown", "expected", "already", "exists", "folder", "invalid"} <= english_only()


UNSAID = {"s", "class_name", "posting"}
"""Fields French may leave out: the English plural's ending, a Python class's name, the fact
base's label of a posting (written in English only: French names it by its power and host)."""


def _literal(node: ast.AST) -> bool:
    """A message written in English where it is raised: a string, an f-string, or joined ones."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(node.value)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _literal(node.left) or _literal(node.right)
    return False


RAISED = {"InputError", "SahelsimError", "ScenarioError", "WorkerLost", "UsageError"}
"""Errors whose first argument is what the user reads."""
SAYING = {"Problem": (2, 4), "_fail": (1, 2), "problem": (2, 3), "damaged": (2,)}
"""Calls that build a message, and the positions of their arguments the user reads."""
MADE_AT_RUNTIME = {("sim/errors.py", "_text"), ("sim/run/sweep.py", "_renamed")}
"""Where a Text is made from another's template (its copy, a line renamed), not written."""


def _messages():
    """Each message template written in sim/, where it is, and every English-only message."""
    templates, bare = {}, []
    for path in sorted((REPO / "sim").rglob("*.py")):
        name = path.relative_to(REPO).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        ours = (
            any(  # a module may call rich's Text, which says nothing to the user
                isinstance(node, ast.ImportFrom)
                and node.module == "sim.errors"
                and any(a.name == "Text" and a.asname is None for a in node.names)
                for node in ast.walk(tree)
            )
            or name == "sim/errors.py"
        )
        functions = {
            id(node): f.name
            for f in ast.walk(tree)
            if isinstance(f, ast.FunctionDef | ast.ClassDef)
            for node in ast.walk(f)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                called = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if isinstance(node.func, ast.Name) and called == "Text" and ours:  # sim.errors
                    first = node.args[0] if node.args else None
                    if isinstance(first, ast.Constant) and isinstance(first.value, str):
                        templates.setdefault(first.value, f"{name}:{node.lineno}")
                    elif (name, functions.get(id(node))) not in MADE_AT_RUNTIME:
                        bare.append(f"{name}:{node.lineno}: Text's template is not written out")
                said = [0] if called in RAISED else list(SAYING.get(called, ()))
                if called == "ValueError" and name.startswith("sim/scenario/"):
                    said = [0]  # a validator's reason is what pydantic's error says
                args = [node.args[i] for i in said if i < len(node.args)]
                args += [k.value for k in node.keywords if k.arg in ("message", "expected")]
                bare += [f"{name}:{node.lineno}: {called}" for a in args if _literal(a)]
            # A reference check yields (path, message, value, expected, suggestion).
            if (
                name == "sim/scenario/references.py"
                and isinstance(node, ast.Yield | ast.Return)
                and isinstance(node.value, ast.Tuple)
                and len(node.value.elts) == 5
            ):
                found = [node.value.elts[1], node.value.elts[3]]
                bare += [f"{name}:{node.lineno}: a finding" for a in found if _literal(a)]
    return templates, bare


def test_every_message_raised_is_written_as_a_template_of_the_catalogue():
    templates, bare = _messages()
    assert bare == [], "messages written in English only (wrap them in sim.errors.Text)"
    missing = {t: where for t, where in templates.items() if t not in FRENCH}
    assert missing == {}, "templates without their French in sim/present/error_words.py"
    assert len(templates) > 400
    unused = set(FRENCH) - set(templates)
    assert unused == set(), "French for messages nothing raises any more"


def test_click_messages_of_the_catalogue_are_clicks_own():
    import click

    written = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("_", "ngettext"):
                written.add(tuple(a.value for a in node.args if isinstance(a, ast.Constant)))
    assert {(m,) for m in [*CLICK_FRENCH, *CLICK_USAGE]} <= written
    assert set(CLICK_FRENCH_PLURAL) <= written


MARKED = re.compile(r"«[^»]*»|`[^`]*`|\{[^}]*\}|\S*[._/=\[]\S*|(?<!\w)-{1,2}\w[\w-]*|%\w+")
"""What a French message may hold of the format as it is typed: a key or a YAML line quoted
(« kind », « scale: invasion »), a field, a dotted path, a file, an option, a directive."""
KEY = re.compile(r"[A-Za-zÀ-ÿ]{2,}")
FRENCH_TOO = {"date", "invasion", "source", "forces", "base", "incident", "coup", "faction"}
"""Keys and choices of the format that are French words as well: prose may use them."""


def _french_prose() -> set[str]:
    """Words French writes elsewhere: the stories, the tables, the outcomes, the parameters."""
    from sim.model.outcome_registry import OUTCOMES
    from sim.present import catalogue, console, figures, report
    from sim.scenario.parameters import PARAMETERS

    texts = [entry["fr"] for entry in catalogue.MESSAGES.values()]
    for words in (terminal.WORDS, console.TEXT, report.TEXT, figures.WORDS, figures.MAP_WORDS):
        texts += [text for text in words["fr"].values() if isinstance(text, str)]
    texts += [" ".join(vars(o.fr).values()) for o in OUTCOMES.values()]
    texts += [p.label_fr for p in PARAMETERS.values()]
    return {w.lower() for text in texts for w in KEY.findall(MARKED.sub(" ", text))} | FRENCH_TOO


def keys_left_bare(french: str, keys: set[str], prose: set[str]) -> set[str]:
    """The keys of the format ``french`` writes as if they were French words."""
    return {w.lower() for w in KEY.findall(MARKED.sub(" ", french))} & keys - prose


def test_a_key_of_the_format_in_a_french_message_is_quoted_as_a_key():
    """A newcomer read "kind inconnu « threath »": a key named bare in French prose reads as an
    English word left behind. Keys and YAML lines stay as they are typed, quoted as such."""
    keys = {k.lower() for k in _format_words()} | {"by", "to", "in", "observed", "faction_of"}
    prose = _french_prose()
    assert keys_left_bare("kind inconnu « threath »", keys, prose) == {"kind"}  # it can see
    assert keys_left_bare("pas de host, ou scale: invasion", keys, prose) == {"host", "scale"}
    bare = {f: found for f in FRENCH.values() if (found := keys_left_bare(f, keys, prose))}
    assert bare == {}


def test_an_unknown_kind_is_said_in_french_around_the_key(write, sahelsim):
    path = write(MINIMAL.replace("kind: threat", "kind: threath"))
    refused = sahelsim("validate", str(path), "--lang", "fr")
    assert refused.status == 2 and "Traceback" not in refused.err
    said_ = _plain(refused.out + refused.err)
    assert "events.threat.kind : « threath » n'est pas une valeur connue de « kind » ;" in said_
    assert "vouliez-vous dire « threat » ?" in said_


def test_the_english_is_what_it_was_and_the_french_quotes_what_was_typed():
    problem = Problem(
        Location("my.yaml", 3, 7),
        "days",
        Text("wrong value"),
        "thirty",
        Text("greater than or equal to {ge}", ge=1),
        "",
    )
    error = ScenarioError([problem])
    assert str(error) == (
        "1 problem found:\nmy.yaml:3:7: days: wrong value; got 'thirty'; "
        "expected greater than or equal to 1"
    )
    assert _plain(said(error.message, "fr")) == (
        "1 problème trouvé :\nmy.yaml:3:7 : days : valeur incorrecte ; valeur donnée : "
        "« thirty » ; attendu : une valeur supérieure ou égale à 1"
    )
    french = said(error.message, "fr")
    assert (
        f"my.yaml:3:7{NO_BREAK}: days{NO_BREAK}:" in french
        and f"«{NARROW}thirty{NARROW}»" in french
    )
    # a number the program grouped is grouped the French way; one the user typed is kept
    large = Text("file too large ({size:,} bytes)", size=5_000_000)
    assert str(large) == "file too large (5,000,000 bytes)"
    assert said(large, "fr") == "fichier trop gros (5\u202f000\u202f000 octets)"
    swept = Text("{label}: LO must be below HI; got LO {low:g} and HI {high:g}", label="--param x",
                 low=0.8, high=0.2)  # fmt: skip
    assert "BAS 0.8 et HAUT 0.2" in said(swept, "fr")
    # a message the catalogue lacks stays whole, in English
    assert said(InputError("plain words").message, "fr") == "plain words"
    assert said(Joined("\n", [Text("wrong value"), "as it is"]), "fr") == (
        "valeur incorrecte\nas it is"
    )


def test_a_list_of_allowed_values_quotes_each_in_french():
    """French quoted the value typed (« strickt ») but listed the allowed ones bare: « une
    valeur parmi behavioural, strict ». Each is quoted now, a shortened list and the bodies too;
    English lists them bare, as it did."""
    from sim.errors import Listed, one_of
    from sim.scenario.references import _BODY_CHOICES

    choice = Text("{problem}; expected {expected}", problem=Text("not a valid choice"),
                  expected=one_of(["strict", "behavioural"]))  # fmt: skip
    assert str(choice) == "not a valid choice; expected one of behavioural, strict"
    assert _plain(said(choice, "fr")) == (
        "choix invalide ; attendu : une valeur parmi « behavioural », « strict »"
    )
    many = one_of([f"p{i}" for i in range(5)], limit=2)
    assert str(many) == "one of p0, p1, ... (5 in all)"
    assert _plain(said(many, "fr")) == "une valeur parmi « p0 », « p1 », ... (5 en tout)"
    assert str(_BODY_CHOICES) == "au_psc, unsc or oau"
    assert _plain(said(_BODY_CHOICES, "fr")) == "« au_psc », « unsc » ou « oau »"
    assert str(Listed(["a"])) == "a" and Listed([]) == ""


# ----------------------------------------------------------- what a user meets, in French


def _edit(old: str, new: str) -> str:
    assert old in MINIMAL, old
    return MINIMAL.replace(old, new, 1)


SCENARIO_CASES = [
    pytest.param(
        _edit("days: 30", "dayz: 30"),
        "{f}:3:1 : dayz : clé inconnue « dayz » ; attendu : une valeur parmi « actors », "
        "« commitment », « days », « description »,",
        "vouliez-vous dire « days » ?",
        id="unknown key",
    ),
    pytest.param(
        _edit("days: 30", "days: thirty"),
        "{f}:3:7 : days : valeur incorrecte ; valeur donnée : « thirty » ; attendu : un nombre "
        "entier",
        "",
        id="wrong type",
    ),
    pytest.param(
        _edit("days: 30", "days: 0"),
        "{f}:3:7 : days : valeur incorrecte ; valeur donnée : 0 ; attendu : une valeur "
        "supérieure ou égale à 1",
        "",
        id="out of range",
    ),
    pytest.param(
        _edit("  MLI:\n", "  MLI:\n    resolve: 1.5\n"),
        "{f}:7:14 : actors.MLI.resolve : valeur incorrecte ; valeur donnée : 1.5 ; attendu : une "
        "valeur inférieure ou égale à 1",
        "",
        id="an actor's value out of range",
    ),
    pytest.param(
        _edit("    target: NER", "    target: NIG"),
        "{f}:15:13 : events.threat.target : ce n'est pas un État parmi les acteurs de ce "
        "scénario ; valeur donnée : « NIG » ; attendu : une valeur parmi « MLI », « NER », "
        "« NGA »",
        "vouliez-vous dire « NGA » ?",
        id="misspelt actor",
    ),
    pytest.param(
        _edit("  MLI:\n", "  MLII:\n"),
        "{f}:6:3 : actors.MLII : acteur inconnu « MLII » ; attendu : un identifiant de la base "
        "de faits (une valeur parmi « BEN »,",
        "vouliez-vous dire « MLI » ?",
        id="unknown actor",
    ),
    pytest.param(
        _edit("days: 30", "days: 30\ncommitment: strickt"),
        "{f}:4:13 : commitment : choix invalide ; valeur donnée : « strickt » ; attendu : une "
        "valeur parmi « behavioural », « strict »",
        "vouliez-vous dire « strict » ?",
        id="misspelt choice",
    ),
    pytest.param(
        _edit("start: 2023-08-10", "start: 2023-02-30"),
        "{f}:2:8 : start : 2023-02-30 n'est pas une vraie date (ce jour n'existe pas dans ce "
        "mois) ; valeur donnée : « 2023-02-30 »",
        "",
        id="impossible date",
    ),
    pytest.param(
        _edit("days: 30", "days: [30"),
        "{f}:4:7 : YAML invalide : « , » ou « ] » attendu, non trouvé (en lisant une liste en "
        "ligne) ; attendu : du YAML bien formé",
        "",
        id="bad YAML syntax",
    ),
    pytest.param(
        _edit("days: 30", "days: 30\ndays: 31"),
        "{f}:4:1 : days : clé « days » en double (donnée d'abord à la ligne 3) ; attendu : "
        "chaque clé une seule fois par table",
        "",
        id="duplicate key",
    ),
]


@pytest.mark.parametrize(("text", "expected", "suggestion"), SCENARIO_CASES)
def test_a_scenario_files_problems_are_said_in_french(sahelsim, write, text, expected, suggestion):
    path = write(text)
    result = sahelsim("run", str(path), "-n", "1", "--seed", "1", "--no-figures", "--lang", "fr")
    assert result.status == 2 and result.out == "" and "Traceback" not in result.err
    said = _plain(result.err)
    assert said.startswith("sahelsim : 1 problème trouvé :\n"), said
    line = said.splitlines()[1]
    assert line.startswith(expected.format(f=path)), line
    assert line.endswith(suggestion)
    assert english_left(result.err) == set(), result.err
    english = sahelsim("run", str(path), "-n", "1", "--seed", "1", "--no-figures")
    assert english.status == 2 and english.err.startswith("sahelsim: 1 problem found:\n")


def test_every_problem_of_a_file_is_said_in_french_at_once(sahelsim, write):
    text = _edit("days: 30", "dayz: 30\ncommitment: strickt").replace(
        "  MLI:\n", "  MLI:\n    resolve: 1.5\n  NIGR:\n"
    )
    path = write(text)
    result = sahelsim("explain", str(path), "--seed", "1", "--lang", "fr")
    assert result.status == 2
    said = _plain(result.err)
    assert said.startswith("sahelsim : 4 problèmes trouvés :\n")
    assert len(said.splitlines()) == 5 and english_left(result.err) == set(), result.err
    assert f"{path}:9:3 : actors.NIGR : acteur inconnu « NIGR »" in said


def test_a_set_override_and_a_missing_file_are_said_in_french(sahelsim, tmp_path):
    bad = sahelsim("run", "gambia-2017", "--set", "days=", "--set", "actors.XYZ.resolve=2",
                   "-n", "1", "--seed", "1", "--lang", "fr")  # fmt: skip
    assert bad.status == 2 and english_left(bad.err) == set(), bad.err
    said = _plain(bad.err)
    assert "--set days= : days : valeur incorrecte ; attendu : un nombre entier" in said
    assert "--set actors.XYZ.resolve=2 : actors.XYZ : acteur inconnu « XYZ »" in said
    missing = sahelsim("run", str(tmp_path / "nowhere.yaml"), "--lang", "fr")
    assert missing.status == 2 and english_left(missing.err) == set()
    assert f"{tmp_path / 'nowhere.yaml'} : fichier introuvable ; attendu : le chemin" in _plain(
        missing.err
    )
    named = sahelsim("explain", "gambia-2071", "--seed", "1", "--lang", "fr")
    assert named.status == 2 and english_left(named.err) == set()
    assert _plain(named.err).startswith("sahelsim : gambia-2071 : ni fichier ni scénario livré")
    assert _plain(named.err).rstrip().endswith("vouliez-vous dire « gambia-2017 » ?")


CLICK_CASES = [
    pytest.param(
        ["run", "gambia-2017", "--workers", "0"],
        "Erreur : Valeur invalide pour « --workers » / « -w » : 0 ; attendu : un nombre entier "
        "d'au moins 1",
        id="a value out of range",
    ),
    pytest.param(
        ["run", "gambia-2017", "--workers", "two"],
        "Erreur : Valeur invalide pour « --workers » / « -w » : « two » ; attendu : un nombre "
        "entier d'au moins 1",
        id="not a number",
    ),
    pytest.param(
        ["run", "gambia-2017", "--nope"],
        "Erreur : Option inconnue : « --nope ».",
        id="no such option",
    ),
    pytest.param(
        ["run", "gambia-2017", "--wrkers", "2"],
        "Erreur : Option inconnue : « --wrkers ». Vouliez-vous dire « --workers » ?",
        id="a misspelt option",
    ),
    pytest.param(
        ["run", "gambia-2017", "--executor", "mpi"],
        "Erreur : Valeur invalide pour « --executor » : « mpi » n'est pas l'une des valeurs "
        "« local », « dask ».",
        id="not a choice",
    ),
    pytest.param(
        ["compare", "gambia-2017"],
        "Erreur : Argument manquant : « B ».",
        id="a missing argument",
    ),
    pytest.param(
        ["run", "gambia-2017", "xyz"],
        "Erreur : Argument inattendu en trop (xyz)",
        id="an extra argument",
    ),
    pytest.param(
        ["explain", "gambia-2017"],
        "Erreur : Option manquante : « --seed » (ou --class-run FICHIER).",
        id="our own usage error",
    ),
]


@pytest.mark.parametrize(("args", "error"), CLICK_CASES)
def test_a_bad_flag_is_said_in_french(sahelsim, args, error):
    result = sahelsim(*args, "--lang", "fr")
    assert result.status == 2 and result.out == ""
    said = _plain(result.err)
    assert said.splitlines()[-1] == error, said
    assert said.startswith(f"Utilisation : sahelsim {args[0]} [OPTIONS]")
    assert f"Essayez « sahelsim {args[0]} --help --lang fr » pour l'aide." in said
    assert english_left(result.err) == set(), result.err
    english = sahelsim(*args)
    assert english.status == 2 and english.err.startswith(f"Usage: sahelsim {args[0]} [OPTIONS]")
    assert english.err.splitlines()[-1].startswith("Error: ")


def test_the_language_is_read_as_click_reads_it(sahelsim):
    # --lang=fr, --lang anywhere after the command, the last one given wins
    for args in (["--lang=fr"], ["--lang", "en", "--lang", "fr"]):
        said = sahelsim("run", "gambia-2017", "-n", "0", *args).err
        assert "Valeur invalide pour « --replicates »" in _plain(said)
    # a command without --lang, or a language that is not one, answers in English
    assert sahelsim("schema", "--lang", "fr").err.startswith("Usage:")
    assert "'de' is not one of 'en', 'fr'" in sahelsim("run", "--lang", "de").err
    # a command's help is said in French too (tests/test_french_help.py)
    assert _plain(sahelsim("run", "--lang", "fr", "--help").out).startswith(
        "Utilisation : sahelsim run"
    )


def test_an_existing_output_folder_is_refused_in_french(sahelsim, tmp_path):
    out = tmp_path / "taken"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    result = sahelsim("run", "gambia-2017", "-n", "1", "--seed", "1", "--out", str(out),
                      "--lang", "fr")  # fmt: skip
    assert result.status == 2 and english_left(result.err) == set(), result.err
    assert _plain(result.err) == (
        f"sahelsim : --out {out} : existe déjà et n'est pas un dossier vide ; attendu : un "
        "nouveau dossier (rien n'a été écrit, ce qui s'y trouve est donc intact)\n"
    )
    assert (out / "notes.txt").read_text() == "mine"
    (out / ".partial").mkdir()
    stopped = sahelsim("compare", "gambia-2017", "gambia-2017", "-n", "2", "--out", str(out),
                       "--lang", "fr")  # fmt: skip
    assert stopped.status == 2 and english_left(stopped.err) == set(), stopped.err
    assert "ajoutez --resume pour le finir" in _plain(stopped.err)
    a_file = tmp_path / "a-file"
    a_file.write_text("")
    sweep = sahelsim("sweep", "gambia-2017", "--param", "parameters.honour_base_rate=0:1:2",
                     "--out", str(a_file), "--lang", "fr")  # fmt: skip
    assert sweep.status == 2 and english_left(sweep.err) == set(), sweep.err
    assert f"Valeur invalide pour « --out » : Le dossier « {a_file} » est un fichier." in (
        _plain(sweep.err)
    )


def test_a_folder_that_is_not_a_results_bundle_is_said_in_french(sahelsim, tmp_path):
    nothing = sahelsim("report", str(tmp_path / "none"), "--lang", "fr")
    assert nothing.status == 2 and english_left(nothing.err) == set(), nothing.err
    assert _plain(nothing.err) == (
        f"sahelsim : {tmp_path / 'none'} : ce n'est pas un dossier ; attendu : un dossier de "
        "résultats écrit par « sahelsim run »\n"
    )
    half = tmp_path / "half"
    (half / ".partial").mkdir(parents=True)
    (half / "summary.csv").write_text("")
    stopped = sahelsim("report", str(half), "--lang", "fr")
    assert stopped.status == 2 and english_left(stopped.err) == set(), stopped.err
    said = _plain(stopped.err)
    assert "ce n'est pas un dossier de résultats complet (il contient .partial/ :" in said
    assert "il manque manifest.json, scenario.yaml" in said
    # a --resume of a folder that holds no stopped run
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x").write_text("")
    resumed = sahelsim("run", "gambia-2017", "-n", "2", "--seed", "1", "--resume",
                       "--out", str(tmp_path / "other"), "--lang", "fr")  # fmt: skip
    assert resumed.status == 2 and english_left(resumed.err) == set(), resumed.err
    assert _plain(resumed.err) == (
        f"sahelsim : --resume : {tmp_path / 'other'} ne contient aucune simulation interrompue "
        "(pas de dossier .partial/) ; attendu : le dossier --out d'une simulation qui a été "
        "arrêtée\n"
    )


def test_a_sweeps_and_a_sensitivity_analysis_mistakes_are_said_in_french(sahelsim):
    swept = sahelsim("sweep", "gambia-2017", "--param", "parameters.honor_base_rate=0:1:3",
                     "--lang", "fr")  # fmt: skip
    assert swept.status == 2 and english_left(swept.err) == set(), swept.err
    said = _plain(swept.err)
    assert said.startswith("sahelsim : --param parameters.honor_base_rate=0:1:3 : ")
    assert "clé inconnue « honor_base_rate »" in said
    assert said.rstrip().endswith("vouliez-vous dire « honour_base_rate » ?")
    ranged = sahelsim("sweep", "gambia-2017", "--param", "parameters.honour_base_rate=0:3:3",
                      "--lang", "fr")  # fmt: skip
    assert ranged.status == 2 and english_left(ranged.err) == set(), ranged.err
    assert (
        "3 est hors de la plage déclarée de parameters.honour_base_rate ; attendu : de 0 à 1 "
        in (_plain(ranged.err))
    )
    assert _plain(ranged.err).rstrip().endswith("(probabilité)")
    sobol = sahelsim("sensitivity", "gambia-2017", "--method", "sobol", "--n", "6", "--lang", "fr")
    assert sobol.status == 2 and english_left(sobol.err) == set(), sobol.err
    assert "--n 6 : l'échantillonnage de Sobol' demande une puissance de 2" in _plain(sobol.err)


def test_french_leaves_the_users_values_as_they_were_typed(sahelsim, write):
    # a value with French punctuation in it is not respaced; only the message around it is
    path = write(_edit("days: 30", "days: 'a: b; c?'"))
    result = sahelsim("run", str(path), "--lang", "fr")
    assert "« a: b; c? »" in result.err.replace(NARROW, " ")
    assert "a: b; c?" in result.err


def test_the_catalogues_spacing_is_french():
    for english in FRENCH:
        fields = dict.fromkeys(_fields(english), 1)
        spaced = said(Text(english, **fields) if fields else Text(english), "fr")
        assert not re.search(r" [:;?!»]|« ", spaced), english


def test_a_full_disk_is_said_in_french_with_the_systems_reason(sahelsim, monkeypatch, tmp_path):
    import errno
    import os

    from sim.run import folders

    where = tmp_path / "out" / "summary.csv"

    def full(out, resume=False):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(where))

    monkeypatch.setattr(folders, "prepare_out_dir", full)
    english = sahelsim("run", "gambia-2017", "-n", "1", "--seed", "1")
    assert english.status == 1 and english.err.startswith(
        f"sahelsim: no space left writing {where}"
    )
    result = sahelsim("run", "gambia-2017", "-n", "1", "--seed", "1", "--lang", "fr")
    assert result.status == 1 and english_left(result.err) == set(), result.err
    assert _plain(result.err) == (
        f"sahelsim : plus de place sur le disque en écrivant {where} (plus de place sur le "
        "disque) ; rien de terminé n'est perdu ; libérez de la place et relancez la même "
        "commande (avec --resume pour finir une simulation ou un balayage)\n"
    )


def test_the_install_command_a_message_gives_is_said_in_its_language():
    """A teacher read "... : pip install -e '.[teach]' (from the top folder of your sahelsim
    checkout)" under --lang fr: the phrase around the command is the message's language too."""
    from sim.errors import Text
    from sim.present.error_words import said
    from sim.resources import install_command

    for extra in ("teach", "dask", "analysis", "calibrate"):
        message = Text(
            "the app needs {packages}: {command}", packages="x", command=install_command(extra)
        )
        french, english = said(message, "fr"), said(message, "en")
        assert f"'.[{extra}]'" in french and f"'.[{extra}]'" in english
        assert "top folder" not in french and "checkout" not in french, french
