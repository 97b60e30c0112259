"""The HTML report in real headless Debian chromium, opened from disk with the network cut."""

from __future__ import annotations

import shutil

import pytest
from conftest import CHROMIUM, CHROMIUM_FLAGS

sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is not installed"),
]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_report_shows_every_figure_and_asks_nothing_of_the_network(tmp_path, sahelsim, lang):
    out = tmp_path / "run"
    args = ("run", "gambia-2017", "-n", "6", "--seed", "3", "--lang", lang, "--out", str(out))
    assert sahelsim(*args, "-q").status == 0
    requested: list[str] = []

    def record(route):
        requested.append(route.request.url)
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            route.abort()

    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.route("**/*", record)
        page.goto((out / "report.html").as_uri())
        images = page.locator("img")
        assert images.count() >= 5
        # every figure decoded and drawn: an image that failed to load has no natural width
        widths = images.evaluate_all("all => all.map(i => i.complete ? i.naturalWidth : 0)")
        heading = page.locator("h1").inner_text()
        browser.close()
    assert all(width > 300 for width in widths), widths
    assert heading == (
        "La Gambie, janvier 2017 - l'ECOMIG face à un président isolé"
        if lang == "fr"
        else "The Gambia, January 2017 - ECOMIG against an isolated incumbent"
    )
    assert [url for url in requested if not url.startswith(("file:", "data:"))] == []
