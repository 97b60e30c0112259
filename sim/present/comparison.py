"""A comparison of two paired bundles in the terminal: the table of differences and sentences.

The differences are :func:`sim.analysis.compare.compare_bundles`'; the files and figures of a
comparison are :func:`sim.present.outputs.write_comparison`'s.
"""

from __future__ import annotations

import json
import math
import shlex
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from sim.analysis.compare import Difference, sentence
from sim.model.outcome_registry import Estimator, OutcomeKind
from sim.numbers import decimals_shown
from sim.present.console import (
    RANGE,
    bundle_title,
    fixes,
    outcome_label,
    parameters_of_runs,
    values_run,
)
from sim.present.i18n import decimal, not_in_play, number, percent, some_not_all
from sim.present.streams import std_console

HEADERS = {
    "en": ("outcome", "A", "B", "B - A", "95 % interval"),
    "fr": ("résultat", "A", "B", "B - A", "intervalle à 95\u202f%"),
}
WORDS = {
    "en": {
        "side": "{side}: {name} ({title})",
        "variant": "{name} with {options}",
        "foot": "Paired on common random numbers. Not a forecast.",
        "files": "Comparison: {out} (a/, b/, comparison.csv{figures})",
        "given": "{label}: A and B average their own replicates with a war; B - A pairs the "
        "replicates with a war in both (n = {n}).",
        "same_sets": "Replicate by replicate, B ran the values A ran.",
        "other_values": "Replicate by replicate, B drew the set A drew, but ran other values of "
        "{names}: one scenario fixes them.",
    },
    "fr": {
        "side": "{side} : {name} ({title})",
        "variant": "{name} avec {options}",
        "foot": "Réplications appariées sur des nombres aléatoires communs. Ce n'est pas une "
        "prévision.",
        "files": "Comparaison : {out} (a/, b/, comparison.csv{figures})",
        "given": "{label} : A et B font la moyenne de leurs propres réplications avec une "
        "guerre ; B - A apparie les réplications avec une guerre dans les deux (n = {n}).",
        "same_sets": "Réplication par réplication, B a employé les valeurs qu'a employées A.",
        "other_values": "Réplication par réplication, B a tiré le même jeu que A, mais a employé "
        "d'autres valeurs de {names} : l'un des scénarios les fixe.",
    },
}


def side_names(
    names: tuple[str, str], set_b: Sequence[str] = (), lang: str = "en"
) -> tuple[str, str]:
    """What A and B are called wherever a comparison names them.

    Each scenario's name, B's with the ``--set-b`` that make it a variant ("gambia-2017 with
    --set-b commitment=strict"): a scenario compared with itself was "gambia-2017" twice.
    """
    if not set_b:
        return names
    options = " ".join(shlex.join(["--set-b", value]) for value in set_b)
    return names[0], WORDS[lang]["variant"].format(name=names[1], options=options)


def sides_said(names: tuple[str, str], out: Path, lang: str = "en") -> list[str]:
    """A line for A and one for B: its name and its scenario's title, above the columns A, B."""
    lines = []
    for side, name in zip("AB", names, strict=True):
        bundle = out / side.lower()
        manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
        title = bundle_title(bundle, manifest, lang)
        lines.append(WORDS[lang]["side"].format(side=side, name=name, title=title))
    return lines


def comparison_table(differences: Sequence[Difference], lang: str = "en") -> Table:
    """Each key outcome in A and B, the paired difference B - A and its 95 % interval."""
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in HEADERS[lang]:
        table.add_column(column, overflow="fold")  # fold long names rather than cut them
    for d in differences:
        if d.outcome.estimator is Estimator.PROPORTION:

            def show(v: float) -> str:
                return percent(v, lang, decimals_shown(100 * v))  # 0.2 % is not 0 %
        elif d.outcome.kind is OutcomeKind.SHARE:

            def show(v: float) -> str:
                return decimal(v, lang, 2)
        else:  # personnel and days, whole, as the run's table writes them

            def show(v: float) -> str:
                return number(v, lang)

        diff = d.difference
        interval = (
            RANGE[lang].format(low=show(diff.low), high=show(diff.high)) if diff.n > 1 else "-"
        )
        na = not_in_play(lang)
        # A mean over no replicate (a war's duration where no war was fought) is no number.
        each = show
        if d.outcome.estimator is Estimator.PROPORTION:  # 1 replicate in 200 is not 0 %

            def each(v: float) -> str:
                return some_not_all(v, lambda p: percent(p, lang))

        a, b = (na if v is None else "-" if math.isnan(v) else each(v) for v in (d.a, d.b))
        if not d.in_play:
            value, interval = na, ""
        elif diff.n == 0:
            value = "-"
        else:
            value = show(diff.value)
        table.add_row(outcome_label(d.outcome, lang), a, b, value, interval)
    return table


def print_comparison(
    differences: Sequence[Difference],
    names: tuple[str, str],
    out: Path,
    *,
    drawn: bool = True,
    console: Console | None = None,
    lang: str = "en",
) -> None:
    """Which scenario A and B are, the table, a sentence per yes/no outcome, the files.

    ``names``: A's and B's, as :func:`side_names` gives them.
    """
    report = console or std_console(highlight=False)
    for line in sides_said(names, out, lang):
        report.print(line, markup=False)
    report.print(comparison_table(differences, lang))
    for d in differences:
        if d.outcome.estimator is Estimator.PROPORTION:
            report.print(sentence(d, names[1], lang), markup=False)
    for d in differences:  # why B - A need not be B minus A on such a row
        if d.given is not None and d.in_play:
            label = outcome_label(d.outcome, lang)
            report.print(WORDS[lang]["given"].format(label=label, n=d.difference.n))
    report.print(WORDS[lang]["foot"], style="italic")
    if said := parameters_said(out, lang):
        report.print(said, style="italic")
    report.print(WORDS[lang]["files"].format(out=out, figures=", figures/" if drawn else ""))


def parameters_said(out: Path, lang: str = "en") -> str:
    """How A's parameters were chosen, and whether B ran the same values replicate by replicate.

    B draws the set A draws for each replicate (common random numbers), but a value that one
    scenario fixes is run instead of the one drawn: those parameters are named.
    """
    manifest = json.loads((out / "a" / "manifest.json").read_text(encoding="utf-8"))
    a = values_run(out / "a", manifest)
    said = parameters_of_runs(a, manifest, lang, fixes(out / "a", manifest))
    if not a:
        return said
    b_manifest = json.loads((out / "b" / "manifest.json").read_text(encoding="utf-8"))
    b = values_run(out / "b", b_manifest) or {}
    both = sorted(a.keys() & b.keys())
    differ = (
        [name for name in a[both[0]] if any(a[i][name] != b[i].get(name) for i in both)]
        if both
        else []
    )
    words = WORDS[lang]
    return f"{said} " + (
        words["other_values"].format(names=", ".join(differ)) if differ else words["same_sets"]
    )
