"""A replicate's wars as its records tell them: the days a war spent under a truce.

A mediated ceasefire can break down and the same war be fought again (``war_resumed``). A war's
length in the summary (``war_days``) runs from its first day to its last end, truces included;
a story that gives that length says how much of it was truce, from these records.
"""

from __future__ import annotations

from collections.abc import Iterable

from sim.model.records import Record, RecordKind


def truce_days(records: Iterable[Record], war: object, *, before: Record | None = None) -> int:
    """Days the war ``war`` spent under truces that broke down, up to the record ``before``.

    A truce still holding at the end is the war's end, not part of its length: only the truces
    that broke down (each ``war_resumed`` record's ``truce_days``) count.
    """
    total = 0
    for record in records:
        if record is before:
            break
        if record.kind is RecordKind.WAR_RESUMED and record.get("war") == war:
            total += int(record.get("truce_days", 0))
    return total
