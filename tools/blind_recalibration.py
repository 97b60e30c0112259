"""How much the model's shares overstate its certainty, fitted on older blind readers.

Reads the ``scores.json`` of a ``sahelsim backtest`` of the crises written blind (docs/blind/)
and splits its items by reader: the first readers (one letter, A to Z) and the later ones (two
letters, AA on). It blends each item's shares with an even spread over its possible values,
``(1 - eps) * share + eps / values``, finds the ``eps`` that minimises the Brier score over the
first readers, and prints the Brier score of both groups without the blend and with it. The
later readers are the test: a blend that only fits the first would not help them.

    sahelsim backtest $(for f in docs/blind/reader*/*.yaml; do printf -- "--episodes %s " $f; done) \\
        -n 200 --seed 1 --no-figures --out runs/blind
    python tools/blind_recalibration.py runs/blind/scores.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

BLIND = Path(__file__).resolve().parent.parent / "docs" / "blind"


def readers() -> dict[str, str]:
    """Each blind crisis's episode name (its file's stem) and the letters of its reader."""
    return {f.stem: f.parent.name.removeprefix("reader") for f in BLIND.glob("reader*/*.yaml")}


def brier(items: list[tuple[dict[str, float], str]], eps: float) -> float:
    """Mean Brier score, ``(1 - q)**2``, with each item's shares blended by ``eps``."""
    scores = [
        (1 - ((1 - eps) * shares[observed] + eps / len(shares))) ** 2 for shares, observed in items
    ]
    return sum(scores) / len(scores)


def main(path: str) -> None:
    """Print the blend fitted on the first readers and both groups' scores with and without it."""
    scores = json.loads(Path(path).read_text(encoding="utf-8"))
    by_reader = readers()
    first, later = [], []
    for episode in scores["episodes"]:
        group = first if len(by_reader[episode["episode"]]) == 1 else later
        group += [(item["shares"], item["observed"]) for item in episode["items"]]
    eps = min(range(101), key=lambda e: brier(first, e / 100)) / 100
    print(f"blend fitted on the first readers: eps = {eps:.2f}")
    print("| readers | items | Brier | Brier, blended |")
    print("|---|---|---|---|")
    for name, items in (("first (A to Z)", first), ("later (AA on)", later)):
        print(f"| {name} | {len(items)} | {brier(items, 0):.3f} | {brier(items, eps):.3f} |")


if __name__ == "__main__":
    main(sys.argv[1])
