"""The classroom page's words in English and French.

Every word the page shows that is not the model's (the narrative's words are in
:mod:`sim.present.catalogue`) is here once per language, so that the two stay whole together;
French is typeset by :func:`sim.present.french.typeset`.
"""

from __future__ import annotations

from sim.present.french import typeset

UI: dict[str, dict[str, str]] = {
    "en": {
        "app": "sahelsim - mutual defence in the Sahel",
        "not_forecast": "For teaching and exploration. Not a forecast.",
        "scenario": "Scenario or lesson",
        "language": "Language",
        "run": "Run",
        "step": "Step",
        "step_week": "Step a week",
        "play": "Play",
        "pause": "Pause",
        "reset": "Reset",
        "seed": "Seed",
        "seed_refused": "Expected a whole number from 0 to {most}; the next Reset takes seed "
        "{seed}.",
        "speed": "Days per tick",
        "apply": "Changed controls apply at the next Reset.",
        "parameters": "Model parameters",
        "parameters_hint": "Each run draws the parameters fitted to past crises, so its story may "
        "cite other values than these; a value you move is kept.",
        "commitment": "Strict commitment (every obligation honoured, every permitted measure taken)",
        "pacts": "Pacts in play",
        "actors": "Actors",
        "actor": "Actor",
        "side_by_side": "Side by side",
        "variant": "Right-hand variant",
        "no_pacts": "all pacts switched off",
        "no_aes_pacts": "the pacts between Mali, Burkina Faso and Niger switched off",
        "other_mode": "{mode} commitment (the other mode)",
        "without": "without",
        "not_started": "Not started: press Step or Play.",
        "day": "Day",
        "no_armed_groups": "No armed group in this scenario",
        "of": "of",
        "finished": "finished",
        "map": "Map",
        "series": "Time series",
        "narrative": "What happened",
        "notes": "Teaching notes",
        "what_is_it": "What is it?",
        "things_to_notice": "Things to notice",
        "things_to_try": "Things to try",
        "discuss": "Discuss",
        "predict": "Predict before you run",
        "ensemble": "Ensemble",
        "replicates": "Replicates",
        "run_ensemble": "Run ensemble",
        "previous_ensemble": "The ensemble before (to compare)",
        "cancel": "Cancel",
        "progress": "replicates done",
        "ensemble_hint": "Runs the current settings (as at the last Reset) in the background.",
        "left": "As set",
        "right": "Variant",
        "left_heading": "Left, as set: {mode} commitment, {pacts} of {total} pacts on",
        "right_heading": "Right, the variant: {variant}, {pacts} of {total} pacts on",
        "pacts_off": " (off: {names})",
        "aes_pacts": "the pacts between Mali, Burkina Faso and Niger",
        "ensemble_of": (
            "{n} replicates of \u201c{title}\u201d from seed {seed}, as at the last Reset: "
            "{mode} commitment; pacts on: {pacts} of {total}{off}; values changed: {changed}. "
            "Each replicate draws its parameters from those fitted to past crises; a value "
            "moved on this page is kept."
        ),
        "strict": "strict",
        "behavioural": "behavioural",
        "details": "details",
        "reason": "What weighed most in {whose} choice: {term}, {direction}{anyway}.",
        "in_favour": "for honouring",
        "against": "against honouring",
        "abstained_anyway": "; the other terms and the draw went the other way, and it abstained",
        "honoured_anyway": "; the other terms and the draw went the other way, and it honoured "
        "the obligation",
        "in_favour.permission": "for taking the measure",
        "against.permission": "against taking the measure",
        "abstained_anyway.permission": "; the other terms and the draw went the other way, and it "
        "did not take it",
        "honoured_anyway.permission": "; the other terms and the draw went the other way, and it "
        "took the measure",
        "in_favour.request": "for helping",
        "against.request": "against helping",
        "abstained_anyway.request": "; the other terms and the draw went the other way, and it "
        "declined",
        "honoured_anyway.request": "; the other terms and the draw went the other way, and it gave "
        "the help asked",
        "presenter": "Presenter view",
        "controls": "Controls",
        "error": "Something went wrong",
        "error_elsewhere": "Something went wrong; the details are in the terminal that runs "
        "sahelsim teach.",
        "dismiss": "Dismiss",
    },
    "fr": {
        "app": "sahelsim - la défense mutuelle au Sahel",
        "not_forecast": "Pour l'enseignement et l'exploration. Ce n'est pas une prévision.",
        "scenario": "Scénario ou leçon",
        "language": "Langue",
        "run": "Simulation",
        "step": "Un pas",
        "step_week": "Avancer d'une semaine",  # as the class page says it
        "play": "Lecture",
        "pause": "Pause",
        "reset": "Réinitialiser",
        "seed": "Graine",
        "seed_refused": "Attendu : un nombre entier de 0 à {most} ; la prochaine "
        "réinitialisation prend la graine {seed}.",
        "speed": "Jours par pas",
        "apply": "Les réglages modifiés s'appliquent à la prochaine réinitialisation.",
        "parameters": "Paramètres du modèle",
        "parameters_hint": "Chaque exécution tire les paramètres calés sur les crises passées : "
        "son récit peut donc citer d'autres valeurs que celles-ci ; une valeur que vous modifiez "
        "est gardée.",
        "commitment": "Engagement strict (toute obligation honorée, toute faculté exercée)",
        "pacts": "Pactes en vigueur",
        "actors": "Acteurs",
        "actor": "Acteur",
        "side_by_side": "Côte à côte",
        "variant": "Variante de droite",
        "no_pacts": "tous les pactes désactivés",
        "no_aes_pacts": "les pactes entre le Mali, le Burkina Faso et le Niger désactivés",
        "other_mode": "engagement {mode} (l'autre mode)",
        "without": "sans",
        "not_started": "Pas commencé : appuyez sur Un pas ou Lecture.",
        "day": "Jour",
        "no_armed_groups": "Aucun groupe armé dans ce scénario",
        "of": "sur",
        "finished": "terminé",
        "map": "Carte",
        "series": "Séries temporelles",
        "narrative": "Ce qui s'est passé",
        "notes": "Notes pédagogiques",
        "what_is_it": "De quoi s'agit-il ?",
        "things_to_notice": "À remarquer",
        "things_to_try": "À essayer",
        "discuss": "À discuter",
        "predict": "Prédisez avant de lancer",
        "ensemble": "Ensemble de réplications",
        "replicates": "Réplications",
        "run_ensemble": "Lancer l'ensemble",
        "previous_ensemble": "L'ensemble précédent (pour comparer)",
        "cancel": "Annuler",
        "progress": "réplications faites",
        "ensemble_hint": "Simule les réglages courants (ceux de la dernière réinitialisation) en arrière-plan.",
        "left": "Réglages",
        "right": "Variante",
        "left_heading": "À gauche, tel que réglé\u00a0: engagement {mode}, pactes en vigueur\u00a0: {pacts}\u00a0sur\u00a0{total}",
        "right_heading": "À droite, la variante\u00a0: {variant}, pactes en vigueur\u00a0: {pacts}\u00a0sur\u00a0{total}",
        "pacts_off": " (désactivés\u00a0: {names})",
        "aes_pacts": "les pactes entre le Mali, le Burkina Faso et le Niger",
        "ensemble_of": (
            "{n} réplications de \u00ab\u00a0{title}\u00a0\u00bb à partir de la graine {seed}, "
            "réglages de la dernière réinitialisation\u00a0: engagement {mode}\u00a0; pactes en "
            "vigueur\u00a0: {pacts}\u00a0sur\u00a0{total}{off}\u00a0; valeurs modifiées\u00a0: "
            "{changed}. "
            "Chaque réplication tire ses paramètres parmi ceux calés sur les crises passées\u00a0; "
            "une valeur modifiée sur cette page est gardée."
        ),
        "strict": "strict",
        "behavioural": "comportemental",
        "details": "détails",
        "reason": "Ce qui a le plus pesé dans le choix {whose} : {term}, {direction}{anyway}.",
        "in_favour": "pour honorer l'engagement",
        "against": "contre l'engagement",
        "abstained_anyway": " ; les autres termes et le tirage ont joué en sens inverse, et "
        "l'abstention l'a emporté",
        "honoured_anyway": " ; les autres termes et le tirage ont joué en sens inverse, et "
        "l'engagement a été honoré",
        "in_favour.permission": "en faveur de la mesure",
        "against.permission": "contre la mesure",
        "abstained_anyway.permission": " ; les autres termes et le tirage ont joué en sens "
        "inverse, et la mesure n'a pas été prise",
        "honoured_anyway.permission": " ; les autres termes et le tirage ont joué en sens "
        "inverse, et la mesure a été prise",
        "in_favour.request": "en faveur de l'aide",
        "against.request": "contre l'aide",
        "abstained_anyway.request": " ; les autres termes et le tirage ont joué en sens inverse, "
        "et la demande a été refusée",
        "honoured_anyway.request": " ; les autres termes et le tirage ont joué en sens inverse, "
        "et l'aide demandée a été accordée",
        "presenter": "Vue de projection",
        "controls": "Réglages",
        "error": "Un problème est survenu",
        "error_elsewhere": "Un problème est survenu ; les détails sont dans le terminal où "
        "tourne sahelsim teach.",
        "dismiss": "Fermer",
    },
}


def ui(key: str, lang: str) -> str:
    """A word of the interface in ``lang``."""
    return typeset(UI[lang][key], lang)
