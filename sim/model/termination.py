"""Phase 8: coup attempts decided; interveners go home; wars end by breaking, giving up or talks.

From the day after a war starts, an attempted coup is won or lost at once; a state fighting
another's war abroad may go home; a side breaks when its losses pass
``breaking_point × (0.5 + casualty tolerance)`` of all it has committed. Short of that, each
side may capitulate under war weariness, with a daily hazard that grows with its losses against
its tolerance and with the odds against it (guerrillas weigh no worse than even: they rose
knowing them), and shrinks with its resolve. While a state stands outside every war, it may
broker a ceasefire, the likelier the wearier the less weary side, unless a party fights for
goals no government could grant; and a mediated ceasefire may break down on any later day, when
the same war is fought again (docs/model.md §7.8).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from sim.model.agents import Belligerent
from sim.model.combat import guerrilla_expectation, guerrilla_win_chance, win_chance
from sim.model.forces import still_to_send
from sim.model.pacts import REQUEST_PREFIX
from sim.model.records import COUP_ATTEMPT_REASON, OFFENSIVE_OVER, Record, RecordKind, WarOutcome
from sim.model.streams import Concern, keyed_uniform
from sim.model.wars import ATTACKERS, DEFENDERS, War

if TYPE_CHECKING:
    from sim.model.model import SahelModel

BREAKING_BASE = 0.5
"""A side breaks at ``breaking_point × (BREAKING_BASE + casualty tolerance)`` of its losses."""

TOLERANCE_FLOOR = 0.05
"""Weariness divides by the tolerance, never by less than this (a guard, not a behaviour)."""

ODDS_FLOOR = 0.000001
"""The odds against divide by the odds, never by less than this (a guard, not a behaviour)."""

EVEN_ODDS = 0.5
"""The worst odds guerrillas weigh in deciding to fight on (:func:`weighed_odds`)."""

MEDIATORS_LISTED = 3
"""The first neutral states (fighting on neither side, supporting or helping neither against the
other, striking neither) are named as mediators."""


def end_wars(model: SahelModel) -> None:
    """Phase 8: breaking point, capitulation, mediation; then truces that break, in war order."""
    if model.wars_ongoing:
        ongoing = [w for w in model.wars if w.ongoing]
        fighting = {a for w in ongoing for side in w.sides for a in side}
        neutral = [s.id for s in model.states if s.id not in fighting]
        for war in ongoing:
            _settle(model, war, neutral)
    if model.truces:
        for war in model.wars:
            if war.truce and war.end < model.day:
                break_truce(model, war)


def break_truce(model: SahelModel, war: War) -> None:
    """A mediated ceasefire may break down on any day after it began (:func:`breakdown_chance`).

    Guinea-Bissau's truce of 26 July 1998 broke down in October and its Abuja accord of
    November by May 1999; Sierra Leone's Conakry plan of October 1997 ended with ECOMOG's
    offensive of February 1998; Liberia's Bamako ceasefire of November 1990 held until October
    1992 (seeds/history/episodes.md). The war is fought again between the same sides; once its
    leaders fight each other in another war, the truce is over for good.
    """
    if model.at_war(*war.leaders):
        model.close_truce(war)
        return
    rate = model.params.truce_breakdown_rate
    draw = keyed_uniform(model.seed, Concern.TERMINATION, war.id, model.day, "truce")
    if draw >= breakdown_chance(rate, 1.0):
        return  # not even at the most uneven odds: no need to weigh the sides (most days)
    if not all(_could_return(model, side) for side in war.sides):
        return  # a side whose forces are all at another war cannot fight this one again
    strength, _, _ = _side_terms(model, war)
    odds = side_odds(model, war, _reach(model, war, strength))[ATTACKERS]
    favoured = max(odds, 1.0 - odds)
    chance = breakdown_chance(rate, favoured)
    if draw < chance:
        model.resume_war(
            war, probability=round(chance, 6), draw=round(draw, 6), odds=round(favoured, 4)
        )
        if war.guerrillas is not None:  # the government reckons again, from where the sides stand
            reckon(model, war, _reach(model, war, _side_terms(model, war)[0]))


def _could_return(model: SahelModel, side: dict[str, float]) -> bool:
    """Whether a side of a war in truce could bring any forces back to its front.

    Each member brings back what :meth:`SahelModel.brought_back` says, as the war resumes.
    The NPFL, under a truce with Doe's army, fought ECOMOG with all it had: that war, not the
    truce's, is where it fought.
    """
    return any(f > 0 for f in model.brought_back(side).values())


def breakdown_chance(rate: float, favoured: float) -> float:
    """The day's chance that a truce breaks down: ``rate`` at even odds, up to twice it.

    ``favoured`` is the better odds of the two sides, over all each could bring (0.5 to 1), as
    :func:`side_odds` reads them. A truce is fragile when its terms no longer match what
    fighting on would win: the side that expects to gain by war has a reason to resume it
    (Werner 1999, "The precarious nature of peace", AJPS 43(3); Fortna 2003, "Scraps of
    paper?", International Organization 57(2)). Nigeria's contingent in Sierra Leone grew during
    the truce of 1997 and took Freetown in February 1998.
    """
    return min(1.0, rate * 2.0 * favoured)


def odds_against(odds: float) -> float:
    """How heavily a side's odds weigh on its will to fight on: its odds against, (1 − p) / p.

    By the square law the odds against are the square of the force ratio against the side, and
    the ratio of its daily losses, as a share of its forces, to its enemy's: what each day's
    fighting shows it. Wars end as the battlefield brings the sides' expectations together, and
    a side that learns it is far the weaker settles first (Slantchev 2003, American Political
    Science Review 97(4); Filson & Werner 2002, American Journal of Political Science 46(4)).
    Divided by four so that at even odds the factor equals the 0.25 that ``(1 − p)²`` gave,
    a form that gave a side facing ten times its strength no more than four times the
    hazard of an even fight: The Gambia's 500 rebels of 1981 then held out for two months
    against the week it took Senegal's troops.
    """
    return (1.0 - odds) / max(odds, ODDS_FLOOR) / 4.0


def weighed_odds(war: War, side: int, odds: float) -> float:
    """The odds ``side`` weighs in deciding whether to fight on: guerrillas' never below even.

    The odds against weigh on a side's will because the fighting reveals them: wars end as the
    battlefield brings the sides' expectations together (Slantchev 2003). Guerrillas rose
    knowing that the army outnumbered them many times, and by refusing battle they deny the
    fighting the power to show either side more; they fight to outlast the state, not to
    defeat its army (Mack 1975, "Why big nations lose small wars", World Politics 27(2)), and
    the weak who fight so have won asymmetric wars more often than not (Arreguín-Toft 2001,
    International Security 26(1)). So in a guerrilla war the guerrillas weigh no worse than
    even odds: what wears their will is their losses against their tolerance, not the army's
    size; guerrillas the fighting shows winning (a weak army, or allies gone home) weigh their
    own, better odds, as any side does. Before this rule a band a tenth of the army's size
    weighed odds ten times as heavy as an even fight's, and gave up within months where
    peripheral insurgencies last years (Fearon 2004, Journal of Peace Research 41(3)).
    """
    return max(odds, EVEN_ODDS) if war.guerrillas == side else odds


def side_odds(model: SahelModel, war: War, reach: list[float]) -> list[float]:
    """Each side's odds of winning the war, as it reads them from the fighting.

    By the square law over all each side can bring (:func:`_reach`); in a guerrilla war
    (``War.guerrillas``), by Deitchman's law over the same (:func:`guerrilla_odds`).
    """
    if war.guerrillas is not None:
        return guerrilla_odds(
            war.guerrillas, reach, model.fighting_quality(war)[1 - war.guerrillas]
        )
    return [
        win_chance(reach[ATTACKERS], reach[DEFENDERS]),
        win_chance(reach[DEFENDERS], reach[ATTACKERS]),
    ]


def guerrilla_odds(side: int, reach: list[float], quality_gov: float) -> list[float]:
    """Each side's odds in a guerrilla war, the guerrillas being ``side``.

    What each day shows each side in a guerrilla war (:func:`sim.model.combat.guerrilla_day`):
    the guerrillas lose a share of themselves set by the army's quality, and the army loses in
    proportion to their number, so a band's odds grow with its number and the army's with its
    quality times its own, each counted once (:func:`sim.model.combat.guerrilla_win_chance`).
    Guerrillas win by not losing (Mack 1975, "Why big nations lose small wars", World Politics
    27(2)): a band a third of an army's size reads the odds the square law gives one over half
    of it.
    """
    odds = guerrilla_win_chance(reach[side], reach[1 - side], quality_gov)
    return [odds, 1.0 - odds] if side == ATTACKERS else [1.0 - odds, odds]


def _side_terms(model: SahelModel, war: War) -> tuple[list[float], list[float], list[float]]:
    """Each side's effective strength, and its resolve and casualty tolerance (force-weighted)."""
    actors = model.actors
    strength, resolve, tolerance = [], [], []
    for s in (ATTACKERS, DEFENDERS):
        members = [a for a in war.sides[s] if a in actors]
        weights = [max(actors[a].forces, 1.0) for a in members]
        total = sum(weights) or 1.0
        resolve.append(
            sum(w * actors[a].spec.resolve for w, a in zip(weights, members, strict=True)) / total
        )
        tolerance.append(
            sum(
                w * actors[a].spec.casualty_tolerance for w, a in zip(weights, members, strict=True)
            )
            / total
        )
        strength.append(model.side_strength(war, s))
    return strength, resolve, tolerance


def _settle(model: SahelModel, war: War, neutral: list[str]) -> None:
    p = model.params
    strength, resolve, tolerance = _side_terms(model, war)
    if war.coup_attempt:
        # Decided the next day; at once only if a side has nothing left to hold or strike with.
        if war.fighting_since < model.day or min(strength) <= 0:
            decide_attempt(model, war, strength)
        return
    if _no_forces_left(model, war, strength):
        return
    if war.fighting_since == model.day:
        # A war is fought for a whole day before a side can break, yield or be brought to talks:
        # the shortest war on record here, The Gambia 2017, ended the day after the crossing.
        if war.guerrillas is not None:  # what the government expects, as the fighting begins
            reckon(model, war, _reach(model, war, strength))
        return
    if withdraw_interveners(model, war):
        strength, resolve, tolerance = _side_terms(model, war)
        if _no_forces_left(model, war, strength):
            return
    for s in (ATTACKERS, DEFENDERS):
        share_lost = war.losses[s] / war.initial[s] if war.initial[s] > 0 else 0.0
        members = [a for a in war.sides[s] if a in model.actors]
        breaking = _breaking_point(model, members) * (BREAKING_BASE + tolerance[s])
        if share_lost >= breaking:
            _finish(
                model,
                war,
                s,
                "breaking point",
                share_lost=round(share_lost, 4),
                breaking_point=round(breaking, 4),
            )
            return
    due = offensives_due(model, war) if war.offensives else []
    if due:
        if end_offensives(model, war, due):
            return
        strength, resolve, tolerance = _side_terms(model, war)  # those whose offensive ended left
    reach = _reach(model, war, strength)
    sides_odds = side_odds(model, war, reach)
    wearied = []
    for s in (ATTACKERS, DEFENDERS):
        odds = sides_odds[s]
        weighed = weighed_odds(war, s, odds)
        bearable = war.initial[s] * max(tolerance[s], TOLERANCE_FLOOR)
        weariness = war.losses[s] / bearable if war.initial[s] > 0 else 0.0
        # Ripe again only once the renewed fighting hurts: the side that broke the truce has
        # just rejected the stalemate it had accepted.
        fresh = war.losses[s] - war.losses_at_resumption[s]
        wearied.append(fresh / bearable if war.initial[s] > 0 else 0.0)
        hazard = min(
            1.0,
            p.capitulation_rate
            * (1 - resolve[s]) ** 2
            * odds_against(weighed)
            * (weariness + p.baseline_weariness),
        )
        # Each side of a civil war that stakes its leaders' fate on it gives up at
        # handover_concession_factor: the government its office, rebels able to draw the war out
        # their arms.
        stake = (
            "overthrow_factor"
            if _overthrown_if_beaten(model, war, s)
            else "disarm_factor"
            if rebels_fight_on(model, war, s)
            else None
        )
        if stake:
            hazard *= p.handover_concession_factor
        draw = keyed_uniform(model.seed, Concern.TERMINATION, war.id, model.day, s)
        if draw < hazard:
            _finish(
                model,
                war,
                s,
                "capitulation under war weariness",
                probability=round(hazard, 6),
                draw=round(draw, 6),
                terms={
                    "resolve": round(resolve[s], 4),
                    "odds": round(odds, 4),
                    **({"odds_weighed": weighed} if weighed != odds else {}),
                    "weariness": round(weariness, 4),
                    **({stake: p.handover_concession_factor} if stake else {}),
                },
            )
            return
    # A state supporting either side of this war is no go-between (Liberia and Burkina Faso
    # backing the RUF in 2000 did not broker its truce), nor one striking a side on its own, nor
    # one that lent forces or help to a member of one side against the other (Chad's troops,
    # sent at Cameroon's request in January 2015, fought Boko Haram; Chad brokered no truce
    # between them).
    lending = model.lenders_between(war.sides[ATTACKERS], war.sides[DEFENDERS])
    # Nor is a state a party seized power in a go-between in its war: Sierra Leone, held by the
    # AFRC junta in 1997, brokered nothing between it and Nigeria (ECOWAS's Committee of Five
    # drew up the Conakry Peace Plan with the junta while Kabbah's government sat in exile).
    parties = {*war.leaders, *war.members()}
    held = {state for state, by in model.seized_by.items() if by in parties}
    mediators = [
        s
        for s in neutral
        if s not in war.supporters
        and s not in lending
        and s not in held
        and not _striking(model, s, war)
    ]
    if mediators and not beyond_mediation(model, war):
        ripe = ripeness(wearied)
        outlasted = None
        if war.guerrillas is not None:
            government = 1 - war.guerrillas
            share, expected = stalemate(model, war)
            if share > wearied[government]:
                worn = list(wearied)
                worn[government] = share
                if ripeness(worn) > ripe:  # only if the government was the less weary side
                    ripe = ripeness(worn)
                    outlasted = {
                        "government": war.leaders[government],
                        "expected_days": None if expected is None else round(expected, 1),
                        "days_fought": model.day - war.fighting_since,
                        **({"resumed": True} if war.resumed is not None else {}),
                    }
        chance = p.mediation_rate * ripe
        draw = keyed_uniform(model.seed, Concern.TERMINATION, war.id, model.day, "mediation")
        if draw < chance:
            model.end_war(
                war,
                WarOutcome.MEDIATED,
                reason="mediation",
                mediators=mediators[:MEDIATORS_LISTED],
                probability=round(chance, 6),
                draw=round(draw, 6),
                ripeness=round(ripe, 4),
                **({"stalemate": outlasted} if outlasted else {}),
            )


def _striking(model: SahelModel, state: str, war: War) -> bool:
    """Whether ``state`` uses force on its own today against a party to ``war`` (an event)."""
    members = war.members()
    return any(party == state and against in members for party, against in model.strikes_today())


def stalemate(model: SahelModel, war: War) -> tuple[float, float | None]:
    """How far a government fighting guerrillas sees a stalemate: the share of its time gone.

    Returns the share of the days it expected to need to wear the guerrillas down that it has
    fought without doing so, at most 1, and those days (``None``: it never expected to). A
    state fighting a rebellion in its periphery fights a limited war: its survival is not at
    stake, so what wears its will is the war's length, not its losses, which a large army
    barely feels (after Mack 1975, "Why big nations lose small wars", World Politics 27(2),
    whose argument on an outside power's war abroad this extends to a government's war in
    its own periphery). A war is ripe for talks when both sides see a mutually hurting
    stalemate (Zartman 2000), and a rebellion once the government can no longer expect to end
    it by force (Zartman 1995, *Elusive Peace: Negotiating an End to Civil Wars*, Brookings).
    The days were reckoned on the day the fighting began or resumed (:func:`reckon`, called
    from :func:`_settle` and :func:`break_truce`). Only the ripeness of rule 5 reads it: a
    government ready to talk is not ready to give up.
    """
    since, expected = war.expected_length
    if expected is None or expected <= 0:
        return 1.0, expected
    return min(1.0, (model.day - since) / expected), expected


def reckon(model: SahelModel, war: War, reach: list[float]) -> None:
    """The days a government expects to need to wear the guerrillas down, from today.

    By the model's own guerrilla combat (:func:`sim.model.combat.guerrilla_expectation`, as a
    threatener reckons them), from all each side can bring (``reach``) and what each has left to
    lose before it breaks: its breaking share of all it committed, less what it has lost, as a
    share of what it has at the front (a war fought again after a truce starts where the last
    round left the sides). ``None`` if it expects never to wear them down. Kept on the war,
    with the day the fighting began or resumed (``War.expected_length``).
    """
    government, guerrillas = 1 - war.guerrillas, war.guerrillas

    def left_to_lose(side: int) -> float:
        members = [a for a in war.sides[side] if a in model.actors]
        at_front = sum(war.sides[side].values())
        if at_front <= 0:
            return 0.0
        bearable = breaking_share(model, members) * war.initial[side] - war.losses[side]
        return min(1.0, max(0.0, bearable) / at_front)

    p = model.params
    _, wins, days = guerrilla_expectation(
        reach[government],
        reach[guerrillas],
        model.fighting_quality(war)[government],
        left_to_lose(government),
        left_to_lose(guerrillas),
        p.kill_rate * (p.irregular_intensity if war.irregular else 1.0),
    )
    expected = days if wins and math.isfinite(days) else None
    war.expected_length = (war.fighting_since, expected)


def beyond_mediation(model: SahelModel, war: War) -> bool:
    """Whether a party to the war fights for goals no government could grant (``broad_goals``).

    The narrower a group's goals, the likelier a negotiated end; groups that fight for broad
    goals (a social revolution, an empire: al-Qaeda's caliphate) seldom reach one, and end, if
    at all, by force or by policing (Jones & Libicki 2008, *How Terrorist Groups End*, RAND
    MG-741: 648 groups, 1968-2006). No state brokers a ceasefire in such a war: Mali's jihadist
    coalition of 2013 was driven from the northern towns by Operation Serval, and no state-level
    truce was ever made with its successors.
    """
    actors = model.actors
    return any(
        isinstance(actors.get(a), Belligerent) and actors[a].spec.broad_goals for a in war.members()
    )


def decide_attempt(model: SahelModel, war: War, strength: list[float]) -> None:
    """An attempted coup is won or lost the day after it began, before the other rules (§7.8).

    Coups are decided in hours, not fought out: the coup record counts an attempt a success
    when its plotters hold power for seven days (Powell & Thyne 2011, Journal of Peace Research
    48(2)), and most failed ones are over the same day (The Gambia, 30 December 2014; Mali's
    counter-coup, 30 April 2012). An attempt from inside the state's forces (a faction) is decided
    by coordination, whether the rest of the army follows, which the model does not see: it
    succeeds at the record's rate, ``coup_success`` (48 % of 457 attempts, 1950-2010), times its
    square-law share against any foreign forces fighting for the government, who are no part
    of that choice (France undid Gabon's coup of February 1964 within two days). Armed
    men from outside the state's forces (exiles, a rebel band) make no coup in the record's sense
    (an attempt "by the military or other elites within the state apparatus"): no one in the army
    is expected to follow them, and they win only by force, at the square-law share of fighting
    power against all the government's side can bring. If the plotters win, they have seized
    power (:meth:`SahelModel.seize_power`).
    """
    plotters, state = war.leaders
    faction = model.actors[plotters].spec.faction
    if faction:
        chance = model.params.coup_success
        terms = {"faction": True, "rate": chance}
        # Foreign troops fighting for the government are no part of the army's choice: the
        # plotters must beat them too (Nigeria's jets and troops in Cotonou, 7 December 2025).
        outside = model.side_strength(war, DEFENDERS, lambda a: model.controlled(a) != state)
        if outside > 0:
            held = win_chance(strength[ATTACKERS], outside)
            chance *= held
            terms["against_outside"] = round(held, 6)
    else:
        reach = _reach(model, war, strength)
        chance = win_chance(reach[ATTACKERS], reach[DEFENDERS])
        terms = {"faction": False, "odds": round(chance, 6)}
    if strength[DEFENDERS] <= 0 < strength[ATTACKERS]:
        chance = 1.0  # no one left to hold the seat of power
    elif strength[ATTACKERS] <= 0:
        chance = 0.0  # no plotter left to strike
    draw = keyed_uniform(model.seed, Concern.TERMINATION, war.id, model.day, "coup")
    won = draw < chance
    _finish(
        model,
        war,
        DEFENDERS if won else ATTACKERS,
        COUP_ATTEMPT_REASON,
        probability=round(chance, 6),
        draw=round(draw, 6),
        terms=terms,
    )
    if won:
        model.seize_power(state, plotters, holds_state=True, war=war.id)


def _overthrown_if_beaten(model: SahelModel, war: War, side: int) -> bool:
    """Whether ``side`` is a state's government fighting a rebel army or faction of its own.

    Its capitulation is its overthrow, and rulers who expect exile, prison or death after losing
    office fight on where others would yield (Goemans 2008, "Which way out?", Journal of
    Conflict Resolution 52(6)): Doe, besieged in Monrovia from July 1990, asked ECOWAS for help
    and did not give up; Vieira held out in Bissau for eleven months (seeds/history/episodes.md).
    Its daily chance of capitulating is ``handover_concession_factor`` of the rule's, the factor
    of an incumbent asked to hand over power under a threat.
    """
    leader, enemy = war.leaders[side], war.leaders[1 - side]
    rebels = model.actors.get(enemy)
    return (
        model.state(leader) is not None
        and isinstance(rebels, Belligerent)
        and rebels.home == leader
    )


def rebels_fight_on(model: SahelModel, war: War, side: int) -> bool:
    """Whether ``side`` is a rebel army or faction, able to draw its war out, against its own state.

    Giving up a civil war means disarming at the other side's mercy (Walter 1997, "The critical
    barrier to civil war settlement", International Organization 51(3)), and civil wars seldom
    end in a surrender (Kreutz 2010, Journal of Peace Research 47(2)): the RUF fought on for a
    decade from 1991; the NPFL did not give up when ECOMOG landed in 1990. Rebels with a base or
    a backer to fall back on, the periphery's land included (:attr:`Belligerent.draws_out_war`),
    capitulate at ``handover_concession_factor`` of the rule's, as the government they fight
    does: each side stakes its leaders' fate on the war. A band that rose in the capital with
    none of these has nowhere to go, and is routed (Kukoi Samba Sanyang's council, 1981).
    """
    rebels, state = war.leaders[side], war.leaders[1 - side]
    actor = model.actors.get(rebels)
    return (
        isinstance(actor, Belligerent)
        and actor.draws_out_war
        and actor.home == state
        and model.state(state) is not None
    )


def ripeness(weariness: list[float]) -> float:
    """How ripe a war is for a settlement: the weariness of the less weary side, at most 1.

    A war is ripe for mediation when both sides feel a mutually hurting stalemate: a mediator
    brings no one to terms who is not yet hurt (Zartman 1989, *Ripe for Resolution*; Zartman
    2000, in Stern & Druckman, *International Conflict Resolution after the Cold War*,
    doi:10.17226/9897). So a war is not settled on its first days, before either side has lost,
    and the chance grows as it is fought. A war fought again after a truce ripens only by the
    losses since it resumed (:func:`_settle`).
    """
    return min(1.0, min(weariness))


def _reach(model: SahelModel, war: War, strength: list[float]) -> list[float]:
    """Each side's effective strength with what its states abroad can still send (phase 5).

    A side judges its odds by all it can bring to the front, not only what has landed: an
    intervener whose contingent is still growing does not despair of a war it has just
    entered (Nigeria held Lungi after its attack of 2 June 1997 failed, and took Freetown in
    February 1998 with the force it built up; seeds/history/episodes.md).
    """
    if model.params.reinforcement_rate <= 0:
        return strength
    reach = list(strength)
    for s, member, more in still_to_send(model, war):
        reach[s] += more * model.actors[member].spec.effectiveness * war.aid[s]
    return reach


def _no_forces_left(model: SahelModel, war: War, strength: list[float]) -> bool:
    """End the war if a side has no effective strength left (rule 1, on any day)."""
    if strength[ATTACKERS] > 0 and strength[DEFENDERS] > 0:
        return False
    loser = ATTACKERS if strength[ATTACKERS] <= 0 else DEFENDERS
    _finish(model, war, loser, "no forces left on the front")
    return True


def withdraw_interveners(model: SahelModel, war: War) -> bool:
    """States fighting another's war on foreign soil may go home, each day at ``withdrawal_rate``.

    Only a state that is neither side's leader nor a state the war is fought in: an intervener
    bears the war's cost away from home, and the cost grows with each day it stays (Slantchev
    2003). Senegal and Guinea, which entered Guinea-Bissau's war in June 1998, had left by March
    1999, and Brig. Mané's junta then overthrew the president they had come to defend (May 1999;
    seeds/history/episodes.md). Its forces go home; the side fights on without them. Returns
    whether anyone went home.
    """
    rate = model.params.withdrawal_rate
    if rate <= 0:
        return False
    theatre = model.controlled(war.leaders[DEFENDERS])
    left = False
    for s in (ATTACKERS, DEFENDERS):
        lead = lead_nation(model, war, s)
        for member in list(war.sides[s]):
            if (
                member in war.leaders
                or member == lead
                or member == theatre
                or member in war.at_home
                or member in war.offensives  # it leaves when its offensive ends
                or model.state(member) is None
                or (model.strict and _pledged(model, war, member))
            ):
                continue
            draw = keyed_uniform(
                model.seed, Concern.TERMINATION, war.id, model.day, "withdraw", member
            )
            if draw < rate:
                left = True
                _withdraw(
                    model,
                    war,
                    member,
                    days=model.day - _entered(model, war, member),
                    probability=rate,
                    draw=round(draw, 6),
                )
    return left


def lead_nation(model: SahelModel, war: War, side: int) -> str | None:
    """The state carrying an organisation's side of ``war``: its largest contingent there.

    A war an organisation leads has a lead nation behind it (§7.1), which leads it and does not
    go home while it lasts: Nigeria kept ECOMOG in Liberia from 1990 to 1998 and in Sierra Leone
    from 1997 to 2000, and drew down only after a change of government at home (1999;
    seeds/history/episodes.md). None for a side a state or a group leads, which its leader
    carries.
    """
    if war.leaders[side] not in model.world.organisations or not war.sides[side]:
        return None
    members = war.sides[side]
    return max(members, key=lambda m: (members[m], m))


def offensives_due(model: SahelModel, war: War) -> list[str]:
    """The members of ``war`` whose limited offensive has run its course today, now done with."""
    due = [m for m, last in war.offensives.items() if model.day >= last]
    for member in due:
        war.offensives.pop(member)
    return [m for m in due if war.side_of(m) is not None]


def end_offensives(model: SahelModel, war: War, due: list[str]) -> bool:
    """Limited offensives against an armed group end once they have run their course (§7.11).

    A state that answered an armed group's strike with an offensive fights it for
    ``offensive_days`` (:meth:`SahelModel.launch_offensive`), as Chad's Bohoma's Wrath was
    declared over eight days after it was launched (31 March-8 April 2020). A war the offensive
    started ends with it, the side stronger at the front winning: guerrillas do not hold ground
    against a stronger force but withdraw, and a group stronger than the offensive holds its
    ground. Those who came with the offensive (pledged allies, belligerents sworn beside the
    state) end with it; those who joined the war later by obligation go with the war. Unless a
    state the group has since carried its war into fights beside the state in it
    (:meth:`SahelModel.carry_war`): that state fights for its own soil, and the war goes on, now
    a war of the state's too. Members whose offensive joined a war under way leave it. Checked
    after the breaking points (a side that broke on the last day broke). Returns whether the war
    ended, or a side had no forces left.
    """
    leader = war.offensive_by if war.offensive_by in due else None
    fought = int(model.params.offensive_days)
    if leader is not None:
        side = war.side_of(leader)
        invaded = [m for m in war.sides[side] if m in war.at_home and m not in due]
        if not invaded:
            strength = [model.side_strength(war, s) for s in (ATTACKERS, DEFENDERS)]
            loser = 1 - side if strength[side] > strength[1 - side] else side
            _finish(
                model,
                war,
                loser,
                OFFENSIVE_OVER,
                offensive=leader,
                fought=fought,
                strength=[round(x, 1) for x in strength],
            )
            return True
        war.offensive_by = None
        model.log(
            RecordKind.EVENT,
            leader,
            war.leaders[1 - side],
            what="offensive_goes_on",
            war=war.id,
            beside=invaded,
        )
    for member in due:
        if member == leader or member in war.leaders:
            continue  # a side's leader fights on in its war: it cannot leave it
        days = model.day - _entered(model, war, member)  # an ally may have joined it late
        _withdraw(model, war, member, days=days, reason=OFFENSIVE_OVER)
    return _no_forces_left(model, war, _side_terms(model, war)[0])


def _withdraw(model: SahelModel, war: War, member: str, **terms) -> None:
    """``member`` takes its forces out of ``war``; the side fights on without them (``withdrew``)."""
    s = war.side_of(member)
    forces = war.sides[s].pop(member)
    model.moved = True
    model.log(
        RecordKind.WITHDREW,
        member,
        war.leaders[1 - s],
        war=war.id,
        side=s,
        days=terms.pop("days"),
        forces=round(forces),
        **terms,
    )


def _entry(model: SahelModel, war: War, member: str) -> Record | None:
    """The record of ``member``'s last entry into ``war``, None if it fought from the start."""
    for r in reversed(model.records):
        if r.kind is RecordKind.ENTERED_WAR and r.actor == member and r.get("war") == war.id:
            return r
    return None


def _pledged(model: SahelModel, war: War, member: str) -> bool:
    """Whether ``member`` last entered ``war`` to honour a pact's obligation (not a request).

    In strict mode a pledge is kept as written (§7.10): a state that went to war under its
    treaty stays while the war lasts.
    """
    entry = _entry(model, war, member)
    pact = None if entry is None else entry.get("pact")
    return bool(pact) and not str(pact).startswith(REQUEST_PREFIX)


def _entered(model: SahelModel, war: War, member: str) -> int:
    """The day ``member`` last entered ``war``: its days abroad count from then, not the war's start."""
    entry = _entry(model, war, member)
    return war.start if entry is None else entry.day


def breaking_share(model: SahelModel, members: list[str]) -> float:
    """The share of what a group commits that it can lose before it breaks, as phase 8 rules.

    ``breaking_point × (BREAKING_BASE + tolerance)``, both weighted by forces; what a threatener
    expects of a war (:func:`sim.model.intent.expected_losses`) uses the same rule.
    """
    present = [a for a in members if a in model.actors]
    return _breaking_point(model, present) * (BREAKING_BASE + tolerance_of(model, present))


def tolerance_of(model: SahelModel, members: list[str]) -> float:
    """Casualty tolerance of a group of actors, weighted by their forces (0.5 for none)."""
    actors = model.actors
    if not members:
        return 0.5
    weights = [max(actors[a].forces, 1.0) for a in members]
    return sum(
        w * actors[a].spec.casualty_tolerance for w, a in zip(weights, members, strict=True)
    ) / sum(weights)


def _breaking_point(model: SahelModel, members: list[str]) -> float:
    """A group's breaking point: the parameter, or its members' own, weighted by forces.

    Only belligerents declare one of their own (an inline actor's ``breaking_point``).
    """
    default = model.params.breaking_point
    actors = model.actors
    if not any(actors[a].spec.breaking_point is not None for a in members):
        return default
    weights = [max(actors[a].forces, 1.0) for a in members]
    own = [
        default if actors[a].spec.breaking_point is None else actors[a].spec.breaking_point
        for a in members
    ]
    return sum(w * b for w, b in zip(weights, own, strict=True)) / sum(weights)


def _finish(model: SahelModel, war: War, loser: int, reason: str, **terms) -> None:
    outcome = WarOutcome.DEFENDERS_WON if loser == ATTACKERS else WarOutcome.ATTACKERS_WON
    model.end_war(war, outcome, reason=reason, loser=war.leaders[loser], **terms)
