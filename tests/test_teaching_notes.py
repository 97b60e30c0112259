"""A lesson's *What is it?*, read aloud before its *predict* question, does not answer it.

docs/teaching.md has the lecturer read a lesson's *What is it?* to the class at minute 0, then
ask the *predict* question and have students write a number down. A teacher found Lesson 1's
text giving the number they were about to predict ("it attacks in about one replicate in seven
with them and one in two without"): the answers belong to *Discuss* and to the guide's debrief.
An answer to "how many replicates out of 100" is a share, so the rule checked here is that the
text read first quotes no share and no count of replicates, in either language.
"""

from __future__ import annotations

import re

import pytest

from sim.scenario.loading import bundled_names, load_scenario

LESSONS = [name for name in bundled_names() if name.startswith("lesson-")]

_EN = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
_FR = r"(?:une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d+)"
SHARES = [
    re.compile(r"\d\s*%"),  # 15 %, 48 % of 457
    re.compile(rf"\b{_EN}\s+(?:\w+\s+){{0,2}}in\s+{_EN}\b", re.I),  # one replicate in seven
    re.compile(r"\b\d+\s+of\s+\d+\b", re.I),  # 16 of 28
    re.compile(rf"\b{_FR}\s+(?:\w+\s+){{0,2}}sur\s+{_FR}\b", re.I),  # une réplication sur sept
    re.compile(r"\bréplications?\b|\breplicates?\b", re.I),  # the model's runs
]
"""How a text gives away a share: a percentage, "N in M" or "N sur M", or the model's runs."""


def shares_in(text: str) -> list[str]:
    """The pieces of ``text`` that quote a share or the model's replicates."""
    return [m.group(0) for pattern in SHARES for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", LESSONS)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_what_is_it_does_not_answer_the_prediction(name, lang):
    notes = load_scenario(name).teaching.in_language(lang)
    assert notes.predict, f"{name} asks no prediction"
    assert shares_in(notes.what_is_it) == [], (
        f"{name} ({lang}): What is it?, read before the prediction, quotes "
        f"{shares_in(notes.what_is_it)}; move the answer to Discuss"
    )


def test_the_rule_finds_the_answers_a_teacher_found():
    """The texts of Lessons 1, 5 and 6 before they were moved, in both languages."""
    answered = [
        "it attacks in about one replicate in seven with them and one in two without",
        "gave it (nearly 6 times in 10 in sub-Saharan Africa, 1960-2012)",
        "the model gives it the record's rate, 48 % of 457 attempts from 1950 to 2010",
        "elle attaque dans environ une réplication sur sept avec eux, une sur deux sans eux",
        "l'ont apportée (près de six fois sur dix en Afrique subsaharienne)",
        "about three in four commitments are honoured",
    ]
    assert all(shares_in(text) for text in answered)
    kept = [
        "This lesson takes the low figure, 20,000.",
        "Mali, Burkina Faso and Niger (the Liptako-Gourma Charter of 2023) fight two wars at once",
        "Cette leçon retient le chiffre bas, 20 000.",
        "Le 10 janvier 2013, des combattants jihadistes prennent Konna",
    ]
    assert not any(shares_in(text) for text in kept)


def test_the_answers_are_still_given_after_the_prediction():
    """Moved, not dropped: Lesson 1's Discuss gives the shares the class predicted."""
    for lang, words in (("en", "one replicate in seven"), ("fr", "une réplication sur sept")):
        discuss = load_scenario("lesson-1-does-the-pledge-deter").teaching.in_language(lang).discuss
        assert any(words in item for item in discuss)
