"""Play's pacing: step the model only as fast as the browser shows it.

A browser that draws slower than the model steps must not fall behind: frames it could not
draw in time would queue, the screen would lag the model, and Pause would stop far beyond the
day the lecturer saw. So Play steps once, then waits until the page reports that frame drawn
(``frame_drawn.vue`` does, from the browser), and only then steps again: at most one tick is
ever in flight, and nothing is queued. Pause sets an event that the playing thread reads
before each step, without waiting for any render, so it stops within one tick of the click.

Nothing here imports solara; :mod:`sim.present.app.page` holds one :class:`Playback` per
browser session.
"""

from __future__ import annotations

import threading

WAIT_SLICE = 0.2
"""Seconds between two looks at the pause event while waiting for the browser."""


class Playback:
    """What Play of one browser session needs: the frames drawn, and how to stop."""

    def __init__(self) -> None:
        self._drawn = threading.Condition()
        self._shown = -1  # the newest frame the browser has drawn
        self._stop = threading.Event()
        self._stop.set()  # not playing
        self.busy = threading.Lock()
        """Held by the playing thread while it steps: Pause waits for it, so none follows."""

    @property
    def shown(self) -> int:
        """The newest frame the browser has reported drawn (-1 before the first)."""
        with self._drawn:
            return self._shown

    def drawn(self, frame: int) -> None:
        """The browser has drawn ``frame`` (called from the page, in the server's thread)."""
        with self._drawn:
            self._shown = max(self._shown, int(frame))
            self._drawn.notify_all()

    def start(self) -> threading.Event:
        """Begin playing; return the event that says this play was paused."""
        self._stop.set()  # a play still running stops
        self._stop = threading.Event()
        return self._stop

    def pause(self) -> None:
        """Stop playing: the playing thread steps no more."""
        self._stop.set()
        with self._drawn:
            self._drawn.notify_all()

    @property
    def stop_event(self) -> threading.Event:
        """The event that the current play (or the last one) was paused."""
        return self._stop

    def wait_shown(self, frame: int, *stops: threading.Event) -> bool:
        """Wait until the browser has drawn ``frame``; False if one of ``stops`` was set first."""
        with self._drawn:
            while self._shown < frame and not any(s.is_set() for s in stops):
                self._drawn.wait(WAIT_SLICE)
        return not any(s.is_set() for s in stops)
