"""Every column of a replicate's summary, declared once: what it holds, its words, when it applies.

Each :class:`Outcome` gives a column's kind (which fixes its unit and how an ensemble estimates
it), how the project names it in English and in French, what one replicate's value means, and
what a scenario needs for the column to say anything about it. The summary's CSV header, the
estimates, the comparison and sensitivity sentences, the sweep, the precision rule, the
terminal tables, the HTML report, the figures and the browser app all take their words from
here; each place supplies only its own template around them ("the chance that {phrase}",
"share of replicates in which {meaning}").

``python -m sim.model.outcome_registry`` prints the table of ``docs/model.md`` §11.3; a test
fails while the committed table differs from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, StrEnum

from sim.model.records import WarOutcome
from sim.model.world import World
from sim.scenario.schema import Attack, MembershipChange, Request, Sanctions, Threat
from sim.scenario.vocabulary import AttackScale, PactAction


class Estimator(StrEnum):
    """How an ensemble summarises a column over its replicates."""

    PROPORTION = "proportion"  # share of replicates where it holds, with Wilson's interval
    MEAN = "mean"  # mean over replicates, with Student's t interval
    NONE = "none"  # a word: counted, never averaged


@dataclass(frozen=True)
class Unit:
    """A unit as each language writes it (empty for pure numbers and yes/no)."""

    en: str
    fr: str


class OutcomeKind(Enum):
    """What a column holds. The kind fixes the unit and the estimator, so neither is restated."""

    YES_NO = "yes/no", Estimator.PROPORTION, Unit("", "")
    COUNT = "count", Estimator.MEAN, Unit("", "")
    DAY = "day", Estimator.MEAN, Unit("day", "jour")  # a day of the run, counted from 0
    DAYS = "days", Estimator.MEAN, Unit("days", "jours")
    PERSONNEL = "personnel", Estimator.MEAN, Unit("personnel", "personnel")
    # A fraction: a share of something, or a relative change (0.25 is a quarter, or +25 %).
    SHARE = "fraction", Estimator.MEAN, Unit("share", "part")
    WORD = "word", Estimator.NONE, Unit("", "")

    def __init__(self, text: str, estimator: Estimator, unit: Unit):
        self.text = text
        self.estimator = estimator
        self.unit = unit


@dataclass(frozen=True)
class Words:
    """How one language names an outcome.

    Each text starts in lower case unless it starts with a proper noun, so that a template can
    embed it mid-sentence; :func:`capitalised` makes a heading of it.

    Attributes:
        phrase: the outcome in a few words; a present-tense clause for a yes/no outcome ("a war
            is fought", so that "the chance that {phrase}" reads), a noun phrase otherwise
            ("war duration"). Capitalised, it is the outcome's label.
        subject: the outcome as the subject of a sentence saying what it depends on ("whether
            a war is fought", "how long the first war lasts").
        meaning: what one replicate's value says: a clause for a yes/no outcome ("at least one
            war was fought"), a noun phrase otherwise ("days the first war lasted").
    """

    phrase: str
    subject: str
    meaning: str


def capitalised(text: str) -> str:
    """``text`` with its first letter in upper case (the rest as written: "ECOWAS" stays)."""
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------------- when an outcome applies


def _threat_can_arise(world: World) -> bool:
    # Threats come from scheduled threats, from incidents (the victim may retaliate, §7.11) and
    # from clauses whose action is to intervene (§7.4); an attack is decided only on a threat.
    events = [e for _, e in world.scenario.active_events()]
    return (
        any(isinstance(e, Threat) for e in events)
        or any(isinstance(e, Attack) and e.scale is AttackScale.INCIDENT for e in events)
        or any(
            clause.action is PactAction.INTERVENE
            for pact in world.pacts.values()
            for clause in pact.clauses
        )
    )


def _organisation_in_play(world: World, organisation: str) -> bool:
    # The summary counts an organisation's members in good standing on the first or the last
    # day (``run_one``), and a war started in the organisation's own name. Generous on purpose:
    # an event that names it (a membership event can admit a state; a threat or an attack may
    # be made in its name), or a pact it is party to or votes under, is enough.
    scenario = world.scenario
    org = world.organisations.get(organisation)
    if org is not None and set(world.actors) & {
        *org.active_members(scenario.start),
        *org.active_members(scenario.end),
    }:
        return True
    for pact in world.pacts.values():  # it may act in its own name under its pacts or votes
        if pact.parties.organisation == organisation or any(
            clause.body == organisation for clause in pact.clauses
        ):
            return True
    for _, event in scenario.active_events():
        if isinstance(event, Threat | Attack) and organisation in (
            event.by,
            event.target,
            *event.contributors,
        ):
            return True
        if isinstance(event, Sanctions) and organisation in (event.by, event.target):
            return True
        if isinstance(event, MembershipChange) and event.organisation == organisation:
            return True
    return False


class Requires(Enum):
    """What a scenario needs for an outcome to say anything about it.

    When the need is not met, the column holds its empty value (false, 0, -1 or ``none``) in
    every replicate, by construction. The checks are generous: when in doubt an outcome
    applies, so that nothing that could happen is ever hidden.
    """

    NOTHING = "every scenario"
    THREAT = (
        "a threat can arise: a scheduled threat, an incident (its victim may retaliate) or a "
        "clause whose action is to intervene"
    )
    ECOWAS = (
        "ECOWAS is in play: one of the actors is a member in good standing on the first or the "
        "last day, a pact of the run is its own or puts decisions to it, or an event names it"
    )
    AES = (
        "the AES is in play: one of the actors is a member in good standing on the first or the "
        "last day, a pact of the run is its own or puts decisions to it, or an event names it"
    )
    PACT = "at least one pact is in play"
    REQUEST = "a state asks others for help outside any treaty (a request event)"
    COUP_ATTEMPT = "an attempted coup is scheduled (an attack of scale coup_attempt)"
    ARMED_GROUP = "an armed group is among the actors"

    def holds(self, world: World) -> bool:
        """Whether ``world`` meets this need."""
        return _CHECKS[self](world)


_CHECKS: dict[Requires, Callable[[World], bool]] = {
    Requires.NOTHING: lambda world: True,
    Requires.THREAT: _threat_can_arise,
    Requires.ECOWAS: lambda world: _organisation_in_play(world, "ECOWAS"),
    Requires.AES: lambda world: _organisation_in_play(world, "AES"),
    Requires.PACT: lambda world: bool(world.pacts),
    Requires.REQUEST: lambda world: any(
        isinstance(e, Request) for _, e in world.scenario.active_events()
    ),
    Requires.ARMED_GROUP: lambda world: bool(world.ids("armed_group")),
    Requires.COUP_ATTEMPT: lambda world: any(
        isinstance(e, Attack) and e.scale is AttackScale.COUP_ATTEMPT
        for _, e in world.scenario.active_events()
    ),
}


# ---------------------------------------------------------------------- the registry


@dataclass(frozen=True)
class Outcome:
    """One summary column: what it holds, how each language names it, and when it applies."""

    column: str
    kind: OutcomeKind
    en: Words
    fr: Words
    requires: Requires = Requires.NOTHING

    @property
    def estimator(self) -> Estimator:
        """How an ensemble summarises this column."""
        return self.kind.estimator

    def words(self, lang: str = "en") -> Words:
        """The outcome's words in ``lang`` ("en" or "fr")."""
        return {"en": self.en, "fr": self.fr}[lang]

    def label(self, lang: str = "en") -> str:
        """The outcome's heading in table rows, figure ticks and column headers."""
        return capitalised(self.words(lang).phrase)

    def unit(self, lang: str = "en") -> str:
        """The unit of the column's values in ``lang`` (empty for yes/no and counts)."""
        return {"en": self.kind.unit.en, "fr": self.kind.unit.fr}[lang]

    def applies_to(self, world: World) -> bool:
        """Whether this outcome can be anything but its empty value in ``world``."""
        return self.requires.holds(world)


_WAR_ENDINGS = ", ".join([*WarOutcome, "none"])

OUTCOMES: dict[str, Outcome] = {
    o.column: o
    for o in (
        Outcome(
            "threat_carried_out",
            OutcomeKind.YES_NO,
            Words(
                "a threat is carried out",
                "whether a threat is carried out",
                "a threatened attack, or a retaliation for an incident, was carried out, by decision "
                "or as scheduled",
            ),
            Words(
                "une menace est mise à exécution",
                "qu'une menace soit mise à exécution ou non",
                "une attaque annoncée par une menace, ou des représailles après un incident, a eu "
                "lieu, sur décision ou comme prévu",
            ),
            Requires.THREAT,
        ),
        Outcome(
            "attack_day",
            OutcomeKind.DAY,
            Words(
                "day the first war starts",
                "the day the first war starts",
                "day of the first war's start, counted from the scenario's start (-1: none)",
            ),
            Words(
                "jour où commence la première guerre",
                "le jour où commence la première guerre",
                "jour où commence la première guerre, compté depuis le début du scénario "
                "(-1 : aucune)",
            ),
        ),
        Outcome(
            "ecowas_attacked",
            OutcomeKind.YES_NO,
            Words(
                "ECOWAS attacks",
                "whether ECOWAS attacks",
                "ECOWAS, or states acting for it, started a war",
            ),
            Words(
                "la CEDEAO attaque",
                "que la CEDEAO attaque ou non",
                "la CEDEAO, ou des États agissant pour elle, a déclenché une guerre",
            ),
            Requires.ECOWAS,
        ),
        Outcome(
            "aes_entered",
            OutcomeKind.YES_NO,
            Words(
                "AES members enter a war",
                "whether AES members enter a war",
                "an AES member entered a war to help another state",
            ),
            Words(
                "des membres de l'AES entrent en guerre",
                "que des membres de l'AES entrent en guerre ou non",
                "un membre de l'AES est entré en guerre pour aider un autre État",
            ),
            Requires.AES,
        ),
        Outcome(
            "aes_members_entered",
            OutcomeKind.COUNT,
            Words(
                "AES members entering a war",
                "how many AES members enter a war",
                "number of AES members that entered a war to help another state",
            ),
            Words(
                "membres de l'AES entrés en guerre",
                "le nombre de membres de l'AES qui entrent en guerre",
                "nombre de membres de l'AES entrés en guerre pour aider un autre État",
            ),
            Requires.AES,
        ),
        Outcome(
            "request_granted",
            OutcomeKind.YES_NO,
            Words(
                "a request for help is granted",
                "whether a request for help is granted",
                "a state or power asked for help outside any treaty gave the help asked",
            ),
            Words(
                "une demande d'aide est accordée",
                "qu'une demande d'aide soit accordée ou non",
                "un État ou une puissance sollicités hors de tout traité a apporté l'aide demandée",
            ),
            Requires.REQUEST,
        ),
        Outcome(
            "coup_succeeded",
            OutcomeKind.YES_NO,
            Words(
                "an attempted coup succeeds",
                "whether an attempted coup succeeds",
                "the plotters of an attempted coup took power (docs/model.md §7.8)",
            ),
            Words(
                "une tentative de coup d'État réussit",
                "qu'une tentative de coup d'État réussisse ou non",
                "les auteurs d'une tentative de coup d'État ont pris le pouvoir",
            ),
            Requires.COUP_ATTEMPT,
        ),
        Outcome(
            "war_occurred",
            OutcomeKind.YES_NO,
            Words("a war is fought", "whether a war is fought", "at least one war was fought"),
            Words(
                "une guerre a lieu",
                "qu'une guerre ait lieu ou non",
                "au moins une guerre a eu lieu",
            ),
        ),
        Outcome(
            "wars",
            OutcomeKind.COUNT,
            Words("wars fought", "how many wars are fought", "number of wars fought"),
            Words("guerres menées", "le nombre de guerres menées", "nombre de guerres menées"),
        ),
        Outcome(
            "max_belligerents",
            OutcomeKind.COUNT,
            Words(
                "most belligerents on one day",
                "the largest number of belligerents on one day",
                "largest number of belligerents on any day",
            ),
            Words(
                "plus grand nombre de belligérants en un jour",
                "le plus grand nombre de belligérants en un jour",
                "plus grand nombre de belligérants sur un même jour",
            ),
        ),
        Outcome(
            "war_days",
            OutcomeKind.DAYS,
            Words(
                "war duration",
                "how long the first war lasts",
                "days the first war lasted, to its last end or to the horizon, truces that broke "
                "down included (0 when none)",
            ),
            Words(
                "durée de la guerre",
                "la durée de la première guerre",
                "durée de la première guerre en jours, jusqu'à sa dernière fin ou à l'horizon, "
                "trêves rompues comprises (0 sans guerre)",
            ),
        ),
        Outcome(
            "first_war_outcome",
            OutcomeKind.WORD,
            Words(
                "how the first war ends",
                "how the first war ends",
                f"how the first war ended: {_WAR_ENDINGS} (a war fought again after a truce "
                "broke down ends as it last ended)",
            ),
            Words(
                "issue de la première guerre",
                "l'issue de la première guerre",
                f"comment la première guerre s'est terminée : {_WAR_ENDINGS} (une guerre reprise "
                "après la rupture d'une trêve finit comme elle a fini en dernier)",
            ),
        ),
        Outcome(
            "casualties",
            OutcomeKind.PERSONNEL,
            Words(
                "military casualties",
                "the number of military casualties",
                "military casualties of all actors, in personnel",
            ),
            Words(
                "pertes militaires",
                "le nombre de pertes militaires",
                "pertes militaires de tous les acteurs, en personnel",
            ),
        ),
        Outcome(
            "obligations_triggered",
            OutcomeKind.COUNT,
            Words(
                "obligations triggered",
                "the number of obligations triggered",
                "duties created by clauses brought into play (a measure a clause only permits, "
                "such as the 1999 Mechanism's Art. 25, is not counted)",
            ),
            Words(
                "obligations déclenchées",
                "le nombre d'obligations déclenchées",
                "devoirs créés par les clauses mises en jeu (une mesure qu'une clause permet "
                "seulement, comme l'art. 25 du Mécanisme de 1999, n'est pas comptée)",
            ),
            Requires.PACT,
        ),
        Outcome(
            "obligations_honoured",
            OutcomeKind.COUNT,
            Words(
                "obligations honoured",
                "the number of obligations honoured",
                "obligations honoured as the clause asks",
            ),
            Words(
                "obligations honorées",
                "le nombre d'obligations honorées",
                "obligations honorées comme la clause le demande",
            ),
            Requires.PACT,
        ),
        Outcome(
            "obligations_partial",
            OutcomeKind.COUNT,
            Words(
                "obligations partly answered",
                "the number of obligations partly answered",
                "obligations answered with non-military help only",
            ),
            Words(
                "obligations honorées en partie",
                "le nombre d'obligations honorées en partie",
                "obligations honorées par une aide non militaire seulement",
            ),
            Requires.PACT,
        ),
        Outcome(
            "obligations_abstained",
            OutcomeKind.COUNT,
            Words(
                "obligations not answered",
                "the number of obligations not answered",
                "obligations not answered (including failed votes)",
            ),
            Words(
                "obligations restées sans réponse",
                "le nombre d'obligations restées sans réponse",
                "obligations restées sans réponse (votes échoués compris)",
            ),
            Requires.PACT,
        ),
        Outcome(
            "rebellion",
            OutcomeKind.YES_NO,
            Words(
                "an armed rebellion is declared",
                "whether an armed rebellion is declared",
                "an armed rebellion was declared in some state",
            ),
            Words(
                "une rébellion armée est déclarée",
                "qu'une rébellion armée soit déclarée ou non",
                "une rébellion armée a été déclarée dans un État",
            ),
            Requires.ARMED_GROUP,
        ),
        Outcome(
            "insurgent_strength_change",
            OutcomeKind.SHARE,
            Words(
                "insurgent growth",
                "the growth of armed groups",
                "relative change in armed groups' total strength from start to horizon",
            ),
            Words(
                "croissance des groupes armés",
                "la croissance des groupes armés",
                "variation relative de l'effectif total des groupes armés, du début à l'horizon",
            ),
            Requires.ARMED_GROUP,
        ),
        Outcome(
            "counterinsurgency_lost",
            OutcomeKind.SHARE,
            Words(
                "counter-insurgency lost",
                "the share of counter-insurgency lost to wars and departures",
                "share of counter-insurgency effort lost to wars and to partners' forces "
                "leaving, averaged over days and states",
            ),
            Words(
                "contre-insurrection perdue",
                "la part de contre-insurrection perdue du fait des guerres et des départs",
                "part de l'effort de contre-insurrection perdue du fait des guerres et du départ des "
                "forces partenaires, en moyenne sur les jours et les États",
            ),
        ),
    )
}
"""Every summary column by name, in the order of the summary's CSV header."""

KEY_OUTCOMES: tuple[Outcome, ...] = tuple(
    OUTCOMES[c]
    for c in (
        "ecowas_attacked",
        "threat_carried_out",
        "aes_entered",
        "request_granted",
        "coup_succeeded",
        "war_occurred",
        "war_days",
        "casualties",
        "insurgent_strength_change",
        "counterinsurgency_lost",
    )
)
"""The outcomes that run summaries, reports, comparisons and the precision rule report, in the
order they show them: the questions the model is for first (does ECOWAS attack, is the threat
carried out, does the AES come in, is a request for help granted, does an attempted coup
succeed, is there a war), then its costs."""


def applicable(world: World) -> tuple[Outcome, ...]:
    """The outcomes that can say something about ``world``, in the summary's order."""
    return tuple(o for o in OUTCOMES.values() if o.applies_to(world))


def markdown_table() -> str:
    """The table of summary columns in ``docs/model.md`` §11.3, generated from the registry."""
    lines = [
        "| Column | Kind | Label (English / French) | Meaning | Applies when |",
        "|---|---|---|---|---|",
    ]
    for o in OUTCOMES.values():
        lines.append(
            f"| `{o.column}` | {o.kind.text} | {o.label('en')} / {o.label('fr')} | "
            f"{o.en.meaning} | {o.requires.value} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
