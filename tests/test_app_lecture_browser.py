"""End to end: what a lecturer clicks through in a class, in real headless Debian chromium.

The app of ``sahelsim teach`` (the fixtures and helpers of ``test_app_browser``), clicked as a
lecturer does in a 50-minute class: an ensemble shown in the presenter view and back, a seed
typed wrong, the language switched mid-run. Skipped when playwright or Debian's chromium is
missing.
"""

from __future__ import annotations

import shutil

import pytest
from conftest import CHROMIUM, CHROMIUM_FLAGS

pytest.importorskip("solara")
sync_api = pytest.importorskip("playwright.sync_api")

from test_app_browser import (  # noqa: E402
    ENGLISH,
    PLAY_BUTTONS,
    PROJECTORS,
    WAIT,
    XGA,
    assert_in_view,
    assert_no_error,
    bad_spacing,
    choose,
    click,
    open_app,
    present,
    run_small_ensemble,
    serve_app,
    step_weeks,
    story,
    wait_mark,
)

FLAGSHIP = "niger-2023-intervention"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is not installed"),
]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """The app opened on the flagship scenario: its address and its log file."""
    yield from serve_app(tmp_path_factory, FLAGSHIP)


@pytest.fixture(scope="module")
def chromium():
    """Debian's chromium, headless, for the whole module."""
    with sync_api.sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def back_to_controls(page, button: str = "Controls") -> None:
    """Leave the presenter view by ``button``; wait until the sidebar has slid back in."""
    click(page, button)
    page.wait_for_function(
        "() => document.querySelector('.v-navigation-drawer button')"
        " && getComputedStyle(document.querySelector('main')).paddingLeft === '400px'",
        timeout=WAIT,
    )


def replicates_at(page, n: int) -> None:
    """Set the ensemble's Replicates slider to ``n`` from the keyboard (10 at Home, steps of 10)."""
    thumb = page.locator(".v-input__slider", has_text="Replicates")
    thumb.locator(".v-slider__thumb-container").focus()
    page.keyboard.press("Home")
    for _ in range((n - 10) // 10):
        page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "n => [...document.querySelectorAll('.v-input__slider')].some(s =>"
        " s.textContent.includes('Replicates') && s.querySelector("
        "'.v-slider__thumb-container').getAttribute('aria-valuenow') === String(n))",
        arg=n,
        timeout=WAIT,
    )


def test_the_ensemble_stays_through_the_presenter_view(app, chromium):
    # The lecturer ran an ensemble, showed the presenter view, came back: the results were
    # gone, and had to be run again. One asked for just before the presenter view went too.
    page = open_app(chromium, app[0], PROJECTORS[0])
    run_small_ensemble(page)
    caption = page.get_by_text("10 replicates of “")
    present(page)
    back_to_controls(page)
    page.get_by_text("10 replicates done", exact=True).wait_for(timeout=WAIT)
    assert caption.count() == 1
    chart = page.locator("main img.sahel-ensemble").first
    assert chart.evaluate("i => i.complete && i.naturalWidth") > 0
    # asked for, then straight to the projector: it runs on there, and is there on return,
    # the first one below it to compare with
    replicates_at(page, 20)
    click(page, "Run ensemble")
    present(page)
    back_to_controls(page)
    page.get_by_text("20 replicates done", exact=True).wait_for(timeout=WAIT)
    assert page.get_by_text("20 replicates of “").count() == 1
    page.get_by_text("The ensemble before (to compare)").click()
    caption.wait_for(timeout=WAIT)
    assert_no_error(page)
    page.close()


def seed_message(page) -> str:
    """What the seed field says under it ("" when it says nothing)."""
    return page.evaluate(
        "() => { const m = document.querySelector('.sahel-seed .v-messages');"
        " return m ? m.innerText.trim() : ''; }"
    )


def wait_seed_message(page, condition: str) -> str:
    """Wait until the seed field's message ``m`` satisfies the JavaScript ``condition``."""
    page.wait_for_function(
        "() => { const e = document.querySelector('.sahel-seed .v-messages');"
        f" const m = e ? e.innerText.trim() : ''; return {condition}; }}",
        timeout=WAIT,
    )
    return seed_message(page)


def test_a_seed_that_is_none_is_refused_where_it_is_typed(app, chromium):
    # A negative seed (or text, or one past the largest) was taken as typed and failed only at
    # Reset, with "Something went wrong: ValueError" over the run.
    from sim.present.app.live import defaults_for
    from sim.present.narrative import render_text
    from sim.run.posterior import drawn_by_default
    from sim.run.replicate import run_one
    from sim.scenario.loading import load_scenario

    page = open_app(chromium, app[0], PROJECTORS[0])
    step_weeks(page, 1)
    seed = page.get_by_label("Seed")
    shown = defaults_for(FLAGSHIP).seed
    expected = (
        "Expected a whole number from 0 to 9,223,372,036,854,775,807; "
        f"the next Reset takes seed {shown}."
    )
    for typed in ("-5", "seven", "9223372036854775808"):
        seed.fill(typed)
        assert wait_seed_message(page, "m !== ''") == expected, typed
        assert page.locator(".sahel-problem").count() == 0
        assert wait_mark(page, "true")["day"] == 7  # the run on screen is still there
    click(page, "Reset")  # on the seed it had
    wait_mark(page, "m.day === -1")
    step_weeks(page, 1)
    assert page.locator(".sahel-problem").count() == 0
    # in French, the same refusal in French, spaced the French way
    click(page, "Français")
    french = wait_seed_message(page, "m.startsWith('Attendu')")
    assert french == (
        "Attendu\u00a0: un nombre entier de 0 à 9\u202f223\u202f372\u202f036\u202f854\u202f775"
        f"\u202f807\u202f; la prochaine réinitialisation prend la graine {shown}."
    )
    assert ENGLISH.findall(french) == [] and bad_spacing(french) == []
    # a seed it takes: the message goes, and Reset runs that seed's replicate
    page.get_by_label("Graine").fill("7")
    wait_seed_message(page, "m === ''")
    click(page, "English")
    click(page, "Reset")
    wait_mark(page, "m.day === -1")
    step_weeks(page, 2)
    told = render_text(run_one(drawn_by_default(load_scenario(FLAGSHIP), 7), 7), "en")
    shown_story = story(page)
    assert len(shown_story) >= 2 and shown_story == told.splitlines()[: len(shown_story)]
    assert_no_error(page)
    page.close()


@pytest.mark.parametrize("viewport", [XGA, PROJECTORS[0]], ids=["1024x768", "1280x800"])
def test_the_presenter_view_opens_at_its_top(app, chromium, viewport):
    # A lecturer scrolled the main view down to the story, pressed Presenter view in the
    # sidebar, and the presenter opened scrolled down as far: the title, the buttons and the
    # day above the window.
    page = open_app(chromium, app[0], viewport)
    step_weeks(page, 2)
    page.mouse.move(viewport["width"] - 200, viewport["height"] - 200)  # over the main view
    page.mouse.wheel(0, 300)
    page.wait_for_function(
        "() => [...document.querySelectorAll('main *')].some(e => e.scrollTop > 0)",
        timeout=WAIT,
    )
    present(page)
    page.locator(".sahel-presenter img").first.wait_for(timeout=WAIT)
    for part in (".sahel-presenter-title", ".sahel-presenter .sahel-day", ".sahel-presenter img"):
        assert_in_view(page, part)
    assert page.get_by_role("button", name="Step", exact=True).is_visible()
    assert_no_error(page)
    page.close()


BUTTON_LOOKS = """names => Object.fromEntries([...document.querySelectorAll('button')]
  .filter(b => names.includes(b.textContent.trim()))
  .map(b => [b.textContent.trim(), [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]]))"""
"""Each named button's text colour and background colour."""


def test_play_greyed_out_at_the_end_looks_as_step_does(app, chromium):
    # At the end of a run Step and Play are greyed out; Play, white on the page once greyed,
    # left a gap between Step a week and Reset, as if the button had gone.
    page = open_app(chromium, app[0], XGA)
    choose(page, "Scenario or lesson", "Lesson 5 - ")  # 90 days: three ticks of 30
    page.locator("h1", has_text="Lesson 5").wait_for(timeout=WAIT)
    wait_mark(page, "m.day === -1 && !m.playing")
    click(page, "30")
    click(page, "Play")
    wait_mark(page, "!m.playing && m.day === 90")
    page.wait_for_function(
        "() => [...document.querySelectorAll('button')]"
        ".some(b => b.textContent.trim() === 'Play' && b.disabled)",
        timeout=WAIT,
    )
    looks = page.evaluate(BUTTON_LOOKS, PLAY_BUTTONS["English"])
    assert looks["Play"] == looks["Step"], looks
    assert looks["Reset"] != looks["Step"], looks  # Reset still stands out, to be clicked
    assert_no_error(page)
    page.close()
