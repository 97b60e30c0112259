"""The class plays (``sahelsim teach --class``): students take the decisions from their phones.

- :mod:`.worlds`: one group's live run, paused at each decision its players hold.
- :mod:`.session`: the class: worlds, join code, seats and roles, pending questions, timers
  and who may answer what. Pure Python, tested without a browser.
- :mod:`.ensemble`: the model's own unplayed runs from the class's start, which the debrief
  sets each played decision against.
- :mod:`.runfile`: one world's answers and parameters on disk (``explain --class-run``).
- :mod:`.told`: a world's story with every choice its players took, those no record tells
  (a week's defiance, a week's wait) where they were taken.
- :mod:`.views` and :mod:`.words`: what the projector and the phones show, in English and
  French.
- :mod:`.server`: the pages and the JSON API (Starlette, served by uvicorn) on the classroom
  network's address and loopback only.

:func:`serve_class` is what the command line calls. Nothing here is imported by the
single-user app (``sahelsim teach`` without ``--class``), which is unchanged.
"""

from __future__ import annotations

import importlib.util
import sys
import webbrowser
from pathlib import Path

from sim.errors import InputError, Text
from sim.present.terminal import WORDS
from sim.resources import install_command

CLASS_SCENARIO = "niger-2023-base"
"""The crisis a class plays by default: ECOWAS threatens Niger in August 2023."""
FIRST_PORT = 8800
LOOPBACK = "127.0.0.1"
TEACH_EXTRA = install_command("teach")


def missing_packages() -> list[str]:
    """Packages the class mode needs that are not installed."""
    needed = ("starlette", "uvicorn", "segno")
    return [name for name in needed if importlib.util.find_spec(name) is None]


def open_sockets(host: str, port: int | None) -> tuple[list, int]:
    """Listening sockets on ``host`` and on loopback, on one port (the first free from 8800).

    Raises:
        InputError: the port is taken, or no port is free, or ``host`` is not this machine's.
    """
    from sim.present.classroom.server import bind

    hosts = list(dict.fromkeys([host, LOOPBACK]))
    for candidate in [port] if port else range(FIRST_PORT, FIRST_PORT + 50):
        sockets = []
        try:
            for h in hosts:
                sockets.append(bind(h, candidate))
        except OSError as exc:
            for s in sockets:
                s.close()
            if port:
                raise InputError(
                    Text(
                        "cannot listen on {host}:{port} ({reason}); choose another --port or "
                        "--host",
                        host=h,
                        port=candidate,
                        reason=exc.strerror,
                    )
                ) from None
            continue
        return sockets, candidate
    raise InputError(
        Text(
            "no free port between {first} and {last}; use --port",
            first=FIRST_PORT,
            last=FIRST_PORT + 49,
        )
    )


def serve_class(
    scenario: str,
    *,
    port: int | None = None,
    host: str | None = None,
    groups: int = 1,
    seed: int = 0,
    timeout: float = 45.0,
    save: Path | None = None,
    lang: str = "en",
    open_browser: bool = True,
) -> int:
    """Serve a class session until interrupted; return the exit status.

    Args:
        scenario: the scenario the class plays (a bundled name or a file).
        port: the port (default: the first free one from 8800).
        host: the address phones reach (default: this machine's address on the local network).
        groups: how many worlds, one per group of students (1 to 8).
        seed: the replicate seed every world runs on.
        timeout: seconds a player has to answer before the model decides.
        save: an existing folder where each world's decisions are saved after every one.
        lang: the pages' starting language.
        open_browser: whether to open the projector page.

    Raises:
        InputError: a package is missing, a value is out of range, or the port is taken.
        ScenarioError: the scenario is not valid.
    """
    missing = missing_packages()
    if missing:
        raise InputError(
            Text(
                "the class mode needs {packages}: {command}",
                packages=", ".join(missing),
                command=TEACH_EXTRA,
            )
        )
    from sim.present.classroom.session import MAX_GROUPS, ClassSession

    if not 1 <= groups <= MAX_GROUPS:
        raise InputError(
            Text(
                "--groups {groups}: expected a number of worlds from 1 to {most}",
                groups=groups,
                most=MAX_GROUPS,
            )
        )
    if not timeout > 0:
        raise InputError(
            Text("--timeout {timeout}: expected a positive number of seconds", timeout=timeout)
        )
    if save is not None and not Path(save).is_dir():
        raise InputError(
            Text("--save {save}: no such folder; expected an existing folder", save=save)
        )
    from sim.present.classroom.server import create_app, lan_address, run_server

    session = ClassSession(scenario, groups=groups, seed=seed, timeout=timeout, save=save)
    found = host is None
    host = host or lan_address()
    sockets, port = open_sockets(host, port)
    join_url = f"http://{host}:{port}/"
    projector = f"http://{LOOPBACK}:{port}/lecturer?key={session.lecturer_key}&lang={lang}"
    app = create_app(session, join_url, lang)
    words = WORDS[lang]
    print(
        words["class_open"].format(join=join_url, code=session.code, projector=projector),
        flush=True,
    )
    if save is not None:
        print(words["class_saved"].format(save=save, code=session.code))
    if found and host == LOOPBACK:
        print(words["class_alone"], file=sys.stderr)
    if open_browser:
        webbrowser.open(projector)
    try:
        run_server(app, sockets)
    except KeyboardInterrupt:
        return 130
    finally:
        for s in sockets:
            s.close()
    return 0
