"""The class mode's web server: the projector page, the phone page and their small JSON API.

A Starlette application (solara's own web layer, so nothing new to install but the QR code
library) served by uvicorn on the classroom network's address and on loopback, and nothing
else: no solara, no kernel, no file outside this package's ``static`` folder. Every asset is
served from this machine.

Routes (every answer JSON but the pages):

- ``GET /``: the phone page; ``GET /lecturer?key=K``: the projector (403 without the key).
- ``GET /qr.svg``: the QR code of the join address; ``GET /static/...``: script and style.
- ``GET /map?key=K&world=N&lang=L``: world N's map as a PNG, for the projector only (403
  without the key, or for a world the class does not have); the page asks again when the
  world's day changes, and the map is drawn again, off the event loop, only when what it
  shows has changed (:mod:`.maps`).
- ``POST /api/join`` ``{code, name}``: a seat and its secret token.
- ``POST /api/me`` ``{token, lang}``: the phone's view; ``POST /api/decide``
  ``{token, question, choice}``: an answer.
- ``POST /api/class`` ``{key, lang}``: the projector's view; ``/api/assign``
  ``{key, seat, role, group?}``, ``/api/draw``, ``/api/play`` ``{running}``, ``/api/step``
  ``{days}`` or ``{week: true}`` (a week as the app counts it: to day 7 from the start),
  ``/api/round`` ``{scenario, seed}`` (a new round, on a scenario the projector's page offers,
  with the phones that have joined): the lecturer's moves.

The model's unplayed runs the debrief compares with are counted in a thread of their own as
soon as the server starts; a world that finishes before they are counted says so.

A refused request gets 403 (or 400 when malformed) with ``{"error": reason, "message": text}``
and changes nothing. A heartbeat task ticks the session (timers, playing worlds) four times a
second. Every handler runs on the event loop, one at a time, so the session needs no lock.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import io
import json
import socket
import sys
import traceback
from pathlib import Path

import segno
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from sim.errors import InputError
from sim.present.app.warmap import legend_entries
from sim.present.app.words import typeset
from sim.present.classroom.maps import WorldMaps
from sim.present.classroom.session import ClassSession, Refused
from sim.present.classroom.views import class_view, language, scenario_options, seat_view
from sim.present.classroom.words import LANGS, template, word
from sim.scenario.defaults import MAX_SEED

STATIC = Path(__file__).with_name("static")
TICK_SECONDS = 0.25
MAX_BODY = 4096
"""Bytes: every message of the API is a few dozen; anything longer is refused unread."""
MAX_DAYS = 3660
"""The most days one Step may ask for (a run stops at its horizon anyway)."""


def refused(reason: str, lang: str = "en", status: int = 403) -> JSONResponse:
    """The answer to a refused request."""
    message = word(f"refused.{reason}", language(lang))
    return JSONResponse({"error": reason, "message": message}, status_code=status)


async def _body(request: Request) -> dict:
    """The request's JSON object, or Refused("malformed")."""
    length = request.headers.get("content-length")
    if length is None or not length.isdigit() or int(length) > MAX_BODY:
        raise Refused("malformed")
    raw = await request.body()
    if len(raw) > MAX_BODY:
        raise Refused("malformed")
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise Refused("malformed") from None
    if not isinstance(body, dict):
        raise Refused("malformed")
    return body


def _int(value: object, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise Refused("malformed")
    return value


def create_app(session: ClassSession, join_url: str, lang: str = "en") -> Starlette:
    """The class mode's application around one session.

    Args:
        session: the class.
        join_url: the address phones open (on the classroom network), drawn as the QR code.
        lang: the pages' starting language.
    """
    qr = segno.make(f"{join_url}?code={session.code}", error="m")
    buffer = io.BytesIO()
    qr.save(buffer, kind="svg", scale=8, border=2, dark="#111", light="#fff")
    qr_svg = buffer.getvalue()
    maps = WorldMaps(session)
    opened = session.scenario_name  # offered for every new round, before the bundled ones

    async def handle(request: Request, act) -> Response:
        lang = "en"
        try:
            body = await _body(request)
            lang = language(body.get("lang", "en"))
            return JSONResponse(act(body, lang))
        except Refused as exc:
            status = 400 if exc.reason == "malformed" else 403
            return refused(exc.reason, lang, status)

    # ---------------------------------------------------------------- pages

    async def phone(request: Request) -> Response:
        chosen = language(request.query_params.get("lang", lang))
        return HTMLResponse(page("phone", chosen, join_url, session.code))

    async def lecturer(request: Request) -> Response:
        chosen = language(request.query_params.get("lang", lang))
        try:
            session.check_key(request.query_params.get("key"))
        except Refused:
            return HTMLResponse(html.escape(word("refused.key", chosen)), status_code=403)
        options = scenario_options(opened, chosen)
        return HTMLResponse(page("lecturer", chosen, join_url, session.code, options))

    async def qr_code(request: Request) -> Response:
        return Response(qr_svg, media_type="image/svg+xml")

    async def world_map(request: Request) -> Response:
        chosen = language(request.query_params.get("lang", lang))
        try:
            session.check_key(request.query_params.get("key"))
            n = request.query_params.get("world", "")
            if not (n.isascii() and n.isdigit() and len(n) <= 2):
                raise Refused("malformed")
            if not 1 <= int(n) <= len(session.worlds):
                raise Refused("group")
        except Refused as exc:
            return refused(exc.reason, chosen, 400 if exc.reason == "malformed" else 403)
        image = await maps.png(int(n) - 1, chosen)
        # the page asks again only when the world's day changes (it is in the address)
        return Response(image, media_type="image/png", headers={"Cache-Control": "no-store"})

    # ---------------------------------------------------------------- phones

    async def join(request: Request) -> Response:
        def act(body, lang):
            name = body.get("name", "")
            if not isinstance(name, str):
                raise Refused("malformed")
            seat = session.join(body.get("code"), name)
            return {"token": seat.token, "seat": seat.id}

        return await handle(request, act)

    async def me(request: Request) -> Response:
        return await handle(
            request, lambda body, lang: seat_view(session, session.seat(body.get("token")), lang)
        )

    async def decide(request: Request) -> Response:
        def act(body, lang):
            token = body.get("token")
            session.decide(token, body.get("question"), body.get("choice"))
            return seat_view(session, session.seat(token), lang)

        return await handle(request, act)

    # ---------------------------------------------------------------- the lecturer

    def lecturer_move(move):
        async def endpoint(request: Request) -> Response:
            def act(body, lang):
                session.check_key(body.get("key"))
                move(body)
                return class_view(session, lang)

            return await handle(request, act)

        return endpoint

    def assign(body):
        seat, role, group = body.get("seat"), body.get("role"), body.get("group")
        if not isinstance(seat, str) or not isinstance(role, str):
            raise Refused("malformed")
        session.assign(seat, role, None if group is None else _int(group, 0, 7))

    def play(body):
        running = body.get("running")
        if not isinstance(running, bool):
            raise Refused("malformed")
        session.play(running)

    def step(body):
        week = body.get("week", False)
        if not isinstance(week, bool):
            raise Refused("malformed")
        if week:  # "Step a week": a week on from the day shown, as the app's button
            session.step_week()
        else:
            session.step(_int(body.get("days", 7), 1, MAX_DAYS))

    def new_round(body):
        scenario, seed = body.get("scenario"), body.get("seed")
        if not isinstance(scenario, str) or not isinstance(seed, str):
            raise Refused("malformed")
        if scenario not in {o["value"] for o in scenario_options(opened, "en")}:
            raise Refused("scenario")  # the page offers those; no other file is read
        seed = seed.strip()
        if not (seed.isascii() and seed.isdigit()) or int(seed) > MAX_SEED:
            raise Refused("seed")
        try:
            session.new_round(scenario, int(seed))
        except InputError:  # a scenario file edited since the class opened on it
            raise Refused("scenario") from None

    @contextlib.asynccontextmanager
    async def lifespan(app):
        async def heartbeat():
            while True:
                await asyncio.sleep(TICK_SECONDS)
                try:
                    session.tick()
                except Exception:  # a bug must not stop every timer of the class: say it, go on
                    traceback.print_exc(file=sys.stderr)

        task = asyncio.create_task(heartbeat())
        # the debrief's unplayed runs, counted while the class plays (a few seconds of one core)
        session.ensemble.start()
        try:
            yield
        finally:
            task.cancel()
            maps.close()

    return Starlette(
        routes=[
            Route("/", phone),
            Route("/lecturer", lecturer),
            Route("/qr.svg", qr_code),
            Route("/map", world_map),
            Route("/api/join", join, methods=["POST"]),
            Route("/api/me", me, methods=["POST"]),
            Route("/api/decide", decide, methods=["POST"]),
            Route("/api/class", lecturer_move(lambda body: None), methods=["POST"]),
            Route("/api/assign", lecturer_move(assign), methods=["POST"]),
            Route("/api/draw", lecturer_move(lambda body: session.draw()), methods=["POST"]),
            Route("/api/play", lecturer_move(play), methods=["POST"]),
            Route("/api/step", lecturer_move(step), methods=["POST"]),
            Route("/api/round", lecturer_move(new_round), methods=["POST"]),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        lifespan=lifespan,
    )


def page(which: str, lang: str, join_url: str, code: str, options: list[dict] | None = None) -> str:
    """The HTML of the phone or projector page: a skeleton the script fills from the API.

    ``options``: the scenarios the projector's new round may play (:func:`scenario_options`).
    """
    words = {key: typeset(template(key, lang), lang) for key in _PAGE_WORDS}
    other = next(x for x in LANGS if x != lang)
    config = {"page": which, "lang": lang, "words": words, "scenarios": options or []}
    if which == "lecturer":  # the maps' legend, once above the worlds, in the page's type
        config["legend"] = legend_entries(lang)
    data = html.escape(json.dumps(config), quote=True)
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(words['title'])}</title>"
        '<link rel="stylesheet" href="/static/class.css">'
        # no icon: the browser would ask for /favicon.ico, and log its 404 as an error
        '<link rel="icon" href="data:,"></head>'
        f'<body class="{which}" data-class="{data}">'
        f"<header><h1>{html.escape(words['title'])}</h1>"
        f'<a class="lang" href="?lang={other}" data-lang="{other}">{other.upper()}</a></header>'
        f'<p class="note">{html.escape(words["not_forecast"])}</p>'
        + (_lecturer_body(words, join_url, code) if which == "lecturer" else _phone_body(words))
        + '<p id="error" role="alert"></p>'
        '<script src="/static/class.js"></script></body></html>'
    )


_PAGE_WORDS = (
    "title",
    "not_forecast",
    "join_title",
    "join_at",
    "join_code",
    "scan",
    "start",
    "pause",
    "step_week",
    "draw",
    "draw.nobody",
    "assign",
    "phones",
    "no_phones",
    "story",
    "details",
    "map",
    "decisions",
    "your_name",
    "code",
    "join",
    "what_you_see",
    "offline",
    "sent",
    "language",
    "to_end",
    "scenario",
    "seed",
    "new_round",
    "new_round.confirm",
)


def _lecturer_body(words: dict, join_url: str, code: str) -> str:
    e = html.escape
    return (
        '<section id="joinbox">'
        f"<h2>{e(words['join_title'])}</h2>"
        f'<p>{e(words["join_at"])}</p><p class="address" id="address">{e(join_url)}</p>'
        f'<p>{e(words["scan"])}</p><img id="qr" src="/qr.svg" alt="QR" width="240" height="240">'
        f'<p>{e(words["join_code"])}</p><p class="code" id="code">{e(code)}</p>'
        "</section>"
        '<div id="main"><h2 id="playing"></h2><section id="controls">'
        f'<button id="play">{e(words["start"])}</button>'
        f'<button id="step">{e(words["step_week"])}</button>'
        f'<button id="draw">{e(words["draw"])}</button>'
        f'<button id="to_end" class="secondary">{e(words["to_end"])}</button>'
        '<p id="notice" role="status" hidden></p>'
        # another round, of this scenario or another, with the phones that have joined
        '<div id="round">'
        f'<label>{e(words["scenario"])} <select id="scenario"></select></label>'
        f'<label>{e(words["seed"])} <input id="seed" inputmode="numeric" autocomplete="off" '
        'size="12"></label>'
        f'<button id="new_round" class="secondary">{e(words["new_round"])}</button>'
        "</div>"
        '<p id="legend"></p>'  # the maps' legend, once for every world's map
        "</section>"
        '<section id="comparison" hidden></section>'
        '<section id="worlds"></section></div>'
    )


def _phone_body(words: dict) -> str:
    e = html.escape
    return (
        '<form id="join" hidden>'
        f'<label>{e(words["code"])} <input id="code" name="code" autocomplete="off" '
        'autocapitalize="characters" maxlength="12"></label>'
        f'<label>{e(words["your_name"])} <input id="name" name="name" maxlength="24"></label>'
        f'<button type="submit">{e(words["join"])}</button>'
        "</form>"
        '<section id="seat" hidden>'
        '<p id="scenario"></p><p id="world"></p><h2 id="role"></h2><p id="day"></p>'
        '<div id="question" hidden><p id="qdate"></p><p id="qtext"></p>'
        f'<h3>{e(words["what_you_see"])}</h3><dl id="weighs"></dl>'
        '<div id="choices"></div></div>'
        '<p id="status"></p>'
        f'<h3>{e(words["story"])}</h3><ul id="story"></ul>'
        "</section>"
    )


def lan_address() -> str:
    """This machine's address on the local network (no packet is sent), or loopback."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # a documentation address: only picks the route
            address = s.getsockname()[0]
        except OSError:
            return "127.0.0.1"
    return address


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (raises OSError if taken)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def run_server(app: Starlette, sockets: list[socket.socket]) -> None:
    """Serve ``app`` on ``sockets`` until interrupted."""
    import uvicorn

    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
    uvicorn.Server(config).run(sockets=sockets)
