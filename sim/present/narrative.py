"""The story of one replicate, told from its records, in English or French.

``narrative(run, lang)`` turns a :class:`~sim.model.records.RunRecord` into dated
paragraphs: an opening, one paragraph per record (who threatened, decided, was obliged,
honoured or abstained and why, entered which war under which article, how each war ended) and
a closing paragraph from the run's summary. It reads the records, the summary and the fact
base's names, never the model, so a saved run tells the same story. Every word comes from
:mod:`sim.present.catalogue`; the text is deterministic.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from sim.analysis.wars import truce_days
from sim.model.pacts import requested
from sim.model.records import (
    COUP_ATTEMPT_REASON,
    OFFENSIVE_OVER,
    Record,
    RecordKind,
    RunRecord,
    WarOutcome,
)
from sim.present import i18n
from sim.present.catalogue import FR_UNKNOWN_PACT, PACT_ARTICLES
from sim.present.i18n import Lang, as_lang
from sim.scenario.facts import fact_base
from sim.scenario.loading import fights_with_fighters, inline_pact_name_fr, is_armed_group
from sim.scenario.parameters import PARAMETERS
from sim.scenario.vocabulary import CoupForm

ARTICLE = re.compile(r"^(Arts?)\.\s*(.+)$")  # "Art. 6", "Arts. 2-3"; other citations name the pact
TOP_TERMS = 3  # decision terms quoted for a behavioural response
LOG_ODDS = " (log-odds)"
SMALLEST_SHARE = 0.0001  # 0.01 %, the smallest share the story writes (two decimals)
BASE_RATE = "base rate"  # the same for every actor deciding the same kind of measure


@dataclass(frozen=True)
class Paragraph:
    """One dated paragraph of the narrative.

    Attributes:
        day: days since the scenario's start.
        date: the calendar date.
        kind: the record the paragraph tells, or None for the opening and closing paragraphs.
        text: the paragraph, without its date.
    """

    day: int
    date: dt.date
    kind: RecordKind | None
    text: str


def narrative(run: RunRecord, lang: str | Lang = "en") -> list[Paragraph]:
    """The dated paragraphs telling ``run``, in ``lang`` ("en" or "fr").

    Raises:
        ValueError: ``lang`` is not a language of the catalogue.
    """
    ctx = _Context.of(run, as_lang(lang))
    # States are named as they were on each paragraph's day (Upper Volta until August 1984).
    with i18n.names_as_of(run.start):
        paragraphs = [Paragraph(0, run.start, None, _opening(ctx, run))]
    for record in run.records:
        with i18n.names_as_of(ctx.date(record.day)):
            text = _RENDERERS.get(record.kind, _other)(ctx, record)
        if record.get("note"):
            text += " " + _note(ctx, run, record)
        paragraphs.append(Paragraph(record.day, ctx.date(record.day), record.kind, text))
    with i18n.names_as_of(ctx.date(run.days)):
        closing = _closing(ctx, run)
    paragraphs.append(Paragraph(run.days, ctx.date(run.days), None, closing))
    return paragraphs


def _note(ctx: _Context, run: RunRecord, record: Record) -> str:
    """The scenario's note on the event behind ``record``: in French its French note, if any."""
    french = ctx.lang is Lang.FR and getattr(run, "notes_fr", {}).get(record.get("event") or "")
    return ctx.t("note_fr", note=french) if french else ctx.t("note", note=record.get("note"))


def cite(pact_id: str, article: str | None, lang: str | Lang, pact_name: str = "") -> str:
    """An article of a pact as the story cites it: "Art. 6 of the Liptako-Gourma Charter".

    ``pact_name`` is the English name a record gives (for a pact a scenario defines inline).
    """
    names = {pact_id: pact_name} if pact_name else {}
    return _Context(as_lang(lang), dt.date.min, [], names).citation(pact_id, article)


def war_length(days: int, truce: int, lang: str | Lang) -> str:
    """A war's length in days, and the days of it under a truce that broke down, if any.

    A war's length runs from its first day to its end, truces included: "the war lasted 297
    days" would hide that 268 of them were truce.
    """
    if not truce:
        return i18n.days(days, lang)
    return i18n.t(
        "war.length.truce", lang, days=i18n.days(days, lang), truce=i18n.number(truce, lang)
    )


def render_text(run: RunRecord, lang: str | Lang = "en") -> str:
    """The narrative as plain text: one line per paragraph, each starting with its date."""
    language = as_lang(lang)
    return "\n".join(
        f"{i18n.date_text(p.date, language)} — {p.text}" for p in narrative(run, language)
    )


# ---------------------------------------------------------------------- context


@dataclass(frozen=True)
class _Context:
    """What every renderer needs: the language, the start date and the run's records."""

    lang: Lang
    start: dt.date
    records: list[Record]
    pact_names: dict[str, str]  # English names, as the records give them

    @classmethod
    def of(cls, run: RunRecord, lang: Lang) -> _Context:
        names = {
            r.get("pact"): r.get("pact_name")
            for r in run.records
            if r.get("pact") and r.get("pact_name")
        }
        return cls(lang, run.start, run.records, names)

    def t(self, msg_id: str, **values: object) -> str:
        return i18n.t(msg_id, self.lang, **values)

    def pick(self, msg_id: str, fallback: str, **values: object) -> str:
        """``msg_id`` if the catalogue has it (a value the model may extend), else ``fallback``."""
        return self.t(msg_id if i18n.has_message(msg_id) else fallback, **values)

    def date(self, day: int) -> dt.date:
        return self.start + dt.timedelta(days=day)

    def day_text(self, day: int) -> str:
        return i18n.date_text(self.date(day), self.lang)

    def iso_text(self, iso: str | None) -> str:
        return i18n.date_text(dt.date.fromisoformat(iso), self.lang) if iso else ""

    def days(self, n: int) -> str:
        return i18n.days(n, self.lang)

    def war_length(self, days: int, truce: int) -> str:
        """A war's length, saying how many of its days were truce: "297 days (268 of them...)"."""
        return war_length(days, truce, self.lang)

    def number(self, value: float) -> str:
        return i18n.number(value, self.lang)

    def counted(self, value: float, noun: str) -> str:
        """A count with the catalogue's ``noun`` agreeing: "1 soldier", "2,000 troops"."""
        return i18n.counted(value, noun, self.lang)

    def decimal(self, value: float, digits: int = 2, *, signed: bool = False) -> str:
        return i18n.decimal(value, self.lang, digits, signed=signed)

    def actors(self, key: str, ids: str | list[str]) -> dict[str, str]:
        return i18n.actor_forms(key, ids, self.lang)

    def phrase(self, actor_id: str) -> str:
        return i18n.actor_phrase(actor_id, self.lang)

    def names(self, actor_ids: list[str]) -> str:
        return i18n.join_list([self.phrase(a) for a in actor_ids], self.lang)

    def cause(self, record: Record) -> Record | None:
        index = record.get("cause")
        return (
            self.records[index]
            if isinstance(index, int) and 0 <= index < len(self.records)
            else None
        )

    def pact_phrase(self, pact_id: str) -> str:
        """A pact's name with its article: "the Liptako-Gourma Charter", "la Charte..."."""
        pact = fact_base().pacts.get(pact_id)
        english = self.pact_names.get(pact_id) or (pact.name if pact else pact_id)
        articles = PACT_ARTICLES.get(pact_id)
        if self.lang is Lang.EN:
            return i18n.with_article(articles["en"] if articles else "the", english)
        french = pact.name_fr if pact and pact.name_fr else inline_pact_name_fr(pact_id)
        if articles and french:
            return i18n.with_article(articles["fr"], french)
        return FR_UNKNOWN_PACT.format(name=french or english)

    def citation(self, pact_id: str, article: str | None) -> str:
        """An article of a pact: "Art. 6 of the Liptako-Gourma Charter", "l'art. 6 de la..."."""
        asked = requested(pact_id)
        if asked is not None:  # help asked for by a request event, under no pact
            by, day = asked
            date = i18n.date_text(day, self.lang)
            return self.t("request.citation", date=date, **self.actors("requester", by))
        pact = self.pact_phrase(pact_id)
        match = ARTICLE.match(article or "")
        if match is None:  # "n/a (no public text)", "Orders of 24 Aug 2023": the pact says it all
            return pact
        if self.lang is Lang.EN:
            return f"{article} of {pact}"
        cited = ("les art. " if match[1] == "Arts" else "l'art. ") + match[2]
        return f"{cited} {i18n.french_de(pact)}"

    def clause(self, record: Record, key: str = "clause") -> dict[str, str]:
        phrase = self.citation(record.get("pact", ""), record.get("article"))
        return i18n.phrase_forms(key, [phrase], self.lang, plural=False)

    def chances(self, probability: float, draw: float) -> tuple[str, str]:
        """A probability and the draw it was compared with, precise enough to tell apart."""
        digits = _digits(probability, draw)
        chance = i18n.percent(probability, self.lang, digits - 2)
        if 0 < probability < 0.5 * 10.0**-digits:  # would read "0.00 %" for a chance given
            chance = f"< {i18n.percent(10.0**-digits, self.lang, digits - 2)}"
        return chance, self.decimal(draw, digits)

    def shares(self, a: float, b: float) -> tuple[str, str]:
        """Two shares compared with each other, as percentages precise enough to tell apart."""
        digits = _digits(a, b)
        return i18n.percent(a, self.lang, digits - 2), i18n.percent(b, self.lang, digits - 2)

    def share(self, p: float) -> str:
        return i18n.share(p, self.lang)


def _digits(p: float, other: float) -> int:
    """Decimal digits to write ``p`` (a probability) and ``other`` so that they differ.

    Small probabilities keep two significant figures as percentages; a draw or threshold
    that would round to the same figure as ``p`` gets more digits, so that "below" and
    "above" can be read off the numbers.
    """
    digits = 2 if p >= 0.1 else 3 if p >= 0.01 else 4
    while digits < 6 and round(p, digits) == round(other, digits):
        digits += 1
    return digits


# ---------------------------------------------------------------------- opening and closing


def _opening(ctx: _Context, run: RunRecord) -> str:
    french = getattr(run, "scenario_title_fr", "") if ctx.lang is Lang.FR else ""
    english = ctx.lang is Lang.FR and not french
    return ctx.t(
        "opening.english_title" if english else "opening",
        title=french or run.scenario_title,
        days=ctx.days(run.days),
        start=ctx.day_text(0),
        end=ctx.day_text(run.days),
        seed=run.seed,
    )


def _closing(ctx: _Context, run: RunRecord) -> str:
    s = run.summary
    parts = [ctx.t("closing"), *_closing_wars(ctx, run)]
    if s.get("obligations_triggered"):
        parts.append(
            ctx.t(
                "closing.obligations",
                triggered=s["obligations_triggered"],
                honoured=s.get("obligations_honoured", 0),
                partial=s.get("obligations_partial", 0),
                abstained=s.get("obligations_abstained", 0),
            )
        )
    if s.get("rebellion"):
        parts.append(ctx.t("closing.rebellion"))
    change = s.get("insurgent_strength_change", 0.0)
    if abs(change) >= 0.0005:  # what would print as +0.0 % says nothing
        parts.append(
            ctx.t("closing.insurgents", change=i18n.percent(change, ctx.lang, 1, signed=True))
        )
    # Outside powers leaving also lower the effort, so it is quoted only beside a war; and only
    # where there is an insurgency to fight (a scenario with armed groups).
    lost = s.get("counterinsurgency_lost", 0.0)
    if s.get("war_occurred") and lost >= 0.0005 and run.series.groups:
        parts.append(ctx.t("closing.counterinsurgency", share=ctx.share(lost)))
    if any(r.get("draw") is not None for r in run.records):  # for a reader new to the numbers
        parts.append(ctx.t("closing.draws"))
    parts.append(ctx.t("closing.caveat"))
    return " ".join(parts)


def _closing_wars(ctx: _Context, run: RunRecord) -> list[str]:
    s = run.summary
    first = next((r for r in run.records if r.kind is RecordKind.WAR_STARTED), None)
    if not s.get("war_occurred") or first is None:
        parts = [ctx.t("closing.no_war")]
        if any(r.kind is RecordKind.THREAT for r in run.records) and not s.get(
            "threat_carried_out"
        ):
            parts.append(ctx.t("closing.threat_not_carried_out"))
        return parts
    outcome = s.get("first_war_outcome", "ongoing")
    truce = truce_days(run.records, first.get("war"))
    values = {
        **ctx.actors("actor", first.actor),
        **ctx.actors("target", first.target),
        "wars": s.get("wars", 1),
        "days": ctx.war_length(int(s.get("war_days", 0)), truce),
    }
    msg = "closing.wars" if values["wars"] > 1 else "closing.war"
    ended = next(
        (
            r
            for r in run.records
            if r.kind is RecordKind.WAR_ENDED and r.get("war") == first.get("war")
        ),
        None,
    )
    if values["wars"] == 1 and ended is not None and ended.get("reason") == COUP_ATTEMPT_REASON:
        # Not fought by attrition: no casualties are counted to report.
        after = _attempt_after(ctx, int(ended.get("days", 0)))
        parts = [ctx.t(f"closing.coup_attempt.{outcome}", after=after, **values)]
    else:
        if outcome == "ongoing" or not i18n.has_message(f"closing.outcome.{outcome}"):
            parts = [ctx.t(f"{msg}.ongoing", **values)]
        else:
            parts = [ctx.t(msg, outcome=ctx.t(f"closing.outcome.{outcome}"), **values)]
        casualties = ctx.number(s.get("casualties", 0))
        parts.append(ctx.t("closing.casualties", casualties=casualties))
    if s.get("aes_members_entered"):
        parts.append(ctx.t("closing.aes_entered", count=s["aes_members_entered"]))
    return parts


# ---------------------------------------------------------------------- records


def _coup(ctx: _Context, r: Record) -> str:
    if r.get("form") == CoupForm.RETENTION:
        return ctx.t("coup.retention", **ctx.actors("actor", r.actor))
    if r.get("by"):
        return ctx.t("coup.by", **ctx.actors("actor", r.actor), **ctx.actors("by", r.get("by")))
    return ctx.t("coup", **ctx.actors("actor", r.actor))


def _threat(ctx: _Context, r: Record) -> str:
    attackers = list(r.get("attackers") or [])
    values = {
        **ctx.actors("actor", r.actor),
        **ctx.actors("target", r.target),
        **ctx.actors("attackers", attackers or [r.actor]),
        "deadline": ctx.iso_text(r.get("deadline")),
    }
    if r.get("pact"):  # a threat decided under a clause (an intervention)
        return ctx.t("threat.clause", **values, **ctx.clause(r))
    declined = [m for m in r.get("asked") or {} if m not in attackers]
    if attackers and declined:  # its members chose whether to pledge (sim.model.responses)
        return ctx.t("threat.pledged", **values, **ctx.actors("declined", declined))
    alone = not attackers or attackers == [r.actor]
    return ctx.t("threat.alone" if alone else "threat", **values)


def _owner(ctx: _Context, actor_id: str) -> dict[str, str]:
    """``{Owner}``: who a played decision belongs to ("Mali's"), to open a sentence."""
    forms = ctx.actors("owner", actor_id)
    return {"Owner": i18n.capitalise(forms["owner_poss"]), "owner_de": forms["owner_de"]}


def _retaliation(ctx: _Context, r: Record) -> bool:
    """Whether ``r`` answers a threat opened by an incident.

    A window to retaliate, set by no deadline (Mali's after Algeria's shoot-down, 2025).
    """
    cause = ctx.cause(r)
    return cause is not None and cause.kind is RecordKind.INCIDENT


def _attack_decided(ctx: _Context, r: Record) -> str:
    retaliation = _retaliation(ctx, r)
    values = {**ctx.actors("actor", r.actor), **ctx.actors("target", r.target)}
    if r.get("played"):
        key = "played.attack.retaliation" if retaliation else "played.attack"
        played = ctx.t(key, **values, **_owner(ctx, r.actor))
        parts = [played]
    else:
        parts = [ctx.t("attack_decided.retaliation" if retaliation else "attack_decided", **values)]
    terms = r.get("terms") or {}
    if "balance" in terms:
        parts.append(_balance(ctx, terms, values, retaliation))
    if "balance" in terms:
        parts[-1] += _costs(ctx, terms)
    if r.get("played"):
        parts.append(_model_choice(ctx, r))
    elif r.get("draw") is not None:
        daily, draw = ctx.chances(r.get("probability", 0.0), r.get("draw"))
        readiness = ctx.share(r.get("readiness", r.get("probability", 0.0)))
        key = "attack_decided.chance"
        if r.get("deadline"):  # a victim of an incident set no deadline: its first day
            key = "attack_decided.first_day" if retaliation else "attack_decided.deadline"
        parts.append(ctx.t(key, readiness=readiness, daily=daily, draw=draw))
        if r.get("escalation") is not None:  # why the chance is below the readiness
            parts[-1] += ctx.t("escalation", share=ctx.share(r.get("escalation")))
        elif r.get("offensive") is not None:  # why it is not: an armed group struck
            parts[-1] += ctx.t("offensive", **ctx.actors("soil", r.get("soil") or r.actor))
    if r.get("deadline"):
        parts[-1] += _partners(ctx, r, values)
    return " ".join(parts)


def _partners(ctx: _Context, r: Record, values: dict[str, str]) -> str:
    """Why the target did not give in on the focal day: a partner in arms had a say."""
    if not r.get("partners"):
        return ""
    return ctx.t("attack_decided.partners", **values, partners=ctx.names(r.get("partners")))


def _conceded(ctx: _Context, r: Record) -> str:
    probability, draw = ctx.chances(r.get("probability", 0.0), r.get("draw", 0.0))
    if r.get("played"):
        text = ctx.t(
            "played.conceded",
            **_owner(ctx, r.actor),
            **ctx.actors("target", r.target),
            probability=ctx.share(r.get("probability", 0.0)),
        )
        return text + (ctx.t("conceded.transition") if r.get("transition") else "")
    text = ctx.t(
        "conceded",
        **ctx.actors("actor", r.actor),
        **ctx.actors("target", r.target),
        probability=probability,
        draw=draw,
    )
    if r.get("transition"):
        text += ctx.t("conceded.transition")
    return text


def _stance(ctx: _Context, r: Record) -> str:
    return ctx.t(
        f"stance.{r.get('stance', 'endorse')}",
        **ctx.actors("actor", r.actor),
        **ctx.actors("target", r.target),
        **ctx.actors("by", r.get("by") or ""),
    )


def _refusal(ctx: _Context, r: Record) -> str:
    return ctx.t("refusal", **ctx.actors("actor", r.actor), **ctx.actors("target", r.target))


def _third_party_force(ctx: _Context, r: Record) -> str:
    message = "third_party_force.mandate" if r.get("mandate") else "third_party_force"
    text = ctx.t(message, **ctx.actors("actor", r.actor), **ctx.actors("target", r.target))
    if r.get("until"):
        until = i18n.date_text(dt.date.fromisoformat(r.get("until")), ctx.lang)
        text += ctx.t("third_party_force.until", until=until)
    return text


def _costs(ctx: _Context, terms: dict) -> str:
    """The other terms of a threatener's readiness: expected losses, stands abroad, refusals."""
    text = ""
    if "expected losses" in terms:
        outcome = ctx.t(
            "attack_decided.wins" if terms.get("expects to win") else "attack_decided.loses"
        )
        text += ctx.t(
            "attack_decided.cost", lost=ctx.share(terms["expected losses"]), outcome=outcome
        )
    limit = terms.get("offensive")
    if limit is not None:  # a limited offensive: its days, not a war's
        text += ctx.t("attack_decided.offensive_days", days=ctx.days(limit))
    if "expected days of war" in terms and (limit is None or terms["expected days of war"] < limit):
        text += ctx.t("attack_decided.days", days=ctx.days(round(terms["expected days of war"])))
    if terms.get("fighting beside it"):
        text += ctx.t("attack_decided.beside", allies=ctx.names(list(terms["fighting beside it"])))
    if terms.get("stakes"):
        text += ctx.t("attack_decided.stakes", share=ctx.share(terms["stakes"]))
    stance = terms.get("endorsements", 0)
    if stance:
        message = "attack_decided.endorsed" if stance > 0 else "attack_decided.opposed"
        text += i18n.agreeing(message, abs(stance), ctx.lang, count=ctx.number(abs(stance)))
    if terms.get("refused at home"):
        text += ctx.t("attack_decided.refused", states=ctx.names(terms["refused at home"]))
    if terms.get("third parties acting"):
        parties = ctx.names(terms["third parties acting"])
        text += ctx.t("attack_decided.third_parties", parties=parties)
    return text


def _balance(ctx: _Context, terms: dict, values: dict[str, str], retaliation: bool) -> str:
    """The balance of forces a threatener weighed (see :func:`sim.model.intent.assess_attack`).

    A victim weighing its answer to an incident is the side that would strike back, not the
    attackers of the incident.
    """
    allies = [
        ctx.t("contingent", name=ctx.phrase(a), forces=ctx.number(v))
        for a, v in (terms.get("expected help to the target") or {}).items()
    ]
    help_text = (
        ctx.t("attack_decided.help", **i18n.phrase_forms("allies", allies, ctx.lang))
        if allies
        else ctx.t("attack_decided.no_help")
    )
    text = ctx.t(
        # an armed group struck on the soil where it fights is fought there (§7.11)
        "attack_decided.balance.offensive" if terms.get("offensive") else "attack_decided.balance",
        side=ctx.t("balance.avengers" if retaliation else "balance.attackers"),
        **values,
        own=ctx.number(terms.get("own strength", 0)),
        resolve=ctx.decimal(terms.get("resolve", 0)),
        opposition=ctx.number(terms.get("expected opposition", 0)),
        home=ctx.number(terms.get("target's home defence", 0)),
        help=help_text,
        balance=ctx.decimal(terms["balance"]),
        required=ctx.decimal(terms.get("required superiority", 1)),
    )
    if terms.get("military rule"):  # the balance counts it: say so where the balance is given
        factor = ctx.decimal(terms.get("junta confidence", 1))
        share = ctx.share(terms["military rule"])
        text += ctx.t("attack_decided.military", share=share, factor=factor)
    return text


def _model_choice(ctx: _Context, r: Record) -> str:
    """What the model would have chosen in a player's place.

    Policing, for a state struck by armed groups that the draw had police; else its readiness.
    """
    if r.get("policed") is not None:
        chance, draw = ctx.chances(r.get("policed"), r.get("policed_draw", r.get("draw")))
        return ctx.t("played.policed", share=chance, draw=draw)
    return ctx.t("played.readiness", readiness=ctx.share(r.get("readiness", 0.0)))


def _stood_down(ctx: _Context, r: Record) -> str:
    retaliation = _retaliation(ctx, r)
    msg = "stood_down.retaliation" if retaliation else "stood_down"
    values = {**ctx.actors("actor", r.actor), **ctx.actors("target", r.target)}
    if r.get("policed") is not None:  # it chose policing over an offensive
        struck = ctx.cause(r)  # the strike it answers, named: another may be answered yet
        when = ctx.day_text(struck.day if struck is not None else r.day)
        if r.get("played"):
            told = ctx.t("played.stood_down.policed", **values, **_owner(ctx, r.actor), when=when)
            return f"{told} {_model_choice(ctx, r)}"
        chance, draw = ctx.chances(r.get("policed"), r.get("draw"))
        return ctx.t("stood_down.policed", **values, share=chance, draw=draw, when=when)
    if r.get("played"):
        played = "played.stood_down.retaliation" if retaliation else "played.stood_down"
        msg, values = played, {**values, **_owner(ctx, r.actor)}
    parts = [ctx.t(msg, **values)]
    terms = r.get("terms") or {}
    if "balance" in terms:  # why: the balance it weighed on its last day, and its readiness
        parts.append(_balance(ctx, terms, values, retaliation) + _costs(ctx, terms))
        parts.append(ctx.t("stood_down.readiness", readiness=ctx.share(r.get("readiness", 0.0))))
    return " ".join(parts)


def _deadline_passed(ctx: _Context, r: Record) -> str:
    values = {**ctx.actors("actor", r.actor), **ctx.actors("target", r.target)}
    closes = ctx.day_text(int(r.get("closes", r.day)))
    partners = _partners(ctx, r, values)
    retaliation = _retaliation(ctx, r)
    if r.get("played"):
        key = "played.deadline_passed" + (".retaliation" if retaliation else "")
        parts = [ctx.t(key, **values, **_owner(ctx, r.actor), closes=closes)]
    else:
        parts = [
            ctx.t("deadline_passed.retaliation" if retaliation else "deadline_passed", **values)
        ]
    terms = r.get("terms") or {}
    if "balance" in terms:  # why: the balance it weighed on the day it had named
        parts.append(_balance(ctx, terms, values, retaliation) + _costs(ctx, terms))
    if r.get("played"):
        parts.append(_model_choice(ctx, r))
    else:
        chance, draw = ctx.chances(r.get("probability", 0.0), r.get("draw"))
        daily = r.get("daily", 0.0)
        if daily < SMALLEST_SHARE / 2:  # "possible, at 0.00% a day" read as a contradiction
            floor = ctx.share(SMALLEST_SHARE)
            key, values = "deadline_passed.chance.nil", {"floor": floor}
        else:
            key, values = "deadline_passed.chance", {"daily": ctx.share(daily)}
        if r.get("escalation") is not None:  # a victim of an incident: not its readiness alone
            key += ".escalation"
            values["readiness"] = ctx.share(r.get("readiness", 0.0))
            values["share"] = ctx.share(r.get("escalation"))
            values["chance"] = chance
        else:
            values["readiness"] = chance  # on a threat's deadline, the chance is the readiness
        parts.append(ctx.t(key, draw=draw, closes=closes, **values))
    return " ".join(parts) + partners


def _war_started(ctx: _Context, r: Record) -> str:
    attackers = list(r.get("attackers") or [r.actor])
    forces = r.get("forces") or {}
    values = {**ctx.actors("actor", r.actor), **ctx.actors("target", r.target)}
    if r.get("coup_attempt"):
        parts = [
            ctx.t(
                "war_started.coup_attempt",
                **values,
                forces=ctx.counted(forces.get(r.actor, 0), "fighters"),
            )
        ]
    elif attackers == [r.actor]:
        fighters = fights_with_fighters(r.actor)
        key, noun = ("war_started.fighters", "fighters") if fighters else ("war_started", "troops")
        parts = [ctx.t(key, **values, forces=ctx.counted(forces.get(r.actor, 0), noun))]
    else:
        contingents = [
            ctx.t("contingent", name=ctx.phrase(a), forces=ctx.number(forces.get(a, 0)))
            for a in attackers
        ]
        parts = [
            ctx.t(
                "war_started.coalition",
                **values,
                **i18n.phrase_forms("contingents", contingents, ctx.lang),
            )
        ]
    if r.target in forces:
        fighters = fights_with_fighters(r.target)
        key = "war_started.defence" + (".fighters" if fighters else "")
        defence = ctx.counted(forces[r.target], "fighters" if fighters else "troops")
        parts.append(ctx.t(key, **values, defence=defence))
    if r.get("guerrillas"):
        parts.append(ctx.t("war_started.guerrillas", **ctx.actors("rebels", r.get("guerrillas"))))
    if r.get("event") and r.get("cause") is None:
        parts.append(ctx.t("war_started.scheduled"))
    # "Strength 2,800" weighed, then "attacked with 762": a first contingent, not all it had.
    decided = ctx.cause(r)
    if decided is not None and decided.kind is RecordKind.ATTACK_DECIDED:
        weighed = (decided.get("terms") or {}).get("own strength") or 0
        if sum(forces.get(a, 0) for a in attackers) < 0.95 * weighed:
            parts.insert(1, ctx.t("war_started.contingent"))  # right after what was sent
    return " ".join(parts)


def _incident(ctx: _Context, r: Record) -> str:
    roles = {**ctx.actors("actor", r.actor), **ctx.actors("target", r.target)}
    if r.get("host"):
        text = ctx.t("incident.abroad", **roles, **ctx.actors("host", r.get("host")))
    else:
        text = ctx.t("incident", **roles)
    text += _killed(ctx, r)
    victims = list(r.get("victims") or [r.target])  # the host's soil was struck too
    # why no one weighs force against its authors, if too few to pursue
    text += _strikers(ctx, r, "incident.unpursued", **ctx.actors("target", victims))
    if r.get("from_abroad"):  # raiders from abroad are fought on the victim's soil
        text += " " + ctx.t("incident.from_abroad", **roles)
    return text


def _killed(ctx: _Context, r: Record) -> str:
    """The sentence on a strike's dead as the sources count them (``killed``); empty if none do."""
    killed = r.get("killed")
    if killed is None:
        return ""
    return " " + ctx.t(
        "incident.killed" + {0: ".none", 1: ".one"}.get(killed, ""), killed=ctx.number(killed)
    )


def _strikers(ctx: _Context, r: Record, few: str, **roles: str) -> str:
    """The sentence on a strike's counted strikers: too few to pursue (``few``), or the count.

    Those who got away (``escaped``) are the body left to pursue, when the sources say how
    many; empty when no source counted them (§7.11).
    """
    fighters, escaped = r.get("fighters"), r.get("escaped")
    unpursued = r.get("unpursued") is not None
    counts = {"threshold": ctx.counted(r.get("unpursued", 0), "fighters")}
    if escaped == 0 and unpursued:  # no one left to pursue, whatever the threshold
        key = f"{few}.none" + {None: "", 1: ".one"}.get(fighters, ".counted")
        counts["fighters"] = ctx.number(fighters or 0)
    elif escaped is not None:
        of = ctx.t("incident.escaped.of", fighters=ctx.number(fighters)) if fighters else ""
        key = f"{few}.escaped" if unpursued else "incident.escaped"
        counts |= {"escaped": ctx.number(escaped), "of": of}
    elif fighters:
        key = few if unpursued else "incident.fighters"
        counts["fighters"] = ctx.number(fighters)
    else:
        return ""
    return " " + ctx.t(key, **roles, **counts)


def _trigger(ctx: _Context, r: Record, roles: dict[str, str]) -> str:
    """What brought a clause to the threshold ("The armed rebellion of ... in ...")."""
    offenders = list(r.get("offenders") or [])
    kind = r.get("casus_foederis", "")
    if offenders and r.get("raid"):  # a raid from abroad, whatever its clause (§7.3)
        return ctx.t("trigger.raid", **roles)
    # In a war the offenders were named when it started; elsewhere they are news.
    named = bool(offenders) and r.get("war") is None and offenders != [r.target]
    trigger_id = f"trigger.{kind}.by" if named else f"trigger.{kind}"
    return ctx.pick(trigger_id, "trigger.other", **roles)


def _obligation(ctx: _Context, r: Record) -> str:
    offenders = list(r.get("offenders") or [])
    roles = {
        **ctx.actors("actor", r.actor),
        **ctx.actors("victim", r.target),
        **ctx.actors("offenders", offenders),
    }
    toward = offenders if r.get("toward") == "offender" and offenders else [r.target]
    action = r.get("action", "")
    permitted = r.get("modality") == "permission"
    text = ctx.t(
        "obligation.permission" if permitted else "obligation",
        **roles,
        **ctx.clause(r),
        trigger=_trigger(ctx, r, roles),
        duty=ctx.pick(f"duty.{action}", "duty.other", action=action, **ctx.actors("to", toward)),
        decision=ctx.pick(f"decision.{r.get('decision')}", "decision.other", **roles),
    )
    if isinstance(r.get("due"), int) and r.get("due") > r.day:
        text += ctx.t("obligation.due", due=ctx.day_text(r.get("due")))
    text += _under_way(ctx, r)
    others = [
        ctx.citation(*cite.split(" ", 1)) for cite in r.get("also_under") or [] if " " in cite
    ]
    if others:
        text += ctx.t("obligation.also", **i18n.phrase_forms("others", others, ctx.lang))
    return text


def _under_way(ctx: _Context, r: Record) -> str:
    """Said of a pact that came to bind a party with the war under way (sim.model.triggers).

    It came into force, or it binds anew the parties the record names: for the first time in
    the run, or again (a member restored after a suspension).
    """
    since = r.get("under_way_since")
    if not isinstance(since, int):
        return ""
    return _whom_it_binds(ctx, r, ctx.day_text(since)) + ctx.t("obligation.under_way.why")


def _whom_it_binds(ctx: _Context, r: Record, day: str) -> str:
    """Whether the pact came into force or is in force again, or whom it binds, anew or again."""
    bound = list(r.get("newly_bound") or [])
    if not bound:  # the pact came into force today, or is in force again
        again = "obligation.under_way.in_force_again" if r.get("bound_again") else None
        return ctx.t(again or "obligation.under_way", since=day)
    again = [a for a in r.get("bound_again") or [] if a in bound]
    first = [a for a in bound if a not in again]
    if not again:
        return ctx.t("obligation.under_way.party", since=day, **ctx.actors("bound", first))
    if not first:
        return ctx.t("obligation.under_way.again", since=day, **ctx.actors("bound", again))
    return ctx.t(
        "obligation.under_way.mixed",
        since=day,
        **ctx.actors("bound", first),
        **ctx.actors("again", again),
    )


def _clause_unmet(ctx: _Context, r: Record) -> str:
    offenders = list(r.get("offenders") or [])
    roles = {**ctx.actors("victim", r.target), **ctx.actors("offenders", offenders)}
    if r.get("adversaries"):
        roles.update(ctx.actors("adversaries", list(r.get("adversaries"))))
    if r.actor:  # the body that would have decided, or the pact's organisation
        roles.update(ctx.actors("organisation", r.actor))
    condition = r.get("condition", "")
    return ctx.t(
        "clause_unmet",
        **ctx.clause(r),
        trigger=_trigger(ctx, r, roles),
        condition=ctx.pick(
            f"condition.{condition}", "condition.other", condition=condition, **roles
        ),
    ) + _under_way(ctx, r)


def _asked(ctx: _Context, r: Record) -> str:
    action = r.get("action", "")
    return ctx.pick(f"asked.{action}", "asked.other", action=action)


def _vote(ctx: _Context, r: Record) -> str:
    voters = list(r.get("voters") or [])
    yes = list(r.get("yes") or [])
    against = [v for v in voters if v not in yes]
    decision = r.get("decision", "")
    message = "vote.consensus" if decision == "consensus" else "vote"
    if r.get("modality") == "permission":
        message += ".permission"
    chances = {}
    if r.get("draw") is not None:
        probability, draw = ctx.chances(r.get("probability", 0.0), r.get("draw"))
        chances = {"probability": probability, "draw": draw}
    # What the measure is toward: the victim, or for a measure against the offender (an
    # intervention under Art. 25 against Liberia), the offenders the obligation names.
    owed = ctx.cause(r)
    offenders = list(owed.get("offenders") or []) if owed is not None else []
    at_offender = bool(offenders) and owed.get("toward") == "offender"
    text = ctx.t(
        message,
        **chances,
        **ctx.actors("actor", r.actor),
        **ctx.actors("victim", offenders if at_offender else [r.target]),
        toward=ctx.t("toward.offender" if at_offender else "toward.victim"),
        **ctx.clause(r),
        asked=_asked(ctx, r),
        rule=ctx.pick(f"rule.{decision}", "rule.other", rule=decision),
        yes_count=len(yes),
        voters_count=len(voters),
        voters=ctx.counted(len(voters), "members"),  # "1 of 1 member", English
        yes_members=ctx.counted(len(yes), "members"),  # "1 membre sur 5", French
        leaned=i18n.agreeing("leaned", len(yes), ctx.lang),  # "penchait", "penchaient"
        yes=ctx.t("vote.yes", names=ctx.names(yes)) if yes else "",
        others=ctx.t("vote.others", names=ctx.names(against)) if against else "",
    )
    verdict = "vote.passed" if r.get("response") == "honoured" else "vote.failed"
    text = f"{text} {ctx.t(verdict)}"
    if r.get("played"):  # members whose vote a player in the class cast
        text += " " + ctx.t("played.vote", names=ctx.names(list(r.get("played"))))
    if r.get("decided") == "player":  # the body's own player took the decision
        verdict = "played.decision.yes" if r.get("response") == "honoured" else "played.decision.no"
        text += " " + ctx.t(verdict, **_owner(ctx, r.actor))
    return text


def response_kind(r: Record) -> str:
    """What a response answered, as a message-key suffix.

    ".request" (help asked for outside any treaty), ".permission" (a measure a clause permits)
    or "" (an obligation).
    """
    if requested(r.get("pact") or "") is not None:
        return ".request"
    return ".permission" if r.get("modality") == "permission" else ""


def _response(ctx: _Context, r: Record) -> str:
    response = r.get("response", "")
    values = {
        **ctx.actors("actor", r.actor),
        **ctx.actors("victim", r.target),
        **ctx.clause(r),
        "asked": _asked(ctx, r),
    }
    suffix = response_kind(r)
    if r.get("played"):  # a player in the class decided, not the model's rule
        parts = [ctx.t(f"played.{response}{suffix}", **values, **_owner(ctx, r.actor))]
        if r.get("draw") is not None:
            probability, _ = ctx.chances(r.get("probability", 0.0), r.get("draw"))
            parts.append(ctx.t(f"played.rule{suffix}", probability=probability))
        return " ".join(parts)
    parts = [ctx.t(f"response.{response}{suffix}", **values)]
    if r.get("decision") == "automatic":
        parts.append(ctx.t("response.automatic"))
    elif r.get("draw") is None:
        if r.get("commitment") == "strict":
            parts.append(ctx.t("response.strict.permission" if suffix else "response.strict"))
    else:
        probability, draw = ctx.chances(r.get("probability", 0.0), r.get("draw"))
        verdict = ctx.t(f"verdict.{response}")
        parts.append(
            ctx.t(f"response.draw{suffix}", probability=probability, draw=draw, verdict=verdict)
        )
        base = (r.get("terms") or {}).get(BASE_RATE + LOG_ODDS)
        if suffix == ".request" and base is not None:  # where a request's chance starts
            parts.append(_request_base(ctx, 1 / (1 + math.exp(-base))))
        terms = _largest_terms(ctx, r.get("terms") or {})
        if terms:
            parts.append(ctx.t("response.terms", terms=i18n.join_list(terms, ctx.lang)))
    return " ".join(parts)


def _request_base(ctx: _Context, base: float) -> str:
    """Where a request's chance started: the record's share, or the value a run set instead."""
    record = PARAMETERS["invitation_base_rate"].default
    if round(base, 4) == round(record, 4):
        return ctx.t("response.base.request", base=ctx.share(base))
    return ctx.t("response.base.request.set", base=ctx.share(base), record=ctx.share(record))


def _largest_terms(ctx: _Context, terms: dict[str, float]) -> list[str]:
    """The terms that moved the decision most, by absolute log-odds contribution."""
    contributions = [
        (name.removesuffix(LOG_ODDS), value)
        for name, value in terms.items()
        if name.endswith(LOG_ODDS) and name.removesuffix(LOG_ODDS) != BASE_RATE and value
    ]
    contributions.sort(key=lambda item: (-abs(item[1]), item[0]))
    return [
        ctx.t("term", name=_term_name(ctx, name, value), value=ctx.decimal(value, signed=True))
        for name, value in contributions[:TOP_TERMS]
    ]


def _term_name(ctx: _Context, name: str, value: float) -> str:
    """A term's name; one whose sign reads backwards says which way it pulled ("a light cost")."""
    signed = f"term.{name}.{'up' if value > 0 else 'down'}"
    if i18n.has_message(signed):
        return ctx.t(signed)
    return ctx.t(f"term.{name}") if i18n.has_message(f"term.{name}") else name


def _request(ctx: _Context, r: Record) -> str:
    against = list(r.get("against") or [])
    values = {
        **ctx.actors("actor", r.actor),
        **ctx.actors("asked", list(dict.fromkeys(r.get("asked") or []))),
        "help": ctx.pick(f"help.{r.get('action')}", "help.other"),
    }
    if not against:
        reason = r.get("reason") or "nothing"
        named = ctx.actors("named", r.get("named")) if r.get("named") else {}
        return ctx.pick(f"request.{reason}", "request.nothing", **values, **named)
    text = ctx.t("request", **values, against=ctx.names(against))
    if r.get("other_side"):
        text += ctx.t("request.other_side", **ctx.actors("others", list(r.get("other_side"))))
    return text


def _withdrew(ctx: _Context, r: Record) -> str:
    if r.get("reason") == OFFENSIVE_OVER:  # its offensive ran its course: no chance drawn
        return ctx.t(
            "withdrew.offensive",
            **ctx.actors("actor", r.actor),
            **ctx.actors("enemy", r.target),
            forces=ctx.counted(r.get("forces", 0), "troops"),
            days=ctx.days(r.get("days", 0)),
        )
    probability, draw = ctx.chances(r.get("probability", 0.0), r.get("draw", 0.0))
    return ctx.t(
        "withdrew",
        **ctx.actors("actor", r.actor),
        **ctx.actors("enemy", r.target),
        forces=ctx.counted(r.get("forces", 0), "troops"),
        days=ctx.days(r.get("days", 0)),
        probability=probability,
        draw=draw,
    )


def _entered_war(ctx: _Context, r: Record) -> str:
    told = _entering(ctx, r)
    if r.get("armed"):  # it joined guerrillas, who fight in the open from now on (§7.6)
        told += " " + ctx.t("entered_war.armed", **ctx.actors("armed", r.get("armed")))
    return told


def _entering(ctx: _Context, r: Record) -> str:
    if r.get("attacked_by"):  # armed groups carrying their war into another state
        told = ctx.t(
            "entered_war.carried",
            **ctx.actors("actor", r.actor),
            **ctx.actors("by", r.get("attacked_by")),
            **ctx.actors("joining", r.get("joining") or r.target),
            forces=ctx.counted(r.get("forces", 0), "troops"),
        )
        if r.get("event") and r.get("cause") is None:
            told += " " + ctx.t("war_started.scheduled")
        return told
    if r.get("stationed"):  # forces the scenario placed with the target from the first day
        return ctx.t(
            "entered_war.stationed",
            **ctx.actors("actor", r.actor),
            **ctx.actors("victim", r.get("victim") or r.target),
            **ctx.actors("enemy", r.target),
            forces=ctx.counted(r.get("forces", 0), "troops"),
        )
    if r.get("beside"):  # a belligerent joining its ally's war
        return ctx.t(
            "entered_war.beside",
            **ctx.actors("actor", r.actor),
            **ctx.actors("victim", r.get("beside")),
            **ctx.actors("enemy", r.target),
            forces=ctx.counted(r.get("forces", 0), "fighters"),
        )
    if r.get("by"):  # attackers of a belligerent entering its war, not under a clause
        return ctx.t(
            "entered_war.attack",
            **ctx.actors("actor", r.actor),
            **ctx.actors("victim", r.get("victim") or r.target),
            **ctx.actors("enemy", r.target),
            **ctx.actors("by", r.get("by")),
            forces=ctx.counted(r.get("forces", 0), "troops"),
        )
    told = ctx.t(
        "entered_war",
        **ctx.actors("actor", r.actor),
        **ctx.actors("victim", r.get("victim") or r.target),
        **ctx.actors("enemy", r.target),
        **ctx.clause(r),
        forces=ctx.counted(r.get("forces", 0), "troops"),
    )
    # "deployed 4,000" then "entered with 4,750": an outside power brings all it has nearby
    if r.actor in fact_base().powers:
        told += " " + ctx.t("entered_war.power")
    return told


def _support(ctx: _Context, r: Record) -> str:
    action = r.get("action", "")
    values = {**ctx.actors("actor", r.actor), **ctx.actors("victim", r.target), **ctx.clause(r)}
    if action == "pledge":
        return ctx.t("support.pledge", **values)
    if action == "no_forces" and r.get("war") is None:  # armed help after a strike short of war
        return ctx.t("support.no_forces.strike", **values)
    if action in ("no_forces", "answer_over"):
        return ctx.t(f"support.{action}", **values)
    if r.get("war") is not None and r.get("factor") is not None:
        factor = ctx.decimal(r.get("factor"))
        return ctx.pick(f"support.war.{action}", "support.war.support", factor=factor, **values)
    help_text = ctx.pick(f"help.{action}", "help.other")
    key = "support.guard" if r.get("guard") else "support.lent"
    return ctx.t(key, help=help_text, forces=ctx.counted(r.get("forces", 0), "troops"), **values)


def _consultation(ctx: _Context, r: Record) -> str:
    # About the victim (a clause toward it: the parties consult on the attack it suffered), or
    # about the offender (the Charter's Art. 8: the breach it committed).
    cause = ctx.cause(r)
    toward_victim = cause is not None and cause.target == r.target
    return ctx.t(
        "consultation.victim" if toward_victim else "consultation",
        **ctx.actors("actor", r.actor),
        **ctx.actors("about", r.target),
        **ctx.clause(r),
        **ctx.actors("parties", list(r.get("parties") or [r.actor])),
    )


def _membership(ctx: _Context, r: Record) -> str:
    status = r.get("status", "")
    under = ctx.t("under", **ctx.clause(r)) if r.get("pact") else ""
    message = f"membership.{status}"
    if r.get("already") and i18n.has_message(f"membership.already.{status}"):
        message = f"membership.already.{status}"  # a dated event repeating the run's decision
    return ctx.pick(
        message,
        "membership.other",
        status=status,
        under=under,
        **ctx.actors("actor", r.actor),
        **ctx.actors("target", r.target),
    )


def _rebellion(ctx: _Context, r: Record) -> str:
    return ctx.t(
        "rebellion",
        **ctx.actors("target", r.target),
        **ctx.actors("groups", list(r.get("groups") or [r.actor])),
        strength=ctx.counted(r.get("strength", 0), "fighters"),
        start=ctx.number(r.get("start_strength", 0)),
        threshold=i18n.short_decimal(r.get("threshold", 0), ctx.lang),
    )


def _deployment(ctx: _Context, r: Record) -> str:
    values = {**ctx.actors("actor", r.actor), **ctx.actors("target", r.target)}
    strength = r.get("strength") or 0
    if strength <= 0:  # the fact base gives no figure for this deployment
        return ctx.t("deployment.unknown", **values)
    key = "deployment.request" if r.get("cause") is not None else "deployment"
    return ctx.t(key, strength=ctx.counted(strength, "troops"), **values)


def _departure(ctx: _Context, r: Record) -> str:
    values = {**ctx.actors("actor", r.actor), **ctx.actors("target", r.target)}
    if r.get("strength") is not None:
        return ctx.t("departure.some", strength=ctx.number(r.get("strength")), **values)
    return ctx.t("departure", **values)


def _event(ctx: _Context, r: Record) -> str:
    what = r.get("what", "")
    values = {**ctx.actors("actor", r.actor), **ctx.actors("target", r.target)}
    if what in ("pact_signed", "pact_suspended"):  # the actor is the pact
        pact = ctx.pact_phrase(r.actor)
        return ctx.t(f"event.{what}", **i18n.phrase_forms("pact", [pact], ctx.lang))
    if what == "pact_withdrawn":
        pact = ctx.pact_phrase(r.get("pact", ""))
        return ctx.t(
            "event.pact_withdrawn",
            **values,
            **i18n.phrase_forms("pact", [pact], ctx.lang),
            effective=ctx.iso_text(r.get("effective")),
        )
    if what == "ceasefire":
        return ctx.t("event.ceasefire", between=ctx.names(list(r.get("between") or ())))
    if what == "attack_in_war":
        text = ctx.t("event.attack_in_war", **values) + _killed(ctx, r)
        if r.get("offensive_now_war"):
            text += ctx.t("event.attack_in_war.offensive", **values)
        # a strike that left too few to pursue does not make an offensive a war: say why
        return text + _strikers(ctx, r, "event.attack_in_war.few")
    if what == "offensive_goes_on":
        return ctx.t(
            "event.offensive_goes_on", **values, **ctx.actors("beside", list(r.get("beside") or ()))
        )
    if what == "insurgent_offensive":
        intensity = i18n.short_decimal(r.get("intensity", 1), ctx.lang)
        return ctx.t("event.insurgent_offensive", intensity=intensity, **values)
    return ctx.pick(f"event.{what}", "event.other", event=r.get("event", what), **values)


def _attempt_after(ctx: _Context, days: int) -> str:
    """When an attempted coup was decided: the next day, or the same one if a side had nothing."""
    return ctx.t("war_ended.same_day" if days == 0 else "war_ended.next_day")


def _war_ended(ctx: _Context, r: Record) -> str:
    days = int(r.get("days", 0))
    attempt = r.get("reason") == COUP_ATTEMPT_REASON
    if attempt:
        after = _attempt_after(ctx, days)
    elif days == 0:
        after = ctx.t("war_ended.same_day")
    else:
        truce = truce_days(ctx.records, r.get("war"), before=r)
        after = ctx.t("war_ended.after", days=ctx.war_length(days, truce))
    values = {**ctx.actors("actor", r.actor), **ctx.actors("target", r.target)}
    key = "war_ended.coup_attempt" if attempt else "war_ended"
    parts = [ctx.t(key, after=after, how=_how_war_ended(ctx, r), **values)]
    outcome = r.get("outcome", "")
    if i18n.has_message(f"outcome.{outcome}"):
        parts.append(ctx.t(f"outcome.{outcome}", **values))
    if key == "war_ended":  # an attempted coup is not fought by attrition: no losses counted
        losses = list(r.get("losses") or [0, 0])
        parts.append(
            ctx.t(
                "war_ended.losses",
                attackers=ctx.number(losses[0]),
                defenders=ctx.number(losses[1]),
            )
        )
    return " ".join(parts)


def _war_resumed(ctx: _Context, r: Record) -> str:
    values = {**ctx.actors("actor", r.actor), **ctx.actors("target", r.target)}
    probability, draw = ctx.chances(r.get("probability", 0.0), r.get("draw", 0.0))
    text = ctx.t(
        "war_resumed",
        **values,
        days=ctx.days(int(r.get("truce_days", 0))),
        odds=ctx.share(r.get("odds", 0.5)),
        probability=probability,
        draw=draw,
    )
    if r.get("offensive_left") is not None:  # an offensive brought to a truce resumes
        text += ctx.t("war_resumed.offensive", days=ctx.days(int(r.get("offensive_left"))))
    return text


def _how_war_ended(ctx: _Context, r: Record) -> str:
    """Why a war ended, from the reason the model recorded."""
    reason = r.get("reason", "")
    loser = ctx.actors("loser", r.get("loser") or r.target)
    if reason == "breaking point":
        share, threshold = ctx.shares(r.get("share_lost", 0.0), r.get("breaking_point", 0.0))
        return ctx.t("how.breaking_point", **loser, share=share, threshold=threshold)
    if reason.startswith("capitulation") and r.get("draw") is not None:
        probability, draw = ctx.chances(r.get("probability", 0.0), r.get("draw"))
        terms = r.get("terms") or {}
        for stake in ("overthrow", "disarm"):
            factor = terms.get(f"{stake}_factor")
            if factor is not None:
                return ctx.t(
                    f"how.capitulation.{stake}",
                    **loser,
                    factor=ctx.share(factor),
                    probability=probability,
                    draw=draw,
                )
        # An armed group gives up the ground, not its arms: its fighters break off and go.
        withdrew = is_armed_group(r.get("loser") or r.target)
        key = "how.capitulation.withdrew" if withdrew else "how.capitulation"
        return ctx.t(key, **loser, probability=probability, draw=draw)
    if reason == "mediation":
        mediators = list(r.get("mediators") or [])
        if not mediators or r.get("draw") is None:
            return ctx.t("how.mediation.anonymous")
        probability, draw = ctx.chances(r.get("probability", 0.0), r.get("draw"))
        forms = ctx.actors("mediators", mediators)
        ripe = ctx.share(r.get("ripeness", 0.0))
        chances = {"ripeness": ripe, "probability": probability, "draw": draw}
        outlasted = r.get("stalemate")
        if outlasted:  # the government's weariness was the time it had fought past its hopes
            expected = outlasted.get("expected_days")
            hope = (
                ctx.t("stalemate.hope.never")
                if expected is None
                else ctx.t("stalemate.hope", expected=ctx.days(max(1, round(expected))))
            )
            return ctx.t(
                "how.mediation.stalemate",
                **forms,
                **ctx.actors("government", outlasted["government"]),
                hope=hope,
                again=ctx.t("stalemate.again") if outlasted.get("resumed") else "",
                fought=ctx.days(outlasted["days_fought"]),
                **chances,
            )
        return ctx.t("how.mediation", **forms, **chances)
    if reason.startswith("scheduled ceasefire"):
        return ctx.t("how.ceasefire")
    if reason == COUP_ATTEMPT_REASON:
        return _how_attempt_decided(ctx, r)
    if reason == OFFENSIVE_OVER:
        return _how_offensive_ended(ctx, r)
    if reason == "no forces left on the front":
        return ctx.t("how.no_forces", **loser)
    return ctx.t("how.other", reason=reason)


def _how_offensive_ended(ctx: _Context, r: Record) -> str:
    """How a limited offensive ended: the stronger side at the front, once it had run its course."""
    offensive = r.get("offensive") or r.actor
    loser = r.get("loser") or r.target
    enemy = r.target if offensive == r.actor else r.actor
    strength = sorted(r.get("strength") or [0, 0])
    values = {
        **ctx.actors("offensive", offensive),
        **ctx.actors("loser", loser),
        **ctx.actors("enemy", enemy),
        "fought": (
            ctx.t("offensive.fought", days=ctx.days(int(r.get("fought"))))
            if r.get("fought") is not None and r.get("fought") != r.get("days")
            else ""
        ),
        "weaker": ctx.number(strength[0]),
        "stronger": ctx.number(strength[1]),
    }
    return ctx.t("how.offensive.held" if loser == offensive else "how.offensive.won", **values)


def _how_attempt_decided(ctx: _Context, r: Record) -> str:
    """How an attempted coup was decided: by the record's rate (a faction) or by force."""
    terms = r.get("terms") or {}
    who = "faction" if terms.get("faction") else "outsiders"
    result = "succeeded" if r.get("outcome") == WarOutcome.ATTACKERS_WON else "failed"
    probability, draw = ctx.chances(r.get("probability", 0.0), r.get("draw", 0.0))
    held = terms.get("against_outside")
    outside = (
        ctx.t("how.coup_attempt.against_outside", held=ctx.share(held))
        if held is not None
        else ctx.t("how.coup_attempt.whatever")
    )
    rate, record = terms.get("rate"), PARAMETERS["coup_success"].default
    if who == "outsiders":  # decided by force: no rate to name
        rate_text = ""
    elif rate == record:
        rate_text = ctx.t("how.coup_attempt.rate", rate=ctx.share(record))
    else:  # set by the scenario or the class: said, with the record's beside it
        rate_text = ctx.t(
            "how.coup_attempt.rate.set", rate=ctx.share(rate), record=ctx.share(record)
        )
    return ctx.t(
        f"how.coup_attempt.{who}.{result}",
        probability=probability,
        draw=draw,
        outside=outside,
        rate=rate_text,
    )


def _other(ctx: _Context, r: Record) -> str:
    """A record kind this renderer does not know yet: named, not hidden."""
    parties = ctx.names([a for a in (r.actor, r.target) if a])
    return ctx.t("record.other", kind=r.kind.value, parties=parties)


_RENDERERS: dict[RecordKind, Callable[[_Context, Record], str]] = {
    RecordKind.EVENT: _event,
    RecordKind.COUP: _coup,
    RecordKind.THREAT: _threat,
    RecordKind.ATTACK_DECIDED: _attack_decided,
    RecordKind.STOOD_DOWN: _stood_down,
    RecordKind.DEADLINE_PASSED: _deadline_passed,
    RecordKind.CONCEDED: _conceded,
    RecordKind.STANCE: _stance,
    RecordKind.REFUSAL: _refusal,
    RecordKind.THIRD_PARTY_FORCE: _third_party_force,
    RecordKind.REQUEST: _request,
    RecordKind.WAR_STARTED: _war_started,
    RecordKind.INCIDENT: _incident,
    RecordKind.REBELLION: _rebellion,
    RecordKind.OBLIGATION: _obligation,
    RecordKind.CLAUSE_UNMET: _clause_unmet,
    RecordKind.VOTE: _vote,
    RecordKind.RESPONSE: _response,
    RecordKind.ENTERED_WAR: _entered_war,
    RecordKind.WITHDREW: _withdrew,
    RecordKind.CONSULTATION: _consultation,
    RecordKind.SUPPORT: _support,
    RecordKind.WAR_ENDED: _war_ended,
    RecordKind.WAR_RESUMED: _war_resumed,
    RecordKind.MEMBERSHIP: _membership,
    RecordKind.DEPLOYMENT: _deployment,
    RecordKind.DEPARTURE: _departure,
}
