"""The bundled scenarios and lessons, with their titles, for ``sahelsim list`` and the app."""

from __future__ import annotations

from dataclasses import dataclass

from sim.scenario.loading import bundled_names, resolve_document


@dataclass(frozen=True)
class Entry:
    """One bundled scenario: its name, title and the first sentence of its description."""

    name: str
    title: str
    summary: str
    lesson: bool


def catalogue() -> list[Entry]:
    """Bundled scenarios, then lessons, each resolved through its ``extends:`` chain."""
    entries = []
    for name in bundled_names():
        merged = resolve_document(name)
        title = str(merged.data.get("title", name))
        description = " ".join(str(merged.data.get("description", "")).split())
        summary = description.split(". ")[0].rstrip(".") + "." if description else ""
        entries.append(Entry(name, title, summary, "lessons/" in merged.name))
    return entries
