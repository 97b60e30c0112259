"""Sweep throughput and peak memory: 20 points x 100 replicates of the flagship scenario.

Runs ``run_sweep`` (planning, every point's scenario, the workers, results.csv; no figures)
over ``parameters.honour_base_rate`` in a fresh subprocess per variant, so that each peak
memory (max RSS of the process or of any worker) is its own. Prints seconds and peak MB with
1 and 2 workers, then the peak for 5 and for 40 points (10 replicates each, 1 worker) to show
that memory does not grow with the number of points.

Usage: python benchmarks/sweep_speed.py [--points 20] [-n 100] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sim.scenario.defaults import FLAGSHIP as SCENARIO

PATH = "parameters.honour_base_rate"
TARGET_SECONDS = 60


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def variant(points: int, replicates: int, workers: int) -> dict:
    """One sweep of ``points`` values of the base rate of honouring, into a temporary folder."""
    from sim.run.sweep import grid_design, parse_param, plan_sweep, run_sweep

    axes = [parse_param(f"{PATH}=0:1:{points}", grid=True)]
    plan = plan_sweep(SCENARIO, [], lambda _root: grid_design(axes), replicates=replicates, seed=1)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        run_sweep(plan, Path(folder) / "sweep", workers=workers)
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "peak_mb": _peak_mb(), "runs": plan.total}


def _run(points: int, replicates: int, workers: int) -> dict:
    command = [sys.executable, __file__, "--variant", "--points", str(points)]
    command += ["-n", str(replicates), "--workers", str(workers)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=20)
    parser.add_argument("-n", type=int, default=100, help="replicates per point")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--variant", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.variant:
        print(json.dumps(variant(args.points, args.n, args.workers[0])))
        return
    print(f"{SCENARIO}: sweep of {PATH}; each variant in a fresh process (no figures)")
    print(
        f"{'points':>8}{'replicates':>12}{'workers':>9}{'seconds':>10}{'ms/run':>9}{'peak MB':>10}"
    )

    def show(points: int, replicates: int, workers: int) -> dict:
        result = _run(points, replicates, workers)
        per_run = 1000 * result["seconds"] / result["runs"]
        print(
            f"{points:>8}{replicates:>12}{workers:>9}{result['seconds']:>10.1f}{per_run:>9.1f}"
            f"{result['peak_mb']:>10.0f}"
        )
        return result

    timed = [show(args.points, args.n, w) for w in args.workers]
    small, large = show(5, 10, 1), show(40, 10, 1)
    best = min(r["seconds"] for r in timed)
    print(
        f"target: {args.points} x {args.n} in at most {TARGET_SECONDS} s "
        f"({'met' if best <= TARGET_SECONDS else 'missed'}: best {best:.1f} s); "
        f"peak memory 40 points / 5 points = {large['peak_mb'] / small['peak_mb']:.2f} "
        "(flat is about 1)"
    )


if __name__ == "__main__":
    main()
