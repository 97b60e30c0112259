"""End to end: the classroom app in real headless Debian chromium, with the network cut.

The server runs on a free localhost port; every browser request not to 127.0.0.1 is aborted
and recorded. Needs ``playwright`` (the Python package only: no browser is downloaded) and
Debian's ``chromium`` at ``/usr/bin/chromium``; skipped when either is missing.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import time
import urllib.request

import psutil
import pytest
from class_client import PORT_TRIES, free_port
from conftest import CHROMIUM, CHROMIUM_FLAGS, civil_war_text

pytest.importorskip("solara")
sync_api = pytest.importorskip("playwright.sync_api")

from sim.present.app import server_command, server_env  # noqa: E402

FLAGS = CHROMIUM_FLAGS
LOCAL = ("http://127.0.0.1:", "ws://127.0.0.1:", "data:", "blob:")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is not installed"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app opened on a bundled scenario: its address and its log file."""
    yield from serve_app(tmp_path_factory, "niger-2023-intervention")


FILE_TITLE = ("A civil war", "Une guerre civile")
"""The English and French titles of the scenario file of :func:`file_server`."""


@pytest.fixture(scope="module")
def scenario_file(tmp_path_factory):
    """The scenario file :func:`file_server` opens."""
    path = tmp_path_factory.mktemp("scenario") / "my-war.yaml"
    path.write_text(f"title_fr: {FILE_TITLE[1]}\n{civil_war_text()}")
    return path


@pytest.fixture(scope="module")
def file_server(tmp_path_factory, scenario_file):
    """The app opened on a scenario file, as ``sahelsim teach my-war.yaml`` opens it."""
    yield from serve_app(tmp_path_factory, str(scenario_file))


def serve_app(tmp_path_factory, scenario: str):
    """``solara run`` on the app opened on ``scenario``, on a free port; yields its address and
    its log file."""
    log = tmp_path_factory.mktemp("server") / "solara.log"
    for _ in range(PORT_TRIES):
        proc, url = start_app(log, scenario)
        if proc.poll() is None or "address already in use" not in log.read_text():
            break
    if proc.poll() is not None:
        pytest.fail(f"the app did not start: {log.read_text()}")
    yield url, log
    proc.terminate()
    proc.wait(timeout=20)


def start_app(log, scenario: str) -> tuple[subprocess.Popen, str]:
    """Start the app on a free port; return once it serves there, or once it has stopped.

    Another process (a Dask worker of a parallel test) may take the port between our choice and
    the server's bind: the server then stops, and the caller tries another port. Serving is
    checked on this very process's socket, so a stranger's server on the port is never taken
    for ours.
    """
    port = free_port()
    # The very command and environment that `sahelsim teach` starts.
    env = server_env(scenario, "en")
    with log.open("w") as out:
        proc = subprocess.Popen(server_command(port), env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        if listens(proc.pid, port):
            try:
                urllib.request.urlopen(url, timeout=2).close()
                return proc, url
            except OSError:
                pass
        time.sleep(0.5)
    proc.terminate()
    proc.wait(timeout=20)
    return proc, url


def listens(pid: int, port: int) -> bool:
    """Whether process ``pid`` listens on ``port``."""
    try:
        sockets = psutil.Process(pid).net_connections(kind="tcp")
    except psutil.NoSuchProcess:
        return False
    return any(s.status == psutil.CONN_LISTEN and s.laddr.port == port for s in sockets)


PROJECTORS = [{"width": 1280, "height": 800}, {"width": 1920, "height": 1080}]
"""The sizes a lecturer projects at."""
XGA = {"width": 1024, "height": 768}
"""An older projector's size."""
WAIT = 90_000  # ms: a generous bound on a busy machine; no assertion is about time
BROKEN = ("Traceback", "Too many renders", "Something went wrong", "Un problème est survenu")


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium, headless, for the whole module."""
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


def open_app(browser, url: str, viewport: dict, outside: list[str] | None = None):
    """A new browser session on the app at ``viewport``; requests leaving 127.0.0.1 abort."""
    seen = [] if outside is None else outside

    def only_local(route):
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            seen.append(route.request.url)
            route.abort()

    page = browser.new_page(viewport=viewport)
    page.route("**/*", only_local)
    page.goto(url, timeout=WAIT)
    page.get_by_role("button", name="Step", exact=True).wait_for(timeout=WAIT)
    page.locator(".sahel-day").first.wait_for(timeout=WAIT)
    return page


def mark(page) -> dict:
    """What the first run's day mark shows: its day, its frame and whether Play is on."""
    return page.evaluate(
        "() => { const m = document.querySelector('.sahel-day');"
        " return {day: +m.dataset.day, frame: +m.dataset.frame,"
        " playing: m.dataset.playing === 'true', text: m.textContent}; }"
    )


def wait_mark(page, condition: str) -> dict:
    """Wait until the day mark ``m`` satisfies the JavaScript ``condition``; return it."""
    try:
        page.wait_for_function(
            "() => { const e = document.querySelector('.sahel-day'); if (!e) return false;"
            " const m = {day: +e.dataset.day, frame: +e.dataset.frame,"
            f" playing: e.dataset.playing === 'true'}}; return {condition}; }}",
            timeout=WAIT,
        )
    except sync_api.TimeoutError:  # say what the page showed instead
        shown = page.evaluate(
            "() => ({marks: [...document.querySelectorAll('.sahel-day')].map(e =>"
            " ({...e.dataset, text: e.textContent})),"
            " title: document.querySelector('h1')?.textContent,"
            " top: document.querySelector('main')?.innerText.slice(0, 300)})"
        )
        pytest.fail(f"waited for {condition}; the page showed {shown}")
    return mark(page)


def click(page, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).click()


def present(page, button: str = "Presenter view") -> None:
    """Click ``button`` and wait until the presenter view has replaced the sidebar.

    Under load the presenter can reach the page a moment before the sidebar leaves it, and
    for that moment each play control is there twice. Then the main area slides over the
    sidebar's place, in a quarter of a second: the presenter is measured once it has.
    """
    click(page, button)
    page.locator(".sahel-presenter").wait_for(timeout=WAIT)
    page.wait_for_function(
        "() => !document.querySelector('.v-navigation-drawer button')"
        " && getComputedStyle(document.querySelector('main')).paddingLeft === '0px'",
        timeout=WAIT,
    )


def assert_no_error(page) -> None:
    text = page.inner_text("body")
    assert not any(word in text for word in BROKEN), text[:2000]


@pytest.mark.parametrize("viewport", PROJECTORS, ids=["1280x800", "1920x1080"])
def test_pause_during_play_stops_within_one_tick_at_every_speed(server, browser, viewport):
    url, _log = server
    page = open_app(browser, url, viewport)
    for speed in (1, 7, 30):
        click(page, "Reset")
        wait_mark(page, "m.day === -1 && !m.playing")
        click(page, str(speed))
        click(page, "Play")
        wait_mark(page, f"m.playing && m.day >= {3 * speed}")
        # The day on screen at the very moment of the click, read in the same browser task.
        seen = page.evaluate(
            "() => { const d = +document.querySelector('.sahel-day').dataset.day;"
            " const b = [...document.querySelectorAll('button')]"
            ".find(b => b.textContent.trim() === 'Pause'); b.click(); return d; }"
        )
        stopped = wait_mark(page, "!m.playing")["day"]
        assert seen <= stopped <= seen + speed, (speed, seen, stopped)
        page.get_by_role("button", name="Play", exact=True).wait_for(timeout=WAIT)
        # Stopped for good, and the page still answers: one Step is one more day.
        click(page, "Step")
        wait_mark(page, f"m.day === {stopped + 1}")
        assert_no_error(page)
    page.close()


def test_page_works_offline_in_chromium(server, browser, tmp_path):
    url, log = server
    outside: list[str] = []
    page = open_app(browser, url, {"width": 1600, "height": 1100}, outside)
    step = page.get_by_role("button", name="Step", exact=True)
    # the map (a matplotlib image) and the controls are there
    page.locator("img").first.wait_for(timeout=60_000)
    assert page.get_by_text("Base rate of honouring commitments (probability): 0.75").count() == 1
    assert page.get_by_text("Liptako-Gourma Charter (Alliance of Sahel States)").count() == 1

    step.click()
    page.get_by_text("Day 0 of 365").wait_for(timeout=60_000)
    page.get_by_role("button", name="Step a week").click()
    page.get_by_text("Day 7 of 365").first.wait_for(timeout=60_000)

    # move the first slider with the keyboard, as a user would
    thumb = page.locator(".v-slider__thumb-container").first
    thumb.focus()
    before = thumb.get_attribute("aria-valuenow")
    page.keyboard.press("ArrowLeft")
    page.wait_for_function(
        "b => document.querySelector('.v-slider__thumb-container')"
        ".getAttribute('aria-valuenow') !== b",
        arg=before,
        timeout=30_000,
    )

    page.get_by_role("button", name="Français").click()
    page.get_by_text("Jour 7 sur 365").first.wait_for(timeout=60_000)
    page.get_by_text("Taux de base de respect des engagements (probabilité)").wait_for()
    page.get_by_role("button", name="Un pas").wait_for()
    page.screenshot(path=str(tmp_path / "app-fr.png"), full_page=True)
    page.close()

    assert outside == []
    # the server must not have tried to fetch anything from a CDN on the page's behalf
    assert "Could not load URL" not in log.read_text()


def choose(page, label: str, option: str) -> list[str]:
    """Pick ``option`` in the drop-down labelled ``label``, as a lecturer does with the mouse.

    Returns every entry the drop-down offered.
    """
    page.locator(".v-select", has_text=label).first.click()
    entries = page.locator(".menuable__content__active .v-list-item")
    entries.first.wait_for(timeout=WAIT)
    offered = [text.strip() for text in entries.all_inner_texts()]
    entries.filter(has_text=option).first.click()
    return offered


def picked(page) -> str:
    """The title the sidebar's scenario picker shows chosen ("" when it shows none)."""
    picker = page.locator(".v-navigation-drawer .v-select").first
    return picker.locator(".v-select__selections").inner_text().strip()


def wait_picked(page, title: str) -> str:
    """Wait until the scenario picker shows ``title``; return what it shows."""
    picker = page.locator(".v-navigation-drawer .v-select").first
    picker.locator(".v-select__selection", has_text=title).wait_for(timeout=WAIT)
    return picked(page)


def test_the_picker_shows_the_scenario_file_the_app_was_opened_on(file_server, browser):
    # `sahelsim teach my-war.yaml`: the picker showed nothing, the file being no bundled scenario
    url, _log = file_server
    english, french = FILE_TITLE
    page = open_app(browser, url, PROJECTORS[0])
    page.locator("h1", has_text=english).wait_for(timeout=WAIT)
    assert picked(page) == english
    click(page, "Français")
    page.locator("h1", has_text=french).wait_for(timeout=WAIT)
    assert wait_picked(page, french) == french
    # a lesson is still chosen from it; the file, first, is chosen again
    offered = choose(page, "Scénario ou leçon", "Leçon 1 - ")
    assert offered[0] == french
    page.locator("h1", has_text="Leçon 1").wait_for(timeout=WAIT)
    assert wait_picked(page, "Leçon 1 - ").startswith("Leçon 1 - ")
    wait_mark(page, "m.day === -1")
    choose(page, "Scénario ou leçon", french)
    page.locator("h1", has_text=french).wait_for(timeout=WAIT)
    wait_mark(page, "m.day === -1")
    step_weeks(page, 1, "Avancer d'une semaine")
    assert wait_picked(page, french) == french
    assert_no_error(page)
    page.close()


def slider_values(page) -> dict[str, float]:
    """Every slider on the page: its label (without the value it shows) and the value the
    browser holds, which must be the one its label shows."""
    shown = page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('.v-input__slider')].map(s =>"
        " [s.querySelector('.v-label').textContent.trim(),"
        " +s.querySelector('.v-slider__thumb-container').getAttribute('aria-valuenow')]))"
    )
    held = {}
    for label, value in shown.items():
        written = re.fullmatch(r"(.*\)): (\S+)", label)  # a decimal slider: "... (unit): 0.75"
        if written:
            assert float(written.group(2)) == value, label
            label = written.group(1)
        held[label] = value
    return held


def story(page) -> list[str]:
    """The narrative's paragraphs on the page, in reading order, as ``sahelsim explain`` tells
    them: without the reason in plain words, with the figures behind "details"."""
    return page.evaluate(
        "() => [...document.querySelector('.sahel-narrative').children]"
        ".filter(e => e.matches('p, .sahel-paragraph')).map(e => {"
        " const c = e.cloneNode(true);"
        " c.querySelectorAll('.sahel-reason, summary').forEach(x => x.remove());"
        " return c.textContent.replace(/\\s+/g, ' ').trim(); }).reverse()"
    )


def step_weeks(page, weeks: int, button: str = "Step a week") -> None:
    """Click ``button`` ``weeks`` times, each time until the day and the story have moved on."""
    for _ in range(weeks):
        day = max(mark(page)["day"], 0)  # a run not begun counts from its start day
        click(page, button)
        wait_mark(page, f"m.day === {day + 7}")
        page.wait_for_function(  # the story is another widget: it may come a moment later
            "d => [...document.querySelectorAll('.sahel-story-day')]"
            ".every(e => +e.dataset.day === d)",
            arg=day + 7,
            timeout=WAIT,
        )


LESSON_2 = "lesson-2-strict-vs-behavioural"


def test_reset_with_nothing_changed_replays_the_story_of_sahelsim_explain(server, browser):
    from sim.present.app.live import defaults_for, parameter_label
    from sim.present.narrative import render_text
    from sim.run.posterior import drawn_by_default
    from sim.run.replicate import run_one
    from sim.scenario.loading import load_scenario
    from sim.scenario.parameters import PARAMETERS

    url, _log = server
    page = open_app(browser, url, PROJECTORS[0])
    choose(page, "Scenario or lesson", "Lesson 2 - ")
    wait_mark(page, "m.day === -1")
    declared = defaults_for(LESSON_2)
    held = slider_values(page)
    for name, p in PARAMETERS.items():  # exactly: 0.6, not 0.6004
        assert held[parameter_label(p, "en")] == declared.params[name], name
    step_weeks(page, 10)
    first = story(page)
    # the reasons in plain words; the log-odds behind "details", shown on a click
    narrative = page.locator(".sahel-narrative").first
    assert "What weighed most in Mali's choice" in narrative.inner_text()
    assert "log-odds" not in narrative.inner_text()
    narrative.locator("summary", has_text="details").last.click()
    page.wait_for_function(
        "() => document.querySelector('.sahel-narrative').innerText.includes('log-odds')",
        timeout=WAIT,
    )
    click(page, "Reset")
    wait_mark(page, "m.day === -1")
    assert slider_values(page) == held
    step_weeks(page, 10)
    again = story(page)
    assert again == first
    # What `sahelsim explain` tells of that seed: its draw from the shipped posterior.
    replicate = drawn_by_default(load_scenario(LESSON_2), declared.seed)
    told = render_text(run_one(replicate, declared.seed), "en").splitlines()
    assert len(first) >= 2 and first == told[: len(first)]
    assert_no_error(page)
    page.close()


def test_reset_takes_away_the_error_of_the_run_it_discards(file_server, scenario_file, browser):
    # A Reset met an error (here the lecturer's scenario file, edited during the class, no longer
    # loads); with the file mended, Reset built the run anew and the message stood over it until
    # dismissed, as if the new run had failed too.
    url, _log = file_server
    page = open_app(browser, url, PROJECTORS[0])
    message = page.locator(".sahel-problem")
    written = scenario_file.read_text()
    try:
        scenario_file.write_text(f"{written}\nnot_a_field: 1\n")
        click(page, "Reset")
        message.wait_for(timeout=WAIT)
    finally:
        scenario_file.write_text(written)
    # said as the command line says it, in the page's language: which key, where
    said = message.inner_text()
    assert "Something went wrong: " in said and "not_a_field" in said and "Error" not in said
    step_weeks(page, 1)  # the run shown steps on, and the message stays: no Reset discarded it
    assert message.count() == 1
    click(page, "Reset")
    wait_mark(page, "m.day === -1")
    message.wait_for(state="detached", timeout=WAIT)
    step_weeks(page, 1)
    assert message.count() == 0
    assert_no_error(page)
    page.close()


def run_small_ensemble(page) -> None:
    """Ten replicates (the Replicates slider at its minimum), run to the end."""
    replicates = page.locator(".v-input__slider", has_text="Replicates")
    replicates.locator(".v-slider__thumb-container").focus()
    page.keyboard.press("Home")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.v-input__slider')].some(s =>"
        " s.textContent.includes('Replicates') && s.querySelector("
        "'.v-slider__thumb-container').getAttribute('aria-valuenow') === '10')",
        timeout=WAIT,
    )
    click(page, "Run ensemble")
    page.get_by_text("10 replicates done", exact=True).wait_for(timeout=WAIT)


def test_ensemble_results_say_what_made_them_and_go_at_reset_or_lesson_change(server, browser):
    url, _log = server
    page = open_app(browser, url, PROJECTORS[0])
    choose(page, "Scenario or lesson", "Lesson 4 - ")
    page.get_by_text("Lesson 4").first.wait_for(timeout=WAIT)
    images = page.locator("main img").count()
    run_small_ensemble(page)
    caption = page.get_by_text("10 replicates of “Lesson 4")
    page.locator("main img").nth(images).wait_for(timeout=WAIT)  # the chart, one image more
    assert page.locator("main img").nth(images).evaluate("i => i.naturalWidth") > 0
    assert "from seed 20170119" in caption.inner_text()
    assert "draws its parameters from those fitted to past crises" in caption.inner_text()
    click(page, "Reset")
    page.get_by_text("10 replicates done", exact=True).wait_for(state="detached", timeout=WAIT)
    assert caption.count() == 0
    run_small_ensemble(page)
    choose(page, "Scenario or lesson", "Lesson 1 - ")
    page.get_by_text("10 replicates done", exact=True).wait_for(state="detached", timeout=WAIT)
    assert page.get_by_text("replicates of “Lesson 4").count() == 0
    assert_no_error(page)
    page.close()


def test_the_ensemble_before_is_never_another_lessons(server, browser):
    # Lesson 4's two ensembles, then Lesson 1 and Reset: "the ensemble before" still showed
    # Lesson 4's replicates under Lesson 1, its caption the only sign of it; and Lesson 1's
    # first ensemble took Lesson 4's last as the one before it.
    url, _log = server
    page = open_app(browser, url, PROJECTORS[0])
    choose(page, "Scenario or lesson", "Lesson 4 - ")
    page.locator("h1", has_text="Lesson 4").wait_for(timeout=WAIT)
    run_small_ensemble(page)
    run_small_ensemble(page)  # its wait may end on the first one's "done": wait for both
    before = page.get_by_text("The ensemble before (to compare)")
    before.wait_for(timeout=WAIT)  # Lesson 4's first, to compare with its second
    page.get_by_text("10 replicates done", exact=True).wait_for(timeout=WAIT)
    other_lesson = page.get_by_text("replicates of “Lesson 4")
    choose(page, "Scenario or lesson", "Lesson 1 - ")
    page.locator("h1", has_text="Lesson 1").wait_for(timeout=WAIT)
    click(page, "Reset")
    wait_mark(page, "m.day === -1")
    page.get_by_text("10 replicates done", exact=True).wait_for(state="detached", timeout=WAIT)
    assert (before.count(), other_lesson.count()) == (0, 0)
    run_small_ensemble(page)  # Lesson 1's first
    page.get_by_text("10 replicates of “Lesson 1").wait_for(timeout=WAIT)
    assert (before.count(), other_lesson.count()) == (0, 0)
    run_small_ensemble(page)  # and its second: the first is the one before
    before.click()  # unfolded
    page.get_by_text("10 replicates of “Lesson 1").nth(1).wait_for(timeout=WAIT)
    assert other_lesson.count() == 0
    assert_no_error(page)
    page.close()


@pytest.mark.parametrize("viewport", PROJECTORS, ids=["1280x800", "1920x1080"])
def test_the_ensemble_before_is_drawn_at_the_size_of_the_one_after(server, browser, viewport):
    # A lecturer compares the two one above the other, on one scale of war lengths: the one
    # before, folded under its own heading, was drawn narrower at 1280 pixels.
    url, _log = server
    page = open_app(browser, url, viewport)
    run_small_ensemble(page)
    run_small_ensemble(page)
    page.get_by_text("The ensemble before (to compare)").click()
    figures = page.locator("main img.sahel-ensemble")
    figures.nth(1).wait_for(timeout=WAIT)
    page.wait_for_function(
        "() => [...document.querySelectorAll('main img.sahel-ensemble')]"
        ".every(i => i.complete && i.getBoundingClientRect().width > 0)",
        timeout=WAIT,
    )
    boxes = [figures.nth(i).evaluate("i => i.getBoundingClientRect().toJSON()") for i in (0, 1)]
    assert abs(boxes[0]["width"] - boxes[1]["width"]) <= 1, boxes
    assert abs(boxes[0]["left"] - boxes[1]["left"]) <= 1, boxes  # one above the other
    assert_no_error(page)
    page.close()


OVERLAPS = """
() => {
  // as a lecturer sees the page: both columns scrolled to their top, under the fixed bar
  document.querySelectorAll('.v-navigation-drawer__content, main, html')
    .forEach(e => { e.scrollTop = 0; });
  const sel = 'nav, h1, h3, .sahel-predict, .sahel-day, .sahel-narrative, main img, .v-btn, .v-input, .v-label, .v-slider__thumb-container, .v-slider__thumb-label, .v-expansion-panel-header';
  const els = [...document.querySelectorAll(sel)].filter(e => {
    const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && s.opacity !== '0';
  });
  const name = e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').filter(c => c.startsWith('v-') || c.startsWith('sahel')).slice(0,2).join('.') : '') + ' ' + (e.textContent || '').trim().slice(0, 30);
  const out = [];
  for (let i = 0; i < els.length; i++) for (let j = i + 1; j < els.length; j++) {
    const a = els[i], b = els[j];
    if (a.contains(b) || b.contains(a)) continue;
    const r = a.getBoundingClientRect(), q = b.getBoundingClientRect();
    const w = Math.min(r.right, q.right) - Math.max(r.left, q.left);
    const h = Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top);
    if (w > 1 && h > 1) out.push([name(a), name(b), Math.round(w), Math.round(h)]);
  }
  return out;
}
"""
"""Pairs of the page's parts (sidebar, headings, the day, map, story, buttons, controls, their
labels and value bubbles) whose boxes overlap, neither inside the other."""

LESSONS = {
    "lesson-1-does-the-pledge-deter": "Lesson 1",
    "lesson-2-strict-vs-behavioural": "Lesson 2",
    "lesson-3-cost-of-war-for-counter-insurgency": "Lesson 3",
    "lesson-4-gambia-vs-niger": "Lesson 4",
    "lesson-5-asked-not-bound": "Lesson 5",
    "lesson-6-half-of-coups-fail": "Lesson 6",
}


def sidebar_width(page) -> float:
    return page.evaluate("() => document.querySelector('nav').getBoundingClientRect().width")


@pytest.mark.parametrize("viewport", PROJECTORS, ids=["1280x800", "1920x1080"])
def test_nothing_overlaps_in_any_lesson_or_language(server, browser, viewport):
    url, _log = server
    page = open_app(browser, url, viewport)
    width = sidebar_width(page)
    for name, title in LESSONS.items():
        offered = choose(page, "Scenario or lesson", f"{title} - ")
        # the lessons by their titles, first, and no file name
        assert [o.split(" - ")[0] for o in offered[: len(LESSONS)]] == list(LESSONS.values())
        assert name not in offered and not any(o.startswith("lesson-") for o in offered)
        page.locator("h1", has_text=title).wait_for(timeout=WAIT)
        # The day mark is another widget: under load it can still show the last lesson's
        # day when the new title is up, and a week counted from there never comes.
        wait_mark(page, "m.day === -1 && !m.playing")
        step_weeks(page, 1)
        assert sidebar_width(page) == width, name  # a long name must not widen the sidebar
        assert page.evaluate(OVERLAPS) == [], name
    click(page, "Français")
    last = list(LESSONS.values())[-1].replace("Lesson", "Leçon")  # the lesson still open
    page.locator("h1", has_text=last).wait_for(timeout=WAIT)
    assert page.evaluate(OVERLAPS) == []
    page.locator(".v-input--switch", has_text="Côte à côte").locator("input").click(force=True)
    page.locator(".sahel-day").nth(1).wait_for(timeout=WAIT)
    assert page.evaluate(OVERLAPS) == []
    assert sidebar_width(page) == width
    # the pickers show whole names (the variant's read "...le Burkina Fas…"), on two lines if need be
    assert page.evaluate(CUT_SELECTIONS) == []
    assert_no_error(page)
    page.close()


STACKED_GAPS = """names => {
  const boxes = [...document.querySelectorAll('button')]
    .filter(b => names.includes(b.textContent.trim())).map(b => b.getBoundingClientRect());
  const gaps = [];
  for (const a of boxes) for (const b of boxes)
    if (a !== b && b.top >= a.bottom - 1 && a.left < b.right && b.left < a.right)
      gaps.push(b.top - a.bottom);
  return gaps;
}"""
"""For buttons stacked one under another (rows of a wrapped row), the gaps between them."""

CUT_SELECTIONS = """() => [...document.querySelectorAll('.v-navigation-drawer .v-select__selection')]
  .filter(e => { const r = e.getBoundingClientRect(); let p = e.parentElement; let clip = false;
    const field = e.closest('.v-input');  // within the picker: the sidebar itself scrolls
    for (; p && field.contains(p); p = p.parentElement) { const q = p.getBoundingClientRect();
      const s = getComputedStyle(p);
      if (s.overflow !== 'visible' && (r.bottom > q.bottom + 1 || r.right > q.right + 1)) clip = true; }
    return e.scrollWidth > e.clientWidth + 1 || clip; })
  .map(e => e.textContent)"""
"""The selections of the sidebar's pickers that do not show whole: cut short, or clipped by a box."""

FRENCH_PLAY_BUTTONS = ["Un pas", "Avancer d'une semaine", "Lecture", "Réinitialiser"]


PLAY_BUTTONS = {
    "English": ["Step", "Step a week", "Play", "Reset"],
    "Français": FRENCH_PLAY_BUTTONS,
}

BUTTON_TOPS = """names => [...document.querySelectorAll('button')]
  .filter(b => names.includes(b.textContent.trim())).map(b => b.getBoundingClientRect().top)"""


def rows(tops: list[float]) -> int:
    """How many rows buttons whose tops are at ``tops`` (pixels) stand on."""
    tops = sorted(tops)
    return 1 + sum(b - a > 4 for a, b in itertools.pairwise(tops))


@pytest.mark.parametrize(
    ("viewport", "most"),
    [(PROJECTORS[0], 1), ({"width": 1024, "height": 768}, 2)],
    ids=["1280x800", "1024x768"],
)
def test_the_play_buttons_stand_on_one_row_in_either_language(server, browser, viewport, most):
    # In French they stood on three rows at 1280 pixels: "Un pas", "Avancer d'une semaine",
    # then "Lecture" and "Réinitialiser".
    url, _log = server
    page = open_app(browser, url, viewport)
    for language, names in PLAY_BUTTONS.items():
        click(page, language)
        page.get_by_role("button", name=names[0], exact=True).wait_for(timeout=WAIT)
        tops = page.evaluate(BUTTON_TOPS, names)
        assert len(tops) == len(names), (language, tops)
        assert rows(tops) <= most, (language, tops)
        # wrapped at 1024 pixels, the rows do not touch
        assert all(gap >= 4 for gap in page.evaluate(STACKED_GAPS, names))
        assert page.evaluate(OVERLAPS) == []
    assert_no_error(page)
    page.close()


READABILITY = r"""
() => {
  // Every element with its own visible text: its font size, and its contrast (WCAG 2) against
  // the first opaque background behind it.
  const rgba = c => { const m = c.match(/[\d.]+/g).map(Number); return m.length === 3 ? [...m, 1] : m; };
  const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = e => { for (; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor); if (c[3] > 0.99) return c; } return [255, 255, 255, 1]; };
  const over = (fg, bg) => [0, 1, 2].map(i => fg[i] * fg[3] + bg[i] * (1 - fg[3]));
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const e = n.parentElement;
    if (!n.textContent.trim() || seen.has(e) || e.closest('style, script, .v-menu__content, title')) continue;
    seen.add(e);
    const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
    if (r.width === 0 || r.height === 0 || s.visibility === 'hidden' || s.display === 'none' || +s.opacity === 0) continue;
    const size = parseFloat(s.fontSize); const bold = +s.fontWeight >= 700;
    const bg = background(e); const fg = over(rgba(s.color), bg);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    const large = size >= 24 || (bold && size >= 18.66);
    out.push({text: n.textContent.trim().slice(0, 40), size, ratio: Math.round(ratio * 100) / 100, needed: large ? 3 : 4.5});
  }
  return out;
}
"""
"""Every element with text of its own: its font size (px) and its WCAG contrast ratio."""

IN_VIEW = """
sel => { const e = document.querySelector(sel); const r = e.getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width,
          vw: innerWidth, vh: innerHeight}; }
"""


def assert_readable(page) -> None:
    texts = page.evaluate(READABILITY)
    assert texts
    small = [t for t in texts if t["size"] < 18]
    faint = [t for t in texts if t["ratio"] < t["needed"]]
    assert small == [] and faint == []


def assert_in_view(page, selector: str) -> dict:
    box = page.evaluate(IN_VIEW, selector)
    assert box["top"] >= 0 and box["bottom"] <= box["vh"], (selector, box)
    assert box["left"] >= 0 and box["right"] <= box["vw"], (selector, box)
    return box


SLIDER_GAPS = """() => [...document.querySelectorAll('.v-input__slider')].map(s => {
  const label = s.querySelector('.v-label').getBoundingClientRect();
  const track = s.querySelector('.v-slider__track-container').getBoundingClientRect();
  const bubble = s.querySelector('.v-slider__thumb-label');
  const top = bubble ? Math.min(track.top, bubble.getBoundingClientRect().top) : track.top;
  const next = s.nextElementSibling && s.nextElementSibling.querySelector('.v-label');
  return {label: s.querySelector('.v-label').innerText, own: top - label.bottom,
          next: next ? next.getBoundingClientRect().top - track.bottom : null};
})"""
"""For each slider: the gap from its label down to its top (its track, or the bubble over it
that always shows an integer's value), and from its track down to the next slider's label."""


@pytest.mark.parametrize("viewport", PROJECTORS, ids=["1280x800", "1920x1080"])
def test_readable_from_the_back_of_the_room(server, browser, viewport):
    url, _log = server
    page = open_app(browser, url, viewport)
    step_weeks(page, 1)
    assert_readable(page)
    # a slider sits under its own label, nearer to it than to the next one: a lecturer told
    # to raise a weight moves the slider of the label read (the labels once sat under the
    # slider above them)
    gaps = page.evaluate(SLIDER_GAPS)
    assert len(gaps) > 20
    for gap in gaps:
        assert gap["own"] >= 0, gap  # the label never runs into its track
        assert gap["next"] is None or gap["own"] < gap["next"], gap
    # an integer slider shows its value, as the others do
    window = page.locator(".v-input__slider", has_text="Days a threat stays open")
    assert window.locator(".v-slider__thumb-label").inner_text().strip() == "30"
    present(page)
    step_weeks(page, 8)  # a story long enough to need its scroll
    # map, day and the newest lines of the story in one screen, the map over half the width
    assert assert_in_view(page, ".sahel-presenter img")["width"] >= viewport["width"] / 2
    assert_in_view(page, ".sahel-presenter .sahel-day")
    assert_in_view(page, ".sahel-presenter .sahel-narrative p:first-child")  # the newest
    assert_readable(page)
    assert page.evaluate(OVERLAPS) == []
    click(page, "Controls")
    click(page, "Français")
    present(page, "Vue de projection")
    assert_readable(page)
    assert page.evaluate(OVERLAPS) == []
    assert_no_error(page)
    page.close()


def test_step_and_play_are_greyed_out_at_the_end_of_the_run_until_reset(server, browser):
    # At the horizon Step and Play did nothing when clicked, and looked as if they would.
    url, _log = server
    page = open_app(browser, url, XGA)
    choose(page, "Scenario or lesson", "Lesson 5 - ")  # 90 days: three ticks of 30
    page.locator("h1", has_text="Lesson 5").wait_for(timeout=WAIT)
    wait_mark(page, "m.day === -1 && !m.playing")
    present(page)
    click(page, "30")
    click(page, "Play")
    wait_mark(page, "!m.playing && m.day === 90")
    buttons = {
        name: page.get_by_role("button", name=name, exact=True) for name in PLAY_BUTTONS["English"]
    }
    page.wait_for_function(  # the buttons are another widget: they may come a moment later
        "() => [...document.querySelectorAll('button')]"
        ".some(b => b.textContent.trim() === 'Play' && b.disabled)",
        timeout=WAIT,
    )
    assert [b.is_disabled() for b in buttons.values()] == [True, True, True, False]
    click(page, "Reset")
    wait_mark(page, "m.day === -1 && !m.playing")
    buttons["Step"].wait_for(timeout=WAIT)
    page.wait_for_function(
        "() => ![...document.querySelectorAll('button')]"
        ".some(b => b.textContent.trim() === 'Play' && b.disabled)",
        timeout=WAIT,
    )
    assert not any(b.is_disabled() for b in buttons.values())
    click(page, "Step")
    wait_mark(page, "m.day === 0")
    assert_no_error(page)
    page.close()


HEADED_MAPS = """() => {
  const boxes = s => [...document.querySelectorAll(s)].map(e => e.getBoundingClientRect().toJSON());
  return {headings: boxes('.sahel-presenter .sahel-run-heading'),
          maps: boxes('.sahel-presenter img:not(.sahel-series)')};
}"""
"""Where the presenter's run headings and maps stand."""


def test_side_by_side_in_the_presenter_says_which_map_is_which(server, browser):
    # The main view heads each run ("Left, as set: ...", "Right, the variant: ..."); in the
    # presenter view the two maps stood side by side unnamed, before a class asking which is
    # the one without the pacts.
    url, _log = server
    page = open_app(browser, url, PROJECTORS[0])
    page.locator(".v-input--switch", has_text="Side by side").locator("input").click(force=True)
    page.locator(".sahel-day").nth(1).wait_for(timeout=WAIT)
    for language, button, words in (
        ("English", "Presenter view", ("Left, as set: ", "Right, the variant: ")),
        ("Français", "Vue de projection", ("À gauche, tel que réglé", "À droite, la variante")),
    ):
        click(page, language)
        page.get_by_role("button", name=button, exact=True).wait_for(timeout=WAIT)
        present(page, button)
        headings = page.locator(".sahel-presenter .sahel-run-heading")
        headings.nth(1).wait_for(timeout=WAIT)
        texts = headings.all_inner_texts()
        assert [t.startswith(w) for t, w in zip(texts, words, strict=True)] == [True, True], texts
        shown = page.evaluate(HEADED_MAPS)
        for heading, drawn in zip(shown["headings"], shown["maps"], strict=True):
            assert heading["bottom"] <= drawn["top"], (heading, drawn)  # over its own map
            assert drawn["left"] - 24 <= heading["left"] <= drawn["left"], (heading, drawn)
        assert abs(shown["maps"][0]["top"] - shown["maps"][1]["top"]) <= 1  # level
        click(page, "Controls" if language == "English" else "Réglages")
    assert_no_error(page)
    page.close()


def test_a_lesson_is_picked_with_side_by_side_on(server, browser):
    # The picker's handler looked its title up in the variants' list: "Something went wrong:
    # TypeError", and the lesson stayed as it was.
    url, _log = server
    page = open_app(browser, url, XGA)
    page.locator(".v-input--switch", has_text="Side by side").locator("input").click(force=True)
    page.locator(".sahel-day").nth(1).wait_for(timeout=WAIT)
    step_weeks(page, 1)
    choose(page, "Scenario or lesson", "Lesson 3 - ")
    failed = page.get_by_text("Something went wrong")
    page.locator("h1", has_text="Lesson 3").or_(failed).first.wait_for(timeout=WAIT)
    assert_no_error(page)
    page.wait_for_function(  # both runs of the lesson, from its start
        "() => { const d = [...document.querySelectorAll('.sahel-day')].map(e => +e.dataset.day);"
        " return d.length === 2 && d.every(x => x === -1); }",
        timeout=WAIT,
    )
    assert wait_picked(page, "Lesson 3 - ").startswith("Lesson 3 - ")
    assert_no_error(page)
    page.close()


STORY_LINES = """() => {
  // the presenter's story box, its predict box, and the lines of the story drawn in the box
  const box = document.querySelector('.sahel-presenter .sahel-narrative');
  const predict = document.querySelector('.sahel-presenter .sahel-predict');
  const edge = box.getBoundingClientRect();
  const lines = [];
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const shut = t.parentElement.closest('details:not([open])');
    if (!t.textContent.trim() || (shut && !t.parentElement.closest('summary'))) continue;
    const range = document.createRange(); range.selectNodeContents(t);
    for (const r of range.getClientRects())
      if (r.height > 0 && r.bottom > edge.top + 0.5 && r.top < edge.bottom - 0.5)
        lines.push({top: r.top, bottom: r.bottom, text: t.textContent.trim().slice(0, 30)});
  }
  return {box: edge.toJSON(), predict: predict.getBoundingClientRect().toJSON(), lines};
}"""
"""The presenter's story box, its predict box, and each line of the story seen in the box (at
least in part): its top and bottom in the window."""


def settle(page) -> None:
    """Wait three frames: the story box fits itself in the frame after the page's layout changed
    (a change seen at the end of the first frame is fitted in the second)."""
    page.evaluate(
        "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame("
        "() => requestAnimationFrame(r))))"
    )


def assert_story_lines_whole(page, when: str) -> None:
    """No line of the story lies under the predict box, and none is cut at the story box's edges."""
    settle(page)
    shown = page.evaluate(STORY_LINES)
    box, predict, lines = shown["box"], shown["predict"], shown["lines"]
    assert lines, when
    under = [line for line in lines if line["top"] < predict["bottom"]]
    cut = [
        line
        for line in lines
        if line["top"] < box["top"] - 0.5 or line["bottom"] > box["bottom"] + 0.5
    ]
    assert under == [] and cut == [], (when, box, predict, under, cut)


STORY_ENTRIES = """([sel, index]) => {
  // a story box, and the entries of the story it shows at least in part, oldest first
  const box = document.querySelectorAll(sel)[index];
  const top = box.getBoundingClientRect().top + box.clientTop, bottom = top + box.clientHeight;
  const entries = [...box.children].filter(e => e.matches('p, .sahel-paragraph'))
    .map(e => ({top: e.getBoundingClientRect().top, bottom: e.getBoundingClientRect().bottom,
                text: e.innerText.trim().slice(0, 40)}))
    .filter(e => e.bottom > top + 1 && e.top < bottom - 1).reverse();  // more than a sliver
  return {top, bottom, overflows: box.scrollHeight > box.clientHeight + 1, entries};
}"""
"""A story box's inner top and bottom, whether its story runs past it, and the entries it shows
at least in part (their top, bottom and opening words), oldest first."""


def assert_story_opens_on_an_entry(
    page, when: str, box: str = ".sahel-presenter .sahel-narrative", index: int = 0
) -> bool:
    """The story box's first line is the first line of an entry, its date: no entry shown
    starts above the box. Returns whether the story runs past the box."""
    settle(page)
    shown = page.evaluate(STORY_ENTRIES, [box, index])
    entries = shown["entries"]
    assert entries, when
    assert entries[0]["top"] >= shown["top"] - 0.5, (when, shown)
    return shown["overflows"]


def lesson_1_presented(browser, server, viewport):
    """A page on Lesson 1 at its start, in the presenter view at ``viewport``."""
    url, _log = server
    page = open_app(browser, url, viewport)
    choose(page, "Scenario or lesson", "Lesson 1 - ")
    page.locator("h1", has_text="Lesson 1").wait_for(timeout=WAIT)
    wait_mark(page, "m.day === -1 && !m.playing")
    present(page)
    return page


@pytest.mark.parametrize("viewport", [*PROJECTORS, XGA], ids=["1280x800", "1920x1080", "1024x768"])
def test_the_presenters_story_opens_on_a_whole_entry_under_the_predict_box(
    server, browser, viewport
):
    # The story box showed its newest line at its foot, and its top edge cut the oldest line
    # shown wherever its height ended: just under the predict box, the bottom of a line
    # peeked out, the rest of it hidden as if under the box. Cut at a whole line, its first
    # line was still the middle of an entry ("the restoration of constitutional order, and
    # said nothing of force."), read as the start of the story.
    page = lesson_1_presented(browser, server, viewport)
    assert page.locator(".sahel-presenter .sahel-predict").count() == 1  # lesson 1 asks one
    overflows = []
    for week in range(1, 9):  # the story grows past its box in the fifth week or so
        step_weeks(page, 1)
        assert_story_lines_whole(page, f"week {week}")
        overflows.append(assert_story_opens_on_an_entry(page, f"week {week}"))
    assert overflows[-1], "the story never ran past its box"
    click(page, "Controls")
    click(page, "Français")
    present(page, "Vue de projection")
    page.wait_for_function(
        "() => document.querySelector('.sahel-presenter .sahel-narrative')"
        ".textContent.includes('Début de la simulation')",
        timeout=WAIT,
    )
    assert_story_lines_whole(page, "in French")
    assert assert_story_opens_on_an_entry(page, "in French")
    # and in the main view, whose box is half the window high, once the sidebar has slid in
    click(page, "Réglages")
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('main')).paddingLeft === '400px'",
        timeout=WAIT,
    )
    assert assert_story_opens_on_an_entry(page, "the main view", ".sahel-narrative")
    assert_no_error(page)
    page.close()


@pytest.mark.parametrize("viewport", [XGA, PROJECTORS[0]], ids=["1024x768", "1280x800"])
def test_the_presenter_keeps_the_day_the_question_and_the_newest_line_in_the_window(
    server, browser, viewport
):
    # At 1024x768 the map filled the window's width and height, the day, the question and
    # the story below it; in French at 1280x800 the title and the buttons took a row more,
    # and the newest paragraph's "détails" fell below the window's foot.
    page = lesson_1_presented(browser, server, viewport)
    step_weeks(page, 8)  # a story longer than its box
    for language in ("English", "Français"):
        if language == "Français":
            click(page, "Controls")
            click(page, language)
            present(page, "Vue de projection")
            page.wait_for_function(
                "() => document.querySelector('.sahel-presenter .sahel-narrative')"
                ".textContent.includes('Début de la simulation')",
                timeout=WAIT,
            )
        settle(page)
        story_box = assert_in_view(page, ".sahel-presenter .sahel-narrative")
        map_box = assert_in_view(page, ".sahel-presenter img")
        assert map_box["right"] <= story_box["left"], language  # side by side
        assert_in_view(page, ".sahel-presenter .sahel-day")
        assert_in_view(page, ".sahel-presenter .sahel-predict")
        assert_story_lines_whole(page, language)  # the newest line is the box's lowest
    assert_no_error(page)
    page.close()


PAIRED = """() => {
  const boxes = s => [...document.querySelectorAll(s)].map(e => e.getBoundingClientRect().toJSON());
  const stories = [...document.querySelectorAll('.sahel-presenter .sahel-narrative')];
  return {window: {width: innerWidth, height: innerHeight},
          scrolled: document.scrollingElement.scrollTop,
          maps: boxes('.sahel-presenter img:not(.sahel-series)'),
          stories: stories.map(e => e.getBoundingClientRect().toJSON()),
          predict: boxes('.sahel-presenter .sahel-predict'),
          // each story's newest entry (the first in its HTML)
          newest: stories.map(e => e.querySelector('p, .sahel-paragraph').getBoundingClientRect()
            .toJSON())};
}"""
"""Side by side in the presenter: the maps, the story boxes, their newest entries and the
predict box, and how far the page is scrolled."""


@pytest.mark.parametrize("viewport", [XGA, PROJECTORS[0]], ids=["1024x768", "1280x800"])
def test_side_by_side_the_presenter_shows_both_maps_and_both_stories(server, browser, viewport):
    # Each map filled its half of the window's width, 460 pixels high at 1280x800, and the
    # two stories stood under the maps, below the window: the lecturer saw neither.
    page = open_app(browser, server[0], viewport)
    choose(page, "Scenario or lesson", "Lesson 1 - ")
    page.locator("h1", has_text="Lesson 1").wait_for(timeout=WAIT)
    wait_mark(page, "m.day === -1 && !m.playing")
    page.locator(".v-input--switch", has_text="Side by side").locator("input").click(force=True)
    page.locator(".sahel-day").nth(1).wait_for(timeout=WAIT)
    present(page)
    step_weeks(page, 6)  # each story longer than its box
    for language in ("English", "Français"):
        if language == "Français":  # its headings and question take more lines
            click(page, "Controls")
            click(page, language)
            present(page, "Vue de projection")
            page.wait_for_function(
                "() => [...document.querySelectorAll('.sahel-presenter .sahel-narrative')]"
                ".every(e => e.textContent.includes('Début de la simulation'))",
                timeout=WAIT,
            )
        settle(page)
        shown = page.evaluate(PAIRED)
        height = shown["window"]["height"]
        assert shown["scrolled"] == 0, language
        (predict,) = shown["predict"]  # asked once, over both runs
        assert predict["top"] >= 0 and predict["bottom"] <= height, (language, predict)
        left, right = shown["maps"]
        assert left["right"] <= right["left"], (language, shown["maps"])  # side by side
        for drawn, story, newest in zip(
            shown["maps"], shown["stories"], shown["newest"], strict=True
        ):
            assert drawn["top"] >= 0 and drawn["bottom"] <= height, (language, drawn)
            assert drawn["height"] >= 150, (language, drawn)  # a map a class can read
            assert drawn["bottom"] <= story["top"], (language, drawn, story)  # under its map
            assert story["top"] >= 0 and story["bottom"] <= height, (language, story)
            # the newest entry's first lines are in the box, in the window
            assert story["top"] - 0.5 <= newest["top"], (language, story, newest)
            assert newest["top"] + 50 <= story["bottom"], (language, story, newest)
        for index in (0, 1):
            assert_story_opens_on_an_entry(page, f"{language}, run {index + 1}", index=index)
    assert_no_error(page)
    page.close()


LABEL_ROWS = """() => {
  // the series as the browser shows it, read back pixel by pixel
  const img = document.querySelector('main img.sahel-series');
  const box = img.getBoundingClientRect();
  const w = Math.round(box.width), h = Math.round(box.height);
  const canvas = document.createElement('canvas'); canvas.width = w; canvas.height = h;
  const context = canvas.getContext('2d'); context.drawImage(img, 0, 0, w, h);
  const pixels = context.getImageData(0, 0, w, h).data;
  const grey = (x, y) => { const i = 4 * (y * w + x), [r, g, b] = pixels.slice(i, i + 3);
    return r + g + b < 600 && Math.max(r, g, b) - Math.min(r, g, b) < 40; };  // not the blue lines
  // rows from y0 to y1 with grey in columns x0 to x1, as [top, bottom) runs, gaps of `bridged` closed
  const runs = (x0, x1, y0, y1, bridged = 0) => { const out = [];
    for (let y = y0; y < y1; y++) { let dark = false;
      for (let x = x0; x <= x1 && !dark; x++) dark = grey(x, y);
      if (!dark) continue;
      const last = out[out.length - 1];
      if (last && y - last[1] <= bridged) last[1] = y + 1; else out.push([y, y + 1]); }
    return out; };
  // the panels' sides: columns grey down both rows of panels (left, right, left, right)
  const sides = [];
  for (let x = 0; x < w; x++) {
    if (runs(x, x, 0, h).reduce((n, [a, b]) => n + b - a, 0) < 0.4 * h) continue;
    if (sides.length && x - sides[sides.length - 1].at(-1) <= 2) sides[sides.length - 1].push(x);
    else sides.push([x]); }
  const lefts = [sides[0][0], sides[2][0]];
  const frames = runs(lefts[0], lefts[0], 0, h, 3).filter(([a, b]) => b - a > h / 5);
  // each panel's y labels, in a strip left of its frame, clear of the tick marks
  return frames.flatMap(([top, bottom]) => lefts.map(x =>
    runs(Math.max(0, x - Math.round(0.05 * w)), x - 6, top - 8, bottom + 8)));
}"""
"""For each panel of the time series, in reading order, the rows of screen pixels its y labels
are written on: [top, bottom) of each."""


def test_the_series_labels_stand_apart_at_1280_pixels(server, browser):
    # The armed groups' fighters read 0, 400, 800, ... 3,200: nine labels run together.
    from sim.present.app.live import SERIES_PANELS

    url, _log = server
    page = open_app(browser, url, PROJECTORS[0])
    step_weeks(page, 8)  # into the war: every panel has figures of its own
    shown = ""
    for language in ("English", "Français"):
        click(page, language)
        shown = page.wait_for_function(  # the series drawn again, in the language clicked
            "s => { const i = document.querySelector('main img.sahel-series');"
            " return i && i.complete && i.naturalWidth > 0 && i.src !== s && i.src; }",
            arg=shown,
            timeout=WAIT,
        ).json_value()
        for name, runs in zip(SERIES_PANELS, page.evaluate(LABEL_ROWS), strict=True):
            heights = [bottom - top for top, bottom in runs]
            gaps = [top - bottom for (_, bottom), (top, _) in itertools.pairwise(runs)]
            assert len(runs) >= 2 and min(heights) >= 9, (language, name, runs)  # legible
            assert min(gaps) >= max(heights), (language, name, runs)  # a line apart at least
    assert_no_error(page)
    page.close()


ENGLISH = re.compile(
    r"\b(Step|Play|Pause|Reset|Days per tick|What happened|replicates|log-odds|Start of the run"
    r"|Teaching notes|Predict|Scenario or lesson|attacking|honoured|Seed|Side by side)\b"
)
BAD_SPACING = re.compile(r"( [:;?!»]|« |\w[;?!»])")
"""A mark after an ordinary space (it may start a line) or after no space at all."""
ENGLISH_NOTE = re.compile(r"\(en anglais\)\s*:\s*«.*?»", re.DOTALL)
"""A scenario's note, quoted in English in the French story: it keeps English spacing."""


def bad_spacing(text: str) -> list[str]:
    """The marks of ``text`` spaced the English way, outside the English notes it quotes."""
    return BAD_SPACING.findall(ENGLISH_NOTE.sub("", text))


def test_french_is_whole_and_spaced_the_french_way(server, browser):
    url, _log = server
    page = open_app(browser, url, PROJECTORS[0])
    click(page, "Français")
    page.get_by_role("button", name="Un pas", exact=True).wait_for(timeout=WAIT)
    choose(page, "Scénario ou leçon", "Leçon 1 - ")
    page.locator("h1", has_text="Leçon 1").wait_for(timeout=WAIT)
    step_weeks(page, 12, "Avancer d'une semaine")
    page.locator(".v-expansion-panel-header", has_text="Notes pédagogiques").click()
    page.get_by_text("De quoi s'agit-il").wait_for(timeout=WAIT)
    text = page.inner_text("body")
    assert "Début" in story(page)[0] and "« Leçon 1" in story(page)[0].replace("\u202f", " ")
    assert ENGLISH.findall(text) == []
    # lesson 1's story quotes its scenario's notes, in French (note_fr), none in English
    assert re.search(r"Note du scénario\s*:\s*«", text), "the story quotes none of its notes"
    assert "(en anglais)" not in text
    assert bad_spacing(text) == []
    assert "log-cote" not in text
    # Decimal commas: the sliders' values are written the French way, none the English way.
    sliders = page.locator(".v-input__slider").all_inner_texts()
    assert any(re.search(r"\d,\d", s) for s in sliders)
    assert not any(re.search(r"\b\d\.\d", s) for s in sliders), sliders
    present(page, "Vue de projection")
    text = page.inner_text("body")
    assert ENGLISH.findall(text) == [] and bad_spacing(text) == []
    assert_no_error(page)
    page.close()


def test_a_lecturer_moves_a_probability_by_tenths_from_the_keyboard(server, browser):
    """The arrow keys move a probability by 0.001 (its declared values stay exact); Page Up and
    Page Down move it by a tenth, as docs/teaching.md says, and Home goes to its low end."""
    url, _log = server
    page = open_app(browser, url, PROJECTORS[0])
    slider = page.locator(".v-input__slider", has_text="Base rate of honouring commitments")
    thumb = slider.locator(".v-slider__thumb-container")
    thumb.focus()

    def now() -> float:
        return float(thumb.get_attribute("aria-valuenow"))

    start = now()
    for key, expected in (
        ("ArrowRight", start + 0.001),
        ("PageUp", start + 0.101),
        ("PageDown", start + 0.001),
        ("Home", 0.0),
    ):
        page.keyboard.press(key)
        page.wait_for_function(
            "([t, x]) => Math.abs(parseFloat(t.getAttribute('aria-valuenow')) - x) < 1e-9",
            arg=[thumb.element_handle(), expected],
            timeout=WAIT,
        )
        assert now() == pytest.approx(expected, abs=1e-9), key
    assert_no_error(page)
    page.close()


def test_any_click_during_play_leaves_a_working_page(server, browser):
    # What a lecturer may click while the map plays: the language, Reset, another lesson,
    # side by side. Each stops or carries on Play cleanly; none shows an error.
    url, _log = server
    page = open_app(browser, url, PROJECTORS[0])
    click(page, "Play")
    wait_mark(page, "m.playing && m.day >= 3")
    click(page, "Français")
    seen = mark(page)["day"]
    wait_mark(page, f"m.playing && m.day > {seen}")  # still playing, in French
    page.get_by_role("button", name="Pause", exact=True).wait_for(timeout=WAIT)
    click(page, "Réinitialiser")
    wait_mark(page, "!m.playing && m.day === -1")
    click(page, "Lecture")
    wait_mark(page, "m.playing && m.day >= 3")
    choose(page, "Scénario ou leçon", "Leçon 2 - ")
    page.locator("h1", has_text="Leçon 2").wait_for(timeout=WAIT)
    wait_mark(page, "!m.playing && m.day === -1")
    click(page, "Lecture")
    wait_mark(page, "m.playing && m.day >= 3")
    page.locator(".v-input--switch", has_text="Côte à côte").locator("input").click(force=True)
    page.locator(".sahel-day").nth(1).wait_for(timeout=WAIT)
    wait_mark(page, "!m.playing && m.day === -1")
    click(page, "Un pas")
    page.wait_for_function(  # both runs, on the same seed, one day on
        "() => { const d = [...document.querySelectorAll('.sahel-day')].map(e => +e.dataset.day);"
        " return d.length === 2 && d.every(x => x === 0); }",
        timeout=WAIT,
    )
    assert_no_error(page)
    page.close()


PICKER_SEEN = """() => {
  // when the right-hand variant's picker first shows, and when the second run's day does
  window.seen = {};
  const picker = () => [...document.querySelectorAll('.v-navigation-drawer label')]
    .some(l => l.textContent.trim() === 'Right-hand variant');
  new MutationObserver((_, watch) => {
    if (window.seen.picker === undefined && picker()) window.seen.picker = performance.now();
    if (document.querySelectorAll('.sahel-day').length > 1) {
      window.seen.runs = performance.now();
      watch.disconnect();
    }
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
}"""

MAIN_MAPS = """() => {
  const boxes = s => [...document.querySelectorAll(s)].map(e => e.getBoundingClientRect().toJSON());
  return {headings: boxes('main .sahel-run-heading'),
          maps: boxes('main img:not(.sahel-series):not(.sahel-ensemble)')};
}"""
"""Where the main view's run headings and maps stand."""


def test_side_by_side_shows_its_picker_at_once_names_the_mode_and_levels_the_maps(server, browser):
    # Lesson 2 side by side at 1024x768: the right-hand picker came only with the runs, seconds
    # later (a lecturer pressed Reset meanwhile); "the other commitment mode" did not say which;
    # and the headings, one wrapping onto more lines, set the two maps at different heights
    url, _log = server
    page = open_app(browser, url, XGA)
    step_weeks(page, 1)
    page.evaluate(PICKER_SEEN)
    page.locator(".v-input--switch", has_text="Side by side").locator("input").click(force=True)
    page.wait_for_function("() => window.seen.runs !== undefined", timeout=WAIT)  # no Reset
    seen = page.evaluate("() => window.seen")
    # the picker answered the switch in a render of its own, before the two runs' maps and
    # series were drawn (a second and more); with them, it came a few hundredths before them
    assert seen["runs"] - seen["picker"] >= 500, seen
    offered = choose(page, "Right-hand variant", "strict commitment")
    assert "strict commitment (the other mode)" in offered, offered
    headings = page.locator("main .sahel-run-heading")
    headings.nth(1).filter(has_text="strict commitment (the other mode)").wait_for(timeout=WAIT)
    assert (
        headings.nth(1)
        .inner_text()
        .startswith("Right, the variant: strict commitment (the other mode), ")
    )
    choose(page, "Right-hand variant", "the pacts between Mali, Burkina Faso and Niger")
    headings.nth(1).filter(has_text="the pacts between").wait_for(timeout=WAIT)
    for language in ("English", "Français"):
        click(page, language)
        if language == "Français":
            headings.nth(1).filter(has_text="À droite").wait_for(timeout=WAIT)
            entry = page.locator(".v-select", has_text="Variante de droite")
            entry.first.click()
            page.locator(".menuable__content__active .v-list-item").filter(
                has_text="engagement strict (l'autre mode)"
            ).first.wait_for(timeout=WAIT)
            page.keyboard.press("Escape")
        settle(page)
        shown = page.evaluate(MAIN_MAPS)
        left, right = shown["headings"]
        assert left["height"] != right["height"], (language, shown)  # unequal, as found
        assert abs(shown["maps"][0]["top"] - shown["maps"][1]["top"]) <= 1, (language, shown)
    assert_no_error(page)
    page.close()


MAP_TYPE = """() => [...document.querySelectorAll('img.sahel-map')].map(img => {
  const box = img.getBoundingClientRect();
  return {paired: img.classList.contains('sahel-map-paired'), shown: box.width,
          drawn: img.naturalWidth, top: box.top, bottom: box.bottom, left: box.left,
          right: box.right};
})"""
"""Each map as the page shows it: its width on screen and as drawn, and where it stands."""

LEGENDS = """() => [...document.querySelectorAll('.sahel-legend')].map(e => {
  const box = e.getBoundingClientRect();
  return {top: box.top, bottom: box.bottom, left: box.left, right: box.right,
          size: parseFloat(getComputedStyle(e).fontSize), text: e.innerText};
})"""


def steady(page, script: str, tries: int = 40):
    """What ``script`` reads of the page once two reads a few frames apart agree.

    The presenter's maps are sized to leave their stories room once the page has settled (the
    sidebar gone, the fonts and images come): read before, a map stood smaller than it does.
    """
    seen = page.evaluate(script)
    for _ in range(tries):
        settle(page)
        page.wait_for_timeout(100)
        again = page.evaluate(script)
        if again == seen:
            return again
        seen = again
    return seen


def label_pixels(shown: dict) -> float:
    """How high a country's label stands on screen, from the map's size as drawn and shown."""
    from sim.present.app import warmap

    size = warmap.PAIRED if shown["paired"] else warmap.SINGLE
    return size.label_pixels(shown["drawn"], shown["shown"])


@pytest.mark.parametrize("viewport", [XGA, PROJECTORS[0]], ids=["1024x768", "1280x800"])
def test_the_maps_labels_are_readable_and_their_legend_covers_no_country(server, browser, viewport):
    # Two maps side by side at 1024x768: labels 7 to 10 pixels high, and the legend over
    # Niger's north-east; lesson 5: France, which comes, was nowhere on the map
    page = open_app(browser, server[0], viewport)
    choose(page, "Scenario or lesson", "Lesson 5 - ")
    page.locator("h1", has_text="Lesson 5").wait_for(timeout=WAIT)
    page.locator(".v-input--switch", has_text="Side by side").locator("input").click(force=True)
    page.locator(".sahel-day").nth(1).wait_for(timeout=WAIT)
    step_weeks(page, 1)
    views = [("main, side by side", None), ("presenter, side by side", "Presenter view")]
    for where, button in views:
        if button:
            present(page, button)
        maps = steady(page, MAP_TYPE)
        assert len(maps) == 2 and all(m["paired"] for m in maps), where
        assert min(label_pixels(m) for m in maps) >= 14, (where, maps)
        legends = page.evaluate(LEGENDS)
        assert len(legends) == 1 and legends[0]["size"] >= 18, (where, legends)  # once, for both
        for drawn in maps:  # beside the maps, over none
            legend = legends[0]
            assert legend["bottom"] <= drawn["top"] or legend["top"] >= drawn["bottom"], where
    assert_no_error(page)
    page.close()
