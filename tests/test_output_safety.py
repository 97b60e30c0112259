"""Results that never lie: one process per folder, damaged resume state, full and read-only disks.

Every failure here is provoked for real: real processes started at once, real SIGKILLs, a real
full file system (a small tmpfs) and a real read-only mount.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import (
    REPO,
    start_caught,
    start_sahelsim,
    stopped_run,
    wait_caught,
    wait_for_replicates,
)

RUN = ("run", "gambia-2017", "--seed", "8", "-q", "--no-figures")


def _wait_for_exit(processes, timeout: float = 120):
    """Wait until one of ``processes`` exits; return it."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for process in processes:
            if process.poll() is not None:
                return process
        time.sleep(0.05)
    raise AssertionError(f"no process exited within {timeout} s")


def _lines_are_json(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        json.loads(line)


# --------------------------------------------------------------------------- one owner


@pytest.mark.slow
def test_two_runs_started_at_once_on_one_out_one_is_refused_the_other_untouched(tmp_path, sahelsim):
    out = tmp_path / "shared"
    args = (*RUN, "-n", "100000", "--out", str(out))  # far longer than the test lasts
    first, second = (start_sahelsim(*args, capture=True) for _ in range(2))
    loser = _wait_for_exit([first, second])
    winner = second if loser is first else first
    _, err = loser.communicate()
    assert loser.returncode == 2, err
    assert f"in use by process {winner.pid}" in err and "Traceback" not in err
    assert winner.poll() is None  # the refusal did not disturb it

    wait_for_replicates(out, 3, winner)
    late = start_sahelsim(*args, "--resume", capture=True)  # resuming it is refused too
    _, err = late.communicate(timeout=120)
    assert late.returncode == 2 and f"in use by process {winner.pid}" in err, err

    winner.send_signal(signal.SIGINT)
    winner.communicate(timeout=120)
    assert winner.returncode == 130
    manifest = json.loads((out / "manifest.json").read_text())
    done = manifest["replicates"]["completed"]
    assert 3 <= done < 100000
    # the winner's rows are those of a run alone on the same seed: nothing of the loser's
    alone = tmp_path / "alone"
    assert sahelsim(*RUN, "-n", str(done), "--out", str(alone)).status == 0
    assert (out / "summary.csv").read_bytes() == (alone / "summary.csv").read_bytes()
    assert (out / "events.jsonl").read_bytes() == (alone / "events.jsonl").read_bytes()
    _lines_are_json(out / "events.jsonl")
    assert not (out / ".lock").exists()  # let go when it ended


def test_the_lock_of_a_killed_run_is_stale_and_resume_takes_it(tmp_path, sahelsim):
    out = tmp_path / "killed"
    process = start_sahelsim(*RUN, "-n", "400", "--out", str(out))
    wait_for_replicates(out, 2, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert (out / ".lock").read_text().split() == [str(process.pid)]  # left behind, stale

    from sim.run.files import in_use_by

    assert in_use_by(out) is None
    result = sahelsim(*RUN, "-n", "400", "--out", str(out), "--resume")
    assert result.status == 0, result.err
    assert not (out / ".lock").exists() and not (out / ".partial").exists()
    whole = tmp_path / "whole"
    assert sahelsim(*RUN, "-n", "400", "--out", str(whole)).status == 0
    for name in ("summary.csv", "events.jsonl", "bands.csv"):
        assert (out / name).read_bytes() == (whole / name).read_bytes(), name


@contextlib.contextmanager
def _held_elsewhere(out: Path):
    """Another process owns ``out`` (as a running command would) until the block ends."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from sim.run.files import own; "
            f"own(Path({str(out)!r})); print('held', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        yield holder.pid
    finally:
        holder.communicate("")


def test_a_report_is_refused_while_another_process_owns_the_bundle(tmp_path, sahelsim):
    out = tmp_path / "bundle"
    assert sahelsim(*RUN, "-n", "3", "--out", str(out)).status == 0
    with _held_elsewhere(out) as pid:
        before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
        result = sahelsim("report", str(out))
        assert result.status == 2 and f"in use by process {pid}" in result.err
        assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert sahelsim("report", str(out)).status == 0  # once it has let go


def test_report_tells_a_run_still_writing_from_one_that_stopped(tmp_path, sahelsim):
    """`sahelsim report` on the folder of a run at work said it "was stopped before it
    finished". The run's lock tells: held, it is at work; a killed run's lock is gone with it."""
    out = tmp_path / "busy"
    process = start_sahelsim(*RUN, "-n", "100000", "--out", str(out))  # far longer than the test
    try:
        wait_for_replicates(out, 1, process)
        for lang, words in (
            ("en", f"in use by process {process.pid}, a sahelsim command still writing into it"),
            ("fr", f"utilisé par le processus {process.pid}, une commande sahelsim qui y écrit"),
        ):
            result = sahelsim("report", str(out), "--lang", lang)
            said = " ".join(result.err.replace("\u202f", " ").replace("\u00a0", " ").split())
            assert result.status == 2 and words in said, said
            assert "stopped" not in said and "interrompue" not in said and "Traceback" not in said
        assert process.poll() is None  # the question did not disturb it
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert (out / ".lock").is_file()  # left behind by the killed run, and stale
    stopped = sahelsim("report", str(out))
    assert stopped.status == 2
    assert "the run was stopped before it finished" in " ".join(stopped.err.split())
    assert "in use" not in stopped.err


def test_report_reads_a_backtest_s_finished_episode_while_the_next_one_runs(tmp_path, sahelsim):
    """A backtest held every episode's folder until it ended: `sahelsim report` on an episode
    already finished said it was in use by a command "still writing into it"."""
    out = tmp_path / "backtest"
    episodes = ("--episodes", "gambia-2017-ultimatum", "--episodes", "mali-2020")
    args = ("backtest", *episodes, "-n", "2", "--seed", "1", "--no-figures", "--out", str(out))
    at = re.escape(str(out / "mali-2020" / ".partial" / ".checkpoint.json.part")) + "$"
    process = start_caught(args, at)  # stopped as the second episode begins
    try:
        wait_caught(process)
        done = sahelsim("report", str(out / "gambia-2017-ultimatum"))
        assert done.status == 0, done.err
        assert (out / "gambia-2017-ultimatum" / "report.html").is_file()
        busy = sahelsim("report", str(out / "mali-2020"))  # the one at work stays its own
        assert busy.status == 2 and f"in use by process {process.pid}" in busy.err, busy.err
        process.send_signal(signal.SIGCONT)
        _, err = process.communicate(timeout=600)
        assert process.returncode == 0, err  # the report did not disturb it
    finally:
        process.kill()
        process.communicate()
    assert (out / "scores.json").is_file()


# --------------------------------------------------------------------------- damaged state


def _checkpoint_with(**changes):
    def damage(partial):
        state = json.loads((partial / "checkpoint.json").read_text())
        for key, value in changes.items():
            if key == "summary_length":
                state["bytes"]["summary"] = value
            else:
                state[key] = value
        (partial / "checkpoint.json").write_text(json.dumps(state))

    return damage


def _write(name, text):
    return lambda partial: (partial / name).write_text(text)


@pytest.mark.parametrize(
    ("damage", "file", "what"),
    [
        (_write("plan.json", "[]"), "plan.json", "JSON list; expected an object"),
        (_write("plan.json", '{"version": '), "plan.json", "not whole JSON"),
        (_write("checkpoint.json", "[1, 2]"), "checkpoint.json", "JSON list; expected an object"),
        (_write("checkpoint.json", ""), "checkpoint.json", "empty"),
        (_write("checkpoint.json", '{"bytes": {}}'), "checkpoint.json", "the length of"),
        (_checkpoint_with(summary_length=-5), "checkpoint.json", "is -5; expected a whole"),
        (_checkpoint_with(summary_length="12"), "checkpoint.json", "is '12'; expected a whole"),
        (_checkpoint_with(summary_length=10**9), "summary.csv", "shorter than the 1000000000"),
        (_checkpoint_with(completed=-1), "checkpoint.json", "'completed' is -1"),
        (_checkpoint_with(completed=11), "checkpoint.json", "at most 10, the work planned"),
        (_checkpoint_with(failed=[1, 2]), "checkpoint.json", "a failed replicate is 1"),
        (_checkpoint_with(failed={}), "checkpoint.json", "'failed' is {}; expected a list"),
        (lambda partial: (partial / "plan.json").unlink(), "plan.json", "the file is missing"),
    ],
)
def test_damaged_resume_state_is_named_and_left_as_it_was(tmp_path, sahelsim, damage, file, what):
    out = stopped_run(tmp_path, 8)
    damage(out / ".partial")
    before = {p.name: p.read_bytes() for p in (out / ".partial").iterdir()}
    args = ("run", "gambia-2017", "-n", "10", "--seed", "8", "-q", "--out", str(out), "--resume")
    result = sahelsim(*args)
    assert result.status == 2, result.err
    message = result.err.strip()
    assert "\n" not in message and "Traceback" not in message
    assert f"{file} is damaged" in message and what in message, message
    assert f"remove {out}" in message and "without --resume" in message  # how to start afresh
    assert {p.name: p.read_bytes() for p in (out / ".partial").iterdir()} == before


def test_a_truncated_manifest_is_named_on_resume_and_by_report(tmp_path, sahelsim):
    out = tmp_path / "done"
    args = ("run", "gambia-2017", "-n", "3", "--seed", "8", "--out", str(out), "-q")
    assert sahelsim(*args, "--no-figures").status == 0
    manifest = out / "manifest.json"
    manifest.write_bytes(manifest.read_bytes()[:100])
    result = sahelsim(*args, "--resume")
    assert result.status == 2 and "manifest.json is damaged: not whole JSON" in result.err
    assert "Traceback" not in result.err and len(result.err.strip().splitlines()) == 1
    result = sahelsim("report", str(out))
    assert result.status == 2 and "manifest.json" in result.err
    manifest.write_text('{"files": 3}')
    assert sahelsim(*args, "--resume").status == 2


# --------------------------------------------------------------------------- kills while drawing

DATA = ("summary.csv", "events.jsonl", "bands.csv", "series.csv")
"""What a run writes for every replicate; a resumed run must write it byte for byte."""

DRAWN = [
    *(
        f"figures/{name}.{suffix}"
        for name in ("timeseries", "timeline", "map")
        for suffix in ("png", "svg")
    ),
    *(
        f"figures/{name}.{suffix}"
        for name in ("map-frequencies", "outcomes")
        for suffix in ("png", "svg")
    ),
    "report.html",
]


def _drawn_files(bundle):
    return {name: (bundle / name).read_bytes() for name in DRAWN if (bundle / name).is_file()}


def _differences(got: dict[str, bytes], expected: dict[str, bytes]) -> list[str]:
    """Which drawn files differ and where, in a few lines (not a dump of megabytes of bytes)."""
    said = []
    for name in sorted(set(got) | set(expected)):
        a, b = got.get(name), expected.get(name)
        if a is None or b is None:
            said.append(f"{name}: {'missing' if a is None else 'unexpected'}")
        elif a != b:
            at = next(
                (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                min(len(a), len(b)),
            )
            said.append(
                f"{name}: {len(a)} bytes against {len(b)}, first difference at byte {at}: "
                f"{a[max(0, at - 80) : at + 80]!r} against {b[max(0, at - 80) : at + 80]!r}"
            )
    return said


def _limit_file_size(limit: int):
    import resource

    def apply() -> None:
        # A write past `limit` bytes makes the kernel send SIGXFSZ, whose default is to kill:
        # the process dies in the middle of writing the first file that grows that large.
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_kill_while_figures_are_drawn_leaves_no_truncated_file_and_resume_redraws(
    tmp_path, sahelsim
):
    args = ("run", "gambia-2017", "-n", "20", "--seed", "8", "-q")
    # Python ignores SIGXFSZ (a write past the limit then fails with EFBIG); restore the default.
    killable = (
        "import runpy, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_DFL); "
        "sys.argv = ['sahelsim', *sys.argv[1:]]; runpy.run_module('sim', run_name='__main__')"
    )
    whole = tmp_path / "whole"
    assert sahelsim(*args, "--out", str(whole), "--no-figures").status == 0
    # The reference is drawn in a fresh process too, as the killed drawing is: figures drawn in
    # this test process could differ with whatever earlier tests left in it (matplotlib's
    # global settings are shared by every thread of a process).
    drawn = subprocess.run(
        [sys.executable, "-c", killable, "report", str(whole)],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
    )
    assert drawn.returncode == 0, drawn.stderr
    reference = _drawn_files(whole)
    assert sorted(reference) == sorted(DRAWN)
    assert json.loads((whole / "manifest.json").read_text())["drawn"] == DRAWN

    out = tmp_path / "killed"
    assert sahelsim(*args, "--out", str(out), "--no-figures").status == 0
    limit = 200_000  # larger than some figures, smaller than others: killed part-way
    assert any(len(data) <= limit for data in reference.values())
    assert any(len(data) > limit for data in reference.values())
    drawing = subprocess.run(
        [sys.executable, "-c", killable, "report", str(out)],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        preexec_fn=_limit_file_size(limit),
        capture_output=True,
    )
    assert drawing.returncode == -signal.SIGXFSZ  # really killed while writing a file
    left = _drawn_files(out)
    assert 0 < len(left) < len(DRAWN)
    for name, data in left.items():  # whatever is there under its name is whole
        assert data == reference[name], name
    claimed = json.loads((out / "manifest.json").read_text())["drawn"]
    assert set(claimed) <= set(left)  # the manifest names nothing that is not there, whole
    assert list(out.rglob(".*.part"))  # the half-written file is under its temporary name

    resumed = subprocess.run(  # redraws what is missing (in a fresh process, as the reference)
        [sys.executable, "-c", killable, *args, "--out", str(out), "--resume"],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert not _differences(_drawn_files(out), reference)
    assert json.loads((out / "manifest.json").read_text())["drawn"] == DRAWN
    assert not list(out.rglob(".*.part"))


# --------------------------------------------------------------------------- full and read-only disks


@pytest.fixture
def small_disk(tmp_path):
    """A real file system of 2 MiB (a tmpfs), mounted for the test; skips where that is refused."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(
            "cannot mount a small tmpfs here (needs root or CAP_SYS_ADMIN): a full or read-only "
            f"disk cannot be provoked for real ({made.stderr.decode().strip()})"
        )

    def remount(options: str) -> None:
        subprocess.run(["mount", "-o", f"remount,{options}", str(mount)], check=True)

    yield mount, remount
    subprocess.run(["umount", str(mount)], check=True)


@pytest.mark.parametrize(
    ("replicates", "figures"),
    [(2000, "--no-figures"), (60, "--figures")],
    ids=["full-while-running", "full-while-drawing"],
)
def test_a_full_disk_says_so_in_one_line_and_resume_finishes(
    tmp_path, sahelsim, small_disk, replicates, figures
):
    mount, remount = small_disk
    args = ("run", "gambia-2017", "-n", str(replicates), "--seed", "8", "-q", figures)
    out = mount / "run"
    result = sahelsim(*args, "--out", str(out))
    assert result.status == 1, result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.err, result.err
    assert "no space left" in lines[0] and "nothing finished was lost" in lines[0]
    assert "--resume" in lines[0]
    if (out / "manifest.json").exists():  # published: its drawn files are whole
        drawn = json.loads((out / "manifest.json").read_text())["drawn"]
        assert all((out / name).is_file() for name in drawn)
        assert len(drawn) < len(DRAWN)
    else:
        assert (out / ".partial" / "checkpoint.json").is_file()  # resumable
    assert not list(out.rglob(".*.part"))

    remount("size=64m")  # space freed
    assert sahelsim(*args, "--out", str(out), "--resume").status == 0
    whole = tmp_path / "whole"
    assert sahelsim(*args, "--out", str(whole)).status == 0
    for name in (*DATA, "parameters.csv", "scenario.yaml"):
        assert (out / name).read_bytes() == (whole / name).read_bytes(), name
    if figures == "--figures":
        assert not _differences(_drawn_files(out), _drawn_files(whole))
        assert json.loads((out / "manifest.json").read_text())["drawn"] == DRAWN


def test_read_only_folders_are_refused_before_any_work(tmp_path, sahelsim, small_disk):
    mount, remount = small_disk
    stopped = stopped_run(
        mount, 8
    )  # a stopped run, and a finished bundle, then the disk goes read-only
    finished = mount / "finished"
    base = ("run", "gambia-2017", "-n", "3", "--seed", "8", "-q")
    assert sahelsim(*base, "--out", str(finished), "--no-figures").status == 0
    remount("ro")

    for args, what in [
        ((*base, "--out", str(mount / "new")), "cannot create the folder"),
        (
            ("run", "gambia-2017", "-n", "10", "--seed", "8", "--out", str(stopped), "--resume"),
            "cannot write into this folder",
        ),
        (("report", str(finished)), "cannot write into this folder"),
    ]:
        result = sahelsim(*args)
        assert result.status == 2, (args, result.err)
        message = result.err.strip()
        assert what in message and "Read-only file system" in message, message
        assert "Traceback" not in message and len(message.splitlines()) == 1


# --------------------------------------------------------------------------- lost workers


def _descendants(pid: int) -> dict[int, int]:
    """Every live descendant of ``pid``, with its depth below it (children are 1)."""
    parents = {}
    for stat in os.listdir("/proc"):
        if stat.isdigit():
            try:
                text = Path(f"/proc/{stat}/stat").read_text()
            except OSError:
                continue
            parents[int(stat)] = int(text.rsplit(")", 1)[1].split()[1])
    depth = {pid: 0}
    changed = True
    while changed:
        changed = False
        for child, parent in parents.items():
            if parent in depth and child not in depth:
                depth[child] = depth[parent] + 1
                changed = True
    del depth[pid]
    return depth


@pytest.mark.slow
def test_a_killed_pool_worker_is_reported_and_resume_finishes_the_run(tmp_path, sahelsim):
    n = 1500
    args = ("run", "gambia-2017", "-n", str(n), "--seed", "8", "-q", "--no-figures")
    out = tmp_path / "lost"
    process = start_sahelsim(*args, "--workers", "2", "--out", str(out), capture=True)
    try:
        wait_for_replicates(out, 16, process)
        # Workers are forked by the forkserver, itself a child of the run: grandchildren.
        workers = [pid for pid, depth in _descendants(process.pid).items() if depth == 2]
        assert workers, "no worker process found"
        os.kill(workers[0], signal.SIGKILL)
        said, err = process.communicate(timeout=120)
    finally:  # a hung run must not outlive its test and fail the next one
        process.kill()
        process.communicate()
    # A worker killed between two tasks once made the run exit 1 silently (a broken pipe, see
    # the test below): say all the run said, and what was killed, if anything like it recurs.
    seen = f"killed {workers[0]} of {workers}; stdout {said!r}; stderr {err!r}"
    assert process.returncode == 1, seen
    message = err.strip()
    assert "Traceback" not in message and len(message.splitlines()) == 1, seen
    done = json.loads((out / ".partial" / "checkpoint.json").read_text())["completed"]
    assert 16 <= done < n
    assert f"replicates {done} to {n - 1} (in run order) were not finished" in message
    assert f"the {done} before them are kept" in message and "--resume" in message

    assert sahelsim(*args, "--workers", "2", "--out", str(out), "--resume").status == 0
    whole = tmp_path / "whole"
    assert sahelsim(*args, "--out", str(whole)).status == 0
    for name in DATA:
        assert (out / name).read_bytes() == (whole / name).read_bytes(), name


_HALF_SENT = """
import os, sys
from sim.run.local_pool import WorkerDied, in_order_locally
try:
    for index, _ in enumerate(in_order_locally(os.urandom, [8_000_000] * 40, 2)):
        print(index, flush=True)
except WorkerDied:
    print("lost", flush=True)
    sys.exit(3)
"""


def test_a_worker_killed_halfway_through_sending_a_result_ends_the_work_at_once():
    # A pool whose workers share one result pipe waits forever for the rest of such a message
    # (how CI once hung for two minutes): stop the parent so that both workers block while
    # sending 8 MB, kill one of them there, and let the parent go on.
    process = subprocess.Popen(
        [sys.executable, "-c", _HALF_SENT],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout.readline().strip() == "0"
        os.kill(process.pid, signal.SIGSTOP)
        deadline, sending = time.time() + 30, []
        while len(sending) < 2 and time.time() < deadline:
            time.sleep(0.05)
            workers = [pid for pid, depth in _descendants(process.pid).items() if depth == 2]
            sending = [w for w in workers if "read" not in Path(f"/proc/{w}/wchan").read_text()]
        assert sending, "no worker was sending"
        os.kill(sending[0], signal.SIGKILL)
        os.kill(process.pid, signal.SIGCONT)
        out, _ = process.communicate(timeout=60)
    finally:
        process.kill()
        process.wait()
    assert out.split()[-1] == "lost" and process.returncode == 3, out


_IDLE_TASK = """
import os, time
from pathlib import Path

def pid(index, flag=Path(os.environ["FLAG"])):
    if index == 1:
        flag.touch()
    if index == 0:  # finish after task 1, so that both workers are idle when result 0 is seen
        while not flag.exists():
            time.sleep(0.01)
        time.sleep(0.5)
    return os.getpid()
"""

_KILL_AN_IDLE_WORKER = """
import os, signal, sys, time
from pathlib import Path
from sim.run.local_pool import WorkerDied, in_order_locally
from idle_task import pid

results = in_order_locally(pid, range(6), 2, window=1)
first = next(results)  # its worker holds no task: the window of two is full
os.kill(first, signal.SIGKILL)
while True:  # until it is gone, or a zombie its forkserver has not reaped yet
    try:
        if Path(f"/proc/{first}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
            break
    except (FileNotFoundError, ProcessLookupError):
        break
    time.sleep(0.01)
try:
    for _ in results:
        pass
except WorkerDied:
    print("lost", flush=True)
    sys.exit(3)
"""


def test_a_worker_killed_between_tasks_ends_the_work_as_a_lost_worker(tmp_path):
    # The parent then sends the dead worker its next task before it sees the death: a broken
    # pipe, which click turns into a silent exit 1 (how CI twice saw a killed run say nothing).
    (tmp_path / "idle_task.py").write_text(_IDLE_TASK)
    process = subprocess.run(
        [sys.executable, "-c", _KILL_AN_IDLE_WORKER],
        env={**os.environ, "PYTHONPATH": f"{REPO}:{tmp_path}", "FLAG": str(tmp_path / "flag")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert process.returncode == 3 and process.stdout.split() == ["lost"], process.stderr


def test_an_error_in_a_local_worker_is_raised_in_order_and_the_workers_leave():
    import multiprocessing

    from sim.run.local_pool import in_order_locally

    results = in_order_locally(int, ["1", "2", "three", "4"], 2, window=1)
    assert [next(results), next(results)] == [1, 2]
    with pytest.raises(ValueError, match="three") as raised:
        next(results)
    assert "Traceback" in str(raised.value.__cause__)  # where, in the worker, it was raised
    assert not multiprocessing.active_children()
    assert list(in_order_locally(abs, range(-50, 0), 2)) == list(range(50, 0, -1))


def test_system_exit_inside_a_replicate_is_a_failure_kept_as_data(tmp_path, monkeypatch):
    from sim.run import executors
    from sim.run.ensemble import run_ensemble
    from sim.run.plan import plan_runs
    from sim.scenario.loading import load_scenario

    plan = plan_runs(load_scenario("gambia-2017"), 4, 5)
    leaving, real = plan.seeds[1], executors.run_one

    def exits(scenario, seed):  # code inside a replicate calls sys.exit()
        if seed == leaving:
            sys.exit(3)
        return real(scenario, seed)

    monkeypatch.setattr(executors, "run_one", exits)
    manifest, interrupted = run_ensemble(plan, tmp_path / "b")
    assert not interrupted and manifest["replicates"]["completed"] == 4
    assert manifest["failed"]["replicates"] == [{"replicate": 1, "seed": leaving}]
    failure = json.loads((tmp_path / "b" / "failures.jsonl").read_text())
    assert failure["error"] == "SystemExit: 3"


def test_a_gif_into_a_missing_folder_is_refused_before_any_work(tmp_path, sahelsim):
    target = tmp_path / "missing" / "map.gif"
    result = sahelsim("teach", "gambia-2017", "--gif", str(target))
    assert result.status == 2 and "Traceback" not in result.err
    assert f"the folder {target.parent} does not exist" in result.err
    assert not target.parent.exists()


def test_a_backtest_resume_is_refused_while_another_process_owns_its_folder(tmp_path, sahelsim):
    out = tmp_path / "backtest"
    args = ("backtest", "--episodes", "mali-2020", "-n", "2", "--seed", "1", "--no-figures")
    assert sahelsim(*args, "--out", str(out)).status == 0
    with _held_elsewhere(out) as pid:
        result = sahelsim(*args, "--out", str(out), "--resume")
        assert result.status == 2 and f"in use by process {pid}" in result.err
    assert sahelsim(*args, "--out", str(out), "--resume").status == 0
