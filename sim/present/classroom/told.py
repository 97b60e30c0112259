"""The story of a class's world: the narrative, with the players' choices no record tells.

A player's choice is a record of the run when it changes what the model does (an attack, a
concession, an obligation honoured, a vote): the narrative tells it, "Mali's player honoured...".
A week's defiance of a threat, or a week's wait before carrying one out, changes nothing the
model records, and the story left it out: the Niger player's choices were missing from
``sahelsim explain --class-run``, from the projector's story and from the phones'. Each such
choice is told here where it was taken, after the records its question came after
(:attr:`sim.model.players.Question.at`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sim.model.players import Choice, QuestionKind
from sim.model.records import Record, RunRecord
from sim.present import i18n
from sim.present.classroom.runfile import ClassRun
from sim.present.classroom.worlds import Answer
from sim.present.narrative import Paragraph, narrative
from sim.run.replicate import run_one
from sim.scenario.schema import Scenario

PLAYER = "player"
"""An answer a player gave (``Answer.by``); the timer's are the model's own rule."""


def unrecorded(answer: Answer, records: Sequence[Record]) -> bool:
    """Whether no record tells ``answer``: none after its question, that day, names its player.

    A record of a played decision is marked ``played`` (its actor's player), or lists the
    members whose player cast it (a body's vote, the troops pledged to a threat).
    """
    q = answer.question
    for record in records[q.at :]:
        if record.day != q.day:
            break
        played = record.get("played")
        if (played is True and record.actor == q.role) or (
            isinstance(played, list) and q.role in played
        ):
            return False
    return True


def choice_text(answer: Answer, lang: str) -> str | None:
    """A choice that left no record, as the story tells it (``None`` for any other)."""
    q = answer.question
    if q.kind is QuestionKind.CONCESSION and answer.choice is Choice.DEFY:
        key = "played.defied"
    elif q.kind is QuestionKind.ATTACK and answer.choice is Choice.WAIT:
        key = "played.waited.retaliation" if q.context.get("retaliation") else "played.waited"
    else:
        return None
    owner = i18n.actor_forms("owner", q.role, lang)
    return i18n.t(
        key,
        lang,
        Owner=i18n.capitalise(owner["owner_poss"]),
        owner_de=owner["owner_de"],
        **i18n.actor_forms("other", q.other, lang),
    )


def woven(
    records: Sequence[Record],
    told: Sequence[Paragraph],
    answers: Sequence[Answer],
    start: dt.date,
    lang: str,
) -> list[tuple[Paragraph, Record | None]]:
    """The paragraphs ``told`` of ``records`` (one each), and the players' unrecorded choices.

    Each such choice of ``answers`` stands before the first record logged after its question
    (its day's earlier events before it, the decisions it let through after), paired with
    ``None``.
    """
    choices: dict[int, list[Paragraph]] = {}
    for answer in answers:
        if answer.by != PLAYER or not unrecorded(answer, records):
            continue
        text = choice_text(answer, lang)
        if text is not None:
            day = answer.question.day
            paragraph = Paragraph(day, start + dt.timedelta(days=day), None, text)
            choices.setdefault(answer.question.at, []).append(paragraph)
    pairs: list[tuple[Paragraph, Record | None]] = []
    for index, (paragraph, record) in enumerate(zip(told, records, strict=True)):
        pairs += [(p, None) for p in choices.pop(index, [])]
        pairs.append((paragraph, record))
    for index in sorted(choices):  # taken after the last record told
        pairs += [(p, None) for p in choices[index]]
    return pairs


class _Given:
    """The decider of a saved class run told again: its answers, noting those players gave."""

    def __init__(self, played: ClassRun):
        self.played = played
        self.given = played.given()
        self.answers: list[Answer] = []

    def __call__(self, question):
        choice = self.played.decide(question)
        if choice is not None and question.key in self.given:
            self.answers.append(Answer(question, choice, PLAYER))
        return choice


def told_again(played: ClassRun, scenario: Scenario) -> tuple[RunRecord, list[Answer]]:
    """A saved class run run again (``scenario`` drawn for its seed) and its players' answers."""
    given = _Given(played)
    run = run_one(scenario, played.seed, players=dict.fromkeys(played.players(), given))
    return run, given.answers


def class_story(run: RunRecord, answers: Sequence[Answer], lang: str) -> str:
    """A class's run as ``sahelsim explain`` tells one, its players' every choice included."""
    paragraphs = narrative(run, lang)
    middle = woven(run.records, paragraphs[1:-1], answers, run.start, lang)
    lines = [paragraphs[0], *(p for p, _ in middle), paragraphs[-1]]
    return "\n".join(f"{i18n.date_text(p.date, lang)} — {p.text}" for p in lines)
