"""The pact engine: matching what happens against every clause in force.

Nothing here knows any particular pact. A :class:`Trigger` (an aggression, an attack on forces
abroad, a rebellion, a coup) is matched against each clause of each pact in force on that day;
a clause applies when its casus foederis matches the trigger and the victim is a party it
protects. It then creates obligations: for each obliged actor (or, under a voting rule, for
the body that votes), what to do, toward whom, under which article, by which day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from sim.model.decisions import ACTION_COST
from sim.scenario.facts import Clause, Organisation, Pact
from sim.scenario.vocabulary import (
    CasusFoederis,
    ClauseCondition,
    DecisionRule,
    MembershipStatus,
    Modality,
    Obliged,
    PactAction,
    Toward,
)

VOTING_RULES = {
    DecisionRule.UNANIMITY,
    DecisionRule.MAJORITY,
    DecisionRule.TWO_THIRDS,
    DecisionRule.CONSENSUS,
}


@dataclass(frozen=True)
class Trigger:
    """Something that may bring clauses into play.

    Attributes:
        kind: the casus foederis it is (``AGGRESSION`` also matches clauses on aggression
            between members when both sides are parties).
        victim: the state attacked, rebelled against or overthrown.
        offenders: the actors on the other side (the attackers, the armed group, or for a coup
            the state itself, now ruled by a junta).
        war: the id of the war it belongs to, if any.
        cause: index of the record that produced it (for explanations).
        backers: the actors backing the offenders from outside, the victim apart (a
            belligerent's declared ``backers``): what a clause on rebellions ``backed_from_outside``
            asks for.
        states: the offenders that are states or outside powers: what a clause on aggression
            ``by_a_state`` asks for (rebels and armed groups are not). Required, by keyword:
            a default would silently read every offender as a rebel, or every one as a State.
        guard: a request to guard a government against factions it has beaten (a coup
            attempt put down): help is lent, and nothing is fought.
        raid: an aggression that is a raid by armed groups alone, from abroad, on the victim's
            own soil: an attack on its territory, and armed groups inside it, so the clauses
            on rebellion answer it too (:func:`casus_matches`).
        mandated_by: the organisation whose war the offenders fight (it leads their side): its
            own clauses on aggression between members do not answer the force it decided.
    """

    kind: CasusFoederis
    victim: str
    offenders: tuple[str, ...]
    day: int
    war: int | None = None
    cause: int | None = None
    label: str = ""
    theatre: str = ""  # the state where the fighting is (for attacks on forces abroad)
    backers: tuple[str, ...] = ()
    states: tuple[str, ...] = field(kw_only=True)
    guard: bool = field(default=False, kw_only=True)
    raid: bool = field(default=False, kw_only=True)
    mandated_by: str | None = field(default=None, kw_only=True)


@dataclass
class Obligation:
    """What one obliged actor (or voting body) owes, under which clause, by which day."""

    pact: str
    clause: Clause
    obliged: str
    victim: str
    offenders: tuple[str, ...]
    due: int
    trigger: Trigger
    also_under: list[str] = field(default_factory=list)
    record: int | None = None

    @property
    def permitted(self) -> bool:
        """The clause permits rather than obliges: nothing is owed, no reputation at stake."""
        return self.clause.modality is Modality.PERMISSION

    @property
    def invited(self) -> bool:
        """Asked for by a ``request`` event (intervention by invitation), not under a pact."""
        return self.pact.startswith(REQUEST_PREFIX)

    @property
    def armed_request(self) -> bool:
        """Armed help asked for by a ``request``: what forces held for the answer wait on."""
        return self.invited and self.clause.action is PactAction.ARMED_ASSISTANCE

    @property
    def collective(self) -> bool:
        """Decided by a vote of the members of a body rather than by one actor."""
        return self.clause.decision in VOTING_RULES

    @property
    def against_armed_groups(self) -> bool:
        """Owed against armed groups inside the victim: a rebellion, or a raid from abroad.

        Help not pledged to the victim's answer is lent against them (its forces), whichever
        kind of clause a raid brought into play (§7.3).
        """
        return self.trigger.raid or self.trigger.kind is CasusFoederis.ARMED_REBELLION


REQUEST_PREFIX = "request/"
"""What begins the pact id of a measure asked for by a ``request`` event, not under a pact.

A slash is in no id of the format (so no pact can be taken for a request) and is not the colon
the classroom's decision keys are joined with."""


def request_id(by: str, day: dt.date) -> str:
    """The id a request's records cite in place of a pact: ``request/MLI/2013-01-10``."""
    return f"{REQUEST_PREFIX}{by}/{day.isoformat()}"


def requested(pact_id: str) -> tuple[str, dt.date] | None:
    """Who asked, and when, if ``pact_id`` names a request rather than a pact."""
    if not pact_id.startswith(REQUEST_PREFIX):
        return None
    by, _, day = pact_id.removeprefix(REQUEST_PREFIX).rpartition("/")
    try:
        return by, dt.date.fromisoformat(day)
    except ValueError:
        return None


class Memberships:
    """Who belongs to which organisation, in good standing, on a given day.

    Starts from the fact base's dated memberships and suspensions; scenario events and
    sanctions decided in the run override them from the day they happen.
    """

    def __init__(self, organisations: dict[str, Organisation]):
        self.organisations = organisations
        self.changes: dict[tuple[str, str], MembershipStatus] = {}
        self.admitted: set[tuple[str, str]] = set()  # states the run made members

    def change(self, organisation: str, state: str, status: MembershipStatus) -> None:
        """Record a change of standing that holds from now on."""
        self.changes[(organisation, state)] = status
        if status is MembershipStatus.ADMITTED:
            self.admitted.add((organisation, state))
        elif status is MembershipStatus.WITHDRAWN:
            self.admitted.discard((organisation, state))

    def suspended(self, organisation: str, state: str, day: dt.date) -> bool:
        """Whether ``state`` is a member of ``organisation`` on ``day`` but not in good standing."""
        org = self.organisations.get(organisation)
        if org is None or (org.dissolved is not None and day >= org.dissolved):
            return False
        spans = [
            m
            for m in org.members
            if m.state == state and m.joined <= day and (m.left is None or day < m.left)
        ]
        status = self.changes.get((organisation, state))
        if status is not None:  # a standing the run gave: a suspension of a member only
            member = bool(spans) or (organisation, state) in self.admitted
            return status is MembershipStatus.SUSPENDED and member
        return bool(spans) and not any(m.active_on(day) for m in spans)

    def active(self, organisation: str, day: dt.date) -> list[str]:
        """Members in good standing on ``day``."""
        org = self.organisations.get(organisation)
        if org is None:
            return []
        members = org.active_members(day)
        for (org_id, state), status in self.changes.items():
            if org_id != organisation:
                continue
            if status in (MembershipStatus.SUSPENDED, MembershipStatus.WITHDRAWN):
                members = [m for m in members if m != state]
            elif state not in members:
                members = [*members, state]
        return members


class PactBook:
    """The pacts of a run and their standing: in force, suspended, withdrawals under notice."""

    def __init__(self, pacts: dict[str, Pact], memberships: Memberships, start: dt.date):
        self.pacts = pacts
        self.memberships = memberships
        self.start = start
        self.signed_on: dict[str, dt.date] = {}
        # days a scenario event signed a pact or changed a membership, and days after a truce
        # broke down: the wars under way are looked at again (sim.model.triggers)
        self.check_days: set[dt.date] = set()
        # the days the fact base dates a change of who is bound: (may grow, may lapse), read
        # when first needed
        self.dated: tuple[set[dt.date], set[dt.date]] | None = None
        self.suspended: set[str] = set()
        self.withdrawals: dict[tuple[str, str], dt.date] = {}
        # each pact's parties at the last look, and those a look found gone since (suspended,
        # withdrawn, the pact suspended or ended): one bound anew later is bound again
        self.last_seen: dict[str, frozenset[str]] = {}
        self.lapsed: set[tuple[str, str]] = set()
        self.lapsed_pacts: set[str] = set()  # in force at a look, binding no one at a later one
        # days the run may have ended a party's binding (a pact suspended, a withdrawal taking
        # effect): who is bound is looked at
        self.lapses: set[dt.date] = set()
        self.bound(start)

    def sign(self, pact_id: str, day: dt.date) -> None:
        """A pact signed during the run: in force from ``day``, and no longer suspended."""
        self.signed_on[pact_id] = day
        self.suspended.discard(pact_id)
        self.look_again(day)

    def suspend(self, pact_id: str, day: dt.date) -> None:
        """A pact suspended during the run: it binds no one until it is signed again."""
        self.suspended.add(pact_id)
        self.note_lapse(day)

    def note_lapse(self, day: dt.date) -> None:
        """A day on which a party may have ceased to be bound: who is bound is looked at."""
        self.lapses.add(day)

    def look_again(self, *days: dt.date) -> None:
        """Days on which the wars under way are matched again against what the pacts bind."""
        self.check_days.update(days)

    def bound_again(self, pact_id: str, party: str) -> bool:
        """Whether the run saw ``pact_id`` bind ``party``, then cease to: bound now, it is again."""
        return (pact_id, party) in self.lapsed

    def in_force_again(self, pact_id: str) -> bool:
        """Whether the run saw ``pact_id`` bind parties, then bind no one (suspended, ended)."""
        return pact_id in self.lapsed_pacts

    def may_lapse(self, day: dt.date) -> bool:
        """Whether a pact may cease on ``day`` to bind a party it bound the day before.

        On a day the fact base dates a pact's end, a member's leaving or the start of its
        suspension, or a day the run suspended a pact or a member or a withdrawal took effect.
        """
        return day in self.dated_days()[1] or day in self.lapses

    def dated_days(self) -> tuple[set[dt.date], set[dt.date]]:
        """The days the fact base dates a change of who is bound: (may grow, may lapse).

        A pact's entry into force, a member's joining and the end of its suspension may bind a
        party anew; a pact's end, a member's leaving and the start of its suspension may end it.
        """
        if self.dated is None:
            grow: set[dt.date] = set()
            lapse: set[dt.date] = set()
            for pact in self.pacts.values():
                grow.add(pact.starts())
                lapse.update([pact.ended] if pact.ended else [])
                org = self.memberships.organisations.get(pact.parties.organisation or "")
                for m in org.members if org is not None else ():
                    grow.add(m.joined)
                    lapse.update([m.left] if m.left else [])
                    for suspension in m.suspensions:
                        lapse.add(suspension.from_)
                        grow.update([suspension.until] if suspension.until else [])
            self.dated = (grow, lapse)
        return self.dated

    def in_force(self, pact_id: str, day: dt.date) -> bool:
        """Whether the pact binds its parties on ``day``."""
        pact = self.pacts[pact_id]
        begins = self.signed_on.get(pact_id, pact.starts())
        if day < begins or pact_id in self.suspended:
            return False
        return pact.ended is None or day < pact.ended

    def bound(self, day: dt.date) -> dict[str, frozenset[str]]:
        """Each pact's parties bound on ``day`` (none for a pact not in force)."""
        bound = {
            p: frozenset(self.parties(p, day)) if self.in_force(p, day) else frozenset()
            for p in self.pacts
        }
        for pact, parties in bound.items():
            before = self.last_seen.get(pact, frozenset())
            self.lapsed.update((pact, party) for party in before - parties)
            if before and not parties:
                self.lapsed_pacts.add(pact)
            self.last_seen[pact] = parties
        return bound

    def take_stock(self, day: dt.date) -> None:
        """Remember who is bound on ``day``, so that a party gone today is known to have lapsed.

        For a change the run itself makes in the middle of a day (a suspension its sanctions
        decide): a restoration the next day is then a restoration (:meth:`bound_again`).
        """
        self.bound(day)

    def may_grow(self, day: dt.date) -> bool:
        """Whether a pact may bind on ``day`` a party it did not bind the day before.

        Only on a day the fact base dates a pact's entry into force, a member's joining or the
        end of its suspension, or a day in ``check_days`` (a scenario event signed a pact or
        changed a membership, or a truce broke down the day before).
        """
        return day in self.dated_days()[0] or day in self.check_days

    def parties(self, pact_id: str, day: dt.date) -> list[str]:
        """The parties bound on ``day``, less those whose withdrawal has taken effect."""
        pact = self.pacts[pact_id]
        if pact.parties.organisation is not None:
            members = self.memberships.active(pact.parties.organisation, day)
        else:
            members = list(pact.parties.states or [])
        return [m for m in members if not self.withdrawn(pact_id, m, day)]

    def withdrawn(self, pact_id: str, state: str, day: dt.date) -> bool:
        """Whether ``state``'s withdrawal from ``pact_id`` has taken effect by ``day``."""
        return self.withdrawals.get((pact_id, state), dt.date.max) <= day

    def withdraw(self, pact_id: str, state: str, notice_given: dt.date) -> dt.date:
        """Register notice of withdrawal; return the day it takes effect."""
        days = self.pacts[pact_id].withdrawal_notice_days or 0
        effective = notice_given + dt.timedelta(days=days)
        self.withdrawals[(pact_id, state)] = effective
        self.note_lapse(effective)
        return effective


NOT_ITS_ADVERSARY = "adversaries"
"""The condition a clause with ``adversaries`` sets: one of them is among the offenders."""


def unmet_conditions(clause: Clause, trigger: Trigger) -> list[str]:
    """The conditions of ``clause``'s text that ``trigger`` does not meet, by name.

    A clause that names its ``adversaries`` covers only their acts: the Multinational Joint
    Task Force of the Lake Chad basin was authorised against Boko Haram, not against any group
    that strikes one of its members.
    """
    unmet = []
    if ClauseCondition.BACKED_FROM_OUTSIDE in clause.conditions and not trigger.backers:
        unmet.append(ClauseCondition.BACKED_FROM_OUTSIDE.value)
    if ClauseCondition.BY_A_STATE in clause.conditions and not trigger.states:
        unmet.append(ClauseCondition.BY_A_STATE.value)
    if clause.adversaries and not set(clause.adversaries) & set(trigger.offenders):
        unmet.append(NOT_ITS_ADVERSARY)
    return unmet


def clause_applies(clause: Clause, trigger: Trigger, parties: list[str]) -> bool:
    """Whether ``clause`` of a pact with these ``parties`` is brought into play by ``trigger``.

    The victim must be a party the clause protects (its ``beneficiaries`` when listed). A
    clause on aggression between members also needs an offender among the parties; a plain
    aggression clause, an offender outside them. A clause on rebellions ``backed_from_outside``
    needs a backer of the rebels other than the victim: the ECOWAS Protocol on Mutual
    Assistance on Defence of 1981, Art. 4 (ii), covers an internal conflict "engineered and
    actively supported from outside", not every rising. A clause on aggression ``by_a_state``
    needs a state or outside power among the offenders: the same Protocol's Art. 1 defines
    aggression as "the use of armed force by any State", so a raid by rebels from abroad is not
    its Arts. 2-3's casus foederis.
    """
    return casus_matches(clause, trigger, parties) and not unmet_conditions(clause, trigger)


def casus_matches(clause: Clause, trigger: Trigger, parties: list[str]) -> bool:
    """Whether ``trigger`` is the clause's casus foederis, for a victim it protects.

    A raid by armed groups alone, from abroad, on a party's soil is both an attack on its
    territory (the Charter's Art. 6 covers any attack on a party, whoever makes it) and armed
    groups inside it, sent by no state (Res. 3314, Art. 3 (g)): it brings clauses of both kinds
    into play, and :func:`obligations_for` keeps one obligation per obliged actor, so no one's
    help is owed twice. The conditions of the clause's text are left to :func:`unmet_conditions`.
    """
    if trigger.victim not in parties:
        return False
    if clause.beneficiaries and trigger.victim not in clause.beneficiaries:
        return False
    offender_is_party = any(o in parties for o in trigger.offenders)
    if clause.casus_foederis is CasusFoederis.ATTACK_ON_FORCES_ABROAD:
        # Forces abroad means outside the pact's area: fighting on a party's soil is covered
        # by the aggression clauses (Charter Art. 7 extends Art. 6 beyond the Alliance area).
        return trigger.kind is clause.casus_foederis and trigger.theatre not in parties
    if clause.casus_foederis is CasusFoederis.AGGRESSION_BETWEEN_MEMBERS:
        # Force the body decided (its members carrying out its threat) is not a conflict
        # between members it would vote to intervene in, against its own force.
        own = clause.body is not None and clause.body == trigger.mandated_by
        return trigger.kind is CasusFoederis.AGGRESSION and offender_is_party and not own
    if clause.casus_foederis is CasusFoederis.AGGRESSION:
        return trigger.kind is CasusFoederis.AGGRESSION and not offender_is_party
    if clause.casus_foederis is CasusFoederis.ARMED_REBELLION and trigger.raid:
        return True
    return clause.casus_foederis is trigger.kind


def answered_as(clause: Clause, trigger: Trigger) -> CasusFoederis:
    """The casus foederis under which ``clause`` answers ``trigger``.

    A clause on rebellion brought into play by a raid from abroad answers it as armed groups
    inside the victim (help is lent against them); any other clause answers the trigger's kind.
    """
    if trigger.raid and clause.casus_foederis is CasusFoederis.ARMED_REBELLION:
        return CasusFoederis.ARMED_REBELLION
    return trigger.kind


def clauses_unmet(
    trigger: Trigger, book: PactBook, day: dt.date, only: Collection[str] | None = None
) -> list[tuple[str, Clause, str]]:
    """Clauses in force that ``trigger`` brings to the threshold but not into play.

    (pact, clause, condition) for each clause whose casus foederis the trigger is, with a
    condition of its text the trigger does not meet: what the story says did not come into play.
    ``only`` limits the search to those pacts.
    """
    return [
        (pact_id, clause, condition)
        for pact_id, _, parties, clause in clauses_in_force(book, day, only)
        if casus_matches(clause, trigger, parties)
        for condition in unmet_conditions(clause, trigger)
    ]


def clauses_lost_to_suspension(
    trigger: Trigger, book: PactBook, day: dt.date
) -> list[tuple[str, Clause]]:
    """Clauses that would protect ``trigger``'s victim but for its suspension from the body.

    (pact, clause) for each clause of a pact binding an organisation's members in good standing
    whose casus foederis the trigger is, met in full, but whose victim the organisation has
    suspended: a suspended member keeps its seat and loses its voice and protection (ECOWAS
    suspended Burkina Faso after its coup of January 2022, and its second coup, in September,
    brought no clause into play). What the story says did not come into play, and why.
    """
    return [
        (pact_id, clause)
        for pact_id, pact, parties, clause in clauses_in_force(book, day)
        if pact.parties.organisation is not None
        and trigger.victim not in parties
        and book.memberships.suspended(pact.parties.organisation, trigger.victim, day)
        and not book.withdrawn(pact_id, trigger.victim, day)
        and clause_applies(clause, trigger, [*parties, trigger.victim])
    ]


def clauses_in_force(
    book: PactBook, day: dt.date, only: Collection[str] | None = None
) -> Iterator[tuple[str, Pact, list[str], Clause]]:
    """(pact id, pact, its parties on ``day``, clause) for every clause of a pact in force.

    ``only`` limits them to those pacts.
    """
    for pact_id, pact in book.pacts.items():
        if (only is None or pact_id in only) and book.in_force(pact_id, day):
            parties = book.parties(pact_id, day)
            for clause in pact.clauses:
                yield pact_id, pact, parties, clause


def obliged_actors(
    clause: Clause, trigger: Trigger, parties: list[str], in_play: list[str]
) -> list[str]:
    """Who the clause obliges, among the scenario's actors, for this trigger.

    Nobody is obliged to act against their own side: the offenders are left out, and so is the
    victim when help goes to the victim.
    """
    if clause.obliged is Obliged.NAMED:
        candidates = list(clause.obliged_states)
    elif clause.obliged is Obliged.OTHER_PARTIES:
        candidates = [p for p in parties if p != trigger.victim]
    else:
        candidates = list(parties)
    if clause.toward is Toward.VICTIM:  # the victim neither helps nor consults itself
        candidates = [p for p in candidates if p != trigger.victim]
    return [c for c in candidates if c in in_play and c not in trigger.offenders]


def _binds(clause: Clause) -> bool:
    return clause.modality is Modality.DUTY


def obligations_for(
    trigger: Trigger,
    book: PactBook,
    day: dt.date,
    day_index: int,
    in_play: list[str],
    only: Collection[str] | None = None,
) -> list[Obligation]:
    """All obligations a trigger creates on ``day``, one per obliged actor or voting body.

    ``only`` limits them to the clauses of those pacts (a pact that came into force with the
    trigger's war under way, :mod:`sim.model.triggers`).

    When several clauses oblige the same actor for the same trigger, the most demanding one
    (by the cost of its action) is kept and the others are listed in ``also_under``; between
    equally demanding clauses a duty prevails over a permission (what one must do one may do),
    then the later pact (*lex posterior*), then the one listed first.
    """
    applying = []  # (pact id, clause, whether an organisation's act, obliged actor)
    for pact_id, pact, parties, clause in clauses_in_force(book, day, only):
        if not clause_applies(clause, trigger, parties):
            continue
        if clause.decision in VOTING_RULES:
            obliged = [clause.body] if clause.body else []
        elif clause.decision is DecisionRule.AUTOMATIC and pact.parties.organisation:
            # An automatic measure of an organisation is one institutional act, not one
            # act per member (e.g. suspension under the 2001 ECOWAS protocol).
            obliged = [pact.parties.organisation]
        else:
            obliged = obliged_actors(clause, trigger, parties, in_play)
        for actor in obliged:
            institutional = actor == clause.body or actor == pact.parties.organisation
            applying.append((pact_id, clause, institutional, actor))
    acts = _one_act_per_pact(trigger, applying) if trigger.raid else {}
    found: dict[tuple[str, str, str], Obligation] = {}
    for pact_id, clause, institutional, actor in applying:
        # One obligation per obliged state and direction; an organisation may owe several
        # distinct acts (a suspension and an intervention), one per action.
        act = acts.get((pact_id, actor, clause.toward), clause.action)
        key = (actor, clause.toward.value, act.value if institutional else "")
        candidate = Obligation(
            pact_id,
            clause,
            actor,
            trigger.victim,
            trigger.offenders,
            day_index + clause.delay_days,
            trigger,
        )
        current = found.get(key)
        found[key] = candidate if current is None else _keep_one(current, candidate, book)
    return list(found.values())


def _one_act_per_pact(
    trigger: Trigger, applying: list[tuple[str, Clause, bool, str]]
) -> dict[tuple[str, str, Toward], PactAction]:
    """The act an organisation's clause on rebellion stands for when a raid brings it into play.

    A raid from abroad is one act for an organisation however its pact's clauses read it: the
    1999 Mechanism's Art. 25 reads it as an aggression (armed assistance) and as an internal
    conflict (support), and the body decides one measure, not two. So each of a pact's readings
    as a rebellion counts as the act of the same pact's reading as an aggression toward the
    same side (its most demanding, if several), and the de-duplication keeps the more demanding
    of them (§7.3). Keyed by (pact, organisation, direction); a pact with no reading as an
    aggression keeps its own acts, and a state's obligations are one per direction anyway.
    """

    def rebellion(clause: Clause) -> bool:
        return answered_as(clause, trigger) is CasusFoederis.ARMED_REBELLION

    aggression: dict[tuple[str, str, Toward], PactAction] = {}
    for pact_id, clause, institutional, actor in applying:
        if institutional and not rebellion(clause):
            key = (pact_id, actor, clause.toward)
            held = aggression.get(key)
            if held is None or ACTION_COST[clause.action] > ACTION_COST[held]:
                aggression[key] = clause.action
    return {
        (pact_id, actor, clause.toward): aggression[(pact_id, actor, clause.toward)]
        for pact_id, clause, institutional, actor in applying
        if institutional and rebellion(clause) and (pact_id, actor, clause.toward) in aggression
    }


def _demand(ob: Obligation, book: PactBook) -> tuple:
    """How an obligation ranks among those one actor owes for one trigger.

    The most demanding action first, then a duty over a permission (what one must do one may
    do), then the later pact (*lex posterior*).
    """
    return ACTION_COST[ob.clause.action], _binds(ob.clause), book.pacts[ob.pact].starts()


def _keep_one(current: Obligation, candidate: Obligation, book: PactBook) -> Obligation:
    """The one of two obligations of one actor that is kept, the other cited beside it.

    Between equals, the one found first; an article already cited is cited once (one article
    read two ways, as a raid from abroad is read, §7.3).
    """
    kept, other = (
        (candidate, current)
        if _demand(candidate, book) > _demand(current, book)
        else (current, candidate)
    )
    own = f"{kept.pact} {kept.clause.article}"
    cited = [*current.also_under, *candidate.also_under, f"{other.pact} {other.clause.article}"]
    kept.also_under = [c for c in dict.fromkeys(cited) if c != own]
    return kept
