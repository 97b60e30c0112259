"""Players: people who take a role's decisions in place of the model's rule (a class at play).

A run may be given ``players``, a mapping from a role (an actor id such as ``"MLI"``, or an
organisation such as ``"ECOWAS"`` when it is the threatener) to a :data:`Decider`. At each
decision that belongs to a played role, the model first works out its own choice exactly as it
would unplayed (the same keyed draws, so no random stream is consumed differently), then asks
the decider a :class:`Question`. The decider answers with one of the question's options, or
``None`` to let the model's own rule stand (a timer ran out, or nobody holds the role that day).
A played choice is recorded with ``played: True``, so the story says who decided.

The decisions that can be played:

- an obligation decided by the obliged state alone (phase 4): honour, partial help, or abstain;
- a threatener's daily choice from its deadline on (phase 2): attack, wait, or stand down;
  a state struck by armed groups is asked on the first day even when the model polices;
- a threatened target's daily choice while the threat is open (phase 2): concede or defy;
- a member's vote when a body decides an obligation (phase 4): for or against. In a decision by
  consensus a played vote counts as a probability of 1 or 0 in the members' mean;
- the body's decision itself (phase 4), when the body is played (the ECOWAS Authority, which
  decides under the 1999 Mechanism's Art. 25): yes or no, once its members' votes are known. A
  played decision binds the members as a consensus does.

Without players nothing here is called, and a run is byte for byte what it was.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sim.model.decisions import ACTION_COST
from sim.model.records import Response
from sim.scenario.vocabulary import PactAction

if TYPE_CHECKING:
    from sim.model.model import SahelModel
    from sim.model.pacts import Obligation
    from sim.model.threats import Threat


class QuestionKind(StrEnum):
    """The decisions a player can take."""

    OBLIGATION = "obligation"  # honour, partial help or abstain (phase 4)
    ATTACK = "attack"  # the threatener: attack, wait or stand down (phase 2)
    CONCESSION = "concession"  # the threatened target: concede or defy (phase 2)
    VOTE = "vote"  # a member's vote in a body deciding an obligation (phase 4)
    DECISION = "decision"  # the body's own decision on that obligation (phase 4)
    PLEDGE = "pledge"  # a member: troops for its organisation's threat naming none (phase 1)


class Choice(StrEnum):
    """What a player may answer."""

    HONOUR = "honour"
    PARTIAL = "partial"
    ABSTAIN = "abstain"
    ATTACK = "attack"
    WAIT = "wait"
    STAND_DOWN = "stand_down"
    CONCEDE = "concede"
    DEFY = "defy"
    YES = "yes"
    NO = "no"


RESPONSE_OF: dict[Choice, Response] = {
    Choice.HONOUR: Response.HONOURED,
    Choice.PARTIAL: Response.PARTIAL,
    Choice.ABSTAIN: Response.ABSTAINED,
}
CHOICE_OF: dict[Response, Choice] = {v: k for k, v in RESPONSE_OF.items()}


@dataclass(frozen=True)
class Question:
    """A decision put to the player of ``role``.

    Attributes:
        kind: which decision.
        role: who decides (an actor id, or an organisation threatening).
        other: the other party (the victim owed help, the target, the threatener).
        day: the day of the run.
        series: what the question is about, the same every day it is asked again (one threat,
            one obligation); with ``day`` it names the question.
        options: the answers allowed.
        model_choice: what the model's own rule chooses (for the class's log; not to be shown
            to the player before answering).
        context: what the role sees when deciding (the clause, the balance, its resolve...).
        at: how many records the run held when the question was put, so where in the story
            its answer was taken (set by :func:`ask`).
    """

    kind: QuestionKind
    role: str
    other: str
    day: int
    series: str
    options: tuple[Choice, ...]
    model_choice: Choice
    context: dict[str, Any] = field(default_factory=dict)
    at: int = 0

    @property
    def key(self) -> tuple[str, int]:
        """The question's name: its series and its day."""
        return (self.series, self.day)


Decider = Callable[[Question], Choice | None]
"""Answers a question with one of its options, or ``None`` for the model's own rule."""

Players = Mapping[str, Decider]
"""Deciders by role."""


def ask(model: SahelModel, question: Question) -> Choice | None:
    """The played answer to ``question``, or ``None`` if its role is not played or lets it be.

    Raises:
        ValueError: the decider answered something the question does not allow.
    """
    decider = model.players.get(question.role)
    if decider is None:
        return None
    question = replace(question, at=len(model.records))
    choice = decider(question)
    if choice is not None and choice not in question.options:
        raise ValueError(f"{question.role}: {choice!r} is not one of {question.options}")
    return choice


def mark(choice: Choice | None) -> dict[str, bool]:
    """What a record of a decision says of who took it (nothing when the model did)."""
    return {} if choice is None else {"played": True}


def obligation_choice(
    model: SahelModel, ob: Obligation, response: Response, probability: float, terms: dict
) -> Choice | None:
    """Phase 4: the player's answer to an obligation it decides alone, if its role is played."""
    if ob.obliged not in model.players:
        return None
    armed = ACTION_COST[ob.clause.action] > ACTION_COST[PactAction.NON_MILITARY]
    options = (
        (Choice.HONOUR, Choice.PARTIAL, Choice.ABSTAIN)
        if armed
        else (Choice.HONOUR, Choice.ABSTAIN)
    )
    question = Question(
        kind=QuestionKind.OBLIGATION,
        role=ob.obliged,
        other=ob.victim,
        day=model.day,
        series=f"obligation:{ob.pact}:{ob.clause.id}:{ob.obliged}:{ob.victim}:{ob.trigger.day}",
        options=options,
        model_choice=CHOICE_OF[response],
        context={
            "pact": ob.pact,
            "pact_name": model.world.pact_names.get(ob.pact, ob.pact),
            "article": ob.clause.article,
            "action": ob.clause.action.value,
            "offenders": list(ob.offenders),
            "permitted": ob.permitted,
            **({"guard": True} if ob.trigger.guard else {}),
            "probability": round(probability, 4),
            "terms": terms,
        },
    )
    return ask(model, question)


def attack_choice(
    model: SahelModel,
    threat: Threat,
    attacks: bool,
    readiness: float,
    terms: dict,
    policed: dict[str, float] | None = None,
) -> Choice | None:
    """Phase 2: the threatener's answer today (attack, wait, stand down), if it is played.

    ``policed``: the share and the draw by which a state struck by armed groups chose policing
    over an offensive, the model's own choice then being to stand down.
    """
    if threat.by not in model.players:
        return None
    own = Choice.STAND_DOWN if policed else Choice.ATTACK if attacks else Choice.WAIT
    question = Question(
        kind=QuestionKind.ATTACK,
        role=threat.by,
        other=threat.target,
        day=model.day,
        series=f"attack:{threat.key}",
        options=(Choice.ATTACK, Choice.WAIT, Choice.STAND_DOWN),
        model_choice=own,
        context={
            **({"policed": policed} if policed else {}),
            "attackers": list(threat.fighters),
            "closes": threat.closes,
            "readiness": round(readiness, 4),
            "terms": terms,
            **({"retaliation": True} if threat.retaliation else {}),
            # raiders from abroad, swept for on its own soil: the incident's record says so
            **({"from_abroad": True} if model.records[threat.record].get("from_abroad") else {}),
        },
    )
    return ask(model, question)


def concession_choice(
    model: SahelModel,
    threat: Threat,
    chance: float,
    concedes: bool,
    terms: dict | None = None,
    partners: tuple[str, ...] = (),
) -> Choice | None:
    """Phase 2: the threatened target's answer today (concede, defy), if it is played.

    The player sees what the model's rule weighs (:func:`sim.model.intent.concedes`): the
    threatener's judgement (``terms``: its strength, the coalition it expects against it, the
    balance and its readiness, the threat's credibility), the target's resolve, and the
    ``partners`` in arms whose consent giving in needs.
    """
    if threat.target not in model.players:
        return None
    state = model.state(threat.target)
    question = Question(
        kind=QuestionKind.CONCESSION,
        role=threat.target,
        other=threat.by,
        day=model.day,
        series=f"concession:{threat.key}",
        options=(Choice.CONCEDE, Choice.DEFY),
        model_choice=Choice.CONCEDE if concedes else Choice.DEFY,
        context={
            "deadline": threat.deadline,
            "attackers": list(threat.fighters),
            "chance": round(chance, 4),
            "terms": dict(terms or {}),
            **({"resolve": state.spec.resolve} if state is not None else {}),
            **({"partners": list(partners)} if partners else {}),
        },
    )
    return ask(model, question)


def pledge_choice(
    model: SahelModel, key: str, member: str, body: str, target: str, deadline: int, pledges: bool
) -> Choice | None:
    """Phase 1: whether a member pledges troops to its organisation's threat, if it is played."""
    if member not in model.players:
        return None
    question = Question(
        kind=QuestionKind.PLEDGE,
        role=member,
        other=target,
        day=model.day,
        series=f"pledge:{key}:{member}",
        options=(Choice.YES, Choice.NO),
        model_choice=Choice.YES if pledges else Choice.NO,
        context={"body": body, "deadline": deadline},
    )
    return ask(model, question)


def vote_choice(
    model: SahelModel, ob: Obligation, voter: str, votes: bool, probability: float
) -> Choice | None:
    """Phase 4: a member's vote in a body's decision, if the member is played."""
    if voter not in model.players:
        return None
    question = Question(
        kind=QuestionKind.VOTE,
        role=voter,
        other=ob.victim,
        day=model.day,
        series=f"vote:{ob.pact}:{ob.clause.id}:{voter}:{ob.victim}:{ob.trigger.day}",
        options=(Choice.YES, Choice.NO),
        model_choice=Choice.YES if votes else Choice.NO,
        context={**_body_context(model, ob), "probability": round(probability, 4)},
    )
    return ask(model, question)


def _body_context(model: SahelModel, ob: Obligation) -> dict[str, Any]:
    """What a member voting, or the body deciding, sees of the obligation put to the body."""
    return {
        "body": ob.clause.body or ob.obliged,
        "pact": ob.pact,
        "pact_name": model.world.pact_names.get(ob.pact, ob.pact),
        "article": ob.clause.article,
        "action": ob.clause.action.value,
        "decision": ob.clause.decision.value,
        "offenders": list(ob.offenders),
    }


def body_choice(
    model: SahelModel,
    ob: Obligation,
    passed: bool,
    yes: list[str],
    voters: list[str],
    probability: float | None,
) -> Choice | None:
    """Phase 4: the body's decision, once its members have voted, if the body is played.

    The player sees the tally (or the members' mean inclination, in a decision by consensus),
    not what the model's rule made of it.
    """
    body = ob.clause.body or ob.obliged
    if body not in model.players:
        return None
    question = Question(
        kind=QuestionKind.DECISION,
        role=body,
        other=ob.victim,
        day=model.day,
        series=f"decision:{ob.pact}:{ob.clause.id}:{body}:{ob.victim}:{ob.trigger.day}",
        options=(Choice.YES, Choice.NO),
        model_choice=Choice.YES if passed else Choice.NO,
        context={
            **_body_context(model, ob),
            "yes": list(yes),
            "voters": list(voters),
            **({"probability": round(probability, 4)} if probability is not None else {}),
        },
    )
    return ask(model, question)
