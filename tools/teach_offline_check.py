"""Check that the classroom app renders with no internet, in headless Debian chromium.

Starts the app on a free localhost port, opens it with every request not to 127.0.0.1
aborted, clicks Step, switches to French, saves a screenshot and lists any request that tried
to leave the machine. Exit status 0 if none did, 1 otherwise.

Usage: python tools/teach_offline_check.py [SCENARIO] [--screenshot PATH]
Needs the ``teach`` extra, ``playwright`` (the package only) and ``/usr/bin/chromium``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

from playwright.sync_api import sync_playwright

from sim.present.app import free_port, server_command, server_env, wait_until_up
from sim.scenario.defaults import FIRST_LESSON

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
LOCAL = ("http://127.0.0.1:", "ws://127.0.0.1:", "data:", "blob:")


def check(url: str, screenshot: str) -> list[str]:
    """Open ``url`` offline, step, switch to French; return the requests that left the machine."""
    outside: list[str] = []

    def only_local(route) -> None:
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
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
    args = parser.parse_args()
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(server_command(port), env=server_env(args.scenario, "en"))
    try:
        if not wait_until_up(url, server):
            print(f"the app did not start on {url}", file=sys.stderr)
            return 1
        outside = check(url, args.screenshot)
    finally:
        server.terminate()
        server.wait(timeout=20)
    for request in outside:
        print(f"left the machine: {request}")
    print(f"{'FAIL' if outside else 'ok'}: screenshot in {args.screenshot}")
    return 1 if outside else 0


if __name__ == "__main__":
    sys.exit(main())
