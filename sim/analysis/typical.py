"""The typical replicate of an ensemble: the one a report tells the story of.

Figures of single runs (the timeline, the map) and the report's narrative show one replicate;
choosing it by a fixed rule from the summary rows, not by hand or at random, keeps the choice
the same every time the bundle is drawn.
"""

from __future__ import annotations

from collections import Counter


def representative_replicate(rows: list[dict[str, str]]) -> int:
    """The replicate closest to the typical run: the commonest outcome, the median war length."""
    if not rows:
        return 0
    common, _ = Counter(r["first_war_outcome"] for r in rows).most_common(1)[0]
    group = [r for r in rows if r["first_war_outcome"] == common]
    days = sorted(float(r["war_days"]) for r in group)
    median = days[len(days) // 2]
    best = min(group, key=lambda r: (abs(float(r["war_days"]) - median), int(r["replicate"])))
    return int(best["replicate"])
