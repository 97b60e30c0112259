"""The crises written blind, with the pacts today's fact base would add to them.

Each reader wrote with the fact base of the day, and only the pacts a file names are in play
(docs/scenarios.md). Pacts that entered the fact base after a reader wrote (the United States'
and France's programmes, among others) and pacts a reader left out before ``validate`` named
them are in play in none of those files, so the model could not use them there. This writes a copy of every file of docs/blind/ into OUT, with the pacts
``sahelsim validate`` names today as left out and able to answer the crisis added under
``pacts:``, and nothing else changed (comments are not kept). Scoring the copies tells the
misses of the fact base of the readers' day from the model's own.

The copies are not blind: what is added is mechanical, not a reader's judgement, and a pact
``validate`` names may not have borne on the crisis. The readers' files are left as they are.

    python tools/blind_with_todays_pacts.py runs/blind-pacts/files
    sahelsim backtest $(for f in runs/blind-pacts/files/*.yaml; do printf -- "--episodes %s " $f; done) \\
        -n 200 --seed 1 --no-figures --out runs/blind-pacts/scores
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from sim.scenario.loading import answering_pacts, load_scenario

BLIND = Path(__file__).resolve().parent.parent / "docs" / "blind"


def main(out: str) -> None:
    """Write the copies into ``out`` and print, for each file that gained pacts, which."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    files = sorted(BLIND.glob("reader*/*.yaml"))
    gained = 0
    for path in files:
        added = sorted(answering_pacts(load_scenario(path)))
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        if added:
            document["pacts"] = dict(document.get("pacts") or {}) | dict.fromkeys(added)
            gained += 1
            print(f"{path.parent.name}/{path.name}: {', '.join(added)}")
        text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
        (folder / path.name).write_text(text, encoding="utf-8")
    print(f"{len(files)} files written to {folder}, {gained} of them with pacts added")


if __name__ == "__main__":
    main(sys.argv[1])
