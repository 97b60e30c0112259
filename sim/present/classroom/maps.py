"""Each world's map for the projector: who is at war with whom, drawn once per world and day.

The map is the classroom app's (:func:`sim.present.app.live.draw_map`): countries coloured by
their side in their first war, the obligations answered so far as arrows, the legend in the
projector's language. It is drawn from a copy of what a world has run so far, taken on the
server's event loop, in one worker thread: the heartbeat ticks on while a map is drawn, and
the worlds' models are never read from two threads. A world's map is drawn again only when
its day or its records have changed, and only for a projector that asks for it.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import types

import matplotlib
from matplotlib.figure import Figure

from sim.present.app.live import draw_map, png
from sim.present.classroom.session import ClassSession
from sim.present.figures import STYLE

MAP_SIZE = (8.5, 6.2)
"""Inches, the app's map: its labels and legend keep their proportions, only the dots shrink."""
MAP_DPI = 60
"""Dots per inch: about 510 x 370 pixels, sharp in a world's card at projector sizes."""


def shown(session: ClassSession, group: int) -> tuple[int, int]:
    """What a world's map depends on: its last full day and how many records it has."""
    world = session.worlds[group]
    return world.done, len(world.records)


def snapshot(session: ClassSession, group: int) -> types.SimpleNamespace:
    """What :func:`draw_map` reads of a world's model, copied: sides and records so far."""
    world = session.worlds[group]
    return types.SimpleNamespace(side=dict(world.model.side), records=list(world.records))


def map_png(state: types.SimpleNamespace, lang: str) -> bytes:
    """A world's map as a PNG, from its :func:`snapshot` (no title: the card shows the day)."""
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=MAP_SIZE, dpi=MAP_DPI)
        ax = fig.add_axes((0.01, 0.01, 0.98, 0.98))  # fixed margins: cheaper than a layout
        draw_map(ax, state, lang)
        return png(fig)


class WorldMaps:
    """The projector's maps of a session's worlds, each cached for its day and language.

    Args:
        session: the class.
    """

    def __init__(self, session: ClassSession):
        self.session = session
        # one thread: maps are drawn one at a time, and matplotlib is not shared across threads
        self.drawer = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="class-map")
        self.drawn: dict[tuple[int, str], tuple[tuple[int, int], asyncio.Future]] = {}

    async def png(self, group: int, lang: str) -> bytes:
        """World ``group``'s map as it stands now, in ``lang`` (``group`` must exist)."""
        now = shown(self.session, group)
        cached = self.drawn.get((group, lang))
        if cached is None or cached[0] != now:
            state = snapshot(self.session, group)
            loop = asyncio.get_running_loop()
            future = loop.run_in_executor(self.drawer, map_png, state, lang)
            cached = (now, future)
            self.drawn[(group, lang)] = cached  # a second projector asking waits for this one
        try:
            return await asyncio.shield(cached[1])
        except Exception:
            if self.drawn.get((group, lang)) is cached:
                del self.drawn[(group, lang)]  # drawn again on the next request
            raise

    def close(self) -> None:
        """Stop the drawing thread once the map it may be drawing is done."""
        self.drawer.shutdown(wait=False, cancel_futures=True)
