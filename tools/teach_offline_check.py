"""Check that the classroom app renders with no internet, in headless Debian chromium.

Starts the app on a free localhost port, opens it with every request not to 127.0.0.1
aborted, clicks Step, switches to French, saves a screenshot and lists any request that tried
to leave the machine. Exit status 0 if none did, 1 otherwise, 2 if something it needs is
missing (it says what, and how to install it).

Usage: python tools/teach_offline_check.py [SCENARIO] [--screenshot PATH] [--chromium PATH]
Needs the ``teach`` extra, ``playwright`` (the Python package only: ``pip install
playwright==1.65.2``; ``playwright install`` is not needed, it would download a browser) and a
Chromium: Debian's (``sudo apt install chromium``) at ``/usr/bin/chromium`` by default, another
Chromium or Google Chrome with ``--chromium``. Written for Debian (docs/teaching.md).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from sim.present.app import free_port, server_command, server_env, wait_until_up
from sim.scenario.defaults import FIRST_LESSON

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
LOCAL = ("http://127.0.0.1:", "ws://127.0.0.1:", "data:", "blob:")


def missing(chromium: str) -> str | None:
    """What the check needs and cannot find, with how to install it; None if nothing."""
    try:
        import playwright.sync_api  # noqa: F401  (the check's only use of it is below)
    except ImportError:
        return (
            "the Python package playwright is not installed; install it with "
            "`pip install playwright==1.65.2` (the package only: no `playwright install`)"
        )
    if not (os.path.isfile(chromium) and os.access(chromium, os.X_OK)):
        return (
            f"no Chromium at {chromium}; on Debian install it with `sudo apt install chromium`, "
            "or name another Chromium or Google Chrome executable with --chromium PATH"
        )
    return None


def check(url: str, screenshot: str, chromium: str = CHROMIUM) -> list[str]:
    """Open ``url`` offline, step, switch to French; return the requests that left the machine."""
    from playwright.sync_api import sync_playwright

    outside: list[str] = []

    def only_local(route) -> None:
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=FLAGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1100})
        page.route("**/*", only_local)
        page.goto(url, timeout=90_000)
        page.get_by_role("button", name="Step", exact=True).click(timeout=90_000)
        page.get_by_text("Day 0 of").first.wait_for(timeout=60_000)
        page.get_by_role("button", name="Français").click()
        page.get_by_text("Jour 0 sur").first.wait_for(timeout=60_000)
        page.screenshot(path=screenshot, full_page=True)
        browser.close()
    return outside


def main() -> int:
    """Run the check and print what it found."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default=FIRST_LESSON)
    parser.add_argument("--screenshot", default="teach-offline.png")
    parser.add_argument("--chromium", default=CHROMIUM, help=f"the browser (default {CHROMIUM})")
    args = parser.parse_args()
    problem = missing(args.chromium)
    if problem:
        print(f"teach_offline_check: {problem}", file=sys.stderr)
        return 2
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(server_command(port), env=server_env(args.scenario, "en"))
    try:
        if not wait_until_up(url, server):
            print(f"the app did not start on {url}", file=sys.stderr)
            return 1
        outside = check(url, args.screenshot, args.chromium)
    finally:
        server.terminate()
        server.wait(timeout=20)
    for request in outside:
        print(f"left the machine: {request}")
    print(f"{'FAIL' if outside else 'ok'}: screenshot in {args.screenshot}")
    return 1 if outside else 0


if __name__ == "__main__":
    sys.exit(main())
