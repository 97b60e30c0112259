"""How long `sahelsim validate` takes on a 1 MB scenario, against PyYAML's parser alone.

Generates a dense 1 MB scenario (16,000 sources), then times, in this same process, PyYAML's
C parser producing events (the floor of any located reading), the located reader, and the full
load (fast reader, schema and reference checks). Medians of several runs; the machine is noisy.

Usage: python benchmarks/validate_speed.py [--repeats 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from sim.scenario.facts import fact_base
from sim.scenario.loading import load_scenario
from sim.scenario.yamlfile import read_yaml


def _median(function, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    filler = "".join(
        f"  - {{title: source {i}, url: https://example.org/{i}, year: 2023}}\n"
        for i in range(16000)
    )
    text = "title: big\nstart: 2023-08-10\nactors:\n  NER:\n  MLI:\nsources:\n" + filler
    fact_base()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.yaml"
        path.write_text(text)
        size = path.stat().st_size
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        floor = _median(lambda: list(yaml.parse(text, Loader=loader)), args.repeats)
        located = _median(lambda: read_yaml(path), args.repeats)
        full = _median(lambda: load_scenario(path), args.repeats)
    print(f"{size / 1e6:.2f} MB scenario, median of {args.repeats}")
    print(f"{'PyYAML events only (floor of a located read)':<48}{floor:>8.2f} s")
    print(f"{'located read (PyYAML + positions)':<48}{located:>8.2f} s{located / floor:>8.2f}x")
    print(f"{'full load: fast read + validation':<48}{full:>8.2f} s{full / floor:>8.2f}x")


if __name__ == "__main__":
    main()
