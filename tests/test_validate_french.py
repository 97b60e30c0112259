"""``sahelsim validate --lang fr``: what a student writing a scenario reads, wholly in French.

Each problem of an invalid file (located, as in English), the title of a valid scenario (its
French title), every note validating adds to it and the count of invalid files are said in
French, with no English word left; the English is what it was. Each note is a template of the
French catalogue (:data:`sim.scenario.loading.NOTES`), so a note written as an English f-string
fails here and in ``tests/test_french_errors.py``.
"""

from __future__ import annotations

import ast

from conftest import MINIMAL, REPO, civil_war_text
from test_french_errors import _plain, english_left
from test_french_terminal import _words
from test_pacts_left_out import SOFA, niger
from test_pursuit import _raid
from test_request import REQUEST, WAR
from test_shadowed_actors import text as shadowing
from test_stalemate import ONLY_THE_PARTIES, SOUTHERN_REBELS, SOUTHERN_RISING

from sim.errors import Text
from sim.present.error_words import FRENCH, said
from sim.scenario.loading import NOTES, check_sources

NO_BREAK = "\u00a0"


def _notes(output: str) -> list[str]:
    return [line.strip() for line in _plain(output).splitlines() if line.startswith("    note")]


def _validated_in_french(sahelsim, path, own: str = "") -> tuple[str, list[str]]:
    """The French output of validating ``path`` (valid): every line French, and its notes.

    The file's own words stay as written: its title (in English when it gives no French one)
    and ``own`` (its events' names).
    """
    result = sahelsim("validate", str(path), "--lang", "fr")
    assert result.status == 0, result.out + result.err
    title = _plain(result.out).splitlines()[0].partition(" : ")[2]
    assert english_left(result.out) - _words(f"{title} {own}") == set(), result.out
    assert "Traceback" not in result.err
    return result.out, _notes(result.out)


def test_an_invalid_file_is_said_in_french_each_problem_located(sahelsim, write):
    text = MINIMAL.replace("days: 30", "dayz: 30\ncommitment: strickt").replace(
        "  MLI:\n", "  MLI:\n    resolve: 1.5\n"
    )
    path = write(text, "bad.yaml")
    good = write(MINIMAL, "good.yaml")
    result = sahelsim("validate", str(good), str(path), "--lang", "fr")
    assert result.status == 2 and "Traceback" not in result.err
    assert english_left(result.out) - {"scenario"} == set(), result.out  # its title's
    lines = _plain(result.out).splitlines()
    assert lines[0] == f"ok  {good} : A minimal scenario"  # the file's title, as written
    problems = [line for line in lines if line.startswith(f"{path}:")]
    assert len(problems) == 3
    assert lines[-4:-1] == problems
    assert problems[0].startswith(f"{path}:3:1 : dayz : clé inconnue « dayz » ;")
    assert problems[0].endswith("vouliez-vous dire « days » ?")
    assert (
        f"{path}:4:13 : commitment : choix invalide ; valeur donnée : « strickt »" in (problems[1])
    )
    assert problems[2].startswith(f"{path}:8:14 : actors.MLI.resolve : valeur incorrecte")
    assert lines[-1] == "1 scénario(s) sur 2 invalide(s)"
    assert f"{path}:3:1{NO_BREAK}: dayz{NO_BREAK}:" in result.out  # French spacing
    # The English is what it was.
    english = sahelsim("validate", str(good), str(path))
    assert english.status == 2
    assert english.out.splitlines()[0] == f"ok  {good}: A minimal scenario"
    assert english.out.splitlines()[-4].startswith(f"{path}:3:1: dayz: unknown key 'dayz';")
    assert english.out.splitlines()[-1] == "1 of 2 scenario(s) invalid"


def test_a_missing_file_is_said_in_french(sahelsim, tmp_path):
    result = sahelsim("validate", str(tmp_path / "nowhere.yaml"), "--lang", "fr")
    assert result.status == 2 and english_left(result.out) == set(), result.out
    assert _plain(result.out).startswith(f"{tmp_path / 'nowhere.yaml'} : fichier introuvable")
    assert _plain(result.out).splitlines()[-1] == "1 scénario(s) sur 1 invalide(s)"


def test_a_bundled_scenario_is_titled_in_french_with_its_notes(sahelsim):
    out, notes = _validated_in_french(sahelsim, "niger-2023-base")
    assert _plain(out).splitlines()[0] == (
        "ok  niger-2023-base : Le Niger, août 2023 - la CEDEAO menace d'employer la force"
    )
    assert (
        "note : pour les forces armées du Sénégal (SEN), la base de faits donne le chiffre de "
        "2008 (14 000), à 15 ans du début du scénario (2023) ; donnez à actors.SEN.forces un "
        "chiffre de l'époque si vous en avez un"
    ) in notes
    assert any(n.startswith("note : La CEDEAO décide selon des pactes en jeu (") for n in notes)
    assert (
        "note : liptako-gourma-charter entre en vigueur le 2023-09-16, pendant la simulation : "
        "une guerre en cours ce jour-là n'est couverte par ce pacte qu'à partir de ce jour, et "
        "non depuis son premier jour (docs/model.md §7.3)"
    ) in notes
    assert "7\u202f800" not in out and "14\u202f000" in out  # a figure grouped the French way
    english = sahelsim("validate", "niger-2023-base")
    assert english.out.startswith("ok  niger-2023-base: Niger, August 2023")
    assert "    note: Senegal's (SEN) armed forces are the fact base's 2008 figure (14,000)" in (
        english.out
    )


def test_a_rebellion_without_backers_and_a_body_short_of_members_in_french(sahelsim):
    out, notes = _validated_in_french(sahelsim, "lesson-5-asked-not-bound")
    assert _plain(out).startswith("ok  lesson-5-asked-not-bound : Leçon 5 - Sollicité, pas tenu")
    [guerrillas] = [n for n in notes if "(ISL)" in n]
    assert guerrillas.startswith("note : La coalition jihadiste (Ansar Dine, AQMI, MUJAO) (ISL) "
                                 "n'a aucun soutien et n'est pas une faction : en guerre contre "
                                 "MLI, ses combattants mènent une guérilla")  # fmt: skip
    [members] = [n for n in notes if "CEDEAO" in n]
    assert "6 de ses 15 membres en règle le 2013-01-10 sont acteurs du scénario" in members


def test_figures_far_from_the_start_and_a_single_member_in_french(sahelsim, write):
    text = (
        MINIMAL.replace("start: 2023-08-10", "start: 2000-03-22")
        .replace("date: 2023-08-10", "date: 2000-03-22")
        .replace("deadline: 2023-08-24", "deadline: 2000-03-29")
        .replace("pacts:\n  liptako-gourma-charter:\n", "pacts:\n  ecowas-mechanism-1999:\n")
    )
    _, notes = _validated_in_french(sahelsim, write(text))
    assert (
        "note : pour les forces armées du Mali (MLI), la base de faits donne le chiffre de 2009 "
        "(7 800), à 9 ans du début du scénario (2000) ; donnez à actors.MLI.forces un chiffre de "
        "l'époque si vous en avez un"
    ) in notes
    [members] = [n for n in notes if "CEDEAO" in n]
    assert members.startswith(
        "note : La CEDEAO décide selon des pactes en jeu (ecowas-mechanism-1999) : 3 de ses 16 "
        "membres en règle le 2000-03-22 sont acteurs du scénario, et seuls ceux-là votent"
    )
    # a single member present is one actor (Niger and Mali suspended in August 2023)
    ecowas = MINIMAL.replace(
        "pacts:\n  liptako-gourma-charter:\n", "pacts:\n  ecowas-mechanism-1999:\n"
    )
    _, notes = _validated_in_french(sahelsim, write(ecowas, "ecowas.yaml"))
    [members] = [n for n in notes if "CEDEAO" in n]
    assert " : 1 de ses 11 membres en règle le 2023-08-10 est acteur du scénario, et " in members


def test_a_rebel_armys_own_figure_and_french_names_in_french(sahelsim, write):
    text = civil_war_text(value=3000).replace("start: 1998-06-07", "start: 2012-06-07")
    text = text.replace("date: 1998-06-07", "date: 2012-06-07")
    portugal = (
        "  PRT:\n    kind: state\n    name: Portugal\n    name_fr: Portugal\n"
        "    sources: [https://example.org/portugal]\n    forces:\n      value: 30000\n"
        "      year: 2012\n      unit: personnel\n      source: https://example.org/figure\n"
    )
    _, notes = _validated_in_french(
        sahelsim, write(text.replace("actors:\n", "actors:\n" + portugal))
    )
    assert (
        "note : pour les forces de l'Armée rebelle (REB), le scénario donne son propre chiffre "
        "de 1998 (3 000), à 14 ans de son début (2012) ; vérifiez actors.REB.forces"
    ) in notes
    assert any(n.startswith("note : L'Armée rebelle (REB) n'a aucun soutien") for n in notes)
    assert (
        "note : actors.PRT.name_fr (« Portugal ») n'a pas d'article : les noms s'écrivent tels "
        "qu'ils se lisent dans une phrase, et les récits en français les placent après des "
        "prépositions ; écrivez l'article si le nom en prend un (le Portugal, la Libye, "
        "l'Algérie, les Comores)"
    ) in notes
    capital = text.replace("actors:\n", "actors:\n" + portugal.replace("name_fr: Portugal",
                                                                      "name_fr: Le Portugal"))  # fmt: skip
    _, notes = _validated_in_french(sahelsim, write(capital, "capital.yaml"))
    assert (
        "note : actors.PRT.name_fr (« Le Portugal ») commence par son article : écrivez-le en "
        "minuscule, avec une apostrophe droite (« le Portugal »), pour que les récits en "
        "français puissent le contracter après une préposition (du, au, de l')"
    ) in notes


def test_a_request_with_nothing_to_help_against_in_french(sahelsim, write):
    early = REQUEST.replace("2013-01-11", "2013-01-09")
    text = WAR.format(commitment="strict", request=early).replace("2013-01-10", "2013-01-08", 1)
    _, notes = _validated_in_french(sahelsim, write(text), own="ask")
    assert (
        "note : demande d'aide ask (2013-01-09) : aucune invasion de MLI n'est prévue à cette "
        "date ou avant, et aucun groupe armé du scénario n'y opère ; elle ne trouve donc rien "
        "contre quoi aider, à moins que la simulation ne déclenche une guerre d'ici là"
    ) in notes
    struck = text.replace("    date: 2013-01-10\n    by: REB", "    date: 2013-01-08\n    by: NGA")
    struck = struck.replace("    target: MLI\n", "    target: MLI\n    scale: incident\n", 1)
    _, notes = _validated_in_french(sahelsim, write(struck, "struck.yaml"), own="ask")
    assert any("(un incident causé par un État ne déclenche aucune guerre)" in n for n in notes)


def test_pacts_left_out_and_a_files_own_actors_in_french(sahelsim, write):
    _, notes = _validated_in_french(sahelsim, write(niger()))
    [left] = [n for n in notes if "laissés de côté" in n]
    assert left.startswith("note : des pactes de la base de faits laissés de côté pourraient "
                           "répondre à un événement du fichier (")  # fmt: skip
    assert f"{SOFA} (USA pour NER) ; " in left  # the pacts joined with French spacing
    both = niger(pacts=f"  {SOFA}:\n") + f"pacts_left_out:\n  {SOFA}: no record\n"
    _, notes = _validated_in_french(sahelsim, write(both, "both.yaml"))
    assert f"note : pacts_left_out nomme {SOFA}, mis aussi en jeu sous « pacts: » ;" in notes[0]
    _, notes = _validated_in_french(sahelsim, write(shadowing(), "own.yaml"))
    assert any(
        n.startswith("note : actors.CMR est défini dans le fichier et désigne aussi le Cameroun "
                     "de la base de faits : la simulation utilise la définition du fichier")
        for n in notes
    )  # fmt: skip


def test_wars_no_state_can_broker_and_a_strike_without_escapes_in_french(sahelsim, write):
    two_wars = ONLY_THE_PARTIES.format(
        home="GNB", extra="", more="  SEN:\n" + SOUTHERN_REBELS, events=SOUTHERN_RISING
    )
    _, notes = _validated_in_french(sahelsim, write(two_wars))
    assert (
        "note : les seuls États du scénario restés hors de la guerre que déclenche events.revolt "
        "(REB contre GNB) combattent dans events.southern ; aucun ne peut donc y négocier un "
        "cessez-le-feu tant que cette guerre dure : un médiateur ne combat dans aucune guerre, "
        "ne soutient aucun des deux camps et ne frappe ni l'un ni l'autre (docs/model.md §7.8, "
        "règle 5) ; si un État a servi de médiateur, ajoutez-le sous « actors: »"
    ) in notes
    raid = _raid(target="MLI", fighters="    fighters: 1\n", parameters="")
    _, notes = _validated_in_french(sahelsim, write(raid, "raid.yaml"))
    assert any(
        n.startswith("note : events.raid : compte ceux qui ont frappé (« fighters: 1 ») mais pas "
                     "ceux qui se sont échappés : avec pursuit_threshold à ")
        for n in notes
    )  # fmt: skip


def test_every_note_is_a_template_of_the_catalogue():
    """Each note validating writes is a Text whose template has its French."""
    for checked in check_sources(["niger-2023-base", "lesson-5-asked-not-bound", "gambia-2017"]):
        assert checked.notes
        for note in checked.notes:
            assert isinstance(note, Text) and note.template in FRENCH, note
            assert said(note, "fr") != str(note)


def _bare_notes(tree: ast.Module, names: set[str]) -> list[str]:
    """Notes written as English strings in the functions ``names``: an f-string or a string
    appended to the notes, or an element of a list (or a list comprehension) they return."""
    bare = []
    for function in tree.body:
        if not isinstance(function, ast.FunctionDef) or function.name not in names:
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in (
                "append",
                "extend",
            ):
                found = node.args
            elif isinstance(node, ast.ListComp):
                found = [node.elt]
            elif isinstance(node, ast.List | ast.Tuple):
                found = node.elts
            else:
                continue
            bare += [
                f"{function.name}:{node.lineno}"
                for value in found
                if isinstance(value, ast.JoinedStr)
                or (isinstance(value, ast.Constant) and isinstance(value.value, str))
                or (isinstance(value, ast.BinOp) and isinstance(value.left, ast.JoinedStr))
            ]
    return bare


def test_no_note_is_written_as_an_english_f_string():
    loading = REPO / "sim" / "scenario" / "loading.py"
    assert {note.__module__ for note in NOTES} == {"sim.scenario.loading"}
    names = {note.__name__ for note in NOTES}
    assert len(names) == 12
    assert _bare_notes(ast.parse(loading.read_text(encoding="utf-8")), names) == []
    # the scan finds a note written the old way
    old = ast.parse(
        "def later(s):\n    return [f'{p} comes into force' for p in s]\n"
        "def gaps(s):\n    notes = []\n    notes.append(f'{s} is far')\n    return notes\n"
        "def both(s):\n    return [f'names {s}', 'plain words']\n"
    )
    assert len(_bare_notes(old, {"later", "gaps", "both"})) == 4
