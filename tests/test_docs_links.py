"""Every link a reader follows inside the repository's documents leads somewhere.

A newcomer who clicks a vocabulary's name in docs/scenarios.md, or a section named in the README,
must land on it: a missing file or heading is a dead end on GitHub and in an editor alike.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = sorted(
    [
        ROOT / "README.md",
        ROOT / "seeds" / "README.md",
        *(ROOT / "docs").glob("*.md"),
        *(ROOT / "sim" / "data").glob("*.md"),
    ]
)
FENCE = re.compile(r"```.*?```", re.S)
LINK = re.compile(r"\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#+ (.*)$", re.M)


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    return {slug(h) for h in HEADING.findall(FENCE.sub("", path.read_text(encoding="utf-8")))}


def links(path: Path) -> list[str]:
    text = FENCE.sub("", path.read_text(encoding="utf-8"))
    return [t for t in LINK.findall(text) if not t.startswith(("http://", "https://", "mailto:"))]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_link_of_a_document_reaches_a_file_and_a_heading(document: Path):
    dead = []
    for target in links(document):
        path, _, fragment = target.partition("#")
        file = (document.parent / path).resolve() if path else document
        if not file.exists():
            dead.append(f"{target}: no such file")
        elif fragment and file.suffix == ".md" and fragment not in anchors(file):
            dead.append(f"{target}: no heading #{fragment} in {file.name}")
    assert not dead, f"{document.relative_to(ROOT)}: " + "; ".join(dead)


def test_the_link_check_sees_a_dead_anchor(tmp_path: Path):
    page = tmp_path / "page.md"
    page.write_text("# Title\n\nSee [the vocabulary](#coupform) and [the title](#title).\n")
    assert links(page) == ["#coupform", "#title"]
    assert "title" in anchors(page) and "coupform" not in anchors(page)
