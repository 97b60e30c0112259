"""The model scored against history: each observed item of each episode, and scores overall.

An episode is a scenario with an ``observed:`` block (:class:`sim.scenario.schema.Observed`).
Each item of the block is a yes/no or a one-word fact about one replicate, computed from its
summary row or its event records (:func:`replicate_values`):

``force_used``
    whether a war was started on, or an armed incident struck, ``against``, or someone entered
    a war on the side fighting it, by one of ``by`` (an actor or the organisation in whose name
    it acted; anyone when ``by`` is empty);
``entered``
    whether ``actor`` was at war on ``side`` on or before ``by``: as the war's leader or one of
    its contributors, as the state attacked, or by entering later;
``helped``
    whether ``actor`` gave ``to`` help short of war on or before ``by`` (a ``support`` record:
    support, non-military aid, forces lent, or a backer's backing; not a pledge to fight, nor
    the word that it had no forces to send);
``outcome``
    the summary's ``first_war_outcome`` (``none`` when no war was fought);
``war_days``
    whether a war was fought and the summary's ``war_days`` falls within a factor of
    :data:`WAR_DAYS_FACTOR` of the band ``[low, high]`` (:func:`war_days_band`);
``conceded``
    whether ``target`` gave in to a threat (a ``conceded`` record of it).

Scoring (docs/backtest.md): ``q`` is the share of replicates whose value is the observed one,
with Wilson's 95 % interval. An item *matches* when the observed value is strictly the model's
most likely one. The Brier score of an item is ``(1 - q)**2`` and its log score ``-ln(q)``, with
``q`` clipped below at :data:`LOG_CLIP`; for yes/no items these are the usual scores of the
forecast "yes" against the 0/1 observation, for ``outcome`` they score the probability given to
what happened. Lower is better for both.

Two naive baselines score the same items, pooled by kind across episodes (``war_days`` has no
baseline: its band is the episode's own, so it is scored for the model alone):

*most frequent*
    predicts, with certainty, the value observed most often for that kind across all the
    episodes (in-sample, which flatters it; ties go to the first value in sorted order);
*base rate*
    the share of the *other* episodes' items of that kind with the same observed value, with
    one pseudo-count per possible value (leave-one-out with Laplace smoothing:
    ``(k + 1) / (n + K)``), so that it never sees the episode it predicts and is never 0 or 1.

When held-out episodes or a user's own are scored, both baselines also learn from the training
episodes' record (``known``): a forecaster of a crisis no fit saw knows the history the model
was fitted to.

All of this is pure: no files are written and nothing is drawn.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from sim.analysis.estimates import Estimate, proportion
from sim.run.bundle import read_summary
from sim.scenario.schema import Observed
from sim.scenario.vocabulary import ObservedOutcome, Side

LOG_CLIP = 1e-3
"""Smallest probability a log score takes: an item the model never produced scores
``-ln(0.001)`` = 6.91 rather than infinity (a few hundred replicates cannot tell 0 from 0.001)."""

WAR_DAYS_FACTOR = 2.0
"""A war's length matches the record when it lies within this factor of the sources' band.

The issue asks for war lengths of the record's order of magnitude, not its day; a factor of two
either way is the usual tolerance for a model scored on magnitudes (the "FAC2" share of
Chang & Hanna 2004, Meteorology and Atmospheric Physics 87: 167-196). One rule for every
episode, fixed before the fit that uses it, so that no band is widened to suit a result."""

TIED = "|"
"""Joins the values tied for the model's most likely one (``attackers_won|defenders_won``)."""

BINS = 10
"""Equal-width bins of predicted probability in the reliability table."""

YES, NO = "true", "false"
_EVENT_KINDS = {
    "war_started",
    "incident",
    "entered_war",
    "third_party_force",
    "conceded",
    "support",
}


class ItemKind(StrEnum):
    """The kinds of observed item, in the order they are listed."""

    FORCE_USED = "force_used"
    ENTERED = "entered"
    HELPED = "helped"
    OUTCOME = "outcome"
    WAR_DAYS = "war_days"
    CONCEDED = "conceded"


CHOICES: dict[ItemKind, tuple[str, ...]] = {
    ItemKind.FORCE_USED: (NO, YES),
    ItemKind.ENTERED: (NO, YES),
    ItemKind.HELPED: (NO, YES),
    ItemKind.OUTCOME: tuple(o.value for o in ObservedOutcome),
    ItemKind.WAR_DAYS: (NO, YES),
    ItemKind.CONCEDED: (NO, YES),
}
"""Every value an item of each kind can take."""

COMPARED = (ItemKind.FORCE_USED, ItemKind.ENTERED, ItemKind.OUTCOME, ItemKind.CONCEDED)
"""Kinds scored against the baselines (``helped``, which no training episode has, and
``war_days``, whose band is the episode's own, are scored for the model alone)."""


@dataclass(frozen=True)
class ItemValues:
    """One observed item of an episode: what was observed and each replicate's value."""

    episode: str
    kind: ItemKind
    subject: str  # what the item is about, e.g. "ECOWAS against GMB", "SEN attackers by 2017-01-19"
    observed: str
    values: tuple[str, ...]


# ----------------------------------------------------------------------- per replicate


def read_events(bundle: Path, kinds: Iterable[str] = _EVENT_KINDS) -> dict[int, list[dict]]:
    """The bundle's event records of ``kinds``, by replicate (streamed: the rest is dropped)."""
    wanted = set(kinds)
    out: dict[int, list[dict]] = {}
    with open(bundle / "events.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("kind") in wanted:
                out.setdefault(int(record["replicate"]), []).append(record)
    return out


ANYONE = "anyone"
"""The subject's author of a ``force_used`` item with no ``by`` ("anyone → GNB")."""


def _force_used(
    records: Sequence[dict], against: str, by: Sequence[str], until: dt.date | None = None
) -> bool:
    """Whether force was used on ``against`` by one of ``by`` (anyone if empty), by ``until``.

    A war started on it, an incident that struck it, an outside party's strikes on it (a
    ``third_party_force`` event: validating refuses an item that only they could make true),
    forces lent to fight it as rebels (troops sent as armed assistance against its rebellion,
    and a power's own troops in the host lent as support, as Barkhane's strikes were), or an
    entry into a war on the side fighting it; an entry or a lending that a body's vote decided
    (a member sent under an ECOWAS clause) counts as that body's too. A state that fights back
    against a war started on it uses force on its attackers too (Nigeria driving Chad's troops
    off the Lake Chad islands, 1983), and armed groups that carry their war into a state use
    force on it.
    With ``until``, only what was done on or before that day counts.
    """
    for r in records:
        if until is not None and dt.date.fromisoformat(r["date"]) > until:
            continue
        attackers = {r.get("actor"), *(r.get("attackers") or ())}
        if (
            r["kind"] == "war_started"
            and against in attackers
            and (not by or r.get("target") in by)
        ):
            return True
        if r["kind"] in ("war_started", "incident"):
            hit, who = r.get("target") == against, attackers
        elif r["kind"] == "entered_war":
            carried = r.get("attacked_by")  # armed groups carried their war into the actor
            if carried:
                groups = r.get("attackers") or [carried]
                if r.get("actor") == against and (not by or set(groups) & set(by)):
                    return True  # their force on the state
                if against in groups and (not by or r.get("actor") in by):
                    return True  # the state's on them
            hit = against in (r.get("target"), r.get("against"))
            who = {r.get("actor"), r.get("by")}
        elif r["kind"] == "third_party_force":  # an outside party's strikes, as an event sets
            hit, who = r.get("target") == against, {r.get("actor")}
        elif r["kind"] == "support" and r.get("fighting"):  # forces lent to fight the rebels
            hit, who = against in r["fighting"], {r.get("actor")}
        else:
            continue
        bodies = r.get("decided_by") or ()
        who.update([bodies] if isinstance(bodies, str) else bodies)  # a string before Dec 2026
        if hit and (not by or who & set(by)):
            return True
    return False


def _entered(records: Sequence[dict], actor: str, side: Side, by: dt.date) -> bool:
    # States armed groups carried their war into, by war: they were attacked, and they and
    # those who come to their help defend, whichever side of the war they fight on.
    attacked = {
        (r.get("war"), r.get("actor"))
        for r in records
        if r["kind"] == "entered_war" and r.get("attacked_by")
    }
    for r in records:
        if dt.date.fromisoformat(r["date"]) > by:
            continue
        if r["kind"] == "war_started":
            attacking = actor == r.get("actor") or actor in r.get("attackers", ())
            if (side is Side.ATTACKERS and attacking) or (
                side is Side.DEFENDERS and actor == r.get("target")
            ):
                return True
        elif (
            r["kind"] == "entered_war"
            and r.get("actor") == actor
            and (
                r.get("side") == 0
                and not r.get("attacked_by")
                and (r.get("war"), r.get("victim")) not in attacked
            )
            == (side is Side.ATTACKERS)
        ):
            return True
    return False


NOT_HELP = ("pledge", "no_forces", "answer_over")
"""``support`` records that give nothing short of war: a pledge to fight a victim's war if it
comes, the word that a power had no forces to send, and that the answer it would have joined
was over."""


def _helped(records: Sequence[dict], actor: str, to: str, by: dt.date) -> bool:
    """Whether ``actor`` gave ``to`` help short of war by ``by``.

    What it decided to give counts, even when the model sizes it at nothing (a power with no
    forces in the region lends none).
    """
    return any(
        r["kind"] == "support"
        and r.get("actor") == actor
        and r.get("target") == to
        and r.get("action") not in NOT_HELP
        and dt.date.fromisoformat(r["date"]) <= by
        for r in records
    )


def _conceded(records: Sequence[dict], target: str) -> bool:
    return any(r["kind"] == "conceded" and r.get("actor") == target for r in records)


def _yes(flag: bool) -> str:
    return YES if flag else NO


def replicate_values(
    episode: str,
    observed: Observed,
    rows: Sequence[Mapping[str, str]],
    events: Mapping[int, Sequence[dict]],
) -> list[ItemValues]:
    """Each observed item of ``episode`` with its value in every replicate.

    ``rows`` are the bundle's summary rows, ``events`` its records by replicate index as
    :func:`read_events` gives them.
    """
    replicates = [int(row["replicate"]) for row in rows]
    items: list[ItemValues] = []
    for f in observed.force_used_items:
        who = ", ".join(f.by) or ANYONE
        values = tuple(
            _yes(_force_used(events.get(i, ()), f.against, f.by, f.until)) for i in replicates
        )
        subject = f"{who} → {f.against}" + (f" ≤ {f.until.isoformat()}" if f.until else "")
        items.append(ItemValues(episode, ItemKind.FORCE_USED, subject, _yes(f.value), values))
    for e in observed.entered:
        values = tuple(_yes(_entered(events.get(i, ()), e.actor, e.side, e.by)) for i in replicates)
        subject = f"{e.actor} {e.side.value} ≤ {e.by.isoformat()}"
        items.append(ItemValues(episode, ItemKind.ENTERED, subject, _yes(e.value), values))
    for h in observed.helped:
        values = tuple(_yes(_helped(events.get(i, ()), h.actor, h.to, h.by)) for i in replicates)
        subject = f"{h.actor} → {h.to} ≤ {h.by.isoformat()}"
        items.append(ItemValues(episode, ItemKind.HELPED, subject, _yes(h.value), values))
    if observed.outcome is not None:
        values = tuple(row["first_war_outcome"] for row in rows)
        items.append(
            ItemValues(episode, ItemKind.OUTCOME, "first war", observed.outcome.value.value, values)
        )
    w = observed.war_days
    if w is not None:
        low, high = war_days_band(w.low, w.high)
        values = tuple(
            _yes(row["war_occurred"] == YES and low <= int(row["war_days"]) <= high) for row in rows
        )
        span = f"{w.low}" if w.low == w.high else f"{w.low}–{w.high}"
        items.append(ItemValues(episode, ItemKind.WAR_DAYS, span, YES, values))
    c = observed.conceded
    if c is not None:
        values = tuple(_yes(_conceded(events.get(i, ()), c.target)) for i in replicates)
        items.append(ItemValues(episode, ItemKind.CONCEDED, c.target, _yes(c.value), values))
    return items


def war_days_band(low: int, high: int) -> tuple[int, int]:
    """The war lengths, in whole days, that match a recorded band ``[low, high]``.

    From ``low`` divided by :data:`WAR_DAYS_FACTOR` (rounded down) to ``high`` times it
    (rounded up).
    """
    return math.floor(low / WAR_DAYS_FACTOR), math.ceil(high * WAR_DAYS_FACTOR)


def load_items(out: Path, episodes: Sequence[tuple[str, Observed]]) -> list[ItemValues]:
    """Every episode's items, read from its bundle ``out/<name>`` (summary and events)."""
    items: list[ItemValues] = []
    for name, observed in episodes:
        bundle = out / name
        items += replicate_values(name, observed, read_summary(bundle), read_events(bundle))
    return items


# ----------------------------------------------------------------------- scores


def brier(q: float) -> float:
    """Brier score of giving probability ``q`` to what happened: ``(1 - q)**2``."""
    return (1.0 - q) ** 2


def log_score(q: float) -> float:
    """Log score (natural log, lower is better) of giving ``q`` to what happened, clipped."""
    return 0.0 - math.log(max(q, LOG_CLIP))  # 0.0 - 0.0 is 0.0, where -0.0 would print


@dataclass(frozen=True)
class ItemScore:
    """One item scored: the model's probability of what was observed, and the baselines'."""

    episode: str
    kind: ItemKind
    subject: str
    observed: str
    probability: Estimate
    most_likely: str
    matches: bool
    shares: dict[str, float]
    brier: float
    log: float
    baseline_frequent: float | None = None
    baseline_rate: float | None = None


def _most_likely(counts: Counter, choices: Sequence[str]) -> tuple[str, bool]:
    """The modal value (first in ``choices`` on ties) and whether it is the only mode."""
    top = max(counts[c] for c in choices)
    modes = [c for c in choices if counts[c] == top]
    return modes[0], len(modes) == 1


def score_item(item: ItemValues) -> ItemScore:
    """The model's probability of the observed value, its interval, and whether it matches."""
    choices = CHOICES[item.kind]
    counts = Counter(item.values)
    n = len(item.values)
    probability = proportion(counts[item.observed], n)
    mode, unique = _most_likely(counts, choices)
    if not unique:  # a tie names every value tied for first, not the first of them alone
        top = counts[mode]
        mode = TIED.join(c for c in choices if counts[c] == top)
    q = probability.value if n else 0.0
    return ItemScore(
        episode=item.episode,
        kind=item.kind,
        subject=item.subject,
        observed=item.observed,
        probability=probability,
        most_likely=mode,
        matches=unique and mode == item.observed and n > 0,
        shares={c: counts[c] / n if n else math.nan for c in choices},
        brier=brier(q),
        log=log_score(q),
    )


def with_baselines(
    scores: Sequence[ItemScore], known: Sequence[ItemValues] = ()
) -> list[ItemScore]:
    """The items with both baselines' probabilities of what was observed (see the module).

    ``known`` are other episodes' observed items (their values unused) that the baselines may
    learn from as well: the training episodes' record, when held-out episodes are scored.
    """
    out = []
    pool = [(t.episode, t.kind, t.observed) for t in [*scores, *known]]
    for s in scores:
        if s.kind not in COMPARED:
            out.append(s)
            continue
        same = [(episode, observed) for episode, kind, observed in pool if kind is s.kind]
        choices = CHOICES[s.kind]
        counts = Counter(observed for _, observed in same)
        frequent, _ = _most_likely(counts, choices)
        others = [observed for episode, observed in same if episode != s.episode]
        hits = sum(observed == s.observed for observed in others)
        rate = (hits + 1) / (len(others) + len(choices))
        out.append(
            ItemScore(
                **{
                    **s.__dict__,
                    "baseline_frequent": 1.0 if s.observed == frequent else 0.0,
                    "baseline_rate": rate,
                }
            )
        )
    return out


@dataclass(frozen=True)
class Scores:
    """Mean Brier and log scores of the model and of the baselines, and on how many items."""

    items: int
    brier: float
    log: float
    compared_items: int
    compared_brier: float
    compared_log: float
    frequent_brier: float
    frequent_log: float
    rate_brier: float
    rate_log: float
    matches: int

    def as_dict(self) -> dict[str, Any]:
        """Plain values for JSON."""
        return dict(self.__dict__)


def _mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values) if values else math.nan


def overall(scores: Sequence[ItemScore]) -> Scores:
    """Mean scores over every item, and over the items the baselines also score."""
    compared = [s for s in scores if s.baseline_frequent is not None]
    return Scores(
        items=len(scores),
        brier=_mean([s.brier for s in scores]),
        log=_mean([s.log for s in scores]),
        compared_items=len(compared),
        compared_brier=_mean([s.brier for s in compared]),
        compared_log=_mean([s.log for s in compared]),
        frequent_brier=_mean([brier(s.baseline_frequent) for s in compared]),
        frequent_log=_mean([log_score(s.baseline_frequent) for s in compared]),
        rate_brier=_mean([brier(s.baseline_rate) for s in compared]),
        rate_log=_mean([log_score(s.baseline_rate) for s in compared]),
        matches=sum(s.matches for s in scores),
    )


# ----------------------------------------------------------------------- reliability


@dataclass(frozen=True)
class Bin:
    """One bin of the reliability table: forecasts in ``[low, high)`` (the last bin shuts)."""

    low: float
    high: float
    count: int
    predicted: float  # mean forecast probability in the bin (nan when empty)
    observed: float  # share of those forecasts that came true (nan when empty)


def forecasts(scores: Sequence[ItemScore]) -> list[tuple[float, int]]:
    """Every yes/no forecast the items make, as (probability, 1 if it happened else 0).

    A yes/no item is the forecast "yes"; an ``outcome`` item is one forecast per possible
    ending (one against the rest).
    """
    out = []
    for s in scores:
        if s.kind is ItemKind.OUTCOME:
            out += [(p, int(c == s.observed)) for c, p in s.shares.items()]
        else:
            out.append((s.shares[YES], int(s.observed == YES)))
    return [(p, y) for p, y in out if not math.isnan(p)]


def reliability(pairs: Sequence[tuple[float, int]], bins: int = BINS) -> list[Bin]:
    """Binned predicted probability against observed frequency (``bins`` equal bins)."""
    table = []
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        inside = [(p, y) for p, y in pairs if low <= p < high or (b == bins - 1 and p == 1.0)]
        table.append(
            Bin(
                low,
                high,
                len(inside),
                _mean([p for p, _ in inside]),
                _mean([float(y) for _, y in inside]),
            )
        )
    return table


# ----------------------------------------------------------------------- episodes


@dataclass(frozen=True)
class EpisodeScore:
    """An episode's items, how many the model misses, and whether it gets the direction right."""

    episode: str
    items: tuple[ItemScore, ...]
    misses: int
    brier: float
    direction_right: bool | None = field(default=None)


def direction_right(items: Sequence[ItemScore]) -> bool | None:
    """Whether the model's most likely answer to the headline question is what happened.

    The headline is whether force was used (``force_used``), else how the war ended
    (``outcome``); ``None`` when the episode records neither.
    """
    for kind in (ItemKind.FORCE_USED, ItemKind.OUTCOME):
        found = [s for s in items if s.kind is kind]
        if found:
            return found[0].matches
    return None


def by_episode(scores: Sequence[ItemScore]) -> list[EpisodeScore]:
    """Episodes ordered failures first: most misses, then worst mean Brier score, then name."""
    names = list(dict.fromkeys(s.episode for s in scores))
    episodes = []
    for name in names:
        items = tuple(s for s in scores if s.episode == name)
        episodes.append(
            EpisodeScore(
                name,
                items,
                sum(not s.matches for s in items),
                _mean([s.brier for s in items]),
                direction_right(items),
            )
        )
    return sorted(episodes, key=lambda e: (-e.misses, -e.brier, e.episode))


def recorded_items(episodes: Sequence[tuple[str, Observed]]) -> list[ItemValues]:
    """Each episode's observed items, with no replicate: what the record says, for baselines."""
    return [i for name, observed in episodes for i in replicate_values(name, observed, [], {})]


def score_all(
    items: Sequence[ItemValues], known: Sequence[ItemValues] = ()
) -> tuple[list[EpisodeScore], Scores, list[Bin]]:
    """Everything the backtest reports, from every episode's items.

    ``known``: other episodes' records the baselines learn from too (:func:`with_baselines`).
    """
    scores = with_baselines([score_item(i) for i in items], known)
    return by_episode(scores), overall(scores), reliability(forecasts(scores))
