"""What the projector and a phone show, as plain data in one language (the pages draw it).

A phone sees its own seat, its role and world, the question waiting for its role (with what
that state would weigh) and the latest lines of its world's story, newest first; never another
phone's token, nor what the model would have chosen. The projector sees every world and every seat.
"""

from __future__ import annotations

import datetime as dt
import re
import types

from sim.analysis.wars import truce_days
from sim.errors import SahelsimError
from sim.model.pacts import requested
from sim.model.players import Choice, Question, QuestionKind
from sim.model.records import RecordKind
from sim.present import i18n
from sim.present.app.live import scenario_choices
from sim.present.app.story import plain_reason, split_details
from sim.present.app.words import typeset
from sim.present.classroom.ensemble import Decision, decision_of
from sim.present.classroom.session import OBSERVER, Ask, ClassSession, Seat
from sim.present.classroom.told import woven
from sim.present.classroom.words import LANGS, WORDS, decimal, role_name, word
from sim.present.classroom.worlds import Answer
from sim.present.error_words import said
from sim.present.narrative import cite, narrative, war_length

STORY_LINES = 4
"""Lines of a world's story a phone shows (the projector shows as many per world)."""


def language(lang: object) -> str:
    """``lang`` if the pages speak it, else English."""
    return lang if lang in LANGS else "en"


def _date(session: ClassSession, day: int, lang: str) -> str:
    return i18n.date_text(session.scenario.start + dt.timedelta(days=day), lang)


def story(session: ClassSession, group: int, lang: str, lines: int = STORY_LINES) -> list[str]:
    """The last ``lines`` paragraphs of a world's story so far, newest last."""
    return _told(session, group, lang)[0][-lines:]


def told_in_parts(
    session: ClassSession, group: int, lang: str, lines: int = STORY_LINES
) -> list[dict[str, str]]:
    """The last ``lines`` paragraphs of a world's story as its screens show them, newest last.

    The projector's cards and the phones alike.

    As the single-run app tells its story (:mod:`sim.present.app.story`): the words (``text``,
    with the date), what weighed most in a decision (``reason``, "" if none), and the figures of
    the decision (``details``, "" if none) behind a "details" toggle. In full, a threatener's
    balance of forces ran to ten lines of each world's card.
    """
    return _told(session, group, lang)[2][-lines:]


def played(session: ClassSession, group: int, lang: str, lines: int = STORY_LINES) -> list[str]:
    """The story's paragraphs of the decisions players took ("Mali's player honoured...")."""
    return _told(session, group, lang)[1][-lines:]


def _told(
    session: ClassSession, group: int, lang: str
) -> tuple[list[str], list[str], list[dict[str, str]]]:
    """A world's story so far, its played paragraphs and its paragraphs in parts.

    Told again only once the world has moved (:func:`told_in_parts` says what the parts are).
    """
    world = session.worlds[group]
    records = world.shown
    shown = (len(records), world.done, len(world.log))
    cache = session.stories.get((group, lang))
    if cache is None or cache[0] != shown:
        run = types.SimpleNamespace(
            records=records,
            start=session.scenario.start,
            days=session.scenario.days,
            summary={},
            seed=session.seed,
            scenario_title=session.scenario.title,
            scenario_title_fr=session.scenario.french_title,
            notes_fr=session.scenario.notes_fr,
        )
        # one paragraph per record (no opening, no closing), and the players' choices that
        # left none (a week's defiance or wait), where they were taken
        pairs = woven(records, narrative(run, lang)[1:-1], world.log, run.start, lang)
        told = [f"{i18n.date_text(p.date, lang)} — {p.text}" for p, _ in pairs]
        by_players = [
            _first_sentence(line)
            for line, (_, r) in zip(told, pairs, strict=True)
            if r is None or r.get("played")
        ]
        in_parts = [_in_parts(p, r, lang) for p, r in pairs]
        # typeset once split into sentences: the phones' story was left with English spacing
        told = [typeset(line, lang) for line in told]
        by_players = [typeset(line, lang) for line in by_players]
        cache = (shown, told, by_players, in_parts)
        session.stories[(group, lang)] = cache
    return cache[1], cache[2], cache[3]


def _in_parts(paragraph, record, lang: str) -> dict[str, str]:
    """One paragraph of the story in its words, its reason and its details, typeset.

    ``record``: the one it tells (``None`` for a player's choice that left none).
    """
    text, details = split_details(paragraph.text, lang)
    reason = plain_reason(record, lang) if details and record is not None else ""
    return {
        "text": typeset(f"{i18n.date_text(paragraph.date, lang)} — {text}", lang),
        "reason": typeset(reason, lang),
        "details": typeset(details, lang),
    }


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«])")


def _first_sentence(text: str) -> str:
    """The first sentence of a paragraph (who decided what), for the projector's short list."""
    return SENTENCE_END.split(text, maxsplit=1)[0]


def _clause(context: dict, lang: str) -> dict[str, str]:
    """``{clause}`` and its forms: the article and pact as the story cites them."""
    citation = cite(
        context.get("pact", ""), context.get("article"), lang, context.get("pact_name", "")
    )
    return i18n.phrase_forms("clause", [citation], lang, plural=False)


def question_view(session: ClassSession, ask: Ask, lang: str) -> dict:
    """A question as its phone shows it: the text, what the role weighs, the choices."""
    q: Question = ask.question
    c = q.context
    way = ""  # how a struck state would use force, which its attack button says
    if q.kind is QuestionKind.OBLIGATION:
        victim = i18n.actor_forms("victim", q.other, lang)
        offenders = i18n.actor_forms("offenders", c.get("offenders") or [], lang)
        key = "q.obligation.permitted" if c.get("permitted") else "q.obligation"
        if requested(c.get("pact") or "") is not None:
            key = "q.obligation.guard" if c.get("guard") else "q.obligation.request"
        text = word(
            key,
            lang,
            **victim,
            **offenders,
            **_clause(c, lang),
            action=word(f"a.{c.get('action', 'consult')}", lang),
        )
        weighs = [
            (word(f"t.{name}", lang), decimal(value, lang))
            for name in (
                "resolve",
                "affinity",
                "capacity",
                "expected cost",
                "insurgency at home",
                "reputation",
            )
            if (value := (c.get("terms") or {}).get(f"{name} (value)")) is not None
        ]
    elif q.kind is QuestionKind.ATTACK:
        terms = c.get("terms") or {}
        limit = terms.get("offensive")  # an armed group struck: a limited offensive (§7.11)
        way = "offensive" if limit is not None else "retaliation" if c.get("retaliation") else ""
        days = {"days": i18n.days(limit, lang)} if limit is not None else {}
        if limit is not None:  # raiders from abroad are fought on the player's own soil
            key = "q.attack.offensive" + (".abroad" if c.get("from_abroad") else "")
        else:
            key = "q.attack.retaliation" if c.get("retaliation") else "q.attack"
        text = word(
            key,
            lang,
            **i18n.actor_forms("target", q.other, lang),
            closes=_date(session, c.get("closes", q.day), lang),
            **days,
        )
        weighs = [
            (word("t.own", lang), i18n.number(terms.get("own strength", 0), lang)),
            (word("t.opposition", lang), i18n.number(terms.get("expected opposition", 0), lang)),
            (word("t.balance", lang), decimal(terms.get("balance", 0), lang)),
            (word("t.required", lang), decimal(terms.get("required superiority", 0), lang)),
            # as precise as the story gives them: a few hundredths of a percent is not 0 %
            (word("t.losses", lang), i18n.share(terms.get("expected losses", 0), lang)),
        ]
        if terms.get("military rule"):  # the balance above counts it: say by how much
            factor = decimal(terms.get("junta confidence", 1), lang)
            weighs.insert(3, (word("t.junta", lang), f"× {factor}"))
    elif q.kind in (QuestionKind.VOTE, QuestionKind.DECISION):
        rule = c.get("decision", "")
        text = word(
            f"q.{q.kind.value}",
            lang,
            **i18n.actor_forms("body", c.get("body", ""), lang),
            **i18n.actor_forms("victim", q.other, lang),
            rule=word(f"rule.{rule}", lang) if f"rule.{rule}" in WORDS["en"] else rule,
            **_clause(c, lang),
            action=word(f"a.{c.get('action', 'consult')}", lang),
        )
        weighs = []
        if q.kind is QuestionKind.DECISION:  # the body sees how its members voted
            tally = f"{len(c.get('yes') or [])} / {len(c.get('voters') or [])}"
            weighs.append((word("t.votes_for", lang), tally))
            if "probability" in c:  # consensus: the members' mean inclination
                weighs.append((word("t.inclination", lang), i18n.percent(c["probability"], lang)))
    elif q.kind is QuestionKind.PLEDGE:
        text = word(
            "q.pledge",
            lang,
            **i18n.actor_forms("body", c.get("body", ""), lang),
            **i18n.actor_forms("target", q.other, lang),
            deadline=_date(session, c.get("deadline", q.day), lang),
        )
        weighs = []
    else:
        text = word(
            "q.concession",
            lang,
            **i18n.actor_forms("threatener", q.other, lang),
            deadline=_date(session, c.get("deadline", q.day), lang),
        )
        weighs = _threatened_weighs(q, lang)
    return {
        "id": ask.id,
        "kind": q.kind.value,
        "date": _date(session, q.day, lang),
        "text": text,
        "weighs": [{"name": n, "value": v} for n, v in weighs],
        "choices": [
            {
                "value": o.value,
                "label": _choice_label(q.kind, o, lang, bool(c.get("permitted")), way),
            }
            for o in q.options
        ],
        "seconds": session.seconds_left(ask),
    }


def _threatened_weighs(q: Question, lang: str) -> list[tuple[str, str]]:
    """What a threatened state weighs before giving in or defying, in the model's own terms.

    The model's rule (:func:`sim.model.intent.concedes`) weighs the threat's credibility (the
    threatener's readiness to attack) and the state's resolve: the player sees those, and what
    the readiness comes from, the threatener's judgement of the war (its forces, the state's
    home defence and each ally it expects beside the state, the balance against the superiority
    it wants), with the partners in arms whose consent giving in needs.
    """
    c = q.context
    terms = c.get("terms") or {}
    threatener = i18n.actor_forms("threatener", q.other, lang)
    weighs = []
    if "own strength" in terms:
        weighs += [
            (word("t.threat_forces", lang, **threatener), i18n.number(terms["own strength"], lang)),
            (
                word("t.home_defence", lang),
                i18n.number(terms.get("target's home defence", 0), lang),
            ),
        ]
        for ally, help_ in (terms.get("expected help to the target") or {}).items():
            forms = {**threatener, **i18n.actor_forms("ally", ally, lang)}
            weighs.append((word("t.ally_help", lang, **forms), i18n.number(help_, lang)))
        weighs += [
            (word("t.their_balance", lang), decimal(terms.get("balance", 0), lang)),
            (
                word("t.their_required", lang, **threatener),
                decimal(terms.get("required superiority", 0), lang),
            ),
        ]
    if "readiness" in terms:
        weighs.append(
            (word("t.readiness", lang, **threatener), _small_share(terms["readiness"], lang))
        )
    if c.get("resolve") is not None:
        weighs.append((word("t.resolve", lang), decimal(c["resolve"], lang)))
    if c.get("partners"):
        names = i18n.join_list([i18n.actor_name(p, lang) for p in c["partners"]], lang)
        weighs.append((word("t.partners", lang), names))
    return weighs


SMALLEST = 0.0001
"""The smallest share a phone writes (0.01 %): below it, "< 0.01 %" rather than 0.00 %."""


def _small_share(p: float, lang: str) -> str:
    """A share as precise as the story gives it; one too small to write is not written 0 %."""
    return f"< {i18n.share(SMALLEST, lang)}" if 0 < p < SMALLEST / 2 else i18n.share(p, lang)


def _decision(session: ClassSession, a: Answer, lang: str) -> dict[str, str]:
    """A settled question in the projector's list: its parts, and the line they make."""
    parts = {
        "date": _date(session, a.question.day, lang),
        "role": role_name(a.question.role, lang, session.organisations),
        "choice": _choice_text(a.question.kind, a.choice, lang),
        "by": word("by_player" if a.by == "player" else "by_timer", lang),
    }
    return {**parts, "text": word("decision.line", lang, **parts)}


def _choice_label(
    kind: QuestionKind, choice: Choice, lang: str, permitted: bool = False, way: str = ""
) -> str:
    """A choice's button: the body's decision says "act", a member's vote "vote for".

    Nothing is owed under a permission or a request: its buttons give or decline, not honour
    or abstain from a duty. ``way``: how a struck state would use force (``offensive``,
    ``retaliation``), which its attack button says.
    """
    keys = [f"c.{choice.value}.{way}"] * bool(way) + [f"c.{kind.value}.{choice.value}"]
    keys += [f"c.{choice.value}.permitted"] * permitted
    for key in keys:
        if key in WORDS["en"]:
            return word(key, lang)
    return word(f"c.{choice.value}", lang)


def _outcome(kind: QuestionKind, choice: Choice, lang: str) -> str:
    """What a decision came to, in the debrief's words."""
    specific = f"o.{kind.value}.{choice.value}"
    return word(specific if specific in WORDS["en"] else f"o.{choice.value}", lang)


def _status(session: ClassSession, group: int, lang: str) -> str:
    world = session.worlds[group]
    ask = session.asks[group]
    if ask is not None:
        role = role_name(ask.question.role, lang, session.organisations)
        return word("waiting_for", lang, role=role, seconds=session.seconds_left(ask))
    if world.finished:
        return word("finished", lang)
    if world.day < 0:
        return word("not_started", lang)
    return word("running" if session.running else "paused", lang)


def seat_view(session: ClassSession, seat: Seat, lang: str) -> dict:
    """What one phone shows."""
    lang = language(lang)
    world = session.worlds[seat.group]
    ask = session.ask_for(seat)
    if seat.role == OBSERVER:
        note = word("observer_note", lang)
    elif ask is None:
        note = word("nothing_now", lang)
    else:
        note = word("time_left", lang, seconds=session.seconds_left(ask))
    return {
        "seat": seat.id,
        "name": seat.name,
        "scenario": scenario_title(session, lang),
        "world": word("in_world", lang, n=seat.group + 1),
        "role": seat.role,
        "role_name": word(
            "your_role", lang, role=role_name(seat.role, lang, session.organisations)
        ),
        "day": word("day", lang, day=max(world.today, 0), days=world.horizon),
        "date": _date(session, max(world.today, 0), lang),
        "note": note,
        "question": None if ask is None else question_view(session, ask, lang),
        # newest first: a phone is read from the top, under its question, and its latest
        # events began with the oldest of them (the projector's card reads as a story)
        "story": told_in_parts(session, seat.group, lang)[::-1],
    }


def class_view(session: ClassSession, lang: str) -> dict:
    """What the projector shows: every world, its status, phones, decisions and story."""
    lang = language(lang)
    worlds = []
    for g, world in enumerate(session.worlds):
        worlds.append(
            {
                "n": g + 1,
                "title": word("world", lang, n=g + 1),
                "day": word("day", lang, day=max(world.today, 0), days=world.horizon),
                "date": _date(session, max(world.today, 0), lang),
                "ran": world.day,  # the map's address changes with it (``/map``, drawn anew)
                "status": _status(session, g, lang),
                "waiting": session.asks[g] is not None,
                "seats": [
                    {
                        "id": s.id,
                        "name": s.name,
                        "role": s.role,
                        "role_name": role_name(s.role, lang, session.organisations),
                    }
                    for s in session.seats_in(g)
                ],
                "decisions": [_decision(session, a, lang) for a in world.log[-6:]],
                "story": told_in_parts(session, g, lang),
                "played": played(session, g, lang),
                "finished": world.finished,
                "debrief": debrief(session, g, lang) if world.finished else None,
                "answers": {
                    "player": sum(a.by == "player" for a in world.log),
                    "timer": sum(a.by == "timer" for a in world.log),
                },
            }
        )
    return {
        "code": session.code,
        # what the class plays, named on the projector (it never was), and the round
        "playing": word(
            "playing",
            lang,
            title=scenario_title(session, lang),
            seed=session.seed,
            round=session.round,
        ),
        "scenario": session.scenario_name,
        "seed": str(session.seed),  # a string: a seed may exceed what JavaScript counts exactly
        "round": session.round,
        "running": session.running,
        "roles": [
            {"value": r, "label": role_name(r, lang, session.organisations)}
            for r in [*session.roles, OBSERVER]
        ],
        "worlds": worlds,
        "comparison": comparison(session, lang),
    }


def scenario_title(session: ClassSession, lang: str) -> str:
    """The title of the scenario the class plays, in ``lang``."""
    return typeset(session.scenario.title_in(lang), lang)


def scenario_options(opened: str, lang: str) -> list[dict[str, str]]:
    """The scenarios a new round may play, by their titles in ``lang``: the lessons first.

    As the single-run app's picker lists them, with the scenario file the class was opened on
    (``opened``) before them all.
    """
    return [
        {"value": name, "label": title} for title, name in scenario_choices(lang, opened).items()
    ]


def debrief(session: ClassSession, group: int, lang: str) -> dict | None:
    """Each choice the players made against the model's rule and against its unplayed runs.

    Against its rule at that moment, and against how often its states made the same choice in
    the unplayed runs from the same start (:mod:`.ensemble`). ``None`` when no player answered.
    """
    answers = [a for a in session.worlds[group].log if a.by == "player"]
    if not answers:
        return None
    lines = [
        word(
            "debrief.line",
            lang,
            date=_date(session, a.question.day, lang),
            role=role_name(a.question.role, lang, session.organisations),
            choice=_choice_text(a.question.kind, a.choice, lang),
            model=_choice_text(a.question.kind, a.question.model_choice, lang),
        )
        for a in answers
    ]
    same = sum(a.choice is a.question.model_choice for a in answers)
    return {
        "title": word("debrief", lang),
        "lines": lines,
        "summary": word("debrief.same", lang, same=same, total=len(answers)),
        "ensemble": ensemble_view(session, group, lang),
    }


def played_decisions(session: ClassSession, group: int) -> list[Decision]:
    """The decisions of a world a player took at least once, in the order they were first asked."""
    log = session.worlds[group].log
    return list(dict.fromkeys(decision_of(a.question) for a in log if a.by == "player"))


def ensemble_view(session: ClassSession, group: int, lang: str) -> dict:
    """A finished world's played decisions against the model's unplayed runs from its start."""
    if session.ensemble.failed:
        failed = _failed(session.ensemble.failed, lang)
        return {"title": "", "lines": [], "pending": failed}
    counts = session.ensemble.now_or_never()
    if counts is None:
        return {"title": "", "lines": [], "pending": word("ens.pending", lang)}
    _, came_to = session.replayed(group)
    lines = []
    for decision in played_decisions(session, group):
        ours = came_to[decision]
        faced = counts.faced(decision)
        values = {
            "role": role_name(decision.role, lang, session.organisations),
            "about": word(
                f"about.{decision.kind.value}",
                lang,
                **i18n.actor_forms("other", decision.other, lang),
            ),
            "ours": _outcome(decision.kind, ours, lang),
            "runs": counts.runs,
        }
        if faced:
            share = i18n.percent(counts.made(decision, ours) / faced, lang)
            lines.append(word("ens.line", lang, share=share, faced=faced, **values))
        else:
            lines.append(word("ens.never", lang, **values))
    return {
        "title": word("ens.title", lang, runs=counts.runs, seed=counts.root_seed),
        "lines": lines,
        "pending": None,
    }


def _first_war_length(run, lang: str) -> str:
    """The first war's length, as the story's closing gives it (its truce days said apart)."""
    first = next((r for r in run.records if r.kind is RecordKind.WAR_STARTED), None)
    truce = truce_days(run.records, first.get("war")) if first is not None else 0
    return war_length(run.summary["war_days"], truce, lang)


def _failed(error: Exception, lang: str) -> str:
    """Why the model's own runs were not counted, in ``lang``.

    sahelsim's error as the command line says it; any other, a fault whose message is Python's
    English, is left to the terminal (the traceback is there).
    """
    if isinstance(error, SahelsimError):
        return word("ens.failed", lang, error=said(error.message, lang))
    return word("ens.failed.elsewhere", lang)


def comparison(session: ClassSession, lang: str) -> dict | None:
    """The worlds side by side once every one is finished.

    For each: the class's decisive choices, the outcome (war, its length, who gave in) and how
    many played choices the model's rule made too. ``None`` until every world is finished.
    """
    if not all(world.finished for world in session.worlds):
        return None
    columns = []
    for g, world in enumerate(session.worlds):
        run, came_to = session.replayed(g)
        choices = [
            word(
                "cmp.choice",
                lang,
                role=role_name(d.role, lang, session.organisations),
                choice=_outcome(d.kind, came_to[d], lang),
            )
            for d in played_decisions(session, g)
        ]
        answers = [a for a in world.log if a.by == "player"]
        same = sum(a.choice is a.question.model_choice for a in answers)
        conceded = list(
            dict.fromkeys(r.actor for r in run.records if r.kind is RecordKind.CONCEDED)
        )
        columns.append(
            {
                "title": word("world", lang, n=g + 1),
                "choices": choices or [word("cmp.none", lang)],
                "war": word("cmp.war.yes", lang, days=_first_war_length(run, lang))
                if run.summary["war_occurred"]
                else word("cmp.war.no", lang),
                "conceded": i18n.join_list([i18n.actor_name(a, lang) for a in conceded], lang)
                if conceded
                else word("cmp.nobody", lang),
                "model": word("cmp.same", lang, same=same, total=len(answers)) if answers else "-",
            }
        )
    rows = ("choices", "war", "conceded", "model")
    return {
        "title": word("cmp.title", lang),
        "rows": [{"key": r, "label": word(f"cmp.{r}", lang)} for r in rows],
        "columns": columns,
    }


def _choice_text(kind: QuestionKind, choice: Choice | None, lang: str) -> str:
    """A choice as the decisions and the debrief name it: the words of its button."""
    return "-" if choice is None else _choice_label(kind, choice, lang)
