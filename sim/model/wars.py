"""Wars: two sides, the forces each member has committed, losses, and how a war ends."""

from __future__ import annotations

from dataclasses import dataclass, field

from sim.model.records import WarOutcome

ATTACKERS, DEFENDERS = 0, 1


def scaled_support(full: float, helper: float, front: float) -> float:
    """The factor help short of war gives a side: ``full`` from a helper at least its size.

    ``1 + (full − 1) × min(1, helper / front)``: ``helper`` the strength the helper could send,
    ``front`` the side's strength it helps (docs/model.md §7.4); ``full`` with no side to
    measure against.
    """
    if front <= 0:
        return full
    return 1 + (full - 1) * min(1.0, helper / front)


@dataclass
class War:
    """One war between an attacking and a defending side.

    ``sides[s]`` maps each member to the personnel it has committed (what is left of it);
    ``initial[s]`` is all a side has ever committed, the base of its breaking point;
    ``aid[s]`` multiplies its effectiveness (outside support, non-military help), and
    ``supporters`` keeps who gave each factor, to which side.
    """

    id: int
    leaders: tuple[str, str]
    start: int
    sides: tuple[dict[str, float], dict[str, float]] = field(default_factory=lambda: ({}, {}))
    initial: list[float] = field(default_factory=lambda: [0.0, 0.0])
    losses: list[float] = field(default_factory=lambda: [0.0, 0.0])
    aid: list[float] = field(default_factory=lambda: [1.0, 1.0])
    supporters: dict[str, tuple[int, float]] = field(default_factory=dict)
    irregular: bool = False  # a party draws it out (Belligerent.draws_out_war): lower intensity
    guerrillas: int | None = None  # the side fighting as guerrillas (SahelModel.guerrilla_side)
    coup_attempt: bool = False  # plotters trying to seize power: decided the next day (§7.8)
    end: int | None = None
    outcome: WarOutcome | None = None
    truce: bool = False  # ended by mediation, and the ceasefire may still break down
    resumed: int | None = None  # the day fighting last resumed after a truce
    losses_at_resumption: list[float] = field(default_factory=lambda: [0.0, 0.0])
    # States armed groups carried the war into (SahelModel.carry_war): they fight it at home,
    # not abroad, so they neither withdraw nor send contingents there.
    at_home: set[str] = field(default_factory=set)
    # Limited offensives against an armed group that struck (§7.11): each member fighting one,
    # with the last day it fights (termination.end_offensives), and the state whose offensive
    # started this war, if one did.
    offensives: dict[str, int] = field(default_factory=dict)
    offensive_by: str | None = None
    # Where an offensive that started this war is fought: the state the group struck in, whose
    # fighters of the group are its defenders (SahelModel.defending_forces).
    soil: str = ""
    # A guerrilla war: the day the fighting began or resumed, and the days the government then
    # expected to need to wear the guerrillas down, None if never (termination.reckon).
    expected_length: tuple[int, float | None] | None = None

    @property
    def fighting_since(self) -> int:
        """The day the war began, or the day it last resumed after a truce."""
        return self.start if self.resumed is None else self.resumed

    @property
    def ongoing(self) -> bool:
        """Still being fought."""
        return self.end is None

    def side_of(self, actor: str) -> int | None:
        """0 for the attacking side, 1 for the defending side, None if not a belligerent."""
        for s in (ATTACKERS, DEFENDERS):
            if actor in self.sides[s]:
                return s
        return None

    def commit(self, actor: str, side: int, forces: float) -> None:
        """Add an actor's forces to a side."""
        self.sides[side][actor] = self.sides[side].get(actor, 0.0) + forces
        self.initial[side] += forces

    def support(self, actor: str, side: int, factor: float) -> None:
        """An actor outside the war makes one side fight ``factor`` times as effectively."""
        self.aid[side] *= factor
        self.supporters[actor] = (side, factor)

    def end_support(self, actor: str) -> None:
        """An actor that entered the war fights with what it sends, no longer by support too."""
        if actor in self.supporters:
            side, factor = self.supporters.pop(actor)
            self.aid[side] /= factor

    def members(self) -> list[str]:
        """Every belligerent, attackers first."""
        return [*self.sides[ATTACKERS], *self.sides[DEFENDERS]]

    @property
    def label(self) -> str:
        """'ECOWAS vs NER'."""
        return f"{self.leaders[ATTACKERS]} vs {self.leaders[DEFENDERS]}"
