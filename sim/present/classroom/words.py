"""The class mode's words in English and French: the projector, the phones, the questions.

Every word the class pages show is here once per language (the story's sentences are the
narrative's, in :mod:`sim.present.catalogue`). French is typeset by
:func:`sim.present.french.typeset` (no-break spaces before ``:`` and the like).
"""

from __future__ import annotations

from sim.present import i18n
from sim.present.app.words import UI, typeset

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "sahelsim - the class plays",
        "not_forecast": "For teaching and exploration. Not a forecast.",
        "join_title": "Join the class",
        "join_at": "On your phone, open",
        "join_code": "Join code",
        "scan": "or scan",
        "world": "World {n}",
        "worlds": "Worlds",
        "start": "Play",
        "pause": "Pause",
        "step_week": "Step a week",
        "draw": "Draw roles",
        "draw.nobody": "No phone has joined yet: no role to draw. Students join with the code.",
        "assign": "Give role",
        "phones": "Phones",
        "no_phones": "No phone has joined yet.",
        "role": "Role",
        "day": "Day {day} of {days}",
        "not_started": "Not started",
        "finished": "Finished",
        "running": "Running",
        "paused": "Paused",
        "waiting_for": "Waiting for {role} ({seconds} s)",
        "story": "Latest events",
        "details": UI["en"]["details"],  # the single-run app's toggle, word for word
        "map": "Map, {world}: who is at war on which side, and who answered an ally",
        "decisions": "Decisions taken",
        "by_player": "player",
        "by_timer": "timer: the model's rule",
        "decision.line": "{date} — {role}: {choice} ({by})",
        "debrief": "Debrief: the class against the model's rule",
        "debrief.line": "{date} — {role}: the class chose {choice}; the model's rule: {model}",
        "debrief.same": "The model's rule made the same choice in {same} of {total} decisions.",
        "language": "Language",
        # the debrief against the model's ensemble
        "ens.title": "The class against the model's own runs: {runs} unplayed runs from the same "
        "start (seed {seed})",
        "ens.line": "{role} — {about}: your class's choice: {ours}. The model made the same choice "
        "in {share} of the {faced} runs where it faced it.",
        "ens.never": "{role} — {about}: your class's choice: {ours}. The model never faced this "
        "choice in its {runs} runs.",
        "ens.pending": "The model's own runs from the same start are still being counted...",
        "ens.failed": "The model's own runs could not be counted ({error}).",
        "ens.failed.elsewhere": "The model's own runs could not be counted; the details are in "
        "the terminal that runs sahelsim teach.",
        "about.attack": "its use of force against {other}",
        "about.concession": "the threat from {other}",
        "about.obligation": "its obligation to {other}",
        "about.vote": "the vote on the crisis of {other}",
        "o.attack": "attack",
        "o.stand_down": "no attack",
        "o.concede": "give in",
        "o.defy": "defy to the end",
        "o.honour": "honour",
        "o.partial": "non-military help only",
        "o.abstain": "abstain",
        "o.yes": "vote for",
        "o.no": "vote against",
        # the worlds side by side
        "cmp.title": "The worlds side by side",
        "cmp.choices": "The class's decisive choices",
        "cmp.war": "War",
        "cmp.war.yes": "Yes: a war of {days}",
        "cmp.war.no": "No war",
        "cmp.conceded": "Who gave in",
        "cmp.nobody": "Nobody",
        "cmp.model": "Choices the model's rule also made",
        "cmp.same": "{same} of {total}",
        "cmp.none": "No player decided",
        "cmp.choice": "{role}: {choice}",
        "to_end": "Run to the end",
        # what the class plays, and another round of it (or of another scenario)
        "playing": "{title} · seed {seed} · round {round}",
        "scenario": "Scenario or lesson",
        "seed": "Seed",
        "new_round": "New round",
        "new_round.confirm": "Start a new round? Every world starts again from its first day; "
        "the phones stay in the class, and each keeps its role if the scenario has it.",
        "refused.scenario": "That scenario cannot be played in this class.",
        "refused.seed": "Expected a seed: a whole number from 0 to 9,223,372,036,854,775,807.",
        # the phone
        "your_name": "Your first name",
        "code": "Join code",
        "join": "Join",
        "your_role": "Your role: {role}",
        "in_world": "World {n}",
        "no_role": "The lecturer will give you a role.",
        "nothing_now": "Nothing to decide now. Watch the projector.",
        "observer_note": "You observe: you see the story, others decide.",
        "time_left": "{seconds} s left. Without an answer, the model decides.",
        "sent": "Sent: {choice}.",
        "what_you_see": "What you weigh",
        "refused.code": "Wrong join code.",
        "refused.token": "This phone is no longer in the class: join again.",
        "refused.not_yours": "That decision is not yours to take.",
        "refused.stale": "Too late: that decision has already been settled.",
        "refused.choice": "That answer is not one of the choices.",
        "refused.malformed": "The message was not understood.",
        "refused.key": "Only the lecturer's page can do that.",
        "refused.role": "No such role in this class.",
        "refused.seat": "No such phone in this class.",
        "refused.group": "No such world in this class.",
        "refused.full": "The class is full.",
        "offline": "Connection lost; trying again...",
        # roles
        "observer": "Observer",
        "head_of_state": "{name} (head of state)",
        "authority": "{name} (Authority of Heads of State)",
        # questions
        "q.obligation": "{Victim} is under attack by {offenders}. Under {clause}, you are "
        "bound to give it {action}.",
        "q.obligation.permitted": "{Victim} is under attack by {offenders}. Under {clause}, "
        "you may give it {action}.",
        "q.obligation.request": "{Victim} is under attack by {offenders} and asks you for "
        "{action}. No treaty binds you to give it.",
        "q.obligation.guard": "{Victim} has put down {offenders} and asks you for {action}, "
        "to guard its government. No treaty binds you to give it.",
        "q.attack": "You threaten {target} with force and your deadline has come. Attack "
        "today, wait a week, or stand down? Your window closes on {closes}.",
        "q.attack.retaliation": "{Target} struck you, short of war. Answer it with war today, "
        "wait a week, or stand down? Your window closes on {closes}.",
        "q.attack.offensive": "The strike came from {target}, on the soil where it fights. "
        "Launch an offensive of {days} against it today, wait a week, or stand down? Your "
        "window closes on {closes}.",
        "q.attack.offensive.abroad": "The strike came from {target}, from across the border. "
        "Launch an offensive of {days} against it on your own soil today (a sweep to the "
        "border), wait a week, or stand down? Your window closes on {closes}.",
        "q.concession": "{Threatener} threatens you with force (deadline {deadline}). Give in, "
        "or defy it for another week?",
        "q.decision": "{Body}'s members have voted, by {rule}, under {clause}, on {action} in "
        "the crisis of {victim}. You hold the Authority's decision: does {body} act?",
        "c.decision.yes": "Yes: it acts",
        "c.decision.no": "No: it does not act",
        "o.decision.yes": "it acts",
        "o.decision.no": "it does not act",
        "about.decision": "its decision on the crisis of {other}",
        "t.votes_for": "Members' votes for",
        "t.inclination": "Members' mean inclination",
        "q.vote": "{Body} decides by {rule}, under {clause}, on {action} in the crisis of "
        "{victim}. How do you vote?",
        "rule.unanimity": "unanimity",
        "rule.majority": "majority",
        "rule.two_thirds": "a two-thirds majority",
        "rule.consensus": "consensus",
        "c.yes": "Vote for",
        "c.no": "Vote against",
        "q.pledge": "{Body} threatens {target} with force (deadline {deadline}) and has named no "
        "contributors. Do you pledge troops?",
        "c.pledge.yes": "Pledge troops",
        "c.pledge.no": "Decline",
        "o.pledge.yes": "pledge troops",
        "o.pledge.no": "decline",
        "about.pledge": "sending troops against {other}",
        "c.honour": "Honour",
        "c.honour.permitted": "Give it",
        "c.abstain.permitted": "Decline",
        "c.partial": "Non-military help only",
        "c.abstain": "Abstain",
        "c.attack": "Attack",
        "c.attack.offensive": "Launch the offensive",
        "c.attack.retaliation": "Answer with war",
        "c.wait": "Wait a week",
        "c.stand_down": "Stand down",
        "c.concede": "Give in",
        "c.defy": "Defy",
        "a.consult": "consultation",
        "a.sanctions": "sanctions against the offender",
        "a.non_military": "non-military help",
        "a.support": "combat support",
        "a.armed_assistance": "armed assistance",
        "a.intervene": "an armed intervention",
        "t.resolve": "your resolve",
        "t.affinity": "closeness to the victim (regime, alliances)",
        "t.capacity": "your capacity against the enemy",
        "t.expected cost": "chance of being on the losing side",
        "t.insurgency at home": "insurgent pressure at home",
        "t.reputation": "your record of keeping pledges",
        "t.own": "your strength",
        "t.opposition": "expected opposition",
        "t.balance": "balance of forces",
        "t.required": "superiority you want",
        "t.losses": "losses you expect",
        "t.junta": "military rule: your strength counted",
        # what a threatened state weighs: the threatener's judgement, as the model makes it
        "t.threat_forces": "forces {threatener} can commit",
        "t.home_defence": "your home defence",
        "t.ally_help": "help {threatener} expects from {ally}",
        "t.their_balance": "balance of forces, theirs to yours",
        "t.their_required": "superiority {threatener} wants",
        "t.readiness": "readiness of {threatener} to attack (the threat's credibility)",
        "t.partners": "partners in arms, whose consent giving in needs",
    },
    "fr": {
        "title": "sahelsim - la classe joue",
        "not_forecast": "Pour l'enseignement et l'exploration. Ce n'est pas une prévision.",
        "join_title": "Rejoindre la classe",
        "join_at": "Sur votre téléphone, ouvrez",
        "join_code": "Code d'accès",
        "scan": "ou scannez",
        "world": "Monde {n}",
        "worlds": "Mondes",
        "start": "Lecture",
        "pause": "Pause",
        "step_week": "Avancer d'une semaine",
        "draw": "Tirer les rôles au sort",
        "draw.nobody": "Aucun téléphone n'a encore rejoint la classe : pas de rôle à tirer. "
        "Les élèves rejoignent avec le code.",
        "assign": "Donner le rôle",
        "phones": "Téléphones",
        "no_phones": "Aucun téléphone n'a encore rejoint la classe.",
        "role": "Rôle",
        "day": "Jour {day} sur {days}",
        "not_started": "Pas encore lancé",
        "finished": "Terminé",
        "running": "En cours",
        "paused": "En pause",
        "waiting_for": "En attente : {role} ({seconds} s)",
        "story": "Derniers événements",
        "details": UI["fr"]["details"],
        "map": "Carte, {world} : qui est en guerre, dans quel camp, et qui a répondu à un allié",
        "decisions": "Décisions prises",
        "by_player": "joueur",
        "by_timer": "délai écoulé : règle du modèle",
        "decision.line": "{date} — {role} : {choice} ({by})",
        "debrief": "Bilan : la classe face à la règle du modèle",
        "debrief.line": "{date} — {role} : la classe choisit {choice} ; règle du modèle : {model}",
        "debrief.same": "Même choix que la règle du modèle : {same} sur {total}.",
        "language": "Langue",
        "ens.title": "La classe face aux réplications du modèle : {runs} réplications sans joueurs "
        "depuis le même départ (graine {seed})",
        "ens.line": "{role} — {about} : choix de votre classe : {ours}. Le modèle a fait le même "
        "choix dans {share} des {faced} réplications où la question se posait.",
        "ens.never": "{role} — {about} : choix de votre classe : {ours}. La question ne s'est "
        "posée dans aucune des {runs} réplications du modèle.",
        "ens.pending": "Les réplications du modèle depuis le même départ sont en cours de calcul...",
        "ens.failed": "Les réplications du modèle n'ont pas pu être comptées ({error}).",
        "ens.failed.elsewhere": "Les réplications du modèle n'ont pas pu être comptées ; les "
        "détails sont dans le terminal où tourne sahelsim teach.",
        "about.attack": "son recours à la force contre {other}",
        "about.concession": "la menace {other_de}",
        "about.obligation": "son engagement envers {other}",
        "about.vote": "le vote sur la crise {other_de}",
        "o.attack": "attaquer",
        "o.stand_down": "ne pas attaquer",
        "o.concede": "céder",
        "o.defy": "tenir tête jusqu'au bout",
        "o.honour": "honorer",
        "o.partial": "aide non militaire seulement",
        "o.abstain": "s'abstenir",
        "o.yes": "voter pour",
        "o.no": "voter contre",
        "cmp.title": "Les mondes côte à côte",
        "cmp.choices": "Choix décisifs de la classe",
        "cmp.war": "Guerre",
        "cmp.war.yes": "Oui : une guerre de {days}",
        "cmp.war.no": "Pas de guerre",
        "cmp.conceded": "Qui a cédé",
        "cmp.nobody": "Personne",
        "cmp.model": "Choix que la règle du modèle a faits aussi",
        "cmp.same": "{same} sur {total}",
        "cmp.none": "Aucun joueur n'a décidé",
        "cmp.choice": "{role} : {choice}",
        "to_end": "Aller jusqu'au bout",
        "playing": "{title} · graine {seed} · manche {round}",
        "scenario": "Scénario ou leçon",
        "seed": "Graine",
        "new_round": "Nouvelle manche",
        "new_round.confirm": "Commencer une nouvelle manche ? Chaque monde repart de son "
        "premier jour ; les téléphones restent dans la classe, et chacun garde son rôle si le "
        "scénario l'a.",
        "refused.scenario": "Ce scénario ne peut pas être joué dans cette classe.",
        "refused.seed": "Attendu : une graine, un nombre entier de 0 à "
        "9\u202f223\u202f372\u202f036\u202f854\u202f775\u202f807.",
        "your_name": "Votre prénom",
        "code": "Code d'accès",
        "join": "Rejoindre",
        "your_role": "Votre rôle : {role}",
        "in_world": "Monde {n}",
        "no_role": "L'enseignant va vous attribuer un rôle.",
        "nothing_now": "Rien à décider pour l'instant. Regardez l'écran.",
        "observer_note": "Vous observez : vous suivez le récit, d'autres décident.",
        "time_left": "Encore {seconds} s. Sans réponse, le modèle décide.",
        "sent": "Envoyé : {choice}.",
        "what_you_see": "Ce que vous pesez",
        "refused.code": "Code d'accès incorrect.",
        "refused.token": "Ce téléphone ne fait plus partie de la classe : rejoignez-la à nouveau.",
        "refused.not_yours": "Cette décision ne vous revient pas.",
        "refused.stale": "Trop tard : cette décision a déjà été réglée.",
        "refused.choice": "Cette réponse ne fait pas partie des choix.",
        "refused.malformed": "Message incompris.",
        "refused.key": "Seule la page de l'enseignant peut faire cela.",
        "refused.role": "Ce rôle n'existe pas dans cette classe.",
        "refused.seat": "Ce téléphone ne fait pas partie de cette classe.",
        "refused.group": "Ce monde n'existe pas dans cette classe.",
        "refused.full": "La classe est complète.",
        "offline": "Connexion perdue ; nouvel essai en cours...",
        "observer": "Observateur",
        "head_of_state": "{name} (chef de l'État)",
        "authority": "{name} (Conférence des chefs d'État)",
        "q.obligation": "{Victim} est la cible d'une attaque {offenders_de}. Au titre "
        "{clause_de}, vous êtes tenu de lui apporter {action}.",
        "q.obligation.permitted": "{Victim} est la cible d'une attaque {offenders_de}. Au titre "
        "{clause_de}, vous pouvez lui apporter {action}.",
        "q.obligation.request": "{Victim} est la cible d'une attaque {offenders_de} et vous "
        "demande {action}. Aucun traité ne vous y oblige.",
        "q.obligation.guard": "{Victim} a repoussé l'attaque {offenders_de} et vous demande "
        "{action} pour protéger son gouvernement. Aucun traité ne vous y oblige.",
        "q.attack": "Vous menacez {target} d'une intervention armée et votre échéance est arrivée. "
        "Attaquer aujourd'hui, attendre une semaine ou renoncer ? Le délai se referme le {closes}.",
        "q.attack.retaliation": "La frappe vient {target_de}, sans aller jusqu'à la guerre. "
        "Y répondre par la guerre aujourd'hui, attendre une semaine ou renoncer ? Le délai se "
        "referme le {closes}.",
        "q.attack.offensive": "La frappe vient {target_de}, sur le sol où ce groupe combat. "
        "Lancer aujourd'hui une offensive de {days} contre ce groupe, attendre une semaine ou "
        "renoncer ? Le délai se referme le {closes}.",
        "q.attack.offensive.abroad": "La frappe vient {target_de}, depuis l'autre côté de la "
        "frontière. Lancer aujourd'hui une offensive de {days} contre ce groupe sur votre sol "
        "(un ratissage jusqu'à la frontière), attendre une semaine ou renoncer ? Le délai se "
        "referme le {closes}.",
        "q.concession": "{Threatener} vous menace d'une intervention armée (échéance : "
        "{deadline}). Céder, ou tenir tête une semaine de plus ?",
        "q.decision": "Les membres {body_de} ont voté {rule}, au titre {clause_de}, sur "
        "{action} dans la crise {victim_de}. La décision de la Conférence vous revient : "
        "{body} agit-elle ?",
        "c.decision.yes": "Oui : elle agit",
        "c.decision.no": "Non : elle n'agit pas",
        "o.decision.yes": "elle agit",
        "o.decision.no": "elle n'agit pas",
        "about.decision": "sa décision sur la crise {other_de}",
        "t.votes_for": "Votes des membres pour",
        "t.inclination": "Inclination moyenne des membres",
        "q.vote": "{Body} se prononce {rule}, au titre {clause_de}, sur {action} dans la crise "
        "{victim_de}. Quel est votre vote ?",
        "rule.unanimity": "à l'unanimité",
        "rule.majority": "à la majorité",
        "rule.two_thirds": "à la majorité des deux tiers",
        "rule.consensus": "par consensus",
        "c.yes": "Voter pour",
        "c.no": "Voter contre",
        "q.pledge": "{Body} menace{body_nt} {target} d'une intervention armée (échéance : "
        "{deadline}) sans désigner de contributeurs. Engagez-vous des troupes ?",
        "c.pledge.yes": "Engager des troupes",
        "c.pledge.no": "Refuser",
        "o.pledge.yes": "engager des troupes",
        "o.pledge.no": "refuser",
        "about.pledge": "l'envoi de troupes contre {other}",
        "c.honour": "Honorer",
        "c.honour.permitted": "L'apporter",
        "c.abstain.permitted": "Refuser",
        "c.partial": "Aide non militaire seulement",
        "c.abstain": "S'abstenir",
        "c.attack": "Attaquer",
        "c.attack.offensive": "Lancer l'offensive",
        "c.attack.retaliation": "Répondre par la guerre",
        "c.wait": "Attendre une semaine",
        "c.stand_down": "Renoncer",
        "c.concede": "Céder",
        "c.defy": "Tenir tête",
        "a.consult": "une consultation",
        "a.sanctions": "des sanctions contre l'agresseur",
        "a.non_military": "une aide non militaire",
        "a.support": "un appui au combat",
        "a.armed_assistance": "une assistance armée",
        "a.intervene": "une intervention armée",
        "t.resolve": "votre détermination",
        "t.affinity": "proximité avec la victime (régime, alliances)",
        "t.capacity": "votre capacité face à l'ennemi",
        "t.expected cost": "risque d'être dans le camp perdant",
        "t.insurgency at home": "pression insurrectionnelle intérieure",
        "t.reputation": "votre constance à tenir vos engagements",
        "t.own": "votre puissance",
        "t.opposition": "opposition attendue",
        "t.balance": "rapport de forces",
        "t.required": "supériorité recherchée",
        "t.losses": "pertes attendues",
        "t.junta": "régime militaire : votre puissance comptée",
        "t.threat_forces": "forces que {threatener} peut engager",
        "t.home_defence": "votre défense du territoire",
        "t.ally_help": "aide que {threatener} attend {ally_de}",
        "t.their_balance": "rapport de forces, le sien au vôtre",
        "t.their_required": "supériorité que {threatener} recherche",
        "t.readiness": "disposition {threatener_de} à attaquer (crédibilité de la menace)",
        "t.partners": "partenaires d'armes, dont l'accord est nécessaire pour céder",
    },
}

LANGS = ("en", "fr")


def word(key: str, lang: str, **values: object) -> str:
    """A word of the class pages in ``lang``, with ``values`` filled in, typeset."""
    return typeset(template(key, lang).format(**values), lang)


def template(key: str, lang: str) -> str:
    """A word of the class pages in ``lang`` with its placeholders (the script fills them)."""
    return WORDS[lang if lang in WORDS else "en"][key]


def decimal(value: float, lang: str, digits: int = 2) -> str:
    """``0.62`` / ``0,62``."""
    return i18n.decimal(value, lang, digits)


def role_name(role: str, lang: str, organisations: frozenset[str] | set[str] = frozenset()) -> str:
    """A role as the pages name it: "Mali (head of state)", "ECOWAS (Authority of...)"."""
    if role == "observer":
        return word("observer", lang)
    key = "authority" if role in organisations else "head_of_state"
    return word(key, lang, name=i18n.actor_name(role, lang))
