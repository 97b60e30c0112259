"""The single-file HTML report of a results bundle: nothing is loaded from the network.

Figures are embedded as PNG data URIs, the style is inline, and a Content-Security-Policy
forbids every other request, so the file can be mailed, put on a USB stick or projected from
a laptop with no internet. The narrative is that of a representative replicate, re-run from
the bundle's resolved scenario and its recorded seed (runs are exactly reproducible).
"""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path

import yaml

from sim import __version__
from sim.analysis.summary import key_estimates
from sim.analysis.typical import representative_replicate
from sim.errors import InputError, Text
from sim.present.console import (
    format_estimate,
    outcome_label,
    outcome_meaning,
    parameters_line,
)
from sim.present.terminal import replicates
from sim.run.bundle import read_summary
from sim.run.files import write_whole
from sim.scenario.vocabulary import Lang

REQUIRED = ("manifest.json", "scenario.yaml", "summary.csv", "bands.csv", "events.jsonl")
FIGURES = ("timeseries", "timeline", "map", "map-frequencies", "outcomes")

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:1100px;margin:2rem auto;
padding:0 1rem;color:#1b1b1b;line-height:1.5;font-size:18px}
h1{font-size:1.9rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #ddd}
.warning{background:#fff4e5;border-left:6px solid #d35400;padding:.6rem 1rem;margin:1rem 0}
table{border-collapse:collapse;width:100%}td,th{padding:.35rem .6rem;border-bottom:1px solid #e3e3e3;
text-align:left;vertical-align:top}img{max-width:100%;height:auto;border:1px solid #eee;margin:.5rem 0}
.meta{color:#555;font-size:.9rem}.narrative p{margin:.4rem 0}code{background:#f4f4f4;padding:0 .2rem}
"""

TEXT = {
    "en": {
        "warning": "Output of an exploratory model for teaching and analysis. It shows what follows from "
        "the model's assumptions. It is not a forecast.",
        "teaching": "Teaching notes",
        "what": "What is it?",
        "notice": "Things to notice",
        "try": "Things to try",
        "discuss": "Discuss",
        "predict": "Predict before running",
        "summary": "Key outcomes",
        "outcome": "Outcome",
        "estimate": "Estimate",
        "interval": "95 % interval",
        "meaning": "What it means",
        "figures": "Figures",
        "narrative": "The story of one replicate",
        "sources": "Sources",
        "provenance": "Provenance",
        "replicate": "Replicate {i} (seed {seed}), chosen as typical: the "
        "commonest outcome and the median war length.",
        "reproduce": "Reproduce with",
        "meta": "{replicates} · root seed {seed}",
        "no_description": "",
    },
    "fr": {
        "warning": "Résultats d'un modèle exploratoire, pour l'enseignement et l'analyse. Ils montrent ce qui "
        "découle des hypothèses du modèle. Ce n'est pas une prévision.",
        "teaching": "Notes pédagogiques",
        "what": "De quoi s'agit-il\u202f?",
        "notice": "À observer",
        "try": "À essayer",
        "discuss": "À discuter",
        "predict": "Prédire avant de lancer",
        "summary": "Principaux résultats",
        "outcome": "Résultat",
        "estimate": "Estimation",
        "interval": "Intervalle à 95\u202f%",
        "meaning": "Ce que cela signifie",
        "figures": "Figures",
        "narrative": "Le récit d'une réplication",
        "sources": "Sources",
        "provenance": "Provenance",
        "replicate": "Réplication {i} (graine {seed}), choisie comme typique : le résultat le plus fréquent "
        "et la durée de guerre médiane.",
        "reproduce": "Reproduire avec",
        "meta": "{replicates} · graine {seed}",
        "no_description": "Ce scénario n'est décrit qu'en anglais, dans son fichier scenario.yaml.",
    },
}


def check_bundle(bundle: Path) -> None:
    """Raise an input error naming what is missing if ``bundle`` is not a results bundle."""
    if not bundle.is_dir():
        raise InputError(
            Text(
                "{bundle}: not a folder; expected a results bundle written by 'sahelsim run'",
                bundle=bundle,
            )
        )
    missing = [name for name in REQUIRED if not (bundle / name).is_file()]
    if missing:
        partial = (
            Text(" (it holds .partial/: the run was stopped before it finished)")
            if (bundle / ".partial").exists()
            else ""
        )
        raise InputError(
            Text(
                "{bundle}: not a complete results bundle{partial}; missing {files}; expected a "
                "folder written by 'sahelsim run'",
                bundle=bundle,
                partial=partial,
                files=", ".join(missing),
            )
        )
    try:
        json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(
            Text(
                "{file}: unreadable ({reason}); expected the run's manifest",
                file=bundle / "manifest.json",
                reason=exc,
            )
        ) from None


def _e(text: object) -> str:
    return html.escape(str(text))


def _image(path: Path) -> str:
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return f'<img alt="{_e(path.stem)}" src="data:image/png;base64,{data}">'


def language_of(bundle: Path) -> str:
    """The language of the bundle's report: rewritten, it stays in it.

    With no report yet (a run with ``--no-figures``), the language the run was made in, as its
    manifest's command line says; else English.
    """
    try:
        with (bundle / "report.html").open(encoding="utf-8") as handle:
            found = re.search(r'<html lang="(\w+)"', handle.read(200))
    except OSError:
        found = None
    if found is None:
        return _language_run_in(bundle)
    return found[1] if found[1] in TEXT else "en"


def _language_run_in(bundle: Path) -> str:
    """The ``--lang`` of the command that made the bundle, "en" when it gave none."""
    try:
        command = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))["command"]
    except (OSError, ValueError, KeyError, TypeError):
        return "en"
    return Lang.asked(command).value if isinstance(command, list) else Lang.EN.value


def source_cited(title: str, year: int) -> str:
    """A source's title as published, then its year unless the title already gives it.

    Scenario authors often date a title ("... (10 Aug 2023)"); a second "(2023)" after it
    would say the year twice.
    """
    if re.search(rf"(?<!\d){year}(?!\d)", title):
        return title
    return f"{title} ({year})"


def _source_html(source: dict, lang: str) -> str:
    """One source of the list: its title (never translated), its year, then its link."""
    colon = "\u00a0:" if lang == Lang.FR.value else ":"  # French: a no-break space before it
    url = _e(source["url"])
    return f'{_e(source_cited(source["title"], source["year"]))}{colon} <a href="{url}">{url}</a>'


def _narrative_html(bundle: Path, scenario_doc: dict, replicate: int, seed: int, lang: str) -> str:
    try:
        from sim.present.i18n import date_text
        from sim.present.narrative import narrative
    except ImportError:  # pragma: no cover - the narrative module ships with the package
        return ""
    from sim.run.replicate import run_one
    from sim.scenario.schema import Scenario

    scenario = Scenario.model_validate(scenario_doc)
    drawn = bundle / "parameters.csv"  # --parameters posterior: the replicate's own draw
    if drawn.is_file():
        from sim.run.posterior import drawn_parameters, with_parameters

        scenario = with_parameters(scenario, drawn_parameters(drawn, replicate))
    run = run_one(scenario, seed)
    # Each paragraph starts with its date, as ``sahelsim explain`` prints it.
    return "".join(
        f'<p><span class="date">{_e(date_text(p.date, lang))}</span> — {_e(p.text)}</p>'
        for p in narrative(run, lang)
    )


def build_report(bundle: Path, *, lang: str = "en") -> str:
    """The report's HTML text."""
    check_bundle(bundle)
    text = TEXT[lang]
    manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
    scenario = yaml.safe_load((bundle / "scenario.yaml").read_text(encoding="utf-8"))
    rows = read_summary(bundle)
    teaching = scenario.get("teaching") or {}
    description = scenario.get("description", "")
    if lang == "fr":
        # The description in French, where the scenario gives one; else the French notes say
        # what the scenario is, and without them the report says where the description is
        # rather than quote English.
        description = scenario.get("description_fr") or (
            "" if teaching.get("fr") else text["no_description"]
        )
    if lang == "fr" and teaching.get("fr"):  # the French notes, where the scenario has them
        teaching = teaching["fr"]
    french = scenario.get("title_fr") if lang == "fr" else None
    title = teaching.get("title") or french or scenario.get("title", "sahelsim")
    parts = [
        '<!doctype html><html lang="' + lang + '"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f"<p>{_e(description)}</p>" if description else "",
        f'<p class="warning">{_e(text["warning"])}</p>',
        '<p class="meta">'
        + text["meta"].format(
            replicates=replicates(manifest["replicates"]["completed"], lang),
            seed=manifest["seeds"]["root"],
        )
        + f" · sahelsim {__version__}</p>",
        f'<p class="meta">{_e(parameters_line(bundle, manifest, lang))}</p>',
    ]
    if teaching:
        parts.append(f"<h2>{text['teaching']}</h2>")
        if teaching.get("predict"):
            colon = "\u00a0:" if lang == "fr" else ":"  # French puts a no-break space before it
            parts.append(
                f"<p><strong>{text['predict']}{colon}</strong> {_e(teaching['predict'])}</p>"
            )
        parts.append(f"<h3>{text['what']}</h3><p>{_e(teaching.get('what_is_it', ''))}</p>")
        for key, label in (
            ("things_to_notice", "notice"),
            ("things_to_try", "try"),
            ("discuss", "discuss"),
        ):
            items = teaching.get(key) or []
            if items:
                parts.append(
                    f"<h3>{text[label]}</h3><ul>"
                    + "".join(f"<li>{_e(i)}</li>" for i in items)
                    + "</ul>"
                )
    parts.append(
        f"<h2>{text['summary']}</h2><table><tr><th>{text['outcome']}</th><th>{text['estimate']}</th>"
        f"<th>{text['interval']}</th><th>{text['meaning']}</th></tr>"
    )
    for key in key_estimates(bundle):
        outcome = key.outcome
        value, interval = format_estimate(key.estimate, outcome, lang)
        parts.append(
            f"<tr><td>{_e(outcome_label(outcome, lang))}</td><td>{_e(value)}</td><td>{_e(interval)}</td>"
            f"<td>{_e(outcome_meaning(outcome, lang))}</td></tr>"
        )
    parts.append("</table>")
    figures = [bundle / "figures" / f"{name}.png" for name in FIGURES]
    present = [f for f in figures if f.is_file()]
    if present:
        parts.append(f"<h2>{text['figures']}</h2>" + "".join(_image(f) for f in present))
    if rows:
        chosen = representative_replicate(rows)
        seed = int(rows[chosen]["seed"])
        story = _narrative_html(bundle, scenario, chosen, seed, lang)
        if story:
            parts.append(
                f'<h2>{text["narrative"]}</h2><p class="meta">'
                f"{_e(text['replicate'].format(i=chosen, seed=seed))}</p>"
                f'<div class="narrative">{story}</div>'
            )
    sources = scenario.get("sources") or []
    if sources:
        parts.append(
            f"<h2>{text['sources']}</h2><ul>"
            + "".join(f"<li>{_source_html(s, lang)}</li>" for s in sources)
            + "</ul>"
        )
    parts.append(
        f"<h2>{text['provenance']}</h2><p>{text['reproduce']} <code>{_e(manifest['reproduce'])}</code> "
        f"(scenario SHA-256 <code>{_e(manifest['scenario']['sha256'][:16])}…</code>).</p>"
    )
    parts.append(f'<p class="meta">sahelsim {__version__}</p></body></html>')
    return "\n".join(parts)


def write_report(bundle: Path, *, lang: str = "en") -> Path:
    """Write ``report.html`` into the bundle (atomically) and return its path."""
    content = build_report(bundle, lang=lang)
    target = bundle / "report.html"
    write_whole(target, content)
    return target
