"""Output into a pipe or a file: a reader that leaves early, and a file that has no width."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import REPO


def _closed(*args: str, cwd, stderr_closed: bool = False) -> tuple[int, str]:
    """Run ``sahelsim ARGS`` with a standard output whose reader is already gone (``| head -1``
    after its line); also standard error with ``stderr_closed``. Return the status and what
    was said on standard error (nothing when it is closed)."""
    with subprocess.Popen(
        [sys.executable, "-m", "sim", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        process.stdout.close()  # before the command writes anything: its first write meets EPIPE
        if stderr_closed:
            process.stderr.close()
        err = "" if stderr_closed else process.stderr.read()
    return process.returncode, err


def _complete(bundle, drawn: bool) -> None:
    manifest = json.loads((bundle / "manifest.json").read_text())
    replicates = manifest["replicates"]
    assert replicates["completed"] == replicates["planned"] and not replicates["interrupted"]
    rows = (bundle / "summary.csv").read_text().splitlines()
    assert len(rows) == replicates["planned"] + 1
    assert not (bundle / ".partial").exists()
    if drawn:
        assert (bundle / "report.html").is_file()
        assert manifest["drawn"] and all((bundle / p).is_file() for p in manifest["drawn"])


COMMANDS = {
    "run": ("run", "gambia-2017", "-n", "2", "--seed", "1", "--out", "b"),
    "compare": ("compare", "gambia-2017", "gambia-2017", "--set-b", "commitment=strict",
                "-n", "2", "--seed", "1", "--no-figures", "--out", "b"),
    "explain": ("explain", "gambia-2017", "--seed", "1"),
    "list": ("list",),
    "backtest": ("backtest", "--episodes", "gambia-2017-ultimatum", "-n", "2", "--seed", "1",
                 "--no-figures", "--out", "b"),
}  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS)
def test_a_reader_that_leaves_early_neither_fails_the_command_nor_cuts_its_files(tmp_path, command):
    """`sahelsim run ... | head -1` exited 1 with nothing said, though the bundle was whole."""
    status, err = _closed(*COMMANDS[command], cwd=tmp_path)
    assert status == 0, err
    assert "Traceback" not in err and "BrokenPipe" not in err and "Broken pipe" not in err, err
    if command == "run":
        _complete(tmp_path / "b", drawn=True)
    elif command == "compare":
        _complete(tmp_path / "b" / "a", drawn=False)
        _complete(tmp_path / "b" / "b", drawn=False)
        assert (tmp_path / "b" / "comparison.csv").is_file()
    elif command == "backtest":
        assert json.loads((tmp_path / "b" / "scores.json").read_text())
        _complete(tmp_path / "b" / "gambia-2017-ultimatum", drawn=False)


def test_a_run_whose_output_and_errors_both_lost_their_reader_writes_its_bundle_whole(tmp_path):
    """The header is said on standard error before the work: its failed write stopped the run
    before a single replicate, with status 1 and no word."""
    status, _ = _closed(*COMMANDS["run"], cwd=tmp_path, stderr_closed=True)
    assert status == 0
    _complete(tmp_path / "b", drawn=True)


def _listed(columns: str | None = None, terminal: int | None = None) -> list[str]:
    """The lines ``sahelsim list`` prints into a pipe (with ``COLUMNS`` if given), or onto a
    terminal ``terminal`` columns wide; no stream is a terminal otherwise, as in cron or CI."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["PYTHONPATH"] = str(REPO)
    if columns is not None:
        env["COLUMNS"] = columns
    command = [sys.executable, "-m", "sim", "list"]
    if terminal is None:
        done = subprocess.run(
            command, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=True
        )
        return done.stdout.splitlines()
    import fcntl
    import pty
    import struct
    import termios

    from rich.text import Text

    main, side = pty.openpty()
    fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 40, terminal, 0, 0))
    with subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=side) as process:
        os.close(side)
        said = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the terminal's other side closed: the command is done
                break
            if not chunk:
                break
            said += chunk
    os.close(main)
    assert process.returncode == 0
    return [Text.from_ansi(line).plain for line in said.decode().splitlines()]


def test_a_table_in_a_pipe_or_a_file_keeps_each_cell_on_its_row():
    """Into a pipe with no terminal anywhere, rich laid tables out at 80 columns: each title
    of `sahelsim list > file` was cut over two or three lines, mid-row."""
    from sim.scenario.catalogue import catalogue

    lines = _listed()
    for entry in catalogue():
        row = next(i for i, line in enumerate(lines) if line.split()[:1] == [entry.name])
        assert lines[row].split(None, 1)[1].rstrip() == entry.title
        assert not entry.summary or lines[row + 1].strip() == entry.summary


def test_a_pipe_honours_columns_and_a_terminal_keeps_its_width():
    from rich.cells import cell_len

    for lines, width in ((_listed(columns="80"), 80), (_listed(terminal=100), 100)):
        assert max(cell_len(line) for line in lines) <= width
        assert max(cell_len(line.rstrip()) for line in lines) > width - 10  # the table fills it


TABLES = {
    "run": ("run", "gambia-2017", "-n", "2", "--seed", "1", "--no-figures", "--out", "b"),
    "compare": COMMANDS["compare"],
    "sweep": ("sweep", "gambia-2017", "--param", "parameters.honour_base_rate=0:1:2", "-n", "2",
              "--seed", "1", "--no-figures", "--out", "b"),
    "backtest": COMMANDS["backtest"],
    "list": ("list",),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("command", TABLES)
def test_no_line_written_to_a_file_or_a_pipe_ends_in_spaces(tmp_path, command, lang):
    """`sahelsim run ... > out.txt` padded every row of the table with spaces to the widest."""
    with open(tmp_path / "out.txt", "w") as out:  # output into a file, errors into a pipe
        done = subprocess.run(
            [sys.executable, "-m", "sim", *TABLES[command], "--lang", lang],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert done.returncode == 0, done.stderr
    written = (tmp_path / "out.txt").read_text().splitlines()
    assert len(written) > 3 and any("  " in line.strip() for line in written)  # a table
    for said in (written, done.stderr.splitlines()):
        assert [line for line in said if line != line.rstrip()] == []


def test_a_file_holds_the_terminals_layout_without_its_trailing_spaces():
    at_terminal = _listed(terminal=100)
    assert any(line != line.rstrip() for line in at_terminal)  # rich pads rows at a terminal
    assert _listed(columns="100") == [line.rstrip() for line in at_terminal]
