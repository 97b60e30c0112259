"""The commands' help in French: what ``--help`` says when the command line has ``--lang fr``.

The help is written once, in English, where the commands are declared (:mod:`sim.cli`: each
command's docstring, each option's help, the group's epilog). :data:`FRENCH` gives the French of
each of its pieces, keyed by the English as :mod:`sim.present.error_words` is, so that a piece
without its French, or a French whose English is gone, fails ``tests/test_french_help.py``.

A piece is what a translator translates whole (:func:`pieces`): a paragraph of a docstring
(written on one line, as click joins its lines), an option's help, a heading of the examples
("Examples:") or a comment of theirs. The examples' commands are not pieces: they are what the
user types, kept as written in English, so that they are written once. The placeholders click
prints (``INTEGER RANGE``, ``PATH=VALUE``, ``SCENARIO``) are French words too (:data:`METAVARS`);
the options, the commands and the values typed (``--workers``, ``run``, ``[en|fr]``, a default
of ``45.0``) stay as typed.

French spacing is set as in the errors: a no-break space where the French is written with a
space before ":", ";", "?", "!" or inside « » (:func:`sim.present.error_words.spaced`).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator, Mapping

from sim.numbers import localised
from sim.present.error_words import CLICK_PLACEHOLDERS, CLICK_USAGE, spaced
from sim.present.french import NARROW, NO_BREAK
from sim.run.options import (
    DEFAULT_OUTCOMES,
    PRECISION_CAP,
    SENSITIVITY_REPLICATES,
    SENSITIVITY_SAMPLES,
    SERIES_SAMPLE,
    SWEEP_REPLICATES,
    Sample,
)

_OUTCOMES = ", ".join(DEFAULT_OUTCOMES)
_MORRIS, _SOBOL = SENSITIVITY_SAMPLES[Sample.MORRIS], SENSITIVITY_SAMPLES[Sample.SOBOL]
_PERCENT = f"{NARROW}%"  # French puts a thin no-break space before "%"

FRENCH: dict[str, str] = {
    # ------------------------------------------------------------------- click's own
    "Show this message and exit.": "Afficher ce message et quitter.",
    "Show the version and exit.": "Afficher la version et quitter.",
    # ------------------------------------------------------------------ the examples
    "Examples:": "Exemples :",
    "Example:": "Exemple :",
    "the flagship, niger-2023-intervention": "le scénario phare, niger-2023-intervention",
    "finish a sweep that was stopped": "finir un balayage interrompu",
    # --------------------------------------------------------------------- sahelsim
    "Simulate mutual-defence scenarios in the Sahel: AES, ECOWAS, outside powers, armed groups.": (
        "Simuler des scénarios de défense mutuelle au Sahel : AES, CEDEAO, puissances "
        "extérieures, groupes armés."
    ),
    "Run 'sahelsim COMMAND --help' for a command's options. Outputs are not forecasts.": (
        "Lancez « sahelsim COMMANDE --help --lang fr » pour les options d'une commande. Les "
        "résultats ne sont pas des prévisions."
    ),
    "Language of this help, and of the command that follows when it takes --lang (sahelsim "
    "--lang fr run is sahelsim run --lang fr).": (
        "Langue de cette aide, et de la commande qui suit quand elle prend --lang (sahelsim "
        "--lang fr run équivaut à sahelsim run --lang fr)."
    ),
    # ------------------------------------------------------- options several commands share
    "Override one value of the scenario, as PATH=VALUE with a dotted path (e.g. "
    "parameters.honour_base_rate=0.5, actors.NGA.resolve=0.3, commitment=strict). Repeatable.": (
        "Remplacer une valeur du scénario, sous la forme CHEMIN=VALEUR avec un chemin pointé "
        "(par ex. parameters.honour_base_rate=0.5, actors.NGA.resolve=0.3, commitment=strict). "
        "Répétable."
    ),
    "A summary column to estimate and plot (e.g. war_occurred, obligations_honoured). "
    f"Repeatable; default: {_OUTCOMES}.": (
        "Une colonne du résumé à estimer et à tracer (par ex. war_occurred, "
        f"obligations_honoured). Répétable ; par défaut : {_OUTCOMES}."
    ),
    "Number of replicates (default: the scenario's ensemble.replicates).": (
        "Nombre de réplications (par défaut : ensemble.replicates du scénario)."
    ),
    "Root seed (default: the scenario's, else drawn, printed and recorded).": (
        "Graine racine (par défaut : celle du scénario, sinon tirée au hasard, affichée et "
        "enregistrée)."
    ),
    "Local worker processes; results are identical whatever the number.": (
        "Processus de calcul locaux ; les résultats sont identiques quel que soit leur nombre."
    ),
    "Bundle folder to create (default: a new folder under runs/).": (
        "Dossier de résultats à créer (par défaut : un nouveau dossier dans runs/)."
    ),
    "Language of the summary, figures and narrative.": (
        "Langue du résumé, des figures et du récit."
    ),
    "Print only the bundle's path.": "N'écrire que le chemin du dossier de résultats.",
    "Draw the figures (and a run's report.html); skip them for speed (`sahelsim report "
    "RUN_DIR` draws a run's later).": (
        "Tracer les figures (et le report.html d'une simulation) ; s'en passer pour aller plus "
        "vite (`sahelsim report DOSSIER` trace plus tard celles d'une simulation)."
    ),
    "The model parameters' single values, or a draw per replicate from a posterior (from its "
    "seed, so the bytes are the same whatever the workers); values the scenario or --set fixes "
    "are kept.": (
        "Les valeurs fixes des paramètres du modèle, ou un tirage par réplication dans une loi a "
        "posteriori (à partir de sa graine : les octets sont donc les mêmes quel que soit le "
        "nombre de processus) ; les valeurs que fixe le scénario ou --set sont gardées."
    ),
    "The posterior.csv to draw from with --parameters posterior (default: the one shipped with "
    "sahelsim; `sahelsim calibrate` writes one).": (
        "Le posterior.csv où tirer avec --parameters posterior (par défaut : celui livré avec "
        "sahelsim ; `sahelsim calibrate` en écrit un)."
    ),
    "Finish stopped work in its --out folder, without recomputing what was done.": (
        "Finir un travail interrompu dans son dossier --out, sans refaire ce qui est fait."
    ),
    "Local worker processes, or a Dask cluster (a LocalCluster of --workers, or --scheduler).": (
        "Processus de calcul locaux, ou une grappe Dask (un LocalCluster de --workers processus, "
        "ou --scheduler)."
    ),
    "Address of an existing Dask scheduler, e.g. tcp://10.0.0.5:8786 (with --executor dask).": (
        "Adresse d'un ordonnanceur Dask existant, par ex. tcp://10.0.0.5:8786 (avec --executor "
        "dask)."
    ),
    f"Replicates per point, on the same seeds at every point (default {SWEEP_REPLICATES}).": (
        "Réplications par point, sur les mêmes graines à chaque point (par défaut "
        f"{SWEEP_REPLICATES})."
    ),
    f"Replicates per point, on the same seeds at every point (default {SENSITIVITY_REPLICATES}).": (
        "Réplications par point, sur les mêmes graines à chaque point (par défaut "
        f"{SENSITIVITY_REPLICATES})."
    ),
    # --------------------------------------------------------------------- validate
    "Check scenario files (paths or bundled names); print one line per problem.": (
        "Vérifier des fichiers de scénario (chemins ou noms de scénarios livrés) ; écrire une "
        "ligne par problème."
    ),
    "Language of the problems, the titles and the notes.": (
        "Langue des problèmes, des titres et des notes."
    ),
    # -------------------------------------------------------------------------- run
    "Run an ensemble of a scenario and write a results bundle.": (
        "Lancer un ensemble de réplications d'un scénario et écrire un dossier de résultats."
    ),
    f"Daily series of a sample of replicates ({SERIES_SAMPLE}), or of all (compressed CSV).": (
        f"Séries quotidiennes d'un échantillon de réplications ({SERIES_SAMPLE}), ou de toutes "
        "(CSV compressé)."
    ),
    "Add replicates until every reported probability's 95 % interval is within ± this "
    f"(--replicates is then the cap; default cap {PRECISION_CAP:,}).": (
        f"Ajouter des réplications jusqu'à ce que l'intervalle à 95{_PERCENT} de chaque "
        "probabilité rapportée tienne dans ± cette valeur (--replicates est alors le plafond ; "
        f"plafond par défaut : {localised(f'{PRECISION_CAP:,}', 'fr')})."
    ),
    # ---------------------------------------------------------------------- compare
    "Run two scenarios on the same replicate seeds and compare them, replicate by replicate.": (
        "Lancer deux scénarios sur les mêmes graines de réplication et les comparer, réplication "
        "par réplication."
    ),
    "Differences are B minus A with 95 % intervals from the paired replicates (common random "
    "numbers), so they measure what changes between the scenarios, not noise. --set changes "
    "both; --set-b changes B alone, so a scenario can be set against a variant of itself.": (
        f"Les différences sont B moins A, avec des intervalles à 95{_PERCENT} tirés des "
        "réplications appariées (nombres aléatoires communs) : elles mesurent donc ce qui change "
        "d'un scénario à l'autre, et non le bruit. --set change les deux ; --set-b ne change que "
        "B, si bien qu'un scénario peut être opposé à une variante de lui-même."
    ),
    "Override one value of B only, after --set: a scenario against a variant of itself (e.g. "
    "events.NAME.enabled=false, commitment=strict). Repeatable.": (
        "Remplacer une valeur de B seulement, après --set : un scénario face à une variante de "
        "lui-même (par ex. events.NOM.enabled=false, commitment=strict). Répétable."
    ),
    # ---------------------------------------------------------------------- explain
    "Tell the story of one replicate, from its event records alone.": (
        "Raconter l'histoire d'une réplication, à partir de ses seuls enregistrements d'événements."
    ),
    "The replicate runs with the parameters a bundle's replicate of that seed ran with (the same "
    "draw from the posterior, or the single values with --parameters point), so the story is the "
    "one behind that replicate's row.": (
        "La réplication tourne avec les paramètres de la réplication de même graine d'un dossier "
        "de résultats (le même tirage dans la loi a posteriori, ou les valeurs fixes avec "
        "--parameters point) : le récit est donc celui qui se cache derrière la ligne de cette "
        "réplication."
    ),
    "The replicate's seed: a bundle's summary.csv gives each replicate's (a backtest's too, in "
    "its episode's folder; the backtest's own --seed is the root they come from), or any number; "
    "required unless --class-run is given.": (
        "La graine de la réplication : le summary.csv d'un dossier de résultats donne celle de "
        "chaque réplication (celui d'une rétro-évaluation aussi, dans le dossier de son "
        "épisode ; le --seed de la rétro-évaluation est la racine dont elles viennent), ou "
        "n'importe quel nombre ; obligatoire sauf avec --class-run."
    ),
    "Tell again one world of a class (a file `sahelsim teach --class --save` wrote): its "
    "scenario, seed and parameters, with the decisions its players took (refused if the "
    "posterior, shipped or --posterior, is not the one the class ran with).": (
        "Raconter de nouveau un monde d'une classe (un fichier écrit par `sahelsim teach --class "
        "--save`) : son scénario, sa graine et ses paramètres, avec les décisions qu'y ont prises "
        "ses joueurs (refusé si la loi a posteriori, livrée ou --posterior, n'est pas celle avec "
        "laquelle la classe a joué)."
    ),
    # ------------------------------------------------------------------------ teach
    "Open the classroom app: step a scenario on a map, in English or French, offline.": (
        "Ouvrir l'application de classe : dérouler un scénario pas à pas sur une carte, en "
        "anglais ou en français, hors ligne."
    ),
    "Port on 127.0.0.1 (default: the first free one from 8765; 8800 with --class).": (
        "Port sur 127.0.0.1 (par défaut : le premier libre à partir de 8765 ; 8800 avec --class)."
    ),
    "The class plays: students join from their phones on the local network and take the "
    "decisions of the roles they are given (default scenario: niger-2023-base).": (
        "La classe joue : les élèves la rejoignent depuis leur téléphone, sur le réseau local, et "
        "prennent les décisions des rôles qui leur sont donnés (scénario par défaut : "
        "niger-2023-base)."
    ),
    "With --class: how many parallel worlds, one per group of students (1 to 8).": (
        "Avec --class : combien de mondes parallèles, un par groupe d'élèves (de 1 à 8)."
    ),
    "With --class: seconds a player has to answer before the model's own rule decides.": (
        "Avec --class : le nombre de secondes dont dispose un joueur pour répondre avant que la "
        "règle du modèle ne décide."
    ),
    "With --class: a folder where each world's decisions are saved after every one, for "
    "`sahelsim explain --class-run`.": (
        "Avec --class : un dossier où les décisions de chaque monde sont enregistrées après "
        "chacune, pour `sahelsim explain --class-run`."
    ),
    "With --class: the address phones reach (default: this machine's on the local network); the "
    "app listens there and on 127.0.0.1 only.": (
        "Avec --class : l'adresse que joignent les téléphones (par défaut : celle de cette "
        "machine sur le réseau local) ; l'application n'écoute que là et sur 127.0.0.1."
    ),
    "Only print the address; do not open a browser.": (
        "Écrire seulement l'adresse ; ne pas ouvrir de navigateur."
    ),
    "Instead of serving, write an animated GIF of the map over one replicate.": (
        "Au lieu de servir l'application, écrire un GIF animé de la carte au fil d'une réplication."
    ),
    "The replicate's seed for --gif and --class.": (
        "La graine de la réplication pour --gif et --class."
    ),
    "Days between the frames of --gif (the last day is always a frame).": (
        "Jours entre les images de --gif (le dernier jour est toujours une image)."
    ),
    # ----------------------------------------------------------------------- report
    "Write RUN_DIR/report.html: one self-contained file (figures embedded, no network).": (
        "Écrire DOSSIER/report.html : un seul fichier autonome (figures incluses, sans réseau)."
    ),
    "Language of the report and figures  [default: the report's own, else the run's]": (
        "Langue du rapport et des figures  [par défaut : celle du rapport, sinon celle de la "
        "simulation]"
    ),
    # ------------------------------------------------------------------------- list
    "List the bundled scenarios and lessons with their titles.": (
        "Lister les scénarios et les leçons livrés, avec leurs titres."
    ),
    "Language of the titles and descriptions.": "Langue des titres et des descriptions.",
    # ------------------------------------------------------------------------ sweep
    "Run a scenario at many parameter values, every point on the same replicate seeds.": (
        "Lancer un scénario pour de nombreuses valeurs de paramètres, chaque point sur les mêmes "
        "graines de réplication."
    ),
    "Writes points.csv, results.csv (one row per point and replicate), means.csv, manifest.json "
    "and a figure per outcome (a line for one parameter, a heat map for two on a grid).": (
        "Écrit points.csv, results.csv (une ligne par point et par réplication), means.csv, "
        "manifest.json et une figure par résultat (une courbe pour un paramètre, une carte de "
        "chaleur pour deux sur une grille)."
    ),
    "A value to sweep, as a dotted path (parameters.honour_base_rate, actors.NGA.resolve): N "
    "evenly spaced values from LO to HI on a grid; PATH=LO:HI, or PATH alone for its declared "
    "range, with --sample lhs. Repeatable (a grid crosses them all).": (
        "Une valeur à balayer, donnée par un chemin pointé (parameters.honour_base_rate, "
        "actors.NGA.resolve) : N valeurs régulièrement espacées de BAS à HAUT sur une grille ; "
        "CHEMIN=BAS:HAUT, ou CHEMIN seul pour sa plage déclarée, avec --sample lhs. Répétable "
        "(une grille les croise toutes)."
    ),
    "A full grid, or a Latin hypercube of --n points drawn from the root seed.": (
        "Une grille complète, ou un hypercube latin de --n points tirés à partir de la graine "
        "racine."
    ),
    "Points of --sample lhs.": "Nombre de points de --sample lhs.",
    # ------------------------------------------------------------------ sensitivity
    "Rank the parameters by how much they move each outcome (global sensitivity, SALib).": (
        "Classer les paramètres selon l'effet de chacun sur chaque résultat (sensibilité "
        "globale, SALib)."
    ),
    "Every sample point runs the same replicate seeds (common random numbers). Writes "
    "indices.csv (ranked, with 95 % intervals), summary.txt (in plain words), a bar figure per "
    "outcome, and the sweep's points.csv, results.csv, means.csv and manifest.json.": (
        "Chaque point de l'échantillon tourne sur les mêmes graines de réplication (nombres "
        f"aléatoires communs). Écrit indices.csv (classés, avec leurs intervalles à 95{_PERCENT}), "
        "summary.txt (en toutes lettres), un diagramme en barres par résultat, et les "
        "points.csv, results.csv, means.csv et manifest.json du balayage."
    ),
    "Morris screening (cheap: ranks the parameters) or Sobol' variance indices (costlier).": (
        "Criblage de Morris (peu coûteux : il classe les paramètres) ou indices de variance de "
        "Sobol' (plus coûteux)."
    ),
    "A parameter to vary over its declared range (kill_rate, or a path such as "
    "actors.NGA.resolve). Repeatable; default: every model parameter that is not a whole "
    "number.": (
        "Un paramètre à faire varier sur sa plage déclarée (kill_rate, ou un chemin comme "
        "actors.NGA.resolve). Répétable ; par défaut : chaque paramètre du modèle qui n'est pas "
        "un nombre entier."
    ),
    f"Morris trajectories (default {_MORRIS}), or Sobol' base samples, a power of 2 (default "
    f"{_SOBOL}).": (
        f"Trajectoires de Morris (par défaut {_MORRIS}), ou échantillons de base de Sobol', une "
        f"puissance de 2 (par défaut {_SOBOL})."
    ),
    # --------------------------------------------------------------------- backtest
    "Score the model against history: every episode's observed items, Brier and log scores.": (
        "Confronter le modèle à l'histoire : les éléments observés de chaque épisode, scores de "
        "Brier et logarithmique."
    ),
    "Each episode (a scenario with an observed: block) runs on the same replicate seeds. Writes a "
    "bundle per episode, backtest.csv (one row per episode and item), scores.json, report.md and "
    "figures/reliability.png; prints the items, failures first, and the scores against two naive "
    "baselines. No test requires the model to match history: this measures how far it is.": (
        "Chaque épisode (un scénario avec un bloc observed:) tourne sur les mêmes graines de "
        "réplication. Écrit un dossier de résultats par épisode, backtest.csv (une ligne par "
        "épisode et par élément), scores.json, report.md et figures/reliability.png ; affiche les "
        "éléments, les échecs d'abord, et les scores face à deux références naïves. Aucun test "
        "n'exige que le modèle concorde avec l'histoire : ceci mesure de combien il s'en écarte."
    ),
    "An episode to score: a bundled scenario or one of scenarios/history/ or scenarios/held-out/, "
    "by name or path. Repeatable; default: every training episode (a bundled scenario or one of "
    "scenarios/history/ with an observed: block).": (
        "Un épisode à évaluer : un scénario livré ou l'un de scenarios/history/ ou de "
        "scenarios/held-out/, par son nom ou son chemin. Répétable ; par défaut : chaque épisode "
        "d'entraînement (un scénario livré ou l'un de scenarios/history/ avec un bloc observed:)."
    ),
    "Score the held-out episodes (scenarios/held-out/) instead: crises never used to fit the "
    "model, to test it out of sample.": (
        "Évaluer plutôt les épisodes réservés (scenarios/held-out/) : des crises jamais utilisées "
        "pour caler le modèle, pour l'éprouver hors échantillon."
    ),
    "Replicates per episode, on the same seeds in every episode (default: the first episode's "
    "ensemble.replicates).": (
        "Réplications par épisode, sur les mêmes graines dans chaque épisode (par défaut : "
        "ensemble.replicates du premier épisode)."
    ),
    "Root seed, shared by every episode (default: the first episode's, else drawn).": (
        "Graine racine, commune à tous les épisodes (par défaut : celle du premier épisode, sinon "
        "tirée au hasard)."
    ),
    "Folder to create, with one bundle per episode (default: a new folder under runs/).": (
        "Dossier à créer, avec un dossier de résultats par épisode (par défaut : un nouveau "
        "dossier dans runs/)."
    ),
    "Print the scores as JSON, and nothing else.": "Écrire les scores en JSON, et rien d'autre.",
    "Language of the table, the figure and report.md.": (
        "Langue du tableau, de la figure et de report.md."
    ),
    "Draw the reliability diagram.": "Tracer le diagramme de fiabilité.",
    "Also run each episode with each ranged fact-base figure (forces, fighters) at its cited low "
    "and high, on the same seeds; writes robustness.csv (multiplies the work).": (
        "Lancer aussi chaque épisode avec chaque chiffre de la base de faits donné en fourchette "
        "(forces, combattants) à sa borne basse puis à sa borne haute citées, sur les mêmes "
        "graines ; écrit robustness.csv (multiplie le travail)."
    ),
    # ------------- commands without --lang: their first sentence, in the list of commands
    "Print the JSON Schema of scenario files (for editors' YAML support).": (
        "Écrire le schéma JSON des fichiers de scénario (pour les éditeurs qui lisent le YAML)."
    ),
    "Fit the free model parameters to the training episodes (ABC-SMC with pyABC).": (
        "Caler les paramètres libres du modèle sur les épisodes d'entraînement (ABC-SMC avec "
        "pyABC)."
    ),
}
"""Each piece of the English help (the key, as written in :mod:`sim.cli`) and its French."""

CLICK_HELP: dict[str, str] = {
    "Options": "Options",
    "Commands": "Commandes",
    "default: {default}": f"par{NO_BREAK}défaut : {{default}}",  # no "[par" alone at a line's end
    "required": "obligatoire",
}
"""The words click adds to a help (its gettext ids) and their French: the sections' headings and
what it puts in brackets after an option's help."""

METAVARS: dict[str, str] = {
    **CLICK_PLACEHOLDERS,
    "INTEGER RANGE": "ENTIER",
    "FLOAT RANGE": "DÉCIMAL",
    "INTEGER": "ENTIER",
    "FLOAT": "DÉCIMAL",
    "TEXT": "TEXTE",
    "DIRECTORY": "DOSSIER",
    "FILE": "FICHIER",
    "PATH": "CHEMIN",
    "VALUE": "VALEUR",
    "COLUMN": "COLONNE",
    "ADDRESS": "ADRESSE",
    "NAME": "NOM",
    "LO": "BAS",
    "HI": "HAUT",
}
"""The placeholders click prints in a usage line and before an option's help, in French: the
usage lines' of the errors (:data:`~sim.present.error_words.CLICK_PLACEHOLDERS`), a kind of value
(click's ``INTEGER RANGE``) and the options' own (``PATH=VALUE``). A one-letter placeholder
(``N``, ``A``, ``B``) is the same in French."""
_METAVAR = re.compile(r"\b[A-Z][A-Z_]*(?: RANGE)?\b")
_EXAMPLE = re.compile(r"(?P<command>\s*(?:sahelsim\b|-).*?)(?:(?P<gap>\s+# )(?P<comment>.*))?")
"""A line of the examples: a command (or its continuation, an option), and its comment."""


def pieces(text: str | None) -> Iterator[str]:
    """The pieces of an English help text a translator translates, in order (see the module)."""
    for kept, lines in _paragraphs(text or ""):
        if not kept:
            yield " ".join(lines)
            continue
        for line in lines:
            example = _EXAMPLE.fullmatch(line)
            if example is None:
                yield line.strip()
            elif example["comment"]:
                yield example["comment"]


def french(text: str | None) -> str:
    """A help text in French, piece by piece (a piece the catalogue lacks stays English).

    A paragraph comes out on one line (click wraps it); the examples keep their lines, their
    commands as typed and their comments where they were, in French.
    """
    paragraphs = []
    for kept, lines in _paragraphs(text or ""):
        if not kept:
            paragraphs.append(_said(" ".join(lines)))
            continue
        said = ["\b"]
        for line in lines:
            example = _EXAMPLE.fullmatch(line)
            if example is None:
                indent = line[: len(line) - len(line.lstrip())]
                said.append(indent + _said(line.strip()))
            elif example["comment"]:
                said.append(example["command"] + example["gap"] + _said(example["comment"]))
            else:
                said.append(line)
        paragraphs.append("\n".join(said))
    return "\n\n".join(paragraphs)


def _paragraphs(text: str) -> Iterator[tuple[bool, list[str]]]:
    """The paragraphs of a help text, as click reads them.

    Each is whether click keeps its lines (a paragraph opening with ``\\b``), and the lines.
    """
    text = inspect.cleandoc(text).partition("\f")[0].strip()  # as click shows a docstring
    for paragraph in re.split(r"\n\s*\n", text) if text else ():
        lines = paragraph.splitlines()
        if lines[0].strip() == "\b":
            yield True, lines[1:]
        else:
            yield False, [line.strip() for line in lines]


def _said(piece: str) -> str:
    return spaced(FRENCH.get(piece, piece))


def metavars(text: str) -> str:
    """A usage line, or an option's left column, with its placeholders in French.

    ``-n, --replicates INTEGER RANGE`` reads ``-n, --replicates ENTIER``; options, commands and
    choices (``[en|fr]``) are kept as typed.
    """
    return _METAVAR.sub(lambda m: METAVARS.get(m.group(), m.group()), text)


USAGE = spaced(CLICK_USAGE["Usage:"]) + " "
"""What the help's first line opens with: "Utilisation : ", as in an error's usage line."""


def heading(english: str) -> str:
    """A section's heading for click to write (it adds the colon; French puts a space before)."""
    return CLICK_HELP.get(english, english) + NO_BREAK


def option_help(help: str | None, extra: Mapping[str, object]) -> str:
    """An option's help in French, with what click puts after it in brackets.

    ``extra`` is click's (:meth:`click.Option.get_help_extra`): the default, the range of the
    numbers, whether the option is required, in the order click writes them in English.
    """
    items = []  # the values (a default, a range) as typed, the words around them French
    if "default" in extra:
        items.append(spaced(CLICK_HELP["default: {default}"]).format(default=extra["default"]))
    if "range" in extra:
        items.append(str(extra["range"]))
    if "required" in extra:
        items.append(CLICK_HELP["required"])
    said = french(help)
    if not items:
        return said
    brackets = "[" + f"{NARROW}; ".join(items) + "]"
    return f"{said}  {brackets}" if said else brackets


def short_help(text: str | None, limit: int) -> str:
    """A command's line in the list of commands, in French.

    Its first sentence, cut at ``limit`` characters between words, as click cuts the English
    (a no-break space holds its words together).
    """
    first = french(text).partition("\n\n")[0]
    sentence = re.match(r".*?\.(?= [^a-zà-ÿ]|$)", first)
    line = sentence.group() if sentence else first
    if len(line) <= limit:
        return line
    cut = line[: max(limit - 3, 0) + 1]
    return (
        cut[: cut.rfind(" ")].rstrip(f" ,;:{NO_BREAK}{NARROW}") + "..."
        if " " in cut
        else line[:limit]
    )
