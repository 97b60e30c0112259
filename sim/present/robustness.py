"""The robustness probes' file, report section and terminal table, in English or French.

``robustness.csv`` is for machines (the same column names and values in every language); the
section of ``report.md`` and the table are in the language asked for. The swings are
:mod:`sim.analysis.robustness`'s.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from sim.analysis.robustness import ItemSwing, flips_by_episode, top_swings
from sim.present.backtest import item_words
from sim.present.i18n import actor_name, number, percent
from sim.present.streams import std_console
from sim.run.files import write_whole, written_whole
from sim.run.robustness import Unprobed

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Robustness: one cited figure at a time",
        "intro": "Each figure the fact base gives a range for, set to its low and to its high on "
        "the same replicate seeds; the model's probability of what was observed, and its largest "
        "swing. A figure *flips* an item when the observed value stops or starts being the most "
        "likely.",
        "flips": "Figures that flip the match",
        "no_flips": "no figure flips a match",
        "top": "Largest swings",
        "unprobed": "Not probed: the scenario sets {actor}'s forces itself ({value})",
        "episode": "episode",
        "figure": "figure",
        "item": "item",
        "low": "low",
        "as_cited": "as cited",
        "high": "high",
        "swing": "swing",
        "flip": "flips",
        "yes": "yes",
        "no": "no",
        "active_forces": "active forces",
        "fighters": "fighters",
        "forces": "forces (the scenario's figure)",
        "of": "{figure} of {actor}",
        "colon": ": ",
        "written": "Robustness: robustness.csv, report.md",
    },
    "fr": {
        "title": "Robustesse : un chiffre cité à la fois",
        "intro": "Chaque chiffre dont la base de faits donne une fourchette, fixé à son bas puis à "
        "son haut sur les mêmes graines de réplication ; la probabilité donnée par le modèle à ce "
        "qui a été observé, et son plus grand écart. Un chiffre *bascule* un élément quand la "
        "valeur observée cesse ou commence d'être la plus probable.",
        "flips": "Chiffres qui font basculer la concordance",
        "no_flips": "aucun chiffre ne fait basculer une concordance",
        "top": "Plus grands écarts",
        "unprobed": "Non sondé : le scénario fixe lui-même les forces de {actor} ({value})",
        "episode": "épisode",
        "figure": "chiffre",
        "item": "élément",
        "low": "bas",
        "as_cited": "tel que cité",
        "high": "haut",
        "swing": "écart",
        "flip": "bascule",
        "yes": "oui",
        "no": "non",
        "active_forces": "forces actives",
        "fighters": "combattants",
        "forces": "forces (chiffre du scénario)",
        "of": "{figure} : {actor}",
        "colon": " : ",
        "written": "Robustesse : robustness.csv, report.md",
    },
}

COLUMNS = (
    "episode",
    "actor",
    "figure",
    "low",
    "value",
    "high",
    "item",
    "subject",
    "observed",
    "p_low",
    "p_value",
    "p_high",
    "swing",
    "flips",
)


def _num(x: float | None) -> str:
    return "" if x is None else f"{x:.6g}"


def _values(s: ItemSwing) -> list:
    """One row, in :data:`COLUMNS`' order, as values (``None``: not given or not run)."""
    p = s.probe
    return [
        p.episode,
        p.actor,
        p.figure,
        p.low,
        p.value,
        p.high,
        s.kind.value,
        s.subject,
        s.observed,
        s.p_low,
        s.p_value,
        s.p_high,
        s.swing,
        s.flips,
    ]


def write_robustness_csv(path: Path, swings: Sequence[ItemSwing]) -> Path:
    """``robustness.csv``: one row per episode, probed figure and observed item."""
    with (
        written_whole(path) as temporary,
        open(temporary, "w", newline="", encoding="utf-8") as handle,
    ):
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for s in swings:
            writer.writerow(
                [
                    ("true" if x else "false")
                    if isinstance(x, bool)
                    else _num(x)
                    if x is None or isinstance(x, float | int)
                    else x
                    for x in _values(s)
                ]
            )
    return path


def robustness_document(swings: Sequence[ItemSwing], unprobed: Sequence[Unprobed]) -> dict:
    """The probes for ``--json``: robustness.csv's rows as objects, and what was not probed."""
    return {
        "rows": [dict(zip(COLUMNS, _values(s), strict=True)) for s in swings],
        "not_probed": [
            {"episode": u.episode, "actor": u.actor, "figure": u.figure, "set_to": u.set_to}
            for u in unprobed
        ],
    }


def figure_words(s: ItemSwing, lang: str) -> str:
    """The probed figure in words, e.g. "active forces of Niger"."""
    w = WORDS[lang]
    return w["of"].format(figure=w[s.probe.figure], actor=actor_name(s.probe.actor, lang))


def _end(figure: float | None, p: float | None, lang: str) -> str:
    if figure is None or p is None:
        return "-"
    return f"{number(figure, lang)} → {percent(p, lang)}"


def _row(s: ItemSwing, lang: str) -> list[str]:
    w = WORDS[lang]
    p = s.probe
    return [
        p.episode,
        figure_words(s, lang),
        item_words(s, lang),  # type: ignore[arg-type]  # needs only kind and subject
        _end(p.end("low"), s.p_low, lang),
        _end(p.value, s.p_value, lang),
        _end(p.end("high"), s.p_high, lang),
        percent(s.swing, lang),
        w["yes"] if s.flips else w["no"],
    ]


def _header(lang: str) -> list[str]:
    w = WORDS[lang]
    return [w[k] for k in ("episode", "figure", "item", "low", "as_cited", "high", "swing", "flip")]


def robustness_section(
    swings: Sequence[ItemSwing], unprobed: Sequence[Unprobed], episodes: Sequence[str], lang: str
) -> str:
    """The report's section: per episode, the figures that flip its match, then every swing."""
    w = WORDS[lang]
    lines = [f"## {w['title']}", "", w["intro"], "", f"### {w['flips']}", ""]
    flips = flips_by_episode(swings)
    for name in episodes:
        by_figure: dict[str, list[str]] = {}
        for s in flips.get(name, []):
            by_figure.setdefault(figure_words(s, lang), []).append(item_words(s, lang))  # type: ignore[arg-type]
        said = [f"{figure}{w['colon']}{'; '.join(items)}" for figure, items in by_figure.items()]
        lines.append(f"- **{name}**")
        lines += [f"  - {line}" for line in said] or [f"  - {w['no_flips']}"]
    lines += [""]
    for u in unprobed:
        lines.append(
            "- "
            + w["unprobed"].format(actor=actor_name(u.actor, lang), value=number(u.set_to, lang))
        )
    header = _header(lang)
    lines += ["", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_row(s, lang)) + " |" for s in swings]
    return "\n".join(lines) + "\n"


def write_robustness(
    out: Path,
    swings: Sequence[ItemSwing],
    unprobed: Sequence[Unprobed],
    episodes: Sequence[str],
    *,
    lang: str = "en",
) -> list[Path]:
    """``robustness.csv``, and the section added to the end of ``report.md`` (written first)."""
    path = write_robustness_csv(out / "robustness.csv", swings)
    report = out / "report.md"
    text = report.read_text(encoding="utf-8") if report.exists() else ""
    section = robustness_section(swings, unprobed, episodes, lang)
    write_whole(report, text + ("\n" if text else "") + section)
    return [path, report]


def _short_row(s: ItemSwing, lang: str) -> list[str]:
    w = WORDS[lang]
    p = s.probe
    ends = [p.end("low"), p.value, p.end("high")]
    span = "–".join(number(x, lang) if x is not None else "·" for x in ends)
    return [
        p.episode,
        f"{figure_words(s, lang)} ({span})",
        item_words(s, lang),  # type: ignore[arg-type]  # needs only kind and subject
        *(percent(q, lang) if q is not None else "-" for q in (s.p_low, s.p_value, s.p_high)),
        percent(s.swing, lang),
        w["yes"] if s.flips else w["no"],
    ]


def print_robustness(
    swings: Sequence[ItemSwing],
    unprobed: Sequence[Unprobed],
    *,
    lang: str = "en",
    top: int = 10,
    console: Console | None = None,
) -> None:
    """The largest swings, flips marked, and the figures the scenarios set themselves."""
    w = WORDS[lang]
    report = console or std_console(highlight=False, soft_wrap=True)
    table = Table(box=None, pad_edge=False, header_style="bold", title=w["top"])
    for column in _header(lang):
        table.add_column(column, overflow="fold")  # fold long names rather than cut them
    for s in top_swings(swings, top):
        table.add_row(*_short_row(s, lang))
    report.print(table)
    for u in unprobed:
        report.print(
            w["unprobed"].format(actor=actor_name(u.actor, lang), value=number(u.set_to, lang)),
            markup=False,
        )
    report.print(w["written"], markup=False)
