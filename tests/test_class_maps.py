"""The projector's maps (issue 16): drawn off the event loop, once for what they show.

No server: the session is moved as the server moves it, and the maps asked for as the
projector's page asks for them.
"""

from __future__ import annotations

import asyncio

from conftest import class_seed

from sim.present.classroom import maps
from sim.present.classroom.maps import WorldMaps
from sim.present.classroom.session import ClassSession

PNG = b"\x89PNG\r\n\x1a\n"


def test_a_map_is_drawn_once_for_what_it_shows_and_again_after_a_war(monkeypatch):
    drawn = []

    def counted(state, lang):
        drawn.append(lang)
        return draw(state, lang)

    draw = maps.map_png
    monkeypatch.setattr(maps, "map_png", counted)
    session = ClassSession("niger-2023-base", groups=3, seed=class_seed(), ensemble_runs=5)
    seat = session.join(session.code, "Awa")
    session.assign(seat.id, "ECOWAS", 0)
    world_maps = WorldMaps(session)
    loop = asyncio.new_event_loop()  # the server's: one loop for the server's life

    def ask(group, lang="en"):
        return loop.run_until_complete(world_maps.png(group, lang))

    try:
        first = ask(0)
        assert first.startswith(PNG)
        # the other worlds, in the same state, and later days without a war: the same drawing
        assert [ask(1), ask(2)] == [first, first]
        session.step(7)
        assert ask(0) == first
        assert drawn == ["en"]
        assert ask(0, "fr").startswith(PNG)  # drawn for the French page too
        # ECOWAS's player attacks Niger at the deadline: world 1 goes to war, its map changes
        session.step(30)
        session.decide(seat.token, session.asks[0].id, "attack")
        session.step(30)
        at_war = ask(0)
        assert at_war.startswith(PNG) and at_war != first
        assert ask(1) == first
        assert drawn == ["en", "fr", "en"]
    finally:
        world_maps.close()
        loop.close()
