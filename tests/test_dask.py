"""Replicates on a real Dask cluster (a distributed.LocalCluster) give the very same bundle."""

from __future__ import annotations

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
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        plan = plan_runs(load_scenario("gambia-2017"), 6, 2)
        manifest, _ = run_ensemble(
            plan, tmp_path / "remote", executor="dask", scheduler=cluster.scheduler_address
        )
    assert manifest["replicates"]["completed"] == 6


def test_an_unreachable_scheduler_is_an_input_error(tmp_path):
    from sim.errors import InputError

    plan = plan_runs(load_scenario("gambia-2017"), 2, 2)
    with pytest.raises(InputError, match="cannot reach the Dask scheduler"):
        run_ensemble(plan, tmp_path / "x", executor="dask", scheduler="tcp://127.0.0.1:1")
