"""The Sahel mutual-defence model: its state, its primitive moves and the order of a day.

One step is one day, in nine phases, each in a module of its own (DESIGN §3):

1. :mod:`~sim.model.events`: the scenario's dated events fire (coups, threats, attacks,
   sanctions, pact signings, suspensions and withdrawals, foreign deployments and departures,
   ceasefires, insurgent offensives, membership changes).
2. :mod:`~sim.model.intent`: an actor holding a threat past its deadline decides whether to
   attack today, weighing its strength against the coalition it expects (deterrence).
3. :mod:`~sim.model.triggers`: each new aggression, attack on forces abroad, rebellion or coup
   is matched against every clause in force, creating obligations.
4. :mod:`~sim.model.responses`: obligations that are due are decided under their clause's rule
   and the run's commitment mode, then carried out by :mod:`~sim.model.actions` (one handler per
   pact action); entering a war may trigger further clauses.
5. :mod:`~sim.model.forces`: contingents abroad grow; counter-insurgency effort after forces
   sent to fronts and lent.
6. :mod:`~sim.model.combat`: Lanchester square-law attrition on each front, with daily noise.
7. :mod:`~sim.model.insurgency`: armed groups grow against the effort left; crossing the
   rebellion threshold is an armed rebellion (an Art. 5 trigger, read next day).
8. :mod:`~sim.model.termination`: wars end at a breaking point, by capitulation or mediation;
   a mediated truce may break down, and the same war is fought again.
9. :mod:`~sim.model.recording`: the day's row of the series.

The model keeps what the phases share (actors, wars, threats, obligations, the insurgency) and
the moves several phases make (log a record, raise a trigger, open a threat, start, join, end
or resume a war, lend forces). Every decision is appended to ``records`` with its reasons; the
model keeps no other output.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Collection

import mesa
import numpy as np

from sim.model import (
    combat,
    events,
    forces,
    insurgency,
    intent,
    recording,
    responses,
    termination,
    triggers,
)
from sim.model.agents import ACTOR_CLASSES, Actor, ArmedGroup, Belligerent, Power, State
from sim.model.pacts import Memberships, Obligation, PactBook, Trigger, requested
from sim.model.players import Players
from sim.model.records import Record, RecordKind, Series, WarOutcome
from sim.model.streams import Concern, stream
from sim.model.threats import Threat
from sim.model.wars import ATTACKERS, DEFENDERS, War, scaled_support
from sim.model.world import World
from sim.scenario.vocabulary import CasusFoederis, Commitment, CoupForm, PactAction, Regime


def whole_parts(values: list[float]) -> list[int]:
    """Whole numbers that add up to the rounded total (largest remainders round up).

    A story that says "106 on the attacking side, 5 on the defending side" and then "112
    military casualties" contradicts itself; rounding each side's losses apart does that. The
    total is rounded as the run's casualties are: to a tenth in the summary, then whole.
    """
    floors = [math.floor(v) for v in values]
    short = round(round(math.fsum(values), 1)) - sum(floors)
    order = sorted(range(len(values)), key=lambda i: (floors[i] - values[i], i))
    for i in order[: max(short, 0)]:
        floors[i] += 1
    return floors


class SahelModel(mesa.Model):
    """Mutual defence among AES states, ECOWAS, outside powers and armed groups.

    Args:
        world: the resolved scenario (:func:`sim.model.world.build_world`).
        seed: the replicate's seed; every random stream derives from it (see
            :mod:`sim.model.streams`).
        players: deciders by role, who take that role's decisions in place of the model's
            rule (see :mod:`sim.model.players`); none by default.
    """

    def __init__(self, world: World, seed: int, players: Players | None = None):
        super().__init__(rng=int(stream(seed, Concern.MESA).integers(2**31)))
        self.world = world
        # Not `self.scenario`: Mesa 3.4+ reserves that name for its own experimental Scenario.
        self.setup = world.scenario
        self.params = world.scenario.parameters
        self.seed = int(seed)
        self.start_date = world.scenario.start
        self.horizon = world.scenario.days
        self.day = -1
        self.date = self.start_date
        self.start_ordinal = self.start_date.toordinal()
        self.strict = world.scenario.commitment is Commitment.STRICT
        self.records: list[Record] = []
        self.players: dict = dict(players) if players else {}
        self.actors: dict[str, Actor] = {
            spec.id: ACTOR_CLASSES[spec.kind](self, spec) for spec in world.actors.values()
        }
        self.actor_ids = list(self.actors)
        self.states = [a for a in self.actors.values() if isinstance(a, State)]
        self.powers = [a for a in self.actors.values() if isinstance(a, Power)]
        self.groups = [a for a in self.actors.values() if isinstance(a, ArmedGroup)]
        self.belligerents = [a for a in self.actors.values() if isinstance(a, Belligerent)]
        self.memberships = Memberships(world.organisations)
        self.book = PactBook(world.pacts, self.memberships, self.start_date)
        self.wars: list[War] = []
        self.wars_ongoing = 0  # so that a day of peace skips the phases' war loops
        self.last_war_end = -1  # the day a war last ended (it was still fought that day)
        self.truces = 0  # wars ended by mediation whose ceasefire may still break down
        self.seized_by: dict[str, str] = {}  # state -> the faction that seized power in it
        self.combat_rngs: dict[int, np.random.Generator] = {}  # each war's daily noise
        self.threats: list[Threat] = []
        # (threatener, target): each outside body's latest stand, +1 backs and -1 opposes
        self.stances: dict[tuple[str, str], dict[str, int]] = {}
        self.refused: set[tuple[str, str]] = set()  # (state, target): force refused at home
        # (party, target): last day an outside party uses force on its own (None: to the end)
        self.third_parties: dict[tuple[str, str], int | None] = {}
        # (by, against): the order in which an actor first used force on another (an incident
        # or a war it started), to tell the aggressor from the one who answers it
        self.first_force: dict[tuple[str, str], int] = {}
        self.queue: list[Trigger] = []  # raised, not yet matched against the clauses
        # each matched trigger of a war, with each pact's parties when it was last looked at
        # (a pact that comes to bind a party later covers the war from then, phase 3)
        self.standing: dict[Trigger, dict[str, frozenset[str]]] = {}
        self.owed: set[tuple] = set()  # what each trigger of a war owed, or said, already
        self.pending: list[Obligation] = []  # matched, not yet due
        self.seen_triggers: set[tuple] = set()
        self.rebellions: set[str] = set()
        self.state_index = {s.id: i for i, s in enumerate(self.states)}
        self.group_index = {g.id: i for i, g in enumerate(self.groups)}
        self.insurgents = insurgency.insurgents_of(self)
        self.support = [0.0] * len(self.states)  # forces lent to each state's counter-insurgency
        self.lent: set[tuple] = set()  # (lender, host, trigger) already answered with forces
        # (lender, host) -> the enemies of the host that forces or help were lent against
        self.lent_against: dict[tuple[str, str], set[str]] = {}
        # (power, host): forces of record (strength, date of record) held for the power's
        # answer to the host's request, until it grants it (sim.model.events.agenda)
        self.held: dict[tuple[str, str], tuple[float, dt.date]] = {}
        self.agenda = events.agenda(self)
        self.present = self.presence()  # outside powers' forces in each state
        self.effort = [1.0] * (len(self.states) + 1)  # last slot: countries outside the scenario
        self.baseline = [
            s.baseline_forces + p for s, p in zip(self.states, self.present, strict=True)
        ]
        self.moved = False  # forces moved since the effort was last computed
        self.lost_today = 0.0  # mean share of counter-insurgency effort lost, as last computed
        insurgency.prepare(self)
        recording.prepare(self)

    # ------------------------------------------------------------------ the day

    def step(self) -> None:
        """One day, in the nine phases of the module docstring."""
        self.day += 1
        self.date = dt.date.fromordinal(self.start_ordinal + self.day)
        events.fire_scheduled_events(self)
        intent.decide_attacks(self)
        triggers.match_triggers(self)
        responses.answer_due_obligations(self)
        forces.reinforce_contingents(self)
        forces.allocate_forces(self)
        combat.fight(self)
        insurgency.advance(self)
        termination.end_wars(self)
        recording.record_day(self)

    def run(self) -> None:
        """Step on to the horizon (from the start, ``days + 1`` steps: one per date)."""
        while self.day < self.horizon:
            self.step()

    def release(self) -> None:
        """Let a finished model be garbage-collected.

        Mesa 3.3 keeps each model's agent-id counter in a class-level dict on ``Agent``
        (``Agent._ids``), which holds every model ever built; an ensemble of thousands would
        grow without bound. Mesa 3.4+ keeps the counter on the model, and this does nothing.
        """
        ids = getattr(mesa.Agent, "_ids", None)
        if isinstance(ids, dict):
            ids.pop(self, None)

    @property
    def series(self) -> Series:
        """The daily series recorded so far, as arrays (one row per day run)."""
        return recording.series(self)

    @property
    def counterinsurgency_lost(self) -> float:
        """Mean share of counter-insurgency effort lost, over the days run and the states."""
        return self.effort_lost / (self.day + 1) if self.day >= 0 else 0.0

    # ------------------------------------------------------------------ what phases read

    def state(self, actor_id: str) -> State | None:
        """The state agent of that id, if it is one."""
        actor = self.actors.get(actor_id)
        return actor if isinstance(actor, State) else None

    def fighters_in(self, country: str) -> float:
        """Armed-group fighters in a state."""
        i = self.state_index.get(country)
        return 0.0 if i is None else float(self.insurgents.by_country()[i])

    def attackers_for(self, by: str, target: str, contributors: list[str]) -> tuple[str, ...]:
        """The actors who fight when ``by`` (an actor or an organisation) attacks ``target``."""
        if contributors:
            names = contributors
        elif by in self.actors:
            names = [by]
        else:
            names = [m for m in self.memberships.active(by, self.date) if m in self.actors]
        return tuple(a for a in dict.fromkeys(names) if a in self.actors and a != target)

    def strength(self, actor_id: str) -> float:
        """Deployable strength, weighted by effectiveness."""
        actor = self.actors[actor_id]
        return actor.deployable * actor.spec.effectiveness

    def sent(self, actor_id: str, theatre: str, share: float = 1.0) -> float:
        """Forces an actor first sends into a war fought in ``theatre`` (a state's territory).

        A state fighting on another state's soil first sends ``expeditionary_share`` of its
        deployable forces, not all of them: the first contingents on record are a fraction of
        what the contributors could deploy (ECOMOG landed about 3,500 troops of five states in
        Liberia in 1990; seeds/history/episodes.md). It sends less when less is needed:
        ``share`` is what its side still lacks of what it seeks (:meth:`entry_share`), but at
        least :data:`~sim.model.forces.SMALLEST_CONTINGENT` troops. The
        contingent then grows (:func:`sim.model.forces.reinforce_contingents`). At home, and for
        an outside power (what it has in the region) or a belligerent, what is deployable is
        sent.
        """
        actor = self.actors[actor_id]
        if isinstance(actor, State) and theatre != actor_id:
            first = actor.deployable * self.params.expeditionary_share
            return min(first, max(actor.deployable * share, forces.SMALLEST_CONTINGENT))
        return actor.deployable

    def side_strength(
        self, war: War, side: int, members: Callable[[str], bool] | None = None
    ) -> float:
        """A side's effective strength at the front: its members' forces × effectiveness × aid.

        ``members`` keeps only the members it accepts (the foreign troops on a government's side).
        """
        actors = self.actors
        return (
            sum(
                f * actors[a].spec.effectiveness
                for a, f in war.sides[side].items()
                if members is None or members(a)
            )
            * war.aid[side]
        )

    def abroad_share(self, war: War, side: int) -> float:
        """The share of its deployable forces each state fighting abroad on ``side`` is sized for.

        Together the states fighting on another state's soil on one side seek
        ``sought_superiority`` times the strength of the side they fight (its forces at the
        front, effectiveness and aid), each the same share of what it could deploy, never more
        than all of it: contingents follow the need, not the contributors' size (ECOMIG's 7,000
        against The Gambia's forces in January 2017; seeds/history/episodes.md). A contingent
        grows toward this share (:func:`sim.model.forces.reinforce_contingents`).
        """
        needed, _, potential = self._abroad(war, side, ())
        return min(1.0, needed / potential) if potential > 0 else 1.0

    def entry_share(self, war: War, side: int, joining: tuple[str, ...]) -> float:
        """The share of their deployable forces states entering ``side`` first send.

        What the side still lacks of the strength it seeks (:meth:`abroad_share`), spread over
        every state abroad on it, ``joining`` included, in proportion to what each could
        deploy: states entering together share the need, and one entering later adds its part
        of what is still lacking, so a side never first sends more than it seeks.
        """
        needed, present, potential = self._abroad(war, side, joining)
        if potential <= 0:
            return 1.0
        return min(1.0, max(needed - present, 0.0) / potential)

    def _abroad(self, war: War, side: int, joining: tuple[str, ...]) -> tuple[float, float, float]:
        """The strength ``side``'s states abroad seek, what they have at the front, what they could.

        In effectiveness-weighted personnel: ``sought_superiority`` times the enemy side's
        strength (with the aid of each side), the strength of the states abroad already at the
        front, and the deployable strength of those and of ``joining``.
        """
        theatre = self.controlled(war.leaders[DEFENDERS])
        actors = self.actors
        members = war.sides[side]
        abroad = dict.fromkeys(
            m
            for m in (*members, *joining)
            if m != theatre and m not in war.at_home and isinstance(actors.get(m), State)
        )
        potential = sum(actors[m].deployable * actors[m].spec.effectiveness for m in abroad)
        present = sum(members.get(m, 0.0) * actors[m].spec.effectiveness for m in abroad)
        needed = self.params.sought_superiority * self.side_strength(war, 1 - side) / war.aid[side]
        return needed, present, potential

    def home_strength(self, actor_id: str, soil: str = "") -> float:
        """Strength a state puts into defending its own territory (a belligerent: all it has).

        An armed group attacked on ``soil`` defends with its fighters there (§7.11).
        """
        actor = self.actors[actor_id]
        return self.defending_forces(actor_id, soil) * actor.spec.effectiveness

    def defending_forces(self, actor_id: str, soil: str = "") -> float:
        """Forces that defend an actor attacked: a state's home-defence share, a belligerent's all.

        An armed group of the fact base attacked in a state it operates in (``soil``, an
        offensive's) defends with all its fighters there, never more than it has: a group
        spread over several states is fought where it is, not with its whole strength.
        """
        actor = self.actors[actor_id]
        if isinstance(actor, Belligerent):
            return actor.forces
        if isinstance(actor, ArmedGroup) and soil in self.state_index:
            there = self.insurgents.fighters(self.groups.index(actor), self.state_index[soil])
            return max(0.0, min(there, actor.forces))
        return actor.forces * self.params.home_defence_share

    def war_joined(self, attackers, target: str, soil: str = "") -> War | None:
        """The war under way that an attack by ``attackers`` on ``target`` would be fought in.

        The one some attackers already fight against the target; for a belligerent target, the
        war it is fighting (:meth:`start_war`); for an armed group attacked in an offensive on
        ``soil``, another offensive's war against it there: its fighters there are in that war
        already (a state's and a power's whose forces there it struck the same day fight it
        together). ``None`` when the attack would start a new war.
        """
        ongoing = next((w for a in attackers if (w := self.at_war(a, target))), None)
        if ongoing is None and isinstance(self.actors.get(target), Belligerent):
            ongoing = next(
                (w for w in self.wars if w.ongoing and w.side_of(target) is not None), None
            )
        if ongoing is None and soil and isinstance(self.actors.get(target), ArmedGroup):
            ongoing = next(
                (
                    w
                    for w in self.wars
                    if w.ongoing and w.soil == soil and w.side_of(target) is not None
                ),
                None,
            )
        return ongoing

    def draws_out(self, parties) -> bool:
        """Whether any of ``parties`` is a belligerent that draws a war out (§7.6)."""
        actors = self.actors
        return any(
            isinstance(actors.get(a), Belligerent) and actors[a].draws_out_war for a in parties
        )

    def guerrilla_side(self, war: War) -> int | None:
        """The side of a war starting today that fights as guerrillas against its own state.

        A side all of whose members are rebel armies that fight as guerrillas
        (:attr:`Belligerent.fights_as_guerrillas`) of the state that leads the other side,
        weaker than the side it faces: irregular war
        is the technology of rebels weaker than the state (Kalyvas & Balcells 2010), and rebels
        who outnumber the army it sends against them stand and fight. An attempted coup is
        decided, not fought (§7.8). Read once, when the war starts (:meth:`start_war`); a party
        that joins the rebels later and is no such rebel army of theirs ends it for good
        (:meth:`backed`).
        """
        if war.coup_attempt:
            return None
        for s in (ATTACKERS, DEFENDERS):
            if (
                war.sides[s]
                and self.guerrillas_against(war.sides[s], war.leaders[1 - s])
                and self.side_strength(war, s) < self.side_strength(war, 1 - s)
            ):
                return s
        return None

    def guerrillas_against(self, members, government: str) -> bool:
        """Whether every one of ``members`` would fight ``government`` as guerrillas.

        Each a rebel army that fights as guerrillas (:attr:`Belligerent.fights_as_guerrillas`)
        in ``government``, a state (a junta that seized it fights as the state; a rival rebel
        army is no government).
        """
        actors = self.actors
        return self.state(government) is not None and all(
            isinstance(actors.get(a), Belligerent)
            and actors[a].fights_as_guerrillas
            and actors[a].home == government
            for a in members
        )

    def fighting_quality(self, war: War) -> tuple[float, float]:
        """Each side's effective strength per fighter at the front (effectiveness and aid)."""
        quality = []
        for s in (ATTACKERS, DEFENDERS):
            fighters = sum(war.sides[s].values())
            quality.append(self.side_strength(war, s) / fighters if fighters > 0 else 0.0)
        return quality[ATTACKERS], quality[DEFENDERS]

    def support_factor(self, war: War, side: int, supporter: str, full: float) -> float:
        """The factor by which ``supporter``'s help short of war multiplies ``side``'s strength.

        ``full`` (``support_multiplier``, or its square root for non-military help) from a
        helper that could send at least the side's strength at the front; in proportion to its
        size from a smaller one: ``1 + (full − 1) × min(1, helper's strength / side's strength)``.
        Advisers, intelligence, air support and supplies are worth what the helper has to give
        against the size of the war: ten small states' support does not make a large army fight
        nine times as hard, which a factor per helper did (ECOWAS's members under the 1999
        Mechanism's Art. 25 behind Nigeria, in a crisis a reader wrote blind: docs/backtest.md).
        """
        front = sum(f * self.actors[a].spec.effectiveness for a, f in war.sides[side].items())
        return scaled_support(full, self.strength(supporter), front)

    def offensive_against(self, offenders: tuple[str, ...], victim: str, soil: str) -> bool:
        """Whether ``victim`` answers a strike by ``offenders`` with a limited offensive (§7.11).

        When every offender is an armed group (a belligerent or one of the fact base's armed
        groups) that fights on ``soil``, the state where it struck: a belligerent at home there,
        an armed group operating there. Armed groups that struck a state's own soil from abroad
        are fought there too (``events._groups_on_own_soil``); a rebel army that struck from
        abroad can be fought only on its own state's soil, a dispute with that state, and the
        victim weighs it as one.
        """
        if not offenders or isinstance(self.actors.get(victim), (Belligerent, ArmedGroup)):
            return False
        return self.fights_in(offenders, soil)

    def groups_alone(self, offenders, soil: str) -> bool:
        """Whether ``offenders`` are armed groups alone (no state, no rebel army) on a state's soil."""
        return (
            bool(offenders)
            and self.state(soil) is not None
            and all(isinstance(self.actors.get(a), ArmedGroup) for a in offenders)
        )

    def raid_from_abroad(self, offenders, soil: str) -> bool:
        """Whether ``offenders`` are armed groups alone, none of whom fights on ``soil``, a state.

        They attacked the state's territory, and are armed groups inside it, sent by no state:
        the clauses of both kinds answer them (§7.3).
        """
        return self.groups_alone(offenders, soil) and not any(
            self.fights_in((a,), soil) for a in offenders
        )

    def fights_in(self, offenders, soil: str) -> bool:
        """Whether every one of ``offenders`` is an armed group that fights on ``soil``.

        A belligerent at home there, or an armed group operating there.
        """
        for offender in offenders:
            actor = self.actors.get(offender)
            if isinstance(actor, Belligerent):
                if actor.home != soil:
                    return False
            elif isinstance(actor, ArmedGroup):
                if soil not in (country for country, _ in actor.spec.operates_in):
                    return False
            else:
                return False
        return bool(offenders)

    def backers_of(self, offenders: tuple[str, ...] | list[str]) -> set[str]:
        """The actors that back any of ``offenders`` (a belligerent's declared ``backers``)."""
        return {b for o in offenders if o in self.actors for b in self.actors[o].spec.backers}

    def controlled(self, actor_id: str) -> str:
        """The state a belligerent fights in (its home), or the actor itself: a war's theatre."""
        actor = self.actors.get(actor_id)
        return actor.home if isinstance(actor, Belligerent) and actor.home else actor_id

    def strikes_today(self) -> list[tuple[str, str]]:
        """Who uses force on its own against whom today, as ``(party, target)`` pairs.

        The ``third_party_force`` events, each from its date to its last day (``until``), or to
        the end of the run.
        """
        return [
            pair for pair, last in self.third_parties.items() if last is None or self.day <= last
        ]

    def uncommitted(self, actor_id: str) -> float:
        """Forces not already committed to an ongoing war."""
        busy = sum(w.sides[s].get(actor_id, 0.0) for w in self.wars if w.ongoing for s in (0, 1))
        return max(self.actors[actor_id].forces - busy, 0.0)

    def at_war(self, a: str, b: str) -> War | None:
        """An ongoing war with ``a`` and ``b`` on opposite sides."""
        if not self.wars_ongoing:
            return None
        for war in self.wars:
            if war.ongoing:
                sa, sb = war.side_of(a), war.side_of(b)
                if sa is not None and sb is not None and sa != sb:
                    return war
        return None

    def launch_offensive(self, war: War, by: str, fighting: set[str], *, new: bool) -> None:
        """Mark the limited offensive ``by`` just launched in ``war`` (§7.11).

        Each member of its side that entered the war with it (its pledged allies, belligerents
        sworn beside it) fights it for ``offensive_days``; those already fighting that war
        (``fighting``) fight for their own reasons. ``new``: the offensive started this war,
        which then ends with it (:func:`termination.end_offensives`).
        """
        last = self.day + int(self.params.offensive_days)
        if new:
            war.offensive_by = by
        side = war.side_of(by)
        if side is None:
            return
        for member in war.sides[side]:
            if member not in fighting:
                war.offensives[member] = last

    def offensive_turns_to_war(self, war: War, target: str) -> bool:
        """The group struck ``target`` again during its offensive: the offensive is now a war.

        Returns whether ``target`` was fighting an offensive in ``war``.
        """
        if target not in war.offensives:
            return False
        side = war.side_of(target)
        for member in [m for m in war.offensives if war.side_of(m) == side]:
            del war.offensives[member]  # those who came with it fight on with it
        if war.offensive_by == target:
            war.offensive_by = None
        return True

    def war_of(self, ob: Obligation) -> War | None:
        """The ongoing war an obligation was raised for, if any."""
        if ob.trigger.war is None:
            return None
        war = self.wars[ob.trigger.war]
        return war if war.ongoing else None

    def presence(self) -> list[float]:
        """Outside powers' forces present in each state (forces have moved: effort is stale)."""
        self.moved = True
        present = [0.0] * len(self.states)
        for power in self.powers:
            for host, strength in power.present.items():
                if host in self.state_index:
                    present[self.state_index[host]] += strength
        return present

    # ------------------------------------------------------------------ primitive moves

    def log(self, kind: RecordKind, actor: str, target: str = "", **data) -> int:
        """Append a record; return its index."""
        self.records.append(Record(self.day, kind, actor, target, data))
        return len(self.records) - 1

    def raise_trigger(
        self,
        kind: CasusFoederis,
        victim: str,
        offenders: tuple[str, ...],
        *,
        war: int | None = None,
        cause: int | None = None,
        label: str = "",
        theatre: str = "",
        incident: bool = False,
        raid: bool = False,
    ) -> None:
        """Queue something that may bring clauses into play (matched in phase 3), once.

        A rebellion is one casus foederis however many offensives its rebels make (LURD's three
        assaults on Monrovia in 2003 were one conflict): a clause decided on it is not decided
        again when the same rebels start another war on the same state. An ``incident`` (a
        strike short of war) is a trigger of its own, however its authors are named: a raid
        neither stands for the war its authors may start later, nor for a rising the
        insurgency declares, nor the other way round. A ``raid`` (armed groups alone, from
        abroad, on the victim's own soil) brings the clauses on rebellion into play too.
        """
        rebellion = kind is CasusFoederis.ARMED_REBELLION
        who = tuple(sorted(offenders))
        key = (kind, victim, war if war is not None and not rebellion else who, incident)
        if key in self.seen_triggers:
            if rebellion and war is not None:  # the rebels' later war: look at pacts anew
                self.book.look_again(self.date, self.date + dt.timedelta(days=1))
            return
        self.seen_triggers.add(key)
        self.queue.append(
            Trigger(
                kind,
                victim,
                offenders,
                self.day,
                war,
                cause,
                label,
                theatre or victim,
                self.outside_backers(victim, offenders),
                states=self.states_among(offenders),
                raid=raid,
                mandated_by=self.mandating_body(war, offenders),
            )
        )

    def mandating_body(self, war: int | None, offenders: tuple[str, ...]) -> str | None:
        """The organisation whose war ``offenders`` fight, if one leads it.

        It leads the attacking side of war ``war``, and they are all on that side.
        """
        if war is None:
            return None
        fought = self.wars[war]
        leader = fought.leaders[ATTACKERS]
        if leader not in self.world.organisations:
            return None
        side = fought.sides[ATTACKERS]
        return leader if offenders and all(o in side or o == leader for o in offenders) else None

    def used_force(self, by: tuple[str, ...] | list[str], against: str) -> None:
        """Note that ``by`` used force on ``against`` (the first time only counts)."""
        for a in by:
            self.first_force.setdefault((a, against), len(self.first_force))

    def struck_first(self, x: str, y: str) -> bool:
        """Whether ``x`` used force on ``y`` before ``y`` used any on ``x``.

        The UN General Assembly's Definition of Aggression (Res. 3314, 14 December 1974, Art. 2)
        takes the first use of armed force as prima facie evidence of aggression, and its Art. 3
        (d) counts an attack on a State's armed forces among acts of aggression: the one who
        answers is not the aggressor.
        """
        mine = self.first_force.get((x, y))
        theirs = self.first_force.get((y, x))
        return mine is not None and (theirs is None or mine < theirs)

    def answers(self, target: str, attackers: tuple[str, ...] | list[str]) -> bool:
        """Whether force on ``target`` by ``attackers`` answers force the target used first."""
        return any(self.struck_first(target, a) for a in attackers)

    def states_among(self, actors: tuple[str, ...]) -> tuple[str, ...]:
        """The states and outside powers among ``actors`` (not rebels, not armed groups)."""
        return tuple(a for a in actors if isinstance(self.actors.get(a), (State, Power)))

    def outside_backers(self, victim: str, offenders: tuple[str, ...]) -> tuple[str, ...]:
        """The states and powers other than ``victim`` backing or fighting beside ``offenders``.

        What makes a rebellion "supported actively from outside" (ECOWAS 1981 Protocol, Art. 4
        (ii)): a belligerent's declared backers and any foreign state or power among the
        offenders, and a rebel army of another state (Taylor's NPFL, from Liberia, behind the
        RUF's rising in Sierra Leone, 1991); a backer inside the state (another rebel army of
        it, an armed group) is not outside.
        """
        around = self.backers_of(offenders) | set(offenders)

        def outside(a: str) -> bool:
            actor = self.actors.get(a)
            if isinstance(actor, Belligerent):
                return actor.home not in ("", victim)
            return isinstance(actor, (State, Power))

        return tuple(sorted(a for a in around if a != victim and outside(a)))

    def open_threat(
        self, key: str, by: str, target: str, attackers: tuple[str, ...], deadline: int, record: int
    ) -> Threat:
        """Open a threat that may be carried out from ``deadline`` for ``decision_window`` days."""
        closes = deadline + int(self.params.decision_window) - 1
        threat = Threat(key, by, target, attackers, deadline, closes, record)
        self.threats.append(threat)
        return threat

    def seize_power(
        self,
        state_id: str,
        by: str | None,
        *,
        retention: bool = False,
        holds_state: bool = False,
        **data,
    ) -> None:
        """A government becomes unconstitutional and clauses on coups come into play.

        A seizure turns the regime military; a ``retention`` (an incumbent who will not hand
        over after losing an election) leaves the regime as it was, but what its rulers would
        concede is now their office. The offender is the faction named (``by``), else the state
        itself under its rulers. A scheduled coup and a coup attempt that succeeds
        (:func:`sim.model.termination.decide_attempt`) both end here; plotters who won their
        attempt hold the state and its army (``holds_state``), so the state is the offender.
        """
        state = self.state(state_id)
        if retention:
            state.holds_on = True
        else:
            state.regime = Regime.MILITARY
        if by:
            self.seized_by[state_id] = by
        index = self.log(
            RecordKind.COUP,
            state_id,
            **data,
            **({"by": by} if by else {}),
            **({"form": CoupForm.RETENTION.value} if retention else {}),
        )
        offender = state_id if holds_state or by is None else by
        self.raise_trigger(
            CasusFoederis.UNCONSTITUTIONAL_CHANGE, state_id, (offender,), cause=index
        )

    def close_threats(self, target: str, by: set[str] | tuple[str, ...]) -> None:
        """Close the open threats against ``target`` carried by any of ``by``.

        They are carried out, or replaced by the scenario's own threat, not stacked beside it.
        """
        for threat in self.threats:
            if threat.open and threat.target == target and set(threat.attackers) & set(by):
                threat.open = False

    def start_war(
        self,
        by: str,
        target: str,
        attackers: tuple[str, ...],
        *,
        cause: int | None = None,
        cause_event: str | None = None,
        note: str | None = None,
        pledged_by: dict[str, str] | None = None,
        coup_attempt: bool = False,
        soil: str = "",
    ) -> War | None:
        """Start a war: the attackers commit their deployable forces, the target its home defence.

        A ``coup_attempt`` is decided the day after it began (:func:`termination.decide_attempt`);
        plotters already fighting the government fight on in that war instead.

        ``soil``: where an offensive against an armed group is fought, which decides the
        group's forces there (:meth:`defending_forces`).

        ``pledged_by`` says which body's vote pledged which attacker (a victim's retaliation
        joined by allies a body sent): the war is fought in those bodies' name too, recorded as
        ``decided_by``.

        A war that answers force the target used first on an attacker (an incident, §7.11) is
        no aggression on the target: the target is the aggressor, so no clause on aggression
        comes into play for it (:meth:`struck_first`). France's answer to the strike on its
        forces at Bouaké, 6 November 2004, brought no ECOWAS clause into play.

        Where some attackers already fight the target, the war is that one: the others join
        them in it (Guinea, with the allies ECOWAS pledged, retaliating on the RUF that Sierra
        Leone was fighting). A belligerent attacked while it fights another war is fought in
        that war: the attackers enter it on the other side (a civil war that outsiders enter,
        as ECOMOG entered Liberia's in 1990). Armed groups already at war that attack another
        state carry their war into it (:meth:`carry_war`).
        """
        carried = self.war_carried(attackers, target)
        if carried is not None:
            self.carry_war(
                carried, by, target, attackers, cause=cause, event=cause_event, note=note
            )
            return carried
        ongoing = self.war_joined(attackers, target, soil)
        if ongoing is not None:
            self.enter_against(
                ongoing,
                by,
                target,
                attackers,
                cause=cause,
                event=cause_event,
                pledged_by=pledged_by,
            )
            return ongoing
        war = War(len(self.wars), (by, target), self.day, coup_attempt=coup_attempt, soil=soil)
        war.irregular = self.draws_out((*attackers, target))
        theatre = self.controlled(target)
        # The target first: what the attackers send abroad is sized against it.
        if target in self.actors:
            home = self.defending_forces(target, soil)
            war.commit(target, DEFENDERS, min(home, self.uncommitted(target)))
        share = self.entry_share(war, ATTACKERS, attackers)
        for a in attackers:
            war.commit(a, ATTACKERS, min(self.sent(a, theatre, share), self.uncommitted(a)))
        self.wars.append(war)
        self.wars_ongoing += 1
        combat.open_front(self, war, by, target)
        index = self.log(
            RecordKind.WAR_STARTED,
            by,
            target,
            war=war.id,
            attackers=list(attackers),
            event=cause_event,
            cause=cause,
            note=note,
            forces={a: round(f) for a, f in {**war.sides[0], **war.sides[1]}.items()},
            **({"decided_by": sorted(set(pledged_by.values()))} if pledged_by else {}),
            **({"coup_attempt": True} if coup_attempt else {}),
        )
        self.close_threats(target, attackers)
        if not coup_attempt:  # decided tomorrow, before any clause could act; a success is a coup
            self.attacked(target, attackers, war, index)
        self.used_force(attackers, target)
        for member in war.members():
            self.backed(war, member, index)
        # Read once all who are sworn to fight beside the parties have joined.
        war.guerrillas = self.guerrilla_side(war)
        if war.guerrillas is not None:
            self.records[index].data["guerrillas"] = list(war.sides[war.guerrillas])
        return war

    def war_carried(self, attackers: tuple[str, ...], target: str) -> War | None:
        """The war armed groups already fight that their attack on another state is part of.

        An armed group has one army, whichever state's forces it meets: a state it attacks
        while it is at war is fought in that war, beside the states already fighting it. Boko
        Haram, at war with Nigeria, fought Cameroon's army across the border in 2014-15 with the
        same fighters, and Chad and Niger, which it then raided, fought it beside them. As two
        wars, the second would begin with none of its fighters free and end that day.
        ``None`` unless every attacker is a belligerent fighting on one side of one war (a newcomer
        among them has forces free for a war of its own), or if that war is an attempted coup,
        to be decided tomorrow, or the target is an armed group or already in it.
        """
        actor = self.actors.get(target)
        if actor is None or isinstance(actor, Belligerent) or not attackers:
            return None
        if not all(isinstance(self.actors.get(a), Belligerent) for a in attackers):
            return None
        at_war = {
            w.id for w in self.wars if w.ongoing for a in attackers if w.side_of(a) is not None
        }
        if len(at_war) != 1:
            return None
        war = self.wars[at_war.pop()]
        sides = {war.side_of(a) for a in attackers}
        if war.coup_attempt or len(sides) != 1 or None in sides or war.side_of(target) is not None:
            return None
        return war

    def carry_war(
        self,
        war: War,
        by: str,
        target: str,
        attackers: tuple[str, ...],
        *,
        cause: int | None,
        event: str | None,
        note: str | None,
    ) -> None:
        """Armed groups at war carry it into another state, which fights them in it.

        The state defends itself with its home defence, as a state attacked does
        (:meth:`start_war`), and the attack brings its clauses into play as a war started on it
        would: a rebellion if the groups rose in it, an aggression otherwise.
        """
        side = 1 - war.side_of(attackers[0])
        war.end_support(target)  # it fights with its forces, no longer by support to either side
        war.commit(target, side, min(self.defending_forces(target), self.uncommitted(target)))
        war.at_home.add(target)
        index = self.log(
            RecordKind.ENTERED_WAR,
            target,
            war.leaders[1 - side],
            war=war.id,
            side=side,
            attacked_by=by,
            attackers=list(attackers),
            victim=target,
            joining=war.leaders[side],
            event=event,
            cause=cause,
            note=note,
            forces=round(war.sides[side][target]),
        )
        self.close_threats(target, attackers)
        self.attacked(target, attackers, war, index)
        self.used_force(attackers, target)
        self.backed(war, target, index)
        self.moved = True

    def attacked(self, target: str, attackers: tuple[str, ...], war: War, cause: int) -> None:
        """Bring into play the clauses an attack that starts or carries a war calls on.

        A force rising against its own state, or armed groups fighting on the soil they strike,
        wage a rebellion there, not an aggression from outside (§7.3); force that answers the
        target's own first use is no aggression on it (§7.11).
        """
        rebels = [a for a in attackers if isinstance(self.actors[a], Belligerent)]
        if (rebels and all(self.actors[a].home == target for a in rebels)) or self.fights_in(
            attackers, target
        ):
            self.raise_trigger(
                CasusFoederis.ARMED_REBELLION, target, attackers, war=war.id, cause=cause
            )
        elif not self.answers(target, attackers):
            raid = self.raid_from_abroad(attackers, target)  # an invasion by raiders (§7.3)
            self.raise_trigger(
                CasusFoederis.AGGRESSION, target, attackers, war=war.id, cause=cause, raid=raid
            )

    def enter_against(
        self,
        war: War,
        by: str,
        target: str,
        attackers: tuple[str, ...],
        *,
        cause: int | None,
        event: str | None,
        pledged_by: dict[str, str] | None = None,
    ) -> None:
        """Attackers of a party already at war enter that war on the other side (those not in it).

        An entrant a body's vote pledged (``pledged_by``) enters in that body's name
        (``decided_by``); the others in their own.
        """
        pledged_by = pledged_by or {}
        side = 1 - war.side_of(target)
        entering = tuple(a for a in attackers if war.side_of(a) is None)
        # Struck during its offensive by those it fights, the target fights on: the offensive is
        # now a war, whoever comes in with them.
        striking = event is not None and any(war.side_of(a) == side for a in attackers)
        turned = striking and self.offensive_turns_to_war(war, target)
        if not entering and event is not None:
            # A scheduled attack by those already fighting the target is that war going on
            # (the RFDG's second offensive, at Guéckédou in December 2000): said, not dropped.
            self.log(
                RecordKind.EVENT,
                by,
                target,
                what="attack_in_war",
                war=war.id,
                event=event,
                **({"offensive_now_war": True} if turned else {}),
            )
        fields = {"by": by, "against": target, "event": event, "cause": cause}
        fields["victim"] = war.leaders[side]
        self._enter_together(
            war,
            side,
            entering,
            fields,
            lambda a: {"decided_by": [pledged_by[a]]} if a in pledged_by else {},
        )
        self.close_threats(target, attackers)
        self.moved = True

    def stand_beside(self, war: War, target: str, defenders: tuple[str, ...], event: str) -> None:
        """Forces already standing with ``target`` fight beside it from the war's first day.

        ECOMOG's contingents held Monrovia when the NPFL attacked it in October 1992: they were
        not asked or bound to fight, they were there. Each sends what it would send to a war
        abroad (:meth:`sent`), sized with the others to what the side lacks.
        """
        side = war.side_of(target)
        if side is None or not war.ongoing:
            return
        entering = tuple(d for d in defenders if d in self.actors and war.side_of(d) is None)
        for d in entering:
            war.end_support(d)  # it fights with what it sends, no longer by support too
        fields = {"victim": target, "stationed": True, "event": event}
        self._enter_together(war, side, entering, fields)
        self.moved = True

    def _enter_together(
        self,
        war: War,
        side: int,
        entering: tuple[str, ...],
        fields: dict,
        more: Callable[[str], dict] | None = None,
    ) -> None:
        """Actors entering ``war`` on ``side`` together.

        Each commits the share of what it would send that the side still lacks
        (:meth:`entry_share`), is recorded with ``fields`` (and ``more`` of its own), and is
        followed by its allies (:meth:`backed`, caused by ``fields``' cause, else its entry).
        """
        theatre = self.controlled(war.leaders[DEFENDERS])
        share = self.entry_share(war, side, entering)
        for a in entering:
            if war.side_of(a) is not None:  # brought in by an earlier entrant's allies
                continue
            war.commit(a, side, min(self.sent(a, theatre, share), self.uncommitted(a)))
            index = self.log(
                RecordKind.ENTERED_WAR,
                a,
                war.leaders[1 - side],
                war=war.id,
                side=side,
                **fields,
                forces=round(war.sides[side][a]),
                **(more(a) if more is not None else {}),
            )
            self.backed(war, a, fields.get("cause", index))

    def _told_in_the_open(self, war: War, member: str, side: int) -> None:
        """Say that guerrillas fight in the open from now on, ``member`` having joined them.

        Before any fighting (the war's first day), the ``war_started`` record no longer names
        them as guerrillas; later, ``member``'s ``entered_war`` record names them as ``armed``.
        """
        first_day = war.start == self.day
        for r in reversed(self.records):
            if r.get("war") != war.id:
                continue
            if first_day and r.kind is RecordKind.WAR_STARTED:
                r.data.pop("guerrillas", None)
                return
            if not first_day and r.kind is RecordKind.ENTERED_WAR and r.actor == member:
                r.data["armed"] = [a for a in war.sides[side] if a != member]
                return

    def backed(self, war: War, member: str, cause: int | None) -> None:
        """A new party's allies come to its side of a war.

        A party that draws a war out makes it irregular, whenever it joins; one that joins
        guerrillas and is no rebel army of theirs ends their guerrilla war for good (§7.6).
        Belligerents that fight beside it join with all they have; a belligerent's backers
        support its side (once per backer).
        """
        war.irregular = war.irregular or self.draws_out((member,))
        side = war.side_of(member)
        if side == war.guerrillas and not self.guerrillas_against((member,), war.leaders[1 - side]):
            war.guerrillas = None  # armed to stand and fight, for the rest of the war (§7.6)
            self._told_in_the_open(war, member, side)
        for ally in self.belligerents:
            if member in ally.spec.fights_beside and war.side_of(ally.id) is None:
                war.commit(ally.id, side, self.uncommitted(ally.id))
                self.log(
                    RecordKind.ENTERED_WAR,
                    ally.id,
                    war.leaders[1 - side],
                    war=war.id,
                    side=side,
                    beside=member,
                    cause=cause,
                    victim=member,
                    forces=round(war.sides[side][ally.id]),
                )
                self.backed(war, ally.id, cause)
        actor = self.actors.get(member)
        if not isinstance(actor, Belligerent):
            return
        for backer in actor.spec.backers:
            if (
                backer in war.supporters
                or backer not in self.actors
                or war.side_of(backer) is not None
            ):
                continue
            factor = self.support_factor(war, side, backer, self.params.support_multiplier)
            war.support(backer, side, factor)
            self.log(
                RecordKind.SUPPORT,
                backer,
                member,
                action="backing",
                war=war.id,
                factor=round(factor, 4),
                cause=cause,
            )

    def join_war(self, actor_id: str, war: War, side: int, cause: int, ob: Obligation) -> bool:
        """An actor enters a war on one side; fighting abroad may trigger further clauses."""
        if war.side_of(actor_id) is not None:
            return False
        actor = self.actors[actor_id]
        theatre = self.controlled(war.leaders[DEFENDERS])
        war.end_support(actor_id)  # it gave support short of war, under a clause decided first
        share = self.entry_share(war, side, (actor_id,))
        war.commit(
            actor_id, side, min(self.sent(actor_id, theatre, share), self.uncommitted(actor_id))
        )
        enemies = tuple(war.sides[1 - side])
        self.log(
            RecordKind.ENTERED_WAR,
            actor_id,
            war.leaders[1 - side],
            war=war.id,
            side=side,
            pact=ob.pact,
            clause=ob.clause.id,
            article=ob.clause.article,
            cause=cause,
            victim=ob.victim,
            forces=round(war.sides[side][actor_id]),
            # in whose name it fights, when a body's vote sent it (ECOWAS under Art. 4 (ii))
            **({"decided_by": [ob.obliged]} if ob.collective else {}),
        )
        self.backed(war, actor_id, cause)
        # An offensive is fought on its soil, not in the armed group's name; a state that
        # joins one on its own soil has no forces abroad there.
        abroad = war.soil or war.leaders[DEFENDERS]
        if isinstance(actor, State) and abroad != actor_id:
            self.raise_trigger(
                CasusFoederis.ATTACK_ON_FORCES_ABROAD,
                actor_id,
                enemies,
                war=war.id,
                cause=cause,
                theatre=abroad,
            )
        return True

    def end_war(self, war: War, outcome: WarOutcome, reason: str, **terms) -> None:
        """End a war, release the forces still committed, and record how it ended."""
        if war.end is None:
            self.wars_ongoing -= 1
        self.last_war_end = self.day
        war.end, war.outcome = self.day, outcome
        if outcome is WarOutcome.MEDIATED:
            war.truce = True
            self.truces += 1
        self.moved = True
        self._log_war(RecordKind.WAR_ENDED, war, outcome=outcome.value, reason=reason, **terms)

    def _log_war(self, kind: RecordKind, war: War, **data) -> None:
        """Record a war's end or resumption: its leaders, its days since it began, its losses."""
        self.log(
            kind,
            war.leaders[0],
            war.leaders[1],
            war=war.id,
            days=self.day - war.start,
            losses=whole_parts(war.losses),
            **data,
        )

    def close_truce(self, war: War) -> None:
        """A mediated ceasefire can no longer break down: the war is over for good."""
        if war.truce:
            war.truce = False
            self.truces -= 1

    def resume_war(self, war: War, **terms) -> None:
        """A mediated ceasefire broke down: the same war is fought again by the same sides.

        Each member brings back what it had on the front when the truce began, or what it has
        not since committed to another war, whichever is less.
        """
        self.close_truce(war)
        for side in war.sides:
            side.update(self.brought_back(side))
        truce_days = self.day - war.end
        war.end, war.outcome, war.resumed = None, None, self.day
        # An offensive brought to a truce resumes for the days it had left.
        war.offensives = {m: last + truce_days for m, last in war.offensives.items()}
        if war.offensive_by in war.offensives:
            terms["offensive_left"] = war.offensives[war.offensive_by] - self.day
        war.losses_at_resumption = list(war.losses)
        self.wars_ongoing += 1
        # pacts that came to bind a party during the truce cover the war from tomorrow (phase 3)
        self.book.look_again(self.date + dt.timedelta(days=1))
        self.moved = True
        self._log_war(RecordKind.WAR_RESUMED, war, truce_days=truce_days, **terms)

    def brought_back(self, side: dict[str, float]) -> dict[str, float]:
        """What each member of a side of a war in truce would bring back to its front.

        What it had there when the truce began, or what it has not since committed to another
        war, whichever is less (actors only).
        """
        return {m: min(f, self.uncommitted(m)) for m, f in side.items() if m in self.actors}

    def lenders_between(self, one: Collection[str], other: Collection[str]) -> set[str]:
        """The actors that have lent forces or help to a member of ``one`` against ``other``.

        Help lent stays for the rest of the run (docs/model.md §7.4), and so does the lender's
        part against those it was lent against; a lending of nothing takes no part.
        """
        return {
            lender
            for (lender, host), against in self.lent_against.items()
            if (host in one and against & set(other)) or (host in other and against & set(one))
        }

    def lend(
        self, lender: str, host: str, share: float, cause: int, ob: Obligation, action: PactAction
    ) -> None:
        """Forces lent to a partner's counter-insurgency (against a rebellion, or outside a war).

        Any actor lends ``share`` of its deployable forces; an outside power with forces in the
        host lends :data:`~sim.model.forces.PRESENT_POWER_LENDING` times that share of the forces
        it has there, and never more than all of them.
        """
        actor, state = self.actors[lender], self.state(host)
        if state is None:
            return
        # Help against one trigger is sent once, however many clauses ask for it (a state
        # obliged under a protocol may also vote for its organisation's measure); a request is
        # its own trigger, answered on its own.
        key = (lender, host, ob.trigger.kind, ob.trigger.victim, ob.trigger.day)
        if requested(ob.pact) is not None:
            key += (ob.clause.id,)
        if key in self.lent:
            return
        self.lent.add(key)
        present = isinstance(actor, Power) and host in actor.present
        if present:
            lent = min(
                actor.present[host] * share * forces.PRESENT_POWER_LENDING, actor.present[host]
            )
        else:
            lent = actor.deployable * share
        self.support[self.state_index[host]] += lent
        self.moved = True
        fighting = []
        if round(lent) > 0:  # a lending of nothing takes no part, and fights no one
            self.lent_against.setdefault((lender, host), set()).update(ob.offenders)
            fighting = self._fighting(actor, host, ob, action, present)
        body = {"decided_by": [ob.obliged]} if ob.collective else {}
        self.log(
            RecordKind.SUPPORT,
            lender,
            host,
            action=action.value,
            forces=round(lent),
            cause=cause,
            pact=ob.pact,
            article=ob.clause.article,
            **({"fighting": fighting} if fighting else {}),
            **({"guard": True} if ob.trigger.guard else {}),
            **body,
        )

    def _fighting(
        self, lender: Actor, host: str, ob: Obligation, action: PactAction, present: bool
    ) -> list[str]:
        """The rebels that forces lent against a rebellion fight (none: the lending is help).

        Troops sent as armed assistance fight the rebels, and so do a power's own troops in the
        host lent as support, Barkhane's strikes and special forces, unless all it has there
        only trains, advises or watches: the fact base's postings marked ``fights: false``, with
        nothing besides them (forces a scenario's ``deployment`` event brought fight). A
        state's support from home (advisers, intelligence, supplies) and non-military help do
        not fight.
        """
        if not ob.against_armed_groups or ob.trigger.guard:
            return []  # (troops guarding a government that beat its plotters fight no one)
        if action not in (PactAction.ARMED_ASSISTANCE, PactAction.SUPPORT):
            return []
        if present:
            postings = [
                d for d in lender.spec.deployments if d.host == host and d.present_on(self.date)
            ]
            quiet = sum(d.strength for d in postings if not d.fights)
            if not any(d.fights for d in postings) and lender.present[host] <= quiet:
                return []
        elif action is PactAction.SUPPORT:
            return []
        rebels = (ArmedGroup, Belligerent)
        # Only rebels who fight on the host's soil are met there: a group that raided it from a
        # neighbour's soil keeps no fighters in it to fight.
        return [
            o
            for o in ob.offenders
            if isinstance(self.actors.get(o), rebels)
            and (self.fights_in((o,), host) or self.at_war(o, host) is not None)
        ]
