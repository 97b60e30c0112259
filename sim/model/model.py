"""The Sahel mutual-defence model: one step is one day, in nine named phases.

Each step runs, in this order (DESIGN §3):

1. ``scheduled_events``: the scenario's dated events fire (coups, threats, attacks, sanctions,
   pact signings, suspensions and withdrawals, foreign deployments and departures from the
   fact base and the scenario, ceasefires, insurgent offensives, membership changes).
2. ``intent``: an actor holding a threat past its deadline decides whether to attack today,
   weighing its strength against the coalition it expects under the pacts in force and their
   credibility (deterrence).
3. ``triggers``: each new aggression, attack on forces abroad, rebellion or coup is matched
   against every clause in force, creating obligations.
4. ``responses``: obligations that are due are decided under their clause's rule and the run's
   commitment mode, and carried out; entering a war may trigger further clauses.
5. ``allocate_forces``: forces at fronts are taken from home and from counter-insurgency.
6. ``combat``: Lanchester square-law attrition on each war's front, with daily noise.
7. ``insurgency``: armed groups grow against the counter-insurgency effort left; crossing the
   rebellion threshold is an armed rebellion (an Art. 5 trigger, read next day).
8. ``termination``: wars end at a side's breaking point, by capitulation from war weariness,
   or by mediation.
9. ``record_day``: the day's row of the series.

Every decision is appended to ``records`` with its reasons; the model keeps no other output.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import mesa
import numpy as np

from sim.model.agents import Actor, ArmedGroup, Power, State
from sim.model.combat import square_law_day, win_chance
from sim.model.decisions import Situation, decide, honour_probability, vote_passes
from sim.model.insurgency import Insurgents
from sim.model.pacts import Memberships, Obligation, PactBook, Trigger, obligations_for
from sim.model.records import Record, RecordKind, Response, Series, WarOutcome
from sim.model.streams import Concern, keyed_uniform, stream
from sim.model.wars import ATTACKERS, DEFENDERS, War
from sim.model.world import World
from sim.scenario import schema as ev
from sim.scenario.vocabulary import (
    AttackScale,
    CasusFoederis,
    Commitment,
    DecisionRule,
    MembershipStatus,
    PactAction,
    Regime,
    Toward,
)


@dataclass
class Threat:
    """An open threat: who threatens whom, from which day it may be carried out, until when."""

    key: str
    by: str
    target: str
    attackers: tuple[str, ...]
    deadline: int
    closes: int
    record: int
    open: bool = True
    retaliation: bool = False  # a victim weighing war against the author of an incident
    backers: list[str] = field(default_factory=list)  # allies who pledged to join it

    @property
    def fighters(self) -> tuple[str, ...]:
        """Who would fight: the threateners and the allies who pledged to join them."""
        return (*self.attackers, *(b for b in self.backers if b not in self.attackers))


class SahelModel(mesa.Model):
    """Mutual defence among AES states, ECOWAS, outside powers and armed groups.

    Args:
        world: the resolved scenario (:func:`sim.model.world.build_world`).
        seed: the replicate's seed; every random stream derives from it (see
            :mod:`sim.model.streams`).
    """

    def __init__(self, world: World, seed: int):
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
        self.strict = world.scenario.commitment is Commitment.STRICT
        self.records: list[Record] = []
        self.actors: dict[str, Actor] = {}
        for spec in world.actors.values():
            cls = {"state": State, "power": Power, "armed_group": ArmedGroup}[spec.kind]
            self.actors[spec.id] = cls(self, spec)
        self.states = [a for a in self.actors.values() if isinstance(a, State)]
        self.powers = [a for a in self.actors.values() if isinstance(a, Power)]
        self.groups = [a for a in self.actors.values() if isinstance(a, ArmedGroup)]
        self.memberships = Memberships(world.organisations)
        self.book = PactBook(world.pacts, self.memberships, self.start_date)
        self.wars: list[War] = []
        self.threats: list[Threat] = []
        self.queue: list[Trigger] = []
        self.pending: list[Obligation] = []
        self.seen_triggers: set[tuple] = set()
        self.rebellions: set[str] = set()
        self.state_index = {s.id: i for i, s in enumerate(self.states)}
        self.group_index = {g.id: i for i, g in enumerate(self.groups)}
        self.insurgents = self._insurgents()
        self.support = [0.0] * len(self.states)  # forces lent to each state's counter-insurgency
        self.agenda = self._agenda()
        self.present = self._presence()  # outside powers' forces in each state
        self._start_by_country = self.insurgents.by_country(start=True)
        # All insurgency noise is drawn at once: the same numbers, a fraction of the calls.
        self._shocks = (
            stream(self.seed, Concern.INSURGENCY)
            .normal(
                0.0,
                self.params.insurgent_growth * self.params.insurgency_noise,
                (self.horizon + 1, len(self.insurgents.strength)),
            )
            .tolist()
        )
        self.baseline = [
            s.baseline_forces + p for s, p in zip(self.states, self.present, strict=True)
        ]
        self.effort = [1.0] * (len(self.states) + 1)  # last slot: countries outside the scenario
        self.side = dict.fromkeys(self.actors, 0)  # side in an actor's first war, for the series
        self._combat_rngs: dict[int, np.random.Generator] = {}
        self._rows: dict[str, list] = {
            name: []
            for name in (
                "forces",
                "casualties",
                "committed",
                "side",
                "strength",
                "belligerents",
                "wars",
            )
        }
        self._actor_list = list(self.actors.values())
        self._zeros = [0.0] * len(self.actors)
        self._side_row = [0] * len(self.actors)
        self._effort_lost = 0.0
        self._moved = False  # forces moved since effort was last computed
        self._lost_today = 0.0  # mean share of counter-insurgency effort lost, as last computed
        # States with insurgents at the start, watched for rebellion: (index, cells, start).
        self._watch = [
            (i, [c for c, k in enumerate(self.insurgents.country_of) if k == i], start)
            for i, start in enumerate(self._start_by_country[:-1])
            if start > 0
        ]

    # ------------------------------------------------------------------ running

    def run(self) -> None:
        """Step from the start date to the horizon (``days + 1`` steps, one per date)."""
        for _ in range(self.horizon + 1):
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

    def step(self) -> None:
        """One day, in the nine phases of the class docstring."""
        self.day += 1
        self.date = self.start_date + dt.timedelta(days=self.day)
        self.scheduled_events()
        self.intent()
        self.triggers()
        self.responses()
        self.allocate_forces()
        self.combat()
        self.insurgency()
        self.termination()
        self.record_day()

    # ------------------------------------------------------------------ helpers

    def log(self, kind: RecordKind, actor: str, target: str = "", **data) -> int:
        """Append a record; return its index."""
        self.records.append(Record(self.day, kind, actor, target, data))
        return len(self.records) - 1

    def _agenda(self) -> dict[int, list[tuple[str, object]]]:
        """Scenario events and the fact base's dated deployments, by day."""
        agenda: dict[int, list[tuple[str, object]]] = {}
        for power in self.powers:
            for host, strength, arrived, left in power.spec.deployments:
                if host not in self.actors:
                    continue
                on = arrived is None or arrived <= self.start_date
                gone = left is not None and left <= self.start_date
                if on and not gone:
                    power.present[host] = power.present.get(host, 0.0) + strength
                elif arrived is not None and arrived > self.start_date:
                    day = (arrived - self.start_date).days
                    item = ev.Deployment(
                        date=arrived, power=power.id, host=host, strength=int(strength)
                    )
                    agenda.setdefault(day, []).append((f"{power.id}-arrives-{host}", item))
                if left is not None and left > self.start_date:
                    day = (left - self.start_date).days
                    item = ev.Departure(date=left, power=power.id, host=host)
                    agenda.setdefault(day, []).append((f"{power.id}-leaves-{host}", item))
            power.sync_forces()
        for name, event in self.setup.active_events():
            agenda.setdefault((event.date - self.start_date).days, []).append((name, event))
        return agenda

    def _insurgents(self) -> Insurgents:
        cells = []
        outside = len(self.states)
        for g, group in enumerate(self.groups):
            for country, share in group.spec.operates_in:
                cells.append((g, self.state_index.get(country, outside), group.forces * share))
        return Insurgents(
            cells,
            len(self.groups),
            len(self.states),
            self.params.insurgent_growth,
            self.params.counterinsurgency_effect,
        )

    def _presence(self) -> list[float]:
        self._moved = True
        present = [0.0] * len(self.states)
        for power in self.powers:
            for host, strength in power.present.items():
                if host in self.state_index:
                    present[self.state_index[host]] += strength
        return present

    def fighters_in(self, country: str) -> float:
        """Armed-group fighters in a state."""
        i = self.state_index.get(country)
        return 0.0 if i is None else float(self.insurgents.by_country()[i])

    def state(self, actor_id: str) -> State | None:
        """The state agent of that id, if it is one."""
        actor = self.actors.get(actor_id)
        return actor if isinstance(actor, State) else None

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

    def home_strength(self, actor_id: str) -> float:
        """Strength a state puts into defending its own territory."""
        actor = self.actors[actor_id]
        return actor.forces * self.params.home_defence_share * actor.spec.effectiveness

    def uncommitted(self, actor_id: str) -> float:
        """Forces not already committed to an ongoing war."""
        busy = sum(w.sides[s].get(actor_id, 0.0) for w in self.wars if w.ongoing for s in (0, 1))
        return max(self.actors[actor_id].forces - busy, 0.0)

    def at_war(self, a: str, b: str) -> War | None:
        """An ongoing war with ``a`` and ``b`` on opposite sides."""
        for war in self.wars:
            if war.ongoing:
                sa, sb = war.side_of(a), war.side_of(b)
                if sa is not None and sb is not None and sa != sb:
                    return war
        return None

    # ------------------------------------------------------------------ phase 1

    def scheduled_events(self) -> None:
        """Phase 1: fire today's events."""
        for name, event in self.agenda.get(self.day, []):
            handler = getattr(self, f"_on_{type(event).__name__.lower()}")
            handler(name, event)

    def _on_coup(self, name: str, event: ev.Coup) -> None:
        state = self.state(event.state)
        state.regime = Regime.MILITARY
        index = self.log(RecordKind.COUP, event.state, event=name, note=event.note)
        self._trigger(
            CasusFoederis.UNCONSTITUTIONAL_CHANGE, event.state, (event.state,), cause=index
        )

    def _on_threat(self, name: str, event: ev.Threat) -> None:
        attackers = self.attackers_for(event.by, event.target, event.contributors)
        index = self.log(
            RecordKind.THREAT,
            event.by,
            event.target,
            event=name,
            deadline=event.deadline.isoformat(),
            attackers=list(attackers),
            note=event.note,
        )
        self._open_threat(
            name, event.by, event.target, attackers, (event.deadline - self.start_date).days, index
        )

    def _open_threat(
        self, key: str, by: str, target: str, attackers: tuple[str, ...], deadline: int, record: int
    ) -> None:
        closes = deadline + int(self.params.decision_window) - 1
        self.threats.append(Threat(key, by, target, attackers, deadline, closes, record))

    def _on_attack(self, name: str, event: ev.Attack) -> None:
        attackers = self.attackers_for(event.by, event.target, event.contributors)
        if event.scale is AttackScale.INCIDENT:
            index = self.log(
                RecordKind.INCIDENT, event.by, event.target, event=name, note=event.note
            )
            self._trigger(
                CasusFoederis.AGGRESSION, event.target, attackers, cause=index, label=name
            )
            if attackers:
                # The victim now weighs retaliation as a threatener weighs an attack; a war
                # follows only if it (with the allies who pledged) judges the balance good enough.
                self._open_threat(
                    f"retaliation-{name}",
                    event.target,
                    attackers[0],
                    (event.target,),
                    self.day,
                    index,
                )
                self.threats[-1].retaliation = True
            return
        self.start_war(event.by, event.target, attackers, cause_event=name, note=event.note)

    def _on_sanctions(self, name: str, event: ev.Sanctions) -> None:
        self.log(
            RecordKind.EVENT, event.by, event.target, event=name, what="sanctions", note=event.note
        )

    def _on_pactchange(self, name: str, event: ev.PactChange) -> None:
        if event.pact not in self.book.pacts:
            return
        if event.kind == "pact_signed":
            self.book.signed_on[event.pact] = self.date
            self.book.suspended.discard(event.pact)
        else:
            self.book.suspended.add(event.pact)
        self.log(RecordKind.EVENT, event.pact, event=name, what=event.kind, note=event.note)

    def _on_pactwithdrawal(self, name: str, event: ev.PactWithdrawal) -> None:
        if event.pact not in self.book.pacts:
            return
        effective = self.book.withdraw(event.pact, event.state, self.date)
        self.log(
            RecordKind.EVENT,
            event.state,
            event=name,
            what="pact_withdrawn",
            pact=event.pact,
            effective=effective.isoformat(),
            note=event.note,
        )

    def _on_deployment(self, name: str, event: ev.Deployment) -> None:
        power = self.actors[event.power]
        power.present[event.host] = power.present.get(event.host, 0.0) + event.strength
        power.sync_forces()
        self.present = self._presence()
        self.log(
            RecordKind.DEPLOYMENT, event.power, event.host, strength=event.strength, event=name
        )

    def _on_departure(self, name: str, event: ev.Departure) -> None:
        power = self.actors[event.power]
        if power.present.pop(event.host, None) is None:
            return
        power.sync_forces()
        self.present = self._presence()
        for war in self.wars:
            side = war.side_of(power.id)
            if war.ongoing and side is not None:
                war.sides[side][power.id] = 0.0
        self.log(RecordKind.DEPARTURE, event.power, event.host, event=name)

    def _on_ceasefire(self, name: str, event: ev.Ceasefire) -> None:
        for war in self.wars:
            if (
                war.ongoing
                and any(war.side_of(a) == ATTACKERS for a in event.between)
                and any(war.side_of(b) == DEFENDERS for b in event.between)
            ):
                self.end_war(war, WarOutcome.CEASEFIRE, reason=f"scheduled ceasefire ({name})")

    def _on_insurgentoffensive(self, name: str, event: ev.InsurgentOffensive) -> None:
        self.insurgents.surge(
            self.group_index[event.group], self.state_index[event.country], event.intensity
        )
        self.actors[event.group].forces = float(
            self.insurgents.by_group()[self.group_index[event.group]]
        )
        self.log(
            RecordKind.EVENT,
            event.group,
            event.country,
            event=name,
            what="insurgent_offensive",
            intensity=event.intensity,
            note=event.note,
        )

    def _on_membershipchange(self, name: str, event: ev.MembershipChange) -> None:
        self.memberships.change(event.organisation, event.state, event.status)
        self.log(
            RecordKind.MEMBERSHIP,
            event.state,
            event.organisation,
            status=event.status.value,
            event=name,
        )

    # ------------------------------------------------------------------ phase 2

    def intent(self) -> None:
        """Phase 2: each open threat past its deadline is carried out today, or not."""
        for threat in self.threats:
            if not threat.open:
                continue
            if any(self.at_war(a, threat.target) for a in threat.attackers):
                threat.open = False  # carried out already (a scheduled attack, or a war)
                continue
            if self.day < threat.deadline:
                continue
            if self.day > threat.closes:
                threat.open = False
                self.log(
                    RecordKind.STOOD_DOWN,
                    threat.by,
                    threat.target,
                    threat=threat.key,
                    cause=threat.record,
                )
                continue
            p_window, terms = self.assess_attack(threat)
            window = threat.closes - threat.deadline + 1
            hazard = 1.0 - (1.0 - p_window) ** (1.0 / window)
            draw = keyed_uniform(self.seed, Concern.INTENT, threat.key, self.day)
            if draw < hazard:
                threat.open = False
                index = self.log(
                    RecordKind.ATTACK_DECIDED,
                    threat.by,
                    threat.target,
                    threat=threat.key,
                    probability=round(hazard, 6),
                    window_probability=round(p_window, 6),
                    draw=round(draw, 6),
                    terms=terms,
                    cause=threat.record,
                )
                self.start_war(threat.by, threat.target, threat.fighters, cause=index)

    def assess_attack(self, threat: Threat) -> tuple[float, dict]:
        """Chance the threatener attacks within its window, with the terms behind it.

        The threatener compares its deployable strength (scaled by its resolve) with the
        coalition it expects: the target's home defence plus, for each actor obliged under a
        pact in force to help the target, its strength times the chance it honours (its
        credibility; 1 in strict mode). The log of that ratio against the superiority it
        wants, over the spread of its judgement, gives a normal probability. This is where the
        pacts deter (Leeds 2003; Johnson & Leeds 2011).
        """
        p = self.params
        attackers = [a for a in threat.fighters if a in self.actors]
        own = sum(self.strength(a) for a in attackers)
        weights = [self.actors[a].forces for a in attackers]
        resolve = (
            sum(w * self.actors[a].spec.resolve for w, a in zip(weights, attackers, strict=True))
            / sum(weights)
            if sum(weights) > 0
            else 0.5
        )
        target_strength = self.home_strength(threat.target) if threat.target in self.actors else 0.0
        expected = target_strength
        allies = {}
        hypothetical = Trigger(CasusFoederis.AGGRESSION, threat.target, tuple(attackers), self.day)
        for ob in obligations_for(hypothetical, self.book, self.date, self.day, list(self.actors)):
            if ob.collective or ob.obliged not in self.actors:
                continue
            if ob.clause.action not in (PactAction.ARMED_ASSISTANCE, PactAction.SUPPORT):
                continue
            if self.strict:
                credibility = 1.0
            else:
                situation = self.situation(ob.obliged, threat.target, tuple(attackers), None)
                credibility, _ = honour_probability(situation, ob.clause.action, p)
            share = (
                1.0 if ob.clause.action is PactAction.ARMED_ASSISTANCE else p.support_ally_weight
            )
            contribution = p.deterrence_weight * credibility * share * self.strength(ob.obliged)
            expected += contribution
            allies[ob.obliged] = round(contribution, 1)
        ratio = own * (0.5 + resolve) / max(expected, 1.0)
        z = (math.log(max(ratio, 1e-9)) - math.log(p.required_superiority)) / p.intent_spread
        p_window = 0.5 * math.erfc(-z / math.sqrt(2))
        terms = {
            "own strength": round(own, 1),
            "resolve": round(resolve, 4),
            "target's home defence": round(target_strength, 1),
            "expected help to the target": allies,
            "expected opposition": round(expected, 1),
            "balance": round(ratio, 4),
            "required superiority": p.required_superiority,
        }
        return p_window, terms

    # ------------------------------------------------------------------ wars

    def start_war(
        self,
        by: str,
        target: str,
        attackers: tuple[str, ...],
        *,
        cause: int | None = None,
        cause_event: str | None = None,
        note: str | None = None,
    ) -> War | None:
        """Start a war: the attackers commit their deployable forces, the target its home defence.

        Attackers already at war with the target fight on in that war instead (None is returned).
        """
        if any(self.at_war(a, target) for a in attackers):
            return None
        war = War(len(self.wars), (by, target), self.day)
        for a in attackers:
            war.commit(a, ATTACKERS, min(self.actors[a].deployable, self.uncommitted(a)))
        if target in self.actors:
            home = self.actors[target].forces * self.params.home_defence_share
            war.commit(target, DEFENDERS, min(home, self.uncommitted(target)))
        self.wars.append(war)
        self._combat_rngs[war.id] = stream(self.seed, Concern.COMBAT, by, target, self.day)
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
        )
        for threat in self.threats:
            if threat.open and threat.target == target and set(threat.attackers) & set(attackers):
                threat.open = False
        self._trigger(CasusFoederis.AGGRESSION, target, attackers, war=war.id, cause=index)
        return war

    def join_war(self, actor_id: str, war: War, side: int, cause: int, ob: Obligation) -> bool:
        """An actor enters a war on one side; fighting abroad may trigger further clauses."""
        if war.side_of(actor_id) is not None:
            return False
        actor = self.actors[actor_id]
        war.commit(actor_id, side, min(actor.deployable, self.uncommitted(actor_id)))
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
        )
        if isinstance(actor, State):
            self._trigger(
                CasusFoederis.ATTACK_ON_FORCES_ABROAD,
                actor_id,
                enemies,
                war=war.id,
                cause=cause,
                theatre=war.leaders[DEFENDERS],
            )
        return True

    def end_war(self, war: War, outcome: WarOutcome, reason: str, **terms) -> None:
        """End a war, release the forces still committed, and record how it ended."""
        war.end, war.outcome = self.day, outcome
        self._moved = True
        self.log(
            RecordKind.WAR_ENDED,
            war.leaders[0],
            war.leaders[1],
            war=war.id,
            outcome=outcome.value,
            reason=reason,
            days=self.day - war.start,
            losses=[round(x) for x in war.losses],
            **terms,
        )

    # ------------------------------------------------------------------ phase 3

    def _trigger(
        self,
        kind: CasusFoederis,
        victim: str,
        offenders: tuple[str, ...],
        *,
        war: int | None = None,
        cause: int | None = None,
        label: str = "",
        theatre: str = "",
    ) -> None:
        key = (kind, victim, war if war is not None else offenders)
        if key in self.seen_triggers:
            return
        self.seen_triggers.add(key)
        self.queue.append(
            Trigger(kind, victim, offenders, self.day, war, cause, label, theatre or victim)
        )

    def triggers(self) -> None:
        """Phase 3: match new triggers against every clause in force; create obligations."""
        queue, self.queue = self.queue, []
        for trigger in queue:
            war = self.wars[trigger.war] if trigger.war is not None else None
            for ob in obligations_for(trigger, self.book, self.date, self.day, list(self.actors)):
                if war is not None and war.ongoing and war.side_of(ob.obliged) is not None:
                    continue  # already fighting in this war: nothing more to ask of it
                if ob.collective and not self._voters(ob):
                    continue  # every member of the body is a party to the conflict: no one decides
                ob.record = self.log(
                    RecordKind.OBLIGATION,
                    ob.obliged,
                    ob.victim,
                    pact=ob.pact,
                    pact_name=self.world.pact_names.get(ob.pact, ob.pact),
                    clause=ob.clause.id,
                    article=ob.clause.article,
                    casus_foederis=trigger.kind.value,
                    action=ob.clause.action.value,
                    toward=ob.clause.toward.value,
                    decision=ob.clause.decision.value,
                    due=ob.due,
                    offenders=list(ob.offenders),
                    also_under=list(ob.also_under),
                    war=trigger.war,
                    cause=trigger.cause,
                )
                self.pending.append(ob)

    # ------------------------------------------------------------------ phase 4

    def situation(
        self,
        actor_id: str,
        victim: str,
        offenders: tuple[str, ...],
        war: War | None,
        toward: Toward = Toward.VICTIM,
    ) -> Situation:
        """What an obliged actor weighs when deciding (see :mod:`sim.model.decisions`).

        For a measure against an offender (sanctions or intervention after a coup), affinity
        with the offender counts against acting, so the affinity term is reversed.
        """
        actor = self.actors[actor_id]
        against = toward is Toward.OFFENDER and bool(offenders)
        other = offenders[0] if against else victim  # whom affinity is measured with
        other_actor = self.actors.get(other)
        same_regime = (
            isinstance(actor, State)
            and isinstance(other_actor, State)
            and actor.regime == other_actor.regime
        )
        shared = any(
            actor_id in members and other in members
            for members in (self.memberships.active(o, self.date) for o in self.world.organisations)
        )
        affinity = 0.5 * same_regime + 0.5 * shared
        if against:
            affinity = 1.0 - affinity
        if war is not None and war.ongoing and war.side_of(victim) is not None:
            victim_side = war.side_of(victim)
            enemy = sum(
                f * self.actors[a].spec.effectiveness for a, f in war.sides[1 - victim_side].items()
            )
            friends = sum(
                f * self.actors[a].spec.effectiveness for a, f in war.sides[victim_side].items()
            )
        else:
            enemy = sum(self.strength(o) for o in offenders if o in self.actors)
            friends = self.home_strength(victim) if victim in self.actors else 0.0
        own = self.strength(actor_id)
        capacity = own / (own + enemy) if own + enemy > 0 else 0.5
        cost = enemy / (enemy + friends) if enemy + friends > 0 else 0.0
        fighters = self.fighters_in(actor_id)
        pressure = (
            min(1.0, 3.0 * fighters / actor.forces)
            if actor.forces > 0 and isinstance(actor, State)
            else 0.0
        )
        return Situation(actor.spec.resolve, affinity, capacity, cost, pressure, actor.reputation)

    def responses(self) -> None:
        """Phase 4: decide every obligation that is due and carry it out."""
        due = [ob for ob in self.pending if ob.due <= self.day]
        self.pending = [ob for ob in self.pending if ob.due > self.day]
        for ob in due:
            if ob.collective:
                self._decide_by_vote(ob)
            else:
                self._decide_alone(ob)

    def _war_of(self, ob: Obligation) -> War | None:
        if ob.trigger.war is None:
            return None
        war = self.wars[ob.trigger.war]
        return war if war.ongoing else None

    def _decide_alone(self, ob: Obligation) -> None:
        war = self._war_of(ob)
        actor = self.actors.get(ob.obliged)
        draw = keyed_uniform(
            self.seed,
            Concern.DECISION,
            ob.pact,
            ob.clause.id,
            ob.obliged,
            ob.victim,
            ob.trigger.day,
        )
        if actor is None or ob.clause.decision is DecisionRule.AUTOMATIC:
            result_response, probability, terms, used = Response.HONOURED, 1.0, {}, None
        else:
            situation = self.situation(ob.obliged, ob.victim, ob.offenders, war, ob.clause.toward)
            decision = decide(situation, ob.clause.action, self.setup.commitment, draw, self.params)
            result_response, probability, terms, used = (
                decision.response,
                decision.probability,
                decision.terms,
                decision.draw,
            )
        if actor is not None:
            actor.obligations += 1
            actor.honoured += result_response is Response.HONOURED
        index = self.log(
            RecordKind.RESPONSE,
            ob.obliged,
            ob.victim,
            response=result_response.value,
            pact=ob.pact,
            pact_name=self.world.pact_names.get(ob.pact, ob.pact),
            clause=ob.clause.id,
            article=ob.clause.article,
            action=ob.clause.action.value,
            decision=ob.clause.decision.value,
            commitment=self.setup.commitment.value,
            probability=round(probability, 6),
            draw=None if used is None else round(used, 6),
            terms=terms,
            cause=ob.record,
        )
        self._carry_out(ob, ob.obliged, result_response, index, [ob.obliged])

    def _voters(self, ob: Obligation) -> list[str]:
        """Members of the deciding body who are not parties to the conflict."""
        body = ob.clause.body or ob.obliged
        return [
            m
            for m in self.memberships.active(body, self.date)
            if m in self.actors and m != ob.victim and m not in ob.offenders
        ]

    def _decide_by_vote(self, ob: Obligation) -> None:
        war = self._war_of(ob)
        body = ob.clause.body or ob.obliged
        voters = self._voters(ob)
        yes = []
        for voter in voters:
            if self.strict:
                yes.append(voter)
                continue
            situation = self.situation(voter, ob.victim, ob.offenders, war, ob.clause.toward)
            probability, _ = honour_probability(situation, ob.clause.action, self.params)
            draw = keyed_uniform(
                self.seed, Concern.DECISION, ob.pact, ob.clause.id, voter, ob.victim, ob.trigger.day
            )
            if draw < probability:
                yes.append(voter)
        passed = vote_passes(len(yes), len(voters), ob.clause.decision)
        response = Response.HONOURED if passed else Response.ABSTAINED
        index = self.log(
            RecordKind.VOTE,
            body,
            ob.victim,
            response=response.value,
            pact=ob.pact,
            pact_name=self.world.pact_names.get(ob.pact, ob.pact),
            clause=ob.clause.id,
            article=ob.clause.article,
            action=ob.clause.action.value,
            decision=ob.clause.decision.value,
            voters=voters,
            yes=yes,
            cause=ob.record,
        )
        self._carry_out(ob, body, response, index, yes)

    def _carry_out(
        self, ob: Obligation, actor_id: str, response: Response, cause: int, acting: list[str]
    ) -> None:
        """Make an answered obligation happen."""
        if response is Response.ABSTAINED:
            return
        action = ob.clause.action if response is Response.HONOURED else PactAction.NON_MILITARY
        war = self._war_of(ob)
        target = (
            ob.victim
            if ob.clause.toward is Toward.VICTIM
            else (ob.offenders[0] if ob.offenders else ob.victim)
        )
        if action is PactAction.ARMED_ASSISTANCE:
            fighters = [a for a in acting if a in self.actors and self.actors[a].deployable > 0]
            if ob.trigger.war is not None:
                side = war.side_of(ob.victim) if war is not None else None
                for a in fighters:  # a war already over needs no one any more
                    if side is not None:
                        self.join_war(a, war, side, cause, ob)
            elif ob.trigger.kind is CasusFoederis.AGGRESSION:
                # An incident, not a war: the ally pledges to fight if the victim's war comes.
                for threat in self.threats:
                    if threat.open and threat.retaliation and threat.by == ob.victim:
                        threat.backers += [a for a in fighters if a not in threat.backers]
                for a in fighters:
                    self.log(
                        RecordKind.SUPPORT,
                        a,
                        ob.victim,
                        action="pledge",
                        cause=cause,
                        pact=ob.pact,
                        article=ob.clause.article,
                    )
            elif ob.trigger.kind is CasusFoederis.ARMED_REBELLION:
                for a in fighters:  # against a rebellion: forces sent to counter-insurgency
                    self._lend(
                        a, ob.victim, self.params.rebellion_assistance_share, cause, ob, action
                    )
        elif action is PactAction.INTERVENE:
            notice = int(self.params.intervention_notice_days)
            attackers = tuple(a for a in acting if a in self.actors and a != target)
            busy = any(t.open and t.target == target for t in self.threats) or any(
                self.at_war(a, target) for a in attackers
            )
            if attackers and not busy and target in self.actors:
                key = f"{ob.pact}-{ob.clause.id}-{target}-{self.day}"
                index = self.log(
                    RecordKind.THREAT,
                    actor_id,
                    target,
                    threat=key,
                    pact=ob.pact,
                    article=ob.clause.article,
                    attackers=list(attackers),
                    cause=cause,
                    deadline=(self.date + dt.timedelta(days=notice)).isoformat(),
                )
                self._open_threat(key, actor_id, target, attackers, self.day + notice, index)
        elif action is PactAction.SANCTIONS:
            organisation = self.world.pacts[ob.pact].parties.organisation
            if organisation and target in self.memberships.active(organisation, self.date):
                self.memberships.change(organisation, target, MembershipStatus.SUSPENDED)
                self.log(
                    RecordKind.MEMBERSHIP,
                    target,
                    organisation,
                    status="suspended",
                    cause=cause,
                    pact=ob.pact,
                    article=ob.clause.article,
                )
        elif action in (PactAction.SUPPORT, PactAction.NON_MILITARY):
            share = (
                self.params.support_lending_share
                if action is PactAction.SUPPORT
                else self.params.non_military_lending_share
            )
            for a in [x for x in acting if x in self.actors] or [actor_id]:
                if (
                    war is not None
                    and war.side_of(ob.victim) is not None
                    and a not in war.supporters
                ):
                    side = war.side_of(ob.victim)
                    factor = (
                        self.params.support_multiplier
                        if action is PactAction.SUPPORT
                        else math.sqrt(self.params.support_multiplier)
                    )
                    war.aid[side] *= factor
                    war.supporters.add(a)
                    self.log(
                        RecordKind.SUPPORT,
                        a,
                        ob.victim,
                        action=action.value,
                        war=war.id,
                        factor=round(factor, 4),
                        cause=cause,
                        pact=ob.pact,
                        article=ob.clause.article,
                    )
                elif ob.trigger.war is None and a in self.actors:
                    # Outside any war (a rebellion, an incident): help goes to counter-insurgency.
                    # Help for a war that has meanwhile ended has nothing left to do.
                    self._lend(a, ob.victim, share, cause, ob, action)

    def _lend(
        self, lender: str, host: str, share: float, cause: int, ob: Obligation, action: PactAction
    ) -> None:
        """Forces lent to a partner's counter-insurgency (against a rebellion, or outside a war).

        Any actor lends ``share`` of its deployable forces; an outside power with forces in the
        host lends twice that share of the forces it has there, and never more than all of them.
        """
        actor, state = self.actors[lender], self.state(host)
        if state is None:
            return
        if isinstance(actor, Power) and host in actor.present:
            lent = min(actor.present[host] * share * 2, actor.present[host])
        else:
            lent = actor.deployable * share
        self.support[self.state_index[host]] += lent
        self._moved = True
        self.log(
            RecordKind.SUPPORT,
            lender,
            host,
            action=action.value,
            forces=round(lent),
            cause=cause,
            pact=ob.pact,
            article=ob.clause.article,
        )

    # ------------------------------------------------------------------ phase 5

    def allocate_forces(self) -> None:
        """Phase 5: counter-insurgency effort is what is not at a front, plus partners' help.

        Effort is 1 at the start: the state's forces plus outside powers present. Forces sent to
        a war leave it; partners' deployments and forces lent under a clause add to it. Nothing
        changes it in peacetime unless forces move, so it is recomputed only then.
        """
        ongoing = [w for w in self.wars if w.ongoing]
        if not ongoing and not self._moved:
            return
        self._moved = False
        committed = [0.0] * len(self.states)
        for war in ongoing:
            if war.ongoing:
                for side in war.sides:
                    for a, f in side.items():
                        i = self.state_index.get(a)
                        if i is not None:
                            committed[i] += f
        for i, state in enumerate(self.states):
            available = max(state.forces - committed[i], 0.0) + self.support[i] + self.present[i]
            self.effort[i] = available / self.baseline[i] if self.baseline[i] > 0 else 1.0
        lost = sum(1.0 - e for e in self.effort[:-1] if e < 1.0)
        self._lost_today = lost / len(self.states) if self.states else 0.0

    # ------------------------------------------------------------------ phase 6

    def combat(self) -> None:
        """Phase 6: square-law attrition on each war's front, with lognormal daily noise."""
        sigma = self.params.combat_noise
        for war in self.wars:
            if not war.ongoing:
                continue
            totals = []
            for s in (ATTACKERS, DEFENDERS):
                totals.append(
                    sum(f * self.actors[a].spec.effectiveness for a, f in war.sides[s].items())
                    * war.aid[s]
                )
            a, b = totals
            if a <= 0 or b <= 0:
                continue
            z = self._combat_rngs[war.id].standard_normal(2)
            noise = np.exp(sigma * z - sigma * sigma / 2) if sigma > 0 else (1.0, 1.0)
            alpha = self.params.kill_rate * float(noise[0])
            beta = self.params.kill_rate * float(noise[1])
            new_a, new_b = square_law_day(a, b, alpha, beta)
            for s, before, after in ((ATTACKERS, a, new_a), (DEFENDERS, b, new_b)):
                fraction = 1.0 - after / before
                for member, f in war.sides[s].items():
                    lost = f * fraction
                    war.sides[s][member] = f - lost
                    actor = self.actors[member]
                    actor.casualties += lost
                    actor.forces = max(actor.forces - lost, 0.0)
                    if isinstance(actor, Power):
                        self._shrink_deployments(actor, lost)
                        self.present = self._presence()
                    war.losses[s] += lost

    def _shrink_deployments(self, power: Power, lost: float) -> None:
        total = sum(power.present.values())
        if total > 0:
            for host in power.present:
                power.present[host] *= max(1.0 - lost / total, 0.0)

    # ------------------------------------------------------------------ phase 7

    def insurgency(self) -> None:
        """Phase 7: armed groups grow against the effort left; rebellions are declared."""
        p = self.params
        cells = len(self.insurgents.strength)
        if not cells:
            return
        self.insurgents.day(self.effort, self._shocks[self.day])
        totals = self.insurgents.by_group()
        for g, group in enumerate(self.groups):
            group.forces = float(totals[g])
        strength = self.insurgents.strength
        for i, cells, start in self._watch:
            now = sum(strength[c] for c in cells)
            state = self.states[i]
            if now >= p.rebellion_threshold * start and state.id not in self.rebellions:
                self.rebellions.add(state.id)
                groups = tuple(self.groups[g].id for g in self.insurgents.groups_in(i))
                index = self.log(
                    RecordKind.REBELLION,
                    groups[0] if groups else "",
                    state.id,
                    strength=round(now),
                    start_strength=round(start),
                    threshold=p.rebellion_threshold,
                    groups=list(groups),
                )
                self._trigger(CasusFoederis.ARMED_REBELLION, state.id, groups, cause=index)

    # ------------------------------------------------------------------ phase 8

    def termination(self) -> None:
        """Phase 8: breaking point, capitulation under war weariness, or mediation."""
        p = self.params
        ongoing = [w for w in self.wars if w.ongoing]
        if not ongoing:
            return
        neutral = [s.id for s in self.states if all(w.side_of(s.id) is None for w in ongoing)]
        for war in ongoing:
            strength, resolve, tolerance = [], [], []
            for s in (ATTACKERS, DEFENDERS):
                members = [a for a in war.sides[s] if a in self.actors]
                weights = [max(self.actors[a].forces, 1.0) for a in members]
                total = sum(weights) or 1.0
                resolve.append(
                    sum(
                        w * self.actors[a].spec.resolve
                        for w, a in zip(weights, members, strict=True)
                    )
                    / total
                )
                tolerance.append(
                    sum(
                        w * self.actors[a].spec.casualty_tolerance
                        for w, a in zip(weights, members, strict=True)
                    )
                    / total
                )
                strength.append(
                    sum(f * self.actors[a].spec.effectiveness for a, f in war.sides[s].items())
                    * war.aid[s]
                )
            if strength[ATTACKERS] <= 0 or strength[DEFENDERS] <= 0:
                loser = ATTACKERS if strength[ATTACKERS] <= 0 else DEFENDERS
                self._finish(war, loser, "no forces left on the front")
                continue
            ended = False
            for s in (ATTACKERS, DEFENDERS):
                share_lost = war.losses[s] / war.initial[s] if war.initial[s] > 0 else 0.0
                breaking = p.breaking_point * (0.5 + tolerance[s])
                if share_lost >= breaking:
                    self._finish(
                        war,
                        s,
                        "breaking point",
                        share_lost=round(share_lost, 4),
                        breaking_point=round(breaking, 4),
                    )
                    ended = True
                    break
            if ended:
                continue
            for s in (ATTACKERS, DEFENDERS):
                odds = win_chance(strength[s], strength[1 - s])
                weariness = (
                    war.losses[s] / (war.initial[s] * max(tolerance[s], 0.05))
                    if war.initial[s] > 0
                    else 0.0
                )
                hazard = min(
                    1.0,
                    p.capitulation_rate
                    * (1 - resolve[s]) ** 2
                    * (1 - odds) ** 2
                    * (weariness + p.baseline_weariness),
                )
                draw = keyed_uniform(self.seed, Concern.TERMINATION, war.id, self.day, s)
                if draw < hazard:
                    self._finish(
                        war,
                        s,
                        "capitulation under war weariness",
                        probability=round(hazard, 6),
                        draw=round(draw, 6),
                        terms={
                            "resolve": round(resolve[s], 4),
                            "odds": round(odds, 4),
                            "weariness": round(weariness, 4),
                        },
                    )
                    ended = True
                    break
            if ended:
                continue
            if neutral:
                draw = keyed_uniform(self.seed, Concern.TERMINATION, war.id, self.day, "mediation")
                if draw < p.mediation_rate:
                    self.end_war(
                        war,
                        WarOutcome.MEDIATED,
                        reason="mediation",
                        mediators=neutral[:3],
                        probability=p.mediation_rate,
                        draw=round(draw, 6),
                    )

    def _finish(self, war: War, loser: int, reason: str, **terms) -> None:
        outcome = WarOutcome.DEFENDERS_WON if loser == ATTACKERS else WarOutcome.ATTACKERS_WON
        self.end_war(war, outcome, reason=reason, loser=war.leaders[loser], **terms)

    # ------------------------------------------------------------------ phase 9

    def record_day(self) -> None:
        """Phase 9: the day's row of the series (kept as lists; see :attr:`series`)."""
        rows = self._rows
        actors = self._actor_list
        rows["forces"].append([a.forces for a in actors])
        rows["casualties"].append([a.casualties for a in actors])
        # a war that ended today was still fought today
        ongoing = [w for w in self.wars if w.ongoing or w.end == self.day]
        if ongoing:
            committed = dict.fromkeys(self.actors, 0.0)
            for war in ongoing:
                for s in (ATTACKERS, DEFENDERS):
                    for a, f in war.sides[s].items():
                        if self.side[a] == 0:
                            self.side[a] = s + 1
                        committed[a] += f
            rows["committed"].append(list(committed.values()))
            rows["belligerents"].append(len({a for w in ongoing for a in w.members()}))
            rows["wars"].append(len(ongoing))
            self._side_row = list(self.side.values())
        else:
            rows["committed"].append(self._zeros)
            rows["belligerents"].append(0)
            rows["wars"].append(0)
        rows["side"].append(self._side_row)
        rows["strength"].append([g.forces for g in self.groups])
        self._effort_lost += self._lost_today

    @property
    def series(self) -> Series:
        """The daily series recorded so far, as arrays (one row per day run)."""
        rows = self._rows
        n = len(rows["forces"])
        series = Series.empty(max(n - 1, 0), list(self.actors), [g.id for g in self.groups])
        if n:
            series.forces[:] = rows["forces"]
            series.casualties[:] = rows["casualties"]
            series.committed[:] = rows["committed"]
            series.side[:] = rows["side"]
            if self.groups:
                series.strength[:] = rows["strength"]
            series.belligerents[:] = rows["belligerents"]
            series.wars[:] = rows["wars"]
        return series

    @property
    def counterinsurgency_lost(self) -> float:
        """Mean share of counter-insurgency effort lost, over the days run and the states."""
        return self._effort_lost / (self.day + 1) if self.day >= 0 else 0.0
