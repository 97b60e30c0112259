"""`sahelsim explain`: the story of one replicate, in English or French."""

from __future__ import annotations

import pytest


def test_explain_tells_the_flagship_story_in_english_and_french(sahelsim):
    english = sahelsim(
        "explain", "niger-2023-intervention", "--seed", "1", "--set", "commitment=strict"
    )
    assert english.status == 0
    assert (
        "Mali entered the war on Niger's side under Art. 6 of the Liptako-Gourma Charter"
        in english.out
    )
    assert "not a forecast" in english.out
    french = sahelsim("explain", "--seed", "1", "--set", "commitment=strict", "--lang", "fr")
    assert french.status == 0
    assert "Le Mali entre en guerre aux côtés du Niger, au titre de l'art. 6" in french.out


def test_explain_needs_a_seed_and_a_valid_language(sahelsim):
    assert sahelsim("explain", "gambia-2017").status == 2
    result = sahelsim("explain", "gambia-2017", "--seed", "1", "--lang", "wo")
    assert result.status == 2 and "Invalid value for '--lang'" in result.err


def test_explain_in_french_opens_with_the_french_title(sahelsim):
    result = sahelsim("explain", "niger-2023-base", "--seed", "1", "--lang", "fr")
    assert result.status == 0
    first = result.out.splitlines()[0]
    assert "« Le Niger, août 2023 - la CEDEAO menace d'employer la force »" in first


@pytest.mark.parametrize(
    "command, slip, meant",
    [
        (("explain", "--seed", "1"), "liberia-199", "liberia-1990"),
        (("backtest", "-n", "2"), "gambia-2017-ultimatm", "gambia-2017-ultimatum"),
    ],
)
def test_a_slip_in_an_episode_s_name_is_answered_with_the_episode(sahelsim, command, slip, meant):
    """History and held-out episodes are found by name, so a slip in one is offered the
    episode: 'liberia-199' got no suggestion, and the backtest offered gambia-2017, which
    has nothing observed to score."""
    args = (*command, slip) if command[0] == "explain" else (*command, "--episodes", slip)
    result = sahelsim(*args)
    assert result.status == 2 and "Traceback" not in result.err
    assert f"did you mean {meant!r}?" in result.err
