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
    PROJECTORS,
    WAIT,
    assert_no_error,
    click,
    open_app,
    present,
    run_small_ensemble,
    serve_app,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is not installed"),
]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """The app opened on the flagship scenario: its address and its log file."""
    yield from serve_app(tmp_path_factory, "niger-2023-intervention")


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
