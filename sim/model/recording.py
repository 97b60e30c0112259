"""Phase 9: the day's row of the series, kept as lists and turned into arrays at the end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sim.model.records import Series
from sim.model.wars import ATTACKERS, DEFENDERS

if TYPE_CHECKING:
    from sim.model.model import SahelModel

ROWS = ("forces", "casualties", "committed", "side", "strength", "belligerents", "wars")
"""The daily variables, one list of rows each (see :class:`~sim.model.records.Series`)."""


def prepare(model: SahelModel) -> None:
    """Empty rows, and what a day without war repeats."""
    model.rows = {name: [] for name in ROWS}
    model.side = dict.fromkeys(model.actors, 0)  # side in an actor's first war
    model.actor_list = list(model.actors.values())
    model.zeros = [0.0] * len(model.actors)
    model.side_row = [0] * len(model.actors)
    # Casualties change only in combat: a day with no war fought repeats the last row.
    model.casualties_row = [a.casualties for a in model.actor_list]
    model.effort_lost = 0.0


def record_day(model: SahelModel) -> None:
    """Phase 9: append the day's row of every variable."""
    rows = model.rows
    actors = model.actor_list
    rows["forces"].append([a.forces for a in actors])
    # a war that ended today was still fought today
    if model.wars_ongoing or model.last_war_end == model.day:
        ongoing = [w for w in model.wars if w.ongoing or w.end == model.day]
    else:
        ongoing = []
    if ongoing:
        model.casualties_row = [a.casualties for a in actors]
        committed = dict.fromkeys(model.actors, 0.0)
        for war in ongoing:
            for s in (ATTACKERS, DEFENDERS):
                for a, f in war.sides[s].items():
                    if model.side[a] == 0:
                        model.side[a] = s + 1
                    committed[a] += f
        rows["committed"].append(list(committed.values()))
        rows["belligerents"].append(len({a for w in ongoing for a in w.members()}))
        rows["wars"].append(len(ongoing))
        model.side_row = list(model.side.values())
    else:
        rows["committed"].append(model.zeros)
        rows["belligerents"].append(0)
        rows["wars"].append(0)
    rows["casualties"].append(model.casualties_row)
    rows["side"].append(model.side_row)
    rows["strength"].append([g.forces for g in model.groups])
    model.effort_lost += model.lost_today


def series(model: SahelModel) -> Series:
    """The daily series recorded so far, as arrays (one row per day run)."""
    rows = model.rows
    n = len(rows["forces"])
    result = Series.empty(max(n - 1, 0), list(model.actors), [g.id for g in model.groups])
    if n:
        result.forces[:] = rows["forces"]
        _fill_runs(result.casualties, rows["casualties"])
        _fill_runs(result.committed, rows["committed"])
        _fill_runs(result.side, rows["side"])
        if model.groups:
            result.strength[:] = rows["strength"]
        result.belligerents[:] = rows["belligerents"]
        result.wars[:] = rows["wars"]
    return result


def _fill_runs(target, rows: list[list]) -> None:
    """``target[:] = rows``, one slice per run of days that share the same row object.

    Days of peace append the same list again (the zeros of ``committed``, the last ``side`` and
    ``casualties`` rows), so a run of them is converted once rather than day by day.
    """
    start, first = 0, rows[0]
    for day, row in enumerate(rows):
        if row is not first:
            target[start:day] = first
            start, first = day, row
    target[start:] = first
