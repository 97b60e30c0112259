"""Resuming a killed run gives the same bytes; a replicate that raises is kept as data."""

from __future__ import annotations

import dataclasses
import json
import signal

import pytest
from conftest import start_run, start_sahelsim, stopped_run, wait_for_replicates

RESULT_FILES = ("summary.csv", "events.jsonl", "series.csv", "bands.csv", "scenario.yaml")


@pytest.mark.slow
def test_a_run_killed_with_sigkill_resumes_to_the_same_bytes(tmp_path, sahelsim):
    n = 160
    killed = tmp_path / "killed"
    process = start_run(killed, n, 21)
    wait_for_replicates(killed, 15, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    checkpoint = killed / ".partial" / "checkpoint.json"
    done_before = json.loads(checkpoint.read_text())["completed"]
    assert 0 < done_before < n

    resumed = sahelsim(
        "run",
        "niger-2023-intervention",
        "-n",
        str(n),
        "--seed",
        "21",
        "--out",
        str(killed),
        "--resume",
        "-q",
        "--no-figures",
    )
    assert resumed.status == 0, resumed.err
    whole = sahelsim(
        "run",
        "niger-2023-intervention",
        "-n",
        str(n),
        "--seed",
        "21",
        "--out",
        str(tmp_path / "whole"),
        "-q",
        "--no-figures",
    )
    assert whole.status == 0
    for name in RESULT_FILES:
        assert (killed / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name
    assert not (killed / ".partial").exists()


def test_resume_refuses_work_begun_by_other_model_code(tmp_path, sahelsim):
    """Work begun before a change of the model's rules or facts, under the same version number,
    is not finished by the new rules: the folder would hold replicates of two models."""
    out = stopped_run(tmp_path, 3)
    plan = out / ".partial" / "plan.json"
    started = json.loads(plan.read_text())
    assert len(started["code_sha256"]) == 64
    plan.write_text(json.dumps({**started, "code_sha256": "0" * 64}))
    result = sahelsim(
        "run", "gambia-2017", "-n", "10", "--seed", "3", "--out", str(out), "--resume"
    )
    assert result.status == 2
    assert "was started with other settings (changed: the model's code or fact base)" in result.err
    assert "Traceback" not in result.err


def test_resume_refuses_a_different_plan(tmp_path, sahelsim):
    out = stopped_run(tmp_path, 3)
    result = sahelsim(
        "run", "gambia-2017", "-n", "10", "--seed", "4", "--out", str(out), "--resume"
    )
    assert result.status == 2
    assert "was started with other settings (changed: --seed) (it had --seed 3)" in result.err
    ok = sahelsim(
        "run",
        "gambia-2017",
        "-n",
        "10",
        "--seed",
        "3",
        "--out",
        str(out),
        "--resume",
        "-q",
        "--no-figures",
    )
    assert ok.status == 0
    assert len((out / "summary.csv").read_text().splitlines()) == 11


def test_resume_without_n_or_seed_takes_them_from_the_work_it_finishes(tmp_path, sahelsim):
    """The README's `sahelsim run ... --resume --out runs/base` after an `-n 1000 --seed 7` run."""
    out = stopped_run(tmp_path, 3)  # -n 10 --seed 3, stopped
    again = ("run", "gambia-2017", "--out", str(out), "--resume", "-q", "--no-figures")
    assert sahelsim(*again).status == 0
    finished = (out / "summary.csv").read_bytes()
    assert len(finished.splitlines()) == 11
    assert sahelsim(*again).status == 0  # finished already: the same command is a no-op
    assert (out / "summary.csv").read_bytes() == finished


def test_resume_needs_stopped_work_or_nothing_at_all(tmp_path, sahelsim):
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    result = sahelsim("run", "gambia-2017", "--out", str(other), "--resume")
    assert result.status == 2 and "holds no interrupted run" in result.err
    assert (other / "notes.txt").read_text() == "mine" and len(list(other.iterdir())) == 1
    assert sahelsim("run", "gambia-2017", "--resume").status == 2  # which folder?
    # killed before its folder was even made: the same command with --resume just runs
    args = ("run", "gambia-2017", "-n", "3", "--seed", "2", "-q", "--no-figures")
    assert sahelsim(*args, "--out", str(tmp_path / "never"), "--resume").status == 0
    assert (tmp_path / "never" / "summary.csv").is_file()


def test_a_replicate_that_raises_is_recorded_and_the_ensemble_goes_on(
    tmp_path, monkeypatch, capsys
):
    from rich.console import Console

    from sim.present.console import print_run_summary
    from sim.run import executors
    from sim.run.ensemble import run_ensemble
    from sim.run.plan import plan_runs
    from sim.run.posterior import posterior_for
    from sim.scenario.loading import load_scenario

    # Drawing from the shipped posterior, as `sahelsim run` does by default.
    plan = plan_runs(load_scenario("gambia-2017"), 6, 5)
    plan = dataclasses.replace(plan, posterior=posterior_for("posterior", None))
    broken_seed = plan.seeds[2]
    real = executors.run_one

    def fragile(scenario, seed):  # one replicate hits a (simulated) bug
        if seed == broken_seed:
            raise ZeroDivisionError("simulated failure")
        return real(scenario, seed)

    monkeypatch.setattr(executors, "run_one", fragile)
    manifest, interrupted = run_ensemble(plan, tmp_path / "b")
    assert not interrupted
    assert manifest["failed"]["count"] == 1
    assert manifest["failed"]["replicates"] == [{"replicate": 2, "seed": broken_seed}]
    failure = json.loads((tmp_path / "b" / "failures.jsonl").read_text())
    assert (
        failure["error"] == "ZeroDivisionError: simulated failure"
        and "Traceback" in failure["traceback"]
    )
    rows = (tmp_path / "b" / "summary.csv").read_text().splitlines()[1:]
    assert [int(r.split(",")[0]) for r in rows] == [0, 1, 3, 4, 5]
    print_run_summary(tmp_path / "b")
    out = capsys.readouterr().out
    assert f"--seed {broken_seed}" in out
    assert "the 5 replicates ran" in " ".join(out.split())  # the failed one left out here too
    print_run_summary(tmp_path / "b", lang="fr", console=Console(width=400))
    out = capsys.readouterr().out  # the failure said in French too
    assert "1 réplication(s) en échec" in out and f"--seed {broken_seed} --lang fr" in out
    assert "failed" not in out and "les 5 réplications ont employé" in out


# --------------------------------------------------------------------------- sweeps

SWEEP = ("sweep", "gambia-2017", "--param", "parameters.honour_base_rate=0.2:0.8:4")
SWEEP_FILES = ("points.csv", "results.csv", "means.csv", "scenario.yaml")


def _same_files(one, two, names):
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


@pytest.mark.slow
def test_a_sweep_killed_with_sigkill_resumes_to_the_same_bytes(tmp_path, sahelsim):
    args = (*SWEEP, "-n", "40", "--seed", "9", "-q", "--no-figures")
    killed = tmp_path / "killed"
    process = start_sahelsim(*args, "--out", str(killed))
    wait_for_replicates(killed, 30, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    done = json.loads((killed / ".partial" / "checkpoint.json").read_text())["completed"]
    assert 0 < done < 160

    resumed = sahelsim(*args, "--out", str(killed), "--resume")
    assert resumed.status == 0, resumed.err
    whole = sahelsim(*args, "--out", str(tmp_path / "whole"))
    assert whole.status == 0, whole.err
    _same_files(killed, tmp_path / "whole", SWEEP_FILES)
    manifest = json.loads((killed / "manifest.json").read_text())
    assert manifest["replicates"]["completed"] == 160
    assert "--resume" not in manifest["reproduce"]


def _stopped_sensitivity(out, after: int):
    """A Morris analysis stopped after ``after`` tasks, then a half-written row: a kill mid-write."""
    from sim.analysis import sensitivity as sa
    from sim.run.sweep import SweepWriter, execute_sweep, plan_sweep

    axes = sa.sensitivity_axes(["kill_rate", "honour_base_rate"])
    plan = plan_sweep(
        "gambia-2017",
        [],
        lambda root: sa.sample_design("morris", axes, 2, root),
        replicates=3,
        seed=5,
        kind="sensitivity",
    )
    writer = SweepWriter(out, plan, [])
    for done, chunk in enumerate(execute_sweep(plan), start=1):
        writer.add(chunk)
        if done == after:
            break
    writer.abandon()
    with open(out / ".partial" / "results.csv", "ab") as handle:
        handle.write(b"4,1,12345,0.1")  # what a kill in the middle of a write leaves
    return plan


def test_a_sensitivity_analysis_resumes_past_a_half_written_row(tmp_path, sahelsim):
    args = ("sensitivity", "gambia-2017", "--param", "kill_rate", "--param", "honour_base_rate")
    args = (*args, "--n", "2", "-n", "3", "--seed", "5", "-q", "--no-figures")
    stopped = tmp_path / "stopped"
    _stopped_sensitivity(stopped, after=2)
    resumed = sahelsim(*args, "--out", str(stopped), "--resume")
    assert resumed.status == 0, resumed.err
    whole = sahelsim(*args, "--out", str(tmp_path / "whole"))
    assert whole.status == 0, whole.err
    _same_files(stopped, tmp_path / "whole", (*SWEEP_FILES, "indices.csv", "summary.txt"))


def test_a_sweep_resumed_with_other_values_is_refused(tmp_path, sahelsim):
    stopped = tmp_path / "stopped"
    _stopped_sensitivity(stopped, after=1)
    args = ("sensitivity", "gambia-2017", "--param", "kill_rate", "--param", "honour_base_rate")
    other = sahelsim(*args, "--n", "2", "-n", "3", "--seed", "6", "--out", str(stopped), "--resume")
    assert other.status == 2
    assert "was started with other settings (changed: --seed, " in other.err
    assert "Traceback" not in other.err
    assert (stopped / ".partial" / "checkpoint.json").is_file()  # still resumable


def test_a_kill_before_the_first_checkpoint_resumes_from_the_start(tmp_path, sahelsim):
    args = (*SWEEP, "-n", "2", "--seed", "3", "-q", "--no-figures")
    early = tmp_path / "early"
    (early / ".partial").mkdir(parents=True)
    (early / ".partial" / "points.csv").write_text("point,parameters.hon")  # cut short
    assert sahelsim(*args, "--out", str(early), "--resume").status == 0
    assert sahelsim(*args, "--out", str(tmp_path / "whole")).status == 0
    _same_files(early, tmp_path / "whole", SWEEP_FILES)


def test_a_kill_while_files_are_moved_out_is_completed_by_resume(tmp_path, sahelsim):
    out = tmp_path / "b"
    args = ("run", "gambia-2017", "-n", "3", "--seed", "2", "-q", "--no-figures")
    assert sahelsim(*args, "--out", str(out)).status == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    partial = out / ".partial"  # as if killed after the manifest was written, half-way through
    partial.mkdir()
    for name in ("manifest.json", "summary.csv", "events.jsonl"):
        (out / name).rename(partial / name)

    result = sahelsim(*args, "--out", str(out), "--resume")
    assert result.status == 0, result.err  # finished work: nothing to run, nothing lost
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    # a different command is not quietly taken for this finished work
    other = sahelsim("run", "gambia-2017", "-n", "3", "--seed", "5", "--out", str(out), "--resume")
    assert (
        other.status == 2
        and "made with other settings (changed: --seed) (it had --seed 2)" in other.err
    )


def test_a_kill_before_the_sweeps_means_were_written_is_mended_by_resume(tmp_path, sahelsim):
    args = (*SWEEP, "-n", "3", "--seed", "3", "-q", "--no-figures", "--out", str(tmp_path / "s"))
    assert sahelsim(*args).status == 0
    means = (tmp_path / "s" / "means.csv").read_bytes()
    (tmp_path / "s" / "means.csv").write_bytes(means[:40])  # a kill while it was written
    assert sahelsim(*args, "--resume").status == 0
    assert (tmp_path / "s" / "means.csv").read_bytes() == means


@pytest.mark.drawn_seed
@pytest.mark.slow
def test_ctrl_c_then_resume_finishes_a_sweep_with_a_drawn_seed(tmp_path, sahelsim):
    from conftest import REPO

    drawn = tmp_path / "drawn.yaml"
    text = (REPO / "scenarios" / "gambia-2017.yaml").read_text()
    drawn.write_text(text.replace("seed: 20170119", "seed: null"))
    args = ("sweep", str(drawn), "--param", "parameters.honour_base_rate=0.2:0.8:6", "-n", "40",
            "--lang", "fr")  # fmt: skip
    stopped = tmp_path / "stopped"
    process = start_sahelsim(*args, "-q", "--no-figures", "--out", str(stopped), capture=True)
    wait_for_replicates(stopped, 30, process)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130 and "--resume" in err
    assert err.startswith(f"Interrompu : {stopped} garde les ")  # in the lecturer's language
    interim = json.loads((stopped / "manifest.json").read_text())
    assert interim["replicates"]["interrupted"]  # what was done is there to read meanwhile
    rows = (stopped / "results.csv").read_text().splitlines()[1:]
    assert len(rows) == interim["replicates"]["completed"]  # no half-written chunk either
    root = interim["seeds"]["root"]

    resumed = sahelsim(*args, "-q", "--no-figures", "--out", str(stopped), "--resume")  # no --seed
    assert resumed.status == 0, resumed.err
    whole = tmp_path / "whole"
    assert (
        sahelsim(*args, "-q", "--no-figures", "--seed", str(root), "--out", str(whole)).status == 0
    )
    _same_files(stopped, whole, SWEEP_FILES)
    assert not (stopped / ".partial").exists()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_resume_of_a_folder_that_does_not_exist_says_it_starts_afresh(tmp_path, sahelsim, lang):
    """A slip in --out's path quietly ran the whole work again: it still runs (a script that
    always passes --resume keeps working), but says so."""
    out = tmp_path / "typo"
    ran = sahelsim("run", "gambia-2017", "-n", "2", "--seed", "1", "--no-figures", "-q",
                   "--resume", "--out", str(out), "--lang", lang)  # fmt: skip
    assert ran.status == 0 and (out / "summary.csv").is_file()
    said = " ".join(ran.err.split())
    assert {"en": "nothing to resume", "fr": "rien à reprendre"}[lang] in said
    again = sahelsim("run", "gambia-2017", "-n", "2", "--seed", "1", "--no-figures", "-q",
                     "--resume", "--out", str(out))  # fmt: skip
    assert again.status == 0 and "nothing to resume" not in again.err


def _finished(folder, *args):
    from sim.cli import main

    try:
        main([*args, "--out", str(folder), "-q", "--no-figures"])
    except SystemExit as exc:
        assert not exc.code, exc.code
    return folder


def _finished_backtest(folder):
    """A finished backtest of one episode, -n 2 --seed 2, in ``folder/D``."""
    from sim.cli import main

    out = folder / "D"
    try:
        main(["backtest", *BACKTEST, "--out", str(out), "--json", "--no-figures"])
    except SystemExit as exc:
        assert not exc.code, exc.code
    return out


def _stopped_backtest(folder):
    """The backtest of ``_finished_backtest``, stopped (Ctrl-C) after one replicate, in
    ``folder/S``."""
    from sim.run.backtest import plan_backtest, run_backtest
    from sim.run.files import release_all
    from sim.run.posterior import default_posterior

    def ctrl_c_after_one(work, total):
        def progress(done, planned):
            if done == 1:
                raise KeyboardInterrupt

        return work(progress)

    planned = [
        dataclasses.replace(e, plan=dataclasses.replace(e.plan, posterior=default_posterior()))
        for e in plan_backtest(["gambia-2017-ultimatum"], 2, 2)
    ]
    out = folder / "S"
    assert run_backtest(planned, out, watch=ctrl_c_after_one)  # interrupted
    release_all()  # as the command does when it exits
    return out


SENSITIVITY = ("sensitivity", "gambia-2017", "--param", "kill_rate", "--param", "honour_base_rate")
BACKTEST = ("--episodes", "gambia-2017-ultimatum", "-n", "2", "--seed", "2")
REFUSED = {  # the work, the command that would resume it, and the flag it changed
    "a finished run": (
        lambda folder: _finished(folder / "D", "run", "gambia-2017", "-n", "4", "--seed", "1"),
        ("run", "gambia-2017", "-n", "4", "--seed", "2"),
        "--seed",
    ),
    "a stopped run": (
        lambda folder: stopped_run(folder, 1),  # -n 10 --seed 1
        ("run", "gambia-2017", "-n", "10", "--seed", "2"),
        "--seed",
    ),
    # it went on, exit 0, and kept no series-all.csv.gz
    "a finished run, with other --series": (
        lambda folder: _finished(folder / "D", "run", "gambia-2017", "-n", "4", "--seed", "1"),
        ("run", "gambia-2017", "-n", "4", "--seed", "1", "--series", "all"),
        "--series",
    ),
    "a finished sweep": (
        lambda folder: _finished(folder / "D", *SWEEP, "-n", "2", "--seed", "1"),
        (*SWEEP, "-n", "2", "--seed", "2"),
        "--seed",
    ),
    "a stopped sensitivity analysis": (
        lambda folder: _stopped_sensitivity(folder / "stopped", after=1) and folder / "stopped",
        (*SENSITIVITY, "--n", "2", "-n", "3", "--seed", "6"),
        "--seed",
    ),
    # it wrote its plan over with the new list and scored a set the folder did not hold alone
    "a finished backtest, with other --episodes": (
        _finished_backtest,
        ("backtest", *BACKTEST, "--episodes", "mali-2020"),
        "--episodes",
    ),
    # it ran the probes a backtest begun without them never had, and scored them
    "a finished backtest, with --robustness": (
        _finished_backtest,
        ("backtest", *BACKTEST, "--robustness"),
        "--robustness",
    ),
    "a stopped backtest, with --robustness": (
        _stopped_backtest,
        ("backtest", *BACKTEST, "--robustness"),
        "--robustness",
    ),
}


def _contents(folder) -> dict:
    """Every file under ``folder``, hidden ones too, with its bytes."""
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("work", REFUSED)
def test_a_refused_resume_is_said_first_and_alone_and_changes_nothing(tmp_path, lang, work):
    """`run ... --seed 2 --out D --resume` on work made with --seed 1 said the new plan's header
    ("...: 20 replicates, root seed 2") before refusing it."""
    make, args, flag = REFUSED[work]
    out = make(tmp_path)
    before = _contents(out)
    refused = start_sahelsim(*args, "--out", str(out), "--resume", "--lang", lang, capture=True)
    said, err = refused.communicate(timeout=600)  # stdout and stderr apart: nothing is merged
    assert refused.returncode == 2 and said == "", err
    lines = err.replace("\u00a0", " ").replace("\u202f", " ").splitlines()  # French spacing
    assert len(lines) == 1, err
    start = {"en": "sahelsim: --resume: ", "fr": "sahelsim : --resume : "}[lang]
    assert lines[0].startswith(f"{start}{out} "), err
    assert {"en": f"changed: {flag}", "fr": f"changé : {flag}"}[lang] in lines[0], err
    assert _contents(out) == before


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_backtest_begun_without_probes_refuses_them_naming_how_it_was_begun(
    tmp_path, sahelsim, lang
):
    """`backtest --out D --resume --robustness` on a backtest begun without --robustness ran its
    probes and scored them as if they had been asked for from the start."""
    out = _stopped_backtest(tmp_path)
    before = _contents(out)
    refused = sahelsim("backtest", "--out", str(out), "--resume", "--robustness", "--lang", lang)
    assert refused.status == 2, refused.err
    said = " ".join(refused.err.replace("\u202f", " ").replace("\u00a0", " ").split())
    assert {
        "en": "(changed: --robustness) (it had no --robustness)",
        "fr": "(changé : --robustness) (il avait pas de --robustness)",
    }[lang] in said, said
    assert _contents(out) == before
    finished = sahelsim("backtest", "--out", str(out), "--resume", "--no-figures")  # without it
    assert finished.status == 0, finished.err
    assert not (out / "robustness").exists() and (out / "scores.json").is_file()


def test_the_command_an_interruption_gives_finishes_work_in_the_folder_made_for_it(
    tmp_path, sahelsim
):
    """`sahelsim run gambia-2017 -n 10 --seed 3`, stopped with Ctrl-C, said "Finish it with:
    sahelsim run gambia-2017 -n 10 --seed 3 --resume", which --resume refused: it needs the
    folder, made under runs/ for the run, as --out."""
    import shlex

    from sim.present.terminal import interrupted_run

    out = stopped_run(tmp_path, 3)  # the work that run left in its folder
    manifest = {"command": ["sahelsim", "run", "gambia-2017", "-n", "10", "--seed", "3", "-q"],
                "replicates": {"completed": 4}}  # fmt: skip
    words = shlex.split(interrupted_run(out, manifest).split("Finish it with: ")[1])
    assert words[0] == "sahelsim" and words[-3:] == ["--out", str(out), "--resume"]
    finished = sahelsim(*words[1:])
    assert finished.status == 0, finished.err
    assert len((out / "summary.csv").read_text().splitlines()) == 11


RUN_AGAIN = ("run", "gambia-2017", "-n", "10", "--seed", "3")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_resume_refuses_other_parameters_and_leaves_the_folder_as_it_was(tmp_path, sahelsim, lang):
    """A run that drew its parameters, finished at single values (or the other way), was one
    bundle of two ensembles whose parameters.csv lacked the later replicates."""
    from sim.resources import shipped_posterior
    from sim.run.posterior import read_posterior

    drawn, point = stopped_run(tmp_path, 3), stopped_run(tmp_path, 3, drawn=False)
    shipped = read_posterior(shipped_posterior()).sha256
    other = tmp_path / "other.csv"
    lines = shipped_posterior().read_text().splitlines(keepends=True)
    other.write_text("".join([lines[0], *lines[2:]]))  # the shipped one less its first set
    said = {
        "en": "was started with other settings (changed: {flag}) (it had {had})",
        "fr": "a été commencé avec d'autres réglages (changé : {flag}) (il avait {had})",
    }[lang]
    for out, flags, flag, had in (
        (drawn, ["--parameters", "point"], "--parameters", "--parameters posterior"),
        (point, [], "--parameters", "--parameters point"),  # the default draws
        (drawn, ["--posterior", str(other)], "--posterior", f"a --posterior of sha256 {shipped}"),
    ):
        before = _contents(out)
        refused = sahelsim(*RUN_AGAIN, *flags, "--out", str(out), "--resume", "--lang", lang)
        assert refused.status == 2, refused.err
        plain = " ".join(refused.err.replace("\u202f", " ").replace("\u00a0", " ").split())
        if lang == "fr":
            had = had.replace("a --posterior of", "un --posterior d'empreinte")
        assert said.format(flag=flag, had=had) in plain, plain
        assert "Traceback" not in refused.err
        assert _contents(out) == before
    # the same content under another path is the same posterior: it finishes the run
    same = tmp_path / "copy.csv"
    same.write_bytes(shipped_posterior().read_bytes())
    ok = sahelsim(*RUN_AGAIN, "--posterior", str(same), "--out", str(drawn), "--resume", "-q",
                  "--no-figures")  # fmt: skip
    assert ok.status == 0, ok.err
    assert len((drawn / "parameters.csv").read_text().splitlines()) == 11
    ok = sahelsim(*RUN_AGAIN, "--parameters", "point", "--out", str(point), "--resume", "-q",
                  "--no-figures")  # fmt: skip
    assert ok.status == 0, ok.err
    assert len((point / "summary.csv").read_text().splitlines()) == 11


def test_a_finished_run_is_not_taken_for_one_with_other_parameters(tmp_path, sahelsim):
    out = tmp_path / "done"
    args = (*RUN_AGAIN, "-q", "--no-figures", "--out", str(out))
    assert sahelsim(*args).status == 0
    before = _contents(out)
    point = sahelsim(*args, "--resume", "--parameters", "point")
    assert point.status == 2
    assert (
        "is complete but was made with other settings (changed: --parameters) (it had "
        "--parameters posterior)" in " ".join(point.err.split())
    )
    assert _contents(out) == before
    assert sahelsim(*args, "--resume").status == 0  # the same command: nothing to do
    assert _contents(out) == before


ADAPTIVE = ("run", "gambia-2017", "--seed", "1", "-q", "--no-figures")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_finished_adaptive_run_refuses_another_precision_naming_what_can_be_typed(
    tmp_path, sahelsim, lang
):
    """Resumed with --precision 0.01, a run that had stopped at ±0.2 exited 0 and said "Precision
    ±0.01: reached after 100 replicates"; resumed with -n 50, it was refused as having had
    "--replicates 10000", a cap the user never typed."""
    out = tmp_path / "adaptive"
    assert sahelsim(*ADAPTIVE, "--precision", "0.2", "--out", str(out)).status == 0
    before = _contents(out)
    said = {
        "en": (
            "(changed: --precision) (it had --precision 0.2)",
            "(changed: --replicates) (it had --replicates 10000, the cap of its --precision 0.2)",
        ),
        "fr": (
            "(changé : --precision) (il avait --precision 0.2)",
            "(changé : --replicates) (il avait --replicates 10000, la limite de son --precision "
            "0.2)",
        ),
    }[lang]
    for flags, message in (
        (["--precision", "0.01"], said[0]),
        (["--precision", "0.2", "-n", "50"], said[1]),
    ):
        refused = sahelsim(*ADAPTIVE, *flags, "--out", str(out), "--resume", "--lang", lang)
        assert refused.status == 2 and "Traceback" not in refused.err
        plain = " ".join(refused.err.replace("\u202f", " ").replace("\u00a0", " ").split())
        assert message in plain, plain
        assert _contents(out) == before
    # the work's own precision and cap need not be repeated: nothing is left to run
    again = sahelsim("run", "gambia-2017", "--out", str(out), "--resume", "--no-figures")
    assert again.status == 0, again.err
    assert "Precision ±0.2: reached after 100 replicates" in " ".join(again.err.split())
    assert _contents(out) == before


def test_a_stopped_adaptive_run_resumed_without_its_flags_stops_where_it_would_have(
    tmp_path, sahelsim
):
    """`run gambia-2017 --precision 0.2 -n 300`, stopped, then `run gambia-2017 --out D --resume`:
    -n was taken from the work and --precision was not, so all 300 replicates ran."""
    from sim.analysis.precision import plan_adaptive
    from sim.run.bundle import BundleWriter
    from sim.run.executors import execute
    from sim.run.posterior import default_posterior
    from sim.scenario.loading import load_scenario

    plan, _ = plan_adaptive(load_scenario("gambia-2017"), 300, 1, 0.2)
    plan = dataclasses.replace(plan, posterior=default_posterior())
    stopped = tmp_path / "stopped"
    writer = BundleWriter(stopped, plan, [])
    for item in execute(plan, writer.options):
        writer.add(item)
        if writer.completed == 3:
            break
    writer.abandon()  # as a kill leaves it
    resumed = sahelsim("run", "gambia-2017", "--out", str(stopped), "--resume", "-q",
                       "--no-figures")  # fmt: skip
    assert resumed.status == 0, resumed.err
    whole = tmp_path / "whole"
    assert sahelsim(*ADAPTIVE, "--precision", "0.2", "-n", "300", "--out", str(whole)).status == 0
    manifest = json.loads((stopped / "manifest.json").read_text())
    assert manifest["replicates"]["completed"] < 300 and manifest["replicates"]["stopped_early"]
    assert (stopped / "summary.csv").read_bytes() == (whole / "summary.csv").read_bytes()


def test_a_backtest_resumed_with_other_parameters_is_refused(tmp_path, sahelsim):
    """Its finished episodes would keep their drawn parameters and the rest run at single values,
    scored as one backtest."""
    out = tmp_path / "bt"
    args = ("backtest", "--episodes", "gambia-2017-ultimatum", "-n", "2", "--seed", "2",
            "--out", str(out), "--no-figures", "--json")  # fmt: skip
    assert sahelsim(*args).status == 0
    before = _contents(out)
    for flags, had in ((["--parameters", "point"], "--parameters posterior"),
                       (["--seed", "3"], "--seed 2")):  # fmt: skip
        refused = sahelsim(*args, *flags, "--resume")
        assert refused.status == 2 and "Traceback" not in refused.err
        assert f"(it had {had})" in " ".join(refused.err.split())
        assert _contents(out) == before
    assert sahelsim(*args, "--resume").status == 0


def test_a_finished_sweep_resumed_with_another_design_is_refused(tmp_path, sahelsim):
    """It showed the old sweep's points under the new command's "5 points", and exited 0."""
    out = tmp_path / "swr"
    args = ("-n", "2", "--seed", "8", "-q", "--no-figures", "--out", str(out))
    assert sahelsim(*SWEEP, *args).status == 0
    before = _contents(out)
    for values in ("0.2:0.8:5", "0.2:0.5:4"):
        refused = sahelsim("sweep", "gambia-2017", "--param", f"parameters.honour_base_rate={values}",
                           *args, "--resume")  # fmt: skip
        assert refused.status == 2 and "Traceback" not in refused.err
        said = " ".join(refused.err.split())
        assert "is complete but was made with other settings (changed: the design's points" in said
        assert _contents(out) == before
    other = sahelsim("sweep", "gambia-2017", "--param", "parameters.deterrence_weight=0.2:0.8:4",
                     *args, "--resume")  # fmt: skip
    assert other.status == 2 and "(changed: --param);" in other.err  # same levels, other value
    assert sahelsim(*SWEEP, *args, "--resume").status == 0  # the same design: nothing to do
    assert _contents(out) == before
