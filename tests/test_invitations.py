"""The record behind a request's base rate: seeds/history/invitations.md and the parameter agree.

``invitation_base_rate`` is read from a catalogue of requests, not fitted: its default is the
share of the base's requests that were granted, and the count the file prints is the count of
its own table, so neither can drift from the rows.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from sim.scenario.parameters import PARAMETERS

CATALOGUE = Path(__file__).resolve().parents[1] / "seeds" / "history" / "invitations.md"
ANSWERS = ("granted", "partial", "declined")


def _rows() -> list[list[str]]:
    """The catalogue's table, one list of cells per request."""
    lines = CATALOGUE.read_text(encoding="utf-8").splitlines()
    return [
        [c.strip() for c in line.strip("|").split(" | ")]
        for line in lines
        if re.match(r"^\| \d+ \|", line)
    ]


def _in_base(row: list[str]) -> bool:
    """No defence agreement known to cover the case, and the government still in place."""
    return row[5].startswith(("no", "unclear"))


def _count(rows: list[list[str]]) -> tuple[int, ...]:
    answers = Counter(row[6].strip("*") for row in rows)
    assert set(answers) <= set(ANSWERS)
    return tuple(answers[a] for a in ANSWERS)


def _printed(label: str) -> tuple[int, ...]:
    """The counts the file's own table prints on the row whose label starts with ``label``."""
    for line in CATALOGUE.read_text(encoding="utf-8").splitlines():
        cells = [c.strip().strip("*") for c in line.strip("|").split(" | ")]
        if line.startswith("|") and cells[0].split(" (rows")[0] == label:
            return tuple(int(c) for c in cells[1:4])
    raise AssertionError(f"no count row {label!r}")


def test_every_request_is_numbered_answered_and_sourced():
    rows = _rows()
    assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
    for row in rows:
        assert row[6].strip("*") in ANSWERS, row[0]
        assert re.search(r"https?://", row[8]), f"request {row[0]} has no source"
        assert re.search(r"\b(19|20)\d\d\b", row[9]), f"request {row[0]} has no source year"


def test_the_count_printed_is_the_count_of_the_table():
    rows = _rows()
    assert _printed("every row") == _count(rows)
    assert _printed("the base") == _count([r for r in rows if _in_base(r)])
    # France, asked most often: the figures the docs compare the model's France with
    france = [r for r in rows if r[3] == "France"]
    assert _printed("France, every row") == _count(france)
    assert _printed("France, in the base") == _count([r for r in france if _in_base(r)])


def test_the_default_base_rate_of_granting_a_request_is_the_base_s_share():
    base = [r for r in _rows() if _in_base(r)]
    granted, _, _ = _count(base)
    assert PARAMETERS["invitation_base_rate"].default == pytest.approx(
        round(granted / len(base), 2)
    )
    source = PARAMETERS["invitation_base_rate"].source
    assert f"granted in {granted} of {len(base)}" in source
