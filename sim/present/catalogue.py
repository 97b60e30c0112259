"""The narrative's message catalogue: every word a reader sees, in English and French.

``MESSAGES`` maps a message id to its English and French templates (``str.format``
placeholders). English narrates in the simple past; French in the *présent de narration*,
as French accounts of events usually do.

Placeholders named after a role (``actor``, ``target``, ``victim``...) come in forms built by
:func:`sim.present.i18n.phrase_forms`: ``{actor}`` ("le Mali", "the United States"),
``{Actor}`` (capitalised, to open a sentence), ``{actor_de}`` ("du Mali"), ``{actor_a}``
("au Mali"), ``{actor_en}`` ("au Mali", "en Algérie": a place), ``{actor_poss}`` ("Mali's")
and ``{actor_nt}`` ("" or "nt": the ending of a French -er verb whose subject is plural, as
"les États-Unis"). French templates avoid participles and possessives that would have to
agree with a country's gender or number, so one template fits every actor.

The tables after ``MESSAGES`` give the articles of actors and pacts (French countries take
one; unknown ids take none, which always reads grammatically), short names for organisations
and armed groups whose full names are too long to narrate, and month names.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ building blocks
    "list.and": {"en": " and ", "fr": " et "},
    # Counted nouns: i18n.counted writes "{n}" and picks ".one" or ".other" by one rule
    # (sim.numbers.takes_singular: English 1 alone, French below 2).
    "days.one": {"en": "{n} day", "fr": "{n} jour"},
    "days.other": {"en": "{n} days", "fr": "{n} jours"},
    "troops.one": {"en": "{n} soldier", "fr": "{n} militaire"},
    "troops.other": {"en": "{n} troops", "fr": "{n} militaires"},
    "fighters.one": {"en": "{n} fighter", "fr": "{n} combattant"},
    "fighters.other": {"en": "{n} fighters", "fr": "{n} combattants"},
    "members.one": {"en": "{n} member", "fr": "{n} membre"},
    "members.other": {"en": "{n} members", "fr": "{n} membres"},
    # A verb agreeing with a count ("1 membre sur 5 penchait pour").
    "leaned.one": {"en": "leaned in favour", "fr": "penchait pour"},
    "leaned.other": {"en": "leaned in favour", "fr": "penchaient pour"},
    "note": {
        "en": "Scenario note: {note}",
        "fr": "Note du scénario (en anglais) : « {note} »",
    },
    # A note the scenario gives in French too (an event's note_fr); English never reaches it.
    "note_fr": {"en": "Scenario note: {note}", "fr": "Note du scénario : « {note} »"},
    "contingent": {"en": "{name} ({forces})", "fr": "{name} ({forces})"},
    # The obligation an action stands for, after "its obligation of" / "l'obligation".
    "asked.consult": {"en": "consultation", "fr": "de consultation"},
    "asked.sanctions": {"en": "sanctions", "fr": "de sanctions"},
    "asked.non_military": {"en": "non-military help", "fr": "d'aide non militaire"},
    "asked.support": {"en": "combat support", "fr": "d'appui militaire"},
    "asked.armed_assistance": {"en": "armed assistance", "fr": "d'assistance armée"},
    "asked.intervene": {"en": "intervention by force", "fr": "d'intervention armée"},
    # What an obligation asks, after "was obliged" / "il incombe au Mali".
    "duty.consult": {"en": "to consult the other parties", "fr": "de consulter les autres parties"},
    "duty.sanctions": {"en": "to impose sanctions on {to}", "fr": "de sanctionner {to}"},
    "duty.non_military": {
        "en": "to give non-military help to {to}",
        "fr": "d'apporter une aide non militaire {to_a}",
    },
    "duty.support": {
        "en": "to give combat support to {to}, short of entering the war",
        "fr": "d'apporter un appui militaire {to_a}, sans entrer en guerre",
    },
    "duty.armed_assistance": {
        "en": "to give armed assistance to {to}",
        "fr": "de prêter assistance armée {to_a}",
    },
    "duty.intervene": {
        "en": "to intervene by force against {to}",
        "fr": "d'intervenir par la force contre {to}",
    },
    # How the obligation is decided.
    "decision.automatic": {"en": " (an automatic measure)", "fr": " (mesure automatique)"},
    "decision.obliged_state": {
        "en": " ({actor_poss} own decision)",
        "fr": " (décision propre {actor_de})",
    },
    "decision.unanimity": {
        "en": " (by unanimous decision of {actor})",
        "fr": " (décision à l'unanimité {actor_de})",
    },
    "decision.majority": {
        "en": " (by majority decision of {actor})",
        "fr": " (décision à la majorité {actor_de})",
    },
    "decision.two_thirds": {
        "en": " (by a two-thirds majority of {actor})",
        "fr": " (décision à la majorité des deux tiers {actor_de})",
    },
    "decision.consensus": {
        "en": " (by consensus of {actor})",
        "fr": " (décision par consensus {actor_de})",
    },
    "decision.victim_request": {
        "en": " (only at {victim_poss} written request)",
        "fr": " (seulement sur demande écrite {victim_de})",
    },
    "decision.other": {"en": "", "fr": ""},
    "rule.unanimity": {"en": "unanimity", "fr": "unanimité"},
    "rule.majority": {"en": "a majority", "fr": "majorité simple"},
    "rule.two_thirds": {"en": "a two-thirds majority", "fr": "majorité des deux tiers"},
    "rule.consensus": {"en": "consensus", "fr": "consensus"},
    "rule.other": {"en": "{rule}", "fr": "{rule}"},
    # What brought a clause into play.
    "trigger.aggression": {
        "en": "The aggression against {victim}",
        "fr": "L'agression contre {victim}",
    },
    "trigger.aggression.by": {
        "en": "The aggression by {offenders} against {victim}",
        "fr": "L'agression {offenders_de} contre {victim}",
    },
    "trigger.attack_on_forces_abroad": {
        "en": "The attack on {victim_poss} forces abroad",
        "fr": "L'attaque contre les forces {victim_de} engagées à l'étranger",
    },
    "trigger.attack_on_forces_abroad.by": {
        "en": "The attack by {offenders} on {victim_poss} forces abroad",
        "fr": "L'attaque {offenders_de} contre les forces {victim_de} engagées à l'étranger",
    },
    "trigger.armed_rebellion": {
        "en": "The armed rebellion in {victim}",
        "fr": "La rébellion armée {victim_en}",
    },
    "trigger.armed_rebellion.by": {
        "en": "The armed rebellion of {offenders} in {victim}",
        "fr": "La rébellion armée {offenders_de} {victim_en}",
    },
    "trigger.raid": {
        "en": "The attack from abroad by {offenders} on {victim_poss} soil",
        "fr": "L'attaque menée depuis l'étranger par {offenders} sur le sol {victim_de}",
    },
    "trigger.unconstitutional_change": {
        "en": "The unconstitutional change of government in {victim}",
        "fr": "Le changement anticonstitutionnel de gouvernement {victim_en}",
    },
    "trigger.unconstitutional_change.by": {
        "en": "The unconstitutional change of government by {offenders} in {victim}",
        "fr": "Le changement anticonstitutionnel de gouvernement opéré par {offenders} {victim_en}",
    },
    "trigger.aggression_between_members": {
        "en": "The use of force against {victim} by a fellow member",
        "fr": "Le recours à la force contre {victim} par un autre membre",
    },
    "trigger.aggression_between_members.by": {
        "en": "The use of force by {offenders} against {victim}, a fellow member,",
        "fr": "Le recours à la force {offenders_de} contre {victim}, membre du même pacte,",
    },
    "trigger.other": {
        "en": "An event concerning {victim}",
        "fr": "Un événement concernant {victim}",
    },
    # ------------------------------------------------------------------ the opening
    "opening": {
        "en": "Start of the run “{title}”: {days} from {start} to {end}, seed {seed}.",
        "fr": "Début de la simulation « {title} » : {days} du {start} au {end}, graine {seed}.",
    },
    # A scenario with no French title: its English one, said to be English, as a note is.
    "opening.english_title": {
        "en": "Start of the run “{title}”: {days} from {start} to {end}, seed {seed}.",
        "fr": "Début de la simulation « {title} » (titre en anglais) : {days} du {start} au "
        "{end}, graine {seed}.",
    },
    # ------------------------------------------------------------------ records
    "coup": {
        "en": "Unconstitutional change of government in {actor}.",
        "fr": "Changement anticonstitutionnel de gouvernement {actor_en}.",
    },
    "coup.retention": {
        "en": "Unconstitutional change of government in {actor}: the incumbent refused to hand "
        "over power after losing the election.",
        "fr": "Changement anticonstitutionnel de gouvernement {actor_en} : le sortant refuse de "
        "céder le pouvoir après avoir perdu l'élection.",
    },
    "coup.by": {
        "en": "Unconstitutional change of government in {actor}: {by} seized power.",
        "fr": "Changement anticonstitutionnel de gouvernement {actor_en} : {by} "
        "s'empare{by_nt} du pouvoir.",
    },
    "threat": {
        "en": "{Actor} threatened {target} with force, with troops from {attackers}; "
        "deadline {deadline}.",
        "fr": "{Actor} menace{actor_nt} {target} d'une intervention armée, avec des troupes "
        "{attackers_de} ; échéance fixée au {deadline}.",
    },
    "threat.alone": {
        "en": "{Actor} threatened {target} with force; deadline {deadline}.",
        "fr": "{Actor} menace{actor_nt} {target} d'une intervention armée ; "
        "échéance fixée au {deadline}.",
    },
    "threat.pledged": {
        "en": "{Actor} threatened {target} with force, naming no contributors: {attackers} "
        "pledged troops, {declined} did not; deadline {deadline}.",
        "fr": "{Actor} menace{actor_nt} {target} d'une intervention armée sans désigner de "
        "contributeurs : {attackers} s'engage{attackers_nt} à fournir des troupes, {declined} "
        "non ; échéance fixée au {deadline}.",
    },
    "threat.clause": {
        "en": "Acting under {clause}, {actor} gave {target} notice of an armed intervention by "
        "{attackers}; deadline {deadline}.",
        "fr": "Au titre {clause_de}, {actor} adresse{actor_nt} {target_a} un préavis "
        "d'intervention armée des forces {attackers_de} ; échéance fixée au {deadline}.",
    },
    "attack_decided": {
        "en": "{Actor} decided to attack {target}.",
        "fr": "{Actor} décide{actor_nt} d'attaquer {target}.",
    },
    "attack_decided.retaliation": {
        "en": "{Actor} decided to retaliate against {target}.",
        "fr": "{Actor} décide{actor_nt} de riposter contre {target}.",
    },
    "attack_decided.balance": {
        "en": "Strength of {side}: {own} (all the forces that could be committed, weighted "
        "by effectiveness; resolve {resolve}). Expected opposition: {opposition}, that is {target_poss} home "
        "defence ({home}){help}. Balance of forces {balance} (strength scaled by resolve, over "
        "the expected opposition), against the superiority of {required} sought.",
        "fr": "Force {side} : {own} (toutes les forces qui pourraient être engagées, "
        "pondérées par l'efficacité ; détermination {resolve}). Opposition attendue : {opposition}, soit la défense "
        "territoriale {target_de} ({home}){help}. Rapport de forces {balance} (force pondérée "
        "par la détermination, rapportée à l'opposition attendue), pour une supériorité "
        "recherchée de {required}.",
    },
    "attack_decided.balance.offensive": {
        "en": "Strength of {side}: {own} (all the forces that could be committed, weighted "
        "by effectiveness; resolve {resolve}). Expected opposition: {opposition}, that is {target_poss} "
        "fighters in the state struck ({home}){help}. Balance of forces {balance} (strength scaled "
        "by resolve, over the expected opposition), against the superiority of {required} sought.",
        "fr": "Force {side} : {own} (toutes les forces qui pourraient être engagées, "
        "pondérées par l'efficacité ; détermination {resolve}). Opposition attendue : {opposition}, soit les "
        "combattants {target_de} dans l'État frappé ({home}){help}. Rapport de forces "
        "{balance} (force pondérée par la détermination, rapportée à l'opposition attendue), "
        "pour une supériorité recherchée de {required}.",
    },
    "balance.attackers": {"en": "the attackers", "fr": "des attaquants"},
    "balance.avengers": {"en": "the side that would strike back", "fr": "du camp qui riposterait"},
    "attack_decided.help": {
        "en": " plus the expected help of {allies}",
        "fr": ", plus l'aide attendue {allies_de}",
    },
    "attack_decided.no_help": {
        "en": ", with no help expected for it",
        "fr": ", sans aide attendue",
    },
    "attack_decided.chance": {
        "en": "Readiness to use force {readiness}, so a chance of {daily} of attacking that day; "
        "draw {draw}.",
        "fr": "Disposition à employer la force {readiness}, soit une probabilité de {daily} "
        "d'attaquer ce jour-là ; tirage {draw}.",
    },
    "attack_decided.deadline": {
        "en": "The deadline had come: it decided whether to do as it had said, with a chance equal "
        "to its readiness, {readiness}; draw {draw}.",
        "fr": "L'échéance est arrivée : faire ou non ce qui avait été annoncé se décide avec une "
        "probabilité égale à sa disposition, {readiness} ; tirage {draw}.",
    },
    "attack_decided.first_day": {
        "en": "It was the first day it could answer the incident: it decided whether to, with a "
        "chance of {daily} (readiness {readiness}); draw {draw}.",
        "fr": "Premier jour possible pour répondre à l'incident : la riposte se décide avec une "
        "probabilité de {daily} (disposition {readiness}) ; tirage {draw}.",
    },
    "escalation": {
        "en": " That chance carries a factor of {share}, the share of incidents answered with "
        "war: most clashes short of war never become one.",
        "fr": " Cette probabilité est multipliée par {share}, la part des incidents suivis d'une "
        "guerre : la plupart des accrochages n'en deviennent jamais une.",
    },
    "attack_decided.cost": {
        "en": " Expected losses: {lost} of the forces committed, {outcome}.",
        "fr": " Pertes attendues : {lost} des forces engagées, {outcome}.",
    },
    "attack_decided.days": {
        "en": " Expected length of the war: about {days}.",
        "fr": " Durée attendue de la guerre : environ {days}.",
    },
    "attack_decided.offensive_days": {
        "en": " It would be a limited offensive against the armed group that struck: {days} of "
        "fighting at most, unless a side breaks sooner.",
        "fr": " Ce serait une offensive limitée contre le groupe armé auteur de la frappe : "
        "{days} de combats au plus, sauf si un camp cède avant.",
    },
    "offensive": {
        "en": " The strike came from an armed group, and the answer weighed is an offensive "
        "on {soil_poss} soil, not a war between states: no share of incidents answered with "
        "war applies.",
        "fr": " La frappe vient d'un groupe armé, et la réponse envisagée est une offensive sur "
        "le sol {soil_de}, non une guerre entre États : aucune part des incidents suivis d'une "
        "guerre ne s'applique.",
    },
    "attack_decided.stakes": {
        "en": " A war was already being fought on the target's soil, and {share} of the force "
        "came from its neighbours: what was at stake for them weighed for force.",
        "fr": " Une guerre se livrait déjà sur le sol de la cible, et {share} de la force venait "
        "de ses voisins : ce qui était en jeu pour eux pesait en faveur de la force.",
    },
    "attack_decided.beside": {
        "en": " The attackers would fight beside those already fighting the target ({allies}), "
        "whose strength counts in the balance.",
        "fr": " Les attaquants combattraient aux côtés de ceux qui combattaient déjà la cible "
        "({allies}), dont la force compte dans le rapport de forces.",
    },
    "attack_decided.partners": {
        "en": " {Target} could not give in alone: those sworn to fight beside it ({partners}) "
        "would have had to agree.",
        "fr": " {Target} ne pouvait céder sans l'accord de ceux qui s'étaient engagés à combattre "
        "à ses côtés ({partners}).",
    },
    "attack_decided.wins": {"en": "expecting to win", "fr": "avec la victoire en vue"},
    "attack_decided.loses": {"en": "expecting to lose", "fr": "avec la défaite en vue"},
    "attack_decided.endorsed.other": {
        "en": " Its stance was backed by {count} outside bodies on balance.",
        "fr": " Sa position était soutenue, tout compte fait, par {count} instances extérieures.",
    },
    "attack_decided.opposed.other": {
        "en": " Its stance was opposed by {count} outside bodies on balance.",
        "fr": " Sa position était désavouée, tout compte fait, par {count} instances extérieures.",
    },
    "attack_decided.endorsed.one": {
        "en": " Its stance was backed by one outside body on balance.",
        "fr": " Sa position était soutenue, tout compte fait, par une instance extérieure.",
    },
    "attack_decided.opposed.one": {
        "en": " Its stance was opposed by one outside body on balance.",
        "fr": " Sa position était désavouée, tout compte fait, par une instance extérieure.",
    },
    "attack_decided.refused": {
        "en": " Force had been refused at home in {states}, whose strength counted for less.",
        "fr": " La force avait été refusée dans le pays même par {states}, dont la puissance "
        "comptait moins.",
    },
    "attack_decided.third_parties": {
        "en": " Others were already using force against the target on their own ({parties}): it "
        "could let them bear the cost.",
        "fr": " D'autres employaient déjà la force contre la cible de façon autonome ({parties}) "
        "et pouvaient en supporter le coût à sa place.",
    },
    "attack_decided.military": {
        "en": " In that balance, {share} of the strength on that side came from states ruled by "
        "the military, which count their own strength {factor} times: no legislature or "
        "electorate holds them back.",
        "fr": " Dans ce rapport, {share} de la force de ce camp venait d'États dirigés par des "
        "militaires, qui estiment leur propre force à {factor} fois sa valeur : aucun parlement ni "
        "aucun électorat ne les retient.",
    },
    "conceded": {
        "en": "{Actor} gave in to {target_poss} demands (chance that day {probability}; draw "
        "{draw}).",
        "fr": "{Actor} cède{actor_nt} aux exigences {target_de} (probabilité ce jour-là "
        "{probability} ; tirage {draw}).",
    },
    "conceded.transition": {
        "en": " Its military rulers accepted a transition.",
        "fr": " Ses dirigeants militaires acceptent une transition.",
    },
    "stance.endorse": {
        "en": "{Actor} backed {by_poss} stance toward {target}.",
        "fr": "{Actor} apporte{actor_nt} son soutien à la position {by_de} envers {target}.",
    },
    "stance.oppose": {
        "en": "{Actor} opposed the use of force by {by} against {target}.",
        "fr": "{Actor} s'oppose{actor_nt} à l'emploi de la force par {by} contre {target}.",
    },
    "refusal": {
        "en": "In {actor}, the legislature or the public refused the use of force against "
        "{target}.",
        "fr": "Le parlement ou l'opinion {actor_de} refuse l'emploi de la force contre {target}.",
    },
    "third_party_force": {
        "en": "{Actor} used force against {target} on its own.",
        "fr": "{Actor} emploie{actor_nt} la force contre {target} de façon autonome.",
    },
    "third_party_force.mandate": {
        "en": "Forces mandated by {actor} used force against {target} on their own.",
        "fr": "Des forces mandatées par {actor} emploient la force contre {target} de façon "
        "autonome.",
    },
    "third_party_force.until": {
        "en": " The action was to last until {until}.",
        "fr": " L'action devait durer jusqu'au {until}.",
    },
    "request": {
        "en": "{Actor} asked {asked} for {help} against {against}.",
        "fr": "{Actor} demande{actor_nt} {help} {asked_a} contre {against}.",
    },
    "request.nothing": {
        "en": "{Actor} asked {asked} for {help}, but no war and no armed group threatened it: "
        "there was nothing to help against.",
        "fr": "{Actor} demande{actor_nt} {help} {asked_a}, mais aucune guerre ni aucun groupe "
        "armé ne menace {actor} : la demande reste sans objet.",
    },
    "request.not_fighting": {
        "en": "{Actor} asked {asked} for {help} against {named}, but {named} was not fighting "
        "it that day: there was nothing to help against.",
        "fr": "{Actor} demande{actor_nt} {help} {asked_a} contre {named}, mais aucun combat "
        "n'oppose {actor} {named_a} ce jour-là : la demande reste sans objet.",
    },
    "request.attacker": {
        "en": "{Actor} asked {asked} for {help}, but it was the attacking side of its war: the "
        "model answers the requests of states that defend themselves.",
        "fr": "{Actor} demande{actor_nt} {help} {asked_a}, mais c'est {actor} qui attaque"
        "{actor_nt} dans sa guerre : le modèle ne répond qu'aux demandes d'États qui se "
        "défendent.",
    },
    "request.other_side": {
        "en": " Nothing was asked of {others}, on the other side.",
        "fr": " Rien n'est demandé {others_a}, qui se trouve{others_nt} dans l'autre camp.",
    },
    "request.citation": {
        "en": "{requester_poss} request of {date}",
        "fr": "la demande {requester_de} du {date}",
    },
    "response.honoured.request": {
        "en": "{Actor} granted {victim_poss} request for {asked}.",
        "fr": "{Actor} accède{actor_nt} à la demande {asked} {victim_de}.",
    },
    "response.partial.request": {
        "en": "{Actor} gave {victim} only non-military help, short of the {asked} it asked for.",
        "fr": "{Actor} n'apporte{actor_nt} qu'une aide non militaire {victim_a}, en deçà de la "
        "demande {asked}.",
    },
    "response.abstained.request": {
        "en": "{Actor} declined {victim_poss} request for {asked}.",
        "fr": "{Actor} décline{actor_nt} la demande {asked} {victim_de}.",
    },
    "response.draw.request": {
        "en": "Probability of granting it {probability}; draw {draw}, {verdict}. Nothing was owed: "
        "no treaty obliged it to help.",
        "fr": "Probabilité d'y accéder {probability} ; tirage {draw}, {verdict}. Rien n'était dû : "
        "aucun traité n'obligeait à aider.",
    },
    "response.base.request": {
        "en": "It started from {base}, the share of requests of this kind granted in the record "
        "of 1960-2012.",
        "fr": "Point de départ : {base}, la part des demandes de ce type accordées de 1960 à 2012.",
    },
    "response.base.request.set": {
        "en": "It started from {base}, the base rate set for this run (the record of 1960-2012 "
        "gives {record}).",
        "fr": "Point de départ : {base}, le taux de base fixé pour cette exécution (le bilan de "
        "1960 à 2012 donne {record}).",
    },
    "played.honoured.request": {
        "en": "{Owner} player granted {victim_poss} request for {asked}.",
        "fr": "Le joueur {owner_de} accède à la demande {asked} {victim_de}.",
    },
    "played.partial.request": {
        "en": "{Owner} player gave {victim} only non-military help, short of the {asked} it "
        "asked for.",
        "fr": "Le joueur {owner_de} n'apporte qu'une aide non militaire {victim_a}, en deçà de la "
        "demande {asked}.",
    },
    "played.abstained.request": {
        "en": "{Owner} player declined {victim_poss} request for {asked}.",
        "fr": "Le joueur {owner_de} décline la demande {asked} {victim_de}.",
    },
    "played.rule.request": {
        "en": "The model's own rule gave a probability of granting it of {probability}.",
        "fr": "Selon la règle du modèle, la probabilité d'y accéder était de {probability}.",
    },
    "stood_down": {
        "en": "{Actor} stood down: the window to carry out its threat against {target} closed "
        "without an attack.",
        "fr": "{Actor} renonce{actor_nt} : la fenêtre pour mettre à exécution la menace contre "
        "{target} se referme sans attaque.",
    },
    "deadline_passed": {
        "en": "The deadline {actor} had set for {target} came and passed without an attack.",
        "fr": "L'échéance fixée par {actor} {target_a} arrive et passe sans attaque.",
    },
    "deadline_passed.retaliation": {
        "en": "{Actor} did not retaliate against {target} on the first day it could.",
        "fr": "{Actor} ne riposte pas contre {target} le premier jour possible.",
    },
    "deadline_passed.chance": {
        "en": "That day, the chance of an attack was its readiness to use force, {readiness}; "
        "draw {draw}. An attack remains possible, at a chance of {daily} a day, until {closes}.",
        "fr": "Ce jour-là, la probabilité d'une attaque était sa disposition à employer la force, "
        "{readiness} ; tirage {draw}. Une attaque reste possible, avec une probabilité de {daily} "
        "par jour, jusqu'au {closes}.",
    },
    "deadline_passed.chance.escalation": {
        "en": "That day, the chance of a war was its readiness to use force, {readiness}, times "
        "{share}, the share of incidents answered with war: {chance}; draw {draw}. A war "
        "remains possible, at a chance of {daily} a day, until {closes}.",
        "fr": "Ce jour-là, la probabilité d'une guerre était sa disposition à employer la force, "
        "{readiness}, multipliée par {share}, la part des incidents suivis d'une guerre : "
        "{chance} ; tirage {draw}. Une guerre reste possible, avec une probabilité de {daily} "
        "par jour, jusqu'au {closes}.",
    },
    "deadline_passed.chance.nil.escalation": {
        "en": "That day, the chance of a war was its readiness to use force, {readiness}, times "
        "{share}, the share of incidents answered with war: {chance}; draw {draw}. Its window "
        "stays open until {closes}, at a chance of a war below {floor} a day.",
        "fr": "Ce jour-là, la probabilité d'une guerre était sa disposition à employer la force, "
        "{readiness}, multipliée par {share}, la part des incidents suivis d'une guerre : "
        "{chance} ; tirage {draw}. Sa fenêtre reste ouverte jusqu'au {closes}, avec une "
        "probabilité de guerre inférieure à {floor} par jour.",
    },
    "deadline_passed.chance.nil": {
        "en": "That day, the chance of an attack was its readiness to use force, {readiness}; "
        "draw {draw}. Its window stays open until {closes}, at a chance of an attack below "
        "{floor} a day.",
        "fr": "Ce jour-là, la probabilité d'une attaque était sa disposition à employer la force, "
        "{readiness} ; tirage {draw}. Sa fenêtre reste ouverte jusqu'au {closes}, avec une "
        "probabilité d'attaque inférieure à {floor} par jour.",
    },
    "played.deadline_passed.retaliation": {
        "en": "{Owner} player did not retaliate against {target} on the first day it could; an "
        "attack remains possible until {closes}.",
        "fr": "Le joueur {owner_de} ne riposte pas contre {target} le premier jour possible ; une "
        "attaque reste possible jusqu'au {closes}.",
    },
    "played.deadline_passed": {
        "en": "{Owner} player let the deadline set for {target} pass without attacking; an "
        "attack remains possible until {closes}.",
        "fr": "Le joueur {owner_de} laisse passer l'échéance fixée {target_a} sans attaquer ; une "
        "attaque reste possible jusqu'au {closes}.",
    },
    "stood_down.readiness": {
        "en": "Its readiness to use force was {readiness} on the last day.",
        "fr": "Sa disposition à employer la force était de {readiness} le dernier jour.",
    },
    "stood_down.policed": {
        "en": "{Actor} chose policing over an offensive to answer {target_poss} strike of "
        "{when}: the model gives a state struck by armed groups a chance of {share} of answering "
        "with an offensive (the record does not say what decides it); draw {draw}.",
        "fr": "{Actor} opte{actor_nt} pour des mesures de police face à la frappe {target_de} du "
        "{when}, sans offensive : le modèle donne à un État frappé par des groupes armés une "
        "probabilité de {share} d'y répondre par une offensive (les sources ne disent pas ce qui "
        "en décide) ; tirage {draw}.",
    },
    "stood_down.retaliation": {
        "en": "{Actor} stood down and did not retaliate against {target}: the window for a "
        "response to the incident closed.",
        "fr": "{Actor} renonce{actor_nt} à riposter contre {target} : la fenêtre de riposte à "
        "l'incident se referme.",
    },
    "war_started": {
        "en": "War broke out: {actor} attacked {target} with {forces}.",
        "fr": "La guerre éclate : {actor} attaque{actor_nt} {target} avec {forces}.",
    },
    "war_started.fighters": {
        "en": "War broke out: {actor} attacked {target} with {forces}.",
        "fr": "La guerre éclate : {actor} attaque{actor_nt} {target} avec {forces}.",
    },
    "war_started.coup_attempt": {
        "en": "A coup attempt: {actor} tried to seize power in {target} with {forces}.",
        "fr": "Tentative de coup d'État : {actor} tente{actor_nt} de s'emparer du pouvoir "
        "{target_en} avec {forces}.",
    },
    "war_started.coalition": {
        "en": "War broke out: {actor} attacked {target} with troops from {contingents}.",
        "fr": "La guerre éclate : {actor} attaque{actor_nt} {target} avec des troupes "
        "{contingents_de}.",
    },
    "war_started.defence": {
        "en": "{Target} defended with {defence}.",
        "fr": "{Target} oppose{target_nt} {defence} à l'attaque.",
    },
    "war_started.defence.fighters": {
        "en": "{Target} defended with {defence}.",
        "fr": "{Target} oppose{target_nt} {defence} à l'attaque.",
    },
    "war_started.contingent": {
        "en": "That was a first contingent, sized to the opposition expected, not all the "
        "strength weighed in the decision; more may follow as the war goes on.",
        "fr": "C'est un premier contingent, à la mesure de l'opposition attendue, non toute la "
        "force pesée dans la décision ; d'autres troupes peuvent suivre au fil de la guerre.",
    },
    "war_started.guerrillas": {
        "en": "{Rebels} fought as guerrillas: the army could not bring its numbers to bear on an "
        "enemy that would not stand and fight.",
        "fr": "{Rebels} mène{rebels_nt} une guérilla : l'armée ne peut faire valoir ses effectifs "
        "contre un ennemi qui refuse le combat.",
    },
    "entered_war.armed": {
        "en": "From then on {armed} no longer fought as guerrillas: with an ally beside them, the "
        "rebellion fought in the open.",
        "fr": "Dès lors, {armed} cesse{armed_nt} de mener une guérilla : avec un allié à ses "
        "côtés, la rébellion combat à découvert.",
    },
    "war_started.scheduled": {
        "en": "This attack was scheduled by the scenario.",
        "fr": "Cette attaque est prévue par le scénario.",
    },
    "incident": {
        "en": "Incident: {actor} attacked {target}, short of war.",
        "fr": "Incident : {actor} frappe{actor_nt} {target}, sans aller jusqu'à la guerre.",
    },
    "incident.abroad": {
        "en": "Incident: {actor} struck {target_poss} forces stationed in {host}, short of war.",
        "fr": "Incident : {actor} frappe{actor_nt} les forces {target_de} stationnées {host_en}, "
        "sans aller jusqu'à la guerre.",
    },
    "incident.fighters": {
        "en": "Strikers counted by the sources: {fighters}.",
        "fr": "Assaillants comptés par les sources : {fighters}.",
    },
    "incident.escaped": {
        "en": "Strikers who got away, by the sources: {escaped}{of}.",
        "fr": "Assaillants en fuite selon les sources : {escaped}{of}.",
    },
    "incident.escaped.of": {"en": " of {fighters}", "fr": " sur {fighters}"},
    "incident.killed": {
        "en": "The strike killed {killed}, by the sources.",
        "fr": "La frappe fait {killed} morts, selon les sources.",
    },
    "incident.killed.one": {
        "en": "The strike killed one, by the sources.",
        "fr": "La frappe fait un mort, selon les sources.",
    },
    "incident.killed.none": {
        "en": "The strike killed no one, by the sources.",
        "fr": "La frappe ne fait aucun mort, selon les sources.",
    },
    "incident.from_abroad": {
        "en": "The raiders came from abroad: an offensive by {target} against them would be "
        "fought on its own soil, a sweep to the border, not a dispute with the state they came "
        "from.",
        "fr": "Les assaillants viennent de l'étranger : une offensive {target_de} contre eux se "
        "livrerait sur son sol, un ratissage jusqu'à la frontière, non un différend avec l'État "
        "d'où ils viennent.",
    },
    # "des {threshold}": strikers below a threshold of 1 are none, told by ".none" instead.
    "incident.unpursued": {
        "en": "Strikers counted by the sources: {fighters}, below the {threshold} an army "
        "pursues. No body of fighters was left in the field, and {target} answered by "
        "policing, not with force.",
        "fr": "Assaillants comptés par les sources : {fighters}, en deçà des {threshold} "
        "qu'une armée poursuit. Aucune troupe ne reste sur le terrain, et {target} "
        "réplique{target_nt} par des mesures de police, non par la force.",
    },
    "incident.unpursued.none": {
        "en": "None of the strikers got away, by the sources: no one was left in the field to "
        "pursue, and {target} answered by policing, not with force.",
        "fr": "Aucun assaillant n'a échappé, selon les sources : personne ne reste sur le "
        "terrain à poursuivre, et {target} réplique{target_nt} par des mesures de police, non "
        "par la force.",
    },
    "incident.unpursued.none.counted": {
        "en": "None of the {fighters} strikers got away, by the sources: no one was left in the "
        "field to pursue, and {target} answered by policing, not with force.",
        "fr": "Aucun des {fighters} assaillants n'a échappé, selon les sources : personne ne "
        "reste sur le terrain à poursuivre, et {target} réplique{target_nt} par des mesures de "
        "police, non par la force.",
    },
    "incident.unpursued.none.one": {
        "en": "The one striker did not get away, by the sources: no one was left in the field "
        "to pursue, and {target} answered by policing, not with force.",
        "fr": "L'unique assaillant n'a pas échappé, selon les sources : personne ne reste sur le "
        "terrain à poursuivre, et {target} réplique{target_nt} par des mesures de police, non "
        "par la force.",
    },
    "incident.unpursued.escaped": {
        "en": "Strikers who got away, by the sources: {escaped}{of}, below the {threshold} an "
        "army pursues. No body of fighters was left in the field, and {target} "
        "answered by policing, not with force.",
        "fr": "Assaillants en fuite selon les sources : {escaped}{of}, en deçà des {threshold} "
        "qu'une armée poursuit. Aucune troupe ne reste sur le terrain, et {target} "
        "réplique{target_nt} par des mesures de police, non par la force.",
    },
    "obligation": {
        "en": "{trigger} brought {clause} into play: {actor} was obliged {duty}{decision}.",
        "fr": "{trigger} fait jouer {clause} : il incombe {actor_a} {duty}{decision}.",
    },
    "obligation.permission": {
        "en": "{trigger} brought {clause} into play: {actor} may decide {duty}{decision}, a "
        "measure the clause permits but does not oblige.",
        "fr": "{trigger} fait jouer {clause} : il est permis {actor_a} {duty}{decision}, une "
        "faculté que la clause ouvre sans l'imposer.",
    },
    "obligation.due": {"en": " Decision due on {due}.", "fr": " Décision attendue le {due}."},
    "obligation.under_way.party": {
        "en": " From today the pact binds {bound}, with the war under way since {since}",
        "fr": " Le pacte lie {bound} à compter de ce jour, alors que la guerre est en cours "
        "depuis le {since}",
    },
    "obligation.under_way.again": {
        "en": " From today the pact binds {bound} again, with the war under way since {since}",
        "fr": " Le pacte lie de nouveau {bound} à compter de ce jour, alors que la guerre est en "
        "cours depuis le {since}",
    },
    "obligation.under_way.mixed": {
        "en": " From today the pact binds {bound}, and {again} again, with the war under way "
        "since {since}",
        "fr": " Le pacte lie {bound}, et de nouveau {again}, à compter de ce jour, alors que la "
        "guerre est en cours depuis le {since}",
    },
    "obligation.under_way.in_force_again": {
        "en": " The pact is in force again from today, with the war under way since {since}",
        "fr": " Le pacte est de nouveau en vigueur à compter de ce jour, alors que la guerre est en "
        "cours depuis le {since}",
    },
    "obligation.under_way": {
        "en": " The pact came into force today, with the war under way since {since}",
        "fr": " Le pacte entre en vigueur ce jour, alors que la guerre est en cours depuis le "
        "{since}",
    },
    "obligation.under_way.why": {
        "en": ": a war that goes on is covered from the day a pact binds its parties.",
        "fr": " : une guerre qui se poursuit est couverte dès le jour où un pacte lie ses parties.",
    },
    "clause_unmet": {
        "en": "{trigger} did not bring {clause} into play: {condition}.",
        "fr": "{trigger} ne fait pas jouer {clause} : {condition}.",
    },
    "condition.backed_from_outside": {
        "en": "the article covers only a rebellion backed from outside, and no state, power or "
        "rebel army outside {victim} backs {offenders}",
        "fr": "l'article ne couvre qu'une rébellion soutenue de l'extérieur, et aucun État, "
        "aucune puissance ni aucune armée rebelle hors {victim_de} ne soutient {offenders}",
    },
    "condition.by_a_state": {
        "en": "the text counts as aggression only armed force used by a State, and no State "
        "was among the attackers ({offenders})",
        "fr": "le texte ne tient pour agression que l'emploi de la force armée par un État, et "
        "aucun État ne figurait parmi les assaillants ({offenders})",
    },
    "condition.adversaries": {
        "en": "the text covers only the acts of {adversaries}, none of whom was among the "
        "authors ({offenders})",
        "fr": "le texte ne couvre que les actes {adversaries_de}, dont aucun ne figurait parmi "
        "les auteurs ({offenders})",
    },
    "condition.victim_suspended": {
        "en": "{organisation} had suspended {victim}, and a suspended member keeps its seat but "
        "loses the protection of the body's pacts",
        "fr": "{organisation} avait suspendu {victim}, et un membre suspendu garde son siège mais "
        "perd la protection des textes de l'organisation",
    },
    "condition.other": {
        "en": "a condition of its text ({condition}) was not met",
        "fr": "une condition de son texte ({condition}) n'est pas remplie",
    },
    # The clauses kept aside ask no more (sim.model.pacts.obligations_for): the same action or
    # a lesser one, a duty or a permission.
    "obligation.also": {
        "en": " {Others} also came into play, asking no more.",
        "fr": " {Others} entre{others_nt} aussi en jeu, sans demander davantage.",
    },
    "toward.victim": {"en": "toward", "fr": "envers"},
    "toward.offender": {"en": "against", "fr": "contre"},
    "vote": {
        "en": "{Actor} voted under {clause} on its obligation of {asked} {toward} {victim} "
        "({rule} needed): {yes_count} of {voters_count} in favour{yes}{others}.",
        "fr": "{Actor} vote{actor_nt} au titre {clause_de} sur l'obligation {asked} {toward} "
        "{victim} (règle : {rule}) : {yes_count} voix pour sur {voters_count}{yes}{others}.",
    },
    "vote.permission": {
        "en": "{Actor} voted under {clause} on whether to take the measure it permits, {asked} "
        "{toward} {victim} ({rule} needed): {yes_count} of {voters_count} in favour{yes}{others}.",
        "fr": "{Actor} vote{actor_nt} au titre {clause_de} sur l'usage de la faculté {asked} "
        "{toward} {victim} (règle : {rule}) : {yes_count} voix pour sur {voters_count}{yes}"
        "{others}.",
    },
    "vote.consensus": {
        "en": "{Actor} decided by consensus under {clause} on its obligation of {asked} {toward} "
        "{victim}: {yes_count} of {voters} {leaned}{yes}; a consensus comes "
        "at the mean of all their inclinations, here a chance of {probability}, draw {draw}.",
        "fr": "{Actor} décide{actor_nt} par consensus au titre {clause_de} sur l'obligation "
        "{asked} {toward} {victim} : {yes_members} sur {voters_count} {leaned}{yes} ; "
        "un consensus se fait à la moyenne de toutes leurs inclinations, ici une chance de "
        "{probability}, tirage {draw}.",
    },
    "vote.consensus.permission": {
        "en": "{Actor} decided by consensus under {clause} whether to take the measure it "
        "permits, {asked} {toward} {victim}: {yes_count} of {voters} {leaned}{yes}; "
        "a consensus comes at the mean of all their inclinations, here a chance of "
        "{probability}, draw {draw}.",
        "fr": "{Actor} décide{actor_nt} par consensus au titre {clause_de} de l'usage de la "
        "faculté {asked} {toward} {victim} : {yes_members} sur {voters_count} {leaned}{yes} ; "
        "un consensus se fait à la moyenne de toutes leurs inclinations, ici une "
        "chance de {probability}, tirage {draw}.",
    },
    "vote.yes": {"en": " ({names})", "fr": " ({names})"},
    "vote.others": {"en": "; not in favour: {names}", "fr": " ; contre ou abstention : {names}"},
    "vote.passed": {"en": "The decision carried.", "fr": "La décision est adoptée."},
    "vote.failed": {"en": "The decision failed.", "fr": "La décision est rejetée."},
    "response.honoured": {
        "en": "{Actor} honoured its obligation of {asked} toward {victim} under {clause}.",
        "fr": "{Actor} honore{actor_nt} l'obligation {asked} envers {victim} au titre {clause_de}.",
    },
    "response.honoured.permission": {
        "en": "{Actor} used the measure of {asked} toward {victim} that {clause} permits.",
        "fr": "{Actor} use{actor_nt} de la faculté {asked} envers {victim} ouverte au titre "
        "{clause_de}.",
    },
    "response.partial.permission": {
        "en": "{Actor} gave {victim} only non-military help, short of the measure of {asked} "
        "that {clause} permits.",
        "fr": "{Actor} n'apporte{actor_nt} qu'une aide non militaire {victim_a}, en deçà de la "
        "faculté {asked} ouverte au titre {clause_de}.",
    },
    "response.abstained.permission": {
        "en": "{Actor} did not use the measure of {asked} toward {victim} that {clause} permits.",
        "fr": "{Actor} n'use{actor_nt} pas de la faculté {asked} envers {victim} ouverte au "
        "titre {clause_de}.",
    },
    "response.draw.permission": {
        "en": "Probability of using it {probability}; draw {draw}, {verdict}.",
        "fr": "Probabilité d'en faire usage {probability} ; tirage {draw}, {verdict}.",
    },
    "response.partial": {
        "en": "{Actor} gave {victim} only non-military help, short of its obligation of {asked} "
        "under {clause}.",
        "fr": "{Actor} n'apporte{actor_nt} qu'une aide non militaire {victim_a}, en deçà de "
        "l'obligation {asked} au titre {clause_de}.",
    },
    "response.abstained": {
        "en": "{Actor} abstained from its obligation of {asked} toward {victim} under {clause}.",
        "fr": "{Actor} ne donne{actor_nt} pas suite à l'obligation {asked} envers {victim} au "
        "titre {clause_de}.",
    },
    "response.strict": {
        "en": "In strict mode, the pledge is kept as written.",
        "fr": "En mode strict, l'engagement est tenu tel qu'il est écrit.",
    },
    "response.strict.permission": {
        "en": "In strict mode, every measure permitted is taken.",
        "fr": "En mode strict, toute faculté ouverte est exercée.",
    },
    "response.automatic": {
        "en": "The clause applies automatically.",
        "fr": "La clause s'applique automatiquement.",
    },
    "response.draw": {
        "en": "Probability of honouring {probability}; draw {draw}, {verdict}.",
        "fr": "Probabilité d'honorer {probability} ; tirage {draw}, {verdict}.",
    },
    # ------------------------------------------------------------------ decisions a class played
    # (sahelsim teach --class): "{Owner}" is the role's possessive ("Mali's"); French names the
    # player "le joueur {owner_de}" ("le joueur du Mali").
    "played.honoured": {
        "en": "{Owner} player honoured {clause}: its obligation of {asked} toward {victim}.",
        "fr": "Le joueur {owner_de} honore l'obligation {asked} envers {victim} au titre "
        "{clause_de}.",
    },
    "played.partial": {
        "en": "{Owner} player gave {victim} only non-military help, short of its obligation of "
        "{asked} under {clause}.",
        "fr": "Le joueur {owner_de} n'apporte qu'une aide non militaire {victim_a}, en deçà de "
        "l'obligation {asked} au titre {clause_de}.",
    },
    "played.abstained": {
        "en": "{Owner} player abstained from its obligation of {asked} toward {victim} under "
        "{clause}.",
        "fr": "Le joueur {owner_de} ne donne pas suite à l'obligation {asked} envers {victim} au "
        "titre {clause_de}.",
    },
    "played.honoured.permission": {
        "en": "{Owner} player used the measure of {asked} toward {victim} that {clause} permits.",
        "fr": "Le joueur {owner_de} use de la faculté {asked} envers {victim} ouverte au titre "
        "{clause_de}.",
    },
    "played.partial.permission": {
        "en": "{Owner} player gave {victim} only non-military help, short of the measure of "
        "{asked} that {clause} permits.",
        "fr": "Le joueur {owner_de} n'apporte qu'une aide non militaire {victim_a}, en deçà de la "
        "faculté {asked} ouverte au titre {clause_de}.",
    },
    "played.abstained.permission": {
        "en": "{Owner} player did not use the measure of {asked} toward {victim} that {clause} "
        "permits.",
        "fr": "Le joueur {owner_de} n'use pas de la faculté {asked} envers {victim} ouverte au "
        "titre {clause_de}.",
    },
    "played.rule": {
        "en": "The model's own rule gave a probability of honouring of {probability}.",
        "fr": "Selon la règle du modèle, la probabilité d'honorer était de {probability}.",
    },
    "played.rule.permission": {
        "en": "The model's own rule gave a probability of using it of {probability}.",
        "fr": "Selon la règle du modèle, la probabilité d'en faire usage était de {probability}.",
    },
    "played.vote": {
        "en": "Votes cast by the class's players: {names}.",
        "fr": "Votes décidés par les joueurs de la classe : {names}.",
    },
    "played.decision.yes": {
        "en": "{Owner} player took the decision for the whole body: yes.",
        "fr": "Le joueur {owner_de} tranche pour toute l'organisation : oui.",
    },
    "played.decision.no": {
        "en": "{Owner} player took the decision for the whole body: no.",
        "fr": "Le joueur {owner_de} tranche pour toute l'organisation : non.",
    },
    "played.attack": {
        "en": "{Owner} player decided to attack {target}.",
        "fr": "Le joueur {owner_de} décide d'attaquer {target}.",
    },
    "played.attack.retaliation": {
        "en": "{Owner} player decided to strike back at {target}.",
        "fr": "Le joueur {owner_de} décide de riposter contre {target}.",
    },
    "played.readiness": {
        "en": "The model put its readiness to use force at {readiness}.",
        "fr": "Selon le modèle, sa disposition à employer la force était de {readiness}.",
    },
    "played.stood_down": {
        "en": "{Owner} player stood down: it gave up its threat against {target} before the "
        "window closed.",
        "fr": "Le joueur {owner_de} renonce : la menace contre {target} est abandonnée avant la "
        "fin du délai.",
    },
    # a player's choice that changes nothing the model records, told where it was taken
    # (sim.present.classroom.told): a week's defiance, a week's wait
    "played.defied": {
        "en": "{Owner} player defied {other_poss} threat and held out for another week.",
        "fr": "Le joueur {owner_de} tient tête à la menace {other_de} une semaine de plus.",
    },
    "played.waited": {
        "en": "{Owner} player chose to wait a week before carrying out its threat against {other}.",
        "fr": "Le joueur {owner_de} choisit d'attendre une semaine avant de mettre à exécution "
        "la menace contre {other}.",
    },
    "played.waited.retaliation": {
        "en": "{Owner} player chose to wait a week before answering {other_poss} strike.",
        "fr": "Le joueur {owner_de} choisit d'attendre une semaine avant de répondre à la "
        "frappe {other_de}.",
    },
    "played.stood_down.policed": {
        "en": "{Owner} player chose policing over an offensive to answer {target_poss} strike "
        "of {when}.",
        "fr": "Le joueur {owner_de} opte pour des mesures de police face à la frappe "
        "{target_de} du {when}, sans offensive.",
    },
    "played.policed": {
        "en": "The model's own choice was policing: it gives a state struck by armed groups a "
        "chance of {share} of answering with an offensive; draw {draw}.",
        "fr": "Le modèle, lui, optait pour des mesures de police : il donne à un État frappé "
        "par des groupes armés une probabilité de {share} de répondre par une offensive ; "
        "tirage {draw}.",
    },
    "played.stood_down.retaliation": {
        "en": "{Owner} player stood down: it chose not to strike back at {target} before the "
        "window closed.",
        "fr": "Le joueur {owner_de} renonce : pas de riposte contre {target} avant la fin du "
        "délai.",
    },
    "played.conceded": {
        "en": "{Owner} player gave in to {target_poss} demands (the model's own chance of giving "
        "in that day was {probability}).",
        "fr": "Le joueur {owner_de} cède aux exigences {target_de} (selon le modèle, la "
        "probabilité de céder ce jour-là était de {probability}).",
    },
    "verdict.honoured": {"en": "below it", "fr": "inférieur à cette probabilité"},
    "verdict.partial": {
        "en": "above it but within the band for partial help",
        "fr": "supérieur à cette probabilité, mais dans la marge de l'aide partielle",
    },
    "verdict.abstained": {
        "en": "above both it and the band for partial help",
        "fr": "supérieur à cette probabilité et à la marge de l'aide partielle",
    },
    "response.terms": {
        "en": "Largest terms: {terms}.",
        "fr": "Termes principaux : {terms}.",
    },
    "term": {"en": "{name} (log-odds {value})", "fr": "{name} (logit {value})"},
    "term.base rate": {"en": "base rate", "fr": "taux de base"},
    "term.resolve": {"en": "resolve", "fr": "détermination"},
    "term.affinity": {"en": "affinity", "fr": "affinité"},
    "term.capacity": {"en": "capacity", "fr": "capacité"},
    "term.expected cost": {"en": "expected cost", "fr": "coût attendu"},
    # A positive contribution of the cost is a light one: "expected cost +0.50" read backwards.
    "term.expected cost.up": {"en": "light expected cost", "fr": "coût attendu faible"},
    "term.expected cost.down": {"en": "heavy expected cost", "fr": "coût attendu élevé"},
    "term.insurgency at home": {
        "en": "insurgency at home",
        "fr": "pression insurrectionnelle intérieure",
    },
    "term.reputation": {"en": "reputation", "fr": "réputation"},
    "entered_war": {
        "en": "{Actor} entered the war on {victim_poss} side under {clause}, with {forces}, "
        "against {enemy}.",
        "fr": "{Actor} entre{actor_nt} en guerre aux côtés {victim_de}, au titre {clause_de}, "
        "avec {forces}, contre {enemy}.",
    },
    "support.pledge": {
        "en": "{Actor} pledged under {clause} to fight at {victim_poss} side if its response "
        "to the incident led to war.",
        "fr": "{Actor} s'engage{actor_nt}, au titre {clause_de}, à combattre aux côtés "
        "{victim_de} si la riposte à l'incident mène à la guerre.",
    },
    "entered_war.power": {
        "en": "An outside power fights with all it has in the region.",
        "fr": "Une puissance extérieure combat avec tout ce qu'elle a dans la région.",
    },
    "entered_war.attack": {
        "en": "{Actor} entered the war against {enemy}, on {victim_poss} side, with {forces}: "
        "{by} carried out its threat.",
        "fr": "{Actor} entre{actor_nt} en guerre contre {enemy}, aux côtés {victim_de}, avec "
        "{forces} : {by} exécute{by_nt} sa menace.",
    },
    "withdrew": {
        "en": "{Actor} withdrew its {forces} from the war against {enemy} after {days} abroad "
        "(chance that day {probability}; draw {draw}).",
        "fr": "{Actor} retire{actor_nt} ses forces ({forces}) de la guerre contre {enemy} après "
        "{days} à l'étranger (probabilité ce jour-là {probability} ; tirage {draw}).",
    },
    "withdrew.offensive": {
        "en": "The offensive against {enemy} over, {actor} took its {forces} out of the war "
        "after {days}.",
        "fr": "L'offensive contre {enemy} achevée, les forces {actor_de} ({forces}) quittent "
        "la guerre après {days}.",
    },
    "entered_war.stationed": {
        "en": "{Actor}, whose forces stood with {victim}, fought beside it from the first day, "
        "with {forces}, against {enemy}. This was scheduled by the scenario.",
        "fr": "{Actor}, dont les forces se trouvaient aux côtés {victim_de}, entre{actor_nt} en "
        "guerre dès le premier jour, avec {forces}, contre {enemy}. C'est prévu par "
        "le scénario.",
    },
    "entered_war.carried": {
        "en": "{By} carried the war across the border: {actor} entered it with {forces}, "
        "beside {joining}, already at war with the same fighters (an armed group has one army).",
        "fr": "{By} porte{by_nt} la guerre au-delà de la frontière : {actor} entre{actor_nt} "
        "dans cette guerre avec {forces}, aux côtés {joining_de}, déjà en guerre "
        "contre les mêmes combattants (un groupe armé n'a qu'une armée).",
    },
    "entered_war.beside": {
        "en": "{Actor} entered the war beside {victim}, with {forces}, against {enemy}.",
        "fr": "{Actor} entre{actor_nt} en guerre aux côtés {victim_de}, avec {forces}, contre "
        "{enemy}.",
    },
    "support.war.backing": {
        "en": "{Actor} backed {victim} in the war (arms, bases, volunteers): its side's combat "
        "strength ×{factor}.",
        "fr": "{Actor} apporte{actor_nt} son soutien {victim_a} dans la guerre (armes, bases, "
        "volontaires) : la puissance de combat de son camp est multipliée par {factor}.",
    },
    "support.war.support": {
        "en": "{Actor} gave combat support to {victim_poss} side under {clause}, short of "
        "entering the war: that side's combat strength ×{factor}.",
        "fr": "{Actor} apporte{actor_nt} un appui militaire au camp {victim_de} au titre "
        "{clause_de}, sans entrer en guerre : la puissance de combat de ce camp est multipliée "
        "par {factor}.",
    },
    "support.war.non_military": {
        "en": "{Actor} gave non-military help to {victim_poss} side under {clause}: that side's "
        "combat strength ×{factor}.",
        "fr": "{Actor} apporte{actor_nt} une aide non militaire au camp {victim_de} au titre "
        "{clause_de} : la puissance de combat de ce camp est multipliée par {factor}.",
    },
    "consultation": {
        "en": "{Actor} held consultations under {clause} on the breach by {about}, with "
        "{parties} taking part.",
        "fr": "{Actor} mène{actor_nt} des consultations au titre {clause_de} sur la violation "
        "commise par {about}, avec la participation {parties_de}.",
    },
    "consultation.victim": {
        "en": "{Actor} held consultations under {clause} on the attack on {about}, with "
        "{parties} taking part.",
        "fr": "{Actor} mène{actor_nt} des consultations au titre {clause_de} sur l'attaque "
        "subie par {about}, avec la participation {parties_de}.",
    },
    "support.answer_over": {
        "en": "{Actor} would have fought at {victim_poss} side under {clause}, but {victim_poss} "
        "answer to the incident had already ended or been given up: there was nothing left to join.",
        "fr": "{Actor} aurait combattu aux côtés {victim_de} au titre {clause_de}, mais la riposte "
        "{victim_de} à l'incident était déjà close ou abandonnée : il n'y avait plus rien à "
        "rejoindre.",
    },
    "support.no_forces": {
        "en": "{Actor} had no forces in the region to send to {victim_poss} war.",
        "fr": "Aucune force {actor_de} n'est disponible dans la région pour la guerre {victim_de}.",
    },
    "support.no_forces.strike": {
        "en": "{Actor} had no forces in the region to send to {victim}.",
        "fr": "Aucune force {actor_de} n'est disponible dans la région pour venir en aide {victim_a}.",
    },
    "support.lent": {
        "en": "{Actor} sent {victim} {help} under {clause}: the equivalent of {forces} for "
        "counter-insurgency.",
        "fr": "{Actor} envoie{actor_nt} {help} {victim_a} au titre {clause_de} : l'équivalent "
        "de {forces} pour la contre-insurrection.",
    },
    "support.guard": {
        "en": "{Actor} sent {victim} {help} under {clause}: the equivalent of {forces} to "
        "guard its government.",
        "fr": "{Actor} envoie{actor_nt} {help} {victim_a} au titre {clause_de} : l'équivalent "
        "de {forces} pour protéger son gouvernement.",
    },
    "help.support": {"en": "combat support", "fr": "un appui militaire"},
    "help.non_military": {"en": "non-military help", "fr": "une aide non militaire"},
    "help.armed_assistance": {"en": "armed assistance", "fr": "une assistance armée"},
    "help.other": {"en": "help", "fr": "une aide"},
    "duty.other": {"en": "to act ({action})", "fr": "d'agir ({action})"},
    "asked.other": {"en": "action ({action})", "fr": "d'action ({action})"},
    "membership.suspended": {
        "en": "{Target} suspended {actor}{under}.",
        "fr": "{Target} suspend {actor}{under}.",
    },
    "membership.restored": {
        "en": "{Target} lifted {actor_poss} suspension{under}.",
        "fr": "{Target} lève la suspension {actor_de}{under}.",
    },
    "membership.withdrawn": {
        "en": "{Actor} withdrew from {target}{under}.",
        "fr": "{Actor} se retire{actor_nt} {target_de}{under}.",
    },
    "membership.admitted": {
        "en": "{Target} admitted {actor}{under}.",
        "fr": "{Target} admet {actor}{under}.",
    },
    "membership.already.suspended": {
        "en": "{Target} confirmed {actor_poss} suspension, already in force.",
        "fr": "{Target} confirme la suspension {actor_de}, déjà en vigueur.",
    },
    "membership.other": {
        "en": "{Actor}: change of standing in {target} ({status}).",
        "fr": "{Actor} : changement de statut au sein {target_de} ({status}).",
    },
    "under": {"en": " under {clause}", "fr": " au titre {clause_de}"},
    "rebellion": {
        "en": "Armed rebellion in {target}: {groups} grew there to {strength}, against {start} "
        "at the start of the run, past the threshold of {threshold} times the starting strength.",
        "fr": "Rébellion armée {target_en} : {groups} y compte{groups_nt} désormais {strength}, "
        "contre {start} au début de la simulation, au-delà du seuil de {threshold} fois "
        "l'effectif initial.",
    },
    "deployment": {
        "en": "{Actor} deployed {strength} to {target}.",
        "fr": "{Actor} déploie{actor_nt} {strength} {target_en}.",
    },
    "deployment.request": {
        "en": "{Actor} deployed {strength} to {target}, the forces it sent in answer to "
        "the request (as the fact base records them).",
        "fr": "{Actor} déploie{actor_nt} {strength} {target_en}, les forces envoyées "
        "en réponse à la demande (celles que retient la base de faits).",
    },
    "deployment.unknown": {
        "en": "{Actor} deployed forces to {target} (strength not given).",
        "fr": "{Actor} déploie{actor_nt} des forces {target_en} (effectif non précisé).",
    },
    "departure": {
        "en": "{Actor} withdrew its forces from {target}.",
        "fr": "{Actor} retire{actor_nt} les forces déployées {target_en}.",
    },
    "departure.some": {
        "en": "{Actor} withdrew {strength} of its troops from {target}.",
        "fr": "{Actor} retire{actor_nt} {strength} des militaires déployés {target_en}.",
    },
    "event.sanctions": {
        "en": "{Actor} imposed sanctions on {target}.",
        "fr": "{Actor} impose{actor_nt} des sanctions {target_a}.",
    },
    "event.pact_signed": {
        "en": "{Pact} entered into force.",
        "fr": "{Pact} entre{pact_nt} en vigueur.",
    },
    "event.pact_suspended": {
        "en": "{Pact} ceased to apply (suspended).",
        "fr": "{Pact} cesse{pact_nt} de s'appliquer (suspension).",
    },
    "event.pact_withdrawn": {
        "en": "{Actor} gave notice of withdrawal from {pact}, effective on {effective}.",
        "fr": "{Actor} dénonce{actor_nt} {pact}, avec effet le {effective}.",
    },
    "event.insurgent_offensive": {
        "en": "{Actor} launched an offensive in {target} (intensity ×{intensity}).",
        "fr": "{Actor} lance{actor_nt} une offensive {target_en} (intensité ×{intensity}).",
    },
    "event.attack_in_war": {
        "en": "{Actor} attacked {target} again, in the war already under way between them.",
        "fr": "{Actor} attaque{actor_nt} de nouveau {target}, dans la guerre déjà en cours entre "
        "eux.",
    },
    "event.attack_in_war.offensive": {
        "en": " That makes {target_poss} offensive a war: it was struck again while the offensive "
        "was under way.",
        "fr": " L'offensive {target_de} devient ainsi une guerre : nouvelle frappe pendant son "
        "cours.",
    },
    "event.attack_in_war.few": {
        "en": "Strikers counted by the sources: {fighters}, below the {threshold} an army "
        "pursues: the strike changed nothing in the war.",
        "fr": "Assaillants comptés par les sources : {fighters}, en deçà des {threshold} "
        "qu'une armée poursuit : la frappe ne change rien à la guerre.",
    },
    "event.attack_in_war.few.none": {
        "en": "None of the strikers got away, by the sources: the strike changed nothing in the "
        "war.",
        "fr": "Aucun assaillant n'a échappé, selon les sources : la frappe ne change rien à la "
        "guerre.",
    },
    "event.attack_in_war.few.none.counted": {
        "en": "None of the {fighters} strikers got away, by the sources: the strike changed "
        "nothing in the war.",
        "fr": "Aucun des {fighters} assaillants n'a échappé, selon les sources : la frappe ne "
        "change rien à la guerre.",
    },
    "event.attack_in_war.few.none.one": {
        "en": "The one striker did not get away, by the sources: the strike changed nothing in "
        "the war.",
        "fr": "L'unique assaillant n'a pas échappé, selon les sources : la frappe ne change rien "
        "à la guerre.",
    },
    "event.attack_in_war.few.escaped": {
        "en": "Strikers who got away, by the sources: {escaped}{of}, below the {threshold} an "
        "army pursues: the strike changed nothing in the war.",
        "fr": "Assaillants en fuite selon les sources : {escaped}{of}, en deçà des {threshold} "
        "qu'une armée poursuit : la frappe ne change rien à la guerre.",
    },
    "event.offensive_goes_on": {
        "en": "The offensive of {actor} against {target} had run its course, but {target} has "
        "since carried the war into {beside} as well: the war goes on.",
        "fr": "L'offensive {actor_de} contre {target} a suivi son cours, mais {target} a depuis "
        "porté la guerre {beside_en} aussi : la guerre continue.",
    },
    "event.ceasefire": {
        "en": "A ceasefire was agreed between {between}, with no war between them under way.",
        "fr": "Un cessez-le-feu est conclu entre {between}, sans guerre en cours entre eux.",
    },
    "event.other": {"en": "Scheduled event: {event}.", "fr": "Événement prévu : {event}."},
    "war_ended": {
        "en": "The war between {actor} and {target} ended {after}: {how}.",
        "fr": "La guerre entre {actor} et {target} prend fin {after} : {how}.",
    },
    "war_resumed": {
        "en": "The ceasefire between {actor} and {target} broke down after {days} of truce, and "
        "the war resumed; the side favoured by the balance of forces had {odds} odds of winning "
        "(chance that day {probability}, draw {draw}).",
        "fr": "Le cessez-le-feu entre {actor} et {target} est rompu après {days} de trêve, et la "
        "guerre reprend ; le camp favorisé par le rapport de forces avait {odds} de chances de "
        "l'emporter (probabilité ce jour-là {probability}, tirage {draw}).",
    },
    "war_ended.losses": {
        "en": "Losses: {attackers} on the attacking side, {defenders} on the defending side.",
        "fr": "Pertes : {attackers} dans le camp attaquant, {defenders} dans le camp défenseur.",
    },
    "war_ended.coup_attempt": {
        "en": "The coup attempt by {actor} in {target} was decided {after}: {how}.",
        "fr": "La tentative de coup d'État {actor_de} {target_en} est tranchée {after} : {how}.",
    },
    "war_ended.next_day": {"en": "the next day", "fr": "le lendemain"},
    "war_ended.after": {"en": "after {days}", "fr": "après {days}"},
    "war.length.truce": {
        "en": "{days} ({truce} of them under a truce)",
        "fr": "{days} (dont {truce} de trêve)",
    },
    "war_ended.same_day": {"en": "on the day it began", "fr": "le jour même de son déclenchement"},
    "how.breaking_point": {
        "en": "{loser_poss} side reached its breaking point, having lost {share} of its initial "
        "forces (breaking point {threshold})",
        "fr": "le camp {loser_de} atteint son point de rupture après avoir perdu {share} de ses "
        "forces initiales (seuil {threshold})",
    },
    "how.capitulation": {
        "en": "{loser} capitulated under war weariness (chance that day {probability}, draw "
        "{draw})",
        "fr": "{loser} capitule{loser_nt} sous l'effet de la lassitude de la guerre (probabilité "
        "ce jour-là {probability}, tirage {draw})",
    },
    "how.capitulation.withdrew": {
        "en": "the fighters of {loser} broke off the fight and withdrew under their losses and "
        "the odds against them, giving up the ground, not their arms (chance that day "
        "{probability}, draw {draw})",
        "fr": "les combattants {loser_de} rompent le combat et se retirent sous le poids de leurs "
        "pertes et du rapport de forces, cédant le terrain sans déposer les armes (probabilité "
        "ce jour-là {probability}, tirage {draw})",
    },
    "how.capitulation.overthrow": {
        "en": "{loser} capitulated under war weariness, though giving up meant its overthrow, a "
        "fear that held its chance to {factor} of the usual (chance that day {probability}, draw "
        "{draw})",
        "fr": "{loser} capitule{loser_nt} sous l'effet de la lassitude de la guerre, bien que "
        "céder signifie son renversement, une crainte qui ramène la probabilité de céder à "
        "{factor} de l'ordinaire (probabilité ce jour-là {probability}, tirage {draw})",
    },
    "how.capitulation.disarm": {
        "en": "{loser} capitulated under war weariness, though giving up meant laying down its "
        "arms at its enemy's mercy, a fear that held its chance to {factor} of the usual (chance "
        "that day {probability}, draw {draw})",
        "fr": "{loser} capitule{loser_nt} sous l'effet de la lassitude de la guerre, bien que "
        "céder signifie déposer les armes à la merci de l'ennemi, une crainte qui ramène la "
        "probabilité de céder à {factor} de l'ordinaire (probabilité ce jour-là {probability}, "
        "tirage {draw})",
    },
    "how.mediation": {
        "en": "{mediators} brokered a ceasefire, the war being {ripeness} ripe for it: a war is "
        "as ripe for talks as its less weary side is weary (chance that day {probability}, draw "
        "{draw})",
        "fr": "{mediators} négocie{mediators_nt} un cessez-le-feu, la guerre étant mûre à "
        "{ripeness} : une guerre est mûre pour des pourparlers à la mesure de la lassitude de son "
        "camp le moins las (probabilité ce jour-là {probability}, tirage {draw})",
    },
    "how.mediation.stalemate": {
        "en": "{mediators} brokered a ceasefire, the war being {ripeness} ripe for it: a war is "
        "as ripe for talks as its less weary side is weary, and {government}, which {hope}, had "
        "fought {again}for {fought} without doing so (chance that day {probability}, draw "
        "{draw})",
        "fr": "{mediators} négocie{mediators_nt} un cessez-le-feu, la guerre étant mûre à "
        "{ripeness} : une guerre est mûre pour des pourparlers à la mesure de la lassitude de son "
        "camp le moins las, et la guerre{again} dure depuis {fought}, quand les calculs "
        "{government_de} {hope} (probabilité ce jour-là {probability}, tirage {draw})",
    },
    "stalemate.hope": {
        "en": "had expected to wear the rebels down in {expected}",
        "fr": "prévoyaient d'en finir avec les rebelles en {expected}",
    },
    "stalemate.hope.never": {
        "en": "had never expected to wear the rebels down",
        "fr": "ne prévoyaient pas d'en finir avec les rebelles",
    },
    "stalemate.again": {"en": "again ", "fr": ", reprise,"},
    "how.mediation.anonymous": {
        "en": "neutral states brokered a ceasefire",
        "fr": "des États neutres négocient un cessez-le-feu",
    },
    "how.ceasefire": {
        "en": "a ceasefire scheduled by the scenario took effect",
        "fr": "un cessez-le-feu prévu par le scénario entre en vigueur",
    },
    "how.coup_attempt.faction.failed": {
        "en": "the attempt failed; a coup by a faction of the army turns on whether the rest "
        "of the army follows, which the model weighs at {rate}{outside} (chance of success "
        "{probability}, draw {draw})",
        "fr": "la tentative échoue ; un coup d'État mené par une faction de l'armée dépend du "
        "ralliement du reste de l'armée, que le modèle évalue {rate}{outside} (probabilité de "
        "réussite {probability}, tirage {draw})",
    },
    "how.coup_attempt.faction.succeeded": {
        "en": "the plotters took power; a coup by a faction of the army turns on whether the "
        "rest of the army follows, which the model weighs at {rate}{outside} (chance of "
        "success {probability}, draw {draw})",
        "fr": "les putschistes prennent le pouvoir ; un coup d'État mené par une faction de "
        "l'armée dépend du ralliement du reste de l'armée, que le modèle évalue "
        "{rate}{outside} (probabilité de réussite {probability}, tirage {draw})",
    },
    "how.coup_attempt.rate": {
        "en": "the coup record's rate of success, {rate}",
        "fr": "au taux de réussite des coups d'État recensés, {rate}",
    },
    "how.coup_attempt.rate.set": {
        "en": "the rate of success set for this run, {rate} (the coup record's: {record})",
        "fr": "au taux de réussite fixé pour cette simulation, {rate} (celui des coups d'État "
        "recensés : {record})",
    },
    "how.coup_attempt.whatever": {
        "en": ", whatever the army's and the plotters' numbers",
        "fr": ", quels que soient les effectifs de l'armée et des putschistes",
    },
    "how.coup_attempt.against_outside": {
        "en": ", times the plotters' share of fighting power against the foreign troops "
        "fighting for the government, {held}, since they are no part of the army's choice",
        "fr": ", multiplié par la part de la puissance de combat des putschistes face aux "
        "troupes étrangères qui combattent pour le gouvernement, {held}, puisqu'elles ne "
        "prennent pas part au choix de l'armée",
    },
    "how.coup_attempt.outsiders.failed": {
        "en": "the attempt failed; armed men from outside the army, whom no unit is expected "
        "to follow, win only by force, at their share of fighting power against the "
        "government's side (chance of success {probability}, draw {draw})",
        "fr": "la tentative échoue ; des hommes en armes venus de l'extérieur de l'armée, "
        "qu'aucune unité n'est censée suivre, ne l'emportent que par la force, selon leur part "
        "de la puissance de combat face au camp du gouvernement (probabilité de réussite "
        "{probability}, tirage {draw})",
    },
    "how.coup_attempt.outsiders.succeeded": {
        "en": "the attackers took power; armed men from outside the army, whom no unit is "
        "expected to follow, win only by force, at their share of fighting power against the "
        "government's side (chance of success {probability}, draw {draw})",
        "fr": "les assaillants prennent le pouvoir ; des hommes en armes venus de l'extérieur "
        "de l'armée, qu'aucune unité n'est censée suivre, ne l'emportent que par la force, "
        "selon leur part de la puissance de combat face au camp du gouvernement (probabilité "
        "de réussite {probability}, tirage {draw})",
    },
    "how.offensive.won": {
        "en": "{offensive_poss} offensive had run its course{fought} and had driven off {loser}, "
        "the weaker side at the front ({weaker} against {stronger})",
        "fr": "l'offensive {offensive_de} a suivi son cours{fought} et a repoussé {loser}, le "
        "camp le plus faible sur le front ({weaker} contre {stronger})",
    },
    "how.offensive.held": {
        "en": "{offensive_poss} offensive had run its course{fought} without driving off "
        "{enemy}, the stronger side at the front ({stronger} against {weaker})",
        "fr": "l'offensive {offensive_de} a suivi son cours{fought} sans repousser {enemy}, le "
        "camp le plus fort sur le front ({stronger} contre {weaker})",
    },
    "offensive.fought": {"en": " ({days} of fighting)", "fr": " ({days} de combats)"},
    "war_resumed.offensive": {
        "en": " The offensive goes on for the {days} it had left.",
        "fr": " L'offensive reprend pour le temps qui lui restait : {days}.",
    },
    "how.no_forces": {
        "en": "{loser_poss} side had no forces left on the front",
        "fr": "le camp {loser_de} n'a plus de forces sur le front",
    },
    "how.other": {"en": "{reason}", "fr": "{reason}"},
    "outcome.attackers_won": {
        "en": "The attacking side, led by {actor}, won.",
        "fr": "Victoire du camp attaquant, mené par {actor}.",
    },
    "outcome.defenders_won": {
        "en": "The defending side, led by {target}, won.",
        "fr": "Victoire du camp défenseur, mené par {target}.",
    },
    "outcome.mediated": {
        "en": "A negotiated end, with no winner.",
        "fr": "Fin négociée, sans vainqueur.",
    },
    "outcome.ceasefire": {
        "en": "A ceasefire, with no winner.",
        "fr": "Cessez-le-feu, sans vainqueur.",
    },
    "record.other": {
        "en": "Record “{kind}”: {parties}.",
        "fr": "Enregistrement « {kind} » : {parties}.",
    },
    # ------------------------------------------------------------------ the closing
    "closing": {"en": "End of the run.", "fr": "Fin de la simulation."},
    "closing.no_war": {"en": "No war was fought.", "fr": "Aucune guerre n'a eu lieu."},
    "closing.threat_not_carried_out": {
        "en": "No threat was carried out.",
        "fr": "Aucune menace n'a été mise à exécution.",
    },
    "closing.war": {
        "en": "The war between {actor} and {target} lasted {days} and ended in {outcome}.",
        "fr": "La guerre entre {actor} et {target} a duré {days} et s'est terminée par {outcome}.",
    },
    "closing.coup_attempt.attackers_won": {
        "en": "The coup attempt by {actor} in {target} succeeded {after}: they took power.",
        "fr": "La tentative de coup d'État {actor_de} {target_en} réussit {after} : les "
        "putschistes prennent le pouvoir.",
    },
    "closing.coup_attempt.defenders_won": {
        "en": "The coup attempt by {actor} in {target} failed {after}.",
        "fr": "La tentative de coup d'État {actor_de} {target_en} échoue {after}.",
    },
    "closing.war.ongoing": {
        "en": "The war between {actor} and {target} was still being fought at the horizon, "
        "after {days}.",
        "fr": "La guerre entre {actor} et {target} durait encore à l'horizon, après {days}.",
    },
    "closing.wars": {
        "en": "Wars fought: {wars}. The first, between {actor} and {target}, lasted {days} and "
        "ended in {outcome}.",
        "fr": "Guerres : {wars}. La première, entre {actor} et {target}, a duré {days} et s'est "
        "terminée par {outcome}.",
    },
    "closing.wars.ongoing": {
        "en": "Wars fought: {wars}. The first, between {actor} and {target}, was still being "
        "fought at the horizon, after {days}.",
        "fr": "Guerres : {wars}. La première, entre {actor} et {target}, durait encore à "
        "l'horizon, après {days}.",
    },
    "closing.outcome.attackers_won": {
        "en": "victory for the attacking side",
        "fr": "une victoire du camp attaquant",
    },
    "closing.outcome.defenders_won": {
        "en": "victory for the defending side",
        "fr": "une victoire du camp défenseur",
    },
    "closing.outcome.mediated": {"en": "a mediated ceasefire", "fr": "un cessez-le-feu négocié"},
    "closing.outcome.ceasefire": {"en": "a ceasefire", "fr": "un cessez-le-feu"},
    "closing.casualties": {
        "en": "Military casualties: {casualties}.",
        "fr": "Pertes militaires : {casualties}.",
    },
    "closing.aes_entered": {
        "en": "AES members that entered a war to help another state: {count}.",
        "fr": "Membres de l'AES entrés en guerre pour aider un autre État : {count}.",
    },
    "closing.obligations": {
        "en": "Obligations triggered: {triggered}; honoured: {honoured}; non-military help "
        "only: {partial}; not honoured: {abstained}.",
        "fr": "Obligations déclenchées : {triggered} ; honorées : {honoured} ; aide non "
        "militaire seulement : {partial} ; non honorées : {abstained}.",
    },
    "closing.rebellion": {
        "en": "An armed rebellion was declared.",
        "fr": "Une rébellion armée a été déclarée.",
    },
    "closing.insurgents": {
        "en": "Armed groups' total strength changed by {change} over the run.",
        "fr": "L'effectif total des groupes armés a varié de {change} sur la période.",
    },
    "closing.counterinsurgency": {
        "en": "Counter-insurgency effort lost, on average over days and states: {share}.",
        "fr": "Effort de contre-insurrection perdu, en moyenne sur les jours et les États : "
        "{share}.",
    },
    "closing.draws": {
        "en": "Each chance above is the model's probability of a choice on that day; the draw is "
        "this replicate's random number, and the choice was made when the draw fell below the "
        "chance.",
        "fr": "Chaque probabilité ci-dessus est celle que le modèle donne à un choix ce jour-là ; "
        "le tirage est le nombre aléatoire de cette réplication, et le choix est fait quand le "
        "tirage tombe sous la probabilité.",
    },
    "closing.caveat": {
        "en": "This is one replicate of a model, not a forecast: other seeds tell other stories.",
        "fr": "Ceci est une réplication d'un modèle, pas une prévision : d'autres graines "
        "racontent d'autres histoires.",
    },
}
"""Message id -> {"en": template, "fr": template}."""

FR_ARTICLES: dict[str, str] = {
    "au_psc": "le",
    "unsc": "le",
    "oau": "l'",
    # States of the fact base, and a few neighbours a scenario may add.
    "MLI": "le",
    "BFA": "le",
    "NER": "le",
    "NGA": "le",
    "SEN": "le",
    "CIV": "la",
    "BEN": "le",
    "GHA": "le",
    "TGO": "le",
    "GIN": "la",
    "GNB": "la",
    "TCD": "le",
    "MRT": "la",
    "DZA": "l'",
    "GMB": "la",
    "LBR": "le",
    "SLE": "la",
    "CPV": "le",
    "MAR": "le",
    "LBY": "la",
    "CMR": "le",
    # Outside powers.
    "FRA": "la",
    "RUS": "la",
    "USA": "les",
    "CHN": "la",
    "TUR": "la",
    "GBR": "le",
    # Organisations and armed groups.
    "ECOWAS": "la",
    "AES": "l'",
    "G5S": "le",
    "JNIM": "le",
    "ISSP": "l'",
    "ISWAP": "l'",
}
"""The French article before an actor's name; ids not listed take none."""

EN_ARTICLES: dict[str, str] = {
    "USA": "the",
    "AES": "the",
    "G5S": "the",
    "GBR": "the",
    "au_psc": "the",
    "unsc": "the",
    "oau": "the",
}
"""The English article before an actor's name; ids not listed take none."""

SHORT_NAMES: dict[str, dict[str, str]] = {
    "ECOWAS": {"en": "ECOWAS", "fr": "CEDEAO"},
    "AES": {"en": "AES", "fr": "AES"},
    "G5S": {"en": "G5 Sahel", "fr": "G5 Sahel"},
    "JNIM": {"en": "JNIM", "fr": "GSIM"},
    "ISSP": {"en": "Islamic State Sahel", "fr": "État islamique au Sahel"},
    "JAS": {"en": "Boko Haram", "fr": "Boko Haram"},
    "ISWAP": {"en": "ISWAP", "fr": "État islamique en Afrique de l'Ouest"},
    "au_psc": {
        "en": "African Union Peace and Security Council",
        "fr": "Conseil de paix et de sécurité de l'Union africaine",
    },
    "unsc": {"en": "UN Security Council", "fr": "Conseil de sécurité des Nations unies"},
    "oau": {"en": "Organisation of African Unity", "fr": "Organisation de l'unité africaine"},
}
"""Names to narrate with, where the fact base's full names are too long for a sentence."""

PACT_ARTICLES: dict[str, dict[str, str]] = {
    "liptako-gourma-charter": {"en": "the", "fr": "la"},
    "niger-authorisation-2023": {"en": "", "fr": "les"},  # "Niger's authorisation" / "Ordonnances"
    "mali-burkina-declaration-2023": {"en": "the", "fr": "le"},
    "ecowas-pmad-1981": {"en": "the", "fr": "le"},
    "ecowas-mechanism-1999": {"en": "the", "fr": "le"},
    "ecowas-democracy-2001": {"en": "the", "fr": "le"},
    "russia-mali-partnership": {"en": "the", "fr": "le"},
    "russia-burkina-partnership": {"en": "the", "fr": "le"},
    "russia-niger-partnership": {"en": "the", "fr": "le"},
    "g5-sahel-convention": {"en": "the", "fr": "la"},
    "france-g5-partnership": {"en": "", "fr": "le"},  # "France's Operation Barkhane..."
    "france-civ-defence-1961": {"en": "the", "fr": "l'"},  # "l'Accord de défense..."
    "france-civ-partnership-2012": {"en": "the", "fr": "le"},  # "le Traité..."
    "france-senegal-defence-1974": {"en": "the", "fr": "l'"},
    "france-senegal-partnership-2012": {"en": "the", "fr": "le"},
    "france-togo-defence-1963": {"en": "the", "fr": "l'"},
    "france-chad-mtc-1976": {"en": "the", "fr": "l'"},
    "us-pan-sahel-initiative-2002": {"en": "the", "fr": "l'"},
    "us-tsctp-2005": {"en": "the", "fr": "le"},
    "us-tsctp-burkina-faso": {"en": "the", "fr": "le"},
    "us-niger-sofa-2013": {"en": "the", "fr": "l'"},
    "france-niger-mtc-1977": {"en": "the", "fr": "l'"},
    "france-niger-sahel-intervention-2013": {"en": "the", "fr": "les"},
    "france-mali-mtc-1985": {"en": "the", "fr": "l'"},
    "france-mali-defence-treaty-2014": {"en": "the", "fr": "le"},
    "france-burkina-amt-1961": {"en": "the", "fr": "l'"},
    "france-mauritania-training-1976": {"en": "the", "fr": "la"},
    "france-mauritania-ct-cooperation-2008": {"en": "the", "fr": "la"},
    "france-benin-mtc-1975": {"en": "the", "fr": "l'"},
    "france-benin-ct-support-2022": {"en": "", "fr": "le"},  # "France's counter-terrorism..."
}
"""The article before a pact's name; an unlisted pact is "the X" or "le texte « X »"."""

FR_UNKNOWN_PACT = "le texte « {name} »"
"""How French names a pact whose gender is unknown (one defined by a scenario)."""

MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": (
        "janv.",
        "févr.",
        "mars",
        "avr.",
        "mai",
        "juin",
        "juil.",
        "août",
        "sept.",
        "oct.",
        "nov.",
        "déc.",
    ),
}
"""Abbreviated month names, January first."""
