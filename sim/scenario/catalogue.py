"""The bundled scenarios and lessons, with their titles, for ``sahelsim list`` and the app."""

from __future__ import annotations

from dataclasses import dataclass

from sim.scenario.facts import fact_base
from sim.scenario.loading import bundled_names, resolve_document, validate_document


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
        scenario = validate_document(merged, fact_base())
        description = (lang == "fr" and scenario.description_fr) or scenario.description
        description = " ".join(description.split())
        summary = description.split(". ")[0].rstrip(".") + "." if description else ""
        entries.append(Entry(name, scenario.title_in(lang), summary, "lessons/" in merged.name))
    return entries
