"""The class server over real HTTP on loopback: what a phone may send, and a class-sized load.

``sahelsim teach --class`` runs as the lecturer starts it (on 127.0.0.1 here); the requests are
plain HTTP from this process, as phones' would be.
"""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.error
import urllib.request

import pytest
from class_client import post, start_class, stop_class
from conftest import class_seed

pytest.importorskip("segno")
pytest.importorskip("uvicorn")


@pytest.fixture(scope="module")
def server():
    proc, info = start_class("--timeout", "120")
    yield info
    stop_class(proc)


def get(server, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(server["url"] + path, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.read().decode()


def test_every_page_and_asset_comes_from_this_machine(server):
    pages = ["/", "/?lang=fr", f"/lecturer?key={server['key']}", "/static/class.js"]
    pages += ["/static/class.css"]
    for path in pages:
        status, text = get(server, path)
        assert status == 200, path
        outside = re.findall(r"(?:https?:)?//(?!127\.0\.0\.1)[\w.-]+\.\w+", text)
        assert outside == [], (path, outside)
    status, svg = get(server, "/qr.svg")
    assert status == 200 and svg.startswith("<?xml") and "<svg" in svg


def test_only_the_lecturer_drives_the_class(server):
    status, _ = get(server, "/lecturer")
    assert status == 403
    status, _ = get(server, "/lecturer?key=guess")
    assert status == 403
    _, before = post(server, "/api/class", {"key": server["key"]})
    for path, body in [
        ("/api/step", {"days": 7}),
        ("/api/draw", {}),
        ("/api/play", {"running": True}),
    ]:
        status, answer = post(server, path, {**body, "key": "guess"})
        assert (status, answer["error"]) == (403, "key")
    _, after = post(server, "/api/class", {"key": server["key"]})
    assert after == before  # nothing moved


def test_bad_messages_are_refused_with_a_reason_and_change_nothing(server):
    _, before = post(server, "/api/class", {"key": server["key"]})
    cases = [
        ("/api/join", None, b"{not json"),
        ("/api/join", None, b"[1, 2]"),
        ("/api/join", None, json.dumps({"code": "x" * 5000}).encode()),
        ("/api/decide", None, b"\xff\xfe"),
        ("/api/step", {"key": server["key"], "days": "many"}, None),
        ("/api/step", {"key": server["key"], "days": 10_000}, None),
        ("/api/step", {"key": server["key"], "week": "yes"}, None),
        ("/api/assign", {"key": server["key"], "seat": 1, "role": "NER"}, None),
    ]
    for path, body, raw in cases:
        status, answer = post(server, path, body, raw)
        assert (status, answer["error"]) == (400, "malformed"), (path, body, raw)
        assert answer["message"] == "The message was not understood."
    status, answer = post(server, "/api/me", {"token": "forged", "lang": "fr"})
    assert (status, answer["error"]) == (403, "token")
    assert answer["message"].startswith("Ce téléphone ne fait plus partie de la classe")
    status, answer = post(server, "/api/join", {"code": "WRONG1", "name": "Eve"})
    assert (status, answer["error"]) == (403, "code")
    _, after = post(server, "/api/class", {"key": server["key"]})
    assert after == before


def get_bytes(server, path: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(server["url"] + path, timeout=60) as response:
            return response.status, response.headers["content-type"], response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers["content-type"], error.read()


PNG = b"\x89PNG\r\n\x1a\n"


def test_only_the_projector_sees_the_maps_which_follow_their_world():
    proc, server = start_class("--groups", "2", "--timeout", "120", "--seed", str(class_seed()))
    try:
        key = server["key"]
        status, seat = post(server, "/api/join", {"code": server["code"], "name": "Awa"})
        assert status == 200
        token = seat["token"]
        # refused without the key, with a guess, with a phone's token, for a world not there
        for query, status, reason in [
            ("?world=1", 403, "key"),
            ("?world=1&key=guess", 403, "key"),
            (f"?world=1&key={token}", 403, "key"),
            (f"?world=3&key={key}", 403, "group"),
            (f"?world=0&key={key}", 403, "group"),
            (f"?world=one&key={key}", 400, "malformed"),
        ]:
            code, kind, body = get_bytes(server, "/map" + query)
            assert (code, kind, json.loads(body)["error"]) == (status, "application/json", reason)
        assert not body.startswith(PNG)

        def world_map(n: int, lang: str = "en") -> bytes:
            code, kind, body = get_bytes(server, f"/map?world={n}&key={key}&lang={lang}")
            assert (code, kind) == (200, "image/png")
            assert body.startswith(PNG)
            return body

        before = world_map(1)
        assert world_map(1) == before  # the same day: the same map
        world_map(1, "fr")  # the French page's too (its legend is the page's, in French)
        # Awa's phone plays ECOWAS in world 1, attacks Niger at the deadline: a war
        status, _ = post(
            server, "/api/assign", {"key": key, "seat": seat["seat"], "role": "ECOWAS"}
        )
        assert status == 200
        post(server, "/api/step", {"key": key, "days": 30})
        _, me = post(server, "/api/me", {"token": token})
        question = me["question"]
        assert question["kind"] == "attack"
        answer = {"token": token, "question": question["id"], "choice": "attack"}
        assert post(server, "/api/decide", answer)[0] == 200
        _, view = post(server, "/api/step", {"key": key, "days": 30})
        assert view["worlds"][0]["day"] != me["day"]  # world 1 moved on past the question
        at_war = world_map(1)
        assert at_war != before
        # world 2, unplayed, has moved on without a war: its map is still the first one
        assert world_map(2) == before
    finally:
        stop_class(proc)


PHONES = 40
WORLDS = 8


@pytest.mark.slow
def test_forty_phones_in_eight_worlds_every_decision_delivered():
    proc, server = start_class("--groups", str(WORLDS), "--timeout", "300", "--seed", "3")
    try:
        tokens = []
        for n in range(PHONES):
            status, seat = post(server, "/api/join", {"code": server["code"], "name": f"P{n}"})
            assert status == 200
            tokens.append(seat["token"])
        status, view = post(server, "/api/draw", {"key": server["key"]})
        assert status == 200
        assert all(len(w["seats"]) == PHONES // WORLDS for w in view["worlds"])
        sent = [0] * PHONES
        refused = []
        stop_event = threading.Event()

        def phone(i: int) -> None:
            answered = set()
            while not stop_event.is_set():
                status, me = post(server, "/api/me", {"token": tokens[i]})
                question = me.get("question") if status == 200 else None
                if question and question["id"] not in answered:
                    options = [c["value"] for c in question["choices"]]
                    world = int(me["world"].split()[-1])
                    # even worlds attack at once; odd ones wait until ECOWAS's window closes
                    pick = {"concession": "defy"}.get(question["kind"], options[0])
                    if question["kind"] == "attack" and world % 2:
                        pick = "wait"
                    status, answer = post(
                        server,
                        "/api/decide",
                        {"token": tokens[i], "question": question["id"], "choice": pick},
                    )
                    answered.add(question["id"])
                    if status == 200:
                        sent[i] += 1
                    else:
                        refused.append(answer)
                time.sleep(0.2)

        threads = [threading.Thread(target=phone, args=(i,)) for i in range(PHONES)]
        for t in threads:
            t.start()
        status, _ = post(server, "/api/step", {"key": server["key"], "days": 400})
        assert status == 200
        polls = 0
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            status, view = post(server, "/api/class", {"key": server["key"]})
            polls += 1
            assert status == 200
            if all(w["finished"] for w in view["worlds"]):
                break
            time.sleep(0.5)
        stop_event.set()
        for t in threads:
            t.join(timeout=60)
    finally:
        stop_class(proc)
    assert all(w["finished"] for w in view["worlds"]), [w["status"] for w in view["worlds"]]
    assert refused == []
    delivered = sum(w["answers"]["player"] for w in view["worlds"])
    assert delivered == sum(sent) > 0
    assert all(w["answers"]["timer"] == 0 for w in view["worlds"])
    # every world had played decisions (even worlds attacked, odd ones waited)
    for w in view["worlds"]:
        assert w["answers"]["player"] >= 2
    # the projector answered every poll while forty phones played (how fast: the benchmark
    # benchmarks/class_load.py, since a timed assertion fails on a busy machine)
    assert polls >= 2


def test_step_a_week_from_the_start_shows_day_7_then_the_deadline():
    proc, server = start_class("--groups", "2", "--timeout", "120", "--seed", str(class_seed()))
    try:
        days = []
        for _ in range(2):
            status, view = post(server, "/api/step", {"key": server["key"], "week": True})
            assert status == 200
            days.append([w["day"] for w in view["worlds"]])
        # 17 and 24 August 2023: the threat's deadline
        assert days == [["Day 7 of 365"] * 2, ["Day 14 of 365"] * 2]
    finally:
        stop_class(proc)


def test_a_new_round_is_the_lecturers_on_a_scenario_the_page_offers():
    proc, server = start_class("--timeout", "120", "--seed", "5")
    try:
        status, seat = post(server, "/api/join", {"code": server["code"], "name": "Awa"})
        assert status == 200
        # the projector names what the class plays, and offers every lesson for the next round
        status, page = get(server, f"/lecturer?key={server['key']}")
        assert "lesson-6-half-of-coups-fail" in page and "Lesson 6 - Half of all coups fail" in page
        key = server["key"]
        _, before = post(server, "/api/class", {"key": key})
        assert before["playing"].startswith("Niger, August 2023") and before["round"] == 1
        refused = [
            ({"key": "guess", "scenario": "lesson-6-half-of-coups-fail", "seed": "3"}, 403, "key"),
            ({"key": key, "scenario": "no-such-lesson", "seed": "3"}, 403, "scenario"),
            ({"key": key, "scenario": "/etc/passwd", "seed": "3"}, 403, "scenario"),  # no file
            ({"key": key, "scenario": "lesson-6-half-of-coups-fail", "seed": "-3"}, 403, "seed"),
            (
                {"key": key, "scenario": "lesson-6-half-of-coups-fail", "seed": "9" * 20},
                403,
                "seed",
            ),
            ({"key": key, "scenario": "lesson-6-half-of-coups-fail", "seed": 3}, 400, "malformed"),
        ]
        for body, code, reason in refused:
            status, answer = post(server, "/api/round", body)
            assert (status, answer["error"]) == (code, reason), body
        status, answer = post(server, "/api/round", {**refused[0][0], "key": key, "lang": "fr"})
        assert status == 200 and answer["round"] == 2
        assert answer["playing"].startswith("Leçon 6 - ") and answer["seed"] == "3"
        assert [s["name"] for s in answer["worlds"][0]["seats"]] == ["Awa"]  # still in the class
        status, me = post(server, "/api/me", {"token": seat["token"]})
        assert status == 200 and me["scenario"].startswith("Lesson 6 - ")
    finally:
        stop_class(proc)
