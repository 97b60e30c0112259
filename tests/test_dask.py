"""Replicates on a real Dask cluster (a distributed.LocalCluster) give the very same bundle."""

from __future__ import annotations

import sys

import pytest

pytest.importorskip("distributed")

from sim.run.ensemble import run_ensemble
from sim.run.plan import plan_runs
from sim.scenario.loading import load_scenario

RESULT_FILES = ("summary.csv", "events.jsonl", "series.csv", "bands.csv")


@pytest.mark.slow
def test_a_local_cluster_gives_byte_identical_results(tmp_path):
    plan = plan_runs(load_scenario("gambia-2017"), 24, 17)
    run_ensemble(plan, tmp_path / "dask", executor="dask", workers=2)
    run_ensemble(plan, tmp_path / "local", workers=1)
    for name in RESULT_FILES:
        assert (tmp_path / "dask" / name).read_bytes() == (
            tmp_path / "local" / name
        ).read_bytes(), name


@pytest.mark.slow
def test_an_existing_scheduler_is_used_by_address(tmp_path):
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        plan = plan_runs(load_scenario("gambia-2017"), 6, 2)
        manifest, _ = run_ensemble(
            plan, tmp_path / "remote", executor="dask", scheduler=cluster.scheduler_address
        )
    assert manifest["replicates"]["completed"] == 6


def test_an_unreachable_scheduler_is_refused_and_the_retry_runs(tmp_path, sahelsim):
    """Refused, the run leaves no stopped work behind: a newcomer's retry, the scheduler's
    address fixed, was told the folder "holds stopped work: add --resume"."""
    out = tmp_path / "x"
    args = ("run", "gambia-2017", "-n", "2", "--seed", "2", "-q", "--no-figures", "--out", str(out))
    refused = sahelsim(*args, "--executor", "dask", "--scheduler", "tcp://127.0.0.1:1")
    assert refused.status == 2 and "Traceback" not in refused.err
    # What failed and what to do, as the French says it; then Dask's own words, last
    english, _, detail = refused.err.partition("(Dask says: ")
    assert english == (
        "sahelsim: --scheduler tcp://127.0.0.1:1: cannot reach a Dask scheduler at this address; "
        "check the address (tcp://HOST:8786) and that the scheduler is running, or leave out "
        "--scheduler to start a cluster on this machine "
    )
    assert "tcp://127.0.0.1:1" in detail and detail.rstrip().endswith(")")
    assert not out.exists()  # the folder it made goes too
    made = tmp_path / "mine"  # a folder the user made, empty, stays
    made.mkdir()
    mine = ("run", "gambia-2017", "-n", "2", "--seed", "2", "-q", "--out", str(made))
    assert sahelsim(*mine, "--executor", "dask", "--scheduler", "tcp://127.0.0.1:1").status == 2
    assert made.is_dir() and not any(made.iterdir())
    assert sahelsim(*args).status == 0
    assert len((out / "summary.csv").read_text(encoding="utf-8").splitlines()) == 3


SWEEP_FILES = ("points.csv", "results.csv", "means.csv")


@pytest.mark.slow
def test_a_sweep_on_a_local_cluster_writes_the_same_bytes_as_on_one_core(tmp_path, sahelsim):
    args = ("sweep", "gambia-2017", "--param", "actors.GMB.resolve=0.2:0.8:3", "-n", "8")
    args = (*args, "--seed", "4", "-q", "--no-figures")
    dask = sahelsim(*args, "--executor", "dask", "--workers", "2", "--out", str(tmp_path / "d"))
    assert dask.status == 0, dask.err
    assert sahelsim(*args, "--out", str(tmp_path / "one")).status == 0
    for name in SWEEP_FILES:
        assert (tmp_path / "d" / name).read_bytes() == (tmp_path / "one" / name).read_bytes(), name


@pytest.mark.slow
def test_a_sensitivity_analysis_runs_on_an_existing_scheduler(tmp_path, sahelsim):
    from distributed import LocalCluster

    args = ("sensitivity", "gambia-2017", "--param", "kill_rate", "--param", "honour_base_rate")
    args = (*args, "--n", "2", "-n", "3", "--seed", "5", "-q", "--no-figures")
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        remote = sahelsim(
            *args,
            *("--executor", "dask", "--scheduler", cluster.scheduler_address),
            *("--out", str(tmp_path / "remote")),
        )
    assert remote.status == 0, remote.err
    assert sahelsim(*args, "--out", str(tmp_path / "local")).status == 0
    for name in (*SWEEP_FILES, "indices.csv"):
        assert (tmp_path / "remote" / name).read_bytes() == (
            tmp_path / "local" / name
        ).read_bytes(), name


def test_a_scheduler_without_the_dask_executor_is_refused(tmp_path, sahelsim):
    result = sahelsim(
        *("sweep", "gambia-2017", "--param", "parameters.kill_rate=0.01:0.02:2"),
        *("--scheduler", "tcp://127.0.0.1:8786", "--out", str(tmp_path / "x")),
    )
    assert result.status == 2 and "--scheduler goes with --executor dask" in result.err
    assert not (tmp_path / "x").exists()


def test_without_the_dask_extra_the_message_gives_the_checkout_s_install_command(
    tmp_path, sahelsim, monkeypatch
):
    """From a checkout (as the README installs it), 'pip install sahelsim[dask]' finds nothing
    on the registry: the message gives the editable install. Nothing is left behind."""
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were not installed
    out = tmp_path / "x"
    refused = sahelsim(
        "run", "gambia-2017", "-n", "2", "--seed", "2", "--executor", "dask", "--out", str(out)
    )
    assert refused.status == 2 and "Traceback" not in refused.err
    assert "pip install -e '.[dask]' (from the top folder of your sahelsim checkout)" in refused.err
    assert not out.exists()


DASK_SAYS = "(message de Dask, en anglais : « "
"""Where a French message quotes the library's own words, as a detail said to be Dask's."""


def test_an_unreachable_scheduler_is_said_in_french_with_dask_s_words_quoted(tmp_path, sahelsim):
    """Under --lang fr, what failed and what to do are French; Dask's English only a quote."""
    from test_french_errors import _plain

    args = ("run", "gambia-2017", "-n", "2", "--seed", "2", "-q", "--no-figures", "--lang", "fr")
    refused = sahelsim(
        *args,
        "--out",
        str(tmp_path / "x"),
        "--executor",
        "dask",
        "--scheduler",
        "tcp://127.0.0.1:1",
    )
    assert refused.status == 2 and "Traceback" not in refused.err
    french, _, detail = _plain(refused.err).partition(DASK_SAYS)
    assert french == (
        "sahelsim : --scheduler tcp://127.0.0.1:1 : impossible de joindre l'ordonnanceur Dask à "
        "cette adresse ; vérifiez l'adresse (tcp://HÔTE:8786) et que l'ordonnanceur est lancé, "
        "ou retirez --scheduler pour lancer une grappe sur cette machine "
    )
    assert "tcp://127.0.0.1:1" in detail and detail.rstrip().endswith(" »)")


@pytest.mark.slow
def test_a_cluster_lost_midway_is_said_in_french_with_dask_s_words_quoted(tmp_path):
    """The scheduler goes away after the first replicate: the refusal says, in French, that
    the cluster was lost and how to finish; Dask's words (several lines) are one quoted line."""
    from distributed import LocalCluster

    from sim.errors import SahelsimError
    from sim.present.error_words import said

    cluster = LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    plan = plan_runs(load_scenario("gambia-2017"), 40, 2)

    def close_the_cluster(_encoded):
        if cluster.status.name != "closed":
            cluster.close()

    with pytest.raises(SahelsimError) as lost:
        run_ensemble(
            plan,
            tmp_path / "lost",
            executor="dask",
            scheduler=cluster.scheduler_address,
            stop=close_the_cluster,
        )
    english, _, detail = str(lost.value).partition(" (Dask says: ")
    assert english == (
        "lost the Dask cluster: the scheduler or a worker stopped answering; the work finished "
        "so far is kept: finish it with the same command and --resume"
    )
    assert detail and "\n" not in detail
    french, _, detail = said(lost.value.message, "fr").partition(
        DASK_SAYS.replace(" :", "\u00a0:").replace("« ", "«\u202f")
    )
    assert french == (
        "la grappe Dask a été perdue en cours de travail\u00a0: l'ordonnanceur ou un processus "
        "de calcul a cessé de répondre\u202f; le travail terminé jusqu'ici est gardé\u00a0: "
        "finissez-le en relançant la même commande avec --resume "
    )
    assert detail and "\n" not in detail and detail.endswith("\u202f»)")
