"""The scenario format: what a scenario YAML file may say, as pydantic models.

A scenario names its actors from the fact base (with overrides), the pacts in play (from the
fact base or written inline), dated events, parameters and ensemble settings. Collections are
mappings keyed by id so that ``extends:`` can merge them and ``--set`` can reach any value
(``--set actors.NGA.resolve=0.3``). The format reference ``docs/scenarios.md`` is generated
from these models by ``sim.scenario.reference``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    Discriminator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    Tag,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)

from sim.errors import Listed, Text
from sim.scenario.defaults import MAX_SEED
from sim.scenario.facts import ActorId, Capital, FactBase, Figure, Pact, Strict, Url
from sim.scenario.parameters import ACTOR_PARAMETERS, Parameters
from sim.scenario.validation import Date
from sim.scenario.vocabulary import (
    ActorKind,
    AttackScale,
    Commitment,
    CoupForm,
    EndorsingBody,
    Lang,
    MembershipStatus,
    ObservedOutcome,
    Regime,
    RequestedHelp,
    Side,
    Stance,
)

MAX_DAYS = 3650


class Source(Strict):
    """A reference a scenario rests on."""

    title: str = Field(description="what the source is")
    url: Url = Field(description="where to read it (http or https)")
    year: StrictInt = Field(ge=1900, le=2100, description="year of publication")


class TeachingNotes(Strict):
    """Notes for a class in the NetLogo manner, in one language."""

    what_is_it: str = Field(description="what the scenario shows, in a paragraph")
    things_to_notice: list[str] = Field([], description="what to watch while it runs")
    things_to_try: list[str] = Field(
        [], description="changes worth making, with the --set to make them"
    )
    discuss: list[str] = Field([], description="questions for the class")
    predict: str | None = Field(None, description="a question to answer before running")


class TranslatedNotes(TeachingNotes):
    """The teaching notes, and the scenario's title, in another language."""

    title: str | None = Field(None, description="the scenario's title in this language")


class Teaching(TeachingNotes):
    """Notes for a class, in the NetLogo manner, in English and optionally in French."""

    fr: TranslatedNotes | None = Field(
        None,
        description="the same notes in French, shown to a class working in French (the English "
        "ones are shown where this is missing)",
    )

    def in_language(self, lang: str | Lang) -> TeachingNotes:
        """The notes in ``lang``; English where no translation is given."""
        return self.fr if lang == Lang.FR and self.fr is not None else self


ActorOverrides = create_model(
    "ActorOverrides",
    __base__=Strict,
    __doc__="Changes to an actor's fact-base values and model defaults; omit to keep them.",
    regime=(Regime | None, Field(None, description="who governs the state")),
    note=(
        str | None,
        Field(None, description="for the reader: why these values (the model does not read it)"),
    ),
    sources=(
        list[Url] | None,
        Field(None, description="for the reader: where these values come from (not read)"),
    ),
    **{
        p.name: (
            (StrictInt if p.integer else StrictFloat) | None,
            Field(None, ge=p.low, le=p.high, title=p.label, description=p.describe()),
        )
        for p in ACTOR_PARAMETERS.values()
    },
)


INLINE_KINDS = (ActorKind.STATE, ActorKind.ARMED_GROUP, ActorKind.BELLIGERENT)
"""The kinds of actor a scenario may define inline (an outside power needs the fact base's
dated deployments)."""

_ONLY_FOR: dict[str, tuple[ActorKind, ...]] = {
    "regime": (ActorKind.STATE,),
    "capital": (ActorKind.STATE,),
    "neighbours": (ActorKind.STATE,),
    "member_of": (ActorKind.STATE,),
    "operates_in": (ActorKind.ARMED_GROUP,),
    "in_": (ActorKind.BELLIGERENT,),
    "faction_of": (ActorKind.BELLIGERENT,),
    "rose_in_capital": (ActorKind.BELLIGERENT,),
    "in_the_open": (ActorKind.BELLIGERENT,),
    "broad_goals": (ActorKind.BELLIGERENT,),
    "backers": (ActorKind.BELLIGERENT,),
    "fights_beside": (ActorKind.BELLIGERENT,),
    "breaking_point": (ActorKind.BELLIGERENT,),
}
"""Fields of an inline actor that only some kinds take."""


def _actor_parameter(name: str, more: str = ""):
    """An optional field for one of the actor parameters, with its declared range and meaning."""
    p = ACTOR_PARAMETERS[name]
    return Field(None, ge=p.low, le=p.high, title=p.label, description=p.describe() + more)


class InlineActor(Strict):
    """An actor the scenario defines itself, with cited figures (an id the fact base lacks, or CMR, JAS or ISWAP).

    A ``belligerent`` is an armed force inside a state that can be a party to a war: a rebel
    army (the NPFL in Liberia, 1990) or, with ``faction_of: true``, a faction of that state's army
    whose fighters leave the state's forces (Brig. Mané's troops in Guinea-Bissau, 1998). It
    fights with all its forces, its ``backers`` support its side of any war it fights, it joins
    the wars of those it ``fights_beside``, and a coup's ``by`` can name it as the faction that
    seized power.
    """

    kind: ActorKind = Field(description="state, armed_group or belligerent")
    name: str = Field(
        min_length=1,
        max_length=80,
        description="its name in English, as it reads inside a sentence (the NPFL, Portugal)",
    )
    name_fr: str = Field(
        min_length=1,
        max_length=80,
        description="its name in French, as it reads inside a sentence, article included "
        "(le NPFL, le Portugal)",
    )
    sources: list[Url] = Field(min_length=1, description="where the actor is described")
    forces: Figure = Field(
        description="personnel (fighters for a group or belligerent), with year and source; "
        "low and high feed the backtest's robustness probes"
    )
    regime: Regime | None = Field(None, description="state: who governs it (default civilian)")
    capital: Capital | None = Field(None, description="state: its capital, for the map")
    neighbours: list[ActorId] = Field(
        [], description="state: its land neighbours among the scenario's states"
    )
    member_of: list[ActorId] = Field(
        [], description="state: organisations it belongs to, in good standing, from the start"
    )
    operates_in: list[ActorId] = Field(
        [], description="armed group: the states it fights in (fighters shared equally)"
    )
    in_: ActorId | None = Field(
        None, alias="in", description="belligerent: the state it fights in (required)"
    )
    faction_of: StrictBool = Field(
        False, description="belligerent: its fighters come out of that state's own forces"
    )
    backers: list[ActorId] = Field(
        [],
        description="belligerent: actors who support its side in any war it fights; a rebel "
        "army with no backer, not a faction and not risen in the capital fights its state as "
        "guerrillas (docs/model.md §7.6)",
    )
    rose_in_capital: StrictBool = Field(
        False,
        description="belligerent: a band that rose in the capital with no base beyond it (Kukoi "
        "Samba Sanyang's council in Banjul, 1981): unless a faction or backed from outside, its "
        "war is fought at the full kill rate, not at a civil war's pace",
    )
    in_the_open: StrictBool = Field(
        False,
        description="belligerent: a rebel army with no backer that the record shows fighting "
        "the army in the open, as columns or along a front, not as guerrillas (the UFR's column "
        "of pickups from Libya into Chad, 2019): its war is fought by the square law",
    )
    broad_goals: StrictBool = Field(
        False,
        description="belligerent: it fights for goals no government could grant (a caliphate, "
        "a revolution), not for a share of power, land or revenue: no state brokers a ceasefire "
        "in its wars (docs/model.md §7.8)",
    )
    fights_beside: list[ActorId] = Field(
        [],
        description="belligerent: actors whose wars it joins on their side, with all its forces "
        "(the RUF beside the AFRC junta in 1997); a state's government it is sworn to cannot "
        "give in to a threat without it",
    )
    breaking_point: StrictFloat | None = Field(
        None,
        ge=0.05,
        le=1.0,
        description="belligerent: its own breaking point (default: the parameter's)",
    )
    note: str | None = Field(None, description="anything the fields leave out")
    deployable_share: StrictFloat | None = _actor_parameter(
        "deployable_share", " (a belligerent's default: 1, all of it)"
    )
    effectiveness: StrictFloat | None = _actor_parameter("effectiveness")
    resolve: StrictFloat | None = _actor_parameter("resolve")
    casualty_tolerance: StrictFloat | None = _actor_parameter("casualty_tolerance")

    @model_validator(mode="after")
    def _fits_its_kind(self) -> InlineActor:
        if self.kind not in INLINE_KINDS:
            raise ValueError(
                Text(
                    "an inline actor cannot be of kind {kind!r} (an outside power comes from the "
                    "fact base with its dated deployments); use {kinds}",
                    kind=self.kind.value,
                    kinds=Listed(k.value for k in INLINE_KINDS),
                )
            )
        for name, kinds in _ONLY_FOR.items():
            value = getattr(self, name)
            if value not in (None, False, []) and self.kind not in kinds:
                key = name.rstrip("_")
                raise ValueError(
                    Text(
                        "{key!r} applies to a {only} only, not a {kind}",
                        key=key,
                        only=kinds[0].value,
                        kind=self.kind,
                    )
                )
        if self.kind is ActorKind.BELLIGERENT and self.in_ is None:
            raise ValueError(Text("a belligerent needs 'in': the state it fights in"))
        if self.rose_in_capital and (self.faction_of or self.backers):
            raise ValueError(
                Text(
                    "'rose_in_capital' is for a band with no backer and no faction's bases; a "
                    "faction, or a rebel army with backers, draws its war out wherever it rose"
                )
            )
        if self.in_the_open and (self.faction_of or self.backers or self.rose_in_capital):
            raise ValueError(
                Text(
                    "'in_the_open' is for a rebel army with no backer, not a faction and not risen "
                    "in the capital, which would fight as guerrillas; one with backers, a faction "
                    "or a band risen in the capital fights in the open already"
                )
            )
        if self.kind is ActorKind.ARMED_GROUP and not self.operates_in:
            raise ValueError(Text("an armed group needs 'operates_in': the states it fights in"))
        return self


def _actor_entry(value: object) -> str:
    if isinstance(value, InlineActor) or (isinstance(value, dict) and "kind" in value):
        return "inline"
    return "overrides"


ActorEntry = Annotated[
    Annotated[ActorOverrides, Tag("overrides")] | Annotated[InlineActor, Tag("inline")],
    Discriminator(_actor_entry),
]


def fights_as_guerrillas(
    *, faction: bool, backers, rose_in_capital: bool, in_the_open: bool = False
) -> bool:
    """Whether a rebel army would fight its state as guerrillas: in the periphery, on its own.

    Rebels far weaker than the state's army, with no outside supplier of heavy arms, do not
    stand and fight: they hide among their people and strike where they choose, and irregular
    war is the technology of that weakness (Kalyvas & Balcells 2010, American Political Science
    Review 104(3)). A faction has the army's bases and arsenals, and a rebel army with outside
    ``backers`` the arms to hold a front (the NPFL's advance on Monrovia in 1990); a band that
    rose in the capital must hold what it seized. The Tuareg rebellions of Mali and Niger
    (1990-95, 2006, 2007-09) fought as guerrillas (docs/model.md §7.6). Some rebels with none of
    these fought in the open all the same, as the record shows (``in_the_open``: Chad's rebel
    columns from bases in Libya, 2019 and 2021, which air strikes and the army broke within
    days or weeks). Whether they do so in a given war depends also on their being the weaker
    side (``SahelModel.guerrilla_side``).
    """
    return not (faction or backers or rose_in_capital or in_the_open)


def _in_words(text: str) -> str:
    if not text.strip():
        raise ValueError(Text("a reason in words, not blank"))
    return text


Reason = Annotated[
    str, Field(min_length=1, json_schema_extra={"pattern": r"\S"}), AfterValidator(_in_words)
]
"""Why a scenario does something: text that is not blank."""


class PactSwitch(Strict):
    """Use a pact of the fact base, or switch it off."""

    enabled: StrictBool = Field(True, description="false leaves the pact out of the run")


class InlinePact(Pact):
    """A pact written in the scenario itself, with the same fields as the fact base's."""

    enabled: StrictBool = True


def _pact_kind(value: object) -> str:
    if isinstance(value, InlinePact) or (isinstance(value, dict) and value.keys() - {"enabled"}):
        return "inline"
    return "switch"


PactEntry = Annotated[
    Annotated[PactSwitch, Tag("switch")] | Annotated[InlinePact, Tag("inline")],
    Discriminator(_pact_kind),
]


class _Event(Strict):
    date: Date = Field(description="the day it happens (the run's day it falls on)")
    enabled: StrictBool = Field(True, description="false leaves the event out (for variants)")
    note: str | None = Field(
        None, description="what happened, with sources, for the reader: the story quotes it"
    )
    note_fr: str | None = Field(
        None,
        min_length=1,
        description="the note in French, which the story quotes in French (without it, the "
        "French story quotes the note in English and says so)",
    )

    @field_validator("note_fr")
    @classmethod
    def _translates_a_note(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None and info.data.get("note") is None:
            raise ValueError(Text("it is the note in French: give the 'note' it translates too"))
        return value


class Coup(_Event):
    """An unconstitutional change of government (a casus foederis for some pacts).

    A seizure makes the state's regime military; a retention (an incumbent who will not hand
    over after losing an election) leaves the regime as it was, but not its legitimacy.
    """

    kind: Literal["coup"] = "coup"
    state: ActorId
    form: CoupForm = Field(
        CoupForm.SEIZURE,
        description="seizure (soldiers take power) or retention (the incumbent will not hand "
        "over after losing an election): what giving in to a threat would cost its rulers",
    )
    by: ActorId | None = Field(
        None,
        description="the faction that seized power, a belligerent of this scenario in that "
        "state: measures against the coup are taken against it (default: the state itself)",
    )


class Threat(_Event):
    """An actor threatens force against a target unless it complies by a deadline."""

    kind: Literal["threat"] = "threat"
    by: ActorId = Field(description="the threatening actor or organisation")
    target: ActorId = Field(description="the actor threatened (a state's government decides)")
    deadline: Date = Field(
        description="the day by which the target must comply, the focal day of the decision"
    )
    contributors: list[ActorId] = Field(
        [],
        description=(
            "states pledging forces, for an organisation; if none are named, each member in good"
            " standing that is an actor of the scenario decides whether it pledges, and the"
            " strongest leads (docs/model.md §7.1)"
        ),
    )


class Attack(_Event):
    """An armed attack: an invasion starts a war, an incident none; a coup attempt lasts a day."""

    kind: Literal["attack"] = "attack"
    by: ActorId = Field(description="the attacking actor or organisation")
    target: ActorId = Field(
        description="the actor attacked: a state, a belligerent, an armed group, or an outside "
        "power whose forces stand in host"
    )
    scale: AttackScale = Field(
        AttackScale.INVASION, description="an invasion, an incident or a coup attempt"
    )
    contributors: list[ActorId] = Field(
        [], description="states sending forces, for an organisation"
    )
    defenders: list[ActorId] = Field(
        [],
        description="for an invasion or a coup attempt: actors whose forces already stand with "
        "the target and "
        "fight beside it from the first day (ECOMOG's contingents in Monrovia when the NPFL "
        "attacked, October 1992)",
    )
    host: ActorId | None = Field(
        None,
        description="for an incident on forces stationed abroad, the state where they stand "
        "(required when the target is an outside power): the target's forces there are struck, "
        "not its territory",
    )
    fighters: StrictInt | None = Field(
        None,
        ge=1,
        description="for an incident by armed groups: how many of their fighters struck, as "
        "reported, the dead, the captured and those who got away (leave it out when no source "
        "counts them); with no escaped, they are the body of fighters held against "
        "pursuit_threshold",
    )
    escaped: StrictInt | None = Field(
        None,
        ge=0,
        description="for an incident by armed groups: how many of the strikers got away, "
        "all but those killed or taken where they struck, before any pursuit (one caught by a "
        "chase after the strike got away first), as reported: 0 for a suicide bombing, or a "
        "siege that ended with every attacker dead or captured; leave it out when the sources "
        "do not say; they, not all who struck, are the body of fighters left to pursue, held "
        "against pursuit_threshold",
    )
    killed: StrictInt | None = Field(
        None,
        ge=0,
        description="for an incident: how many the strike killed on the victim's side "
        "(soldiers and civilians), as reported (leave it out when no source counts them); the "
        "story tells it, and the model does not weigh it (raiders from abroad are fought on the "
        "state's own soil whatever their toll)",
    )

    @property
    def left_in_field(self) -> int | None:
        """The strikers left to pursue: those who got away when counted, else all who struck.

        ``None`` when the sources count neither (docs/model.md §7.11).
        """
        return self.escaped if self.escaped is not None else self.fighters


class Sanctions(_Event):
    """Economic sanctions, or an embargo, from an actor, an organisation or a body on a target."""

    kind: Literal["sanctions"] = "sanctions"
    by: ActorId = Field(
        description="who imposes them: an actor, an organisation, or a body (au_psc, unsc, oau)"
    )
    target: ActorId
    lifted: Date | None = Field(
        None,
        description="the day they were lifted; for the reader (sanctions have no effect in the model, which does not use this date)",
    )


class PactChange(_Event):
    """A pact is signed, or suspended as a whole, on this date."""

    kind: Literal["pact_signed", "pact_suspended"]
    pact: ActorId


class PactWithdrawal(_Event):
    """A party gives notice of withdrawal; it takes effect after the pact's notice period."""

    kind: Literal["pact_withdrawn"] = "pact_withdrawn"
    pact: ActorId
    state: ActorId


class Deployment(_Event):
    """An outside power's forces arrive in a host state."""

    kind: Literal["deployment"] = "deployment"
    power: ActorId
    host: ActorId
    strength: StrictInt = Field(ge=0, le=1_000_000)


class Departure(_Event):
    """An outside power's forces leave a host state: all of them, or ``strength`` of them."""

    kind: Literal["departure"] = "departure"
    power: ActorId
    host: ActorId
    strength: StrictInt | None = Field(
        None, ge=1, le=1_000_000, description="how many leave (default: all its forces there)"
    )


class Ceasefire(_Event):
    """The named belligerents stop fighting each other."""

    kind: Literal["ceasefire"] = "ceasefire"
    between: list[ActorId] = Field(min_length=2)


class InsurgentOffensive(_Event):
    """An armed group surges in one country."""

    kind: Literal["insurgent_offensive"] = "insurgent_offensive"
    group: ActorId
    country: ActorId
    intensity: StrictFloat = Field(
        1.5, gt=0, le=10, description="multiplier on the group's strength there"
    )


class Endorsement(_Event):
    """A body outside the crisis takes a stand on a threatener's position (AU PSC, UNSC; before 2004, the OAU)."""

    kind: Literal["endorsement"] = "endorsement"
    body: EndorsingBody = Field(description="who takes the stand")
    by: ActorId = Field(description="the threatener whose stance it backs or opposes")
    target: ActorId = Field(description="the target of that stance")
    stance: Stance


class DomesticRefusal(_Event):
    """A state's legislature or public refuses the use of force (Nigeria's Senate, Aug 2023)."""

    kind: Literal["domestic_refusal"] = "domestic_refusal"
    state: ActorId
    target: ActorId = Field(description="the state against which force is refused")


class ThirdPartyForce(_Event):
    """An outside party uses force on its own against a target, from this date.

    France's Licorne force and the UN mission (UNOCI, under UNSC Res. 1975) struck Gbagbo's heavy
    weapons in Côte d'Ivoire from 4 Apr 2011, while ECOWAS, which had threatened force on 24 Dec
    2010, never used it. Exactly one of ``party`` and ``body`` names who acts.
    """

    kind: Literal["third_party_force"] = "third_party_force"
    party: ActorId | None = Field(
        None, description="the actor of this scenario that uses force (an outside power: FRA)"
    )
    body: EndorsingBody | None = Field(
        None, description="or the body whose mandated force uses it (unsc: UN peacekeepers)"
    )
    target: ActorId = Field(description="the state or belligerent it uses force against")
    until: Date | None = Field(None, description="its last day of action (default: to the end)")


class Request(_Event):
    """A state asks others for help against those fighting it, outside any pact's clause.

    Mali's interim authorities asked France for military help on 10 Jan 2013 and France struck
    the next day (Operation Serval). Each actor asked decides for itself whether to help, as a
    measure it may take, not one it owes: declining breaks no promise. A request is answered
    after the day's other events, and only where the state that asks defends itself, has just
    beaten a faction at home (the help then guards its government), or was struck on its soil
    by an armed group or rebels short of war (the help is against them). A government's
    agreement to a neighbour's troops fighting on its soil is help it accepts: write it as a
    request to that neighbour, on the day it was given, whoever proposed it.
    """

    kind: Literal["request"] = "request"
    by: ActorId = Field(description="the state whose government asks")
    to: list[ActorId] = Field(
        min_length=1,
        description="the states or outside powers of this scenario asked for help, each once",
    )
    against: ActorId | None = Field(
        None,
        description="whom the help is against: an actor of this scenario fighting the state "
        "that asks, a faction it has just beaten, or an armed group or rebel movement that "
        "struck it short of war (default: whoever is at war with it that day; with no war, the "
        "armed groups in it; with neither, the factions it has just beaten at home; else those "
        "that struck it on its soil short of war)",
    )
    action: RequestedHelp = Field(
        RequestedHelp.ARMED_ASSISTANCE, description="the help asked for (default: armed_assistance)"
    )


class MembershipChange(_Event):
    """A state's standing in an organisation changes."""

    kind: Literal["membership"] = "membership"
    organisation: ActorId
    state: ActorId
    status: MembershipStatus


def _event_kind(value: object) -> str | None:
    if isinstance(value, dict):
        kind = value.get("kind")
        return str(kind) if kind is not None else None
    return getattr(value, "kind", None)


EVENT_TYPES: tuple[type[_Event], ...] = (
    Coup,
    Threat,
    Attack,
    Sanctions,
    PactChange,
    PactWithdrawal,
    Deployment,
    Departure,
    Ceasefire,
    InsurgentOffensive,
    MembershipChange,
    Endorsement,
    DomesticRefusal,
    ThirdPartyForce,
    Request,
)

Event = Annotated[
    Annotated[Coup, Tag("coup")]
    | Annotated[Threat, Tag("threat")]
    | Annotated[Attack, Tag("attack")]
    | Annotated[Sanctions, Tag("sanctions")]
    | Annotated[PactChange, Tag("pact_signed")]
    | Annotated[PactChange, Tag("pact_suspended")]
    | Annotated[PactWithdrawal, Tag("pact_withdrawn")]
    | Annotated[Deployment, Tag("deployment")]
    | Annotated[Departure, Tag("departure")]
    | Annotated[Ceasefire, Tag("ceasefire")]
    | Annotated[InsurgentOffensive, Tag("insurgent_offensive")]
    | Annotated[MembershipChange, Tag("membership")]
    | Annotated[Endorsement, Tag("endorsement")]
    | Annotated[DomesticRefusal, Tag("domestic_refusal")]
    | Annotated[ThirdPartyForce, Tag("third_party_force")]
    | Annotated[Request, Tag("request")],
    Discriminator(_event_kind),
]


class Ensemble(Strict):
    """Default ensemble settings; the command line can override both."""

    replicates: StrictInt = Field(
        200,
        ge=1,
        le=1_000_000,
        description="replicates of a run (the command line's -n overrides it)",
    )
    seed: StrictInt | None = Field(
        None, ge=0, le=MAX_SEED, description="root seed; drawn and recorded if absent"
    )


class _Observation(Strict):
    """One checkable thing that happened in an episode, with where it is written down."""

    sources: list[Url] = Field(min_length=1, description="where it is reported (http or https)")
    year: StrictInt = Field(ge=1900, le=2100, description="year of the sources")


class ForceUsed(_Observation):
    """Whether force was used on a target: a war, a strike or raid, or troops lent to fight it.

    A war an actor started, joined or fought when it was waged on it (an invasion, a rising), a
    strike or a raid it made, troops it lent to fight the target. A strike short of war (a
    raid, an ambush, a bombing) is not answered by the fight the forces struck put up where and
    while they were struck (a post beating off a raid, guards returning fire): that is their
    defence; a pursuit, a sweep, an assault or a strike ordered after it is force.
    """

    value: StrictBool = Field(
        description="true if force was used against the target (after a strike short of war, "
        "an answer to it: not the defence of those struck where and while they were struck)"
    )
    against: ActorId = Field(description="the actor force was (or was not) used against")
    by: list[ActorId] = Field(
        [],
        description="who used it (an actor, or an organisation in whose name it was used); "
        "empty: anyone",
    )
    until: Date | None = Field(
        None,
        description="the last day by which force was used (an answer within weeks of a strike, "
        "not the standing counter-insurgency of later months); leave it out: any day of the run",
    )


class Entry(_Observation):
    """An actor entered a war on one side on or before a date (or, with value false, did not)."""

    actor: ActorId = Field(
        description="the actor that entered the war (or, with value false, did not)"
    )
    side: Side = Field(description="the side it entered")
    by: Date = Field(description="the last day by which it had entered")
    value: StrictBool = Field(True, description="false: it had not entered that side by that day")


class Helped(_Observation):
    """An actor helped another short of war on or before a date (or, with value false, did not).

    Help short of war is support, non-military aid or forces lent to a counter-insurgency, or
    the backing of a rebel army (France's intelligence, ammunition and airport for Chad's
    government, February 2008).
    """

    actor: ActorId = Field(description="the actor that helped (or, with value false, did not)")
    to: ActorId = Field(description="the actor it helped")
    by: Date = Field(description="the last day by which it had helped")
    value: StrictBool = Field(True, description="false: it had given no such help by that day")


class ObservedEnding(_Observation):
    """How the first war ended, in the model's words (``none``: no war was fought).

    A war, in the model's words: an invasion or a rising that seizes and holds ground (an attack
    of the default scale), an attempted coup, or the war an actor starts to answer a strike
    short of war (a state's offensive against the armed group that struck it: an operation, a
    sweep or a pursuit beyond where the strike fell). A strike short of war (a raid, an ambush,
    a bombing, a kidnapping) is no war, nor is the fight the forces struck put up where and
    while they were struck, nor a counter-insurgency already fought before the scenario's
    events; with none of these, ``none``. An answer's war ends when the answer does (the
    group driven off or out of reach, the operation declared over, the pursuit given up): the
    counter-insurgency fought after it is not that war.
    """

    value: ObservedOutcome = Field(description="how it ended")


class Conceded(_Observation):
    """Whether the target of a threat of force gave in to it (or, with value false, defied it)."""

    value: StrictBool = Field(description="true if it gave in to the threat, false if it defied it")
    target: ActorId = Field(description="the actor threatened: a state whose government decides")


class WarDays(_Observation):
    """The first war's length in days, as a band; scored as a match within a factor of two of it.

    The sources rarely agree on a day, so the backtest counts any length from ``low / 2``
    (rounded down) to ``high × 2`` (rounded up) (docs/backtest.md). The model counts a war
    still fought at the horizon to the horizon.
    """

    low: StrictInt = Field(
        ge=0, le=MAX_DAYS, description="shortest length the sources allow (at most 3650 days)"
    )
    high: StrictInt = Field(
        ge=0,
        le=MAX_DAYS,
        description="longest length the sources allow (at most 3650 days; the model counts a "
        "war still fought at the horizon to the horizon)",
    )

    @model_validator(mode="after")
    def _ordered(self) -> WarDays:
        if self.high < self.low:
            raise ValueError(
                Text("high ({high}) is below low ({low})", high=self.high, low=self.low)
            )
        return self


class Observed(Strict):
    """What happened in a historical episode, as items a replicate can be checked against.

    ``sahelsim backtest`` scores the model on each item: the share of replicates in which it
    holds, against what was observed (docs/backtest.md).
    """

    force_used: ForceUsed | Annotated[list[ForceUsed], Field(min_length=1)] | None = Field(
        None,
        description="whether force was used, against whom and by whom: one item, or a list "
        "(France struck Côte d'Ivoire, and no ECOWAS state did); the first is the headline",
    )
    entered: list[Entry] = Field([], description="who entered the war, on which side, by when")
    helped: list[Helped] = Field(
        [], description="who gave help short of war to whom, by when (entering a war is not it)"
    )
    outcome: ObservedEnding | None = Field(
        None,
        description="how the first war ended: its last end, since a truce that breaks down "
        "resumes the same war",
    )
    war_days: WarDays | None = Field(None, description="how long the first war lasted")
    conceded: Conceded | None = Field(
        None, description="whether the threatened target gave in, or defied the threat"
    )
    notes: str = Field("", description="anything the items leave out, in a paragraph")

    @property
    def force_used_items(self) -> list[ForceUsed]:
        """The ``force_used`` items as a list, the headline first (empty when none)."""
        if self.force_used is None:
            return []
        return self.force_used if isinstance(self.force_used, list) else [self.force_used]


class Scenario(Strict):
    """A scenario: a dated world, the pacts in play, events, parameters and ensemble settings."""

    title: str = Field(
        min_length=1, max_length=200, description="shown in lists, figures and reports"
    )
    title_fr: str | None = Field(
        None,
        min_length=1,
        max_length=200,
        description="the title in French, for stories and reports in French (teaching.fr.title "
        "wins where both are given)",
    )
    description: str = Field(
        "", description="one paragraph; its first sentence is listed by `sahelsim list`"
    )
    description_fr: str | None = Field(
        None,
        min_length=1,
        description="the description in French, for reports and `sahelsim list --lang fr`",
    )
    extends: str | None = Field(
        None,
        description="a bundled scenario's name or a path relative to this file, merged under this one",
    )
    sources: list[Source] = Field([], description="references the scenario rests on")
    teaching: Teaching | None = Field(None, description="notes for a class")
    start: Date = Field(description="the first simulated day, YYYY-MM-DD")
    days: StrictInt = Field(
        365, ge=1, le=MAX_DAYS, description="horizon in days (one step is one day)"
    )
    commitment: Commitment = Field(
        Commitment.BEHAVIOURAL,
        description="whether pledges are kept as written or as states behave",
    )
    actors: dict[ActorId, ActorEntry | None] = Field(
        min_length=1,
        description="the actors in play: fact-base ids with overrides, or actors defined inline "
        "(with a kind)",
    )
    pacts: dict[ActorId, PactEntry | None] = Field(
        {},
        description="pacts in play: a fact-base id (value empty or {enabled: false}) or an inline pact",
    )
    pacts_left_out: dict[ActorId, Reason] = Field(
        {},
        description="pacts of the fact base left out on purpose, each with the reason: "
        "`sahelsim validate` then does not name them as pacts that could answer the crisis (one "
        "also put in play under pacts: stays in play, and validate says so)",
    )
    events: dict[ActorId, Event] = Field(
        {}, description="dated events, keyed by a name of your choice"
    )
    parameters: Parameters = Field(
        default_factory=Parameters,
        description="the model's parameters; any left out keep their default",
    )
    ensemble: Ensemble = Field(default_factory=Ensemble, description="replicates and root seed")
    observed: Observed | None = Field(
        None,
        description="what happened, for a historical episode: scored by `sahelsim backtest`; "
        "it never changes a run",
    )

    @property
    def end(self) -> dt.date:
        """The last simulated day."""
        return self.start + dt.timedelta(days=self.days)

    @property
    def french_title(self) -> str:
        """The title in French, or "" if the scenario gives none.

        Its French teaching notes' title, else its own ``title_fr``.
        """
        notes = self.teaching.fr if self.teaching is not None else None
        return (notes.title if notes is not None else None) or self.title_fr or ""

    @property
    def notes_fr(self) -> dict[str, str]:
        """The French notes of the events, by event name (those that have one)."""
        return {name: e.note_fr for name, e in self.events.items() if e.note_fr}

    def title_in(self, lang: str) -> str:
        """The title in ``lang``: in French its French title, when it has one."""
        return (lang == "fr" and self.french_title) or self.title

    def pacts_in_play(self, facts: FactBase) -> dict[str, Pact]:
        """The enabled pacts, by id: the fact base's named, and the scenario's own inline."""
        pacts: dict[str, Pact] = {}
        for pact_id, entry in self.pacts.items():
            if isinstance(entry, InlinePact):
                if entry.enabled:
                    pacts[pact_id] = Pact.model_validate(entry.model_dump(exclude={"enabled"}))
            elif entry is None or entry.enabled:
                pacts[pact_id] = facts.pacts[pact_id]
        return pacts

    def active_events(self) -> list[tuple[str, _Event]]:
        """Enabled events in date order (ties keep the file's order)."""
        items = [(name, e) for name, e in self.events.items() if e.enabled]
        return sorted(items, key=lambda item: item[1].date)
