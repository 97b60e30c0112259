"""`sahelsim teach`: the GIF for slides, and a clear refusal of an unknown scenario."""

from __future__ import annotations

import pytest

from sim.scenario.loading import load_scenario


def test_teach_writes_an_animated_map_gif(tmp_path, sahelsim):
    target = tmp_path / "map.gif"
    result = sahelsim("teach", "gambia-2017", "--gif", str(target), "--seed", "3", "--every", "40")
    assert result.status == 0, result.err
    from PIL import Image

    with Image.open(target) as gif:
        assert gif.format == "GIF"
        # one frame every 40 days of the horizon, and the last day
        horizon = load_scenario("gambia-2017").days
        assert gif.n_frames == len(range(0, horizon + 1, 40)) + (horizon % 40 != 0)


def test_teach_refuses_an_unknown_scenario_before_starting_anything(sahelsim):
    result = sahelsim("teach", "lesson-9-nowhere", "--no-browser")
    assert result.status == 2
    assert "no bundled scenario of that name" in result.err and "Traceback" not in result.err


def test_teach_class_refuses_bad_input_before_serving(sahelsim):
    cases = [
        (["--groups", "9"], "--groups 9: expected a number of worlds from 1 to 8"),
        (["--groups", "0"], "--groups 0: expected a number of worlds from 1 to 8"),
        (["--timeout", "0"], "--timeout 0.0: expected a positive number of seconds"),
        (["lesson-9-nowhere"], "no bundled scenario of that name"),
        (["--save", "no-such-folder"], "--save no-such-folder: no such folder"),
        # an address that is not this machine's: nothing can listen there
        (["--host", "192.0.2.10", "--port", "8899"], "cannot listen on 192.0.2.10:8899"),
    ]
    for options, message in cases:
        result = sahelsim("teach", "--class", "--no-browser", *options)
        assert result.status == 2, (options, result.err)
        assert message in result.err and "Traceback" not in result.err


def test_the_class_server_speaks_french_in_the_terminal_too():
    """A lecturer who starts the class in French read its addresses in English."""
    from class_client import _launch, stop_class

    proc, text, port = _launch(("--lang", "fr", "--seed", "1"))
    try:
        assert f"les élèves rejoignent la classe sur http://127.0.0.1:{port}/ avec le code" in text
        assert "projecteur (gardez cette adresse pour vous) : http://127.0.0.1" in text
        assert "students" not in text and "Ctrl-C to stop" not in text
    finally:
        stop_class(proc)


@pytest.mark.parametrize(
    "extra, said",
    [
        (("--class",), "with --class: the class is served live, the GIF is drawn offline"),
        ((), "expected a file name ending in .gif"),
    ],
)
def test_a_gif_asked_for_with_the_class_or_under_another_name_is_refused(
    sahelsim, tmp_path, extra, said
):
    """--class with --gif started the class server and ignored the GIF; --gif map.png wrote
    a GIF under a PNG's name."""
    target = tmp_path / ("map.gif" if extra else "map.png")
    result = sahelsim("teach", "gambia-2017", "--gif", str(target), *extra, "--no-browser")
    assert result.status == 2 and "Traceback" not in result.err
    assert said in result.err and not target.exists()


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "port {port} is in use; try --port"), ("fr", "le port {port} est déjà utilisé")],
)
def test_teach_on_a_port_in_use_says_so_before_announcing_anything(sahelsim, lang, said):
    """A port another server holds was announced as the app's address, then the server died
    with its library's English error and status 3: it is refused first, in the user's language."""
    import socket

    pytest.importorskip("solara")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = sahelsim("teach", "--port", str(port), "--no-browser", "--lang", lang)
    assert result.status == 2, result.err
    assert said.format(port=port) in result.err and "Traceback" not in result.err
    assert "http://" not in result.out


def test_teach_in_french_prints_no_english_line_from_start_to_ctrl_c():
    """Under --lang fr the terminal read solara's "Solara server is starting at ..." and, at
    Ctrl-C, "Aborted.": every line it prints is sahelsim's own, in French."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from class_client import free_port

    pytest.importorskip("solara")
    port = free_port()
    command = [sys.executable, "-m", "sim", "teach", "--lang", "fr", "--no-browser"]
    # its own process group, as a terminal starts it: Ctrl-C reaches the server too
    proc = subprocess.Popen(
        [*command, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        announced = proc.stdout.readline()  # once the page answers
        time.sleep(2)  # what the server might still print once up
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    assert announced == f"sahelsim teach : ouvrez http://127.0.0.1:{port}/  (Ctrl-C pour arrêter)\n"
    assert (out, err.strip()) == ("", ""), (out, err)
    assert proc.returncode == 130
