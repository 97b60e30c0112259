"""Every tunable number of the model, declared once: default, range, unit, label and meaning.

The scenario schema, the command line's ``--set`` checks, the teaching app's sliders and the
generated docs all read these declarations; nothing else states a default. The reason or the
source for each default is in ``source`` (and ``docs/model.md`` prints it).
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ConfigDict, Field, StrictFloat, StrictInt, create_model

from sim.errors import Text


@dataclass(frozen=True)
class Parameter:
    """One knob of the model."""

    name: str
    default: float
    low: float
    high: float
    unit: str
    label: str
    label_fr: str
    meaning: str
    source: str
    integer: bool = False

    def describe(self) -> str:
        """One line for help texts and schema descriptions."""
        return (
            f"{self.meaning} [{self.low:g} to {self.high:g} {self.unit}; default {self.default:g}]"
        )


def _declare(*params: Parameter) -> dict[str, Parameter]:
    return {p.name: p for p in params}


PARAMETERS: dict[str, Parameter] = _declare(
    Parameter(
        "honour_base_rate",
        0.75,
        0.0,
        1.0,
        "probability",
        "Base rate of honouring commitments",
        "Taux de base de respect des engagements",
        "chance that an average obliged state honours a triggered commitment in behavioural mode",
        "Leeds, Long & Mitchell (2000), JCR 44(5): 74.5% of commitments honoured when the "
        "casus foederis arose; Leeds (2003), IO 57(4): about 75%",
    ),
    Parameter(
        "permission_base_rate",
        0.29,
        0.0,
        1.0,
        "probability",
        "Base rate of using a permission",
        "Taux de base d'usage d'une faculté",
        "chance that an average decider takes a measure a clause permits but does not oblige "
        "(the 1999 Mechanism's Art. 25, the 2001 Protocol's Art. 45), before the terms of its "
        "situation",
        "assumption: no study measures it; the training episodes fit it (docs/calibration.md §8), "
        "and the single value is the shipped posterior's median (sim/data/POSTERIOR.md)",
    ),
    Parameter(
        "invitation_base_rate",
        0.57,
        0.0,
        1.0,
        "probability",
        "Base rate of granting a request",
        "Taux de base d'acceptation d'une demande",
        "chance that an average state asked for armed help by a government, outside any treaty "
        "(a request event), gives it, before the terms of its situation",
        "the record: requests of sub-Saharan governments in place to foreign states for armed "
        "help against rebels, mutineers or putschists, 1960-2012, outside any defence agreement "
        "known to cover them, were granted in 16 of 28 (seeds/history/invitations.md), a share "
        "likely biased upward, as refusals are less documented; no training episode has a "
        "request, so no fit informs it",
    ),
    Parameter(
        "partial_share",
        0.5,
        0.0,
        1.0,
        "share",
        "Share of defections that still help",
        "Part des défections qui aident quand même",
        "of the obliged states that do not honour in full, the share that give non-military help "
        "instead of abstaining",
        "assumption: the 2023-25 AES record shows declaratory and diplomatic help short of force "
        "(seeds/pacts.yaml, mali-algeria 2025 incident)",
    ),
    Parameter(
        "resolve_weight",
        1.5,
        0.0,
        5.0,
        "log-odds",
        "Weight of resolve",
        "Poids de la détermination",
        "how much an actor's resolve raises its chance of honouring (per unit of resolve above 0.5)",
        "assumption, calibrated so that the bundled scenarios honour about 3 in 4 obligations",
    ),
    Parameter(
        "affinity_weight",
        1.0,
        0.0,
        5.0,
        "log-odds",
        "Weight of affinity to the victim",
        "Poids de l'affinité avec la victime",
        "how much shared regime and shared memberships with the victim raise the chance of honouring",
        "Leeds, Mattes & Vogel (2009), AJPS 53(2): regime similarity and coalition change shape "
        "alliance behaviour",
    ),
    Parameter(
        "cost_weight",
        1.0,
        0.0,
        5.0,
        "log-odds",
        "Weight of expected cost",
        "Poids du coût attendu",
        "how much the expected cost of fighting (enemy strength against own forces) lowers the "
        "chance of honouring",
        "Snyder (1984), World Politics 36(4): the fear of entrapment against abandonment",
    ),
    Parameter(
        "insurgency_weight",
        1.0,
        0.0,
        5.0,
        "log-odds",
        "Weight of home insurgency",
        "Poids de l'insurrection intérieure",
        "how much insurgent pressure at home lowers the chance of sending forces abroad",
        "assumption: forces tied down by JNIM and IS Sahel (seeds/armed_groups.yaml)",
    ),
    Parameter(
        "reputation_weight",
        0.5,
        0.0,
        5.0,
        "log-odds",
        "Weight of reputation",
        "Poids de la réputation",
        "how much a state's record of honoured commitments in the run raises its chance of honouring",
        "Leeds (2003), IO 57(4): reneging carries reputational costs",
    ),
    Parameter(
        "deterrence_weight",
        1.0,
        0.0,
        5.0,
        "ratio",
        "Weight of the expected coalition",
        "Poids de la coalition attendue",
        "how strongly an attacker discounts its expected gain by the coalition it expects to face",
        "Leeds (2003), AJPS: defence pacts reduce the chance of challenges; Johnson & Leeds (2011)",
    ),
    Parameter(
        "support_ally_weight",
        0.5,
        0.0,
        1.0,
        "share",
        "Weight of an ally pledged only to support",
        "Poids d'un allié tenu au seul soutien",
        "share of an ally's strength a threatener counts in the coalition it expects when the "
        "ally is obliged to support rather than armed assistance (an ally obliged to armed "
        "assistance counts in full)",
        "assumption: a pledge of support (advisers and combat support from forces already "
        "present, seeds/README.md) is expected to bring some of an ally's strength, not all of it; "
        "no data fixes the share",
    ),
    Parameter(
        "capacity_weight",
        0.5,
        0.0,
        5.0,
        "log-odds",
        "Weight of capacity",
        "Poids de la capacité",
        "how much an obliged state's own deployable strength, against the enemy's, raises its "
        "chance of honouring",
        "Leeds (2003), IO 57(4): changes in a state's power between signing and invocation "
        "predict violations",
    ),
    Parameter(
        "required_superiority",
        1.9,
        0.2,
        5.0,
        "ratio",
        "Superiority an attacker wants",
        "Supériorité recherchée par l'attaquant",
        "ratio of its own strength to the expected opposing coalition at which a threatener is "
        "as likely as not to attack",
        "assumption, below the classic 3:1 at the point of attack because it is a theatre-wide "
        "ratio; the range reaches down to 0.2 because the record has attacks far below parity "
        "(Nigeria's 4,600 troops in Freetown against the AFRC junta and the RUF, June 1997: "
        "seeds/history/episodes.md), which a military ruler's confidence (junta_confidence) "
        "now accounts for; the single value is the shipped posterior's median "
        "(sim/data/POSTERIOR.md)",
    ),
    Parameter(
        "intent_spread",
        0.15,
        0.05,
        3.0,
        "log-ratio",
        "Uncertainty of the attack decision",
        "Incertitude de la décision d'attaquer",
        "spread of the threatener's judgement of the balance of forces; larger means the "
        "decision depends less on the balance",
        "assumption; the single value is the shipped posterior's median (sim/data/POSTERIOR.md)",
    ),
    Parameter(
        "attack_rate",
        0.1,
        0.001,
        1.0,
        "per day",
        "Daily chance of carrying out a threat",
        "Chance quotidienne d'exécuter une menace",
        "chance per day, from the deadline on, that a threatener who judges the use of force "
        "worth it attacks; a threat held open longer is more likely to be carried out",
        "assumption, calibrated on the training episodes (docs/calibration.md); replaces "
        "a chance spread flat over the window, under which the window's length did not matter",
    ),
    Parameter(
        "incident_escalation",
        0.05,
        0.0,
        1.0,
        "share",
        "Share of incidents answered with war",
        "Part des incidents suivis d'une guerre",
        "chance that the victim of an incident, judging a war worth fighting (readiness 1), "
        "answers it with war on the first day it could, and the factor on its daily chance after "
        "that; at 1, every victim that judged a war worth fighting would start one",
        "Jones, Bremer & Singer (1996), Conflict Management and Peace Science 15(2): over 2,000 "
        "militarized interstate disputes from 1816 to 1992, most of them threats, displays and "
        "uses of force short of war "
        "(https://econpapers.repec.org/article/saecompsc/v_3a15_3ay_3a1996_3ai_3a2_3ap_3a163-213.htm); "
        "the Correlates of War project counts 95 interstate wars from 1816 to 2007 (A Revised "
        "Look at Interstate Wars, 1816-2007, Journal of Conflict Resolution; "
        "http://metatoc.com/papers/61488-a-revised-look-at-interstate-wars-1816-2007): fewer than "
        "one dispute in twenty became a war; the value is an assumption of that order, not "
        "fitted (one training episode has an incident, and its victim was the weaker side)",
    ),
    Parameter(
        "offensive_days",
        8,
        1,
        60,
        "days",
        "Length of an offensive against an armed group",
        "Durée d'une offensive contre un groupe armé",
        "days a state (or an outside power) fights the limited offensive with which it answers "
        "an armed group's strike (where the group fights, or on the state's own soil), unless "
        "a side breaks first, counted as a war's length is (from the day it began to the day "
        "it ended); it weighs the offensive by what those days of the model's combat would "
        "cost, and it ends then",
        "the length, from the day it began to the day it ended, of four punitive offensives "
        "against armed groups that had struck a state: Israel's Operation Accountability "
        "against Hezbollah, 25-31 July 1993, 6 days "
        "(https://en.wikipedia.org/wiki/Operation_Accountability); Turkey's Operation Sun "
        "against the PKK in northern Iraq, 21-29 February 2008, 8 days "
        "(https://en.wikipedia.org/wiki/2008_Turkish_incursion_into_northern_Iraq); Chad's "
        "Bohoma's Wrath against Boko Haram, 31 March-8 April 2020, 8 days (Koaci, 9 April "
        "2020, https://koaci.com/article/2020/04/09/tchad/politique/tchad-colere-de-bohoma-"
        "larmee-annonce-avoir-chasse-boko-haram-de-son-sol-et-perdu-52-hommes_140369.html); "
        "Israel's Operation Grapes of Wrath, 11-27 April 1996, 16 days "
        "(https://en.wikipedia.org/wiki/Operation_Grapes_of_Wrath); the median, not fitted; "
        "Chad 2020 is a crisis a reader wrote blind, which the rule then came from "
        "(docs/backtest.md)",
        integer=True,
    ),
    Parameter(
        "offensive_share",
        0.75,
        0.0,
        1.0,
        "share",
        "Share of strikes answered with an offensive",
        "Part des frappes suivies d'une offensive",
        "chance that a state (or an outside power) struck by armed groups, with strikers left "
        "to pursue, chooses to answer with an offensive rather than by policing, decided once, "
        "the first day it could answer; the offensive then comes at its readiness, as before; "
        "at 1, every such strike is weighed for an offensive",
        "the record of the crises written blind to 7 December 2026 (the design set, not "
        "fitted: no training episode has a strike by an armed group): of the 60 in which "
        "armed groups struck a state not at war with them and left strikers to pursue (or "
        "the sources do not say), the state answered with force within the weeks its reader "
        "covered in 45 (three in four), and by policing alone in 15 (Sanloaga 2021, Kaylou "
        "2013, Arlit 2010, Fowler 2008, Aleg 2007...); what told them apart (the strikers "
        "gone abroad, hostages at risk, a state that chose policing) is not in the format, so "
        "the model draws it (docs/model.md §7.11)",
    ),
    Parameter(
        "pursuit_threshold",
        1,
        0,
        1000,
        "fighters",
        "Fewest strikers an army pursues",
        "Effectif minimal d'assaillants poursuivi",
        "fewest fighters of armed groups left in the field (those who got away, when an "
        "incident counts them, else all who struck, when it counts those) for which the "
        "victim answers the strike with force, an offensive or a retaliation, as it answers a "
        "strike no source counts; fewer leave no one to pursue, and the strike is answered by "
        "policing: at 1, a strike none of whose authors got away (a suicide bombing, a siege "
        "ended with every gunman dead or taken); at 0, every strike is weighed for force",
        "assumption, not fitted (no training episode has a strike by an armed group): an army "
        "pursues whoever got away, however few (Niger's chase after five kidnappers, January "
        "2011), and a strike that left no one, a suicide bombing or a siege ended with every "
        "gunman dead or taken, is answered by policing (the Radisson Blu, Bamako 2015; Gao "
        "2017; Ouagadougou 2018); set at an infantry platoon (20) from 6 to 7 December 2026, "
        "it failed out of sample: of the 18 crises written blind after it with a strike "
        "counted below it, the state struck policed that strike in 8, and of the ten whose "
        "strikers fled alive, it searched for them, chased them or struck the group in six "
        "(docs/model.md §7.11)",
        integer=True,
    ),
    Parameter(
        "coup_success",
        0.48,
        0.0,
        1.0,
        "share",
        "Share of coup attempts that succeed",
        "Part des tentatives de coup d'État qui réussissent",
        "chance that an attempted coup by a faction of a state's own forces succeeds, decided "
        "the day after it began (armed men from outside the army win only by force)",
        "Powell & Thyne (2011), 'Global instances of coups from 1950 to 2010: a new dataset', "
        "Journal of Peace Research 48(2) (https://doi.org/10.1177/0022343310397436): 457 "
        "attempts, a mean success rate of 48 % over the period (a success: the plotters hold "
        "power for seven days); the record's rate, not fitted (no training episode has an "
        "attempted coup)",
    ),
    Parameter(
        "force_cost_weight",
        1.0,
        0.0,
        10.0,
        "z per share",
        "Weight of the expected cost of force",
        "Poids du coût attendu de la force",
        "how much the share of its committed forces a threatener expects to lose, by the model's "
        "own square law up to a side's breaking point, weighs against attacking",
        "Fearon (1995), International Organization 49(3): war is costly, and its expected cost "
        "makes bargains short of war preferable; the size of the weight is an assumption",
    ),
    Parameter(
        "time_cost_weight",
        3.1,
        0.0,
        5.0,
        "z per year",
        "Weight of the expected length of a war",
        "Poids de la durée attendue d'une guerre",
        "how much each year of war a threatener expects, by the model's own square law up to a "
        "side's breaking point, weighs against attacking: the cost in time, and in money, since "
        "a deployment's running cost grows with its length (the fact base has no budgets)",
        "Fearon (1995), International Organization 49(3): the costs of war make a bargain "
        "preferable; Slantchev (2003), American Political Science Review 97(1): a war's costs "
        "accrue with each period it lasts; the size of the weight is an assumption"
        "; the single value is the shipped posterior's median (sim/data/POSTERIOR.md)",
    ),
    Parameter(
        "stakes_weight",
        1.0,
        0.0,
        3.0,
        "z",
        "Weight of the stakes of a neighbour's war",
        "Poids de l'enjeu d'une guerre voisine",
        "how much a threatener's readiness rises when a war is already fought on the target's "
        "soil, times the share of its strength from states bordering that soil (refugees, "
        "fighters and arms crossing: what a neighbour's war puts at stake)",
        "Kathman (2011), Journal of Conflict Resolution 55(6): states intervene in civil wars "
        "whose contagion threatens them, above all their neighbours'; the size of the weight "
        "is an assumption, not calibrated: only Liberia 1990 among the training episodes has a "
        "war on the threatened target's soil",
    ),
    Parameter(
        "junta_confidence",
        3.2,
        1.0,
        5.0,
        "ratio",
        "Confidence of military rulers in their own strength",
        "Confiance des régimes militaires dans leur propre puissance",
        "how many times a state ruled by the military counts its own strength when it weighs the "
        "use of force (in its judgement, not in combat): officers judge force more effective "
        "than civilian audiences do, and answer to no legislature or electorate for a war abroad",
        "Weeks (2012), American Political Science Review 106(2): military juntas initiate "
        "conflicts more readily than civilian regimes, autocratic or democratic, whose domestic "
        "audiences are more sceptical of force; in West Africa the coercive interventions against "
        "unwilling rulers were led by Nigeria's military governments (Liberia 1990, Sierra Leone "
        "1997, the latter ahead of a reluctant ECOWAS: Osakwe & Audu 2017, Mediterranean Journal "
        "of Social Sciences 8(4 S1)); the size is fitted to the training episodes",
    ),
    Parameter(
        "expeditionary_share",
        0.91,
        0.05,
        1.0,
        "share",
        "Share of deployable forces sent abroad at first",
        "Part des forces déployables envoyée d'abord à l'étranger",
        "share of its deployable forces a state first sends into a war fought on another "
        "state's soil (an intervention, an ally's war, carrying out a threat); the contingent "
        "then grows (reinforcement_rate)",
        "the record's first contingents against the contributors' deployable forces "
        "(seeds/history/episodes.md): ECOMOG's 3,500 of five states in Liberia in 1990 (about "
        "0.12), ECOMOG's 4,600 in Freetown in June 1997 (about 0.2), Senegal's and Guinea's "
        "2,500-3,000 in Guinea-Bissau in 1998 (about 0.6)"
        "; the single value is the shipped posterior's median (sim/data/POSTERIOR.md)",
    ),
    Parameter(
        "reinforcement_rate",
        0.002,
        0.0,
        0.05,
        "per day",
        "Daily reinforcement of a contingent abroad",
        "Renfort quotidien d'un contingent à l'étranger",
        "share of the gap between a state's contingent in a war on another state's soil and what "
        "its side is sized for (sought_superiority; at most all it could deploy) that it sends "
        "each day (the contingent grows toward it, more slowly as it nears it)",
        "the record (seeds/history/episodes.md): ECOMOG grew from 3,500 troops in Liberia in "
        "August 1990 to about 15,000 at its height (IRIN, 1997), and from 4,600 in Freetown in "
        "June 1997 to the force that took the city in February 1998; 0.002 a day closes half "
        "the gap in about a year; the size is an assumption",
    ),
    Parameter(
        "sought_superiority",
        10.0,
        3.0,
        20.0,
        "ratio",
        "Superiority a contingent abroad is sized for",
        "Supériorité visée par un contingent à l'étranger",
        "strength that the states fighting on another state's soil on one side of a war send, "
        "together, against the strength of the side they fight at the front: each sends the "
        "same share of its deployable forces, enough to reach this ratio (a first contingent "
        "never above expeditionary_share of them; reinforcement_rate grows it toward that "
        "share, never above all of them)",
        "the record in the model's terms (seeds/history/episodes.md): ECOMIG entered The Gambia "
        "in January 2017 with about 7,000 troops against Gambian forces of 1,125 (army, navy "
        "and air force, seeds/states.yaml), of which the model puts home_defence_share, 675, at "
        "the front: about 10 to 1; the low end is the rule of thumb of 3 to 1 at the point of "
        "attack (Mearsheimer 1989, International Security 13(4), "
        "https://doi.org/10.2307/2538780); the size is read from one episode, not calibrated",
    ),
    Parameter(
        "withdrawal_rate",
        0.028,
        0.0,
        0.05,
        "per day",
        "Daily chance that an intervener goes home",
        "Chance quotidienne qu'un intervenant rentre chez lui",
        "daily chance that a state fighting another's war on foreign soil (neither side's leader "
        "nor the state the war is fought in) withdraws its forces; the side fights on without "
        "them",
        "the record (seeds/history/episodes.md): Senegal and Guinea entered Guinea-Bissau's war "
        "in June 1998 and had left by March 1999 (about 270 days), after which the junta won; "
        "a mean stay is one over the rate (0.003 a day: about a year); the single value is the "
        "shipped posterior's median (sim/data/POSTERIOR.md)",
    ),
    Parameter(
        "endorsement_weight",
        0.5,
        0.0,
        3.0,
        "z",
        "Weight of international endorsement",
        "Poids de l'aval international",
        "how much each endorsement of the threatener's stance by the AU Peace and Security "
        "Council or the UN Security Council raises its readiness to attack (each opposition "
        "lowers it as much)",
        "assumption: endorsement lowers the political cost of force (UNSC Res. 2337 backing "
        "ECOWAS on The Gambia, 19 Jan 2017); the size is an assumption",
    ),
    Parameter(
        "domestic_discount",
        0.5,
        0.0,
        1.0,
        "share",
        "Discount for a domestic refusal",
        "Décote d'un refus intérieur",
        "share of its strength a threatener stops counting on from a state whose legislature or "
        "public has refused the use of force",
        "Nigeria's Senate advised against force in Niger on 5 Aug 2023 (domain brief §4); the "
        "share is an assumption",
    ),
    Parameter(
        "buck_passing_weight",
        0.5,
        0.0,
        3.0,
        "z",
        "Weight of buck-passing",
        "Poids de la défausse sur un tiers",
        "how much a threatener's readiness to attack falls while an outside party uses force on "
        "its own against the target (a third_party_force event): it can let others bear the "
        "cost; not calibrated, since no training episode has such an event",
        "Christensen & Snyder (1990), International Organization 44(2): a state that can pass "
        "the buck holds back (France and UNOCI struck Gbagbo's forces from 4 Apr 2011 while "
        "ECOWAS, which had threatened force on 24 Dec 2010, never used it); the size, that of "
        "one endorsement, is an assumption",
    ),
    Parameter(
        "concession_rate",
        0.92,
        0.0,
        1.0,
        "per day",
        "Daily chance that a threatened target concedes",
        "Chance quotidienne que la cible cède",
        "chance per day, from the threat's deadline on, that its target concedes (a junta "
        "accepts a transition timetable, a ruler steps down) when force against it is certain "
        "and its resolve average; scaled by how credible the threat is and by its resolve",
        "assumption, calibrated: Togo's successor stepped down (2005) and juntas accepted "
        "timetables (Guinea-Bissau 2012, Mali 2020) under sanctions and threats; none before "
        "the deadline (Guinea-Bissau 2012, The Gambia 2017, Niger 2023)"
        "; the single value is the shipped posterior's median (sim/data/POSTERIOR.md)",
    ),
    Parameter(
        "handover_concession_factor",
        0.09,
        0.0,
        1.0,
        "factor",
        "Concession factor of leaders who fear for their fate",
        "Facteur de concession de dirigeants qui craignent pour leur sort",
        "the daily chance that an incumbent who will not hand over after losing an election gives "
        "in, as a share of a junta's: what he concedes is his office, now, not a transition "
        "timetable he may steer; and the daily chance that either side of a civil war "
        "capitulates, as a share of the rule's: a government fighting a rebel army or faction "
        "of its own (its capitulation is its overthrow), and rebels able to draw the war out "
        "(they would lay down their arms at the government's mercy)",
        "Goemans (2008), Journal of Conflict Resolution 52(6): leaders who lose office "
        "irregularly are often exiled, jailed or killed; Debs & Goemans (2010), American "
        "Political Science Review 104(3): leaders who fear that fate make fewer concessions; "
        "Walter (1997), International Organization 51(3): rebels who disarm are at the other "
        "side's mercy. Jammeh let ECOWAS's deadline pass (Jan 2017); Doe, besieged in Monrovia "
        "from July 1990, did not give up, nor the RUF from 1991; the size is calibrated"
        "; the single value is the shipped posterior's median (sim/data/POSTERIOR.md)",
    ),
    Parameter(
        "decision_window",
        30,
        1,
        365,
        "days",
        "Days a threat stays open",
        "Durée d'une menace",
        "days after its deadline during which a threatener may still attack before standing down",
        "assumption; ECOWAS kept its threat open for weeks in August-September 2023",
        integer=True,
    ),
    Parameter(
        "intervention_notice_days",
        14,
        0,
        365,
        "days",
        "Notice before an intervention",
        "Préavis avant une intervention",
        "days between an organisation's decision to intervene under a clause and the first day "
        "its threat may be carried out",
        "the ECOWAS Standby Force's target of deploying its task force within 14 days "
        "(seeds/pacts.yaml, ECOWAS 1999 Mechanism; domain brief §3.5)",
        integer=True,
    ),
    Parameter(
        "home_defence_share",
        0.6,
        0.1,
        1.0,
        "share",
        "Share of forces defending home",
        "Part des forces défendant le territoire",
        "share of its forces a state commits against an invasion of its own territory",
        "assumption",
    ),
    Parameter(
        "capitulation_rate",
        0.5,
        0.0,
        5.0,
        "per day",
        "Capitulation rate",
        "Taux de capitulation",
        "scale of the daily chance that a side with little resolve, poor odds and mounting losses "
        "gives up",
        "assumption, set so that an isolated incumbent yields within days (The Gambia, 2017)",
    ),
    Parameter(
        "baseline_weariness",
        0.0,
        0.0,
        0.5,
        "ratio",
        "War weariness before any loss",
        "Lassitude de la guerre avant toute perte",
        "war weariness a side carries before it has lost anyone, added to its losses over its "
        "tolerance in the capitulation hazard; above 0, a weak and irresolute side may give up "
        "before it bleeds",
        "0 by default: a target that gives in before a fight concedes under the threat (phase 2, "
        "as Jammeh's Gambia did in 2017), and a weariness carried from the first day gives a war "
        "the same chance to end on its second day as on its hundredth (docs/backtest.md)",
    ),
    Parameter(
        "kill_rate",
        0.004,
        0.0001,
        0.1,
        "per day",
        "Daily kill rate",
        "Taux de pertes quotidien",
        "Lanchester square-law attrition coefficient: casualties inflicted per day per effective "
        "soldier engaged",
        "Lanchester square law (domain brief §9.6); scaled so that a front of a few thousand "
        "loses tens of soldiers a day",
    ),
    Parameter(
        "irregular_intensity",
        0.2,
        0.01,
        1.0,
        "share",
        "Intensity of a civil war",
        "Intensité d'une guerre civile",
        "share of the daily kill rate at which a war is fought when a rebel army or a faction "
        "is a party to it (dispersed, intermittent fighting rather than set-piece battles); a "
        "band that rose in the capital, with no backer and no faction's bases, is fought at the "
        "full rate",
        "assumption, calibrated: the civil wars of the catalogue lasted months (Liberia "
        "1990, Guinea-Bissau 1998-99: seeds/history/episodes.md) where conventional clashes "
        "were decided in days"
        "; the single value is the shipped posterior's median (sim/data/POSTERIOR.md)",
    ),
    Parameter(
        "combat_noise",
        0.15,
        0.0,
        0.5,
        "sd",
        "Daily combat noise",
        "Bruit de combat quotidien",
        "standard deviation of the daily lognormal noise on each side's effectiveness",
        "assumption",
    ),
    Parameter(
        "support_multiplier",
        1.25,
        1.0,
        3.0,
        "factor",
        "Effect of outside support",
        "Effet du soutien extérieur",
        "effectiveness multiplier a side gains from the support of a helper at least as strong "
        "as the side at the front (without the aid it already has); a smaller helper gives a "
        "share of it in proportion to its size",
        "assumption",
    ),
    Parameter(
        "rebellion_assistance_share",
        0.1,
        0.0,
        1.0,
        "share",
        "Forces sent against a partner's rebellion",
        "Forces envoyées contre la rébellion d'un partenaire",
        "share of its deployable forces an actor that honours armed assistance against an armed "
        "rebellion lends to the victim's counter-insurgency (an outside power present in the "
        "victim lends twice this share of its forces there, at most all of them)",
        "AFISMA, Mali 2013 (AFP via GlobalPost, 29 Jun 2013: "
        "http://www.globalpost.com/dispatch/news/afp/130629/african-troops-passing-baton-un-peacekeepers): "
        "contingents of 125 to 900 troops (Nigeria 900, Senegal 800, Togo 730, Niger 675, Benin "
        "650), between about 5 % and 25 % of each contributor's deployable forces; a tenth is the "
        "order of magnitude",
    ),
    Parameter(
        "support_lending_share",
        0.02,
        0.0,
        0.5,
        "share",
        "Forces lent as support",
        "Forces prêtées au titre du soutien",
        "share of its deployable forces an actor lends to the victim's counter-insurgency when it "
        "gives support outside a war (an outside power present in the victim lends twice this "
        "share of its forces there)",
        "assumption: support is advisers and combat support short of entering a war "
        "(seeds/README.md), a fifth of what armed assistance against a rebellion sends",
    ),
    Parameter(
        "non_military_lending_share",
        0.004,
        0.0,
        0.1,
        "share",
        "Forces lent as non-military help",
        "Forces prêtées au titre de l'aide non militaire",
        "share of its deployable forces an actor lends to the victim's counter-insurgency when it "
        "gives non-military help outside a war, including a partial answer to a clause (an outside "
        "power present in the victim lends twice this share of its forces there)",
        "assumption: diplomatic, logistic or financial help (seeds/README.md) is represented by a "
        "token force contribution, a fifth of support's",
    ),
    Parameter(
        "breaking_point",
        0.59,
        0.05,
        0.9,
        "share",
        "Breaking point",
        "Point de rupture",
        "share of its committed forces a side can lose before it breaks and sues for peace",
        "assumption in the Lanchester tradition of a breakpoint well before annihilation"
        "; the single value is the shipped posterior's median (sim/data/POSTERIOR.md)",
    ),
    Parameter(
        "mediation_rate",
        0.34,
        0.0,
        0.5,
        "per day",
        "Daily chance of mediation",
        "Probabilité quotidienne de médiation",
        "daily chance that a neutral actor brokers a ceasefire in a war that is fully ripe; it is "
        "scaled by the war's ripeness, the weariness of the less weary side (at most 1), so a "
        "war no side has yet bled for is not mediated",
        "assumption; ripeness after Zartman 2000 (doi:10.17226/9897); ECOWAS named mediators in "
        "2024 (seeds/organisations.yaml)"
        "; the single value is the shipped posterior's median (sim/data/POSTERIOR.md)",
    ),
    Parameter(
        "truce_breakdown_rate",
        0.004,
        0.0,
        0.05,
        "per day",
        "Daily chance a truce breaks down",
        "Probabilité quotidienne de rupture d'une trêve",
        "daily chance that a mediated ceasefire breaks down and the same war is fought again, "
        "at even odds; up to twice it when the balance of forces favours one side",
        "the record (seeds/history/episodes.md): four truces broke down after about 75, 105, "
        "186 and 687 days (Guinea-Bissau July and November 1998, Sierra Leone October 1997, "
        "Liberia November 1990), four breakdowns in 1,053 days of truce, 0.004 a day",
    ),
    Parameter(
        "insurgent_growth",
        0.006,
        0.0,
        0.05,
        "per day",
        "Insurgent growth rate",
        "Croissance des groupes armés",
        "logistic growth rate of armed groups left unchecked",
        "assumption, calibrated on the rise in Sahel fatalities 2019-2023 (seeds/armed_groups.yaml)",
    ),
    Parameter(
        "counterinsurgency_effect",
        0.004,
        0.0,
        0.05,
        "per day",
        "Counter-insurgency effect",
        "Effet de la contre-insurrection",
        "daily suppression of armed groups at full counter-insurgency effort",
        "assumption; with the growth rate it places the pre-war level at equilibrium and the carrying capacity at three times it",
    ),
    Parameter(
        "insurgency_noise",
        0.25,
        0.0,
        1.0,
        "ratio",
        "Daily insurgency noise",
        "Bruit quotidien de l'insurrection",
        "standard deviation of the daily random shock on each armed group's growth rate in each "
        "country, as a multiple of the insurgent growth rate",
        "assumption: a quarter of the growth rate, so that replicates differ while the trend "
        "holds; the fact base has yearly fatality counts only, which do not fix it",
    ),
    Parameter(
        "rebellion_threshold",
        1.5,
        1.0,
        5.0,
        "ratio",
        "Rebellion threshold",
        "Seuil de rébellion",
        "insurgent strength, relative to its starting value, at which an armed rebellion is declared "
        "(an Art. 5 trigger)",
        "assumption",
    ),
)

ACTOR_PARAMETERS: dict[str, Parameter] = _declare(
    Parameter(
        "forces",
        0,
        0,
        2_000_000,
        "personnel",
        "Active forces",
        "Forces actives",
        "active military personnel (default: the fact base's figure)",
        "seeds/states.yaml, seeds/powers.yaml, seeds/armed_groups.yaml",
        integer=True,
    ),
    Parameter(
        "deployable_share",
        0.25,
        0.0,
        1.0,
        "share",
        "Share deployable abroad",
        "Part déployable à l'extérieur",
        "share of active forces that can be sent to a front beyond home defence",
        "assumption",
    ),
    Parameter(
        "effectiveness",
        1.0,
        0.1,
        5.0,
        "factor",
        "Combat effectiveness",
        "Efficacité au combat",
        "per-soldier combat effectiveness relative to an average regional army",
        "assumption",
    ),
    Parameter(
        "resolve",
        0.5,
        0.0,
        1.0,
        "0-1",
        "Resolve",
        "Détermination",
        "willingness to bear costs for commitments and threats",
        "assumption",
    ),
    Parameter(
        "casualty_tolerance",
        0.5,
        0.0,
        1.0,
        "0-1",
        "Casualty tolerance",
        "Tolérance aux pertes",
        "how long war weariness takes to push the actor to seek peace",
        "assumption",
    ),
)


RETIRED: dict[str, Text] = {
    "border_toll": Text(
        "retired on 7 December 2026: raiders from abroad who left anyone to pursue "
        "are now fought on the state's own soil whatever their toll (docs/model.md §7.11); "
        "remove it"
    ),
}
"""Parameters the model no longer has, and what a scenario that sets one should know."""


def retired(name: str) -> str:
    """What a user who names a retired parameter should know ("" for any other name)."""
    name = name.removeprefix("parameters.")
    return (
        Text("parameter {name!r} was {note}", name=name, note=RETIRED[name])
        if name in RETIRED
        else ""
    )


def _field(p: Parameter):
    kind = StrictInt if p.integer else StrictFloat
    return (kind, Field(p.default, ge=p.low, le=p.high, title=p.label, description=p.describe()))


Parameters = create_model(
    "Parameters",
    __config__=ConfigDict(extra="forbid", frozen=True),
    __doc__="Model parameters; any left out take their declared default.",
    **{p.name: _field(p) for p in PARAMETERS.values()},
)
