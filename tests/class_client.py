"""A client for the class server: start ``sahelsim teach --class`` on loopback, talk to it.

Shared by the class server's tests and by ``benchmarks/class_load.py`` (which puts this folder on
its path); the app's browser test takes its free port from here too. A server that does not start
raises ``RuntimeError``: a test reports it as a failure, the benchmark as its exit message.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

STARTUP_SECONDS = 60
"""How long the server may print other lines before its projector address."""


def free_port() -> int:
    """A free port at 127.0.0.1 as the system picks it: tests run in parallel, so no fixed range."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_class(*options: str) -> tuple[subprocess.Popen, dict]:
    """``sahelsim teach --class OPTIONS`` on a free loopback port: the process and what it printed.

    The dict holds ``url`` (the server's root, without a slash), ``join`` (the students' address),
    ``code`` (the join code), ``projector`` (the lecturer's address) and ``key`` (in it).
    """
    for _ in range(PORT_TRIES):
        proc, text, port = _launch(options)
        if PORT_TAKEN not in text:
            break
    join = re.search(r"join at (\S+) with code (\S+)", text)
    projector = re.search(r"yourself\): (\S+)", text)
    key = re.search(r"key=([^&\s]+)", text)
    if not (join and projector and key):
        proc.terminate()
        proc.stdout.close()
        raise RuntimeError(f"the class server did not start:\n{text}")
    return proc, {
        "url": f"http://127.0.0.1:{port}",
        "join": join[1],
        "code": join[2],
        "projector": projector[1],
        "key": key[1],
    }


PORT_TRIES = 5
"""Starts on a new port when another process took the free one first (Dask's workers, say)."""
PORT_TAKEN = "Address already in use"


def _launch(options: tuple[str, ...]) -> tuple[subprocess.Popen, str, int]:
    """Start the server on a free port: the process, what it printed up to its projector line, the port."""
    port = free_port()
    command = [sys.executable, "-m", "sim", "teach", "--class", "--no-browser", "--host"]
    command += ["127.0.0.1", "--port", str(port), *options]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    text = ""
    deadline = time.monotonic() + STARTUP_SECONDS
    # the projector's line comes last (in French, the projecteur's): the join line is read too
    while time.monotonic() < deadline and proc.poll() is None and "project" not in text:
        text += proc.stdout.readline()
    if proc.poll() is not None:
        text += proc.stdout.read()
        proc.stdout.close()
    return proc, text, port


def stop_class(proc: subprocess.Popen) -> None:
    """Stop a server ``start_class`` started."""
    proc.terminate()
    proc.wait(timeout=20)
    proc.stdout.close()


def post(
    server: dict, path: str, body: object = None, raw: bytes | None = None
) -> tuple[int, dict]:
    """POST ``body`` as JSON (or ``raw`` bytes as they are) to ``path``: the status and the answer.

    A refusal (4xx, 5xx) is returned like an answer, not raised: the server explains it in JSON.
    """
    data = raw if raw is not None else json.dumps(body).encode()
    request = urllib.request.Request(server["url"] + path, data=data, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.loads(error.read())
