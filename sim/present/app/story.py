"""The story as the classroom page tells it: plain words first, the numbers on request.

The narrative (:mod:`sim.present.narrative`, shared with ``sahelsim explain``) gives each
decision its probability, its draw and its largest log-odds terms. On a projector the class
first needs the reason in words ("What weighed most in Mali's choice: resolve, in favour"); the
figures stay one click away, behind a "details" toggle.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from sim.model.records import RecordKind
from sim.present import i18n
from sim.present.app.live import LiveRun
from sim.present.app.words import ui
from sim.present.catalogue import MESSAGES
from sim.present.narrative import response_kind

TECHNICAL = (
    # A threatener's balance of forces runs to ten lines in the story's column at 1280 pixels:
    # the newest paragraph's opening ("The deadline ECOWAS had set ... passed") scrolled out.
    "attack_decided.balance",
    "response.draw",
    "response.draw.permission",
    "response.draw.request",
    "attack_decided.chance",
    "attack_decided.deadline",
    "deadline_passed.chance",
)
"""The narrative's messages that carry the figures of a decision (a threatener's balance of
forces, a draw): from the first of them on, a paragraph is details."""
LOG_ODDS = " (log-odds)"


@dataclass(frozen=True)
class StoryLine:
    """One paragraph of the page's story.

    Attributes:
        date: the day it tells.
        text: what happened, in words.
        reason: what weighed most in the decision, in words ("" if none).
        details: the probability, the draw and the terms behind it ("" if none).
    """

    date: dt.date
    text: str
    reason: str
    details: str


def story_lines(run: LiveRun, lang: str) -> list[StoryLine]:
    """The story of ``run`` so far, each paragraph split into words and details."""
    paragraphs, records = run.told(lang)
    lines = []
    for i, paragraph in enumerate(paragraphs):
        record = records[i - 1] if 1 <= i <= len(records) else None
        text, details = split_details(paragraph.text, lang)
        reason = plain_reason(record, lang) if record is not None and details else ""
        lines.append(StoryLine(paragraph.date, text, reason, details))
    return lines


def split_details(text: str, lang: str) -> tuple[str, str]:
    """``text`` cut where the figures of a draw begin: (the words, the figures)."""
    for msg_id in TECHNICAL:
        found = _opening(msg_id, lang).search(text)
        if found is not None and found.start() > 0:
            return text[: found.start()].rstrip(), text[found.start() :]
    return text, ""


@functools.cache
def _opening(msg_id: str, lang: str) -> re.Pattern:
    """How message ``msg_id`` opens: its first three literal parts, each value between them short.

    Its first words alone are not enough: the French balance of forces opens "Force ", as the
    ECOWAS Standby Force and the G5 Sahel's Joint Force do in titles and notes.
    """
    parts = re.split(r"\{[^}]*\}", MESSAGES[msg_id][lang])[:3]
    return re.compile(r"[^«»\n]{0,80}?".join(re.escape(part) for part in parts))


def plain_reason(record, lang: str) -> str:
    """What weighed most in an obliged state's decision, in words; "" if nothing is known."""
    if record.kind is not RecordKind.RESPONSE:
        return ""
    terms = {
        name.removesuffix(LOG_ODDS): value
        for name, value in (record.get("terms") or {}).items()
        if name.endswith(LOG_ODDS) and name != "base rate" + LOG_ODDS and value
    }
    if not terms:
        return ""
    name, value = max(sorted(terms.items()), key=lambda item: abs(item[1]))
    term = i18n.t(f"term.{name}", lang) if i18n.has_message(f"term.{name}") else name
    phrase = i18n.actor_phrase(record.actor, lang)
    whose = i18n.french_de(phrase) if lang == "fr" else i18n.possessive(phrase)
    kind = response_kind(record)  # a request or a permission is not an obligation: say so
    direction = ui(("in_favour" if value > 0 else "against") + kind, lang)
    # The largest term is not the whole judgement: when the choice went the other way, say so.
    response = record.get("response")
    anyway = (
        ui("abstained_anyway" + kind, lang)
        if value > 0 and response == "abstained"
        else ui("honoured_anyway" + kind, lang)
        if value < 0 and response == "honoured"
        else ""
    )
    return ui("reason", lang).format(whose=whose, term=term, direction=direction, anyway=anyway)
