"""The blind crises' scores, those still blind apart from those that changed the model.

A crisis written blind stops being a test out of sample once the model changed because of it
or a value was drawn from it (docs/blind/README.md); ``docs/blind/used.yaml`` lists those
files and the rules each was used for. This reads the ``scores.json`` of a ``sahelsim
backtest`` of the blind crises and prints, for the crises still blind (and again counting as
blind those the registry lists only where the docs leave it ``ambiguous``), those used, and all:
crises, items, items matched, direction right, the Brier score over all items, and over the
items the naive baselines score, the model's against both baselines'.

    sahelsim backtest $(for f in docs/blind/reader*/*.yaml; do printf -- "--episodes %s " $f; done) \\
        -n 200 --seed 1 --no-figures --out runs/blind
    python tools/blind_scores.py runs/blind/scores.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

BLIND = Path(__file__).resolve().parent.parent / "docs" / "blind"


def used(certain: bool = False) -> set[str]:
    """The episode names (file stems) of the blind crises that changed the model.

    With ``certain``, only those listed for a rule the docs settle, not only ``ambiguous``.
    """
    registry = yaml.safe_load((BLIND / "used.yaml").read_text(encoding="utf-8"))
    return {
        Path(path).stem
        for path, entries in registry["used"].items()
        if not certain or any(entry["how"] != "ambiguous" for entry in entries)
    }


def summary(episodes: list[dict]) -> str:
    """One table row: crises, items, matches, Brier over all, and over the compared items."""
    items = [item for episode in episodes for item in episode["items"]]
    if not items:
        return "| 0 | 0 | - | - | - | - | - |"
    matched = sum(item["match"] for item in items)
    brier = sum(item["brier"] for item in items) / len(items)
    compared = [item for item in items if item.get("baseline_rate") is not None]

    def mean_brier(key: str) -> float:
        return sum((1 - item[key]) ** 2 for item in compared) / len(compared)

    if compared:
        model = sum(item["brier"] for item in compared) / len(compared)
        versus = (
            f"{len(compared)} | {model:.3f} | {mean_brier('baseline_frequent'):.3f} | "
            f"{mean_brier('baseline_rate'):.3f}"
        )
    else:
        versus = "0 | - | - | -"
    return (
        f"| {len(episodes)} | {len(items)} | {matched} ({matched / len(items):.0%}) | "
        f"{brier:.3f} | {versus} |"
    )


def main(path: str) -> None:
    """Print the table of the crises still blind, those used, and all."""
    scores = json.loads(Path(path).read_text(encoding="utf-8"))
    changed, surely = used(), used(certain=True)
    episodes = scores["episodes"]
    still = [e for e in episodes if e["episode"] not in changed]
    unsure = [e for e in episodes if e["episode"] not in surely]
    spent = [e for e in episodes if e["episode"] in changed]
    print(
        "| crises | count | items | matched | Brier | items the baselines score | Brier | "
        "always the most frequent | historical rate |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, group in (
        ("still blind", still),
        ("still blind, with those listed only as ambiguous", unsure),
        ("changed the model", spent),
        ("all", episodes),
    ):
        print(f"| {name} {summary(group)}")


if __name__ == "__main__":
    main(sys.argv[1])
