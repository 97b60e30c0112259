"""Open threats: who threatens whom, from which day the threat may be carried out, until when.

A threat is opened by a scheduled ``threat`` event, by an incident (the victim weighs
retaliation), or by an ``intervene`` clause; phase 2 (:mod:`sim.model.intent`) decides each day
whether it is carried out.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Threat:
    """An open threat and the allies who pledged to join it."""

    key: str
    by: str
    target: str
    attackers: tuple[str, ...]
    deadline: int
    closes: int
    record: int
    open: bool = True
    retaliation: bool = False  # a victim weighing war against the author of an incident
    # a victim weighing a limited offensive against the armed group that struck it (§7.11)
    offensive: bool = False
    soil: str = ""  # where the offensive would be fought (the state the group struck in); else ""
    war: int | None = None  # the war it was carried out in
    backers: list[str] = field(default_factory=list)  # allies who pledged to join it
    # the body whose vote pledged each ally that it sent (its force is the body's: backtest)
    pledged_by: dict[str, str] = field(default_factory=dict)

    @property
    def fighters(self) -> tuple[str, ...]:
        """Who would fight: the threateners and the allies who pledged to join them."""
        return (*self.attackers, *(b for b in self.backers if b not in self.attackers))
