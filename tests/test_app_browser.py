"""End to end: the classroom app in real headless Debian chromium, with the network cut.

The server runs on a free localhost port; every browser request not to 127.0.0.1 is aborted
and recorded. Needs ``playwright`` (the Python package only: no browser is downloaded) and
Debian's ``chromium`` at ``/usr/bin/chromium``; skipped when either is missing.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request

import pytest
from conftest import CHROMIUM, CHROMIUM_FLAGS

pytest.importorskip("solara")
sync_api = pytest.importorskip("playwright.sync_api")

from sim.present.app import server_command, server_env  # noqa: E402

FLAGS = CHROMIUM_FLAGS
LOCAL = ("http://127.0.0.1:", "ws://127.0.0.1:", "data:", "blob:")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is not installed"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``solara run`` on the app, on a free port; yields its address and its log file."""
    port = _free_port()
    log = tmp_path_factory.mktemp("server") / "solara.log"
    # The very command and environment that `sahelsim teach` starts.
    env = server_env("niger-2023-intervention", "en")
    with log.open("w") as out:
        proc = subprocess.Popen(server_command(port), env=env, stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(url, timeout=2).close()
                break
            except OSError:
                time.sleep(0.5)
        else:
            proc.terminate()
            pytest.fail(f"the app did not start: {log.read_text()}")
        yield url, log
        proc.terminate()
        proc.wait(timeout=20)


def test_page_works_offline_in_chromium(server, tmp_path):
    url, log = server
    outside: list[str] = []

    def only_local(route):
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1100})
        page.route("**/*", only_local)
        page.goto(url, timeout=90_000)
        step = page.get_by_role("button", name="Step", exact=True)
        step.wait_for(timeout=90_000)
        # the map (a matplotlib image) and the controls are there
        page.locator("img").first.wait_for(timeout=60_000)
        assert page.get_by_text("Base rate of honouring commitments (probability)").count() == 1
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
        browser.close()

    assert outside == []
    # the server must not have tried to fetch anything from a CDN on the page's behalf
    assert "Could not load URL" not in log.read_text()
