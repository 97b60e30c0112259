"""Regenerate the committed baseline: ``python tests/update_baseline.py``.

The baseline holds ``summary.csv`` and ``events.jsonl`` (gzipped) of 20 replicates of every
bundled scenario and lesson on one fixed root seed, made by the real ensemble runner exactly as
``sahelsim run NAME -n 20 --seed 20261201`` writes them. ``tests/test_baseline.py`` reproduces
them byte for byte, so a change that was meant to move nothing (a refactoring, a speed-up) is
proved to have moved nothing.

Regenerate only when the model's behaviour changes on purpose, and say why in the commit that
does it. ``--check`` compares without writing and lists what differs (exit status 1).
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
from pathlib import Path

from sim.run.ensemble import run_ensemble
from sim.run.plan import plan_runs
from sim.scenario.loading import bundled_names, load_scenario

BASELINE = Path(__file__).resolve().parent / "baseline"
REPLICATES = 20
SEED = 20261201


def produce(name: str) -> dict[str, bytes]:
    """The baseline files of one bundled scenario, as the ensemble runner writes them."""
    plan = plan_runs(load_scenario(name), REPLICATES, SEED)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bundle"
        run_ensemble(plan, out, series_sample=0)
        return {
            "summary.csv": (out / "summary.csv").read_bytes(),
            "events.jsonl": (out / "events.jsonl").read_bytes(),
        }


def stored(name: str) -> dict[str, bytes]:
    """The committed baseline files of one scenario (events unzipped)."""
    folder = BASELINE / name.replace("/", "-")
    return {
        "summary.csv": (folder / "summary.csv").read_bytes(),
        "events.jsonl": gzip.decompress((folder / "events.jsonl.gz").read_bytes()),
    }


def write(name: str, files: dict[str, bytes]) -> None:
    """Store one scenario's baseline (gzip with no timestamp, so the bytes are stable)."""
    folder = BASELINE / name.replace("/", "-")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "summary.csv").write_bytes(files["summary.csv"])
    (folder / "events.jsonl.gz").write_bytes(gzip.compress(files["events.jsonl"], 9, mtime=0))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 on a change")
    args = parser.parse_args(argv)
    changed = []
    for name in bundled_names():
        files = produce(name)
        if args.check:
            try:
                old = stored(name)
            except FileNotFoundError:
                changed.append(f"{name}: no baseline")
                continue
            changed += [f"{name}: {f} differs" for f in files if files[f] != old[f]]
        else:
            write(name, files)
            print(f"{name}: {len(files['events.jsonl'].splitlines())} events")
    for line in changed:
        print(line)
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
