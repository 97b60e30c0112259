"""Figures drawn in several threads at once: the classroom app's server draws each browser
session's map, series and ensemble chart in threads of one process, and matplotlib's settings
are global to a process."""

from __future__ import annotations

import threading
import time

import matplotlib
import pytest

pytest.importorskip("solara")

from sim.present.app import live
from sim.present.figures import png


def drawn_while_another_draws(draw, other, times: int = 12) -> list[bytes]:
    """``draw()`` ``times`` times while another thread calls ``other()`` again and again."""
    stop = threading.Event()

    def busy() -> None:
        while not stop.is_set():
            other()
            time.sleep(0.005)  # a session draws on a click or a tick, not in a tight loop

    thread = threading.Thread(target=busy)
    thread.start()
    try:
        return [draw() for _ in range(times)]
    finally:
        stop.set()
        thread.join()


@pytest.fixture(scope="module")
def gambia():
    run = live.LiveRun(live.defaults_for("gambia-2017"))
    run.step(12)
    summaries = live.run_ensemble(
        live.defaults_for("gambia-2017"), 3, lambda i: None, threading.Event()
    )
    yield run, summaries
    run.model.release()


def test_a_session_s_map_is_the_same_while_another_session_draws(gambia):
    run, summaries = gambia
    settings = dict(matplotlib.rcParams)
    alone = png(live.map_figure(run, "en", title=False))
    during = drawn_while_another_draws(
        lambda: png(live.map_figure(run, "en", title=False)),
        lambda: png(live.ensemble_figure(summaries, "fr")),
    )
    assert all(image == alone for image in during)
    assert dict(matplotlib.rcParams) == settings  # nothing left behind for the next drawing


def test_a_session_s_ensemble_chart_is_the_same_while_another_session_draws(gambia):
    # The page shows the chart as figures.png draws it (solara's FigureMatplotlib would save it
    # outside the lock: cropped to another size while a map was drawn, 15 times in 15).
    run, summaries = gambia
    alone = png(live.ensemble_figure(summaries, "en"))
    during = drawn_while_another_draws(
        lambda: png(live.ensemble_figure(summaries, "en")),
        lambda: png(live.map_figure(run, "fr", title=False)),
        times=6,
    )
    assert all(image == alone for image in during)
