"""How far each episode's result moves across the cited range of each uncertain figure.

For a probe (one actor's ranged figure in one episode, :class:`sim.run.robustness.Probe`), each
observed item gets the model's probability of what was observed with the figure at its low, as
cited, and at its high, on the same replicate seeds (common random numbers, so the differences
come from the figure and not from the draw). Its **swing** is the largest of these minus the
smallest; it **flips** when the item's match (the observed value strictly the most likely,
:func:`sim.analysis.backtest.score_item`) differs at the low or the high from the match as cited.

The computations (:func:`item_swings`, :func:`ranked`, :func:`flips_by_episode`,
:func:`top_swings`) are pure; :func:`probe_swings` reads the bundles.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sim.analysis.backtest import ItemKind, ItemValues, read_events, replicate_values, score_item
from sim.run.bundle import read_summary
from sim.run.robustness import ENDS, Probe
from sim.scenario.schema import Observed


@dataclass(frozen=True)
class ItemSwing:
    """One observed item of one probe: its probability and match at low, as cited, at high.

    ``None`` at an end means the sources give no such end (or it equals the value): that end
    was not run.
    """

    probe: Probe
    kind: ItemKind
    subject: str
    observed: str
    p_low: float | None
    p_value: float
    p_high: float | None
    match_low: bool | None
    match_value: bool
    match_high: bool | None

    @property
    def swing(self) -> float:
        """The largest probability minus the smallest, over the ends that were run."""
        ps = [p for p in (self.p_low, self.p_value, self.p_high) if p is not None]
        return max(ps) - min(ps)

    @property
    def flips(self) -> bool:
        """Whether the match at the low or the high differs from the match as cited."""
        return any(
            m is not None and m != self.match_value for m in (self.match_low, self.match_high)
        )


def item_swings(
    probe: Probe,
    cited: Sequence[ItemValues],
    low: Sequence[ItemValues] | None,
    high: Sequence[ItemValues] | None,
) -> list[ItemSwing]:
    """Each item's swing, from the items as cited and at each end that was run (same order)."""
    out = []
    for i, base in enumerate(cited):
        at = {
            "low": low[i] if low is not None else None,
            "high": high[i] if high is not None else None,
        }
        scored = {end: score_item(v) if v is not None else None for end, v in at.items()}
        value = score_item(base)
        out.append(
            ItemSwing(
                probe=probe,
                kind=base.kind,
                subject=base.subject,
                observed=base.observed,
                p_low=scored["low"].probability.value if scored["low"] else None,
                p_value=value.probability.value,
                p_high=scored["high"].probability.value if scored["high"] else None,
                match_low=scored["low"].matches if scored["low"] else None,
                match_value=value.matches,
                match_high=scored["high"].matches if scored["high"] else None,
            )
        )
    return out


def ranked(swings: Sequence[ItemSwing], episodes: Sequence[str]) -> list[ItemSwing]:
    """Episodes in the order given; in each, probes that flip an item first, then largest swing.

    Items keep their order within a probe; ties between probes go by actor and figure.
    """
    order = {name: i for i, name in enumerate(episodes)}
    probes: dict[Probe, list[ItemSwing]] = {}
    for s in swings:
        probes.setdefault(s.probe, []).append(s)

    def key(probe: Probe) -> tuple:
        items = probes[probe]
        return (
            order.get(probe.episode, len(order)),
            probe.episode,
            not any(s.flips for s in items),
            -max(s.swing for s in items),
            probe.actor,
            probe.figure,
        )

    return [s for probe in sorted(probes, key=key) for s in probes[probe]]


def flips_by_episode(swings: Sequence[ItemSwing]) -> dict[str, list[ItemSwing]]:
    """The items that flip, by episode, in the order given (episodes with none are absent)."""
    out: dict[str, list[ItemSwing]] = {}
    for s in swings:
        if s.flips:
            out.setdefault(s.probe.episode, []).append(s)
    return out


def top_swings(swings: Sequence[ItemSwing], k: int = 10) -> list[ItemSwing]:
    """The ``k`` largest swings (flips first among equal swings; stable otherwise)."""
    return sorted(swings, key=lambda s: (-round(s.swing, 12), not s.flips))[:k]


def _items(bundle: Path, episode: str, observed: Observed) -> list[ItemValues]:
    return replicate_values(episode, observed, read_summary(bundle), read_events(bundle))


def probe_swings(
    out: Path, probes: Sequence[Probe], observed: Mapping[str, Observed]
) -> list[ItemSwing]:
    """Every probe's item swings, read from the episode's bundle and the probe's bundles."""
    swings: list[ItemSwing] = []
    cited: dict[str, list[ItemValues]] = {}
    for probe in probes:
        name = probe.episode
        if name not in cited:
            cited[name] = _items(out / name, name, observed[name])
        ends = {
            which: _items(out / probe.folder(which), name, observed[name])
            if probe.end(which) is not None
            else None
            for which in ENDS
        }
        swings += item_swings(probe, cited[name], ends["low"], ends["high"])
    return swings
