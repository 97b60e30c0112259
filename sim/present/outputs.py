"""Everything drawn from a finished bundle: figures (PNG and SVG) and the HTML report."""

from __future__ import annotations

import contextlib
import csv
import json
from pathlib import Path

import yaml
from pydantic import ValidationError

from sim.analysis.summary import key_estimates
from sim.analysis.typical import representative_replicate
from sim.present import figures as fg
from sim.present.console import bundle_title
from sim.present.report import write_report
from sim.run.bundle import read_summary
from sim.run.checkpoint import load_manifest, note_drawn
from sim.run.files import sweep_temporaries, written_whole
from sim.scenario.loading import remember_names
from sim.scenario.schema import Scenario


def remember_bundle_names(scenario_doc: object) -> None:
    """The names of what a bundle's scenario defines itself, for its figures and story.

    A bundle from an older version whose scenario no longer validates keeps its ids.
    """
    with contextlib.suppress(ValidationError):
        remember_names(Scenario.model_validate(scenario_doc))


def write_outputs(bundle: Path, *, lang: str = "en") -> list[Path]:
    """Draw the bundle's figures into ``figures/`` and write ``report.html``; return the paths.

    Each file is written whole under a temporary name and renamed into place, and the manifest
    lists (as ``drawn``) every one finished so far: a kill or a full disk leaves no truncated
    figure, and a manifest that names only what exists. Drawing again redraws them all.
    """
    manifest = load_manifest(bundle)
    scenario = yaml.safe_load((bundle / "scenario.yaml").read_text(encoding="utf-8"))
    remember_bundle_names(scenario)
    rows = read_summary(bundle)
    title, seed = bundle_title(bundle, manifest, lang), manifest["seeds"]["root"]
    folder = bundle / "figures"
    sweep_temporaries(folder)  # what a killed drawing left half-written
    sweep_temporaries(bundle)
    written: list[Path] = []
    note_drawn(bundle, written)
    if not rows:
        return written

    def keep(paths: list[Path]) -> None:
        written.extend(paths)
        note_drawn(bundle, written)

    bands = fg.read_bands(bundle)
    markers = fg.scheduled_markers(scenario, lang)
    keep(
        fg.save(
            fg.plot_timeseries(bands, title=title, seed=seed, markers=markers, lang=lang),
            folder,
            "timeseries",
        )
    )
    chosen = representative_replicate(rows)
    events = fg.read_events(bundle, chosen)
    start = fg.dt.date.fromisoformat(str(scenario["start"]))
    keep(
        fg.save(
            fg.plot_timeline(
                events,
                start=start,
                days=int(scenario["days"]),
                title=title,
                seed=seed,
                replicate=chosen,
                lang=lang,
            ),
            folder,
            "timeline",
        )
    )
    keep(
        fg.save(
            fg.plot_map(events, title=title, seed=seed, replicate=chosen, lang=lang), folder, "map"
        )
    )
    at_war, honoured, n = fg.ensemble_map_data(bundle)
    keep(
        fg.save(
            fg.plot_map_frequencies(at_war, honoured, n, title=title, seed=seed, lang=lang),
            folder,
            "map-frequencies",
        )
    )
    estimates = key_estimates(bundle)
    # A war's length is shown over the replicates with a war: no war is not a 0-day war.
    war_days = [float(r["war_days"]) for r in rows if r["war_occurred"] == "true"]
    keep(
        fg.save(
            fg.plot_outcomes(
                estimates, war_days, replicates=len(rows), title=title, seed=seed, lang=lang
            ),
            folder,
            "outcomes",
        )
    )
    keep([write_report(bundle, lang=lang)])  # it embeds the figures just drawn
    return written


def write_comparison(
    out: Path, differences: list, names: tuple[str, str], *, lang: str = "en", draw: bool = True
) -> list[Path]:
    """``comparison.csv`` and (if ``draw``) the overlay and difference figures of a comparison."""
    with (
        written_whole(out / "comparison.csv") as temporary,
        open(temporary, "w", newline="", encoding="utf-8") as handle,
    ):
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["outcome", "kind", "a", "b", "difference", "low", "high", "replicates"])
        for d in differences:
            e = d.difference

            def cell(x: float | None) -> str:
                return "n/a" if x is None else f"{x:.6g}"  # n/a: the scenario cannot produce it

            spread = [e.value, e.low, e.high] if d.in_play else [None] * 3
            writer.writerow(
                [
                    d.outcome.column,
                    d.outcome.estimator.value,  # the file's "kind": proportion or mean
                    cell(d.a),
                    cell(d.b),
                    *map(cell, spread),
                    e.n,
                ]
            )
    if not draw:
        return [out / "comparison.csv"]
    manifest = json.loads((out / "a" / "manifest.json").read_text(encoding="utf-8"))
    seed = manifest["seeds"]["root"]
    title = f"{names[0]} vs {names[1]}"
    folder = out / "figures"
    bands_a, bands_b = fg.read_bands(out / "a"), fg.read_bands(out / "b")
    if not bands_a or not bands_b:  # every replicate failed: nothing to draw
        return []
    written = fg.save(
        fg.plot_overlay(
            bands_a,
            bands_b,
            names=names,
            title=title,
            seed=seed,
            lang=lang,
        ),
        folder,
        "overlay",
    )
    written += fg.save(
        fg.plot_differences(differences, names=names, title=title, seed=seed, lang=lang),
        folder,
        "differences",
    )
    for side in ("a", "b"):
        write_outputs(out / side, lang=lang)
    return written
