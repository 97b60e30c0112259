"""Each world's map for the projector: who is at war with whom, drawn only when that changes.

The map is the classroom app's (:mod:`sim.present.app.warmap`): countries coloured by their
side in their first war, the obligations answered so far as arrows, the outside powers that act
named at its edge; the projector's page shows the legend, once, in its own language and type. It is drawn from a copy of what a world has run so far, taken on the
server's event loop, in one worker thread: the heartbeat ticks on while a map is drawn (a
drawing takes a third of a second of one core), and the worlds' models are never read from
two threads. The projector asks for a world's map when the world's day changes; the map is
drawn only when what it shows has changed, a few times a run.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import types

from sim.model.records import RecordKind
from sim.present.app import warmap
from sim.present.classroom.session import ClassSession
from sim.present.figures import png


def snapshot(session: ClassSession, group: int) -> types.SimpleNamespace:
    """What the map reads of a world's model, copied: sides and records so far, and its actors."""
    world = session.worlds[group]
    return types.SimpleNamespace(
        side=dict(world.model.side), records=list(world.records), world=world.world
    )


def shown(state: types.SimpleNamespace) -> tuple:
    """What a map drawn from ``state`` shows: the sides taken, the obligations answered.

    Only these change the drawing, a few times a run: the day does not (the card says it).
    """
    sides = tuple(sorted((actor, side) for actor, side in state.side.items() if side))
    answers = tuple(
        (r.actor, r.target, r.get("response"))
        for r in state.records
        if r.kind is RecordKind.RESPONSE
    )
    return sides, answers


def map_png(state: types.SimpleNamespace, lang: str) -> bytes:
    """A world's map as a PNG, from its :func:`snapshot` (no title: the card shows the day)."""
    return png(warmap.map_figure(state, lang, warmap.CARD))


MAPS_KEPT = 64
"""Maps kept drawn (each about 50 kB): every world's current one, in both languages, and more."""


class WorldMaps:
    """The projector's maps of a session's worlds, drawn once for what they show.

    The page asks for a world's map each time its day changes; the answer is drawn only if
    the world's sides or answered obligations differ from every map kept, so worlds in the
    same state (all of them, before the first war) share one drawing.

    Args:
        session: the class.
    """

    def __init__(self, session: ClassSession):
        self.session = session
        # one thread: maps are drawn one at a time, and matplotlib is not shared across threads
        self.drawer = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="class-map")
        self.drawn: collections.OrderedDict[tuple, asyncio.Future] = collections.OrderedDict()

    async def png(self, group: int, lang: str) -> bytes:
        """World ``group``'s map as it stands now, in ``lang`` (``group`` must exist)."""
        state = snapshot(self.session, group)
        key = (shown(state), lang)
        future = self.drawn.get(key)
        if future is None:
            loop = asyncio.get_running_loop()
            future = loop.run_in_executor(self.drawer, map_png, state, lang)
            self.drawn[key] = future  # a second request for the same map waits for this one
            while len(self.drawn) > MAPS_KEPT:
                self.drawn.popitem(last=False)
        self.drawn.move_to_end(key)
        try:
            return await asyncio.shield(future)
        except Exception:
            if self.drawn.get(key) is future:
                del self.drawn[key]  # drawn again on the next request
            raise

    def close(self) -> None:
        """Stop the drawing thread once the map it may be drawing is done."""
        self.drawer.shutdown(wait=False, cancel_futures=True)
