"""Checks that span fields: ids that must exist, dates that must fall inside the horizon.

These run on the raw merged document, next to the schema validation rather than after it, so
that a file with a wrong type *and* an unknown id hears about both at once. Each check skips
whatever the schema will already reject.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator
from typing import Any

from sim.errors import Listed, Text, nearest, one_of
from sim.scenario.facts import FactBase
from sim.scenario.vocabulary import ActorKind, EndorsingBody
from sim.scenario.yamlfile import Path_

Finding = tuple[Path_, str, Any, str, str]
"""(path, message, value, expected, suggestion). A path whose last part is an id used as a key
(an actor or a pact) is located at the key; see :data:`KEYED`."""

KEYED = ("actors", "pacts", "pacts_left_out")
"""Top-level mappings whose keys are ids checked against the fact base."""

CALENDAR = (dt.date(2, 1, 1), dt.date(9998, 12, 31))
"""First and last day a scenario may cover: a year inside Python's and the figures' calendar
(years 1 to 9999), so that every accepted horizon runs, and draws with its margins."""

# Which event fields name which kind of thing.
_STATE_FIELDS = {"target", "state", "host", "country"}
_ACTOR_LIST_FIELDS = {"contributors", "between", "defenders"}
_ITSELF = {
    "attack": lambda by: Text("{by} cannot attack itself", by=by),
    "threat": lambda by: Text("{by} cannot threaten itself", by=by),
    "sanctions": lambda by: Text("{by} cannot sanction itself", by=by),
}
"""What an attack, a threat or sanctions aimed by an actor at itself says."""
_LATER_DATES = {
    "deadline": Text("the deadline"),
    "lifted": Text("the lifted"),
    "until": Text("its last day"),
}
"""Dates that may not come before the event's own date, and how a message names them."""


def as_date(value: Any) -> dt.date | None:
    """A date from a raw YAML value, or None when it is not one."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def check_references(data: Any, facts: FactBase) -> Iterator[Finding]:
    """Every reference and date problem in a raw scenario document."""
    if not isinstance(data, dict):
        return
    if "actors" in data and not isinstance(data["actors"], dict):
        return  # the schema says actors must be a mapping; every id would cascade from it
    actors = data.get("actors") if isinstance(data.get("actors"), dict) else {}
    start = as_date(data.get("start"))
    kinds = actor_kinds(actors, facts)
    yield from _check_actors(actors, facts)
    yield from _check_overrides(actors, facts, start)
    yield from _check_inline_actors(actors, kinds, facts, start)
    known_actors = list(kinds)
    pacts = data.get("pacts") if isinstance(data.get("pacts"), dict) else {}
    yield from _check_pacts(pacts, facts, list(kinds))
    left_out = data.get("pacts_left_out")
    yield from _check_left_out(left_out if isinstance(left_out, dict) else {}, facts)
    events = data.get("events") if isinstance(data.get("events"), dict) else {}
    days = data.get("days", 365)
    end = None
    if (
        start is not None
        and isinstance(days, int)
        and not isinstance(days, bool)
        and 0 < days <= 3650
    ):
        first, last = CALENDAR
        if first <= start <= last - dt.timedelta(days=days):
            end = start + dt.timedelta(days=days)
        else:  # the events' dates are then not checked against a horizon that cannot be
            fields = {"days": days, "first": first, "last": last}
            yield (
                ("start",),
                Text(
                    "the scenario's {days} day run outside the calendar it can run and draw, "
                    "{first} to {last}",
                    **fields,
                )
                if days == 1
                else Text(
                    "the scenario's {days} days run outside the calendar it can run and draw, "
                    "{first} to {last}",
                    **fields,
                ),
                str(start),
                Text(
                    "a start from {first} to {last}",
                    first=first,
                    last=last - dt.timedelta(days=days),
                ),
                "",
            )
    for name, event in events.items():
        if isinstance(event, dict):
            yield from _check_event(
                ("events", name), event, kinds, actors, list(pacts), facts, start, end
            )
            yield from _check_struck_where_they_stand(("events", name), event, events, kinds, facts)
    observed = data.get("observed")
    if isinstance(observed, dict):
        yield from _check_observed(observed, known_actors, list(facts.organisations))
        yield from _check_scripted_entries(observed, events, data.get("actors"))
        if start is not None:
            yield from _check_observed_days(observed, start)


def _check_observed(
    observed: dict, actors: list[str], organisations: list[str]
) -> Iterator[Finding]:
    """The ids an ``observed:`` block names are actors of the scenario or organisations.

    Help short of war is given and received by actors only: the model records it of each
    member that gives it, never of a body (:func:`sim.analysis.backtest._helped`).
    """
    choices = actors + organisations
    what = _ACTOR_OR_ORGANISATION
    for where, one in _force_items(observed):
        if isinstance(one.get("against"), str):
            yield from _must_be(where, "against", one["against"], choices, what)
        by = one.get("by")
        for i, item in enumerate(by if isinstance(by, list) else []):
            if isinstance(item, str):
                yield from _must_be((*where, "by"), i, item, choices, what)
    entered = observed.get("entered")
    for i, entry in enumerate(entered if isinstance(entered, list) else []):
        if isinstance(entry, dict) and isinstance(entry.get("actor"), str):
            yield from _must_be(("observed", "entered", i), "actor", entry["actor"], choices, what)
    helped = observed.get("helped")
    for i, item in enumerate(helped if isinstance(helped, list) else []):
        for key in ("actor", "to"):
            if isinstance(item, dict) and isinstance(item.get(key), str):
                where = ("observed", "helped", i)
                yield from _must_be(where, key, item[key], actors, _ACTOR)


def _check_observed_days(observed: dict, start: dt.date) -> Iterator[Finding]:
    """An item's last day (``until``, ``by``) is not before the run starts.

    Nothing the run does could come by then: the item would score the model wrong in every
    replicate.
    """
    dated = [(where, one, "until") for where, one in _force_items(observed)]
    for key in ("entered", "helped"):
        items = observed.get(key)
        for i, one in enumerate(items if isinstance(items, list) else []):
            if isinstance(one, dict):
                dated.append((("observed", key, i), one, "by"))
    for where, one, field in dated:
        day = as_date(one.get(field))
        if day is not None and day < start:
            yield (
                (*where, field),
                Text(
                    "the item's last day is before the run starts ({start}): nothing the run "
                    "does can come by then",
                    start=start,
                ),
                str(day),
                Text("a date on or after {day}", day=start),
                "",
            )


def _force_items(observed: dict) -> Iterator[tuple[Path_, dict]]:
    """Each ``force_used`` item with its path: one item, or each of a list."""
    force = observed.get("force_used")
    listed = isinstance(force, list)
    for n, one in enumerate(force if listed else [force]):
        if isinstance(one, dict):
            yield (("observed", "force_used", n) if listed else ("observed", "force_used")), one


def _on_or_before(event: dict, until: dt.date | None) -> bool:
    """Whether an event comes on or before ``until`` (any event, with no ``until``)."""
    day = as_date(event.get("date"))
    return until is None or day is None or day <= until


def _any_of(by: list[str]) -> str:
    """What makes a force item true when it names several actors, or none."""
    if not by:
        return Text(", and the item holds if anyone used force")
    return Text(", and the item holds if any one of `by` used force") if len(by) > 1 else ""


def _attacking(event: dict) -> set[str]:
    """The parties an attack event names on its attacking side (``by`` and ``contributors``)."""
    parties = [event.get("by"), *(event.get("contributors") or [])]
    return {p for p in parties if isinstance(p, str)}


def _check_scripted_entries(observed: dict, events: dict, actors: Any) -> Iterator[Finding]:
    """An actor the scenario sets fighting beside the target is not the model's to enter.

    A scored item must be the model's choice: an ``entered`` item for one of an invasion's
    ``defenders`` would score the script, and so would a ``force_used`` item that holds if one
    of them used force on the attack's parties, or if an outside party did that a
    ``third_party_force`` event sets striking the target (a reader scored France's strikes on
    the Polisario in 1977, which the scenario gave), and a ``helped`` item for a rebel army's
    declared backer (its backing comes with every war the rebels fight) or for a defender.
    """
    placed = {
        defender: name
        for name, event in events.items()
        if isinstance(event, dict)
        and event.get("kind") == "attack"
        and event.get("enabled", True) is not False
        and isinstance(event.get("defenders"), list)
        for defender in event["defenders"]
        if isinstance(defender, str)
    }
    defending: dict[str, list[str]] = {}  # each defender's invasions, in the file's order
    for name, event in events.items():
        if (
            isinstance(event, dict)
            and event.get("kind") == "attack"
            and event.get("enabled", True) is not False
            and isinstance(event.get("defenders"), list)
        ):
            for defender in event["defenders"]:
                if isinstance(defender, str):
                    defending.setdefault(defender, []).append(name)
    # An outside party's force the events schedule (third_party_force), by party and target.
    # A body's mandated force strikes in the body's name (the record's actor: unsc).
    struck = [
        ((event.get("party") or event.get("body"), event["target"]), name)
        for name, event in events.items()
        if isinstance(event, dict)
        and event.get("kind") == "third_party_force"
        and event.get("enabled", True) is not False
        and isinstance(event.get("party") or event.get("body"), str)
        and isinstance(event.get("target"), str)
    ]
    for where, one in _force_items(observed):
        by, against = one.get("by", []), one.get("against")
        if not isinstance(by, list) or not all(isinstance(b, str) for b in by):
            continue  # the schema says what is wrong with it
        until = as_date(one.get("until"))  # force scheduled after it does not decide the item
        striking = {
            p: name
            for (p, target), name in struck
            if target == against and _on_or_before(events[name], until)
        }
        # The item holds if any one of `by` used force (anyone, with no `by`).
        if isinstance(against, str) and striking and (not by or set(by) & set(striking)):
            who = [b for b in by if b in striking] or list(striking)
            fields = {
                "who": ", ".join(who),
                "against": against,
                "event": striking[who[0]],
                "any_of": _any_of(by),
            }
            yield (
                (*where, "by" if by else "against"),
                Text(
                    "{who} uses force against {against} as events.{event} (a third_party_force)"
                    "{any_of}: the scenario decides it, not the model",
                    **fields,
                )
                if len(who) == 1
                else Text(
                    "{who} use force against {against} as events.{event} (a third_party_force)"
                    "{any_of}: the scenario decides it, not the model",
                    **fields,
                ),
                ", ".join(by) if by else against,
                Text(
                    "force the model decides (by actors no third_party_force event sets striking)"
                ),
                "",
            )
            continue
        # A defender fights the attack's parties from its first day: any one of `by` suffices.
        fights = {
            b: name
            for b in by
            for name in reversed(defending.get(b, []))
            if against in _attacking(events[name]) and _on_or_before(events[name], until)
        }
        if fights:
            named = list(fights)
            fields = {
                "who": ", ".join(named),
                "against": against,
                "event": fights[named[0]],
                "any_of": _any_of(by),
            }
            yield (
                (*where, "by"),
                Text(
                    "{who} fights {against} from the first day as events.{event}.defenders"
                    "{any_of}: the scenario decides it, not the model",
                    **fields,
                )
                if len(named) == 1
                else Text(
                    "{who} fight {against} from the first day as events.{event}.defenders"
                    "{any_of}: the scenario decides it, not the model",
                    **fields,
                ),
                ", ".join(by),
                Text("force the model decides (by actors the events do not place in the war)"),
                "",
            )
    entered = observed.get("entered")
    for i, entry in enumerate(entered if isinstance(entered, list) else []):
        actor = entry.get("actor") if isinstance(entry, dict) else None
        if actor in placed:
            yield (
                ("observed", "entered", i, "actor"),
                Text(
                    "{actor} fights from the first day as one of events.{event}.defenders: the "
                    "scenario decides it, not the model",
                    actor=actor,
                    event=placed[actor],
                ),
                actor,
                Text("an entry the model decides (an actor the events do not place in the war)"),
                "",
            )
    helped = observed.get("helped")
    for i, item in enumerate(helped if isinstance(helped, list) else []):
        if not isinstance(item, dict):
            continue
        actor, to = item.get("actor"), item.get("to")
        entry = actors.get(to) if isinstance(actors, dict) and isinstance(to, str) else None
        backers = entry.get("backers") if isinstance(entry, dict) else None
        if isinstance(backers, list) and actor in backers:
            why = Text("{actor} backs {to} as one of actors.{to}.backers", actor=actor, to=to)
        elif actor in placed:
            why = Text(
                "{actor} fights from the first day as one of events.{event}.defenders",
                actor=actor,
                event=placed[actor],
            )
        else:
            continue
        yield (
            ("observed", "helped", i, "actor"),
            Text("{why}: the scenario decides it, not the model", why=why),
            actor,
            Text(
                "help the model decides (an actor the scenario neither declares a backer nor "
                "places in the war)"
            ),
            "",
        )


def _inline(entry: Any) -> bool:
    return isinstance(entry, dict) and "kind" in entry


def actor_kinds(actors: dict, facts: FactBase) -> dict[str, ActorKind]:
    """The kind of each actor a raw ``actors:`` mapping names.

    The fact base's kind, or the kind an inline definition gives; ids that are neither are left
    out.
    """
    kinds = {}
    for actor_id, entry in actors.items():
        if _inline(entry):
            try:
                kinds[actor_id] = ActorKind(entry["kind"])
            except ValueError:
                continue
        elif (kind := facts.kind_of(actor_id)) is not None:
            kinds[actor_id] = kind
    return kinds


ADDED_LATER = {
    "CMR": (ActorKind.STATE,),
    "JAS": (ActorKind.ARMED_GROUP, ActorKind.BELLIGERENT),
    "ISWAP": (ActorKind.ARMED_GROUP, ActorKind.BELLIGERENT),
}
"""Ids the fact base gained after files had defined them (6 December 2026), and the kinds a file
may define each as: those files keep their own actor. Any other fact-base id defined inline is a
mistake. An id is added here only if the fact base's actor has no membership, pact, posting or
former name a file's own could be mixed with."""

KINDS = {k.value for k in ActorKind}


def _check_actors(actors: dict, facts: FactBase) -> Iterator[Finding]:
    # An actor defined inline with one of the ids the fact base gained after files had defined
    # them (ADDED_LATER), as a kind it allows, is the file's own (loading.shadowed_actors notes
    # it): files written before the fact base named Cameroon or Boko Haram keep their meaning.
    # Any other fact-base id defined inline is a mistake.
    for actor_id, entry in actors.items():
        if _inline(entry) and actor_id in facts.actor_ids:
            kind = entry.get("kind")
            allowed = [k.value for k in ADDED_LATER.get(actor_id, ())]
            if not isinstance(kind, str) or kind in allowed or kind not in KINDS:
                continue  # the file's own; or a kind the schema refuses, where it says so
            if allowed:
                message = Text(
                    "{actor!r} is already an actor of the fact base; an actor defined inline as "
                    "{kind} needs an id of its own",
                    actor=actor_id,
                    kind=_A_KIND[kind],
                )
            else:
                message = Text(
                    "{actor!r} is already an actor of the fact base; an actor defined inline "
                    "needs an id of its own",
                    actor=actor_id,
                )
            yield (
                ("actors", actor_id),
                message,
                None,
                Text("a new id (or no kind, to use the fact base's actor with overrides)"),
                "",
            )
        elif not _inline(entry) and actor_id not in facts.actor_ids:
            yield (
                ("actors", actor_id),
                Text("unknown actor {actor!r}", actor=actor_id),
                None,
                Text(
                    "an id from the fact base ({choices}), or an actor defined inline with kind, "
                    "name, name_fr, sources and forces",
                    choices=one_of(facts.actor_ids),
                ),
                nearest(str(actor_id), facts.actor_ids),
            )


def _check_inline_actors(
    actors: dict, kinds: dict[str, ActorKind], facts: FactBase, start: dt.date | None
) -> Iterator[Finding]:
    """The ids an inline actor names exist, and a faction is no larger than its state's army."""
    states = [a for a, k in kinds.items() if k is ActorKind.STATE]
    everyone = list(kinds)
    for actor_id, entry in actors.items():
        if not _inline(entry):
            continue
        path = ("actors", actor_id)
        home = entry.get("in")
        if isinstance(home, str):
            yield from _must_be(path, "in", home, states, _STATE)
        for key, choices, what in (
            ("backers", everyone, _ACTOR),
            ("fights_beside", everyone, _ACTOR),
            ("neighbours", states, _STATE),
            ("operates_in", states, _STATE),
            ("member_of", list(facts.organisations), _ORGANISATION),
        ):
            values = entry.get(key)
            for i, item in enumerate(values if isinstance(values, list) else []):
                if isinstance(item, str) and item != actor_id:
                    yield from _must_be((*path, key), i, item, choices, what)
                elif item == actor_id:
                    yield (
                        (*path, key, i),
                        Text("an actor cannot name itself here"),
                        item,
                        what,
                        "",
                    )
        forces = entry.get("forces")
        size = forces.get("value") if isinstance(forces, dict) else None
        if entry.get("faction_of") is True and home in states and isinstance(size, int | float):
            army = _state_forces(home, actors, facts, start)
            if army is not None and size > army:
                yield (
                    (*path, "forces", "value"),
                    Text(
                        "a faction of {home}'s army cannot be larger than the army ({army:,.0f})",
                        home=home,
                        army=army,
                    ),
                    size,
                    Text(
                        "at most {army:,.0f}, or faction_of: false for a force of its own",
                        army=army,
                    ),
                    "",
                )


def _state_forces(state: str, actors: dict, facts: FactBase, start: dt.date | None) -> float | None:
    """A state's forces at the start: its override, its inline figure, or the fact base's."""
    entry = actors.get(state)
    entry = entry if isinstance(entry, dict) else {}
    forces = entry.get("forces")
    if isinstance(forces, int | float) and not isinstance(forces, bool):
        return float(forces)
    if isinstance(forces, dict) and isinstance(forces.get("value"), int | float):
        return float(forces["value"])
    if state in facts.states and start is not None:
        return facts.states[state].forces_on(start).value
    return None


REFUSED_OVERRIDES: dict[ActorKind, dict[str, tuple[Text, Text]]] = {
    ActorKind.POWER: {
        "regime": (
            Text("only a state has a regime"),
            Text("no regime (it applies to states only)"),
        ),
        "deployable_share": (
            Text(
                "it fights with everything it has deployed in the region, so no share is held back"
            ),
            Text("no deployable_share (it applies to states and armed groups)"),
        ),
    },
    ActorKind.ARMED_GROUP: {
        "regime": (
            Text("only a state has a regime"),
            Text("no regime (it applies to states only)"),
        ),
    },
}
"""Actor overrides that a kind of actor cannot honour: (why, what is expected instead). Every
other override changes the run (``docs/model.md`` §5)."""


def _check_overrides(actors: dict, facts: FactBase, start: dt.date | None) -> Iterator[Finding]:
    """Overrides the model could not honour, and states whose regime the fact base lacks."""
    states = [a for a in actors if facts.kind_of(a) is ActorKind.STATE]
    for actor_id, values in actors.items():
        kind = facts.kind_of(actor_id)
        if kind is None or _inline(values):  # a file's own actor: its schema checks it
            continue
        values = values if isinstance(values, dict) else {}
        for key, (why, expected) in REFUSED_OVERRIDES.get(kind, {}).items():
            if key in values:
                yield (
                    ("actors", actor_id, key),
                    Text(
                        "{actor} is {meaning}: {why}",
                        actor=actor_id,
                        meaning=_MEANINGS.get(kind, kind.meaning),
                        why=why,
                    ),
                    values[key],
                    expected,
                    "",
                )
        if start is None:
            continue
        forces = values.get("forces")
        power_forces = kind is ActorKind.POWER and isinstance(forces, int | float)
        if power_forces and facts.powers[actor_id].strength_on(start, states) <= 0:
            yield (
                ("actors", actor_id, "forces"),
                Text(
                    "{actor} has no forces of known strength in this scenario's states on "
                    "{start}: forces scales the deployments present on the start date",
                    actor=actor_id,
                    start=start,
                ),
                forces,
                Text(
                    "no forces override (or a host state of one of its deployments under way on "
                    "the start date among the actors)"
                ),
                "",
            )
        if kind is ActorKind.STATE and values.get("regime") is None:
            first = facts.states[actor_id].regime[0].from_
            if start < first:
                yield (
                    ("actors", actor_id),
                    Text(
                        "the fact base knows {actor}'s regime only from {first}",
                        actor=actor_id,
                        first=first,
                    ),
                    str(start),
                    Text(
                        "a start on or after {first}, or actors.{actor}.regime (military, "
                        "transitional or civilian)",
                        first=first,
                        actor=actor_id,
                    ),
                    "",
                )


def _check_pacts(pacts: dict, facts: FactBase, scenario_ids: list[str]) -> Iterator[Finding]:
    for pact_id, entry in pacts.items():
        inline = isinstance(entry, dict) and entry.keys() - {"enabled"}
        if not inline and pact_id not in facts.pacts:
            yield _unknown_pact("pacts", pact_id, facts, inline=True)
        if inline:
            yield from _check_inline_pact(("pacts", pact_id), entry, facts, scenario_ids)


def _check_left_out(left_out: dict, facts: FactBase) -> Iterator[Finding]:
    """Pacts left out on purpose are the fact base's.

    One also under ``pacts:`` is in play: a scenario that ``extends`` another may put back a
    pact its base left out.
    """
    for pact_id in left_out:
        if pact_id not in facts.pacts:
            yield _unknown_pact("pacts_left_out", pact_id, facts)


def _unknown_pact(where: str, pact_id: object, facts: FactBase, inline: bool = False) -> Finding:
    """A pact id under ``where`` that the fact base lacks, with the nearest it has."""
    choices = one_of(facts.pacts)
    return (
        (where, pact_id),
        Text("unknown pact {pact!r}", pact=pact_id),
        None,
        Text("a pact of the fact base ({choices}) or an inline pact with clauses", choices=choices)
        if inline
        else Text("a pact of the fact base ({choices})", choices=choices),
        nearest(str(pact_id), facts.pacts),
    )


def _check_inline_pact(
    path: Path_, pact: dict, facts: FactBase, scenario_ids: list[str]
) -> Iterator[Finding]:
    """An inline pact's organisation and bodies are the fact base's.

    Its states may be the fact base's or the scenario's own (Cameroon, defined inline, party to a
    defence accord with France).
    """
    known = sorted(set(facts.actor_ids) | set(scenario_ids))
    parties = pact.get("parties")
    if isinstance(parties, dict):
        org = parties.get("organisation")
        if isinstance(org, str) and org not in facts.organisations:
            yield (
                (*path, "parties", "organisation"),
                Text("unknown organisation {organisation!r}", organisation=org),
                None,
                one_of(facts.organisations),
                nearest(org, facts.organisations),
            )
        states = parties.get("states")
        if isinstance(states, list):
            for i, s in enumerate(states):
                if isinstance(s, str) and s not in known:
                    yield (
                        (*path, "parties", "states", i),
                        Text("unknown actor {actor!r}", actor=s),
                        None,
                        Text("an id from the fact base or an actor the scenario defines"),
                        nearest(s, known),
                    )
    clauses = pact.get("clauses")
    for i, clause in enumerate(clauses if isinstance(clauses, list) else []):
        if not isinstance(clause, dict):
            continue
        body = clause.get("body")
        if isinstance(body, str) and body not in facts.organisations:
            yield (
                (*path, "clauses", i, "body"),
                Text("unknown organisation {organisation!r}", organisation=body),
                None,
                one_of(facts.organisations),
                nearest(body, facts.organisations),
            )
        for key in ("obliged_states", "beneficiaries", "adversaries"):
            ids = clause.get(key)
            for j, s in enumerate(ids if isinstance(ids, list) else []):
                if isinstance(s, str) and s not in known:
                    yield (
                        (*path, "clauses", i, key, j),
                        Text("unknown actor {actor!r}", actor=s),
                        None,
                        Text("an id from the fact base or an actor the scenario defines"),
                        nearest(s, known),
                    )


def _check_event(
    path: Path_,
    event: dict,
    kinds: dict[str, ActorKind],
    raw_actors: dict,
    pacts: list[str],
    facts: FactBase,
    start: dt.date | None,
    end: dt.date | None,
) -> Iterator[Finding]:
    actors = list(kinds)
    unlisted = [a for a in facts.actor_ids if a not in kinds]
    # Of those, the ones of the kind a field needs: listing them would make the value valid.
    unlisted_states = [a for a in unlisted if a in facts.states]
    unlisted_powers = [a for a in unlisted if a in facts.powers]
    unlisted_groups = [a for a in unlisted if a in facts.armed_groups]
    day = as_date(event.get("date"))
    if day is not None and start is not None and end is not None and not start <= day <= end:
        yield (
            (*path, "date"),
            Text("the event falls outside the scenario's horizon"),
            str(day),
            Text("a date from {start} to {end} (start plus days)", start=start, end=end),
            "",
        )
    for key, what in _LATER_DATES.items():
        later = as_date(event.get(key))
        if later is not None and day is not None and later < day:
            yield (
                (*path, key),
                Text("{what} comes before the event's date ({day})", what=what, day=day),
                str(later),
                Text("a date on or after {day}", day=day),
                "",
            )
    if (
        event.get("kind") in ("attack", "threat", "sanctions")
        and isinstance(event.get("by"), str)
        and event.get("by") == event.get("target")
    ):
        yield (
            (*path, "target"),
            _ITSELF[event["kind"]](event["by"]),
            event["target"],
            Text("a target other than the actor in by"),
            "",
        )
    if event.get("kind") == "third_party_force":
        yield from _check_third_party(path, event)
    if event.get("kind") == "attack":
        yield from _check_forces_abroad(path, event, kinds, raw_actors)
        yield from _check_defenders(path, event, kinds)
        yield from _check_coup_attempt(path, event, kinds, raw_actors)
        yield from _check_fighters(path, event, kinds, list(facts.organisations))
        yield from _check_killed(path, event)
    if event.get("kind") == "request":
        yield from _check_request(path, event, kinds, unlisted, unlisted_states, unlisted_powers)
        return
    contributors = event.get("contributors")
    if isinstance(contributors, list) and event.get("target") in contributors:
        i = contributors.index(event["target"])
        yield (
            (*path, "contributors", i),
            Text("the target cannot contribute forces against itself"),
            event["target"],
            Text("contributors other than the target"),
            "",
        )
    states_in_play = [a for a, k in kinds.items() if k is ActorKind.STATE]
    belligerents = [a for a, k in kinds.items() if k is ActorKind.BELLIGERENT]
    powers_in_play = [a for a, k in kinds.items() if k is ActorKind.POWER]
    for key, value in event.items():
        if key == "target" and isinstance(value, str) and event.get("kind") == "attack":
            yield from _must_be(
                path,
                key,
                value,
                states_in_play + belligerents + powers_in_play,
                Text("a state, a belligerent or an outside power among this scenario's actors"),
                unlisted,
            )
        elif key == "target" and isinstance(value, str) and belligerents:
            yield from _must_be(
                path,
                key,
                value,
                states_in_play + belligerents,
                Text("a state or a belligerent among this scenario's actors"),
                unlisted_states,
            )
        elif key in _STATE_FIELDS and isinstance(value, str):
            yield from _must_be(
                path,
                key,
                value,
                states_in_play,
                _STATE,
                unlisted_states,
            )
        elif key == "by" and event.get("kind") == "coup" and isinstance(value, str):
            home = event.get("state")
            factions = [
                b
                for b in belligerents
                if isinstance(raw_actors.get(b), dict) and raw_actors[b].get("in") == home
            ]
            yield from _must_be(
                path,
                key,
                value,
                factions,
                Text("a belligerent of this scenario that fights in {home}", home=home),
            )
        elif key == "by" and isinstance(value, str):
            # An organisation acts only once it exists: the AES in 2004 is a mistake, not a choice.
            day = as_date(event.get("date"))
            existing = [
                o for o, org in facts.organisations.items() if day is None or org.founded <= day
            ]
            founded = facts.organisations[value].founded if value in facts.organisations else None
            if founded is not None and day is not None and founded > day:
                yield (
                    (*path, key),
                    Text(
                        "{organisation} did not exist on {day}: it was founded on {founded}",
                        organisation=value,
                        day=day,
                        founded=founded,
                    ),
                    value,
                    Text(
                        "an actor of this scenario, or an organisation founded by then: {ids}",
                        ids=", ".join(sorted(existing)),
                    ),
                    "",
                )
                continue
            if event.get("kind") == "sanctions":
                # The UN Security Council's embargo (Côte d'Ivoire, Res. 1572 of 2004) is a body's.
                yield from _must_be(
                    path,
                    key,
                    value,
                    actors + existing + _BODIES,
                    Text(
                        "an actor of this scenario, an organisation or a body ({bodies})",
                        bodies=_BODY_CHOICES,
                    ),
                    unlisted,
                )
                continue
            yield from _must_be(
                path,
                key,
                value,
                actors + existing,
                _ACTOR_OR_ORGANISATION,
                unlisted,
            )
        elif key == "party" and isinstance(value, str):
            yield from _must_be(path, key, value, actors, _ACTOR, unlisted)
        elif (
            key == "power"
            and isinstance(value, str)
            and ActorKind.STATE in (kinds.get(value), facts.kind_of(value))
        ):
            yield (
                (*path, key),
                Text(
                    "{state} is a state: a {kind} moves an outside power's forces",
                    state=value,
                    kind=event.get("kind"),
                ),
                value,
                Text(
                    "an outside power listed under actors (a state's contingent already fighting "
                    "beside another state is written in the attack's defenders)"
                ),
                "",
            )
        elif key == "power" and isinstance(value, str):
            powers = [a for a, k in kinds.items() if k is ActorKind.POWER]
            yield from _must_be(
                path,
                key,
                value,
                powers,
                Text("an outside power among this scenario's actors"),
                unlisted_powers,
            )
        elif key == "group" and isinstance(value, str):
            groups = [a for a, k in kinds.items() if k is ActorKind.ARMED_GROUP]
            yield from _must_be(
                path,
                key,
                value,
                groups,
                Text("an armed group among this scenario's actors"),
                unlisted_groups,
            )
        elif key == "pact" and isinstance(value, str):
            yield from _must_be(
                path, key, value, pacts, Text("a pact listed under this scenario's pacts")
            )
        elif key == "organisation" and isinstance(value, str):
            yield from _must_be(path, key, value, list(facts.organisations), _ORGANISATION)
        elif key in _ACTOR_LIST_FIELDS and isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str) and item not in actors:
                    yield from _must_be((*path, key), i, item, actors, _ACTOR, unlisted)


_BODIES = [b.value for b in EndorsingBody]
_BODY_CHOICES = Text("{ids} or {last}", ids=Listed(_BODIES[:-1]), last=Listed(_BODIES[-1:]))
"""The bodies, "au_psc, unsc or oau"."""
_ACTOR = Text("an actor of this scenario")
_STATE = Text("a state among this scenario's actors")
_ORGANISATION = Text("an organisation")
_ACTOR_OR_ORGANISATION = Text("an actor of this scenario or an organisation")
_A_KIND = {
    ActorKind.STATE: Text("a state"),
    ActorKind.POWER: Text("a power"),
    ActorKind.ARMED_GROUP: Text("an armed group"),
    ActorKind.BELLIGERENT: Text("a belligerent"),
}
"""An inline actor's kind after "as" ("as an armed group")."""
_MEANINGS = {
    ActorKind.STATE: Text("a sovereign state of the region"),
    ActorKind.POWER: Text("an outside power, present through its deployments"),
    ActorKind.ARMED_GROUP: Text("a non-state armed group (jihadist or rebel)"),
    ActorKind.BELLIGERENT: Text(
        "an armed force inside a state that can be a party to a war: a rebel army, or a "
        "faction of the state's own army"
    ),
}
"""Each kind of actor's meaning (:class:`ActorKind`), to be said in the user's language."""


def _check_third_party(path: Path_, event: dict) -> Iterator[Finding]:
    """Who acts: exactly one of an actor (``party``) and a body (``body``), never the target."""
    named = [key for key in ("party", "body") if event.get(key) is not None]
    if len(named) != 1:
        yield (
            (*path, named[1]) if len(named) == 2 else path,
            Text("a third party's use of force names who acts, once"),
            ", ".join(f"{k}: {event[k]}" for k in named) or Text("neither party nor body"),
            Text(
                "exactly one of party (an actor of this scenario) and body ({bodies})",
                bodies=_BODY_CHOICES,
            ),
            "",
        )
    party = event.get("party")
    if isinstance(party, str) and party == event.get("target"):
        yield (
            (*path, "target"),
            Text("{party} cannot use force against itself", party=party),
            party,
            Text("a target other than the actor in party"),
            "",
        )


def _check_defenders(path: Path_, event: dict, kinds: dict[str, ActorKind]) -> Iterator[Finding]:
    """Who fights beside the target from the first day: on an invasion, not its attackers."""
    defenders = event.get("defenders")
    if not isinstance(defenders, list) or not defenders:
        return
    if event.get("scale") == "incident":
        yield (
            (*path, "defenders"),
            Text("an incident starts no war, so no one fights beside its target"),
            ", ".join(str(d) for d in defenders),
            Text("no defenders, or scale: invasion"),
            "",
        )
        return
    attackers = {event.get("by"), event.get("target"), *(event.get("contributors") or [])}
    for i, defender in enumerate(defenders):
        if not isinstance(defender, str):
            continue
        if defender in attackers:
            yield (
                (*path, "defenders", i),
                Text("{defender} is the target or among the attackers", defender=defender),
                defender,
                Text("an actor fighting beside the target, other than it and its attackers"),
                "",
            )
        elif kinds.get(defender) is ActorKind.ARMED_GROUP:
            yield (
                (*path, "defenders", i),
                Text("{defender} is an armed group, which fights no one's war", defender=defender),
                defender,
                Text("a state, an outside power or a belligerent"),
                "",
            )


_COUNTS = {
    "fighters": (Text("the strikers of an incident"), Text("strikers")),
    "escaped": (
        Text("those of an incident's strikers who got away"),
        Text("strikers who got away"),
    ),
}
"""The counts of an incident's strikers, and what each counts: of an incident, of a group."""


def _check_fighters(
    path: Path_, event: dict, kinds: dict[str, ActorKind], organisations: list[str]
) -> Iterator[Finding]:
    """``fighters`` and ``escaped`` count an armed group's strikers in an incident (§7.11).

    Those who got away are some of those who struck: no more of them than struck.
    """
    counted = [field for field in _COUNTS if event.get(field) is not None]
    if not counted:
        return
    if event.get("scale") != "incident":
        for field in counted:
            yield (
                (*path, field),
                Text(
                    "{field} counts {what}; an invasion or a coup attempt is fought with the "
                    "forces its attackers have",
                    field=field,
                    what=_COUNTS[field][0],
                ),
                event.get(field),
                Text("scale: incident, or no {field}", field=field),
                "",
            )
        return
    field = counted[0]  # the striker is named once, whatever counts it
    none = (
        Text("{first} and no {second}", first=counted[0], second=counted[1])
        if len(counted) == 2
        else counted[0]
    )
    groups = (ActorKind.ARMED_GROUP, ActorKind.BELLIGERENT)
    for i, who in enumerate([event.get("by"), *(event.get("contributors") or [])]):
        if not isinstance(who, str) or kinds.get(who) in groups:
            continue
        if who in kinds:
            what = _A_KIND[kinds[who]]  # a state, or a power
        elif who in organisations:
            what = Text("an organisation, whose members strike")
        else:
            continue  # not an actor of the scenario: said where it is named
        yield (
            (*path, *(("by",) if i == 0 else ("contributors", i - 1))),
            Text(
                "{field} counts an armed group's {counts}, and {who} is {what}: a strike by a "
                "state or a power is weighed whatever its size",
                field=field,
                counts=_COUNTS[field][1],
                who=who,
                what=what,
            ),
            who,
            Text("an armed group or a belligerent, or no {none}", none=none),
            "",
        )
        break
    fighters, escaped = event.get("fighters"), event.get("escaped")
    numbers = all(isinstance(n, int) and not isinstance(n, bool) for n in (fighters, escaped))
    if numbers and escaped > fighters:
        yield (
            (*path, "escaped"),
            Text(
                "escaped counts the strikers who got away, some of the {fighters} who struck",
                fighters=fighters,
            ),
            escaped,
            Text("at most fighters ({fighters})", fighters=fighters),
            "",
        )


def _check_killed(path: Path_, event: dict) -> Iterator[Finding]:
    """``killed`` counts an incident's dead (§7.11); a war counts its own losses."""
    if event.get("killed") is not None and event.get("scale") != "incident":
        yield (
            (*path, "killed"),
            Text(
                "killed counts the dead of an incident; an invasion or a coup attempt counts its "
                "losses in its fighting"
            ),
            event.get("killed"),
            Text("scale: incident, or no killed"),
            "",
        )


def _check_coup_attempt(
    path: Path_, event: dict, kinds: dict[str, ActorKind], raw_actors: dict
) -> Iterator[Finding]:
    """A coup attempt is made by plotters of the target state, on their own.

    The plotters are a belligerent of this scenario fighting in the target (``faction_of:
    true`` for soldiers of its own army); those who back them are its ``backers``.
    """
    if event.get("scale") != "coup_attempt":
        return
    by, target = event.get("by"), event.get("target")
    if not isinstance(by, str) or not isinstance(target, str):
        return  # not ids: the schema says so
    entry = raw_actors.get(by)
    home = entry.get("in") if isinstance(entry, dict) else None
    if kinds.get(by) is not ActorKind.BELLIGERENT or home != target:
        if kinds.get(by) is ActorKind.BELLIGERENT:
            what = Text(
                "{by} is a belligerent in {home}, not in {target}", by=by, home=home, target=target
            )
        elif kinds.get(by) is ActorKind.ARMED_GROUP:
            what = Text("{by} is an armed group, which seizes no power", by=by)
        else:
            what = Text("{by} is no belligerent of this scenario", by=by)
        yield (
            (*path, "by"),
            Text(
                "a coup attempt is made by plotters inside the state they strike: {what}", what=what
            ),
            by,
            Text(
                "a belligerent defined under actors: with in: {target} (faction_of: true for "
                "soldiers of its own army), or scale: invasion",
                target=target,
            ),
            "",
        )
    contributors = event.get("contributors")
    if isinstance(contributors, list) and contributors:
        yield (
            (*path, "contributors"),
            Text("a coup attempt is the plotters' own: no state sends forces into it"),
            ", ".join(str(c) for c in contributors),
            Text("no contributors (those who support the plotters are the belligerent's backers:)"),
            "",
        )


def _check_forces_abroad(
    path: Path_, event: dict, kinds: dict[str, ActorKind], raw_actors: dict
) -> Iterator[Finding]:
    """An outside power's forces are struck where they stand, by an incident, never invaded.

    ``host`` names that state: it is for incidents only, it is not the target itself nor the
    state a belligerent fights in, and an incident on an outside power needs it (a power has no
    territory of its own in the model).
    """
    target, host = event.get("target"), event.get("host")
    if not isinstance(target, str):
        target = None  # not an id: the schema says so, at its own place
    if not isinstance(host, str) and host is not None:
        return  # not an id: the schema says so
    entry = raw_actors.get(target) if target is not None else None
    home = entry.get("in") if isinstance(entry, dict) else None
    incident = event.get("scale") == "incident"
    on_a_power = target is not None and kinds.get(target) is ActorKind.POWER
    if on_a_power and not incident:
        yield (
            (*path, "target"),
            Text(
                "an outside power's forces are struck by an incident, not invaded: {target} has "
                "no territory in the model",
                target=target,
            ),
            target,
            Text(
                "scale: incident with host: (the state where its forces stand), or a state or a "
                "belligerent as target"
            ),
            "",
        )
    elif on_a_power and host is None:
        yield (
            path,
            Text(
                "an incident on {target}'s forces abroad names the state where they stand",
                target=target,
            ),
            Text("no host"),
            Text(
                "host: a state among this scenario's actors (e.g. the state whose soil they are on)"
            ),
            "",
        )
    if host is not None and not incident:
        yield (
            (*path, "host"),
            Text("host is for an incident on forces stationed abroad"),
            host,
            Text(
                "scale: incident, or no host (an invasion or a coup attempt strikes the target's "
                "territory)"
            ),
            "",
        )
    elif isinstance(host, str) and host == target:
        yield (
            (*path, "host"),
            Text("{target}'s forces abroad cannot stand in {target} itself", target=target),
            host,
            Text("a state other than the target, or no host (an incident on its territory)"),
            "",
        )
    elif isinstance(host, str) and host == home:
        yield (
            (*path, "host"),
            Text(
                "{target} fights in {host}: its forces there are at home, not stationed abroad",
                target=target,
                host=host,
            ),
            host,
            Text("no host (an incident on it where it fights), or a state other than its own"),
            "",
        )


def _check_struck_where_they_stand(
    path: Path_, event: dict, events: dict, kinds: dict[str, ActorKind], facts: FactBase
) -> Iterator[Finding]:
    """An outside power's forces struck in ``host`` stand there that day.

    Posted there by the fact base on that date, or by a deployment event of the scenario on or
    before it. A power with nothing in the host has no forces there to strike.
    """
    target, host, day = event.get("target"), event.get("host"), as_date(event.get("date"))
    if event.get("kind") != "attack" or not isinstance(host, str) or day is None:
        return
    if not isinstance(target, str) or kinds.get(target) is not ActorKind.POWER:
        return
    if target not in facts.powers:
        return
    posted = {d.host for d in facts.powers[target].present_on(day)}
    posted |= {
        e["host"]
        for e in events.values()
        if isinstance(e, dict)
        and e.get("kind") == "deployment"
        and e.get("enabled", True) is not False
        and e.get("power") == target
        and isinstance(e.get("host"), str)
        and (as_date(e.get("date")) or dt.date.max) <= day
    }
    if host not in posted:
        where = ", ".join(sorted(h for h in posted if isinstance(h, str))) or Text("nowhere")
        yield (
            (*path, "host"),
            Text(
                "{target} has no forces in {host} on {day}: neither the fact base nor a "
                "deployment event of this scenario posts any there by then",
                target=target,
                host=host,
                day=day,
            ),
            host,
            Text(
                "a state where {target}'s forces stand that day ({where}), or a deployment event "
                "that posts them there first",
                target=target,
                where=where,
            ),
            "",
        )


def _check_request(
    path: Path_,
    event: dict,
    kinds: dict[str, ActorKind],
    unlisted: list[str],
    unlisted_states: list[str],
    unlisted_powers: list[str],
) -> Iterator[Finding]:
    """A state asks states or powers of the scenario, each once, for help against another actor.

    ``unlisted`` are the fact base's actors the scenario leaves out, and the states and powers
    among them: the hints of :func:`_must_be` offer only ids of the kind a field needs.
    """
    states = [a for a, k in kinds.items() if k is ActorKind.STATE]
    helpers = [a for a, k in kinds.items() if k in (ActorKind.STATE, ActorKind.POWER)]
    unlisted_helpers = [a for a in unlisted if a in unlisted_states or a in unlisted_powers]
    by = event.get("by")
    if isinstance(by, str):
        yield from _must_be(path, "by", by, states, _STATE, unlisted_states)
    asked = event.get("to")
    asked = asked if isinstance(asked, list) else []
    for i, item in enumerate(asked):
        if not isinstance(item, str):
            continue
        if item == by:
            yield (
                (*path, "to", i),
                Text("{by} cannot ask itself for help", by=by),
                item,
                Text("states or outside powers other than the one in by"),
                "",
            )
        elif item in asked[:i]:
            yield (
                (*path, "to", i),
                Text(
                    "{actor} is asked twice (first at to[{first}])",
                    actor=item,
                    first=asked.index(item),
                ),
                item,
                Text("each state or power once"),
                "",
            )
        else:
            yield from _must_be(
                (*path, "to"),
                i,
                item,
                [h for h in helpers if h != by],
                Text("a state or an outside power among this scenario's actors"),
                unlisted_helpers,
            )
    against = event.get("against")
    if isinstance(against, str):
        if against == by or against in asked:
            yield (
                (*path, "against"),
                Text("help cannot be asked against the state that asks, or against a helper"),
                against,
                Text("an actor other than those in by and to"),
                "",
            )
        else:
            yield from _must_be(
                path,
                "against",
                against,
                [a for a in kinds if a != by and a not in asked],
                _ACTOR,
                unlisted,
            )


def _must_be(
    path: Path_,
    key: str | int,
    value: str,
    choices: list[str],
    what: str,
    unlisted: Collection[str] = (),
) -> Iterator[Finding]:
    """``value`` must be one of ``choices``; ``unlisted`` are fact-base ids the scenario left out.

    An actor of the fact base that the scenario does not list is not a misspelling: the
    message says to list it rather than suggest the nearest id.
    """
    if value in choices:
        return
    if value in unlisted:
        yield (
            (*path, key),
            Text(
                "not {what}: {value} is in the fact base but not listed under this scenario's "
                "actors",
                what=what,
                value=value,
            ),
            value,
            Text(
                "{value} listed under actors: (a line '  {value}:'), or {choices}",
                value=value,
                choices=one_of(choices) if choices else what,
            ),
            "",
        )
        return
    yield (
        (*path, key),
        Text("not {what}", what=what),
        value,
        one_of(choices)
        if choices
        else Text("{what}, of which this scenario lists none", what=what),
        nearest(value, choices),
    )
