"""The classroom browser app (``sahelsim teach``), served by solara with no internet.

:func:`serve` starts ``solara run`` on :mod:`sim.present.app.page` in a subprocess, passing the
scenario and the language through environment variables, and waits for it. The page is in
:mod:`sim.present.app.page`; what it shows (settings, the live run, figures, the ensemble and
the animated GIF of :func:`animate_map`) is in :mod:`sim.present.app.live`, which does not need
solara. Nothing here imports solara, so the command line stays fast.
"""

from __future__ import annotations

import importlib.util
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import webbrowser
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from sim.errors import InputError, Text
from sim.present.terminal import WORDS
from sim.resources import install_command

PAGE = Path(__file__).with_name("page.py")
HOST = "127.0.0.1"
FIRST_PORT = 8765  # solara's own default
TEACH_EXTRA = install_command("teach")
ENV_SCENARIO = "SAHELSIM_SCENARIO"
"""The server's environment variable naming the scenario the page opens."""
ENV_LANG = "SAHELSIM_LANG"
"""The server's environment variable naming the page's starting language."""
STARTUP_SECONDS = 120


def animate_map(scenario, seed: int, path, lang: str = "en", **options) -> Path:
    """Write an animated GIF of the map over one replicate; see :func:`.live.animate_map`."""
    from sim.present.app.live import animate_map as animate

    return animate(scenario, seed, path, lang, **options)


def missing_packages() -> list[str]:
    """Packages of the ``teach`` extra that are not installed."""
    needed = ("solara", "solara_assets", "ipyvuetify", "ipyvue")
    return [name for name in needed if importlib.util.find_spec(name) is None]


def port_is_free(port: int) -> bool:
    """Whether nothing listens on ``port`` at 127.0.0.1."""
    with socket.socket() as s:
        return s.connect_ex((HOST, port)) != 0


def free_port(first: int = FIRST_PORT, tries: int = 50) -> int:
    """The first port from ``first`` that nothing listens on at 127.0.0.1."""
    for port in range(first, first + tries):
        if port_is_free(port):
            return port
    raise InputError(
        Text(
            "no free port between {first} and {last}; use --port",
            first=first,
            last=first + tries - 1,
        )
    )


def server_command(port: int) -> list[str]:
    """The ``solara run`` command serving the page on ``port``, every asset from this machine."""
    return [
        sys.executable,
        "-m",
        "solara",
        "run",
        str(PAGE),
        "--host",
        HOST,
        "--port",
        str(port),
        "--production",
    ]


QUIET_COOKIE_WARNING = "ignore::UserWarning:solara.server.starlette"


def server_env(scenario: str, lang: str) -> dict[str, str]:
    """The environment of the server: the page's scenario and language, no telemetry."""
    return {
        **os.environ,
        ENV_SCENARIO: scenario,
        ENV_LANG: lang,
        "SOLARA_TELEMETRY_MIXPANEL_ENABLE": "False",  # nothing leaves the machine
        # solara's corner banner would sit on the story's newest lines on a projector
        "SOLARA_THEME_SHOW_BANNER": "False",
        "SOLARA_THEME_TITLE": "sahelsim",
        # solara warns about cookies on every page served at 127.0.0.1 (it expects "localhost");
        # harmless here, and a screenful of it would bury the address in the lecturer's terminal
        "PYTHONWARNINGS": ",".join(
            filter(None, [os.environ.get("PYTHONWARNINGS"), QUIET_COOKIE_WARNING])
        ),
    }


SOLARA_OWN = re.compile(r"^(Solara server is starting at \S+|Aborted!?\.?)\s*$")
"""The lines solara prints of itself, in English whatever the page's language: that it starts
(sahelsim says where to open the page, in the lecturer's language) and, at Ctrl-C, "Aborted."."""


def relay(lines: Iterable[str], out: TextIO) -> None:
    """Pass the server's output to ``out``, but for solara's own lines (:data:`SOLARA_OWN`).

    What else the server prints is what went wrong (the page logs an error a click met with its
    traceback, headed in the page's language): the lecturer's terminal keeps it.
    """
    for line in lines:
        if not SOLARA_OWN.match(line):
            out.write(line)
            out.flush()


def wait_until_up(url: str, proc: subprocess.Popen, seconds: float = STARTUP_SECONDS) -> bool:
    """Whether ``url`` answered before ``seconds`` passed or the server exited."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return True
        except OSError:
            time.sleep(0.5)
    return False


def _exit_on_term(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def serve(
    scenario: str, *, port: int | None = None, lang: str = "en", open_browser: bool = True
) -> int:
    """Serve the app until interrupted; return the exit status for the command line.

    Args:
        scenario: the scenario or lesson to open (a bundled name or a file).
        port: the port on 127.0.0.1; by default the first free one from 8765.
        lang: "en" or "fr", the page's starting language.
        open_browser: whether to open the address in the default browser.

    Raises:
        InputError: the ``teach`` extra is missing, the port asked for is in use, or no port
            is free.
        ScenarioError: the scenario is not valid.
    """
    from sim.scenario.loading import load_scenario

    missing = missing_packages()
    if missing:
        raise InputError(
            Text(
                "the app needs {packages}: {command}",
                packages=", ".join(missing),
                command=TEACH_EXTRA,
            )
        )
    load_scenario(scenario)  # a bad name fails here, with its message, not in the server
    if port is not None and not port_is_free(port):
        # Another server answering there would be taken for ours, and announced.
        raise InputError(
            Text("port {port} is in use; try --port {free}", port=port, free=free_port(port + 1))
        )
    port = port or free_port()
    url = f"http://{HOST}:{port}/"
    proc = subprocess.Popen(
        server_command(port),
        env=server_env(str(scenario), lang),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    # solara's own English lines stay out of the lecturer's terminal (a French one read them)
    threading.Thread(target=relay, args=(proc.stdout, sys.stderr), daemon=True).start()
    # A plain `kill` must not orphan the server: exit through the `finally` below.
    signal.signal(signal.SIGTERM, _exit_on_term)
    try:
        if not wait_until_up(url, proc):
            proc.terminate()
            print(WORDS[lang]["teach_down"].format(url=url), file=sys.stderr)
            return 1
        print(WORDS[lang]["teach_open"].format(url=url), flush=True)
        if open_browser:
            webbrowser.open(url)
        return proc.wait()
    except KeyboardInterrupt:
        return 130
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=20)
