"""Shared helpers: run the real command line in-process, write scenario files."""

from __future__ import annotations

import os
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Result:
    status: int
    out: str
    err: str


@pytest.fixture
def sahelsim(capsys):
    """Run ``sahelsim ARGS...`` through the real entry point; return status and output."""
    from sim.cli import main

    def run(*args: str) -> Result:
        capsys.readouterr()
        try:
            main(list(args))
            status = 0
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return Result(status, captured.out, captured.err)

    return run


@pytest.fixture
def write(tmp_path):
    """Write a dedented YAML text to a file in a temporary folder and return its path."""

    def _write(text: str, name: str = "scenario.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


MINIMAL = """\
title: A minimal scenario
start: 2023-08-10
days: 30
actors:
  NER:
  MLI:
  NGA:
pacts:
  liptako-gourma-charter:
events:
  threat:
    kind: threat
    date: 2023-08-10
    by: ECOWAS
    target: NER
    deadline: 2023-08-24
"""
