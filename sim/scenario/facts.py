"""The cited fact base: states, outside powers, armed groups, organisations and pacts.

The data lives in ``seeds/*.yaml`` (see ``seeds/README.md``); this module gives it a schema,
loads it once, and answers questions such as "who belonged to ECOWAS, in good standing, on
10 Aug 2023?". Pacts are made of clauses in one general structure (DESIGN §3), so a scenario
can also define a pact of its own with the same fields.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StringConstraints,
    ValidationError,
    model_validator,
)

from sim.errors import ScenarioError, Text
from sim.resources import seeds_dir
from sim.scenario.validation import ID_PATTERN, Date, problems_from_validation
from sim.scenario.vocabulary import (
    ActorKind,
    CasusFoederis,
    ClauseCondition,
    DecisionRule,
    Modality,
    Obliged,
    PactAction,
    Regime,
    Toward,
)
from sim.scenario.yamlfile import read_yaml

Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
ActorId = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=40)]


class Strict(BaseModel):
    """Base of every schema model: unknown keys are errors and instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Figure(Strict):
    """A sourced number: the value used, its year, and the spread between sources."""

    value: StrictFloat = Field(description="the figure the model uses")
    low: StrictFloat | None = Field(None, description="lowest figure among sources")
    high: StrictFloat | None = Field(None, description="highest figure among sources")
    year: StrictInt = Field(ge=1900, le=2100, description="the year the figure refers to")
    unit: str = Field(description="personnel, usd, people, fighters or deaths")
    source: Url | list[Url] = Field(description="where the figure comes from")
    note: str | None = Field(None, description="what the figure counts, in words")


class Capital(Strict):
    """A capital city and its coordinates."""

    name: str
    lat: StrictFloat = Field(ge=-90, le=90)
    lon: StrictFloat = Field(ge=-180, le=180)
    source: Url | list[Url]


class Borders(Strict):
    """Land borders with each neighbour, in km."""

    year: StrictInt
    source: Url | list[Url]
    km: dict[str, StrictFloat] = Field(description="land neighbour (ISO3) -> shared border in km")


class RegimePeriod(Strict):
    """Who governed a state from a date on, until the next period of its series."""

    from_: Date = Field(alias="from", description="the first day of the period")
    value: Regime
    source: Url | list[Url]
    note: str | None = None


ForcesSeries = Annotated[
    Figure | list[Figure],
    Field(description="one Figure, or a list of Figures in increasing years (a dated series)"),
]


def _points(figures: Figure | list[Figure]) -> tuple[Figure, ...]:
    """A dated series' figures, oldest first (a single figure is a one-point series)."""
    return tuple(figures) if isinstance(figures, list) else (figures,)


def _check_series(figures: Figure | list[Figure], what: str) -> None:
    """A dated series has at least one figure, in strictly increasing years."""
    if isinstance(figures, list):
        if not figures:
            raise ValueError(Text("{what} needs at least one figure", what=what))
        _increasing([f.year for f in figures], Text("{what} years", what=what))


def _figure_on(figures: Figure | list[Figure], day: dt.date) -> Figure:
    """The latest figure whose year is not after ``day``'s; the oldest one before the series."""
    series = _points(figures)
    known = [f for f in series if f.year <= day.year]
    return known[-1] if known else series[0]


def _increasing(values: list, what: str) -> None:
    repeated = [b for a, b in pairwise(values) if b <= a]
    if repeated:
        raise ValueError(
            Text("{what} must increase strictly from one point to the next", what=what)
        )


class FormerName(Strict):
    """A name a state went by until a date (Upper Volta, until 4 August 1984)."""

    name: str
    name_fr: str
    article_fr: Literal["le", "la", "l'", "les", ""] = Field(
        description="the French article before the name ('la Haute-Volta', 'le Dahomey')"
    )
    until: Date = Field(description="the first day of the next name: this one is used before it")
    source: Url | list[Url]
    note: str | None = None


class State(Strict):
    """A sovereign state of the region."""

    id: ActorId
    name: str
    name_fr: str
    capital: Capital
    active_forces: ForcesSeries
    defence_budget_usd: Figure | None = None
    defence_budget_note: str | None = None
    population: Figure
    borders: Borders
    coastline: StrictBool
    regime: list[RegimePeriod] = Field(
        min_length=1, description="who governed, period by period, in date order"
    )
    former_names: list[FormerName] = Field(
        [], description="the names it went by before its present one, oldest first"
    )

    @model_validator(mode="after")
    def _series_in_order(self) -> State:
        _increasing([p.from_ for p in self.regime], Text("regime periods' 'from' dates"))
        _increasing([n.until for n in self.former_names], Text("former names' 'until' dates"))
        _check_series(self.active_forces, "active_forces")
        return self

    @property
    def forces_series(self) -> tuple[Figure, ...]:
        """The armed-forces figures, oldest first (a single figure is a one-point series)."""
        return _points(self.active_forces)

    def forces_on(self, day: dt.date) -> Figure:
        """The latest figure whose year is not after ``day``'s; the oldest one before the series."""
        return _figure_on(self.active_forces, day)

    def former_name_on(self, day: dt.date) -> FormerName | None:
        """The name the state went by on ``day``, if not its present one."""
        return next((n for n in self.former_names if day < n.until), None)

    def regime_on(self, day: dt.date) -> Regime:
        """The regime of the period in force on ``day``; the first period's before the series."""
        periods = [p for p in self.regime if p.from_ <= day] or self.regime[:1]
        return periods[-1].value


def on_station(arrived: dt.date | None, left: dt.date | None, day: dt.date) -> bool:
    """Whether forces that arrived on ``arrived`` and left on ``left`` are there on ``day``.

    No arrival date: there before any record; no departure date: still there. The day they
    leave, they are gone.
    """
    return (arrived is None or arrived <= day) and (left is None or day < left)


class Deployment(Strict):
    """Forces an outside power keeps in a host state, between two dates."""

    host: ActorId
    label: str
    strength: Figure | None = None
    arrived: Date | None = None
    left: Date | None = None
    answers_request: StrictBool = Field(
        False,
        description="the deployment was the power's answer to its host's request for help "
        "(Operation Serval, 11 Jan 2013): where a scenario has the host ask the power on or before "
        "the arrival, it arrives only if the power grants the request",
    )
    fights: StrictBool = Field(
        True,
        description="its troops fight beside the host's when the power lends them as support "
        "(Barkhane's strikes); false for instructors, advisers and surveillance, whose support "
        "is help, not force",
    )
    source: Url | list[Url]
    note: str | None = None


class Power(Strict):
    """An outside power with forces in the region."""

    id: ActorId
    name: str
    name_fr: str
    deployments: list[Deployment] = []
    note: str | None = None

    def present_on(self, day: dt.date, hosts: list[str] | None = None) -> list[Deployment]:
        """Deployments under way on ``day`` (arrived, not yet gone), in ``hosts`` if given."""
        return [
            d
            for d in self.deployments
            if on_station(d.arrived, d.left, day) and (hosts is None or d.host in hosts)
        ]

    def strength_on(self, day: dt.date, hosts: list[str] | None = None) -> float:
        """Personnel deployed on ``day`` (in ``hosts`` if given); unknown strengths count as 0."""
        return sum(float(d.strength.value) for d in self.present_on(day, hosts) if d.strength)


class CountriesFact(Strict):
    """The countries an armed group operates in."""

    countries: list[ActorId]
    source: Url | list[Url]


class Formed(Strict):
    """When an armed group came into being, as its sources date it."""

    date: Date = Field(description="the day it was formed, or a proxy day the note explains")
    source: Url | list[Url]
    note: str | None = None


class ArmedGroup(Strict):
    """A non-state armed group."""

    id: ActorId
    name: str
    name_fr: str
    affiliation: str
    formed: Formed | None = Field(
        None, description="when it came into being; none: before any scenario's start"
    )
    split_from: ActorId | None = Field(
        None,
        description="the group it split from when it was formed, whose earlier figures count it",
    )
    fighters: ForcesSeries
    operates_in: CountriesFact
    note: str | None = None

    @model_validator(mode="after")
    def _series_in_order(self) -> ArmedGroup:
        _check_series(self.fighters, "fighters")
        return self

    def fighters_on(self, day: dt.date) -> Figure:
        """The latest figure whose year is not after ``day``'s; the oldest one before the series."""
        return _figure_on(self.fighters, day)


class Fatalities(Strict):
    """One country-year conflict-fatality figure, with the measure it counts."""

    country: ActorId
    year: StrictInt
    value: StrictFloat
    unit: str = "deaths"
    measure: str
    source: Url | list[Url]
    note: str | None = None


class Suspension(Strict):
    """A period during which a member lost its voice and protection."""

    from_: Date = Field(alias="from")
    until: Date | None = None
    source: Url | list[Url]
    note: str | None = None


class Membership(Strict):
    """One state's membership of an organisation, with its suspensions."""

    state: ActorId
    joined: Date
    left: Date | None = None
    source: Url | list[Url]
    note: str | None = None
    suspensions: list[Suspension] = []

    def active_on(self, day: dt.date) -> bool:
        """Member on ``day`` and not suspended."""
        if day < self.joined or (self.left is not None and day >= self.left):
            return False
        return not any(
            s.from_ <= day and (s.until is None or day < s.until) for s in self.suspensions
        )


class DecisionBody(Strict):
    """The organ that decides for an organisation."""

    name: str
    name_fr: str | None = None
    source: Url | list[Url]
    note: str | None = None


class Organisation(Strict):
    """A regional organisation: members over time, and the body that decides for it."""

    id: ActorId
    name: str
    name_fr: str
    founded: Date
    dissolved: Date | None = None
    source: Url | list[Url]
    decision_body: DecisionBody | None = None
    members: list[Membership]
    note: str | None = None

    def active_members(self, day: dt.date) -> list[str]:
        """Members in good standing on ``day``, in the order the fact base lists them."""
        if self.dissolved is not None and day >= self.dissolved:
            return []
        return [m.state for m in self.members if m.active_on(day)]


class Parties(Strict):
    """Who is bound by a pact: the members of an organisation, or a list of states."""

    organisation: ActorId | None = Field(
        None, description="an organisation whose members in good standing are bound"
    )
    states: list[ActorId] | None = Field(None, description="the states bound, by id")

    @model_validator(mode="after")
    def _exactly_one(self) -> Parties:
        if (self.organisation is None) == (self.states is None):
            raise ValueError(Text("give either 'organisation' or 'states', not both or neither"))
        return self


CONDITION_QUALIFIES = {
    ClauseCondition.BACKED_FROM_OUTSIDE: CasusFoederis.ARMED_REBELLION,
    ClauseCondition.BY_A_STATE: CasusFoederis.AGGRESSION,
}
"""The casus foederis each condition of a clause's text qualifies (who rebels, who attacks)."""


class Clause(Strict):
    """One article of a pact, as an executable rule.

    The clause says what triggers it (its casus foederis), who is obliged toward whom to do
    what, and how the decision is taken. The pact engine reads nothing else.
    """

    id: ActorId = Field(description="short id, unique within the pact (e.g. art6)")
    article: str = Field(description="the article as cited (e.g. 'Art. 6')")
    summary: str = Field(description="what the article says, in the project's own words")
    source: Url | list[Url] = Field(
        description="the treaty's text or a report of it (http or https)"
    )
    casus_foederis: CasusFoederis = Field(description="what kind of event brings it into play")
    conditions: list[ClauseCondition] = Field(
        [], description="what the text adds to the casus foederis (e.g. backed_from_outside)"
    )
    obliged: Obliged = Field(description="who owes the action")
    obliged_states: list[ActorId] = Field([], description="the states obliged, with obliged: named")
    beneficiaries: list[ActorId] = Field(
        [], description="the only parties this clause protects; empty means every party"
    )
    adversaries: list[ActorId] = Field(
        [],
        description="the only actors whose acts bring it into play (the armed groups a coalition "
        "was formed against); empty means any",
    )
    toward: Toward = Field(
        description="whether the action helps the victim or acts against the offender"
    )
    action: PactAction = Field(description="what is owed or permitted")
    modality: Modality = Field(
        Modality.DUTY,
        description="duty ('shall': the action is owed) or permission ('may': it is allowed)",
    )
    decision: DecisionRule = Field(description="who decides, and by what rule")
    body: ActorId | None = Field(None, description="organisation whose members vote")
    delay_days: StrictInt = Field(0, ge=0, le=365, description="days between trigger and decision")
    note: str | None = Field(None, description="what the encoding assumes, in words")

    @model_validator(mode="after")
    def _consistent(self) -> Clause:
        if self.obliged is Obliged.NAMED and not self.obliged_states:
            raise ValueError(Text("obliged: named needs the states in obliged_states"))
        if self.obliged is not Obliged.NAMED and self.obliged_states:
            raise ValueError(Text("obliged_states is only for obliged: named"))
        for condition in self.conditions:
            qualifies = CONDITION_QUALIFIES[condition]
            if self.casus_foederis is not qualifies:
                raise ValueError(
                    Text(
                        "conditions: {condition} is for casus_foederis: {qualifies} only (this "
                        "clause has {has})",
                        condition=condition.value,
                        qualifies=qualifies.value,
                        has=self.casus_foederis.value,
                    )
                )
        voting = {
            DecisionRule.UNANIMITY,
            DecisionRule.MAJORITY,
            DecisionRule.TWO_THIRDS,
            DecisionRule.CONSENSUS,
        }
        if self.decision in voting and self.body is None:
            raise ValueError(
                Text(
                    "decision: {decision} needs the voting organisation in body",
                    decision=self.decision.value,
                )
            )
        return self


class Pact(Strict):
    """A treaty, protocol or partnership, made of clauses."""

    id: ActorId = Field(description="the pact's id, as the scenario's key under pacts:")
    name: str = Field(description="its name, as a sentence names it")
    name_fr: str | None = Field(None, description="its name in French")
    signed: Date = Field(description="the day it was signed")
    in_force: Date | None = Field(
        None, description="the day it entered into force (if not the day it was signed)"
    )
    ended: Date | None = Field(None, description="the day it ceased to bind anyone")
    parties: Parties = Field(description="who is bound")
    withdrawal_notice_days: StrictInt | None = Field(
        None, ge=0, le=3650, description="days between a notice of withdrawal and its effect"
    )
    source: Url | list[Url] = Field(
        description="the treaty's text or a report of it (http or https)"
    )
    note: str | None = Field(None, description="what the encoding assumes, in words")
    clauses: list[Clause] = Field(min_length=1, description="its articles, as rules")

    @model_validator(mode="after")
    def _unique_clause_ids(self) -> Pact:
        ids = [c.id for c in self.clauses]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(
                Text("clause ids must be unique; repeated: {ids}", ids=", ".join(repeated))
            )
        return self

    def starts(self) -> dt.date:
        """The day the pact binds its parties."""
        return self.in_force or self.signed


class FactBase(Strict):
    """Everything in ``seeds/``, validated and indexed by id."""

    states: dict[str, State]
    powers: dict[str, Power]
    armed_groups: dict[str, ArmedGroup]
    conflict_fatalities: list[Fatalities]
    organisations: dict[str, Organisation]
    pacts: dict[str, Pact]

    @property
    def actor_ids(self) -> list[str]:
        """Every id a scenario may name as an actor."""
        return [*self.states, *self.powers, *self.armed_groups]

    def _tables(self) -> tuple[tuple[ActorKind, dict[str, State | Power | ArmedGroup]], ...]:
        return (
            (ActorKind.STATE, self.states),
            (ActorKind.POWER, self.powers),
            (ActorKind.ARMED_GROUP, self.armed_groups),
        )

    def kind_of(self, actor_id: str) -> ActorKind | None:
        """What kind of actor the id names, or None if the fact base does not know it."""
        return next((kind for kind, table in self._tables() if actor_id in table), None)

    def name_of(self, actor_id: str) -> str:
        """The fact base's name of an actor (an id it does not know is returned as it is)."""
        return next(
            (table[actor_id].name for _, table in self._tables() if actor_id in table), actor_id
        )


_FILES = {
    "states": ("states.yaml", State),
    "powers": ("powers.yaml", Power),
    "armed_groups": ("armed_groups.yaml", ArmedGroup),
    "organisations": ("organisations.yaml", Organisation),
    "pacts": ("pacts.yaml", Pact),
}


def load_fact_base(folder: str | Path | None = None) -> FactBase:
    """Read and validate ``seeds/``. Raises :class:`ScenarioError` listing every problem."""
    folder = Path(folder) if folder is not None else seeds_dir()
    problems = []
    tables: dict[str, Any] = {}
    for key, (filename, model) in _FILES.items():
        doc = read_yaml(folder / filename, name=f"seeds/{filename}")
        entries = doc.data.get(key, []) if isinstance(doc.data, dict) else []
        table: dict[str, Any] = {}
        for i, entry in enumerate(entries):
            try:
                item = model.model_validate(entry)
            except ValidationError as exc:
                problems += problems_from_validation(exc, doc, prefix=(key, i))
                continue
            table[item.id] = item
        tables[key] = table
        if key == "armed_groups" and isinstance(doc.data, dict):
            rows = doc.data.get("conflict_fatalities", [])
            fatal = []
            for i, row in enumerate(rows):
                try:
                    fatal.append(Fatalities.model_validate(row))
                except ValidationError as exc:
                    problems += problems_from_validation(
                        exc, doc, prefix=("conflict_fatalities", i)
                    )
            tables["conflict_fatalities"] = fatal
    if problems:
        raise ScenarioError(problems)
    return FactBase(**tables)


@cache
def fact_base() -> FactBase:
    """The bundled fact base, loaded once per process."""
    return load_fact_base()
