"""The errors' words in French: every message a user can cause, said as ``--lang fr`` asks.

Errors are raised in English everywhere (:mod:`sim.errors`): each message is a
:class:`~sim.errors.Text`, an English template with its fields. :data:`FRENCH` maps each
English template, as written where the error is raised, to its French, gettext's way: the
English is the key, so a message is written once in each language and a new one that lacks
its French is caught by ``tests/test_french_errors.py``. :func:`said` fills a French template
with the same fields: what the user typed (a file name, a key, a value, a path inside the
document) is quoted as it was written, a phrase that is itself a Text is said in French too,
and a number the program wrote grouped (``12,000``) is written the French way (``12 000``).
French spacing (a no-break space before ":", a thin one before ";", "?", "!" and inside « »,
as :func:`sim.present.french.typeset` sets them) is set on the templates where they are
written with a space, never on the user's values nor on the YAML they quote (``scale: incident``).

:data:`CLICK_FRENCH` does the same for the messages of click, the command line's parser
(an unknown option, a value out of range, a missing argument): click writes them through
gettext, and the command line hands it these instead (``sim.cli``).
"""

from __future__ import annotations

import errno
import os
import re
import string
from functools import cache

from sim.errors import Joined, Listed, Named, Quoted, Text, Unit
from sim.numbers import localised
from sim.present.french import NARROW, NO_BREAK, UNITS_FR

FRENCH: dict[str, str] = {
    # ---------------------------------------------------------------- the command line
    "sahelsim: {message}": "sahelsim : {message}",
    "Aborted.": "Abandon.",
    "--class-run {path}: {message}": "--class-run {path} : {message}",
    "--scheduler goes with --executor dask": "--scheduler va avec --executor dask",
    "--resume needs the --out folder of the stopped work": (
        "--resume demande le dossier --out du travail interrompu"
    ),
    "--resume needs the --out folder of the stopped calibration": (
        "--resume demande le dossier --out du calage interrompu"
    ),
    "Missing option '--seed' (or --class-run FILE).": (
        "Option manquante : « --seed » (ou --class-run FICHIER)."
    ),
    "--gif {gif} with --class: the class is served live, the GIF is drawn offline; expected one "
    "of the two (nothing was started)": (
        "--gif {gif} avec --class : la classe est servie en direct, le GIF est dessiné hors "
        "ligne ; attendu : l'un des deux (rien n'a été lancé)"
    ),
    "--gif {gif}: expected a file name ending in .gif (an animated GIF)": (
        "--gif {gif} : attendu : un nom de fichier finissant par .gif (un GIF animé)"
    ),
    "--gif {gif}: the folder {folder} does not exist; expected a file path in an existing folder": (
        "--gif {gif} : le dossier {folder} n'existe pas ; attendu : le chemin d'un fichier dans "
        "un dossier existant"
    ),
    "--held-out scores every held-out episode; name episodes with --episodes instead, and resume "
    "without it (the folder's plan lists its episodes)": (
        "--held-out évalue tous les épisodes réservés ; nommez plutôt des épisodes avec "
        "--episodes, et reprenez sans lui (le plan du dossier liste ses épisodes)"
    ),
    "calibrate needs pyABC: {command}": "la commande « calibrate » a besoin de pyABC : {command}",
    " writing {file}": " en écrivant {file}",
    "a file grew past the size allowed": "un fichier a dépassé la taille permise",
    "no space left": "plus de place sur le disque",
    "{what}{where} ({reason}); nothing finished was lost; free some space and run the same "
    "command again (with --resume to finish a run or a sweep)": (
        "{what}{where} ({reason}) ; rien de terminé n'est perdu ; libérez de la place et "
        "relancez la même commande (avec --resume pour finir une simulation ou un balayage)"
    ),
    "cannot write{where} ({reason}); nothing finished was lost; make the folder writable and run "
    "the same command again (with --resume to finish a run or a sweep)": (
        "écriture impossible{where} ({reason}) ; rien de terminé n'est perdu ; rendez le dossier "
        "accessible en écriture et relancez la même commande (avec --resume pour finir une "
        "simulation ou un balayage)"
    ),
    # --------------------------------------------------- a located problem (sim.errors)
    "{count} problem found:\n{problems}": "{count} problème trouvé :\n{problems}",
    "{count} problems found:\n{problems}": "{count} problèmes trouvés :\n{problems}",
    "{where}: {path}: {message}": "{where} : {path} : {message}",
    "{where}: {message}": "{where} : {message}",
    "{problem}; got {value}": "{problem} ; valeur donnée : {value}",
    "{problem}; expected {expected}": "{problem} ; attendu : {expected}",
    "{problem}; did you mean {suggestion!r}?": "{problem} ; vouliez-vous dire « {suggestion} » ?",
    "one of {choices}": "une valeur parmi {choices}",
    "a whole number from {low:,} to {high:,}": "un nombre entier de {low:,} à {high:,}",
    "a whole number of at least {low:,}": "un nombre entier d'au moins {low:,}",
    "a whole number of at most {high:,}": "un nombre entier d'au plus {high:,}",
    "a number from {low:,} to {high:,}": "un nombre de {low:,} à {high:,}",
    "a number of at least {low:,}": "un nombre d'au moins {low:,}",
    "a number of at most {high:,}": "un nombre d'au plus {high:,}",
    "{shown}, ... ({count} in all)": "{shown}, ... ({count} en tout)",
    # ------------------------------------------------------------ the app and the class
    "no free port between {first} and {last}; use --port": (
        "aucun port libre entre {first} et {last} ; utilisez --port"
    ),
    "{command} (from the top folder of your sahelsim checkout)": (
        "{command} (depuis le dossier racine de votre copie de sahelsim)"
    ),
    "port {port} is in use; try --port {free}": (
        "le port {port} est déjà utilisé ; essayez --port {free}"
    ),
    "the app needs {packages}: {command}": "l'application a besoin de {packages} : {command}",
    "cannot listen on {host}:{port} ({reason}); choose another --port or --host": (
        "impossible d'écouter sur {host}:{port} ({reason}) ; choisissez un autre --port ou --host"
    ),
    "the class mode needs {packages}: {command}": "le mode classe a besoin de {packages} : {command}",
    "--groups {groups}: expected a number of worlds from 1 to {most}": (
        "--groups {groups} : attendu : un nombre de mondes de 1 à {most}"
    ),
    "--timeout {timeout}: expected a positive number of seconds": (
        "--timeout {timeout} : attendu : un nombre de secondes positif"
    ),
    "--save {save}: no such folder; expected an existing folder": (
        "--save {save} : ce dossier n'existe pas ; attendu : un dossier existant"
    ),
    "the class played with sahelsim {played} and this is sahelsim {this}, whose rules differ: "
    "tell it with the version it was played with": (
        "la classe a joué avec sahelsim {played} et celui-ci est sahelsim {this}, dont les règles "
        "diffèrent : racontez-la avec la version avec laquelle elle a été jouée"
    ),
    "the model or the scenario {scenario} has changed since the class": (
        "le modèle ou le scénario {scenario} a changé depuis la classe"
    ),
    "told again, the run differs from the class's records from day {day} on: {why}": (
        "racontée de nouveau, la simulation s'écarte de ce que la classe a enregistré à partir "
        "du jour {day} : {why}"
    ),
    "a version 1 class run has no record of its parameters": (
        "une partie de classe en version 1 n'a pas gardé ses paramètres"
    ),
    "the class ran with the scenario's single values, not a posterior: --posterior {path} does "
    "not apply": (
        "la classe a joué avec les valeurs fixes du scénario, pas avec une loi a posteriori : "
        "--posterior {path} ne s'applique pas"
    ),
    "the class ran with another posterior (sha256 {ran}) than {source} (sha256 {sha256}); pass "
    "the one it ran with as --posterior FILE": (
        "la classe a joué avec une autre loi a posteriori (sha256 {ran}) que {source} (sha256 "
        "{sha256}) ; passez celle avec laquelle elle a joué en --posterior FICHIER"
    ),
    "--class-run {path}: no such file": "--class-run {path} : ce fichier n'existe pas",
    "--class-run {path}: not a class run file ({reason})": (
        "--class-run {path} : ce n'est pas un fichier de partie de classe ({reason})"
    ),
    '--class-run {path}: not a class run file (expected a JSON object with "{key}": {version}, '
    "as `sahelsim teach --class --save` writes)": (
        "--class-run {path} : ce n'est pas un fichier de partie de classe (attendu : un objet "
        'JSON avec "{key}": {version}, comme l\'écrit `sahelsim teach --class --save`)'
    ),
    "--class-run {path}: a field is missing or wrong ({reason})": (
        "--class-run {path} : un champ manque ou est faux ({reason})"
    ),
    # ------------------------------------------------------------------ results folders
    "{bundle}: not a folder; expected a results bundle written by 'sahelsim run'": (
        "{bundle} : ce n'est pas un dossier ; attendu : un dossier de résultats écrit par "
        "« sahelsim run »"
    ),
    " (it holds .partial/: the run was stopped before it finished)": (
        " (il contient .partial/ : la simulation a été interrompue avant la fin)"
    ),
    "{bundle}: not a complete results bundle{partial}; missing {files}; expected a folder "
    "written by 'sahelsim run'": (
        "{bundle} : ce n'est pas un dossier de résultats complet{partial} ; il manque {files} ; "
        "attendu : un dossier écrit par « sahelsim run »"
    ),
    "{file}: unreadable ({reason}); expected the run's manifest": (
        "{file} : illisible ({reason}) ; attendu : le manifeste de la simulation"
    ),
    "{a} and {b} were not run on the same replicate seeds; expected paired bundles": (
        "{a} et {b} n'ont pas tourné sur les mêmes graines de réplication ; attendu : des "
        "dossiers appariés"
    ),
    "--out {out}: already exists and is not a folder; expected a new folder (nothing was "
    "written, so what is there is untouched)": (
        "--out {out} : existe déjà et n'est pas un dossier ; attendu : un nouveau dossier (rien "
        "n'a été écrit, ce qui s'y trouve est donc intact)"
    ),
    "--resume: {out} holds no interrupted run (no .partial/ folder); expected the --out folder "
    "of a run that was stopped": (
        "--resume : {out} ne contient aucune simulation interrompue (pas de dossier .partial/) ; "
        "attendu : le dossier --out d'une simulation qui a été arrêtée"
    ),
    "; it holds stopped work: add --resume to finish it": (
        " ; il contient un travail interrompu : ajoutez --resume pour le finir"
    ),
    "--out {out}: already exists and is not an empty folder; expected a new folder (nothing was "
    "written, so what is there is untouched){hint}": (
        "--out {out} : existe déjà et n'est pas un dossier vide ; attendu : un nouveau dossier "
        "(rien n'a été écrit, ce qui s'y trouve est donc intact){hint}"
    ),
    "--out {out}: cannot create the folder ({reason})": (
        "--out {out} : impossible de créer le dossier ({reason})"
    ),
    "--out {out}: another process wrote into it while this one started; expected a new folder "
    "(nothing was written, so what is there is untouched)": (
        "--out {out} : un autre processus y a écrit pendant le démarrage de celui-ci ; attendu : "
        "un nouveau dossier (rien n'a été écrit, ce qui s'y trouve est donc intact)"
    ),
    "it lacks the scenario hash, the root seed or the replicates": (
        "il y manque l'empreinte du scénario, la graine ou les réplications"
    ),
    "--resume: {out} is complete but was made with other settings (changed: {changed}){was}; expected the "
    "same command as the finished work": (
        "--resume : {out} est complet mais a été fait avec d'autres réglages (changé : {changed}){was} ; "
        "attendu : la même commande que le travail terminé"
    ),
    " (it had {values})": " (il avait {values})",
    "the version of sahelsim": "la version de sahelsim",
    "the model's code or fact base": "le code du modèle ou sa base de faits",
    "the kind of analysis": "le type d'analyse",
    "the scenario (its file or --set)": "le scénario (son fichier ou --set)",
    "the design's points (--param, --n)": "les points du plan (--param, --n)",
    "unreadable, or without a header": "illisible, ou sans ligne d'en-tête",
    "it lacks the design's sample": "il y manque l'échantillonnage du plan",
    "another process": "un autre processus",
    "process {pid}": "le processus {pid}",
    "{folder}: in use by {who} (another sahelsim writing into it); nothing was written and its "
    "files are untouched; wait for that run to finish, or choose another --out": (
        "{folder} : utilisé par {who} (un autre sahelsim y écrit) ; rien n'a été écrit et ses "
        "fichiers sont intacts ; attendez la fin de ce travail, ou choisissez un autre --out"
    ),
    "{folder}: in use by {who}, a sahelsim command still writing into it, so its results are "
    "not all there yet; run the same command again once it has ended": (
        "{folder} : utilisé par {who}, une commande sahelsim qui y écrit encore : ses résultats "
        "n'y sont donc pas encore tous ; relancez la même commande une fois qu'elle a fini"
    ),
    "{folder}: cannot write into this folder ({reason}); nothing was written; expected a folder "
    "you may write to (check its permissions, or whether its disk is mounted read-only)": (
        "{folder} : impossible d'écrire dans ce dossier ({reason}) ; rien n'a été écrit ; "
        "attendu : un dossier où vous pouvez écrire (vérifiez ses droits, ou si son disque est "
        "monté en lecture seule)"
    ),
    # ------------------------------------------------------------- resuming stopped work
    "the same scenario, --set, --seed, --replicates, --precision, --series, --parameters and "
    "--posterior": (
        "le même scénario, --set, --seed, --replicates, --precision, --series, --parameters et "
        "--posterior"
    ),
    "the same --seed, --replicates, --episodes, --parameters, --posterior and --robustness": (
        "les mêmes --seed, --replicates, --episodes, --parameters, --posterior et --robustness"
    ),
    "--replicates {replicates}, the cap of its --precision {precision}": (
        "--replicates {replicates}, la limite de son --precision {precision}"
    ),
    "no --precision": "pas de --precision",
    "no --robustness": "pas de --robustness",
    "a --posterior of sha256 {sha256}": "un --posterior d'empreinte sha256 {sha256}",
    "the same scenario, --set, --param, --sample, --n, --seed and --replicates": (
        "le même scénario, --set, --param, --sample, --n, --seed et --replicates"
    ),
    "--resume: {out} was started with other settings (changed: {changed}){was}; expected {expected} as "
    "the interrupted run": (
        "--resume : {out} a été commencé avec d'autres réglages (changé : {changed}){was} ; attendu : "
        "{expected} que pour la simulation interrompue"
    ),
    "no file lengths (its 'bytes' is missing or not an object)": (
        "pas de longueurs de fichiers (son « bytes » manque ou n'est pas un objet)"
    ),
    "the length of {name} is {length!r}; expected a whole number >= 0": (
        "la longueur de {name} vaut {length!r} ; attendu : un nombre entier >= 0"
    ),
    " and at most {most}, the work planned": " et au plus {most}, le travail prévu",
    "'completed' is {completed!r}; expected a whole number >= 0{upto}": (
        "« completed » vaut {completed!r} ; attendu : un nombre entier >= 0{upto}"
    ),
    "{key!r} is {value!r}; expected a list": "« {key} » vaut {value!r} ; attendu : une liste",
    "a failed replicate is {entry!r}; expected its numbers by name": (
        "une réplication en échec vaut {entry!r} ; attendu : ses numéros, nommés"
    ),
    "shorter than the {length} bytes its checkpoint recorded": (
        "plus court que les {length} octets que son point de reprise a notés"
    ),
    "--resume: {path} is damaged: {what}; the stopped work cannot be resumed. To start afresh, "
    "remove {out} (or choose another --out) and run the same command without --resume": (
        "--resume : {path} est abîmé : {what} ; le travail interrompu ne peut pas être repris. "
        "Pour repartir de zéro, supprimez {out} (ou choisissez un autre --out) et relancez la "
        "même commande sans --resume"
    ),
    "the file is missing": "le fichier manque",
    "unreadable ({reason})": "illisible ({reason})",
    "empty": "vide",
    "not whole JSON ({why}, line {line})": "JSON incomplet ({why}, ligne {line})",
    "it holds a JSON {kind}; expected an object": (
        "il contient un {kind} JSON ; attendu : un objet"
    ),
    "its 'files' is not a list of file names": (
        "son « files » n'est pas une liste de noms de fichiers"
    ),
    # ------------------------------------------------------------------ runs and plans
    "--replicates {n}: expected a whole number of at least 1": (
        "--replicates {n} : attendu : un nombre entier d'au moins 1"
    ),
    "--seed {seed}: expected a whole number from 0 to {most}": (
        "--seed {seed} : attendu : un nombre entier de 0 à {most}"
    ),
    "-n {n}: an interval on the paired differences needs at least two replicates; expected -n 2 "
    "or more (nothing was run)": (
        "-n {n} : un intervalle sur les différences appariées demande au moins deux "
        "réplications ; attendu : -n 2 ou plus (rien n'a été lancé)"
    ),
    "a worker process was lost (killed, or it exited) while the work ran: replicates {done} to "
    "{last} (in run order) were not finished and are not in the results; the {done} before them "
    "are kept: finish with the same command and --resume": (
        "un processus de calcul a été perdu (tué, ou il s'est arrêté) pendant le travail : les "
        "réplications {done} à {last} (dans l'ordre de calcul) n'ont pas été terminées et ne "
        "sont pas dans les résultats ; les {done} précédentes sont gardées : finissez avec la "
        "même commande et --resume"
    ),
    "--executor dask needs the dask extra; install it with: {command}": (
        "--executor dask a besoin du supplément dask ; installez-le avec : {command}"
    ),
    # Dask's own words stay English: quoted at the end, as a detail said to be Dask's.
    "--scheduler {scheduler}: cannot reach a Dask scheduler at this address; check the address "
    "(tcp://HOST:8786) and that the scheduler is running, or leave out --scheduler to start a "
    "cluster on this machine (Dask says: {reason})": (
        "--scheduler {scheduler} : impossible de joindre l'ordonnanceur Dask à cette adresse ; "
        "vérifiez l'adresse (tcp://HÔTE:8786) et que l'ordonnanceur est lancé, ou retirez "
        "--scheduler pour lancer une grappe sur cette machine (message de Dask, en anglais : "
        "« {reason} »)"
    ),
    "lost the Dask cluster: the scheduler or a worker stopped answering; the work finished so "
    "far is kept: finish it with the same command and --resume (Dask says: {kind}: {reason})": (
        "la grappe Dask a été perdue en cours de travail : l'ordonnanceur ou un processus de "
        "calcul a cessé de répondre ; le travail terminé jusqu'ici est gardé : finissez-le en "
        "relançant la même commande avec --resume (message de Dask, en anglais : "
        "« {kind}: {reason} »)"
    ),
    # ------------------------------------------------------------------------ posteriors
    "; {note}": " ; {note}",
    "{source}: unknown parameters {names}{notes}": "{source} : paramètres inconnus {names}{notes}",
    "{source}: expected one weight per parameter set, and a set": (
        "{source} : attendu : un poids par jeu de paramètres, et au moins un jeu"
    ),
    "{source}: expected {n} values in every set": (
        "{source} : attendu : {n} valeurs dans chaque jeu"
    ),
    "{source}: {name}={value} is outside its declared range [{low:g}, {high:g}]": (
        "{source} : {name}={value} est hors de sa plage déclarée [{low:g}, {high:g}]"
    ),
    "{source}: weights must be finite, non-negative, not all 0": (
        "{source} : les poids doivent être finis, positifs ou nuls, et pas tous nuls"
    ),
    "parameters.{name}={value}: expected a declared parameter in range": (
        "parameters.{name}={value} : attendu : un paramètre déclaré, dans sa plage"
    ),
    "{path}: no row for replicate {replicate}": (
        "{path} : aucune ligne pour la réplication {replicate}"
    ),
    "{path}: cannot read the posterior ({reason})": (
        "{path} : impossible de lire la loi a posteriori ({reason})"
    ),
    "{path}: expected a CSV with parameter columns and a '{weight}' column": (
        "{path} : attendu : un CSV avec des colonnes de paramètres et une colonne « {weight} »"
    ),
    "{path}: expected numbers in every cell": "{path} : attendu : des nombres dans chaque case",
    "--posterior goes with --parameters posterior": ("--posterior va avec --parameters posterior"),
    "--parameters posterior: no posterior is shipped with this version yet; make one with "
    "`sahelsim calibrate --out DIR` and pass --posterior DIR/posterior.csv": (
        "--parameters posterior : cette version n'est encore livrée avec aucune loi a "
        "posteriori ; faites-en une avec `sahelsim calibrate --out DOSSIER` et passez "
        "--posterior DOSSIER/posterior.csv"
    ),
    # ------------------------------------------------------- sweeps, sensitivity, backtest
    "PATH=LO:HI:N, e.g. parameters.honour_base_rate=0:1:5": (
        "CHEMIN=BAS:HAUT:N, p. ex. parameters.honour_base_rate=0:1:5"
    ),
    "PATH=LO:HI, or PATH alone for its declared range, e.g. parameters.honour_base_rate": (
        "CHEMIN=BAS:HAUT, ou CHEMIN seul pour sa plage déclarée, p. ex. parameters.honour_base_rate"
    ),
    "{label}: a grid needs a range and a number of points; expected {form}": (
        "{label} : une grille demande une plage et un nombre de points ; attendu : {form}"
    ),
    "{path} has no declared range; expected PATH=LO:HI": (
        "{path} n'a pas de plage déclarée ; attendu : CHEMIN=BAS:HAUT"
    ),
    "{label}: {problem}": "{label} : {problem}",
    "{label}: with --sample lhs the number of points is --n; expected {form}": (
        "{label} : avec --sample lhs, le nombre de points est --n ; attendu : {form}"
    ),
    "{label}: LO must be below HI; got LO {low:g} and HI {high:g}": (
        "{label} : BAS doit être inférieur à HAUT ; valeurs données : BAS {low:g} et HAUT {high:g}"
    ),
    "{label}: {value:g} is outside the declared range of {path}; expected {low:g} to {high:g} "
    "({unit})": (
        "{label} : {value:g} est hors de la plage déclarée de {path} ; attendu : de {low:g} à "
        "{high:g} ({unit})"
    ),
    "{label}: {path} takes whole numbers and there are fewer than {levels} from {low:g} to "
    "{high:g}; expected a smaller N": (
        "{label} : {path} prend des nombres entiers et il y en a moins de {levels} de {low:g} à "
        "{high:g} ; attendu : un N plus petit"
    ),
    "{label}: expected {form}": "{label} : attendu : {form}",
    "{label}: {text!r} is not a number; expected {form}": (
        "{label} : « {text} » n'est pas un nombre ; attendu : {form}"
    ),
    "{label}: {text!r} is not a finite number; expected {form}": (
        "{label} : « {text} » n'est pas un nombre fini ; attendu : {form}"
    ),
    "{label}: N, the number of points, is {text!r}; expected a whole number of at least 2": (
        "{label} : N, le nombre de points, vaut « {text} » ; attendu : un nombre entier d'au "
        "moins 2"
    ),
    "{label}: {path} is given twice; expected each path once": (
        "{label} : {path} est donné deux fois ; attendu : chaque chemin une fois"
    ),
    "--n {points}: sets the points of --sample lhs; a grid's points come from each --param "
    "PATH=LO:HI:N": (
        "--n {points} : fixe les points de --sample lhs ; ceux d'une grille viennent de chaque "
        "--param CHEMIN=BAS:HAUT:N"
    ),
    "--sample lhs needs --n, the number of points, e.g. --n 50": (
        "--sample lhs demande --n, le nombre de points, p. ex. --n 50"
    ),
    "--outcome {column}: holds a word, not a number, so it has no mean; expected {choices}": (
        "--outcome {column} : contient un mot, pas un nombre, et n'a donc pas de moyenne ; "
        "attendu : {choices}"
    ),
    "--outcome {column}: not a summary column; expected {choices}": (
        "--outcome {column} : ce n'est pas une colonne du résumé ; attendu : {choices}"
    ),
    "{label}: {actor} is not among this scenario's actors; expected {choices}": (
        "{label} : {actor} n'est pas parmi les acteurs de ce scénario ; attendu : {choices}"
    ),
    " (point {point})": " (point {point})",
    "{label}{where}": "{label}{where}",
    "{label}{where}: {line}": "{label}{where} : {line}",
    "point {point}": "point {point}",
    "{point}: {line}": "{point} : {line}",
    "{label}{rest}": "{label}{rest}",
    "--param {name}: {note}": "--param {name} : {note}",
    "--param {name}: not a parameter with a declared range; expected {choices}, or "
    "actors.ID.FIELD": (
        "--param {name} : ce n'est pas un paramètre à plage déclarée ; attendu : {choices}, ou "
        "actors.ID.CHAMP"
    ),
    "sensitivity analysis needs SALib, which is not installed; install it with {command} (or "
    "pip install SALib)": (
        "l'analyse de sensibilité a besoin de SALib, qui n'est pas installé ; installez-le avec "
        "{command} (ou pip install SALib)"
    ),
    "--n {n}: Sobol' sampling needs a power of 2; expected {below} or {above}": (
        "--n {n} : l'échantillonnage de Sobol' demande une puissance de 2 ; attendu : {below} "
        "ou {above}"
    ),
    "{outcome}: no estimate at sample point(s) {points} (every replicate there failed; see "
    "failures.jsonl); the indices need every point": (
        "{outcome} : aucune estimation au(x) point(s) {points} de l'échantillon (toutes les "
        "réplications y ont échoué ; voir failures.jsonl) ; les indices demandent chaque point"
    ),
    "leave-one-episode-out needs at least two episodes (or --no-loo)": (
        "laisser un épisode de côté demande au moins deux épisodes (ou --no-loo)"
    ),
    "--{name} {value}: expected at least 1": "--{name} {value} : attendu : au moins 1",
    "--episodes {name}: a held-out episode (scenarios/{folder}/), kept to test the fitted model "
    "and never fitted; expected a training episode": (
        "--episodes {name} : un épisode réservé (scenarios/{folder}/), gardé pour éprouver le "
        "modèle calé et jamais utilisé pour le calage ; attendu : un épisode d'entraînement"
    ),
    "--resume: {out} holds no calibration to continue (no readable {file})": (
        "--resume : {out} ne contient aucun calage à poursuivre (pas de {file} lisible)"
    ),
    "not a free parameter: {names}; expected some of {declared} (sim/scenario/calibration.py)": (
        "ce n'est pas un paramètre libre : {names} ; attendu : certains de {declared} "
        "(sim/scenario/calibration.py)"
    ),
    "no file in scenarios/{folder}/": "aucun fichier de scenarios/{folder}/",
    "no bundled scenario": "aucun scénario livré avec sahelsim",
    "no episodes: {where} has an observed: block": (
        "aucun épisode : {where} n'a de bloc « observed: »"
    ),
    "episodes named twice: {names}; expected distinct names": (
        "épisodes nommés deux fois : {names} ; attendu : des noms distincts"
    ),
    "{source}: has no observed: block; expected an episode (a scenario recording what happened)": (
        "{source} : n'a pas de bloc « observed: » ; attendu : un épisode (un scénario qui note ce "
        "qui s'est passé)"
    ),
    # --------------------------------------------------------------------- loading a file
    "{name}: no such file and no bundled scenario of that name (nor an episode of "
    "scenarios/{history}/ or {held_out}/); expected a path to a YAML file or {choices}": (
        "{name} : ni fichier ni scénario livré de ce nom (ni épisode de scenarios/{history}/ "
        "ou {held_out}/) ; attendu : le chemin d'un fichier YAML ou {choices}"
    ),
    "a scenario must be a mapping of fields": "un scénario doit être une table de champs",
    "keys such as title, start, actors": "des clés comme « title », « start », « actors »",
    "wrong value": "valeur incorrecte",
    "a bundled scenario's name or a relative path": (
        "le nom d'un scénario livré avec sahelsim ou un chemin relatif"
    ),
    "extends itself in a cycle ({cycle})": "s'étend lui-même en boucle ({cycle})",
    "a chain that ends in a scenario without extends": (
        "une chaîne qui finit par un scénario sans « extends »"
    ),
    "more than {most} levels of extends": "plus de {most} niveaux de « extends »",
    "file not found": "fichier introuvable",
    "a path relative to the extending file": "un chemin relatif au fichier qui étend",
    "no bundled scenario of that name": "aucun scénario livré avec sahelsim sous ce nom",
    "{label}: expected PATH=VALUE, e.g. parameters.honour_base_rate=0.5": (
        "{label} : attendu : CHEMIN=VALEUR, p. ex. parameters.honour_base_rate=0.5"
    ),
    "{label}: empty part in the path {path!r}; expected names joined by dots": (
        "{label} : partie vide dans le chemin « {path} » ; attendu : des noms joints par des points"
    ),
    "{label}: the value is not valid YAML ({why})": (
        "{label} : la valeur n'est pas du YAML valide ({why})"
    ),
    "(document)": "(le document)",
    "{label}: cannot go inside {where}, which holds {node!r}": (
        "{label} : impossible d'entrer dans {where}, qui contient {node!r}"
    ),
    "{label}: the scenario has no event {name!r} to switch on or off; its events: {events}": (
        "{label} : le scénario n'a pas d'événement « {name} » à activer ou désactiver ; ses "
        "événements : {events}"
    ),
    "(no event)": "(aucun événement)",
    "{label}: cannot set a key inside {where}, which holds {node!r}": (
        "{label} : impossible de donner une clé dans {where}, qui contient {node!r}"
    ),
    "retired on 7 December 2026: raiders from abroad who left anyone to pursue are now fought on "
    "the state's own soil whatever their toll (docs/model.md §7.11); remove it": (
        "retiré le 7 décembre 2026 : les assaillants venus de l'étranger qui ont laissé des "
        "hommes à poursuivre sont désormais combattus sur le sol de l'État, quel que soit leur "
        "bilan (docs/model.md §7.11) ; supprimez-le"
    ),
    "parameter {name!r} was {note}": "le paramètre « {name} » a été {note}",
    # ------------------------------------------------------ references across the document
    "{by} cannot attack itself": "{by} ne peut pas être la cible de sa propre attaque",
    "{by} cannot threaten itself": "{by} ne peut pas être la cible de sa propre menace",
    "{by} cannot sanction itself": "{by} ne peut pas être la cible de ses propres sanctions",
    "the deadline": "l'échéance (« deadline »)",
    "the lifted": "la levée (« lifted »)",
    "its last day": "son dernier jour (« until »)",
    "the scenario's {days} day run outside the calendar it can run and draw, {first} to {last}": (
        "le scénario, long de {days} jour, sort du calendrier qu'il peut simuler et dessiner, du "
        "{first} au {last}"
    ),
    "the scenario's {days} days run outside the calendar it can run and draw, {first} to {last}": (
        "le scénario, long de {days} jours, sort du calendrier qu'il peut simuler et dessiner, du "
        "{first} au {last}"
    ),
    "a start from {first} to {last}": "un début du {first} au {last}",
    "the item's last day is before the run starts ({start}): nothing the run does can come by "
    "then": (
        "le dernier jour de l'élément précède le début de la simulation ({start}) : rien de ce "
        "qu'elle fait ne peut arriver d'ici là"
    ),
    "a date on or after {day}": "une date égale ou postérieure au {day}",
    ", and the item holds if anyone used force": (
        ", et l'élément est vrai si qui que ce soit a fait usage de la force"
    ),
    ", and the item holds if any one of `by` used force": (
        ", et l'élément est vrai si l'un quelconque de `by` a fait usage de la force"
    ),
    "{who} uses force against {against} as events.{event} (a third_party_force){any_of}: the "
    "scenario decides it, not the model": (
        "{who} fait usage de la force contre {against} par events.{event} (un "
        "third_party_force){any_of} : c'est le scénario qui en décide, pas le modèle"
    ),
    "{who} use force against {against} as events.{event} (a third_party_force){any_of}: the "
    "scenario decides it, not the model": (
        "{who} font usage de la force contre {against} par events.{event} (un "
        "third_party_force){any_of} : c'est le scénario qui en décide, pas le modèle"
    ),
    "force the model decides (by actors no third_party_force event sets striking)": (
        "un usage de la force que décide le modèle (par des acteurs qu'aucun événement "
        "third_party_force ne fait frapper)"
    ),
    "{who} fights {against} from the first day as events.{event}.defenders{any_of}: the "
    "scenario decides it, not the model": (
        "{who} combat {against} dès le premier jour dans events.{event}.defenders{any_of} : "
        "c'est le scénario qui en décide, pas le modèle"
    ),
    "{who} fight {against} from the first day as events.{event}.defenders{any_of}: the scenario "
    "decides it, not the model": (
        "{who} combattent {against} dès le premier jour dans events.{event}.defenders{any_of} : "
        "c'est le scénario qui en décide, pas le modèle"
    ),
    "force the model decides (by actors the events do not place in the war)": (
        "un usage de la force que décide le modèle (par des acteurs que les événements ne "
        "placent pas dans la guerre)"
    ),
    "{actor} fights from the first day as one of events.{event}.defenders: the scenario decides "
    "it, not the model": (
        "{actor} combat dès le premier jour parmi events.{event}.defenders : c'est le scénario "
        "qui en décide, pas le modèle"
    ),
    "an entry the model decides (an actor the events do not place in the war)": (
        "une entrée en guerre que décide le modèle (un acteur que les événements ne placent pas "
        "dans la guerre)"
    ),
    "{actor} backs {to} as one of actors.{to}.backers": (
        "{actor} soutient {to} parmi actors.{to}.backers"
    ),
    "{actor} fights from the first day as one of events.{event}.defenders": (
        "{actor} combat dès le premier jour parmi events.{event}.defenders"
    ),
    "{why}: the scenario decides it, not the model": (
        "{why} : c'est le scénario qui en décide, pas le modèle"
    ),
    "help the model decides (an actor the scenario neither declares a backer nor places in the "
    "war)": (
        "une aide que décide le modèle (un acteur que le scénario ne déclare pas soutien et ne "
        "place pas dans la guerre)"
    ),
    "{actor!r} is already an actor of the fact base; an actor defined inline as {kind} needs an "
    "id of its own": (
        "« {actor} » est déjà un acteur de la base de faits ; un acteur défini dans le fichier "
        "comme {kind} demande un identifiant à lui"
    ),
    "{actor!r} is already an actor of the fact base; an actor defined inline needs an id of its "
    "own": (
        "« {actor} » est déjà un acteur de la base de faits ; un acteur défini dans le fichier "
        "demande un identifiant à lui"
    ),
    "a new id (or no kind, to use the fact base's actor with overrides)": (
        "un nouvel identifiant (ou pas de « kind », pour reprendre l'acteur de la base de faits en modifiant ses valeurs)"
    ),
    "unknown actor {actor!r}": "acteur inconnu « {actor} »",
    "an id from the fact base ({choices}), or an actor defined inline with kind, name, name_fr, "
    "sources and forces": (
        "un identifiant de la base de faits ({choices}), ou un acteur défini dans le fichier avec « kind », « name », « name_fr », « sources » et « forces »"
    ),
    "an actor cannot name itself here": "un acteur ne peut pas se nommer lui-même ici",
    "a faction of {home}'s army cannot be larger than the army ({army:,.0f})": (
        "une faction de l'armée de {home} ne peut pas être plus nombreuse que l'armée ({army:,.0f})"
    ),
    "at most {army:,.0f}, or faction_of: false for a force of its own": (
        "au plus {army:,.0f}, ou « faction_of: false » pour une force à part"
    ),
    "only a state has a regime": "seul un État a un régime",
    "no regime (it applies to states only)": "pas de « regime » (il ne vaut que pour les États)",
    "it fights with everything it has deployed in the region, so no share is held back": (
        "elle combat avec tout ce qu'elle a déployé dans la région, aucune part n'est donc "
        "tenue en réserve"
    ),
    "no deployable_share (it applies to states and armed groups)": (
        "pas de « deployable_share » (il ne vaut que pour les États et les groupes armés)"
    ),
    "{actor} is {meaning}: {why}": "{actor} est {meaning} : {why}",
    "{actor} has no forces of known strength in this scenario's states on {start}: forces scales "
    "the deployments present on the start date": (
        "{actor} n'a pas de forces d'effectif connu dans les États de ce scénario le {start} : « forces » met à l'échelle les déploiements présents à la date de début"
    ),
    "no forces override (or a host state of one of its deployments under way on the start date "
    "among the actors)": (
        "pas de valeur « forces » (ou, parmi les acteurs, un État qui accueille l'un de ses déploiements "
        "en cours à la date de début)"
    ),
    "the fact base knows {actor}'s regime only from {first}": (
        "la base de faits ne connaît le régime de {actor} qu'à partir du {first}"
    ),
    "a start on or after {first}, or actors.{actor}.regime (military, transitional or civilian)": (
        "un début égal ou postérieur au {first}, ou actors.{actor}.regime (« military », « transitional » ou « civilian »)"
    ),
    "unknown pact {pact!r}": "pacte inconnu « {pact} »",
    "a pact of the fact base ({choices}) or an inline pact with clauses": (
        "un pacte de la base de faits ({choices}) ou un pacte défini dans le fichier avec ses "
        "clauses"
    ),
    "a pact of the fact base ({choices})": "un pacte de la base de faits ({choices})",
    "unknown organisation {organisation!r}": "organisation inconnue « {organisation} »",
    "an id from the fact base or an actor the scenario defines": (
        "un identifiant de la base de faits ou un acteur que le scénario définit"
    ),
    "the event falls outside the scenario's horizon": (
        "l'événement tombe hors de l'horizon du scénario"
    ),
    "a date from {start} to {end} (start plus days)": (
        "une date du {start} au {end} (« start » plus « days »)"
    ),
    "{what} comes before the event's date ({day})": (
        "{what} précède la date de l'événement ({day})"
    ),
    "a target other than the actor in by": "une cible autre que l'acteur de « by »",
    "the target cannot contribute forces against itself": (
        "la cible ne peut pas fournir de forces contre elle-même"
    ),
    "contributors other than the target": "des contributeurs autres que la cible",
    "a state, a belligerent or an outside power among this scenario's actors": (
        "un État, un belligérant ou une puissance extérieure parmi les acteurs de ce scénario"
    ),
    "a state or a belligerent among this scenario's actors": (
        "un État ou un belligérant parmi les acteurs de ce scénario"
    ),
    "a belligerent of this scenario that fights in {home}": (
        "un belligérant de ce scénario qui combat sur le territoire de {home}"
    ),
    "{organisation} did not exist on {day}: it was founded on {founded}": (
        "{organisation} n'existait pas le {day} : sa fondation date du {founded}"
    ),
    "an actor of this scenario, or an organisation founded by then: {ids}": (
        "un acteur de ce scénario, ou une organisation déjà fondée à cette date : {ids}"
    ),
    "an actor of this scenario, an organisation or a body ({bodies})": (
        "un acteur de ce scénario, une organisation ou une instance ({bodies})"
    ),
    "{state} is a state: a {kind} moves an outside power's forces": (
        "{state} est un État : un événement {kind} déplace les forces d'une puissance extérieure"
    ),
    "an outside power listed under actors (a state's contingent already fighting beside another "
    "state is written in the attack's defenders)": (
        "une puissance extérieure inscrite sous « actors » (le contingent d'un État qui combat déjà aux côtés d'un autre État s'écrit dans « defenders » de l'attaque)"
    ),
    "an outside power among this scenario's actors": (
        "une puissance extérieure parmi les acteurs de ce scénario"
    ),
    "an armed group among this scenario's actors": (
        "un groupe armé parmi les acteurs de ce scénario"
    ),
    "a pact listed under this scenario's pacts": "un pacte inscrit sous « pacts » dans ce scénario",
    "{ids} or {last}": "{ids} ou {last}",
    "an actor of this scenario": "un acteur de ce scénario",
    "a state among this scenario's actors": "un État parmi les acteurs de ce scénario",
    "an organisation": "une organisation",
    "an actor of this scenario or an organisation": (
        "un acteur de ce scénario ou une organisation"
    ),
    "a state": "un État",
    "a power": "une puissance extérieure",
    "an armed group": "un groupe armé",
    "a belligerent": "un belligérant",
    "a sovereign state of the region": "un État souverain de la région",
    "an outside power, present through its deployments": (
        "une puissance extérieure, présente par ses déploiements"
    ),
    "a non-state armed group (jihadist or rebel)": "un groupe armé non étatique (djihadiste ou rebelle)",
    "an armed force inside a state that can be a party to a war: a rebel army, or a faction of "
    "the state's own army": (
        "une force armée à l'intérieur d'un État qui peut être partie à une guerre : une armée "
        "rebelle, ou une faction de l'armée de l'État lui-même"
    ),
    "a third party's use of force names who acts, once": (
        "l'usage de la force par un tiers nomme qui agit, une seule fois"
    ),
    "neither party nor body": "ni « party » ni « body »",
    "exactly one of party (an actor of this scenario) and body ({bodies})": (
        "exactement l'un de « party » (un acteur de ce scénario) et « body » ({bodies})"
    ),
    "{party} cannot use force against itself": (
        "{party} ne peut pas être la cible de son propre usage de la force"
    ),
    "a target other than the actor in party": "une cible autre que l'acteur de « party »",
    "an incident starts no war, so no one fights beside its target": (
        "un incident ne déclenche pas de guerre : personne ne combat donc aux côtés de sa cible"
    ),
    "no defenders, or scale: invasion": "pas de « defenders », ou « scale: invasion »",
    "{defender} is the target or among the attackers": (
        "{defender} est la cible ou l'un des attaquants"
    ),
    "an actor fighting beside the target, other than it and its attackers": (
        "un acteur qui combat aux côtés de la cible, autre qu'elle et ses attaquants"
    ),
    "{defender} is an armed group, which fights no one's war": (
        "{defender} est un groupe armé, qui ne fait la guerre de personne"
    ),
    "a state, an outside power or a belligerent": (
        "un État, une puissance extérieure ou un belligérant"
    ),
    "the strikers of an incident": "les assaillants d'un incident",
    "strikers": "assaillants",
    "those of an incident's strikers who got away": (
        "ceux des assaillants d'un incident qui se sont échappés"
    ),
    "strikers who got away": "assaillants échappés",
    "{field} counts {what}; an invasion or a coup attempt is fought with the forces its "
    "attackers have": (
        "{field} compte {what} ; une invasion ou une tentative de coup d'État se livre avec les "
        "forces qu'ont ses attaquants"
    ),
    "scale: incident, or no {field}": "« scale: incident », ou pas de {field}",
    "{first} and no {second}": "{first} ni de {second}",
    "an organisation, whose members strike": "une organisation, dont les membres frappent",
    "{field} counts an armed group's {counts}, and {who} is {what}: a strike by a state or a "
    "power is weighed whatever its size": (
        "{field} compte les {counts} d'un groupe armé, et {who} est {what} : une frappe d'un État "
        "ou d'une puissance pèse quelle que soit sa taille"
    ),
    "an armed group or a belligerent, or no {none}": (
        "un groupe armé ou un belligérant, ou pas de {none}"
    ),
    "escaped counts the strikers who got away, some of the {fighters} who struck": (
        "« escaped » compte les assaillants qui se sont échappés, une partie des {fighters} qui ont frappé"
    ),
    "at most fighters ({fighters})": "au plus « fighters » ({fighters})",
    "killed counts the dead of an incident; an invasion or a coup attempt counts its losses in "
    "its fighting": (
        "« killed » compte les morts d'un incident ; une invasion ou une tentative de coup d'État compte ses pertes dans ses combats"
    ),
    "scale: incident, or no killed": "« scale: incident », ou pas de « killed »",
    "{by} is a belligerent in {home}, not in {target}": (
        "{by} est un belligérant sur le territoire de {home}, pas de {target}"
    ),
    "{by} is an armed group, which seizes no power": (
        "{by} est un groupe armé, qui ne s'empare d'aucun pouvoir"
    ),
    "{by} is no belligerent of this scenario": "{by} n'est pas un belligérant de ce scénario",
    "a coup attempt is made by plotters inside the state they strike: {what}": (
        "une tentative de coup d'État est le fait de conjurés de l'intérieur de l'État qu'ils "
        "frappent : {what}"
    ),
    "a belligerent defined under actors: with in: {target} (faction_of: true for soldiers of "
    "its own army), or scale: invasion": (
        "un belligérant défini sous « actors: » avec « in: {target} » (« faction_of: true » pour des soldats de sa propre armée), ou « scale: invasion »"
    ),
    "a coup attempt is the plotters' own: no state sends forces into it": (
        "une tentative de coup d'État appartient aux conjurés : aucun État n'y envoie de forces"
    ),
    "no contributors (those who support the plotters are the belligerent's backers:)": (
        "pas de « contributors » (ceux qui soutiennent les conjurés sont les « backers: » du belligérant)"
    ),
    "an outside power's forces are struck by an incident, not invaded: {target} has no territory "
    "in the model": (
        "les forces d'une puissance extérieure sont frappées par un incident, pas envahies : "
        "{target} n'a pas de territoire dans le modèle"
    ),
    "scale: incident with host: (the state where its forces stand), or a state or a belligerent "
    "as target": (
        "« scale: incident » avec « host: » (l'État où se trouvent ses forces), ou un État ou un belligérant pour cible"
    ),
    "an incident on {target}'s forces abroad names the state where they stand": (
        "un incident contre les forces de {target} à l'étranger nomme l'État où elles se trouvent"
    ),
    "no host": "pas de « host »",
    "host: a state among this scenario's actors (e.g. the state whose soil they are on)": (
        "« host: » un État parmi les acteurs de ce scénario (p. ex. l'État sur le sol duquel elles se trouvent)"
    ),
    "host is for an incident on forces stationed abroad": (
        "« host » sert à un incident contre des forces stationnées à l'étranger"
    ),
    "scale: incident, or no host (an invasion or a coup attempt strikes the target's territory)": (
        "« scale: incident », ou pas de « host » (une invasion ou une tentative de coup d'État frappe le territoire de la cible)"
    ),
    "{target}'s forces abroad cannot stand in {target} itself": (
        "les forces de {target} à l'étranger ne peuvent pas se trouver sur le territoire de "
        "{target} même"
    ),
    "a state other than the target, or no host (an incident on its territory)": (
        "un État autre que la cible, ou pas de « host » (un incident sur son territoire)"
    ),
    "{target} fights in {host}: its forces there are at home, not stationed abroad": (
        "{target} combat sur le territoire de {host} : ses forces y sont chez elles, pas "
        "stationnées à l'étranger"
    ),
    "no host (an incident on it where it fights), or a state other than its own": (
        "pas de « host » (un incident contre lui là où il combat), ou un autre État que le sien"
    ),
    "nowhere": "nulle part",
    "{target} has no forces in {host} on {day}: neither the fact base nor a deployment event of "
    "this scenario posts any there by then": (
        "{target} n'a pas de forces sur le territoire de {host} le {day} : ni la base de faits "
        "ni un événement « deployment » de ce scénario n'y en poste d'ici là"
    ),
    "a state where {target}'s forces stand that day ({where}), or a deployment event that posts "
    "them there first": (
        "un État où se trouvent les forces de {target} ce jour-là ({where}), ou un événement « deployment » qui les y poste d'abord"
    ),
    "{by} cannot ask itself for help": (
        "l'acteur qui demande de l'aide ({by}) ne peut pas être sollicité lui-même"
    ),
    "states or outside powers other than the one in by": (
        "des États ou des puissances extérieures autres que celui de « by »"
    ),
    "{actor} is asked twice (first at to[{first}])": (
        "{actor} est sollicité deux fois (d'abord en to[{first}])"
    ),
    "each state or power once": "chaque État ou puissance une fois",
    "a state or an outside power among this scenario's actors": (
        "un État ou une puissance extérieure parmi les acteurs de ce scénario"
    ),
    "help cannot be asked against the state that asks, or against a helper": (
        "l'aide ne peut pas être demandée contre l'État qui la demande, ni contre un État sollicité"
    ),
    "an actor other than those in by and to": "un acteur autre que ceux de « by » et de « to »",
    "not {what}: {value} is in the fact base but not listed under this scenario's actors": (
        "ce n'est pas {what} : {value} est dans la base de faits mais pas inscrit sous « actors » dans ce scénario"
    ),
    "{value} listed under actors: (a line '  {value}:'), or {choices}": (
        "{value} inscrit sous « actors: » (une ligne « {value}: » en retrait), ou {choices}"
    ),
    "not {what}": "ce n'est pas {what}",
    "{what}, of which this scenario lists none": "{what} (ce scénario n'en inscrit pas)",
    # ------------------------------------------------------------- the schema's own checks
    "an inline actor cannot be of kind {kind!r} (an outside power comes from the fact base with "
    "its dated deployments); use {kinds}": (
        "un acteur défini dans le fichier ne peut pas avoir « kind: {kind} » (une puissance extérieure vient de la base de faits avec ses déploiements datés) ; utilisez {kinds}"
    ),
    "{key!r} applies to a {only} only, not a {kind}": (
        "« {key} » ne vaut que pour « kind: {only} », pas pour « kind: {kind} »"
    ),
    "a belligerent needs 'in': the state it fights in": (
        "un belligérant demande « in » : l'État où il combat"
    ),
    "'rose_in_capital' is for a band with no backer and no faction's bases; a faction, or a "
    "rebel army with backers, draws its war out wherever it rose": (
        "« rose_in_capital » est pour une bande sans soutien et sans les bases d'une faction ; "
        "une faction, ou une armée rebelle soutenue, fait durer sa guerre où qu'elle se soit "
        "soulevée"
    ),
    "'in_the_open' is for a rebel army with no backer, not a faction and not risen in the "
    "capital, which would fight as guerrillas; one with backers, a faction or a band risen in "
    "the capital fights in the open already": (
        "« in_the_open » est pour une armée rebelle sans soutien, qui n'est pas une faction et "
        "ne s'est pas soulevée dans la capitale, et qui mènerait sinon une guérilla ; une armée "
        "soutenue, une faction ou une bande soulevée dans la capitale combat déjà à découvert"
    ),
    "an armed group needs 'operates_in': the states it fights in": (
        "un groupe armé demande « operates_in » : les États où il combat"
    ),
    "a reason in words, not blank": "une raison en toutes lettres, pas un blanc",
    "it is the note in French: give the 'note' it translates too": (
        "c'est la note en français : donnez aussi la « note » qu'elle traduit"
    ),
    "high ({high}) is below low ({low})": "« high » ({high}) est inférieur à « low » ({low})",
    "{what} needs at least one figure": "{what} demande au moins un chiffre",
    "{what} years": "années de {what}",
    "{what} must increase strictly from one point to the next": (
        "{what} : chaque valeur doit dépasser strictement la précédente"
    ),
    "regime periods' 'from' dates": "dates « from » des périodes de « regime »",
    "former names' 'until' dates": "dates « until » des anciens noms",
    "give either 'organisation' or 'states', not both or neither": (
        "donnez soit « organisation », soit « states », pas les deux ni aucun"
    ),
    "obliged: named needs the states in obliged_states": (
        "« obliged: named » demande les États dans « obliged_states »"
    ),
    "obliged_states is only for obliged: named": "« obliged_states » ne vaut que pour « obliged: named »",
    "conditions: {condition} is for casus_foederis: {qualifies} only (this clause has {has})": (
        "« conditions: {condition} » ne vaut que pour « casus_foederis: {qualifies} » (cette clause a {has})"
    ),
    "decision: {decision} needs the voting organisation in body": (
        "« decision: {decision} » demande l'organisation qui vote dans « body »"
    ),
    "clause ids must be unique; repeated: {ids}": (
        "les identifiants de clause doivent être uniques ; répétés : {ids}"
    ),
    # -------------------------------------------------------- validation (pydantic's words)
    "a date without a time of day is expected": "une date sans heure est attendue",
    "{value} is not a real date ({reason})": "{value} n'est pas une vraie date ({reason})",
    "a date as YYYY-MM-DD is expected": "une date AAAA-MM-JJ est attendue",
    "day is out of range for month": "ce jour n'existe pas dans ce mois",
    "month must be in 1..12": "le mois doit être entre 1 et 12",
    "year {year} is out of range": "l'année {year} est hors limites",
    "missing required field {field!r}": "champ obligatoire manquant : « {field} »",
    "a {french} for the new {text}: the one written for the old {text} was dropped with it": (
        "un {french} pour le nouveau {text} : celui écrit pour l'ancien {text} est parti avec lui"
    ),
    "unknown key {field!r}": "clé inconnue « {field} »",
    "not a valid choice": "choix invalide",
    "unknown kind {tag!r}": "« {tag} » n'est pas une valeur connue de « kind »",
    "missing required field 'kind'": "champ obligatoire manquant : « kind »",
    "not a valid id": "identifiant invalide",
    "letters A-Z or a-z, digits, '_' or '-', starting with a letter": (
        "des lettres A-Z ou a-z, des chiffres, « _ » ou « - », en commençant par une lettre"
    ),
    "not a whole number the format takes": "ce n'est pas un nombre entier que le format accepte",
    "a whole number written in digits (such as 30000), within the field's range": (
        "un nombre entier écrit en chiffres (comme 30000), dans la plage du champ"
    ),
    "a whole number, without quotes": "un nombre entier, sans guillemets",
    "a number, without quotes": "un nombre, sans guillemets",
    "true or false, without quotes": "un booléen (true ou false), sans guillemets",
    "not a number the format takes": "ce n'est pas un nombre que le format accepte",
    "a number written with a decimal point (such as 0.001 or 1.0e-3)": (
        "un nombre écrit avec un point décimal (comme 0.001 ou 1.0e-3)"
    ),
    "greater than {gt}": "une valeur supérieure à {gt}",
    "greater than or equal to {ge}": "une valeur supérieure ou égale à {ge}",
    "less than {lt}": "une valeur inférieure à {lt}",
    "less than or equal to {le}": "une valeur inférieure ou égale à {le}",
    "a whole number": "un nombre entier",
    "a whole number; this text is not one": ("un nombre entier ; ce texte n'en est pas un"),
    "a whole number, without a fractional part": ("un nombre entier, sans partie décimale"),
    "a number": "un nombre",
    "a number; this text is not one": "un nombre ; ce texte n'en est pas un",
    "a finite number": "un nombre fini",
    "true or false": "un booléen (true ou false)",
    "true or false; this value is neither": (
        "un booléen (true ou false) ; cette valeur n'en est pas un"
    ),
    "a text": "un texte",
    "a list": "une liste",
    "a mapping of keys to values": "une table de clés et de valeurs",
    "a mapping of keys to values to read the fields from": (
        "une table de clés et de valeurs dont lire les champs"
    ),
    "too few items": "trop peu d'éléments",
    "at least {min_length} item{s} after validation, not {actual_length}": (
        "au moins {min_length} élément(s), et non {actual_length}"
    ),
    "string should have at least {min_length} character{s}": (
        "le texte doit avoir au moins {min_length} caractère(s)"
    ),
    "string should have at most {max_length} character{s}": (
        "le texte doit avoir au plus {max_length} caractère(s)"
    ),
    "string should match pattern '{pattern}'": "le texte doit suivre le motif « {pattern} »",
    # ----------------------------------------------------------------- reading YAML safely
    "not a regular file (a folder, a device or a pipe)": (
        "ce n'est pas un fichier ordinaire (un dossier, un périphérique ou un tube)"
    ),
    "the path of a scenario YAML file": "le chemin d'un fichier YAML de scénario",
    "file too large ({size:,} bytes)": "fichier trop gros ({size:,} octets)",
    "at most {most:,}": "au plus {most:,}",
    "cannot read the file ({reason})": "impossible de lire le fichier ({reason})",
    "text too large ({size:,} bytes)": "texte trop long ({size:,} octets)",
    "not UTF-8 text (bad byte at offset {offset})": (
        "ce n'est pas du texte UTF-8 (octet invalide à la position {offset})"
    ),
    "a UTF-8 file": "un fichier UTF-8",
    "text too large ({size:,} characters)": "texte trop long ({size:,} caractères)",
    "invalid YAML: character {character} is not allowed": (
        "YAML invalide : le caractère {character} n'est pas permis"
    ),
    "printable text": "du texte imprimable",
    "invalid YAML: {what}": "YAML invalide : {what}",
    "a mapping of scenario fields": "une table de champs de scénario",
    "the document is empty": "le document est vide",
    "{message} ({count} uses of aliases; this is the first)": (
        "{message} ({count} usages d'alias ; voici le premier)"
    ),
    "aliases (*name) are not allowed": "les alias (*nom) ne sont pas permis",
    "the value written out in full": "la valeur écrite en entier",
    "nested deeper than {most} levels": "imbriqué sur plus de {most} niveaux",
    "control character {character} in text": "caractère de contrôle {character} dans le texte",
    "printable text (no control characters or terminal escapes)": (
        "du texte imprimable (sans caractères de contrôle ni séquences d'échappement du terminal)"
    ),
    "a key must be a plain word": "une clé doit être un simple mot",
    "a scalar key such as 'title'": "une clé simple comme « title »",
    "merge keys (<<) are not allowed": "les clés de fusion (<<) ne sont pas permises",
    "keys written out in full": "les clés écrites en entier",
    "duplicate key {key!r} (first given at line {line})": (
        "clé « {key} » en double (donnée d'abord à la ligne {line})"
    ),
    "each key once per mapping": "chaque clé une seule fois par table",
    "plain YAML without tags": "du YAML simple, sans étiquettes",
    "tag {tag!r} is not allowed": "l'étiquette « {tag} » n'est pas permise",
    "{problem} ({context})": "{problem} ({context})",
    "well-formed YAML": "du YAML bien formé",
    "a tab character": "un caractère de tabulation",
    "spaces for indentation (YAML forbids tabs there)": (
        "des espaces pour l'indentation (YAML y interdit les tabulations)"
    ),
    "valid YAML, but more than one document in the file (a scenario is one document)": (
        "YAML valide, mais plus d'un document dans le fichier (un scénario est un seul document)"
    ),
    "a single document (no second ---)": "un seul document (pas de second ---)",
    "valid YAML {version} (said by its %YAML line), which this reader cannot take: it reads YAML "
    "1.1, where yes, off, 0x1F and 1:20 are not text": (
        "YAML {version} valide (selon sa ligne %YAML), que ce lecteur ne peut pas prendre : il "
        "lit le YAML 1.1, où yes, off, 0x1F et 1:20 ne sont pas du texte"
    ),
    "the file without its %YAML line (quote any text that must stay text)": (
        "le fichier sans sa ligne %YAML (mettez entre guillemets tout texte qui doit rester du "
        "texte)"
    ),
    # What the YAML parser says of a syntax error (libyaml's words).
    "mapping values are not allowed in this context": (
        "une valeur de table n'est pas permise dans ce contexte"
    ),
    "mapping values are not allowed here": "une valeur de table n'est pas permise ici",
    "mapping keys are not allowed in this context": (
        "une clé de table n'est pas permise dans ce contexte"
    ),
    "block sequence entries are not allowed in this context": (
        "un élément de liste n'est pas permis dans ce contexte"
    ),
    "did not find expected ',' or ']'": "« , » ou « ] » attendu, non trouvé",
    "did not find expected ',' or '}'": "« , » ou « } » attendu, non trouvé",
    "did not find expected key": "clé attendue, non trouvée",
    "did not find expected '-' indicator": "indicateur « - » attendu, non trouvé",
    "did not find expected node content": "contenu de nœud attendu, non trouvé",
    "did not find expected <document start>": "début de document attendu, non trouvé",
    "did not find expected comment or line break": (
        "commentaire ou fin de ligne attendus, non trouvés"
    ),
    "did not find expected whitespace or line break": (
        "espace ou fin de ligne attendus, non trouvés"
    ),
    "did not find expected alphabetic or numeric character": (
        "lettre ou chiffre attendus, non trouvés"
    ),
    "did not find expected hexdecimal number": "nombre hexadécimal attendu, non trouvé",
    "could not find expected ':'": "« : » attendu, non trouvé",
    "found unexpected end of stream": "fin de texte inattendue",
    "found undefined alias": "alias non défini",
    "found character that cannot start any token": (
        "caractère qui ne peut commencer aucun élément"
    ),
    "found unknown escape character": "caractère d'échappement inconnu",
    "found unknown directive name": "nom de directive inconnu",
    "found duplicate %YAML directive": "directive %YAML en double",
    "found duplicate %TAG directive": "directive %TAG en double",
    "found incompatible YAML document": "document YAML incompatible",
    "found undefined tag handle": "préfixe d'étiquette non défini",
    "found invalid Unicode character escape code": (
        "code d'échappement de caractère Unicode invalide"
    ),
    "found a tab character that violates indentation": (
        "caractère de tabulation qui rompt l'indentation"
    ),
    "found a tab character where an indentation space is expected": (
        "caractère de tabulation là où une espace d'indentation est attendue"
    ),
    "while parsing a block node": "en lisant un nœud de bloc",
    "while parsing a flow node": "en lisant un nœud en ligne",
    "while parsing a node": "en lisant un nœud",
    "while parsing a block collection": "en lisant une liste de bloc",
    "while parsing a block mapping": "en lisant une table de bloc",
    "while parsing a flow sequence": "en lisant une liste en ligne",
    "while parsing a flow mapping": "en lisant une table en ligne",
    "while parsing a quoted scalar": "en lisant un texte entre guillemets",
    "while parsing a tag": "en lisant une étiquette",
    "while scanning a simple key": "en lisant une clé simple",
    "while scanning a quoted scalar": "en lisant un texte entre guillemets",
    "while scanning a block scalar": "en lisant un texte en bloc",
    "while scanning a plain scalar": "en lisant une valeur simple",
    "while scanning an anchor": "en lisant une ancre",
    "while scanning an alias": "en lisant un alias",
    "while scanning a tag": "en lisant une étiquette",
    "while scanning a directive": "en lisant une directive",
    "while scanning a %YAML directive": "en lisant une directive %YAML",
    "while scanning a %TAG directive": "en lisant une directive %TAG",
    "while scanning for the next token": "en cherchant l'élément suivant",
    # ------------------------------------- validate: its lines and the notes on a valid scenario
    "ok  {source}: {title}": "ok  {source} : {title}",
    "    note: {note}": "    note : {note}",
    "{failed} of {count} scenario(s) invalid": "{failed} scénario(s) sur {count} invalide(s)",
    "{name}'s ({actor}) forces are the scenario's own {year} figure ({value:,.0f}), {gap} years "
    "from its start ({start}); check actors.{actor}.forces": (
        "pour les forces {name:de} ({actor}), le scénario donne son propre chiffre de {year} "
        "({value:,.0f}), à {gap} ans de son début ({start}) ; vérifiez actors.{actor}.forces"
    ),
    "{name} ({actor}) was formed on {formed} (the fact base), after the scenario's start "
    "({start}): the run counts a group that did not yet exist": (
        "la base de faits date la formation {name:de} ({actor}) du {formed}, après le début du "
        "scénario ({start}) : la simulation compte un groupe qui n'existait pas encore"
    ),
    "armed forces": "forces armées",
    "fighters": "combattants",
    "{name}'s ({actor}) {what} are the fact base's {year} figure ({value:,.0f}), from before "
    "{other} ({other_id}) split from it on {split}: it counts both; set actors.{actor}.forces to "
    "a figure of the time if you have one": (
        "pour les {what} {name:de} ({actor}), la base de faits donne le chiffre de {year} "
        "({value:,.0f}), d'avant que {other} ({other_id}) ne s'en sépare, le {split} : il compte "
        "les deux groupes ; donnez à actors.{actor}.forces un chiffre de l'époque si vous en avez un"
    ),
    "{name}'s ({actor}) {what} are the fact base's {year} figure ({value:,.0f}), {gap} years "
    "from the scenario's start ({start}); set actors.{actor}.forces to a figure of the time if "
    "you have one": (
        "pour les {what} {name:de} ({actor}), la base de faits donne le chiffre de {year} "
        "({value:,.0f}), à {gap} ans du début du scénario ({start}) ; donnez à "
        "actors.{actor}.forces un chiffre de l'époque si vous en avez un"
    ),
    "{against} is not scheduled to invade {state} on or before that day and is no armed group "
    "operating in it": (
        "aucune invasion de {state} par {against} n'est prévue à cette date ou avant, et "
        "{against} n'est pas un groupe armé qui opère dans ce pays"
    ),
    "no invasion of {state} is scheduled on or before that day and no armed group of the "
    "scenario operates in it": (
        "aucune invasion de {state} n'est prévue à cette date ou avant, et aucun groupe armé du "
        "scénario n'y opère"
    ),
    "{why} (an incident by a state starts no war)": (
        "{why} (un incident causé par un État ne déclenche aucune guerre)"
    ),
    "{why} (a strike on its forces abroad gives nothing to help against at home)": (
        "{why} (une frappe sur ses forces à l'étranger ne lui donne rien à combattre chez lui)"
    ),
    "request {event} ({date}): {why}, so it finds nothing to help against unless the run starts "
    "a war by then": (
        "demande d'aide {event} ({date}) : {why} ; elle ne trouve donc rien contre quoi aider, à "
        "moins que la simulation ne déclenche une guerre d'ici là"
    ),
    "deployment {event} ({date}): the fact base already has {power}'s {posting} arriving in "
    "{host} that day, so its forces arrive twice; drop the event, or set the power's forces": (
        "déploiement {event} ({date}) : la base de faits fait déjà arriver ce jour-là des forces "
        "de {power} à destination de {host} : elles arrivent donc deux fois ; supprimez "
        "l'événement, ou fixez les forces de la puissance"
    ),
    "is an actor": "est acteur",
    "are actors": "sont acteurs",
    "{org} decides under pacts in play ({pacts}): {present} of its {members} members in good "
    "standing on {start} {are} of the scenario, and only they vote and can send forces in its "
    "name; add the others under actors: to count them ({missing})": (
        "{org:Le} décide selon des pactes en jeu ({pacts}) : {present} de ses {members} membres "
        "en règle le {start} {are} du scénario, et seuls ceux-là votent et peuvent envoyer des "
        "forces en son nom ; ajoutez les autres sous « actors: » pour les compter ({missing})"
    ),
    "{name} ({actor}) has no backer and is no faction: in a war against {state} it fights as "
    "guerrillas while it is the weaker side (docs/model.md §7.6); write its backers: if a state "
    "armed it, rose_in_capital: true for a band that rose in the capital, or in_the_open: true "
    "if the record shows it fighting in the open (columns, a front)": (
        "{name:Le} ({actor}) n'a aucun soutien et n'est pas une faction : en guerre contre "
        "{state}, ses combattants mènent une guérilla tant que leur camp est le plus faible "
        "(docs/model.md §7.6) ; écrivez ses « backers: » si un État lui a fourni des armes, « rose_in_capital: true » pour une bande qui s'est soulevée dans la capitale, ou « in_the_open: true » si les sources montrent ses combattants à découvert (en colonnes, sur "
        "un front)"
    ),
    "events.{event}: counts who struck (fighters: {fighters}) but not who got away: at "
    "pursuit_threshold {threshold:g} it is weighed for force as a strike no source counts; if "
    "every striker was killed or taken where they struck (a suicide bombing, a siege ended by "
    "assault), write escaped: 0 (docs/model.md §7.11)": (
        "events.{event} : compte ceux qui ont frappé (« fighters: {fighters} ») mais pas ceux qui se "
        "sont échappés : avec pursuit_threshold à {threshold:g}, l'attaque pèse dans la riposte "
        "comme une frappe qu'aucune source ne dénombre ; si tous les assaillants ont été tués ou "
        "pris sur place (un attentat-suicide, un siège terminé par un assaut), écrivez « escaped: 0 » (docs/model.md §7.11)"
    ),
    "a mediator fights in no war, backs neither side and strikes neither (docs/model.md §7.8, "
    "rule 5); if a state mediated, add it under actors:": (
        "un médiateur ne combat dans aucune guerre, ne soutient aucun des deux camps et ne frappe "
        "ni l'un ni l'autre (docs/model.md §7.8, règle 5) ; si un État a servi de médiateur, "
        "ajoutez-le sous « actors: »"
    ),
    "the only states of the scenario standing outside the war events.{event} starts ({by} "
    "against {target}) fight {others}, so none can broker a ceasefire in it while that war goes "
    "on: {rule}": (
        "les seuls États du scénario restés hors de la guerre que déclenche events.{event} ({by} "
        "contre {target}) combattent dans {others} ; aucun ne peut donc y négocier un "
        "cessez-le-feu tant que cette guerre dure : {rule}"
    ),
    "no state of the scenario stands outside the war events.{event} starts ({by} against "
    "{target}), so none can broker a ceasefire in it: {rule}": (
        "aucun État du scénario ne reste hors de la guerre que déclenche events.{event} ({by} "
        "contre {target}) ; aucun ne peut donc y négocier un cessez-le-feu : {rule}"
    ),
    "{pact} comes into force on {date}, within the run: a war under way that day is covered by "
    "it from that day, not from the war's first day (docs/model.md §7.3)": (
        "{pact} entre en vigueur le {date}, pendant la simulation : une guerre en cours ce "
        "jour-là n'est couverte par ce pacte qu'à partir de ce jour, et non depuis son premier "
        "jour (docs/model.md §7.3)"
    ),
    "{helpers} for {state}": "{helpers} pour {state}",
    "{pact} ({who})": "{pact} ({who})",
    "pacts_left_out names {named}, also put in play under pacts:; the run uses it, and the "
    "reason given for leaving it out does not apply": (
        "pacts_left_out nomme {named}, mis aussi en jeu sous « pacts: » ; la simulation s'en sert, et "
        "la raison donnée pour l'écarter ne s'applique pas"
    ),
    "pacts of the fact base left out could answer an event of the file (a clause on what it "
    "brings into play, in force that day): {left}; add those that bore on the crisis under "
    "pacts:, and those that did not under pacts_left_out: with the reason": (
        "des pactes de la base de faits laissés de côté pourraient répondre à un événement du "
        "fichier (une clause sur ce qu'il met en jeu, en vigueur ce jour-là) : {left} ; inscrivez sous « pacts: » ceux qui ont pesé sur la crise, et sous « pacts_left_out: » ceux qui n'y ont pas "
        "pesé, avec la raison"
    ),
    "pacts.{pact} {article} names adversaries ({adversaries}) none of which is an actor of this "
    "scenario: the clause can never come into play": (
        "pacts.{pact} {article} nomme des adversaires ({adversaries}) dont aucun n'est un acteur "
        "de ce scénario : la clause ne peut jamais entrer en jeu"
    ),
    "actors.{actor} is defined in the file and is also the fact base's {name}: the run uses the "
    "file's definition (the story names it as the fact base does); leave out kind (and the "
    "fields of a definition) to use the fact base's, with overrides": (
        "actors.{actor} est défini dans le fichier et désigne aussi {name} de la base de faits : "
        "la simulation utilise la définition du fichier (le récit le nomme comme la base de "
        "faits) ; omettez « kind » (et les champs d'une définition) pour utiliser celui de la base "
        "de faits, en changeant les champs voulus"
    ),
    "actors.{actor}.name_fr ({name!r}) begins with its article: write it in lower case, with a "
    "straight apostrophe ({fixed!r}), so that the stories in French can contract it after a "
    "preposition (du, au, de l')": (
        "actors.{actor}.name_fr (« {name} ») commence par son article : écrivez-le en "
        "minuscule, avec une apostrophe droite (« {fixed} »), pour que les récits en français "
        "puissent le contracter après une préposition (du, au, de l')"
    ),
    "actors.{actor}.name_fr ({name!r}) has no article: names are written as they read inside a "
    "sentence, and the stories in French put them after prepositions; write the article if the "
    "name takes one (le Portugal, la Libye, l'Algérie, les Comores)": (
        "actors.{actor}.name_fr (« {name} ») n'a pas d'article : les noms s'écrivent tels qu'ils "
        "se lisent dans une phrase, et les récits en français les placent après des "
        "prépositions ; écrivez l'article si le nom en prend un (le Portugal, la Libye, "
        "l'Algérie, les Comores)"
    ),
}
"""Each English template of an error message (the key) and its French."""


def said(message: object, lang: str) -> str:
    """``message`` in ``lang``: a :class:`~sim.errors.Text` in its French, else as it is.

    A template the catalogue lacks stays English (with its fields in English too), so that
    nothing is lost; the tests see to it that none is lacking.
    """
    if getattr(lang, "value", lang) != "fr":
        return str(message)
    if isinstance(message, Joined):
        separator = SEPARATORS.get(message.separator, message.separator)
        return separator.join(said(part, lang) for part in message.parts)
    if isinstance(message, Text):
        french = FRENCH.get(message.template)
        if french is not None and not message.fields:  # a template without fields, braces too
            return spaced(french)
        if french is not None:
            return _FORMATTER.vformat(spaced(french), (), message.fields)
    return str(message)


SEPARATORS = {"; ": NARROW + "; "}
"""The separators of joined messages that French spaces its own way (a thin space before ";")."""

_SPACE_BEFORE = re.compile(r" ([:;?!»])|(«) ")


@cache
def spaced(template: str) -> str:
    """A French template with no-break spaces where it has a space before ":", ";"... or in « ».

    Only a space written in the template is made no-break: "tcp://HOST:8786" and the user's
    values filled in later are left as they are.
    """

    def space(match: re.Match) -> str:
        mark = match.group(1)
        if mark is None:
            return "«" + NARROW
        return (NO_BREAK if mark == ":" else NARROW) + mark

    return _SPACE_BEFORE.sub(space, template)


def quoted(value: object, limit: int = 80) -> str:
    """A value the user wrote, quoted the French way: « text »; other values as Python shows them."""
    if isinstance(value, str):
        text = value if len(value) <= limit - 2 else value[: limit - 5] + "..."
        return f"«\u202f{text}\u202f»"
    return format(Quoted(value, limit))


SYSTEM_REASONS = {
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.EACCES: "permission refusée",
    errno.EPERM: "opération non permise",
    errno.ENOSPC: "plus de place sur le disque",
    errno.EDQUOT: "quota de disque dépassé",
    errno.EFBIG: "fichier trop gros",
    errno.EROFS: "système de fichiers en lecture seule",
    errno.EISDIR: "c'est un dossier",
    errno.ENOTDIR: "ce n'est pas un dossier",
    errno.EEXIST: "le fichier existe",
    errno.ENOTEMPTY: "dossier non vide",
    errno.EADDRINUSE: "adresse déjà utilisée",
    errno.EADDRNOTAVAIL: "impossible d'attribuer l'adresse demandée",
}
"""Why the system refused (an ``OSError``'s reason, in ``{reason}``), in French, by error number."""
_SYSTEM_SAYS = {os.strerror(number): french for number, french in SYSTEM_REASONS.items()}


class _French(string.Formatter):
    """Fills a French template: phrases in French, quoted values and grouped numbers French."""

    def get_value(self, key: int | str, args, kwargs) -> object:
        value = super().get_value(key, args, kwargs)
        if key == "reason" and isinstance(value, str) and value in _SYSTEM_SAYS:
            return _SYSTEM_SAYS[value]  # the system's words (in English whatever the locale)
        return value

    def format_field(self, value: object, format_spec: str) -> str:
        if isinstance(value, Text | Joined):
            return said(value, "fr")
        if isinstance(value, Quoted):
            return quoted(value.value, value.limit)
        if isinstance(value, Listed):  # allowed values, quoted one by one as a typed value is
            return ", ".join(quoted(item) for item in value.items)
        if isinstance(value, Unit):
            return UNITS_FR.get(value, value)
        if isinstance(value, BaseException):  # a library's words, quoted: kept on one line
            return " ".join(str(value).split())
        if isinstance(value, Named) or format_spec in NAME_FORMS[1:]:
            return named(value, format_spec)
        if "," in format_spec and isinstance(value, int | float) and not isinstance(value, bool):
            return localised(format(value, format_spec), "fr")
        return super().format_field(value, format_spec)


_FORMATTER = _French()

NAME_FORMS = ("", "de", "Le")
"""How a French template names an actor (a :class:`~sim.errors.Named`): ``{name}`` with its
article (« le Mali »), ``{name:de}`` after « de », contracted (« du Mali », « de l'Algérie »),
``{name:Le}`` with a capital, to begin a sentence (« La CEDEAO »)."""


def named(value: object, form: str = "") -> str:
    """An actor named in French as the stories name it, in one of the :data:`NAME_FORMS`.

    A :class:`~sim.errors.Named` is named by its id (its French name, its article); any other
    value is taken as the French phrase itself.
    """
    from sim.present.i18n import actor_phrase, capitalise, french_de

    phrase = actor_phrase(value.actor, "fr") if isinstance(value, Named) else str(value)
    if form == "de":
        return french_de(phrase)
    if form == "Le":
        return capitalise(phrase)
    return phrase


# ------------------------------------------------------------------------------ click

CLICK_FRENCH: dict[str, str] = {
    "Error: {message}": "Erreur : {message}",
    "Try '{command} {option}' for help.": "Essayez « {command} {option} --lang fr » pour l'aide.",
    "Invalid value for {param_hint}: {message}": "Valeur invalide pour {param_hint} : {message}",
    "Invalid value: {message}": "Valeur invalide : {message}",
    "Missing argument": "Argument manquant :",
    "Missing option": "Option manquante :",
    "Missing parameter": "Paramètre manquant :",
    "Missing {param_type}": "Manquant ({param_type}) :",
    "Missing parameter: {param_name}": "Paramètre manquant : {param_name}",
    "Missing command.": "Commande manquante.",
    "No such option {name!r}.": "Option inconnue : « {name} ».",
    "No such command {name!r}.": "Commande inconnue : « {name} ».",
    "Option {name!r} does not take a value.": "L'option « {name} » ne prend pas de valeur.",
    "Argument {name!r} takes {nargs} values.": "L'argument « {name} » prend {nargs} valeurs.",
    "Invalid start character for option ({option})": (
        "Caractère de début invalide pour l'option ({option})"
    ),
    "Value must be an iterable.": "La valeur doit être une suite de valeurs.",
    "Choose from:\n\t{choices}": "Choisissez parmi :\n\t{choices}",
    "{value} is not in the range {range}.": "{value} n'est pas dans la plage {range}.",
    "{value!r} is not a valid {number_type}.": "« {value} » n'est pas un {number_type} valide.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "« {value} » n'est pas un booléen valide. Valeurs reconnues : {states}"
    ),
    "{value!r} is not a valid UUID.": "« {value} » n'est pas un UUID valide.",
    "{name} {filename!r} does not exist.": "{name} « {filename} » n'existe pas.",
    "{name} {filename!r} is a file.": "{name} « {filename} » est un fichier.",
    "{name} {filename!r} is a directory.": "{name} « {filename} » est un dossier.",
    "{name} {filename!r} is not readable.": "{name} « {filename} » n'est pas lisible.",
    "{name} {filename!r} is not writable.": (
        "{name} « {filename} » n'est pas accessible en écriture."
    ),
    "{name} {filename!r} is not executable.": "{name} « {filename} » n'est pas exécutable.",
    "Could not open file {filename!r}: {message}": (
        "Impossible d'ouvrir le fichier « {filename} » : {message}"
    ),
    "unknown error": "erreur inconnue",
    "Aborted!": "Abandon !",
}
"""click's own messages (its gettext ids) and their French: those a user's mistake brings (the
words of a command's help are :mod:`sim.present.help_words`'s)."""

CLICK_FRENCH_PLURAL: dict[tuple[str, str], tuple[str, str]] = {
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Vouliez-vous dire {possibility} ?",
        "(Vouliez-vous dire l'une de ces options : {possibilities} ?)",
    ),
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Argument inattendu en trop ({args})",
        "Arguments inattendus en trop ({args})",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "L'option « {name} » demande une valeur.",
        "L'option « {name} » demande {nargs} valeurs.",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "« {value} » n'est pas {choice}.",
        "« {value} » n'est pas l'une des valeurs {choices}.",
    ),
    (
        "{value!r} does not match the format {format}.",
        "{value!r} does not match the formats {formats}.",
    ): (
        "« {value} » ne suit pas le format {format}.",
        "« {value} » ne suit aucun des formats {formats}.",
    ),
    (
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ): (
        "{len_type} valeurs sont demandées, mais {len_value} a été donnée.",
        "{len_type} valeurs sont demandées, mais {len_value} ont été données.",
    ),
    (
        "Takes {nargs} values but 1 was given.",
        "Takes {nargs} values but {len} were given.",
    ): (
        "Prend {nargs} valeurs mais 1 a été donnée.",
        "Prend {nargs} valeurs mais {len} ont été données.",
    ),
}
"""click's messages with a singular and a plural (its ngettext ids), and their French."""

CLICK_USAGE = {"Usage:": "Utilisation :"}
"""What click writes before a command's usage: in an error's usage line, and at the top of
``--help`` (:mod:`sim.present.help_words` says the rest of the help)."""

_HINT = re.compile(r"'([^']*)'")


def click_gettext(message: str) -> str:
    """The French of click's message ``message`` (itself when the catalogue lacks it)."""
    french = CLICK_FRENCH.get(message) or CLICK_USAGE.get(message)
    return _ClickTemplate(spaced(french)) if french is not None else message


def click_ngettext(singular: str, plural: str, n: int) -> str:
    """The French of click's message in the singular or the plural."""
    french = CLICK_FRENCH_PLURAL.get((singular, plural))
    if french is None:
        return singular if n == 1 else plural
    return _ClickTemplate(spaced(french[0] if n == 1 else french[1]))


def french_quotes(text: str) -> str:
    """Names click quotes the English way (``'--workers' / '-w'``), quoted the French way."""
    return _HINT.sub("«\u202f\\1\u202f»", text)


class _ClickTemplate(str):
    """A French template of click's, which click fills with ``format``: its fields in French.

    click quotes the options it names the English way (``'--workers' / '-w'``) and names a
    number's or a path's kind in English (``integer``, ``Directory``): both are said in French.
    """

    def format(self, *args: object, **fields: object) -> str:
        for key, value in fields.items():
            if key in _QUOTED and isinstance(value, str):
                fields[key] = french_quotes(value)
            elif key in ("name", "number_type") and isinstance(value, str):
                fields[key] = CLICK_FIELDS.get(value, value)
        return super().format(*args, **fields)


def french_usage(usage: str) -> str:
    """A command's usage line with its placeholders in French (``SCENARIO``: ``SCÉNARIO``)."""
    return _PLACEHOLDER.sub(lambda m: CLICK_PLACEHOLDERS.get(m.group(), m.group()), usage)


CLICK_PLACEHOLDERS = {
    "SCENARIO": "SCÉNARIO",
    "RUN_DIR": "DOSSIER",
    "COMMAND": "COMMANDE",
    "ARGS": "ARGUMENTS",
}
"""The placeholders of the commands' usage lines, in French ("OPTIONS" is French too)."""
_PLACEHOLDER = re.compile(r"\b[A-Z][A-Z_]+\b")

_QUOTED = ("param_hint", "possibility", "possibilities", "choice", "choices")
"""The fields of click's messages that hold names it quotes."""

CLICK_FIELDS = {
    "integer": "nombre entier",
    "integer range": "nombre entier",
    "float": "nombre décimal",
    "float range": "nombre décimal",
    "File": "Le fichier",
    "Directory": "Le dossier",
    "Path": "Le chemin",
}
"""Words click puts into its messages as fields (a number's kind, a path's), in French."""
