"""What the commands print around their work: headers, notes, the catalogue, sensitivity.

Headers and notes are returned as text (the command line chooses the stream); tables are built
or printed on a rich console, standard output by default. Larger reports live with what they
show: a bundle's summary in :mod:`sim.present.console`, a comparison's in
:mod:`sim.present.comparison`, a sweep's in :mod:`sim.present.sweep_figures`. Nothing heavy is
imported here, so that quick commands (``sahelsim list``) stay quick.
"""

from __future__ import annotations

import csv
import shlex
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from sim.numbers import counted, localised
from sim.present.streams import std_console

if TYPE_CHECKING:
    from sim.run.plan import RunPlan
    from sim.run.sweep import SweepPlan
    from sim.scenario.catalogue import Entry


def _drawn(plan: RunPlan | SweepPlan, lang: str = "en") -> str:
    if not plan.seed_was_drawn:
        return ""
    if lang == "fr":
        return " (tirée au hasard ; passez --seed pour la reproduire)"
    return " (drawn; pass --seed to repeat)"


REPLICATES = {
    "en": ("replicate", "replicates"),
    "fr": ("réplication", "réplications"),
    "en paired": ("paired replicate", "paired replicates"),
    "fr paired": ("réplication appariée", "réplications appariées"),
}
"""The nouns of a plan's counts, singular and plural (sim.numbers.counted)."""


def replicates(count: int, lang: str = "en", *, paired: bool = False) -> str:
    """A count of replicates with its noun agreeing: "1 replicate", "1 000 réplications"."""
    return counted(count, *REPLICATES[f"{lang} paired" if paired else lang], lang)


def _points(count: int, lang: str = "en") -> str:
    return counted(count, "point", "points", lang)


def run_header(plan: RunPlan, lang: str = "en", *, adaptive: bool = False) -> str:
    """What an ensemble is about to run, and from which root seed.

    ``adaptive``: replicates are added until the intervals are narrow enough (``--precision``),
    so the plan's count is a cap, not what will run.
    """
    if lang == "fr":
        up_to = "jusqu'à " if adaptive else ""
        return (
            f"{plan.scenario.title_in(lang)} : {up_to}{replicates(plan.replicates, lang)}, graine "
            f"{plan.root_seed}{_drawn(plan, lang)}"
        )
    up_to = "up to " if adaptive else ""
    return (
        f"{plan.scenario.title}: {up_to}{replicates(plan.replicates)}, root seed "
        f"{plan.root_seed}{_drawn(plan)}"
    )


def pair_header(name_a: str, name_b: str, plan: RunPlan, lang: str = "en") -> str:
    """What a comparison is about to run: both scenarios on the same replicate seeds."""
    if lang == "fr":
        return (
            f"A = {name_a}, B = {name_b} : {replicates(plan.replicates, lang, paired=True)}, "
            f"graine {plan.root_seed}"
        )
    return (
        f"A = {name_a}, B = {name_b}: {replicates(plan.replicates, paired=True)}, "
        f"root seed {plan.root_seed}"
    )


def sweep_header(plan: SweepPlan, lang: str = "en") -> str:
    """What a sweep is about to run: points times replicates, and the root seed."""
    if lang == "fr":
        return (
            f"{plan.scenario.title_in(lang)} : {_points(plan.design.points, lang)} x "
            f"{replicates(plan.replicates, lang)}, graine {plan.root_seed}{_drawn(plan, lang)}"
        )
    return (
        f"{plan.scenario.title}: {_points(plan.design.points)} x {replicates(plan.replicates)}, "
        f"root seed {plan.root_seed}{_drawn(plan)}"
    )


WORDS = {
    "en": {
        "list_name": "name",
        "list_title": "title / description",
        "list_invalid": "does not validate: sahelsim validate {name} says why",
        "teach_open": "sahelsim teach: open {url}  (Ctrl-C to stop)",
        "teach_down": "sahelsim: the app did not start on {url}",
        "class_open": "sahelsim teach --class: students join at {join} with code {code}\n"
        "projector (keep this address to yourself): {projector}\n(Ctrl-C to stop)",
        "class_saved": "each world's decisions are saved in {save} (class-{code}-world-N.json; "
        "class-{code}-round-R-world-N.json from the second round on)",
        "class_alone": "sahelsim: no local network found: only this machine can join",
        "reached": "Precision ±{precision}: reached after {done} replicates; every reported "
        "probability's 95 % interval is within ±{precision}{widest}.",
        "widest": " (the widest ±{widest})",
        "not_reached": "Precision ±{precision}: not reached within the cap of {done} replicates.",
        "same_resumed": "the same command with --resume",
        "nothing_to_resume": "--resume: {out} does not exist, so there is nothing to resume: the "
        "work starts from the beginning",
        "stopped_run": "Interrupted: the bundle in {out} holds the {done} replicates finished "
        "(summary.csv, events.jsonl; the state to resume from is in {partial}). Finish it with: "
        "{command}",
        "stopped_before_any": "Interrupted before any replicate finished: there are no results "
        "in {out}, only the state to resume from ({partial}). Run it with: {command} (it starts "
        "from the beginning), or remove {out}.",
        "stopped_sweep": "Interrupted: {out} holds the {done} replicates finished (the state to "
        "resume from is in {partial}). Finish it with: {command}",
        "stopped_work_before_any": "Interrupted before any replicate finished: there are no "
        "results in {out}, only the state to resume from ({partial}). Run it with: {command} (it "
        "starts from the beginning), or remove {out}.",
        "stopped_pair": "Interrupted: partial bundles are in {out}.",
        "stopped_pair_before_any": "Interrupted before any replicate finished: there are no "
        "results in {out}. Remove it, then run the comparison with: {command}",
        "stopped_drawing": "Interrupted while drawing the figures: the bundle in {out} holds its "
        "{done} replicates (summary.csv, events.jsonl). Draw its figures and report with: "
        "{command}",
        "stopped_sample": "Interrupted: the sample is incomplete, so no indices were computed.",
        "stopped_comparison": "Interrupted while drawing the figures: {out} holds both ensembles "
        "(a/, b/){csv}, whole. Draw each one's figures and report with: {a}, then {b}{again}",
        "and_csv": " and comparison.csv",
        "comparison_again": "; the comparison's own figures (figures/) are drawn by comparing "
        "again, into another --out",
        "stopped_sweep_drawing": "Interrupted while drawing the figures: {out} holds its {done} "
        "replicates ({files}). Draw its figures with: {command}",
        "stopped_backtest": "Interrupted: {out} holds each episode's replicates finished. Finish "
        "with: {command}",
        "stopped_backtest_before_any": "Interrupted before any replicate finished: there are no "
        "results in {out}, only the state to resume from. Run it with: {command} (it starts from "
        "the beginning), or remove {out}.",
        "stopped_scoring": "Interrupted while writing the scores and drawing the figure: {out} "
        "holds every episode's replicates. Write the scores, report.md and the figure with: "
        "{command}",
        "failed": "{failed} replicate(s) failed and are left out of the estimates ({traces} holds "
        "each traceback); rerun one with: {replay}",
        "failed_episode": "{episode}: {failed} of {planned} replicates failed and are left out of "
        "its scores ({traces} holds each traceback); rerun one with: {replay}",
        "sensitivity": "Sensitivity: {out} (indices.csv, summary.txt{figures}, results.csv)",
        "same_pair": "note: A and B are the same scenario with the same settings, so every "
        "difference is 0; --set-b changes B alone",
        "pair_note": "note: {note}: the differences below include its effect",
        "start": "A and B start on different dates (A {a}, B {b})",
        "days": "A and B have different horizons (A {a} days, B {b})",
        "actors": "A and B have different actors ({parts})",
        "only_a": "only in A: {names}",
        "only_b": "only in B: {names}",
    },
    "fr": {
        "list_name": "nom",
        "list_title": "titre / description",
        "list_invalid": "invalide : sahelsim validate {name} dit pourquoi",
        "teach_open": "sahelsim teach : ouvrez {url}  (Ctrl-C pour arrêter)",
        "teach_down": "sahelsim : l'application n'a pas démarré sur {url}",
        "class_open": "sahelsim teach --class : les élèves rejoignent la classe sur {join} avec "
        "le code {code}\nprojecteur (gardez cette adresse pour vous) : {projector}\n"
        "(Ctrl-C pour arrêter)",
        "class_saved": "les décisions de chaque monde sont enregistrées dans {save} "
        "(class-{code}-world-N.json ; class-{code}-round-R-world-N.json à partir de la "
        "deuxième manche)",
        "class_alone": "sahelsim : aucun réseau local trouvé : seule cette machine peut rejoindre "
        "la classe",
        "reached": "Précision ±{precision} : atteinte après {done} réplications ; l'intervalle à "
        "95\u202f% de chaque probabilité rapportée tient dans ±{precision}{widest}.",
        "widest": " (le plus large : ±{widest})",
        "not_reached": "Précision ±{precision} : non atteinte dans la limite de {done} "
        "réplications.",
        "same_resumed": "la même commande avec --resume",
        "nothing_to_resume": "--resume : {out} n'existe pas, il n'y a donc rien à reprendre : le "
        "travail commence depuis le début",
        "stopped_run": "Interrompu : le dossier {out} garde les {done} réplications terminées "
        "(summary.csv, events.jsonl ; ce qu'il faut pour reprendre se trouve dans {partial}). Pour finir : "
        "{command}",
        "stopped_before_any": "Interrompu avant la fin de la première réplication\u00a0: {out} ne "
        "contient aucun résultat, seulement ce qu'il faut pour reprendre ({partial}). Pour la "
        "lancer\u00a0: {command} (elle part du début), ou supprimez {out}.",
        "stopped_work_before_any": "Interrompu avant la fin de la première réplication\u00a0: "
        "{out} ne contient aucun résultat, seulement ce qu'il faut pour reprendre ({partial}). "
        "Pour tout lancer\u00a0: {command} (depuis le début), ou supprimez {out}.",
        "stopped_sweep": "Interrompu : {out} garde les {done} réplications terminées (ce qu'il faut "
        "pour reprendre se trouve dans {partial}). Pour finir : {command}",
        "stopped_pair": "Interrompu : les dossiers partiels sont dans {out}.",
        "stopped_pair_before_any": "Interrompu avant la fin de la première réplication\u00a0: "
        "{out} ne contient aucun résultat. Supprimez-le, puis lancez la comparaison\u00a0: "
        "{command}",
        "stopped_drawing": "Interrompu pendant le tracé des figures : le dossier {out} garde ses "
        "{done} réplications (summary.csv, events.jsonl). Pour tracer ses figures et son rapport : "
        "{command}",
        "stopped_sample": "Interrompu : l'échantillon est incomplet, aucun indice n'a donc été "
        "calculé.",
        "stopped_comparison": "Interrompu pendant le tracé des figures : {out} garde les deux "
        "ensembles (a/, b/){csv}, entiers. Pour tracer les figures et le rapport de chacun : "
        "{a}, puis {b}{again}",
        "and_csv": " et comparison.csv",
        "comparison_again": " ; les figures de la comparaison elle-même (figures/) se tracent en "
        "comparant de nouveau, dans un autre --out",
        "stopped_sweep_drawing": "Interrompu pendant le tracé des figures : {out} garde ses {done} "
        "réplications ({files}). Pour tracer ses figures : {command}",
        "stopped_backtest": "Interrompu : {out} garde les réplications terminées de chaque "
        "épisode. Pour finir : {command}",
        "stopped_backtest_before_any": "Interrompu avant la fin de la première réplication\u00a0: "
        "{out} ne contient aucun résultat, seulement ce qu'il faut pour reprendre. Pour lancer la "
        "rétro-évaluation\u00a0: {command} (elle part du début), ou supprimez {out}.",
        "stopped_scoring": "Interrompu pendant l'écriture des scores et le tracé de la figure : "
        "{out} garde les réplications de chaque épisode. Pour écrire les scores, report.md et la "
        "figure : {command}",
        "failed": "{failed} réplication(s) en échec, laissée(s) hors des estimations ({traces} "
        "garde chaque trace d'erreur) ; pour en rejouer une : {replay}",
        "failed_episode": "{episode} : {failed} réplication(s) sur {planned} en échec, laissée(s) "
        "hors de ses scores ({traces} garde chaque trace d'erreur) ; pour en rejouer une : "
        "{replay}",
        "sensitivity": "Sensibilité : {out} (indices.csv, summary.txt{figures}, results.csv)",
        "same_pair": "remarque : A et B sont le même scénario avec les mêmes réglages, donc "
        "chaque différence est nulle ; --set-b ne change que B",
        "pair_note": "remarque : {note} ; les différences ci-dessous en incluent l'effet",
        "start": "A et B commencent à des dates différentes (A le {a}, B le {b})",
        "days": "A et B ont des horizons différents (A {a} jours, B {b})",
        "actors": "A et B n'ont pas les mêmes acteurs ({parts})",
        "only_a": "seulement dans A : {names}",
        "only_b": "seulement dans B : {names}",
    },
}
"""What the commands say around their work, in each language (messages are looked up here)."""


def precision_outcome(
    precision: float, manifest: dict, lang: str = "en", widths: dict[str, float] | None = None
) -> str:
    """Whether an adaptive ensemble reached its precision, and after how many replicates.

    ``widths`` are the rule's half-widths where it saw the replicates (not when a finished
    bundle was only re-read); the widest is then said. The replicates counted are those in the
    estimates, without the failed.
    """
    words = WORDS[lang]
    replicates = manifest["replicates"]
    shown = localised(f"{precision:g}", lang)
    if not replicates["stopped_early"]:
        return words["not_reached"].format(precision=shown, done=replicates["planned"])
    widest = (
        words["widest"].format(widest=localised(f"{max(widths.values()):.3f}", lang))
        if widths
        else ""
    )
    done = replicates["completed"] - manifest.get("failed", {}).get("count", 0)
    return words["reached"].format(precision=shown, done=done, widest=widest)


def resume_command(command: Sequence[str], out: Path) -> str:
    """The command that finishes the work in ``out``: the one that started it, with --resume.

    And with ``--out``, when the work went to the folder made for it: without it, --resume
    was refused.
    """
    words = [word for word in command if word != "--resume"]
    if not any(word == "--out" or word.startswith("--out=") for word in words):
        words += ["--out", str(out)]
    return shlex.join([*words, "--resume"])


def _resume_command(manifest: dict, out: Path, lang: str = "en") -> str:
    command = manifest.get("command")
    if isinstance(command, list) and command and all(isinstance(c, str) for c in command):
        return resume_command(command, out)
    return WORDS[lang]["same_resumed"]


def _stopped(key: str, out: Path, manifest: dict, lang: str) -> str:
    return WORDS[lang][key].format(
        out=out,
        done=manifest["replicates"]["completed"],
        partial=out / ".partial",
        command=_resume_command(manifest, out, lang),
    )


def interrupted_run(out: Path, manifest: dict, lang: str = "en") -> str:
    """What an interrupted ensemble left, and how to finish it (or that nothing finished)."""
    key = "stopped_run" if manifest["replicates"]["completed"] else "stopped_before_any"
    return _stopped(key, out, manifest, lang)


def interrupted_sweep(out: Path, manifest: dict, lang: str = "en") -> str:
    """What an interrupted sweep left, and how to finish it (or that nothing finished)."""
    key = "stopped_sweep" if manifest["replicates"]["completed"] else "stopped_work_before_any"
    return _stopped(key, out, manifest, lang)


def interrupted_drawing(out: Path, manifest: dict, lang: str = "en") -> str:
    """What a run interrupted while drawing its figures left, and how to draw them."""
    return WORDS[lang]["stopped_drawing"].format(
        out=out, done=manifest["replicates"]["completed"], command=_report_command(out, lang)
    )


def _report_command(bundle: Path, lang: str) -> str:
    return shlex.join(
        ["sahelsim", "report", str(bundle), *(["--lang", "fr"] if lang == "fr" else [])]
    )


def interrupted_comparison(out: Path, lang: str = "en") -> str:
    """What a comparison interrupted while drawing left, and how to draw the rest.

    Each ensemble's figures and report are drawn by ``sahelsim report``; the overlay and the
    differences, when they are not both drawn, only by comparing again.
    """
    words = WORDS[lang]
    drawn = all((out / "figures" / f"{name}.svg").is_file() for name in ("overlay", "differences"))
    return words["stopped_comparison"].format(
        out=out,
        csv=words["and_csv"] if (out / "comparison.csv").is_file() else "",
        a=_report_command(out / "a", lang),
        b=_report_command(out / "b", lang),
        again="" if drawn else words["comparison_again"],
    )


def interrupted_sweep_drawing(
    out: Path, manifest: dict, lang: str = "en", *, indices: bool = False
) -> str:
    """What a sweep interrupted while drawing its figures left, and how to draw them.

    Its command again, with --resume: it finds the work done and draws. ``indices``: a
    sensitivity analysis, which wrote its indices before drawing.
    """
    files = "results.csv, means.csv" + (", indices.csv, summary.txt" if indices else "")
    return WORDS[lang]["stopped_sweep_drawing"].format(
        out=out,
        done=manifest["replicates"]["completed"],
        files=files,
        command=_resume_command(manifest, out, lang),
    )


def interrupted_backtest(
    out: Path, command: Sequence[str], lang: str = "en", *, results: bool = True
) -> str:
    """What an interrupted backtest left, and the command that finishes it.

    Without ``results`` (no replicate finished, in any episode), that there are none.
    """
    key = "stopped_backtest" if results else "stopped_backtest_before_any"
    return WORDS[lang][key].format(out=out, command=resume_command(command, out))


def interrupted_scoring(out: Path, command: Sequence[str], lang: str = "en") -> str:
    """What a backtest interrupted while writing its scores and drawing its figure left.

    And how to write them: its command again with --resume, which finds every episode run.
    """
    return WORDS[lang]["stopped_scoring"].format(out=out, command=resume_command(command, out))


def interrupted_pair(
    out: Path, command: Sequence[str], lang: str = "en", *, results: bool = True
) -> str:
    """Where an interrupted comparison left its bundles.

    Without ``results`` (no replicate of A finished), that there are none, and the command that
    runs the comparison: it cannot go on from the folder, which is to be removed first.
    """
    if results:
        return WORDS[lang]["stopped_pair"].format(out=out)
    return WORDS[lang]["stopped_pair_before_any"].format(out=out, command=shlex.join(command))


def interrupted_sample(lang: str = "en") -> str:
    """Why a stopped sensitivity analysis has no indices."""
    return WORDS[lang]["stopped_sample"]


def replay_command(scenario: Path, seed: int, lang: str = "en", options: Sequence[str] = ()) -> str:
    """The command that replays one replicate and tells its story (in ``lang``)."""
    words = ["sahelsim", "explain", str(scenario), "--seed", str(seed), *options]
    words += ["--lang", "fr"] if lang == "fr" else []
    return " ".join(shlex.quote(w) for w in words)


def parameter_options(manifest: dict) -> list[str]:
    """The options that give a replay the parameters its replicate ran with.

    A bundle that drew from the shipped posterior needs none (``explain`` draws the same set
    from the same seed); one drawn from a posterior given needs its file; one that ran single
    values (no ``parameters`` block, or a sweep) needs ``--parameters point``.
    """
    drawn = manifest.get("parameters")
    if not drawn:
        return ["--parameters", "point"]
    return [] if drawn.get("shipped") else ["--posterior", str(drawn["posterior"])]


def failed_note(
    folder: Path,
    failed: dict,
    lang: str = "en",
    *,
    episode: str | None = None,
    planned: int = 0,
    options: Sequence[str] = (),
) -> str | None:
    """The warning that some replicates of a bundle, a sweep or an episode failed, else None.

    ``failed`` is the manifest's block of that name; ``options`` are the replay's own (its
    parameters, a sweep point's values). Said the same way wherever replicates
    run (``run``, ``sweep``, ``sensitivity``, ``backtest``): how many failed, that the
    estimates leave them out, where each traceback is, and the command that replays the
    first. An episode's note names it and the replicates ``planned``.
    """
    if not failed.get("count"):
        return None
    common = {
        "failed": failed["count"],
        "traces": f"{episode}/failures.jsonl" if episode else "failures.jsonl",
        "replay": replay_command(
            folder / "scenario.yaml", failed["replicates"][0]["seed"], lang, options
        ),
    }
    if episode is None:
        return WORDS[lang]["failed"].format(**common)
    return WORDS[lang]["failed_episode"].format(episode=episode, planned=planned, **common)


def sweep_failed_note(out: Path, manifest: dict, lang: str = "en") -> str | None:
    """:func:`failed_note` for a sweep: the replay command sets the failed point's values."""
    failed = manifest.get("failed", {})
    if not failed.get("count"):
        return None
    point = str(failed["replicates"][0]["point"])
    with open(out / "points.csv", newline="", encoding="utf-8") as handle:
        row = next((r for r in csv.DictReader(handle) if r["point"] == point), {})
    sets = [
        w for name, value in row.items() if name != "point" for w in ("--set", f"{name}={value}")
    ]
    # a sweep's replicates run the scenario's single values, with the point's
    return failed_note(out, failed, lang, options=[*sets, "--parameters", "point"])


def same_pair_note(lang: str = "en") -> str:
    """A comparison of a scenario with itself: every difference is 0."""
    return WORDS[lang]["same_pair"]


def pair_notes(differences: dict[str, tuple], lang: str = "en") -> list[str]:
    """One note per way two scenarios differ besides their settings (start, horizon, actors)."""
    words = WORDS[lang]
    notes = []
    for key, (a, b) in differences.items():
        if key == "actors":
            parts = [
                words[which].format(names=", ".join(names))
                for which, names in (("only_a", a), ("only_b", b))
                if names
            ]
            note = words["actors"].format(parts=(" ; " if lang == "fr" else "; ").join(parts))
        elif key == "start":
            from sim.present.i18n import date_text  # the fact base: only when dates differ

            note = words[key].format(a=date_text(a, lang), b=date_text(b, lang))
        else:
            note = words[key].format(a=a, b=b)
        notes.append(words["pair_note"].format(note=note))
    return notes


def print_sensitivity(
    text: str,
    folder: Path,
    *,
    drawn: bool = True,
    console: Console | None = None,
    lang: str = "en",
) -> None:
    """The plain-language summary as written to summary.txt, then where the files are."""
    report = console or std_console(
        highlight=False, soft_wrap=True
    )  # the terminal wraps; copies stay whole
    report.print(text, markup=False, end="")
    figures = ", figures/" if drawn else ""
    report.print(WORDS[lang]["sensitivity"].format(out=folder, figures=figures))


class WholeParts:
    """A table cell's text that a narrow column folds only between its parts, never inside one.

    Rich breaks a line at any space, the narrow no-break space inside a French number ("7 888",
    "100 %") included: at a terminal's edge a number was split over two lines. Each line of the
    cell is given as its parts, each with the spaces that follow it ("[7 888 ; ", "12,4k]"); a
    part wider than the whole column is left to rich, as a plain string would be.
    """

    def __init__(self, *lines: Sequence[str]):
        self.lines = lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        parts = [part.rstrip() for line in self.lines for part in line]
        return Measurement(
            max(map(cell_len, parts)), max(cell_len("".join(line).rstrip()) for line in self.lines)
        )

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        folded = []
        for parts in self.lines:
            line = ""
            for part in parts:
                if line and cell_len((line + part).rstrip()) > options.max_width:
                    folded.append(line.rstrip())
                    line = ""
                line += part
            folded.append(line.rstrip())
        yield Text("\n".join(folded))


def catalogue_table(entries: Iterable[Entry], lang: str = "en") -> Table:
    """Bundled scenarios and lessons: name, title, and the summary dimmed below it."""
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column(WORDS[lang]["list_name"], no_wrap=True)
    table.add_column(WORDS[lang]["list_title"], overflow="fold")
    for entry in entries:
        summary = (
            WORDS[lang]["list_invalid"].format(name=entry.name) if entry.invalid else entry.summary
        )
        text = entry.title if not summary else f"{entry.title}\n[dim]{summary}[/dim]"
        table.add_row(entry.name, text)
    return table
