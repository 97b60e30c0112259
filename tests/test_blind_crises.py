"""The crises written blind (docs/blind/) stay runnable and as they were frozen."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from sim.scenario.loading import load_scenario

BLIND = Path(__file__).resolve().parent.parent / "docs" / "blind"
FILES = sorted(BLIND.glob("reader*/*.yaml"))


def test_there_are_crises_written_blind():
    assert len(FILES) >= 24


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_each_crisis_written_blind_still_loads(path):
    """A change to the format that broke a reader's file would end the file's use as a test."""
    assert load_scenario(path).observed is not None


@pytest.mark.parametrize("folder", sorted({p.parent for p in FILES}), ids=lambda p: p.name)
def test_each_readers_files_match_the_sums_they_were_frozen_with(folder):
    """Nobody edits a crisis after it was scored: its folder's SHA256SUMS says what it was."""
    listed = {}
    for line in (folder / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split()
        listed[name] = digest
    assert set(listed) == {p.name for p in folder.glob("*.yaml")}
    for name, digest in listed.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name


def test_no_two_crises_share_a_name():
    """A backtest names each episode by its file and refuses two of one name, so every set can
    be scored in one command."""
    names = [p.stem for p in FILES]
    assert len(names) == len(set(names))
