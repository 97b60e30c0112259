"""`sahelsim run`: a complete, reproducible bundle, the same whatever the workers, honest on errors."""

from __future__ import annotations

import contextlib
import json
import shlex
import signal
from pathlib import Path

import pytest
from conftest import REPO, ctrl_c_twice_while_drawing, start_run, wait_for_replicates

BUNDLE_FILES = {
    "manifest.json",
    "scenario.yaml",
    "summary.csv",
    "series.csv",
    "bands.csv",
    "events.jsonl",
    "parameters.csv",  # each replicate's draw from the shipped posterior (the default)
}


def _files(folder):
    return {p.name for p in folder.iterdir()}


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    from sim.cli import main

    out = tmp_path_factory.mktemp("bundle") / "run"
    main(["run", "niger-2023-base", "-n", "24", "--seed", "11", "--out", str(out), "-q"])
    return out


def test_the_bundle_is_complete(bundle):
    assert _files(bundle) >= BUNDLE_FILES
    assert {"timeseries.png", "timeseries.svg", "timeline.png", "outcomes.png"} <= _files(
        bundle / "figures"
    )
    manifest = json.loads((bundle / "manifest.json").read_text())
    assert manifest["replicates"] == {
        "planned": 24,
        "precision": None,  # not an adaptive run
        "completed": 24,
        "interrupted": False,
        "stopped_early": None,
    }
    assert manifest["seeds"]["root"] == 11 and len(manifest["seeds"]["replicates"]) == 24
    assert len(manifest["scenario"]["sha256"]) == 64
    assert "not a forecast" in manifest["note"]
    lines = (bundle / "summary.csv").read_text().splitlines()
    assert len(lines) == 25 and lines[0].startswith("replicate,seed,threat_carried_out")
    assert [int(line.split(",")[0]) for line in lines[1:]] == list(range(24))
    assert not (bundle / ".partial").exists()


@pytest.fixture(scope="module")
def point_bundle(tmp_path_factory):
    from sim.cli import main

    out = tmp_path_factory.mktemp("bundle") / "point"
    args = ["run", "niger-2023-base", "-n", "12", "--seed", "11", "--parameters", "point"]
    main([*args, "--out", str(out), "-q", "--no-figures"])
    return out


def test_a_bundle_names_no_path_of_the_machine_it_ran_on(bundle):
    # The shipped posterior is named, not located: where sahelsim is installed would differ on
    # the next machine, and so would the bytes of the same run's manifest and report.
    here = str(REPO)
    for name in ("manifest.json", "report.html", "scenario.yaml"):
        assert here not in (bundle / name).read_text(encoding="utf-8"), name
    manifest = json.loads((bundle / "manifest.json").read_text())
    assert manifest["parameters"]["shipped"] is True
    assert manifest["reproduce"].endswith("--parameters posterior")


@pytest.mark.parametrize("made", ["bundle", "point_bundle"], ids=["posterior", "point"])
def test_rerunning_from_the_manifest_reproduces_the_summary_byte_for_byte(
    made, tmp_path, sahelsim, request
):
    bundle = request.getfixturevalue(made)
    manifest = json.loads((bundle / "manifest.json").read_text())
    command = manifest["reproduce"].split()
    assert command[:3] == ["sahelsim", "run", "scenario.yaml"]
    again = tmp_path / "again"
    result = sahelsim(
        "run",
        str(bundle / "scenario.yaml"),
        *command[3:],
        "--out",
        str(again),
        "-q",
        "--no-figures",
    )
    assert result.status == 0, result.err
    assert (again / "summary.csv").read_bytes() == (bundle / "summary.csv").read_bytes()
    assert (again / "events.jsonl").read_bytes() == (bundle / "events.jsonl").read_bytes()


@pytest.mark.slow
def test_one_or_two_workers_give_identical_bundles(tmp_path, sahelsim):
    for workers in ("1", "2"):
        result = sahelsim(
            "run",
            "gambia-2017",
            "-n",
            "12",
            "--seed",
            "5",
            "--workers",
            workers,
            "--out",
            str(tmp_path / workers),
            "-q",
            "--no-figures",
        )
        assert result.status == 0, result.err
    for name in BUNDLE_FILES - {"manifest.json"}:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name
    one = json.loads((tmp_path / "1" / "manifest.json").read_text())
    two = json.loads((tmp_path / "2" / "manifest.json").read_text())
    for manifest in (one, two):
        manifest.pop("timings"), manifest.pop("command")
    assert one == two


def test_an_existing_folder_is_never_overwritten(tmp_path, sahelsim):
    out = tmp_path / "taken"
    out.mkdir()
    (out / "precious.txt").write_text("keep me")
    result = sahelsim("run", "gambia-2017", "-n", "2", "--out", str(out))
    assert result.status == 2
    assert "already exists and is not an empty folder" in result.err
    assert _files(out) == {"precious.txt"} and (out / "precious.txt").read_text() == "keep me"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--replicates", "0"], "Invalid value for '--replicates'"),
        (["--workers", "-1"], "Invalid value for '--workers'"),
        (["--seed", "-5"], "Invalid value for '--seed'"),
        (["--lang", "de"], "Invalid value for '--lang'"),
        (["--set", "parameters.kill_rate=9"], "parameters.kill_rate: wrong value; got 9"),
        (["--replicates", "lots"], "'lots'; expected a whole number of at least 1"),
    ],
)
def test_bad_flags_exit_2_with_a_message(tmp_path, sahelsim, args, message):
    result = sahelsim("run", "gambia-2017", *args, "--out", str(tmp_path / "x"))
    assert result.status == 2
    assert message in result.err + result.out
    assert "Traceback" not in result.err + result.out
    assert not (tmp_path / "x").exists() or not any((tmp_path / "x").iterdir())


def test_an_unknown_scenario_exits_2(sahelsim, tmp_path):
    result = sahelsim("run", "niger-2032-base", "--out", str(tmp_path / "x"))
    assert result.status == 2 and "did you mean 'niger-2023-base'" in result.err


@pytest.mark.drawn_seed
def test_a_drawn_seed_is_printed_and_recorded(tmp_path, sahelsim):
    path = tmp_path / "s.yaml"
    path.write_text(
        (REPO / "scenarios" / "gambia-2017.yaml")
        .read_text()
        .replace("seed: 20170119", "seed: null")
    )
    result = sahelsim("run", str(path), "-n", "2", "--out", str(tmp_path / "b"), "--no-figures")
    assert result.status == 0
    manifest = json.loads((tmp_path / "b" / "manifest.json").read_text())
    assert manifest["seeds"]["root_was_drawn"] is True
    assert f"root seed {manifest['seeds']['root']} (drawn" in result.err


def test_the_terminal_summary_reads_well(tmp_path, sahelsim):
    result = sahelsim("run", "gambia-2017", "-n", "20", "--seed", "1", "--out", str(tmp_path / "b"))
    assert result.status == 0
    assert f"Results bundle: {tmp_path / 'b'} (report.html" in " ".join(result.out.split())
    for text in (
        "ECOWAS attacks",
        "95 % interval",
        "what it means",
        "Not a forecast",
        "War duration",
    ):
        assert text in result.out
    french = sahelsim(
        "run",
        "gambia-2017",
        "-n",
        "5",
        "--seed",
        "1",
        "--out",
        str(tmp_path / "fr"),
        "--lang",
        "fr",
        "--no-figures",
    )
    assert "La CEDEAO attaque" in french.out and "Ce n'est pas une prévision" in french.out


def test_no_figures_skips_drawing_and_says_how_to_draw_them_later(tmp_path, sahelsim):
    out = tmp_path / "b"
    result = sahelsim(
        "run", "gambia-2017", "-n", "3", "--seed", "2", "--out", str(out), "--no-figures"
    )
    assert result.status == 0, result.err
    assert _files(out) == BUNDLE_FILES
    assert f"figures: sahelsim report {out}" in " ".join(result.out.split())
    drawn = sahelsim("report", str(out))
    assert drawn.status == 0, drawn.err
    assert (out / "report.html").is_file() and (out / "figures" / "map.png").is_file()


@pytest.mark.slow
def test_a_run_killed_part_way_leaves_only_complete_files(tmp_path):
    out = tmp_path / "killed"
    process = start_run(out, 3000, 3)
    wait_for_replicates(out, 10, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    visible = {p.name for p in out.iterdir() if not p.name.startswith(".")}
    assert visible == set()  # nothing half-written is presented as a result
    assert (out / ".partial").is_dir()


@pytest.mark.slow
def test_ctrl_c_keeps_every_finished_replicate(tmp_path):
    out = tmp_path / "interrupted"
    process = start_run(out, 3000, 3, capture=True)
    wait_for_replicates(out, 10, process)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130
    manifest = json.loads((out / "manifest.json").read_text())
    done = manifest["replicates"]["completed"]
    assert manifest["replicates"]["interrupted"] and 0 < done < 3000
    assert len((out / "summary.csv").read_text().splitlines()) == done + 1
    assert f"holds the {done} replicates finished" in err and "--resume" in err
    assert (out / ".partial" / "checkpoint.json").is_file()  # still resumable
    # The message says where the state to resume from is, and the exact command that finishes.
    said = " ".join(err.split())
    assert str(out / ".partial") in said
    assert "Finish it with: sahelsim run" in said and said.rstrip().endswith("--resume")


STOPPED_EARLY = {
    "run": (("run", "niger-2023-intervention", "-n", "3", "--seed", "3"), ".partial",
            {"en": "Run it with: ", "fr": "Pour la lancer : "}, "summary.csv"),
    "sweep": (("sweep", "gambia-2017", "--param", "parameters.honour_base_rate=0:1:2", "-n", "2",
               "--seed", "1"), ".partial",
              {"en": "Run it with: ", "fr": "Pour tout lancer : "}, "results.csv"),
    "sensitivity": (("sensitivity", "gambia-2017", "--param", "kill_rate", "--param",
                     "honour_base_rate", "--n", "2", "-n", "2", "--seed", "1"), ".partial",
                    {"en": "Run it with: ", "fr": "Pour tout lancer : "}, "indices.csv"),
    "compare": (("compare", "gambia-2017", "gambia-2017", "--set-b", "commitment=strict", "-n",
                 "2", "--seed", "1"), "a/.partial",
                {"en": "Remove it, then run the comparison with: ",
                 "fr": "Supprimez-le, puis lancez la comparaison : "}, "comparison.csv"),
    "backtest": (("backtest", "--episodes", "gambia-2017-ultimatum", "-n", "2", "--seed", "1"),
                 "gambia-2017-ultimatum/.partial",
                 {"en": "Run it with: ", "fr": "Pour lancer la rétro-évaluation : "},
                 "scores.json"),
}  # fmt: skip
"""What each command runs, where its first replicate's checkpoint goes, the words before the
command it gives to run the work, and a file of the work run."""


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("command", STOPPED_EARLY)
def test_ctrl_c_before_any_replicate_finished_says_so_and_points_at_nothing(
    tmp_path, sahelsim, command, lang
):
    """run printed a table of dashes and "Results bundle: OUT (report.html, figures/,
    summary.csv)", none of them there, and published a bundle of no replicates; a sweep (and a
    sensitivity analysis) published a folder that "holds the 0 replicates finished", a
    comparison said "partial bundles are in OUT" and a backtest that OUT "holds each episode's
    replicates finished", though none had."""
    import re
    import shutil
    import subprocess

    from conftest import start_caught, wait_caught
    from test_french_errors import _plain, english_left

    out = tmp_path / "early"
    args, state, before, made = STOPPED_EARLY[command]
    # Caught as it goes to count its first replicate (or point): Ctrl-C there leaves it out.
    checkpoint = out / state / "checkpoint.json"
    at = re.escape(str(checkpoint.with_name(".checkpoint.json.part"))) + "$"
    process = start_caught([*args, "--lang", lang, "--out", str(out)], at, 2,
                           stdout=subprocess.PIPE)  # fmt: skip
    wait_caught(process)
    assert json.loads(checkpoint.read_text())["completed"] == 0
    process.send_signal(signal.SIGINT)  # lands there as the command goes on
    process.send_signal(signal.SIGCONT)
    printed, err = process.communicate(timeout=300)
    assert process.returncode == 130, err
    assert printed == ""  # no summary of nothing, no bundle named
    said = " ".join(_plain(err).split())
    assert {
        "en": f"Interrupted before any replicate finished: there are no results in {out}",
        "fr": f"Interrompu avant la fin de la première réplication : {out} ne contient aucun "
        "résultat",
    }[lang] in said, said
    assert "Traceback" not in err and "report.html" not in said and "figures" not in said
    if lang == "fr":
        assert english_left(err) == set(), err
    # nothing that looks like results: only what --resume starts from (and a backtest's plan)
    kept = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    plan = {"backtest-plan.json"} if command == "backtest" else set()
    assert {k for k in kept if not k.startswith(f"{state}/")} == plan, kept
    # the command it gives runs the work from the start
    given = said.split(before[lang])[1]
    words = shlex.split(given.split(" (")[0])
    assert words[0] == "sahelsim" and words[1] == command, given
    if command == "compare":  # it cannot go on from the folder, which is removed first
        shutil.rmtree(out)
    else:
        assert words[-3:] == ["--out", str(out), "--resume"], given
    finished = sahelsim(*words[1:], "--no-figures")
    assert finished.status == 0, finished.err
    assert (out / made).is_file()


def _drawn(folder: Path) -> list[str]:
    """The figures the manifest in ``folder`` lists as drawn whole (none before it is written)."""
    with contextlib.suppress(OSError, ValueError, KeyError):
        return json.loads((folder / "manifest.json").read_text())["drawn"]
    return []


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/wchan").exists(), reason="needs Linux's /proc/PID/wchan")
def test_a_second_ctrl_c_while_the_figures_are_drawn_is_handled_too(tmp_path, sahelsim):
    """Ctrl-C twice while a finished run drew its figures: the first was handled, and the second,
    pressed while the first was, killed the process by signal with a traceback."""
    out = tmp_path / "run"
    status, err = ctrl_c_twice_while_drawing(
        ["run", "gambia-2017", "-n", "2", "--seed", "1", "--out", str(out)],
        r"/figures/\.map\.png\.part$",  # caught as it writes its third figure
        lambda: _drawn(out) and not any(p.endswith("report.html") for p in _drawn(out)),
    )
    assert status == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert f"Draw its figures and report with: sahelsim report {out}" in err
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["replicates"]["completed"] == 2 and not manifest["replicates"]["interrupted"]
    assert manifest["drawn"] and all((out / path).is_file() for path in manifest["drawn"])
    assert not list(out.rglob("*.part"))  # no figure half-written
    redrawn = sahelsim("report", str(out))
    assert redrawn.status == 0, redrawn.err
    assert (out / "report.html").is_file() and (out / "figures" / "map.png").is_file()


SWEPT = (
    "gambia-2017",
    "-n",
    "2",
    "--seed",
    "1",
    "--outcome",
    "war_days",
    "--outcome",
    "casualties",
)
"""Two outcomes that vary (a sensitivity analysis draws only those): two figures to draw."""
SWEPT_FIGURES = ("figures/{kind}-war_days.svg", "figures/{kind}-casualties.svg")
DRAWING = {
    "compare": (
        ["compare", "gambia-2017", "gambia-2017", "--set-b", "commitment=strict", "-n", "2",
         "--seed", "1"],
        r"/figures/\.differences\.png\.part$",
        # the overlay drawn, each ensemble's figures and report still to come
        lambda out: (out / "figures" / "overlay.png").is_file()
        and not (out / "b" / "report.html").is_file(),
        {"en": "Draw each one's figures and report with: sahelsim report {out}/a, then "
               "sahelsim report {out}/b",
         "fr": "Pour tracer les figures et le rapport de chacun : sahelsim report {out}/a "
               "--lang fr, puis sahelsim report {out}/b --lang fr"},
        ("a/report.html", "b/report.html", "a/figures/map.svg", "b/figures/map.svg"),
    ),
    "sweep": (
        ["sweep", *SWEPT, "--param", "parameters.honour_base_rate=0:1:2"],
        r"/figures/\.sweep-casualties\.png\.part$",
        lambda out: 0 < len(_drawn(out)) < 4,  # one figure of two drawn
        {"en": "Draw its figures with: sahelsim sweep ", "fr": "Pour tracer ses figures : "
         "sahelsim sweep "},
        tuple(f.format(kind="sweep") for f in SWEPT_FIGURES),
    ),
    "sensitivity": (
        ["sensitivity", *SWEPT, "--param", "kill_rate", "--param", "honour_base_rate", "--n",
         "2"],
        r"/figures/\.morris-casualties\.png\.part$",
        lambda out: 0 < len(_drawn(out)) < 4,
        {"en": "Draw its figures with: sahelsim sensitivity ",
         "fr": "Pour tracer ses figures : sahelsim sensitivity "},
        tuple(f.format(kind="morris") for f in SWEPT_FIGURES),
    ),
    "backtest": (
        ["backtest", "--episodes", "gambia-2017-ultimatum", "-n", "2", "--seed", "1"],
        r"/figures/\.reliability\.png\.part$",
        # its scores written, its figure and report.md still to come
        lambda out: (out / "scores.json").is_file() and not (out / "report.md").is_file(),
        {"en": "Write the scores, report.md and the figure with: sahelsim backtest ",
         "fr": "Pour écrire les scores, report.md et la figure : sahelsim backtest "},
        ("report.md", "figures/reliability.svg"),
    ),
}  # fmt: skip
"""What each command runs, the file it is caught writing, what shows it is then drawing, what it
then says, and what its advice draws."""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/wchan").exists(), reason="needs Linux's /proc/PID/wchan")
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("command", DRAWING)
def test_every_command_that_draws_handles_a_second_ctrl_c_as_run_does(
    tmp_path, sahelsim, command, lang
):
    """compare, sweep, sensitivity and backtest, interrupted while drawing, said "Aborted.", and
    a second Ctrl-C killed them with a traceback. Each now says, as run does, what it kept and
    the commands that draw the rest; and they do."""
    import re

    from test_french_errors import _plain, english_left

    out = tmp_path / "out"
    args, at, drawing, told, drawn_after = DRAWING[command]
    status, err = ctrl_c_twice_while_drawing(
        [*args, "--out", str(out), "--lang", lang], at, lambda: drawing(out)
    )
    assert status == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    said = " ".join(_plain(err).split())
    assert told[lang].format(out=out) in said, said
    if lang == "fr":
        assert english_left(err) == set(), err
    assert not list(out.rglob(".*.part"))  # nothing half-written
    for given in re.findall(r"sahelsim (?:report|sweep|sensitivity|backtest) [^,;]*", said):
        done = sahelsim(*shlex.split(given)[1:])
        assert done.status == 0, done.err
    assert all((out / path).is_file() for path in drawn_after)


class _CtrlCWhileWritten:
    """A finished replicate that Ctrl-C interrupts after its summary row was written."""

    def __init__(self, item):
        self.index, self.failure, self.summary = item.index, item.failure, item.summary

    @property
    def events(self):
        raise KeyboardInterrupt


def test_ctrl_c_halfway_through_writing_a_replicate_leaves_it_out_and_resume_is_exact(tmp_path):
    # Ctrl-C can land while a replicate's lines are being appended. The bundle must then hold
    # the replicates its manifest counts, no more, and --resume must still give the same bytes.
    from sim.run.bundle import BundleWriter
    from sim.run.ensemble import run_ensemble
    from sim.run.executors import execute
    from sim.run.plan import plan_runs
    from sim.scenario.loading import load_scenario

    plan = plan_runs(load_scenario("niger-2023-base"), 6, 5)
    run_ensemble(plan, tmp_path / "whole")
    stopped = tmp_path / "stopped"
    writer = BundleWriter(stopped, plan, [])
    items = list(execute(plan, writer.options))
    for item in items[:3]:
        writer.add(item)
    with pytest.raises(KeyboardInterrupt):
        writer.add(_CtrlCWhileWritten(items[3]))
    manifest = writer.close(interrupted=True)
    assert manifest["replicates"]["completed"] == 3
    rows = (stopped / "summary.csv").read_text().splitlines()[1:]
    assert [int(row.split(",")[0]) for row in rows] == [0, 1, 2]
    resumed, _ = run_ensemble(plan, stopped, resume=True)
    assert resumed["replicates"]["completed"] == 6
    for name in ("summary.csv", "events.jsonl", "series.csv", "bands.csv"):
        assert (stopped / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name


def test_a_run_in_french_speaks_french_numbers_and_words(sahelsim, tmp_path):
    out = tmp_path / "fr"
    args = ("run", "niger-2023-base", "-n", "4", "--seed", "2", "--lang", "fr", "--no-figures")
    result = sahelsim(*args, "--out", str(out))
    assert result.status == 0, result.err
    said = " ".join((result.out + result.err).split())  # the terminal wraps long lines
    assert "Le Niger, août 2023" in said and "réplications, graine 2" in said  # the French title
    assert " % à " in said  # "10 % à 40 %", not "10% to 40%"
    for english in (" to ", "replicates", "root seed", "ECOWAS threatens"):
        assert english not in said, english
