"""The package keeps its layers: scenario < model < run < analysis < present < cli.

The contracts are in pyproject.toml ([tool.importlinter]); ``lint-imports`` checks them. These
tests run it on the package, and on a copy with one violation injected, to show that a break
would be caught and named.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

REPO = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint(folder: Path) -> subprocess.CompletedProcess:
    """Run lint-imports on the package in ``folder`` with ``folder``'s pyproject.toml."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(folder)},
        capture_output=True,
        text=True,
    )


def test_every_layer_imports_only_those_below_it_and_no_module_cycles():
    result = lint(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_top_package_imports_nothing_so_every_layer_may_import_it():
    graph = grimp.build_graph("sim")
    assert graph.find_modules_directly_imported_by("sim") == set()


@pytest.mark.parametrize(
    ("module", "line", "contract", "named"),
    [
        (
            "sim/run/plan.py",
            "from sim.present import figures",
            "Each layer imports only the layers below it",
            "sim.run.plan -> sim.present.figures",
        ),
        (
            "sim/run/folders.py",
            "from sim.run import sweep",
            "No import cycles between the modules of a package",
            "No cycles are allowed in sim.run",
        ),
        (
            "sim/scenario/vocabulary.py",
            "import matplotlib",
            "The scenario and the model draw, print and serve nothing",
            "sim.scenario.vocabulary -> matplotlib",
        ),
    ],
    ids=["upward-import", "cycle", "model-draws"],
)
def test_a_broken_layer_is_caught_and_the_import_named(tmp_path, module, line, contract, named):
    shutil.copytree(
        REPO / "sim", tmp_path / "sim", ignore=shutil.ignore_patterns("__pycache__", "data")
    )
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    with open(tmp_path / module, "a", encoding="utf-8") as handle:
        handle.write(f"\n{line}  # injected by the test\n")
    result = lint(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{contract} BROKEN" in " ".join(result.stdout.split())
    assert named in result.stdout
