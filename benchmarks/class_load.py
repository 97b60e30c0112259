"""The class server under load: the projector's answer time with 40 phones in 8 worlds.

Starts ``sahelsim teach --class`` with 8 worlds on loopback, times the projector page's poll
(``/api/class``) while the class sits idle, then while 40 phones poll every 0.2 s and answer
every question put to them as the worlds play the August 2023 crisis. Prints the
medians and 90th percentiles of both, and the ratio of the loaded median to the idle one. For
scale: the single-user app plays at most one tick a second, so a poll answered in well under a
second keeps the projector as live as that app.

Usage: python benchmarks/class_load.py [--phones 40] [--worlds 8] [--polls 40]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

# the class server's client is shared with its tests
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from class_client import post, start_class, stop_class


def projector_polls(server: dict, count: int) -> list[float]:
    """Seconds each of ``count`` projector polls took, a quarter of a second apart."""
    times = []
    for _ in range(count):
        began = time.perf_counter()
        status, view = post(server, "/api/class", {"key": server["key"]})
        times.append(time.perf_counter() - began)
        if status != 200:
            raise SystemExit(f"the projector's poll failed: {status} {view}")
        time.sleep(0.25)
    return times


def phones(server: dict, tokens: list[str], stop: threading.Event) -> list[threading.Thread]:
    """A thread per phone: poll every 0.2 s, answer each new question with its first choice."""

    def phone(token: str) -> None:
        answered = set()
        while not stop.is_set():
            status, me = post(server, "/api/me", {"token": token})
            question = me.get("question") if status == 200 else None
            if question and question["id"] not in answered:
                choice = question["choices"][0]["value"]
                post(server, "/api/decide", {"token": token, "question": question["id"],
                                             "choice": choice})  # fmt: skip
                answered.add(question["id"])
            time.sleep(0.2)

    threads = [threading.Thread(target=phone, args=(t,), daemon=True) for t in tokens]
    for t in threads:
        t.start()
    return threads


def summary(name: str, times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p90 = ms[min(len(ms) - 1, int(0.9 * len(ms)))]
    return f"{name:<34} median {statistics.median(ms):7.1f} ms   p90 {p90:7.1f} ms   ({len(ms)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=40)
    parser.add_argument("--worlds", type=int, default=8)
    parser.add_argument("--polls", type=int, default=40, help="idle projector polls")
    args = parser.parse_args()
    try:
        proc, server = start_class("--groups", str(args.worlds), "--timeout", "300")
    except RuntimeError as error:
        raise SystemExit(str(error)) from None
    stop = threading.Event()
    try:
        idle = projector_polls(server, args.polls)
        tokens = [
            post(server, "/api/join", {"code": server["code"], "name": f"P{n}"})[1]["token"]
            for n in range(args.phones)
        ]
        post(server, "/api/draw", {"key": server["key"]})
        phones(server, tokens, stop)
        post(server, "/api/play", {"key": server["key"], "running": True})
        post(server, "/api/step", {"key": server["key"], "days": 400})
        loaded = projector_polls(server, args.polls)  # the phones go on polling throughout
        _, view = post(server, "/api/class", {"key": server["key"]})
        finished = sum(w["finished"] for w in view["worlds"])
        answered = sum(w["answers"]["player"] for w in view["worlds"])
    finally:
        stop.set()
        stop_class(proc)
    print(f"class server, {args.worlds} worlds on loopback")
    print(summary("projector poll, class idle", idle))
    print(summary(f"projector poll, {args.phones} phones playing", loaded))
    print(f"worlds finished: {finished} of {args.worlds}; decisions taken on phones: {answered}")
    ratio = statistics.median(loaded) / statistics.median(idle)
    print(f"loaded / idle (medians): {ratio:.1f}x")


if __name__ == "__main__":
    main()
