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


def catalogue(lang: str = "en") -> list[Entry]:
    """Bundled scenarios, then lessons, each resolved through its ``extends:`` chain.

    In French (``lang`` "fr"), each one's French title and the first sentence of its French
    description (every bundled scenario gives both).
    """
    entries = []
    for name in bundled_names():
        merged = resolve_document(name)
        data = merged.data
        title = str(data.get("title", name))
        description = str(data.get("description", ""))
        if lang == "fr":
            notes = (data.get("teaching") or {}).get("fr") or {}
            title = notes.get("title") or data.get("title_fr") or title
            description = data.get("description_fr") or description
        description = " ".join(description.split())
        summary = description.split(". ")[0].rstrip(".") + "." if description else ""
        entries.append(Entry(name, title, summary, "lessons/" in merged.name))
    return entries
