"""The closed vocabularies of scenario files and the fact base, as enums.

Every word a YAML file may use for a kind of thing (a casus foederis, a decision rule, an event
kind...) is a member here, with a one-line meaning that the generated format reference
(``docs/scenarios.md``) prints. Code compares enum members, never strings.
"""

from __future__ import annotations

from enum import StrEnum


class Described(StrEnum):
    """A string enum whose members carry a one-line meaning."""

    meaning: str

    def __new__(cls, value: str, meaning: str = ""):  # noqa: D102
        member = str.__new__(cls, value)
        member._value_ = value
        member.meaning = meaning
        return member


class CasusFoederis(Described):
    """What kind of event brings a clause into play."""

    AGGRESSION = "aggression", "an armed attack on a party's territory or sovereignty"
    ATTACK_ON_FORCES_ABROAD = (
        "attack_on_forces_abroad",
        "an attack on a party's forces, ships or aircraft outside its territory",
    )
    ARMED_REBELLION = "armed_rebellion", "an armed rebellion or insurgency inside a party"
    UNCONSTITUTIONAL_CHANGE = (
        "unconstitutional_change",
        "a coup or other unconstitutional change of government in a party",
    )
    AGGRESSION_BETWEEN_MEMBERS = (
        "aggression_between_members",
        "one party using force against another party",
    )


class ClauseCondition(Described):
    """A condition a clause's text adds to its casus foederis, checked when it is triggered."""

    BACKED_FROM_OUTSIDE = (
        "backed_from_outside",
        "the rebels are backed from outside: a state or power other than the victim, or a rebel "
        "army of another state, is among their declared backers or fights beside them",
    )
    BY_A_STATE = (
        "by_a_state",
        "the aggression is committed by a State: a state or an outside power is among the "
        "offenders, not rebels or armed groups alone",
    )


class Obliged(Described):
    """Who carries the obligation a clause creates."""

    OTHER_PARTIES = "other_parties", "every party except the victim"
    ALL_PARTIES = "all_parties", "every party"
    NAMED = "named", "only the states listed in obliged_states"


class Toward(Described):
    """Whom the obliged action is for, or against."""

    VICTIM = "victim", "help goes to the party attacked or overthrown"
    OFFENDER = "offender", "the measure is taken against the offender"


class PactAction(Described):
    """What an obligation asks the obliged actor to do, from least to most costly."""

    CONSULT = "consult", "consult the other parties"
    SANCTIONS = "sanctions", "suspend or sanction the offender"
    NON_MILITARY = "non_military", "diplomatic, logistic or financial help"
    SUPPORT = "support", "advisers and combat support from forces present, without entering the war"
    ARMED_ASSISTANCE = "armed_assistance", "enter the war on the victim's side"
    INTERVENE = "intervene", "use force against the offender"


class RequestedHelp(Described):
    """What a state asking for help outside any pact may ask for (a ``request`` event)."""

    ARMED_ASSISTANCE = (
        "armed_assistance",
        "enter the war on the asking state's side; with no war, send forces to its "
        "counter-insurgency, or to guard a government that has just beaten a faction",
    )
    SUPPORT = "support", "advisers and combat support from forces present, without entering the war"
    NON_MILITARY = "non_military", "diplomatic, logistic or financial help"


class Modality(Described):
    """Whether a clause obliges or permits (its deontic force, as the treaty words it)."""

    DUTY = (
        "duty",
        "the clause obliges ('shall'): the obliged owe the action, and alliance reliability "
        "(about three in four commitments honoured) applies",
    )
    PERMISSION = (
        "permission",
        "the clause permits ('may'): the deciders may take the measure, nothing is owed, and "
        "declining it costs no reputation",
    )


class DecisionRule(Described):
    """How the obligation is decided once triggered."""

    AUTOMATIC = "automatic", "the obligation is carried out without a decision"
    OBLIGED_STATE = "obliged_state", "each obliged state decides for itself"
    UNANIMITY = "unanimity", "every active member of the body must agree"
    MAJORITY = "majority", "more than half of the active members of the body must agree"
    TWO_THIRDS = "two_thirds", "two thirds of the active members of the body must agree"
    CONSENSUS = (
        "consensus",
        "the body decides as one, by consensus: one decision, as likely as its members' mean "
        "inclination",
    )
    VICTIM_REQUEST = (
        "victim_request",
        "only at the victim's written request; then each obliged state decides",
    )


class CoupForm(Described):
    """How a government became unconstitutional: what giving in would cost its rulers."""

    SEIZURE = (
        "seizure",
        "soldiers or a faction take power from the government (a military coup); giving in "
        "means accepting a transition",
    )
    RETENTION = (
        "retention",
        "the incumbent refuses to hand power to the winner of an election (the fourth form of "
        "unconstitutional change in the AU's Lomé Declaration, 2000); giving in means leaving "
        "office now",
    )


class Regime(Described):
    """Who governs a state."""

    MILITARY = "military", "soldiers hold power: a junta, or a ruler the army installed"
    TRANSITIONAL = (
        "transitional",
        "an interim government after a coup, an uprising or a collapse, led by civilians or a "
        "negotiated council and bound to hand over to an elected one",
    )
    CIVILIAN = (
        "civilian",
        "a constitutional civilian government (including elected former putschists)",
    )


class Commitment(Described):
    """How obliged actors answer their obligations in a run."""

    STRICT = "strict", "every pledge is kept as written"
    BEHAVIOURAL = (
        "behavioural",
        "each obliged actor honours, helps partially or abstains with a probability built from "
        "its resolve, affinity, capacity, insurgency pressure, expected cost and reputation",
    )


class MembershipStatus(Described):
    """A change in a state's standing in an organisation."""

    SUSPENDED = "suspended", "the state keeps membership but loses its voice and protection"
    RESTORED = "restored", "a suspension is lifted"
    WITHDRAWN = "withdrawn", "the state leaves (after any notice the organisation requires)"
    ADMITTED = "admitted", "the state joins"


class AttackScale(Described):
    """How big an attack is."""

    INVASION = "invasion", "forces cross the border: war starts between attacker and target"
    INCIDENT = (
        "incident",
        "a single strike or border clash (such as a drone shot down): a casus foederis, "
        "but no war unless someone escalates",
    )
    COUP_ATTEMPT = (
        "coup_attempt",
        "plotters of the target's own (a belligerent in it) try to seize power: a fight decided "
        "the next day, won or lost at once; if they win, it is a coup",
    )


class ActorKind(Described):
    """What kind of actor an id names (in the fact base, or defined inline by a scenario)."""

    STATE = "state", "a sovereign state of the region"
    POWER = "power", "an outside power, present through its deployments"
    ARMED_GROUP = "armed_group", "a non-state armed group (jihadist or rebel)"
    BELLIGERENT = (
        "belligerent",
        "an armed force inside a state that can be a party to a war: a rebel army, or a "
        "faction of the state's own army",
    )


class Lang(Described):
    """A language sahelsim writes in (notes, names, narrative, figures, report), named in itself."""

    EN = "en", "English"
    FR = "fr", "Français"

    @classmethod
    def asked(cls, words: list) -> Lang:
        """The language a command line's ``--lang`` asks for, English when none or unknown.

        As click reads it: the last ``--lang X`` or ``--lang=X`` before a ``--``.
        """
        asked = cls.EN.value
        for i, word in enumerate(words):
            if word == "--":
                break
            if word == "--lang" and i + 1 < len(words):
                asked = words[i + 1]
            elif isinstance(word, str) and word.startswith("--lang="):
                asked = word.partition("=")[2]
        return next((lang for lang in cls if lang.value == asked), cls.EN)


class EndorsingBody(Described):
    """A body outside a crisis whose stand on force, or whose mandated force, counts (dated data)."""

    AU_PSC = "au_psc", "the African Union's Peace and Security Council"
    UNSC = "unsc", "the United Nations Security Council"
    OAU = (
        "oau",
        "the Organisation of African Unity (the AU's forerunner, to 2002: its Central Organ, Council of Ministers or summit)",
    )


class Stance(Described):
    """A body's stand on a threatener's position."""

    ENDORSE = "endorse", "backs the threatener's demands (not necessarily force)"
    OPPOSE = "oppose", "rejects the use of force against the target"


class Side(Described):
    """A side of a war, as the model keeps them."""

    ATTACKERS = "attackers", "the attacking side (who started the war, and those who joined it)"
    DEFENDERS = "defenders", "the defending side (the state attacked, and those who joined it)"


class ObservedOutcome(Described):
    """How an episode's first war ended, in the model's words (``none``: no war was fought)."""

    ATTACKERS_WON = (
        "attackers_won",
        "the defending side broke or capitulated, or no longer held the ground where it was "
        "fought: an armed group that withdrew from where the offensive or the pursuit against "
        "it was fought (as guerrillas do before a stronger force), or was gone from the state's "
        "soil, when it ended, whether or not anyone was caught, and though the group fights on "
        "elsewhere in the state or strikes again later",
    )
    DEFENDERS_WON = (
        "defenders_won",
        "the attacking side broke, or its offensive ended with the defending side still "
        "holding the ground where it was fought (an armed group that stood its ground and held "
        "off the offensive or the pursuit where it was sought, not one that withdrew to strike "
        "again)",
    )
    MEDIATED = (
        "mediated",
        "a state fighting on neither side brokered a ceasefire, as the model decides it (a "
        "ceasefire the scenario schedules counts as ceasefire)",
    )
    CEASEFIRE = (
        "ceasefire",
        "a ceasefire the scenario schedules (kind: ceasefire), which holds: write the event only "
        "for one that held, and leave one that broke down to the model",
    )
    ONGOING = "ongoing", "still fighting at the scenario's horizon"
    NONE = (
        "none",
        "no war was fought (an offensive a state launched against an armed group that struck "
        "it, however short, is a war here: when it drove the group off, the attackers won)",
    )
