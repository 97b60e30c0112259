"""The world a run starts from: a scenario resolved against the fact base into plain specs.

Everything the model needs from ``seeds/`` is copied here (forces, borders, memberships,
pacts), so that a run depends on the resolved scenario and nothing else, and a worker
receives data, not file paths.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol, TypeVar

from sim.scenario.facts import FactBase, Membership, Organisation, Pact, on_station
from sim.scenario.parameters import ACTOR_PARAMETERS
from sim.scenario.schema import InlineActor, Scenario
from sim.scenario.vocabulary import ActorKind, Regime


@dataclass(frozen=True)
class Posting:
    """One of an outside power's dated deployments, as the model reads it.

    ``answers_request`` marks forces that came as the answer to their host's request (Operation
    Serval): they are held for the model's own answer when the scenario has the host ask
    (:func:`sim.model.events.agenda`). ``fights`` is false for instructors, advisers and
    surveillance: lent as support, they help and do not fight (:meth:`SahelModel.lend`).
    """

    host: str
    strength: float
    arrived: dt.date | None
    left: dt.date | None
    answers_request: bool = False
    fights: bool = True

    def present_on(self, day: dt.date) -> bool:
        """Whether the forces are in their host on ``day`` (arrived, and not yet left)."""
        return on_station(self.arrived, self.left, day)


class _Dated(Protocol):
    host: str
    arrived: dt.date | None
    left: dt.date | None
    answers_request: bool


D = TypeVar("D", bound=_Dated)


def consecutive(postings: Sequence[D]) -> dict[int, D]:
    """Each posting that gives way to another the day it leaves, in the same host: its successor.

    The fact base writes a force whose size changed as consecutive postings (Operation Licorne
    grew from 4,000 to 5,000 on 7 November 2004): the change is one event, not a departure of
    everyone followed by a new arrival, which would empty the power's fronts for a day. A
    posting held for a request (``answers_request``), before or after, is not a change of size.
    Keys are the ``id`` of the posting that leaves.
    """
    successors: dict[int, D] = {}
    for posting in postings:
        if posting.answers_request or posting.left is None:
            continue
        for other in postings:
            if (
                other is not posting
                and other.host == posting.host
                and other.arrived == posting.left
                and not other.answers_request
                # each follows one posting at most
                and not any(s is other for s in successors.values())
            ):
                successors[id(posting)] = other
                break
    return successors


@dataclass(frozen=True)
class ActorSpec:
    """An actor as the model starts it.

    ``forces`` is personnel (fighters for an armed group; for an outside power, the sum of its
    deployments present at the start, which a ``forces`` override scales). A state's forces and
    regime are the fact base's values in force on the start date. ``neighbours`` are the land
    neighbours among the scenario's states; ``operates_in`` gives an armed group's countries with
    the share of its fighters in each. A belligerent fights in its ``home`` state, is supported
    by its ``backers`` in any war, joins the wars of those it ``fights_beside``, and may break at
    a ``breaking_point`` of its own.
    """

    id: str
    kind: ActorKind
    name: str
    name_fr: str
    forces: float
    deployable_share: float
    effectiveness: float
    resolve: float
    casualty_tolerance: float
    regime: Regime | None = None
    capital: tuple[float, float] | None = None
    neighbours: tuple[str, ...] = ()
    deployments: tuple[Posting, ...] = ()
    operates_in: tuple[tuple[str, float], ...] = ()
    home: str | None = None
    backers: tuple[str, ...] = ()
    fights_beside: tuple[str, ...] = ()
    breaking_point: float | None = None
    faction: bool = False  # a belligerent whose fighters came out of its state's own forces
    rose_in_capital: bool = False  # a belligerent band with no base beyond the capital
    in_the_open: bool = False  # a rebel army the record shows fighting in the open, unbacked
    broad_goals: bool = False  # a belligerent fighting for what no government could grant


@dataclass(frozen=True)
class World:
    """A resolved scenario: actors, organisations and pacts as the model reads them."""

    scenario: Scenario
    actors: dict[str, ActorSpec]
    organisations: dict[str, Organisation]
    pacts: dict[str, Pact]
    pact_names: dict[str, str] = field(default_factory=dict)

    def ids(self, kind: ActorKind) -> list[str]:
        """Actor ids of one kind, in the scenario's order."""
        return [a.id for a in self.actors.values() if a.kind == kind]

    def homes(self) -> dict[str, str]:
        """The state each belligerent fights in."""
        return {a.id: a.home for a in self.actors.values() if a.home is not None}


def build_world(scenario: Scenario, facts: FactBase) -> World:
    """Resolve ``scenario`` against ``facts``: actor values, memberships and pacts in play."""
    states_in_play = [
        a
        for a, entry in scenario.actors.items()
        if a in facts.states or (isinstance(entry, InlineActor) and entry.kind is ActorKind.STATE)
    ]
    actors = {}
    for actor_id, entry in scenario.actors.items():
        if isinstance(entry, InlineActor):
            actors[actor_id] = _inline_actor(actor_id, entry, states_in_play)
            continue
        values = entry.model_dump(exclude_none=True) if entry is not None else {}
        actors[actor_id] = _actor(actor_id, values, facts, states_in_play, scenario.start)
    for spec in list(actors.values()):
        if spec.faction and spec.home in actors:
            # A faction's fighters leave the state's army (checked at loading not to exceed it).
            state = actors[spec.home]
            actors[spec.home] = replace(state, forces=max(state.forces - spec.forces, 0.0))
    pacts = scenario.pacts_in_play(facts)
    organisations = _with_inline_members(dict(facts.organisations), scenario)
    return World(scenario, actors, organisations, pacts, {p: v.name for p, v in pacts.items()})


def _actor(
    actor_id: str, values: dict, facts: FactBase, states: list[str], start: dt.date
) -> ActorSpec:
    defaults = {name: p.default for name, p in ACTOR_PARAMETERS.items() if name != "forces"}
    params = {**defaults, **{k: v for k, v in values.items() if k in defaults}}
    kind = facts.kind_of(actor_id)
    if kind is ActorKind.STATE:
        state = facts.states[actor_id]
        regime = values.get("regime") or state.regime_on(start)
        neighbours = tuple(s for s in states if s in state.borders.km and s != actor_id)
        return ActorSpec(
            actor_id,
            kind,
            state.name,
            state.name_fr,
            float(values.get("forces", state.forces_on(start).value)),
            regime=Regime(regime),
            capital=(state.capital.lat, state.capital.lon),
            neighbours=neighbours,
            **params,
        )
    if kind is ActorKind.POWER:
        power = facts.powers[actor_id]
        scaled, scale = set(), 1.0
        if "forces" in values:  # scale what is deployed in the scenario's states on the start day
            scaled = {id(d) for d in power.present_on(start, states)}
            scale = values["forces"] / power.strength_on(start, states)
            # and the later sizes of the same forces, so that a cut stays a cut of that share
            follows = consecutive(power.deployments)
            chain = list(scaled)
            while chain:
                following = follows.get(chain.pop())
                if following is not None and id(following) not in scaled:
                    scaled.add(id(following))
                    chain.append(id(following))
        deployments = tuple(
            Posting(
                d.host,
                (float(d.strength.value) if d.strength else 0.0)
                * (scale if id(d) in scaled else 1),
                d.arrived,
                d.left,
                d.answers_request,
                d.fights,
            )
            for d in power.deployments
        )
        present = sum(d.strength for d in deployments if d.present_on(start))
        return ActorSpec(
            actor_id,
            kind,
            power.name,
            power.name_fr,
            float(values.get("forces", present)),
            deployments=deployments,
            **params,
        )
    group = facts.armed_groups[actor_id]
    countries = list(group.operates_in.countries)
    weights = _fatality_weights(countries, facts)
    return ActorSpec(
        actor_id,
        ActorKind.ARMED_GROUP,
        group.name,
        group.name_fr,
        float(values.get("forces", group.fighters_on(start).value)),
        operates_in=tuple(zip(countries, weights, strict=True)),
        **params,
    )


BELLIGERENT_DEPLOYABLE_SHARE = 1.0
"""A belligerent holds no territory back: every fighter can go to the front (unless the
scenario says otherwise)."""


def _inline_actor(actor_id: str, entry: InlineActor, states: list[str]) -> ActorSpec:
    """An actor the scenario defines itself, from its cited figures."""
    params = {
        name: p.default if getattr(entry, name) is None else getattr(entry, name)
        for name, p in ACTOR_PARAMETERS.items()
        if name != "forces"
    }
    if entry.kind is ActorKind.BELLIGERENT and entry.deployable_share is None:
        params["deployable_share"] = BELLIGERENT_DEPLOYABLE_SHARE
    common = dict(id=actor_id, kind=entry.kind, name=entry.name, name_fr=entry.name_fr)
    forces = float(entry.forces.value)
    if entry.kind is ActorKind.STATE:
        return ActorSpec(
            **common,
            forces=forces,
            regime=entry.regime or Regime.CIVILIAN,
            capital=(entry.capital.lat, entry.capital.lon) if entry.capital else None,
            neighbours=tuple(s for s in entry.neighbours if s in states),
            **params,
        )
    if entry.kind is ActorKind.ARMED_GROUP:
        countries = list(entry.operates_in)
        share = 1.0 / len(countries)
        return ActorSpec(
            **common, forces=forces, operates_in=tuple((c, share) for c in countries), **params
        )
    return ActorSpec(
        **common,
        forces=forces,
        home=entry.in_,
        backers=tuple(entry.backers),
        fights_beside=tuple(entry.fights_beside),
        breaking_point=entry.breaking_point,
        faction=entry.faction_of,
        rose_in_capital=entry.rose_in_capital,
        in_the_open=entry.in_the_open,
        broad_goals=entry.broad_goals,
        **params,
    )


def _with_inline_members(
    organisations: dict[str, Organisation], scenario: Scenario
) -> dict[str, Organisation]:
    """Organisations with the scenario's inline states among their members from its start."""
    for actor_id, entry in scenario.actors.items():
        if not isinstance(entry, InlineActor):
            continue
        for org_id in entry.member_of:
            org = organisations[org_id]
            member = Membership(state=actor_id, joined=scenario.start, source=entry.sources)
            organisations[org_id] = org.model_copy(update={"members": [*org.members, member]})
    return organisations


def _fatality_weights(countries: list[str], facts: FactBase) -> list[float]:
    """Share of a group's fighters in each country, from the latest conflict-fatality figures."""
    latest: dict[str, tuple[int, float]] = {}
    for row in facts.conflict_fatalities:
        newer = row.country not in latest or row.year > latest[row.country][0]
        if row.country in countries and "ACLED" in row.measure and newer:
            latest[row.country] = (row.year, row.value)
    if len(latest) != len(countries):
        return [1.0 / len(countries)] * len(countries)
    total = sum(v for _, v in latest.values())
    return [latest[c][1] / total for c in countries]
