"""Every `sahelsim ...` command in README.md and docs/*.md runs as written.

A newcomer copies the commands of the README and the docs one after the other. This test does
the same, in a fresh folder per document (so that `sahelsim report runs/base` finds the bundle
an earlier command wrote there), through the `sahelsim` entry point (in this process: the console script is a
one-line wrapper of it, and starting Python per command would double the test's time; a `> file`
redirection writes what the command printed), and checks the exit status: 0, or 2 where the document shows
the command failing (a `$ sahelsim ...` line followed by the `sahelsim: ...` message it prints,
which must then be what is printed).

Only what the text leaves to the reader is changed, and each change is listed in
:func:`adapted`: replicate counts and sample sizes are made small enough for CI (the text's
"-n 1000" is a size, "-n 4" runs the same command), `--workers` becomes 1 (the machine runs
the suite), a `--precision` target is loosened, and the `.venv/bin/` prefix (where the README's
virtual environment puts the script) is dropped. Commands that cannot run here are skipped
with their reason in :data:`SKIPS`.
"""

from __future__ import annotations

import re
import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import DOCUMENTS, REPO

FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)
COMMAND = re.compile(r"^(?:\$ )?(?:\.venv/bin/)?sahelsim(?:\s|$)")


@dataclass(frozen=True)
class Command:
    """One command of a document, as written, and what the document says it does."""

    document: str
    index: int  # its order in the document
    text: str  # as written (continuation lines joined, the trailing comment removed)
    fails_with: str | None = None  # the message the document shows it printing, if it fails

    @property
    def id(self) -> str:
        return f"{self.document}:{self.index}:{self.text[:70]}"


def _strip_comment(line: str) -> str:
    return re.sub(r"\s+#.*$", "", line).strip()


def extract(path: Path) -> list[Command]:
    """The `sahelsim` commands in the fenced code blocks of one document, in order."""
    commands: list[Command] = []
    for block in FENCE.findall(path.read_text(encoding="utf-8")):
        lines = block.replace("\\\n", " ").splitlines()
        for n, raw in enumerate(lines):
            line = raw.strip()
            if not COMMAND.match(line) or " [--" in line:  # a synopsis, not a command
                continue
            following = lines[n + 1].strip() if n + 1 < len(lines) else ""
            fails = (
                following.removeprefix("sahelsim: ") if following.startswith("sahelsim: ") else None
            )
            text = _strip_comment(line).removeprefix("$ ")
            commands.append(Command(path.name, len(commands), text, fails))
    return commands


SKIPS: dict[str, str] = {
    "tcp://": "needs a Dask scheduler at the address the reader supplies (HOST, SCHEDULER)",
    "sahelsim calibrate": "calibration runs for minutes to hours and needs the calibrate extra; "
    "tests/test_calibrate.py runs it on a tiny budget",
    "runs/calib/posterior.csv": "reads the posterior that `sahelsim calibrate` writes (skipped)",
}
"""Commands skipped, by a piece of their text, with the reason."""

SERVERS = "starts the classroom app's server, which runs until stopped (tests/test_teach_cli.py)"

SIZED = ("run", "compare", "sweep", "sensitivity", "backtest")
"""Commands whose size the test may set: each runs replicates."""


def skip_reason(command: Command) -> str | None:
    """Why a command cannot run here, or None."""
    for piece, reason in SKIPS.items():
        if piece in command.text:
            return reason
    words = shlex.split(command.text)
    if words[1] == "teach" and "--gif" not in words:
        return SERVERS
    if command.text.startswith("python3 -m venv"):
        return "installs the package, as CI itself does"
    return None


def adapted(text: str) -> str:
    """The command with only what the text leaves to the reader changed (see the module)."""
    words = shlex.split(text, posix=True)
    redirect = ""
    if ">" in words:  # keep a redirection as written
        at = words.index(">")
        redirect = " > " + shlex.quote(words[at + 1])
        words = words[:at]
    words[0] = "sahelsim"  # ".venv/bin/sahelsim": the README's virtual environment
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word in ("-n", "--replicates", "--n", "--workers", "--precision") and i + 1 < len(words):
            value = {"-n": "2", "--replicates": "2", "--n": "2", "--workers": "1"}.get(word, "0.3")
            if word == "--n" and words[1] == "sweep":
                value = "3"  # Latin hypercube points
            out += [word, value]
            i += 2
            continue
        out.append(word)
        i += 1
    if len(out) > 1 and out[1] in SIZED:
        if "-n" not in out and "--replicates" not in out and "--precision" not in out:
            out += ["-n", "2"]  # the scenario's default is hundreds
        if out[1] == "sensitivity" and "--n" not in out:
            out += ["--n", "2"]
    if len(out) > 1 and out[1] == "teach":
        out += ["--every", "60"]  # a frame every 60 days: the same animation, fewer frames
    return shlex.join(out) + redirect


HEAVY = ("sensitivity", "backtest", "teach", "--executor dask", "--robustness")


def _params():
    for path in DOCUMENTS:
        for command in extract(path):
            marks = [pytest.mark.slow] if any(h in command.text for h in HEAVY) else []
            yield pytest.param(command, id=command.id, marks=marks)


def _workspace(root: Path, document: str) -> Path:
    folder = root / document.removesuffix(".md")
    if not folder.exists():
        folder.mkdir(parents=True)
        (folder / "docs").mkdir()  # the README's schema command writes into docs/
        shutil.copy(REPO / "scenarios" / "gambia-2017.yaml", folder / "my-scenario.yaml")
    return folder


@pytest.fixture(scope="module")
def workspaces(tmp_path_factory):
    return tmp_path_factory.mktemp("docs")


def _run(text: str, cwd: Path, capsys, monkeypatch) -> Done:
    """Run an adapted command through the real entry point, in ``cwd``; a ``>`` writes stdout."""
    from sim.cli import main

    words = shlex.split(adapted(text))
    target = None
    if ">" in words:
        at = words.index(">")
        words, target = words[:at], words[at + 1]
    monkeypatch.chdir(cwd)
    capsys.readouterr()
    try:
        main(words[1:])
        status = 0
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    out, err = capsys.readouterr()
    if target is not None:
        (cwd / target).write_text(out, encoding="utf-8")
    return Done(status, out, err)


@dataclass(frozen=True)
class Done:
    """What a command did: its exit status and what it printed."""

    returncode: int
    stdout: str
    stderr: str


def _earlier_needs(command: Command, folder: Path) -> list[Command]:
    """Earlier commands of the document that write a folder this one reads and is not there."""
    needed = []
    reads = re.findall(r"(runs/[\w.-]+)", command.text)
    for earlier in extract(REPO / ("README.md" if command.document == "README.md" else
                                   f"docs/{command.document}")):  # fmt: skip
        if earlier.index >= command.index or skip_reason(earlier):
            continue
        for out in re.findall(r"--out (runs/[\w.-]+)", earlier.text):
            if out in reads and not (folder / out).exists() and earlier.text != command.text:
                needed.append(earlier)
    return needed[:1]


@pytest.mark.parametrize("command", list(_params()))
def test_a_documented_command_runs_as_written(command: Command, workspaces, capsys, monkeypatch):
    reason = skip_reason(command)
    if reason:
        pytest.skip(reason)
    folder = _workspace(workspaces, command.document)
    for earlier in _earlier_needs(command, folder):  # e.g. `report runs/base` needs the run
        done = _run(earlier.text, folder, capsys, monkeypatch)
        assert done.returncode == 0, f"{earlier.text}\n{done.stderr[-2000:]}"
    done = _run(command.text, folder, capsys, monkeypatch)
    shown = f"{adapted(command.text)}\n--- stdout\n{done.stdout[-1500:]}\n--- stderr\n{done.stderr[-2500:]}"
    assert "Traceback" not in done.stderr, shown
    if command.fails_with is None:
        assert done.returncode == 0, shown
    else:
        assert done.returncode == 2, shown
        expected = command.fails_with.split("...")[0].strip()
        assert expected in " ".join(done.stderr.split()), shown


def test_the_documents_hold_the_commands_a_newcomer_copies():
    found = [c.text for path in DOCUMENTS for c in extract(path)]
    assert "sahelsim run niger-2023-base --resume --out runs/base" in found
    assert any(c.startswith("sahelsim explain") for c in found)
    assert any(c.fails_with for path in DOCUMENTS for c in extract(path))  # the failing ones
    assert len(found) >= 40


def test_sizes_are_the_only_change_made_to_a_command():
    assert adapted("sahelsim run niger-2023-base -n 1000 --seed 7 --workers 2 --out runs/base") == (
        "sahelsim run niger-2023-base -n 2 --seed 7 --workers 1 --out runs/base"
    )
    assert adapted(".venv/bin/sahelsim schema > docs/scenario.schema.json") == (
        "sahelsim schema > docs/scenario.schema.json"
    )
    assert adapted("sahelsim explain niger-2023-intervention --seed 3 --lang fr") == (
        "sahelsim explain niger-2023-intervention --seed 3 --lang fr"
    )
